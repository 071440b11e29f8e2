#pragma once
// The rulebook for people: the list, one rule explained, and docs/regels.md.
#include <ostream>
#include <vector>

#include "workflow/rule.hpp"

namespace wmotoets {

// One line per rule: ID, severity, scope, title — basis.
void write_rulebook_list(std::ostream& out, const std::vector<const Rule*>& rules);
// One rule: title, severity, basis, scope, what is checked, why it matters, an example.
void write_rule_explanation(std::ostream& out, const Rule& rule);
// The whole rulebook as Markdown (docs/regels.md is this output for the built-in rules).
void write_rulebook_markdown(std::ostream& out, const std::vector<const Rule*>& rules);

}  // namespace wmotoets
