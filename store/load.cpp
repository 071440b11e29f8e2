// Loading every stored event back as the log of one run.
#include "store/sqlite.hpp"

#include <cstring>
#include <unordered_map>

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

// Every stored text interned in `log`: the log's id of each database string id.
std::vector<StrId> load_strings(const Store::Db& db, EventLog& log) {
    std::vector<StrId> str(static_cast<std::size_t>(scalar(db, "SELECT coalesce(max(id), 0) FROM strings")) + 1, 0);
    Stmt q(db, "SELECT id, text FROM strings");
    while (q.step("het lezen van de teksten")) str[std::size_t(q.i64(0))] = log.strings.intern(q.text(1));
    return str;
}

}  // namespace

EventLog Store::load() const {
    EventLog log;
    const auto file_of = load_inputs(*db_, log);
    const std::vector<StrId> str = load_strings(*db_, log);
    auto s = [&](const Stmt& q, int c) -> StrId { return q.null(c) ? 0 : str.at(std::size_t(q.i64(c))); };
    // The activity of a stored name; a name this program does not know is refused, never guessed.
    std::vector<std::optional<Activity>> activities(str.size());
    auto activity_of = [&](std::int64_t id) -> Activity {
        std::optional<Activity>& a = activities.at(std::size_t(id));
        if (!a) {
            const std::string_view name = log.str(str.at(std::size_t(id)));
            a = name == activity_name(Activity::onbekend) ? Activity::onbekend
                                                          : activity_from_folded(name).value_or(Activity::onbekend);
            if (*a == Activity::onbekend && name != activity_name(Activity::onbekend))
                throw Error(path_ + ": onbekende activiteit '" + std::string(name) +
                            "' in de database (gemaakt met een nieuwere wmotoets?)");
        }
        return *a;
    };
    const auto n_events = static_cast<std::size_t>(scalar(*db_, "SELECT count(*) FROM events"));
    log.reserve(n_events, 0);
    // Dossier by dossier, and within one in the order of its import and rows: the input order.
    Stmt q(*db_,
           "SELECT e.case_str, e.import_id, e.line, e.date, e.ms, e.activity, e.label, e.actor, e.role, e.team, "
           "e.organisatie, e.event_id, e.attrs "
           "FROM cases c JOIN events e ON e.id BETWEEN c.first_event AND c.last_event ORDER BY c.case_str, e.id");
    std::int64_t last_case = -1;
    std::uint32_t case_index = 0;
    while (q.step("het lezen van de gebeurtenissen")) {
        Event e;
        if (q.i64(0) != last_case) {
            last_case = q.i64(0);
            case_index = log.case_index(log.str(str.at(std::size_t(last_case))));
        }
        e.case_index = case_index;
        e.file = file_of.at(q.i64(1));
        e.line = static_cast<std::uint32_t>(q.i64(2));
        e.date = Date{static_cast<std::int32_t>(q.i64(3))};
        e.ms = static_cast<std::int32_t>(q.i64(4));
        e.activity = activity_of(q.i64(5));
        e.who = log.who_index(Who{s(q, 7), s(q, 8), s(q, 9), s(q, 10)});
        const std::string_view blob = q.blob(12);
        e.attr_begin = static_cast<std::uint32_t>(log.attributes.size());
        for (const auto& [key, value] : {std::pair{kLabelKey, s(q, 6)}, std::pair{kEventIdKey, s(q, 11)}})
            if (value != 0) {
                log.add_attribute({key, value});
                ++e.attr_count;
            }
        for (std::size_t i = 0; i + 8 <= blob.size(); i += 8) {
            std::uint32_t k = 0, v = 0;
            std::memcpy(&k, blob.data() + i, 4);
            std::memcpy(&v, blob.data() + i + 4, 4);
            log.add_attribute({str.at(k), str.at(v)});
            ++e.attr_count;
        }
        log.add_event(e);
    }
    return log;
}

}  // namespace wmotoets
