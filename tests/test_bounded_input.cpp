// Bounded input (issue 14, point 3): small hostile files end in a located error (an Error is exit
// code 2 in main) in linear time and memory, never a crash, a hang or gigabytes. Each attack runs
// in a child process, so that its peak memory is measured on its own (wait4's ru_maxrss).
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>

#include "helpers.hpp"
#include "import/csv_reader.hpp"
#include "import/json_input.hpp"
#include "import/toml_common.hpp"
#include "import/toml_files.hpp"
#include "import/zelftest_files.hpp"
#include "model/calendar.hpp"
#include "model/settings.hpp"

using namespace wmotoets;
using test::error_about;
using test::write_file;

namespace {

constexpr long kPeakLimitMb = 200;
// Peak memory is asserted in the ordinary build: under AddressSanitizer every block is padded and freed
// memory is kept in quarantine (256 MB by default), so the same run measures far more.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kPeakMeasured = false;
#else
constexpr bool kPeakMeasured = true;
#endif
#define EXPECT_PEAK_BELOW(peak, limit) EXPECT_LT(peak, kPeakMeasured ? long(limit) : (1L << 40))

struct ChildResult {
    std::string message;  // the Error's text after the path, or what went wrong instead
    long peak_mb = 0;
};

// Runs `f` in a child process: its Error message (without `path` in front) and peak memory.
ChildResult in_child(const std::string& path, const std::function<void()>& f) {
    std::fflush(nullptr);
    int fds[2];
    if (::pipe(fds) != 0) return {"(geen pijp)", 0};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        const std::string m = error_about(path, f);
        const ssize_t ignored = ::write(fds[1], m.data(), m.size());
        (void)ignored;
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string message;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) message.append(buf, std::size_t(n));
    ::close(fds[0]);
    int status = 0;
    rusage ru{};
    ::wait4(pid, &status, 0, &ru);
    if (WIFSIGNALED(status)) message = "(afgebroken door signaal " + std::to_string(WTERMSIG(status)) + ")";
    return {message, ru.ru_maxrss / 1024};
}

std::string dotted_header(std::size_t parts) {
    std::string s = "[a";
    for (std::size_t i = 1; i < parts; ++i) s += ".a";
    return s + "]\nx = 1\n";
}

const std::string kTooDeepToml = ":1: geen geldige TOML: dieper genest dan 64 niveaus (sleuteldelen en haken)";

}  // namespace

TEST(BoundedInput, TomlWithA100000PartHeaderIsRefusedByEveryReader) {
    const std::string path = write_file("diep.toml", dotted_header(100000));  // 200 KB
    const std::vector<std::pair<const char*, std::function<void()>>> readers =
        {
            {"instellingen",
             [&] {
        Settings s;
        Calendar c;
        read_settings_file(path, s, c);
             }},
            {"mapping", [&] { read_mapping_file(path); }},
            {"regels", [&] { read_local_rules_file(path); }},
            {"zelftest", [&] { read_zelftest_answers(path, shipped_questions()); }},
            {"zelftestvragen", [&] { read_zelftest_questions(test::read_file(path), path); }},
    };
    for (const auto& [what, read] : readers) {
        const ChildResult o = in_child(path, read);
        EXPECT_EQ(o.message, kTooDeepToml) << what;
        EXPECT_PEAK_BELOW(o.peak_mb, kPeakLimitMb) << what;
    }
    // A dotted key, nested arrays and inline tables count alike.
    for (const std::string& text : {std::string(100000, 'k') + std::string(99999, '.') + "\n",
                                    "x = " + std::string(300, '[') + std::string(300, ']') + "\n", "[t]\n" + [] {
                                        std::string s = "x = ";
                                        for (int i = 0; i < 40; ++i) s += "{a.b = ";
                                        return s + "1" + std::string(40, '}') + "\n";
                                    }()}) {
        const std::string p = write_file("diep2.toml", text);
        const std::string m = error_about(p, [&] { read_mapping_file(p); });
        EXPECT_EQ(m.substr(m.find(": ")), kTooDeepToml.substr(kTooDeepToml.find(": "))) << text.substr(0, 40);
    }
}

// What is not nesting: numbers, times and dates with a dot, dots in strings, quoted keys and
// comments, and many sibling tables.
TEST(BoundedInput, TomlDotsThatAreNotNestingAreRead) {
    std::string text = "x = [";
    for (int i = 0; i < 500; ++i) text += "1.5, ";
    text += "2.25]\nt = 1979-05-27T07:32:00.999\ns = \"" + std::string(500, '.') + "\"\nl = '" + std::string(500, '.') +
            "'\nm = \"\"\"\n" + std::string(500, '.') + "\n[[[{{{\n\"\"\"\n\"a.b.c.d.e.f.g\" = 1  # " +
            std::string(500, '.') + "\n";
    for (int i = 0; i < 1000; ++i) text += "[t" + std::to_string(i) + ".a.b]\nv = 1\n";
    const toml::table t = toml_files::parse_text(text, "ondiep.toml");
    EXPECT_EQ(t["x"].as_array()->size(), 501u);
    EXPECT_EQ(t["t999"]["a"]["b"]["v"].value<int>(), 1);
    EXPECT_EQ(t["a.b.c.d.e.f.g"].value<int>(), 1);
    // Up to the limit is fine: 60 parts.
    EXPECT_NO_THROW(toml_files::parse_text(dotted_header(60), "zestig.toml"));
}

TEST(BoundedInput, JsonOf100000NestedBracketsAndAHugeNumber) {
    const std::string path =
        write_file("diep.json", "{\"zaken\": [],\n\"x\": " + std::string(100000, '[') + std::string(100000, ']') + "}");
    ChildResult o = in_child(path, [&] {
        EventLog log;
        Diagnostics diag;
        import_log_file(path, "zgw", ImportOptions{}, log, diag);
    });
    EXPECT_EQ(o.message, ":2: JSON dieper genest dan 64 niveaus; niets uit dit bestand is ingelezen");
    EXPECT_PEAK_BELOW(o.peak_mb, kPeakLimitMb);
    const std::string answers = write_file("antwoorden.json", "{\"gemeente\": \"X\",\n \"datum\": 1e999}");
    o = in_child(answers, [&] { read_zelftest_answers(answers, shipped_questions()); });
    EXPECT_EQ(o.message.substr(0, 42), ":2: geen geldige JSON (getal buiten bereik") << o.message;
}

TEST(BoundedInput, XesNestedDeeplyIsRefusedWithItsLine) {
    const std::string deep = write_file(
        "diep.xes", "<log>\n" + [] {
            std::string s;
            for (int i = 0; i < 100000; ++i) s += "<x>";
            for (int i = 0; i < 100000; ++i) s += "</x>";
            return s;
        }() + "</log>");
    const std::string nested = write_file(
        "lijsten.xes", "<log><trace>\n" + [] {
            std::string s;
            for (int i = 0; i < 20000; ++i) s += "<list key=\"a\"><values>";
            return s;
        }() + "</trace></log>");
    for (const std::string& path : {deep, nested}) {
        const ChildResult o = in_child(path, [&] {
            EventLog log;
            Diagnostics diag;
            import_log_file(path, "xes", ImportOptions{}, log, diag);
        });
        EXPECT_EQ(o.message, ":2: geen geldige XES: dieper genest dan 64 niveaus; niets uit dit bestand is ingelezen")
            << path;
        EXPECT_PEAK_BELOW(o.peak_mb, kPeakLimitMb) << path;
    }
}

// 1 MB of gzip holding one attribute of 1 GB: expat would buffer (and rescan) it without end.
TEST(BoundedInput, XesWithAGigabyteAttributeStopsAtTheTagLimit) {
    const std::string path = (test::temp_dir() / "groot.xes.gz").string();
    gzFile gz = gzopen(path.c_str(), "wb9");
    ASSERT_NE(gz, nullptr);
    gzputs(gz, "<log>\n<trace>\n<string key=\"notitie\" value=\"");
    const std::string chunk(1 << 20, 'A');
    for (int i = 0; i < 1024; ++i) gzwrite(gz, chunk.data(), unsigned(chunk.size()));
    gzputs(gz, "\"/></trace></log>\n");
    gzclose(gz);
    struct stat st {};
    ::stat(path.c_str(), &st);
    EXPECT_LT(st.st_size, 2 << 20);
    const ChildResult o = in_child(path, [&] {
        EventLog log;
        Diagnostics diag;
        import_log_file(path, "xes", ImportOptions{}, log, diag);
    });
    EXPECT_EQ(o.message,
              ":3: geen geldige XES: een element is langer dan 16 MiB (de grens van Wmo-toets); niets uit "
              "dit bestand is ingelezen");
    EXPECT_PEAK_BELOW(o.peak_mb, kPeakLimitMb);
}

TEST(BoundedInput, CsvHeaderOf100000ColumnsIsRefused) {
    std::string header = "case_id,timestamp,activity";
    for (int i = 0; i < 100000; ++i) header += ",k" + std::to_string(i);
    const std::string path = write_file("kolommen.csv", header + "\nD1,2024-01-01,melding\n");
    const ChildResult o = in_child(path, [&] {
        EventLog log;
        Diagnostics diag;
        import_log_file(path, "csv", ImportOptions{}, log, diag);
    });
    EXPECT_EQ(o.message,
              ":1: kopregel: meer dan 2.000 velden in één rij (de grens van Wmo-toets); niets uit dit "
              "bestand is ingelezen");
    EXPECT_PEAK_BELOW(o.peak_mb, kPeakLimitMb);
    // Up to the limit the header is read, and in linear time (the duplicate check was quadratic).
    std::string wide = "case_id,timestamp,activity";
    for (std::size_t i = 3; i < kMaxCsvFields; ++i) wide += ",k" + std::to_string(i);
    EXPECT_EQ(test::load(wide + "\nD1,2024-01-01,melding" + std::string(kMaxCsvFields - 3, ',') + "\n").events.size(),
              1u);
}

// A row over a limit is a bad row (counted, with its line); the rows after it are read.
TEST(BoundedInput, CsvRowsOverTheLimitsAreRejectedWithTheirLine) {
    // Written piece by piece: the parent holds none of its 100 MB when the child is forked (the
    // child's peak would count them).
    const std::string path = (test::temp_dir() / "grens.csv").string();
    {
        std::ofstream out(path, std::ios::binary);
        out << "case_id,timestamp,activity,notitie\nD1,2024-01-01,melding,kort\nD1,2024-01-02,aanvraag,x";
        for (int i = 0; i < 100000; ++i) out << ",x";
        const std::string mb(1 << 20, 'y');
        out << "\nD1,2024-01-03,besluit,";
        for (int i = 0; i < 50; ++i) out << mb;
        out << "\nD1,2024-01-04,besluit,\"";
        for (int i = 0; i < 50; ++i) out << mb;
        out << "\"\nD1,2024-01-05,bezwaar,kort\n";
    }
    const ChildResult o = in_child(path, [&] {
        EventLog log;
        Diagnostics diag;
        import_log_file(path, "csv", ImportOptions{}, log, diag);
        std::string m;
        for (const auto& p : diag.bad_rows) m += std::to_string(p.line) + ": " + p.message + "\n";
        throw Error(path + ": " + std::to_string(log.events.size()) + " gebeurtenissen\n" + m);
    });
    EXPECT_EQ(o.message,
              ": 2 gebeurtenissen\n"
              "3: meer dan 2.000 velden in één rij (de grens van Wmo-toets)\n"
              "4: een veld is langer dan 1 MiB (de grens van Wmo-toets per veld)\n"
              "5: een veld is langer dan 1 MiB (de grens van Wmo-toets per veld)\n");
    EXPECT_PEAK_BELOW(o.peak_mb, kPeakLimitMb);  // the file itself is 100 MB
}

TEST(BoundedInput, OnlyRegularFilesAndNoForeignContentInMessages) {
    const std::string fifo = (test::temp_dir() / "pijp").string();
    ::unlink(fifo.c_str());
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const std::string dir = test::temp_dir().string();
    for (const std::string& path : {fifo, dir, std::string("/dev/zero")}) {
        EventLog log;
        Diagnostics diag;
        const std::string m = error_about(path, [&] { import_log_file(path, "csv", ImportOptions{}, log, diag); });
        EXPECT_TRUE(m == ": is een map, geen bestand" ||
                    m == ": is geen gewoon bestand (maar een apparaat, pijp of socket); geef een bestand")
            << path << m;
        Calendar c;
        EXPECT_EQ(error_about(path, [&] { read_equated_days_file(path, c); }), m);
    }
    // A password file named as a holiday list or a log: its first line is not shown.
    const std::string secret = write_file("passwd", "geheim:x:0:0:root:/root:/bin/bash\n");
    Calendar c;
    EXPECT_EQ(error_about(secret, [&] { read_equated_days_file(secret, c); }),
              ":1: de regel begint niet met een datum (verwacht JJJJ-MM-DD, daarna eventueel een omschrijving)");
    EventLog log;
    Diagnostics diag;
    const std::string m = error_about(secret, [&] { import_log_file(secret, "csv", ImportOptions{}, log, diag); });
    EXPECT_EQ(m.find("geheim"), std::string::npos) << m;
    EXPECT_NE(m.find("één kolom zonder scheidingsteken"), std::string::npos) << m;
    // nlohmann's "last read: '…'" is not passed on.
    const std::string json = write_file("geheim.json", "{\"zaken\": [], \"x\": \"geheim wachtwoord\n\"}");
    const std::string jm = error_about(json, [&] { import_log_file(json, "zgw", ImportOptions{}, log, diag); });
    EXPECT_EQ(jm.find("geheim"), std::string::npos) << jm;
    EXPECT_NE(jm.find(":2: geen geldige JSON (syntaxfout in een waarde - ongeldige tekst: stuurteken"),
              std::string::npos)
        << jm;
    // A mistyped date is still shown, so that it can be found.
    const std::string typo = write_file("feestdagen.txt", "2024-13-01 Koningsdag\n");
    EXPECT_EQ(error_about(typo, [&] { read_equated_days_file(typo, c); }),
              ":1: '2024-13-01' is geen datum (verwacht JJJJ-MM-DD, daarna eventueel een omschrijving)");
}

// ---- The XLSX reader bounded by its input (issue 27 point 2) ----

#include "import/xlsx.hpp"
#include "zip_write.hpp"

namespace {

using test::workbook_parts;
using test::ZipPart;

std::string hostile_workbook(const std::string& name, const std::vector<ZipPart>& parts) {
    const std::string path = (test::temp_dir() / name).string();
    test::write_zip(path, parts);
    return path;
}

std::string repeated(std::string_view piece, std::size_t n) {
    std::string s;
    s.reserve(piece.size() * n);
    for (std::size_t i = 0; i < n; ++i) s += piece;
    return s;
}

// Reads every sheet row of the first sheet; the number of cells seen.
std::size_t read_cells(const std::string& path, std::string_view sheet = {}) {
    const XlsxWorkbook wb(path);
    std::size_t n = 0;
    wb.read_sheet(sheet, [&](std::size_t, const std::vector<XlsxCell>& cells) { n += cells.size(); });
    return n;
}

const std::string kCell = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>";

}  // namespace

TEST(BoundedInput, XlsxSharedStringsAreBoundedByTheirPartAndTheSheets) {
    // Ten million empty strings in 50 KB (the report: 50 million in 366 KB took 2.1 GB).
    const std::string bomb =
        hostile_workbook("gedeeld-bom.xlsx", workbook_parts(repeated("<row><c t=\"s\"><v>1</v></c></row>", 200000),
                                                            "<sst>" + repeated("<si/>", 10000000) + "</sst>"));
    EXPECT_LT(std::filesystem::file_size(bomb), 2u << 20);
    ChildResult o = in_child(bomb, [&] { read_cells(bomb); });
    EXPECT_NE(o.message.find("gedeeld-bom.xlsx:xl/sharedStrings.xml: meer dan "), std::string::npos) << o.message;
    EXPECT_NE(o.message.find(" gedeelde teksten, meer dan de bladen kunnen gebruiken of dan bij de grootte van het "
                             "onderdeel past (de grens van Wmo-toets)"),
              std::string::npos)
        << o.message;
    EXPECT_PEAK_BELOW(o.peak_mb, kPeakLimitMb);
    // A sheet of one cell can refer to one string, not to a thousand.
    const std::string few = hostile_workbook(
        "gedeeld-weinig.xlsx", workbook_parts(kCell, "<sst>" + repeated("<si><t>x</t></si>", 1000) + "</sst>"));
    const std::string refused = error_about(few, [&] { read_cells(few); });
    EXPECT_NE(refused.find(" gedeelde teksten, meer dan de bladen kunnen gebruiken"), std::string::npos) << refused;
    // What a real workbook holds is read.
    const std::string fine = hostile_workbook(
        "gedeeld-goed.xlsx", workbook_parts(repeated(kCell, 20), "<sst><si><t>Dossier</t></si></sst>"));
    EXPECT_EQ(read_cells(fine), 20u);
}

TEST(BoundedInput, XlsxNestedDeeplyIsRefusedInEveryPart) {
    // A million nested elements in a few KB (the report: 30 million in 89 KB took 4.2 GB).
    const std::string nested = repeated("<x>", 1000000) + repeated("</x>", 1000000);
    for (const auto& [name, parts] : std::vector<std::pair<std::string, std::vector<ZipPart>>>{
             {"diep-blad.xlsx", workbook_parts(nested)},
             {"diep-teksten.xlsx", workbook_parts(kCell, "<sst>" + nested + "</sst>")},
             {"diep-stijlen.xlsx", workbook_parts(kCell, "", "<styleSheet>" + nested + "</styleSheet>")}}) {
        const std::string path = hostile_workbook(name, parts);
        const ChildResult o = in_child(path, [&] { read_cells(path); });
        EXPECT_NE(o.message.find("(regel 1): meer dan 64 elementen in elkaar (de grens van Wmo-toets); dit is geen "
                                 "werkmap zoals Excel die schrijft"),
                  std::string::npos)
            << name << ": " << o.message;
        EXPECT_EQ(o.message.rfind(name, 0), 0u) << o.message;  // located: the file and its part
        EXPECT_PEAK_BELOW(o.peak_mb, kPeakLimitMb) << name;
    }
}

TEST(BoundedInput, XlsxStylesSheetsAndSparseRowsTakeLinearTime) {
    // 100,000 number formats and cell formats (quadratic before: 9.5 s); the last one shows a date.
    std::string styles = "<styleSheet><numFmts>";
    for (int i = 0; i < 100000; ++i)
        styles += "<numFmt numFmtId=\"" + std::to_string(200 + i) + "\" formatCode=\"0.0\"/>";
    styles += "<numFmt numFmtId=\"100200\" formatCode=\"dd-mm-yyyy\"/></numFmts><cellXfs>";
    for (int i = 0; i <= 100000; ++i) styles += "<xf numFmtId=\"" + std::to_string(200 + i) + "\"/>";
    styles += "</cellXfs></styleSheet>";
    const std::string dated = hostile_workbook(
        "stijlen.xlsx",
        workbook_parts("<row><c s=\"100000\"><v>45292</v></c><c s=\"99999\"><v>45292</v></c></row>", "", styles));
    std::vector<XlsxCell> got;
    XlsxWorkbook(dated).read_sheet({}, [&](std::size_t, const std::vector<XlsxCell>& cells) { got = cells; });
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].text, "2024-01-01");
    EXPECT_EQ(got[1].text, "45292");
    // 60,000 sheets (58 s before): the last one is found by its name.
    std::string sheets, rels;
    for (int i = 1; i <= 60000; ++i) {
        sheets += "<sheet name=\"B" + std::to_string(i) + "\" sheetId=\"" + std::to_string(i) + "\" r:id=\"rId" +
                  std::to_string(i) + "\"/>";
        rels += "<Relationship Id=\"rId" + std::to_string(i) + "\" Target=\"worksheets/sheet" +
                std::to_string(i == 60000 ? 1 : i + 1) + ".xml\"/>";
    }
    std::vector<ZipPart> many = workbook_parts(kCell, "<sst><si><t>x</t></si></sst>");
    many[1].body = "<workbook xmlns:r=\"r\"><sheets>" + sheets + "</sheets></workbook>";
    many[2].body = "<Relationships>" + rels + "</Relationships>";
    const std::string path = hostile_workbook("bladen.xlsx", many);
    EXPECT_EQ(XlsxWorkbook(path).sheet_names().size(), 60000u);
    EXPECT_EQ(read_cells(path, "B60000"), 1u);
    // 100,000 rows of one cell in column XFD are 100,000 cells, not 1.6 billion.
    const std::string sparse = hostile_workbook(
        "ijl.xlsx", workbook_parts(repeated("<row><c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is></c></row>", 100000)));
    std::size_t rows = 0, last_col = 0;
    XlsxWorkbook(sparse).read_sheet({}, [&](std::size_t, const std::vector<XlsxCell>& cells) {
        ++rows;
        last_col = cells.back().col;
        EXPECT_EQ(cells.size(), 1u);
    });
    EXPECT_EQ(rows, 100000u);
    EXPECT_EQ(last_col, 16383u);
}

TEST(BoundedInput, XlsxArchiveFaultsAreRefusedWithTheirPart) {
    // The relationships, the workbook and the styles are read whole: at most 8 MiB.
    std::vector<ZipPart> big = workbook_parts(kCell, "<sst><si><t>x</t></si></sst>");
    big[1].body.insert(big[1].body.find("<sheets>"), std::string(9 << 20, ' '));
    const std::string huge = hostile_workbook("groot-werkboek.xlsx", big);
    const ChildResult o = in_child(huge, [&] { read_cells(huge); });
    EXPECT_EQ(o.message,
              ": xl/workbook.xml is groter dan 8 MiB uitgepakt (de grens van Wmo-toets voor dit onderdeel; Excel "
              "schrijft het veel kleiner); is dit wel een werkmap?");
    EXPECT_PEAK_BELOW(o.peak_mb, kPeakLimitMb);
    // A CRC-32 that does not match what the part holds.
    std::vector<ZipPart> crc = workbook_parts(kCell, "<sst><si><t>x</t></si></sst>");
    crc[3].wrong_crc = true;
    const std::string bad_crc = hostile_workbook("crc.xlsx", crc);
    EXPECT_EQ(error_about(bad_crc, [&] { read_cells(bad_crc); }),
              ": de werkmap is beschadigd (xl/worksheets/sheet1.xml: de controlesom (CRC-32) klopt niet); open en "
              "bewaar hem opnieuw in Excel");
    // One name twice: which one a program reads differs.
    std::vector<ZipPart> twice = workbook_parts(kCell, "<sst><si><t>x</t></si></sst>");
    twice.push_back(twice[3]);
    const std::string dup = hostile_workbook("dubbel.xlsx", twice);
    EXPECT_EQ(error_about(dup, [&] { read_cells(dup); }),
              ": de werkmap is beschadigd (het onderdeel 'xl/worksheets/sheet1.xml' staat twee keer in het archief); "
              "open en bewaar hem opnieuw in Excel");
}

TEST(BoundedInput, XlsxCellLimitCountsCharactersAndSheetNamesHideBsns) {
    std::string accents;
    for (int i = 0; i < 20000; ++i) accents += "é";  // 40,000 bytes, 20,000 characters: Excel takes it
    const std::string ok = hostile_workbook(
        "tekens.xlsx", workbook_parts("<row><c t=\"inlineStr\"><is><t>" + accents + "</t></is></c></row>",
                                      "<sst><si><t>" + accents + "</t></si></sst>"));
    EXPECT_EQ(read_cells(ok), 1u);
    const std::string too_long = hostile_workbook(
        "te-lang.xlsx",
        workbook_parts("<row><c t=\"inlineStr\"><is><t>" + std::string(32768, 'a') + "</t></is></c></row>"));
    EXPECT_EQ(error_about(too_long, [&] { read_cells(too_long); }),
              ":Blad1!A1: de cel is langer dan 32.767 tekens (de grens van Excel)");
    // A sheet's name goes into messages: a possible BSN in it is replaced, controls shown.
    const std::string named = hostile_workbook(
        "blad-bsn.xlsx", workbook_parts("<row><c><v>x1</v></c></row>", "", "", "Export 123-45-6782\xE2\x80\xAE"));
    const XlsxWorkbook wb(named);
    EXPECT_EQ(wb.sheet_names(), std::vector<std::string>{"Export [BSN?]U+202E"});
    EXPECT_EQ(error_about(named, [&] { read_cells(named, "Export 123-45-6782\xE2\x80\xAE"); }),
              ":Export [BSN?]U+202E!A1: ongeldig getal 'x1'");
}

// ---- Findings that stay linear (issue 27 point 6) ----

#include "workflow/engine.hpp"
#include "workflow/rule.hpp"

// One dossier of 50,000 events: 25,000 ondersteuners and 25,000 beslissers in one team are 625
// million pairs. ONA-03 reports the team once, naming 25 pairs and how many more (one finding per
// pair took 6.9 GB and ended in bad_alloc). Peak memory measured in a child; bench/RESULTS.md has the time.
TEST(BoundedInput, OneDossierOfFiftyThousandEventsGivesOneFindingPerTeam) {
    std::string csv = "case_id,timestamp,activity,actor,role,team\n";
    for (int i = 0; i < 25000; ++i) {
        const std::string n = std::to_string(i);
        csv += "GROOT,2024-03-01,ondersteuner_toegewezen,O" + n + ",ondersteuner,Wijkteam Noord\n";
        csv += "GROOT,2024-03-20,besluit,B" + n + ",beslisser,Wijkteam Noord\n";
    }
    const std::string path = write_file("een-groot-dossier.csv", csv);
    const ChildResult o = in_child(path, [&] {
        EventLog log;
        Diagnostics diag;
        import_log_file(path, "csv", ImportOptions{}, log, diag);
        log.finalize();
        const CheckResult r = run_check(log, all_rules(), Calendar{}, log.latest_date());
        std::size_t ona03 = 0;
        std::string message;
        for (const CaseFinding& f : r.findings)
            if (r.rules[f.rule]->info().id == "ONA-03") {
                ++ona03;
                message = f.message;
            }
        throw Error(std::to_string(ona03) + " | " + message);
    });
    EXPECT_EQ(
        o.message,
        "1 | 625000000 paren van cliëntondersteuner en beslisser werken allebei in team 'Wijkteam Noord': O0 en "
        "B0, O0 en B1, O0 en B2, O0 en B3, O0 en B4, O0 en B5, O0 en B6, O0 en B7, O0 en B8, O0 en B9, O0 en B10, "
        "O0 en B11, O0 en B12, O0 en B13, O0 en B14, O0 en B15, O0 en B16, O0 en B17, O0 en B18, O0 en B19, O0 en "
        "B20, O0 en B21, O0 en B22, O0 en B23, O0 en B24 en 624999975 meer");
    EXPECT_PEAK_BELOW(o.peak_mb, 500);
}

// ---- mapping voorstel bounded (issue 27 point 3) ----

#include "import/mapping_proposal.hpp"

// A small workbook of a thousand columns whose cells all refer to long shared strings: each column's
// distinct values were kept as copies (the report: 7.9 GB from 127 KB). Now only the columns the
// proposal lists values of keep them, and a value longer than a label is counted, not kept.
TEST(BoundedInput, MappingProposalOfAWideWorkbookOfLongStrings) {
    std::string shared = "<sst>";
    for (int i = 0; i < 400; ++i) shared += "<si><t>" + std::to_string(i) + std::string(20000, 'x') + "</t></si>";
    shared += "</sst>";
    std::string sheet = "<row>";
    for (int c = 0; c < 1000; ++c)
        sheet +=
            "<c t=\"inlineStr\"><is><t>" + (c == 0 ? std::string("Status") : "k" + std::to_string(c)) + "</t></is></c>";
    sheet += "</row>";
    for (int r = 0; r < 1000; ++r) {
        sheet += "<row>";
        for (int c = 0; c < 1000; ++c) sheet += "<c t=\"s\"><v>" + std::to_string((r * 7 + c) % 400) + "</v></c>";
        sheet += "</row>";
    }
    const std::string path = hostile_workbook("breed-lang.xlsx", workbook_parts(sheet, shared));
    EXPECT_LT(std::filesystem::file_size(path), 2u << 20);
    const ChildResult o = in_child(path, [&] {
        const std::string text = propose_mapping(path);
        throw Error(text.find("andere waarden") != std::string::npos || text.find("[activiteiten]") != std::string::npos
                        ? "voorstel gemaakt"
                        : text);
    });
    EXPECT_EQ(o.message, "voorstel gemaakt");
    EXPECT_PEAK_BELOW(o.peak_mb, kPeakLimitMb);
}

// A holiday or settings file is a few KB: one of 11 MiB (a sparse file: no disk needed) is refused
// before it is read (issue 27: a multi-GB holiday file was read whole).
TEST(BoundedInput, SettingsAndHolidayFilesOverTenMiBAreRefused) {
    const std::string big = (test::temp_dir() / "feestdagen-groot.txt").string();
    {
        std::ofstream f(big, std::ios::binary | std::ios::trunc);
        f << "2024-12-25 Kerstmis\n";
    }
    std::filesystem::resize_file(big, 11u << 20);
    Calendar c;
    const ChildResult o = in_child(big, [&] { read_equated_days_file(big, c); });
    EXPECT_EQ(o.message,
              ": groter dan 10 MiB (11 MiB); een instellingen-, mapping-, regel-, zelftest- of feestdagenbestand is "
              "veel kleiner (de grens van Wmo-toets). Is dit het goede bestand?");
    EXPECT_PEAK_BELOW(o.peak_mb, kPeakLimitMb);
    Settings s;
    EXPECT_EQ(error_about(big, [&] { read_settings_file(big, s, c); }), o.message);
}
