#pragma once
// One entry point for every input format: the format from --formaat, else from the file name.
#include <string>

#include "import/diagnostics.hpp"
#include "model/event_log.hpp"

namespace wmotoets {

// "auto" (by extension: .xes/.xes.gz → xes, .json → zgw, else csv), "csv", "xes" or "zgw". Throws Error for an
// unknown format; otherwise as import_canonical_csv / import_xes.
void import_log_file(const std::string& path, const std::string& format, const ImportOptions& options, EventLog& log,
                     Diagnostics& diag);

}  // namespace wmotoets
