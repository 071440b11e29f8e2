#include "reports/writers.hpp"

#include "reports/lead_times.hpp"
#include "reports/run_record.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <fmt/format.h>
#include <future>
#include <iterator>
#include <nlohmann/json.hpp>
#include <span>
#include <thread>
#include <unordered_map>

#include "util/byte_scan.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace wmotoets {

std::string percent_nl(double v) {
    std::string s = fmt::format("{:.1f}", v * 100.0);
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

namespace {

double round4(double v) { return std::round(v * 10000.0) / 10000.0; }

}  // namespace

std::string csv_field(std::string_view text) {
    // Neutral: nothing hidden (control characters shown), nothing a spreadsheet runs as a formula.
    const std::string cell = spreadsheet_safe(needs_showing(text) ? shown_text(text) : std::string(text));
    const std::string_view v = cell;
    if (v.find_first_of(";\"\n\r") == std::string_view::npos) return cell;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

bool has_overtreding(const CheckResult& result) {
    if (result.any_overtreding) return true;
    for (const CaseFinding& f : result.findings)
        if (result.rules[f.rule]->info().severity == Severity::overtreding) return true;
    return false;
}

namespace {

// Appends a JSON string literal (UTF-8 passes through; quotes, backslashes and control
// characters escaped). Runs without any of those are found sixteen bytes at a time.
void append_json_string(std::string& out, std::string_view v) {
    out += '"';
    std::size_t plain = 0;  // start of the run of characters that need no escape
    std::size_t i = 0;
    for (;;) {
        while (i + scan::kBlock <= v.size()) {
            const unsigned special = scan::control(v.data() + i) | scan::any_of(v.data() + i, '"', '\\');
            if (special != 0) {
                i += static_cast<std::size_t>(__builtin_ctz(special));
                break;
            }
            i += scan::kBlock;
        }
        while (i < v.size()) {
            const auto c = static_cast<unsigned char>(v[i]);
            if (c < 0x20 || c == '"' || c == '\\') break;
            ++i;
        }
        if (i >= v.size()) break;
        const auto c = static_cast<unsigned char>(v[i]);
        out.append(v.data() + plain, i - plain);
        plain = ++i;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: out += fmt::format("\\u{:04x}", c);
        }
    }
    out.append(v.data() + plain, v.size() - plain);
    out += '"';
}

void append_number(std::string& out, std::uint64_t n) {
    char digits[20];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, end);
}

std::string json_string(std::string_view v) {
    std::string out;
    append_json_string(out, v);
    return out;
}

std::string json_number(double v) { return nlohmann::json(round4(v)).dump(); }

std::string_view path_of(const EventLog& log, std::size_t file) {
    return file < log.inputs.size() ? std::string_view(log.inputs[file].path) : std::string_view("?");
}

// ---- text: one line per finding, cases apart by a blank line, then the figures ----

std::string text_head(const EventLog&, std::optional<Date>) { return {}; }

void text_finding(std::string& buf, FormatCache& cache, const EventLog& log, const std::vector<RuleText>& rules,
                  const FindingView& f) {
    if (!cache.any || f.case_id != cache.last_case) buf += '\n';  // before every case (the very first one goes)
    cache.any = true;
    cache.last_case.assign(f.case_id);
    const RuleText& rule = rules[f.rule];
    append_shown(buf, f.case_id);  // control characters from the input never reach a terminal raw
    buf += ' ';
    if (f.rows.empty()) {
        buf += '-';
    } else {
        append_shown(buf, path_of(log, f.rows.front().file));
        buf += ':';
        buf += std::to_string(f.rows.front().line);
    }
    buf += ": ";
    buf += severity_name(rule.severity);
    buf += ' ';
    buf += rule.id;
    buf += ' ';
    append_shown(buf, rule.title);
    buf += " — ";
    append_shown(buf, f.message);
    buf += '\n';
}

std::string text_tail(const RunTail& d, bool any_findings) {
    const EventLog& log = d.log;
    std::string out = any_findings ? "\n" : "";
    if (d.findings_counted)
        out += fmt::format("Alleen cijfers (--alleen-cijfers): {} geteld, niet per dossier opgesomd.\n\n",
                           counted(*d.findings_counted, "bevinding", "bevindingen"));
    std::size_t rows = 0, used = 0, rejected = 0;
    for (const InputFile& in : log.inputs) {
        rows += in.rows;
        used += in.used;
        rejected += in.rejected;
    }
    out += fmt::format("Cijfers per regel — {}, {} gebruikt ({} gelezen, {} afgekeurd); peildatum {}\n",
                       counted(log.dossiers.size() - d.outside_period, "dossier", "dossiers"),
                       counted(used, "gebeurtenis", "gebeurtenissen"), counted(rows, "rij", "rijen"), grouped(rejected),
                       d.peildatum ? d.peildatum->dutch_long() : std::string("onbekend (geen gebeurtenissen)"));
    if (d.period)
        out += fmt::format(
            "Periode: {} — alleen de meldingen en herbeoordelingen van die periode, met alles wat daarna in die "
            "dossiers gebeurde; {} zonder melding in de periode niet meegeteld\n",
            d.period->words(), counted(d.outside_period, "dossier", "dossiers"));
    // A log without anything the rules look at (a permit log read with --behoud-onbekend) gets a
    // sentence, not a table of zeros.
    const bool none_applies =
        std::none_of(d.figures.begin(), d.figures.end(), [](const auto& f) { return f.applicable > 0; });
    if (none_applies) {
        out +=
            "Geen van de Wmo-regels is van toepassing: geen dossier heeft een gebeurtenis waar een regel over gaat "
            "(melding, gesprek, aanvraag, besluit, bezwaar …).\n";
    } else {
        out += fmt::format("{:<8} {:<13} {:>9} {:>8} {:>9} {:>8} {:>10}  {}\n", "regel", "ernst", "van toep.",
                           "voldaan", kDeviationsHeading, "onbekend", "% afwijkend", "95%-interval");
        for (const RunRecord::Figure& f : d.figures) {
            // "." as CBS writes "cijfer onbekend" (issue 28): nothing judged.
            const std::string rate = f.rate ? percent_nl(*f.rate) : ".";
            const std::string ci = f.lo && f.hi ? percent_nl(*f.lo) + "–" + percent_nl(*f.hi) : ".";
            out += fmt::format("{:<8} {:<13} {:>9} {:>8} {:>9} {:>8} {:>10}  {}\n", f.rule, severity_name(f.severity),
                               grouped(f.applicable), grouped(f.compliant), grouped(f.violations), grouped(f.unknown),
                               rate, ci);
        }
        out += std::string(kDeviationsKey) +
               ".\npercentage = afwijkend / (voldaan + afwijkend); onbekend staat ernaast en telt "
               "in geen van beide mee.\n";
        if (std::any_of(d.figures.begin(), d.figures.end(), [](const auto& f) { return !f.rate; }))
            out += "Tekens: . = cijfer onbekend of niet te berekenen (niets beoordeeld).\n";
    }
    if (std::none_of(d.lead_times.begin(), d.lead_times.end(), [](const auto& l) { return l.started > 0; })) return out;
    out +=
        "\nDoorlooptijden in dagen (Aalen–Johansen: lopende dossiers tellen mee tot de peildatum, wie afhaakte "
        "telt als ander einde)\n";
    out += fmt::format("{:<20} {:>8} {:>9} {:>7} {:>9} {:>7} {:>7} {:>9} {:>5} {:>5} {:>19}\n", "fase", "gestart",
                       "afgerond", "lopend", "beëindigd", "anders", "mediaan", "95%", "p75", "p90",
                       "afgerond/beëind./open");
    auto days = [](std::optional<int> v, bool nooit) {
        return v ? std::to_string(*v) : std::string(nooit ? "nooit" : ".");
    };
    auto share = [](int v) { return fmt::format("{},{:02}", v / 100, v % 100); };
    for (const RunRecord::LeadTime& l : d.lead_times) {
        // An interval whose upper end the curve does not reach reads "≥ 31".
        const std::string ci = l.mediaan_lo && l.mediaan_hi ? fmt::format("{}–{}", *l.mediaan_lo, *l.mediaan_hi)
                               : l.mediaan_lo               ? fmt::format("≥{}", *l.mediaan_lo)
                               : l.mediaan_hi               ? fmt::format("≤{}", *l.mediaan_hi)
                                                            : std::string(".");
        out += fmt::format("{:<20} {:>8} {:>9} {:>7} {:>9} {:>7} {:>7} {:>9} {:>5} {:>5} {:>19}\n", l.phase,
                           grouped(l.started), grouped(l.completed), grouped(l.running), grouped(l.ended),
                           grouped(l.zonder_aanvraag + l.zonder_gesprek), days(l.mediaan, l.nooit[0]), ci,
                           days(l.p75, l.nooit[1]), days(l.p90, l.nooit[2]),
                           share(l.share_completed) + "/" + share(l.share_ended) + "/" + share(l.share_open) + " %");
    }
    out +=
        "Tekens: . = nog niet te schatten (te veel dossiers lopen nog); nooit = dat aandeel wordt niet meer gehaald "
        "(te veel "
        "dossiers eindigden anders).\nanders = zonder gesprek (eerst een verslag) of zonder aanvraag (42 dagen na het "
        "verslag); beëindigd = ingetrokken of gesloten. 95% = betrouwbaarheidsinterval van de mediaan (≥ 31: de "
        "bovengrens wordt nog niet bereikt).\n";
    return out;
}

// ---- JSON (schema wmotoets/1): every input, finding, figure and outcome on one line ----

std::string json_head(const EventLog& log, std::optional<Date> peildatum) {
    std::string buf = "{\n  \"schema\": \"wmotoets/1\",\n  \"peildatum\": ";
    buf += peildatum ? json_string(peildatum->iso()) : "null";
    buf += ",\n  \"inputs\": [";
    for (std::size_t i = 0; i < log.inputs.size(); ++i) {
        const InputFile& in = log.inputs[i];
        buf += fmt::format(
            "{}\n    {{\"path\": {}, \"sha256\": {}, \"format\": {}, \"mapping\": {}, \"rows\": {}, \"used\": {}, "
            "\"rejected\": {}, \"skipped\": {}, \"possible_bsn\": {}, \"windows1252\": {}}}",
            i ? "," : "", json_string(in.path), json_string(in.sha256), json_string(in.format),
            in.mapping.empty() ? std::string("null") : json_string(in.mapping), in.rows, in.used, in.rejected,
            in.skipped, in.possible_bsn, in.windows1252 ? "true" : "false");
    }
    buf += log.inputs.empty() ? "]" : "\n  ]";
    buf += fmt::format(",\n  \"cases\": {},\n  \"findings\": [", log.dossiers.size());
    return buf;
}

// Sizes the per-rule and per-file parts of a cache for this run.
void prepare(FormatCache& cache, const EventLog& log, const std::vector<RuleText>& rules) {
    if (cache.rule_part.size() < rules.size()) {
        cache.rule_part.resize(rules.size());
        cache.basis_part.resize(rules.size());
    }
    if (cache.path_part.size() < log.inputs.size()) cache.path_part.resize(log.inputs.size());
}

// Each finding on a line of its own, after a separating comma (the very first one's goes). What
// every finding of a rule, and every event of a file, repeats is escaped once per cache.
void json_finding(std::string& buf, FormatCache& cache, const EventLog& log, const std::vector<RuleText>& rules,
                  const FindingView& f) {
    prepare(cache, log, rules);
    std::string& rule = cache.rule_part[f.rule];
    if (rule.empty()) {
        rule = ", \"rule\": ";
        append_json_string(rule, rules[f.rule].id);
        rule += ", \"severity\": ";
        append_json_string(rule, severity_name(rules[f.rule].severity));
    }
    buf += ",\n    {\"case_id\": ";
    append_json_string(buf, f.case_id);
    buf += rule;
    // Appended piece by piece: six million findings are too many to parse a format string for each.
    buf += ", \"cycle\": ";
    append_number(buf, f.cycle);
    buf += ", \"date\": \"";
    buf += f.date.iso();
    buf += "\", \"deadline\": ";
    if (f.deadline) {
        buf += '"';
        buf += f.deadline->iso();
        buf += '"';
    } else {
        buf += "null";
    }
    buf += ", \"message\": ";
    append_json_string(buf, f.message);
    std::string& basis = cache.basis_part[f.rule];
    if (basis.empty()) {
        basis = ", \"basis\": ";
        append_json_string(basis, rules[f.rule].basis);
        basis += ", \"events\": [";
    }
    buf += basis;
    for (std::size_t k = 0; k < f.rows.size(); ++k) {
        const SourceRow& row = f.rows[k];
        buf += k ? ", {\"file\": " : "{\"file\": ";
        if (row.file < cache.path_part.size()) {
            std::string& path = cache.path_part[row.file];
            if (path.empty()) append_json_string(path, path_of(log, row.file));
            buf += path;
        } else {
            append_json_string(buf, path_of(log, row.file));
        }
        buf += ", \"line\": ";
        append_number(buf, row.line);
        buf += ", \"activity\": ";
        append_json_string(buf, row.activity);
        buf += '}';
    }
    buf += "]}";
}

std::string json_tail(const RunTail& d, bool any_findings) {
    std::string buf = any_findings ? "\n  ]" : "]";
    if (d.findings_counted)  // --alleen-cijfers: no findings listed, no werkvoorraad; said so, with the count
        buf += fmt::format(",\n  \"alleen_cijfers\": true,\n  \"bevindingen_geteld\": {}", *d.findings_counted);
    buf += ",\n  \"figures\": [";
    for (std::size_t i = 0; i < d.figures.size(); ++i) {
        const RunRecord::Figure& f = d.figures[i];
        const std::string ci = f.lo && f.hi ? fmt::format("[{}, {}]", json_number(*f.lo), json_number(*f.hi)) : "null";
        buf += fmt::format(
            "{}\n    {{\"rule\": {}, \"title\": {}, \"severity\": {}, \"applicable\": {}, \"compliant\": {}, "
            "\"violations\": {}, \"unknown\": {}, \"rate\": {}, \"ci95\": {}}}",
            i ? "," : "", json_string(f.rule), json_string(f.title), json_string(severity_name(f.severity)),
            f.applicable, f.compliant, f.violations, f.unknown, f.rate ? json_number(*f.rate) : "null", ci);
    }
    buf += d.figures.empty() ? "]" : "\n  ]";
    buf += ",\n  \"doorlooptijden\": [";
    auto days = [](std::optional<int> v) { return v ? std::to_string(*v) : std::string("null"); };
    auto share = [](int v) { return fmt::format("{}.{:04}", v / 10000, v % 10000); };
    for (std::size_t i = 0; i < d.lead_times.size(); ++i) {
        const RunRecord::LeadTime& l = d.lead_times[i];
        std::string other;  // the competing end of its own kind, in the one phase that has it
        if (l.phase == "melding-besluit") other = fmt::format(", \"zonder_aanvraag\": {}", l.zonder_aanvraag);
        if (l.phase == "melding-gesprek") other = fmt::format(", \"zonder_gesprek\": {}", l.zonder_gesprek);
        buf += fmt::format(
            "{}\n    {{\"fase\": {}, \"gestart\": {}, \"afgerond\": {}, \"lopend\": {}, \"beeindigd\": {}{}, "
            "\"mediaan\": {}, \"p75\": {}, \"p90\": {}, \"mediaan_95\": [{}, {}], \"aandeel_afgerond\": {}, "
            "\"aandeel_beeindigd\": {}, \"aandeel_open\": {}}}",
            i ? "," : "", json_string(l.phase), l.started, l.completed, l.running, l.ended, other, days(l.mediaan),
            days(l.p75), days(l.p90), days(l.mediaan_lo), days(l.mediaan_hi), share(l.share_completed),
            share(l.share_ended), share(l.share_open));
    }
    buf += d.lead_times.empty() ? "]" : "\n  ]";
    if (d.period)
        buf += fmt::format(",\n  \"periode\": {{\"van\": \"{}\", \"tot\": \"{}\", \"buiten_periode\": {}}}",
                           d.period->van.iso(), d.period->tot.iso(), d.outside_period);
    // The werkvoorraad (issue 29; docs/werkvoorraad.md): every open item, in the run's order.
    buf += ",\n  \"werkvoorraad\": [";
    for (std::size_t i = 0; i < d.open.size(); ++i) {
        const RunRecord::Open& o = d.open[i];
        buf += i ? ",\n    {\"case_id\": " : "\n    {\"case_id\": ";
        append_json_string(buf, o.case_id);
        buf += fmt::format(", \"rule\": {}, \"cycle\": {}, \"soort\": {}, \"deadline\": {}", json_string(o.rule),
                           o.cycle, json_string(open_kind_name(o.kind)),
                           o.deadline.empty() ? std::string("null") : json_string(o.deadline));
        if (!o.deadline.empty()) buf += fmt::format(", \"werkdagen_over\": {}", o.werkdagen_over);
        buf += ", \"te_doen\": ";
        append_json_string(buf, o.todo);
        buf += ", \"toelichting\": ";
        append_json_string(buf, o.detail);
        buf += ", \"events\": [";
        for (std::size_t k = 0; k < o.events.size(); ++k)
            buf += fmt::format("{}{{\"file\": {}, \"line\": {}}}", k ? ", " : "",
                               json_string(path_of(d.log, o.events[k].first)), o.events[k].second);
        buf += "]}";
    }
    buf += d.open.empty() ? "]" : "\n  ]";
    if (d.with_outcomes) {
        // An onbekend outcome of a term still running carries its last day (the earliest, when a dossier
        // has several) and the working days left.
        std::unordered_map<std::string, const RunRecord::Open*> terms;
        for (const RunRecord::Open& o : d.open) {
            if (o.deadline.empty()) continue;
            const RunRecord::Open*& t = terms[o.case_id + '\n' + o.rule];
            if (!t || o.deadline < t->deadline) t = &o;
        }
        buf += ",\n  \"outcomes\": [";
        bool any = false;
        const std::size_t n_rules = d.rules.size();
        for (std::size_t c = 0; n_rules > 0 && c < d.outcomes.size() / n_rules; ++c)
            for (std::size_t r = 0; r < n_rules; ++r) {
                const Outcome o = d.outcomes[c * n_rules + r];
                if (o == Outcome::niet_van_toepassing) continue;
                buf += any ? ",\n    {\"case_id\": " : "\n    {\"case_id\": ";
                append_json_string(buf, d.case_id(c));
                buf += ", \"rule\": ";
                append_json_string(buf, d.rules[r].id);
                buf += ", \"outcome\": ";
                append_json_string(buf, outcome_name(o));
                if (o == Outcome::onbekend && !terms.empty()) {
                    const auto t = terms.find(std::string(d.case_id(c)) + '\n' + std::string(d.rules[r].id));
                    if (t != terms.end())
                        buf += fmt::format(", \"deadline\": \"{}\", \"werkdagen_over\": {}", t->second->deadline,
                                           t->second->werkdagen_over);
                }
                buf += '}';
                any = true;
            }
        buf += any ? "\n  ]" : "]";
    }
    buf += "\n}\n";
    return buf;
}

// ---- CSV (';', for spreadsheets): one row per finding ----

std::string csv_head(const EventLog&, std::optional<Date>) {
    return "dossier;regel;ernst;cyclus;datum;termijn;bestand;regelnummer;activiteit;bevinding;grondslag\n";
}

void csv_finding(std::string& buf, FormatCache&, const EventLog& log, const std::vector<RuleText>& rules,
                 const FindingView& f) {
    const RuleText& rule = rules[f.rule];
    std::string file, line, activity;
    if (!f.rows.empty()) {
        file = std::string(path_of(log, f.rows.front().file));
        line = std::to_string(f.rows.front().line);
        activity = std::string(f.rows.front().activity);
    }
    for (const std::string& field :
         {csv_field(f.case_id), rule.id, std::string(severity_name(rule.severity)), std::to_string(f.cycle),
          f.date.iso(), f.deadline ? f.deadline->iso() : std::string(), csv_field(file), line, csv_field(activity),
          csv_field(f.message)}) {
        buf += field;
        buf += ';';
    }
    buf += csv_field(rule.basis);
    buf += '\n';
}

std::string csv_tail(const RunTail&, bool) { return {}; }

constexpr OutputFormat kText{"text", "mensen", "txt", text_head, text_finding, text_tail, 1};
constexpr OutputFormat kJson{"json", "schema wmotoets/1", "json", json_head, json_finding, json_tail, 1};
constexpr OutputFormat kCsv{"csv", "spreadsheet", "csv", csv_head, csv_finding, csv_tail, 0};

}  // namespace

const std::vector<const OutputFormat*>& output_formats() {
    static const std::vector<const OutputFormat*> formats{&kText, &kJson, &kCsv};
    return formats;
}

const OutputFormat& output_format(std::string_view name) {
    for (const OutputFormat* f : output_formats())
        if (f->name == name) return *f;
    return *output_formats().front();
}

std::vector<std::string> output_format_names() {
    std::vector<std::string> names;
    for (const OutputFormat* f : output_formats()) names.emplace_back(f->name);
    return names;
}

std::string output_format_help() {
    std::string help = "Uitvoer: ";
    for (const OutputFormat* f : output_formats()) {
        if (f != output_formats().front()) help += ", ";
        ((help += f->name) += " (") += f->audience;
        help += ')';
    }
    return help;
}

void OrderedOutput::write(std::string_view text) {
    if (text.empty()) return;
    if (!any_) {
        text.remove_prefix(std::min(text.size(), format_.separator));
        any_ = true;
    }
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void format_findings(std::string& text, const OutputFormat& format, const EventLog& log,
                     const std::vector<RuleText>& rules, std::span<const CaseFinding> findings) {
    FormatCache cache;
    std::vector<SourceRow> rows;
    text.reserve(text.size() + findings.size() * 512);  // a JSON finding is about 400 bytes: grown once at most
    for (const CaseFinding& f : findings) {
        rows.clear();
        for (const std::uint32_t i : f.events) {
            const Event& e = log.events[i];
            rows.push_back({e.file, e.line, log.label(e)});
        }
        const FindingView view{
            log.str(log.dossiers[f.dossier].id), f.rule, f.cycle, f.date, f.deadline, f.message, rows};
        format.finding(text, cache, log, rules, view);
    }
}

std::string report_tail(const ReportData& d, const OutputFormat& format, bool any_findings) {
    const std::vector<RuleText> rules = rule_texts(d.result.rules);
    const std::vector<RunRecord::Figure> figures = figure_records(d.figures);
    const std::vector<RunRecord::LeadTime> lead_times = lead_time_records(d.result.lead_times);
    const std::vector<RunRecord::Open> open = open_records(d.log, d.result);
    const RunTail tail{d.log,
                       d.result.peildatum_known ? std::optional<Date>(d.result.peildatum) : std::nullopt,
                       rules,
                       figures,
                       d.with_outcomes,
                       d.result.outcomes,
                       [&d](std::size_t c) { return d.log.str(d.log.dossiers[c].id); },
                       lead_times,
                       d.result.period,
                       d.result.outside_period,
                       open,
                       d.result.figures_only ? std::optional(d.result.finding_count) : std::nullopt};
    return format.tail(tail, any_findings);
}

void write_report(std::ostream& out, const ReportData& d, const OutputFormat& format) {
    const std::string head =
        format.head(d.log, d.result.peildatum_known ? std::optional<Date>(d.result.peildatum) : std::nullopt);
    out.write(head.data(), static_cast<std::streamsize>(head.size()));
    // The findings are formatted in slices of whole cases on all cores, and written in order.
    const std::vector<RuleText> rules = rule_texts(d.result.rules);
    const auto& findings = d.result.findings;
    constexpr std::size_t kSlice = 8192;
    std::vector<std::size_t> cuts{0};
    while (cuts.back() < findings.size()) {
        std::size_t end = std::min(findings.size(), cuts.back() + kSlice);
        while (end < findings.size() && findings[end].dossier == findings[end - 1].dossier) ++end;
        cuts.push_back(end);
    }
    auto format_slice = [&](std::size_t s) {
        std::string text;
        format_findings(text, format, d.log, rules, std::span(findings).subspan(cuts[s], cuts[s + 1] - cuts[s]));
        return text;
    };
    OrderedOutput ordered(out, format);
    const std::size_t ahead = std::max(1u, std::thread::hardware_concurrency());
    std::deque<std::future<std::string>> pending;
    for (std::size_t s = 0; s + 1 < cuts.size(); ++s) {
        pending.push_back(std::async(std::launch::async, format_slice, s));
        if (pending.size() > ahead) {
            ordered.write(pending.front().get());
            pending.pop_front();
        }
    }
    for (; !pending.empty(); pending.pop_front()) ordered.write(pending.front().get());
    const std::string tail = report_tail(d, format, ordered.any());
    out.write(tail.data(), static_cast<std::streamsize>(tail.size()));
}

void write_text(std::ostream& out, const ReportData& d) { write_report(out, d, kText); }
void write_json(std::ostream& out, const ReportData& d) { write_report(out, d, kJson); }
void write_csv(std::ostream& out, const ReportData& d) { write_report(out, d, kCsv); }

FormatWriter::FormatWriter(std::ostream& out, const EventLog& log, const OutputFormat& format,
                           std::vector<RuleText> rules, bool with_outcomes)
    : out_(out),
      log_(log),
      format_(format),
      rules_(std::move(rules)),
      with_outcomes_(with_outcomes),
      ordered_(out, format) {}

void FormatWriter::begin(const std::string& peildatum, const RunSettings& settings, const std::vector<std::string>&) {
    peildatum_ = peildatum.empty() ? std::nullopt : parse_iso_date(peildatum);
    RunRecord header;
    header.settings = settings;
    period_ = header.period();
    const std::string head = format_.head(log_, peildatum_);
    out_.write(head.data(), static_cast<std::streamsize>(head.size()));
}

void FormatWriter::outcomes(std::string_view case_id, std::span<const Outcome> row) {
    ++judged_;
    if (!with_outcomes_) return;
    case_ids_.emplace_back(case_id);
    outcomes_.insert(outcomes_.end(), row.begin(), row.end());
}

void FormatWriter::finding(const RunRecord::Finding& f) {
    const auto rule = std::find_if(rules_.begin(), rules_.end(), [&](const RuleText& t) { return t.id == f.rule; });
    if (rule == rules_.end()) throw Error("bevinding van regel '" + f.rule + "', die niet bij de controle hoort");
    // The label of every row, from the dossier's events (a row no longer stored has none). The
    // findings of a dossier come together: its rows are indexed once, not searched per finding.
    if (!labels_case_ || f.case_id != *labels_case_) {
        labels_case_ = f.case_id;
        labels_.clear();
        if (const auto at = log_.dossier_position(f.case_id))
            for (const std::uint32_t i : log_.events_of(log_.dossiers[*at])) {
                const Event& e = log_.events[i];
                labels_.emplace(std::uint64_t(e.file) << 32 | e.line, log_.label(e));
            }
    }
    rows_.clear();
    for (const auto& [file, line] : f.events) {
        const auto label = labels_.find(std::uint64_t(file) << 32 | line);
        rows_.push_back({file, line, label == labels_.end() ? std::string_view() : label->second});
    }
    const auto date = parse_iso_date(f.date);
    const FindingView view{f.case_id,
                           std::size_t(rule - rules_.begin()),
                           f.cycle,
                           date.value_or(Date{}),
                           f.deadline.empty() ? std::nullopt : parse_iso_date(f.deadline),
                           f.message,
                           rows_};
    text_.clear();
    format_.finding(text_, cache_, log_, rules_, view);
    ordered_.write(text_);
}

void FormatWriter::end() {
    const RunTail tail{log_,
                       peildatum_,
                       rules_,
                       figures_,
                       with_outcomes_,
                       outcomes_,
                       [this](std::size_t c) { return std::string_view(case_ids_[c]); },
                       lead_times_,
                       period_,
                       period_ ? log_.dossiers.size() - std::min(judged_, log_.dossiers.size()) : 0,
                       open_};
    const std::string text = format_.tail(tail, ordered_.any());
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace wmotoets
