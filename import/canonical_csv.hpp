#pragma once
// Import of a table of rows into an EventLog: the canonical CSV event log (docs/spec/event-log.md),
// a mapped or wide export (with a mapping file), and the same from a sheet of an Excel workbook.
#include <string>

#include "import/diagnostics.hpp"
#include "model/event_log.hpp"

namespace wmotoets {

// Reads one file. Bad rows go to `diag` and are counted; a file that cannot be used at all
// (missing, unreadable, binary, no required columns, a BSN in a BSN column, or a bad row
// under --strict) throws Error and leaves `log` as it was.
void import_canonical_csv(const std::string& path, const ImportOptions& options, EventLog& log, Diagnostics& diag);

// The same for a sheet of an Excel workbook (.xlsx; options.sheet, or the first): its first
// non-empty row is the header, typed cells are read as text (a date cell as ISO, "2024-03-01" or
// "2024-03-01T10:15:00"), through the same mapping; messages name "FILE:blad!A12".
void import_xlsx(const std::string& path, const ImportOptions& options, EventLog& log, Diagnostics& diag);

}  // namespace wmotoets
