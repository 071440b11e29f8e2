// INF-01 — Cliënt niet vóór het onderzoek gewezen op gratis cliëntondersteuning.
#include "workflow/rule.hpp"
#include "workflow/rules/notice.hpp"

namespace wmotoets::rules {

namespace {

class Inf01 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            "INF-01",
            "Cliënt niet vóór het onderzoek gewezen op gratis cliëntondersteuning",
            Severity::overtreding,
            "Wmo 2015 art. 2.3.2 lid 3",
            Scope::cyclus,
            "Per cyclus met een onderzoek (een gesprek, of anders een verslag): is de cliënt vóór het "
            "eerste gesprek (of het verslag) gewezen op de mogelijkheid van gratis cliëntondersteuning? "
            "Informatie daarover telt als die aan de cliënt of aan cliënt en mantelzorger samen gericht is "
            "(zonder 'aan' geldt: aan de cliënt).",
            "De gemeente moet de cliënt vóór het onderzoek wijzen op gratis, onafhankelijke "
            "cliëntondersteuning, zodat de cliënt het keukentafelgesprek niet alleen hoeft te voeren. "
            "Informatie achteraf komt te laat om er nog gebruik van te maken.",
            "Melding op 4 maart, keukentafelgesprek op 12 maart, brief over cliëntondersteuning op "
            "20 maart: overtreden, want de cliënt hoorde er pas na het gesprek van.",
            false};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        return judge_notice_before_onderzoek(
            f, "de cliënt", [](NoticeFor w) { return w == NoticeFor::client || w == NoticeFor::beide; });
    }
};

}  // namespace

const Rule& inf_01() {
    static const Inf01 rule;
    return rule;
}

}  // namespace wmotoets::rules
