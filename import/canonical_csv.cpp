#include "import/canonical_csv.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <thread>

#include "import/csv_reader.hpp"
#include "import/sha256.hpp"
#include "import/timestamp.hpp"
#include "model/bsn.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace wmotoets {

namespace {

constexpr std::size_t kMaxBsnWarningsPerFile = 20;
constexpr std::array<std::string_view, 8> kRoles{"ondersteuner", "consulent", "beslisser", "client",
                                                 "mantelzorger", "vertegenwoordiger", "jurist",
                                                 "administratie"};

struct FirstPass {
    std::string sha256;
    bool utf8 = true;
};

// Consecutive rows often repeat a column's value (the same dossier, team, actor): remembering
// the last one saves a hash lookup.
class LastValue {
public:
    template <class Make>
    std::uint32_t get(std::string_view v, Make make) {
        if (!valid_ || v != text_) {
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

// A column with a few hundred distinct values (actors, teams, attribute values): a small
// direct-mapped cache in front of the string pool, whose table (a million dossier ids and
// more) costs cache misses on every lookup.
class ValueCache {
public:
    template <class Make>
    std::uint32_t get(std::string_view v, Make make) {
        std::uint32_t h = 2166136261u;
        for (const char c : v) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
        Entry& e = entries_[(h ^ (h >> 16)) & (kSize - 1)];
        if (!e.valid || e.text != v) {
            e.text.assign(v);
            e.id = make(v);
            e.valid = true;
        }
        return e.id;
    }

private:
    static constexpr std::size_t kSize = 256;
    struct Entry {
        std::string text;
        std::uint32_t id = 0;
        bool valid = false;
    };
    std::array<Entry, kSize> entries_;
};

// A handful of distinct labels (activities, roles) repeat on every row: a short list that is
// searched linearly beats folding and hashing each time. Past kMax entries it stops growing.
template <class T>
class LabelCache {
public:
    static constexpr std::size_t kMax = 64;
    template <class Make>
    T get(std::string_view text, Make make) {
        for (auto& [k, v] : entries_)
            if (k == text) return v;
        T v = make(text);
        if (entries_.size() < kMax) entries_.emplace_back(std::string(text), v);
        return v;
    }

private:
    std::vector<std::pair<std::string, T>> entries_;
};

// Hashes the file, checks it is text and whether it is valid UTF-8, without keeping it.
FirstPass scan(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": bestand bestaat niet of is niet leesbaar");
    FirstPass fp;
    Sha256 sha;
    std::string chunk(1 << 20, '\0');
    int utf8_state = 0;
    std::uint64_t offset = 0, line = 1;
    bool any = false;
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n == 0) break;
        any = true;
        const std::string_view view(chunk.data(), n);
        sha.update(view);
        if (const void* nul = std::memchr(view.data(), '\0', n)) {
            const auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - view.data());
            line += static_cast<std::uint64_t>(std::count(view.begin(), view.begin() + std::ptrdiff_t(at), '\n'));
            throw Error(path + ":" + std::to_string(line) + ": dit is geen tekstbestand (binaire inhoud bij byte " +
                        std::to_string(offset + at) + "); verwacht een CSV-bestand met een kopregel");
        }
        line += static_cast<std::uint64_t>(std::count(view.begin(), view.end(), '\n'));
        if (fp.utf8 && !utf8_valid_chunk(view, utf8_state)) fp.utf8 = false;
        offset += n;
    }
    if (in.bad()) throw Error(path + ": leesfout");
    if (!any) throw Error(path + ": het bestand is leeg; verwacht een kopregel met case_id, timestamp en activity");
    if (utf8_state != 0) fp.utf8 = false;
    fp.sha256 = sha.hex();
    return fp;
}

std::string shorten(std::string_view s) {
    if (s.size() <= 60) return std::string(s);
    return std::string(s.substr(0, 57)) + "...";
}

// The columns of a file, from its header line.
struct Layout {
    std::size_t ncols = 0;
    int col_case = -1, col_ts = -1, col_act = -1, col_eid = -1, col_actor = -1, col_role = -1, col_team = -1,
        col_org = -1;
    std::vector<std::string> names;  // folded header names
    std::vector<bool> attribute;     // the column is an attribute
    std::vector<bool> bsn_column;
};

Layout read_header(CsvReader& reader, const std::string& path, std::vector<std::string_view>& fields) {
    std::uint64_t line = 0;
    if (!reader.next(fields, line))
        throw Error(path + ": geen kopregel gevonden; verwacht de kolommen case_id, timestamp en activity");
    Layout l;
    l.ncols = fields.size();
    l.names.resize(l.ncols);
    l.attribute.assign(l.ncols, false);
    l.bsn_column.assign(l.ncols, false);
    for (std::size_t i = 0; i < l.ncols; ++i) {
        l.names[i] = ascii_lower(trim(fields[i]));
        for (std::size_t j = 0; j < i; ++j)
            if (!l.names[i].empty() && l.names[j] == l.names[i])
                throw Error(path + ":" + std::to_string(line) + ": kolom '" + l.names[i] + "' staat twee keer in de kopregel");
        const std::string& n = l.names[i];
        const int col = static_cast<int>(i);
        if (n == "case_id") l.col_case = col;
        else if (n == "timestamp") l.col_ts = col;
        else if (n == "activity") l.col_act = col;
        else if (n == "event_id") l.col_eid = col;
        else if (n == "actor") l.col_actor = col;
        else if (n == "role") l.col_role = col;
        else if (n == "team") l.col_team = col;
        else if (n == "organisatie") l.col_org = col;
        else if (!n.empty()) l.attribute[i] = true;
        l.bsn_column[i] = bsn_column_name(n);
    }
    std::string missing;
    if (l.col_case < 0) missing += " case_id";
    if (l.col_ts < 0) missing += " timestamp";
    if (l.col_act < 0) missing += " activity";
    if (!missing.empty()) {
        std::string found;
        for (const auto& n : l.names) found += (found.empty() ? "" : ", ") + n;
        throw Error(path + ":" + std::to_string(line) + ": verplichte kolom(men) ontbreken:" + missing +
                    " (gevonden: " + found + "; scheidingsteken '" +
                    (reader.separator() == '\t' ? std::string("TAB") : std::string(1, reader.separator())) + "')");
    }
    return l;
}

// Turns rows into events of one EventLog: the whole file's, or a part's that is merged later.
class RowParser {
public:
    RowParser(const Layout& layout, const std::string& path, std::uint16_t file_index, const ImportOptions& options,
              EventLog& log, Diagnostics& diag, InputFile& input)
        : l_(layout), path_(path), file_index_(file_index), options_(options), log_(log), diag_(diag), input_(input),
          attr_key_(layout.ncols, 0), attr_cache_(layout.ncols) {
        for (std::size_t i = 0; i < l_.ncols; ++i)
            if (l_.attribute[i]) attr_key_[i] = log_.strings.intern(l_.names[i]);
    }

    void row(const std::vector<std::string_view>& fields, std::uint64_t line, bool unterminated) {
        ++input_.rows;
        if (unterminated) {
            reject(line, "aanhalingsteken niet afgesloten; de rest van het bestand is als één veld gelezen");
            return;
        }
        const std::size_t ncols = l_.ncols;
        if (fields.size() != ncols) {
            reject(line, "rij heeft " + std::to_string(fields.size()) + " velden, de kopregel " + std::to_string(ncols));
            return;
        }
        // Privacy first: never store a value that may be a BSN in a BSN column.
        for (std::size_t i = 0; i < ncols; ++i) {
            const std::string_view v = fields[i];
            if (v.size() < 8 || v.size() > 13 || !looks_like_bsn(v)) continue;
            if (l_.bsn_column[i]) {
                throw Error(path_ + ":" + std::to_string(line) + ": kolom '" + l_.names[i] + "' bevat een mogelijk BSN (" +
                            mask_number(v) + "); het bestand is geweigerd. Lever een geanonimiseerd bestand aan.");
            }
            ++input_.possible_bsn;
            if (bsn_warnings_++ < kMaxBsnWarningsPerFile)
                diag_.warnings.push_back({path_, line, "mogelijk BSN in kolom '" + l_.names[i] + "' (" + mask_number(v) +
                                                           "); controleer of het bestand geanonimiseerd is"});
        }

        const std::string_view case_id = trim(fields[std::size_t(l_.col_case)]);
        const std::string_view ts_text = trim(fields[std::size_t(l_.col_ts)]);
        const std::string_view act_text = trim(fields[std::size_t(l_.col_act)]);
        if (case_id.empty()) return reject(line, "case_id is leeg");
        if (ts_text.empty()) return reject(line, "timestamp is leeg");
        if (act_text.empty()) return reject(line, "activity is leeg");
        const std::optional<LocalTimestamp> ts = parse_timestamp(ts_text);
        if (!ts) {
            return reject(line, "onleesbare datum/tijd '" + shorten(ts_text) +
                                    "' (verwacht bijv. 2024-03-28, 2024-03-28T10:15:00+01:00 of 28-03-2024 10:15)");
        }
        const std::optional<Activity> act =
            activities_.get(act_text, [](std::string_view t) { return activity_from_folded(fold_label(t)); });
        if (!act && !options_.keep_unknown) {
            return reject(line, "onbekende activiteit '" + shorten(act_text) +
                                    "'; gebruik een canonieke activiteit, een mappingbestand, of --behoud-onbekend "
                                    "om onbekende activiteiten te bewaren voor lokale regels");
        }

        EventLog& log = log_;
        const auto intern = [&log](std::string_view v) { return log.strings.intern(v); };
        Event e;
        e.date = ts->date;
        e.ms = ts->ms;
        e.case_index = case_cache_.get(case_id, [&log](std::string_view id) { return log.case_index(id); });
        e.activity = act.value_or(Activity::onbekend);
        if (!act) e.label = log.strings.intern(act_text);  // canonical labels are known by name
        e.file = file_index_;
        e.line = static_cast<std::uint32_t>(line);
        auto cell = [&](int col) -> std::string_view {
            return col < 0 ? std::string_view{} : trim(fields[std::size_t(col)]);
        };
        e.event_id = log.strings.intern(cell(l_.col_eid));
        Who who;
        who.actor = actor_cache_.get(cell(l_.col_actor), intern);
        who.team = team_cache_.get(cell(l_.col_team), intern);
        who.organisatie = org_cache_.get(cell(l_.col_org), intern);
        if (const std::string_view role = cell(l_.col_role); !role.empty()) {
            who.role = roles_.get(role, [&](std::string_view text) {
                // The roles of event-log.md are folded to their canonical spelling; others kept as given.
                const std::string r = fold_label(text);
                for (std::string_view k : kRoles)
                    if (k == r) return log.strings.intern(k);
                return log.strings.intern(text);
            });
        }
        if (!(who == last_who_)) {
            last_who_ = who;
            last_who_index_ = log.who_index(who);
        }
        e.who = last_who_index_;
        e.attr_begin = static_cast<std::uint32_t>(log.attributes.size());
        for (std::size_t i = 0; i < ncols; ++i) {
            if (attr_key_[i] == 0) continue;
            const std::string_view v = trim(fields[i]);
            if (v.empty()) continue;
            log.attributes.push_back({attr_key_[i], attr_cache_[i].get(v, intern)});
            ++e.attr_count;
        }
        log.events.push_back(e);
        ++input_.used;
    }

private:
    void reject(std::uint64_t at, std::string reason) {
        ++input_.rejected;
        if (options_.strict)
            throw Error(path_ + ":" + std::to_string(at) + ": " + reason + " (--strict: niets uit dit bestand is ingelezen)");
        diag_.bad_rows.push_back({path_, at, std::move(reason)});
    }

    const Layout& l_;
    const std::string& path_;
    std::uint16_t file_index_;
    const ImportOptions& options_;
    EventLog& log_;
    Diagnostics& diag_;
    InputFile& input_;
    std::vector<StrId> attr_key_;
    std::size_t bsn_warnings_ = 0;
    LastValue case_cache_;
    Who last_who_;
    std::uint32_t last_who_index_ = 0;
    ValueCache actor_cache_, team_cache_, org_cache_;
    std::vector<ValueCache> attr_cache_;
    LabelCache<std::optional<Activity>> activities_;
    LabelCache<StrId> roles_;
};

// The second half of a large file, parsed on another core into its own EventLog while the
// first half is parsed into the real one. It assumes a record starts at `start` (just after a
// line break); the first half's reader confirms that when it gets there, else it is discarded.
struct Part {
    EventLog log;
    Diagnostics diag;
    InputFile input;
    std::exception_ptr error;
};

void parse_part(const std::string& path, const Layout& layout, char sep, std::uint64_t start, std::uint64_t size,
                std::uint16_t file_index, const ImportOptions& options, const std::atomic<bool>& cancel, Part& part) {
    try {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw Error(path + ": bestand bestaat niet of is niet leesbaar");
        in.seekg(static_cast<std::streamoff>(start));
        part.log.events.reserve(size / 40);
        part.log.attributes.reserve(size / 40);
        CsvReader reader(in, sep, start);
        RowParser parser(layout, path, file_index, options, part.log, part.diag, part.input);
        std::vector<std::string_view> fields;
        std::uint64_t line = 0;
        while (reader.next(fields, line)) {
            if ((part.input.rows & 0xFFF) == 0 && cancel.load(std::memory_order_relaxed)) return;
            parser.row(fields, line, reader.unterminated_quote());
        }
    } catch (...) {
        part.error = std::current_exception();
    }
}

// Where the second part of a file may start: just after the first line break past the middle;
// 0 = read the file on one core (small, Windows-1252, --strict, or one core only).
std::uint64_t part_start(const std::string& path, std::uint64_t file_size, bool windows1252, const ImportOptions& options) {
    if (windows1252 || options.strict || file_size < options.parallel_min_bytes || std::thread::hardware_concurrency() < 2)
        return 0;
    std::ifstream in(path, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(file_size / 2));
    std::string chunk(1 << 16, '\0');
    std::uint64_t at = file_size / 2;
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n == 0) break;
        if (const void* nl = std::memchr(chunk.data(), '\n', n))
            return at + static_cast<std::uint64_t>(static_cast<const char*>(nl) - chunk.data()) + 1;
        at += n;
    }
    return 0;
}

// Parses the file (as UTF-8, or as Windows-1252) into `log`; returns its provenance record
// (without hash). Throws Error for fatal problems; `log` may then hold part of the file, which
// import_canonical_csv rolls back.
InputFile parse_file(const std::string& path, bool windows1252, const ImportOptions& options, EventLog& log,
                     Diagnostics& diag) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": bestand bestaat niet of is niet leesbaar");
    std::error_code ec;
    const std::uint64_t file_size = std::filesystem::file_size(path, ec);
    if (!ec) {
        // Generous: rows are rarely under 40 bytes, and pages never touched cost no memory.
        log.events.reserve(log.events.size() + file_size / 40);
        log.attributes.reserve(log.attributes.size() + file_size / 40);
    }
    if (log.inputs.size() >= 0xFFFF) throw Error(path + ": te veel invoerbestanden in één controle (ten hoogste 65535)");

    InputFile input;
    input.path = path;
    input.windows1252 = windows1252;
    if (windows1252)
        diag.warnings.push_back({path, 0, "geen geldige UTF-8; gelezen als Windows-1252 (Excel-export)"});

    CsvReader reader(in, input.windows1252);
    std::vector<std::string_view> fields;
    const Layout layout = read_header(reader, path, fields);
    const auto file_index = static_cast<std::uint16_t>(log.inputs.size());
    const std::size_t warn0 = diag.warnings.size();
    RowParser parser(layout, path, file_index, options, log, diag, input);

    // A large file is read on two cores: this thread reads up to `split`, another the rest.
    const std::uint64_t split = ec ? 0 : part_start(path, file_size, windows1252, options);
    std::atomic<bool> cancel{false};
    Part part;
    std::thread helper;
    if (split > reader.offset())
        helper = std::thread(parse_part, std::cref(path), std::cref(layout), reader.separator(), split, file_size - split,
                             file_index, std::cref(options), std::cref(cancel), std::ref(part));
    struct Joiner {  // the helper never outlives this function, also when a row throws
        std::thread& t;
        std::atomic<bool>& cancel;
        ~Joiner() {
            cancel = true;
            if (t.joinable()) t.join();
        }
    } joiner{helper, cancel};

    const std::uint64_t stop = helper.joinable() ? split : ~std::uint64_t(0);
    const std::uint64_t progress_total = helper.joinable() ? split : file_size;
    std::uint64_t line = 0;
    auto read_rows = [&](std::uint64_t until) {
        while (reader.offset() < until && reader.next(fields, line)) {
            if (options.progress && (input.rows & 0xFFFF) == 0 && !ec)
                options.progress(std::min(reader.offset(), progress_total) * file_size / std::max<std::uint64_t>(progress_total, 1),
                                 file_size);
            parser.row(fields, line, reader.unterminated_quote());
        }
    };
    read_rows(stop);
    if (helper.joinable()) {
        const bool aligned = reader.offset() == split;
        if (!aligned) cancel = true;
        helper.join();
        if (aligned && !part.error) {
            // The guess was right: take the second part over, with its lines counted on.
            const std::uint64_t line_offset = reader.line() - 1;
            log.append_part(std::move(part.log), file_index, static_cast<std::uint32_t>(line_offset));
            input.rows += part.input.rows;
            input.used += part.input.used;
            input.rejected += part.input.rejected;
            input.possible_bsn += part.input.possible_bsn;
            for (Problem& p : part.diag.bad_rows) {
                p.line += line_offset;
                diag.bad_rows.push_back(std::move(p));
            }
            std::size_t shown = diag.warnings.size() - warn0;
            for (Problem& p : part.diag.warnings)
                if (shown++ < kMaxBsnWarningsPerFile) {
                    p.line += line_offset;
                    diag.warnings.push_back(std::move(p));
                }
        } else {
            // A quoted line break across the middle, or a fatal row there: read on here, so
            // every message is exactly that of a read on one core.
            part = Part{};
            read_rows(~std::uint64_t(0));
        }
    }
    if (reader.unterminated_quote() && input.rows == 0)
        throw Error(path + ": aanhalingsteken in de kopregel niet afgesloten");
    return input;
}

}  // namespace

void import_canonical_csv(const std::string& path, const ImportOptions& options, EventLog& log,
                          Diagnostics& diag) {
    // The first pass (hash, text check, UTF-8 check) runs on the other core while this one parses.
    auto scanned = std::async(std::launch::async, scan, path);
    const std::size_t events0 = log.events.size(), attrs0 = log.attributes.size(), cases0 = log.case_count(),
                      bad0 = diag.bad_rows.size(), warn0 = diag.warnings.size();
    auto rollback = [&] {
        log.truncate(events0, attrs0, cases0);
        diag.bad_rows.resize(bad0);
        diag.warnings.resize(warn0);
    };
    InputFile input;
    std::exception_ptr parse_error;
    try {
        input = parse_file(path, false, options, log, diag);
    } catch (const Error&) {
        parse_error = std::current_exception();
    }
    FirstPass fp;
    try {
        fp = scanned.get();  // a missing, unreadable or binary file: that error wins
    } catch (...) {
        rollback();
        throw;
    }
    if (!fp.utf8) {
        // Not UTF-8: read again as Windows-1252 (Dutch Excel exports).
        rollback();
        try {
            input = parse_file(path, true, options, log, diag);
        } catch (...) {
            rollback();
            throw;
        }
    } else if (parse_error) {
        rollback();
        std::rethrow_exception(parse_error);
    }
    input.sha256 = fp.sha256;
    log.inputs.push_back(std::move(input));
}

}  // namespace wmotoets
