// ONA-01 — Cliëntondersteuner beslist zelf over de maatwerkvoorziening.
#include <algorithm>

#include "workflow/beslissers.hpp"
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

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        RuleResult r = judge_ondersteuner_also(f, ctx, f.beslissers, "beslisser");
        // Werkvoorraad: before the decision, an ondersteuner who decides in other dossiers.
        const Cycle* c = undecided_cycle(f);
        const RoleAct* o = current_ondersteuner(f);
        if (!c || !o || !ctx.beslissers) return r;
        const BeslisserIndex::Person* p = ctx.beslissers->find(o->actor);
        if (!p) return r;
        const bool here = std::any_of(f.beslissers.begin(), f.beslissers.end(),
                                      [&](const RoleAct& b) { return b.actor == o->actor; });
        const std::uint32_t elsewhere = p->dossiers - (here ? 1 : 0);
        if (elsewhere == 0) return r;
        const std::string_view who = f.log->str(o->actor);
        OpenStep& due =
            r.still_due(OpenKind::onafhankelijkheid, {o->pos}, ctx.say([&] {
                return "de beslissing laten nemen door een ander dan " + std::string(who) + " (de ondersteuner)";
            }),
                        ctx.say([&] {
                            std::string named;
                            std::size_t shown = 0;
                            for (const StrId d : p->named)
                                if (d != f.dossier->id) {
                                    named += (shown++ ? ", " : "") + std::string(f.log->str(d));
                                }
                            std::string detail = std::string(who) + " is " + acted_as(f, o->pos) +
                                                 " en nam als beslisser besluiten in " + std::to_string(elsewhere) +
                                                 (elsewhere == 1 ? " ander dossier" : " andere dossiers");
                            if (!named.empty()) detail += " (" + named + (elsewhere > shown ? ", …" : "") + ")";
                            detail += ", van " + p->first.dutch_long() + " tot en met " + p->last.dutch_long();
                            return detail;
                        }));
        due.cycle = c->number;
        return r;
    }
};

}  // namespace

const Rule& ona_01() {
    static const Ona01 rule;
    return rule;
}

}  // namespace wmotoets::rules
