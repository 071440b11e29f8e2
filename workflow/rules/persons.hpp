#pragma once
// Shared by ONA-01 and ONA-02: one person acting as ondersteuner and in another role.
#include <algorithm>

#include "workflow/rule.hpp"

namespace wmotoets::rules {

// What a person did at `p`, in words: "toegewezen als ondersteuner op 9 april 2023", "besluit van
// 12 juni 2024", "beslissing op bezwaar van 10 april 2024", "gesprek van 3 maart 2024".
inline std::string acted_as(const DossierFacts& f, Pos p) {
    const std::string date = f.date(p).dutch_long();
    if (f.activity(p) == Activity::ondersteuner_toegewezen) return "toegewezen als ondersteuner op " + date;
    return std::string(activity_words(f.activity(p))) + " van " + date;
}

// Applies when the case has ondersteuners and `others`; one finding per person who is both,
// dated at the later of that person's first ondersteuner event and first event in the other
// role. `role` names the other role in the message ("beslisser").
inline RuleResult judge_ondersteuner_also(const DossierFacts& f, const RuleContext& ctx,
                                          const std::vector<RoleAct>& others, std::string_view role) {
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
        fi.message = ctx.say([&] {
            return "Medewerker " + std::string(f.log->str(o.actor)) + " is in dit dossier zowel cliëntondersteuner (" +
                   acted_as(f, o.pos) + ") als " + std::string(role) + " (" + acted_as(f, b->pos) + ")";
        });
        r.findings.push_back(std::move(fi));
    }
    return r;
}

// The dossier's last cycle while it still awaits its decision on the peildatum: no besluit yet (a
// temporary one aside) and not closed or withdrawn; nullptr otherwise (the werkvoorraad of ONA-01/02).
inline const Cycle* undecided_cycle(const DossierFacts& f) {
    if (f.cycles.empty()) return nullptr;
    const Cycle& c = f.cycles.back();
    if (c.first_besluit) return nullptr;
    const auto closure = std::lower_bound(f.closures.begin(), f.closures.end(), c.begin);
    return closure != f.closures.end() && *closure < c.end ? nullptr : &c;
}

// The ondersteuner of the dossier now: the latest person assigned or acting as one, if any.
inline const RoleAct* current_ondersteuner(const DossierFacts& f) {
    return f.ondersteuners.empty() ? nullptr : &f.ondersteuners.back();
}

}  // namespace wmotoets::rules
