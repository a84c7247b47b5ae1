// Character flags asked of ICU: the one definition of every CharFlag, tabulated for
// the BMP when the library is built and used as is for astral code points.
#include "jianbao/char_class_icu.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "jianbao/char_class.hpp"

namespace jianbao {

std::uint16_t icu_char_flags(char32_t code_point) {
  const auto cp = static_cast<UChar32>(code_point);
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
  switch (cp) {
    case U'一': case U'二': case U'三': case U'四': case U'五': case U'六': case U'七': case U'八': case U'九':
    case U'十': case U'（': case U'(': case U'答': case U'问':
    case U'●': case U'◆': case U'◇': case U'★': case U'☆':
      f |= kListOpener;
      break;
    case U'评': case U'员': case U'者': case U'生':
      f |= kCreditEnd;
      break;
    default:
      // Digits, and the circled numbers ① … ⑳.
      if ((cp >= '0' && cp <= '9') || (cp >= 0x2460 && cp <= 0x2473)) f |= kListOpener;
      break;
  }
  const auto type = u_charType(cp);
  if (punct && (type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION || cp == '"' || cp == '\''))
    f |= kCloser;
  if (punct && (type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION)) f |= kOpener;
  return f;
}

}  // namespace jianbao
