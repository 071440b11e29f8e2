#pragma once
// Giving memory back while a large array is still allocated.
//
// The large arrays of the event log (events, attributes, order, the string table) once asked for
// transparent huge pages. On the two-core virtual machine the figures in bench/RESULTS.md come
// from, a huge page is taken from the free 2 MiB blocks that the guest has handed back to its
// host, and touching one again costs the host's page fault for every 4 KiB of it: the two-rule
// check of the 1M log took 1.64 s with huge pages and 1.27 s without (2026-12-07, six runs each,
// each after a DuckDB run). Plain pages come from memory the system still holds.
#include <cstdint>
#include <sys/mman.h>

namespace wmotoets {

// Gives the whole pages inside [from, to) of a large heap block back to the system while the
// block stays allocated (its contents there become zero): used to copy one large array into
// another without holding both at once.
inline void release_pages(const void* from, const void* to) noexcept {
    constexpr std::uintptr_t page = 4096;
    const auto b = (reinterpret_cast<std::uintptr_t>(from) + page - 1) & ~(page - 1);
    const auto e = reinterpret_cast<std::uintptr_t>(to) & ~(page - 1);
    if (e > b) ::madvise(reinterpret_cast<void*>(b), e - b, MADV_DONTNEED);
}

}  // namespace wmotoets
