// The engine: selecting rules by prefix, findings in a fixed order.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "helpers.hpp"
#include "import/import_file.hpp"
#include "import/toml_files.hpp"
#include "reports/figures.hpp"
#include "reports/writers.hpp"
#include "store/store.hpp"
#include "util/error.hpp"
#include "workflow/engine.hpp"
#include "workflow/local_rules.hpp"

using namespace wmotoets;
using namespace wmotoets::test;

TEST(Engine, SelectAndIgnoreByPrefix) {
    auto ids = [](const std::vector<const Rule*>& rules) {
        std::vector<std::string> out;
        for (const Rule* r : rules) out.emplace_back(r->info().id);
        return out;
    };
    // A fixed set of candidates, so that the rulebook may grow.
    std::vector<const Rule*> candidates;
    for (const char* id : {"INF-01", "INF-02", "INF-06", "ONA-01", "ONA-02", "TRM-01", "TRM-02", "PRO-01"})
        candidates.push_back(find_rule(id));
    EXPECT_EQ(ids(select_rules(candidates, {"TRM"}, {})), (std::vector<std::string>{"TRM-01", "TRM-02"}));
    EXPECT_EQ(ids(select_rules(candidates, {"INF-0", "ONA-01"}, {"INF-02"})),
              (std::vector<std::string>{"INF-01", "INF-06", "ONA-01"}));
    EXPECT_EQ(select_rules(candidates, {}, {}).size(), candidates.size());
    EXPECT_EQ(select_rules({}, {}).size(), all_rules().size());
    EXPECT_THROW(select_rules({"XYZ"}, {}), Error);
    EXPECT_THROW(select_rules({}, {"INF-99"}), Error);
}

TEST(Engine, FindingsSortedByCaseRuleDateLine) {
    const Checked c = check_file(test::write_file("sort.csv",
                                                  "case_id,timestamp,activity,actor\n"
                                                  "b,2024-03-30,besluit,O1\nb,2024-03-01,ondersteuner_toegewezen,O1\n"
                                                  "a,2024-03-01,melding,\na,2024-03-10,gesprek,\n"),
                                 all_rules());
    ASSERT_GE(c.result.findings.size(), 3u);
    std::vector<std::string> order;
    for (const CaseFinding& f : c.result.findings)
        order.push_back(std::string(c.log.str(c.log.dossiers[f.dossier].id)) + " " +
                        std::string(c.result.rules[f.rule]->info().id));
    EXPECT_TRUE(std::is_sorted(order.begin(), order.end())) << ::testing::PrintToString(order);
}

// One dossier of 200,000 events with 50 actors goes through all rules in linear time (it took
// minutes when ONA-03 compared every pair of role events with every earlier finding). The test
// only asserts that it finishes and what it finds; bench/RESULTS.md records the time.
TEST(Engine, OneDossierOf200kEventsWithFiftyActors) {
    std::string csv = "case_id,timestamp,activity,actor,role,team\n";
    std::set<std::pair<std::string, std::string>> ondersteuner_in, beslisser_in;  // (actor, team)
    for (int i = 0; i < 200000; ++i) {
        const bool ond = i % 2 == 0;
        // Built stepwise: GCC 12 warns falsely (-Wrestrict) on "lit" + std::string chains here.
        std::string actor = "P", team = "T", day = i < 100000 ? "2024-03-" : "2024-04-";
        actor += std::to_string(i % 50);
        team += std::to_string(i / 2 % 3);
        day += std::to_string(10 + i % 18);
        csv += "GROOT," + day + (ond ? ",ondersteuner_toegewezen," : ",besluit,") + actor +
               (ond ? ",ondersteuner," : ",beslisser,") + team + "\n";
        (ond ? ondersteuner_in : beslisser_in).insert({actor, team});
    }
    // ONA-03's expected findings, counted the plain way: one per team where different people meet.
    std::set<std::pair<std::string, std::string>> pairs;
    std::set<std::string> teams;
    for (const auto& [o, ot] : ondersteuner_in)
        for (const auto& [b, bt] : beslisser_in)
            if (o != b && ot == bt) {
                pairs.insert({o, b});
                teams.insert(ot);
            }
    const EventLog log = load(csv, nullptr, {}, "groot.csv");
    ASSERT_EQ(log.events.size(), 200000u);
    const CheckResult r = run_check(log, all_rules(), Calendar{}, log.latest_date());
    std::size_t ona03 = 0;
    for (const CaseFinding& f : r.findings) ona03 += r.rules[f.rule]->info().id == "ONA-03";
    EXPECT_EQ(ona03, teams.size());
    EXPECT_GT(pairs.size(), 100u);
    EXPECT_EQ(
        r.outcome(0, std::size_t(std::find(r.rules.begin(), r.rules.end(), find_rule("ONA-03")) - r.rules.begin())),
        Outcome::overtreden);
}

// A finding lists at most kMaxFindingEvents events — the first ones and the last — and says how
// many more prove it (400 suspensions before a late decision).
TEST(Engine, AFindingListsAtMostFiftyEventsAndSaysHowManyMore) {
    std::string csv = "case_id,timestamp,activity\nD1,2024-01-01,aanvraag\n";
    for (int i = 0; i < 200; ++i) {
        const std::string d = (*parse_iso_date("2024-01-02") + i / 20).iso();  // 20 a day, all inside the term
        csv += "D1," + d + ",opschorting_start\nD1," + d + ",opschorting_einde\n";
    }
    csv += "D1,2026-06-01,besluit\n";
    const Checked c = check_csv(csv, "TRM-02");
    ASSERT_EQ(c.result.findings.size(), 1u);
    const CaseFinding& f = c.result.findings[0];
    ASSERT_EQ(f.events.size(), kMaxFindingEvents);
    EXPECT_EQ(c.log.events[f.events.front()].line, 2u);
    EXPECT_EQ(c.log.events[f.events.back()].line, 403u);  // the decision
    EXPECT_TRUE(f.message.ends_with(" (en nog 352 gebeurtenissen die hier niet zijn opgesomd)")) << f.message;
}

// One dossier of 200,000 events of every activity in random order (a fixed stream), by 50 actors
// in every role: all rules finish (in about a second; bench/RESULTS.md), no finding lists more than
// kMaxFindingEvents events, and the findings grow with the events, not their square.
TEST(Engine, OneDossierOf200kMixedEventsThroughAllRules) {
    static const char* const kActivities[] = {"vraagverheldering",
                                              "melding",
                                              "herbeoordeling",
                                              "ontvangstbevestiging",
                                              "informatie_clientondersteuning",
                                              "clientondersteuning_gevraagd",
                                              "ondersteuner_toegewezen",
                                              "clientondersteuning_afgezien",
                                              "andere_ondersteuner_verzocht",
                                              "andere_ondersteuner_geweigerd",
                                              "persoonlijk_plan",
                                              "gesprek",
                                              "verslag",
                                              "verslag_reactie",
                                              "aanvraag",
                                              "opschorting_start",
                                              "opschorting_einde",
                                              "verdaging",
                                              "besluit",
                                              "eigen_bijdrage",
                                              "bezwaar",
                                              "hoorzitting",
                                              "besluit_op_bezwaar",
                                              "beroep",
                                              "uitspraak",
                                              "intrekking",
                                              "afsluiting",
                                              "wlz_indicatie"};
    static const char* const kRoles[] = {"ondersteuner", "consulent", "beslisser", "client", "jurist"};
    static const char* const kOutcomes[] = {"toegekend", "afgewezen", "gegrond", "ongegrond"};
    std::uint64_t x = 88172645463325252ull;  // xorshift64: the same dossier every run
    auto draw = [&](std::uint64_t n) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        return x % n;
    };
    std::string csv = "case_id,timestamp,activity,actor,role,team,uitkomst,voorziening\n";
    Date d = *parse_iso_date("2020-01-01");
    for (int i = 0; i < 200000; ++i) {
        if (draw(100) == 0) d = d + 1;
        for (const std::string& part :
             {std::string("M,"), d.iso(), std::string(","), std::string(kActivities[draw(std::size(kActivities))]),
              ",P" + std::to_string(draw(50)) + ",", std::string(kRoles[draw(std::size(kRoles))]),
              ",T" + std::to_string(draw(3)) + ",", std::string(kOutcomes[draw(4)]),
              std::string(draw(2) ? ",hulp\n" : ",clientondersteuning\n")})
            csv += part;
    }
    const EventLog log = load(csv, nullptr, keep(), "gemengd.csv");
    ASSERT_EQ(log.events.size(), 200000u);
    const CheckResult r = run_check(log, all_rules(), Calendar{}, log.latest_date());
    EXPECT_GT(r.findings.size(), 1000u);
    EXPECT_LT(r.findings.size(), 400000u);
    for (const CaseFinding& f : r.findings) ASSERT_LE(f.events.size(), kMaxFindingEvents);
    std::size_t applied = 0;
    for (std::size_t rule = 0; rule < r.rules.size(); ++rule)
        applied += r.outcome(0, rule) != Outcome::niet_van_toepassing;
    EXPECT_GT(applied, r.rules.size() / 2);
}
