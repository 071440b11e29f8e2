#pragma once
// Statistical disclosure control: what a publication (rapport --publicatie, docs/spec/output.md
// "Publication") may show of a count, a rate, a breakdown or a lead time, so that nobody can
// recompute a number kept back. Every writer of a published number asks here.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reports/figures.hpp"
#include "reports/lead_times.hpp"
#include "util/text.hpp"

namespace wmotoets {

// What a table cell shows instead of a number, as CBS writes it (issue 28), and the key that names
// them under the table:
//   .  cijfer onbekend of niet te berekenen (nothing judged, an estimate that does not reach so far)
//   x  geheim: kept back in a publication (a count of 1 up to the threshold − 1, or a figure that
//      would betray one)
//   –  nihil: really 0 (a rule that applies to no dossier of a group)
//   *  kleine groep: a figure shown, from fewer than kLeadGroupWarning started dossiers
enum class Symbol : unsigned { unknown, secret, nil, small };
inline constexpr std::string_view kSymbolText[] = {".", "x", "–", "*"};

// The symbols one table has used, for its key: every writer writes a symbol through here.
class Symbols {
public:
    std::string operator()(Symbol s) {
        used_ |= 1u << unsigned(s);
        return std::string(kSymbolText[unsigned(s)]);
    }
    void note(Symbol s) { used_ |= 1u << unsigned(s); }
    bool used(Symbol s) const { return (used_ >> unsigned(s)) & 1u; }
    void clear() { used_ = 0; }

private:
    unsigned used_ = 0;
};

// A rate of violations among the judged dossiers with its 95 % interval (fractions), as shown.
struct ShownRate {
    double rate = 0, lo = 0, hi = 0;
};

// Statistical disclosure control for reports that leave the organisation (rapport --publicatie,
// docs/spec/output.md "Publication"): nobody may recompute a number kept back from anything published.
// Counts: 0 as 0, 1 up to threshold − 1 as "x" (geheim, as CBS writes it), others rounded to the base (never below
// the threshold). Rates and intervals only when the violations and the compliant count are both 0
// or at least the threshold, computed from the shown counts, in whole percents. A breakdown with
// one or two groups is not shown. Outside a publication everything is exact.
struct Disclosure {
    bool publication = false;
    std::size_t threshold = 10, base = 5;

    bool suppressed(std::size_t n) const { return publication && n > 0 && n < threshold; }
    // The count as shown (only meaningful when not suppressed).
    std::size_t shown(std::size_t n) const {
        if (!publication || n == 0) return n;
        const std::size_t rounded = (n + base / 2) / base * base;
        const std::size_t floor = (threshold + base - 1) / base * base;
        return rounded < floor ? floor : rounded;
    }
    std::string text(std::size_t n) const {
        if (!suppressed(n)) return grouped(shown(n));  // "18.903", as every number for people
        return std::string(kSymbolText[unsigned(Symbol::secret)]);
    }
    // The same, noting "x" in `symbols` for the table's key.
    std::string text(std::size_t n, Symbols& symbols) const {
        if (suppressed(n)) symbols.note(Symbol::secret);
        return text(n);
    }
    // The rate as published, from `violations` and `compliant` (nullopt: none, "x" or "."): from the shown
    // violations and compliant counts, or with `of_judged` from the shown violations and the shown
    // judged count (where a table shows those two and not the compliant count).
    std::optional<ShownRate> rate(std::size_t violations, std::size_t compliant, bool of_judged = false) const;
    // What stands instead of a rate that is not shown: "x" where a publication keeps its violations or
    // compliant count back, "." where nothing was judged.
    Symbol missing_rate(std::size_t violations, std::size_t compliant) const {
        return suppressed(violations) || suppressed(compliant) ? Symbol::secret : Symbol::unknown;
    }
    // Beside a shown rate whose onbekend is at least a tenth of the applicable dossiers (issue 28): the
    // rate if every onbekend dossier deviated, with its interval, from the shown counts (whole percents in
    // a publication). None when onbekend is smaller or kept back, or the rate itself is not shown.
    std::optional<ShownRate> worst_case(const RuleCounts& c, bool rate_shown) const;
    // v of n shown counts as a rate with Wilson's 95 % interval, in whole percents in a publication; none
    // when n is 0. What rate() and worst_case() give once they know their shown counts.
    std::optional<ShownRate> rate_of_shown(std::size_t v, std::size_t n) const;
    // A rate as text: "25,8" outside a publication, whole percents ("26") in one.
    std::string percent(double fraction) const;
    // Whether a breakdown into `groups` groups may be shown.
    bool breakdown_shown(std::size_t groups) const { return !publication || groups >= 3; }
    // The exact counts a shown count stands for (what a reader can tell from it).
    std::pair<std::size_t, std::size_t> range(std::size_t n) const;
    // Secondary suppression of a breakdown: whether the row of one rule may be shown, split into
    // `groups`, next to its published `total` (violations, judged, unknown). Not when the published
    // totals and the other groups narrow a suppressed count (a group's, or the total's) to fewer
    // than three values: "<10" in a group says "at least 1", and enough of them against a rounded
    // total tell the exact numbers.
    // `other`: the groups of another breakdown shown beside it (quarters beside teams): it adds up to
    // the same totals, and the two are read together (issue 27).
    bool breakdown_row_shown(const RuleCounts& total, const std::vector<RuleCounts>& groups,
                             const std::vector<RuleCounts>& other = {}) const;
    // Secondary suppression of a rule's sums: whether "van toepassing" (applicable) and the judged
    // count may be shown next to its compliant, violations and unknown counts. Not when those sums
    // narrow a suppressed count to fewer than three values (applicable 10, compliant 10, violations
    // and unknown "<10": both are 1).
    bool sums_shown(const RuleCounts& total) const;
    // Across tables (issue 27 point 5): what another table tells about a row's applicable, judged or
    // compliant count (the exact values it can be, from that table's published cells).
    struct Known {
        std::optional<std::pair<std::size_t, std::size_t>> applicable, judged, compliant, violations, unknown;
    };
    // Whether no suppressed count of a row (compliant, violations, unknown, applicable) is narrowed to
    // fewer than three values by its published cells (with its sums when `sums`) and what `known` adds.
    bool sums_safe(const RuleCounts& total, bool sums, const Known& known) const;
    // The values a row's applicable or judged count can have, from its published cells (with its sums
    // when `sums`).
    std::pair<std::size_t, std::size_t> applicable_span(const RuleCounts& total, bool sums) const;
    std::pair<std::size_t, std::size_t> judged_span(const RuleCounts& total, bool sums) const;
    std::pair<std::size_t, std::size_t> violations_span(const RuleCounts& total, bool sums) const;
    // Whether the parts of a published `total` (a row of months) may be shown beside it.
    bool parts_shown(const std::vector<std::size_t>& parts, std::size_t total) const;
    // The same when another table tells that `total` lies within `whole` (its exact values).
    bool parts_shown(const std::vector<std::size_t>& parts, std::size_t total,
                     std::pair<std::size_t, std::size_t> whole) const;
    // The rule applied, in Dutch, for the report (plain text, the same in HTML).
    std::string rule() const;
    // The key under a table: what each symbol it used means and, in a publication, the rounding and
    // the threshold. Empty outside a publication when the table used no symbol.
    std::string key(const Symbols& used, bool html = true) const;
};

// What of a lead-time estimate may be shown (docs/spec/output.md "Publication"): the started count only when
// it cannot betray a suppressed part, the quantiles only for at least twice the threshold of
// started dossiers; a breakdown only when Disclosure allows it for those counts.
struct LeadShown {
    bool started = true, quantiles = true;
};
LeadShown lead_shown(const Disclosure& d, const LeadEstimate& e);
// A lead-time share (afgerond, beëindigd, open) beside its count: in a publication not when that count
// is kept back — a whole percent of a published group size would give it away (4 % of 45 is 2).
inline bool lead_share_shown(const Disclosure& d, std::size_t count) { return !d.suppressed(count); }
bool lead_breakdown_shown(const Disclosure& d, const LeadEstimate& total, const std::vector<LeadGroup>& groups);

}  // namespace wmotoets
