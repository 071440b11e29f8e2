// wmotoets regels: the rulebook, one rule's explanation, or the rulebook as Markdown.
#include <algorithm>
#include <iostream>

#include "app/commands.hpp"
#include "app/input.hpp"
#include "reports/rulebook.hpp"
#include "util/error.hpp"

namespace wmotoets {

namespace {

constexpr const char* kExamples = R"(
Voorbeelden:
  wmotoets regels            het regelboek: ID, ernst, titel en grondslag
  wmotoets regels ONA-01     uitleg van één regel: wat wordt gecontroleerd, waarom, een voorbeeld
  wmotoets regels --regels lokale-regels.toml
                             het regelboek met de lokale regels (LOK-) erbij
  wmotoets regels --markdown het regelboek als Markdown (zo ontstaat docs/regels.md)

Lokaal regelbestand (TOML), per regel een [[regel]]-tabel:
  [[regel]]
  id = "LOK-01"                      # moet met LOK- beginnen
  titel = "Tweede collega toetst elke beschikking"
  ernst = "aandachtspunt"            # overtreding, aandachtspunt of signaal
  grondslag = "Werkinstructie Wmo 2024, par. 3"
  sjabloon = "vier_ogen"             # voorafgaand, gevolgd_door, vier_ogen, verplicht, verboden
  a = "besluit"                      # canonieke activiteit, of een eigen label precies zoals in de invoer
  b = "Collegiale toets"
  # binnen_dagen = 5                 # alleen bij gevolgd_door
)";

struct RulesOptions {
    std::string id, local_rules_file;
    bool markdown = false;
};

int run_regels(const RulesOptions& o) {
    const LocalRules local = load_local_rules(o.local_rules_file);
    const std::vector<const Rule*> rules = rules_with(local);
    if (o.markdown) {
        write_rulebook_markdown(std::cout, rules);
        return 0;
    }
    if (o.id.empty()) {
        write_rulebook_list(std::cout, rules);
        std::cout << "\nUitleg van één regel: wmotoets regels ID (bijvoorbeeld: wmotoets regels INF-01)\n";
        return 0;
    }
    const auto r = std::find_if(rules.begin(), rules.end(), [&](const Rule* x) { return x->info().id == o.id; });
    if (r == rules.end()) throw Error("onbekende regel '" + o.id + "' (zie 'wmotoets regels' voor de lijst)");
    write_rule_explanation(std::cout, **r);
    return 0;
}

}  // namespace

Command add_regels(CLI::App& app) {
    const auto s =
        subcommand<RulesOptions>(app, "regels", "rules", "Het regelboek, of de uitleg van één regel", kExamples);
    CLI::App* rules = s.app;
    const auto& o = s.options;
    rules->add_option("ID", o->id, "Een regel-ID, bijv. INF-01");
    file_option(*rules, "--regels", o->local_rules_file,
                "Lokaal regelbestand (TOML) met LOK-regels, die dan meetellen");
    rules->add_flag("--markdown", o->markdown, "Het hele regelboek als Markdown (docs/regels.md)");
    return s.command(run_regels);
}

}  // namespace wmotoets
