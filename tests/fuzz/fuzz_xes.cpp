// libFuzzer target: the XES reader (plain XML; gzip is zlib's), then every rule.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    wmotoets::fuzz::import_and_check(data, size, "xes", ".xes");
    return 0;
}
