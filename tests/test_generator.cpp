// The generator: deterministic per seed, and each kind of violation at the share asked for,
// as measured by the real import and check.
#include <gtest/gtest.h>

#include <sstream>

#include "app/generator.hpp"
#include "helpers.hpp"
#include "reports/figures.hpp"

using namespace wmotoets;

namespace {
std::string generate(GeneratorOptions o) {
    std::ostringstream out;
    generate_log(out, o);
    return out.str();
}
}  // namespace

TEST(Generator, DeterministicPerSeed) {
    GeneratorOptions o;
    o.dossiers = 50;
    o.seed = 9;
    EXPECT_EQ(generate(o), generate(o));
    o.seed = 10;
    const std::string other = generate(o);
    o.seed = 9;
    EXPECT_NE(generate(o), other);
}

TEST(Generator, SharesPerKindComeOutAsAsked) {
    GeneratorOptions o;
    o.dossiers = 4000;
    o.seed = 5;
    o.shares = {{"INF-01", 0.0}, {"INF-02", 0.0}, {"ONA-01", 0.10}, {"PRO-01", 0.0}};
    Diagnostics diag;
    const EventLog log = test::load(generate(o), &diag, {}, "gen.csv");
    EXPECT_TRUE(diag.bad_rows.empty());
    EXPECT_EQ(log.cases.size(), 4000u);
    EXPECT_GT(log.events.size(), 4000u * 9);  // about ten events per dossier
    const CheckResult r = run_check(log, all_rules(), Calendar{}, log.latest_date());
    const auto figures = compute_figures(r);
    for (const Figure& f : figures) {
        const std::string id(f.rule->info().id);
        if (id == "ONA-01") {
            // 10 % of all dossiers; ONA-01 applies to the dossiers with an ondersteuner (~40 %).
            EXPECT_NEAR(double(f.violations) / 4000.0, 0.10, 0.02) << id;
        } else if (o.shares.count(id)) {
            EXPECT_EQ(f.violations, 0u) << id << ": no violation of a kind whose share is 0";
        }
    }
}
