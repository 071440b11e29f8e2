// The engine: selecting rules by prefix, findings in a fixed order.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "import/import_file.hpp"
#include "import/toml_files.hpp"
#include "model/error.hpp"
#include "model/store.hpp"
#include "reports/figures.hpp"
#include "reports/writers.hpp"
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
        order.push_back(std::string(c.log.str(c.log.cases[f.case_pos].id)) + " " + std::string(c.result.rules[f.rule]->info().id));
    EXPECT_TRUE(std::is_sorted(order.begin(), order.end())) << ::testing::PrintToString(order);
}
