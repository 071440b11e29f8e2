#pragma once
// The canonical activities of docs/spec/event-log.md.
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
    informatie_bijdrage,
    verslag_reactie,
    aanvraag,
    opschorting_start,
    opschorting_einde,
    verdaging,
    ingebrekestelling,
    besluit,
    levering_gestart,
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

std::string_view activity_name(Activity a);   // the code of docs/spec/event-log.md: for machines (JSON, CSV, the store)
std::string_view activity_words(Activity a);  // in Dutch words, for people: "beslissing op bezwaar"
// One term for one thing: a verdaging on a bezwaar (Awb 7:10) is a "verdaging"; on an aanvraag it is
// only a notice, "mededeling dat de beschikking later komt" (Awb 4:14).
std::string_view activity_words(Activity a, bool in_bezwaar);
// Whether the dossier is in bezwaar after step `a`: from a bezwaar until the next melding,
// herbeoordeling or aanvraag. Walk a dossier's events with it to word each step.
inline bool in_bezwaar_after(bool before, Activity a) {
    if (a == Activity::bezwaar) return true;
    return before && a != Activity::melding && a != Activity::herbeoordeling && a != Activity::aanvraag;
}
// Lookup by folded label (see fold_label); nullopt when not canonical.
std::optional<Activity> activity_from_folded(std::string_view folded);

}  // namespace wmotoets
