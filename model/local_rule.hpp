#pragma once
// A local rule (LOK-) as declared in a rules file (docs/spec/rules.md, "Local rules"): data only, each
// field with the file's key beside it. The reader is import/toml_local_rules.cpp, the logic
// workflow/local_rules.cpp.
#include <optional>
#include <string>

#include "model/severity.hpp"

namespace wmotoets {

enum class LocalTemplate { voorafgaand, gevolgd_door, vier_ogen, verplicht, verboden };

struct LocalRuleSpec {
    std::string id;                                          // LOK-…
    std::string title;                                       // titel
    Severity severity = Severity::overtreding;               // ernst
    std::string basis;                                       // grondslag
    std::string explanation;                                 // uitleg (optional): why it matters
    LocalTemplate template_kind = LocalTemplate::verplicht;  // sjabloon
    std::string a, b;                                        // activity names or labels as in the input
    std::optional<int> within_days;                          // binnen_dagen
    std::string source;                                      // FILE:LINE of its [[regel]] table
};

}  // namespace wmotoets
