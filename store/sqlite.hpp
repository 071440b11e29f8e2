#pragma once
// The SQLite wrapper of the store: the connection (Store::Db), statements, transactions and
// SQLite's errors in Dutch. Included by store/*.cpp only — with sql_client.cpp the only code
// that includes sqlite3.h.
#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "store/store.hpp"
#include "util/error.hpp"

namespace wmotoets {

namespace store_sql {

// How long a statement waits for another program that writes in the database (a large import
// holds it for seconds, with a rollback journal for most of its storing) before it gives up.
constexpr int kBusyTimeoutMs = 5 * 60 * 1000;
constexpr int kBusyStepMs = 20;

// SQLite's message in Dutch, by its error code (issue 27: never its English text; a mistake in this
// program's SQL shows its code).
inline std::string dutch_sqlite_error(sqlite3* db) {
    switch (db ? sqlite3_errcode(db) : SQLITE_NOMEM) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "de database is bezet: een ander programma schrijft erin; probeer het straks opnieuw";
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
    case SQLITE_FORMAT: return "het bestand heeft een onbekende opmaak";
    case SQLITE_SCHEMA: return "het schema veranderde tijdens het lezen; probeer het opnieuw";
    case SQLITE_CONSTRAINT: return "een waarde strijdt met de regels van de database";
    case SQLITE_MISMATCH: return "een waarde heeft het verkeerde type";
    case SQLITE_RANGE:
    case SQLITE_MISUSE:
    case SQLITE_ERROR:
        return "de database gaf een fout op een opdracht van Wmo-toets (foutcode " +
               std::to_string(sqlite3_extended_errcode(db)) + ")";
    case SQLITE_INTERRUPT: return "onderbroken";
    case SQLITE_ABORT: return "afgebroken";
    case SQLITE_PROTOCOL: return "vergrendelen van de database mislukt (een ander programma?)";
    case SQLITE_NOLFS: return "het bestand is te groot voor dit systeem";
    case SQLITE_EMPTY:
    case SQLITE_NOTFOUND:
    case SQLITE_INTERNAL:
    default: return "databasefout (foutcode " + std::to_string(sqlite3_extended_errcode(db)) + ")";
    }
}

}  // namespace store_sql

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
        throw Error(path + ": databasefout bij " + what + ": " + store_sql::dutch_sqlite_error(db));
    }
    void exec(const char* sql, const char* what) const {
        if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(what);
    }
    // While another program writes: wait up to store_sql::kBusyTimeoutMs, saying so once after a second (or
    // not wait at all).
    void wait_when_busy(bool wait) { sqlite3_busy_handler(db, wait ? &Db::on_busy : nullptr, this); }

private:
    static int on_busy(void* self, int tries) {
        auto* d = static_cast<Db*>(self);
        if (tries >= store_sql::kBusyTimeoutMs / store_sql::kBusyStepMs) return 0;
        if (tries == 1000 / store_sql::kBusyStepMs && d->notice && !d->said_waiting) {
            d->said_waiting = true;
            d->notice(d->path + ": wacht op een ander programma dat in deze database schrijft (hoogstens " +
                      std::to_string(store_sql::kBusyTimeoutMs / 60000) + " minuten)");
        }
        sqlite3_sleep(store_sql::kBusyStepMs);
        return 1;
    }
};

namespace store_sql {

class Stmt {
public:
    Stmt(const Store::Db& db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db.db, sql, -1, &s_, nullptr) != SQLITE_OK)
            db.fail(std::string("voorbereiden van ") + sql);
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
    explicit Transaction(const Store::Db& db) : db_(db) {
        db_.exec("BEGIN IMMEDIATE", "het starten van een transactie");
    }
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

// A row that does not hold what this program wrote (issue 27: a broken reference, a count that is not
// one): one located Dutch message, never an internal error.
[[noreturn]] inline void damaged(const Store::Db& db, std::string_view table, std::int64_t row,
                                 const std::string& what) {
    throw Error(db.path + ": beschadigde database (tabel " + std::string(table) + ", rij " + std::to_string(row) +
                ": " + what + "); maak hem opnieuw met 'wmotoets importeer' en 'wmotoets controleer --db'");
}

// A stored count: never negative, never more than a store can hold (issue 27).
inline std::size_t count_at(const Store::Db& db, const Stmt& q, int c, std::string_view table, std::int64_t row) {
    const std::int64_t v = q.i64(c);
    if (q.null(c) || v < 0 || v > (std::int64_t(1) << 40)) damaged(db, table, row, "ongeldig aantal");
    return std::size_t(v);
}

inline std::int64_t scalar(const Store::Db& db, const char* sql) {
    Stmt s(db, sql);
    return s.step(sql) ? s.i64(0) : 0;
}

}  // namespace store_sql

}  // namespace wmotoets
