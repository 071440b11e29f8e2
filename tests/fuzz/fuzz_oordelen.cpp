// libFuzzer target: the verdict file of 'steekproef evalueer' (CSV form; its XLSX form goes through
// the reader fuzz_xlsx covers) (issue 27).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return wmotoets::fuzz::run_target("fuzz_oordelen", ".csv", data, size);
}
