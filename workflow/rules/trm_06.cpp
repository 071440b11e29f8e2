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
                "ingebrekestelling (tot en met die dag + 14; de Algemene termijnenwet verlengt dit niet)? Zo "
                "niet, dan is een dwangsom verbeurd; de bevinding noemt het indicatieve bedrag. Een "
                "ingebrekestelling op of vóór de laatste dag van de termijn is te vroeg en telt niet. Of een "
                "uitzondering van Awb 4:17 lid 6 geldt (bijvoorbeeld een kennelijk niet-ontvankelijke aanvraag), "
                "is in het logboek niet te zien.",
            .why =
                "Wie te lang op een beschikking wacht, kan de gemeente in gebreke stellen. Beslist zij daarna "
                "niet binnen twee weken, dan is zij de aanvrager per dag een dwangsom verschuldigd (Awb 4:17), en "
                "staat beroep rechtstreeks open (Awb 6:2 onder b, 6:12).",
            .example =
                "Aanvraag op 1 maart, termijn tot en met 15 maart, ingebrekestelling op 16 maart, beschikking op "
                "19 april: gesignaleerd, 20 dagen te laat, indicatieve dwangsom € 532.",
            .can_be_unknown = true,
            .question = "Kwam de beschikking binnen twee weken na de ingebrekestelling?",
        };
        return i;
    }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        return per_cycle(f, [&](const Cycle& c) {
            RuleResult r;
            const auto at = aanvraag_term(f, c, ctx.calendar);  // TRM-02's term
            if (!at) return r;
            const Pos aanvraag = at->aanvraag;
            const auto besluit = at->besluit;
            const Date last = at->term.last;
            // The first ingebrekestelling after the term (one on or before its last day has no effect).
            std::optional<Pos> notice;
            for (Pos p = aanvraag + 1; p < besluit.value_or(c.end) && !notice; ++p)
                if (f.activity(p) == Activity::ingebrekestelling && f.date(p) > last) notice = p;
            if (!notice) return r;
            const Date due = f.date(*notice) + 14;  // Awb 4:17 lid 1: no Atw
            if (besluit && f.date(*besluit) <= due) {
                r.outcome = Outcome::voldaan;
                return r;
            }
            if (!besluit && ctx.peildatum <= due) {
                r.outcome = Outcome::onbekend;
                return r;
            }
            const int days = std::min((besluit ? f.date(*besluit) : ctx.peildatum) - due, 42);
            const int euro =
                23 * std::min(days, 14) + 35 * std::min(std::max(days - 14, 0), 14) + 45 * std::max(days - 28, 0);
            std::vector<Pos> events{aanvraag, *notice};
            if (besluit) events.push_back(*besluit);
            std::string message = "Ingebrekestelling op " + f.date(*notice).dutch_long() + "; ";
            message += besluit ? "de beschikking kwam pas op " + f.date(*besluit).dutch_long()
                               : "op de peildatum (" + ctx.peildatum.dutch_long() + ") was er nog geen beschikking";
            message +=
                "; de gemeente had tot en met " + due.dutch_long() +
                " (twee weken na de ingebrekestelling, Awb 4:17). Indicatieve dwangsom: " + std::to_string(days) +
                (days == 1 ? " dag" : " dagen") + ", € " + grouped(std::size_t(euro)) +
                (days == 42 ? " (het maximum)" : "") +
                "; een uitzondering van Awb 4:17 lid 6 is in het logboek niet te zien";
            Finding& fi = r.violated(besluit ? f.date(*besluit) : due + 1, std::move(events), std::move(message));
            fi.deadline = due;
            return r;
        });
    }
};

}  // namespace

const Rule& trm_06() {
    static const Trm06 rule;
    return rule;
}

}  // namespace wmotoets::rules
