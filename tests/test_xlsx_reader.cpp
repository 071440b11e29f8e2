// The XLSX reader (import/xlsx.hpp): workbooks written by libxlsxwriter (what Wmo-toets itself
// writes) and hand-made ones (tests/fixtures/xlsx/maak.py: inline strings, rich text, the 1904
// date system, cells without references, namespace prefixes), and the refusals, word for word.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <functional>
#include <map>
#include <optional>

#include "helpers.hpp"
#include "import/csv_reader.hpp"
#include "import/xlsx.hpp"
#include "util/error.hpp"
#include "xlsx_read.hpp"

namespace wmotoets {
namespace {

const std::string kFixtures = std::string(WMOTOETS_SOURCE_DIR) + "/tests/fixtures/xlsx/";

// The sheet as "A1" → (kind, text).
std::map<std::string, std::pair<XlsxCell::Kind, std::string>> read_all(const XlsxWorkbook& wb,
                                                                       std::string_view sheet = {}) {
    std::map<std::string, std::pair<XlsxCell::Kind, std::string>> out;
    wb.read_sheet(sheet, [&](std::size_t row, const std::vector<XlsxCell>& cells) {
        for (const XlsxCell& c : cells)
            if (c.kind != XlsxCell::Kind::empty) out[column_letters(c.col) + std::to_string(row)] = {c.kind, c.text};
    });
    return out;
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(geen fout)";
}

TEST(XlsxReader, ColumnLettersAndSerialDates) {
    EXPECT_EQ(column_letters(0), "A");
    EXPECT_EQ(column_letters(25), "Z");
    EXPECT_EQ(column_letters(26), "AA");
    EXPECT_EQ(column_letters(16383), "XFD");
    EXPECT_EQ(excel_serial_to_iso(1), "1900-01-01");
    EXPECT_EQ(excel_serial_to_iso(59), "1900-02-28");
    EXPECT_EQ(excel_serial_to_iso(60), "");  // 29 February 1900 never was
    EXPECT_EQ(excel_serial_to_iso(61), "1900-03-01");
    EXPECT_EQ(excel_serial_to_iso(45292), "2024-01-01");
    EXPECT_EQ(excel_serial_to_iso(45292.75), "2024-01-01T18:00:00");
    EXPECT_EQ(excel_serial_to_iso(45292.999999999), "2024-01-02");  // rounds to the next midnight
    EXPECT_EQ(excel_serial_to_iso(0, true), "1904-01-01");
    EXPECT_EQ(excel_serial_to_iso(0), "00:00:00");  // a time cell: the time of day alone
    EXPECT_EQ(excel_serial_to_iso(0.4375), "10:30:00");
    EXPECT_EQ(excel_serial_to_iso(-1), "");
    EXPECT_EQ(excel_serial_to_iso(3e6), "");
}

TEST(XlsxReader, ReadsWhatLibxlsxwriterWrites) {
    const std::string path = (test::temp_dir() / "geschreven.xlsx").string();
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* first = workbook_add_worksheet(wb, "Dossiers");
    lxw_worksheet* second = workbook_add_worksheet(wb, "Tweede blad");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd-mm-yyyy");
    lxw_format* stamp = workbook_add_format(wb);
    format_set_num_format(stamp, "d-m-yyyy hh:mm");
    lxw_format* money = workbook_add_format(wb);
    format_set_num_format(money, "€ #,##0.00");
    worksheet_write_string(first, 0, 0, "Dossier", nullptr);
    worksheet_write_string(first, 0, 1, "Datum melding", nullptr);
    worksheet_write_string(first, 0, 3, "Cliëntondersteuner <&>", nullptr);
    worksheet_write_string(first, 1, 0, "D-1", nullptr);
    lxw_datetime d{2024, 3, 1, 0, 0, 0};
    worksheet_write_datetime(first, 1, 1, &d, date);
    lxw_datetime t{2024, 3, 1, 10, 15, 0};
    worksheet_write_datetime(first, 1, 2, &t, stamp);
    worksheet_write_number(first, 1, 3, 1442, money);
    worksheet_write_number(first, 1, 4, 0.5, nullptr);
    worksheet_write_boolean(first, 1, 5, 0, nullptr);
    worksheet_write_string(second, 4, 27, "AB5", nullptr);
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

    const XlsxWorkbook book(path);
    EXPECT_EQ(book.sheet_names(), (std::vector<std::string>{"Dossiers", "Tweede blad"}));
    const auto cells = read_all(book);
    using K = XlsxCell::Kind;
    EXPECT_EQ(cells.at("A1"), std::make_pair(K::text, std::string("Dossier")));
    EXPECT_EQ(cells.at("D1"), std::make_pair(K::text, std::string("Cliëntondersteuner <&>")));
    EXPECT_EQ(cells.count("C1"), 0u);
    EXPECT_EQ(cells.at("B2"), std::make_pair(K::date, std::string("2024-03-01")));
    EXPECT_EQ(cells.at("C2"), std::make_pair(K::date, std::string("2024-03-01T10:15:00")));
    EXPECT_EQ(cells.at("D2"), std::make_pair(K::number, std::string("1442")));  // € format: a number, not a date
    EXPECT_EQ(cells.at("E2"), std::make_pair(K::number, std::string("0.5")));
    EXPECT_EQ(cells.at("F2"), std::make_pair(K::boolean, std::string("nee")));
    EXPECT_EQ(read_all(book, "Tweede blad").at("AB5").second, "AB5");
    EXPECT_EQ(book.location("Dossiers", 12, 0), path + ":Dossiers!A12");
}

TEST(XlsxReader, ReadsTheCornersOfHandMadeWorkbooks) {
    const XlsxWorkbook book(kFixtures + "handgemaakt.xlsx");
    EXPECT_EQ(book.sheet_names(), (std::vector<std::string>{"Toelichting", "Export juni"}));
    using K = XlsxCell::Kind;
    const auto cells = read_all(book, "Export juni");
    EXPECT_EQ(cells.at("B1").second, "Datum melding");         // rich text joined, phonetic guide left out
    EXPECT_EQ(cells.at("D1").second, " Cliëntondersteuner ");  // spaces kept as written
    EXPECT_EQ(cells.at("B3"), std::make_pair(K::date, std::string("2023-06-30")));  // 1904 system, custom format
    EXPECT_EQ(cells.at("C3"), std::make_pair(K::number, std::string("7")));         // "dag "0: quoted d is text
    EXPECT_EQ(cells.at("D3").second, "Jan de Vries");
    EXPECT_EQ(cells.at("A4").second, "W-002");  // a row and cells without references follow the previous ones
    EXPECT_EQ(cells.at("B4"), std::make_pair(K::date, std::string("2023-06-30T12:00:00")));
    EXPECT_EQ(cells.at("C4"), std::make_pair(K::boolean, std::string("ja")));
    EXPECT_EQ(cells.at("D4"), std::make_pair(K::error, std::string("#N/A")));
    EXPECT_EQ(cells.at("E4"), std::make_pair(K::text, std::string("2")));
    EXPECT_EQ(cells.at("F4"), std::make_pair(K::number, std::string("-0.25")));
    EXPECT_EQ(cells.at("B6"), std::make_pair(K::text, std::string("30-06-2023")));  // a date typed as text stays text
    EXPECT_EQ(read_all(book).at("C2").second, "Export uit het zaaksysteem & bewerkt");  // the first sheet by default
}

TEST(XlsxReader, RefusesWhatIsNoWorkbookInDutch) {
    const std::string f = kFixtures;
    EXPECT_EQ(error_of([&] { XlsxWorkbook wb(f + "geen-zip.xlsx"); }),
              f + "geen-zip.xlsx: geen Excel-werkmap (.xlsx): het bestand is geen zip-archief");
    EXPECT_EQ(error_of([&] { XlsxWorkbook wb(f + "versleuteld.xlsx"); }),
              f + "versleuteld.xlsx: dit is een versleutelde werkmap (met wachtwoord) of een oud Excel-bestand (.xls); "
                  "open het in Excel en sla het op als .xlsx zonder wachtwoord");
    EXPECT_EQ(
        error_of([&] { XlsxWorkbook wb(f + "afgekapt.xlsx"); }),
        f + "afgekapt.xlsx: de werkmap is beschadigd (geen inhoudsopgave van het zip-archief); open en bewaar hem "
            "opnieuw in Excel");
    EXPECT_EQ(error_of([&] { XlsxWorkbook wb(f + "bestaat-niet.xlsx"); }),
              f + "bestaat-niet.xlsx: bestand bestaat niet of is niet leesbaar");
    const XlsxWorkbook book(f + "handgemaakt.xlsx");
    EXPECT_EQ(error_of([&] { book.read_sheet("Blad1", [](std::size_t, const std::vector<XlsxCell>&) {}); }),
              f + "handgemaakt.xlsx: geen blad 'Blad1' in deze werkmap; de bladen zijn: 'Toelichting', 'Export juni'");
    // A zip that is not a workbook (a .docx, a zipped CSV).
    const std::string zip = (test::temp_dir() / "geen-werkboek.xlsx").string();
    {
        lxw_workbook* wb = workbook_new(zip.c_str());
        workbook_add_worksheet(wb, nullptr);
        ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
        std::string bytes = test::read_all(zip);
        for (std::size_t p = bytes.find("xl/workbook.xml"); p != std::string::npos;
             p = bytes.find("xl/workbook.xml", p))
            bytes.replace(p, 15, "xl/werkboek.xml");
        std::ofstream(zip, std::ios::binary) << bytes;
    }
    EXPECT_EQ(error_of([&] { XlsxWorkbook wb(zip); }),
              zip + ": geen Excel-werkmap (.xlsx): het zip-archief heeft geen werkboek (xl/workbook.xml)");
}

}  // namespace
}  // namespace wmotoets

// ---- Excel workbooks as input (issue 18 point 2): the same mapping and checks as CSV ----

namespace wmotoets {
namespace {

// The rows of a CSV file, as the project's own reader gives them.
std::vector<std::vector<std::string>> csv_rows(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    CsvReader reader(in, false);
    std::vector<std::string_view> fields;
    std::uint64_t line = 0;
    std::vector<std::vector<std::string>> rows;
    while (reader.next(fields, line)) rows.emplace_back(fields.begin(), fields.end());
    return rows;
}

// A cell the test writes as an Excel date or time: the value and its number format.
struct TypedCell {
    lxw_datetime when;
    const char* format;
};
using CellTyping = std::function<std::optional<TypedCell>(std::size_t row, std::size_t col, const std::string& value)>;

// The rows written to sheet `sheet` of the workbook `name`: text, except the cells `typing` makes dates.
std::string write_workbook(const std::vector<std::vector<std::string>>& rows, const std::string& name,
                           const char* sheet, const CellTyping& typing) {
    const std::string path = (test::temp_dir() / name).string();
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet);
    std::map<std::string, lxw_format*> formats;
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const std::string& v = rows[r][c];
            if (v.empty()) continue;
            if (const auto typed = typing(r, c, v)) {
                lxw_format*& f = formats[typed->format];
                if (!f) {
                    f = workbook_add_format(wb);
                    format_set_num_format(f, typed->format);
                }
                lxw_datetime when = typed->when;
                worksheet_write_datetime(ws, lxw_row_t(r), lxw_col_t(c), &when, f);
            } else {
                worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), v.c_str(), nullptr);
            }
        }
    EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
    return path;
}

// The rows written to a workbook, the timestamp column as real dates (serial numbers with a date
// format) or as text.
std::string workbook_of(const std::vector<std::vector<std::string>>& rows, const std::string& name, bool serial_dates) {
    return write_workbook(rows, name, "Logboek", [serial_dates](std::size_t r, std::size_t c, const std::string& v) {
        // A time with a zone ("…Z", "…+01:00") stays text: an Excel date has no zone.
        const bool zoned = v.size() > 16 && v.find_first_of("Z+", 16) != std::string::npos;
        if (!serial_dates || r == 0 || c != 1 || zoned) return std::optional<TypedCell>();
        return std::optional<TypedCell>(
            {{std::stoi(v.substr(0, 4)), std::stoi(v.substr(5, 2)), std::stoi(v.substr(8, 2)),
              v.size() >= 16 ? std::stoi(v.substr(11, 2)) : 0, v.size() >= 16 ? std::stoi(v.substr(14, 2)) : 0, 0},
             "dd-mm-yyyy hh:mm"});
    });
}

struct CliRun {
    int rc;
    std::string out, err;
};
CliRun controleer(std::vector<std::string> args) {
    args.insert(args.begin(), "controleer");
    testing::internal::CaptureStdout();
    testing::internal::CaptureStderr();
    const int rc = test::cli(args);
    CliRun r{rc, testing::internal::GetCapturedStdout(), testing::internal::GetCapturedStderr()};
    return r;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
        s.replace(p, from.size(), to);
    return s;
}

TEST(XlsxInput, ASheetGivesExactlyTheFindingsAndFiguresOfTheSameCsv) {
    const std::string csv = std::string(WMOTOETS_SOURCE_DIR) + "/data/voorbeeld/dossiers.csv";
    const auto rows = csv_rows(csv);
    ASSERT_GT(rows.size(), 200u);
    const CliRun expected = controleer({csv, "--exit-zero"});
    ASSERT_EQ(expected.rc, 0) << expected.err;
    for (const bool serial : {true, false}) {
        const std::string xlsx = workbook_of(rows, serial ? "serieel.xlsx" : "tekst.xlsx", serial);
        const CliRun got = controleer({xlsx, "--exit-zero"});
        ASSERT_EQ(got.rc, 0) << got.err;
        // Every finding cites the same row: a CSV line is the sheet's row of the same number.
        EXPECT_EQ(replaced(got.out, xlsx, csv), expected.out)
            << (serial ? "datums als Excel-datum" : "datums als tekst");
    }
}

TEST(XlsxInput, LocatesEveryProblemInItsSheetAndRefusesBadWorkbooksInDutch) {
    const std::string f = kFixtures;
    std::vector<std::vector<std::string>> rows = {{"case_id", "timestamp", "activity", "actor"},
                                                  {"D1", "2024-03-01", "melding", "A1"},
                                                  {"D1", "morgen", "gesprek", "C1"},
                                                  {},
                                                  {"D1", "2024-03-05", "keukentafel", "C1"},
                                                  {"D1", "2024-03-06", "gesprek", "C1", "", "extra"}};
    const std::string xlsx = workbook_of(rows, "fouten.xlsx", false);
    const CliRun r = controleer({xlsx, "--exit-zero"});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_NE(r.err.find(xlsx + ":Logboek!A3: onleesbare datum/tijd 'morgen'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("'keukentafel'  (eerst op " + xlsx + ":Logboek!A5)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(xlsx + ":Logboek!A6: rij heeft gevulde cellen tot kolom F, de kopregel loopt tot kolom D"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find(xlsx + ": 4 rijen gelezen, 1 gebruikt, 3 afgekeurd"), std::string::npos) << r.err;

    const auto refused = [](const CliRun& x, const std::string& message) {
        EXPECT_EQ(x.rc, 2);
        EXPECT_EQ(x.err, "wmotoets: fout: " + message + "\n");
    };
    refused(controleer({f + "geen-zip.xlsx"}),
            f + "geen-zip.xlsx: geen Excel-werkmap (.xlsx): het bestand is geen zip-archief");
    refused(
        controleer({f + "versleuteld.xlsx"}),
        f + "versleuteld.xlsx: dit is een versleutelde werkmap (met wachtwoord) of een oud Excel-bestand (.xls); open "
            "het in Excel en sla het op als .xlsx zonder wachtwoord");
    refused(controleer({xlsx, "--blad", "Blad1"}),
            xlsx + ": geen blad 'Blad1' in deze werkmap; de bladen zijn: 'Logboek'");
    refused(controleer({f + "handgemaakt.xlsx", "--blad", "Toelichting"}),
            f + "handgemaakt.xlsx:Toelichting!A2: verplichte kolom(men) ontbreken: case_id timestamp activity "
                "(gevonden: export "
                "uit het zaaksysteem & bewerkt; andere kolomnamen? Gebruik --mapping)");
}

}  // namespace
}  // namespace wmotoets

// ---- Wide exports (issue 18 point 1): one row per melding, a date column per step ----

#include <nlohmann/json.hpp>

#include "import/import_file.hpp"
#include "import/toml_files.hpp"

namespace wmotoets {
namespace {

const std::string kSource = std::string(WMOTOETS_SOURCE_DIR) + "/";

// Every event of every dossier, in order, as text: what the checks see.
std::vector<std::string> events_of(const std::string& path, const std::string& mapping_file) {
    std::optional<Mapping> mapping;
    ImportOptions options;
    if (!mapping_file.empty()) {
        mapping = read_mapping_file(mapping_file);
        options.mapping = &*mapping;
    }
    EventLog log;
    Diagnostics diag;
    import_log_file(path, "auto", options, log, diag);
    EXPECT_TRUE(diag.bad_rows.empty()) << path << ": " << (diag.bad_rows.empty() ? "" : diag.bad_rows[0].message);
    log.finalize();
    std::vector<std::string> out;
    for (const Dossier& c : log.dossiers)
        for (const std::uint32_t i : log.events_of(c)) {
            const Event& e = log.events[i];
            const Who& w = log.who(e);
            std::string line = std::string(log.str(c.id)) + " " + e.date.iso() + " " + std::to_string(e.ms) + " " +
                               std::string(activity_name(e.activity)) + " " + std::string(log.str(w.actor)) + "/" +
                               std::string(log.str(w.role)) + "/" + std::string(log.str(w.team));
            for (const char* a : {"aan", "gratis", "onafhankelijk", "voorziening", "uitkomst"}) {
                line += ' ';
                line += log.attr(e, std::string_view(a));
            }
            out.push_back(line);
        }
    return out;
}

// The findings (without the rows that prove them: a wide row is not a long line) and figures.
nlohmann::json judged(const std::vector<std::string>& args) {
    const std::string out = (test::temp_dir() / "breed-oordeel.json").string();
    std::vector<std::string> all = {"-q", "controleer", "--format", "json", "--exit-zero", "--uit", out};
    all.insert(all.end(), args.begin(), args.end());
    EXPECT_EQ(test::cli(all), 0);
    nlohmann::json j = nlohmann::json::parse(test::read_all(out));
    for (auto& f : j["findings"]) f.erase("events");
    return nlohmann::json{{"cases", j["cases"]}, {"findings", j["findings"]}, {"figures", j["figures"]}};
}

TEST(WideExport, CsvAndXlsxGiveExactlyTheEventsFindingsAndFiguresOfTheLongLog) {
    const std::string wide = kSource + "data/voorbeeld/breed-export.csv",
                      mapping = kSource + "data/mapping/breed-export.toml",
                      lang = kSource + "tests/fixtures/breed/lang.csv";
    // The wide export as a workbook: dates as Excel dates, the time column as Excel times.
    const auto rows = csv_rows(wide);
    const std::string xlsx =
        write_workbook(rows, "breed-export.xlsx", "Export", [](std::size_t r, std::size_t, const std::string& v) {
            if (r > 0 && v.size() == 10 && v[2] == '-' && v[5] == '-')  // DD-MM-YYYY
                return std::optional<TypedCell>(
                    {{std::stoi(v.substr(6, 4)), std::stoi(v.substr(3, 2)), std::stoi(v.substr(0, 2)), 0, 0, 0},
                     "dd-mm-yyyy"});
            if (r > 0 && v.size() == 5 && v[2] == ':')  // HH:MM
                return std::optional<TypedCell>(
                    {{0, 0, 0, std::stoi(v.substr(0, 2)), std::stoi(v.substr(3, 2)), 0}, "hh:mm"});
            return std::optional<TypedCell>();
        });
    const auto expected = events_of(lang, "");
    ASSERT_EQ(expected.size(), 39u);
    EXPECT_EQ(events_of(wide, mapping), expected);
    EXPECT_EQ(events_of(xlsx, mapping), expected);
    const nlohmann::json figures = judged({lang});
    EXPECT_EQ(judged({wide, "--mapping", mapping}), figures);
    EXPECT_EQ(judged({xlsx, "--mapping", mapping}), figures);
    // The second row of W-1003 is its second melding: a second cycle.
    bool second_cycle = false;
    for (const auto& f : figures["findings"])
        second_cycle = second_cycle || (f["case_id"] == "W-1003" && f["cycle"] == 2);
    EXPECT_TRUE(second_cycle);
}

TEST(WideExport, MappingMistakesNameTheirLine) {
    const auto refused = [](const std::string& toml) {
        const std::string path = test::write_file("breed-fout.toml", toml);
        try {
            const Mapping m = read_mapping_file(path);
            ImportOptions options;
            options.mapping = &m;
            EventLog log;
            Diagnostics diag;
            import_log_file(kSource + "data/voorbeeld/breed-export.csv", "auto", options, log, diag);
        } catch (const Error& e) {
            return std::string(e.what()).substr(path.size());
        }
        return std::string("(geen fout)");
    };
    EXPECT_EQ(refused("[breed]\n\"Datum melding\" = \"melding\"\n"),
              ":1: een brede export ([breed]) heeft in [kolommen] case_id nodig (de kolom met het dossiernummer)");
    EXPECT_EQ(
        refused("[kolommen]\ncase_id = \"Dossiernummer\"\ntimestamp = \"Datum melding\"\n[breed]\n\"Datum melding\" = "
                "\"melding\"\n"),
        ":3: timestamp hoort niet in [kolommen] van een brede export: de datums en activiteiten staan in [breed]");
    EXPECT_EQ(
        refused("[kolommen]\ncase_id = \"Dossiernummer\"\n[breed]\n\"Datum melding\" = \"melden\"\n").substr(0, 41),
        ":4: 'melden' is geen canonieke activiteit");
    const std::string absent = ":4: kolom 'Datum intake' (datum van gesprek) staat niet in " + kSource +
                               "data/voorbeeld/breed-export.csv (gevonden: dossiernummer, team, datum melding, ";
    EXPECT_EQ(refused("[kolommen]\ncase_id = \"Dossiernummer\"\n[breed]\n\"Datum intake\" = \"gesprek\"\n")
                  .substr(0, absent.size()),
              absent);
}

}  // namespace
}  // namespace wmotoets
