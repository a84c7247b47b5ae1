// Chinese festivals and lunar dates as Gregorian dates: ICU's Chinese calendar for
// the lunar months, corrected by a table where ICU 72 starts a month on another day
// than the official calendar (tests/chinese_festivals_test.cpp checks every month
// of 1950-2099 against python3-lunardate).
#include "jianbao/chinese_festivals.hpp"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <array>
#include <cmath>
#include <memory>
#include <mutex>

namespace jianbao {
namespace {

constexpr int kFirstYear = 1901;
constexpr int kLastYear = 2199;

// ICU computes new moons and solar terms astronomically, and a few new moons fall
// so close to midnight (Beijing time) that it puts the first of the month on the
// other day than the Purple Mountain Observatory tables China's calendar follows;
// in 1987 it also places the leap month after the 7th month instead of the 6th.
// Found by comparing every month start of 1950-2099 with lunardate.
constexpr LunarMonthStart kMonthStartOverrides[] = {
    {1954, 1, {1954, 2, 3}},     {1954, 11, {1954, 11, 26}}, {1955, 2, {1955, 2, 22}},
    {1956, 11, {1956, 12, 3}},   {1978, 8, {1978, 9, 2}},    {1987, 7, {1987, 8, 24}},
    {1998, 12, {1999, 1, 17}},   {2012, 7, {2012, 8, 17}},   {2018, 10, {2018, 11, 8}},
    {2027, 1, {2027, 2, 6}},     {2030, 1, {2030, 2, 3}},    {2057, 9, {2057, 9, 28}},
    {2070, 2, {2070, 3, 12}},
};

constexpr double kMillisPerDay = 86400000.0;
constexpr int kChineseEpochOffset = 2637;  // ICU's extended year = lunar year + 2637

std::optional<CivilDate> icu_month_start(int year, int month) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> calendar(
      icu::Calendar::createInstance(icu::TimeZone::createTimeZone("GMT"), icu::Locale("root@calendar=chinese"), status));
  if (U_FAILURE(status)) return std::nullopt;
  calendar->clear();
  calendar->set(UCAL_EXTENDED_YEAR, year + kChineseEpochOffset);
  calendar->set(UCAL_MONTH, month - 1);
  calendar->set(UCAL_IS_LEAP_MONTH, 0);
  calendar->set(UCAL_DATE, 1);
  const UDate millis = calendar->getTime(status);  // GMT midnight: a whole day number
  if (U_FAILURE(status)) return std::nullopt;
  return civil_from_days(static_cast<std::int64_t>(std::floor(millis / kMillisPerDay + 0.5)));
}

// The lunar day of the month of a Gregorian date, by ICU (0 when ICU fails).
int icu_day_of_month(const CivilDate& date) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> calendar(
      icu::Calendar::createInstance(icu::TimeZone::createTimeZone("GMT"), icu::Locale("root@calendar=chinese"), status));
  if (U_FAILURE(status)) return 0;
  calendar->setTime(static_cast<double>(days_from_civil(date)) * kMillisPerDay, status);
  const int day = calendar->get(UCAL_DATE, status);
  return U_FAILURE(status) ? 0 : day;
}

// Month starts are computed once per lunar year, on first use (ICU is slow).
class LunarMonthCache {
 public:
  // The first day of lunar month 1-12 of `year`, and month 13: next year's first.
  std::optional<CivilDate> start(int year, int month) {
    if (month == 13) {
      if (year + 1 > kLastYear) return std::nullopt;
      return start(year + 1, 1);
    }
    const std::lock_guard<std::mutex> lock(mutex_);
    Year& entry = years_[static_cast<std::size_t>(year - kFirstYear)];
    if (!entry.computed) {
      for (int m = 1; m <= 12; ++m) entry.starts[static_cast<std::size_t>(m - 1)] = corrected_start(year, m);
      entry.computed = true;
    }
    return entry.starts[static_cast<std::size_t>(month - 1)];
  }

 private:
  struct Year {
    bool computed = false;
    std::array<std::optional<CivilDate>, 12> starts;
  };

  static std::optional<CivilDate> corrected_start(int year, int month) {
    for (const LunarMonthStart& fix : kMonthStartOverrides) {
      if (fix.lunar_year == year && fix.month == month) return fix.first_day;
    }
    return icu_month_start(year, month);
  }

  std::mutex mutex_;
  std::array<Year, kLastYear - kFirstYear + 1> years_{};
};

LunarMonthCache& month_cache() {
  static LunarMonthCache cache;
  return cache;
}

struct LunarMonthDay {
  int month;
  int day;
};

std::optional<LunarMonthDay> lunar_month_day(Festival festival) {
  switch (festival) {
    case Festival::spring_festival: return LunarMonthDay{1, 1};
    case Festival::lantern_festival: return LunarMonthDay{1, 15};
    case Festival::dragon_boat: return LunarMonthDay{5, 5};
    case Festival::qixi: return LunarMonthDay{7, 7};
    case Festival::mid_autumn: return LunarMonthDay{8, 15};
    case Festival::double_ninth: return LunarMonthDay{9, 9};
    case Festival::laba: return LunarMonthDay{12, 8};
    default: return std::nullopt;
  }
}

// 清明: the solar term at 15° solar longitude, by the usual formula
// day = [Y·0.2422 + C] − [Y/4] with Y the year within its century.
std::optional<CivilDate> qingming_date(int year) {
  if (year < kFirstYear || year > 2099) return std::nullopt;
  const int y = year % 100;
  const double c = year >= 2000 ? 4.81 : 5.59;
  const int day = static_cast<int>(std::floor(y * 0.2422 + c)) - y / 4;
  return CivilDate{year, 4, day};
}

}  // namespace

bool is_movable(Festival festival) {
  return lunar_month_day(festival).has_value() || festival == Festival::new_years_eve ||
         festival == Festival::qingming;
}

CivilDate fixed_month_day(Festival festival) {
  switch (festival) {
    case Festival::new_years_day: return {0, 1, 1};
    case Festival::valentines_day: return {0, 2, 14};
    case Festival::womens_day: return {0, 3, 8};
    case Festival::arbor_day: return {0, 3, 12};
    case Festival::labour_day: return {0, 5, 1};
    case Festival::childrens_day: return {0, 6, 1};
    case Festival::party_day: return {0, 7, 1};
    case Festival::army_day: return {0, 8, 1};
    case Festival::teachers_day: return {0, 9, 10};
    case Festival::national_day: return {0, 10, 1};
    case Festival::christmas: return {0, 12, 25};
    default: return {};
  }
}

std::optional<CivilDate> lunar_to_gregorian(int year, int month, int day) {
  if (year < kFirstYear || year > kLastYear || month < 1 || month > 12 || day < 1 || day > 30) return std::nullopt;
  const std::optional<CivilDate> start = month_cache().start(year, month);
  if (!start) return std::nullopt;
  if (day == 30) {
    // Only a long month has a 30th: the next month must not start 29 days on. That
    // is the next regular month, or, when it starts two months on, the leap month
    // between them (ICU says where that starts).
    const std::optional<CivilDate> next = month_cache().start(year, month + 1);
    if (!next) return std::nullopt;
    const std::int64_t length = days_from_civil(*next) - days_from_civil(*start);
    if (length < 30) return std::nullopt;
    if (length > 31 && icu_day_of_month(add_days(*start, 29)) == 1) return std::nullopt;
  }
  return add_days(*start, day - 1);
}

std::optional<CivilDate> festival_date(Festival festival, int year) {
  if (!is_movable(festival)) {
    CivilDate date = fixed_month_day(festival);
    date.year = year;
    return date;
  }
  if (festival == Festival::qingming) return qingming_date(year);
  if (festival == Festival::new_years_eve) {
    const std::optional<CivilDate> spring = lunar_to_gregorian(year, 1, 1);
    return spring ? std::optional(add_days(*spring, -1)) : std::nullopt;
  }
  const LunarMonthDay lunar = *lunar_month_day(festival);
  return lunar_to_gregorian(year, lunar.month, lunar.day);
}

const LunarMonthStart* lunar_month_overrides(std::size_t& count) {
  count = std::size(kMonthStartOverrides);
  return kMonthStartOverrides;
}

std::optional<CivilDate> icu_lunar_month_start(int year, int month) { return icu_month_start(year, month); }

}  // namespace jianbao
