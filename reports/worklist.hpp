#pragma once
// The werkvoorraad of a wijkteam (issue 29; docs/werkvoorraad.md): per team, the open dossiers with what
// still needs doing before a term runs out or the ondersteuner comes to decide, most urgent first, and
// what changed since an earlier run. Written as werkvoorraad.html, .xlsx and .csv.
#include <iosfwd>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/event_log.hpp"
#include "model/run.hpp"

namespace wmotoets {

// How urgent an item is, most urgent first.
enum class Urgency : std::uint8_t {
    verstreken = 0,         // a term passed with the act still to come
    binnenkort = 1,         // a term that ends within the days asked for (--dagen)
    onafhankelijkheid = 2,  // independence at risk before the decision
    stap = 3,               // a step still due before the next one
    later = 4,              // a term that ends later
};
std::string_view urgency_words(Urgency u);  // "termijn verstreken", "termijn loopt binnenkort af", …

// Compared with an earlier run.
enum class Change : std::uint8_t { onbekend, nieuw, nog_open };

struct WorkItem {
    RunRecord::Open open;
    Urgency urgency = Urgency::later;
    Change change = Change::onbekend;
    std::string team;        // the dossier's team ("" when the log names none)
    std::string medewerker;  // "consulent K3, ondersteuner O2", as far as the log names them
    std::string norm;        // the rule as a question ("Is het onderzoek binnen zes weken … afgerond?")
    std::optional<Date> deadline;
};

struct Worklist {
    Date peildatum;
    int dagen = 7;
    std::string team;                // the team asked for (--team), empty: every team
    std::string source;              // the inputs with the start of their SHA-256 ("g.csv (SHA-256 118183…)")
    std::vector<WorkItem> items;     // by team, then urgency, then last day, then dossier
    std::vector<std::string> teams;  // in order, every team of `items`
    std::size_t dossiers = 0;        // distinct dossiers with an item
    std::size_t past = 0;            // items whose term has passed
    // Since an earlier run (when there is one): items new, still open, resolved; findings likewise.
    struct Since {
        std::string peildatum;   // ISO, of the earlier run
        bool open_known = true;  // false: that run kept no werkvoorraad (stored by an older version)
        std::size_t nieuw = 0, nog_open = 0, opgelost = 0;
        std::size_t findings_nieuw = 0, findings_nog = 0, findings_weg = 0;
        std::vector<RunRecord::Open> resolved;         // the items of the earlier run that are no longer open
        std::vector<RunRecord::Finding> new_findings;  // findings of now that the earlier run did not have
    };
    std::optional<Since> since;
    // The dossiers with a block in the rapport.html beside it: their names link to their timelines.
    std::set<std::string, std::less<>> rapport_dossiers;
};

// The werkvoorraad of `now` (a run of `log`), optionally for one team, compared with `before` when given.
Worklist build_worklist(const EventLog& log, const RunRecord& now, const RunRecord* before, int dagen,
                        const std::string& team);

void write_worklist_html(std::ostream& out, const Worklist& w);
// The dossiers that have a block (id="dossier-…") in the text of a rapport.html.
std::set<std::string, std::less<>> dossiers_in_report(std::string_view html);
void write_worklist_csv(std::ostream& out, const Worklist& w);
// write_worklist_xlsx: in reports/xlsx_report.hpp, with every workbook.

}  // namespace wmotoets
