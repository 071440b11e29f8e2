// Lead times (docs/spec/doorlooptijden.md): the observations per phase taken from replayed dossiers, and the
// Aalen–Johansen estimate against the spec's test vector, against Kaplan–Meier without competing ends, and
// against an independent exact computation on generated logs.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "generator/generator.hpp"
#include "helpers.hpp"
#include "model/calendar.hpp"
#include "reports/lead_times.hpp"
#include "util/big_uint.hpp"
#include "workflow/engine.hpp"
#include "workflow/lead_times.hpp"

using namespace wmotoets;

namespace {

// 'A' afgerond, 'L' lopend, 'B' a competing end (beëindigd).
LeadTally tally_of(std::initializer_list<std::pair<int, char>> records, int times = 1) {
    LeadTally t;
    for (int k = 0; k < times; ++k)
        for (const auto& [days, kind] : records)
            t.add(LeadObservation{0, Phase::melding_verslag,
                                  kind == 'A'   ? LeadStatus::completed
                                  : kind == 'L' ? LeadStatus::running
                                                : LeadStatus::ended,
                                  Date{}, days, Date{}});
    return t;
}

// The estimate computed independently and exactly: for every step the fractions Fᵢ = Nᵢ/Dᵢ and
// Sᵢ = Pᵢ/Dᵢ in whole numbers (no doubles at all), straight from the observations.
struct ExactCurve {
    std::vector<int> t;
    std::vector<BigUint> n, p, d;  // Fᵢ = n/d, Sᵢ = p/d
};
ExactCurve exact_curve(const std::vector<LeadObservation>& obs) {
    std::map<int, std::array<std::uint64_t, 2>> at;  // duration → (afgerond, competing)
    for (const LeadObservation& o : obs) {
        if (o.status == LeadStatus::completed) ++at[o.days][0];
        else if (o.status != LeadStatus::running) ++at[o.days][1];
    }
    std::vector<int> days;  // every record's duration, for "how many are still at risk"
    for (const LeadObservation& o : obs) days.push_back(o.days);
    std::sort(days.begin(), days.end());
    ExactCurve c;
    BigUint n(0), p(1), d(1);
    for (const auto& [time, de] : at) {
        const auto risk = std::uint64_t(days.end() - std::lower_bound(days.begin(), days.end(), time));
        n = n.times(risk) + p.times(de[0]);
        p = p.times(risk - de[0] - de[1]);
        d = d.times(risk);
        c.t.push_back(time);
        c.n.push_back(n);
        c.p.push_back(p);
        c.d.push_back(d);
    }
    return c;
}
std::optional<int> exact_quantile(const ExactCurve& c, std::uint64_t a, std::uint64_t b) {
    for (std::size_t i = 0; i < c.t.size(); ++i)
        if (c.n[i].times(b) >= c.d[i].times(a)) return c.t[i];
    return std::nullopt;
}

}  // namespace

// The test vector of docs/spec/doorlooptijden.md (from the statistical review): 20 records, each 3 times.
TEST(LeadTimes, TheSpecsTestVector) {
    const auto records = {std::pair{2, 'A'}, {3, 'A'},  {3, 'B'},  {5, 'A'},  {7, 'A'},  {7, 'A'},  {8, 'B'},
                          {10, 'A'},         {12, 'A'}, {14, 'A'}, {15, 'A'}, {16, 'A'}, {20, 'A'}, {20, 'B'},
                          {20, 'L'},         {25, 'L'}, {30, 'A'}, {40, 'B'}, {45, 'A'}, {60, 'L'}};
    const LeadEstimate e = lead_estimate(tally_of(records, 3));
    EXPECT_EQ(e.started, 60u);
    EXPECT_EQ(e.completed, 39u);
    EXPECT_EQ(e.competing(), 12u);
    EXPECT_EQ(e.running, 9u);
    const std::map<int, double> f{{2, 1.0 / 20},   {3, 1.0 / 10},  {5, 3.0 / 20}, {7, 1.0 / 4},   {8, 1.0 / 4},
                                  {10, 3.0 / 10},  {12, 7.0 / 20}, {14, 2.0 / 5}, {15, 9.0 / 20}, {16, 1.0 / 2},
                                  {20, 11.0 / 20}, {30, 5.0 / 8},  {40, 5.0 / 8}, {45, 7.0 / 10}};
    ASSERT_EQ(e.steps.size(), f.size());
    for (const LeadStep& s : e.steps) EXPECT_NEAR(s.f, f.at(s.t), 1e-12) << "t = " << s.t;
    EXPECT_EQ(e.mediaan, 16);  // F is exactly 1/2 there: naive doubles give 0.49999999999999994 and 20
    EXPECT_EQ(e.p75, std::nullopt);
    EXPECT_EQ(e.why_not[1], NoQuantile::nog_niet);  // F_K + S_K = 31/40 ≥ 3/4
    EXPECT_EQ(e.p90, std::nullopt);
    EXPECT_EQ(e.why_not[2], NoQuantile::nooit);
    EXPECT_EQ(e.mediaan_lo, 14);
    EXPECT_EQ(e.mediaan_hi, 45);
    EXPECT_EQ(e.share_completed, 7000);
    EXPECT_EQ(e.share_ended, 2250);
    EXPECT_EQ(e.share_open, 750);
}

// The same records without the competing ends: the Kaplan–Meier of before, and statsmodels'
// SurvfuncRight.quantile_ci(method='cloglog') for the interval.
TEST(LeadTimes, WithoutCompetingEndsItIsKaplanMeier) {
    const auto records = {std::pair{2, 'A'}, {3, 'A'},  {5, 'A'},  {7, 'A'},  {7, 'A'},  {10, 'A'},
                          {12, 'A'},         {14, 'A'}, {15, 'A'}, {16, 'A'}, {20, 'A'}, {20, 'L'},
                          {25, 'L'},         {30, 'A'}, {45, 'A'}, {60, 'L'}};
    const LeadEstimate e = lead_estimate(tally_of(records, 3));
    EXPECT_EQ(e.mediaan, 14);  // exactly 1/2
    EXPECT_EQ(e.p75, 30);
    EXPECT_EQ(e.p90, std::nullopt);
    EXPECT_EQ(e.mediaan_lo, 10);
    EXPECT_EQ(e.mediaan_hi, 20);
    EXPECT_EQ(e.share_ended, 0);
}

TEST(LeadTimes, KaplanMeierWithATieBetweenAFinishedAndARunningDossier) {
    // 2 afgerond, 3 lopend and 3 afgerond on the same day, 5 afgerond, 8 lopend:
    // S(2) = 4/5 = 0.8; at 3 the lopend one is still at risk: n = 4, S(3) = 0.8 · 3/4 = 0.6;
    // S(5) = 0.6 · 1/2 = 0.3. Median 5; F never reaches 0.75: no p75, no p90 (not yet: 8 is open).
    const LeadEstimate e = lead_estimate(tally_of({{2, 'A'}, {3, 'L'}, {3, 'A'}, {5, 'A'}, {8, 'L'}}));
    EXPECT_EQ(e.started, 5u);
    EXPECT_EQ(e.completed, 3u);
    EXPECT_EQ(e.running, 2u);
    ASSERT_EQ(e.steps.size(), 3u);
    EXPECT_DOUBLE_EQ(e.steps[0].f, 1 - 0.8);
    EXPECT_DOUBLE_EQ(e.steps[1].f, 1 - 0.6);
    EXPECT_NEAR(e.steps[2].f, 1 - 0.3, 1e-15);
    EXPECT_EQ(e.mediaan, 5);
    EXPECT_EQ(e.p75, std::nullopt);
    EXPECT_EQ(e.why_not[1], NoQuantile::nog_niet);
    EXPECT_EQ(e.p90, std::nullopt);
    EXPECT_EQ(e.longest, 8);
}

TEST(LeadTimes, KaplanMeierAllFinishedIsTheEmpiricalQuantile) {
    // F: 0.25, 0.5 (exactly: the median is reached), 0.75, 1.
    const LeadEstimate e = lead_estimate(tally_of({{4, 'A'}, {1, 'A'}, {3, 'A'}, {2, 'A'}}));
    EXPECT_EQ(e.mediaan, 2);
    EXPECT_EQ(e.p75, 3);
    EXPECT_EQ(e.p90, 4);
    EXPECT_EQ(e.share_completed, 10000);
    EXPECT_EQ(e.share_open, 0);
}

TEST(LeadTimes, KaplanMeierAllRunningHasNoQuantile) {
    const LeadEstimate e = lead_estimate(tally_of({{10, 'L'}, {20, 'L'}, {30, 'L'}}));
    EXPECT_EQ(e.running, 3u);
    EXPECT_TRUE(e.steps.empty());
    EXPECT_EQ(e.mediaan, std::nullopt);
    EXPECT_EQ(e.why_not[0], NoQuantile::nog_niet);
    EXPECT_EQ(e.p75, std::nullopt);
    EXPECT_EQ(e.p90, std::nullopt);
    EXPECT_EQ(e.share_open, 10000);
    const LeadEstimate none = lead_estimate(LeadTally{});
    EXPECT_EQ(none.started, 0u);
    EXPECT_EQ(none.mediaan, std::nullopt);
    EXPECT_EQ(none.share_completed, 0);
    EXPECT_EQ(none.share_ended, 0);
    EXPECT_EQ(none.share_open, 10000);
}

// Half-up rounding of the shares is decided exactly: 1/8 = 0.125 → 0.1250, and 1/3 → 0.3333,
// 2/3 → 0.6667 (whose doubles are not exact).
TEST(LeadTimes, SharesRoundHalfUpExactly) {
    const LeadEstimate thirds = lead_estimate(tally_of({{1, 'A'}, {1, 'B'}, {1, 'B'}}));
    EXPECT_EQ(thirds.share_completed, 3333);
    EXPECT_EQ(thirds.share_ended, 6667);
    EXPECT_EQ(thirds.share_open, 0);
    // 1 of 20000 afgerond, the rest open: 0.00005 exactly, rounded half up to 0.0001.
    LeadTally t;
    t.add(LeadObservation{0, Phase::melding_verslag, LeadStatus::completed, Date{}, 1, Date{}});
    for (int i = 0; i < 19999; ++i)
        t.add(LeadObservation{0, Phase::melding_verslag, LeadStatus::running, Date{}, 5, Date{}});
    const LeadEstimate e = lead_estimate(t);
    EXPECT_EQ(e.share_completed, 1);
    EXPECT_EQ(e.share_open, 10000);  // 0.99995, rounded on its own
}

TEST(LeadTimes, ObservationsPerPhaseAndStatus) {
    const EventLog log = test::load(
        "case_id,timestamp,activity,uitkomst,tijdelijk\n"
        // A: melding → gesprek 5 days, → verslag 20, aanvraag → besluit 8, melding → besluit 32; bezwaar →
        // beslissing 50; the granted voorziening delivered 10 days after the besluit
        "A,2024-03-01,melding,,\nA,2024-03-06,gesprek,,\nA,2024-03-21,verslag,,\nA,2024-03-25,aanvraag,,\n"
        "A,2024-04-02,besluit,toegekend,\nA,2024-04-12,levering_gestart,,\n"
        "A,2024-04-20,bezwaar,,\nA,2024-06-09,besluit_op_bezwaar,,\n"
        // B: withdrawn during the onderzoek on day 9: a competing end in the melding phases; ondersteuner after 3 days
        "B,2024-05-01,melding,,\nB,2024-05-02,clientondersteuning_gevraagd,,\nB,2024-05-05,ondersteuner_toegewezen,,\n"
        "B,2024-05-10,intrekking,,\n"
        // C: still running on the peildatum (2024-07-01): 61 days; its verslag comes after the peildatum
        "C,2024-05-01,melding,,\nC,2024-07-15,verslag,,\n"
        // D: starts after the peildatum: left out
        "D,2024-08-01,melding,,\n"
        // E: a second cycle (a new melding after the besluit) counts again; a verslag without gesprek
        "E,2024-01-02,melding,,\nE,2024-01-10,verslag,,\nE,2024-01-11,aanvraag,,\nE,2024-01-20,besluit,afgewezen,\n"
        "E,2024-06-03,melding,,\nE,2024-06-13,verslag,,\n"
        // F: a verslag and no aanvraag: 43 days after the verslag the phase ended zonder aanvraag on V + 42;
        // a temporary besluit is no end of aanvraag-besluit or melding-besluit
        "F,2024-01-02,melding,,\nF,2024-01-05,besluit,toegekend,ja\nF,2024-01-09,gesprek,,\nF,2024-01-20,verslag,,\n"
        "F,2024-03-03,afsluiting,,\n");
    const Date peildatum = *parse_iso_date("2024-07-01");
    const auto obs = lead_time_observations(log, Calendar{}, peildatum);
    std::map<std::string, std::vector<std::string>> got;  // case → "phase:status:days"
    for (const LeadObservation& o : obs) {
        const char* st = o.status == LeadStatus::completed         ? "afgerond"
                         : o.status == LeadStatus::running         ? "lopend"
                         : o.status == LeadStatus::zonder_aanvraag ? "zonder_aanvraag"
                         : o.status == LeadStatus::zonder_gesprek  ? "zonder_gesprek"
                                                                   : "beeindigd";
        got[std::string(log.str(log.dossiers[o.dossier].id))].push_back(std::string(phase_info(o.phase).code) + ":" +
                                                                        st + ":" + std::to_string(o.days));
    }
    EXPECT_EQ(got["A"], (std::vector<std::string>{"melding-gesprek:afgerond:5", "melding-verslag:afgerond:20",
                                                  "aanvraag-besluit:afgerond:8", "melding-besluit:afgerond:32",
                                                  "bezwaar-beslissing:afgerond:50", "besluit-levering:afgerond:10"}));
    EXPECT_EQ(got["B"], (std::vector<std::string>{"melding-gesprek:beeindigd:9", "melding-verslag:beeindigd:9",
                                                  "melding-besluit:beeindigd:9", "vraag-ondersteuner:afgerond:3"}));
    EXPECT_EQ(got["C"], (std::vector<std::string>{"melding-gesprek:lopend:61", "melding-verslag:lopend:61",
                                                  "melding-besluit:lopend:61"}));
    EXPECT_EQ(got.count("D"), 0u);
    EXPECT_EQ(got["E"], (std::vector<std::string>{"melding-gesprek:zonder_gesprek:8", "melding-verslag:afgerond:8",
                                                  "aanvraag-besluit:afgerond:9", "melding-besluit:afgerond:18",
                                                  "melding-gesprek:zonder_gesprek:10", "melding-verslag:afgerond:10",
                                                  "melding-besluit:lopend:28"}));
    // F: V = 20 January, V + 42 = 2 March, before the afsluiting of 3 March: zonder aanvraag after 60 days.
    EXPECT_EQ(got["F"], (std::vector<std::string>{"melding-gesprek:afgerond:7", "melding-verslag:afgerond:18",
                                                  "melding-besluit:zonder_aanvraag:60"}));
}

// The acceptance point of doorlooptijden.md: on generated logs the quantiles equal an independent exact
// computation (whole numbers throughout), and the check's tallies equal those of the replayed observations.
TEST(LeadTimes, QuantilesEqualAnExactComputationOnGeneratedLogs) {
    for (const std::uint64_t dossiers : {2000u, 20000u, 200000u}) {
        SCOPED_TRACE(dossiers);
        GeneratorOptions o;
        o.dossiers = dossiers;
        o.seed = 4;
        std::ostringstream csv;
        generate_log(csv, o);
        const EventLog log = test::load(csv.str());
        const Date peildatum = log.latest_date();
        const auto obs = lead_time_observations(log, Calendar{}, peildatum);
        const LeadTallies replayed = tally(obs);
        std::optional<CheckResult> result;
        if (dossiers == 2000u) result = run_check(log, all_rules(), Calendar{}, peildatum);
        for (const PhaseInfo& p : phases()) {
            SCOPED_TRACE(std::string(p.code));
            const std::size_t i = static_cast<std::size_t>(p.phase);
            const LeadEstimate b = lead_estimate(replayed[i]);
            EXPECT_GT(b.started, 0u);
            if (result) {
                const LeadEstimate a = lead_estimate(result->lead_times[i]);
                EXPECT_EQ(a.started, b.started);
                EXPECT_EQ(a.completed, b.completed);
                EXPECT_EQ(a.running, b.running);
                EXPECT_EQ(a.competing(), b.competing());
                EXPECT_EQ(a.mediaan, b.mediaan);
            }
            std::vector<LeadObservation> phase_obs;
            for (const LeadObservation& x : obs)
                if (x.phase == p.phase) phase_obs.push_back(x);
            const ExactCurve c = exact_curve(phase_obs);
            EXPECT_EQ(b.mediaan, exact_quantile(c, 1, 2));
            EXPECT_EQ(b.p75, exact_quantile(c, 3, 4));
            EXPECT_EQ(b.p90, exact_quantile(c, 9, 10));
            if (!c.t.empty()) {  // F_K in ten-thousandths, rounded half up: (2k − 1)·D ≤ 20000·N < (2k + 1)·D
                const BigUint n2 = c.n.back().times(20000);
                const auto k = std::uint64_t(b.share_completed);
                EXPECT_TRUE(c.d.back().times(2 * k + 1) > n2);
                if (k > 0) {
                    EXPECT_TRUE(c.d.back().times(2 * k - 1) <= n2);
                }
            }
        }
    }
}
