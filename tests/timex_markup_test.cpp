// Tests for reading tag-dates' TIMEX3 markup back out of text.
#include "jianbao/timex_markup.hpp"

#include <gtest/gtest.h>

namespace jianbao {
namespace {

std::string strip(std::string_view text, std::vector<TimexValue>* values = nullptr, bool keep = false) {
  std::string out;
  std::vector<TimexValue> found;
  read_timex_markup(text, keep, out, found);
  if (values) *values = found;
  return out;
}

TEST(TimexMarkup, TagsComeOutValuesAreKept) {
  std::vector<TimexValue> values;
  EXPECT_EQ(strip("本报讯 <TIMEX3 type=\"DATE\" value=\"2023-01-28\">1月28日</TIMEX3>上午，"
                  "<TIMEX3 type=\"TIME\" value=\"2023-01-28T09:30\">9时30分</TIMEX3>开会。",
                  &values),
            "本报讯 1月28日上午，9时30分开会。");
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[0].type, "DATE");
  EXPECT_EQ(values[0].value, "2023-01-28");
  EXPECT_EQ(values[1].type, "TIME");
  EXPECT_EQ(values[1].value, "2023-01-28T09:30");
}

TEST(TimexMarkup, KeepTagsStillCollectsValues) {
  std::vector<TimexValue> values;
  const std::string tagged = "<TIMEX3 value=\"XXXX-01-28\" type=\"DATE\">1月28日</TIMEX3>";
  EXPECT_EQ(strip(tagged, &values, true), tagged);
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0].value, "XXXX-01-28");
}

TEST(TimexMarkup, WhatIsNotWellFormedIsText) {
  for (const char* text : {"<TIMEX3 type=\"DATE\">1月</TIMEX3>", "<TIMEX3 type=\"DATE\" value=\"2023\">2023年",
                           "<TIMEX3type=\"DATE\" value=\"2023\">2023年</TIMEX3>", "a < b > c", "<TIMEX3",
                           "</TIMEX3>", "<TIMEX3 type=\"DATE\" value=\"2023>2023年</TIMEX3>"}) {
    std::vector<TimexValue> values;
    EXPECT_EQ(strip(text, &values), text);
    EXPECT_TRUE(values.empty()) << text;
  }
}

TEST(TimexMarkup, LiteralOpenTagBeforeARealTagStaysText) {
  // Found by the tag-dates fuzz target: the literal's "attributes" ran on into the
  // real tag, and both were taken out.
  std::vector<TimexValue> values;
  EXPECT_EQ(strip("<TIMEX3 \n<TIMEX3 type=\"DATE\" value=\"XXXX-01\">1月</TIMEX3>", &values), "<TIMEX3 \n1月");
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0].value, "XXXX-01");
}

}  // namespace
}  // namespace jianbao
