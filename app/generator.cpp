#include "app/generator.hpp"

#include <algorithm>
#include <cstdlib>
#include <array>
#include <fmt/format.h>
#include <random>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/error.hpp"
#include "workflow/rule.hpp"

namespace wmotoets {

std::map<std::string, double> default_generator_shares() {
    std::map<std::string, double> out;
    for (const ViolationRecipe& r : violation_recipes()) out.emplace(r.rule, r.share);
    return out;
}

std::vector<std::string> rules_without_recipe() {
    std::vector<std::string> out;
    for (const Rule* r : all_rules()) {
        const auto& recipes = violation_recipes();
        if (std::none_of(recipes.begin(), recipes.end(), [&](const ViolationRecipe& v) { return v.rule == r->info().id; }))
            out.emplace_back(r->info().id);
    }
    return out;
}

void set_generator_share(GeneratorOptions& o, const std::string& kv) {
    const auto eq = kv.find('=');
    const std::string kind = kv.substr(0, eq);
    if (eq == std::string::npos || !o.shares.count(kind))
        throw Error("--aandeel '" + kv + "': verwacht REGEL=AANDEEL met REGEL een ingebouwde regel, bijv. TRM-01=0.1");
    char* end = nullptr;
    const double v = std::strtod(kv.c_str() + eq + 1, &end);
    if (*end != '\0' || end == kv.c_str() + eq + 1 || v < 0 || v > 1)
        throw Error("--aandeel '" + kv + "': het aandeel moet een getal van 0 tot en met 1 zijn");
    o.shares[kind] = v;
}

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

// The attribute columns, in output order.
enum Col { aan, gratis, onafhankelijk, kanaal, mantelzorger, voorziening, uitkomst, aanbieder, bedrag,
           adviescommissie, verzonden, geen_hoorzitting_reden, tot, kCols };
constexpr const char* kColNames[kCols] = {"aan", "gratis", "onafhankelijk", "kanaal", "mantelzorger", "voorziening",
                                          "uitkomst", "aanbieder", "bedrag", "adviescommissie", "verzonden",
                                          "geen_hoorzitting_reden", "tot"};
using Attrs = std::array<std::string, kCols>;

struct Row {
    Date date;
    int seq = 0;      // order of the steps within the dossier
    int minute = -1;  // -1: date-only
    std::string activity, actor, role, team, org;
    Attrs attrs;
};

constexpr const char* kTeams[] = {"Wijkteam Noord", "Wijkteam Zuid", "Wijkteam Oost", "Wijkteam West", "Wijkteam Centrum"};
constexpr const char* kOrgs[] = {"MEE", "Zorgbelang", "Gemeente"};
constexpr const char* kAanbieders[] = {"Thuiszorg West", "Zorggroep Oost"};
constexpr const char* kVoorzieningen[] = {"hulp_bij_het_huishouden", "begeleiding", "woningaanpassing", "scootmobiel",
                                          "dagbesteding"};

Date workday_after(Date d, int days) {
    Date r = d + days;
    while (r.is_weekend()) r = r + 1;
    return r;
}

}  // namespace

void generate_log(std::ostream& out, const GeneratorOptions& o) {
    // The share of every recipe, by its place in the table (a rule the options leave out: 0).
    std::array<double, kRecipeCount> s{};
    for (std::size_t i = 0; i < kRecipeCount; ++i) {
        const auto it = o.shares.find(std::string(violation_recipes()[i].rule));
        s[i] = it == o.shares.end() ? 0.0 : it->second;
    }
    Rng rng(o.seed);
    const char sep = o.separator;
    std::string buf;
    buf.reserve(1 << 20);
    buf += fmt::format("case_id{0}timestamp{0}activity{0}actor{0}role{0}team{0}organisatie", sep);
    for (const char* c : kColNames) buf += fmt::format("{}{}", sep, c);
    buf += '\n';
    const Date first = Date::from_ymd(2023, 1, 2);
    const int span_days = 960;
    const Date cut = first + span_days;  // the log was exported on this day: later steps have not happened yet
    std::vector<Row> rows;
    for (std::uint64_t n = 0; n < o.dossiers; ++n) {
        rows.clear();
        int seq = 0;
        auto add = [&](Date d, const char* act, const std::string& actor, const char* role, const std::string& team,
                       const std::string& org, Attrs a = {}) -> Row& {
            rows.push_back(Row{d, seq++, -1, act, actor, role, team, org, std::move(a)});
            return rows.back();
        };
        const std::string team = kTeams[rng.below(5)];
        const std::string consulent = fmt::format("C{:03}", rng.below(200) + 1);
        const std::string beslisser = fmt::format("B{:03}", rng.below(40) + 1);
        const std::string admin = fmt::format("A{:03}", rng.below(30) + 1);
        const std::string ondersteuner = fmt::format("O{:03}", rng.below(150) + 1);
        std::string ond_org = kOrgs[rng.below(3)];
        const bool has_mantelzorger = rng.chance(0.3);
        const bool own_labels = rng.chance(o.eigen_labels);
        if (own_labels && rng.chance(0.1)) {  // a dossier only in the municipality's own words
            const Date d = workday_after(first, int(rng.below(span_days)));
            add(d, "Dossier aangemaakt", admin, "administratie", team, "Gemeente");
            add(workday_after(d, 2), "Notitie toegevoegd", consulent, "consulent", team, "Gemeente");
        } else {
            // Deliberate violations, each kind drawn on its own.
            auto v = [&](Recipe kind) { return rng.chance(s[static_cast<std::size_t>(kind)]); };
            const bool late_notice = v(Recipe::inf_01), no_mz_notice = v(Recipe::inf_02) && has_mantelzorger;
            const bool notice_not_free = v(Recipe::inf_03), notice_not_independent = v(Recipe::inf_04);
            const bool no_pp_info = v(Recipe::inf_05), early_gesprek = v(Recipe::inf_06);
            const bool ond_decides = v(Recipe::ona_01), ond_consults = v(Recipe::ona_02), same_team = v(Recipe::ona_03);
            const bool ond_at_provider = v(Recipe::ona_05);
            const bool slow_support = v(Recipe::toe_03);
            const bool late_verslag = v(Recipe::trm_01), late_besluit = v(Recipe::trm_02);
            const bool early_aanvraag = v(Recipe::pro_01), no_verslag = v(Recipe::pro_02), no_gesprek = v(Recipe::pro_03) && !no_verslag;
            const bool no_reactie = v(Recipe::pro_04), no_bevestiging = v(Recipe::pro_06);
            const bool supported = ond_decides || ond_consults || ond_at_provider || rng.chance(0.35);
            if (ond_at_provider) ond_org = kAanbieders[rng.below(2)];

            const Date melding = workday_after(first, int(rng.below(span_days)));
            if (rng.chance(0.3)) add(melding - 3, "vraagverheldering", consulent, "consulent", team, "Gemeente");
            Attrs ma;
            ma[mantelzorger] = has_mantelzorger ? "ja" : "nee";
            add(melding, "melding", admin, "administratie", team, "Gemeente", ma);
            // The onderzoek: the first gesprek normally a week or more after the melding.
            const bool pp_handed_in = rng.chance(0.1) || (rng.chance(0.03) && !early_gesprek);
            const int gesprek_after = early_gesprek || pp_handed_in ? rng.between(2, 6) : rng.between(7, 24);
            const Date gesprek = melding + gesprek_after;
            auto early = [&](int lo) { return melding + std::min(gesprek_after - 1, rng.between(lo, 3)); };
            if (!no_bevestiging) add(early(0), "ontvangstbevestiging", admin, "administratie", team, "Gemeente");
            Attrs na;
            na[aan] = no_mz_notice || !has_mantelzorger ? "client" : "beide";
            na[gratis] = notice_not_free ? "nee" : rng.chance(0.02) ? "" : "ja";
            na[onafhankelijk] = notice_not_independent ? "nee" : rng.chance(0.03) ? "" : "ja";
            na[kanaal] = rng.chance(0.7) ? "brief" : "mondeling";
            add(late_notice ? gesprek + rng.between(1, 5) : early(1), "informatie_clientondersteuning", consulent, "consulent",
                team, "Gemeente", na);
            if (!no_pp_info) add(early(1), "informatie_persoonlijk_plan", consulent, "consulent", team, "Gemeente");
            if (pp_handed_in) add(early(1), "persoonlijk_plan", "", "client", "", "");
            Date last_step = melding;
            if (supported) {
                const Date asked = melding + rng.between(1, 5);
                add(asked, "clientondersteuning_gevraagd", "", "client", "", "");
                if (rng.chance(0.03) && !ond_decides && !ond_consults && !ond_at_provider) {
                    add(asked + rng.between(1, 10), "clientondersteuning_afgezien", "", "client", "", "");
                } else {
                    const Date assigned = asked + (slow_support ? rng.between(15, 30) : rng.between(1, 13));
                    add(assigned, "ondersteuner_toegewezen", ondersteuner, "ondersteuner", team, ond_org);
                    if (rng.chance(0.03)) {  // the client asks for another ondersteuner
                        const Date req = assigned + rng.between(3, 20);
                        add(req, "andere_ondersteuner_verzocht", "", "client", "", "");
                        if (v(Recipe::ona_04)) {
                            const int how = int(rng.below(3));
                            if (how == 0) add(req + rng.between(1, 10), "andere_ondersteuner_geweigerd", consulent, "consulent", team, "Gemeente");
                            else if (how == 1) add(req + rng.between(1, 10), "ondersteuner_toegewezen", ondersteuner, "ondersteuner", team, ond_org);
                            else add(req + rng.between(15, 30), "ondersteuner_toegewezen", fmt::format("O{:03}", 151 + rng.below(50)), "ondersteuner", team, ond_org);
                        } else {
                            add(req + rng.between(1, 14), "ondersteuner_toegewezen",
                                rng.chance(0.05) ? std::string() : fmt::format("O{:03}", 151 + rng.below(50)), "ondersteuner",
                                team, ond_org);
                        }
                    }
                }
            }
            const std::string& gesprek_actor = ond_consults ? ondersteuner : consulent;
            if (!no_gesprek) add(gesprek, "gesprek", gesprek_actor, "consulent", team, "Gemeente");
            // Withdrawn during the onderzoek, within the six weeks.
            if (rng.chance(0.02)) {
                add(gesprek + rng.between(1, 10), "intrekking", "", "client", "", "");
            } else {
                const Date verslag = late_verslag ? melding + rng.between(50, 70) : gesprek + rng.between(4, std::max(4, 38 - gesprek_after));
                if (!no_verslag) add(verslag, "verslag", gesprek_actor, "consulent", team, "Gemeente");
                Date ready = no_verslag ? melding + rng.between(45, 55) : verslag;
                if (!no_reactie && !no_verslag) {
                    ready = ready + rng.between(1, 5);
                    add(ready, "verslag_reactie", "", "client", "", "");
                }
                const Date aanvraag = early_aanvraag ? melding + std::min(gesprek_after + 1, 20) : ready + rng.between(1, 6);
                add(aanvraag, "aanvraag", "", "client", "", "");
                int suspended = 0;
                const bool aanvraag_withdrawn = rng.chance(0.01);
                if (!aanvraag_withdrawn && rng.chance(0.05)) {  // the applicant is asked to supplement
                    const Date start = aanvraag + rng.between(1, 5), end = start + rng.between(3, 10);
                    add(start, "opschorting_start", consulent, "consulent", team, "Gemeente");
                    add(end, "opschorting_einde", consulent, "consulent", team, "Gemeente");
                    suspended = end - start - 1;
                }
                if (!aanvraag_withdrawn && rng.chance(0.02)) add(aanvraag + rng.between(3, 10), "verdaging", consulent, "consulent", team, "Gemeente");
                if (aanvraag_withdrawn) {
                    add(aanvraag + rng.between(1, 12), "intrekking", "", "client", "", "");
                } else {
                    const Date besluit = std::max(aanvraag + suspended + (late_besluit ? rng.between(20, 40) : rng.between(3, 13)),
                                                  rows.back().date);
                    Attrs ba;
                    const bool about_support = supported && v(Recipe::toe_02);
                    ba[voorziening] = about_support ? "clientondersteuning" : kVoorzieningen[rng.below(5)];
                    ba[uitkomst] = ond_at_provider || rng.chance(0.75) ? "toegekend" : (rng.chance(0.5) ? "deels" : "afgewezen");
                    ba[aanbieder] = ond_at_provider ? ond_org : kAanbieders[rng.below(2)];
                    add(besluit, "besluit", ond_decides ? ondersteuner : beslisser, "beslisser",
                        same_team ? team : (rng.chance(0.1) ? "" : "Team Wmo-besluiten"), "Gemeente", ba);
                    last_step = besluit;
                    if (supported && ba[uitkomst] != "afgewezen") {
                        Attrs ea;
                        const bool bad_fee = v(Recipe::toe_01);
                        if (bad_fee || rng.chance(0.03)) {
                            ea[voorziening] = "clientondersteuning";
                            ea[bedrag] = bad_fee ? (rng.chance(0.5) ? "12,50" : "") : rng.chance(0.1) ? "n.t.b." : "0";
                            add(besluit + rng.between(5, 20), "eigen_bijdrage", admin, "administratie", team, "Gemeente", ea);
                        }
                    } else if (rng.chance(0.2)) {
                        Attrs ea;
                        ea[voorziening] = ba[voorziening];
                        ea[bedrag] = "19,50";
                        add(besluit + rng.between(5, 20), "eigen_bijdrage", admin, "administratie", team, "Gemeente", ea);
                    }
                    if (rng.chance(0.08)) {  // bezwaar
                        Attrs za;
                        const int kind = int(rng.below(100));
                        int received = rng.between(10, 40);
                        if (v(Recipe::trm_04)) received = rng.between(55, 80);
                        else if (kind < 3) { received = rng.between(44, 47); za[verzonden] = (besluit + rng.between(35, 41)).iso(); }
                        else if (kind < 6) received = rng.between(44, 47);
                        const bool commissie = rng.chance(0.3);
                        za[adviescommissie] = commissie ? "ja" : "nee";
                        const Date bezwaar = besluit + received;
                        add(bezwaar, "bezwaar", "", "client", "", "", za);
                        // The decision term runs from the end of the bezwaar term (≥ besluit + 42).
                        const Date term = besluit + 42 + (commissie ? 84 : 42);
                        const bool hearing = !v(Recipe::pro_05);
                        const bool withdrawn = rng.chance(0.03);
                        Attrs oa;
                        if (withdrawn) {}
                        else if (hearing && rng.chance(0.9)) add(bezwaar + rng.between(7, 25), "hoorzitting", "J01", "jurist", "Juridische zaken", "Gemeente");
                        else if (hearing) oa[geen_hoorzitting_reden] = "kennelijk ongegrond";
                        Date bob = std::max(bezwaar + 30, term - rng.between(1, 20));
                        if (v(Recipe::trm_03)) bob = term + rng.between(8, 40);
                        else if (!withdrawn && rng.chance(0.1)) {
                            add(term - rng.between(3, 10), "verdaging", "J01", "jurist", "Juridische zaken", "Gemeente");
                            bob = term + rng.between(1, 35);
                        }
                        if (withdrawn) {
                            add(bezwaar + rng.between(5, 20), "intrekking", "", "client", "", "");
                        } else {
                            oa[uitkomst] = rng.chance(0.7) ? "ongegrond" : "gegrond";
                            add(bob, "besluit_op_bezwaar", fmt::format("B{:03}", rng.below(40) + 1), "beslisser", "Juridische zaken", "Gemeente", oa);
                            last_step = bob;
                            if (rng.chance(0.2)) {
                                Attrs ra;
                                int after = rng.between(10, 40);
                                if (v(Recipe::trm_05)) after = rng.between(55, 80);
                                else if (rng.chance(0.06)) { after = rng.between(44, 47); if (rng.chance(0.5)) ra[verzonden] = (bob + 40).iso(); }
                                add(bob + after, "beroep", "", "client", "", "", ra);
                                last_step = bob + after;
                                if (rng.chance(0.5)) { last_step = last_step + rng.between(60, 200); add(last_step, "uitspraak", "", "", "", ""); }
                            }
                        }
                    }
                    if (rng.chance(0.03)) {  // the client moves to the Wlz
                        const Date wlz = last_step + rng.between(10, 60);
                        add(wlz, "wlz_indicatie", "", "", "", "");
                        if (v(Recipe::pro_07)) add(wlz + rng.between(3, 20), "ondersteuner_toegewezen", ondersteuner, "ondersteuner", team, ond_org);
                        last_step = wlz + 20;
                    }
                }
            }
            last_step = std::max(last_step, rows.back().date);
            add(workday_after(last_step, rng.between(1, 10)), "afsluiting", admin, "administratie", team, "Gemeente");
            if (rng.chance(0.05)) {  // a herbeoordeling, a year or so later: a second cycle
                const Date h = workday_after(rows.back().date, rng.between(200, 400));
                add(h, "herbeoordeling", consulent, "consulent", team, "Gemeente");
                Attrs hn;
                hn[aan] = has_mantelzorger ? "beide" : "client";
                hn[gratis] = hn[onafhankelijk] = "ja";
                hn[kanaal] = "brief";
                add(h + 1, "informatie_clientondersteuning", consulent, "consulent", team, "Gemeente", hn);
                add(h + 1, "informatie_persoonlijk_plan", consulent, "consulent", team, "Gemeente");
                const Date g = h + rng.between(7, 20), vs = g + rng.between(5, 15);
                add(g, "gesprek", consulent, "consulent", team, "Gemeente");
                add(vs, "verslag", consulent, "consulent", team, "Gemeente");
                add(vs + 2, "verslag_reactie", "", "client", "", "");
                add(vs + 4, "aanvraag", "", "client", "", "");
                Attrs ba;
                ba[voorziening] = kVoorzieningen[rng.below(5)];
                ba[uitkomst] = "toegekend";
                ba[aanbieder] = kAanbieders[rng.below(2)];
                add(vs + rng.between(6, 15), "besluit", beslisser, "beslisser", "Team Wmo-besluiten", "Gemeente", ba);
                add(workday_after(rows.back().date, 3), "afsluiting", admin, "administratie", team, "Gemeente");
            }
            if (own_labels) add(melding + rng.between(1, 30), "Notitie toegevoegd", consulent, "consulent", team, "Gemeente");
        }

        // Steps after the export day have not happened yet.
        std::erase_if(rows, [&](const Row& r) { return r.date > cut; });
        if (rows.empty()) continue;
        std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
            return a.date != b.date ? a.date < b.date : a.seq < b.seq;
        });
        // Times rise within a day, in the order the steps were made; a few percent are date-only.
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const bool same_day = i > 0 && rows[i].date == rows[i - 1].date && rows[i - 1].minute >= 0;
            rows[i].minute = same_day ? rows[i - 1].minute + 5 + int(rng.below(60)) : 8 * 60 + int(rng.below(5 * 60));
            if (rng.chance(0.03)) rows[i].minute = -1;
        }
        // A few rows written out of order (on different days, so the order of events is unchanged).
        for (std::size_t i = 1; i < rows.size(); ++i)
            if (rng.chance(0.02) && rows[i].date != rows[i - 1].date) std::swap(rows[i], rows[i - 1]);
        const std::string id = fmt::format("G{:07}", n + 1);
        for (const Row& r : rows) {
            const std::string ts = r.minute < 0 ? r.date.iso()
                                                : fmt::format("{}T{:02}:{:02}:00", r.date.iso(), r.minute / 60, r.minute % 60);
            fmt::format_to(std::back_inserter(buf), "{1}{0}{2}{0}{3}{0}{4}{0}{5}{0}{6}{0}{7}", sep, id, ts, r.activity,
                           r.actor, r.role, r.team, r.org);
            for (const std::string& a : r.attrs) {
                buf += sep;
                if (a.find(sep) != std::string::npos) buf += '"' + a + '"';
                else buf += a;
            }
            buf += '\n';
        }
        if (buf.size() > (1 << 20) - 8192) {
            out.write(buf.data(), std::streamsize(buf.size()));
            buf.clear();
        }
    }
    out.write(buf.data(), std::streamsize(buf.size()));
}

}  // namespace wmotoets
