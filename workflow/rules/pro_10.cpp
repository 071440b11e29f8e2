// PRO-10 — Ontvangst van het bezwaarschrift niet bevestigd.
#include "workflow/rule.hpp"
#include "workflow/terms.hpp"

namespace wmotoets::rules {

namespace {

class Pro10 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "PRO-10",
            .title = "Ontvangst van het bezwaarschrift niet bevestigd",
            .severity = Severity::overtreding,
            .basis = "Awb 6:14 lid 1",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een bezwaar na het eerste besluit: is de ontvangst van het bezwaarschrift "
                "bevestigd vóór de beslissing op bezwaar? Een bevestiging na de beslissing telt niet. Zolang er "
                "geen beslissing en geen bevestiging is, en als het bezwaar eindigde met een intrekking of "
                "afsluiting zonder bevestiging, is de uitkomst onbekend: de wet noemt geen termijn.",
            .why =
                "Het bestuursorgaan bevestigt de ontvangst van een bezwaarschrift schriftelijk (Awb 6:14 lid 1), "
                "zodat de indiener weet dat het is aangekomen en bij wie het ligt. Awb 6:14 stelt daar geen "
                "termijn voor; de toets neemt de beslissing op bezwaar als uiterste moment.",
            .example =
                "Bezwaar op 10 april 2024, beslissing op bezwaar op 5 juni, geen ontvangstbevestiging "
                "ertussen: overtreden.",
            .can_be_unknown = true,
            .question = "Is de ontvangst van het bezwaarschrift bevestigd vóór de beslissing op bezwaar?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            if (!c.first_besluit) return r;
            const auto bezwaar = f.first(Activity::bezwaar, *c.first_besluit + 1, c.end);
            if (!bezwaar) return r;
            const auto bob = f.first(Activity::besluit_op_bezwaar, *bezwaar + 1, c.end);
            if (f.first(Activity::ontvangstbevestiging, *bezwaar + 1, bob.value_or(c.end))) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            if (!bob) {  // still open, or ended by intrekking or afsluiting: Awb 6:14 sets no term
                r.outcome = Outcome::onbekend;
                if (!closed_after(f, *bezwaar, c.end))  // werkvoorraad
                    r.still_due(
                        OpenKind::stap, {*bezwaar}, "de ontvangst van het bezwaarschrift bevestigen", ctx.say([&] {
                            return "Bezwaar op " + f.date(*bezwaar).dutch_long() + "; nog geen ontvangstbevestiging";
                        }));
                return r;
            }
            Finding& fi = r.violated(f.date(*bob), {*bezwaar, *bob}, ctx.say([&] {
                return "De ontvangst van het bezwaarschrift van " + f.date(*bezwaar).dutch_long() +
                       " is niet bevestigd vóór de beslissing op bezwaar van " + f.date(*bob).dutch_long();
            }));
            if (const auto late = f.first(Activity::ontvangstbevestiging, *bob + 1, c.end)) {
                if (ctx.words)
                    fi.message +=
                        "; ontvangst pas na de beslissing op bezwaar bevestigd, op " + f.date(*late).dutch_long();
                fi.events.push_back(*late);
            }
            return r;
        });
    }
};

}  // namespace

const Rule& pro_10() {
    static const Pro10 rule;
    return rule;
}

}  // namespace wmotoets::rules
