#pragma once
// Drawing a reproducible random sample of dossiers for the auditor: the same seed gives the same
// dossiers on any machine (own generator and algorithm, no std::random distributions, whose
// results differ between standard libraries), proportional strata with largest remainders.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace wmotoets {

struct SampleUnit {
    std::string case_id;
    std::string stratum;  // empty without strata
};

struct DrawnSample {
    std::uint64_t seed = 0;
    std::size_t population = 0;
    std::map<std::string, std::size_t> stratum_sizes;  // population per stratum
    std::map<std::string, std::size_t> allocation;     // sample per stratum (sums to the sample size)
    std::vector<SampleUnit> drawn;                     // in draw order within each stratum, strata by name
};

// SplitMix64: a small, well-known generator with the same output everywhere.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    // Uniform in [0, bound), without modulo bias.
    std::uint64_t below(std::uint64_t bound);

private:
    std::uint64_t state_;
};

// Proportional allocation of n over the strata (largest remainder; ties by stratum name).
std::map<std::string, std::size_t> allocate(const std::map<std::string, std::size_t>& sizes, std::size_t n);

// Draws n units (throws Error when n exceeds the population). Units are first ordered by case id,
// so the input order does not matter; each stratum is drawn by a partial Fisher–Yates shuffle
// from one generator seeded with `seed`, strata in name order.
DrawnSample draw_sample(std::vector<SampleUnit> population, std::size_t n, std::uint64_t seed);

}  // namespace wmotoets
