// wmotoets genereer: a synthetic, realistic log for demos and benchmarks.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>

#include "app/commands.hpp"
#include "app/input.hpp"
#include "generator/generator.hpp"
#include "generator/generator_recipes.hpp"
#include "util/output_file.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

constexpr const char* kExamples = R"(
Voorbeelden:
  wmotoets genereer --dossiers 1000 --zaad 7 --uit demo.csv
  wmotoets genereer --dossiers 100000 --aandeel ONA-01=0.2,PRO-01=0 --scheidingsteken ';' > groot.csv
Hetzelfde zaad geeft op elke machine hetzelfde logboek.
)";

struct GenerateCommandOptions {
    GeneratorOptions generator;
    std::string out, separator = ",";
    std::vector<std::string> shares;
};

int run_genereer(GenerateCommandOptions& o) {
    GeneratorOptions& g = o.generator;
    g.separator = o.separator == "tab" ? '\t' : o.separator[0];
    for (const std::string& kv : o.shares) set_generator_share(g, kv);
    if (o.out.empty()) {
        generate_log(std::cout, g);
        std::cout.flush();
        return 0;
    }
    write_output(o.out, [&](std::ostream& f) { generate_log(f, g); });
    spdlog::info("{} dossiers geschreven naar {}", grouped(g.dossiers), o.out);
    return 0;
}

// The help of --aandeel, from the recipe table: which rules share of which dossiers.
std::string shares_help() {
    std::vector<std::pair<std::string_view, std::string>> groups;  // of whom → "TRM-03/TRM-04"
    for (const ViolationRecipe& r : kRecipes) {
        if (r.of_whom.empty()) continue;
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == r.of_whom; });
        if (it == groups.end()) groups.emplace_back(r.of_whom, std::string(r.rule));
        else it->second += "/" + std::string(r.rule);
    }
    std::string s =
        "Aandeel dossiers met een opzettelijke overtreding, per regel (0–1), bijv. INF-01=0.05,ONA-01=0.02; "
        "elke ingebouwde regel kan (";
    for (std::size_t i = 0; i < groups.size(); ++i)
        s += (i ? ", " : "") + groups[i].second + " van " + std::string(groups[i].first);
    return s + "). Standaard een paar procent per regel";
}

}  // namespace

Command add_genereer(CLI::App& app) {
    const auto s = subcommand<GenerateCommandOptions>(
        app, "genereer", "generate", "Schrijf een synthetisch, realistisch logboek (demo's, benchmarks)", kExamples);
    CLI::App* gen = s.app;
    const auto& o = s.options;
    gen->add_option("--dossiers", o->generator.dossiers, "Aantal dossiers (ongeveer 10 gebeurtenissen elk)")
        ->check(CLI::Range(1ull, 100000000ull));
    gen->add_option("--zaad", o->generator.seed,
                    "Zaad van de toevalsgenerator; hetzelfde zaad geeft hetzelfde logboek");
    gen->add_option("--aandeel", o->shares, shares_help())->delimiter(',');
    gen->add_option(
           "--eigen-labels", o->generator.eigen_labels,
           "Aandeel dossiers met eigen labels van de gemeente (zoals 'Notitie toegevoegd'), voor lokale regels; "
           "lees zo'n logboek met --behoud-onbekend")
        ->check(CLI::Range(0.0, 1.0));
    gen->add_option("--scheidingsteken", o->separator, "Scheidingsteken: ',' ';' of 'tab'")
        ->check(CLI::IsMember({",", ";", "tab"}));
    file_option(*gen, "--uit", o->out, "Schrijf naar dit bestand in plaats van naar stdout");
    return s.command(run_genereer);
}

}  // namespace wmotoets
