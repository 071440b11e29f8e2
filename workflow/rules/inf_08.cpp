// INF-08 — Niet onderzocht welke bijdrage in de kosten de cliënt verschuldigd zal zijn.
#include "util/text.hpp"
#include "workflow/rule.hpp"
#include "workflow/rules/onderzoek_info.hpp"

namespace wmotoets::rules {

namespace {

class Inf08 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "INF-08",
            .title = "Niet onderzocht welke bijdrage in de kosten de cliënt verschuldigd zal zijn",
            .severity = Severity::aandachtspunt,
            .basis = "Wmo 2015 art. 2.3.2 lid 4 onder g en lid 8; art. 2.3.9 lid 2 (herbeoordeling)",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een verslag: is vóór of bij het (eerste) verslag vastgelegd dat met de cliënt "
                "is besproken welke eigen bijdrage hij verschuldigd zal zijn (informatie over de eigen bijdrage, "
                "of een gesprek of verslag met bijdrage=ja)? Niet voldaan alleen als het verslag zelf vastlegt "
                "dat het niet is besproken (bijdrage=nee) en niets ervoor het wel vastlegt; zegt het logboek er "
                "niets over, dan is de uitkomst onbekend.",
            .why =
                "Het college onderzoekt onder meer welke bijdragen in de kosten de cliënt verschuldigd zal zijn "
                "(art. 2.3.2 lid 4 onder g), en de uitkomst hoort in het verslag (lid 8): wie vooraf weet wat "
                "een voorziening hem kost, kan een afgewogen aanvraag doen. De meeste logboeken leggen dit niet "
                "vast; daarom is het ontbreken ervan geen bevinding, alleen een verslag dat zegt dat het niet "
                "is besproken.",
            .example =
                "Melding op 4 maart 2024, gesprek op 12 maart, verslag op 25 maart waarin staat dat de eigen "
                "bijdrage niet is besproken: niet voldaan. Zonder die vermelding: onbekend.",
            .can_be_unknown = true,
            .question = "Is onderzocht welke bijdrage in de kosten de cliënt verschuldigd zal zijn?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            if (!c.first_verslag)  // werkvoorraad
                return due_before_verslag(
                    f, ctx, c, Activity::informatie_bijdrage, "bijdrage",
                    "vóór het verslag bespreken welke eigen bijdrage de cliënt verschuldigd zal zijn",
                    "de eigen bijdrage");
            const Pos verslag = *c.first_verslag;
            if (told_by_verslag(f, c, verslag, Activity::informatie_bijdrage, "bijdrage")) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            // Only a verslag that records it was not discussed is a finding; silence is onbekend.
            if (parse_yes_no(f.attr(verslag, "bijdrage")) != std::optional<bool>(false)) {
                r.outcome = Outcome::onbekend;
                return r;
            }
            Finding& fi = r.violated(f.date(verslag), {verslag}, ctx.say([&] {
                return "Het verslag van " + f.date(verslag).dutch_long() +
                       " vermeldt dat niet is besproken welke eigen bijdrage de cliënt "
                       "verschuldigd zal zijn";
            }));
            if (const auto later = f.first(Activity::informatie_bijdrage, verslag + 1, c.end)) {
                if (ctx.words) fi.message += " (dat gebeurde pas op " + f.date(*later).dutch_long() + ")";
                fi.events.push_back(*later);
            }
            return r;
        });
    }
};

}  // namespace

const Rule& inf_08() {
    static const Inf08 rule;
    return rule;
}

}  // namespace wmotoets::rules
