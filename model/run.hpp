#pragma once
// One record of a check run, whether it comes from memory or from the database: the outcome of
// every dossier per rule, the findings with the rows that prove them, the figures per rule and
// the settings it ran with. RunSink is the one streaming interface (row by row) that the store
// and the collector of a RunRecord implement; emit() streams a record into any sink.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/period.hpp"
#include "model/settings.hpp"
#include "model/severity.hpp"

namespace wmotoets {

// Ordered from best to worst: the worst over the cycles is the case outcome.
enum class Outcome : std::uint8_t { niet_van_toepassing = 0, voldaan = 1, onbekend = 2, overtreden = 3 };

std::string_view outcome_name(Outcome o);  // "niet_van_toepassing", "voldaan", … (JSON)
// Words for people (docs/spec/rules.md): wherever a person reads an outcome, it is worded by the rule's
// severity — an overtreding is "overtreden", an aandachtspunt not met "niet voldaan", a signaal
// that fires "gesignaleerd"; the others read "voldaan", "onbekend", "niet van toepassing".
std::string_view outcome_words(Outcome o, Severity s);
std::string_view deviation_words(Severity s);  // outcome_words(overtreden, s)
// A column of deviations over rules of every severity, and the key that explains it.
inline constexpr std::string_view kDeviationsHeading = "afwijkend";
inline constexpr std::string_view kDeviationsKey =
    "afwijkend = overtreden (bij een overtreding), niet voldaan (bij een aandachtspunt) of gesignaleerd (bij een "
    "signaal)";
// The one codec of outcomes in the store: one letter each (n, v, o, x).
char outcome_code(Outcome o);
std::optional<Outcome> outcome_from_code(char c);

// The settings a run was made with, as data (for provenance): key and value, in a fixed order.
struct RunSettings {
    std::vector<std::pair<std::string, std::string>> values;
    // "key=value;key=value", as the store keeps it.
    std::string text() const;
    static RunSettings parse(std::string_view text);
    bool operator==(const RunSettings&) const = default;
};
// With the reporting period, when the run has one (issue 28): periode_van and periode_tot, ISO.
RunSettings run_settings(const Settings& s, const std::optional<Period>& period = std::nullopt);

// What an item of the werkvoorraad is about (issue 29): a term that runs (or has passed without the act),
// a step still due before the next one, or the independence of the ondersteuner at risk.
enum class OpenKind : std::uint8_t { termijn = 0, stap = 1, onafhankelijkheid = 2 };
std::string_view open_kind_name(OpenKind k);  // "termijn", "stap", "onafhankelijkheid" (JSON, store)
std::optional<OpenKind> open_kind_from_name(std::string_view name);

struct RunRecord {
    // An item of the werkvoorraad: in a dossier with a cycle still open on the peildatum, something that
    // can still be done. Not a finding: nothing has gone wrong yet, except a term that has passed with
    // the act still to come (werkdagen_over < 0).
    struct Open {
        std::string case_id, rule;
        int cycle = 1;
        OpenKind kind = OpenKind::termijn;
        std::string deadline;    // ISO last day of the term; empty: a step without a term of its own
        int werkdagen_over = 0;  // working days from the peildatum through the last day; < 0: days past it
        std::string todo;        // what is to be done, Dutch ("het verslag van het onderzoek verstrekken")
        std::string detail;      // what the log shows, Dutch
        std::vector<std::pair<std::size_t, std::uint32_t>> events;  // (input, line), as findings
    };
    struct Finding {
        std::string case_id, rule;
        int cycle = 1;
        std::string date, deadline;  // ISO; deadline empty = none
        std::string message;
        // The rows that prove it: (input, line), the input as its place in the log of the run (in
        // a log loaded from the store: the import's place among all imports, which never moves).
        std::vector<std::pair<std::size_t, std::uint32_t>> events;
    };
    struct Figure {
        std::string rule, title;
        Severity severity = Severity::overtreding;
        std::size_t applicable = 0, compliant = 0, violations = 0, unknown = 0;
        std::optional<double> rate, lo, hi;
    };
    // The lead time of one phase over the run (docs/spec/doorlooptijden.md): counts, and quantiles in days.
    struct LeadTime {
        std::string phase;  // "melding-verslag", …
        std::size_t started = 0, completed = 0, running = 0, ended = 0;
        std::optional<int> mediaan, p75, p90;
        std::size_t zonder_aanvraag = 0, zonder_gesprek = 0;           // competing ends besides beëindigd
        std::optional<int> mediaan_lo, mediaan_hi;                     // the 95 % interval of the median
        int share_completed = 0, share_ended = 0, share_open = 10000;  // ten-thousandths (exact, half up)
        std::array<bool, 3> nooit{};  // mediaan, p75, p90 without a value: never reached (else: not yet)
    };
    std::string peildatum;  // ISO, empty = unknown
    RunSettings settings;
    std::vector<std::string> rules;     // rule ids, in run order
    std::vector<std::string> case_ids;  // dossiers in report order
    std::vector<Outcome> outcomes;      // [dossier * rules.size() + rule]
    std::vector<Finding> findings;
    std::vector<Figure> figures;
    std::vector<LeadTime> lead_times;  // per phase, in the order of docs/spec/doorlooptijden.md
    std::vector<Open> open;            // the werkvoorraad; empty in a run stored before schema version 6
    bool open_known = true;            // false: a run stored before the werkvoorraad was kept

    Outcome outcome(std::size_t dossier, std::size_t rule) const { return outcomes[dossier * rules.size() + rule]; }
    std::span<const Outcome> outcomes_of(std::size_t dossier) const {
        return std::span(outcomes).subspan(dossier * rules.size(), rules.size());
    }
    // The reporting period the run was made for (settings periode_van, periode_tot), if any.
    std::optional<Period> period() const;
    // A setting's value, empty when the run has none by that name.
    std::string_view setting(std::string_view key) const;
};

// A run handed over row by row: begin, then every dossier's outcomes, the findings, the figures.
class RunSink {
public:
    virtual ~RunSink() = default;
    virtual void begin(const std::string& peildatum, const RunSettings& settings,
                       const std::vector<std::string>& rules) = 0;
    virtual void outcomes(std::string_view case_id, std::span<const Outcome> row) = 0;
    virtual void finding(const RunRecord::Finding& f) = 0;
    virtual void figure(const RunRecord::Figure& f) = 0;
    virtual void lead_time(const RunRecord::LeadTime&) {}
    // The werkvoorraad, after the lead times.
    virtual void open_item(const RunRecord::Open&) {}
    virtual void end() {}
};

// Hands every row to each of several sinks, in turn.
class RunTee final : public RunSink {
public:
    explicit RunTee(std::vector<RunSink*> sinks) : sinks_(std::move(sinks)) {}
    void begin(const std::string& peildatum, const RunSettings& settings,
               const std::vector<std::string>& rules) override {
        for (RunSink* s : sinks_) s->begin(peildatum, settings, rules);
    }
    void outcomes(std::string_view case_id, std::span<const Outcome> row) override {
        for (RunSink* s : sinks_) s->outcomes(case_id, row);
    }
    void finding(const RunRecord::Finding& f) override {
        for (RunSink* s : sinks_) s->finding(f);
    }
    void figure(const RunRecord::Figure& f) override {
        for (RunSink* s : sinks_) s->figure(f);
    }
    void lead_time(const RunRecord::LeadTime& l) override {
        for (RunSink* s : sinks_) s->lead_time(l);
    }
    void open_item(const RunRecord::Open& o) override {
        for (RunSink* s : sinks_) s->open_item(o);
    }
    void end() override {
        for (RunSink* s : sinks_) s->end();
    }

private:
    std::vector<RunSink*> sinks_;
};

// Keeps what it is handed as a RunRecord.
class RunCollector final : public RunSink {
public:
    void begin(const std::string& peildatum, const RunSettings& settings,
               const std::vector<std::string>& rules) override;
    void outcomes(std::string_view case_id, std::span<const Outcome> row) override;
    void finding(const RunRecord::Finding& f) override { record.findings.push_back(f); }
    void figure(const RunRecord::Figure& f) override { record.figures.push_back(f); }
    void lead_time(const RunRecord::LeadTime& l) override { record.lead_times.push_back(l); }
    void open_item(const RunRecord::Open& o) override { record.open.push_back(o); }
    RunRecord record;
};

// Streams a record into a sink, in the sink's order.
void emit(const RunRecord& run, RunSink& sink);

}  // namespace wmotoets
