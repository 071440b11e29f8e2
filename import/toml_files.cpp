// The only translation unit that includes toml++.
#include "import/toml_files.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include <cstdio>
#include <functional>
#include <map>

#include "import/zelftest_files.hpp"

#include "model/error.hpp"
#include "model/text.hpp"

namespace wmotoets {

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": bestand bestaat niet of is niet leesbaar");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

toml::table parse(const std::string& path) {
    const std::string text = read_text(path);
    try {
        return toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        throw Error(path + ":" + std::to_string(e.source().begin.line) + ": geen geldige TOML: " +
                    std::string(e.description()));
    }
}

std::string where(const std::string& path, const toml::node& n) {
    return path + ":" + std::to_string(n.source().begin.line);
}

// Refuses keys that are not in `known` (a typo must not silently do nothing).
void only_known_keys(const std::string& path, const toml::table& t, std::initializer_list<std::string_view> known,
                     std::string_view what) {
    for (const auto& [key, node] : t) {
        bool ok = false;
        for (std::string_view k : known) ok = ok || key.str() == k;
        if (!ok) {
            std::string list;
            for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
            throw Error(where(path, node) + ": onbekende sleutel '" + std::string(key.str()) + "' in " + std::string(what) +
                        " (mogelijk: " + list + ")");
        }
    }
}

int days_value(const std::string& path, const toml::node& n, std::string_view key) {
    const auto v = n.value<std::int64_t>();
    if (!n.is_integer() || !v || *v < 0 || *v > 3650)
        throw Error(where(path, n) + ": " + std::string(key) + " moet een geheel aantal dagen zijn (0 tot en met 3650)");
    return int(*v);
}

}  // namespace

void read_equated_days_file(const std::string& path, Calendar& calendar) {
    calendar.load_equated_days(read_text(path), path);
}

void read_settings_file(const std::string& path, Settings& settings, Calendar& calendar) {
    const toml::table root = parse(path);
    only_known_keys(path, root, {"termijnen", "kalender", "publicatie", "zelftest"}, "het instellingenbestand");
    Settings s = settings;
    Calendar cal = calendar;  // applied only when the whole file is good
    if (const toml::node* n = root.get("zelftest")) {
        const toml::table* t = n->as_table();
        if (!t) throw Error(where(path, *n) + ": [zelftest] moet een tabel zijn");
        only_known_keys(path, *t, {"drempel"}, "[zelftest]");
        if (const toml::node* v = t->get("drempel")) {
            const auto x = v->value<double>();
            if (!x || *x < 0 || *x > 100) throw Error(where(path, *v) + ": drempel moet een percentage van 0 tot en met 100 zijn");
            s.zelftest_drempel_procent = *x;
        }
    }
    if (const toml::node* n = root.get("termijnen")) {
        const toml::table* t = n->as_table();
        if (!t) throw Error(where(path, *n) + ": [termijnen] moet een tabel zijn");
        only_known_keys(path, *t, {"andere_ondersteuner_dagen", "wachttijd_ondersteuner_dagen"}, "[termijnen]");
        if (const toml::node* v = t->get("andere_ondersteuner_dagen"))
            s.andere_ondersteuner_dagen = days_value(path, *v, "andere_ondersteuner_dagen");
        if (const toml::node* v = t->get("wachttijd_ondersteuner_dagen"))
            s.wachttijd_ondersteuner_dagen = days_value(path, *v, "wachttijd_ondersteuner_dagen");
    }
    if (const toml::node* n = root.get("publicatie")) {
        const toml::table* t = n->as_table();
        if (!t) throw Error(where(path, *n) + ": [publicatie] moet een tabel zijn");
        only_known_keys(path, *t, {"drempel", "afronding"}, "[publicatie]");
        auto positive = [&](const toml::node& v, std::string_view key) {
            const auto x = v.value<std::int64_t>();
            if (!v.is_integer() || !x || *x < 1 || *x > 1000)
                throw Error(where(path, v) + ": " + std::string(key) + " moet een geheel getal van 1 tot en met 1000 zijn");
            return int(*x);
        };
        if (const toml::node* v = t->get("drempel")) s.publicatie_drempel = positive(*v, "drempel");
        if (const toml::node* v = t->get("afronding")) s.publicatie_afronding = positive(*v, "afronding");
    }
    if (const toml::node* n = root.get("kalender")) {
        const toml::table* t = n->as_table();
        if (!t) throw Error(where(path, *n) + ": [kalender] moet een tabel zijn");
        only_known_keys(path, *t, {"gelijkgestelde_dagen", "feestdagen"}, "[kalender]");
        if (const toml::node* v = t->get("gelijkgestelde_dagen")) {
            const toml::array* days = v->as_array();
            if (!days) throw Error(where(path, *v) + ": gelijkgestelde_dagen moet een lijst van datums zijn");
            for (const toml::node& d : *days) {
                std::optional<Date> date;
                if (const auto* td = d.as_date()) {
                    const toml::date x = td->get();
                    if (valid_ymd(x.year, x.month, x.day)) date = Date::from_ymd(x.year, x.month, x.day);
                } else if (const auto* ts = d.as_string()) {
                    date = parse_iso_date(ts->get());
                }
                if (!date) throw Error(where(path, d) + ": gelijkgestelde_dagen: verwacht een datum JJJJ-MM-DD");
                cal.add_equated_day(*date, "uit " + std::filesystem::path(path).filename().string());
            }
        }
        if (const toml::node* v = t->get("feestdagen")) {
            std::vector<const toml::node*> files;
            if (const toml::array* list = v->as_array())
                for (const toml::node& f : *list) files.push_back(&f);
            else
                files.push_back(v);
            for (const toml::node* f : files) {
                const auto name = f->value<std::string>();
                if (!f->is_string() || !name) throw Error(where(path, *f) + ": feestdagen: verwacht een bestandsnaam");
                std::filesystem::path file(*name);
                if (file.is_relative()) file = std::filesystem::path(path).parent_path() / file;
                read_equated_days_file(file.string(), cal);
            }
        }
    }
    settings = s;
    calendar = std::move(cal);
}

std::vector<LocalRuleSpec> read_local_rules_file(const std::string& path) {
    const toml::table root = parse(path);
    only_known_keys(path, root, {"regel"}, "het regelbestand (alleen [[regel]]-tabellen)");
    const toml::node* list = root.get("regel");
    if (!list) throw Error(path + ":1: geen enkele [[regel]] gevonden");
    const toml::array* rules = list->as_array();
    if (!rules) throw Error(where(path, *list) + ": 'regel' moet een lijst van [[regel]]-tabellen zijn");
    std::vector<LocalRuleSpec> out;
    std::set<std::string> ids;
    for (const toml::node& node : *rules) {
        const toml::table* t = node.as_table();
        if (!t) throw Error(where(path, node) + ": elke regel moet een [[regel]]-tabel zijn");
        const std::string at = where(path, node);
        only_known_keys(path, *t, {"id", "titel", "ernst", "grondslag", "uitleg", "sjabloon", "a", "b", "binnen_dagen"},
                        "[[regel]]");
        auto text = [&](std::string_view key, bool required) -> std::string {
            const toml::node* v = t->get(key);
            if (!v) {
                if (required) throw Error(at + ": [[regel]] mist '" + std::string(key) + "'");
                return {};
            }
            const auto s = v->value<std::string>();
            if (!v->is_string() || !s || trim(*s).empty())
                throw Error(where(path, *v) + ": '" + std::string(key) + "' moet een niet-lege tekst zijn");
            return std::string(trim(*s));
        };
        LocalRuleSpec r;
        r.source = at;
        r.id = text("id", true);
        const std::string id_at = where(path, *t->get("id"));
        if (r.id.rfind("LOK-", 0) != 0 || r.id.size() < 5)
            throw Error(id_at + ": id '" + r.id + "' moet met LOK- beginnen (bijv. LOK-01); andere voorvoegsels zijn van het regelboek");
        for (char c : r.id)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
                throw Error(id_at + ": id '" + r.id + "' mag alleen letters, cijfers, - en _ bevatten");
        if (!ids.insert(r.id).second) throw Error(id_at + ": id '" + r.id + "' komt twee keer voor");
        r.titel = text("titel", true);
        r.ernst = text("ernst", true);
        if (r.ernst != "overtreding" && r.ernst != "aandachtspunt" && r.ernst != "signaal")
            throw Error(where(path, *t->get("ernst")) + ": ernst '" + r.ernst + "' onbekend (overtreding, aandachtspunt of signaal)");
        r.grondslag = text("grondslag", true);
        r.uitleg = text("uitleg", false);
        const std::string sjabloon = text("sjabloon", true);
        const std::string sj_at = where(path, *t->get("sjabloon"));
        if (sjabloon == "voorafgaand") r.sjabloon = LocalTemplate::voorafgaand;
        else if (sjabloon == "gevolgd_door") r.sjabloon = LocalTemplate::gevolgd_door;
        else if (sjabloon == "vier_ogen") r.sjabloon = LocalTemplate::vier_ogen;
        else if (sjabloon == "verplicht") r.sjabloon = LocalTemplate::verplicht;
        else if (sjabloon == "verboden") r.sjabloon = LocalTemplate::verboden;
        else
            throw Error(sj_at + ": onbekend sjabloon '" + sjabloon +
                        "' (voorafgaand, gevolgd_door, vier_ogen, verplicht of verboden)");
        const bool needs_b = r.sjabloon == LocalTemplate::voorafgaand || r.sjabloon == LocalTemplate::gevolgd_door ||
                             r.sjabloon == LocalTemplate::vier_ogen;
        r.a = text("a", true);
        if (needs_b) r.b = text("b", true);
        else if (t->get("b")) throw Error(where(path, *t->get("b")) + ": sjabloon " + sjabloon + " kent geen 'b'");
        if (const toml::node* v = t->get("binnen_dagen")) {
            if (r.sjabloon != LocalTemplate::gevolgd_door)
                throw Error(where(path, *v) + ": binnen_dagen hoort alleen bij sjabloon gevolgd_door");
            r.binnen_dagen = days_value(path, *v, "binnen_dagen");
        }
        out.push_back(std::move(r));
    }
    return out;
}

Mapping read_mapping_file(const std::string& path) {
    const toml::table root = parse(path);
    only_known_keys(path, root, {"kolommen", "activiteiten", "rollen", "waarden", "onbekende_activiteiten", "zgw"},
                    "het mappingbestand");
    Mapping m;
    m.path = path;
    auto table = [&](std::string_view name) -> const toml::table* {
        const toml::node* n = root.get(name);
        if (!n) return nullptr;
        if (!n->is_table()) throw Error(where(path, *n) + ": [" + std::string(name) + "] moet een tabel zijn");
        return n->as_table();
    };
    auto text = [&](const toml::node& n, const std::string& what) {
        const auto v = n.value<std::string>();
        if (!n.is_string() || !v || trim(*v).empty())
            throw Error(where(path, n) + ": " + what + " moet een niet-lege tekst zijn (tussen aanhalingstekens)");
        return std::string(trim(*v));
    };
    static constexpr std::string_view kRoles[] = {"ondersteuner", "consulent", "beslisser", "client",
                                                  "mantelzorger", "vertegenwoordiger", "jurist", "administratie"};
    auto canonical_activity = [&](const toml::node& node, const std::string& what) {
        const std::string target = text(node, what);
        const std::optional<Activity> a = activity_from_folded(fold_label(target));
        if (!a) {
            std::string list;
            for (int i = 0; i < kCanonicalActivityCount; ++i)
                list += (list.empty() ? "" : ", ") + std::string(activity_name(static_cast<Activity>(i)));
            throw Error(where(path, node) + ": '" + target + "' is geen canonieke activiteit (mogelijk: " + list + ")");
        }
        return *a;
    };
    auto canonical_role = [&](const toml::node& node, const std::string& what) {
        const std::string target = fold_label(text(node, what));
        bool ok = false;
        for (std::string_view r : kRoles) ok = ok || r == target;
        if (!ok)
            throw Error(where(path, node) + ": '" + target +
                        "' is geen canonieke rol (mogelijk: ondersteuner, consulent, beslisser, client, mantelzorger, "
                        "vertegenwoordiger, jurist, administratie)");
        return target;
    };
    if (const toml::table* t = table("kolommen")) {
        for (const auto& [key, node] : *t) {
            const std::string canonical = ascii_lower(trim(key.str()));
            m.columns[canonical] = {text(node, "kolommen." + std::string(key.str())), node.source().begin.line};
        }
    }
    if (const toml::table* t = table("activiteiten")) {
        for (const auto& [key, node] : *t) {
            m.activities[std::string(key.str())] = canonical_activity(node, "activiteiten.\"" + std::string(key.str()) + "\"");
        }
    }
    if (const toml::table* t = table("rollen")) {
        for (const auto& [key, node] : *t) {
            m.roles[std::string(key.str())] = canonical_role(node, "rollen.\"" + std::string(key.str()) + "\"");
        }
    }
    if (const toml::table* t = table("waarden")) {
        for (const auto& [attr, node] : *t) {
            const toml::table* vt = node.as_table();
            if (!vt) throw Error(where(path, node) + ": [waarden." + std::string(attr.str()) + "] moet een tabel zijn");
            auto& values = m.values[ascii_lower(trim(attr.str()))];
            for (const auto& [key, v] : *vt)
                values[std::string(key.str())] = text(v, "waarden." + std::string(attr.str()) + ".\"" + std::string(key.str()) + "\"");
        }
    }
    if (const toml::table* z = table("zgw")) {
        only_known_keys(path, *z, {"statustypen", "roltypen", "klantcontacten"}, "[zgw]");
        auto sub = [&](std::string_view name) -> const toml::table* {
            const toml::node* n = z->get(name);
            if (!n) return nullptr;
            if (!n->is_table()) throw Error(where(path, *n) + ": [zgw." + std::string(name) + "] moet een tabel zijn");
            return n->as_table();
        };
        if (const toml::table* t = sub("statustypen"))
            for (const auto& [key, node] : *t)
                m.zgw_statustypen[std::string(key.str())] =
                    canonical_activity(node, "zgw.statustypen.\"" + std::string(key.str()) + "\"");
        if (const toml::table* t = sub("klantcontacten"))
            for (const auto& [key, node] : *t)
                m.zgw_klantcontacten[std::string(key.str())] =
                    canonical_activity(node, "zgw.klantcontacten.\"" + std::string(key.str()) + "\"");
        if (const toml::table* t = sub("roltypen"))
            for (const auto& [key, node] : *t) {
                const std::string what = "zgw.roltypen.\"" + std::string(key.str()) + "\"";
                const toml::table* rt = node.as_table();
                if (!rt)
                    throw Error(where(path, node) + ": " + what +
                                " moet een tabel zijn, bijv. { activiteit = \"ondersteuner_toegewezen\", rol = \"ondersteuner\" }");
                only_known_keys(path, *rt, {"activiteit", "rol"}, what);
                const toml::node* act = rt->get("activiteit");
                if (!act) throw Error(where(path, node) + ": " + what + " mist 'activiteit'");
                Mapping::RolType r{canonical_activity(*act, what + ".activiteit"), {}};
                if (const toml::node* role = rt->get("rol")) r.role = canonical_role(*role, what + ".rol");
                m.zgw_roltypen[std::string(key.str())] = r;
            }
    }
    if (const toml::node* n = root.get("onbekende_activiteiten")) {
        const std::string v = text(*n, "onbekende_activiteiten");
        if (v == "behouden") m.keep_unknown = true;
        else if (v == "weigeren") m.keep_unknown = false;
        else throw Error(where(path, *n) + ": onbekende_activiteiten moet \"behouden\" of \"weigeren\" zijn, niet '" + v + "'");
    }
    return m;
}

ZelftestQuestions read_zelftest_questions(std::string_view text, const std::string& source) {
    toml::table root;
    try {
        root = toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        throw Error(source + ":" + std::to_string(e.source().begin.line) + ": geen geldige TOML: " + std::string(e.description()));
    }
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
            ZelftestQuestion x{str(t, "id"), str(t, "thema"), str(t, "tekst"), {}};
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
