// Micro-benchmarks for despace's two halves: reading (the page reader over an input
// in memory: UTF-8 check, line ends, pages at form feeds) and repairing a page
// (despace_page: text blocks, scan, line classes, gaps, writing and the fixed-point
// check), on the corpus pages and on a whole input file. With line_shape_bench's
// stages they show where despace's time goes, with no process, file or pipe in the way.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
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

// Repairs every page once per iteration; input_bytes per iteration are counted.
void despace_pages(benchmark::State& state, const std::vector<std::string>& pages, std::int64_t input_bytes) {
  const jianbao::DespaceOptions options;
  std::string out;
  for (auto _ : state) {
    for (const auto& page : pages) {
      out.clear();
      jianbao::despace_page(page, options, out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * input_bytes);
}

void BM_DespacePage(benchmark::State& state) { despace_pages(state, corpus_pages(), total_bytes(corpus_pages())); }
BENCHMARK(BM_DespacePage);

// despace_page alone on every page of the file named by JIANBAO_BENCH_INPUT (bench/run
// sets it to its pages input), read beforehand by the page reader and held in
// memory, as despace's pieces. The repair's time on the whole input with no reading in it: added to
// cat's time, it bounds what despace could reach with any input layer.
void BM_DespaceInputFile(benchmark::State& state) {
  const char* path = std::getenv("JIANBAO_BENCH_INPUT");
  if (path == nullptr) {
    state.SkipWithError("JIANBAO_BENCH_INPUT names no file");
    return;
  }
  std::ifstream file(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  if (!file) {
    state.SkipWithError("JIANBAO_BENCH_INPUT cannot be read");
    return;
  }
  const std::int64_t input_size = static_cast<std::int64_t>(bytes.view().size());
  jianbao::StringSource source(std::move(bytes).str());
  jianbao::PageReader reader(source);
  // The pieces despace repairs, one despace_page call each.
  std::vector<std::string> pages;
  jianbao::Piece piece;
  while (reader.next(piece)) pages.emplace_back(piece.text);
  // The input's bytes, as bench/run counts MB/s (CRs and form feeds included).
  despace_pages(state, pages, input_size);
}
BENCHMARK(BM_DespaceInputFile)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
