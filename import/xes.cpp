#include "import/xes.hpp"

#include <expat.h>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <set>

#include "import/event_builder.hpp"
#include "import/xml_words.hpp"
#include "model/bsn.hpp"
#include "util/error.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

// zlib's message, without the file name it puts in front.
std::string gz_message(gzFile gz, const std::string& path, int& code) {
    const char* msg = gzerror(gz, &code);
    std::string m = msg ? msg : "?";
    if (m.rfind(path + ": ", 0) == 0) m.erase(0, path.size() + 2);
    return m;
}

std::string_view local_name(const char* name) {
    std::string_view n(name);
    const auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

bool is_attribute_element(std::string_view n) {
    return n == "string" || n == "date" || n == "int" || n == "float" || n == "boolean" || n == "id" || n == "list" ||
           n == "container";
}

// Keys of the standard extensions that identify an event: their global "defaults" are
// placeholders (UNKNOWN, 1970-01-01), never used as facts.
bool identifying_key(std::string_view key) {
    for (std::string_view p : {"concept:", "time:", "org:", "lifecycle:"})
        if (key.substr(0, p.size()) == p) return true;
    return false;
}

using Attrs = std::vector<std::pair<std::string, std::string>>;

const std::string* find(const Attrs& a, const std::string& key) {
    for (const auto& [k, v] : a)
        if (k == key) return &v;
    return nullptr;
}

// Limits far above any real XES file (the logs in SOURCES.md nest 4 deep, their longest tag is
// under 1 KB): deeper nesting or a longer tag is refused with its line, so memory stays linear.
constexpr std::size_t kMaxXesDepth = 64;
constexpr std::uint64_t kMaxXesTagBytes = std::uint64_t(16) << 20;

class XesReader {
public:
    XesReader(const std::string& path, const ImportOptions& options, EventLog& log, Diagnostics& diag, InputFile& input)
        : path_(path),
          options_(options),
          builder_(path, static_cast<std::uint16_t>(log.inputs.size()), options, log, diag, input),
          input_(input) {
        const Mapping* m = options.mapping;
        auto col = [&](const char* canon, const char* fallback) {
            return m ? m->source_of(canon, fallback) : std::string(fallback);
        };
        case_key_ = col("case_id", "concept:name");
        activity_key_ = col("activity", "concept:name");
        time_key_ = col("timestamp", "time:timestamp");
        actor_key_ = col("actor", "org:resource");
        role_key_ = col("role", "org:role");
        team_key_ = col("team", "");
        org_key_ = col("organisatie", "");
        event_id_key_ = col("event_id", "");
        if (m)
            for (const auto& [canon, c] : m->columns) renamed_[c.source] = canon;
        parser_ = XML_ParserCreate(nullptr);
        if (!parser_) throw Error(path + ": onvoldoende geheugen voor de XML-lezer");
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, &XesReader::on_start, &XesReader::on_end);
    }
    ~XesReader() { XML_ParserFree(parser_); }
    XesReader(const XesReader&) = delete;
    XesReader& operator=(const XesReader&) = delete;

    void run() {
        gzFile gz = gzopen(path_.c_str(), "rb");
        if (!gz) throw Error(path_ + ": bestand bestaat niet of is niet leesbaar");
        std::unique_ptr<gzFile_s, int (*)(gzFile)> guard(gz, gzclose);
        gzbuffer(gz, 1 << 18);
        std::vector<char> buf(1 << 20);
        for (;;) {
            const int n = gzread(gz, buf.data(), static_cast<unsigned>(buf.size()));
            if (n < 0) {
                int code = 0;
                throw Error(path_ + ": het gzip-bestand is beschadigd of afgekapt (" + gz_message(gz, path_, code) +
                            "); niets uit dit bestand is ingelezen");
            }
            const bool last = n == 0;
            if (last) {
                int code = Z_OK;
                const std::string msg = gz_message(gz, path_, code);
                if (code != Z_OK)  // e.g. a truncated file: "unexpected end of file"
                    throw Error(path_ + ": het gzip-bestand is beschadigd of afgekapt (" + msg +
                                "); niets uit dit bestand is ingelezen");
            }
            const auto status = XML_Parse(parser_, buf.data(), n, last);
            if (error_) std::rethrow_exception(error_);
            if (status == XML_STATUS_ERROR) xml_error();
            fed_ += std::uint64_t(n);
            // Expat keeps an unfinished tag in its buffer (and scans it again with every chunk).
            const auto done = XML_GetCurrentByteIndex(parser_);
            if (done >= 0 && fed_ - std::uint64_t(done) > kMaxXesTagBytes)
                throw Error(path_ + ":" + std::to_string(XML_GetCurrentLineNumber(parser_)) +
                            ": geen geldige XES: een element is langer dan " + std::to_string(kMaxXesTagBytes >> 20) +
                            " MiB (de grens van Wmo-toets); niets uit dit bestand is ingelezen");
            if (last) break;
        }
        if (!saw_log_) throw Error(path_ + ": geen XES-bestand (geen <log>-element)");
        // A mapping that names a key the file never has is a mistake, not an empty column.
        if (const Mapping* m = options_.mapping)
            for (const auto& [canon, c] : m->columns_in_file_order())
                if (!seen_keys_.count(c->source))
                    throw Error(m->path + ":" + std::to_string(c->line) + ": sleutel '" + c->source + "' (voor " +
                                canon + ") komt in " + path_ + " niet voor");
    }

private:
    enum class Kind { log, trace, event, global_trace, global_event, attribute, values, other };
    struct Frame {
        Kind kind;
        std::string key;  // attribute: its full (flattened) key; values: its list's key
    };

    void xml_error() {
        throw Error(path_ + ":" + std::to_string(XML_GetCurrentLineNumber(parser_)) + ": geen geldige XES (" +
                    xml_error_dutch(XML_GetErrorCode(parser_)) + "); niets uit dit bestand is ingelezen");
    }

    static void on_start(void* self, const char* name, const char** atts) {
        auto* r = static_cast<XesReader*>(self);
        if (r->error_) return;
        try {
            r->start(local_name(name), atts);
        } catch (...) {
            r->error_ = std::current_exception();
            XML_StopParser(r->parser_, XML_FALSE);
        }
    }
    static void on_end(void* self, const char*) {
        auto* r = static_cast<XesReader*>(self);
        if (r->error_) return;
        try {
            r->end();
        } catch (...) {
            r->error_ = std::current_exception();
            XML_StopParser(r->parser_, XML_FALSE);
        }
    }

    // The nearest enclosing owner of attributes.
    Kind owner() const {
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
            if (it->kind != Kind::attribute && it->kind != Kind::values && it->kind != Kind::other) return it->kind;
        return Kind::other;
    }

    void start(std::string_view name, const char** atts) {
        auto att = [&](std::string_view want) -> const char* {
            for (const char** a = atts; *a; a += 2)
                if (local_name(a[0]) == want) return a[1];
            return nullptr;
        };
        const std::uint64_t line = XML_GetCurrentLineNumber(parser_);
        if (stack_.empty()) {
            if (name != "log")
                throw Error(path_ + ":" + std::to_string(line) + ": geen XES-bestand (hoofdelement '" +
                            std::string(name) + "' in plaats van 'log')");
            saw_log_ = true;
            stack_.push_back({Kind::log, {}});
            return;
        }
        if (stack_.size() >= kMaxXesDepth)
            throw Error(path_ + ":" + std::to_string(line) + ": geen geldige XES: dieper genest dan " +
                        std::to_string(kMaxXesDepth) + " niveaus; niets uit dit bestand is ingelezen");
        const Frame& parent = stack_.back();
        if (name == "trace" && parent.kind == Kind::log) {
            trace_.clear();
            events_.clear();
            trace_line_ = line;
            stack_.push_back({Kind::trace, {}});
        } else if (name == "event" && parent.kind == Kind::trace) {
            events_.push_back({line, {}});
            stack_.push_back({Kind::event, {}});
        } else if (name == "global" && parent.kind == Kind::log) {
            const char* scope = att("scope");
            const std::string_view s = scope ? scope : "event";
            stack_.push_back({s == "trace" ? Kind::global_trace : Kind::global_event, {}});
        } else if (is_attribute_element(name)) {
            const char* key = att("key");
            std::string full = key ? key : "";
            if (parent.kind == Kind::attribute || parent.kind == Kind::values)
                full = parent.key.empty() ? full : parent.key + "." + full;
            const char* value = att("value");
            if (name != "list" && name != "container" && key && value) store(full, value, line);
            stack_.push_back({Kind::attribute, full});
        } else if (name == "values" && parent.kind == Kind::attribute) {
            stack_.push_back({Kind::values, parent.key});
        } else {
            stack_.push_back({Kind::other, {}});
        }
    }

    void store(const std::string& key, std::string value, std::uint64_t line) {
        switch (owner()) {
        case Kind::event:
            seen_keys_.insert(key);
            events_.back().attrs.emplace_back(key, std::move(value));
            break;
        case Kind::trace:
            seen_keys_.insert(key);
            trace_.emplace_back(key, std::move(value));
            break;
        case Kind::global_event:
            if (!identifying_key(key)) global_event_.emplace_back(key, std::move(value));
            break;
        default: break;  // log-level metadata and trace-scope globals: not needed for events
        }
        (void)line;
    }

    void end() {
        const Kind k = stack_.back().kind;
        stack_.pop_back();
        if (k == Kind::trace) emit_trace();
    }

    void emit_trace() {
        for (const auto& [key, value] : trace_)
            builder_.check_privacy(key, bsn_column_name(ascii_lower(key)), value, trace_line_, "attribuut");
        ++input_.traces;
        const std::string* case_id = find(trace_, case_key_);
        for (PendingEvent& ev : events_) {
            ++input_.rows;
            if (const std::string* lc = find(ev.attrs, "lifecycle:transition");
                lc && !options_.all_lifecycles && ascii_lower(trim(*lc)) != "complete") {
                ++input_.skipped;
                continue;
            }
            for (const auto& [key, value] : ev.attrs)
                builder_.check_privacy(key, bsn_column_name(ascii_lower(key)), value, ev.line, "attribuut");
            if (!case_id || trim(*case_id).empty()) {
                builder_.reject(ev.line, "trace zonder " + case_key_ + " (dossiernummer); event overgeslagen");
                continue;
            }
            // The activity and the time are the event's own; other columns may come from the trace
            // (a team or channel recorded once per case).
            auto own = [&](const std::string& key) -> std::string_view {
                if (key.empty()) return {};
                if (const std::string* v = find(ev.attrs, key)) return trim(*v);
                return {};
            };
            auto get = [&](const std::string& key) -> std::string_view {
                if (const std::string_view v = own(key); !v.empty()) return v;
                if (const std::string* v = key.empty() ? nullptr : find(trace_, key)) return trim(*v);
                return {};
            };
            RawEvent& r = raw_;
            r.line = ev.line;
            r.case_id = trim(*case_id);
            r.activity = own(activity_key_);
            if (r.activity.empty()) {
                builder_.reject(ev.line, "event zonder " + activity_key_ + " (activiteit)");
                continue;
            }
            r.timestamp = own(time_key_);
            r.actor = get(actor_key_);
            r.role = get(role_key_);
            r.team = get(team_key_);
            r.organisatie = get(org_key_);
            r.event_id = get(event_id_key_);
            r.attributes.clear();
            for (const auto& [key, value] : ev.attrs) {
                if (key == activity_key_ || key == time_key_ || key == actor_key_ || key == role_key_ ||
                    key == team_key_ || key == org_key_ || key == event_id_key_ || key == "lifecycle:transition")
                    continue;
                const std::string_view v = trim(value);
                if (!v.empty()) r.attributes.emplace_back(slot(key, ev.line), v);
            }
            for (const auto& [key, value] : global_event_)
                if (!find(ev.attrs, key) && !trim(value).empty())
                    r.attributes.emplace_back(slot(key, ev.line), trim(value));
            builder_.add(r);
        }
    }

    std::uint32_t slot(const std::string& key, std::uint64_t line) {
        const auto it = renamed_.find(key);
        const auto cached = slots_.find(key);
        if (cached != slots_.end()) return cached->second;
        const std::uint32_t s = builder_.attribute_slot(it == renamed_.end() ? key : it->second, line);
        slots_.emplace(key, s);
        return s;
    }

    struct PendingEvent {
        std::uint64_t line;
        Attrs attrs;
    };

    const std::string& path_;
    const ImportOptions& options_;
    EventBuilder builder_;
    InputFile& input_;
    XML_Parser parser_ = nullptr;
    std::exception_ptr error_;
    std::vector<Frame> stack_;
    std::uint64_t fed_ = 0;  // bytes handed to expat
    bool saw_log_ = false;
    Attrs trace_, global_event_;
    std::uint64_t trace_line_ = 0;
    std::vector<PendingEvent> events_;
    std::string case_key_, activity_key_, time_key_, actor_key_, role_key_, team_key_, org_key_, event_id_key_;
    std::map<std::string, std::string> renamed_;  // source key → canonical name (mapped attributes)
    std::map<std::string, std::uint32_t> slots_;
    std::set<std::string> seen_keys_;
    RawEvent raw_;
};

}  // namespace

bool is_xes_path(const std::string& path) {
    const std::string p = ascii_lower(path);
    auto ends = [&](std::string_view s) {
        return p.size() >= s.size() && p.compare(p.size() - s.size(), s.size(), s) == 0;
    };
    return ends(".xes") || ends(".xes.gz");
}

void import_xes(const std::string& path, const ImportOptions& options, EventLog& log, Diagnostics& diag) {
    log.check_room_for_input(path);
    auto hashed = std::async(std::launch::async, file_sha256, path);
    ImportRollback rollback(log, diag);
    InputFile input;
    input.path = path;
    input.format = "xes";
    try {
        XesReader reader(path, options, log, diag, input);
        reader.run();
        input.sha256 = hashed.get();
    } catch (...) {
        if (hashed.valid()) hashed.wait();
        rollback.undo();
        throw;
    }
    add_input(log, std::move(input), options, diag);
}

}  // namespace wmotoets
