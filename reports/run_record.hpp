#pragma once
// A check run in memory (CheckResult and its figures) handed to any RunSink — the store's RunWriter, or a
// RunCollector that keeps it as a RunRecord: rule ids, outcomes per dossier, findings with their
// rows (import id and line), figures with the rules' titles and severities.
#include <cstdint>
#include <vector>

#include "model/run.hpp"
#include "model/settings.hpp"
#include "reports/figures.hpp"

namespace wmotoets {

void emit_check(const EventLog& log, const CheckResult& result, const std::vector<Figure>& figures,
                const Settings& settings, RunSink& sink);
// The werkvoorraad of a check in memory, as a record holds it.
std::vector<RunRecord::Open> open_records(const EventLog& log, const CheckResult& result);

}  // namespace wmotoets
