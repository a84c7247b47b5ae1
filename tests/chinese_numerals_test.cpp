// Tests for numbers in dates: arabic and full-width digits, digit-by-digit and
// positional Chinese numerals, and the runs that are no number.
#include "jianbao/chinese_numerals.hpp"

#include <gtest/gtest.h>

namespace jianbao {
namespace {

int value_of(std::string_view text) {
  const std::optional<Numeral> numeral = read_numeral(text, 0);
  return numeral ? numeral->value : -1;
}

TEST(ReadNumeral, ArabicDigits) {
  const std::optional<Numeral> numeral = read_numeral("2023年", 0);
  ASSERT_TRUE(numeral);
  EXPECT_EQ(numeral->value, 2023);
  EXPECT_EQ(numeral->length, 4u);
  EXPECT_EQ(numeral->characters, 4);
  EXPECT_EQ(numeral->form, NumeralForm::arabic);
}

TEST(ReadNumeral, FullWidthDigits) {
  const std::optional<Numeral> numeral = read_numeral("２０２３年", 0);
  ASSERT_TRUE(numeral);
  EXPECT_EQ(numeral->value, 2023);
  EXPECT_EQ(numeral->length, 12u);
  EXPECT_EQ(numeral->form, NumeralForm::arabic);
}

TEST(ReadNumeral, TooLongForADatePart) { EXPECT_EQ(value_of("1234567890"), -1); }

TEST(ReadNumeral, ChineseDigitByDigit) {
  const std::optional<Numeral> numeral = read_numeral("二〇二三年", 0);
  ASSERT_TRUE(numeral);
  EXPECT_EQ(numeral->value, 2023);
  EXPECT_EQ(numeral->form, NumeralForm::chinese_digits);
  EXPECT_EQ(value_of("一九四九"), 1949);
  EXPECT_EQ(value_of("二零二四"), 2024);
}

TEST(ReadNumeral, ChinesePositional) {
  EXPECT_EQ(value_of("两千零二十三年"), 2023);
  EXPECT_EQ(value_of("一千九百四十九"), 1949);
  EXPECT_EQ(value_of("十"), 10);
  EXPECT_EQ(value_of("十六"), 16);
  EXPECT_EQ(value_of("二十六日"), 26);
  EXPECT_EQ(value_of("廿六日"), 26);
  EXPECT_EQ(value_of("卅一"), 31);
  EXPECT_EQ(value_of("八个"), 8);
  EXPECT_EQ(value_of("两"), 2);
  const std::optional<Numeral> numeral = read_numeral("十二月", 0);
  ASSERT_TRUE(numeral);
  EXPECT_EQ(numeral->form, NumeralForm::chinese_positional);
  EXPECT_EQ(numeral->characters, 2);
  EXPECT_EQ(numeral->length, 6u);
}

TEST(ReadNumeral, MalformedRunsAreNoNumber) {
  EXPECT_EQ(value_of("二二十"), -1);
  EXPECT_EQ(value_of("十十"), -1);
  EXPECT_EQ(value_of("十廿"), -1);
  EXPECT_EQ(value_of("一二三四五六七八九〇一二三"), -1);
}

TEST(ReadNumeral, NothingThere) {
  EXPECT_FALSE(read_numeral("年", 0));
  EXPECT_FALSE(read_numeral("", 0));
  EXPECT_FALSE(read_numeral("1", 1));
}

TEST(NumeralCharacters, Classes) {
  EXPECT_EQ(chinese_digit_value(U'〇'), 0);
  EXPECT_EQ(chinese_digit_value(U'两'), 2);
  EXPECT_EQ(chinese_digit_value(U'十'), -1);
  EXPECT_TRUE(is_chinese_numeral(U'廿'));
  EXPECT_TRUE(is_chinese_numeral(U'千'));
  EXPECT_FALSE(is_chinese_numeral(U'年'));
  EXPECT_EQ(arabic_digit_value(U'７'), 7);
  EXPECT_EQ(arabic_digit_value(U'a'), -1);
}

}  // namespace
}  // namespace jianbao
