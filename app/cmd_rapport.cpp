// wmotoets rapport: rapport.html, rapport.xlsx and bevindingen.csv of the latest stored run.
#include <spdlog/spdlog.h>

#include <filesystem>

#include "app/commands.hpp"
#include "app/input.hpp"
#include "import/toml_files.hpp"
#include "reports/comparison.hpp"
#include "reports/pdf.hpp"
#include "reports/report.hpp"
#include "reports/separation.hpp"
#include "reports/xlsx_report.hpp"
#include "util/error.hpp"
#include "util/output_file.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

struct ReportOptions {
    std::string db = "wmotoets.db", out, settings;
    PeriodOptions period;
    std::string title, organisation, author;  // --titel, --organisatie, --auteur (over [rapport])
    std::string compare;  // --vergelijk: a period, "geen", or empty (the one before, when the data has it)
    bool publication = false, separation = false, pdf = false, pdf_all = false, all_dossiers = false;
};

Disclosure disclosure_of(const ReportOptions& o, const Settings& settings) {
    Disclosure d;
    d.publication = o.publication;
    d.threshold = std::size_t(settings.publicatie_drempel);
    d.base = std::size_t(settings.publicatie_afronding);
    return d;
}

// The period to compare with: --vergelijk, else the period before of the same length when the log
// reaches back to its start.
std::optional<Period> compared_period(const ReportOptions& o, const EventLog& log, const std::optional<Period>& now,
                                      Date peildatum) {
    if (o.compare == "geen") return std::nullopt;
    if (!o.compare.empty()) {
        if (!now)
            throw Error("--vergelijk vergelijkt met een periode; geef ook --periode (of controleer met --periode)");
        const auto p = parse_period(o.compare);
        if (!p)
            throw Error("--vergelijk '" + o.compare +
                        "' is geen periode; geef een jaar (2023), een kwartaal (2023-K4), een maand (2023-12), "
                        "VAN/TOT (2023-01-01/2023-06-30) of 'geen'");
        if (p->tot > peildatum)
            throw Error("de periode " + p->words() + " loopt tot na de peildatum (" + peildatum.dutch_long() + ")");
        return p;
    }
    if (!now) return std::nullopt;
    const Period before = now->previous();
    const Date first = log.earliest_date(peildatum);
    return first <= before.van ? std::optional<Period>(before) : std::nullopt;
}

int run_rapport(ReportOptions o) {
    if (o.pdf_all) o.pdf = true;
    // The settings file once, before the database: a mistake in it is told before anything is read.
    Settings settings;
    Calendar calendar;
    if (!o.settings.empty()) read_settings_file(o.settings, settings, calendar);
    const Disclosure disclosure = disclosure_of(o, settings);
    LatestRun latest = load_latest_run(o.db);
    const EventLog& log = latest.log;
    // Another period than the stored run's: the stored log is checked again for it (issue 28).
    const auto stored_peildatum = parse_iso_date(latest.run.peildatum);
    if (o.period.given()) {
        if (!stored_peildatum)
            throw Error("de laatste controle heeft geen peildatum; controleer opnieuw met --peildatum");
        const auto period = o.period.resolve(log, *stored_peildatum);
        // A publication without the coordinator's view shows nothing per dossier: figures only (issue 31).
        const Detail detail = o.publication && !o.separation ? Detail::figures : Detail::findings;
        if (period != latest.run.period())
            latest.run = check_again(log, latest.run, period, settings, calendar, detail);
    }
    const RunRecord& run = latest.run;
    for (const auto& [option, text] : {std::pair{"--titel", &o.title}, std::pair{"--organisatie", &o.organisation},
                                       std::pair{"--auteur", &o.author}})
        if (text->size() > 200 || needs_showing(*text))
            throw Error(std::string(option) +
                        " moet een tekst van één regel zijn (hoogstens 200 tekens, geen stuurtekens)");
    const ReportFrame frame{o.title.empty() ? settings.rapport_titel : o.title,
                            o.organisation.empty() ? settings.rapport_organisatie : o.organisation,
                            o.author.empty() ? settings.rapport_auteur : o.author};
    std::optional<Comparison> comparison;
    if (stored_peildatum)
        if (const auto before = compared_period(o, log, run.period(), *stored_peildatum)) {
            comparison.emplace(
                Comparison{*run.period(), *before, check_again(log, run, before, settings, calendar, Detail::figures)});
            spdlog::info("vergeleken met {} ({} dossiers met een melding in die periode)", before->words(),
                         grouped(comparison->previous_run.case_ids.size()));
        }
    // The whole set or none of it: written into a folder inside --uit, put in place at the end.
    OutputSet set(o.out);
    // The lead times per phase, group and quarter: from the stored log, replayed on the run's peildatum.
    std::vector<LeadPhaseView> lead;
    if (const auto peildatum = parse_iso_date(run.peildatum)) {
        const auto observations = lead_time_observations(log, calendar, *peildatum, run.period());
        lead = lead_time_view(observations, [&](std::uint32_t c) { return dossier_team(log, log.dossiers[c]); });
        withhold_linked_lead_times(log, run, disclosure, lead);  // a publication: read with the rule table
    }
    set.guard([&] {
        write_output(set.path("rapport.html"), [&](std::ostream& f) {
            write_report_html(
                f, log, run, disclosure,
                {lead.empty() ? nullptr : &lead, o.all_dossiers, comparison ? &*comparison : nullptr, true, frame});
        });
        if (!o.publication)  // findings per dossier never leave the organisation
            write_output(set.path("bevindingen.csv"), [&](std::ostream& f) { write_findings_csv(f, log, run); });
        else set.remove("bevindingen.csv");
        const SheetHead head = sheet_head(log, run, disclosure, frame, "Wmo-toets — rapport");
        write_output_file(set.path("rapport.xlsx"), [&](const std::string& tmp) {
            write_report_xlsx(tmp, log, run, disclosure, lead.empty() ? nullptr : &lead,
                              comparison ? &*comparison : nullptr, &head);
        });
        if (o.separation) {
            // The coordinator's own page and workbook, beside the auditor's report.
            const SeparationView view = separation_view(log, run);
            write_output(set.path("scheiding.html"),
                         [&](std::ostream& f) { write_separation_html(f, view, run, disclosure); });
            const SheetHead separation_head = sheet_head(log, run, disclosure, {{}, frame.organisation, frame.author},
                                                         "Wmo-toets — scheiding van functies");
            write_output_file(set.path("scheiding.xlsx"), [&](const std::string& tmp) {
                write_separation_xlsx(tmp, view, run, disclosure, &separation_head);
            });
            spdlog::info(
                "{}: scheiding.html en scheiding.xlsx{} geschreven ({} dossiers met ondersteuner en beslisser)", o.out,
                o.pdf ? " en scheiding.pdf" : "", grouped(view.total.both));
        }
    });
    set.commit();
    // The PDFs from the reports in place (a missing Chromium leaves the set written and says so). The
    // report's PDF is the summary without the findings per dossier (those are in rapport.html and
    // bevindingen.csv), unless --pdf-volledig asks for everything.
    if (o.pdf && (o.pdf_all || o.publication)) print_pdf(o.out + "/rapport.html", o.out + "/rapport.pdf");
    else if (o.pdf) {
        const std::string summary = o.out + "/.rapport-afdruk.html";
        write_output(summary, [&](std::ostream& f) {
            write_report_html(
                f, log, run, disclosure,
                {lead.empty() ? nullptr : &lead, false, comparison ? &*comparison : nullptr, false, frame});
        });
        try {
            print_pdf(summary, o.out + "/rapport.pdf");
        } catch (...) {
            std::filesystem::remove(summary);
            throw;
        }
        std::filesystem::remove(summary);
    }
    if (o.pdf && o.separation) print_pdf(o.out + "/scheiding.html", o.out + "/scheiding.pdf");
    if (o.publication)
        spdlog::info(
            "{}: publicatieversie (aantallen onder {} onderdrukt, afgerond op {}; zonder gegevens per dossier)", o.out,
            disclosure.threshold, disclosure.base);
    std::string written =
        o.publication ? "rapport.html en rapport.xlsx" : "rapport.html, rapport.xlsx en bevindingen.csv";
    if (o.pdf)
        written = o.publication ? "rapport.html, rapport.xlsx en rapport.pdf"
                                : "rapport.html, rapport.xlsx, bevindingen.csv en rapport.pdf";
    spdlog::info("{}: {} geschreven ({} dossiers, {} bevindingen, peildatum {})", o.out, written,
                 grouped(run.case_ids.size()), grouped(run.findings.size()),
                 stored_peildatum ? stored_peildatum->dutch_long() : std::string("onbekend"));
    return 0;
}

}  // namespace

Command add_rapport(CLI::App& app) {
    const auto s = subcommand<ReportOptions>(app, "rapport", "report",
                                             "Schrijf de rapporten van de laatste controle in de database");
    CLI::App* report = s.app;
    const auto& o = s.options;
    file_option(*report, "--db", o->db, "De database (standaard wmotoets.db)");
    dir_option(*report, "--uit", o->out,
               "Map voor rapport.html, rapport.xlsx en bevindingen.csv (met --scheiding ook "
               "scheiding.html en scheiding.xlsx)")
        ->required();
    add_period_options(*report, o->period);
    report->add_option("--titel", o->title, "Titel van het rapport (anders [rapport] titel, of 'Wmo-toets — rapport')");
    report->add_option("--organisatie", o->organisation, "De gemeente of organisatie (anders [rapport] organisatie)");
    report->add_option("--auteur", o->author, "Wie het rapport opstelde (anders [rapport] auteur)");
    report
        ->add_option("--vergelijk", o->compare,
                     "Vergelijk met deze periode (2023, 2023-K4, 2023-12, VAN/TOT); standaard de periode ervoor van "
                     "dezelfde lengte als de gegevens die hebben; 'geen' voor geen vergelijking")
        ->type_name("PERIODE");
    report->add_flag(
        "--publicatie", o->publication,
        "Publicatieversie: aantallen onder de drempel (standaard 10) onderdrukt, andere afgerond op 5, geen "
        "percentage bij kleine aantallen, geen gegevens per dossier");
    report->add_flag(
        "--scheiding", o->separation,
        "Schrijf ook het overzicht voor de wijkteamcoördinator: scheiding.html en scheiding.xlsx, per maand, "
        "team en medewerker de dossiers met ondersteuner en beslisser en daarvan ONA-01, ONA-02 en ONA-03 "
        "apart (in de publicatieversie niets per medewerker)");
    file_option(*report, "--instellingen", o->settings,
                "Instellingenbestand (TOML); [publicatie] drempel = 10, afronding = 5; [rapport] titel, organisatie, "
                "auteur");
    report->add_flag("--alle-dossiers", o->all_dossiers,
                     "Toon in rapport.html alle dossiers, ook die zonder bevindingen (standaard alleen die met)");
    report->add_flag("--pdf", o->pdf,
                     "Schrijf ook rapport.pdf (A4, paginanummers, herhaalde tabelkoppen): het rapport zonder de "
                     "bevindingen per dossier, via Chromium als dat is geïnstalleerd (Debian-pakket chromium)");
    report->add_flag("--pdf-volledig", o->pdf_all,
                     "Zoals --pdf, maar met alle bevindingen per dossier (bij duizenden dossiers honderden pagina's)");
    report->footer(
        "\nVoorbeelden:\n  wmotoets controleer --db audit.db --altijd-nul && wmotoets rapport --db audit.db --uit "
        "rapport/\n"
        "  wmotoets rapport --db audit.db --periode 2024 --vergelijk 2023 --publicatie --uit rekenkamer-2024/\n"
        "      de meldingen van 2024 naast die van 2023, met het verschil per regel, publicatieklaar\n"
        "rapport.html is één zelfstandige pagina (geen internet nodig, print op A4); bevindingen.csv opent goed\n"
        "in Nederlandse Excel (UTF-8 met BOM, puntkomma's).\n");
    return s.command(run_rapport);
}

}  // namespace wmotoets
