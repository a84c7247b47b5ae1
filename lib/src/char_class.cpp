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

}  // namespace jianbao
