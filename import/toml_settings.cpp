// The settings file (--instellingen) and lists of equated days.
#include "import/toml_files.hpp"

#include <filesystem>
#include <optional>
#include <vector>

#include "import/toml_common.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace wmotoets {

using namespace toml_files;

void read_equated_days_file(const std::string& path, Calendar& calendar) {
    calendar.load_equated_days(read_text(path), path);
}

namespace {

void read_zelftest_section(const std::string& path, const toml::table& root, Settings& s) {
    const toml::table* t = section(path, root, "zelftest", "[zelftest]");
    if (!t) return;
    only_known_keys(path, *t, {"drempel"}, "[zelftest]");
    if (const toml::node* v = t->get("drempel")) {
        const auto x = v->value<double>();
        if (!x || *x < 0 || *x > 100)
            throw Error(where(path, *v) + ": drempel moet een percentage van 0 tot en met 100 zijn");
        s.zelftest_drempel_procent = *x;
    }
}

void read_terms_section(const std::string& path, const toml::table& root, Settings& s) {
    const toml::table* t = section(path, root, "termijnen", "[termijnen]");
    if (!t) return;
    only_known_keys(path, *t, {"andere_ondersteuner_dagen", "wachttijd_ondersteuner_dagen"}, "[termijnen]");
    if (const toml::node* v = t->get("andere_ondersteuner_dagen"))
        s.andere_ondersteuner_dagen = days_value(path, *v, "andere_ondersteuner_dagen");
    if (const toml::node* v = t->get("wachttijd_ondersteuner_dagen"))
        s.wachttijd_ondersteuner_dagen = days_value(path, *v, "wachttijd_ondersteuner_dagen");
}

void read_publication_section(const std::string& path, const toml::table& root, Settings& s) {
    const toml::table* t = section(path, root, "publicatie", "[publicatie]");
    if (!t) return;
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

// [rapport]: what the report is called, for whom and by whom (one line of text each).
void read_report_section(const std::string& path, const toml::table& root, Settings& s) {
    const toml::table* t = section(path, root, "rapport", "[rapport]");
    if (!t) return;
    only_known_keys(path, *t, {"titel", "organisatie", "auteur"}, "[rapport]");
    for (const auto& [key, into] :
         {std::pair{"titel", &s.rapport_titel}, std::pair{"organisatie", &s.rapport_organisatie},
          std::pair{"auteur", &s.rapport_auteur}})
        if (const toml::node* v = t->get(key)) {
            const auto x = v->value<std::string>();
            if (!x || x->empty() || x->size() > 200 || needs_showing(*x))
                throw Error(where(path, *v) + ": " + key +
                            " moet een tekst van één regel zijn (hoogstens 200 tekens, geen stuurtekens)");
            *into = *x;
        }
}

void read_equated_days(const std::string& path, const toml::node& v, Calendar& cal) {
    const toml::array* days = v.as_array();
    if (!days) throw Error(where(path, v) + ": gelijkgestelde_dagen moet een lijst van datums zijn");
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

void read_holiday_files(const std::string& path, const toml::node& v, Calendar& cal) {
    std::vector<const toml::node*> files;
    if (const toml::array* list = v.as_array())
        for (const toml::node& f : *list) files.push_back(&f);
    else files.push_back(&v);
    for (const toml::node* f : files) {
        const auto name = f->value<std::string>();
        if (!f->is_string() || !name) throw Error(where(path, *f) + ": feestdagen: verwacht een bestandsnaam");
        std::filesystem::path file(*name);
        if (file.is_relative()) file = std::filesystem::path(path).parent_path() / file;
        read_equated_days_file(file.string(), cal);
    }
}

void read_calendar_section(const std::string& path, const toml::table& root, Calendar& cal) {
    const toml::table* t = section(path, root, "kalender", "[kalender]");
    if (!t) return;
    only_known_keys(path, *t, {"gelijkgestelde_dagen", "feestdagen"}, "[kalender]");
    if (const toml::node* v = t->get("gelijkgestelde_dagen")) read_equated_days(path, *v, cal);
    if (const toml::node* v = t->get("feestdagen")) read_holiday_files(path, *v, cal);
}

}  // namespace

void read_settings_file(const std::string& path, Settings& settings, Calendar& calendar) {
    const toml::table root = parse(path);
    only_known_keys(path, root, {"termijnen", "kalender", "publicatie", "zelftest", "rapport"},
                    "het instellingenbestand");
    Settings s = settings;
    Calendar cal = calendar;  // applied only when the whole file is good
    read_zelftest_section(path, root, s);
    read_terms_section(path, root, s);
    read_publication_section(path, root, s);
    read_report_section(path, root, s);
    read_calendar_section(path, root, cal);
    settings = s;
    calendar = std::move(cal);
}

}  // namespace wmotoets
