#include "util/progress.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace wmotoets {

bool show_progress() { return isatty(STDERR_FILENO) != 0 && spdlog::get_level() <= spdlog::level::info; }

namespace {
// The process's peak resident memory (VmHWM), 0 where /proc is not available.
long peak_mib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6) / 1024;
    return 0;
}
}  // namespace

PhaseTimer::~PhaseTimer() {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start_);
    spdlog::debug("tijd: {} {} ms (piekgeheugen tot nu toe {} MiB)", what_, ms.count(), peak_mib());
}

}  // namespace wmotoets
