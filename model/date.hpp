#pragma once
// Calendar dates (no time zone: every date is a Europe/Amsterdam calendar date).
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wmotoets {

struct Date {
    std::int32_t days = 0;  // days since 1970-01-01

    static Date from_ymd(int y, unsigned m, unsigned d);
    void to_ymd(int& y, unsigned& m, unsigned& d) const;
    int year() const;
    unsigned month() const;
    unsigned day() const;
    // 0 = Monday … 6 = Sunday (ISO order).
    unsigned iso_weekday() const;
    bool is_weekend() const { return iso_weekday() >= 5; }

    std::string iso() const;            // 2024-03-28
    std::string dutch_long() const;     // 28 maart 2024
    std::string dutch_weekday() const;  // donderdag

    Date operator+(int n) const { return Date{days + n}; }
    Date operator-(int n) const { return Date{days - n}; }
    int operator-(Date o) const { return days - o.days; }
    auto operator<=>(const Date&) const = default;
};

bool valid_ymd(int y, unsigned m, unsigned d);
// Strict YYYY-MM-DD.
std::optional<Date> parse_iso_date(std::string_view s);
// A date in an attribute value (`verzonden`, `tot`): YYYY-MM-DD or D-M-YYYY, optionally followed
// by a time (ignored), surrounding spaces allowed.
std::optional<Date> parse_date_value(std::string_view s);

}  // namespace wmotoets
