// Keyed pseudonyms (HMAC-SHA-256): linkable across exports, never a BSN.
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

TEST(Pseudonyms, KeyedHmacLinkableAndNeverABsn) {
    const std::string key_path = write_file("sleutel.txt", "0123456789abcdef0123456789abcdef\n");
    const PseudonymKey key = PseudonymKey::from_file(key_path);
    // Known answers (Python: hmac.new(key, b"dossier:D1", sha256).hexdigest()[:20]).
    EXPECT_EQ(key.pseudonym("dossier", "D1"), "ps-b60621504e15bbb0239e");
    EXPECT_EQ(key.pseudonym("medewerker", "M1"), "ps-5bcd34390e805a4853ab");
    EXPECT_EQ(key.pseudonym("dossier", "M1"), "ps-4f8116666e58b413445c");  // kinds kept apart
    for (int i = 0; i < 2000; ++i)
        EXPECT_FALSE(looks_like_bsn(key.pseudonym("dossier", std::to_string(100000000 + i))));
    EXPECT_THROW(PseudonymKey::from_file(write_file("kort.txt", "geheim\n")), Error);

    // Two exports of the same municipality stay linkable; nothing original reaches the database.
    ImportOptions o;
    o.pseudonymise = &key;
    const std::string jan = write_file("p-jan.csv", "case_id,timestamp,activity,actor\nD1,2024-01-02,melding,M1\n");
    const std::string feb = write_file("p-feb.csv",
                                       "case_id,timestamp,activity,actor\nD1,2024-01-02,melding,M1\n"
                                       "D1,2024-02-02,gesprek,M1\n");
    const std::string db = fresh_db("pseudo.db");
    {
        Store store(db);
        for (const std::string& f : {jan, feb}) {
            EventLog log;
            Diagnostics diag;
            import_canonical_csv(f, o, log, diag);
            log.finalize();
            EXPECT_EQ(log.str(log.dossiers.at(0).id), "ps-b60621504e15bbb0239e");
            EXPECT_EQ(log.str(log.who(log.events[0]).actor), "ps-5bcd34390e805a4853ab");
            store.add_import(log, 0, "2026-01-01T00:00:00");
        }
        EXPECT_EQ(store.dossier_count(), 1u);  // the February export replaced the same dossier
        EXPECT_EQ(store.event_count(), 2u);
    }
    std::ifstream f(db, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    EXPECT_NE(ss.str().find("ps-b60621504e15bbb0239e"), std::string::npos);
    EXPECT_EQ(ss.str().find(",M1"), std::string::npos);
    EXPECT_EQ(ss.str().find("D1"), std::string::npos);
}
