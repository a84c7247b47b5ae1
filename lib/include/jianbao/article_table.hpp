// The article table: the last step of the pipeline (to-tsv). Gathers the article
// stream's lines by SOURCE and ARTICLE, wherever they appear, into one row per
// article, written as PostgreSQL COPY text (TSV) or as JSON Lines.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jianbao/page_reader.hpp"

namespace jianbao {

enum class TableColumn { source, page, article, section, title, byline, dateline, dates, chars, text };

// Every column, in the order of the header.
const std::vector<TableColumn>& all_table_columns();
std::string_view column_name(TableColumn column);

// "title,text" → the columns; throws std::invalid_argument naming an unknown or
// repeated column, or an empty list.
std::vector<TableColumn> parse_column_list(std::string_view list);

struct TableOptions {
  std::vector<TableColumn> columns = all_table_columns();
  bool header = true;     // a header line first (TSV only)
  bool keep_tags = false; // keep TIMEX3 markup in the text fields
  bool json = false;      // JSON Lines instead of TSV
};

// Appends `field` escaped for PostgreSQL's COPY text format: \ → \\, TAB → \t,
// newline → \n, CR → \r.
void append_copy_escaped(std::string& out, std::string_view field);

// Appends `field` as a JSON string (quotes included). Bytes that are not valid UTF-8
// pass through, as everywhere in jianbao.
void append_json_string(std::string& out, std::string_view field);

class ArticleTable {
 public:
  explicit ArticleTable(TableOptions options);

  // Writes the header line (TSV with a header only).
  void write_header(std::string& out) const;

  // Adds one input line (no newline) from FILE `file`, page `page`. A line without a
  // TAB is plain text and becomes a row of its own; a line with TABs must be an
  // article stream line, else it is skipped and the reason is returned. When the
  // line starts another SOURCE or PAGE, the rows of the articles gathered so far go
  // to `out` first, except those that said they go on on a later page ((下转2版)),
  // which wait for their source's end: memory holds about one page's articles (or
  // one plain line).
  std::optional<std::string> add_line(std::string_view line, std::string_view file, std::uint64_t page,
                                      std::string& out);

  // Writes the rows gathered so far, in the order their articles first appeared
  // (at the end of each FILE).
  void flush(std::string& out);

 private:
  struct Article {
    std::string source;
    std::uint64_t page = 0;
    std::uint64_t article = 0;
    std::vector<std::string> sections, titles, bylines, lines;
    std::vector<std::string> dates;  // DATE values of the text lines, in order
    bool goes_on = false;            // its text so far ends in a jump line: (下转2版)
  };
  void flush_finished(std::string& out);
  Article& article_for(std::string_view source, std::uint64_t page, std::uint64_t number);
  void write_row(const Article& article, std::string& out) const;

  TableOptions options_;
  std::vector<Article> articles_;  // of the current source, in order of appearance
  std::unordered_map<std::uint64_t, std::size_t> index_;  // ARTICLE → articles_
  std::string source_;
  std::uint64_t page_ = 0;
  std::uint64_t plain_rows_ = 0;  // rows made from plain text lines of this source
};

// to-tsv's work on the pieces the page reader hands out: numbers the lines of each
// FILE, adds them to the table, and reports the lines it must skip.
class TableWriter {
 public:
  // `warn` receives "FILE:LINE: reason (skipped)" for each bad line; with `strict`, the
  // first bad line throws BadData instead.
  TableWriter(TableOptions options, bool strict, std::function<void(const std::string&)> warn);

  // Adds a piece's lines (the header goes first, before any row).
  void write(const Piece& piece, std::string& out);
  // The FILE ended: its rows are written.
  void end_file(std::string& out);

 private:
  void start(std::string& out);

  ArticleTable table_;
  bool started_ = false;
  bool strict_;
  std::function<void(const std::string&)> warn_;
  std::uint64_t line_number_ = 1;
};

}  // namespace jianbao
