#include "reports/lead_times.hpp"

#include <algorithm>
#include <cmath>

#include "model/event_log.hpp"
#include "util/big_uint.hpp"

namespace wmotoets {

namespace {

// One step of the recursion: at duration t, n at risk, d afgerond, c competing.
struct AtTime {
    int t = 0;
    std::uint64_t n = 0, d = 0, c = 0;
};

// Fᵢ, Gᵢ and Sᵢ exactly as fractions over one denominator: Fᵢ = Nᵢ/Dᵢ, Sᵢ = Pᵢ/Dᵢ, Gᵢ = (Dᵢ − Nᵢ − Pᵢ)/Dᵢ
// (docs/spec/doorlooptijden.md: Nᵢ = Nᵢ₋₁nᵢ + Pᵢ₋₁dᵢ, Pᵢ = Pᵢ₋₁(nᵢ − eᵢ), Dᵢ = Dᵢ₋₁nᵢ). Computed only
// where a double is too close to call, up to the step asked for.
class Exact {
public:
    explicit Exact(std::span<const AtTime> events) : events_(events) {}
    void advance_to(std::size_t i) {  // after step i (0-based)
        while (done_ <= i) {
            const AtTime& e = events_[done_++];
            n_ = n_.times(e.n) + p_.times(e.d);
            p_ = p_.times(e.n - e.d - e.c);
            d_ = d_.times(e.n);
        }
    }
    // Fᵢ ≥ a/b, and Fᵢ + Sᵢ ≥ a/b.
    bool f_at_least(std::size_t i, std::uint64_t a, std::uint64_t b) {
        advance_to(i);
        return n_.times(b) >= d_.times(a);
    }
    bool f_plus_s_at_least(std::size_t i, std::uint64_t a, std::uint64_t b) {
        advance_to(i);
        return (n_ + p_).times(b) >= d_.times(a);
    }
    // The fraction `which` (0: F, 1: G, 2: S) at step i in ten-thousandths, rounded half up, near the
    // guess k: the k with (2k − 1)·D ≤ 20000·X < (2k + 1)·D.
    int rounded(std::size_t i, int which, int guess) {
        advance_to(i);
        const BigUint x = which == 0 ? n_ : which == 2 ? p_ : d_ - n_ - p_;
        const BigUint x2 = x.times(20000);
        int k = guess;
        while (k > 0 && d_.times(std::uint64_t(2 * k - 1)) > x2) --k;
        while (k < 10000 && d_.times(std::uint64_t(2 * k + 1)) <= x2) ++k;
        return k;
    }

private:
    std::span<const AtTime> events_;
    std::size_t done_ = 0;
    BigUint n_{0}, p_{1}, d_{1};
};

// A double that is within `margin` of `q` is decided with whole numbers (every term of the
// recursion is non-negative: after i steps the error of F̂ is below (i + 1)·2⁻⁵⁰).
double margin(std::size_t i) { return double(i + 1) * 0x1.0p-50; }

constexpr double kZ95 = 1.959963984540054;

}  // namespace

LeadEstimate lead_estimate(const LeadTally& t) {
    LeadEstimate e;
    e.completed = t.completed;
    e.running = t.running;
    e.ended = t.ended;
    e.zonder_aanvraag = t.zonder_aanvraag;
    e.zonder_gesprek = t.zonder_gesprek;
    e.started = t.started();
    std::vector<AtTime> events;
    std::uint64_t at_risk = e.started;
    for (std::size_t day = 0; day < t.at.size(); ++day) {
        const auto [d, running, c] = t.at[day];
        if (d + running + c == 0) continue;
        if (d + c > 0) events.push_back({int(day), at_risk, d, c});
        at_risk -= d + running + c;
        e.longest = int(day);
    }
    Exact exact(events);
    constexpr std::array<std::pair<std::uint64_t, std::uint64_t>, 3> kQ{{{1, 2}, {3, 4}, {9, 10}}};
    std::array<std::optional<int>*, 3> quantile{&e.mediaan, &e.p75, &e.p90};
    // The running sums of the variance (Marubini & Valsecchi, as statsmodels' CumIncidenceRight):
    // Vᵢ = Fᵢ²A0 − 2FᵢA1 + A2 + B − 2(FᵢC0 − C1), with the sums over j ≤ i.
    double s = 1, f = 0, g = 0, a0 = 0, a1 = 0, a2 = 0, b = 0, c0 = 0, c1 = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const AtTime& ev = events[i];
        const double n = double(ev.n), d = double(ev.d), c = double(ev.c), s_before = s;
        f += s_before * d / n;
        g += s_before * c / n;
        s = s_before * (n - d - c) / n;
        e.steps.push_back({ev.t, f, f + g});
        if (ev.d + ev.c < ev.n) {
            const double w = (d + c) / (n * (n - d - c));
            a0 += w;
            a1 += f * w;
            a2 += f * f * w;
        }
        b += s_before * s_before * d * (n - d) / (n * n * n);
        c0 += s_before * d / (n * n);
        c1 += f * s_before * d / (n * n);
        for (std::size_t q = 0; q < 3; ++q) {
            if (*quantile[q]) continue;
            const double target = double(kQ[q].first) / double(kQ[q].second);
            const bool reached =
                std::abs(f - target) > margin(i) ? f > target : exact.f_at_least(i, kQ[q].first, kQ[q].second);
            if (reached) *quantile[q] = ev.t;
        }
        // The 95 % band on the log-log scale of 1 − F: U reaches 1/2 first, L later.
        const double v = std::max(f * f * a0 - 2 * f * a1 + a2 + b - 2 * (f * c0 - c1), 0.0);
        double lo = f, hi = f;
        if (f > 0 && f < 1 && v > 0) {
            const double wband = kZ95 * std::sqrt(v) / ((1 - f) * -std::log(1 - f));
            lo = 1 - std::pow(1 - f, std::exp(-wband));
            hi = 1 - std::pow(1 - f, std::exp(wband));
        }
        if (!e.mediaan_lo && hi >= 0.5) e.mediaan_lo = ev.t;
        if (!e.mediaan_hi && lo >= 0.5) e.mediaan_hi = ev.t;
    }
    const std::size_t last = events.empty() ? 0 : events.size() - 1;
    for (std::size_t q = 0; q < 3; ++q) {
        if (*quantile[q]) continue;
        const double target = double(kQ[q].first) / double(kQ[q].second);
        const bool may_still = events.empty() ? true
                               : std::abs(f + s - target) > margin(last + 1)
                                   ? f + s > target
                                   : exact.f_plus_s_at_least(last, kQ[q].first, kQ[q].second);
        e.why_not[q] = may_still ? NoQuantile::nog_niet : NoQuantile::nooit;
    }
    if (!events.empty()) {
        const std::array<double, 3> x{f, g, s};
        std::array<int*, 3> out{&e.share_completed, &e.share_ended, &e.share_open};
        for (int k = 0; k < 3; ++k) {
            const double scaled = x[std::size_t(k)] * 10000;
            const int guess = int(std::floor(scaled + 0.5));
            const double frac = scaled - std::floor(scaled);
            // Near a half the rounding is decided with whole numbers.
            *out[std::size_t(k)] = std::abs(frac - 0.5) > 10000 * margin(last + 2)
                                       ? guess
                                       : exact.rounded(last, k, std::clamp(guess, 0, 10000));
        }
    }
    return e;
}

bool lead_phase_reported(const EventLog& log, Phase phase) {
    return phase != Phase::besluit_levering || std::any_of(log.events.begin(), log.events.end(), [](const Event& e) {
               return e.activity == Activity::levering_gestart;
           });
}

std::vector<RunRecord::LeadTime> lead_time_records(const LeadTallies& tallies) {
    std::vector<RunRecord::LeadTime> out;
    for (const PhaseInfo& p : phases()) {
        const LeadEstimate e = lead_estimate(tallies[static_cast<std::size_t>(p.phase)]);
        RunRecord::LeadTime l;
        l.phase = std::string(p.code);
        l.started = e.started;
        l.completed = e.completed;
        l.running = e.running;
        l.ended = e.ended;
        l.mediaan = e.mediaan;
        l.p75 = e.p75;
        l.p90 = e.p90;
        l.zonder_aanvraag = e.zonder_aanvraag;
        l.zonder_gesprek = e.zonder_gesprek;
        l.mediaan_lo = e.mediaan_lo;
        l.mediaan_hi = e.mediaan_hi;
        l.share_completed = e.share_completed;
        l.share_ended = e.share_ended;
        l.share_open = e.share_open;
        for (std::size_t q = 0; q < 3; ++q) l.nooit[q] = e.why_not[q] == NoQuantile::nooit;
        out.push_back(std::move(l));
    }
    return out;
}

LeadTallies tally(std::span<const LeadObservation> observations) {
    LeadTallies out;
    for (const LeadObservation& o : observations) out[static_cast<std::size_t>(o.phase)].add(o);
    return out;
}

std::map<std::string, LeadTallies> tally_by(std::span<const LeadObservation> observations,
                                            const std::function<std::string(const LeadObservation&)>& key_of) {
    std::map<std::string, LeadTallies> out;
    for (const LeadObservation& o : observations) out[key_of(o)][static_cast<std::size_t>(o.phase)].add(o);
    return out;
}

std::vector<LeadPhaseView> lead_time_view(std::span<const LeadObservation> observations,
                                          const std::function<std::string(std::uint32_t dossier)>& team_of) {
    const LeadTallies totals = tally(observations);
    // By the quarter of the cycle's melding, as the dossiers of the rule tables (issue 28).
    const auto quarters = tally_by(observations, [](const LeadObservation& o) { return quarter_of(o.cohort); });
    std::map<std::uint32_t, std::string> teams_of_case;  // a dossier's team, found once
    const auto teams = tally_by(observations, [&](const LeadObservation& o) {
        auto it = teams_of_case.find(o.dossier);
        if (it == teams_of_case.end()) {
            std::string team = team_of(o.dossier);
            it = teams_of_case.emplace(o.dossier, team.empty() ? "(onbekend)" : std::move(team)).first;
        }
        return it->second;
    });
    std::vector<LeadPhaseView> out;
    for (const PhaseInfo& p : phases()) {
        const std::size_t i = static_cast<std::size_t>(p.phase);
        LeadPhaseView v{p.phase, lead_estimate(totals[i]), {}, {}};
        for (const auto& [name, t] : quarters)
            if (t[i].started() > 0) v.quarters.push_back({name, lead_estimate(t[i])});
        for (const auto& [name, t] : teams)
            if (t[i].started() > 0) v.teams.push_back({name, lead_estimate(t[i])});
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace wmotoets
