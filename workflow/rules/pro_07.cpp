// PRO-07 — Wmo-cliëntondersteuning na een Wlz-indicatie.
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Pro07 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "PRO-07",
            .title = "Wmo-cliëntondersteuning na een Wlz-indicatie",
            .severity = Severity::signaal,
            .basis = "VNG zelftest, levensbreed; Wlz art. 4.2.1",
            .scope = Scope::dossier,
            .what =
                "Per dossier met een Wlz-indicatie: wordt daarna nog een cliëntondersteuner toegewezen, of treedt "
                "daarna iemand op met de rol ondersteuner?",
            .why =
                "Met een Wlz-indicatie krijgt de cliënt zijn cliëntondersteuning in de regel via de Wlz-uitvoerder (in "
                "de "
                "praktijk het zorgkantoor, Wlz art. 4.2.1). Wmo-ondersteuning daarna kan dubbel zijn, of wijzen op een "
                "overdracht die niet "
                "goed is geregeld. Ze kan ook terecht zijn, voor vragen buiten wat de Wlz dekt (zoals werk, "
                "inkomen of meedoen in de buurt). Daarom een signaal, geen overtreding.",
            .example = "Wlz-indicatie op 1 september, ondersteuner toegewezen op 15 september: gesignaleerd.",
            .can_be_unknown = false,
            .question = "Krijgt de cliënt na de Wlz-indicatie geen Wmo-cliëntondersteuning meer?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        RuleResult r;
        const auto wlz = f.first(Activity::wlz_indicatie, 0, Pos(f.size()));
        if (!wlz) return r;
        r.outcome = Outcome::voldaan;
        const StrId ondersteuner = f.log->strings.find("ondersteuner");
        for (Pos p = *wlz + 1; p < f.size(); ++p) {
            const Event& e = f.event(p);
            if (e.activity != Activity::ondersteuner_toegewezen &&
                (ondersteuner == 0 || f.log->who(e).role != ondersteuner))
                continue;
            Finding& fi = r.violated(e.date, {*wlz, p}, ctx.say([&] {
                return "Na de Wlz-indicatie van " + f.date(*wlz).dutch_long() + " trad op " + e.date.dutch_long() +
                       " nog een Wmo-cliëntondersteuner op (" + std::string(activity_words(e.activity)) +
                       (f.actor(p) ? ", " + std::string(f.log->str(f.actor(p))) : std::string()) + ")";
            }));
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
