#include "model/verdict.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace wmotoets {

std::optional<Verdict> parse_verdict(std::string_view text) {
    std::string f = fold_compact(trim(text));
    f.erase(std::remove(f.begin(), f.end(), '.'), f.end());
    if (f == "ja") return Verdict::ja;
    if (f == "nee") return Verdict::nee;
    if (f == "nietvasttestellen") return Verdict::niet_vast_te_stellen;
    if (f == "nietvantoepassing" || f == "nvt") return Verdict::niet_van_toepassing;
    return std::nullopt;
}

}  // namespace wmotoets
