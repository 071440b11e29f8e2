#pragma once
// A streaming RFC 4180 reader: separator detected from the header line (',' ';' TAB),
// BOM skipped, quoted fields with separators, "" and line breaks, CRLF or LF line ends,
// Windows-1252 input decoded to UTF-8 on the fly. It keeps one buffer, never the file.
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace wmotoets {

class CsvReader {
public:
    CsvReader(std::istream& in, bool windows1252);

    // Reads the next record; false at the end of input. Blank lines are skipped.
    // `line` is the physical line on which the record starts (1-based).
    bool next(std::vector<std::string>& fields, std::uint64_t& line);
    // True when the last record ended inside an unclosed quote.
    bool unterminated_quote() const { return unterminated_; }
    char separator() const { return sep_; }

private:
    bool fill();
    int get() {
        if (pos_ == buf_.size() && !fill()) return -1;
        return static_cast<unsigned char>(buf_[pos_++]);
    }
    int peek() {
        if (pos_ == buf_.size() && !fill()) return -1;
        return static_cast<unsigned char>(buf_[pos_]);
    }
    void detect_separator();

    std::istream& in_;
    bool cp1252_;
    std::string buf_, raw_;
    std::size_t pos_ = 0;
    std::uint64_t line_ = 1;
    char sep_ = ',';
    bool unterminated_ = false;
};

}  // namespace wmotoets
