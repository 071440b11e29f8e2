// The only translation unit that includes sqlite3.h.
#include "model/store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "model/error.hpp"

namespace wmotoets {

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
    // 3: the lead times of a run, per phase (doorlooptijden.md); a run of version 2 has none.
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
};
constexpr int kVersions = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);
static_assert(kVersions == Store::kSchemaVersion);

// How long a statement waits for another program that writes in the database (a large import
// holds it for seconds, with a rollback journal for most of its storing) before it gives up.
constexpr int kBusyTimeoutMs = 5 * 60 * 1000;
constexpr int kBusyStepMs = 20;

// SQLite's message in Dutch, by its error code (its own English text only for what a user cannot
// cause: a mistake in this program's SQL).
std::string dutch_sqlite_error(sqlite3* db) {
    switch (db ? sqlite3_errcode(db) : SQLITE_NOMEM) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "de database is bezet: een ander programma schrijft erin; probeer het straks opnieuw";
    case SQLITE_NOTADB: return "dit bestand is geen database";
    case SQLITE_CORRUPT: return "de database is beschadigd";
    case SQLITE_FULL: return "de schijf is vol";
    case SQLITE_READONLY: return "de database mag niet worden gewijzigd (alleen-lezen)";
    case SQLITE_CANTOPEN: return "het bestand kan niet worden geopend of aangemaakt";
    case SQLITE_PERM:
    case SQLITE_AUTH: return "geen toestemming";
    case SQLITE_IOERR: return "lees- of schrijffout op de schijf";
    case SQLITE_NOMEM: return "onvoldoende geheugen";
    case SQLITE_TOOBIG: return "een tekst of waarde is te groot";
    default: return std::string("SQLite-fout: ") + sqlite3_errmsg(db);
    }
}

std::uint64_t fnv(std::uint64_t h, std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return (h ^ 0xFF) * 1099511628211ULL;  // a separator, so "ab"+"c" differs from "a"+"bc"
}
std::uint64_t fnv(std::uint64_t h, std::int64_t v) {
    for (int i = 0; i < 8; ++i) h = (h ^ std::uint64_t((v >> (8 * i)) & 0xFF)) * 1099511628211ULL;
    return h;
}

}  // namespace

struct Store::Db {
    sqlite3* db = nullptr;
    std::string path;
    std::function<void(const std::string&)> notice;
    bool said_waiting = false;
    // Closed here, so a constructor that throws after opening leaks nothing.
    ~Db() {
        if (db) sqlite3_close(db);
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw Error(path + ": databasefout bij " + what + ": " + dutch_sqlite_error(db));
    }
    void exec(const char* sql, const char* what) const {
        if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(what);
    }
    // While another program writes: wait up to kBusyTimeoutMs, saying so once after a second (or
    // not wait at all).
    void wait_when_busy(bool wait) {
        sqlite3_busy_handler(db, wait ? &Db::on_busy : nullptr, this);
    }

private:
    static int on_busy(void* self, int tries) {
        auto* d = static_cast<Db*>(self);
        if (tries >= kBusyTimeoutMs / kBusyStepMs) return 0;
        if (tries == 1000 / kBusyStepMs && d->notice && !d->said_waiting) {
            d->said_waiting = true;
            d->notice(d->path + ": wacht op een ander programma dat in deze database schrijft (hoogstens " +
                      std::to_string(kBusyTimeoutMs / 60000) + " minuten)");
        }
        sqlite3_sleep(kBusyStepMs);
        return 1;
    }
};

namespace {

class Stmt {
public:
    Stmt(const Store::Db& db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db.db, sql, -1, &s_, nullptr) != SQLITE_OK) db.fail(std::string("voorbereiden van ") + sql);
    }
    ~Stmt() { sqlite3_finalize(s_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(s_, i, v);
        return *this;
    }
    Stmt& bind(int i, std::string_view v) {
        sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& bind(int i, const std::optional<double>& v) {
        if (v) sqlite3_bind_double(s_, i, *v);
        else sqlite3_bind_null(s_, i);
        return *this;
    }
    Stmt& bind_blob(int i, const void* p, std::size_t n) {
        sqlite3_bind_blob(s_, i, p, static_cast<int>(n), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& bind_null(int i) {
        sqlite3_bind_null(s_, i);
        return *this;
    }
    // True for a row, false when done.
    bool step(const char* what) {
        const int rc = sqlite3_step(s_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) db_.fail(what);
        return false;
    }
    void run(const char* what) {
        step(what);
        sqlite3_reset(s_);
        sqlite3_clear_bindings(s_);
    }
    // For a statement whose parameters are all bound anew before every run.
    void run_rebound(const char* what) {
        step(what);
        sqlite3_reset(s_);
    }
    void reset() {
        sqlite3_reset(s_);
        sqlite3_clear_bindings(s_);
    }
    std::int64_t i64(int c) const { return sqlite3_column_int64(s_, c); }
    bool null(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
    double real(int c) const { return sqlite3_column_double(s_, c); }
    std::string_view text(int c) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, c));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, c))) : std::string_view{};
    }
    std::string_view blob(int c) const {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(s_, c));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, c))) : std::string_view{};
    }

private:
    const Store::Db& db_;
    sqlite3_stmt* s_ = nullptr;
};

// BEGIN IMMEDIATE … COMMIT; rolled back unless committed (also when the process dies: the
// journal undoes an unfinished transaction when the database is next opened).
class Transaction {
public:
    explicit Transaction(const Store::Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE", "het starten van een transactie"); }
    ~Transaction() {
        if (!done_) sqlite3_exec(db_.db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    void commit() {
        db_.exec("COMMIT", "het vastleggen van de transactie");
        done_ = true;
    }

private:
    const Store::Db& db_;
    bool done_ = false;
};

std::int64_t scalar(const Store::Db& db, const char* sql) {
    Stmt s(db, sql);
    return s.step(sql) ? s.i64(0) : 0;
}

}  // namespace

Store::Store(const std::string& path, const std::function<void(const std::string&)>& notice)
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
    if (sqlite3_open_v2(path.c_str(), &db_->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string msg = dutch_sqlite_error(db_->db);
        sqlite3_close(db_->db);
        db_->db = nullptr;
        throw Error(path + ": database kan niet worden geopend: " + msg);
    }
    db_->wait_when_busy(true);
    // Not a database at all (e.g. a CSV given as --db) fails here with a clear message.
    if (sqlite3_exec(db_->db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr) != SQLITE_OK) {
        const std::string msg = dutch_sqlite_error(db_->db);
        sqlite3_close(db_->db);
        db_->db = nullptr;
        throw Error(path + ": geen bruikbare wmotoets-database (" + msg + ")");
    }
    db_->exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY",
              "het instellen van de database");
    const auto version = static_cast<int>(scalar(*db_, "PRAGMA user_version"));
    if (version > kSchemaVersion)
        throw Error(path + ": database heeft schemaversie " + std::to_string(version) + ", deze wmotoets kent tot en met " +
                    std::to_string(kSchemaVersion) + "; gebruik een nieuwere wmotoets");
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

std::size_t Store::case_count() const { return static_cast<std::size_t>(scalar(*db_, "SELECT count(*) FROM cases")); }
std::size_t Store::event_count() const { return static_cast<std::size_t>(scalar(*db_, "SELECT count(*) FROM events")); }
std::size_t Store::import_count() const { return static_cast<std::size_t>(scalar(*db_, "SELECT count(*) FROM imports")); }

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

namespace {

// The import of `in` made before, if its SHA-256 is in the store.
std::optional<ImportSummary> earlier_import(const Store::Db& db, const InputFile& in) {
    Stmt q(db, "SELECT id, path FROM imports WHERE sha256 = ?");
    q.bind(1, in.sha256);
    if (!q.step("het zoeken van eerdere imports")) return std::nullopt;
    ImportSummary sum;
    sum.already_imported = true;
    sum.import_id = q.i64(0);
    sum.earlier_path = std::string(q.text(1));
    return sum;
}

std::int64_t insert_import(const Store::Db& db, const InputFile& in, const std::string& imported_at) {
    Stmt ins(db,
             "INSERT INTO imports(path, sha256, format, mapping, rows, used, rejected, skipped, possible_bsn, "
             "windows1252, imported_at) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    ins.bind(1, in.path).bind(2, in.sha256).bind(3, in.format);
    if (in.mapping.empty()) ins.bind_null(4);
    else ins.bind(4, in.mapping);
    ins.bind(5, std::int64_t(in.rows)).bind(6, std::int64_t(in.used)).bind(7, std::int64_t(in.rejected));
    ins.bind(8, std::int64_t(in.skipped)).bind(9, std::int64_t(in.possible_bsn)).bind(10, std::int64_t(in.windows1252));
    ins.bind(11, imported_at);
    ins.run("het vastleggen van de import");
    return sqlite3_last_insert_rowid(db.db);
}

// Runs an INSERT for kBatch rows at a time: starting and ending a statement is a third of what
// SQLite does for a small row. Rows wait in a buffer, bound by `bind(statement, parameters before
// the row's, row)` when the batch is written; what is left at flush() goes one row at a time.
template <class Row>
class BatchInsert {
public:
    static constexpr int kBatch = 32;
    using Bind = void (*)(Stmt&, int, const Row&);
    // head: "INSERT INTO t(a, b) VALUES"
    BatchInsert(const Store::Db& db, const std::string& head, int columns, Bind bind)
        : one_(db, values(head, columns, 1).c_str()), batch_(db, values(head, columns, kBatch).c_str()),
          columns_(columns), bind_(bind) {}
    bool full() const { return pending_ == kBatch; }
    Row& add() { return rows_[std::size_t(pending_++)]; }  // not when full()
    void flush(const char* what) {
        if (pending_ == kBatch) {
            for (int i = 0; i < kBatch; ++i) bind_(batch_, i * columns_, rows_[std::size_t(i)]);
            batch_.run_rebound(what);
        } else {
            for (int i = 0; i < pending_; ++i) {
                bind_(one_, 0, rows_[std::size_t(i)]);
                one_.run_rebound(what);
            }
        }
        pending_ = 0;
    }

private:
    static std::string values(const std::string& head, int columns, int rows) {
        std::string row = "(?";
        for (int c = 1; c < columns; ++c) row += ",?";
        row += ')';
        std::string sql = head;
        for (int i = 0; i < rows; ++i) {
            if (i > 0) sql += ',';
            sql += row;
        }
        return sql;
    }
    Stmt one_, batch_;
    int columns_;
    Bind bind_;
    std::array<Row, kBatch> rows_{};
    int pending_ = 0;
};

// The strings table seen from one log: the database id of every string its events use (and of
// the activity names), new texts added at once, dossier ids first (their order is the order in
// which dossiers are stored and loaded). Afterwards read-only, so another thread may use it.
class StringIds {
public:
    StringIds(const Store::Db& db, const EventLog& log, std::size_t file) : db_id_(log.strings.size(), 0) {
        // Texts are unique in the log's pool and in the table: only the table's need a map.
        struct TextHash {
            using is_transparent = void;
            std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
        };
        std::unordered_map<std::string, std::int64_t, TextHash, std::equal_to<>> known;
        {
            Stmt q(db, "SELECT id, text FROM strings");
            while (q.step("het lezen van de teksten")) known.emplace(std::string(q.text(1)), q.i64(0));
        }
        std::int64_t next = scalar(db, "SELECT coalesce(max(id), 0) FROM strings") + 1;
        struct NewText {
            std::int64_t id;
            std::string_view text;
        };
        BatchInsert<NewText> add(db, "INSERT INTO strings(id, text) VALUES", 2, [](Stmt& st, int at, const NewText& t) {
            st.bind(at + 1, t.id).bind(at + 2, t.text);
        });
        auto give = [&](StrId s) {
            if (s == 0 || db_id_[s] != 0) return;
            const std::string_view text = log.str(s);
            if (const auto it = known.find(text); it != known.end()) {
                db_id_[s] = it->second;
                return;
            }
            db_id_[s] = next;
            if (add.full()) add.flush("het vastleggen van een tekst");
            add.add() = {next++, text};
        };
        for (const Case& c : log.cases) give(c.id);
        for (const Event& e : log.events) {
            if (e.file != file) continue;
            const Who& w = log.who(e);
            for (StrId s : {log.label_id(e), w.actor, w.role, w.team, w.organisatie, log.event_id(e)}) give(s);
            for (const Attribute& at : log.attributes_of(e)) {
                give(at.key);
                give(at.value);
            }
        }
        // Activities by name (schema 2): the program's enum may grow in any order.
        for (std::size_t a = 0; a < activity_ids_.size(); ++a) {
            const std::string_view name = activity_name(static_cast<Activity>(a));
            if (const StrId s = log.strings.find(name)) {
                give(s);
                activity_ids_[a] = db_id_[s];
            } else if (const auto it = known.find(name); it != known.end()) {
                activity_ids_[a] = it->second;
            } else {
                if (add.full()) add.flush("het vastleggen van een tekst");
                add.add() = {next, name};
                activity_ids_[a] = next++;
            }
        }
        add.flush("het vastleggen van een tekst");
    }
    std::int64_t of(StrId s) const { return db_id_[s]; }  // 0 for 0
    std::int64_t of(Activity a) const { return activity_ids_[static_cast<std::size_t>(a)]; }

private:
    std::vector<std::int64_t> db_id_;
    std::array<std::int64_t, kCanonicalActivityCount + 1> activity_ids_{};
};

// The content of a dossier's events from one file, as a hash: equal exports give equal hashes.
std::int64_t dossier_hash(const EventLog& log, const Case& c, std::size_t file) {
    std::uint64_t h = 1469598103934665603ULL;
    for (std::uint32_t ei : log.events_of(c)) {
        const Event& e = log.events[ei];
        if (e.file != file) continue;
        const Who& w = log.who(e);
        h = fnv(h, std::int64_t(e.date.days));
        h = fnv(h, std::int64_t(e.ms));
        h = fnv(h, log.label(e));
        for (StrId s : {w.actor, w.role, w.team, w.organisatie, log.event_id(e)}) h = fnv(h, log.str(s));
        for (const Attribute& a : log.attributes_of(e)) h = fnv(fnv(h, log.str(a.key)), log.str(a.value));
    }
    return static_cast<std::int64_t>(h);
}

// The rows of the events table and of the cases table for the dossiers an import writes, made on
// a second core while the first one has SQLite write the rows made before (SQLite is most of the
// work). Events get the ids max(id) + 1, + 2, … in the order made: nothing is deleted while they
// are appended, so the ids of a dossier's events are known before they are written (and checked
// after: see write_rows).
struct EventRow {
    std::array<std::int64_t, 13> value{};  // case_str … event_id; from label on (index 7) 0 is NULL
    const std::uint32_t* attrs = nullptr;  // (key, value) string ids
    std::uint32_t attr_words = 0;
};
struct CaseRow {
    std::int64_t case_str, hash, import_id, first_event, last_event;
};
struct RowBlock {
    static constexpr std::size_t kEvents = 4096;
    std::vector<EventRow> events;
    std::vector<std::uint32_t> attrs;  // EventRow::attrs points in here
    std::vector<CaseRow> cases;        // the dossiers whose last event is in this block or before
    std::int64_t last_id = 0;          // of the last event
    bool last = false;                 // no block after this one
};

class RowMaker {
public:
    struct Job {
        const EventLog& log;
        std::size_t file;
        const StringIds& ids;
        std::vector<std::size_t> dossiers;  // in the order to write them
        const std::vector<std::int64_t>& case_db;
        const std::vector<std::int64_t>& hash;
        std::int64_t import_id;
        std::int64_t first_id;
    };
    explicit RowMaker(Job job) : job_(std::move(job)), thread_([this] { make(); }) {}
    ~RowMaker() {
        {
            const std::lock_guard lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
        thread_.join();
    }
    RowMaker(const RowMaker&) = delete;
    RowMaker& operator=(const RowMaker&) = delete;

    // The next block of rows (its `last` set on the final one); give it back when written.
    std::unique_ptr<RowBlock> next() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !made_.empty() || failure_; });
        if (failure_) std::rethrow_exception(failure_);
        auto b = std::move(made_.front());
        made_.pop_front();
        return b;
    }
    void give_back(std::unique_ptr<RowBlock> b) {
        {
            const std::lock_guard lock(mutex_);
            free_.push_back(std::move(b));
        }
        changed_.notify_all();
    }

private:
    static constexpr int kBlocks = 4;  // in flight: being written, ready, being made

    std::unique_ptr<RowBlock> free_block() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !free_.empty() || stop_; });
        if (stop_) return nullptr;
        auto b = std::move(free_.front());
        free_.pop_front();
        b->events.clear();
        b->attrs.clear();
        b->cases.clear();
        return b;
    }
    void hand_over(std::unique_ptr<RowBlock> b) {
        {
            const std::lock_guard lock(mutex_);
            made_.push_back(std::move(b));
        }
        changed_.notify_all();
    }
    void make() {
        try {
            for (int i = 0; i < kBlocks; ++i) free_.push_back(std::make_unique<RowBlock>());
            const EventLog& log = job_.log;
            std::uint32_t first_row = 0;  // seq: the row order within the file
            while (first_row < log.events.size() && log.events[first_row].file != job_.file) ++first_row;
            std::unique_ptr<RowBlock> b = free_block();
            std::int64_t next_id = job_.first_id;
            std::vector<std::uint32_t> rows;
            for (std::size_t ci : job_.dossiers) {
                if (!b) return;
                rows.clear();
                for (std::uint32_t ei : log.events_of(log.cases[ci]))
                    if (log.events[ei].file == job_.file) rows.push_back(ei);
                std::sort(rows.begin(), rows.end());  // in row order: seq
                const std::int64_t first = next_id;
                for (std::uint32_t ei : rows) {
                    if (b->events.size() == RowBlock::kEvents) {
                        finish_attrs(*b);
                        b->last_id = next_id - 1;
                        hand_over(std::move(b));
                        if (!(b = free_block())) return;
                    }
                    const Event& e = log.events[ei];
                    const Who& w = log.who(e);
                    EventRow& r = b->events.emplace_back();
                    r.value = {job_.case_db[ci], job_.import_id, std::int64_t(ei - first_row), std::int64_t(e.line),
                               std::int64_t(e.date.days), std::int64_t(e.ms), job_.ids.of(e.activity),
                               job_.ids.of(log.label_id(e)), job_.ids.of(w.actor), job_.ids.of(w.role), job_.ids.of(w.team),
                               job_.ids.of(w.organisatie), job_.ids.of(log.event_id(e))};
                    r.attr_words = 0;
                    for (const Attribute& a : log.attributes_of(e)) {
                        b->attrs.push_back(static_cast<std::uint32_t>(job_.ids.of(a.key)));
                        b->attrs.push_back(static_cast<std::uint32_t>(job_.ids.of(a.value)));
                        r.attr_words += 2;
                    }
                    ++next_id;
                }
                b->cases.push_back({job_.case_db[ci], job_.hash[ci], job_.import_id, first, next_id - 1});
            }
            finish_attrs(*b);
            b->last_id = next_id - 1;
            b->last = true;
            hand_over(std::move(b));
        } catch (...) {
            {
                const std::lock_guard lock(mutex_);
                failure_ = std::current_exception();
            }
            changed_.notify_all();
        }
    }
    // The attribute pointers, once the block's attribute words no longer move.
    static void finish_attrs(RowBlock& b) {
        std::size_t at = 0;
        for (EventRow& r : b.events) {
            r.attrs = b.attrs.data() + at;
            at += r.attr_words;
        }
    }

    Job job_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::unique_ptr<RowBlock>> free_, made_;
    std::exception_ptr failure_;
    bool stop_ = false;
    std::thread thread_;  // last: started when the rest is ready
};

// Has SQLite write the rows `maker` makes: events and dossiers in batches.
void write_rows(const Store::Db& db, RowMaker& maker) {
    BatchInsert<EventRow> events(
        db,
        "INSERT INTO events(case_str, import_id, seq, line, date, ms, activity, label, actor, role, team, organisatie, "
        "event_id, attrs) VALUES",
        14, [](Stmt& st, int at, const EventRow& r) {
            for (int c = 0; c < 13; ++c) {
                const std::int64_t v = r.value[std::size_t(c)];
                if (c >= 7 && v == 0) st.bind_null(at + c + 1);
                else st.bind(at + c + 1, v);
            }
            if (r.attr_words == 0) st.bind_null(at + 14);
            else st.bind_blob(at + 14, r.attrs, r.attr_words * sizeof(std::uint32_t));
        });
    BatchInsert<CaseRow> cases(db,
                               "INSERT OR REPLACE INTO cases(case_str, hash, import_id, first_event, last_event) VALUES", 5,
                               [](Stmt& st, int at, const CaseRow& c) {
                                   st.bind(at + 1, c.case_str).bind(at + 2, c.hash).bind(at + 3, c.import_id);
                                   st.bind(at + 4, c.first_event).bind(at + 5, c.last_event);
                               });
    for (;;) {
        std::unique_ptr<RowBlock> b = maker.next();
        for (const EventRow& r : b->events) {
            if (events.full()) events.flush("het vastleggen van een gebeurtenis");
            events.add() = r;
        }
        events.flush("het vastleggen van een gebeurtenis");  // the rows point into the block
        if (!b->events.empty() && sqlite3_last_insert_rowid(db.db) != b->last_id)
            throw Error(db.path + ": databasefout bij het vastleggen van de gebeurtenissen: onverwachte nummering");
        for (const CaseRow& c : b->cases) {
            if (cases.full()) cases.flush("het vastleggen van een dossier");
            cases.add() = c;
        }
        const bool last = b->last;
        maker.give_back(std::move(b));
        if (last) break;
    }
    cases.flush("het vastleggen van een dossier");
}

// A large import writes mostly new pages: with a rollback journal they are written once, with WAL
// twice (into the log, then by the checkpoint into the database) — a sixth of the time of a
// million-dossier import. So an import runs with a rollback journal (and synchronous=FULL: a power
// cut cannot damage the database) when no other connection has the database open, and the database
// goes back to WAL afterwards, where readers never wait for a writer. With another connection
// open, the switch is refused at once and the import runs in WAL; a program that opens the database
// during such an import waits for it (Db::wait_when_busy).
class RollbackJournal {
public:
    explicit RollbackJournal(Store::Db& db) : db_(db) {
        db_.wait_when_busy(false);
        sqlite3_stmt* mode = nullptr;
        if (sqlite3_prepare_v2(db_.db, "PRAGMA journal_mode=DELETE", -1, &mode, nullptr) == SQLITE_OK &&
            sqlite3_step(mode) == SQLITE_ROW) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(mode, 0));
            switched_ = text && std::string_view(text) == "delete";
        }
        sqlite3_finalize(mode);  // a refusal (SQLITE_BUSY) is no error: the import runs in WAL
        db_.wait_when_busy(true);
        if (switched_) db_.exec("PRAGMA synchronous=FULL", "het kiezen van het journaal");
    }
    ~RollbackJournal() {
        if (switched_) sqlite3_exec(db_.db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
    }
    RollbackJournal(const RollbackJournal&) = delete;
    RollbackJournal& operator=(const RollbackJournal&) = delete;

private:
    Store::Db& db_;
    bool switched_ = false;
};

}  // namespace

ImportSummary Store::add_import(const EventLog& log, std::size_t file, const std::string& imported_at) {
    const InputFile& in = log.inputs.at(file);
    const RollbackJournal journal(*db_);  // outlives the transaction
    Transaction t(*db_);
    if (auto earlier = earlier_import(*db_, in)) return *earlier;  // rolled back: nothing changed
    ImportSummary sum;
    sum.import_id = insert_import(*db_, in, imported_at);
    // The dossiers' hashes on the second core while the first stores the texts.
    std::vector<std::int64_t> hash(log.cases.size());
    auto hashing = std::async(std::launch::async, [&] {
        for (std::size_t ci = 0; ci < log.cases.size(); ++ci) hash[ci] = dossier_hash(log, log.cases[ci], file);
    });
    const StringIds ids(*db_, log, file);
    hashing.get();
    // Dossiers in the order of their ids in the store (appending to the tables' keys).
    std::vector<std::size_t> order(log.cases.size());
    std::vector<std::int64_t> case_db(log.cases.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
        case_db[i] = ids.of(log.cases[i].id);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return case_db[a] < case_db[b]; });
    // What happens to each dossier: added, replaced or unchanged. Into an empty store every dossier
    // is new: no need to look each one up. The events of a replaced dossier go before any is
    // appended (see RowMaker).
    if (scalar(*db_, "SELECT count(*) FROM cases") == 0) {
        sum.added = order.size();
    } else {
        Stmt find_case(*db_, "SELECT hash, first_event, last_event FROM cases WHERE case_str = ?");
        Stmt drop_events(*db_, "DELETE FROM events WHERE id BETWEEN ? AND ?");
        std::erase_if(order, [&](std::size_t ci) {
            bool unchanged = false;
            if (!find_case.bind(1, case_db[ci]).step("het zoeken van een dossier")) {
                ++sum.added;
            } else if (find_case.i64(0) == hash[ci]) {
                ++sum.unchanged;
                unchanged = true;
            } else {
                ++sum.replaced;
                drop_events.bind(1, find_case.i64(1)).bind(2, find_case.i64(2)).run("het vervangen van een dossier");
            }
            find_case.reset();
            return unchanged;
        });
    }
    {
        RowMaker maker({log, file, ids, std::move(order), case_db, hash, sum.import_id,
                        scalar(*db_, "SELECT coalesce(max(id), 0) FROM events") + 1});
        write_rows(*db_, maker);
    }
    Stmt upd(*db_, "UPDATE imports SET added = ?, replaced = ?, unchanged = ? WHERE id = ?");
    upd.bind(1, std::int64_t(sum.added)).bind(2, std::int64_t(sum.replaced)).bind(3, std::int64_t(sum.unchanged));
    upd.bind(4, sum.import_id).run("het vastleggen van de import");
    t.commit();
    return sum;
}

namespace {

// Every import as an input of `log`, in id order; the input of each import id.
std::unordered_map<std::int64_t, std::uint16_t> load_inputs(const Store::Db& db, EventLog& log) {
    std::unordered_map<std::int64_t, std::uint16_t> file_of;
    Stmt q(db,
           "SELECT id, path, sha256, format, mapping, rows, used, rejected, skipped, possible_bsn, windows1252 "
           "FROM imports ORDER BY id");
    while (q.step("het lezen van de imports")) {
        InputFile in;
        in.store_id = q.i64(0);
        in.path = std::string(q.text(1));
        in.sha256 = std::string(q.text(2));
        in.format = std::string(q.text(3));
        in.mapping = std::string(q.text(4));
        in.rows = std::size_t(q.i64(5));
        in.used = std::size_t(q.i64(6));
        in.rejected = std::size_t(q.i64(7));
        in.skipped = std::size_t(q.i64(8));
        in.possible_bsn = std::size_t(q.i64(9));
        in.windows1252 = q.i64(10) != 0;
        const std::int64_t id = in.store_id;
        file_of[id] = log.add_input(std::move(in));
    }
    return file_of;
}

// Every stored text interned in `log`: the log's id of each database string id.
std::vector<StrId> load_strings(const Store::Db& db, EventLog& log) {
    std::vector<StrId> str(static_cast<std::size_t>(scalar(db, "SELECT coalesce(max(id), 0) FROM strings")) + 1, 0);
    Stmt q(db, "SELECT id, text FROM strings");
    while (q.step("het lezen van de teksten")) str[std::size_t(q.i64(0))] = log.strings.intern(q.text(1));
    return str;
}

}  // namespace

EventLog Store::load() const {
    EventLog log;
    const auto file_of = load_inputs(*db_, log);
    const std::vector<StrId> str = load_strings(*db_, log);
    auto s = [&](const Stmt& q, int c) -> StrId { return q.null(c) ? 0 : str.at(std::size_t(q.i64(c))); };
    // The activity of a stored name; a name this program does not know is refused, never guessed.
    std::vector<std::optional<Activity>> activities(str.size());
    auto activity_of = [&](std::int64_t id) -> Activity {
        std::optional<Activity>& a = activities.at(std::size_t(id));
        if (!a) {
            const std::string_view name = log.str(str.at(std::size_t(id)));
            a = name == activity_name(Activity::onbekend) ? Activity::onbekend : activity_from_folded(name).value_or(Activity::onbekend);
            if (*a == Activity::onbekend && name != activity_name(Activity::onbekend))
                throw Error(path_ + ": onbekende activiteit '" + std::string(name) +
                            "' in de database (gemaakt met een nieuwere wmotoets?)");
        }
        return *a;
    };
    const auto n_events = static_cast<std::size_t>(scalar(*db_, "SELECT count(*) FROM events"));
    log.reserve(n_events, 0);
    // Dossier by dossier, and within one in the order of its import and rows: the input order.
    Stmt q(*db_,
           "SELECT e.case_str, e.import_id, e.line, e.date, e.ms, e.activity, e.label, e.actor, e.role, e.team, "
           "e.organisatie, e.event_id, e.attrs "
           "FROM cases c JOIN events e ON e.id BETWEEN c.first_event AND c.last_event ORDER BY c.case_str, e.id");
    std::int64_t last_case = -1;
    std::uint32_t case_index = 0;
    while (q.step("het lezen van de gebeurtenissen")) {
        Event e;
        if (q.i64(0) != last_case) {
            last_case = q.i64(0);
            case_index = log.case_index(log.str(str.at(std::size_t(last_case))));
        }
        e.case_index = case_index;
        e.file = file_of.at(q.i64(1));
        e.line = static_cast<std::uint32_t>(q.i64(2));
        e.date = Date{static_cast<std::int32_t>(q.i64(3))};
        e.ms = static_cast<std::int32_t>(q.i64(4));
        e.activity = activity_of(q.i64(5));
        e.who = log.who_index(Who{s(q, 7), s(q, 8), s(q, 9), s(q, 10)});
        const std::string_view blob = q.blob(12);
        e.attr_begin = static_cast<std::uint32_t>(log.attributes.size());
        for (const auto& [key, value] : {std::pair{kLabelKey, s(q, 6)}, std::pair{kEventIdKey, s(q, 11)}})
            if (value != 0) {
                log.add_attribute({key, value});
                ++e.attr_count;
            }
        for (std::size_t i = 0; i + 8 <= blob.size(); i += 8) {
            std::uint32_t k = 0, v = 0;
            std::memcpy(&k, blob.data() + i, 4);
            std::memcpy(&v, blob.data() + i + 4, 4);
            log.add_attribute({str.at(k), str.at(v)});
            ++e.attr_count;
        }
        log.add_event(e);
    }
    return log;
}

struct Store::RunWriter::Impl {
    explicit Impl(Store& store)
        : db(*store.db_), t(db), outcomes(db, "INSERT INTO outcomes(run_id, pos, case_id, codes) VALUES(?,?,?,?)"),
          findings(db,
                   "INSERT INTO findings(run_id, pos, case_id, rule, cycle, date, deadline, message, events) "
                   "VALUES(?,?,?,?,?,?,?,?,?)"),
          figures(db,
                  "INSERT INTO figures(run_id, pos, rule, title, severity, applicable, compliant, violations, unknown, "
                  "rate, lo, hi) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)"),
          lead_times(db,
                     "INSERT INTO lead_times(run_id, pos, phase, gestart, afgerond, lopend, beeindigd, mediaan, p75, p90) "
                     "VALUES(?,?,?,?,?,?,?,?,?,?)") {}
    Store::Db& db;
    Transaction t;
    Stmt outcomes, findings, figures, lead_times;
    std::int64_t id = 0, n_outcomes = 0, n_findings = 0, n_figures = 0, n_lead_times = 0;
    std::string text;  // the codes of a dossier, the rows of a finding
    std::vector<std::int64_t> import_ids;  // by input: the imports in id order, as load() lists them
};

Store::RunWriter::RunWriter(Store& store) : impl_(std::make_unique<Impl>(store)) {
    impl_->import_ids = store.import_ids();
}

Store::RunWriter::~RunWriter() = default;

void Store::RunWriter::begin(const std::string& peildatum, const RunSettings& settings,
                             const std::vector<std::string>& rules) {
    std::string list;
    for (const std::string& r : rules) {
        if (!list.empty()) list += ',';
        list += r;
    }
    Stmt ins(impl_->db, "INSERT INTO runs(peildatum, settings, rules) VALUES(?,?,?)");
    if (peildatum.empty()) ins.bind_null(1);
    else ins.bind(1, peildatum);
    ins.bind(2, settings.text()).bind(3, list).run("het vastleggen van de controle");
    impl_->id = sqlite3_last_insert_rowid(impl_->db.db);
}

void Store::RunWriter::outcomes(std::string_view case_id, std::span<const Outcome> row) {
    std::string& codes = impl_->text;
    codes.clear();
    for (const Outcome o : row) codes += outcome_code(o);
    impl_->outcomes.bind(1, impl_->id).bind(2, impl_->n_outcomes++).bind(3, case_id).bind(4, codes);
    impl_->outcomes.run("het vastleggen van uitkomsten");
}

void Store::RunWriter::finding(const RunRecord::Finding& x) {
    std::string& ev = impl_->text;
    ev.clear();
    for (const auto& [file, line] : x.events) {
        if (!ev.empty()) ev += ';';
        if (file >= impl_->import_ids.size())
            throw Error(impl_->db.path + ": bevinding verwijst naar invoerbestand " + std::to_string(file + 1) +
                        ", dat niet in de database staat");
        ev += std::to_string(impl_->import_ids[file]);
        ev += ':';
        ev += std::to_string(line);
    }
    Stmt& f = impl_->findings;
    f.bind(1, impl_->id).bind(2, impl_->n_findings++).bind(3, x.case_id).bind(4, x.rule).bind(5, std::int64_t(x.cycle));
    f.bind(6, x.date);
    if (x.deadline.empty()) f.bind_null(7);
    else f.bind(7, x.deadline);
    f.bind(8, x.message).bind(9, ev).run("het vastleggen van bevindingen");
}

void Store::RunWriter::figure(const RunRecord::Figure& x) {
    Stmt& g = impl_->figures;
    g.bind(1, impl_->id).bind(2, impl_->n_figures++).bind(3, x.rule).bind(4, x.title).bind(5, x.severity);
    g.bind(6, std::int64_t(x.applicable)).bind(7, std::int64_t(x.compliant)).bind(8, std::int64_t(x.violations));
    g.bind(9, std::int64_t(x.unknown)).bind(10, x.rate).bind(11, x.lo).bind(12, x.hi).run("het vastleggen van cijfers");
}

void Store::RunWriter::lead_time(const RunRecord::LeadTime& x) {
    Stmt& l = impl_->lead_times;
    auto days = [&l](int col, std::optional<int> d) {
        if (d) l.bind(col, std::int64_t(*d));
        else l.bind_null(col);
    };
    l.bind(1, impl_->id).bind(2, impl_->n_lead_times++).bind(3, x.phase).bind(4, std::int64_t(x.gestart));
    l.bind(5, std::int64_t(x.afgerond)).bind(6, std::int64_t(x.lopend)).bind(7, std::int64_t(x.beeindigd));
    days(8, x.mediaan);
    days(9, x.p75);
    days(10, x.p90);
    l.run("het vastleggen van doorlooptijden");
}

std::int64_t Store::RunWriter::commit() {
    impl_->t.commit();
    return impl_->id;
}

std::int64_t Store::add_run(const RunRecord& run) {
    RunWriter w(*this);
    emit(run, w);
    return w.commit();
}

namespace {

void read_run_header(const Store::Db& db, std::int64_t id, RunRecord& run) {
    Stmt q(db, "SELECT peildatum, settings, rules FROM runs WHERE id = ?");
    q.bind(1, id);
    q.step("het lezen van de controle");
    run.peildatum = std::string(q.text(0));
    run.settings = RunSettings::parse(q.text(1));
    std::string_view rules = q.text(2);
    while (!rules.empty()) {
        const auto comma = rules.find(',');
        run.rules.emplace_back(rules.substr(0, comma));
        rules = comma == std::string_view::npos ? std::string_view{} : rules.substr(comma + 1);
    }
}

void read_outcomes(const Store::Db& db, std::int64_t id, RunRecord& run) {
    Stmt q(db, "SELECT case_id, codes FROM outcomes WHERE run_id = ? ORDER BY pos");
    q.bind(1, id);
    while (q.step("het lezen van uitkomsten")) {
        run.case_ids.emplace_back(q.text(0));
        const std::string_view codes = q.text(1);
        for (std::size_t r = 0; r < run.rules.size(); ++r) {
            const auto o = r < codes.size() ? outcome_from_code(codes[r]) : std::nullopt;
            if (!o) throw Error(db.path + ": beschadigde uitkomsten van dossier '" + std::string(q.text(0)) + "' in controle " +
                                std::to_string(id));
            run.outcomes.push_back(*o);
        }
    }
}

void read_findings(const Store::Db& db, const std::vector<std::int64_t>& ids, std::int64_t id, RunRecord& run) {
    auto input_of = [&](std::uint64_t import_id) -> std::size_t {
        const auto it = std::lower_bound(ids.begin(), ids.end(), std::int64_t(import_id));
        if (it == ids.end() || *it != std::int64_t(import_id))
            throw Error(db.path + ": bevinding verwijst naar import " + std::to_string(import_id) + ", die er niet is");
        return std::size_t(it - ids.begin());
    };
    Stmt q(db, "SELECT case_id, rule, cycle, date, deadline, message, events FROM findings WHERE run_id = ? ORDER BY pos");
    q.bind(1, id);
    while (q.step("het lezen van bevindingen")) {
        RunRecord::Finding f;
        f.case_id = std::string(q.text(0));
        f.rule = std::string(q.text(1));
        f.cycle = static_cast<int>(q.i64(2));
        f.date = std::string(q.text(3));
        f.deadline = std::string(q.text(4));
        f.message = std::string(q.text(5));
        std::string_view ev = q.text(6);
        while (!ev.empty()) {
            const auto semi = ev.find(';');
            const std::string_view item = ev.substr(0, semi);
            const auto colon = item.find(':');
            f.events.emplace_back(input_of(std::stoull(std::string(item.substr(0, colon)))),
                                  static_cast<std::uint32_t>(std::stoul(std::string(item.substr(colon + 1)))));
            ev = semi == std::string_view::npos ? std::string_view{} : ev.substr(semi + 1);
        }
        run.findings.push_back(std::move(f));
    }
}

void read_figures(const Store::Db& db, std::int64_t id, RunRecord& run) {
    Stmt q(db,
           "SELECT rule, title, severity, applicable, compliant, violations, unknown, rate, lo, hi FROM figures "
           "WHERE run_id = ? ORDER BY pos");
    q.bind(1, id);
    while (q.step("het lezen van cijfers")) {
        RunRecord::Figure f;
        f.rule = std::string(q.text(0));
        f.title = std::string(q.text(1));
        f.severity = std::string(q.text(2));
        f.applicable = std::size_t(q.i64(3));
        f.compliant = std::size_t(q.i64(4));
        f.violations = std::size_t(q.i64(5));
        f.unknown = std::size_t(q.i64(6));
        if (!q.null(7)) f.rate = q.real(7);
        if (!q.null(8)) f.lo = q.real(8);
        if (!q.null(9)) f.hi = q.real(9);
        run.figures.push_back(std::move(f));
    }
}

void read_lead_times(const Store::Db& db, std::int64_t id, RunRecord& run) {
    Stmt q(db,
           "SELECT phase, gestart, afgerond, lopend, beeindigd, mediaan, p75, p90 FROM lead_times WHERE run_id = ? "
           "ORDER BY pos");
    q.bind(1, id);
    while (q.step("het lezen van doorlooptijden")) {
        RunRecord::LeadTime l;
        l.phase = std::string(q.text(0));
        l.gestart = std::size_t(q.i64(1));
        l.afgerond = std::size_t(q.i64(2));
        l.lopend = std::size_t(q.i64(3));
        l.beeindigd = std::size_t(q.i64(4));
        if (!q.null(5)) l.mediaan = int(q.i64(5));
        if (!q.null(6)) l.p75 = int(q.i64(6));
        if (!q.null(7)) l.p90 = int(q.i64(7));
        run.lead_times.push_back(std::move(l));
    }
}

}  // namespace

std::optional<RunRecord> Store::latest_run() const {
    const std::int64_t id = scalar(*db_, "SELECT coalesce(max(id), 0) FROM runs");
    if (id == 0) return std::nullopt;
    RunRecord run;
    read_run_header(*db_, id, run);
    read_outcomes(*db_, id, run);
    read_findings(*db_, import_ids(), id, run);
    read_figures(*db_, id, run);
    read_lead_times(*db_, id, run);
    return run;
}

}  // namespace wmotoets
