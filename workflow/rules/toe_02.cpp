// TOE-02 — Over cliëntondersteuning bij beschikking beslist, alsof het een maatwerkvoorziening betrof.
#include "util/text.hpp"
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Toe02 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "TOE-02",
            .title = "Over cliëntondersteuning bij beschikking beslist, alsof het een maatwerkvoorziening betrof",
            .severity = Severity::aandachtspunt,
            .basis = "Wmo 2015 art. 1.1.1 (algemene voorziening), 2.1.4 lid 5 en 2.2.4 lid 1",
            .scope = Scope::dossier,
            .what =
                "Per dossier met cliëntondersteuning (een toegewezen of gevraagde ondersteuner, of een besluit "
                "over cliëntondersteuning): is er bij beschikking over cliëntondersteuning beslist (een besluit "
                "met voorziening clientondersteuning)? Dat geldt ook voor een afwijzing.",
            .why =
                "Cliëntondersteuning is bedoeld als algemene, vrij toegankelijke voorziening (art. 1.1.1 en 2.2.4 "
                "lid 1; VNG zelftest): zonder aanvraag, onderzoek of beschikking, en zonder bijdrage in de kosten "
                "(art. 2.1.4 lid 5). Geen bepaling verbiedt een beschikking als zodanig; daarom een aandachtspunt. "
                "Maar een beschikking als voorwaarde maakt de drempel hoger en de ondersteuning later beschikbaar, "
                "en een afwijzing bij beschikking suggereert dat de cliënt er geen recht op heeft.",
            .example = "Besluit op 12 april 2024 over cliëntondersteuning (toegekend of afgewezen): niet voldaan.",
            .can_be_unknown = false,
            .question = "Is cliëntondersteuning gegeven als algemene voorziening, zonder beschikking?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        RuleResult r;
        bool applies = false;
        for (Pos p = 0; p < f.size(); ++p) {
            const Activity a = f.activity(p);
            if (a == Activity::ondersteuner_toegewezen || a == Activity::clientondersteuning_gevraagd) applies = true;
            if (a != Activity::besluit || !compacts_to(f.attr(p, "voorziening"), "clientondersteuning")) continue;
            applies = true;
            Finding& fi = r.violated(f.date(p), {p}, ctx.say([&] {
                return "Op " + f.date(p).dutch_long() +
                       " is bij beschikking over cliëntondersteuning beslist, alsof het een maatwerkvoorziening "
                       "betrof in plaats van een algemene voorziening";
            }));
            fi.cycle = f.cycle_of[p] + 1;
        }
        if (applies) r.outcome = r.findings.empty() ? Outcome::voldaan : Outcome::overtreden;
        return r;
    }
};

}  // namespace

const Rule& toe_02() {
    static const Toe02 rule;
    return rule;
}

}  // namespace wmotoets::rules
