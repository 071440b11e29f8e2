// util/: the error type and the edit distance behind "bedoelde u …?".
#include <gtest/gtest.h>

#include "util/edit_distance.hpp"
#include "util/error.hpp"

using namespace wmotoets;

TEST(Error, NamesItsFileAndLineAndCanBeMovedToAnotherFile) {
    const Error plain("geen dossiers");
    EXPECT_STREQ(plain.what(), "geen dossiers");
    EXPECT_TRUE(plain.file().empty());
    EXPECT_EQ(plain.message(), "geen dossiers");

    const Error at_line("log.csv", 12, "kolom ontbreekt");
    EXPECT_STREQ(at_line.what(), "log.csv:12: kolom ontbreekt");
    EXPECT_EQ(at_line.file(), "log.csv");
    EXPECT_EQ(at_line.line(), 12u);
    EXPECT_EQ(at_line.message(), "kolom ontbreekt");

    const Error whole_file("rapport.xlsx.deel-Ab12Cd", 0, "schrijven mislukt");
    EXPECT_STREQ(whole_file.what(), "rapport.xlsx.deel-Ab12Cd: schrijven mislukt");
    EXPECT_STREQ(whole_file.about("rapport.xlsx").what(), "rapport.xlsx: schrijven mislukt");
    EXPECT_STREQ(at_line.about("[BSN?].csv").what(), "[BSN?].csv:12: kolom ontbreekt");
}

TEST(EditDistance, CountsInsertionsDeletionsAndReplacements) {
    EXPECT_EQ(edit_distance("", ""), 0u);
    EXPECT_EQ(edit_distance("controleer", "controleer"), 0u);
    EXPECT_EQ(edit_distance("controler", "controleer"), 1u);    // one left out
    EXPECT_EQ(edit_distance("controleeer", "controleer"), 1u);  // one too many
    EXPECT_EQ(edit_distance("kontroleer", "controleer"), 1u);   // one replaced
    EXPECT_EQ(edit_distance("rapport", "regels"), 6u);
    EXPECT_EQ(edit_distance("", "uit"), 3u);
    EXPECT_EQ(edit_distance("abc", "acb"), 2u);  // a swap is two edits
}
