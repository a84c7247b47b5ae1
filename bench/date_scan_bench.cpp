// Micro-benchmarks for tag-dates' hot loop: the date grammar's scan over corpus
// lines (most characters start nothing and must cost one table load), and the
// whole per-page tagging with resolution and markup.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "jianbao/date_grammar.hpp"
#include "jianbao/date_tagging.hpp"

namespace {

// The gold clean pages of the corpus, as one text (the bench corpus's kind of text),
// found from this file's place in the tree (CMake compiles it by its full path).
const std::string& corpus_text() {
  static const std::string text = [] {
    const std::filesystem::path gold = std::filesystem::path(__FILE__).parent_path().parent_path() / "tests/corpus/gold";
    std::string all;
    for (const char* key : {"000", "001", "003"}) {
      std::ifstream file(gold / (std::string(key) + ".clean.txt"), std::ios::binary);
      std::ostringstream page;
      page << file.rdbuf();
      all += page.str();
    }
    if (all.empty()) throw std::runtime_error("corpus pages not found under " + gold.string());
    return all;
  }();
  return text;
}

void BM_FindDateExpressions(benchmark::State& state) {
  const std::string& text = corpus_text();
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    lines.emplace_back(text.data() + pos, end - pos);
    pos = end + 1;
  }
  std::vector<jianbao::DateExpression> found;
  for (auto _ : state) {
    for (std::string_view line : lines) {
      found.clear();
      jianbao::find_date_expressions(line, found);
      benchmark::DoNotOptimize(found.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_FindDateExpressions);

// The same scan over text with no date at all: the floor of the hot loop.
void BM_ScanTextWithoutDates(benchmark::State& state) {
  std::string text;
  while (text.size() < (std::size_t{1} << 16)) text += "会议要求，要坚持稳中求进工作总基调，完整准确全面贯彻落实发展理念。";
  std::vector<jianbao::DateExpression> found;
  for (auto _ : state) {
    found.clear();
    jianbao::find_date_expressions(text, found);
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ScanTextWithoutDates);

void BM_TagPage(benchmark::State& state) {
  const std::string& text = corpus_text();
  std::string out;
  for (auto _ : state) {
    jianbao::DateTagger tagger(jianbao::DateTaggingOptions{jianbao::CivilDate{2023, 1, 10}, false});
    jianbao::Piece piece;
    piece.text = text;
    piece.page_end = true;
    piece.source = "-";
    piece.source_start = true;
    out.clear();
    tagger.tag_piece(piece, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_TagPage);

}  // namespace

BENCHMARK_MAIN();
