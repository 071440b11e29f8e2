#include "model/event_log.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>
#include <thread>

#include "util/error.hpp"
#include "util/pages.hpp"
#include "util/short_sort.hpp"
#include "util/two_threads.hpp"

namespace wmotoets {

std::uint16_t EventLog::add_input(InputFile input) {
    check_room_for_input(input.path);
    inputs.mut().push_back(std::move(input));
    return static_cast<std::uint16_t>(inputs.size() - 1);
}

void EventLog::reserve(std::size_t event_count, std::size_t attribute_count) {
    events.mut().reserve(event_count);
    attributes.mut().reserve(attribute_count);
}

void EventLog::check_room_for_input(const std::string& path) const {
    if (inputs.size() >= 0xFFFF) throw Error(path + ": te veel invoerbestanden in één controle (ten hoogste 65535)");
}

StringPool::StringPool() : views_(1), slots_(1024) {}  // id 0: absent

std::uint32_t StringPool::hash(std::string_view s) {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return static_cast<std::uint32_t>(h ^ (h >> 29));
}

void StringPool::grow() {
    decltype(slots_) slots(slots_.size() * 2);
    const std::size_t mask = slots.size() - 1;
    for (const Slot& s : slots_) {
        if (s.id == 0) continue;
        std::size_t i = s.hash & mask;
        while (slots[i].id != 0) i = (i + 1) & mask;
        slots[i] = s;
    }
    slots_ = std::move(slots);
}

StrId StringPool::find(std::string_view s) const {
    if (s.empty()) return 0;
    const std::uint32_t h = hash(s);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask; slots_[i].id != 0; i = (i + 1) & mask)
        if (slots_[i].hash == h && views_[slots_[i].id] == s) return slots_[i].id;
    return 0;
}

StrId StringPool::intern(std::string_view s, std::uint32_t h) {
    if (s.empty()) return 0;
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    for (; slots_[i].id != 0; i = (i + 1) & mask)
        if (slots_[i].hash == h && views_[slots_[i].id] == s) return slots_[i].id;
    if (chunk_used_ + s.size() > chunk_size_) {
        chunk_size_ = std::max<std::size_t>(64 * 1024, s.size());
        chunks_.push_back(std::make_unique<char[]>(chunk_size_));
        chunk_used_ = 0;
    }
    char* p = chunks_.back().get() + chunk_used_;
    std::memcpy(p, s.data(), s.size());
    chunk_used_ += s.size();
    if (views_.size() >= 0xFFFFFFF0u) throw std::length_error("StringPool: more than four billion strings");
    const StrId id = static_cast<StrId>(views_.size());
    views_.emplace_back(p, s.size());
    slots_[i] = Slot{id, h};
    if (views_.size() * 2 > slots_.size()) grow();
    return id;
}

void StringPool::intern_all(const StringPool& from, std::vector<StrId>& map) {
    const std::size_t n = from.size();
    map.assign(n, 0);
    views_.reserve(views_.size() + n);
    while ((views_.size() + n) * 2 > slots_.size()) grow();
    constexpr std::size_t kAhead = 8;
    std::array<std::uint32_t, kAhead> ahead{};
    const std::size_t mask = slots_.size() - 1;
    const auto fetch = [&](std::size_t id) {
        const std::uint32_t h = hash(from.str(static_cast<StrId>(id)));
        ahead[id % kAhead] = h;
        __builtin_prefetch(&slots_[h & mask]);
    };
    for (std::size_t id = 1; id < std::min(n, kAhead + 1); ++id) fetch(id);
    for (std::size_t id = 1; id < n; ++id) {
        const std::uint32_t h = ahead[id % kAhead];
        if (id + kAhead < n) fetch(id + kAhead);
        map[id] = intern(from.str(static_cast<StrId>(id)), h);
    }
}

std::uint32_t EventLog::case_index(std::string_view case_id) { return case_index(strings.intern(case_id)); }

std::uint32_t EventLog::case_index(StrId id) {
    if (case_by_id_.size() <= id) case_by_id_.resize(std::max<std::size_t>(id + 1, case_by_id_.size() * 3 / 2), 0);
    std::uint32_t& slot = case_by_id_[id];
    if (slot == 0) {
        case_ids_.push_back(id);
        slot = static_cast<std::uint32_t>(case_ids_.size());
    }
    return slot - 1;
}

std::uint32_t EventLog::add_who(const Who& w, std::size_t slot) {
    const auto index = static_cast<std::uint32_t>(whos_.size());
    whos_.push_back(w);
    who_slots_[slot] = index;
    if (whos_.size() * 2 > who_slots_.size()) {  // at most half full
        who_slots_.assign(who_slots_.size() * 2, 0);
        --who_shift_;
        const std::size_t mask = who_slots_.size() - 1;
        for (std::uint32_t i = 1; i < whos_.size(); ++i) {
            std::size_t at = who_slot(whos_[i]);
            while (who_slots_[at] != 0) at = (at + 1) & mask;
            who_slots_[at] = i;
        }
    }
    return index;
}

std::string_view EventLog::attr(const Event& e, StrId key) const {
    if (key == 0) return {};
    for (std::uint32_t i = e.attr_begin; i < e.attr_begin + e.attr_count; ++i)
        if (attributes[i].key == key) return strings.str(attributes[i].value);
    return {};
}

std::string_view EventLog::label(const Event& e) const {
    return e.activity == Activity::onbekend ? strings.str(label_id(e)) : activity_name(e.activity);
}

std::string_view EventLog::label_words(const Event& e, bool in_bezwaar) const {
    return e.activity == Activity::onbekend ? strings.str(label_id(e)) : activity_words(e.activity, in_bezwaar);
}

void EventLog::append_part(EventLog&& part, std::uint16_t file, std::uint32_t line_offset) {
    dated_ = ~std::size_t(0);
    std::vector<StrId> map;
    strings.intern_all(part.strings, map);
    std::vector<std::uint32_t> case_map(part.case_ids_.size());
    for (std::size_t c = 0; c < case_map.size(); ++c) case_map[c] = case_index(map[part.case_ids_[c]]);

    std::vector<std::uint32_t> who_map(part.whos_.size(), 0);
    for (std::size_t i = 1; i < who_map.size(); ++i) {
        const Who& w = part.whos_[i];
        who_map[i] = who_index(Who{map[w.actor], map[w.role], map[w.team], map[w.organisatie]});
    }

    const auto attr_base = static_cast<std::uint32_t>(attributes.size());
    // Copied in slices; each slice's source pages are released at once, so the peak stays
    // close to one copy of the events.
    constexpr std::size_t kSlice = std::size_t(1) << 18;
    attributes.mut().reserve(attributes.size() + part.attributes.size());
    for (std::size_t i = 0; i < part.attributes.size(); i += kSlice) {
        const std::size_t end = std::min(part.attributes.size(), i + kSlice);
        for (std::size_t k = i; k < end; ++k) {
            const Attribute& a = part.attributes[k];
            attributes.mut().push_back({a.key >= kEventIdKey ? a.key : map[a.key], map[a.value]});
        }
        release_pages(part.attributes.data() + i, part.attributes.data() + end);
    }
    events.mut().reserve(events.size() + part.events.size());
    for (std::size_t i = 0; i < part.events.size(); i += kSlice) {
        const std::size_t end = std::min(part.events.size(), i + kSlice);
        for (std::size_t k = i; k < end; ++k) {
            Event e = part.events[k];
            e.case_index = case_map[e.case_index];
            e.who = who_map[e.who];
            e.attr_begin += attr_base;
            e.line += line_offset;
            e.file = file;
            events.mut().push_back(e);
        }
        release_pages(part.events.data() + i, part.events.data() + end);
    }
    part = EventLog{};
}

void EventLog::truncate(std::size_t event_count, std::size_t attribute_count, std::size_t dossier_count) {
    dated_ = ~std::size_t(0);
    events.mut().resize(std::min(events.size(), event_count));
    attributes.mut().resize(std::min(attributes.size(), attribute_count));
    while (case_ids_.size() > dossier_count) {
        case_by_id_[case_ids_.back()] = 0;
        case_ids_.pop_back();
    }
}

std::optional<std::size_t> EventLog::dossier_position(std::string_view case_id) const {
    const auto it = std::lower_bound(dossiers.begin(), dossiers.end(), case_id,
                                     [&](const Dossier& c, std::string_view id) { return strings.str(c.id) < id; });
    if (it == dossiers.end() || strings.str(it->id) != case_id) return std::nullopt;
    return static_cast<std::size_t>(it - dossiers.begin());
}

Date EventLog::latest_date() const {
    if (dates_noted()) return last_date_;
    Date d{};
    bool first = true;
    for (const Event& e : events) {
        if (first || e.date > d) d = e.date;
        first = false;
    }
    return d;
}

Date EventLog::earliest_date(Date bound) const {
    if (dates_noted()) return events.empty() ? bound : std::min(bound, first_date_);
    for (const Event& e : events) bound = std::min(bound, e.date);
    return bound;
}

void EventLog::finalize(std::size_t two_cores_from) {
    const std::size_t n_cases = case_ids_.size(), n = events.size();
    // A large log on two cores: each half of the events counted and placed, each half of the cases
    // sorted and checked, by its own thread.
    const bool two = n >= two_cores_from && n_cases >= 2 && std::thread::hardware_concurrency() >= 2;
    const std::size_t half = two ? n / 2 : n;
    // Counting sort of events by case, keeping input order within a case: per case the events of
    // the first half of the log (counted in `start`), then those of the second (in `second`).
    std::vector<std::uint32_t> start(n_cases + 1, 0), second;
    struct Span {
        Date first{}, last{};
    };
    const auto count = [&](std::size_t from, std::size_t to, std::vector<std::uint32_t>& counts, Span& span) {
        if (from < to) span.first = span.last = events[from].date;
        for (std::size_t i = from; i < to; ++i) {
            const Event& e = events[i];
            ++counts[e.case_index + 1];
            span.first = std::min(span.first, e.date);
            span.last = std::max(span.last, e.date);
        }
    };
    Span early, late;
    if (two) {
        second.assign(n_cases + 1, 0);
        on_two_threads([&] { count(0, half, start, early); },
                       [&] {
            order.mut().assign(n, 0);
            count(half, n, second, late);
        });
    } else {
        order.mut().assign(n, 0);
        count(0, n, start, early);
    }
    first_date_ = two ? std::min(early.first, late.first) : early.first;
    last_date_ = two ? std::max(early.last, late.last) : early.last;
    dated_ = n;
    // start[c] becomes where case c begins; second[c] where its events of the second half begin.
    for (std::size_t c = 0; c < n_cases; ++c) {
        const std::uint32_t in_first = start[c + 1];
        if (two) {
            const std::uint32_t in_second = second[c + 1];
            second[c] = start[c] + in_first;
            start[c + 1] = start[c] + in_first + in_second;
        } else {
            start[c + 1] = start[c] + in_first;
        }
    }
    const auto place = [&](std::size_t from, std::size_t to, std::uint32_t* pos) {
        std::uint32_t* out = order.mut().data();
        for (std::size_t i = from; i < to; ++i) out[pos[events[i].case_index]++] = static_cast<std::uint32_t>(i);
    };
    {
        std::vector<std::uint32_t> pos(start.begin(), start.end() - 1);
        if (two) {
            on_two_threads([&] { place(0, half, pos.data()); }, [&] { place(half, n, second.data()); });
        } else {
            place(0, n, pos.data());
        }
    }
    std::vector<std::uint32_t>().swap(second);
    // Within a case: by date; within a date by time only when every event of that date has one.
    // Cases are a dozen events, mostly in order already. Then the case's entry in `dossiers`, and
    // whether this stretch of cases is in order of id already (exports usually list them so).
    dossiers.mut().assign(n_cases, Dossier{});
    const auto by_id = [&](const Dossier& x, const Dossier& y) { return strings.str(x.id) < strings.str(y.id); };
    const auto sort_cases = [&](std::size_t from, std::size_t to, bool& sorted) {
        for (std::size_t c = from; c < to; ++c) {
            auto first = order.mut().begin() + start[c], last = order.mut().begin() + start[c + 1];
            stable_sort_short(first, last,
                              [&](std::uint32_t x, std::uint32_t y) { return events[x].date < events[y].date; });
            for (auto it = first; it != last;) {
                auto group_end = it;
                bool all_timed = true;
                while (group_end != last && events[*group_end].date == events[*it].date) {
                    all_timed = all_timed && events[*group_end].has_time();
                    ++group_end;
                }
                if (all_timed && group_end - it > 1)
                    stable_sort_short(it, group_end,
                                      [&](std::uint32_t x, std::uint32_t y) { return events[x].ms < events[y].ms; });
                it = group_end;
            }
            dossiers.mut()[c] = Dossier{case_ids_[c], start[c], start[c + 1]};
        }
        sorted = std::is_sorted(dossiers.begin() + std::ptrdiff_t(from), dossiers.begin() + std::ptrdiff_t(to), by_id);
    };
    // On two cores for a large log: the cases are independent.
    bool sorted = true;
    if (n_cases >= std::min<std::size_t>(two_cores_from, 100000) && n_cases >= 2 &&
        std::thread::hardware_concurrency() >= 2) {
        const std::size_t mid = n_cases / 2;
        bool sorted_later = true;
        on_two_threads([&] { sort_cases(0, mid, sorted); }, [&] { sort_cases(mid, n_cases, sorted_later); });
        sorted = sorted && sorted_later && !by_id(dossiers[mid], dossiers[mid - 1]);
    } else {
        sort_cases(0, n_cases, sorted);
    }
    if (!sorted) std::sort(dossiers.mut().begin(), dossiers.mut().end(), by_id);
}

}  // namespace wmotoets
