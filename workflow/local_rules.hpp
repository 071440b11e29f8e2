#pragma once
// Local rules (LOK-): the five templates of docs/spec/rules.md as Rule objects built from their specs.
#include <memory>
#include <vector>

#include "model/local_rule.hpp"
#include "workflow/rule.hpp"

namespace wmotoets {

// Owns the local rules of one run; `rules()` gives them in file order, to be run after the
// built-in rules.
class LocalRules {
public:
    LocalRules() = default;
    explicit LocalRules(const std::vector<LocalRuleSpec>& specs);
    LocalRules(LocalRules&&) noexcept;
    LocalRules& operator=(LocalRules&&) noexcept;
    ~LocalRules();
    const std::vector<const Rule*>& rules() const { return view_; }

private:
    std::vector<std::unique_ptr<Rule>> owned_;
    std::vector<const Rule*> view_;
};

// The built-in rules followed by `local`.
std::vector<const Rule*> rules_with(const LocalRules& local);

}  // namespace wmotoets
