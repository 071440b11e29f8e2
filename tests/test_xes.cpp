// XES import (IEEE 1849) and mapping files: the real public logs of ../shared/data/real-logs with
// the counts of its SOURCES.md, the reference checks, and every refusal with its exact message.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>

#include "helpers.hpp"
#include "import/import_file.hpp"
#include "import/toml_files.hpp"
#include "reports/figures.hpp"
#include "util/error.hpp"
#include "workflow/engine.hpp"
#include "workflow/local_rules.hpp"

using namespace wmotoets;
using wmotoets::test::write_file;
using namespace wmotoets::test;

namespace {

const std::string kRealLogs = test::source_dir() + "/../shared/data/real-logs/";

std::string real_log(const std::string& name) { return kRealLogs + name; }

#define REQUIRE_REAL_LOGS()                                 \
    if (!std::filesystem::exists(kRealLogs + "SOURCES.md")) \
    GTEST_SKIP() << "../shared/data/real-logs niet aanwezig (" << kRealLogs << "): overgeslagen"

std::string gzip(const std::string& text) {
    uLongf size = compressBound(text.size()) + 32;
    std::string out(size, '\0');
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);  // gzip header
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

// Figures (applicable, violations) of local rules on a log.
std::vector<std::pair<std::size_t, std::size_t>> local_figures(const EventLog& log, const std::string& rules_toml) {
    const LocalRules local(read_local_rules_file(write_file("lokaal.toml", rules_toml)));
    std::vector<const Rule*> rules;
    for (const Rule* r : local.rules()) rules.push_back(r);
    const CheckResult result = run_check(log, rules, Calendar{}, log.latest_date());
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (const Figure& f : compute_figures(result)) out.emplace_back(f.applicable, f.violations);
    return out;
}

std::string two_rules(const std::string& four_a, const std::string& four_b, const std::string& pre_a,
                      const std::string& pre_b) {
    return "[[regel]]\nid = \"LOK-01\"\ntitel = \"vier ogen\"\nernst = \"aandachtspunt\"\ngrondslag = \"ref\"\n"
           "sjabloon = \"vier_ogen\"\na = \"" +
           four_a + "\"\nb = \"" + four_b +
           "\"\n\n"
           "[[regel]]\nid = \"LOK-02\"\ntitel = \"voorafgaand\"\nernst = \"aandachtspunt\"\ngrondslag = \"ref\"\n"
           "sjabloon = \"voorafgaand\"\na = \"" +
           pre_a + "\"\nb = \"" + pre_b + "\"\n";
}

}  // namespace

TEST(XesRealLogs, CountsOfSourcesMd) {
    REQUIRE_REAL_LOGS();
    struct Row {
        const char* file;
        std::size_t traces, events, rejected;
        const char* sha;
    };
    // SOURCES.md: cases, events, sha256; the events without concept:name of WABO 1, 4, 5.
    const Row rows[] = {
        {"BPIC15_1.xes.gz", 1199, 52217, 0, "69877f4caf428edac346d788c1167097ac831aa581d9d01f7f04bd3b275f39fd"},
        {"BPIC15_2.xes.gz", 832, 44354, 0, "9cf5ec063b26db19bbdd94f00483b9f5ce3b3bf9ddbeb8be74dcea10f6578640"},
        {"BPIC15_3.xes.gz", 1409, 59681, 0, "eeb42bbb163da88ac5e44ee6a4292fed613e1313faedefa7d6d8f14f3f5b161d"},
        {"BPIC15_4.xes.gz", 1053, 47293, 0, "e7654279178042d690bcc587dd6d0af63a07f2a5c190548877325f759d802d6a"},
        {"BPIC15_5.xes.gz", 1156, 59083, 0, "48d1aaa8f87fc0060e4fd0be32d49c8ec7c8fbfef2ca588d639ffccff80e0be1"},
        {"CoSeLoG_WABO_1.xes.gz", 937, 38944, 1, "a6df4153b0654ac693f34e10ad46200c268662b1f978526f8acb0fe4876e22e1"},
        {"CoSeLoG_WABO_2.xes.gz", 645, 33373, 0, "75e31fc564b5df3a8ed1cc4667ce7456f11f72d4e4d383371b875bd9ad036316"},
        {"CoSeLoG_WABO_3.xes.gz", 1087, 44801, 0, "e4884e8120f372e2d62faab3d69a681d53c6be60905dce4bdbf55296c2619240"},
        {"CoSeLoG_WABO_4.xes.gz", 787, 34848, 45, "4eb7c95f68646d1b3af239e134fa31b4a22d5da82d6d139a1575a7a1038e5773"},
        {"CoSeLoG_WABO_5.xes.gz", 892, 43896, 24, "b8a12d04723473ad9af4dd9220768f6158f204e349150f29435da66a5eaf6d4b"},
        {"Receipt_phase_WABO_CoSeLoG.xes.gz", 1434, 8577, 0,
         "1c8ac293e75097365465ceed500691ffb6d3aa7d9aed88de96afbc6f7b03b81b"},
        {"Sepsis_Cases-Event_Log.xes.gz", 1050, 15214, 0,
         "23de08d3efdf1b621ef2797d7bbdbccb35db8de862249ef8d9f91be56e46e2e1"},
    };
    for (const Row& row : rows) {
        const Imported r = import(real_log(row.file), keep());
        const InputFile& in = r.log.inputs.at(0);
        EXPECT_EQ(in.traces, row.traces) << row.file;
        EXPECT_EQ(in.rows, row.events) << row.file;
        EXPECT_EQ(in.rejected, row.rejected) << row.file;
        EXPECT_EQ(in.used + in.rejected, row.events) << row.file;
        EXPECT_EQ(in.sha256, row.sha) << row.file;
        EXPECT_EQ(in.format, "xes");
        for (const Problem& p : r.diag.bad_rows)
            EXPECT_EQ(p.message, "event zonder concept:name (activiteit)") << row.file << ":" << p.line;
    }
}

TEST(XesRealLogs, Bpic2012LifecycleFilter) {
    REQUIRE_REAL_LOGS();
    const Imported complete = import(real_log("BPI_Challenge_2012.xes.gz"), keep());
    EXPECT_EQ(complete.log.inputs[0].rows, 262200u);
    EXPECT_EQ(complete.log.inputs[0].used, 164506u);  // COMPLETE, in upper case
    EXPECT_EQ(complete.log.inputs[0].skipped, 262200u - 164506u);
    EXPECT_EQ(complete.log.dossier_count(), 13087u);
    ImportOptions all = keep();
    all.all_lifecycles = true;
    const Imported every = import(real_log("BPI_Challenge_2012.xes.gz"), all);
    EXPECT_EQ(every.log.inputs[0].used, 262200u);
    EXPECT_EQ(every.log.inputs[0].skipped, 0u);
    // The resource global "UNKNOWN" is never an actor: 18010 events have none.
    std::size_t without = 0;
    for (const Event& e : every.log.events) without += every.log.who(e).actor == 0;
    EXPECT_EQ(without, 18010u);
}

TEST(XesRealLogs, Bpic15ReferenceChecksAsLocalRules) {
    REQUIRE_REAL_LOGS();
    const Imported r = import(real_log("BPIC15_1.xes.gz"), keep());
    const auto f =
        local_figures(r.log, two_rules("01_HOOFD_370", "01_HOOFD_490_1", "01_HOOFD_490_1", "01_HOOFD_510_1"));
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0], std::make_pair(std::size_t(795), std::size_t(732)));  // vier_ogen 370 / 490_1
    EXPECT_EQ(f[1], std::make_pair(std::size_t(895), std::size_t(44)));   // voorafgaand 490_1 → 510_1 ("stable")
}

TEST(XesRealLogs, ReceiptFromXesAndFromMappedCsvAgree) {
    REQUIRE_REAL_LOGS();
    const std::string rules =
        two_rules("Confirmation of receipt", "T02 Check confirmation of receipt",
                  "T04 Determine confirmation of receipt", "T05 Print and send confirmation of receipt");
    const Imported xes = import(real_log("Receipt_phase_WABO_CoSeLoG.xes.gz"), keep());
    const Mapping mapping = read_mapping_file(test::source_dir() + "/data/mapping/receipt-csv.toml");
    ImportOptions mapped;
    mapped.mapping = &mapping;
    const Imported csv = import(real_log("Receipt_phase_WABO_CoSeLoG.csv"), mapped);
    EXPECT_EQ(csv.log.inputs[0].used, 8577u);
    EXPECT_EQ(csv.log.dossier_count(), 1434u);
    const auto fx = local_figures(xes.log, rules), fc = local_figures(csv.log, rules);
    EXPECT_EQ(fx, fc);
    ASSERT_EQ(fx.size(), 2u);
    EXPECT_EQ(fx[0], std::make_pair(std::size_t(1316), std::size_t(1099)));
    EXPECT_EQ(fx[1], std::make_pair(std::size_t(1300), std::size_t(1)));
}

TEST(Xes, AttributesGlobalsLifecycleAndBadEvents) {
    const Imported r = import(write_file("klein.xes", kSmallXes));
    const InputFile& in = r.log.inputs.at(0);
    EXPECT_EQ(in.traces, 2u);
    EXPECT_EQ(in.rows, 5u);
    EXPECT_EQ(in.used, 2u);
    EXPECT_EQ(in.skipped, 1u);   // lifecycle "start"
    EXPECT_EQ(in.rejected, 2u);  // no concept:name (the global UNKNOWN is no activity); a trace without id
    ASSERT_EQ(r.diag.bad_rows.size(), 2u);
    EXPECT_EQ(r.diag.bad_rows[0].where() + ": " + r.diag.bad_rows[0].message,
              write_file("klein.xes", kSmallXes) + ":32: event zonder concept:name (activiteit)");
    EXPECT_EQ(r.diag.bad_rows[1].line, 37u);
    EXPECT_EQ(r.diag.bad_rows[1].message, "trace zonder concept:name (dossiernummer); event overgeslagen");
    ASSERT_EQ(r.log.dossiers.size(), 1u);
    const auto events = r.log.events_of(r.log.dossiers[0]);
    ASSERT_EQ(events.size(), 2u);
    const Event& melding = r.log.events[events[0]];
    EXPECT_EQ(melding.activity, Activity::melding);  // labels folded like CSV
    EXPECT_EQ(r.log.str(r.log.who(melding).actor), "M1");
    EXPECT_EQ(r.log.attr(melding, "kanaal"), "brief");  // an event-scope global default
    const Event& notice = r.log.events[events[1]];
    EXPECT_EQ(notice.date.iso(), "2024-03-06");  // 23:30Z is 00:30 Dutch time
    EXPECT_EQ(r.log.attr(notice, "question"), "x");
    EXPECT_EQ(r.log.attr(notice, "question.code"), "Q1");
    EXPECT_EQ(r.log.attr(notice, "question.answers.eerste"), "ja");
    EXPECT_EQ(r.log.attr(notice, "gratis"), "true");
    // --levenscyclus alle keeps the started gesprek.
    ImportOptions all;
    all.all_lifecycles = true;
    EXPECT_EQ(import(write_file("klein.xes", kSmallXes), all).log.inputs[0].used, 3u);
}

TEST(Xes, PrefixedTagsAndGzip) {
    std::string prefixed = kSmallXes;
    // The same log with every tag in the xes: namespace prefix.
    std::string out;
    for (std::size_t i = 0; i < prefixed.size(); ++i) {
        out += prefixed[i];
        if (prefixed[i] == '<' && i + 1 < prefixed.size() && prefixed[i + 1] != '?') {
            if (prefixed[i + 1] == '/') {
                out += '/';
                ++i;
            }
            out += "xes:";
        }
    }
    const std::size_t at = out.find("xmlns=");
    out.replace(at, 6, "xmlns:xes=");
    const Imported a = import(write_file("prefix.xes", out));
    EXPECT_EQ(a.log.inputs[0].used, 2u);
    const Imported b = import(write_file("klein.xes.gz", gzip(kSmallXes)));
    EXPECT_EQ(b.log.inputs[0].used, 2u);
    EXPECT_EQ(b.log.events.size(), 2u);
}

TEST(Xes, RefusalsNameTheFile) {
    EventLog log;
    Diagnostics diag;
    ImportOptions o;
    const std::string broken = write_file("kapot.xes", "<log>\n<trace>\n<event>\n</trace>\n</log>\n");
    EXPECT_EQ(error_of([&] { import_log_file(broken, "auto", o, log, diag); }),
              broken +
                  ":4: geen geldige XES (sluitelement past niet bij het openingselement); niets uit dit bestand is "
                  "ingelezen");
    const std::string gz = gzip(kSmallXes);
    const std::string truncated = write_file("afgekapt.xes.gz", gz.substr(0, gz.size() / 2));
    EXPECT_EQ(error_of([&] { import_log_file(truncated, "auto", o, log, diag); }),
              truncated +
                  ": het gzip-bestand is beschadigd of afgekapt (unexpected end of file); niets uit dit "
                  "bestand is ingelezen");
    const std::string not_xes = write_file("geen.xes", "<?xml version=\"1.0\"?>\n<zaken/>\n");
    EXPECT_EQ(error_of([&] { import_log_file(not_xes, "auto", o, log, diag); }),
              not_xes + ":2: geen XES-bestand (hoofdelement 'zaken' in plaats van 'log')");
    std::string with_bsn = kSmallXes;
    with_bsn.replace(with_bsn.find("<boolean key=\"gratis\""), 0, "<string key=\"BSN\" value=\"111222333\"/>");
    const std::string bsn = write_file("bsn.xes", with_bsn);
    const std::string message = error_of([&] { import_log_file(bsn, "auto", o, log, diag); });
    EXPECT_EQ(message, bsn +
                           ":17: attribuut 'BSN' bevat een mogelijk BSN (*******33); het bestand is geweigerd. "
                           "Lever een geanonimiseerd bestand aan.");
    EXPECT_EQ(message.find("111222333"), std::string::npos);
    EXPECT_TRUE(log.events.empty());  // nothing of a refused file is kept
    EXPECT_TRUE(log.inputs.empty());
}
