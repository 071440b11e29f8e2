#include "workflow/engine.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <iterator>
#include <mutex>
#include <optional>
#include <thread>

#include "util/error.hpp"
#include "util/short_sort.hpp"
#include "util/text.hpp"
#include "workflow/beslissers.hpp"
#include "workflow/terms.hpp"

namespace wmotoets {

std::vector<const Rule*> select_rules(const std::vector<std::string>& select, const std::vector<std::string>& ignore) {
    return select_rules(all_rules(), select, ignore);
}

std::vector<const Rule*> select_rules(const std::vector<const Rule*>& candidates,
                                      const std::vector<std::string>& select, const std::vector<std::string>& ignore) {
    auto matches = [](const Rule* r, const std::string& prefix) {
        return r->info().id.substr(0, prefix.size()) == prefix;
    };
    for (const auto* list : {&select, &ignore})
        for (const std::string& p : *list) {
            const bool any =
                std::any_of(candidates.begin(), candidates.end(), [&](const Rule* r) { return matches(r, p); });
            if (!any) throw Error("onbekende regel of regelgroep '" + p + "' (zie 'wmotoets regels')");
        }
    std::vector<const Rule*> out;
    for (const Rule* r : candidates) {
        const bool selected = select.empty() || std::any_of(select.begin(), select.end(),
                                                            [&](const std::string& p) { return matches(r, p); });
        const bool ignored =
            std::any_of(ignore.begin(), ignore.end(), [&](const std::string& p) { return matches(r, p); });
        if (selected && !ignored) out.push_back(r);
    }
    return out;
}

namespace {

// A finding while its block is worked on: message and events as offsets into the block's
// buffers, which still grow; they become views when the block is done.
struct Pending {
    CaseFinding f;
    std::uint32_t text_at = 0, text_len = 0, ids_at = 0, ids_len = 0;
};

struct BlockOut {
    std::size_t counted = 0;   // findings counted but not kept (figures only)
    bool overtreding = false;  // a finding of severity overtreding in this block
    std::vector<CaseFinding> findings;
    std::vector<CaseOpen> open;
    std::vector<char> text;
    std::vector<std::uint32_t> ids;
};

// One check on all cores. Workers take blocks of cases; the calling thread works too and reports
// progress. Cases are in id order; within a case findings go by rule id, date, line, so each
// worker sorts the findings of one case and the blocks need only be concatenated.
class CheckRun {
public:
    static constexpr std::size_t kBlock = 4096;

    CheckRun(const EventLog& log, const std::vector<const Rule*>& rules, const Calendar& cal, const RuleContext& ctx,
             const FindingStream* stream, CheckResult& result)
        : log_(log),
          rules_(rules),
          cal_(cal),
          ctx_(ctx),
          stream_(stream),
          result_(result),
          ids_(log),
          n_cases_(log.dossiers.size()),
          n_blocks_((n_cases_ + kBlock - 1) / kBlock),
          per_block_(n_blocks_),
          texts_(stream ? n_blocks_ : 0) {}

    void run(const Progress& progress);
    void collect();

private:
    void work(bool report, const Progress& progress);
    void judge_case(std::size_t c, DossierFacts& facts, BlockOut& out, std::vector<Pending>& pending,
                    std::vector<LeadObservation>& lead);
    void finish_block(BlockOut& out, std::vector<Pending>& pending);
    void hand_over(std::size_t b, BlockOut& out);

    const EventLog& log_;
    const std::vector<const Rule*>& rules_;
    const Calendar& cal_;
    const RuleContext& ctx_;
    const FindingStream* stream_;
    CheckResult& result_;
    const ReplayIds ids_;
    const std::size_t n_cases_, n_blocks_;
    std::vector<BlockOut> per_block_;
    std::atomic<std::size_t> next_{0}, done_{0}, finding_count_{0};
    std::atomic<bool> any_overtreding_{false};
    std::mutex lead_mutex_;  // the workers' lead-time tallies are merged into the result under it
    // Streamed: the text of each block waits here until the blocks before it are written.
    std::mutex write_mutex_;
    std::vector<std::optional<std::string>> texts_;
    std::size_t next_to_write_ = 0;
    std::exception_ptr write_error_;
};

void CheckRun::judge_case(std::size_t c, DossierFacts& facts, BlockOut& out, std::vector<Pending>& pending,
                          std::vector<LeadObservation>& lead) {
    if (!replay(log_, log_.dossiers[c], cal_, ids_, result_.period, facts)) {
        result_.in_period[c] = 0;  // outcomes stay niet van toepassing; no finding, no lead time
        return;
    }
    lead_time_observations(facts, static_cast<std::uint32_t>(c), ctx_.peildatum, lead);
    const std::size_t n_rules = rules_.size(), case_first = pending.size();
    for (std::size_t r = 0; r < n_rules; ++r) {
        RuleResult rr = rules_[r]->check(facts, ctx_);
        result_.outcomes[c * n_rules + r] = rr.outcome;
        if (!ctx_.words) {  // figures only: the findings counted, nothing kept
            out.counted += rr.findings.size();
            out.overtreding =
                out.overtreding || (!rr.findings.empty() && rules_[r]->info().severity == Severity::overtreding);
            continue;
        }
        // A dossier of many cycles could give an item per cycle: the first kMaxOpenItems, and the last of
        // them says how many more.
        const std::size_t n_open = std::min(rr.open.size(), kMaxOpenItems);
        for (std::size_t i = 0; i < n_open; ++i) {
            OpenStep& o = rr.open[i];
            for (Pos& p : o.events) p = facts.events[p];
            if (i + 1 == n_open && rr.open.size() > n_open)
                o.detail += " (en nog " + grouped(rr.open.size() - n_open) + " zulke punten in dit dossier)";
            out.open.push_back({static_cast<std::uint32_t>(c), static_cast<std::uint16_t>(r), std::move(o)});
        }
        for (const Finding& fi : rr.findings) {
            Pending p;
            p.f.dossier = static_cast<std::uint32_t>(c);
            p.f.rule = static_cast<std::uint16_t>(r);
            p.f.cycle = static_cast<std::uint16_t>(fi.cycle);
            p.f.date = fi.date;
            p.f.deadline = fi.deadline;
            p.text_at = static_cast<std::uint32_t>(out.text.size());
            out.text.insert(out.text.end(), fi.message.begin(), fi.message.end());
            // A finding lists at most kMaxFindingEvents events (the first ones and the last,
            // usually the decision) and says how many more prove it.
            const std::size_t n = fi.events.size(), shown = std::min(n, kMaxFindingEvents);
            if (n > shown) {
                const std::string more =
                    " (en nog " + grouped(n - shown) + " gebeurtenissen die hier niet zijn opgesomd)";
                out.text.insert(out.text.end(), more.begin(), more.end());
            }
            p.text_len = static_cast<std::uint32_t>(out.text.size() - p.text_at);
            p.ids_at = static_cast<std::uint32_t>(out.ids.size());
            p.ids_len = static_cast<std::uint32_t>(shown);
            for (std::size_t i = 0; i + 1 < shown; ++i) out.ids.push_back(facts.events[fi.events[i]]);
            if (shown > 0) out.ids.push_back(facts.events[fi.events[n - 1]]);
            pending.push_back(p);
        }
    }
    // A case has a few findings.
    stable_sort_short(pending.begin() + std::ptrdiff_t(case_first), pending.end(),
                      [&](const Pending& a, const Pending& b) {
        const auto ida = rules_[a.f.rule]->info().id, idb = rules_[b.f.rule]->info().id;
        if (ida != idb) return ida < idb;
        if (a.f.date != b.f.date) return a.f.date < b.f.date;
        const auto la = a.ids_len ? log_.events[out.ids[a.ids_at]].line : 0u;
        const auto lb = b.ids_len ? log_.events[out.ids[b.ids_at]].line : 0u;
        return la < lb;
    });
}

void CheckRun::finish_block(BlockOut& out, std::vector<Pending>& pending) {
    out.text.shrink_to_fit();
    out.ids.shrink_to_fit();
    out.findings.reserve(pending.size());
    for (Pending& p : pending) {
        p.f.message = std::string_view(out.text.data() + p.text_at, p.text_len);
        p.f.events = std::span<const std::uint32_t>(out.ids.data() + p.ids_at, p.ids_len);
        out.findings.push_back(p.f);
        out.overtreding = out.overtreding || rules_[p.f.rule]->info().severity == Severity::overtreding;
    }
    if (out.overtreding) any_overtreding_ = true;  // once a block: the shared flag is not written per finding
    out.overtreding = false;
    finding_count_ += out.findings.size() + out.counted;
    out.counted = 0;
}

// Formats the block's findings and writes every block that is next in line (in case order).
void CheckRun::hand_over(std::size_t b, BlockOut& out) {
    std::string text;
    stream_->format(out.findings, text);
    std::vector<CaseOpen> open = std::move(out.open);  // kept: the werkvoorraad is written at the end
    out = BlockOut{};
    out.open = std::move(open);
    std::lock_guard lock(write_mutex_);
    texts_[b] = std::move(text);
    for (; next_to_write_ < n_blocks_ && texts_[next_to_write_]; ++next_to_write_) {
        if (!write_error_) {
            try {
                stream_->write(std::move(*texts_[next_to_write_]));
            } catch (...) {
                write_error_ = std::current_exception();
            }
        }
        texts_[next_to_write_].reset();
    }
}

void CheckRun::work(bool report, const Progress& progress) {
    std::vector<Pending> pending;
    DossierFacts facts;
    std::vector<LeadObservation> lead;
    LeadTallies tallies;  // this worker's; counts, so the order of merging does not matter
    for (;;) {
        const std::size_t b = next_.fetch_add(1);
        if (b >= n_blocks_) {
            const std::lock_guard lock(lead_mutex_);
            for (std::size_t p = 0; p < kPhaseCount; ++p) result_.lead_times[p].merge(tallies[p]);
            return;
        }
        BlockOut& out = per_block_[b];
        pending.clear();
        const std::size_t first = b * kBlock, last = std::min(n_cases_, first + kBlock);
        for (std::size_t c = first; c < last; ++c) {
            judge_case(c, facts, out, pending, lead);
            for (const LeadObservation& o : lead) tallies[static_cast<std::size_t>(o.phase)].add(o);
            lead.clear();
        }
        finish_block(out, pending);
        if (stream_) hand_over(b, out);
        const std::size_t now = done_.fetch_add(last - first) + (last - first);
        if (report && progress) progress(now, n_cases_);
    }
}

void CheckRun::run(const Progress& progress) {
    const unsigned n_threads = std::max(1u, std::min(std::thread::hardware_concurrency(), 8u));
    std::vector<std::thread> threads;
    // A failure on any thread (a rule, the stream) stops the others and is rethrown here.
    std::mutex error_mutex;
    std::exception_ptr error;
    auto guarded = [&](bool report) {
        try {
            work(report, progress);
        } catch (...) {
            next_ = n_blocks_;
            const std::lock_guard lock(error_mutex);
            if (!error) error = std::current_exception();
        }
    };
    for (unsigned t = 1; t < n_threads && n_blocks_ > 1; ++t) threads.emplace_back(guarded, false);
    guarded(true);
    for (auto& t : threads) t.join();
    if (error) std::rethrow_exception(error);
    if (write_error_) std::rethrow_exception(write_error_);
    if (progress) progress(n_cases_, n_cases_);
}

// The findings of every block in one list (empty when streamed); the buffers kept by the result.
void CheckRun::collect() {
    result_.finding_count = finding_count_;
    result_.any_overtreding = any_overtreding_;
    std::size_t total = 0;
    for (const auto& o : per_block_) total += o.findings.size();
    result_.findings.reserve(total);
    for (BlockOut& o : per_block_) {
        std::move(o.open.begin(), o.open.end(), std::back_inserter(result_.open));
        std::vector<CaseOpen>().swap(o.open);
        result_.findings.insert(result_.findings.end(), o.findings.begin(), o.findings.end());
        std::vector<CaseFinding>().swap(o.findings);
        result_.keep_storage(std::move(o.text), std::move(o.ids));
    }
}

}  // namespace

CheckResult run_check(const EventLog& log, const std::vector<const Rule*>& rules, const Calendar& cal, Date peildatum,
                      const Progress& progress, const Settings& settings, const FindingStream* stream,
                      const std::optional<Period>& period, Detail detail) {
    CheckResult result;
    result.figures_only = detail == Detail::figures;
    result.rules = rules;
    result.peildatum = peildatum;
    result.period = period;
    if (period) result.in_period.assign(log.dossiers.size(), 1);
    result.outcomes.assign(log.dossiers.size() * rules.size(), Outcome::niet_van_toepassing);
    const BeslisserIndex beslissers = index_beslissers(log, ReplayIds(log));
    const WorkingDayCount working_days(cal);
    const RuleContext ctx{cal, peildatum, settings, &beslissers, &working_days, detail == Detail::findings};
    CheckRun run(log, rules, cal, ctx, stream, result);
    run.run(progress);
    run.collect();
    result.outside_period = std::size_t(std::count(result.in_period.begin(), result.in_period.end(), 0));
    return result;
}

}  // namespace wmotoets
