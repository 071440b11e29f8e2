// PRO-05 — Beslissing op bezwaar zonder hoorzitting.
#include "model/text.hpp"
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Pro05 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            "PRO-05",
            "Beslissing op bezwaar zonder hoorzitting",
            Severity::overtreding,
            "Awb 7:2 en 7:3",
            Scope::cyclus,
            "Per cyclus met een beslissing op bezwaar: is de cliënt vóór de (eerste) beslissing gehoord "
            "(een 'hoorzitting' in dezelfde cyclus), of staat bij de beslissing de grond om niet te horen "
            "(kolom geen_hoorzitting_reden, Awb 7:3)?",
            "Wie bezwaar maakt, heeft het recht gehoord te worden voordat over het bezwaar wordt beslist. "
            "Alleen in de gevallen van Awb 7:3 (bijvoorbeeld een kennelijk ongegrond bezwaar) mag dat "
            "achterwege blijven, en dan moet de grond er staan.",
            "Bezwaar op 1 mei, beslissing op bezwaar op 10 juni zonder hoorzitting en zonder reden: "
            "overtreden. Met geen_hoorzitting_reden 'kennelijk ongegrond': voldaan.",
            false};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            const auto bob = f.first(Activity::besluit_op_bezwaar, c.begin, c.end);
            if (!bob) return r;
            if (f.first(Activity::hoorzitting, c.begin, *bob) || !trim(f.attr(*bob, "geen_hoorzitting_reden")).empty()) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            Finding& fi = r.violated(f.date(*bob), {*bob}, "Beslissing op bezwaar op " + f.date(*bob).dutch_long() +
                         " zonder dat de cliënt is gehoord en zonder vermelde grond om niet te horen");
            if (const auto late = f.first(Activity::hoorzitting, *bob + 1, c.end)) {
                fi.message += " (de hoorzitting was pas op " + f.date(*late).dutch_long() + ")";
                fi.events.push_back(*late);
            }
            return r;
        });
    }
};

}  // namespace

const Rule& pro_05() {
    static const Pro05 rule;
    return rule;
}

}  // namespace wmotoets::rules
