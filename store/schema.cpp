// The store's schema and its migrations, opening a database and what it holds in numbers.
#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "store/sqlite.hpp"
#include "util/text.hpp"

namespace wmotoets {

using namespace store_sql;

namespace {

// The schema, one step per version: a database of version N gets steps N+1… in one transaction.
constexpr const char* kMigrations[] = {
    // 1: imports, strings, dossiers, events; runs with outcomes, findings, figures.
    R"(
CREATE TABLE strings(id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
CREATE TABLE imports(
  id INTEGER PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE, format TEXT NOT NULL, mapping TEXT,
  rows INTEGER NOT NULL, used INTEGER NOT NULL, rejected INTEGER NOT NULL, skipped INTEGER NOT NULL,
  possible_bsn INTEGER NOT NULL, windows1252 INTEGER NOT NULL,
  imported_at TEXT NOT NULL,  -- provenance only, never in reports
  added INTEGER NOT NULL DEFAULT 0, replaced INTEGER NOT NULL DEFAULT 0, unchanged INTEGER NOT NULL DEFAULT 0);
CREATE TABLE cases(
  case_str INTEGER PRIMARY KEY REFERENCES strings(id),
  hash INTEGER NOT NULL,      -- of its events, to tell a changed dossier from an unchanged one
  import_id INTEGER NOT NULL REFERENCES imports(id));
CREATE TABLE events(
  case_str INTEGER NOT NULL, import_id INTEGER NOT NULL, seq INTEGER NOT NULL,  -- seq: row order in its file
  line INTEGER NOT NULL, date INTEGER NOT NULL, ms INTEGER NOT NULL, activity INTEGER NOT NULL,
  label INTEGER, actor INTEGER, role INTEGER, team INTEGER, organisatie INTEGER, event_id INTEGER,
  attrs BLOB,                 -- (key, value) string ids, 4 bytes each, little endian
  PRIMARY KEY(case_str, import_id, seq)) WITHOUT ROWID;
CREATE TABLE runs(id INTEGER PRIMARY KEY, peildatum TEXT, settings TEXT NOT NULL, rules TEXT NOT NULL);
CREATE TABLE outcomes(run_id INTEGER NOT NULL REFERENCES runs(id), pos INTEGER NOT NULL, case_id TEXT NOT NULL,
  codes TEXT NOT NULL, PRIMARY KEY(run_id, pos)) WITHOUT ROWID;
CREATE TABLE findings(run_id INTEGER NOT NULL REFERENCES runs(id), pos INTEGER NOT NULL, case_id TEXT NOT NULL,
  rule TEXT NOT NULL, cycle INTEGER NOT NULL, date TEXT NOT NULL, deadline TEXT, message TEXT NOT NULL,
  events TEXT NOT NULL,       -- import_id:line;…
  PRIMARY KEY(run_id, pos)) WITHOUT ROWID;
CREATE TABLE figures(run_id INTEGER NOT NULL REFERENCES runs(id), pos INTEGER NOT NULL, rule TEXT NOT NULL,
  title TEXT NOT NULL, severity TEXT NOT NULL, applicable INTEGER NOT NULL, compliant INTEGER NOT NULL,
  violations INTEGER NOT NULL, unknown INTEGER NOT NULL, rate REAL, lo REAL, hi REAL,
  PRIMARY KEY(run_id, pos)) WITHOUT ROWID;
)",
    // 2: events.activity names the activity through the strings table instead of holding the
    // ordinal of the program's enum (inserting an activity would have shifted every later one).
    // The ordinals of version 1, frozen here: never edit this list.
    R"(
CREATE TEMP TABLE v1_activities(ordinal INTEGER PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO v1_activities(ordinal, name) VALUES
  (0,'vraagverheldering'),(1,'melding'),(2,'herbeoordeling'),(3,'ontvangstbevestiging'),
  (4,'informatie_persoonlijk_plan'),(5,'informatie_clientondersteuning'),(6,'clientondersteuning_gevraagd'),
  (7,'ondersteuner_toegewezen'),(8,'clientondersteuning_afgezien'),(9,'andere_ondersteuner_verzocht'),
  (10,'andere_ondersteuner_geweigerd'),(11,'persoonlijk_plan'),(12,'gesprek'),(13,'verslag'),(14,'verslag_reactie'),
  (15,'aanvraag'),(16,'opschorting_start'),(17,'opschorting_einde'),(18,'verdaging'),(19,'besluit'),
  (20,'eigen_bijdrage'),(21,'bezwaar'),(22,'hoorzitting'),(23,'besluit_op_bezwaar'),(24,'beroep'),(25,'uitspraak'),
  (26,'intrekking'),(27,'afsluiting'),(28,'wlz_indicatie'),(29,'onbekend');
INSERT OR IGNORE INTO strings(text) SELECT name FROM v1_activities WHERE ordinal IN (SELECT DISTINCT activity FROM events);
UPDATE events SET activity = (SELECT s.id FROM v1_activities a JOIN strings s ON s.text = a.name
                              WHERE a.ordinal = events.activity);
DROP TABLE v1_activities;
)",
    // 3: the lead times of a run, per phase (docs/spec/doorlooptijden.md); a run of version 2 has none.
    R"(
CREATE TABLE lead_times(run_id INTEGER NOT NULL REFERENCES runs(id), pos INTEGER NOT NULL, phase TEXT NOT NULL,
  gestart INTEGER NOT NULL, afgerond INTEGER NOT NULL, lopend INTEGER NOT NULL, beeindigd INTEGER NOT NULL,
  mediaan INTEGER, p75 INTEGER, p90 INTEGER,
  PRIMARY KEY(run_id, pos)) WITHOUT ROWID;
)",
    // 4: events in a table keyed by a row id, appended to: the events of a dossier are the one range
    // cases.first_event … cases.last_event (a dossier's events come from one import, in row order).
    // Appending costs SQLite a third less than keeping a (case_str, import_id, seq) key in order, and a
    // dossier's events are still found through an index: the view dossier_events joins them.
    R"(
CREATE TABLE events4(
  id INTEGER PRIMARY KEY,
  case_str INTEGER NOT NULL, import_id INTEGER NOT NULL, seq INTEGER NOT NULL,  -- seq: row order in its file
  line INTEGER NOT NULL, date INTEGER NOT NULL, ms INTEGER NOT NULL, activity INTEGER NOT NULL,
  label INTEGER, actor INTEGER, role INTEGER, team INTEGER, organisatie INTEGER, event_id INTEGER,
  attrs BLOB);                -- (key, value) string ids, 4 bytes each, little endian
INSERT INTO events4(case_str, import_id, seq, line, date, ms, activity, label, actor, role, team, organisatie,
                    event_id, attrs)
  SELECT case_str, import_id, seq, line, date, ms, activity, label, actor, role, team, organisatie, event_id, attrs
  FROM events ORDER BY case_str, import_id, seq;
ALTER TABLE cases ADD COLUMN first_event INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN last_event INTEGER NOT NULL DEFAULT -1;
UPDATE cases SET first_event = r.lo, last_event = r.hi
  FROM (SELECT case_str, min(id) AS lo, max(id) AS hi FROM events4 GROUP BY case_str) AS r
  WHERE r.case_str = cases.case_str;
DROP TABLE events;
ALTER TABLE events4 RENAME TO events;
CREATE VIEW dossier_events AS
  SELECT s.text AS dossier, e.*
  FROM cases c JOIN strings s ON s.id = c.case_str JOIN events e ON e.id BETWEEN c.first_event AND c.last_event;
)",
    // 5: the lead-time estimate of 2026-12-06 (Aalen–Johansen): the competing ends of their own kind, the
    // 95 % interval of the median, the shares (ten-thousandths) and which missing quantiles are never
    // reached (bits: 1 mediaan, 2 p75, 4 p90). A run of an older version keeps NULL there.
    R"(
ALTER TABLE lead_times ADD COLUMN zonder_aanvraag INTEGER;
ALTER TABLE lead_times ADD COLUMN zonder_gesprek INTEGER;
ALTER TABLE lead_times ADD COLUMN mediaan_95_laag INTEGER;
ALTER TABLE lead_times ADD COLUMN mediaan_95_hoog INTEGER;
ALTER TABLE lead_times ADD COLUMN aandeel_afgerond INTEGER;
ALTER TABLE lead_times ADD COLUMN aandeel_beeindigd INTEGER;
ALTER TABLE lead_times ADD COLUMN aandeel_open INTEGER;
ALTER TABLE lead_times ADD COLUMN nooit INTEGER;
)",
    // 6: the werkvoorraad of a run (issue 29): what was still to be done in open dossiers, so that the
    // next week's list can say what is new, still open or resolved. A run of an older version has none
    // (open_kept 0): it is told, not taken for an empty list.
    R"(
CREATE TABLE open_items(run_id INTEGER NOT NULL REFERENCES runs(id), pos INTEGER NOT NULL, case_id TEXT NOT NULL,
  rule TEXT NOT NULL, cycle INTEGER NOT NULL, kind TEXT NOT NULL, deadline TEXT, werkdagen_over INTEGER NOT NULL,
  todo TEXT NOT NULL, detail TEXT NOT NULL,
  events TEXT NOT NULL,       -- import_id:line;…
  PRIMARY KEY(run_id, pos)) WITHOUT ROWID;
ALTER TABLE runs ADD COLUMN open_kept INTEGER NOT NULL DEFAULT 0;
)",
    // 7: the samples an auditor drew (issue 30): evaluated against the run they came from, however many
    // runs follow. seed as text: it is a 64-bit number without sign.
    R"(
CREATE TABLE samples(id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id), fingerprint TEXT NOT NULL,
  seed TEXT NOT NULL, size INTEGER NOT NULL, population INTEGER NOT NULL, strata TEXT NOT NULL, rules TEXT NOT NULL,
  per_rule TEXT NOT NULL, method TEXT NOT NULL, tool_version TEXT NOT NULL, drawn_on TEXT NOT NULL,
  drawn_by TEXT NOT NULL);
CREATE TABLE sample_inputs(sample_id INTEGER NOT NULL REFERENCES samples(id), pos INTEGER NOT NULL, path TEXT NOT NULL,
  sha256 TEXT NOT NULL, PRIMARY KEY(sample_id, pos)) WITHOUT ROWID;
CREATE TABLE sample_units(sample_id INTEGER NOT NULL REFERENCES samples(id), pos INTEGER NOT NULL,
  case_id TEXT NOT NULL, stratum TEXT NOT NULL, PRIMARY KEY(sample_id, pos)) WITHOUT ROWID;
CREATE TABLE sample_strata(sample_id INTEGER NOT NULL REFERENCES samples(id), name TEXT NOT NULL,
  population INTEGER NOT NULL, drawn INTEGER NOT NULL, PRIMARY KEY(sample_id, name)) WITHOUT ROWID;
)",
};
constexpr int kVersions = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);
static_assert(kVersions == Store::kSchemaVersion);

// The shape of a database's schema, for comparing a file with what its version must hold: per
// table and view its columns (name, type, not null, key, hidden), per index its table and SQL, per
// view its SQL; every trigger. SQLite's own objects (sqlite_…) are left out.
std::vector<std::string> schema_shape(sqlite3* db) {
    std::vector<std::string> shape;
    sqlite3_stmt* q = nullptr;
    if (sqlite3_prepare_v2(db,
                           "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master "
                           "WHERE substr(name, 1, 7) <> 'sqlite_' ORDER BY type, name",
                           -1, &q, nullptr) != SQLITE_OK)
        return {"?"};
    std::vector<std::array<std::string, 4>> objects;
    while (sqlite3_step(q) == SQLITE_ROW) {
        std::array<std::string, 4> o;
        for (int c = 0; c < 4; ++c) {
            const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(q, c));
            o[std::size_t(c)] = t ? t : "";
        }
        objects.push_back(std::move(o));
    }
    sqlite3_finalize(q);
    for (const auto& [type, name, table, sql] : objects) {
        std::string line = type + " " + name;
        if (type == "table" || type == "view") {
            sqlite3_stmt* c = nullptr;
            if (sqlite3_prepare_v2(db,
                                   "SELECT name, type, \"notnull\", pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid",
                                   -1, &c, nullptr) == SQLITE_OK) {
                sqlite3_bind_text(c, 1, name.c_str(), -1, SQLITE_TRANSIENT);
                while (sqlite3_step(c) == SQLITE_ROW)
                    for (int i = 0; i < 5; ++i) {
                        const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(c, i));
                        line += i == 0 ? " | " : " ";
                        line += t ? t : "";
                    }
            }
            sqlite3_finalize(c);
        }
        if (type != "table") line += " | " + table + " | " + sql;
        shape.push_back(std::move(line));
    }
    return shape;
}

// The shape a database of `version` has: the migrations up to it, run in memory.
const std::vector<std::string>& expected_shape(int version) {
    static std::vector<std::vector<std::string>> shapes(std::size_t(kVersions) + 1);
    static std::vector<bool> known(std::size_t(kVersions) + 1, false);
    const auto v = std::size_t(version);
    if (!known[v]) {
        sqlite3* mem = nullptr;
        sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
        for (std::size_t i = 0; i < v; ++i) sqlite3_exec(mem, kMigrations[i], nullptr, nullptr, nullptr);
        shapes[v] = schema_shape(mem);
        sqlite3_close(mem);
        known[v] = true;
    }
    return shapes[v];
}

// What differs between a file's schema and the expected one, in Dutch (empty when nothing does).
std::string schema_difference(const std::vector<std::string>& found, const std::vector<std::string>& expected) {
    const auto kind = [](const std::string& line) {
        const std::string type = line.substr(0, line.find(' '));
        const std::string name = line.substr(type.size() + 1, line.find(" | ") - type.size() - 1);
        const std::string what = type == "table"     ? "tabel"
                                 : type == "view"    ? "view"
                                 : type == "index"   ? "index"
                                 : type == "trigger" ? "trigger"
                                                     : type;
        return std::make_pair(what, echoed(name, 60));
    };
    for (const std::string& f : found)
        if (f.rfind("trigger ", 0) == 0) {
            const auto [what, name] = kind(f);
            return "een trigger '" + name + "' (die opgeslagen gegevens kan veranderen)";
        }
    for (const std::string& f : found)
        if (std::find(expected.begin(), expected.end(), f) == expected.end()) {
            const auto [what, name] = kind(f);
            const std::string prefix = f.substr(0, f.find(" | "));
            const bool same_name = std::any_of(expected.begin(), expected.end(), [&](const std::string& e) {
                return e.substr(0, e.find(" | ")) == prefix;
            });
            return same_name ? what + " '" + name + "' is anders dan deze versie hem maakt"
                             : "een onbekende " + what + " '" + name + "'";
        }
    for (const std::string& e : expected)
        if (std::find(found.begin(), found.end(), e) == found.end()) {
            const auto [what, name] = kind(e);
            return what + " '" + name + "' ontbreekt";
        }
    return {};
}

}  // namespace

Store::Store(const std::string& path, const std::function<void(const std::string&)>& notice)
    : Store(path, Access::create, notice) {}

Store::Store(const std::string& path, Access access, const std::function<void(const std::string&)>& notice)
    : path_(path), db_(std::make_unique<Db>()) {
    db_->path = path;
    db_->notice = notice;
    // One connection per Store, used by one thread at a time: no mutex around every call (they
    // cost an eighth of a large import), and no global memory statistics.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
    const bool create = access == Access::create;
    const bool migrate = access == Access::create || access == Access::migrate;
    if (!create) {
        // Only a command that stores new logs makes a database; the others name the one to make.
        std::error_code ec;
        if (!std::filesystem::exists(path, ec))
            throw Error(path + ": database bestaat niet; maak hem met 'wmotoets importeer --db " + shell_quoted(path) +
                        " LOGBOEK …'");
    }
    const int flags = (access == Access::read ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                      (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_->db, flags, nullptr) != SQLITE_OK) {
        const std::string msg = dutch_sqlite_error(db_->db);
        sqlite3_close(db_->db);
        db_->db = nullptr;
        throw Error(path + ": database kan niet worden geopend: " + msg);
    }
    db_->wait_when_busy(true);
    // What the file is, asked before anything is written to it: a file that is no database (a CSV given
    // as --db), a database of another version and another program's database are refused and left
    // byte for byte as they were (no journal switched, nothing migrated; issue 27).
    const auto refuse = [&](const std::string& why) {
        sqlite3_close(db_->db);
        db_->db = nullptr;
        throw Error(path + ": " + why);
    };
    const auto ask = [&](const char* sql) -> std::optional<std::int64_t> {
        sqlite3_stmt* q = nullptr;
        std::optional<std::int64_t> v;
        if (sqlite3_prepare_v2(db_->db, sql, -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
            v = sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
        return v;
    };
    const auto stored_version = ask("PRAGMA user_version");
    const auto objects = ask("SELECT count(*) FROM sqlite_master");
    if (!stored_version || !objects) refuse("geen bruikbare wmotoets-database (" + dutch_sqlite_error(db_->db) + ")");
    if (*stored_version < 0 || *stored_version > kSchemaVersion)
        refuse("schemaversie " + std::to_string(*stored_version) +
               ": gemaakt door een andere versie van Wmo-toets of geen Wmo-toets-database (deze wmotoets kent "
               "schemaversie 1 tot en met " +
               std::to_string(kSchemaVersion) + "); het bestand is niet gewijzigd");
    if (*stored_version == 0 && *objects > 0)
        refuse(
            "geen Wmo-toets-database: het bestand bevat al tabellen van een ander programma; het is niet "
            "gewijzigd (kies voor --db een nieuw bestand)");
    const int version = static_cast<int>(*stored_version);
    if (version == 0 && !create)
        refuse("een lege database, nog zonder logboeken; importeer eerst met 'wmotoets importeer --db " +
               shell_quoted(path) + " LOGBOEK …'");
    if (version > 0) {
        // The schema of its version, nothing more or less: a trigger could rewrite stored figures, a
        // view another's rows.
        if (const std::string diff = schema_difference(schema_shape(db_->db), expected_shape(version)); !diff.empty())
            refuse("beschadigde of gewijzigde database: " + diff +
                   "; het bestand is niet gewijzigd. Maak een nieuwe database met 'wmotoets importeer'");
    }
    if (version > 0 && version < kSchemaVersion) {
        if (!migrate)
            refuse("de database heeft schemaversie " + std::to_string(version) +
                   " van een oudere Wmo-toets; deze opdracht leest alleen en werkt hem niet bij. Werk hem eenmalig "
                   "bij met 'wmotoets importeer --db " +
                   shell_quoted(path) + " --migreer' (maak eerst een kopie als u de oude versie wilt bewaren)");
        // A file of another version: its pages are checked before this version writes in it.
        sqlite3_stmt* q = nullptr;
        std::string result = "?";
        if (sqlite3_prepare_v2(db_->db, "PRAGMA quick_check(1)", -1, &q, nullptr) == SQLITE_OK &&
            sqlite3_step(q) == SQLITE_ROW) {
            const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
            result = t ? t : "?";
        }
        sqlite3_finalize(q);
        if (result != "ok")
            refuse("beschadigde database (de controle van SQLite vond: " + echoed(result, 200) +
                   "); het bestand is niet gewijzigd");
    }
    if (version == 0 &&
        sqlite3_exec(db_->db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr) != SQLITE_OK)  // a new file
        refuse("geen bruikbare wmotoets-database (" + dutch_sqlite_error(db_->db) + ")");
    db_->exec(
        access == Access::read
            ? "PRAGMA query_only=ON; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY"
            : "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY",
        "het instellen van de database");
    if (version < kSchemaVersion) {
        if (version > 0 && notice)
            notice(path + ": de database wordt bijgewerkt van schemaversie " + std::to_string(version) + " naar " +
                   std::to_string(kSchemaVersion) + " (eenmalig; een grote database kan enkele minuten duren)");
        Transaction t(*db_);
        for (int v = version; v < kSchemaVersion; ++v) db_->exec(kMigrations[v], "het bijwerken van het schema");
        db_->exec(("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str(), "het bijwerken van het schema");
        t.commit();
    }
}

Store::~Store() = default;

std::size_t Store::dossier_count() const {
    return static_cast<std::size_t>(scalar(*db_, "SELECT count(*) FROM cases"));
}
std::size_t Store::event_count() const { return static_cast<std::size_t>(scalar(*db_, "SELECT count(*) FROM events")); }
std::size_t Store::import_count() const {
    return static_cast<std::size_t>(scalar(*db_, "SELECT count(*) FROM imports"));
}

std::vector<std::int64_t> Store::import_ids() const {
    std::vector<std::int64_t> ids;
    Stmt q(*db_, "SELECT id FROM imports ORDER BY id");
    while (q.step("het lezen van de imports")) ids.push_back(q.i64(0));
    return ids;
}

std::string Store::integrity_check() const {
    Stmt q(*db_, "PRAGMA integrity_check");
    std::string out;
    while (q.step("de integriteitscontrole")) {
        if (!out.empty()) out += '\n';
        out += q.text(0);
    }
    return out;
}

}  // namespace wmotoets
