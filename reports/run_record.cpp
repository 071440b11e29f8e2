#include "reports/run_record.hpp"

#include <fmt/format.h>

namespace wmotoets {

std::int64_t store_run(Store& store, const EventLog& log, const CheckResult& result, const std::vector<Figure>& figures,
                       const Settings& settings) {
    std::vector<std::string> rule_ids;
    for (const Rule* r : result.rules) rule_ids.emplace_back(r->info().id);
    Store::RunWriter w(store, result.peildatum_known ? result.peildatum.iso() : std::string(),
                       fmt::format("andere_ondersteuner_dagen={};wachttijd_ondersteuner_dagen={}",
                                   settings.andere_ondersteuner_dagen, settings.wachttijd_ondersteuner_dagen),
                       rule_ids);
    static constexpr char kCode[] = {'n', 'v', 'o', 'x'};  // niet van toepassing, voldaan, onbekend, overtreden
    std::string codes;
    for (std::size_t c = 0; c < log.cases.size(); ++c) {
        codes.clear();
        for (std::size_t r = 0; r < result.rules.size(); ++r) codes += kCode[static_cast<int>(result.outcome(c, r))];
        w.outcome(log.str(log.cases[c].id), codes);
    }
    StoredRun::Finding x;
    for (const CaseFinding& f : result.findings) {
        x.case_id.assign(log.str(log.cases[f.case_pos].id));
        x.rule.assign(result.rules[f.rule]->info().id);
        x.cycle = f.cycle;
        x.date = f.date.iso();
        x.deadline = f.deadline ? f.deadline->iso() : std::string();
        x.message.assign(f.message);
        x.events.clear();
        for (std::uint32_t e : f.events)
            x.events.emplace_back(std::size_t(log.inputs[log.events[e].file].store_id), log.events[e].line);
        w.finding(x);
    }
    for (const Figure& f : figures) {
        StoredRun::Figure y;
        const RuleInfo& info = f.rule->info();
        y.rule = std::string(info.id);
        y.title = std::string(info.title);
        y.severity = std::string(severity_name(info.severity));
        y.applicable = f.applicable;
        y.compliant = f.compliant;
        y.violations = f.violations;
        y.unknown = f.unknown;
        y.rate = f.rate;
        if (f.ci95) {
            y.lo = f.ci95->first;
            y.hi = f.ci95->second;
        }
        w.figure(y);
    }
    return w.commit();
}

}  // namespace wmotoets
