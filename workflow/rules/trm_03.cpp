// TRM-03 — Beslissing op bezwaar niet binnen de termijn.
#include "util/text.hpp"
#include "workflow/rule.hpp"
#include "workflow/terms.hpp"

namespace wmotoets::rules {

namespace {

class Trm03 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "TRM-03",
            .title = "Beslissing op bezwaar niet binnen de termijn",
            .severity = Severity::overtreding,
            .basis = "Awb 7:10; Algemene termijnenwet",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een bezwaar na het eerste besluit: volgt de beslissing op bezwaar uiterlijk op de "
                "laatste dag? De termijn telt vanaf het einde van de bezwaartermijn (zes weken na het besluit), "
                "niet vanaf de ontvangst van het bezwaar: zes weken, of twaalf met een adviescommissie "
                "(adviescommissie=ja), plus opschorting (Awb 7:10 lid 2), verlengd met zes weken door een tijdige "
                "verdaging en verder met een verdaging met instemming tot een datum (kolom tot), steeds volgens "
                "de Algemene termijnenwet. Niet van toepassing bij intrekking of sluiting binnen de termijn en "
                "vóór de beslissing; onbekend zolang de termijn loopt.",
            .why =
                "Ook in bezwaar heeft de cliënt recht op een tijdige beslissing. Blijft die uit, dan kan hij de "
                "gemeente in gebreke stellen en daarna rechtstreeks in beroep (Awb 6:2 onder b, 6:12). Waar de "
                "termijn op twee manieren te lezen is, neemt de toets de langste: de eerste verdaging telt altijd "
                "als de volle zes weken (art. 7:10 lid 3 zegt 'ten hoogste'), en de Algemene termijnenwet wordt "
                "ook toegepast op de verdaagde en de afgesproken laatste dag.",
            .example =
                "Besluit op 12 december 2025, bezwaar op 5 januari 2026: de bezwaartermijn eindigt op 23 januari "
                "2026, de beslistermijn (zes weken) op 6 maart 2026. Beslissing op 20 maart: overtreden.",
            .can_be_unknown = true,
            .question = "Is binnen de termijn op het bezwaar beslist?",
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
            const Date bezwaar_last = ctx.calendar.weeks_after(f.date(*c.first_besluit), 6);
            const bool commissie = parse_yes_no(f.attr(*bezwaar, "adviescommissie")).value_or(false);
            const DecisionTerm t = decision_term(f, bezwaar_last, commissie ? 12 : 6, *bezwaar, bob.value_or(c.end),
                                                 bob, TermKind::bezwaar, ctx.calendar);
            if (const auto w = withdrawal_before(f, *bezwaar, c.end, t.last); w && (!bob || *bob > *w)) return r;
            r.outcome = judge_term(bob ? std::optional<Date>(f.date(*bob)) : std::nullopt, t.last, ctx.peildatum,
                                   t.suspension_open);
            if (r.outcome != Outcome::overtreden) return r;
            Finding fi;
            fi.deadline = t.last;
            fi.events = {*c.first_besluit, *bezwaar};
            fi.events.insert(fi.events.end(), t.events.begin(), t.events.end());
            const std::string term = term_clause(t, "het einde van de bezwaartermijn", ctx.calendar,
                                                 commissie ? "; met adviescommissie" : "");
            if (bob) {
                fi.date = f.date(*bob);
                fi.events.push_back(*bob);
                fi.message = "Beslissing op bezwaar pas op " + fi.date.dutch_long() + "; " + term;
            } else {
                fi.date = t.last + 1;
                fi.message = "Geen beslissing op het bezwaar van " + f.date(*bezwaar).dutch_long() + "; " + term;
            }
            r.findings.push_back(std::move(fi));
            return r;
        });
    }
};

}  // namespace

const Rule& trm_03() {
    static const Trm03 rule;
    return rule;
}

}  // namespace wmotoets::rules
