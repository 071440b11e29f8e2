#pragma once
// What the replay of one case hands to the rules (docs/spec/procedure.md, "What the replay hands to
// the rules"). Positions are indices into `events`, the case's events in procedure order.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/calendar.hpp"
#include "model/event_log.hpp"
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
    std::optional<Pos> first_gesprek, first_verslag, first_aanvraag, first_besluit;
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
    StrId ondersteuner = 0, beslisser = 0, consulent = 0, mantelzorger = 0;
};

// Replays one case through the procedure machine and collects its facts into `f` (whose
// buffers are reused: a worker replays a million cases with one DossierFacts).
void replay(const EventLog& log, const Dossier& dossier, const Calendar& cal, const ReplayIds& ids, DossierFacts& f);
// The same, for one case.
DossierFacts replay(const EventLog& log, const Dossier& dossier, const Calendar& cal);

}  // namespace wmotoets
