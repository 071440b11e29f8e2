// The samples an auditor drew (issue 30): stored with the run they came from, read back checked.
#include <algorithm>
#include <charconv>
#include <set>

#include "model/date.hpp"
#include "store/sqlite.hpp"
#include "util/text.hpp"

namespace wmotoets {

using namespace store_sql;

std::int64_t Store::add_sample(const StoredSample& s) {
    Transaction t(*db_);
    Stmt head(*db_,
              "INSERT INTO samples(run_id, fingerprint, seed, size, population, strata, rules, per_rule, method, "
              "tool_version, drawn_on, drawn_by) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    std::string rules;
    for (const std::string& r : s.rules) rules += (rules.empty() ? "" : ",") + r;
    head.bind(1, s.run_id)
        .bind(2, s.fingerprint)
        .bind(3, std::to_string(s.seed))
        .bind(4, std::int64_t(s.size))
        .bind(5, std::int64_t(s.population))
        .bind(6, s.strata)
        .bind(7, rules)
        .bind(8, s.per_rule)
        .bind(9, s.method)
        .bind(10, s.tool_version)
        .bind(11, s.drawn_on)
        .bind(12, s.drawn_by);
    head.run("het opslaan van de steekproef");
    const std::int64_t id = sqlite3_last_insert_rowid(db_->db);
    Stmt input(*db_, "INSERT INTO sample_inputs(sample_id, pos, path, sha256) VALUES(?,?,?,?)");
    for (std::size_t i = 0; i < s.inputs.size(); ++i)
        input.bind(1, id)
            .bind(2, std::int64_t(i))
            .bind(3, s.inputs[i].path)
            .bind(4, s.inputs[i].sha256)
            .run("het opslaan van de steekproef");
    Stmt unit(*db_, "INSERT INTO sample_units(sample_id, pos, case_id, stratum) VALUES(?,?,?,?)");
    for (std::size_t i = 0; i < s.units.size(); ++i)
        unit.bind(1, id)
            .bind(2, std::int64_t(i))
            .bind(3, s.units[i].case_id)
            .bind(4, s.units[i].stratum)
            .run("het opslaan van de steekproef");
    Stmt stratum(*db_, "INSERT INTO sample_strata(sample_id, name, population, drawn) VALUES(?,?,?,?)");
    for (const StoredSample::Stratum& st : s.strata_sizes)
        stratum.bind(1, id)
            .bind(2, st.name)
            .bind(3, std::int64_t(st.population))
            .bind(4, std::int64_t(st.drawn))
            .run("het opslaan van de steekproef");
    t.commit();
    return id;
}

namespace {

// A dossier id, team name or file path comes from the input: as long as the input allowed.
constexpr std::size_t kInputText = std::size_t(1) << 24;

// A stored text: valid UTF-8 of at most `max` bytes; with `plain` (what this program wrote itself, not a
// dossier's or team's name from the input) without control characters.
std::string stored_text(const Store::Db& db, const Stmt& q, int c, std::string_view table, std::int64_t row,
                        std::size_t max = 2000, bool plain = true) {
    const std::string_view v = q.text(c);
    int state = 0;
    if (v.size() > max || !utf8_valid_chunk(v, state) || state != 0 ||
        (plain &&
         std::any_of(v.begin(), v.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20 && ch != '\n'; })))
        damaged(db, table, row, "onleesbare tekst");
    return std::string(v);
}

void read_sample_parts(const Store::Db& db, StoredSample& s) {
    Stmt in(db, "SELECT pos, path, sha256 FROM sample_inputs WHERE sample_id = ? ORDER BY pos");
    in.bind(1, s.id);
    while (in.step("het lezen van de steekproef"))
        s.inputs.push_back({stored_text(db, in, 1, "sample_inputs", in.i64(0), kInputText, false),
                            stored_text(db, in, 2, "sample_inputs", in.i64(0), 64)});
    Stmt units(db, "SELECT pos, case_id, stratum FROM sample_units WHERE sample_id = ? ORDER BY pos");
    units.bind(1, s.id);
    std::set<std::string> seen;
    while (units.step("het lezen van de steekproef")) {
        StoredSample::Unit u{stored_text(db, units, 1, "sample_units", units.i64(0), kInputText, false),
                             stored_text(db, units, 2, "sample_units", units.i64(0), kInputText, false)};
        if (u.case_id.empty() || !seen.insert(u.case_id).second)
            damaged(db, "sample_units", units.i64(0), "een dossier staat er twee keer in");
        s.units.push_back(std::move(u));
    }
    Stmt strata(db, "SELECT sample_id, name, population, drawn FROM sample_strata WHERE sample_id = ? ORDER BY name");
    strata.bind(1, s.id);
    std::size_t drawn = 0, population = 0;
    while (strata.step("het lezen van de steekproef")) {
        const std::int64_t row = strata.i64(0);
        StoredSample::Stratum st{stored_text(db, strata, 1, "sample_strata", row, kInputText, false),
                                 count_at(db, strata, 2, "sample_strata", row),
                                 count_at(db, strata, 3, "sample_strata", row)};
        if (st.drawn > st.population) damaged(db, "sample_strata", row, "meer getrokken dan er zijn");
        drawn += st.drawn;
        population += st.population;
        s.strata_sizes.push_back(std::move(st));
    }
    if (s.units.size() != s.size || (!s.strata_sizes.empty() && (drawn != s.size || population != s.population)))
        damaged(db, "samples", s.id, "de dossiers passen niet bij de omvang");
}

constexpr const char* kSampleColumns =
    "SELECT s.id, s.run_id, s.fingerprint, s.seed, s.size, s.population, s.strata, s.rules, s.per_rule, s.method, "
    "s.tool_version, s.drawn_on, s.drawn_by, r.peildatum FROM samples s LEFT JOIN runs r ON r.id = s.run_id";

StoredSample read_sample_head(const Store::Db& db, const Stmt& q) {
    StoredSample s;
    s.id = q.i64(0);
    s.run_id = q.i64(1);
    if (q.null(13)) damaged(db, "samples", s.id, "verwijst naar een controle die er niet is");
    const auto text = [&](int c, std::size_t max = 2000) { return stored_text(db, q, c, "samples", s.id, max); };
    s.fingerprint = text(2, 64);
    const std::string seed = text(3, 20);
    const auto [end, ec] = std::from_chars(seed.data(), seed.data() + seed.size(), s.seed);
    if (ec != std::errc() || end != seed.data() + seed.size()) damaged(db, "samples", s.id, "ongeldig zaad");
    s.size = count_at(db, q, 4, "samples", s.id);
    s.population = count_at(db, q, 5, "samples", s.id);
    if (s.size == 0 || s.size > s.population) damaged(db, "samples", s.id, "ongeldige omvang");
    s.strata = text(6, 20);
    if (!s.strata.empty() && s.strata != "team" && s.strata != "kwartaal")
        damaged(db, "samples", s.id, "onbekende strata");
    for (std::string_view rest = q.text(7); !rest.empty();) {
        const std::size_t comma = rest.find(',');
        s.rules.emplace_back(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    s.per_rule = text(8, 60);
    s.method = text(9);
    s.tool_version = text(10, 60);
    s.drawn_on = text(11, 10);
    if (!parse_date_value(s.drawn_on)) damaged(db, "samples", s.id, "ongeldige datum");
    s.drawn_by = stored_text(db, q, 12, "samples", s.id, 2000, false);  // --door: as typed
    s.peildatum = std::string(q.text(13));
    read_sample_parts(db, s);
    return s;
}

}  // namespace

std::vector<StoredSample> Store::samples() const {
    Stmt q(*db_, (std::string(kSampleColumns) + " ORDER BY s.id").c_str());
    std::vector<StoredSample> out;
    while (q.step("het lezen van de steekproeven")) out.push_back(read_sample_head(*db_, q));
    return out;
}

std::optional<StoredSample> Store::sample(std::int64_t id) const {
    Stmt q(*db_, (std::string(kSampleColumns) + " WHERE s.id = ?").c_str());
    q.bind(1, id);
    if (!q.step("het lezen van de steekproef")) return std::nullopt;
    return read_sample_head(*db_, q);
}

}  // namespace wmotoets
