#pragma once
// The zelftest form (`wmotoets zelftest formulier`): one self-contained HTML page (inline CSS and
// JavaScript, no network; works from a USB stick) with all questions by theme, their explanation
// and law, answer fields that validate as you type, progress, and saving/loading the answer file
// (JSON in the format of docs/spec/zelftest.md).
#include <ostream>

#include "model/zelftest.hpp"

namespace wmotoets {

void write_zelftest_form(std::ostream& out, const ZelftestQuestions& q);

}  // namespace wmotoets
