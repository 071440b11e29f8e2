#include "model/run.hpp"

#include <string>

namespace wmotoets {

std::string_view outcome_name(Outcome o) {
    switch (o) {
    case Outcome::niet_van_toepassing: return "niet_van_toepassing";
    case Outcome::voldaan: return "voldaan";
    case Outcome::onbekend: return "onbekend";
    case Outcome::overtreden: return "overtreden";
    }
    return "?";
}

std::string_view severity_name(Severity s) {
    switch (s) {
    case Severity::overtreding: return "overtreding";
    case Severity::aandachtspunt: return "aandachtspunt";
    case Severity::signaal: return "signaal";
    }
    return "?";
}

std::string_view open_kind_name(OpenKind k) {
    switch (k) {
    case OpenKind::termijn: return "termijn";
    case OpenKind::stap: return "stap";
    case OpenKind::onafhankelijkheid: return "onafhankelijkheid";
    }
    return "?";
}

std::optional<OpenKind> open_kind_from_name(std::string_view name) {
    for (const OpenKind k : {OpenKind::termijn, OpenKind::stap, OpenKind::onafhankelijkheid})
        if (open_kind_name(k) == name) return k;
    return std::nullopt;
}

std::optional<Severity> severity_from_name(std::string_view name) {
    for (const Severity s : {Severity::overtreding, Severity::aandachtspunt, Severity::signaal})
        if (severity_name(s) == name) return s;
    return std::nullopt;
}

std::string_view deviation_words(Severity s) {
    switch (s) {
    case Severity::overtreding: return "overtreden";
    case Severity::aandachtspunt: return "niet voldaan";
    case Severity::signaal: return "gesignaleerd";
    }
    return "overtreden";
}

std::string_view outcome_words(Outcome o, Severity s) {
    switch (o) {
    case Outcome::niet_van_toepassing: return "niet van toepassing";
    case Outcome::voldaan: return "voldaan";
    case Outcome::onbekend: return "onbekend";
    case Outcome::overtreden: return deviation_words(s);
    }
    return "?";
}

namespace {
constexpr char kCodes[] = {'n', 'v', 'o', 'x'};  // in the order of Outcome
}

char outcome_code(Outcome o) { return kCodes[static_cast<std::size_t>(o) & 3]; }

std::optional<Outcome> outcome_from_code(char c) {
    for (std::size_t i = 0; i < 4; ++i)
        if (kCodes[i] == c) return static_cast<Outcome>(i);
    return std::nullopt;
}

std::string RunSettings::text() const {
    std::string out;
    for (const auto& [key, value] : values) {
        if (!out.empty()) out += ';';
        out += key;
        out += '=';
        out += value;
    }
    return out;
}

RunSettings RunSettings::parse(std::string_view text) {
    RunSettings s;
    while (!text.empty()) {
        const auto semi = text.find(';');
        const std::string_view item = text.substr(0, semi);
        const auto eq = item.find('=');
        s.values.emplace_back(std::string(item.substr(0, eq)),
                              eq == std::string_view::npos ? std::string() : std::string(item.substr(eq + 1)));
        text = semi == std::string_view::npos ? std::string_view{} : text.substr(semi + 1);
    }
    return s;
}

RunSettings run_settings(const Settings& s, const std::optional<Period>& period) {
    RunSettings out{{{"andere_ondersteuner_dagen", std::to_string(s.andere_ondersteuner_dagen)},
                     {"wachttijd_ondersteuner_dagen", std::to_string(s.wachttijd_ondersteuner_dagen)}}};
    if (period) {
        out.values.emplace_back("periode_van", period->van.iso());
        out.values.emplace_back("periode_tot", period->tot.iso());
    }
    return out;
}

std::string_view RunRecord::setting(std::string_view key) const {
    for (const auto& [k, v] : settings.values)
        if (k == key) return v;
    return {};
}

std::optional<Period> RunRecord::period() const {
    const auto van = parse_iso_date(setting("periode_van")), tot = parse_iso_date(setting("periode_tot"));
    if (!van || !tot || *tot < *van) return std::nullopt;
    return Period{*van, *tot};
}

void RunCollector::begin(const std::string& peildatum, const RunSettings& settings,
                         const std::vector<std::string>& rules) {
    record = RunRecord{};
    record.peildatum = peildatum;
    record.settings = settings;
    record.rules = rules;
}

void RunCollector::outcomes(std::string_view case_id, std::span<const Outcome> row) {
    record.case_ids.emplace_back(case_id);
    record.outcomes.insert(record.outcomes.end(), row.begin(), row.end());
}

void emit(const RunRecord& run, RunSink& sink) {
    sink.begin(run.peildatum, run.settings, run.rules);
    for (std::size_t i = 0; i < run.case_ids.size(); ++i) sink.outcomes(run.case_ids[i], run.outcomes_of(i));
    for (const RunRecord::Finding& f : run.findings) sink.finding(f);
    for (const RunRecord::Figure& f : run.figures) sink.figure(f);
    for (const RunRecord::LeadTime& l : run.lead_times) sink.lead_time(l);
    for (const RunRecord::Open& o : run.open) sink.open_item(o);
    sink.end();
}

}  // namespace wmotoets
