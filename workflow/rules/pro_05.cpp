// PRO-05 — Beslissing op bezwaar zonder de indiener van het bezwaarschrift in de gelegenheid te
// stellen te worden gehoord.
#include <array>

#include "util/text.hpp"
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

// A ground of Awb 7:3 not to hear, with the outcomes of the beslissing op bezwaar that contradict
// it ("kennelijk" is applied restrictively: CRvB 4 March 2016, ECLI:NL:CRVB:2016:774).
struct Ground {
    std::string_view label;  // folded
    std::string_view words;  // "het bezwaar kennelijk ongegrond was"
    std::array<std::string_view, 3> contradicted_by;
};
constexpr std::array<Ground, 5> kGrounds{{
    {"kennelijk_niet_ontvankelijk",
     "het bezwaar kennelijk niet-ontvankelijk was",
     {"gegrond", "deels_gegrond", "ongegrond"}},
    {"kennelijk_ongegrond", "het bezwaar kennelijk ongegrond was", {"gegrond", "deels_gegrond", {}}},
    {"afgezien", "de indiener afzag van horen", {}},
    {"niet_gereageerd", "de indiener niet tijdig zei gehoord te willen worden", {}},
    {"volledig_tegemoetgekomen", "aan het bezwaar volledig was tegemoetgekomen", {"ongegrond", "deels_gegrond", {}}},
}};

// The ground of Awb 7:3 a geen_hoorzitting_reden names, folded as labels are ("Kennelijk ongegrond
// (Awb 7:3 sub b)" counts as kennelijk_ongegrond); nullptr for none.
const Ground* awb_7_3_ground(std::string_view reason) {
    if (reason.empty()) return nullptr;
    const std::string folded = fold_label(reason);
    for (const Ground& g : kGrounds)
        if (folded.find(g.label) != std::string::npos) return &g;
    return nullptr;
}

// "gegrond", "deels gegrond", "ongegrond" for the outcome of a beslissing op bezwaar.
std::string outcome_words(std::string_view folded) {
    std::string s(folded);
    for (char& ch : s)
        if (ch == '_') ch = ' ';
    return s;
}

class Pro05 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "PRO-05",
            .title =
                "Beslissing op bezwaar zonder de indiener van het bezwaarschrift in de gelegenheid te stellen "
                "te worden gehoord",
            .severity = Severity::overtreding,
            .basis = "Awb 7:2 en 7:3",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een beslissing op bezwaar: is de indiener van het bezwaarschrift vóór de (eerste) "
                "beslissing in de gelegenheid gesteld te worden gehoord (een hoorzitting in dezelfde cyclus, ook "
                "als hij niet verscheen), of staat bij de beslissing een grond van Awb 7:3 om niet te horen "
                "(kennelijk niet-ontvankelijk, kennelijk ongegrond, afgezien, niet gereageerd, volledig "
                "tegemoetgekomen)? Een grond die de uitkomst zelf tegenspreekt, telt niet: kennelijk ongegrond "
                "terwijl het bezwaar (deels) gegrond is verklaard, kennelijk niet-ontvankelijk terwijl het "
                "inhoudelijk is beoordeeld, volledig tegemoetgekomen terwijl het (deels) ongegrond is verklaard. "
                "Een andere reden geeft onbekend.",
            .why =
                "Voordat op het bezwaar wordt beslist, stelt het bestuursorgaan de indiener van het bezwaarschrift "
                "in de gelegenheid te worden gehoord (Awb 7:2). Alleen in de gevallen van Awb 7:3 mag dat "
                "achterwege blijven, en dan moet de grond er staan. 'Kennelijk' betekent dat er redelijkerwijs "
                "geen twijfel over mogelijk is (CRvB 4 maart 2016, ECLI:NL:CRVB:2016:774); een bezwaar dat "
                "gegrond wordt verklaard, was dus niet kennelijk ongegrond. Een bezwaar dat niet-ontvankelijk "
                "wordt omdat de gemeente het met een nieuw besluit volledig tegemoetkwam, is een juist gebruik van "
                "grond e.",
            .example =
                "Bezwaar op 1 mei, beslissing op bezwaar op 10 juni zonder hoorzitting en zonder reden: "
                "overtreden. Met als reden om niet te horen 'kennelijk ongegrond': voldaan, tenzij het bezwaar "
                "gegrond is verklaard (dan overtreden). Met als reden 'drukte': onbekend.",
            .can_be_unknown = true,
            .question =
                "Is de indiener van het bezwaarschrift vóór de beslissing op bezwaar in de gelegenheid gesteld "
                "te worden gehoord?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            const auto bob = f.first(Activity::besluit_op_bezwaar, c.begin, c.end);
            if (!bob) return r;
            // A hearing offered counts, also when the objector did not come (verschenen=nee).
            if (f.first(Activity::hoorzitting, c.begin, *bob)) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            const std::string_view reason = trim(f.attr(*bob, "geen_hoorzitting_reden"));
            const std::string date = ctx.say([&] { return f.date(*bob).dutch_long(); });
            if (const Ground* g = awb_7_3_ground(reason)) {
                const std::string uitkomst = fold_label(f.attr(*bob, "uitkomst"));
                for (const std::string_view contra : g->contradicted_by)
                    if (!contra.empty() && uitkomst == contra) {
                        r.violated(f.date(*bob), {*bob}, ctx.say([&] {
                            return "Beslissing op bezwaar op " + date + " zonder de indiener te horen, omdat " +
                                   std::string(g->words) + ", terwijl het bezwaar " + outcome_words(uitkomst) +
                                   " is verklaard: de uitkomst spreekt die grond tegen (Awb 7:3)";
                        }));
                        return r;
                    }
                r.outcome = Outcome::voldaan;
                return r;
            }
            if (!reason.empty()) {  // a reason that is none of the grounds of 7:3: the log cannot settle it
                r.outcome = Outcome::onbekend;
                return r;
            }
            Finding& fi = r.violated(f.date(*bob), {*bob}, ctx.say([&] {
                return "Beslissing op bezwaar op " + date +
                       " zonder de indiener van het bezwaarschrift in de gelegenheid te stellen te "
                       "worden gehoord, en zonder vermelde grond om niet te horen";
            }));
            if (const auto late = f.first(Activity::hoorzitting, *bob + 1, c.end)) {
                if (ctx.words) fi.message += " (de hoorzitting was pas op " + f.date(*late).dutch_long() + ")";
                fi.events.push_back(*late);
            }
            return r;
        });
    }
};

}  // namespace

const Rule& pro_05() {
    static const Pro05 rule;
    return rule;
}

}  // namespace wmotoets::rules
