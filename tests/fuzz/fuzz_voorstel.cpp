// libFuzzer target: 'mapping voorstel' on an export (CSV) (issue 27).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return wmotoets::fuzz::run_target("fuzz_voorstel", ".csv", data, size);
}
