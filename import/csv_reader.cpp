#include "import/csv_reader.hpp"

#include "model/text.hpp"

namespace wmotoets {

CsvReader::CsvReader(std::istream& in, bool windows1252) : in_(in), cp1252_(windows1252) {
    fill();
    if (buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
    detect_separator();
}

bool CsvReader::fill() {
    constexpr std::size_t kChunk = 1 << 20;
    // Keep unread bytes (there are none when called from get/peek, but detection may look ahead).
    std::string rest = buf_.substr(pos_);
    raw_.resize(kChunk);
    in_.read(raw_.data(), static_cast<std::streamsize>(kChunk));
    raw_.resize(static_cast<std::size_t>(in_.gcount()));
    if (raw_.empty()) return false;
    if (cp1252_) {
        std::string decoded;
        cp1252_to_utf8(raw_, decoded);
        buf_ = std::move(rest) + decoded;
    } else {
        buf_ = std::move(rest) + raw_;
    }
    pos_ = 0;
    return true;
}

void CsvReader::detect_separator() {
    // Count candidates on the header line, outside quotes; make sure the whole line is buffered.
    for (;;) {
        bool quoted = false;
        std::size_t i = pos_;
        int comma = 0, semi = 0, tab = 0;
        bool complete = false;
        for (; i < buf_.size(); ++i) {
            const char c = buf_[i];
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) { complete = true; break; }
            else if (!quoted && c == ',') ++comma;
            else if (!quoted && c == ';') ++semi;
            else if (!quoted && c == '\t') ++tab;
        }
        if (!complete && in_) {
            // Header longer than the buffer: read more and count again.
            std::string keep = buf_.substr(pos_);
            buf_.clear();
            pos_ = 0;
            if (fill()) { buf_ = keep + buf_; continue; }
            buf_ = keep;
        }
        if (semi > comma && semi >= tab) sep_ = ';';
        else if (tab > comma && tab > semi) sep_ = '\t';
        else sep_ = ',';
        return;
    }
}

bool CsvReader::next(std::vector<std::string>& fields, std::uint64_t& line) {
    for (;;) {
        fields.clear();
        unterminated_ = false;
        line = line_;
        int c = get();
        if (c < 0) return false;
        std::string field;
        bool in_quotes = false;
        bool any = false;  // anything other than the line end seen in this record
        for (;;) {
            if (c < 0) {
                if (in_quotes) unterminated_ = true;
                fields.push_back(std::move(field));
                return true;
            }
            if (in_quotes) {
                if (c == '"') {
                    if (peek() == '"') { get(); field += '"'; }
                    else in_quotes = false;
                } else {
                    if (c == '\n') ++line_;
                    field += static_cast<char>(c);
                }
            } else if (c == sep_) {
                fields.push_back(std::move(field));
                field.clear();
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') get();
                ++line_;
                break;
            } else if (c == '"' && field.empty()) {
                in_quotes = true;
                any = true;
            } else {
                field += static_cast<char>(c);
                any = true;
            }
            c = get();
        }
        if (!any && field.empty()) continue;  // a blank line
        fields.push_back(std::move(field));
        return true;
    }
}

}  // namespace wmotoets
