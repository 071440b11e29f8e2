#pragma once
// The texts of the rules of a run, as every writer names them: from the rule objects of a check
// in memory, or from a stored run (built-in rules from the rulebook; local rules, whose texts the
// store does not keep, with the title and severity of their figures).
#include <string>
#include <vector>

#include "model/run.hpp"
#include "workflow/rule.hpp"

namespace wmotoets {

struct RuleText {
    std::string id, title;
    Severity severity = Severity::overtreding;
    std::string basis, what, why, example, question;
};
RuleText rule_text(const Rule& rule);
RuleText rule_text(const RunRecord& run, const std::string& id);
std::vector<RuleText> rule_texts(const std::vector<const Rule*>& rules);
std::vector<RuleText> rule_texts(const RunRecord& run);

}  // namespace wmotoets
