// PRO-08 — Aanvraag of bezwaar afgesloten zonder besluit.
#include "workflow/rule.hpp"
#include "workflow/terms.hpp"

namespace wmotoets::rules {

namespace {

class Pro08 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "PRO-08",
            .title = "Aanvraag of bezwaar afgesloten zonder besluit",
            .severity = Severity::overtreding,
            .basis = "Wmo 2015 art. 2.3.5 lid 1; Awb 4:13 en 7:10",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een aanvraag, of met een bezwaar na het eerste besluit: is elke aanvraag en elk "
                "bezwaar dat daarna werd afgesloten, eerst beslist (een besluit, ook een besluit de aanvraag niet "
                "te behandelen, of een beslissing op bezwaar) of ingetrokken? Overtreden voor elke afsluiting "
                "zonder besluit en zonder intrekking ervoor, als er ook daarna tot de peildatum geen besluit "
                "kwam. Een afsluiting van een aanvraag omdat die is doorgezonden naar het bevoegde orgaan, is "
                "ingetrokken of de cliënt is overleden, geeft onbekend.",
            .why =
                "Op een aanvraag moet het college beslissen (art. 2.3.5 lid 1, Awb 4:13), op een bezwaar ook "
                "(Awb 7:10). Een dossier sluiten zonder besluit ('buitenwettelijk afdoen') ontneemt de cliënt "
                "de beschikking waartegen hij bezwaar kan maken. Wat het logboek niet laat zien: een intrekking "
                "die wel is afgesproken maar niet als intrekking is vastgelegd.",
            .example =
                "Aanvraag op 3 juni 2024, dossier afgesloten op 10 juni zonder besluit en zonder intrekking: "
                "overtreden. Met een intrekking op 7 juni: voldaan.",
            .can_be_unknown = true,
            .question = "Is op elke aanvraag en elk bezwaar beslist vóór het dossier werd afgesloten?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            if (c.first_aanvraag) {
                r.outcome = Outcome::voldaan;
                for (Pos p = *c.first_aanvraag; p < c.end; ++p)
                    if (f.activity(p) == Activity::aanvraag) judge(f, ctx, c, p, r);
            }
            if (c.first_besluit) {
                if (const auto bezwaar = f.first(Activity::bezwaar, *c.first_besluit + 1, c.end)) {
                    if (r.outcome < Outcome::voldaan) r.outcome = Outcome::voldaan;
                    for (Pos p = *bezwaar; p < c.end; ++p)
                        if (f.activity(p) == Activity::bezwaar) judge(f, ctx, c, p, r);
                }
            }
            return r;
        });
    }

private:
    // Whether `p` decides what was asked at `asked`: a besluit of the cycle for an aanvraag (one that
    // does not consider it counts too, Awb 4:5), a beslissing op bezwaar for a bezwaar.
    static bool decides(const DossierFacts& f, Pos asked, Pos p) {
        return f.activity(asked) == Activity::aanvraag ? f.is_besluit(p)
                                                       : f.activity(p) == Activity::besluit_op_bezwaar;
    }

    // The aanvraag or bezwaar at `asked`: closed by an afsluiting with no decision and no intrekking
    // before it, and no decision after it either?
    static void judge(const DossierFacts& f, const RuleContext& ctx, const Cycle& c, Pos asked, RuleResult& r) {
        std::optional<Pos> closed;
        for (Pos p = asked + 1; p < c.end && !closed; ++p) {
            // The next aanvraag or bezwaar is judged on its own.
            if (f.activity(p) == f.activity(asked) || f.activity(p) == Activity::intrekking || decides(f, asked, p))
                return;
            if (f.activity(p) == Activity::afsluiting) closed = p;
        }
        if (!closed) return;
        for (Pos p = *closed + 1; p < c.end; ++p)
            if (decides(f, asked, p)) return;  // decided after all
        const bool aanvraag = f.activity(asked) == Activity::aanvraag;
        if (aanvraag && closed_for_a_reason(f, *closed)) {
            if (r.outcome < Outcome::onbekend) r.outcome = Outcome::onbekend;
            return;
        }
        r.violated(f.date(*closed), {asked, *closed}, ctx.say([&] {
            return std::string(aanvraag ? "De aanvraag" : "Het bezwaar") + " van " + f.date(asked).dutch_long() +
                   " is op " + f.date(*closed).dutch_long() + " afgesloten zonder " +
                   (aanvraag ? "besluit" : "beslissing op bezwaar") + " en zonder intrekking";
        }));
    }
};

}  // namespace

const Rule& pro_08() {
    static const Pro08 rule;
    return rule;
}

}  // namespace wmotoets::rules
