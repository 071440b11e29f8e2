// PRO-04 — Besluit zonder reactie van de cliënt op het verslag.
#include "util/text.hpp"
#include "workflow/rule.hpp"
#include "workflow/terms.hpp"

namespace wmotoets::rules {

namespace {

class Pro04 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "PRO-04",
            .title = "Besluit zonder reactie van de cliënt op het verslag",
            .severity = Severity::aandachtspunt,
            .basis =
                "Wmo 2015 art. 2.3.2 lid 8 (verslag); reactie: gemeentelijke verordening en goede praktijk "
                "(NOOM-workshop 2015)",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een verslag en daarna een besluit: heeft de cliënt tussen het (eerste) verslag en "
                "het eerste besluit daarna op het verslag gereageerd (gecontroleerd, getekend of aangevuld)? Een "
                "aanvraag die het ondertekende verslag is (verslag_getekend=ja), zoals veel gemeenten werken, telt "
                "als reactie. Een tijdelijk besluit in een spoedgeval telt niet als het besluit. Niet bij een "
                "herbeoordeling (art. 2.3.9 lid 2 past lid 8 daar niet op toe).",
            .why =
                "De cliënt krijgt een verslag van het onderzoek (art. 2.3.2 lid 8). Een reactie van de cliënt "
                "daarop schrijft de Wmo niet voor; de eigen verordening kan erom vragen, en de hand-out van de "
                "NOOM-workshop (2015) noemt het als controle: 'is dit wat er gezegd is?'. Gaat het besluit de "
                "aanvraag geheel of gedeeltelijk afwijzen, dan moet de gemeente de aanvrager in de regel eerst "
                "horen (Awb 4:7). Een besluit zonder die reactie kan rusten op een verslag dat niet weergeeft wat "
                "er gezegd is. Daarom een aandachtspunt.",
            .example = "Verslag op 20 maart, besluit op 2 april, geen reactie ertussen: niet voldaan.",
            .can_be_unknown = false,
            .question = "Heeft de cliënt vóór het besluit op het verslag gereageerd?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            if (!c.first_verslag) return r;
            if (c.opener && f.activity(*c.opener) == Activity::herbeoordeling) return r;  // 2.3.9 lid 2: not lid 8
            const Pos verslag = *c.first_verslag;
            const auto besluit = f.first_besluit(verslag + 1, c.end);
            // A reaction: a verslag_reactie, or an aanvraag with the verslag signed, before `until`.
            const auto reacted = [&](Pos until) {
                for (Pos p = verslag + 1; p < until; ++p)
                    if (f.activity(p) == Activity::verslag_reactie ||
                        (f.activity(p) == Activity::aanvraag &&
                         parse_yes_no(f.attr(p, "verslag_getekend")).value_or(false)))
                        return true;
                return false;
            };
            if (!besluit) {
                // Werkvoorraad: the decision on an aanvraag is still to come (without an aanvraag none comes:
                // the client may not apply); the reaction can still be asked for or recorded.
                if (c.first_aanvraag && !reacted(c.end) && !closed_after(f, verslag, c.end))
                    r.still_due(OpenKind::stap, {verslag},
                                "vóór het besluit de reactie van de cliënt op het verslag vragen of vastleggen",
                                ctx.say([&] {
                                    return "Verslag op " + f.date(verslag).dutch_long() +
                                           "; nog geen reactie van de cliënt en nog geen besluit";
                                }));
                return r;
            }
            if (reacted(*besluit)) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            Finding& fi = r.violated(f.date(*besluit), {verslag, *besluit}, ctx.say([&] {
                return "Besluit op " + f.date(*besluit).dutch_long() +
                       " zonder reactie van de cliënt op het verslag van " + f.date(verslag).dutch_long();
            }));
            if (const auto late = f.first(Activity::verslag_reactie, *besluit + 1, c.end)) {
                if (ctx.words) fi.message += " (de reactie kwam pas op " + f.date(*late).dutch_long() + ")";
                fi.events.push_back(*late);
            }
            return r;
        });
    }
};

}  // namespace

const Rule& pro_04() {
    static const Pro04 rule;
    return rule;
}

}  // namespace wmotoets::rules
