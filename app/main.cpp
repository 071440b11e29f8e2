// wmotoets — checks Wmo 2015 case files on onafhankelijke cliëntondersteuning.
// Thin on purpose: the command line lives in cli.cpp, everything else in the libraries.
#include <malloc.h>

#include "app/cli.hpp"

int main(int argc, char** argv) {
    // Large runs allocate and free big buffers per block of dossiers: keep freed memory in the
    // process instead of returning it and faulting fresh zeroed pages in again (slow in a VM).
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
    return wmotoets::run_cli(argc, argv);
}
