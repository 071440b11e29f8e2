#include "reports/writers.hpp"

#include <cmath>
#include <deque>
#include <future>
#include <iterator>
#include <span>
#include <thread>
#include <fmt/format.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <nlohmann/json.hpp>

namespace wmotoets {

std::string percent_nl(double v) {
    std::string s = fmt::format("{:.1f}", v * 100.0);
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

namespace {

double round4(double v) { return std::round(v * 10000.0) / 10000.0; }


std::string where(const EventLog& log, const CaseFinding& f) {
    if (f.events.empty()) return "-";
    const Event& e = log.events[f.events.front()];
    return log.inputs[e.file].path + ":" + std::to_string(e.line);
}

}  // namespace

std::string csv_field(std::string_view v) {
    if (v.find_first_of(";\"\n\r") == std::string_view::npos) return std::string(v);
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
#if defined(__SSE2__)
        const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20),
                      high = _mm_set1_epi8(static_cast<char>(0x80));
        while (i + 16 <= v.size()) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(v.data() + i));
            // Bytes below 0x20 (compared as signed after flipping the top bit), quotes, backslashes.
            const __m128i control = _mm_cmplt_epi8(_mm_xor_si128(x, high), _mm_xor_si128(space, high));
            const int special = _mm_movemask_epi8(
                _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash))));
            if (special != 0) {
                i += static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(special)));
                break;
            }
            i += 16;
        }
#endif
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

std::string json_string(std::string_view v) {
    std::string out;
    append_json_string(out, v);
    return out;
}

std::string json_number(double v) { return nlohmann::json(round4(v)).dump(); }

// ---- text: one line per finding, cases apart by a blank line, then the figures ----

std::string text_head(const EventLog&, std::optional<Date>) { return {}; }

void text_findings(std::string& buf, const EventLog& log, const std::vector<const Rule*>& rules,
                   std::span<const CaseFinding> fs) {
    std::uint32_t last_case = UINT32_MAX;
    for (const CaseFinding& f : fs) {
        if (f.case_pos != last_case) buf += '\n';  // before every case (the very first one goes)
        last_case = f.case_pos;
        const RuleInfo& info = rules[f.rule]->info();
        buf += log.str(log.cases[f.case_pos].id);
        buf += ' ';
        buf += where(log, f);
        buf += ": ";
        buf += severity_name(info.severity);
        buf += ' ';
        buf += info.id;
        buf += ' ';
        buf += info.title;
        buf += " — ";
        buf += f.message;
        buf += '\n';
    }
}

std::string text_tail(const ReportData& d, bool any_findings) {
    const EventLog& log = d.log;
    std::string out = any_findings ? "\n" : "";
    std::size_t rows = 0, used = 0, rejected = 0;
    for (const InputFile& in : log.inputs) {
        rows += in.rows;
        used += in.used;
        rejected += in.rejected;
    }
    out += fmt::format("Cijfers per regel — {} dossiers, {} gebeurtenissen gebruikt ({} rijen gelezen, {} afgekeurd); "
                       "peildatum {}\n",
                       log.cases.size(), used, rows, rejected,
                       d.result.peildatum_known ? d.result.peildatum.iso() : std::string("onbekend (geen gebeurtenissen)"));
    out += fmt::format("{:<8} {:<13} {:>9} {:>8} {:>10} {:>8} {:>8}  {}\n", "regel", "ernst", "van toep.", "voldaan",
                       "overtreden", "onbekend", "% overtr", "95%-interval");
    for (const Figure& f : d.figures) {
        const RuleInfo& info = f.rule->info();
        const std::string rate = f.rate ? percent_nl(*f.rate) : "-";
        const std::string ci = f.ci95 ? percent_nl(f.ci95->first) + "–" + percent_nl(f.ci95->second) : "-";
        out += fmt::format("{:<8} {:<13} {:>9} {:>8} {:>10} {:>8} {:>8}  {}\n", info.id, severity_name(info.severity),
                           f.applicable, f.compliant, f.violations, f.unknown, rate, ci);
    }
    out += "percentage = overtreden / (voldaan + overtreden); onbekend staat ernaast en telt in geen van beide mee.\n";
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
            in.mapping.empty() ? std::string("null") : json_string(in.mapping), in.rows, in.used, in.rejected, in.skipped,
            in.possible_bsn, in.windows1252 ? "true" : "false");
    }
    buf += log.inputs.empty() ? "]" : "\n  ]";
    buf += fmt::format(",\n  \"cases\": {},\n  \"findings\": [", log.cases.size());
    return buf;
}

// Each finding on a line of its own, after a separating comma (the very first one's goes).
void json_findings(std::string& buf, const EventLog& log, const std::vector<const Rule*>& rules,
                   std::span<const CaseFinding> fs) {
    // What every finding of a rule, and every event of a file, repeats: escaped once per call.
    std::vector<std::string> rule_part(rules.size()), basis_part(rules.size()), path_part(log.inputs.size());
    for (const CaseFinding& f : fs) {
        std::string& rule = rule_part[f.rule];
        if (rule.empty()) {
            const RuleInfo& info = rules[f.rule]->info();
            rule = ", \"rule\": ";
            append_json_string(rule, info.id);
            rule += ", \"severity\": ";
            append_json_string(rule, severity_name(info.severity));
        }
        buf += ",\n    {\"case_id\": ";
        append_json_string(buf, log.str(log.cases[f.case_pos].id));
        buf += rule;
        fmt::format_to(std::back_inserter(buf), ", \"cycle\": {}, \"date\": \"{}\", \"deadline\": ", f.cycle, f.date.iso());
        if (f.deadline) fmt::format_to(std::back_inserter(buf), "\"{}\"", f.deadline->iso());
        else buf += "null";
        buf += ", \"message\": ";
        append_json_string(buf, f.message);
        std::string& basis = basis_part[f.rule];
        if (basis.empty()) {
            basis = ", \"basis\": ";
            append_json_string(basis, rules[f.rule]->info().basis);
            basis += ", \"events\": [";
        }
        buf += basis;
        for (std::size_t k = 0; k < f.events.size(); ++k) {
            const Event& e = log.events[f.events[k]];
            buf += k ? ", {\"file\": " : "{\"file\": ";
            std::string& path = path_part[e.file];
            if (path.empty()) append_json_string(path, log.inputs[e.file].path);
            buf += path;
            fmt::format_to(std::back_inserter(buf), ", \"line\": {}, \"activity\": ", e.line);
            append_json_string(buf, log.label(e));
            buf += '}';
        }
        buf += "]}";
    }
}

std::string json_tail(const ReportData& d, bool any_findings) {
    const EventLog& log = d.log;
    std::string buf = any_findings ? "\n  ]" : "]";
    buf += ",\n  \"figures\": [";
    for (std::size_t i = 0; i < d.figures.size(); ++i) {
        const Figure& f = d.figures[i];
        const RuleInfo& info = f.rule->info();
        const std::string ci =
            f.ci95 ? fmt::format("[{}, {}]", json_number(f.ci95->first), json_number(f.ci95->second)) : "null";
        buf += fmt::format(
            "{}\n    {{\"rule\": {}, \"title\": {}, \"severity\": {}, \"applicable\": {}, \"compliant\": {}, "
            "\"violations\": {}, \"unknown\": {}, \"rate\": {}, \"ci95\": {}}}",
            i ? "," : "", json_string(info.id), json_string(info.title), json_string(severity_name(info.severity)),
            f.applicable, f.compliant, f.violations, f.unknown, f.rate ? json_number(*f.rate) : "null", ci);
    }
    buf += d.figures.empty() ? "]" : "\n  ]";
    if (d.with_outcomes) {
        buf += ",\n  \"outcomes\": [";
        bool any = false;
        for (std::size_t c = 0; c < log.cases.size(); ++c)
            for (std::size_t r = 0; r < d.result.rules.size(); ++r) {
                const Outcome o = d.result.outcome(c, r);
                if (o == Outcome::niet_van_toepassing) continue;
                buf += any ? ",\n    {\"case_id\": " : "\n    {\"case_id\": ";
                append_json_string(buf, log.str(log.cases[c].id));
                buf += ", \"rule\": ";
                append_json_string(buf, d.result.rules[r]->info().id);
                buf += ", \"outcome\": ";
                append_json_string(buf, outcome_name(o));
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

void csv_findings(std::string& buf, const EventLog& log, const std::vector<const Rule*>& rules,
                  std::span<const CaseFinding> fs) {
    for (const CaseFinding& f : fs) {
        const RuleInfo& info = rules[f.rule]->info();
        std::string file, line, activity;
        if (!f.events.empty()) {
            const Event& e = log.events[f.events.front()];
            file = log.inputs[e.file].path;
            line = std::to_string(e.line);
            activity = std::string(log.label(e));
        }
        for (const std::string& field :
             {csv_field(log.str(log.cases[f.case_pos].id)), std::string(info.id), std::string(severity_name(info.severity)),
              std::to_string(f.cycle), f.date.iso(), f.deadline ? f.deadline->iso() : std::string(), csv_field(file), line,
              csv_field(activity), csv_field(f.message)}) {
            buf += field;
            buf += ';';
        }
        buf += csv_field(info.basis);
        buf += '\n';
    }
}

std::string csv_tail(const ReportData&, bool) { return {}; }

constexpr OutputFormat kText{text_head, text_findings, text_tail, 1};
constexpr OutputFormat kJson{json_head, json_findings, json_tail, 1};
constexpr OutputFormat kCsv{csv_head, csv_findings, csv_tail, 0};

}  // namespace

const OutputFormat& output_format(std::string_view name) {
    if (name == "json") return kJson;
    if (name == "csv") return kCsv;
    return kText;
}

void OrderedOutput::write(std::string_view text) {
    if (text.empty()) return;
    if (!any_) {
        text.remove_prefix(std::min(text.size(), format_.separator));
        any_ = true;
    }
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void write_report(std::ostream& out, const ReportData& d, const OutputFormat& format) {
    const std::string head =
        format.head(d.log, d.result.peildatum_known ? std::optional<Date>(d.result.peildatum) : std::nullopt);
    out.write(head.data(), static_cast<std::streamsize>(head.size()));
    // The findings are formatted in slices of whole cases on all cores, and written in order.
    const auto& findings = d.result.findings;
    constexpr std::size_t kSlice = 8192;
    std::vector<std::size_t> cuts{0};
    while (cuts.back() < findings.size()) {
        std::size_t end = std::min(findings.size(), cuts.back() + kSlice);
        while (end < findings.size() && findings[end].case_pos == findings[end - 1].case_pos) ++end;
        cuts.push_back(end);
    }
    auto format_slice = [&](std::size_t s) {
        std::string text;
        format.findings(text, d.log, d.result.rules, std::span(findings).subspan(cuts[s], cuts[s + 1] - cuts[s]));
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
    const std::string tail = format.tail(d, ordered.any());
    out.write(tail.data(), static_cast<std::streamsize>(tail.size()));
}

void write_text(std::ostream& out, const ReportData& d) { write_report(out, d, kText); }
void write_json(std::ostream& out, const ReportData& d) { write_report(out, d, kJson); }
void write_csv(std::ostream& out, const ReportData& d) { write_report(out, d, kCsv); }

}  // namespace wmotoets
