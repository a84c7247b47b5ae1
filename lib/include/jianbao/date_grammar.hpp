// Date grammar: finds the date and time expressions in one line of Chinese news
// text (2022年3月16日, 1月8日23时48分, 去年12月24日, 春节…) and says what each one
// writes; date_resolution turns that into a calendar value. Part of tag-dates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "jianbao/chinese_festivals.hpp"

namespace jianbao {

// What an expression's value is counted from.
enum class DateReference : std::uint8_t {
  calendar,         // the fields as written; missing ones come from context
  relative_year,    // 今年, 去年, 明年 (and 去年12月24日): the document's year + offset
  relative_month,   // 上月, 本月, 下月: the document's month + offset
  relative_day,     // 昨天, 今天, 明天: the document's date + offset
  relative_week,    // 本周五, 下周一: weekday `day` (1 Monday .. 7 Sunday) of the document's week + offset
  anaphoric_month,  // 当月: the month the article is talking about
  anaphoric_day,    // 当天, 次日: the day the article is talking about + offset
  new_year,         // 新年, 新的一年 meaning the year that has just begun
  festival,         // 春节, 中秋节, 元旦…
  lunar,            // 腊月二十三, 正月初六, 农历八月十五: month and day of the lunar calendar
};

struct DateExpression {
  std::size_t begin = 0;  // byte offsets in the text searched
  std::size_t end = 0;
  DateReference reference = DateReference::calendar;
  int offset = 0;  // years, months or days, for the relative and anaphoric references
  // Fields as written, 0 (hour and minute: -1) when absent. For a festival, `year`
  // is the year written just before it (2023年春节, 2023年的新年), if any.
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = -1;  // 0-24, part of day applied (下午3时 → 15)
  int minute = -1;
  int second = -1;
  Festival festival = Festival::spring_festival;
  // A festival named in a habitual or defining sentence (每年春节, 春节是…传统佳节):
  // no particular year.
  bool generic = false;
  // The year is a period label (2023年度), which sets no context for later dates.
  bool year_is_period = false;
  // For a festival: the year before it is relative (今年春节), `offset` years from now.
  bool festival_year_relative = false;

  bool has_time() const { return hour >= 0; }
};

// Appends the expressions found in `text` to `out`, left to right, never
// overlapping. Never returns durations, counts, codes, phone numbers, decimals,
// measurements, session numbers or vague words (19年了, 16天, 第6年, 3.1级, 十六届七次,
// 近日); text inside existing TIMEX3 markup is the caller's business.
void find_date_expressions(std::string_view text, std::vector<DateExpression>& out);

}  // namespace jianbao
