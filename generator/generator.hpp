#pragma once
// A synthetic, realistic canonical event log for demos, tests and benchmarks.
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "generator/generator_recipes.hpp"

namespace wmotoets {

// Default share of dossiers with a deliberate violation, per rule with a recipe (generator_recipes.hpp;
// for rules that only apply to some dossiers the share is of those).
std::map<std::string, double> default_generator_shares();
// The built-in rules the generator cannot violate on purpose yet: they need a recipe in
// generator/generator_recipes.hpp and its use in generator/generator.cpp.
std::vector<std::string> rules_without_recipe();

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
