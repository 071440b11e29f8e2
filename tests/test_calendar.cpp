// Dates, the Algemene termijnenwet calendar and every worked example of docs/spec/deadlines.md.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "model/calendar.hpp"
#include "util/error.hpp"

using namespace wmotoets;

namespace {
Date d(const char* iso) { return *parse_iso_date(iso); }
}  // namespace

TEST(Date, RoundTripAndWeekday) {
    EXPECT_EQ(d("2024-03-28").iso(), "2024-03-28");
    EXPECT_EQ(d("2024-03-28").dutch_weekday(), "donderdag");
    EXPECT_EQ(d("2024-03-28").dutch_long(), "28 maart 2024");
    EXPECT_EQ(d("1970-01-01").days, 0);
    EXPECT_FALSE(parse_iso_date("2024-02-30"));
    EXPECT_FALSE(parse_iso_date("2023-02-29"));
    EXPECT_TRUE(parse_iso_date("2024-02-29"));
    EXPECT_FALSE(parse_iso_date("2024-13-01"));
    EXPECT_FALSE(parse_iso_date("24-03-28"));
}

TEST(Calendar, EasterCheckValues) {
    EXPECT_EQ(easter_sunday(2024), d("2024-03-31"));
    EXPECT_EQ(easter_sunday(2025), d("2025-04-20"));
    EXPECT_EQ(easter_sunday(2026), d("2026-04-05"));
    EXPECT_EQ(easter_sunday(2027), d("2027-03-28"));
    EXPECT_EQ(easter_sunday(2028), d("2028-04-16"));
}

TEST(Calendar, AtwHolidays) {
    const Calendar cal;
    EXPECT_EQ(cal.holiday_name(d("2024-01-01")), "Nieuwjaarsdag");
    EXPECT_EQ(cal.holiday_name(d("2024-03-29")), "Goede Vrijdag");
    EXPECT_EQ(cal.holiday_name(d("2024-04-01")), "Tweede Paasdag");
    EXPECT_EQ(cal.holiday_name(d("2024-05-09")), "Hemelvaartsdag");
    EXPECT_EQ(cal.holiday_name(d("2024-05-20")), "Tweede Pinksterdag");
    EXPECT_EQ(cal.holiday_name(d("2024-12-25")), "Eerste Kerstdag");
    EXPECT_EQ(cal.holiday_name(d("2024-12-26")), "Tweede Kerstdag");
    EXPECT_FALSE(cal.holiday_name(d("2024-05-05")).empty());  // 5 May, every year
    EXPECT_FALSE(cal.holiday_name(d("2026-05-05")).empty());
    EXPECT_TRUE(cal.holiday_name(d("2024-03-31")).empty());  // Easter Sunday itself is a Sunday, not art. 3
    EXPECT_TRUE(cal.holiday_name(d("2024-05-19")).empty());  // nor is Whit Sunday
}

TEST(Calendar, KingsAndQueensDay) {
    const Calendar cal;
    EXPECT_EQ(cal.holiday_name(d("2024-04-27")), "Koningsdag");
    EXPECT_EQ(cal.holiday_name(d("2025-04-26")), "Koningsdag");  // 27 April 2025 is a Sunday
    EXPECT_TRUE(cal.holiday_name(d("2025-04-27")).empty());
    EXPECT_EQ(cal.holiday_name(d("2014-04-26")), "Koningsdag");  // 27 April 2014 was a Sunday
    EXPECT_EQ(cal.holiday_name(d("2013-04-30")), "Koninginnedag");
    EXPECT_EQ(cal.holiday_name(d("2006-04-29")), "Koninginnedag");  // 30 April 2006 was a Sunday
    EXPECT_TRUE(cal.holiday_name(d("2006-04-30")).empty());
    EXPECT_TRUE(cal.holiday_name(d("2013-04-27")).empty());
}

TEST(Calendar, EquatedDaysAreDataAndExtendable) {
    Calendar cal;
    for (const char* s : {"2022-05-27", "2023-04-28", "2023-05-19", "2024-05-10", "2024-12-27", "2025-05-30",
                          "2026-01-02", "2026-05-15", "2027-05-07", "2028-04-28", "2028-05-26"})
        EXPECT_TRUE(cal.is_equated(d(s))) << s;
    EXPECT_FALSE(cal.is_equated(d("2029-05-11")));
    cal.add_equated_day(d("2029-05-11"));
    EXPECT_TRUE(cal.is_non_working_day(d("2029-05-11")));
    EXPECT_FALSE(Calendar::without_equated_days().is_equated(d("2024-05-10")));
}

// The worked examples of docs/spec/deadlines.md, each one exactly.
TEST(Deadlines, WorkedExamples) {
    const Calendar cal;
    EXPECT_EQ(cal.weeks_after(d("2024-03-28"), 6), d("2024-05-13"));  // Hemelvaart, equated 05-10, weekend
    EXPECT_EQ(cal.weeks_after(d("2025-04-12"), 2), d("2025-04-28"));  // Koningsdag on Saturday 04-26
    EXPECT_EQ(cal.weeks_after(d("2025-12-12"), 2), d("2025-12-29"));  // Tweede Kerstdag, weekend
    EXPECT_EQ(cal.weeks_after(d("2025-12-12"), 6), d("2026-01-23"));  // bezwaar term, no holiday
    EXPECT_EQ(cal.weeks_after(d("2026-03-23"), 6), d("2026-05-04"));  // 5 May the day after does not matter
    // aanvraag 2024-04-22, suspended 04-24 → 04-30: adds 30 − 24 − 1 = 5 days; Sat 05-11 → Mon 05-13.
    const int suspension = d("2024-04-30") - d("2024-04-24") - 1;
    EXPECT_EQ(suspension, 5);
    EXPECT_EQ(cal.weeks_after(d("2024-04-22"), 2, suspension), d("2024-05-13"));
}

TEST(Deadlines, WithoutAtwAndReasons) {
    const Calendar cal;
    EXPECT_EQ(cal.weeks_after(d("2024-03-28"), 6, 0, false), d("2024-05-09"));
    EXPECT_EQ(cal.reason_not_last_day(d("2024-05-09")), "Hemelvaartsdag");
    EXPECT_EQ(cal.reason_not_last_day(d("2024-05-10")), "gelijkgestelde dag");
    EXPECT_EQ(cal.reason_not_last_day(d("2024-05-11")), "zaterdag");
    EXPECT_EQ(cal.reason_not_last_day(d("2024-05-13")), "");
    // Without the equated day the same melding would end on Friday 10 May.
    EXPECT_EQ(Calendar::without_equated_days().weeks_after(d("2024-03-28"), 6), d("2024-05-10"));
}

// Every Atw holiday (art. 3 lid 1 and 2) of 2014–2030, from an independent table: Easter dates
// from the published tables, Koningsdag on 26 April when 27 April is a Sunday (2014, 2025).
// Every day of those years is checked, so a wrong holiday fails as much as a missing one.
TEST(Calendar, EveryAtwHoliday2014To2030) {
    const std::map<int, std::set<std::string>> table{
        {2014,
         {"2014-01-01", "2014-04-18", "2014-04-21", "2014-04-26", "2014-05-05", "2014-05-29", "2014-06-09",
          "2014-12-25", "2014-12-26"}},
        {2015,
         {"2015-01-01", "2015-04-03", "2015-04-06", "2015-04-27", "2015-05-05", "2015-05-14", "2015-05-25",
          "2015-12-25", "2015-12-26"}},
        {2016,
         {"2016-01-01", "2016-03-25", "2016-03-28", "2016-04-27", "2016-05-05", "2016-05-05", "2016-05-16",
          "2016-12-25", "2016-12-26"}},
        {2017,
         {"2017-01-01", "2017-04-14", "2017-04-17", "2017-04-27", "2017-05-05", "2017-05-25", "2017-06-05",
          "2017-12-25", "2017-12-26"}},
        {2018,
         {"2018-01-01", "2018-03-30", "2018-04-02", "2018-04-27", "2018-05-05", "2018-05-10", "2018-05-21",
          "2018-12-25", "2018-12-26"}},
        {2019,
         {"2019-01-01", "2019-04-19", "2019-04-22", "2019-04-27", "2019-05-05", "2019-05-30", "2019-06-10",
          "2019-12-25", "2019-12-26"}},
        {2020,
         {"2020-01-01", "2020-04-10", "2020-04-13", "2020-04-27", "2020-05-05", "2020-05-21", "2020-06-01",
          "2020-12-25", "2020-12-26"}},
        {2021,
         {"2021-01-01", "2021-04-02", "2021-04-05", "2021-04-27", "2021-05-05", "2021-05-13", "2021-05-24",
          "2021-12-25", "2021-12-26"}},
        {2022,
         {"2022-01-01", "2022-04-15", "2022-04-18", "2022-04-27", "2022-05-05", "2022-05-26", "2022-06-06",
          "2022-12-25", "2022-12-26"}},
        {2023,
         {"2023-01-01", "2023-04-07", "2023-04-10", "2023-04-27", "2023-05-05", "2023-05-18", "2023-05-29",
          "2023-12-25", "2023-12-26"}},
        {2024,
         {"2024-01-01", "2024-03-29", "2024-04-01", "2024-04-27", "2024-05-05", "2024-05-09", "2024-05-20",
          "2024-12-25", "2024-12-26"}},
        {2025,
         {"2025-01-01", "2025-04-18", "2025-04-21", "2025-04-26", "2025-05-05", "2025-05-29", "2025-06-09",
          "2025-12-25", "2025-12-26"}},
        {2026,
         {"2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-25",
          "2026-12-25", "2026-12-26"}},
        {2027,
         {"2027-01-01", "2027-03-26", "2027-03-29", "2027-04-27", "2027-05-05", "2027-05-06", "2027-05-17",
          "2027-12-25", "2027-12-26"}},
        {2028,
         {"2028-01-01", "2028-04-14", "2028-04-17", "2028-04-27", "2028-05-05", "2028-05-25", "2028-06-05",
          "2028-12-25", "2028-12-26"}},
        {2029,
         {"2029-01-01", "2029-03-30", "2029-04-02", "2029-04-27", "2029-05-05", "2029-05-10", "2029-05-21",
          "2029-12-25", "2029-12-26"}},
        {2030,
         {"2030-01-01", "2030-04-19", "2030-04-22", "2030-04-27", "2030-05-05", "2030-05-30", "2030-06-10",
          "2030-12-25", "2030-12-26"}},
    };
    const Calendar cal = Calendar::without_equated_days();
    int holidays = 0;
    for (Date day = d("2014-01-01"); day <= d("2030-12-31"); day = day + 1) {
        const bool expected = table.at(day.year()).count(day.iso()) != 0;
        EXPECT_EQ(cal.is_holiday(day), expected) << day.iso() << " " << cal.holiday_name(day);
        holidays += cal.is_holiday(day);
    }
    EXPECT_EQ(holidays, 17 * 9 - 1);  // in 2016 Hemelvaartsdag fell on 5 May
}

TEST(Calendar, EquatedDaysLoadFromText) {
    Calendar cal = Calendar::without_equated_days();
    cal.load_equated_days("\xEF\xBB\xBF# commentaar\n\n2029-05-11  vrijdag na Hemelvaartsdag\r\n2030-05-31\n",
                          "extra.txt");
    EXPECT_TRUE(cal.is_equated(d("2029-05-11")));
    EXPECT_TRUE(cal.is_equated(d("2030-05-31")));
    EXPECT_EQ(cal.equated_days().at(d("2029-05-11")), "vrijdag na Hemelvaartsdag");
    EXPECT_EQ(cal.equated_days().size(), 2u);
}

TEST(Calendar, BadEquatedDayNamesFileAndLineAndAddsNothing) {
    Calendar cal = Calendar::without_equated_days();
    try {
        cal.load_equated_days("2029-05-11\n# ok\n11-05-2029 vrijdag\n", "extra.txt");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("extra.txt:3: '11-05-2029' is geen datum"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(cal.equated_days().empty());
}

TEST(Calendar, ShippedListIsTheDataFile) {
    // The built-in list is data/kalender/gelijkgestelde-dagen.txt, byte for byte.
    EXPECT_NE(Calendar::shipped_equated_days().find("2024-05-10"), std::string_view::npos);
    EXPECT_EQ(Calendar{}.equated_days().size(), 18u);
    // The years the list covers: 2017-2019 (Besluit van 24 oktober 2016) and 2022-2028; the decrees
    // of 2015-2016 and 2020-2021 are not in it.
    const Calendar cal;
    for (const int year : {2017, 2018, 2019, 2022, 2026, 2028}) EXPECT_TRUE(cal.equated_days_known(year)) << year;
    for (const int year : {2014, 2015, 2016, 2020, 2021, 2029}) EXPECT_FALSE(cal.equated_days_known(year)) << year;
    EXPECT_TRUE(cal.is_equated(d("2018-12-24")));
    EXPECT_TRUE(cal.is_equated(d("2019-12-27")));
}

TEST(Calendar, DwangsomAmountsByDate) {
    const Calendar cal;
    ASSERT_NE(cal.dwangsom_rates(d("2018-12-31")), nullptr);
    EXPECT_EQ(cal.dwangsom_rates(d("2018-12-31"))->per_day, (std::array<int, 3>{20, 30, 40}));
    EXPECT_EQ(cal.dwangsom_rates(d("2019-01-01"))->per_day, (std::array<int, 3>{23, 35, 45}));
    EXPECT_EQ(cal.dwangsom_rates(d("2009-09-30")), nullptr);
    EXPECT_NE(Calendar::shipped_dwangsom_rates().find("Stcrt. 2018, 65542"), std::string_view::npos);
}

TEST(Deadlines, ExtensionReasonsForMessages) {
    const Calendar cal;
    EXPECT_EQ(cal.extension_reasons(d("2024-05-09"), d("2024-05-13")),
              "Hemelvaartsdag (9 mei 2024), 10 mei 2024 (gelijkgestelde dag) en het weekend");
    EXPECT_EQ(cal.extension_reasons(d("2025-04-26"), d("2025-04-28")), "Koningsdag (26 april 2025) en het weekend");
    EXPECT_EQ(cal.extension_reasons(d("2026-05-04"), d("2026-05-04")), "");
}

// The day table behind is_non_working_day says what the rules say, day by day, inside its years
// and past both ends, for the shipped list, an added day and a calendar without the list.
TEST(Calendar, DayTableAgreesWithTheRules) {
    Calendar with;
    with.add_equated_day(d("2029-05-11"));
    with.add_equated_day(d("2150-05-15"));  // outside the table: looked up the long way
    const Calendar without = Calendar::without_equated_days();
    int non_working = 0;
    for (Date x = d("1985-01-01"); x < d("2160-01-01"); x = x + 1) {
        for (const Calendar* cal : {static_cast<const Calendar*>(&with), &without}) {
            const bool expected = x.is_weekend() || cal->is_holiday(x) || cal->is_equated(x);
            ASSERT_EQ(cal->is_non_working_day(x), expected) << x.iso();
            non_working += expected;
        }
    }
    EXPECT_TRUE(with.is_non_working_day(d("2024-05-10")));
    EXPECT_FALSE(without.is_non_working_day(d("2024-05-10")));  // a Friday, equated only by the list
    EXPECT_TRUE(with.is_non_working_day(d("2150-05-15")));
    EXPECT_GT(non_working, 2 * 175 * 104);
}
