// Fuzzes to-tsv's core: every row has the header's field count, in TSV and (as one
// object per line) in JSON Lines, whatever lines come in.
#include <algorithm>

#include "fuzz_support.hpp"
#include "jianbao/article_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using jianbao::fuzz::require;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (bool json : {false, true}) {
    jianbao::TableOptions options;
    options.json = json;
    jianbao::TableWriter writer(options, false, [](const std::string&) {});
    std::string out;
    jianbao::fuzz::for_each_piece(input, jianbao::fuzz::read_size_for(data, size), 1 << 16,
                                  [&](const jianbao::Piece& piece) { writer.write(piece, out); });
    writer.end_file(out);
    std::string_view rows = out;
    while (!rows.empty()) {
      const std::size_t end = rows.find('\n');
      require(end != std::string_view::npos, "row without a newline");
      const std::string_view row = rows.substr(0, end);
      if (json) {
        require(row.starts_with("{\"source\":") && row.ends_with("}"), "JSON row is not an object");
      } else {
        require(std::count(row.begin(), row.end(), '\t') == 9, "row without ten fields");
      }
      rows.remove_prefix(end + 1);
    }
  }
  return 0;
}
