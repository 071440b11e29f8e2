#pragma once
// A reporting period compared with another (issue 28, `rapport --vergelijk`): per rule both periods'
// rates of deviation, their difference in percentage points with Newcombe's hybrid score interval, and
// a sentence only where that interval leaves out 0; the lead-time medians of both side by side.
#include <optional>
#include <string>
#include <vector>

#include "model/period.hpp"
#include "model/run.hpp"
#include "reports/publication.hpp"

namespace wmotoets {

// A difference of two proportions (fractions) with its 95 % interval.
struct RateDifference {
    double diff = 0, lo = 0, hi = 0;
};

// Newcombe's hybrid score interval for p1 − p2 (Newcombe 1998, method 10), from the two Wilson
// intervals [l1, u1] and [l2, u2]: diff − √((p1 − l1)² + (u2 − p2)²) to diff + √((u1 − p1)² + (p2 − l2)²).
RateDifference newcombe(double p1, double l1, double u1, double p2, double l2, double u2);
// The same from counts: k1 of n1 against k2 of n2 (both n > 0).
RateDifference newcombe(std::size_t k1, std::size_t n1, std::size_t k2, std::size_t n2);

// The run of the period before, for comparison.
struct Comparison {
    Period current, previous;
    RunRecord previous_run;  // its figures and lead times (checked the same way, on the same peildatum)
};

// One rule in both periods, as shown (a publication shows a difference only where both rates are shown,
// computed from the shown counts and in whole percentage points).
struct ComparedRule {
    const RunRecord::Figure* now = nullptr;     // never null
    const RunRecord::Figure* before = nullptr;  // null: the rule was not part of the earlier check
    std::optional<ShownRate> rate_now, rate_before;
    // Whether the judged counts may be shown (groups.hpp rule_sums_shown, in each period's own run): in a
    // publication a judged count beside a suppressed violations count could tell it.
    bool judged_now = true, judged_before = false;
    std::optional<RateDifference> difference;
    std::string sentence;  // only when the interval leaves out 0; plain text
};
std::vector<ComparedRule> compare_rules(const RunRecord& run, const Comparison& c, const Disclosure& d);

// A phase's words for people ("Van melding tot verslag (het onderzoek)") from its code; the code when unknown.
std::string_view lead_phase_words(std::string_view code);
// Whether a median of a lead time may be shown beside another period's (a publication: at least twice
// the threshold of started cycles, as reports/publication.hpp lead_shown).
inline bool median_shown(const Disclosure& d, const RunRecord::LeadTime& l) {
    return l.mediaan && (!d.publication || l.started >= 2 * d.threshold);
}

// "+2,4" / "−1,0" (in a publication whole points: "+2"): a difference of fractions in percentage points.
std::string points_text(double fraction, const Disclosure& d);

}  // namespace wmotoets
