#pragma once
// Who decided where, over the whole log: for ONA-01's werkvoorraad (issue 29), an ondersteuner of an open
// dossier who acts as beslisser in other dossiers may come to decide this one too. Built once per run
// in one pass over the events (a beslisser act as replay() counts it: a besluit or besluit op bezwaar,
// or any event in the role beslisser).
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "model/date.hpp"
#include "model/event_log.hpp"
#include "workflow/facts.hpp"

namespace wmotoets {

struct BeslisserIndex {
    static constexpr std::size_t kNamed = 3;  // dossiers named per person
    struct Person {
        std::uint32_t dossiers = 0;  // distinct dossiers in which the person decided
        Date first, last;            // the first and last day of such an act
        std::vector<StrId> named;    // the first kNamed of those dossiers (their ids)
        std::uint32_t last_dossier = UINT32_MAX;
    };
    std::unordered_map<StrId, Person> by_actor;

    const Person* find(StrId actor) const {
        const auto it = by_actor.find(actor);
        return it == by_actor.end() ? nullptr : &it->second;
    }

    // Per team of a dossier (the team of its first consulent act), the teams of the beslissers who decided
    // its dossiers: in how many dossiers each (ONA-03's werkvoorraad: the team that usually decides).
    std::unordered_map<StrId, std::unordered_map<StrId, std::uint32_t>> deciding_teams;
    struct Usual {
        StrId team = 0;
        std::uint32_t dossiers = 0, of = 0;  // decided by that team, of all decided dossiers of the team
    };
    // The team whose beslissers decided most dossiers of `dossier_team` (ties: the lowest id); team 0 when none.
    Usual usual_deciders(StrId dossier_team) const;
};

// The team of a dossier as ONA-03's werkvoorraad sees it: the team of its first consulent act (0: none).
StrId consulent_team(const DossierFacts& f);

// Whether event `e` is an act of a beslisser (docs/spec/event-log.md: the beslissers of a case).
bool is_beslisser_act(const EventLog& log, const ReplayIds& ids, const Event& e);

// From `two_cores_from` dossiers on, each half of them on its own core (the same index).
BeslisserIndex index_beslissers(const EventLog& log, const ReplayIds& ids, std::size_t two_cores_from = 100000);

}  // namespace wmotoets
