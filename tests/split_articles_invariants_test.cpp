// Invariants of split-articles, through the library as the filter runs it (page reader,
// ArticleStreamWriter), whatever the segmentation decides: every non-whitespace
// character reaches TEXT in order, every line has five fields, and read sizes and page
// cuts do not change what is written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "jianbao/article_stream.hpp"
#include "jianbao/char_class.hpp"
#include "jianbao/input_source.hpp"
#include "jianbao/page_reader.hpp"
#include "jianbao/whitespace_repair.hpp"

namespace jianbao {
namespace {

namespace fs = std::filesystem;

// What `split-articles` writes for `input` read `chunk` bytes at a time.
std::string split_stream(const std::string& input, std::size_t chunk, std::size_t page_cap = std::size_t{1} << 20) {
  StringSource source(input, chunk, "page.txt");
  PageReaderOptions options;
  options.read_size = chunk;
  options.page_cap = page_cap;
  PageReader reader(source, options);
  ArticleStreamWriter writer;
  std::string out;
  Piece piece;
  bool first = true;
  while (reader.next(piece)) {
    piece.source = "page.txt";
    piece.source_start = std::exchange(first, false);
    writer.write(piece, out);
  }
  return out;
}

// The non-whitespace bytes of `text` (ASCII and Unicode spaces, form feeds, BOM dropped).
std::string squeeze(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i);
    const bool space = c.cp == '\n' || c.cp == '\r' || c.cp == '\f' || c.cp == '\v' ||
                       (!(c.flags & kInvalid) && (c.flags & kSpace));
    if (!space) out.append(text.substr(i, c.length));
    i += c.length;
  }
  return out;
}

void check_invariants(const std::string& input, const std::string& what) {
  const std::string stream = split_stream(input, 1 << 20);
  std::string texts;
  std::istringstream lines(stream);
  std::size_t number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    const auto parsed = parse_stream_line(line);
    ASSERT_TRUE(parsed) << what << ": line " << number << " is not five fields: " << line;
    texts += parsed->text;
  }
  EXPECT_EQ(squeeze(texts), squeeze(input)) << what << ": TEXT must hold every character of the input, in order";
  for (std::size_t chunk : {1, 7, 4096}) {
    EXPECT_EQ(split_stream(input, chunk), stream) << what << ": read size " << chunk << " changes the output";
  }
  // A page cut into pieces by the reader's cap may split differently, but loses nothing.
  std::string cut_texts;
  std::istringstream cut_lines(split_stream(input, 7, 256));
  for (std::string line; std::getline(cut_lines, line);) {
    const auto parsed = parse_stream_line(line);
    ASSERT_TRUE(parsed) << what << " (pieces of 256 bytes): " << line;
    cut_texts += parsed->text;
  }
  EXPECT_EQ(squeeze(cut_texts), squeeze(input)) << what << " (pieces of 256 bytes)";
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> despaced_corpus() {
  std::vector<std::string> pages;
  for (const auto& entry : fs::directory_iterator(fs::path(JIANBAO_CORPUS_DIR) / "pages")) {
    std::string out;
    despace_page(read_file(entry.path()), {}, out);
    pages.push_back(out);
  }
  return pages;
}

TEST(SplitArticlesInvariants, CorpusPagesRawAndRepaired) {
  for (const auto& entry : fs::directory_iterator(fs::path(JIANBAO_CORPUS_DIR) / "pages")) {
    check_invariants(read_file(entry.path()), entry.path().filename().string() + " as extracted");
  }
  std::string document;
  for (const std::string& page : despaced_corpus()) {
    check_invariants(page, "a repaired corpus page");
    document += page + "\f\n";
  }
  check_invariants(document, "the repaired corpus pages joined by form feeds");
}

// Pages shuffled together from the corpus's paragraphs, with debris: tabs, invalid
// UTF-8, blank lines, CRLF, form feeds, lines without an end.
TEST(SplitArticlesInvariants, ShuffledPages) {
  std::vector<std::string> paragraphs;
  for (const std::string& page : despaced_corpus()) {
    std::istringstream lines(page);
    for (std::string line; std::getline(lines, line);) paragraphs.push_back(line);
  }
  const std::vector<std::string> debris = {"\t", "\xFF", "\xE4\xB8", "振", "11/", "", " ", "（安豪）", "\f",
                                           "2023年1月28日", "（上接1版）", "（下转2版）", "\xEF\xBB\xBF"};
  std::mt19937 random(20230128);
  for (int i = 0; i < 200 && !HasFailure(); ++i) {
    std::string input;
    const int count = std::uniform_int_distribution<>(0, 40)(random);
    for (int p = 0; p < count; ++p) {
      if (std::bernoulli_distribution(0.2)(random)) input += debris[random() % debris.size()];
      std::string paragraph = paragraphs[random() % paragraphs.size()];
      if (std::bernoulli_distribution(0.1)(random)) paragraph.resize(paragraph.size() / 2);  // may cut a character
      input += paragraph + (std::bernoulli_distribution(0.1)(random) ? "\r\n" : "\n");
    }
    if (!input.empty() && std::bernoulli_distribution(0.3)(random)) input.pop_back();
    check_invariants(input, "shuffled page " + std::to_string(i));
  }
}

TEST(SplitArticlesInvariants, EdgeCases) {
  for (const char* input : {"", "\n", "\f", "\f\f\n", " \t ", "中", "\xFF", "a\tb\tc", "本报讯\t会议。\n（安豪）",
                            "标题\n\n\n正文。", "\xEF\xBB\xBF本报讯 会议。"}) {
    check_invariants(input, "edge case");
  }
}

}  // namespace
}  // namespace jianbao
