// util/: the error type, the edit distance behind "bedoelde u …?" and output files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "util/edit_distance.hpp"
#include "util/error.hpp"
#include "util/output_file.hpp"
#include "util/two_threads.hpp"

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

namespace {

// Writes `size` bytes of a pattern through an OutputFile in writes of varying size (single
// characters, odd pieces, pieces larger than the file's 8 MiB chunks) and returns what the file holds.
std::string written_through_output_file(const std::filesystem::path& dir, std::size_t size, std::string& expected) {
    expected.clear();
    for (std::size_t i = 0; expected.size() < size; ++i) expected += "regel " + std::to_string(i) + ";\n";
    expected.resize(size);
    const std::string path = (dir / "uit.json").string();
    {
        wmotoets::OutputFile file(path);
        std::ostream& out = file.stream();
        std::size_t at = 0, piece = 1;
        while (at < size) {
            const std::size_t n = std::min(piece, size - at);
            if (n == 1) out.put(expected[at]);
            else out.write(expected.data() + at, static_cast<std::streamsize>(n));
            at += n;
            piece = piece * 7 + 3;  // 1, 10, 73, … up to far beyond a chunk
            if (piece > (std::size_t(20) << 20)) piece = 1;
        }
        out.flush();  // a flush must not write a part of a chunk
        file.commit();
    }
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST(OutputFile, LargeOutputArrivesWholeAndInOrder) {
    // In the build folder (a disk: written around the page cache) and, where there is one, in memory
    // (tmpfs, which takes O_DIRECT only from Linux 6.6 on); sizes below, at and above the chunks.
    std::vector<std::filesystem::path> dirs{std::filesystem::current_path() / "output-file-test"};
    if (std::filesystem::is_directory("/dev/shm")) dirs.emplace_back("/dev/shm/wmotoets-output-file-test");
    for (const auto& dir : dirs) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        for (const std::size_t size : {std::size_t(0), std::size_t(4095), std::size_t(8) << 20,
                                       (std::size_t(8) << 20) + 1, (std::size_t(17) << 20) + 12345}) {
            std::string expected;
            const std::string got = written_through_output_file(dir, size, expected);
            EXPECT_EQ(got.size(), size) << dir;
            EXPECT_TRUE(got == expected) << dir << ", " << size << " bytes";
            EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()), 1)
                << "nothing but the file itself";
        }
        std::filesystem::remove_all(dir);
    }
}

TEST(OutputFile, AnUncommittedFileLeavesTheEarlierOne) {
    const auto dir = std::filesystem::current_path() / "output-file-uncommitted";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "uit.json").string();
    std::ofstream(path) << "eerder";
    {
        wmotoets::OutputFile file(path);
        const std::string big((std::size_t(9) << 20), 'x');  // a chunk goes to the disk before the failure
        file.stream().write(big.data(), static_cast<std::streamsize>(big.size()));
    }  // no commit: a failure halfway
    std::ifstream in(path);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()), "eerder");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()), 1);
    std::filesystem::remove_all(dir);
}

// Work on two threads: both parts have run when the call returns, and an exception of either
// part (the calling thread's first) comes out of the call only after both have stopped.
TEST(TwoThreads, BothPartsRunAndEitherOnesErrorComesOutAfterBoth) {
    int a = 0, b = 0;
    on_two_threads([&] { a = 1; }, [&] { b = 2; });
    EXPECT_EQ(a + b, 3);
    bool later_ran = false;
    EXPECT_THROW(on_two_threads([&] { throw Error("eerste"); }, [&] { later_ran = true; }), Error);
    EXPECT_TRUE(later_ran);
    bool first_ran = false;
    try {
        on_two_threads([&] { first_ran = true; }, [&] { throw Error("tweede"); });
        ADD_FAILURE() << "geen fout";
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "tweede");
    }
    EXPECT_TRUE(first_ran);
    try {
        on_two_threads([&] { throw Error("eerste"); }, [&] { throw Error("tweede"); });
        ADD_FAILURE() << "geen fout";
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "eerste");
    }
}
