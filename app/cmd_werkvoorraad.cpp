// wmotoets werkvoorraad: the coordinator's week (issue 29) — werkvoorraad.html, .xlsx and .csv of the open
// dossiers, with what changed since an earlier stored run.
#include <spdlog/spdlog.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/commands.hpp"
#include "app/input.hpp"
#include "import/privacy.hpp"
#include "reports/figures.hpp"
#include "reports/groups.hpp"
#include "reports/run_record.hpp"
#include "reports/worklist.hpp"
#include "reports/xlsx_report.hpp"
#include "util/error.hpp"
#include "util/output_file.hpp"
#include "util/text.hpp"
#include "workflow/engine.hpp"

namespace wmotoets {

namespace {

struct WorklistOptions {
    InputOptions input;
    std::string db, out, peildatum, team, since, settings_file;
    std::vector<std::string> holiday_files;
    int dagen = 7;
};

constexpr const char* kExamples = R"(
Voorbeelden:
  wmotoets werkvoorraad --db wijkteam.db --uit werkvoorraad/
      wat er deze week moet gebeuren, per team, vergeleken met de vorige opgeslagen controle
  wmotoets werkvoorraad --db wijkteam.db --team Noord --dagen 14 --uit noord/
      alleen team Noord; "binnenkort" is binnen 14 dagen
  wmotoets werkvoorraad --db wijkteam.db --sinds 12 --uit werkvoorraad/
      vergeleken met controle 12 (zie de meldingen van 'wmotoets controleer --db')
  wmotoets werkvoorraad data/voorbeeld/dossiers.csv --peildatum 2025-06-30 --uit werkvoorraad/
      zonder database, op een gekozen peildatum

Elke week (zie README, "Elke week"):
  wmotoets importeer --db wijkteam.db export-deze-week.csv
  wmotoets controleer --db wijkteam.db --altijd-nul --uit controle.json --uitvoerformaat json
  wmotoets werkvoorraad --db wijkteam.db --uit werkvoorraad/

Exitcodes: 0 = geschreven, geen termijn verstreken; 1 = minstens één termijn is verstreken terwijl de stap
nog niet is gezet (voor een planner die dan waarschuwt); 2 = fout.
)";

// The earlier run to compare with: --sinds, else the latest stored run with an earlier peildatum.
std::optional<RunRecord> earlier_run(const Store& store, const std::string& since, Date peildatum) {
    std::int64_t id = 0;
    if (!since.empty()) {
        const auto [end, ec] = std::from_chars(since.data(), since.data() + since.size(), id);
        if (ec != std::errc{} || end != since.data() + since.size() || id <= 0)
            throw Error("--sinds '" + since + "' is geen nummer van een controle (zoals 12)");
    } else {
        id = store.latest_run_before(peildatum.iso());
        if (id == 0) return std::nullopt;
    }
    auto run = store.run(id);
    if (!run) throw Error(store.path() + ": er is geen controle " + std::to_string(id) + " opgeslagen");
    return run;
}

int run_werkvoorraad(const WorklistOptions& o) {
    if (o.input.logs.empty() && o.db.empty())
        throw Error("geef logboeken of --db DATABASE (zie 'wmotoets werkvoorraad --help')");
    if (!o.input.logs.empty() && !o.db.empty())
        throw Error(
            "geef logboeken of --db DATABASE, niet allebei: importeer de logboeken eerst met 'wmotoets "
            "importeer --db " +
            o.db + " LOGBOEK …'");
    if (o.out.empty()) throw Error("geef met --uit de map voor werkvoorraad.html, .xlsx en .csv");
    if (o.dagen < 0 || o.dagen > 366) throw Error("--dagen moet tussen 0 en 366 liggen");
    if (!o.since.empty() && o.db.empty()) throw Error("--sinds vergelijkt met een opgeslagen controle; geef ook --db");
    Settings settings;
    Calendar calendar;
    load_settings(o.settings_file, o.holiday_files, settings, calendar);
    std::unique_ptr<Store> store;
    EventLog log;
    if (!o.db.empty()) {
        store = std::make_unique<Store>(o.db, Store::Access::read, store_notice);
        log = store->load();
    } else {
        Diagnostics diag;
        const ImportSetup setup(o.input);
        for (const std::string& path : o.input.logs) read_log(path, o.input, setup.options, log, diag);
        require_bsn_decision(log, setup.options);
    }
    require_wmo_log(log);
    log.finalize();
    Date peildatum = log.latest_date();
    if (!o.peildatum.empty()) {
        const auto d = parse_iso_date(o.peildatum);
        if (!d) throw Error("--peildatum '" + o.peildatum + "' is geen geldige datum (verwacht JJJJ-MM-DD)");
        peildatum = *d;
    }
    const std::vector<const Rule*> rules = select_rules({}, {});
    CheckResult result = run_check(log, rules, calendar, peildatum, {}, settings);
    RunCollector now;
    emit_check(log, result, compute_figures(result), settings, now);
    const std::optional<RunRecord> before = store ? earlier_run(*store, o.since, peildatum) : std::nullopt;
    Worklist w = build_worklist(log, now.record, before ? &*before : nullptr, o.dagen, o.team);
    if (!o.team.empty() && w.items.empty() &&
        std::none_of(log.dossiers.begin(), log.dossiers.end(),
                     [&](const Dossier& d) { return fold_label(dossier_team(log, d)) == fold_label(o.team); }))
        throw Error("--team '" + o.team + "': geen dossier van dat team in het logboek");
    // Links to the timelines of the rapport.html beside it, for the dossiers it shows.
    if (const auto report = std::filesystem::path(o.out) / "rapport.html"; std::filesystem::exists(report))
        if (std::ifstream in(report, std::ios::binary); in) {
            const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            w.rapport_dossiers = dossiers_in_report(html);
        }
    OutputSet set(o.out);
    set.guard([&] {
        write_output(set.path("werkvoorraad.html"), [&](std::ostream& f) { write_worklist_html(f, w); });
        write_output(set.path("werkvoorraad.csv"), [&](std::ostream& f) { write_worklist_csv(f, w); });
        write_output_file(set.path("werkvoorraad.xlsx"), [&](const std::string& tmp) { write_worklist_xlsx(tmp, w); });
    });
    set.commit();
    spdlog::info("{}: werkvoorraad.html, .xlsx en .csv geschreven: {} in {}{}", o.out,
                 counted(w.items.size(), "punt", "punten"), counted(w.dossiers, "dossier", "dossiers"),
                 w.past ? "; " + counted(w.past, "termijn", "termijnen") + " verstreken" : std::string());
    return w.past > 0 ? 1 : 0;
}

}  // namespace

Command add_werkvoorraad(CLI::App& app) {
    const auto s = subcommand<WorklistOptions>(
        app, "werkvoorraad", "worklist",
        "Wat er in de open dossiers nog moet gebeuren vóór een termijn afloopt of de ondersteuner beslist", kExamples);
    CLI::App* cmd = s.app;
    const auto& o = s.options;
    add_input_options(*cmd, o->input);
    file_option(*cmd, "--db", o->db, "Lees de dossiers uit deze database (zie 'wmotoets importeer')");
    dir_option(*cmd, "--uit", o->out, "Map voor werkvoorraad.html, werkvoorraad.xlsx en werkvoorraad.csv");
    date_option(*cmd, "--peildatum", o->peildatum,
                "Datum waarop de werkvoorraad geldt (JJJJ-MM-DD); standaard de laatste datum in de invoer");
    cmd->add_option("--team", o->team, "Alleen de dossiers van dit team");
    cmd->add_option("--dagen", o->dagen, "Termijnen die binnen zoveel dagen aflopen, komen vooraan (standaard 7)");
    cmd->add_option("--sinds", o->since,
                    "Vergelijk met deze opgeslagen controle (een nummer); standaard de laatste controle met een "
                    "eerdere peildatum");
    file_option(*cmd, "--instellingen", o->settings_file,
                "Instellingenbestand (TOML): termijnen van ONA-04/TOE-03 en extra gelijkgestelde dagen");
    file_option(*cmd, "--feestdagen", o->holiday_files,
                "Extra gelijkgestelde dagen (Atw art. 3 lid 3), één JJJJ-MM-DD per regel; mag vaker");
    return s.command(run_werkvoorraad);
}

}  // namespace wmotoets
