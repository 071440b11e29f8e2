#include "reports/groups.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "workflow/facts.hpp"

namespace wmotoets {

std::string dossier_team(const EventLog& log, const Dossier& c) {
    std::vector<std::pair<StrId, std::size_t>> counts;
    for (std::uint32_t i : log.events_of(c)) {
        const StrId team = log.who(log.events[i]).team;
        if (team == 0) continue;
        auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& p) { return p.first == team; });
        if (it == counts.end()) counts.emplace_back(team, 1);
        else ++it->second;
    }
    if (counts.empty()) return {};
    const auto best = std::max_element(counts.begin(), counts.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    return std::string(log.str(best->first));
}

std::map<std::string, std::vector<RuleCounts>> counts_by(const EventLog& log, const RunRecord& run,
                                                         const std::function<std::string(const Dossier&)>& key_of,
                                                         const std::string& unnamed) {
    std::map<std::string, std::vector<RuleCounts>> groups;
    for (std::size_t c = 0; c < run.case_ids.size(); ++c) {
        const auto at = log.dossier_position(run.case_ids[c]);
        std::string key = at ? key_of(log.dossiers[*at]) : std::string();
        if (key.empty()) key = unnamed;
        auto& counts = groups[key];
        counts.resize(run.rules.size());
        tally(run.outcomes_of(c), counts);
    }
    return groups;
}

std::vector<bool> breakdown_rows_shown(const RunRecord& run,
                                       const std::map<std::string, std::vector<RuleCounts>>& groups,
                                       const Disclosure& d,
                                       const std::map<std::string, std::vector<RuleCounts>>* other) {
    std::vector<bool> shown(run.rules.size(), true);
    const bool with_other = other && d.breakdown_shown(other->size());
    for (std::size_t r = 0; r < run.rules.size() && r < run.figures.size(); ++r) {
        const RunRecord::Figure& f = run.figures[r];
        std::vector<RuleCounts> per_group, per_other;
        for (const auto& [key, counts] : groups) per_group.push_back(counts[r]);
        if (with_other)
            for (const auto& [key, counts] : *other) per_other.push_back(counts[r]);
        shown[r] = d.breakdown_row_shown({f.applicable, f.compliant, f.violations, f.unknown}, per_group, per_other);
    }
    return shown;
}

std::optional<Period> data_coverage(const EventLog& log, const RunRecord& run) {
    const auto peildatum = parse_iso_date(run.peildatum);
    if (!peildatum || !log.has_events()) return std::nullopt;
    const Date first = log.earliest_date(*peildatum);
    Period covered{first, *peildatum};
    if (const auto p = run.period()) covered = Period{std::max(first, p->van), std::min(*peildatum, p->tot)};
    return covered;
}

bool quarter_partial(const std::string& quarter, const std::optional<Period>& covered) {
    const auto q = parse_period(quarter);
    return q && covered && (q->van < covered->van || q->tot > covered->tot);
}

std::string dossier_quarter(const EventLog& log, const Dossier& c, const std::optional<Period>& period) {
    thread_local DossierFacts facts;
    // One calendar for all calls: building one (the holidays of two centuries) per dossier took 26 s of a
    // report of 20,000 dossiers. Which events form which cycle does not depend on it.
    static const Calendar calendar;
    if (log.events_of(c).empty() || !replay(log, c, calendar, ReplayIds(log), period, facts) || facts.cycles.empty())
        return {};
    return quarter_of(cycle_date(facts, facts.cycles.front()));
}

namespace {

// A lead-time row as the counts of a rule row: gestart, afgerond, lopend, the competing ends.
RuleCounts lead_counts(const LeadEstimate& e) { return {e.started, e.completed, e.running, e.competing()}; }

// The lead-time row's cell `k` (0 gestart, 1 afgerond, 2 lopend, 3 the competing ends) as known values.
void know(Disclosure::Known& k, std::size_t cell, std::pair<std::size_t, std::size_t> span) {
    (cell == 0 ? k.applicable : cell == 1 ? k.compliant : cell == 2 ? k.violations : k.unknown) = span;
}

// Whether a lead-time row and a rule row that share a number (the rule's applicable or judged count
// is the row's cell) can be published side by side.
bool linked_rows_safe(const Disclosure& d, const RuleCounts& rule, const LeadEstimate& e) {
    const RuleCounts lead = lead_counts(e);
    const bool rule_sums = d.sums_shown(rule), lead_sums = lead_shown(d, e).started;
    const std::size_t cells[4] = {lead.applicable, lead.compliant, lead.violations, lead.unknown};
    for (const bool judged : {false, true}) {
        const std::size_t m = judged ? rule.compliant + rule.violations : rule.applicable;
        if (m == 0) continue;  // a zero is published as it is: nothing to narrow
        for (std::size_t k = 0; k < 4; ++k) {
            if (cells[k] != m) continue;
            // What the lead-time row tells the rule row, and what the rule row tells the lead-time row.
            Disclosure::Known for_rule, for_lead;
            if (k != 0 || lead_sums) (judged ? for_rule.judged : for_rule.applicable) = d.range(cells[k]);
            know(for_lead, k, judged ? d.judged_span(rule, rule_sums) : d.applicable_span(rule, rule_sums));
            if (!d.sums_safe(rule, rule_sums, for_rule) || !d.sums_safe(lead, lead_sums, for_lead)) return false;
        }
    }
    return true;
}

// Whether a group of a lead-time breakdown and the same group of a rule's breakdown share a number
// while either has a suppressed cell (kept simple, and on the safe side).
bool linked_groups_risky(const Disclosure& d, const RuleCounts& rule, const LeadEstimate& e) {
    const RuleCounts lead = lead_counts(e);
    const std::size_t judged = rule.compliant + rule.violations;
    const bool rule_suppressed = d.suppressed(rule.violations) || d.suppressed(judged) || d.suppressed(rule.unknown);
    const bool lead_suppressed = d.suppressed(lead.applicable) || d.suppressed(lead.compliant) ||
                                 d.suppressed(lead.violations) || d.suppressed(lead.unknown);
    if (!rule_suppressed && !lead_suppressed) return false;
    for (const std::size_t x : {lead.applicable, lead.compliant, lead.violations, lead.unknown})
        if (x > 0 && (x == rule.applicable || x == judged)) return true;
    return false;
}

}  // namespace

std::vector<bool> rule_sums_shown(const RunRecord& run, const Disclosure& d) {
    const auto& figs = run.figures;
    std::vector<bool> shown(figs.size(), true);
    if (!d.publication) return shown;
    auto counts = [&](std::size_t i) {
        return RuleCounts{figs[i].applicable, figs[i].compliant, figs[i].violations, figs[i].unknown};
    };
    for (std::size_t i = 0; i < figs.size(); ++i) shown[i] = d.sums_shown(counts(i));
    // Until nothing changes: a rule whose sums are kept back, told them by the rules that show the same number.
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < figs.size(); ++i) {
            if (shown[i]) continue;
            const std::size_t a = figs[i].applicable, j = figs[i].compliant + figs[i].violations;
            Disclosure::Known told;
            std::vector<std::size_t> tellers;
            for (std::size_t o = 0; o < figs.size(); ++o) {
                if (o == i || !shown[o]) continue;
                const std::size_t oa = figs[o].applicable, oj = figs[o].compliant + figs[o].violations;
                for (const std::size_t x : {oa, oj}) {
                    if (x == 0) continue;
                    if (x == a) told.applicable = d.range(x);
                    if (x == j) told.judged = d.range(x);
                    if (x == a || x == j) tellers.push_back(o);
                }
            }
            if (tellers.empty() || d.sums_safe(counts(i), false, told)) continue;
            for (const std::size_t o : tellers) shown[o] = false;
            changed = true;
        }
    }
    return shown;
}

void withhold_linked_lead_times(const EventLog& log, const RunRecord& run, const Disclosure& d,
                                std::vector<LeadPhaseView>& lead) {
    if (!d.publication) return;
    const auto quarters = counts_by(
        log, run, [&](const Dossier& c) { return dossier_quarter(log, c, run.period()); }, "(onbekend)");
    const auto teams = counts_by(
        log, run, [&](const Dossier& c) { return dossier_team(log, c); }, "(onbekend)");
    const std::vector<bool> quarter_rows = breakdown_rows_shown(run, quarters, d, &teams),
                            team_rows = breakdown_rows_shown(run, teams, d, &quarters);
    for (LeadPhaseView& v : lead) {
        for (const RunRecord::Figure& f : run.figures) {
            if (linked_rows_safe(d, {f.applicable, f.compliant, f.violations, f.unknown}, v.total)) continue;
            // Kept back whole, with its breakdowns (which would add up to it).
            v.total.withheld = true;
            v.quarters.clear();
            v.teams.clear();
            break;
        }
        for (const auto& [groups, rule_groups, rows] :
             {std::tuple{&v.quarters, &quarters, &quarter_rows}, std::tuple{&v.teams, &teams, &team_rows}}) {
            if (!lead_breakdown_shown(d, v.total, *groups) || !d.breakdown_shown(rule_groups->size())) continue;
            bool risky = false;
            for (const LeadGroup& g : *groups) {
                const auto at = rule_groups->find(g.name);
                if (at == rule_groups->end()) continue;
                for (std::size_t r = 0; r < run.rules.size() && !risky; ++r)
                    risky = (*rows)[r] && linked_groups_risky(d, at->second[r], g.estimate);
            }
            if (risky) groups->clear();
        }
    }
}

}  // namespace wmotoets
