// Character classes: the ICU-derived table and the UTF-8 decoder every filter uses.
#include "jianbao/char_class.hpp"

#include <gtest/gtest.h>

namespace jianbao {
namespace {

TEST(CharClass, HanAndWidth) {
  EXPECT_TRUE(char_flags(U'交') & kHan);
  EXPECT_TRUE(char_flags(U'〇') & kHan);
  EXPECT_TRUE(char_flags(U'𠀀') & kHan);
  EXPECT_TRUE(char_flags(U'交') & kWide);
  EXPECT_FALSE(char_flags(U'a') & kWide);
}

TEST(CharClass, ChinesePunctuationIncludesAmbiguousQuotesAndBoxes) {
  for (char32_t cp : {U'，', U'。', U'“', U'”', U'…', U'、', U'（', U'□', U'—'})
    EXPECT_TRUE(char_flags(cp) & kCjkPunct) << static_cast<unsigned>(cp);
  EXPECT_FALSE(char_flags(U',') & kCjkPunct);
  EXPECT_TRUE(char_flags(U',') & kAsciiPunct);
}

TEST(CharClass, LatinDigitsSpaces) {
  EXPECT_TRUE(char_flags(U'a') & kLatin);
  EXPECT_TRUE(char_flags(U'é') & kLatin);
  EXPECT_TRUE(char_flags(U'7') & kDigit);
  EXPECT_TRUE(char_flags(U'７') & kDigit);
  EXPECT_TRUE(char_flags(U' ') & kSpace);
  EXPECT_TRUE(char_flags(U'\u3000') & kSpace);
  EXPECT_TRUE(char_flags(U'\u00A0') & kSpace);
  EXPECT_FALSE(char_flags(U'\n') & kSpace);
  EXPECT_FALSE(char_flags(U'\f') & kSpace);
}

TEST(CharClass, SentenceEndsClosersOpeners) {
  for (char32_t cp : {U'。', U'！', U'？', U'…', U'!', U'?'}) EXPECT_TRUE(char_flags(cp) & kSentenceEnd);
  for (char32_t cp : {U'”', U'）', U'》', U'」'}) EXPECT_TRUE(char_flags(cp) & kCloser);
  for (char32_t cp : {U'“', U'（', U'《', U'「'}) EXPECT_TRUE(char_flags(cp) & kOpener);
  for (char32_t cp : {U'，', U'；', U'、', U'：'}) EXPECT_TRUE(char_flags(cp) & kClausePunct);
}

TEST(CharClass, DecodesValidUtf8) {
  const std::string s = "a交𠀀";
  Utf8Char c = decode_utf8(s, 0);
  EXPECT_EQ(c.cp, U'a');
  EXPECT_EQ(c.length, 1);
  c = decode_utf8(s, 1);
  EXPECT_EQ(c.cp, U'交');
  EXPECT_EQ(c.length, 3);
  c = decode_utf8(s, 4);
  EXPECT_EQ(c.cp, U'𠀀');
  EXPECT_EQ(c.length, 4);
}

TEST(CharClass, InvalidUtf8IsOneFlaggedByte) {
  for (const std::string& bad : {std::string("\x80"), std::string("\xC0\xAF"), std::string("\xE4\xBD"),
                                std::string("\xED\xA0\x80"), std::string("\xF4\x90\x80\x80"), std::string("\xFF"),
                                std::string("\xE0\x80\x80")}) {
    const Utf8Char c = decode_utf8(bad, 0);
    EXPECT_EQ(c.length, 1) << bad.size();
    EXPECT_TRUE(c.flags & kInvalid);
  }
}

TEST(CharClass, DisplayWidth) {
  EXPECT_EQ(display_width(decode_utf8("交", 0)), 2);
  EXPECT_EQ(display_width(decode_utf8("“", 0)), 2);
  EXPECT_EQ(display_width(decode_utf8("a", 0)), 1);
  EXPECT_EQ(display_width(decode_utf8("1", 0)), 1);
}

}  // namespace
}  // namespace jianbao
