// The one explicit list of built-in rules, in rulebook order. Adding a rule: its file in
// workflow/rules/, one declaration and one entry here, and its fixture in tests/fixtures/rules/.
#include "workflow/rule.hpp"

namespace wmotoets {

namespace rules {
const Rule& inf_01();
const Rule& inf_02();
const Rule& ona_01();
const Rule& pro_01();
}  // namespace rules

const std::vector<const Rule*>& all_rules() {
    static const std::vector<const Rule*> list{
        &rules::inf_01(),
        &rules::inf_02(),
        &rules::ona_01(),
        &rules::pro_01(),
    };
    return list;
}

const Rule* find_rule(std::string_view id) {
    for (const Rule* r : all_rules())
        if (r->info().id == id) return r;
    return nullptr;
}

std::string_view outcome_name(Outcome o) {
    switch (o) {
        case Outcome::niet_van_toepassing: return "niet_van_toepassing";
        case Outcome::voldaan: return "voldaan";
        case Outcome::onbekend: return "onbekend";
        case Outcome::overtreden: return "overtreden";
    }
    return "?";
}

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::overtreding: return "overtreding";
        case Severity::aandachtspunt: return "aandachtspunt";
        case Severity::signaal: return "signaal";
    }
    return "?";
}

std::string_view scope_name(Scope s) { return s == Scope::cyclus ? "cyclus" : "dossier"; }

}  // namespace wmotoets
