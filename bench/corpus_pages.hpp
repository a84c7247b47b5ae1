// The raw corpus pages (what despace reads), for the micro-benchmarks of despace's
// stages: one string per page, in file name order.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace jianbao_bench {

// Found from this file's place in the tree (CMake compiles the benchmarks by their
// full paths, and this header is included by its path next to them).
inline const std::vector<std::string>& corpus_pages() {
  static const std::vector<std::string> pages = [] {
    const std::filesystem::path dir = std::filesystem::path(__FILE__).parent_path().parent_path() / "tests/corpus/pages";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> all;
    for (const auto& path : files) {
      std::ifstream file(path, std::ios::binary);
      std::ostringstream page;
      page << file.rdbuf();
      all.push_back(page.str());
    }
    if (all.empty()) throw std::runtime_error("corpus pages not found under " + dir.string());
    return all;
  }();
  return pages;
}

inline std::int64_t total_bytes(const std::vector<std::string>& pages) {
  std::int64_t n = 0;
  for (const auto& p : pages) n += static_cast<std::int64_t>(p.size());
  return n;
}

}  // namespace jianbao_bench
