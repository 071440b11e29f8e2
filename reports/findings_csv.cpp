// bevindingen.csv: one row per finding of a stored run, for Excel.
#include <map>

#include "reports/report.hpp"
#include "reports/writers.hpp"

namespace wmotoets {

std::string finding_sources(const EventLog& log, const RunRecord::Finding& f) {
    std::string out;
    for (const auto& [input, line] : f.events) {
        if (!out.empty()) out += ", ";
        out += input < log.inputs.size() ? log.inputs[input].path : std::string("?");
        out += ':';
        out += std::to_string(line);
    }
    return out;
}

void write_findings_csv(std::ostream& out, const EventLog& log, const RunRecord& run) {
    out << "\xEF\xBB\xBF"
        << "dossier;regel;titel;ernst;cyclus;datum;termijn_tot_en_met;bevinding;grondslag;bron\r\n";
    std::map<std::string, RuleText> texts;
    for (const RunRecord::Finding& f : run.findings) {
        auto it = texts.find(f.rule);
        if (it == texts.end()) it = texts.emplace(f.rule, rule_text(run, f.rule)).first;
        out << csv_field(f.case_id) << ';' << csv_field(f.rule) << ';' << csv_field(it->second.title) << ';'
            << severity_name(it->second.severity) << ';' << f.cycle << ';' << f.date << ';' << f.deadline << ';'
            << csv_field(f.message) << ';' << csv_field(it->second.basis) << ';' << csv_field(finding_sources(log, f))
            << "\r\n";
    }
}

}  // namespace wmotoets
