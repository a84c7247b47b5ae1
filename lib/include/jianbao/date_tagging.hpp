// Date tagging, the heart of the tag-dates filter: runs the date grammar and the
// resolution over each line of a page (plain text or the article stream) and writes
// the lines back with TIMEX3 markup, or one --list row per expression.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jianbao/civil_date.hpp"
#include "jianbao/date_grammar.hpp"
#include "jianbao/date_resolution.hpp"
#include "jianbao/page_reader.hpp"

namespace jianbao {

struct DateTaggingOptions {
  std::optional<CivilDate> reference_date;  // --ref-date
  bool list = false;                        // --list: LINE SURFACE VALUE TYPE rows
};

class DateTagger {
 public:
  explicit DateTagger(DateTaggingOptions options) : options_(options) {}

  // Tags one piece of a page, appending to `out` the same bytes with markup added
  // (a form feed after the piece when the page ended at one), or the --list rows.
  // When a FILE's last line had no line end, the next FILE's first piece gets one
  // first, so that the two lines stay two.
  void tag_piece(const Piece& piece, std::string& out);

 private:
  struct LineFields;
  void start_source(std::string_view source);
  void tag_line(std::string_view line, std::string& out);
  ArticleContext& article_for(const LineFields& fields, std::string_view text);
  DocumentDate document_for(const LineFields& fields);
  void write_markup(std::string_view line, std::size_t text_begin, std::string& out);
  void write_list(std::string_view line, std::size_t text_begin, std::string& out);
  void list_existing_tags(std::string_view text, std::string& out);
  void append_list_row(std::string_view surface, std::string_view value, std::string_view type, std::string& out);

  DateTaggingOptions options_;
  std::uint64_t line_number_ = 1;  // the input line the next byte belongs to
  bool page_starts_ = true;        // the next piece starts a page
  bool line_open_ = false;         // the text so far ends inside a line

  // Plain text: the page is the context, and a headline or 本报讯 starts an article.
  ArticleContext page_article_;
  int page_year_ = 0;
  std::optional<CivilDate> source_file_date_;

  // The article stream: one context per ARTICLE of the current SOURCE, for the
  // kRememberedArticles most recently started ones (an article continued pages
  // later keeps its context; memory stays bounded on a source of any length).
  static constexpr std::size_t kRememberedArticles = 4096;
  std::string stream_source_;
  std::optional<CivilDate> stream_source_date_;
  std::string stream_page_;
  std::unordered_map<std::string, ArticleContext> stream_articles_;
  std::deque<std::string> stream_article_order_;  // keys of stream_articles_, oldest first
  std::string stream_article_key_;
  ArticleContext* stream_article_ = nullptr;

  std::vector<DateExpression> expressions_;  // the current line's, reused
  std::vector<DateValue> values_;
};

// Whether a plain-text line opens a new article: a dateline (本报讯, 新华社北京1月9日电)
// or a short line that ends without closing punctuation (a headline, a section
// label, a signature).
bool opens_article(std::string_view line);

}  // namespace jianbao
