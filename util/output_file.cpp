#include "util/output_file.hpp"

#include <ext/stdio_filebuf.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "util/error.hpp"

namespace wmotoets {

void ensure_directory(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode))
        throw Error(path + ": is geen map (hier komen de bestanden; geef een map, bijv. --uit rapport/)");
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) throw Error(path + ": map kan niet worden gemaakt (" + ec.message() + ")");
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
    if (fd_ < 0) throw Error(path_ + ": kan uitvoerbestand niet schrijven (" + std::strerror(errno) + ")");
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
        throw Error(path_ + ": schrijven mislukt (" + std::strerror(error ? error : EIO) +
                    "); een eerder bestand met deze naam is niet veranderd");
    check_target(path_);
    if (::rename(part_.c_str(), path_.c_str()) != 0)
        throw Error(path_ + ": kan uitvoerbestand niet op zijn plaats zetten (" + std::strerror(errno) + ")");
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

}  // namespace wmotoets
