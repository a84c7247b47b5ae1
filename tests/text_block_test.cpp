// Text blocks: what makes a block plain, the masks, and that every instruction set
// gives the same blocks; and the character classes the masks stand in for.
#include "jianbao/text_block.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "jianbao/char_class.hpp"

namespace jianbao {
namespace {

std::vector<TextBlock> blocks_of(std::string_view text) {
  std::vector<TextBlock> blocks;
  classify_text_blocks(reinterpret_cast<const unsigned char*>(text.data()), text.size(), blocks);
  return blocks;
}

std::string repeat(std::string_view piece, int times) {
  std::string s;
  for (int k = 0; k < times; ++k) s += piece;
  return s;
}

TEST(TextBlock, MasksOfAPlainBlock) {
  // 20 ideographs (60 bytes), a space, a comma and a line end: 63 bytes, then 1 more.
  const std::string text = repeat("中", 20) + " ,\n" + "a";
  const auto blocks = blocks_of(text);
  ASSERT_EQ(blocks.size(), 1u);
  const TextBlock& b = blocks[0];
  EXPECT_TRUE(b.plain);
  EXPECT_EQ(b.whitespace, (std::uint64_t{1} << 60) | (std::uint64_t{1} << 62));
  EXPECT_EQ(b.line_ends, std::uint64_t{1} << 62);
  EXPECT_EQ(b.ascii_marks, std::uint64_t{1} << 61);
  EXPECT_EQ(b.ideographs, 0x249249249249249ULL);  // every third byte of the first 60
  EXPECT_EQ(b.other_three_byte, 0u);
  EXPECT_EQ(b.starts, b.ideographs | (std::uint64_t{0xF} << 60));
}

TEST(TextBlock, PunctuationAndHexagramsAreOtherCharacters) {
  const std::string text = "。䷀中";
  const auto blocks = blocks_of(text);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_TRUE(blocks[0].plain);
  EXPECT_EQ(blocks[0].ideographs, 0b1000000u);
  EXPECT_EQ(blocks[0].other_three_byte, 0b1001u);
}

TEST(TextBlock, CharactersCrossBlocks) {
  // After three letters, the 21st ideograph starts at byte 63 and ends in the next block.
  const std::string text = "abc" + repeat("中", 21) + "b";
  auto blocks = blocks_of(text);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_TRUE(blocks[0].plain);
  EXPECT_TRUE(blocks[1].plain);
  EXPECT_EQ(blocks[1].starts, 0b100u);
  // The same cut short by the page's end, or by a byte that is no continuation.
  blocks = blocks_of(text.substr(0, 65));
  EXPECT_FALSE(blocks[0].plain);
  EXPECT_FALSE(blocks[1].plain);
  blocks = blocks_of(text.substr(0, 64) + "x" + "\x80" + repeat("中", 20));
  EXPECT_FALSE(blocks[0].plain);
  EXPECT_FALSE(blocks[1].plain);
  // A lead byte at 62 cut short at 63 leaves a stray continuation byte in the next
  // block, which is then no plain block either (a fuzz find).
  blocks = blocks_of("ab" + repeat("中", 20) + "\xE4\xF0\x9F" + repeat("中", 20));
  EXPECT_FALSE(blocks[0].plain);
  EXPECT_FALSE(blocks[1].plain);
  // A hexagram whose lead byte ends a block.
  blocks = blocks_of("abc" + repeat("中", 20) + "䷀");
  EXPECT_EQ(blocks[0].ideographs >> 63, 0u);
  EXPECT_EQ(blocks[0].other_three_byte >> 63, 1u);
}

TEST(TextBlock, OnlyAsciiAndWholeThreeByteCharactersArePlain) {
  const std::string pad = repeat("中", 10);
  for (const std::string odd : {"é", "𠀀", "\xE0\xA4\x80", "\xED\x9F\xBF", "\xE4\xB8", "\x80", "\xFF", "\xC0\x80"})
    EXPECT_FALSE(blocks_of(pad + odd + pad)[0].plain) << testing::PrintToString(odd);
  EXPECT_TRUE(blocks_of(pad + "\xEF\xBC\x8C" + "\xE3\x80\x80" + pad)[0].plain);
}

// What the masks stand in for: the flag table's answers for ASCII and for the lead
// bytes E4..E9, which the scan never looks up.
TEST(TextBlock, MasksAgreeWithTheCharacterClasses) {
  for (char32_t cp = 0; cp < 0x80; ++cp) {
    const std::uint16_t f = char_flags(cp);
    const bool whitespace = (f & kSpace) || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
    EXPECT_EQ(whitespace, cp == ' ' || (cp >= '\t' && cp <= '\r')) << static_cast<unsigned>(cp);
    EXPECT_EQ((f & kClausePunct) && cp != ':', cp == ',' || cp == ';') << static_cast<unsigned>(cp);
    EXPECT_EQ((f & kSentenceEnd) != 0, cp == '!' || cp == '?') << static_cast<unsigned>(cp);
    EXPECT_EQ(display_width({cp, 1, f}), 1) << static_cast<unsigned>(cp);
  }
  for (char32_t cp = 0x4000; cp <= 0x9FFF; ++cp) {
    if (cp >= 0x4DC0 && cp <= 0x4DFF) continue;  // the hexagrams
    const std::uint16_t f = char_flags(cp);
    ASSERT_EQ(display_width({cp, 3, f}), 2) << std::hex << static_cast<unsigned>(cp);
    ASSERT_EQ(f & (kSpace | kClausePunct | kSentenceEnd), 0) << std::hex << static_cast<unsigned>(cp);
  }
}

std::size_t plain_length_of(std::string_view text) {
  return plain_text_length(reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

TEST(TextBlock, PlainTextLengthStopsBeforeTheFirstBlockThatIsNot) {
  EXPECT_EQ(plain_length_of(repeat("中", 10)), 0u);  // shorter than a block
  // Four blocks, less the character that the fourth leaves for the bytes after it.
  EXPECT_EQ(plain_length_of("ab" + repeat("中", 100)), 254u);
  // The block holding é is not plain; a character crossing into it is left out.
  EXPECT_EQ(plain_length_of("a" + repeat("中", 40) + "é" + repeat("中", 40)), 64u);
  EXPECT_EQ(plain_length_of("ab" + repeat("中", 40) + "é" + repeat("中", 40)), 62u);
  EXPECT_EQ(plain_length_of("é" + repeat("中", 40)), 0u);
}

void expect_same_blocks(const std::vector<TextBlock>& a, const std::vector<TextBlock>& b, const std::string& text) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].plain, b[i].plain) << testing::PrintToString(text) << " block " << i;
    if (!a[i].plain) continue;
    ASSERT_EQ(a[i].whitespace, b[i].whitespace);
    ASSERT_EQ(a[i].line_ends, b[i].line_ends);
    ASSERT_EQ(a[i].starts, b[i].starts);
    ASSERT_EQ(a[i].ideographs, b[i].ideographs);
    ASSERT_EQ(a[i].other_three_byte, b[i].other_three_byte);
    ASSERT_EQ(a[i].ascii_marks, b[i].ascii_marks);
  }
}

// The blocks of text by AVX2 and, where the CPU has it, AVX-512 are SSE2's.
void expect_instruction_sets_agree(const std::string& text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::vector<TextBlock> sse2, avx2, avx512;
  classify_text_blocks_sse2(p, text.size(), sse2);
  classify_text_blocks_avx2(p, text.size(), avx2);
  expect_same_blocks(sse2, avx2, text);
  if (testing::Test::HasFatalFailure() || !avx512_supported()) return;
  classify_text_blocks_avx512(p, text.size(), avx512);
  expect_same_blocks(sse2, avx512, text);
}

TEST(TextBlock, InstructionSetsAgree) {
  if (!avx2_supported()) GTEST_SKIP() << "no AVX2 on this CPU";
  const std::string pieces[] = {"中", "国", "，", "。", "“", "䷀", "a", ",", "!", " ", "\n", "\t", "\u3000", "é",
                                "𠀀", "\xE4\xB8", "\x80", "\xFF", "\xE4", "\xB7"};
  std::mt19937 random(20261204);
  for (int trial = 0; trial < 20000; ++trial) {
    std::string text;
    const int length = static_cast<int>(random() % 200);
    for (int k = 0; k < length; ++k) text += random() % 3 ? "中" : pieces[random() % std::size(pieces)];
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t plain = plain_text_length_sse2(p, text.size());
    ASSERT_EQ(plain, plain_text_length_avx2(p, text.size())) << testing::PrintToString(text);
    if (avx512_supported()) {
      ASSERT_EQ(plain, plain_text_length_avx512(p, text.size())) << testing::PrintToString(text);
    }
    // What it skips is whole, valid characters.
    std::size_t i = 0;
    for (; i < plain; i += decode_utf8(text, i).length)
      ASSERT_FALSE(decode_utf8(text, i).flags & kInvalid) << testing::PrintToString(text);
    ASSERT_EQ(i, plain) << testing::PrintToString(text);
    expect_instruction_sets_agree(text);
    if (HasFatalFailure()) return;
  }
}

// Every ASCII byte value, at every position of a block: the vector masks tell the
// ASCII classes by table lookups, which the random texts above need not reach for
// each byte. (A byte from 0x80 up alone is not plain text, so it has no masks.)
TEST(TextBlock, InstructionSetsAgreeOnEveryByte) {
  if (!avx2_supported()) GTEST_SKIP() << "no AVX2 on this CPU";
  for (int byte = 0; byte < 128; ++byte) {
    for (std::size_t at = 0; at < 64; ++at) {
      std::string text(128, 'a');
      text[at] = static_cast<char>(byte);
      expect_instruction_sets_agree(text);
      if (HasFatalFailure()) return;
    }
  }
}

// Every three-byte character, starting anywhere near a block's ends (crossing into
// the next at 62 and 63), among ASCII spaces and marks: leads, continuation bytes and
// the classes next to them agree however the masks are computed.
TEST(TextBlock, InstructionSetsAgreeOnEveryThreeByteCharacter) {
  if (!avx2_supported()) GTEST_SKIP() << "no AVX2 on this CPU";
  std::string filler;
  while (filler.size() < 128) filler += "a b,c;d!e?f\tg\n";
  filler.resize(128);
  for (char32_t cp = 0x800; cp <= 0xFFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const char encoded[] = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                            static_cast<char>(0x80 | (cp & 0x3F))};
    for (const std::size_t at : {0, 1, 2, 31, 61, 62, 63, 64}) {
      std::string text = filler;
      text.replace(at, 3, encoded, 3);
      expect_instruction_sets_agree(text);
      if (HasFatalFailure()) return;
    }
  }
}

}  // namespace
}  // namespace jianbao
