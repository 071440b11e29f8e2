#pragma once
// Compliance figures per rule (docs/spec/rules.md): cases, never events; onbekend beside, never hidden.
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "workflow/engine.hpp"

namespace wmotoets {

struct Figure {
    const Rule* rule = nullptr;
    std::size_t applicable = 0, compliant = 0, violations = 0, unknown = 0;
    std::optional<double> rate;                     // violations / (compliant + violations)
    std::optional<std::pair<double, double>> ci95;  // Wilson score interval
};

// How the dossiers of one rule came out; niet van toepassing is not counted.
struct RuleCounts {
    std::size_t applicable = 0, compliant = 0, violations = 0, unknown = 0;
};
// Adds one dossier's outcomes (one per rule, in run order) to the counts per rule. The one place
// outcomes are counted: the figures of a run and of every group of its dossiers.
void tally(std::span<const Outcome> row, std::span<RuleCounts> counts);

// Wilson score interval at 95 % for k successes out of n (n > 0).
std::pair<double, double> wilson95(std::size_t k, std::size_t n);

std::vector<Figure> compute_figures(const CheckResult& result);

// A figure as a run records it: the rule's id, title and severity as text, the interval as lo and hi.
RunRecord::Figure figure_record(const Figure& f);
std::vector<RunRecord::Figure> figure_records(const std::vector<Figure>& figures);

}  // namespace wmotoets
