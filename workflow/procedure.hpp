#pragma once
// The Wmo procedure of docs/spec/procedure.md as a state machine with two orthogonal regions
// (procedure, cliëntondersteuning). Boost.MSM lives only in procedure_machine.cpp;
// this interface shows no Boost type.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/activity.hpp"
#include "workflow/region.hpp"

namespace wmotoets {

struct MachineDeviation {
    Region region = Region::procedure;
    std::string state;   // the state the event met
    std::string reason;  // Dutch; empty = plain "out of order"
};

class Procedure {
public:
    Procedure();
    ~Procedure();
    Procedure(const Procedure&) = delete;
    Procedure& operator=(const Procedure&) = delete;

    struct Step {
        bool opened_cycle = false;  // a melding/herbeoordeling was accepted
        std::vector<MachineDeviation> deviations;
    };
    // What the machine cannot know from the activity alone (docs/spec/procedure.md).
    enum class BesluitKind : std::uint8_t {
        op_aanvraag,          // a beschikking on the aanvraag: only from Aangevraagd
        zonder_aanvraag,      // in a herbeoordeling cycle, or after a premature aanvraag
        tijdelijk_bij_spoed,  // tijdelijk=ja in a cycle whose melding has spoed=ja (Wmo 2.3.3)
    };
    struct Context {
        bool aanvraag_term_passed = false;  // aanvraag: has the six-week onderzoek term passed?
        BesluitKind besluit = BesluitKind::op_aanvraag;
        bool after_tijdelijk = false;  // levering_gestart: a temporary decision came before
    };
    // Feeds one canonical event.
    Step step(Activity activity, Context context);
    Step step(Activity activity);  // with the default context

    std::string_view state(Region region) const;
    // Back to Start / NietGeinformeerd.
    void reset();

    // The region an activity belongs to; none for activities only recorded (eigen_bijdrage,
    // wlz_indicatie, kept unknown labels).
    static std::optional<Region> region_of(Activity a);
    static std::vector<std::string> state_names(Region region);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace wmotoets
