// INF-04 — Informatie over cliëntondersteuning noemt niet dat die onafhankelijk is.
#include "workflow/rule.hpp"
#include "workflow/rules/notice.hpp"

namespace wmotoets::rules {

namespace {

class Inf04 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "INF-04",
            .title = "Informatie over cliëntondersteuning noemt niet dat die onafhankelijk is",
            .severity = Severity::aandachtspunt,
            .basis = "Wmo 2015 art. 1.1.1; VNG zelftest, informatieplicht",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus: de informatie over cliëntondersteuning vóór het onderzoek (zonder onderzoek: alle "
                "informatie in de cyclus). Voldaan als één bericht noemt dat de ondersteuning onafhankelijk is "
                "(onafhankelijk=ja); niet voldaan als bij alle berichten staat dat dat niet genoemd is "
                "(onafhankelijk=nee); onbekend als het niet is vastgelegd.",
            .why =
                "De wet omschrijft cliëntondersteuning als 'onafhankelijke ondersteuning' (art. 1.1.1), waarbij "
                "'het belang van betrokkene uitgangspunt' is (art. 2.2.4 lid 2), en de VNG zelftest vraagt of de "
                "informatie de onafhankelijkheid noemt. De wet eist dat niet letterlijk, daarom is dit een "
                "aandachtspunt: wie denkt dat de ondersteuner 'van de gemeente' is, vraagt er minder snel om of "
                "vertrouwt hem minder.",
            .example =
                "Een folder op 5 maart die cliëntondersteuning noemt maar niet dat die onafhankelijk is "
                "(onafhankelijk=nee): niet voldaan.",
            .can_be_unknown = true,
            .question = "Noemt de informatie over cliëntondersteuning dat die onafhankelijk is?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return judge_notice_attribute(f, ctx, "onafhankelijk", "dat de cliëntondersteuning onafhankelijk is");
    }
};

}  // namespace

const Rule& inf_04() {
    static const Inf04 rule;
    return rule;
}

}  // namespace wmotoets::rules
