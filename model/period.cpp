#include "model/period.hpp"

#include <array>
#include <charconv>

#include "util/error.hpp"

namespace wmotoets {

namespace {

constexpr std::array<const char*, 12> kMonths{"januari", "februari", "maart",     "april",   "mei",      "juni",
                                              "juli",    "augustus", "september", "oktober", "november", "december"};
constexpr std::array<const char*, 4> kQuarters{"eerste", "tweede", "derde", "vierde"};

Date last_of_month(int y, unsigned m) {
    return (m == 12 ? Date::from_ymd(y + 1, 1, 1) : Date::from_ymd(y, m + 1, 1)) - 1;
}

std::optional<int> number(std::string_view s) {
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size() || s.empty() || s.front() == '-') return std::nullopt;
    return v;
}

// What kind of calendar unit the period is exactly, if any.
enum class Unit { none, year, quarter, month };

Unit unit_of(const Period& p) {
    int y1, y2;
    unsigned m1, d1, m2, d2;
    p.van.to_ymd(y1, m1, d1);
    p.tot.to_ymd(y2, m2, d2);
    if (d1 != 1 || y1 != y2 || p.tot != last_of_month(y2, m2)) return Unit::none;
    if (m1 == 1 && m2 == 12) return Unit::year;
    if (m1 == m2) return Unit::month;
    if ((m1 - 1) % 3 == 0 && m2 == m1 + 2) return Unit::quarter;
    return Unit::none;
}

}  // namespace

std::string quarter_of(Date d) { return std::to_string(d.year()) + "-K" + std::to_string((d.month() - 1) / 3 + 1); }

std::string Period::label() const {
    char month[8];
    switch (unit_of(*this)) {
    case Unit::year: return std::to_string(van.year());
    case Unit::quarter: return quarter_of(van);
    case Unit::month:
        std::snprintf(month, sizeof month, "-%02u", van.month());
        return std::to_string(van.year()) + month;
    case Unit::none: break;
    }
    return van.iso() + "/" + tot.iso();
}

std::string Period::words() const {
    switch (unit_of(*this)) {
    case Unit::year: return std::to_string(van.year());
    case Unit::quarter:
        return std::string("het ") + kQuarters[(van.month() - 1) / 3] + " kwartaal van " + std::to_string(van.year());
    case Unit::month: return std::string(kMonths[van.month() - 1]) + " " + std::to_string(van.year());
    case Unit::none: break;
    }
    return van.dutch_long() + " tot en met " + tot.dutch_long();
}

Period Period::previous() const {
    int y;
    unsigned m, d;
    van.to_ymd(y, m, d);
    switch (unit_of(*this)) {
    case Unit::year: return {Date::from_ymd(y - 1, 1, 1), Date::from_ymd(y - 1, 12, 31)};
    case Unit::quarter: {
        const int py = m == 1 ? y - 1 : y;
        const unsigned pm = m == 1 ? 10 : m - 3;
        return {Date::from_ymd(py, pm, 1), last_of_month(py, pm + 2)};
    }
    case Unit::month: {
        const int py = m == 1 ? y - 1 : y;
        const unsigned pm = m == 1 ? 12 : m - 1;
        return {Date::from_ymd(py, pm, 1), last_of_month(py, pm)};
    }
    case Unit::none: break;
    }
    return {van - days(), van - 1};
}

std::optional<Period> parse_period(std::string_view text) {
    if (const auto slash = text.find('/'); slash != std::string_view::npos) {
        const auto van = parse_iso_date(text.substr(0, slash)), tot = parse_iso_date(text.substr(slash + 1));
        if (!van || !tot || *tot < *van) return std::nullopt;
        return Period{*van, *tot};
    }
    if (text.size() < 4) return std::nullopt;
    const auto year = number(text.substr(0, 4));
    if (!year || !valid_ymd(*year, 1, 1) || !valid_ymd(*year, 12, 31)) return std::nullopt;
    std::string_view rest = text.substr(4);
    if (rest.empty()) return Period{Date::from_ymd(*year, 1, 1), Date::from_ymd(*year, 12, 31)};
    if (rest.front() == '-') rest.remove_prefix(1);
    if (rest.size() == 2 && (rest[0] == 'K' || rest[0] == 'k' || rest[0] == 'Q' || rest[0] == 'q') && rest[1] >= '1' &&
        rest[1] <= '4') {
        const unsigned m = unsigned(rest[1] - '1') * 3 + 1;
        return Period{Date::from_ymd(*year, m, 1), last_of_month(*year, m + 2)};
    }
    if (rest.size() == 2 && text[4] == '-')
        if (const auto m = number(rest); m && *m >= 1 && *m <= 12)
            return Period{Date::from_ymd(*year, unsigned(*m), 1), last_of_month(*year, unsigned(*m))};
    return std::nullopt;
}

std::optional<Period> period_from_options(const std::string& periode, const std::string& van, const std::string& tot,
                                          Date first, Date last) {
    if (!periode.empty() && (!van.empty() || !tot.empty())) throw Error("geef --periode of --van/--tot, niet allebei");
    if (!periode.empty()) {
        const auto p = parse_period(periode);
        if (!p)
            throw Error("--periode '" + periode +
                        "' is geen periode; geef een jaar (2024), een kwartaal (2024-K2), een maand (2024-03) of "
                        "--van JJJJ-MM-DD --tot JJJJ-MM-DD");
        return p;
    }
    if (van.empty() && tot.empty()) return std::nullopt;
    auto date = [](const std::string& text, const char* option) {
        const auto d = parse_iso_date(text);
        if (!d) throw Error(std::string(option) + " '" + text + "' is geen geldige datum (verwacht JJJJ-MM-DD)");
        return *d;
    };
    const Date from = van.empty() ? first : date(van, "--van"), to = tot.empty() ? last : date(tot, "--tot");
    if (to < from)
        throw Error("de periode eindigt (" + to.dutch_long() + ") vóór ze begint (" + from.dutch_long() + ")");
    return Period{from, to};
}

}  // namespace wmotoets
