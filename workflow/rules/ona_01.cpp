// ONA-01 — Cliëntondersteuner beslist zelf over de maatwerkvoorziening.
#include "workflow/rule.hpp"
#include "workflow/rules/persons.hpp"

namespace wmotoets::rules {

namespace {

class Ona01 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            "ONA-01",
            "Cliëntondersteuner beslist zelf over de maatwerkvoorziening",
            Severity::overtreding,
            "Wmo 2015 art. 1.1.1 en 2.2.4 lid 2; amendement Kamerstukken II 33 841 (ondersteuner niet "
            "dezelfde persoon als wie beslist)",
            Scope::dossier,
            "Per dossier met minstens één cliëntondersteuner en één beslisser: is één persoon beide? "
            "Ondersteuner is wie 'ondersteuner_toegewezen' registreerde of met rol ondersteuner optrad; "
            "beslisser is wie 'besluit' of 'besluit_op_bezwaar' nam of met rol beslisser optrad. Personen "
            "worden vergeleken zoals ze in het logboek staan (pseudoniemen).",
            "Cliëntondersteuning moet onafhankelijk zijn: de ondersteuner staat naast de cliënt, niet "
            "naast de gemeente. Wie de cliënt ondersteunt mag niet ook beslissen over diens "
            "maatwerkvoorziening (scheiding van functies).",
            "Medewerker M17 wordt op 3 april als cliëntondersteuner toegewezen en neemt op 20 mei zelf het "
            "besluit op de aanvraag: overtreden, één bevinding op 20 mei.",
            false};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        return judge_ondersteuner_also(f, f.beslissers, "beslisser");
    }
};

}  // namespace

const Rule& ona_01() {
    static const Ona01 rule;
    return rule;
}

}  // namespace wmotoets::rules
