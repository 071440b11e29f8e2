// ONA-01 — Cliëntondersteuner beslist zelf over de maatwerkvoorziening.
#include "workflow/rule.hpp"
#include "workflow/rules/persons.hpp"

namespace wmotoets::rules {

namespace {

class Ona01 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "ONA-01",
            .title = "Cliëntondersteuner beslist zelf over de maatwerkvoorziening",
            .severity = Severity::overtreding,
            .basis =
                "Wmo 2015 art. 1.1.1 en 2.2.4; amendement Kamerstukken II 33 841, nr. 68, met de uitleg van de "
                "staatssecretaris van VWS dat ondersteuner en beslisser niet dezelfde persoon zijn (VNG zelftest)",
            .scope = Scope::dossier,
            .what =
                "Per dossier met minstens één cliëntondersteuner en één beslisser: is één persoon beide? "
                "Ondersteuner is wie als cliëntondersteuner is toegewezen of met de rol ondersteuner optrad; "
                "beslisser is wie een besluit of een beslissing op bezwaar nam of met de rol beslisser optrad. "
                "Personen worden vergeleken zoals ze in het logboek staan (pseudoniemen).",
            .why =
                "Cliëntondersteuning moet onafhankelijk zijn: de ondersteuner staat naast de cliënt, niet naast "
                "de gemeente (art. 1.1.1 en 2.2.4). Bij amendement Kamerstukken II 33 841, nr. 68 over die "
                "onafhankelijkheid lichtte de staatssecretaris van VWS toe dat wie de cliënt ondersteunt niet "
                "dezelfde persoon is als wie over diens maatwerkvoorziening beslist (aangehaald in de VNG "
                "zelftest). Een gedeeld account of een verkeerd geregistreerde medewerker kan het logboek niet "
                "onderscheiden.",
            .example =
                "Medewerker M17 wordt op 3 april als cliëntondersteuner toegewezen en neemt op 20 mei zelf het "
                "besluit op de aanvraag: overtreden, één bevinding op 20 mei.",
            .can_be_unknown = false,
            .question = "Beslist een ander dan de cliëntondersteuner over de maatwerkvoorziening?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext&) const override {
        return judge_ondersteuner_also(f, f.beslissers, "beslisser");
    }
};

}  // namespace

const Rule& ona_01() {
    static const Ona01 rule;
    return rule;
}

}  // namespace wmotoets::rules
