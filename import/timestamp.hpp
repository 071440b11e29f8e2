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

// YYYY-MM-DD, YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH:MM], DD-MM-YYYY and D-M-YYYY [HH:MM[:SS]]:
// false when the text is none of these (`out` then undefined). The reader of every row calls
// this one: an optional returned across the call was read back before its flag's store landed.
bool read_timestamp(std::string_view text, LocalTimestamp& out);
inline std::optional<LocalTimestamp> parse_timestamp(std::string_view text) {
    LocalTimestamp ts;
    if (read_timestamp(text, ts)) return ts;
    return std::nullopt;
}

}  // namespace wmotoets
