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

struct RuleResult {
    Outcome outcome = Outcome::niet_van_toepassing;
    std::vector<Finding> findings;

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
};

struct RuleContext {
    const Calendar& calendar;
    Date peildatum;
    const Settings& settings;
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
    }
    return r;
}

// The rulebook in rulebook order (INF, ONA, TOE, TRM, PRO; numbers ascending).
const std::vector<const Rule*>& all_rules();
const Rule* find_rule(std::string_view id);

}  // namespace wmotoets
