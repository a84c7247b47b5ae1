// Numbers in dates, written with digits or Chinese numerals. A small table does it:
// dates only use numbers below 10000, where ICU's RBNF spellout parsing (a
// formatter object per call, UnicodeString copies) would cost more than the scan.
#include "jianbao/chinese_numerals.hpp"


namespace jianbao {

int chinese_digit_value(char32_t cp) {
  switch (cp) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

namespace {

// The multiplier of a unit character, or 0.
int chinese_unit_value(char32_t cp) {
  switch (cp) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    default: return 0;
  }
}

constexpr int kLongestChineseRun = 12;

// Every character a number is written with is ASCII or three bytes long (CJK and
// the full-width digits), so this decoder needs no more; anything else is "none".
struct NumeralChar {
  char32_t cp;
  std::size_t length;
};
constexpr char32_t kNotNumeral = 0xFFFD;

inline NumeralChar decode_numeral_char(std::string_view text, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + i;
  const std::size_t left = text.size() - i;
  if (p[0] < 0x80) return {p[0], 1};
  if ((p[0] & 0xF0) == 0xE0 && left >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
    return {((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu), 3};
  }
  return {kNotNumeral, 1};
}

std::optional<Numeral> read_arabic(std::string_view text, std::size_t pos) {
  Numeral numeral;
  std::size_t i = pos;
  while (i < text.size()) {
    const NumeralChar c = decode_numeral_char(text, i);
    const int digit = arabic_digit_value(c.cp);
    if (digit < 0) break;
    if (++numeral.characters > 9) return std::nullopt;  // a code, not a date part
    numeral.value = numeral.value * 10 + digit;
    i += c.length;
  }
  if (numeral.characters == 0) return std::nullopt;
  numeral.length = i - pos;
  return numeral;
}

std::optional<Numeral> read_chinese(std::string_view text, std::size_t pos) {
  // First the run's extent and whether it holds only digits.
  std::size_t i = pos;
  int characters = 0;
  bool only_digits = true;
  char32_t run[kLongestChineseRun];
  while (i < text.size()) {
    const NumeralChar c = decode_numeral_char(text, i);
    if (!is_chinese_numeral(c.cp)) break;
    if (characters == kLongestChineseRun) return std::nullopt;
    run[characters++] = c.cp;
    only_digits = only_digits && chinese_digit_value(c.cp) >= 0 && c.cp != U'两';
    i += c.length;
  }
  if (characters == 0) return std::nullopt;
  Numeral numeral;
  numeral.length = i - pos;
  numeral.characters = characters;
  if (only_digits && characters >= 2) {
    numeral.form = NumeralForm::chinese_digits;
    for (int k = 0; k < characters; ++k) numeral.value = numeral.value * 10 + chinese_digit_value(run[k]);
    return numeral;
  }
  // Positional: digits multiply the unit after them; 零 only holds a place; 廿 and
  // 卅 are 20 and 30 and take a digit after them.
  numeral.form = NumeralForm::chinese_positional;
  int total = 0;
  int pending = -1;         // a digit waiting for its unit
  int last_unit = 100000;   // units must fall: 千 before 百 before 十
  for (int k = 0; k < characters; ++k) {
    const char32_t cp = run[k];
    if (const int digit = chinese_digit_value(cp); digit >= 0) {
      if (cp == U'零' || cp == U'〇') {
        if (pending > 0) return std::nullopt;
        continue;
      }
      if (pending >= 0) return std::nullopt;  // 二二十: two digits in a row
      pending = digit;
    } else if (const int unit = chinese_unit_value(cp); unit > 0) {
      if (unit >= last_unit) return std::nullopt;
      total += (pending >= 0 ? pending : 1) * unit;
      pending = -1;
      last_unit = unit;
    } else {  // 廿 or 卅
      if (pending >= 0 || last_unit <= 10) return std::nullopt;
      total += cp == U'廿' ? 20 : 30;
      last_unit = 10;
    }
  }
  if (pending >= 0) total += pending;
  numeral.value = total;
  return numeral;
}

}  // namespace

bool is_chinese_numeral(char32_t cp) {
  return chinese_digit_value(cp) >= 0 || chinese_unit_value(cp) > 0 || cp == U'廿' || cp == U'卅';
}

int arabic_digit_value(char32_t cp) {
  if (cp >= U'0' && cp <= U'9') return static_cast<int>(cp - U'0');
  if (cp >= U'０' && cp <= U'９') return static_cast<int>(cp - U'０');
  return -1;
}

std::optional<Numeral> read_numeral(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  const char32_t first = decode_numeral_char(text, pos).cp;
  if (arabic_digit_value(first) >= 0) return read_arabic(text, pos);
  if (is_chinese_numeral(first)) return read_chinese(text, pos);
  return std::nullopt;
}

}  // namespace jianbao
