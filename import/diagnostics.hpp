#pragma once
// Bad input rows and warnings, kept apart from findings and from tool failures.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/mapping.hpp"

namespace wmotoets {

// Where a row is: "FILE:LINE", or in a workbook "FILE:blad!A12" (the row's first cell).
inline std::string row_location(const std::string& file, const std::string& sheet, std::uint64_t line) {
    if (!line) return file;
    std::string s = file;
    s += ':';
    if (!sheet.empty()) {
        s += sheet;
        s += "!A";
    }
    s += std::to_string(line);
    return s;
}

struct Problem {
    Problem() = default;
    Problem(std::string f, std::uint64_t l, std::string m, std::string s = {})
        : file(std::move(f)), line(l), message(std::move(m)), sheet(std::move(s)) {}
    std::string file;
    std::uint64_t line = 0;  // 0 = about the whole file
    std::string message;     // Dutch
    std::string sheet;       // a workbook's sheet: the line is its row

    std::string where() const { return row_location(file, sheet, line); }
};

// Rows refused for an activity that is not a Wmo activity (and no mapping names it): not one
// line each — a permit log has thousands — but per file and label how often, and where first.
struct UnknownLabel {
    std::size_t count = 0;
    std::uint64_t first_line = 0;
};
struct UnknownActivities {
    std::string sheet;                           // a workbook's sheet (first_line is then its row)
    std::map<std::string, UnknownLabel> labels;  // at most kMaxLabels; the rest counted in `others`
    std::size_t rows = 0, others = 0;
    static constexpr std::size_t kMaxLabels = 10000;
    void add(const std::string& label, std::uint64_t line, std::size_t n = 1) {
        rows += n;
        auto it = labels.find(label);
        if (it == labels.end()) {
            if (labels.size() >= kMaxLabels) {
                others += n;
                return;
            }
            it = labels.emplace(label, UnknownLabel{0, line}).first;
        }
        it->second.count += n;
        if (line < it->second.first_line) it->second.first_line = line;
    }
};

struct Diagnostics {
    std::vector<Problem> bad_rows;                     // rows left out (counted per input too)
    std::vector<Problem> warnings;                     // e.g. Windows-1252 input, a possible BSN
    std::map<std::string, UnknownActivities> unknown;  // per file: rows refused for an unknown activity
};

struct ImportOptions {
    bool strict = false;          // the first bad row is fatal; nothing of that file is kept
    bool keep_unknown = false;    // --behoud-onbekend: keep non-canonical activities
    bool all_lifecycles = false;  // XES: --levenscyclus alle (else only `complete` or no transition)
    std::string sheet;            // XLSX: --blad NAAM (empty: the first sheet)
    const Mapping* mapping = nullptr;
    // --pseudonimiseer: dossier ids and actors replaced by keyed pseudonyms before anything is kept.
    const class PseudonymKey* pseudonymise = nullptr;
    // --geen-bsn-kolom / geen_bsn in the mapping: identifying columns (case_id, actor) that a
    // person declared hold no BSNs (dossier numbers, staff numbers).
    std::vector<std::string> not_bsn;  // --mapping: column names, labels, roles, values of the source
    // Files of at least this size are read on two cores (the second half parsed in parallel).
    std::uint64_t parallel_min_bytes = std::uint64_t(16) << 20;
    // Called now and then while a file is read: bytes read so far, file size.
    std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

}  // namespace wmotoets
