// Date resolution for tag-dates: calendar values for the expressions date_grammar
// finds, from the article's earlier dates and the document's date, never guessed:
// what cannot be known is written X (XXXX-01-28).
#include "jianbao/date_resolution.hpp"

#include <cstdlib>

#include "jianbao/chinese_festivals.hpp"

namespace jianbao {

// Writes a value into a DateValue: each field given, or X for one not known.
class ValueWriter {
 public:
  explicit ValueWriter(DateValue& value) : value_(value) {}

  // year, month, day: 0 unknown (X), -1 not part of the value.
  void date(int year, int month, int day) {
    number(year, 4);
    if (month < 0) return;
    put('-');
    number(month, 2);
    if (day < 0) return;
    put('-');
    number(day, 2);
  }
  // second: -1 when not written.
  void time(int hour, int minute, int second) {
    put('T');
    number(hour, 2, /*unknown_as_x=*/false);
    put(':');
    number(minute, 2, /*unknown_as_x=*/false);
    if (second >= 0) {
      put(':');
      number(second, 2, /*unknown_as_x=*/false);
    }
    value_.is_time_ = true;
  }

 private:
  void put(char c) { value_.chars_[value_.size_++] = c; }
  void number(int value, int width, bool unknown_as_x = true) {
    if (value <= 0 && unknown_as_x) {  // 前年 of a --ref-date in year 1 is no year either
      for (int i = 0; i < width; ++i) put('X');
      return;
    }
    char digits[8];
    int count = 0;
    for (int rest = value; count < width || rest > 0; rest /= 10) digits[count++] = static_cast<char>('0' + rest % 10);
    while (count > 0) put(digits[--count]);
  }

  DateValue& value_;
};

namespace {

// A date with parts unknown (0) and parts not expressed (-1): 2023-01 has day -1.
struct PartialDate {
  int year = 0;
  int month = -1;
  int day = -1;
  // The year was written, or follows from what was written (去年, an earlier 2022年):
  // not merely the document's year, chosen by the window.
  bool year_from_text = true;

  bool known_to_day() const { return year > 0 && month > 0 && day > 0; }
};

// How far from its anchor a month written without a year may fall, in months.
struct MonthWindow {
  int back;
  int ahead;
};
// From the document's date: the most recent past, but up to three months ahead
// (news reports what happened, and announces what comes soon).
constexpr MonthWindow kFromDocument{8, 3};
// From a date earlier in the article: the story moves on from it (3月16日开工…9月完工),
// and looks back a little (今年以来…).
constexpr MonthWindow kFromArticle{4, 7};

// The year of a month written without one, counted from an anchor date.
int year_of_month_near(const CivilDate& anchor, int month, MonthWindow window) {
  const int delta = month - anchor.month;
  if (delta > window.ahead) return anchor.year - 1;
  if (delta < -window.back) return anchor.year + 1;
  return anchor.year;
}

// The month of a day written alone, from the document's date: the most recent past,
// allowing a few days ahead (what is announced for the coming days).
CivilDate month_of_day_before(const CivilDate& anchor, int day) {
  CivilDate date{anchor.year, anchor.month, day};
  if (day > anchor.day + 5 || !is_valid_date(date.year, date.month, day)) {
    for (int back = 0; back < 3; ++back) {
      date = date.month == 1 ? CivilDate{date.year - 1, 12, day} : CivilDate{date.year, date.month - 1, day};
      if (is_valid_date(date.year, date.month, day)) break;
    }
  }
  return date;
}

// The date of a festival or lunar date in a given (lunar) year.
std::optional<CivilDate> yearly_date(const DateExpression& expression, int year) {
  if (expression.reference == DateReference::lunar) return lunar_to_gregorian(year, expression.month, expression.day);
  return festival_date(expression.festival, year);
}

// The occurrence nearest to `anchor` (春节 in a January 2023 article is 2023-01-22,
// 中秋节 in one of January 2023 is 2022-09-10).
std::optional<CivilDate> occurrence_near(const DateExpression& expression, const CivilDate& anchor) {
  std::optional<CivilDate> best;
  std::int64_t best_distance = 0;
  for (int year = anchor.year - 1; year <= anchor.year + 1; ++year) {
    const std::optional<CivilDate> date = yearly_date(expression, year);
    if (!date) continue;
    const std::int64_t distance = std::llabs(days_from_civil(*date) - days_from_civil(anchor));
    if (!best || distance < best_distance) {
      best = date;
      best_distance = distance;
    }
  }
  return best;
}

PartialDate resolve_calendar(const DateExpression& expression, const DocumentDate& document,
                             const ArticleContext& article) {
  PartialDate date;
  date.month = expression.month > 0 ? expression.month : -1;
  date.day = expression.day > 0 ? expression.day : -1;
  if (expression.year > 0) {
    date.year = expression.year;
    return date;
  }
  if (expression.month > 0) {  // month (and day) without a year
    // An earlier date of the article gives the year only when its own year came from
    // the text: years chosen by the window must not carry a story a year off.
    if (article.line_year > 0) {
      date.year = article.line_year;
    } else if (article.last_month.year > 0 && article.year_from_text) {
      date.year = year_of_month_near(article.last_month, expression.month, kFromArticle);
    } else if (document.date) {
      date.year = year_of_month_near(*document.date, expression.month, kFromDocument);
      date.year_from_text = false;
    } else {
      date.year = document.page_year;
      date.year_from_text = false;
    }
    return date;
  }
  if (expression.day > 0) {  // a day alone: the month the article is in
    if (article.last_month.month > 0) {
      date.year = article.last_month.year;
      date.month = article.last_month.month;
      date.year_from_text = article.year_from_text;
    } else if (document.date) {
      const CivilDate near = month_of_day_before(*document.date, expression.day);
      date.year = near.year;
      date.month = near.month;
      date.year_from_text = false;
    } else {
      date.year = document.page_year;
      date.month = 0;
      date.year_from_text = false;
    }
    return date;
  }
  return date;  // a clock time alone: its date comes from the article
}

// A month remembered without its year still gives a later day its month (XXXX-01-26).
void remember(const PartialDate& date, ArticleContext& article) {
  if (date.month > 0) {
    article.last_month = {date.year, date.month, date.day > 0 ? date.day : 0};
    article.year_from_text = date.year_from_text;
  }
  if (date.known_to_day()) article.last_day = {date.year, date.month, date.day};
}

PartialDate from_civil(const CivilDate& date) { return {date.year, date.month, date.day}; }

// A festival or a lunar date: the occurrence nearest the article's or the
// document's date, or the one of the year written before it.
PartialDate resolve_yearly(const DateExpression& expression, const DocumentDate& document,
                           const ArticleContext& article) {
  const bool movable = expression.reference == DateReference::lunar || is_movable(expression.festival);
  const CivilDate fixed = movable ? CivilDate{} : fixed_month_day(expression.festival);
  const PartialDate unknown{0, movable ? 0 : fixed.month, movable ? 0 : fixed.day};
  if (expression.generic) return unknown;
  int year = 0;
  if (expression.festival_year_relative) {
    year = document.year() > 0 ? document.year() + expression.offset : 0;
  } else if (expression.year > 0) {
    year = expression.year;
  }
  if (year > 0) {
    const std::optional<CivilDate> date = yearly_date(expression, year);
    return date ? from_civil(*date) : PartialDate{year, 0, 0};
  }
  std::optional<CivilDate> anchor;
  if (article.last_day.year > 0) {
    anchor = article.last_day;
  } else if (article.last_month.year > 0 && article.last_month.month > 0) {
    anchor = CivilDate{article.last_month.year, article.last_month.month, 15};
  } else if (document.date) {
    anchor = document.date;
  }
  if (anchor) {
    const std::optional<CivilDate> date = occurrence_near(expression, *anchor);
    return date ? from_civil(*date) : unknown;
  }
  if (document.page_year > 0) {
    const std::optional<CivilDate> date = yearly_date(expression, document.page_year);
    if (date) return from_civil(*date);
  }
  return unknown;
}

PartialDate resolve_date_part(const DateExpression& expression, const DocumentDate& document,
                              const ArticleContext& article) {
  switch (expression.reference) {
    case DateReference::calendar:
      return resolve_calendar(expression, document, article);
    case DateReference::relative_year: {
      const int year = document.year() > 0 ? document.year() + expression.offset : 0;
      return {year, expression.month > 0 ? expression.month : -1, expression.day > 0 ? expression.day : -1};
    }
    case DateReference::relative_month: {
      if (!document.date) return {0, 0, -1};
      int month = document.date->month + expression.offset;
      int year = document.date->year;
      if (month < 1) month += 12, --year;
      if (month > 12) month -= 12, ++year;
      return {year, month, -1};
    }
    case DateReference::relative_day:
      if (!document.date) return {0, 0, 0};
      return from_civil(add_days(*document.date, expression.offset));
    case DateReference::relative_week: {
      if (!document.date) return {0, 0, 0};
      // Weeks start on Monday; 1970-01-01 was a Thursday (day 3 counted from Monday).
      const std::int64_t days = days_from_civil(*document.date);
      const std::int64_t since_monday = ((days + 3) % 7 + 7) % 7;
      return from_civil(add_days(*document.date, -since_monday + 7 * expression.offset + expression.day - 1));
    }
    case DateReference::anaphoric_month:
      if (article.last_month.month == 0) return {0, 0, -1};
      return {article.last_month.year, article.last_month.month, -1, article.year_from_text};
    case DateReference::anaphoric_day: {
      if (article.last_day.year == 0) return {0, 0, 0};
      PartialDate date = from_civil(add_days(article.last_day, expression.offset));
      date.year_from_text = article.year_from_text;
      return date;
    }
    case DateReference::new_year:
      // The year that has just begun, or is about to (新年 in late December).
      if (document.date) return {document.date->month >= 7 ? document.date->year + 1 : document.date->year, -1, -1};
      return {document.page_year, -1, -1};
    case DateReference::festival:
    case DateReference::lunar:
      return resolve_yearly(expression, document, article);
  }
  return {};
}

bool is_digits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

DateValue resolve_date(const DateExpression& expression, const DocumentDate& document, ArticleContext& article) {
  DateValue value;
  ValueWriter writer(value);
  const bool time_alone = expression.reference == DateReference::calendar && expression.year == 0 &&
                          expression.month == 0 && expression.day == 0;
  if (time_alone) {
    // A clock time takes the day the article is on, when it has one.
    if (article.last_day.year > 0) writer.date(article.last_day.year, article.last_day.month, article.last_day.day);
    writer.time(expression.hour, expression.minute, expression.second);
    return value;
  }
  const PartialDate date = resolve_date_part(expression, document, article);
  writer.date(date.year, date.month, date.day);
  if (expression.has_time()) writer.time(expression.hour, expression.minute, expression.second);
  if (expression.reference == DateReference::festival || expression.reference == DateReference::new_year ||
      expression.reference == DateReference::lunar) {
    return value;  // a festival's day is not the day the article is on
  }
  if (expression.reference == DateReference::calendar && expression.month == 0 && expression.day == 0) {
    if (!expression.year_is_period) article.line_year = expression.year;
    return value;
  }
  remember(date, article);
  return value;
}

std::optional<CivilDate> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const std::string_view year = text.substr(0, 4), month = text.substr(5, 2), day = text.substr(8, 2);
  if (!is_digits(year) || !is_digits(month) || !is_digits(day)) return std::nullopt;
  const CivilDate date{to_int(year), to_int(month), to_int(day)};
  if (date.year < 1 || !is_valid_date(date.year, date.month, date.day)) return std::nullopt;
  return date;
}

std::optional<CivilDate> date_in_file_name(std::string_view name) {
  if (const std::size_t slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::optional<CivilDate> found;
  std::size_t i = 0;
  while (i < name.size()) {
    if (name[i] < '0' || name[i] > '9') {
      ++i;
      continue;
    }
    std::size_t run = i;
    while (run < name.size() && name[run] >= '0' && name[run] <= '9') ++run;
    std::optional<CivilDate> date;
    if (run - i == 8) {  // 20230110
      date = CivilDate{to_int(name.substr(i, 4)), to_int(name.substr(i + 4, 2)), to_int(name.substr(i + 6, 2))};
    } else if (run - i == 4 && run + 6 <= name.size() && (name[run] == '-' || name[run] == '_' || name[run] == '.') &&
               name[run + 3] == name[run] && is_digits(name.substr(run + 1, 2)) && is_digits(name.substr(run + 4, 2)) &&
               (run + 6 == name.size() || name[run + 6] < '0' || name[run + 6] > '9')) {  // 2023-01-10
      date = CivilDate{to_int(name.substr(i, 4)), to_int(name.substr(run + 1, 2)), to_int(name.substr(run + 4, 2))};
      run += 6;
    }
    if (date && date->year >= 1900 && date->year <= 2199 && is_valid_date(date->year, date->month, date->day)) {
      found = date;
    }
    i = run;
  }
  return found;
}

}  // namespace jianbao
