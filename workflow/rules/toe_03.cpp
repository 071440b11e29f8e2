// TOE-03 — Lange wachttijd voor een cliëntondersteuner.
#include "workflow/rule.hpp"
#include "workflow/terms.hpp"

namespace wmotoets::rules {

namespace {

class Toe03 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "TOE-03",
            .title = "Lange wachttijd voor een cliëntondersteuner",
            .severity = Severity::aandachtspunt,
            .basis = "Wmo 2015 art. 2.2.4 lid 1",
            .scope = Scope::dossier,
            .what =
                "Per vraag om een cliëntondersteuner (datum d): wordt binnen 14 dagen (tot en met d + 14; de "
                "instelling wachttijd_ondersteuner_dagen) een cliëntondersteuner toegewezen? Niet van toepassing "
                "als de cliënt binnen die termijn en vóór een toewijzing afziet, intrekt of het dossier wordt "
                "gesloten; onbekend zolang de termijn op de peildatum nog loopt.",
            .why =
                "Cliëntondersteuning helpt alleen als ze er is wanneer de cliënt haar nodig heeft: vóór het "
                "gesprek en vóór de beslissing (art. 2.2.4 lid 1). De wet noemt geen termijn: de 14 dagen zijn "
                "een lokale norm, per gemeente in te stellen. Daarom een aandachtspunt.",
            .example =
                "Gevraagd op 1 maart, toegewezen op 20 maart: niet voldaan (de termijn liep tot en met 15 maart).",
            .can_be_unknown = true,
            .question = "Is binnen de termijn een cliëntondersteuner toegewezen?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        RuleResult r;
        const int days = ctx.settings.wachttijd_ondersteuner_dagen;
        for (Pos p = 0; p < f.size(); ++p) {
            if (f.activity(p) != Activity::clientondersteuning_gevraagd) continue;
            const Date d = f.date(p), last = d + days;
            std::optional<Pos> assigned, stopped;
            for (Pos q = p + 1; q < f.size() && !assigned && !stopped; ++q) {
                const Activity a = f.activity(q);
                if (a == Activity::ondersteuner_toegewezen) assigned = q;
                else if ((a == Activity::clientondersteuning_afgezien || a == Activity::intrekking ||
                          a == Activity::afsluiting) &&
                         f.date(q) <= last)
                    stopped = q;
            }
            if (stopped) continue;  // niet van toepassing for this request
            const Outcome o =
                judge_term(assigned ? std::optional<Date>(f.date(*assigned)) : std::nullopt, last, ctx.peildatum);
            if (o > r.outcome) r.outcome = o;
            if (r.open.empty() && !assigned && !closed_after(f, p)) {  // werkvoorraad: the earliest request only
                OpenStep& due = ctx.term_due(r, last, {p}, "een cliëntondersteuner toewijzen", ctx.say([&] {
                    return "Cliëntondersteuning gevraagd op " + d.dutch_long() + "; de termijn " +
                           (last < ctx.peildatum ? "liep" : "loopt") + " tot en met " + last.dutch_long() + " (" +
                           std::to_string(days) + " dagen)";
                }));
                due.cycle = f.cycle_of[p] + 1;
            }
            if (o != Outcome::overtreden) continue;
            Finding fi;
            fi.cycle = f.cycle_of[p] + 1;
            fi.deadline = last;
            fi.events = {p};
            const std::string term = ctx.say([&] { return day_term_clause(last, days); });
            if (assigned) {
                fi.date = f.date(*assigned);
                fi.events.push_back(*assigned);
                fi.message = ctx.say([&] {
                    return "Cliëntondersteuning gevraagd op " + d.dutch_long() +
                           ", een ondersteuner pas toegewezen op " + fi.date.dutch_long() + " (" +
                           std::to_string(fi.date - d) + " dagen later); " + term;
                });
            } else {
                fi.date = last + 1;
                fi.message = ctx.say([&] {
                    return "Cliëntondersteuning gevraagd op " + d.dutch_long() +
                           ", maar er is geen ondersteuner toegewezen; " + term;
                });
            }
            r.findings.push_back(std::move(fi));
        }
        return r;
    }
};

}  // namespace

const Rule& toe_03() {
    static const Toe03 rule;
    return rule;
}

}  // namespace wmotoets::rules
