#include "app/cli.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <malloc.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <sstream>
#include <unistd.h>

#include "app/generator.hpp"
#include "import/import_file.hpp"
#include "import/pseudonym.hpp"
#include "model/store.hpp"
#include "import/toml_files.hpp"
#include "workflow/local_rules.hpp"
#include "model/error.hpp"
#include "reports/rulebook.hpp"
#include "reports/audit_sheet.hpp"
#include "reports/report.hpp"
#include "reports/separation.hpp"
#include "reports/xlsx_report.hpp"
#include "reports/zelftest_report.hpp"
#include "reports/zelftest_form.hpp"
#include "import/zelftest_files.hpp"
#include <nlohmann/json.hpp>
#include "reports/sample_draw.hpp"
#include "reports/sampling.hpp"
#include "reports/writers.hpp"

namespace wmotoets {

namespace {

constexpr const char* kCheckExamples = R"(
Voorbeelden:
  wmotoets controleer data/voorbeeld/dossiers.csv
      controleer de voorbeelddossiers; bevindingen per dossier en cijfers per regel
  wmotoets controleer export-jan.csv export-feb.csv --format json --uit bevindingen.json
      twee exports samen, als JSON (schema wmotoets/1) naar een bestand
  wmotoets controleer dossiers.csv --select INF,ONA-01 --peildatum 2025-06-30
      alleen de informatieregels en ONA-01, beoordeeld op 30 juni 2025
  wmotoets controleer dossiers.csv --strict
      stop bij de eerste onbruikbare rij (exitcode 2) in plaats van die over te slaan
  wmotoets controleer export.csv --behoud-onbekend --regels lokale-regels.toml
      ook de eigen werkinstructies van de gemeente (LOK-regels), ook op eigen labels
  wmotoets controleer dossiers.csv --instellingen wmotoets.toml --feestdagen besluit-2029.txt
      eigen termijnen (14 dagen voor ONA-04/TOE-03) en nieuw gelijkgestelde dagen
  wmotoets controleer export.csv --mapping data/mapping/zaaksysteem-export.toml
      een eigen export: kolomnamen, statusomschrijvingen, rollen en waarden via een mappingbestand
  wmotoets controleer logboek.xes.gz --behoud-onbekend --regels lokale-regels.toml
      een XES-logboek (process mining); alleen events met lifecycle 'complete' (--levenscyclus alle)
  wmotoets controleer zaken.json --mapping data/mapping/zgw.toml
      een JSON-export uit de ZGW-API's (zaken, statussen, rollen, besluiten, klantcontacten)

Mappingbestand (TOML), zie data/mapping/:
  onbekende_activiteiten = "weigeren"  # of "behouden" (voor lokale regels)
  [kolommen]        case_id = "Zaaknummer"   timestamp = "Datum status"   activity = "Statusomschrijving"
  [activiteiten]    "Keukentafelgesprek" = "gesprek"
  [rollen]          "Wmo-consulent" = "consulent"
  [waarden.aan]     "Cliënt" = "client"

Instellingenbestand (TOML):
  [termijnen]
  andere_ondersteuner_dagen = 14      # ONA-04
  wachttijd_ondersteuner_dagen = 14   # TOE-03
  [kalender]
  gelijkgestelde_dagen = ["2029-05-11"]   # Atw art. 3 lid 3, bovenop de meegeleverde lijst
  feestdagen = ["extra-dagen.txt"]        # lijsten in het formaat van data/kalender/


Exitcodes: 0 = gecontroleerd, geen overtreding; 1 = minstens één bevinding met ernst overtreding
(--exit-zero maakt dat 0); 2 = fout (onbruikbare argumenten, onleesbaar bestand, --strict, privacy).
Onbruikbare rijen worden als BESTAND:REGEL: reden op stderr gemeld, geteld en overgeslagen.
)";

constexpr const char* kImportExamples = R"(
Voorbeelden:
  wmotoets importeer export-2024-01.csv --db audit.db
      voeg de export van januari toe (één transactie per bestand: alles of niets)
  wmotoets importeer export-2024-02.csv --db audit.db
      een nieuwere export: dossiers die erin staan vervangen hun eerdere versie; de rest blijft
  wmotoets importeer logboek.xes.gz zaaksysteem.csv --mapping zaaksysteem.toml --db audit.db
  wmotoets controleer --db audit.db --format json --uit bevindingen.json
      controleer alles wat is opgeslagen en bewaar de controle voor 'wmotoets rapport'
Hetzelfde bestand nog eens importeren voegt niets toe (herkend aan de SHA-256).
)";

constexpr const char* kRulesExamples = R"(
Voorbeelden:
  wmotoets regels            het regelboek: ID, ernst, titel en grondslag
  wmotoets regels ONA-01     uitleg van één regel: wat wordt gecontroleerd, waarom, een voorbeeld
  wmotoets regels --regels lokale-regels.toml
                             het regelboek met de lokale regels (LOK-) erbij
  wmotoets regels --markdown het regelboek als Markdown (zo ontstaat docs/regels.md)

Lokaal regelbestand (TOML), per regel een [[regel]]-tabel:
  [[regel]]
  id = "LOK-01"                      # moet met LOK- beginnen
  titel = "Tweede collega toetst elke beschikking"
  ernst = "aandachtspunt"            # overtreding, aandachtspunt of signaal
  grondslag = "Werkinstructie Wmo 2024, par. 3"
  sjabloon = "vier_ogen"             # voorafgaand, gevolgd_door, vier_ogen, verplicht, verboden
  a = "besluit"                      # canonieke activiteit, of een eigen label precies zoals in de invoer
  b = "Collegiale toets"
  # binnen_dagen = 5                 # alleen bij gevolgd_door
)";

constexpr const char* kGenerateExamples = R"(
Voorbeelden:
  wmotoets genereer --dossiers 1000 --zaad 7 --uit demo.csv
  wmotoets genereer --dossiers 100000 --aandeel ONA-01=0.2,PRO-01=0 --scheidingsteken ';' > groot.csv
Hetzelfde zaad geeft op elke machine hetzelfde logboek.
)";

struct CheckOptions {
    std::vector<std::string> logs;
    std::string format = "text";
    std::string out;
    std::string peildatum;
    std::vector<std::string> select, ignore;
    std::string settings_file, local_rules_file, mapping_file;
    std::string input_format = "auto", lifecycle = "complete";
    std::string db;  // --db: work on (and store into) this database
    std::string key_file;  // --pseudonimiseer
    std::vector<std::string> holiday_files;
    bool outcomes = false, strict = false, keep_unknown = false, exit_zero = false;
};

void log_problem(const Problem& p, bool warning) {
    if (warning) spdlog::warn("{}: waarschuwing: {}", p.where(), p.message);
    else spdlog::warn("{}: {}", p.where(), p.message);
}

std::unique_ptr<std::ostream> open_output(const std::string& path) {
    auto f = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
    if (!*f) throw Error(path + ": kan uitvoerbestand niet schrijven");
    return f;
}

// The --uit file of `controleer`, written under a temporary name beside it and put in its
// place only when complete: a check that fails halfway leaves an earlier file as it was.
class OutputFile {
public:
    explicit OutputFile(std::string path) : path_(std::move(path)), part_(path_ + ".deel") {
        out_.open(part_, std::ios::binary | std::ios::trunc);
        if (!out_) throw Error(path_ + ": kan uitvoerbestand niet schrijven");
    }
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    ~OutputFile() {
        if (committed_) return;
        out_.close();
        std::error_code ec;
        std::filesystem::remove(part_, ec);
    }
    std::ostream& stream() { return out_; }
    void commit() {
        out_.close();
        if (!out_) throw Error(path_ + ": schrijven mislukt");
        std::error_code ec;
        std::filesystem::rename(part_, path_, ec);
        if (ec) throw Error(path_ + ": kan uitvoerbestand niet schrijven (" + ec.message() + ")");
        committed_ = true;
    }

private:
    std::string path_, part_;
    std::ofstream out_;
    bool committed_ = false;
};

// Logs how long a phase took (with --uitgebreid).
class PhaseTimer {
public:
    explicit PhaseTimer(const char* what) : what_(what), start_(std::chrono::steady_clock::now()) {}
    ~PhaseTimer() {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start_);
        spdlog::debug("tijd: {} {} ms (piekgeheugen tot nu toe {} MiB)", what_, ms.count(), peak_mib());
    }

    // The process's peak resident memory (VmHWM), 0 where /proc is not available.
    static long peak_mib() {
        std::ifstream status("/proc/self/status");
        std::string line;
        while (std::getline(status, line))
            if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6) / 1024;
        return 0;
    }

private:
    const char* what_;
    std::chrono::steady_clock::time_point start_;
};

// The settings and calendar of a run: defaults, then the settings file, then --feestdagen.
void load_settings(const CheckOptions& o, Settings& settings, Calendar& calendar) {
    if (!o.settings_file.empty()) read_settings_file(o.settings_file, settings, calendar);
    for (const std::string& f : o.holiday_files) read_equated_days_file(f, calendar);
}

LocalRules load_local_rules(const std::string& path) {
    if (path.empty()) return {};
    LocalRules local(read_local_rules_file(path));
    spdlog::info("{}: {} lokale regel(s)", path, local.rules().size());
    return local;
}

// The import options of a command, with its mapping file read once.
struct ImportSetup {
    explicit ImportSetup(const CheckOptions& o) {
        options.strict = o.strict;
        options.keep_unknown = o.keep_unknown;
        options.all_lifecycles = o.lifecycle == "alle";
        if (!o.mapping_file.empty()) {
            mapping = read_mapping_file(o.mapping_file);
            options.mapping = &*mapping;
        }
        if (!o.key_file.empty()) {
            key = PseudonymKey::from_file(o.key_file);
            options.pseudonymise = &*key;
        }
    }
    ImportSetup(const ImportSetup&) = delete;
    ImportSetup& operator=(const ImportSetup&) = delete;
    std::optional<Mapping> mapping;
    std::optional<PseudonymKey> key;
    ImportOptions options;
};

// Reads one log into `log`, reporting bad rows, warnings and a summary line on stderr.
void read_log(const std::string& path, const CheckOptions& o, ImportOptions options, EventLog& log, Diagnostics& diag) {
    const bool tty = isatty(STDERR_FILENO) != 0 && spdlog::get_level() <= spdlog::level::info;
    if (tty)
        options.progress = [&path](std::uint64_t done, std::uint64_t total) {
            if (total > 0)
                std::fprintf(stderr, "\rinlezen %s: %3d %%", path.c_str(), int(std::min<std::uint64_t>(100, done * 100 / total)));
        };
    const PhaseTimer timer("inlezen");
    const std::size_t bad_before = diag.bad_rows.size(), warn_before = diag.warnings.size();
    import_log_file(path, o.input_format, options, log, diag);
    for (std::size_t i = warn_before; i < diag.warnings.size(); ++i) log_problem(diag.warnings[i], true);
    for (std::size_t i = bad_before; i < diag.bad_rows.size(); ++i) log_problem(diag.bad_rows[i], false);
    if (tty && log.inputs.back().rows >= 0x10000) std::fprintf(stderr, "\r\033[K");  // clear the progress line
    const InputFile& in = log.inputs.back();
    spdlog::info("{}: {} {} gelezen, {} gebruikt, {} afgekeurd{}{}", path, in.rows,
                 in.format == "xes" ? "events" : in.format == "zgw" ? "resources" : "rijen",
                 in.used, in.rejected,
                 in.skipped ? fmt::format(", {} overgeslagen (levenscyclus niet 'complete')", in.skipped) : std::string(),
                 in.possible_bsn ? fmt::format(", {} mogelijk BSN", in.possible_bsn) : std::string());
    if (in.bsn_skipped)
        spdlog::info("{}: {} BSN-veld(en) van natuurlijke personen overgeslagen (nooit ingelezen of opgeslagen)", path,
                     in.bsn_skipped);
}

// The local time of an import, as provenance in the database (never in a report).
std::string now_text() {
    const std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", std::localtime(&t));
    return buf;
}

// Adds every log of the command to the store, each file in one transaction.
void import_into_store(const CheckOptions& o, Store& store) {
    const ImportSetup setup(o);
    for (const std::string& path : o.logs) {
        EventLog log;
        Diagnostics diag;
        read_log(path, o, setup.options, log, diag);
        log.finalize();
        const PhaseTimer timer("opslaan");
        const ImportSummary sum = store.add_import(log, 0, now_text());
        if (sum.already_imported)
            spdlog::info("{}: al eerder geïmporteerd (import {}, uit {}); niets toegevoegd", path, sum.import_id,
                         sum.earlier_path);
        else
            spdlog::info("{}: opgeslagen in {} als import {}: {} dossiers toegevoegd, {} vervangen, {} ongewijzigd", path,
                         store.path(), sum.import_id, sum.added, sum.replaced, sum.unchanged);
    }
}

// Stores the run (rule ids and texts, outcomes, findings with their rows, figures), streamed.
std::int64_t store_run(Store& store, const EventLog& log, const CheckResult& result, const std::vector<Figure>& figures,
                       const Settings& settings) {
    std::vector<std::string> rule_ids;
    for (const Rule* r : result.rules) rule_ids.emplace_back(r->info().id);
    Store::RunWriter w(store, result.peildatum_known ? result.peildatum.iso() : std::string(),
                       fmt::format("andere_ondersteuner_dagen={};wachttijd_ondersteuner_dagen={}",
                                   settings.andere_ondersteuner_dagen, settings.wachttijd_ondersteuner_dagen),
                       rule_ids);
    static constexpr char kCode[] = {'n', 'v', 'o', 'x'};  // niet van toepassing, voldaan, onbekend, overtreden
    std::string codes;
    for (std::size_t c = 0; c < log.cases.size(); ++c) {
        codes.clear();
        for (std::size_t r = 0; r < result.rules.size(); ++r) codes += kCode[static_cast<int>(result.outcome(c, r))];
        w.outcome(log.str(log.cases[c].id), codes);
    }
    StoredRun::Finding x;
    for (const CaseFinding& f : result.findings) {
        x.case_id.assign(log.str(log.cases[f.case_pos].id));
        x.rule.assign(result.rules[f.rule]->info().id);
        x.cycle = f.cycle;
        x.date = f.date.iso();
        x.deadline = f.deadline ? f.deadline->iso() : std::string();
        x.message.assign(f.message);
        x.events.clear();
        for (std::uint32_t e : f.events)
            x.events.emplace_back(std::size_t(log.inputs[log.events[e].file].store_id), log.events[e].line);
        w.finding(x);
    }
    for (const Figure& f : figures) {
        StoredRun::Figure y;
        const RuleInfo& info = f.rule->info();
        y.rule = std::string(info.id);
        y.title = std::string(info.title);
        y.severity = std::string(severity_name(info.severity));
        y.applicable = f.applicable;
        y.compliant = f.compliant;
        y.violations = f.violations;
        y.unknown = f.unknown;
        y.rate = f.rate;
        if (f.ci95) {
            y.lo = f.ci95->first;
            y.hi = f.ci95->second;
        }
        w.figure(y);
    }
    return w.commit();
}

int run_check_command(const CheckOptions& o) {
    Settings settings;
    Calendar calendar;
    load_settings(o, settings, calendar);
    const LocalRules local = load_local_rules(o.local_rules_file);
    const std::vector<const Rule*> rules = select_rules(rules_with(local), o.select, o.ignore);
    std::optional<Date> peildatum;
    if (!o.peildatum.empty()) {
        peildatum = parse_iso_date(o.peildatum);
        if (!peildatum) throw Error("--peildatum '" + o.peildatum + "' is geen geldige datum (verwacht JJJJ-MM-DD)");
    }
    EventLog log;
    std::unique_ptr<Store> store;
    if (!o.db.empty()) {
        // With a database: the given logs are added to it first, then everything stored is checked.
        store = std::make_unique<Store>(o.db);
        import_into_store(o, *store);
        const PhaseTimer timer("inlezen uit de database");
        log = store->load();
        spdlog::info("{}: {} dossiers, {} gebeurtenissen uit {} import(s)", o.db, log.case_count(), log.events.size(),
                     log.inputs.size());
    } else {
        Diagnostics diag;
        const ImportSetup setup(o);
        for (const std::string& path : o.logs) read_log(path, o, setup.options, log, diag);
    }
    {
        const PhaseTimer timer("sorteren");
        log.finalize();
    }

    Progress progress;
    const bool tty = isatty(STDERR_FILENO) != 0 && spdlog::get_level() <= spdlog::level::info;
    if (tty && log.cases.size() >= 20000)
        progress = [](std::size_t done, std::size_t total) {
            std::fprintf(stderr, "\rcontroleren: %3zu %% (%zu van %zu dossiers)%s", done * 100 / total, done, total,
                         done == total ? "\n" : "");
        };
    std::optional<OutputFile> file;
    std::ostream* out = &std::cout;
    if (!o.out.empty()) {
        file.emplace(o.out);
        out = &file->stream();
    }
    const OutputFormat& format = output_format(o.format);
    const Date pd = peildatum.value_or(log.latest_date());
    const bool peildatum_known = peildatum.has_value() || log.has_events();
    CheckResult result;
    std::vector<Figure> figures;
    OrderedOutput ordered(*out, format);
    if (store) {
        // The run is stored too, so its findings are kept: written when the check is done.
        {
            const PhaseTimer timer("afspelen en beoordelen");
            result = run_check(log, rules, calendar, pd, progress, settings);
        }
        const PhaseTimer write_timer("schrijven");
        result.peildatum_known = peildatum_known;
        figures = compute_figures(result);
        write_report(*out, ReportData{log, result, figures, o.outcomes}, format);
    } else {
        // The findings are written while the check runs, block by block, and never all held.
        const std::string head = format.head(log, peildatum_known ? std::optional<Date>(pd) : std::nullopt);
        out->write(head.data(), static_cast<std::streamsize>(head.size()));
        const FindingStream stream{[&](std::span<const CaseFinding> fs, std::string& text) {
                                       format.findings(text, log, rules, fs);
                                   },
                                   [&](std::string&& text) { ordered.write(text); }};
        {
            const PhaseTimer timer("afspelen, beoordelen en bevindingen schrijven");
            result = run_check(log, rules, calendar, pd, progress, settings, &stream);
        }
        const PhaseTimer write_timer("cijfers schrijven");
        result.peildatum_known = peildatum_known;
        figures = compute_figures(result);
        const std::string tail = format.tail(ReportData{log, result, figures, o.outcomes}, ordered.any());
        out->write(tail.data(), static_cast<std::streamsize>(tail.size()));
    }
    out->flush();
    if (!*out) throw Error((o.out.empty() ? std::string("stdout") : o.out) + ": schrijven mislukt");
    if (file) {
        file->commit();
        spdlog::info("{} bevindingen in {} dossiers geschreven naar {}", result.finding_count, log.cases.size(), o.out);
    }
    if (store) {
        const PhaseTimer timer("controle opslaan");
        const std::int64_t id = store_run(*store, log, result, figures, settings);
        spdlog::info("{}: controle {} opgeslagen (voor 'wmotoets rapport')", o.db, id);
    }
    return has_overtreding(result) && !o.exit_zero ? 1 : 0;
}

struct RulesOptions {
    std::string id, local_rules_file;
    bool markdown = false;
};

int run_rules_command(const RulesOptions& o) {
    const LocalRules local = load_local_rules(o.local_rules_file);
    const std::vector<const Rule*> rules = rules_with(local);
    if (o.markdown) {
        write_rulebook_markdown(std::cout, rules);
        return 0;
    }
    if (o.id.empty()) {
        write_rulebook_list(std::cout, rules);
        std::cout << "\nUitleg van één regel: wmotoets regels ID (bijvoorbeeld: wmotoets regels INF-01)\n";
        return 0;
    }
    const auto r = std::find_if(rules.begin(), rules.end(), [&](const Rule* x) { return x->info().id == o.id; });
    if (r == rules.end()) throw Error("onbekende regel '" + o.id + "' (zie 'wmotoets regels' voor de lijst)");
    write_rule_explanation(std::cout, **r);
    return 0;
}

int run_generate_command(const GeneratorOptions& g, const std::string& out_path) {
    if (out_path.empty()) {
        generate_log(std::cout, g);
        std::cout.flush();
        return 0;
    }
    auto f = open_output(out_path);
    generate_log(*f, g);
    f->flush();
    if (!*f) throw Error(out_path + ": schrijven mislukt");
    spdlog::info("{} dossiers geschreven naar {}", g.dossiers, out_path);
    return 0;
}

// The stratum of a dossier: its team, or the quarter of its first event.
std::string stratum_of(const EventLog& log, const Case& c, const std::string& strata) {
    std::string s = strata == "kwartaal" ? dossier_quarter(log, c) : dossier_team(log, c);
    if (s.empty()) s = strata == "kwartaal" ? "(geen datum)" : "(geen team)";
    return s;
}

struct ZelftestOptions {
    std::vector<std::string> answers;
    std::string db, check_json, out, settings_file;
    std::optional<double> threshold;
};

// The figures per rule of a check: from controleer --format json, or the latest run in a database.
std::map<std::string, CheckFigure> check_figures(const ZelftestOptions& o) {
    std::map<std::string, CheckFigure> out;
    if (!o.db.empty()) {
        Store store(o.db);
        const auto run = store.latest_run();
        if (!run) throw Error(o.db + ": nog geen controle in deze database; voer eerst 'wmotoets controleer --db " + o.db + "' uit");
        for (const auto& f : run->figures)
            out[f.rule] = CheckFigure{f.rule, f.title, f.applicable, f.compliant, f.violations, f.unknown, f.rate};
    } else if (!o.check_json.empty()) {
        std::ifstream in(o.check_json, std::ios::binary);
        if (!in) throw Error(o.check_json + ": bestand bestaat niet of is niet leesbaar");
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(in);
        } catch (const nlohmann::json::exception& e) {
            throw Error(o.check_json + ": geen geldige JSON van 'wmotoets controleer --format json' (" + e.what() + ")");
        }
        if (!j.is_object() || !j.contains("figures") || !j["figures"].is_array())
            throw Error(o.check_json + ": geen uitvoer van 'wmotoets controleer --format json' (de lijst 'figures' ontbreekt)");
        for (const auto& f : j["figures"]) {
            CheckFigure c;
            c.rule = f.value("rule", "");
            c.title = f.value("title", "");
            c.applicable = f.value("applicable", std::size_t(0));
            c.compliant = f.value("compliant", std::size_t(0));
            c.violations = f.value("violations", std::size_t(0));
            c.unknown = f.value("unknown", std::size_t(0));
            if (f.contains("rate") && f["rate"].is_number()) c.rate = f["rate"].get<double>();
            out[c.rule] = c;
        }
    }
    return out;
}

int run_zelftest_report(const ZelftestOptions& o) {
    Settings settings;
    Calendar calendar;
    if (!o.settings_file.empty()) read_settings_file(o.settings_file, settings, calendar);
    const double threshold = o.threshold.value_or(settings.zelftest_drempel_procent) / 100.0;
    const ZelftestQuestions& q = shipped_questions();
    std::vector<ZelftestAnswers> sets;
    for (const std::string& f : o.answers) sets.push_back(read_zelftest_answers(f, q));
    const ZelftestDialogue d = zelftest_dialogue(q, sets, check_figures(o), threshold);
    std::filesystem::create_directories(o.out);
    {
        auto f = open_output(o.out + "/zelftest.html");
        write_zelftest_html(*f, q, sets, d);
        if (!*f) throw Error(o.out + "/zelftest.html: schrijven mislukt");
    }
    write_zelftest_xlsx(o.out + "/zelftest.xlsx", q, sets, d);
    spdlog::info("{}: zelftest.html en zelftest.xlsx geschreven ({} antwoordset(s), {} gesprekspunt(en){})", o.out, sets.size(),
                 d.points.size(), d.with_case_data ? ", met de toets aan de dossiers" : "");
    return 0;
}

int run_report_command(const std::string& db, const std::string& out_dir, bool publication,
                       const std::string& settings_file, bool separation) {
    Settings settings;
    Calendar calendar;
    if (!settings_file.empty()) read_settings_file(settings_file, settings, calendar);
    Disclosure disclosure;
    disclosure.publication = publication;
    disclosure.threshold = std::size_t(settings.publicatie_drempel);
    disclosure.base = std::size_t(settings.publicatie_afronding);
    Store store(db);
    const std::optional<StoredRun> run = store.latest_run();
    if (!run) throw Error(db + ": nog geen controle in deze database; voer eerst 'wmotoets controleer --db " + db + "' uit");
    EventLog log = store.load();
    log.finalize();
    std::filesystem::create_directories(out_dir);
    std::optional<SeparationView> view;
    if (separation) view = separation_view(log, *run);
    {
        auto f = open_output(out_dir + "/rapport.html");
        write_report_html(*f, log, *run, disclosure, view ? &*view : nullptr);
        if (!*f) throw Error(out_dir + "/rapport.html: schrijven mislukt");
    }
    if (!publication) {  // findings per dossier never leave the organisation
        auto f = open_output(out_dir + "/bevindingen.csv");
        write_findings_csv(*f, log, *run);
        if (!*f) throw Error(out_dir + "/bevindingen.csv: schrijven mislukt");
    } else {
        std::filesystem::remove(out_dir + "/bevindingen.csv");
    }
    write_report_xlsx(out_dir + "/rapport.xlsx", log, *run, disclosure, view ? &*view : nullptr);
    if (publication)
        spdlog::info("{}: publicatieversie (aantallen onder {} onderdrukt, afgerond op {}; zonder gegevens per dossier)",
                     out_dir, disclosure.threshold, disclosure.base);
    spdlog::info("{}: {} geschreven ({} dossiers, {} bevindingen, peildatum {})", out_dir,
                 publication ? "rapport.html en rapport.xlsx" : "rapport.html, rapport.xlsx en bevindingen.csv", run->case_ids.size(), run->findings.size(),
                 run->peildatum.empty() ? "onbekend" : run->peildatum);
    return 0;
}

int run_draw_command(const std::string& db, std::size_t size, std::uint64_t seed, const std::string& strata,
                     const std::string& out_dir) {
    Store store(db);
    const std::optional<StoredRun> run = store.latest_run();
    if (!run) throw Error(db + ": nog geen controle in deze database; voer eerst 'wmotoets controleer --db " + db + "' uit");
    EventLog log = store.load();
    log.finalize();
    std::vector<SampleUnit> population;
    for (const std::string& id : run->case_ids) {
        const auto at = log.case_position(id);
        if (!at) continue;  // not stored (cannot happen: dossiers are never removed)
        population.push_back({id, strata.empty() ? std::string() : stratum_of(log, log.cases[*at], strata)});
    }
    const DrawnSample s = draw_sample(population, size, seed);
    std::ostringstream list;
    list << "# steekproef: " << s.drawn.size() << " van " << s.population << " dossiers uit de laatste controle (peildatum "
         << (run->peildatum.empty() ? "onbekend" : run->peildatum) << "), zaad " << seed << "\n"
         << "# methode: dossiers op nummer gesorteerd, getrokken zonder teruglegging met SplitMix64 en Fisher-Yates"
         << (strata.empty() ? std::string() : "; proportioneel gelaagd naar " + strata + " (grootste rest)") << "\n";
    if (!strata.empty())
        for (const auto& [name, n] : s.stratum_sizes)
            list << "# stratum " << name << ": " << s.allocation.at(name) << " van " << n << "\n";
    list << "nr;dossier" << (strata.empty() ? "" : ";stratum") << "\n";
    for (std::size_t i = 0; i < s.drawn.size(); ++i)
        list << i + 1 << ';' << s.drawn[i].case_id << (strata.empty() ? std::string() : ";" + s.drawn[i].stratum) << "\n";
    std::cout << list.str();
    if (!out_dir.empty()) {
        std::filesystem::create_directories(out_dir);
        {
            auto f = open_output(out_dir + "/steekproef.csv");
            *f << list.str();
            if (!*f) throw Error(out_dir + "/steekproef.csv: schrijven mislukt");
        }
        for (std::size_t i = 0; i < s.drawn.size(); ++i) {
            const std::string path =
                fmt::format("{}/auditblad-{:03}-{}.html", out_dir, i + 1, file_name_for(s.drawn[i].case_id));
            auto f = open_output(path);
            write_audit_sheet(*f, log, *log.case_position(s.drawn[i].case_id), *run,
                              AuditSheetInfo{i + 1, s.drawn.size(), seed, s.drawn[i].stratum});
            if (!*f) throw Error(path + ": schrijven mislukt");
        }
        spdlog::info("{}: steekproef.csv en {} auditbladen geschreven", out_dir, s.drawn.size());
    }
    return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
    // Large runs allocate and free big buffers per block of dossiers: keep freed memory in the
    // process instead of returning it and faulting fresh zeroed pages in again (slow in a VM).
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
    auto logger = spdlog::get("wmotoets");  // one logger, also when run_cli is called more than once
    if (!logger) logger = spdlog::stderr_logger_st("wmotoets");
    logger->set_pattern("%v");
    spdlog::set_default_logger(logger);

    CLI::App app{"wmotoets — toetst Wmo-dossiers aan de Wmo 2015-procedure, met de nadruk op onafhankelijke "
                 "cliëntondersteuning (art. 2.3.2 lid 3: vóór het onderzoek wijzen op gratis cliëntondersteuning; "
                 "de ondersteuner beslist nooit zelf).",
                 "wmotoets"};
    app.footer("\nBegin met: wmotoets controleer data/voorbeeld/dossiers.csv\n"
               "Elk subcommando heeft eigen hulp: wmotoets controleer --help\n");
    // Dutch for CLI11's own words (subcommands inherit the formatter and the help flag; the
    // "Options" heading is a group name, relabelled below once all options exist).
    auto formatter = app.get_formatter();
    for (const auto& [en, nl] : {std::pair<const char*, const char*>{"Usage", "Gebruik"}, {"OPTIONS", "OPTIES"},
                                 {"Positionals", "Argumenten"}, {"SUBCOMMAND", "SUBCOMMANDO"},
                                 {"Subcommands", "Subcommando's"}, {"REQUIRED", "VERPLICHT"}, {"TEXT", "TEKST"},
                                 {"UINT", "GETAL"}, {"FLOAT", "GETAL"}})
        formatter->label(en, nl);
    app.set_help_flag("-h,--help", "Toon deze hulp");
    app.require_subcommand(1);
    app.fallthrough();  // --stil also works after the subcommand
    app.set_help_all_flag("--help-all", "Hulp bij alle subcommando's");
    bool quiet = false, verbose = false;
    app.add_flag("-q,--stil", quiet, "Geen voortgangs- en samenvattingsregels op stderr (fouten en afgekeurde rijen wel)");
    app.add_flag("-v,--uitgebreid", verbose, "Meer op stderr, zoals de duur van elke fase");

    CheckOptions co;
    CLI::App* check = app.add_subcommand("controleer", "Lees logboeken, speel elk dossier af en beoordeel het per regel");
    check->alias("check");
    check->footer(kCheckExamples);
    // The options that say how logs are read, shared by controleer and importeer.
    auto add_input_options = [](CLI::App* cmd, CheckOptions& opt) {
        cmd->add_option("logboek", opt.logs,
                        "Een of meer eventlogs: canonieke CSV, XES (.xes, .xes.gz) of, met --mapping, een eigen export");
        cmd->add_option("--mapping", opt.mapping_file,
                        "Mappingbestand (TOML): kolommen, activiteitlabels, rollen en waarden van een eigen export");
        cmd->add_option("--formaat", opt.input_format,
                        "Invoerformaat: auto (naar de bestandsnaam: .xes/.xes.gz, .json = zgw, anders csv), csv, xes of zgw (JSON uit de "
                        "ZGW-API's, met een mappingbestand met [zgw.statustypen] enz.)")
            ->check(CLI::IsMember({"auto", "csv", "xes", "zgw"}));
        cmd->add_option("--levenscyclus", opt.lifecycle,
                        "XES: complete (standaard: alleen events met lifecycle:transition 'complete' of zonder) of alle")
            ->check(CLI::IsMember({"complete", "alle"}));
        cmd->add_flag("--strict", opt.strict, "De eerste onbruikbare rij is fataal (exitcode 2); niets uit dat bestand telt");
        cmd->add_flag("--behoud-onbekend", opt.keep_unknown,
                      "Bewaar activiteiten die niet canoniek zijn (voor lokale regels) in plaats van ze af te keuren");
        cmd->add_option("--pseudonimiseer", opt.key_file,
                        "Vervang dossiernummers en medewerkers door pseudoniemen (HMAC-SHA-256 met de sleutel in dit "
                        "bestand; maak er een met 'wmotoets sleutel'). Dezelfde sleutel geeft elke maand dezelfde "
                        "pseudoniemen");
    };
    add_input_options(check, co);
    check->add_option("--db", co.db,
                      "Werk met deze database: de gegeven logboeken worden eerst geïmporteerd, dan wordt alles wat erin "
                      "staat gecontroleerd en de controle opgeslagen (voor 'wmotoets rapport')");
    check->add_option("--format", co.format, "Uitvoer: text (mensen), json (schema wmotoets/1), csv (spreadsheet)")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    check->add_option("--uit", co.out,
                      "Schrijf de uitvoer naar dit bestand in plaats van naar stdout (eerst als BESTAND.deel, "
                      "pas op zijn plaats gezet als de controle klaar is)");
    check->add_flag("--outcomes", co.outcomes, "JSON: voeg de uitkomst per dossier en regel toe");
    check->add_option("--peildatum", co.peildatum,
                      "Datum waarop beoordeeld wordt (JJJJ-MM-DD); standaard de laatste datum in de invoer");
    check->add_option("--select", co.select, "Alleen deze regels of groepen, bijv. INF,ONA-01")->delimiter(',');
    check->add_option("--ignore", co.ignore, "Deze regels of groepen overslaan, bijv. PRO")->delimiter(',');
    check->add_flag("--exit-zero", co.exit_zero, "Exitcode 0, ook als er overtredingen zijn");
    check->add_option("--regels", co.local_rules_file,
                      "Lokaal regelbestand (TOML, [[regel]]-tabellen) met eigen LOK-regels; zie 'wmotoets regels --help'");
    check->add_option("--instellingen", co.settings_file,
                      "Instellingenbestand (TOML): termijnen van ONA-04/TOE-03 en extra gelijkgestelde dagen");
    check->add_option("--feestdagen", co.holiday_files,
                      "Extra gelijkgestelde dagen (Atw art. 3 lid 3), één JJJJ-MM-DD per regel; mag vaker");

    CheckOptions io;
    io.db = "wmotoets.db";
    CLI::App* imp = app.add_subcommand("importeer", "Voeg logboeken toe aan de auditdatabase (SQLite), met herkomst");
    imp->alias("import");
    imp->footer(kImportExamples);
    add_input_options(imp, io);
    imp->add_option("--db", io.db, "De database (standaard wmotoets.db; wordt aangemaakt als die er niet is)");

    std::string key_out;
    CLI::App* keygen = app.add_subcommand("sleutel", "Maak een geheime sleutel voor --pseudonimiseer");
    keygen->add_option("--uit", key_out, "Het sleutelbestand (wordt niet overschreven als het al bestaat)")->required();
    keygen->footer("\nBewaar de sleutel buiten de database en deel hem niet: wie hem heeft, kan pseudoniemen narekenen.\n"
                   "Gebruik elke maand dezelfde sleutel, dan blijven dossiers over exports heen te volgen.\n");

    // steekproef: attribute sampling for the auditor.
    struct SampleOptions {
        double confidence = 95, tolerable = 5;
        std::size_t deviations = 0, size = 0;
        std::optional<std::size_t> population;
    } so;
    CLI::App* sample = app.add_subcommand("steekproef", "Steekproeven voor de auditor: omvang en evaluatie");
    sample->alias("sample");
    sample->require_subcommand(1);
    auto add_common = [&so](CLI::App* c) {
        c->add_option("--betrouwbaarheid", so.confidence, "Betrouwbaarheid in procenten (standaard 95)")
            ->check(CLI::Range(50.0, 99.9));
        c->add_option("--tolerantie", so.tolerable, "Aanvaardbaar afwijkingspercentage (standaard 5)")->check(CLI::Range(0.1, 50.0));
        c->add_option("--populatie", so.population, "Aantal dossiers in de populatie (dan hypergeometrisch)")
            ->check(CLI::Range(std::size_t(1), std::size_t(100000000)));
    };
    CLI::App* sample_size = sample->add_subcommand("omvang", "Hoeveel dossiers moet u beoordelen?");
    add_common(sample_size);
    sample_size->add_option("--fouten", so.deviations, "Aantal afwijkingen dat u in de steekproef verwacht (standaard 0)");
    sample_size->footer("\nVoorbeelden:\n  wmotoets steekproef omvang                       59 (95 %, 5 %, 0 afwijkingen)\n"
                        "  wmotoets steekproef omvang --fouten 1            93\n"
                        "  wmotoets steekproef omvang --populatie 100       45\n");
    struct DrawOptions {
        std::string db = "wmotoets.db", strata, out;
        std::size_t size = 0;
        std::uint64_t seed = 0;
    } dro;
    CLI::App* sample_draw = sample->add_subcommand("trek", "Trek een reproduceerbare steekproef van dossiers, met auditbladen");
    sample_draw->add_option("--db", dro.db, "De database met een controle (standaard wmotoets.db)");
    sample_draw->add_option("--omvang", dro.size, "Aantal dossiers (zie 'steekproef omvang')")->required()->check(CLI::PositiveNumber);
    sample_draw->add_option("--zaad", dro.seed, "Zaad: hetzelfde zaad geeft op elke machine dezelfde dossiers")->required();
    sample_draw->add_option("--strata", dro.strata, "Proportioneel gelaagd naar team of kwartaal (van de melding)")
        ->check(CLI::IsMember({"team", "kwartaal"}));
    sample_draw->add_option("--uit", dro.out, "Map voor steekproef.csv en één printbaar auditblad (HTML) per dossier");
    sample_draw->footer("\nVoorbeeld:\n  wmotoets steekproef trek --db audit.db --omvang 59 --zaad 20261123 --strata team --uit steekproef/\n"
                        "De dossiers komen uit de laatste controle in de database ('wmotoets controleer --db').\n");
    CLI::App* sample_eval = sample->add_subcommand("evalueer", "Wat zeggen de gevonden afwijkingen over alle dossiers?");
    add_common(sample_eval);
    sample_eval->add_option("--omvang", so.size, "Aantal beoordeelde dossiers")->required()->check(CLI::PositiveNumber);
    sample_eval->add_option("--afwijkingen", so.deviations, "Aantal dossiers met een afwijking")->required();

    std::string report_db = "wmotoets.db", report_out, report_settings;
    bool report_publication = false, report_separation = false;
    CLI::App* report = app.add_subcommand("rapport", "Schrijf de rapporten van de laatste controle in de database");
    report->alias("report");
    report->add_option("--db", report_db, "De database (standaard wmotoets.db)");
    report->add_option("--uit", report_out, "Map voor rapport.html, rapport.xlsx en bevindingen.csv")->required();
    report->add_flag("--publicatie", report_publication,
                     "Publicatieversie: aantallen onder de drempel (standaard 10) onderdrukt, andere afgerond op 5, geen "
                     "percentage bij kleine aantallen, geen gegevens per dossier");
    report->add_flag("--scheiding", report_separation,
                     "Voeg het overzicht voor de wijkteamcoördinator toe: ONA-01/02/03 per team en medewerker per maand, "
                     "en wie zowel ondersteuner als beslisser is (HTML en blad Scheiding)");
    report->add_option("--instellingen", report_settings,
                       "Instellingenbestand (TOML); [publicatie] drempel = 10, afronding = 5");
    report->footer("\nVoorbeeld:\n  wmotoets controleer --db audit.db --exit-zero && wmotoets rapport --db audit.db --uit rapport/\n"
                   "rapport.html is één zelfstandige pagina (geen internet nodig, print op A4); bevindingen.csv opent goed\n"
                   "in Nederlandse Excel (UTF-8 met BOM, puntkomma's).\n");

    ZelftestOptions zo;
    CLI::App* zelftest = app.add_subcommand("zelftest", "De VNG-zelftest cliëntondersteuning: gespreksrapport");
    zelftest->require_subcommand(1);
    std::string form_out;
    CLI::App* zelftest_form = zelftest->add_subcommand("formulier", "Schrijf het invulformulier (één HTML-pagina, werkt offline)");
    zelftest_form->add_option("--uit", form_out, "Het HTML-bestand (standaard: naar stdout)");
    zelftest_form->footer("\nVoorbeeld:\n  wmotoets zelftest formulier --uit zelftest-formulier.html\n"
                          "Open het bestand in een browser, vul in en kies 'Opslaan als bestand': dat JSON-bestand leest\n"
                          "'wmotoets zelftest rapport'. Een eerder bestand laden om verder te gaan kan ook.\n");
    CLI::App* zelftest_report = zelftest->add_subcommand("rapport", "Zet de antwoorden naast elkaar, met gesprekspunten");
    zelftest_report->add_option("antwoorden", zo.answers, "Antwoordbestanden (JSON of TOML), één per perspectief")->required();
    auto* zdb = zelftest_report->add_option("--db", zo.db, "Toets de antwoorden aan de laatste controle in deze database");
    zelftest_report->add_option("--controle", zo.check_json, "… of aan de uitvoer van 'wmotoets controleer --format json'")
        ->excludes(zdb);
    zelftest_report->add_option("--uit", zo.out, "Map voor zelftest.html en zelftest.xlsx")->required();
    zelftest_report->add_option("--drempel", zo.threshold,
                                "Percentage overtredingen waarboven een 'ja' een gesprekspunt wordt (standaard 5)")
        ->check(CLI::Range(0.0, 100.0));
    zelftest_report->add_option("--instellingen", zo.settings_file, "Instellingenbestand (TOML); [zelftest] drempel = 5");

    RulesOptions ro;
    CLI::App* rules = app.add_subcommand("regels", "Het regelboek, of de uitleg van één regel");
    rules->alias("rules");
    rules->footer(kRulesExamples);
    rules->add_option("ID", ro.id, "Een regel-ID, bijv. INF-01");
    rules->add_option("--regels", ro.local_rules_file, "Lokaal regelbestand (TOML) met LOK-regels, die dan meetellen");
    rules->add_flag("--markdown", ro.markdown, "Het hele regelboek als Markdown (docs/regels.md)");

    GeneratorOptions go;
    std::string gen_out, gen_sep = ",";
    CLI::App* gen = app.add_subcommand("genereer", "Schrijf een synthetisch, realistisch logboek (demo's, benchmarks)");
    gen->alias("generate");
    gen->footer(kGenerateExamples);
    gen->add_option("--dossiers", go.dossiers, "Aantal dossiers (ongeveer 10 gebeurtenissen elk)")->check(CLI::Range(1ull, 100000000ull));
    gen->add_option("--zaad", go.seed, "Zaad van de toevalsgenerator; hetzelfde zaad geeft hetzelfde logboek");
    std::vector<std::string> gen_shares;
    gen->add_option("--aandeel", gen_shares,
                    "Aandeel dossiers met een opzettelijke overtreding, per regel (0–1), bijv. INF-01=0.05,ONA-01=0.02; "
                    "elke ingebouwde regel kan (INF-02 van de dossiers met mantelzorger, TRM-03/TRM-04/PRO-05 van de "
                    "bezwaren, TRM-05 van de beroepen, PRO-07 van de Wlz-indicaties). Standaard een paar procent per regel")
        ->delimiter(',');
    gen->add_option("--eigen-labels", go.eigen_labels,
                    "Aandeel dossiers met eigen labels van de gemeente (zoals 'Notitie toegevoegd'), voor lokale regels; "
                    "lees zo'n logboek met --behoud-onbekend")
        ->check(CLI::Range(0.0, 1.0));
    gen->add_option("--scheidingsteken", gen_sep, "Scheidingsteken: ',' ';' of 'tab'")->check(CLI::IsMember({",", ";", "tab"}));
    gen->add_option("--uit", gen_out, "Schrijf naar dit bestand in plaats van naar stdout");

    for (CLI::App* a : {&app, check, rules, gen})
        for (CLI::Option* opt : a->get_options())
            if (opt->get_group() == "Options") opt->group("Opties");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help
        std::cerr << "wmotoets: " << e.what() << "\n(zie 'wmotoets --help')\n";
        return 2;
    }
    if (quiet) spdlog::set_level(spdlog::level::warn);
    if (verbose) spdlog::set_level(spdlog::level::debug);
    try {
        if (check->parsed()) {
            if (co.logs.empty() && co.db.empty())
                throw Error("geef een of meer logboeken, of --db DATABASE (zie 'wmotoets controleer --help')");
            return run_check_command(co);
        }
        if (imp->parsed()) {
            if (io.logs.empty()) throw Error("geef een of meer logboeken om te importeren (zie 'wmotoets importeer --help')");
            Store store(io.db);
            import_into_store(io, store);
            spdlog::info("{}: {} dossiers, {} gebeurtenissen uit {} import(s)", io.db, store.case_count(),
                         store.event_count(), store.import_count());
            return 0;
        }
        if (rules->parsed()) return run_rules_command(ro);
        if (zelftest_report->parsed()) return run_zelftest_report(zo);
        if (zelftest_form->parsed()) {
            if (form_out.empty()) {
                write_zelftest_form(std::cout, shipped_questions());
                return 0;
            }
            auto f = open_output(form_out);
            write_zelftest_form(*f, shipped_questions());
            if (!*f) throw Error(form_out + ": schrijven mislukt");
            spdlog::info("{}: invulformulier geschreven ({} vragen)", form_out, shipped_questions().questions.size());
            return 0;
        }
        if (report->parsed()) return run_report_command(report_db, report_out, report_publication, report_settings,
                                                            report_separation);
        if (sample_size->parsed()) {
            const auto n = attribute_sample_size(so.confidence / 100, so.tolerable / 100, so.deviations, so.population);
            const std::string conf = fmt::format("{:g}", so.confidence), tol = fmt::format("{:g}", so.tolerable);
            if (!n)
                throw Error("geen steekproef is groot genoeg: bij " + conf + " % betrouwbaarheid en " + tol + " % "
                            "tolerantie zijn " + std::to_string(so.deviations) + " afwijkingen te veel voor deze populatie");
            std::cout << "Steekproefomvang: " << *n << " dossiers\n"
                      << "Betekenis: vindt u in " << *n << " willekeurig getrokken dossiers ten hoogste " << so.deviations
                      << (so.deviations == 1 ? " afwijking" : " afwijkingen")
                      << ", dan ligt het afwijkingspercentage van alle dossiers met " << conf
                      << " % betrouwbaarheid niet boven " << tol << " %.\n"
                      << "Methode: attribuutsteekproef (AICPA, Audit Sampling), "
                      << (so.population ? "hypergeometrisch met een populatie van " + std::to_string(*so.population) + " dossiers"
                                        : std::string("binomiaal (grote populatie)"))
                      << ".\n";
            return 0;
        }
        if (sample_draw->parsed()) return run_draw_command(dro.db, dro.size, dro.seed, dro.strata, dro.out);
        if (sample_eval->parsed()) {
            if (so.deviations > so.size) throw Error("--afwijkingen kan niet groter zijn dan --omvang");
            const double upper = upper_deviation_limit(so.confidence / 100, so.size, so.deviations, so.population);
            const std::string conf = fmt::format("{:g}", so.confidence), tol = fmt::format("{:g}", so.tolerable);
            const bool met = upper <= so.tolerable / 100 + 1e-12;
            std::string upper_text = fmt::format("{:.2f}", upper * 100);
            std::replace(upper_text.begin(), upper_text.end(), '.', ',');
            std::cout << "Bovengrens afwijkingspercentage: " << upper_text << " % (" << conf << " % betrouwbaarheid; "
                      << so.deviations << (so.deviations == 1 ? " afwijking" : " afwijkingen") << " in " << so.size
                      << " dossiers)\n"
                      << "Oordeel: " << (met ? "de bovengrens ligt niet boven" : "de bovengrens ligt boven")
                      << " het aanvaardbare percentage van " << tol << " %: "
                      << (met ? "de toets is geslaagd." : "de toets is niet geslaagd; het afwijkingspercentage kan hoger zijn dan aanvaardbaar.")
                      << "\n";
            return met ? 0 : 1;
        }
        if (keygen->parsed()) {
            if (std::filesystem::exists(key_out))
                throw Error(key_out + ": bestaat al; een sleutel wordt nooit overschreven (kies een andere naam)");
            {
                std::ofstream f(key_out, std::ios::binary);
                if (!f) throw Error(key_out + ": kan sleutelbestand niet schrijven");
                f << PseudonymKey::generate() << '\n';
                if (!f) throw Error(key_out + ": schrijven mislukt");
            }
            std::filesystem::permissions(key_out, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                         std::filesystem::perm_options::replace);
            spdlog::info("{}: nieuwe sleutel geschreven (alleen leesbaar voor de eigenaar)", key_out);
            return 0;
        }
        if (gen->parsed()) {
            go.separator = gen_sep == "tab" ? '\t' : gen_sep[0];
            for (const std::string& kv : gen_shares) {
                const auto eq = kv.find('=');
                const std::string kind = kv.substr(0, eq);
                if (eq == std::string::npos || !go.shares.count(kind))
                    throw Error("--aandeel '" + kv + "': verwacht REGEL=AANDEEL met REGEL een ingebouwde regel, bijv. TRM-01=0.1");
                char* end = nullptr;
                const double v = std::strtod(kv.c_str() + eq + 1, &end);
                if (*end != '\0' || end == kv.c_str() + eq + 1 || v < 0 || v > 1)
                    throw Error("--aandeel '" + kv + "': het aandeel moet een getal van 0 tot en met 1 zijn");
                go.shares[kind] = v;
            }
            return run_generate_command(go, gen_out);
        }
    } catch (const Error& e) {
        spdlog::error("wmotoets: fout: {}", e.what());
        return 2;
    } catch (const std::exception& e) {
        spdlog::error("wmotoets: interne fout: {}", e.what());
        return 2;
    }
    return 2;
}

}  // namespace wmotoets
