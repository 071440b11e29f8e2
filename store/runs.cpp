// Check runs in the store: written row by row (RunWriter) and read back (latest_run).
#include "store/sqlite.hpp"

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
              "aandeel_open, nooit) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)") {}
    Store::Db& db;
    Transaction t;
    Stmt outcomes, findings, figures, lead_times;
    std::int64_t id = 0, n_outcomes = 0, n_findings = 0, n_figures = 0, n_lead_times = 0;
    std::string text;                      // the codes of a dossier, the rows of a finding
    std::vector<std::int64_t> import_ids;  // by input: the imports in id order, as load() lists them
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
    Stmt ins(impl_->db, "INSERT INTO runs(peildatum, settings, rules) VALUES(?,?,?)");
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
    std::string& ev = impl_->text;
    ev.clear();
    for (const auto& [file, line] : x.events) {
        if (!ev.empty()) ev += ';';
        if (file >= impl_->import_ids.size())
            throw Error(impl_->db.path + ": bevinding verwijst naar invoerbestand " + std::to_string(file + 1) +
                        ", dat niet in de database staat");
        ev += std::to_string(impl_->import_ids[file]);
        ev += ':';
        ev += std::to_string(line);
    }
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

void read_run_header(const Store::Db& db, std::int64_t id, RunRecord& run) {
    Stmt q(db, "SELECT peildatum, settings, rules FROM runs WHERE id = ?");
    q.bind(1, id);
    q.step("het lezen van de controle");
    run.peildatum = std::string(q.text(0));
    run.settings = RunSettings::parse(q.text(1));
    std::string_view rules = q.text(2);
    while (!rules.empty()) {
        const auto comma = rules.find(',');
        run.rules.emplace_back(rules.substr(0, comma));
        rules = comma == std::string_view::npos ? std::string_view{} : rules.substr(comma + 1);
    }
}

void read_outcomes(const Store::Db& db, std::int64_t id, RunRecord& run) {
    Stmt q(db, "SELECT case_id, codes FROM outcomes WHERE run_id = ? ORDER BY pos");
    q.bind(1, id);
    while (q.step("het lezen van uitkomsten")) {
        run.case_ids.emplace_back(q.text(0));
        const std::string_view codes = q.text(1);
        for (std::size_t r = 0; r < run.rules.size(); ++r) {
            const auto o = r < codes.size() ? outcome_from_code(codes[r]) : std::nullopt;
            if (!o)
                throw Error(db.path + ": beschadigde uitkomsten van dossier '" + std::string(q.text(0)) +
                            "' in controle " + std::to_string(id));
            run.outcomes.push_back(*o);
        }
    }
}

void read_findings(const Store::Db& db, const std::vector<std::int64_t>& ids, std::int64_t id, RunRecord& run) {
    auto input_of = [&](std::uint64_t import_id) -> std::size_t {
        const auto it = std::lower_bound(ids.begin(), ids.end(), std::int64_t(import_id));
        if (it == ids.end() || *it != std::int64_t(import_id))
            throw Error(db.path + ": bevinding verwijst naar import " + std::to_string(import_id) + ", die er niet is");
        return std::size_t(it - ids.begin());
    };
    Stmt q(db,
           "SELECT case_id, rule, cycle, date, deadline, message, events FROM findings WHERE run_id = ? ORDER BY pos");
    q.bind(1, id);
    while (q.step("het lezen van bevindingen")) {
        RunRecord::Finding f;
        f.case_id = std::string(q.text(0));
        f.rule = std::string(q.text(1));
        f.cycle = static_cast<int>(q.i64(2));
        f.date = std::string(q.text(3));
        f.deadline = std::string(q.text(4));
        f.message = std::string(q.text(5));
        std::string_view ev = q.text(6);
        while (!ev.empty()) {
            const auto semi = ev.find(';');
            const std::string_view item = ev.substr(0, semi);
            const auto colon = item.find(':');
            f.events.emplace_back(input_of(std::stoull(std::string(item.substr(0, colon)))),
                                  static_cast<std::uint32_t>(std::stoul(std::string(item.substr(colon + 1)))));
            ev = semi == std::string_view::npos ? std::string_view{} : ev.substr(semi + 1);
        }
        run.findings.push_back(std::move(f));
    }
}

void read_figures(const Store::Db& db, std::int64_t id, RunRecord& run) {
    Stmt q(db,
           "SELECT rule, title, severity, applicable, compliant, violations, unknown, rate, lo, hi FROM figures "
           "WHERE run_id = ? ORDER BY pos");
    q.bind(1, id);
    while (q.step("het lezen van cijfers")) {
        RunRecord::Figure f;
        f.rule = std::string(q.text(0));
        f.title = std::string(q.text(1));
        f.severity = severity_from_name(q.text(2)).value_or(Severity::overtreding);
        f.applicable = std::size_t(q.i64(3));
        f.compliant = std::size_t(q.i64(4));
        f.violations = std::size_t(q.i64(5));
        f.unknown = std::size_t(q.i64(6));
        if (!q.null(7)) f.rate = q.real(7);
        if (!q.null(8)) f.lo = q.real(8);
        if (!q.null(9)) f.hi = q.real(9);
        run.figures.push_back(std::move(f));
    }
}

void read_lead_times(const Store::Db& db, std::int64_t id, RunRecord& run) {
    Stmt q(db,
           "SELECT phase, gestart, afgerond, lopend, beeindigd, mediaan, p75, p90, zonder_aanvraag, zonder_gesprek, "
           "mediaan_95_laag, mediaan_95_hoog, aandeel_afgerond, aandeel_beeindigd, aandeel_open, nooit FROM lead_times "
           "WHERE run_id = ? ORDER BY pos");
    q.bind(1, id);
    while (q.step("het lezen van doorlooptijden")) {
        RunRecord::LeadTime l;
        l.phase = std::string(q.text(0));
        l.started = std::size_t(q.i64(1));
        l.completed = std::size_t(q.i64(2));
        l.running = std::size_t(q.i64(3));
        l.ended = std::size_t(q.i64(4));
        if (!q.null(5)) l.mediaan = int(q.i64(5));
        if (!q.null(6)) l.p75 = int(q.i64(6));
        if (!q.null(7)) l.p90 = int(q.i64(7));
        if (!q.null(8)) l.zonder_aanvraag = std::size_t(q.i64(8));
        if (!q.null(9)) l.zonder_gesprek = std::size_t(q.i64(9));
        if (!q.null(10)) l.mediaan_lo = int(q.i64(10));
        if (!q.null(11)) l.mediaan_hi = int(q.i64(11));
        if (!q.null(12)) l.share_completed = int(q.i64(12));
        if (!q.null(13)) l.share_ended = int(q.i64(13));
        if (!q.null(14)) l.share_open = int(q.i64(14));
        if (!q.null(15))
            for (std::size_t b = 0; b < 3; ++b) l.nooit[b] = (q.i64(15) >> b) & 1;
        run.lead_times.push_back(std::move(l));
    }
}

}  // namespace

std::optional<RunRecord> Store::latest_run() const {
    const std::int64_t id = scalar(*db_, "SELECT coalesce(max(id), 0) FROM runs");
    if (id == 0) return std::nullopt;
    RunRecord run;
    read_run_header(*db_, id, run);
    read_outcomes(*db_, id, run);
    read_findings(*db_, import_ids(), id, run);
    read_figures(*db_, id, run);
    read_lead_times(*db_, id, run);
    return run;
}

}  // namespace wmotoets
