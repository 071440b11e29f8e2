// ONA-03 — Cliëntondersteuner en beslisser werken in hetzelfde team.
#include "workflow/beslissers.hpp"
#include "workflow/rule.hpp"
#include "workflow/rules/persons.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace wmotoets::rules {

namespace {

// The pairs a finding names (each with its two events: the finding list's 50 at most).
constexpr std::size_t kNamedPairs = 25;

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
                "is (de kolom team bij een gebeurtenis in die rol): delen ze een team? Eén bevinding per dossier en "
                "team, die hoogstens 25 paren bij naam noemt en zegt hoeveel er meer zijn.",
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

    // Linear in the dossier's role events (issue 27: one dossier of 50,000 events gave a finding per
    // pair, 6.9 GB): per team the first act of every beslisser in it and of every ondersteuner, then
    // one finding per team, at its first pair (an ondersteuner's first act in the team, in order,
    // with a beslisser's first act there), naming at most kNamedPairs pairs and how many more.
    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        RuleResult r = judge(f, ctx);
        // Werkvoorraad: before the decision, an ondersteuner in the team whose beslissers usually decide the
        // dossiers of this dossier's team.
        const Cycle* c = undecided_cycle(f);
        const RoleAct* o = current_ondersteuner(f);
        if (!c || !o || o->team == 0 || !ctx.beslissers) return r;
        const BeslisserIndex::Usual u = ctx.beslissers->usual_deciders(consulent_team(f));
        if (u.team != o->team || u.dossiers == 0) return r;
        const std::string_view team = f.log->str(o->team);
        OpenStep& due = r.still_due(
            OpenKind::onafhankelijkheid, {o->pos}, ctx.say([&] {
                return "de beslissing laten nemen door een beslisser buiten team '" + std::string(team) + "'";
            }),
            ctx.say([&] {
                return "Ondersteuner " + std::string(f.log->str(o->actor)) + " werkt in team '" + std::string(team) +
                       "'; de dossiers van team '" + std::string(f.log->str(consulent_team(f))) +
                       "' werden tot nu toe meestal door een beslisser van team '" + std::string(team) + "' beslist (" +
                       std::to_string(u.dossiers) + " van " + std::to_string(u.of) + ")";
            }));
        due.cycle = c->number;
        return r;
    }

private:
    static RuleResult judge(const DossierFacts& f, const RuleContext& ctx) {
        RuleResult r;
        if (!has_pair(f)) return r;
        struct Team {
            std::vector<const RoleAct*> ondersteuners, beslissers;  // first act per person, in order
            std::unordered_set<StrId> seen_o, seen_b;
        };
        std::unordered_map<StrId, Team> teams;
        std::vector<StrId> order;  // teams in the order of their first ondersteuner
        for (const RoleAct& b : f.beslissers)
            if (b.team != 0) {
                Team& t = teams[b.team];
                if (t.seen_b.insert(b.actor).second) t.beslissers.push_back(&b);
            }
        for (const RoleAct& o : f.ondersteuners) {
            if (o.team == 0) continue;
            const auto it = teams.find(o.team);
            if (it == teams.end()) continue;
            Team& t = it->second;
            if (t.ondersteuners.empty()) order.push_back(o.team);
            if (t.seen_o.insert(o.actor).second) t.ondersteuners.push_back(&o);
        }
        for (const StrId team : order) {
            const Team& t = teams.at(team);
            // Pairs of different people: every ondersteuner with every beslisser, less those who are both.
            std::size_t both = 0;
            for (const RoleAct* o : t.ondersteuners) both += t.seen_b.count(o->actor);
            const std::size_t pairs = t.ondersteuners.size() * t.beslissers.size() - both;
            if (pairs == 0) continue;
            std::vector<std::pair<const RoleAct*, const RoleAct*>> named;
            for (const RoleAct* o : t.ondersteuners) {
                for (const RoleAct* b : t.beslissers) {
                    if (b->actor == o->actor) continue;
                    named.emplace_back(o, b);
                    if (named.size() == kNamedPairs) break;
                }
                if (named.size() == kNamedPairs) break;
            }
            // Named copies: a lambda may not capture a structured binding (clang before 16).
            const RoleAct* o = named.front().first;
            const RoleAct* b = named.front().second;
            const Pos later = std::max(o->pos, b->pos);
            std::string message = ctx.say([&] {
                const std::string team_name = std::string(f.log->str(team));
                std::string m;
                if (pairs == 1) {
                    m = "Cliëntondersteuner " + std::string(f.log->str(o->actor)) + " en beslisser " +
                        std::string(f.log->str(b->actor)) + " werken allebei in team '" + team_name + "'";
                } else {
                    m = std::to_string(pairs) + " paren van cliëntondersteuner en beslisser werken allebei in team '" +
                        team_name + "': ";
                    for (std::size_t i = 0; i < named.size(); ++i)
                        m += (i ? ", " : "") + std::string(f.log->str(named[i].first->actor)) + " en " +
                             std::string(f.log->str(named[i].second->actor));
                    if (pairs > named.size()) m += " en " + std::to_string(pairs - named.size()) + " meer";
                }
                return m;
            });
            std::vector<Pos> events;
            for (const auto& [no, nb] : named) {
                events.push_back(no->pos);
                events.push_back(nb->pos);
            }
            std::sort(events.begin(), events.end());
            events.erase(std::unique(events.begin(), events.end()), events.end());
            Finding& fi = r.violated(f.date(later), std::move(events), std::move(message));
            fi.cycle = f.cycle_of[later] + 1;
        }
        if (r.findings.empty()) r.outcome = Outcome::voldaan;
        return r;
    }

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
