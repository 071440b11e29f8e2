// The generator: deterministic per seed, and each kind of violation at the share asked for,
// as measured by the real import and check.
#include <gtest/gtest.h>

#include <algorithm>

#include <array>
#include <cstdio>
#include <sstream>

#include "generator/generator.hpp"
#include "helpers.hpp"
#include "reports/figures.hpp"
#include "reports/run_record.hpp"
#include "reports/writers.hpp"

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

// A rule the generator cannot violate on purpose fails here, named, with what to edit; the other tests
// leave it out (and the random stream of the existing recipes does not move).
TEST(Generator, EveryRuleHasAViolationRecipe) {
    const std::vector<std::string> missing = rules_without_recipe();
    if (!missing.empty()) {
        std::string list;
        for (const std::string& id : missing) list += (list.empty() ? "" : ", ") + id;
        ADD_FAILURE()
            << "nog geen overtredingsrecept voor " << list
            << ": voeg er een toe in generator/generator_recipes.hpp (Recipe en kRecipes, achteraan) en gebruik het "
               "in generator/generator.cpp";
    }
}

TEST(Generator, SharesPerKindComeOutAsAsked) {
    GeneratorOptions o;
    o.dossiers = 4000;
    o.seed = 5;
    for (auto& [kind, share] : o.shares) share = 0.0;
    o.shares["ONA-01"] = 0.10;
    Diagnostics diag;
    const EventLog log = test::load(generate(o), &diag, {}, "gen.csv");
    EXPECT_TRUE(diag.bad_rows.empty());
    EXPECT_GT(log.dossiers.size(), 3950u);                  // a few dossiers start after the export day
    EXPECT_GT(log.events.size(), log.dossiers.size() * 9);  // about ten events per dossier
    const CheckResult r = run_check(log, all_rules(), Calendar{}, log.latest_date());
    const auto figures = compute_figures(r);
    const std::vector<std::string> missing = rules_without_recipe();
    for (const Figure& f : figures) {
        const std::string id(f.rule->info().id);
        if (std::find(missing.begin(), missing.end(), id) != missing.end()) continue;  // no recipe yet
        if (id == "ONA-01") {
            // 10 % of all dossiers.
            EXPECT_NEAR(double(f.violations) / double(log.dossiers.size()), 0.10, 0.02) << id;
        } else {
            EXPECT_EQ(f.violations, 0u) << id << ": no violation of a kind whose share is 0";
        }
    }
}

// The acceptance point of the rulebook: on 100k generated dossiers (default shares, some with
// the municipality's own labels) every rule has at least one dossier in each outcome it can give.
TEST(Generator, EveryRuleShowsEveryOutcomeOn100kDossiers) {
    GeneratorOptions o;
    o.dossiers = 100000;
    o.seed = 3;
    o.eigen_labels = 0.01;
    const std::string path = test::write_file("gen100k.csv", generate(o));
    EventLog log;
    Diagnostics diag;
    ImportOptions options;
    options.keep_unknown = true;
    import_canonical_csv(path, options, log, diag);
    EXPECT_TRUE(diag.bad_rows.empty());
    log.finalize();
    const CheckResult r = run_check(log, all_rules(), Calendar{}, log.latest_date());
    const std::vector<std::string> missing = rules_without_recipe();
    for (std::size_t rule = 0; rule < r.rules.size(); ++rule) {
        const RuleInfo& info = r.rules[rule]->info();
        if (std::find(missing.begin(), missing.end(), info.id) != missing.end()) continue;  // no recipe yet
        std::array<std::size_t, 4> count{};
        for (std::size_t c = 0; c < log.dossiers.size(); ++c) ++count[std::size_t(r.outcome(c, rule))];
        SCOPED_TRACE(std::string(info.id));
        EXPECT_GT(count[std::size_t(Outcome::niet_van_toepassing)], 0u);
        EXPECT_GT(count[std::size_t(Outcome::voldaan)], 0u);
        EXPECT_GT(count[std::size_t(Outcome::overtreden)], 0u);
        if (info.can_be_unknown) EXPECT_GT(count[std::size_t(Outcome::onbekend)], 0u);
        else EXPECT_EQ(count[std::size_t(Outcome::onbekend)], 0u);
    }
    std::remove(path.c_str());
}

// controleer writes its findings while the check runs (FindingStream, block by block from both
// workers); the output must be byte for byte what writing them afterwards gives, in every
// format, also across many blocks and with a case's findings never split.
TEST(Generator, StreamedOutputIsTheWrittenOutput) {
    GeneratorOptions o;
    o.dossiers = 20000;  // five blocks of 4096 dossiers
    o.seed = 3;
    const EventLog log = test::load(generate(o), nullptr, {}, "stream.csv");
    const Calendar cal;
    const std::vector<const Rule*> rules = all_rules();
    const CheckResult held = run_check(log, rules, cal, log.latest_date());
    ASSERT_GT(held.findings.size(), 5000u);
    const auto figures = compute_figures(held);
    for (const char* name : {"json", "text", "csv"}) {
        const OutputFormat& format = output_format(name);
        std::ostringstream written;
        write_report(written, ReportData{log, held, figures, true}, format);

        std::ostringstream streamed;
        streamed << format.head(log, held.peildatum);
        OrderedOutput ordered(streamed, format);
        std::size_t blocks = 0;
        const std::vector<RuleText> texts = rule_texts(rules);
        const FindingStream stream{
            [&](std::span<const CaseFinding> fs, std::string& text) { format_findings(text, format, log, texts, fs); },
            [&](std::string&& text) {
            ++blocks;
            ordered.write(text);
            }};
        const CheckResult result = run_check(log, rules, cal, log.latest_date(), {}, Settings{}, &stream);
        EXPECT_TRUE(result.findings.empty());
        EXPECT_EQ(result.finding_count, held.findings.size());
        EXPECT_EQ(result.any_overtreding, has_overtreding(held));
        const auto streamed_figures = compute_figures(result);
        streamed << report_tail(ReportData{log, result, streamed_figures, true}, format, ordered.any());
        EXPECT_EQ(blocks, 5u);
        EXPECT_EQ(streamed.str(), written.str()) << name;

        // Row by row through the run interface (as a run from the database is written): the same.
        std::ostringstream rows;
        FormatWriter writer(rows, log, format, texts, true);
        emit_check(log, held, figures, Settings{}, writer);
        EXPECT_EQ(rows.str(), written.str()) << name << " (FormatWriter)";
    }
}
