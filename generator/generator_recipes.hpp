#pragma once
// The generator's violation recipes: per rule that `genereer` can violate on purpose, its default
// share and of which dossiers. The generator (generator.cpp) asks for a recipe by its Recipe
// constant; a rule ID is written only here.
#include <array>
#include <cstdint>
#include <string_view>

namespace wmotoets {

// One constant per recipe, in the order of kRecipes (their draws keep this order: the random
// stream of the existing recipes must not move).
enum class Recipe : std::uint8_t {
    inf_01,
    inf_02,
    inf_03,
    inf_04,
    inf_05,
    inf_06,
    ona_01,
    ona_02,
    ona_03,
    ona_04,
    ona_05,
    toe_01,
    toe_02,
    toe_03,
    trm_01,
    trm_02,
    trm_03,
    trm_04,
    trm_05,
    pro_01,
    pro_02,
    pro_03,
    pro_04,
    pro_05,
    pro_06,
    pro_07,
    ona_06,
    ona_07,
    trm_06,
    inf_07,  // added later: at the end, so that the draws of the others stay where they were
    inf_08,
    pro_08,
    pro_09,
    pro_10,
};

struct ViolationRecipe {
    Recipe recipe;
    std::string_view rule;     // the rule it violates
    double share;              // default share of dossiers (of `of_whom`)
    std::string_view of_whom;  // empty: of all dossiers
};

inline constexpr std::array<ViolationRecipe, 34> kRecipes{{
    {Recipe::inf_01, "INF-01", 0.03, ""},
    {Recipe::inf_02, "INF-02", 0.10, "de dossiers met mantelzorger"},
    {Recipe::inf_03, "INF-03", 0.02, ""},
    {Recipe::inf_04, "INF-04", 0.05, ""},
    {Recipe::inf_05, "INF-05", 0.03, ""},
    {Recipe::inf_06, "INF-06", 0.03, ""},
    {Recipe::ona_01, "ONA-01", 0.03, ""},
    {Recipe::ona_02, "ONA-02", 0.02, ""},
    {Recipe::ona_03, "ONA-03", 0.05, ""},
    {Recipe::ona_04, "ONA-04", 0.30, "de verzoeken om een andere ondersteuner"},
    {Recipe::ona_05, "ONA-05", 0.02, ""},
    {Recipe::toe_01, "TOE-01", 0.02, "de dossiers met cliëntondersteuning"},
    {Recipe::toe_02, "TOE-02", 0.02, "de dossiers met cliëntondersteuning"},
    {Recipe::toe_03, "TOE-03", 0.05, ""},
    {Recipe::trm_01, "TRM-01", 0.08, ""},
    {Recipe::trm_02, "TRM-02", 0.08, ""},
    {Recipe::trm_03, "TRM-03", 0.10, "de bezwaren"},
    {Recipe::trm_04, "TRM-04", 0.05, "de bezwaren"},
    {Recipe::trm_05, "TRM-05", 0.05, "de beroepen"},
    {Recipe::pro_01, "PRO-01", 0.02, ""},
    {Recipe::pro_02, "PRO-02", 0.01, ""},
    {Recipe::pro_03, "PRO-03", 0.01, ""},
    {Recipe::pro_04, "PRO-04", 0.10, ""},
    {Recipe::pro_05, "PRO-05", 0.10, "de bezwaren"},
    {Recipe::pro_06, "PRO-06", 0.04, ""},
    {Recipe::pro_07, "PRO-07", 0.20, "de Wlz-indicaties"},
    {Recipe::ona_06, "ONA-06", 0.05, "de beslissingen op bezwaar"},
    {Recipe::ona_07, "ONA-07", 0.05, "de hoorzittingen"},
    {Recipe::trm_06, "TRM-06", 0.40, "de ingebrekestellingen"},
    {Recipe::inf_07, "INF-07", 0.04, ""},
    {Recipe::inf_08, "INF-08", 0.03, ""},
    {Recipe::pro_08, "PRO-08", 0.01, ""},
    {Recipe::pro_09, "PRO-09", 0.01, ""},
    {Recipe::pro_10, "PRO-10", 0.10, "de bezwaren"},
}};
inline constexpr std::size_t kRecipeCount = kRecipes.size();

constexpr bool recipes_in_order() {
    for (std::size_t i = 0; i < kRecipeCount; ++i)
        if (static_cast<std::size_t>(kRecipes[i].recipe) != i) return false;
    return true;
}
static_assert(recipes_in_order(), "kRecipes lists the Recipe constants in their order");

inline const std::array<ViolationRecipe, kRecipeCount>& violation_recipes() { return kRecipes; }

}  // namespace wmotoets
