// The rule framework: every registered rule has its text, its fixture and its registration,
// and every fixture dossier gets exactly the outcome its id names. Plus the findings' details.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "helpers.hpp"
#include "model/error.hpp"
#include "workflow/engine.hpp"

using namespace wmotoets;
namespace fs = std::filesystem;

namespace {

const std::string kFixtures = test::source_dir() + "/tests/fixtures/rules/";

struct Checked {
    EventLog log;
    CheckResult result;
};

Checked check_file(const std::string& path, const std::vector<const Rule*>& rules) {
    Checked c;
    Diagnostics diag;
    ImportOptions options;
    options.keep_unknown = true;
    import_canonical_csv(path, options, c.log, diag);
    EXPECT_TRUE(diag.bad_rows.empty()) << path << ": " << (diag.bad_rows.empty() ? "" : diag.bad_rows[0].where() + " " + diag.bad_rows[0].message);
    c.log.finalize();
    c.result = run_check(c.log, rules, Calendar{}, c.log.latest_date());
    return c;
}

Checked check_csv(const std::string& csv, const char* rule_id) {
    return check_file(test::write_file("regel.csv", csv), {find_rule(rule_id)});
}

std::string expected_outcome(std::string_view case_id) {
    for (const char* o : {"voldaan", "overtreden", "onbekend"})
        if (case_id.rfind(std::string(o) + "-", 0) == 0) return o;
    if (case_id.rfind("nvt-", 0) == 0) return "niet_van_toepassing";
    return "";
}

}  // namespace

TEST(Rulebook, EveryRuleHasItsText) {
    ASSERT_FALSE(all_rules().empty());
    std::set<std::string_view> ids;
    for (const Rule* r : all_rules()) {
        const RuleInfo& i = r->info();
        SCOPED_TRACE(std::string(i.id));
        EXPECT_TRUE(std::regex_match(std::string(i.id), std::regex("(INF|ONA|TOE|TRM|PRO|LOK)-[0-9]{2}")));
        EXPECT_TRUE(ids.insert(i.id).second) << "duplicate id";
        EXPECT_GT(i.title.size(), 10u);
        EXPECT_GT(i.basis.size(), 5u);
        EXPECT_GT(i.what.size(), 40u) << "explain what is checked";
        EXPECT_GT(i.why.size(), 40u) << "explain why it matters";
        EXPECT_GT(i.example.size(), 20u) << "give an example";
    }
}

TEST(Rulebook, RegistryIsInRulebookOrder) {
    const std::vector<std::string> families{"INF", "ONA", "TOE", "TRM", "PRO"};
    std::pair<std::size_t, int> last{0, 0};
    for (const Rule* r : all_rules()) {
        const std::string id(r->info().id);
        const auto fam = std::find(families.begin(), families.end(), id.substr(0, 3));
        ASSERT_NE(fam, families.end()) << id;
        const std::pair<std::size_t, int> key{std::size_t(fam - families.begin()), std::stoi(id.substr(4))};
        EXPECT_LT(last, key) << id << " is out of rulebook order";
        last = key;
    }
}

TEST(Rulebook, EveryRuleFileIsRegistered) {
    // A rule file without a registry entry would silently never run.
    const std::regex id_re("\"((INF|ONA|TOE|TRM|PRO)-[0-9]{2})\",");
    int files = 0;
    for (const auto& entry : fs::directory_iterator(test::source_dir() + "/workflow/rules")) {
        if (entry.path().extension() != ".cpp") continue;
        ++files;
        std::ifstream in(entry.path());
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        std::smatch m;
        ASSERT_TRUE(std::regex_search(text, m, id_re)) << entry.path() << " holds no rule id";
        EXPECT_NE(find_rule(m[1].str()), nullptr) << m[1] << " (" << entry.path().filename() << ") is not registered";
    }
    EXPECT_EQ(std::size_t(files), all_rules().size()) << "one file per rule";
}

TEST(Rulebook, EveryRuleHasAFixtureWithMetViolatedAndNotApplicable) {
    for (const Rule* r : all_rules()) {
        const std::string id(r->info().id);
        SCOPED_TRACE(id);
        const std::string path = kFixtures + id + ".csv";
        ASSERT_TRUE(fs::exists(path)) << "no fixture " << path;
        const Checked c = check_file(path, {r});
        std::set<std::string> seen;
        for (std::size_t i = 0; i < c.log.cases.size(); ++i) {
            const std::string case_id(c.log.str(c.log.cases[i].id));
            const std::string expected = expected_outcome(case_id);
            ASSERT_FALSE(expected.empty()) << "fixture case id must start with its outcome: " << case_id;
            EXPECT_EQ(outcome_name(c.result.outcome(i, 0)), expected) << case_id;
            seen.insert(expected);
            // overtreden-Nx-…: exactly N findings; every other case: one finding per violation, none otherwise.
            std::size_t findings = 0;
            for (const CaseFinding& f : c.result.findings) findings += f.case_pos == i;
            std::smatch m;
            if (std::regex_search(case_id, m, std::regex("^overtreden-([0-9]+)x-")))
                EXPECT_EQ(findings, std::stoul(m[1])) << case_id;
            else if (expected == "overtreden")
                EXPECT_EQ(findings, 1u) << case_id;
            else
                EXPECT_EQ(findings, 0u) << case_id;
        }
        for (const char* o : {"voldaan", "overtreden", "niet_van_toepassing"})
            EXPECT_TRUE(seen.count(o)) << "fixture has no dossier with outcome " << o;
    }
}

TEST(RuleInf01, FindingNamesTheOnderzoekAndTheLateNotice) {
    const Checked c = check_csv(
        "case_id,timestamp,activity\nD,2024-03-04,melding\nD,2024-03-12,gesprek\nD,2024-03-20,informatie_clientondersteuning\n",
        "INF-01");
    ASSERT_EQ(c.result.findings.size(), 1u);
    const CaseFinding& f = c.result.findings[0];
    EXPECT_EQ(f.finding.cycle, 1);
    EXPECT_EQ(f.finding.date.iso(), "2024-03-12");
    EXPECT_FALSE(f.finding.deadline);
    EXPECT_NE(f.finding.message.find("Geen wijzing aan de cliënt vóór het gesprek op 12 maart 2024"), std::string::npos) << f.finding.message;
    EXPECT_NE(f.finding.message.find("pas na het onderzoek, op 20 maart 2024"), std::string::npos) << f.finding.message;
    ASSERT_EQ(f.event_indices.size(), 2u);
    EXPECT_EQ(c.log.events[f.event_indices[0]].line, 3u);
    EXPECT_EQ(c.log.events[f.event_indices[1]].line, 4u);
}

TEST(RuleInf01, SecondCycleFindingCarriesItsCycle) {
    const Checked c = check_csv(
        "case_id,timestamp,activity\n"
        "D,2023-01-02,melding\nD,2023-01-03,informatie_clientondersteuning\nD,2023-01-10,gesprek\nD,2023-01-20,verslag\n"
        "D,2023-01-21,aanvraag\nD,2023-01-30,besluit\nD,2024-01-02,melding\nD,2024-01-10,gesprek\n",
        "INF-01");
    ASSERT_EQ(c.result.findings.size(), 1u);
    EXPECT_EQ(c.result.findings[0].finding.cycle, 2);
}

TEST(RuleOna01, DatedAtTheLaterOfTheTwoRoles) {
    const Checked c = check_csv(
        "case_id,timestamp,activity,actor\nD,2024-05-20,besluit,M17\nD,2024-04-03,ondersteuner_toegewezen,M17\n"
        "D,2024-06-01,ondersteuner_toegewezen,M17\n",
        "ONA-01");
    ASSERT_EQ(c.result.findings.size(), 1u);
    const Finding& f = c.result.findings[0].finding;
    EXPECT_EQ(f.date.iso(), "2024-05-20");  // later of first ondersteuner (04-03) and first beslisser (05-20)
    EXPECT_NE(f.message.find("M17"), std::string::npos);
    EXPECT_NE(f.message.find("3 april 2024"), std::string::npos) << f.message;
}

TEST(RulePro01, FindingNamesEventStateAndReason) {
    const Checked c = check_csv(
        "case_id,timestamp,activity\nD,2024-06-10,melding\nD,2024-06-18,gesprek\nD,2024-06-24,aanvraag\n", "PRO-01");
    ASSERT_EQ(c.result.findings.size(), 1u);
    const CaseFinding& f = c.result.findings[0];
    EXPECT_NE(f.finding.message.find("'aanvraag'"), std::string::npos);
    EXPECT_NE(f.finding.message.find("InOnderzoek"), std::string::npos);
    EXPECT_NE(f.finding.message.find("binnen zes weken na de melding"), std::string::npos);
    EXPECT_EQ(c.log.events[f.event_indices[0]].line, 4u);
}

TEST(Engine, SelectAndIgnoreByPrefix) {
    auto ids = [](const std::vector<const Rule*>& rules) {
        std::vector<std::string> out;
        for (const Rule* r : rules) out.emplace_back(r->info().id);
        return out;
    };
    EXPECT_EQ(ids(select_rules({"INF"}, {})), (std::vector<std::string>{"INF-01", "INF-02"}));
    EXPECT_EQ(ids(select_rules({"INF", "ONA-01"}, {"INF-02"})), (std::vector<std::string>{"INF-01", "ONA-01"}));
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
