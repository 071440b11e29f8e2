#include "reports/separation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <unordered_map>

#include "reports/report.hpp"
#include "workflow/facts.hpp"

namespace wmotoets {

namespace {

// "2024-03" → the next month, "2024-04".
std::string next_month(const std::string& m) {
    int y = std::stoi(m.substr(0, 4)), mo = std::stoi(m.substr(5, 2)) + 1;
    if (mo == 13) {
        mo = 1;
        ++y;
    }
    return fmt::format("{:04}-{:02}", y, mo);
}

void add(SeparationCounts& to, const SeparationCounts& c) {
    to.both += c.both;
    for (std::size_t k = 0; k < to.deviating.size(); ++k) to.deviating[k] += c.deviating[k];
}

// A dossier where someone supported and someone decided: the month of its first decision, its team.
struct DossierRow {
    std::string month, team;
    SeparationCounts counts;
    // Per rule, the month of the finding that made it deviate: an ONA-01 in a bezwaar counts in the month
    // of the beslissing op bezwaar, not of the first decision (issue 29).
    std::array<std::string, 3> deviation_month;
};

// The month axis (first to last without gaps), and the counts per month, per team and in total.
void tally_months_and_teams(const std::vector<DossierRow>& dossiers, SeparationView& v) {
    // The month axis, first to last without gaps.
    std::string first, last;
    const auto extend = [&](const std::string& m) {
        if (m.empty()) return;
        if (first.empty() || m < first) first = m;
        if (last.empty() || m > last) last = m;
    };
    for (const DossierRow& d : dossiers) {
        extend(d.month);
        for (const std::string& m : d.deviation_month) extend(m);
    }
    if (!first.empty())
        for (std::string m = first;; m = next_month(m)) {
            v.months.push_back(m);
            if (m == last) break;
        }
    const auto month_index = [&](const std::string& m) {
        return std::size_t(std::lower_bound(v.months.begin(), v.months.end(), m) - v.months.begin());
    };
    v.per_month.assign(v.months.size(), {});
    std::map<std::string, SeparationView::Team> teams;
    for (const DossierRow& d : dossiers) {
        SeparationView::Team& t = teams[d.team];
        if (t.per_month.empty()) {
            t.name = d.team;
            t.per_month.assign(v.months.size(), {});
        }
        add(v.total, d.counts);
        add(t.total, d.counts);
        // The dossier in the month of its first decision; a deviation in the month of its finding, where the
        // dossier counts too (it had a decision then): a month's rate never exceeds 100 %.
        std::map<std::size_t, SeparationCounts> months;
        months[month_index(d.month)].both = 1;
        for (std::size_t k = 0; k < d.counts.deviating.size(); ++k) {
            if (!d.counts.deviating[k]) continue;
            SeparationCounts& in = months[month_index(d.deviation_month[k].empty() ? d.month : d.deviation_month[k])];
            in.both = 1;
            in.deviating[k] = 1;
        }
        for (const auto& [m, c] : months) {
            add(v.per_month[m], c);
            add(t.per_month[m], c);
        }
    }
    for (auto& [name, t] : teams) v.teams.push_back(std::move(t));
}

}  // namespace

SeparationView separation_view(const EventLog& log, const RunRecord& run) {
    SeparationView v;
    v.peildatum = run.peildatum;
    std::array<std::optional<std::size_t>, 3> rule_at;
    for (std::size_t k = 0; k < kSeparationRules.size(); ++k)
        for (std::size_t r = 0; r < run.rules.size(); ++r)
            if (run.rules[r] == kSeparationRules[k]) rule_at[k] = r;
    for (std::size_t k = 0; k < 3; ++k) v.in_run[k] = rule_at[k].has_value();
    for (std::size_t k = 0; k < 3; ++k)
        if (rule_at[k] && *rule_at[k] < run.figures.size()) {
            const RunRecord::Figure& f = run.figures[*rule_at[k]];
            v.rule_counts[k] = {f.applicable, f.compliant, f.violations, f.unknown};
        }
    std::unordered_map<std::string_view, std::size_t> run_pos;
    for (std::size_t i = 0; i < run.case_ids.size(); ++i) run_pos.emplace(run.case_ids[i], i);

    // Per dossier: who supported, who decided (docs/spec/event-log.md "Who acted as what"), and the month of
    // its first decision; the person's team is the one most recorded with their events.
    const StrId role_ondersteuner = log.strings.find("ondersteuner"), role_beslisser = log.strings.find("beslisser");
    std::vector<DossierRow> dossiers;
    std::map<std::string, SeparationView::Person> persons;
    std::unordered_map<StrId, std::unordered_map<StrId, std::size_t>> teams_of;  // actor → team → events
    // Only the dossiers of the run, and of a run for a period only the events of the cycles opened in it
    // (issue 28): the same dossiers and cycles that ONA-01…03 judged, so that a rate's numerator and
    // denominator count the same.
    const std::optional<Period> period = run.period();
    // Per dossier and rule, the date of its first finding (the event that made it deviate).
    std::unordered_map<std::string_view, std::array<std::string_view, 3>> found_on;
    for (const RunRecord::Finding& f : run.findings)
        for (std::size_t k = 0; k < 3; ++k)
            if (f.rule == kSeparationRules[k]) {
                std::string_view& d = found_on[f.case_id][k];
                if (d.empty() || f.date < d) d = f.date;
            }
    const ReplayIds ids(log);
    const Calendar calendar;  // once: cycles do not depend on it, building one per dossier is slow
    DossierFacts facts;
    for (const Dossier& c : log.dossiers) {
        const auto at = run_pos.find(log.str(c.id));
        if (at == run_pos.end()) continue;
        std::span<const std::uint32_t> events = log.events_of(c);
        if (period) {
            if (events.empty() || !replay(log, c, calendar, ids, period, facts)) continue;
            events = facts.events;
        }
        std::set<StrId> supporters, deciders;
        std::optional<Date> decided;
        for (std::uint32_t i : events) {
            const Event& e = log.events[i];
            const Who& w = log.who(e);
            if (w.actor == 0) continue;
            if (w.team != 0) ++teams_of[w.actor][w.team];
            if (e.activity == Activity::ondersteuner_toegewezen || (role_ondersteuner && w.role == role_ondersteuner))
                supporters.insert(w.actor);
            if (e.activity == Activity::besluit || e.activity == Activity::besluit_op_bezwaar ||
                (role_beslisser && w.role == role_beslisser)) {
                deciders.insert(w.actor);
                if (!decided || e.date < *decided) decided = e.date;
            }
        }
        for (StrId a : supporters) ++persons[std::string(log.str(a))].as_ondersteuner;
        for (StrId a : deciders) ++persons[std::string(log.str(a))].as_beslisser;
        SeparationCounts counts;
        for (std::size_t k = 0; k < 3; ++k)
            counts.deviating[k] = rule_at[k] && run.outcome(at->second, *rule_at[k]) == Outcome::overtreden;
        if (supporters.empty() || deciders.empty()) {
            for (std::size_t k = 0; k < 3; ++k) v.outside[k] += counts.deviating[k];
            continue;
        }
        counts.both = 1;
        std::string team = dossier_team(log, c);
        DossierRow& row = dossiers.emplace_back();
        row.month = decided->iso().substr(0, 7);
        row.team = team.empty() ? "(geen team)" : team;
        row.counts = counts;
        if (const auto found = found_on.find(log.str(c.id)); found != found_on.end())
            for (std::size_t k = 0; k < 3; ++k)
                if (counts.deviating[k] && found->second[k].size() >= 7)
                    row.deviation_month[k] = std::string(found->second[k].substr(0, 7));
    }

    tally_months_and_teams(dossiers, v);

    // The dossiers where a person was both: the person of the finding's first event (ONA-01 and
    // ONA-02 point at that person's two acts).
    for (const RunRecord::Finding& f : run.findings) {
        const bool same = f.rule == kSeparationRules[0], onderzoek = f.rule == kSeparationRules[1];
        if ((!same && !onderzoek) || f.events.empty()) continue;
        const auto at = log.dossier_position(f.case_id);
        if (!at) continue;
        for (std::uint32_t i : log.events_of(log.dossiers[*at]))
            if (is_row(log.events[i], f.events.front())) {
                auto& list = persons[std::string(log.str(log.who(log.events[i]).actor))];
                auto& dossiers_of = same ? list.same_person : list.did_onderzoek;
                if (list.first.empty() || f.date < list.first) list.first = f.date;
                if (list.last.empty() || f.date > list.last) list.last = f.date;
                if (std::find(dossiers_of.begin(), dossiers_of.end(), f.case_id) == dossiers_of.end())
                    dossiers_of.push_back(f.case_id);
                break;
            }
    }
    for (auto& [id, p] : persons) {
        if (!((p.as_ondersteuner > 0 && p.as_beslisser > 0) || !p.same_person.empty() || !p.did_onderzoek.empty()))
            continue;
        p.id = id;
        const StrId actor = log.strings.find(id);
        if (const auto it = teams_of.find(actor); actor && it != teams_of.end()) {
            std::vector<std::pair<std::string, std::size_t>> ts;
            for (const auto& [team, n] : it->second) ts.emplace_back(std::string(log.str(team)), n);
            std::sort(ts.begin(), ts.end(), [](const auto& a, const auto& b) {
                return a.second != b.second ? a.second > b.second : a.first < b.first;
            });
            p.team = ts.front().first;
        }
        std::sort(p.same_person.begin(), p.same_person.end());
        std::sort(p.did_onderzoek.begin(), p.did_onderzoek.end());
        v.persons.push_back(std::move(p));
    }
    std::stable_sort(v.persons.begin(), v.persons.end(), [](const auto& a, const auto& b) {
        return a.same_person.size() + a.did_onderzoek.size() > b.same_person.size() + b.did_onderzoek.size();
    });
    return v;
}

namespace {

using Cell = SeparationCell;

Cell text_cell(std::string s) { return {Cell::Kind::text, std::move(s), 0, {}}; }

// The month in words; its number is year * 100 + month (202403), for a date cell.
Cell month_cell(const std::string& m) {
    return {Cell::Kind::month, month_words(m), double(std::stoi(m.substr(0, 4)) * 100 + std::stoi(m.substr(5, 2))), {}};
}

// A row's counts as cells: dossiers with both roles, then per rule its count and rate. `shown`
// says per count (both, rule 1, 2, 3) whether a publication may show it beside its total.
std::vector<Cell> count_cells(const SeparationView& v, const SeparationCounts& c, const Disclosure& d,
                              const std::array<bool, 4>& shown) {
    const auto count = [&](std::size_t n, bool ok) -> Cell {
        if (!ok || d.suppressed(n)) return text_cell(std::string(kSymbolText[unsigned(Symbol::secret)]));
        return {Cell::Kind::count, std::to_string(d.shown(n)), double(d.shown(n)), {}};
    };
    std::vector<Cell> out{count(c.both, shown[0])};
    for (std::size_t k = 0; k < 3; ++k) {
        if (!v.in_run[k]) {
            out.push_back(text_cell("niet gecontroleerd"));
            out.push_back(text_cell(std::string(kSymbolText[unsigned(Symbol::unknown)])));
            continue;
        }
        const std::size_t n = c.deviating[k];
        out.push_back(count(n, shown[k + 1]));
        std::optional<double> rate;
        if (shown[0] && shown[k + 1] && c.both > 0) {
            if (!d.publication) rate = double(n) / double(c.both);
            else if (const auto r = d.rate(n, c.both - n, true)) rate = r->rate;
        }
        // Not shown: "." when nobody had both roles, "x" when a publication keeps it back (issue 28).
        const Symbol missing = c.both == 0 ? Symbol::unknown : Symbol::secret;
        out.push_back(rate ? Cell{Cell::Kind::rate, d.percent(*rate) + " %", *rate, {}}
                           : text_cell(std::string(kSymbolText[unsigned(missing)])));
    }
    return out;
}

std::vector<std::string> count_columns(std::string first) {
    return {std::move(first),
            "dossiers met ondersteuner en beslisser",
            "zelfde persoon (ONA-01)",
            "% ONA-01",
            "ondersteuner deed onderzoek (ONA-02)",
            "% ONA-02",
            "zelfde team (ONA-03)",
            "% ONA-03"};
}

// Whether a publication may show the parts (months, teams) of each count beside the total. A total
// that is the same number as a count of the rule table (the dossiers ONA-01 applies to, those where
// ONA-03 deviates) is read with that table (issue 27): its parts may neither narrow a suppressed count
// of the rule nor be narrowed by what the rule table tells of their total.
std::array<bool, 4> parts_allowed(const SeparationView& v, const std::vector<SeparationCounts>& parts,
                                  const SeparationCounts& total, const Disclosure& d) {
    std::array<bool, 4> ok{};
    for (std::size_t k = 0; k < 4; ++k) {
        std::vector<std::size_t> values;
        for (const SeparationCounts& p : parts) values.push_back(k == 0 ? p.both : p.deviating[k - 1]);
        const std::size_t n = k == 0 ? total.both : total.deviating[k - 1];
        ok[k] = d.breakdown_shown(parts.size()) && d.parts_shown(values, n);
        if (!ok[k] || n == 0) continue;
        std::pair<std::size_t, std::size_t> sum{0, 0};
        for (const std::size_t x : values) {
            const auto [lo, hi] = d.range(x);
            sum.first += lo;
            sum.second += hi;
        }
        for (std::size_t r = 0; r < 3 && ok[k]; ++r) {
            if (!v.in_run[r]) continue;
            const auto& [a, c, dev, u] = v.rule_counts[r];
            const RuleCounts rule{a, c, dev, u};
            const bool sums = d.sums_shown(rule);
            for (const bool applicable : {true, false}) {
                if ((applicable ? a : dev) != n) continue;
                const auto told = applicable ? d.applicable_span(rule, sums) : d.violations_span(rule, sums);
                const auto [lo, hi] = d.range(n);
                Disclosure::Known k_rule;
                (applicable ? k_rule.applicable : k_rule.violations) =
                    std::pair{std::max(sum.first, lo), std::min(sum.second, hi)};
                ok[k] = ok[k] && d.parts_shown(values, n, {std::max(told.first, lo), std::min(told.second, hi)}) &&
                        d.sums_safe(rule, sums, k_rule);
            }
        }
    }
    return ok;
}

}  // namespace

std::string month_words(const std::string& m) {
    const std::string day =
        Date::from_ymd(std::stoi(m.substr(0, 4)), unsigned(std::stoi(m.substr(5, 2))), 1).dutch_long();
    return day.substr(day.find(' ') + 1);
}

Symbols symbols_in(const SeparationTable& t) {
    Symbols used;
    for (const auto& row : t.rows)
        for (const Cell& c : row)
            for (unsigned k = 0; k < std::size(kSymbolText); ++k)
                if (c.kind == Cell::Kind::text && c.text == kSymbolText[k]) used.note(Symbol(k));
    return used;
}

SeparationTables separation_tables(const SeparationView& v, const Disclosure& d) {
    SeparationTables out;
    const std::array<bool, 4> all{true, true, true, true};
    {
        SeparationTable t{
            "per-maand",
            "Alle teams per maand",
            "Per maand van het (eerste) besluit: de dossiers met zowel een cliëntondersteuner als een "
            "beslisser, en hoeveel daarvan elk van de drie afwijkingen hebben, apart geteld (één dossier kan "
            "in meer kolommen staan). Een afwijking telt in de maand waarin ze ontstond: een ondersteuner die "
            "pas in bezwaar zelf beslist (ONA-01), telt in de maand van de beslissing op bezwaar, en het "
            "dossier telt dan ook in die maand mee. Daardoor kunnen de maanden samen meer dossiers tellen dan "
            "het totaal, dat elk dossier één keer telt. Een maand zonder zulke dossiers staat er met 0.",
            count_columns("maand van het besluit"),
            {},
            true};
        const std::array<bool, 4> ok = d.publication ? parts_allowed(v, v.per_month, v.total, d) : all;
        for (std::size_t m = 0; m < v.months.size(); ++m) {
            std::vector<Cell> row{month_cell(v.months[m])};
            for (Cell& c : count_cells(v, v.per_month[m], d, ok)) row.push_back(std::move(c));
            t.rows.push_back(std::move(row));
        }
        std::vector<Cell> total{text_cell("totaal")};
        for (Cell& c : count_cells(v, v.total, d, all)) total.push_back(std::move(c));
        t.rows.push_back(std::move(total));
        out.tables.push_back(std::move(t));
    }
    std::vector<SeparationCounts> team_totals;
    for (const auto& t : v.teams) team_totals.push_back(t.total);
    if (d.breakdown_shown(v.teams.size())) {
        SeparationTable t{
            "per-team",
            "Per team",
            "Over de hele periode, per team (het team dat de meeste gebeurtenissen van het dossier vastlegde).",
            count_columns("team"),
            {},
            true};
        const std::array<bool, 4> ok = d.publication ? parts_allowed(v, team_totals, v.total, d) : all;
        for (const auto& team : v.teams) {
            std::vector<Cell> row{text_cell(team.name)};
            for (Cell& c : count_cells(v, team.total, d, ok)) row.push_back(std::move(c));
            t.rows.push_back(std::move(row));
        }
        std::vector<Cell> total{text_cell("totaal")};
        for (Cell& c : count_cells(v, v.total, d, all)) total.push_back(std::move(c));
        t.rows.push_back(std::move(total));
        out.tables.push_back(std::move(t));
    } else {
        out.left_out.push_back(
            "De verdeling per team: bij één of twee teams is het ene team uit het totaal af te leiden.");
    }
    if (d.publication) {
        out.left_out.push_back("Per team en maand: te kleine aantallen om veilig te publiceren.");
        out.left_out.push_back("Gegevens per medewerker: die verlaten de organisatie niet.");
        return out;
    }
    {
        std::vector<std::string> columns = count_columns("maand van het besluit");
        columns.insert(columns.begin(), "team");
        SeparationTable t{"per-team-maand",
                          "Per team en maand",
                          "Elk team over dezelfde maanden als hierboven, ook de maanden zonder dossiers van dat team.",
                          columns,
                          {},
                          false};
        for (const auto& team : v.teams)
            for (std::size_t m = 0; m < v.months.size(); ++m) {
                std::vector<Cell> row{text_cell(team.name), month_cell(v.months[m])};
                for (Cell& c : count_cells(v, team.per_month[m], d, all)) row.push_back(std::move(c));
                t.rows.push_back(std::move(row));
            }
        out.tables.push_back(std::move(t));
    }
    {
        SeparationTable t{
            "per-medewerker",
            "Per medewerker",
            "Medewerkers (pseudoniemen) die in het ene dossier cliëntondersteuner en in een ander beslisser zijn, "
            "of over wie ONA-01 of ONA-02 een bevinding geeft; met de dossiers waarin zij beide waren. Het "
            "team is het team dat het vaakst bij hun gebeurtenissen staat; eerste en laatste: de datum van de "
            "eerste en de laatste bevinding van ONA-01 of ONA-02 over hen.",
            {"medewerker", "team", "dossiers als ondersteuner", "dossiers als beslisser", "zelf beslist (ONA-01)",
             "dossiers ONA-01", "zelf onderzocht (ONA-02)", "dossiers ONA-02", "eerste", "laatste"},
            {},
            false};
        const auto list = [](const std::vector<std::string>& ids) {
            std::string s;
            for (const std::string& id : ids) s += (s.empty() ? "" : ", ") + id;
            return Cell{Cell::Kind::dossiers, s, double(ids.size()), ids};
        };
        const auto n = [](std::size_t k) { return Cell{Cell::Kind::count, std::to_string(k), double(k), {}}; };
        const auto day = [](const std::string& iso) {
            const auto date = parse_iso_date(iso);
            return text_cell(date ? date->dutch_long() : std::string());
        };
        for (const auto& p : v.persons)
            t.rows.push_back({text_cell(p.id), text_cell(p.team.empty() ? "(geen team)" : p.team), n(p.as_ondersteuner),
                              n(p.as_beslisser), n(p.same_person.size()), list(p.same_person),
                              n(p.did_onderzoek.size()), list(p.did_onderzoek), day(p.first), day(p.last)});
        out.tables.push_back(std::move(t));
    }
    return out;
}

}  // namespace wmotoets
