// TRM-05 — Beroep na afloop van de beroepstermijn ingesteld.
#include "workflow/rules/lodging.hpp"

namespace wmotoets::rules {

namespace {

class Trm05 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "TRM-05",
            .title = "Beroep na afloop van de beroepstermijn ingesteld",
            .severity = Severity::signaal,
            .basis = "Awb 6:7, 6:8, 6:9, 6:11",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een beslissing op bezwaar en daarna een beroep: is het beroepschrift binnen zes "
                "weken na de beslissing op bezwaar bij de rechtbank ontvangen (Algemene termijnenwet)? De datum "
                "die telt, is die van ontvangst door de rechtbank. Later ontvangen is toch op tijd als het vóór "
                "het einde van de termijn per post is verzonden (kolom verzonden) en binnen een week daarna "
                "binnenkwam (Awb 6:9 lid 2); binnen die week zonder verzenddatum geeft onbekend. Die week geldt "
                "alleen voor post (PostNL of een bij de ACM geregistreerd postvervoerbedrijf): per koerier binnen "
                "die week geeft onbekend; digitaal, per e-mail of aan de balie telt de dag van ontvangst.",
            .why =
                "Een beroep dat na de termijn is ingesteld, kan niet-ontvankelijk worden verklaard, tenzij de "
                "overschrijding verschoonbaar is (Awb 6:11). De beslissing op bezwaar moet vermelden binnen welke "
                "termijn en bij wie beroep kan worden ingesteld (Awb 3:45).",
            .example =
                "Beslissing op bezwaar op 1 maart 2024, beroep ingesteld op 20 april zonder verzenddatum: "
                "gesignaleerd (de termijn liep tot en met 12 april, de postweek tot en met 19 april).",
            .can_be_unknown = true,
            .question = "Is het beroep binnen de beroepstermijn ingesteld?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return judge_lodging_rule(f, ctx, Activity::besluit_op_bezwaar, Activity::beroep);
    }
};

}  // namespace

const Rule& trm_05() {
    static const Trm05 rule;
    return rule;
}

}  // namespace wmotoets::rules
