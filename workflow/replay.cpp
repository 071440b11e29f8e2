#include <algorithm>
#include <thread>

#include "util/text.hpp"
#include "util/two_threads.hpp"
#include "workflow/beslissers.hpp"
#include "workflow/facts.hpp"
#include "workflow/procedure.hpp"

namespace wmotoets {

bool is_beslisser_act(const EventLog& log, const ReplayIds& ids, const Event& e) {
    const Who& w = log.who(e);
    return w.actor != 0 && (e.activity == Activity::besluit || e.activity == Activity::besluit_op_bezwaar ||
                            (w.role != 0 && w.role == ids.beslisser));
}

BeslisserIndex::Usual BeslisserIndex::usual_deciders(StrId dossier_team) const {
    Usual u;
    const auto it = deciding_teams.find(dossier_team);
    if (dossier_team == 0 || it == deciding_teams.end()) return u;
    for (const auto& [team, n] : it->second) {
        u.of += n;
        if (n > u.dossiers || (n == u.dossiers && team < u.team)) u = {team, n, u.of};
    }
    return u;
}

StrId consulent_team(const DossierFacts& f) { return f.consulenten.empty() ? 0 : f.consulenten.front().team; }

namespace {

// The index over dossiers [from, to).
BeslisserIndex index_part(const EventLog& log, const ReplayIds& ids, std::uint32_t from, std::uint32_t to) {
    BeslisserIndex index;
    std::vector<StrId> teams;  // the beslisser teams of one dossier
    for (std::uint32_t c = from; c < to; ++c) {
        StrId own = 0;
        teams.clear();
        for (const std::uint32_t i : log.events_of(log.dossiers[c])) {
            const Event& e = log.events[i];
            const Who& w = log.who(e);
            if (own == 0 && w.actor != 0 && (e.activity == Activity::gesprek || e.activity == Activity::verslag) &&
                (w.role == 0 || w.role == ids.consulent))
                own = w.team;
            if (!is_beslisser_act(log, ids, e)) continue;
            if (w.team != 0 && std::find(teams.begin(), teams.end(), w.team) == teams.end() && teams.size() < 8)
                teams.push_back(w.team);
            BeslisserIndex::Person& p = index.by_actor[log.who(e).actor];
            if (p.dossiers == 0 || e.date < p.first) p.first = e.date;
            if (p.dossiers == 0 || e.date > p.last) p.last = e.date;
            if (p.last_dossier == c) continue;
            p.last_dossier = c;
            ++p.dossiers;
            if (p.named.size() < BeslisserIndex::kNamed) p.named.push_back(log.dossiers[c].id);
        }
        if (own != 0)
            for (const StrId t : teams) ++index.deciding_teams[own][t];
    }
    return index;
}

// Adds the index of later dossiers to that of earlier ones (as one pass over both would have made it).
void merge_later(BeslisserIndex& into, BeslisserIndex&& later) {
    for (auto& [actor, q] : later.by_actor) {
        BeslisserIndex::Person& p = into.by_actor[actor];
        if (p.dossiers == 0) {
            p = std::move(q);
            continue;
        }
        p.first = std::min(p.first, q.first);
        p.last = std::max(p.last, q.last);
        p.dossiers += q.dossiers;
        p.last_dossier = q.last_dossier;
        for (const StrId id : q.named)
            if (p.named.size() < BeslisserIndex::kNamed) p.named.push_back(id);
    }
    for (auto& [own, counts] : later.deciding_teams)
        for (const auto& [team, n] : counts) into.deciding_teams[own][team] += n;
}

}  // namespace

BeslisserIndex index_beslissers(const EventLog& log, const ReplayIds& ids, std::size_t two_cores_from) {
    const auto n = static_cast<std::uint32_t>(log.dossiers.size());
    // On two cores for a large log, each half of the dossiers, then the later half added.
    if (n < two_cores_from || std::thread::hardware_concurrency() < 2) return index_part(log, ids, 0, n);
    BeslisserIndex index, later;
    on_two_threads([&] { index = index_part(log, ids, 0, n / 2); }, [&] { later = index_part(log, ids, n / 2, n); });
    merge_later(index, std::move(later));
    return index;
}

std::optional<Date> onderzoek_last_day(const DossierFacts& f, const Cycle& c, const Calendar& cal) {
    if (!f.opened_by_melding(c)) return std::nullopt;
    return cal.weeks_after(f.event(*c.opener).date, 6);
}

ReplayIds::ReplayIds(const EventLog& log)
    : ondersteuner(log.strings.find("ondersteuner")),
      beslisser(log.strings.find("beslisser")),
      consulent(log.strings.find("consulent")),
      mantelzorger(log.strings.find("mantelzorger")),
      spoed(log.strings.find("spoed")),
      tijdelijk(log.strings.find("tijdelijk")) {}

DossierFacts replay(const EventLog& log, const Dossier& dossier, const Calendar& cal) {
    DossierFacts f;
    replay(log, dossier, cal, ReplayIds(log), f);
    return f;
}

namespace {

// Replays the events in f.events (set by the caller, in procedure order); the first cycle gets
// number `first_number`.
void replay_events(const EventLog& log, const Calendar& cal, const ReplayIds& ids, DossierFacts& f, int first_number) {
    // One machine per thread, reset in place for every case.
    thread_local Procedure machine;
    machine.reset();

    f.cycle_of.assign(f.events.size(), 0);
    f.cycles.push_back(Cycle{});
    f.cycles.back().number = first_number;

    // A role that never occurs in the input has no id; StrId 0 means "no role", so compare
    // only with roles that exist.
    auto has_role = [](const Who& w, StrId role) { return w.role != 0 && w.role == role; };
    const StrId key_mantelzorger = ids.mantelzorger;

    for (Pos p = 0; p < f.events.size(); ++p) {
        const Event& e = f.event(p);
        const Activity a = e.activity;
        if (a != Activity::onbekend) {
            const Cycle& cur = f.cycles.back();
            Procedure::Context ctx;
            if (a == Activity::aanvraag) {
                const auto last = onderzoek_last_day(f, cur, cal);
                ctx.aanvraag_term_passed = last && e.date > *last;
                // Wmo 2.3.2 lid 9: before the verslag and within the six weeks it "kan niet worden gedaan".
                if (last && !ctx.aanvraag_term_passed && !cur.first_verslag && !cur.premature_aanvraag)
                    f.cycles.back().premature_aanvraag = p;
            } else if (a == Activity::besluit) {
                const bool tijdelijk = ids.tijdelijk != 0 && parse_yes_no(log.attr(e, ids.tijdelijk)).value_or(false);
                if (tijdelijk) f.tijdelijk.push_back(p);
                if (tijdelijk && cur.spoed) ctx.besluit = Procedure::BesluitKind::tijdelijk_bij_spoed;
                else if ((cur.opener && f.activity(*cur.opener) == Activity::herbeoordeling) || cur.premature_aanvraag)
                    ctx.besluit = Procedure::BesluitKind::zonder_aanvraag;
            } else if (a == Activity::levering_gestart) {
                ctx.after_tijdelijk = !f.tijdelijk.empty() && f.tijdelijk.back() >= cur.begin;
            }
            Procedure::Step step = machine.step(a, ctx);
            if (step.opened_cycle && f.cycles.back().opener) {
                // A new cycle in the same case.
                f.cycles.back().end = p;
                Cycle next;
                next.number = first_number + static_cast<int>(f.cycles.size());
                next.begin = p;
                f.cycles.push_back(next);
            }
            if (step.opened_cycle) {
                f.cycles.back().opener = p;
                if (a == Activity::melding && ids.spoed != 0)
                    f.cycles.back().spoed = parse_yes_no(log.attr(e, ids.spoed)).value_or(false);
            }
            for (MachineDeviation& d : step.deviations)
                f.deviations.push_back({p, d.region, std::move(d.state), std::move(d.reason)});
        }
        Cycle& c = f.cycles.back();
        f.cycle_of[p] = static_cast<std::uint16_t>(f.cycles.size() - 1);
        auto first = [p](std::optional<Pos>& slot) {
            if (!slot) slot = p;
        };
        if (a == Activity::afsluiting || a == Activity::intrekking) f.closures.push_back(p);
        switch (a) {
        case Activity::gesprek: first(c.first_gesprek); break;
        case Activity::verslag: first(c.first_verslag); break;
        case Activity::aanvraag: first(c.first_aanvraag); break;
        case Activity::besluit:
            if (!f.is_tijdelijk(p)) first(c.first_besluit);
            break;
        default: break;
        }
        // Who acted as what (docs/spec/event-log.md).
        const Who& w = log.who(e);
        if (w.actor != 0) {
            const RoleAct act{w.actor, p, w.team, w.organisatie};
            if (a == Activity::ondersteuner_toegewezen || has_role(w, ids.ondersteuner)) f.ondersteuners.push_back(act);
            if (is_beslisser_act(log, ids, e)) f.beslissers.push_back(act);
            if ((a == Activity::gesprek || a == Activity::verslag) && (w.role == 0 || has_role(w, ids.consulent)))
                f.consulenten.push_back(act);
        }
        if (has_role(w, ids.mantelzorger)) f.has_mantelzorger = true;
        if ((a == Activity::melding || a == Activity::herbeoordeling) && key_mantelzorger != 0) {
            if (parse_yes_no(log.attr(e, key_mantelzorger)).value_or(false)) f.has_mantelzorger = true;
        }
    }
    f.cycles.back().end = static_cast<Pos>(f.events.size());
}

}  // namespace

Date cycle_date(const DossierFacts& f, const Cycle& c) { return f.date(c.opener ? *c.opener : c.begin); }

void replay(const EventLog& log, const Dossier& dossier, const Calendar& cal, const ReplayIds& ids, DossierFacts& f) {
    f.clear();
    f.log = &log;
    f.dossier = &dossier;
    const auto span = log.events_of(dossier);
    f.events.assign(span.begin(), span.end());
    replay_events(log, cal, ids, f, 1);
}

bool replay(const EventLog& log, const Dossier& dossier, const Calendar& cal, const ReplayIds& ids,
            const std::optional<Period>& period, DossierFacts& f) {
    replay(log, dossier, cal, ids, f);
    if (!period) return true;
    // The cycles opened in the period: consecutive, as the cycles follow each other in time.
    std::size_t first = f.cycles.size(), last = 0;
    for (std::size_t i = 0; i < f.cycles.size(); ++i)
        if (period->contains(cycle_date(f, f.cycles[i]))) {
            first = std::min(first, i);
            last = i + 1;
        }
    if (first == f.cycles.size()) {
        f.clear();
        return false;
    }
    if (first == 0 && last == f.cycles.size()) return true;
    // Replayed again on those cycles' events only: as if the log held nothing else of the dossier.
    const Pos begin = f.cycles[first].begin, end = f.cycles[last - 1].end;
    const int number = f.cycles[first].number;
    std::vector<std::uint32_t> kept(f.events.begin() + begin, f.events.begin() + end);
    f.clear();
    f.log = &log;
    f.dossier = &dossier;
    f.events = std::move(kept);
    replay_events(log, cal, ids, f, number);
    return true;
}

}  // namespace wmotoets
