// ONA-03 — Cliëntondersteuner en beslisser werken in hetzelfde team.
#include "workflow/rule.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace wmotoets::rules {

namespace {

class Ona03 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "ONA-03",
            .title = "Cliëntondersteuner en beslisser werken in hetzelfde team",
            .severity = Severity::signaal,
            .basis = "VNG zelftest, onafhankelijkheid (organisatorische scheiding)",
            .scope = Scope::dossier,
            .what =
                "Per dossier met een cliëntondersteuner en een ándere beslisser van wie allebei het team bekend "
                "is (de kolom team bij een gebeurtenis in die rol): delen ze een team?",
            .why =
                "Ook als ondersteuner en beslisser verschillende personen zijn, kan de onafhankelijkheid onder "
                "druk staan als ze in hetzelfde team werken, met dezelfde leidinggevende. De hand-out van de "
                "NOOM-workshop (2015) zegt dat het 'niet per se een probleem' hoeft te zijn als de "
                "cliëntondersteuner deel uitmaakt van het wijkteam, mits hij niet zelf het besluit neemt; de VNG "
                "zelftest vraagt naar die organisatorische scheiding. Daarom een signaal om over in gesprek te "
                "gaan, geen overtreding.",
            .example = "Ondersteuner O2 en beslisser B7 staan allebei in 'Wijkteam Noord': gesignaleerd.",
            .can_be_unknown = false,
            .question = "Werken cliëntondersteuner en beslisser in verschillende teams?",
        };
        return i;
    }

    // Linear in the dossier's role events: per team the first act of every beslisser in it, then
    // per ondersteuner (and team) only those. Findings come out as a pairwise scan over the
    // ondersteuner and beslisser events in order would give them: one per (ondersteuner,
    // beslisser) pair, at the first ondersteuner event and that beslisser's first event in the team.
    RuleResult check(const DossierFacts& f, const RuleContext&) const override {
        RuleResult r;
        if (!has_pair(f)) return r;
        std::unordered_map<StrId, std::vector<const RoleAct*>> first_in_team;  // team → first act per beslisser
        for (const RoleAct& b : f.beslissers) {
            if (b.team == 0) continue;
            auto& acts = first_in_team[b.team];
            if (std::none_of(acts.begin(), acts.end(), [&](const RoleAct* x) { return x->actor == b.actor; }))
                acts.push_back(&b);
        }
        std::unordered_set<std::uint64_t> done_pairs, done_teams;
        auto key = [](StrId a, StrId b) { return std::uint64_t(a) << 32 | b; };
        for (const RoleAct& o : f.ondersteuners) {
            if (o.team == 0 || !done_teams.insert(key(o.actor, o.team)).second) continue;
            const auto it = first_in_team.find(o.team);
            if (it == first_in_team.end()) continue;
            for (const RoleAct* b : it->second) {
                if (b->actor == o.actor || !done_pairs.insert(key(o.actor, b->actor)).second) continue;
                const Pos later = std::max(o.pos, b->pos);
                Finding& fi = r.violated(f.date(later), {o.pos, b->pos},
                                         "Cliëntondersteuner " + std::string(f.log->str(o.actor)) + " en beslisser " +
                                             std::string(f.log->str(b->actor)) + " werken allebei in team '" +
                                             std::string(f.log->str(o.team)) + "'");
                fi.cycle = f.cycle_of[later] + 1;
            }
        }
        if (r.findings.empty()) r.outcome = Outcome::voldaan;
        return r;
    }

private:
    // An ondersteuner and a different beslisser, both with a known team.
    static bool has_pair(const DossierFacts& f) {
        StrId one_o = 0, one_b = 0;
        bool several_o = false, several_b = false;
        for (const RoleAct& o : f.ondersteuners)
            if (o.team != 0) {
                if (one_o != 0 && o.actor != one_o) several_o = true;
                one_o = one_o ? one_o : o.actor;
            }
        for (const RoleAct& b : f.beslissers)
            if (b.team != 0) {
                if (one_b != 0 && b.actor != one_b) several_b = true;
                one_b = one_b ? one_b : b.actor;
            }
        return one_o != 0 && one_b != 0 && (several_o || several_b || one_o != one_b);
    }
};

}  // namespace

const Rule& ona_03() {
    static const Ona03 rule;
    return rule;
}

}  // namespace wmotoets::rules
