#pragma once
// The subcommands of wmotoets, one file each (app/cmd_NAME.cpp). Each adds itself to the
// command line and returns what runs when it was given; cli.cpp lists them in one table.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>

namespace wmotoets {

// A subcommand as registered in cli.cpp: its CLI11 app and what runs when it was given.
struct Command {
    CLI::App* app = nullptr;
    std::function<int()> run;
};

// A subcommand whose options live in one object that its runner keeps: add_X adds the options,
// then returns command(run_X), which cli.cpp registers.
template <class Options>
struct Subcommand {
    CLI::App* app;
    std::shared_ptr<Options> options;
    template <class Run>
    Command command(Run run) const {
        return {app, [o = options, run] { return run(*o); }};
    }
};
template <class Options>
Subcommand<Options> subcommand(CLI::App& parent, const char* name, const char* alias, const char* description,
                               const char* footer = "") {
    Subcommand<Options> s{parent.add_subcommand(name, description), std::make_shared<Options>()};
    if (*alias) s.app->alias(alias);
    if (*footer) s.app->footer(footer);
    return s;
}

Command add_controleer(CLI::App& app);
Command add_importeer(CLI::App& app);
Command add_sleutel(CLI::App& app);
Command add_steekproef(CLI::App& app);
Command add_rapport(CLI::App& app);
Command add_zelftest(CLI::App& app);
Command add_regels(CLI::App& app);
Command add_genereer(CLI::App& app);
Command add_mapping(CLI::App& app);
Command add_werkvoorraad(CLI::App& app);

// Options whose value is a file, a directory or a date, declared with their Dutch type name where
// they are declared, so that --help says what to give (BESTAND, MAP, DATUM); every other option shows
// CLI11's kind of value in Dutch (TEKST, GETAL: cli.cpp).
template <class T>
CLI::Option* file_option(CLI::App& cmd, const std::string& name, T& into, const std::string& description) {
    return cmd.add_option(name, into, description)->type_name("BESTAND");
}
template <class T>
CLI::Option* dir_option(CLI::App& cmd, const std::string& name, T& into, const std::string& description) {
    return cmd.add_option(name, into, description)->type_name("MAP");
}
template <class T>
CLI::Option* date_option(CLI::App& cmd, const std::string& name, T& into, const std::string& description) {
    return cmd.add_option(name, into, description)->type_name("DATUM");
}

}  // namespace wmotoets
