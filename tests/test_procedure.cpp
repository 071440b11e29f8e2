// The procedure of docs/spec/procedure.md: every transition and every forbidden (event, state) pair,
// in both regions, the aanvraag guard with the real six-week term, and cycles.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "helpers.hpp"
#include "workflow/facts.hpp"
#include "workflow/procedure.hpp"

using namespace wmotoets;
using A = Activity;

namespace {

// How to reach each state from the start.
const std::map<std::string, std::vector<A>>& paths(Region region) {
    static const std::map<std::string, std::vector<A>> r0{
        {"Start", {}},
        {"Vraagverheldering", {A::vraagverheldering}},
        {"Gemeld", {A::melding}},
        {"InOnderzoek", {A::melding, A::gesprek}},
        {"Onderzocht", {A::melding, A::gesprek, A::verslag}},
        {"Aangevraagd", {A::melding, A::gesprek, A::verslag, A::aanvraag}},
        {"Besloten", {A::melding, A::gesprek, A::verslag, A::aanvraag, A::besluit}},
        {"InBezwaar", {A::melding, A::gesprek, A::verslag, A::aanvraag, A::besluit, A::bezwaar}},
        {"BezwaarBesloten",
         {A::melding, A::gesprek, A::verslag, A::aanvraag, A::besluit, A::bezwaar, A::besluit_op_bezwaar}},
        {"InBeroep",
         {A::melding, A::gesprek, A::verslag, A::aanvraag, A::besluit, A::bezwaar, A::besluit_op_bezwaar, A::beroep}},
        {"Uitgesproken",
         {A::melding, A::gesprek, A::verslag, A::aanvraag, A::besluit, A::bezwaar, A::besluit_op_bezwaar, A::beroep,
          A::uitspraak}},
        {"Afgesloten", {A::melding, A::afsluiting}},
    };
    static const std::map<std::string, std::vector<A>> r1{
        {"NietGeinformeerd", {}},
        {"Geinformeerd", {A::informatie_clientondersteuning}},
        {"Gevraagd", {A::clientondersteuning_gevraagd}},
        {"Ondersteund", {A::ondersteuner_toegewezen}},
        {"WisselGevraagd", {A::ondersteuner_toegewezen, A::andere_ondersteuner_verzocht}},
        {"Afgezien", {A::clientondersteuning_afgezien}},
    };
    return region == Region::procedure ? r0 : r1;
}

// The tables of docs/spec/procedure.md: event → (allowed state → target). "=" means: stays.
using Table = std::map<A, std::map<std::string, std::string>>;
const Table& region0_table() {
    static const Table table = [] {
        Table t;
        t[A::vraagverheldering] = {
            {"Start", "Vraagverheldering"}, {"Vraagverheldering", "="}, {"Gemeld", "="}, {"InOnderzoek", "="}};
        for (A a : {A::melding, A::herbeoordeling})
            t[a] = {{"Start", "Gemeld"},           {"Vraagverheldering", "Gemeld"}, {"Besloten", "Gemeld"},
                    {"BezwaarBesloten", "Gemeld"}, {"Uitgesproken", "Gemeld"},      {"Afgesloten", "Gemeld"}};
        for (A a : {A::informatie_persoonlijk_plan, A::persoonlijk_plan})
            t[a] = {{"Gemeld", "="}, {"InOnderzoek", "="}};
        // Of the melding, the aanvraag (Awb 4:3a) or the bezwaarschrift (Awb 6:14).
        t[A::ontvangstbevestiging] = {{"Gemeld", "="}, {"InOnderzoek", "="}, {"Aangevraagd", "="}, {"InBezwaar", "="}};
        t[A::gesprek] = {{"Gemeld", "InOnderzoek"}, {"InOnderzoek", "="}, {"Onderzocht", "="}};
        t[A::verslag] = {{"InOnderzoek", "Onderzocht"}, {"Gemeld", "Onderzocht"}};
        t[A::verslag_reactie] = {{"Onderzocht", "="}, {"Aangevraagd", "="}};
        t[A::aanvraag] = {{"Onderzocht", "Aangevraagd"}};  // Gemeld/InOnderzoek: guarded, tested apart
        for (A a : {A::opschorting_start, A::opschorting_einde, A::verdaging, A::ingebrekestelling})
            t[a] = {{"Aangevraagd", "="}, {"InBezwaar", "="}};
        for (A a : {A::informatie_pgb, A::informatie_bijdrage})
            t[a] = {{"Gemeld", "="}, {"InOnderzoek", "="}, {"Onderzocht", "="}};
        t[A::besluit] = {{"Aangevraagd", "Besloten"}};  // the other kinds of besluit: tested apart
        t[A::levering_gestart] = {{"Besloten", "="}, {"InBezwaar", "="},    {"BezwaarBesloten", "="},
                                  {"InBeroep", "="}, {"Uitgesproken", "="}, {"Afgesloten", "="}};
        t[A::bezwaar] = {{"Besloten", "InBezwaar"}};
        t[A::hoorzitting] = {{"InBezwaar", "="}};
        t[A::besluit_op_bezwaar] = {{"InBezwaar", "BezwaarBesloten"}};
        t[A::beroep] = {{"BezwaarBesloten", "InBeroep"}};
        t[A::uitspraak] = {{"InBeroep", "Uitgesproken"}};
        t[A::intrekking] = {{"Gemeld", "Afgesloten"},      {"InOnderzoek", "Afgesloten"}, {"Onderzocht", "Afgesloten"},
                            {"Aangevraagd", "Afgesloten"}, {"InBezwaar", "Afgesloten"},   {"InBeroep", "Afgesloten"}};
        for (const auto& [state, path] : paths(Region::procedure)) t[A::afsluiting][state] = "Afgesloten";
        return t;
    }();
    return table;
}
const Table& region1_table() {
    static const Table table = [] {
        Table t;
        for (const auto& [state, path] : paths(Region::ondersteuning))
            t[A::informatie_clientondersteuning][state] = state == "NietGeinformeerd" ? "Geinformeerd" : "=";
        t[A::clientondersteuning_gevraagd] = {
            {"NietGeinformeerd", "Gevraagd"}, {"Geinformeerd", "Gevraagd"}, {"Afgezien", "Gevraagd"}};
        for (const auto& [state, path] : paths(Region::ondersteuning))
            t[A::ondersteuner_toegewezen][state] = "Ondersteund";
        t[A::andere_ondersteuner_verzocht] = {{"Ondersteund", "WisselGevraagd"}};
        t[A::andere_ondersteuner_geweigerd] = {{"WisselGevraagd", "Ondersteund"}};
        for (const auto& [state, path] : paths(Region::ondersteuning))
            t[A::clientondersteuning_afgezien][state] = "Afgezien";
        return t;
    }();
    return table;
}

void drive(Procedure& m, const std::vector<A>& path) {
    for (A a : path) {
        const auto step = m.step(a, {.aanvraag_term_passed = true});
        ASSERT_TRUE(step.deviations.empty()) << "path step " << activity_name(a) << " deviated";
    }
}

void check_region(Region region, const Table& table) {
    int allowed = 0, forbidden = 0;
    for (const auto& [event, allowed_in] : table) {
        for (const auto& [state, path] : paths(region)) {
            Procedure m;
            drive(m, path);
            ASSERT_EQ(m.state(region), state);
            const std::string other_before(m.state(other_region(region)));
            // The aanvraag guard is tested apart; here its term has not passed.
            const auto step = m.step(event);
            SCOPED_TRACE(std::string(activity_name(event)) + " in " + state);
            if (auto it = allowed_in.find(state); it != allowed_in.end()) {
                ++allowed;
                EXPECT_TRUE(step.deviations.empty());
                EXPECT_EQ(m.state(region), it->second == "=" ? state : it->second);
            } else {
                ++forbidden;
                ASSERT_EQ(step.deviations.size(), 1u) << "exactly one deviation, from the event's own region";
                EXPECT_EQ(step.deviations[0].region, region);
                EXPECT_EQ(step.deviations[0].state, state);
                EXPECT_EQ(m.state(region), state) << "a deviation leaves the machine where it was";
            }
            EXPECT_EQ(m.state(other_region(region)), other_before) << "the other region is untouched";
        }
    }
    EXPECT_GT(allowed, 0);
    EXPECT_GT(forbidden, 0);
}

}  // namespace

TEST(Procedure, StateNamesMatchTheSpec) {
    const auto r0 = Procedure::state_names(Region::procedure), r1 = Procedure::state_names(Region::ondersteuning);
    EXPECT_EQ(r0.size(), 12u);
    EXPECT_EQ(r1.size(), 6u);
    for (const auto& s : r0) EXPECT_TRUE(paths(Region::procedure).count(s)) << s;
    for (const auto& s : r1) EXPECT_TRUE(paths(Region::ondersteuning).count(s)) << s;
}

TEST(Procedure, EveryEventBelongsToOneTable) {
    for (int i = 0; i < kCanonicalActivityCount; ++i) {
        const A a = static_cast<A>(i);
        const std::optional<Region> region = Procedure::region_of(a);
        if (a == A::eigen_bijdrage || a == A::wlz_indicatie) {
            EXPECT_FALSE(region);
            continue;
        }
        EXPECT_TRUE((*region == Region::procedure ? region0_table() : region1_table()).count(a)) << activity_name(a);
    }
}

TEST(Procedure, Region0EveryTransitionAndForbiddenPair) { check_region(Region::procedure, region0_table()); }
TEST(Procedure, Region1EveryTransitionAndForbiddenPair) { check_region(Region::ondersteuning, region1_table()); }

TEST(Procedure, AanvraagGuard) {
    for (const char* state : {"Gemeld", "InOnderzoek"}) {
        Procedure passed;
        drive(passed, paths(Region::procedure).at(state));
        EXPECT_TRUE(passed.step(A::aanvraag, {.aanvraag_term_passed = true}).deviations.empty());
        EXPECT_EQ(passed.state(Region::procedure), "Aangevraagd");

        Procedure early;
        drive(early, paths(Region::procedure).at(state));
        const auto step = early.step(A::aanvraag);
        ASSERT_EQ(step.deviations.size(), 1u);
        EXPECT_EQ(step.deviations[0].state, state);
        EXPECT_EQ(step.deviations[0].reason, "binnen zes weken na de melding (art. 2.3.2 lid 9)");
        EXPECT_EQ(early.state(Region::procedure), state);
    }
}

// What the law allows besides a beschikking on the aanvraag (docs/spec/procedure.md): a besluit after a
// herbeoordeling or a premature aanvraag, a temporary besluit in an urgent case, and the delivery it
// starts.
TEST(Procedure, BesluitenTheLawAllowsWithoutAnAanvraag) {
    using K = Procedure::BesluitKind;
    const std::set<std::string> before{"Gemeld", "InOnderzoek", "Onderzocht", "Aangevraagd"};
    for (const auto& [state, path] : paths(Region::procedure)) {
        SCOPED_TRACE(state);
        Procedure without;
        drive(without, path);
        const auto w = without.step(A::besluit, {.besluit = K::zonder_aanvraag});
        EXPECT_EQ(w.deviations.empty(), before.count(state) != 0);
        EXPECT_EQ(without.state(Region::procedure), before.count(state) ? "Besloten" : state);

        Procedure temporary;
        drive(temporary, path);
        const auto t = temporary.step(A::besluit, {.besluit = K::tijdelijk_bij_spoed});
        EXPECT_EQ(t.deviations.empty(), before.count(state) != 0);
        EXPECT_EQ(temporary.state(Region::procedure), state) << "the onderzoek and the aanvraag go on";
        const auto l = temporary.step(A::levering_gestart, {.after_tijdelijk = true});
        EXPECT_EQ(l.deviations.empty(), state != "Start" && state != "Vraagverheldering");
        EXPECT_EQ(temporary.state(Region::procedure), state);
    }
}

TEST(Procedure, RecordedOnlyEventsAreAcceptedAnywhere) {
    for (const auto& [state, path] : paths(Region::procedure)) {
        Procedure m;
        drive(m, path);
        EXPECT_TRUE(m.step(A::eigen_bijdrage).deviations.empty());
        EXPECT_TRUE(m.step(A::wlz_indicatie).deviations.empty());
        EXPECT_EQ(m.state(Region::procedure), state);
    }
}

TEST(Procedure, OpeningsAreReported) {
    Procedure m;
    EXPECT_FALSE(m.step(A::vraagverheldering).opened_cycle);
    EXPECT_TRUE(m.step(A::melding).opened_cycle);
    EXPECT_FALSE(m.step(A::melding).opened_cycle);  // a second melding while Gemeld: deviation, no cycle
}

// ---- the replay over real input ----

TEST(Replay, AanvraagGuardUsesTheAtwTerm) {
    // Melding Thu 2024-03-28: the six weeks end Mon 2024-05-13 (Hemelvaart, equated day, weekend).
    const Calendar cal;
    const EventLog on_last_day =
        test::load("case_id,timestamp,activity\nD,2024-03-28,melding\nD,2024-04-10,gesprek\nD,2024-05-13,aanvraag\n");
    const DossierFacts f1 = replay(on_last_day, on_last_day.dossiers[0], cal);
    ASSERT_EQ(f1.deviations.size(), 1u);
    EXPECT_EQ(f1.deviations[0].pos, 2u);
    EXPECT_EQ(f1.deviations[0].state, "InOnderzoek");

    const EventLog day_after =
        test::load("case_id,timestamp,activity\nD,2024-03-28,melding\nD,2024-04-10,gesprek\nD,2024-05-14,aanvraag\n");
    EXPECT_TRUE(replay(day_after, day_after.dossiers[0], cal).deviations.empty());

    // A herbeoordeling has no six-week term (Wmo 2.3.9): an aanvraag before the verslag deviates.
    const EventLog herbeoordeling = test::load(
        "case_id,timestamp,activity\nD,2024-01-02,herbeoordeling\nD,2024-01-10,gesprek\nD,2024-06-14,aanvraag\n");
    EXPECT_EQ(replay(herbeoordeling, herbeoordeling.dossiers[0], cal).deviations.size(), 1u);
}

TEST(Replay, CyclesAndFacts) {
    const Calendar cal;
    const EventLog log = test::load(
        "case_id,timestamp,activity,actor,role,mantelzorger\n"
        "D,2024-01-01,vraagverheldering,O1,ondersteuner,\n"
        "D,2024-01-02,informatie_clientondersteuning,C1,,\n"
        "D,2024-01-03,melding,A1,administratie,nee\n"
        "D,2024-01-10,gesprek,C1,,\n"
        "D,2024-01-20,verslag,C1,consulent,\n"
        "D,2024-01-21,aanvraag,,client,\n"
        "D,2024-01-30,besluit,B1,,\n"
        "D,2024-06-03,melding,A1,administratie,ja\n"
        "D,2024-06-10,verslag,C2,,\n"
        "D,2024-06-11,melding,A1,administratie,\n");
    const DossierFacts f = replay(log, log.dossiers[0], cal);
    ASSERT_EQ(f.cycles.size(), 2u);
    EXPECT_EQ(f.cycles[0].begin, 0u);  // events before the first melding belong to cycle 1
    EXPECT_EQ(*f.cycles[0].opener, 2u);
    EXPECT_EQ(f.cycles[0].end, 7u);
    EXPECT_EQ(*f.cycles[0].onderzoek_moment(), 3u);  // the gesprek
    EXPECT_EQ(f.cycles[1].number, 2);
    EXPECT_EQ(*f.cycles[1].opener, 7u);
    EXPECT_EQ(*f.cycles[1].onderzoek_moment(), 8u);  // no gesprek: the verslag
    EXPECT_EQ(f.cycle_of[1], 0);
    EXPECT_EQ(f.cycle_of[9], 1);
    ASSERT_EQ(f.deviations.size(), 1u);  // the third melding meets Onderzocht
    EXPECT_EQ(f.deviations[0].pos, 9u);
    EXPECT_EQ(f.deviations[0].state, "Onderzocht");
    EXPECT_TRUE(f.has_mantelzorger);
    ASSERT_EQ(f.ondersteuners.size(), 1u);
    EXPECT_EQ(log.str(f.ondersteuners[0].actor), "O1");
    ASSERT_EQ(f.beslissers.size(), 1u);
    EXPECT_EQ(f.consulenten.size(), 3u);  // gesprek C1, verslag C1 (role consulent), verslag C2
    EXPECT_TRUE(onderzoek_last_day(f, f.cycles[0], cal).has_value());
}
