// Micro-benchmarks for character classification, the innermost loop of every
// filter: decode_utf8 with the flat BMP flag table (one load per character, no ICU
// call), over the corpus pages and over pure Han text, next to a naive UTF-8 length
// walk and to the out-of-line char_flags call.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "jianbao/char_class.hpp"

namespace {

// The raw corpus pages, as extraction left them (what despace reads), found from
// this file's place in the tree (CMake compiles it by its full path).
const std::string& corpus_pages() {
  static const std::string text = [] {
    const std::filesystem::path pages = std::filesystem::path(__FILE__).parent_path().parent_path() / "tests/corpus/pages";
    std::string all;
    for (const auto& entry : std::filesystem::directory_iterator(pages)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream file(entry.path(), std::ios::binary);
      std::ostringstream page;
      page << file.rdbuf();
      all += page.str();
    }
    if (all.empty()) throw std::runtime_error("corpus pages not found under " + pages.string());
    return all;
  }();
  return text;
}

const std::string& han_text() {
  static const std::string text = [] {
    std::string t;
    while (t.size() < (std::size_t{1} << 16)) t += "会议要求要坚持稳中求进工作总基调完整准确全面贯彻落实新发展理念";
    return t;
  }();
  return text;
}

// Decodes every character and ORs its flags: the loop every filter's scan is built on.
void decode_and_classify(benchmark::State& state, const std::string& text) {
  const std::uint16_t* table = jianbao::bmp_flag_table();
  for (auto _ : state) {
    std::uint32_t seen = 0;
    std::size_t han = 0;
    for (std::size_t i = 0; i < text.size();) {
      const jianbao::Utf8Char c = jianbao::decode_utf8(text, i, table);
      seen |= c.flags;
      han += (c.flags & jianbao::kHan) != 0;
      i += c.length;
    }
    benchmark::DoNotOptimize(seen);
    benchmark::DoNotOptimize(han);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_DecodeClassifyCorpus(benchmark::State& state) { decode_and_classify(state, corpus_pages()); }
BENCHMARK(BM_DecodeClassifyCorpus);

void BM_DecodeClassifyHan(benchmark::State& state) { decode_and_classify(state, han_text()); }
BENCHMARK(BM_DecodeClassifyHan);

// For comparison: a branchy step over the same corpus by UTF-8 lead byte only, no
// validation, no table (its branches mispredict on mixed text, the decoder's do less).
void BM_Utf8LengthWalkCorpus(benchmark::State& state) {
  const std::string& text = corpus_pages();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (auto _ : state) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++chars) {
      const unsigned char b = p[i];
      i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }
    benchmark::DoNotOptimize(chars);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Utf8LengthWalkCorpus);

// char_flags, the out-of-line lookup for one code point (the table behind a call),
// over the BMP's Han block (20,992 code points), against the inlined table load:
// what fetching the table pointer once in a hot loop saves.
void BM_CharFlagsCallHanBlock(benchmark::State& state) {
  for (auto _ : state) {
    std::uint32_t seen = 0;
    for (char32_t cp = 0x4E00; cp < 0xA000; ++cp) seen |= jianbao::char_flags(cp);
    benchmark::DoNotOptimize(seen);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * (0xA000 - 0x4E00)));
}
BENCHMARK(BM_CharFlagsCallHanBlock);

// The inlined table load for the same code points.
void BM_FlagTableHanBlock(benchmark::State& state) {
  const std::uint16_t* table = jianbao::bmp_flag_table();
  for (auto _ : state) {
    std::uint32_t seen = 0;
    for (char32_t cp = 0x4E00; cp < 0xA000; ++cp) seen |= table[cp];
    benchmark::DoNotOptimize(seen);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * (0xA000 - 0x4E00)));
}
BENCHMARK(BM_FlagTableHanBlock);

}  // namespace

BENCHMARK_MAIN();
