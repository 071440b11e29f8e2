#pragma once
// One printable audit sheet per sampled dossier: its events, what Wmo-toets found, and blank
// fields for the auditor's own verdict per rule. Self-contained HTML (inline CSS, no network).
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "model/event_log.hpp"
#include "model/run.hpp"

namespace wmotoets {

struct AuditSheetInfo {
    std::size_t number = 0, of = 0;  // place in the sample
    std::uint64_t seed = 0;
    std::string stratum;             // empty without strata
    std::vector<std::string> rules;  // the sample's norms (trek --regels); empty: every norm
    std::int64_t sample = 0;         // the stored sample's number (0: not stored)
};

// Writes the sheet of dossier `dossier` of `log` (finalized, as loaded from the store), with the
// findings and outcomes of `run` for that dossier.
void write_audit_sheet(std::ostream& out, const EventLog& log, std::size_t dossier, const RunRecord& run,
                       const AuditSheetInfo& info);

// What the cover page of the combined sheets says: (label, value), e.g. ("Zaad", "7").
struct AuditCover {
    std::vector<std::pair<std::string, std::string>> lines;
};
// All sheets of a sample in one printable document (auditbladen.html): a cover page (population,
// sample size, seed, method, strata) and one page per dossier, with page numbers in print.
void write_audit_sheets(std::ostream& out, const EventLog& log, const std::vector<std::size_t>& dossier_positions,
                        const std::vector<AuditSheetInfo>& infos, const RunRecord& run, const AuditCover& cover);

// A dossier id made safe as a file name: letters, digits, '-' and '_' kept, the rest '_'.
std::string file_name_for(std::string_view case_id);

}  // namespace wmotoets
