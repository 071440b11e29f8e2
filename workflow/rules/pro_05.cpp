// PRO-05 — Beslissing op bezwaar zonder de bezwaarde te horen.
#include "util/text.hpp"
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

// Whether a geen_hoorzitting_reden names one of the grounds of Awb 7:3 (a to e), folded as labels
// are ("Kennelijk ongegrond (Awb 7:3 sub b)" counts as kennelijk_ongegrond).
bool awb_7_3_ground(std::string_view reason) {
    if (reason.empty()) return false;
    const std::string folded = fold_label(reason);
    for (const char* ground : {"kennelijk_niet_ontvankelijk", "kennelijk_ongegrond", "afgezien", "niet_gereageerd",
                               "volledig_tegemoetgekomen"})
        if (folded.find(ground) != std::string::npos) return true;
    return false;
}

class Pro05 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "PRO-05",
            .title = "Beslissing op bezwaar zonder de bezwaarde te horen",
            .severity = Severity::overtreding,
            .basis = "Awb 7:2 en 7:3",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een beslissing op bezwaar: is de bezwaarde vóór de (eerste) beslissing in de "
                "gelegenheid gesteld te worden gehoord (een hoorzitting in dezelfde cyclus, ook als hij niet "
                "verscheen), of staat bij de beslissing een grond van Awb 7:3 om niet te horen (kennelijk "
                "niet-ontvankelijk, kennelijk ongegrond, afgezien, niet gereageerd, volledig tegemoetgekomen)? "
                "Een andere reden geeft onbekend.",
            .why =
                "Wie bezwaar maakt, heeft het recht gehoord te worden voordat over het bezwaar wordt beslist. "
                "Alleen in de gevallen van Awb 7:3 mag dat achterwege blijven, en dan moet de grond er staan.",
            .example =
                "Bezwaar op 1 mei, beslissing op bezwaar op 10 juni zonder hoorzitting en zonder reden: "
                "overtreden. Met als reden om niet te horen 'kennelijk ongegrond': voldaan. Met als reden "
                "'drukte': onbekend.",
            .can_be_unknown = true,
            .question = "Is de bezwaarde vóór de beslissing op bezwaar in de gelegenheid gesteld te worden gehoord?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext&) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            const auto bob = f.first(Activity::besluit_op_bezwaar, c.begin, c.end);
            if (!bob) return r;
            // A hearing offered counts, also when the objector did not come (verschenen=nee).
            const std::string_view reason = trim(f.attr(*bob, "geen_hoorzitting_reden"));
            if (f.first(Activity::hoorzitting, c.begin, *bob) || awb_7_3_ground(reason)) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            if (!reason.empty()) {  // a reason that is none of the grounds of 7:3: the log cannot settle it
                r.outcome = Outcome::onbekend;
                return r;
            }
            Finding& fi = r.violated(f.date(*bob), {*bob},
                                     "Beslissing op bezwaar op " + f.date(*bob).dutch_long() +
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
