#pragma once
// The statutory terms of docs/spec/deadlines.md on a replayed case: decision terms with suspension
// (Awb 4:15, 7:10 lid 2) and verdaging (Awb 4:14, 7:10 lid 3–4), lodging terms with posted
// objections (Awb 6:9), the exception for withdrawn or closed cases, and the Dutch wording of a
// term for findings. Shared by the TRM rules; tested on the worked examples.
#include <optional>
#include <string>
#include <vector>

#include "workflow/rule.hpp"

namespace wmotoets {

struct DecisionTerm {
    Date start;  // day 0
    int weeks = 0;
    int suspension_days = 0;       // added before the Atw step
    bool suspension_open = false;  // a suspension still running and no decision yet
    Date suspended_since;          // the start of that suspension
    Date raw;                      // the day the last Atw step started from
    Date last;                     // the last day of the term
    std::vector<Pos> events;       // the suspensions and verdagingen that count
    std::vector<Pos> verdagingen;  // every verdaging in the term (aanvraag: notices only)
    bool verdaagd = false;         // bezwaar: the last day was moved by a verdaging
    std::string note;              // said inside the parentheses of term_clause, after the rest

    // The last day if a suspension still open ended on the peildatum (the earliest it can be; every
    // further day of suspension moves it one day on); `last` when none is open.
    Date last_if_resumed(Date peildatum, const Calendar& cal) const;
};

// The working days of every date a log can hold (1900–2199, as imports accept them), counted once per
// run: working_days_left then needs two lookups, whatever the distance.
struct WorkingDayCount {
    explicit WorkingDayCount(const Calendar& cal);
    // Working days from 1 January 1900 through `d`; nullopt outside the table.
    std::optional<int> through(Date d) const;

private:
    Date first_;
    std::vector<int> prefix_;
};

enum class TermKind { aanvraag, bezwaar };

// The term "binnen `weeks` weken na `start`" for a decision expected in positions (from, until):
// `from` is the aanvraag or bezwaar, `until` the decision (exclusive) or the end of the cycle.
// `decision` ends a suspension that is still open.
DecisionTerm decision_term(const DossierFacts& f, Date start, int weeks, Pos from, Pos until,
                           std::optional<Pos> decision, TermKind kind, const Calendar& cal);

// The decision term of a cycle's aanvraag (TRM-02, TRM-06): its first aanvraag, the first besluit
// after it (not a temporary one), and "binnen twee weken" (Wmo 2.3.5 lid 2) with suspensions;
// nullopt without an aanvraag. A premature aanvraag (Wmo 2.3.2 lid 9) gives way to the first later
// aanvraag; without one it counts as received on the day of the verslag or the day after the six
// weeks, whichever is first, and `premature` says its outcome is at worst onbekend. A besluit that
// does not consider the aanvraag (uitkomst buiten_behandeling, Awb 4:5) is judged against the later
// of that last day and four weeks after the end of the hersteltermijn (Awb 4:5 lid 4).
struct AanvraagTerm {
    Pos aanvraag = 0;  // the aanvraag judged (the first, or the first after a premature one)
    std::optional<Pos> besluit;
    DecisionTerm term;
    bool premature = false;
};
std::optional<AanvraagTerm> aanvraag_term(const DossierFacts& f, const Cycle& c, const Calendar& cal);

// The decision term of a cycle's bezwaar (TRM-03, TRM-06): the first bezwaar after the cycle's first
// besluit, its contested besluit (the last besluit before it), the first besluit_op_bezwaar after it,
// and six or twelve weeks (Awb 7:10) from the end of the bezwaartermijn, or from the day the bezwaar
// was received when that is later (a late bezwaar, the reading that favours the municipality).
struct BezwaarTerm {
    Pos besluit = 0, bezwaar = 0;
    std::optional<Pos> beslissing;
    bool commissie = false;
    bool from_receipt = false;  // counted from the receipt of a late bezwaar
    DecisionTerm term;
};
std::optional<BezwaarTerm> bezwaar_term(const DossierFacts& f, const Cycle& c, const Calendar& cal);

// The first `intrekking` in (after, end) dated on or before `last`; with `afsluiting_too` also an
// `afsluiting` (TRM-01: a melding needs no besluit; an aanvraag and a bezwaar do).
std::optional<Pos> withdrawal_before(const DossierFacts& f, Pos after, Pos end, Date last, bool afsluiting_too = false);

// Whether the dossier was closed or withdrawn after `p` (an afsluiting or intrekking in (p, end); end:
// the end of the dossier): then nothing in it is still to be done (the werkvoorraad).
bool closed_after(const DossierFacts& f, Pos p, std::optional<Pos> end = std::nullopt);

// The first `afsluiting` in (after, end) with a `reden` the log cannot judge: doorgezonden (Awb 2:3),
// ingetrokken (a withdrawal not logged as intrekking) or overleden (TRM-02, TRM-03, PRO-08: onbekend).
std::optional<Pos> closure_with_reason(const DossierFacts& f, Pos after, Pos end);
// Whether the afsluiting at `p` gives such a reden.
bool closed_for_a_reason(const DossierFacts& f, Pos p);
// "doorgezonden naar het bevoegde orgaan", "ingetrokken", "overleden" for such a closure.
std::string closure_reason_words(const DossierFacts& f, Pos afsluiting);

// Judges "act on or before last": voldaan, overtreden, or onbekend while the term still runs
// on the peildatum (or a suspension is still open).
Outcome judge_term(std::optional<Date> act, Date last, Date peildatum, bool open = false);

// "binnen `weeks` weken na `start`" without suspension: its raw and (Atw) last day.
DecisionTerm week_term(Date start, int weeks, const Calendar& cal);

// "de termijn liep tot en met 13 mei 2024 (zes weken na de melding van 28 maart 2024, plus 5 dagen
// opschorting, verlengd om …)": the term of a finding, with its last day explained; `extra` goes
// inside the parentheses.
std::string term_clause(const DecisionTerm& t, std::string_view after_what, const Calendar& cal,
                        std::string_view extra = {});
// "de termijn loopt tot en met 13 mei 2024 (…)": the same for a term whose act is still to come on the
// peildatum (the werkvoorraad), to its last_if_resumed day: "loopt ten minste" while a suspension is
// open, "liep" once it has passed.
std::string open_term_clause(const DecisionTerm& t, Date peildatum, std::string_view after_what, const Calendar& cal,
                             std::string_view extra = {});
// "de termijn liep tot en met 24 maart 2024 (14 dagen)": a term in plain days (ONA-04, TOE-03).
std::string day_term_clause(Date last, int days);

// A bezwaar or beroep (`lodged`) against the decision at `decision`: six weeks (Awb 6:7) from
// the decision's date, on time per Awb 6:9 when posted in time (`verzonden`) and received within
// a week after the last day; onbekend when received in that week without a `verzonden` date.
struct Lodging {
    Outcome outcome = Outcome::voldaan;
    Date last;
    std::string message;  // for overtreden (with `words`)
};
Lodging judge_lodging(const DossierFacts& f, Pos decision, Pos lodged, const Calendar& cal, bool words = true);

// A Dutch number word for small counts of weeks ("twee", "zes", "twaalf").
std::string number_word(int n);

}  // namespace wmotoets
