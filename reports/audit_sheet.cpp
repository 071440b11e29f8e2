#include "reports/audit_sheet.hpp"

#include <optional>

#include <fmt/format.h>

namespace wmotoets {

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string file_name_for(std::string_view case_id) {
    std::string out;
    for (const char c : case_id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        out += ok ? c : '_';
    }
    return out.empty() ? "_" : out;
}

namespace {

constexpr const char* kStyle = R"(body{font-family:system-ui,"Segoe UI",Arial,sans-serif;margin:2em;color:#111;line-height:1.35}
h1{font-size:1.4em;margin:0 0 .3em}h2{font-size:1.1em;margin:1.4em 0 .4em;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #bbb;padding:.3em .4em;text-align:left;vertical-align:top}
th{background:#eee}.meta td{border:none;padding:.1em .6em .1em 0}.box{display:inline-block;width:.9em;height:.9em;border:1px solid #333;margin:0 .2em 0 .6em;vertical-align:middle}
.line{display:inline-block;border-bottom:1px solid #333;min-width:14em;height:1.1em}.x{color:#a00;font-weight:600}
@media print{body{margin:1cm}h2{break-after:avoid}tr{break-inside:avoid}}
)";


}  // namespace

void write_audit_sheet(std::ostream& out, const EventLog& log, std::size_t case_pos, const RunRecord& run,
                       const AuditSheetInfo& info) {
    const Case& c = log.cases.at(case_pos);
    const std::string id(log.str(c.id));
    out << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>Auditblad "
        << html_escape(id) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    out << "<h1>Auditblad dossier " << html_escape(id) << "</h1>\n<table class=\"meta\">\n";
    out << "<tr><td>Steekproef</td><td>nummer " << info.number << " van " << info.of << " (zaad " << info.seed << ")</td></tr>\n";
    if (!info.stratum.empty()) out << "<tr><td>Stratum</td><td>" << html_escape(info.stratum) << "</td></tr>\n";
    out << "<tr><td>Peildatum van de controle</td><td>" << html_escape(run.peildatum.empty() ? "onbekend" : run.peildatum)
        << "</td></tr>\n</table>\n";

    out << "<h2>Gebeurtenissen</h2>\n<table>\n<tr><th>#</th><th>datum</th><th>activiteit</th><th>medewerker</th>"
           "<th>rol</th><th>team</th><th>bron</th></tr>\n";
    std::size_t k = 0;
    bool in_bezwaar = false;
    for (const std::uint32_t i : log.events_of(c)) {
        const Event& e = log.events[i];
        in_bezwaar = in_bezwaar_after(in_bezwaar, e.activity);
        const Who& w = log.who(e);
        std::string when = e.date.iso();
        if (e.has_time()) when += fmt::format(" {:02}:{:02}", e.ms / 3600000, e.ms / 60000 % 60);
        out << "<tr><td>" << ++k << "</td><td>" << when << "</td><td>" << html_escape(log.label_words(e, in_bezwaar)) << "</td><td>"
            << html_escape(log.str(w.actor)) << "</td><td>"
            << html_escape(log.str(w.role) == "client" ? std::string_view("cliënt") : log.str(w.role)) << "</td><td>"
            << html_escape(log.str(w.team)) << "</td><td>" << html_escape(log.inputs[e.file].path) << ":" << e.line
            << "</td></tr>\n";
    }
    out << "</table>\n";

    out << "<h2>Bevindingen van Wmo-toets</h2>\n";
    bool any = false;
    for (const RunRecord::Finding& f : run.findings) {
        if (f.case_id != id) continue;
        if (!any) out << "<table>\n<tr><th>regel</th><th>cyclus</th><th>datum</th><th>termijn tot en met</th><th>bevinding</th></tr>\n";
        any = true;
        out << "<tr><td>" << html_escape(f.rule) << "</td><td>" << f.cycle << "</td><td>" << html_escape(f.date)
            << "</td><td>" << html_escape(f.deadline) << "</td><td>" << html_escape(f.message) << "</td></tr>\n";
    }
    out << (any ? "</table>\n" : "<p>Geen bevindingen.</p>\n");

    // The tool's outcome per rule, and room for the auditor's own.
    std::optional<std::size_t> at;
    for (std::size_t i = 0; i < run.case_ids.size(); ++i)
        if (run.case_ids[i] == id) at = i;
    out << "<h2>Oordeel van de auditor per regel</h2>\n<table>\n<tr><th>regel</th><th>titel</th><th>Wmo-toets</th>"
           "<th>oordeel auditor</th><th>toelichting</th></tr>\n";
    for (std::size_t r = 0; r < run.rules.size(); ++r) {
        std::string title, severity;
        for (const RunRecord::Figure& f : run.figures)
            if (f.rule == run.rules[r]) title = f.title, severity = f.severity;
        const Outcome o = at ? run.outcome(*at, r) : Outcome::niet_van_toepassing;
        out << "<tr><td>" << html_escape(run.rules[r]) << "</td><td>" << html_escape(title) << "</td><td"
            << (o == Outcome::overtreden ? " class=\"x\"" : "") << ">" << outcome_words(o, severity) << "</td><td>"
            << "<span class=\"box\"></span>voldaan<span class=\"box\"></span>"
            << outcome_words(Outcome::overtreden, severity) << "<span class=\"box\"></span>onbekend"
               "<span class=\"box\"></span>niet van toepassing</td><td><span class=\"line\"></span></td></tr>\n";
    }
    out << "</table>\n<p>Auditor: <span class=\"line\"></span> &nbsp; Datum: <span class=\"line\"></span> &nbsp; "
           "Paraaf: <span class=\"line\"></span></p>\n</body>\n</html>\n";
}

}  // namespace wmotoets
