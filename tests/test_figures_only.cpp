// controleer --alleen-cijfers (issue 31): the figures, lead times and outcomes of a run that formats no
// finding equal those of the full run, in the engine and on the command line.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/input.hpp"
#include "generator/generator.hpp"
#include "helpers.hpp"
#include "reports/writers.hpp"
#include "util/text.hpp"
#include "workflow/beslissers.hpp"
#include "workflow/engine.hpp"
#include "workflow/local_rules.hpp"
#include "xlsx_read.hpp"

using namespace wmotoets;

namespace {

nlohmann::json read_json(const std::filesystem::path& p) { return nlohmann::json::parse(test::read_all(p.string())); }

}  // namespace

TEST(FiguresOnly, TheEngineGivesTheFullRunsOutcomesLeadTimesAndCounts) {
    const EventLog log = test::load(test::generated(8000, 11), nullptr, {}, "alleen-cijfers.csv");
    const std::vector<const Rule*> rules = select_rules({}, {});
    const Date peildatum = log.latest_date();
    const CheckResult full = run_check(log, rules, Calendar{}, peildatum);
    const CheckResult figures =
        run_check(log, rules, Calendar{}, peildatum, {}, Settings{}, nullptr, std::nullopt, Detail::figures);
    ASSERT_GT(full.findings.size(), 5000u);
    EXPECT_FALSE(full.open.empty());
    EXPECT_TRUE(figures.figures_only);
    EXPECT_TRUE(figures.findings.empty());
    EXPECT_TRUE(figures.open.empty());
    EXPECT_EQ(figures.finding_count, full.findings.size());
    EXPECT_EQ(figures.any_overtreding, has_overtreding(full));
    ASSERT_EQ(figures.outcomes.size(), full.outcomes.size());
    EXPECT_EQ(std::mismatch(figures.outcomes.begin(), figures.outcomes.end(), full.outcomes.begin()).first -
                  figures.outcomes.begin(),
              std::ptrdiff_t(full.outcomes.size()))
        << "the first outcome that differs";
    for (std::size_t ph = 0; ph < kPhaseCount; ++ph) {
        EXPECT_EQ(figures.lead_times[ph].completed, full.lead_times[ph].completed);
        EXPECT_EQ(figures.lead_times[ph].running, full.lead_times[ph].running);
        EXPECT_EQ(figures.lead_times[ph].competing(), full.lead_times[ph].competing());
        EXPECT_EQ(figures.lead_times[ph].at, full.lead_times[ph].at);
    }
}

TEST(FiguresOnly, TheCommandGivesTheSameFiguresLeadTimesAndOutcomes) {
    const auto dir = std::filesystem::current_path() / "alleen-cijfers";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string log = (dir / "log.csv").string();
    std::ofstream(log) << test::generated(6000, 5);
    const std::string local = std::string(WMOTOETS_SOURCE_DIR) + "/data/voorbeeld/lokale-regels.toml";
    const std::vector<std::string> common{
        "controleer", log,      "--behoud-onbekend", "--regels", local, "--uitkomsten", "--format",
        "json",       "--stil", "--altijd-nul"};
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = common;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    ASSERT_EQ(test::cli(with({"--uit", (dir / "vol.json").string()})), 0);
    ASSERT_EQ(test::cli(with({"--alleen-cijfers", "--uit", (dir / "cijfers.json").string()})), 0);
    const nlohmann::json full = read_json(dir / "vol.json"), figures = read_json(dir / "cijfers.json");
    ASSERT_GT(full["findings"].size(), 5000u);
    EXPECT_TRUE(figures["findings"].empty());
    EXPECT_EQ(figures["alleen_cijfers"], true);
    EXPECT_EQ(figures["bevindingen_geteld"], full["findings"].size());
    EXPECT_FALSE(full.contains("alleen_cijfers"));
    EXPECT_TRUE(figures["werkvoorraad"].empty());
    bool local_rule = false;
    for (const auto& f : full["figures"]) local_rule = local_rule || f["rule"].get<std::string>().starts_with("LOK");
    EXPECT_TRUE(local_rule) << "the local rules take part";
    for (const char* key : {"figures", "doorlooptijden", "inputs", "peildatum", "cases"}) {
        ASSERT_TRUE(full.contains(key)) << key;
        EXPECT_TRUE(figures[key] == full[key]) << key << " differ";
    }
    // Every outcome; the last day of a running term comes with the werkvoorraad, which a figures-only run
    // does not make.
    const nlohmann::json &a = full["outcomes"], &b = figures["outcomes"];
    ASSERT_EQ(a.size(), b.size());
    std::size_t differing = 0, with_deadline = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        with_deadline += a[i].contains("deadline");
        EXPECT_FALSE(b[i].contains("deadline"));
        for (const char* key : {"case_id", "rule", "outcome"})
            if (a[i][key] != b[i][key] && ++differing <= 3) ADD_FAILURE() << a[i].dump() << " / " << b[i].dump();
    }
    EXPECT_EQ(differing, 0u);
    EXPECT_GT(with_deadline, 0u) << "the full run has running terms";
    // In text, the count is said where the findings would have been.
    const std::string text = (dir / "cijfers.txt").string();
    ASSERT_EQ(test::cli({"controleer", log, "--behoud-onbekend", "--regels", local, "--alleen-cijfers", "--uit", text,
                         "--stil", "--altijd-nul"}),
              0);
    std::ifstream in(text);
    std::string first;
    std::getline(in, first);
    EXPECT_EQ(first, "Alleen cijfers (--alleen-cijfers): " + grouped(full["findings"].size()) +
                         " bevindingen geteld, niet per dossier opgesomd.");
    // Refused where it cannot hold: a stored run feeds the report; CSV holds findings only.
    const std::string messages = (dir / "meldingen.txt").string();
    EXPECT_EQ(test::cli({"controleer", log, "--alleen-cijfers", "--db", (dir / "a.db").string()}, messages), 2);
    EXPECT_FALSE(std::filesystem::exists(dir / "a.db"));
    EXPECT_EQ(test::cli({"controleer", log, "--alleen-cijfers", "--format", "csv"}, messages), 2);
    std::filesystem::remove_all(dir);
}

// Every rule, built in and local, words its findings and werkvoorraad only when words are wanted: a rule
// that builds a message outside RuleContext::say() makes a figures-only run pay for it.
TEST(FiguresOnly, NoRuleWordsAFindingWhenNoWordsAreWanted) {
    const EventLog log = test::load(test::generated(6000, 11), nullptr, {}, "zonder-woorden.csv");
    const LocalRules local = load_local_rules(std::string(WMOTOETS_SOURCE_DIR) + "/data/voorbeeld/lokale-regels.toml");
    const std::vector<const Rule*> rules = rules_with(local);
    const Calendar cal;
    const Settings settings;
    const ReplayIds ids(log);
    const BeslisserIndex beslissers = index_beslissers(log, ids);
    RuleContext wordy{cal, log.latest_date(), settings, &beslissers};
    RuleContext silent = wordy;
    silent.words = false;
    std::map<std::string, std::size_t> worded;  // rule → findings and items with words
    DossierFacts facts;
    for (const Dossier& d : log.dossiers) {
        replay(log, d, cal, ids, facts);
        for (const Rule* rule : rules) {
            const RuleResult with = rule->check(facts, wordy), without = rule->check(facts, silent);
            const std::string id(rule->info().id);
            EXPECT_EQ(with.outcome, without.outcome) << id;
            ASSERT_EQ(with.findings.size(), without.findings.size()) << id;
            ASSERT_EQ(with.open.size(), without.open.size()) << id;
            for (std::size_t i = 0; i < with.findings.size(); ++i) {
                worded[id] += !with.findings[i].message.empty();
                EXPECT_EQ(without.findings[i].message, "") << id;
                EXPECT_EQ(with.findings[i].events, without.findings[i].events) << id;
            }
            for (std::size_t i = 0; i < with.open.size(); ++i) {
                worded[id] += !with.open[i].detail.empty();
                EXPECT_EQ(without.open[i].detail, "") << id;
                EXPECT_EQ(with.open[i].deadline, without.open[i].deadline) << id;
            }
        }
    }
    // The generated log gives most rules something to say (a violation recipe per rule, issue 15).
    EXPECT_GE(worded.size(), rules.size() - 6) << "rules with words in the generated log";
}
