// ONA-07 — Horen in bezwaar door iemand die bij de voorbereiding van het bestreden besluit betrokken was.
#include "workflow/rule.hpp"
#include "workflow/rules/bezwaar.hpp"

namespace wmotoets::rules {

namespace {

class Ona07 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "ONA-07",
            .title = "Horen in bezwaar door iemand die bij de voorbereiding van het bestreden besluit betrokken was",
            .severity = Severity::overtreding,
            .basis = "Awb art. 7:5 lid 1",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een hoorzitting over een bezwaar (het bestreden besluit is het laatste besluit "
                "vóór het bezwaar), als bij de hoorzitting een medewerker staat: hoorde iemand die niet bij de "
                "voorbereiding van het bestreden besluit betrokken was? Overtreden als die medewerker het besluit "
                "nam, of als consulent vóór het besluit een gesprek voerde of het verslag maakte. Wie als "
                "cliëntondersteuner bij een gesprek aanwezig was, bereidde het besluit niet voor en telt hier "
                "niet.",
            .why =
                "Het horen dient een eerlijke heroverweging. Wie het besluit voorbereidde of nam, kijkt er niet "
                "onbevangen naar (Awb 7:5 lid 1). De wet kent uitzonderingen die het logboek niet laat zien: het "
                "horen door of mede door het bestuursorgaan zelf, de voorzitter of een lid ervan valt buiten deze "
                "eis (lid 1, aanhef), en hoort een commissie, dan is het genoeg dat de meerderheid, onder wie de "
                "voorzitter van de hoorzitting, niet bij de voorbereiding betrokken was (lid 1 onder b).",
            .example =
                "Gesprek op 10 februari door consulent C01, besluit op 1 maart, bezwaar op 10 april, "
                "hoorzitting op 15 mei door C01: overtreden. Door jurist J01: voldaan.",
            .question =
                "Is de indiener van het bezwaarschrift gehoord door iemand die niet bij de voorbereiding van "
                "het bestreden besluit betrokken was?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            const auto contested = contested_besluit(f, c);
            if (!contested) return r;
            const Pos besluit = contested->besluit;
            const auto hearing = f.first(Activity::hoorzitting, contested->bezwaar + 1, c.end);
            if (!hearing || f.actor(*hearing) == 0) return r;
            const StrId who = f.actor(*hearing);
            const std::string heard = ctx.say([&] {
                return "Hoorzitting op " + f.date(*hearing).dutch_long() + " door " + std::string(f.log->str(who));
            });
            if (f.actor(besluit) == who) {
                r.violated(f.date(*hearing), {besluit, *hearing}, ctx.say([&] {
                    return heard + ", die ook het bestreden besluit van " + f.date(besluit).dutch_long() + " nam";
                }));
                return r;
            }
            // Consulenten only (docs/spec/event-log.md "Who acted as what"): an ondersteuner who sat in on
            // the gesprek did not prepare the decision.
            for (const RoleAct& act : f.consulenten) {
                const Pos p = act.pos;
                const Activity a = f.activity(p);
                if (p >= c.begin && p < besluit && act.actor == who) {
                    r.violated(f.date(*hearing), {p, *hearing}, ctx.say([&] {
                        return heard + ", die als consulent op " + f.date(p).dutch_long() + " " +
                               (a == Activity::gesprek ? "het gesprek voerde" : "het verslag maakte") +
                               " voor het bestreden besluit";
                    }));
                    return r;
                }
            }
            r.outcome = Outcome::voldaan;
            return r;
        });
    }
};

}  // namespace

const Rule& ona_07() {
    static const Ona07 rule;
    return rule;
}

}  // namespace wmotoets::rules
