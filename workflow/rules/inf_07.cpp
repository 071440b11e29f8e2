// INF-07 — Cliënt tijdens het onderzoek niet geïnformeerd over een persoonsgebonden budget.
#include "util/text.hpp"
#include "workflow/rule.hpp"
#include "workflow/rules/onderzoek_info.hpp"

namespace wmotoets::rules {

namespace {

class Inf07 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "INF-07",
            .title = "Cliënt tijdens het onderzoek niet geïnformeerd over een persoonsgebonden budget",
            .severity = Severity::overtreding,
            .basis = "Wmo 2015 art. 2.3.2 lid 6; art. 2.3.9 lid 2 (herbeoordeling)",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een verslag: is de cliënt uiterlijk bij het eerste verslag geïnformeerd over de "
                "mogelijkheid van een persoonsgebonden budget (pgb) en wat dat voor hem betekent? Dat blijkt uit "
                "een gebeurtenis 'informatie over het pgb', of uit een gesprek of verslag met pgb=ja. Bij een "
                "herbeoordeling geldt hetzelfde (art. 2.3.9 lid 2).",
            .why =
                "Bij het onderzoek moet de gemeente de cliënt informeren over de mogelijkheid om een "
                "maatwerkvoorziening als pgb te ontvangen, en over de gevolgen van die keuze (art. 2.3.2 lid 6). "
                "Alleen wie het weet, kan kiezen. De wet noemt geen vorm; de regel kijkt tot en met het verslag, "
                "omdat het onderzoek daarmee wordt afgerond. Dat de informatie is gegeven maar niet is "
                "vastgelegd, kan het logboek niet tonen: zo'n bevinding vraagt om het dossier.",
            .example =
                "Melding op 4 maart, gesprek op 14 maart zonder pgb=ja, verslag op 2 april zonder pgb=ja en geen "
                "informatie over het pgb: overtreden.",
            .can_be_unknown = false,
            .question = "Is de cliënt tijdens het onderzoek geïnformeerd over een persoonsgebonden budget?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            if (!c.first_verslag)  // werkvoorraad
                return due_before_verslag(f, ctx, c, Activity::informatie_pgb, "pgb",
                                          "vóór het verslag de cliënt informeren over het persoonsgebonden budget",
                                          "het persoonsgebonden budget");
            const Pos verslag = *c.first_verslag;
            if (told_by_verslag(f, c, verslag, Activity::informatie_pgb, "pgb")) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            Finding& fi = r.violated(f.date(verslag), {verslag}, ctx.say([&] {
                return "Tot en met het verslag van " + f.date(verslag).dutch_long() +
                       " is de cliënt niet geïnformeerd over de mogelijkheid van een persoonsgebonden budget";
            }));
            if (const auto later = f.first(Activity::informatie_pgb, verslag + 1, c.end)) {
                if (ctx.words) fi.message += " (dat gebeurde pas op " + f.date(*later).dutch_long() + ")";
                fi.events.push_back(*later);
            }
            return r;
        });
    }
};

}  // namespace

const Rule& inf_07() {
    static const Inf07 rule;
    return rule;
}

}  // namespace wmotoets::rules
