#pragma once
// Bad input rows and warnings, kept apart from findings and from tool failures.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/mapping.hpp"

namespace wmotoets {

struct Problem {
    std::string file;
    std::uint64_t line = 0;  // 0 = about the whole file
    std::string message;     // Dutch

    std::string where() const { return line ? file + ":" + std::to_string(line) : file; }
};

struct Diagnostics {
    std::vector<Problem> bad_rows;  // rows left out (counted per input too)
    std::vector<Problem> warnings;  // e.g. Windows-1252 input, a possible BSN
};

struct ImportOptions {
    bool strict = false;        // the first bad row is fatal; nothing of that file is kept
    bool keep_unknown = false;  // --behoud-onbekend: keep non-canonical activities
    bool all_lifecycles = false;  // XES: --levenscyclus alle (else only `complete` or no transition)
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
