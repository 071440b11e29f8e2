// The one explicit list of built-in rules, in rulebook order. Adding a rule: tools/nieuwe-regel
// writes its file in workflow/rules/, one declaration and one entry here, and its fixture in
// tests/fixtures/rules/ (README, "Adding a rule").
#include "workflow/rule.hpp"

namespace wmotoets {

namespace rules {
const Rule& inf_01();
const Rule& inf_02();
const Rule& inf_03();
const Rule& inf_04();
const Rule& inf_05();
const Rule& inf_06();
const Rule& inf_07();
const Rule& inf_08();
const Rule& ona_01();
const Rule& ona_02();
const Rule& ona_03();
const Rule& ona_04();
const Rule& ona_05();
const Rule& ona_06();
const Rule& ona_07();
const Rule& toe_01();
const Rule& toe_02();
const Rule& toe_03();
const Rule& trm_01();
const Rule& trm_02();
const Rule& trm_03();
const Rule& trm_04();
const Rule& trm_05();
const Rule& trm_06();
const Rule& pro_01();
const Rule& pro_02();
const Rule& pro_03();
const Rule& pro_04();
const Rule& pro_05();
const Rule& pro_06();
const Rule& pro_07();
const Rule& pro_08();
const Rule& pro_09();
const Rule& pro_10();
}  // namespace rules

const std::vector<const Rule*>& all_rules() {
    // One rule a line, in rulebook order (tools/nieuwe-regel adds a line).
    // clang-format off
    static const std::vector<const Rule*> list{
        &rules::inf_01(),
        &rules::inf_02(),
        &rules::inf_03(),
        &rules::inf_04(),
        &rules::inf_05(),
        &rules::inf_06(),
        &rules::inf_07(),
        &rules::inf_08(),
        &rules::ona_01(),
        &rules::ona_02(),
        &rules::ona_03(),
        &rules::ona_04(),
        &rules::ona_05(),
        &rules::ona_06(),
        &rules::ona_07(),
        &rules::toe_01(),
        &rules::toe_02(),
        &rules::toe_03(),
        &rules::trm_01(),
        &rules::trm_02(),
        &rules::trm_03(),
        &rules::trm_04(),
        &rules::trm_05(),
        &rules::trm_06(),
        &rules::pro_01(),
        &rules::pro_02(),
        &rules::pro_03(),
        &rules::pro_04(),
        &rules::pro_05(),
        &rules::pro_06(),
        &rules::pro_07(),
        &rules::pro_08(),
        &rules::pro_09(),
        &rules::pro_10(),
    };
    // clang-format on
    return list;
}

const Rule* find_rule(std::string_view id) {
    for (const Rule* r : all_rules())
        if (r->info().id == id) return r;
    return nullptr;
}

std::string_view scope_name(Scope s) { return s == Scope::cyclus ? "cyclus" : "dossier"; }

}  // namespace wmotoets
