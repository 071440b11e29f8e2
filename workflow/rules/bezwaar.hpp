#pragma once
// Shared by ONA-06 and ONA-07: a cycle's contested besluit (its first) and the first bezwaar after it.
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
    return Contested{*c.first_besluit, *bezwaar};
}

}  // namespace wmotoets::rules
