// TRM-06 — Dwangsom verbeurd: geen beschikking binnen twee weken na de ingebrekestelling.
#include "util/text.hpp"
#include "workflow/rule.hpp"
#include "workflow/terms.hpp"

namespace wmotoets::rules {

namespace {

class Trm06 final : public Rule {
public:
    const RuleInfo& info() const override {
        static const RuleInfo i{
            .id = "TRM-06",
            .title = "Dwangsom verbeurd: geen beschikking binnen twee weken na de ingebrekestelling",
            .severity = Severity::signaal,
            .basis = "Awb 4:17",
            .scope = Scope::cyclus,
            .what =
                "Per cyclus met een aanvraag en daarna een ingebrekestelling, ontvangen na de laatste dag van de "
                "beslistermijn (TRM-02) en vóór de beschikking: kwam de beschikking binnen twee weken na de "
                "ingebrekestelling? Die twee weken verlengt de toets volgens de Algemene termijnenwet: Awb 4:17 "
                "lid 1 sluit die wet alleen uit voor het maximum van 42 dagen, dus is verlengen de lezing die de "
                "gemeente bevoordeelt. Zo niet, dan is een dwangsom verbeurd; de bevinding noemt het indicatieve "
                "bedrag, berekend met de bedragen die golden op de dag van de ingebrekestelling (er is geen "
                "overgangsrecht gevonden; die dag nemen in plaats van de dagen waarop de dwangsom verbeurde, "
                "bevoordeelt de gemeente). Hetzelfde in bezwaar (Awb 7:14): een ingebrekestelling na de laatste "
                "dag van de beslistermijn op bezwaar (TRM-03) en vóór de beslissing op bezwaar. Een "
                "ingebrekestelling op of vóór de laatste dag van de termijn is te vroeg en telt niet. Of een "
                "uitzondering van Awb 4:17 lid 6 geldt (bijvoorbeeld een onredelijk laat ingediende "
                "ingebrekestelling, lid 6 onder a), is in het logboek niet te zien.",
            .why =
                "Wie te lang op een beschikking wacht, kan de gemeente in gebreke stellen. Beslist zij daarna "
                "niet binnen twee weken, dan is zij de aanvrager per dag een dwangsom verschuldigd (Awb 4:17), en "
                "staat beroep rechtstreeks open (Awb 6:2 onder b, 6:12). De dwangsom loopt tot en met de dag "
                "waarop de beschikking bekend is gemaakt (memorie van toelichting bij art. 4:18), ten hoogste 42 "
                "dagen. De bedragen per dag staan als data naast de kalender: € 23, € 35 en € 45 sinds 1 januari "
                "2019 (Regeling van 14 november 2018, Stcrt. 2018, 65542), daarvoor € 20, € 30 en € 40.",
            .example =
                "Aanvraag op vrijdag 1 maart 2024, termijn tot en met 15 maart, ingebrekestelling op maandag 18 "
                "maart; twee weken later is maandag 1 april, Tweede Paasdag, dus de gemeente had tot en met 2 "
                "april. Beschikking op 22 april: gesignaleerd, 20 dagen te laat, indicatieve dwangsom 14 × € 23 "
                "+ 6 × € 35 = € 532.",
            .can_be_unknown = true,
            .question = "Kwam de beschikking binnen twee weken na de ingebrekestelling?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            if (const auto at = aanvraag_term(f, c, ctx.calendar))  // TRM-02's term
                judge(f, ctx, at->aanvraag, at->term.last, at->besluit.value_or(c.end), at->besluit, r);
            if (const auto bt = bezwaar_term(f, c, ctx.calendar))  // TRM-03's term (Awb 7:14)
                judge(f, ctx, bt->bezwaar, bt->term.last, bt->beslissing.value_or(c.end), bt->beslissing, r);
            return r;
        });
    }

private:
    // The first ingebrekestelling in (from, until) after the last day `last` of the decision term,
    // and the decision at `decision` (if any) against two weeks after it.
    static void judge(const DossierFacts& f, const RuleContext& ctx, Pos from, Date last, Pos until,
                      std::optional<Pos> decision, RuleResult& r) {
        std::optional<Pos> notice;
        for (Pos p = from + 1; p < until && !notice; ++p)
            if (f.activity(p) == Activity::ingebrekestelling && f.date(p) > last) notice = p;
        if (!notice) return;
        const Date x = f.date(*notice);
        const DecisionTerm due = week_term(x, 2, ctx.calendar);  // Awb 4:17 lid 1, with the Atw
        Outcome o = Outcome::overtreden;
        if (decision && f.date(*decision) <= due.last) o = Outcome::voldaan;
        else if (!decision && ctx.peildatum <= due.last) o = Outcome::onbekend;
        if (o > r.outcome) r.outcome = o;
        const bool bezwaar = f.activity(from) == Activity::bezwaar;
        if (!decision && !closed_after(f, *notice, until)) {  // werkvoorraad
            const DwangsomRates* rates = ctx.calendar.dwangsom_rates(x);
            ctx.term_due(r, due.last, {from, *notice},
                         bezwaar ? "op het bezwaar beslissen vóór de dwangsom gaat lopen"
                                 : "de beschikking geven vóór de dwangsom gaat lopen",
                         ctx.say([&] {
                             std::string detail =
                                 "Ingebrekestelling op " + x.dutch_long() + "; " +
                                 open_term_clause(due, ctx.peildatum, "de ingebrekestelling", ctx.calendar) +
                                 ", Awb 4:17" + (bezwaar ? " en 7:14" : "") +
                                 "; daarna is de aanvrager per dag een dwangsom verschuldigd";
                             if (rates)
                                 detail += " (€ " + std::to_string(rates->per_day[0]) +
                                           " per dag de eerste 14 dagen, ten hoogste 42 dagen)";
                             return detail;
                         }));
        }
        if (o != Outcome::overtreden) return;
        const int days = std::min((decision ? f.date(*decision) : ctx.peildatum) - due.last, 42);  // no Atw on the 42
        std::vector<Pos> events{from, *notice};
        if (decision) events.push_back(*decision);
        std::string message = ctx.say([&] {
            const std::string what = bezwaar ? "de beslissing op bezwaar" : "de beschikking";
            std::string m = "Ingebrekestelling op " + x.dutch_long();
            if (bezwaar) m += " over het bezwaar van " + f.date(from).dutch_long();
            m += decision ? "; " + what + " kwam pas op " + f.date(*decision).dutch_long()
                          : "; op de peildatum (" + ctx.peildatum.dutch_long() + ") was er nog geen " +
                                (bezwaar ? "beslissing op bezwaar" : "beschikking");
            m += "; " + term_clause(due, "de ingebrekestelling", ctx.calendar) + ", Awb 4:17" +
                 (bezwaar ? " en 7:14" : "") + ". Indicatieve dwangsom: " + std::to_string(days) +
                 (days == 1 ? " dag" : " dagen") + amount(ctx.calendar.dwangsom_rates(x), days) +
                 (days == 42 ? " (het maximum)" : "") +
                 "; een uitzondering van Awb 4:17 lid 6 is in het logboek niet te zien";
            return m;
        });
        Finding& fi = r.violated(decision ? f.date(*decision) : due.last + 1, std::move(events), std::move(message));
        fi.deadline = due.last;
    }

    // ", 14 × € 23 + 6 × € 35 = € 532 (bedragen per [date] …)" for `days` days at `rates`.
    static std::string amount(const DwangsomRates* rates, int days) {
        if (!rates) return " (geen bedragen bekend voor die datum)";
        const int bands[3] = {std::min(days, 14), std::min(std::max(days - 14, 0), 14), std::max(days - 28, 0)};
        std::string sum;
        int euro = 0;
        for (int i = 0; i < 3; ++i) {
            if (bands[i] == 0) continue;
            if (!sum.empty()) sum += " + ";
            sum += std::to_string(bands[i]) + " × € " + std::to_string(rates->per_day[std::size_t(i)]);
            euro += bands[i] * rates->per_day[std::size_t(i)];
        }
        return ", " + sum + " = € " + grouped(std::size_t(euro)) + " (bedragen van " + rates->from.dutch_long() +
               " af, naar de datum van de ingebrekestelling)";
    }
};

}  // namespace

const Rule& trm_06() {
    static const Trm06 rule;
    return rule;
}

}  // namespace wmotoets::rules
