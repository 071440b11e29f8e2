// PRO-01 — Stap in onverwachte volgorde.
#include <algorithm>
#include <array>
#include <utility>

#include "workflow/rule.hpp"

namespace wmotoets::rules {

// Where the dossier stood when a step came that could not follow, in words a consulent uses. Every
// state of the procedure model has one (a test holds Procedure::state_names to this table).
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kSituations{{
    {"Start", "vóór er een melding was"},
    {"Vraagverheldering", "na de vraagverheldering, vóór er een melding was"},
    {"Gemeld", "na de melding, vóór het onderzoek begon"},
    {"InOnderzoek", "terwijl het onderzoek nog liep"},
    {"Onderzocht", "na het verslag, vóór er een aanvraag was"},
    {"Aangevraagd", "terwijl de aanvraag nog op een beschikking wachtte"},
    {"Besloten", "na de beschikking, zonder bezwaar"},
    {"InBezwaar", "terwijl het bezwaar nog liep"},
    {"BezwaarBesloten", "na de beslissing op bezwaar, zonder beroep"},
    {"InBeroep", "terwijl het beroep nog liep"},
    {"Uitgesproken", "na de uitspraak op het beroep"},
    {"Afgesloten", "nadat het dossier was afgesloten"},
    {"NietGeinformeerd", "vóór er informatie over of een vraag om cliëntondersteuning was"},
    {"Geinformeerd", "vóór er om een cliëntondersteuner was gevraagd of er een was toegewezen"},
    {"Gevraagd", "terwijl de vraag om cliëntondersteuning nog openstond"},
    {"Ondersteund", "terwijl er al een cliëntondersteuner was"},
    {"WisselGevraagd", "terwijl het verzoek om een andere cliëntondersteuner nog openstond"},
    {"Afgezien", "nadat de cliënt had afgezien van cliëntondersteuning"},
}};

std::string_view situation_words(std::string_view state) {
    const auto it =
        std::find_if(kSituations.begin(), kSituations.end(), [&](const auto& s) { return s.first == state; });
    return it == kSituations.end() ? std::string_view("op een onverwacht moment") : it->second;
}

namespace {

// "Beschikking van 1 juli 2024 zonder voorafgaande aanvraag", "Aanvraag van 24 juni 2024 terwijl
// het onderzoek nog liep, binnen zes weken na de melding (art. 2.3.2 lid 9)".
std::string deviation_message(const DossierFacts& f, const Deviation& d) {
    const Activity a = f.activity(d.pos);
    const std::string date = f.event(d.pos).date.dutch_long();
    if (a == Activity::besluit && d.region == Region::procedure) {
        for (const std::string_view before : {"Start", "Vraagverheldering", "Gemeld", "InOnderzoek", "Onderzocht"})
            if (d.state == before) return "Beschikking van " + date + " zonder voorafgaande aanvraag";
        for (const std::string_view after : {"Besloten", "BezwaarBesloten", "Uitgesproken"})
            if (d.state == after)
                return "Beschikking van " + date + " zonder nieuwe aanvraag na de eerdere beschikking";
    }
    if ((a == Activity::melding || a == Activity::herbeoordeling) && d.state == "Gemeld")
        return std::string(a == Activity::melding ? "Melding" : "Herbeoordeling") + " van " + date +
               " terwijl een eerdere melding nog op het onderzoek wachtte";
    std::string what(activity_words(a));
    if (!what.empty() && what[0] >= 'a' && what[0] <= 'z') what[0] = char(what[0] - 'a' + 'A');
    // "Aanvraag van 24 juni 2024 …"; words of their own ("reactie op het verslag") take "op" and a
    // comma, so that the date is not read as the verslag's.
    std::string m = what.find(' ') == std::string::npos
                        ? what + " van " + date + " " + std::string(situation_words(d.state))
                        : what + " op " + date + ", " + std::string(situation_words(d.state));
    if (!d.reason.empty()) m += ", " + d.reason;
    return m;
}

class Pro01 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "PRO-01",
            .title = "Stap in onverwachte volgorde",
            .severity = Severity::aandachtspunt,
            .basis = "Wmo 2015 art. 2.3.2 en 2.3.5; Awb hoofdstukken 6–8",
            .scope = Scope::dossier,
            .what =
                "Elk dossier wordt stap voor stap door een model van de procedure gehaald (melding, onderzoek, "
                "verslag, aanvraag, beschikking, bezwaar, beroep, en apart de cliëntondersteuning). Een stap die "
                "op dat moment niet kan volgen, wordt gemeld met wat er vreemd aan is: een beschikking zonder "
                "voorafgaande aanvraag, een aanvraag terwijl het onderzoek nog liep, een verslag nadat het "
                "dossier al was afgesloten. Geen afwijking zijn de stappen die de wet toestaat: een besluit na "
                "een herbeoordeling zonder aanvraag (Wmo 2.3.9 en 2.3.10), een tijdelijk besluit in een "
                "spoedgeval vóór het onderzoek klaar is (tijdelijk=ja bij een melding met spoed=ja, Wmo 2.3.3), "
                "en het besluit na een te vroege aanvraag: die aanvraag is de enige afwijking.",
            .why =
                "Een stap in een onverwachte volgorde wijst op een overgeslagen of verkeerd geregistreerde stap, "
                "of op een aanvraag die de gemeente behandelde vóórdat het onderzoek klaar was. Een aanvraag "
                "binnen zes weken na de melding mag de cliënt pas doen als het onderzoek is afgerond (art. 2.3.2 "
                "lid 9). Het is ook een aanwijzing dat andere bevindingen in dit dossier op onvolledige gegevens "
                "berusten; de registratie kan fout zijn terwijl de procedure goed ging.",
            .example =
                "Beschikking van 1 juli 2024 zonder voorafgaande aanvraag; of: aanvraag van 24 juni 2024 terwijl "
                "het onderzoek nog liep, binnen zes weken na de melding: beide niet voldaan.",
            .can_be_unknown = false,
            .question = "Volgen de stappen van het dossier de volgorde van de procedure?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        RuleResult r;
        bool any = false;
        for (Pos p = 0; p < f.size() && !any; ++p) any = f.activity(p) != Activity::onbekend;
        if (!any) return r;
        r.outcome = f.deviations.empty() ? Outcome::voldaan : Outcome::overtreden;
        for (const Deviation& d : f.deviations) {
            Finding& fi = r.violated(f.event(d.pos).date, {d.pos}, ctx.say([&] { return deviation_message(f, d); }));
            fi.cycle = f.cycle_of[d.pos] + 1;
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
