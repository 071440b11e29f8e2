#pragma once
// The dialogue report of the zelftest (docs/spec/zelftest.md): answers of all perspectives side by
// side, gesprekspunten, the test against the dossiers, a summary per theme and perspective.
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/zelftest.hpp"

namespace wmotoets {

// What a gesprekspunt is about, in the order a Wmo-adviesraad reads them (issue 28): evidence from the
// dossiers against a 'ja' first, then answers that differ, then what is not answered, then sources.
enum class PointKind : std::uint8_t { evidence, differing, unanswered, no_source };

struct Gesprekspunt {
    std::string question;  // its ID
    std::string why;       // Dutch
    PointKind kind = PointKind::differing;
};
// The heading of a kind of gesprekspunt, for people.
std::string_view point_kind_words(PointKind k);

struct ZelftestDialogue {
    std::vector<Gesprekspunt> points;  // by kind, then in question order
    // Per question that dossiers can inform: the figures of its rules (only with case data).
    std::map<std::string, std::vector<CheckFigure>> dossier_figures;
    bool with_case_data = false;
    double threshold = 0.05;
};

// Works out the gesprekspunten. `figures` (rule → figure) is empty without case data.
ZelftestDialogue zelftest_dialogue(const ZelftestQuestions& q, const std::vector<ZelftestAnswers>& sets,
                                   const std::map<std::string, CheckFigure>& figures, double threshold);

// zelftest.html: printable and self-contained.
void write_zelftest_html(std::ostream& out, const ZelftestQuestions& q, const std::vector<ZelftestAnswers>& sets,
                         const ZelftestDialogue& d);

}  // namespace wmotoets
