// The audit database: imports all or nothing (also when the process is killed), re-imports,
// newer exports that replace dossiers, and a check from the database equal to one in memory.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>

#include "helpers.hpp"
#include "import/import_file.hpp"
#include "import/pseudonym.hpp"
#include "import/toml_files.hpp"
#include "model/bsn.hpp"
#include "reports/figures.hpp"
#include "reports/run_record.hpp"
#include "reports/writers.hpp"
#include "store/sql_client.hpp"
#include "store/store.hpp"
#include "util/error.hpp"
#include "workflow/engine.hpp"

using namespace wmotoets;
using wmotoets::test::write_file;
using namespace wmotoets::test;

namespace {

// A check run stored in one transaction, through the store's RunWriter (as controleer --db does).
std::int64_t store_run(Store& store, const EventLog& log, const CheckResult& result, const std::vector<Figure>& figures,
                       const Settings& settings) {
    Store::RunWriter w(store);
    emit_check(log, result, figures, settings, w);
    return w.commit();
}

std::string json_of(EventLog& log) {
    const CheckResult r = run_check(log, all_rules(), Calendar{}, log.latest_date());
    const auto figures = compute_figures(r);
    std::ostringstream out;
    write_json(out, ReportData{log, r, figures, true});
    return out.str();
}

std::vector<std::string> events_of(const EventLog& log, const std::string& case_id) {
    std::vector<std::string> out;
    for (const Dossier& c : log.dossiers)
        if (log.str(c.id) == case_id)
            for (auto i : log.events_of(c))
                out.push_back(std::string(log.label(log.events[i])) + "@" + log.events[i].date.iso() + " " +
                              log.inputs[log.events[i].file].path + ":" + std::to_string(log.events[i].line));
    return out;
}

}  // namespace

TEST(Store, SameFileTwiceAddsNothing) {
    const std::string db = fresh_db("twice.db");
    Store store(db);
    const std::string csv = test::source_dir() + "/data/voorbeeld/dossiers.csv";
    const ImportSummary first = import_file(store, csv);
    EXPECT_FALSE(first.already_imported);
    EXPECT_EQ(first.added, 31u);
    const std::size_t events = store.event_count();
    const ImportSummary again = import_file(store, csv);
    EXPECT_TRUE(again.already_imported);
    EXPECT_EQ(again.import_id, first.import_id);
    EXPECT_EQ(again.earlier_path, csv);
    EXPECT_EQ(store.import_count(), 1u);
    EXPECT_EQ(store.dossier_count(), 31u);
    EXPECT_EQ(store.event_count(), events);
}

namespace {

// Two monthly exports: February repeats D1 unchanged, changes D2 (a gesprek more; its rows not in
// date order; in January its events had the highest ids) and adds D3.
struct TwoExports {
    std::string jan, feb;
};
TwoExports two_exports(const std::string& tag) {
    return {write_file("jan-" + tag + ".csv",
                       "case_id,timestamp,activity,actor\n"
                       "D1,2024-01-02,melding,M1\nD1,2024-01-03,ontvangstbevestiging,M1\n"
                       "D2,2024-01-05,melding,M2\n"),
            write_file("feb-" + tag + ".csv",
                       "case_id,timestamp,activity,actor\n"
                       "D2,2024-02-01,gesprek,C1\nD2,2024-01-05,melding,M2\n"
                       "D3,2024-02-03,melding,M3\n"
                       "D1,2024-01-02,melding,M1\nD1,2024-01-03,ontvangstbevestiging,M1\n")};
}

}  // namespace

TEST(Store, NewerExportReplacesItsDossiersOnly) {
    const std::string db = fresh_db("newer.db");
    const auto [jan, feb] = two_exports("newer");
    Store store(db);
    EXPECT_EQ(import_file(store, jan).added, 2u);
    const ImportSummary s = import_file(store, feb);
    EXPECT_EQ(s.added, 1u);      // D3
    EXPECT_EQ(s.replaced, 1u);   // D2: a gesprek more
    EXPECT_EQ(s.unchanged, 1u);  // D1: the same events
    EventLog log = store.load();
    log.finalize();
    EXPECT_EQ(log.dossiers.size(), 3u);
    EXPECT_EQ(events_of(log, "D1"), (std::vector<std::string>{"melding@2024-01-02 " + jan + ":2",
                                                              "ontvangstbevestiging@2024-01-03 " + jan + ":3"}));
    EXPECT_EQ(events_of(log, "D2"),
              (std::vector<std::string>{"melding@2024-01-05 " + feb + ":3", "gesprek@2024-02-01 " + feb + ":2"}));
    EXPECT_EQ(store.event_count(), 5u);
}

// The events table is appended to (schema 4); what a user's SQL sees stays what it was: every event
// once, a dossier's events its range cases.first_event … last_event in row order, and the view
// dossier_events finds one dossier's events through indexes only, also after a replacement that
// removed the events with the highest ids.
TEST(Store, EventsStayQueryableInSql) {
    const std::string db = fresh_db("sql.db");
    const auto [jan, feb] = two_exports("sql");
    {
        Store store(db);
        import_file(store, jan);
        import_file(store, feb);
        EXPECT_EQ(store.integrity_check(), "ok");
    }
    const SqlClient sql(db, false);  // as a user's SQL would read it
    auto rows = [&](const std::string& q) { return sql.rows(q); };
    EXPECT_EQ(rows("PRAGMA user_version"), std::vector<std::string>{std::to_string(Store::kSchemaVersion)});
    EXPECT_EQ(rows("SELECT count(*) FROM events"), std::vector<std::string>{"5"});
    // Each dossier's range holds exactly its events, all from the import that holds the dossier.
    EXPECT_EQ(rows("SELECT count(*) FROM cases c WHERE c.last_event - c.first_event + 1 != "
                   "(SELECT count(*) FROM events e WHERE e.case_str = c.case_str AND e.import_id = c.import_id)"),
              std::vector<std::string>{"0"});
    EXPECT_EQ(rows("SELECT dossier, import_id, seq, line, date FROM dossier_events WHERE dossier = 'D2' ORDER BY id"),
              (std::vector<std::string>{"D2|2|0|2|" + std::to_string(parse_iso_date("2024-02-01")->days),
                                        "D2|2|1|3|" + std::to_string(parse_iso_date("2024-01-05")->days)}));
    EXPECT_EQ(rows("SELECT dossier, count(*) FROM dossier_events GROUP BY dossier ORDER BY dossier"),
              (std::vector<std::string>{"D1|2", "D2|2", "D3|1"}));
    // One dossier by its number: searches, no table scans.
    const std::vector<std::string> plan = rows("EXPLAIN QUERY PLAN SELECT * FROM dossier_events WHERE dossier = 'D2'");
    ASSERT_EQ(plan.size(), 3u);  // strings, cases, events
    for (const std::string& step : plan) EXPECT_NE(step.find("SEARCH"), std::string::npos) << step;
}

// An import runs with a rollback journal when it has the database to itself, in WAL when another
// connection has it open (a report being written); either way the database is in WAL afterwards.
TEST(Store, ImportsWithAndWithoutAnotherConnectionOpen) {
    const std::string db = fresh_db("journal.db");
    auto journal_mode = [&] {
        const std::vector<std::string> mode = SqlClient(db, false).rows("PRAGMA journal_mode");
        return mode.empty() ? std::string() : mode[0];
    };
    {
        Store alone(db);
        EXPECT_EQ(import_file(alone, test::source_dir() + "/data/voorbeeld/dossiers.csv").added, 31u);
    }
    EXPECT_EQ(journal_mode(), "wal");
    EXPECT_FALSE(std::filesystem::exists(db + "-journal"));
    Store reader(db);
    const std::size_t before = reader.dossier_count();
    {
        Store writer(db);
        const ImportSummary s = import_file(writer, test::source_dir() + "/data/voorbeeld/dossiers-wijkteam-zuid.csv");
        EXPECT_GT(s.added, 0u);
        EXPECT_EQ(reader.dossier_count(), before + s.added);  // the other connection sees the import
    }
    EXPECT_EQ(journal_mode(), "wal");
    EXPECT_EQ(reader.integrity_check(), "ok");
}

// Another program writing in the database (here: a transaction held for 2.5 s) is waited for, and
// the wait is said once, after a second; then the import goes through.
TEST(Store, WaitsForAnotherProgramThatWritesAndSaysSo) {
    const std::string db = fresh_db("wait.db");
    {
        Store store(db);
        import_file(store, test::source_dir() + "/data/voorbeeld/dossiers.csv");
    }
    const SqlClient other(db, true);
    other.exec("BEGIN IMMEDIATE");
    std::thread release([&other] {
        std::this_thread::sleep_for(std::chrono::milliseconds(2500));
        other.exec("COMMIT");
    });
    std::vector<std::string> heard;
    ImportSummary s;
    {
        Store store(db, [&](const std::string& m) { heard.push_back(m); });
        s = import_file(store, test::source_dir() + "/data/voorbeeld/dossiers-wijkteam-zuid.csv");
    }
    release.join();
    EXPECT_GT(s.added, 0u);
    EXPECT_EQ(heard, std::vector<std::string>{db + ": wacht op een ander programma dat in deze database schrijft "
                                                   "(hoogstens 5 minuten)"});
}

TEST(Store, CheckFromTheDatabaseEqualsTheCheckInMemory) {
    const std::string db = fresh_db("same.db");
    const std::vector<std::string> files = {test::source_dir() + "/data/voorbeeld/dossiers.csv",
                                            test::source_dir() + "/data/voorbeeld/dossiers-wijkteam-zuid.csv"};
    EventLog memory;
    Diagnostics diag;
    ImportOptions o;
    o.keep_unknown = true;
    for (const auto& f : files) import_canonical_csv(f, o, memory, diag);
    memory.finalize();
    {
        Store store(db);
        for (const auto& f : files) import_file(store, f);
    }
    Store reopened(db);  // from disk, in a new connection
    EventLog stored = reopened.load();
    stored.finalize();
    EXPECT_EQ(json_of(stored), json_of(memory));

    // The run stored, loaded again and written through the same interface gives the same
    // document as the check in memory (one run record, whether from memory or the database).
    const CheckResult result = run_check(stored, all_rules(), Calendar{}, stored.latest_date());
    const std::vector<Figure> figures = compute_figures(result);
    store_run(reopened, stored, result, figures, Settings{});
    const std::optional<RunRecord> run = reopened.latest_run();
    ASSERT_TRUE(run);
    for (const char* name : {"json", "text", "csv"}) {
        std::ostringstream from_db, from_memory;
        FormatWriter writer(from_db, stored, output_format(name), rule_texts(*run), true);
        emit(*run, writer);
        write_report(from_memory, ReportData{stored, result, figures, true}, output_format(name));
        EXPECT_EQ(from_db.str(), from_memory.str()) << name;
    }
    // And a run in memory kept as a record (RunCollector) is the record the store gives back.
    RunCollector collected;
    emit_check(stored, result, figures, Settings{}, collected);
    EXPECT_EQ(collected.record.case_ids, run->case_ids);
    EXPECT_EQ(collected.record.outcomes, run->outcomes);
    EXPECT_EQ(collected.record.settings, run->settings);
    ASSERT_EQ(collected.record.findings.size(), run->findings.size());
    for (std::size_t i = 0; i < run->findings.size(); ++i)
        EXPECT_EQ(collected.record.findings[i].events, run->findings[i].events);
    // The lead times of the run, per phase (docs/spec/doorlooptijden.md), kept with it.
    ASSERT_EQ(run->lead_times.size(), 7u);
    ASSERT_EQ(collected.record.lead_times.size(), 7u);
    for (std::size_t i = 0; i < 7; ++i) {
        const RunRecord::LeadTime &a = run->lead_times[i], &b = collected.record.lead_times[i];
        EXPECT_EQ(a.phase, b.phase);
        EXPECT_EQ(a.started, b.started);
        EXPECT_EQ(a.running, b.running);
        EXPECT_EQ(a.zonder_aanvraag, b.zonder_aanvraag);
        EXPECT_EQ(a.zonder_gesprek, b.zonder_gesprek);
        EXPECT_EQ(a.mediaan, b.mediaan);
        EXPECT_EQ(a.p90, b.p90);
        EXPECT_EQ(a.mediaan_lo, b.mediaan_lo);
        EXPECT_EQ(a.mediaan_hi, b.mediaan_hi);
        EXPECT_EQ(a.share_completed, b.share_completed);
        EXPECT_EQ(a.share_ended, b.share_ended);
        EXPECT_EQ(a.share_open, b.share_open);
        EXPECT_EQ(a.nooit, b.nooit);
    }
    EXPECT_EQ(run->lead_times[0].phase, "melding-gesprek");
    EXPECT_GT(run->lead_times[0].started, 0u);
}

TEST(Store, RunsAreKeptForReports) {
    const std::string db = fresh_db("run.db");
    Store store(db);
    EXPECT_FALSE(store.latest_run());
    import_file(store, test::source_dir() + "/data/voorbeeld/dossiers.csv");
    import_file(store, test::source_dir() + "/data/voorbeeld/dossiers-wijkteam-zuid.csv");
    RunRecord run;
    run.peildatum = "2024-06-30";
    run.settings = RunSettings{{{"x", "1"}, {"y", "twee"}}};
    run.rules = {"INF-01", "ONA-01"};
    run.case_ids = {"D1", "D2"};
    run.outcomes = {Outcome::voldaan, Outcome::overtreden, Outcome::niet_van_toepassing, Outcome::onbekend};
    run.findings.push_back({"D1", "ONA-01", 2, "2024-03-01", "", "Medewerker M1 …", {{1, 4}, {1, 9}}});
    run.figures.push_back({"INF-01", "titel", Severity::overtreding, 1, 1, 0, 0, 0.0, 0.0, 0.79});
    store.add_run(run);
    run.peildatum = "2024-07-31";
    store.add_run(run);
    const auto latest = store.latest_run();
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->peildatum, "2024-07-31");
    EXPECT_EQ(latest->rules, run.rules);
    EXPECT_EQ(latest->outcomes, run.outcomes);
    EXPECT_EQ(latest->settings, run.settings);
    EXPECT_EQ(latest->settings.text(), "x=1;y=twee");
    // What is streamed out of the store again is the record as it went in.
    RunCollector again;
    emit(*latest, again);
    EXPECT_EQ(again.record.case_ids, run.case_ids);
    EXPECT_EQ(again.record.outcomes, run.outcomes);
    EXPECT_EQ(again.record.findings.size(), run.findings.size());
    ASSERT_EQ(latest->findings.size(), 1u);
    EXPECT_EQ(latest->findings[0].message, "Medewerker M1 …");
    EXPECT_EQ(latest->findings[0].events, run.findings[0].events);  // input 1: the second import
    // A finding that names an input the store does not have is refused, and nothing is kept.
    run.findings[0].events = {{2, 4}};
    EXPECT_THROW(store.add_run(run), Error);
    EXPECT_EQ(store.latest_run()->peildatum, "2024-07-31");
    EXPECT_EQ(latest->findings[0].deadline, "");
    ASSERT_EQ(latest->figures.size(), 1u);
    EXPECT_DOUBLE_EQ(*latest->figures[0].hi, 0.79);
}

// A database of schema 1, written by the release before activities were stored by name
// (tests/fixtures/store/v1.db: the two sample logs and the case-system export with a kept
// label, and one run), is brought up to date and checks exactly as that release checked it.
TEST(Store, MigratesAVersion1DatabaseAndChecksItAsBefore) {
    const std::string db = fresh_db("v1.db");
    std::filesystem::copy_file(test::source_dir() + "/tests/fixtures/store/v1.db", db);
    std::vector<std::string> heard;
    const auto notice = [&](const std::string& m) { heard.push_back(m); };
    Store store(db, notice);
    EXPECT_EQ(heard, std::vector<std::string>{db + ": de database wordt bijgewerkt van schemaversie 1 naar " +
                                              std::to_string(Store::kSchemaVersion) +
                                              " (eenmalig; een grote database kan enkele minuten duren)"});
    Store(db, notice);                  // up to date: nothing to say
    Store(fresh_db("new.db"), notice);  // a new database is made, not migrated
    EXPECT_EQ(heard.size(), 1u);
    EXPECT_EQ(store.integrity_check(), "ok");
    EXPECT_EQ(store.dossier_count(), 34u);
    EXPECT_EQ(store.event_count(), 248u);
    const std::optional<RunRecord> old_run = store.latest_run();  // the run of the old release is kept
    ASSERT_TRUE(old_run);
    EXPECT_EQ(old_run->rules.size(), 26u);
    EXPECT_TRUE(old_run->lead_times.empty());  // a run of an older schema has no lead times
    EXPECT_EQ(old_run->settings.text(), "andere_ondersteuner_dagen=14;wachttijd_ondersteuner_dagen=14");
    // Checked with the rules of that release (the rulebook may have grown since).
    std::vector<const Rule*> rules;
    for (const std::string& id : old_run->rules) rules.push_back(find_rule(id));
    ASSERT_EQ(std::count(rules.begin(), rules.end(), nullptr), 0);
    EventLog log = store.load();
    log.finalize();
    const CheckResult result = run_check(log, rules, Calendar{}, log.latest_date());
    const std::vector<Figure> figures = compute_figures(result);
    std::ostringstream json;
    write_json(json, ReportData{log, result, figures, true});
    const std::string expected = test::source_dir() + "/tests/fixtures/store/v1-controle.json";
    if (std::getenv("UPDATE_GOLDEN"))
        std::ofstream(expected, std::ios::binary) << json.str();  // `-t regen`, after a rule change
    EXPECT_EQ(json.str(), test::read_file(expected));
}

// Every activity survives the store by name, whatever its place in the program's enum.
TEST(Store, ActivitiesAreStoredByName) {
    std::string csv = "case_id,timestamp,activity\n";
    for (int a = 0; a < kCanonicalActivityCount; ++a)
        csv += "D1,2024-01-" + std::to_string(10 + a % 20) + "," + std::string(activity_name(Activity(a))) + "\n";
    csv += "D1,2024-02-01,Eigen label\n";
    const std::string db = fresh_db("names.db");
    {
        Store store(db);
        import_file(store, write_file("alle-activiteiten.csv", csv));
    }
    Store store(db);
    EventLog log = store.load();
    log.finalize();
    std::multiset<std::string> names;
    for (const Event& e : log.events) names.insert(std::string(activity_name(e.activity)));
    std::multiset<std::string> expected{"onbekend"};
    for (int a = 0; a < kCanonicalActivityCount; ++a) expected.insert(std::string(activity_name(Activity(a))));
    EXPECT_EQ(names, expected);
}

TEST(Store, RefusesANewerSchemaAndWhatIsNoDatabase) {
    const std::string db = fresh_db("future.db");
    { Store store(db); }
    {
        // PRAGMA user_version lives at byte 60 of the header (big endian).
        std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(60);
        const char v[4] = {0, 0, 0, 99};
        f.write(v, 4);
    }
    try {
        Store store(db);
        FAIL() << "geen fout";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), db +
                                             ": schemaversie 99: gemaakt door een andere versie van Wmo-toets of geen "
                                             "Wmo-toets-database (deze wmotoets kent schemaversie 1 tot en met " +
                                             std::to_string(Store::kSchemaVersion) +
                                             "); het bestand is niet gewijzigd");
    }
    const std::string csv = write_file("geen.db", "case_id,timestamp,activity\nD1,2024-01-01,melding\n");
    try {
        Store store(csv);
        FAIL() << "geen fout";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), csv + ": geen bruikbare wmotoets-database (dit bestand is geen database)");
    }
}

// A hostile or foreign database file (issue 27 point 1, in part): a negative or unknown schema version
// (it used to index the migrations with it: SIGSEGV) and another program's database (it used to be
// migrated into a Wmo-toets database) are refused before anything is written, the file left byte for byte.
TEST(Store, RefusesAForeignOrUnknownDatabaseAndLeavesItAsItWas) {
    const auto refused = [](const std::string& db, const std::string& expected) {
        const std::string before = test::read_file(db);
        try {
            Store store(db);
            ADD_FAILURE() << "geen fout: " << db;
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
        }
        EXPECT_EQ(test::read_file(db), before) << db << " is gewijzigd";
    };
    const std::string other = fresh_db("ander-programma.db");
    std::ofstream(other, std::ios::binary).flush();  // an empty file is an empty database
    SqlClient(other, true).exec("CREATE TABLE klanten(id INTEGER, naam TEXT); INSERT INTO klanten VALUES(1, 'x')");
    refused(other, "geen Wmo-toets-database: het bestand bevat al tabellen van een ander programma");
    for (const auto& [name, bytes, shown] :
         {std::tuple{"negatief.db", std::array<char, 4>{'\xff', '\xff', '\xff', '\xfe'}, "schemaversie -2:"},
          std::tuple{"te-hoog.db", std::array<char, 4>{0, 0, 0, 8}, "schemaversie 8:"}}) {
        const std::string db = fresh_db(name);
        { Store store(db); }
        {
            std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(60);  // PRAGMA user_version, big endian
            f.write(bytes.data(), 4);
        }
        refused(db, shown);
    }
}

TEST(Store, KilledDuringAnImportLeavesTheDatabaseAsItWas) {
    // A real process, killed with SIGKILL while it writes a large file into the database.
    const std::string exe = WMOTOETS_EXE;
    const std::string db = fresh_db("killed.db");
    const std::string big = (test::temp_dir() / "groot.csv").string();
    ASSERT_EQ(std::system((exe + " -q genereer --dossiers 60000 --zaad 3 --uit " + big).c_str()), 0);
    const std::string sample = test::source_dir() + "/data/voorbeeld/dossiers.csv";
    std::size_t cases = 0, events = 0;
    {
        Store store(db);
        import_file(store, sample);
        cases = store.dossier_count();
        events = store.event_count();
    }
    int err[2];
    ASSERT_EQ(pipe(err), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        dup2(err[1], STDERR_FILENO);
        close(err[0]);
        execl(exe.c_str(), exe.c_str(), "-v", "importeer", big.c_str(), "--db", db.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    close(err[1]);
    // Wait until the file is read (the storing starts right after), then kill it mid-transaction.
    std::string seen;
    char buf[512];
    while (seen.find("tijd: inlezen") == std::string::npos) {
        const ssize_t n = read(err[0], buf, sizeof buf);
        if (n <= 0) break;
        seen.append(buf, std::size_t(n));
    }
    usleep(300 * 1000);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(err[0]);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the import ended before it could be killed:\n" << seen;
    Store store(db);
    EXPECT_EQ(store.integrity_check(), "ok");
    EXPECT_EQ(store.import_count(), 1u);
    EXPECT_EQ(store.dossier_count(), cases);
    EXPECT_EQ(store.event_count(), events);
    // And the same import, run to the end, works.
    EXPECT_EQ(import_file(store, big).added, 60000u);
}

// An event's kept label (a non-canonical activity) and its event id ride in front of its
// attribute range; they are no attributes, and they survive the database.
TEST(Store, LabelAndEventIdAreKeptApartFromTheAttributes) {
    const std::string csv = test::temp_dir() / "extras.csv";
    write_file(csv,
               "case_id,timestamp,activity,event_id,kanaal,aan\n"
               "D1,2024-03-01,Notitie toegevoegd,E-1,telefoon,\n"
               "D1,2024-03-02,melding,E-2,,client\n"
               "D1,2024-03-03,informatie_clientondersteuning,,brief,client\n");
    const std::string db = fresh_db("extras.db");
    {
        Store store(db);
        import_file(store, csv);
    }
    EventLog memory = read_log(csv);
    Store reopened(db);
    EventLog stored = reopened.load();
    stored.finalize();
    for (const EventLog* log : {&memory, &stored}) {
        ASSERT_EQ(log->events.size(), 3u);
        std::vector<std::string> seen;
        for (auto i : log->events_of(log->dossiers.at(0))) {
            const Event& e = log->events[i];
            std::string s = std::string(log->label(e)) + " id=" + std::string(log->str(log->event_id(e))) +
                            " label_id=" + std::string(log->str(log->label_id(e))) +
                            " kanaal=" + std::string(log->attr(e, "kanaal")) + " attrs=";
            for (const Attribute& a : log->attributes_of(e)) s += std::string(log->str(a.key)) + ",";
            seen.push_back(s);
        }
        EXPECT_EQ(seen, (std::vector<std::string>{
                            "Notitie toegevoegd id=E-1 label_id=Notitie toegevoegd kanaal=telefoon attrs=kanaal,",
                            "melding id=E-2 label_id= kanaal= attrs=aan,",
                            "informatie_clientondersteuning id= label_id= kanaal=brief attrs=kanaal,aan,"}));
    }
}
