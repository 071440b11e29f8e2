// rapport.xlsx read back the way a spreadsheet program does (zip + XML): its Samenvatting holds
// exactly the figures of `controleer --format json`, and the same run gives the same bytes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "helpers.hpp"
#include "workflow/rule.hpp"
#include "xlsx_read.hpp"

namespace {

using wmotoets::test::cells;
using wmotoets::test::cli;
using wmotoets::test::read_all;
using wmotoets::test::unzip;

// A fresh directory `name` with the sample dossiers imported into audit.db and checked (the JSON of
// the check in check.json); returns the directory.
std::filesystem::path checked_sample(const std::string& name) {
    namespace fs = std::filesystem;
    const fs::path dir = wmotoets::test::temp_dir() / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string db = (dir / "audit.db").string(), src = wmotoets::test::source_dir();
    EXPECT_EQ(cli({"-q", "importeer", src + "/data/voorbeeld/dossiers.csv",
                   src + "/data/voorbeeld/dossiers-wijkteam-zuid.csv", "--db", db}),
              0);
    EXPECT_EQ(cli({"-q", "controleer", "--db", db, "--format", "json", "--uit", (dir / "check.json").string(),
                   "--exit-zero"}),
              0);
    return dir;
}

}  // namespace

TEST(Xlsx, SamenvattingHoldsTheFiguresOfTheJsonCheck) {
    namespace fs = std::filesystem;
    const fs::path dir = checked_sample("xlsx");
    const std::string db = (dir / "audit.db").string(), json = (dir / "check.json").string();
    ASSERT_EQ(cli({"-q", "rapport", "--db", db, "--uit", (dir / "r1").string()}), 0);
    ASSERT_EQ(cli({"-q", "rapport", "--db", db, "--uit", (dir / "r2").string()}), 0);
    const std::string xlsx = read_all((dir / "r1" / "rapport.xlsx").string());
    EXPECT_EQ(xlsx, read_all((dir / "r2" / "rapport.xlsx").string()));  // deterministic

    const auto files = unzip(xlsx);
    ASSERT_TRUE(files.count("xl/worksheets/sheet1.xml"));
    const std::string workbook = files.at("xl/workbook.xml");
    for (const char* sheet : {"Samenvatting", "Bevindingen", "Regels", "Dossiers", "Teams"}) {
        std::string attr = "name=\"";
        attr += sheet;
        attr += '"';
        EXPECT_NE(workbook.find(attr), std::string::npos) << sheet;
    }
    const auto sum = cells(files, "xl/worksheets/sheet1.xml");
    const nlohmann::json figures = nlohmann::json::parse(read_all(json))["figures"];
    ASSERT_EQ(figures.size(), wmotoets::all_rules().size());
    for (std::size_t i = 0; i < figures.size(); ++i) {
        const nlohmann::json& f = figures[i];
        const std::string row = std::to_string(i + 2);
        auto at = [&row](char column) {
            std::string ref(1, column);
            ref += row;
            return ref;
        };
        EXPECT_EQ(sum.at(at('A')), f["rule"].get<std::string>());
        EXPECT_EQ(sum.at(at('B')), f["title"].get<std::string>());
        EXPECT_EQ(sum.at(at('C')), f["severity"].get<std::string>());
        EXPECT_EQ(std::stoul(sum.at(at('E'))), f["applicable"].get<std::size_t>()) << row;
        EXPECT_EQ(std::stoul(sum.at(at('F'))), f["compliant"].get<std::size_t>()) << row;
        EXPECT_EQ(std::stoul(sum.at(at('G'))), f["violations"].get<std::size_t>()) << row;
        EXPECT_EQ(std::stoul(sum.at(at('H'))), f["unknown"].get<std::size_t>()) << row;
        if (f["rate"].is_null()) {
            EXPECT_FALSE(sum.count(at('I'))) << row;
        } else {
            EXPECT_NEAR(std::stod(sum.at(at('I'))), f["rate"].get<double>(), 0.00005) << row;
            EXPECT_NEAR(std::stod(sum.at(at('J'))), f["ci95"][0].get<double>(), 0.00005) << row;
            EXPECT_NEAR(std::stod(sum.at(at('K'))), f["ci95"][1].get<double>(), 0.00005) << row;
        }
    }
    // The findings sheet has a row per finding of the check.
    const auto findings = cells(files, "xl/worksheets/sheet2.xml");
    const std::size_t n = nlohmann::json::parse(read_all(json))["findings"].size();
    std::string last = "A", beyond = "A";
    last += std::to_string(n + 1);
    beyond += std::to_string(n + 2);
    EXPECT_TRUE(findings.count(last));
    EXPECT_FALSE(findings.count(beyond));
}

TEST(Xlsx, PublicationNeverShowsACountBelowTheThreshold) {
    namespace fs = std::filesystem;
    const fs::path dir = checked_sample("publicatie");
    const std::string db = (dir / "audit.db").string();
    const std::string settings =
        wmotoets::test::write_file("publicatie.toml", "[publicatie]\ndrempel = 12\nafronding = 5\n");
    ASSERT_EQ(
        cli({"-q", "rapport", "--db", db, "--uit", (dir / "pub").string(), "--publicatie", "--instellingen", settings}),
        0);
    EXPECT_FALSE(fs::exists(dir / "pub" / "bevindingen.csv"));  // no dossier-level output

    // HTML: the rule stated, no dossier section (every published number is checked by
    // Publication.NoSuppressedCountCanBeRecomputed).
    const std::string html = read_all((dir / "pub" / "rapport.html").string());
    EXPECT_NE(html.find("aantallen van 1 tot en met 11 zijn geheim (weergegeven als x)"), std::string::npos);
    EXPECT_NE(html.find("<b>x</b> = geheim: een aantal van 1 tot en met 11, of een getal dat zo'n aantal zou verraden"),
              std::string::npos);
    EXPECT_EQ(html.find("<h3 id=\"dossier-"), std::string::npos);

    // XLSX: no Bevindingen or Dossiers sheet; every count cell 0, a number ≥ 12 or "x" (geheim).
    const auto files = unzip(read_all((dir / "pub" / "rapport.xlsx").string()));
    const std::string workbook = files.at("xl/workbook.xml");
    EXPECT_EQ(workbook.find("name=\"Bevindingen\""), std::string::npos);
    EXPECT_EQ(workbook.find("name=\"Dossiers\""), std::string::npos);
    const auto sum = cells(files, "xl/worksheets/sheet1.xml");
    std::size_t counts = 0;
    for (const auto& [ref, value] : sum) {
        const char column = ref[0];
        if (ref.size() < 2 || ref.substr(1) == "1" || column < 'E' || column > 'H') continue;
        ++counts;
        if (value != "x" && value != "0") {
            EXPECT_GE(std::stod(value), 12.0) << ref;
            EXPECT_EQ(std::stoul(value) % 5, 0u) << ref;
        }
    }
    EXPECT_EQ(counts, wmotoets::all_rules().size() * 4);
}

TEST(Xlsx, CoordinatorsViewOfTheSeparationOfFunctions) {
    namespace fs = std::filesystem;
    const fs::path dir = checked_sample("scheiding");
    const std::string db = (dir / "audit.db").string();
    ASSERT_EQ(cli({"-q", "rapport", "--db", db, "--uit", (dir / "r").string(), "--scheiding"}), 0);
    const std::string html = read_all((dir / "r" / "scheiding.html").string());
    // Its own page: the auditor's report has no such section.
    EXPECT_EQ(read_all((dir / "r" / "rapport.html").string()).find("Scheiding van functies"), std::string::npos);
    const auto json = nlohmann::json::parse(read_all((dir / "check.json").string()));
    std::map<std::string, nlohmann::json> figure;
    for (const auto& f : json["figures"]) figure[f["rule"].get<std::string>()] = f;

    const auto months = wmotoets::test::tables_after(html, "Alle teams per maand").at(0);
    ASSERT_GE(months.size(), 3u);
    EXPECT_EQ(months[0],
              (std::vector<std::string>{"maand van het besluit", "dossiers met ondersteuner en beslisser",
                                        "zelfde persoon (ONA-01)", "% ONA-01", "ondersteuner deed onderzoek (ONA-02)",
                                        "% ONA-02", "zelfde team (ONA-03)", "% ONA-03"}));
    // A continuous month axis: every month follows the one before, empty ones shown as 0.
    const std::vector<std::string> names = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                            "juli",    "augustus", "september", "oktober", "november", "december"};
    const auto month_number = [&](const std::string& text) {
        const std::string name = text.substr(0, text.find(' '));
        const auto it = std::find(names.begin(), names.end(), name);
        EXPECT_NE(it, names.end()) << text;
        return std::stoi(text.substr(text.find(' ') + 1)) * 12 + int(it - names.begin());
    };
    std::size_t empty_months = 0;
    for (std::size_t i = 2; i + 1 < months.size(); ++i)
        EXPECT_EQ(month_number(months[i][0]), month_number(months[i - 1][0]) + 1)
            << months[i][0] << " volgt niet op " << months[i - 1][0];
    for (std::size_t i = 1; i + 1 < months.size(); ++i)
        if (months[i][1] == "0") {
            ++empty_months;
            EXPECT_EQ(months[i][2], "0");
            EXPECT_EQ(months[i][3], ".");  // no rate on a denominator of 0: "cijfer onbekend"
        }
    EXPECT_GT(empty_months, 0u) << "de voorbeelden hebben maanden zonder besluit: die horen erin te staan";
    // The key under the table names the symbol (issue 28).
    EXPECT_NE(html.find("<b>.</b> = cijfer onbekend of niet te berekenen"), std::string::npos);
    // The denominator is the dossiers ONA-01 applies to; each rule's deviations apart, as in the check.
    const auto& total = months.back();
    EXPECT_EQ(total[0], "totaal");
    EXPECT_EQ(std::stoul(total[1]), figure["ONA-01"]["applicable"].get<std::size_t>());
    EXPECT_EQ(std::stoul(total[2]), figure["ONA-01"]["violations"].get<std::size_t>());
    EXPECT_EQ(std::stoul(total[6]), figure["ONA-03"]["violations"].get<std::size_t>());
    EXPECT_LE(std::stoul(total[4]), figure["ONA-02"]["violations"].get<std::size_t>());
    EXPECT_NE(total[2], total[6]);  // ONA-01 and ONA-03 are not added into one number
    // Each deviation counts once, in the month it arose; a dossier also counts in the month of a later
    // deviation (an ONA-01 in bezwaar, issue 29), so the months may hold more dossiers than the total.
    for (const std::size_t j : {1u, 2u, 4u, 6u}) {
        std::size_t sum = 0;
        for (std::size_t i = 1; i + 1 < months.size(); ++i) sum += std::stoul(months[i][j]);
        if (j == 1) EXPECT_GE(sum, std::stoul(total[j])) << months[0][j];
        else EXPECT_EQ(sum, std::stoul(total[j])) << months[0][j];
    }
    const auto teams = wmotoets::test::tables_after(html, "Per team").at(0);
    ASSERT_EQ(teams.size(), 4u);  // header, two teams, total
    EXPECT_EQ(teams[1][0], "Wijkteam Noord");
    EXPECT_EQ(std::stoul(teams[1][1]) + std::stoul(teams[2][1]), std::stoul(total[1]));
    // Per team and month: every team over the whole axis.
    EXPECT_EQ(wmotoets::test::tables_after(html, "Per team en maand").at(0).size(), 1 + 2 * (months.size() - 2));
    // Per medewerker, with team, linked to the dossier's timeline in rapport.html.
    EXPECT_NE(html.find("<tr><td>O21</td><td>Juridische zaken</td><td class=\"n\">1</td><td class=\"n\">1</td><td "
                        "class=\"n\">1</td>"
                        "<td><a href=\"rapport.html#dossier-D009\">D009</a></td>"),
              std::string::npos);
    EXPECT_NE(read_all((dir / "r" / "rapport.html").string()).find("id=\"dossier-D009\""), std::string::npos);
    EXPECT_NE(html.find("art. 2.2.4 Wmo 2015"), std::string::npos);
    EXPECT_NE(html.find("staatssecretaris van VWS"), std::string::npos);

    // scheiding.xlsx: one sheet per table, months as dates.
    const auto files = unzip(read_all((dir / "r" / "scheiding.xlsx").string()));
    for (const char* sheet : {"Per maand", "Per team", "Per team en maand", "Per medewerker", "Toelichting"})
        EXPECT_NE(files.at("xl/workbook.xml").find(std::string("name=\"") + sheet + "\""), std::string::npos) << sheet;
    const auto per_month = wmotoets::test::sheet_named(files, "Per maand");
    EXPECT_EQ(per_month.at("A2"), "45323");  // 1 februari 2024, an Excel date
    std::string total_ref = "B";
    total_ref += std::to_string(months.size());
    EXPECT_EQ(per_month.at(total_ref), total[1]);
    EXPECT_EQ(wmotoets::test::sheet_named(files, "Per medewerker").at("F2").find("D0"), 0u);
    // rapport.xlsx has no Scheiding sheet; without --scheiding there is no scheiding.html.
    EXPECT_EQ(unzip(read_all((dir / "r" / "rapport.xlsx").string())).at("xl/workbook.xml").find("Scheiding"),
              std::string::npos);
    ASSERT_EQ(cli({"-q", "rapport", "--db", db, "--uit", (dir / "zonder").string()}), 0);
    EXPECT_FALSE(fs::exists(dir / "zonder" / "scheiding.html"));
}

// Every finding is shown once, in its dossier's block, with its rule, cycle, date and message.
TEST(Xlsx, EveryFindingOfEveryDossierIsShownOnceInItsDossier) {
    namespace fs = std::filesystem;
    const fs::path dir = checked_sample("tijdlijn");
    const std::string db = (dir / "audit.db").string(), json = (dir / "check.json").string();
    ASSERT_EQ(cli({"-q", "rapport", "--db", db, "--uit", (dir / "r").string()}), 0);
    const std::string html = read_all((dir / "r" / "rapport.html").string());
    auto escape = [](std::string s) {
        std::string out;
        for (char c : s)
            out += c == '&'   ? std::string("&amp;")
                   : c == '<' ? std::string("&lt;")
                   : c == '>' ? std::string("&gt;")
                   : c == '"' ? std::string("&quot;")
                              : std::string(1, c);
        return out;
    };
    std::size_t multi_cycle = 0;
    const nlohmann::json check = nlohmann::json::parse(read_all(json));  // kept: the loop refers into it
    std::map<std::string, int> expected_rows;                            // dossier + row → how often the check has it
    for (const auto& f : check["findings"]) {
        std::string row = "<tr><td>" + escape(f["rule"].get<std::string>()) + "<td>";
        row += std::to_string(f["cycle"].get<int>());
        // The report writes the date in words (issue 28).
        row += "<td>" + wmotoets::parse_iso_date(f["date"].get<std::string>())->dutch_long() + "<td>" +
               escape(f["message"].get<std::string>()) + "<td>";
        ++expected_rows[f["case_id"].get<std::string>() + "\n" + row];
        multi_cycle += f["cycle"].get<int>() > 1;
    }
    for (const auto& [key, n] : expected_rows) {
        const std::string id = key.substr(0, key.find('\n')), row = key.substr(key.find('\n') + 1);
        const std::size_t start = html.find("<div class=d id=\"dossier-" + id + "\"");
        ASSERT_NE(start, std::string::npos) << id;
        const std::string block = html.substr(start, html.find("<div class=d", start + 1) - start);
        int found = 0;
        for (std::size_t at = block.find(row); at != std::string::npos; at = block.find(row, at + 1)) ++found;
        EXPECT_EQ(found, n) << id << ": " << row;
    }
    EXPECT_GT(multi_cycle, 0u);  // the sample has herbeoordeling cycles with findings
}

TEST(Xlsx, ZelftestWorkbookHasItsThreeSheets) {
    namespace fs = std::filesystem;
    const fs::path dir = wmotoets::test::temp_dir() / "zelftest-xlsx";
    fs::remove_all(dir);
    const std::string src = wmotoets::test::source_dir();
    ASSERT_EQ(cli({"-q", "zelftest", "rapport", src + "/tests/fixtures/zelftest/gemeente.json",
                   src + "/tests/fixtures/zelftest/adviesraad.toml", "--controle", src + "/tests/golden/voorbeeld.json",
                   "--uit", dir.string()}),
              0);
    const auto files = unzip(read_all((dir / "zelftest.xlsx").string()));
    const std::string workbook = files.at("xl/workbook.xml");
    for (const char* sheet : {"Antwoorden", "Gesprekspunten", "Dossiers"}) {
        std::string attr = "name=\"";
        attr += sheet;
        attr += '"';
        EXPECT_NE(workbook.find(attr), std::string::npos) << sheet;
    }
    const auto answers = cells(files, "xl/worksheets/sheet1.xml");
    EXPECT_EQ(answers.at("A2"), "ZT-BEL-1");
    EXPECT_EQ(answers.at("D2"), "ja");     // gemeente
    EXPECT_EQ(answers.at("G2"), "deels");  // wmo-adviesraad
    // Ranked (issue 28): the dossiers against a 'ja' first, then differing answers, … sources last.
    const auto points = cells(files, "xl/worksheets/sheet2.xml");
    EXPECT_EQ(points.at("A2"), "ZT-ONA-2");
    EXPECT_NE(points.at("B2").find("antwoordt 'ja', maar"), std::string::npos);
    EXPECT_EQ(points.at("C2"), "De dossiers spreken een 'ja' tegen");
    const std::vector<std::string> order = {"De dossiers spreken een 'ja' tegen", "De partijen antwoorden verschillend",
                                            "Niet beantwoord of 'weet niet'", "Antwoord zonder bron"};
    std::size_t last = 0, differing = 0;
    auto kind_cell = [](int r) {
        std::string ref(1, 'C');  // (built in two steps: GCC 12 warns falsely on "C" + std::string)
        ref += std::to_string(r);
        return ref;
    };
    for (int r = 2; points.count(kind_cell(r)); ++r) {
        const auto at = std::find(order.begin(), order.end(), points.at(kind_cell(r)));
        ASSERT_NE(at, order.end());
        EXPECT_GE(std::size_t(at - order.begin()), last) << "rij " << r;
        last = std::size_t(at - order.begin());
        differing += last == 1;
    }
    EXPECT_GT(differing, 0u);
    const auto dossiers = cells(files, "xl/worksheets/sheet3.xml");
    EXPECT_TRUE(dossiers.count("B2"));  // figures of the rules behind the questions
    // The same answers give the same bytes.
    const std::string first = read_all((dir / "zelftest.xlsx").string());
    ASSERT_EQ(cli({"-q", "zelftest", "rapport", src + "/tests/fixtures/zelftest/gemeente.json",
                   src + "/tests/fixtures/zelftest/adviesraad.toml", "--controle", src + "/tests/golden/voorbeeld.json",
                   "--uit", dir.string()}),
              0);
    EXPECT_EQ(read_all((dir / "zelftest.xlsx").string()), first);
}
