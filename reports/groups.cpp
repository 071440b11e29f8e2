#include "reports/groups.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace wmotoets {

std::string dossier_team(const EventLog& log, const Dossier& c) {
    std::vector<std::pair<StrId, std::size_t>> counts;
    for (std::uint32_t i : log.events_of(c)) {
        const StrId team = log.who(log.events[i]).team;
        if (team == 0) continue;
        auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& p) { return p.first == team; });
        if (it == counts.end()) counts.emplace_back(team, 1);
        else ++it->second;
    }
    if (counts.empty()) return {};
    const auto best = std::max_element(counts.begin(), counts.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    return std::string(log.str(best->first));
}

std::map<std::string, std::vector<RuleCounts>> counts_by(const EventLog& log, const RunRecord& run,
                                                         const std::function<std::string(const Dossier&)>& key_of,
                                                         const std::string& unnamed) {
    std::map<std::string, std::vector<RuleCounts>> groups;
    for (std::size_t c = 0; c < run.case_ids.size(); ++c) {
        const auto at = log.dossier_position(run.case_ids[c]);
        std::string key = at ? key_of(log.dossiers[*at]) : std::string();
        if (key.empty()) key = unnamed;
        auto& counts = groups[key];
        counts.resize(run.rules.size());
        tally(run.outcomes_of(c), counts);
    }
    return groups;
}

std::vector<bool> breakdown_rows_shown(const RunRecord& run,
                                       const std::map<std::string, std::vector<RuleCounts>>& groups,
                                       const Disclosure& d) {
    std::vector<bool> shown(run.rules.size(), true);
    for (std::size_t r = 0; r < run.rules.size() && r < run.figures.size(); ++r) {
        const RunRecord::Figure& f = run.figures[r];
        std::vector<RuleCounts> per_group;
        for (const auto& [key, counts] : groups) per_group.push_back(counts[r]);
        shown[r] = d.breakdown_row_shown({f.applicable, f.compliant, f.violations, f.unknown}, per_group);
    }
    return shown;
}

std::string dossier_quarter(const EventLog& log, const Dossier& c) {
    const auto events = log.events_of(c);
    if (events.empty()) return {};
    const Date d = log.events[events.front()].date;
    return fmt::format("{}-K{}", d.year(), (d.month() - 1) / 3 + 1);
}

}  // namespace wmotoets
