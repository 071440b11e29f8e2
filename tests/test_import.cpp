// The canonical CSV import of docs/spec/event-log.md: dialects, encodings, timestamps, order, bad input, privacy.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "import/csv_reader.hpp"
#include "import/timestamp.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include "util/error.hpp"

using namespace wmotoets;
using wmotoets::test::load;
using wmotoets::test::write_file;

namespace {
Date d(const char* iso) { return *parse_iso_date(iso); }
std::vector<std::string> activities(const EventLog& log, std::size_t dossier = 0) {
    std::vector<std::string> out;
    for (auto i : log.events_of(log.dossiers[dossier])) out.emplace_back(log.label(log.events[i]));
    return out;
}
}  // namespace

TEST(Timestamp, AcceptedForms) {
    auto t = parse_timestamp("2024-03-28");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->date, d("2024-03-28"));
    EXPECT_EQ(t->ms, -1);
    t = parse_timestamp("2024-03-28T10:15");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->ms, (10 * 60 + 15) * 60000);
    t = parse_timestamp("2024-03-28 10:15:30.250");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->ms, ((10 * 60 + 15) * 60 + 30) * 1000 + 250);
    t = parse_timestamp("28-03-2024");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->date, d("2024-03-28"));
    t = parse_timestamp("8-3-2024 9:05");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->date, d("2024-03-08"));
    EXPECT_EQ(t->ms, (9 * 60 + 5) * 60000);
    t = parse_timestamp("28-03-2024 10:15:30");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->ms, ((10 * 60 + 15) * 60 + 30) * 1000);
}

TEST(Timestamp, OffsetsConvertToAmsterdam) {
    // Winter (CET, +1): 23:30Z is 00:30 on the next Dutch date.
    auto t = parse_timestamp("2024-03-05T23:30:00Z");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->date, d("2024-03-06"));
    EXPECT_EQ(t->ms, 30 * 60000);
    // Summer (CEST, +2).
    t = parse_timestamp("2024-07-01T22:30:00+00:00");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->date, d("2024-07-02"));
    EXPECT_EQ(t->ms, 30 * 60000);
    // Already Dutch time: unchanged.
    t = parse_timestamp("2024-07-01T23:30:00+02:00");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->date, d("2024-07-01"));
    // A US offset moves the date forward.
    t = parse_timestamp("2024-01-10T20:00-05:00");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->date, d("2024-01-11"));
    EXPECT_EQ(t->ms, 2 * 3600000);
    // DST switch: 2024-03-31 01:00 UTC. 00:59Z is 01:59 CET, 01:00Z is 03:00 CEST.
    EXPECT_EQ(parse_timestamp("2024-03-31T00:59:00Z")->ms, (1 * 60 + 59) * 60000);
    EXPECT_EQ(parse_timestamp("2024-03-31T01:00:00Z")->ms, 3 * 3600000);
    EXPECT_EQ(amsterdam_offset_minutes(1727740800), 120);  // 2024-10-01
    EXPECT_EQ(amsterdam_offset_minutes(1733011200), 60);   // 2024-12-01
}

TEST(Timestamp, Rejected) {
    for (const char* s : {"2024-02-30", "2024-13-01", "30-02-2024", "2024-03-28T25:00", "2024-03-28T10:60", "gisteren",
                          "", "2024/03/28", "2024-03-28T10:15+1", "28-03-2024T10:15", "2024-3-28"})
        EXPECT_FALSE(parse_timestamp(s)) << s;
}

// Day numbers are remembered per date text: every day of four years read twice, in two orders,
// gives the day number computed directly, and a bad date next to good ones stays bad.
TEST(Timestamp, RememberedDaysAreTheComputedDays) {
    const Date first = Date::from_ymd(2023, 1, 1);
    for (int pass = 0; pass < 2; ++pass)
        for (int i = 0; i < 4 * 366; ++i) {
            const Date d = first + (pass == 0 ? i : 4 * 366 - 1 - i);
            const auto ts = parse_timestamp(d.iso() + "T10:15:00");
            ASSERT_TRUE(ts) << d.iso();
            ASSERT_EQ(ts->date, d) << d.iso();
            ASSERT_EQ(parse_timestamp(d.iso())->date, d) << d.iso();
        }
    EXPECT_FALSE(parse_timestamp("2023-02-29"));
    EXPECT_TRUE(parse_timestamp("2024-02-29"));
    EXPECT_FALSE(parse_timestamp("2023-02-29T10:15"));
}

TEST(CsvImport, CommaDialectWithAttributes) {
    Diagnostics diag;
    const EventLog log = load(
        "case_id,timestamp,activity,actor,role,team,organisatie,Aan,gratis,bedrag\n"
        "D1,2024-03-01,melding,A1,administratie,Noord,Gemeente,,,\n"
        "D1,2024-03-02,Informatie Cliëntondersteuning,C1,Consulent,Noord,Gemeente,beide,ja,\n"
        "D1,2024-03-09,eigen_bijdrage,A1,,,,,,\"€ 12,50\"\n",
        &diag);
    ASSERT_EQ(log.events.size(), 3u);
    ASSERT_EQ(log.inputs.size(), 1u);
    EXPECT_EQ(log.inputs[0].rows, 3u);
    EXPECT_EQ(log.inputs[0].used, 3u);
    EXPECT_EQ(log.inputs[0].sha256.size(), 64u);
    EXPECT_TRUE(diag.bad_rows.empty());
    const Event& notice = log.events[1];
    EXPECT_EQ(notice.activity, Activity::informatie_clientondersteuning);
    EXPECT_EQ(log.str(log.who(notice).role), "consulent");
    EXPECT_EQ(log.attr(notice, "aan"), "beide");  // column names lower-cased
    EXPECT_EQ(log.attr(notice, "gratis"), "ja");
    EXPECT_EQ(log.attr(log.events[0], "aan"), "");  // empty cell = absent
    EXPECT_EQ(log.attr(log.events[2], "bedrag"), "€ 12,50");
    EXPECT_EQ(notice.line, 3u);
}

TEST(CsvImport, SemicolonTabBomCrlfAndQuotedLineBreaks) {
    const EventLog semi = load(
        "\xEF\xBB\xBF case_id ;Timestamp;ACTIVITY;toelichting\r\n"
        "D1;28-03-2024;melding;\"regel een\r\nregel twee; met scheidingsteken\"\r\n"
        "D1;29-03-2024 10:00;ontvangstbevestiging;\"een \"\"citaat\"\"\"\r\n");
    ASSERT_EQ(semi.events.size(), 2u);
    EXPECT_EQ(semi.attr(semi.events[0], "toelichting"), "regel een\r\nregel twee; met scheidingsteken");
    EXPECT_EQ(semi.attr(semi.events[1], "toelichting"), "een \"citaat\"");
    EXPECT_EQ(semi.events[1].line, 4u);  // the quoted line break counts as a physical line
    const EventLog tab = load("case_id\ttimestamp\tactivity\nD1\t2024-03-28\tmelding\nD2\t2024-03-29\tmelding\n");
    EXPECT_EQ(tab.events.size(), 2u);
    EXPECT_EQ(tab.dossiers.size(), 2u);
}

TEST(CsvImport, Windows1252FallbackWarnsOnce) {
    Diagnostics diag;
    const EventLog log =
        load("case_id;timestamp;activity;toelichting\nD1;2024-03-28;Cli\xEBntondersteuning gevraagd;caf\xE9\n", &diag,
             {}, "excel.csv");
    ASSERT_EQ(log.events.size(), 1u);
    EXPECT_EQ(log.events[0].activity, Activity::clientondersteuning_gevraagd);
    EXPECT_EQ(log.attr(log.events[0], "toelichting"), "caf\xC3\xA9");
    EXPECT_TRUE(log.inputs[0].windows1252);
    ASSERT_EQ(diag.warnings.size(), 1u);
    EXPECT_NE(diag.warnings[0].message.find("Windows-1252"), std::string::npos);
    EXPECT_NE(diag.warnings[0].where().find("excel.csv"), std::string::npos);
}

TEST(CsvImport, OrderWithinACase) {
    // All timed on a date: by time (ties keep input order). Any date-only on a date: input order.
    const EventLog log = load(
        "case_id,timestamp,activity\n"
        "D1,2024-03-10T14:00,gesprek\n"
        "D1,2024-03-01T09:00,melding\n"
        "D1,2024-03-10T10:00,informatie_clientondersteuning\n"
        "D2,2024-03-10,gesprek\n"
        "D2,2024-03-10T08:00,informatie_clientondersteuning\n"
        "D2,2024-03-01,melding\n"
        "D1,2024-03-12T09:00,verslag\n"
        "D1,2024-03-12T09:00,verslag_reactie\n");
    ASSERT_EQ(log.dossiers.size(), 2u);
    EXPECT_EQ(activities(log, 0), (std::vector<std::string>{"melding", "informatie_clientondersteuning", "gesprek",
                                                            "verslag", "verslag_reactie"}));
    EXPECT_EQ(activities(log, 1), (std::vector<std::string>{"melding", "gesprek", "informatie_clientondersteuning"}));
}

TEST(CsvImport, CasesSortedAsText) {
    const EventLog log =
        load("case_id,timestamp,activity\nb,2024-01-01,melding\nA10,2024-01-01,melding\nA9,2024-01-01,melding\n");
    ASSERT_EQ(log.dossiers.size(), 3u);
    EXPECT_EQ(log.str(log.dossiers[0].id), "A10");
    EXPECT_EQ(log.str(log.dossiers[1].id), "A9");
    EXPECT_EQ(log.str(log.dossiers[2].id), "b");
}

TEST(CsvImport, BadRowsAreReportedCountedAndLeftOut) {
    Diagnostics diag;
    const EventLog log = load(
        "case_id,timestamp,activity,actor\n"
        "D1,2024-03-01,melding,A1\n"
        "D1,2024-02-30,gesprek,C1\n"      // line 3: impossible date
        "D1,2024-03-05,keukentafel,C1\n"  // line 4: unknown activity
        "D1,2024-03-06,gesprek\n"         // line 5: ragged
        ",2024-03-06,gesprek,C1\n"        // line 6: no case_id
        "D1,,gesprek,C1\n"                // line 7: no timestamp
        "D1,2024-03-07,gesprek,C1\n",
        &diag, {}, "fouten.csv");
    EXPECT_EQ(log.events.size(), 2u);
    EXPECT_EQ(log.inputs[0].rows, 7u);
    EXPECT_EQ(log.inputs[0].used, 2u);
    EXPECT_EQ(log.inputs[0].rejected, 5u);
    // An unknown activity is not a line of its own but counted per label, with its first line.
    ASSERT_EQ(diag.bad_rows.size(), 4u);
    EXPECT_EQ(diag.bad_rows[0].line, 3u);
    EXPECT_NE(diag.bad_rows[0].message.find("onleesbare datum"), std::string::npos);
    EXPECT_NE(diag.bad_rows[0].where().find("fouten.csv:3"), std::string::npos);
    ASSERT_EQ(diag.unknown.size(), 1u);
    const UnknownActivities& u = diag.unknown.begin()->second;
    EXPECT_EQ(u.rows, 1u);
    EXPECT_EQ(u.labels.at("keukentafel").count, 1u);
    EXPECT_EQ(u.labels.at("keukentafel").first_line, 4u);
    EXPECT_EQ(diag.bad_rows[1].line, 5u);
    EXPECT_NE(diag.bad_rows[1].message.find("3 velden"), std::string::npos);
    EXPECT_NE(diag.bad_rows[2].message.find("case_id"), std::string::npos);
    EXPECT_NE(diag.bad_rows[3].message.find("timestamp"), std::string::npos);
}

TEST(CsvImport, KeepUnknownActivities) {
    ImportOptions opts;
    opts.keep_unknown = true;
    const EventLog log =
        load("case_id,timestamp,activity\nD1,2024-03-01,melding\nD1,2024-03-05,Keukentafel plannen\n", nullptr, opts);
    ASSERT_EQ(log.events.size(), 2u);
    EXPECT_EQ(log.events[1].activity, Activity::onbekend);
    EXPECT_EQ(log.label(log.events[1]), "Keukentafel plannen");
}

TEST(CsvImport, StrictMakesTheFirstBadRowFatalAndKeepsNothing) {
    EventLog log;
    Diagnostics diag;
    import_canonical_csv(write_file("goed.csv", "case_id,timestamp,activity\nD0,2024-03-01,melding\n"), {}, log, diag);
    ImportOptions strict;
    strict.strict = true;
    const std::string bad =
        write_file("streng.csv", "case_id,timestamp,activity\nD1,2024-03-01,melding\nD1,2024-99-01,gesprek\n");
    try {
        import_canonical_csv(bad, strict, log, diag);
        FAIL() << "expected an Error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("streng.csv:3"), std::string::npos) << e.what();
    }
    EXPECT_EQ(log.events.size(), 1u);  // what was already there stays, nothing of the bad file
    EXPECT_EQ(log.inputs.size(), 1u);
    EXPECT_EQ(log.dossier_count(), 1u);
    // The same when the file turns out to be Windows-1252 and is read a second time.
    const std::string bad1252 = write_file(
        "streng1252.csv", "case_id,timestamp,activity,notitie\nD2,2024-03-01,melding,caf\xE9\nD2,gisteren,gesprek,\n");
    EXPECT_THROW(import_canonical_csv(bad1252, strict, log, diag), Error);
    EXPECT_EQ(log.events.size(), 1u);
    EXPECT_EQ(log.inputs.size(), 1u);
    EXPECT_EQ(log.dossier_count(), 1u);
    EXPECT_TRUE(diag.warnings.empty()) << "the Windows-1252 warning of a refused file is rolled back too";
}

TEST(CsvImport, FatalFileProblemsNameTheFile) {
    EventLog log;
    Diagnostics diag;
    auto message = [&](const std::string& path) -> std::string {
        try {
            import_canonical_csv(path, {}, log, diag);
        } catch (const Error& e) {
            return e.what();
        }
        return "";
    };
    EXPECT_NE(message("/nonexistent/dossiers.csv").find("/nonexistent/dossiers.csv: bestand bestaat niet"),
              std::string::npos);
    const std::string missing = message(write_file("kolom.csv", "case_id;datum;activity\nD1;2024-01-01;melding\n"));
    EXPECT_NE(missing.find("kolom.csv:1: verplichte kolom(men) ontbreken: timestamp"), std::string::npos) << missing;
    const std::string binary = message(write_file("binair.csv", std::string("PK\x03\x04\0\0\x01", 7)));
    EXPECT_NE(binary.find("binair.csv:1: dit is geen tekstbestand"), std::string::npos) << binary;
    const std::string empty = message(write_file("leeg.csv", ""));
    EXPECT_NE(empty.find("leeg.csv: het bestand is leeg"), std::string::npos) << empty;
    const std::string dup = message(write_file("dubbel.csv", "case_id,timestamp,activity,Case_ID\n"));
    EXPECT_NE(dup.find("twee keer"), std::string::npos) << dup;
    EXPECT_TRUE(log.events.empty());
}

TEST(CsvImport, PrivacyBsnColumnRefusesTheFile) {
    EventLog log;
    Diagnostics diag;
    const std::string path = write_file(
        "bsn.csv", "case_id,timestamp,activity,BSN\nD1,2024-01-01,melding,\nD1,2024-01-02,gesprek,111222333\n");
    try {
        import_canonical_csv(path, {}, log, diag);
        FAIL() << "expected a privacy refusal";
    } catch (const Error& e) {
        const std::string m = e.what();
        EXPECT_EQ(m, path +
                         ":3: kolom 'bsn' bevat een mogelijk BSN (*******33); het bestand is geweigerd. Lever een "
                         "geanonimiseerd bestand aan.");
        EXPECT_EQ(m.find("111222333"), std::string::npos) << "the number itself must never be echoed";
    }
    EXPECT_TRUE(log.events.empty());
}

TEST(CsvImport, PrivacyBsnElsewhereIsAWarningWithColumn) {
    Diagnostics diag;
    const EventLog log =
        load("case_id,timestamp,activity,notitie\nD1,2024-01-01,melding,111.222.333\nD1,2024-01-02,gesprek,123456789\n",
             &diag, {}, "notities.csv");
    EXPECT_EQ(log.events.size(), 2u);
    EXPECT_EQ(log.inputs[0].possible_bsn, 1u);
    ASSERT_EQ(diag.warnings.size(), 1u);
    EXPECT_EQ(diag.warnings[0].line, 2u);
    EXPECT_NE(diag.warnings[0].message.find("mogelijk BSN in kolom 'notitie'"), std::string::npos);
    EXPECT_EQ(diag.warnings[0].message.find("111.222.333"), std::string::npos);
}

namespace {
// Everything an import leaves behind, as text: events in input order with all their fields,
// the per-file counts, bad rows and warnings.
std::string dump_import(const std::string& path, std::uint64_t parallel_min_bytes, bool keep_unknown = true) {
    EventLog log;
    Diagnostics diag;
    ImportOptions options;
    options.keep_unknown = keep_unknown;
    options.parallel_min_bytes = parallel_min_bytes;
    std::string out;
    try {
        import_canonical_csv(path, options, log, diag);
    } catch (const Error& e) {
        out = "Error: ";
        out += e.what();
        return out;
    }
    log.finalize();
    // Appends, field by field (GCC 12 warns falsely on long chains of "x" + std::string).
    auto add = [&out](std::string_view sep, std::string_view v) {
        out += sep;
        out += v;
    };
    for (const Dossier& c : log.dossiers)
        for (auto i : log.events_of(c)) {
            const Event& e = log.events[i];
            add("", log.str(c.id));
            add("|", std::to_string(e.line));
            add("|", log.label(e));
            add("|", e.date.iso());
            add("|", std::to_string(e.ms));
            const Who& w = log.who(e);
            for (StrId id : {w.actor, w.role, w.team, w.organisatie}) add("|", log.str(id));
            add("|", std::to_string(e.file));
            add("|", log.str(log.event_id(e)));
            for (const Attribute& a : log.attributes_of(e)) {
                add("|", log.str(a.key));
                add("=", log.str(a.value));
            }
            out += "\n";
        }
    const InputFile& in = log.inputs.at(0);
    for (std::size_t n : {in.rows, in.used, in.rejected, in.possible_bsn}) add(" ", std::to_string(n));
    add(" sha ", in.sha256);
    out += "\n";
    for (const Problem& p : diag.bad_rows) out += "bad " + p.where() + " " + p.message + "\n";
    for (const Problem& p : diag.warnings) out += "warn " + p.where() + " " + p.message + "\n";
    return out;
}

// A log of `rows` rows with bad rows, possible BSNs, unknown activities and attributes spread
// over the whole file; `middle` is inserted as a row halfway.
std::string mixed_log(int rows, const std::string& middle = "", const char* eol = "\r\n") {
    static const char* kActs[] = {"melding", "gesprek", "Verslag", "aanvraag", "Eigen Activiteit", "besluit"};
    std::string csv = std::string("case_id,timestamp,activity,actor,role,team,opmerking,bedrag") + eol;
    for (int i = 0; i < rows; ++i) {
        if (i == rows / 2) csv += middle;
        char buf[64];
        std::snprintf(buf, sizeof buf, "Z%d", i % 97);
        const std::string id = buf;
        std::snprintf(buf, sizeof buf, "2024-0%d-1%dT10:0%d", 1 + i % 9, i % 10, i % 10);
        std::string ts = buf;
        if (i % 151 == 7) ts = "gisteren";  // a bad row
        const std::string note = i % 37 == 3 ? "111222333" : (i % 5 ? "" : "\"tekst, met komma\"");
        csv += (i % 211 == 5 ? std::string() : id) + "," + ts + "," + kActs[i % 6] + ",M" + std::to_string(i % 13) +
               "," + (i % 2 ? "Consulent" : "ondersteuner") + ",Team " + std::to_string(i % 3) + "," + note + "," +
               std::to_string(i % 7) + eol;
    }
    return csv;
}
}  // namespace

TEST(CsvImport, TwoCoresReadExactlyAsOne) {
    // Large files are split in the middle and the halves parsed in parallel: every event, line
    // number, count, bad row and (capped) BSN warning must be what a read on one core gives.
    const std::string path = write_file("groot.csv", mixed_log(6000));
    const std::string serial = dump_import(path, ~std::uint64_t(0));
    EXPECT_NE(serial.find("bad "), std::string::npos);
    EXPECT_NE(serial.find("mogelijk BSN"), std::string::npos);
    EXPECT_EQ(dump_import(path, 0), serial);
    // LF line ends, and without --behoud-onbekend (more bad rows in both halves).
    const std::string lf = write_file("groot-lf.csv", mixed_log(6000, "", "\n"));
    EXPECT_EQ(dump_import(lf, 0, false), dump_import(lf, ~std::uint64_t(0), false));
}

TEST(CsvImport, TwoCoresFallBackWhenTheMiddleIsInsideQuotes) {
    // A quoted field with many line breaks across the middle: the second half's guess of a
    // record start is wrong, so the first half's reader reads on and the result is unchanged.
    std::string note = "\"";
    for (int i = 0; i < 4000; ++i) note += "regel " + std::to_string(i) + "\n";
    note += "\"";
    const std::string middle = "Q1,2024-05-01,melding,M1,ondersteuner,Team 1," + note + ",1\n";
    const std::string path = write_file("quotes.csv", mixed_log(400, middle, "\n"));
    const std::string serial = dump_import(path, ~std::uint64_t(0));
    EXPECT_NE(serial.find("regel 3999"), std::string::npos);
    EXPECT_EQ(dump_import(path, 0), serial);
}

TEST(CsvImport, TwoCoresRefuseABsnColumnAtTheRightLine) {
    std::string csv = "case_id,timestamp,activity,bsn\n";
    for (int i = 0; i < 3000; ++i) {
        csv += 'D';
        csv += std::to_string(i);
        csv += ",2024-01-01,melding,";
        csv += i == 2500 ? "111222333\n" : "\n";
    }
    const std::string path = write_file("bsn-groot.csv", csv);
    const std::string serial = dump_import(path, ~std::uint64_t(0));
    EXPECT_NE(serial.find("bsn-groot.csv:2502: kolom 'bsn' bevat een mogelijk BSN"), std::string::npos) << serial;
    EXPECT_EQ(dump_import(path, 0), serial);
}

TEST(CsvImport, RealReceiptLogHeaderIsNotCanonical) {
    // The real WABO receipt log uses its own column names: without a mapping it is refused
    // with a clear message (mapping files come with the store issue).
    const std::string path = wmotoets::test::source_dir() + "/../shared/data/real-logs/Receipt_phase_WABO_CoSeLoG.csv";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "../shared/data/real-logs not present: " << path;
    EventLog log;
    Diagnostics diag;
    try {
        import_canonical_csv(path, {}, log, diag);
        FAIL() << "expected missing columns";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("verplichte kolom"), std::string::npos) << e.what();
    }
}

TEST(CsvReaderRealLog, ReceiptCsvRowsAndTimestamps) {
    // The real WABO receipt export (SOURCES.md: 8577 rows, 1434 cases, 15 columns, offsets like +02:00).
    const std::string path = wmotoets::test::source_dir() + "/../shared/data/real-logs/Receipt_phase_WABO_CoSeLoG.csv";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "../shared/data/real-logs not present: " << path;
    std::ifstream in(path, std::ios::binary);
    CsvReader reader(in, false);
    std::vector<std::string_view> fields;
    std::uint64_t line = 0;
    ASSERT_TRUE(reader.next(fields, line));
    ASSERT_EQ(fields.size(), 15u);
    EXPECT_EQ(reader.separator(), ',');
    const auto ts_col = std::size_t(std::find(fields.begin(), fields.end(), "time:timestamp") - fields.begin());
    const auto case_col = std::size_t(std::find(fields.begin(), fields.end(), "case:concept:name") - fields.begin());
    ASSERT_LT(ts_col, 15u);
    std::size_t rows = 0, unparsed = 0;
    std::set<std::string> cases;
    while (reader.next(fields, line)) {
        ++rows;
        ASSERT_EQ(fields.size(), 15u) << "line " << line;
        unparsed += !parse_timestamp(fields[ts_col]).has_value();
        cases.insert(std::string(fields[case_col]));
    }
    EXPECT_EQ(rows, 8577u);
    EXPECT_EQ(cases.size(), 1434u);
    EXPECT_EQ(unparsed, 0u);
}

TEST(SampleData, UsesEveryActivityAndBothDialects) {
    EventLog log;
    Diagnostics diag;
    for (const char* f : {"/data/voorbeeld/dossiers.csv", "/data/voorbeeld/dossiers-wijkteam-zuid.csv"})
        import_canonical_csv(wmotoets::test::source_dir() + f, {}, log, diag);
    EXPECT_TRUE(diag.bad_rows.empty());
    EXPECT_TRUE(diag.warnings.empty());
    std::set<Activity> seen;
    for (const Event& e : log.events) seen.insert(e.activity);
    for (int i = 0; i < kCanonicalActivityCount; ++i)
        EXPECT_TRUE(seen.count(static_cast<Activity>(i)))
            << activity_name(static_cast<Activity>(i)) << " unused in the sample";
    log.finalize();
    EXPECT_GE(log.dossiers.size(), 30u);
    std::set<char> separators;
    for (const char* f : {"/data/voorbeeld/dossiers.csv", "/data/voorbeeld/dossiers-wijkteam-zuid.csv"}) {
        std::ifstream in(wmotoets::test::source_dir() + f, std::ios::binary);
        separators.insert(CsvReader(in, false).separator());
    }
    EXPECT_EQ(separators, (std::set<char>{',', ';'}));
}
