#pragma once
// Small text helpers shared by import, rules and reports.
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace wmotoets {

// Without surrounding spaces, tabs, line breaks and no-break spaces (U+00A0, as exported by
// spreadsheets). The common case (nothing to trim) inline: it runs on every field of every row.
std::string_view trim_edges(std::string_view s);
inline std::string_view trim(std::string_view s) {
    if (s.empty()) return s;
    const auto f = static_cast<unsigned char>(s.front()), b = static_cast<unsigned char>(s.back());
    if (f > ' ' && f != 0xC2 && b > ' ' && b != 0xA0) return s;
    return trim_edges(s);
}
// Equality of short texts without a call: overlapping loads of a fixed width cover up to 32
// bytes (cache lookups compare a value on nearly every field of every row: dossier ids,
// activity codes, names).
inline bool same_text(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    const char* p = a.data();
    const char* q = b.data();
    const auto load8 = [](const char* at) {
        std::uint64_t v;
        std::memcpy(&v, at, 8);
        return v;
    };
    if (n >= 8 && n <= 16) return ((load8(p) ^ load8(q)) | (load8(p + n - 8) ^ load8(q + n - 8))) == 0;
    if (n > 16 && n <= 32)
        return ((load8(p) ^ load8(q)) | (load8(p + 8) ^ load8(q + 8)) | (load8(p + n - 16) ^ load8(q + n - 16)) |
                (load8(p + n - 8) ^ load8(q + n - 8))) == 0;
    if (n >= 4 && n < 8) {
        std::uint32_t p0, p1, q0, q1;
        std::memcpy(&p0, p, 4);
        std::memcpy(&q0, q, 4);
        std::memcpy(&p1, p + n - 4, 4);
        std::memcpy(&q1, q + n - 4, 4);
        return ((p0 ^ q0) | (p1 ^ q1)) == 0;
    }
    return a == b;
}

std::string ascii_lower(std::string_view s);
// Lower-case, diacritics folded (UTF-8 Latin-1 letters: ë → e), spaces and hyphens read as '_',
// surrounding spaces removed: "Cliënt-ondersteuning gevraagd" → "client_ondersteuning_gevraagd".
std::string fold_label(std::string_view s);
// fold_label without the separators: "Cliënt-ondersteuning", "client ondersteuning" and
// "clientondersteuning" all give "clientondersteuning". For attribute values such as voorziening.
std::string fold_compact(std::string_view s);
// Lower-case and diacritics folded, spaces kept; for comparing organisations.
std::string fold_text(std::string_view s);
// Whether `s` compacted (fold_compact) is `folded` (a lower-case ASCII word such as
// "clientondersteuning"): without folding when s is already written that way.
inline bool compacts_to(std::string_view s, std::string_view folded) {
    // Lower-case letters, digits and '_' only: compare with the '_' skipped, nothing to fold.
    std::size_t j = 0;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '_') continue;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return fold_compact(s) == folded;
        if (j == folded.size() || folded[j] != ch) return false;
        ++j;
    }
    return j == folded.size();
}

// Validates UTF-8; `state` carries an incomplete sequence across chunk boundaries
// (0 = at a character boundary). Returns false at the first invalid byte.
bool utf8_valid_chunk(std::string_view chunk, int& state);
// Windows-1252 byte string to UTF-8, appended to `out`.
void cp1252_to_utf8(std::string_view in, std::string& out);

// A count written the Dutch way, with a dot per thousand: 2000 → "2.000".
std::string grouped(std::uint64_t n);
// A count with its noun in the right number, for people: "1 import", "3 imports", "0 partijen".
// The number grouped by thousands as everywhere ("18.903 dossiers").
inline std::string counted(std::uint64_t n, std::string_view one, std::string_view more) {
    return grouped(n) + " " + std::string(n == 1 ? one : more);
}

// The first at most `bytes` bytes of `s`, cut at a character boundary.
std::string utf8_prefix(std::string_view s, std::size_t bytes);
// The number of characters (code points) of UTF-8 text: what a label's width goes by.
inline std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// ja/j/yes/y/true/1 → true; nee/n/no/false/0 → false (case-insensitive); otherwise nullopt.
std::optional<bool> parse_yes_no(std::string_view s);
// 12.50, 12,50, € 12,50, 1.234,56 → the amount in euros.
std::optional<double> parse_amount(std::string_view s);

// Text as a person sees it in a terminal, a text file or a spreadsheet: control characters (C0,
// DEL and C1, U+0080–U+009F) and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are written
// visibly (\x1b, U+202E), so that nothing in an input can move the cursor, ring, or turn text around.
bool needs_showing(std::string_view s);
void append_shown(std::string& out, std::string_view s);
std::string shown_text(std::string_view s);

// A piece of input echoed in a message (issue 27 point 7): at most `chars` characters (then "…"),
// controls made visible as by shown_text.
std::string echoed(std::string_view s, std::size_t chars = 200);

// A word for a command line a person copies from a message (issue 27 point 7): as it is when it
// holds only letters, digits and _@%+=:,./- ; otherwise in single quotes ('it'\''s').
std::string shell_quoted(std::string_view word);

// A file:// URL of an absolute path (issue 27 point 7): every byte but letters, digits, -._~ and /
// percent-encoded, so that a folder named with # or ? or spaces is a path, not a fragment or query.
std::string file_url(std::string_view absolute_path);

// A spreadsheet cell that would start a formula (=, +, -, @) gets a leading ' (OWASP's rule for
// CSV injection); a cell that is a number ("-12", "+3,5") stays a number. Apply after shown_text
// (which has made TAB and CR visible).
std::string spreadsheet_safe(std::string_view cell);

}  // namespace wmotoets
