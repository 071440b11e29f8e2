// The zelftest questions (shipped TOML) and answer files in TOML.
#include "import/toml_files.hpp"

#include <cstdio>
#include <functional>
#include <map>
#include <sstream>

#include "import/zelftest_files.hpp"

#include "import/toml_common.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace wmotoets {

using namespace toml_files;

ZelftestQuestions read_zelftest_questions(std::string_view text, const std::string& source) {
    const toml::table root = parse_text(text, source);
    ZelftestQuestions q;
    auto str = [&](const toml::table& t, const char* key) {
        const auto v = t[key].value<std::string>();
        if (!v) throw Error(where(source, t) + ": '" + key + "' ontbreekt of is geen tekst");
        return *v;
    };
    if (const toml::array* a = root["antwoorden"].as_array())
        for (const toml::node& n : *a) q.answers.push_back(n.value<std::string>().value_or(""));
    if (const toml::array* themes = root["thema"].as_array())
        for (const toml::node& n : *themes) {
            const toml::table& t = *n.as_table();
            ZelftestTheme th{str(t, "id"), str(t, "naam"), str(t, "uitleg"), {}};
            if (const toml::array* law = t["wet"].as_array())
                for (const toml::node& l : *law) th.law.push_back(l.value<std::string>().value_or(""));
            q.themes.push_back(std::move(th));
        }
    if (const toml::array* questions = root["vraag"].as_array())
        for (const toml::node& n : *questions) {
            const toml::table& t = *n.as_table();
            ZelftestQuestion x{str(t, "id"), str(t, "thema"), str(t, "tekst"), {}, {}};
            if (const toml::array* rules = t["regels"].as_array())
                for (const toml::node& r : *rules) x.rules.push_back(r.value<std::string>().value_or(""));
            if (const toml::array* areas = t["levensgebieden"].as_array())
                for (const toml::node& a : *areas) {
                    const toml::table& at = *a.as_table();
                    x.levensgebieden.emplace_back(str(at, "id"), str(at, "naam"));
                }
            q.questions.push_back(std::move(x));
        }
    return q;
}

namespace {
std::string json_quote(std::string_view v) {
    std::string out = "\"";
    for (const char ch : v) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    return out + "\"";
}
}  // namespace

std::string zelftest_toml_as_json(const std::string& path, std::map<std::string, std::uint64_t>& lines) {
    const toml::table root = parse(path);
    // JSON text with the same structure; `lines` maps each JSON path (a.b.c) to its TOML line.
    std::function<std::string(const toml::node&, const std::string&)> conv = [&](const toml::node& n,
                                                                                 const std::string& at) -> std::string {
        lines[at] = n.source().begin.line;
        if (const toml::table* t = n.as_table()) {
            std::string out = "{";
            for (const auto& [k, v] : *t) {
                if (out.size() > 1) out += ',';
                std::string key(k.str());
                out += json_quote(key);
                out += ':';
                out += conv(v, at.empty() ? key : at + "." + key);
            }
            return out + "}";
        }
        if (const toml::array* a = n.as_array()) {
            std::string out = "[";
            std::size_t i = 0;
            for (const toml::node& v : *a) {
                if (out.size() > 1) out += ',';
                out += conv(v, at + "[" + std::to_string(i++) + "]");
            }
            return out + "]";
        }
        if (n.is_string()) return json_quote(n.as_string()->get());
        std::ostringstream ss;
        if (n.is_integer()) ss << n.as_integer()->get();
        else if (n.is_floating_point()) ss << n.as_floating_point()->get();
        else if (n.is_boolean()) ss << (n.as_boolean()->get() ? "true" : "false");
        else if (const auto* d = n.as_date()) {  // a date: as ISO text
            std::ostringstream t;
            t << d->get();
            return json_quote(t.str());
        } else {
            return "null";  // times and date-times are no answers
        }
        return ss.str();
    };
    return conv(root, "");
}

}  // namespace wmotoets
