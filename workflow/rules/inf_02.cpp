// INF-02 — Mantelzorger niet vóór het onderzoek gewezen op gratis cliëntondersteuning.
#include "workflow/rule.hpp"
#include "workflow/rules/notice.hpp"

namespace wmotoets::rules {

namespace {

class Inf02 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            "INF-02",
            "Mantelzorger niet vóór het onderzoek gewezen op gratis cliëntondersteuning",
            Severity::overtreding,
            "Wmo 2015 art. 2.3.2 lid 3",
            Scope::cyclus,
            "Per cyclus met een onderzoek, in een dossier met een mantelzorger (een melding met "
            "mantelzorger=ja, of een gebeurtenis met rol mantelzorger): is de mantelzorger vóór het "
            "eerste gesprek (of het verslag) gewezen op gratis cliëntondersteuning? Informatie telt als "
            "die aan de mantelzorger of aan cliënt en mantelzorger samen gericht is.",
            "De wet noemt de mantelzorger uitdrukkelijk: ook die moet weten dat er gratis, onafhankelijke "
            "ondersteuning is, vóórdat het onderzoek begint. Mantelzorgers dragen vaak het gesprek.",
            "Melding met mantelzorger=ja, brief over cliëntondersteuning alleen aan de cliënt, daarna het "
            "gesprek: overtreden; met aan=beide: voldaan.",
            false};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        if (!f.has_mantelzorger) return {};
        return judge_notice_before_onderzoek(
            f, "de mantelzorger", [](NoticeFor w) { return w == NoticeFor::mantelzorger || w == NoticeFor::beide; });
    }
};

}  // namespace

const Rule& inf_02() {
    static const Inf02 rule;
    return rule;
}

}  // namespace wmotoets::rules
