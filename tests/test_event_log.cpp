// The in-memory event log: who acted, interned by value.
#include <gtest/gtest.h>

#include <sstream>

#include "helpers.hpp"
#include "import/import_file.hpp"
#include "import/toml_files.hpp"
#include "reports/figures.hpp"
#include "reports/writers.hpp"
#include "store/store.hpp"
#include "util/error.hpp"
#include "workflow/beslissers.hpp"
#include "workflow/engine.hpp"

using namespace wmotoets;
using namespace wmotoets::test;

// Who acted is interned by value: the same combination gets the same index, across the growth
// of the table, and the empty combination is index 0.
TEST(EventLog, WhoIndexInternsByValueAcrossGrowth) {
    EventLog log;
    EXPECT_EQ(log.who_index(Who{}), 0u);
    std::vector<std::uint32_t> first;
    for (StrId i = 1; i <= 5000; ++i) first.push_back(log.who_index(Who{i, i % 7 + 1, i % 13 + 1, 0}));
    EXPECT_EQ(log.who_count(), 5001u);
    for (StrId i = 5000; i >= 1; --i) {
        ASSERT_EQ(log.who_index(Who{i, i % 7 + 1, i % 13 + 1, 0}), first[i - 1]) << i;
        Event e;
        e.who = first[i - 1];
        ASSERT_EQ(log.who(e).actor, i);
    }
    EXPECT_EQ(log.who_count(), 5001u);
    EXPECT_NE(log.who_index(Who{1, 2, 3, 4}), log.who_index(Who{1, 2, 3, 5}));
}

// Merging a second reading thread's strings: every string of the other pool gets the id this
// pool gives it, whether it was here already or new, across the growth of the table, and a
// later intern finds the merged ones.
TEST(StringPool, InternAllMapsEveryStringOfTheOtherPool) {
    StringPool here, there;
    for (int i = 0; i < 3000; ++i) here.intern("dossier-" + std::to_string(i));
    for (int i = 2000; i < 40000; ++i) there.intern("dossier-" + std::to_string(i));
    there.intern("x");  // one byte
    std::vector<StrId> map;
    here.intern_all(there, map);
    ASSERT_EQ(map.size(), there.size());
    EXPECT_EQ(map[0], 0u);
    for (StrId id = 1; id < there.size(); ++id) {
        ASSERT_NE(map[id], 0u) << id;
        ASSERT_EQ(here.str(map[id]), there.str(id)) << id;
        ASSERT_EQ(here.find(there.str(id)), map[id]) << id;
    }
    EXPECT_EQ(here.size(), 1u + 40000u + 1u);  // id 0, dossier-0 … dossier-39999, "x"
    EXPECT_EQ(here.intern("dossier-2500"), map[there.find("dossier-2500")]);
    EXPECT_EQ(here.intern("dossier-39999"), map[there.find("dossier-39999")]);
    EXPECT_EQ(here.intern("nieuw"), StrId(40002));
}

// The first and last event date, noted while the log is finalized, are those of every event,
// and stay right when events are added or taken away afterwards.
TEST(EventLog, FirstAndLastDateFollowTheEvents) {
    EventLog log = load(
        "case_id,timestamp,activity\n"
        "a,2024-03-05,melding\n"
        "b,2023-11-30,melding\n"
        "a,2024-07-01,gesprek\n"
        "b,2024-01-09,gesprek\n");
    EXPECT_EQ(log.latest_date(), Date::from_ymd(2024, 7, 1));
    EXPECT_EQ(log.earliest_date(Date::from_ymd(2030, 1, 1)), Date::from_ymd(2023, 11, 30));
    EXPECT_EQ(log.earliest_date(Date::from_ymd(2020, 1, 1)), Date::from_ymd(2020, 1, 1));
    Event later = log.events[0];
    later.date = Date::from_ymd(2025, 2, 3);
    log.add_event(later);
    EXPECT_EQ(log.latest_date(), Date::from_ymd(2025, 2, 3));
    log.truncate(4, log.attributes.size(), log.dossier_count());
    EXPECT_EQ(log.latest_date(), Date::from_ymd(2024, 7, 1));
    EXPECT_EQ(EventLog().latest_date(), Date{});
    EXPECT_EQ(EventLog().earliest_date(Date::from_ymd(2024, 1, 1)), Date::from_ymd(2024, 1, 1));
}

// Sorting on two cores (each half of the events counted and placed, each half of the cases
// sorted) gives what one core gives: the same order of every dossier's events, the same
// dossiers in the same order, the same first and last date; also for a log whose dossiers are
// not listed in order of id, and whose dossiers have events in both halves.
TEST(EventLog, FinalizeOnTwoCoresIsFinalizeOnOne) {
    std::string csv = generated(2000, 5);
    // Shuffled rows (by a fixed rule): dossiers out of order and spread over the whole file.
    std::vector<std::string> rows;
    std::istringstream in(csv);
    std::string header, row;
    std::getline(in, header);
    while (std::getline(in, row)) rows.push_back(row);
    for (std::size_t i = 0; i < rows.size(); ++i) std::swap(rows[i], rows[(i * 7919) % rows.size()]);
    std::string shuffled = header + "\n";
    for (const std::string& r : rows) shuffled += r + "\n";
    for (const std::string& text : {csv, shuffled}) {
        EventLog one, two;
        Diagnostics d1, d2;
        import_canonical_csv(write_file("twee-kernen.csv", text), {}, one, d1);
        import_canonical_csv(write_file("twee-kernen.csv", text), {}, two, d2);
        one.finalize(~std::size_t(0));
        two.finalize(2);
        ASSERT_GT(one.events.size(), 10000u);
        ASSERT_EQ(one.dossiers.size(), two.dossiers.size());
        for (std::size_t c = 0; c < one.dossiers.size(); ++c) {
            ASSERT_EQ(one.str(one.dossiers[c].id), two.str(two.dossiers[c].id)) << c;
            const auto a = one.events_of(one.dossiers[c]), b = two.events_of(two.dossiers[c]);
            ASSERT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end())) << c;
        }
        EXPECT_EQ(one.latest_date(), two.latest_date());
        EXPECT_EQ(one.earliest_date(Date::from_ymd(2100, 1, 1)), two.earliest_date(Date::from_ymd(2100, 1, 1)));
    }
}

// Who decided where, built over each half of the dossiers on its own core and then joined, is
// the index of one pass over all of them: every person, dossier count, first and last day, the
// dossiers named, and per team the deciding teams.
TEST(BeslisserIndex, TwoHalvesJoinedAreOnePass) {
    EventLog log = load(generated(3000, 11));
    const ReplayIds ids(log);
    const BeslisserIndex one = index_beslissers(log, ids, ~std::size_t(0));
    const BeslisserIndex two = index_beslissers(log, ids, 2);
    ASSERT_GT(one.by_actor.size(), 5u);
    ASSERT_EQ(one.by_actor.size(), two.by_actor.size());
    std::size_t many = 0;
    for (const auto& [actor, p] : one.by_actor) {
        const BeslisserIndex::Person* q = two.find(actor);
        ASSERT_NE(q, nullptr) << actor;
        EXPECT_EQ(p.dossiers, q->dossiers) << actor;
        EXPECT_EQ(p.first, q->first) << actor;
        EXPECT_EQ(p.last, q->last) << actor;
        EXPECT_EQ(p.named, q->named) << actor;
        many += p.dossiers > BeslisserIndex::kNamed;
    }
    EXPECT_GT(many, 0u);  // people with more dossiers than are named: the names cut off the same way
    EXPECT_EQ(one.deciding_teams, two.deciding_teams);
}

// Words for people: every activity has Dutch words without the code's underscore, and a verdaging
// is only a "verdaging" on a bezwaar (on an aanvraag it is a notice, Awb 4:14).
TEST(Activity, WordsForPeople) {
    for (int a = 0; a <= kCanonicalActivityCount; ++a) {
        const std::string_view w = activity_words(Activity(a));
        EXPECT_FALSE(w.empty()) << activity_name(Activity(a));
        EXPECT_EQ(w.find('_'), std::string_view::npos) << w;
    }
    EXPECT_EQ(activity_words(Activity::besluit_op_bezwaar), "beslissing op bezwaar");
    EXPECT_EQ(activity_words(Activity::verdaging, false), "mededeling dat de beschikking later komt (Awb 4:14)");
    EXPECT_EQ(activity_words(Activity::verdaging, true), "verdaging van de beslissing op bezwaar");
    bool in_bezwaar = false;
    for (const Activity a : {Activity::aanvraag, Activity::verdaging}) in_bezwaar = in_bezwaar_after(in_bezwaar, a);
    EXPECT_FALSE(in_bezwaar);
    for (const Activity a : {Activity::besluit, Activity::bezwaar, Activity::hoorzitting, Activity::verdaging})
        in_bezwaar = in_bezwaar_after(in_bezwaar, a);
    EXPECT_TRUE(in_bezwaar);
    EXPECT_FALSE(in_bezwaar_after(in_bezwaar, Activity::melding));
}
