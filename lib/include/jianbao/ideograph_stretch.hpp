// Ideograph stretches: the unbroken sequences of CJK ideographs that make up most of a
// Chinese page. Where despace's page scan (line_shape.cpp) reads a block that is not
// plain text (text_block.hpp) a character at a time, it counts them in blocks of 16
// bytes and decodes only the character that ends one.
#pragma once

#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace jianbao {

// How many ideographs follow each other at the start of p[0, size): three-byte
// characters with lead byte E4..E9 (U+4000..U+9FFF), Han ideographs two columns wide,
// but the Yijing hexagrams (U+4DC0..U+4DFF, E4 B7), which are symbols one column
// wide; one character at a time.
inline std::size_t leading_ideographs_scalar(const unsigned char* p, std::size_t size) {
  std::size_t i = 0;
  while (i + 2 < size && static_cast<unsigned>(p[i] - 0xE4) <= 0xE9 - 0xE4 && (p[i + 1] & 0xC0) == 0x80 &&
         (p[i + 2] & 0xC0) == 0x80 && !(p[i] == 0xE4 && p[i + 1] == 0xB7))
    i += 3;
  return i / 3;
}

#if defined(__SSE2__)
// The same, up to five ideographs per 16-byte block: a bit mask of the positions
// where a lead byte E4..E9 has continuation bytes after it, read at every third byte.
inline std::size_t leading_ideographs_sse2(const unsigned char* p, std::size_t size) {
  constexpr unsigned kTripleStarts = 0b0001001001001001;  // bytes 0, 3, 6, 9, 12
  constexpr unsigned kNoStop = 1u << 15;
  std::size_t count = 0;
  // Spaces and punctuation often follow each other: a stretch of none is told by its
  // first byte.
  if (size == 0 || static_cast<unsigned>(p[0] - 0xE4) > 0xE9 - 0xE4) return 0;
  while (size >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i offset = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(0xE4)));
    const __m128i lead = _mm_cmpeq_epi8(_mm_min_epu8(offset, _mm_set1_epi8(0xE9 - 0xE4)), offset);
    const __m128i continuation = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))),
                                                _mm_set1_epi8(static_cast<char>(0x80)));
    const unsigned lead_bits = static_cast<unsigned>(_mm_movemask_epi8(lead));
    const unsigned continuation_bits = static_cast<unsigned>(_mm_movemask_epi8(continuation));
    const auto hexagram_bits = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE4)))) &
        (_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xB7)))) >> 1));
    const unsigned ideographs = lead_bits & ~hexagram_bits & (continuation_bits >> 1) & (continuation_bits >> 2);
    const auto stop = static_cast<unsigned>(__builtin_ctz((~ideographs & kTripleStarts) | kNoStop));
    count += stop / 3;
    if (stop != 15) return count;
    p += 15;
    size -= 15;
  }
  return count + leading_ideographs_scalar(p, size);
}
#endif

inline std::size_t leading_ideographs(const unsigned char* p, std::size_t size) {
#if defined(__SSE2__)
  return leading_ideographs_sse2(p, size);
#else
  return leading_ideographs_scalar(p, size);
#endif
}

}  // namespace jianbao
