// scheiding.html: the coordinator's page, built from the same tables as scheiding.xlsx.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "reports/audit_sheet.hpp"
#include "reports/html.hpp"
#include "reports/report.hpp"
#include "reports/rule_text.hpp"
#include "reports/separation.hpp"
#include "reports/writers.hpp"
#include "util/text.hpp"

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

// A step between axis ticks at a round number (1, 2 or 5 times a power of ten) giving about five ticks up
// to `top`; at least `least`.
double round_step(double top, double least) {
    const double raw = std::max(top / 5, least);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / power;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

// A tick's percentage: whole when the ticks are a whole percent apart or more, else one decimal ("2,5").
std::string tick_percent(double r, double step) {
    std::string t = step >= 0.01 - 1e-12 ? fmt::format("{:.0f}", r * 100) : fmt::format("{:.1f}", r * 100);
    std::replace(t.begin(), t.end(), '.', ',');
    return t;
}

// Month labels that never collide: every `every`-th month (January always among them), the year under
// each January and under the first month when January is far enough away.
std::size_t label_every(double group) {
    const std::size_t fit = std::max<std::size_t>(1, std::size_t(std::ceil(26.0 / group)));  // ~26 px per label
    for (const std::size_t e : {1, 2, 3, 6, 12, 24})
        if (e >= fit) return e;
    return (fit + 11) / 12 * 12;
}

void month_axis(std::ostream& out, const SeparationView& v, double left, double group, double base) {
    const std::size_t every = label_every(group);
    for (std::size_t m = 0; m < v.months.size(); ++m) {
        const double x = left + group * (double(m) + 0.5);
        const unsigned month = unsigned(std::stoi(v.months[m].substr(5, 2)));
        if ((month - 1) % every == 0 || (every > 1 && m == 0 && v.months.size() < every))
            out << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", x, base + 13,
                               month_words(v.months[m]).substr(0, 3));
        if (month == 1 || (m == 0 && double(13 - month) * group >= 40))  // never on top of January's
            out << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", x, base + 27,
                               v.months[m].substr(0, 4));
    }
}

// All teams per month at a glance, in two panels with their own axes (issue 29: at 20,000 dossiers the
// deviations were flat next to the dossiers): above, per rule the share of the month's dossiers with
// ondersteuner and beslisser that deviated (a bar per rule in its severity's colour); below, how many such
// dossiers the month had. Ticks at round numbers, month labels that never collide, each bar's numbers as a
// tooltip. Not in a publication: a bar's length would show a suppressed count.
// A month with fewer such dossiers gets no share in the chart (its table row has it): as for lead times,
// a group of fewer than 20 is small.
constexpr std::size_t kSmallMonth = 20;

void month_chart(std::ostream& out, const SeparationView& v, const RunRecord& run) {
    if (v.months.empty()) return;
    std::size_t top = 1;
    double top_rate = 0.01;
    for (const SeparationCounts& c : v.per_month) {
        top = std::max(top, c.both);
        for (std::size_t k = 0; k < 3; ++k)
            if (v.in_run[k] && c.both >= kSmallMonth)
                top_rate = std::max(top_rate, double(c.deviating[k]) / double(c.both));
    }
    const double rate_step = round_step(top_rate * 100, 1) / 100;
    const double rate_top = std::ceil(top_rate / rate_step - 1e-9) * rate_step;
    const double count_step = round_step(double(top), 1);
    const double count_top = std::ceil(double(top) / count_step - 1e-9) * count_step;
    const double left = 44, width = 700, high = 130, low = 70;
    const double base1 = 18 + high, base2 = base1 + 40 + low, total = base2 + 34;
    const double group = (width - left) / double(v.months.size());
    const auto y1 = [&](double r) { return base1 - high * r / rate_top; };
    const auto y2 = [&](double n) { return base2 - low * n / count_top; };
    out << "<figure class=\"grafiek\"><svg role=\"img\" aria-label=\"Per maand: het aandeel dossiers met de "
           "afwijkingen ONA-01, ONA-02 en ONA-03, en het aantal dossiers met ondersteuner en beslisser\" width=\""
        << width << "\" height=\"" << total << "\" viewBox=\"0 0 " << width << " " << total << "\">\n"
        << fmt::format("<text x=\"{}\" y=\"11\" class=\"small\">aandeel afwijkend</text>\n", left)
        << fmt::format("<text x=\"{}\" y=\"{:.1f}\" class=\"small\">dossiers met ondersteuner en beslisser</text>\n",
                       left, base1 + 33);
    for (double r = 0; r <= rate_top + 1e-9; r += rate_step)
        out << fmt::format(
            "<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ddd\"/><text x=\"{}\" "
            "y=\"{:.1f}\" text-anchor=\"end\">{} %</text>\n",
            left, width, y1(r), y1(r), left - 4, y1(r) + 4, tick_percent(r, rate_step));
    for (double n = 0; n <= count_top + 1e-9; n += count_step)
        out << fmt::format(
            "<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ddd\"/><text x=\"{}\" "
            "y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
            left, width, y2(n), y2(n), left - 4, y2(n) + 4, grouped(std::size_t(n)));
    std::string colours[3];
    for (std::size_t k = 0; k < 3; ++k)
        colours[k] = severity_colour(rule_text(run, std::string(kSeparationRules[k])).severity);
    for (std::size_t m = 0; m < v.months.size(); ++m) {
        const double x0 = left + group * double(m) + group * 0.1, w = group * 0.8;
        const SeparationCounts& c = v.per_month[m];
        const std::string when = html_escape(month_words(v.months[m]));
        out << fmt::format(
            "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#b8b8b8\"><title>{}: "
            "{} dossiers met ondersteuner en beslisser</title></rect>\n",
            x0, y2(double(c.both)), w, base2 - y2(double(c.both)), when, grouped(c.both));
        if (c.both < kSmallMonth) continue;  // a share of a handful of dossiers says little
        for (std::size_t k = 0; k < 3; ++k) {
            if (!v.in_run[k]) continue;
            const double r = double(c.deviating[k]) / double(c.both);
            out << fmt::format(
                "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{}: {} "
                "van {} dossiers ({} %) {}</title></rect>\n",
                x0 + w * double(k) / 3, y1(r), w / 3, base1 - y1(r), colours[k], when, grouped(c.deviating[k]),
                grouped(c.both), percent_nl(r), kSeparationRules[k]);
        }
    }
    month_axis(out, v, left, group, base2);
    out << "</svg>\n<figcaption class=\"legend small\"><span class=\"item\"><span class=\"swatch\" "
           "style=\"background:#b8b8b8\">"
           "</span>dossiers met ondersteuner en beslisser (onder)</span>";

    const char* words[] = {"zelfde persoon (ONA-01)", "ondersteuner deed onderzoek (ONA-02)", "zelfde team (ONA-03)"};
    for (std::size_t k = 0; k < 3; ++k)
        if (v.in_run[k])
            out << "<span class=\"item\"><span class=\"swatch\" style=\"background:" << colours[k] << "\"></span>"
                << words[k] << "</span>";
    if (std::any_of(v.per_month.begin(), v.per_month.end(),
                    [](const SeparationCounts& c) { return c.both > 0 && c.both < kSmallMonth; }))
        out << "<br>Een maand met minder dan 20 zulke dossiers heeft geen aandeel.";
    out << "</figcaption></figure>\n";
}

// Team × month: a cell per team and month with dossiers with both roles. A cell that holds an ONA-01 is red,
// the darker the larger the share of such dossiers, with the number of ONA-01 dossiers written in it; light
// grey where none; each cell's numbers as a tooltip. Not in a publication (a cell could show a small count).
void team_matrix(std::ostream& out, const SeparationView& v) {
    if (v.months.empty() || v.teams.empty()) return;
    const double left = 130, width = 700, row = 18, top = 6;
    const double group = (width - left) / double(v.months.size());
    const double base = top + row * double(v.teams.size()), total = base + 34;
    double top_share = 0;
    for (const auto& team : v.teams)
        for (const SeparationCounts& c : team.per_month)
            if (c.both > 0) top_share = std::max(top_share, double(c.deviating[0]) / double(c.both));
    // From light (#f4c7c3) to dark red (#8b0000) by the share, against the largest share of a cell.
    const auto red = [&](double share) {
        const double t = top_share > 0 ? std::clamp(share / top_share, 0.0, 1.0) : 1.0;
        const auto mix = [t](int light, int dark) { return int(std::lround(light + (dark - light) * t)); };
        return std::pair{fmt::format("#{:02x}{:02x}{:02x}", mix(0xf4, 0x8b), mix(0xc7, 0x00), mix(0xc3, 0x00)),
                         t > 0.45};
    };
    out << "<figure class=\"grafiek\"><svg role=\"img\" aria-label=\"Per team en maand: de dossiers met ONA-01\" "
           "width=\""
        << width << "\" height=\"" << total << "\" viewBox=\"0 0 " << width << " " << total << "\">\n";
    const bool numbers = group >= 12;  // room for a number in a cell
    for (std::size_t t = 0; t < v.teams.size(); ++t) {
        const auto& team = v.teams[t];
        const double y = top + row * double(t);
        std::string name = team.name;
        if (utf8_length(name) > 20) name = utf8_prefix(name, 24) + "…";
        out << fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\"><title>{}</title>{}</text>\n", left - 6,
                           y + row - 5, html_escape(team.name), html_escape(name));
        for (std::size_t m = 0; m < v.months.size(); ++m) {
            const SeparationCounts& c = team.per_month[m];
            if (c.both == 0) continue;
            const double share = double(c.deviating[0]) / double(c.both);
            const auto [fill, dark] = c.deviating[0] > 0 ? red(share) : std::pair{std::string("#e4e4e4"), false};
            const double x = left + group * double(m) + 0.5;
            out << fmt::format(
                "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{}, {}: "
                "{} dossiers met ondersteuner en beslisser; ONA-01 in {} ({} %), ONA-02 in {}, ONA-03 in "
                "{}</title></rect>\n",
                x, y + 1, std::max(group - 1, 0.5), row - 2, fill, html_escape(team.name),
                html_escape(month_words(v.months[m])), grouped(c.both), grouped(c.deviating[0]), percent_nl(share),
                grouped(c.deviating[1]), grouped(c.deviating[2]));
            if (numbers && c.deviating[0] > 0)
                out << fmt::format(
                    "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"{}\" "
                    "fill=\"{}\" pointer-events=\"none\">{}</text>\n",
                    x + (group - 1) / 2, y + row - 5, c.deviating[0] >= 100 ? 7 : 9, dark ? "#fff" : "#000",
                    c.deviating[0]);
        }
    }
    month_axis(out, v, left, group, base);
    out << "</svg>\n<figcaption class=\"legend small\">"
           "<span class=\"item\"><span class=\"swatch\" style=\"background:#f4c7c3\"></span><span class=\"swatch\" "
           "style=\"background:#8b0000\"></span>met ONA-01</span>"
           "<span class=\"item\"><span class=\"swatch\" style=\"background:#e4e4e4\"></span>geen ONA-01</span>"
           "<span class=\"item\"><span class=\"swatch\" style=\"background:#fff;outline:1px solid #bbb\"></span>"
           "geen dossiers met beide</span><br>Het getal in een vakje: zoveel dossiers met ONA-01; hoe donkerder, "
           "hoe groter hun aandeel.</figcaption></figure>\n";
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
                    << " zonder (nog) een beslisser; die tellen in deze tabellen niet mee."
                    << (d.publication ? ""
                                      : " Zolang er in zo'n dossier nog geen besluit is, staat het in de werkvoorraad "
                                        "('wmotoets werkvoorraad'): daar is het nog te voorkomen.")
                    << "</p>\n";
    }

    if (!d.publication && v.total.both > 0) {
        month_chart(out, v, run);
        if (v.teams.size() > 1) team_matrix(out, v);
    }

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
