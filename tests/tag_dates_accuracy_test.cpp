// Accuracy of tag-dates on the corpus, with the definitions of tests/corpus/score.py:
// each gold page's clean text tagged with --ref-date = the gold dct; men_f1 over exact
// spans (offset in non-whitespace characters and surface), val_acc over the matched
// spans, trap_fp = tagged spans that overlap no gold expression.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "jianbao/char_class.hpp"
#include "jianbao/date_tagging.hpp"

namespace jianbao {
namespace {

namespace fs = std::filesystem;

const fs::path kGold = fs::path(JIANBAO_CORPUS_DIR) / "gold";

// The floors: what tag-dates reaches on every page (1.0, 1.0, 0), a little lowered.
constexpr double kMinMentionF1 = 0.97;
constexpr double kMinValueAccuracy = 0.97;

std::string read_file(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

bool is_space(char32_t cp) {
  return cp == U' ' || (cp >= U'\t' && cp <= U'\r') || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

// The non-whitespace characters of a UTF-8 text, as code points.
std::u32string non_space(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i);
    if (!is_space(c.cp)) out.push_back(c.cp);
    i += c.length;
  }
  return out;
}

struct Mention {
  std::size_t start;  // in non-whitespace characters
  std::u32string surface;
  std::string value;
};

// score.py's parse_tagged: mentions of tagged output, positions counted without tags.
std::vector<Mention> tagged_mentions(const std::string& out) {
  std::vector<Mention> mentions;
  std::size_t position = 0;
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    const std::string text = line.substr(line.rfind('\t') == std::string::npos ? 0 : line.rfind('\t') + 1);
    std::size_t i = 0;
    while (i < text.size()) {
      const std::size_t open = text.find("<TIMEX3", i);
      if (open == std::string::npos) break;
      position += non_space(text.substr(i, open - i)).size();
      const std::size_t tag_end = text.find('>', open);
      const std::size_t close = text.find("</TIMEX3>", tag_end);
      const std::string attributes = text.substr(open, tag_end - open);
      const std::size_t value_at = attributes.find("value=\"") + 7;
      Mention mention{position, non_space(text.substr(tag_end + 1, close - tag_end - 1)),
                      attributes.substr(value_at, attributes.find('"', value_at) - value_at)};
      position += mention.surface.size();
      mentions.push_back(std::move(mention));
      i = close + 9;
    }
    position += non_space(text.substr(i)).size();
  }
  return mentions;
}

struct GoldPage {
  std::string clean;  // with ⍽ as a space, as score.py feeds it
  std::optional<CivilDate> dct;
  std::vector<Mention> mentions;
};

GoldPage read_gold(const std::string& key) {
  GoldPage page;
  std::string clean = read_file(kGold / (key + ".clean.txt"));
  for (std::size_t at; (at = clean.find("⍽")) != std::string::npos;) clean.replace(at, std::string("⍽").size(), " ");
  page.clean = clean;
  const std::u32string text = non_space(clean);
  std::istringstream tsv(read_file(kGold / (key + ".dates.tsv")));
  std::string line;
  std::size_t from = 0;
  while (std::getline(tsv, line)) {
    if (line.starts_with("# dct:")) {
      page.dct = parse_iso_date(line.substr(7, 10));
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = line.find('\t', tab1 + 1);
    Mention mention{0, non_space(line.substr(0, tab1)), line.substr(tab1 + 1, tab2 - tab1 - 1)};
    mention.start = text.find(mention.surface, from);
    from = mention.start + mention.surface.size();
    page.mentions.push_back(std::move(mention));
  }
  return page;
}

struct Figures {
  double men_f1 = 0;
  double val_acc = 0;
  int trap_fp = 0;
};

Figures score(const GoldPage& gold, const std::vector<Mention>& found) {
  int matched = 0, right_value = 0, traps = 0;
  for (const Mention& mention : found) {
    bool overlaps = false;
    for (const Mention& expected : gold.mentions) {
      if (expected.start == mention.start && expected.surface == mention.surface) {
        ++matched;
        right_value += expected.value == mention.value;
      }
      overlaps = overlaps || (expected.start < mention.start + mention.surface.size() &&
                              mention.start < expected.start + expected.surface.size());
    }
    traps += !overlaps;
  }
  Figures figures;
  const std::size_t total = found.size() + gold.mentions.size();
  figures.men_f1 = total == 0 ? 1.0 : 2.0 * matched / static_cast<double>(total);
  figures.val_acc = matched == 0 ? 0.0 : right_value / static_cast<double>(matched);
  figures.trap_fp = traps;
  return figures;
}

std::string tag_page(const GoldPage& gold) {
  DateTagger tagger(DateTaggingOptions{gold.dct, false});
  Piece piece;
  piece.text = gold.clean;
  piece.page_end = true;
  piece.source = "-";
  piece.source_start = true;
  std::string out;
  tagger.tag_piece(piece, out);
  return out;
}

std::vector<std::string> gold_pages() {
  std::vector<std::string> keys;
  for (const fs::directory_entry& entry : fs::directory_iterator(kGold)) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".dates.tsv")) keys.push_back(name.substr(0, name.size() - 10));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

TEST(TagDatesAccuracy, EveryCorpusPage) {
  const std::vector<std::string> keys = gold_pages();
  ASSERT_FALSE(keys.empty());
  for (const std::string& key : keys) {
    const GoldPage gold = read_gold(key);
    ASSERT_TRUE(gold.dct) << key;
    const Figures figures = score(gold, tagged_mentions(tag_page(gold)));
    std::printf("page %s: men_f1 %.4f val_acc %.4f trap_fp %d (%zu gold mentions)\n", key.c_str(), figures.men_f1,
                figures.val_acc, figures.trap_fp, gold.mentions.size());
    EXPECT_GE(figures.men_f1, kMinMentionF1) << key;
    EXPECT_GE(figures.val_acc, kMinValueAccuracy) << key;
    EXPECT_EQ(figures.trap_fp, 0) << key;
  }
}

// The scorer itself: a page tagged exactly as the gold scores 1, one wrong value less.
TEST(TagDatesAccuracy, ScorerAgreesWithTheGold) {
  const GoldPage gold = read_gold(gold_pages().front());
  std::vector<Mention> perfect = gold.mentions;
  Figures figures = score(gold, perfect);
  EXPECT_EQ(figures.men_f1, 1.0);
  EXPECT_EQ(figures.val_acc, 1.0);
  perfect.front().value = "1999";
  perfect.push_back({0, U"不在", ""});
  perfect.back().start = non_space(gold.clean).find(U"，");
  figures = score(gold, perfect);
  EXPECT_LT(figures.val_acc, 1.0);
  EXPECT_LT(figures.men_f1, 1.0);
  EXPECT_EQ(figures.trap_fp, 1);
}

}  // namespace
}  // namespace jianbao
