#include "reports/publication.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "reports/writers.hpp"
#include "util/text.hpp"

namespace wmotoets {

// In a publication the competing ends are one count (beëindigd, zonder aanvraag and zonder gesprek
// together): gestart = afgerond + lopend + that, and no part of it recomputable.
LeadShown lead_shown(const Disclosure& d, const LeadEstimate& e) {
    if (d.publication && e.withheld) return {false, false};
    // Quantiles only beside a published started count that itself says "at least 2 × drempel": every
    // count that rounds to it must be that large, or the quantiles would narrow the rounded count
    // (a "20" with quantiles would mean 20–22, not 18–22).
    const bool started = d.sums_shown({e.started, e.completed, e.running, e.competing()});
    return {started, !d.publication || (started && d.shown(e.started) >= 2 * d.threshold + d.base / 2)};
}

bool lead_breakdown_shown(const Disclosure& d, const LeadEstimate& total, const std::vector<LeadGroup>& groups) {
    auto counts = [](const LeadEstimate& e) { return RuleCounts{e.started, e.completed, e.running, e.competing()}; };
    std::vector<RuleCounts> parts;
    for (const LeadGroup& g : groups) parts.push_back(counts(g.estimate));
    return d.breakdown_shown(groups.size()) && d.breakdown_row_shown(counts(total), parts);
}

std::string Disclosure::rule() const {
    return fmt::format(
        "Publicatieversie: aantallen van 1 tot en met {2} zijn geheim (weergegeven als x), de andere aantallen zijn "
        "afgerond op een veelvoud van {1} (nooit onder {0}); percentages en intervallen staan er alleen bij als "
        "zowel het aantal afwijkend als het aantal voldaan 0 of minstens {0} is, en zijn berekend uit de afgeronde "
        "aantallen, in hele procenten. Een uitsplitsing in één of twee groepen is weggelaten, net als alle gegevens "
        "per dossier en per medewerker. Zo is geen cliënt of medewerker uit de cijfers te herleiden, en geen geheim "
        "aantal na te rekenen.",
        threshold, base, threshold - 1);
}

std::string Disclosure::key(const Symbols& used, bool html) const {
    // The symbols as CBS writes them (issue 28), each only when the table uses it.
    std::vector<std::string> parts;
    const auto sym = [&](Symbol s, const std::string& meaning) {
        if (!used.used(s)) return;
        const std::string mark(kSymbolText[unsigned(s)]);
        parts.push_back((html ? "<b>" + mark + "</b>" : mark) + " = " + meaning);
    };
    sym(Symbol::unknown, "cijfer onbekend of niet te berekenen (niets beoordeeld, of de schatting komt niet zo ver)");
    sym(Symbol::secret, fmt::format("geheim: een aantal van 1 tot en met {}, of een getal dat zo'n aantal zou verraden",
                                    threshold - 1));
    sym(Symbol::nil, "nihil: op geen enkel dossier van toepassing");
    sym(Symbol::small,
        fmt::format("kleine groep: minder dan {} gestarte dossiers, de schatting is onzeker", kLeadGroupWarning));
    std::string out;
    if (!parts.empty()) {
        out = "Tekens: ";
        for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
        out += ".";
    }
    if (publication)
        out += fmt::format(
            "{}Aantallen afgerond op een veelvoud van {} (nooit onder {}); percentages in hele "
            "procenten, berekend uit de afgeronde aantallen; drempel {}.",
            out.empty() ? "" : " ", base, threshold, threshold);
    return out;
}

std::optional<ShownRate> Disclosure::rate(std::size_t violations, std::size_t compliant, bool of_judged) const {
    if (suppressed(violations) || suppressed(compliant)) return std::nullopt;
    const std::size_t v = shown(violations);
    const std::size_t n = of_judged ? shown(violations + compliant) : shown(violations) + shown(compliant);
    return rate_of_shown(v, n);
}

std::optional<ShownRate> Disclosure::rate_of_shown(std::size_t v, std::size_t n) const {
    if (n == 0) return std::nullopt;
    const auto [lo, hi] = wilson95(v, n);
    ShownRate r{double(v) / double(n), lo, hi};
    if (publication) {
        auto whole = [](double x) { return std::round(x * 100) / 100; };
        r = {whole(r.rate), whole(r.lo), whole(r.hi)};
    }
    return r;
}

std::pair<std::size_t, std::size_t> Disclosure::range(std::size_t n) const {
    if (!publication || n == 0) return {n, n};
    if (suppressed(n)) return {1, threshold - 1};
    const std::size_t s = shown(n), floor = (threshold + base - 1) / base * base;
    const std::size_t lo = s == floor || s < base / 2 + threshold ? threshold : s - base / 2;
    return {std::max(lo, threshold), s + (base - 1) / 2};
}

namespace {

struct Span {
    long lo, hi;
    long size() const { return hi - lo + 1; }
    Span meet(Span o) const { return {std::max(lo, o.lo), std::min(hi, o.hi)}; }
};

// What a reader can tell about a rule's compliant, violations and unknown counts from its
// published row: each count's own range, narrowed by applicable = c + v + u and judged = v + c
// when those sums are shown.
struct TotalSpans {
    Span c, v, u, judged;
};
TotalSpans total_spans(const Disclosure& d, const RuleCounts& t, bool sums, const Disclosure::Known& known = {}) {
    auto r = [&](std::size_t n) {
        const auto [lo, hi] = d.range(n);
        return Span{long(lo), long(hi)};
    };
    auto from = [](const std::optional<std::pair<std::size_t, std::size_t>>& k) {
        return k ? Span{long(k->first), long(k->second)} : Span{0, 1L << 40};
    };
    TotalSpans s{r(t.compliant).meet(from(known.compliant)),
                 r(t.violations).meet(from(known.violations)),
                 r(t.unknown).meet(from(known.unknown)),
                 {0, 0}};
    s.judged = {s.v.lo + s.c.lo, s.v.hi + s.c.hi};
    if (!sums && !known.applicable && !known.judged) return s;
    // The sums as published (when shown), met with what other tables tell (issue 27 point 5).
    const Span a = (sums ? r(t.applicable) : Span{0, 1L << 40}).meet(from(known.applicable)),
               j = (sums ? r(t.violations + t.compliant) : Span{0, 1L << 40}).meet(from(known.judged));
    for (int pass = 0; pass < 2; ++pass) {  // twice: each narrowing feeds the others
        s.v = s.v.meet({a.lo - s.c.hi - s.u.hi, a.hi - s.c.lo - s.u.lo}).meet({j.lo - s.c.hi, j.hi - s.c.lo});
        s.c = s.c.meet({a.lo - s.v.hi - s.u.hi, a.hi - s.v.lo - s.u.lo}).meet({j.lo - s.v.hi, j.hi - s.v.lo});
        s.u = s.u.meet({a.lo - j.hi, a.hi - j.lo}).meet({a.lo - s.c.hi - s.v.hi, a.hi - s.c.lo - s.v.lo});
    }
    s.judged = j.meet({s.v.lo + s.c.lo, s.v.hi + s.c.hi});
    return s;
}

// Whether no suppressed count among `parts` (adding up to `total`, known to lie in `whole`) or the
// total itself is narrowed to fewer than three values.
bool parts_safe(const Disclosure& d, const std::vector<std::size_t>& parts, std::size_t total, Span whole) {
    Span sum{0, 0};
    for (const std::size_t n : parts) {
        const auto [lo, hi] = d.range(n);
        sum.lo += long(lo);
        sum.hi += long(hi);
    }
    if (d.suppressed(total) && whole.meet(sum).size() < 3) return false;
    for (const std::size_t n : parts) {
        if (!d.suppressed(n)) continue;
        const auto [lo, hi] = d.range(n);
        const Span others{sum.lo - long(lo), sum.hi - long(hi)};
        if (Span{long(lo), long(hi)}.meet({whole.lo - others.hi, whole.hi - others.lo}).size() < 3) return false;
    }
    return true;
}

}  // namespace

bool Disclosure::sums_shown(const RuleCounts& t) const {
    if (!publication) return true;
    return sums_safe(t, true, {});
}

bool Disclosure::sums_safe(const RuleCounts& t, bool sums, const Known& known) const {
    if (!publication) return true;
    const TotalSpans s = total_spans(*this, t, sums, known);
    for (const auto& [n, span] : {std::pair{t.compliant, s.c}, {t.violations, s.v}, {t.unknown, s.u}})
        if (suppressed(n) && span.size() < 3) return false;
    // The sums themselves, where kept back (a suppressed applicable count) or hidden.
    const Span a{s.c.lo + s.v.lo + s.u.lo, s.c.hi + s.v.hi + s.u.hi};
    if (suppressed(t.applicable) && a.size() < 3) return false;
    return true;
}

std::pair<std::size_t, std::size_t> Disclosure::applicable_span(const RuleCounts& t, bool sums) const {
    const TotalSpans s = total_spans(*this, t, sums);
    return {std::size_t(std::max(0L, s.c.lo + s.v.lo + s.u.lo)), std::size_t(s.c.hi + s.v.hi + s.u.hi)};
}

std::pair<std::size_t, std::size_t> Disclosure::violations_span(const RuleCounts& t, bool sums) const {
    const TotalSpans s = total_spans(*this, t, sums);
    return {std::size_t(std::max(0L, s.v.lo)), std::size_t(std::max(0L, s.v.hi))};
}

std::pair<std::size_t, std::size_t> Disclosure::judged_span(const RuleCounts& t, bool sums) const {
    const TotalSpans s = total_spans(*this, t, sums);
    return {std::size_t(std::max(0L, s.judged.lo)), std::size_t(s.judged.hi)};
}

bool Disclosure::breakdown_row_shown(const RuleCounts& total, const std::vector<RuleCounts>& groups,
                                     const std::vector<RuleCounts>& other) const {
    if (!publication) return true;
    const bool sums = sums_shown(total);
    TotalSpans t = total_spans(*this, total, sums);
    // Every breakdown shown beside this one adds up to the same totals (issue 27: the quarters, the
    // teams and the totals read together pinned a "<10"): the totals as all of them tell it.
    for (int pass = 0; pass < 2; ++pass)
        for (const std::vector<RuleCounts>* part : {&groups, &other}) {
            if (part->empty()) continue;
            Span v{0, 0}, j{0, 0}, u{0, 0};
            for (const RuleCounts& g : *part)
                for (auto& [span, n] :
                     {std::pair{&v, g.violations}, {&j, g.violations + g.compliant}, {&u, g.unknown}}) {
                    const auto [lo, hi] = range(n);
                    span->lo += long(lo);
                    span->hi += long(hi);
                }
            Known k;
            const Span tv = t.v.meet(v), tj = t.judged.meet(j), tu = t.u.meet(u);
            k.violations = std::pair{std::size_t(std::max(0L, tv.lo)), std::size_t(std::max(0L, tv.hi))};
            k.judged = std::pair{std::size_t(std::max(0L, tj.lo)), std::size_t(std::max(0L, tj.hi))};
            k.unknown = std::pair{std::size_t(std::max(0L, tu.lo)), std::size_t(std::max(0L, tu.hi))};
            if (tv.size() < 1 || tj.size() < 1 || tu.size() < 1) return false;  // cannot be: keep it back
            t = total_spans(*this, total, sums, k);
        }
    for (const auto& [n, span] : {std::pair{total.compliant, t.c}, {total.violations, t.v}, {total.unknown, t.u}})
        if (suppressed(n) && span.size() < 3) return false;
    // Per measure (violations, judged, unknown): the groups add up to the total.
    const std::array<std::pair<std::size_t (*)(const RuleCounts&), Span>, 3> measures = {
        std::pair{+[](const RuleCounts& c) { return c.violations; }, t.v},
        std::pair{+[](const RuleCounts& c) { return c.violations + c.compliant; }, t.judged},
        std::pair{+[](const RuleCounts& c) { return c.unknown; }, t.u}};
    for (const auto& [measure, whole] : measures) {
        std::vector<std::size_t> parts;
        for (const RuleCounts& g : groups) parts.push_back(measure(g));
        if (!parts_safe(*this, parts, measure(total), whole)) return false;
    }
    return true;
}

bool Disclosure::parts_shown(const std::vector<std::size_t>& parts, std::size_t total) const {
    if (!publication) return true;
    const auto [lo, hi] = range(total);
    return parts_safe(*this, parts, total, {long(lo), long(hi)});
}

bool Disclosure::parts_shown(const std::vector<std::size_t>& parts, std::size_t total,
                             std::pair<std::size_t, std::size_t> whole) const {
    if (!publication) return true;
    if (whole.first > whole.second) return false;  // the tables disagree: keep the parts back
    return parts_safe(*this, parts, total, {long(whole.first), long(whole.second)});
}

std::optional<ShownRate> Disclosure::worst_case(const RuleCounts& c, bool rate_shown) const {
    if (!rate_shown || c.unknown == 0 || c.unknown * 10 < c.applicable || suppressed(c.unknown)) return std::nullopt;
    const std::size_t v = shown(c.violations) + shown(c.unknown);
    return rate_of_shown(v, shown(c.compliant) + v);
}

std::string Disclosure::percent(double fraction) const {
    return publication ? fmt::format("{:.0f}", std::round(fraction * 100)) : percent_nl(fraction);
}

}  // namespace wmotoets
