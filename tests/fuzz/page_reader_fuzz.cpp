// Fuzzes the input layer: the pieces the page reader hands out, joined with their
// form feeds, are the input with line ends normalized and a leading BOM dropped,
// whatever the read size and page cap; invalid UTF-8 is found at the same offset.
#include "fuzz_support.hpp"

namespace {

// The input as the reader must hand it out: CRLF and lone CR become LF, a BOM at the
// start is dropped.
std::string normalized(std::string_view input) {
  if (input.starts_with("\xEF\xBB\xBF")) input.remove_prefix(3);
  std::string out;
  for (std::size_t i = 0; i < input.size(); ++i) {
    if (input[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < input.size() && input[i + 1] == '\n') ++i;
    } else {
      out.push_back(input[i]);
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using jianbao::fuzz::require;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t read_size = jianbao::fuzz::read_size_for(data, size);
  const std::size_t page_cap = 16 + (size > 1 ? data[1] % 200 : 0);
  std::string joined;
  std::optional<std::uint64_t> first_invalid;
  jianbao::fuzz::for_each_piece(input, read_size, page_cap, [&](const jianbao::Piece& piece) {
    require(piece.text.size() <= page_cap + 4, "a piece longer than the cap");
    joined.append(piece.text);
    if (piece.form_feed) joined.push_back('\f');
    if (piece.first_invalid_utf8 && !first_invalid) first_invalid = piece.first_invalid_utf8;
  });
  require(joined == normalized(input), "the pieces are not the input");

  jianbao::Utf8Validator whole;
  whole.feed(input.data(), input.size());
  whole.finish();
  require(first_invalid == whole.first_invalid_offset(), "invalid UTF-8 reported at another offset");
  return 0;
}
