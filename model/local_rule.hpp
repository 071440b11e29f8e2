#pragma once
// A local rule (LOK-) as declared in a rules file (docs/spec/rules.md, "Local rules"): data only. The
// reader is import/toml_files.cpp, the logic workflow/local_rules.cpp.
#include <optional>
#include <string>

namespace wmotoets {

enum class LocalTemplate { voorafgaand, gevolgd_door, vier_ogen, verplicht, verboden };

struct LocalRuleSpec {
    std::string id;  // LOK-…
    std::string titel;
    std::string ernst;  // overtreding | aandachtspunt | signaal
    std::string grondslag;
    std::string uitleg;  // optional: why it matters
    LocalTemplate sjabloon = LocalTemplate::verplicht;
    std::string a, b;  // activity names or labels as in the input
    std::optional<int> binnen_dagen;
    std::string source;  // FILE:LINE of its [[regel]] table
};

}  // namespace wmotoets
