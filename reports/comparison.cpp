#include "reports/comparison.hpp"

#include <fmt/format.h>

#include <cmath>

#include "reports/figures.hpp"
#include "reports/groups.hpp"
#include "reports/writers.hpp"
#include "workflow/lead_times.hpp"

namespace wmotoets {

RateDifference newcombe(double p1, double l1, double u1, double p2, double l2, double u2) {
    const double d = p1 - p2;
    return {d, d - std::sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)),
            d + std::sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2))};
}

RateDifference newcombe(std::size_t k1, std::size_t n1, std::size_t k2, std::size_t n2) {
    const auto [l1, u1] = wilson95(k1, n1);
    const auto [l2, u2] = wilson95(k2, n2);
    return newcombe(double(k1) / double(n1), l1, u1, double(k2) / double(n2), l2, u2);
}

std::string_view lead_phase_words(std::string_view code) {
    for (const PhaseInfo& p : phases())
        if (p.code == code) return p.words;
    return code;
}

std::string points_text(double fraction, const Disclosure& d) {
    const double points = fraction * 100;
    std::string text =
        d.publication ? fmt::format("{:.0f}", std::abs(std::round(points))) : fmt::format("{:.1f}", std::abs(points));
    for (char& c : text)
        if (c == '.') c = ',';
    if (text == "0" || text == "0,0") return text;
    return (points < 0 ? "−" : "+") + text;
}

std::vector<ComparedRule> compare_rules(const RunRecord& run, const Comparison& c, const Disclosure& d) {
    std::vector<ComparedRule> out;
    const std::vector<bool> sums_now = rule_sums_shown(run, d), sums_before = rule_sums_shown(c.previous_run, d);
    for (const RunRecord::Figure& f : run.figures) {
        ComparedRule row;
        row.now = &f;
        const std::size_t i = std::size_t(&f - run.figures.data());
        row.judged_now = i < sums_now.size() && sums_now[i];
        for (std::size_t j = 0; j < c.previous_run.figures.size(); ++j)
            if (c.previous_run.figures[j].rule == f.rule) {
                row.before = &c.previous_run.figures[j];
                row.judged_before = j < sums_before.size() && sums_before[j];
            }
        row.rate_now = d.rate(f.violations, f.compliant);
        if (row.before) row.rate_before = d.rate(row.before->violations, row.before->compliant);
        if (row.rate_now && row.rate_before) {
            // From the counts as shown (exact outside a publication): nothing a reader could not compute.
            const std::size_t k1 = d.shown(f.violations), n1 = k1 + d.shown(f.compliant);
            const std::size_t k2 = d.shown(row.before->violations), n2 = k2 + d.shown(row.before->compliant);
            RateDifference diff = newcombe(k1, n1, k2, n2);
            if (d.publication) {
                auto whole = [](double x) { return std::round(x * 100) / 100; };
                diff = {whole(diff.diff), whole(diff.lo), whole(diff.hi)};
            }
            row.difference = diff;
            if (diff.lo > 0 || diff.hi < 0) {
                const bool better = diff.hi < 0;  // fewer deviations now
                const bool signaal = f.severity == Severity::signaal;
                const std::string how = signaal ? (better ? "minder vaak gesignaleerd" : "vaker gesignaleerd")
                                                : (better ? "vaker nageleefd" : "minder vaak nageleefd");
                row.sentence = fmt::format(
                    "{} is in {} {} dan in {}: {} % {} tegen {} % (verschil {} procentpunt, 95%-interval {} tot {}).",
                    f.rule, c.current.words(), how, c.previous.words(), d.percent(row.rate_now->rate),
                    deviation_words(f.severity), d.percent(row.rate_before->rate), points_text(diff.diff, d),
                    points_text(diff.lo, d), points_text(diff.hi, d));
            }
        }
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace wmotoets
