#include "workflow/lead_times.hpp"

#include <algorithm>

#include "workflow/facts.hpp"

namespace wmotoets {

const std::array<PhaseInfo, kPhaseCount>& phases() {
    static const std::array<PhaseInfo, kPhaseCount> kPhases{{
        {Phase::melding_verslag, "melding-verslag", "Van melding tot verslag (het onderzoek)", "TRM-01", "zes weken"},
        {Phase::aanvraag_besluit, "aanvraag-besluit", "Van aanvraag tot beschikking", "TRM-02", "twee weken"},
        {Phase::melding_besluit, "melding-besluit", "Van melding tot beschikking (wat de inwoner meemaakt)", "", ""},
        {Phase::bezwaar_beslissing, "bezwaar-beslissing", "Van bezwaar tot beslissing op bezwaar", "TRM-03",
         "zes weken na de bezwaartermijn (twaalf met een adviescommissie)"},
        {Phase::vraag_ondersteuner, "vraag-ondersteuner", "Van vraag om cliëntondersteuning tot toewijzing", "TOE-03",
         "14 dagen (lokale norm)"},
    }};
    return kPhases;
}

namespace {

// One phase of a cycle: from `start` to the first `end` after it within [start, to).
void observe(const DossierFacts& f, std::uint32_t dossier, Phase phase, Pos start, Activity end, Pos to, Date peildatum,
             std::vector<LeadObservation>& out) {
    const Date from = f.date(start);
    if (from > peildatum) return;  // not started on the peildatum
    LeadObservation o{dossier, phase, LeadStatus::running, from, peildatum - from};
    for (Pos p = start + 1; p < to; ++p) {
        const Activity a = f.activity(p);
        if (f.date(p) > peildatum) break;  // what comes after the peildatum has not happened yet
        if (a == end) {
            o.status = LeadStatus::completed;
            o.days = f.date(p) - from;
            break;
        }
        if (a == Activity::intrekking || a == Activity::afsluiting) {
            o.status = LeadStatus::ended;
            o.days = 0;
            break;
        }
    }
    out.push_back(o);
}

}  // namespace

std::vector<LeadObservation> lead_time_observations(const EventLog& log, const Calendar& cal, Date peildatum) {
    std::vector<LeadObservation> out;
    const ReplayIds ids(log);
    DossierFacts facts;
    for (std::size_t c = 0; c < log.dossiers.size(); ++c) {
        replay(log, log.dossiers[c], cal, ids, facts);
        lead_time_observations(facts, static_cast<std::uint32_t>(c), peildatum, out);
    }
    return out;
}

void LeadTally::add(const LeadObservation& o) {
    if (o.status == LeadStatus::ended) {
        ++ended;
        return;
    }
    const std::size_t d = std::size_t(std::max(o.days, 0));
    if (d >= at.size()) at.resize(d + 1, {0, 0});
    ++at[d][o.status == LeadStatus::completed ? 0 : 1];
    ++(o.status == LeadStatus::completed ? completed : running);
}

void LeadTally::merge(const LeadTally& other) {
    completed += other.completed;
    running += other.running;
    ended += other.ended;
    if (other.at.size() > at.size()) at.resize(other.at.size(), {0, 0});
    for (std::size_t d = 0; d < other.at.size(); ++d) {
        at[d][0] += other.at[d][0];
        at[d][1] += other.at[d][1];
    }
}

void lead_time_observations(const DossierFacts& f, std::uint32_t dossier, Date peildatum,
                            std::vector<LeadObservation>& out) {
    for (const Cycle& c : f.cycles) {
        const bool melding = f.opened_by_melding(c);
        if (melding) observe(f, dossier, Phase::melding_verslag, *c.opener, Activity::verslag, c.end, peildatum, out);
        if (c.first_aanvraag)
            observe(f, dossier, Phase::aanvraag_besluit, *c.first_aanvraag, Activity::besluit, c.end, peildatum, out);
        if (melding) observe(f, dossier, Phase::melding_besluit, *c.opener, Activity::besluit, c.end, peildatum, out);
        if (c.first_besluit)
            if (const auto bezwaar = f.first(Activity::bezwaar, *c.first_besluit + 1, c.end))
                observe(f, dossier, Phase::bezwaar_beslissing, *bezwaar, Activity::besluit_op_bezwaar, c.end, peildatum,
                        out);
        if (const auto asked = f.first(Activity::clientondersteuning_gevraagd, c.begin, c.end))
            observe(f, dossier, Phase::vraag_ondersteuner, *asked, Activity::ondersteuner_toegewezen, c.end, peildatum,
                    out);
    }
}

}  // namespace wmotoets
