#pragma once
// Timestamps of docs/spec/event-log.md, converted to Europe/Amsterdam local date and time.
#include <cstdint>
#include <optional>
#include <string_view>

#include "model/date.hpp"

namespace wmotoets {

struct LocalTimestamp {
    Date date;
    std::int32_t ms = -1;  // milliseconds since local midnight; -1 = date-only
};

// Offset of Europe/Amsterdam from UTC, in minutes, at a UTC instant (seconds since the epoch):
// CET (+60) and CEST (+120) from the last Sunday of March 01:00 UTC until the last Sunday of
// October (September before 1996) 01:00 UTC; EU rules, valid from 1981.
int amsterdam_offset_minutes(std::int64_t utc_seconds);

// YYYY-MM-DD, YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH:MM], DD-MM-YYYY and D-M-YYYY [HH:MM[:SS]].
std::optional<LocalTimestamp> parse_timestamp(std::string_view text);

}  // namespace wmotoets
