// Fuzzes split-articles' core through the page reader: every line of the stream has
// five fields, TEXT holds every non-whitespace character in order, and the read
// size changes nothing.
#include "fuzz_support.hpp"
#include "jianbao/article_stream.hpp"

namespace {

std::string split(std::string_view input, std::size_t read_size, std::size_t page_cap) {
  jianbao::ArticleStreamWriter writer;
  std::string out;
  jianbao::fuzz::for_each_piece(input, read_size, page_cap,
                                [&](const jianbao::Piece& piece) { writer.write(piece, out); });
  return out;
}

void check_stream(std::string_view stream, std::string_view input) {
  std::string texts;
  while (!stream.empty()) {
    const std::size_t end = stream.find('\n');
    jianbao::fuzz::require(end != std::string_view::npos, "stream line without a newline");
    const auto line = jianbao::parse_stream_line(stream.substr(0, end));
    jianbao::fuzz::require(line.has_value(), "stream line without five fields");
    jianbao::fuzz::require(!line->text.empty(), "empty TEXT");
    // A line break keeps the fields apart, as the lines are apart in the input: two
    // invalid fragments joined would decode as one character ("\xE2\x80" + "\x84" is
    // U+2004, a space).
    texts.append(line->text).push_back('\n');
    stream.remove_prefix(end + 1);
  }
  jianbao::fuzz::require(jianbao::fuzz::non_whitespace(texts) == jianbao::fuzz::non_whitespace(input, true),
                         "split-articles lost or changed text");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string stream = split(input, 1 << 16, 1 << 16);
  check_stream(stream, input);
  jianbao::fuzz::require(split(input, jianbao::fuzz::read_size_for(data, size), 1 << 16) == stream,
                         "read size changed split-articles");
  check_stream(split(input, 7, 64), input);  // pages cut into pieces
  return 0;
}
