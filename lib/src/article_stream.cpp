// The article stream's line format, written by split-articles and read by to-tsv.
#include "jianbao/article_stream.hpp"

#include <charconv>
#include <cstring>

namespace jianbao {
namespace {

void append_field(std::string& out, std::string_view field) {
  const std::size_t start = out.size();
  out.append(field);
  // Field text rarely holds any of these: look for each with memchr, not byte by byte.
  for (const char separator : {'\t', '\n', '\r'}) {
    char* at = out.data() + start;
    char* const end = out.data() + out.size();
    while ((at = static_cast<char*>(std::memchr(at, separator, static_cast<std::size_t>(end - at)))) != nullptr) *at++ = ' ';
  }
}

void append_number(std::string& out, std::uint64_t value) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, result.ptr);
}

std::optional<std::uint64_t> parse_number(std::string_view field) {
  std::uint64_t value = 0;
  const auto result = std::from_chars(field.data(), field.data() + field.size(), value);
  if (field.empty() || result.ec != std::errc() || result.ptr != field.data() + field.size()) return std::nullopt;
  return value;
}

}  // namespace

void append_stream_line(std::string& out, std::string_view source, std::uint64_t page, const ArticleParagraph& paragraph) {
  append_field(out, source);
  out.push_back('\t');
  append_number(out, page);
  out.push_back('\t');
  append_number(out, paragraph.article);
  out.push_back('\t');
  out.append(role_name(paragraph.role));
  out.push_back('\t');
  append_field(out, paragraph.text);
  out.push_back('\n');
}

void ArticleStreamWriter::write(const Piece& piece, std::string& out) {
  if (piece.source_start) {
    if (source_.empty()) {
      splitter_.start_source();
    } else {
      splitter_.start_file();
      pages_before_ = last_page_;
    }
  }
  const std::uint64_t page = pages_before_ + piece.page_number;
  paragraphs_.clear();
  splitter_.split_page(piece.text, page, piece.page_end, paragraphs_);
  // (Not the blank page after a FILE's last form feed: the next FILE's page is next.)
  if (!paragraphs_.empty()) last_page_ = page;
  const std::string_view source = source_.empty() ? piece.source : std::string_view(source_);
  for (const ArticleParagraph& paragraph : paragraphs_) append_stream_line(out, source, page, paragraph);
}

std::optional<StreamLine> parse_stream_line(std::string_view line) {
  std::string_view fields[4];
  for (std::string_view& field : fields) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return std::nullopt;
    field = line.substr(0, tab);
    line.remove_prefix(tab + 1);
  }
  if (line.find('\t') != std::string_view::npos) return std::nullopt;
  const auto page = parse_number(fields[1]);
  const auto article = parse_number(fields[2]);
  if (!page || !article) return std::nullopt;
  return StreamLine{fields[0], *page, *article, fields[3], line};
}

}  // namespace jianbao
