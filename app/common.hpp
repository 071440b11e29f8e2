#pragma once
// What the subcommands share: how logs are read (options, progress, summary lines), output
// files written whole or not at all, phase timing, settings and local rules, the stored run.
#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <streambuf>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "import/diagnostics.hpp"
#include "import/import_file.hpp"
#include "import/pseudonym.hpp"
#include "model/calendar.hpp"
#include "model/mapping.hpp"
#include "model/settings.hpp"
#include "model/store.hpp"
#include "workflow/local_rules.hpp"

namespace wmotoets {

// A subcommand as registered in cli.cpp: its CLI11 app and what runs when it was given.
struct Command {
    CLI::App* app = nullptr;
    std::function<int()> run;
};

// A subcommand whose options live in one object that its runner keeps: add_X adds the options,
// then returns command(run_X), which cli.cpp registers.
template <class Options>
struct Subcommand {
    CLI::App* app;
    std::shared_ptr<Options> options;
    template <class Run>
    Command command(Run run) const {
        return {app, [o = options, run] { return run(*o); }};
    }
};
template <class Options>
Subcommand<Options> subcommand(CLI::App& parent, const char* name, const char* alias, const char* description,
                               const char* footer = "") {
    Subcommand<Options> s{parent.add_subcommand(name, description), std::make_shared<Options>()};
    if (*alias) s.app->alias(alias);
    if (*footer) s.app->footer(footer);
    return s;
}

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

// event-log.md "Privacy": identifying columns (case_id, actor) with possible BSNs are written
// nowhere until the run decides what they are (--pseudonimiseer, --geen-bsn-kolom, geen_bsn).
// Whether `log` has such undecided values; require_bsn_decision throws the Error that names the
// column, the number of values and both ways out.
bool has_undecided_bsn(const EventLog& log, const ImportOptions& options);
void require_bsn_decision(const EventLog& log, const ImportOptions& options);

// An output stream for the terminal that masks every possible BSN ("1234*****") line by line,
// for a run whose identifying columns hold undecided possible BSNs.
class MaskedOutput {
public:
    explicit MaskedOutput(std::ostream& to);
    ~MaskedOutput();
    MaskedOutput(const MaskedOutput&) = delete;
    MaskedOutput& operator=(const MaskedOutput&) = delete;
    std::ostream& stream() { return out_; }

private:
    class Buf;
    std::unique_ptr<Buf> buf_;
    std::ostream out_;
};

// The settings and calendar of a run: defaults, then the settings file, then the holiday files.
void load_settings(const std::string& settings_file, const std::vector<std::string>& holiday_files, Settings& settings,
                   Calendar& calendar);
LocalRules load_local_rules(const std::string& path);

// How much of a log is Wmo: the rows read from its inputs, and the events with a Wmo activity.
struct WmoShare {
    std::size_t rows = 0, canonical = 0;
};
WmoShare wmo_share(const EventLog& log);
// A log to check: an Error (exit code 2) when rows were read but not one dossier came of them, a
// warning when fewer than half of its rows are Wmo activities — both saying that this does not
// look like a Wmo log. Nothing read at all (an empty database) passes.
void require_wmo_log(const EventLog& log);

// The latest run in `store`; an Error that says what to do when it has none.
RunRecord latest_run_of(const Store& store);
// The log of the database at `db` and its latest run.
struct LatestRun {
    EventLog log;  // finalized
    RunRecord run;
};
LatestRun load_latest_run(const std::string& db);

// The directory `path` (created when absent); an Error in Dutch when it is a file or cannot be made.
void ensure_directory(const std::string& path);

// An output file written safely: created exclusively as a new temporary file beside the target
// (FILE.deel-XXXXXX, never through an existing file or link), flushed to disk, and renamed over
// the target only when complete. A command that fails halfway, or a full disk, leaves an earlier
// file as it was. A target that is a directory or a symbolic link is refused.
class OutputFile {
public:
    explicit OutputFile(std::string path);
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    ~OutputFile();
    std::ostream& stream();
    // The temporary file's name, for a library that opens the file itself (libxlsxwriter).
    const std::string& temporary_path() const { return part_; }
    // Closes the stream (if used), checks every byte reached the disk, and puts the file in place.
    void commit();

private:
    void close_file();
    std::string path_, part_;
    int fd_ = -1;
    std::unique_ptr<std::ostream> out_;
    std::unique_ptr<std::streambuf> buf_;
    bool committed_ = false;
};

// Writes `path` through `write`, safely (OutputFile).
void write_output(const std::string& path, const std::function<void(std::ostream&)>& write);
// Writes `path` through a library that takes a file name, safely (OutputFile).
void write_output_file(const std::string& path, const std::function<void(const std::string& temporary)>& write);

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

// A page of HTML printed to PDF through headless Chromium (A4, page numbers and repeated table
// headers come from the page's print CSS), written safely; at most five minutes. Without Chromium an
// Error naming the Debian package.
void print_pdf(const std::string& html, const std::string& pdf);

}  // namespace wmotoets
