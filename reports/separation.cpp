#include "reports/separation.hpp"

#include <set>
#include <unordered_map>

#include "reports/report.hpp"

namespace wmotoets {

SeparationView separation_view(const EventLog& log, const StoredRun& run) {
    SeparationView v;
    std::unordered_map<std::string_view, std::size_t> pos;
    for (std::size_t i = 0; i < log.cases.size(); ++i) pos.emplace(log.str(log.cases[i].id), i);
    std::unordered_map<std::int64_t, std::size_t> file_of;
    for (std::size_t i = 0; i < log.inputs.size(); ++i) file_of[log.inputs[i].store_id] = i;
    // The actor of an event named by (import id, line), within the dossier.
    auto actor_at = [&](const Case& c, std::size_t import_id, std::uint32_t line) -> std::string {
        const auto fi = file_of.find(std::int64_t(import_id));
        if (fi == file_of.end()) return {};
        for (std::uint32_t i : log.events_of(c)) {
            const Event& e = log.events[i];
            if (e.file == fi->second && e.line == line) return std::string(log.str(log.who(e).actor));
        }
        return {};
    };
    std::set<std::string> months;
    std::set<std::tuple<std::string, std::string, std::string>> team_seen, person_seen;  // (who, month, dossier)
    for (const StoredRun::Finding& f : run.findings) {
        if (f.rule != "ONA-01" && f.rule != "ONA-02" && f.rule != "ONA-03") continue;
        const auto it = pos.find(f.case_id);
        if (it == pos.end() || f.date.size() < 7) continue;
        const Case& c = log.cases[it->second];
        const std::string month = f.date.substr(0, 7);
        months.insert(month);
        std::string team = dossier_team(log, c);
        if (team.empty()) team = "(geen team)";
        if (team_seen.insert({team, month, f.case_id}).second) ++v.per_team[team][month];
        std::string person = f.events.empty() ? std::string() : actor_at(c, f.events.front().first, f.events.front().second);
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
