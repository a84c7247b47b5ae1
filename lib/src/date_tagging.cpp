// Date tagging for tag-dates: one pass over each line of a piece, finding the
// expressions of the text after the last TAB, resolving them in their article and
// writing the line back with TIMEX3 markup (or --list rows); nothing else changes.
#include "jianbao/date_tagging.hpp"

#include <charconv>
#include <cstring>

namespace jianbao {
namespace {

constexpr std::string_view kOpenTag = "<TIMEX3";
constexpr std::string_view kCloseTag = "</TIMEX3>";

// A headline, section label or signature is at most this many characters.
constexpr std::size_t kLongestHeading = 40;

// The value of attribute `name` in the attribute text of a tag, or "".
std::string_view attribute(std::string_view attributes, std::string_view name) {
  std::size_t at = 0;
  while ((at = attributes.find(name, at)) != std::string_view::npos) {
    const std::size_t quote = at + name.size();
    if ((at == 0 || attributes[at - 1] == ' ') && attributes.substr(quote).starts_with("=\"")) {
      const std::size_t close = attributes.find('"', quote + 2);
      if (close == std::string_view::npos) return {};
      return attributes.substr(quote + 2, close - quote - 2);
    }
    at = quote;
  }
  return {};
}

}  // namespace

// The fields of an article-stream line (SOURCE PAGE ARTICLE ROLE TEXT), when it is one.
struct DateTagger::LineFields {
  bool stream = false;
  std::string_view source, page, article;
};

bool opens_article(std::string_view line) {
  // Datelines: 本报讯, 本报太原1月9日电, 新华社北京1月9日电, 据新华社…
  for (std::string_view dateline : {"本报", "新华社", "据新华社", "中新社", "中新网", "人民网", "央视网", "新华网"}) {
    if (line.starts_with(dateline)) return true;
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  // Most lines are paragraphs: too long in bytes to be a heading, decided at once.
  if (line.empty() || line.size() > kLongestHeading * 4) return false;
  for (std::string_view closing : {"。", "！", "？", "!", "?", "…", "”", "\"", "’", "』", "」", "；", ";", "，", ",",
                                   "：", ":", "、"}) {
    if (line.ends_with(closing)) return false;
  }
  std::size_t characters = 0;
  for (char c : line) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return characters <= kLongestHeading;
}

void DateTagger::start_source(std::string_view source) {
  line_number_ = 1;
  page_starts_ = true;
  source_file_date_ = source == "-" ? std::nullopt : date_in_file_name(source);
  stream_source_.clear();
  stream_source_date_.reset();
  stream_page_.clear();
  stream_articles_.clear();
  stream_article_order_.clear();
  stream_article_key_.clear();
  stream_article_ = nullptr;
}

void DateTagger::tag_piece(const Piece& piece, std::string& out) {
  if (piece.source_start) {
    // The FILE before ended inside a line: that line ends before this FILE's first.
    if (line_open_ && !options_.list) out.push_back('\n');
    start_source(piece.source);
  }
  if (page_starts_) {
    page_article_ = {};
    page_year_ = 0;
  }
  page_starts_ = piece.page_end;
  const std::string_view text = piece.text;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const void* newline = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const std::size_t end = newline != nullptr ? static_cast<std::size_t>(static_cast<const char*>(newline) - text.data())
                                               : text.size();
    tag_line(text.substr(pos, end - pos), out);
    pos = end;
    if (newline != nullptr) {
      if (!options_.list) out.push_back('\n');
      ++line_number_;
      ++pos;
    }
  }
  if (piece.form_feed && !options_.list) out.push_back('\f');
  // A form feed starts a page, and so a line, as it does inside a FILE.
  if (!text.empty() || piece.form_feed) line_open_ = !piece.form_feed && text.back() != '\n';
}

void DateTagger::tag_line(std::string_view line, std::string& out) {
  // memrchr: a byte loop here would cost as much as the whole date scan.
  const void* tab = line.empty() ? nullptr : ::memrchr(line.data(), '\t', line.size());
  const std::size_t last_tab =
      tab == nullptr ? std::string_view::npos : static_cast<std::size_t>(static_cast<const char*>(tab) - line.data());
  const std::size_t text_begin = last_tab == std::string_view::npos ? 0 : last_tab + 1;
  const std::string_view text = line.substr(text_begin);
  if (text.find(kOpenTag) != std::string_view::npos) {
    // Our own output (or someone's markup): left exactly as it is, never nested.
    if (options_.list) {
      list_existing_tags(text, out);
    } else {
      out.append(line);
    }
    return;
  }
  LineFields fields;
  if (last_tab != std::string_view::npos) {
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = line.find('\t', tab1 + 1);
    const std::size_t tab3 = tab2 == std::string_view::npos ? tab2 : line.find('\t', tab2 + 1);
    if (tab3 != std::string_view::npos && tab3 < last_tab) {
      fields.stream = true;
      fields.source = line.substr(0, tab1);
      fields.page = line.substr(tab1 + 1, tab2 - tab1 - 1);
      fields.article = line.substr(tab2 + 1, tab3 - tab2 - 1);
    }
  }
  ArticleContext& article = article_for(fields, text);
  article.start_line();
  expressions_.clear();
  find_date_expressions(text, expressions_);
  if (expressions_.empty()) {
    if (!options_.list) out.append(line);
    return;
  }
  if (page_year_ == 0) {
    for (const DateExpression& expression : expressions_) {
      if (expression.reference == DateReference::calendar && expression.year > 0) {
        page_year_ = expression.year;
        break;
      }
    }
  }
  const DocumentDate document = document_for(fields);
  values_.clear();
  for (const DateExpression& expression : expressions_) values_.push_back(resolve_date(expression, document, article));
  if (options_.list) {
    write_list(line, text_begin, out);
  } else {
    write_markup(line, text_begin, out);
  }
}

ArticleContext& DateTagger::article_for(const LineFields& fields, std::string_view text) {
  if (!fields.stream) {
    if (opens_article(text)) page_article_ = {};
    return page_article_;
  }
  if (fields.source != stream_source_) {
    stream_source_.assign(fields.source);
    stream_source_date_ = date_in_file_name(fields.source);
    stream_articles_.clear();
    stream_article_order_.clear();
    stream_article_ = nullptr;
    stream_page_.clear();
  }
  if (fields.page != stream_page_) {
    stream_page_.assign(fields.page);
    page_year_ = 0;
  }
  if (stream_article_ == nullptr || fields.article != stream_article_key_) {
    stream_article_key_.assign(fields.article);
    auto [entry, inserted] = stream_articles_.try_emplace(stream_article_key_);
    stream_article_ = &entry->second;
    if (inserted) {
      stream_article_order_.push_back(stream_article_key_);
      if (stream_article_order_.size() > kRememberedArticles) {
        stream_articles_.erase(stream_article_order_.front());
        stream_article_order_.pop_front();
      }
    }
  }
  return *stream_article_;
}

DocumentDate DateTagger::document_for(const LineFields& fields) {
  DocumentDate document;
  if (options_.reference_date) {
    document.date = options_.reference_date;
  } else if (fields.stream && stream_source_date_) {
    document.date = stream_source_date_;
  } else {
    document.date = source_file_date_;
  }
  document.page_year = page_year_;
  return document;
}

void DateTagger::write_markup(std::string_view line, std::size_t text_begin, std::string& out) {
  std::size_t copied = 0;
  for (std::size_t i = 0; i < expressions_.size(); ++i) {
    const std::size_t begin = text_begin + expressions_[i].begin;
    const std::size_t end = text_begin + expressions_[i].end;
    out.append(line.substr(copied, begin - copied));
    out.append(R"(<TIMEX3 type=")");
    out.append(values_[i].is_time() ? "TIME" : "DATE");
    out.append(R"(" value=")");
    out.append(values_[i].text());
    out.append(R"(">)");
    out.append(line.substr(begin, end - begin));
    out.append(kCloseTag);
    copied = end;
  }
  out.append(line.substr(copied));
}

void DateTagger::write_list(std::string_view line, std::size_t text_begin, std::string& out) {
  for (std::size_t i = 0; i < expressions_.size(); ++i) {
    const std::string_view surface =
        line.substr(text_begin + expressions_[i].begin, expressions_[i].end - expressions_[i].begin);
    append_list_row(surface, values_[i].text(), values_[i].is_time() ? "TIME" : "DATE", out);
  }
}

void DateTagger::list_existing_tags(std::string_view text, std::string& out) {
  std::size_t pos = 0;
  while ((pos = text.find(kOpenTag, pos)) != std::string_view::npos) {
    const std::size_t tag_end = text.find('>', pos);
    if (tag_end == std::string_view::npos) return;
    const std::size_t close = text.find(kCloseTag, tag_end);
    if (close == std::string_view::npos) return;
    const std::string_view attributes = text.substr(pos + kOpenTag.size(), tag_end - pos - kOpenTag.size());
    append_list_row(text.substr(tag_end + 1, close - tag_end - 1), attribute(attributes, "value"),
                    attribute(attributes, "type"), out);
    pos = close + kCloseTag.size();
  }
}

void DateTagger::append_list_row(std::string_view surface, std::string_view value, std::string_view type,
                                 std::string& out) {
  char number[24];
  const auto written = std::to_chars(number, number + sizeof number, line_number_);
  out.append(number, written.ptr);
  out.push_back('\t');
  out.append(surface);
  out.push_back('\t');
  out.append(value);
  out.push_back('\t');
  out.append(type);
  out.push_back('\n');
}

}  // namespace jianbao
