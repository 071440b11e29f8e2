// PRO-01 — Stap in onverwachte volgorde.
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Pro01 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            "PRO-01",
            "Stap in onverwachte volgorde",
            Severity::aandachtspunt,
            "Wmo 2015 art. 2.3.2 en 2.3.5; Awb hoofdstukken 6–8",
            Scope::dossier,
            "Elk dossier wordt stap voor stap door het proceduremodel gehaald (melding, onderzoek, verslag, "
            "aanvraag, besluit, bezwaar, beroep, en apart de cliëntondersteuning). Een stap die in de "
            "toestand van het dossier niet kan volgen, wordt gemeld met de toestand die hij aantrof.",
            "Een stap in de verkeerde volgorde wijst op een overgeslagen of verkeerd geregistreerde stap, "
            "of op een aanvraag die de gemeente behandelde vóórdat het onderzoek klaar was. Het is ook een "
            "aanwijzing dat andere bevindingen in dit dossier op onvolledige gegevens berusten.",
            "Een besluit zonder voorafgaande aanvraag (toestand Onderzocht), of een aanvraag twee weken na "
            "de melding terwijl het onderzoek nog loopt: beide overtreden.",
            false};
        return i;
    }

    RuleResult check(const CaseFacts& f, const RuleContext&) const override {
        RuleResult r;
        bool any = false;
        for (Pos p = 0; p < f.size() && !any; ++p) any = f.activity(p) != Activity::onbekend;
        if (!any) return r;
        r.outcome = f.deviations.empty() ? Outcome::voldaan : Outcome::overtreden;
        for (const Deviation& d : f.deviations) {
            Finding& fi = r.violated(f.event(d.pos).date, {d.pos},
                    "Stap '" + std::string(activity_name(f.activity(d.pos))) + "' op " + f.event(d.pos).date.dutch_long() +
                    " trof " + (d.region == 0 ? "de procedure" : "de cliëntondersteuning") +
                    " in toestand " + d.state);
            fi.cycle = f.cycle_of[d.pos] + 1;
            fi.message += d.reason.empty() ? " en kan daar niet volgen" : ": " + d.reason;
        }
        return r;
    }
};

}  // namespace

const Rule& pro_01() {
    static const Pro01 rule;
    return rule;
}

}  // namespace wmotoets::rules
