#include "reports/sample_draw.hpp"

#include <algorithm>

#include "util/error.hpp"

namespace wmotoets {

std::uint64_t SplitMix64::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t SplitMix64::below(std::uint64_t bound) {
    // Reject the top partial range so every value is equally likely.
    const std::uint64_t limit = ~std::uint64_t(0) - (~std::uint64_t(0) % bound);
    for (;;) {
        const std::uint64_t x = next();
        if (x < limit) return x % bound;
    }
}

std::map<std::string, std::size_t> allocate(const std::map<std::string, std::size_t>& sizes, std::size_t n) {
    std::size_t total = 0;
    for (const auto& [name, size] : sizes) total += size;
    std::map<std::string, std::size_t> out;
    if (total == 0) return out;
    struct Rest {
        std::string name;
        std::size_t remainder;  // of size * n / total, in units of 1/total
    };
    std::vector<Rest> rests;
    std::size_t given = 0;
    for (const auto& [name, size] : sizes) {
        const std::size_t whole = size * n / total;
        out[name] = whole;
        given += whole;
        rests.push_back({name, size * n % total});
    }
    std::stable_sort(rests.begin(), rests.end(),
                     [](const Rest& a, const Rest& b) { return a.remainder > b.remainder; });
    for (std::size_t i = 0; given < n && i < rests.size(); ++i, ++given) ++out[rests[i].name];
    return out;
}

DrawnSample draw_sample(std::vector<SampleUnit> population, std::size_t n, std::uint64_t seed) {
    if (n > population.size())
        throw Error("steekproef van " + std::to_string(n) + " dossiers gevraagd, maar de populatie telt er " +
                    std::to_string(population.size()));
    std::sort(population.begin(), population.end(),
              [](const SampleUnit& a, const SampleUnit& b) { return a.case_id < b.case_id; });
    DrawnSample s;
    s.seed = seed;
    s.population = population.size();
    std::map<std::string, std::vector<SampleUnit>> strata;
    for (SampleUnit& u : population) strata[u.stratum].push_back(std::move(u));
    for (const auto& [name, units] : strata) s.stratum_sizes[name] = units.size();
    s.allocation = allocate(s.stratum_sizes, n);
    SplitMix64 rng(seed);
    for (auto& [name, units] : strata) {
        const std::size_t take = s.allocation[name];
        for (std::size_t i = 0; i < take; ++i) {
            const std::size_t j = i + rng.below(units.size() - i);
            std::swap(units[i], units[j]);
            s.drawn.push_back(units[i]);
        }
    }
    return s;
}

}  // namespace wmotoets
