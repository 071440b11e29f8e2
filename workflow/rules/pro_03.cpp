// PRO-03 — Verslag zonder gesprek met de cliënt.
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Pro03 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "PRO-03",
            .title = "Verslag zonder gesprek met de cliënt",
            .severity = Severity::aandachtspunt,
            .basis = "Wmo 2015 art. 2.3.2 lid 1 en lid 4",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een verslag: is er vóór het (eerste) verslag een gesprek met de cliënt geweest in "
                "dezelfde cyclus?",
            .why =
                "Het college voert het onderzoek uit in samenspraak met de cliënt (art. 2.3.2 lid 1 en lid 4): "
                "het gesprek. Een verslag zonder gesprek wijst erop dat het onderzoek niet in samenspraak met de "
                "cliënt is gedaan, of dat het gesprek niet is vastgelegd.",
            .example = "Melding op 1 maart, verslag op 20 maart, geen gesprek: niet voldaan.",
            .can_be_unknown = false,
            .question = "Is vóór het verslag een gesprek met de cliënt gevoerd?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            if (!c.first_verslag) return r;
            const Pos verslag = *c.first_verslag;
            if (c.first_gesprek && *c.first_gesprek < verslag) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            r.violated(f.date(verslag), {verslag}, ctx.say([&] {
                return "Verslag op " + f.date(verslag).dutch_long() + " zonder voorafgaand gesprek met de cliënt";
            }));
            return r;
        });
    }
};

}  // namespace

const Rule& pro_03() {
    static const Pro03 rule;
    return rule;
}

}  // namespace wmotoets::rules
