#include "reports/figures.hpp"

#include <array>
#include <cmath>

namespace wmotoets {

std::pair<double, double> wilson95(std::size_t k, std::size_t n) {
    constexpr double z = 1.959963984540054;
    const double nn = double(n), p = double(k) / nn, z2 = z * z;
    const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    const double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::vector<Figure> compute_figures(const CheckResult& result) {
    std::vector<Figure> out(result.rules.size());
    for (std::size_t r = 0; r < result.rules.size(); ++r) out[r].rule = result.rules[r];
    const std::size_t n_rules = result.rules.size();
    // Outcomes are case-major (one row of n_rules per case): counted per rule and outcome value.
    std::vector<std::array<std::size_t, 4>> counts(n_rules, std::array<std::size_t, 4>{});
    const Outcome* row = result.outcomes.data();
    for (std::size_t c = 0; n_rules > 0 && c < result.outcomes.size() / n_rules; ++c, row += n_rules)
        for (std::size_t r = 0; r < n_rules; ++r) ++counts[r][static_cast<std::uint8_t>(row[r]) & 3];
    for (std::size_t r = 0; r < n_rules; ++r) {
        Figure& f = out[r];
        f.compliant = counts[r][static_cast<std::uint8_t>(Outcome::voldaan)];
        f.violations = counts[r][static_cast<std::uint8_t>(Outcome::overtreden)];
        f.unknown = counts[r][static_cast<std::uint8_t>(Outcome::onbekend)];
    }
    for (Figure& f : out) {
        f.applicable = f.compliant + f.violations + f.unknown;
        const std::size_t judged = f.compliant + f.violations;
        if (judged > 0) {
            f.rate = double(f.violations) / double(judged);
            f.ci95 = wilson95(f.violations, judged);
        }
    }
    return out;
}

}  // namespace wmotoets
