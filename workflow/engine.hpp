#pragma once
// Replays every case and runs the selected rules: outcomes per case and rule, and findings.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "workflow/lead_times.hpp"
#include "workflow/rule.hpp"

namespace wmotoets {

// One finding of a run, compact: a million dossiers give hundreds of thousands of them. The
// message and the event indices live in storage owned by the CheckResult.
// The most events one finding lists; the message says how many more prove it.
inline constexpr std::size_t kMaxFindingEvents = 50;

struct CaseFinding {
    std::uint32_t dossier = 0;  // index into EventLog::cases
    std::uint16_t rule = 0;     // index into CheckResult::rules
    std::uint16_t cycle = 1;    // 1-based
    Date date;
    std::optional<Date> deadline;           // last day of the term, for rules with a term
    std::string_view message;               // Dutch, for a non-lawyer
    std::span<const std::uint32_t> events;  // into EventLog::events: the rows that prove it
};

// The most werkvoorraad items one rule gives one dossier (a dossier of thousands of cycles).
inline constexpr std::size_t kMaxOpenItems = 20;

// An item of the werkvoorraad of a run (issue 29): a rule's OpenStep with its events as indices
// into EventLog::events. Only open dossiers have them: a few per dossier, kept whole.
struct CaseOpen {
    std::uint32_t dossier = 0;  // index into EventLog::cases
    std::uint16_t rule = 0;     // index into CheckResult::rules
    OpenStep step;
};

struct CheckResult {
    CheckResult() = default;
    // Move-only: the findings point into `text_` and `ids_`, whose buffers a move keeps.
    CheckResult(CheckResult&&) = default;
    CheckResult& operator=(CheckResult&&) = default;
    CheckResult(const CheckResult&) = delete;
    CheckResult& operator=(const CheckResult&) = delete;

    std::vector<const Rule*> rules;
    Date peildatum;
    bool peildatum_known = true;        // false: no events and no --peildatum
    std::vector<Outcome> outcomes;      // [dossier * rules.size() + rule]
    std::vector<CaseFinding> findings;  // by case id, rule id, date, line (empty when streamed)
    std::vector<CaseOpen> open;         // the werkvoorraad, by case id and rule id (also when streamed)
    std::size_t finding_count = 0;      // also when the findings were streamed or left out
    bool figures_only = false;          // Detail::figures: findings counted, not kept; no werkvoorraad
    bool any_overtreding = false;       // a finding of severity overtreding (exit code 1)
    LeadTallies lead_times;             // the durations of every phase (docs/spec/doorlooptijden.md)
    // The reporting period (issue 28): only cycles opened in it were judged. Per dossier whether it
    // has one (empty: every dossier counts), and how many have none.
    std::optional<Period> period;
    std::vector<std::uint8_t> in_period;
    std::size_t outside_period = 0;
    bool counts(std::size_t dossier) const { return in_period.empty() || in_period[dossier]; }

    Outcome outcome(std::size_t dossier, std::size_t rule) const { return outcomes[dossier * rules.size() + rule]; }

    // Keeps the buffers that `findings` point into (a move keeps a vector's buffer, so the views
    // stay valid). Only run_check hands them over.
    void keep_storage(std::vector<char>&& text, std::vector<std::uint32_t>&& ids) {
        if (!text.empty()) text_.push_back(std::move(text));
        if (!ids.empty()) ids_.push_back(std::move(ids));
    }

private:
    // Storage of the findings' messages and event indices (one buffer per block of cases).
    std::vector<std::vector<char>> text_;
    std::vector<std::vector<std::uint32_t>> ids_;
};

// Rules whose ID starts with one of `select` (all when empty) and with none of `ignore`.
// A prefix that matches no rule is an Error (a typo must not silently check nothing).
std::vector<const Rule*> select_rules(const std::vector<const Rule*>& candidates,
                                      const std::vector<std::string>& select, const std::vector<std::string>& ignore);
// The same over the built-in rules.
std::vector<const Rule*> select_rules(const std::vector<std::string>& select, const std::vector<std::string>& ignore);

using Progress = std::function<void(std::size_t done, std::size_t total)>;

// Hands the findings of a run over block by block while the run goes on, instead of keeping
// them all (a million dossiers give hundreds of thousands): CheckResult::findings stays empty.
struct FindingStream {
    // Turns the findings of a block of consecutive cases (in their final order) into output
    // text. Called on the worker threads, several at once.
    std::function<void(std::span<const CaseFinding> findings, std::string& text)> format;
    // Writes the text of the blocks, one at a time and in case order.
    std::function<void(std::string&& text)> write;
};

// What a run keeps of every dossier besides its outcomes and lead times: its findings and werkvoorraad,
// or (`--alleen-cijfers`, a rekenkamer's figures) nothing: the rules judge without words
// (RuleContext::words) and the findings are only counted.
enum class Detail : std::uint8_t { findings, figures };

CheckResult run_check(const EventLog& log, const std::vector<const Rule*>& rules, const Calendar& cal, Date peildatum,
                      const Progress& progress = {}, const Settings& settings = Settings{},
                      const FindingStream* stream = nullptr, const std::optional<Period>& period = std::nullopt,
                      Detail detail = Detail::findings);

}  // namespace wmotoets
