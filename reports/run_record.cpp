#include "reports/run_record.hpp"

#include "reports/lead_times.hpp"

namespace wmotoets {

void emit_check(const EventLog& log, const CheckResult& result, const std::vector<Figure>& figures,
                const Settings& settings, RunSink& sink) {
    std::vector<std::string> rule_ids;
    for (const Rule* r : result.rules) rule_ids.emplace_back(r->info().id);
    sink.begin(result.peildatum_known ? result.peildatum.iso() : std::string(), run_settings(settings, result.period),
               rule_ids);
    const std::size_t n_rules = result.rules.size();
    for (std::size_t c = 0; c < log.dossiers.size(); ++c)
        if (result.counts(c))  // a dossier without a cycle in the period is not part of the run
            sink.outcomes(log.str(log.dossiers[c].id), std::span(result.outcomes).subspan(c * n_rules, n_rules));
    RunRecord::Finding x;
    for (const CaseFinding& f : result.findings) {
        x.case_id.assign(log.str(log.dossiers[f.dossier].id));
        x.rule.assign(result.rules[f.rule]->info().id);
        x.cycle = f.cycle;
        x.date = f.date.iso();
        x.deadline = f.deadline ? f.deadline->iso() : std::string();
        x.message.assign(f.message);
        x.events.clear();
        for (std::uint32_t e : f.events) x.events.emplace_back(std::size_t(log.events[e].file), log.events[e].line);
        sink.finding(x);
    }
    for (const Figure& f : figures) sink.figure(figure_record(f));
    for (const RunRecord::LeadTime& l : lead_time_records(result.lead_times)) sink.lead_time(l);
    for (const RunRecord::Open& o : open_records(log, result)) sink.open_item(o);
    sink.end();
}

std::vector<RunRecord::Open> open_records(const EventLog& log, const CheckResult& result) {
    std::vector<RunRecord::Open> out;
    out.reserve(result.open.size());
    for (const CaseOpen& c : result.open) {
        RunRecord::Open& o = out.emplace_back();
        o.case_id.assign(log.str(log.dossiers[c.dossier].id));
        o.rule.assign(result.rules[c.rule]->info().id);
        o.cycle = c.step.cycle;
        o.kind = c.step.kind;
        if (c.step.deadline) o.deadline = c.step.deadline->iso();
        o.werkdagen_over = c.step.werkdagen_over;
        o.todo = c.step.todo;
        o.detail = c.step.detail;
        for (const std::uint32_t e : c.step.events)
            o.events.emplace_back(std::size_t(log.events[e].file), log.events[e].line);
    }
    return out;
}

}  // namespace wmotoets
