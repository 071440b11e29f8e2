// The inputs in tests/fuzz/regressions/TARGET/ (hostile inputs that once crashed, hung or blew
// up, and what fuzzing finds later) replayed through the reader of their target, as the libFuzzer
// harness runs them: each must end in a located Error (FILE:LINE: …) — never a crash, a hang or
// an internal error — or in a log that every rule then replays.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "fuzz/fuzz_common.hpp"
#include "helpers.hpp"
#include "import/toml_files.hpp"
#include "import/zelftest_files.hpp"
#include "model/calendar.hpp"
#include "model/settings.hpp"

using namespace wmotoets;

namespace {

// Reads `path` the way fuzz target `target` reads its input; the Error's message, or "" for a log.
std::string replay(const std::string& target, const std::string& path) {
    try {
        if (target == "fuzz_xlsx" || target == "fuzz_oordelen" || target == "fuzz_voorstel" ||
            target == "fuzz_database") {
            fuzz::read_as(target, path);
        } else if (target == "fuzz_toml_instellingen") {
            Settings s;
            Calendar c;
            read_settings_file(path, s, c);
        } else if (target == "fuzz_toml_mapping") {
            (void)read_mapping_file(path);
        } else if (target == "fuzz_toml_regels") {
            (void)read_local_rules_file(path);
        } else if (target == "fuzz_toml_zelftest") {
            (void)read_zelftest_answers(path, shipped_questions());
        } else {
            static const Mapping zgw = read_mapping_file(test::source_dir() + "/data/mapping/zgw.toml");
            ImportOptions o;
            o.keep_unknown = true;
            if (target == "fuzz_zgw") o.mapping = &zgw;
            EventLog log;
            Diagnostics diag;
            import_log_file(path, target == "fuzz_csv" ? "csv" : target == "fuzz_xes" ? "xes" : "zgw", o, log, diag);
            log.finalize();
            (void)run_check(log, all_rules(), Calendar{}, log.latest_date());
        }
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST(FuzzRegressions, EveryStoredInputEndsInALocatedErrorOrALog) {
    namespace fs = std::filesystem;
    const fs::path root = fs::path(test::source_dir()) / "tests" / "fuzz" / "regressions";
    std::size_t replayed = 0;
    for (const auto& dir : fs::directory_iterator(root))
        for (const auto& file : fs::directory_iterator(dir.path())) {
            const std::string path = file.path().string(), message = replay(dir.path().filename().string(), path);
            ++replayed;
            if (message.empty()) continue;  // read as a log
            // A log: FILE:LINE. A workbook, a verdict file, a database: the file and its part, sheet,
            // cell or table ("FILE:blad!A1", "naam.xlsx:xl/styles.xml", "FILE: beschadigde database (tabel …").
            const std::string target = dir.path().filename().string();
            const bool whole_file = target == "fuzz_xlsx" || target == "fuzz_oordelen" || target == "fuzz_voorstel" ||
                                    target == "fuzz_database";
            const std::string name = file.path().filename().string();
            const bool located = whole_file
                                     ? message.rfind(path + ":", 0) == 0 || message.rfind(name + ":", 0) == 0
                                     : message.rfind(path + ":", 0) == 0 &&
                                           std::regex_search(message.substr(path.size()), std::regex("^:[0-9]+: "));
            EXPECT_TRUE(located) << "no FILE:LINE in: " << message;
            EXPECT_EQ(message.find("interne fout"), std::string::npos) << message;
        }
    EXPECT_GE(replayed, 9u);
}
