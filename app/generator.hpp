#pragma once
// A synthetic, realistic canonical event log for demos, tests and benchmarks.
#include <cstdint>
#include <map>
#include <ostream>
#include <string>

namespace wmotoets {

// Default share of dossiers with a deliberate violation, per rule. For rules that only apply to
// some dossiers the share is of those: INF-02 of dossiers with a mantelzorger, ONA-04 of requests
// for another ondersteuner, TOE-01/TOE-02 of supported dossiers, TRM-03/TRM-04/PRO-05 of
// bezwaren, TRM-05 of beroepen, PRO-07 of Wlz-indicaties.
std::map<std::string, double> default_generator_shares();

struct GeneratorOptions {
    std::uint64_t dossiers = 1000;
    std::uint64_t seed = 1;
    std::map<std::string, double> shares = default_generator_shares();
    // Share of dossiers with events under the municipality's own labels ("Notitie toegevoegd"; a
    // few dossiers have nothing else): for local rules, read with --behoud-onbekend.
    double eigen_labels = 0.0;
    char separator = ',';
};

// Sets one share from "RULE=SHARE" (--aandeel): an Error unless RULE is a rule the generator can
// violate and SHARE a number from 0 to 1.
void set_generator_share(GeneratorOptions& options, const std::string& rule_is_share);

// Deterministic per seed on every machine (own sampling on top of mt19937_64). Besides the
// deliberate violations, dossiers vary the way real ones do: some still running on the last day
// of the log (terms running: onbekend), withdrawn, suspended, objected to, re-assessed.
void generate_log(std::ostream& out, const GeneratorOptions& options);

}  // namespace wmotoets
