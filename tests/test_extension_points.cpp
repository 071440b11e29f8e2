// The lists of CONTRIBUTING.md's recipes are complete: every entry of an extension point's table has
// what the recipe says it needs. A new entry without it fails here, with what to add.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "helpers.hpp"
#include "import/input_formats.hpp"
#include "import/toml_files.hpp"
#include "reports/comparison.hpp"
#include "reports/figures.hpp"
#include "reports/lead_times.hpp"
#include "reports/report.hpp"
#include "reports/run_record.hpp"
#include "reports/writers.hpp"
#include "workflow/engine.hpp"

namespace fs = std::filesystem;
using namespace wmotoets;

namespace {

const fs::path kFormatFixtures = fs::path(test::source_dir()) / "tests/fixtures/invoer";

// The fixture of an input format: tests/fixtures/invoer/NAME.* (not its mapping NAME.toml).
std::optional<fs::path> format_fixture(std::string_view name) {
    for (const auto& entry : fs::directory_iterator(kFormatFixtures)) {
        const fs::path p = entry.path();
        if (p.stem() == name && p.extension() != ".toml") return p;
    }
    return std::nullopt;
}

}  // namespace

// An input format reads its fixture to at least one dossier, by its name and by auto-detection.
TEST(InputFormats, EveryFormatHasAFixtureItReadsByNameAndByDetection) {
    ASSERT_FALSE(input_formats().empty());
    std::size_t fallbacks = 0;
    for (const InputFormat& f : input_formats()) {
        SCOPED_TRACE(std::string(f.name));
        fallbacks += f.matches == nullptr;
        const auto fixture = format_fixture(f.name);
        ASSERT_TRUE(fixture) << "add a small log in this format: tests/fixtures/invoer/" << f.name << ".EXT";
        EXPECT_EQ(detect_input_format(fixture->string()).name, f.name) << "auto-detection does not pick it by name";
        std::optional<Mapping> mapping;
        ImportOptions options;
        const fs::path mapping_file = kFormatFixtures / (std::string(f.name) + ".toml");
        if (fs::exists(mapping_file)) {
            mapping = read_mapping_file(mapping_file.string());
            options.mapping = &*mapping;
        }
        for (const std::string& format : {std::string(f.name), std::string("auto")}) {
            EventLog log;
            Diagnostics diag;
            import_log_file(fixture->string(), format, options, log, diag);
            ASSERT_EQ(log.inputs.size(), 1u);
            EXPECT_EQ(log.inputs[0].format, f.name);
            log.finalize();
            EXPECT_GE(log.dossier_count(), 1u) << "the fixture gives no dossier";
        }
        EXPECT_FALSE(f.unit_one.empty() || f.unit_many.empty()) << "say what one unit of the file is called";
    }
    EXPECT_EQ(fallbacks, 1u) << "exactly one format is the fallback of auto-detection (matches = nullptr)";
    const std::string help = input_format_help();
    for (const InputFormat& f : input_formats())
        EXPECT_NE(help.find(std::string(f.name)), std::string::npos) << f.name << " missing from --formaat's help";
}

// An unknown format names every possible one.
TEST(InputFormats, AnUnknownFormatNamesThePossibleOnes) {
    const std::string m = test::error_of([] { input_format("ods"); });
    std::string expected = "onbekend invoerformaat 'ods' (mogelijk: auto";
    for (const InputFormat& f : input_formats()) expected += ", " + std::string(f.name);
    EXPECT_EQ(m, expected + ")");
}

// A report section is its row in report_sections() and its writer, which starts with h2(id): the
// page of the samples has, for every section in the table, its entry in the contents and its heading,
// in the table's order (all dossiers, so that the title variant shows too).
TEST(ReportSections, EverySectionOfTheTableHasItsEntryAndItsHeadingInOrder) {
    EventLog log = test::read_log(test::source_dir() + "/data/voorbeeld/dossiers.csv");
    log.finalize();
    const CheckResult result = run_check(log, all_rules(), Calendar{}, log.latest_date());
    RunCollector collector;
    emit_check(log, result, compute_figures(result), Settings{}, collector);
    const std::vector<LeadPhaseView> no_lead_times;
    const Comparison compared{*parse_period("2024"), *parse_period("2023"), collector.record};  // with itself
    std::ostringstream page;
    write_report_html(page, log, collector.record, Disclosure{}, {&no_lead_times, true, &compared});
    const std::string html = page.str();
    std::size_t contents_at = 0, heading_at = 0, n = 0;
    for (const std::string& id : report_section_ids()) {
        SCOPED_TRACE(id);
        ++n;
        const std::size_t entry = html.find("<li><a href=\"#" + id + "\">", contents_at);
        ASSERT_NE(entry, std::string::npos) << "no entry in the contents";
        const std::size_t heading =
            html.find("<h2 id=\"" + id + "\"><span class=\"nr\">" + std::to_string(n) + ".</span>", heading_at);
        ASSERT_NE(heading, std::string::npos) << "its writer does not start with h2(\"" << id << "\"), or out of order";
        contents_at = entry;
        heading_at = heading;
    }
    EXPECT_NE(html.find(">Alle dossiers</h2>"), std::string::npos);
    EXPECT_EQ(n, 11u);
}

// An output format of controleer has a golden file of the samples (tests/golden/voorbeeld.EXTENSION),
// checked by a cli test that names it.
TEST(OutputFormats, EveryFormatHasAGoldenFileOfTheSamplesThatATestChecks) {
    const std::string tests = test::read_file(test::source_dir() + "/tests/CMakeLists.txt");
    std::set<std::string_view> names;
    for (const OutputFormat* f : output_formats()) {
        SCOPED_TRACE(std::string(f->name));
        EXPECT_TRUE(names.insert(f->name).second) << "two formats of one name";
        const std::string golden = "voorbeeld." + std::string(f->extension);
        EXPECT_TRUE(fs::exists(fs::path(test::source_dir()) / "tests/golden" / golden))
            << "add tests/golden/" << golden << " (cmake --build build -t regen writes it)";
        EXPECT_NE(tests.find("GOLDEN " + golden), std::string::npos)
            << "add a wmotoets_cli_test with GOLDEN " << golden << " to tests/CMakeLists.txt";
        EXPECT_NE(output_format_help().find(std::string(f->name)), std::string::npos);
    }
}
