#pragma once
// The Algemene termijnenwet (BWBR0002448) calendar: which days a term may not end on,
// and the "binnen N weken na X" computation of deadlines.md.
#include <set>
#include <string>
#include <vector>

#include "model/date.hpp"

namespace wmotoets {

// Easter Sunday (Gregorian computus, Meeus/Jones/Butcher).
Date easter_sunday(int year);

class Calendar {
public:
    // A calendar with the Atw holidays and the equated days decreed so far (deadlines.md).
    Calendar();
    // An empty list of equated days: only the holidays of Atw art. 3 lid 1.
    static Calendar without_equated_days();

    void add_equated_day(Date d) { equated_.insert(d); }
    const std::set<Date>& equated_days() const { return equated_; }

    // Name of the Atw art. 3 holiday on this date ("Hemelvaartsdag"), or empty.
    std::string holiday_name(Date d) const;
    bool is_holiday(Date d) const { return !holiday_name(d).empty(); }
    bool is_equated(Date d) const { return equated_.count(d) != 0; }
    // A Saturday, a Sunday, an Atw holiday or an equated day.
    bool is_non_working_day(Date d) const;
    // Why a term cannot end on this day ("zaterdag", "Hemelvaartsdag", "gelijkgestelde dag"), or empty.
    std::string reason_not_last_day(Date d) const;

    // Atw art. 1: move forward while the day is not a working day.
    Date atw(Date d) const;

    // Last day of "binnen N weken na X" with `suspension_days` added before the Atw step.
    Date weeks_after(Date x, int weeks, int suspension_days = 0, bool apply_atw = true) const;

private:
    std::set<Date> equated_;
};

}  // namespace wmotoets
