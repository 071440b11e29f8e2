#pragma once
// Shared by the INF rules: notices (informatie_clientondersteuning) and who they were for.
#include <optional>

#include "model/text.hpp"
#include "workflow/facts.hpp"
#include "workflow/rule.hpp"

namespace wmotoets::rules {

enum class NoticeFor { client, mantelzorger, beide, anders };

// The `aan` attribute of a notice; absent counts as client (event-log.md).
inline NoticeFor notice_for(const CaseFacts& f, Pos p) {
    const std::string v = fold_label(f.log->attr(f.event(p), "aan"));
    if (v.empty() || v == "client") return NoticeFor::client;
    if (v == "mantelzorger") return NoticeFor::mantelzorger;
    if (v == "beide") return NoticeFor::beide;
    return NoticeFor::anders;
}

// INF-01 / INF-02: is there a notice for `who` before the cycle's onderzoek moment?
// Returns the outcome and fills `late` with the first such notice after it, if any.
template <class Accept>
bool notice_before(const CaseFacts& f, const Cycle& c, Pos moment, Accept accept, std::optional<Pos>& late) {
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
RuleResult judge_notice_before_onderzoek(const CaseFacts& f, std::string_view who, Accept accept) {
    return per_cycle(f, [&](const Cycle& c) {
        RuleResult r;
        const auto moment = c.onderzoek_moment();
        if (!moment) return r;
        std::optional<Pos> late;
        if (notice_before(f, c, *moment, accept, late)) {
            r.outcome = Outcome::voldaan;
            return r;
        }
        r.outcome = Outcome::overtreden;
        Finding fi;
        fi.date = f.event(*moment).date;
        fi.events.push_back(*moment);
        fi.message = "Geen wijzing aan " + std::string(who) + " vóór het " +
                     std::string(activity_name(f.activity(*moment))) + " op " + fi.date.dutch_long();
        if (late) {
            const Date late_date = f.event(*late).date;
            fi.message += late_date == fi.date ? "; die kwam pas daarna, op dezelfde dag"
                                               : "; die kwam pas na het onderzoek, op " + late_date.dutch_long();
            fi.events.push_back(*late);
        }
        r.findings.push_back(std::move(fi));
        return r;
    });
}

}  // namespace wmotoets::rules
