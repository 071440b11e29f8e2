// Text helpers, yes/no and amounts, the BSN check and SHA-256.
#include <gtest/gtest.h>

#include <utility>

#include "model/bsn.hpp"
#include "reports/writers.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

using namespace wmotoets;

TEST(Text, FoldLabel) {
    EXPECT_EQ(fold_label("Cliëntondersteuning gevraagd"), "clientondersteuning_gevraagd");
    EXPECT_EQ(fold_label("  Informatie-Cliëntondersteuning "), "informatie_clientondersteuning");
    EXPECT_EQ(fold_label("BESLUIT"), "besluit");
    EXPECT_EQ(fold_label("Geïnformeerd"), "geinformeerd");
    EXPECT_EQ(fold_text("Zorggroep Óost"), "zorggroep oost");
}

// compacts_to is fold_compact(s) == folded, with a shortcut for values already written plainly.
TEST(Text, CompactsToIsFoldCompactCompared) {
    for (const char* v :
         {"clientondersteuning", "client_ondersteuning", "Cliënt-ondersteuning", " clientondersteuning ",
          "client ondersteuning", "clientondersteuningen", "clientondersteunin", "", "_", "hbh",
          "huishoudelijke_ondersteuning", "xlientOndersteuning", "clientondersteuning_", "__client__ondersteuning"})
        EXPECT_EQ(compacts_to(v, "clientondersteuning"), fold_compact(v) == "clientondersteuning") << v;
    EXPECT_TRUE(compacts_to("Cliënt ondersteuning", "clientondersteuning"));
    EXPECT_FALSE(compacts_to("begeleiding", "clientondersteuning"));
}

TEST(Text, YesNo) {
    for (const char* s : {"ja", "J", "yes", "Y", "TRUE", "1", " ja "}) EXPECT_EQ(parse_yes_no(s), true) << s;
    for (const char* s : {"nee", "N", "no", "false", "0"}) EXPECT_EQ(parse_yes_no(s), false) << s;
    EXPECT_FALSE(parse_yes_no("misschien"));
    EXPECT_FALSE(parse_yes_no(""));
}

TEST(Text, Amounts) {
    EXPECT_DOUBLE_EQ(*parse_amount("12.50"), 12.5);
    EXPECT_DOUBLE_EQ(*parse_amount("12,50"), 12.5);
    EXPECT_DOUBLE_EQ(*parse_amount("€ 12,50"), 12.5);
    EXPECT_DOUBLE_EQ(*parse_amount("1.234,56"), 1234.56);
    EXPECT_DOUBLE_EQ(*parse_amount("0"), 0.0);
    EXPECT_FALSE(parse_amount("twaalf"));
    EXPECT_FALSE(parse_amount(""));
}

TEST(Text, Utf8AndWindows1252) {
    int st = 0;
    EXPECT_TRUE(utf8_valid_chunk("Cli\xC3\xABnt", st));
    EXPECT_EQ(st, 0);
    st = 0;
    EXPECT_FALSE(utf8_valid_chunk("Cli\xEBnt", st));  // Windows-1252 ë
    st = 0;
    EXPECT_TRUE(utf8_valid_chunk("Cli\xC3", st));  // split across chunks
    EXPECT_TRUE(utf8_valid_chunk("\xABnt", st));
    EXPECT_EQ(st, 0);
    std::string out;
    cp1252_to_utf8("Cli\xEBnt \x80", out);
    EXPECT_EQ(out, "Cli\xC3\xABnt \xE2\x82\xAC");
}

TEST(Bsn, Elfproef) {
    EXPECT_TRUE(looks_like_bsn("111222333"));
    EXPECT_TRUE(looks_like_bsn("123456782"));
    EXPECT_FALSE(looks_like_bsn("123456789"));
    EXPECT_FALSE(looks_like_bsn("000000000"));
    EXPECT_TRUE(looks_like_bsn("111.222.333"));
    EXPECT_TRUE(looks_like_bsn("111 222 333"));
    EXPECT_TRUE(looks_like_bsn("1234-56-782"));
    EXPECT_TRUE(looks_like_bsn("123-45-6782"));  // 3-2-4 (2026-12-06)
    EXPECT_TRUE(looks_like_bsn("123 45 6782"));
    EXPECT_FALSE(looks_like_bsn("12-345-6782"));                             // none of 3-3-3, 4-2-3, 3-2-4
    EXPECT_FALSE(looks_like_bsn("123-45.6782"));                             // mixed separators
    EXPECT_FALSE(looks_like_bsn("111.222-333"));                             // mixed separators
    EXPECT_TRUE(looks_like_bsn("11222333") == looks_like_bsn("011222333"));  // eight digits: leading zero
    EXPECT_FALSE(looks_like_bsn("2024-03-28"));
    EXPECT_FALSE(looks_like_bsn("D017"));
    EXPECT_EQ(mask_number("111222333"), "*******33");
    EXPECT_EQ(mask_number("111.222.333"), "***.***.*33");
    EXPECT_TRUE(bsn_column_name("BSN"));
    EXPECT_TRUE(bsn_column_name("inpBsn"));
    EXPECT_TRUE(bsn_column_name("Burgerservicenummer"));
    EXPECT_FALSE(bsn_column_name("case_id"));
    // Groups inside a value (updated 2026-11-29): whole runs of 8/9 digits, 3-3-3 and 4-2-3.
    EXPECT_EQ(replace_bsn_groups("D0-123456782"), "D0-[BSN?]");
    EXPECT_EQ(replace_bsn_groups("cliënt 123 456 782 belde, dossier 111.222.333"),
              "cliënt [BSN?] belde, dossier [BSN?]");
    EXPECT_EQ(replace_bsn_groups("1234-56-782/x"), "[BSN?]/x");
    EXPECT_EQ(replace_bsn_groups("export-123456782.csv"), "export-[BSN?].csv");
    EXPECT_EQ(replace_bsn_groups("1234567820 en 123456789 en 2024-03-28T10:15:00"),
              "1234567820 en 123456789 en 2024-03-28T10:15:00");
    EXPECT_EQ(replace_bsn_groups("12.111.222.333"), "12.[BSN?]");
    EXPECT_EQ(mask_bsn_groups("D0-123456782 en 111.222.333"), "D0-1234***** en 111.2**.***");
    EXPECT_EQ(replace_bsn_groups("cliënt 123-45-6782 belde"), "cliënt [BSN?] belde");
    EXPECT_EQ(replace_bsn_groups("123-45-67820"), "123-45-67820");  // a fourth group too long: no BSN
    EXPECT_EQ(mask_bsn_groups("123.45.6782"), "123.4*.****");
    EXPECT_FALSE(holds_bsn("ZAAK-2024-0001"));
    EXPECT_TRUE(holds_bsn("BSN123456782"));
}

TEST(Sha256, KnownVectors) {
    Sha256 a;
    EXPECT_EQ(a.hex(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    Sha256 b;
    b.update("abc");
    EXPECT_EQ(b.hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    Sha256 c;
    const std::string million(1000000, 'a');
    c.update(million.substr(0, 333));
    c.update(million.substr(333));
    EXPECT_EQ(c.hex(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Text, ControlCharactersAndBidiOverridesAreShownNotActedOn) {
    EXPECT_FALSE(needs_showing("D001 gewoon, met é en €"));
    EXPECT_EQ(shown_text("D001 gewoon, met é en €"), "D001 gewoon, met é en €");
    EXPECT_EQ(shown_text("\x1b[31mROOD\x07"), "\\x1b[31mROOD\\x07");
    EXPECT_EQ(shown_text("a\tb\rc\x7f"), "a\\x09b\\x0dc\\x7f");
    EXPECT_EQ(shown_text("D\xE2\x80\xAEkwaad"), "DU+202Ekwaad");                            // right-to-left override
    EXPECT_EQ(shown_text("\xE2\x81\xA6x\xE2\x81\xA9"), "U+2066xU+2069");                    // isolates
    EXPECT_EQ(shown_text("\xE2\x80\x94 en \xE2\x80\x99"), "\xE2\x80\x94 en \xE2\x80\x99");  // dashes and quotes stay
    EXPECT_EQ(shown_text("einde \xE2\x80"), "einde \xE2\x80");  // a cut sequence is left as is
    // C1 controls (U+0080–U+009F: CSI, NEL …) like C0; the Latin-1 letters after them stay.
    EXPECT_EQ(shown_text("a\xC2\x9B"
                         "31mb\xC2\x85"),
              "aU+009B31mbU+0085");
    EXPECT_EQ(shown_text("caf\xC3\xA9 \xC2\xA0x \xC2"), "caf\xC3\xA9 \xC2\xA0x \xC2");
    EXPECT_TRUE(needs_showing("\xC2\x80"));
    // Echoed input: at most 200 characters (not bytes), then "…", controls visible.
    EXPECT_EQ(echoed("kort\x07"), "kort\\x07");
    EXPECT_EQ(echoed(std::string(100000, '9')), std::string(200, '9') + "…");
    std::string accents;
    for (int i = 0; i < 300; ++i) accents += "é";
    EXPECT_EQ(echoed(accents), accents.substr(0, 400) + "…");
    EXPECT_EQ(echoed(accents.substr(0, 400)), accents.substr(0, 400));
    // Hints a person copies: quoted for the shell when needed.
    EXPECT_EQ(shell_quoted("audit/2024.db"), "audit/2024.db");
    EXPECT_EQ(shell_quoted("mijn audit.db"), "'mijn audit.db'");
    EXPECT_EQ(shell_quoted("it's;rm -rf"), "'it'\\''s;rm -rf'");
    EXPECT_EQ(shell_quoted("$(ls)"), "'$(ls)'");
    EXPECT_EQ(shell_quoted(""), "''");
    EXPECT_EQ(file_url("/tmp/rapport #1?/rapport é.html"), "file:///tmp/rapport%20%231%3F/rapport%20%C3%A9.html");
}

TEST(Text, SpreadsheetCellsNeverStartAFormula) {
    const std::pair<std::string, std::string> cells[] = {{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
                                                         {"@SUM(1)", "'@SUM(1)"},
                                                         {"+cmd|calc", "'+cmd|calc"},
                                                         {"-1+1", "'-1+1"},
                                                         {"-", "'-"},
                                                         {"-12", "-12"},
                                                         {"+3,5", "+3,5"},
                                                         {"-0.25", "-0.25"},
                                                         {"D-12", "D-12"},
                                                         {"", ""}};
    for (const auto& [cell, safe] : cells) EXPECT_EQ(spreadsheet_safe(cell), safe) << cell;  // numbers stay numbers
    // A TAB or CR in front is made visible first (shown_text), so it cannot hide a formula.
    EXPECT_EQ(spreadsheet_safe(shown_text("\t=1+1")), "\\x09=1+1");
    EXPECT_EQ(csv_field("=1+1;2"), "\"'=1+1;2\"");
}

// The short-text equality of the readers' caches: the same answer as ==, for every length up to
// beyond its widest fast path, with one byte changed at every place (first, middle, last and the
// overlap of its loads).
TEST(Text, SameTextAgreesWithEqualityForEveryLengthAndPlace) {
    for (std::size_t n = 0; n <= 40; ++n) {
        std::string a(n, 'a'), b;
        for (std::size_t i = 0; i < n; ++i) a[i] = static_cast<char>('a' + i % 26);
        b = a;
        ASSERT_TRUE(same_text(a, b)) << n;
        for (std::size_t i = 0; i < n; ++i) {
            std::string c = a;
            c[i] = 'Z';
            ASSERT_FALSE(same_text(a, c)) << n << " " << i;
            ASSERT_FALSE(same_text(c, a)) << n << " " << i;
        }
        ASSERT_FALSE(same_text(a, a + "x")) << n;
        if (n > 0) {
            const std::string tail = a.substr(1), head = a.substr(0, n - 1);
            ASSERT_EQ(same_text(tail, head), tail == head) << n;
        }
    }
}
