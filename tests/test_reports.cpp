// Figures (Wilson interval, honest denominators) and the JSON contract of docs/spec/output.md.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include "reports/rulebook.hpp"

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "helpers.hpp"
#include "reports/writers.hpp"

using namespace wmotoets;

TEST(Figures, WilsonInterval) {
    // docs/spec/output.md's example: 17 violations, 80 compliant → rate 0.1753. Its ci95 [0.1124, 0.2631]
    // is illustrative: the Wilson score interval (Wilson 1927) is [0.11240, 0.26286] (computed
    // independently); the continuity-corrected variant would be [0.1083, 0.2686].
    const auto [lo, hi] = wilson95(17, 97);
    EXPECT_NEAR(lo, 0.11240, 0.00001);
    EXPECT_NEAR(hi, 0.26286, 0.00001);
    const auto [lo0, hi0] = wilson95(0, 59);
    EXPECT_NEAR(lo0, 0.0, 1e-12);
    EXPECT_NEAR(hi0, 0.0611, 0.0001);
    const auto [lo1, hi1] = wilson95(10, 10);
    EXPECT_NEAR(lo1, 0.7225, 0.0001);
    EXPECT_DOUBLE_EQ(hi1, 1.0);
}

TEST(Figures, CountCasesAndKeepUnknownApart) {
    CheckResult r;
    r.rules = {find_rule("INF-01"), find_rule("PRO-01")};
    using O = Outcome;
    r.outcomes = {O::voldaan,  O::overtreden, O::overtreden,          O::overtreden,
                  O::onbekend, O::voldaan,    O::niet_van_toepassing, O::voldaan};
    const auto f = compute_figures(r);
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0].applicable, 3u);
    EXPECT_EQ(f[0].compliant, 1u);
    EXPECT_EQ(f[0].violations, 1u);
    EXPECT_EQ(f[0].unknown, 1u);
    EXPECT_DOUBLE_EQ(*f[0].rate, 0.5);
    EXPECT_EQ(f[1].applicable, 4u);
    EXPECT_EQ(f[1].violations, 2u);
    EXPECT_EQ(f[1].compliant, 2u);
    EXPECT_DOUBLE_EQ(*f[1].rate, 0.5);
    CheckResult none;
    none.rules = {find_rule("INF-01")};
    none.outcomes = {O::onbekend};
    const auto g = compute_figures(none);
    EXPECT_FALSE(g[0].rate);
    EXPECT_FALSE(g[0].ci95);
}

TEST(Json, ContractOfOutputMd) {
    const EventLog log = test::load(
        "case_id,timestamp,activity,actor\nD2,2024-03-01,melding,\nD2,2024-03-10,gesprek,C1\n"
        "D1,2024-03-01,ondersteuner_toegewezen,O1\nD1,2024-03-05,besluit,O1\n",
        nullptr, {}, "contract.csv");
    const CheckResult result = run_check(log, all_rules(), Calendar{}, log.latest_date());
    const auto figures = compute_figures(result);
    std::ostringstream out;
    write_json(out, ReportData{log, result, figures, true});
    const auto doc = nlohmann::json::parse(out.str());
    EXPECT_EQ(doc["schema"], "wmotoets/1");
    EXPECT_EQ(doc["peildatum"], "2024-03-10");
    EXPECT_EQ(doc["cases"], 2);
    ASSERT_EQ(doc["inputs"].size(), 1u);
    EXPECT_EQ(doc["inputs"][0]["rows"], 4);
    EXPECT_EQ(doc["inputs"][0]["used"], 4);
    EXPECT_EQ(doc["inputs"][0]["rejected"], 0);
    EXPECT_EQ(doc["inputs"][0]["sha256"].get<std::string>().size(), 64u);
    const auto& findings = doc["findings"];
    ASSERT_GE(findings.size(), 2u);
    EXPECT_EQ(findings[0]["case_id"], "D1");  // sorted by case id
    for (const auto& f : findings) {
        for (const char* key :
             {"case_id", "rule", "severity", "cycle", "date", "deadline", "message", "basis", "events"})
            EXPECT_TRUE(f.contains(key)) << key;
        EXPECT_TRUE(f["deadline"].is_null());  // no term rules yet
        ASSERT_FALSE(f["events"].empty());
        EXPECT_NE(f["events"][0]["file"].get<std::string>().find("contract.csv"), std::string::npos);
        EXPECT_GT(f["events"][0]["line"].get<int>(), 1);
    }
    ASSERT_EQ(doc["figures"].size(), all_rules().size());
    EXPECT_EQ(doc["figures"][0]["rule"], "INF-01");
    for (const auto& f : doc["figures"]) {
        EXPECT_EQ(f["applicable"].get<int>(),
                  f["compliant"].get<int>() + f["violations"].get<int>() + f["unknown"].get<int>());
        if (f["compliant"].get<int>() + f["violations"].get<int>() == 0) {
            EXPECT_TRUE(f["rate"].is_null());
        }
    }
    ASSERT_TRUE(doc.contains("outcomes"));
    for (const auto& o : doc["outcomes"]) EXPECT_NE(o["outcome"], "niet_van_toepassing");
    EXPECT_TRUE(has_overtreding(result));  // ONA-01 and INF-01 are overtredingen
}

TEST(Json, EmptyRunIsAValidDocument) {
    EventLog log;
    log.finalize();
    CheckResult result = run_check(log, all_rules(), Calendar{}, Date{});
    result.peildatum_known = false;
    const auto figures = compute_figures(result);
    std::ostringstream out;
    write_json(out, ReportData{log, result, figures, false});
    const auto doc = nlohmann::json::parse(out.str());
    EXPECT_TRUE(doc["peildatum"].is_null());
    EXPECT_EQ(doc["cases"], 0);
    EXPECT_TRUE(doc["findings"].empty());
    EXPECT_TRUE(doc["figures"][0]["rate"].is_null());
    std::ostringstream text;
    write_text(text, ReportData{log, result, figures, false});
    EXPECT_NE(text.str().find("0 dossiers"), std::string::npos);
}

TEST(Json, StreamedDocumentEscapesAndRoundTrips) {
    const EventLog log = test::load(
        "case_id,timestamp,activity,actor\n\"D "
        "\"\"1\"\"\\x\",2024-03-01,melding,\nD\"2,2024-03-01,ondersteuner_toegewezen,\"O\t1\"\n"
        "D\"2,2024-03-05,besluit,\"O\t1\"\n\"Dë3\",2024-03-01,melding,\n\"Dë3\",2024-03-10,gesprek,\n",
        nullptr, {}, "esc\"ape.csv");
    const CheckResult result = run_check(log, all_rules(), Calendar{}, log.latest_date());
    const auto figures = compute_figures(result);
    std::ostringstream out;
    write_json(out, ReportData{log, result, figures, true});
    const auto doc = nlohmann::json::parse(out.str());
    std::set<std::string> ids;
    for (const auto& o : doc["outcomes"]) ids.insert(o["case_id"].get<std::string>());
    EXPECT_TRUE(ids.count("D \"1\"\\x"));
    EXPECT_TRUE(ids.count("D\"2"));
    EXPECT_TRUE(ids.count("Dë3"));
    bool tab_actor = false;
    for (const auto& f : doc["findings"])
        tab_actor |= f["message"].get<std::string>().find("O\t1") != std::string::npos;
    EXPECT_TRUE(tab_actor);
    EXPECT_NE(doc["inputs"][0]["path"].get<std::string>().find("esc\"ape.csv"), std::string::npos);
}

// docs/regels.md is generated from the rule files; this fails when someone changes a rule and
// forgets to regenerate it (wmotoets regels --markdown > docs/regels.md).
TEST(Rulebook, DocsAreUpToDate) {
    std::ostringstream generated;
    write_rulebook_markdown(generated, all_rules());
    std::ifstream in(test::source_dir() + "/docs/regels.md", std::ios::binary);
    ASSERT_TRUE(in) << "docs/regels.md missing";
    std::stringstream current;
    current << in.rdbuf();
    EXPECT_TRUE(current.str() == generated.str()) << "docs/regels.md is stale: run  cmake --build build -t regen  (or "
                                                     "build/wmotoets regels --markdown > docs/regels.md)";
}

// Every text in the JSON is escaped (quotes, backslashes, control characters) wherever it falls
// in the sixteen-byte steps of the scanner, and UTF-8 passes through: the parsed document gives
// back exactly the dossier ids of the input.
TEST(Json, EscapesWhateverTheIdsHold) {
    const std::vector<std::string> ids = {
        "A\"quote",
        "back\\slash and a tail of text well beyond sixteen bytes",
        "sixteen bytes ok\"then a quote at byte sixteen",
        "tab\there and a control \x01 character after it, plus a quote at the end\"",
        "Cli\xC3\xABnt-dossier \xE2\x82\xAC 12",
    };
    std::string csv = "case_id,timestamp,activity\n";
    for (const std::string& id : ids) {
        std::string quoted = "\"";
        for (char c : id) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        quoted += '"';
        csv += quoted + ",2024-03-01,melding\n" + quoted + ",2024-03-10,gesprek\n";
    }
    const EventLog log = test::load(csv, nullptr, {}, "escapes.csv");
    const CheckResult result = run_check(log, all_rules(), Calendar{}, log.latest_date());
    const auto figures = compute_figures(result);
    std::ostringstream out;
    write_json(out, ReportData{log, result, figures, true});
    const auto doc = nlohmann::json::parse(out.str());
    std::set<std::string> found, outcomes;
    for (const auto& f : doc["findings"]) found.insert(f["case_id"].get<std::string>());
    for (const auto& o : doc["outcomes"]) outcomes.insert(o["case_id"].get<std::string>());
    const std::set<std::string> expected(ids.begin(), ids.end());
    EXPECT_EQ(found, expected);
    EXPECT_EQ(outcomes, expected);
    EXPECT_NE(out.str().find("\\u0001"), std::string::npos);
    EXPECT_NE(out.str().find("\\t"), std::string::npos);
}
