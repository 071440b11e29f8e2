// ONA-02 — Cliëntondersteuner voerde ook het onderzoek namens de gemeente.
#include "workflow/rule.hpp"
#include "workflow/rules/persons.hpp"

namespace wmotoets::rules {

namespace {

class Ona02 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "ONA-02",
            .title = "Cliëntondersteuner voerde ook het onderzoek namens de gemeente",
            .severity = Severity::aandachtspunt,
            .basis = "Wmo 2015 art. 1.1.1 en 2.2.4 lid 2",
            .scope = Scope::dossier,
            .what =
                "Per dossier met minstens één cliëntondersteuner en één consulent: is één persoon beide? "
                "Consulent is wie een gesprek of verslag registreerde zonder rol of met de rol consulent.",
            .why =
                "De consulent voert het onderzoek uit namens het college en staat in dat gesprek aan de kant van "
                "de gemeente; hij kan niet tegelijk onafhankelijk naast de cliënt staan (art. 1.1.1 en 2.2.4 lid 2). "
                "De wet "
                "verbiedt die combinatie niet met zoveel woorden; daarom een aandachtspunt.",
            .example =
                "Ondersteuner O4 wordt op 6 maart toegewezen en voert op 12 maart als consulent het "
                "keukentafelgesprek: niet voldaan, één bevinding op 12 maart.",
            .can_be_unknown = false,
            .question = "Voert een ander dan de cliëntondersteuner het onderzoek namens de gemeente?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        RuleResult r = judge_ondersteuner_also(f, ctx, f.consulenten, "consulent die het onderzoek deed");
        // Werkvoorraad: the decision is still to come; whoever was both must not decide as well (ONA-01).
        const Cycle* c = undecided_cycle(f);
        if (!c || r.findings.empty()) return r;
        for (const Finding& fi : r.findings) {
            const StrId who = f.actor(fi.events.back());
            OpenStep& due = r.still_due(OpenKind::onafhankelijkheid, fi.events, ctx.say([&] {
                return "de beslissing laten nemen door een ander dan " + std::string(f.log->str(who)) +
                       " (ondersteuner én consulent)";
            }),
                                        ctx.say([&] { return fi.message + "; er is nog geen besluit"; }));
            due.cycle = c->number;
        }
        return r;
    }
};

}  // namespace

const Rule& ona_02() {
    static const Ona02 rule;
    return rule;
}

}  // namespace wmotoets::rules
