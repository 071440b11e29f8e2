#include "reports/rule_text.hpp"

namespace wmotoets {

RuleText rule_text(const Rule& rule) {
    const RuleInfo& i = rule.info();
    return RuleText{std::string(i.id),      std::string(i.title),   i.severity,
                    std::string(i.basis),   std::string(i.what),    std::string(i.why),
                    std::string(i.example), std::string(i.question)};
}

RuleText rule_text(const RunRecord& run, const std::string& id) {
    if (const Rule* r = find_rule(id)) return rule_text(*r);
    RuleText t;
    t.id = id;
    for (const RunRecord::Figure& f : run.figures)
        if (f.rule == id) {
            t.title = f.title;
            t.severity = f.severity;
        }
    t.basis = "lokale regel";
    t.question = "Is in dit dossier voldaan aan lokale regel " + id + "?";
    return t;
}

std::vector<RuleText> rule_texts(const std::vector<const Rule*>& rules) {
    std::vector<RuleText> out;
    for (const Rule* r : rules) out.push_back(rule_text(*r));
    return out;
}

std::vector<RuleText> rule_texts(const RunRecord& run) {
    std::vector<RuleText> out;
    for (const std::string& id : run.rules) out.push_back(rule_text(run, id));
    return out;
}

}  // namespace wmotoets
