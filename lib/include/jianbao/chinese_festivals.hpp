// Chinese festivals and lunar dates as Gregorian dates: the lunar ones (春节, 中秋节,
// 腊月二十三) from ICU's Chinese calendar corrected by a table, the solar ones fixed.
// tag-dates uses them to give 春节 in an article of January 2023 the value 2023-01-22.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "jianbao/civil_date.hpp"

namespace jianbao {

enum class Festival : std::uint8_t {
  spring_festival,   // 春节, 新春: lunar 1/1
  lantern_festival,  // 元宵节: lunar 1/15
  new_years_eve,     // 除夕: the last day of the lunar year
  dragon_boat,       // 端午节: lunar 5/5
  qixi,              // 七夕: lunar 7/7
  mid_autumn,        // 中秋节: lunar 8/15
  double_ninth,      // 重阳节: lunar 9/9
  laba,              // 腊八节: lunar 12/8
  qingming,          // 清明节: the solar term, April 4-6
  new_years_day,     // 元旦 and 新年 as a day: 01-01
  valentines_day,    // 情人节: 02-14
  womens_day,        // 妇女节: 03-08
  arbor_day,         // 植树节: 03-12
  labour_day,        // 劳动节: 05-01
  childrens_day,     // 儿童节: 06-01
  party_day,         // 建党节, 七一: 07-01
  army_day,          // 建军节: 08-01
  teachers_day,      // 教师节: 09-10
  national_day,      // 国庆节: 10-01
  christmas,         // 圣诞节: 12-25
};

// Whether the festival moves against the Gregorian calendar (lunar or solar term).
bool is_movable(Festival festival);

// The month and day of a festival that does not move (is_movable false).
CivilDate fixed_month_day(Festival festival);

// The festival's date in Gregorian year `year`; for a lunar festival, its date in
// the lunar year that begins in `year` (除夕: the eve of that year's 春节; 腊八节
// falls in the next Gregorian year or at the end of this one). Lunar festivals are
// known for 1901-2199, 清明 (the solar-term formula) for 1901-2099; nullopt outside.
std::optional<CivilDate> festival_date(Festival festival, int year);

// The Gregorian date of lunar month `month` (1-12, not a leap month), day `day`
// (1-30) of the lunar year that begins in Gregorian year `year`: ICU's Chinese
// calendar, corrected where it disagrees with the official calendar. nullopt
// outside 1901-2199 or for a day the month does not have.
std::optional<CivilDate> lunar_to_gregorian(int year, int month, int day);

// Where ICU's Chinese calendar starts a lunar month on another day than the
// official calendar (python3-lunardate, 1950-2099): the override table.
struct LunarMonthStart {
  int lunar_year;
  int month;
  CivilDate first_day;
};
const LunarMonthStart* lunar_month_overrides(std::size_t& count);

// The first day of a lunar month straight from ICU (no overrides), for the tests.
std::optional<CivilDate> icu_lunar_month_start(int year, int month);

}  // namespace jianbao
