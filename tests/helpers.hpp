#pragma once
// Shared by the unit tests: temporary input files and a quick import of canonical CSV text.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

#include "import/canonical_csv.hpp"
#include "model/event_log.hpp"

namespace wmotoets::test {

inline std::filesystem::path temp_dir() {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() /
                 ("wmotoets-test-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
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

}  // namespace wmotoets::test
