#include "import/toml_common.hpp"

#include <fstream>
#include <sstream>

#include "model/error.hpp"
#include "model/files.hpp"

namespace wmotoets::toml_files {

std::string read_text(const std::string& path) {
    require_regular_file(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": bestand bestaat niet of is niet leesbaar");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

toml::table parse(const std::string& path) {
    const std::string text = read_text(path);
    try {
        return toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        throw Error(path + ":" + std::to_string(e.source().begin.line) + ": geen geldige TOML: " +
                    std::string(e.description()));
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
            throw Error(where(path, node) + ": onbekende sleutel '" + std::string(key.str()) + "' in " + std::string(what) +
                        " (mogelijk: " + list + ")");
        }
    }
}

int days_value(const std::string& path, const toml::node& n, std::string_view key) {
    const auto v = n.value<std::int64_t>();
    if (!n.is_integer() || !v || *v < 0 || *v > 3650)
        throw Error(where(path, n) + ": " + std::string(key) + " moet een geheel aantal dagen zijn (0 tot en met 3650)");
    return int(*v);
}

const toml::table* section(const std::string& path, const toml::table& parent, std::string_view name, const std::string& shown) {
    const toml::node* n = parent.get(name);
    if (!n) return nullptr;
    if (!n->is_table()) throw Error(where(path, *n) + ": " + shown + " moet een tabel zijn");
    return n->as_table();
}

}  // namespace wmotoets::toml_files
