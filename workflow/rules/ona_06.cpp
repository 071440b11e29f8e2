// ONA-06 — Beslissing op bezwaar genomen door wie het bestreden besluit nam.
#include "workflow/rule.hpp"
#include "workflow/rules/bezwaar.hpp"

namespace wmotoets::rules {

namespace {

class Ona06 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "ONA-06",
            .title = "Beslissing op bezwaar genomen door wie het bestreden besluit nam",
            .severity = Severity::overtreding,
            .basis = "Awb art. 10:3 lid 3",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een bezwaar tegen het (eerste) besluit en een beslissing op dat bezwaar, "
                "als bij beide een medewerker staat: is de beslissing op bezwaar genomen door een ander dan "
                "degene die het bestreden besluit nam? Wie namens het college besluit, mag niet ook in "
                "mandaat op het bezwaar daartegen beslissen.",
            .why =
                "Bezwaar is een heroverweging van het besluit (Awb 7:11). Mandaat om op het bezwaar te "
                "beslissen wordt niet verleend aan wie het bestreden besluit krachtens mandaat nam (art. 10:3 lid "
                "3). Wat het logboek niet laat zien: of het bestreden besluit in mandaat werd genomen of door het "
                "college zelf; de bevinding gaat uit van mandaat, zoals bij een Wmo-beschikking gebruikelijk.",
            .example =
                "Besluit op 1 maart door B02, bezwaar op 10 april, beslissing op bezwaar op 1 juni ook door "
                "B02: overtreden. Door B04: voldaan.",
            .question = "Is op het bezwaar beslist door een ander dan wie het bestreden besluit nam?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            const auto contested = contested_besluit(f, c);
            if (!contested) return r;
            const Pos besluit = contested->besluit;
            const auto bob = f.first(Activity::besluit_op_bezwaar, contested->bezwaar + 1, c.end);
            if (!bob || f.actor(besluit) == 0 || f.actor(*bob) == 0) return r;
            if (f.actor(besluit) != f.actor(*bob)) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            r.violated(f.date(*bob), {besluit, *bob}, ctx.say([&] {
                return "Medewerker " + std::string(f.log->str(f.actor(*bob))) + " nam het besluit van " +
                       f.date(besluit).dutch_long() + " en besliste op " + f.date(*bob).dutch_long() +
                       " ook op het bezwaar daartegen";
            }));
            return r;
        });
    }
};

}  // namespace

const Rule& ona_06() {
    static const Ona06 rule;
    return rule;
}

}  // namespace wmotoets::rules
