// Character classes: the ICU-derived table and the UTF-8 decoder every filter uses.
#include "jianbao/char_class.hpp"
#include "jianbao/char_class_icu.hpp"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

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

TEST(CharClass, BmpTableIsComputeFlagsForEveryCodePoint) {
  // The build writes the table; it must never drift from ICU's answers at run time.
  const std::uint16_t* table = bmp_flag_table();
  for (char32_t cp = 0; cp < 0x10000; ++cp)
    ASSERT_EQ(table[cp], icu_char_flags(cp)) << std::hex << static_cast<unsigned>(cp);
}

TEST(CharClass, UniformBlocksAgreeWithIcu) {
  // The Han and Hangul blocks the text is made of: one set of flags each, as ICU says
  // (and the numerals and 答 问 that may open a numbered item or a reply, and the
  // last characters of credits' roles).
  for (char32_t cp = 0x3400; cp <= 0x9FFF; ++cp) {
    if (cp > 0x4DBF && cp < 0x4E00) continue;
    UErrorCode status = U_ZERO_ERROR;
    ASSERT_EQ(uscript_getScript(static_cast<UChar32>(cp), &status), USCRIPT_HAN) << std::hex << static_cast<unsigned>(cp);
    ASSERT_EQ(u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH), U_EA_WIDE) << std::hex << static_cast<unsigned>(cp);
    ASSERT_EQ(char_flags(cp) & ~(kListOpener | kCreditEnd), kHan | kWide);
  }
  for (char32_t cp = 0xAC00; cp <= 0xD7A3; ++cp) {
    ASSERT_EQ(u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH), U_EA_WIDE);
    ASSERT_FALSE(u_ispunct(static_cast<UChar32>(cp)) || u_isUWhiteSpace(static_cast<UChar32>(cp)));
    ASSERT_EQ(char_flags(cp), kWide);
  }
}

TEST(CharClass, ListOpenersAreTheNumbersBulletsAndReplies) {
  const std::u32string_view openers = U"一二三四五六七八九十（(0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳●◆◇★☆答问";
  for (char32_t cp = 0; cp < 0x10000; ++cp)
    ASSERT_EQ((char_flags(cp) & kListOpener) != 0, openers.find(cp) != std::u32string_view::npos)
        << std::hex << static_cast<unsigned>(cp);
}

TEST(CharClass, CreditEndsAreTheLastCharactersOfRoles) {
  const std::u32string_view ends = U"评员者生";
  for (char32_t cp = 0; cp < 0x10000; ++cp)
    ASSERT_EQ((char_flags(cp) & kCreditEnd) != 0, ends.find(cp) != std::u32string_view::npos)
        << std::hex << static_cast<unsigned>(cp);
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
