// Tests for the date grammar: which spans are found and what fields each one
// writes, before any resolution (the values are date_tagging_test's business).
#include "jianbao/date_grammar.hpp"

#include <gtest/gtest.h>

#include <string>

namespace jianbao {
namespace {

std::vector<DateExpression> find(std::string_view text) {
  std::vector<DateExpression> out;
  find_date_expressions(text, out);
  return out;
}

std::vector<std::string> surfaces(std::string_view text) {
  std::vector<std::string> out;
  for (const DateExpression& expression : find(text)) {
    out.emplace_back(text.substr(expression.begin, expression.end - expression.begin));
  }
  return out;
}

using Surfaces = std::vector<std::string>;

TEST(DateGrammar, FullDateFields) {
  const auto found = find("于2022年3月16日召开");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].reference, DateReference::calendar);
  EXPECT_EQ(found[0].year, 2022);
  EXPECT_EQ(found[0].month, 3);
  EXPECT_EQ(found[0].day, 16);
  EXPECT_FALSE(found[0].has_time());
  EXPECT_EQ(found[0].begin, 3u);
}

TEST(DateGrammar, DateAndTimeAreOneExpression) {
  const auto found = find("1月8日23时48分");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].month, 1);
  EXPECT_EQ(found[0].day, 8);
  EXPECT_EQ(found[0].hour, 23);
  EXPECT_EQ(found[0].minute, 48);
  EXPECT_EQ(found[0].second, -1);
}

TEST(DateGrammar, PartOfDayStaysOutside) {
  EXPECT_EQ(surfaces("1月7日凌晨3时"), (Surfaces{"1月7日", "3时"}));
  const auto found = find("下午3时");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].hour, 15);
}

TEST(DateGrammar, ListsAndRanges) {
  EXPECT_EQ(surfaces("1月7日、8日"), (Surfaces{"1月7日", "8日"}));
  EXPECT_EQ(surfaces("3月16日至18日"), (Surfaces{"3月16日", "18日"}));
  EXPECT_EQ(surfaces("2022年至2023年"), (Surfaces{"2022年", "2023年"}));
}

TEST(DateGrammar, PeriodYear) {
  const auto found = find("2023年度");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].year_is_period);
  EXPECT_EQ(found[0].end, std::string_view("2023年度").size());
}

TEST(DateGrammar, RelativeWords) {
  const auto found = find("去年12月24日，今年，昨天，当天，上月，次日");
  ASSERT_EQ(found.size(), 6u);
  EXPECT_EQ(found[0].reference, DateReference::relative_year);
  EXPECT_EQ(found[0].offset, -1);
  EXPECT_EQ(found[0].month, 12);
  EXPECT_EQ(found[0].day, 24);
  EXPECT_EQ(found[1].reference, DateReference::relative_year);
  EXPECT_EQ(found[1].offset, 0);
  EXPECT_EQ(found[2].reference, DateReference::relative_day);
  EXPECT_EQ(found[2].offset, -1);
  EXPECT_EQ(found[3].reference, DateReference::anaphoric_day);
  EXPECT_EQ(found[4].reference, DateReference::relative_month);
  EXPECT_EQ(found[4].offset, -1);
  EXPECT_EQ(found[5].reference, DateReference::anaphoric_day);
  EXPECT_EQ(found[5].offset, 1);
}

TEST(DateGrammar, NewYearSenses) {
  const auto found = find("新年新气象，2023年的新年，新年好");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].reference, DateReference::new_year);
  EXPECT_EQ(found[2].reference, DateReference::festival);
  EXPECT_EQ(found[2].festival, Festival::new_years_day);
  EXPECT_EQ(found[2].year, 2023);
}

TEST(DateGrammar, Festivals) {
  const auto found = find("春节期间，元宵节，除夕夜，中秋节，端午，国庆假期，新春");
  ASSERT_EQ(found.size(), 7u);
  EXPECT_EQ(found[0].festival, Festival::spring_festival);
  EXPECT_EQ(found[1].festival, Festival::lantern_festival);
  EXPECT_EQ(found[2].festival, Festival::new_years_eve);
  EXPECT_EQ(found[3].festival, Festival::mid_autumn);
  EXPECT_EQ(found[4].festival, Festival::dragon_boat);
  EXPECT_EQ(found[5].festival, Festival::national_day);
  EXPECT_EQ(found[6].festival, Festival::spring_festival);
  for (const DateExpression& expression : found) EXPECT_FALSE(expression.generic);
}

TEST(DateGrammar, GenericFestivals) {
  for (std::string_view text : {"每年春节，他都值班", "无论是元旦，还是春节", "春节，是中华民族的传统佳节",
                                "这是第几个年头在春节假期值班了", "春节作为传统节日"}) {
    const auto found = find(text);
    ASSERT_FALSE(found.empty()) << text;
    EXPECT_TRUE(found.back().generic) << text;
  }
  // A count of years in an earlier clause says nothing about this one.
  const auto found = find("已经八个年头，春节期间他坚守岗位");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].generic);
}

TEST(DateGrammar, LunarDates) {
  const auto found = find("腊月二十三，正月初六，农历八月十五，腊月，农历十月");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].reference, DateReference::lunar);
  EXPECT_EQ(found[0].month, 12);
  EXPECT_EQ(found[0].day, 23);
  EXPECT_EQ(found[1].month, 1);
  EXPECT_EQ(found[1].day, 6);
  EXPECT_EQ(found[2].month, 8);
  EXPECT_EQ(found[2].day, 15);
}

TEST(DateGrammar, YearWrittenBeforeAFestival) {
  const auto found = find("2024年春节，今年春节");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[1].year, 2024);
  EXPECT_TRUE(found[3].festival_year_relative);
  EXPECT_EQ(found[3].offset, 0);
}

TEST(DateGrammar, TrapsYieldNothing) {
  for (std::string_view text :
       {"19年了", "16天", "40多天", "24小时", "48小时内", "365天", "10个工作日", "八个年头", "第6年", "前5年",
        "一月完成", "2202-141026-89-05-701804", "13912345678", "0358-7223456", "3.1级", "39.5℃", "5.48hm²",
        "十六届七次", "近日", "目前", "年内", "近年来", "上半年", "全年", "新年好", "第一时间", "1号楼", "同时"}) {
    EXPECT_TRUE(find(text).empty()) << text;
  }
}

TEST(DateGrammar, InvalidBytesAreSkipped) {
  EXPECT_EQ(surfaces("\xff\xfe" "1月28日\xe4\xb8"), (Surfaces{"1月28日"}));
  EXPECT_TRUE(find("\xe5\xb9").empty());  // 年 cut short
}

TEST(DateGrammar, AppendsAfterWhatIsThere) {
  std::vector<DateExpression> out(2);
  find_date_expressions("今年", out);
  EXPECT_EQ(out.size(), 3u);
}

}  // namespace
}  // namespace jianbao
