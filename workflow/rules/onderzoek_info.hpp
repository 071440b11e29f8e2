#pragma once
// Shared by INF-07 and INF-08: was the client told of something during the onderzoek — a notice of
// its own (informatie_pgb, informatie_bijdrage), or a gesprek or verslag with the attribute `key`
// saying ja — before or at the cycle's first verslag?
#include "util/text.hpp"
#include "workflow/rule.hpp"

namespace wmotoets::rules {

inline bool told_by_verslag(const DossierFacts& f, const Cycle& c, Pos verslag, Activity notice, std::string_view key) {
    for (Pos p = c.begin; p <= verslag; ++p) {
        const Activity a = f.activity(p);
        if (a == notice) return true;
        if ((a == Activity::gesprek || a == Activity::verslag) && parse_yes_no(f.attr(p, key)).value_or(false))
            return true;
    }
    return false;
}

}  // namespace wmotoets::rules
