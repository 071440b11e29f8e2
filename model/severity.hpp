#pragma once
// How much a rule's deviation weighs (docs/spec/rules.md): typed from where it enters — the rule
// objects, a local rules file, the store, a check's JSON — to where it is worded or coloured.
#include <cstdint>
#include <optional>
#include <string_view>

namespace wmotoets {

// From worst to least: the order in which reports rank rules.
enum class Severity : std::uint8_t { overtreding, aandachtspunt, signaal };
inline constexpr Severity kSeverities[] = {Severity::overtreding, Severity::aandachtspunt, Severity::signaal};

std::string_view severity_name(Severity s);  // "overtreding", "aandachtspunt", "signaal"
std::optional<Severity> severity_from_name(std::string_view name);

}  // namespace wmotoets
