#include "jianbao/line_ends.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace jianbao {
namespace {

// What normalization must give, a byte at a time.
std::string reference(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
      continue;
    }
    out += '\n';
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
  return out;
}

using Normalizer = std::size_t (*)(char*, std::size_t, bool&);

// The ways this CPU can run: the VBMI2 pass only where it has the instructions.
std::vector<Normalizer> normalizers() {
  std::vector<Normalizer> ways = {&normalize_line_ends_scalar};
  if (avx512_vbmi2_supported()) ways.push_back(&normalize_line_ends_avx512);
  return ways;
}

// Normalizes text in calls of the given sizes (the last size repeats), each on a
// copy of its piece with guard bytes after it, which no call may touch; after the
// last call the carry says whether the text ends in a CR.
std::string normalize_in_pieces(Normalizer normalize, const std::string& text, std::size_t first, std::size_t rest) {
  const std::string guard(64, '\xA5');
  std::string out;
  bool after_cr = false;
  for (std::size_t at = 0, size = first; at < text.size(); at += size, size = rest) {
    size = std::min(size, text.size() - at);
    std::string piece = text.substr(at, size) + guard;
    const std::size_t kept = normalize(piece.data(), size, after_cr);
    EXPECT_EQ(piece.substr(size), guard) << "wrote past its bytes";
    out.append(piece, 0, kept);
  }
  EXPECT_EQ(after_cr, !text.empty() && text.back() == '\r');
  return out;
}

TEST(LineEnds, CrLfAndLoneCrBecomeLf) {
  for (const Normalizer normalize : normalizers()) {
    std::string text = "一\r\n二\r三\n\r\n\r\r\n四\r";
    bool after_cr = false;
    text.resize(normalize(text.data(), text.size(), after_cr));
    EXPECT_EQ(text, "一\n二\n三\n\n\n\n四\n");
    EXPECT_TRUE(after_cr);
    // The LF of the CR that ended the last call is dropped.
    std::string next = "\n五";
    next.resize(normalize(next.data(), next.size(), after_cr));
    EXPECT_EQ(next, "五");
    EXPECT_FALSE(after_cr);
  }
}

TEST(LineEnds, EmptyInputKeepsTheCarry) {
  for (const Normalizer normalize : normalizers()) {
    bool after_cr = true;
    EXPECT_EQ(normalize(nullptr, 0, after_cr), 0u);
    EXPECT_TRUE(after_cr);
  }
}

// CRs and LFs at every place of a block and across blocks, in calls of any size:
// every way the CPU can run gives what the byte-at-a-time reference does.
TEST(LineEnds, AgreeWithTheReferenceHoweverSplit) {
  std::mt19937 random(20261206);
  // Long stretches with no CR too: the blocks between two CRs move whole.
  const std::string pieces[] = {"\r", "\n", "\r\n", "中", "a", "\r\r", "\n\n", std::string(150, 'y')};
  for (int trial = 0; trial < 3000; ++trial) {
    std::string text;
    const int length = static_cast<int>(random() % 300);
    for (int k = 0; k < length; ++k) text += random() % 2 ? "x" : pieces[random() % std::size(pieces)];
    const std::string expected = reference(text);
    const std::size_t first = 1 + random() % 130, rest = 1 + random() % 130;
    for (const Normalizer normalize : normalizers()) {
      ASSERT_EQ(normalize_in_pieces(normalize, text, first, rest), expected)
          << testing::PrintToString(text) << " " << first << "/" << rest;
    }
    ASSERT_EQ(normalize_in_pieces(&normalize_line_ends, text, text.size() + 1, 1), expected);
  }
}

}  // namespace
}  // namespace jianbao
