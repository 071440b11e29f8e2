#pragma once
// The input formats, in one table (docs/CONTRIBUTING.md "An input format"). Everything that names
// or picks a format is derived from it: --formaat's choices and help, auto-detection by file name,
// the "mogelijk: …" message, the words of the read summary, and how 'mapping voorstel' reads an
// export.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "import/diagnostics.hpp"
#include "model/event_log.hpp"

namespace wmotoets {

// The cells of one row of an export as text (the header first), for 'mapping voorstel'.
using TextRowSink = std::function<void(const std::vector<std::string>& cells)>;

struct InputFormat {
    std::string_view name;                     // --formaat NAME, and InputFile::format
    std::string_view detect_hint;              // how auto-detection knows it, in --formaat's help ("" for the fallback)
    std::string_view help_note;                // after its name in --formaat's help ("" for none)
    int detect_order;                          // where its hint stands in --formaat's help
    bool (*matches)(const std::string& path);  // by file name; nullptr: the fallback (exactly one)
    void (*read)(const std::string& path, const ImportOptions& options, EventLog& log, Diagnostics& diag);
    std::string_view unit_one, unit_many;  // what one read unit is called ("rij", "rijen")
    // For 'mapping voorstel': the export as rows of text cells (sheet: XLSX). nullptr for a format
    // with keys of its own, whose activity labels are all that needs a mapping (read through `read`).
    void (*read_rows)(const std::string& path, const std::string& sheet, const TextRowSink& row);
    bool proposal = true;  // whether 'mapping voorstel' reads it at all
};

// Every format, in the order of --formaat's choices.
const std::vector<InputFormat>& input_formats();
// The format called `name`; an Error listing the possible ones (auto included) for an unknown name.
const InputFormat& input_format(std::string_view name);
// The format of `path` by its name: the first that matches, else the fallback.
const InputFormat& detect_input_format(const std::string& path);
// "auto", then every name: the choices of --formaat.
std::vector<std::string> input_format_choices();
// --formaat's help text.
std::string input_format_help();
// "rij"/"rijen" … for `n` units of the format called `name` (an unknown name reads as rows).
std::string_view input_unit(std::string_view name, std::size_t n);

}  // namespace wmotoets
