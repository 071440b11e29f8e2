// INF-01 — Cliënt niet vóór het onderzoek gewezen op gratis cliëntondersteuning.
#include "workflow/rule.hpp"
#include "workflow/rules/notice.hpp"

namespace wmotoets::rules {

namespace {

class Inf01 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "INF-01",
            .title = "Cliënt niet vóór het onderzoek gewezen op gratis cliëntondersteuning",
            .severity = Severity::overtreding,
            .basis = "Wmo 2015 art. 2.3.2 lid 3",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een onderzoek (een gesprek, of anders een verslag): is de cliënt vóór het eerste "
                "gesprek (of het verslag) gewezen op de mogelijkheid van gratis cliëntondersteuning? Informatie "
                "telt als die aan de cliënt, aan cliënt en mantelzorger samen of aan de vertegenwoordiger van de "
                "cliënt gericht is (staat er niet bij aan wie: aan de cliënt). Kwam de informatie later, dan zegt de "
                "bevinding of dat tijdens of na het "
                "onderzoek was.",
            .why =
                "De gemeente moet de cliënt vóór het onderzoek wijzen op de mogelijkheid van gratis "
                "cliëntondersteuning (art. 2.3.2 lid 3), zodat hij het gesprek niet alleen hoeft te voeren. "
                "Informatie die pas na het begin van het onderzoek komt, komt te laat voor dat gesprek. Lid 3 "
                "noemt alleen de cliënt en de mantelzorger; dat informatie aan de vertegenwoordiger (art. 1.1.1) "
                "ook telt, volgt de leden 6 tot en met 8 ('de cliënt dan wel diens vertegenwoordiger') en is de "
                "lezing die de gemeente bevoordeelt. Informatie die wel is gegeven maar niet vastgelegd, kan het "
                "logboek niet tonen: zo'n bevinding "
                "vraagt om een blik in het dossier.",
            .example =
                "Melding op 4 maart, keukentafelgesprek op 12 maart, brief over cliëntondersteuning op 20 maart: "
                "overtreden; de cliënt hoorde er pas na het begin van het onderzoek van.",
            .can_be_unknown = false,
            .question = "Is de cliënt vóór het onderzoek gewezen op de mogelijkheid van gratis cliëntondersteuning?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return judge_notice_before_onderzoek(f, ctx, "de cliënt", [](NoticeFor w) {
            return w == NoticeFor::client || w == NoticeFor::beide || w == NoticeFor::vertegenwoordiger;
        });
    }
};

}  // namespace

const Rule& inf_01() {
    static const Inf01 rule;
    return rule;
}

}  // namespace wmotoets::rules
