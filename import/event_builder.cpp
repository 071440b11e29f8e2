#include "import/event_builder.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "import/pseudonym.hpp"
#include "import/timestamp.hpp"
#include "model/bsn.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {
constexpr std::array<std::string_view, 8> kRoles{"ondersteuner", "consulent",         "beslisser", "client",
                                                 "mantelzorger", "vertegenwoordiger", "jurist",    "administratie"};
}  // namespace

std::string read_whole_file(const std::string& path) {
    require_regular_file(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": bestand bestaat niet of is niet leesbaar");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw Error(path + ": leesfout");
    return ss.str();
}

std::string json_syntax_message(const std::string& path, const std::string& text, std::size_t byte, std::string what) {
    std::uint64_t line = 1;
    for (std::size_t i = 0; i < std::min(byte, text.size()); ++i) line += text[i] == '\n';
    // "[json.exception.parse_error.101] parse error at line 3, column 28: syntax error …"
    const auto column = what.find("column ");
    const auto colon = what.find(": ", column == std::string::npos ? 0 : column);
    if (colon != std::string::npos) what = what.substr(colon + 2);
    // nlohmann adds what it last read ("; last read: '…'"): content of the file, which a message
    // never repeats (it may not even be a JSON file). Its words in Dutch.
    if (const auto last = what.find("; last read: "); last != std::string::npos) what.erase(last);
    static const std::pair<const char*, const char*> kDutch[] = {
        {"syntax error while parsing object key", "syntaxfout in de naam van een veld"},
        {"syntax error while parsing object separator", "syntaxfout na de naam van een veld"},
        {"syntax error while parsing object", "syntaxfout in een object"},
        {"syntax error while parsing array", "syntaxfout in een lijst"},
        {"syntax error while parsing value", "syntaxfout in een waarde"},
        {"unexpected end of input", "onverwacht einde van het bestand"},
        {"invalid literal", "ongeldige waarde"},
        {"invalid string", "ongeldige tekst"},
        {"invalid number", "ongeldig getal"},
        {"expected string literal", "verwacht: tekst tussen aanhalingstekens"},
        {"expected value", "verwacht: een waarde"},
        {"expected end of input", "verwacht: einde van het bestand"},
        {"control character", "stuurteken"},
        {"must be escaped to", "moet geschreven worden als"},
        {"or a literal", "of een waarde"},
        {" or ", " of "},
        {"unexpected", "onverwacht"},
        {"expected", "verwacht"},
    };
    for (const auto& [en, nl] : kDutch)
        for (std::size_t at = what.find(en); at != std::string::npos; at = what.find(en, at + std::strlen(nl)))
            what.replace(at, std::strlen(en), nl);
    return path + ":" + std::to_string(line) + ": geen geldige JSON (" + what + ")";
}

std::string shorten(std::string_view s) { return echoed(s, 60); }

EventBuilder::EventBuilder(const std::string& path, std::uint16_t file_index, const ImportOptions& options,
                           EventLog& log, Diagnostics& diag, InputFile& input)
    : path_(path),
      file_index_(file_index),
      options_(options),
      mapping_(options.mapping),
      keep_unknown_(options.keep_unknown || (options.mapping && options.mapping->keep_unknown.value_or(false))),
      log_(log),
      diag_(diag),
      input_(input) {}

std::uint32_t EventBuilder::attribute_slot(std::string_view name, std::uint64_t line) {
    // A possible BSN in a column or key name (2026-12-06) is replaced like one in a value, and
    // warned about once per name; the mapping is looked up by the name as the file has it.
    const bool bsn = holds_bsn(name);
    const StrId key = bsn ? log_.strings.intern(replace_bsn_groups(name)) : log_.strings.intern(name);
    for (std::uint32_t i = 0; i < slots_.size(); ++i)
        if (slots_[i].key == key) return i;
    Slot s;
    s.key = key;
    if (mapping_) {
        const auto it = mapping_->values.find(std::string(name));
        if (it != mapping_->values.end()) s.values = &it->second;
    }
    s.cache = std::make_unique<ValueCache<StrId>>();
    slots_.push_back(std::move(s));
    if (bsn) {
        ++input_.possible_bsn;
        diag_.warnings.push_back({path_, line,
                                  "mogelijk BSN in de naam '" + std::string(log_.strings.str(key)) +
                                      "' (een kolom of sleutel); vervangen door [BSN?]"});
    }
    return static_cast<std::uint32_t>(slots_.size() - 1);
}

void EventBuilder::check_number(std::string_view field, std::string_view value, std::uint64_t line,
                                std::string_view what) {
    for (const auto& [b, e] : bsn_groups(value)) {
        const std::string place = std::string(what) + " '" + replace_bsn_groups(field) + "'";
        throw Error(row_location(path_, sheet_, line) + ": " + place + " bevat een mogelijk BSN (" +
                    mask_number(value.substr(b, e - b)) +
                    "); het bestand is geweigerd. Lever een geanonimiseerd bestand aan.");
    }
}

void EventBuilder::note_bsn(std::string_view column, bool identifying, std::uint64_t line) {
    ++input_.possible_bsn;
    for (BsnColumn& c : input_.bsn_columns)
        if (c.column == column) {
            ++c.values;
            c.first_line = std::min(c.first_line, line);
            return;
        }
    input_.bsn_columns.push_back({std::string(column), 1, line, identifying});
}

StrId EventBuilder::intern_checked(std::string_view value) {
    if (!may_hold_bsn(value) || bsn_groups(value).empty()) return log_.strings.intern(value);
    const StrId id = log_.strings.intern(replace_bsn_groups(value));
    replaced_.insert(id);
    return id;
}

StrId EventBuilder::noted(std::string_view column, StrId id, std::uint64_t line) {
    if (!replaced_.empty() && replaced_.count(id)) note_bsn(column, false, line);
    return id;
}

void EventBuilder::reject(std::uint64_t at, std::string reason) {
    ++input_.rejected;
    if (may_hold_bsn(reason)) reason = replace_bsn_groups(reason);  // a label or date echoed in it
    if (options_.strict)
        throw Error(row_location(path_, sheet_, at) + ": " + reason +
                    " (--strikt: niets uit dit bestand is ingelezen)");
    diag_.bad_rows.push_back({path_, at, std::move(reason), sheet_});
}

std::optional<Activity> EventBuilder::activity_of(std::string_view label) const {
    if (mapping_) {
        const auto it = mapping_->activities.find(std::string(label));
        if (it != mapping_->activities.end()) return it->second;
    }
    return activity_from_folded(fold_label(label));
}

StrId EventBuilder::role_of(std::string_view text) {
    if (mapping_) {
        const auto it = mapping_->roles.find(std::string(text));
        if (it != mapping_->roles.end()) return intern_checked(it->second);
    }
    // The roles of docs/spec/event-log.md are folded to their canonical spelling; others kept as given.
    const std::string r = fold_label(text);
    for (std::string_view k : kRoles)
        if (k == r) return log_.strings.intern(k);
    return intern_checked(text);
}

void EventBuilder::add(const RawEvent& r) {
    const std::uint64_t line = r.line;
    if (r.case_id.empty()) return reject(line, "case_id is leeg");
    if (r.timestamp.empty()) return reject(line, "timestamp is leeg");
    if (r.activity.empty()) return reject(line, "activity is leeg");
    LocalTimestamp ts;
    if (!read_timestamp(r.timestamp, ts)) {
        return reject(line, "onleesbare datum/tijd '" + shorten(r.timestamp) +
                                "' (verwacht bijv. 2024-03-28, 2024-03-28T10:15:00+01:00 of 28-03-2024 10:15)");
    }
    const std::optional<Activity> act =
        activities_.get(r.activity, [this](std::string_view t) { return activity_of(t); });
    if (!act && !keep_unknown_) {
        if (options_.strict)
            return reject(line, "onbekende activiteit '" + shorten(r.activity) +
                                    "'; gebruik een canonieke activiteit, een mappingbestand, of --behoud-onbekend "
                                    "om onbekende activiteiten te bewaren voor lokale regels");
        // Counted per label, summed up per file after reading (app: the summary of unknown activities).
        ++input_.rejected;
        std::string label = shorten(r.activity);
        if (may_hold_bsn(label)) label = replace_bsn_groups(label);
        if (!unknown_) {  // this file's tally, looked up once (not per refused row)
            unknown_ = &diag_.unknown[path_];
            unknown_->sheet = sheet_;
        }
        unknown_->add(label, line);
        return;
    }

    EventLog& log = log_;
    const PseudonymKey* key = options_.pseudonymise;
    // Identifying values (case_id, actor) are kept as they are: they tell dossiers and people
    // apart. A possible BSN in them is counted, and the run decides (app: require_bsn_decision).
    const std::uint32_t case_index = case_cache_.get(r.case_id, [this, &log, key](std::string_view id) {
        const std::uint32_t index = key ? log.case_index(key->pseudonym("dossier", id)) : log.case_index(id);
        if (may_hold_bsn(id) && !bsn_groups(id).empty()) bsn_cases_.insert(index);
        return index;
    });
    Who who;
    who.actor = actor_cache_.get(r.actor, [this, &log, key](std::string_view actor) -> StrId {
        if (actor.empty()) return 0;
        const StrId id = key ? log.strings.intern(key->pseudonym("medewerker", actor)) : log.strings.intern(actor);
        if (may_hold_bsn(actor) && !bsn_groups(actor).empty()) bsn_actors_.insert(id);
        return id;
    });
    // Counted per row (not per new value), so that a file read on two cores counts the same.
    if (!bsn_cases_.empty() && bsn_cases_.count(case_index)) note_bsn("case_id", true, line);
    if (!bsn_actors_.empty() && bsn_actors_.count(who.actor)) note_bsn("actor", true, line);
    const auto checked = [this](std::string_view v) { return intern_checked(v); };
    who.team = noted("team", team_cache_.get(r.team, checked), line);
    who.organisatie = noted("organisatie", org_cache_.get(r.organisatie, checked), line);
    if (!r.role.empty())
        who.role = noted("role", roles_.get(r.role, [this](std::string_view t) { return role_of(t); }), line);
    const std::uint32_t who_index = log.who_index(who);
    const auto attr_begin = static_cast<std::uint32_t>(log.attributes.size());
    std::uint16_t attr_count = 0;
    if (!act) {  // canonical labels are known by name
        log.add_attribute({kLabelKey, noted("activity", intern_checked(r.activity), line)});
        ++attr_count;
    }
    if (!r.event_id.empty()) {
        log.add_attribute({kEventIdKey, noted("event_id", intern_checked(r.event_id), line)});
        ++attr_count;
    }
    for (const auto& [slot, value] : r.attributes) {
        Slot& s = slots_[slot];
        const std::string_view name = log.strings.str(s.key);
        StrId v = 0;
        if (s.values) {
            const auto it = s.values->find(std::string(value));
            v = intern_checked(it == s.values->end() ? value : std::string_view(it->second));
        } else {
            v = s.cache->get(value, checked);
        }
        v = noted(name, v, line);
        log.add_attribute({s.key, v});
        ++attr_count;
    }
    // Built in place from its fields: an Event assembled on the stack field by field and then
    // copied whole was read back before its narrow stores had landed, on every row.
    log.emplace_event(ts.date, ts.ms, case_index, who_index, attr_begin, static_cast<std::uint32_t>(line), attr_count,
                      file_index_, act.value_or(Activity::onbekend));
    ++input_.used;
}

void add_input(EventLog& log, InputFile input, const ImportOptions& options, Diagnostics& diag) {
    if (options.mapping) input.mapping = options.mapping->path;
    // One warning per column (docs/spec/event-log.md "Privacy"), never the number itself.
    for (const BsnColumn& c : input.bsn_columns) {
        const bool declared =
            std::find(options.not_bsn.begin(), options.not_bsn.end(), c.column) != options.not_bsn.end();
        if (c.identifying && declared) continue;  // a person decided: these are no BSNs
        std::string what = "mogelijk BSN in kolom '" + c.column + "': " + grouped(c.values) +
                           (c.values == 1 ? " waarde (op deze regel); " : " waarden (de eerste op deze regel); ");
        if (!c.identifying) what += "vervangen door [BSN?]";
        else if (options.pseudonymise) what += "vervangen door pseudoniemen";
        else what += "nergens weggeschreven zonder --pseudonimiseer of --geen-bsn-kolom " + c.column;
        diag.warnings.push_back({input.path, c.first_line, what});
    }
    log.add_input(std::move(input));
}

}  // namespace wmotoets
