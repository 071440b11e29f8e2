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
            "Een wijzing telt als die aan de cliënt of aan cliënt en mantelzorger samen gericht is "
            "(zonder 'aan' geldt: aan de cliënt).",
            "De gemeente moet de cliënt vóór het onderzoek wijzen op gratis, onafhankelijke "
            "cliëntondersteuning, zodat de cliënt het keukentafelgesprek niet alleen hoeft te voeren. "
            "Een wijzing achteraf komt te laat om er nog gebruik van te maken.",
            "Melding op 4 maart, keukentafelgesprek op 12 maart, brief over cliëntondersteuning op "
            "20 maart: overtreden, want de cliënt hoorde er pas na het gesprek van."};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            const auto moment = c.onderzoek_moment();
            if (!moment) return r;
            std::optional<Pos> late;
            const bool met = notice_before(
                f, c, *moment,
                [](NoticeFor w) { return w == NoticeFor::client || w == NoticeFor::beide; }, late);
            if (met) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            r.outcome = Outcome::overtreden;
            Finding fi;
            fi.date = f.event(*moment).date;
            fi.events.push_back(*moment);
            const Date late_date = late ? f.event(*late).date : Date{};
            fi.message = "Geen wijzing aan de cliënt vóór het " + std::string(activity_name(f.activity(*moment))) +
                         " op " + fi.date.dutch_long();
            if (late) {
                fi.message += late_date == fi.date ? "; die kwam pas daarna, op dezelfde dag"
                                                   : "; die kwam pas na het onderzoek, op " + late_date.dutch_long();
                fi.events.push_back(*late);
            }
            r.findings.push_back(std::move(fi));
            return r;
        });
    }
};

}  // namespace

const Rule& inf_01() {
    static const Inf01 rule;
    return rule;
}

}  // namespace wmotoets::rules
