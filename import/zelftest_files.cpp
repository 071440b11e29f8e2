#include "import/zelftest_files.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "import/event_builder.hpp"
#include "import/json_input.hpp"
#include "import/toml_files.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace wmotoets {

const ZelftestQuestions& shipped_questions() {
    static const ZelftestQuestions q =
        read_zelftest_questions(shipped_zelftest_questions(), "data/zelftest/vragen.toml");
    return q;
}

namespace {

using json = nlohmann::json;

// Checks one answer file's structure; errors name the file, the TOML line when known, and the place.
class AnswerReader {
public:
    AnswerReader(const std::string& path, const ZelftestQuestions& q, const std::map<std::string, std::uint64_t>* lines)
        : path_(path), q_(q), lines_(lines) {}

    [[noreturn]] void fail(const std::string& at, const std::string& message) const {
        std::string text = path_;
        if (lines_) {
            const auto it = lines_->find(at);
            if (it != lines_->end()) {
                text += ':';
                text += std::to_string(it->second);
            }
        }
        text += ": ";
        if (!at.empty()) {
            text += at;
            text += ": ";
        }
        text += message;
        throw Error(text);
    }

    std::string text(const json& o, const std::string& key, const std::string& at, bool required) const {
        const auto it = o.find(key);
        if (it == o.end() || it->is_null()) {
            if (required) fail(at, "'" + key + "' ontbreekt");
            return {};
        }
        if (!it->is_string()) fail(at.empty() ? key : at + "." + key, "moet tekst zijn (tussen aanhalingstekens)");
        return std::string(trim(it->get<std::string>()));
    }

    std::string answer(const json& v, const std::string& at) const {
        if (!v.is_string()) fail(at, "moet een antwoord zijn: ja, deels, nee of weet_niet");
        const std::string a = v.get<std::string>();
        if (!q_.valid_answer(a)) fail(at, "'" + a + "' is geen geldig antwoord (mogelijk: ja, deels, nee, weet_niet)");
        return a;
    }

    ZelftestAnswers read(const json& root) const {
        if (!root.is_object())
            fail("", "verwacht een object met gemeente, perspectief, ingevuld_door, datum en antwoorden");
        static const char* known[] = {"gemeente", "perspectief", "ingevuld_door", "datum", "antwoorden"};
        for (const auto& [key, value] : root.items())
            if (std::find(std::begin(known), std::end(known), key) == std::end(known))
                fail(key, "onbekende sleutel (mogelijk: gemeente, perspectief, ingevuld_door, datum, antwoorden)");
        ZelftestAnswers a;
        a.source = path_;
        a.gemeente = text(root, "gemeente", "", true);
        a.perspectief = text(root, "perspectief", "", true);
        a.ingevuld_door = text(root, "ingevuld_door", "", false);
        a.datum = text(root, "datum", "", false);
        const auto answers = root.find("antwoorden");
        if (answers == root.end()) return a;  // nothing answered yet
        if (!answers->is_object()) fail("antwoorden", "moet een object zijn met per vraag-ID een antwoord");
        std::string ids;
        for (const auto& qq : q_.questions) ids += (ids.empty() ? "" : ", ") + qq.id;
        for (const auto& [id, v] : answers->items()) {
            const std::string at = "antwoorden." + id;
            const ZelftestQuestion* question = q_.find(id);
            if (!question) fail(at, "onbekende vraag '" + id + "' (mogelijk: " + ids + ")");
            if (!v.is_object()) fail(at, "moet een object zijn met antwoord, toelichting en bron");
            ZelftestAnswer ans;
            for (const auto& [key, value] : v.items()) {
                const bool ok = key == "toelichting" || key == "bron" ||
                                (question->levensgebieden.empty() ? key == "antwoord" : key == "levensgebieden");
                if (!ok)
                    fail(at + "." + key, question->levensgebieden.empty()
                                             ? "onbekende sleutel (mogelijk: antwoord, toelichting, bron)"
                                             : "onbekende sleutel (mogelijk: levensgebieden, toelichting, bron)");
            }
            if (question->levensgebieden.empty()) {
                if (v.contains("antwoord") && !v["antwoord"].is_null())
                    ans.answer = answer(v["antwoord"], at + ".antwoord");
            } else if (v.contains("levensgebieden")) {
                const json& areas = v["levensgebieden"];
                if (!areas.is_object())
                    fail(at + ".levensgebieden", "moet een object zijn met per levensgebied een antwoord");
                for (const auto& item : areas.items()) {
                    const std::string& area = item.key();
                    const json& value = item.value();
                    const bool known_area =
                        std::any_of(question->levensgebieden.begin(), question->levensgebieden.end(),
                                    [&](const auto& p) { return p.first == area; });
                    if (!known_area) {
                        std::string list;
                        for (const auto& p : question->levensgebieden) list += (list.empty() ? "" : ", ") + p.first;
                        fail(at + ".levensgebieden." + area, "onbekend levensgebied (mogelijk: " + list + ")");
                    }
                    ans.per_area[area] = answer(value, at + ".levensgebieden." + area);
                }
            }
            ans.toelichting = text(v, "toelichting", at, false);
            ans.bron = text(v, "bron", at, false);
            a.answers[id] = std::move(ans);
        }
        return a;
    }

private:
    const std::string& path_;
    const ZelftestQuestions& q_;
    const std::map<std::string, std::uint64_t>* lines_;
};

}  // namespace

ZelftestAnswers read_zelftest_answers(const std::string& path, const ZelftestQuestions& questions) {
    const std::string lower = ascii_lower(path);
    if (lower.size() >= 5 && lower.compare(lower.size() - 5, 5, ".toml") == 0) {
        std::map<std::string, std::uint64_t> lines;
        const std::string text = zelftest_toml_as_json(path, lines);
        return AnswerReader(path, questions, &lines).read(json::parse(text));
    }
    const std::string text = read_whole_file(path);
    return AnswerReader(path, questions, nullptr).read(parse_json_input(path, text));
}

std::map<std::string, CheckFigure> read_check_figures(const std::string& path) {
    require_regular_file(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": bestand bestaat niet of is niet leesbaar");
    std::ostringstream text;
    text << in.rdbuf();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error& e) {  // nlohmann's words said in Dutch (json_syntax_message)
        throw Error(json_syntax_message(path, text.str(), e.byte, e.what()) +
                    "; verwacht de uitvoer van 'wmotoets controleer --format json'");
    } catch (const nlohmann::json::exception&) {
        throw Error(path + ": geen geldige JSON van 'wmotoets controleer --format json'");
    }
    if (!j.is_object() || !j.contains("figures") || !j["figures"].is_array())
        throw Error(path + ": geen uitvoer van 'wmotoets controleer --format json' (de lijst 'figures' ontbreekt)");
    std::map<std::string, CheckFigure> out;
    for (const auto& f : j["figures"]) {
        CheckFigure c;
        c.rule = f.value("rule", "");
        c.title = f.value("title", "");
        // An unknown severity reads as an overtreding, the strictest (as it always has).
        c.severity = severity_from_name(f.value("severity", "overtreding")).value_or(Severity::overtreding);
        c.applicable = f.value("applicable", std::size_t(0));
        c.compliant = f.value("compliant", std::size_t(0));
        c.violations = f.value("violations", std::size_t(0));
        c.unknown = f.value("unknown", std::size_t(0));
        if (f.contains("rate") && f["rate"].is_number()) c.rate = f["rate"].get<double>();
        out[c.rule] = c;
    }
    return out;
}

}  // namespace wmotoets
