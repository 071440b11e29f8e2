// TRM-04 — Bezwaar na afloop van de bezwaartermijn ontvangen.
#include "workflow/rules/lodging.hpp"

namespace wmotoets::rules {

namespace {

class Trm04 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "TRM-04",
            .title = "Bezwaar na afloop van de bezwaartermijn ontvangen",
            .severity = Severity::signaal,
            .basis = "Awb 6:7, 6:8, 6:9, 6:11",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een besluit en daarna een bezwaar: is het bezwaar binnen zes weken na het bestreden "
                "besluit (het laatste besluit vóór het bezwaar) ontvangen (Algemene termijnenwet)? Later ontvangen "
                "is toch op tijd als het vóór het einde van de termijn per post is verzonden (kolom verzonden) en "
                "binnen een week daarna binnenkwam (Awb 6:9 lid 2); binnen die week ontvangen zonder verzenddatum "
                "geeft onbekend. Die week geldt alleen voor post (PostNL of, sinds 16 juni 2020, een ander bij de "
                "ACM geregistreerd postvervoerbedrijf): per koerier binnen die week geeft onbekend, want het "
                "logboek zegt niet of de koerier zo'n bedrijf is; digitaal, per e-mail of aan de balie telt de dag "
                "van ontvangst.",
            .why =
                "Een bezwaar dat na de termijn binnenkomt, kan niet-ontvankelijk worden verklaard, tenzij de "
                "overschrijding verschoonbaar is (Awb 6:11). Het is een signaal, geen verwijt aan de gemeente: een "
                "reeks te late bezwaren kan wijzen op een onduidelijke rechtsmiddelenclausule; het besluit moet "
                "vermelden binnen welke termijn en bij wie bezwaar kan worden gemaakt (Awb 3:45).",
            .example =
                "Besluit op vrijdag 12 december 2025, bezwaar ontvangen op 27 januari 2026 en verzonden op 22 "
                "januari: op tijd (de termijn liep tot en met 23 januari).",
            .can_be_unknown = true,
            .question = "Is het bezwaar binnen de bezwaartermijn ontvangen?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return judge_lodging_rule(f, ctx, Activity::besluit, Activity::bezwaar);
    }
};

}  // namespace

const Rule& trm_04() {
    static const Trm04 rule;
    return rule;
}

}  // namespace wmotoets::rules
