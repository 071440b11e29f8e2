#pragma once
// Privacy check of docs/spec/event-log.md: does a value look like a BSN (burgerservicenummer)?
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wmotoets {

// Nine digits (or eight, read with a leading zero), also written 3-3-3, 4-2-3 or 3-2-4 with dots,
// spaces or hyphens, that pass the elfproef and are not all zeros.
bool looks_like_bsn(std::string_view value);
// Updated 2026-11-29 (docs/spec/event-log.md "Privacy"): a possible BSN is also looked for as a separate
// group inside a value ("D0-123456782", "cliënt 123 456 782 belde"): a maximal run of 8 or 9
// digits, or 3-3-3 / 4-2-3 / 3-2-4 digits with one kind of separator, that passes the elfproef.
// Fewer than eight digits in all: no group (checked first, cheaply).
inline bool may_hold_bsn(std::string_view value) {
    if (value.size() < 8) return false;
    int digits = 0;
    for (const char c : value)
        if (c >= '0' && c <= '9' && ++digits == 8) return true;
    return false;
}
// The [begin, end) byte ranges of every possible BSN in `value`, in order.
std::vector<std::pair<std::size_t, std::size_t>> bsn_groups(std::string_view value);
inline bool holds_bsn(std::string_view value) { return may_hold_bsn(value) && !bsn_groups(value).empty(); }
// `value` with every group replaced by `[BSN?]` (attributes and file names, before storing).
inline constexpr std::string_view kBsnReplacement = "[BSN?]";
std::string replace_bsn_groups(std::string_view value);
// `value` with every group masked for a person's eyes: the first four digits kept, the other
// digits '*' ("1234*****", "D0-1234*****", "111.2**.***").
std::string mask_bsn_groups(std::string_view value);

// Does this column name suggest a BSN (bsn, burgerservicenummer, inpBsn, …)?
bool bsn_column_name(std::string_view column);
// The value with all but its last two digits hidden, for messages: "*******89".
std::string mask_number(std::string_view value);

}  // namespace wmotoets
