#include "app/generator.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <random>
#include <string>
#include <vector>

#include "model/date.hpp"

namespace wmotoets {

namespace {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : eng_(seed) {}
    std::uint64_t below(std::uint64_t n) { return eng_() % n; }
    int between(int lo, int hi) { return lo + int(below(std::uint64_t(hi - lo + 1))); }
    bool chance(double p) { return double(eng_() >> 11) * 0x1.0p-53 < p; }

private:
    std::mt19937_64 eng_;  // its output sequence is fixed by the standard
};

struct Row {
    Date date;
    int minute = -1;  // -1: date-only
    const char* activity;
    std::string actor, role, team, org, attrs;  // attrs: values of the attribute columns, joined
};

constexpr const char* kTeams[] = {"Wijkteam Noord", "Wijkteam Zuid", "Wijkteam Oost", "Wijkteam West", "Wijkteam Centrum"};
constexpr const char* kOrgs[] = {"MEE", "Zorgbelang", "Gemeente"};
constexpr const char* kVoorzieningen[] = {"hulp_bij_het_huishouden", "begeleiding", "woningaanpassing",
                                          "scootmobiel", "dagbesteding"};
// Attribute columns, in this order: aan, gratis, onafhankelijk, kanaal, mantelzorger, voorziening, uitkomst, aanbieder
constexpr int kAttrCols = 8;

std::string attrs(std::initializer_list<std::pair<int, std::string>> kv) {
    std::vector<std::string> cols(kAttrCols);
    for (const auto& [i, v] : kv) cols[std::size_t(i)] = v;
    std::string s;
    for (int i = 0; i < kAttrCols; ++i) {
        if (i) s += ',';
        s += cols[std::size_t(i)];
    }
    return s;
}

Date workday_after(Date d, int days) {
    Date r = d + days;
    while (r.is_weekend()) r = r + 1;
    return r;
}

}  // namespace

void generate_log(std::ostream& out, const GeneratorOptions& o) {
    auto share = [&](const char* kind) {
        const auto it = o.shares.find(kind);
        return it == o.shares.end() ? 0.0 : it->second;
    };
    const double share_inf01 = share("INF-01"), share_inf02 = share("INF-02"), share_ona01 = share("ONA-01"),
                 share_pro01 = share("PRO-01");
    Rng rng(o.seed);
    const char sep = o.separator;
    std::string buf;
    buf.reserve(1 << 20);
    fmt::format_to(std::back_inserter(buf),
                   "case_id{0}timestamp{0}activity{0}actor{0}role{0}team{0}organisatie{0}aan{0}gratis{0}onafhankelijk{0}"
                   "kanaal{0}mantelzorger{0}voorziening{0}uitkomst{0}aanbieder\n",
                   sep);
    const Date first = Date::from_ymd(2023, 1, 2);
    const int span_days = 900;
    std::vector<Row> rows;
    for (std::uint64_t n = 0; n < o.dossiers; ++n) {
        rows.clear();
        const std::string team = kTeams[rng.below(5)];
        const std::string consulent = fmt::format("C{:03}", rng.below(200) + 1);
        const std::string beslisser = fmt::format("B{:03}", rng.below(40) + 1);
        const std::string admin = fmt::format("A{:03}", rng.below(30) + 1);
        const std::string ondersteuner = fmt::format("O{:03}", rng.below(150) + 1);
        const std::string ond_org = kOrgs[rng.below(3)];
        const bool mantelzorger = rng.chance(0.3);
        // Deliberate violations, each kind drawn on its own.
        const bool late_notice = rng.chance(share_inf01);
        const bool no_mantelzorger_notice = rng.chance(share_inf02) && mantelzorger;
        const bool ondersteuner_decides = rng.chance(share_ona01);
        const bool early_aanvraag = rng.chance(share_pro01);
        const bool supported = ondersteuner_decides || rng.chance(0.35);
        auto add = [&](Date d, const char* act, const std::string& actor, const char* role, const std::string& t,
                       const std::string& org, std::string a) {
            rows.push_back(Row{d, -1, act, actor, role, t, org, std::move(a)});
        };
        const Date melding = workday_after(first, int(rng.below(span_days)));
        if (rng.chance(0.3)) add(melding - 3, "vraagverheldering", consulent, "consulent", team, "Gemeente", attrs({}));
        add(melding, "melding", admin, "administratie", team, "Gemeente", attrs({{4, mantelzorger ? "ja" : "nee"}}));
        if (!rng.chance(0.04)) add(workday_after(melding, rng.between(0, 2)), "ontvangstbevestiging", admin, "administratie", team, "Gemeente", attrs({}));
        const Date gesprek = workday_after(melding, rng.between(7, 24));
        const Date notice = late_notice ? gesprek + rng.between(1, 5) : workday_after(melding, rng.between(1, 3));
        const char* aan = no_mantelzorger_notice || !mantelzorger ? "client" : "beide";
        add(notice, "informatie_clientondersteuning", consulent, "consulent", team, "Gemeente",
            attrs({{0, aan}, {1, rng.chance(0.96) ? "ja" : "nee"}, {2, rng.chance(0.9) ? "ja" : "nee"},
                   {3, rng.chance(0.7) ? "brief" : "mondeling"}}));
        add(workday_after(melding, rng.between(1, 3)), "informatie_persoonlijk_plan", consulent, "consulent", team, "Gemeente", attrs({}));
        if (supported) {
            const Date asked = workday_after(melding, rng.between(2, 5));
            add(asked, "clientondersteuning_gevraagd", "", "client", "", "", attrs({}));
            add(workday_after(asked, rng.between(1, 9)), "ondersteuner_toegewezen", ondersteuner, "ondersteuner", team, ond_org, attrs({}));
        }
        add(gesprek, "gesprek", consulent, "consulent", team, "Gemeente", attrs({}));
        const Date verslag = workday_after(gesprek, rng.between(4, rng.chance(0.1) ? 40 : 18));
        Date aanvraag = workday_after(verslag, rng.between(1, 6));
        if (early_aanvraag) aanvraag = workday_after(melding, rng.between(3, 6));  // before the onderzoek is done
        add(verslag, "verslag", consulent, "consulent", team, "Gemeente", attrs({}));
        Date ready = std::max(aanvraag, verslag);  // the besluit follows the aanvraag and the reactie
        if (rng.chance(0.7)) {
            const Date reactie = workday_after(verslag, rng.between(1, 5));
            add(reactie, "verslag_reactie", "", "client", "", "", attrs({}));
            ready = std::max(ready, reactie);
        }
        add(aanvraag, "aanvraag", "", "client", "", "", attrs({}));
        const Date besluit = workday_after(ready, rng.between(3, rng.chance(0.1) ? 25 : 13));
        const std::string& who_decides = ondersteuner_decides ? ondersteuner : beslisser;
        const char* uitkomst = rng.chance(0.75) ? "toegekend" : (rng.chance(0.5) ? "deels" : "afgewezen");
        add(besluit, "besluit", who_decides, "beslisser", team, "Gemeente",
            attrs({{5, kVoorzieningen[rng.below(5)]}, {6, uitkomst}, {7, rng.chance(0.5) ? "Thuiszorg West" : "Zorggroep Oost"}}));
        Date end = besluit;
        if (rng.chance(0.08)) {
            const Date bezwaar = workday_after(besluit, rng.between(10, 45));
            add(bezwaar, "bezwaar", "", "client", "", "", attrs({}));
            if (rng.chance(0.85)) add(workday_after(bezwaar, rng.between(14, 35)), "hoorzitting", "J01", "jurist", "Juridische zaken", "Gemeente", attrs({}));
            end = workday_after(bezwaar, rng.between(40, 90));
            const std::string jurist_beslisser = fmt::format("B{:03}", rng.below(40) + 1);
            const char* bob_uitkomst = rng.chance(0.7) ? "ongegrond" : "gegrond";
            add(end, "besluit_op_bezwaar", jurist_beslisser, "beslisser", "Juridische zaken", "Gemeente",
                attrs({{6, bob_uitkomst}}));
        }
        add(workday_after(end, rng.between(1, 10)), "afsluiting", admin, "administratie", team, "Gemeente", attrs({}));

        std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.date < b.date; });
        // A few percent date-only rows, and a few rows written out of order.
        // Times rise within a day, in the order the steps were made; a few percent are date-only.
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const bool same_day = i > 0 && rows[i].date == rows[i - 1].date && rows[i - 1].minute >= 0;
            rows[i].minute = same_day ? rows[i - 1].minute + 5 + int(rng.below(60)) : 8 * 60 + int(rng.below(5 * 60));
            if (rng.chance(0.03)) rows[i].minute = -1;
        }
        for (std::size_t i = 1; i < rows.size(); ++i)
            if (rng.chance(0.02) && rows[i].date != rows[i - 1].date) std::swap(rows[i], rows[i - 1]);
        const std::string id = fmt::format("G{:07}", n + 1);
        for (const Row& r : rows) {
            std::string attr_text = r.attrs;
            if (sep != ',') std::replace(attr_text.begin(), attr_text.end(), ',', sep);
            const std::string ts = r.minute < 0 ? r.date.iso()
                                                : fmt::format("{}T{:02}:{:02}:00", r.date.iso(), r.minute / 60, r.minute % 60);
            fmt::format_to(std::back_inserter(buf), "{1}{0}{2}{0}{3}{0}{4}{0}{5}{0}{6}{0}{7}{0}{8}\n", sep, id, ts,
                           r.activity, r.actor, r.role, r.team, r.org, attr_text);
        }
        if (buf.size() > (1 << 20) - 4096) {
            out.write(buf.data(), std::streamsize(buf.size()));
            buf.clear();
        }
    }
    out.write(buf.data(), std::streamsize(buf.size()));
}

}  // namespace wmotoets
