#pragma once
// The canonical activities of event-log.md.
#include <cstdint>
#include <optional>
#include <string_view>

namespace wmotoets {

enum class Activity : std::uint8_t {
    vraagverheldering,
    melding,
    herbeoordeling,
    ontvangstbevestiging,
    informatie_persoonlijk_plan,
    informatie_clientondersteuning,
    clientondersteuning_gevraagd,
    ondersteuner_toegewezen,
    clientondersteuning_afgezien,
    andere_ondersteuner_verzocht,
    andere_ondersteuner_geweigerd,
    persoonlijk_plan,
    gesprek,
    verslag,
    informatie_pgb,
    verslag_reactie,
    aanvraag,
    opschorting_start,
    opschorting_einde,
    verdaging,
    ingebrekestelling,
    besluit,
    eigen_bijdrage,
    bezwaar,
    hoorzitting,
    besluit_op_bezwaar,
    beroep,
    uitspraak,
    intrekking,
    afsluiting,
    wlz_indicatie,
    onbekend,  // a kept, non-canonical label (--behoud-onbekend); the machine passes over it
};

inline constexpr int kCanonicalActivityCount = static_cast<int>(Activity::onbekend);

std::string_view activity_name(Activity a);   // the code of event-log.md: for machines (JSON, CSV, the store)
std::string_view activity_words(Activity a);  // in Dutch words, for people: "beslissing op bezwaar"
// Lookup by folded label (see fold_label); nullopt when not canonical.
std::optional<Activity> activity_from_folded(std::string_view folded);

}  // namespace wmotoets
