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
  wmotoets importeer --db audit.db --migreer
      werk een database van een oudere Wmo-toets bij (rapport en steekproef lezen alleen)
)";

struct ImportCommandOptions {
    InputOptions input;
    std::string db = "wmotoets.db";
    bool migrate_only = false;
};

int run_importeer(const ImportCommandOptions& o) {
    if (o.migrate_only) {
        // Only bring an existing database up to this version's schema (the reading commands never do).
        if (!o.input.logs.empty()) throw Error("--migreer werkt zonder logboeken: het werkt alleen de database bij");
        Store store(o.db, Store::Access::migrate, store_notice);
        spdlog::info("{}: schemaversie {}; {}, {}", o.db, Store::kSchemaVersion,
                     counted(store.dossier_count(), "dossier", "dossiers"),
                     counted(store.import_count(), "import", "imports"));
        return 0;
    }
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
    imp->add_flag("--migreer", o->migrate_only,
                  "Werk alleen het schema van een database van een oudere Wmo-toets bij (zonder logboeken); "
                  "rapport, steekproef en controleer --db doen dat zelf niet");
    return s.command(run_importeer);
}

}  // namespace wmotoets
