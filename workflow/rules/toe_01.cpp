// TOE-01 — Eigen bijdrage gevraagd voor cliëntondersteuning.
#include "util/text.hpp"
#include "workflow/rule.hpp"

namespace wmotoets::rules {

namespace {

class Toe01 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "TOE-01",
            .title = "Eigen bijdrage gevraagd voor cliëntondersteuning",
            .severity = Severity::overtreding,
            .basis = "Wmo 2015 art. 2.1.4",
            .scope = Scope::dossier,
            .what =
                "Per dossier met cliëntondersteuning (een toegewezen of gevraagde ondersteuner, of een eigen "
                "bijdrage voor cliëntondersteuning): is er een eigen bijdrage voor cliëntondersteuning "
                "(voorziening=clientondersteuning) met een bedrag boven 0, of zonder bedrag? Een bedrag dat niet "
                "te lezen is, geeft onbekend.",
            .why =
                "Een gemeente mag bij verordening een bijdrage in de kosten vragen voor algemene voorzieningen, "
                "maar niet voor cliëntondersteuning: de wet zondert die uit (art. 2.1.4 lid 5 in de tekst van "
                "2026; in de tekst van 2015 lid 1 onder a, 'niet zijnde cliëntondersteuning'). Een bijdrage kan mensen "
                "ervan weerhouden om ondersteuning te vragen.",
            .example =
                "Eigen bijdrage op 1 juni, voorziening=clientondersteuning, bedrag € 19,00: overtreden. Hetzelfde "
                "met bedrag 0: voldaan.",
            .can_be_unknown = true,
            .question = "Is cliëntondersteuning gegeven zonder eigen bijdrage?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        RuleResult r;
        bool applies = false, unknown = false;
        for (Pos p = 0; p < f.size(); ++p) {
            const Activity a = f.activity(p);
            if (a == Activity::ondersteuner_toegewezen || a == Activity::clientondersteuning_gevraagd) applies = true;
            if (a != Activity::eigen_bijdrage || !compacts_to(f.attr(p, "voorziening"), "clientondersteuning"))
                continue;
            applies = true;
            const std::string_view text = trim(f.attr(p, "bedrag"));
            const auto amount = text.empty() ? std::optional<double>{} : parse_amount(text);
            if (!text.empty() && !amount) {
                unknown = true;
                continue;
            }
            if (amount && *amount <= 0) continue;
            Finding& fi = r.violated(f.date(p), {p}, ctx.say([&] {
                return "Op " + f.date(p).dutch_long() + " is een eigen bijdrage voor cliëntondersteuning opgelegd" +
                       (amount ? " van € " + std::string(text.substr(text.find_first_of("0123456789")))
                               : std::string(" (zonder bedrag)"));
            }));
            fi.cycle = f.cycle_of[p] + 1;
        }
        if (!applies) return r;
        r.outcome = !r.findings.empty() ? Outcome::overtreden : unknown ? Outcome::onbekend : Outcome::voldaan;
        return r;
    }
};

}  // namespace

const Rule& toe_01() {
    static const Toe01 rule;
    return rule;
}

}  // namespace wmotoets::rules
