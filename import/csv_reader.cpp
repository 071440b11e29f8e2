#include "import/csv_reader.hpp"

#include <cstring>
#include <fstream>

#include "util/byte_scan.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace wmotoets {

bool file_is_utf8(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": bestand bestaat niet of is niet leesbaar");
    int state = 0;
    std::string chunk(1 << 16, '\0');
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        if (!utf8_valid_chunk(std::string_view(chunk.data(), std::size_t(in.gcount())), state)) return false;
    }
    return state == 0;
}

CsvReader::CsvReader(std::istream& in, bool windows1252) : in_(in), cp1252_(windows1252) {
    fill();
    if (buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
    detect_separator();
}

CsvReader::CsvReader(std::istream& in, char separator, std::uint64_t start)
    : in_(in), cp1252_(false), base_(start), sep_(separator) {
    fill();
}

bool CsvReader::fill() {
    constexpr std::size_t kChunk = 1 << 20;
    // Keep the unread rest at the front and read behind it, reusing the same buffers.
    if (pos_ > 0) {
        base_ += pos_;
        buf_.erase(0, pos_);
        pos_ = 0;
    }
    const std::size_t keep = buf_.size();
    if (cp1252_) {
        raw_.resize(kChunk);
        in_.read(raw_.data(), static_cast<std::streamsize>(kChunk));
        raw_.resize(static_cast<std::size_t>(in_.gcount()));
        cp1252_to_utf8(raw_, buf_);
    } else {
        buf_.resize(keep + kChunk);
        in_.read(buf_.data() + keep, static_cast<std::streamsize>(kChunk));
        buf_.resize(keep + static_cast<std::size_t>(in_.gcount()));
    }
    return buf_.size() > keep;
}

void CsvReader::detect_separator() {
    // Count candidates on the header line, outside quotes; read on until the line is complete.
    std::size_t from = pos_;
    bool quoted = false;
    int comma = 0, semi = 0, tab = 0;
    for (;;) {
        std::size_t i = from;
        for (; i < buf_.size(); ++i) {
            const char c = buf_[i];
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted && c == ',') ++comma;
            else if (!quoted && c == ';') ++semi;
            else if (!quoted && c == '\t') ++tab;
        }
        if (i < buf_.size()) break;
        const std::size_t consumed = i - pos_;
        if (!fill()) break;  // fill() moved the unread rest to the front
        from = consumed;
    }
    if (semi > comma && semi >= tab) sep_ = ';';
    else if (tab > comma && tab > semi) sep_ = '\t';
    else sep_ = ',';
}

// The common row: complete in the buffer, no quotes, no lone CR. Its fields are views into
// the buffer itself. Returns 0 when the slow path must read it, 1 for a row, 2 for a blank line.
// Sixteen bytes are classified at a time (util/byte_scan.hpp).
int CsvReader::fast_row(std::vector<std::string_view>& fields) {
    const char* const p = buf_.data() + pos_;
    const char* const end = buf_.data() + buf_.size();
    fields.clear();
    const char* field = p;
    const char* q = p;
    for (;; q += scan::kBlock) {
        if (end - q < std::ptrdiff_t(scan::kBlock)) break;
        const unsigned seps = scan::equal(q, sep_);
        const unsigned special = scan::any_of(q, '\n', '"', '\r');
        const unsigned stop = special ? static_cast<unsigned>(__builtin_ctz(special)) : 16u;
        for (unsigned m = stop == 16 ? seps : seps & ((1u << stop) - 1); m != 0; m &= m - 1) {
            const char* at = q + __builtin_ctz(m);
            fields.emplace_back(field, std::size_t(at - field));
            field = at + 1;
        }
        if (special) {
            q += stop;
            goto special_char;
        }
    }
    for (; q < end; ++q) {
        const char c = *q;
        if (c == sep_) {
            fields.emplace_back(field, std::size_t(q - field));
            field = q + 1;
        } else if (c == '\n' || c == '"' || c == '\r') {
            goto special_char;
        }
    }
    return 0;  // the row goes on past the buffer
special_char:
    const char* row_end = q;  // the row's text ends here
    if (*q == '\r') {
        if (q + 1 >= end || q[1] != '\n') return 0;  // a lone CR (a line end too), or CR at the buffer's end
        ++q;
    }
    if (*q != '\n') return 0;  // a quote
    pos_ = std::size_t(q + 1 - buf_.data());
    ++line_;
    if (row_end == p) return 2;
    fields.emplace_back(field, std::size_t(row_end - field));
    return 1;
}

// Appends text to the current field, unless the record is already over a limit.
void CsvReader::keep(const char* p, const char* q) {
    if (status_ != Status::ok) return;
    if (row_.size() - field_start_ + std::size_t(q - p) > kMaxCsvFieldBytes) {
        status_ = Status::field_too_long;
        return;
    }
    row_.append(p, q);
}

void CsvReader::end_field() {
    if (status_ != Status::ok) return;
    if (bounds_.size() + 1 >= kMaxCsvFields) {
        status_ = Status::too_many_fields;
        return;
    }
    bounds_.emplace_back(field_start_, row_.size());
    field_start_ = row_.size();
}

bool CsvReader::next(std::vector<std::string_view>& fields, std::uint64_t& line) {
    for (;;) {
        status_ = Status::ok;
        line = line_;
        if (const int fast = fast_row(fields); fast == 1) {
            // Only a row longer than a field may hold a field over the limit.
            const std::size_t span = std::size_t(fields.back().data() + fields.back().size() - fields.front().data());
            if (fields.size() <= kMaxCsvFields && span <= kMaxCsvFieldBytes) return true;
            if (fields.size() > kMaxCsvFields) status_ = Status::too_many_fields;
            else
                for (const auto f : fields)
                    if (f.size() > kMaxCsvFieldBytes) status_ = Status::field_too_long;
            if (status_ != Status::ok) fields.clear();
            return true;
        } else if (fast == 2) {
            continue;
        }
        row_.clear();
        bounds_.clear();
        field_start_ = 0;
        line = line_;
        if (!more()) return false;
        bool in_quotes = false, any = false, at_field_start = true, eof = false;
        for (;;) {
            if (!more()) {
                eof = true;
                if (in_quotes) status_ = Status::unterminated_quote;
                break;
            }
            const char* p = buf_.data() + pos_;
            const char* end = buf_.data() + buf_.size();
            const char* q = p;
            if (in_quotes) {
                while (q < end && *q != '"' && *q != '\n') ++q;
                keep(p, q);
                pos_ += std::size_t(q - p);
                if (q == end) continue;
                ++pos_;
                if (*q == '\n') {
                    ++line_;
                    keep(q, q + 1);
                } else if (more() && buf_[pos_] == '"') {
                    keep(q, q + 1);
                    ++pos_;
                } else {
                    in_quotes = false;
                }
                continue;
            }
            while (q < end && *q != sep_ && *q != '\n' && *q != '\r' && *q != '"') ++q;
            if (q > p) {
                keep(p, q);
                any = true;
                at_field_start = false;
            }
            pos_ += std::size_t(q - p);
            if (q == end) continue;
            const char c = *q;
            ++pos_;
            if (c == sep_) {
                end_field();
                any = at_field_start = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && more() && buf_[pos_] == '\n') ++pos_;
                ++line_;
                break;
            } else if (at_field_start) {  // an opening quote
                in_quotes = any = true;
                at_field_start = false;
            } else {  // a quote inside an unquoted field is kept as text
                keep(q, q + 1);
            }
        }
        if (!any && row_.empty() && !eof && status_ == Status::ok) continue;  // a blank line
        if (!any && row_.empty() && bounds_.empty() && status_ == Status::ok) return false;
        fields.clear();
        if (status_ == Status::too_many_fields || status_ == Status::field_too_long) return true;
        bounds_.emplace_back(field_start_, row_.size());
        for (const auto& [b, e] : bounds_) fields.emplace_back(row_.data() + b, e - b);
        return true;
    }
}

}  // namespace wmotoets
