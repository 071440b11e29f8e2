#pragma once
// How the subcommands get their input: the options that read logs, reading them (options, progress,
// summary lines), importing them into the store, settings and local rules, the stored run.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "import/diagnostics.hpp"
#include "import/import_file.hpp"
#include "import/pseudonym.hpp"
#include "model/calendar.hpp"
#include "model/mapping.hpp"
#include "model/period.hpp"
#include "model/settings.hpp"
#include "store/store.hpp"
#include "workflow/engine.hpp"
#include "workflow/local_rules.hpp"

namespace wmotoets {

// How logs are read: shared by controleer and importeer.
struct InputOptions {
    std::vector<std::string> logs;
    std::string mapping_file, key_file;
    std::string input_format = "auto", lifecycle = "complete";
    std::string sheet;                 // --blad (XLSX)
    std::vector<std::string> not_bsn;  // --geen-bsn-kolom
    bool strict = false, keep_unknown = false;
};
// Adds the options of InputOptions (the positional logs included) to a subcommand.
void add_input_options(CLI::App& cmd, InputOptions& o);

// The import options of a command, with its mapping file and key read once.
struct ImportSetup {
    explicit ImportSetup(const InputOptions& o);
    ImportSetup(const ImportSetup&) = delete;
    ImportSetup& operator=(const ImportSetup&) = delete;
    std::optional<Mapping> mapping;
    std::optional<PseudonymKey> key;
    ImportOptions options;
};

// Reads one log into `log`, reporting bad rows, warnings and a summary line on stderr (with
// progress when stderr is a terminal).
void read_log(const std::string& path, const InputOptions& o, ImportOptions options, EventLog& log, Diagnostics& diag);
// Adds every log of `o` to the store, each file in one transaction (refused, exit 2, when an
// identifying column holds possible BSNs without a decision: require_bsn_decision).
void import_into_store(const InputOptions& o, Store& store);
// For Store's constructor: says (info) that an older database is being migrated.
void store_notice(const std::string& message);

// The settings and calendar of a run: defaults, then the settings file, then the holiday files.
void load_settings(const std::string& settings_file, const std::vector<std::string>& holiday_files, Settings& settings,
                   Calendar& calendar);
LocalRules load_local_rules(const std::string& path);

// How much of a log is Wmo: the rows read from its inputs, and the events with a Wmo activity.
struct WmoShare {
    std::size_t rows = 0, canonical = 0;
};
// `half_is_enough`: stop counting once half the rows are known to be Wmo activities (all that
// require_wmo_log needs to know; it counts on only to word a log that is not).
WmoShare wmo_share(const EventLog& log, bool half_is_enough = false);
// A log to check: an Error (exit code 2) when rows were read but not one dossier came of them, a
// warning when fewer than half of its rows are Wmo activities — both saying that this does not
// look like a Wmo log. Nothing read at all (an empty database) passes.
void require_wmo_log(const EventLog& log);

// The reporting period of controleer and rapport (issue 28): --periode, or --van and --tot.
struct PeriodOptions {
    std::string periode, van, tot;
    bool given() const { return !periode.empty() || !van.empty() || !tot.empty(); }
    // The period asked for, checked against the log and the peildatum: Error (Dutch) when it is not a
    // period or ends after the peildatum; a warning when the log has no event before its end.
    std::optional<Period> resolve(const EventLog& log, Date peildatum) const;
};
void add_period_options(CLI::App& cmd, PeriodOptions& o);
// The stored log checked again for `period` (issue 28: rapport --periode, --vergelijk) with the run's
// built-in rules, its term settings and peildatum; local rules are left out with a warning. With
// Detail::figures (a comparison: only its figures and lead times are shown) no finding is worded.
RunRecord check_again(const EventLog& log, const RunRecord& run, const std::optional<Period>& period, Settings settings,
                      const Calendar& calendar, Detail detail = Detail::findings);

// The latest run in `store`; an Error that says what to do when it has none.
RunRecord latest_run_of(const Store& store);
// The log of the database at `db` and its latest run.
struct LatestRun {
    EventLog log;  // finalized
    RunRecord run;
    std::int64_t run_id = 0;
};
LatestRun load_latest_run(const std::string& db);
LatestRun load_latest_run(const Store& store);

}  // namespace wmotoets
