#include "workflow/lead_times.hpp"

#include <algorithm>

#include "util/text.hpp"
#include "workflow/facts.hpp"

namespace wmotoets {

const std::array<PhaseInfo, kPhaseCount>& phases() {
    static const std::array<PhaseInfo, kPhaseCount> kPhases{{
        {Phase::melding_gesprek, "melding-gesprek", "Van melding tot eerste gesprek (de toegang)", "", "", false},
        {Phase::melding_verslag, "melding-verslag", "Van melding tot verslag (het onderzoek)", "TRM-01", "zes weken",
         false},
        {Phase::aanvraag_besluit, "aanvraag-besluit", "Van aanvraag tot beschikking", "TRM-02", "twee weken", false},
        {Phase::melding_besluit, "melding-besluit", "Van melding tot beschikking (wat de inwoner meemaakt)", "", "",
         false},
        {Phase::bezwaar_beslissing, "bezwaar-beslissing", "Van bezwaar tot beslissing op bezwaar", "TRM-03",
         "zes weken na de bezwaartermijn (twaalf met een adviescommissie), plus verdaging", false},
        {Phase::vraag_ondersteuner, "vraag-ondersteuner", "Van vraag om cliëntondersteuning tot toewijzing", "TOE-03",
         "14 dagen (lokale norm)", true},
        {Phase::besluit_levering, "besluit-levering", "Van toekenning tot start van de levering", "", "", false},
    }};
    return kPhases;
}

namespace {

bool is_stop(Activity a) { return a == Activity::intrekking || a == Activity::afsluiting; }

// One phase of a cycle: from `start` to the first event in (start, to) that `ends` it; an intrekking
// or afsluiting first is a competing end (beëindigd), and so is `competing` (zonder gesprek: a
// verslag before any gesprek) when given. Events after the peildatum have not happened yet.
template <class Ends>
void observe(const DossierFacts& f, std::uint32_t dossier, Phase phase, Pos start, Ends ends, Pos to, Date peildatum,
             std::vector<LeadObservation>& out, std::optional<Activity> competing = std::nullopt) {
    const Date from = f.date(start);
    if (from > peildatum) return;  // not started on the peildatum
    LeadObservation o{dossier, phase, LeadStatus::running, from, peildatum - from, {}};
    for (Pos p = start + 1; p < to; ++p) {
        if (f.date(p) > peildatum) break;
        const Activity a = f.activity(p);
        if (ends(p)) o.status = LeadStatus::completed;
        else if (is_stop(a)) o.status = LeadStatus::ended;
        else if (competing && a == *competing) o.status = LeadStatus::zonder_gesprek;
        else continue;
        o.days = f.date(p) - from;
        break;
    }
    out.push_back(o);
}

// melding-besluit: as observe, and a cycle whose verslag (V) was followed by no aanvraag, no besluit
// and no intrekking or afsluiting on or before V + 42 ends "zonder aanvraag" on V + 42, dated when it
// became known (docs/spec/doorlooptijden.md).
void observe_melding_besluit(const DossierFacts& f, std::uint32_t dossier, const Cycle& c, Date peildatum,
                             std::vector<LeadObservation>& out) {
    const std::size_t at = out.size();
    observe(
        f, dossier, Phase::melding_besluit, *c.opener, [&](Pos p) { return f.is_besluit(p); }, c.end, peildatum, out);
    if (out.size() == at || !c.first_verslag || f.date(*c.first_verslag) > peildatum) return;
    const Date z = f.date(*c.first_verslag) + 42;
    if (z > peildatum) return;
    LeadObservation& o = out.back();
    if (o.status != LeadStatus::running && o.start + o.days <= z) return;  // ended on or before V + 42
    for (Pos p = *c.opener + 1; p < c.end; ++p)
        if (f.activity(p) == Activity::aanvraag && f.date(p) <= z) return;
    o.status = LeadStatus::zonder_aanvraag;
    o.days = z - o.start;
}

}  // namespace

std::vector<LeadObservation> lead_time_observations(const EventLog& log, const Calendar& cal, Date peildatum,
                                                    const std::optional<Period>& period) {
    std::vector<LeadObservation> out;
    const ReplayIds ids(log);
    DossierFacts facts;
    for (std::size_t c = 0; c < log.dossiers.size(); ++c)
        if (replay(log, log.dossiers[c], cal, ids, period, facts))
            lead_time_observations(facts, static_cast<std::uint32_t>(c), peildatum, out);
    return out;
}

void LeadTally::add(const LeadObservation& o) {
    const std::size_t d = std::size_t(std::max(o.days, 0));
    if (d >= at.size()) at.resize(d + 1, {0, 0, 0});
    switch (o.status) {
    case LeadStatus::completed:
        ++completed;
        ++at[d][0];
        break;
    case LeadStatus::running:
        ++running;
        ++at[d][1];
        break;
    case LeadStatus::ended: ++ended; break;
    case LeadStatus::zonder_aanvraag: ++zonder_aanvraag; break;
    case LeadStatus::zonder_gesprek: ++zonder_gesprek; break;
    }
    if (o.status != LeadStatus::completed && o.status != LeadStatus::running) ++at[d][2];
}

void LeadTally::merge(const LeadTally& other) {
    completed += other.completed;
    running += other.running;
    ended += other.ended;
    zonder_aanvraag += other.zonder_aanvraag;
    zonder_gesprek += other.zonder_gesprek;
    if (other.at.size() > at.size()) at.resize(other.at.size(), {0, 0, 0});
    for (std::size_t d = 0; d < other.at.size(); ++d)
        for (std::size_t k = 0; k < 3; ++k) at[d][k] += other.at[d][k];
}

void lead_time_observations(const DossierFacts& f, std::uint32_t dossier, Date peildatum,
                            std::vector<LeadObservation>& out) {
    const auto is = [&f](Activity a) { return [&f, a](Pos p) { return f.activity(p) == a; }; };
    for (const Cycle& c : f.cycles) {
        const std::size_t cycle_first = out.size();
        const bool melding = f.opened_by_melding(c);
        if (melding)
            observe(f, dossier, Phase::melding_gesprek, *c.opener, is(Activity::gesprek), c.end, peildatum, out,
                    Activity::verslag);
        if (melding)
            observe(f, dossier, Phase::melding_verslag, *c.opener, is(Activity::verslag), c.end, peildatum, out);
        if (c.first_aanvraag)
            observe(
                f, dossier, Phase::aanvraag_besluit, *c.first_aanvraag, [&f](Pos p) { return f.is_besluit(p); }, c.end,
                peildatum, out);
        if (melding) observe_melding_besluit(f, dossier, c, peildatum, out);
        if (c.first_besluit)
            if (const auto bezwaar = f.first(Activity::bezwaar, *c.first_besluit + 1, c.end))
                observe(f, dossier, Phase::bezwaar_beslissing, *bezwaar, is(Activity::besluit_op_bezwaar), c.end,
                        peildatum, out);
        if (const auto asked = f.first(Activity::clientondersteuning_gevraagd, c.begin, c.end))
            observe(f, dossier, Phase::vraag_ondersteuner, *asked, is(Activity::ondersteuner_toegewezen), c.end,
                    peildatum, out);
        // The delivery of what the first granting besluit granted; not when it had already started
        // (after a temporary besluit).
        for (Pos p = c.begin; p < c.end; ++p) {
            if (f.activity(p) == Activity::levering_gestart) break;
            if (!f.is_besluit(p)) continue;
            const std::string uitkomst = fold_label(f.attr(p, "uitkomst"));
            if (uitkomst != "toegekend" && uitkomst != "deels") continue;
            observe(f, dossier, Phase::besluit_levering, p, is(Activity::levering_gestart), c.end, peildatum, out);
            break;
        }
        const Date cohort = cycle_date(f, c);
        for (std::size_t i = cycle_first; i < out.size(); ++i) out[i].cohort = cohort;
    }
}

}  // namespace wmotoets
