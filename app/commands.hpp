#pragma once
// The subcommands of wmotoets, one file each (app/cmd_NAME.cpp). Each adds itself to the
// command line and returns what runs when it was given; cli.cpp lists them in one table.
#include <CLI/CLI.hpp>

#include "app/common.hpp"

namespace wmotoets {

Command add_controleer(CLI::App& app);
Command add_importeer(CLI::App& app);
Command add_sleutel(CLI::App& app);
Command add_steekproef(CLI::App& app);
Command add_rapport(CLI::App& app);
Command add_zelftest(CLI::App& app);
Command add_regels(CLI::App& app);
Command add_genereer(CLI::App& app);
Command add_mapping(CLI::App& app);

}  // namespace wmotoets
