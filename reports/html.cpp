#include "reports/html.hpp"

#include <fmt/format.h>

namespace wmotoets {

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

namespace {

constexpr const char* kStyle =
    R"(body{font-family:system-ui,"Segoe UI",Arial,sans-serif;margin:2em auto;max-width:60em;color:#111;line-height:1.4;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:2em;border-bottom:2px solid #1f4e79;color:#1f4e79}
h3{font-size:1.05em;margin:1.2em 0 .3em}table{border-collapse:collapse;width:100%;font-size:.88em;margin:.5em 0}
th,td{border:1px solid #bbb;padding:.25em .4em;text-align:left;vertical-align:top}th{background:#e8eef5}
td.n{text-align:right;font-variant-numeric:tabular-nums}td:first-child{white-space:nowrap}td.hash{word-break:break-all;font-size:.75em}.muted{color:#555}.x{color:#a00;font-weight:600}
.finding{background:#fff4f4}div.d{content-visibility:auto;contain-intrinsic-size:auto 7em;margin:.6em 0;scroll-margin-top:7em}
div.d>p{background:#f4f6f9;font-weight:600;margin:0;padding:.25em .4em;border:1px solid #bbb;border-bottom:none}
div.d>table{table-layout:fixed;margin:0}div.d>table td:nth-child(1){width:5.5em;color:#a00;font-weight:600}
div.d>table td:nth-child(2){width:3em;text-align:right}div.d>table td:nth-child(3){width:8.5em;white-space:nowrap}
div.d>table td:nth-child(5){width:15em;font-size:.85em}.zoeken{position:sticky;top:0;background:#fff;padding:.4em 0;border-bottom:1px solid #ccc;z-index:1}
.zoeken label{margin-right:.8em}table.tl{font-size:.95em;margin:.3em 0}details summary{cursor:pointer;color:#1f4e79}
.wide{overflow-x:auto;max-width:100%}@media print{.zoeken{display:none}}.small{font-size:.85em}svg text{font-family:inherit;font-size:11px}
.nr{margin-right:.45em;color:#555}.trend svg{margin:0 .6em .4em 0}.caption{font-size:.8em;color:#444;margin:.2em 0 1em}.toc ol{columns:2;font-size:.9em}
.toc-h{border:none;margin-top:1em}.swatch{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 .6em;vertical-align:middle;border:1px solid #555}
@media print{body{margin:0;max-width:none;font-size:10pt}h2,h3,.caption+h3{break-after:avoid}tr,svg,.legend{break-inside:avoid}
thead{display:table-header-group}a{color:inherit;text-decoration:none}nav.toc{break-after:page}}
@media (max-width:40em){body{padding:0 .5em;margin:1em auto;overflow-wrap:break-word}table{display:block;overflow-x:auto;max-width:100%}
svg{max-width:100%;height:auto}.toc ol{columns:1}div.d,details{overflow-x:auto;max-width:100%}}
header.cover .org{font-size:1.2em;margin:.2em 0}dl.colofon dt{font-weight:600;margin-top:.4em}dl.colofon dd{margin-left:1.2em}
span.hash{word-break:break-all;font-size:.8em;color:#555}td.n span.sub{display:block;font-size:.85em;color:#444}
@media print{header.cover{break-after:page;padding-top:35%}header.cover h1{font-size:2.2em}}
@page{size:A4;margin:18mm 14mm 18mm 14mm;@bottom-right{content:"pagina " counter(page) " van " counter(pages);font-size:8pt;color:#444}}
)";

}  // namespace

const char* report_style() { return kStyle; }

std::string html_fragment(std::string_view id) {
    std::string out;
    for (const char ch : id) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~')
            out += ch;
        else out += fmt::format("%{:02X}", c);
    }
    return out;
}

// Severity colours: dark red, orange, light blue — apart in lightness, so also in greyscale and
// for colour-blind readers; the legend names them.
const char* severity_colour(Severity severity) {
    switch (severity) {
    case Severity::overtreding: return "#8e1b1b";
    case Severity::aandachtspunt: return "#e08214";
    case Severity::signaal: return "#9ecae1";
    }
    return "#9ecae1";
}

}  // namespace wmotoets
