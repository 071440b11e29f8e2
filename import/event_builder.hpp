#pragma once
// Turns one source record (a CSV row, an XES event, a ZGW resource) into an event of the log,
// the same way for every format: privacy check, required fields, timestamp, the mapping of
// activity labels, roles and values, interning. Bad records are rejected with FILE:LINE.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "import/diagnostics.hpp"
#include "model/event_log.hpp"
#include "model/mapping.hpp"
#include "util/text.hpp"

namespace wmotoets {

// One record's fields, as views into the source (valid during EventBuilder::add).
struct RawEvent {
    std::uint64_t line = 0;  // where the record starts in its file
    std::string_view case_id, timestamp, activity, event_id, actor, role, team, organisatie;
    std::vector<std::pair<std::uint32_t, std::string_view>> attributes;  // attribute slot, value
};

class EventBuilder {
public:
    EventBuilder(const std::string& path, std::uint16_t file_index, const ImportOptions& options, EventLog& log,
                 Diagnostics& diag, InputFile& input);

    // The slot of attribute `name` (canonical, lower-cased where the format says so).
    // A possible BSN in the name is replaced by [BSN?] and warned about (at `line`: the header, the key).
    std::uint32_t attribute_slot(std::string_view name, std::uint64_t line = 1);
    // The privacy check of docs/spec/event-log.md on a field whose name suggests a BSN: a possible BSN in it
    // refuses the file (Error, the number never echoed). Other fields are looked at in add().
    void check_privacy(std::string_view field, bool bsn_field, std::string_view value, std::uint64_t line,
                       std::string_view what = "kolom") {
        if (!bsn_field || value.size() < 8) return;
        check_number(field, value, line, what);
    }
    // Adds the event, or rejects it (counted, reported) when it cannot be used.
    void add(const RawEvent& r);
    void reject(std::uint64_t line, std::string reason);
    bool keep_unknown() const { return keep_unknown_; }
    // Rows of a workbook's sheet: messages name "FILE:blad!A12".
    void set_sheet(std::string sheet) { sheet_ = std::move(sheet); }

private:
    class LastValue {
    public:
        template <class Make>
        std::uint32_t get(std::string_view v, Make make) {
            if (!valid_ || !same_text(v, text_)) {
                text_.assign(v);
                id_ = make(v);
                valid_ = true;
            }
            return id_;
        }

    private:
        std::string text_;
        std::uint32_t id_ = 0;
        bool valid_ = false;
    };
    // A small direct-mapped cache in front of a costlier lookup: for columns with a few hundred
    // distinct values (actors, teams, attribute values, activity labels, roles) it spares the
    // string pool, whose table (a million dossier ids and more) costs cache misses, and the
    // folding of labels. A collision only costs a lookup.
    template <class T, std::size_t kSize = 256>
    class ValueCache {
    public:
        template <class Make>
        T get(std::string_view v, Make make) {
            Entry& e = entries_[index(v)];
            if (!e.valid || !same_text(v, e.text)) {
                e.text.assign(v);
                e.value = make(v);
                e.valid = true;
            }
            return e.value;
        }

    private:
        static_assert((kSize & (kSize - 1)) == 0 && kSize <= 65536);
        // From the length and the first and last eight bytes: enough to spread a column's values.
        // Loads of a fixed width only, overlapping for short texts (as xxHash does): a copy of a
        // variable length went through a call and stalled the load that read it back.
        static std::size_t index(std::string_view v) {
            std::uint64_t a = 0, b = 0;
            const std::size_t n = v.size();
            const char* p = v.data();
            if (n >= 8) {
                std::memcpy(&a, p, 8);
                std::memcpy(&b, p + n - 8, 8);
            } else if (n >= 4) {
                std::uint32_t lo = 0, hi = 0;
                std::memcpy(&lo, p, 4);
                std::memcpy(&hi, p + n - 4, 4);
                a = lo | (std::uint64_t(hi) << 32);
            } else if (n > 0) {
                a = std::uint64_t(static_cast<unsigned char>(p[0])) |
                    std::uint64_t(static_cast<unsigned char>(p[n / 2])) << 8 |
                    std::uint64_t(static_cast<unsigned char>(p[n - 1])) << 16;
            }
            std::uint64_t h = (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ n;
            h ^= h >> 29;
            h *= 0xBF58476D1CE4E5B9ULL;
            return (h >> 48) & (kSize - 1);
        }
        struct Entry {
            std::string text;
            T value{};
            bool valid = false;
        };
        std::array<Entry, kSize> entries_;
    };
    struct Slot {
        StrId key = 0;
        const std::map<std::string, std::string>* values = nullptr;  // [waarden.ATTR] of the mapping
        std::unique_ptr<ValueCache<StrId>> cache;
    };

    void check_number(std::string_view field, std::string_view value, std::uint64_t line, std::string_view what);
    std::optional<Activity> activity_of(std::string_view label) const;
    StrId role_of(std::string_view role);
    // Counts a possible BSN in `column` (InputFile::bsn_columns).
    void note_bsn(std::string_view column, bool identifying, std::uint64_t line);
    // The value interned, with a possible BSN in it replaced by [BSN?] (remembered in replaced_).
    StrId intern_checked(std::string_view value);
    // `id`, counted in `column` when it is a replaced value (per row, whatever the caches).
    StrId noted(std::string_view column, StrId id, std::uint64_t line);

    const std::string& path_;
    std::string sheet_;
    UnknownActivities* unknown_ = nullptr;  // diag_.unknown[path_], once a row was refused for its activity
    std::uint16_t file_index_;
    const ImportOptions& options_;
    const Mapping* mapping_;
    bool keep_unknown_;
    EventLog& log_;
    Diagnostics& diag_;
    InputFile& input_;
    std::vector<Slot> slots_;
    std::unordered_set<StrId> replaced_, bsn_actors_;  // values that held a possible BSN
    std::unordered_set<std::uint32_t> bsn_cases_;
    LastValue case_cache_;
    ValueCache<StrId, 2048> actor_cache_;
    ValueCache<StrId> team_cache_, org_cache_, roles_;
    ValueCache<std::optional<Activity>> activities_;
};

// Remembers how far the log and the diagnostics were before a file, to undo that file when it
// turns out to be unusable: nothing of a refused file stays behind.
class ImportRollback {
public:
    ImportRollback(EventLog& log, Diagnostics& diag)
        : log_(log),
          diag_(diag),
          events_(log.events.size()),
          attrs_(log.attributes.size()),
          cases_(log.dossier_count()),
          bad_(diag.bad_rows.size()),
          warn_(diag.warnings.size()),
          unknown_(diag.unknown) {}
    void undo() {
        log_.truncate(events_, attrs_, cases_);
        diag_.bad_rows.resize(bad_);
        diag_.warnings.resize(warn_);
        diag_.unknown = unknown_;
    }

private:
    EventLog& log_;
    Diagnostics& diag_;
    std::size_t events_, attrs_, cases_, bad_, warn_;
    std::map<std::string, UnknownActivities> unknown_;
};

// Adds a file read completely to the log as its next input (with the mapping it was read with).
// Warns once per column that held a possible BSN (InputFile::bsn_columns).
void add_input(EventLog& log, InputFile input, const ImportOptions& options, Diagnostics& diag);

// The whole of a (text) file, or an Error naming it.
std::string read_whole_file(const std::string& path);

// "PATH:LINE: geen geldige JSON (what)" for a parse error at byte `byte` of `text`; nlohmann's
// message without its own prefix and position.
std::string json_syntax_message(const std::string& path, const std::string& text, std::size_t byte, std::string what);

// A value shortened for a message.
std::string shorten(std::string_view s);

}  // namespace wmotoets
