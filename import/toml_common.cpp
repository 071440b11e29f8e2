#include "import/toml_common.hpp"

#include <fstream>
#include <sstream>

#include "util/error.hpp"
#include "util/files.hpp"

namespace wmotoets::toml_files {

std::string read_text(const std::string& path) {
    require_regular_file(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": bestand bestaat niet of is niet leesbaar");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
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
                    ": geen geldige TOML: " + std::string(e.description()));
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
