// PRO-09 — Melding afgesloten zonder onderzoek.
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Pro09 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "PRO-09",
            .title = "Melding afgesloten zonder onderzoek",
            .severity = Severity::signaal,
            .basis = "Wmo 2015 art. 2.3.2 lid 1 en lid 8",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus die met een melding begint en een afsluiting heeft: kwam er vóór de eerste afsluiting "
                "een verslag, een intrekking, een aanvraag of een besluit? Zo niet, dan is de melding afgesloten "
                "zonder de schriftelijke uitkomst van een onderzoek.",
            .why =
                "Na een melding onderzoekt het college de situatie (art. 2.3.2 lid 1) en krijgt de cliënt een "
                "verslag (lid 8). Een melding die zonder verslag wordt afgesloten, kan terecht zijn (de vraag "
                "bleek elders opgelost), maar de cliënt weet dan misschien niet dat hij nog een aanvraag kan "
                "doen (lid 9). Daarom een signaal, geen overtreding: wat er buiten het logboek is afgesproken, "
                "is niet te zien.",
            .example =
                "Melding op 4 maart 2024, afgesloten op 2 april zonder gesprek, verslag of intrekking: "
                "gesignaleerd.",
            .can_be_unknown = false,
            .question = "Is de melding pas afgesloten na een verslag, een intrekking, een aanvraag of een besluit?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            if (!f.opened_by_melding(c)) return r;
            const auto closed = f.first(Activity::afsluiting, *c.opener + 1, c.end);
            if (!closed) return r;
            for (Pos p = *c.opener + 1; p < *closed; ++p) {
                const Activity a = f.activity(p);
                if (a == Activity::verslag || a == Activity::intrekking || a == Activity::aanvraag || f.is_besluit(p)) {
                    r.outcome = Outcome::voldaan;
                    return r;
                }
            }
            r.violated(f.date(*closed), {*c.opener, *closed}, ctx.say([&] {
                return "De melding van " + f.date(*c.opener).dutch_long() + " is op " + f.date(*closed).dutch_long() +
                       " afgesloten zonder verslag van een onderzoek, zonder intrekking en zonder aanvraag";
            }));
            return r;
        });
    }
};

}  // namespace

const Rule& pro_09() {
    static const Pro09 rule;
    return rule;
}

}  // namespace wmotoets::rules
