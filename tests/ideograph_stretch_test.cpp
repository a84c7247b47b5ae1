// Ideograph stretches: the block count and the character-at-a-time count agree.
#include "jianbao/ideograph_stretch.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace jianbao {
namespace {

std::size_t count(std::string_view s) {
  return leading_ideographs(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

TEST(IdeographStretch, CountsIdeographsUpToTheFirstOtherCharacter) {
  EXPECT_EQ(count(""), 0u);
  EXPECT_EQ(count("中"), 1u);
  EXPECT_EQ(count("，中"), 0u);
  EXPECT_EQ(count("就贯彻落实好省"), 7u);
  EXPECT_EQ(count("就贯彻落实好省两会精神，会议强调"), 11u);
  EXPECT_EQ(count("就贯彻落实好省两会精神 会议强调"), 11u);
  EXPECT_EQ(count("就贯彻落实好省两会精神会议强调十点意见一要认真"), 23u);
  // Lead bytes E4..E9 only: 〇 (E3 80 87) ends a stretch, 龥 (E9 BE A5) does not.
  EXPECT_EQ(count("龥〇"), 1u);
  // The Yijing hexagrams (U+4DC0..U+4DFF, E4 B7 xx) are symbols, not Han.
  EXPECT_EQ(count("中䷀中"), 1u);
  // A sequence cut short ends it, at any point of a block.
  std::string ideographs;
  for (std::size_t k = 0; k < 12; ++k, ideographs += "中")
    EXPECT_EQ(count(ideographs + "\xE4\xB8" + "国国国国国国国国"), k) << k;
}

#if defined(__SSE2__)
TEST(IdeographStretch, BlocksAgreeWithCharacters) {
  std::mt19937 random(20231123);
  const std::string pieces[] = {"中", "国", "龥", "丁", "，", "。", "“", "a", " ", "\n", "\xE4\xB8", "\xE4", "\x80",
                                "\xBF", "\xEA\xB0\x80", "\xE3\x80\x80", "\xF0\xA0\x80\x80", "䷀", "\xE4\xB7"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = std::uniform_int_distribution<>(0, 30)(random);
    for (int i = 0; i < length; ++i) {
      // Mostly ideographs, as on a page.
      const int pick = std::uniform_int_distribution<>(0, 3 * static_cast<int>(std::size(pieces)))(random);
      text += pick < static_cast<int>(std::size(pieces)) ? pieces[pick] : "中";
    }
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t start = 0; start <= text.size(); ++start)
      ASSERT_EQ(leading_ideographs_sse2(p + start, text.size() - start),
                leading_ideographs_scalar(p + start, text.size() - start))
          << testing::PrintToString(text) << " from " << start;
  }
}
#endif

}  // namespace
}  // namespace jianbao
