#pragma once
// One entry point for every input format: the format from --formaat, else from the file name.
#include <string>

#include "import/diagnostics.hpp"
#include "model/event_log.hpp"

namespace wmotoets {

// `format`: "auto" (by the file name) or a name of input_formats(). Throws Error for an unknown
// format; otherwise as that format's reader.
void import_log_file(const std::string& path, const std::string& format, const ImportOptions& options, EventLog& log,
                     Diagnostics& diag);

}  // namespace wmotoets
