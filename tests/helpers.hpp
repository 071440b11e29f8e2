#pragma once
#include <gtest/gtest.h>
// Shared by the unit tests: temporary input files and a quick import of canonical CSV text.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <unistd.h>

#include "generator/generator.hpp"
#include "import/canonical_csv.hpp"
#include "import/import_file.hpp"
#include "model/event_log.hpp"
#include "store/store.hpp"
#include "util/error.hpp"
#include "workflow/engine.hpp"

namespace wmotoets::test {

// A generated log of `dossiers` dossiers (wmotoets genereer --zaad `seed`), as CSV text.
inline std::string generated(std::uint64_t dossiers, std::uint64_t seed) {
    GeneratorOptions o;
    o.dossiers = dossiers;
    o.seed = seed;
    std::ostringstream out;
    generate_log(out, o);
    return out.str();
}

// One directory per test process, removed when the process ends (a whole suite run wrote ~5 GB that
// stayed behind and filled a CI machine's disk). WMOTOETS_KEEP_TEST_FILES=1 keeps it for a look.
// Forked children leave with _exit, so only the process that made the directory removes it.
struct TempDirectory {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("wmotoets-test-" + std::to_string(::getpid()));
    TempDirectory() { std::filesystem::create_directories(path); }
    TempDirectory(const TempDirectory&) = delete;
    TempDirectory& operator=(const TempDirectory&) = delete;
    ~TempDirectory() {
        if (std::getenv("WMOTOETS_KEEP_TEST_FILES") != nullptr) return;
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

inline std::filesystem::path temp_dir() {
    static const TempDirectory dir;
    return dir.path;
}

inline std::string write_file(const std::string& name, const std::string& content) {
    const auto path = temp_dir() / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
}

// Imports CSV text (as a file named `name`) into a finalized log.
inline EventLog load(const std::string& csv, Diagnostics* diag = nullptr, ImportOptions options = {},
                     const std::string& name = "test.csv") {
    EventLog log;
    Diagnostics local;
    import_canonical_csv(write_file(name, csv), options, log, diag ? *diag : local);
    log.finalize();
    return log;
}

inline std::string source_dir() { return WMOTOETS_SOURCE_DIR; }

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A fresh database path in the test directory (no file, no WAL left from an earlier run).
inline std::string fresh_db(const std::string& name) {
    const auto path = test::temp_dir() / name;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    return path.string();
}

// One CSV file read into memory, non-canonical activities kept, cases ordered.
inline EventLog read_log(const std::string& path) {
    EventLog log;
    Diagnostics diag;
    ImportOptions o;
    o.keep_unknown = true;
    import_canonical_csv(path, o, log, diag);
    log.finalize();
    return log;
}

// Imports one file into the store the way `wmotoets importeer` does.
inline ImportSummary import_file(Store& store, const std::string& path) {
    const EventLog log = read_log(path);
    return store.add_import(log, 0, "2026-01-01T00:00:00");
}

struct Imported {
    EventLog log;
    Diagnostics diag;
};

inline Imported import(const std::string& path, ImportOptions options = {}, const std::string& format = "auto") {
    Imported r;
    import_log_file(path, format, options, r.log, r.diag);
    r.log.finalize();
    return r;
}

inline ImportOptions keep() {
    ImportOptions o;
    o.keep_unknown = true;
    return o;
}

inline std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(geen fout)";
}

// The message of the Error that `f` throws about file `path`, without the path in front
// (":LINE: …"); "(geen fout)" when it throws none.
inline std::string error_about(const std::string& path, const std::function<void()>& f) {
    const std::string message = error_of(f);
    return message.rfind(path, 0) == 0 ? message.substr(path.size()) : message;
}

// A small XES log with globals, a lifecycle filter and a bad event (the XES and mapping tests).
inline constexpr const char* kSmallXes = R"(<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <global scope="event">
    <string key="concept:name" value="UNKNOWN"/>
    <string key="org:resource" value="UNKNOWN"/>
    <string key="kanaal" value="brief"/>
  </global>
  <string key="concept:name" value="logboek"/>
  <trace>
    <string key="concept:name" value="Z1"/>
    <event>
      <string key="concept:name" value="Melding"/>
      <date key="time:timestamp" value="2024-03-04T09:00:00.000+01:00"/>
      <string key="org:resource" value="M1"/>
      <string key="lifecycle:transition" value="COMPLETE"/>
    </event>
    <event>
      <string key="concept:name" value="informatie_clientondersteuning"/>
      <date key="time:timestamp" value="2024-03-05T23:30:00.000Z"/>
      <string key="org:resource" value="M1"/>
      <string key="question" value="x">
        <string key="code" value="Q1"/>
        <list key="answers"><values><string key="eerste" value="ja"/></values></list>
      </string>
      <boolean key="gratis" value="true"/>
    </event>
    <event>
      <string key="concept:name" value="gesprek"/>
      <date key="time:timestamp" value="2024-03-07T10:00:00+01:00"/>
      <string key="lifecycle:transition" value="start"/>
    </event>
    <event>
      <date key="time:timestamp" value="2024-03-08T10:00:00+01:00"/>
    </event>
  </trace>
  <trace>
    <event>
      <string key="concept:name" value="melding"/>
      <date key="time:timestamp" value="2024-03-08T10:00:00+01:00"/>
    </event>
  </trace>
</log>
)";

// A CSV file checked with the given rules (non-canonical activities kept; a bad row fails the test).
struct Checked {
    EventLog log;
    CheckResult result;
};

inline Checked check_file(const std::string& path, const std::vector<const Rule*>& rules) {
    Checked c;
    Diagnostics diag;
    ImportOptions options;
    options.keep_unknown = true;
    import_canonical_csv(path, options, c.log, diag);
    EXPECT_TRUE(diag.bad_rows.empty()) << path << ": "
                                       << (diag.bad_rows.empty()
                                               ? ""
                                               : diag.bad_rows[0].where() + " " + diag.bad_rows[0].message);
    c.log.finalize();
    c.result = run_check(c.log, rules, Calendar{}, c.log.latest_date());
    return c;
}

inline Checked check_csv(const std::string& csv, const char* rule_id) {
    return check_file(test::write_file("regel.csv", csv), {find_rule(rule_id)});
}

}  // namespace wmotoets::test
