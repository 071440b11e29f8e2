// Lead times (docs/spec/doorlooptijden.md): the observations per phase taken from replayed dossiers, and the
// Kaplan–Meier estimate against hand-computed cases and against its definition.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "generator/generator.hpp"
#include "helpers.hpp"
#include "model/calendar.hpp"
#include "reports/lead_times.hpp"
#include "workflow/engine.hpp"
#include "workflow/lead_times.hpp"

using namespace wmotoets;

namespace {

LeadTally tally_of(std::initializer_list<std::pair<int, bool>> durations) {  // (days, completed)
    LeadTally t;
    for (const auto& [days, ended] : durations)
        t.add(LeadObservation{0, Phase::melding_verslag, ended ? LeadStatus::completed : LeadStatus::running, Date{},
                              days});
    return t;
}

// The definition, literally: for every distinct afgerond duration tᵢ, nᵢ = the number whose
// duration is ≥ tᵢ, dᵢ = the number afgerond at tᵢ; S(t) = ∏ (1 − dᵢ/nᵢ); quantile = the smallest
// tᵢ with S(tᵢ) ≤ 1 − q.
std::optional<int> naive_quantile(const std::vector<LeadObservation>& obs, double q) {
    std::set<int> times;
    for (const LeadObservation& o : obs)
        if (o.status == LeadStatus::completed) times.insert(o.days);
    double s = 1.0;
    for (const int t : times) {
        double n = 0, d = 0;
        for (const LeadObservation& o : obs) {
            if (o.status == LeadStatus::ended) continue;
            n += o.days >= t;
            d += o.status == LeadStatus::completed && o.days == t;
        }
        s *= 1.0 - d / n;
        if (s <= 1.0 - q + 1e-12) return t;
    }
    return std::nullopt;
}

}  // namespace

TEST(LeadTimes, KaplanMeierWithATieBetweenAFinishedAndARunningDossier) {
    // 2 afgerond, 3 lopend and 3 afgerond on the same day, 5 afgerond, 8 lopend:
    // S(2) = 4/5 = 0.8; at 3 the lopend one is still at risk: n = 4, S(3) = 0.8 · 3/4 = 0.6;
    // S(5) = 0.6 · 1/2 = 0.3. Median 5; S never reaches 0.25: no p75, no p90.
    const LeadEstimate e = kaplan_meier(tally_of({{2, true}, {3, false}, {3, true}, {5, true}, {8, false}}));
    EXPECT_EQ(e.started, 5u);
    EXPECT_EQ(e.completed, 3u);
    EXPECT_EQ(e.running, 2u);
    ASSERT_EQ(e.steps.size(), 3u);
    EXPECT_DOUBLE_EQ(e.steps[0].second, 0.8);
    EXPECT_DOUBLE_EQ(e.steps[1].second, 0.6);
    EXPECT_DOUBLE_EQ(e.steps[2].second, 0.3);
    EXPECT_EQ(e.mediaan, 5);
    EXPECT_EQ(e.p75, std::nullopt);
    EXPECT_EQ(e.p90, std::nullopt);
    EXPECT_EQ(e.longest, 8);
}

TEST(LeadTimes, KaplanMeierAllFinishedIsTheEmpiricalQuantile) {
    // S: 0.75, 0.5 (exactly: the median is reached), 0.25, 0.
    const LeadEstimate e = kaplan_meier(tally_of({{4, true}, {1, true}, {3, true}, {2, true}}));
    EXPECT_EQ(e.mediaan, 2);
    EXPECT_EQ(e.p75, 3);
    EXPECT_EQ(e.p90, 4);
}

TEST(LeadTimes, KaplanMeierAllRunningHasNoQuantile) {
    const LeadEstimate e = kaplan_meier(tally_of({{10, false}, {20, false}, {30, false}}));
    EXPECT_EQ(e.running, 3u);
    EXPECT_TRUE(e.steps.empty());
    EXPECT_EQ(e.mediaan, std::nullopt);
    EXPECT_EQ(e.p75, std::nullopt);
    EXPECT_EQ(e.p90, std::nullopt);
    const LeadEstimate none = kaplan_meier(LeadTally{});
    EXPECT_EQ(none.started, 0u);
    EXPECT_EQ(none.mediaan, std::nullopt);
}

TEST(LeadTimes, ObservationsPerPhaseAndStatus) {
    const EventLog log = test::load(
        "case_id,timestamp,activity\n"
        // A: melding → verslag 20 days, aanvraag → besluit 8, melding → besluit 32; bezwaar → beslissing 50
        "A,2024-03-01,melding\nA,2024-03-21,verslag\nA,2024-03-25,aanvraag\nA,2024-04-02,besluit\n"
        "A,2024-04-20,bezwaar\nA,2024-06-09,besluit_op_bezwaar\n"
        // B: withdrawn during the onderzoek: beëindigd in both melding phases; ondersteuner after 3 days
        "B,2024-05-01,melding\nB,2024-05-02,clientondersteuning_gevraagd\nB,2024-05-05,ondersteuner_toegewezen\n"
        "B,2024-05-10,intrekking\n"
        // C: still running on the peildatum (2024-07-01): 61 days; its verslag comes after the peildatum
        "C,2024-05-01,melding\nC,2024-07-15,verslag\n"
        // D: starts after the peildatum: left out
        "D,2024-08-01,melding\n"
        // E: a second cycle (a new melding after the besluit) counts again
        "E,2024-01-02,melding\nE,2024-01-10,verslag\nE,2024-01-11,aanvraag\nE,2024-01-20,besluit\n"
        "E,2024-06-03,melding\nE,2024-06-13,verslag\n");
    const Date peildatum = *parse_iso_date("2024-07-01");
    const auto obs = lead_time_observations(log, Calendar{}, peildatum);
    std::map<std::string, std::vector<std::string>> got;  // case → "phase:status:days"
    for (const LeadObservation& o : obs) {
        const char* st = o.status == LeadStatus::completed ? "afgerond"
                         : o.status == LeadStatus::running ? "lopend"
                                                           : "beeindigd";
        got[std::string(log.str(log.dossiers[o.dossier].id))].push_back(std::string(phase_info(o.phase).code) + ":" +
                                                                        st + ":" + std::to_string(o.days));
    }
    EXPECT_EQ(got["A"], (std::vector<std::string>{"melding-verslag:afgerond:20", "aanvraag-besluit:afgerond:8",
                                                  "melding-besluit:afgerond:32", "bezwaar-beslissing:afgerond:50"}));
    EXPECT_EQ(got["B"], (std::vector<std::string>{"melding-verslag:beeindigd:0", "melding-besluit:beeindigd:0",
                                                  "vraag-ondersteuner:afgerond:3"}));
    EXPECT_EQ(got["C"], (std::vector<std::string>{"melding-verslag:lopend:61", "melding-besluit:lopend:61"}));
    EXPECT_EQ(got.count("D"), 0u);
    EXPECT_EQ(got["E"], (std::vector<std::string>{"melding-verslag:afgerond:8", "aanvraag-besluit:afgerond:9",
                                                  "melding-besluit:afgerond:18", "melding-verslag:afgerond:10",
                                                  "melding-besluit:lopend:28"}));
}

// On a generated log: the check's tallies equal those of the replayed observations, and every
// quantile equals the definition computed literally.
TEST(LeadTimes, TheCheckAgreesWithTheDefinitionOnAGeneratedLog) {
    GeneratorOptions o;
    o.dossiers = 1500;
    o.seed = 4;
    std::ostringstream csv;
    generate_log(csv, o);
    const EventLog log = test::load(csv.str());
    const Date peildatum = log.latest_date();
    const CheckResult result = run_check(log, all_rules(), Calendar{}, peildatum);
    const auto obs = lead_time_observations(log, Calendar{}, peildatum);
    const LeadTallies replayed = tally(obs);
    for (const PhaseInfo& p : phases()) {
        SCOPED_TRACE(std::string(p.code));
        const std::size_t i = static_cast<std::size_t>(p.phase);
        const LeadEstimate a = kaplan_meier(result.lead_times[i]), b = kaplan_meier(replayed[i]);
        EXPECT_EQ(a.started, b.started);
        EXPECT_EQ(a.completed, b.completed);
        EXPECT_EQ(a.running, b.running);
        EXPECT_EQ(a.ended, b.ended);
        EXPECT_GT(a.started, 0u);
        std::vector<LeadObservation> phase_obs;
        for (const LeadObservation& x : obs)
            if (x.phase == p.phase) phase_obs.push_back(x);
        EXPECT_EQ(a.mediaan, naive_quantile(phase_obs, 0.5));
        EXPECT_EQ(a.p75, naive_quantile(phase_obs, 0.75));
        EXPECT_EQ(a.p90, naive_quantile(phase_obs, 0.9));
    }
}
