#pragma once
// The auditor's verdicts on a sample (oordelen.xlsx, or the same columns as CSV): what the file
// says, before it is checked against the sample it claims to belong to (reports/verdicts.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wmotoets {

// The answer to a positively worded norm ("Is de cliënt … gewezen op …?").
enum class Verdict : std::uint8_t { ja, nee, niet_vast_te_stellen, niet_van_toepassing };
inline constexpr std::string_view kVerdictWords[] = {"ja", "nee", "niet vast te stellen", "niet van toepassing"};
inline std::string_view verdict_words(Verdict v) { return kVerdictWords[static_cast<int>(v)]; }
// "ja", "Nee ", "niet vast te stellen", "n.v.t." …: case and surrounding spaces do not matter.
std::optional<Verdict> parse_verdict(std::string_view text);

// The head of the file: which sample it belongs to, as trek wrote it.
struct VerdictSheetHead {
    std::string seed, size, strata, fingerprint, peildatum;  // as written ("7", "34", "team" or "geen", …)
    std::string rules, population;  // in words, for the reader (trek writes them; evalueer does not need them)
};
inline constexpr std::string_view kVerdictTitle = "Oordelen van de auditor bij een steekproef van Wmo-toets";
inline constexpr std::string_view kVerdictHeadKeys[] = {"Bestand", "Zaad", "Omvang", "Strata", "Kenmerk", "Peildatum"};

struct VerdictLine {
    std::string where;  // "oordelen.xlsx:Oordelen!F12" or "oordelen.csv:12"
    std::string dossier, rule, verdict, explanation, source, auditor, date;  // as typed (verdict not yet parsed)
};

struct VerdictFile {
    std::string path, head_where;  // head_where: where the head starts (for a missing or wrong head)
    VerdictSheetHead head;
    std::vector<VerdictLine> lines;
};

// The columns of the table, in order; the reader finds them by name, so a moved column still reads.
inline constexpr std::string_view kVerdictColumns[] = {"Nr",        "Dossier", "Regel",       "Norm",
                                                       "Wmo-toets", "Oordeel", "Toelichting", "Bron (document, datum)",
                                                       "Auditor",   "Datum"};

}  // namespace wmotoets
