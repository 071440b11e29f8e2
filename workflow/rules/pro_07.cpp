// PRO-07 — Wmo-cliëntondersteuning na een Wlz-indicatie.
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Pro07 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            "PRO-07",
            "Wmo-cliëntondersteuning na een Wlz-indicatie",
            Severity::signaal,
            "VNG zelftest, levensbreed; Wlz art. 4.2.1",
            Scope::dossier,
            "Per dossier met een 'wlz_indicatie': wordt daarna nog een cliëntondersteuner toegewezen, of "
            "treedt daarna iemand op met de rol ondersteuner?",
            "Met een Wlz-indicatie hoort de cliënt cliëntondersteuning via het zorgkantoor (Wlz) te "
            "krijgen. Wmo-ondersteuning daarna kan dubbel zijn, of wijzen op een overdracht die niet goed "
            "is geregeld. Een signaal, geen overtreding.",
            "Wlz-indicatie op 1 september, ondersteuner toegewezen op 15 september: overtreden.",
            false};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        RuleResult r;
        const auto wlz = f.first(Activity::wlz_indicatie, 0, Pos(f.size()));
        if (!wlz) return r;
        r.outcome = Outcome::voldaan;
        const StrId ondersteuner = f.log->strings.find("ondersteuner");
        for (Pos p = *wlz + 1; p < f.size(); ++p) {
            const Event& e = f.event(p);
            if (e.activity != Activity::ondersteuner_toegewezen && (ondersteuner == 0 || f.log->who(e).role != ondersteuner)) continue;
            Finding& fi = r.violated(e.date, {*wlz, p},
                    "Na de Wlz-indicatie van " + f.date(*wlz).dutch_long() + " trad op " + e.date.dutch_long() +
                    " nog een Wmo-cliëntondersteuner op ('" + std::string(activity_name(e.activity)) + "'" +
                    (f.actor(p) ? ", " + std::string(f.log->str(f.actor(p))) : std::string()) + ")");
            fi.cycle = f.cycle_of[p] + 1;
            break;  // one finding: the first time
        }
        return r;
    }
};

}  // namespace

const Rule& pro_07() {
    static const Pro07 rule;
    return rule;
}

}  // namespace wmotoets::rules
