// Check runs in the store: written row by row (RunWriter) and read back (latest_run).
#include "store/sqlite.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "model/date.hpp"
#include "model/severity.hpp"
#include "util/text.hpp"

namespace wmotoets {

using namespace store_sql;

struct Store::RunWriter::Impl {
    explicit Impl(Store& store)
        : db(*store.db_),
          t(db),
          outcomes(db, "INSERT INTO outcomes(run_id, pos, case_id, codes) VALUES(?,?,?,?)"),
          findings(db,
                   "INSERT INTO findings(run_id, pos, case_id, rule, cycle, date, deadline, message, events) "
                   "VALUES(?,?,?,?,?,?,?,?,?)"),
          figures(db,
                  "INSERT INTO figures(run_id, pos, rule, title, severity, applicable, compliant, violations, unknown, "
                  "rate, lo, hi) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)"),
          lead_times(
              db,
              "INSERT INTO lead_times(run_id, pos, phase, gestart, afgerond, lopend, beeindigd, mediaan, p75, p90, "
              "zonder_aanvraag, zonder_gesprek, mediaan_95_laag, mediaan_95_hoog, aandeel_afgerond, aandeel_beeindigd, "
              "aandeel_open, nooit) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
          open(
              db,
              "INSERT INTO open_items(run_id, pos, case_id, rule, cycle, kind, deadline, werkdagen_over, todo, detail, "
              "events) VALUES(?,?,?,?,?,?,?,?,?,?,?)") {}
    Store::Db& db;
    Transaction t;
    Stmt outcomes, findings, figures, lead_times, open;
    std::int64_t id = 0, n_outcomes = 0, n_findings = 0, n_figures = 0, n_lead_times = 0, n_open = 0;
    std::string text;                      // the codes of a dossier, the rows of a finding
    std::vector<std::int64_t> import_ids;  // by input: the imports in id order, as load() lists them

    // "import_id:line;…" of the rows that prove a finding or an open item.
    const std::string& events_text(const std::vector<std::pair<std::size_t, std::uint32_t>>& events) {
        text.clear();
        for (const auto& [file, line] : events) {
            if (!text.empty()) text += ';';
            if (file >= import_ids.size())
                throw Error(db.path + ": bevinding verwijst naar invoerbestand " + std::to_string(file + 1) +
                            ", dat niet in de database staat");
            text += std::to_string(import_ids[file]);
            text += ':';
            text += std::to_string(line);
        }
        return text;
    }
};

Store::RunWriter::RunWriter(Store& store) : impl_(std::make_unique<Impl>(store)) {
    impl_->import_ids = store.import_ids();
}

Store::RunWriter::~RunWriter() = default;

void Store::RunWriter::begin(const std::string& peildatum, const RunSettings& settings,
                             const std::vector<std::string>& rules) {
    std::string list;
    for (const std::string& r : rules) {
        if (!list.empty()) list += ',';
        list += r;
    }
    Stmt ins(impl_->db, "INSERT INTO runs(peildatum, settings, rules, open_kept) VALUES(?,?,?,1)");
    if (peildatum.empty()) ins.bind_null(1);
    else ins.bind(1, peildatum);
    ins.bind(2, settings.text()).bind(3, list).run("het vastleggen van de controle");
    impl_->id = sqlite3_last_insert_rowid(impl_->db.db);
}

void Store::RunWriter::outcomes(std::string_view case_id, std::span<const Outcome> row) {
    std::string& codes = impl_->text;
    codes.clear();
    for (const Outcome o : row) codes += outcome_code(o);
    impl_->outcomes.bind(1, impl_->id).bind(2, impl_->n_outcomes++).bind(3, case_id).bind(4, codes);
    impl_->outcomes.run("het vastleggen van uitkomsten");
}

void Store::RunWriter::finding(const RunRecord::Finding& x) {
    const std::string& ev = impl_->events_text(x.events);
    Stmt& f = impl_->findings;
    f.bind(1, impl_->id).bind(2, impl_->n_findings++).bind(3, x.case_id).bind(4, x.rule).bind(5, std::int64_t(x.cycle));
    f.bind(6, x.date);
    if (x.deadline.empty()) f.bind_null(7);
    else f.bind(7, x.deadline);
    f.bind(8, x.message).bind(9, ev).run("het vastleggen van bevindingen");
}

void Store::RunWriter::figure(const RunRecord::Figure& x) {
    Stmt& g = impl_->figures;
    g.bind(1, impl_->id)
        .bind(2, impl_->n_figures++)
        .bind(3, x.rule)
        .bind(4, x.title)
        .bind(5, severity_name(x.severity));
    g.bind(6, std::int64_t(x.applicable)).bind(7, std::int64_t(x.compliant)).bind(8, std::int64_t(x.violations));
    g.bind(9, std::int64_t(x.unknown)).bind(10, x.rate).bind(11, x.lo).bind(12, x.hi).run("het vastleggen van cijfers");
}

void Store::RunWriter::lead_time(const RunRecord::LeadTime& x) {
    Stmt& l = impl_->lead_times;
    auto days = [&l](int col, std::optional<int> d) {
        if (d) l.bind(col, std::int64_t(*d));
        else l.bind_null(col);
    };
    l.bind(1, impl_->id).bind(2, impl_->n_lead_times++).bind(3, x.phase).bind(4, std::int64_t(x.started));
    l.bind(5, std::int64_t(x.completed)).bind(6, std::int64_t(x.running)).bind(7, std::int64_t(x.ended));
    days(8, x.mediaan);
    days(9, x.p75);
    days(10, x.p90);
    l.bind(11, std::int64_t(x.zonder_aanvraag)).bind(12, std::int64_t(x.zonder_gesprek));
    days(13, x.mediaan_lo);
    days(14, x.mediaan_hi);
    l.bind(15, std::int64_t(x.share_completed)).bind(16, std::int64_t(x.share_ended));
    l.bind(17, std::int64_t(x.share_open)).bind(18, std::int64_t(x.nooit[0] | x.nooit[1] << 1 | x.nooit[2] << 2));
    l.run("het vastleggen van doorlooptijden");
}

void Store::RunWriter::open_item(const RunRecord::Open& x) {
    const std::string& ev = impl_->events_text(x.events);
    Stmt& o = impl_->open;
    o.bind(1, impl_->id).bind(2, impl_->n_open++).bind(3, x.case_id).bind(4, x.rule).bind(5, std::int64_t(x.cycle));
    o.bind(6, open_kind_name(x.kind));
    if (x.deadline.empty()) o.bind_null(7);
    else o.bind(7, x.deadline);
    o.bind(8, std::int64_t(x.werkdagen_over)).bind(9, x.todo).bind(10, x.detail).bind(11, ev);
    o.run("het vastleggen van de werkvoorraad");
}

std::int64_t Store::RunWriter::commit() {
    impl_->t.commit();
    return impl_->id;
}

std::int64_t Store::add_run(const RunRecord& run) {
    RunWriter w(*this);
    emit(run, w);
    return w.commit();
}

namespace {

// What this program writes as a name (a rule id, a phase, a setting): letters, digits and -_. only.
bool plain_name(std::string_view s) {
    if (s.empty() || s.size() > 60) return false;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.'))
            return false;
    }
    return true;
}

void read_run_header(const Store::Db& db, std::int64_t id, RunRecord& run) {
    Stmt q(db, "SELECT peildatum, settings, rules FROM runs WHERE id = ?");
    q.bind(1, id);
    q.step("het lezen van de controle");
    run.peildatum = std::string(q.text(0));
    if (!run.peildatum.empty() && !parse_date_value(run.peildatum)) damaged(db, "runs", id, "ongeldige peildatum");
    run.settings = RunSettings::parse(q.text(1));
    for (const auto& [key, value] : run.settings.values)
        if (!plain_name(key) || value.size() > 100 || needs_showing(value))
            damaged(db, "runs", id, "ongeldige instelling");
    std::string_view rules = q.text(2);
    std::set<std::string_view> seen;
    while (!rules.empty()) {
        const auto comma = rules.find(',');
        const std::string_view rule = rules.substr(0, comma);
        if (!plain_name(rule) || !seen.insert(rule).second) damaged(db, "runs", id, "ongeldige lijst van regels");
        run.rules.emplace_back(rule);
        rules = comma == std::string_view::npos ? std::string_view{} : rules.substr(comma + 1);
    }
}

void read_outcomes(const Store::Db& db, std::int64_t id, RunRecord& run) {
    Stmt q(db, "SELECT case_id, codes FROM outcomes WHERE run_id = ? ORDER BY pos");
    q.bind(1, id);
    std::set<std::string, std::less<>> seen;
    while (q.step("het lezen van uitkomsten")) {
        const std::int64_t row = std::int64_t(run.case_ids.size());
        if (!seen.insert(std::string(q.text(0))).second)
            damaged(db, "outcomes", row, "een dossier staat er twee keer in");
        run.case_ids.emplace_back(q.text(0));
        const std::string_view codes = q.text(1);
        if (codes.size() != run.rules.size()) damaged(db, "outcomes", row, "uitkomsten passen niet bij de regels");
        for (std::size_t r = 0; r < run.rules.size(); ++r) {
            const auto o = outcome_from_code(codes[r]);
            if (!o) damaged(db, "outcomes", row, "onbekende uitkomst");
            run.outcomes.push_back(*o);
        }
    }
}

// The rows "import_id:line;…" of a finding or open item, as (input, line) of the log load() gives.
class EventRefs {
public:
    EventRefs(const Store::Db& db, const std::vector<std::int64_t>& ids, std::string_view table)
        : db_(db), ids_(ids), table_(table) {}
    void parse(std::string_view ev, std::int64_t row, std::vector<std::pair<std::size_t, std::uint32_t>>& out) const {
        while (!ev.empty()) {
            const auto semi = ev.find(';');
            const std::string_view item = ev.substr(0, semi);
            const auto colon = item.find(':');
            if (colon == std::string_view::npos)
                damaged(db_, table_, row, "onleesbare verwijzing naar een gebeurtenis");
            out.emplace_back(input_of(number(item.substr(0, colon), row), row),
                             static_cast<std::uint32_t>(number(item.substr(colon + 1), row)));
            ev = semi == std::string_view::npos ? std::string_view{} : ev.substr(semi + 1);
        }
    }

private:
    std::size_t input_of(std::uint64_t import_id, std::int64_t row) const {
        const auto it = std::lower_bound(ids_.begin(), ids_.end(), std::int64_t(import_id));
        if (it == ids_.end() || *it != std::int64_t(import_id))
            damaged(db_, table_, row, "verwijst naar import " + std::to_string(import_id) + ", die er niet is");
        return std::size_t(it - ids_.begin());
    }
    std::uint64_t number(std::string_view text, std::int64_t row) const {
        std::uint64_t v = 0;
        const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || p != text.data() + text.size() || v > UINT32_MAX)
            damaged(db_, table_, row, "onleesbare verwijzing naar een gebeurtenis");
        return v;
    }
    const Store::Db& db_;
    const std::vector<std::int64_t>& ids_;
    std::string_view table_;
};

void read_findings(const Store::Db& db, const std::vector<std::int64_t>& ids, std::int64_t id, RunRecord& run) {
    const EventRefs refs(db, ids, "findings");
    const std::set<std::string_view> dossiers(run.case_ids.begin(), run.case_ids.end());
    const std::set<std::string_view> rules(run.rules.begin(), run.rules.end());
    Stmt q(db,
           "SELECT case_id, rule, cycle, date, deadline, message, events FROM findings WHERE run_id = ? ORDER BY pos");
    q.bind(1, id);
    while (q.step("het lezen van bevindingen")) {
        const auto row = std::int64_t(run.findings.size());
        RunRecord::Finding f;
        f.case_id = std::string(q.text(0));
        f.rule = std::string(q.text(1));
        f.cycle = static_cast<int>(q.i64(2));
        f.date = std::string(q.text(3));
        f.deadline = std::string(q.text(4));
        f.message = std::string(q.text(5));
        if (!dossiers.count(f.case_id)) damaged(db, "findings", row, "onbekend dossier");
        if (!rules.count(f.rule)) damaged(db, "findings", row, "onbekende regel");
        if (q.i64(2) < 0 || q.i64(2) > 1000000) damaged(db, "findings", row, "ongeldige cyclus");
        if (!parse_date_value(f.date) || (!f.deadline.empty() && !parse_date_value(f.deadline)))
            damaged(db, "findings", row, "ongeldige datum");
        refs.parse(q.text(6), row, f.events);
        run.findings.push_back(std::move(f));
    }
}

// The werkvoorraad of a run of schema 6 or later (open_kept); an older run's is unknown.
void read_open(const Store::Db& db, const std::vector<std::int64_t>& ids, std::int64_t id, RunRecord& run) {
    run.open_known = scalar(db, ("SELECT open_kept FROM runs WHERE id = " + std::to_string(id)).c_str()) != 0;
    const EventRefs refs(db, ids, "open_items");
    const std::set<std::string_view> dossiers(run.case_ids.begin(), run.case_ids.end());
    const std::set<std::string_view> rules(run.rules.begin(), run.rules.end());
    Stmt q(db,
           "SELECT case_id, rule, cycle, kind, deadline, werkdagen_over, todo, detail, events FROM open_items "
           "WHERE run_id = ? ORDER BY pos");
    q.bind(1, id);
    while (q.step("het lezen van de werkvoorraad")) {
        const auto row = std::int64_t(run.open.size());
        RunRecord::Open o;
        o.case_id = std::string(q.text(0));
        o.rule = std::string(q.text(1));
        o.cycle = static_cast<int>(q.i64(2));
        const auto kind = open_kind_from_name(q.text(3));
        o.deadline = std::string(q.text(4));
        o.werkdagen_over = static_cast<int>(q.i64(5));
        o.todo = std::string(q.text(6));
        o.detail = std::string(q.text(7));
        if (!dossiers.count(o.case_id)) damaged(db, "open_items", row, "onbekend dossier");
        if (!rules.count(o.rule)) damaged(db, "open_items", row, "onbekende regel");
        if (!kind) damaged(db, "open_items", row, "onbekende soort");
        o.kind = *kind;
        if (q.i64(2) < 0 || q.i64(2) > 1000000) damaged(db, "open_items", row, "ongeldige cyclus");
        if (q.i64(5) < -1000000 || q.i64(5) > 1000000) damaged(db, "open_items", row, "ongeldig aantal werkdagen");
        if (!o.deadline.empty() && !parse_date_value(o.deadline)) damaged(db, "open_items", row, "ongeldige datum");
        refs.parse(q.text(8), row, o.events);
        run.open.push_back(std::move(o));
    }
}

void read_figures(const Store::Db& db, std::int64_t id, RunRecord& run) {
    Stmt q(db,
           "SELECT rule, title, severity, applicable, compliant, violations, unknown, rate, lo, hi FROM figures "
           "WHERE run_id = ? ORDER BY pos");
    q.bind(1, id);
    // Per rule, what its outcomes count: the stored figures must say the same (a figure edited in
    // the file would otherwise be published as it stands).
    std::map<std::string_view, std::array<std::size_t, 4>, std::less<>> counted;
    for (std::size_t r = 0; r < run.rules.size(); ++r) {
        auto& c = counted[run.rules[r]];
        for (std::size_t k = 0; k < run.case_ids.size(); ++k) ++c[std::size_t(run.outcome(k, r))];
    }
    std::set<std::string, std::less<>> seen;
    while (q.step("het lezen van cijfers")) {
        const auto row = std::int64_t(run.figures.size());
        RunRecord::Figure f;
        f.rule = std::string(q.text(0));
        f.title = std::string(q.text(1));
        const auto severity = severity_from_name(q.text(2));
        if (!severity) damaged(db, "figures", row, "onbekende zwaarte");
        f.severity = *severity;
        f.applicable = count_at(db, q, 3, "figures", row);
        f.compliant = count_at(db, q, 4, "figures", row);
        f.violations = count_at(db, q, 5, "figures", row);
        f.unknown = count_at(db, q, 6, "figures", row);
        if (!q.null(7)) f.rate = q.real(7);
        if (!q.null(8)) f.lo = q.real(8);
        if (!q.null(9)) f.hi = q.real(9);
        const auto c = counted.find(f.rule);
        if (c == counted.end() || !seen.insert(f.rule).second) damaged(db, "figures", row, "onbekende regel");
        const auto& [nvt, voldaan, onbekend, overtreden] = c->second;
        const std::size_t judged = f.compliant + f.violations;
        const bool rate_ok =
            judged == 0 ? !f.rate
                        : f.rate && std::fabs(*f.rate - double(f.violations) / double(judged)) < 1e-9 && f.lo && f.hi &&
                              *f.lo >= 0 && *f.lo <= *f.rate + 1e-9 && *f.rate <= *f.hi + 1e-9 && *f.hi <= 1;
        if (f.compliant != voldaan || f.violations != overtreden || f.unknown != onbekend ||
            f.applicable != voldaan + overtreden + onbekend || !rate_ok)
            damaged(db, "figures", row, "de cijfers van " + f.rule + " kloppen niet met de uitkomsten per dossier");
        (void)nvt;
        run.figures.push_back(std::move(f));
    }
}

void read_lead_times(const Store::Db& db, std::int64_t id, RunRecord& run) {
    Stmt q(db,
           "SELECT phase, gestart, afgerond, lopend, beeindigd, mediaan, p75, p90, zonder_aanvraag, zonder_gesprek, "
           "mediaan_95_laag, mediaan_95_hoog, aandeel_afgerond, aandeel_beeindigd, aandeel_open, nooit FROM lead_times "
           "WHERE run_id = ? ORDER BY pos");
    q.bind(1, id);
    std::set<std::string, std::less<>> seen;
    while (q.step("het lezen van doorlooptijden")) {
        const auto row = std::int64_t(run.lead_times.size());
        RunRecord::LeadTime l;
        l.phase = std::string(q.text(0));
        if (!plain_name(l.phase) || !seen.insert(l.phase).second) damaged(db, "lead_times", row, "onbekende fase");
        l.started = count_at(db, q, 1, "lead_times", row);
        l.completed = count_at(db, q, 2, "lead_times", row);
        l.running = count_at(db, q, 3, "lead_times", row);
        l.ended = count_at(db, q, 4, "lead_times", row);
        // Days (at most a few centuries) and shares in ten-thousandths.
        const auto days = [&](int c) -> std::optional<int> {
            if (q.null(c)) return std::nullopt;
            if (q.i64(c) < 0 || q.i64(c) > 100000) damaged(db, "lead_times", row, "ongeldig aantal dagen");
            return int(q.i64(c));
        };
        const auto share = [&](int c, int otherwise) {
            if (q.null(c)) return otherwise;
            if (q.i64(c) < 0 || q.i64(c) > 10000) damaged(db, "lead_times", row, "ongeldig aandeel");
            return int(q.i64(c));
        };
        l.mediaan = days(5);
        l.p75 = days(6);
        l.p90 = days(7);
        if (!q.null(8)) l.zonder_aanvraag = count_at(db, q, 8, "lead_times", row);
        if (!q.null(9)) l.zonder_gesprek = count_at(db, q, 9, "lead_times", row);
        l.mediaan_lo = days(10);
        l.mediaan_hi = days(11);
        l.share_completed = share(12, l.share_completed);
        l.share_ended = share(13, l.share_ended);
        l.share_open = share(14, l.share_open);
        // A run of schema 4 or older has no competing ends of their own kind (NULL): at most as many ends.
        const std::size_t ends = l.completed + l.running + l.ended + l.zonder_aanvraag + l.zonder_gesprek;
        if (q.null(8) ? ends > l.started : ends != l.started)
            damaged(db, "lead_times", row, "de aantallen tellen niet op");
        if (!q.null(15))
            for (std::size_t b = 0; b < 3; ++b) l.nooit[b] = (q.i64(15) >> b) & 1;
        run.lead_times.push_back(std::move(l));
    }
}

}  // namespace

std::optional<RunRecord> Store::latest_run() const { return run(latest_run_id()); }

std::int64_t Store::latest_run_id() const { return scalar(*db_, "SELECT coalesce(max(id), 0) FROM runs"); }

std::optional<RunRecord> Store::run(std::int64_t id) const {
    if (id <= 0 || scalar(*db_, ("SELECT count(*) FROM runs WHERE id = " + std::to_string(id)).c_str()) == 0)
        return std::nullopt;
    RunRecord run;
    const std::vector<std::int64_t> ids = import_ids();
    read_run_header(*db_, id, run);
    read_outcomes(*db_, id, run);
    read_findings(*db_, ids, id, run);
    read_figures(*db_, id, run);
    read_lead_times(*db_, id, run);
    read_open(*db_, ids, id, run);
    return run;
}

std::int64_t Store::latest_run_before(const std::string& peildatum) const {
    Stmt q(*db_, "SELECT coalesce(max(id), 0) FROM runs WHERE peildatum IS NOT NULL AND peildatum < ?");
    q.bind(1, peildatum);
    q.step("het zoeken van een eerdere controle");
    return q.i64(0);
}

}  // namespace wmotoets
