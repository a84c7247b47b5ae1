// Fuzzes despace's core through the page reader: only whitespace changes, despace
// reaches its fixed point (a cycle of two outputs would pass the idempotence check
// after an even number of rounds, slowly), despace is idempotent, and the read size
// changes nothing.
#include "fuzz_support.hpp"
#include "jianbao/output_sink.hpp"
#include "jianbao/whitespace_repair.hpp"

namespace {

std::string despace(std::string_view input, std::size_t read_size, bool keep_lines) {
  jianbao::DespaceOptions options;
  options.keep_lines = keep_lines;
  std::string out;
  jianbao::fuzz::for_each_piece(input, read_size, 1 << 16, [&](const jianbao::Piece& piece) {
    jianbao::fuzz::require(jianbao::despace_page(piece.text, options, out), "despace did not reach its fixed point");
    if (piece.form_feed) out += "\f\n";
  });
  jianbao::mark_leading_feff(out);  // as the filter's output sink does
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using jianbao::fuzz::require;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (bool keep_lines : {false, true}) {
    const std::string once = despace(input, 1 << 16, keep_lines);
    require(jianbao::fuzz::non_whitespace(once, true) == jianbao::fuzz::non_whitespace(input, true), "despace changed text");
    require(despace(once, 1 << 16, keep_lines) == once, "despace is not idempotent");
    require(despace(input, jianbao::fuzz::read_size_for(data, size), keep_lines) == once, "read size changed despace");
  }
  return 0;
}
