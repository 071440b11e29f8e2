#pragma once
// Import of the canonical CSV event log (event-log.md) into an EventLog.
#include <string>

#include "import/diagnostics.hpp"
#include "model/event_log.hpp"

namespace wmotoets {

// Reads one file. Bad rows go to `diag` and are counted; a file that cannot be used at all
// (missing, unreadable, binary, no required columns, a BSN in a BSN column, or a bad row
// under --strict) throws Error and leaves `log` as it was.
void import_canonical_csv(const std::string& path, const ImportOptions& options, EventLog& log,
                          Diagnostics& diag);

}  // namespace wmotoets
