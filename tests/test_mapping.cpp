// Mapping files: columns, labels, roles and values of a municipality's own export, and every refusal with file and line.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "import/import_file.hpp"
#include "import/toml_files.hpp"
#include "reports/figures.hpp"
#include "reports/writers.hpp"
#include "store/store.hpp"
#include "util/error.hpp"
#include "workflow/engine.hpp"

using namespace wmotoets;
using namespace wmotoets::test;

TEST(Mapping, CsvColumnsLabelsRolesAndValues) {
    const std::string mapping_path = write_file("export.toml", R"(onbekende_activiteiten = "weigeren"
[kolommen]
case_id = "Zaaknummer"
timestamp = "Datum"
activity = "Status"
actor = "Medewerker"
role = "Functie"
aan = "Gericht aan"

[activiteiten]
"Melding ontvangen" = "melding"
"Brief OCO verstuurd" = "informatie_clientondersteuning"

[rollen]
"Wmo-consulent" = "consulent"

[waarden.aan]
"Cliënt" = "client"
)");
    const Mapping m = read_mapping_file(mapping_path);
    ImportOptions o;
    o.mapping = &m;
    const Imported r = import(write_file("export.csv",
                                         "Zaaknummer;Datum;Status;Medewerker;Functie;Gericht aan;Opmerking\n"
                                         "Z-1;04-03-2024;Melding ontvangen;M1;Wmo-consulent;;eerste\n"
                                         "Z-1;05-03-2024;Brief OCO verstuurd;M1;Wmo-consulent;Cliënt;\n"
                                         "Z-1;06-03-2024;Iets anders;M1;;;\n"),
                              o);
    EXPECT_EQ(r.log.inputs[0].used, 2u);
    EXPECT_EQ(r.diag.bad_rows.size(), 0u);
    ASSERT_EQ(r.diag.unknown.size(), 1u);
    EXPECT_EQ(r.diag.unknown.begin()->second.labels.at("Iets anders").first_line, 4u);
    const auto ev = r.log.events_of(r.log.dossiers.at(0));
    const Event& notice = r.log.events[ev[1]];
    EXPECT_EQ(notice.activity, Activity::informatie_clientondersteuning);
    EXPECT_EQ(r.log.str(r.log.who(notice).role), "consulent");
    EXPECT_EQ(r.log.attr(notice, "aan"), "client");
    EXPECT_EQ(r.log.attr(r.log.events[ev[0]], "opmerking"), "eerste");
}

TEST(Mapping, RefusalsNameFileAndLine) {
    auto refused = [](const std::string& name, const std::string& toml) {
        const std::string path = write_file(name, toml);
        return error_about(path, [&] { (void)read_mapping_file(path); });
    };
    EXPECT_EQ(refused("m1.toml", "[activiteiten]\n\"Melding ontvangen\" = \"aanmelding\"\n"),
              ":2: 'aanmelding' is geen canonieke activiteit (mogelijk: vraagverheldering, melding, herbeoordeling, "
              "ontvangstbevestiging, informatie_persoonlijk_plan, informatie_clientondersteuning, "
              "clientondersteuning_gevraagd, ondersteuner_toegewezen, clientondersteuning_afgezien, "
              "andere_ondersteuner_verzocht, andere_ondersteuner_geweigerd, persoonlijk_plan, gesprek, verslag, "
              "informatie_pgb, informatie_bijdrage, verslag_reactie, aanvraag, opschorting_start, opschorting_einde, "
              "verdaging, ingebrekestelling, besluit, levering_gestart, eigen_bijdrage, "
              "bezwaar, hoorzitting, besluit_op_bezwaar, beroep, uitspraak, intrekking, afsluiting, wlz_indicatie)");
    EXPECT_EQ(refused("m2.toml", "[kolommen]\ncase_id = \n"),
              ":2: geen geldige TOML: sleutel = waarde: verwacht een waarde, gevonden '\\n' (kolom 11)");
    EXPECT_EQ(refused("m3.toml", "[rollen]\nBaas = \"chef\"\n"),
              ":2: 'chef' is geen canonieke rol (mogelijk: ondersteuner, consulent, beslisser, client, mantelzorger, "
              "vertegenwoordiger, jurist, administratie)");
    EXPECT_EQ(refused("m7.toml", "[zgw.roltypen]\n\"Cliëntondersteuner\" = { rol = \"ondersteuner\" }\n"),
              ":2: zgw.roltypen.\"Cliëntondersteuner\" mist 'activiteit'");
    EXPECT_EQ(refused("m8.toml", "[zgw.statustypen]\n\"Gesprek\" = \"keukentafel\"\n").substr(0, 48),
              ":2: 'keukentafel' is geen canonieke activiteit (");
    EXPECT_EQ(refused("m4.toml", "onbekende_activiteiten = \"negeren\"\n"),
              ":1: onbekende_activiteiten moet \"behouden\" of \"weigeren\" zijn, niet 'negeren'");
    EXPECT_EQ(refused("m5.toml", "[kolom]\ncase_id = \"Zaak\"\n"),
              ":1: onbekende sleutel 'kolom' in het mappingbestand (mogelijk: kolommen, activiteiten, rollen, waarden, "
              "onbekende_activiteiten, geen_bsn, zgw, breed)");
    // A column the file lacks: refused with the mapping's file and line, naming the export.
    const std::string mapping_path = write_file("m6.toml", "[kolommen]\ncase_id = \"Zaak\"\nactivity = \"Stap\"\n");
    const Mapping m = read_mapping_file(mapping_path);
    ImportOptions o;
    o.mapping = &m;
    const std::string csv = write_file("m6.csv", "Zaak;Datum;Status\nZ1;2024-01-01;melding\n");
    EventLog log;
    Diagnostics diag;
    EXPECT_EQ(
        error_of([&] { import_log_file(csv, "auto", o, log, diag); }),
        mapping_path + ":3: kolom 'Stap' (voor activity) staat niet in " + csv + " (gevonden: zaak, datum, status)");
    const std::string xes = write_file("m6.xes", kSmallXes);
    EXPECT_EQ(error_of([&] { import_log_file(xes, "auto", o, log, diag); }),
              mapping_path + ":2: sleutel 'Zaak' (voor case_id) komt in " + xes + " niet voor");
    EXPECT_TRUE(log.events.empty());
}

// geen_bsn: a person's decision that identifying columns hold no BSNs (docs/spec/event-log.md "Privacy").
TEST(Mapping, GeenBsnNamesIdentifyingColumnsOnly) {
    const std::string ok = write_file("geen-bsn.toml", "geen_bsn = [\"case_id\", \"actor\"]\n");
    EXPECT_EQ(read_mapping_file(ok).not_bsn, (std::vector<std::string>{"case_id", "actor"}));
    const std::string wrong = write_file("geen-bsn-fout.toml", "geen_bsn = [\"notitie\"]\n");
    EXPECT_EQ(error_about(wrong, [&] { (void)read_mapping_file(wrong); }),
              ":1: geen_bsn: alleen \"case_id\" en \"actor\" zijn mogelijk");
    // Declared: no warning for the dossier numbers; a BSN in free text is still replaced.
    Diagnostics diag;
    ImportOptions o;
    o.not_bsn = {"case_id"};
    const EventLog log =
        load("case_id,timestamp,activity,notitie\n123456782,2024-01-01,melding,bel 111222333\n", &diag, o);
    EXPECT_EQ(log.case_id_of(log.events[0]), "123456782");
    ASSERT_EQ(diag.warnings.size(), 1u);
    EXPECT_EQ(diag.warnings[0].message,
              "mogelijk BSN in kolom 'notitie': 1 waarde (op deze regel); vervangen door [BSN?]");
}

// ---- mapping voorstel (issue 18 point 3) ----

#include "import/mapping_proposal.hpp"

namespace {

std::string proposal_file(const std::string& export_path, const std::string& name) {
    return wmotoets::test::write_file(name, wmotoets::propose_mapping(export_path));
}

}  // namespace

TEST(MappingProposal, DutchSynonymsForStatusLabels) {
    using wmotoets::proposed_activity;
    EXPECT_EQ(proposed_activity("Keukentafelgesprek"), "gesprek");
    EXPECT_EQ(proposed_activity("Beschikking verzonden"), "besluit");
    EXPECT_EQ(proposed_activity("Ingebrekestelling ontvangen"), "ingebrekestelling");
    EXPECT_EQ(proposed_activity("Melding ontvangen"), "melding");
    EXPECT_EQ(proposed_activity("Levering gestart"), "levering_gestart");
    EXPECT_EQ(proposed_activity("Ontvangstbevestiging bezwaar"), "ontvangstbevestiging");
    EXPECT_EQ(proposed_activity("Eigen bijdrage besproken"), "informatie_bijdrage");
    EXPECT_EQ(proposed_activity("Eigen bijdrage opgelegd"), "eigen_bijdrage");
    EXPECT_EQ(proposed_activity("Gespreksverslag verzonden"), "verslag");
    EXPECT_EQ(proposed_activity("Reactie op verslag ontvangen"), "verslag_reactie");
    EXPECT_EQ(proposed_activity("Beslissing op bezwaar verzonden"), "besluit_op_bezwaar");
    EXPECT_EQ(proposed_activity("Bezwaarschrift ontvangen"), "bezwaar");
    EXPECT_EQ(proposed_activity("Informatie cliëntondersteuning verstrekt"), "informatie_clientondersteuning");
    EXPECT_EQ(proposed_activity("OCO gekoppeld"), "ondersteuner_toegewezen");
    EXPECT_EQ(proposed_activity("Informatie pgb gegeven"), "informatie_pgb");
    EXPECT_EQ(proposed_activity("gesprek"), "gesprek");      // canonical stays canonical
    EXPECT_EQ(proposed_activity("Bezwaar beoordeeld"), "");  // the bezwaar or the decision on it: not guessed
    EXPECT_EQ(proposed_activity("01_HOOFD_010"), "");
}

TEST(MappingProposal, ReproducesTheBundledMappingOfTheDutchExport) {
    const std::string src = wmotoets::test::source_dir();
    const wmotoets::Mapping bundled = wmotoets::read_mapping_file(src + "/data/mapping/zaaksysteem-export.toml");
    const wmotoets::Mapping proposed =
        wmotoets::read_mapping_file(proposal_file(src + "/data/voorbeeld/zaaksysteem-export.csv", "voorstel.toml"));
    std::map<std::string, std::string> a, b;
    for (const auto& [canon, c] : bundled.columns) a[canon] = c.source;
    for (const auto& [canon, c] : proposed.columns) b[canon] = c.source;
    EXPECT_EQ(b, a);
    // Every label of the export as the bundled mapping has it (which also names a label the export
    // does not hold: a voorstel only knows the labels it saw).
    const std::string export_text = wmotoets::test::read_file(src + "/data/voorbeeld/zaaksysteem-export.csv");
    auto expected = bundled.activities;
    std::erase_if(expected,
                  [&](const auto& kv) { return export_text.find(";" + kv.first + ";") == std::string::npos; });
    EXPECT_EQ(expected.size(), 10u);
    EXPECT_EQ(proposed.activities, expected);
    EXPECT_EQ(proposed.roles, bundled.roles);
    EXPECT_EQ(proposed.keep_unknown, bundled.keep_unknown);
    // The one label the bundled mapping leaves out is listed, with its count.
    const std::string text = wmotoets::propose_mapping(src + "/data/voorbeeld/zaaksysteem-export.csv");
    EXPECT_NE(text.find("# \"Bezwaar beoordeeld\" = \"\"   # 1×: geen voorstel"), std::string::npos) << text;
}

TEST(MappingProposal, AWideExportGetsAWorkingBreedSection) {
    const std::string src = wmotoets::test::source_dir();
    const wmotoets::Mapping bundled = wmotoets::read_mapping_file(src + "/data/mapping/breed-export.toml");
    const wmotoets::Mapping proposed =
        wmotoets::read_mapping_file(proposal_file(src + "/data/voorbeeld/breed-export.csv", "voorstel-breed.toml"));
    ASSERT_EQ(proposed.wide.size(), bundled.wide.size());
    for (std::size_t i = 0; i < bundled.wide.size(); ++i) {
        EXPECT_EQ(proposed.wide[i].date_column, bundled.wide[i].date_column);
        EXPECT_EQ(proposed.wide[i].activity, bundled.wide[i].activity) << bundled.wide[i].date_column;
        EXPECT_EQ(proposed.wide[i].actor_column, bundled.wide[i].actor_column) << bundled.wide[i].date_column;
        EXPECT_EQ(proposed.wide[i].time_column, bundled.wide[i].time_column) << bundled.wide[i].date_column;
    }
    EXPECT_EQ(proposed.columns.at("case_id").source, "Dossiernummer");
}

TEST(MappingProposal, ListsTheLabelsOfANonWmoLogWithTheirCounts) {
    const std::string log = wmotoets::test::source_dir() + "/../shared/data/real-logs/BPIC15_1.xes.gz";
    if (!std::filesystem::exists(log)) GTEST_SKIP() << "../shared/data/real-logs niet aanwezig: " << log;
    const std::string text = wmotoets::propose_mapping(log);
    EXPECT_NE(text.find("# 398 verschillende statussen in kolom \"concept:name\""), std::string::npos);
    EXPECT_NE(text.find("# \"01_HOOFD_010\" = \"\"   # 1.199×: geen voorstel"), std::string::npos);
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n') > 398, true);
    EXPECT_NO_THROW(wmotoets::read_mapping_file(wmotoets::test::write_file("voorstel-bpic.toml", text)));
}

// toml++'s English is never passed on (issue 27 point 7): every broken file gets a Dutch sentence.
TEST(Mapping, TomlErrorsAreDutch) {
    for (const char* text : {"a = ", "a = \"x", "a = 1x", "[a", "a = 1\na = 2", "a = 2024-13-01", "a = [1,", "x",
                             "a = \"\\q\"", "a = 01", "a = 1__2", "a = tru", "a = 0x", "a = 1e", "a = {b = }",
                             "[[a]]\n[a]", "a = 2024-01-01T25:00:00", "a = \"\\uD800\"", "a.b = 1\na = 2"}) {
        const std::string path = wmotoets::test::write_file("kapot.toml", text);
        const std::string message = wmotoets::test::error_about(path, [&] { wmotoets::read_mapping_file(path); });
        EXPECT_NE(message.find("geen geldige TOML: "), std::string::npos) << text << ": " << message;
        for (const char* english : {"Error", "expected", "saw", "encountered", "parsing", "cannot", "invalid"})
            EXPECT_EQ(message.find(english), std::string::npos) << text << ": " << message;
    }
}

// ---- mapping voorstel safe to use (issue 27 point 3) ----

// A header with a line break used to write live TOML into the proposal: with it, a value mapping the
// file never asked for ("nee" read as "ja") made an INF-03 overtreding disappear. DEL made the proposal
// unreadable; BSNs in headers, labels and the file name were written in full.
TEST(MappingProposal, WhatTheExportHoldsNeverBecomesTomlOrABsn) {
    using namespace wmotoets;
    const std::string path = test::write_file(
        "export-123456782.csv",
        "Zaaknummer,Datum,Status,\"notitie\n[waarden.gratis]\n\"\"nee\"\" = \"\"ja\"\"\",Gratis,kolom 111.222.333\n"
        "Z1,2024-03-01,Melding ontvangen,x,nee,a\n"
        "Z1,2024-03-02,Status\x7f met DEL,x,nee,b\n"
        "Z1,2024-03-03,Gebeld met 123-45-6782,x,nee,c\n");
    std::vector<std::string> warnings;
    ProposalOptions o;
    o.warn = [&](const std::string& w) { warnings.push_back(w); };
    const std::string text = propose_mapping(path, o);
    // Readable TOML, and the only [waarden.gratis] is the one the proposal makes itself (none: "nee" is canonical).
    const Mapping m = read_mapping_file(test::write_file("voorstel-vijandig.toml", text));
    EXPECT_EQ(m.values.count("gratis"), 0u) << text;
    for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1))
        EXPECT_NE(text.compare(at + 1, 7, "[waarde"), 0) << text;
    EXPECT_NE(text.find("\\u007F"), std::string::npos) << text;  // DEL escaped
    for (const char* digits : {"123456782", "123-45-6782", "111.222.333", "111222333"})
        EXPECT_EQ(text.find(digits), std::string::npos) << digits << "\n" << text;
    EXPECT_NE(text.find("Gebeld met [BSN?]"), std::string::npos) << text;
    ASSERT_EQ(warnings.size(), 2u);
    EXPECT_NE(warnings[0].find("mogelijk BSN in de naam 'kolom [BSN?]' (een kolom); in het voorstel vervangen"),
              std::string::npos)
        << warnings[0];
    EXPECT_NE(warnings[1].find("mogelijk BSN in kolom 'Status': 1 waarde; in het voorstel vervangen door [BSN?]"),
              std::string::npos)
        << warnings[1];
    for (const std::string& w : warnings) EXPECT_EQ(w.find("123456782"), std::string::npos) << w;
}
