// wmotoets mapping voorstel: a first mapping file for an export, from its header and values.
#include <spdlog/spdlog.h>

#include <iostream>

#include "app/commands.hpp"
#include "app/input.hpp"
#include "import/mapping_proposal.hpp"
#include "util/output_file.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {
struct MappingOptions {
    std::string export_file, out, sheet;
};
}  // namespace

Command add_mapping(CLI::App& app) {
    auto o = std::make_shared<MappingOptions>();
    CLI::App* mapping = app.add_subcommand("mapping", "Mappingbestanden voor eigen exports");
    mapping->require_subcommand(1);
    CLI::App* proposal = mapping->add_subcommand(
        "voorstel",
        "Stel een mappingbestand voor bij een export (CSV of Excel, een rij per stap of een rij per melding)");
    file_option(*proposal, "export", o->export_file, "De export uit het zaaksysteem (.csv of .xlsx)")->required();
    file_option(*proposal, "--uit", o->out, "Schrijf het voorstel naar dit bestand (standaard: het scherm)");
    proposal->add_option("--blad", o->sheet, "Excel: het blad met de export (standaard het eerste)");
    proposal->footer(
        "\nHerkent kolommen aan hun naam (Zaaknummer, Datum status, Statusomschrijving, Behandelaar, …), statussen "
        "aan\n"
        "hun tekst (Keukentafelgesprek → gesprek, Beschikking verzonden → besluit, …), rollen en waarden; wat het\n"
        "niet herkent staat als commentaar met het aantal erbij. Voorbeeld:\n"
        "  wmotoets mapping voorstel export.xlsx --uit mijn-export.toml\n"
        "  wmotoets controleer export.xlsx --mapping mijn-export.toml\n");
    return {mapping, [o] {
                const std::string text = propose_mapping(
                    o->export_file, ProposalOptions{o->sheet, [](const std::string& w) { spdlog::warn("{}", w); }});
                if (o->out.empty()) {
                    std::cout << text;
                } else {
                    write_output(o->out, [&](std::ostream& f) { f << text; });
                    spdlog::info("{}: voorstel geschreven; controleer het en gebruik het met --mapping {}", o->out,
                                 shell_quoted(o->out));
                }
                return 0;
            }};
}

}  // namespace wmotoets
