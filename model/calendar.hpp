#pragma once
// The Algemene termijnenwet (BWBR0002448) calendar: which days a term may not end on,
// and the "binnen N weken na X" computation of docs/spec/deadlines.md.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"

namespace wmotoets {

// Easter Sunday (Gregorian computus, Meeus/Jones/Butcher).
Date easter_sunday(int year);

// The dwangsom amounts of Awb 4:17 lid 2 from a date on (data/kalender/dwangsom.txt).
struct DwangsomRates {
    Date from;
    std::array<int, 3> per_day{};  // euros a day for days 1-14, 15-28 and 29-42
    std::string source;
};

class Calendar {
public:
    // A calendar with the Atw holidays and the equated days of the list shipped with the tool
    // (data/kalender/gelijkgestelde-dagen.txt, built into the executable).
    Calendar();
    // An empty list of equated days: only the holidays of Atw art. 3 lid 1 and 2.
    static Calendar without_equated_days();
    // The shipped list as text (the format of load_equated_days).
    static std::string_view shipped_equated_days();

    void add_equated_day(Date d, std::string description = {});
    // Adds the days of a list: one JJJJ-MM-DD per line, optionally followed by a description;
    // blank lines and lines starting with # are skipped. A bad line is an Error naming
    // `source`:line; nothing of the list is added then.
    void load_equated_days(std::string_view text, const std::string& source);
    const std::map<Date, std::string>& equated_days() const { return equated_; }
    // Whether the list covers this year: every decree equates at least one day (the Friday after
    // Hemelvaartsdag), so a year without any day in the list is one whose decree is not in it.
    bool equated_days_known(int year) const;

    // The shipped dwangsom amounts (data/kalender/dwangsom.txt), and those in force on date `x`
    // (nullptr before the first).
    static std::string_view shipped_dwangsom_rates();
    const DwangsomRates* dwangsom_rates(Date x) const;

    // Name of the Atw art. 3 holiday on this date ("Hemelvaartsdag"), or empty.
    std::string holiday_name(Date d) const;
    bool is_holiday(Date d) const;
    bool is_equated(Date d) const { return equated_.count(d) != 0; }
    // A Saturday, a Sunday, an Atw holiday or an equated day. From a table for the years
    // kTableFirstYear … kTableLastYear (every term of every dossier asks, day by day).
    bool is_non_working_day(Date d) const {
        const auto i = static_cast<std::uint32_t>(d.days - table_first_);
        if (i < table_size_) return (non_working_[i >> 6] >> (i & 63)) & 1;
        return compute_non_working_day(d);
    }
    static constexpr int kTableFirstYear = 1990, kTableLastYear = 2100;
    // Why a term cannot end on this day ("zaterdag", "Hemelvaartsdag", "gelijkgestelde dag"), or empty.
    std::string reason_not_last_day(Date d) const;

    // Atw art. 1: move forward while the day is not a working day.
    Date atw(Date d) const;

    // Last day of "binnen N weken na X" with `suspension_days` added before the Atw step.
    Date weeks_after(Date x, int weeks, int suspension_days = 0, bool apply_atw = true) const;

    // Why a term whose raw last day is `raw` ends on `last` instead, in Dutch for a message:
    // "Hemelvaartsdag (9 mei 2024), 10 mei 2024 (gelijkgestelde dag) en het weekend"; empty when
    // raw == last.
    std::string extension_reasons(Date raw, Date last) const;

private:
    bool compute_non_working_day(Date d) const;
    void load_dwangsom_rates(std::string_view text);
    void mark_non_working(Date d);

    std::map<Date, std::string> equated_;
    std::vector<DwangsomRates> dwangsom_;  // ascending by `from`
    std::int32_t table_first_ = 0;
    std::uint32_t table_size_ = 0;
    std::vector<std::uint64_t> non_working_;  // one bit per day from table_first_
};

}  // namespace wmotoets
