// Attribute sampling: sample sizes of the AICPA tables and the evaluation of a sample.
#include <gtest/gtest.h>

#include "reports/sampling.hpp"

using namespace wmotoets;

TEST(Sampling, SizesOfTheAicpaTables) {
    // AICPA Audit Guide "Audit Sampling", attribute sample sizes, 0–3 expected deviations.
    struct Row {
        double confidence, tolerable;
        std::size_t sizes[4];
    };
    const Row table[] = {
        {0.95, 0.05, {59, 93, 124, 153}}, {0.95, 0.10, {29, 46, 61, 76}},
        {0.90, 0.05, {45, 77, 105, 132}}, {0.90, 0.10, {22, 38, 52, 65}},
    };
    for (const Row& r : table)
        for (std::size_t k = 0; k < 4; ++k)
            EXPECT_EQ(attribute_sample_size(r.confidence, r.tolerable, k), r.sizes[k])
                << r.confidence << " " << r.tolerable << " k=" << k;
}

TEST(Sampling, SmallPopulationIsHypergeometric) {
    EXPECT_EQ(attribute_sample_size(0.95, 0.05, 0, 100), 45u);  // 5 deviant dossiers in 100
    EXPECT_LT(*attribute_sample_size(0.95, 0.05, 0, 1000), 59u);
    EXPECT_EQ(attribute_sample_size(0.95, 0.05, 0, 1000000), 59u);  // large: as binomial
    EXPECT_FALSE(attribute_sample_size(0.95, 0.05, 3, 10));         // no sample of 10 is enough
}

TEST(Sampling, UpperDeviationLimit) {
    // 59 dossiers without deviation: the tolerable 5 % is met at 95 %.
    EXPECT_NEAR(upper_deviation_limit(0.95, 59, 0), 0.0495, 0.0002);
    EXPECT_LE(upper_deviation_limit(0.95, 59, 0), 0.05);
    // One deviation in 59: no longer (AICPA evaluation table: 7.9 %).
    EXPECT_NEAR(upper_deviation_limit(0.95, 59, 1), 0.0785, 0.001);
    EXPECT_NEAR(upper_deviation_limit(0.95, 93, 1), 0.0500, 0.0005);
    EXPECT_DOUBLE_EQ(upper_deviation_limit(0.95, 5, 5), 1.0);
    // With a population of 100 and 45 sampled without deviation: 5 deviant dossiers are ruled
    // out, 4 are not.
    EXPECT_DOUBLE_EQ(upper_deviation_limit(0.95, 45, 0, 100), 0.04);
}

TEST(Sampling, DistributionFunctions) {
    EXPECT_NEAR(binomial_cdf(0, 59, 0.05), 0.0485, 0.0001);
    EXPECT_NEAR(binomial_cdf(1, 10, 0.5), 11.0 / 1024, 1e-12);
    EXPECT_NEAR(hypergeometric_cdf(0, 100, 5, 45), 0.046206, 0.000001);  // C(95,45) / C(100,45)
    EXPECT_DOUBLE_EQ(binomial_cdf(3, 3, 0.2), 1.0);
}
