#pragma once
// Lead times (docs/spec/doorlooptijden.md): per cycle and phase one observation — afgerond (an observed
// duration), lopend (censored on the peildatum), or a competing end: beëindigd (withdrawn or closed
// first), zonder aanvraag (melding-besluit: no aanvraag 42 days after the verslag), zonder gesprek
// (melding-gesprek: a verslag first) — taken from the replayed dossier. The estimate over them
// (Aalen–Johansen) is in reports/lead_times.hpp.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "model/date.hpp"
#include "model/period.hpp"

namespace wmotoets {

struct DossierFacts;
class EventLog;
class Calendar;

// The phases, in the order of docs/spec/doorlooptijden.md.
enum class Phase : std::uint8_t {
    melding_gesprek,
    melding_verslag,
    aanvraag_besluit,
    melding_besluit,
    bezwaar_beslissing,
    vraag_ondersteuner,
    besluit_levering
};
inline constexpr std::size_t kPhaseCount = 7;

struct PhaseInfo {
    Phase phase;
    std::string_view code;    // "melding-verslag" (JSON, the store)
    std::string_view words;   // for people: "Van melding tot verslag (het onderzoek)"
    std::string_view rule;    // the rule whose figure stands beside it; empty: none
    std::string_view term;    // the term in words: "zes weken", empty: none
    bool local_norm = false;  // its mark on the chart is a local norm (a setting), not a statutory term
};
const std::array<PhaseInfo, kPhaseCount>& phases();
inline const PhaseInfo& phase_info(Phase p) { return phases()[static_cast<std::size_t>(p)]; }

enum class LeadStatus : std::uint8_t { completed, running, ended, zonder_aanvraag, zonder_gesprek };

struct LeadObservation {
    std::uint32_t dossier = 0;  // index into EventLog::cases
    Phase phase = Phase::melding_verslag;
    LeadStatus status = LeadStatus::completed;
    Date start;    // the date of the phase's start event
    int days = 0;  // completed: end − start; running: peildatum − start; a competing end: its date − start
    Date cohort;   // the date of its cycle's opener (workflow/facts.hpp cycle_date): its quarter
};

// The durations of one phase, counted per day (a million dossiers make a few thousand counters):
// at[d] = {afgerond after d days, lopend for d days on the peildatum, a competing end after d days}.
struct LeadTally {
    std::size_t completed = 0, running = 0, ended = 0, zonder_aanvraag = 0, zonder_gesprek = 0;
    std::vector<std::array<std::uint64_t, 3>> at;
    std::size_t competing() const { return ended + zonder_aanvraag + zonder_gesprek; }
    std::size_t started() const { return completed + running + competing(); }
    void add(const LeadObservation& o);
    void merge(const LeadTally& other);
};
using LeadTallies = std::array<LeadTally, kPhaseCount>;  // per phase, in the order of phases()

// The observations of one replayed dossier, appended to `out` in phase order per cycle. A start
// after the peildatum is left out.
void lead_time_observations(const DossierFacts& f, std::uint32_t dossier, Date peildatum,
                            std::vector<LeadObservation>& out);
// Those of every dossier of a log, replayed one by one (for a report made from a stored run; a
// check collects them while it replays anyway).
// Only the cycles opened in `period`, when one is given.
std::vector<LeadObservation> lead_time_observations(const EventLog& log, const Calendar& cal, Date peildatum,
                                                    const std::optional<Period>& period = std::nullopt);

}  // namespace wmotoets
