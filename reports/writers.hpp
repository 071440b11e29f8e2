#pragma once
// Report writers of `controleer`: text (people), JSON (tools, schema wmotoets/1), CSV (spreadsheets).
#include <ostream>
#include <vector>

#include "import/diagnostics.hpp"
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

// Does any finding have severity overtreding? (exit code 1)
bool has_overtreding(const CheckResult& result);
// A fraction as a Dutch percentage with one decimal and a decimal comma: 0.5 → "50,0".
std::string percent_nl(double v);
// A field for a ';'-separated CSV file, quoted when needed.
std::string csv_field(std::string_view v);

}  // namespace wmotoets
