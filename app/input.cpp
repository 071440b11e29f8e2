#include "app/input.hpp"

#include <fmt/ranges.h>
#include <spdlog/spdlog.h>
#include "app/commands.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>

#include "import/input_formats.hpp"
#include "import/privacy.hpp"
#include "import/toml_files.hpp"
#include "model/bsn.hpp"
#include "reports/figures.hpp"
#include "reports/run_record.hpp"
#include "util/error.hpp"
#include "util/progress.hpp"
#include "util/text.hpp"
#include "workflow/engine.hpp"

namespace wmotoets {

void add_input_options(CLI::App& cmd, InputOptions& o) {
    file_option(cmd, "logboek", o.logs,
                "Een of meer eventlogs: canonieke CSV, Excel (.xlsx), XES (.xes, .xes.gz) of, met --mapping, een eigen "
                "export");
    file_option(cmd, "--mapping", o.mapping_file,
                "Mappingbestand (TOML): kolommen, activiteitlabels, rollen en waarden van een eigen export");
    cmd.add_option("--formaat", o.input_format, input_format_help())->check(CLI::IsMember(input_format_choices()));
    cmd.add_option("--blad", o.sheet, "Excel: het blad met het logboek (standaard het eerste)");
    cmd.add_option("--levenscyclus", o.lifecycle,
                   "XES: complete (standaard: alleen events met lifecycle:transition 'complete' of zonder) of alle")
        ->check(CLI::IsMember({"complete", "alle"}));
    cmd.add_flag("--strikt,--strict", o.strict,
                 "De eerste onbruikbare rij is fataal (exitcode 2); niets uit dat bestand telt");
    cmd.add_flag("--behoud-onbekend", o.keep_unknown,
                 "Bewaar activiteiten die niet canoniek zijn (voor lokale regels) in plaats van ze af te keuren");
    cmd.add_option(
           "--geen-bsn-kolom", o.not_bsn,
           "Deze identificerende kolom (case_id of actor) bevat geen BSN's maar bijvoorbeeld dossiernummers: "
           "waarden die op een BSN lijken mogen dan toch worden weggeschreven (zonder dit, of --pseudonimiseer, "
           "schrijft Wmo-toets ze nergens weg)")
        ->check(CLI::IsMember({"case_id", "actor"}));
    file_option(cmd, "--pseudonimiseer", o.key_file,
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

namespace {

void log_problem(const Problem& p, bool warning) {
    if (warning) spdlog::warn("{}: waarschuwing: {}", shown_text(p.where()), shown_text(p.message));
    else spdlog::warn("{}: {}", shown_text(p.where()), shown_text(p.message));
}

void log_read_summary(const std::string& path, const InputFile& in) {
    // A wide export gives several events per row: say so.
    const std::string used = in.used > in.rows ? counted(in.used, "gebeurtenis", "gebeurtenissen") : grouped(in.used);
    spdlog::info("{}: {} {} gelezen, {} gebruikt, {} afgekeurd{}{}", path, grouped(in.rows),
                 input_unit(in.format, in.rows), used, grouped(in.rejected),
                 in.skipped ? fmt::format(", {} overgeslagen (levenscyclus niet 'complete')", grouped(in.skipped))
                            : std::string(),
                 in.possible_bsn ? fmt::format(", {} mogelijk BSN", grouped(in.possible_bsn)) : std::string());
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
    std::stable_sort(labels.begin(), labels.end(),
                     [](const auto& a, const auto& b) { return a.second.count > b.second.count; });
    const bool all = spdlog::get_level() <= spdlog::level::debug;
    const std::size_t shown = all ? labels.size() : std::min<std::size_t>(labels.size(), 20);
    const std::string distinct =
        labels.size() == 1 && u.others == 0
            ? "één activiteit"
            : fmt::format("{} verschillende activiteiten", grouped(labels.size()) + (u.others ? "+" : ""));
    const std::string rows = grouped(u.rows) + " " + std::string(input_unit(in.format, u.rows));
    spdlog::warn("{}: {} afgekeurd om een activiteit die geen Wmo-activiteit is ({}){}:", path, rows, distinct,
                 shown < labels.size() ? fmt::format("; de {} meest voorkomende", shown) : "");
    for (std::size_t i = 0; i < shown; ++i)
        spdlog::warn("  {:>9}×  '{}'  (eerst op {})", grouped(labels[i].second.count), shown_text(labels[i].first),
                     row_location(path, shown_text(u.sheet), labels[i].second.first_line));
    if (shown < labels.size() || u.others)
        spdlog::warn("  … en {} andere (alle met --uitgebreid)",
                     grouped(labels.size() - shown) + (u.others ? "+" : ""));
    spdlog::warn(
        "{}: koppel deze activiteiten aan Wmo-activiteiten met een mappingbestand (--mapping BESTAND; een voorstel "
        "maakt 'wmotoets mapping voorstel {}'), of bewaar ze voor lokale regels met --behoud-onbekend",
        path, path);
}

}  // namespace

WmoShare wmo_share(const EventLog& log, bool half_is_enough) {
    WmoShare w;
    for (const InputFile& in : log.inputs) w.rows += in.rows;
    for (const Event& e : log.events)
        if ((w.canonical += e.activity != Activity::onbekend) * 2 >= w.rows && half_is_enough) break;
    return w;
}

void require_wmo_log(const EventLog& log) {
    const WmoShare w = wmo_share(log, true);
    if (w.rows == 0) return;  // nothing read (an empty database, a header only): nothing to say
    if (log.dossier_count() > 0 && w.canonical * 2 >= w.rows) return;  // a Wmo log
    const std::string share = fmt::format("van de {} gelezen {} {} er {} een Wmo-activiteit", grouped(w.rows),
                                          w.rows == 1 ? "gebeurtenis" : "gebeurtenissen",
                                          w.canonical == 1 ? "heeft" : "hebben", grouped(w.canonical));
    if (log.dossier_count() == 0)
        throw Error("geen enkel dossier om te controleren: " + share +
                    ". Dit lijkt geen Wmo-logboek; koppel de activiteiten "
                    "aan Wmo-activiteiten met --mapping BESTAND (een voorstel: 'wmotoets mapping voorstel LOGBOEK'), "
                    "of lees ze in "
                    "met --behoud-onbekend voor lokale regels");
    spdlog::warn(
        "Dit lijkt geen Wmo-logboek: {} ({} %). De Wmo-regels gaan over melding, gesprek, aanvraag, besluit en "
        "bezwaar; koppel de activiteiten met --mapping BESTAND",
        share, fmt::format("{:.0f}", 100.0 * double(w.canonical) / double(w.rows)));
}

void read_log(const std::string& path, const InputOptions& o, ImportOptions options, EventLog& log, Diagnostics& diag) {
    const bool tty = show_progress();
    const std::string shown = shown_text(replace_bsn_groups(path));
    if (tty)
        options.progress = [&shown](std::uint64_t done, std::uint64_t total) {
            if (total > 0)
                std::fprintf(stderr, "\rinlezen %s: %3d %%", shown.c_str(),
                             int(std::min<std::uint64_t>(100, done * 100 / total)));
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
            spdlog::info("{}: al eerder geïmporteerd (import {}, uit {}); niets toegevoegd",
                         shown_text(log.inputs[0].path), sum.import_id, shown_text(sum.earlier_path));
        else
            spdlog::info("{}: opgeslagen in {} als import {}: {} dossiers toegevoegd, {} vervangen, {} ongewijzigd",
                         shown_text(log.inputs[0].path), store.path(), sum.import_id, grouped(sum.added),
                         grouped(sum.replaced), grouped(sum.unchanged));
    }
}

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
                    shell_quoted(store.path()) + "' uit");
    return std::move(*run);
}

LatestRun load_latest_run(const std::string& db) {
    const Store store(db, Store::Access::read, store_notice);
    return load_latest_run(store);
}

LatestRun load_latest_run(const Store& store) {
    RunRecord run = latest_run_of(store);
    LatestRun out{store.load(), std::move(run), store.latest_run_id()};
    out.log.finalize();
    return out;
}
}  // namespace wmotoets

namespace wmotoets {

RunRecord check_again(const EventLog& log, const RunRecord& run, const std::optional<Period>& period, Settings settings,
                      const Calendar& calendar, Detail detail) {
    const auto peildatum = parse_iso_date(run.peildatum);
    if (!peildatum) throw Error("de laatste controle heeft geen peildatum; controleer opnieuw met --peildatum");
    std::vector<const Rule*> rules;
    std::vector<std::string> local;
    for (const std::string& id : run.rules)
        if (const Rule* r = find_rule(id)) rules.push_back(r);
        else local.push_back(id);
    if (!local.empty())
        spdlog::warn("de lokale regels {} tellen niet mee in een andere periode (controleer met --regels en --periode)",
                     fmt::join(local, ", "));
    // The run's own terms (they are stored as numbers of days).
    auto days = [&](std::string_view key, int& into) {
        const std::string_view v = run.setting(key);
        int n = 0;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec == std::errc{} && end == v.data() + v.size() && n >= 0) into = n;
    };
    days("andere_ondersteuner_dagen", settings.andere_ondersteuner_dagen);
    days("wachttijd_ondersteuner_dagen", settings.wachttijd_ondersteuner_dagen);
    CheckResult result = run_check(log, rules, calendar, *peildatum, {}, settings, nullptr, period, detail);
    RunCollector collected;
    emit_check(log, result, compute_figures(result), settings, collected);
    return std::move(collected.record);
}

void add_period_options(CLI::App& cmd, PeriodOptions& o) {
    cmd.add_option("--periode", o.periode,
                   "Alleen de dossiers met een melding of herbeoordeling in deze periode (het cohort), met alles "
                   "wat daarna in die cycli gebeurde: een jaar (2024), kwartaal (2024-K2) of maand (2024-03)")
        ->type_name("PERIODE");
    date_option(cmd, "--van", o.van, "Begin van de periode (JJJJ-MM-DD), in plaats van --periode");
    date_option(cmd, "--tot", o.tot, "Laatste dag van de periode (JJJJ-MM-DD, tot en met), in plaats van --periode");
}

std::optional<Period> PeriodOptions::resolve(const EventLog& log, Date peildatum) const {
    if (!given()) return std::nullopt;
    const Date first = log.earliest_date(peildatum);
    const auto p = period_from_options(periode, van, tot, first, peildatum);
    if (p && p->tot > peildatum)
        throw Error("de periode " + p->words() + " loopt tot en met " + p->tot.dutch_long() + ", na de peildatum (" +
                    peildatum.dutch_long() +
                    "): van een melding na de peildatum is nog niets te zeggen. Kies een eerdere periode, of een "
                    "latere --peildatum");
    if (p && log.has_events() && p->tot < first)
        spdlog::warn("de periode {} ligt vóór de eerste gebeurtenis in de invoer ({}): er telt geen dossier mee",
                     p->words(), first.dutch_long());
    return p;
}

}  // namespace wmotoets
