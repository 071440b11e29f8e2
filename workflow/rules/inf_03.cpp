// INF-03 — Informatie over cliëntondersteuning noemt niet dat die gratis is.
#include "workflow/rule.hpp"
#include "workflow/rules/notice.hpp"

namespace wmotoets::rules {

namespace {

class Inf03 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            "INF-03",
            "Informatie over cliëntondersteuning noemt niet dat die gratis is",
            Severity::overtreding,
            "Wmo 2015 art. 2.3.2 lid 3",
            Scope::cyclus,
            "Per cyclus: de informatie over cliëntondersteuning vóór het onderzoek (zonder onderzoek: alle "
            "informatie in de cyclus). Voldaan als één bericht noemt dat de ondersteuning gratis is "
            "(gratis=ja); overtreden als ze allemaal gratis=nee hebben; onbekend als het niet is vastgelegd.",
            "De wet spreekt van gratis cliëntondersteuning. Wie niet hoort dat het niets kost, ziet er "
            "vaak van af, juist mensen met weinig geld.",
            "Brief op 5 maart met gratis=nee, gesprek op 12 maart: overtreden. Dezelfde brief zonder "
            "kolom gratis: onbekend.",
            true};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        return judge_notice_attribute(f, "gratis", "dat de cliëntondersteuning gratis is");
    }
};

}  // namespace

const Rule& inf_03() {
    static const Inf03 rule;
    return rule;
}

}  // namespace wmotoets::rules
