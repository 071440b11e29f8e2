#pragma once
// A synthetic, realistic canonical event log for demos, tests and benchmarks.
#include <cstdint>
#include <ostream>

namespace wmotoets {

struct GeneratorOptions {
    std::uint64_t dossiers = 1000;
    std::uint64_t seed = 1;
    double violation_share = 0.10;  // share of dossiers with one deliberate violation
    char separator = ',';
};

// Deterministic per seed on every machine (own sampling on top of mt19937_64).
void generate_log(std::ostream& out, const GeneratorOptions& options);

}  // namespace wmotoets
