#pragma once
// A stable sort for the short runs sorted by the million (the events of a dossier, the findings
// of a dossier): insertion sort, which needs no buffer and is fastest on runs that are mostly in
// order already; std::stable_sort past 32 elements.
#include <algorithm>

namespace wmotoets {

template <class It, class Less>
void stable_sort_short(It first, It last, Less less) {
    if (last - first > 32) return std::stable_sort(first, last, less);
    for (auto it = first + (first != last); it < last; ++it) {
        const auto v = *it;
        auto hole = it;
        for (; hole != first && less(v, *(hole - 1)); --hole) *hole = *(hole - 1);
        *hole = v;
    }
}

}  // namespace wmotoets
