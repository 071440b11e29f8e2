#include "util/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <thread>

#include "util/error.hpp"
#include "util/system_words.hpp"

namespace wmotoets {

void ensure_directory(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode))
        throw Error(path + ": is geen map (hier komen de bestanden; geef een map, bijv. --uit rapport/)");
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) throw Error(path + ": map kan niet worden gemaakt (" + dutch_errno(ec.value()) + ")");
}

namespace {

// Refuses a target that is a directory, a symbolic link (a link planted there must not lead the
// output somewhere else) or anything but an ordinary file.
void check_target(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return;  // absent: fine
    if (S_ISLNK(st.st_mode))
        throw Error(path +
                    ": is een symbolische koppeling; wmotoets schrijft daar niet doorheen (kies een andere naam)");
    if (S_ISDIR(st.st_mode)) throw Error(path + ": is een map; geef een bestandsnaam");
    if (!S_ISREG(st.st_mode)) throw Error(path + ": is geen gewoon bestand; geef een bestandsnaam");
}

// Writes `size` bytes at the file's offset; how many were written (fewer: errno says why).
std::size_t write_all(int fd, const char* data, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return done;
        }
        done += static_cast<std::size_t>(n);
    }
    return done;
}

}  // namespace

// The stream buffer of an output file. A report of a few kilobytes is written when it is committed;
// a large one (2.5 GB of JSON findings) in chunks of 8 MiB by a thread of its own while the next chunk
// fills, and around the page cache (O_DIRECT) where the file system allows it: written once, the
// output need not occupy the memory of the machine, nor wait at commit for the cache to reach the
// disk (bench/RESULTS.md, 2026-12-07: 2.5 GB in 1 s instead of 1.3–6 s of copying into the cache on
// a virtual machine). Only whole chunks go directly; the last part through the cache as usual.
class OutputFile::Buffer final : public std::streambuf {
public:
    static constexpr std::size_t kChunk = std::size_t(8) << 20;  // a multiple of every block size

    explicit Buffer(int fd) : fd_(fd) {
        for (char*& b : buffers_) {
            b = static_cast<char*>(std::aligned_alloc(4096, kChunk));
            if (!b) throw std::bad_alloc();
        }
        setp(buffers_[0], buffers_[0] + kChunk);
    }
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
    ~Buffer() override {
        stop_writer();
        for (char* b : buffers_) std::free(b);
    }

    // Writes what is left; 0, or the errno of the first failed write.
    int finish() {
        stop_writer();
        const std::size_t size = static_cast<std::size_t>(pptr() - pbase());
        setp(pbase(), pbase());
        if (error_ == 0 && size > 0) {
            const std::size_t whole = direct_ ? size / 4096 * 4096 : 0;
            if (whole > 0) write_chunk(pbase(), whole);
            use_cache();  // the tail is not a whole block
            if (error_ == 0 && write_all(fd_, pbase() + whole, size - whole) != size - whole) error_ = errno;
        }
        return error_;
    }

protected:
    int_type overflow(int_type c) override {
        if (!hand_over()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }

    std::streamsize xsputn(const char* s, std::streamsize n) override {
        std::streamsize done = 0;
        while (done < n) {
            if (pptr() == epptr() && !hand_over()) return done;
            const std::streamsize room = epptr() - pptr();
            const std::streamsize take = std::min(room, n - done);
            std::memcpy(pptr(), s + done, static_cast<std::size_t>(take));
            pbump(static_cast<int>(take));
            done += take;
        }
        return done;
    }

    // A flush does not write a part of a chunk (O_DIRECT writes whole blocks); finish() does.
    int sync() override { return failed() ? -1 : 0; }

private:
    bool failed() {
        const std::lock_guard lock(mutex_);
        return error_ != 0;
    }

    // Gives the full chunk to the writer thread (started on the first) and fills the other one.
    bool hand_over() {
        std::unique_lock lock(mutex_);
        if (!writer_.joinable()) {
            direct_ = try_direct();
            writer_ = std::thread([this] { write_loop(); });
        }
        idle_.wait(lock, [&] { return pending_ == nullptr; });
        if (error_ != 0) return false;
        pending_ = pbase();
        wake_.notify_one();
        char* next = pbase() == buffers_[0] ? buffers_[1] : buffers_[0];
        setp(next, next + kChunk);
        return true;
    }

    void write_loop() {
        std::unique_lock lock(mutex_);
        for (;;) {
            wake_.wait(lock, [&] { return pending_ != nullptr || stopping_; });
            if (!pending_) return;
            char* chunk = pending_;
            lock.unlock();
            write_chunk(chunk, kChunk);
            lock.lock();
            pending_ = nullptr;
            idle_.notify_all();
        }
    }

    void stop_writer() {
        if (!writer_.joinable()) return;
        {
            std::unique_lock lock(mutex_);
            idle_.wait(lock, [&] { return pending_ == nullptr; });
            stopping_ = true;
        }
        wake_.notify_one();
        writer_.join();
    }

    // O_DIRECT where the file system takes it (tmpfs before Linux 6.6 does not: through the cache there).
    bool try_direct() {
        const int flags = ::fcntl(fd_, F_GETFL);
        return flags >= 0 && ::fcntl(fd_, F_SETFL, flags | O_DIRECT) == 0;
    }

    void use_cache() {
        if (!direct_) return;
        const int flags = ::fcntl(fd_, F_GETFL);
        if (flags >= 0) ::fcntl(fd_, F_SETFL, flags & ~O_DIRECT);
        direct_ = false;
    }

    void write_chunk(const char* data, std::size_t size) {
        if (error_ != 0) return;
        std::size_t done = write_all(fd_, data, size);
        if (done == size) return;
        // A file system that accepts the flag but not the write (EINVAL), or a direct write cut short at
        // an unaligned length: the rest through the cache, from where it stopped.
        if (direct_ && errno == EINVAL) {
            use_cache();
            done += write_all(fd_, data + done, size - done);
            if (done == size) return;
        }
        const std::lock_guard lock(mutex_);
        error_ = errno;
    }

    int fd_;
    char* buffers_[2] = {nullptr, nullptr};
    bool direct_ = false;
    std::mutex mutex_;
    std::condition_variable wake_, idle_;
    char* pending_ = nullptr;  // the chunk being written
    bool stopping_ = false;
    int error_ = 0;
    std::thread writer_;
};

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
    check_target(path_);
    std::string name = path_ + ".deel-XXXXXX";
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);  // O_EXCL: a new file, never an existing one or a link
    if (fd_ < 0) throw Error(path_ + ": kan uitvoerbestand niet schrijven (" + dutch_errno(errno) + ")");
    part_ = name;
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);  // as an ordinary new file, not mkstemp's 0600
}

std::ostream& OutputFile::stream() {
    if (!out_) {
        buf_ = std::make_unique<Buffer>(fd_);
        out_ = std::make_unique<std::ostream>(buf_.get());
    }
    return *out_;
}

void OutputFile::close_file() {
    out_.reset();
    buf_.reset();
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

OutputFile::~OutputFile() {
    if (committed_) return;
    close_file();
    ::unlink(part_.c_str());
}

void OutputFile::commit() {
    bool ok = true;
    int error = 0;
    if (out_) {
        ok = static_cast<bool>(*out_);
        error = buf_->finish();
        if (error != 0) ok = false;
    }
    if (::fsync(fd_) != 0) {  // a full disk shows here at the latest
        ok = false;
        error = errno;
    }
    close_file();
    if (!ok)
        throw Error(path_ + ": schrijven mislukt (" + dutch_errno(error ? error : EIO) +
                    "); een eerder bestand met deze naam is niet veranderd");
    check_target(path_);
    if (::rename(part_.c_str(), path_.c_str()) != 0)
        throw Error(path_ + ": kan uitvoerbestand niet op zijn plaats zetten (" + dutch_errno(errno) + ")");
    committed_ = true;
}

void write_output(const std::string& path, const std::function<void(std::ostream&)>& write) {
    OutputFile file(path);
    write(file.stream());
    file.commit();
}

void write_output_file(const std::string& path, const std::function<void(const std::string& temporary)>& write) {
    OutputFile file(path);
    try {
        write(file.temporary_path());
    } catch (const Error& e) {  // name the file the user asked for, not the temporary one
        if (e.file() == file.temporary_path()) throw e.about(path);
        throw;
    }
    file.commit();
}

OutputSet::OutputSet(std::string dir) : dir_(std::move(dir)) {
    ensure_directory(dir_);
    std::string name = dir_ + "/.wmotoets-deel-XXXXXX";
    if (!::mkdtemp(name.data())) throw Error(dir_ + ": kan hier geen bestanden schrijven (" + dutch_errno(errno) + ")");
    staging_ = name;
}

OutputSet::~OutputSet() {
    std::error_code ec;
    if (!committed_) std::filesystem::remove_all(staging_, ec);
}

void OutputSet::guard(const std::function<void()>& write) const {
    try {
        write();
    } catch (const Error& e) {
        const std::string prefix = staging_ + "/";
        if (e.file().rfind(prefix, 0) == 0) throw e.about(dir_ + "/" + e.file().substr(prefix.size()));
        std::string text = e.what();
        for (std::size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at))
            text.replace(at, prefix.size(), dir_ + "/");
        throw Error(text);
    }
}

void OutputSet::commit() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(staging_))
        names.push_back(entry.path().filename().string());
    for (const std::string& name : names) check_target(dir_ + "/" + name);
    for (const std::string& name : names)
        if (::rename(path(name).c_str(), (dir_ + "/" + name).c_str()) != 0)
            throw Error(dir_ + "/" + name + ": kan uitvoerbestand niet op zijn plaats zetten (" + dutch_errno(errno) +
                        ")");
    for (const std::string& name : removed_) {
        std::error_code ec;
        std::filesystem::remove(dir_ + "/" + name, ec);
    }
    committed_ = true;
    std::error_code ec;
    std::filesystem::remove(staging_, ec);
}

}  // namespace wmotoets
