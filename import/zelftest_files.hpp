#pragma once
// Reading the zelftest questions (shipped TOML) and answer files (JSON or TOML, docs/spec/zelftest.md).
// Every error is a wmotoets::Error naming the file and the place (JSON path; for TOML also the line).
#include <map>
#include <string>
#include <string_view>

#include "model/zelftest.hpp"

namespace wmotoets {

// Parses the questions file (data/zelftest/vragen.toml format).
ZelftestQuestions read_zelftest_questions(std::string_view text, const std::string& source);
// The questions built into the executable.
const ZelftestQuestions& shipped_questions();

// Reads an answer file: TOML when it ends in .toml, else JSON.
ZelftestAnswers read_zelftest_answers(const std::string& path, const ZelftestQuestions& questions);

// The figures per rule of the output of 'wmotoets controleer --format json', by rule id.
std::map<std::string, CheckFigure> read_check_figures(const std::string& path);

}  // namespace wmotoets
