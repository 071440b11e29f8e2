// TRM-01 — Onderzoek niet binnen zes weken na de melding afgerond.
#include "workflow/rule.hpp"
#include "workflow/terms.hpp"

namespace wmotoets::rules {

namespace {

class Trm01 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "TRM-01",
            .title = "Onderzoek niet binnen zes weken na de melding afgerond",
            .severity = Severity::overtreding,
            .basis = "Wmo 2015 art. 2.3.2 lid 1 en lid 8; Algemene termijnenwet",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus die met een melding begint: is het verslag uiterlijk op de laatste dag van de termijn "
                "verstrekt? De termijn is zes weken na de datum van de melding, verlengd tot de eerstvolgende "
                "werkdag als die dag in een weekend, op een feestdag of een gelijkgestelde dag valt (Algemene "
                "termijnenwet). Niet van toepassing als de cliënt binnen de termijn en vóór een verslag intrekt "
                "of het dossier wordt gesloten; onbekend zolang de termijn op de peildatum loopt. Een "
                "herbeoordeling heeft deze termijn niet.",
            .why =
                "Art. 2.3.2 lid 1 geeft het college zes weken na de melding voor het onderzoek; lid 8 zegt dat de "
                "cliënt er een schriftelijke weergave van de uitkomsten van krijgt, maar stelt voor dat verslag "
                "geen eigen termijn. Dat het verslag het einde van het onderzoek markeert, is de lezing van deze "
                "toets: het logboek kent geen ander eindpunt, en die lezing is strenger dan lid 8 zelf. Een "
                "afsluiting zonder verslag telt hier als einde (een melding vraagt geen besluit; PRO-09 signaleert "
                "zo'n afsluiting). Is het onderzoek na zes weken niet afgerond, dan mag de cliënt toch een "
                "aanvraag doen (lid 9); een dwangsom hoort niet bij deze termijn. De Algemene termijnenwet geldt "
                "van rechtswege voor deze wettelijke termijn (Atw art. 1): valt de laatste dag in een weekend, op "
                "een feestdag of een gelijkgestelde dag, dan loopt de termijn door tot de eerstvolgende werkdag.",
            .example =
                "Melding op donderdag 28 maart 2024, verslag op 20 mei: overtreden. De termijn liep tot en met "
                "maandag 13 mei (9 mei Hemelvaartsdag, 10 mei gelijkgestelde dag, dan het weekend).",
            .can_be_unknown = true,
            .question = "Is het onderzoek binnen zes weken na de melding afgerond met een verslag?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            if (!f.opened_by_melding(c)) return r;
            const Pos melding = *c.opener;
            const DecisionTerm t = week_term(f.date(melding), 6, ctx.calendar);
            const auto verslag = c.first_verslag;
            if (const auto w = withdrawal_before(f, melding, c.end, t.last, true); w && (!verslag || *verslag > *w))
                return r;
            r.outcome =
                judge_term(verslag ? std::optional<Date>(f.date(*verslag)) : std::nullopt, t.last, ctx.peildatum);
            // Werkvoorraad: no verslag yet, and the cycle not closed since (a closure after the term ends it).
            if (!verslag && !closed_after(f, melding, c.end))
                ctx.term_due(r, t.last, {melding}, "het onderzoek afronden met een verslag", ctx.say([&] {
                    return "Nog geen verslag; " + open_term_clause(t, ctx.peildatum, "de melding", ctx.calendar);
                }));
            if (r.outcome != Outcome::overtreden) return r;
            Finding fi;
            fi.deadline = t.last;
            fi.events = {melding};
            const std::string term = ctx.say([&] { return term_clause(t, "de melding", ctx.calendar); });
            if (verslag) {
                fi.date = f.date(*verslag);
                fi.events.push_back(*verslag);
                fi.message = ctx.say([&] { return "Verslag pas op " + fi.date.dutch_long() + " verstrekt; " + term; });
            } else {
                fi.date = t.last + 1;
                fi.message = ctx.say([&] { return "Geen verslag van het onderzoek; " + term; });
            }
            r.findings.push_back(std::move(fi));
            return r;
        });
    }
};

}  // namespace

const Rule& trm_01() {
    static const Trm01 rule;
    return rule;
}

}  // namespace wmotoets::rules
