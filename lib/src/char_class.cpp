// Character classes for Chinese newspaper text, precomputed from ICU properties into
// one table covering the BMP; the rare astral code points are computed when met.
#include "jianbao/char_class.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <optional>

namespace jianbao {
namespace {

std::uint16_t compute_flags(UChar32 cp) {
  std::uint16_t f = 0;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(cp, &status);
  const auto width = static_cast<UEastAsianWidth>(u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH));
  const bool wide = width == U_EA_WIDE || width == U_EA_FULLWIDTH;
  const bool punct = u_ispunct(cp) || u_hasBinaryProperty(cp, UCHAR_DASH);
  if (script == USCRIPT_HAN || cp == 0x3007) f |= kHan;
  if (wide) f |= kWide;
  // Quotes, dashes and ellipsis are East Asian Ambiguous; in this text they are set
  // full width, so they count as CJK punctuation like the wide forms.
  // Ambiguous-width symbols (□ ■ ○ ※) are set full width too.
  const auto type0 = u_charType(cp);
  const bool symbol = type0 == U_OTHER_SYMBOL || type0 == U_MATH_SYMBOL;
  if ((punct || symbol) && cp > 0x7F && (wide || width == U_EA_AMBIGUOUS)) f |= kCjkPunct;
  if (script == USCRIPT_LATIN && u_isalpha(cp)) f |= kLatin;
  if (u_charType(cp) == U_DECIMAL_DIGIT_NUMBER && (cp < 0x80 || (cp >= 0xFF10 && cp <= 0xFF19))) f |= kDigit;
  if (u_isUWhiteSpace(cp) && cp != '\n' && cp != '\f' && cp != '\r' && cp != 0x2028 && cp != 0x2029 &&
      cp != 0x0B && cp != 0x85)
    f |= kSpace;
  if (cp < 0x80 && punct) f |= kAsciiPunct;
  switch (cp) {
    case U'。': case U'！': case U'？': case U'!': case U'?': case U'…': case U'．':
      f |= kSentenceEnd;
      break;
    case U'，': case U'；': case U'：': case U'、': case U',': case U';': case U':':
      f |= kClausePunct;
      break;
    default:
      break;
  }
  const auto type = u_charType(cp);
  if (punct && (type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION || cp == '"' || cp == '\''))
    f |= kCloser;
  if (punct && (type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION)) f |= kOpener;
  return f;
}

// Flags shared by every code point of a large uniform block, if cp is in one.
std::optional<std::uint16_t> uniform_block_flags(UChar32 cp) {
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) return kHan | kWide;  // CJK ideographs
  if (cp >= 0xAC00 && cp <= 0xD7A3) return kWide;                                            // Hangul syllables
  if (cp >= 0xD800 && cp <= 0xF8FF) return 0;  // surrogates (never decoded) and private use
  return std::nullopt;
}

struct FlagTable {
  std::array<std::uint16_t, 0x10000> bmp{};
  FlagTable() {
    // Asking ICU about all 65,536 code points costs ~6 ms per process; the big
    // uniform blocks are filled directly (char_class_test checks them against ICU).
    for (UChar32 cp = 0; cp < 0x10000; ++cp) {
      if (const auto uniform = uniform_block_flags(cp)) bmp[cp] = *uniform;
      else bmp[cp] = compute_flags(cp);
    }
  }
};

}  // namespace

const std::uint16_t* bmp_flag_table() {
  static const FlagTable table;
  return table.bmp.data();
}

std::uint16_t astral_flags(char32_t cp) {
  if (cp > 0x10FFFF) return kInvalid;
  // The astral planes hold Han extensions (B..H) and little else that pages use.
  if (cp >= 0x20000 && cp <= 0x3FFFF) return kHan | kWide;
  return compute_flags(static_cast<UChar32>(cp));
}

std::uint16_t char_flags(char32_t cp) { return cp < 0x10000 ? bmp_flag_table()[cp] : astral_flags(cp); }

}  // namespace jianbao
