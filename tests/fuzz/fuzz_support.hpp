// What the fuzz targets share: running bytes through the page reader as the filters
// do, and the invariants they check. A broken invariant aborts, so libFuzzer keeps
// the input as a crash.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "jianbao/char_class.hpp"
#include "jianbao/input_source.hpp"
#include "jianbao/page_reader.hpp"

namespace jianbao::fuzz {

// Aborts with a message when `holds` is false.
inline void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

// The non-whitespace bytes of `text`, as the filters must keep them: spaces, line
// and page breaks dropped, invalid bytes kept. Of an input, the BOM at byte 0 is
// framing (the page reader drops it); anywhere else, U+FEFF is text.
inline std::string non_whitespace(std::string_view text, bool input = false) {
  if (input && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string kept;
  const std::uint16_t* table = bmp_flag_table();
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i, table);
    const bool space = c.cp == '\n' || c.cp == '\r' || c.cp == '\f' || c.cp == '\v' ||
                       (!(c.flags & kInvalid) && (c.flags & kSpace));
    if (!space) kept.append(text.substr(i, c.length));
    i += c.length;
  }
  return kept;
}

// Calls handle(piece) for each piece of `input` read `read_size` bytes at a time, with
// small pages so that long inputs are cut into pieces too; the piece's source is
// "page.txt".
template <typename Handle>
void for_each_piece(std::string_view input, std::size_t read_size, std::size_t page_cap, Handle&& handle) {
  StringSource source{std::string(input), read_size, "page.txt"};
  PageReaderOptions options;
  options.read_size = read_size;
  options.page_cap = page_cap;
  PageReader reader(source, options);
  Piece piece;
  bool first = true;
  while (reader.next(piece)) {
    piece.source = "page.txt";
    piece.source_start = first;
    first = false;
    handle(piece);
  }
}

// The read size for an input: its first byte picks one, so the fuzzer explores them.
inline std::size_t read_size_for(const std::uint8_t* data, std::size_t size) {
  return size == 0 ? 1 : 1 + data[0] % 64;
}

}  // namespace jianbao::fuzz
