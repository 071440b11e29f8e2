#include "app/common.hpp"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ext/stdio_filebuf.h>
#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "import/toml_files.hpp"
#include "model/bsn.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace wmotoets {

void add_input_options(CLI::App& cmd, InputOptions& o) {
    cmd.add_option("logboek", o.logs,
                   "Een of meer eventlogs: canonieke CSV, Excel (.xlsx), XES (.xes, .xes.gz) of, met --mapping, een eigen "
                   "export");
    cmd.add_option("--mapping", o.mapping_file,
                   "Mappingbestand (TOML): kolommen, activiteitlabels, rollen en waarden van een eigen export");
    cmd.add_option("--formaat", o.input_format,
                   "Invoerformaat: auto (naar de bestandsnaam: .xes/.xes.gz, .json = zgw, .xlsx, anders csv), csv, xlsx, xes "
                   "of zgw (JSON uit de ZGW-API's, met een mappingbestand met [zgw.statustypen] enz.)")
        ->check(CLI::IsMember({"auto", "csv", "xlsx", "xes", "zgw"}));
    cmd.add_option("--blad", o.sheet, "Excel: het blad met het logboek (standaard het eerste)");
    cmd.add_option("--levenscyclus", o.lifecycle,
                   "XES: complete (standaard: alleen events met lifecycle:transition 'complete' of zonder) of alle")
        ->check(CLI::IsMember({"complete", "alle"}));
    cmd.add_flag("--strikt,--strict", o.strict, "De eerste onbruikbare rij is fataal (exitcode 2); niets uit dat bestand telt");
    cmd.add_flag("--behoud-onbekend", o.keep_unknown,
                 "Bewaar activiteiten die niet canoniek zijn (voor lokale regels) in plaats van ze af te keuren");
    cmd.add_option("--geen-bsn-kolom", o.not_bsn,
                   "Deze identificerende kolom (case_id of actor) bevat geen BSN's maar bijvoorbeeld dossiernummers: "
                   "waarden die op een BSN lijken mogen dan toch worden weggeschreven (zonder dit, of --pseudonimiseer, "
                   "schrijft Wmo-toets ze nergens weg)")
        ->check(CLI::IsMember({"case_id", "actor"}));
    cmd.add_option("--pseudonimiseer", o.key_file,
                   "Vervang dossiernummers en medewerkers door pseudoniemen (HMAC-SHA-256 met de sleutel in dit "
                   "bestand; maak er een met 'wmotoets sleutel'). Dezelfde sleutel geeft elke maand dezelfde "
                   "pseudoniemen");
}

ImportSetup::ImportSetup(const InputOptions& o) {
    options.strict = o.strict;
    options.keep_unknown = o.keep_unknown;
    options.all_lifecycles = o.lifecycle == "alle";
    options.sheet = o.sheet;
    options.not_bsn = o.not_bsn;
    if (!o.mapping_file.empty()) {
        mapping = read_mapping_file(o.mapping_file);
        options.mapping = &*mapping;
        options.not_bsn.insert(options.not_bsn.end(), mapping->not_bsn.begin(), mapping->not_bsn.end());
    }
    if (!o.key_file.empty()) {
        key = PseudonymKey::from_file(o.key_file);
        options.pseudonymise = &*key;
    }
}

bool show_progress() { return isatty(STDERR_FILENO) != 0 && spdlog::get_level() <= spdlog::level::info; }

namespace {

void log_problem(const Problem& p, bool warning) {
    if (warning) spdlog::warn("{}: waarschuwing: {}", shown_text(p.where()), shown_text(p.message));
    else spdlog::warn("{}: {}", shown_text(p.where()), shown_text(p.message));
}

void log_read_summary(const std::string& path, const InputFile& in) {
    const bool one = in.rows == 1;
    // A wide export gives several events per row: say so.
    const std::string used = in.used > in.rows ? counted(in.used, "gebeurtenis", "gebeurtenissen") : std::to_string(in.used);
    spdlog::info("{}: {} {} gelezen, {} gebruikt, {} afgekeurd{}{}", path, in.rows,
                 in.format == "xes"   ? (one ? "gebeurtenis" : "gebeurtenissen")
                 : in.format == "zgw" ? (one ? "object" : "objecten")
                                      : (one ? "rij" : "rijen"),
                 used, in.rejected,
                 in.skipped ? fmt::format(", {} overgeslagen (levenscyclus niet 'complete')", in.skipped) : std::string(),
                 in.possible_bsn ? fmt::format(", {} mogelijk BSN", in.possible_bsn) : std::string());
    if (in.bsn_skipped)
        spdlog::info("{}: {} van natuurlijke personen overgeslagen (nooit ingelezen of opgeslagen)", path,
                     counted(in.bsn_skipped, "BSN-veld", "BSN-velden"));
}

// The local time of an import, as provenance in the database (never in a report).
std::string now_text() {
    const std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", std::localtime(&t));
    return buf;
}

// The rows of one file refused for an unknown activity, summed up: the labels by frequency (the 20
// most frequent, all with --uitgebreid), each with how often and where first, and what to do.
void log_unknown_activities(const std::string& path, const InputFile& in, const UnknownActivities& u) {
    if (u.rows == 0) return;
    std::vector<std::pair<std::string, UnknownLabel>> labels(u.labels.begin(), u.labels.end());
    std::stable_sort(labels.begin(), labels.end(), [](const auto& a, const auto& b) { return a.second.count > b.second.count; });
    const bool all = spdlog::get_level() <= spdlog::level::debug;
    const std::size_t shown = all ? labels.size() : std::min<std::size_t>(labels.size(), 20);
    const std::string distinct = labels.size() == 1 && u.others == 0 ? "één activiteit" : fmt::format("{} verschillende activiteiten", grouped(labels.size()) + (u.others ? "+" : ""));
    const std::string rows = grouped(u.rows) + (in.format == "xes" ? (u.rows == 1 ? " gebeurtenis" : " gebeurtenissen")
                                                                   : (u.rows == 1 ? " rij" : " rijen"));
    spdlog::warn("{}: {} afgekeurd om een activiteit die geen Wmo-activiteit is ({}){}:", path, rows, distinct, shown < labels.size() ? fmt::format("; de {} meest voorkomende", shown) : "");
    for (std::size_t i = 0; i < shown; ++i)
        spdlog::warn("  {:>9}×  '{}'  (eerst op {})", grouped(labels[i].second.count), shown_text(labels[i].first),
                     row_location(path, shown_text(u.sheet), labels[i].second.first_line));
    if (shown < labels.size() || u.others)
        spdlog::warn("  … en {} andere (alle met --uitgebreid)", grouped(labels.size() - shown) + (u.others ? "+" : ""));
    spdlog::warn("{}: koppel deze activiteiten aan Wmo-activiteiten met een mappingbestand (--mapping BESTAND; een voorstel "
                 "maakt 'wmotoets mapping voorstel {}'), of bewaar ze voor lokale regels met --behoud-onbekend",
                 path, path);
}

}  // namespace

WmoShare wmo_share(const EventLog& log) {
    WmoShare w;
    for (const InputFile& in : log.inputs) w.rows += in.rows;
    for (const Event& e : log.events) w.canonical += e.activity != Activity::onbekend;
    return w;
}

void require_wmo_log(const EventLog& log) {
    const WmoShare w = wmo_share(log);
    if (w.rows == 0) return;  // nothing read (an empty database, a header only): nothing to say
    if (log.case_count() > 0 && w.canonical * 2 >= w.rows) return;  // a Wmo log
    const std::string share = fmt::format("van de {} gelezen {} {} er {} een Wmo-activiteit", grouped(w.rows),
                                          w.rows == 1 ? "gebeurtenis" : "gebeurtenissen",
                                          w.canonical == 1 ? "heeft" : "hebben", grouped(w.canonical));
    if (log.case_count() == 0)
        throw Error("geen enkel dossier om te controleren: " + share + ". Dit lijkt geen Wmo-logboek; koppel de activiteiten "
                    "aan Wmo-activiteiten met --mapping BESTAND (een voorstel: 'wmotoets mapping voorstel LOGBOEK'), of lees ze in "
                    "met --behoud-onbekend voor lokale regels");
    spdlog::warn("Dit lijkt geen Wmo-logboek: {} ({} %). De Wmo-regels gaan over melding, gesprek, aanvraag, besluit en "
                 "bezwaar; koppel de activiteiten met --mapping BESTAND", share,
                 fmt::format("{:.0f}", 100.0 * double(w.canonical) / double(w.rows)));
}

void read_log(const std::string& path, const InputOptions& o, ImportOptions options, EventLog& log, Diagnostics& diag) {
    const bool tty = show_progress();
    const std::string shown = shown_text(replace_bsn_groups(path));
    if (tty)
        options.progress = [&shown](std::uint64_t done, std::uint64_t total) {
            if (total > 0)
                std::fprintf(stderr, "\rinlezen %s: %3d %%", shown.c_str(), int(std::min<std::uint64_t>(100, done * 100 / total)));
        };
    const PhaseTimer timer("inlezen");
    const std::size_t bad_before = diag.bad_rows.size(), warn_before = diag.warnings.size();
    import_log_file(path, o.input_format, options, log, diag);
    for (std::size_t i = warn_before; i < diag.warnings.size(); ++i) log_problem(diag.warnings[i], true);
    for (std::size_t i = bad_before; i < diag.bad_rows.size(); ++i) log_problem(diag.bad_rows[i], false);
    if (tty && log.inputs.back().rows >= 0x10000) std::fprintf(stderr, "\r\033[K");  // clear the progress line
    log_read_summary(shown_text(log.inputs.back().path), log.inputs.back());
    if (const auto it = diag.unknown.find(path); it != diag.unknown.end())
        log_unknown_activities(shown_text(log.inputs.back().path), log.inputs.back(), it->second);
}

void store_notice(const std::string& message) { spdlog::info("{}", message); }

void import_into_store(const InputOptions& o, Store& store) {
    const ImportSetup setup(o);
    for (const std::string& path : o.logs) {
        EventLog log;
        Diagnostics diag;
        read_log(path, o, setup.options, log, diag);
        require_wmo_log(log);
        require_bsn_decision(log, setup.options);
        log.finalize();
        const PhaseTimer timer("opslaan");
        const ImportSummary sum = store.add_import(log, 0, now_text());
        if (sum.already_imported)
            spdlog::info("{}: al eerder geïmporteerd (import {}, uit {}); niets toegevoegd", shown_text(log.inputs[0].path),
                         sum.import_id, shown_text(sum.earlier_path));
        else
            spdlog::info("{}: opgeslagen in {} als import {}: {} dossiers toegevoegd, {} vervangen, {} ongewijzigd",
                         shown_text(log.inputs[0].path),
                         store.path(), sum.import_id, sum.added, sum.replaced, sum.unchanged);
    }
}

namespace {

// The identifying columns of every input with possible BSNs that no decision covers.
std::vector<std::pair<const InputFile*, const BsnColumn*>> undecided_bsn(const EventLog& log, const ImportOptions& options) {
    std::vector<std::pair<const InputFile*, const BsnColumn*>> out;
    if (options.pseudonymise) return out;
    for (const InputFile& in : log.inputs)
        for (const BsnColumn& c : in.bsn_columns)
            if (c.identifying && std::find(options.not_bsn.begin(), options.not_bsn.end(), c.column) == options.not_bsn.end())
                out.emplace_back(&in, &c);
    return out;
}

}  // namespace

bool has_undecided_bsn(const EventLog& log, const ImportOptions& options) { return !undecided_bsn(log, options).empty(); }

void require_bsn_decision(const EventLog& log, const ImportOptions& options) {
    const auto undecided = undecided_bsn(log, options);
    if (undecided.empty()) return;
    const auto& [in, c] = undecided.front();
    throw Error(in->path + ":" + std::to_string(c->first_line) + ": kolom '" + c->column + "' heeft " + grouped(c->values) +
                (c->values == 1 ? " waarde die een BSN kan zijn" : " waarden die een BSN kunnen zijn") +
                " (de eerste op deze regel); Wmo-toets schrijft die nergens weg zonder uw besluit. Kies: "
                "--pseudonimiseer SLEUTELBESTAND (vervangt ze door pseudoniemen; maak een sleutel met 'wmotoets sleutel'), "
                "of --geen-bsn-kolom " + c->column + " (het zijn geen BSN's maar bijvoorbeeld dossiernummers; in een "
                "mappingbestand: geen_bsn = [\"" + c->column + "\"])");
}

// Buffers a line at a time and writes it with every possible BSN masked.
class MaskedOutput::Buf : public std::streambuf {
public:
    explicit Buf(std::ostream& to) : to_(to) {}
    int sync() override {
        flush_line();
        to_.flush();
        return to_ ? 0 : -1;
    }

protected:
    int_type overflow(int_type c) override {
        if (c == traits_type::eof()) return traits_type::not_eof(c);
        line_ += char(c);
        if (c == '\n') flush_line();
        return c;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        std::string_view text(s, std::size_t(n));
        for (std::size_t nl; (nl = text.find('\n')) != std::string_view::npos; text.remove_prefix(nl + 1)) {
            line_.append(text.substr(0, nl + 1));
            flush_line();
        }
        line_.append(text);
        return n;
    }

private:
    void flush_line() {
        if (line_.empty()) return;
        const std::string masked = mask_bsn_groups(line_);
        to_.write(masked.data(), std::streamsize(masked.size()));
        line_.clear();
    }
    std::ostream& to_;
    std::string line_;
};

MaskedOutput::MaskedOutput(std::ostream& to) : buf_(std::make_unique<Buf>(to)), out_(buf_.get()) {}
MaskedOutput::~MaskedOutput() { buf_->pubsync(); }

void load_settings(const std::string& settings_file, const std::vector<std::string>& holiday_files, Settings& settings,
                   Calendar& calendar) {
    if (!settings_file.empty()) read_settings_file(settings_file, settings, calendar);
    for (const std::string& f : holiday_files) read_equated_days_file(f, calendar);
}

LocalRules load_local_rules(const std::string& path) {
    if (path.empty()) return {};
    LocalRules local(read_local_rules_file(path));
    spdlog::info("{}: {}", path, counted(local.rules().size(), "lokale regel", "lokale regels"));
    return local;
}

RunRecord latest_run_of(const Store& store) {
    std::optional<RunRecord> run = store.latest_run();
    if (!run)
        throw Error(store.path() + ": nog geen controle in deze database; voer eerst 'wmotoets controleer --db " +
                    store.path() + "' uit");
    return std::move(*run);
}

LatestRun load_latest_run(const std::string& db) {
    Store store(db, store_notice);
    RunRecord run = latest_run_of(store);
    LatestRun out{store.load(), std::move(run)};
    out.log.finalize();
    return out;
}

void ensure_directory(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode))
        throw Error(path + ": is geen map (hier komen de bestanden; geef een map, bijv. --uit rapport/)");
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) throw Error(path + ": map kan niet worden gemaakt (" + ec.message() + ")");
}

namespace {

// Refuses a target that is a directory, a symbolic link (a link planted there must not lead the
// output somewhere else) or anything but an ordinary file.
void check_target(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return;  // absent: fine
    if (S_ISLNK(st.st_mode))
        throw Error(path + ": is een symbolische koppeling; wmotoets schrijft daar niet doorheen (kies een andere naam)");
    if (S_ISDIR(st.st_mode)) throw Error(path + ": is een map; geef een bestandsnaam");
    if (!S_ISREG(st.st_mode)) throw Error(path + ": is geen gewoon bestand; geef een bestandsnaam");
}

}  // namespace

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
    check_target(path_);
    std::string name = path_ + ".deel-XXXXXX";
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);  // O_EXCL: a new file, never an existing one or a link
    if (fd_ < 0) throw Error(path_ + ": kan uitvoerbestand niet schrijven (" + std::strerror(errno) + ")");
    part_ = name;
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);  // as an ordinary new file, not mkstemp's 0600
}

std::ostream& OutputFile::stream() {
    if (!out_) {
        buf_ = std::make_unique<__gnu_cxx::stdio_filebuf<char>>(fd_, std::ios::out | std::ios::binary, 1 << 16);
        out_ = std::make_unique<std::ostream>(buf_.get());
    }
    return *out_;
}

// Closes the file (the stream's buffer owns the descriptor once the stream was used).
void OutputFile::close_file() {
    const bool owned_by_buffer = buf_ != nullptr;
    out_.reset();
    buf_.reset();
    if (!owned_by_buffer && fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

OutputFile::~OutputFile() {
    if (committed_) return;
    close_file();
    ::unlink(part_.c_str());
}

void OutputFile::commit() {
    bool ok = true;
    if (out_) ok = static_cast<bool>(out_->flush());
    int error = ok ? 0 : errno;
    if (::fsync(fd_) != 0) {  // a full disk shows here at the latest
        ok = false;
        error = errno;
    }
    close_file();
    if (!ok)
        throw Error(path_ + ": schrijven mislukt (" + std::strerror(error ? error : EIO) +
                    "); een eerder bestand met deze naam is niet veranderd");
    check_target(path_);
    if (::rename(part_.c_str(), path_.c_str()) != 0)
        throw Error(path_ + ": kan uitvoerbestand niet op zijn plaats zetten (" + std::strerror(errno) + ")");
    committed_ = true;
}

void write_output(const std::string& path, const std::function<void(std::ostream&)>& write) {
    OutputFile file(path);
    write(file.stream());
    file.commit();
}

void write_output_file(const std::string& path, const std::function<void(const std::string& temporary)>& write) {
    OutputFile file(path);
    try {
        write(file.temporary_path());
    } catch (const Error& e) {  // name the file the user asked for, not the temporary one
        std::string message = e.what();
        if (const auto at = message.find(file.temporary_path()); at != std::string::npos)
            message.replace(at, file.temporary_path().size(), path);
        throw Error(message);
    }
    file.commit();
}

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

namespace {

// The headless browser that prints a page, if one is installed.
std::optional<std::string> find_chromium() {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
        std::size_t at = 0;
        while (at <= dirs.size()) {
            const std::size_t colon = std::min(dirs.find(':', at), dirs.size());
            const std::string candidate = dirs.substr(at, colon - at) + "/" + name;
            if (colon > at && ::access(candidate.c_str(), X_OK) == 0) return candidate;
            at = colon + 1;
        }
    }
    return std::nullopt;
}

}  // namespace

void print_pdf(const std::string& html, const std::string& pdf) {
    const auto chromium = find_chromium();
    if (!chromium)
        throw Error(pdf + " niet geschreven: Chromium ontbreekt. Installeer het Debian-pakket 'chromium' "
                          "(apt-get install chromium) en probeer het opnieuw; " + std::filesystem::path(html).filename().string() +
                          " staat er wel.");
    const std::string url = "file://" + std::filesystem::absolute(html).string();
    write_output_file(pdf, [&](const std::string& tmp) {
        const std::string out = "--print-to-pdf=" + tmp;
        std::vector<std::string> args = {*chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                         "--no-pdf-header-footer", "--user-data-dir=" + tmp + ".profiel", out, url};
        std::vector<char*> argv;
        for (std::string& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        const pid_t child = ::fork();
        if (child < 0) throw Error(pdf + ": Chromium kon niet worden gestart");
        if (child == 0) {
            const int null = ::open("/dev/null", O_WRONLY);
            if (null >= 0) {
                ::dup2(null, STDOUT_FILENO);
                ::dup2(null, STDERR_FILENO);
            }
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        int status = 0;
        bool done = false;
        for (int waited = 0; waited < 3000 && !done; ++waited) {  // 3000 × 100 ms
            if (::waitpid(child, &status, WNOHANG) == child) done = true;
            else std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        std::error_code ec;
        if (!done) {
            ::kill(child, SIGKILL);
            ::waitpid(child, &status, 0);
            std::filesystem::remove_all(tmp + ".profiel", ec);
            throw Error(pdf + ": Chromium gaf na vijf minuten nog geen PDF; " + std::filesystem::path(html).filename().string() +
                        " staat er wel");
        }
        std::filesystem::remove_all(tmp + ".profiel", ec);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !std::filesystem::exists(tmp) ||
            std::filesystem::file_size(tmp) == 0)
            throw Error(pdf + ": Chromium kon " + std::filesystem::path(html).filename().string() + " niet als PDF afdrukken (" +
                        *chromium + ")");
    });
}

}  // namespace wmotoets
