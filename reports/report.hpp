#pragma once
// The reports of a stored check run (`wmotoets rapport`): rapport.html for the rekenkamer and the
// gemeenteraad, bevindingen.csv for Excel. Deterministic: the same run gives the same bytes.
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "model/event_log.hpp"
#include "model/run.hpp"
#include "reports/figures.hpp"
#include "reports/groups.hpp"
#include "reports/html.hpp"
#include "reports/lead_times.hpp"
#include "reports/publication.hpp"
#include "reports/rule_text.hpp"

namespace wmotoets {

// The statutory term of a phase in days for the chart's mark (without an Atw extension; the
// bezwaar term at least: it runs from the end of the bezwaar term); none for melding → beschikking.
std::optional<int> lead_term_days(const RunRecord& run, Phase p);

// Whether `e` is the row (input, line) that a finding points at.
inline bool is_row(const Event& e, const std::pair<std::size_t, std::uint32_t>& row) {
    return e.file == row.first && e.line == row.second;
}

// The rows that prove a finding, as "FILE:LINE, FILE:LINE" (files of the log loaded from the store).
std::string finding_sources(const EventLog& log, const RunRecord::Finding& f);

// bevindingen.csv: UTF-8 with BOM, ';' separated, one row per finding.
void write_findings_csv(std::ostream& out, const EventLog& log, const RunRecord& run);

// rapport.html: one self-contained page (inline CSS and SVG, no network, prints on A4).
// `log` is the stored log (finalized) the run judged.
// With `lead_times` the section on lead times (docs/spec/doorlooptijden.md). (The coordinator's view of the
// separation of functions is its own page: reports/separation.hpp.)
// What frames a report (issue 28): its title, the municipality or organisation, the author; from the
// settings file ([rapport]) and the command line. Empty fields are left out.
struct ReportFrame {
    std::string title, organisation, author;
};
// The settings of a run in words, one sentence each (never "andere_ondersteuner_dagen=14").
std::vector<std::string> settings_in_words(const RunRecord& run);

// What a report holds besides the run: the lead times (when it has them), every dossier or only those
// with findings, the period before (issue 28: a section that sets the run beside it), the findings
// per dossier or not (the summary --pdf prints; a publication never has them), and its frame.
struct Comparison;
struct ReportContents {
    const std::vector<LeadPhaseView>* lead_times = nullptr;
    bool all_dossiers = false;
    const Comparison* comparison = nullptr;
    bool dossier_list = true;
    ReportFrame frame = {};
};
void write_report_html(std::ostream& out, const EventLog& log, const RunRecord& run, const Disclosure& d = {},
                       const ReportContents& contents = {});
// The ids of rapport.html's sections, in their order (the anchors of its table of contents).
std::vector<std::string> report_section_ids();

}  // namespace wmotoets
