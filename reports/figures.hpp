#pragma once
// Compliance figures per rule (rules.md): cases, never events; onbekend beside, never hidden.
#include <optional>
#include <utility>
#include <vector>

#include "workflow/engine.hpp"

namespace wmotoets {

struct Figure {
    const Rule* rule = nullptr;
    std::size_t applicable = 0, compliant = 0, violations = 0, unknown = 0;
    std::optional<double> rate;                    // violations / (compliant + violations)
    std::optional<std::pair<double, double>> ci95; // Wilson score interval
};

// Wilson score interval at 95 % for k successes out of n (n > 0).
std::pair<double, double> wilson95(std::size_t k, std::size_t n);

std::vector<Figure> compute_figures(const CheckResult& result);

}  // namespace wmotoets
