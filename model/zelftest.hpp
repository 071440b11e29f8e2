#pragma once
// The VNG zelftest cliëntondersteuning (docs/spec/zelftest.md): the 15 questions in 7 themes, shipped
// as data (data/zelftest/vragen.toml, built into the executable), and the answer sets of the
// parties that fill it in.
#include <map>
#include <optional>
#include <string>

#include <string_view>
#include <vector>
#include "model/severity.hpp"

namespace wmotoets {

// The figures of one rule from a check (controleer --format json, or the latest run in a database),
// against which the zelftest answers are held.
// An answer as a person reads it: "weet_niet" (the value in the answer file) is "weet niet".
inline std::string answer_words(const std::string& a) { return a == "weet_niet" ? "weet niet" : a; }

struct CheckFigure {
    std::string rule, title;
    Severity severity = Severity::overtreding;
    std::size_t applicable = 0, compliant = 0, violations = 0, unknown = 0;
    std::optional<double> rate;
};

struct ZelftestTheme {
    std::string id, name, explanation;
    std::vector<std::string> law;
};

struct ZelftestQuestion {
    std::string id, theme, text;
    // ZT-LEV-1: answered per levensgebied (id, name); empty for the other questions.
    std::vector<std::pair<std::string, std::string>> levensgebieden;
    // The rules whose figures inform the answer (regels = [...] in vragen.toml); empty for most.
    std::vector<std::string> rules;
};

struct ZelftestQuestions {
    std::vector<std::string> answers;  // ja, deels, nee, weet_niet
    std::vector<ZelftestTheme> themes;
    std::vector<ZelftestQuestion> questions;  // in the order of the zelftest

    const ZelftestQuestion* find(std::string_view id) const {
        for (const auto& q : questions)
            if (q.id == id) return &q;
        return nullptr;
    }
    bool valid_answer(std::string_view a) const {
        for (const auto& x : answers)
            if (x == a) return true;
        return false;
    }
};

// The text of data/zelftest/vragen.toml as built into the executable.
std::string_view shipped_zelftest_questions();

struct ZelftestAnswer {
    std::string answer;                           // "" for ZT-LEV-1 (see per_area)
    std::map<std::string, std::string> per_area;  // ZT-LEV-1: levensgebied → answer
    std::string toelichting, bron;
};

struct ZelftestAnswers {
    std::string source;  // the file
    std::string gemeente, perspectief, ingevuld_door, datum;
    std::map<std::string, ZelftestAnswer> answers;  // question id → answer; absent = unanswered
};

}  // namespace wmotoets
