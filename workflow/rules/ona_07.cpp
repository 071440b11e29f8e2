// ONA-07 — Bezwaarde gehoord door wie bij het bestreden besluit betrokken was.
#include "workflow/rule.hpp"
#include "workflow/rules/bezwaar.hpp"

namespace wmotoets::rules {

namespace {

class Ona07 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "ONA-07",
            .title = "Bezwaarde gehoord door wie bij het bestreden besluit betrokken was",
            .severity = Severity::overtreding,
            .basis = "Awb art. 7:5 lid 1",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een hoorzitting over een bezwaar tegen het (eerste) besluit, als bij de "
                "hoorzitting een medewerker staat: hoorde iemand die niet bij het bestreden besluit "
                "betrokken was? Overtreden als die medewerker het besluit nam, of als consulent vóór het "
                "besluit een gesprek of het verslag deed. Het horen door het college zelf of zijn voorzitter "
                "mag wel (art. 7:5 lid 1 onder a en b), maar is in het logboek niet te zien.",
            .why =
                "Het horen dient een eerlijke heroverweging. Wie het besluit voorbereidde of nam, kijkt "
                "er niet onbevangen naar.",
            .example =
                "Gesprek op 10 februari door consulent C01, besluit op 1 maart, bezwaar op 10 april, "
                "hoorzitting op 15 mei door C01: overtreden. Door jurist J01: voldaan.",
            .question = "Is de bezwaarde gehoord door iemand die niet bij het bestreden besluit betrokken was?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext&) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            const auto contested = contested_besluit(f, c);
            if (!contested) return r;
            const Pos besluit = contested->besluit;
            const auto hearing = f.first(Activity::hoorzitting, contested->bezwaar + 1, c.end);
            if (!hearing || f.actor(*hearing) == 0) return r;
            const StrId who = f.actor(*hearing);
            const std::string name(f.log->str(who));
            const std::string heard = "Hoorzitting op " + f.date(*hearing).dutch_long() + " door " + name;
            if (f.actor(besluit) == who) {
                r.violated(f.date(*hearing), {besluit, *hearing},
                           heard + ", die ook het bestreden besluit van " + f.date(besluit).dutch_long() + " nam");
                return r;
            }
            for (Pos p = c.begin; p < besluit; ++p) {
                const Activity a = f.activity(p);
                if ((a == Activity::gesprek || a == Activity::verslag) && f.actor(p) == who) {
                    r.violated(f.date(*hearing), {p, *hearing},
                               heard + ", die als consulent op " + f.date(p).dutch_long() + " " +
                                   (a == Activity::gesprek ? "het gesprek voerde" : "het verslag maakte") +
                                   " voor het bestreden besluit");
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
