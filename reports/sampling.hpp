#pragma once
// Attribute sampling for the auditor (AICPA audit guide "Audit Sampling"): how many dossiers to
// judge, and what the deviations found in them say about all dossiers. Confidence and rates are
// fractions (0.95, 0.05).
#include <cstddef>
#include <optional>
#include <string>

namespace wmotoets {

// The smallest sample size n such that, were the population's deviation rate the tolerable
// rate, finding at most `deviations` deviations would have a chance of at most 1 − confidence
// (binomial; with a population of N dossiers, hypergeometric with the smallest number of deviant
// dossiers above the tolerable rate, intolerable_count: the boundary evaluate_sample uses too).
// nullopt when no sample up to the population (or 100000) suffices.
// floor(tolerable · N) + 1: 6 of 100 at 5 %, 3 of 46.
std::size_t intolerable_count(double tolerable, std::size_t population);
std::optional<std::size_t> attribute_sample_size(double confidence, double tolerable, std::size_t deviations,
                                                 std::optional<std::size_t> population = std::nullopt);

// The upper limit of the population deviation rate at `confidence` after finding `deviations`
// deviations in a sample of n (one-sided exact bound: binomial, or hypergeometric with a population).
double upper_deviation_limit(double confidence, std::size_t n, std::size_t deviations,
                             std::optional<std::size_t> population = std::nullopt);

// P(X ≤ k) for X binomial(n, p), and hypergeometric (population N with D deviant, sample n).
double binomial_cdf(std::size_t k, std::size_t n, double p);
double hypergeometric_cdf(std::size_t k, std::size_t N, std::size_t D, std::size_t n);

// An upper deviation limit as the auditor reads it: two decimals rounded up, a decimal comma ("7,79").
std::string upper_limit_text(double fraction);

// The auditor's question, in percentages as typed (95, 5).
struct SamplingQuestion {
    double confidence_percent = 95, tolerable_percent = 5;
    std::size_t deviations = 0;
    std::optional<std::size_t> population;
};
// The sample size and what it means, in Dutch (steekproef omvang); an Error when no sample suffices.
std::string sample_size_text(const SamplingQuestion& q);
// The upper deviation limit after judging `size` dossiers with q.deviations deviations, and the verdict.
struct SampleEvaluation {
    double upper = 0;
    bool met = false;  // the upper limit is not above the tolerable rate
    std::string text;  // Dutch (steekproef evalueer)
};
SampleEvaluation evaluate_sample(const SamplingQuestion& q, std::size_t size);

}  // namespace wmotoets
