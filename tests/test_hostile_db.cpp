// Hostile databases (issue 27 point 1): a database file is input like any other. Per class of
// crafted file — another program's, a version this program does not know, a trigger, a foreign or
// changed view or table, a dangling id in each table, a count that is not one — every command that
// reads it stops with one located Dutch message (exit code 2), never an internal error, and leaves
// the file byte for byte as it was.
#include <gtest/gtest.h>

#include <filesystem>

#include "helpers.hpp"
#include "store/sql_client.hpp"
#include "store/store.hpp"
#include "util/error.hpp"
#include "xlsx_read.hpp"

namespace wmotoets {
namespace {

// The sample imported and checked once; each case works on a copy.
const std::string& base_db() {
    static const std::string db = [] {
        const std::string path = test::fresh_db("vijandig-basis.db");
        const std::string sample = test::source_dir() + "/data/voorbeeld/dossiers.csv";
        EXPECT_EQ(test::cli({"-q", "importeer", sample, "--db", path}), 0);
        EXPECT_EQ(test::cli({"-q", "controleer", "--db", path, "--exit-zero", "--uit",
                             (test::temp_dir() / "vijandig-basis.txt").string()}),
                  0);
        SqlClient(path, true).exec("PRAGMA wal_checkpoint(TRUNCATE)");
        return path;
    }();
    return db;
}

std::string crafted(const std::string& name, const std::string& sql) {
    const std::string db = test::fresh_db(name + ".db");
    std::filesystem::copy_file(base_db(), db);
    SqlClient(db, true).exec(sql);
    SqlClient(db, true).exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return db;
}

// What reading the database as rapport and steekproef do says: the Error's text, or what went wrong.
std::string read_error(const std::string& db) {
    try {
        const Store store(db, Store::Access::read);
        EventLog log = store.load();
        log.finalize();
        store.latest_run();
    } catch (const Error& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("interne fout: ") + e.what();
    }
    return "(geen fout)";
}

struct Case {
    const char* name;
    const char* sql;
    const char* expected;  // part of the message
};

TEST(HostileDatabase, EveryCraftedClassIsRefusedLocatedAndLeftAsItWas) {
    const std::vector<Case> cases{
        {"trigger", "CREATE TRIGGER t AFTER INSERT ON runs BEGIN UPDATE figures SET violations = 0; END",
         "beschadigde of gewijzigde database: een trigger 't' (die opgeslagen gegevens kan veranderen)"},
        {"vreemde-view", "CREATE VIEW extra AS SELECT 1", "een onbekende view 'extra'"},
        {"andere-view", "DROP VIEW dossier_events; CREATE VIEW dossier_events AS SELECT 1 AS dossier",
         "view 'dossier_events' is anders dan deze versie hem maakt"},
        {"extra-kolom", "ALTER TABLE figures ADD COLUMN x", "tabel 'figures' is anders dan deze versie hem maakt"},
        {"vreemde-tabel", "CREATE TABLE klanten(id INTEGER)", "een onbekende tabel 'klanten'"},
        {"index-weg", "CREATE INDEX extra_idx ON figures(rule)", "een onbekende index 'extra_idx'"},
        {"activiteit", "UPDATE events SET activity = 999999 WHERE id = 5",
         "(tabel events, rij 5: onbekende tekst-id 999999 (activiteit))"},
        {"medewerker", "UPDATE events SET actor = 99999 WHERE id = 5",
         "(tabel events, rij 5: onbekende tekst-id 99999 (medewerker))"},
        {"attribuut", "UPDATE events SET attrs = x'ffffff00ffffff00' WHERE id = 5",
         "(tabel events, rij 5: onbekende tekst-id 16777215 (attribuut))"},
        {"attribuut-half", "UPDATE events SET attrs = x'010000' WHERE id = 5",
         "(tabel events, rij 5: beschadigde attributen)"},
        {"import", "UPDATE events SET import_id = 999 WHERE id = 5", "(tabel events, rij 5: onbekende import-id 999)"},
        {"datum", "UPDATE events SET date = 99999999999 WHERE id = 5", "(tabel events, rij 5: datum buiten 1900–2199)"},
        {"regel", "UPDATE events SET line = -1 WHERE id = 5", "(tabel events, rij 5: ongeldig regelnummer)"},
        {"dossier-bereik",
         "UPDATE cases SET first_event = -5, last_event = 100000000 WHERE case_str = "
         "(SELECT min(case_str) FROM cases)",
         "hoort bij een ander dossier dan het bereik van tabel cases zegt"},
        {"tekst-id", "INSERT INTO strings VALUES(9000000000000000, 'x')",
         "(tabel strings, rij 9000000000000000: tekst-id's tot 9000000000000000"},
        {"regels", "UPDATE runs SET rules = 'XYZ-99,,ONA-01'", "(tabel runs, rij 1: ongeldige lijst van regels)"},
        {"instelling", "UPDATE runs SET settings = 'andere_ondersteuner_dagen=1' || char(27) || '[2J'",
         "(tabel runs, rij 1: ongeldige instelling)"},
        {"peildatum", "UPDATE runs SET peildatum = 'gisteren'", "(tabel runs, rij 1: ongeldige peildatum)"},
        {"uitkomst", "UPDATE outcomes SET codes = 'zz' WHERE pos = 0", "(tabel outcomes, rij 0: uitkomsten passen"},
        {"bevinding-ev", "UPDATE findings SET events = 'abc:1' WHERE pos = 0",
         "(tabel findings, rij 0: onleesbare verwijzing naar een gebeurtenis)"},
        {"bevinding-import", "UPDATE findings SET events = '999:1' WHERE pos = 0",
         "(tabel findings, rij 0: verwijst naar import 999, die er niet is)"},
        {"bevinding-dossier", "UPDATE findings SET case_id = 'ONBEKEND' WHERE pos = 0",
         "(tabel findings, rij 0: onbekend dossier)"},
        {"bevinding-datum", "UPDATE findings SET date = 'x' WHERE pos = 0", "(tabel findings, rij 0: ongeldige datum)"},
        {"cijfer-regel", "UPDATE figures SET rule = 'XYZ-99' WHERE pos = 0", "(tabel figures, rij 0: onbekende regel)"},
        {"cijfer-zwaarte", "UPDATE figures SET severity = 'zwaar' WHERE pos = 0",
         "(tabel figures, rij 0: onbekende zwaarte)"},
        {"cijfer-negatief", "UPDATE figures SET applicable = -5 WHERE pos = 0",
         "(tabel figures, rij 0: ongeldig aantal)"},
        {"cijfer-bewerkt",
         "UPDATE figures SET violations = 0, compliant = compliant + violations WHERE rule = 'ONA-01'",
         "kloppen niet met de uitkomsten per dossier"},
        {"fase", "UPDATE lead_times SET phase = 'onzin met spatie' WHERE pos = 0",
         "(tabel lead_times, rij 0: onbekende fase)"},
        {"fase-aantal", "UPDATE lead_times SET gestart = gestart + 1 WHERE pos = 0",
         "(tabel lead_times, rij 0: de aantallen tellen niet op)"},
        {"fase-aandeel", "UPDATE lead_times SET aandeel_open = 20000 WHERE pos = 0",
         "(tabel lead_times, rij 0: ongeldig aandeel)"},
    };
    EXPECT_EQ(read_error(base_db()), "(geen fout)");  // the case that must not be refused
    for (const Case& c : cases) {
        const std::string db = crafted(c.name, c.sql);
        const std::string before = test::read_file(db);
        const std::string message = read_error(db);
        EXPECT_EQ(message.rfind(db + ": ", 0), 0u) << c.name << ": " << message;
        EXPECT_NE(message.find(c.expected), std::string::npos) << c.name << ": " << message;
        EXPECT_EQ(message.find("interne fout"), std::string::npos) << c.name << ": " << message;
        EXPECT_EQ(test::read_file(db), before) << c.name << ": het bestand is gewijzigd";
    }
    // Through the command line: exit code 2 for every command that reads, the file as it was.
    const std::string db = crafted("cli-trigger", cases.front().sql);
    const std::string before = test::read_file(db);
    EXPECT_EQ(test::cli({"-q", "rapport", "--db", db, "--uit", (test::temp_dir() / "vijandig-rapport").string()}), 2);
    EXPECT_EQ(test::cli({"-q", "steekproef", "trek", "--db", db, "--omvang", "2", "--zaad", "1"}), 2);
    EXPECT_EQ(test::cli({"-q", "controleer", "--db", db}), 2);
    EXPECT_EQ(
        test::cli({"-q", "importeer", test::source_dir() + "/data/voorbeeld/dossiers-wijkteam-zuid.csv", "--db", db}),
        2);
    EXPECT_EQ(test::read_file(db), before);
}

TEST(HostileDatabase, ReadingCommandsNeverCreateMigrateOrSwitchTheJournal) {
    // A misspelt name: nothing is made.
    const std::string missing = test::fresh_db("bestaat-niet.db");
    try {
        Store store(missing, Store::Access::read);
        ADD_FAILURE() << "geen fout";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), missing + ": database bestaat niet; maak hem met 'wmotoets importeer --db " +
                                             missing + " LOGBOEK …'");
    }
    EXPECT_FALSE(std::filesystem::exists(missing));
    // Another program's database in rollback-journal mode stays so, byte for byte.
    const std::string other = test::fresh_db("ander-journaal.db");
    std::ofstream(other, std::ios::binary).flush();
    SqlClient(other, true).exec("CREATE TABLE klanten(id INTEGER); PRAGMA journal_mode=DELETE");
    const std::string before = test::read_file(other);
    for (const Store::Access a : {Store::Access::read, Store::Access::write, Store::Access::create}) {
        EXPECT_THROW(Store(other, a), Error);
        EXPECT_EQ(test::read_file(other), before);
        EXPECT_FALSE(std::filesystem::exists(other + "-wal"));
    }
    // A database of an older version is read only after an explicit migration.
    const std::string old = crafted("oud", "SELECT 1");
    SqlClient(old, true).exec(
        "ALTER TABLE lead_times DROP COLUMN nooit; ALTER TABLE lead_times DROP COLUMN aandeel_open; "
        "ALTER TABLE lead_times DROP COLUMN aandeel_beeindigd; ALTER TABLE lead_times DROP COLUMN aandeel_afgerond; "
        "ALTER TABLE lead_times DROP COLUMN mediaan_95_hoog; ALTER TABLE lead_times DROP COLUMN mediaan_95_laag; "
        "ALTER TABLE lead_times DROP COLUMN zonder_gesprek; ALTER TABLE lead_times DROP COLUMN zonder_aanvraag; "
        "DROP TABLE open_items; ALTER TABLE runs DROP COLUMN open_kept; DROP TABLE sample_inputs; "
        "DROP TABLE sample_units; DROP TABLE sample_strata; DROP TABLE samples; PRAGMA user_version = 4");
    const std::string old_bytes = test::read_file(old);
    for (const Store::Access a : {Store::Access::read, Store::Access::write}) {
        try {
            Store store(old, a);
            ADD_FAILURE() << "geen fout";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("schemaversie 4 van een oudere Wmo-toets; deze opdracht leest alleen "
                                                 "en werkt hem niet bij. Werk hem eenmalig bij met 'wmotoets importeer "
                                                 "--db "),
                      std::string::npos)
                << e.what();
        }
        EXPECT_EQ(test::read_file(old), old_bytes);
    }
    EXPECT_EQ(test::cli({"-q", "importeer", "--db", old, "--migreer"}), 0);
    EXPECT_EQ(read_error(old), "(geen fout)");
}

}  // namespace
}  // namespace wmotoets
