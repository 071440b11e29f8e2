#pragma once
// Every workbook Wmo-toets writes (libxlsxwriter, in xlsx_report.cpp): rapport.xlsx, scheiding.xlsx,
// oordelen.xlsx and zelftest.xlsx, with typed cells (numbers, dates, percentages), frozen header
// rows, filters and column widths. Deterministic: fixed document properties (the creation time is
// the run's peildatum). Each throws Error on failure, naming the file.
#include <string>

#include "model/event_log.hpp"
#include "model/run.hpp"
#include "reports/report.hpp"
#include "reports/separation.hpp"
#include "reports/verdicts.hpp"
#include "reports/zelftest_report.hpp"

namespace wmotoets {

// Writes the workbook to `path` (libxlsxwriter writes files, not streams). Throws Error on failure.
// In publication mode (Disclosure) counts are suppressed or rounded, rates hidden on small
// denominators, and the dossier-level sheets (Bevindingen, Dossiers) left out.
// With `comparison` a sheet Vergelijking (issue 28).
// What opens every sheet of rapport.xlsx and scheiding.xlsx (issue 28), so that a sheet pasted elsewhere
// still says what it is: the title (with the organisation, and "publicatieversie"), the period, the
// peildatum and the source (the inputs with the start of their SHA-256, the tool and its version); then a
// blank row, and the column heads in row kSheetHeadRows + 1.
struct SheetHead {
    std::string title, period, peildatum, source;
};
inline constexpr unsigned kSheetHeadRows = 5;
// `what`: the workbook's title without a frame ("Wmo-toets — rapport").
SheetHead sheet_head(const EventLog& log, const RunRecord& run, const Disclosure& d, const ReportFrame& frame,
                     const std::string& what);

struct Comparison;
void write_report_xlsx(const std::string& path, const EventLog& log, const RunRecord& run, const Disclosure& d = {},
                       const std::vector<LeadPhaseView>* lead_times = nullptr, const Comparison* comparison = nullptr,
                       const SheetHead* head = nullptr);

// scheiding.xlsx: one sheet per table (Per maand, Per team, Per team en maand, Per medewerker,
// Toelichting), months as dates, counts as numbers, rates as percentages; in a publication what
// the HTML shows and no more.
void write_separation_xlsx(const std::string& path, const SeparationView& v, const RunRecord& run, const Disclosure& d,
                           const SheetHead* head = nullptr);

// oordelen.xlsx (sheet Oordelen): the head above, then the table with a drop-down in the
// Oordeel column (data validation) and empty cells for explanation, source, auditor and date.
void write_verdicts_xlsx(const std::string& path, const VerdictSheetHead& head,
                         const std::vector<VerdictRowPlan>& rows);

// evaluatie.xlsx (issue 30): sheets Conclusie (per class, the sample, lines to sign), Per stratum, Per norm,
// Per dossier, Anders geoordeeld, Volledigheid; each opens with which sample and which verdicts.
void write_evaluation_xlsx(const std::string& path, const EvaluationPaper& p, const std::string& peildatum);
// werkvoorraad.xlsx (issue 29): sheet Werkvoorraad, one row per item, last days as dates.
struct Worklist;
void write_worklist_xlsx(const std::string& path, const Worklist& w);

// zelftest.xlsx: sheets Antwoorden, Gesprekspunten, Dossiers.
void write_zelftest_xlsx(const std::string& path, const ZelftestQuestions& q, const std::vector<ZelftestAnswers>& sets,
                         const ZelftestDialogue& d);

}  // namespace wmotoets
