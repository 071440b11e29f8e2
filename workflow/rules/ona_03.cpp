// ONA-03 — Cliëntondersteuner en beslisser werken in hetzelfde team.
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Ona03 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            "ONA-03",
            "Cliëntondersteuner en beslisser werken in hetzelfde team",
            Severity::signaal,
            "VNG zelftest, onafhankelijkheid (organisatorische scheiding)",
            Scope::dossier,
            "Per dossier met een cliëntondersteuner en een ándere beslisser van wie allebei het team "
            "bekend is (de kolom team bij een gebeurtenis in die rol): delen ze een team?",
            "Ook als ondersteuner en beslisser verschillende personen zijn, kan de ondersteuning onder "
            "druk staan als ze in hetzelfde team werken, met dezelfde leidinggevende en dezelfde "
            "budgetten. De zelftest vraagt naar die organisatorische scheiding.",
            "Ondersteuner O2 en beslisser B7 staan allebei in 'Wijkteam Noord': overtreden (een signaal, "
            "geen wetsovertreding).",
            false};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        RuleResult r;
        bool pair = false;
        for (const RoleAct& o : f.ondersteuners) {
            if (o.team == 0) continue;
            for (const RoleAct& b : f.beslissers) {
                if (b.team == 0 || b.actor == o.actor) continue;
                pair = true;
                if (b.team != o.team) continue;
                // One finding per (ondersteuner, beslisser) pair, at their first shared-team events.
                bool dup = false;
                for (const Finding& fi : r.findings) dup = dup || (f.actor(fi.events[0]) == o.actor &&
                                                                   f.actor(fi.events[1]) == b.actor);
                if (dup) continue;
                Finding fi;
                const Pos later = std::max(o.pos, b.pos);
                fi.cycle = f.cycle_of[later] + 1;
                fi.date = f.date(later);
                fi.events = {o.pos, b.pos};
                fi.message = "Cliëntondersteuner " + std::string(f.log->str(o.actor)) + " en beslisser " +
                             std::string(f.log->str(b.actor)) + " werken allebei in team '" +
                             std::string(f.log->str(o.team)) + "'";
                r.findings.push_back(std::move(fi));
            }
        }
        if (!pair) return r;
        r.outcome = r.findings.empty() ? Outcome::voldaan : Outcome::overtreden;
        return r;
    }
};

}  // namespace

const Rule& ona_03() {
    static const Ona03 rule;
    return rule;
}

}  // namespace wmotoets::rules
