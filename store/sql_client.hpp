#pragma once
// A plain SQL connection to a database, as another program (a user's sqlite3, a report tool) would
// open one: no schema, no waiting. For the tests that look at the store from outside; the program
// itself goes through Store.
#include <memory>
#include <string>
#include <vector>

namespace wmotoets {

class SqlClient {
public:
    // Opens `path` read-only or read-write; an Error when it cannot be opened.
    SqlClient(const std::string& path, bool writable);
    ~SqlClient();
    SqlClient(const SqlClient&) = delete;
    SqlClient& operator=(const SqlClient&) = delete;
    // The rows of a query, each as its columns joined by '|' (NULL as "NULL"); an Error on a bad query.
    std::vector<std::string> rows(const std::string& sql) const;
    // Runs statements without rows (BEGIN IMMEDIATE, COMMIT …); an Error when SQLite refuses.
    void exec(const std::string& sql) const;

private:
    struct Handle;
    std::unique_ptr<Handle> h_;
};

}  // namespace wmotoets
