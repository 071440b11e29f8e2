#pragma once
// A streaming RFC 4180 reader: separator detected from the header line (',' ';' TAB),
// BOM skipped, quoted fields with separators, "" and line breaks, CRLF or LF line ends,
// Windows-1252 input decoded to UTF-8 on the fly. It keeps one buffer, never the file,
// and hands out fields as views into one reused row buffer (no allocation per field).
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wmotoets {

// Limits on one record, far above any real export (Excel itself stops at 16,384 columns and
// 32,767 characters per cell); README.md "Input limits" names them.
inline constexpr std::size_t kMaxCsvFields = 2000;
inline constexpr std::size_t kMaxCsvFieldBytes = std::size_t(1) << 20;

// Whether the whole file at `path` is valid UTF-8 (else a CsvReader reads it as Windows-1252).
// Throws Error when it cannot be read.
bool file_is_utf8(const std::string& path);

class CsvReader {
public:
    CsvReader(std::istream& in, bool windows1252);
    // A reader for a part of a UTF-8 file: `in` is positioned at byte `start`, a record start,
    // the separator is known from the header and lines are counted from 1 again.
    CsvReader(std::istream& in, char separator, std::uint64_t start);

    // Reads the next record; false at the end of input. Blank lines are skipped. The views
    // stay valid until the next call. `line` is the physical line where the record starts.
    bool next(std::vector<std::string_view>& fields, std::uint64_t& line);
    // What was wrong with the last record, if anything. A record over a limit is read to its end
    // but not kept (`fields` is empty), so memory stays bounded whatever the input.
    enum class Status { ok, unterminated_quote, too_many_fields, field_too_long };
    Status status() const { return status_; }
    bool unterminated_quote() const { return status_ == Status::unterminated_quote; }
    char separator() const { return sep_; }
    // Bytes of the input consumed so far (UTF-8 input): where the next record starts.
    std::uint64_t offset() const { return base_ + pos_; }
    // The physical line where the next record starts.
    std::uint64_t line() const { return line_; }

private:
    int fast_row(std::vector<std::string_view>& fields);
    bool fill();
    bool more() { return pos_ < buf_.size() || fill(); }
    void detect_separator();
    void keep(const char* p, const char* q);
    void end_field();

    std::istream& in_;
    bool cp1252_;
    std::string buf_, raw_, row_;
    std::vector<std::pair<std::size_t, std::size_t>> bounds_;
    std::size_t pos_ = 0;
    std::uint64_t base_ = 0;  // input bytes before buf_[0]
    std::uint64_t line_ = 1;
    char sep_ = ',';
    std::size_t field_start_ = 0;
    Status status_ = Status::ok;
};

}  // namespace wmotoets
