#pragma once
// The dialogue report of the zelftest (docs/spec/zelftest.md): answers of all perspectives side by
// side, gesprekspunten, the test against the dossiers, a summary per theme and perspective.
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "model/zelftest.hpp"

namespace wmotoets {

struct Gesprekspunt {
    std::string question;  // its ID
    std::string why;       // Dutch
};

struct ZelftestDialogue {
    std::vector<Gesprekspunt> points;  // in question order, then kind
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
