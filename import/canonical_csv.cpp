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
#include <unordered_set>

#include "import/csv_reader.hpp"
#include "import/event_builder.hpp"
#include "import/timestamp.hpp"
#include "import/xlsx.hpp"
#include "model/bsn.hpp"
#include "util/error.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

struct FirstPass {
    std::string sha256;
    bool utf8 = true;
};

// The line (1-based) that byte `offset` of the file is on: only for a message, so read again.
std::uint64_t line_at(const std::string& path, std::uint64_t offset) {
    std::ifstream in(path, std::ios::binary);
    std::string chunk(1 << 20, '\0');
    std::uint64_t line = 1;
    while (offset > 0 && in) {
        in.read(chunk.data(), static_cast<std::streamsize>(std::min<std::uint64_t>(chunk.size(), offset)));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n == 0) break;
        line += static_cast<std::uint64_t>(std::count(chunk.data(), chunk.data() + n, '\n'));
        offset -= n;
    }
    return line;
}

// Hashes the file, checks it is text and whether it is valid UTF-8, without keeping it.
FirstPass scan(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": bestand bestaat niet of is niet leesbaar");
    FirstPass fp;
    Sha256 sha;
    std::string chunk(1 << 20, '\0');
    int utf8_state = 0;
    std::uint64_t offset = 0;
    bool any = false;
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n == 0) break;
        any = true;
        const std::string_view view(chunk.data(), n);
        sha.update(view);
        if (const void* nul = std::memchr(view.data(), '\0', n)) {
            const auto at = offset + static_cast<std::uint64_t>(static_cast<const char*>(nul) - view.data());
            throw Error(path + ":" + std::to_string(line_at(path, at)) +
                        ": dit is geen tekstbestand (binaire inhoud bij byte " + std::to_string(at) +
                        "); verwacht een CSV-bestand met een kopregel");
        }
        if (fp.utf8 && !utf8_valid_chunk(view, utf8_state)) fp.utf8 = false;
        offset += n;
    }
    if (in.bad()) throw Error(path + ": leesfout");
    if (!any) throw Error(path + ": het bestand is leeg; verwacht een kopregel met case_id, timestamp en activity");
    if (utf8_state != 0) fp.utf8 = false;
    fp.sha256 = sha.hex();
    return fp;
}

// The columns of a file, from its header line (and the mapping's [kolommen]).
struct Layout {
    std::size_t ncols = 0;
    int col_case = -1, col_ts = -1, col_act = -1, col_eid = -1, col_actor = -1, col_role = -1, col_team = -1,
        col_org = -1;
    std::vector<std::string> names;      // header names, lower-cased: for messages
    std::vector<std::string> canonical;  // the canonical column each one is read as
    std::vector<bool> attribute;         // the column is an attribute (under its canonical name)
    std::vector<bool> bsn_column;
    // A wide export ([breed]): per step its columns, in the order of the date columns in the file.
    struct Step {
        int date = -1, time = -1, actor = -1, team = -1;
        std::string activity, role;                           // canonical names
        std::vector<std::pair<std::string, int>> attributes;  // canonical attribute, column
    };
    std::vector<Step> steps;
};

// Why a record was not read (CsvReader::Status other than ok), in Dutch.
std::string record_problem(CsvReader::Status status) {
    switch (status) {
    case CsvReader::Status::unterminated_quote:
        return "aanhalingsteken niet afgesloten; de rest van het bestand is als één veld gelezen";
    case CsvReader::Status::too_many_fields:
        return "meer dan " + grouped(kMaxCsvFields) + " velden in één rij (de grens van Wmo-toets)";
    case CsvReader::Status::field_too_long:
        return "een veld is langer dan " + std::to_string(kMaxCsvFieldBytes >> 20) +
               " MiB (de grens van Wmo-toets per veld)";
    case CsvReader::Status::ok: break;
    }
    return {};
}

// The header's column names, for messages. A line without a separator is not echoed: it may be
// the first line of some other file (a password file, a letter), not a header.
std::string header_names(const Layout& l) {
    if (l.ncols < 2) return std::string("één kolom zonder scheidingsteken; is dit wel een CSV-bestand met kopregel?");
    constexpr std::size_t kShown = 30, kWidth = 40;
    std::string list;
    for (std::size_t i = 0; i < std::min(l.ncols, kShown); ++i) {
        const std::string n = replace_bsn_groups(l.names[i]);
        list += (list.empty() ? "" : ", ") + (n.size() > kWidth ? utf8_prefix(n, kWidth) + "…" : n);
    }
    if (l.ncols > kShown) list += " en nog " + std::to_string(l.ncols - kShown);
    return list;
}

// A wide export: the steps' columns by name; only [kolommen] columns are row attributes.
void wide_layout(Layout& l, const Mapping& m, const std::string& path, const std::string& where,
                 const std::string& separator) {
    const Mapping* mapping = &m;
    const auto found = [&] { return header_names(l); };
    const auto column = [&](const std::string& name, std::uint64_t line, const std::string& what) {
        const auto it = std::find(l.names.begin(), l.names.end(), ascii_lower(trim(name)));
        if (it == l.names.end())
            throw Error(mapping->path + ":" + std::to_string(line) + ": kolom '" + name + "' (" + what +
                        ") staat niet in " + path + " (gevonden: " + found() + ")");
        return static_cast<int>(it - l.names.begin());
    };
    for (const Mapping::WideStep& w : mapping->wide) {
        Layout::Step st;
        const std::string act(activity_name(w.activity));
        st.date = column(w.date_column, w.line, "datum van " + act);
        if (!w.time_column.empty()) st.time = column(w.time_column, w.line, "tijd van " + act);
        if (!w.actor_column.empty()) st.actor = column(w.actor_column, w.line, "medewerker van " + act);
        if (!w.team_column.empty()) st.team = column(w.team_column, w.line, "team van " + act);
        st.activity = act;
        st.role = w.role;
        for (const auto& [attr, col] : w.attributes)
            st.attributes.emplace_back(attr, column(col, w.line, attr + " van " + act));
        l.steps.push_back(std::move(st));
    }
    std::stable_sort(l.steps.begin(), l.steps.end(),
                     [](const Layout::Step& a, const Layout::Step& b) { return a.date < b.date; });
    for (std::size_t i = 0; i < l.ncols; ++i) {
        const std::string& n = l.canonical[i];
        const int col = static_cast<int>(i);
        const bool mapped = mapping->columns.count(n) > 0;
        if (n == "case_id") l.col_case = col;
        else if (n == "team" && mapped) l.col_team = col;
        else if (n == "organisatie" && mapped) l.col_org = col;
        else if (n == "actor" && mapped) l.col_actor = col;
        else if (n == "role" && mapped) l.col_role = col;
        else l.attribute[i] = mapped && n != "event_id";
    }
    if (l.col_case < 0)
        throw Error(where + ": verplichte kolom case_id ontbreekt (gevonden: " + found() + separator + ")");
}

// The layout from a header row: `where` names the header ("FILE:1", "FILE:blad!A1") and
// `separator` how its fields were told apart (for the message about missing columns).
Layout layout_from_header(const std::vector<std::string_view>& fields, const std::string& path,
                          const std::string& where, const Mapping* mapping, const std::string& separator) {
    Layout l;
    l.ncols = fields.size();
    l.names.resize(l.ncols);
    l.attribute.assign(l.ncols, false);
    l.bsn_column.assign(l.ncols, false);
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < l.ncols; ++i) l.names[i] = ascii_lower(trim(fields[i]));
    for (std::size_t i = 0; i < l.ncols; ++i) {
        if (!l.names[i].empty() && !seen.insert(l.names[i]).second)
            throw Error(where + ": kolom '" + replace_bsn_groups(l.names[i]) + "' staat twee keer in de kopregel");
        l.bsn_column[i] = bsn_column_name(l.names[i]);
    }
    const auto found = [&] { return header_names(l); };
    l.canonical = l.names;
    if (mapping) {
        // A mapped column is read as its canonical name; a column whose own name is claimed by a
        // mapped one stays an attribute under its own name.
        std::vector<bool> mapped(l.ncols, false);
        for (const auto& [canon, colp] : mapping->columns_in_file_order()) {
            const Mapping::Column& col = *colp;
            const std::string source = ascii_lower(trim(col.source));
            const auto it = std::find(l.names.begin(), l.names.end(), source);
            if (it == l.names.end())
                throw Error(mapping->path + ":" + std::to_string(col.line) + ": kolom '" + col.source + "' (voor " +
                            canon + ") staat niet in " + path + " (gevonden: " + found() + ")");
            const auto i = static_cast<std::size_t>(it - l.names.begin());
            l.canonical[i] = canon;
            mapped[i] = true;
        }
        for (std::size_t i = 0; i < l.ncols; ++i)
            if (!mapped[i] && mapping->columns.count(l.names[i])) l.canonical[i] = "bron:" + l.names[i];
    }
    if (mapping && !mapping->wide.empty()) {
        wide_layout(l, *mapping, path, where, separator);
        return l;
    }
    for (std::size_t i = 0; i < l.ncols; ++i) {
        const std::string& n = l.canonical[i];
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
    }
    std::string missing;
    if (l.col_case < 0) missing += " case_id";
    if (l.col_ts < 0) missing += " timestamp";
    if (l.col_act < 0) missing += " activity";
    if (!missing.empty()) {
        throw Error(where + ": verplichte kolom(men) ontbreken:" + missing + " (gevonden: " + found() + separator +
                    "; andere kolomnamen? Gebruik --mapping)");
    }
    return l;
}

Layout read_header(CsvReader& reader, const std::string& path, const Mapping* mapping,
                   std::vector<std::string_view>& fields) {
    std::uint64_t line = 0;
    if (!reader.next(fields, line))
        throw Error(path + ": geen kopregel gevonden; verwacht de kolommen case_id, timestamp en activity");
    if (reader.status() == CsvReader::Status::too_many_fields || reader.status() == CsvReader::Status::field_too_long)
        throw Error(path + ":" + std::to_string(line) + ": kopregel: " + record_problem(reader.status()) +
                    "; niets uit dit bestand is ingelezen");
    const std::string sep = reader.separator() == '\t' ? std::string("TAB") : std::string(1, reader.separator());
    return layout_from_header(fields, path, path + ":" + std::to_string(line), mapping,
                              "; scheidingsteken '" + sep + "'");
}

// Turns rows into events of one EventLog: the whole file's, or a part's that is merged later.
class RowParser {
public:
    RowParser(const Layout& layout, const std::string& path, std::uint16_t file_index, const ImportOptions& options,
              EventLog& log, Diagnostics& diag, InputFile& input)
        : l_(layout),
          builder_(path, file_index, options, log, diag, input),
          input_(input),
          bsn_column_(layout.bsn_column.begin(), layout.bsn_column.end()) {
        for (std::size_t i = 0; i < l_.ncols; ++i)
            if (l_.attribute[i]) attribute_columns_.emplace_back(i, builder_.attribute_slot(l_.canonical[i]));
        for (const Layout::Step& st : l_.steps) {
            step_attributes_.emplace_back();
            for (const auto& [attr, col] : st.attributes)
                step_attributes_.back().emplace_back(std::size_t(col), builder_.attribute_slot(attr));
        }
    }

    void row(const std::vector<std::string_view>& fields, std::uint64_t line, CsvReader::Status status) {
        ++input_.rows;
        if (status != CsvReader::Status::ok) {
            builder_.reject(line, record_problem(status));
            return;
        }
        const std::size_t ncols = l_.ncols;
        if (fields.size() != ncols) {
            builder_.reject(
                line, "rij heeft " + std::to_string(fields.size()) + " velden, de kopregel " + std::to_string(ncols));
            return;
        }
        // Privacy first: never store a value that may be a BSN in a BSN column.
        for (std::size_t i = 0; i < ncols; ++i)
            builder_.check_privacy(l_.names[i], bsn_column_[i] != 0, fields[i], line);

        auto cell = [&](int col) -> std::string_view {
            return col < 0 ? std::string_view{} : trim(fields[std::size_t(col)]);
        };
        raw_.line = line;
        if (!l_.steps.empty()) return wide_row(fields, line, cell);
        raw_.case_id = cell(l_.col_case);
        raw_.timestamp = cell(l_.col_ts);
        raw_.activity = cell(l_.col_act);
        raw_.event_id = cell(l_.col_eid);
        raw_.actor = cell(l_.col_actor);
        raw_.role = cell(l_.col_role);
        raw_.team = cell(l_.col_team);
        raw_.organisatie = cell(l_.col_org);
        raw_.attributes.clear();
        add_attributes(fields, attribute_columns_);
        builder_.add(raw_);
    }

    void set_sheet(std::string sheet) { builder_.set_sheet(std::move(sheet)); }

    // A row of a wide export: one event per filled date, in the order of the date columns (so
    // that steps on the same date keep the order of the export).
    template <typename Cell>
    void wide_row(const std::vector<std::string_view>& fields, std::uint64_t line, const Cell& cell) {
        raw_.case_id = cell(l_.col_case);
        raw_.event_id = {};
        raw_.organisatie = cell(l_.col_org);
        bool any = false;
        for (std::size_t s = 0; s < l_.steps.size(); ++s) {
            const Layout::Step& st = l_.steps[s];
            const std::string_view date = cell(st.date);
            if (date.empty()) continue;
            any = true;
            timestamp_.assign(date);
            const std::string_view time = cell(st.time);
            if (!time.empty() && date.find_first_of("T ") == std::string_view::npos) {
                timestamp_ += ' ';
                timestamp_ += time;
            }
            raw_.line = line;
            raw_.timestamp = timestamp_;
            raw_.activity = st.activity;
            raw_.actor = st.actor >= 0 ? cell(st.actor) : cell(l_.col_actor);
            raw_.role = !st.role.empty() ? std::string_view(st.role) : cell(l_.col_role);
            raw_.team = st.team >= 0 ? cell(st.team) : cell(l_.col_team);
            raw_.attributes.clear();
            add_attributes(fields, attribute_columns_);
            add_attributes(fields, step_attributes_[s]);
            builder_.add(raw_);
        }
        if (!any) builder_.reject(line, "geen enkele datum ingevuld in deze rij (kolommen van [breed])");
    }
    // A row refused before its fields are looked at (counted as read).
    void refuse(std::uint64_t line, std::string reason) {
        ++input_.rows;
        builder_.reject(line, std::move(reason));
    }

private:
    using AttributeColumns = std::vector<std::pair<std::size_t, std::uint32_t>>;  // column, attribute slot
    // The filled cells of `columns` as attributes of the event being built.
    void add_attributes(const std::vector<std::string_view>& fields, const AttributeColumns& columns) {
        for (const auto& [col, slot] : columns) {
            const std::string_view v = trim(fields[col]);
            if (!v.empty()) raw_.attributes.emplace_back(slot, v);
        }
    }

    const Layout& l_;
    EventBuilder builder_;
    InputFile& input_;
    std::vector<std::uint8_t> bsn_column_;  // per column: its name suggests a BSN
    AttributeColumns attribute_columns_;
    std::vector<AttributeColumns> step_attributes_;  // per wide step
    std::string timestamp_;                          // a wide step's date and time joined
    RawEvent raw_;
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
                std::uint16_t file_index, const ImportOptions& options, const std::atomic<bool>& cancel, Part& out) {
    // Built on this thread's own stack and handed over at the end: the counters it bumps on
    // every row must not share a cache line with those of the thread reading the first half.
    // The same for what it reads on every row: the layout and options are copied here, as the
    // originals sit on the other thread's stack beside the counters it bumps (a cache line
    // passed back and forth on every row cost this thread a tenth of its time).
    Part part;
    const Layout own_layout = layout;
    const ImportOptions own_options = options;
    const std::string own_path = path;
    try {
        std::ifstream in(own_path, std::ios::binary);
        if (!in) throw Error(own_path + ": bestand bestaat niet of is niet leesbaar");
        in.seekg(static_cast<std::streamoff>(start));
        part.log.reserve(size / 40, size / 40);
        CsvReader reader(in, sep, start);
        RowParser parser(own_layout, own_path, file_index, own_options, part.log, part.diag, part.input);
        std::vector<std::string_view> fields;
        std::uint64_t line = 0;
        while (reader.next(fields, line)) {
            if ((part.input.rows & 0xFFF) == 0 && cancel.load(std::memory_order_relaxed)) break;
            parser.row(fields, line, reader.status());
        }
    } catch (...) {
        part.error = std::current_exception();
    }
    out = std::move(part);
}

// Where the second part of a file may start: just after the first line break past the middle;
// 0 = read the file on one core (small, Windows-1252, --strict, or one core only).
std::uint64_t part_start(const std::string& path, std::uint64_t file_size, bool windows1252,
                         const ImportOptions& options) {
    if (windows1252 || options.strict || file_size < options.parallel_min_bytes ||
        std::thread::hardware_concurrency() < 2)
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
// Appends the second part of a file read on two cores, its line numbers counted on from the
// first part's last line.
void take_part(Part& part, std::uint16_t file_index, std::uint64_t line_offset, EventLog& log, InputFile& input,
               Diagnostics& diag) {
    log.append_part(std::move(part.log), file_index, static_cast<std::uint32_t>(line_offset));
    input.rows += part.input.rows;
    input.used += part.input.used;
    input.rejected += part.input.rejected;
    input.possible_bsn += part.input.possible_bsn;
    for (const BsnColumn& c : part.input.bsn_columns) {
        auto it = std::find_if(input.bsn_columns.begin(), input.bsn_columns.end(),
                               [&](const BsnColumn& x) { return x.column == c.column; });
        if (it == input.bsn_columns.end()) {
            input.bsn_columns.push_back(c);
            input.bsn_columns.back().first_line += line_offset;
        } else {
            it->values += c.values;
        }
    }
    for (auto* list : {&part.diag.bad_rows, &part.diag.warnings})
        for (Problem& p : *list) {
            p.line += line_offset;
            (list == &part.diag.bad_rows ? diag.bad_rows : diag.warnings).push_back(std::move(p));
        }
    for (const auto& [file, part_unknown] : part.diag.unknown) {
        UnknownActivities& to = diag.unknown[file];
        for (const auto& [label, u] : part_unknown.labels) to.add(label, u.first_line + line_offset, u.count);
        to.rows += part_unknown.others;
        to.others += part_unknown.others;
    }
}

InputFile parse_file(const std::string& path, bool windows1252, const ImportOptions& options, EventLog& log,
                     Diagnostics& diag) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": bestand bestaat niet of is niet leesbaar");
    std::error_code ec;
    const std::uint64_t file_size = std::filesystem::file_size(path, ec);
    if (!ec) {
        // Generous: rows are rarely under 40 bytes, and pages never touched cost no memory.
        log.reserve(log.events.size() + file_size / 40, log.attributes.size() + file_size / 40);
    }
    log.check_room_for_input(path);

    InputFile input;
    input.path = path;
    input.windows1252 = windows1252;
    if (windows1252) diag.warnings.push_back({path, 0, "geen geldige UTF-8; gelezen als Windows-1252 (Excel-export)"});

    CsvReader reader(in, input.windows1252);
    std::vector<std::string_view> fields;
    const Layout layout = read_header(reader, path, options.mapping, fields);
    const auto file_index = static_cast<std::uint16_t>(log.inputs.size());
    RowParser parser(layout, path, file_index, options, log, diag, input);

    // A large file is read on two cores: this thread reads up to `split`, another the rest.
    const std::uint64_t split = ec ? 0 : part_start(path, file_size, windows1252, options);
    std::atomic<bool> cancel{false};
    Part part;
    std::thread helper;
    if (split > reader.offset())
        helper = std::thread(parse_part, std::cref(path), std::cref(layout), reader.separator(), split,
                             file_size - split, file_index, std::cref(options), std::cref(cancel), std::ref(part));
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
                options.progress(
                    std::min(reader.offset(), progress_total) * file_size / std::max<std::uint64_t>(progress_total, 1),
                    file_size);
            parser.row(fields, line, reader.status());
        }
    };
    read_rows(stop);
    if (helper.joinable()) {
        const bool aligned = reader.offset() == split;
        if (!aligned) cancel = true;
        helper.join();
        if (aligned && !part.error) {
            // The guess was right: take the second part over, with its lines counted on.
            take_part(part, file_index, reader.line() - 1, log, input, diag);
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

void import_canonical_csv(const std::string& path, const ImportOptions& options, EventLog& log, Diagnostics& diag) {
    // The first pass (hash, text check, UTF-8 check) runs on the other core while this one parses.
    auto scanned = std::async(std::launch::async, scan, path);
    ImportRollback rollback(log, diag);
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
        rollback.undo();
        throw;
    }
    if (!fp.utf8) {
        // Not UTF-8: read again as Windows-1252 (Dutch Excel exports).
        rollback.undo();
        try {
            input = parse_file(path, true, options, log, diag);
        } catch (...) {
            rollback.undo();
            throw;
        }
    } else if (parse_error) {
        rollback.undo();
        std::rethrow_exception(parse_error);
    }
    input.sha256 = fp.sha256;
    add_input(log, std::move(input), options, diag);
}

void import_xlsx(const std::string& path, const ImportOptions& options, EventLog& log, Diagnostics& diag) {
    const XlsxWorkbook wb(path);
    const std::string sheet = options.sheet.empty() ? wb.sheet_names().front() : options.sheet;
    log.check_room_for_input(path);
    ImportRollback rollback(log, diag);
    InputFile input;
    input.path = path;
    input.format = "xlsx";
    const auto file_index = static_cast<std::uint16_t>(log.inputs.size());
    std::optional<Layout> layout;
    std::optional<RowParser> parser;
    std::vector<std::string_view> fields;
    try {
        wb.read_sheet(options.sheet, [&](std::size_t row, const std::vector<XlsxCell>& cells) {
            std::size_t last = cells.size();  // the cells the row has, in column order
            while (last > 0 && trim(cells[last - 1].text).empty()) --last;
            if (last == 0) return;  // a blank row, as a blank line in a CSV
            const std::size_t used = cells[last - 1].col + std::size_t(1);
            if (layout && used > layout->ncols) {
                parser->refuse(row, "rij heeft gevulde cellen tot kolom " + column_letters(used - 1) +
                                        ", de kopregel loopt tot kolom " + column_letters(layout->ncols - 1));
                return;
            }
            // A row ends at its last filled cell; the columns up to the header's are read.
            fields.assign(layout ? layout->ncols : used, std::string_view());
            for (std::size_t c = 0; c < last; ++c) fields[cells[c].col] = cells[c].text;
            if (!layout) {
                layout.emplace(layout_from_header(fields, path, wb.location(sheet, row, 0), options.mapping, ""));
                parser.emplace(*layout, path, file_index, options, log, diag, input);
                parser->set_sheet(sheet);
                return;
            }
            parser->row(fields, row, CsvReader::Status::ok);
        });
    } catch (...) {
        rollback.undo();
        throw;
    }
    if (!layout)
        throw Error(path + ": blad '" + sheet + "' is leeg; verwacht een kopregel met case_id, timestamp en activity");
    input.sha256 = file_sha256(path);
    add_input(log, std::move(input), options, diag);
}

}  // namespace wmotoets
