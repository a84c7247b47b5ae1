// Character classes for Chinese newspaper text: one table covering the BMP, tabulated
// from ICU when the library is built; the rare astral code points are computed when met.
#include "jianbao/char_class.hpp"

#include <iterator>

#include "jianbao/char_class_icu.hpp"

namespace jianbao {
namespace {

// icu_char_flags of every BMP code point, written by tools/generate_bmp_flags.cpp.
// Asking ICU about all 65,536 at start-up cost every process ~7 M instructions;
// char_class_test checks the table against icu_char_flags.
alignas(64) constexpr std::uint16_t kBmpFlags[] = {
#include "jianbao/bmp_flags.inc"
};
static_assert(std::size(kBmpFlags) == 0x10000, "bmp_flags.inc holds one entry per BMP code point");

}  // namespace

const std::uint16_t* bmp_flag_table() { return kBmpFlags; }

std::uint16_t astral_flags(char32_t cp) {
  if (cp > 0x10FFFF) return kInvalid;
  // The astral planes hold Han extensions (B..H) and little else that pages use.
  if (cp >= 0x20000 && cp <= 0x3FFFF) return kHan | kWide;
  return icu_char_flags(cp);
}

std::uint16_t char_flags(char32_t cp) { return cp < 0x10000 ? kBmpFlags[cp] : astral_flags(cp); }

Utf8Char decode_utf8_before(std::string_view s, std::size_t end, const std::uint16_t* table) {
  // Chinese text mostly ends in a three-byte character: a lead byte E0..EF three
  // bytes back, continuation bytes after it, starts the last character.
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  if (end >= 3 && (bytes[end - 3] & 0xF0) == 0xE0 && (bytes[end - 2] & 0xC0) == 0x80 && (bytes[end - 1] & 0xC0) == 0x80) {
    const char32_t cp = ((bytes[end - 3] & 0x0Fu) << 12) | ((bytes[end - 2] & 0x3Fu) << 6) | (bytes[end - 1] & 0x3Fu);
    // Overlong forms and surrogates are invalid, as decode_utf8 has them.
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3, table[cp]};
    return {bytes[end - 1], 1, kInvalid};
  }
  std::size_t k = end - 1;
  while (k > 0 && end - k < 4 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  const Utf8Char c = decode_utf8(s, k, table);
  return k + c.length == end ? c : Utf8Char{static_cast<unsigned char>(s[end - 1]), 1, kInvalid};
}

}  // namespace jianbao
