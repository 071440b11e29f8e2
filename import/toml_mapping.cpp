// Mapping files (--mapping).
#include "import/toml_files.hpp"

#include <optional>

#include "import/toml_common.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace wmotoets {

using namespace toml_files;

namespace {

constexpr std::string_view kRoles[] = {"ondersteuner", "consulent",         "beslisser", "client",
                                       "mantelzorger", "vertegenwoordiger", "jurist",    "administratie"};

// Reads the values of one mapping file, each checked where it stands.
class MappingReader {
public:
    explicit MappingReader(const std::string& path) : path_(path) {}

    std::string text(const toml::node& n, const std::string& what) const {
        const auto v = n.value<std::string>();
        if (!n.is_string() || !v || trim(*v).empty())
            throw Error(where(path_, n) + ": " + what + " moet een niet-lege tekst zijn (tussen aanhalingstekens)");
        return std::string(trim(*v));
    }
    Activity activity(const toml::node& node, const std::string& what) const {
        const std::string target = text(node, what);
        const std::optional<Activity> a = activity_from_folded(fold_label(target));
        if (!a) {
            std::string list;
            for (int i = 0; i < kCanonicalActivityCount; ++i)
                list += (list.empty() ? "" : ", ") + std::string(activity_name(static_cast<Activity>(i)));
            throw Error(where(path_, node) + ": '" + target + "' is geen canonieke activiteit (mogelijk: " + list +
                        ")");
        }
        return *a;
    }
    std::string role(const toml::node& node, const std::string& what) const {
        const std::string target = fold_label(text(node, what));
        bool ok = false;
        for (std::string_view r : kRoles) ok = ok || r == target;
        if (!ok)
            throw Error(where(path_, node) + ": '" + target +
                        "' is geen canonieke rol (mogelijk: ondersteuner, consulent, beslisser, client, mantelzorger, "
                        "vertegenwoordiger, jurist, administratie)");
        return target;
    }

    void columns(const toml::table& t, Mapping& m) const {
        for (const auto& [key, node] : t) {
            const std::string canonical = ascii_lower(trim(key.str()));
            m.columns[canonical] = {text(node, "kolommen." + std::string(key.str())), node.source().begin.line};
        }
    }
    void values(const toml::table& t, Mapping& m) const {
        for (const auto& [attr, node] : t) {
            const toml::table* vt = node.as_table();
            if (!vt)
                throw Error(where(path_, node) + ": [waarden." + std::string(attr.str()) + "] moet een tabel zijn");
            auto& values = m.values[ascii_lower(trim(attr.str()))];
            for (const auto& [key, v] : *vt)
                values[std::string(key.str())] =
                    text(v, "waarden." + std::string(attr.str()) + ".\"" + std::string(key.str()) + "\"");
        }
    }
    Mapping::RolType roltype(const toml::node& node, const std::string& what) const {
        const toml::table* rt = node.as_table();
        if (!rt)
            throw Error(
                where(path_, node) + ": " + what +
                " moet een tabel zijn, bijv. { activiteit = \"ondersteuner_toegewezen\", rol = \"ondersteuner\" }");
        only_known_keys(path_, *rt, {"activiteit", "rol"}, what);
        const toml::node* act = rt->get("activiteit");
        if (!act) throw Error(where(path_, node) + ": " + what + " mist 'activiteit'");
        Mapping::RolType r{activity(*act, what + ".activiteit"), {}};
        if (const toml::node* rol = rt->get("rol")) r.role = role(*rol, what + ".rol");
        return r;
    }
    void zgw(const toml::table& z, Mapping& m) const {
        only_known_keys(path_, z, {"statustypen", "roltypen", "klantcontacten"}, "[zgw]");
        if (const toml::table* t = section(path_, z, "statustypen", "[zgw.statustypen]"))
            for (const auto& [key, node] : *t)
                m.zgw_statustypen[std::string(key.str())] =
                    activity(node, "zgw.statustypen.\"" + std::string(key.str()) + "\"");
        if (const toml::table* t = section(path_, z, "klantcontacten", "[zgw.klantcontacten]"))
            for (const auto& [key, node] : *t)
                m.zgw_klantcontacten[std::string(key.str())] =
                    activity(node, "zgw.klantcontacten.\"" + std::string(key.str()) + "\"");
        if (const toml::table* t = section(path_, z, "roltypen", "[zgw.roltypen]"))
            for (const auto& [key, node] : *t)
                m.zgw_roltypen[std::string(key.str())] =
                    roltype(node, "zgw.roltypen.\"" + std::string(key.str()) + "\"");
    }
    // [breed]: "Datum gesprek" = "gesprek", or = { activiteit = "gesprek", tijd = "Tijd gesprek",
    // actor = "Consulent", rol = "consulent", team = "Team", attributen = { kanaal = "Kanaal" } }.
    void wide(const toml::table& t, Mapping& m) const {
        for (const auto& [key, node] : t) {
            const std::string what = "breed.\"" + std::string(key.str()) + "\"";
            Mapping::WideStep step;
            step.date_column = std::string(trim(key.str()));
            step.line = node.source().begin.line;
            if (node.is_string()) {
                step.activity = activity(node, what);
            } else if (const toml::table* st = node.as_table()) {
                only_known_keys(path_, *st, {"activiteit", "tijd", "actor", "rol", "team", "attributen"}, what);
                const toml::node* act = st->get("activiteit");
                if (!act) throw Error(where(path_, node) + ": " + what + " mist 'activiteit'");
                step.activity = activity(*act, what + ".activiteit");
                if (const toml::node* n = st->get("tijd")) step.time_column = text(*n, what + ".tijd");
                if (const toml::node* n = st->get("actor")) step.actor_column = text(*n, what + ".actor");
                if (const toml::node* n = st->get("team")) step.team_column = text(*n, what + ".team");
                if (const toml::node* n = st->get("rol")) step.role = role(*n, what + ".rol");
                if (const toml::node* n = st->get("attributen")) {
                    const toml::table* at = n->as_table();
                    if (!at)
                        throw Error(where(path_, *n) + ": " + what +
                                    ".attributen moet een tabel zijn, bijv. { kanaal = \"Kanaal\" }");
                    for (const auto& [attr, col] : *at)
                        step.attributes.emplace_back(ascii_lower(trim(attr.str())),
                                                     text(col, what + ".attributen." + std::string(attr.str())));
                }
            } else {
                throw Error(where(path_, node) + ": " + what +
                            " moet een canonieke activiteit zijn, of een tabel als { activiteit = \"gesprek\", actor = "
                            "\"Consulent\" }");
            }
            m.wide.push_back(std::move(step));
        }
        std::stable_sort(m.wide.begin(), m.wide.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
    }
    bool keep_unknown(const toml::node& n) const {
        const std::string v = text(n, "onbekende_activiteiten");
        if (v == "behouden") return true;
        if (v == "weigeren") return false;
        throw Error(where(path_, n) + ": onbekende_activiteiten moet \"behouden\" of \"weigeren\" zijn, niet '" + v +
                    "'");
    }

private:
    const std::string& path_;
};

}  // namespace

Mapping read_mapping_file(const std::string& path) {
    const toml::table root = parse(path);
    only_known_keys(
        path, root,
        {"kolommen", "activiteiten", "rollen", "waarden", "onbekende_activiteiten", "geen_bsn", "zgw", "breed"},
        "het mappingbestand");
    const MappingReader read(path);
    Mapping m;
    m.path = path;
    if (const toml::table* t = section(path, root, "kolommen", "[kolommen]")) read.columns(*t, m);
    if (const toml::table* t = section(path, root, "activiteiten", "[activiteiten]"))
        for (const auto& [key, node] : *t)
            m.activities[std::string(key.str())] =
                read.activity(node, "activiteiten.\"" + std::string(key.str()) + "\"");
    if (const toml::table* t = section(path, root, "rollen", "[rollen]"))
        for (const auto& [key, node] : *t)
            m.roles[std::string(key.str())] = read.role(node, "rollen.\"" + std::string(key.str()) + "\"");
    if (const toml::table* t = section(path, root, "waarden", "[waarden]")) read.values(*t, m);
    if (const toml::table* z = section(path, root, "zgw", "[zgw]")) read.zgw(*z, m);
    if (const toml::table* b = section(path, root, "breed", "[breed]")) {
        read.wide(*b, m);
        if (!m.columns.count("case_id"))
            throw Error(where(path, *b) +
                        ": een brede export ([breed]) heeft in [kolommen] case_id nodig (de kolom met het "
                        "dossiernummer)");
        for (const char* c : {"timestamp", "activity"})
            if (m.columns.count(c))
                throw Error(path + ":" + std::to_string(m.columns.at(c).line) + ": " + c +
                            " hoort niet in [kolommen] van een "
                            "brede export: de datums en activiteiten staan in [breed]");
    }
    if (const toml::node* n = root.get("onbekende_activiteiten")) m.keep_unknown = read.keep_unknown(*n);
    if (const toml::node* n = root.get("geen_bsn")) {
        // Identifying columns that hold no BSNs (docs/spec/event-log.md "Privacy"): a person's decision.
        const toml::array* a = n->as_array();
        if (!a) throw Error(where(path, *n) + ": geen_bsn moet een lijst zijn, bijvoorbeeld [\"case_id\"]");
        for (const toml::node& c : *a) {
            const auto v = c.value<std::string>();
            if (!c.is_string() || (*v != "case_id" && *v != "actor"))
                throw Error(where(path, c) + ": geen_bsn: alleen \"case_id\" en \"actor\" zijn mogelijk");
            m.not_bsn.push_back(*v);
        }
    }
    return m;
}

}  // namespace wmotoets
