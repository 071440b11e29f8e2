#pragma once
// The in-memory event log: every event of every input, interned strings, cases in the
// order of docs/spec/event-log.md ("Order within a case"). Memory grows with events, not with text.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/activity.hpp"
#include "model/date.hpp"

namespace wmotoets {

using StrId = std::uint32_t;  // 0 = absent / empty

class StringPool {
public:
    StringPool();
    StrId intern(std::string_view s) { return intern(s, hash(s)); }
    // Every string of `from` (ids 1 …), interned here: map[id] is its id in this pool. The table
    // grows once beforehand, and its slots are fetched a few strings ahead: merging the dossier
    // ids of a second reading thread (half a million new ones) otherwise waits on memory for
    // each one.
    void intern_all(const StringPool& from, std::vector<StrId>& map);
    // 0 when the string was never interned.
    StrId find(std::string_view s) const;
    std::string_view str(StrId id) const { return views_[id]; }
    std::size_t size() const { return views_.size(); }

private:
    static std::uint32_t hash(std::string_view s);
    StrId intern(std::string_view s, std::uint32_t h);
    void grow();

    std::vector<std::unique_ptr<char[]>> chunks_;
    std::size_t chunk_used_ = 0, chunk_size_ = 0;
    std::vector<std::string_view> views_;
    // Open addressing, linear probing; id 0 = empty. A slot keeps 32 bits of its string's hash
    // beside the id, so a probe rarely has to look at the string (a cache miss) to move on.
    struct Slot {
        StrId id = 0;
        std::uint32_t hash = 0;
    };
    std::vector<Slot> slots_;
};

// Possible BSNs in one column of one input (docs/spec/event-log.md "Privacy"): how many values, the first
// line. In an identifying column (case_id, actor) the values are kept, but written nowhere until
// the run decides what they are; elsewhere each one was replaced by [BSN?] on reading.
struct BsnColumn {
    std::string column;
    std::size_t values = 0;
    std::uint64_t first_line = 0;
    bool identifying = false;
};

struct InputFile {
    std::string path;  // a possible BSN in the name replaced by [BSN?]
    std::string sha256;
    std::string format = "csv";
    std::string mapping;        // the mapping file used, if any
    std::int64_t store_id = 0;  // its import id in the audit database, when loaded from one
    std::size_t rows = 0, used = 0, rejected = 0, possible_bsn = 0;
    std::size_t skipped = 0;      // XES: events left out by the lifecycle filter (not bad input)
    std::size_t traces = 0;       // XES: traces read (a trace whose events are all unusable is no dossier)
    std::size_t bsn_skipped = 0;  // ZGW: BSN fields of natural persons passed over (never read)
    bool windows1252 = false;
    std::vector<BsnColumn> bsn_columns;  // not stored: only a run without a decision needs them
};

struct Attribute {
    StrId key, value;
};
// Keys in an event's attribute range that are no attributes: its label (a non-canonical
// activity, kept as given) and its event id ride along in front, so that every event is 32
// bytes and only the events that have them pay for them.
inline constexpr StrId kLabelKey = 0xFFFFFFFFu, kEventIdKey = 0xFFFFFFFEu;

// Who acted: person, role, team, organisation. Few distinct combinations, so events refer to
// them by index (EventLog::whos) instead of carrying four string ids each.
struct Who {
    StrId actor = 0, role = 0, team = 0, organisatie = 0;
    bool operator==(const Who&) const = default;
};

struct Event {
    Date date;
    std::int32_t ms = -1;  // milliseconds since local midnight; -1 = date-only
    std::uint32_t case_index = 0;
    std::uint32_t who = 0;         // index into EventLog::whos; 0 = nobody given
    std::uint32_t attr_begin = 0;  // its attributes in EventLog::attributes (label and event id first)
    std::uint32_t line = 0;        // physical line in its file where the row starts
    std::uint16_t attr_count = 0;
    std::uint16_t file = 0;  // index into EventLog::inputs
    Activity activity = Activity::onbekend;

    bool has_time() const { return ms >= 0; }
};
static_assert(sizeof(Event) == 32, "ten million events: every byte counts");

struct Dossier {
    StrId id;
    std::uint32_t begin = 0, end = 0;  // range in EventLog::order
};

class EventLog;

// A vector that everyone can read and only EventLog can change: the log keeps its invariants
// (events point at its strings and inputs, cases at its events) by adding through its own
// functions (add_input, add_event, add_attribute, finalize, append_part, truncate).
template <class Vec>
class ReadOnly {
public:
    using value_type = typename Vec::value_type;
    const value_type& operator[](std::size_t i) const { return v_[i]; }
    const value_type& at(std::size_t i) const { return v_.at(i); }
    std::size_t size() const noexcept { return v_.size(); }
    bool empty() const noexcept { return v_.empty(); }
    auto begin() const noexcept { return v_.cbegin(); }
    auto end() const noexcept { return v_.cend(); }
    const value_type& front() const { return v_.front(); }
    const value_type& back() const { return v_.back(); }
    const value_type* data() const noexcept { return v_.data(); }

private:
    friend class EventLog;
    Vec& mut() noexcept { return v_; }
    Vec v_;
};

class EventLog {
public:
    StringPool strings;
    ReadOnly<std::vector<InputFile>> inputs;
    // An Error naming `path` when one more input file would not fit (events keep a 16-bit file index).
    void check_room_for_input(const std::string& path) const;
    ReadOnly<std::vector<Event>> events;  // in input order (file by file, row by row)
    ReadOnly<std::vector<Attribute>> attributes;

    // Built by finalize(): cases sorted by id (as text), and per case its events in order.
    ReadOnly<std::vector<Dossier>> dossiers;
    ReadOnly<std::vector<std::uint32_t>> order;

    // Adding to the log, as the readers and the store do. An input's events refer to it by its
    // place (add_input's result); an event's attributes are the ones added just before it.
    std::uint16_t add_input(InputFile input);
    // The name an input is shown and stored by (a file name with a possible BSN masked).
    void rename_input(std::size_t i, std::string shown) { inputs.mut()[i].path = std::move(shown); }
    void reserve(std::size_t events, std::size_t attributes);
    void add_attribute(const Attribute& a) { attributes.mut().push_back(a); }
    void add_event(const Event& e) { events.mut().push_back(e); }
    // The same from its fields, written where the event is kept (no whole copy of it read back).
    void emplace_event(Date date, std::int32_t ms, std::uint32_t case_index, std::uint32_t who,
                       std::uint32_t attr_begin, std::uint32_t line, std::uint16_t attr_count, std::uint16_t file,
                       Activity activity) {
        Event& e = events.mut().emplace_back();
        e.date = date;
        e.ms = ms;
        e.case_index = case_index;
        e.who = who;
        e.attr_begin = attr_begin;
        e.line = line;
        e.attr_count = attr_count;
        e.file = file;
        e.activity = activity;
    }

    std::uint32_t case_index(std::string_view case_id);
    // The same for a dossier id already interned in `strings`.
    std::uint32_t case_index(StrId id);
    // The index of `w` in whos, added when new. Asked for nearly every event: one probe of a
    // small open-addressing table, inline.
    std::uint32_t who_index(const Who& w) {
        if (w == Who{}) return 0;
        const std::size_t mask = who_slots_.size() - 1;
        for (std::size_t i = who_slot(w);; i = (i + 1) & mask) {
            const std::uint32_t at = who_slots_[i];
            if (at == 0) return add_who(w, i);
            if (whos_[at] == w) return at;
        }
    }
    const Who& who(const Event& e) const { return whos_[e.who]; }
    std::size_t who_count() const { return whos_.size(); }
    std::size_t dossier_count() const { return case_ids_.size(); }
    std::string_view case_id_of(const Event& e) const { return strings.str(case_ids_[e.case_index]); }

    // Sorts every case per docs/spec/event-log.md; call after all inputs are read.
    // From `two_cores_from` events on (and 100,000 cases), on two cores (the same result).
    void finalize(std::size_t two_cores_from = std::size_t(1) << 20);
    // The position in `cases` of the dossier with this id (binary search: cases are sorted by id
    // after finalize()), or nullopt.
    std::optional<std::size_t> dossier_position(std::string_view case_id) const;
    std::span<const std::uint32_t> events_of(const Dossier& c) const {
        return {order.data() + c.begin, order.data() + c.end};
    }

    // Value of attribute `key` (already interned id) on e, or empty.
    std::string_view attr(const Event& e, StrId key) const;
    // By name: an event has a few attributes, and comparing their keys beats hashing the name
    // and probing the string pool's large table.
    std::string_view attr(const Event& e, std::string_view key) const {
        for (const Attribute& a : attributes_of(e))
            if (strings.str(a.key) == key) return strings.str(a.value);
        return {};
    }
    std::string_view str(StrId id) const { return strings.str(id); }
    std::string_view label(const Event& e) const;  // the activity code, or the kept label as given
    // For people: the activity in words (see activity_words), or the kept label.
    std::string_view label_words(const Event& e, bool in_bezwaar = false) const;
    // The label as given, for an event of a non-canonical activity (else 0), and the event id (0: none).
    StrId label_id(const Event& e) const { return extra(e, kLabelKey); }
    StrId event_id(const Event& e) const { return extra(e, kEventIdKey); }
    // The event's attributes proper (without label and event id).
    std::span<const Attribute> attributes_of(const Event& e) const {
        const Attribute* first = attributes.data() + e.attr_begin;
        const Attribute* last = first + e.attr_count;
        while (first != last && first->key >= kEventIdKey) ++first;
        return {first, last};
    }

    // Appends the events of `part` (the rest of input file `file`, read into its own log) as if
    // they had been read here: strings and cases mapped, lines counted on by `line_offset`.
    // `part` is consumed: its memory is given back while it is copied.
    void append_part(EventLog&& part, std::uint16_t file, std::uint32_t line_offset);

    // Forget every event and attribute from position (events, attributes) on: undoes a file.
    void truncate(std::size_t event_count, std::size_t attribute_count, std::size_t dossier_count);

    // Latest event date, or nullopt-like {0} with has_events() false.
    bool has_events() const { return !events.empty(); }
    Date latest_date() const;
    // The earliest of `bound` and every event date (`bound` when the log has no events).
    Date earliest_date(Date bound) const;

private:
    StrId extra(const Event& e, StrId key) const {
        for (std::uint32_t i = e.attr_begin; i < e.attr_begin + e.attr_count && attributes[i].key >= kEventIdKey; ++i)
            if (attributes[i].key == key) return attributes[i].value;
        return 0;
    }

    std::vector<StrId> case_ids_;
    std::vector<std::uint32_t> case_by_id_;
    // The first and last event date, noted by finalize() on its pass over the events, for the
    // first `dated_` events (~0: not noted, or the events changed since).
    Date first_date_{}, last_date_{};
    std::size_t dated_ = ~std::size_t(0);
    bool dates_noted() const { return dated_ == events.size(); }
    std::size_t who_slot(const Who& w) const {
        std::uint64_t h = (std::uint64_t(w.actor) << 32 | w.role) * 0x9E3779B97F4A7C15ULL ^
                          (std::uint64_t(w.team) << 32 | w.organisatie) * 0xC2B2AE3D27D4EB4FULL;
        h ^= h >> 31;
        return static_cast<std::size_t>((h * 0xBF58476D1CE4E5B9ULL) >> who_shift_);
    }
    std::uint32_t add_who(const Who& w, std::size_t slot);

    std::vector<Who> whos_{Who{}};
    std::vector<std::uint32_t> who_slots_ = std::vector<std::uint32_t>(1024, 0);  // index into whos_; 0 = empty
    int who_shift_ = 64 - 10;
};

}  // namespace wmotoets
