// The rule framework: every registered rule has its text, its fixture and its registration,
// and every fixture dossier gets exactly the outcome its id names. Plus the findings' details.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "helpers.hpp"
#include "import/toml_files.hpp"
#include "util/error.hpp"
#include "workflow/engine.hpp"
#include "workflow/local_rules.hpp"
#include "workflow/procedure.hpp"
#include "workflow/terms.hpp"

using namespace wmotoets;
using namespace wmotoets::test;
namespace fs = std::filesystem;

namespace {

const std::string kFixtures = test::source_dir() + "/tests/fixtures/rules/";

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
        EXPECT_TRUE(i.question.size() > 15 && i.question.back() == '?') << "the norm as a question: " << i.question;
        for (std::string_view text : {i.title, i.basis, i.what, i.why, i.example, i.question})
            EXPECT_EQ(text.find("NOG INVULLEN"), std::string_view::npos) << "fill in the rule's texts: " << text;
    }
}

// The rulebook is the table of docs/spec/rules.md, rule for rule: the same IDs, severity, title
// and basis. docs/spec is the copy of 2026-12-06; what its changes of that day ask of the rulebook
// (docs/spec/README.md, issue 26) is listed here until it is built, and a listed difference that no
// longer exists fails too, so the list cannot go stale.
TEST(Rulebook, MatchesTheSpecTable) {
    const std::string spec = test::source_dir() + "/docs/spec/rules.md";
    std::ifstream in(spec);
    ASSERT_TRUE(in) << spec;
    // rule id, field: a difference from the spec that is known and explained (none now).
    const std::set<std::pair<std::string, std::string>> pending{};
    std::set<std::pair<std::string, std::string>> differ;
    const std::regex row(R"(^\| ((INF|ONA|TOE|TRM|PRO)-[0-9]{2}) \| (\w+) \| (.*?) \| (.*?) \| (case|cycle) \|$)");
    std::size_t in_spec = 0, implemented = 0;
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (!std::regex_match(line, m, row)) continue;
        ++in_spec;
        const std::string id = m[1];
        const Rule* r = find_rule(id);
        if (!r) {
            differ.insert({id, "rule"});
            continue;
        }
        ++implemented;
        if (severity_name(r->info().severity) != m[3].str()) differ.insert({id, "severity"});
        if (r->info().title != m[4].str()) differ.insert({id, "title"});
        if (r->info().basis != m[5].str()) differ.insert({id, "basis"});
        if ((r->info().scope == Scope::cyclus) != (m[6] == "cycle")) differ.insert({id, "scope"});
    }
    EXPECT_EQ(in_spec, 34u);
    for (const auto& d : differ)
        EXPECT_TRUE(pending.count(d)) << d.first << ": " << d.second << " differs from docs/spec/rules.md";
    for (const auto& p : pending)
        EXPECT_TRUE(differ.count(p)) << p.first << ": " << p.second
                                     << " now matches the spec; take it off the pending list";
    EXPECT_EQ(implemented, all_rules().size()) << "a rule that is not in the spec";
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
        for (std::size_t i = 0; i < c.log.dossiers.size(); ++i) {
            const std::string case_id(c.log.str(c.log.dossiers[i].id));
            const std::string expected = expected_outcome(case_id);
            ASSERT_FALSE(expected.empty()) << "fixture case id must start with its outcome: " << case_id;
            EXPECT_EQ(case_id.find("NOG-INVULLEN"), std::string::npos) << "fill in the fixture " << path;
            EXPECT_EQ(outcome_name(c.result.outcome(i, 0)), expected) << case_id;
            seen.insert(expected);
            // overtreden-Nx-…: exactly N findings; every other case: one finding per violation, none otherwise.
            std::size_t findings = 0;
            for (const CaseFinding& f : c.result.findings) findings += f.dossier == i;
            std::smatch m;
            if (std::regex_search(case_id, m, std::regex("^overtreden-([0-9]+)x-")))
                EXPECT_EQ(findings, std::stoul(m[1])) << case_id;
            else if (expected == "overtreden") EXPECT_EQ(findings, 1u) << case_id;
            else EXPECT_EQ(findings, 0u) << case_id;
        }
        for (const char* o : {"voldaan", "overtreden", "niet_van_toepassing"})
            EXPECT_TRUE(seen.count(o)) << "fixture has no dossier with outcome " << o;
        // A rule that can give onbekend shows it in its fixture; one that cannot never gives it.
        EXPECT_EQ(seen.count("onbekend") != 0, r->info().can_be_unknown) << "onbekend in the fixture vs can_be_unknown";
    }
}

TEST(RuleInf01, FindingNamesTheOnderzoekAndTheLateNotice) {
    const Checked c = check_csv(
        "case_id,timestamp,activity\nD,2024-03-04,melding\nD,2024-03-12,gesprek\nD,2024-03-20,informatie_"
        "clientondersteuning\n",
        "INF-01");
    ASSERT_EQ(c.result.findings.size(), 1u);
    const CaseFinding& f = c.result.findings[0];
    EXPECT_EQ(f.cycle, 1);
    EXPECT_EQ(f.date.iso(), "2024-03-12");
    EXPECT_FALSE(f.deadline);
    EXPECT_NE(
        f.message.find("De cliënt is niet vóór het gesprek op 12 maart 2024 gewezen op gratis cliëntondersteuning"),
        std::string::npos)
        << f.message;
    // No verslag yet: the notice came during the onderzoek, not after it.
    EXPECT_NE(f.message.find("dat gebeurde pas na het begin van het onderzoek, op 20 maart 2024"), std::string::npos)
        << f.message;
    ASSERT_EQ(f.events.size(), 2u);
    EXPECT_EQ(c.log.events[f.events[0]].line, 3u);
    EXPECT_EQ(c.log.events[f.events[1]].line, 4u);
}

TEST(RuleInf01, SecondCycleFindingCarriesItsCycle) {
    const Checked c = check_csv(
        "case_id,timestamp,activity\n"
        "D,2023-01-02,melding\nD,2023-01-03,informatie_clientondersteuning\nD,2023-01-10,gesprek\nD,2023-01-20,"
        "verslag\n"
        "D,2023-01-21,aanvraag\nD,2023-01-30,besluit\nD,2024-01-02,melding\nD,2024-01-10,gesprek\n",
        "INF-01");
    ASSERT_EQ(c.result.findings.size(), 1u);
    EXPECT_EQ(c.result.findings[0].cycle, 2);
}

TEST(RuleOna01, DatedAtTheLaterOfTheTwoRoles) {
    const Checked c = check_csv(
        "case_id,timestamp,activity,actor\nD,2024-05-20,besluit,M17\nD,2024-04-03,ondersteuner_toegewezen,M17\n"
        "D,2024-06-01,ondersteuner_toegewezen,M17\n",
        "ONA-01");
    ASSERT_EQ(c.result.findings.size(), 1u);
    const CaseFinding& f = c.result.findings[0];
    EXPECT_EQ(f.date.iso(), "2024-05-20");  // later of first ondersteuner (04-03) and first beslisser (05-20)
    EXPECT_NE(f.message.find("M17"), std::string::npos);
    EXPECT_NE(f.message.find("3 april 2024"), std::string::npos) << f.message;
}

// PRO-01 says what is odd in words a consulent understands, never the machine's state names.
TEST(RulePro01, FindingSaysWhatIsOddInWords) {
    const Checked c = check_csv(
        "case_id,timestamp,activity\nD,2024-06-10,melding\nD,2024-06-18,gesprek\nD,2024-06-24,aanvraag\n", "PRO-01");
    ASSERT_EQ(c.result.findings.size(), 1u);
    const CaseFinding& f = c.result.findings[0];
    EXPECT_EQ(f.message,
              "Aanvraag van 24 juni 2024 terwijl het onderzoek nog liep, binnen zes weken na de melding "
              "(art. 2.3.2 lid 9)");
    EXPECT_EQ(c.log.events[f.events[0]].line, 4u);

    const Checked b = check_csv(
        "case_id,timestamp,activity\nD,2024-06-10,melding\nD,2024-06-18,gesprek\n"
        "D,2024-06-21,verslag\nD,2024-07-01,besluit\n",
        "PRO-01");
    ASSERT_EQ(b.result.findings.size(), 1u);
    EXPECT_EQ(b.result.findings[0].message, "Beschikking van 1 juli 2024 zonder voorafgaande aanvraag");

    const Checked v = check_csv(
        "case_id,timestamp,activity\nD,2024-06-10,melding\nD,2024-06-12,intrekking\n"
        "D,2024-06-20,afsluiting\nD,2024-06-21,verslag_reactie\n",
        "PRO-01");
    ASSERT_EQ(v.result.findings.size(), 1u);
    EXPECT_EQ(v.result.findings[0].message, "Reactie op het verslag op 21 juni 2024, nadat het dossier was afgesloten");
}

namespace wmotoets::rules {
std::string_view situation_words(std::string_view state);  // workflow/rules/pro_01.cpp
}

TEST(RulePro01, EveryStateOfTheProcedureHasWords) {
    for (const Region region : kRegions)
        for (const std::string& state : Procedure::state_names(region)) {
            const std::string_view words = rules::situation_words(state);
            EXPECT_NE(words, "op een onverwacht moment") << state << " has no words in pro_01.cpp";
            EXPECT_EQ(words.find(state), std::string_view::npos) << words;
        }
}

namespace {
const CaseFinding& only_finding(const Checked& c) {
    EXPECT_EQ(c.result.findings.size(), 1u);
    return c.result.findings.at(0);
}
bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }
}  // namespace

// The example of the issue: the message says when, until when, and why the term ended there.
TEST(RuleTrm01, MessageExplainsTheTermAndCarriesTheDeadline) {
    const Checked c = check_csv("case_id,timestamp,activity\nD,2024-03-28,melding\nD,2024-05-20,verslag\n", "TRM-01");
    const CaseFinding& f = only_finding(c);
    EXPECT_EQ(f.date.iso(), "2024-05-20");
    ASSERT_TRUE(f.deadline);
    EXPECT_EQ(f.deadline->iso(), "2024-05-13");
    EXPECT_TRUE(contains(f.message,
                         "Verslag pas op 20 mei 2024 verstrekt; de termijn liep tot en met 13 mei 2024 "
                         "(zes weken na de melding van 28 maart 2024, verlengd om Hemelvaartsdag (9 mei 2024), "
                         "10 mei 2024 (gelijkgestelde dag) en het weekend)"))
        << f.message;
    EXPECT_EQ(c.result.findings[0].events.size(), 2u);  // the melding and the verslag
}

TEST(RuleTrm01, MissingVerslagIsDatedTheDayAfterTheTerm) {
    const Checked c = check_csv("case_id,timestamp,activity\nD,2026-03-23,melding\nE,2026-06-01,melding\n", "TRM-01");
    const CaseFinding& f = only_finding(c);
    EXPECT_EQ(f.deadline->iso(), "2026-05-04");  // worked example: 5 May the day after does not matter
    EXPECT_EQ(f.date.iso(), "2026-05-05");
    EXPECT_TRUE(contains(f.message, "Geen verslag van het onderzoek")) << f.message;
}

TEST(RuleTrm01, AnEquatedDayFromTheCalendarChangesTheOutcome) {
    // Without the decree for 10 May 2024 the term would end on Friday 10 May.
    const EventLog log = test::load("case_id,timestamp,activity\nD,2024-03-28,melding\nD,2024-05-13,verslag\n");
    const auto with = run_check(log, {find_rule("TRM-01")}, Calendar{}, log.latest_date());
    const auto without = run_check(log, {find_rule("TRM-01")}, Calendar::without_equated_days(), log.latest_date());
    EXPECT_EQ(with.outcome(0, 0), Outcome::voldaan);
    EXPECT_EQ(without.outcome(0, 0), Outcome::overtreden);
}

TEST(RuleTrm02, SuspensionWorkedExampleAndVerdagingNotice) {
    const Checked c = check_csv(
        "case_id,timestamp,activity\nD,2024-04-22,aanvraag\nD,2024-04-24,opschorting_start\nD,2024-04-30,opschorting_"
        "einde\n"
        "D,2024-05-07,verdaging\nD,2024-05-14,besluit\n",
        "TRM-02");
    const CaseFinding& f = only_finding(c);
    EXPECT_EQ(f.deadline->iso(), "2024-05-13");
    EXPECT_TRUE(contains(
        f.message, "twee weken na de aanvraag van 22 april 2024, plus 5 dagen opschorting, verlengd om het weekend"))
        << f.message;
    EXPECT_TRUE(contains(f.message,
                         "de mededeling van 7 mei 2024 dat de beschikking later komt, verschuift deze wettelijke "
                         "termijn niet (Awb 4:14)"))
        << f.message;
}

TEST(RuleTrm03, DeadlineCountsFromTheEndOfTheBezwaarTermAndVerdaging) {
    const Checked c = check_csv(
        "case_id,timestamp,activity\nD,2025-12-12,besluit\nD,2026-01-05,bezwaar\nD,2026-02-20,verdaging\n"
        "D,2026-04-20,besluit_op_bezwaar\n",
        "TRM-03");
    const CaseFinding& f = only_finding(c);
    EXPECT_EQ(f.deadline->iso(), "2026-04-17");  // 23 Jan + 6 weeks = 6 Mar, verdaagd + 6 weeks
    EXPECT_TRUE(contains(f.message, "zes weken na het einde van de bezwaartermijn van 23 januari 2026, verdaagd"))
        << f.message;
}

TEST(RuleTrm04, PostedObjectionMessage) {
    const Checked c = check_csv(
        "case_id,timestamp,activity,verzonden\nD,2025-12-12,besluit,\nD,2026-01-31,bezwaar,2026-01-22\n", "TRM-04");
    const CaseFinding& f = only_finding(c);
    EXPECT_EQ(f.deadline->iso(), "2026-01-23");
    EXPECT_TRUE(contains(f.message, "wel op tijd verzonden (22 januari 2026)")) << f.message;
}

// Local rules (LOK-): every template on canonical activities and on labels kept from the input.
namespace {
const char* kLocalRules = R"(# lokale regels
[[regel]]
id = "LOK-01"
titel = "Collegiale toets vóór elk besluit"
ernst = "aandachtspunt"
grondslag = "Werkinstructie 3.2"
sjabloon = "voorafgaand"
a = "Collegiale toets"
b = "besluit"

[[regel]]
id = "LOK-02"
titel = "Ontvangstbevestiging binnen vijf dagen"
ernst = "overtreding"
grondslag = "Werkinstructie 2.1"
sjabloon = "gevolgd_door"
a = "melding"
b = "ontvangstbevestiging"
binnen_dagen = 5

[[regel]]
id = "LOK-03"
titel = "Vier ogen bij gesprek en besluit"
ernst = "signaal"
grondslag = "Werkinstructie 4"
sjabloon = "vier_ogen"
a = "gesprek"
b = "besluit"

[[regel]]
id = "LOK-04"
titel = "Elk dossier heeft een melding"
ernst = "overtreding"
grondslag = "Werkinstructie 1"
sjabloon = "verplicht"
a = "melding"

[[regel]]
id = "LOK-05"
titel = "Geen dossier zonder toestemming gedeeld"
ernst = "overtreding"
grondslag = "AVG-protocol"
sjabloon = "verboden"
a = "Dossier gedeeld zonder toestemming"
)";
}  // namespace

TEST(LocalRules, EveryTemplateOnCanonicalAndKeptLabels) {
    const std::string rules_path = test::write_file("lokaal.toml", kLocalRules);
    const LocalRules local(read_local_rules_file(rules_path));
    ASSERT_EQ(local.rules().size(), 5u);
    EXPECT_EQ(local.rules()[1]->info().severity, Severity::overtreding);
    EXPECT_TRUE(local.rules()[1]->info().can_be_unknown);  // gevolgd_door with binnen_dagen
    const Checked c = check_file(
        test::write_file("lokaal.csv",
                         "case_id,timestamp,activity,actor\n"
                         "A,2024-03-01,melding,\nA,2024-03-04,ontvangstbevestiging,\nA,2024-03-10,gesprek,C1\nA,2024-"
                         "03-20,Collegiale toets,C2\n"
                         "A,2024-03-21,besluit,B1\n"
                         "B,2024-03-01,melding,\nB,2024-03-07,ontvangstbevestiging,\nB,2024-03-10,gesprek,C1\nB,2024-"
                         "03-21,besluit,C1\n"
                         "B,2024-03-22,Collegiale toets,C2\nB,2024-03-23,Dossier gedeeld zonder toestemming,\n"
                         "C,2024-03-05,vraagverheldering,\nC,2024-03-10,collegiale toets,\n"
                         "D,2024-06-28,melding,\n"),
        rules_with(local));
    // Dossier order A, B, C, D; rules: the built-in ones, then LOK-01..05.
    const std::size_t builtin = all_rules().size();
    auto out = [&](std::size_t dossier, std::size_t lok) {
        return std::string(outcome_name(c.result.outcome(dossier, builtin + lok)));
    };
    EXPECT_EQ(out(0, 0), "voldaan");
    EXPECT_EQ(out(1, 0), "overtreden");  // the toets came after the besluit
    EXPECT_EQ(out(2, 0), "niet_van_toepassing");
    EXPECT_EQ(out(0, 1), "voldaan");     // 3 days
    EXPECT_EQ(out(1, 1), "overtreden");  // 6 days
    EXPECT_EQ(out(3, 1), "onbekend");    // the five days still run on the peildatum
    EXPECT_EQ(out(0, 2), "voldaan");
    EXPECT_EQ(out(1, 2), "overtreden");  // C1 did both
    EXPECT_EQ(out(2, 2), "niet_van_toepassing");
    EXPECT_EQ(out(2, 3), "overtreden");  // no melding
    EXPECT_EQ(out(0, 3), "voldaan");
    EXPECT_EQ(out(1, 4), "overtreden");
    EXPECT_EQ(out(0, 4), "voldaan");
    // The label match is exact: "collegiale toets" in C is not "Collegiale toets".
    std::size_t c_findings = 0;
    for (const CaseFinding& f : c.result.findings) c_findings += f.dossier == 2 && f.rule >= builtin;
    EXPECT_EQ(c_findings, 1u);
    // Local rules can be selected like built-in ones, and come last.
    const auto selected = select_rules(rules_with(local), {"LOK-02", "TRM-01"}, {});
    ASSERT_EQ(selected.size(), 2u);
    EXPECT_EQ(selected[1]->info().id, "LOK-02");
}

TEST(LocalRules, BrokenFilesAreRefusedWithFileAndLine) {
    const std::string head = "[[regel]]\nid = \"LOK-01\"\ntitel = \"T\"\nernst = \"signaal\"\ngrondslag = \"G\"\n";
    const std::vector<std::pair<std::string, std::string>> cases{
        {head + "sjabloon = \"volgorde\"\na = \"melding\"\n", "bad.toml:6: onbekend sjabloon 'volgorde'"},
        {head + "sjabloon = \"voorafgaand\"\na = \"melding\"\n", "bad.toml:1: [[regel]] mist 'b'"},
        {head + "sjabloon = \"verplicht\"\na = \"melding\"\n" + head + "sjabloon = \"verplicht\"\na = \"besluit\"\n",
         "bad.toml:9: id 'LOK-01' komt twee keer voor"},
        {"[[regel]]\nid = \"INF-09\"\n", "bad.toml:2: id 'INF-09' moet met LOK- beginnen"},
        {head + "sjabloon = \"verplicht\"\na = \"melding\"\nbinnen_dagen = 3\n",
         "bad.toml:8: binnen_dagen hoort alleen bij"},
        {head + "sjabloon = \"verplicht\"\na = \"melding\"\nernstt = \"x\"\n",
         "bad.toml:8: onbekende sleutel 'ernstt'"},
        {"[[regel]\nid = 3\n", "bad.toml:1: geen geldige TOML"},
        {head + "ernst2 = 1\n", "bad.toml:6: onbekende sleutel 'ernst2'"},
    };
    for (const auto& [text, message] : cases) {
        const std::string path = test::write_file("bad.toml", text);
        try {
            read_local_rules_file(path);
            ADD_FAILURE() << "accepted: " << text;
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
        }
    }
}

// A term whose last day falls in a year the list of equated days does not cover says so
// (docs/spec/deadlines.md "Equated days before 2022"): the decrees of 2020 are not in the list.
TEST(RuleTrm01, AYearWithoutEquatedDaysIsSaid) {
    const Checked late =
        check_csv("case_id,timestamp,activity\nD,2020-03-02,melding\nD,2020-05-20,verslag\n", "TRM-01");
    ASSERT_EQ(late.result.findings.size(), 1u);
    EXPECT_NE(late.result.findings[0].message.find("geen gelijkgestelde dagen bekend voor 2020"), std::string::npos)
        << late.result.findings[0].message;
    const Checked covered =
        check_csv("case_id,timestamp,activity\nD,2019-03-04,melding\nD,2019-05-20,verslag\n", "TRM-01");
    ASSERT_EQ(covered.result.findings.size(), 1u);
    EXPECT_EQ(covered.result.findings[0].message.find("geen gelijkgestelde dagen"), std::string::npos);
}

// TRM-06's indicative dwangsom (docs/spec/rules.md): € 23 a day for 14 days, € 35 for the next 14, € 45 after
// that (from 2019; € 20, 30, 40 before), at most 42 days (€ 1.442); the two weeks are extended by the Atw.
TEST(RuleTrm06, FindingStatesTheIndicativeDwangsom) {
    auto message = [](const std::string& aanvraag, const std::string& notice, const std::string& besluit) {
        const Checked c = check_csv("case_id,timestamp,activity\nD," + aanvraag + ",aanvraag\nD," + notice +
                                        ",ingebrekestelling\nD," + besluit + ",besluit\n",
                                    "TRM-06");
        return c.result.findings.empty() ? std::string("(geen bevinding)") : std::string(c.result.findings[0].message);
    };
    // X = Monday 18 March 2024; X + 14 is Tweede Paasdag, so the last day is Tuesday 2 April.
    const auto march = [&](const std::string& besluit) { return message("2024-03-01", "2024-03-18", besluit); };
    EXPECT_EQ(march("2024-04-02"), "(geen bevinding)");
    EXPECT_NE(march("2024-04-03").find("Indicatieve dwangsom: 1 dag, 1 × € 23 = € 23 "), std::string::npos)
        << march("2024-04-03");
    EXPECT_NE(march("2024-04-22").find("Indicatieve dwangsom: 20 dagen, 14 × € 23 + 6 × € 35 = € 532 "),
              std::string::npos)
        << march("2024-04-22");
    EXPECT_NE(march("2024-07-30")
                  .find("42 dagen, 14 × € 23 + 14 × € 35 + 14 × € 45 = € 1.442 (bedragen van 1 januari "
                        "2019 af, naar de datum van de ingebrekestelling) (het maximum)"),
              std::string::npos)
        << march("2024-07-30");
    EXPECT_NE(march("2024-04-22")
                  .find("de termijn liep tot en met 2 april 2024 (twee weken na de ingebrekestelling van "
                        "18 maart 2024, verlengd om Tweede Paasdag (1 april 2024))"),
              std::string::npos)
        << march("2024-04-22");
    // X + 14 on a Saturday: a besluit on the Monday is in time.
    EXPECT_EQ(message("2024-05-13", "2024-06-01", "2024-06-17"), "(geen bevinding)");
    // 2018: € 20 a day.
    EXPECT_NE(message("2018-03-01", "2018-03-19", "2018-04-13").find("10 dagen, 10 × € 20 = € 200 "),
              std::string::npos);
}

// The bundled samples show practice (issue 15 point 4): every rule is met at least once and
// deviates at least once in them.
TEST(Rulebook, TheSamplesShowEveryRuleMetAndDeviating) {
    std::map<std::string, std::pair<int, int>> seen;  // rule → (met, deviating)
    for (const char* f : {"/data/voorbeeld/dossiers.csv", "/data/voorbeeld/dossiers-wijkteam-zuid.csv"}) {
        const Checked c = check_file(test::source_dir() + f, all_rules());
        for (std::size_t i = 0; i < c.log.dossiers.size(); ++i)
            for (std::size_t r = 0; r < all_rules().size(); ++r) {
                auto& [met, deviating] = seen[std::string(all_rules()[r]->info().id)];
                met += c.result.outcome(i, r) == Outcome::voldaan;
                deviating += c.result.outcome(i, r) == Outcome::overtreden;
            }
    }
    for (const Rule* r : all_rules()) {
        const auto& [met, deviating] = seen[std::string(r->info().id)];
        EXPECT_GT(met, 0) << r->info().id << " is nowhere met in the samples";
        EXPECT_GT(deviating, 0) << r->info().id << " nowhere deviates in the samples";
    }
}
