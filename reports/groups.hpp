#pragma once
// Dossiers in groups — by team, by quarter — and their outcome counts per rule, for the breakdowns
// of the reports (with what of them a publication may show).
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "model/event_log.hpp"
#include "model/run.hpp"
#include "reports/figures.hpp"
#include "reports/lead_times.hpp"
#include "reports/publication.hpp"

namespace wmotoets {

// A dossier's team: the team most of its events name (ties: the first), "" when none.
std::string dossier_team(const EventLog& log, const Dossier& c);
// The quarter of a dossier's first cycle in `period` (all cycles when none), by the date of its melding
// or herbeoordeling (the cohort, issue 28: the same date as the lead times' quarters), e.g. "2024-K2";
// "" when it has none in the period.
std::string dossier_quarter(const EventLog& log, const Dossier& c, const std::optional<Period>& period);

// The dates the data of a run covers: from the log's first event to the peildatum, within the run's
// period; none without a peildatum or events.
std::optional<Period> data_coverage(const EventLog& log, const RunRecord& run);
// A quarter ("2024-K2") the data covers only in part: marked "(deels)" wherever quarters are shown.
bool quarter_partial(const std::string& quarter, const std::optional<Period>& covered);

// Outcome counts per rule of the run (in run order) for each group of its dossiers; `key_of`
// names a dossier's group ("" becomes `unnamed`).
std::map<std::string, std::vector<RuleCounts>> counts_by(const EventLog& log, const RunRecord& run,
                                                         const std::function<std::string(const Dossier&)>& key_of,
                                                         const std::string& unnamed);

// Per rule of the run: whether its row of the breakdown `groups` is shown (Disclosure::
// breakdown_row_shown against the rule's figures), read together with the breakdown `other` where
// that one is shown too.
std::vector<bool> breakdown_rows_shown(const RunRecord& run,
                                       const std::map<std::string, std::vector<RuleCounts>>& groups,
                                       const Disclosure& d,
                                       const std::map<std::string, std::vector<RuleCounts>>* other = nullptr);

// Per figure of the run: whether its sums (applicable, judged) are shown in a publication. Besides
// Disclosure::sums_shown of its own row, rules are read together (issue 27 point 5): where one rule's
// applicable or judged count is exactly another's (PRO-05's applicable and TRM-03's judged are both the
// decided objections), the other's published sum would tell a kept-back one; then neither is shown.
std::vector<bool> rule_sums_shown(const RunRecord& run, const Disclosure& d);

// Secondary suppression across tables (issue 27 point 5; docs/spec/output.md "Publication"). A count
// of the lead-time tables can be the same number as a rule's applicable or judged count (the decided
// objections are both the bezwaar-beslissing "afgerond" and the dossiers PRO-05 applies to): read
// together, the two tables tell more than each. Wherever a lead-time count equals such a count of a
// rule (in total, or in a quarter or team of both breakdowns) and the combination narrows a suppressed
// count of either table to fewer than three values, the lead-time row (with its breakdowns) or the
// breakdown is kept back. Exact equality in the data is what an outsider may guess; a relation that
// does not hold in the data tells nothing.
void withhold_linked_lead_times(const EventLog& log, const RunRecord& run, const Disclosure& d,
                                std::vector<LeadPhaseView>& lead);

}  // namespace wmotoets
