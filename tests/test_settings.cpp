// Settings: the terms of ONA-04/TOE-03 and the settings file (terms, equated days, refusals); statutory terms.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "import/import_file.hpp"
#include "import/toml_files.hpp"
#include "reports/figures.hpp"
#include "reports/writers.hpp"
#include "store/store.hpp"
#include "util/error.hpp"
#include "workflow/engine.hpp"
#include "workflow/local_rules.hpp"
#include "workflow/terms.hpp"

using namespace wmotoets;
using namespace wmotoets::test;

TEST(Settings, FourteenDayTermsAreSettings) {
    const EventLog log = test::load(
        "case_id,timestamp,activity,actor\nD,2024-03-01,clientondersteuning_gevraagd,\n"
        "D,2024-03-18,ondersteuner_toegewezen,O1\nD,2024-03-20,andere_ondersteuner_verzocht,\n"
        "D,2024-04-06,ondersteuner_toegewezen,O2\n");
    const std::vector<const Rule*> rules{find_rule("ONA-04"), find_rule("TOE-03")};
    const auto standard = run_check(log, rules, Calendar{}, log.latest_date());
    EXPECT_EQ(standard.outcome(0, 0), Outcome::overtreden);  // 17 days > 14
    EXPECT_EQ(standard.outcome(0, 1), Outcome::overtreden);
    ASSERT_EQ(standard.findings.size(), 2u);
    EXPECT_EQ(standard.findings[0].deadline->iso(), "2024-04-03");
    Settings longer;
    longer.andere_ondersteuner_dagen = 21;
    longer.wachttijd_ondersteuner_dagen = 21;
    const auto relaxed = run_check(log, rules, Calendar{}, log.latest_date(), {}, longer);
    EXPECT_EQ(relaxed.outcome(0, 0), Outcome::voldaan);
    EXPECT_EQ(relaxed.outcome(0, 1), Outcome::voldaan);
}

TEST(SettingsFile, TermsAndEquatedDays) {
    test::write_file("extra-dagen.txt", "2029-05-11 vrijdag na Hemelvaartsdag\n");
    const std::string path = test::write_file(
        "instellingen.toml",
        "[termijnen]\nandere_ondersteuner_dagen = 21\n[kalender]\ngelijkgestelde_dagen = [\"2030-05-31\", 2031-05-23]\n"
        "feestdagen = \"extra-dagen.txt\"\n");
    Settings s;
    Calendar cal;
    read_settings_file(path, s, cal);
    EXPECT_EQ(s.andere_ondersteuner_dagen, 21);
    EXPECT_EQ(s.wachttijd_ondersteuner_dagen, 14);
    for (const char* d : {"2029-05-11", "2030-05-31", "2031-05-23", "2024-05-10"})
        EXPECT_TRUE(cal.is_equated(*parse_iso_date(d))) << d;
    const std::string bad = test::write_file("slecht.toml", "[termijnen]\nandere_ondersteuner_dagen = -3\n");
    Settings untouched;
    try {
        read_settings_file(bad, untouched, cal);
        ADD_FAILURE();
    } catch (const Error& e) {
        EXPECT_NE(
            std::string(e.what()).find("slecht.toml:2: andere_ondersteuner_dagen moet een geheel aantal dagen zijn"),
            std::string::npos)
            << e.what();
    }
    EXPECT_EQ(untouched.andere_ondersteuner_dagen, 14);
}

TEST(Terms, DecisionTermWorkedExamples) {
    const Checked c = check_csv(
        "case_id,timestamp,activity\nA,2025-04-12,aanvraag\nB,2025-12-12,aanvraag\n"
        "C,2024-04-22,aanvraag\nC,2024-04-24,opschorting_start\nC,2024-04-30,opschorting_einde\n",
        "TRM-02");
    const Calendar cal;
    for (const auto& [dossier, last] :
         std::vector<std::pair<std::size_t, const char*>>{{0, "2025-04-28"}, {1, "2025-12-29"}, {2, "2024-05-13"}}) {
        const DossierFacts f = replay(c.log, c.log.dossiers[dossier], cal);
        const DecisionTerm t = decision_term(f, f.date(0), 2, 0, Pos(f.size()), std::nullopt, TermKind::aanvraag, cal);
        EXPECT_EQ(t.last.iso(), last) << dossier;
    }
}
