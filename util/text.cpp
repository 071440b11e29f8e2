#include "util/text.hpp"

#include <cctype>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace wmotoets {

std::string_view trim_edges(std::string_view s) {
    const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && ws(s.front())) s.remove_prefix(1);
    while (!s.empty() && ws(s.back())) s.remove_suffix(1);
    while (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') s.remove_prefix(2);
    while (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') s.remove_suffix(2);
    return s;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

namespace {
// Base letter of U+00C0 … U+00FF (lower-case), 0 where there is none.
constexpr std::array<char, 64> kLatin1Fold{
    'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // C0-CF
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   's',  // D0-DF
    'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // E0-EF
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y'   // F0-FF
};

std::string fold(std::string_view s, bool underscores) {
    s = trim(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            const unsigned char n = static_cast<unsigned char>(s[i + 1]);
            if (n >= 0x80 && n <= 0xBF && kLatin1Fold[n - 0x80 + 0x00] != 0) {
                out += kLatin1Fold[n - 0x80];
                ++i;
                continue;
            }
        }
        if (c >= 'A' && c <= 'Z') {
            out += char(c - 'A' + 'a');
        } else if (underscores && (c == ' ' || c == '-' || c == '\t')) {
            out += '_';
        } else {
            out += char(c);
        }
    }
    return out;
}
}  // namespace

std::string fold_label(std::string_view s) { return fold(s, true); }
std::string fold_text(std::string_view s) { return fold(s, false); }

bool utf8_valid_chunk(std::string_view chunk, int& state) {
    // state = number of continuation bytes still expected (with the lead byte's constraints
    // folded into 0x10 / 0x20 / 0x30 / 0x40 flags for the first continuation byte).
    const char* p = chunk.data();
    const char* const end = p + chunk.size();
    while (p < end) {
        // ASCII fast path: eight bytes at a time while no high bit is set.
        if (state == 0) {
            while (end - p >= 8) {
                std::uint64_t w;
                std::memcpy(&w, p, 8);
                if (w & 0x8080808080808080ULL) break;
                p += 8;
            }
            if (p == end) break;
        }
        const unsigned char c = static_cast<unsigned char>(*p++);
        if (state == 0) {
            if (c < 0x80) continue;
            if (c >= 0xC2 && c <= 0xDF) state = 1;
            else if (c == 0xE0) state = 2 | 0x10;  // next A0..BF
            else if (c == 0xED) state = 2 | 0x20;  // next 80..9F
            else if (c >= 0xE1 && c <= 0xEF) state = 2;
            else if (c == 0xF0) state = 3 | 0x30;  // next 90..BF
            else if (c == 0xF4) state = 3 | 0x40;  // next 80..8F
            else if (c >= 0xF1 && c <= 0xF3) state = 3;
            else return false;
            continue;
        }
        const int flag = state & 0xF0;
        int lo = 0x80, hi = 0xBF;
        if (flag == 0x10) lo = 0xA0;
        else if (flag == 0x20) hi = 0x9F;
        else if (flag == 0x30) lo = 0x90;
        else if (flag == 0x40) hi = 0x8F;
        if (c < lo || c > hi) return false;
        state = (state & 0x0F) - 1;
    }
    return true;
}

void cp1252_to_utf8(std::string_view in, std::string& out) {
    // 0x80-0x9F of Windows-1252 (undefined positions map to U+FFFD).
    static constexpr std::array<char16_t, 32> k80{0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                                  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    out.reserve(out.size() + in.size() + in.size() / 8);
    for (unsigned char c : in) {
        char32_t cp = c;
        if (c >= 0x80 && c <= 0x9F) cp = k80[c - 0x80];
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }
}

std::optional<bool> parse_yes_no(std::string_view s) {
    const std::string v = ascii_lower(trim(s));
    if (v == "ja" || v == "j" || v == "yes" || v == "y" || v == "true" || v == "1") return true;
    if (v == "nee" || v == "n" || v == "no" || v == "false" || v == "0") return false;
    return std::nullopt;
}

std::optional<double> parse_amount(std::string_view s) {
    std::string v;
    s = trim(s);
    // Drop a euro sign (UTF-8 E2 82 AC, or "EUR") and spaces.
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 3, "\xE2\x82\xAC") == 0) {
            i += 2;
            continue;
        }
        if (s.compare(i, 3, "EUR") == 0) {
            i += 2;
            continue;
        }
        if (s[i] == ' ') continue;
        v += s[i];
    }
    if (v.empty()) return std::nullopt;
    const auto comma = v.rfind(','), dot = v.rfind('.');
    std::string norm;
    const bool comma_decimal = comma != std::string::npos && (dot == std::string::npos || comma > dot);
    for (std::size_t i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (c == ',') {
            if (comma_decimal && i == comma) norm += '.';
        } else if (c == '.') {
            if (!comma_decimal && i == dot) norm += '.';
        } else if ((c >= '0' && c <= '9') || (c == '-' && i == 0)) {
            norm += c;
        } else {
            return std::nullopt;
        }
    }
    if (norm.empty() || norm == "-" || norm == ".") return std::nullopt;
    char* end = nullptr;
    const double d = std::strtod(norm.c_str(), &end);
    if (end != norm.c_str() + norm.size()) return std::nullopt;
    return d;
}

std::string fold_compact(std::string_view s) {
    std::string out = fold_label(s);
    std::erase(out, '_');
    return out;
}

namespace {

// The length of a character to be shown escaped at s[i] (1 for C0/DEL, 2 for a C1 control, 3 for a
// bidi control in UTF-8), or 0.
std::size_t hidden_at(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F &&
        static_cast<unsigned char>(s[i + 1]) >= 0x80)
        return 2;  // a C1 control, U+0080..U+009F (NEL, CSI …)
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
        const auto d = static_cast<unsigned char>(s[i + 2]);
        if (d >= 0xAA && d <= 0xAE) return 3;  // U+202A..U+202E
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x81) {
        const auto d = static_cast<unsigned char>(s[i + 2]);
        if (d >= 0xA6 && d <= 0xA9) return 3;  // U+2066..U+2069
    }
    return 0;
}

}  // namespace

bool needs_showing(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (hidden_at(s, i)) return true;
    return false;
}

void append_shown(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::size_t plain = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = hidden_at(s, i);
        if (n == 0) {
            ++i;
            continue;
        }
        out.append(s.data() + plain, i - plain);
        if (n == 1) {
            const auto c = static_cast<unsigned char>(s[i]);
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        } else {
            const unsigned cp = n == 2
                                    ? ((0xC2u & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu)
                                    : ((0xE2u & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                                          (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
            out += "U+";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += static_cast<char>(std::toupper(kHex[(cp >> shift) & 0xF]));
        }
        i += n;
        plain = i;
    }
    out.append(s.data() + plain, s.size() - plain);
}

std::string shown_text(std::string_view s) {
    std::string out;
    append_shown(out, s);
    return out;
}

std::string echoed(std::string_view s, std::size_t chars) {
    std::size_t at = 0, n = 0;
    while (at < s.size() && n < chars) {
        ++at;
        while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
        ++n;
    }
    std::string out = shown_text(s.substr(0, at));
    if (at < s.size()) out += "…";
    return out;
}

std::string shell_quoted(std::string_view word) {
    const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("_@%+=:,./-").find(ch) != std::string_view::npos;
    });
    if (plain) return std::string(word);
    std::string out = "'";
    for (const char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string file_url(std::string_view path) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out = "file://";
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~' || c == '/') {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

std::string spreadsheet_safe(std::string_view cell) {
    if (cell.empty() || (cell[0] != '=' && cell[0] != '+' && cell[0] != '-' && cell[0] != '@'))
        return std::string(cell);
    // A number with a sign stays a number.
    std::size_t i = 1, digits = 0;
    for (; i < cell.size(); ++i) {
        if (cell[i] >= '0' && cell[i] <= '9') ++digits;
        else if (cell[i] != '.' && cell[i] != ',') break;
    }
    if ((cell[0] == '-' || cell[0] == '+') && digits > 0 && i == cell.size()) return std::string(cell);
    std::string out;  // (not "'" + std::string: GCC 12 warns falsely there, -Wrestrict)
    out.reserve(cell.size() + 1);
    out += '\'';
    out.append(cell);
    return out;
}

std::string utf8_prefix(std::string_view s, std::size_t bytes) {
    if (s.size() <= bytes) return std::string(s);
    while (bytes > 0 && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) --bytes;
    return std::string(s.substr(0, bytes));
}

std::string grouped(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return out;
}

}  // namespace wmotoets
