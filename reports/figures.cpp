#include "reports/figures.hpp"

#include <cmath>

namespace wmotoets {

std::pair<double, double> wilson95(std::size_t k, std::size_t n) {
    constexpr double z = 1.959963984540054;
    const double nn = double(n), p = double(k) / nn, z2 = z * z;
    const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    const double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

void tally(std::span<const Outcome> row, std::span<RuleCounts> counts) {
    for (std::size_t r = 0; r < row.size() && r < counts.size(); ++r) {
        RuleCounts& c = counts[r];
        switch (row[r]) {
        case Outcome::niet_van_toepassing: continue;
        case Outcome::voldaan: ++c.compliant; break;
        case Outcome::overtreden: ++c.violations; break;
        case Outcome::onbekend: ++c.unknown; break;
        }
        ++c.applicable;
    }
}

std::vector<Figure> compute_figures(const CheckResult& result) {
    const std::size_t n_rules = result.rules.size();
    std::vector<RuleCounts> counts(n_rules);
    for (std::size_t c = 0; n_rules > 0 && c < result.outcomes.size() / n_rules; ++c)
        tally(std::span(result.outcomes).subspan(c * n_rules, n_rules), counts);
    std::vector<Figure> out(n_rules);
    for (std::size_t r = 0; r < n_rules; ++r) {
        Figure& f = out[r];
        f.rule = result.rules[r];
        f.applicable = counts[r].applicable;
        f.compliant = counts[r].compliant;
        f.violations = counts[r].violations;
        f.unknown = counts[r].unknown;
        const std::size_t judged = f.compliant + f.violations;
        if (judged > 0) {
            f.rate = double(f.violations) / double(judged);
            f.ci95 = wilson95(f.violations, judged);
        }
    }
    return out;
}

RunRecord::Figure figure_record(const Figure& f) {
    RunRecord::Figure y;
    const RuleInfo& info = f.rule->info();
    y.rule = std::string(info.id);
    y.title = std::string(info.title);
    y.severity = info.severity;
    y.applicable = f.applicable;
    y.compliant = f.compliant;
    y.violations = f.violations;
    y.unknown = f.unknown;
    y.rate = f.rate;
    if (f.ci95) {
        y.lo = f.ci95->first;
        y.hi = f.ci95->second;
    }
    return y;
}

std::vector<RunRecord::Figure> figure_records(const std::vector<Figure>& figures) {
    std::vector<RunRecord::Figure> out;
    out.reserve(figures.size());
    for (const Figure& f : figures) out.push_back(figure_record(f));
    return out;
}

}  // namespace wmotoets
