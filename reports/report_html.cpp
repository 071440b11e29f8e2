#include "reports/report.hpp"
#include "util/text.hpp"

#include <set>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <map>

#include "reports/audit_sheet.hpp"
#include "reports/comparison.hpp"
#include "reports/figures.hpp"
#include "reports/writers.hpp"
#include "workflow/rule.hpp"

namespace wmotoets {

namespace {

// A breakdown's cell, as HTML: "51/1.876", under it "(2,7 %)" and "+32 onb." (each a line of its own, so
// that the quarters of a year fit A4 portrait; read as one text: "51/1.876 (2,7 %) +32 onb.").
std::string cell(const RuleCounts& c, const Disclosure& d, Symbols& sym) {
    if (c.applicable == 0) return sym(Symbol::nil);
    const std::size_t judged = c.compliant + c.violations;
    std::string s = d.text(c.violations, sym) + "/" + d.text(judged, sym);
    if (const auto r = d.rate(c.violations, c.compliant, true))
        s += " <span class=\"sub\">(" + d.percent(r->rate) + " %)</span>";
    if (c.unknown) s += " <span class=\"sub\">+" + d.text(c.unknown, sym) + " onb.</span>";
    return s;
}

}  // namespace

std::vector<std::string> settings_in_words(const RunRecord& run) {
    std::vector<std::string> out;
    for (const auto& [key, value] : run.settings.values) {
        if (key == "andere_ondersteuner_dagen")
            out.push_back("een verzoek om een andere cliëntondersteuner is binnen " + value +
                          " dagen ingewilligd (ONA-04, lokale norm)");
        else if (key == "wachttijd_ondersteuner_dagen")
            out.push_back("een gevraagde cliëntondersteuner is binnen " + value +
                          " dagen toegewezen (TOE-03, lokale norm)");
        else if (key != "periode_van" && key != "periode_tot")  // the period is named on its own
            out.push_back(key + ": " + value);
    }
    return out;
}

namespace {
// "a, b en c".
std::string join_words(const std::vector<std::string>& parts) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i)
        s += (i == 0 ? "" : i + 1 == parts.size() ? " en " : ", ") + parts[i];
    return s.empty() ? std::string("geen") : s;
}
}  // namespace

std::optional<int> lead_term_days(const RunRecord& run, Phase p) {
    switch (p) {
    case Phase::melding_verslag: return 42;
    case Phase::aanvraag_besluit: return 14;
    case Phase::bezwaar_beslissing: break;  // no single statutory line: 6 or 12 weeks after the bezwaartermijn
    case Phase::vraag_ondersteuner:
        for (const auto& [key, value] : run.settings.values)
            if (key == "wachttijd_ondersteuner_dagen") return std::atoi(value.c_str());
        return 14;
    case Phase::melding_gesprek:
    case Phase::melding_besluit:
    case Phase::besluit_levering: break;
    }
    return std::nullopt;
}

namespace {

// rapport.html, section by section.
struct HtmlReport {
    std::ostream& out;
    const EventLog& log;
    const RunRecord& run;
    const Disclosure& d;
    const std::vector<LeadPhaseView>* lead = nullptr;  // the lead times, when the report has them
    bool all_dossiers = false;                         // every dossier, not only those with findings
    const Comparison* comparison = nullptr;            // the period before, when compared (issue 28)
    bool dossier_list = true;                          // false: the summary to print, without the dossiers
    ReportFrame frame = {};
    std::string title() const { return frame.title.empty() ? std::string("Wmo-toets — rapport") : frame.title; }
    // The numbered sections in their order (id, title), known before the first is written so that
    // the table of contents can list them; tables and figures are numbered as they come.
    std::vector<std::pair<std::string, std::string>> sections = {};
    int tables = 0, figures = 0;

    const std::string& title_of(const std::string& id) const {
        std::size_t n = 0;
        while (n + 1 < sections.size() && sections[n].first != id) ++n;
        return sections[n].second;
    }
    // A section's heading, numbered, with its title from the table of sections.
    void h2(const std::string& id) {
        std::size_t n = 0;
        while (n < sections.size() && sections[n].first != id) ++n;
        sym.clear();  // a table's key names only its own symbols
        out << "<h2 id=\"" << id << "\"><span class=\"nr\">" << n + 1 << ".</span>" << title_of(id) << "</h2>\n";
    }
    // Under a table or figure: its number, what it shows and where it comes from (the inputs, the
    // tool and its version, the peildatum; no clock time).
    void caption(bool figure, const std::string& what) {
        out << "<p class=\"caption\">" << (figure ? "Figuur " : "Tabel ") << (figure ? ++figures : ++tables) << ". "
            << what << ". " << source() << "</p>\n";
    }
    std::string source() const {
        std::string s = "Bron: ";
        for (std::size_t i = 0; i < log.inputs.size(); ++i)
            s += (i ? ", " : "") + html_escape(log.inputs[i].path) + " (SHA-256 " + log.inputs[i].sha256.substr(0, 12) +
                 "…)";
        if (log.inputs.empty()) s += "geen invoer";
        s += "; Wmo-toets " WMOTOETS_VERSION "; peildatum " + peildatum_words() + ".";
        return s;
    }
    // "28 november 2024", or "onbekend".
    std::string peildatum_words() const {
        const auto day = parse_iso_date(run.peildatum);
        return day ? day->dutch_long() : std::string("onbekend");
    }
    void summary();
    std::vector<const RunRecord::Figure*> largest_findings(std::size_t n) const;
    void trend(const std::map<std::string, std::vector<RuleCounts>>& quarters, const std::vector<bool>& shown);
    void contents();

    // A count in a table cell, as published ("x" noted for the key).
    std::string ht(std::size_t n) const { return d.text(n, sym); }
    // A count in running text, Dutch style ("100.000"), as published: a secret one as "minder dan 10".
    std::string words_count(std::size_t n) const {
        return d.suppressed(n) ? "minder dan " + std::to_string(d.threshold) : wmotoets::grouped(d.shown(n));
    }
    // Instead of a rule's rate: "x" where a publication keeps it back, "." where nothing was judged.
    std::string rate_missing(const RunRecord::Figure* f) const {
        return mark(f ? d.missing_rate(f->violations, f->compliant) : Symbol::unknown);
    }
    // Instead of a difference: "x" where either rate is kept back, "." where either is unknown.
    std::string difference_missing(const ComparedRule& row) const {
        const auto secret = [&](const RunRecord::Figure* f) {
            return f && d.missing_rate(f->violations, f->compliant) == Symbol::secret;
        };
        return mark(secret(row.now) || secret(row.before) ? Symbol::secret : Symbol::unknown);
    }
    // A median in days; "x" where a publication keeps a small group's back, "." where not estimated.
    std::string median_text(const RunRecord::LeadTime& l) const {
        if (median_shown(d, l)) return std::to_string(*l.mediaan);
        return mark(l.mediaan ? Symbol::secret : Symbol::unknown);
    }
    // A rule's rate and interval as shown: the stored ones, or in a publication the published ones.
    struct FigureRate {
        double rate;
        std::optional<double> lo, hi;
    };
    std::optional<FigureRate> rate_of(const RunRecord::Figure& f) const {
        if (!d.publication) return f.rate ? std::optional<FigureRate>(FigureRate{*f.rate, f.lo, f.hi}) : std::nullopt;
        const auto r = d.rate(f.violations, f.compliant);
        return r ? std::optional<FigureRate>(FigureRate{r->rate, r->lo, r->hi}) : std::nullopt;
    }
    // "3–5"; in a publication whose whole percents would collapse the interval ("3–3"), with one decimal,
    // computed from the shown counts as the rate is (issue 28).
    std::string interval_text(const RunRecord::Figure& f, const FigureRate& r) const {
        std::string lo = d.percent(r.lo.value_or(0)), hi = d.percent(r.hi.value_or(0));
        if (d.publication && lo == hi) {
            const std::size_t v = d.shown(f.violations), n = v + d.shown(f.compliant);
            if (n > 0) {
                const auto [l, h] = wilson95(v, n);
                lo = percent_nl(l);
                hi = percent_nl(h);
            }
        }
        return lo + "–" + hi;
    }
    // Whether a rule's sums are shown (groups.hpp, rule_sums_shown: each row, and the rules read together).
    mutable std::vector<bool> sums_ = {};
    bool sums_shown(const RunRecord::Figure& f) const {
        if (sums_.size() != run.figures.size()) sums_ = rule_sums_shown(run, d);
        const auto i = std::size_t(&f - run.figures.data());
        return i < sums_.size() ? sums_[i] : d.sums_shown({f.applicable, f.compliant, f.violations, f.unknown});
    }
    // The symbols the table being written has used (issue 28), named by its key.
    mutable Symbols sym = {};
    std::string mark(Symbol s) const { return sym(s); }
    // Under every table: the key naming each symbol it used (and in a publication the rounding).
    void key() {
        const std::string k = d.key(sym);
        if (!k.empty()) out << "<p class=\"small key\">" << k << "</p>\n";
        sym.clear();
    }
    void head();
    void reading_guide();
    void inputs();
    void figures_per_rule();
    void compared();
    void table();
    void chart();
    void quarters();
    void teams();
    void grouped(const char* id, const char* intro, const std::function<std::string(const Dossier&)>& key_of);
    void lead_times();
    void lead_table(const LeadPhaseView& v);
    void lead_chart(const LeadPhaseView& v, std::optional<int> term_days);
    std::string lead_row(const std::string& name, const LeadEstimate& e) const;
    void dossiers();
    // A dossier's events by (input, line), each with whether it falls in a bezwaar.
    using EventRows = std::map<std::pair<std::size_t, std::uint32_t>, std::pair<const Event*, bool>>;
    void finding_rows(std::string& buf, const std::vector<const RunRecord::Finding*>& findings, const EventRows& rows,
                      const std::vector<std::string>& input_names) const;
    void timeline(std::string& buf, const Dossier& dossier,
                  const std::vector<const RunRecord::Finding*>& findings) const;
    void explanations();
    void colophon();
};

// Above this many dossiers the dossier section leaves out the timelines (the file would grow past
// what a browser opens without stalling; the audit sheets have them).
constexpr std::size_t kTimelineDossiers = 2000;

std::string json_array(const std::set<std::string>& items) {
    std::string s = "[";
    for (const std::string& x : items) {
        s += s.size() > 1 ? ",\"" : "\"";
        for (const char c : x) {
            if (c == '"' || c == '\\') s += '\\';
            if (c == '<') s += "\\u003c";  // never "</script>" inside the script
            else if (static_cast<unsigned char>(c) < 0x20) s += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
            else s += c;
        }
        s += '"';
    }
    return s + "]";
}

// Search and filters over the dossier section: shows the controls, fills the rule and team lists,
// and hides every tbody that does not match (search in the dossier number and the text).
constexpr const char* kFilterScript = R"(var box=document.getElementById("zoeken");if(!box)return;box.hidden=false;
var q=document.getElementById("zoek"),fr=document.getElementById("f-regel"),fe=document.getElementById("f-ernst"),
ft=document.getElementById("f-team"),n=document.getElementById("telling"),
rows=Array.prototype.slice.call(document.querySelectorAll("#dossiertabel div.d"));
function add(sel,vals){vals.forEach(function(v){var o=document.createElement("option");o.value=v;o.textContent=v;sel.appendChild(o);});}
add(fr,R);T.forEach(function(v,i){var o=document.createElement("option");o.value=String(i);o.textContent=v;ft.appendChild(o);});
function has(list,v){return (" "+list+" ").indexOf(" "+v+" ")>=0;}
function run(){var t=q.value.trim().toLowerCase(),r=fr.value,e=fe.value,tm=ft.value,shown=0;
rows.forEach(function(b){var ok=(!r||has(b.dataset.r,r))&&(!e||b.dataset.r.split(" ").some(function(x){return S[x]===e;}))&&(!tm||b.dataset.t===tm)&&
(!t||b.textContent.toLowerCase().indexOf(t)>=0);b.style.display=ok?"":"none";if(ok)shown++;});
n.textContent=shown+" van "+rows.length+" dossiers";}
var timer;q.addEventListener("input",function(){clearTimeout(timer);timer=setTimeout(run,200);});
[fr,fe,ft].forEach(function(s){s.addEventListener("change",run);});run();
)";

// A link to a dossier (rapport.html#dossier-ID, from scheiding.html or werkvoorraad.html) lands with the
// dossier shown, its timeline open and its heading under the sticky search bar (div.d scroll-margin-top).
constexpr const char* kLandScript =
    R"((function(){function land(){var h=decodeURIComponent(location.hash.slice(1));if(h.indexOf("dossier-")!==0)return;
var b=document.getElementById(h);if(!b)return;b.style.display="";
b.querySelectorAll("details").forEach(function(x){x.open=true;});b.scrollIntoView();}
window.addEventListener("hashchange",land);if(document.readyState==="loading")document.addEventListener("DOMContentLoaded",land);else land();})();)";

void HtmlReport::head() {
    const std::string t = html_escape(title());
    out << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        << t << "</title>\n<style>" << report_style() << "@page{@bottom-left{content:\"" << t << ", peildatum "
        << peildatum_words() << (d.publication ? " (publicatieversie)" : "")
        << "\";font-size:8pt;color:#444}}\n</style>\n</head>\n<body>\n";
    // The cover (a page of its own in print): title, for whom, which period, by whom.
    out << "<header class=\"cover\">\n<h1>" << t << "</h1>\n";
    if (!frame.organisation.empty()) out << "<p class=\"org\">" << html_escape(frame.organisation) << "</p>\n";
    out << "<p class=\"muted\">Toetsing van dossiers aan de procedure van de Wmo 2015, "
           "met de nadruk op onafhankelijke cliëntondersteuning. ";
    if (const auto p = run.period()) out << "Periode: <b>" << html_escape(p->words()) << "</b> (meldingen). ";
    out << "Peildatum: <b>" << peildatum_words() << "</b>; " << words_count(run.case_ids.size()) << " dossiers; "
        << run.rules.size() << " regels.</p>\n";
    if (!frame.author.empty()) out << "<p>Opgesteld door " << html_escape(frame.author) << ".</p>\n";
    if (d.publication) out << "<p><b>" << d.rule() << "</b></p>\n";
    out << "</header>\n";
}

// The largest findings by severity and rate, the lead time a resident experiences, and what was
// checked, in words: what a council member reads first.
void HtmlReport::summary() {
    h2("samenvatting");
    out << "<p>Getoetst: " << words_count(run.case_ids.size()) << " dossiers uit " << log.inputs.size()
        << (log.inputs.size() == 1 ? " bestand" : " bestanden") << ", aan " << run.rules.size()
        << " regels van de Wmo 2015 en de Awb, op peildatum " << peildatum_words() << ".</p>\n";
    if (const auto p = run.period())
        out << "<p>Periode: de dossiers met een melding of herbeoordeling in " << html_escape(p->words())
            << ", met alles wat daarna in die dossiers gebeurde tot de peildatum; "
            << words_count(log.dossiers.size() - std::min(log.dossiers.size(), run.case_ids.size()))
            << " dossiers zonder melding in die periode tellen niet mee.</p>\n";
    std::vector<std::pair<const RunRecord::Figure*, FigureRate>> largest;
    for (const RunRecord::Figure* f : largest_findings(5)) largest.emplace_back(f, *rate_of(*f));
    if (largest.empty()) {
        out << "<p>Geen van de regels wijkt af in de beoordeelde dossiers"
            << (d.publication ? " (of de aantallen zijn te klein om te publiceren)" : "") << ".</p>\n";
    } else {
        out << "<p>De grootste bevindingen, eerst de overtredingen:</p>\n<ul>\n";
        for (const auto& [f, r] : largest) {
            std::string title = html_escape(f->title);
            if (!title.empty() && title[0] >= 'A' && title[0] <= 'Z') title[0] = char(title[0] - 'A' + 'a');
            out << "<li>Bij " << words_count(f->violations) << " van de " << words_count(f->compliant + f->violations)
                << " beoordeelde dossiers (" << d.percent(r.rate) << " %"
                << (r.lo && r.hi ? ", 95%-interval " + interval_text(*f, r) + " %" : std::string()) << "): " << title
                << " (<a href=\"#regel-" << html_escape(f->rule) << "\">" << html_escape(f->rule) << "</a>, "
                << severity_name(f->severity) << ").</li>\n";
        }
        out << "</ul>\n";
    }
    if (lead)
        for (const LeadPhaseView& v : *lead) {
            if (v.phase != Phase::melding_besluit && v.phase != Phase::melding_verslag) continue;
            const LeadEstimate& e = v.total;
            const LeadShown shown = lead_shown(d, e);
            if (e.started == 0) continue;
            out << "<p>" << html_escape(phase_info(v.phase).words) << ": ";
            if (shown.quantiles && e.mediaan)
                out << "de helft van de dossiers was na " << *e.mediaan << " dagen zover"
                    << (e.p90 ? ", negen op de tien na " + std::to_string(*e.p90) + " dagen"
                              : std::string(", van de traagste "
                                            "tiende is het nog niet te zeggen"));
            else out << "nog niet te schatten (te veel dossiers lopen nog, of te weinig om te publiceren)";
            out << " (<a href=\"#doorlooptijden\">doorlooptijden</a>).</p>\n";
        }
}

// The rules with the largest findings: by severity, then by rate (only rates that are shown).
std::vector<const RunRecord::Figure*> HtmlReport::largest_findings(std::size_t n) const {
    auto rank = [](Severity s) { return static_cast<int>(s); };  // Severity runs from worst to least
    // Ranked by severity, then by the rate as a publication shows it (whole percents of the rounded counts;
    // the exact rate in whole percents where a publication shows none), then by rule ID: the internal and
    // the public version list the same rules in the same order (issue 28).
    Disclosure published = d;
    published.publication = true;
    std::vector<std::pair<const RunRecord::Figure*, double>> all;
    for (const RunRecord::Figure& f : run.figures)
        if (const auto r = rate_of(f); r && f.violations > 0 && sums_shown(f)) {
            const auto p = published.rate(f.violations, f.compliant);
            all.emplace_back(&f, p ? p->rate : std::round(r->rate * 100) / 100);
        }
    std::sort(all.begin(), all.end(), [&](const auto& a, const auto& b) {
        if (rank(a.first->severity) != rank(b.first->severity))
            return rank(a.first->severity) < rank(b.first->severity);
        if (a.second != b.second) return a.second > b.second;
        return a.first->rule < b.first->rule;
    });
    std::vector<const RunRecord::Figure*> largest;
    for (std::size_t i = 0; i < all.size() && i < n; ++i) largest.push_back(all[i].first);
    return largest;
}

// Per quarter, small line charts of the rate with its interval for the rules with the largest
// findings: only the rates the table shows (in a publication the published ones).
void HtmlReport::trend(const std::map<std::string, std::vector<RuleCounts>>& quarters, const std::vector<bool>& shown) {
    if (quarters.size() < 2) return;
    const int w = 260, h = 110, left = 44, top = 16, bottom = 18;
    std::string charts;
    for (const RunRecord::Figure* f : largest_findings(4)) {
        const auto at = std::find(run.rules.begin(), run.rules.end(), f->rule);
        if (at == run.rules.end()) continue;
        const std::size_t r = std::size_t(at - run.rules.begin());
        if (!shown[r]) continue;
        std::vector<std::pair<std::size_t, ShownRate>> points;
        std::size_t i = 0;
        for (const auto& [quarter, counts] : quarters) {
            if (const auto rate = d.rate(counts[r].violations, counts[r].compliant, true))
                points.emplace_back(i, *rate);
            ++i;
        }
        if (points.size() < 2) continue;
        double ymax = 0.1;
        for (const auto& [q, rate] : points) ymax = std::max(ymax, rate.hi);
        ymax = std::min(1.0, std::ceil(ymax * 10) / 10);
        auto x = [&](std::size_t q) { return left + (w - left - 8) * double(q) / double(quarters.size() - 1); };
        auto y = [&](double v) { return top + (h - top - bottom) * (1.0 - v / ymax); };
        charts += fmt::format(
            "<svg role=\"img\" aria-label=\"{0} per kwartaal\" width=\"{1}\" height=\"{2}\" "
            "viewBox=\"0 0 {1} {2}\"><text x=\"{3}\" y=\"11\" font-weight=\"600\">{0}</text>",
            html_escape(f->rule), w, h, left);
        for (const double v : {0.0, ymax})
            charts += fmt::format(
                "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#ddd\"/>"
                "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5} %</text>",
                left, y(v), w - 8, left - 4, y(v) + 4, std::lround(v * 100));
        charts += fmt::format("<text x=\"{0:.1f}\" y=\"{2}\" text-anchor=\"start\">{1}</text>", x(0),
                              html_escape(quarters.begin()->first), h - 4);
        charts += fmt::format("<text x=\"{0:.1f}\" y=\"{2}\" text-anchor=\"end\">{1}</text>", x(quarters.size() - 1),
                              html_escape(quarters.rbegin()->first), h - 4);
        std::string line;
        for (const auto& [q, rate] : points) {
            charts += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#999\"/>",
                                  x(q), y(rate.lo), y(rate.hi));
            line += fmt::format("{}{:.1f},{:.1f}", line.empty() ? "" : " ", x(q), y(rate.rate));
        }
        charts += "<polyline points=\"" + line + "\" fill=\"none\" stroke=\"" +
                  std::string(severity_colour(f->severity)) + "\" stroke-width=\"2\"/>";
        for (const auto& [q, rate] : points)
            charts += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\" fill=\"{}\"/>", x(q), y(rate.rate),
                                  severity_colour(f->severity));
        charts += "</svg>\n";
    }
    if (charts.empty()) return;
    out << "<div class=\"trend\">\n" << charts << "</div>\n";
    caption(
        true,
        "Percentage afwijkend per kwartaal voor de regels met de grootste bevindingen, met het 95%-interval (grijs)");
}

void HtmlReport::contents() {
    out << "<nav class=\"toc\"><h2 class=\"toc-h\">Inhoud</h2>\n<ol>\n";
    for (const auto& [id, title] : sections) out << "<li><a href=\"#" << id << "\">" << title << "</a></li>\n";
    out << "</ol>\n</nav>\n";
}

// What every symbol means, once for the whole report.
void HtmlReport::reading_guide() {
    h2("leeswijzer");
    out << "<ul class=\"small\">\n<li><b>Uitkomsten</b>: voldaan; bij een afwijking <i>overtreden</i> (een "
           "overtreding: de "
           "wet is niet nageleefd), <i>niet voldaan</i> (een aandachtspunt: goede praktijk of onafhankelijkheid in "
           "gevaar) of "
           "<i>gesignaleerd</i> (een signaal: goed om te weten); <i>onbekend</i>: het logboek kan het niet beslissen, "
           "of een "
           "termijn loopt nog op de peildatum.</li>\n<li><b>afwijkend</b>: het aantal dossiers met een afwijking, "
           "welke "
           "ernst ook; <b>%</b>: afwijkend / (voldaan + afwijkend), onbekend telt niet mee; <b>95%-interval</b>: "
           "Wilson.</li>\n<li><b>Tekens</b> (zoals het CBS ze schrijft; de sleutel onder elke tabel noemt die "
           "erin staan): <b>.</b> = cijfer onbekend of niet te berekenen (niets beoordeeld, of de schatting komt niet "
           "zo ver); <b>–</b> = nihil (op geen enkel dossier van toepassing); <b>*</b> bij een doorlooptijd = kleine "
           "groep, minder dan "
        << kLeadGroupWarning << " gestarte dossiers"
        << (d.publication ? "; <b>x</b> = geheim: een aantal van 1 tot en met " + std::to_string(d.threshold - 1) +
                                ", of een getal dat zo'n aantal zou verraden; andere aantallen zijn afgerond op een "
                                "veelvoud van " +
                                std::to_string(d.base)
                          : std::string())
        << ".</li>\n</ul>\n";
}

void HtmlReport::inputs() {
    // What was checked.
    h2("gecontroleerd");
    out << "<table>\n<thead><tr><th>bestand</th><th>formaat</th><th>SHA-256</th>"
           "<th>rijen</th><th>gebruikt</th><th>afgekeurd</th></tr></thead>\n";
    for (const InputFile& in : log.inputs)
        out << "<tr><td>" << html_escape(in.path) << "</td><td>" << html_escape(in.format) << "</td><td class=\"hash\">"
            << in.sha256 << "</td><td class=\"n\">" << ht(in.rows) << "</td><td class=\"n\">" << ht(in.used)
            << "</td><td class=\"n\">" << ht(in.rejected) << "</td></tr>\n";
    out << "</table>\n";
    caption(false, "De ingelezen bestanden");
    key();
    out << "<p class=\"small muted\">Instellingen: " << html_escape(join_words(settings_in_words(run))) << "</p>\n";
    if (run.case_ids.empty()) {
        out << "<p><b>Deze controle bevat geen dossiers.</b> Er zijn dus geen cijfers en geen bevindingen; controleer "
               "of "
               "de juiste bestanden zijn ingelezen ('wmotoets importeer') en voer de controle opnieuw uit.</p>\n";
    }
}

// Figures per rule: table and chart.
void HtmlReport::figures_per_rule() {
    h2("cijfers");
    table();
    chart();
}

// Both periods side by side (issue 28): per rule the two rates, the difference in percentage points
// with Newcombe's interval, a sentence where that interval leaves out 0; the lead-time medians.
void HtmlReport::compared() {
    const Comparison& c = *comparison;
    h2("vergelijking");
    const std::string now = html_escape(c.current.label()), before = html_escape(c.previous.label());
    out << "<p>De dossiers met een melding of herbeoordeling in " << html_escape(c.current.words()) << " naast die van "
        << html_escape(c.previous.words()) << ", op dezelfde manier en op dezelfde peildatum getoetst. Het verschil "
        << "is in procentpunten (nu min eerder; negatief = minder afwijkend), met het 95%-interval volgens Newcombe. "
        << "Alleen waar dat interval 0 niet bevat, staat er een conclusie.</p>\n";
    const std::vector<ComparedRule> rows = compare_rules(run, c, d);
    out << "<div class=\"wide\"><table>\n<thead><tr><th>regel</th><th>titel</th><th>beoordeeld " << before
        << "</th><th>% afwijkend " << before << "</th><th>beoordeeld " << now << "</th><th>% afwijkend " << now
        << "</th><th>verschil (procentpunt)</th><th>95%-interval</th></tr></thead>\n";
    for (const ComparedRule& row : rows) {
        const RunRecord::Figure& f = *row.now;
        out << "<tr><td><a href=\"#regel-" << html_escape(f.rule) << "\">" << html_escape(f.rule) << "</a></td><td>"
            << html_escape(f.title) << "</td><td class=\"n\">"
            << (!row.before         ? mark(Symbol::unknown)
                : row.judged_before ? ht(row.before->violations + row.before->compliant)
                                    : mark(Symbol::secret))
            << "</td><td class=\"n\">"
            << (row.rate_before ? d.percent(row.rate_before->rate) : rate_missing(row.before))
            << "</td><td class=\"n\">" << (row.judged_now ? ht(f.violations + f.compliant) : mark(Symbol::secret))
            << "</td><td class=\"n\">" << (row.rate_now ? d.percent(row.rate_now->rate) : rate_missing(row.now))
            << "</td><td class=\"n\">"
            << (row.difference ? points_text(row.difference->diff, d) : difference_missing(row))
            << "</td><td class=\"n\">"
            << (row.difference ? points_text(row.difference->lo, d) + " tot " + points_text(row.difference->hi, d)
                               : difference_missing(row))
            << "</td></tr>\n";
    }
    out << "</table></div>\n";
    caption(false, "Percentage afwijkend per regel in " + html_escape(c.previous.words()) + " en " +
                       html_escape(c.current.words()) + ", met het verschil");
    key();
    std::vector<std::string> sentences;
    for (const ComparedRule& row : rows)
        if (!row.sentence.empty()) sentences.push_back(row.sentence);
    if (sentences.empty()) {
        out << "<p>Bij geen enkele regel is het verschil tussen de twee perioden groot genoeg om meer te zijn dan "
               "toeval (elk 95%-interval bevat 0).</p>\n";
    } else {
        out << "<ul>\n";
        for (const std::string& sentence : sentences) out << "<li>" << html_escape(sentence) << "</li>\n";
        out << "</ul>\n";
    }
    out << "<div class=\"wide\"><table>\n<thead><tr><th>fase</th><th>mediaan " << before << " (dagen)</th><th>mediaan "
        << now << " (dagen)</th></tr></thead>\n";
    for (const RunRecord::LeadTime& l : run.lead_times) {
        const auto other = std::find_if(c.previous_run.lead_times.begin(), c.previous_run.lead_times.end(),
                                        [&](const RunRecord::LeadTime& p) { return p.phase == l.phase; });
        const bool had = other != c.previous_run.lead_times.end();
        if (l.started == 0 && (!had || other->started == 0)) continue;
        out << "<tr><td>" << html_escape(lead_phase_words(l.phase)) << "</td><td class=\"n\">"
            << (had ? median_text(*other) : mark(Symbol::unknown)) << "</td><td class=\"n\">" << median_text(l)
            << "</td></tr>\n";
    }
    out << "</table></div>\n";
    caption(false, "Doorlooptijden per fase: de mediaan in beide perioden (Aalen–Johansen, tot de peildatum)");
    key();
}

void HtmlReport::table() {
    out << "<p>Afwijkend: overtreden (bij een overtreding), niet voldaan (bij een "
           "aandachtspunt) of gesignaleerd (bij een signaal). Percentage = afwijkend / (voldaan + afwijkend), met het "
           "95%-betrouwbaarheidsinterval (Wilson). Dossiers waarin de regel <i>onbekend</i> uitkomt (een termijn die "
           "nog "
           "loopt, een ontbrekend gegeven) tellen in geen van beide mee en staan "
           "ernaast.</p>\n<table>\n<thead><tr><th>regel</th>"
           "<th>titel</th><th>ernst</th><th>grondslag</th><th>van toep.</th><th>voldaan</th><th>afwijkend</th>"
           "<th>onbekend</th><th>% afwijkend</th><th>95%-interval</th></tr></thead>\n";
    for (const RunRecord::Figure& f : run.figures) {
        const RuleText t = rule_text(run, f.rule);
        const auto r = rate_of(f);
        out << "<tr><td><a href=\"#regel-" << html_escape(f.rule) << "\">" << html_escape(f.rule) << "</a></td><td>"
            << html_escape(f.title) << "</td><td>" << severity_name(f.severity) << "</td><td class=\"small\">"
            << html_escape(t.basis) << "</td><td class=\"n\">"
            << (sums_shown(f) ? ht(f.applicable) : mark(Symbol::secret)) << "</td><td class=\"n\">" << ht(f.compliant)
            << "</td><td class=\"n\">" << ht(f.violations) << "</td><td class=\"n\">" << ht(f.unknown)
            << "</td><td class=\"n\">" << (r ? d.percent(r->rate) : rate_missing(&f)) << "</td><td class=\"n\">"
            << (r && r->lo && r->hi ? interval_text(f, *r) : rate_missing(&f)) << "</td></tr>\n";
    }
    out << "</table>\n";
    caption(false, "Cijfers per regel");
    key();
    // Where onbekend is at least a tenth of the applicable dossiers, what the rate assumes (issue 28): the
    // honest denominator leaves them out; the worst case counts them all as deviations.
    std::string worst;
    for (const RunRecord::Figure& f : run.figures) {
        const auto w = d.worst_case({f.applicable, f.compliant, f.violations, f.unknown}, rate_of(f).has_value());
        if (!w) continue;
        worst += "<li>" + html_escape(f.rule) + ": " + d.percent(rate_of(f)->rate) + " % zonder de " +
                 words_count(f.unknown) + " onbekende dossiers; als alle onbekende afwijken: " + d.percent(w->rate) +
                 " %, " + d.percent(w->lo) + "–" + d.percent(w->hi) + " %</li>\n";
    }
    if (!worst.empty())
        out << "<p>Bij deze regels is een tiende of meer van de dossiers <i>onbekend</i>. Het percentage laat hen "
               "weg; wat het zou zijn als zij allemaal afwijken:</p>\n<ul>\n"
            << worst << "</ul>\n";
}

void HtmlReport::chart() {
    // The chart: per rule a bar for the rate, a whisker for the interval, the unknown count beside.
    const std::size_t rows = run.figures.size();
    const int row_h = 18, left = 70, width = 420, top = 20;
    // The labels on the right, measured (11 px type: at most 6.5 px a character) so that the figure is
    // wide enough for the longest; never cut off (issue 28).
    std::vector<std::string> labels;
    std::size_t longest = 0;
    for (const RunRecord::Figure& f : run.figures) {
        labels.push_back(ht(f.violations) + "/" +
                         (sums_shown(f) ? ht(f.compliant + f.violations) : mark(Symbol::secret)) +
                         (f.unknown ? ", " + ht(f.unknown) + " onbekend" : std::string()));
        longest = std::max(longest, utf8_length(labels.back()));
    }
    const int total_w = std::max(640, left + width + 10 + int(std::ceil(double(longest) * 6.5)) + 4);
    out << "<svg role=\"img\" aria-label=\"Percentage afwijkend per regel met 95%-interval\" width=\"" << total_w
        << "\" height=\"" << top + int(rows) * row_h + 10 << "\" viewBox=\"0 0 " << total_w << " "
        << top + int(rows) * row_h + 10 << "\">\n";
    for (int p = 0; p <= 100; p += 25) {
        const int x = left + width * p / 100;
        out << "<line x1=\"" << x << "\" y1=\"" << top - 4 << "\" x2=\"" << x << "\" y2=\"" << top + int(rows) * row_h
            << "\" stroke=\"#ddd\"/><text x=\"" << x << "\" y=\"" << top - 8 << "\" text-anchor=\"middle\">" << p
            << " %</text>\n";
    }
    for (std::size_t i = 0; i < rows; ++i) {
        const RunRecord::Figure& f = run.figures[i];
        const int y = top + int(i) * row_h;
        out << "<text x=\"0\" y=\"" << y + 12 << "\">" << html_escape(f.rule) << "</text>\n";
        if (const auto r = rate_of(f)) {  // drawn at the shown value, never a finer one
            const double w = r->rate * width;
            out << "<rect x=\"" << left << "\" y=\"" << y + 3 << "\" width=\"" << fmt::format("{:.1f}", w)
                << "\" height=\"12\" fill=\"" << severity_colour(f.severity) << "\"/>\n";
            if (r->lo && r->hi)
                out << "<line x1=\"" << fmt::format("{:.1f}", left + *r->lo * width) << "\" y1=\"" << y + 9
                    << "\" x2=\"" << fmt::format("{:.1f}", left + *r->hi * width) << "\" y2=\"" << y + 9
                    << "\" stroke=\"#111\" stroke-width=\"1.5\"/>\n";
        } else {
            // Kept back in a publication, or nothing judged.
            const bool secret = d.missing_rate(f.violations, f.compliant) == Symbol::secret;
            out << "<text x=\"" << left + 4 << "\" y=\"" << y + 12 << "\" class=\"muted\">"
                << (secret ? "niet gepubliceerd (x)" : "niet beoordeeld") << "</text>\n";
        }
        out << "<text x=\"" << left + width + 10 << "\" y=\"" << y + 12 << "\">" << labels[i] << "</text>\n";
    }
    out << "</svg>\n";
    // The legend: colours that differ in lightness too (greyscale, colour blindness), and words.
    out << "<p class=\"legend small\">";
    for (Severity s : kSeverities)
        out << "<span class=\"swatch\" style=\"background:" << severity_colour(s) << "\"></span>" << severity_name(s)
            << " ";
    out << "— balk: % afwijkend, lijn: 95%-interval; rechts: afwijkend/beoordeeld.</p>\n";
    caption(true, "Percentage afwijkend per regel, met het 95%-interval");
    key();
}

void HtmlReport::grouped(const char* id, const char* intro, const std::function<std::string(const Dossier&)>& key_of) {
    const auto groups = counts_by(log, run, key_of, "(onbekend)");
    h2(id);
    out << "<p>" << intro << "</p>\n";
    if (groups.empty()) {
        out << "<p class=\"muted\">Geen dossiers.</p>\n";
        return;
    }
    if (!d.breakdown_shown(groups.size())) {
        out << "<p class=\"muted\">Niet getoond in de publicatieversie: bij één of twee groepen is de ene groep uit "
               "het "
               "totaal af te leiden.</p>\n";
        return;
    }
    // Read together with the other breakdown (quarters beside teams): both add up to the same totals.
    const bool teams = std::string_view(id) == "teams";
    // Only a publication hides rows, so only a publication needs the other breakdown counted.
    const auto other = d.publication ? counts_by(
                                           log, run,
                                           [&](const Dossier& c) {
        return teams ? dossier_quarter(log, c, run.period()) : dossier_team(log, c);
                                           },
                                           "(onbekend)")
        : std::map<std::string, std::vector<RuleCounts>>{};
    const std::vector<bool> shown = breakdown_rows_shown(run, groups, d, &other);
    // A quarter the data covers only in part (before the first event, after the peildatum, outside the
    // period) is marked (issue 28).
    const std::optional<Period> covered = data_coverage(log, run);
    bool any_partial = false;
    out << "<div class=\"wide\"><table>\n<thead><tr><th>regel</th>";
    for (const auto& [key, counts] : groups) {
        const bool partial = std::string_view(id) == "kwartalen" && quarter_partial(key, covered);
        any_partial |= partial;
        out << "<th>" << html_escape(key) << (partial ? " (deels)" : "") << "</th>";
    }
    out << "</tr></thead>\n";
    std::string left_out;
    for (std::size_t r = 0; r < run.rules.size(); ++r) {
        if (!shown[r]) {
            left_out += (left_out.empty() ? "" : ", ") + run.rules[r];
            continue;
        }
        out << "<tr><td>" << html_escape(run.rules[r]) << "</td>";
        for (const auto& [key, counts] : groups) out << "<td class=\"n\">" << cell(counts[r], d, sym) << "</td>";
        out << "</tr>\n";
    }
    out << "</table></div>\n";
    caption(false, title_of(id) + ": afwijkend / beoordeeld (percentage)");
    if (any_partial)
        out << "<p class=\"small muted\">(deels) = de gegevens beslaan dit kwartaal niet helemaal: ze lopen van "
            << covered->van.dutch_long() << " tot en met " << covered->tot.dutch_long() << ".</p>\n";
    if (std::string_view(id) == "kwartalen") trend(groups, shown);
    if (!left_out.empty())
        out << "<p class=\"small muted\">Niet uitgesplitst, omdat een geheim aantal anders uit de andere cijfers "
               "na "
               "te rekenen zou zijn: "
            << html_escape(left_out) << ".</p>\n";
    key();
}

void HtmlReport::quarters() {
    grouped("kwartalen",
            "Per kwartaal van de melding (of herbeoordeling) waarmee de cyclus begon, dezelfde datum als bij de "
            "doorlooptijden en de periode: afwijkend / beoordeeld (percentage), en het aantal dossiers met uitkomst "
            "onbekend.",
            [&](const Dossier& c) { return dossier_quarter(log, c, run.period()); });
}

void HtmlReport::teams() {
    grouped("teams", "Per team (het team dat de meeste gebeurtenissen van het dossier vastlegde).",
            [&](const Dossier& c) { return dossier_team(log, c); });
}

std::string HtmlReport::lead_row(const std::string& name, const LeadEstimate& e) const {
    const LeadShown shown = lead_shown(d, e);
    // Not shown: "x" for what a publication keeps back (a small group's quantiles, a share beside a
    // secret count), "." for what cannot be estimated yet.
    const std::string secret = shown.quantiles ? std::string() : mark(Symbol::secret);
    auto q = [&](std::optional<int> v, NoQuantile why) {
        if (!shown.quantiles) return secret;
        return v ? std::to_string(*v) : why == NoQuantile::nooit ? std::string("nooit") : mark(Symbol::unknown);
    };
    // Ten-thousandths; in a publication whole percents, and none beside a kept-back count (publication.cpp).
    auto share = [&](int v, std::size_t count) {
        if (!lead_share_shown(d, count)) return mark(Symbol::secret);
        return d.publication ? fmt::format("{}", (v + 50) / 100) : fmt::format("{},{}", v / 100, v % 100 / 10);
    };
    // An interval whose upper end the curve does not reach reads "vanaf 31".
    std::string ci;
    if (!shown.quantiles) ci = secret;
    else if (e.mediaan_lo && e.mediaan_hi) ci = fmt::format("{}–{}", *e.mediaan_lo, *e.mediaan_hi);
    else if (e.mediaan_lo) ci = fmt::format("vanaf {}", *e.mediaan_lo);
    else if (e.mediaan_hi) ci = fmt::format("tot {}", *e.mediaan_hi);
    else ci = mark(Symbol::unknown);
    const std::string shares = !shown.quantiles ? secret
                               : e.started > 0
                                   ? share(e.share_completed, e.completed) + " / " +
                                         share(e.share_ended, e.competing()) + " / " + share(e.share_open, e.running)
                                   : mark(Symbol::unknown);
    const bool few = e.started < kLeadGroupWarning;
    if (few) sym.note(Symbol::small);
    // In a publication the competing ends are one count (publication.cpp, lead_shown), without a column of
    // their own.
    const std::string ended = d.publication ? ht(e.competing()) : ht(e.ended);
    const std::string other =
        d.publication ? std::string() : "</td><td class=\"n\">" + ht(e.zonder_aanvraag + e.zonder_gesprek);
    // A row kept back for another table's sake (groups.hpp, withhold_linked_lead_times): no count at all.
    const bool kept = d.publication && e.withheld;
    const auto count = [&](std::size_t n) { return kept ? mark(Symbol::secret) : ht(n); };
    return "<tr><td>" + html_escape(name) + (few ? " *" : "") + "</td><td class=\"n\">" +
           (shown.started ? ht(e.started) : mark(Symbol::secret)) + "</td><td class=\"n\">" + count(e.completed) +
           "</td><td class=\"n\">" + count(e.running) + "</td><td class=\"n\">" +
           (kept ? mark(Symbol::secret) : ended) + other + "</td><td class=\"n\">" + q(e.mediaan, e.why_not[0]) +
           "</td><td class=\"n\">" + ci + "</td><td class=\"n\">" + q(e.p75, e.why_not[1]) + "</td><td class=\"n\">" +
           q(e.p90, e.why_not[2]) + "</td><td class=\"n\" style=\"white-space:nowrap\">" + shares + "</td></tr>\n";
}

void HtmlReport::lead_table(const LeadPhaseView& v) {
    const std::string_view other = v.phase == Phase::melding_besluit   ? "zonder aanvraag"
                                   : v.phase == Phase::melding_gesprek ? "zonder gesprek"
                                                                       : "anders geëindigd";
    out << "<table>\n<thead><tr><th></th><th>gestart</th><th>afgerond</th><th>lopend</th><th>beëindigd</th><th>"
        << (d.publication ? std::string() : std::string(other) + "</th><th>")
        << "mediaan</th><th>95 %-interval mediaan</th><th>p75</th><th>p90</th><th>% afgerond / beëindigd / "
           "open</th></tr></thead>\n"
        << lead_row("Totaal", v.total);
    std::string left_out;
    for (const auto& [what, groups] : {std::pair{"kwartaal", &v.quarters}, std::pair{"team", &v.teams}}) {
        if (!lead_breakdown_shown(d, v.total, *groups)) {
            left_out += left_out.empty() ? what : std::string(" en per ") + what;
            continue;
        }
        out << "<tr><th colspan=\"" << (d.publication ? 10 : 11) << "\">per " << what
            << (std::string_view(what) == "kwartaal" ? " van de melding" : "") << "</th></tr>\n";
        for (const LeadGroup& g : *groups) out << lead_row(g.name, g.estimate);
    }
    out << "</table>\n";
    caption(false, std::string(phase_info(v.phase).words) + ": doorlooptijd in dagen");
    if (d.publication && v.total.withheld)
        out << "<p class=\"small muted\">De aantallen van deze fase zijn weggelaten: ze zijn dezelfde als "
               "aantallen in de tabel met cijfers per regel, en samen zouden ze een geheim aantal verraden.</p>\n";
    else if (!left_out.empty())
        out << "<p class=\"small muted\">Niet uitgesplitst per " << left_out
            << ": in de publicatieversie zou een geheim aantal anders na te rekenen zijn.</p>\n";
    key();
}

void HtmlReport::lead_chart(const LeadPhaseView& v, std::optional<int> term) {
    const LeadEstimate& e = v.total;
    if (e.steps.empty()) return;
    if (d.publication) {
        out << "<p class=\"small muted\">Geen curve in de publicatieversie: haar sprongen verraden kleine "
               "aantallen.</p>\n";
        return;
    }
    // F(t), the share afgerond after t days, as a step line; F + G (afgerond or ended otherwise) stacked
    // above it; the term marked. Ticks every week, fortnight, four weeks …, at most six of them.
    const bool norm = phase_info(v.phase).local_norm;
    const int width = 560, height = 150, left = 44, top = 10;
    // The axis runs to where 95 % of what ends has ended (issue 28: not to the one dossier of a year), with
    // the term's mark inside when it is near; the rest of the curve is pressed against the right edge.
    int p95 = e.longest;
    if (const double final_fg = e.steps.back().fg; final_fg > 0)
        for (const LeadStep& s : e.steps)
            if (s.fg >= 0.95 * final_fg) {
                p95 = s.t;
                break;
            }
    const int term_days = term.value_or(0);
    const bool marked = term_days > 0 && term_days <= 2 * std::max(p95, 1);  // else far beyond the data
    const int longest = std::max({p95, marked ? term_days : 0, 1});
    int step = 7;
    for (const int s : {7, 14, 28, 56, 91, 182, 364})
        if ((step = s) * 6 >= longest) break;
    const int ticks = (longest + step - 1) / step, xmax = ticks * step;
    auto x = [&](double days) { return left + std::min(days, double(xmax)) / xmax * width; };
    auto y = [&](double done) { return top + (1.0 - done) * height; };
    out << "<svg role=\"img\" aria-label=\"Deel afgerond naar aantal dagen: " << html_escape(phase_info(v.phase).words)
        << "\" width=\"" << left + width + 20 << "\" height=\"" << top + height + 50 << "\" viewBox=\"0 0 "
        << left + width + 20 << " " << top + height + 50 << "\">\n";
    for (const int pct : {0, 25, 50, 75, 100})
        out << "<line x1=\"" << left << "\" y1=\"" << fmt::format("{:.1f}", y(pct / 100.0)) << "\" x2=\""
            << left + width << "\" y2=\"" << fmt::format("{:.1f}", y(pct / 100.0)) << "\" stroke=\"#ddd\"/><text x=\""
            << left - 6 << "\" y=\"" << fmt::format("{:.1f}", y(pct / 100.0) + 4) << "\" text-anchor=\"end\">" << pct
            << " %</text>\n";
    for (int i = 0; i <= ticks; ++i) {
        const int days = step * i;
        out << "<text x=\"" << fmt::format("{:.1f}", x(days)) << "\" y=\"" << top + height + 14
            << "\" text-anchor=\"middle\">" << days << "</text>\n";
    }
    out << "<text x=\"" << left + width / 2 << "\" y=\"" << top + height + 30
        << "\" text-anchor=\"middle\">dagen na de start"
        << (e.longest > xmax ? " (de langste duurde " + std::to_string(e.longest) + " dagen)" : std::string())
        << "</text>\n";
    if (marked)
        out << "<line x1=\"" << fmt::format("{:.1f}", x(term_days)) << "\" y1=\"" << top << "\" x2=\""
            << fmt::format("{:.1f}", x(term_days)) << "\" y2=\"" << top + height
            << "\" stroke=\"#a00\" stroke-dasharray=\"4 3\"/><text x=\"" << fmt::format("{:.1f}", x(term_days) + 4)
            << "\" y=\"" << top + 12 << "\" fill=\"#a00\">" << (norm ? "lokale norm " : "termijn ") << term_days
            << " dagen</text>\n";
    std::string f_path = fmt::format("M{:.1f},{:.1f}", x(0), y(0)), fg_path = f_path;
    for (const LeadStep& s : e.steps) {
        f_path += fmt::format(" H{:.1f} V{:.1f}", x(s.t), y(s.f));
        fg_path += fmt::format(" H{:.1f} V{:.1f}", x(s.t), y(s.fg));
    }
    f_path += fmt::format(" H{:.1f}", x(e.longest));
    fg_path += fmt::format(" H{:.1f}", x(e.longest));
    const bool competing = e.competing() > 0;
    if (competing)
        out << "<path d=\"" << fg_path << "\" fill=\"none\" stroke=\"#8faadc\" stroke-width=\"1.5\" "
            << "stroke-dasharray=\"5 2\"/>\n";
    out << "<path d=\"" << f_path << "\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\"/>\n";
    // The legend under the axis.
    const int ly = top + height + 44;
    out << "<line x1=\"" << left << "\" y1=\"" << ly - 4 << "\" x2=\"" << left + 24 << "\" y2=\"" << ly - 4
        << "\" stroke=\"#1f4e79\" stroke-width=\"2\"/><text x=\"" << left + 30 << "\" y=\"" << ly
        << "\">aandeel afgerond</text>\n";
    if (competing)
        out << "<line x1=\"" << left + 170 << "\" y1=\"" << ly - 4 << "\" x2=\"" << left + 194 << "\" y2=\"" << ly - 4
            << "\" stroke=\"#8faadc\" stroke-width=\"1.5\" stroke-dasharray=\"5 2\"/><text x=\"" << left + 200
            << "\" y=\"" << ly << "\">afgerond of beëindigd</text>\n";
    out << "</svg>\n";
    caption(true, std::string(phase_info(v.phase).words) + ": aandeel afgerond naar aantal dagen (Aalen–Johansen)" +
                      (competing ? ", daarboven afgerond of anders beëindigd" : "") +
                      (marked ? (norm ? ", de lokale norm gestippeld" : ", de wettelijke termijn gestippeld")
                       : term ? (norm ? " (de lokale norm ligt ver voorbij de gegevens)"
                                      : " (de wettelijke termijn ligt ver voorbij de gegevens)")
                              : ""));
}

void HtmlReport::lead_times() {
    h2("doorlooptijden");
    out << "<p>Hoe lang duurt het? Per fase het aantal dagen waarbinnen de helft (mediaan), drie kwart (p75) en "
           "negen op de tien (p90) van de dossiers zover waren, met het 95 %-interval van de mediaan. Dossiers die "
           "op de peildatum nog liepen tellen mee zolang ze liepen, en wie afhaakte (ingetrokken of gesloten: "
           "beëindigd; of zonder aanvraag 42 dagen na het verslag, of met een verslag zonder gesprek) telt als een "
           "ander einde, niet als afgerond en niet als weggelaten (Aalen–Johansen): zo worden de traagste dossiers "
           "niet weggelaten en worden wachttijden niet korter voorgesteld dan ze zijn. Een punt (.): nog niet te "
           "schatten, "
           "omdat te veel dossiers nog lopen"
        << (d.publication ? "; x: de groep is te klein om te publiceren" : "")
        << "; nooit = dat aandeel wordt niet meer gehaald, omdat te veel dossiers anders eindigden. * = minder dan "
        << kLeadGroupWarning
        << " gestarte dossiers: de schatting is onzeker. De schatting neemt aan dat de cycli van de dossiers los van "
           "elkaar staan en dat de doorlooptijden over de hele periode gelijk bleven; de tabel per kwartaal laat "
           "zien of dat zo is."
        << (d.publication ? " In de publicatieversie staan beëindigd, zonder aanvraag en zonder gesprek samen onder "
                            "beëindigd, en de percentages in hele procenten."
                          : "")
        << "</p>\n";
    for (const LeadPhaseView& v : *lead) {
        if (!lead_phase_reported(log, v.phase)) continue;
        const PhaseInfo& p = phase_info(v.phase);
        out << "<h3>" << html_escape(p.words) << "</h3>\n";
        if (v.total.started == 0) {
            out << "<p class=\"muted\">Geen dossiers in deze fase.</p>\n";
            continue;
        }
        if (!p.rule.empty()) {
            out << "<p class=\"small\">" << (p.local_norm ? "Lokale norm: " : "Wettelijke termijn: ")
                << html_escape(p.term) << ". ";
            for (const RunRecord::Figure& f : run.figures)
                if (f.rule == p.rule) {
                    const auto r = rate_of(f);
                    out << html_escape(f.rule) << ": " << words_count(f.violations) << " van "
                        << (sums_shown(f) ? words_count(f.compliant + f.violations) : "een niet gepubliceerd aantal")
                        << " beoordeelde dossiers " << outcome_words(Outcome::overtreden, f.severity)
                        << (r ? " (" + d.percent(r->rate) + " %)" : std::string()) << ".";
                }
            out << "</p>\n";
        }
        lead_table(v);
        lead_chart(v, lead_term_days(run, v.phase));
    }
}

// A dossier's findings as rows: rule, cycle, date, what is wrong, and the rows that prove it (with
// what each row is, in words).
void HtmlReport::finding_rows(std::string& buf, const std::vector<const RunRecord::Finding*>& findings,
                              const EventRows& rows, const std::vector<std::string>& input_names) const {
    for (const RunRecord::Finding* f : findings) {
        std::string sources;
        std::size_t last_input = std::size_t(-1);
        for (const auto& row : f->events) {
            sources += sources.empty() ? "" : "; ";
            if (row.first != last_input && row.first < log.inputs.size())
                sources += html_escape(input_names[row.first]);
            last_input = row.first;
            sources += ':';
            sources += std::to_string(row.second);
            if (const auto it = rows.find(row); it != rows.end()) {
                sources += ' ';
                sources += html_escape(log.label_words(*it->second.first, it->second.second));
            }
        }
        buf += "<tr><td>";
        buf += html_escape(f->rule);
        buf += "<td>";
        buf += std::to_string(f->cycle);
        buf += "<td>";
        const auto day = parse_iso_date(f->date);
        buf += day ? day->dutch_long() : html_escape(f->date);
        buf += "<td>";
        buf += html_escape(f->message);
        buf += "<td>";
        buf += sources;
        buf += '\n';
    }
}

// A dossier's timeline in a closed <details>, the rows a finding points at marked.
void HtmlReport::timeline(std::string& buf, const Dossier& dossier,
                          const std::vector<const RunRecord::Finding*>& findings) const {
    buf += "<tr><td colspan=5><details><summary>tijdlijn</summary><table class=\"tl\">";
    bool in_bezwaar = false;
    for (const std::uint32_t i : log.events_of(dossier)) {
        const Event& e = log.events[i];
        in_bezwaar = in_bezwaar_after(in_bezwaar, e.activity);
        bool marked = false;
        for (const RunRecord::Finding* f : findings)
            for (const auto& row : f->events) marked = marked || is_row(e, row);
        buf += std::string("<tr") + (marked ? " class=\"finding\"" : "") + "><td>" + e.date.iso() + "</td><td>" +
               html_escape(log.label_words(e, in_bezwaar)) + "</td><td>" + html_escape(log.str(log.who(e).actor)) +
               "</td><td class=\"small\">" + html_escape(log.inputs[e.file].path) + ":" + std::to_string(e.line) +
               "</td></tr>";
    }
    buf += "</table></details>\n";
}

// The dossiers with findings (every dossier with `all`): per dossier each finding once, with the
// events it points at; the timeline of the dossier's events in a closed <details> while the report
// stays small. One table, a tbody per dossier with its rules, severities and team as data, so that
// an inline script can search and filter offline (the page reads the same with scripts off).
void HtmlReport::dossiers() {
    const bool all = all_dossiers;
    h2("dossiers");
    std::map<std::string, std::vector<const RunRecord::Finding*>> by_case;
    for (const RunRecord::Finding& f : run.findings) by_case[f.case_id].push_back(&f);
    if (all)
        for (const std::string& id : run.case_ids) by_case.try_emplace(id);
    if (by_case.empty()) {
        out << "<p>Geen bevindingen.</p>\n";
        return;
    }
    std::map<std::string, std::string> severity;  // rule → o, a, s (overtreding, aandachtspunt, signaal)
    std::set<std::string> rules_seen, teams_seen;
    for (const RunRecord::Figure& f : run.figures) severity[f.rule] = severity_name(f.severity).substr(0, 1);
    const bool timelines = by_case.size() <= kTimelineDossiers;
    out << "<p>" << wmotoets::grouped(by_case.size()) << (by_case.size() == 1 ? " dossier" : " dossiers")
        << (all ? "" : " met een of meer bevindingen")
        << ", op dossiernummer. Per bevinding de regel, de cyclus, de datum, "
        << "wat er aan de hand is en de gebeurtenissen die het aantonen (bestand:regel)."
        << (timelines ? " Onder elk dossier de tijdlijn van zijn gebeurtenissen (openklappen)."
                      : " Bij zoveel dossiers staan de tijdlijnen niet in dit rapport: trek een steekproef (wmotoets "
                        "steekproef "
                        "trek) voor de auditbladen met de tijdlijn per dossier.")
        << "</p>\n";
    // The search box and filters: hidden until the script shows them.
    out << "<div id=\"zoeken\" class=\"zoeken\" hidden><label>Zoeken <input id=\"zoek\" type=\"search\" "
           "placeholder=\"dossiernummer of tekst\"></label> <label>Regel <select id=\"f-regel\"><option value=\"\">alle"
           "</option></select></label> <label>Ernst <select id=\"f-ernst\"><option value=\"\">alle</option><option "
           "value=\"o\">overtreding</option><option value=\"a\">aandachtspunt</option><option value=\"s\">signaal"
           "</option></select></label> <label>Team <select id=\"f-team\"><option "
           "value=\"\">alle</option></select></label> "
           "<span id=\"telling\" class=\"small muted\"></span></div>\n";
    // One block per dossier (its own small table, laid out only when it comes into view), so that a
    // browser opens a hundred thousand of them without stalling.
    out << "<p class=\"small muted\">Kolommen: regel · cyclus · datum · bevinding · gebeurtenissen "
           "(bestand:regel).</p>\n"
           "<div id=\"dossiertabel\">\n";
    // Each input by its file name (the whole path only when two share a name): a finding's rows
    // stay short when there are a hundred thousand of them.
    std::vector<std::string> input_names;
    for (const InputFile& in : log.inputs) input_names.push_back(std::filesystem::path(in.path).filename().string());
    for (std::size_t i = 0; i < input_names.size(); ++i)
        if (std::count(input_names.begin(), input_names.end(), input_names[i]) > 1) input_names[i] = log.inputs[i].path;
    // Each dossier's team, found once; the teams as numbers in the data (the list goes to the script once).
    std::map<std::string, std::string> team_of;
    for (const auto& [id, findings] : by_case)
        if (const auto at = log.dossier_position(id)) team_of[id] = dossier_team(log, log.dossiers[*at]);
    for (const auto& [id, team] : team_of)
        if (!team.empty()) teams_seen.insert(team);
    std::map<std::string, std::size_t> team_no;
    for (const std::string& t : teams_seen) team_no.emplace(t, team_no.size());
    std::string buf;
    for (const auto& [id, findings] : by_case) {
        const auto at = log.dossier_position(id);
        const std::string& team = team_of[id];
        std::set<std::string> rules;
        for (const RunRecord::Finding* f : findings) rules.insert(f->rule);
        std::string rule_list;
        for (const std::string& r : rules) rule_list += (rule_list.empty() ? "" : " ") + r;
        rules_seen.insert(rules.begin(), rules.end());
        // The dossier's events by (input, line): what each finding points at, in words.
        EventRows rows;
        if (at) {
            bool in_bezwaar = false;
            for (const std::uint32_t i : log.events_of(log.dossiers[*at])) {
                const Event& e = log.events[i];
                in_bezwaar = in_bezwaar_after(in_bezwaar, e.activity);
                rows[{e.file, e.line}] = {&e, in_bezwaar};
            }
        }
        buf.clear();
        // Compact markup (end tags of cells and rows left out, as HTML allows): the section must
        // stay openable at 100,000 dossiers.
        buf += "<div class=d id=\"dossier-" + html_escape(id) + "\" data-r=\"" + rule_list + "\" data-t=\"" +
               (team.empty() ? std::string() : std::to_string(team_no.at(team))) + "\"><p>" + html_escape(id) +
               (team.empty() ? "" : " · " + html_escape(team)) + "<table>\n";
        if (findings.empty()) buf += "<tr><td colspan=5 class=muted>geen bevindingen\n";
        finding_rows(buf, findings, rows, input_names);
        if (timelines && at) timeline(buf, log.dossiers[*at], findings);
        buf += "</table></div>\n";
        out << buf;
    }
    out << "</div>\n";
    // The filters' options, and the script (no network; without it every dossier stays visible).
    std::string sev_map = "{";
    for (const std::string& r : rules_seen)
        sev_map += (sev_map.size() > 1 ? ",\"" : "\"") + r + "\":\"" + severity[r] + "\"";
    sev_map += "}";
    out << "<script>\n(function(){var R=" << json_array(rules_seen) << ",T=" << json_array(teams_seen)
        << ",S=" << sev_map << ";\n"
        << kFilterScript << "})();\n</script>\n<script>\n"
        << kLandScript << "\n</script>\n";
}

void HtmlReport::explanations() {
    // What each rule means.
    h2("uitleg");
    for (const RuleText& t : rule_texts(run)) {
        out << "<h3 id=\"regel-" << html_escape(t.id) << "\">" << html_escape(t.id) << " " << html_escape(t.title)
            << "</h3>\n<p class=\"small muted\">" << severity_name(t.severity) << " — " << html_escape(t.basis)
            << "</p>\n";
        if (!t.what.empty()) out << "<p><b>Wat:</b> " << html_escape(t.what) << "</p>\n";
        if (!t.why.empty()) out << "<p><b>Waarom:</b> " << html_escape(t.why) << "</p>\n";
        if (!t.example.empty()) out << "<p><b>Voorbeeld:</b> " << html_escape(t.example) << "</p>\n";
    }
    out << "<p class=\"small muted\">Gemaakt met Wmo-toets. Dit rapport bevat geen tijdstip van aanmaak: dezelfde "
           "controle geeft hetzelfde rapport.</p>\n</body>\n</html>\n";
}

}  // namespace

namespace {

// The sections of rapport.html in their order (docs/CONTRIBUTING.md "A report section"): the table
// of contents and the numbered headings both come from here. A section is its row and its writer,
// which starts with h2(id).
// The colofon: who made the report with what, from which inputs, on which date and settings.
void HtmlReport::colophon() {
    h2("colofon");
    out << "<dl class=\"colofon\">\n<dt>Titel</dt><dd>" << html_escape(title()) << "</dd>\n";
    if (!frame.organisation.empty()) out << "<dt>Organisatie</dt><dd>" << html_escape(frame.organisation) << "</dd>\n";
    if (!frame.author.empty()) out << "<dt>Opgesteld door</dt><dd>" << html_escape(frame.author) << "</dd>\n";
    out << "<dt>Gemaakt met</dt><dd>Wmo-toets " WMOTOETS_VERSION " (wmotoets rapport"
        << (d.publication ? " --publicatie" : "") << ")</dd>\n<dt>Peildatum</dt><dd>" << peildatum_words()
        << "</dd>\n<dt>Periode</dt><dd>";
    if (const auto p = run.period())
        out << "de dossiers met een melding of herbeoordeling in " << html_escape(p->words()) << " ("
            << p->van.dutch_long() << " tot en met " << p->tot.dutch_long() << ")";
    else out << "alle dossiers tot de peildatum";
    out << "</dd>\n";
    if (comparison) out << "<dt>Vergeleken met</dt><dd>" << html_escape(comparison->previous.words()) << "</dd>\n";
    out << "<dt>Ingelezen bestanden</dt><dd>";
    for (const InputFile& in : log.inputs)
        out << html_escape(in.path) << " <span class=\"hash\">SHA-256 " << in.sha256 << "</span><br>";
    if (log.inputs.empty()) out << "geen";
    out << "</dd>\n<dt>Instellingen</dt><dd>" << html_escape(join_words(settings_in_words(run))) << "</dd>\n";
    if (d.publication) out << "<dt>Publicatie</dt><dd>" << d.rule() << "</dd>\n";
    out << "<dt>Rekenwijze</dt><dd>percentages met het 95%-interval van Wilson; verschillen tussen perioden met het "
           "interval van Newcombe; doorlooptijden met Aalen–Johansen (lopende dossiers tellen mee tot de "
           "peildatum)</dd>\n</dl>\n";
}

struct ReportSection {
    const char* id;
    const char* title;
    void (HtmlReport::*write)();
    bool (*shown)(const HtmlReport&) = nullptr;  // nullptr: always
    const char* title_all_dossiers = nullptr;    // its title with --alle-dossiers, if another
};

const std::vector<ReportSection>& report_sections() {
    static const std::vector<ReportSection> list{
        {"samenvatting", "Samenvatting", &HtmlReport::summary},
        {"leeswijzer", "Leeswijzer", &HtmlReport::reading_guide},
        {"gecontroleerd", "Wat is gecontroleerd", &HtmlReport::inputs},
        {"cijfers", "Cijfers per regel", &HtmlReport::figures_per_rule},
        {"vergelijking", "Vergelijking met de periode ervoor", &HtmlReport::compared,
         [](const HtmlReport& r) { return r.comparison != nullptr; }},
        {"kwartalen", "Verloop per kwartaal", &HtmlReport::quarters},
        {"teams", "Per team", &HtmlReport::teams},
        {"doorlooptijden", "Doorlooptijden", &HtmlReport::lead_times,
         [](const HtmlReport& r) { return r.lead != nullptr; }},
        {"dossiers", "Bevindingen per dossier", &HtmlReport::dossiers,
         [](const HtmlReport& r) { return r.dossier_list && !r.d.publication; }, "Alle dossiers"},
        {"uitleg", "Uitleg per regel", &HtmlReport::explanations},
        {"colofon", "Colofon", &HtmlReport::colophon},
    };
    return list;
}

}  // namespace

std::vector<std::string> report_section_ids() {
    std::vector<std::string> ids;
    for (const ReportSection& s : report_sections()) ids.emplace_back(s.id);
    return ids;
}

void write_report_html(std::ostream& out, const EventLog& log, const RunRecord& run, const Disclosure& d,
                       const ReportContents& o) {
    HtmlReport r{out, log, run, d, o.lead_times, o.all_dossiers, o.comparison, o.dossier_list, o.frame};
    std::vector<const ReportSection*> shown;
    for (const ReportSection& s : report_sections())
        if (!s.shown || s.shown(r)) {
            shown.push_back(&s);
            r.sections.emplace_back(s.id, o.all_dossiers && s.title_all_dossiers ? s.title_all_dossiers : s.title);
        }
    r.head();
    r.contents();
    for (const ReportSection* s : shown) (r.*(s->write))();
}

}  // namespace wmotoets
