#pragma once
// Shared by INF-07 and INF-08: was the client told of something during the onderzoek — a notice of
// its own (informatie_pgb, informatie_bijdrage), or a gesprek or verslag with the attribute `key`
// saying ja — before or at the cycle's first verslag?
#include "util/text.hpp"
#include "workflow/rule.hpp"
#include "workflow/terms.hpp"

namespace wmotoets::rules {

inline bool told_by_verslag(const DossierFacts& f, const Cycle& c, Pos verslag, Activity notice, std::string_view key) {
    for (Pos p = c.begin; p <= verslag && p < c.end; ++p) {
        const Activity a = f.activity(p);
        if (a == notice) return true;
        if ((a == Activity::gesprek || a == Activity::verslag) && parse_yes_no(f.attr(p, key)).value_or(false))
            return true;
    }
    return false;
}

// The werkvoorraad of INF-07 and INF-08 in a cycle without a verslag yet: an onderzoek under way (opened by
// a melding, a gesprek held, not closed) where the client was not told yet; `todo` says what to do, `what`
// names the subject ("het persoonsgebonden budget").
inline RuleResult due_before_verslag(const DossierFacts& f, const RuleContext& ctx, const Cycle& c, Activity notice,
                                     std::string_view key, std::string_view todo, std::string_view what) {
    RuleResult r;
    const auto moment = c.onderzoek_moment();
    if (!f.opened_by_melding(c) || !moment || closed_after(f, *c.opener, c.end) ||
        told_by_verslag(f, c, c.end - 1, notice, key))
        return r;
    r.still_due(OpenKind::stap, {*moment}, std::string(todo), ctx.say([&] {
        return "Het onderzoek loopt sinds het " + std::string(activity_words(f.activity(*moment))) + " van " +
               f.date(*moment).dutch_long() + "; nog geen verslag en nog niets over " + std::string(what);
    }));
    return r;
}

}  // namespace wmotoets::rules
