#pragma once
// A check run handed to the store: rule ids, outcomes per dossier, findings with their rows, figures.
#include <cstdint>
#include <vector>

#include "model/settings.hpp"
#include "model/store.hpp"
#include "reports/figures.hpp"

namespace wmotoets {

// Stores the run (rule ids and texts, outcomes, findings with their rows, figures), streamed; its id.
std::int64_t store_run(Store& store, const EventLog& log, const CheckResult& result, const std::vector<Figure>& figures,
                       const Settings& settings);

}  // namespace wmotoets
