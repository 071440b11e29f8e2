#include "store/sql_client.hpp"

#include <sqlite3.h>

#include "util/error.hpp"

namespace wmotoets {

struct SqlClient::Handle {
    sqlite3* db = nullptr;
    ~Handle() {
        if (db) sqlite3_close(db);
    }
};

SqlClient::SqlClient(const std::string& path, bool writable) : h_(std::make_unique<Handle>()) {
    if (sqlite3_open_v2(path.c_str(), &h_->db, writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK)
        throw Error(path + ": " + sqlite3_errmsg(h_->db));
}

SqlClient::~SqlClient() = default;

std::vector<std::string> SqlClient::rows(const std::string& sql) const {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h_->db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) throw Error(sqlite3_errmsg(h_->db));
    std::vector<std::string> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        std::string row;
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
            const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
            if (c > 0) row += '|';
            row += t ? t : "NULL";
        }
        out.push_back(row);
    }
    sqlite3_finalize(st);
    return out;
}

void SqlClient::exec(const std::string& sql) const {
    if (sqlite3_exec(h_->db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) throw Error(sqlite3_errmsg(h_->db));
}

}  // namespace wmotoets
