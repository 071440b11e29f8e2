#pragma once
// What the libFuzzer targets share: the input as a file (the readers read files, as in real
// use), and the rule that only Error may leave a reader — anything else is a finding.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "import/import_file.hpp"
#include "model/event_log.hpp"
#include "util/error.hpp"
#include "workflow/engine.hpp"
#include "workflow/rule.hpp"

namespace wmotoets::fuzz {

// A file named `suffix` in /dev/shm (or /tmp) holding the input, one per fuzzing process.
inline std::string as_file(const std::uint8_t* data, std::size_t size, const std::string& suffix) {
    static const std::string dir = ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    const std::string path = dir + "/wmotoets-fuzz-" + std::to_string(::getpid()) + suffix;
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), std::streamsize(size));
    return path;
}

// Imports the input as a log of `format` and, when that works, replays it through every rule.
inline void import_and_check(const std::uint8_t* data, std::size_t size, const std::string& format,
                             const std::string& suffix, const ImportOptions& options = {}) {
    const std::string path = as_file(data, size, suffix);
    EventLog log;
    Diagnostics diag;
    try {
        import_log_file(path, format, options, log, diag);
    } catch (const Error&) {
        return;  // bad input, reported with its place: that is the expected outcome
    }
    log.finalize();
    (void)run_check(log, all_rules(), Calendar{}, log.latest_date());
}

}  // namespace wmotoets::fuzz

// ---- The surfaces of issue 27: workbooks, verdict files, mapping proposals, database files ----

#include "import/mapping_proposal.hpp"
#include "import/verdict_file.hpp"
#include "import/xlsx.hpp"
#include "store/store.hpp"

namespace wmotoets::fuzz {

// A workbook: every sheet streamed, then the first imported as a log and checked.
inline void read_workbook(const std::string& path) {
    const XlsxWorkbook wb(path);
    for (const std::string& sheet : wb.sheet_names())
        wb.read_sheet(sheet, [](std::size_t, const std::vector<XlsxCell>& cells) { (void)row_texts(cells, 64); });
    ImportOptions o;
    o.keep_unknown = true;
    EventLog log;
    Diagnostics diag;
    import_log_file(path, "xlsx", o, log, diag);
    log.finalize();
    (void)run_check(log, all_rules(), Calendar{}, log.latest_date());
}

// A database file opened as the reading commands open it: the log and the latest run.
inline void read_database(const std::string& path) {
    const Store store(path, Store::Access::read);
    EventLog log = store.load();
    log.finalize();
    (void)store.latest_run();
}

// The reader of each of these targets on a file; only Error may leave it.
inline void read_as(const std::string& target, const std::string& path) {
    if (target == "fuzz_xlsx") read_workbook(path);
    else if (target == "fuzz_oordelen") (void)read_verdict_file(path);
    else if (target == "fuzz_voorstel") (void)propose_mapping(path);
    else if (target == "fuzz_database") read_database(path);
}

inline int run_target(const std::string& target, const std::string& suffix, const std::uint8_t* data,
                      std::size_t size) {
    const std::string path = as_file(data, size, suffix);
    try {
        read_as(target, path);
    } catch (const Error&) {}
    for (const char* extra : {"-wal", "-shm", "-journal"}) std::remove((path + extra).c_str());
    return 0;
}

}  // namespace wmotoets::fuzz
