#pragma once
// Privacy check of event-log.md: does a value look like a BSN (burgerservicenummer)?
#include <string>
#include <string_view>

namespace wmotoets {

// Nine digits (or eight, read with a leading zero), also written 3-3-3 or 4-2-3 with dots,
// spaces or hyphens, that pass the elfproef and are not all zeros.
bool looks_like_bsn(std::string_view value);
// Does this column name suggest a BSN (bsn, burgerservicenummer, inpBsn, …)?
bool bsn_column_name(std::string_view column);
// The value with all but its last two digits hidden, for messages: "*******89".
std::string mask_number(std::string_view value);

}  // namespace wmotoets
