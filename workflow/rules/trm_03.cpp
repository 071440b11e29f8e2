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
                "laatste dag? De termijn telt vanaf het einde van de bezwaartermijn (zes weken na het bestreden "
                "besluit, het laatste besluit vóór het bezwaar), niet vanaf de ontvangst van het bezwaar; kwam het "
                "bezwaar na de bezwaartermijn binnen, dan telt de toets vanaf de ontvangst. De termijn is zes "
                "weken, of twaalf met een adviescommissie (adviescommissie=ja), plus opschorting (Awb 7:10 lid 2), "
                "verlengd met zes weken door een tijdige verdaging en verder met een verdaging met instemming tot "
                "een datum (kolom tot), steeds volgens de Algemene termijnenwet. Alleen een intrekking binnen de "
                "termijn en vóór de beslissing maakt de regel niet van toepassing (een bezwaar wordt schriftelijk "
                "of op de hoorzitting mondeling ingetrokken, Awb 6:21); een bezwaar dat zonder beslissing is "
                "afgesloten, is na de termijn overtreden (PRO-08), bij een afsluiting omdat het is doorgezonden, "
                "ingetrokken of de indiener is overleden onbekend. Onbekend ook zolang de termijn loopt.",
            .why =
                "Ook in bezwaar heeft de cliënt recht op een tijdige beslissing. Blijft die uit, dan kan hij de "
                "gemeente in gebreke stellen en daarna rechtstreeks in beroep (Awb 6:2 onder b, 6:12). Waar de "
                "termijn op twee manieren te lezen is, neemt de toets de langste: de eerste verdaging telt altijd "
                "als de volle zes weken (art. 7:10 lid 3 zegt 'ten hoogste'), de Algemene termijnenwet wordt ook "
                "toegepast op de verdaagde en de afgesproken laatste dag, en een te laat bezwaar krijgt zijn "
                "termijn vanaf de ontvangst. Wat het logboek niet laat zien: of een opschorting terecht was (Awb "
                "7:10 lid 2 schort alleen op voor het herstel van een verzuim, Awb 6:6) en of de indiener met een "
                "verdere verdaging heeft ingestemd (7:10 lid 4); de toets neemt beide aan.",
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
            const auto bt = bezwaar_term(f, c, ctx.calendar);
            if (!bt) return r;
            const DecisionTerm& t = bt->term;
            const auto bob = bt->beslissing;
            // Only an intrekking exempts (Awb 6:21); an afsluiting is no decision (Awb 7:10).
            if (const auto w = withdrawal_before(f, bt->bezwaar, c.end, t.last); w && (!bob || *bob > *w)) return r;
            r.outcome = judge_term(bob ? std::optional<Date>(f.date(*bob)) : std::nullopt, t.last, ctx.peildatum,
                                   t.suspension_open);
            if (!bob && !closed_after(f, bt->bezwaar, c.end)) {  // werkvoorraad
                std::vector<Pos> events{bt->besluit, bt->bezwaar};
                events.insert(events.end(), t.events.begin(), t.events.end());
                ctx.term_due(r, t.last_if_resumed(ctx.peildatum, ctx.calendar), std::move(events),
                             "op het bezwaar beslissen", ctx.say([&] {
                                 return "Nog geen beslissing op het bezwaar van " + f.date(bt->bezwaar).dutch_long() +
                                        "; " +
                                        open_term_clause(t, ctx.peildatum,
                                                         bt->from_receipt ? "de ontvangst van het te late bezwaar"
                                                                          : "het einde van de bezwaartermijn",
                                                         ctx.calendar, bt->commissie ? "; met adviescommissie" : "");
                             }));
            }
            if (r.outcome != Outcome::overtreden) return r;
            if (!bob && closure_with_reason(f, bt->bezwaar, c.end)) {
                r.outcome = Outcome::onbekend;
                return r;
            }
            Finding fi;
            fi.deadline = t.last;
            fi.events = {bt->besluit, bt->bezwaar};
            fi.events.insert(fi.events.end(), t.events.begin(), t.events.end());
            const std::string term = ctx.say([&] {
                return term_clause(
                    t, bt->from_receipt ? "de ontvangst van het te late bezwaar" : "het einde van de bezwaartermijn",
                    ctx.calendar, bt->commissie ? "; met adviescommissie" : "");
            });
            if (bob) {
                fi.date = f.date(*bob);
                fi.events.push_back(*bob);
                fi.message =
                    ctx.say([&] { return "Beslissing op bezwaar pas op " + fi.date.dutch_long() + "; " + term; });
            } else {
                fi.date = t.last + 1;
                fi.message =
                    ctx.say([&] { return "Geen beslissing op het bezwaar van " + f.date(bt->bezwaar).dutch_long(); });
                if (const auto closed = f.first(Activity::afsluiting, bt->bezwaar + 1, c.end)) {
                    fi.events.push_back(*closed);
                    if (ctx.words)
                        fi.message +=
                            ": het dossier is op " + f.date(*closed).dutch_long() + " afgesloten zonder beslissing";
                }
                if (ctx.words) fi.message += "; " + term;
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
