#include "generator/generator.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fmt/format.h>
#include <random>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "util/error.hpp"
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
        if (std::none_of(recipes.begin(), recipes.end(),
                         [&](const ViolationRecipe& v) { return v.rule == r->info().id; }))
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
enum Col {
    aan,
    gratis,
    onafhankelijk,
    kanaal,
    mantelzorger,
    voorziening,
    uitkomst,
    aanbieder,
    bedrag,
    adviescommissie,
    verzonden,
    geen_hoorzitting_reden,
    tot,
    persoonlijk_plan,
    pgb,
    bijdrage,
    reden,
    kCols
};
constexpr const char* kColNames[kCols] = {
    "aan",      "gratis",           "onafhankelijk", "kanaal",          "mantelzorger", "voorziening",
    "uitkomst", "aanbieder",        "bedrag",        "adviescommissie", "verzonden",    "geen_hoorzitting_reden",
    "tot",      "persoonlijk_plan", "pgb",           "bijdrage",        "reden"};
using Attrs = std::array<std::string, kCols>;

struct Row {
    Date date;
    int seq = 0;      // order of the steps within the dossier
    int minute = -1;  // -1: date-only
    std::string activity, actor, role, team, org;
    Attrs attrs;
};

constexpr const char* kTeams[] = {"Wijkteam Noord", "Wijkteam Zuid", "Wijkteam Oost", "Wijkteam West",
                                  "Wijkteam Centrum"};
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

namespace {

const Date kFirst = Date::from_ymd(2023, 1, 2);
constexpr int kSpanDays = 960;
const Date kCut = kFirst + kSpanDays;  // the log was exported on this day: later steps have not happened yet

// The people of one dossier.
struct People {
    std::string team, consulent, beslisser, admin, ondersteuner, ond_org;
    bool has_mantelzorger = false;
};

// The deliberate violations of one dossier, each kind drawn on its own.
struct Violations {
    bool late_notice, no_mz_notice, notice_not_free, notice_not_independent, no_pp_info, early_gesprek;
    bool ond_decides, ond_consults, same_team, ond_at_provider, slow_support, late_verslag, late_besluit;
    bool early_aanvraag, no_verslag, no_gesprek, no_reactie, no_bevestiging, no_pgb_info;
    bool bijdrage_not_discussed, aanvraag_closed, melding_closed, no_bezwaar_receipt;
};

// Writes the log dossier by dossier. The draws from the one generator come in a fixed order (the
// order of the steps below): the same seed gives the same log on every machine and in every
// version that adds no draw in between.
class LogGenerator {
public:
    LogGenerator(std::ostream& out, const GeneratorOptions& o) : out_(out), o_(o), rng_(o.seed) {
        // The share of every recipe, by its place in the table (a rule the options leave out: 0).
        for (std::size_t i = 0; i < kRecipeCount; ++i) {
            const auto it = o.shares.find(std::string(violation_recipes()[i].rule));
            shares_[i] = it == o.shares.end() ? 0.0 : it->second;
        }
        buf_.reserve(1 << 20);
    }
    void run();

private:
    Row& add(Date d, const char* act, const std::string& actor, const char* role, const std::string& team,
             const std::string& org, Attrs a = {}) {
        rows_.push_back(Row{d, seq_++, -1, act, actor, role, team, org, std::move(a)});
        return rows_.back();
    }
    bool v(Recipe kind) { return rng_.chance(shares_[static_cast<std::size_t>(kind)]); }
    People people();
    Violations violations(bool has_mantelzorger);
    void procedure(People& p, bool own_labels);
    Date notices(const People& p, const Violations& x, Date melding, int gesprek_after, bool pp_handed_in);
    void support(const People& p, const Violations& x, Date melding, bool supported);
    Date onderzoek_and_besluit(const People& p, const Violations& x, Date melding, Date gesprek, int gesprek_after,
                               bool supported);
    Date besluit(const People& p, const Violations& x, Date aanvraag, int suspended, bool supported);
    Date bezwaar(const People& p, const Violations& x, Date besluit, const std::string& beslisser, Date last_step);
    Date beroep(Date bob, Date last_step);
    void herbeoordeling(const People& p);
    void write_rows(std::uint64_t n);

    std::ostream& out_;
    const GeneratorOptions& o_;
    Rng rng_;
    std::array<double, kRecipeCount> shares_{};
    std::string buf_;
    std::vector<Row> rows_;
    int seq_ = 0;
};

People LogGenerator::people() {
    People p;
    p.team = kTeams[rng_.below(5)];
    p.consulent = fmt::format("C{:03}", rng_.below(200) + 1);
    p.beslisser = fmt::format("B{:03}", rng_.below(40) + 1);
    p.admin = fmt::format("A{:03}", rng_.below(30) + 1);
    p.ondersteuner = fmt::format("O{:03}", rng_.below(150) + 1);
    p.ond_org = kOrgs[rng_.below(3)];
    p.has_mantelzorger = rng_.chance(0.3);
    return p;
}

Violations LogGenerator::violations(bool has_mantelzorger) {
    // Drawn before the dossier's first step, in this order (the others where their step comes).
    constexpr Recipe kDrawnFirst[] = {Recipe::inf_01, Recipe::inf_02, Recipe::inf_03, Recipe::inf_04, Recipe::inf_05,
                                      Recipe::inf_06, Recipe::ona_01, Recipe::ona_02, Recipe::ona_03, Recipe::ona_05,
                                      Recipe::toe_03, Recipe::trm_01, Recipe::trm_02, Recipe::pro_01, Recipe::pro_02,
                                      Recipe::pro_03, Recipe::pro_04, Recipe::pro_06};
    std::array<bool, kRecipeCount> drawn{};
    for (const Recipe r : kDrawnFirst) drawn[static_cast<std::size_t>(r)] = v(r);
    auto is = [&drawn](Recipe r) { return drawn[static_cast<std::size_t>(r)]; };
    using R = Recipe;
    const bool no_pgb_info = v(R::inf_07);  // later recipes: drawn after the others
    const bool bijdrage_not_discussed = v(R::inf_08), aanvraag_closed = v(R::pro_08), melding_closed = v(R::pro_09);
    const bool no_bezwaar_receipt = v(R::pro_10);
    return Violations{.late_notice = is(R::inf_01),
                      .no_mz_notice = is(R::inf_02) && has_mantelzorger,
                      .notice_not_free = is(R::inf_03),
                      .notice_not_independent = is(R::inf_04),
                      .no_pp_info = is(R::inf_05),
                      .early_gesprek = is(R::inf_06),
                      .ond_decides = is(R::ona_01),
                      .ond_consults = is(R::ona_02),
                      .same_team = is(R::ona_03),
                      .ond_at_provider = is(R::ona_05),
                      .slow_support = is(R::toe_03),
                      .late_verslag = is(R::trm_01),
                      .late_besluit = is(R::trm_02),
                      .early_aanvraag = is(R::pro_01),
                      .no_verslag = is(R::pro_02),
                      .no_gesprek = is(R::pro_03) && !is(R::pro_02),
                      .no_reactie = is(R::pro_04),
                      .no_bevestiging = is(R::pro_06),
                      .no_pgb_info = no_pgb_info,
                      .bijdrage_not_discussed = bijdrage_not_discussed,
                      .aanvraag_closed = aanvraag_closed,
                      .melding_closed = melding_closed,
                      .no_bezwaar_receipt = no_bezwaar_receipt};
}

void LogGenerator::run() {
    const char sep = o_.separator;
    buf_ += fmt::format("case_id{0}timestamp{0}activity{0}actor{0}role{0}team{0}organisatie", sep);
    for (const char* c : kColNames) buf_ += fmt::format("{}{}", sep, c);
    buf_ += '\n';
    for (std::uint64_t n = 0; n < o_.dossiers; ++n) {
        rows_.clear();
        seq_ = 0;
        People p = people();
        const bool own_labels = rng_.chance(o_.eigen_labels);
        if (own_labels && rng_.chance(0.1)) {  // a dossier only in the municipality's own words
            const Date d = workday_after(kFirst, int(rng_.below(kSpanDays)));
            add(d, "Dossier aangemaakt", p.admin, "administratie", p.team, "Gemeente");
            add(workday_after(d, 2), "Notitie toegevoegd", p.consulent, "consulent", p.team, "Gemeente");
        } else {
            procedure(p, own_labels);
        }
        write_rows(n);
    }
    out_.write(buf_.data(), std::streamsize(buf_.size()));
}

// A dossier through the procedure: melding, notices, support, onderzoek, besluit and what follows.
void LogGenerator::procedure(People& p, bool own_labels) {
    const Violations x = violations(p.has_mantelzorger);
    const bool supported = x.ond_decides || x.ond_consults || x.ond_at_provider || rng_.chance(0.35);
    if (x.ond_at_provider) p.ond_org = kAanbieders[rng_.below(2)];

    const Date melding = workday_after(kFirst, int(rng_.below(kSpanDays)));
    if (rng_.chance(0.3)) add(melding - 3, "vraagverheldering", p.consulent, "consulent", p.team, "Gemeente");
    Attrs ma;
    ma[mantelzorger] = p.has_mantelzorger ? "ja" : "nee";
    add(melding, "melding", p.admin, "administratie", p.team, "Gemeente", ma);
    // The onderzoek: the first gesprek normally more than a week after the melding.
    const bool pp_handed_in = rng_.chance(0.1) || (rng_.chance(0.03) && !x.early_gesprek);
    // Day 7 is still inside the plan window (INF-06): a clean first gesprek comes on day 8 or later.
    const int gesprek_after = x.early_gesprek || pp_handed_in ? rng_.between(2, 6) : rng_.between(8, 24);
    const Date gesprek = notices(p, x, melding, gesprek_after, pp_handed_in);
    if (x.melding_closed) {  // closed before any onderzoek (PRO-09)
        add(gesprek - 1, "afsluiting", p.admin, "administratie", p.team, "Gemeente");
        return;
    }
    support(p, x, melding, supported);
    Date last_step = onderzoek_and_besluit(p, x, melding, gesprek, gesprek_after, supported);
    last_step = std::max(last_step, rows_.back().date);
    if (rows_.back().activity != "afsluiting")
        add(workday_after(last_step, rng_.between(1, 10)), "afsluiting", p.admin, "administratie", p.team, "Gemeente");
    if (rng_.chance(0.05)) herbeoordeling(p);  // a second cycle, a year or so later
    if (own_labels)
        add(melding + rng_.between(1, 30), "Notitie toegevoegd", p.consulent, "consulent", p.team, "Gemeente");
}

// The ontvangstbevestiging and the notices of cliëntondersteuning and persoonlijk plan; the gesprek's date.
Date LogGenerator::notices(const People& p, const Violations& x, Date melding, int gesprek_after, bool pp_handed_in) {
    const Date gesprek = melding + gesprek_after;
    auto early = [&](int lo) { return melding + std::min(gesprek_after - 1, rng_.between(lo, 3)); };
    // The receipt letter mentions the persoonlijk plan (as most municipalities' letters do), unless
    // the dossier is to miss that information (INF-05).
    Attrs oa;
    oa[persoonlijk_plan] = x.no_pp_info ? "nee" : "ja";
    if (!x.no_bevestiging) add(early(0), "ontvangstbevestiging", p.admin, "administratie", p.team, "Gemeente", oa);
    Attrs na;
    na[aan] = x.no_mz_notice || !p.has_mantelzorger ? "client" : "beide";
    na[gratis] = x.notice_not_free ? "nee" : rng_.chance(0.02) ? "" : "ja";
    na[onafhankelijk] = x.notice_not_independent ? "nee" : rng_.chance(0.03) ? "" : "ja";
    na[kanaal] = rng_.chance(0.7) ? "brief" : "mondeling";
    add(x.late_notice ? gesprek + rng_.between(1, 5) : early(1), "informatie_clientondersteuning", p.consulent,
        "consulent", p.team, "Gemeente", na);
    // A separate notice of the plan where there is no receipt letter, and now and then besides it.
    if (!x.no_pp_info && (x.no_bevestiging || rng_.chance(0.3)))
        add(early(1), "informatie_persoonlijk_plan", p.consulent, "consulent", p.team, "Gemeente");
    if (pp_handed_in) add(early(1), "persoonlijk_plan", "", "client", "", "");
    return gesprek;
}

// Cliëntondersteuning asked for, assigned (or waived), and now and then another ondersteuner asked for.
void LogGenerator::support(const People& p, const Violations& x, Date melding, bool supported) {
    if (!supported) return;
    const Date asked = melding + rng_.between(1, 5);
    add(asked, "clientondersteuning_gevraagd", "", "client", "", "");
    if (rng_.chance(0.03) && !x.ond_decides && !x.ond_consults && !x.ond_at_provider) {
        add(asked + rng_.between(1, 10), "clientondersteuning_afgezien", "", "client", "", "");
        return;
    }
    const Date assigned = asked + (x.slow_support ? rng_.between(15, 30) : rng_.between(1, 13));
    add(assigned, "ondersteuner_toegewezen", p.ondersteuner, "ondersteuner", p.team, p.ond_org);
    if (!rng_.chance(0.03)) return;  // the client asks for another ondersteuner
    const Date req = assigned + rng_.between(3, 20);
    add(req, "andere_ondersteuner_verzocht", "", "client", "", "");
    if (v(Recipe::ona_04)) {
        const int how = int(rng_.below(3));
        if (how == 0)
            add(req + rng_.between(1, 10), "andere_ondersteuner_geweigerd", p.consulent, "consulent", p.team,
                "Gemeente");
        else if (how == 1)
            add(req + rng_.between(1, 10), "ondersteuner_toegewezen", p.ondersteuner, "ondersteuner", p.team,
                p.ond_org);
        else
            add(req + rng_.between(15, 30), "ondersteuner_toegewezen", fmt::format("O{:03}", 151 + rng_.below(50)),
                "ondersteuner", p.team, p.ond_org);
    } else {
        add(req + rng_.between(1, 14), "ondersteuner_toegewezen",
            rng_.chance(0.05) ? std::string() : fmt::format("O{:03}", 151 + rng_.below(50)), "ondersteuner", p.team,
            p.ond_org);
    }
}

// The gesprek, verslag, reactie, aanvraag (with suspension or verdaging) and the besluit, or a
// withdrawal; the date of the last step.
Date LogGenerator::onderzoek_and_besluit(const People& p, const Violations& x, Date melding, Date gesprek,
                                         int gesprek_after, bool supported) {
    const std::string& gesprek_actor = x.ond_consults ? p.ondersteuner : p.consulent;
    // The pgb (INF-07): told in the gesprek, in a separate notice that day, or in the verslag.
    const int pgb_told = x.no_pgb_info ? -1 : int(rng_.below(3));
    // The eigen bijdrage (INF-08): discussed in the gesprek, in a separate notice, or not recorded;
    // a verslag that says it was not discussed is the deviation.
    const int bijdrage_told = x.bijdrage_not_discussed ? -1 : int(rng_.below(3));
    Attrs ga, va;
    ga[pgb] = pgb_told == 0 ? "ja" : pgb_told < 0 ? "nee" : "";
    va[pgb] = pgb_told == 2 || (pgb_told == 0 && x.no_gesprek) ? "ja" : "";
    ga[bijdrage] = bijdrage_told == 0 && !x.no_gesprek ? "ja" : "";
    va[bijdrage] = bijdrage_told < 0 ? "nee" : "";
    if (!x.no_gesprek) add(gesprek, "gesprek", gesprek_actor, "consulent", p.team, "Gemeente", ga);
    if (pgb_told == 1) add(gesprek, "informatie_pgb", gesprek_actor, "consulent", p.team, "Gemeente");
    if (bijdrage_told == 1) add(gesprek, "informatie_bijdrage", gesprek_actor, "consulent", p.team, "Gemeente");
    // Withdrawn during the onderzoek, within the six weeks.
    if (rng_.chance(0.02)) {
        add(gesprek + rng_.between(1, 10), "intrekking", "", "client", "", "");
        return melding;
    }
    const Date verslag =
        x.late_verslag ? melding + rng_.between(50, 70) : gesprek + rng_.between(4, std::max(4, 38 - gesprek_after));
    if (!x.no_verslag) add(verslag, "verslag", gesprek_actor, "consulent", p.team, "Gemeente", va);
    Date ready = x.no_verslag ? melding + rng_.between(45, 55) : verslag;
    if (!x.no_reactie && !x.no_verslag) {
        ready = ready + rng_.between(1, 5);
        add(ready, "verslag_reactie", "", "client", "", "");
    }
    const Date aanvraag = x.early_aanvraag ? melding + std::min(gesprek_after + 1, 20) : ready + rng_.between(1, 6);
    add(aanvraag, "aanvraag", "", "client", "", "");
    int suspended = 0;
    const bool aanvraag_withdrawn = rng_.chance(0.01);
    if (!aanvraag_withdrawn && rng_.chance(0.05)) {  // the applicant is asked to supplement
        const Date start = aanvraag + rng_.between(1, 5), end = start + rng_.between(3, 10);
        add(start, "opschorting_start", p.consulent, "consulent", p.team, "Gemeente");
        add(end, "opschorting_einde", p.consulent, "consulent", p.team, "Gemeente");
        suspended = end - start - 1;
    }
    if (!aanvraag_withdrawn && rng_.chance(0.02))
        add(aanvraag + rng_.between(3, 10), "verdaging", p.consulent, "consulent", p.team, "Gemeente");
    if (aanvraag_withdrawn) {
        add(aanvraag + rng_.between(1, 12), "intrekking", "", "client", "", "");
        return melding;
    }
    if (x.aanvraag_closed) {  // closed without a besluit (PRO-08); now and then forwarded (Awb 2:3)
        Attrs ca;
        if (rng_.chance(0.2)) ca[reden] = "doorgezonden";
        add(aanvraag + rng_.between(2, 20), "afsluiting", p.admin, "administratie", p.team, "Gemeente", ca);
        return rows_.back().date;
    }
    return besluit(p, x, aanvraag, suspended, supported);
}

// The besluit, an eigen bijdrage, a bezwaar (and beroep), a move to the Wlz; the last step's date.
Date LogGenerator::besluit(const People& p, const Violations& x, Date aanvraag, int suspended, bool supported) {
    // After the steps since the aanvraag (a verdaging may come before the end of a suspension).
    Date latest = aanvraag;
    for (auto r = rows_.rbegin(); r != rows_.rend() && r->activity != "aanvraag"; ++r)
        latest = std::max(latest, r->date);
    Date besluit =
        std::max(aanvraag + suspended + (x.late_besluit ? rng_.between(20, 40) : rng_.between(3, 13)), latest);
    if (x.late_besluit && rng_.chance(0.3)) {
        // The applicant sends an ingebrekestelling after the term (its last day + 5 at the latest
        // with the Atw); the beschikking then comes within two weeks, or later (TRM-06: dwangsom).
        const Date notice = aanvraag + suspended + 19;
        add(notice, "ingebrekestelling", "", "client", "", "");
        besluit = v(Recipe::trm_06) ? notice + rng_.between(15, 60) : notice + rng_.between(1, 14);
    }
    Attrs ba;
    const bool about_support = supported && v(Recipe::toe_02);
    ba[voorziening] = about_support ? "clientondersteuning" : kVoorzieningen[rng_.below(5)];
    ba[uitkomst] = x.ond_at_provider || rng_.chance(0.75) ? "toegekend" : (rng_.chance(0.5) ? "deels" : "afgewezen");
    ba[aanbieder] = x.ond_at_provider ? p.ond_org : kAanbieders[rng_.below(2)];
    add(besluit, "besluit", x.ond_decides ? p.ondersteuner : p.beslisser, "beslisser",
        x.same_team ? p.team : (rng_.chance(0.1) ? "" : "Team Wmo-besluiten"), "Gemeente", ba);
    Date last_step = besluit;
    if (ba[uitkomst] != "afgewezen" && rng_.chance(0.6)) {  // the delivery of what was granted starts
        last_step = besluit + rng_.between(3, 40);
        add(last_step, "levering_gestart", "", "administratie", "", "");
    }
    if (supported && ba[uitkomst] != "afgewezen") {
        Attrs ea;
        const bool bad_fee = v(Recipe::toe_01);
        if (bad_fee || rng_.chance(0.03)) {
            ea[voorziening] = "clientondersteuning";
            ea[bedrag] = bad_fee ? (rng_.chance(0.5) ? "12,50" : "") : rng_.chance(0.1) ? "n.t.b." : "0";
            add(besluit + rng_.between(5, 20), "eigen_bijdrage", p.admin, "administratie", p.team, "Gemeente", ea);
        }
    } else if (rng_.chance(0.2)) {
        Attrs ea;
        ea[voorziening] = ba[voorziening];
        ea[bedrag] = "19,50";
        add(besluit + rng_.between(5, 20), "eigen_bijdrage", p.admin, "administratie", p.team, "Gemeente", ea);
    }
    if (rng_.chance(0.08)) last_step = bezwaar(p, x, besluit, x.ond_decides ? p.ondersteuner : p.beslisser, last_step);
    if (rng_.chance(0.03)) {  // the client moves to the Wlz
        const Date wlz = last_step + rng_.between(10, 60);
        add(wlz, "wlz_indicatie", "", "", "", "");
        if (v(Recipe::pro_07))
            add(wlz + rng_.between(3, 20), "ondersteuner_toegewezen", p.ondersteuner, "ondersteuner", p.team,
                p.ond_org);
        last_step = wlz + 20;
    }
    return last_step;
}

// A bezwaar against the besluit, heard (or not), decided on (or withdrawn); the last step's date.
// `beslisser` took the contested besluit: the beslissing op bezwaar is another's (ONA-06), the
// hearing a jurist's (ONA-07), unless a recipe says otherwise.
Date LogGenerator::bezwaar(const People& p, const Violations& x, Date besluit, const std::string& beslisser,
                           Date last_step) {
    Attrs za;
    const int kind = int(rng_.below(100));
    int received = rng_.between(10, 40);
    if (v(Recipe::trm_04)) received = rng_.between(55, 80);
    else if (kind < 3) {
        received = rng_.between(44, 47);
        za[verzonden] = (besluit + rng_.between(35, 41)).iso();
    } else if (kind < 6) received = rng_.between(44, 47);
    const bool commissie = rng_.chance(0.3);
    za[adviescommissie] = commissie ? "ja" : "nee";
    const Date bezwaar = besluit + received;
    add(bezwaar, "bezwaar", "", "client", "", "", za);
    if (!x.no_bezwaar_receipt)  // receipt of the bezwaarschrift (Awb 6:14, PRO-10)
        add(bezwaar + rng_.between(1, 5), "ontvangstbevestiging", p.admin, "administratie", "Juridische zaken",
            "Gemeente");
    // The decision term runs from the end of the bezwaar term (≥ besluit + 42).
    const Date term = besluit + 42 + (commissie ? 84 : 42);
    const bool hearing = !v(Recipe::pro_05);
    const bool withdrawn = rng_.chance(0.03);
    Attrs oa;
    if (withdrawn) {
    } else if (hearing && rng_.chance(0.9)) {
        const bool by_consulent = v(Recipe::ona_07);
        add(bezwaar + rng_.between(7, 25), "hoorzitting", by_consulent ? p.consulent : "J01", "jurist",
            "Juridische zaken", "Gemeente");
    } else if (hearing)  // mostly a ground of Awb 7:3; now and then a reason that is none (PRO-05: onbekend)
        oa[geen_hoorzitting_reden] = received % 5 == 0 ? "hoorzitting niet nodig geacht" : "kennelijk ongegrond";
    Date bob = std::max(bezwaar + 30, term - rng_.between(1, 20));
    if (v(Recipe::trm_03)) bob = term + rng_.between(8, 40);
    else if (!withdrawn && rng_.chance(0.1)) {
        add(term - rng_.between(3, 10), "verdaging", "J01", "jurist", "Juridische zaken", "Gemeente");
        bob = term + rng_.between(1, 35);
    }
    if (withdrawn) {
        add(bezwaar + rng_.between(5, 20), "intrekking", "", "client", "", "");
        return last_step;
    }
    oa[uitkomst] = rng_.chance(0.7) ? "ongegrond" : "gegrond";
    if (oa[geen_hoorzitting_reden] == "kennelijk ongegrond") oa[uitkomst] = "ongegrond";  // else PRO-05 (Awb 7:3)
    std::string decider = fmt::format("B{:03}", rng_.below(40) + 1);
    if (v(Recipe::ona_06)) decider = beslisser;
    else if (decider == beslisser) decider = "B041";  // one of Juridische zaken, never the one who decided
    add(bob, "besluit_op_bezwaar", decider, "beslisser", "Juridische zaken", "Gemeente", oa);
    last_step = bob;
    if (rng_.chance(0.2)) last_step = beroep(bob, last_step);
    return last_step;
}

// A beroep against the beslissing op bezwaar, and now and then its uitspraak; the last step's date.
Date LogGenerator::beroep(Date bob, Date last_step) {
    Attrs ra;
    int after = rng_.between(10, 40);
    if (v(Recipe::trm_05)) after = rng_.between(55, 80);
    else if (rng_.chance(0.06)) {
        after = rng_.between(44, 47);
        if (rng_.chance(0.5)) ra[verzonden] = (bob + 40).iso();
    }
    add(bob + after, "beroep", "", "client", "", "", ra);
    last_step = bob + after;
    if (rng_.chance(0.5)) {
        last_step = last_step + rng_.between(60, 200);
        add(last_step, "uitspraak", "", "", "", "");
    }
    return last_step;
}

// A herbeoordeling, a year or so later: a second cycle that goes by the book.
void LogGenerator::herbeoordeling(const People& p) {
    const Date h = workday_after(rows_.back().date, rng_.between(200, 400));
    add(h, "herbeoordeling", p.consulent, "consulent", p.team, "Gemeente");
    Attrs hn;
    hn[aan] = p.has_mantelzorger ? "beide" : "client";
    hn[gratis] = hn[onafhankelijk] = "ja";
    hn[kanaal] = "brief";
    add(h + 1, "informatie_clientondersteuning", p.consulent, "consulent", p.team, "Gemeente", hn);
    add(h + 1, "informatie_persoonlijk_plan", p.consulent, "consulent", p.team, "Gemeente");
    const Date g = h + rng_.between(8, 20), vs = g + rng_.between(5, 15);  // after the plan window
    Attrs ga;
    ga[pgb] = "ja";
    add(g, "gesprek", p.consulent, "consulent", p.team, "Gemeente", ga);
    add(vs, "verslag", p.consulent, "consulent", p.team, "Gemeente");
    add(vs + 2, "verslag_reactie", "", "client", "", "");
    add(vs + 4, "aanvraag", "", "client", "", "");
    Attrs ba;
    ba[voorziening] = kVoorzieningen[rng_.below(5)];
    ba[uitkomst] = "toegekend";
    ba[aanbieder] = kAanbieders[rng_.below(2)];
    add(vs + rng_.between(6, 15), "besluit", p.beslisser, "beslisser", "Team Wmo-besluiten", "Gemeente", ba);
    add(workday_after(rows_.back().date, 3), "afsluiting", p.admin, "administratie", p.team, "Gemeente");
}

// The dossier's rows as the export has them: steps after the export day left out, times of day,
// a few rows out of order; then into the buffer (written out per megabyte).
void LogGenerator::write_rows(std::uint64_t n) {
    std::erase_if(rows_, [&](const Row& r) { return r.date > kCut; });
    if (rows_.empty()) return;
    std::stable_sort(rows_.begin(), rows_.end(),
                     [](const Row& a, const Row& b) { return a.date != b.date ? a.date < b.date : a.seq < b.seq; });
    // Times rise within a day, in the order the steps were made; a few percent are date-only.
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const bool same_day = i > 0 && rows_[i].date == rows_[i - 1].date && rows_[i - 1].minute >= 0;
        rows_[i].minute = same_day ? rows_[i - 1].minute + 5 + int(rng_.below(60)) : 8 * 60 + int(rng_.below(5 * 60));
        if (rng_.chance(0.03)) rows_[i].minute = -1;
    }
    // A few rows written out of order (on different days, so the order of events is unchanged).
    for (std::size_t i = 1; i < rows_.size(); ++i)
        if (rng_.chance(0.02) && rows_[i].date != rows_[i - 1].date) std::swap(rows_[i], rows_[i - 1]);
    const char sep = o_.separator;
    const std::string id = fmt::format("G{:07}", n + 1);
    for (const Row& r : rows_) {
        const std::string ts =
            r.minute < 0 ? r.date.iso() : fmt::format("{}T{:02}:{:02}:00", r.date.iso(), r.minute / 60, r.minute % 60);
        fmt::format_to(std::back_inserter(buf_), "{1}{0}{2}{0}{3}{0}{4}{0}{5}{0}{6}{0}{7}", sep, id, ts, r.activity,
                       r.actor, r.role, r.team, r.org);
        for (const std::string& a : r.attrs) {
            buf_ += sep;
            if (a.find(sep) != std::string::npos) buf_ += '"' + a + '"';
            else buf_ += a;
        }
        buf_ += '\n';
    }
    if (buf_.size() > (1 << 20) - 8192) {
        out_.write(buf_.data(), std::streamsize(buf_.size()));
        buf_.clear();
    }
}

}  // namespace

void generate_log(std::ostream& out, const GeneratorOptions& o) { LogGenerator(out, o).run(); }

}  // namespace wmotoets
