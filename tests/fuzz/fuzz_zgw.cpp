// libFuzzer target: the ZGW JSON reader with the shipped ZGW mapping, then every rule.
#include "fuzz_common.hpp"
#include "import/toml_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const wmotoets::Mapping mapping = wmotoets::read_mapping_file(WMOTOETS_SOURCE_DIR "/data/mapping/zgw.toml");
    wmotoets::ImportOptions o;
    o.mapping = &mapping;
    wmotoets::fuzz::import_and_check(data, size, "zgw", ".json", o);
    return 0;
}
