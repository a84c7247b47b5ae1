// Date resolution: turns what a date expression writes (date_grammar) into a
// TIMEX3 value, news style: missing years and months from the article's earlier
// dates, else from the document's date; 今年, 昨天, 春节 from the document's date.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "jianbao/civil_date.hpp"
#include "jianbao/date_grammar.hpp"

namespace jianbao {

// When the text was written, as far as it is known: --ref-date or a date in the
// source's file name (a full date), else an explicit year printed on the page.
struct DocumentDate {
  std::optional<CivilDate> date;
  int page_year = 0;  // 0: none

  int year() const { return date ? date->year : page_year; }
};

// What the article has said so far, which the next expression without a year or
// month continues from.
struct ArticleContext {
  CivilDate last_month;  // the latest date with its month known (year 0 when unknown, day may be 0)
  CivilDate last_day;    // the latest date known to the day
  // last_month's year was written or follows from the text (not only from the window
  // around the document's date), so later months may count from it.
  bool year_from_text = false;
  int line_year = 0;     // a bare year written earlier in the current line (2022年，…3月)

  void start_line() { line_year = 0; }
};

// A TIMEX3 value (2023-01-28, XXXX-01-28, 2023-01-08T23:48, T09:30) without allocation.
class DateValue {
 public:
  std::string_view text() const { return {chars_, size_}; }
  bool is_time() const { return is_time_; }

 private:
  friend class ValueWriter;
  char chars_[32];
  std::size_t size_ = 0;
  bool is_time_ = false;
};

// Resolves `expression` against the document date and the article so far, and
// records it in the article (a date known to the day becomes what later ones continue).
DateValue resolve_date(const DateExpression& expression, const DocumentDate& document, ArticleContext& article);

// Parses --ref-date's YYYY-MM-DD (a valid calendar date, nothing else).
std::optional<CivilDate> parse_iso_date(std::string_view text);

// A date in a file name: 2023-01-10, 2023_01_10, 2023.01.10 or 20230110, not part
// of a longer number; the last one when there are several.
std::optional<CivilDate> date_in_file_name(std::string_view name);

}  // namespace jianbao
