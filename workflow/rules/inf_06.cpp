// INF-06 — Onderzoek binnen zeven dagen na de melding begonnen, zonder persoonlijk plan.
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Inf06 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            "INF-06",
            "Onderzoek binnen zeven dagen na de melding begonnen, zonder persoonlijk plan",
            Severity::aandachtspunt,
            "Wmo 2015 art. 2.3.2 lid 2",
            Scope::cyclus,
            "Per cyclus die met een melding begint en een gesprek heeft: ligt de datum van het eerste "
            "gesprek minder dan zeven dagen na de datum van de melding, terwijl er vóór dat gesprek geen "
            "persoonlijk plan is ingeleverd? Een gesprek op precies de zevende dag is op tijd. Een "
            "herbeoordeling telt niet (art. 2.3.9 geeft daar geen planperiode).",
            "De cliënt heeft zeven dagen om een persoonlijk plan in te leveren. Een gesprek daarvóór "
            "ontneemt hem die kans, tenzij het plan er al is.",
            "Melding op maandag 4 maart, keukentafelgesprek op vrijdag 8 maart, geen persoonlijk plan: "
            "overtreden. Gesprek op maandag 11 maart: voldaan.",
            false};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            if (!f.opened_by_melding(c) || !c.first_gesprek) return r;
            const Pos gesprek = *c.first_gesprek;
            const Date melding = f.date(*c.opener);
            const int days = f.date(gesprek) - melding;
            const bool plan = f.first(Activity::persoonlijk_plan, c.begin, gesprek).has_value();
            if (days >= 7 || plan) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            r.violated(f.date(gesprek), {*c.opener, gesprek},
                    "Het eerste gesprek was op " + f.date(gesprek).dutch_long() + ", " +
                    (days == 0 ? std::string("dezelfde dag als") : std::to_string(days) + (days == 1 ? " dag" : " dagen") + " na") +
                    " de melding van " + melding.dutch_long() +
                    ", vóórdat de zeven dagen voor een persoonlijk plan om waren, en er was nog geen plan");
            return r;
        });
    }
};

}  // namespace

const Rule& inf_06() {
    static const Inf06 rule;
    return rule;
}

}  // namespace wmotoets::rules
