#include "import/canonical_csv.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>

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
    std::uint64_t line = 0;
    if (!reader.next(fields, line))
        throw Error(path + ": geen kopregel gevonden; verwacht de kolommen case_id, timestamp en activity");

    // Header.
    const std::size_t ncols = fields.size();
    int col_case = -1, col_ts = -1, col_act = -1, col_eid = -1, col_actor = -1, col_role = -1, col_team = -1,
        col_org = -1;
    std::vector<StrId> attr_key(ncols, 0);
    std::vector<bool> bsn_column(ncols, false);
    std::vector<std::string> names(ncols);
    for (std::size_t i = 0; i < ncols; ++i) {
        names[i] = ascii_lower(trim(fields[i]));
        for (std::size_t j = 0; j < i; ++j)
            if (!names[i].empty() && names[j] == names[i])
                throw Error(path + ":" + std::to_string(line) + ": kolom '" + names[i] + "' staat twee keer in de kopregel");
        const std::string& n = names[i];
        const int col = static_cast<int>(i);
        if (n == "case_id") col_case = col;
        else if (n == "timestamp") col_ts = col;
        else if (n == "activity") col_act = col;
        else if (n == "event_id") col_eid = col;
        else if (n == "actor") col_actor = col;
        else if (n == "role") col_role = col;
        else if (n == "team") col_team = col;
        else if (n == "organisatie") col_org = col;
        else if (!n.empty()) attr_key[i] = log.strings.intern(n);
        bsn_column[i] = bsn_column_name(n);
    }
    std::string missing;
    if (col_case < 0) missing += " case_id";
    if (col_ts < 0) missing += " timestamp";
    if (col_act < 0) missing += " activity";
    if (!missing.empty()) {
        std::string found;
        for (const auto& n : names) found += (found.empty() ? "" : ", ") + n;
        throw Error(path + ":" + std::to_string(line) + ": verplichte kolom(men) ontbreken:" + missing +
                    " (gevonden: " + found + "; scheidingsteken '" +
                    (reader.separator() == '\t' ? std::string("TAB") : std::string(1, reader.separator())) + "')");
    }

    const auto file_index = static_cast<std::uint16_t>(log.inputs.size());
    std::size_t bsn_warnings = 0;
    LastValue case_cache, actor_cache, team_cache, org_cache;
    std::vector<LastValue> attr_cache(ncols);
    const auto intern = [&log](std::string_view v) { return log.strings.intern(v); };
    LabelCache<std::optional<Activity>> activities;
    LabelCache<StrId> roles;

    auto reject = [&](std::uint64_t at, std::string reason) {
        ++input.rejected;
        if (options.strict) {
            throw Error(path + ":" + std::to_string(at) + ": " + reason +
                        " (--strict: niets uit dit bestand is ingelezen)");
        }
        diag.bad_rows.push_back({path, at, std::move(reason)});
    };

    while (reader.next(fields, line)) {
        ++input.rows;
        if (options.progress && (input.rows & 0xFFFF) == 0 && !ec)
            options.progress(static_cast<std::uint64_t>(in.tellg()), file_size);
        if (reader.unterminated_quote()) {
            reject(line, "aanhalingsteken niet afgesloten; de rest van het bestand is als één veld gelezen");
            continue;
        }
        if (fields.size() != ncols) {
            reject(line, "rij heeft " + std::to_string(fields.size()) + " velden, de kopregel " +
                             std::to_string(ncols));
            continue;
        }
        // Privacy first: never store a value that may be a BSN in a BSN column.
        for (std::size_t i = 0; i < ncols; ++i) {
            const std::string_view v = fields[i];
            if (v.size() < 8 || v.size() > 13 || !looks_like_bsn(v)) continue;
            if (bsn_column[i]) {
                throw Error(path + ":" + std::to_string(line) + ": kolom '" + names[i] + "' bevat een mogelijk BSN (" +
                            mask_number(v) + "); het bestand is geweigerd. Lever een geanonimiseerd bestand aan.");
            }
            ++input.possible_bsn;
            if (bsn_warnings++ < kMaxBsnWarningsPerFile)
                diag.warnings.push_back({path, line, "mogelijk BSN in kolom '" + names[i] + "' (" + mask_number(v) +
                                                         "); controleer of het bestand geanonimiseerd is"});
        }

        const std::string_view case_id = trim(fields[std::size_t(col_case)]);
        const std::string_view ts_text = trim(fields[std::size_t(col_ts)]);
        const std::string_view act_text = trim(fields[std::size_t(col_act)]);
        if (case_id.empty()) { reject(line, "case_id is leeg"); continue; }
        if (ts_text.empty()) { reject(line, "timestamp is leeg"); continue; }
        if (act_text.empty()) { reject(line, "activity is leeg"); continue; }
        const std::optional<LocalTimestamp> ts = parse_timestamp(ts_text);
        if (!ts) {
            reject(line, "onleesbare datum/tijd '" + shorten(ts_text) +
                             "' (verwacht bijv. 2024-03-28, 2024-03-28T10:15:00+01:00 of 28-03-2024 10:15)");
            continue;
        }
        const std::optional<Activity> act =
            activities.get(act_text, [](std::string_view t) { return activity_from_folded(fold_label(t)); });
        if (!act && !options.keep_unknown) {
            reject(line, "onbekende activiteit '" + shorten(act_text) +
                             "'; gebruik een canonieke activiteit, een mappingbestand, of --behoud-onbekend "
                             "om onbekende activiteiten te bewaren voor lokale regels");
            continue;
        }

        Event e;
        e.date = ts->date;
        e.ms = ts->ms;
        e.case_index = case_cache.get(case_id, [&log](std::string_view id) { return log.case_index(id); });
        e.activity = act.value_or(Activity::onbekend);
        if (!act) e.label = log.strings.intern(act_text);  // canonical labels are known by name
        e.file = file_index;
        e.line = static_cast<std::uint32_t>(line);
        auto cell = [&](int col) -> std::string_view {
            return col < 0 ? std::string_view{} : trim(fields[std::size_t(col)]);
        };
        e.event_id = log.strings.intern(cell(col_eid));
        e.actor = actor_cache.get(cell(col_actor), intern);
        e.team = team_cache.get(cell(col_team), intern);
        e.organisatie = org_cache.get(cell(col_org), intern);
        if (const std::string_view role = cell(col_role); !role.empty()) {
            e.role = roles.get(role, [&](std::string_view text) {
                // The roles of event-log.md are folded to their canonical spelling; others kept as given.
                const std::string r = fold_label(text);
                for (std::string_view k : kRoles)
                    if (k == r) return log.strings.intern(k);
                return log.strings.intern(text);
            });
        }
        e.attr_begin = static_cast<std::uint32_t>(log.attributes.size());
        for (std::size_t i = 0; i < ncols; ++i) {
            if (attr_key[i] == 0) continue;
            const std::string_view v = trim(fields[i]);
            if (v.empty()) continue;
            log.attributes.push_back({attr_key[i], attr_cache[i].get(v, intern)});
            ++e.attr_count;
        }
        log.events.push_back(e);
        ++input.used;
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
