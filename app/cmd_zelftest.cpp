// wmotoets zelftest: the VNG zelftest cliëntondersteuning — the form, and the dialogue report.
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "app/input.hpp"
#include "import/toml_files.hpp"
#include "import/zelftest_files.hpp"
#include "reports/xlsx_report.hpp"
#include "reports/zelftest_form.hpp"
#include "reports/zelftest_report.hpp"
#include "util/output_file.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

struct ZelftestOptions {
    std::vector<std::string> answers;
    std::string db, check_json, out, settings_file;
    std::optional<double> threshold;
};

// The figures per rule of a check: the latest run in a database, or controleer --format json.
std::map<std::string, CheckFigure> check_figures(const ZelftestOptions& o) {
    if (!o.check_json.empty()) return read_check_figures(o.check_json);
    std::map<std::string, CheckFigure> out;
    if (o.db.empty()) return out;
    for (const auto& f : latest_run_of(Store(o.db, Store::Access::read, store_notice)).figures)
        out[f.rule] =
            CheckFigure{f.rule, f.title, f.severity, f.applicable, f.compliant, f.violations, f.unknown, f.rate};
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
    ensure_directory(o.out);
    write_output(o.out + "/zelftest.html", [&](std::ostream& f) { write_zelftest_html(f, q, sets, d); });
    write_output_file(o.out + "/zelftest.xlsx", [&](const std::string& tmp) { write_zelftest_xlsx(tmp, q, sets, d); });
    spdlog::info("{}: zelftest.html en zelftest.xlsx geschreven ({}, {}{})", o.out,
                 counted(sets.size(), "antwoordset", "antwoordsets"),
                 counted(d.points.size(), "gesprekspunt", "gesprekspunten"),
                 d.with_case_data ? ", met de toets aan de dossiers" : "");
    return 0;
}

int run_zelftest_form(const std::string& out) {
    if (out.empty()) {
        write_zelftest_form(std::cout, shipped_questions());
        return 0;
    }
    write_output(out, [](std::ostream& f) { write_zelftest_form(f, shipped_questions()); });
    spdlog::info("{}: invulformulier geschreven ({} vragen)", out, shipped_questions().questions.size());
    return 0;
}

}  // namespace

Command add_zelftest(CLI::App& app) {
    auto zo = std::make_shared<ZelftestOptions>();
    auto form_out = std::make_shared<std::string>();
    CLI::App* zelftest = app.add_subcommand("zelftest", "De VNG-zelftest cliëntondersteuning: gespreksrapport");
    zelftest->require_subcommand(1);
    CLI::App* form =
        zelftest->add_subcommand("formulier", "Schrijf het invulformulier (één HTML-pagina, werkt offline)");
    file_option(*form, "--uit", *form_out, "Het HTML-bestand (standaard: naar stdout)");
    form->footer(
        "\nVoorbeeld:\n  wmotoets zelftest formulier --uit zelftest-formulier.html\n"
        "Open het bestand in een browser, vul in en kies 'Opslaan als bestand': dat JSON-bestand leest\n"
        "'wmotoets zelftest rapport'. Een eerder bestand laden om verder te gaan kan ook.\n");
    CLI::App* report = zelftest->add_subcommand("rapport", "Zet de antwoorden naast elkaar, met gesprekspunten");
    file_option(*report, "antwoorden", zo->answers, "Antwoordbestanden (JSON of TOML), één per perspectief")
        ->required();
    auto* zdb = file_option(*report, "--db", zo->db, "Toets de antwoorden aan de laatste controle in deze database");
    file_option(*report, "--controle", zo->check_json, "… of aan de uitvoer van 'wmotoets controleer --format json'")
        ->excludes(zdb);
    dir_option(*report, "--uit", zo->out, "Map voor zelftest.html en zelftest.xlsx")->required();
    report
        ->add_option("--drempel", zo->threshold,
                     "Percentage overtredingen waarboven een 'ja' een gesprekspunt wordt (standaard 5)")
        ->check(CLI::Range(0.0, 100.0));
    file_option(*report, "--instellingen", zo->settings_file, "Instellingenbestand (TOML); [zelftest] drempel = 5");
    return {zelftest, [=] { return form->parsed() ? run_zelftest_form(*form_out) : run_zelftest_report(*zo); }};
}

}  // namespace wmotoets
