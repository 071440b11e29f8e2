// The ZGW import: the sample export gives the expected events, natural persons are never read, refusals name the file.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "import/import_file.hpp"
#include "import/pseudonym.hpp"
#include "import/toml_files.hpp"
#include "model/bsn.hpp"
#include "reports/figures.hpp"
#include "reports/writers.hpp"
#include "store/store.hpp"
#include "util/error.hpp"
#include "workflow/engine.hpp"

using namespace wmotoets;
using namespace wmotoets::test;

TEST(Zgw, SampleExportGivesTheExpectedEventsAndNoBsnReachesTheDatabase) {
    const std::string json = test::source_dir() + "/tests/fixtures/zgw/export.json";
    const Mapping mapping = read_mapping_file(test::source_dir() + "/data/mapping/zgw.toml");
    ImportOptions o;
    o.mapping = &mapping;
    EventLog log;
    Diagnostics diag;
    import_log_file(json, "zgw", o, log, diag);
    log.finalize();
    const InputFile& in = log.inputs.at(0);
    EXPECT_EQ(in.format, "zgw");
    EXPECT_EQ(in.bsn_skipped, 2u);  // two natural persons' inpBsn, passed over
    EXPECT_EQ(in.rows, 9u);
    EXPECT_EQ(in.used, 8u);
    ASSERT_EQ(diag.bad_rows.size(), 1u);
    EXPECT_EQ(diag.bad_rows[0].where() + ": " + diag.bad_rows[0].message,
              json +
                  ":125: status hoort bij een zaak die niet in 'zaken' staat "
                  "('https://zaken.example.nl/api/v1/zaken/onbekend')");
    std::vector<std::string> got;
    for (const Dossier& c : log.dossiers)
        for (auto i : log.events_of(c)) {
            const Event& e = log.events[i];
            const Who& w = log.who(e);
            std::string line = std::string(log.str(c.id)) + " " + e.date.iso() + " " + std::string(log.label(e)) + " " +
                               std::string(log.str(w.actor)) + "/" + std::string(log.str(w.role));
            if (const auto k = log.attr(e, "kanaal"); !k.empty()) line += " kanaal=" + std::string(k);
            got.push_back(line + " :" + std::to_string(e.line));
        }
    EXPECT_EQ(got, (std::vector<std::string>{
                       "ZAAK-2024-0001 2024-03-04 melding / :98",
                       "ZAAK-2024-0001 2024-03-05 informatie_clientondersteuning / kanaal=brief :148",
                       "ZAAK-2024-0001 2024-03-06 ondersteuner_toegewezen O21/ondersteuner :56",
                       "ZAAK-2024-0001 2024-03-14 gesprek C11/ :105", "ZAAK-2024-0001 2024-03-21 verslag C11/ :112",
                       "ZAAK-2024-0001 2024-04-11 besluit B02/ :133",  // the earliest beslisser
                       "ZAAK-2024-0002 2024-03-06 melding / :119",
                       "ZAAK-2024-0002 2024-04-15 besluit / :140",  // no verzenddatum: datum
                   }));
    // Into the database: no BSN and no name of a natural person in its files.
    const std::string db = fresh_db("zgw.db");
    {
        Store store(db);
        store.add_import(log, 0, "2026-01-01T00:00:00");
    }
    std::string bytes;
    for (const char* suffix : {"", "-wal"}) {
        std::ifstream f(db + suffix, std::ios::binary);
        std::ostringstream ss;
        ss << f.rdbuf();
        bytes += ss.str();
    }
    EXPECT_GT(bytes.size(), 1000u);
    EXPECT_NE(bytes.find("ZAAK-2024-0001"), std::string::npos);
    for (const char* secret :
         {"111222333", "123456782", "Jansen", "Pieter", "Smit", "1941-05-02", "de Vries", "Bakker"})
        EXPECT_EQ(bytes.find(secret), std::string::npos) << secret;
}

TEST(Zgw, RefusalsNameTheFile) {
    EventLog log;
    Diagnostics diag;
    ImportOptions o;
    auto refused = [&](const std::string& name, const std::string& text) {
        const std::string path = write_file(name, text);
        return error_about(path, [&] { import_log_file(path, "zgw", o, log, diag); });
    };
    EXPECT_EQ(refused("kapot.json", "{\n  \"zaken\": [\n    {\"identificatie\": \"Z1\",}\n  ]\n}\n"),
              ":3: geen geldige JSON (syntaxfout in de naam van een veld - onverwacht '}'; verwacht: tekst tussen "
              "aanhalingstekens); "
              "niets uit dit bestand is ingelezen");
    EXPECT_EQ(
        refused("geen-zaken.json", "{\"statussen\": []}"),
        ": geen ZGW-export: verwacht een JSON-object met ten minste de sleutel 'zaken' (en statussen, statustypen, "
        "rollen, roltypen, besluiten, klantcontacten)");
    EXPECT_EQ(refused("geen-lijst.json", "{\"zaken\": [], \"statussen\": 3}"),
              ": 'statussen' moet een lijst van resources zijn, of een pagina met 'results'");
    // Bounded: a number out of range and 100,000 nested brackets are bad input with a place.
    EXPECT_EQ(refused("getal.json", "{\"zaken\": [\n  {\"nummer\": 1e999}\n]}"),
              ":2: geen geldige JSON (getal buiten bereik: 1e999); niets uit dit bestand is ingelezen");
    EXPECT_EQ(
        refused("diep.json", "{\"zaken\": [],\n\"x\": " + std::string(100000, '[') + std::string(100000, ']') + "}"),
        ":2: JSON dieper genest dan 64 niveaus; niets uit dit bestand is ingelezen");
    EXPECT_TRUE(log.events.empty());
    EXPECT_TRUE(log.inputs.empty());
}

// Brackets inside a string are text, not nesting: such a file is read.
TEST(Zgw, BracketsInStringsAreNotNesting) {
    EventLog log;
    Diagnostics diag;
    const std::string path =
        write_file("haken-in-tekst.json", "{\"zaken\": [], \"x\": \"" + std::string(1000, '[') + "\\\"[\"}");
    EXPECT_NO_THROW(import_log_file(path, "zgw", ImportOptions{}, log, diag));
    EXPECT_EQ(log.inputs.size(), 1u);
}
