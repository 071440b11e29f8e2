// wmotoets steekproef: attribute sampling for the auditor (size, draw with audit sheets, evaluation).
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/commands.hpp"
#include "app/input.hpp"
#include "import/verdict_file.hpp"
#include "model/bsn.hpp"
#include "model/date.hpp"
#include "reports/audit_sheet.hpp"
#include "reports/pdf.hpp"
#include "reports/report.hpp"
#include "reports/sample_draw.hpp"
#include "reports/sampling.hpp"
#include "reports/verdicts.hpp"
#include "reports/writers.hpp"
#include "reports/xlsx_report.hpp"
#include "store/store.hpp"
#include "util/error.hpp"
#include "util/output_file.hpp"
#include "util/sha256.hpp"
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
    std::int64_t sample = 0;  // evalueer --steekproef: 0 = the one the file's check mark names
    std::string out, by;      // evalueer --uit (the working paper), --door (opgesteld door)
    bool pdf = false;
};

struct DrawOptions {
    std::string db = "wmotoets.db", strata, out, by, on, rules, per_rule;
    std::size_t size = 0;
    std::uint64_t seed = 0;
    bool pdf = false, overwrite = false;
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

// How the sample was drawn, in words: on the terminal, in steekproef-methode.txt beside the list and (as
// lines) on the cover of the audit sheets. Everything the audit file needs to find it again (issue 30).
std::vector<std::pair<std::string, std::string>> sample_lines(const StoredSample& s, const std::string& db) {
    const auto peildatum = parse_iso_date(s.peildatum);
    const auto drawn_on = parse_iso_date(s.drawn_on);
    std::vector<std::pair<std::string, std::string>> lines = {
        {"Steekproef", fmt::format("nummer {} in {}, kenmerk {}", s.id, std::filesystem::path(db).filename().string(),
                                   s.fingerprint)},
        {"Getrokken", fmt::format("op {}{}", drawn_on ? drawn_on->dutch_long() : s.drawn_on,
                                  s.drawn_by.empty() ? std::string() : " door " + s.drawn_by)},
        {"Controle", fmt::format("nummer {} (peildatum {})", s.run_id,
                                 peildatum ? peildatum->dutch_long() : std::string("onbekend"))},
        {"Populatie", s.per_rule.empty()
                          ? fmt::format("{} uit die controle", counted(s.population, "dossier", "dossiers"))
                          : fmt::format("{} uit die controle waarop {} van toepassing is",
                                        counted(s.population, "dossier", "dossiers"), s.per_rule)},
        {"Omvang", counted(s.size, "dossier", "dossiers")},
        {"Normen", s.rules.empty() ? std::string("alle normen die op een dossier van toepassing zijn")
                                   : fmt::format("{}", fmt::join(s.rules, ", "))},
        {"Zaad", std::to_string(s.seed)},
        {"Methode", s.method}};
    for (const StoredSample::Stratum& st : s.strata_sizes)
        lines.emplace_back("Stratum " + st.name,
                           fmt::format("{} van {}{}", grouped(st.drawn), grouped(st.population),
                                       st.drawn == 0 ? " (kleiner dan één dossier bij proportionele verdeling)" : ""));
    for (const StoredSample::Input& in : s.inputs)
        lines.emplace_back("Invoer", in.path + " (SHA-256 " + in.sha256 + ")");
    lines.emplace_back("Programma", "Wmo-toets " + s.tool_version);
    return lines;
}

std::string sample_method(const StoredSample& s, const std::string& db) {
    std::ostringstream m;
    for (const auto& [label, value] : sample_lines(s, db)) m << label << ": " << value << "\n";
    m << "Dezelfde database, omvang, strata en hetzelfde zaad geven op elke machine dezelfde dossiers. Evalueer "
         "de ingevulde oordelen met 'wmotoets steekproef evalueer': dat gebeurt tegen controle "
      << s.run_id << ", ook als er daarna nieuwe controles zijn.\n";
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

void write_sample_files(const DrawnSample& s, const DrawOptions& o, const LatestRun& latest, const StoredSample& stored,
                        const std::string& list, const std::string& method) {
    ensure_directory(o.out);
    write_output(o.out + "/steekproef.csv", [&](std::ostream& f) { f << list; });
    write_output(o.out + "/steekproef-methode.txt", [&](std::ostream& f) { f << method; });
    std::vector<std::size_t> positions;
    std::vector<AuditSheetInfo> infos;
    for (std::size_t i = 0; i < s.drawn.size(); ++i) {
        positions.push_back(*latest.log.dossier_position(s.drawn[i].case_id));
        infos.push_back(AuditSheetInfo{i + 1, s.drawn.size(), o.seed, s.drawn[i].stratum, stored.rules, stored.id});
        const std::string path =
            fmt::format("{}/auditblad-{:03}-{}.html", o.out, i + 1, file_name_for(s.drawn[i].case_id));
        write_output(path, [&](std::ostream& f) {
            write_audit_sheet(f, latest.log, positions.back(), latest.run, infos.back());
        });
    }
    // All sheets in one document, with a cover page: what an audit file keeps.
    AuditCover cover;
    cover.lines = sample_lines(stored, o.db);
    write_output(o.out + "/auditbladen.html",
                 [&](std::ostream& f) { write_audit_sheets(f, latest.log, positions, infos, latest.run, cover); });
    if (o.pdf) print_pdf(o.out + "/auditbladen.html", o.out + "/auditbladen.pdf");
    spdlog::info("{}: steekproef.csv, steekproef-methode.txt, auditbladen.html{} en {} losse auditbladen geschreven",
                 o.out, o.pdf ? ", auditbladen.pdf" : "", grouped(s.drawn.size()));
}

// The files of a sample in a folder (what trek writes there), sorted.
std::vector<std::filesystem::path> sample_files_in(const std::string& dir) {
    namespace fs = std::filesystem;
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name == "steekproef.csv" || name == "steekproef-methode.txt" || name == "auditbladen.html" ||
            name == "auditbladen.pdf" || name == "oordelen.xlsx" ||
            (name.starts_with("auditblad-") && name.ends_with(".html")))
            out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Refuses a draw into a folder that holds a sample already (issue 30: nothing overwritten), unless
// --overschrijf; then those files are removed first, so no stale sheet stays beside the new ones.
void clear_sample_folder(const DrawOptions& o) {
    if (o.out.empty()) return;
    const auto files = sample_files_in(o.out);
    if (files.empty()) return;
    if (!o.overwrite) {
        // Which sample it is, as its own method file says.
        std::string which;
        std::ifstream method(std::filesystem::path(o.out) / "steekproef-methode.txt");
        for (std::string line; std::getline(method, line);)
            if (line.starts_with("Steekproef: ")) which = " (" + echoed(line.substr(12), 200) + ")";
        throw Error(fmt::format(
            "{}: hier staat al een steekproef{}: {}; er is niets getrokken of gewijzigd. Trek in een lege map, of "
            "geef --overschrijf om de bestanden van die steekproef eerst te verwijderen",
            o.out, which, counted(files.size(), "bestand", "bestanden")));
    }
    for (const auto& f : files) {
        std::error_code ec;
        std::filesystem::remove(f, ec);
        if (ec) throw Error(f.string() + ": kan niet worden verwijderd: " + ec.message());
    }
    spdlog::info("{}: {} van de vorige steekproef verwijderd (--overschrijf)", o.out,
                 counted(files.size(), "bestand", "bestanden"));
}

// The sample from the latest run: the population (with strata), the size checked, the draw.
struct Drawn {
    DrawnSample sample;
    SampleFrame frame;
};
// The norms of `--regels` (rule IDs or groups such as INF), in the run's order; an Error names an unknown one.
std::vector<std::string> chosen_rules(const std::string& list, const RunRecord& run) {
    std::vector<bool> chosen(run.rules.size());
    for (std::string_view rest = list; !rest.empty();) {
        const std::size_t comma = rest.find(',');
        const std::string item(trim(rest.substr(0, comma)));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        if (item.empty()) continue;
        bool found = false;
        for (std::size_t r = 0; r < run.rules.size(); ++r)
            if (run.rules[r] == item || run.rules[r].starts_with(item + "-")) found = chosen[r] = true;
        if (!found)
            throw Error(
                fmt::format("--regels: '{}' is geen regel of groep van de controle (bijvoorbeeld INF, ONA-01; "
                            "'wmotoets regels' toont ze)",
                            echoed(replace_bsn_groups(item), 40)));
    }
    std::vector<std::string> out;
    for (std::size_t r = 0; r < run.rules.size(); ++r)
        if (chosen[r]) out.push_back(run.rules[r]);
    return out;
}

Drawn draw_from(const LatestRun& latest, const std::string& db, std::size_t size, std::uint64_t seed,
                const std::string& strata, const std::vector<std::string>& rules = {},
                const std::string& per_rule = {}) {
    std::optional<std::size_t> applies;  // --per-regel: the population is the dossiers this norm applies to
    if (!per_rule.empty()) {
        const auto it = std::find(latest.run.rules.begin(), latest.run.rules.end(), per_rule);
        if (it == latest.run.rules.end())
            throw Error(fmt::format("--per-regel: '{}' is geen regel van de controle ('wmotoets regels' toont ze)",
                                    echoed(replace_bsn_groups(per_rule), 40)));
        applies = std::size_t(it - latest.run.rules.begin());
    }
    std::vector<SampleUnit> population;
    for (std::size_t i = 0; i < latest.run.case_ids.size(); ++i) {
        const std::string& id = latest.run.case_ids[i];
        if (applies && latest.run.outcome(i, *applies) == Outcome::niet_van_toepassing) continue;
        const auto at = latest.log.dossier_position(id);
        if (!at) continue;  // not stored (cannot happen: dossiers are never removed)
        population.push_back({id, strata.empty()
                                      ? std::string()
                                      : stratum_of(latest.log, latest.run, latest.log.dossiers[*at], strata)});
    }
    if (population.empty())
        throw Error(fmt::format("--per-regel {}: die regel is op geen dossier van toepassing", per_rule));
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
    d.frame.rules = rules;
    d.frame.per_rule = per_rule;
    d.frame.run = latest.run_id;
    for (const SampleUnit& u : d.sample.drawn) d.frame.dossiers.push_back(u.case_id);
    return d;
}

// Today as the draw's date (ISO), or --datum.
std::string draw_date(const DrawOptions& o) {
    if (!o.on.empty()) {
        const auto d = parse_iso_date(o.on);
        if (!d) throw Error("--datum '" + echoed(o.on, 40) + "' is geen datum (JJJJ-MM-DD)");
        return d->iso();
    }
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

int run_trek(const DrawOptions& o) {
    if (o.by.size() > 200) throw Error("--door: een naam van hoogstens 200 tekens");
    clear_sample_folder(o);
    Store store(o.db, Store::Access::migrate, store_notice);
    const LatestRun latest = load_latest_run(store);
    const Drawn d = draw_from(latest, o.db, o.size, o.seed, o.strata, chosen_rules(o.rules, latest.run), o.per_rule);
    const DrawnSample& s = d.sample;
    StoredSample stored;
    stored.rules = d.frame.rules;
    stored.per_rule = o.per_rule;
    stored.run_id = latest.run_id;
    stored.fingerprint = sample_fingerprint(d.frame);
    stored.seed = o.seed;
    stored.size = o.size;
    stored.population = s.population;
    stored.strata = o.strata;
    stored.method = "dossiers op nummer gesorteerd, getrokken zonder teruglegging met SplitMix64 en Fisher-Yates" +
                    (o.strata.empty() ? std::string()
                                      : "; proportioneel gelaagd naar " +
                                            std::string(o.strata == "team" ? "team" : "kwartaal van de melding") +
                                            " (grootste rest)");
    stored.peildatum = latest.run.peildatum;
    for (const InputFile& in : latest.log.inputs) stored.inputs.push_back({in.path, in.sha256});
    stored.tool_version = WMOTOETS_VERSION;
    stored.drawn_on = draw_date(o);
    stored.drawn_by = o.by;
    for (const SampleUnit& u : s.drawn) stored.units.push_back({u.case_id, u.stratum});
    if (!o.strata.empty())
        for (const auto& [name, n] : s.stratum_sizes) stored.strata_sizes.push_back({name, n, s.allocation.at(name)});
    stored.id = store.add_sample(stored);
    const std::string method = sample_method(stored, o.db);
    std::cout << method << "\nnr  dossier" << (o.strata.empty() ? "" : "  stratum") << "\n";
    for (std::size_t i = 0; i < s.drawn.size(); ++i)
        std::cout << fmt::format("{:>3}  {}{}\n", i + 1, shown_text(s.drawn[i].case_id),
                                 o.strata.empty() ? "" : "  " + shown_text(s.drawn[i].stratum));
    spdlog::info("{}: steekproef {} opgeslagen (zie 'wmotoets steekproef lijst --db {}')", o.db, stored.id,
                 shell_quoted(o.db));
    if (!o.out.empty()) {
        write_sample_files(s, o, latest, stored, sample_list(s, o), method);
        const std::vector<VerdictRowPlan> rows = verdict_rows(d.frame, latest.run);
        const std::string verdicts = (std::filesystem::path(o.out) / "oordelen.xlsx").string();
        write_output_file(verdicts,
                          [&](const std::string& tmp) { write_verdicts_xlsx(tmp, verdict_head(d.frame), rows); });
        spdlog::info(
            "{}: {} te beoordelen normen; lees de ingevulde oordelen terug met: wmotoets steekproef evalueer --db {} "
            "--oordelen {}",
            verdicts, grouped(rows.size()), shell_quoted(o.db), shell_quoted(verdicts));
    }
    return 0;
}

// steekproef lijst: the samples of a database, one line each.
int run_lijst(const std::string& db) {
    const Store store(db, Store::Access::read, store_notice);
    const std::vector<StoredSample> all = store.samples();
    if (all.empty()) {
        std::cout << db << ": nog geen steekproef; trek er een met 'wmotoets steekproef trek --db " << shell_quoted(db)
                  << " --omvang N --zaad Z'\n";
        return 0;
    }
    std::cout << "nr  getrokken op        door                  controle  omvang  populatie  zaad  strata  kenmerk\n";
    for (const StoredSample& s : all) {
        const auto on = parse_iso_date(s.drawn_on);
        std::cout << fmt::format("{:>2}  {:<18}  {:<20}  {:>8}  {:>6}  {:>9}  {}  {}  {}\n", s.id,
                                 on ? on->dutch_long() : s.drawn_on, s.drawn_by.empty() ? "–" : echoed(s.drawn_by, 20),
                                 s.run_id, grouped(s.size), grouped(s.population), s.seed,
                                 s.strata.empty() ? "geen" : s.strata, s.fingerprint);
    }
    return 0;
}

// The stored samples of a database in a sentence ("1 (kenmerk …, zaad 7, 34 dossiers)"), for a refusal.
std::string samples_words(const std::vector<StoredSample>& all) {
    if (all.empty()) return "er is nog geen steekproef in opgeslagen";
    std::string out = "de opgeslagen steekproeven zijn ";
    for (std::size_t i = 0; i < all.size() && i < 10; ++i)
        out += fmt::format("{}{} (kenmerk {}, zaad {}, {})", i ? ", " : "", all[i].id, all[i].fingerprint, all[i].seed,
                           counted(all[i].size, "dossier", "dossiers"));
    if (all.size() > 10) out += fmt::format(" en {} meer", all.size() - 10);
    return out;
}

// The stored sample a verdict file belongs to: --steekproef N, or the one its check mark names. Refused, naming
// what differs, when the file's head does not match it.
StoredSample sample_of(const VerdictFile& f, const Store& store, const SampleOptions& so) {
    const std::string mark = echoed(replace_bsn_groups(f.head.fingerprint), 40);
    std::optional<StoredSample> s;
    if (so.sample > 0) {
        s = store.sample(so.sample);
        if (!s)
            throw Error(fmt::format("--steekproef {}: die steekproef staat niet in {}; {}", so.sample, so.verdicts_db,
                                    samples_words(store.samples())));
    } else {
        const std::vector<StoredSample> all = store.samples();
        for (const StoredSample& c : all)
            if (c.fingerprint == f.head.fingerprint) s = c;
        if (!s)
            throw Error(fmt::format(
                "{}: het kenmerk {} boven de tabel hoort bij geen steekproef in {}; {}. Gebruik de database van "
                "dezelfde 'steekproef trek', of kies er een met --steekproef",
                f.path, f.head.fingerprint.empty() ? "(leeg)" : mark, so.verdicts_db, samples_words(all)));
    }
    // What the head says against what was stored.
    std::vector<std::string> differs;
    const auto compare = [&](const char* what, const std::string& file, const std::string& stored) {
        if (file != stored)
            differs.push_back(fmt::format("{} {} in het bestand, {} in de steekproef", what,
                                          file.empty() ? "(leeg)" : echoed(replace_bsn_groups(file), 40), stored));
    };
    compare("kenmerk", f.head.fingerprint, s->fingerprint);
    compare("zaad", f.head.seed, std::to_string(s->seed));
    compare("omvang", f.head.size, std::to_string(s->size));
    compare("strata", f.head.strata, s->strata.empty() ? "geen" : s->strata);
    // The peildatum as trek wrote it (in words; ISO in files of before issue 28).
    const auto peildatum = parse_iso_date(s->peildatum);
    if (f.head.peildatum != s->peildatum)
        compare("peildatum", f.head.peildatum, peildatum ? peildatum->dutch_long() : std::string("onbekend"));
    if (!differs.empty())
        throw Error(fmt::format("{}: deze oordelen horen niet bij steekproef {} in {}: {}", f.path, s->id,
                                so.verdicts_db, fmt::join(differs, "; ")));
    return *s;
}

int run_evalueer_verdicts(const SampleOptions& so) {
    if (so.population) throw Error("--populatie past niet bij --oordelen: de populatie komt uit de controle in --db");
    const Store store(so.verdicts_db, Store::Access::read, store_notice);
    const VerdictFile f = read_verdict_file(so.verdicts);
    const StoredSample sample = sample_of(f, store, so);
    const std::optional<RunRecord> run = store.run(sample.run_id);
    if (!run)
        throw Error(fmt::format("{}: de controle {} van steekproef {} staat niet meer in de database", so.verdicts_db,
                                sample.run_id, sample.id));
    SampleFrame frame;
    frame.seed = sample.seed;
    frame.size = sample.size;
    frame.population = sample.population;
    frame.strata = sample.strata;
    frame.peildatum = sample.peildatum;
    for (const StoredSample::Unit& u : sample.units) {
        frame.dossiers.push_back(u.case_id);
        if (!sample.strata.empty()) frame.stratum.push_back(u.stratum);
    }
    for (const StoredSample::Stratum& st : sample.strata_sizes)
        frame.strata_population.emplace_back(st.name, st.population);
    frame.rules = sample.rules;
    frame.per_rule = sample.per_rule;
    frame.number = sample.id;
    frame.run = sample.run_id;
    const VerdictEvaluation e = evaluate_verdicts(f, frame, *run, so.confidence, so.tolerable);
    std::cout << e.text;
    if (!so.out.empty()) {
        // The working paper for the audit file (issue 30).
        EvaluationPaper paper;
        paper.sample = sample_lines(sample, so.verdicts_db);
        paper.verdict_file = shown_text(so.verdicts);
        paper.verdict_sha256 = file_sha256(so.verdicts);
        paper.by = so.by;
        paper.number = sample.id;
        paper.evaluation = &e;
        ensure_directory(so.out);
        const std::string html = so.out + "/evaluatie.html";
        write_output(html, [&](std::ostream& out) { write_evaluation_html(out, paper); });
        write_output_file(so.out + "/evaluatie.xlsx",
                          [&](const std::string& tmp) { write_evaluation_xlsx(tmp, paper, sample.peildatum); });
        if (so.pdf) print_pdf(html, so.out + "/evaluatie.pdf");
        spdlog::info("{}: evaluatie.html, evaluatie.xlsx{} geschreven (het werkdocument voor het auditdossier)", so.out,
                     so.pdf ? " en evaluatie.pdf" : "");
    }
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
        "  wmotoets steekproef omvang --populatie 100       39\n"
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
    draw->add_option("--regels", dro->rules,
                     "Alleen deze normen op de auditbladen en in oordelen.xlsx: regels of groepen, met komma's (bijv. "
                     "INF,ONA-01); het kenmerk van de steekproef telt ze mee");
    draw->add_option(
        "--per-regel", dro->per_rule,
        "Trek uit de dossiers waarop deze regel van toepassing is (bijv. ONA-01): de populatie waarover de "
        "bovengrens van die norm gaat");
    draw->add_option("--door", dro->by, "Wie de steekproef trekt (naam of functie), voor het auditdossier");
    draw->add_option("--datum", dro->on, "Datum van de trekking (JJJJ-MM-DD; standaard vandaag)");
    draw->add_flag("--overschrijf", dro->overwrite,
                   "Trek ook in een map waar al een steekproef staat: de bestanden daarvan worden eerst verwijderd");
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
    dir_option(*eval, "--uit", so->out,
               "Met --oordelen: map voor het werkdocument evaluatie.html en evaluatie.xlsx (steekproef, oordelen, "
               "conclusie per soort, stratum, norm en dossier, volledigheid, regels om te ondertekenen)");
    eval->add_flag("--pdf", so->pdf, "Met --uit: schrijf ook evaluatie.pdf (A4, met paginanummers), via Chromium");
    eval->add_option("--door", so->by, "Met --uit: wie de evaluatie opstelt (naam), op het werkdocument");
    eval->add_option("--steekproef", so->sample,
                     "Met --oordelen: het nummer van de steekproef (zie 'steekproef lijst'); standaard die van het "
                     "kenmerk in het bestand")
        ->check(CLI::PositiveNumber);
    eval->footer(
        "\nVoorbeelden:\n  wmotoets steekproef evalueer --omvang 59 --afwijkingen 1\n"
        "  wmotoets steekproef evalueer --db audit.db --oordelen steekproef/oordelen.xlsx\n"
        "Uitkomst 0: de toets is geslaagd; 1: niet geslaagd; 2: het bestand of de opdracht is niet bruikbaar.\n");
    CLI::App* list = sample->add_subcommand("lijst", "De steekproeven in een database, met nummer en kenmerk");
    file_option(*list, "--db", dro->db, "De database (standaard wmotoets.db)");
    return {sample, [=] {
                if (size->parsed()) return run_omvang(*so);
                if (draw->parsed()) return run_trek(*dro);
                if (list->parsed()) return run_lijst(dro->db);
                return run_evalueer(*so, eval_size->count() > 0, eval_dev->count() > 0);
            }};
}

}  // namespace wmotoets
