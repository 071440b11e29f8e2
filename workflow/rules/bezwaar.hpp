#pragma once
// Shared by the rules about a bezwaar (ONA-06, ONA-07, PRO-08, PRO-10, TRM-03, TRM-04, TRM-06): a
// cycle's first bezwaar after its first besluit, and the contested besluit, the last besluit before
// that bezwaar (docs/spec/rules.md "Terms": a temporary decision is never "the besluit").
#include <optional>

#include "workflow/rule.hpp"

namespace wmotoets::rules {

struct Contested {
    Pos besluit = 0, bezwaar = 0;
};

inline std::optional<Contested> contested_besluit(const DossierFacts& f, const Cycle& c) {
    if (!c.first_besluit) return std::nullopt;
    const auto bezwaar = f.first(Activity::bezwaar, *c.first_besluit + 1, c.end);
    if (!bezwaar) return std::nullopt;
    return Contested{*f.contested_besluit(c, *bezwaar), *bezwaar};
}

}  // namespace wmotoets::rules
