// Tests for date resolution: the value of each kind of expression against the
// document's date and the article's earlier dates, the X for what is unknown, and
// the parsing of --ref-date and of dates in file names.
#include "jianbao/date_resolution.hpp"

#include <gtest/gtest.h>

#include <string>

namespace jianbao {
namespace {

const DocumentDate kJanuary10{CivilDate{2023, 1, 10}, 0};

DateExpression written(int year, int month, int day) {
  DateExpression expression;
  expression.year = year;
  expression.month = month;
  expression.day = day;
  return expression;
}

std::string value(const DateExpression& expression, const DocumentDate& document, ArticleContext& article) {
  return std::string(resolve_date(expression, document, article).text());
}

std::string value(const DateExpression& expression, const DocumentDate& document = kJanuary10) {
  ArticleContext article;
  return value(expression, document, article);
}

TEST(ResolveDate, WrittenFieldsAsTheyAre) {
  EXPECT_EQ(value(written(2022, 3, 16)), "2022-03-16");
  EXPECT_EQ(value(written(2022, 5, 0)), "2022-05");
  EXPECT_EQ(value(written(2023, 0, 0)), "2023");
}

TEST(ResolveDate, MonthWithoutYearPrefersTheRecentPast) {
  EXPECT_EQ(value(written(0, 12, 24)), "2022-12-24");
  EXPECT_EQ(value(written(0, 1, 28)), "2023-01-28");
  EXPECT_EQ(value(written(0, 4, 1)), "2023-04-01");  // three months ahead: announced
  EXPECT_EQ(value(written(0, 5, 1)), "2022-05-01");
  EXPECT_EQ(value(written(0, 1, 6), DocumentDate{CivilDate{2022, 12, 30}, 0}), "2023-01-06");
}

TEST(ResolveDate, DayAloneFromTheDocument) {
  EXPECT_EQ(value(written(0, 0, 8)), "2023-01-08");
  EXPECT_EQ(value(written(0, 0, 15)), "2023-01-15");
  EXPECT_EQ(value(written(0, 0, 26)), "2022-12-26");
  EXPECT_EQ(value(written(0, 0, 30), DocumentDate{CivilDate{2023, 3, 2}, 0}), "2023-01-30");  // not 02-30
}

TEST(ResolveDate, TheArticleGoesBeforeTheDocument) {
  ArticleContext article;
  EXPECT_EQ(value(written(2022, 5, 0), kJanuary10, article), "2022-05");
  EXPECT_EQ(value(written(0, 0, 26), kJanuary10, article), "2022-05-26");
  EXPECT_EQ(value(written(0, 7, 1), kJanuary10, article), "2022-07-01");
  EXPECT_EQ(value(written(0, 0, 3), kJanuary10, article), "2022-07-03");
}

TEST(ResolveDate, BareYearsOnlyWithinTheLine) {
  ArticleContext article;
  EXPECT_EQ(value(written(2021, 0, 0), kJanuary10, article), "2021");
  EXPECT_EQ(value(written(0, 3, 16), kJanuary10, article), "2021-03-16");
  article.start_line();
  EXPECT_EQ(value(written(0, 9, 1), kJanuary10, article), "2021-09-01");  // from 2021-03
  ArticleContext period;
  DateExpression fiscal = written(2021, 0, 0);
  fiscal.year_is_period = true;
  EXPECT_EQ(value(fiscal, kJanuary10, period), "2021");
  EXPECT_EQ(value(written(0, 3, 16), kJanuary10, period), "2023-03-16");
}

TEST(ResolveDate, ClockTimes) {
  DateExpression time;
  time.hour = 9;
  time.minute = 30;
  EXPECT_EQ(value(time), "T09:30");
  ArticleContext article;
  value(written(0, 1, 28), kJanuary10, article);
  const DateValue resolved = resolve_date(time, kJanuary10, article);
  EXPECT_EQ(resolved.text(), "2023-01-28T09:30");
  EXPECT_TRUE(resolved.is_time());
  DateExpression with_date = written(0, 1, 8);
  with_date.hour = 23;
  with_date.minute = 48;
  with_date.second = 5;
  EXPECT_EQ(value(with_date), "2023-01-08T23:48:05");
}

TEST(ResolveDate, RelativeToTheDocument) {
  DateExpression expression;
  expression.reference = DateReference::relative_year;
  expression.offset = -1;
  EXPECT_EQ(value(expression), "2022");
  expression.month = 12;
  expression.day = 24;
  EXPECT_EQ(value(expression), "2022-12-24");
  DateExpression day;
  day.reference = DateReference::relative_day;
  day.offset = -1;
  EXPECT_EQ(value(day, DocumentDate{CivilDate{2023, 3, 1}, 0}), "2023-02-28");
  DateExpression month;
  month.reference = DateReference::relative_month;
  month.offset = -1;
  EXPECT_EQ(value(month), "2022-12");
  month.offset = 1;
  EXPECT_EQ(value(month, DocumentDate{CivilDate{2023, 12, 5}, 0}), "2024-01");
  DateExpression new_year;
  new_year.reference = DateReference::new_year;
  EXPECT_EQ(value(new_year), "2023");
  EXPECT_EQ(value(new_year, DocumentDate{CivilDate{2022, 12, 28}, 0}), "2023");
}

TEST(ResolveDate, Festivals) {
  DateExpression festival;
  festival.reference = DateReference::festival;
  festival.festival = Festival::spring_festival;
  EXPECT_EQ(value(festival), "2023-01-22");
  EXPECT_EQ(value(festival, DocumentDate{CivilDate{2022, 12, 1}, 0}), "2023-01-22");
  EXPECT_EQ(value(festival, DocumentDate{std::nullopt, 2024}), "2024-02-10");
  EXPECT_EQ(value(festival, DocumentDate{}), "XXXX-XX-XX");
  festival.generic = true;
  EXPECT_EQ(value(festival), "XXXX-XX-XX");
  festival.festival = Festival::new_years_day;
  EXPECT_EQ(value(festival), "XXXX-01-01");
  DateExpression named_year;
  named_year.reference = DateReference::festival;
  named_year.festival = Festival::mid_autumn;
  named_year.year = 2021;
  EXPECT_EQ(value(named_year), "2021-09-21");
}

TEST(ResolveDate, FestivalsDoNotMoveTheArticle) {
  ArticleContext article;
  DateExpression festival;
  festival.reference = DateReference::festival;
  festival.festival = Festival::spring_festival;
  value(festival, kJanuary10, article);
  EXPECT_EQ(article.last_day.year, 0);
  EXPECT_EQ(value(written(0, 0, 26), kJanuary10, article), "2022-12-26");
}

TEST(ResolveDate, UnknownIsWrittenX) {
  const DocumentDate none;
  EXPECT_EQ(value(written(0, 1, 28), none), "XXXX-01-28");
  EXPECT_EQ(value(written(0, 0, 26), none), "XXXX-XX-26");
  DateExpression anaphoric;
  anaphoric.reference = DateReference::anaphoric_day;
  EXPECT_EQ(value(anaphoric), "XXXX-XX-XX");
  DateExpression relative;
  relative.reference = DateReference::relative_year;
  EXPECT_EQ(value(relative, none), "XXXX");
  EXPECT_EQ(value(written(0, 1, 28), DocumentDate{std::nullopt, 2023}), "2023-01-28");
  relative.offset = -2;
  EXPECT_EQ(value(relative, DocumentDate{CivilDate{1, 3, 1}, 0}), "XXXX");
}

TEST(ParseIsoDate, OnlyValidDates) {
  EXPECT_EQ(parse_iso_date("2023-01-10"), (CivilDate{2023, 1, 10}));
  EXPECT_EQ(parse_iso_date("2024-02-29"), (CivilDate{2024, 2, 29}));
  for (std::string_view bad : {"2023-02-29", "2023-1-10", "2023/01/10", "20230110", "", "2023-01-10x", "abcd-ef-gh",
                               "2023-13-01", "0000-01-01"}) {
    EXPECT_FALSE(parse_iso_date(bad)) << bad;
  }
}

TEST(DateInFileName, CommonSpellings) {
  EXPECT_EQ(date_in_file_name("2023-01-10.txt"), (CivilDate{2023, 1, 10}));
  EXPECT_EQ(date_in_file_name("pages/jcb_20230110_03.txt"), (CivilDate{2023, 1, 10}));
  EXPECT_EQ(date_in_file_name("/x/2022-12-01/2023_01_10.txt.gz"), (CivilDate{2023, 1, 10}));
  EXPECT_EQ(date_in_file_name("2023.01.10-page3.txt"), (CivilDate{2023, 1, 10}));
  EXPECT_FALSE(date_in_file_name("000.txt"));
  EXPECT_FALSE(date_in_file_name("-"));
  EXPECT_FALSE(date_in_file_name("202301101.txt"));
  EXPECT_FALSE(date_in_file_name("2023-13-10.txt"));
}

}  // namespace
}  // namespace jianbao
