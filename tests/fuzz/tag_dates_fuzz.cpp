// Fuzzes tag-dates' core through the page reader: it only adds markup (taking the
// well-formed TIMEX3 tags out of its output gives back what taking them out of its
// input gives), its tags are balanced, it is idempotent, and the read size changes
// nothing.
#include "fuzz_support.hpp"
#include "jianbao/date_tagging.hpp"
#include "jianbao/output_sink.hpp"
#include "jianbao/timex_markup.hpp"

namespace {

std::string tag(std::string_view input, std::size_t read_size) {
  jianbao::DateTaggingOptions options;
  options.reference_date = jianbao::CivilDate{2023, 1, 30};
  jianbao::DateTagger tagger(options);
  std::string out;
  jianbao::fuzz::for_each_piece(input, read_size, 1 << 16,
                                [&](const jianbao::Piece& piece) { tagger.tag_piece(piece, out); });
  jianbao::mark_leading_feff(out);  // as the filter's output sink does
  return out;
}

std::string without_tags(std::string_view text) {
  std::string out;
  std::vector<jianbao::TimexValue> values;
  jianbao::read_timex_markup(text, false, out, values);
  return out;
}

std::size_t count(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using jianbao::fuzz::require;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The reader's framing (line ends, BOM) is the page reader's business, fuzzed there.
  std::string framed;
  jianbao::fuzz::for_each_piece(input, 1 << 16, 1 << 16, [&](const jianbao::Piece& piece) {
    framed.append(piece.text);
    if (piece.form_feed) framed.push_back('\f');
  });
  // Text that starts with U+FEFF is fed with a mark in front, as a filter writes it.
  std::string marked = framed;
  jianbao::mark_leading_feff(marked);
  const std::string once = tag(marked, 1 << 16);
  std::string_view read_back = once;
  if (marked.size() != framed.size()) read_back.remove_prefix(3);
  require(without_tags(read_back) == without_tags(framed), "tag-dates changed more than markup");
  require(count(once, "<TIMEX3 ") - count(framed, "<TIMEX3 ") == count(once, "</TIMEX3>") - count(framed, "</TIMEX3>"),
          "unbalanced TIMEX3 tags");
  require(tag(once, 1 << 16) == once, "tag-dates is not idempotent");
  require(tag(marked, jianbao::fuzz::read_size_for(data, size)) == once, "read size changed tag-dates");
  return 0;
}
