// PRO-02 — Besluit zonder schriftelijk verslag van het onderzoek.
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Pro02 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "PRO-02",
            .title = "Besluit zonder schriftelijk verslag van het onderzoek",
            .severity = Severity::overtreding,
            .basis = "Wmo 2015 art. 2.3.2 lid 8",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een besluit: is er vóór het (eerste) besluit een verslag van het onderzoek "
                "verstrekt in dezelfde cyclus? Niet bij een herbeoordeling (art. 2.3.9 lid 2 past lid 8 daar niet "
                "op toe), en niet als de cliënt na de zes weken zonder verslag zelf een aanvraag deed (de route "
                "van lid 9; TRM-01 beoordeelt dan het te late onderzoek).",
            .why =
                "Het verslag legt vast wat in het onderzoek is besproken en is de basis voor de aanvraag en het "
                "besluit. Zonder verslag kan de cliënt niet nagaan waarop de beslissing rust.",
            .example = "Melding, gesprek, aanvraag binnen de zes weken, besluit op 20 mei zonder verslag: overtreden.",
            .can_be_unknown = false,
            .question = "Is vóór het besluit een schriftelijk verslag van het onderzoek verstrekt?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            if (!c.first_besluit) return r;
            if (c.opener && f.activity(*c.opener) == Activity::herbeoordeling) return r;  // 2.3.9 lid 2: not lid 8
            if (c.first_aanvraag) {
                // The lid 9 route: after six weeks without a verslag the client may apply himself.
                const auto last = onderzoek_last_day(f, c, ctx.calendar);
                const bool verslag_first = c.first_verslag && *c.first_verslag < *c.first_aanvraag;
                if (last && f.date(*c.first_aanvraag) > *last && !verslag_first) return r;
            }
            const Pos besluit = *c.first_besluit;
            if (c.first_verslag && *c.first_verslag < besluit) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            Finding& fi = r.violated(f.date(besluit), {besluit}, ctx.say([&] {
                return "Besluit op " + f.date(besluit).dutch_long() +
                       " zonder dat eerst een verslag van het onderzoek is verstrekt";
            }));
            if (c.first_verslag) {
                if (ctx.words) fi.message += " (het verslag kwam pas op " + f.date(*c.first_verslag).dutch_long() + ")";
                fi.events.push_back(*c.first_verslag);
            }
            return r;
        });
    }
};

}  // namespace

const Rule& pro_02() {
    static const Pro02 rule;
    return rule;
}

}  // namespace wmotoets::rules
