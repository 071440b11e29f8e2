#include "util/files.hpp"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/error.hpp"

namespace wmotoets {

void require_regular_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw Error(path + ": bestand bestaat niet of is niet leesbaar");
    if (S_ISDIR(st.st_mode)) throw Error(path + ": is een map, geen bestand");
    if (!S_ISREG(st.st_mode))
        throw Error(path + ": is geen gewoon bestand (maar een apparaat, pijp of socket); geef een bestand");
}

namespace {

// The message of a bus error in a mapped input, written ready beforehand: a signal handler may
// only write and leave. It names the file mapped last (a run reads its inputs one by one).
char bus_message[1024];
std::size_t bus_message_size = 0;

extern "C" void on_bus_error(int) {
    const ssize_t ignored = ::write(STDERR_FILENO, bus_message, bus_message_size);
    (void)ignored;
    ::_exit(2);
}

void prepare_bus_message(const std::string& shown) {
    static std::once_flag installed;
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    const std::string text = "wmotoets: " + shown +
                             ": het bestand werd korter gemaakt terwijl het gelezen werd (door een ander programma); "
                             "er is niets opgeslagen of geschreven. Lees het opnieuw als het af is.\n";
    bus_message_size = std::min(text.size(), sizeof bus_message);
    std::memcpy(bus_message, text.data(), bus_message_size);
    std::call_once(installed, [] {
        struct sigaction sa {};
        sa.sa_handler = on_bus_error;
        sigemptyset(&sa.sa_mask);
        ::sigaction(SIGBUS, &sa, nullptr);
    });
}

}  // namespace

MappedFile::MappedFile(const std::string& path, const std::string& shown) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        prepare_bus_message(shown);
        void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            data_ = p;
            size_ = static_cast<std::size_t>(st.st_size);
        }
    }
    ::close(fd);
}

MappedFile::~MappedFile() {
    if (data_) ::munmap(data_, size_);
}

}  // namespace wmotoets
