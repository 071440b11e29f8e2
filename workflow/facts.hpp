#pragma once
// What the replay of one case hands to the rules (docs/spec/procedure.md, "What the replay hands to
// the rules"). Positions are indices into `events`, the case's events in procedure order.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/calendar.hpp"
#include "model/event_log.hpp"
#include "model/period.hpp"
#include "workflow/region.hpp"

namespace wmotoets {

using Pos = std::uint32_t;

struct Deviation {
    Pos pos = 0;  // the deviating event
    Region region = Region::procedure;
    std::string state;   // the state it met
    std::string reason;  // Dutch; empty = out of order
};

struct Cycle {
    int number = 1;             // 1-based
    Pos begin = 0, end = 0;     // [begin, end) positions
    std::optional<Pos> opener;  // its melding or herbeoordeling
    std::optional<Pos> first_gesprek, first_verslag, first_aanvraag;
    // Its first besluit that is not a temporary decision (tijdelijk=ja, Wmo 2.3.3): "the cycle's
    // first besluit" of docs/spec/rules.md ("Terms").
    std::optional<Pos> first_besluit;
    // An aanvraag before the first verslag and within the six weeks of a melding (Wmo 2.3.2 lid 9:
    // it "kan niet worden gedaan" yet): the first such one.
    std::optional<Pos> premature_aanvraag;
    bool spoed = false;  // its melding carries spoed=ja (Wmo 2.3.3)
    // Its onderzoek moment: the first gesprek, else the verslag; none when neither.
    std::optional<Pos> onderzoek_moment() const { return first_gesprek ? first_gesprek : first_verslag; }
};

// A person acting in a role in a case, at a position.
struct RoleAct {
    StrId actor = 0;
    Pos pos = 0;
    StrId team = 0, organisatie = 0;
};

struct DossierFacts {
    const EventLog* log = nullptr;
    const Dossier* dossier = nullptr;
    std::vector<std::uint32_t> events;    // event indices into log->events, in procedure order
    std::vector<std::uint16_t> cycle_of;  // per position: index into cycles
    std::vector<Cycle> cycles;
    std::vector<Deviation> deviations;
    std::vector<RoleAct> ondersteuners, beslissers, consulenten;  // in procedure order
    bool has_mantelzorger = false;
    std::vector<Pos> tijdelijk;  // positions of the besluiten with tijdelijk=ja, ascending
    std::vector<Pos> closures;   // positions of every afsluiting and intrekking, ascending

    // Empties every field above (keeping the buffers) for the next dossier: a field added here
    // must be reset here too, or it would leak from one dossier into the next.
    void clear() {
        log = nullptr;
        dossier = nullptr;
        events.clear();
        cycle_of.clear();
        cycles.clear();
        deviations.clear();
        ondersteuners.clear();
        beslissers.clear();
        consulenten.clear();
        has_mantelzorger = false;
        tijdelijk.clear();
        closures.clear();
    }

    const Event& event(Pos p) const { return log->events[events[p]]; }
    Activity activity(Pos p) const { return event(p).activity; }
    Date date(Pos p) const { return event(p).date; }
    StrId actor(Pos p) const { return log->who(event(p)).actor; }
    std::string_view attr(Pos p, std::string_view key) const { return log->attr(event(p), key); }
    // The first event of activity `a` in [from, to), if any.
    std::optional<Pos> first(Activity a, Pos from, Pos to) const {
        for (Pos p = from; p < to; ++p)
            if (activity(p) == a) return p;
        return std::nullopt;
    }
    // A temporary decision (besluit with tijdelijk=ja): never "the besluit" of a rule.
    bool is_tijdelijk(Pos p) const {
        for (const Pos t : tijdelijk)
            if (t == p) return true;
        return false;
    }
    // A besluit in the sense of the rules: a `besluit` that is not a temporary decision.
    bool is_besluit(Pos p) const { return activity(p) == Activity::besluit && !is_tijdelijk(p); }
    // The first such besluit in [from, to).
    std::optional<Pos> first_besluit(Pos from, Pos to) const {
        for (Pos p = from; p < to; ++p)
            if (is_besluit(p)) return p;
        return std::nullopt;
    }
    // The contested besluit of the bezwaar at `bezwaar`: the last besluit before it in the cycle.
    std::optional<Pos> contested_besluit(const Cycle& c, Pos bezwaar) const {
        for (Pos p = bezwaar; p > c.begin;)
            if (is_besluit(--p)) return p;
        return std::nullopt;
    }
    std::size_t size() const { return events.size(); }
    bool opened_by_melding(const Cycle& c) const { return c.opener && activity(*c.opener) == Activity::melding; }
    std::string_view case_id() const { return log->str(dossier->id); }
};

// The six-week onderzoek term of a cycle opened by a melding (docs/spec/deadlines.md), else none.
std::optional<Date> onderzoek_last_day(const DossierFacts& f, const Cycle& c, const Calendar& cal);

// The ids of the strings the replay looks for (roles, the mantelzorger attribute), found once
// per log instead of once per case; 0 where the log never has the string.
struct ReplayIds {
    explicit ReplayIds(const EventLog& log);
    StrId ondersteuner = 0, beslisser = 0, consulent = 0, mantelzorger = 0, spoed = 0, tijdelijk = 0;
};

// Replays one case through the procedure machine and collects its facts into `f` (whose
// buffers are reused: a worker replays a million cases with one DossierFacts).
void replay(const EventLog& log, const Dossier& dossier, const Calendar& cal, const ReplayIds& ids, DossierFacts& f);
// The same, keeping only the cycles opened in `period` (issue 28; all when none): the case is replayed
// again on their events alone, with the cycles' own numbers. False, and no cycles, when not one of
// its cycles was opened in the period.
bool replay(const EventLog& log, const Dossier& dossier, const Calendar& cal, const ReplayIds& ids,
            const std::optional<Period>& period, DossierFacts& f);
// The date that places a cycle in a period: its opener's (melding or herbeoordeling), else — a first
// cycle without one — its first event's.
Date cycle_date(const DossierFacts& f, const Cycle& c);
// The same, for one case.
DossierFacts replay(const EventLog& log, const Dossier& dossier, const Calendar& cal);

}  // namespace wmotoets
