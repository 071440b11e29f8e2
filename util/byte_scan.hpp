#pragma once
// Sixteen bytes classified at a time: bit i of a mask is set when byte i of the block is one of
// the characters asked for. SSE2 where available (every x86-64), else byte by byte; the CSV
// reader (field separators, line ends, quotes) and the JSON writer (characters to escape) share it.
#include <cstddef>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace wmotoets::scan {

inline constexpr std::size_t kBlock = 16;

// Bytes of p[0..16) equal to c.
inline unsigned equal(const char* p, char c) {
#if defined(__SSE2__)
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(c))));
#else
    unsigned m = 0;
    for (std::size_t i = 0; i < kBlock; ++i) m |= unsigned(p[i] == c) << i;
    return m;
#endif
}

// Bytes of p[0..16) equal to a or b.
inline unsigned any_of(const char* p, char a, char b) { return equal(p, a) | equal(p, b); }

// Bytes of p[0..16) equal to a, b or c.
inline unsigned any_of(const char* p, char a, char b, char c) {
#if defined(__SSE2__)
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(a)), _mm_cmpeq_epi8(x, _mm_set1_epi8(b))),
                     _mm_cmpeq_epi8(x, _mm_set1_epi8(c)))));
#else
    unsigned m = 0;
    for (std::size_t i = 0; i < kBlock; ++i) m |= unsigned(p[i] == a || p[i] == b || p[i] == c) << i;
    return m;
#endif
}

// Bytes of p[0..16) below 0x20 (control characters; UTF-8 bytes from 0x80 are not).
inline unsigned control(const char* p) {
#if defined(__SSE2__)
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i high = _mm_set1_epi8(static_cast<char>(0x80));
    // Compared as signed after flipping the top bit: an unsigned compare.
    return static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmplt_epi8(_mm_xor_si128(x, high), _mm_xor_si128(_mm_set1_epi8(0x20), high))));
#else
    unsigned m = 0;
    for (std::size_t i = 0; i < kBlock; ++i) m |= unsigned(static_cast<unsigned char>(p[i]) < 0x20) << i;
    return m;
#endif
}

}  // namespace wmotoets::scan
