#pragma once
// The wijkteam coordinator's view of the scheiding van functies (ondersteuner ≠ beslisser), as its
// own output (rapport --scheiding: scheiding.html and scheiding.xlsx). Its denominator: the
// dossiers with both a cliëntondersteuner and a beslisser (docs/spec/event-log.md, "Who acted as what"),
// each in the month of its first decision; among them, apart, the dossiers where ONA-01 (the same
// person), ONA-02 (the ondersteuner did the onderzoek) or ONA-03 (the same team) deviated. Per
// month on a continuous axis (a month without such dossiers is a row of zeros), per team, per team
// and month, and per medewerker with the dossiers where they were both.
#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/event_log.hpp"
#include "model/run.hpp"
#include "reports/publication.hpp"

namespace wmotoets {

struct Disclosure;

// The rules this view counts, in its column order, named in this one place.
inline constexpr std::array<std::string_view, 3> kSeparationRules = {"ONA-01", "ONA-02", "ONA-03"};

// Dossiers: with both an ondersteuner and a beslisser, and among them those where each rule deviated.
struct SeparationCounts {
    std::size_t both = 0;
    std::array<std::size_t, 3> deviating{};  // kSeparationRules order
};

struct SeparationView {
    std::vector<std::string> months;          // "2024-03", first to last without gaps
    std::vector<SeparationCounts> per_month;  // all teams, per month
    SeparationCounts total;
    struct Team {
        std::string name;
        std::vector<SeparationCounts> per_month;  // months order
        SeparationCounts total;
    };
    std::vector<Team> teams;  // by name
    struct Person {
        std::string id, team;                                 // team: the one most recorded with this person's events
        std::size_t as_ondersteuner = 0, as_beslisser = 0;    // dossiers
        std::vector<std::string> same_person, did_onderzoek;  // dossiers with an ONA-01 / ONA-02 finding about them
        std::string first, last;  // ISO: the dates of the first and the last of those findings
    };
    std::vector<Person> persons;   // ondersteuner in one dossier and beslisser in one, or with an ONA-02 finding
    std::array<bool, 3> in_run{};  // whether the run judged each rule (else its columns read "niet gecontroleerd")
    // The rule table's counts of ONA-01…03 (applicable, compliant, violations, unknown): a publication
    // reads this page together with rapport.html (issue 27).
    std::array<std::array<std::size_t, 4>, 3> rule_counts{};
    std::array<std::size_t, 3> outside{};  // deviating dossiers without both roles (ONA-02 before any decision)
    std::string peildatum;
};

// `log` finalized, as loaded from the store the run judged.
SeparationView separation_view(const EventLog& log, const RunRecord& run);

// scheiding.html: one self-contained page for the team leader (inline CSS, prints on A4). Dossier
// names link to their block in rapport.html beside it. In a publication nothing per person and
// nothing per team and month; counts suppressed and rounded as in rapport.html.
void write_separation_html(std::ostream& out, const SeparationView& v, const RunRecord& run, const Disclosure& d);

// One table of the view as people read it, the same in HTML and XLSX: per cell its text ("12",
// "x", ".", "25,0 %"), and the number behind it when it is one (a count, a fraction, a month).
struct SeparationCell {
    enum class Kind { text, count, rate, month, dossiers };
    Kind kind = Kind::text;
    std::string text;
    double number = 0;
    std::vector<std::string> dossiers;  // Kind::dossiers: the ids, each linked to its timeline in HTML
};
struct SeparationTable {
    std::string id, title, explanation;
    std::vector<std::string> columns;
    std::vector<std::vector<SeparationCell>> rows;
    bool total_last = false;  // the last row is a total
};
// The tables in order; those a publication leaves out are absent, with the reason in `left_out`.
struct SeparationTables {
    std::vector<SeparationTable> tables;
    std::vector<std::string> left_out;
};
SeparationTables separation_tables(const SeparationView& v, const Disclosure& d);
// The symbols a table's cells use (".", "x", "–", "*"), for its key.
Symbols symbols_in(const SeparationTable& t);
// "2024-03" as people read it: "maart 2024".
std::string month_words(const std::string& year_month);

}  // namespace wmotoets
