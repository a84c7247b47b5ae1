// The article stream: split-articles' output and to-tsv's input. One paragraph per
// line, five TAB-separated fields: SOURCE PAGE ARTICLE ROLE TEXT (SPEC).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianbao/article_segmentation.hpp"
#include "jianbao/page_reader.hpp"

namespace jianbao {

// Appends one stream line. A TAB, CR or newline inside SOURCE or TEXT (which the
// stream cannot carry) becomes a space: whitespace only, no text is lost.
void append_stream_line(std::string& out, std::string_view source, std::uint64_t page, const ArticleParagraph& paragraph);

// split-articles' work on each piece the page reader hands out: splits it into
// articles and appends its stream lines.
class ArticleStreamWriter {
 public:
  // `source` replaces each FILE's name in SOURCE when not empty (--source). Each FILE
  // is a source of its own, its pages and articles numbered from 1; under one
  // `source` the FILEs are one source, numbered on across them, since SOURCE and
  // ARTICLE name an article (to-tsv gathers its lines by them).
  explicit ArticleStreamWriter(std::string source = {}) : source_(std::move(source)) {}
  void write(const Piece& piece, std::string& out);

 private:
  std::string source_;
  ArticleSplitter splitter_;
  std::vector<ArticleParagraph> paragraphs_;
  std::uint64_t pages_before_ = 0;  // the source's pages in the FILEs before this one
  std::uint64_t last_page_ = 0;     // the source's last page that held text
};

// One stream line, parsed; the views point into the line.
struct StreamLine {
  std::string_view source;
  std::uint64_t page = 0;
  std::uint64_t article = 0;
  std::string_view role;
  std::string_view text;
};

// Parses a line without its newline; nullopt unless it has exactly five fields, with
// decimal numbers in PAGE and ARTICLE.
std::optional<StreamLine> parse_stream_line(std::string_view line);

}  // namespace jianbao
