// The only translation unit that includes sqlite3.h.
#include "model/store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstring>
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
};
constexpr int kVersions = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);
static_assert(kVersions == Store::kSchemaVersion);

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
    // Closed here, so a constructor that throws after opening leaks nothing.
    ~Db() {
        if (db) sqlite3_close(db);
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw Error(path + ": databasefout bij " + what + ": " + sqlite3_errmsg(db));
    }
    void exec(const char* sql, const char* what) const {
        char* err = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
            const std::string msg = err ? err : "?";
            sqlite3_free(err);
            throw Error(path + ": databasefout bij " + what + ": " + msg);
        }
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

Store::Store(const std::string& path) : path_(path), db_(std::make_unique<Db>()) {
    db_->path = path;
    // One connection per Store, used by one thread at a time: no mutex around every call (they
    // cost an eighth of a large import), and no global memory statistics.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
    if (sqlite3_open_v2(path.c_str(), &db_->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string msg = db_->db ? sqlite3_errmsg(db_->db) : "?";
        sqlite3_close(db_->db);
        db_->db = nullptr;
        throw Error(path + ": database kan niet worden geopend: " + msg);
    }
    sqlite3_busy_timeout(db_->db, 10000);
    // Not a database at all (e.g. a CSV given as --db) fails here with a clear message.
    char* err = nullptr;
    if (sqlite3_exec(db_->db, "PRAGMA journal_mode=WAL", nullptr, nullptr, &err) != SQLITE_OK) {
        const std::string msg = err ? err : "?";
        sqlite3_free(err);
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

// The strings table seen from one log: its string ids (and activity names) mapped to the
// database's, new texts added as they are first needed.
class StringIds {
public:
    StringIds(const Store::Db& db, const EventLog& log)
        : log_(log), db_id_(log.strings.size(), 0), add_(db, "INSERT INTO strings(id, text) VALUES(?, ?)") {
        Stmt q(db, "SELECT id, text FROM strings");
        while (q.step("het lezen van de teksten")) known_.emplace(std::string(q.text(1)), q.i64(0));
        next_id_ = scalar(db, "SELECT coalesce(max(id), 0) FROM strings") + 1;
    }
    std::int64_t of(StrId s) {
        if (s == 0) return 0;
        if (db_id_[s] == 0) db_id_[s] = of_text(log_.str(s));
        return db_id_[s];
    }
    // Activities by name (schema 2): the program's enum may grow in any order.
    std::int64_t of(Activity a) {
        std::int64_t& id = activity_ids_[static_cast<std::size_t>(a)];
        if (id == 0) id = of_text(activity_name(a));
        return id;
    }

private:
    std::int64_t of_text(std::string_view text) {
        auto [it, inserted] = known_.try_emplace(std::string(text), next_id_);
        if (inserted) {
            add_.bind(1, next_id_).bind(2, text).run("het vastleggen van een tekst");
            ++next_id_;
        }
        return it->second;
    }
    const EventLog& log_;
    std::unordered_map<std::string, std::int64_t> known_;
    std::int64_t next_id_ = 1;
    std::vector<std::int64_t> db_id_;
    std::array<std::int64_t, kCanonicalActivityCount + 1> activity_ids_{};
    Stmt add_;
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

// Writes the events of one dossier and one file (seq: the row order within the file).
class EventWriter {
public:
    EventWriter(const Store::Db& db, const EventLog& log, std::size_t file, StringIds& ids)
        : log_(log), file_(file), ids_(ids),
          put_(db,
               "INSERT INTO events(case_str, import_id, seq, line, date, ms, activity, label, actor, role, team, "
               "organisatie, event_id, attrs) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)") {
        for (std::uint32_t i = 0; i < log.events.size(); ++i)
            if (log.events[i].file == file) {
                first_event_ = i;
                break;
            }
    }
    void put(const Case& c, std::int64_t case_id, std::int64_t import_id) {
        for (std::uint32_t ei : log_.events_of(c)) {
            const Event& e = log_.events[ei];
            if (e.file != file_) continue;
            const Who& w = log_.who(e);
            put_.bind(1, case_id).bind(2, import_id).bind(3, std::int64_t(ei - first_event_));
            put_.bind(4, std::int64_t(e.line)).bind(5, std::int64_t(e.date.days)).bind(6, std::int64_t(e.ms));
            put_.bind(7, ids_.of(e.activity));
            int col = 8;
            for (StrId s : {log_.label_id(e), w.actor, w.role, w.team, w.organisatie, log_.event_id(e)}) {
                if (s == 0) put_.bind_null(col);
                else put_.bind(col, ids_.of(s));
                ++col;
            }
            attrs_.clear();
            for (const Attribute& a : log_.attributes_of(e)) {
                attrs_.push_back(static_cast<std::uint32_t>(ids_.of(a.key)));
                attrs_.push_back(static_cast<std::uint32_t>(ids_.of(a.value)));
            }
            if (attrs_.empty()) put_.bind_null(14);
            else put_.bind_blob(14, attrs_.data(), attrs_.size() * sizeof(std::uint32_t));
            put_.run("het vastleggen van een gebeurtenis");
        }
    }

private:
    const EventLog& log_;
    std::size_t file_;
    StringIds& ids_;
    Stmt put_;
    std::uint32_t first_event_ = 0;
    std::vector<std::uint32_t> attrs_;
};

}  // namespace

ImportSummary Store::add_import(const EventLog& log, std::size_t file, const std::string& imported_at) {
    const InputFile& in = log.inputs.at(file);
    Transaction t(*db_);
    if (auto earlier = earlier_import(*db_, in)) return *earlier;  // rolled back: nothing changed
    ImportSummary sum;
    sum.import_id = insert_import(*db_, in, imported_at);
    StringIds ids(*db_, log);
    // Dossiers in the order of their ids in the store (appending to the tables' keys).
    std::vector<std::size_t> order(log.cases.size());
    std::vector<std::int64_t> case_db(log.cases.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
        case_db[i] = ids.of(log.cases[i].id);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return case_db[a] < case_db[b]; });
    // Into an empty store every dossier is new: no need to look each one up.
    const bool store_was_empty = scalar(*db_, "SELECT count(*) FROM cases") == 0;
    Stmt find_case(*db_, "SELECT hash FROM cases WHERE case_str = ?");
    Stmt put_case(*db_, "INSERT OR REPLACE INTO cases(case_str, hash, import_id) VALUES(?,?,?)");
    Stmt drop_events(*db_, "DELETE FROM events WHERE case_str = ?");
    EventWriter events(*db_, log, file, ids);
    for (std::size_t ci : order) {
        const std::int64_t hash = dossier_hash(log, log.cases[ci], file);
        std::optional<std::int64_t> old_hash;
        if (!store_was_empty) {
            if (find_case.bind(1, case_db[ci]).step("het zoeken van een dossier")) old_hash = find_case.i64(0);
            find_case.reset();
        }
        if (old_hash == hash) {
            ++sum.unchanged;
            continue;
        }
        if (old_hash) drop_events.bind(1, case_db[ci]).run("het vervangen van een dossier");
        ++(old_hash ? sum.replaced : sum.added);
        put_case.bind(1, case_db[ci]).bind(2, hash).bind(3, sum.import_id).run("het vastleggen van een dossier");
        events.put(log.cases[ci], case_db[ci], sum.import_id);
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
           "SELECT case_str, import_id, line, date, ms, activity, label, actor, role, team, organisatie, event_id, attrs "
           "FROM events ORDER BY case_str, import_id, seq");
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
