// Numbers as Chinese newspapers write them in dates: ASCII and full-width digits,
// digit-by-digit Chinese numerals (二〇二三) and positional ones (两千零二十三, 二十六,
// 廿六). tag-dates' grammar reads every number it meets through here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace jianbao {

enum class NumeralForm : std::uint8_t {
  arabic,              // 2023, ２０２３
  chinese_digits,      // 二〇二三: one character per decimal digit, at least two
  chinese_positional,  // 两千零二十三, 二十六, 廿六, 八
};

struct Numeral {
  int value = 0;
  std::size_t length = 0;  // bytes
  int characters = 0;      // digits or numeral characters read
  NumeralForm form = NumeralForm::arabic;
};

// The value of a Chinese numeral character: 0-9 for 〇零一二两三四五六七八九, or -1.
int chinese_digit_value(char32_t cp);
// Whether cp is one of the characters a Chinese numeral is written with
// (the digits and 十百千廿卅).
bool is_chinese_numeral(char32_t cp);
// 0-9 for ASCII and full-width digits, else -1.
int arabic_digit_value(char32_t cp);

// Reads the number that starts at text[pos]: a run of arabic digits (at most 9), or
// a run of Chinese numeral characters that forms one well-made number. nullopt when
// text[pos] starts neither, or the run is not a number (二二十, 十十).
std::optional<Numeral> read_numeral(std::string_view text, std::size_t pos);

}  // namespace jianbao
