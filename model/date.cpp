#include "model/date.hpp"

#include <array>
#include <chrono>
#include <cstdio>

namespace wmotoets {

namespace chr = std::chrono;

Date Date::from_ymd(int y, unsigned m, unsigned d) {
    const chr::sys_days sd{chr::year{y} / chr::month{m} / chr::day{d}};
    return Date{static_cast<std::int32_t>(sd.time_since_epoch().count())};
}

void Date::to_ymd(int& y, unsigned& m, unsigned& d) const {
    const chr::year_month_day ymd{chr::sys_days{chr::days{days}}};
    y = int(ymd.year());
    m = unsigned(ymd.month());
    d = unsigned(ymd.day());
}

int Date::year() const {
    int y;
    unsigned m, d;
    to_ymd(y, m, d);
    return y;
}
unsigned Date::month() const {
    int y;
    unsigned m, d;
    to_ymd(y, m, d);
    return m;
}
unsigned Date::day() const {
    int y;
    unsigned m, d;
    to_ymd(y, m, d);
    return d;
}

unsigned Date::iso_weekday() const {
    // 1970-01-01 was a Thursday (3 in ISO order starting at Monday = 0).
    const int w = (days % 7 + 7 + 3) % 7;
    return static_cast<unsigned>(w);
}

std::string Date::iso() const {
    int y;
    unsigned m, d;
    to_ymd(y, m, d);
    if (y < 0 || y > 9999) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
        return buf;
    }
    // Digit by digit: a million findings write two dates each, and snprintf was 9 % of a check with JSON
    // (issue 31's profile).
    const auto year = static_cast<unsigned>(y);
    std::string out(10, '-');
    out[0] = char('0' + year / 1000);
    out[1] = char('0' + year / 100 % 10);
    out[2] = char('0' + year / 10 % 10);
    out[3] = char('0' + year % 10);
    out[5] = char('0' + m / 10);
    out[6] = char('0' + m % 10);
    out[8] = char('0' + d / 10);
    out[9] = char('0' + d % 10);
    return out;
}

std::string Date::dutch_long() const {
    static constexpr std::array<const char*, 12> months{"januari",   "februari", "maart",    "april",
                                                        "mei",       "juni",     "juli",     "augustus",
                                                        "september", "oktober",  "november", "december"};
    int y;
    unsigned m, d;
    to_ymd(y, m, d);
    // One string, no temporaries: every finding's message holds a date or two.
    std::string out;
    out.reserve(20);
    if (d >= 10) out += char('0' + d / 10);
    out += char('0' + d % 10);
    out += ' ';
    out += months[m - 1];
    out += ' ';
    out += std::to_string(y);
    return out;
}

std::string Date::dutch_weekday() const {
    static constexpr std::array<const char*, 7> names{"maandag", "dinsdag",  "woensdag", "donderdag",
                                                      "vrijdag", "zaterdag", "zondag"};
    return names[iso_weekday()];
}

bool valid_ymd(int y, unsigned m, unsigned d) {
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
    return chr::year_month_day{chr::year{y}, chr::month{m}, chr::day{d}}.ok();
}

std::optional<Date> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto num = [&](std::size_t from, std::size_t len, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int y, m, d;
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
    if (!valid_ymd(y, unsigned(m), unsigned(d))) return std::nullopt;
    return Date::from_ymd(y, unsigned(m), unsigned(d));
}

std::optional<Date> parse_date_value(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    const std::size_t end = s.find_first_of(" T\t");
    s = s.substr(0, end);
    if (auto d = parse_iso_date(s)) return d;
    // D-M-YYYY (also with / or .)
    int parts[3] = {0, 0, 0};
    int idx = 0, digits = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            if (++digits > 4) return std::nullopt;
            parts[idx] = parts[idx] * 10 + (c - '0');
        } else if ((c == '-' || c == '/' || c == '.') && idx < 2 && digits > 0) {
            ++idx;
            digits = 0;
        } else {
            return std::nullopt;
        }
    }
    if (idx != 2 || digits != 4 || parts[0] > 31 || parts[1] > 12) return std::nullopt;
    if (!valid_ymd(parts[2], unsigned(parts[1]), unsigned(parts[0]))) return std::nullopt;
    return Date::from_ymd(parts[2], unsigned(parts[1]), unsigned(parts[0]));
}

}  // namespace wmotoets
