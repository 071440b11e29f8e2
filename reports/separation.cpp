#include "reports/separation.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include "reports/report.hpp"

namespace wmotoets {

SeparationView separation_view(const EventLog& log, const RunRecord& run) {
    SeparationView v;
    // The actor of the event a finding points at (input, line), within the dossier.
    auto actor_at = [&](const Case& c, const std::pair<std::size_t, std::uint32_t>& row) -> std::string {
        for (std::uint32_t i : log.events_of(c))
            if (is_row(log.events[i], row)) return std::string(log.str(log.who(log.events[i]).actor));
        return {};
    };
    std::set<std::string> months;
    std::set<std::tuple<std::string, std::string, std::string>> team_seen, person_seen;  // (who, month, dossier)
    for (const RunRecord::Finding& f : run.findings) {
        if (std::find(std::begin(kSeparationRules), std::end(kSeparationRules), f.rule) == std::end(kSeparationRules)) continue;
        const auto at = log.case_position(f.case_id);
        if (!at || f.date.size() < 7) continue;
        const Case& c = log.cases[*at];
        const std::string month = f.date.substr(0, 7);
        months.insert(month);
        std::string team = dossier_team(log, c);
        if (team.empty()) team = "(geen team)";
        if (team_seen.insert({team, month, f.case_id}).second) ++v.per_team[team][month];
        std::string person = f.events.empty() ? std::string() : actor_at(c, f.events.front());
        if (person.empty()) person = "(onbekend)";
        if (person_seen.insert({person, month, f.case_id}).second) ++v.per_person[person][month];
    }
    v.months.assign(months.begin(), months.end());

    // Who acts as what (event-log.md, "Who acted as what"), per dossier.
    std::map<std::string, SeparationView::Person> persons;
    const StrId role_ondersteuner = log.strings.find("ondersteuner"), role_beslisser = log.strings.find("beslisser");
    for (const Case& c : log.cases) {
        std::set<StrId> supporters, deciders;
        for (std::uint32_t i : log.events_of(c)) {
            const Event& e = log.events[i];
            const Who& w = log.who(e);
            if (w.actor == 0) continue;
            if (e.activity == Activity::ondersteuner_toegewezen || (role_ondersteuner && w.role == role_ondersteuner))
                supporters.insert(w.actor);
            if (e.activity == Activity::besluit || e.activity == Activity::besluit_op_bezwaar ||
                (role_beslisser && w.role == role_beslisser))
                deciders.insert(w.actor);
        }
        for (StrId a : supporters) ++persons[std::string(log.str(a))].as_ondersteuner;
        for (StrId a : deciders) {
            auto& p = persons[std::string(log.str(a))];
            ++p.as_beslisser;
            if (supporters.count(a)) ++p.both;
        }
    }
    for (auto& [id, p] : persons)
        if (p.as_ondersteuner > 0 && p.as_beslisser > 0) {
            p.id = id;
            v.both_roles.push_back(p);
        }
    return v;
}

}  // namespace wmotoets
