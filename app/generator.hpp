#pragma once
// A synthetic, realistic canonical event log for demos, tests and benchmarks.
#include <cstdint>
#include <map>
#include <ostream>
#include <string>

namespace wmotoets {

struct GeneratorOptions {
    std::uint64_t dossiers = 1000;
    std::uint64_t seed = 1;
    // Share of dossiers with a deliberate violation, per kind (independent draws):
    // INF-01 notice after the gesprek, INF-02 no notice to the mantelzorger (of dossiers that have
    // one), ONA-01 the ondersteuner decides, PRO-01 an aanvraag during the onderzoek.
    std::map<std::string, double> shares{{"INF-01", 0.03}, {"INF-02", 0.10}, {"ONA-01", 0.03}, {"PRO-01", 0.02}};
    char separator = ',';
};

// Deterministic per seed on every machine (own sampling on top of mt19937_64).
void generate_log(std::ostream& out, const GeneratorOptions& options);

}  // namespace wmotoets
