// PRO-06 — Geen ontvangstbevestiging van de melding.
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Pro06 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            "PRO-06",
            "Geen ontvangstbevestiging van de melding",
            Severity::overtreding,
            "Wmo 2015 art. 2.3.2 lid 1",
            Scope::cyclus,
            "Per cyclus die met een melding begint en een onderzoek heeft (een gesprek of verslag): is er "
            "in die cyclus een 'ontvangstbevestiging'?",
            "De gemeente bevestigt de ontvangst van een melding. Daarmee staat vast wanneer de termijn van "
            "zes weken begon, en weet de cliënt dat zijn vraag in behandeling is.",
            "Melding op 3 juni, gesprek op 14 juni, nergens een ontvangstbevestiging: overtreden.",
            false};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            if (!f.opened_by_melding(c) || !c.onderzoek_moment()) return r;
            if (f.first(Activity::ontvangstbevestiging, c.begin, c.end)) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            r.violated(f.date(*c.opener), {*c.opener},
                    "De ontvangst van de melding van " + f.date(*c.opener).dutch_long() + " is niet bevestigd");
            return r;
        });
    }
};

}  // namespace

const Rule& pro_06() {
    static const Pro06 rule;
    return rule;
}

}  // namespace wmotoets::rules
