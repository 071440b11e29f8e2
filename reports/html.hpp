#pragma once
// What every HTML page of Wmo-toets shares: escaping, the report's style sheet and the colours
// of the severities.
#include <string>
#include <string_view>

#include "model/severity.hpp"

namespace wmotoets {

// Text as HTML: & < > " escaped.
std::string html_escape(std::string_view s);
// A fragment as a browser matches it against an id ("rapport.html#dossier-" + it): bytes outside the
// unreserved set percent-encoded.
std::string html_fragment(std::string_view id);
// The style sheet of rapport.html, shared by the pages beside it (scheiding.html).
const char* report_style();
// A severity's colour in every chart: dark red, orange, light blue.
const char* severity_colour(Severity severity);

}  // namespace wmotoets
