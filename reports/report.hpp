#pragma once
// The reports of a stored check run (`wmotoets rapport`): rapport.html for the rekenkamer and the
// gemeenteraad, bevindingen.csv for Excel. Deterministic: the same run gives the same bytes.
#include <ostream>
#include <string>

#include "model/event_log.hpp"
#include "model/store.hpp"

namespace wmotoets {

// A dossier's team: the team most of its events name (ties: the first), "" when none.
std::string dossier_team(const EventLog& log, const Case& c);
// The quarter of a dossier's first event, e.g. "2024-K2"; "" without events.
std::string dossier_quarter(const EventLog& log, const Case& c);

// bevindingen.csv: UTF-8 with BOM, ';' separated, one row per finding.
void write_findings_csv(std::ostream& out, const EventLog& log, const StoredRun& run);

// rapport.html: one self-contained page (inline CSS and SVG, no network, prints on A4).
// `log` is the stored log (finalized) the run judged.
void write_report_html(std::ostream& out, const EventLog& log, const StoredRun& run);

}  // namespace wmotoets
