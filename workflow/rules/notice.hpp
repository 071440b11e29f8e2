#pragma once
// Shared by the INF rules: notices (informatie_clientondersteuning) and who they were for.
#include <optional>

#include "util/text.hpp"
#include "workflow/facts.hpp"
#include "workflow/rule.hpp"
#include "workflow/terms.hpp"

namespace wmotoets::rules {

enum class NoticeFor { client, mantelzorger, beide, vertegenwoordiger, anders };

// The `aan` attribute of a notice; absent counts as client (docs/spec/event-log.md).
inline NoticeFor notice_for(const DossierFacts& f, Pos p) {
    const std::string_view given = f.log->attr(f.event(p), "aan");
    // Mostly already written as the spec writes it: then no folding.
    if (given.empty() || given == "client") return NoticeFor::client;
    if (given == "mantelzorger") return NoticeFor::mantelzorger;
    if (given == "beide") return NoticeFor::beide;
    const std::string v = fold_label(given);
    if (v.empty() || v == "client") return NoticeFor::client;
    if (v == "mantelzorger") return NoticeFor::mantelzorger;
    if (v == "beide") return NoticeFor::beide;
    if (v == "vertegenwoordiger") return NoticeFor::vertegenwoordiger;
    return NoticeFor::anders;
}

// INF-01 / INF-02: is there a notice for `who` before the cycle's onderzoek moment?
// Returns the outcome and fills `late` with the first such notice after it, if any.
template <class Accept>
bool notice_before(const DossierFacts& f, const Cycle& c, Pos moment, Accept accept, std::optional<Pos>& late) {
    for (Pos p = c.begin; p < c.end; ++p) {
        if (f.activity(p) != Activity::informatie_clientondersteuning || !accept(notice_for(f, p))) continue;
        if (p < moment) return true;
        if (!late) late = p;
    }
    return false;
}

// INF-01 / INF-02, per cycle with an onderzoek moment: met when a notice that `accept`s its
// addressee comes before that moment; otherwise one finding that names the moment and a later
// notice, if any. `who` names the addressee in the message ("de cliënt").
template <class Accept>
RuleResult judge_notice_before_onderzoek(const DossierFacts& f, const RuleContext& ctx, std::string_view who,
                                         Accept accept) {
    return per_cycle(f, [&](const Cycle& c) {
        RuleResult r;
        const auto moment = c.onderzoek_moment();
        if (!moment) {
            // Werkvoorraad: the onderzoek has not started, so the notice can still come first.
            std::optional<Pos> none;
            if (c.opener && !closed_after(f, *c.opener, c.end) && !notice_before(f, c, c.end, accept, none))
                r.still_due(OpenKind::stap, {*c.opener}, ctx.say([&] {
                    return "vóór het gesprek " + std::string(who) + " wijzen op gratis cliëntondersteuning";
                }),
                            ctx.say([&] {
                                return std::string(activity_words(f.activity(*c.opener))) + " op " +
                                       f.date(*c.opener).dutch_long() +
                                       "; nog geen gesprek en nog geen informatie over "
                                       "cliëntondersteuning aan " +
                                       std::string(who);
                            }));
            return r;
        }
        std::optional<Pos> late;
        if (notice_before(f, c, *moment, accept, late)) {
            r.outcome = Outcome::voldaan;
            return r;
        }
        r.outcome = Outcome::overtreden;
        Finding fi;
        fi.date = f.event(*moment).date;
        fi.events.push_back(*moment);
        std::string subject(who);
        if (!subject.empty()) subject[0] = 'D';  // "de cliënt" → "De cliënt"
        fi.message = ctx.say([&] {
            return subject + " is niet vóór het " + std::string(activity_words(f.activity(*moment))) + " op " +
                   fi.date.dutch_long() + " gewezen op gratis cliëntondersteuning";
        });
        if (late) {
            // During the onderzoek (before its verslag, or with none yet) or after it.
            const Date late_date = f.event(*late).date;
            const bool after = c.first_verslag && *c.first_verslag < *late;
            if (ctx.words)
                fi.message += late_date == fi.date ? "; dat gebeurde pas daarna, op dezelfde dag"
                              : after
                                  ? "; dat gebeurde pas na het onderzoek, op " + late_date.dutch_long()
                                  : "; dat gebeurde pas na het begin van het onderzoek, op " + late_date.dutch_long();
            fi.events.push_back(*late);
        }
        r.findings.push_back(std::move(fi));
        return r;
    });
}

}  // namespace wmotoets::rules

namespace wmotoets::rules {

// INF-03 / INF-04: the cycle's notices before its onderzoek moment (all of them when it has
// none) must say `key`=ja in at least one; overtreden when all say nee; otherwise onbekend.
// `says` is what the notice should have said ("dat de ondersteuning gratis is").
inline RuleResult judge_notice_attribute(const DossierFacts& f, const RuleContext& ctx, std::string_view key,
                                         std::string_view says) {
    return per_cycle(f, [&](const Cycle& c) {
        RuleResult r;
        const auto moment = c.onderzoek_moment();
        const Pos until = moment ? *moment : c.end;
        std::vector<Pos> notices;
        bool yes = false, all_no = true;
        for (Pos p = c.begin; p < until; ++p) {
            if (f.activity(p) != Activity::informatie_clientondersteuning) continue;
            notices.push_back(p);
            const auto v = parse_yes_no(f.attr(p, key));
            yes = yes || v.value_or(false);
            all_no = all_no && v.has_value() && !*v;
        }
        if (notices.empty()) return r;
        if (yes) r.outcome = Outcome::voldaan;
        else if (!all_no) r.outcome = Outcome::onbekend;
        else {
            Finding& fi = r.violated(f.date(notices.back()), notices, ctx.say([&] {
                const std::string which = notices.size() == 1 ? "De informatie over cliëntondersteuning van " +
                                                                    f.date(notices[0]).dutch_long() + " noemt niet "
                                                              : "Geen van de " + std::to_string(notices.size()) +
                                                                    " berichten over cliëntondersteuning noemt ";
                return which + std::string(says);
            }));
            if (moment && ctx.words) fi.message += ", en dat vóór het onderzoek op " + f.date(*moment).dutch_long();
        }
        return r;
    });
}

}  // namespace wmotoets::rules
