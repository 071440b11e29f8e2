#pragma once
// The two regions of the procedure machine (docs/spec/procedure.md), which run side by side: the
// procedure itself (melding … beroep) and the cliëntondersteuning a resident is offered and gets.
#include <cstddef>
#include <cstdint>

namespace wmotoets {

enum class Region : std::uint8_t { procedure = 0, ondersteuning = 1 };
inline constexpr Region kRegions[] = {Region::procedure, Region::ondersteuning};

constexpr Region other_region(Region r) { return r == Region::procedure ? Region::ondersteuning : Region::procedure; }
constexpr std::size_t region_index(Region r) { return static_cast<std::size_t>(r); }

}  // namespace wmotoets
