// INF-05 — Cliënt niet gewezen op de mogelijkheid van een persoonlijk plan.
#include "util/text.hpp"
#include "workflow/rule.hpp"
#include "workflow/terms.hpp"

namespace wmotoets::rules {

namespace {

class Inf05 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "INF-05",
            .title = "Cliënt niet gewezen op de mogelijkheid van een persoonlijk plan",
            .severity = Severity::overtreding,
            .basis = "Wmo 2015 art. 2.3.2 lid 2",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een onderzoek: is de cliënt vóór het eerste gesprek (of het verslag) gewezen op "
                "de mogelijkheid van een persoonlijk plan, of heeft hij er een ingeleverd? Een "
                "ontvangstbevestiging die het plan noemt, telt mee: de meeste gemeenten noemen het plan in die "
                "brief.",
            .why =
                "Voordat het onderzoek van start gaat, kan de cliënt een persoonlijk plan overhandigen waarin hij "
                "zijn situatie beschrijft en zegt welke ondersteuning hem het meest aangewezen lijkt; het college "
                "brengt hem van die mogelijkheid op de hoogte en geeft hem er zeven dagen na de melding de "
                "gelegenheid voor (art. 2.3.2 lid 2), en betrekt het plan bij het onderzoek (lid 5). Dat kan "
                "alleen als de gemeente hem er op tijd op wijst. Mondelinge informatie die niet is "
                "vastgelegd, kan het logboek niet tonen.",
            .example =
                "Melding op 4 maart, ontvangstbevestiging zonder het plan, gesprek op 14 maart, geen informatie "
                "over het persoonlijk plan: overtreden.",
            .can_be_unknown = false,
            .question = "Is de cliënt vóór het onderzoek gewezen op de mogelijkheid van een persoonlijk plan?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            const auto moment = c.onderzoek_moment();
            if (!moment) {
                // Werkvoorraad: the onderzoek has not started; the notice can still come first.
                if (c.opener && !closed_after(f, *c.opener, c.end) &&
                    !f.first(Activity::informatie_persoonlijk_plan, c.begin, c.end) &&
                    !f.first(Activity::persoonlijk_plan, c.begin, c.end))
                    r.still_due(OpenKind::stap, {*c.opener},
                                "vóór het gesprek de cliënt wijzen op de mogelijkheid van een persoonlijk plan",
                                ctx.say([&] {
                                    return std::string(activity_words(f.activity(*c.opener))) + " op " +
                                           f.date(*c.opener).dutch_long() +
                                           "; nog geen gesprek en nog geen informatie over het persoonlijk plan";
                                }));
                return r;
            }
            for (Pos p = c.begin; p < *moment; ++p) {
                const Activity a = f.activity(p);
                const bool told = a == Activity::informatie_persoonlijk_plan || a == Activity::persoonlijk_plan ||
                                  (a == Activity::ontvangstbevestiging &&
                                   parse_yes_no(f.attr(p, "persoonlijk_plan")).value_or(false));
                if (told) {
                    r.outcome = Outcome::voldaan;
                    return r;
                }
            }
            Finding& fi = r.violated(f.date(*moment), {*moment}, ctx.say([&] {
                return "Vóór het " + std::string(activity_words(f.activity(*moment))) + " op " +
                       f.date(*moment).dutch_long() +
                       " is de cliënt niet gewezen op de mogelijkheid van een persoonlijk plan";
            }));
            if (const auto later = f.first(Activity::informatie_persoonlijk_plan, *moment, c.end)) {
                if (ctx.words) fi.message += " (dat gebeurde pas op " + f.date(*later).dutch_long() + ")";
                fi.events.push_back(*later);
            }
            return r;
        });
    }
};

}  // namespace

const Rule& inf_05() {
    static const Inf05 rule;
    return rule;
}

}  // namespace wmotoets::rules
