#include "reports/sampling.hpp"

#include <algorithm>
#include <cmath>

namespace wmotoets {

namespace {
double log_choose(double n, double k) { return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1); }
}  // namespace

double binomial_cdf(std::size_t k, std::size_t n, double p) {
    if (k >= n || p <= 0) return 1.0;
    if (p >= 1) return 0.0;
    double sum = 0;
    const double lp = std::log(p), lq = std::log1p(-p);
    for (std::size_t i = 0; i <= k; ++i)
        sum += std::exp(log_choose(double(n), double(i)) + double(i) * lp + double(n - i) * lq);
    return std::min(1.0, sum);
}

double hypergeometric_cdf(std::size_t k, std::size_t N, std::size_t D, std::size_t n) {
    const double total = log_choose(double(N), double(n));
    double sum = 0;
    for (std::size_t i = 0; i <= std::min(k, std::min(D, n)); ++i) {
        if (n - i > N - D) continue;  // impossible: more good ones drawn than exist
        sum += std::exp(log_choose(double(D), double(i)) + log_choose(double(N - D), double(n - i)) - total);
    }
    return std::min(1.0, sum);
}

std::optional<std::size_t> attribute_sample_size(double confidence, double tolerable, std::size_t deviations,
                                                 std::optional<std::size_t> population) {
    const double risk = 1.0 - confidence;
    const std::size_t limit = population ? *population : 100000;
    const auto deviant = population ? static_cast<std::size_t>(std::llround(tolerable * double(*population))) : 0;
    for (std::size_t n = deviations + 1; n <= limit; ++n) {
        const double p = population ? hypergeometric_cdf(deviations, *population, deviant, n)
                                    : binomial_cdf(deviations, n, tolerable);
        if (p <= risk + 1e-12) return n;
    }
    return std::nullopt;
}

double upper_deviation_limit(double confidence, std::size_t n, std::size_t deviations,
                             std::optional<std::size_t> population) {
    const double risk = 1.0 - confidence;
    if (deviations >= n) return 1.0;
    if (population) {
        // The largest number of deviant dossiers D that still gives ≥ risk chance of so few.
        const std::size_t N = *population;
        std::size_t d = deviations;
        while (d < N && hypergeometric_cdf(deviations, N, d + 1, n) > risk) ++d;
        return double(d) / double(N);
    }
    double lo = 0, hi = 1;  // binomial_cdf falls as p rises
    for (int i = 0; i < 100; ++i) {
        const double mid = (lo + hi) / 2;
        if (binomial_cdf(deviations, n, mid) > risk) lo = mid;
        else hi = mid;
    }
    return hi;
}

}  // namespace wmotoets
