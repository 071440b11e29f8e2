#pragma once
// The reports of a stored check run (`wmotoets rapport`): rapport.html for the rekenkamer and the
// gemeenteraad, bevindingen.csv for Excel. Deterministic: the same run gives the same bytes.
#include <functional>
#include <map>
#include <ostream>
#include <vector>
#include <string>

#include "model/event_log.hpp"
#include "model/store.hpp"
#include "reports/figures.hpp"
#include "reports/rule_text.hpp"

namespace wmotoets {

// A dossier's team: the team most of its events name (ties: the first), "" when none.
std::string dossier_team(const EventLog& log, const Case& c);
// The quarter of a dossier's first event, e.g. "2024-K2"; "" without events.
std::string dossier_quarter(const EventLog& log, const Case& c);

// Statistical disclosure control for reports that leave the organisation (rapport --publicatie),
// as in CBS tables: counts below the threshold suppressed, other counts rounded to the base, no
// rate on a denominator below the threshold, no dossier-level output.
struct Disclosure {
    bool publication = false;
    std::size_t threshold = 10, base = 5;

    bool suppressed(std::size_t n) const { return publication && n < threshold; }
    // The count as shown: rounded to the nearest multiple of the base in publication mode, but
    // never below the threshold (a shown count must not look like a suppressed one). Only
    // meaningful when not suppressed.
    std::size_t shown(std::size_t n) const {
        if (!publication) return n;
        const std::size_t rounded = (n + base / 2) / base * base;
        const std::size_t floor = (threshold + base - 1) / base * base;
        return rounded < floor ? floor : rounded;
    }
    std::string text(std::size_t n) const {
        if (!suppressed(n)) return std::to_string(shown(n));
        std::string s = "<";
        s += std::to_string(threshold);
        return s;
    }
    bool rate_shown(std::size_t denominator) const { return !publication || denominator >= threshold; }
    // The rule applied, in Dutch, for the report (as HTML text, or plain).
    std::string rule(bool html = true) const;
};


// Outcome counts per rule of the run (in run order) for each group of its dossiers; `key_of`
// names a dossier's group ("" becomes `unnamed`).
std::map<std::string, std::vector<RuleCounts>> counts_by(const EventLog& log, const RunRecord& run,
                                                          const std::function<std::string(const Case&)>& key_of,
                                                          const std::string& unnamed);

// Whether `e` is the row (input, line) that a finding points at.
inline bool is_row(const Event& e, const std::pair<std::size_t, std::uint32_t>& row) {
    return e.file == row.first && e.line == row.second;
}

// The rows that prove a finding, as "FILE:LINE, FILE:LINE" (files of the log loaded from the store).
std::string finding_sources(const EventLog& log, const RunRecord::Finding& f);

// bevindingen.csv: UTF-8 with BOM, ';' separated, one row per finding.
void write_findings_csv(std::ostream& out, const EventLog& log, const RunRecord& run);

// rapport.html: one self-contained page (inline CSS and SVG, no network, prints on A4).
// `log` is the stored log (finalized) the run judged.
// With `separation` (rapport --scheiding) a section for the wijkteam coordinator is added.
void write_report_html(std::ostream& out, const EventLog& log, const RunRecord& run, const Disclosure& d = {},
                       const struct SeparationView* separation = nullptr);

}  // namespace wmotoets
