#pragma once
// Shared by ONA-01 and ONA-02: one person acting as ondersteuner and in another role.
#include <algorithm>

#include "workflow/rule.hpp"

namespace wmotoets::rules {

// Applies when the case has ondersteuners and `others`; one finding per person who is both,
// dated at the later of that person's first ondersteuner event and first event in the other
// role. `role` names the other role in the message ("beslisser").
inline RuleResult judge_ondersteuner_also(const CaseFacts& f, const std::vector<RoleAct>& others, std::string_view role) {
    RuleResult r;
    if (f.ondersteuners.empty() || others.empty()) return r;
    r.outcome = Outcome::voldaan;
    std::vector<StrId> seen;
    for (const RoleAct& o : f.ondersteuners) {
        if (std::find(seen.begin(), seen.end(), o.actor) != seen.end()) continue;
        seen.push_back(o.actor);  // o is this person's first ondersteuner event
        const auto b = std::find_if(others.begin(), others.end(), [&](const RoleAct& x) { return x.actor == o.actor; });
        if (b == others.end()) continue;
        r.outcome = Outcome::overtreden;
        const Pos later = std::max(o.pos, b->pos);
        Finding fi;
        fi.cycle = f.cycle_of[later] + 1;
        fi.date = f.date(later);
        fi.events = {std::min(o.pos, b->pos), later};
        fi.message = "Medewerker " + std::string(f.log->str(o.actor)) + " is in dit dossier zowel cliëntondersteuner (" +
                     std::string(activity_name(f.activity(o.pos))) + " op " + f.date(o.pos).dutch_long() + ") als " +
                     std::string(role) + " (" + std::string(activity_name(f.activity(b->pos))) + " op " +
                     f.date(b->pos).dutch_long() + ")";
        r.findings.push_back(std::move(fi));
    }
    return r;
}

}  // namespace wmotoets::rules
