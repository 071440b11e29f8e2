#include "reports/writers.hpp"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace wmotoets {

namespace {

double round4(double v) { return std::round(v * 10000.0) / 10000.0; }

std::string percent_nl(double v) {
    std::string s = fmt::format("{:.1f}", v * 100.0);
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}


std::string where(const EventLog& log, const CaseFinding& f) {
    if (f.event_indices.empty()) return "-";
    const Event& e = log.events[f.event_indices.front()];
    return log.inputs[e.file].path + ":" + std::to_string(e.line);
}

std::string csv_field(std::string_view v) {
    if (v.find_first_of(";\"\n\r") == std::string_view::npos) return std::string(v);
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

bool has_overtreding(const CheckResult& result) {
    for (const CaseFinding& f : result.findings)
        if (result.rules[f.rule]->info().severity == Severity::overtreding) return true;
    return false;
}

void write_text(std::ostream& out, const ReportData& d) {
    const EventLog& log = d.log;
    std::uint32_t last_case = UINT32_MAX;
    for (const CaseFinding& f : d.result.findings) {
        if (f.case_pos != last_case && last_case != UINT32_MAX) out << '\n';
        last_case = f.case_pos;
        const RuleInfo& info = d.result.rules[f.rule]->info();
        out << log.str(log.cases[f.case_pos].id) << ' ' << where(log, f) << ": " << severity_name(info.severity)
            << ' ' << info.id << ' ' << info.title << " — " << f.finding.message << '\n';
    }
    if (!d.result.findings.empty()) out << '\n';

    std::size_t rows = 0, used = 0, rejected = 0;
    for (const InputFile& in : log.inputs) { rows += in.rows; used += in.used; rejected += in.rejected; }
    out << fmt::format("Cijfers per regel — {} dossiers, {} gebeurtenissen gebruikt ({} rijen gelezen, {} afgekeurd); "
                       "peildatum {}\n",
                       log.cases.size(), used, rows, rejected,
                       d.result.peildatum_known ? d.result.peildatum.iso() : std::string("onbekend (geen gebeurtenissen)"));
    out << fmt::format("{:<8} {:<13} {:>9} {:>8} {:>10} {:>8} {:>8}  {}\n", "regel", "ernst", "van toep.", "voldaan",
                       "overtreden", "onbekend", "% overtr", "95%-interval");
    for (const Figure& f : d.figures) {
        const RuleInfo& info = f.rule->info();
        const std::string rate = f.rate ? percent_nl(*f.rate) : "-";
        const std::string ci = f.ci95 ? percent_nl(f.ci95->first) + "–" + percent_nl(f.ci95->second) : "-";
        out << fmt::format("{:<8} {:<13} {:>9} {:>8} {:>10} {:>8} {:>8}  {}\n", info.id, severity_name(info.severity),
                           f.applicable, f.compliant, f.violations, f.unknown, rate, ci);
    }
    out << "percentage = overtreden / (voldaan + overtreden); onbekend staat ernaast en telt in geen van beide mee.\n";
}

void write_json(std::ostream& out, const ReportData& d) {
    using nlohmann::ordered_json;
    const EventLog& log = d.log;
    ordered_json doc;
    doc["schema"] = "wmotoets/1";
    doc["peildatum"] = d.result.peildatum_known ? ordered_json(d.result.peildatum.iso()) : ordered_json();
    ordered_json inputs = ordered_json::array();
    for (const InputFile& in : log.inputs)
        inputs.push_back({{"path", in.path}, {"sha256", in.sha256}, {"format", in.format}, {"rows", in.rows},
                          {"used", in.used}, {"rejected", in.rejected}, {"possible_bsn", in.possible_bsn},
                          {"windows1252", in.windows1252}});
    doc["inputs"] = std::move(inputs);
    doc["cases"] = log.cases.size();
    ordered_json findings = ordered_json::array();
    for (const CaseFinding& f : d.result.findings) {
        const RuleInfo& info = d.result.rules[f.rule]->info();
        ordered_json events = ordered_json::array();
        for (std::uint32_t ei : f.event_indices) {
            const Event& e = log.events[ei];
            events.push_back({{"file", log.inputs[e.file].path}, {"line", e.line}, {"activity", log.label(e)}});
        }
        findings.push_back({{"case_id", log.str(log.cases[f.case_pos].id)},
                            {"rule", info.id},
                            {"severity", severity_name(info.severity)},
                            {"cycle", f.finding.cycle},
                            {"date", f.finding.date.iso()},
                            {"deadline", f.finding.deadline ? ordered_json(f.finding.deadline->iso()) : ordered_json()},
                            {"message", f.finding.message},
                            {"basis", info.basis},
                            {"events", std::move(events)}});
    }
    doc["findings"] = std::move(findings);
    ordered_json figures = ordered_json::array();
    for (const Figure& f : d.figures) {
        const RuleInfo& info = f.rule->info();
        figures.push_back({{"rule", info.id},
                           {"title", info.title},
                           {"severity", severity_name(info.severity)},
                           {"applicable", f.applicable},
                           {"compliant", f.compliant},
                           {"violations", f.violations},
                           {"unknown", f.unknown},
                           {"rate", f.rate ? ordered_json(round4(*f.rate)) : ordered_json()},
                           {"ci95", f.ci95 ? ordered_json::array({round4(f.ci95->first), round4(f.ci95->second)})
                                           : ordered_json()}});
    }
    doc["figures"] = std::move(figures);
    if (d.with_outcomes) {
        ordered_json outcomes = ordered_json::array();
        for (std::size_t c = 0; c < log.cases.size(); ++c)
            for (std::size_t r = 0; r < d.result.rules.size(); ++r) {
                const Outcome o = d.result.outcome(c, r);
                if (o == Outcome::niet_van_toepassing) continue;
                outcomes.push_back({{"case_id", log.str(log.cases[c].id)},
                                    {"rule", d.result.rules[r]->info().id},
                                    {"outcome", outcome_name(o)}});
            }
        doc["outcomes"] = std::move(outcomes);
    }
    out << doc.dump(2) << '\n';
}

void write_csv(std::ostream& out, const ReportData& d) {
    const EventLog& log = d.log;
    out << "dossier;regel;ernst;cyclus;datum;termijn;bestand;regelnummer;activiteit;bevinding;grondslag\n";
    for (const CaseFinding& f : d.result.findings) {
        const RuleInfo& info = d.result.rules[f.rule]->info();
        std::string file, line, activity;
        if (!f.event_indices.empty()) {
            const Event& e = log.events[f.event_indices.front()];
            file = log.inputs[e.file].path;
            line = std::to_string(e.line);
            activity = std::string(log.label(e));
        }
        out << csv_field(log.str(log.cases[f.case_pos].id)) << ';' << info.id << ';' << severity_name(info.severity)
            << ';' << f.finding.cycle << ';' << f.finding.date.iso() << ';'
            << (f.finding.deadline ? f.finding.deadline->iso() : "") << ';' << csv_field(file) << ';' << line << ';'
            << csv_field(activity) << ';' << csv_field(f.finding.message) << ';' << csv_field(info.basis) << '\n';
    }
}

}  // namespace wmotoets
