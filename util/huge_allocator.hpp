#pragma once
// An allocator for the few very large arrays (events, attributes, order): blocks of 4 MiB and
// more are 2 MiB-aligned and marked for transparent huge pages, so filling them costs a few
// hundred page faults instead of hundreds of thousands (each one slow in a virtual machine).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <sys/mman.h>

namespace wmotoets {

template <class T>
struct HugePageAllocator {
    using value_type = T;
    HugePageAllocator() = default;
    template <class U>
    HugePageAllocator(const HugePageAllocator<U>&) {}

    static constexpr std::size_t kHuge = std::size_t(2) << 20;

    T* allocate(std::size_t n) {
        const std::size_t bytes = n * sizeof(T);
        const std::size_t align = bytes >= 2 * kHuge ? kHuge : (alignof(T) > 16 ? alignof(T) : 16);
        const std::size_t rounded = (bytes + align - 1) / align * align;
        void* p = std::aligned_alloc(align, rounded);
        if (!p) throw std::bad_alloc();
        if (align == kHuge) ::madvise(p, rounded, MADV_HUGEPAGE);  // advice only; failure is harmless
        return static_cast<T*>(p);
    }
    void deallocate(T* p, std::size_t) noexcept { std::free(p); }

    template <class U>
    bool operator==(const HugePageAllocator<U>&) const {
        return true;
    }
};

// Gives the whole pages inside [from, to) of a block from HugePageAllocator back to the system
// while the block stays allocated (its contents there become zero): used to copy one large
// array into another without holding both at once.
inline void release_pages(const void* from, const void* to) noexcept {
    constexpr std::uintptr_t page = 4096;
    const auto b = (reinterpret_cast<std::uintptr_t>(from) + page - 1) & ~(page - 1);
    const auto e = reinterpret_cast<std::uintptr_t>(to) & ~(page - 1);
    if (e > b) ::madvise(reinterpret_cast<void*>(b), e - b, MADV_DONTNEED);
}

}  // namespace wmotoets
