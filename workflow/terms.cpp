#include "workflow/terms.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace wmotoets {

std::string number_word(int n) {
    static const char* const words[] = {"nul",   "een",  "twee",  "drie", "vier", "vijf",  "zes",
                                        "zeven", "acht", "negen", "tien", "elf",  "twaalf"};
    return n >= 0 && n <= 12 ? words[n] : std::to_string(n);
}

DecisionTerm decision_term(const DossierFacts& f, Date start, int weeks, Pos from, Pos until,
                           std::optional<Pos> decision, TermKind kind, const Calendar& cal) {
    DecisionTerm t = week_term(start, weeks, cal);
    // Suspensions (Awb 4:15 lid 1, 7:10 lid 2): from the day after the start until the day of
    // the end; only a suspension that starts while the term still runs counts.
    // The open suspension's start, as a position (no optional: GCC 12 misreads it here).
    bool open = false;
    Pos open_at = 0;
    for (Pos p = from + 1; p < until; ++p) {
        const Activity a = f.activity(p);
        if (a == Activity::opschorting_start && !open) {
            if (f.date(p) <= cal.weeks_after(start, weeks, t.suspension_days)) {
                open = true;
                open_at = p;
            }
        } else if (a == Activity::opschorting_einde && open) {
            t.suspension_days += std::max(0, f.date(p) - f.date(open_at) - 1);
            t.events.push_back(open_at);
            t.events.push_back(p);
            open = false;
        } else if (a == Activity::verdaging) {
            t.verdagingen.push_back(p);
        }
    }
    if (open) {
        t.events.push_back(open_at);
        if (decision)
            t.suspension_days += std::max(0, f.date(*decision) - f.date(open_at) - 1);  // ends with the decision
        else {
            t.suspension_open = true;
            t.suspended_since = f.date(open_at);
        }
    }
    t.raw = start + 7 * weeks + t.suspension_days;
    t.last = cal.atw(t.raw);
    if (kind == TermKind::bezwaar) {
        // Awb 7:10 lid 3: the first verdaging in time adds six weeks; lid 4: a further one with
        // consent moves the last day to its `tot` date when that is later.
        bool first_used = false;
        for (Pos p : t.verdagingen) {
            if (f.date(p) > t.last) continue;
            if (!first_used) {
                first_used = true;
                t.raw = t.last + 42;
                t.last = cal.atw(t.raw);
                t.verdaagd = true;
                t.events.push_back(p);
            } else if (const auto tot = parse_date_value(f.attr(p, "tot"))) {
                if (cal.atw(*tot) > t.last) {
                    t.raw = *tot;
                    t.last = cal.atw(*tot);
                    t.events.push_back(p);
                }
            }
        }
    }
    return t;
}

std::optional<AanvraagTerm> aanvraag_term(const DossierFacts& f, const Cycle& c, const Calendar& cal) {
    if (!c.first_aanvraag) return std::nullopt;
    AanvraagTerm a;
    a.aanvraag = *c.first_aanvraag;
    Date start = f.date(a.aanvraag);
    if (c.premature_aanvraag == c.first_aanvraag) {
        if (const auto later = f.first(Activity::aanvraag, a.aanvraag + 1, c.end)) {
            a.aanvraag = *later;
            start = f.date(*later);
        } else {
            a.premature = true;
            start = *onderzoek_last_day(f, c, cal) + 1;
            if (const auto v = f.first(Activity::verslag, a.aanvraag + 1, c.end); v && f.date(*v) < start)
                start = f.date(*v);
        }
    }
    a.besluit = f.first_besluit(a.aanvraag + 1, c.end);
    a.term = decision_term(f, start, 2, a.aanvraag, a.besluit.value_or(c.end), a.besluit, TermKind::aanvraag, cal);
    if (a.premature)
        a.term.note = ", gerekend vanaf " + start.dutch_long() + ": de aanvraag van " +
                      f.date(a.aanvraag).dutch_long() +
                      " kwam vóór het verslag en binnen de zes weken (Wmo 2.3.2 lid 9)";
    // Awb 4:5 lid 4: the decision not to consider the aanvraag within four weeks after the term
    // for supplementing it ended.
    if (a.besluit && fold_label(f.attr(*a.besluit, "uitkomst")) == "buiten_behandeling") {
        std::optional<Pos> einde;
        for (Pos p = a.aanvraag + 1; p < *a.besluit; ++p)
            if (f.activity(p) == Activity::opschorting_einde) einde = p;
        if (einde) {
            const Date herstel = cal.weeks_after(f.date(*einde), 4);
            if (herstel > a.term.last) {
                a.term.raw = f.date(*einde) + 28;
                a.term.last = herstel;
                a.term.events.push_back(*einde);
                a.term.note +=
                    "; voor een besluit de aanvraag niet te behandelen vier weken na het einde van de "
                    "hersteltermijn op " +
                    f.date(*einde).dutch_long() + " (Awb 4:5 lid 4)";
            }
        }
    }
    return a;
}

std::optional<BezwaarTerm> bezwaar_term(const DossierFacts& f, const Cycle& c, const Calendar& cal) {
    if (!c.first_besluit) return std::nullopt;
    const auto bezwaar = f.first(Activity::bezwaar, *c.first_besluit + 1, c.end);
    if (!bezwaar) return std::nullopt;
    BezwaarTerm b;
    b.bezwaar = *bezwaar;
    b.besluit = *f.contested_besluit(c, *bezwaar);
    b.beslissing = f.first(Activity::besluit_op_bezwaar, *bezwaar + 1, c.end);
    b.commissie = parse_yes_no(f.attr(*bezwaar, "adviescommissie")).value_or(false);
    Date start = cal.weeks_after(f.date(b.besluit), 6);  // Awb 7:10 lid 1: from the end of the bezwaartermijn
    if (f.date(*bezwaar) > start) {
        start = f.date(*bezwaar);
        b.from_receipt = true;
    }
    b.term = decision_term(f, start, b.commissie ? 12 : 6, *bezwaar, b.beslissing.value_or(c.end), b.beslissing,
                           TermKind::bezwaar, cal);
    return b;
}

std::optional<Pos> withdrawal_before(const DossierFacts& f, Pos after, Pos end, Date last, bool afsluiting_too) {
    for (Pos p = after + 1; p < end; ++p) {
        const Activity a = f.activity(p);
        if ((a == Activity::intrekking || (afsluiting_too && a == Activity::afsluiting)) && f.date(p) <= last) return p;
    }
    return std::nullopt;
}

bool closed_for_a_reason(const DossierFacts& f, Pos p) {
    const std::string reden = fold_label(f.attr(p, "reden"));
    return reden == "doorgezonden" || reden == "ingetrokken" || reden == "overleden";
}

std::optional<Pos> closure_with_reason(const DossierFacts& f, Pos after, Pos end) {
    for (Pos p = after + 1; p < end; ++p)
        if (f.activity(p) == Activity::afsluiting && closed_for_a_reason(f, p)) return p;
    return std::nullopt;
}

std::string closure_reason_words(const DossierFacts& f, Pos afsluiting) {
    const std::string reden = fold_label(f.attr(afsluiting, "reden"));
    if (reden == "doorgezonden") return "doorgezonden naar het bevoegde orgaan (Awb 2:3)";
    if (reden == "overleden") return "de cliënt is overleden";
    return "ingetrokken";
}

Date DecisionTerm::last_if_resumed(Date peildatum, const Calendar& cal) const {
    if (!suspension_open || peildatum <= suspended_since) return last;
    // Awb 4:15: the days from the day after its start through the day it ends; ending on the peildatum.
    const int more = std::max(0, peildatum - suspended_since - 1);
    return std::max(last, cal.atw(raw + more));
}

bool closed_after(const DossierFacts& f, Pos p, std::optional<Pos> end) {
    // A dossier of 500,000 events asks this once per request (TOE-03, ONA-04): a search, not a scan.
    const auto next = std::upper_bound(f.closures.begin(), f.closures.end(), p);
    return next != f.closures.end() && *next < end.value_or(static_cast<Pos>(f.size()));
}

WorkingDayCount::WorkingDayCount(const Calendar& cal) : first_(Date::from_ymd(1900, 1, 1)) {
    const Date end = Date::from_ymd(2199, 12, 31);
    prefix_.reserve(std::size_t(end - first_ + 1));
    int n = 0;
    for (Date d = first_; d <= end; d = d + 1) {
        if (!cal.is_non_working_day(d)) ++n;
        prefix_.push_back(n);
    }
}

std::optional<int> WorkingDayCount::through(Date d) const {
    const int i = d - first_;
    if (i < 0 || std::size_t(i) >= prefix_.size()) return std::nullopt;
    return prefix_[std::size_t(i)];
}

int working_days_left(const Calendar& cal, Date peildatum, Date last, const WorkingDayCount* counts) {
    if (counts) {
        // Through `last` less through the day before the peildatum; or, past, through the peildatum less
        // through `last`, negated.
        const auto a = counts->through(last), b = counts->through(peildatum), c = counts->through(peildatum - 1);
        if (a && b && c) return last >= peildatum ? *a - *c : -(*b - *a);
    }
    int n = 0;
    if (last >= peildatum) {
        for (Date d = peildatum; d <= last; d = d + 1)
            if (!cal.is_non_working_day(d)) ++n;
        return n;
    }
    for (Date d = last + 1; d <= peildatum; d = d + 1)
        if (!cal.is_non_working_day(d)) --n;
    return n;
}

Outcome judge_term(std::optional<Date> act, Date last, Date peildatum, bool open) {
    if (act) return *act <= last ? Outcome::voldaan : Outcome::overtreden;
    if (open) return Outcome::onbekend;
    return peildatum > last ? Outcome::overtreden : Outcome::onbekend;
}

DecisionTerm week_term(Date start, int weeks, const Calendar& cal) {
    DecisionTerm t;
    t.start = start;
    t.weeks = weeks;
    t.raw = start + 7 * weeks;
    t.last = cal.atw(t.raw);
    return t;
}

std::string day_term_clause(Date last, int days) {
    return "de termijn liep tot en met " + last.dutch_long() + " (" + std::to_string(days) + " dagen)";
}

namespace {
std::string clause(std::string_view verb, Date last, const DecisionTerm& t, std::string_view after_what,
                   const Calendar& cal, std::string_view extra) {
    std::string s = "de termijn " + std::string(verb) + " tot en met " + last.dutch_long() + " (" +
                    number_word(t.weeks) + " weken na " + std::string(after_what) + " van " + t.start.dutch_long();
    if (t.suspension_days > 0)
        s += ", plus " + std::to_string(t.suspension_days) + (t.suspension_days == 1 ? " dag" : " dagen") +
             " opschorting";
    if (t.suspension_open) s += ", opgeschort sinds " + t.suspended_since.dutch_long() + " en nog niet hervat";
    if (t.verdaagd) s += ", verdaagd";
    if (const std::string why = cal.extension_reasons(t.raw, last); !why.empty() && last == t.last)
        s += ", verlengd om " + why;
    if (!cal.equated_days_known(last.year()))
        s += "; geen gelijkgestelde dagen bekend voor " + std::to_string(last.year());
    return s + std::string(extra) + t.note + ")";
}
}  // namespace

std::string term_clause(const DecisionTerm& t, std::string_view after_what, const Calendar& cal,
                        std::string_view extra) {
    return clause("liep", t.last, t, after_what, cal, extra);
}

std::string open_term_clause(const DecisionTerm& t, Date peildatum, std::string_view after_what, const Calendar& cal,
                             std::string_view extra) {
    const Date last = t.last_if_resumed(peildatum, cal);
    const std::string_view verb = last < peildatum ? "liep" : t.suspension_open ? "loopt ten minste" : "loopt";
    return clause(verb, last, t, after_what, cal, extra);
}

namespace {
// "per e-mail", "aan de balie": how a bezwaar or beroep came in, in words.
std::string channel_words(const std::string& channel) {
    if (channel == "email" || channel == "e_mail" || channel == "mail") return "per e-mail";
    if (channel == "digitaal") return "digitaal";
    if (channel == "balie") return "aan de balie";
    if (channel == "fax") return "per fax";
    return "via een ander kanaal dan de post";
}
}  // namespace

Lodging judge_lodging(const DossierFacts& f, Pos decision, Pos lodged, const Calendar& cal, bool words) {
    Lodging l;
    const DecisionTerm t = week_term(f.date(decision), 6, cal);  // Awb 6:7, 6:8
    l.last = t.last;
    const Date received = f.date(lodged);
    if (received <= l.last) return l;
    const std::string what(activity_words(f.activity(lodged)));
    const std::string term =
        words ? term_clause(t, f.activity(decision) == Activity::besluit ? "het besluit" : "de beslissing op bezwaar",
                            cal)
              : std::string();
    // The grace week of Awb 6:9 lid 2 is for post only: received through another channel, the day
    // it came in is what counts (6:9 lid 1; electronically: when it reached the system, Awb 2:17).
    const std::string channel = fold_label(trim(f.attr(lodged, "kanaal")));
    const bool koerier = channel == "koerier";
    if (!channel.empty() && channel != "post" && channel != "aangetekend" && !koerier) {
        l.outcome = Outcome::overtreden;
        if (!words) return l;
        l.message = "Het " + what + " kwam pas op " + received.dutch_long() + " binnen; " + term + "; het " + what +
                    " kwam " + channel_words(channel) +
                    " binnen, niet per post, dus telt de dag van ontvangst (Awb 6:9 lid 1)";
        return l;
    }
    const std::string_view verzonden_text = f.attr(lodged, "verzonden");
    const auto verzonden = parse_date_value(verzonden_text);
    const Date grace = l.last + 7;
    // A courier may or may not be a postvervoerbedrijf registered with the ACM: the log does not say.
    if (koerier && received <= grace) {
        l.outcome = Outcome::onbekend;
        return l;
    }
    if (verzonden && *verzonden <= l.last && received <= grace) return l;  // Awb 6:9 lid 2
    if (!verzonden && received <= grace) {
        l.outcome = Outcome::onbekend;  // posted in time? the log does not say
        return l;
    }
    l.outcome = Outcome::overtreden;
    if (!words) return l;
    l.message = "Het " + what + " kwam pas op " + received.dutch_long() + " binnen; " + term;
    if (verzonden && *verzonden > l.last) l.message += ", en het is pas op " + verzonden->dutch_long() + " verzonden";
    else if (verzonden)
        l.message += "; het is wel op tijd verzonden (" + verzonden->dutch_long() +
                     "), maar kwam later dan een week na de termijn binnen (Awb 6:9 lid 2)";
    else l.message += ", en ook niet binnen de week die Awb 6:9 geeft voor een per post verzonden " + what;
    return l;
}

}  // namespace wmotoets
