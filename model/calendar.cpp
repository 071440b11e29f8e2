#include "model/calendar.hpp"

#include "util/error.hpp"
#include "util/text.hpp"

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

Calendar::Calendar() {
    // The table starts empty (every day looked up the long way) and is filled from that.
    const Date first = Date::from_ymd(kTableFirstYear, 1, 1), end = Date::from_ymd(kTableLastYear + 1, 1, 1);
    std::vector<std::uint64_t> bits(std::size_t(end - first + 63) / 64, 0);
    for (Date d = first; d < end; d = d + 1)
        if (compute_non_working_day(d)) bits[std::size_t(d - first) >> 6] |= std::uint64_t(1) << ((d - first) & 63);
    non_working_ = std::move(bits);
    table_first_ = first.days;
    table_size_ = static_cast<std::uint32_t>(end - first);
    load_equated_days(shipped_equated_days(), "gelijkgestelde-dagen.txt (ingebouwd)");
    load_dwangsom_rates(shipped_dwangsom_rates());
}

bool Calendar::equated_days_known(int year) const {
    const auto it = equated_.lower_bound(Date::from_ymd(year, 1, 1));
    return it != equated_.end() && it->first < Date::from_ymd(year + 1, 1, 1);
}

const DwangsomRates* Calendar::dwangsom_rates(Date x) const {
    const DwangsomRates* in_force = nullptr;
    for (const DwangsomRates& r : dwangsom_)
        if (r.from <= x) in_force = &r;
    return in_force;
}

void Calendar::load_dwangsom_rates(std::string_view text) {
    std::size_t line_no = 0;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        const std::string_view line = trim(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        ++line_no;
        if (line.empty() || line.front() == '#') continue;
        DwangsomRates r;
        std::string_view rest = line;
        auto word = [&rest]() {
            rest = trim(rest);
            const std::size_t end = rest.find_first_of(" \t");
            const std::string_view w = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
            return w;
        };
        const auto from = parse_iso_date(word());
        bool ok = from.has_value();
        for (int& euro : r.per_day) {
            const auto n = parse_amount(word());
            ok = ok && n && *n > 0 && *n < 10000;
            euro = ok ? static_cast<int>(*n) : 0;
        }
        if (!ok || (!dwangsom_.empty() && *from <= dwangsom_.back().from))
            throw Error("dwangsom.txt (ingebouwd):" + std::to_string(line_no) +
                        ": verwacht een datum (oplopend) en drie bedragen in hele euro's");
        r.from = *from;
        r.source = std::string(trim(rest));
        dwangsom_.push_back(std::move(r));
    }
}

void Calendar::mark_non_working(Date d) {
    const auto i = static_cast<std::uint32_t>(d.days - table_first_);
    if (i < table_size_) non_working_[i >> 6] |= std::uint64_t(1) << (i & 63);
}

void Calendar::add_equated_day(Date d, std::string description) {
    auto& slot = equated_[d];
    if (slot.empty()) slot = std::move(description);
    mark_non_working(d);
}

void Calendar::load_equated_days(std::string_view text, const std::string& source) {
    std::vector<std::pair<Date, std::string>> days;
    std::size_t line_no = 0;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        ++line_no;
        if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
        line = trim(line);
        if (line.empty() || line.front() == '#') continue;
        const std::size_t end = line.find_first_of(" \t;,");
        const std::string_view date_text = line.substr(0, end);
        const auto d = parse_iso_date(date_text);
        if (!d) {
            // Shown only when it looks like a mistyped date: the file may be some other file
            // entirely, whose content does not belong in a message.
            const bool datelike =
                date_text.size() <= 12 && date_text.find_first_not_of("0123456789-/.") == std::string_view::npos;
            throw Error(source + ":" + std::to_string(line_no) + ": " +
                        (datelike ? "'" + std::string(date_text) + "' is geen datum"
                                  : std::string("de regel begint niet met een datum")) +
                        " (verwacht JJJJ-MM-DD, daarna eventueel een omschrijving)");
        }
        std::string_view rest = end == std::string_view::npos ? std::string_view{} : line.substr(end + 1);
        rest = trim(rest);
        days.emplace_back(*d, std::string(rest));
    }
    for (auto& [d, description] : days) add_equated_day(d, std::move(description));
}

Calendar Calendar::without_equated_days() {
    Calendar c;
    // Unmark the shipped days again (weekends and holidays among them stay non-working).
    const auto shipped = std::move(c.equated_);
    c.equated_.clear();
    for (const auto& [d, description] : shipped) {
        const auto i = static_cast<std::uint32_t>(d.days - c.table_first_);
        if (i < c.table_size_ && !c.compute_non_working_day(d))
            c.non_working_[i >> 6] &= ~(std::uint64_t(1) << (i & 63));
    }
    return c;
}

std::string Calendar::extension_reasons(Date raw, Date last) const {
    std::vector<std::string> parts;
    bool weekend = false;
    for (Date d = raw; d < last; d = d + 1) {
        if (auto h = holiday_name(d); !h.empty()) parts.push_back(h + " (" + d.dutch_long() + ")");
        else if (is_equated(d)) parts.push_back(d.dutch_long() + " (gelijkgestelde dag)");
        else if (d.is_weekend() && !weekend) {
            weekend = true;
            parts.emplace_back("het weekend");
        }
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += i + 1 == parts.size() ? " en " : ", ";
        out += parts[i];
    }
    return out;
}

namespace {
// The Atw art. 3 holiday on this date, or nullptr.
const char* holiday_of(Date d) {
    int y;
    unsigned m, day;
    d.to_ymd(y, m, day);
    if (m == 1) return day == 1 ? "Nieuwjaarsdag" : nullptr;
    if (m == 12) return day == 25 ? "Eerste Kerstdag" : day == 26 ? "Tweede Kerstdag" : nullptr;
    if (m < 3 || m > 6) return nullptr;  // Easter falls from 22 March to 25 April
    if (m == 5 && day == 5) return "Bevrijdingsdag";
    // The King's (before 2014: the Queen's) birthday, moved to the day before when it is a Sunday.
    if (m == 4 && (day == 26 || day == 27 || day == 29 || day == 30)) {
        if (y >= 2014) {
            const Date k = Date::from_ymd(y, 4, 27);
            if (d == (k.iso_weekday() == 6 ? k - 1 : k)) return "Koningsdag";
        } else {
            const Date k = Date::from_ymd(y, 4, 30);
            if (d == (k.iso_weekday() == 6 ? k - 1 : k)) return "Koninginnedag";
        }
    }
    switch (d - easter_sunday(y)) {
    case -2: return "Goede Vrijdag";
    case 1: return "Tweede Paasdag";
    case 39: return "Hemelvaartsdag";
    case 50: return "Tweede Pinksterdag";
    default: return nullptr;
    }
}
}  // namespace

std::string Calendar::holiday_name(Date d) const {
    const char* name = holiday_of(d);
    return name ? name : std::string();
}

bool Calendar::is_holiday(Date d) const { return holiday_of(d) != nullptr; }

bool Calendar::compute_non_working_day(Date d) const { return d.is_weekend() || is_holiday(d) || is_equated(d); }

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
