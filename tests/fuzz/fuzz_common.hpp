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
