#include "model/activity.hpp"

#include <array>

namespace wmotoets {

namespace {
constexpr std::array<std::string_view, kCanonicalActivityCount + 1> kNames{"vraagverheldering",
                                                                           "melding",
                                                                           "herbeoordeling",
                                                                           "ontvangstbevestiging",
                                                                           "informatie_persoonlijk_plan",
                                                                           "informatie_clientondersteuning",
                                                                           "clientondersteuning_gevraagd",
                                                                           "ondersteuner_toegewezen",
                                                                           "clientondersteuning_afgezien",
                                                                           "andere_ondersteuner_verzocht",
                                                                           "andere_ondersteuner_geweigerd",
                                                                           "persoonlijk_plan",
                                                                           "gesprek",
                                                                           "verslag",
                                                                           "informatie_pgb",
                                                                           "informatie_bijdrage",
                                                                           "verslag_reactie",
                                                                           "aanvraag",
                                                                           "opschorting_start",
                                                                           "opschorting_einde",
                                                                           "verdaging",
                                                                           "ingebrekestelling",
                                                                           "besluit",
                                                                           "levering_gestart",
                                                                           "eigen_bijdrage",
                                                                           "bezwaar",
                                                                           "hoorzitting",
                                                                           "besluit_op_bezwaar",
                                                                           "beroep",
                                                                           "uitspraak",
                                                                           "intrekking",
                                                                           "afsluiting",
                                                                           "wlz_indicatie",
                                                                           "onbekend"};
// In words, for people (docs/spec/rules.md "Words for people"): never the code with its underscore.
constexpr std::array<std::string_view, kCanonicalActivityCount + 1> kWords{
    "vraagverheldering",
    "melding",
    "herbeoordeling",
    "ontvangstbevestiging",
    "informatie over het persoonlijk plan",
    "informatie over cliëntondersteuning",
    "vraag om cliëntondersteuning",
    "toewijzing van een cliëntondersteuner",
    "afzien van cliëntondersteuning",
    "verzoek om een andere cliëntondersteuner",
    "weigering van een andere cliëntondersteuner",
    "persoonlijk plan",
    "gesprek",
    "verslag",
    "informatie over het persoonsgebonden budget",
    "informatie over de eigen bijdrage",
    "reactie op het verslag",
    "aanvraag",
    "begin van de opschorting",
    "einde van de opschorting",
    "verdaging",
    "ingebrekestelling",
    "besluit",
    "start van de levering",
    "eigen bijdrage",
    "bezwaar",
    "hoorzitting",
    "beslissing op bezwaar",
    "beroep",
    "uitspraak",
    "intrekking",
    "afsluiting",
    "Wlz-indicatie",
    "niet herkende stap"};
}  // namespace

std::string_view activity_name(Activity a) { return kNames[static_cast<std::size_t>(a)]; }
std::string_view activity_words(Activity a) { return kWords[static_cast<std::size_t>(a)]; }
std::string_view activity_words(Activity a, bool in_bezwaar) {
    if (a == Activity::verdaging && !in_bezwaar) return "mededeling dat de beschikking later komt (Awb 4:14)";
    if (a == Activity::verdaging) return "verdaging van de beslissing op bezwaar";
    return activity_words(a);
}

std::optional<Activity> activity_from_folded(std::string_view folded) {
    for (int i = 0; i < kCanonicalActivityCount; ++i)
        if (kNames[std::size_t(i)] == folded) return static_cast<Activity>(i);
    return std::nullopt;
}

}  // namespace wmotoets
