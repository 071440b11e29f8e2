#pragma once
// XES import (IEEE 1849): .xes and .xes.gz, streamed (expat, zlib), never a whole-file DOM.
#include <string>

#include "import/diagnostics.hpp"
#include "model/event_log.hpp"

namespace wmotoets {

// Reads one XES file into `log`. Trace `concept:name` → case_id, event `concept:name` → activity,
// `time:timestamp` → timestamp, `org:resource` → actor, `org:role` → role, unless the mapping's
// [kolommen] names other keys; every other event attribute is kept under its key (nested ones as
// parent.child). Event-scope globals give defaults for missing attributes, but never for the
// identifying keys (concept:*, time:*, org:*, lifecycle:*): a placeholder there is no fact.
// Only events whose lifecycle:transition is `complete` (any case) or absent are used unless
// options.all_lifecycles; the others are counted as skipped. Bad events are reported with the
// line of their <event> tag. A file that cannot be used throws Error and leaves `log` unchanged.
void import_xes(const std::string& path, const ImportOptions& options, EventLog& log, Diagnostics& diag);

// True when the path names an XES file (.xes or .xes.gz, any case).
bool is_xes_path(const std::string& path);

}  // namespace wmotoets
