#include "import/timestamp.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#include "util/text.hpp"

namespace wmotoets {

namespace {

Date last_sunday(int year, unsigned month) {
    const unsigned next_month = month == 12 ? 1 : month + 1;
    const int next_year = month == 12 ? year + 1 : year;
    Date d = Date::from_ymd(next_year, next_month, 1) - 1;
    while (d.iso_weekday() != 6) d = d - 1;
    return d;
}

struct Cursor {
    std::string_view s;
    std::size_t i = 0;
    bool done() const { return i >= s.size(); }
    char peek() const { return done() ? '\0' : s[i]; }
    // Reads between min and max digits.
    bool digits(int min, int max, int& out) {
        out = 0;
        int n = 0;
        while (n < max && !done() && s[i] >= '0' && s[i] <= '9') {
            out = out * 10 + (s[i] - '0');
            ++i;
            ++n;
        }
        return n >= min;
    }
    bool eat(char c) {
        if (peek() != c) return false;
        ++i;
        return true;
    }
};

}  // namespace

int amsterdam_offset_minutes(std::int64_t utc_seconds) {
    const std::int64_t day = utc_seconds >= 0 ? utc_seconds / 86400 : (utc_seconds - 86399) / 86400;
    const int year = Date{static_cast<std::int32_t>(day)}.year();
    if (year < 1981) return 60;
    const std::int64_t start = std::int64_t(last_sunday(year, 3).days) * 86400 + 3600;
    const std::int64_t end = std::int64_t(last_sunday(year, year < 1996 ? 9 : 10).days) * 86400 + 3600;
    return (utc_seconds >= start && utc_seconds < end) ? 120 : 60;
}

namespace {
// The common shapes, YYYY-MM-DD and YYYY-MM-DD[T ]HH:MM[:SS] without zone, read directly into
// `ts`; false means "not one of those", and the general reader decides. (Not an optional: the
// copy of one, flag and all, waited on its own byte store on every row.)
bool parse_common(std::string_view s, LocalTimestamp& ts) {
    if (s.size() != 10 && s.size() != 16 && s.size() != 19) return false;
    auto digit = [&](std::size_t i) { return static_cast<unsigned>(s[i] - '0'); };
    auto two = [&](std::size_t i) { return digit(i) * 10 + digit(i + 1); };
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (digit(i) > 9) return false;
    if (s[4] != '-' || s[7] != '-') return false;
    // A log spans a few thousand days at most: the day number of a date text is remembered
    // (per thread) instead of validated and computed again for every row.
    struct DayCache {
        std::uint64_t key = 0;   // bytes 0-7 of the text ("YYYY-MM-")
        std::uint16_t tail = 0;  // bytes 8-9 ("DD")
        std::int32_t days = 0;
    };
    thread_local std::array<DayCache, 1024> days_of;
    std::uint64_t key;
    std::uint16_t tail;
    std::memcpy(&key, s.data(), 8);
    std::memcpy(&tail, s.data() + 8, 2);
    DayCache& slot = days_of[((key ^ (std::uint64_t(tail) << 24)) * 0x9E3779B97F4A7C15ULL) >> 54];
    ts.ms = -1;
    if (slot.key == key && slot.tail == tail) {
        ts.date.days = slot.days;
    } else {
        const int y = static_cast<int>(two(0) * 100 + two(2));
        const unsigned m = two(5), d = two(8);
        if (!valid_ymd(y, m, d)) return false;
        ts.date = Date::from_ymd(y, m, d);
        slot = DayCache{key, tail, ts.date.days};
    }
    if (s.size() == 10) return true;
    if ((s[10] != 'T' && s[10] != ' ') || s[13] != ':') return false;
    for (std::size_t i : {11, 12, 14, 15})
        if (digit(i) > 9) return false;
    unsigned ss = 0;
    if (s.size() == 19) {
        if (s[16] != ':' || digit(17) > 9 || digit(18) > 9) return false;
        ss = two(17);
    }
    const unsigned hh = two(11), mm = two(14);
    if (hh > 23 || mm > 59 || ss > 59) return false;
    ts.ms = static_cast<std::int32_t>((hh * 3600 + mm * 60 + ss) * 1000);
    return true;
}
}  // namespace

bool read_timestamp(std::string_view text, LocalTimestamp& out) {
    if (parse_common(text, out)) return true;
    Cursor c{trim(text)};
    int y = 0, mo = 0, d = 0;
    bool dutch = false;
    {
        // Decide between YYYY-MM-DD and D-M-YYYY by the length of the first number.
        std::size_t n = 0;
        while (n < c.s.size() && c.s[n] >= '0' && c.s[n] <= '9') ++n;
        if (n == 4) {
            if (!c.digits(4, 4, y) || !c.eat('-') || !c.digits(2, 2, mo) || !c.eat('-') || !c.digits(2, 2, d))
                return false;
        } else if (n == 1 || n == 2) {
            dutch = true;
            if (!c.digits(1, 2, d) || !c.eat('-') || !c.digits(1, 2, mo) || !c.eat('-') || !c.digits(4, 4, y))
                return false;
        } else {
            return false;
        }
    }
    if (!valid_ymd(y, unsigned(mo), unsigned(d))) return false;
    LocalTimestamp ts{Date::from_ymd(y, unsigned(mo), unsigned(d)), -1};
    if (c.done()) {
        out = ts;
        return true;
    }

    // Time part.
    if (dutch) {
        if (!c.eat(' ')) return false;
    } else if (!c.eat('T') && !c.eat(' ')) {
        return false;
    }
    int hh = 0, mm = 0, ss = 0, frac = 0;
    if (!c.digits(2, 2, hh) || !c.eat(':') || !c.digits(2, 2, mm)) {
        // Dutch exports also write 9:05; accept one hour digit there.
        if (!dutch) return false;
        c.i = c.s.find(' ') + 1;
        if (!c.digits(1, 2, hh) || !c.eat(':') || !c.digits(2, 2, mm)) return false;
    }
    if (c.eat(':')) {
        if (!c.digits(2, 2, ss)) return false;
        if (!dutch && c.eat('.')) {
            int digits_read = 0;
            while (!c.done() && c.peek() >= '0' && c.peek() <= '9') {
                if (digits_read < 3) frac = frac * 10 + (c.peek() - '0');
                ++digits_read;
                ++c.i;
            }
            if (digits_read == 0) return false;
            for (int k = digits_read; k < 3; ++k) frac *= 10;
        }
    }
    if (hh > 23 || mm > 59 || ss > 59) return false;
    std::int64_t local_ms = (std::int64_t(hh) * 3600 + mm * 60 + ss) * 1000 + frac;
    if (c.done()) {
        ts.ms = static_cast<std::int32_t>(local_ms);
        out = ts;
        return true;
    }
    if (dutch) return false;
    int offset_min = 0;
    if (c.eat('Z')) {
        offset_min = 0;
    } else {
        const char sign = c.peek();
        if (sign != '+' && sign != '-') return false;
        ++c.i;
        int oh = 0, om = 0;
        if (!c.digits(2, 2, oh)) return false;
        c.eat(':');
        if (!c.digits(2, 2, om) || oh > 14 || om > 59) return false;
        offset_min = (sign == '+' ? 1 : -1) * (oh * 60 + om);
    }
    if (!c.done()) return false;
    // To UTC, then to Europe/Amsterdam.
    const std::int64_t utc_ms = std::int64_t(ts.date.days) * 86400000 + local_ms - std::int64_t(offset_min) * 60000;
    const std::int64_t utc_s = utc_ms >= 0 ? utc_ms / 1000 : (utc_ms - 999) / 1000;
    const std::int64_t ams_ms = utc_ms + std::int64_t(amsterdam_offset_minutes(utc_s)) * 60000;
    const std::int64_t day = ams_ms >= 0 ? ams_ms / 86400000 : (ams_ms - 86399999) / 86400000;
    ts.date = Date{static_cast<std::int32_t>(day)};
    ts.ms = static_cast<std::int32_t>(ams_ms - day * 86400000);
    out = ts;
    return true;
}

}  // namespace wmotoets
