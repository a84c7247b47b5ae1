// The article table: gathers the stream by (SOURCE, ARTICLE) into rows and writes
// them as COPY text or JSON Lines.
#include "jianbao/article_table.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "jianbao/article_segmentation.hpp"
#include "jianbao/article_stream.hpp"
#include "jianbao/cli.hpp"
#include "jianbao/timex_markup.hpp"

namespace jianbao {
namespace {

void append_number(std::string& out, std::uint64_t value) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, result.ptr);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) joined.append(separator);
    joined.append(parts[i]);
  }
  return joined;
}

// Characters, not bytes: every byte that does not continue a UTF-8 sequence starts one
// (an invalid byte counts as one character, as it passes through as one).
std::uint64_t count_characters(std::string_view text) {
  return static_cast<std::uint64_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

const std::vector<TableColumn>& all_table_columns() {
  static const std::vector<TableColumn> columns = {
      TableColumn::source, TableColumn::page,     TableColumn::article, TableColumn::section, TableColumn::title,
      TableColumn::byline, TableColumn::dateline, TableColumn::dates,   TableColumn::chars,   TableColumn::text};
  return columns;
}

std::string_view column_name(TableColumn column) {
  switch (column) {
    case TableColumn::source: return "source";
    case TableColumn::page: return "page";
    case TableColumn::article: return "article";
    case TableColumn::section: return "section";
    case TableColumn::title: return "title";
    case TableColumn::byline: return "byline";
    case TableColumn::dateline: return "dateline";
    case TableColumn::dates: return "dates";
    case TableColumn::chars: return "chars";
    case TableColumn::text: return "text";
  }
  return "text";
}

std::vector<TableColumn> parse_column_list(std::string_view list) {
  std::vector<TableColumn> columns;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view name = list.substr(start, end - start);
    const auto& all = all_table_columns();
    const auto found = std::find_if(all.begin(), all.end(), [&](TableColumn c) { return column_name(c) == name; });
    if (found == all.end()) {
      throw std::invalid_argument("unknown column '" + std::string(name) +
                                  "' (columns: source,page,article,section,title,byline,dateline,dates,chars,text)");
    }
    if (std::find(columns.begin(), columns.end(), *found) != columns.end()) {
      throw std::invalid_argument("column '" + std::string(name) + "' given twice");
    }
    columns.push_back(*found);
    start = end + 1;
  }
  return columns;
}

namespace {

// How far from `from` the next byte COPY text must escape (\\, TAB, LF, CR) is:
// sixteen bytes at a time, since articles are long and nearly free of them.
std::size_t next_escape(std::string_view field, std::size_t from) {
  std::size_t i = from;
#ifdef __SSE2__
  const __m128i backslash = _mm_set1_epi8('\\'), tab = _mm_set1_epi8('\t'), newline = _mm_set1_epi8('\n'),
                carriage_return = _mm_set1_epi8('\r');
  for (; i + 16 <= field.size(); i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(field.data() + i));
    const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, backslash), _mm_cmpeq_epi8(block, tab)),
                                      _mm_or_si128(_mm_cmpeq_epi8(block, newline), _mm_cmpeq_epi8(block, carriage_return)));
    if (const int mask = _mm_movemask_epi8(hits)) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < field.size(); ++i) {
    const char c = field[i];
    if (c == '\\' || c == '\t' || c == '\n' || c == '\r') return i;
  }
  return field.size();
}

}  // namespace

void append_copy_escaped(std::string& out, std::string_view field) {
  std::size_t done = 0;
  for (std::size_t i = next_escape(field, 0); i < field.size(); i = next_escape(field, i + 1)) {
    const char c = field[i];
    out.append(field.substr(done, i - done)).append(c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r");
    done = i + 1;
  }
  out.append(field.substr(done));
}

void append_json_string(std::string& out, std::string_view field) {
  out.push_back('"');
  std::size_t done = 0;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const auto c = static_cast<unsigned char>(field[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) continue;
    out.append(field.substr(done, i - done));
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\t': out.append("\\t"); break;
      case '\r': out.append("\\r"); break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out.append("\\u00").push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
      }
    }
    done = i + 1;
  }
  out.append(field.substr(done)).push_back('"');
}

ArticleTable::ArticleTable(TableOptions options) : options_(std::move(options)) {}

void ArticleTable::write_header(std::string& out) const {
  if (options_.json || !options_.header) return;
  for (std::size_t i = 0; i < options_.columns.size(); ++i) {
    if (i > 0) out.push_back('\t');
    out.append(column_name(options_.columns[i]));
  }
  out.push_back('\n');
}

ArticleTable::Article& ArticleTable::article_for(std::string_view source, std::uint64_t page, std::uint64_t number) {
  const auto [at, inserted] = index_.try_emplace(number, articles_.size());
  if (inserted) articles_.push_back(Article{std::string(source), page, number, {}, {}, {}, {}, {}});
  return articles_[at->second];
}

std::optional<std::string> ArticleTable::add_line(std::string_view line, std::string_view file, std::uint64_t page,
                                                  std::string& out) {
  const bool plain = line.find('\t') == std::string_view::npos;
  std::optional<StreamLine> stream;
  ArticleRole role = ArticleRole::body;
  if (!plain) {
    stream = parse_stream_line(line);
    if (!stream) {
      const auto fields = std::count(line.begin(), line.end(), '\t') + 1;
      if (fields != 5) return "expected 5 TAB-separated fields, found " + std::to_string(fields);
      return "PAGE and ARTICLE must be decimal numbers";
    }
    const std::optional<ArticleRole> named = role_from_name(stream->role);
    if (!named) {
      return "unknown ROLE '" + std::string(stream->role) +
             "' (roles: section,title,subtitle,byline,body,caption,signature,fragment)";
    }
    role = *named;
  } else if (line.find_first_not_of(" \f\v") == std::string_view::npos) {
    return std::nullopt;  // a blank line or a page's form feed: nothing to tabulate
  }

  const std::string_view source = plain ? file : stream->source;
  if (source != source_) {
    flush(out);
    source_ = source;
    plain_rows_ = 0;
  } else if (!plain && stream->page != page_) {
    flush_finished(out);
  }
  if (!plain) page_ = stream->page;
  std::string text;
  std::vector<TimexValue> values;
  read_timex_markup(plain ? line : stream->text, options_.keep_tags, text, values);

  Article* article;
  if (plain) {
    // A plain line is a whole row already: out it goes, after the rows before it.
    flush(out);
    articles_.push_back(Article{std::string(source), page, ++plain_rows_, {}, {}, {}, {}, {}});
    article = &articles_.back();
  } else {
    article = &article_for(source, stream->page, stream->article);
  }
  if (role == ArticleRole::section) {
    article->sections.push_back(std::move(text));
  } else if (role == ArticleRole::title || role == ArticleRole::subtitle) {
    article->titles.push_back(std::move(text));
  } else if (role == ArticleRole::byline || role == ArticleRole::signature) {
    article->bylines.push_back(std::move(text));
  } else {
    for (TimexValue& v : values) {
      if (v.type == "DATE") article->dates.push_back(std::move(v.value));
    }
    // (下转2版) closes a paragraph that goes on on another page.
    const std::size_t jump = text.rfind("下转");
    article->goes_on = jump != std::string::npos && text.size() - jump <= 24;
    article->lines.push_back(std::move(text));
  }
  return std::nullopt;
}

void ArticleTable::write_row(const Article& article, std::string& out) const {
  std::vector<std::string> distinct;
  for (const std::string& date : article.dates) {
    if (std::find(distinct.begin(), distinct.end(), date) == distinct.end()) distinct.push_back(date);
  }
  const std::string text = join(article.lines, "\n");
  if (options_.json) out.push_back('{');
  bool first = true;
  for (TableColumn column : options_.columns) {
    if (options_.json) {
      if (!first) out.push_back(',');
      append_json_string(out, column_name(column));
      out.push_back(':');
    } else if (!first) {
      out.push_back('\t');
    }
    first = false;
    auto string_field = [&](std::string_view value) {
      if (options_.json) {
        append_json_string(out, value);
      } else {
        append_copy_escaped(out, value);
      }
    };
    switch (column) {
      case TableColumn::source: string_field(article.source); break;
      case TableColumn::page: append_number(out, article.page); break;
      case TableColumn::article: append_number(out, article.article); break;
      case TableColumn::section: string_field(join(article.sections, " ")); break;
      case TableColumn::title: string_field(join(article.titles, " ")); break;
      case TableColumn::byline: string_field(join(article.bylines, " / ")); break;
      case TableColumn::dateline:
        if (options_.json && distinct.empty()) {
          out.append("null");
        } else {
          string_field(distinct.empty() ? std::string_view() : std::string_view(article.dates.front()));
        }
        break;
      case TableColumn::dates:
        if (options_.json) {
          out.push_back('[');
          for (std::size_t i = 0; i < distinct.size(); ++i) {
            if (i > 0) out.push_back(',');
            append_json_string(out, distinct[i]);
          }
          out.push_back(']');
        } else {
          string_field(join(distinct, ","));
        }
        break;
      case TableColumn::chars: append_number(out, count_characters(text)); break;
      case TableColumn::text: string_field(text); break;
    }
  }
  out.append(options_.json ? "}\n" : "\n");
}

void ArticleTable::flush(std::string& out) {
  for (const Article& article : articles_) write_row(article, out);
  articles_.clear();
  index_.clear();
}

void ArticleTable::flush_finished(std::string& out) {
  std::vector<Article> waiting;
  for (Article& article : articles_) {
    if (article.goes_on) {
      waiting.push_back(std::move(article));
    } else {
      write_row(article, out);
    }
  }
  articles_ = std::move(waiting);
  index_.clear();
  for (std::size_t i = 0; i < articles_.size(); ++i) index_[articles_[i].article] = i;
}

TableWriter::TableWriter(TableOptions options, bool strict, std::function<void(const std::string&)> warn)
    : table_(std::move(options)), strict_(strict), warn_(std::move(warn)) {}

void TableWriter::start(std::string& out) {
  if (!started_) table_.write_header(out);
  started_ = true;
}

void TableWriter::end_file(std::string& out) {
  start(out);
  table_.flush(out);
}

void TableWriter::write(const Piece& piece, std::string& out) {
  start(out);
  if (piece.source_start) line_number_ = 1;
  std::string_view text = piece.text;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (auto problem = table_.add_line(line, piece.source, piece.page_number, out)) {
      const std::string where = std::string(piece.source) + ":" + std::to_string(line_number_) + ": " + *problem;
      if (strict_) throw BadData(where);
      warn_(where + " (line skipped)");
    }
    if (end == std::string_view::npos) break;
    ++line_number_;
    text.remove_prefix(end + 1);
  }
}

}  // namespace jianbao
