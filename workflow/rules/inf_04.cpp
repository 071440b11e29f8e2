// INF-04 — Informatie over cliëntondersteuning noemt niet dat die onafhankelijk is.
#include "workflow/rule.hpp"
#include "workflow/rules/notice.hpp"

namespace wmotoets::rules {

namespace {

class Inf04 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            "INF-04",
            "Informatie over cliëntondersteuning noemt niet dat die onafhankelijk is",
            Severity::aandachtspunt,
            "Wmo 2015 art. 1.1.1; VNG zelftest, informatieplicht",
            Scope::cyclus,
            "Per cyclus: de informatie over cliëntondersteuning vóór het onderzoek (zonder onderzoek: alle "
            "informatie in de cyclus). Voldaan als één bericht noemt dat de ondersteuning onafhankelijk is "
            "(onafhankelijk=ja); overtreden als ze allemaal onafhankelijk=nee hebben; onbekend als het niet "
            "is vastgelegd.",
            "Cliëntondersteuning staat aan de kant van de cliënt. Wie denkt dat de ondersteuner 'van de "
            "gemeente' is, vraagt er minder snel om of vertrouwt hem minder.",
            "Een folder op 5 maart die cliëntondersteuning noemt maar niet dat die onafhankelijk is "
            "(onafhankelijk=nee): overtreden.",
            true};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        return judge_notice_attribute(f, "onafhankelijk", "dat de cliëntondersteuning onafhankelijk is");
    }
};

}  // namespace

const Rule& inf_04() {
    static const Inf04 rule;
    return rule;
}

}  // namespace wmotoets::rules
