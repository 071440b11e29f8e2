#pragma once
// Report writers of `controleer`: text (people), JSON (tools, schema wmotoets/1), CSV (spreadsheets).
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/event_log.hpp"
#include "reports/figures.hpp"

namespace wmotoets {

struct ReportData {
    const EventLog& log;
    const CheckResult& result;
    const std::vector<Figure>& figures;
    bool with_outcomes = false;
};

void write_text(std::ostream& out, const ReportData& d);
void write_json(std::ostream& out, const ReportData& d);
void write_csv(std::ostream& out, const ReportData& d);

// A format in three pieces, so that the findings can also be written while the check still
// runs (FindingStream): what comes before the findings, the findings of consecutive whole
// cases (safe on several threads at once), and what comes after them.
struct OutputFormat {
    std::string (*head)(const EventLog& log, std::optional<Date> peildatum);  // nullopt: unknown
    void (*findings)(std::string& text, const EventLog& log, const std::vector<const Rule*>& rules,
                     std::span<const CaseFinding> findings);
    std::string (*tail)(const ReportData& d, bool any_findings);
    // Every finding (text: every case) starts with a separator of this many bytes, which the
    // very first one leaves out.
    std::size_t separator = 0;
};
// "text", "json" or "csv".
const OutputFormat& output_format(std::string_view name);
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
// head, every finding of d.result (formatted on all cores), tail.
void write_report(std::ostream& out, const ReportData& d, const OutputFormat& format);

// Does any finding have severity overtreding? (exit code 1)
bool has_overtreding(const CheckResult& result);
// A fraction as a Dutch percentage with one decimal and a decimal comma: 0.5 → "50,0".
std::string percent_nl(double v);
// A field for a ';'-separated CSV file, quoted when needed.
std::string csv_field(std::string_view v);

}  // namespace wmotoets
