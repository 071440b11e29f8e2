#include "import/import_file.hpp"

#include "import/input_formats.hpp"
#include "model/bsn.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

void import_by_format(const std::string& path, const std::string& format, const ImportOptions& options, EventLog& log,
                      Diagnostics& diag) {
    require_regular_file(path);
    const InputFormat& f = format == "auto" ? detect_input_format(path) : input_format(format);
    f.read(path, options, log, diag);
}

}  // namespace

// A possible BSN in the file name (docs/spec/event-log.md "Privacy") is replaced by [BSN?] wherever the
// name is written: the input's provenance, every message about it, the reports.
void import_log_file(const std::string& path, const std::string& format, const ImportOptions& options, EventLog& log,
                     Diagnostics& diag) {
    if (!may_hold_bsn(path) || bsn_groups(path).empty()) return import_by_format(path, format, options, log, diag);
    const std::string shown = replace_bsn_groups(path);
    const std::size_t inputs = log.inputs.size(), bad = diag.bad_rows.size(), warnings = diag.warnings.size();
    try {
        import_by_format(path, format, options, log, diag);
    } catch (const Error& e) {
        std::string file = e.file(), message = e.message();
        replace_all(file, path, shown);
        replace_all(message, path, shown);
        if (file.empty()) throw Error(message);
        throw Error(file, e.line(), message);
    }
    if (log.inputs.size() > inputs) log.rename_input(log.inputs.size() - 1, shown);
    for (auto [list, from] : {std::pair{&diag.bad_rows, bad}, std::pair{&diag.warnings, warnings}})
        for (std::size_t i = from; i < list->size(); ++i) {
            Problem& p = (*list)[i];
            replace_all(p.file, path, shown);
            replace_all(p.message, path, shown);
        }
}

}  // namespace wmotoets
