#include "reports/sampling.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "util/error.hpp"

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

std::size_t intolerable_count(double tolerable, std::size_t population) {
    return static_cast<std::size_t>(std::floor(tolerable * double(population) + 1e-9)) + 1;
}

std::optional<std::size_t> attribute_sample_size(double confidence, double tolerable, std::size_t deviations,
                                                 std::optional<std::size_t> population) {
    const double risk = 1.0 - confidence;
    const std::size_t limit = population ? *population : 100000;
    // With a population: the smallest number of deviant dossiers above the tolerable rate must be ruled out
    // — the same boundary evaluate_sample applies ("the upper limit is not above the tolerable rate"), so
    // that a sample of this size without more deviations always passes, and one dossier fewer never does.
    const auto deviant = population ? intolerable_count(tolerable, *population) : 0;
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

namespace {
std::string deviations_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " afwijking" : " afwijkingen"); }
}  // namespace

std::string sample_size_text(const SamplingQuestion& q) {
    const auto n =
        attribute_sample_size(q.confidence_percent / 100, q.tolerable_percent / 100, q.deviations, q.population);
    const std::string conf = fmt::format("{:g}", q.confidence_percent), tol = fmt::format("{:g}", q.tolerable_percent);
    if (!n)
        throw Error("geen steekproef is groot genoeg: bij " + conf + " % betrouwbaarheid en " + tol +
                    " % "
                    "tolerantie zijn " +
                    std::to_string(q.deviations) + " afwijkingen te veel voor deze populatie");
    return fmt::format(
        "Steekproefomvang: {0} dossiers\n"
        "Betekenis: vindt u in {0} willekeurig getrokken dossiers ten hoogste {1}, dan ligt het "
        "afwijkingspercentage van alle dossiers met {2} % betrouwbaarheid niet boven {3} %.\n"
        "Methode: attribuutsteekproef (AICPA, Audit Sampling), {4}.\n",
        *n, deviations_text(q.deviations), conf, tol,
        q.population ? "hypergeometrisch met een populatie van " + std::to_string(*q.population) + " dossiers"
                     : std::string("binomiaal (grote populatie)"));
}

std::string upper_limit_text(double fraction) {
    // Rounded up, as the AICPA tables do: a limit just above 5 % never reads "5,00 %".
    const double hundredths = std::ceil(fraction * 10000 - 1e-7);
    std::string s = fmt::format("{:.2f}", hundredths / 100);
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

SampleEvaluation evaluate_sample(const SamplingQuestion& q, std::size_t size) {
    SampleEvaluation e;
    e.upper = upper_deviation_limit(q.confidence_percent / 100, size, q.deviations, q.population);
    e.met = e.upper <= q.tolerable_percent / 100 + 1e-12;
    const std::string conf = fmt::format("{:g}", q.confidence_percent), tol = fmt::format("{:g}", q.tolerable_percent);
    const std::string upper = upper_limit_text(e.upper);
    e.text = fmt::format(
        "Bovengrens afwijkingspercentage: {} % ({} % betrouwbaarheid; {} in {} dossiers)\n"
        "Oordeel: {} het aanvaardbare percentage van {} %: {}\n",
        upper, conf, deviations_text(q.deviations), size,
        e.met ? "de bovengrens ligt niet boven" : "de bovengrens ligt boven", tol,
        e.met ? "de toets is geslaagd."
              : "de toets is niet geslaagd; het afwijkingspercentage kan hoger zijn dan aanvaardbaar.");
    return e;
}

}  // namespace wmotoets
