// libFuzzer target: the XLSX reader (zip + XML), then the import and every rule (issue 27). An
// input whose first byte is odd is the XML of a sheet, wrapped in a valid workbook (so that the
// CRC-32 does not stop every mutation at the archive); otherwise it is the archive itself.
#include "../zip_write.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 0 && (data[0] & 1)) {
        const std::string xml(reinterpret_cast<const char*>(data) + 1, size - 1);
        std::vector<wmotoets::test::ZipPart> parts =
            wmotoets::test::workbook_parts("", "<sst><si><t>case_id</t></si><si><t>melding</t></si></sst>");
        parts[3].body = xml;
        const std::string zip = wmotoets::test::zip_bytes(parts);
        return wmotoets::fuzz::run_target("fuzz_xlsx", ".xlsx", reinterpret_cast<const std::uint8_t*>(zip.data()),
                                          zip.size());
    }
    return wmotoets::fuzz::run_target("fuzz_xlsx", ".xlsx", data, size);
}
