#include "reports/worklist.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <unordered_map>

#include "reports/groups.hpp"
#include "reports/html.hpp"
#include "util/text.hpp"
#include "workflow/rule.hpp"

namespace wmotoets {

std::string_view urgency_words(Urgency u) {
    switch (u) {
    case Urgency::verstreken: return "termijn verstreken";
    case Urgency::binnenkort: return "termijn loopt binnenkort af";
    case Urgency::onafhankelijkheid: return "onafhankelijkheid";
    case Urgency::stap: return "stap nog te doen";
    case Urgency::later: return "termijn loopt";
    }
    return "?";
}

namespace {

std::string item_key(const RunRecord::Open& o) {
    return o.case_id + '\n' + o.rule + '\n' + std::to_string(o.cycle) + '\n' + std::string(open_kind_name(o.kind));
}

std::string finding_key(const RunRecord::Finding& f) {
    return f.case_id + '\n' + f.rule + '\n' + std::to_string(f.cycle);
}

// "consulent K3, ondersteuner O2": the last person the dossier's events name in each role.
std::string staff_of(const EventLog& log, const Dossier& d) {
    const StrId consulent = log.strings.find("consulent"), ondersteuner = log.strings.find("ondersteuner");
    StrId c = 0, o = 0;
    for (const std::uint32_t i : log.events_of(d)) {
        const Event& e = log.events[i];
        const Who& w = log.who(e);
        if (w.actor == 0) continue;
        if (e.activity == Activity::ondersteuner_toegewezen || (w.role != 0 && w.role == ondersteuner)) o = w.actor;
        else if ((w.role != 0 && w.role == consulent) ||
                 (w.role == 0 && (e.activity == Activity::gesprek || e.activity == Activity::verslag)))
            c = w.actor;
    }
    std::string s;
    if (c != 0) s = "consulent " + std::string(log.str(c));
    if (o != 0) s += (s.empty() ? "" : ", ") + std::string("ondersteuner ") + std::string(log.str(o));
    return s;
}

Urgency urgency_of(const RunRecord::Open& o, const std::optional<Date>& deadline, Date peildatum, int dagen) {
    if (o.kind == OpenKind::onafhankelijkheid) return Urgency::onafhankelijkheid;
    if (!deadline) return Urgency::stap;
    if (*deadline < peildatum) return Urgency::verstreken;
    if (*deadline <= peildatum + dagen) return Urgency::binnenkort;
    return Urgency::later;
}

}  // namespace

Worklist build_worklist(const EventLog& log, const RunRecord& now, const RunRecord* before, int dagen,
                        const std::string& team) {
    Worklist w;
    w.peildatum = parse_iso_date(now.peildatum).value_or(log.latest_date());
    w.dagen = dagen;
    w.team = team;
    for (std::size_t i = 0; i < log.inputs.size(); ++i)
        w.source += (i ? ", " : "") + log.inputs[i].path + " (SHA-256 " + log.inputs[i].sha256.substr(0, 12) + "…)";
    if (log.inputs.empty()) w.source = "geen invoer";
    std::unordered_map<std::string, std::pair<std::string, std::string>> dossier_info;  // team, staff
    auto info = [&](const std::string& case_id) -> const std::pair<std::string, std::string>& {
        auto [it, added] = dossier_info.try_emplace(case_id);
        if (added)
            if (const auto at = log.dossier_position(case_id)) {
                const Dossier& d = log.dossiers[*at];
                it->second = {dossier_team(log, d), staff_of(log, d)};
            }
        return it->second;
    };
    std::set<std::string> earlier;
    if (before && before->open_known)
        for (const RunRecord::Open& o : before->open) earlier.insert(item_key(o));
    std::set<std::string> current, dossiers;
    for (const RunRecord::Open& o : now.open) {
        const auto& [dossier_team_name, staff] = info(o.case_id);
        if (!team.empty() && fold_label(dossier_team_name) != fold_label(team)) continue;
        WorkItem& item = w.items.emplace_back();
        item.open = o;
        item.deadline = o.deadline.empty() ? std::nullopt : parse_iso_date(o.deadline);
        item.urgency = urgency_of(o, item.deadline, w.peildatum, dagen);
        item.team = dossier_team_name;
        item.medewerker = staff;
        if (const Rule* r = find_rule(o.rule)) item.norm = std::string(r->info().question);
        const std::string key = item_key(o);
        current.insert(key);
        if (before && before->open_known) item.change = earlier.count(key) ? Change::nog_open : Change::nieuw;
        if (item.urgency == Urgency::verstreken) ++w.past;
        dossiers.insert(o.case_id);
    }
    w.dossiers = dossiers.size();
    std::stable_sort(w.items.begin(), w.items.end(), [](const WorkItem& a, const WorkItem& b) {
        // Dossiers without a team last.
        if (a.team.empty() != b.team.empty()) return b.team.empty();
        if (a.team != b.team) return a.team < b.team;
        if (a.urgency != b.urgency) return a.urgency < b.urgency;
        if (a.deadline != b.deadline) return a.deadline.value_or(Date{}) < b.deadline.value_or(Date{});
        if (a.open.case_id != b.open.case_id) return a.open.case_id < b.open.case_id;
        return a.open.rule < b.open.rule;
    });
    for (const WorkItem& i : w.items)
        if (w.teams.empty() || w.teams.back() != i.team) w.teams.push_back(i.team);
    if (before) {
        Worklist::Since s;
        s.peildatum = before->peildatum;
        s.open_known = before->open_known;
        for (const WorkItem& i : w.items) (i.change == Change::nieuw ? s.nieuw : s.nog_open) += 1;
        if (before->open_known)
            for (const RunRecord::Open& o : before->open) {
                if (current.count(item_key(o))) continue;
                if (!team.empty() && fold_label(info(o.case_id).first) != fold_label(team)) continue;
                ++s.opgelost;
                s.resolved.push_back(o);
            }
        // Findings by dossier, rule and cycle (a dossier's finding keeps its key while the dossier moves on).
        const auto in_team = [&](const std::string& case_id) {
            return team.empty() || fold_label(info(case_id).first) == fold_label(team);
        };
        std::set<std::string> found_before, found_now;
        for (const RunRecord::Finding& f : before->findings)
            if (in_team(f.case_id)) found_before.insert(finding_key(f));
        for (const RunRecord::Finding& f : now.findings) {
            if (!in_team(f.case_id)) continue;
            const std::string k = finding_key(f);
            if (!found_now.insert(k).second) continue;
            if (found_before.count(k)) ++s.findings_nog;
            else {
                ++s.findings_nieuw;
                s.new_findings.push_back(f);
            }
        }
        for (const std::string& k : found_before) s.findings_weg += found_now.count(k) ? 0 : 1;
        w.since = std::move(s);
    }
    return w;
}

namespace {

// The longest list of new findings or resolved items on the page (a first run against an old one can
// have thousands): the rest is counted, and in rapport.html.
constexpr std::size_t kListed = 200;

std::string deadline_words(const WorkItem& i, Date peildatum) {
    if (!i.deadline) return "vóór de volgende stap";
    const int n = i.open.werkdagen_over;
    if (*i.deadline < peildatum)
        return "verstreken op " + i.deadline->dutch_long() + " (" + std::to_string(-n) +
               (n == -1 ? " werkdag" : " werkdagen") + " geleden)";
    return "tot en met " + i.deadline->dutch_long() + " (nog " + std::to_string(n) +
           (n == 1 ? " werkdag" : " werkdagen") + ")";
}

std::string change_words(Change c) {
    switch (c) {
    case Change::nieuw: return "nieuw";
    case Change::nog_open: return "nog open";
    case Change::onbekend: return "";
    }
    return "";
}

// "74 verstreken termijnen", "1 stap nog te doen": a count of one urgency, for the summary.
std::string urgency_count(Urgency u, std::size_t n, int dagen) {
    switch (u) {
    case Urgency::verstreken: return counted(n, "verstreken termijn", "verstreken termijnen");
    case Urgency::binnenkort:
        return counted(n, "termijn die", "termijnen die") + " binnen " + std::to_string(dagen) +
               (dagen == 1 ? " dag" : " dagen") + (n == 1 ? " afloopt" : " aflopen");
    case Urgency::onafhankelijkheid:
        return counted(n, "risico voor de onafhankelijkheid", "risico's voor de onafhankelijkheid");
    case Urgency::stap: return counted(n, "stap", "stappen") + " nog te doen";
    case Urgency::later: return counted(n, "lopende termijn", "lopende termijnen");
    }
    return {};
}

std::string team_words(const std::string& team) { return team.empty() ? "Zonder team" : team; }

std::string since_sentence(const Worklist& w) {
    if (!w.since) return {};
    const Worklist::Since& s = *w.since;
    const auto day = parse_iso_date(s.peildatum);
    const std::string when = "sinds de controle met peildatum " + (day ? day->dutch_long() : s.peildatum);
    std::string t;
    if (s.open_known)
        t = grouped(s.nieuw) + " nieuw, " + grouped(s.nog_open) + " nog open, " + grouped(s.opgelost) + " opgelost " +
            when + ".";
    else
        t = "De controle met peildatum " + (day ? day->dutch_long() : s.peildatum) +
            " is gemaakt door een oudere versie, die de werkvoorraad niet bewaarde; alleen de bevindingen zijn "
            "vergeleken.";
    t += " Bevindingen: " + grouped(s.findings_nieuw) + " nieuw, " + grouped(s.findings_nog) + " al eerder gevonden, " +
         grouped(s.findings_weg) + " niet meer gevonden.";
    return t;
}

}  // namespace

void write_worklist_html(std::ostream& out, const Worklist& w) {
    const std::string peildatum = w.peildatum.dutch_long();
    out << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<title>Wmo-toets — werkvoorraad</title>\n<style>"
        << report_style() << "@page{@bottom-left{content:\"Wmo-toets — werkvoorraad, peildatum "
        << html_escape(peildatum)
        << "\";font-size:8pt;color:#444}}\n"
           "table.wv{width:100%;border-collapse:collapse}table.wv td,table.wv th{vertical-align:top;text-align:left}"
           "table.wv td.u{width:7em}tr.verstreken td{background:#fde8e8}tr.binnenkort td{background:#fff4e0}"
           "span.nieuw{font-weight:bold}.filter{margin:1em 0}"
           "@media (max-width:700px){table.wv,table.wv tbody,table.wv tr,table.wv td{display:block;width:auto}"
           "table.wv thead{display:none}table.wv tr{border-top:2px solid #ccc;padding:.3em 0}"
           "table.wv td{border:none;padding:.1em .2em;overflow-wrap:anywhere}"
           "table.wv td::before{content:attr(data-l) \": \";font-weight:bold}}\n"
           "</style>\n</head>\n<body>\n<h1>Werkvoorraad</h1>\n"
        << "<p class=\"muted\">Voor de wijkteamcoördinator: de open dossiers met wat er nog moet gebeuren vóór een "
           "termijn afloopt of de cliëntondersteuner zelf gaat beslissen, het dringendste eerst. Peildatum <b>"
        << html_escape(peildatum) << "</b>; &quot;binnenkort&quot; is binnen " << w.dagen
        << (w.dagen == 1 ? " dag" : " dagen") << (w.team.empty() ? "" : "; alleen team " + html_escape(w.team))
        << ". Niets hierin is een bevinding: het is wat nog te doen is.</p>\n";
    std::map<Urgency, std::size_t> per;
    for (const WorkItem& i : w.items) ++per[i.urgency];
    out << "<h2 id=\"kort\">In het kort</h2>\n<p>";
    if (w.items.empty()) {
        out << "Er staat niets open: geen lopende termijn, geen stap en geen risico voor de onafhankelijkheid.";
    } else {
        out << html_escape(counted(w.items.size(), "punt", "punten")) << " in "
            << html_escape(counted(w.dossiers, "dossier", "dossiers")) << ": ";
        bool first = true;
        for (const auto& [u, n] : per) {
            out << (first ? "" : ", ") << html_escape(urgency_count(u, n, w.dagen));
            first = false;
        }
        out << ".";
        if (w.past > 0)
            out << " <b>" << html_escape(counted(w.past, "termijn is", "termijnen zijn"))
                << " al verstreken zonder dat de stap is gezet; die staan bovenaan.</b>";
    }
    out << "</p>\n";
    if (w.since) out << "<p id=\"sinds\">" << html_escape(since_sentence(w)) << "</p>\n";
    if (w.teams.size() > 1) {
        out << "<p class=\"filter\"><label>Team: <select id=\"teamfilter\"><option value=\"\">alle teams</option>";
        for (const std::string& t : w.teams)
            out << "<option value=\"" << html_escape(t) << "\">" << html_escape(team_words(t)) << "</option>";
        out << "</select></label></p>\n";
    }
    std::size_t at = 0;
    while (at < w.items.size()) {
        const std::string& team = w.items[at].team;
        std::size_t end = at;
        while (end < w.items.size() && w.items[end].team == team) ++end;
        out << "<section class=\"team\" data-team=\"" << html_escape(team) << "\">\n<h2>"
            << html_escape(team_words(team)) << " <span class=\"muted\">("
            << html_escape(counted(end - at, "punt", "punten")) << ")</span></h2>\n"
            << "<table class=\"wv\"><thead><tr><th>Urgentie</th><th>Dossier</th><th>Medewerkers</th>"
               "<th>Nog te doen</th><th>Termijn</th><th>Norm</th><th>Wat het logboek laat zien</th>"
            << (w.since ? "<th>Sinds vorige keer</th>" : "") << "</tr></thead><tbody>\n";
        for (; at < end; ++at) {
            const WorkItem& i = w.items[at];
            const std::string dossier = html_escape(i.open.case_id);
            out << "<tr class=\""
                << (i.urgency == Urgency::verstreken   ? "verstreken"
                    : i.urgency == Urgency::binnenkort ? "binnenkort"
                                                       : "")
                << "\"><td class=\"u\" data-l=\"Urgentie\">" << html_escape(urgency_words(i.urgency))
                << "</td><td data-l=\"Dossier\">"
                << (w.rapport_dossiers.count(i.open.case_id)
                        ? "<a href=\"rapport.html#dossier-" + html_escape(html_fragment(i.open.case_id)) + "\">" +
                              dossier + "</a>"
                        : dossier)
                << "</td><td data-l=\"Medewerkers\">" << html_escape(i.medewerker.empty() ? "–" : i.medewerker)
                << "</td><td data-l=\"Nog te doen\">" << html_escape(i.open.todo) << "</td><td data-l=\"Termijn\">"
                << html_escape(deadline_words(i, w.peildatum)) << "</td><td data-l=\"Norm\">" << html_escape(i.norm)
                << " <span class=\"muted\">(" << html_escape(i.open.rule) << ")</span></td><td data-l=\"Toelichting\">"
                << html_escape(i.open.detail) << "</td>";
            if (w.since)
                out << "<td data-l=\"Sinds vorige keer\">"
                    << (i.change == Change::nieuw ? "<span class=\"nieuw\">nieuw</span>" : change_words(i.change))
                    << "</td>";
            out << "</tr>\n";
        }
        out << "</tbody></table>\n</section>\n";
    }
    if (w.since && !w.since->new_findings.empty()) {
        // What went wrong since: the findings the earlier run did not have, at most kListed of them.
        const auto& nf = w.since->new_findings;
        out << "<h2 id=\"nieuwe-bevindingen\">Nieuwe bevindingen sinds de vorige keer</h2>\n<ul>\n";
        for (std::size_t i = 0; i < nf.size() && i < kListed; ++i) {
            const RunRecord::Finding& f = nf[i];
            const Rule* r = find_rule(f.rule);
            const std::string dossier = html_escape(f.case_id);
            out << "<li>"
                << (w.rapport_dossiers.count(f.case_id)
                        ? "<a href=\"rapport.html#dossier-" + html_escape(html_fragment(f.case_id)) + "\">" + dossier +
                              "</a>"
                        : dossier)
                << ": " << html_escape(r ? std::string(r->info().title) : f.rule) << " <span class=\"muted\">("
                << html_escape(f.rule) << ")</span> — " << html_escape(f.message) << "</li>\n";
        }
        out << "</ul>\n";
        if (nf.size() > kListed)
            out << "<p class=\"small muted\">En nog " << grouped(nf.size() - kListed)
                << " nieuwe bevindingen; alle bevindingen staan in rapport.html en bevindingen.csv.</p>\n";
    }
    if (w.since && !w.since->resolved.empty()) {
        const auto& done = w.since->resolved;
        out << "<h2 id=\"opgelost\">Opgelost sinds de vorige keer</h2>\n<ul>\n";
        for (std::size_t i = 0; i < done.size() && i < kListed; ++i)
            out << "<li>" << html_escape(done[i].case_id) << ": " << html_escape(done[i].todo)
                << " <span class=\"muted\">(" << html_escape(done[i].rule) << ")</span></li>\n";
        out << "</ul>\n";
        if (done.size() > kListed)
            out << "<p class=\"small muted\">En nog " << grouped(done.size() - kListed) << " opgeloste punten.</p>\n";
    }
    out << "<h2 id=\"leeswijzer\">Zo lees je deze lijst</h2>\n<ul>\n"
           "<li><b>termijn verstreken</b>: de laatste dag is voorbij en de stap is nog niet gezet; het dossier is nog "
           "open. Zet de stap zo snel mogelijk.</li>\n"
           "<li><b>termijn loopt binnenkort af</b>: de laatste dag valt binnen "
        << w.dagen << (w.dagen == 1 ? " dag" : " dagen")
        << " na de peildatum. Werkdagen tellen de peildatum mee; weekenden, feestdagen en gelijkgestelde dagen "
           "niet (Algemene termijnenwet).</li>\n"
           "<li><b>onafhankelijkheid</b>: wie de cliënt ondersteunt, mag niet beslissen over diens "
           "maatwerkvoorziening; hier is dat nog te voorkomen.</li>\n"
           "<li><b>stap nog te doen</b>: iets dat vóór de volgende stap moet gebeuren, zoals de cliënt vóór het "
           "gesprek wijzen op gratis cliëntondersteuning.</li>\n"
           "<li>Een opschorting die nog loopt, schuift de laatste dag elke dag een dag op: daar staat de vroegste "
           "laatste dag.</li>\n</ul>\n"
           "<script>\n(function(){var s=document.getElementById('teamfilter');if(!s)return;"
           "s.addEventListener('change',function(){var v=s.value;"
           "document.querySelectorAll('section.team').forEach(function(e){"
           "e.hidden=v!==''&&e.getAttribute('data-team')!==v;});});})();\n</script>\n"
           "</body>\n</html>\n";
}

std::set<std::string, std::less<>> dossiers_in_report(std::string_view html) {
    std::set<std::string, std::less<>> ids;
    constexpr std::string_view mark = "id=\"dossier-";
    for (std::size_t at = html.find(mark); at != std::string_view::npos; at = html.find(mark, at)) {
        at += mark.size();
        const std::size_t end = html.find('"', at);
        if (end == std::string_view::npos) break;
        std::string id;
        for (std::size_t i = at; i < end; ++i) {  // html_escape undone
            bool done = false;
            for (const auto& [entity, c] : {std::pair<std::string_view, char>{"&amp;", '&'},
                                            {"&lt;", '<'},
                                            {"&gt;", '>'},
                                            {"&quot;", '"'},
                                            {"&#39;", '\''}})
                if (html.substr(i, entity.size()) == entity) {
                    id += c;
                    i += entity.size() - 1;
                    done = true;
                    break;
                }
            if (!done) id += html[i];
        }
        ids.insert(std::move(id));
        at = end;
    }
    return ids;
}

void write_worklist_csv(std::ostream& out, const Worklist& w) {
    auto cell = [&out](std::string_view s, bool last = false) {
        out << '"';
        for (const char c : shown_text(s)) {
            if (c == '"') out << '"';
            out << c;
        }
        out << '"' << (last ? "\r\n" : ";");
    };
    out << "\xEF\xBB\xBF";  // UTF-8 BOM: spreadsheets read the accents right
    for (const char* h : {"team", "dossier", "urgentie", "nog_te_doen", "laatste_dag", "werkdagen_over", "regel",
                          "norm", "medewerkers", "toelichting"})
        cell(h);
    cell("sinds_vorige", true);
    for (const WorkItem& i : w.items) {
        cell(i.team);
        cell(i.open.case_id);
        cell(urgency_words(i.urgency));
        cell(i.open.todo);
        cell(i.open.deadline);
        cell(i.deadline ? std::to_string(i.open.werkdagen_over) : std::string());
        cell(i.open.rule);
        cell(i.norm);
        cell(i.medewerker);
        cell(i.open.detail);
        cell(change_words(i.change), true);
    }
}

}  // namespace wmotoets
