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
                "later komt (Awb 4:14) verschuift deze wettelijke termijn niet. Niet van toepassing als de cliënt "
                "binnen de termijn en vóór de beschikking intrekt of het dossier wordt gesloten; onbekend zolang "
                "de termijn loopt of een opschorting nog openstaat.",
            .why =
                "De wet geeft de gemeente twee weken om op een aanvraag te beslissen (art. 2.3.5 lid 2). Beslist "
                "zij niet op tijd, dan kan de aanvrager haar in gebreke stellen; twee weken daarna is een "
                "dwangsom verschuldigd (Awb 4:17, zie TRM-06) en staat beroep rechtstreeks open (Awb 6:2 onder b, "
                "6:12).",
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
            if (const auto w = withdrawal_before(f, aanvraag, c.end, t.last); w && (!besluit || *besluit > *w))
                return r;
            r.outcome = judge_term(besluit ? std::optional<Date>(f.date(*besluit)) : std::nullopt, t.last,
                                   ctx.peildatum, t.suspension_open);
            if (r.outcome != Outcome::overtreden) return r;
            Finding fi;
            fi.deadline = t.last;
            fi.events = {aanvraag};
            fi.events.insert(fi.events.end(), t.events.begin(), t.events.end());
            const std::string term = term_clause(t, "de aanvraag", ctx.calendar);
            if (besluit) {
                fi.date = f.date(*besluit);
                fi.events.push_back(*besluit);
                fi.message = "Beschikking pas op " + fi.date.dutch_long() + " bekendgemaakt; " + term;
            } else {
                fi.date = t.last + 1;
                fi.message = "Geen beschikking op de aanvraag; " + term;
            }
            if (!t.verdagingen.empty()) {
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
