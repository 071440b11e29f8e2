#pragma once
// A reporting period (issue 28): the cohort of cycles a report is about. Which cycles count is
// decided by the date of the cycle's opener (melding or herbeoordeling); every other event of those
// cycles counts whenever it happened, up to the peildatum.
#include <optional>
#include <string>
#include <string_view>

#include "model/date.hpp"

namespace wmotoets {

struct Period {
    Date van, tot;  // both inclusive
    bool contains(Date d) const { return van <= d && d <= tot; }
    int days() const { return tot - van + 1; }
    // "2024", "2024-K2", "2024-03" where the period is exactly that year, quarter or month; else
    // "2024-01-15/2024-06-30". Short, for a column head and the store.
    std::string label() const;
    // For people: "2024", "het tweede kwartaal van 2024", "maart 2024", "15 januari 2024 tot en met
    // 30 juni 2024".
    std::string words() const;
    // The period of the same length just before it: the year before a year, the quarter before a
    // quarter, the month before a month; else as many days, ending the day before `van`.
    Period previous() const;
    bool operator==(const Period&) const = default;
};

// "2024", "2024-K2" (also "2024-k2", "2024K2"), "2024-03", or "2024-01-15/2024-06-30"; none when the
// text is none of these.
std::optional<Period> parse_period(std::string_view text);

// The period of --periode, or of --van and --tot (either may be left out when the other names the
// period's edge: --van alone runs to `last`, --tot alone from `first`); Error (in Dutch) when the
// text is not a period, --periode comes with --van/--tot, or the end is before the start.
std::optional<Period> period_from_options(const std::string& periode, const std::string& van, const std::string& tot,
                                          Date first, Date last);

// The quarter a date falls in: "2024-K2".
std::string quarter_of(Date d);

}  // namespace wmotoets
