#include "workflow/engine.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "model/error.hpp"

namespace wmotoets {

std::vector<const Rule*> select_rules(const std::vector<std::string>& select, const std::vector<std::string>& ignore) {
    return select_rules(all_rules(), select, ignore);
}

std::vector<const Rule*> select_rules(const std::vector<const Rule*>& candidates, const std::vector<std::string>& select,
                                     const std::vector<std::string>& ignore) {
    auto matches = [](const Rule* r, const std::string& prefix) {
        return r->info().id.substr(0, prefix.size()) == prefix;
    };
    for (const auto* list : {&select, &ignore})
        for (const std::string& p : *list) {
            const bool any = std::any_of(candidates.begin(), candidates.end(),
                                         [&](const Rule* r) { return matches(r, p); });
            if (!any) throw Error("onbekende regel of regelgroep '" + p + "' (zie 'wmotoets regels')");
        }
    std::vector<const Rule*> out;
    for (const Rule* r : candidates) {
        const bool selected = select.empty() || std::any_of(select.begin(), select.end(),
                                                            [&](const std::string& p) { return matches(r, p); });
        const bool ignored = std::any_of(ignore.begin(), ignore.end(), [&](const std::string& p) { return matches(r, p); });
        if (selected && !ignored) out.push_back(r);
    }
    return out;
}

CheckResult run_check(const EventLog& log, const std::vector<const Rule*>& rules, const Calendar& cal,
                      Date peildatum, const Progress& progress, const Settings& settings) {
    CheckResult result;
    result.rules = rules;
    result.peildatum = peildatum;
    const std::size_t n_cases = log.cases.size(), n_rules = rules.size();
    result.outcomes.assign(n_cases * n_rules, Outcome::niet_van_toepassing);
    const RuleContext ctx{cal, peildatum, settings};

    const unsigned n_threads = std::max(1u, std::min(std::thread::hardware_concurrency(), 8u));
    const std::size_t block = 4096;
    const std::size_t n_blocks = (n_cases + block - 1) / block;
    std::vector<std::vector<CaseFinding>> per_block(n_blocks);
    std::atomic<std::size_t> next{0}, done{0};

    // Workers take blocks of cases; the calling thread works too and reports progress.
    auto work = [&](bool report) {
        for (;;) {
            const std::size_t b = next.fetch_add(1);
            if (b >= n_blocks) return;
            auto& out = per_block[b];
            const std::size_t first = b * block, last = std::min(n_cases, first + block);
            for (std::size_t c = first; c < last; ++c) {
                const CaseFacts facts = replay(log, log.cases[c], cal);
                for (std::size_t r = 0; r < n_rules; ++r) {
                    RuleResult rr = rules[r]->check(facts, ctx);
                    result.outcomes[c * n_rules + r] = rr.outcome;
                    for (Finding& fi : rr.findings) {
                        CaseFinding cf;
                        cf.case_pos = static_cast<std::uint32_t>(c);
                        cf.rule = static_cast<std::uint16_t>(r);
                        for (Pos p : fi.events) cf.event_indices.push_back(facts.events[p]);
                        cf.finding = std::move(fi);
                        out.push_back(std::move(cf));
                    }
                }
            }
            const std::size_t now = done.fetch_add(last - first) + (last - first);
            if (report && progress) progress(now, n_cases);
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < n_threads && n_blocks > 1; ++t) threads.emplace_back(work, false);
    work(true);
    for (auto& t : threads) t.join();
    if (progress) progress(n_cases, n_cases);

    for (auto& v : per_block)
        for (auto& f : v) result.findings.push_back(std::move(f));
    // Cases are already in id order; within a case: rule id, date, line.
    std::stable_sort(result.findings.begin(), result.findings.end(), [&](const CaseFinding& a, const CaseFinding& b) {
        if (a.case_pos != b.case_pos) return a.case_pos < b.case_pos;
        const auto ida = rules[a.rule]->info().id, idb = rules[b.rule]->info().id;
        if (ida != idb) return ida < idb;
        if (a.finding.date != b.finding.date) return a.finding.date < b.finding.date;
        const auto la = a.event_indices.empty() ? 0u : log.events[a.event_indices.front()].line;
        const auto lb = b.event_indices.empty() ? 0u : log.events[b.event_indices.front()].line;
        return la < lb;
    });
    return result;
}

}  // namespace wmotoets
