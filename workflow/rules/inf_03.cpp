// INF-03 — Informatie over cliëntondersteuning noemt niet dat die gratis is.
#include "workflow/rule.hpp"
#include "workflow/rules/notice.hpp"

namespace wmotoets::rules {

namespace {

class Inf03 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "INF-03",
            .title = "Informatie over cliëntondersteuning noemt niet dat die gratis is",
            .severity = Severity::overtreding,
            .basis = "Wmo 2015 art. 2.3.2 lid 3",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus: de informatie over cliëntondersteuning vóór het onderzoek (zonder onderzoek: alle "
                "informatie in de cyclus). Voldaan als één bericht noemt dat de ondersteuning gratis is "
                "(gratis=ja); overtreden als bij alle berichten staat dat dat niet genoemd is (gratis=nee); "
                "onbekend als het niet is vastgelegd.",
            .why =
                "Art. 2.3.2 lid 3 verplicht het college de cliënt en zijn mantelzorger te wijzen op de "
                "mogelijkheid gebruik te maken van gratis cliëntondersteuning. Informatie die niet zegt dat de "
                "ondersteuning gratis is, wijst niet op wat de wet noemt; wie niet weet dat het niets kost, ziet "
                "er eerder van af. Wat niet is vastgelegd, geeft onbekend: het logboek zegt dan niet wat de "
                "brief of het gesprek inhield.",
            .example =
                "Brief op 5 maart met gratis=nee, gesprek op 12 maart: overtreden. Dezelfde brief zonder kolom "
                "gratis: onbekend.",
            .can_be_unknown = true,
            .question = "Noemt de informatie over cliëntondersteuning dat die gratis is?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return judge_notice_attribute(f, ctx, "gratis", "dat de cliëntondersteuning gratis is");
    }
};

}  // namespace

const Rule& inf_03() {
    static const Inf03 rule;
    return rule;
}

}  // namespace wmotoets::rules
