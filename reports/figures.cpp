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

std::vector<Figure> compute_figures(const CheckResult& result) {
    std::vector<Figure> out(result.rules.size());
    for (std::size_t r = 0; r < result.rules.size(); ++r) out[r].rule = result.rules[r];
    const std::size_t n_rules = result.rules.size();
    for (std::size_t i = 0; i < result.outcomes.size(); ++i) {
        Figure& f = out[i % n_rules];
        switch (result.outcomes[i]) {
            case Outcome::voldaan: ++f.compliant; break;
            case Outcome::overtreden: ++f.violations; break;
            case Outcome::onbekend: ++f.unknown; break;
            case Outcome::niet_van_toepassing: break;
        }
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
