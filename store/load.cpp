// Loading every stored event back as the log of one run.
#include "store/sqlite.hpp"

#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "model/date.hpp"
#include "util/text.hpp"

namespace wmotoets {

using namespace store_sql;

namespace {

// Every import as an input of `log`, in id order; the input of each import id.
std::unordered_map<std::int64_t, std::uint16_t> load_inputs(const Store::Db& db, EventLog& log) {
    std::unordered_map<std::int64_t, std::uint16_t> file_of;
    Stmt q(db,
           "SELECT id, path, sha256, format, mapping, rows, used, rejected, skipped, possible_bsn, windows1252 "
           "FROM imports ORDER BY id");
    while (q.step("het lezen van de imports")) {
        InputFile in;
        in.store_id = q.i64(0);
        in.path = std::string(q.text(1));
        in.sha256 = std::string(q.text(2));
        in.format = std::string(q.text(3));
        in.mapping = std::string(q.text(4));
        in.rows = std::size_t(q.i64(5));
        in.used = std::size_t(q.i64(6));
        in.rejected = std::size_t(q.i64(7));
        in.skipped = std::size_t(q.i64(8));
        in.possible_bsn = std::size_t(q.i64(9));
        in.windows1252 = q.i64(10) != 0;
        const std::int64_t id = in.store_id;
        file_of[id] = log.add_input(std::move(in));
    }
    return file_of;
}

// Every stored text interned in `log`: the log's id of each database string id (kNoText where none).
constexpr StrId kNoText = ~StrId{0};
std::vector<StrId> load_strings(const Store::Db& db, EventLog& log) {
    // The ids are 1, 2, 3 … as SQLite hands them out; far more ids than texts is no store of ours.
    const std::int64_t max_id = scalar(db, "SELECT coalesce(max(id), 0) FROM strings");
    const std::int64_t count = scalar(db, "SELECT count(*) FROM strings");
    const std::int64_t min_id = scalar(db, "SELECT coalesce(min(id), 1) FROM strings");
    if (min_id < 1) damaged(db, "strings", min_id, "ongeldige tekst-id");
    if (max_id > 2 * count + 1024)
        damaged(db, "strings", max_id,
                "tekst-id's tot " + std::to_string(max_id) + " bij " + std::to_string(count) + " teksten");
    std::vector<StrId> str(static_cast<std::size_t>(max_id) + 1, kNoText);
    Stmt q(db, "SELECT id, text FROM strings");
    while (q.step("het lezen van de teksten")) {
        // An id beyond max(id): the index and the table disagree (a damaged file; found by fuzz_database).
        const std::int64_t id = q.i64(0);
        if (id < 1 || id > max_id) damaged(db, "strings", id, "ongeldige tekst-id");
        str[std::size_t(id)] = log.strings.intern(q.text(1));
    }
    return str;
}

}  // namespace

EventLog Store::load() const {
    EventLog log;
    const auto file_of = load_inputs(*db_, log);
    const std::vector<StrId> str = load_strings(*db_, log);
    std::int64_t row = 0;  // the event being read, for messages
    // Every id read from a row is checked where it is used (issue 27).
    auto text = [&](std::int64_t id, const char* what) -> StrId {
        if (id < 1 || std::uint64_t(id) >= str.size() || str[std::size_t(id)] == kNoText)
            damaged(*db_, "events", row, std::string("onbekende tekst-id ") + std::to_string(id) + " (" + what + ")");
        return str[std::size_t(id)];
    };
    auto s = [&](const Stmt& q, int c, const char* what) -> StrId { return q.null(c) ? 0 : text(q.i64(c), what); };
    // The activity of a stored name; a name this program does not know is refused, never guessed.
    std::vector<std::optional<Activity>> activities(str.size());
    auto activity_of = [&](std::int64_t id) -> Activity {
        const StrId name_id = text(id, "activiteit");
        std::optional<Activity>& a = activities[std::size_t(id)];
        if (!a) {
            const std::string_view name = log.str(name_id);
            a = name == activity_name(Activity::onbekend) ? Activity::onbekend
                                                          : activity_from_folded(name).value_or(Activity::onbekend);
            if (*a == Activity::onbekend && name != activity_name(Activity::onbekend))
                damaged(*db_, "events", row,
                        "onbekende activiteit '" + echoed(name, 60) + "' (gemaakt met een nieuwere wmotoets?)");
        }
        return *a;
    };
    const Date first_day = Date::from_ymd(1900, 1, 1), last_day = Date::from_ymd(2199, 12, 31);
    const auto n_events = static_cast<std::size_t>(scalar(*db_, "SELECT count(*) FROM events"));
    log.reserve(n_events, 0);
    // Dossier by dossier, and within one in the order of its import and rows: the input order.
    Stmt q(*db_,
           "SELECT e.case_str, e.import_id, e.line, e.date, e.ms, e.activity, e.label, e.actor, e.role, e.team, "
           "e.organisatie, e.event_id, e.attrs, e.id, c.case_str "
           "FROM cases c JOIN events e ON e.id BETWEEN c.first_event AND c.last_event ORDER BY c.case_str, e.id");
    std::int64_t last_case = -1;
    std::uint32_t case_index = 0;
    while (q.step("het lezen van de gebeurtenissen")) {
        row = q.i64(13);
        // A dossier's range holds its own events only (an overlapping range would count events twice).
        if (q.i64(0) != q.i64(14))
            damaged(*db_, "events", row, "hoort bij een ander dossier dan het bereik van tabel cases zegt");
        Event e;
        if (q.i64(0) != last_case) {
            last_case = q.i64(0);
            case_index = log.case_index(log.str(text(last_case, "dossier")));
        }
        e.case_index = case_index;
        const auto file = file_of.find(q.i64(1));
        if (file == file_of.end()) damaged(*db_, "events", row, "onbekende import-id " + std::to_string(q.i64(1)));
        e.file = file->second;
        const std::int64_t line = q.i64(2), date = q.i64(3), ms = q.i64(4);
        if (line < 0 || line > std::int64_t(UINT32_MAX)) damaged(*db_, "events", row, "ongeldig regelnummer");
        if (date < first_day.days || date > last_day.days) damaged(*db_, "events", row, "datum buiten 1900–2199");
        if (ms < -1 || ms >= 86400000) damaged(*db_, "events", row, "ongeldige tijd van de dag");
        e.line = static_cast<std::uint32_t>(line);
        e.date = Date{static_cast<std::int32_t>(date)};
        e.ms = static_cast<std::int32_t>(ms);
        e.activity = activity_of(q.i64(5));
        e.who = log.who_index(Who{s(q, 7, "medewerker"), s(q, 8, "rol"), s(q, 9, "team"), s(q, 10, "organisatie")});
        const std::string_view blob = q.blob(12);
        if (blob.size() % 8 != 0) damaged(*db_, "events", row, "beschadigde attributen");
        e.attr_begin = static_cast<std::uint32_t>(log.attributes.size());
        for (const auto& [key, value] :
             {std::pair{kLabelKey, s(q, 6, "label")}, std::pair{kEventIdKey, s(q, 11, "event_id")}})
            if (value != 0) {
                log.add_attribute({key, value});
                ++e.attr_count;
            }
        for (std::size_t i = 0; i + 8 <= blob.size(); i += 8) {
            std::uint32_t k = 0, v = 0;
            std::memcpy(&k, blob.data() + i, 4);
            std::memcpy(&v, blob.data() + i + 4, 4);
            log.add_attribute({text(k, "attribuut"), text(v, "attribuutwaarde")});
            ++e.attr_count;
        }
        log.add_event(e);
    }
    return log;
}

}  // namespace wmotoets
