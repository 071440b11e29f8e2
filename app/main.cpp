// wmotoets — checks Wmo 2015 case files on onafhankelijke cliëntondersteuning.
// Thin on purpose: the command line lives in cli.cpp, everything else in the libraries.
#include "app/cli.hpp"

int main(int argc, char** argv) { return wmotoets::run_cli(argc, argv); }
