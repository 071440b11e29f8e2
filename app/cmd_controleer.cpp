// wmotoets controleer: read logs (or a database), replay every dossier, judge it per rule.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>

#include "app/commands.hpp"
#include "app/input.hpp"
#include "import/privacy.hpp"
#include "reports/figures.hpp"
#include "reports/run_record.hpp"
#include "reports/writers.hpp"
#include "util/error.hpp"
#include "util/output_file.hpp"
#include "util/progress.hpp"
#include "util/text.hpp"
#include "workflow/engine.hpp"

namespace wmotoets {

namespace {

constexpr const char* kExamples = R"(
Voorbeelden:
  wmotoets controleer data/voorbeeld/dossiers.csv
      controleer de voorbeelddossiers; bevindingen per dossier en cijfers per regel
  wmotoets controleer export-jan.csv export-feb.csv --format json --uit bevindingen.json
      twee exports samen, als JSON (schema wmotoets/1) naar een bestand
  wmotoets controleer dossiers.csv --alleen INF,ONA-01 --peildatum 2025-06-30
      alleen de informatieregels en ONA-01, beoordeeld op 30 juni 2025
  wmotoets controleer export-2024.csv --alleen-cijfers --format json --uit cijfers.json
      alleen de cijfers per regel en de doorlooptijden, zonder bevindingen per dossier (snel)
  wmotoets controleer --db audit.db --periode 2024
      alleen de dossiers met een melding (of herbeoordeling) in 2024, met alles wat daarna gebeurde
  wmotoets controleer dossiers.csv --strikt
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
(--altijd-nul maakt dat 0); 2 = fout (onbruikbare opdracht, onleesbaar bestand, --strikt, privacy).
Onbruikbare rijen worden als BESTAND:REGEL: reden op stderr gemeld, geteld en overgeslagen.
)";

struct CheckOptions {
    InputOptions input;
    std::string format = "text";
    std::string out;
    std::string peildatum;
    PeriodOptions period;
    std::vector<std::string> select, ignore;
    std::string settings_file, local_rules_file;
    std::string db;  // --db: work on (and store into) this database
    std::vector<std::string> holiday_files;
    bool outcomes = false, exit_zero = false, figures_only = false;
};

// What a check runs with: settings, calendar, rules and the peildatum asked for.
struct CheckSetup {
    Settings settings;
    Calendar calendar;
    LocalRules local;
    std::vector<const Rule*> rules;
    std::optional<Date> peildatum;
    std::optional<Period> period;
};

void prepare(const CheckOptions& o, CheckSetup& s) {
    if (o.figures_only && !o.db.empty())
        throw Error(
            "--alleen-cijfers gaat niet samen met --db: een controle in de database bewaart de bevindingen per "
            "dossier voor 'wmotoets rapport'");
    if (o.figures_only && o.format == "csv")
        throw Error(
            "--alleen-cijfers met --format csv geeft een leeg bestand: het CSV-formaat bevat alleen "
            "bevindingen. Kies --format text of json");
    load_settings(o.settings_file, o.holiday_files, s.settings, s.calendar);
    s.local = load_local_rules(o.local_rules_file);
    s.rules = select_rules(rules_with(s.local), o.select, o.ignore);
    if (!o.peildatum.empty()) {
        s.peildatum = parse_iso_date(o.peildatum);
        if (!s.peildatum) throw Error("--peildatum '" + o.peildatum + "' is geen geldige datum (verwacht JJJJ-MM-DD)");
    }
}

// The log to check: the given logs in memory, or (with --db) everything stored after adding them.
// `mask` tells whether the terminal output must mask possible BSNs (docs/spec/event-log.md "Privacy"); a
// file (--uit, --db) with undecided ones is refused.
EventLog load_log(const CheckOptions& o, std::unique_ptr<Store>& store, bool& mask) {
    EventLog log;
    if (!o.db.empty()) {
        // With logs the database is made or brought up to date; without, it must be there already.
        store = std::make_unique<Store>(o.db, o.input.logs.empty() ? Store::Access::write : Store::Access::create,
                                        store_notice);
        import_into_store(o.input, *store);
        const PhaseTimer timer("inlezen uit de database");
        log = store->load();
        spdlog::info("{}: {}, {} uit {}", o.db, counted(log.dossier_count(), "dossier", "dossiers"),
                     counted(log.events.size(), "gebeurtenis", "gebeurtenissen"),
                     counted(log.inputs.size(), "import", "imports"));
    } else {
        Diagnostics diag;
        const ImportSetup setup(o.input);
        for (const std::string& path : o.input.logs) read_log(path, o.input, setup.options, log, diag);
        if (!o.out.empty()) require_bsn_decision(log, setup.options);
        mask = has_undecided_bsn(log, setup.options);
    }
    require_wmo_log(log);
    const PhaseTimer timer("sorteren");
    log.finalize();
    return log;
}

Progress progress_line(const EventLog& log) {
    if (!show_progress() || log.dossiers.size() < 20000) return {};
    return [](std::size_t done, std::size_t total) {
        std::fprintf(stderr, "\rcontroleren: %3zu %% (%zu van %zu dossiers)%s", done * 100 / total, done, total,
                     done == total ? "\n" : "");
    };
}

void write_part(std::ostream& out, const std::string& text) {
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

// With a database: the run is checked whole, then handed row by row to the store and the output
// format at once (one stream, two sinks).
CheckResult check_and_store(const EventLog& log, const CheckSetup& s, Date pd, const CheckOptions& o, std::ostream& out,
                            Store& store, std::int64_t& run_id) {
    CheckResult result;
    {
        const PhaseTimer timer("afspelen en beoordelen");
        result = run_check(log, s.rules, s.calendar, pd, progress_line(log), s.settings, nullptr, s.period);
    }
    const PhaseTimer timer("schrijven en controle opslaan");
    result.peildatum_known = s.peildatum.has_value() || log.has_events();
    Store::RunWriter stored(store);
    FormatWriter written(out, log, output_format(o.format), rule_texts(s.rules), o.outcomes);
    RunTee both({&stored, &written});
    emit_check(log, result, compute_figures(result), s.settings, both);
    run_id = stored.commit();
    return result;
}

// Without a database the findings are written while the check runs, block by block, never all held.
CheckResult check_and_write_streamed(const EventLog& log, const CheckSetup& s, Date pd, const CheckOptions& o,
                                     std::ostream& out) {
    const OutputFormat& format = output_format(o.format);
    const bool peildatum_known = s.peildatum.has_value() || log.has_events();
    write_part(out, format.head(log, peildatum_known ? std::optional<Date>(pd) : std::nullopt));
    OrderedOutput ordered(out, format);
    const std::vector<RuleText> rules = rule_texts(s.rules);
    const FindingStream stream{
        [&](std::span<const CaseFinding> fs, std::string& text) { format_findings(text, format, log, rules, fs); },
        [&](std::string&& text) { ordered.write(text); }};
    CheckResult result;
    {
        const PhaseTimer timer("afspelen, beoordelen en bevindingen schrijven");
        result = run_check(log, s.rules, s.calendar, pd, progress_line(log), s.settings, &stream, s.period,
                           o.figures_only ? Detail::figures : Detail::findings);
    }
    const PhaseTimer write_timer("cijfers schrijven");
    result.peildatum_known = peildatum_known;
    const std::vector<Figure> figures = compute_figures(result);
    write_part(out, report_tail(ReportData{log, result, figures, o.outcomes}, format, ordered.any()));
    return result;
}

int run_controleer(const CheckOptions& o) {
    if (o.input.logs.empty() && o.db.empty())
        throw Error("geef een of meer logboeken, of --db DATABASE (zie 'wmotoets controleer --help')");
    CheckSetup setup;
    prepare(o, setup);
    std::unique_ptr<Store> store;
    bool mask = false;
    const EventLog log = load_log(o, store, mask);
    std::optional<OutputFile> file;
    if (!o.out.empty()) file.emplace(o.out);
    std::optional<MaskedOutput> masked;
    if (mask) {
        masked.emplace(std::cout);
        spdlog::warn("mogelijke BSN's in de uitvoer gemaskeerd (1234*****); zie de waarschuwing hierboven");
    }
    std::ostream& out = file ? file->stream() : masked ? masked->stream() : std::cout;
    const Date pd = setup.peildatum.value_or(log.latest_date());
    setup.period = o.period.resolve(log, pd);
    std::int64_t run_id = 0;
    const CheckResult result = store ? check_and_store(log, setup, pd, o, out, *store, run_id)
                                     : check_and_write_streamed(log, setup, pd, o, out);
    out.flush();
    if (!out && !file) throw Error("stdout: schrijven mislukt");
    if (file) {  // commit says why a write failed (a full disk, a size limit) and that the earlier file stays
        file->commit();
        spdlog::info("{} bevindingen in {} dossiers geschreven naar {}", grouped(result.finding_count),
                     grouped(log.dossiers.size()), o.out);
    }
    if (store) spdlog::info("{}: controle {} opgeslagen (voor 'wmotoets rapport')", o.db, run_id);
    return has_overtreding(result) && !o.exit_zero ? 1 : 0;
}

}  // namespace

Command add_controleer(CLI::App& app) {
    const auto s = subcommand<CheckOptions>(
        app, "controleer", "check", "Lees logboeken, speel elk dossier af en beoordeel het per regel", kExamples);
    CLI::App* check = s.app;
    const auto& o = s.options;
    add_input_options(*check, o->input);
    file_option(*check, "--db", o->db,
                "Werk met deze database: de gegeven logboeken worden eerst geïmporteerd, dan wordt alles wat erin "
                "staat gecontroleerd en de controle opgeslagen (voor 'wmotoets rapport')");
    check->add_option("--uitvoerformaat,--format", o->format, output_format_help())
        ->check(CLI::IsMember(output_format_names()));
    file_option(*check, "--uit", o->out,
                "Schrijf de uitvoer naar dit bestand in plaats van naar stdout (eerst als nieuw BESTAND.deel-…, "
                "pas op zijn plaats gezet als de controle klaar is)");
    check->add_flag("--uitkomsten,--outcomes", o->outcomes, "JSON: voeg de uitkomst per dossier en regel toe");
    check->add_flag("--alleen-cijfers,--figures-only", o->figures_only,
                    "Alleen de cijfers per regel en de doorlooptijden (met --uitkomsten ook de uitkomst per dossier): "
                    "de bevindingen worden geteld maar niet geformuleerd of opgesomd, en er is geen werkvoorraad. "
                    "Sneller bij grote bestanden; niet met --db of --format csv");
    date_option(*check, "--peildatum", o->peildatum,
                "Datum waarop beoordeeld wordt (JJJJ-MM-DD); standaard de laatste datum in de invoer");
    add_period_options(*check, o->period);
    check->add_option("--alleen,--select", o->select, "Alleen deze regels of groepen, bijv. INF,ONA-01")
        ->delimiter(',');
    check->add_option("--behalve,--ignore", o->ignore, "Deze regels of groepen overslaan, bijv. PRO")->delimiter(',');
    check->add_flag("--altijd-nul,--exit-zero", o->exit_zero, "Exitcode 0, ook als er overtredingen zijn");
    file_option(*check, "--regels", o->local_rules_file,
                "Lokaal regelbestand (TOML, [[regel]]-tabellen) met eigen LOK-regels; zie 'wmotoets regels --help'");
    file_option(*check, "--instellingen", o->settings_file,
                "Instellingenbestand (TOML): termijnen van ONA-04/TOE-03 en extra gelijkgestelde dagen");
    file_option(*check, "--feestdagen", o->holiday_files,
                "Extra gelijkgestelde dagen (Atw art. 3 lid 3), één JJJJ-MM-DD per regel; mag vaker");
    return s.command(run_controleer);
}

}  // namespace wmotoets
