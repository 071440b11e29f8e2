// The reporting period and the comparison (issue 28): which cycles count, that a check of a period
// equals a check of a log holding only those cycles, that quarters add up, and Newcombe's interval.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "generator/generator.hpp"
#include "helpers.hpp"
#include "model/period.hpp"
#include "reports/comparison.hpp"
#include "reports/figures.hpp"
#include "reports/groups.hpp"
#include "reports/run_record.hpp"
#include "util/error.hpp"
#include "workflow/engine.hpp"
#include "xlsx_read.hpp"

using namespace wmotoets;

namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date::from_ymd(y, m, d); }

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> out(1);
    for (char c : line)
        if (c == sep) out.emplace_back();
        else out.back() += c;
    return out;
}

// The generated CSV with only the cycles opened in `p`, built from the text alone (no replay): a
// dossier's rows in the order of docs/spec/event-log.md ("Order within a case": by date; within a date
// by time when every row of that date has one, else in input order), a cycle starting at each melding
// or herbeoordeling, the rows before a dossier's first one belonging to its first cycle.
std::string only_cycles_in(const std::string& csv, const Period& p) {
    std::istringstream in(csv);
    std::string header, line, out;
    std::getline(in, header);
    out = header + "\n";
    const auto columns = split(header, ',');
    const auto col = [&](const char* name) {
        return std::size_t(std::find(columns.begin(), columns.end(), name) - columns.begin());
    };
    const std::size_t id = col("case_id"), ts = col("timestamp"), act = col("activity");
    std::vector<std::string> order;  // dossiers in order of appearance
    std::map<std::string, std::vector<std::string>> rows;
    while (std::getline(in, line)) {
        const std::string case_id = split(line, ',')[id];
        if (!rows.count(case_id)) order.push_back(case_id);
        rows[case_id].push_back(line);
    }
    for (const std::string& case_id : order) {
        std::vector<std::string>& r = rows[case_id];
        auto stamp = [&](const std::string& row) { return split(row, ',')[ts]; };
        std::map<std::string, bool> date_only;  // per date: whether a row of it has no time
        for (const std::string& row : r) date_only[stamp(row).substr(0, 10)] |= stamp(row).size() <= 10;
        std::stable_sort(r.begin(), r.end(), [&](const std::string& a, const std::string& b) {
            const std::string sa = stamp(a), sb = stamp(b), da = sa.substr(0, 10), db = sb.substr(0, 10);
            if (da != db) return da < db;
            return !date_only[da] && sa < sb;
        });
        bool opened = false, kept = false;
        std::vector<std::string> pending;  // rows before the dossier's first opener
        for (const std::string& row : r) {
            const auto f = split(row, ',');
            if (f[act] == "melding" || f[act] == "herbeoordeling") {
                kept = p.contains(*parse_iso_date(f[ts].substr(0, 10)));
                if (!opened && kept)
                    for (const std::string& before : pending) out += before + "\n";
                opened = true;
            }
            if (!opened) pending.push_back(row);
            else if (kept) out += row + "\n";
        }
    }
    return out;
}

std::vector<Figure> figures_of(const EventLog& log, Date peildatum, const std::optional<Period>& period,
                               CheckResult* out = nullptr) {
    CheckResult r = run_check(log, select_rules({}, {}), Calendar{}, peildatum, {}, Settings{}, nullptr, period);
    std::vector<Figure> f = compute_figures(r);
    if (out) *out = std::move(r);
    return f;
}

}  // namespace

TEST(Period, ParsesYearsQuartersMonthsAndRanges) {
    EXPECT_EQ(parse_period("2024"), (Period{ymd(2024, 1, 1), ymd(2024, 12, 31)}));
    EXPECT_EQ(parse_period("2024-K2"), (Period{ymd(2024, 4, 1), ymd(2024, 6, 30)}));
    EXPECT_EQ(parse_period("2024k4"), (Period{ymd(2024, 10, 1), ymd(2024, 12, 31)}));
    EXPECT_EQ(parse_period("2024-02"), (Period{ymd(2024, 2, 1), ymd(2024, 2, 29)}));
    EXPECT_EQ(parse_period("2024-01-15/2024-06-30"), (Period{ymd(2024, 1, 15), ymd(2024, 6, 30)}));
    for (const char* bad : {"", "24", "2024-K5", "2024-13", "2024-06-30/2024-01-01", "twintig", "2024-"})
        EXPECT_FALSE(parse_period(bad)) << bad;
    EXPECT_EQ(parse_period("2024")->label(), "2024");
    EXPECT_EQ(parse_period("2024-K2")->words(), "het tweede kwartaal van 2024");
    EXPECT_EQ(parse_period("2024-03")->words(), "maart 2024");
    EXPECT_EQ(parse_period("2024-01-15/2024-06-30")->words(), "15 januari 2024 tot en met 30 juni 2024");
    EXPECT_EQ(parse_period("2024")->previous(), *parse_period("2023"));
    EXPECT_EQ(parse_period("2024-K1")->previous(), *parse_period("2023-K4"));
    EXPECT_EQ(parse_period("2024-03")->previous(), *parse_period("2024-02"));
    EXPECT_EQ(parse_period("2024-01-11/2024-01-20")->previous(), *parse_period("2024-01-01/2024-01-10"));
    EXPECT_THROW(period_from_options("2024", "2024-01-01", "", ymd(2020, 1, 1), ymd(2025, 1, 1)), Error);
    EXPECT_THROW(period_from_options("", "2024-05-01", "2024-04-01", ymd(2020, 1, 1), ymd(2025, 1, 1)), Error);
    EXPECT_EQ(period_from_options("", "2024-05-01", "", ymd(2020, 1, 1), ymd(2025, 1, 1)),
              (Period{ymd(2024, 5, 1), ymd(2025, 1, 1)}));
}

// Acceptance (issue 28): the figures and lead times of a period equal those of a check of a log that
// holds only the cycles opened in it, built from the rows alone.
TEST(Period, CheckOfAPeriodEqualsACheckOfOnlyItsCycles) {
    const std::string csv = test::generated(20000, 3);
    const EventLog all = test::load(csv, nullptr, {}, "periode-alles.csv");
    const Date peildatum = all.latest_date();
    for (const char* text : {"2024", "2023-K3"}) {
        SCOPED_TRACE(text);
        const Period p = *parse_period(text);
        const EventLog subset = test::load(only_cycles_in(csv, p), nullptr, {}, "periode-deel.csv");
        CheckResult whole, part;
        const auto a = figures_of(all, peildatum, p, &whole), b = figures_of(subset, peildatum, std::nullopt, &part);
        EXPECT_EQ(all.dossiers.size() - whole.outside_period, subset.dossiers.size());
        EXPECT_GT(whole.outside_period, 0u);
        ASSERT_EQ(a.size(), b.size());
        std::size_t judged = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            SCOPED_TRACE(a[i].rule->info().id);
            EXPECT_EQ(a[i].applicable, b[i].applicable);
            EXPECT_EQ(a[i].compliant, b[i].compliant);
            EXPECT_EQ(a[i].violations, b[i].violations);
            EXPECT_EQ(a[i].unknown, b[i].unknown);
            judged += a[i].applicable;
        }
        EXPECT_GT(judged, 10000u);
        for (std::size_t ph = 0; ph < kPhaseCount; ++ph) {
            EXPECT_EQ(whole.lead_times[ph].completed, part.lead_times[ph].completed);
            EXPECT_EQ(whole.lead_times[ph].running, part.lead_times[ph].running);
            EXPECT_EQ(whole.lead_times[ph].competing(), part.lead_times[ph].competing());
            EXPECT_EQ(whole.lead_times[ph].at, part.lead_times[ph].at);
        }
        EXPECT_EQ(whole.finding_count, part.finding_count);
        // Dossier by dossier, rule by rule (the first few that differ named).
        std::size_t differing = 0;
        for (std::size_t c = 0; c < all.dossiers.size(); ++c) {
            const auto at = subset.dossier_position(all.str(all.dossiers[c].id));
            EXPECT_EQ(at.has_value(), whole.counts(c));
            if (!at) continue;
            for (std::size_t r = 0; r < whole.rules.size(); ++r)
                if (whole.outcome(c, r) != part.outcome(*at, r) && ++differing <= 3)
                    ADD_FAILURE() << all.str(all.dossiers[c].id) << " " << whole.rules[r]->info().id;
        }
        EXPECT_EQ(differing, 0u);
    }
}

// Quarters by the date of the cycle's melding: a year's four quarters add up to the year, in the
// rule tables and in the lead times alike.
TEST(Period, QuartersAddUpToTheYear) {
    const EventLog log = test::load(test::generated(3000, 3), nullptr, {}, "periode-kwartalen.csv");
    const Period p = *parse_period("2024");
    CheckResult result =
        run_check(log, select_rules({}, {}), Calendar{}, log.latest_date(), {}, Settings{}, nullptr, p);
    RunCollector run;
    emit_check(log, result, compute_figures(result), Settings{}, run);
    ASSERT_EQ(run.record.period(), p);
    const auto quarters = counts_by(
        log, run.record, [&](const Dossier& c) { return dossier_quarter(log, c, run.record.period()); }, "(onbekend)");
    std::set<std::string> names;
    for (const auto& [name, counts] : quarters) names.insert(name);
    EXPECT_EQ(names, (std::set<std::string>{"2024-K1", "2024-K2", "2024-K3", "2024-K4"}));
    for (std::size_t r = 0; r < run.record.figures.size(); ++r) {
        std::size_t applicable = 0, violations = 0;
        for (const auto& [name, counts] : quarters) {
            applicable += counts[r].applicable;
            violations += counts[r].violations;
        }
        EXPECT_EQ(applicable, run.record.figures[r].applicable) << run.record.rules[r];
        EXPECT_EQ(violations, run.record.figures[r].violations) << run.record.rules[r];
    }
    const auto observations = lead_time_observations(log, Calendar{}, log.latest_date(), p);
    ASSERT_FALSE(observations.empty());
    for (const LeadObservation& o : observations) EXPECT_TRUE(p.contains(o.cohort));
}

// Newcombe's hybrid score interval (method 10) against the published example (Newcombe 1998, Statistics
// in Medicine 17:873, table II: 56/70 − 48/80 gives 0.0524 to 0.3339) and an independent computation.
TEST(Comparison, NewcombeIntervalMatchesThePublishedExampleAndAnIndependentComputation) {
    const RateDifference d = newcombe(56, 70, 48, 80);
    EXPECT_NEAR(d.diff, 0.2, 1e-12);
    EXPECT_NEAR(d.lo, 0.0524, 5e-5);
    EXPECT_NEAR(d.hi, 0.3339, 5e-5);
    // Independently: Wilson's limits as the roots of (p − x)² = z² x (1 − x) / n.
    auto wilson = [](double k, double n) {
        const double z = 1.959963984540054, p = k / n, a = 1 + z * z / n, b = -(2 * p + z * z / n), c = p * p;
        const double root = std::sqrt(b * b - 4 * a * c);
        return std::pair{(-b - root) / (2 * a), (-b + root) / (2 * a)};
    };
    for (const auto& [k1, n1, k2, n2] :
         {std::tuple{3, 97, 9, 103}, std::tuple{0, 40, 5, 41}, std::tuple{250, 7927, 236, 7365}}) {
        const auto [l1, u1] = wilson(k1, n1);
        const auto [l2, u2] = wilson(k2, n2);
        const double p1 = double(k1) / n1, p2 = double(k2) / n2;
        const RateDifference got = newcombe(std::size_t(k1), std::size_t(n1), std::size_t(k2), std::size_t(n2));
        EXPECT_NEAR(got.diff, p1 - p2, 1e-12);
        EXPECT_NEAR(got.lo, p1 - p2 - std::hypot(p1 - l1, u2 - p2), 1e-9);
        EXPECT_NEAR(got.hi, p1 - p2 + std::hypot(u1 - p1, p2 - l2), 1e-9);
    }
}

namespace {

// What a person reads of a file: HTML without style, script and tags; an XLSX's text cells.
std::string readable(const std::string& path) {
    std::string s = wmotoets::test::read_all(path);
    if (path.ends_with(".xlsx")) {
        const auto files = wmotoets::test::unzip(s);
        const auto it = files.find("xl/sharedStrings.xml");
        s = it == files.end() ? std::string() : it->second;
    }
    for (const char* block : {"<style[\\s\\S]*?</style>", "<script[\\s\\S]*?</script>", "<[^>]*>"})
        s = std::regex_replace(s, std::regex(block), " ");
    for (const auto& [entity, c] : {std::pair{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}})
        s = std::regex_replace(s, std::regex(entity), c);
    return s;
}

// A fresh folder `name` with a generated log of `dossiers` (seed `seed`) imported into g.db and checked
// (controle.txt): what the tests of what people read start from.
std::filesystem::path checked_log(const std::string& name, const char* dossiers, const char* seed) {
    namespace fs = std::filesystem;
    const fs::path dir = wmotoets::test::temp_dir() / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string log = (dir / "g.csv").string(), db = (dir / "g.db").string();
    using wmotoets::test::cli;
    EXPECT_EQ(cli({"-q", "genereer", "--dossiers", dossiers, "--zaad", seed, "--uit", log}), 0);
    EXPECT_EQ(cli({"-q", "importeer", log, "--db", db}), 0);
    EXPECT_EQ(cli({"-q", "controleer", "--db", db, "--exit-zero", "--uit", (dir / "controle.txt").string()}), 0);
    return dir;
}

}  // namespace

// Acceptance (issue 28): every human-facing output of 20,000 dossiers writes dates in words and numbers
// of five or more digits grouped by thousands ("18.903"). Identifiers are no numbers: a dossier id
// (G0000123), a row reference (g.csv:12345), a hash, a Staatscourant number (Stcrt. 2018, 65542).
TEST(HumanOutput, NoIsoDateAndNoUngroupedLongNumber) {
    namespace fs = std::filesystem;
    const fs::path dir = checked_log("mensen-uitvoer", "20000", "3");
    ASSERT_FALSE(testing::Test::HasFailure());
    const std::string db = (dir / "g.db").string();
    using wmotoets::test::cli;
    ASSERT_EQ(cli({"-q", "controleer", "--db", db, "--exit-zero", "--periode", "2024", "--uit",
                   (dir / "controle-2024.txt").string()}),
              0);
    ASSERT_EQ(cli({"-q", "rapport", "--db", db, "--vergelijk", "2023", "--scheiding", "--uit", (dir / "r").string()}),
              0);
    // What the commands say on the terminal is read too (without -q).
    ASSERT_EQ(cli({"rapport", "--db", db, "--publicatie", "--scheiding", "--uit", (dir / "p").string()},
                  (dir / "rapport-meldingen.txt").string()),
              0);
    // controleer of the file itself, figures only (issue 31): what it says on the terminal and in its text.
    ASSERT_EQ(cli({"controleer", (dir / "g.csv").string(), "--alleen-cijfers", "--exit-zero", "--uit",
                   (dir / "cijfers.txt").string()},
                  (dir / "controle-meldingen.txt").string()),
              0);
    // The werkvoorraad beside the report (issue 29); exit code 1: a generated log has passed terms.
    ASSERT_EQ(
        cli({"werkvoorraad", "--db", db, "--uit", (dir / "r").string()}, (dir / "werkvoorraad-meldingen.txt").string()),
        1);
    const std::regex iso("\\b(19|20)\\d\\d-\\d\\d-\\d\\d\\b"), ungrouped("(^|[^\\w.,:/-])\\d{5,}\\b"),
        citation("Stcrt\\. \\d{4}, \\d+");
    std::size_t read = 0;
    for (const char* file : {"controle.txt", "controle-2024.txt", "r/rapport.html", "r/scheiding.html",
                             "r/werkvoorraad.html", "r/werkvoorraad.xlsx", "r/rapport.xlsx", "r/scheiding.xlsx",
                             "p/rapport.html", "p/scheiding.html", "p/rapport.xlsx", "rapport-meldingen.txt",
                             "werkvoorraad-meldingen.txt", "cijfers.txt", "controle-meldingen.txt"}) {
        SCOPED_TRACE(file);
        const std::string text = std::regex_replace(readable((dir / file).string()), citation, "");
        read += text.size();
        std::smatch m;
        if (std::regex_search(text, m, iso))
            ADD_FAILURE() << "ISO-datum: …" << text.substr(std::size_t(std::max<long>(0, m.position() - 60)), 90)
                          << "…";
        if (std::regex_search(text, m, ungrouped))
            ADD_FAILURE() << "getal zonder punten: …"
                          << text.substr(std::size_t(std::max<long>(0, m.position() - 60)), 90) << "…";
    }
    EXPECT_GT(read, 1000000u);
    fs::remove_all(dir);
}

namespace {

// The symbols a cell uses (issue 28: . x – *), as separate words of a number cell ("x/25 (12 %)",
// "x / 40 / x"), or the "*" after a group's name.
std::set<std::string> symbols_of(const std::string& cell) {
    std::set<std::string> out;
    std::string word;
    for (std::size_t i = 0; i <= cell.size(); ++i) {
        const char c = i < cell.size() ? cell[i] : ' ';
        if (c == ' ' || c == '/') {
            if (word == "." || word == "x" || word == "–" || word == "*") out.insert(word);
            word.clear();
        } else {
            word += c;
        }
    }
    return out;
}

// Per table of an HTML page: the symbols its number cells and first column use, and the key under it
// (the first paragraph with class "key" before the next table or heading).
void check_html_keys(const std::string& html, const std::string& file, std::size_t& symbols_seen) {
    const std::regex cell_re("<td class=\"n\"[^>]*>([\\s\\S]*?)</td>|<tr><td>([^<]*) \\*</td>"), tag("<[^>]*>");
    std::size_t at = 0, tables = 0;
    while ((at = html.find("<table", at)) != std::string::npos) {
        const std::size_t end = html.find("</table>", at);
        ASSERT_NE(end, std::string::npos) << file;
        const std::string body = html.substr(at, end - at);
        std::set<std::string> used;
        for (auto it = std::sregex_iterator(body.begin(), body.end(), cell_re); it != std::sregex_iterator(); ++it) {
            if ((*it)[2].matched) used.insert("*");
            else
                for (const std::string& s : symbols_of(std::regex_replace((*it)[1].str(), tag, " "))) used.insert(s);
        }
        std::size_t next = std::min({html.find("<table", end), html.find("<h2", end), html.find("<h3", end)});
        const std::size_t key_at = html.find("key\">", end);
        const std::string key = key_at < next ? html.substr(key_at, html.find("</p>", key_at) - key_at) : "";
        for (const std::string& s : used) {
            ++symbols_seen;
            EXPECT_NE(key.find("<b>" + s + "</b> ="), std::string::npos)
                << file << ", tabel " << tables + 1 << ": het teken '" << s << "' staat niet in de sleutel ('" << key
                << "')";
        }
        ++tables;
        at = end;
    }
}

// Per sheet of a workbook: the symbols in its cells, each named in a line "Tekens: … s = …" of the sheet.
void check_xlsx_keys(const std::string& path, std::size_t& symbols_seen) {
    const auto files = wmotoets::test::unzip(wmotoets::test::read_all(path));
    const std::string& wb = files.at("xl/workbook.xml");
    const std::regex sheet_re("<sheet name=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(wb.begin(), wb.end(), sheet_re); it != std::sregex_iterator(); ++it) {
        const auto sheet = wmotoets::test::sheet_named(files, (*it)[1]);
        std::string keys;
        for (const auto& [ref, value] : sheet)
            if (value.rfind("Tekens: ", 0) == 0 || value.find(" Tekens: ") != std::string::npos) keys += value;
        for (const auto& [ref, value] : sheet)
            if (value == "." || value == "x" || value == "–") {
                ++symbols_seen;
                EXPECT_NE(keys.find(value + " = "), std::string::npos)
                    << path << " blad " << (*it)[1] << " " << ref << ": het teken '" << value
                    << "' staat niet in de sleutel";
            }
    }
}

}  // namespace

// Acceptance (issue 28): the key under every table names each symbol the table uses (. x – *, as CBS
// writes them), in the internal and the public report, scheiding.html and both workbooks; and no
// table writes the symbol of before ("<10").
TEST(HumanOutput, TheKeyOfEveryTableNamesTheSymbolsItUses) {
    namespace fs = std::filesystem;
    const fs::path dir = checked_log("tekens", "300", "4");
    ASSERT_FALSE(testing::Test::HasFailure());
    const std::string db = (dir / "g.db").string();
    using wmotoets::test::cli;
    for (const char* out : {"r", "p"}) {
        std::vector<std::string> args = {"-q",          "rapport", "--db",        db,      "--periode",         "2024",
                                         "--vergelijk", "2023",    "--scheiding", "--uit", (dir / out).string()};
        if (std::string(out) == "p") args.push_back("--publicatie");
        ASSERT_EQ(cli(args), 0);
    }
    // The coordinator's view of a period counts the dossiers and cycles the rules judged: its total of
    // dossiers with both an ondersteuner and a beslisser is ONA-01's applicable count (before, it counted
    // every dossier of the log against the period's deviations).
    {
        const std::string report = wmotoets::test::read_all((dir / "r/rapport.html").string());
        const std::string separation = wmotoets::test::read_all((dir / "r/scheiding.html").string());
        const auto rules = wmotoets::test::tables_after(report, "Cijfers per regel");
        const auto months = wmotoets::test::tables_after(separation, "Alle teams per maand");
        ASSERT_FALSE(rules.empty());
        ASSERT_FALSE(months.empty());
        std::string applicable;
        for (const auto& row : rules.at(0))
            if (!row.empty() && row[0] == "ONA-01") applicable = row[4];
        EXPECT_FALSE(applicable.empty());
        EXPECT_EQ(months.at(0).back().at(1), applicable) << "scheiding.html telt andere dossiers dan ONA-01";
    }
    std::size_t seen = 0;
    for (const char* file : {"r/rapport.html", "r/scheiding.html", "p/rapport.html", "p/scheiding.html"}) {
        const std::string html = wmotoets::test::read_all((dir / file).string());
        check_html_keys(html, file, seen);
        EXPECT_EQ(html.find(">&lt;10<"), std::string::npos) << file;
        EXPECT_EQ(html.find("&lt;10/"), std::string::npos) << file;
    }
    for (const char* file : {"r/rapport.xlsx", "r/scheiding.xlsx", "p/rapport.xlsx", "p/scheiding.xlsx"})
        check_xlsx_keys((dir / file).string(), seen);
    EXPECT_GT(seen, 50u) << "de rapporten van 300 dossiers gebruiken tekens; de test moet ze vinden";
    fs::remove_all(dir);
}
