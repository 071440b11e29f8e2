// The zelftest questions as shipped, and answer files (JSON and TOML) with every refusal's message.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "import/zelftest_files.hpp"
#include "reports/zelftest_report.hpp"
#include "util/error.hpp"
#include "workflow/rule.hpp"

#include <algorithm>
#include <functional>
#include <sstream>

using namespace wmotoets;
using wmotoets::test::write_file;

namespace {
std::string error_of(const std::string& path) {
    try {
        (void)read_zelftest_answers(path, shipped_questions());
    } catch (const Error& e) {
        return std::string(e.what()).substr(path.size());
    }
    return "(geen fout)";
}

const char* kExample =
    R"({"gemeente": "Voorbeeldstad", "perspectief": "wmo-adviesraad", "ingevuld_door": "werkgroep cliëntondersteuning",
 "datum": "2026-01-15",
 "antwoorden": {
   "ZT-BEL-1": {"antwoord": "deels", "toelichting": "alleen in hoofdlijnen", "bron": "Beleidsplan Sociaal Domein 2024, §4.2"},
   "ZT-LEV-1": {"levensgebieden": {"maatschappelijke_ondersteuning": "ja", "preventieve_zorg": "nee", "zorg": "ja",
                "jeugdhulp": "weet_niet", "onderwijs": "nee", "welzijn": "ja", "wonen": "ja", "werk_en_inkomen": "deels"},
                "toelichting": "", "bron": "Verordening 2024"}}})";
}  // namespace

TEST(Zelftest, TheFifteenQuestionsInSevenThemes) {
    const ZelftestQuestions& q = shipped_questions();
    std::vector<std::string> ids;
    for (const auto& x : q.questions) ids.push_back(x.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"ZT-BEL-1", "ZT-BEL-2", "ZT-ONA-1", "ZT-ONA-2", "ZT-ONA-3", "ZT-LEV-1",
                                             "ZT-LEV-2", "ZT-TOE-1", "ZT-TOE-2", "ZT-INF-1", "ZT-INF-2", "ZT-INF-3",
                                             "ZT-KWA-1", "ZT-INS-1", "ZT-INS-2"}));
    ASSERT_EQ(q.themes.size(), 7u);
    for (const auto& x : q.questions) {
        EXPECT_FALSE(x.text.empty()) << x.id;
        const bool theme_known =
            std::any_of(q.themes.begin(), q.themes.end(), [&](const auto& t) { return t.id == x.theme; });
        EXPECT_TRUE(theme_known) << x.id;
        EXPECT_EQ(x.id.substr(3, 3), x.theme) << x.id;
    }
    for (const auto& t : q.themes) {
        EXPECT_FALSE(t.explanation.empty()) << t.id;
        EXPECT_FALSE(t.law.empty()) << t.id;
    }
    ASSERT_EQ(q.find("ZT-LEV-1")->levensgebieden.size(), 8u);
    EXPECT_EQ(q.find("ZT-LEV-1")->levensgebieden[7].second, "werk en inkomen");
    EXPECT_EQ(q.answers, (std::vector<std::string>{"ja", "deels", "nee", "weet_niet"}));
    EXPECT_NE(q.find("ZT-TOE-2")->text.find("gratis"), std::string::npos);
}

// The questions name the rules whose figures test their answers; every one is in the rulebook
// (a renamed or removed rule must not silently drop out of the dialogue).
TEST(Zelftest, QuestionsNameRulesOfTheRulebook) {
    std::size_t named = 0;
    for (const ZelftestQuestion& q : shipped_questions().questions)
        for (const std::string& id : q.rules) {
            ++named;
            EXPECT_NE(find_rule(id), nullptr) << q.id << " names " << id << ", which is not in the rulebook";
        }
    EXPECT_EQ(named, 12u);
    const auto ona2 = std::find_if(shipped_questions().questions.begin(), shipped_questions().questions.end(),
                                   [](const ZelftestQuestion& q) { return q.id == "ZT-ONA-2"; });
    ASSERT_NE(ona2, shipped_questions().questions.end());
    EXPECT_EQ(ona2->rules, (std::vector<std::string>{"ONA-01", "ONA-03"}));
}

TEST(Zelftest, AnswerFilesInJsonAndToml) {
    const ZelftestAnswers a = read_zelftest_answers(write_file("antwoorden.json", kExample), shipped_questions());
    EXPECT_EQ(a.gemeente, "Voorbeeldstad");
    EXPECT_EQ(a.perspectief, "wmo-adviesraad");
    ASSERT_EQ(a.answers.size(), 2u);
    EXPECT_EQ(a.answers.at("ZT-BEL-1").answer, "deels");
    EXPECT_EQ(a.answers.at("ZT-BEL-1").bron, "Beleidsplan Sociaal Domein 2024, §4.2");
    EXPECT_EQ(a.answers.at("ZT-LEV-1").per_area.at("jeugdhulp"), "weet_niet");
    EXPECT_EQ(a.answers.at("ZT-LEV-1").per_area.size(), 8u);
    const ZelftestAnswers t = read_zelftest_answers(write_file("antwoorden.toml", R"(gemeente = "Voorbeeldstad"
perspectief = "wmo-adviesraad"
ingevuld_door = "werkgroep cliëntondersteuning"
datum = 2026-01-15

[antwoorden.ZT-BEL-1]
antwoord = "deels"
toelichting = "alleen in hoofdlijnen"
bron = "Beleidsplan Sociaal Domein 2024, §4.2"

[antwoorden.ZT-LEV-1]
levensgebieden = { maatschappelijke_ondersteuning = "ja", preventieve_zorg = "nee", zorg = "ja", jeugdhulp = "weet_niet", onderwijs = "nee", welzijn = "ja", wonen = "ja", werk_en_inkomen = "deels" }
bron = "Verordening 2024"
)"),
                                                    shipped_questions());
    EXPECT_EQ(t.datum, "2026-01-15");
    EXPECT_EQ(t.answers.at("ZT-BEL-1").answer, a.answers.at("ZT-BEL-1").answer);
    EXPECT_EQ(t.answers.at("ZT-LEV-1").per_area, a.answers.at("ZT-LEV-1").per_area);
}

TEST(Zelftest, RefusalsNameTheFileAndThePlace) {
    EXPECT_EQ(error_of(write_file(
                  "a1.json",
                  R"({"gemeente": "X", "perspectief": "gemeente", "antwoorden": {"ZT-XYZ-9": {"antwoord": "ja"}}})")),
              ": antwoorden.ZT-XYZ-9: onbekende vraag 'ZT-XYZ-9' (mogelijk: ZT-BEL-1, ZT-BEL-2, ZT-ONA-1, ZT-ONA-2, "
              "ZT-ONA-3, ZT-LEV-1, ZT-LEV-2, ZT-TOE-1, ZT-TOE-2, ZT-INF-1, ZT-INF-2, ZT-INF-3, ZT-KWA-1, ZT-INS-1, "
              "ZT-INS-2)");
    EXPECT_EQ(
        error_of(write_file(
            "a2.json",
            R"({"gemeente": "X", "perspectief": "gemeente", "antwoorden": {"ZT-TOE-2": {"antwoord": "misschien"}}})")),
        ": antwoorden.ZT-TOE-2.antwoord: 'misschien' is geen geldig antwoord (mogelijk: ja, deels, nee, weet_niet)");
    EXPECT_EQ(
        error_of(write_file(
            "a3.json", R"({"gemeente": "X", "perspectief": "gemeente", "antwoorden": {"ZT-TOE-2": {"antwoord": 1}}})")),
        ": antwoorden.ZT-TOE-2.antwoord: moet een antwoord zijn: ja, deels, nee of weet_niet");
    EXPECT_EQ(
        error_of(write_file(
            "a4.json",
            R"({"gemeente": "X", "perspectief": "gemeente", "antwoorden": {"ZT-TOE-2": {"antwoord": "ja", "bron": 3}}})")),
        ": antwoorden.ZT-TOE-2.bron: moet tekst zijn (tussen aanhalingstekens)");
    EXPECT_EQ(error_of(write_file("a5.json",
                                  "{\"gemeente\": \"X\",\n \"perspectief\": \"gemeente\",\n \"antwoorden\": {\n}\n,}")),
              ":5: geen geldige JSON (syntaxfout in de naam van een veld - onverwacht '}'; verwacht: tekst tussen "
              "aanhalingstekens)");
    EXPECT_EQ(error_of(write_file("a6.json", R"({"perspectief": "gemeente"})")), ": 'gemeente' ontbreekt");
    EXPECT_EQ(
        error_of(write_file(
            "a7.json",
            R"({"gemeente": "X", "perspectief": "gemeente", "antwoorden": {"ZT-LEV-1": {"levensgebieden": {"sport": "ja"}}}})")),
        ": antwoorden.ZT-LEV-1.levensgebieden.sport: onbekend levensgebied (mogelijk: maatschappelijke_ondersteuning, "
        "preventieve_zorg, zorg, jeugdhulp, onderwijs, welzijn, wonen, werk_en_inkomen)");
    // TOML: the same checks, with the line.
    EXPECT_EQ(
        error_of(write_file(
            "a8.toml", "gemeente = \"X\"\nperspectief = \"gemeente\"\n\n[antwoorden.ZT-TOE-2]\nantwoord = \"vaak\"\n")),
        ":5: antwoorden.ZT-TOE-2.antwoord: 'vaak' is geen geldig antwoord (mogelijk: ja, deels, nee, weet_niet)");
    EXPECT_EQ(
        error_of(write_file("a9.toml",
                            "gemeente = \"X\"\nperspectief = \"gemeente\"\n[antwoorden.ZT-ABC-1]\nantwoord = \"ja\"\n"))
            .find(":3: antwoorden.ZT-ABC-1: onbekende vraag 'ZT-ABC-1' (mogelijk: ZT-BEL-1"),
        0u);
    EXPECT_EQ(error_of(write_file("a10.toml", "gemeente = \"X\"\nperspectief = \n")).substr(0, 23),
              ":2: geen geldige TOML: ");
}

namespace {
// An answer set with 'ja' and a bron on every question, then changed by `edit`.
std::string answer_set(const std::string& name, const std::string& perspective,
                       const std::function<void(std::map<std::string, std::string>&)>& edit) {
    std::map<std::string, std::string> answers;
    for (const auto& q : shipped_questions().questions) answers[q.id] = "ja";
    edit(answers);
    std::string json = "{\"gemeente\": \"Voorbeeldstad\", \"perspectief\": \"" + perspective + "\", \"antwoorden\": {";
    bool first = true;
    for (const auto& [id, a] : answers) {
        if (a == "-") continue;  // left unanswered
        json += first ? "" : ",";
        first = false;
        if (id == "ZT-LEV-1") {
            json += "\"ZT-LEV-1\": {\"levensgebieden\": {";
            bool f2 = true;
            for (const auto& [area, n] : shipped_questions().find("ZT-LEV-1")->levensgebieden) {
                json += (f2 ? "\"" : ",\"") + area + "\": \"" + a + "\"";
                f2 = false;
            }
            json += "}, \"bron\": \"Verordening 2024, art. 3\"}";
        } else {
            json += "\"" + id + "\": {\"antwoord\": \"" + a + "\", \"bron\": \"Beleidsplan 2024\"}";
        }
    }
    return write_file(name, json + "}}");
}
}  // namespace

TEST(Zelftest, DialogueListsExactlyTheGesprekspunten) {
    const ZelftestQuestions& q = shipped_questions();
    const std::vector<ZelftestAnswers> sets = {
        read_zelftest_answers(answer_set("gemeente.json", "gemeente", [](auto& a) { a["ZT-KWA-1"] = "-"; }), q),
        read_zelftest_answers(answer_set(
                                  "adviesraad.json", "wmo-adviesraad",
                                  [](auto& a) {
        a["ZT-BEL-2"] = "nee";
        a["ZT-INS-1"] = "weet_niet";
                                  }),
                              q)};
    // Without case data: exactly the three.
    const ZelftestDialogue plain = zelftest_dialogue(q, sets, {}, 0.05);
    std::vector<std::string> got;
    for (const auto& p : plain.points) got.push_back(p.question + ": " + p.why);
    EXPECT_EQ(got, (std::vector<std::string>{"ZT-BEL-2: verschillende antwoorden: gemeente: ja, Wmo-adviesraad: nee",
                                             "ZT-KWA-1: niet beantwoord door gemeente",
                                             "ZT-INS-1: 'weet niet' van Wmo-adviesraad"}));

    // With the figures of a check: plus one gesprekspunt per 'ja' against a rule above 5 %.
    std::map<std::string, CheckFigure> figures;
    figures["ONA-01"] = {"ONA-01", "Cliëntondersteuner beslist zelf", Severity::overtreding, 10, 8, 2, 0,
                         0.2};                                                           // above 5 %
    figures["ONA-03"] = {"ONA-03", "Zelfde team", Severity::signaal, 10, 7, 3, 0, 0.3};  // a signaal: "gesignaleerd"
    figures["TOE-01"] = {"TOE-01", "Eigen bijdrage", Severity::overtreding, 10, 10, 0, 0, 0.0};
    figures["INF-01"] = {"INF-01", "Niet gewezen", Severity::overtreding, 20, 19, 1, 0,
                         0.05};  // exactly 5 %: not above
    const ZelftestDialogue with = zelftest_dialogue(q, sets, figures, 0.05);
    std::vector<std::string> extra;
    for (const auto& p : with.points)
        if (std::find(got.begin(), got.end(), p.question + ": " + p.why) == got.end())
            extra.push_back(p.question + ": " + p.why);
    // ONA-03 is a signaal: context only, it never contradicts a 'ja' on its own (docs/spec/zelftest.md).
    EXPECT_EQ(extra,
              (std::vector<std::string>{
                  "ZT-ONA-2: gemeente antwoordt 'ja', maar ONA-01 is in 2 van de 10 beoordeelde dossiers overtreden "
                  "(20,0 %, drempel 5,0 %)",
                  "ZT-ONA-2: Wmo-adviesraad antwoordt 'ja', maar ONA-01 is in 2 van de 10 beoordeelde dossiers "
                  "overtreden (20,0 %, drempel 5,0 %)"}));
    EXPECT_EQ(with.dossier_figures.at("ZT-ONA-2").size(), 2u);  // ONA-01 and ONA-03 shown
    EXPECT_EQ(with.dossier_figures.count("ZT-BEL-1"), 0u);      // not informed by dossiers

    // The report shows both sets side by side and the gesprekspunten.
    std::ostringstream html;
    write_zelftest_html(html, q, sets, with);
    EXPECT_NE(html.str().find("<h2>Gesprekspunten</h2>"), std::string::npos);
    EXPECT_NE(html.str().find("verschillende antwoorden: gemeente: ja, Wmo-adviesraad: nee"), std::string::npos);
    EXPECT_NE(html.str().find("<h3 id=\"ZT-LEV-1\">"), std::string::npos);
    EXPECT_NE(html.str().find("Toets aan de dossiers"), std::string::npos);
}
