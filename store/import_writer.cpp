// Importing one file into the store: its dossiers' events appended (new and replaced dossiers), rows made
// on a second core while SQLite writes.
#include "store/sqlite.hpp"

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

namespace wmotoets {

using namespace store_sql;

namespace {

std::uint64_t fnv(std::uint64_t h, std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return (h ^ 0xFF) * 1099511628211ULL;  // a separator, so "ab"+"c" differs from "a"+"bc"
}
std::uint64_t fnv(std::uint64_t h, std::int64_t v) {
    for (int i = 0; i < 8; ++i) h = (h ^ std::uint64_t((v >> (8 * i)) & 0xFF)) * 1099511628211ULL;
    return h;
}

}  // namespace

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
        : one_(db, values(head, columns, 1).c_str()),
          batch_(db, values(head, columns, kBatch).c_str()),
          columns_(columns),
          bind_(bind) {}
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
        for (const Dossier& c : log.dossiers) give(c.id);
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
std::int64_t dossier_hash(const EventLog& log, const Dossier& c, std::size_t file) {
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
    std::vector<CaseRow> dossiers;     // the dossiers whose last event is in this block or before
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
        b->dossiers.clear();
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
                for (std::uint32_t ei : log.events_of(log.dossiers[ci]))
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
                    r.value = {job_.case_db[ci],
                               job_.import_id,
                               std::int64_t(ei - first_row),
                               std::int64_t(e.line),
                               std::int64_t(e.date.days),
                               std::int64_t(e.ms),
                               job_.ids.of(e.activity),
                               job_.ids.of(log.label_id(e)),
                               job_.ids.of(w.actor),
                               job_.ids.of(w.role),
                               job_.ids.of(w.team),
                               job_.ids.of(w.organisatie),
                               job_.ids.of(log.event_id(e))};
                    r.attr_words = 0;
                    for (const Attribute& a : log.attributes_of(e)) {
                        b->attrs.push_back(static_cast<std::uint32_t>(job_.ids.of(a.key)));
                        b->attrs.push_back(static_cast<std::uint32_t>(job_.ids.of(a.value)));
                        r.attr_words += 2;
                    }
                    ++next_id;
                }
                b->dossiers.push_back({job_.case_db[ci], job_.hash[ci], job_.import_id, first, next_id - 1});
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
    BatchInsert<CaseRow> cases(
        db, "INSERT OR REPLACE INTO cases(case_str, hash, import_id, first_event, last_event) VALUES", 5,
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
        for (const CaseRow& c : b->dossiers) {
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
        if (switched_)
            sqlite3_exec(db_.db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
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
    std::vector<std::int64_t> hash(log.dossiers.size());
    auto hashing = std::async(std::launch::async, [&] {
        for (std::size_t ci = 0; ci < log.dossiers.size(); ++ci) hash[ci] = dossier_hash(log, log.dossiers[ci], file);
    });
    const StringIds ids(*db_, log, file);
    hashing.get();
    // Dossiers in the order of their ids in the store (appending to the tables' keys).
    std::vector<std::size_t> order(log.dossiers.size());
    std::vector<std::int64_t> case_db(log.dossiers.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
        case_db[i] = ids.of(log.dossiers[i].id);
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

}  // namespace wmotoets
