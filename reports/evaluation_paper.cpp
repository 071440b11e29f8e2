// evaluatie.html: the evaluation of a sample as a working paper for the audit file (issue 30): which
// sample, which verdicts, the conclusion per class, stratum, norm and dossier, where the auditor judged
// otherwise, what is incomplete, and lines to sign. A4 in print, with page numbers.
#include <fmt/format.h>

#include <algorithm>

#include "reports/html.hpp"
#include "reports/sampling.hpp"
#include "reports/verdicts.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

std::string bound_text(double upper) { return upper_limit_text(upper) + "&nbsp;%"; }

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : ", ") + html_escape(s);
    return out.empty() ? "–" : out;
}

void class_row(std::ostream& out, const std::string& name, const EvaluationClass& c) {
    out << "<tr><td>" << name << "</td><td class=\"n\">" << grouped(c.judged) << "</td><td class=\"n\">"
        << grouped(c.deviating) << "</td><td class=\"n\">" << (c.judged ? bound_text(c.upper) : ".") << "</td><td>"
        << conclusion_words(c.judged, c.deviating, c.met) << "</td><td>" << (c.met ? margin_words(c) : std::string("–"))
        << "</td></tr>\n";
}

}  // namespace

void write_evaluation_html(std::ostream& out, const EvaluationPaper& p) {
    const VerdictEvaluation& e = *p.evaluation;
    const std::string conf = fmt::format("{:g}", e.confidence * 100), tol = fmt::format("{:g}", e.tolerable * 100);
    const std::string title = fmt::format("Evaluatie van steekproef {}", p.number);
    out << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Wmo-toets — "
        << html_escape(title) << "</title>\n<style>" << report_style() << "@page{@bottom-left{content:\"Wmo-toets — "
        << html_escape(title)
        << "\";font-size:8pt;color:#444}}\n"
           "p.oordeel{font-size:1.1em;padding:.5em .7em;border-left:5px solid #1f4e79;background:#f4f6f9}"
           "table.teken td{height:2.4em}table.id td:first-child{width:11em;font-weight:600}\n"
           "</style>\n</head>\n<body>\n<h1>"
        << html_escape(title) << "</h1>\n<p class=\"muted\">Werkdocument voor het auditdossier: de steekproef, de "
        << "oordelen van de auditor en wat die zeggen over alle dossiers (" << conf << "&nbsp;% betrouwbaarheid, "
        << "aanvaardbaar afwijkingspercentage " << tol << "&nbsp;%).</p>\n";
    out << "<p class=\"oordeel\"><b>Oordeel:</b> "
        << (e.law.judged == 0
                ? std::string("geen dossier met een overtreding-norm beoordeeld; er is geen oordeel over de wet.")
            : e.met ? fmt::format("de bovengrens voor overtredingen ({}) ligt niet boven {}&nbsp;%: de toets is "
                                  "geslaagd.",
                                  bound_text(e.law.upper), tol)
                    : fmt::format("de bovengrens voor overtredingen ({}) ligt boven {}&nbsp;%: de toets is niet "
                                  "geslaagd; het afwijkingspercentage van alle dossiers kan hoger zijn dan "
                                  "aanvaardbaar.",
                                  bound_text(e.law.upper), tol))
        << "</p>\n";

    out << "<h2>1. De steekproef</h2>\n<table class=\"id\">\n";
    for (const auto& [label, value] : p.sample)
        out << "<tr><td>" << html_escape(label) << "</td><td>" << html_escape(value) << "</td></tr>\n";
    out << "<tr><td>Oordelen</td><td>" << html_escape(p.verdict_file) << " <span class=\"hash\">(SHA-256 "
        << p.verdict_sha256 << ")</span></td></tr>\n</table>\n";

    out << "<h2>2. Conclusie per soort</h2>\n<p>Een dossier wijkt af als één norm van die soort afwijkt "
           "(&quot;nee&quot; "
           "of &quot;niet vast te stellen&quot;); &quot;niet van toepassing&quot; telt niet mee. De bovengrens is "
           "exact (hypergeometrisch over de populatie) en naar boven afgerond. Alleen de overtredingen (de wet) "
           "bepalen het oordeel.</p>\n"
           "<table><thead><tr><th>soort</th><th>beoordeeld</th><th>met afwijking</th><th>bovengrens</th>"
           "<th>conclusie</th><th>marge</th></tr></thead><tbody>\n";
    class_row(out, "overtredingen (de wet)", e.law);
    class_row(out, "aandachtspunten en signalen", e.other);
    out << "</tbody></table>\n";
    if (e.clients_own_judged > 0)
        out << "<p>Niet tegen de gemeente geteld: te laat bezwaar of beroep van de cliënt zelf (TRM-04, TRM-05) in "
            << grouped(e.clients_own_deviating) << " van " << grouped(e.clients_own_judged) << " dossiers; "
            << grouped(e.clients_own_only) << " daarvan weken alleen daarop af.</p>\n";
    out << "<p class=\"key small\">Tekens: . = niet te berekenen (geen dossier beoordeeld); – = niet van "
           "toepassing.</p>\n";

    std::size_t section = 3;
    if (!e.strata.empty()) {
        out << "<h2>" << section++ << ". Per stratum</h2>\n<p>De overtredingen per stratum, met de exacte bovengrens "
            << "binnen het stratum.</p>\n<table><thead><tr><th>stratum</th><th>populatie</th><th>getrokken</th>"
               "<th>beoordeeld</th><th>met afwijking</th><th>bovengrens</th><th>conclusie</th></tr></thead><tbody>\n";
        for (const EvaluationStratum& st : e.strata)
            out << "<tr><td>" << html_escape(st.name) << "</td><td class=\"n\">" << grouped(st.population)
                << "</td><td class=\"n\">" << grouped(st.drawn) << "</td><td class=\"n\">" << grouped(st.judged)
                << "</td><td class=\"n\">" << grouped(st.deviating) << "</td><td class=\"n\">"
                << (st.judged ? bound_text(st.upper) : ".") << "</td><td>"
                << (st.drawn == 0 ? std::string("geen dossier getrokken (kleiner dan één dossier bij proportionele "
                                                "verdeling)")
                                  : conclusion_words(st.judged, st.deviating, st.met))
                << "</td></tr>\n";
        out << "</tbody></table>\n<p>Gewogen naar de omvang van de strata wijkt naar schatting "
            << percent_one_decimal(e.weighted)
            << "&nbsp;% van de dossiers af op een overtreding. De strata zijn proportioneel getrokken: de "
               "samengevoegde "
               "telling in de conclusie schat op afronding na hetzelfde, en haar bovengrens neemt aan dat de "
               "steekproef als geheel aselect is.</p>\n";
    }

    out << "<h2>" << section++ << ". Per norm</h2>\n<p>De bovengrens per norm is exact over de dossiers waarop de "
        << "norm van toepassing is.</p>\n<table><thead><tr><th>regel</th><th>soort</th><th>beoordeeld</th>"
           "<th>afwijkingen</th><th>bovengrens</th><th>conclusie</th></tr></thead><tbody>\n";
    for (const EvaluationNorm& n : e.norms)
        out << "<tr><td>" << html_escape(n.rule) << "</td><td>"
            << (n.clients_own ? std::string("cliënt zelf") : std::string(severity_name(n.severity)))
            << "</td><td class=\"n\">" << grouped(n.judged) << "</td><td class=\"n\">"
            << (n.judged ? grouped(n.deviations) : std::string("–")) << "</td><td class=\"n\">"
            << (n.judged ? bound_text(n.upper) : ".") << "</td><td>"
            << (n.judged ? conclusion_words(n.judged, n.deviations, n.met)
                         : fmt::format("alle {} niet van toepassing", grouped(n.not_applicable)))
            << "</td></tr>\n";
    out << "</tbody></table>\n";

    out << "<h2>" << section++ << ". Per dossier</h2>\n<table><thead><tr><th>dossier</th>"
        << (e.strata.empty() ? "" : "<th>stratum</th>")
        << "<th>afwijkend op een overtreding</th><th>op een aandachtspunt of signaal</th><th>cliënt zelf</th></tr>"
           "</thead><tbody>\n";
    for (const EvaluationDossier& d : e.dossiers)
        out << "<tr><td>" << html_escape(d.dossier) << "</td>"
            << (e.strata.empty() ? std::string() : "<td>" + html_escape(d.stratum) + "</td>") << "<td>" << joined(d.law)
            << "</td><td>" << joined(d.other) << "</td><td>" << joined(d.own) << "</td></tr>\n";
    out << "</tbody></table>\n";

    out << "<h2>" << section++ << ". Waar de auditor anders oordeelt dan Wmo-toets</h2>\n";
    if (e.disagreements.empty()) {
        out << "<p>Nergens.</p>\n";
    } else {
        out << "<table><thead><tr><th>dossier</th><th>regel</th><th>Wmo-toets</th><th>auditor</th><th>toelichting</th>"
               "</tr></thead><tbody>\n";
        for (const EvaluationRow& r : e.disagreements)
            out << "<tr><td>" << html_escape(r.dossier) << "</td><td>" << html_escape(r.rule) << "</td><td>"
                << html_escape(r.first) << "</td><td>" << html_escape(r.second) << "</td><td>"
                << (r.third.empty() ? std::string("<span class=\"x\">geen toelichting</span>") : html_escape(r.third))
                << "</td></tr>\n";
        out << "</tbody></table>\n";
    }

    out << "<h2>" << section++ << ". Volledigheid</h2>\n";
    if (e.incomplete.empty()) {
        out << "<p>Elke rij heeft een auditor, een bron en een geldige datum; elk afwijkend oordeel een "
               "toelichting.</p>\n";
    } else {
        out << "<p>" << counted(e.incomplete.size(), "rij", "rijen")
            << " zonder auditor, bron, geldige datum of (waar die afwijkt van Wmo-toets) toelichting. Vul ze aan "
               "vóór de conclusie wordt vastgesteld.</p>\n<table><thead><tr><th>cel</th><th>dossier</th><th>regel</th>"
               "<th>wat ontbreekt</th></tr></thead><tbody>\n";
        for (const EvaluationRow& r : e.incomplete)
            out << "<tr><td>" << html_escape(r.where) << "</td><td>" << html_escape(r.dossier) << "</td><td>"
                << html_escape(r.rule) << "</td><td>" << html_escape(r.first) << "</td></tr>\n";
        out << "</tbody></table>\n";
    }

    out << "<h2>" << section
        << ". Vaststelling</h2>\n<table class=\"teken\"><thead><tr><th></th><th>naam</th>"
           "<th>datum</th><th>paraaf</th></tr></thead><tbody>\n<tr><td>Opgesteld door</td><td>"
        << html_escape(p.by)
        << "</td><td></td><td></td></tr>\n<tr><td>Beoordeeld door</td><td></td><td></td><td></td></tr>\n"
           "</tbody></table>\n</body>\n</html>\n";
}

}  // namespace wmotoets
