#pragma once
// How far apart two words are, for "bedoelde u …?" after a typing error.
#include <cstddef>
#include <string_view>

namespace wmotoets {

// Edits needed to turn a into b (Levenshtein: insert, delete or replace one byte).
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace wmotoets
