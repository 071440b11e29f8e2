#pragma once
// rapport.xlsx (libxlsxwriter): sheets Samenvatting, Bevindingen, Regels, Dossiers and Teams, with
// typed cells (numbers, dates, percentages), frozen header rows, filters and column widths.
// Deterministic: fixed document properties (the creation time is the run's peildatum).
#include <string>

#include "model/event_log.hpp"
#include "model/run.hpp"
#include "reports/report.hpp"

namespace wmotoets {

// Writes the workbook to `path` (libxlsxwriter writes files, not streams). Throws Error on failure.
// In publication mode (Disclosure) counts are suppressed or rounded, rates hidden on small
// denominators, and the dossier-level sheets (Bevindingen, Dossiers) left out.
void write_report_xlsx(const std::string& path, const EventLog& log, const RunRecord& run, const Disclosure& d = {},
                       const std::vector<LeadPhaseView>* lead_times = nullptr);

}  // namespace wmotoets
