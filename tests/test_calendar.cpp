// Dates, the Algemene termijnenwet calendar and every worked example of deadlines.md.
#include <gtest/gtest.h>

#include "model/calendar.hpp"

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
    EXPECT_TRUE(cal.holiday_name(d("2024-03-31")).empty());   // Easter Sunday itself is a Sunday, not art. 3
    EXPECT_TRUE(cal.holiday_name(d("2024-05-19")).empty());   // nor is Whit Sunday
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

// The worked examples of deadlines.md, each one exactly.
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
