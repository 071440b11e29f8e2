#pragma once
// The lead-time estimate of docs/spec/doorlooptijden.md: Kaplan–Meier over the afgerond and lopend
// durations of one phase (beëindigd ones counted apart), its median, p75 and p90 in days, and
// the steps of its survival curve for a chart.
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "model/run.hpp"
#include "workflow/lead_times.hpp"

namespace wmotoets {

struct LeadEstimate {
    std::size_t started = 0, completed = 0, running = 0, ended = 0;
    std::optional<int> mediaan, p75, p90;
    // S(t) right after each distinct observed duration t (afgerond), ascending in t.
    std::vector<std::pair<int, double>> steps;
    int longest = 0;  // the longest duration, completed or running (the chart's x range)
};

// Kaplan–Meier over the durations of one phase. With distinct afgerond durations t₁ < t₂ < …, dᵢ
// afgerond at tᵢ and nᵢ whose duration is ≥ tᵢ (a lopend one at tᵢ is still at risk):
// S(t) = ∏_{tᵢ ≤ t} (1 − dᵢ/nᵢ); the q-quantile is the smallest tᵢ with S(tᵢ) ≤ 1 − q.
LeadEstimate kaplan_meier(const LeadTally& tally);

// Per phase, in the order of phases(), as the run record keeps them.
std::vector<RunRecord::LeadTime> lead_time_records(const LeadTallies& tallies);

// Tallies of a set of observations per group (quarter of the start, team …), per phase.
std::map<std::string, LeadTallies> tally_by(std::span<const LeadObservation> observations,
                                            const std::function<std::string(const LeadObservation&)>& key_of);
LeadTallies tally(std::span<const LeadObservation> observations);

// The lead times as a report shows them: per phase the total, and the estimate per quarter of the
// start date and per team of the dossier.
struct LeadGroup {
    std::string name;
    LeadEstimate estimate;
};
struct LeadPhaseView {
    Phase phase;
    LeadEstimate total;
    std::vector<LeadGroup> quarters, teams;
};
// A group under this many started dossiers carries a warning (docs/spec/doorlooptijden.md).
inline constexpr std::size_t kLeadGroupWarning = 20;
std::vector<LeadPhaseView> lead_time_view(std::span<const LeadObservation> observations,
                                          const std::function<std::string(std::uint32_t dossier)>& team_of);

}  // namespace wmotoets
