// ONA-05 — Cliëntondersteuner werkt bij de aanbieder van de toegekende voorziening.
#include "util/text.hpp"
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Ona05 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "ONA-05",
            .title = "Cliëntondersteuner werkt bij de aanbieder van de toegekende voorziening",
            .severity = Severity::aandachtspunt,
            .basis =
                "Wmo 2015 art. 1.1.1 (cliëntondersteuning ten dienste van de cliënt); VNG zelftest, "
                "onafhankelijkheid",
            .scope = Scope::dossier,
            .what =
                "Per dossier met een besluit met uitkomst toegekend of deels en een aanbieder, en een "
                "cliëntondersteuner van wie de organisatie bekend is: is dat dezelfde organisatie? Namen worden "
                "vergeleken zonder verschil in hoofdletters, spaties aan de randen of accenten.",
            .why =
                "De wet omschrijft cliëntondersteuning als 'onafhankelijke ondersteuning' (art. 1.1.1), waarbij "
                "'het belang van betrokkene uitgangspunt' is (art. 2.2.4 lid 2). Een ondersteuner die in dienst "
                "is van de aanbieder die de voorziening levert, heeft belang bij de uitkomst; de hand-out van de "
                "NOOM-workshop (2015) noemt het gevaar dat hij de cliënt 'in de richting van de eigen "
                "organisatie' duwt, en de VNG zelftest vraagt ernaar. De wet verbiedt het niet met zoveel "
                "woorden; daarom een aandachtspunt.",
            .example =
                "Ondersteuner van 'Zorggroep Oost', besluit op 2 april kent begeleiding toe met aanbieder "
                "'zorggroep oost': niet voldaan.",
            .can_be_unknown = false,
            .question = "Werkt de cliëntondersteuner niet bij de aanbieder van de toegekende voorziening?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        RuleResult r;
        std::vector<std::pair<Pos, std::string>> granted;  // besluit, folded aanbieder
        for (Pos p = 0; p < f.size(); ++p) {
            if (f.activity(p) != Activity::besluit) continue;
            const std::string_view given = f.attr(p, "uitkomst");
            if (given == "afgewezen") continue;  // the usual spelling of the one outcome that never counts
            const std::string uitkomst =
                given == "toegekend" || given == "deels" ? std::string(given) : fold_label(given);
            if (uitkomst != "toegekend" && uitkomst != "deels") continue;
            std::string aanbieder = fold_text(f.attr(p, "aanbieder"));
            if (!aanbieder.empty()) granted.emplace_back(p, std::move(aanbieder));
        }
        if (granted.empty()) return r;
        std::vector<std::pair<const RoleAct*, std::string>> supporters;
        for (const RoleAct& o : f.ondersteuners)
            if (o.organisatie != 0) supporters.emplace_back(&o, fold_text(f.log->str(o.organisatie)));
        if (supporters.empty()) return r;
        r.outcome = Outcome::voldaan;
        for (const auto& [besluit, aanbieder] : granted) {
            const RoleAct* match = nullptr;
            for (const auto& [o, org] : supporters)
                if (org == aanbieder && !match) match = o;
            if (!match) continue;
            Finding& fi = r.violated(
                f.date(besluit), {match->pos, besluit},
                ctx.say([&, at = besluit] {  // a copy: clang before 16 captures no structured binding
                    return "Het besluit van " + f.date(at).dutch_long() + " kent een voorziening toe bij aanbieder '" +
                           std::string(trim(f.attr(at, "aanbieder"))) + "', waar cliëntondersteuner " +
                           std::string(f.log->str(match->actor)) + " werkt";
                }));
            fi.cycle = f.cycle_of[besluit] + 1;
        }
        return r;
    }
};

}  // namespace

const Rule& ona_05() {
    static const Ona05 rule;
    return rule;
}

}  // namespace wmotoets::rules
