#include "workflow/engine.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "model/error.hpp"
#include "model/short_sort.hpp"

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
                      Date peildatum, const Progress& progress, const Settings& settings, const FindingStream* stream) {
    CheckResult result;
    result.rules = rules;
    result.peildatum = peildatum;
    const std::size_t n_cases = log.cases.size(), n_rules = rules.size();
    result.outcomes.assign(n_cases * n_rules, Outcome::niet_van_toepassing);
    const RuleContext ctx{cal, peildatum, settings};

    const unsigned n_threads = std::max(1u, std::min(std::thread::hardware_concurrency(), 8u));
    const std::size_t block = 4096;
    const std::size_t n_blocks = (n_cases + block - 1) / block;

    // A finding while its block is worked on: message and events as offsets into the block's
    // buffers, which still grow; they become views when the block is done.
    struct Pending {
        CaseFinding f;
        std::uint32_t text_at = 0, text_len = 0, ids_at = 0, ids_len = 0;
    };
    struct BlockOut {
        std::vector<CaseFinding> findings;
        std::vector<char> text;
        std::vector<std::uint32_t> ids;
    };
    std::vector<BlockOut> per_block(n_blocks);
    std::atomic<std::size_t> next{0}, done{0}, finding_count{0};
    std::atomic<bool> any_overtreding{false};
    // Streamed: the text of each block waits here until the blocks before it are written.
    std::mutex write_mutex;
    std::vector<std::optional<std::string>> texts(stream ? n_blocks : 0);
    std::size_t next_to_write = 0;
    std::exception_ptr write_error;

    // Workers take blocks of cases; the calling thread works too and reports progress. Cases
    // are in id order; within a case findings go by rule id, date, line, so each worker sorts
    // the findings of one case and the blocks need only be concatenated.
    const ReplayIds ids(log);
    auto work = [&](bool report) {
        std::vector<Pending> pending;
        CaseFacts facts;
        for (;;) {
            const std::size_t b = next.fetch_add(1);
            if (b >= n_blocks) return;
            BlockOut& out = per_block[b];
            pending.clear();
            const std::size_t first = b * block, last = std::min(n_cases, first + block);
            for (std::size_t c = first; c < last; ++c) {
                replay(log, log.cases[c], cal, ids, facts);
                const std::size_t case_first = pending.size();
                for (std::size_t r = 0; r < n_rules; ++r) {
                    RuleResult rr = rules[r]->check(facts, ctx);
                    result.outcomes[c * n_rules + r] = rr.outcome;
                    for (const Finding& fi : rr.findings) {
                        Pending p;
                        p.f.case_pos = static_cast<std::uint32_t>(c);
                        p.f.rule = static_cast<std::uint16_t>(r);
                        p.f.cycle = static_cast<std::uint16_t>(fi.cycle);
                        p.f.date = fi.date;
                        p.f.deadline = fi.deadline;
                        p.text_at = static_cast<std::uint32_t>(out.text.size());
                        p.text_len = static_cast<std::uint32_t>(fi.message.size());
                        out.text.insert(out.text.end(), fi.message.begin(), fi.message.end());
                        p.ids_at = static_cast<std::uint32_t>(out.ids.size());
                        p.ids_len = static_cast<std::uint32_t>(fi.events.size());
                        for (Pos pos : fi.events) out.ids.push_back(facts.events[pos]);
                        pending.push_back(p);
                    }
                }
                // A case has a few findings.
                stable_sort_short(pending.begin() + std::ptrdiff_t(case_first), pending.end(),
                                  [&](const Pending& a, const Pending& b) {
                                      const auto ida = rules[a.f.rule]->info().id, idb = rules[b.f.rule]->info().id;
                                      if (ida != idb) return ida < idb;
                                      if (a.f.date != b.f.date) return a.f.date < b.f.date;
                                      const auto la = a.ids_len ? log.events[out.ids[a.ids_at]].line : 0u;
                                      const auto lb = b.ids_len ? log.events[out.ids[b.ids_at]].line : 0u;
                                      return la < lb;
                                  });
            }
            out.text.shrink_to_fit();
            out.ids.shrink_to_fit();
            out.findings.reserve(pending.size());
            for (Pending& p : pending) {
                p.f.message = std::string_view(out.text.data() + p.text_at, p.text_len);
                p.f.events = std::span<const std::uint32_t>(out.ids.data() + p.ids_at, p.ids_len);
                out.findings.push_back(p.f);
                if (rules[p.f.rule]->info().severity == Severity::overtreding) any_overtreding = true;
            }
            finding_count += out.findings.size();
            if (stream) {
                std::string text;
                stream->format(out.findings, text);
                out = BlockOut{};
                std::lock_guard lock(write_mutex);
                texts[b] = std::move(text);
                for (; next_to_write < n_blocks && texts[next_to_write]; ++next_to_write) {
                    if (!write_error) {
                        try {
                            stream->write(std::move(*texts[next_to_write]));
                        } catch (...) {
                            write_error = std::current_exception();
                        }
                    }
                    texts[next_to_write].reset();
                }
            }
            const std::size_t now = done.fetch_add(last - first) + (last - first);
            if (report && progress) progress(now, n_cases);
        }
    };
    std::vector<std::thread> threads;
    // A failure on any thread (a rule, the stream) stops the others and is rethrown here.
    std::mutex error_mutex;
    std::exception_ptr error;
    auto guarded = [&](bool report) {
        try {
            work(report);
        } catch (...) {
            next = n_blocks;
            const std::lock_guard lock(error_mutex);
            if (!error) error = std::current_exception();
        }
    };
    for (unsigned t = 1; t < n_threads && n_blocks > 1; ++t) threads.emplace_back(guarded, false);
    guarded(true);
    for (auto& t : threads) t.join();
    if (error) std::rethrow_exception(error);
    if (write_error) std::rethrow_exception(write_error);
    if (progress) progress(n_cases, n_cases);
    result.finding_count = finding_count;
    result.any_overtreding = any_overtreding;

    std::size_t total = 0;
    for (const auto& o : per_block) total += o.findings.size();
    result.findings.reserve(total);
    for (BlockOut& o : per_block) {
        result.findings.insert(result.findings.end(), o.findings.begin(), o.findings.end());
        std::vector<CaseFinding>().swap(o.findings);
        // Moving a vector keeps its buffer, so the views stay valid.
        if (!o.text.empty()) result.text_.push_back(std::move(o.text));
        if (!o.ids.empty()) result.ids_.push_back(std::move(o.ids));
    }
    return result;
}

}  // namespace wmotoets
