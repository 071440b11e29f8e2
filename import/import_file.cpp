#include "import/import_file.hpp"

#include "import/canonical_csv.hpp"
#include "import/xes.hpp"
#include "model/error.hpp"

namespace wmotoets {

void import_log_file(const std::string& path, const std::string& format, const ImportOptions& options, EventLog& log,
                     Diagnostics& diag) {
    const std::string f = format == "auto" ? (is_xes_path(path) ? "xes" : "csv") : format;
    if (f == "csv") {
        import_canonical_csv(path, options, log, diag);
        if (options.mapping) log.inputs.back().mapping = options.mapping->path;
    } else if (f == "xes") {
        import_xes(path, options, log, diag);
        if (options.mapping) log.inputs.back().mapping = options.mapping->path;
    } else {
        throw Error("onbekend invoerformaat '" + format + "' (mogelijk: auto, csv, xes)");
    }
}

}  // namespace wmotoets
