// ONA-01 — Cliëntondersteuner beslist zelf over de maatwerkvoorziening.
#include <algorithm>

#include "workflow/rule.hpp"

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
            "besluit op de aanvraag: overtreden, één bevinding op 20 mei."};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        RuleResult r;
        if (f.ondersteuners.empty() || f.beslissers.empty()) return r;
        r.outcome = Outcome::voldaan;
        std::vector<StrId> seen;
        for (const RoleAct& o : f.ondersteuners) {
            if (std::find(seen.begin(), seen.end(), o.actor) != seen.end()) continue;
            seen.push_back(o.actor);  // o is this person's first ondersteuner event
            const auto b = std::find_if(f.beslissers.begin(), f.beslissers.end(),
                                        [&](const RoleAct& x) { return x.actor == o.actor; });
            if (b == f.beslissers.end()) continue;
            r.outcome = Outcome::overtreden;
            const Pos later = std::max(o.pos, b->pos);
            Finding fi;
            fi.cycle = f.cycle_of[later] + 1;
            fi.date = f.event(later).date;
            fi.events = {std::min(o.pos, b->pos), later};
            fi.message = "Medewerker " + std::string(f.log->str(o.actor)) + " is in dit dossier zowel cliëntondersteuner (" +
                         std::string(activity_name(f.activity(o.pos))) + " op " + f.event(o.pos).date.dutch_long() +
                         ") als beslisser (" + std::string(activity_name(f.activity(b->pos))) + " op " +
                         f.event(b->pos).date.dutch_long() + ")";
            r.findings.push_back(std::move(fi));
        }
        return r;
    }
};

}  // namespace

const Rule& ona_01() {
    static const Ona01 rule;
    return rule;
}

}  // namespace wmotoets::rules
