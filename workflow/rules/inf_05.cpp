// INF-05 — Cliënt niet gewezen op de mogelijkheid van een persoonlijk plan.
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Inf05 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            "INF-05",
            "Cliënt niet gewezen op de mogelijkheid van een persoonlijk plan",
            Severity::overtreding,
            "Wmo 2015 art. 2.3.2 lid 2",
            Scope::cyclus,
            "Per cyclus met een onderzoek: komt er vóór het eerste gesprek (of het verslag) een "
            "'informatie_persoonlijk_plan' of een ingeleverd 'persoonlijk_plan'?",
            "De cliënt mag binnen zeven dagen na de melding een persoonlijk plan inleveren waarin hij "
            "zelf beschrijft wat hij nodig heeft; het onderzoek moet daar rekening mee houden. Dat kan "
            "alleen als de gemeente hem daar op tijd op wijst.",
            "Melding op 4 maart, gesprek op 14 maart, geen informatie over het persoonlijk plan: "
            "overtreden.",
            false};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            const auto moment = c.onderzoek_moment();
            if (!moment) return r;
            for (Pos p = c.begin; p < *moment; ++p)
                if (f.activity(p) == Activity::informatie_persoonlijk_plan || f.activity(p) == Activity::persoonlijk_plan) {
                    r.outcome = Outcome::voldaan;
                    return r;
                }
            Finding& fi = r.violated(f.date(*moment), {*moment},
                    "Vóór het " + std::string(activity_name(f.activity(*moment))) + " op " + f.date(*moment).dutch_long() +
                    " is de cliënt niet gewezen op de mogelijkheid van een persoonlijk plan");
            if (const auto later = f.first(Activity::informatie_persoonlijk_plan, *moment, c.end)) {
                fi.message += " (dat gebeurde pas op " + f.date(*later).dutch_long() + ")";
                fi.events.push_back(*later);
            }
            return r;
        });
    }
};

}  // namespace

const Rule& inf_05() {
    static const Inf05 rule;
    return rule;
}

}  // namespace wmotoets::rules
