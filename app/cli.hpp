#pragma once

namespace wmotoets {

// Parses the command line and runs a subcommand. Exit codes: 0 checked without overtreding,
// 1 at least one overtreding, 2 error (every wmotoets::Error is caught here).
int run_cli(int argc, char** argv);

}  // namespace wmotoets
