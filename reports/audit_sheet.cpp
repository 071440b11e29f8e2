#include "reports/audit_sheet.hpp"

#include <algorithm>

#include "reports/html.hpp"

#include <filesystem>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "reports/rule_text.hpp"
#include "reports/verdicts.hpp"

namespace wmotoets {

std::string file_name_for(std::string_view case_id) {
    std::string out;
    for (const char c : case_id) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        out += ok ? c : '_';
    }
    return out.empty() ? "_" : out;
}

namespace {

constexpr const char* kStyle =
    R"(body{font-family:system-ui,"Segoe UI",Arial,sans-serif;margin:2em;color:#111;line-height:1.35}
h1{font-size:1.35em;margin:0 0 .3em}h2{font-size:1.05em;margin:1.2em 0 .4em;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%;font-size:.86em}th,td{border:1px solid #bbb;padding:.25em .4em;text-align:left;vertical-align:top}
th{background:#eee}.meta td{border:none;padding:.1em .6em .1em 0}.x{color:#a00;font-weight:600}.muted{color:#555}.small{font-size:.85em}
.q{font-weight:600}.id{font-size:.85em;color:#444}.keuzes label{display:inline-block;white-space:nowrap;margin:.05em .7em .05em 0}
.keuzes input{-webkit-appearance:none;appearance:none;width:.95em;height:.95em;margin:0 .25em 0 0;vertical-align:-.15em;border:1px solid #333;border-radius:2px;background:#fff}
.keuzes input:checked{background:#222;box-shadow:inset 0 0 0 2px #fff}
.regel2{display:flex;font-size:.8em;color:#444;margin-top:.35em}.lijn{flex:1;border-bottom:1px solid #555;margin:0 .6em 0 .4em}
.regel{display:flex;align-items:flex-end;margin:.5em 0 .2em}.regel>span:first-child{margin-right:1em}.lijn.kort{flex:0 0 6em}
.veld{display:block;border-bottom:1px solid #555;min-height:1.4em;margin:.2em 0 .1em}.veld-l{display:block;font-size:.8em;color:#444}
table.normen td:nth-child(1){width:43%}table.normen td:nth-child(2){width:43%}.keuzes{white-space:nowrap}
.kop{margin:.2em 0 .4em}table.bev td:nth-child(-n+4){white-space:nowrap}.sign td{border:none;padding:.6em 1em .2em 0;width:50%}.sheet{page-break-after:always;break-after:page}
.cover{page-break-after:always;break-after:page}
@page{size:A4;margin:10mm 11mm 12mm 11mm;@bottom-right{content:"pagina " counter(page) " van " counter(pages);font-size:8pt;color:#444}}
@media print{body{margin:0;font-size:7.8pt;line-height:1.18}h1{font-size:1.2em}h2{font-size:1em;margin:.55em 0 .25em;break-after:avoid}
th,td{padding:.1em .3em}.regel2{margin-top:.15em}p.small{margin:.2em 0}.lang{font-size:7pt}.zeerlang{font-size:6.4pt;line-height:1.1}.zeerlang td,.zeerlang th{padding:.05em .25em}tr{break-inside:avoid}thead{display:table-header-group}}
)";

// Four answer boxes, each bound to its own label (a box never strays from its word): radio buttons, so that
// one norm takes one answer (issue 30), drawn as square boxes, one per answer on paper too.
std::string answer_boxes(const std::string& name) {
    std::string out = "<div class=\"keuzes\">";
    for (const std::string_view a : kVerdictWords) {
        const std::string w(a);
        out += "<label><input type=\"radio\" name=\"" + name + "\" value=\"" + w + "\">" + w + "</label>";
    }
    return out + "</div>";
}

std::string answer_boxes_yes_no(const std::string& name) {
    return "<span class=\"keuzes\"><label><input type=\"radio\" name=\"" + name +
           "\" value=\"ja\">ja</label>"
           "<label><input type=\"radio\" name=\"" +
           name + "\" value=\"nee\">nee</label></span>";
}

void write_sheet_body(std::ostream& out, const EventLog& log, std::size_t dossier, const RunRecord& run,
                      const AuditSheetInfo& info) {
    const Dossier& c = log.dossiers.at(dossier);
    const std::string id(log.str(c.id));
    std::optional<std::size_t> at;
    for (std::size_t i = 0; i < run.case_ids.size(); ++i)
        if (run.case_ids[i] == id) at = i;
    // A long dossier (many events and norms) in smaller print, so that its sheet keeps to one page.
    std::size_t lines = log.events_of(c).size();
    for (std::size_t r = 0; at && r < run.rules.size(); ++r)
        lines += 2 * (run.outcome(*at, r) != Outcome::niet_van_toepassing);
    out << "<div class=\"blad" << (lines > 62 ? " lang zeerlang" : lines > 46 ? " lang" : "") << "\">\n";
    out << "<h1>Auditblad dossier " << html_escape(id) << "</h1>\n<p class=\"kop\">Steekproef";
    if (info.sample) out << ' ' << info.sample;
    out << ": dossier " << info.number << " van " << info.of << " (zaad " << info.seed << ")";
    if (!info.stratum.empty()) out << " · stratum: " << html_escape(info.stratum);
    const auto peildatum = parse_iso_date(run.peildatum);
    out << " · peildatum van de controle: " << (peildatum ? peildatum->dutch_long() : std::string("onbekend"));
    std::set<std::uint16_t> files;  // the inputs this dossier's events come from, in full
    for (const std::uint32_t i : log.events_of(c)) files.insert(log.events[i].file);
    for (const std::uint16_t f : files) out << " · bestand: " << html_escape(log.inputs[f].path);
    out << "</p>\n";

    out << "<h2>Gebeurtenissen</h2>\n<table>\n<thead><tr><th>#</th><th>datum</th><th>activiteit</th><th>medewerker</th>"
           "<th>rol</th><th>team</th><th>bron (bestand:regel)</th></tr></thead>\n";
    std::size_t k = 0;
    bool in_bezwaar = false;
    for (const std::uint32_t i : log.events_of(c)) {
        const Event& e = log.events[i];
        in_bezwaar = in_bezwaar_after(in_bezwaar, e.activity);
        const Who& w = log.who(e);
        std::string when = e.date.iso();
        if (e.has_time()) when += fmt::format(" {:02}:{:02}", e.ms / 3600000, e.ms / 60000 % 60);
        out << "<tr><td>" << ++k << "</td><td>" << when << "</td><td>" << html_escape(log.label_words(e, in_bezwaar))
            << "</td><td>" << html_escape(log.str(w.actor)) << "</td><td>"
            << html_escape(log.str(w.role) == "client" ? std::string_view("cliënt") : log.str(w.role)) << "</td><td>"
            << html_escape(log.str(w.team)) << "</td><td>"
            << html_escape(std::filesystem::path(log.inputs[e.file].path).filename().string()) << ":" << e.line
            << "</td></tr>\n";
    }
    out << "</table>\n";

    out << "<h2>Bevindingen van Wmo-toets</h2>\n";
    bool any = false;
    for (const RunRecord::Finding& f : run.findings) {
        if (f.case_id != id) continue;
        if (!any)
            out << "<table class=\"bev\">\n<thead><tr><th>regel</th><th>cyclus</th><th>datum</th><th>termijn tot en "
                   "met</th><th>bevinding</th></tr></thead>\n";
        any = true;
        out << "<tr><td>" << html_escape(f.rule) << "</td><td>" << f.cycle << "</td><td>" << html_escape(f.date)
            << "</td><td>" << html_escape(f.deadline) << "</td><td>" << html_escape(f.message) << "</td></tr>\n";
    }
    out << (any ? "</table>\n" : "<p>Geen bevindingen.</p>\n");

    // Per applicable rule: the norm as a question, the boxes, the tool's suggestion, room for the
    // auditor's explanation and source.
    out << "<h2>Oordeel van de auditor per norm</h2>\n<p class=\"small muted\">Per norm die volgens Wmo-toets van "
           "toepassing "
           "is: uw antwoord met toelichting en geraadpleegde bron. Wmo-toets doet een voorstel; uw oordeel "
           "telt.</p>\n<table class=\"normen\">\n<thead><tr><th>norm</th><th>uw antwoord"
           "</th><th>Wmo-toets</th></tr></thead>\n";
    std::string not_applicable;
    for (std::size_t r = 0; r < run.rules.size(); ++r) {
        const RuleText t = rule_text(run, run.rules[r]);
        if (!info.rules.empty() && std::find(info.rules.begin(), info.rules.end(), run.rules[r]) == info.rules.end())
            continue;  // not a norm of this sample
        const Outcome o = at ? run.outcome(*at, r) : Outcome::niet_van_toepassing;
        if (o == Outcome::niet_van_toepassing) {
            not_applicable += (not_applicable.empty() ? "" : ", ") + html_escape(t.id);
            continue;
        }
        const std::string name = "oordeel-" + file_name_for(id) + "-" + t.id;
        out << "<tr><td><span class=\"id\">" << html_escape(t.id) << "</span> <span class=\"q\">"
            << html_escape(t.question) << "</span></td><td>" << answer_boxes(name)
            << "<span class=\"regel2\">toelichting, bron (document, datum):<span class=\"lijn\"></span></span></td><td"
            << (o == Outcome::overtreden ? " class=\"x\"" : "") << ">" << verdict_words(suggested_verdict(o))
            << "<br><span class=\"small muted\">(" << outcome_words(o, t.severity) << ")</span></td></tr>\n";
    }
    out << "</table>\n";
    if (!not_applicable.empty())
        out << "<p class=\"small muted\">Volgens Wmo-toets niet van toepassing: " << not_applicable << ".</p>\n";
    out << "<h2>Conclusie</h2>\n<div class=\"regel\"><span>Afwijking in dit dossier: "
        << answer_boxes_yes_no("conclusie-" + file_name_for(id))
        << "</span>toelichting:<span class=\"lijn\"></span></div>\n<table class=\"sign\"><tr><td><div "
           "class=\"regel\">Opgesteld "
           "door:<span class=\"lijn\"></span>datum:<span class=\"lijn kort\"></span></div></td><td><div "
           "class=\"regel\">Beoordeeld "
           "door:<span class=\"lijn\"></span>datum:<span class=\"lijn kort\"></span></div></td></tr></table>\n</div>\n";
}

}  // namespace

void write_audit_sheet(std::ostream& out, const EventLog& log, std::size_t dossier, const RunRecord& run,
                       const AuditSheetInfo& info) {
    const std::string id(log.str(log.dossiers.at(dossier).id));
    out << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>Auditblad " << html_escape(id)
        << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    write_sheet_body(out, log, dossier, run, info);
    out << "</body>\n</html>\n";
}

void write_audit_sheets(std::ostream& out, const EventLog& log, const std::vector<std::size_t>& dossier_positions,
                        const std::vector<AuditSheetInfo>& infos, const RunRecord& run, const AuditCover& cover) {
    out << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>Auditbladen — "
           "steekproef</title>\n"
           "<style>"
        << kStyle
        << "</style>\n</head>\n<body>\n<section class=\"cover\">\n<h1>Auditbladen — steekproef</h1>\n"
           "<table class=\"meta\">\n";
    for (const auto& [what, value] : cover.lines)
        out << "<tr><td>" << html_escape(what) << "</td><td>" << html_escape(value) << "</td></tr>\n";
    out << "</table>\n<h2>Dossiers</h2>\n<ol>\n";
    for (std::size_t i = 0; i < dossier_positions.size(); ++i)
        out << "<li>" << html_escape(log.str(log.dossiers.at(dossier_positions[i]).id))
            << (infos[i].stratum.empty() ? "" : " — " + html_escape(infos[i].stratum)) << "</li>\n";
    out << "</ol>\n<p class=\"small muted\">Per dossier één auditblad; de paginanummers staan onderaan elke "
           "pagina.</p>\n"
           "</section>\n";
    for (std::size_t i = 0; i < dossier_positions.size(); ++i) {
        out << "<section class=\"sheet\">\n";
        write_sheet_body(out, log, dossier_positions[i], run, infos[i]);
        out << "</section>\n";
    }
    out << "</body>\n</html>\n";
}

}  // namespace wmotoets
