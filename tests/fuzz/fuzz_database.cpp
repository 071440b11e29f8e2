// libFuzzer target: a mutated SQLite file opened as 'rapport' and 'steekproef' open it (issue 27).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return wmotoets::fuzz::run_target("fuzz_database", ".db", data, size);
}
