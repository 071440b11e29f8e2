// PRO-06 — Geen ontvangstbevestiging van de melding.
#include "workflow/rule.hpp"
#include "workflow/terms.hpp"

namespace wmotoets::rules {

namespace {

class Pro06 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "PRO-06",
            .title = "Geen ontvangstbevestiging van de melding",
            .severity = Severity::overtreding,
            .basis = "Wmo 2015 art. 2.3.2 lid 1",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus die met een melding begint en een onderzoek heeft (een gesprek of verslag): is er in "
                "die cyclus een ontvangstbevestiging van de melding, dus vóór de eerste aanvraag en het eerste "
                "bezwaar? Een latere ontvangstbevestiging gaat over de aanvraag of het bezwaarschrift (PRO-10).",
            .why =
                "De gemeente bevestigt de ontvangst van een melding (art. 2.3.2 lid 1), zodat de cliënt weet dat "
                "zijn vraag in behandeling is en bij wie. De termijn van zes weken loopt vanaf de melding, met of "
                "zonder bevestiging.",
            .example = "Melding op 3 juni, gesprek op 14 juni, nergens een ontvangstbevestiging: overtreden.",
            .can_be_unknown = false,
            .question = "Is de ontvangst van de melding bevestigd?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            if (f.opened_by_melding(c) && !c.onderzoek_moment() && !closed_after(f, *c.opener, c.end) &&
                !f.first(Activity::ontvangstbevestiging, c.begin, c.end))  // werkvoorraad
                r.still_due(OpenKind::stap, {*c.opener}, "de ontvangst van de melding bevestigen", ctx.say([&] {
                    return "Melding op " + f.date(*c.opener).dutch_long() + "; nog geen ontvangstbevestiging";
                }));
            if (!f.opened_by_melding(c) || !c.onderzoek_moment()) return r;
            // Only a receipt of the melding: one after the aanvraag or the bezwaar confirms that (PRO-10).
            Pos until = c.first_aanvraag.value_or(c.end);
            if (const auto bezwaar = f.first(Activity::bezwaar, c.begin, until)) until = *bezwaar;
            if (f.first(Activity::ontvangstbevestiging, c.begin, until)) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            r.violated(f.date(*c.opener), {*c.opener}, ctx.say([&] {
                return "De ontvangst van de melding van " + f.date(*c.opener).dutch_long() + " is niet bevestigd";
            }));
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
