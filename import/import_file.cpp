#include "import/import_file.hpp"

#include "import/canonical_csv.hpp"
#include "import/xes.hpp"
#include "import/zgw.hpp"
#include "model/error.hpp"
#include "model/files.hpp"
#include "model/text.hpp"

namespace wmotoets {

void import_log_file(const std::string& path, const std::string& format, const ImportOptions& options, EventLog& log,
                     Diagnostics& diag) {
    auto ends_with_json = [&] {
        const std::string p = ascii_lower(path);
        return p.size() >= 5 && p.compare(p.size() - 5, 5, ".json") == 0;
    };
    require_regular_file(path);
    const std::string f = format != "auto" ? format : is_xes_path(path) ? "xes" : ends_with_json() ? "zgw" : "csv";
    if (f == "csv") {
        import_canonical_csv(path, options, log, diag);
    } else if (f == "xes") {
        import_xes(path, options, log, diag);
    } else if (f == "zgw") {
        import_zgw(path, options, log, diag);
    } else {
        throw Error("onbekend invoerformaat '" + format + "' (mogelijk: auto, csv, xes, zgw)");
    }
}

}  // namespace wmotoets
