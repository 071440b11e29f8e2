#include "import/input_formats.hpp"

#include <algorithm>
#include <fstream>

#include "import/canonical_csv.hpp"
#include "import/csv_reader.hpp"
#include "import/xes.hpp"
#include "import/xlsx.hpp"
#include "import/zgw.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

bool is_json_path(const std::string& path) {
    const std::string p = ascii_lower(path);
    return p.size() >= 5 && p.compare(p.size() - 5, 5, ".json") == 0;
}

void csv_rows(const std::string& path, const std::string&, const TextRowSink& row) {
    const bool utf8 = file_is_utf8(path);
    std::ifstream in(path, std::ios::binary);
    CsvReader reader(in, !utf8);
    std::vector<std::string_view> fields;
    std::uint64_t line = 0;
    while (reader.next(fields, line)) row(std::vector<std::string>(fields.begin(), fields.end()));
}

void xlsx_rows(const std::string& path, const std::string& sheet, const TextRowSink& row) {
    const XlsxWorkbook wb(path);
    // The first row (the header) sets how many columns the later ones are read to.
    std::size_t width = 0;
    wb.read_sheet(sheet, [&](std::size_t, const std::vector<XlsxCell>& cells) {
        if (width == 0) width = cells.back().col + std::size_t(1);
        row(row_texts(cells, width));
    });
}

}  // namespace

const std::vector<InputFormat>& input_formats() {
    static const std::vector<InputFormat> formats{
        {"csv", "", "", 3, nullptr, import_canonical_csv, "rij", "rijen", csv_rows},
        {"xlsx", ".xlsx", "", 2, is_xlsx_path, import_xlsx, "rij", "rijen", xlsx_rows},
        {"xes", ".xes/.xes.gz", "", 0, is_xes_path, import_xes, "gebeurtenis", "gebeurtenissen", nullptr},
        {"zgw", ".json = zgw", " (JSON uit de ZGW-API's, met een mappingbestand met [zgw.statustypen] enz.)", 1,
         is_json_path, import_zgw, "object", "objecten", nullptr, false},
    };
    return formats;
}

std::vector<std::string> input_format_choices() {
    std::vector<std::string> names{"auto"};
    for (const InputFormat& f : input_formats()) names.emplace_back(f.name);
    return names;
}

const InputFormat& input_format(std::string_view name) {
    for (const InputFormat& f : input_formats())
        if (f.name == name) return f;
    std::string possible;
    for (const std::string& n : input_format_choices()) possible += (possible.empty() ? "" : ", ") + n;
    throw Error("onbekend invoerformaat '" + std::string(name) + "' (mogelijk: " + possible + ")");
}

const InputFormat& detect_input_format(const std::string& path) {
    const InputFormat* fallback = nullptr;
    for (const InputFormat& f : input_formats()) {
        if (!f.matches) fallback = &f;
        else if (f.matches(path)) return f;
    }
    return *fallback;
}

std::string input_format_help() {
    std::vector<const InputFormat*> by_hint;
    for (const InputFormat& f : input_formats()) by_hint.push_back(&f);
    std::sort(by_hint.begin(), by_hint.end(),
              [](const InputFormat* a, const InputFormat* b) { return a->detect_order < b->detect_order; });
    std::string help = "Invoerformaat: auto (naar de bestandsnaam: ";
    for (const InputFormat* f : by_hint)
        if (f->matches) (help += f->detect_hint) += ", ";
    help += "anders " + std::string(detect_input_format("").name) + ")";
    const auto& formats = input_formats();
    for (std::size_t i = 0; i < formats.size(); ++i) {
        help += i + 1 == formats.size() ? " of " : ", ";
        (help += formats[i].name) += formats[i].help_note;
    }
    return help;
}

std::string_view input_unit(std::string_view name, std::size_t n) {
    for (const InputFormat& f : input_formats())
        if (f.name == name) return n == 1 ? f.unit_one : f.unit_many;
    return n == 1 ? "rij" : "rijen";
}

}  // namespace wmotoets
