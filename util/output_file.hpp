#pragma once
// Output files written whole or not at all, and the directories they go into.
#include <functional>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace wmotoets {

// The directory `path` (created when absent); an Error in Dutch when it is a file or cannot be made.
void ensure_directory(const std::string& path);

// An output file written safely: created exclusively as a new temporary file beside the target
// (FILE.deel-XXXXXX, never through an existing file or link), flushed to disk, and renamed over
// the target only when complete. A command that fails halfway, or a full disk, leaves an earlier
// file as it was. A target that is a directory or a symbolic link is refused.
class OutputFile {
public:
    explicit OutputFile(std::string path);
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    ~OutputFile();
    std::ostream& stream();
    // The temporary file's name, for a library that opens the file itself (libxlsxwriter).
    const std::string& temporary_path() const { return part_; }
    // Closes the stream (if used), checks every byte reached the disk, and puts the file in place.
    void commit();

private:
    void close_file();
    std::string path_, part_;
    int fd_ = -1;
    class Buffer;
    std::unique_ptr<std::ostream> out_;
    std::unique_ptr<Buffer> buf_;
    bool committed_ = false;
};

// A set of output files in one folder written all or none (issue 27: a full disk after rapport.html
// left a new html beside the old xlsx and csv). The files are written into a new folder inside
// `dir` (.wmotoets-deel-XXXXXX); commit() renames each over its target (no disk space needed, so
// nothing can fail halfway for lack of it) and removes the names given to remove(). Without
// commit() — an error, a full disk — the folder is removed and `dir` is as it was.
class OutputSet {
public:
    explicit OutputSet(std::string dir);
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;
    ~OutputSet();
    // Where file `name` is written until commit().
    std::string path(const std::string& name) const { return staging_ + "/" + name; }
    void remove(const std::string& name) { removed_.push_back(name); }
    // Runs `write`; an Error that names a file in the staging folder names its target instead.
    void guard(const std::function<void()>& write) const;
    void commit();

private:
    std::string dir_, staging_;
    std::vector<std::string> removed_;
    bool committed_ = false;
};

// Writes `path` through `write`, safely (OutputFile).
void write_output(const std::string& path, const std::function<void(std::ostream&)>& write);
// Writes `path` through a library that takes a file name, safely (OutputFile).
void write_output_file(const std::string& path, const std::function<void(const std::string& temporary)>& write);

}  // namespace wmotoets
