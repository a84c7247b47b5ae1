// Micro-benchmarks for line scanning, despace's first pass: scan_page splits a page
// into runs of non-whitespace text and lines (from the page's text blocks, read as
// bit masks with each instruction set the CPU has), then classify_lines estimates
// the column and each line's role from its neighbours. All on the raw corpus pages,
// one page per call as despace does it.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "corpus_pages.hpp"
#include "jianbao/line_shape.hpp"
#include "jianbao/text_block.hpp"

namespace {

using jianbao_bench::corpus_pages;
using jianbao_bench::total_bytes;

void BM_ScanPage(benchmark::State& state) {
  const auto& pages = corpus_pages();
  std::vector<jianbao::Run> runs;
  std::vector<jianbao::LineShape> lines;
  for (auto _ : state) {
    for (const auto& page : pages) {
      jianbao::scan_page(page, runs, lines);
      benchmark::DoNotOptimize(lines.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(pages));
}
BENCHMARK(BM_ScanPage);

// The first stage of scan_page alone, with each instruction set.
using ClassifyTextBlocks = void (*)(const unsigned char*, std::size_t, std::vector<jianbao::TextBlock>&);

void BM_ClassifyTextBlocks(benchmark::State& state, ClassifyTextBlocks classify, bool supported) {
  if (!supported) {
    state.SkipWithError("not supported by this CPU");
    return;
  }
  const auto& pages = corpus_pages();
  std::vector<jianbao::TextBlock> blocks;
  for (auto _ : state) {
    for (const auto& page : pages) {
      classify(reinterpret_cast<const unsigned char*>(page.data()), page.size(), blocks);
      benchmark::DoNotOptimize(blocks.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(pages));
}
BENCHMARK_CAPTURE(BM_ClassifyTextBlocks, sse2, jianbao::classify_text_blocks_sse2, true);
BENCHMARK_CAPTURE(BM_ClassifyTextBlocks, avx2, jianbao::classify_text_blocks_avx2, jianbao::avx2_supported());
BENCHMARK_CAPTURE(BM_ClassifyTextBlocks, avx512, jianbao::classify_text_blocks_avx512,
                  jianbao::avx512_supported());

// classify_lines alone, on lines scanned once outside the loop (it only reads runs).
void BM_ClassifyLines(benchmark::State& state) {
  const auto& pages = corpus_pages();
  std::vector<std::vector<jianbao::Run>> runs(pages.size());
  std::vector<std::vector<jianbao::LineShape>> scanned(pages.size());
  for (std::size_t i = 0; i < pages.size(); ++i) jianbao::scan_page(pages[i], runs[i], scanned[i]);
  std::vector<jianbao::LineShape> lines;
  for (auto _ : state) {
    for (std::size_t i = 0; i < pages.size(); ++i) {
      lines = scanned[i];
      jianbao::classify_lines(runs[i], lines);
      benchmark::DoNotOptimize(lines.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(pages));
}
BENCHMARK(BM_ClassifyLines);

// Both, as despace's first pass runs them.
void BM_ScanAndClassify(benchmark::State& state) {
  const auto& pages = corpus_pages();
  std::vector<jianbao::Run> runs;
  std::vector<jianbao::LineShape> lines;
  for (auto _ : state) {
    for (const auto& page : pages) {
      jianbao::scan_page(page, runs, lines);
      jianbao::classify_lines(runs, lines);
      benchmark::DoNotOptimize(lines.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(pages));
}
BENCHMARK(BM_ScanAndClassify);

}  // namespace

BENCHMARK_MAIN();
