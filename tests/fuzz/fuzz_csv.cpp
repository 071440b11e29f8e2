// libFuzzer target: the canonical CSV reader, then every rule on what it read.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    wmotoets::ImportOptions o;
    o.keep_unknown = true;
    o.parallel_min_bytes = 4096;  // also the two-core path, on small inputs
    wmotoets::fuzz::import_and_check(data, size, "csv", ".csv", o);
    return 0;
}
