// INF-02 — Mantelzorger niet vóór het onderzoek gewezen op gratis cliëntondersteuning.
#include "workflow/rule.hpp"
#include "workflow/rules/notice.hpp"

namespace wmotoets::rules {

namespace {

class Inf02 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "INF-02",
            .title = "Mantelzorger niet vóór het onderzoek gewezen op gratis cliëntondersteuning",
            .severity = Severity::overtreding,
            .basis = "Wmo 2015 art. 2.3.2 lid 3",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een onderzoek, in een dossier met een mantelzorger: is de mantelzorger vóór het "
                "eerste gesprek (of het verslag) gewezen op gratis cliëntondersteuning? Informatie telt als die "
                "aan de mantelzorger of aan cliënt en mantelzorger samen gericht is. De Wmo 2015 omschrijft wel "
                "mantelzorg (art. 1.1.1), maar niet wie in een dossier de mantelzorger is; de toets rekent een "
                "dossier tot de dossiers met een mantelzorger als de melding dat vermeldt (mantelzorger=ja) of "
                "als iemand met de rol mantelzorger in het dossier optreedt.",
            .why =
                "Art. 2.3.2 lid 3 noemt de mantelzorger uitdrukkelijk: ook die moet vóór het onderzoek weten dat "
                "er gratis cliëntondersteuning is. Mantelzorgers dragen vaak het gesprek. Een mantelzorger die "
                "nergens in het logboek staat, ziet de toets niet; dan is de regel niet van toepassing.",
            .example =
                "Melding met mantelzorger=ja, brief over cliëntondersteuning alleen aan de cliënt, daarna het "
                "gesprek: overtreden; met aan=beide: voldaan.",
            .can_be_unknown = false,
            .question =
                "Is de mantelzorger vóór het onderzoek gewezen op de mogelijkheid van gratis cliëntondersteuning?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        if (!f.has_mantelzorger) return {};
        return judge_notice_before_onderzoek(f, ctx, "de mantelzorger", [](NoticeFor w) {
            return w == NoticeFor::mantelzorger || w == NoticeFor::beide;
        });
    }
};

}  // namespace

const Rule& inf_02() {
    static const Inf02 rule;
    return rule;
}

}  // namespace wmotoets::rules
