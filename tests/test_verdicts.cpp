// The auditor's verdicts round trip (issue 17 point 2): `steekproef trek` writes oordelen.xlsx, the
// test fills it in as an auditor would (a new workbook written with libxlsxwriter, as Excel would
// save it, or the same sheet as CSV), and `steekproef evalueer --oordelen` counts, bounds and
// lists the disagreements — or refuses, word for word, a file that does not fit its sample.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "helpers.hpp"
#include "import/xlsx.hpp"
#include "model/severity.hpp"
#include "reports/sampling.hpp"
#include "store/store.hpp"
#include "util/sha256.hpp"
#include "xlsx_read.hpp"

namespace wmotoets {
namespace {

namespace fs = std::filesystem;
using Rows = std::vector<std::vector<std::string>>;  // the sheet as text, row by row (no gaps)

struct Drawn {
    fs::path dir;
    std::string db, verdicts;
    Rows rows;               // oordelen.xlsx as trek wrote it
    std::size_t header = 0;  // index of the header row in rows
};

Rows read_rows(const std::string& path) {
    Rows rows;
    const XlsxWorkbook wb(path);
    std::size_t last = 0;
    wb.read_sheet("Oordelen", [&](std::size_t row, const std::vector<XlsxCell>& cells) {
        while (++last < row) rows.emplace_back();  // a blank row stays a blank row
        rows.push_back(row_texts(cells, 100));
    });
    return rows;
}

// The samples of data/voorbeeld checked into a database, and a sample of 34 drawn from it.
const Drawn& drawn() {
    static const Drawn drawn = [] {
        Drawn d;
        d.dir = test::temp_dir() / "oordelen";
        fs::remove_all(d.dir);
        fs::create_directories(d.dir);
        d.db = (d.dir / "audit.db").string();
        const std::string data = std::string(WMOTOETS_SOURCE_DIR) + "/data/voorbeeld/";
        testing::internal::CaptureStdout();
        testing::internal::CaptureStderr();
        const int imported =
            test::cli({"-q", "importeer", data + "dossiers.csv", data + "dossiers-wijkteam-zuid.csv", "--db", d.db});
        const int checked =
            test::cli({"-q", "controleer", "--db", d.db, "--exit-zero", "--uit", (d.dir / "controle.txt").string()});
        const int trek = test::cli({"-q", "steekproef", "trek", "--db", d.db, "--omvang", "34", "--zaad", "7",
                                    "--strata", "team", "--uit", (d.dir / "steekproef").string()});
        testing::internal::GetCapturedStdout();
        const std::string err = testing::internal::GetCapturedStderr();
        EXPECT_EQ(imported + checked + trek, 0) << err;
        d.verdicts = (d.dir / "steekproef" / "oordelen.xlsx").string();
        d.rows = read_rows(d.verdicts);
        for (std::size_t i = 0; i < d.rows.size(); ++i)
            if (!d.rows[i].empty() && d.rows[i][0] == "Nr") d.header = i;
        return d;
    }();
    return drawn;
}

// Writes rows as an auditor's spreadsheet program would save them: text as shared strings, the
// Nr column as numbers, the Datum column as real dates.
std::string write_filled(const std::string& name, const Rows& rows) {
    const std::string path = (drawn().dir / name).string();
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Oordelen");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd-mm-yyyy");
    const std::size_t header = drawn().header;
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const std::string& v = rows[r][c];
            if (v.empty()) continue;
            const auto row = static_cast<lxw_row_t>(r);
            const auto col = static_cast<lxw_col_t>(c);
            if (r > header && c == 0) worksheet_write_number(ws, row, col, std::stod(v), nullptr);
            else if (r > header && c == 9) {
                lxw_datetime d{
                    std::stoi(v.substr(0, 4)), std::stoi(v.substr(5, 2)), std::stoi(v.substr(8, 2)), 0, 0, 0};
                worksheet_write_datetime(ws, row, col, &d, date);
            } else worksheet_write_string(ws, row, col, v.c_str(), nullptr);
        }
    EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
    return path;
}

// The same rows as a Dutch CSV (';', UTF-8 with BOM): what "Opslaan als CSV" gives.
std::string write_csv(const std::string& name, const Rows& rows) {
    std::string text = "\xEF\xBB\xBF";
    for (const auto& r : rows) {
        for (std::size_t c = 0; c < r.size(); ++c) {
            const bool quote = r[c].find_first_of(";\"\n") != std::string::npos;
            std::string v;
            for (const char ch : r[c]) {
                if (ch == '"') v += '"';
                v += ch;
            }
            if (c) text += ';';
            if (quote) text += '"';
            text += v;
            if (quote) text += '"';
        }
        text += "\r\n";
    }
    const std::string path = (drawn().dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// Every row filled with the answer the auditor gives: `verdict(dossier, rule, tool's suggestion)`.
Rows filled(const std::function<std::string(const std::string&, const std::string&, const std::string&)>& verdict) {
    Rows rows = drawn().rows;
    for (std::size_t r = drawn().header + 1; r < rows.size(); ++r) {
        rows[r].resize(10);
        rows[r][5] = verdict(rows[r][1], rows[r][2], rows[r][4]);
        rows[r][6] = "gezien in het dossier";
        rows[r][7] = "dossier, brief van 4 maart 2024";
        rows[r][8] = "A. Auditor";
        rows[r][9] = "2024-12-02";
    }
    return rows;
}

struct Result {
    int rc;
    std::string out, err;
};
Result evalueer(const std::string& file) {
    testing::internal::CaptureStdout();
    testing::internal::CaptureStderr();
    const int rc = test::cli({"steekproef", "evalueer", "--db", drawn().db, "--oordelen", file});
    Result r{rc, testing::internal::GetCapturedStdout(), testing::internal::GetCapturedStderr()};
    return r;
}

std::string first_word(const std::string& suggestion) { return suggestion.substr(0, suggestion.find(" (")); }

// Where row `r` (0-based) of the table sits: the Oordeel column of that spreadsheet row.
std::string cell(const std::string& path, std::size_t r) { return path + ":Oordelen!F" + std::to_string(r + 1); }

TEST(Verdicts, TrekWritesOneRowPerDossierAndApplicableNormWithADropDown) {
    const Drawn& d = drawn();
    ASSERT_GT(d.header, 0u);
    EXPECT_EQ(d.rows[0],
              (std::vector<std::string>{"Bestand", "Oordelen van de auditor bij een steekproef van Wmo-toets"}));
    EXPECT_EQ(d.rows[1], (std::vector<std::string>{"Zaad", "7"}));
    EXPECT_EQ(d.rows[2], (std::vector<std::string>{"Omvang", "34"}));
    EXPECT_EQ(d.rows[3], (std::vector<std::string>{"Strata", "team"}));
    EXPECT_EQ(d.rows[d.header],
              (std::vector<std::string>{"Nr", "Dossier", "Regel", "Norm", "Wmo-toets", "Oordeel", "Toelichting",
                                        "Bron (document, datum)", "Auditor", "Datum"}));
    // As many rows as the run has applicable outcomes in the sampled dossiers.
    std::set<std::string> dossiers;
    for (std::size_t r = d.header + 1; r < d.rows.size(); ++r) dossiers.insert(d.rows[r][1]);
    EXPECT_EQ(dossiers.size(), 34u);
    Store store(d.db);
    const RunRecord run = *store.latest_run();
    std::size_t applicable = 0;
    for (std::size_t i = 0; i < run.case_ids.size(); ++i)
        if (dossiers.count(run.case_ids[i]))
            for (std::size_t r = 0; r < run.rules.size(); ++r)
                applicable += run.outcome(i, r) != Outcome::niet_van_toepassing;
    EXPECT_EQ(d.rows.size() - d.header - 1, applicable);
    // The verdict column has its drop-down list.
    const auto files = test::unzip(test::read_all(d.verdicts));
    const std::string& sheet = files.at("xl/worksheets/sheet1.xml");
    EXPECT_NE(sheet.find("<dataValidation type=\"list\""), std::string::npos);
    EXPECT_NE(sheet.find("<formula1>\"ja,nee,niet vast te stellen,niet van toepassing\"</formula1>"),
              std::string::npos);
    EXPECT_NE(sheet.find(" sqref=\"F" + std::to_string(d.header + 2) + ":F" + std::to_string(d.rows.size()) + "\""),
              std::string::npos);
}

TEST(Verdicts, RoundTripCountsBoundsAndDisagreements) {
    const Drawn& d = drawn();
    // The auditor agrees with the tool everywhere except: INF-01 of the first two sampled dossiers
    // is "nee", of the third "niet vast te stellen", of the fourth "niet van toepassing".
    std::vector<std::string> inf01;
    for (std::size_t r = d.header + 1; r < d.rows.size(); ++r)
        if (d.rows[r][2] == "INF-01") inf01.push_back(d.rows[r][1]);
    ASSERT_GE(inf01.size(), 4u);
    std::size_t disagree = 0, tool_inf01_dev = 0, dev_dossiers = 0;
    std::set<std::string> deviating;
    const Rows rows = filled([&](const std::string& dossier, const std::string& rule, const std::string& tool) {
        std::string v = first_word(tool);
        if (rule == "INF-01") {
            if (dossier == inf01[0] || dossier == inf01[1]) v = "nee";
            else if (dossier == inf01[2]) v = "niet vast te stellen";
            else if (dossier == inf01[3]) v = "niet van toepassing";
            else if (v != "ja") ++tool_inf01_dev;
        }
        if (v != first_word(tool)) ++disagree;
        if (v == "nee" || v == "niet vast te stellen") deviating.insert(dossier);
        return v;
    });
    dev_dossiers = deviating.size();
    const Result xlsx = evalueer(write_filled("ingevuld.xlsx", rows));
    EXPECT_EQ(xlsx.rc, 1) << xlsx.err;  // the sample has deviations: the test is not met
    EXPECT_EQ(xlsx.err, "");

    Store store(d.db);
    const RunRecord run = *store.latest_run();
    std::size_t population = 0;
    const auto inf = std::find(run.rules.begin(), run.rules.end(), "INF-01") - run.rules.begin();
    for (std::size_t i = 0; i < run.case_ids.size(); ++i)
        population += run.outcome(i, std::size_t(inf)) != Outcome::niet_van_toepassing;
    const std::size_t judged = inf01.size() - 1, deviations = 3 + tool_inf01_dev;
    const std::string bound = upper_limit_text(upper_deviation_limit(0.95, judged, deviations, population)) + " %";
    const std::regex line("\nINF-01 +overtreding +" + std::to_string(judged) + " +" + std::to_string(deviations) +
                          " +" + bound + "  niet aanvaardbaar\n");
    EXPECT_TRUE(std::regex_search(xlsx.out, line)) << xlsx.out;
    (void)dev_dossiers;  // per class: Verdicts.ConclusionPerClassAndStratumEqualsAnIndependentCount
    EXPECT_NE(xlsx.out.find(fmt::format("Waar de auditor anders oordeelt dan Wmo-toets: {} keer\n", disagree)),
              std::string::npos)
        << xlsx.out;
    EXPECT_TRUE(std::regex_search(
        xlsx.out, std::regex("\n" + inf01[3] + " +INF-01 +[a-z]+ \\([a-z ]+\\) +niet van toepassing  ")))
        << xlsx.out;
    // The same sheet saved as CSV gives the same evaluation.
    const Result csv = evalueer(write_csv("ingevuld.csv", rows));
    EXPECT_EQ(csv.rc, 1) << csv.err;
    EXPECT_EQ(csv.out.substr(csv.out.find('\n')), xlsx.out.substr(xlsx.out.find('\n')));

    // All "ja": every norm met; the dossier-level test passes (0 of 34 in 46: bound 4,35 %).
    const Result ok = evalueer(write_filled("alles-ja.xlsx", filled([](auto&, auto&, auto&) { return "ja"; })));
    EXPECT_EQ(ok.rc, 0) << ok.err;
    // 33: one sampled dossier has no overtreding that applies to it.
    EXPECT_TRUE(std::regex_search(ok.out, std::regex("\novertredingen \\(de wet\\) +33 +0 +4,35 %  aanvaardbaar "
                                                     "\\(bij nog 1 afwijkend dossier: niet aanvaardbaar\\)\n")))
        << ok.out;
    EXPECT_NE(ok.out.find("de toets is geslaagd"), std::string::npos);
    EXPECT_NE(ok.out.find("\nVolledigheid: elke rij heeft een auditor, een bron en een geldige datum\n"),
              std::string::npos)
        << ok.out;
}

// Acceptance (issue 30): on the README's sample (data/voorbeeld, 34 dossiers, seed 7, strata team) the
// conclusion per class equals a count made here from the filled rows and the run's severities: dossiers
// deviating on an overtreding (the client's own late objection, TRM-04/05, left out) apart from those
// deviating on an aandachtspunt or signaal; and per stratum the bound equals upper_deviation_limit on it.
TEST(Verdicts, ConclusionPerClassAndStratumEqualsAnIndependentCount) {
    const Drawn& d = drawn();
    // The auditor agrees everywhere, except that TRM-04 deviates wherever it applies (the client's own
    // late objection: never against the municipality) and INF-01 in every third dossier.
    std::size_t k = 0;
    std::map<std::string, std::size_t> place;
    const Rows rows = filled([&](const std::string& dossier, const std::string& rule, const std::string& tool) {
        if (!place.count(dossier)) place.emplace(dossier, k++);
        if (rule == "TRM-04") return std::string("nee");
        if (rule == "INF-01" && place[dossier] % 3 == 0) return std::string("nee");
        return first_word(tool);
    });
    const Result r = evalueer(write_filled("per-soort.xlsx", rows));
    ASSERT_NE(r.rc, 2) << r.err;
    Store store(d.db);
    const RunRecord run = *store.latest_run();
    std::map<std::string, Severity> severity;
    for (const RunRecord::Figure& f : run.figures) severity[f.rule] = f.severity;
    std::map<std::string, std::array<bool, 4>> seen;  // judged law, deviating law, judged other, deviating other
    std::set<std::string> own;
    for (std::size_t i = d.header + 1; i < rows.size(); ++i) {
        const std::string &dossier = rows[i][1], &rule = rows[i][2], &v = rows[i][5];
        if (v == "niet van toepassing") continue;
        const bool deviates = v != "ja";
        if (rule == "TRM-04" || rule == "TRM-05") {
            if (deviates) own.insert(dossier);
            continue;
        }
        const std::size_t at = severity.at(rule) == Severity::overtreding ? 0 : 2;
        seen[dossier][at] = true;
        seen[dossier][at + 1] = seen[dossier][at + 1] || deviates;
    }
    std::size_t law_judged = 0, law_dev = 0, other_judged = 0, other_dev = 0;
    for (const auto& [dossier, s] : seen) {
        law_judged += s[0];
        law_dev += s[1];
        other_judged += s[2];
        other_dev += s[3];
    }
    ASSERT_GT(law_dev, 0u);
    ASSERT_FALSE(own.empty());
    const auto bound = [](std::size_t n, std::size_t dev, std::size_t population) {
        return upper_limit_text(upper_deviation_limit(0.95, n, dev, population)) + " %";
    };
    EXPECT_TRUE(std::regex_search(r.out, std::regex(fmt::format("\novertredingen \\(de wet\\) +{} +{} +{}  ",
                                                                law_judged, law_dev, bound(law_judged, law_dev, 46)))))
        << r.out;
    EXPECT_TRUE(
        std::regex_search(r.out, std::regex(fmt::format("\naandachtspunten en signalen +{} +{} +{}  ", other_judged,
                                                        other_dev, bound(other_judged, other_dev, 46)))))
        << r.out;
    EXPECT_NE(r.out.find(fmt::format("(TRM-04, TRM-05) in {} van ", own.size())), std::string::npos) << r.out;
    // Per stratum: the sample's own list says which dossier is in which team, its method file how large the teams are.
    std::map<std::string, std::string> stratum;
    {
        std::ifstream list(d.dir / "steekproef" / "steekproef.csv");
        std::string line;
        std::getline(list, line);
        while (std::getline(list, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            const std::size_t a = line.find(';'), b = line.find(';', a + 1);
            stratum[line.substr(a + 1, b - a - 1)] = line.substr(b + 1);
        }
    }
    const std::string method = test::read_all(d.dir / "steekproef" / "steekproef-methode.txt");
    std::size_t strata_checked = 0;
    for (const std::string team : {"Wijkteam Noord", "Wijkteam Zuid"}) {
        std::smatch m;
        ASSERT_TRUE(std::regex_search(method, m, std::regex("Stratum " + team + ": [0-9]+ van ([0-9]+)")));
        const std::size_t population = std::stoul(m[1]);
        std::size_t judged = 0, dev = 0;
        for (const auto& [dossier, s] : seen)
            if (stratum.at(dossier) == team && s[0]) {
                ++judged;
                dev += s[1];
            }
        EXPECT_TRUE(std::regex_search(r.out, std::regex(fmt::format("\n{} +{} +{} +{} +{}  ", team, population, judged,
                                                                    dev, bound(judged, dev, population)))))
            << team << "\n"
            << r.out;
        ++strata_checked;
    }
    EXPECT_EQ(strata_checked, 2u);
    EXPECT_EQ(r.rc, 1);  // deviations on overtredingen in 34 of 46: not met
}

// The working paper lists rows without auditor, source or a real date, and a disagreement without a reason.
TEST(Verdicts, IncompleteRowsAreListedWithTheirCell) {
    const Drawn& d = drawn();
    Rows rows = filled([](auto&, auto&, const std::string& tool) { return first_word(tool); });
    const std::size_t first = d.header + 1;
    rows[first][8] = "";                                             // no auditor
    rows[first + 1][7] = "";                                         // no source
    rows[first + 2][9] = "gisteren";                                 // no date
    rows[first + 3][5] = rows[first + 3][5] == "ja" ? "nee" : "ja";  // a disagreement …
    rows[first + 3][6] = "";                                         // … without a reason
    const std::string p = write_csv("onvolledig.csv", rows);
    const Result r = evalueer(p);
    ASSERT_NE(r.rc, 2) << r.err;
    const auto where = [&](std::size_t row) { return p + ":" + std::to_string(row + 1); };
    EXPECT_NE(r.out.find("\nVolledigheid: 4 rijen zonder auditor, bron, geldige datum of (waar die afwijkt van "
                         "Wmo-toets) toelichting\n  " +
                         where(first) + ": dossier " + rows[first][1] + ", regel " + rows[first][2] +
                         ": geen auditor\n  " + where(first + 1) + ": dossier " + rows[first + 1][1] + ", regel " +
                         rows[first + 1][2] + ": geen bron\n  " + where(first + 2) + ": dossier " + rows[first + 2][1] +
                         ", regel " + rows[first + 2][2] + ": geen geldige datum ('gisteren')\n  " + where(first + 3) +
                         ": dossier " + rows[first + 3][1] + ", regel " + rows[first + 3][2] +
                         ": anders dan Wmo-toets zonder toelichting\n"),
              std::string::npos)
        << r.out;
}

// A refusal: exit code 2, the message on stderr, nothing on stdout.
void expect_refused(const Result& r, const std::string& message) {
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "wmotoets: fout: " + message + "\n");
}

TEST(Verdicts, RefusesAFileThatDoesNotFitItsSampleWordForWord) {
    const Drawn& d = drawn();
    const auto agree = [](auto&, auto&, const std::string& tool) { return first_word(tool); };
    const std::size_t first = d.header + 1;
    const std::string d1 = d.rows[first][1], r1 = d.rows[first][2];

    Rows extra = filled(agree);
    extra.push_back({"35", "X-1", "INF-01", "", "", "ja"});
    std::string p = write_filled("extra.xlsx", extra);
    expect_refused(evalueer(p),
                   cell(p, extra.size() - 1) +
                       ": dossier X-1 hoort niet bij deze steekproef (zaad 7, 34 dossiers); er is niets geëvalueerd");

    Rows unknown = filled(agree);
    unknown[first][5] = "misschien";
    p = write_filled("onbekend.xlsx", unknown);
    expect_refused(evalueer(p),
                   cell(p, first) + ": onbekend oordeel 'misschien' bij dossier " + d1 + ", regel " + r1 +
                       " (kies ja, nee, niet vast te stellen of niet van toepassing); er is niets geëvalueerd");

    Rows empty = filled(agree);
    empty[first][5] = "";
    p = write_filled("leeg.xlsx", empty);
    expect_refused(evalueer(p),
                   cell(p, first) + ": geen oordeel bij dossier " + d1 + ", regel " + r1 +
                       " (kies ja, nee, niet vast te stellen of niet van toepassing); er is niets geëvalueerd");

    Rows missing = filled(agree);
    missing.erase(missing.begin() + std::ptrdiff_t(first));
    p = write_filled("ontbreekt.xlsx", missing);
    expect_refused(evalueer(p),
                   p + ": de rij voor dossier " + d1 + ", regel " + r1 + " ontbreekt; er is niets geëvalueerd");

    Rows twice = filled(agree);
    twice.push_back(twice[first]);
    p = write_filled("dubbel.xlsx", twice);
    expect_refused(evalueer(p), cell(p, twice.size() - 1) + ": dossier " + d1 + ", regel " + r1 +
                                    " staat er twee keer in (ook op " + cell(p, first) + "); er is niets geëvalueerd");

    Rows not_applicable = filled(agree);  // a norm the tool found not applicable to that dossier
    std::string absent;
    for (const char* rule : {"ONA-07", "TRM-06", "TRM-05", "INF-02"}) {
        bool there = false;
        for (std::size_t r = first; r < d.rows.size(); ++r)
            there = there || (d.rows[r][1] == d1 && d.rows[r][2] == rule);
        if (!there && absent.empty()) absent = rule;
    }
    not_applicable.push_back({"1", d1, absent, "", "", "ja"});
    p = write_filled("nvt.xlsx", not_applicable);
    expect_refused(evalueer(p), cell(p, not_applicable.size() - 1) + ": regel " + absent +
                                    " is volgens de controle niet van toepassing op dossier " + d1 +
                                    "; die rij hoort niet in het oordelenbestand; er is niets geëvalueerd");

    p = write_filled("niets.xlsx", filled([](auto&, auto&, auto&) { return ""; }));
    expect_refused(evalueer(p),
                   fmt::format("{}: nog geen enkel oordeel ingevuld (de kolom Oordeel is leeg in alle {} rijen); "
                               "kies per rij ja, nee, niet vast te stellen of niet van toepassing",
                               p, d.rows.size() - d.header - 1));

    // Two problems: both listed, each on its own line.
    Rows two = filled(agree);
    two[first][5] = "misschien";
    two[first + 1][5] = "jawel";
    p = write_filled("twee.xlsx", two);
    const Result r2 = evalueer(p);
    EXPECT_EQ(r2.rc, 2);
    EXPECT_EQ(r2.err.substr(0, r2.err.find('\n')),
              "wmotoets: fout: " + p + ": 2 problemen in het oordelenbestand; er is niets geëvalueerd:");
    EXPECT_NE(r2.err.find("\n  " + cell(p, first + 1) + ": onbekend oordeel 'jawel'"), std::string::npos) << r2.err;
}

TEST(Verdicts, RefusesAnotherSampleAndAFileWithoutItsHead) {
    const Drawn& d = drawn();
    Rows other = filled([](auto&, auto&, const std::string& tool) { return first_word(tool); });
    other[1][1] = "8";  // someone changed the seed
    std::string p = write_filled("ander-zaad.xlsx", other);
    const Result r = evalueer(p);
    EXPECT_EQ(r.rc, 2);
    // The file's check mark names stored sample 1; its head says another seed (issue 30).
    const std::string message = "wmotoets: fout: " + p + ": deze oordelen horen niet bij steekproef 1 in " + d.db +
                                ": zaad 8 in het bestand, 7 in de steekproef\n";
    EXPECT_EQ(r.err, message);

    Rows headless(d.rows.begin() + std::ptrdiff_t(d.header), d.rows.end());
    p = write_csv("zonder-kop.csv", headless);
    expect_refused(evalueer(p),
                   p + ": boven de tabel ontbreekt Zaad, Omvang, Strata, Kenmerk van de steekproef; zonder die "
                       "gegevens is niet vast te stellen bij welke steekproef deze oordelen horen (laat de "
                       "regels boven de tabel staan zoals 'steekproef trek' ze schreef)");
    p = write_csv("geen-tabel.csv", Rows(d.rows.begin(), d.rows.begin() + 4));
    expect_refused(evalueer(p),
                   p + ": geen tabel met oordelen gevonden (de kopregel met Dossier, Regel en Oordeel ontbreekt); "
                       "gebruik het bestand oordelen.xlsx dat 'wmotoets steekproef trek --uit MAP' schrijft");
    // Counting by hand and by file at once is a mistake, not a choice.
    testing::internal::CaptureStdout();
    testing::internal::CaptureStderr();
    const int rc = test::cli({"steekproef", "evalueer", "--omvang", "34", "--oordelen", d.verdicts});
    testing::internal::GetCapturedStdout();
    EXPECT_EQ(rc, 2);
    EXPECT_EQ(testing::internal::GetCapturedStderr(),
              "wmotoets: fout: geef --oordelen, of --omvang met --afwijkingen, niet allebei: met --oordelen telt "
              "Wmo-toets zelf\n");
}

// Runs wmotoets with its stdout and stderr captured.
Result run_captured(const std::vector<std::string>& args) {
    testing::internal::CaptureStdout();
    testing::internal::CaptureStderr();
    const int rc = test::cli(args);
    Result r{rc, testing::internal::GetCapturedStdout(), testing::internal::GetCapturedStderr()};
    return r;
}

// The bundled samples imported and checked into DIR/audit.db, in a fresh folder DIR; empty on failure.
std::string checked_database(const fs::path& dir) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string db = (dir / "audit.db").string(), data = std::string(WMOTOETS_SOURCE_DIR) + "/data/voorbeeld/";
    if (run_captured({"-q", "importeer", data + "dossiers.csv", data + "dossiers-wijkteam-zuid.csv", "--db", db}).rc !=
            0 ||
        run_captured({"-q", "controleer", "--db", db, "--exit-zero"}).rc != 0)
        return {};
    return db;
}

// Every file of a folder with its bytes.
std::map<std::string, std::string> folder_bytes(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out[e.path().filename().string()] = test::read_all(e.path());
    return out;
}

// Acceptance (issue 30): a sample is a stored object. The same sample drawn into a database of its own,
// the filled-in file evaluated right after the draw; then another export is imported and the database
// checked twice more (once with another peildatum): the evaluation is exactly the same (same run, same
// peildatum, same bound), because it is made against the sample's own run, not the latest.
TEST(Verdicts, EvaluationStaysWithTheSamplesRunAfterMoreImportsAndRuns) {
    const Drawn& d = drawn();
    const fs::path dir = d.dir / "opgeslagen";
    const std::string db = checked_database(dir);
    ASSERT_FALSE(db.empty());
    const Result drawn_here =
        run_captured({"steekproef", "trek", "--db", db, "--omvang", "34", "--zaad", "7", "--strata", "team", "--door",
                      "A. Auditor", "--uit", (dir / "steekproef").string()});
    ASSERT_EQ(drawn_here.rc, 0) << drawn_here.err;
    EXPECT_NE(drawn_here.err.find(db + ": steekproef 1 opgeslagen"), std::string::npos) << drawn_here.err;
    // The same data, seed and strata: the same sample as drawn(), so its filled rows fit.
    const std::string file =
        write_filled("opgeslagen-ingevuld.xlsx",
                     filled([](auto&, const std::string& rule, auto&) { return rule == "INF-01" ? "nee" : "ja"; }));
    const std::vector<std::string> eval = {"steekproef", "evalueer", "--db", db, "--oordelen", file};
    const Result before = run_captured(eval);
    ASSERT_EQ(before.rc, 1) << before.err;
    EXPECT_NE(before.out.find("Steekproef 1 uit controle 1: 34 van 46 dossiers (zaad 7, strata team, peildatum "
                              "28 november 2024)"),
              std::string::npos)
        << before.out;

    const std::string more = (dir / "meer.csv").string();
    ASSERT_EQ(run_captured({"-q", "genereer", "--dossiers", "60", "--zaad", "11", "--uit", more}).rc, 0);
    ASSERT_EQ(run_captured({"-q", "importeer", more, "--db", db}).rc, 0);
    ASSERT_EQ(run_captured({"-q", "controleer", "--db", db, "--exit-zero"}).rc, 0);
    ASSERT_EQ(run_captured({"-q", "controleer", "--db", db, "--exit-zero", "--peildatum", "2025-12-31"}).rc, 0);
    const Result after = run_captured(eval);
    EXPECT_EQ(after.rc, before.rc) << after.err;
    EXPECT_EQ(after.out, before.out);
    EXPECT_EQ(after.err, "");

    // Refusals, word for word: a sample number that is not there, a file whose check mark is none of them.
    const Result unknown =
        run_captured({"steekproef", "evalueer", "--db", db, "--oordelen", file, "--steekproef", "5"});
    EXPECT_EQ(unknown.rc, 2);
    const std::string mark = d.rows[4][1];
    EXPECT_EQ(unknown.err, "wmotoets: fout: --steekproef 5: die steekproef staat niet in " + db +
                               "; de opgeslagen steekproeven zijn 1 (kenmerk " + mark + ", zaad 7, 34 dossiers)\n");
    Rows other = filled([](auto&, auto&, auto&) { return "ja"; });
    other[4][1] = "0123456789abcdef";
    const std::string other_file = write_filled("ander-kenmerk.xlsx", other);
    const Result foreign = run_captured({"steekproef", "evalueer", "--db", db, "--oordelen", other_file});
    EXPECT_EQ(foreign.rc, 2);
    EXPECT_EQ(foreign.err, "wmotoets: fout: " + other_file +
                               ": het kenmerk 0123456789abcdef boven de tabel hoort bij geen steekproef in " + db +
                               "; de opgeslagen steekproeven zijn 1 (kenmerk " + mark +
                               ", zaad 7, 34 dossiers). Gebruik de database van dezelfde 'steekproef trek', of kies "
                               "er een met --steekproef\n");
    // The list of samples names it, with who drew it.
    const Result list = run_captured({"steekproef", "lijst", "--db", db});
    EXPECT_EQ(list.rc, 0);
    EXPECT_NE(list.out.find("A. Auditor"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find(mark), std::string::npos) << list.out;
    // A missing database is never made by a command that only reads it.
    const std::string missing = (dir / "bestaat-niet.db").string();
    const Result none = run_captured({"steekproef", "evalueer", "--db", missing, "--oordelen", file});
    EXPECT_EQ(none.rc, 2);
    EXPECT_EQ(none.err, "wmotoets: fout: " + missing +
                            ": database bestaat niet; maak hem met 'wmotoets importeer --db " + missing +
                            " LOGBOEK …'\n");
    EXPECT_FALSE(fs::exists(missing));
}

// Acceptance (issue 30): a second draw into a folder that holds a sample is refused and leaves every file
// byte for byte; with --overschrijf the folder holds exactly the new sample's files.
TEST(Verdicts, ASecondDrawNeverOverwritesASampleUnlessAsked) {
    const Drawn& d = drawn();
    const fs::path dir = d.dir / "tweede";
    const std::string db = checked_database(dir);
    ASSERT_FALSE(db.empty());
    const std::string out = (dir / "steekproef").string();
    ASSERT_EQ(run_captured({"-q", "steekproef", "trek", "--db", db, "--omvang", "34", "--zaad", "7", "--uit", out}).rc,
              0);
    std::ofstream(dir / "steekproef" / "notitie.txt") << "eigen aantekening van de auditor\n";  // not a sample file
    const auto before = folder_bytes(out);
    ASSERT_EQ(before.size(), 34u + 5u);
    const Result again =
        run_captured({"steekproef", "trek", "--db", db, "--omvang", "10", "--zaad", "8", "--uit", out});
    EXPECT_EQ(again.rc, 2);
    EXPECT_NE(again.err.find(": hier staat al een steekproef (nummer 1 in audit.db, kenmerk "), std::string::npos)
        << again.err;
    EXPECT_NE(again.err.find("): 38 bestanden; er is niets getrokken of gewijzigd. Trek in een lege map, of geef "
                             "--overschrijf om de bestanden van die steekproef eerst te verwijderen\n"),
              std::string::npos)
        << again.err;
    EXPECT_EQ(folder_bytes(out), before);
    EXPECT_EQ(run_captured({"steekproef", "lijst", "--db", db}).out.find(" 2  "), std::string::npos);  // not stored

    const Result over = run_captured(
        {"-q", "steekproef", "trek", "--db", db, "--omvang", "10", "--zaad", "8", "--uit", out, "--overschrijf"});
    ASSERT_EQ(over.rc, 0) << over.err;
    const auto after = folder_bytes(out);
    std::size_t sheets = 0;
    for (const auto& [name, bytes] : after) sheets += name.starts_with("auditblad-") ? 1 : 0;
    EXPECT_EQ(sheets, 10u);
    EXPECT_EQ(after.size(), 10u + 5u);  // the sheets, auditbladen.html, list, method, oordelen.xlsx, notitie.txt
    EXPECT_EQ(after.at("notitie.txt"), before.at("notitie.txt"));
    EXPECT_NE(after.at("steekproef-methode.txt").find("Steekproef: nummer 2 in audit.db"), std::string::npos);
}

// The working paper (issue 30 point 3): evaluatie.html and evaluatie.xlsx beside each other, naming the
// sample, the verdict file with its SHA-256, the conclusion per class and lines to sign.
TEST(Verdicts, TheWorkingPaperHoldsSampleVerdictsConclusionAndSignOff) {
    const Drawn& d = drawn();
    const std::string file = write_filled(
        "werkdocument.xlsx", filled([](auto&, auto&, const std::string& tool) { return first_word(tool); }));
    const fs::path out = d.dir / "werkdocument";
    fs::remove_all(out);
    const Result r = run_captured({"-q", "steekproef", "evalueer", "--db", d.db, "--oordelen", file, "--uit",
                                   out.string(), "--door", "P. Jansen"});
    ASSERT_NE(r.rc, 2) << r.err;
    const std::string html = test::read_all(out / "evaluatie.html");
    for (const std::string& part :
         {std::string("<h1>Evaluatie van steekproef 1</h1>"), "SHA-256 " + file_sha256(file),
          std::string("kenmerk ") + d.rows[4][1], std::string("<td>overtredingen (de wet)</td>"),
          std::string("<h2>3. Per stratum</h2>"), std::string("<td>Opgesteld door</td><td>P. Jansen</td>"),
          std::string("<td>Beoordeeld door</td>"), std::string("<h2>7. Volledigheid</h2>")})
        EXPECT_NE(html.find(part), std::string::npos) << part;
    const XlsxWorkbook wb((out / "evaluatie.xlsx").string());
    EXPECT_EQ(wb.sheet_names(), (std::vector<std::string>{"Conclusie", "Per stratum", "Per norm", "Per dossier",
                                                          "Anders geoordeeld", "Volledigheid"}));
    std::vector<std::string> first_cells;
    wb.read_sheet("Conclusie", [&](std::size_t, const std::vector<XlsxCell>& cells) {
        first_cells.push_back(row_texts(cells, 10).at(0));
    });
    ASSERT_GE(first_cells.size(), 8u);
    EXPECT_EQ(first_cells[0], "Wmo-toets — evaluatie van steekproef 1 — Conclusie");
    EXPECT_EQ(first_cells[4], "soort");
    EXPECT_EQ(first_cells[5], "overtredingen (de wet)");
}

// Drawing for the audit's question (issue 30 point 4): --regels limits the norms on the sheets and in
// oordelen.xlsx (and the check mark counts them), --per-regel draws from the dossiers a norm applies to.
TEST(Verdicts, ADrawForTheAuditsQuestion) {
    const Drawn& d = drawn();
    const fs::path dir = d.dir / "vraag";
    fs::remove_all(dir);
    const std::string out = (dir / "steekproef").string();
    const Result r = run_captured({"steekproef", "trek", "--db", d.db, "--omvang", "5", "--zaad", "3", "--regels",
                                   "INF,ONA-01", "--per-regel", "ONA-01", "--uit", out});
    ASSERT_EQ(r.rc, 0) << r.err;
    Store store(d.db);
    const RunRecord run = *store.latest_run();
    const auto ona01 = std::size_t(std::find(run.rules.begin(), run.rules.end(), "ONA-01") - run.rules.begin());
    std::size_t applies = 0;
    for (std::size_t i = 0; i < run.case_ids.size(); ++i)
        applies += run.outcome(i, ona01) != Outcome::niet_van_toepassing;
    ASSERT_GT(applies, 5u);
    EXPECT_NE(
        r.out.find(fmt::format("Populatie: {} dossiers uit die controle waarop ONA-01 van toepassing is\n", applies)),
        std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("Normen: INF-01, INF-02, INF-03, INF-04, INF-05, INF-06, INF-07, INF-08, ONA-01\n"),
              std::string::npos)
        << r.out;
    const Rows rows = read_rows(out + "/oordelen.xlsx");
    std::size_t header = 0;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (!rows[i].empty() && rows[i][0] == "Nr") header = i;
    std::set<std::string> rules, dossiers;
    for (std::size_t i = header + 1; i < rows.size(); ++i) {
        rules.insert(rows[i][2]);
        dossiers.insert(rows[i][1]);
    }
    EXPECT_EQ(dossiers.size(), 5u);
    EXPECT_TRUE(rules.count("ONA-01"));  // every sampled dossier has it
    for (const std::string& rule : rules) EXPECT_TRUE(rule.starts_with("INF-") || rule == "ONA-01") << rule;
    // Seed and size are numbers in the sheet (a spreadsheet program sorts and sums them as such).
    const auto files = test::unzip(test::read_all(out + "/oordelen.xlsx"));
    EXPECT_NE(files.at("xl/worksheets/sheet1.xml").find("<c r=\"B2\"><v>3</v></c>"), std::string::npos);
    // Another choice of norms is another sample: another check mark.
    const Result all =
        run_captured({"steekproef", "trek", "--db", d.db, "--omvang", "5", "--zaad", "3", "--per-regel", "ONA-01"});
    ASSERT_EQ(all.rc, 0) << all.err;
    const auto mark = [](const std::string& text) {
        const std::size_t at = text.find("kenmerk ");
        return text.substr(at + 8, 16);
    };
    EXPECT_NE(mark(r.out), mark(all.out));
    // The filled sheet evaluates against those norms only.
    Rows filled_rows = rows;
    for (std::size_t i = header + 1; i < filled_rows.size(); ++i) {
        filled_rows[i].resize(10);
        filled_rows[i][5] = "ja";
        filled_rows[i][7] = "dossier";
        filled_rows[i][8] = "A. Auditor";
        filled_rows[i][9] = "2024-12-02";
    }
    const Result e = evalueer(write_csv("vraag.csv", filled_rows));
    EXPECT_EQ(e.rc, 1) << e.err;  // 5 without deviation is too few for 95 %
    EXPECT_NE(e.out.find(fmt::format("5 van {} dossiers", applies)), std::string::npos) << e.out;
    EXPECT_EQ(e.out.find("\nPRO-01"), std::string::npos) << e.out;
}

// Issue 30 point 5: --strata kwartaal takes the quarter of the melding, as its help says — a vraagverheldering
// on 31 December no longer puts a dossier with a melding in January in the last quarter of the year before.
TEST(Verdicts, StrataByQuarterTakeTheMeldingsQuarter) {
    const fs::path dir = drawn().dir / "kwartaal";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string log = (dir / "kwartaal.csv").string(), db = (dir / "k.db").string();
    std::ofstream(log) << "case_id,timestamp,activity,actor,role,team\n"
                          "K1,2023-12-31T10:00,vraagverheldering,C01,consulent,Team A\n"
                          "K1,2024-01-03T10:00,melding,A01,administratie,Team A\n"
                          "K2,2024-02-01T10:00,melding,A01,administratie,Team A\n"
                          "K3,2023-11-15T10:00,melding,A01,administratie,Team A\n";
    ASSERT_EQ(run_captured({"-q", "importeer", log, "--db", db}).rc, 0);
    ASSERT_EQ(run_captured({"-q", "controleer", "--db", db, "--exit-zero", "--peildatum", "2024-03-01"}).rc, 0);
    const Result r = run_captured({"-q", "steekproef", "trek", "--db", db, "--omvang", "3", "--zaad", "1", "--strata",
                                   "kwartaal", "--datum", "2024-03-02"});
    ASSERT_EQ(r.rc, 0) << r.err;
    EXPECT_NE(r.out.find("Stratum 2023-K4: 1 van 1\nStratum 2024-K1: 2 van 2\n"), std::string::npos) << r.out;
    EXPECT_TRUE(std::regex_search(r.out, std::regex("\n +[0-9]+  K1  2024-K1\n"))) << r.out;
}

}  // namespace
}  // namespace wmotoets
