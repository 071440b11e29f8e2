#pragma once
// A sample the auditor drew (steekproef trek), as the audit database keeps it (issue 30): which run it was
// drawn from, how, by whom and when, and which dossiers it holds. An evaluation is made against this,
// however many imports and runs came after.
#include <cstdint>
#include <string>
#include <vector>

namespace wmotoets {

struct StoredSample {
    struct Unit {
        std::string case_id, stratum;  // stratum empty without strata
    };
    struct Stratum {
        std::string name;
        std::size_t population = 0, drawn = 0;
    };
    struct Input {
        std::string path, sha256;
    };
    std::int64_t id = 0, run_id = 0;  // run_id: the run drawn from
    std::string fingerprint;          // the check mark in oordelen.xlsx
    std::uint64_t seed = 0;
    std::size_t size = 0, population = 0;
    std::string strata;                            // "team", "kwartaal" or empty
    std::vector<std::string> rules;                // the norms on the sheets; empty: every norm
    std::string per_rule;                          // drawn from the dossiers this norm applies to; empty: all dossiers
    std::string method;                            // in words
    std::string peildatum;                         // of the run drawn from (ISO)
    std::vector<Input> inputs;                     // of the log at the draw
    std::string tool_version, drawn_on, drawn_by;  // drawn_on ISO
    std::vector<Unit> units;                       // in draw order
    std::vector<Stratum> strata_sizes;             // by name; empty without strata
};

}  // namespace wmotoets
