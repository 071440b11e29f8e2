#include "app/cli.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "app/commands.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace wmotoets {

namespace {

// The subcommands, in the order --help lists them.
constexpr Command (*kCommands[])(CLI::App&) = {add_controleer, add_importeer, add_sleutel, add_steekproef, add_rapport,
                                                add_zelftest,   add_regels,    add_genereer, add_mapping};

// Dutch for CLI11's own words. Subcommands inherit the formatter and the help flag; the
// "Options" heading is a group name, relabelled on every (sub)command once all options exist.
void dutch_help(CLI::App& app) {
    auto formatter = app.get_formatter();
    for (const auto& [en, nl] : {std::pair<const char*, const char*>{"Usage", "Gebruik"}, {"OPTIONS", "OPTIES"},
                                 {"Positionals", "Argumenten"}, {"SUBCOMMAND", "SUBCOMMANDO"},
                                 {"Subcommands", "Subcommando's"}, {"REQUIRED", "VERPLICHT"}, {"TEXT", "TEKST"},
                                 {"UINT", "GETAL"}, {"FLOAT", "GETAL"}})
        formatter->label(en, nl);
}

void relabel_groups(CLI::App& app) {
    for (CLI::Option* opt : app.get_options())
        if (opt->get_group() == "Options") opt->group("Opties");
    for (CLI::App* sub : app.get_subcommands({})) {
        if (sub->get_group() == "Subcommands") sub->group("Subcommando's");
        relabel_groups(*sub);
    }
}

void setup_logger() {
    auto logger = spdlog::get("wmotoets");  // one logger, also when run_cli is called more than once
    if (!logger) logger = spdlog::stderr_logger_st("wmotoets");
    logger->set_pattern("%v");
    spdlog::set_default_logger(logger);
}

int run_parsed(const std::vector<Command>& commands) {
    try {
        for (const Command& c : commands)
            if (c.app->parsed()) return c.run();
    } catch (const Error& e) {
        // A message of several lines (a list of problems) keeps its lines; each is shown safely.
        std::string message;
        std::string_view rest = e.what();
        for (;;) {
            const auto nl = rest.find('\n');
            append_shown(message, rest.substr(0, nl));
            if (nl == std::string_view::npos) break;
            message += '\n';
            rest.remove_prefix(nl + 1);
        }
        spdlog::error("wmotoets: fout: {}", message);
        return 2;
    } catch (const std::exception& e) {
        spdlog::error("wmotoets: interne fout: {}", shown_text(e.what()));
        return 2;
    }
    return 2;
}

}  // namespace

int run_cli(int argc, char** argv) {
    setup_logger();
    CLI::App app{"wmotoets — toetst Wmo-dossiers aan de Wmo 2015-procedure, met de nadruk op onafhankelijke "
                 "cliëntondersteuning (art. 2.3.2 lid 3: vóór het onderzoek wijzen op gratis cliëntondersteuning; "
                 "de ondersteuner beslist nooit zelf).",
                 "wmotoets"};
    app.footer("\nBegin met: wmotoets controleer data/voorbeeld/dossiers.csv\n"
               "Elk subcommando heeft eigen hulp: wmotoets controleer --help\n");
    dutch_help(app);
    app.set_help_flag("-h,--help", "Toon deze hulp");
    app.require_subcommand(1);
    app.fallthrough();  // --stil also works after the subcommand
    app.set_help_all_flag("--help-all", "Hulp bij alle subcommando's");
    bool quiet = false, verbose = false;
    app.add_flag("-q,--stil", quiet, "Geen voortgangs- en samenvattingsregels op stderr (fouten en afgekeurde rijen wel)");
    app.add_flag("-v,--uitgebreid", verbose, "Meer op stderr, zoals de duur van elke fase");
    std::vector<Command> commands;
    for (const auto add : kCommands) commands.push_back(add(app));
    relabel_groups(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help
        std::cerr << "wmotoets: " << e.what() << "\n(zie 'wmotoets --help')\n";
        return 2;
    }
    if (quiet) spdlog::set_level(spdlog::level::warn);
    if (verbose) spdlog::set_level(spdlog::level::debug);
    return run_parsed(commands);
}

}  // namespace wmotoets
