#pragma once
// Input files are ordinary files: a directory, a device such as /dev/zero, a FIFO or a socket is
// refused (with the path, in Dutch) before anything is read from it — reading one would hang, grow
// without end, or read nothing and call it an empty log.
#include <cstddef>
#include <string>
#include <string_view>

namespace wmotoets {

void require_regular_file(const std::string& path);

// A regular, non-empty file mapped into memory, read-only: its readers (the hash, the two reading
// threads) work on the page cache itself instead of each copying every byte out of it. When the
// file cannot be mapped (empty, not a regular file, no room) `mapped()` is false and the caller
// reads it as a stream. A file made shorter by another program while it is mapped ends the run
// with a Dutch message and exit code 2 (not a bus error): what was read is then no longer the file.
class MappedFile {
public:
    // `shown` names the file in that message (a possible BSN in its name already masked).
    MappedFile(const std::string& path, const std::string& shown);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    bool mapped() const { return data_ != nullptr; }
    std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace wmotoets
