#include "util/output_file.hpp"

#include <ext/stdio_filebuf.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

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

}  // namespace

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
        buf_ = std::make_unique<__gnu_cxx::stdio_filebuf<char>>(fd_, std::ios::out | std::ios::binary, 1 << 16);
        out_ = std::make_unique<std::ostream>(buf_.get());
    }
    return *out_;
}

// Closes the file (the stream's buffer owns the descriptor once the stream was used).
void OutputFile::close_file() {
    const bool owned_by_buffer = buf_ != nullptr;
    out_.reset();
    buf_.reset();
    if (!owned_by_buffer && fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

OutputFile::~OutputFile() {
    if (committed_) return;
    close_file();
    ::unlink(part_.c_str());
}

void OutputFile::commit() {
    bool ok = true;
    if (out_) ok = static_cast<bool>(out_->flush());
    int error = ok ? 0 : errno;
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
