#pragma once
// Report writers of `controleer`: text (people), JSON (tools, schema wmotoets/1), CSV (spreadsheets).
// Each format turns one finding at a time into text, from a FindingView: the same code writes a
// check in memory (block by block on all cores, while the check runs) and any run handed over
// row by row through RunSink (FormatWriter), e.g. one loaded from the database.
#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/event_log.hpp"
#include "model/run.hpp"
#include "reports/figures.hpp"
#include "reports/rule_text.hpp"

namespace wmotoets {

// A row that proves a finding: the input (its place in the log), the line, the event's label.
struct SourceRow {
    std::size_t file = 0;
    std::uint32_t line = 0;
    std::string_view activity;
};

// One finding as the formats see it.
struct FindingView {
    std::string_view case_id;
    std::size_t rule = 0;  // index into the run's rules
    int cycle = 1;
    Date date;
    std::optional<Date> deadline;
    std::string_view message;
    std::span<const SourceRow> rows;
};

// What a format repeats per rule or per input file, escaped once; and the case of the last finding.
struct FormatCache {
    std::vector<std::string> rule_part, basis_part, path_part;
    std::string last_case;
    bool any = false;
};

// What follows the findings: the figures per rule and (JSON, with --outcomes) every outcome.
struct RunTail {
    const EventLog& log;
    std::optional<Date> peildatum;  // nullopt: unknown (no events and no --peildatum)
    const std::vector<RuleText>& rules;
    std::span<const RunRecord::Figure> figures;
    bool with_outcomes = false;
    std::span<const Outcome> outcomes;                             // [dossier * rules + rule]
    std::function<std::string_view(std::size_t dossier)> case_id;  // of every dossier of `outcomes`
    std::span<const RunRecord::LeadTime> lead_times = {};          // per phase (docs/spec/doorlooptijden.md)
    std::optional<Period> period = {};           // the reporting period (issue 28), if the run has one
    std::size_t outside_period = 0;              // dossiers without a cycle opened in it: not judged
    std::span<const RunRecord::Open> open = {};  // the werkvoorraad (issue 29)
    // Figures only (--alleen-cijfers): the findings were counted, not listed; how many there were.
    std::optional<std::size_t> findings_counted = {};
};

// A format in three pieces, so that findings can be written while the check still runs: what
// comes before the findings, one finding (safe on several threads, each with its own cache), and
// what comes after them.
struct OutputFormat {
    std::string_view name;       // --uitvoerformaat NAME
    std::string_view audience;   // who reads it, in --uitvoerformaat's help
    std::string_view extension;  // of its files (the golden file tests/golden/voorbeeld.EXTENSION)
    std::string (*head)(const EventLog& log, std::optional<Date> peildatum);
    void (*finding)(std::string& text, FormatCache& cache, const EventLog& log, const std::vector<RuleText>& rules,
                    const FindingView& f);
    std::string (*tail)(const RunTail& tail, bool any_findings);
    // Every finding (text: every case) starts with a separator of this many bytes, which the
    // very first one leaves out.
    std::size_t separator = 0;
};
// Every output format of controleer, in the order of --uitvoerformaat's choices (CONTRIBUTING.md
// "An output format"); the first is the default.
const std::vector<const OutputFormat*>& output_formats();
// The format called `name` (one of output_formats(); an unknown name gives the first).
const OutputFormat& output_format(std::string_view name);
// --uitvoerformaat's choices and help, from output_formats().
std::vector<std::string> output_format_names();
std::string output_format_help();

// Appends the findings of consecutive whole cases of a check in memory (its own cache per call).
void format_findings(std::string& text, const OutputFormat& format, const EventLog& log,
                     const std::vector<RuleText>& rules, std::span<const CaseFinding> findings);

// Writes the findings' text in pieces, in order, leaving out the first separator.
class OrderedOutput {
public:
    OrderedOutput(std::ostream& out, const OutputFormat& format) : out_(out), format_(format) {}
    void write(std::string_view text);
    bool any() const { return any_; }

private:
    std::ostream& out_;
    const OutputFormat& format_;
    bool any_ = false;
};

// A run in a format, handed over row by row (begin, outcomes, findings, figures, end): from the
// store, or from a check in memory through emit_check. `rules` name the run's rules.
class FormatWriter final : public RunSink {
public:
    FormatWriter(std::ostream& out, const EventLog& log, const OutputFormat& format, std::vector<RuleText> rules,
                 bool with_outcomes);
    void begin(const std::string& peildatum, const RunSettings& settings,
               const std::vector<std::string>& rules) override;
    void outcomes(std::string_view case_id, std::span<const Outcome> row) override;
    void finding(const RunRecord::Finding& f) override;
    void figure(const RunRecord::Figure& f) override { figures_.push_back(f); }
    void lead_time(const RunRecord::LeadTime& l) override { lead_times_.push_back(l); }
    void open_item(const RunRecord::Open& o) override { open_.push_back(o); }
    void end() override;

private:
    std::ostream& out_;
    const EventLog& log_;
    const OutputFormat& format_;
    std::vector<RuleText> rules_;
    bool with_outcomes_;
    std::optional<Date> peildatum_;
    std::optional<Period> period_;
    std::size_t judged_ = 0;  // dossiers handed over (those of the period, when the run has one)
    std::vector<std::string> case_ids_;
    std::vector<Outcome> outcomes_;
    std::vector<RunRecord::Figure> figures_;
    std::vector<RunRecord::LeadTime> lead_times_;
    std::vector<RunRecord::Open> open_;
    std::vector<SourceRow> rows_;
    std::optional<std::string> labels_case_;                      // the dossier whose rows are indexed
    std::unordered_map<std::uint64_t, std::string_view> labels_;  // (input << 32 | line) → label
    FormatCache cache_;
    OrderedOutput ordered_;
    std::string text_;
};

// A check in memory, whole, in a format: head, every finding (formatted on all cores), tail.
struct ReportData {
    const EventLog& log;
    const CheckResult& result;
    const std::vector<Figure>& figures;
    bool with_outcomes = false;
};
void write_report(std::ostream& out, const ReportData& d, const OutputFormat& format);
void write_text(std::ostream& out, const ReportData& d);
void write_json(std::ostream& out, const ReportData& d);
void write_csv(std::ostream& out, const ReportData& d);
// The tail of a check in memory (after its findings were written as they came).
std::string report_tail(const ReportData& d, const OutputFormat& format, bool any_findings);

// Does any finding have severity overtreding? (exit code 1)
bool has_overtreding(const CheckResult& result);
// A fraction as a Dutch percentage with one decimal and a decimal comma: 0.5 → "50,0".
std::string percent_nl(double v);
// A field for a ';'-separated CSV file, quoted when needed.
std::string csv_field(std::string_view v);

}  // namespace wmotoets
