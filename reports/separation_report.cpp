// scheiding.html: the coordinator's page, built from the same tables as scheiding.xlsx.
#include <fmt/format.h>

#include "reports/audit_sheet.hpp"
#include "reports/html.hpp"
#include "reports/report.hpp"
#include "reports/rule_text.hpp"
#include "reports/separation.hpp"

namespace wmotoets {

namespace {

void cell_html(std::ostream& out, const SeparationCell& c, bool strong) {
    using K = SeparationCell::Kind;
    bool number = c.kind == K::count || c.kind == K::rate;
    for (const std::string_view symbol : kSymbolText) number |= c.kind == K::text && c.text == symbol;
    out << (number ? "<td class=\"n\">" : c.kind == K::month ? "<td class=\"m\">" : "<td>") << (strong ? "<b>" : "");
    if (c.kind == K::dossiers) {
        for (std::size_t i = 0; i < c.dossiers.size(); ++i)
            out << (i ? ", " : "") << "<a href=\"rapport.html#dossier-" << html_escape(html_fragment(c.dossiers[i]))
                << "\">" << html_escape(c.dossiers[i]) << "</a>";
    } else {
        out << html_escape(c.text);
    }
    out << (strong ? "</b>" : "") << "</td>";
}

// All teams per month at a glance: per month a grey bar for the dossiers with both roles and
// beside it one bar per rule (its severity's colour) for the deviating ones; each bar has its
// number as a tooltip. Not in a publication: a bar's length would show a suppressed count.
void month_chart(std::ostream& out, const SeparationView& v, const RunRecord& run) {
    if (v.months.empty()) return;
    std::size_t top = 1;
    for (const SeparationCounts& c : v.per_month) top = std::max(top, c.both);
    const double left = 34, width = 700, height = 150, base = 14 + height;
    const double group = (width - left) / double(v.months.size());
    const auto y = [&](std::size_t n) { return base - height * double(n) / double(top); };
    out << "<figure class=\"grafiek\"><svg role=\"img\" aria-label=\"Per maand: dossiers met ondersteuner en "
           "beslisser, en "
           "de afwijkingen ONA-01, ONA-02 en ONA-03\" width=\""
        << width << "\" height=\"" << base + 34 << "\" viewBox=\"0 0 " << width << " " << base + 34 << "\">\n";
    const std::size_t step = top <= 5 ? 1 : (top + 4) / 5;
    for (std::size_t n = 0; n <= top; n += step)
        out << fmt::format(
            "<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ddd\"/><text x=\"{}\" y=\"{:.1f}\" "
            "text-anchor=\"end\">{}</text>\n",
            left, width, y(n), y(n), left - 4, y(n) + 4, n);
    std::string colours[3];
    for (std::size_t k = 0; k < 3; ++k)
        colours[k] = severity_colour(rule_text(run, std::string(kSeparationRules[k])).severity);
    for (std::size_t m = 0; m < v.months.size(); ++m) {
        const double x0 = left + group * double(m) + group * 0.1, w = group * 0.8;
        const SeparationCounts& c = v.per_month[m];
        const std::string when = month_words(v.months[m]);
        const auto bar = [&](double x, double bw, std::size_t n, const std::string& fill, const std::string& what) {
            out << fmt::format(
                "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{}: {} "
                "{}</title></rect>\n",
                x, y(n), bw, base - y(n), fill, html_escape(when), n, html_escape(what));
        };
        bar(x0, w * 0.4, c.both, "#b8b8b8", "dossiers met ondersteuner en beslisser");
        for (std::size_t k = 0; k < 3; ++k)
            if (v.in_run[k])
                bar(x0 + w * (0.4 + 0.2 * double(k)), w * 0.2, c.deviating[k], colours[k],
                    std::string(kSeparationRules[k]));
        // Month labels: the first letters, and the year under each January and the first month.
        const std::string label = when.substr(0, 3);
        out << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", x0 + w / 2, base + 13,
                           label);
        if (m == 0 || v.months[m].ends_with("-01"))
            out << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", x0 + w / 2,
                               base + 27, v.months[m].substr(0, 4));
    }
    out << "</svg>\n<figcaption class=\"legend small\"><span class=\"item\"><span class=\"swatch\" "
           "style=\"background:#b8b8b8\">"
           "</span>dossiers met ondersteuner en beslisser</span>";
    const char* words[] = {"zelfde persoon (ONA-01)", "ondersteuner deed onderzoek (ONA-02)", "zelfde team (ONA-03)"};
    for (std::size_t k = 0; k < 3; ++k)
        if (v.in_run[k])
            out << "<span class=\"item\"><span class=\"swatch\" style=\"background:" << colours[k] << "\"></span>"
                << words[k] << "</span>";
    out << "</figcaption></figure>\n";
}

}  // namespace

void write_separation_html(std::ostream& out, const SeparationView& v, const RunRecord& run, const Disclosure& d) {
    const SeparationTables tables = separation_tables(v, d);
    const auto day = parse_iso_date(v.peildatum);
    const std::string peildatum = day ? day->dutch_long() : std::string("onbekend");
    out << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<title>Wmo-toets — scheiding van functies</title>\n<style>"
        << report_style() << "@page{@bottom-left{content:\"Wmo-toets — scheiding van functies, peildatum "
        << html_escape(peildatum) << (d.publication ? " (publicatieversie)" : "") << "\";font-size:8pt;color:#444}}\n"
        << "td.n,td.m{white-space:nowrap}.grafiek{margin:.8em 0}.legend "
           ".item{white-space:nowrap}\n</style>\n</head>\n<body>\n"
        << "<h1>Scheiding van functies</h1>\n<p class=\"muted\">Overzicht voor de wijkteamcoördinator: is wie de "
           "cliënt "
           "ondersteunt een ander dan wie over de maatwerkvoorziening beslist? "
        << (run.period() ? "Periode: de dossiers met een melding of herbeoordeling in " +
                               html_escape(run.period()->words()) + ". "
                         : std::string())
        << "Peildatum <b>" << html_escape(peildatum) << "</b>"
        << (v.months.empty()
                ? std::string()
                : "; besluiten van " + month_words(v.months.front()) + " tot en met " + month_words(v.months.back()))
        << ". De volledige toetsing staat in rapport.html.</p>\n";
    if (d.publication) out << "<p><b>" << d.rule() << "</b></p>\n";

    // In short: the total row of the first table, as published.
    const auto& total = tables.tables.front().rows.back();
    out << "<h2 id=\"kort\">In het kort</h2>\n";
    if (v.total.both == 0) {
        out << "<p>Geen enkel dossier heeft zowel een cliëntondersteuner als een beslisser in het logboek; er valt "
               "hier "
               "niets te vergelijken.</p>\n";
    } else {
        out << "<p>Van de <b>" << html_escape(total[1].text)
            << "</b> dossiers met zowel een cliëntondersteuner als een "
               "beslisser";
        const char* what[] = {"de ondersteuner ook de beslisser", "deed de ondersteuner ook het onderzoek",
                              "zaten ondersteuner en beslisser in hetzelfde team"};
        const char* lead[] = {" was in ", "; in ", "; en in "};
        for (std::size_t k = 0; k < 3; ++k) {
            const SeparationCell& n = total[2 + 2 * k];
            const SeparationCell& rate = total[3 + 2 * k];
            if (n.text == "niet gecontroleerd") {
                out << (k == 0 ? " is" : ";") << " niet gecontroleerd of " << what[k] << " (" << kSeparationRules[k]
                    << " hoorde niet bij deze controle)";
                continue;
            }
            out << lead[k] << "<b>" << html_escape(n.text) << "</b>"
                << (rate.kind == SeparationCell::Kind::rate ? " (" + html_escape(rate.text) + ")" : "") << " "
                << what[k] << " (" << kSeparationRules[k] << ")";
        }
        out << ".</p>\n";
        for (std::size_t k = 0; k < 3; ++k)
            if (v.outside[k] > 0)
                out << "<p class=\"small muted\">" << kSeparationRules[k] << " gaf daarnaast een bevinding in "
                    << (d.suppressed(v.outside[k]) ? "minder dan " + std::to_string(d.threshold)
                                                   : grouped(d.shown(v.outside[k])))
                    << " dossier" << (v.outside[k] == 1 && !d.publication ? "" : "s")
                    << " zonder (nog) een beslisser; die tellen in deze tabellen niet mee.</p>\n";
    }

    if (!d.publication && v.total.both > 0) month_chart(out, v, run);

    out << "<h2 id=\"waarom\">Waarom dit ertoe doet</h2>\n"
           "<p>De gemeente zorgt voor gratis cliëntondersteuning (art. 2.2.4 Wmo 2015) die onafhankelijk is: de "
           "ondersteuner staat naast de cliënt, niet naast de gemeente (art. 1.1.1). Bij het amendement over die "
           "onafhankelijkheid (Kamerstukken II 33 841, nr. 68) gaf de staatssecretaris van VWS aan dat <q>degene die "
           "cliëntondersteuning biedt niet dezelfde persoon kan zijn als die beslist over de toewijzing van een "
           "maatwerkvoorziening</q> (VNG, zelftest cliëntondersteuning). Dat de ondersteuner in hetzelfde wijkteam "
           "werkt "
           "<q>hoeft niet per se een probleem te zijn</q>, zolang hij niet zelf beslist (NOOM).</p>\n<ul>\n";
    for (std::size_t k = 0; k < 3; ++k) {
        const RuleText t = rule_text(run, std::string(kSeparationRules[k]));
        out << "<li><b>" << kSeparationRules[k] << "</b> " << html_escape(t.title) << " — een afwijking heet hier <i>"
            << outcome_words(Outcome::overtreden, t.severity) << "</i> (ernst: " << severity_name(t.severity)
            << ").</li>\n";
    }
    out << "</ul>\n<p class=\"small muted\">Elke afwijking is apart geteld: een dossier kan in meer kolommen staan. De "
           "noemer is steeds het aantal dossiers met zowel een ondersteuner als een beslisser in dezelfde maand of "
           "hetzelfde team.</p>\n";

    std::size_t number = 0;
    for (const SeparationTable& t : tables.tables) {
        out << "<h2 id=\"" << t.id << "\">" << html_escape(t.title) << "</h2>\n<p class=\"small\">"
            << html_escape(t.explanation) << "</p>\n<table class=\"per-rule\" id=\"tabel-" << t.id
            << "\">\n<thead><tr>";
        for (const std::string& c : t.columns) out << "<th>" << html_escape(c) << "</th>";
        out << "</tr></thead>\n<tbody>\n";
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const bool strong = t.total_last && r + 1 == t.rows.size();
            out << "<tr" << (strong ? " class=\"totaal\"" : "") << ">";
            for (const SeparationCell& c : t.rows[r]) cell_html(out, c, strong);
            out << "</tr>\n";
        }
        if (t.rows.empty()) out << "<tr><td colspan=\"" << t.columns.size() << "\" class=\"muted\">Geen.</td></tr>\n";
        out << "</tbody>\n</table>\n<p class=\"caption\">Tabel " << ++number << ". " << html_escape(t.title)
            << ". Bron: laatste controle, peildatum " << html_escape(peildatum) << ".</p>\n";
        if (const std::string k = d.key(symbols_in(t)); !k.empty())
            out << "<p class=\"small muted key\">" << k << "</p>\n";
    }
    for (const std::string& why : tables.left_out)
        out << "<p class=\"small muted\">Niet in de publicatieversie: " << html_escape(why) << "</p>\n";
    out << "</body>\n</html>\n";
}

}  // namespace wmotoets
