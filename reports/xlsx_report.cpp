// The only translation unit that includes xlsxwriter.h.
#include "reports/xlsx_report.hpp"
#include "reports/worklist.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>

#include "reports/comparison.hpp"
#include "reports/report.hpp"
#include "reports/separation.hpp"
#include "reports/verdicts.hpp"
#include "reports/zelftest_report.hpp"
#include "util/error.hpp"
#include "workflow/rule.hpp"

namespace wmotoets {

namespace {

// libxlsxwriter's error codes in Dutch (issue 27 point 7): a full disk or a folder that cannot be
// written are what a person can cause; the rest would be a mistake of this program.
std::string xlsx_error_dutch(lxw_error err) {
    switch (err) {
    case LXW_ERROR_MEMORY_MALLOC_FAILED: return "onvoldoende geheugen";
    case LXW_ERROR_CREATING_XLSX_FILE:
        return "het bestand kan niet worden gemaakt (bestaat de map, mag erin worden geschreven?)";
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
        return "een tijdelijk bestand kan niet worden gemaakt of gelezen (is de schijf vol?)";
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE: return "schrijven van het zip-archief mislukt (is de schijf vol?)";
    default: return "fout nummer " + std::to_string(static_cast<int>(err)) + " van de Excel-schrijver";
    }
}

struct Book {
    lxw_workbook* wb = nullptr;
    lxw_format *header = nullptr, *pct = nullptr, *date = nullptr, *wrap = nullptr;
    // Counts with thousands separators (Excel shows them the Dutch way: 18.903); a count kept back in a
    // publication as text, right-aligned in its number column (issue 28).
    lxw_format *count = nullptr, *kept_back = nullptr;
    // The lines that open every sheet (issue 28; none in zelftest.xlsx, whose sheets are the form's).
    const SheetHead* head = nullptr;
    lxw_format* head_title = nullptr;
};

lxw_datetime to_datetime(const std::string& iso) {
    lxw_datetime d{};
    if (iso.size() >= 10) {
        d.year = std::stoi(iso.substr(0, 4));
        d.month = std::stoi(iso.substr(5, 2));
        d.day = std::stoi(iso.substr(8, 2));
    }
    return d;
}

// A new workbook with fixed document properties (`created` is part of them: the same input gives
// the same file) and the shared cell formats.
// Every sheet prints on A4 landscape, as wide as one page, with its header row on every page (issue 28).
// `header`: the row of column heads (none: -1).
void print_setup(lxw_worksheet* ws, int header = 0) {
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_fit_to_pages(ws, 1, 0);
    if (header >= 0) worksheet_repeat_rows(ws, lxw_row_t(header), lxw_row_t(header));
}

// Title, period, peildatum and source above a sheet's table, then a blank row (issue 28): a sheet
// copied out of the workbook still says what it is. Returns the row of the column heads.
lxw_row_t write_head(const Book& b, lxw_worksheet* ws, const std::string& sheet) {
    if (!b.head) return 0;
    const std::string lines[] = {b.head->title + " — " + sheet, b.head->period, b.head->peildatum, b.head->source};
    for (lxw_row_t r = 0; r < std::size(lines); ++r)
        worksheet_write_string(ws, r, 0, lines[r].c_str(), r == 0 ? b.head_title : nullptr);
    return kSheetHeadRows;
}

// `whole_percents`: a publication's percentages are whole (0%), elsewhere one decimal (0.0%).
Book open_book(const std::string& path, const char* title, std::time_t created, bool whole_percents = false) {
    Book b;
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    b.wb = workbook_new_opt(path.c_str(), &options);
    if (!b.wb) throw Error(path, 0, "kan het werkboek niet aanmaken");
    lxw_doc_properties props{};
    props.title = const_cast<char*>(title);
    props.author = const_cast<char*>("Wmo-toets");
    props.comments = const_cast<char*>("Gemaakt met wmotoets");
    props.created = created;
    workbook_set_properties(b.wb, &props);
    b.header = workbook_add_format(b.wb);
    format_set_bold(b.header);
    format_set_bg_color(b.header, 0xE8EEF5);
    format_set_text_wrap(b.header);
    b.pct = workbook_add_format(b.wb);
    format_set_num_format(b.pct, whole_percents ? "0%" : "0.0%");
    b.count = workbook_add_format(b.wb);
    format_set_num_format(b.count, "#,##0");
    b.kept_back = workbook_add_format(b.wb);
    format_set_align(b.kept_back, LXW_ALIGN_RIGHT);
    b.date = workbook_add_format(b.wb);
    format_set_num_format(b.date, "dd-mm-yyyy");
    b.wrap = workbook_add_format(b.wb);
    format_set_text_wrap(b.wrap);
    b.head_title = workbook_add_format(b.wb);
    format_set_bold(b.head_title);
    format_set_font_size(b.head_title, 13);
    return b;
}

// A sheet with its head (write_head), its column heads and its symbols: rows are counted from the first
// row under the column heads' row (row 1), whatever the head above.
class Sheet {
public:
    Sheet(Book& b, const char* name, std::initializer_list<std::pair<const char*, double>> columns) : b_(b) {
        ws_ = workbook_add_worksheet(b.wb, name);
        top_ = write_head(b, ws_, name);
        lxw_col_t c = 0;
        for (const auto& [title, width] : columns) header(c++, title, width);
        worksheet_freeze_panes(ws_, top_ + 1, 0);
        print_setup(ws_, int(top_));
    }
    lxw_worksheet* ws() { return ws_; }
    lxw_row_t top() const { return top_; }  // the row of the column heads
    // A column head (and its width).
    void header(lxw_col_t c, const std::string& title, double width = 0) {
        worksheet_write_string(ws_, top_, c, title.c_str(), b_.header);
        if (width > 0) worksheet_set_column(ws_, c, c, width, nullptr);
        cols_ = std::max<lxw_col_t>(cols_, c + 1);
    }
    void text(lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f = nullptr) {
        if (!s.empty()) worksheet_write_string(ws_, top_ + r, c, s.c_str(), f);
    }
    void number(lxw_row_t r, lxw_col_t c, double v, lxw_format* f = nullptr) {
        worksheet_write_number(ws_, top_ + r, c, v, f);
    }
    // A symbol instead of a number (publication.hpp), right-aligned in its number column, named by the key.
    void symbol(lxw_row_t r, lxw_col_t c, Symbol s) { text(r, c, sym_(s), b_.kept_back); }
    // A count: a number, or in a publication "x" (secret) or rounded.
    void count(lxw_row_t r, lxw_col_t c, std::size_t n, const Disclosure& d) {
        if (d.suppressed(n)) symbol(r, c, Symbol::secret);
        else number(r, c, double(d.shown(n)), b_.count);
    }
    void day(lxw_row_t r, lxw_col_t c, const std::string& iso) {
        if (iso.empty()) return;
        lxw_datetime d = to_datetime(iso);
        worksheet_write_datetime(ws_, top_ + r, c, &d, b_.date);
    }
    void finish(lxw_row_t rows) {
        if (cols_ > 0) worksheet_autofilter(ws_, top_, 0, top_ + rows, static_cast<lxw_col_t>(cols_ - 1));
    }
    // The key under the table at row `r`: the symbols it used and, in a publication, the rounding. The
    // row after it (r + 1 when there is a key, else r).
    lxw_row_t key(lxw_row_t r, const Disclosure& d) {
        const std::string k = d.key(sym_, false);
        if (k.empty()) return r;
        text(r, 0, k);
        return r + 1;
    }

private:
    Book& b_;
    lxw_worksheet* ws_ = nullptr;
    lxw_col_t cols_ = 0;
    lxw_row_t top_ = 0;
    Symbols sym_;
};

}  // namespace

namespace {

// rapport.xlsx, sheet by sheet.
struct XlsxReport {
    Book& b;
    const EventLog& log;
    const RunRecord& run;
    const Disclosure& d;
    void summary_sheet();
    void findings_sheet();
    void rules_sheet();
    void dossiers_sheet();
    void teams_sheet();
    void teams_sheet_of(const std::map<std::string, std::vector<RuleCounts>>& teams);
    void trend_sheet();
    void lead_times_sheet(const std::vector<LeadPhaseView>& view);
    void comparison_sheet(const Comparison& c);
    void rate_cell(Sheet& s, lxw_row_t r, const RuleCounts& x);
};

// Vergelijking (issue 28): per rule both periods' rates, the difference in percentage points with
// Newcombe's interval and the sentence where it leaves out 0; then the lead-time medians side by side.
void XlsxReport::comparison_sheet(const Comparison& c) {
    const std::string now = c.current.label(), before = c.previous.label();
    Sheet s(b, "Vergelijking",
            {{"regel", 9},
             {"titel", 40},
             {"ernst", 13},
             {"beoordeeld (eerder)", 12},
             {"% afwijkend (eerder)", 12},
             {"beoordeeld (nu)", 12},
             {"% afwijkend (nu)", 12},
             {"verschil (procentpunt)", 12},
             {"95%-interval van", 12},
             {"95%-interval tot", 12},
             {"conclusie", 70}});
    const std::string heads[] = {"beoordeeld " + before, "% afwijkend " + before, "beoordeeld " + now,
                                 "% afwijkend " + now};
    for (lxw_col_t k = 0; k < 4; ++k) s.header(lxw_col_t(3 + k), heads[k]);
    // Instead of a rate: "x" where a publication keeps it back, "." where nothing was judged.
    const auto missing = [&](const RunRecord::Figure* f) {
        return f ? d.missing_rate(f->violations, f->compliant) : Symbol::unknown;
    };
    lxw_format* points = workbook_add_format(b.wb);
    format_set_num_format(points, d.publication ? "+0;-0;0" : "+0.0;-0.0;0.0");
    lxw_row_t r = 0;
    for (const ComparedRule& row : compare_rules(run, c, d)) {
        ++r;
        s.text(r, 0, row.now->rule);
        s.text(r, 1, row.now->title);
        s.text(r, 2, std::string(severity_name(row.now->severity)));
        if (!row.before) s.symbol(r, 3, Symbol::unknown);
        else if (row.judged_before) s.count(r, 3, row.before->violations + row.before->compliant, d);
        else s.symbol(r, 3, Symbol::secret);
        if (row.rate_before) s.number(r, 4, row.rate_before->rate, b.pct);
        else s.symbol(r, 4, missing(row.before));
        if (row.judged_now) s.count(r, 5, row.now->violations + row.now->compliant, d);
        else s.symbol(r, 5, Symbol::secret);
        if (row.rate_now) s.number(r, 6, row.rate_now->rate, b.pct);
        else s.symbol(r, 6, missing(row.now));
        if (row.difference) {
            s.number(r, 7, row.difference->diff * 100, points);
            s.number(r, 8, row.difference->lo * 100, points);
            s.number(r, 9, row.difference->hi * 100, points);
        } else {
            const Symbol why = missing(row.now) == Symbol::secret || missing(row.before) == Symbol::secret
                                   ? Symbol::secret
                                   : Symbol::unknown;
            for (const lxw_col_t col : {7, 8, 9}) s.symbol(r, col, why);
        }
        s.text(r, 10, row.sentence, b.wrap);
    }
    s.finish(r);
    r += 2;
    s.text(r, 0, "Doorlooptijden: mediaan in dagen, " + before + " naast " + now, b.header);
    for (const RunRecord::LeadTime& l : run.lead_times) {
        const auto other = std::find_if(c.previous_run.lead_times.begin(), c.previous_run.lead_times.end(),
                                        [&](const RunRecord::LeadTime& p) { return p.phase == l.phase; });
        ++r;
        s.text(r, 1, std::string(lead_phase_words(l.phase)));
        const auto median = [&](lxw_col_t col, const RunRecord::LeadTime* t) {
            if (t && median_shown(d, *t)) s.number(r, col, *t->mediaan);
            else s.symbol(r, col, t && t->mediaan ? Symbol::secret : Symbol::unknown);
        };
        median(4, other != c.previous_run.lead_times.end() ? &*other : nullptr);
        median(6, &l);
    }
    s.key(r + 2, d);
}

// Doorlooptijden: per phase the total, per quarter of the start and per team; numbers as numbers,
// in a publication exactly what the HTML shows (the competing ends one count, shares in whole percents).
void XlsxReport::lead_times_sheet(const std::vector<LeadPhaseView>& view) {
    Sheet s(b, "Doorlooptijden",
            {{"fase", 34},
             {"indeling", 10},
             {"groep", 20},
             {"gestart", 9},
             {"afgerond", 9},
             {"lopend", 9},
             {"beëindigd", 9},
             {"mediaan (dagen)", 10},
             {"p75 (dagen)", 10},
             {"p90 (dagen)", 10},
             {"minder dan 20 gestart", 11},
             {"zonder aanvraag of gesprek", 11},
             {"mediaan 95 % van", 10},
             {"mediaan 95 % tot", 10},
             {"% afgerond", 9},
             {"% beëindigd", 9},
             {"% open", 9}});
    lxw_row_t r = 0;
    auto row = [&](const LeadPhaseView& v, const char* kind, const std::string& group, const LeadEstimate& e) {
        ++r;
        const LeadShown shown = lead_shown(d, e);
        s.text(r, 0, std::string(phase_info(v.phase).words));
        s.text(r, 1, kind);
        s.text(r, 2, group);
        if (shown.started) s.count(r, 3, e.started, d);
        else s.symbol(r, 3, Symbol::secret);
        if (d.publication && e.withheld) {  // kept back for another table's sake (withhold_linked_lead_times)
            for (const lxw_col_t c : {4, 5, 6}) s.symbol(r, c, Symbol::secret);
        } else {
            s.count(r, 4, e.completed, d);
            s.count(r, 5, e.running, d);
            s.count(r, 6, d.publication ? e.competing() : e.ended, d);
        }
        std::size_t col = 7;
        for (std::size_t q = 0; q < 3; ++q) {
            const std::optional<int>& days = q == 0 ? e.mediaan : q == 1 ? e.p75 : e.p90;
            if (shown.quantiles && days) s.number(r, lxw_col_t(col), double(*days));
            else if (!shown.quantiles) s.symbol(r, lxw_col_t(col), Symbol::secret);
            else if (e.why_not[q] == NoQuantile::nooit) s.text(r, lxw_col_t(col), "nooit", b.kept_back);
            else s.symbol(r, lxw_col_t(col), Symbol::unknown);
            ++col;
        }
        s.text(r, 10, e.started < kLeadGroupWarning ? "ja" : "nee");  // the "*" of the HTML, as a column
        if (!d.publication) s.count(r, 11, e.zonder_aanvraag + e.zonder_gesprek, d);  // else under beëindigd
        for (std::size_t k = 0; k < 2; ++k) {
            const std::optional<int>& end = k == 0 ? e.mediaan_lo : e.mediaan_hi;
            if (shown.quantiles && end) s.number(r, lxw_col_t(12 + k), double(*end));
            else s.symbol(r, lxw_col_t(12 + k), shown.quantiles ? Symbol::unknown : Symbol::secret);
        }
        const int shares[3] = {e.share_completed, e.share_ended, e.share_open};
        const std::size_t counts[3] = {e.completed, e.competing(), e.running};
        for (std::size_t k = 0; k < 3; ++k) {
            if (!shown.quantiles || !lead_share_shown(d, counts[k])) s.symbol(r, lxw_col_t(14 + k), Symbol::secret);
            else if (e.started == 0) s.symbol(r, lxw_col_t(14 + k), Symbol::unknown);
            else if (d.publication) s.number(r, lxw_col_t(14 + k), double((shares[k] + 50) / 100));
            else s.number(r, lxw_col_t(14 + k), shares[k] / 100.0);
        }
    };
    for (const LeadPhaseView& v : view) {
        if (v.total.started == 0 || !lead_phase_reported(log, v.phase)) continue;
        row(v, "totaal", "", v.total);
        if (lead_breakdown_shown(d, v.total, v.quarters))
            for (const LeadGroup& g : v.quarters) row(v, "kwartaal", g.name, g.estimate);
        if (lead_breakdown_shown(d, v.total, v.teams))
            for (const LeadGroup& g : v.teams) row(v, "team", g.name, g.estimate);
    }
    s.finish(r);
    s.text(r + 2, 0,
           "Aalen–Johansen: dossiers die op de peildatum nog liepen tellen mee zolang ze liepen; wie afhaakte "
           "(beëindigd, zonder aanvraag of zonder gesprek) telt als een ander einde. nooit = wordt niet meer "
           "gehaald" +
               std::string(d.publication ? ". Beëindigd omvat hier ook zonder aanvraag en zonder gesprek; percentages "
                                           "in hele procenten."
                                         : "."));
    s.key(r + 3, d);
}

// Samenvatting: exactly the figures of the run.
void XlsxReport::summary_sheet() {
    Sheet s(b, "Samenvatting",
            {{"regel", 9},
             {"titel", 48},
             {"ernst", 13},
             {"grondslag", 30},
             {"van toepassing", 11},
             {"voldaan", 9},
             {"afwijkend", 10},
             {"onbekend", 9},
             {"percentage afwijkend", 12},
             {"interval ondergrens", 11},
             {"interval bovengrens", 11},
             {"% als alle onbekende afwijken", 13},
             {"ondergrens", 11},
             {"bovengrens", 11}});
    lxw_row_t r = 0;
    const std::vector<bool> sums = rule_sums_shown(run, d);  // as rapport.html shows them
    for (const RunRecord::Figure& f : run.figures) {
        ++r;
        const RuleText t = rule_text(run, f.rule);
        s.text(r, 0, f.rule);
        s.text(r, 1, f.title);
        s.text(r, 2, std::string(severity_name(f.severity)));
        s.text(r, 3, t.basis);
        if (sums[std::size_t(&f - run.figures.data())]) s.count(r, 4, f.applicable, d);
        else s.symbol(r, 4, Symbol::secret);
        s.count(r, 5, f.compliant, d);
        s.count(r, 6, f.violations, d);
        s.count(r, 7, f.unknown, d);
        if (!d.publication && f.rate) {
            s.number(r, 8, *f.rate, b.pct);
            if (f.lo) s.number(r, 9, *f.lo, b.pct);
            if (f.hi) s.number(r, 10, *f.hi, b.pct);
        } else if (const auto p = d.publication ? d.rate(f.violations, f.compliant) : std::nullopt) {
            s.number(r, 8, p->rate, b.pct);  // whole percents from the shown counts
            s.number(r, 9, p->lo, b.pct);
            s.number(r, 10, p->hi, b.pct);
        } else {  // "x" where a publication keeps it back, "." where nothing was judged
            for (const lxw_col_t c : {8, 9, 10}) s.symbol(r, c, d.missing_rate(f.violations, f.compliant));
        }
        // The worst case where onbekend is at least a tenth of the applicable dossiers, as rapport.html gives it.
        const bool rate_shown = d.publication ? d.rate(f.violations, f.compliant).has_value() : f.rate.has_value();
        if (const auto w = d.worst_case({f.applicable, f.compliant, f.violations, f.unknown}, rate_shown)) {
            s.number(r, 11, w->rate, b.pct);
            s.number(r, 12, w->lo, b.pct);
            s.number(r, 13, w->hi, b.pct);
        }
    }
    s.finish(r);
    s.text(r + 2, 0,
           std::string(kDeviationsKey) +
               ". Als alle onbekende afwijken: alleen waar onbekend minstens een tiende van de dossiers is waarop de "
               "regel van toepassing is — het percentage telt hen niet mee, dit laat zien wat dat aanneemt.");
    const lxw_row_t next = s.key(r + 3, d);
    if (d.publication) s.text(next, 0, d.rule());
}

void XlsxReport::findings_sheet() {
    Sheet s(b, "Bevindingen",
            {{"dossier", 16},
             {"regel", 9},
             {"titel", 40},
             {"ernst", 13},
             {"cyclus", 7},
             {"datum", 11},
             {"termijn tot en met", 11},
             {"bevinding", 70},
             {"grondslag", 28},
             {"bron", 30}});
    lxw_row_t r = 0;
    std::map<std::string, RuleText> texts;
    for (const RunRecord::Finding& f : run.findings) {
        ++r;
        auto it = texts.find(f.rule);
        if (it == texts.end()) it = texts.emplace(f.rule, rule_text(run, f.rule)).first;
        s.text(r, 0, f.case_id);
        s.text(r, 1, f.rule);
        s.text(r, 2, it->second.title);
        s.text(r, 3, std::string(severity_name(it->second.severity)));
        s.number(r, 4, f.cycle);
        s.day(r, 5, f.date);
        s.day(r, 6, f.deadline);
        s.text(r, 7, f.message);
        s.text(r, 8, it->second.basis);
        s.text(r, 9, finding_sources(log, f));
    }
    s.finish(r);
}

void XlsxReport::rules_sheet() {
    Sheet s(b, "Regels",
            {{"regel", 9},
             {"titel", 40},
             {"ernst", 13},
             {"grondslag", 30},
             {"wat wordt gecontroleerd", 60},
             {"waarom", 60},
             {"voorbeeld", 60}});
    lxw_row_t r = 0;
    for (const std::string& id : run.rules) {
        ++r;
        const RuleText t = rule_text(run, id);
        s.text(r, 0, id);
        s.text(r, 1, t.title);
        s.text(r, 2, std::string(severity_name(t.severity)));
        s.text(r, 3, t.basis);
        s.text(r, 4, t.what, b.wrap);
        s.text(r, 5, t.why, b.wrap);
        s.text(r, 6, t.example, b.wrap);
    }
    s.finish(r);
}

void XlsxReport::dossiers_sheet() {
    Sheet s(b, "Dossiers", {{"dossier", 16}, {"team", 16}, {"kwartaal", 16}});
    for (std::size_t r = 0; r < run.rules.size(); ++r) s.header(static_cast<lxw_col_t>(3 + r), run.rules[r], 10);
    worksheet_freeze_panes(s.ws(), s.top() + 1, 1);
    std::vector<Severity> severity;  // per rule: its outcomes are worded by it
    for (const std::string& rule : run.rules) severity.push_back(rule_text(run, rule).severity);
    lxw_row_t row = 0;
    for (std::size_t c = 0; c < run.case_ids.size(); ++c) {
        ++row;
        s.text(row, 0, run.case_ids[c]);
        if (const auto at = log.dossier_position(run.case_ids[c])) {
            s.text(row, 1, dossier_team(log, log.dossiers[*at]));
            s.text(row, 2, dossier_quarter(log, log.dossiers[*at], run.period()));
        }
        for (std::size_t r = 0; r < run.rules.size(); ++r)
            s.text(row, static_cast<lxw_col_t>(3 + r), std::string(outcome_words(run.outcome(c, r), severity[r])));
    }
    s.finish(row);
}

void XlsxReport::teams_sheet() {
    // Teams: per team and rule the counts and the rate — the same columns in the internal and the public
    // version (issue 28); in a publication exactly the cells of the HTML breakdown, no more.
    const auto teams = counts_by(
        log, run, [this](const Dossier& c) { return dossier_team(log, c); }, "(geen team)");
    teams_sheet_of(teams);
}

// Verloop (issue 28): per quarter of the melding and rule the cells of the HTML quarter table — in a
// publication only the rows it shows — with a quarter the data covers in part marked "(deels)".
void XlsxReport::trend_sheet() {
    const auto quarters = counts_by(
        log, run, [this](const Dossier& c) { return dossier_quarter(log, c, run.period()); }, "(onbekend)");
    Sheet s(b, "Verloop",
            {{"kwartaal", 16},
             {"regel", 9},
             {"afwijkend", 10},
             {"beoordeeld", 10},
             {"onbekend", 9},
             {"percentage afwijkend", 12}});
    if (!d.breakdown_shown(quarters.size())) {
        s.text(1, 0,
               "Niet getoond in de publicatieversie: bij één of twee kwartalen is het ene kwartaal uit het totaal af "
               "te leiden.");
        return;
    }
    const auto teams = d.publication
                           ? counts_by(
                                 log, run, [this](const Dossier& c) { return dossier_team(log, c); }, "(geen team)")
                           : std::map<std::string, std::vector<RuleCounts>>{};
    const std::vector<bool> shown = breakdown_rows_shown(run, quarters, d, &teams);
    const std::optional<Period> covered = data_coverage(log, run);
    lxw_row_t r = 0;
    for (std::size_t k = 0; k < run.rules.size(); ++k) {
        if (!shown[k]) continue;
        for (const auto& [quarter, counts] : quarters) {
            ++r;
            const RuleCounts& x = counts[k];
            s.text(r, 0, quarter + (quarter_partial(quarter, covered) ? " (deels)" : ""));
            s.text(r, 1, run.rules[k]);
            s.count(r, 2, x.violations, d);
            s.count(r, 3, x.violations + x.compliant, d);
            s.count(r, 4, x.unknown, d);
            rate_cell(s, r, x);
        }
    }
    s.finish(r);
    s.key(r + 2, d);
}

void XlsxReport::teams_sheet_of(const std::map<std::string, std::vector<RuleCounts>>& teams) {
    Sheet s(b, "Teams",
            {{"team", 20},
             {"regel", 9},
             {"afwijkend", 10},
             {"beoordeeld", 10},
             {"onbekend", 9},
             {"percentage afwijkend", 12}});
    if (!d.breakdown_shown(teams.size())) {
        s.text(
            1, 0,
            "Niet getoond in de publicatieversie: bij één of twee teams is het ene team uit het totaal af te leiden.");
        return;
    }
    const auto quarters =
        d.publication
            ? counts_by(
                  log, run, [this](const Dossier& c) { return dossier_quarter(log, c, run.period()); }, "(onbekend)")
            : std::map<std::string, std::vector<RuleCounts>>{};
    const std::vector<bool> shown = breakdown_rows_shown(run, teams, d, &quarters);
    lxw_row_t r = 0;
    for (const auto& [team, counts] : teams)
        for (std::size_t k = 0; k < counts.size(); ++k) {
            if (!shown[k]) continue;
            ++r;
            const RuleCounts& x = counts[k];
            s.text(r, 0, team);
            s.text(r, 1, run.rules[k]);
            s.count(r, 2, x.violations, d);
            s.count(r, 3, x.violations + x.compliant, d);
            s.count(r, 4, x.unknown, d);
            rate_cell(s, r, x);
        }
    s.finish(r);
    std::string left_out;
    for (std::size_t k = 0; k < shown.size(); ++k)
        if (!shown[k]) left_out += (left_out.empty() ? "" : ", ") + run.rules[k];
    if (!left_out.empty())
        s.text(r + 2, 0,
               "Niet uitgesplitst, omdat een onderdrukt aantal anders na te rekenen zou zijn: " + left_out + ".");
    s.key(r + (left_out.empty() ? 2 : 3), d);
}

// A group's rate in column F: a percentage, "–" where the rule applies to none of its dossiers, "." where
// none was judged, "x" where a publication keeps it back.
void XlsxReport::rate_cell(Sheet& s, lxw_row_t r, const RuleCounts& x) {
    if (x.applicable == 0) s.symbol(r, 5, Symbol::nil);
    else if (const auto p = d.rate(x.violations, x.compliant, true)) s.number(r, 5, p->rate, b.pct);
    else s.symbol(r, 5, d.missing_rate(x.violations, x.compliant));
}

}  // namespace

namespace {
// The workbook's creation time: the run's peildatum (the same input gives the same file).
std::time_t created_on(const std::string& peildatum) {
    const lxw_datetime d = to_datetime(peildatum.size() >= 10 && peildatum[4] == '-' ? peildatum : "2000-01-01");
    std::tm when{};
    when.tm_year = d.year - 1900;
    when.tm_mon = d.month - 1;
    when.tm_mday = d.day;
    return timegm(&when);
}
}  // namespace

SheetHead sheet_head(const EventLog& log, const RunRecord& run, const Disclosure& d, const ReportFrame& frame,
                     const std::string& what) {
    SheetHead h;
    h.title = frame.title.empty() ? what : frame.title;
    if (!frame.organisation.empty()) h.title += ", " + frame.organisation;
    if (d.publication) h.title += " (publicatieversie)";
    const auto period = run.period();
    h.period = period ? "Periode: dossiers met een melding of herbeoordeling in " + period->words()
                      : std::string("Periode: alle dossiers tot de peildatum");
    const auto day = parse_iso_date(run.peildatum);
    h.peildatum = "Peildatum: " + (day ? day->dutch_long() : std::string("onbekend"));
    h.source = "Bron: ";
    for (std::size_t i = 0; i < log.inputs.size(); ++i)
        h.source += (i ? ", " : "") + log.inputs[i].path + " (SHA-256 " + log.inputs[i].sha256.substr(0, 12) + "…)";
    if (log.inputs.empty()) h.source += "geen invoer";
    h.source += "; Wmo-toets " WMOTOETS_VERSION;
    if (!frame.author.empty()) h.source += "; opgesteld door " + frame.author;
    return h;
}

void write_report_xlsx(const std::string& path, const EventLog& log, const RunRecord& run, const Disclosure& d,
                       const std::vector<LeadPhaseView>* lead_times, const Comparison* comparison,
                       const SheetHead* head) {
    const std::time_t created = created_on(run.peildatum);
    Book b = open_book(path, "Wmo-toets — rapport", created, d.publication);
    b.head = head;
    XlsxReport x{b, log, run, d};
    x.summary_sheet();
    if (!d.publication) x.findings_sheet();
    x.rules_sheet();
    if (!d.publication) x.dossiers_sheet();
    x.teams_sheet();
    x.trend_sheet();
    if (lead_times) x.lead_times_sheet(*lead_times);
    if (comparison) x.comparison_sheet(*comparison);
    const lxw_error err = workbook_close(b.wb);
    if (err != LXW_NO_ERROR)
        throw Error(path, 0, std::string("rapport.xlsx schrijven mislukt: ") + xlsx_error_dutch(err));
}

void write_zelftest_xlsx(const std::string& path, const ZelftestQuestions& q, const std::vector<ZelftestAnswers>& sets,
                         const ZelftestDialogue& d) {
    Book b = open_book(path, "Zelftest cliëntondersteuning — gespreksrapport", 946684800);  // 2000-01-01: fixed

    {
        lxw_worksheet* ws = workbook_add_worksheet(b.wb, "Antwoorden");
        print_setup(ws);
        worksheet_write_string(ws, 0, 0, "vraag", b.header);
        worksheet_write_string(ws, 0, 1, "thema", b.header);
        worksheet_write_string(ws, 0, 2, "tekst", b.header);
        worksheet_set_column(ws, 0, 1, 12, nullptr);
        worksheet_set_column(ws, 2, 2, 60, nullptr);
        lxw_col_t c = 3;
        for (const ZelftestAnswers& s : sets) {
            for (const char* what : {"antwoord", "toelichting", "bron"}) {
                const std::string h = s.perspectief + ": " + what;
                worksheet_write_string(ws, 0, c, h.c_str(), b.header);
                worksheet_set_column(ws, c, c, std::string(what) == "antwoord" ? 14 : 30, nullptr);
                ++c;
            }
        }
        worksheet_freeze_panes(ws, 1, 1);
        lxw_row_t r = 0;
        for (const ZelftestQuestion& question : q.questions) {
            ++r;
            worksheet_write_string(ws, r, 0, question.id.c_str(), nullptr);
            worksheet_write_string(ws, r, 1, question.theme.c_str(), nullptr);
            worksheet_write_string(ws, r, 2, question.text.c_str(), b.wrap);
            lxw_col_t col = 3;
            for (const ZelftestAnswers& s : sets) {
                const auto it = s.answers.find(question.id);
                std::string answer;
                if (it != s.answers.end()) {
                    answer = answer_words(it->second.answer);
                    for (const auto& [area, name] : question.levensgebieden)  // in the form's order, by name
                        if (const auto a = it->second.per_area.find(area); a != it->second.per_area.end())
                            answer += (answer.empty() ? "" : "; ") + name + ": " + answer_words(a->second);
                    if (!answer.empty()) worksheet_write_string(ws, r, col, answer.c_str(), nullptr);
                    if (!it->second.toelichting.empty())
                        worksheet_write_string(ws, r, col + 1, it->second.toelichting.c_str(), b.wrap);
                    if (!it->second.bron.empty())
                        worksheet_write_string(ws, r, col + 2, it->second.bron.c_str(), b.wrap);
                }
                col += 3;
            }
        }
        worksheet_autofilter(ws, 0, 0, r, static_cast<lxw_col_t>(c - 1));
    }
    {
        Sheet s(b, "Gesprekspunten", {{"vraag", 12}, {"waarom", 90}, {"soort", 36}});
        lxw_row_t r = 0;
        for (const Gesprekspunt& p : d.points) {
            ++r;
            s.text(r, 0, p.question);
            s.text(r, 1, p.why, b.wrap);
            s.text(r, 2, std::string(point_kind_words(p.kind)));
        }
        s.finish(r);
    }
    {
        Sheet s(b, "Dossiers",
                {{"vraag", 12},
                 {"regel", 9},
                 {"titel", 45},
                 {"van toepassing", 11},
                 {"voldaan", 9},
                 {"afwijkend", 10},
                 {"onbekend", 9},
                 {"percentage afwijkend", 12}});
        lxw_row_t r = 0;
        for (const auto& [question, figures] : d.dossier_figures)
            for (const CheckFigure& f : figures) {
                ++r;
                s.text(r, 0, question);
                s.text(r, 1, f.rule);
                s.text(r, 2, f.title);
                s.number(r, 3, double(f.applicable));
                s.number(r, 4, double(f.compliant));
                s.number(r, 5, double(f.violations));
                s.number(r, 6, double(f.unknown));
                if (f.rate) s.number(r, 7, *f.rate, b.pct);
            }
        s.finish(r);
    }
    const lxw_error err = workbook_close(b.wb);
    if (err != LXW_NO_ERROR)
        throw Error(path, 0, std::string("zelftest.xlsx schrijven mislukt: ") + xlsx_error_dutch(err));
}

void write_verdicts_xlsx(const std::string& path, const VerdictSheetHead& head,
                         const std::vector<VerdictRowPlan>& rows) {
    Book b = open_book(path, "Wmo-toets — oordelen bij een steekproef", created_on(head.peildatum));
    lxw_format* key = workbook_add_format(b.wb);
    format_set_bold(key);
    lxw_format* answer = workbook_add_format(b.wb);  // the cells the auditor fills in
    format_set_bg_color(answer, 0xFFF8D6);
    format_set_border(answer, LXW_BORDER_THIN);
    format_set_border_color(answer, 0xB0B0B0);
    lxw_format* answer_wrap = workbook_add_format(b.wb);
    format_set_bg_color(answer_wrap, 0xFFF8D6);
    format_set_border(answer_wrap, LXW_BORDER_THIN);
    format_set_border_color(answer_wrap, 0xB0B0B0);
    format_set_text_wrap(answer_wrap);
    lxw_worksheet* ws = workbook_add_worksheet(b.wb, "Oordelen");  // its own head, read back by evalueer
    // Above the table: which sample this is (read back and checked by evalueer), and how to fill in.
    const std::pair<std::string_view, std::string> lines[] = {
        {kVerdictHeadKeys[0], std::string(kVerdictTitle)},
        {kVerdictHeadKeys[1], head.seed},
        {kVerdictHeadKeys[2], head.size},
        {kVerdictHeadKeys[3], head.strata},
        {kVerdictHeadKeys[4], head.fingerprint},
        {kVerdictHeadKeys[5],  // in words, as every date for people (issue 28); evalueer does not need it
         parse_iso_date(head.peildatum) ? parse_iso_date(head.peildatum)->dutch_long() : head.peildatum},
        {"Normen", head.rules.empty() ? std::string("alle") : head.rules},
        {"Populatie", head.population},
        {"Bron", "Wmo-toets " WMOTOETS_VERSION ", 'steekproef trek': de uitkomsten van de laatste controle in de "
                 "database"},
        {"Invullen",
         "Kies per rij in kolom Oordeel: ja, nee, niet vast te stellen of niet van toepassing. Laat de regels "
         "hierboven staan; daarmee herkent 'wmotoets steekproef evalueer --oordelen' de steekproef."}};
    lxw_row_t r = 0;
    for (const auto& [k, v] : lines) {
        worksheet_write_string(ws, r, 0, std::string(k).c_str(), key);
        // Seed and size as numbers (issue 30), when a spreadsheet keeps them exactly (below 2^53).
        const bool number = (k == kVerdictHeadKeys[1] || k == kVerdictHeadKeys[2]) && !v.empty() && v.size() <= 15 &&
                            std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (number) worksheet_write_number(ws, r, 1, std::stod(v), nullptr);
        else worksheet_write_string(ws, r, 1, v.c_str(), nullptr);
        ++r;
    }
    const lxw_row_t header = r + 1;
    // Column A holds the head's labels (Bestand, Kenmerk, Peildatum …) as well as Nr: wide enough for them.
    const double widths[] = {11, 12, 9, 60, 24, 20, 40, 28, 16, 12};
    for (lxw_col_t c = 0; c < std::size(kVerdictColumns); ++c) {
        worksheet_write_string(ws, header, c, std::string(kVerdictColumns[c]).c_str(), b.header);
        worksheet_set_column(ws, c, c, widths[c], nullptr);
    }
    r = header;
    for (const VerdictRowPlan& row : rows) {
        ++r;
        worksheet_write_number(ws, r, 0, double(row.number), nullptr);
        worksheet_write_string(ws, r, 1, row.dossier.c_str(), nullptr);
        worksheet_write_string(ws, r, 2, row.rule.c_str(), nullptr);
        worksheet_write_string(ws, r, 3, row.question.c_str(), b.wrap);
        // A row as high as its wrapped norm (a spreadsheet does not measure rows it did not write itself):
        // about 55 characters per line in the 60-wide column, 15 points a line.
        const std::size_t chars = static_cast<std::size_t>(
            std::count_if(row.question.begin(), row.question.end(), [](char c) { return (c & 0xC0) != 0x80; }));
        worksheet_set_row(ws, r, 15.0 * double(std::max<std::size_t>(1, (chars + 54) / 55)), nullptr);
        worksheet_write_string(ws, r, 4, row.suggestion.c_str(), nullptr);
        worksheet_write_blank(ws, r, 5, answer);
        worksheet_write_blank(ws, r, 6, answer_wrap);
        worksheet_write_blank(ws, r, 7, answer_wrap);
        worksheet_write_blank(ws, r, 8, answer);
        worksheet_write_blank(ws, r, 9, answer);
    }
    worksheet_freeze_panes(ws, header + 1, 0);
    print_setup(ws, int(header));  // the table's head on every printed page
    if (!rows.empty()) {
        worksheet_autofilter(ws, header, 0, r, static_cast<lxw_col_t>(std::size(kVerdictColumns) - 1));
        std::vector<std::string> words(std::begin(kVerdictWords), std::end(kVerdictWords));
        std::vector<char*> list;
        for (std::string& w : words) list.push_back(w.data());
        list.push_back(nullptr);
        lxw_data_validation v{};
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = list.data();
        v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        std::string in_title = "Oordeel",
                    in_msg =
                        "Is aan de norm voldaan? Kies ja, nee, niet vast te stellen of niet van "
                        "toepassing.",
                    err_title = "Onbekend oordeel",
                    err_msg = "Kies ja, nee, niet vast te stellen of niet van toepassing.";
        v.input_title = in_title.data();
        v.input_message = in_msg.data();
        v.error_title = err_title.data();
        v.error_message = err_msg.data();
        worksheet_data_validation_range(ws, header + 1, 5, r, 5, &v);
    }
    const lxw_error err = workbook_close(b.wb);
    if (err != LXW_NO_ERROR)
        throw Error(path, 0, std::string("oordelen.xlsx schrijven mislukt: ") + xlsx_error_dutch(err));
}

void write_evaluation_xlsx(const std::string& path, const EvaluationPaper& p, const std::string& peildatum) {
    const VerdictEvaluation& e = *p.evaluation;
    Book b = open_book(path, "Wmo-toets — evaluatie van een steekproef", created_on(peildatum));
    lxw_format* upper = workbook_add_format(b.wb);  // an upper limit: a percentage with two decimals
    format_set_num_format(upper, "0.00%");
    // Every sheet opens with which sample and which verdicts it is about (issue 28's head, for a sample).
    const SheetHead head{
        fmt::format("Wmo-toets — evaluatie van steekproef {}", p.number),
        p.sample.empty() ? std::string() : "Steekproef: " + p.sample.front().second,
        fmt::format("Betrouwbaarheid {:g} %, aanvaardbaar afwijkingspercentage {:g} %", e.confidence * 100,
                    e.tolerable * 100),
        "Oordelen: " + p.verdict_file + " (SHA-256 " + p.verdict_sha256 + "); Wmo-toets " WMOTOETS_VERSION};
    b.head = &head;
    {
        Sheet s(b, "Conclusie",
                {{"soort", 30},
                 {"beoordeeld", 11},
                 {"met afwijking", 11},
                 {"bovengrens", 11},
                 {"conclusie", 30},
                 {"marge", 40}});
        lxw_row_t r = 1;
        for (const EvaluationClass* c : {&e.law, &e.other}) {
            s.text(r, 0, c == &e.law ? "overtredingen (de wet)" : c->name);
            s.number(r, 1, double(c->judged), b.count);
            s.number(r, 2, double(c->deviating), b.count);
            if (c->judged) s.number(r, 3, c->upper, upper);
            else s.text(r, 3, ".", b.kept_back);
            s.text(r, 4, conclusion_words(c->judged, c->deviating, c->met));
            s.text(r, 5, c->met ? margin_words(*c) : std::string("–"));
            ++r;
        }
        ++r;
        s.text(r++, 0,
               std::string("Oordeel: ") +
                   (e.met ? "de toets is geslaagd (overtredingen)" : "de toets is niet geslaagd (overtredingen)"));
        if (e.clients_own_judged > 0)
            s.text(r++, 0,
                   fmt::format("Niet tegen de gemeente geteld: te laat bezwaar of beroep van de cliënt zelf (TRM-04, "
                               "TRM-05) in {} van {} dossiers; {} weken alleen daarop af.",
                               e.clients_own_deviating, e.clients_own_judged, e.clients_own_only));
        ++r;
        for (const auto& [label, value] : p.sample) {
            s.text(r, 0, label);
            s.text(r++, 1, value);
        }
        s.text(r++, 0, "Opgesteld door");
        if (!p.by.empty()) s.text(r - 1, 1, p.by);
        s.text(r++, 0, "Beoordeeld door");
        s.text(r++, 0, "Datum vaststelling");
    }
    if (!e.strata.empty()) {
        Sheet s(b, "Per stratum",
                {{"stratum", 24},
                 {"populatie", 11},
                 {"getrokken", 11},
                 {"beoordeeld", 11},
                 {"met afwijking", 11},
                 {"bovengrens", 11},
                 {"conclusie", 40}});
        lxw_row_t r = 1;
        for (const EvaluationStratum& st : e.strata) {
            s.text(r, 0, st.name);
            s.number(r, 1, double(st.population), b.count);
            s.number(r, 2, double(st.drawn), b.count);
            s.number(r, 3, double(st.judged), b.count);
            s.number(r, 4, double(st.deviating), b.count);
            if (st.judged) s.number(r, 5, st.upper, upper);
            else s.text(r, 5, ".", b.kept_back);
            s.text(r, 6,
                   st.drawn == 0 ? "geen dossier getrokken (kleiner dan één dossier bij proportionele verdeling)"
                                 : conclusion_words(st.judged, st.deviating, st.met));
            ++r;
        }
        s.finish(r - 1);
        s.text(r + 1, 0,
               "Gewogen naar de omvang van de strata: naar schatting " + percent_one_decimal(e.weighted) +
                   " % afwijkend op een overtreding.");
    }
    {
        Sheet s(b, "Per norm",
                {{"regel", 10},
                 {"soort", 14},
                 {"beoordeeld", 11},
                 {"afwijkingen", 11},
                 {"bovengrens", 11},
                 {"conclusie", 40}});
        lxw_row_t r = 1;
        for (const EvaluationNorm& n : e.norms) {
            s.text(r, 0, n.rule);
            s.text(r, 1, n.clients_own ? std::string("cliënt zelf") : std::string(severity_name(n.severity)));
            s.number(r, 2, double(n.judged), b.count);
            if (n.judged) {
                s.number(r, 3, double(n.deviations), b.count);
                s.number(r, 4, n.upper, upper);
                s.text(r, 5, conclusion_words(n.judged, n.deviations, n.met));
            } else {
                s.text(r, 3, "–", b.kept_back);
                s.text(r, 4, ".", b.kept_back);
                s.text(r, 5, fmt::format("alle {} niet van toepassing", n.not_applicable));
            }
            ++r;
        }
        s.finish(r - 1);
    }
    {
        Sheet s(b, "Per dossier",
                {{"dossier", 14},
                 {"stratum", 20},
                 {"overtreding", 30},
                 {"aandachtspunt of signaal", 30},
                 {"cliënt zelf", 16}});
        lxw_row_t r = 1;
        const auto list = [](const std::vector<std::string>& v) {
            std::string out;
            for (const std::string& x : v) out += (out.empty() ? "" : ", ") + x;
            return out;
        };
        for (const EvaluationDossier& d : e.dossiers) {
            s.text(r, 0, d.dossier);
            s.text(r, 1, d.stratum);
            s.text(r, 2, list(d.law));
            s.text(r, 3, list(d.other));
            s.text(r, 4, list(d.own));
            ++r;
        }
        s.finish(r - 1);
    }
    {
        Sheet s(b, "Anders geoordeeld",
                {{"dossier", 14}, {"regel", 10}, {"Wmo-toets", 24}, {"auditor", 22}, {"toelichting", 60}});
        lxw_row_t r = 1;
        for (const EvaluationRow& x : e.disagreements) {
            s.text(r, 0, x.dossier);
            s.text(r, 1, x.rule);
            s.text(r, 2, x.first);
            s.text(r, 3, x.second);
            s.text(r, 4, x.third.empty() ? std::string("geen toelichting") : x.third, b.wrap);
            ++r;
        }
        s.finish(r - 1);
    }
    {
        Sheet s(b, "Volledigheid", {{"cel", 40}, {"dossier", 14}, {"regel", 10}, {"wat ontbreekt", 50}});
        lxw_row_t r = 1;
        for (const EvaluationRow& x : e.incomplete) {
            s.text(r, 0, x.where);
            s.text(r, 1, x.dossier);
            s.text(r, 2, x.rule);
            s.text(r, 3, x.first);
            ++r;
        }
        if (e.incomplete.empty()) s.text(r++, 0, "Elke rij is volledig.");
        s.finish(r - 1);
    }
    const lxw_error err = workbook_close(b.wb);
    if (err != LXW_NO_ERROR)
        throw Error(path, 0, std::string("evaluatie.xlsx schrijven mislukt: ") + xlsx_error_dutch(err));
}

void write_separation_xlsx(const std::string& path, const SeparationView& v, const RunRecord&, const Disclosure& d,
                           const SheetHead* head) {
    Book b = open_book(path, "Wmo-toets — scheiding van functies", created_on(v.peildatum));
    b.head = head;
    lxw_format* month = workbook_add_format(b.wb);
    format_set_num_format(month, "mm-yyyy");
    lxw_format* bold = workbook_add_format(b.wb);
    format_set_bold(bold);
    const SeparationTables tables = separation_tables(v, d);
    const std::map<std::string, std::string> sheet_names = {{"per-maand", "Per maand"},
                                                            {"per-team", "Per team"},
                                                            {"per-team-maand", "Per team en maand"},
                                                            {"per-medewerker", "Per medewerker"}};
    for (const SeparationTable& t : tables.tables) {
        lxw_worksheet* ws = workbook_add_worksheet(b.wb, sheet_names.at(t.id).c_str());
        const lxw_row_t top = write_head(b, ws, sheet_names.at(t.id));
        print_setup(ws, int(top));
        for (lxw_col_t c = 0; c < t.columns.size(); ++c) {
            worksheet_write_string(ws, top, c, t.columns[c].c_str(), b.header);
            worksheet_set_column(ws, c, c, c == 0 ? 22 : t.columns[c].starts_with("dossiers ONA") ? 40 : 14, nullptr);
        }
        worksheet_freeze_panes(ws, top + 1, 0);
        lxw_row_t r = top;
        for (const auto& row : t.rows) {
            ++r;
            for (lxw_col_t c = 0; c < row.size(); ++c) {
                const SeparationCell& cell = row[c];
                switch (cell.kind) {
                case SeparationCell::Kind::count: worksheet_write_number(ws, r, c, cell.number, nullptr); break;
                case SeparationCell::Kind::rate: worksheet_write_number(ws, r, c, cell.number, b.pct); break;
                case SeparationCell::Kind::month: {
                    const auto ym = static_cast<int>(cell.number);
                    lxw_datetime when{ym / 100, ym % 100, 1, 0, 0, 0};
                    worksheet_write_datetime(ws, r, c, &when, month);
                    break;
                }
                default: {
                    const bool symbol =
                        std::find(std::begin(kSymbolText), std::end(kSymbolText), cell.text) != std::end(kSymbolText);
                    if (!cell.text.empty())
                        worksheet_write_string(ws, r, c, cell.text.c_str(),
                                               symbol                                     ? b.kept_back
                                               : t.total_last && r == top + t.rows.size() ? bold
                                                                                          : nullptr);
                }
                }
            }
        }
        worksheet_autofilter(ws, top, 0, r, static_cast<lxw_col_t>(t.columns.size() - 1));
        if (const std::string k = d.key(symbols_in(t), false); !k.empty())
            worksheet_write_string(ws, r + 2, 0, k.c_str(), nullptr);
    }
    {
        // What the tables count, and what a publication leaves out.
        lxw_worksheet* ws = workbook_add_worksheet(b.wb, "Toelichting");
        print_setup(ws, -1);
        worksheet_set_column(ws, 0, 0, 110, b.wrap);
        lxw_row_t r = write_head(b, ws, "Toelichting");
        worksheet_write_string(ws, r++, 0,
                               "Scheiding van functies: is wie de cliënt ondersteunt een ander dan wie over de "
                               "maatwerkvoorziening beslist?",
                               bold);
        for (const SeparationTable& t : tables.tables) {
            const std::string line = sheet_names.at(t.id) + ": " + t.explanation;
            worksheet_write_string(ws, r++, 0, line.c_str(), nullptr);
        }
        for (const std::string& why : tables.left_out) {
            const std::string line = "Niet in de publicatieversie: " + why;
            worksheet_write_string(ws, r++, 0, line.c_str(), nullptr);
        }
        if (d.publication) worksheet_write_string(ws, r++, 0, d.rule().c_str(), nullptr);
    }
    const lxw_error err = workbook_close(b.wb);
    if (err != LXW_NO_ERROR)
        throw Error(path, 0, std::string("scheiding.xlsx schrijven mislukt: ") + xlsx_error_dutch(err));
}

void write_worklist_xlsx(const std::string& path, const Worklist& w) {
    Book b = open_book(path, "Wmo-toets — werkvoorraad", created_on(w.peildatum.iso()));
    const SheetHead head{"Wmo-toets" + (w.team.empty() ? std::string() : ", team " + w.team),
                         "Open dossiers met wat er nog moet gebeuren, per team het dringendste eerst",
                         "Peildatum: " + w.peildatum.dutch_long(),
                         "Bron: " + w.source + "; Wmo-toets " WMOTOETS_VERSION};
    b.head = &head;
    Sheet s(b, "Werkvoorraad",
            {{"Team", 16},
             {"Dossier", 14},
             {"Urgentie", 18},
             {"Nog te doen", 40},
             {"Laatste dag", 12},
             {"Werkdagen over", 10},
             {"Regel", 9},
             {"Norm", 40},
             {"Medewerkers", 26},
             {"Wat het logboek laat zien", 70},
             {"Sinds vorige keer", 12}});
    lxw_row_t r = 0;
    for (const WorkItem& i : w.items) {
        ++r;
        s.text(r, 0, i.team.empty() ? "zonder team" : i.team);
        s.text(r, 1, i.open.case_id);
        s.text(r, 2, std::string(urgency_words(i.urgency)));
        s.text(r, 3, i.open.todo, b.wrap);
        if (i.deadline) {
            s.day(r, 4, i.open.deadline);
            s.number(r, 5, i.open.werkdagen_over);
        }
        s.text(r, 6, i.open.rule);
        s.text(r, 7, i.norm, b.wrap);
        s.text(r, 8, i.medewerker, b.wrap);
        s.text(r, 9, i.open.detail, b.wrap);
        s.text(r, 10, i.change == Change::nieuw ? "nieuw" : i.change == Change::nog_open ? "nog open" : "");
    }
    s.finish(r);
    if (w.since && !w.since->new_findings.empty()) {
        Sheet n(b, "Nieuwe bevindingen",
                {{"Dossier", 14}, {"Regel", 10}, {"Titel", 40}, {"Datum", 12}, {"Bevinding", 90}});
        lxw_row_t k = 0;
        for (const RunRecord::Finding& f : w.since->new_findings) {
            ++k;
            n.text(k, 0, f.case_id);
            n.text(k, 1, f.rule);
            if (const Rule* rule = find_rule(f.rule)) n.text(k, 2, std::string(rule->info().title), b.wrap);
            n.day(k, 3, f.date);
            n.text(k, 4, f.message, b.wrap);
        }
        n.finish(k);
    }
    const lxw_error err = workbook_close(b.wb);
    if (err != LXW_NO_ERROR)
        throw Error(path, 0, std::string("werkvoorraad.xlsx schrijven mislukt: ") + xlsx_error_dutch(err));
}

}  // namespace wmotoets
