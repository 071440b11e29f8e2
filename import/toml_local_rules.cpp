// The local rules file (--regels).
#include "import/toml_files.hpp"

#include <set>

#include "import/toml_common.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace wmotoets {

using namespace toml_files;

std::vector<LocalRuleSpec> read_local_rules_file(const std::string& path) {
    const toml::table root = parse(path);
    only_known_keys(path, root, {"regel"}, "het regelbestand (alleen [[regel]]-tabellen)");
    const toml::node* list = root.get("regel");
    if (!list) throw Error(path + ":1: geen enkele [[regel]] gevonden");
    const toml::array* rules = list->as_array();
    if (!rules) throw Error(where(path, *list) + ": 'regel' moet een lijst van [[regel]]-tabellen zijn");
    std::vector<LocalRuleSpec> out;
    std::set<std::string> ids;
    for (const toml::node& node : *rules) {
        const toml::table* t = node.as_table();
        if (!t) throw Error(where(path, node) + ": elke regel moet een [[regel]]-tabel zijn");
        const std::string at = where(path, node);
        only_known_keys(path, *t, {"id", "titel", "ernst", "grondslag", "uitleg", "sjabloon", "a", "b", "binnen_dagen"},
                        "[[regel]]");
        auto text = [&](std::string_view key, bool required) -> std::string {
            const toml::node* v = t->get(key);
            if (!v) {
                if (required) throw Error(at + ": [[regel]] mist '" + std::string(key) + "'");
                return {};
            }
            const auto s = v->value<std::string>();
            if (!v->is_string() || !s || trim(*s).empty())
                throw Error(where(path, *v) + ": '" + std::string(key) + "' moet een niet-lege tekst zijn");
            return std::string(trim(*s));
        };
        LocalRuleSpec r;
        r.source = at;
        r.id = text("id", true);
        const std::string id_at = where(path, *t->get("id"));
        if (r.id.rfind("LOK-", 0) != 0 || r.id.size() < 5)
            throw Error(id_at + ": id '" + r.id +
                        "' moet met LOK- beginnen (bijv. LOK-01); andere voorvoegsels zijn van het regelboek");
        for (char c : r.id)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
                throw Error(id_at + ": id '" + r.id + "' mag alleen letters, cijfers, - en _ bevatten");
        if (!ids.insert(r.id).second) throw Error(id_at + ": id '" + r.id + "' komt twee keer voor");
        r.title = text("titel", true);
        const std::string ernst = text("ernst", true);
        const std::optional<Severity> severity = severity_from_name(ernst);
        if (!severity)
            throw Error(where(path, *t->get("ernst")) + ": ernst '" + ernst +
                        "' onbekend (overtreding, aandachtspunt of signaal)");
        r.severity = *severity;
        r.basis = text("grondslag", true);
        r.explanation = text("uitleg", false);
        const std::string sjabloon = text("sjabloon", true);
        const std::string sj_at = where(path, *t->get("sjabloon"));
        if (sjabloon == "voorafgaand") r.template_kind = LocalTemplate::voorafgaand;
        else if (sjabloon == "gevolgd_door") r.template_kind = LocalTemplate::gevolgd_door;
        else if (sjabloon == "vier_ogen") r.template_kind = LocalTemplate::vier_ogen;
        else if (sjabloon == "verplicht") r.template_kind = LocalTemplate::verplicht;
        else if (sjabloon == "verboden") r.template_kind = LocalTemplate::verboden;
        else
            throw Error(sj_at + ": onbekend sjabloon '" + sjabloon +
                        "' (voorafgaand, gevolgd_door, vier_ogen, verplicht of verboden)");
        const bool needs_b = r.template_kind == LocalTemplate::voorafgaand ||
                             r.template_kind == LocalTemplate::gevolgd_door ||
                             r.template_kind == LocalTemplate::vier_ogen;
        r.a = text("a", true);
        if (needs_b) r.b = text("b", true);
        else if (t->get("b")) throw Error(where(path, *t->get("b")) + ": sjabloon " + sjabloon + " kent geen 'b'");
        if (const toml::node* v = t->get("binnen_dagen")) {
            if (r.template_kind != LocalTemplate::gevolgd_door)
                throw Error(where(path, *v) + ": binnen_dagen hoort alleen bij sjabloon gevolgd_door");
            r.within_days = days_value(path, *v, "binnen_dagen");
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace wmotoets
