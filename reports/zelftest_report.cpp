#include "reports/zelftest_report.hpp"

#include "reports/html.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "reports/audit_sheet.hpp"
#include "reports/writers.hpp"

namespace wmotoets {

namespace {

// The perspective as people write it ("Wmo-adviesraad" for the form's value wmo-adviesraad).
std::string perspective_words(const std::string& p) {
    if (p == "wmo-adviesraad") return "Wmo-adviesraad";
    if (p == "clientenorganisatie") return "cliëntenorganisatie";
    return p;
}

std::string who(const ZelftestAnswers& a) {
    std::string s = perspective_words(a.perspectief);
    if (!a.ingevuld_door.empty()) s += " (" + a.ingevuld_door + ")";
    return s;
}

// The answers of one set to a question as (part, answer): one part, or one per levensgebied.
std::vector<std::pair<std::string, std::string>> parts_of(const ZelftestQuestion& q, const ZelftestAnswer* a) {
    std::vector<std::pair<std::string, std::string>> out;
    if (q.levensgebieden.empty()) {
        out.emplace_back("", a ? a->answer : std::string());
        return out;
    }
    for (const auto& [id, name] : q.levensgebieden) {
        std::string answer;
        if (a) {
            const auto it = a->per_area.find(id);
            if (it != a->per_area.end()) answer = it->second;
        }
        out.emplace_back(name, answer);
    }
    return out;
}

}  // namespace

ZelftestDialogue zelftest_dialogue(const ZelftestQuestions& q, const std::vector<ZelftestAnswers>& sets,
                                   const std::map<std::string, CheckFigure>& figures, double threshold) {
    ZelftestDialogue d;
    d.with_case_data = !figures.empty();
    d.threshold = threshold;
    for (const ZelftestQuestion& question : q.questions) {
        std::vector<std::vector<std::pair<std::string, std::string>>> per_set;
        for (const ZelftestAnswers& s : sets) {
            const auto it = s.answers.find(question.id);
            per_set.push_back(parts_of(question, it == s.answers.end() ? nullptr : &it->second));
        }
        // Differing answers (ja, deels, nee), per part.
        for (std::size_t p = 0; !per_set.empty() && p < per_set[0].size(); ++p) {
            std::set<std::string> given;
            std::string list;
            for (std::size_t s = 0; s < sets.size(); ++s) {
                const std::string& a = per_set[s][p].second;
                if (a == "ja" || a == "deels" || a == "nee") {
                    given.insert(a);
                    list += (list.empty() ? "" : ", ") + who(sets[s]) + ": " + a;
                }
            }
            // Spec: "questions where perspectives differ (ja against nee or deels)".
            if (given.count("ja") && (given.count("nee") || given.count("deels"))) {
                const std::string part = per_set[0][p].first;
                d.points.push_back({question.id,
                                    "verschillende antwoorden" + (part.empty() ? "" : " (" + part + ")") + ": " + list,
                                    PointKind::differing});
            }
        }
        for (std::size_t s = 0; s < sets.size(); ++s) {
            const auto it = sets[s].answers.find(question.id);
            std::vector<std::string> missing, unknown;
            for (const auto& [part, a] : per_set[s]) {
                if (a.empty()) missing.push_back(part);
                else if (a == "weet_niet") unknown.push_back(part);
            }
            auto parts = [](const std::vector<std::string>& v) {
                std::string out;
                for (const auto& x : v)
                    if (!x.empty()) out += (out.empty() ? " (" : ", ") + x;
                return out.empty() ? out : out + ")";
            };
            if (!missing.empty())
                d.points.push_back(
                    {question.id, "niet beantwoord door " + who(sets[s]) + parts(missing), PointKind::unanswered});
            if (!unknown.empty())
                d.points.push_back(
                    {question.id, "'weet niet' van " + who(sets[s]) + parts(unknown), PointKind::unanswered});
            const bool answered = it != sets[s].answers.end() && missing.size() < per_set[s].size() &&
                                  unknown.size() + missing.size() < per_set[s].size();
            if (answered && it->second.bron.empty())
                d.points.push_back({question.id, "antwoord zonder bron van " + who(sets[s]), PointKind::no_source});
        }
        // The dossiers.
        if (d.with_case_data && !question.rules.empty()) {
            auto& shown = d.dossier_figures[question.id];
            for (const std::string& r : question.rules) {
                const auto f = figures.find(r);
                if (f == figures.end()) continue;
                shown.push_back(f->second);
                // A signaal is context: it never contradicts a 'ja' on its own (docs/spec/zelftest.md).
                if (f->second.severity == Severity::signaal) continue;
                if (!f->second.rate || *f->second.rate <= threshold) continue;
                for (std::size_t s = 0; s < sets.size(); ++s) {
                    const auto it = sets[s].answers.find(question.id);
                    if (it == sets[s].answers.end() || it->second.answer != "ja") continue;
                    d.points.push_back(
                        {question.id,
                         fmt::format("{} antwoordt 'ja', maar {} is in {} van de {} beoordeelde "
                                     "dossiers {} ({} %, drempel {} %)",
                                     who(sets[s]), r, f->second.violations, f->second.compliant + f->second.violations,
                                     outcome_words(Outcome::overtreden, f->second.severity),
                                     percent_nl(*f->second.rate), percent_nl(threshold)),
                         PointKind::evidence});
                }
            }
        }
    }
    // Ranked (issue 28): what the dossiers say against an answer first, sources last.
    std::stable_sort(d.points.begin(), d.points.end(),
                     [](const Gesprekspunt& a, const Gesprekspunt& b) { return a.kind < b.kind; });
    return d;
}

std::string_view point_kind_words(PointKind k) {
    switch (k) {
    case PointKind::evidence: return "De dossiers spreken een 'ja' tegen";
    case PointKind::differing: return "De partijen antwoorden verschillend";
    case PointKind::unanswered: return "Niet beantwoord of 'weet niet'";
    case PointKind::no_source: return "Antwoord zonder bron";
    }
    return "";
}

void write_zelftest_html(std::ostream& out, const ZelftestQuestions& q, const std::vector<ZelftestAnswers>& sets,
                         const ZelftestDialogue& d) {
    out << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Zelftest "
           "cliëntondersteuning "
           "— "
           "gespreksrapport</title>\n<style>body{font-family:system-ui,Arial,sans-serif;max-width:60em;margin:2em auto;"
           "padding:0 1em;line-height:1.4;color:#111}h2{color:#1f4e79;border-bottom:2px solid #1f4e79;margin-top:2em}"
           "table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #bbb;padding:.3em .4em;"
           "text-align:left;vertical-align:top}th{background:#e8eef5}.muted{color:#555}.p{background:#fff7e6}"
           "@media print{h2{break-after:avoid}tr{break-inside:avoid}}@media (max-width:40em){body{padding:0 .5em;"
           "margin:1em auto;overflow-wrap:break-word}table{display:block;overflow-x:auto;max-width:100%}}"
           "</style>\n</head>\n<body>\n";
    out << "<h1>Zelftest cliëntondersteuning — gespreksrapport</h1>\n<p class=\"muted\">De VNG-zelftest, ingevuld door "
        << counted(sets.size(), "partij", "partijen")
        << ", naast elkaar gezet als basis voor het gesprek.</p>\n<table>\n<tr><th>gemeente</th>"
           "<th>perspectief</th><th>ingevuld door</th><th>datum</th><th>bestand</th></tr>\n";
    for (const ZelftestAnswers& s : sets)
        out << "<tr><td>" << html_escape(s.gemeente) << "</td><td>" << html_escape(perspective_words(s.perspectief))
            << "</td><td>" << html_escape(s.ingevuld_door) << "</td><td>"
            << (parse_iso_date(s.datum) ? parse_iso_date(s.datum)->dutch_long() : html_escape(s.datum)) << "</td><td>"
            << html_escape(s.source) << "</td></tr>\n";
    out << "</table>\n";

    out << "<h2>Gesprekspunten</h2>\n";
    if (d.points.empty()) out << "<p>Geen gesprekspunten.</p>\n";
    else {
        // Grouped by kind, most telling first; each with the question's own text.
        std::map<std::string, std::string> text_of;
        for (const ZelftestQuestion& question : q.questions) text_of[question.id] = question.text;
        for (std::size_t i = 0; i < d.points.size();) {
            const PointKind kind = d.points[i].kind;
            std::size_t n = 0;
            while (i + n < d.points.size() && d.points[i + n].kind == kind) ++n;
            out << "<h3>" << point_kind_words(kind) << " (" << n << ")</h3>\n<table>\n<tr><th>vraag</th><th>waarom</th>"
                << "</tr>\n";
            for (; n > 0; --n, ++i) {
                const Gesprekspunt& p = d.points[i];
                out << "<tr><td><a href=\"#" << p.question << "\">" << p.question << "</a> "
                    << html_escape(text_of[p.question]) << "</td><td>" << html_escape(p.why) << "</td></tr>\n";
            }
            out << "</table>\n";
        }
    }

    out << "<h2>Samenvatting per thema</h2>\n<table>\n<tr><th>thema</th><th>perspectief</th><th>ja</th><th>deels</th>"
           "<th>nee</th><th>weet niet</th><th>niet beantwoord</th></tr>\n";
    for (const ZelftestTheme& t : q.themes)
        for (const ZelftestAnswers& s : sets) {
            std::map<std::string, std::size_t> n;
            for (const ZelftestQuestion& question : q.questions) {
                if (question.theme != t.id) continue;
                const auto it = s.answers.find(question.id);
                for (const auto& [part, a] : parts_of(question, it == s.answers.end() ? nullptr : &it->second))
                    ++n[a.empty() ? "-" : a];
            }
            out << "<tr><td>" << html_escape(t.name) << "</td><td>" << html_escape(who(s)) << "</td>";
            for (const char* k : {"ja", "deels", "nee", "weet_niet", "-"}) out << "<td>" << n[k] << "</td>";
            out << "</tr>\n";
        }
    out << "</table>\n";

    for (const ZelftestTheme& t : q.themes) {
        out << "<h2>" << html_escape(t.name) << "</h2>\n<p>" << html_escape(t.explanation)
            << "</p>\n<p class=\"muted\">";
        for (std::size_t i = 0; i < t.law.size(); ++i) out << (i ? "; " : "") << html_escape(t.law[i]);
        out << "</p>\n";
        for (const ZelftestQuestion& question : q.questions) {
            if (question.theme != t.id) continue;
            out << "<h3 id=\"" << question.id << "\">" << question.id << "</h3>\n<p>" << html_escape(question.text)
                << "</p>\n<table>\n<tr><th>perspectief</th><th>antwoord</th><th>toelichting</th><th>bron</th></tr>\n";
            for (const ZelftestAnswers& s : sets) {
                const auto it = s.answers.find(question.id);
                std::string answer;
                for (const auto& [part, a] : parts_of(question, it == s.answers.end() ? nullptr : &it->second))
                    answer += (answer.empty() ? "" : "; ") + (part.empty() ? "" : part + ": ") +
                              (a.empty() ? "—" : answer_words(a));
                out << "<tr><td>" << html_escape(who(s)) << "</td><td>" << html_escape(answer) << "</td><td>"
                    << (it == s.answers.end() ? "" : html_escape(it->second.toelichting)) << "</td><td>"
                    << (it == s.answers.end() ? "" : html_escape(it->second.bron)) << "</td></tr>\n";
            }
            out << "</table>\n";
            const auto f = d.dossier_figures.find(question.id);
            if (f != d.dossier_figures.end()) {
                out << "<p><b>Toets aan de dossiers:</b> " << kDeviationsKey
                    << ".</p>\n<table>\n<tr><th>regel</th>"
                       "<th>titel</th><th>van toep.</th><th>afwijkend</th><th>onbekend</th><th>% afwijkend</th></tr>\n";
                bool unknown = false;  // "." used, named in the key (issue 28)
                for (const CheckFigure& c : f->second) {
                    unknown |= !c.rate;
                    out << "<tr" << (c.rate && *c.rate > d.threshold ? " class=\"p\"" : "") << "><td>" << c.rule
                        << "</td><td>" << html_escape(c.title) << "</td><td class=\"n\">" << grouped(c.applicable)
                        << "</td><td class=\"n\">" << grouped(c.violations) << "</td><td class=\"n\">"
                        << grouped(c.unknown) << "</td><td class=\"n\">" << (c.rate ? percent_nl(*c.rate) : ".")
                        << "</td></tr>\n";
                }
                out << "</table>\n";
                if (unknown)
                    out << "<p class=\"small key\">Tekens: <b>.</b> = cijfer onbekend of niet te berekenen (niets "
                           "beoordeeld).</p>\n";
            }
        }
    }
    out << "</body>\n</html>\n";
}

}  // namespace wmotoets
