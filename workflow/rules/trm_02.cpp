// TRM-02 — Beschikking niet binnen twee weken na de aanvraag.
#include "workflow/rule.hpp"
#include "workflow/terms.hpp"

namespace wmotoets::rules {

namespace {

class Trm02 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "TRM-02",
            .title = "Beschikking niet binnen twee weken na de aanvraag",
            .severity = Severity::overtreding,
            .basis = "Wmo 2015 art. 2.3.5 lid 2; Awb 4:13–4:15; Algemene termijnenwet",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een aanvraag: volgt de beschikking uiterlijk op de laatste dag van de termijn? De "
                "termijn is twee weken na de eerste aanvraag, plus de dagen dat hij was opgeschort (Awb 4:15: "
                "vanaf de dag na het begin van de opschorting tot de dag waarop zij eindigt), verlengd volgens de "
                "Algemene termijnenwet. Uitstel waarmee de aanvrager schriftelijk instemt, is ook een opschorting "
                "(Awb 4:15 lid 2 onder a) en hoort zo in het logboek te staan. Een mededeling dat de beschikking "
                "later komt (Awb 4:14) verschuift deze wettelijke termijn niet. Een tijdelijk besluit in een "
                "spoedgeval (Wmo 2.3.3) is geen beschikking op de aanvraag. Alleen een intrekking binnen de "
                "termijn en vóór de beschikking maakt de regel niet van toepassing: een aanvraag die zonder besluit "
                "is afgesloten, is na de termijn overtreden (PRO-08 noemt de afsluiting); is het dossier gesloten "
                "omdat de aanvraag is doorgezonden, is ingetrokken of de cliënt is overleden, dan is de uitkomst "
                "onbekend. Een besluit de aanvraag niet te behandelen (Awb 4:5) is ook een besluit; het telt tot "
                "vier weken na het einde van de hersteltermijn als dat later is. Een aanvraag vóór het verslag en "
                "binnen de zes weken van het onderzoek (Wmo 2.3.2 lid 9) wordt beoordeeld aan de hand van een "
                "latere aanvraag; is die er niet, dan telt de toets de termijn vanaf het verslag of de dag na de "
                "zes weken (wat het eerst komt) en is de uitkomst hooguit onbekend: de gemeente kan volhouden dat "
                "zo'n aanvraag geen aanvraag is, en geen rechtspraak beslist dat. Onbekend ook zolang de termijn "
                "loopt of een opschorting nog openstaat.",
            .why =
                "De wet geeft de gemeente twee weken om op een aanvraag te beslissen (art. 2.3.5 lid 2) en "
                "verplicht haar te beslissen (art. 2.3.5 lid 1, Awb 4:13). Beslist zij niet op tijd, dan kan de "
                "aanvrager haar in gebreke stellen; twee weken daarna is een dwangsom verschuldigd (Awb 4:17, zie "
                "TRM-06) en staat beroep rechtstreeks open (Awb 6:2 onder b, 6:12). Wat het logboek niet laat zien: "
                "of een opschorting terecht was. Awb 4:15 lid 1 onder a schort de termijn alleen op voor het "
                "aanvullen van de aanvraag binnen een daarvoor gestelde termijn; de toets neemt elke vastgelegde "
                "opschorting voor juist aan, en ziet een opschorting die niet is vastgelegd niet.",
            .example =
                "Aanvraag op maandag 22 april 2024, opgeschort van 24 tot 30 april (5 dagen), beschikking op 14 "
                "mei: overtreden; de termijn liep tot en met maandag 13 mei.",
            .can_be_unknown = true,
            .question = "Is binnen twee weken na de aanvraag op de aanvraag beschikt?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            const auto at = aanvraag_term(f, c, ctx.calendar);
            if (!at) return r;
            const Pos aanvraag = at->aanvraag;
            const auto besluit = at->besluit;
            const DecisionTerm& t = at->term;
            // Only an intrekking exempts: an afsluiting is no decision (Wmo 2.3.5 lid 1, Awb 4:13).
            if (const auto w = withdrawal_before(f, aanvraag, c.end, t.last); w && (!besluit || *besluit > *w))
                return r;
            r.outcome = judge_term(besluit ? std::optional<Date>(f.date(*besluit)) : std::nullopt, t.last,
                                   ctx.peildatum, t.suspension_open);
            // Werkvoorraad: no beschikking yet and the cycle not closed since; an open suspension moves the
            // last day on with every day it lasts.
            if (!besluit && !closed_after(f, aanvraag, c.end)) {
                std::vector<Pos> events{aanvraag};
                events.insert(events.end(), t.events.begin(), t.events.end());
                ctx.term_due(r, t.last_if_resumed(ctx.peildatum, ctx.calendar), std::move(events), ctx.say([&] {
                    return t.suspension_open ? "de beschikking op de aanvraag geven zodra de opschorting eindigt"
                                             : "de beschikking op de aanvraag geven";
                }),
                             ctx.say([&] {
                                 return "Nog geen beschikking; " +
                                        open_term_clause(t, ctx.peildatum, "de aanvraag", ctx.calendar);
                             }));
            }
            if (r.outcome != Outcome::overtreden) return r;
            // A premature aanvraag without a later one: the municipality may hold it was none.
            if (at->premature || (!besluit && closure_with_reason(f, aanvraag, c.end))) {
                r.outcome = Outcome::onbekend;
                return r;
            }
            Finding fi;
            fi.deadline = t.last;
            fi.events = {aanvraag};
            fi.events.insert(fi.events.end(), t.events.begin(), t.events.end());
            const std::string term = ctx.say([&] { return term_clause(t, "de aanvraag", ctx.calendar); });
            if (besluit) {
                fi.date = f.date(*besluit);
                fi.events.push_back(*besluit);
                fi.message =
                    ctx.say([&] { return "Beschikking pas op " + fi.date.dutch_long() + " bekendgemaakt; " + term; });
            } else if (const auto closed = f.first(Activity::afsluiting, aanvraag + 1, c.end)) {
                fi.date = t.last + 1;
                fi.events.push_back(*closed);
                fi.message = ctx.say([&] {
                    return "Geen beschikking op de aanvraag: het dossier is op " + f.date(*closed).dutch_long() +
                           " afgesloten zonder besluit; " + term;
                });
            } else {
                fi.date = t.last + 1;
                fi.message = ctx.say([&] { return "Geen beschikking op de aanvraag; " + term; });
            }
            if (!t.verdagingen.empty()) {
                if (ctx.words)
                    fi.message += "; de mededeling van " + f.date(t.verdagingen.front()).dutch_long() +
                                  " dat de beschikking later komt, verschuift deze wettelijke termijn niet (Awb 4:14)";
                fi.events.push_back(t.verdagingen.front());
            }
            r.findings.push_back(std::move(fi));
            return r;
        });
    }
};

}  // namespace

const Rule& trm_02() {
    static const Trm02 rule;
    return rule;
}

}  // namespace wmotoets::rules
