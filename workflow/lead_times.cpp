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
void observe(const CaseFacts& f, std::uint32_t case_pos, Phase phase, Pos start, Activity end, Pos to, Date peildatum,
             std::vector<LeadObservation>& out) {
    const Date from = f.date(start);
    if (from > peildatum) return;  // not started on the peildatum
    LeadObservation o{case_pos, phase, LeadStatus::lopend, from, peildatum - from};
    for (Pos p = start + 1; p < to; ++p) {
        const Activity a = f.activity(p);
        if (f.date(p) > peildatum) break;  // what comes after the peildatum has not happened yet
        if (a == end) {
            o.status = LeadStatus::afgerond;
            o.days = f.date(p) - from;
            break;
        }
        if (a == Activity::intrekking || a == Activity::afsluiting) {
            o.status = LeadStatus::beeindigd;
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
    CaseFacts facts;
    for (std::size_t c = 0; c < log.cases.size(); ++c) {
        replay(log, log.cases[c], cal, ids, facts);
        lead_time_observations(facts, static_cast<std::uint32_t>(c), peildatum, out);
    }
    return out;
}

void LeadTally::add(const LeadObservation& o) {
    if (o.status == LeadStatus::beeindigd) {
        ++beeindigd;
        return;
    }
    const std::size_t d = std::size_t(std::max(o.days, 0));
    if (d >= at.size()) at.resize(d + 1, {0, 0});
    ++at[d][o.status == LeadStatus::afgerond ? 0 : 1];
    ++(o.status == LeadStatus::afgerond ? afgerond : lopend);
}

void LeadTally::merge(const LeadTally& other) {
    afgerond += other.afgerond;
    lopend += other.lopend;
    beeindigd += other.beeindigd;
    if (other.at.size() > at.size()) at.resize(other.at.size(), {0, 0});
    for (std::size_t d = 0; d < other.at.size(); ++d) {
        at[d][0] += other.at[d][0];
        at[d][1] += other.at[d][1];
    }
}

void lead_time_observations(const CaseFacts& f, std::uint32_t case_pos, Date peildatum,
                            std::vector<LeadObservation>& out) {
    for (const Cycle& c : f.cycles) {
        const bool melding = f.opened_by_melding(c);
        if (melding) observe(f, case_pos, Phase::melding_verslag, *c.opener, Activity::verslag, c.end, peildatum, out);
        if (c.first_aanvraag)
            observe(f, case_pos, Phase::aanvraag_besluit, *c.first_aanvraag, Activity::besluit, c.end, peildatum, out);
        if (melding) observe(f, case_pos, Phase::melding_besluit, *c.opener, Activity::besluit, c.end, peildatum, out);
        if (c.first_besluit)
            if (const auto bezwaar = f.first(Activity::bezwaar, *c.first_besluit + 1, c.end))
                observe(f, case_pos, Phase::bezwaar_beslissing, *bezwaar, Activity::besluit_op_bezwaar, c.end,
                        peildatum, out);
        if (const auto asked = f.first(Activity::clientondersteuning_gevraagd, c.begin, c.end))
            observe(f, case_pos, Phase::vraag_ondersteuner, *asked, Activity::ondersteuner_toegewezen, c.end, peildatum,
                    out);
    }
}

}  // namespace wmotoets
