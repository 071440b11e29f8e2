// wmotoets steekproef: attribute sampling for the auditor (size, draw with audit sheets, evaluation).
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "app/input.hpp"
#include "import/verdict_file.hpp"
#include "model/bsn.hpp"
#include "reports/audit_sheet.hpp"
#include "reports/pdf.hpp"
#include "reports/report.hpp"
#include "reports/sample_draw.hpp"
#include "reports/sampling.hpp"
#include "reports/verdicts.hpp"
#include "reports/writers.hpp"
#include "reports/xlsx_report.hpp"
#include "util/error.hpp"
#include "util/output_file.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

struct SampleOptions {
    double confidence = 95, tolerable = 5;
    std::size_t deviations = 0, size = 0;
    std::optional<std::size_t> population;
    std::string db;        // omvang: the population from the latest run in this database
    std::string verdicts;  // evalueer --oordelen: the filled-in oordelen.xlsx (or CSV)
    std::string verdicts_db = "wmotoets.db";
};

struct DrawOptions {
    std::string db = "wmotoets.db", strata, out;
    std::size_t size = 0;
    std::uint64_t seed = 0;
    bool pdf = false;
};

// The number of dossiers of the latest run in a database: the population an auditor draws from.
std::size_t population_of(const std::string& db) {
    const LatestRun latest = load_latest_run(db);
    return latest.run.case_ids.size();
}

int run_omvang(const SampleOptions& so) {
    std::optional<std::size_t> population = so.population;
    if (!so.db.empty()) {
        if (population)
            throw Error("geef --db of --populatie, niet allebei: --db neemt de populatie uit de laatste controle");
        population = population_of(so.db);
        std::cout << "Populatie: " << *population << " dossiers uit de laatste controle in " << so.db << "\n";
    }
    const SamplingQuestion q{so.confidence, so.tolerable, so.deviations, population};
    std::cout << sample_size_text(q);
    return 0;
}

int run_evalueer_counts(const SampleOptions& so) {
    if (so.deviations > so.size) throw Error("--afwijkingen kan niet groter zijn dan --omvang");
    const SamplingQuestion q{so.confidence, so.tolerable, so.deviations, so.population};
    const SampleEvaluation e = evaluate_sample(q, so.size);
    std::cout << e.text;
    return e.met ? 0 : 1;
}

// The stratum of a dossier: its team, or the quarter of its melding (the run's first cycle of it).
std::string stratum_of(const EventLog& log, const RunRecord& run, const Dossier& c, const std::string& strata) {
    std::string s = strata == "kwartaal" ? dossier_quarter(log, c, run.period()) : dossier_team(log, c);
    if (s.empty()) s = strata == "kwartaal" ? "(geen datum)" : "(geen team)";
    return s;
}

// How the sample was drawn, in words: on the terminal and in steekproef-methode.txt beside the list.
std::string sample_method(const DrawnSample& s, const DrawOptions& o, const RunRecord& run) {
    std::ostringstream m;
    m << "Steekproef: " << s.drawn.size() << " van " << s.population << " dossiers uit de laatste controle in "
      << std::filesystem::path(o.db).filename().string() << " (peildatum "
      << (run.peildatum.empty() ? "onbekend" : run.peildatum) << "), zaad " << o.seed << ".\n"
      << "Methode: dossiers op nummer gesorteerd, getrokken zonder teruglegging met SplitMix64 en Fisher-Yates"
      << (o.strata.empty() ? std::string() : "; proportioneel gelaagd naar " + o.strata + " (grootste rest)") << ".\n";
    if (!o.strata.empty())
        for (const auto& [name, n] : s.stratum_sizes)
            m << "Stratum " << name << ": " << s.allocation.at(name) << " van " << n << ".\n";
    m << "Dezelfde database, omvang, strata en hetzelfde zaad geven op elke machine dezelfde dossiers.\n";
    return m.str();
}

// steekproef.csv as Excel opens it right: UTF-8 with BOM, ';', CRLF, a header and one row per dossier.
std::string sample_list(const DrawnSample& s, const DrawOptions& o) {
    std::ostringstream list;
    list << "\xEF\xBB\xBF"
         << "nr;dossier" << (o.strata.empty() ? "" : ";stratum") << "\r\n";
    for (std::size_t i = 0; i < s.drawn.size(); ++i)
        list << i + 1 << ';' << csv_field(s.drawn[i].case_id)
             << (o.strata.empty() ? std::string() : ";" + csv_field(s.drawn[i].stratum)) << "\r\n";
    return list.str();
}

void write_sample_files(const DrawnSample& s, const DrawOptions& o, const LatestRun& latest, const std::string& list,
                        const std::string& method) {
    ensure_directory(o.out);
    write_output(o.out + "/steekproef.csv", [&](std::ostream& f) { f << list; });
    write_output(o.out + "/steekproef-methode.txt", [&](std::ostream& f) { f << method; });
    std::vector<std::size_t> positions;
    std::vector<AuditSheetInfo> infos;
    for (std::size_t i = 0; i < s.drawn.size(); ++i) {
        positions.push_back(*latest.log.dossier_position(s.drawn[i].case_id));
        infos.push_back(AuditSheetInfo{i + 1, s.drawn.size(), o.seed, s.drawn[i].stratum});
        const std::string path =
            fmt::format("{}/auditblad-{:03}-{}.html", o.out, i + 1, file_name_for(s.drawn[i].case_id));
        write_output(path, [&](std::ostream& f) {
            write_audit_sheet(f, latest.log, positions.back(), latest.run, infos.back());
        });
    }
    // All sheets in one document, with a cover page: what an audit file keeps.
    AuditCover cover;
    cover.lines = {
        {"Populatie", fmt::format("{} dossiers uit de laatste controle (peildatum {})", s.population,
                                  latest.run.peildatum.empty() ? "onbekend" : latest.run.peildatum)},
        {"Steekproef", fmt::format("{} dossiers", s.drawn.size())},
        {"Zaad", std::to_string(o.seed)},
        {"Methode", "dossiers op nummer gesorteerd, getrokken zonder teruglegging met SplitMix64 en Fisher-Yates" +
                        (o.strata.empty() ? "" : "; proportioneel gelaagd naar " + o.strata)}};
    for (const auto& [name, n] : s.stratum_sizes)
        if (!o.strata.empty())
            cover.lines.emplace_back("Stratum " + name, fmt::format("{} van {}", s.allocation.at(name), n));
    write_output(o.out + "/auditbladen.html",
                 [&](std::ostream& f) { write_audit_sheets(f, latest.log, positions, infos, latest.run, cover); });
    if (o.pdf) print_pdf(o.out + "/auditbladen.html", o.out + "/auditbladen.pdf");
    spdlog::info("{}: steekproef.csv, steekproef-methode.txt, auditbladen.html{} en {} losse auditbladen geschreven",
                 o.out, o.pdf ? ", auditbladen.pdf" : "", s.drawn.size());
}

// The sample from the latest run: the population (with strata), the size checked, the draw.
struct Drawn {
    DrawnSample sample;
    SampleFrame frame;
};
Drawn draw_from(const LatestRun& latest, const std::string& db, std::size_t size, std::uint64_t seed,
                const std::string& strata) {
    std::vector<SampleUnit> population;
    for (const std::string& id : latest.run.case_ids) {
        const auto at = latest.log.dossier_position(id);
        if (!at) continue;  // not stored (cannot happen: dossiers are never removed)
        population.push_back({id, strata.empty()
                                      ? std::string()
                                      : stratum_of(latest.log, latest.run, latest.log.dossiers[*at], strata)});
    }
    if (size > population.size()) {
        // Say what fits: the size for this population, or all of it.
        const std::size_t fits = attribute_sample_size(0.95, 0.05, 0, population.size()).value_or(population.size());
        throw Error(
            fmt::format("--omvang {} is groter dan de populatie: de laatste controle in {} telt {} dossiers. De "
                        "omvang bij deze populatie (95 %, 5 %, 0 afwijkingen) is {} (wmotoets steekproef omvang "
                        "--db {}); trek die met: wmotoets steekproef trek --db {} --omvang {} --zaad {}",
                        size, db, population.size(), fits, shell_quoted(db), shell_quoted(db), fits, seed));
    }
    Drawn d{draw_sample(population, size, seed), {}};
    d.frame.seed = seed;
    d.frame.size = size;
    d.frame.population = d.sample.population;
    d.frame.strata = strata;
    d.frame.peildatum = latest.run.peildatum;
    for (const SampleUnit& u : d.sample.drawn) d.frame.dossiers.push_back(u.case_id);
    return d;
}

int run_trek(const DrawOptions& o) {
    const LatestRun latest = load_latest_run(o.db);
    const Drawn d = draw_from(latest, o.db, o.size, o.seed, o.strata);
    const DrawnSample& s = d.sample;
    const std::string method = sample_method(s, o, latest.run);
    std::cout << method << "\nnr  dossier" << (o.strata.empty() ? "" : "  stratum") << "\n";
    for (std::size_t i = 0; i < s.drawn.size(); ++i)
        std::cout << fmt::format("{:>3}  {}{}\n", i + 1, shown_text(s.drawn[i].case_id),
                                 o.strata.empty() ? "" : "  " + shown_text(s.drawn[i].stratum));
    if (!o.out.empty()) {
        write_sample_files(s, o, latest, sample_list(s, o), method);
        const std::vector<VerdictRowPlan> rows = verdict_rows(d.frame, latest.run);
        const std::string verdicts = (std::filesystem::path(o.out) / "oordelen.xlsx").string();
        write_output_file(verdicts,
                          [&](const std::string& tmp) { write_verdicts_xlsx(tmp, verdict_head(d.frame), rows); });
        spdlog::info(
            "{}: {} te beoordelen normen; lees de ingevulde oordelen terug met: wmotoets steekproef evalueer --db {} "
            "--oordelen {}",
            verdicts, rows.size(), shell_quoted(o.db), shell_quoted(verdicts));
    }
    return 0;
}

// The number in the head of an oordelenbestand, or an Error naming the file.
std::uint64_t head_number(const VerdictFile& f, const char* what, const std::string& value) {
    std::uint64_t n = 0;
    const char* end = value.data() + value.size();
    const auto [p, ec] = std::from_chars(value.data(), end, n);
    if (ec != std::errc() || p != end)
        throw Error(fmt::format("{}: {} '{}' boven de tabel is geen geheel getal", f.path, what,
                                echoed(replace_bsn_groups(value))));
    return n;
}

int run_evalueer_verdicts(const SampleOptions& so) {
    if (so.population) throw Error("--populatie past niet bij --oordelen: de populatie komt uit de controle in --db");
    const VerdictFile f = read_verdict_file(so.verdicts);
    const std::uint64_t seed = head_number(f, "Zaad", f.head.seed);
    const std::size_t size = head_number(f, "Omvang", f.head.size);
    std::string strata = f.head.strata == "geen" ? std::string() : f.head.strata;
    if (!strata.empty() && strata != "team" && strata != "kwartaal")
        throw Error(fmt::format("{}: Strata '{}' boven de tabel is onbekend (geen, team of kwartaal)", f.path,
                                echoed(replace_bsn_groups(f.head.strata))));
    const LatestRun latest = load_latest_run(so.verdicts_db);
    if (size == 0 || size > latest.run.case_ids.size())
        throw Error(
            fmt::format("{}: deze oordelen horen niet bij de laatste controle in {}: de steekproef telt {} dossiers, "
                        "de controle {}",
                        f.path, so.verdicts_db, size, latest.run.case_ids.size()));
    const Drawn d = draw_from(latest, so.verdicts_db, size, seed, strata);
    if (const std::string mark = sample_fingerprint(d.frame); mark != f.head.fingerprint)
        throw Error(
            fmt::format("{}: deze oordelen horen niet bij deze steekproef: het kenmerk in het bestand is {}, de "
                        "steekproef met zaad {}, omvang {} en strata {} uit de laatste controle in {} heeft kenmerk "
                        "{}. Gebruik de database en het oordelenbestand van dezelfde 'steekproef trek'",
                        f.path, f.head.fingerprint.empty() ? "leeg" : echoed(replace_bsn_groups(f.head.fingerprint)),
                        seed, size, strata.empty() ? "geen" : strata, so.verdicts_db, mark));
    const VerdictEvaluation e = evaluate_verdicts(f, d.frame, latest.run, so.confidence, so.tolerable);
    std::cout << e.text;
    return e.met ? 0 : 1;
}

int run_evalueer(const SampleOptions& so, bool size_given, bool deviations_given) {
    if (!so.verdicts.empty()) {
        if (size_given || deviations_given)
            throw Error(
                "geef --oordelen, of --omvang met --afwijkingen, niet allebei: met --oordelen telt Wmo-toets zelf");
        return run_evalueer_verdicts(so);
    }
    if (!size_given || !deviations_given)
        throw Error("geef --oordelen BESTAND (de ingevulde oordelen.xlsx), of --omvang en --afwijkingen (zelf geteld)");
    return run_evalueer_counts(so);
}

void add_common(CLI::App* c, SampleOptions& so) {
    c->add_option("--betrouwbaarheid", so.confidence, "Betrouwbaarheid in procenten (standaard 95)")
        ->check(CLI::Range(50.0, 99.9));
    c->add_option("--tolerantie", so.tolerable, "Aanvaardbaar afwijkingspercentage (standaard 5)")
        ->check(CLI::Range(0.1, 50.0));
    c->add_option("--populatie", so.population, "Aantal dossiers in de populatie (dan hypergeometrisch)")
        ->check(CLI::Range(std::size_t(1), std::size_t(100000000)));
}

}  // namespace

Command add_steekproef(CLI::App& app) {
    auto so = std::make_shared<SampleOptions>();
    auto dro = std::make_shared<DrawOptions>();
    CLI::App* sample = app.add_subcommand("steekproef", "Steekproeven voor de auditor: omvang en evaluatie");
    sample->alias("sample");
    sample->require_subcommand(1);
    CLI::App* size = sample->add_subcommand("omvang", "Hoeveel dossiers moet u beoordelen?");
    add_common(size, *so);
    size->add_option("--fouten", so->deviations, "Aantal afwijkingen dat u in de steekproef verwacht (standaard 0)");
    file_option(*size, "--db", so->db, "Neem de populatie uit de laatste controle in deze database (hypergeometrisch)");
    size->footer(
        "\nVoorbeelden:\n  wmotoets steekproef omvang                       59 (95 %, 5 %, 0 afwijkingen)\n"
        "  wmotoets steekproef omvang --fouten 1            93\n"
        "  wmotoets steekproef omvang --populatie 100       45\n"
        "  wmotoets steekproef omvang --db audit.db         de populatie uit de laatste controle\n");
    CLI::App* draw =
        sample->add_subcommand("trek", "Trek een reproduceerbare steekproef van dossiers, met auditbladen");
    file_option(*draw, "--db", dro->db, "De database met een controle (standaard wmotoets.db)");
    draw->add_option("--omvang", dro->size, "Aantal dossiers (zie 'steekproef omvang')")
        ->required()
        ->check(CLI::PositiveNumber);
    draw->add_option("--zaad", dro->seed, "Zaad: hetzelfde zaad geeft op elke machine dezelfde dossiers")->required();
    draw->add_option("--strata", dro->strata, "Proportioneel gelaagd naar team of kwartaal (van de melding)")
        ->check(CLI::IsMember({"team", "kwartaal"}));
    dir_option(*draw, "--uit", dro->out,
               "Map voor steekproef.csv (Excel: UTF-8 met BOM, puntkomma's), steekproef-methode.txt, de "
               "auditbladen (auditbladen.html en één HTML per dossier) en oordelen.xlsx om in te vullen");
    draw->add_flag("--pdf", dro->pdf,
                   "Schrijf ook auditbladen.pdf (A4, met paginanummers), via Chromium als dat is geïnstalleerd");
    draw->footer(
        "\nVoorbeeld:\n  wmotoets steekproef trek --db audit.db --omvang 59 --zaad 20261123 --strata team --uit "
        "steekproef/\n"
        "De dossiers komen uit de laatste controle in de database ('wmotoets controleer --db').\n");
    CLI::App* eval = sample->add_subcommand("evalueer", "Wat zeggen de gevonden afwijkingen over alle dossiers?");
    add_common(eval, *so);
    CLI::Option* eval_size =
        eval->add_option("--omvang", so->size, "Aantal beoordeelde dossiers (zelf geteld)")->check(CLI::PositiveNumber);
    CLI::Option* eval_dev =
        eval->add_option("--afwijkingen", so->deviations, "Aantal dossiers met een afwijking (zelf geteld)");
    file_option(*eval, "--oordelen", so->verdicts,
                "De ingevulde oordelen.xlsx van 'steekproef trek' (of hetzelfde blad als CSV): Wmo-toets telt per "
                "norm en per dossier, en toont waar u anders oordeelt dan de controle");
    file_option(*eval, "--db", so->verdicts_db,
                "Met --oordelen: de database waaruit de steekproef is getrokken (standaard wmotoets.db)");
    eval->footer(
        "\nVoorbeelden:\n  wmotoets steekproef evalueer --omvang 59 --afwijkingen 1\n"
        "  wmotoets steekproef evalueer --db audit.db --oordelen steekproef/oordelen.xlsx\n"
        "Uitkomst 0: de toets is geslaagd; 1: niet geslaagd; 2: het bestand of de opdracht is niet bruikbaar.\n");
    return {sample, [=] {
                if (size->parsed()) return run_omvang(*so);
                if (draw->parsed()) return run_trek(*dro);
                return run_evalueer(*so, eval_size->count() > 0, eval_dev->count() > 0);
            }};
}

}  // namespace wmotoets
