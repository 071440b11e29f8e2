#pragma once
// The lead-time estimate of docs/spec/doorlooptijden.md: the cumulative incidence of afgerond with the
// competing ends (beëindigd, zonder aanvraag, zonder gesprek) as one competing cause (Aalen–Johansen),
// lopend censored; its median, p75 and p90 in days decided exactly, a 95 % interval of the median,
// the shares afgerond / beëindigd / open, and the steps of its curve for a chart.
#include <array>
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

// Why a quantile has no value: the curve may still get there (nog niet: too many still open) or
// cannot any more (nooit: too many ended otherwise).
enum class NoQuantile : std::uint8_t { nog_niet, nooit };

struct LeadStep {
    int t = 0;
    double f = 0, fg = 0;  // F(t) and F(t) + G(t) right after t
};

struct LeadEstimate {
    std::size_t started = 0, completed = 0, running = 0, ended = 0, zonder_aanvraag = 0, zonder_gesprek = 0;
    std::optional<int> mediaan, p75, p90;
    std::array<NoQuantile, 3> why_not{};        // for each of mediaan, p75, p90 without a value
    std::optional<int> mediaan_lo, mediaan_hi;  // the 95 % interval of the median (either end may be missing)
    // The shares afgerond, beëindigd (all competing ends) and open at the end, in ten-thousandths,
    // rounded half up exactly.
    int share_completed = 0, share_ended = 0, share_open = 10000;
    std::vector<LeadStep> steps;  // ascending in t, at each distinct afgerond or competing duration
    int longest = 0;              // the longest duration of any kind (the chart's x range)
    // In a publication: every count and figure of this row kept back, because with another table it
    // would give a suppressed count away (withhold_linked_lead_times).
    bool withheld = false;
    std::size_t competing() const { return ended + zonder_aanvraag + zonder_gesprek; }
};

// The estimate over the durations of one phase (docs/spec/doorlooptijden.md "Estimate"). With t₁ < …
// < t_K the distinct durations of the afgerond and competing records, nᵢ the records of any kind with a
// duration ≥ tᵢ, dᵢ afgerond and cᵢ competing at tᵢ: Sᵢ = Sᵢ₋₁(nᵢ − dᵢ − cᵢ)/nᵢ, Fᵢ = Fᵢ₋₁ + Sᵢ₋₁dᵢ/nᵢ,
// Gᵢ = Gᵢ₋₁ + Sᵢ₋₁cᵢ/nᵢ; the q-quantile is the smallest tᵢ with Fᵢ ≥ q, decided exactly (whole numbers
// where the doubles are too close to tell). Without competing ends F = 1 − S of the Kaplan–Meier.
LeadEstimate lead_estimate(const LeadTally& tally);

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
// Whether a report shows the phase: toekenning → levering only when the input records a delivery
// (docs/spec/doorlooptijden.md); the others always.
bool lead_phase_reported(const EventLog& log, Phase phase);
std::vector<LeadPhaseView> lead_time_view(std::span<const LeadObservation> observations,
                                          const std::function<std::string(std::uint32_t dossier)>& team_of);

}  // namespace wmotoets
