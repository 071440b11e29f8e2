// INF-06 — Onderzoek binnen zeven dagen na de melding begonnen, zonder persoonlijk plan.
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Inf06 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "INF-06",
            .title = "Onderzoek binnen zeven dagen na de melding begonnen, zonder persoonlijk plan",
            .severity = Severity::aandachtspunt,
            .basis = "Wmo 2015 art. 2.3.2 lid 2; art. 2.3.9 lid 2 (herbeoordeling)",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus die met een melding of een herbeoordeling begint (art. 2.3.9 lid 2 past lid 2 ook "
                "daarop toe) en een gesprek heeft: valt het eerste gesprek binnen de zeven dagen na de melding "
                "(dag 1 tot en met 7; een gesprek op de zevende dag valt er nog binnen), terwijl er vóór dat "
                "gesprek geen persoonlijk plan is ingeleverd? De toets verlengt deze periode niet "
                "met de Algemene termijnenwet als de zevende dag in een weekend of op een feestdag valt: of die wet "
                "hier geldt, is niet beslist, en niet verlengen is de lezing die de gemeente bevoordeelt. Een cliënt "
                "die zelf van "
                "de zeven dagen heeft afgezien, is in het logboek niet te zien.",
            .why =
                "De cliënt heeft zeven dagen na de melding om een persoonlijk plan in te leveren (art. 2.3.2 lid "
                "2; bij een herbeoordeling via art. 2.3.9 lid 2). Een gesprek binnen die dagen ontneemt hem die "
                "kans, tenzij het plan er al is. Dat de cliënt zelf om een vroeg gesprek vroeg, staat meestal "
                "niet in het logboek; daarom een aandachtspunt.",
            .example =
                "Melding op maandag 4 maart, keukentafelgesprek op maandag 11 maart (de zevende dag), geen "
                "persoonlijk plan: niet voldaan. Gesprek op dinsdag 12 maart: voldaan.",
            .can_be_unknown = false,
            .question =
                "Had de cliënt vóór het eerste gesprek zeven dagen om een persoonlijk plan in te leveren (of was "
                "het plan er al)?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            if (!c.opener || !c.first_gesprek) return r;  // opened by a melding or a herbeoordeling
            const Pos gesprek = *c.first_gesprek;
            const Date opened = f.date(*c.opener);
            const int days = f.date(gesprek) - opened;
            const bool plan = f.first(Activity::persoonlijk_plan, c.begin, gesprek).has_value();
            if (days > 7 || plan) {  // day 7 is still inside the window
                r.outcome = Outcome::voldaan;
                return r;
            }
            r.violated(f.date(gesprek), {*c.opener, gesprek}, ctx.say([&] {
                const std::string what =
                    f.activity(*c.opener) == Activity::herbeoordeling ? "de start van de herbeoordeling" : "de melding";
                return "Het eerste gesprek was op " + f.date(gesprek).dutch_long() + ", " +
                       (days == 0 ? std::string("dezelfde dag als")
                                  : std::to_string(days) + (days == 1 ? " dag" : " dagen") + " na") +
                       " " + what + " van " + opened.dutch_long() +
                       ", binnen de zeven dagen voor een persoonlijk plan (tot en met " + (opened + 7).dutch_long() +
                       "), en er was nog geen plan";
            }));
            return r;
        });
    }
};

}  // namespace

const Rule& inf_06() {
    static const Inf06 rule;
    return rule;
}

}  // namespace wmotoets::rules
