#pragma once
// Shared by the INF rules: notices (informatie_clientondersteuning) and who they were for.
#include <optional>

#include "model/text.hpp"
#include "workflow/facts.hpp"

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

}  // namespace wmotoets::rules
