// ONA-04 — Verzoek om een andere cliëntondersteuner niet ingewilligd.
#include "workflow/rule.hpp"
#include "workflow/terms.hpp"

namespace wmotoets::rules {

namespace {

class Ona04 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "ONA-04",
            .title = "Verzoek om een andere cliëntondersteuner niet ingewilligd",
            .severity = Severity::aandachtspunt,
            .basis = "Memorie van toelichting Wmo 2015 (wetsgeschiedenis, zoals aangehaald in de VNG zelftest)",
            .scope = Scope::dossier,
            .what =
                "Per verzoek om een andere cliëntondersteuner (datum d): wordt binnen 14 dagen (tot en met d + "
                "14; de instelling andere_ondersteuner_dagen) een ondersteuner toegewezen die een ander is dan de "
                "laatst toegewezen ondersteuner vóór het verzoek? Niet voldaan bij een weigering, bij opnieuw "
                "dezelfde persoon, bij een latere toewijzing, of als er na de termijn nog niemand is; onbekend "
                "zolang de termijn op de peildatum loopt of als bij de toewijzing geen medewerker staat.",
            .why =
                "Volgens de memorie van toelichting bij de Wmo 2015 moet een cliënt die twijfelt aan de "
                "objectiviteit van zijn ondersteuner een ander kunnen krijgen (zoals aangehaald in de VNG "
                "zelftest). De wet zelf noemt geen termijn: de 14 dagen zijn een instelling van deze toets. "
                "Daarom een aandachtspunt.",
            .example =
                "Verzoek op 1 maart, op 10 maart wordt dezelfde ondersteuner O3 opnieuw toegewezen: niet voldaan.",
            .can_be_unknown = true,
            .question = "Is een verzoek om een andere cliëntondersteuner binnen de termijn ingewilligd?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        RuleResult r;
        const int days = ctx.settings.andere_ondersteuner_dagen;
        StrId previous = 0;  // actor of the latest ondersteuner_toegewezen so far
        for (Pos p = 0; p < f.size(); ++p) {
            const Activity a = f.activity(p);
            if (a == Activity::ondersteuner_toegewezen) previous = f.actor(p);
            if (a != Activity::andere_ondersteuner_verzocht) continue;
            const Date d = f.date(p), last = d + days;
            Outcome o = Outcome::onbekend;
            Finding fi;
            fi.deadline = last;
            fi.events = {p};
            const std::string asked =
                ctx.say([&] { return "Verzoek om een andere cliëntondersteuner op " + d.dutch_long(); });
            const std::string term = ctx.say([&] { return day_term_clause(last, days); });
            std::optional<Pos> next;
            for (Pos q = p + 1; q < f.size() && !next; ++q)
                if (f.activity(q) == Activity::ondersteuner_toegewezen ||
                    f.activity(q) == Activity::andere_ondersteuner_geweigerd)
                    next = q;
            if (r.open.empty() && !next && !closed_after(f, p)) {  // werkvoorraad: the earliest request only
                OpenStep& due = ctx.term_due(r, last, {p}, "een andere cliëntondersteuner toewijzen", ctx.say([&] {
                    std::string detail = asked;
                    if (previous != 0) detail += " (nu " + std::string(f.log->str(previous)) + ")";
                    detail += "; de termijn " + std::string(last < ctx.peildatum ? "liep" : "loopt") + " tot en met " +
                              last.dutch_long() + " (" + std::to_string(days) + " dagen)";
                    return detail;
                }));
                due.cycle = f.cycle_of[p] + 1;
            }
            if (!next) {
                if (ctx.peildatum > last) {
                    o = Outcome::overtreden;
                    fi.date = last + 1;
                    fi.message =
                        ctx.say([&] { return asked + ", maar er is geen andere ondersteuner toegewezen; " + term; });
                }
            } else if (f.activity(*next) == Activity::andere_ondersteuner_geweigerd) {
                o = Outcome::overtreden;
                fi.date = f.date(*next);
                fi.events.push_back(*next);
                fi.message = ctx.say([&] { return asked + " is op " + fi.date.dutch_long() + " geweigerd"; });
            } else if (f.actor(*next) == 0) {
                o = Outcome::onbekend;  // who was assigned is not recorded
            } else if (previous != 0 && f.actor(*next) == previous) {
                o = Outcome::overtreden;
                fi.date = f.date(*next);
                fi.events.push_back(*next);
                fi.message = ctx.say([&] {
                    return asked + "; op " + fi.date.dutch_long() + " is dezelfde ondersteuner " +
                           std::string(f.log->str(previous)) + " opnieuw toegewezen";
                });
            } else if (f.date(*next) <= last) {
                o = Outcome::voldaan;
            } else {
                o = Outcome::overtreden;
                fi.date = f.date(*next);
                fi.events.push_back(*next);
                fi.message = ctx.say([&] {
                    return asked + "; een andere ondersteuner kwam pas op " + fi.date.dutch_long() + "; " + term;
                });
            }
            if (o > r.outcome) r.outcome = o;
            if (o == Outcome::overtreden) {
                fi.cycle = f.cycle_of[p] + 1;
                r.findings.push_back(std::move(fi));
            }
        }
        return r;
    }
};

}  // namespace

const Rule& ona_04() {
    static const Ona04 rule;
    return rule;
}

}  // namespace wmotoets::rules
