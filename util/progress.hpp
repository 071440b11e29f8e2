#pragma once
// What a long run says while it works: progress lines (on a terminal) and phase timings.
#include <chrono>

namespace wmotoets {

// Logs how long a phase took and the peak memory so far (with --uitgebreid).
class PhaseTimer {
public:
    explicit PhaseTimer(const char* what) : what_(what), start_(std::chrono::steady_clock::now()) {}
    ~PhaseTimer();
    PhaseTimer(const PhaseTimer&) = delete;
    PhaseTimer& operator=(const PhaseTimer&) = delete;

private:
    const char* what_;
    std::chrono::steady_clock::time_point start_;
};

// Whether progress lines go to stderr (a terminal, and not --stil).
bool show_progress();

}  // namespace wmotoets
