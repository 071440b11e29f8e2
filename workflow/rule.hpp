#pragma once
// The rule framework of docs/spec/rules.md. A rule is one file in workflow/rules/ with its ID, Dutch
// title, severity, legal basis, scope, explanation and logic, registered in registry.cpp.
// Rules see DossierFacts only: never input text, never Boost types.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/calendar.hpp"
#include "model/run.hpp"
#include "model/settings.hpp"
#include "workflow/facts.hpp"

namespace wmotoets {

enum class Scope : std::uint8_t { dossier, cyclus };
std::string_view scope_name(Scope s);

// What a rule is, for people. New rules name the fields (designated initializers, see
// tools/nieuwe-regel); the order below is the order they must be given in.
struct RuleInfo {
    std::string_view id;     // e.g. "INF-01"; stable, never reused
    std::string_view title;  // Dutch, as in docs/spec/rules.md
    Severity severity = Severity::overtreding;
    std::string_view basis;  // legal basis
    Scope scope = Scope::dossier;
    std::string_view what;        // wat wordt gecontroleerd
    std::string_view why;         // waarom dat ertoe doet
    std::string_view example;     // een voorbeeld
    bool can_be_unknown = false;  // the rule can give `onbekend` (a term still running, a missing attribute)
    // The norm as a positively worded question, for the auditor's working paper: "Is de cliënt
    // vóór het onderzoek gewezen op …?" (ja = met).
    std::string_view question;
};

struct Finding {
    int cycle = 1;  // 1-based
    Date date;
    std::optional<Date> deadline;  // last day of the term, for rules with a term
    std::string message;           // Dutch, for a non-lawyer
    std::vector<Pos> events;       // positions of the events that prove it
};

// An item of the werkvoorraad (issue 29): in a cycle still open on the peildatum, a term that runs or
// has passed with the act still to come, a step still due, or independence at risk. Not a finding.
struct OpenStep {
    int cycle = 1;  // 1-based
    OpenKind kind = OpenKind::termijn;
    std::optional<Date> deadline;  // last day of the term (kind termijn; a step may have one too)
    int werkdagen_over = 0;        // see working_days_left
    std::string todo;              // what is to be done, Dutch: "het verslag van het onderzoek verstrekken"
    std::string detail;            // what the log shows, Dutch
    std::vector<Pos> events;       // the events it rests on (an index into the log once run_check has it)
};

// Working days from the peildatum through `last`, the peildatum counted when it is one (a term whose last
// day is today has 1 left); after `last`, minus the working days after it through the peildatum. With
// `counts` (a run's table, terms.hpp) in constant time: a term of 1900 judged in 2199 must not take
// 100,000 steps per item.
struct WorkingDayCount;
int working_days_left(const Calendar& cal, Date peildatum, Date last, const WorkingDayCount* counts = nullptr);

struct RuleResult {
    Outcome outcome = Outcome::niet_van_toepassing;
    std::vector<Finding> findings;
    std::vector<OpenStep> open;  // the werkvoorraad of this dossier for this rule

    // The rule is violated: outcome overtreden, and a finding dated `date`, proven by `events`,
    // explained by `message`. Returns the finding (to add a deadline, say).
    Finding& violated(Date date, std::vector<Pos> events, std::string message) {
        outcome = Outcome::overtreden;
        Finding& f = findings.emplace_back();
        f.date = date;
        f.events = std::move(events);
        f.message = std::move(message);
        return f;
    }

    // Something still to do in an open cycle: `todo` (Dutch), shown by `detail` and `events`.
    OpenStep& still_due(OpenKind kind, std::vector<Pos> events, std::string todo, std::string detail) {
        OpenStep& o = open.emplace_back();
        o.kind = kind;
        o.events = std::move(events);
        o.todo = std::move(todo);
        o.detail = std::move(detail);
        return o;
    }
};

struct BeslisserIndex;

struct RuleContext {
    const Calendar& calendar;
    Date peildatum;
    const Settings& settings;
    // Who decided where in the whole log (ONA-01's werkvoorraad: an ondersteuner who decides elsewhere);
    // null when the run has none.
    const BeslisserIndex* beslissers = nullptr;
    const WorkingDayCount* working_days = nullptr;  // the run's table for working_days_left, if any
    // Whether findings and werkvoorraad items get their words (false: --alleen-cijfers, where only the
    // outcome counts). Rules build every message through say(), and add to one only when this is set.
    bool words = true;

    // The message `words()` makes, or nothing when no words are wanted: a million dossiers' figures need
    // not format six million sentences.
    template <class Words>
    std::string say(Words&& words_of) const {
        if (!words) return {};
        return std::string(words_of());
    }

    // A term of `last` that runs on the peildatum, or has passed with the act still to come: an item
    // of the werkvoorraad with its last day and working days left.
    OpenStep& term_due(RuleResult& r, Date last, std::vector<Pos> events, std::string todo, std::string detail) const {
        OpenStep& o = r.still_due(OpenKind::termijn, std::move(events), std::move(todo), std::move(detail));
        o.deadline = last;
        o.werkdagen_over = working_days_left(calendar, peildatum, last, working_days);
        return o;
    }
};

class Rule {
public:
    virtual ~Rule() = default;
    virtual const RuleInfo& info() const = 0;
    virtual RuleResult check(const DossierFacts& facts, const RuleContext& ctx) const = 0;
};

// For rules judged per cycle: runs `judge` on every cycle, the case outcome is the worst.
template <class Judge>
RuleResult per_cycle(const DossierFacts& f, Judge&& judge) {
    RuleResult r;
    for (const Cycle& c : f.cycles) {
        RuleResult cr = judge(c);
        if (cr.outcome > r.outcome) r.outcome = cr.outcome;
        for (Finding& fi : cr.findings) {
            fi.cycle = c.number;
            r.findings.push_back(std::move(fi));
        }
        for (OpenStep& o : cr.open) {
            o.cycle = c.number;
            r.open.push_back(std::move(o));
        }
    }
    return r;
}

// The rulebook in rulebook order (INF, ONA, TOE, TRM, PRO; numbers ascending).
const std::vector<const Rule*>& all_rules();
const Rule* find_rule(std::string_view id);

}  // namespace wmotoets
