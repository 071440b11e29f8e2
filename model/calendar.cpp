#include "model/calendar.hpp"

#include <array>

namespace wmotoets {

Date easter_sunday(int year) {
    const int a = year % 19, b = year / 100, c = year % 100;
    const int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return Date::from_ymd(year, unsigned(month), unsigned(day));
}

namespace {
// Days equated to Atw holidays by decree (Atw art. 3 lid 3, Staatscourant), per deadlines.md.
constexpr std::array<const char*, 11> kEquatedDays{
    "2022-05-27", "2023-04-28", "2023-05-19", "2024-05-10", "2024-12-27", "2025-05-30",
    "2026-01-02", "2026-05-15", "2027-05-07", "2028-04-28", "2028-05-26"};
}  // namespace

Calendar::Calendar() {
    for (const char* s : kEquatedDays) equated_.insert(*parse_iso_date(s));
}

Calendar Calendar::without_equated_days() {
    Calendar c;
    c.equated_.clear();
    return c;
}

std::string Calendar::holiday_name(Date d) const {
    int y; unsigned m, day;
    d.to_ymd(y, m, day);
    if (m == 1 && day == 1) return "Nieuwjaarsdag";
    if (m == 12 && day == 25) return "Eerste Kerstdag";
    if (m == 12 && day == 26) return "Tweede Kerstdag";
    if (m == 5 && day == 5) return "Bevrijdingsdag (5 mei)";
    // The King's (before 2014: the Queen's) birthday, moved to the day before when it is a Sunday.
    if (y >= 2014) {
        const Date k = Date::from_ymd(y, 4, 27);
        if (d == (k.iso_weekday() == 6 ? k - 1 : k)) return "Koningsdag";
    } else {
        const Date k = Date::from_ymd(y, 4, 30);
        if (d == (k.iso_weekday() == 6 ? k - 1 : k)) return "Koninginnedag";
    }
    const int off = d - easter_sunday(y);
    switch (off) {
        case -2: return "Goede Vrijdag";
        case 1: return "Tweede Paasdag";
        case 39: return "Hemelvaartsdag";
        case 50: return "Tweede Pinksterdag";
        default: return {};
    }
}

bool Calendar::is_non_working_day(Date d) const {
    return d.is_weekend() || is_holiday(d) || is_equated(d);
}

std::string Calendar::reason_not_last_day(Date d) const {
    if (auto h = holiday_name(d); !h.empty()) return h;
    if (is_equated(d)) return "gelijkgestelde dag";
    if (d.is_weekend()) return d.dutch_weekday();
    return {};
}

Date Calendar::atw(Date d) const {
    while (is_non_working_day(d)) d = d + 1;
    return d;
}

Date Calendar::weeks_after(Date x, int weeks, int suspension_days, bool apply_atw) const {
    const Date raw = x + 7 * weeks + (suspension_days > 0 ? suspension_days : 0);
    return apply_atw ? atw(raw) : raw;
}

}  // namespace wmotoets
