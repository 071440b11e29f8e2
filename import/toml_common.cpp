#include "import/toml_common.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace wmotoets::toml_files {

std::string read_text(const std::string& path) {
    require_regular_file(path);
    // A settings, mapping, rules or holiday file is a few KB; a multi-GB one is not read whole (issue 27).
    constexpr std::uintmax_t kMaxBytes = std::uintmax_t(10) << 20;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxBytes)
        throw Error(path + ": groter dan 10 MiB (" + grouped(size >> 20) +
                    " MiB); een instellingen-, mapping-, regel-, zelftest- of feestdagenbestand is veel kleiner (de "
                    "grens van Wmo-toets). Is dit het goede bestand?");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": bestand bestaat niet of is niet leesbaar");
    std::string text(std::size_t(ec ? kMaxBytes : size) + 1, '\0');  // one more: a file that grew
    in.read(text.data(), std::streamsize(text.size()));
    text.resize(std::size_t(in.gcount()));
    if (text.size() > kMaxBytes || (!ec && text.size() > size))
        throw Error(path + ": het bestand groeit tijdens het lezen of is groter dan 10 MiB (de grens van Wmo-toets)");
    return text;
}

namespace {

// toml++ follows dotted keys and nested brackets by recursion, so a 200 KB header of 100,000
// parts overflows the stack. Checked before it parses: per line, the brackets still open plus the
// dots of keys on that line (outside strings and comments; the one dot of a number like 1.5 or
// 07:32:00.999 is not a key's) may not exceed kMaxTomlDepth. Returns the offending line, or 0.
constexpr int kMaxTomlDepth = 64;

std::uint64_t too_deep_line(std::string_view t) {
    enum class In { code, comment, basic, literal, ml_basic, ml_literal } in = In::code;
    std::uint64_t line = 1;
    int open = 0, dots = 0, token_dots = 0;
    auto digit = [&](std::size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
    auto bare = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
               c == '+' || c == ':';
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (c == '\n') {
            ++line;
            dots = token_dots = 0;
            if (in == In::comment || in == In::basic || in == In::literal) in = In::code;
            continue;
        }
        switch (in) {
        case In::comment: continue;
        case In::basic:
        case In::ml_basic:
            if (c == '\\') ++i;
            else if (c == '"' && (in == In::basic || t.compare(i, 3, "\"\"\"") == 0)) {
                if (in == In::ml_basic) i += 2;
                in = In::code;
            }
            continue;
        case In::literal:
        case In::ml_literal:
            if (c == '\'' && (in == In::literal || t.compare(i, 3, "'''") == 0)) {
                if (in == In::ml_literal) i += 2;
                in = In::code;
            }
            continue;
        case In::code: break;
        }
        if (c == '#') {
            in = In::comment;
        } else if (c == '"' || c == '\'') {
            const bool multi = t.compare(i, 3, c == '"' ? "\"\"\"" : "'''") == 0;
            in = c == '"' ? (multi ? In::ml_basic : In::basic) : (multi ? In::ml_literal : In::literal);
            if (multi) i += 2;
        } else if (c == '[' || c == '{') {
            ++open;
        } else if (c == ']' || c == '}') {
            --open;
        } else if (c == '.') {
            // The first dot between digits in a bare token is a number's; every other dot is a key's.
            if (!(i > 0 && digit(i - 1) && digit(i + 1) && token_dots == 0)) ++dots;
            ++token_dots;
        }
        if (!bare(c) && c != '.') token_dots = 0;
        if (open + dots > kMaxTomlDepth) return line;
    }
    return 0;
}

// toml++ has no error codes, only English sentences: they are recognised by their form (one
// table each for where it happened and what) and said in Dutch; what is not recognised is said
// without the English (issue 27 point 7).
std::string toml_error_dutch(std::string_view d, std::size_t column) {
    static constexpr std::pair<std::string_view, std::string_view> kScopes[] = {
        {"key-value pair", "sleutel = waarde"},
        {"string", "tekst"},
        {"decimal integer", "geheel getal"},
        {"hexadecimal integer", "hexadecimaal getal"},
        {"octal integer", "octaal getal"},
        {"binary integer", "binair getal"},
        {"floating-point", "kommagetal"},
        {"date-time", "datum en tijd"},
        {"date", "datum"},
        {"time", "tijd"},
        {"table header", "tabelkop"},
        {"array-of-tables header", "kop van een lijst van tabellen"},
        {"array", "lijst"},
        {"inline table", "tabel op één regel"},
        {"bare key", "sleutel"},
        {"key", "sleutel"},
        {"boolean", "waar/onwaar"},
        {"value", "waarde"},
        {"comment", "commentaar"},
        {"inf or nan", "inf of nan"},
    };
    static constexpr std::pair<std::string_view, std::string_view> kExpected[] = {
        {"value-terminator", "het einde van de waarde"},
        {"value", "een waarde"},
        {"space or tab", "een spatie of tab"},
        {"decimal digit", "een cijfer"},
        {"digit", "een cijfer"},
        {"hex digit", "een hexadecimaal cijfer"},
        {"hexadecimal digit", "een hexadecimaal cijfer"},
        {"bare key", "een sleutel"},
        {"key", "een sleutel"},
        {"4-digit year", "een jaar van vier cijfers"},
        {"2-digit month", "een maand van twee cijfers"},
        {"2-digit day", "een dag van twee cijfers"},
        {"2-digit hour", "een uur van twee cijfers"},
        {"2-digit minute", "minuten van twee cijfers"},
        {"2-digit second", "seconden van twee cijfers"},
        {"exponent digit", "een cijfer van de exponent"},
        {"exponent digit or sign", "een cijfer of teken van de exponent"},
    };
    static constexpr std::pair<std::string_view, std::string_view> kReasons[] = {
        {"encountered end-of-file", "het bestand houdt midden in een waarde op"},
        {"leading zeroes are prohibited", "een getal begint niet met 0"},
        {"underscores may only follow digits", "een liggend streepje staat alleen tussen cijfers"},
        {"underscores must be followed by digits", "een liggend streepje staat alleen tussen cijfers"},
        {"unescaped control characters", "besturingstekens (behalve tab) moeten als \\uXXXX geschreven worden"},
        {"unknown escape sequence", "onbekende escape"},
        {"unicode surrogates", "ongeldig unicodeteken"},
        {"values greater than U+10FFFF", "ongeldig unicodeteken"},
        {"cannot redefine existing", "staat er al: een sleutel of tabel mag maar één keer voorkomen"},
        {"expected month between", "ongeldige maand"},
        {"expected day between", "ongeldige dag"},
        {"expected hour between", "ongeldig uur"},
        {"expected minute between", "ongeldige minuut"},
        {"expected second between", "ongeldige seconde"},
        {"exceeds length limit", "het getal is te lang"},
        {"missing exponent", "de exponent ontbreekt"},
    };
    std::string where;
    if (d.rfind("Error while parsing ", 0) == 0) {
        const std::string_view rest = d.substr(20);
        const auto colon = rest.find(": ");
        const std::string_view scope = rest.substr(0, colon);
        for (const auto& [en, nl] : kScopes)
            if (scope == en) where = std::string(nl) + ": ";
        d = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 2);
    }
    std::string what;
    for (const auto& [en, nl] : kReasons)
        if (d.rfind(en, 0) == 0) what = nl;
    if (what.empty() && d.rfind("expected ", 0) == 0) {
        // "expected X, saw 'Y'": X a character in quotes or a word of the table.
        const auto saw = d.find(", saw ");
        const std::string_view x = d.substr(9, saw == std::string_view::npos ? std::string_view::npos : saw - 9);
        std::string nl;
        if (x.size() >= 3 && x.front() == '\'' && x.back() == '\'') nl = std::string(x);
        for (const auto& [en, w] : kExpected)
            if (x == en) nl = w;
        if (!nl.empty()) {
            what = "verwacht " + nl;
            if (saw != std::string_view::npos) what += ", gevonden " + echoed(d.substr(saw + 6), 20);
        }
    }
    if (what.empty()) what = "hier klopt de schrijfwijze niet";
    return where + what + " (kolom " + std::to_string(column) + ")";
}

}  // namespace

toml::table parse(const std::string& path) { return parse_text(read_text(path), path); }

toml::table parse_text(std::string_view text, const std::string& path) {
    if (const std::uint64_t line = too_deep_line(text))
        throw Error(path + ":" + std::to_string(line) + ": geen geldige TOML: dieper genest dan " +
                    std::to_string(kMaxTomlDepth) + " niveaus (sleuteldelen en haken)");
    try {
        return toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        throw Error(path + ":" + std::to_string(e.source().begin.line) +
                    ": geen geldige TOML: " + toml_error_dutch(e.description(), e.source().begin.column));
    }
}

std::string where(const std::string& path, const toml::node& n) {
    return path + ":" + std::to_string(n.source().begin.line);
}

// Refuses keys that are not in `known` (a typo must not silently do nothing).
void only_known_keys(const std::string& path, const toml::table& t, std::initializer_list<std::string_view> known,
                     std::string_view what) {
    for (const auto& [key, node] : t) {
        bool ok = false;
        for (std::string_view k : known) ok = ok || key.str() == k;
        if (!ok) {
            std::string list;
            for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
            throw Error(where(path, node) + ": onbekende sleutel '" + std::string(key.str()) + "' in " +
                        std::string(what) + " (mogelijk: " + list + ")");
        }
    }
}

int days_value(const std::string& path, const toml::node& n, std::string_view key) {
    const auto v = n.value<std::int64_t>();
    if (!n.is_integer() || !v || *v < 0 || *v > 3650)
        throw Error(where(path, n) + ": " + std::string(key) +
                    " moet een geheel aantal dagen zijn (0 tot en met 3650)");
    return int(*v);
}

const toml::table* section(const std::string& path, const toml::table& parent, std::string_view name,
                           const std::string& shown) {
    const toml::node* n = parent.get(name);
    if (!n) return nullptr;
    if (!n->is_table()) throw Error(where(path, *n) + ": " + shown + " moet een tabel zijn");
    return n->as_table();
}

}  // namespace wmotoets::toml_files
