#include "import/zgw.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "import/event_builder.hpp"
#include "import/json_input.hpp"
#include "model/bsn.hpp"
#include "util/error.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

using json = nlohmann::json;

constexpr const char* kCollections[] = {"zaken",    "statussen", "statustypen",   "rollen",
                                        "roltypen", "besluiten", "klantcontacten"};

// The line where each resource starts: for every array element that is an object, keyed by the
// path of its array ("statussen", or "statussen.results" for a page object).
std::map<std::string, std::vector<std::uint64_t>> resource_lines(const std::string& text) {
    std::map<std::string, std::vector<std::uint64_t>> out;
    struct Level {
        char type;         // '{' or '['
        std::string path;  // of this container
        std::string key;   // object: the last key read
    };
    std::vector<Level> stack;
    std::uint64_t line = 1;
    std::string last_string;
    bool in_string = false, escape = false;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') ++line;
        if (in_string) {
            if (escape) escape = false;
            else if (c == '\\') escape = true;
            else if (c == '"') {
                in_string = false;
                last_string = current;
            } else current += c;
            continue;
        }
        switch (c) {
        case '"':
            in_string = true;
            current.clear();
            break;
        case ':':
            if (!stack.empty() && stack.back().type == '{') stack.back().key = last_string;
            break;
        case '{':
        case '[': {
            std::string path;
            if (!stack.empty()) {
                const Level& parent = stack.back();
                if (parent.type == '{') path = parent.path.empty() ? parent.key : parent.path + "." + parent.key;
                else path = parent.path + "[]";
                if (parent.type == '[' && c == '{') out[parent.path].push_back(line);
            }
            stack.push_back({c, path, {}});
            break;
        }
        case '}':
        case ']':
            if (!stack.empty()) stack.pop_back();
            break;
        default: break;
        }
    }
    return out;
}

std::string str(const json& o, const char* key) {
    if (!o.is_object()) return {};
    const auto it = o.find(key);
    if (it == o.end() || !it->is_string()) return {};
    return it->get<std::string>();
}

class ZgwReader {
public:
    ZgwReader(const std::string& path, const ImportOptions& options, EventLog& log, Diagnostics& diag, InputFile& input)
        : path_(path),
          options_(options),
          builder_(path, static_cast<std::uint16_t>(log.inputs.size()), options, log, diag, input),
          input_(input) {}

    void run(const std::string& text) {
        const json root = parse_json_input(path_, text, "; niets uit dit bestand is ingelezen");
        if (!root.is_object() || !root.contains("zaken"))
            throw Error(path_ +
                        ": geen ZGW-export: verwacht een JSON-object met ten minste de sleutel 'zaken' (en "
                        "statussen, statustypen, rollen, roltypen, besluiten, klantcontacten)");
        lines_ = resource_lines(text);
        for (const char* c : kCollections) collections_[c] = &collection(root, c);

        for (const json& z : *collections_["zaken"])
            if (const std::string id = str(z, "identificatie"); !id.empty()) zaak_id_[str(z, "url")] = id;
        for (const json& t : *collections_["statustypen"]) statustype_[str(t, "url")] = str(t, "omschrijving");
        for (const json& t : *collections_["roltypen"]) roltype_[str(t, "url")] = str(t, "omschrijving");
        const json& rollen = *collections_["rollen"];
        for (std::size_t i = 0; i < rollen.size(); ++i) {
            const json& r = rollen[i];
            rol_[str(r, "url")] = &r;
            // Natural persons: never read; their BSN fields only counted.
            const json* ident =
                r.is_object() && r.contains("betrokkeneIdentificatie") ? &r["betrokkeneIdentificatie"] : nullptr;
            if (ident && ident->is_object())
                for (const auto& [key, value] : ident->items())
                    if (bsn_column_name(ascii_lower(key)) && value.is_string() && !value.get<std::string>().empty())
                        ++input_.bsn_skipped;
            if (ascii_lower(str(r, "omschrijvingGeneriek")) == "beslisser") {
                const std::string zaak = str(r, "zaak"), at = str(r, "registratiedatum");
                auto& best = beslisser_[zaak];
                if (!best || at < str(*best, "registratiedatum")) best = &r;
            }
        }

        statuses();
        roles();
        besluiten();
        klantcontacten();
    }

private:
    const json& collection(const json& root, const char* key) {
        static const json empty = json::array();
        const auto it = root.find(key);
        if (it == root.end()) return empty;
        if (it->is_array()) return *it;
        if (it->is_object() && it->contains("results") && (*it)["results"].is_array()) return (*it)["results"];
        throw Error(path_ + ": '" + key + "' moet een lijst van resources zijn, of een pagina met 'results'");
    }

    std::uint64_t line_of(const char* key, std::size_t i) const {
        for (const std::string& p : {std::string(key), std::string(key) + ".results"}) {
            const auto it = lines_.find(p);
            if (it != lines_.end() && i < it->second.size()) return it->second[i];
        }
        return 0;
    }

    // The medewerker who acted through a Rol: its identificatie, only for betrokkeneType medewerker.
    std::string medewerker(const json* rol, std::uint64_t line) {
        if (!rol || ascii_lower(str(*rol, "betrokkeneType")) != "medewerker") return {};
        const auto it = rol->find("betrokkeneIdentificatie");
        if (it == rol->end()) return {};
        const std::string id = str(*it, "identificatie");
        builder_.check_privacy("identificatie", false, id, line, "veld");
        return id;
    }

    // The dossier of a resource, or a rejection.
    const std::string* zaak_of(const json& r, std::uint64_t line, const char* what) {
        const auto it = zaak_id_.find(str(r, "zaak"));
        if (it != zaak_id_.end()) return &it->second;
        ++input_.rows;
        builder_.reject(line, std::string(what) + " hoort bij een zaak die niet in 'zaken' staat ('" +
                                  shorten(str(r, "zaak")) + "')");
        return nullptr;
    }

    void add(const std::string& case_id, const std::string& when, const std::string& activity, const std::string& actor,
             const std::string& role, std::uint64_t line, const std::string& kanaal = {}) {
        ++input_.rows;
        RawEvent& r = raw_;
        r.line = line;
        r.case_id = case_id;
        r.timestamp = when;
        r.activity = activity;
        r.actor = actor;
        r.role = role;
        r.attributes.clear();
        if (!kanaal.empty()) {
            if (kanaal_slot_ < 0) kanaal_slot_ = static_cast<int>(builder_.attribute_slot("kanaal"));
            r.attributes.emplace_back(static_cast<std::uint32_t>(kanaal_slot_), kanaal);
        }
        builder_.add(r);
    }

    void statuses() {
        const json& all = *collections_["statussen"];
        for (std::size_t i = 0; i < all.size(); ++i) {
            const json& s = all[i];
            const std::uint64_t line = line_of("statussen", i);
            const std::string* zaak = zaak_of(s, line, "status");
            if (!zaak) continue;
            const auto type = statustype_.find(str(s, "statustype"));
            std::string label = type == statustype_.end() ? std::string() : type->second;
            if (const Mapping* m = options_.mapping) {
                const auto it = m->zgw_statustypen.find(label);
                if (it != m->zgw_statustypen.end()) label = std::string(activity_name(it->second));
            }
            const auto setter = rol_.find(str(s, "gezetdoor"));
            const std::string actor = medewerker(setter == rol_.end() ? nullptr : setter->second, line);
            add(*zaak, str(s, "datumStatusGezet"), label, actor, {}, line);
        }
    }

    void roles() {
        const Mapping* m = options_.mapping;
        const json& all = *collections_["rollen"];
        for (std::size_t i = 0; i < all.size(); ++i) {
            const json& r = all[i];
            const auto type = roltype_.find(str(r, "roltype"));
            const std::string name = type != roltype_.end() ? type->second : str(r, "omschrijving");
            if (!m) continue;
            const auto it = m->zgw_roltypen.find(name);
            if (it == m->zgw_roltypen.end()) continue;  // a role that is no event
            const std::uint64_t line = line_of("rollen", i);
            const std::string* zaak = zaak_of(r, line, "rol");
            if (!zaak) continue;
            add(*zaak, str(r, "registratiedatum"), std::string(activity_name(it->second.activity)),
                medewerker(&r, line), it->second.role, line);
        }
    }

    void besluiten() {
        const json& all = *collections_["besluiten"];
        for (std::size_t i = 0; i < all.size(); ++i) {
            const json& b = all[i];
            const std::uint64_t line = line_of("besluiten", i);
            const std::string* zaak = zaak_of(b, line, "besluit");
            if (!zaak) continue;
            std::string when = str(b, "verzenddatum");
            if (when.empty()) when = str(b, "datum");
            const auto best = beslisser_.find(str(b, "zaak"));
            add(*zaak, when, "besluit", medewerker(best == beslisser_.end() ? nullptr : best->second, line), {}, line);
        }
    }

    void klantcontacten() {
        const Mapping* m = options_.mapping;
        const json& all = *collections_["klantcontacten"];
        for (std::size_t i = 0; i < all.size(); ++i) {
            const json& k = all[i];
            if (!m) continue;
            const auto it = m->zgw_klantcontacten.find(str(k, "onderwerp"));
            if (it == m->zgw_klantcontacten.end()) continue;
            const std::uint64_t line = line_of("klantcontacten", i);
            const std::string* zaak = zaak_of(k, line, "klantcontact");
            if (!zaak) continue;
            const std::string kanaal = str(k, "kanaal");
            builder_.check_privacy("kanaal", false, kanaal, line, "veld");
            add(*zaak, str(k, "datumtijd"), std::string(activity_name(it->second)), {}, {}, line, kanaal);
        }
    }

    const std::string& path_;
    const ImportOptions& options_;
    EventBuilder builder_;
    InputFile& input_;
    std::map<std::string, std::vector<std::uint64_t>> lines_;
    std::map<std::string, const json*> collections_;
    std::map<std::string, std::string> zaak_id_, statustype_, roltype_;
    std::map<std::string, const json*> rol_, beslisser_;
    int kanaal_slot_ = -1;
    RawEvent raw_;
};

}  // namespace

void import_zgw(const std::string& path, const ImportOptions& options, EventLog& log, Diagnostics& diag) {
    log.check_room_for_input(path);
    const std::string text = read_whole_file(path);
    ImportRollback rollback(log, diag);
    InputFile input;
    input.path = path;
    input.format = "zgw";
    try {
        ZgwReader reader(path, options, log, diag, input);
        reader.run(text);
    } catch (...) {
        rollback.undo();
        throw;
    }
    Sha256 sha;
    sha.update(text);
    input.sha256 = sha.hex();
    add_input(log, std::move(input), options, diag);
}

}  // namespace wmotoets
