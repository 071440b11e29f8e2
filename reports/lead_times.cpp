#include "reports/lead_times.hpp"

namespace wmotoets {

LeadEstimate kaplan_meier(const LeadTally& t) {
    LeadEstimate e;
    e.completed = t.completed;
    e.running = t.running;
    e.ended = t.ended;
    e.started = t.started();
    std::uint64_t at_risk = t.completed + t.running;
    double s = 1.0;
    // A tiny margin for the rounding of the product, so that S = 0.5 exactly reaches the median.
    auto reached = [&](double q) { return s <= 1.0 - q + 1e-12; };
    for (std::size_t d = 0; d < t.at.size(); ++d) {
        const auto [ended, running] = t.at[d];
        if (ended + running == 0) continue;
        if (ended > 0) {
            s *= 1.0 - double(ended) / double(at_risk);
            e.steps.emplace_back(int(d), s);
            if (!e.mediaan && reached(0.5)) e.mediaan = int(d);
            if (!e.p75 && reached(0.75)) e.p75 = int(d);
            if (!e.p90 && reached(0.90)) e.p90 = int(d);
        }
        at_risk -= ended + running;
        e.longest = int(d);
    }
    return e;
}

std::vector<RunRecord::LeadTime> lead_time_records(const LeadTallies& tallies) {
    std::vector<RunRecord::LeadTime> out;
    for (const PhaseInfo& p : phases()) {
        const LeadEstimate e = kaplan_meier(tallies[static_cast<std::size_t>(p.phase)]);
        out.push_back({std::string(p.code), e.started, e.completed, e.running, e.ended, e.mediaan, e.p75, e.p90});
    }
    return out;
}

LeadTallies tally(std::span<const LeadObservation> observations) {
    LeadTallies out;
    for (const LeadObservation& o : observations) out[static_cast<std::size_t>(o.phase)].add(o);
    return out;
}

std::map<std::string, LeadTallies> tally_by(std::span<const LeadObservation> observations,
                                            const std::function<std::string(const LeadObservation&)>& key_of) {
    std::map<std::string, LeadTallies> out;
    for (const LeadObservation& o : observations) out[key_of(o)][static_cast<std::size_t>(o.phase)].add(o);
    return out;
}

std::vector<LeadPhaseView> lead_time_view(std::span<const LeadObservation> observations,
                                          const std::function<std::string(std::uint32_t dossier)>& team_of) {
    const LeadTallies totals = tally(observations);
    const auto quarters = tally_by(observations, [](const LeadObservation& o) {
        return std::to_string(o.start.year()) + "-K" + std::to_string((o.start.month() - 1) / 3 + 1);
    });
    std::map<std::uint32_t, std::string> teams_of_case;  // a dossier's team, found once
    const auto teams = tally_by(observations, [&](const LeadObservation& o) {
        auto it = teams_of_case.find(o.dossier);
        if (it == teams_of_case.end()) {
            std::string team = team_of(o.dossier);
            it = teams_of_case.emplace(o.dossier, team.empty() ? "(onbekend)" : std::move(team)).first;
        }
        return it->second;
    });
    std::vector<LeadPhaseView> out;
    for (const PhaseInfo& p : phases()) {
        const std::size_t i = static_cast<std::size_t>(p.phase);
        LeadPhaseView v{p.phase, kaplan_meier(totals[i]), {}, {}};
        for (const auto& [name, t] : quarters)
            if (t[i].started() > 0) v.quarters.push_back({name, kaplan_meier(t[i])});
        for (const auto& [name, t] : teams)
            if (t[i].started() > 0) v.teams.push_back({name, kaplan_meier(t[i])});
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace wmotoets
