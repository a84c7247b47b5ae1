// Micro-benchmarks for despace's two halves: reading (the page reader over an input
// in memory: UTF-8 check, line ends, pages at form feeds) and repairing a page
// (despace_page: text blocks, scan, line classes, gaps, writing and the fixed-point
// check). With line_shape_bench's stages they show where despace's time goes, with
// no process, file or pipe in the way.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "corpus_pages.hpp"
#include "jianbao/input_source.hpp"
#include "jianbao/page_reader.hpp"
#include "jianbao/whitespace_repair.hpp"

namespace {

using jianbao_bench::corpus_pages;
using jianbao_bench::total_bytes;

// The corpus pages as one input, separated by form feeds as pdftotext writes them.
const std::string& corpus_input() {
  static const std::string input = [] {
    std::string all;
    for (const auto& page : corpus_pages()) all.append(page).push_back('\f');
    return all;
  }();
  return input;
}

void BM_ReadPages(benchmark::State& state) {
  const std::string& input = corpus_input();
  for (auto _ : state) {
    jianbao::StringSource source(input);
    jianbao::PageReader reader(source);
    jianbao::Piece piece;
    while (reader.next(piece)) benchmark::DoNotOptimize(piece.text.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(input.size()));
}
BENCHMARK(BM_ReadPages);

void BM_DespacePage(benchmark::State& state) {
  const auto& pages = corpus_pages();
  const jianbao::DespaceOptions options;
  std::string out;
  for (auto _ : state) {
    for (const auto& page : pages) {
      out.clear();
      jianbao::despace_page(page, options, out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(pages));
}
BENCHMARK(BM_DespacePage);

}  // namespace

BENCHMARK_MAIN();
