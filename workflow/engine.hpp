#pragma once
// Replays every case and runs the selected rules: outcomes per case and rule, and findings.
#include <functional>
#include <string>
#include <vector>

#include "workflow/rule.hpp"

namespace wmotoets {

struct CaseFinding {
    std::uint32_t case_pos = 0;  // index into EventLog::cases
    std::uint16_t rule = 0;      // index into CheckResult::rules
    Finding finding;
    std::vector<std::uint32_t> event_indices;  // into EventLog::events
};

struct CheckResult {
    std::vector<const Rule*> rules;
    Date peildatum;
    bool peildatum_known = true;  // false: no events and no --peildatum
    std::vector<Outcome> outcomes;  // [case_pos * rules.size() + rule]
    std::vector<CaseFinding> findings;  // by case id, rule id, date, line

    Outcome outcome(std::size_t case_pos, std::size_t rule) const {
        return outcomes[case_pos * rules.size() + rule];
    }
};

// Rules whose ID starts with one of `select` (all when empty) and with none of `ignore`.
// A prefix that matches no rule is an Error (a typo must not silently check nothing).
std::vector<const Rule*> select_rules(const std::vector<const Rule*>& candidates, const std::vector<std::string>& select,
                                     const std::vector<std::string>& ignore);
// The same over the built-in rules.
std::vector<const Rule*> select_rules(const std::vector<std::string>& select, const std::vector<std::string>& ignore);

using Progress = std::function<void(std::size_t done, std::size_t total)>;

CheckResult run_check(const EventLog& log, const std::vector<const Rule*>& rules, const Calendar& cal,
                      Date peildatum, const Progress& progress = {}, const Settings& settings = Settings{});

}  // namespace wmotoets
