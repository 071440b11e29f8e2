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
            "eerste gesprek (of het verslag) gewezen op gratis cliëntondersteuning? Een wijzing telt als "
            "die aan de mantelzorger of aan cliënt en mantelzorger samen gericht is.",
            "De wet noemt de mantelzorger uitdrukkelijk: ook die moet weten dat er gratis, onafhankelijke "
            "ondersteuning is, vóórdat het onderzoek begint. Mantelzorgers dragen vaak het gesprek.",
            "Melding met mantelzorger=ja, brief over cliëntondersteuning alleen aan de cliënt, daarna het "
            "gesprek: overtreden; met aan=beide: voldaan."};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        if (!f.has_mantelzorger) return {};
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            const auto moment = c.onderzoek_moment();
            if (!moment) return r;
            std::optional<Pos> late;
            const bool met = notice_before(
                f, c, *moment,
                [](NoticeFor w) { return w == NoticeFor::mantelzorger || w == NoticeFor::beide; }, late);
            if (met) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            r.outcome = Outcome::overtreden;
            Finding fi;
            fi.date = f.event(*moment).date;
            fi.events.push_back(*moment);
            const Date late_date = late ? f.event(*late).date : Date{};
            fi.message = "Geen wijzing aan de mantelzorger vóór het " + std::string(activity_name(f.activity(*moment))) +
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

const Rule& inf_02() {
    static const Inf02 rule;
    return rule;
}

}  // namespace wmotoets::rules
