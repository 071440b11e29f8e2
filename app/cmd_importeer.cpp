// wmotoets importeer: add logs to the audit database, each file in one transaction.
#include <spdlog/spdlog.h>

#include "app/commands.hpp"
#include "app/input.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

constexpr const char* kExamples = R"(
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

struct ImportCommandOptions {
    InputOptions input;
    std::string db = "wmotoets.db";
};

int run_importeer(const ImportCommandOptions& o) {
    if (o.input.logs.empty())
        throw Error("geef een of meer logboeken om te importeren (zie 'wmotoets importeer --help')");
    Store store(o.db, store_notice);
    import_into_store(o.input, store);
    spdlog::info("{}: {}, {} uit {}", o.db, counted(store.dossier_count(), "dossier", "dossiers"),
                 counted(store.event_count(), "gebeurtenis", "gebeurtenissen"),
                 counted(store.import_count(), "import", "imports"));
    return 0;
}

}  // namespace

Command add_importeer(CLI::App& app) {
    const auto s = subcommand<ImportCommandOptions>(
        app, "importeer", "import", "Voeg logboeken toe aan de auditdatabase (SQLite), met herkomst", kExamples);
    CLI::App* imp = s.app;
    const auto& o = s.options;
    add_input_options(*imp, o->input);
    file_option(*imp, "--db", o->db, "De database (standaard wmotoets.db; wordt aangemaakt als die er niet is)");
    return s.command(run_importeer);
}

}  // namespace wmotoets
