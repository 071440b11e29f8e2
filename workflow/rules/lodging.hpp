#pragma once
// Shared by TRM-04 and TRM-05: a bezwaar or beroep lodged after its decision, per cycle.
#include "workflow/rule.hpp"
#include "workflow/terms.hpp"

namespace wmotoets::rules {

inline RuleResult judge_lodging_rule(const DossierFacts& f, const RuleContext& ctx, Activity decision,
                                     Activity lodged) {
    return per_cycle(f, [&](const Cycle& c) {
        RuleResult r;
        // A bezwaar: against the last besluit before it (not a temporary one); a beroep: against
        // the first beslissing op bezwaar.
        const auto first = decision == Activity::besluit ? c.first_besluit : f.first(decision, c.begin, c.end);
        if (!first) return r;
        const auto l = f.first(lodged, *first + 1, c.end);
        if (!l) return r;
        const auto d = decision == Activity::besluit ? f.contested_besluit(c, *l) : first;
        Lodging j = judge_lodging(f, *d, *l, ctx.calendar, ctx.words);
        r.outcome = j.outcome;
        if (j.outcome == Outcome::overtreden) {
            Finding fi;
            fi.date = f.date(*l);
            fi.deadline = j.last;
            fi.events = {*d, *l};
            fi.message = std::move(j.message);
            r.findings.push_back(std::move(fi));
        }
        return r;
    });
}

}  // namespace wmotoets::rules
