// libFuzzer target: every TOML reader on the same input (settings, mapping, local rules,
// zelftest answers and questions). FUZZ_TOML_READER picks one per binary, so that each gets its
// own corpus and figures.
#include "fuzz_common.hpp"
#include "import/toml_files.hpp"
#include "import/zelftest_files.hpp"
#include "model/calendar.hpp"
#include "model/settings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace wmotoets;
    const std::string path = fuzz::as_file(data, size, ".toml");
    try {
#if FUZZ_TOML_READER == 1
        Settings s;
        Calendar c;
        read_settings_file(path, s, c);
#elif FUZZ_TOML_READER == 2
        (void)read_mapping_file(path);
#elif FUZZ_TOML_READER == 3
        (void)read_local_rules_file(path);
#else
        (void)read_zelftest_answers(path, shipped_questions());
#endif
    } catch (const Error&) {}
    return 0;
}
