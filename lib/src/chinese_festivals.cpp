// Chinese festivals as Gregorian dates: ICU's Chinese calendar for the lunar ones,
// corrected by a table where ICU 72 disagrees with the official calendar (checked
// against python3-lunardate over 1950-2099 by tests/chinese_festivals_test.cpp).
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

// Where ICU's astronomical computation puts a new moon on the other side of midnight
// (Beijing time) than the Purple Mountain Observatory tables that China's calendar
// follows. Found by comparing with lunardate; 元宵节 and 除夕 follow 春节.
constexpr FestivalOverride kOverrides[] = {
    {Festival::spring_festival, {1954, 2, 3}},
    {Festival::mid_autumn, {1978, 9, 16}},
    {Festival::qixi, {1987, 8, 30}},  // ICU places 1987's leap month after the 7th, not the 6th
    {Festival::qixi, {2012, 8, 23}},
    {Festival::spring_festival, {2027, 2, 6}},
    {Festival::spring_festival, {2030, 2, 3}},
    {Festival::double_ninth, {2057, 10, 6}},
};

struct LunarMonthDay {
  int month;
  int day;
};

std::optional<LunarMonthDay> lunar_month_day(Festival festival) {
  switch (festival) {
    case Festival::spring_festival: return LunarMonthDay{1, 1};
    case Festival::dragon_boat: return LunarMonthDay{5, 5};
    case Festival::qixi: return LunarMonthDay{7, 7};
    case Festival::mid_autumn: return LunarMonthDay{8, 15};
    case Festival::double_ninth: return LunarMonthDay{9, 9};
    default: return std::nullopt;
  }
}

constexpr double kMillisPerDay = 86400000.0;

// Lunar month/day of the lunar year that starts in Gregorian `year`, via ICU (GMT
// midnights, so a day number converts exactly).
std::optional<CivilDate> icu_lunar_date(int year, LunarMonthDay lunar) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> calendar(
      icu::Calendar::createInstance(icu::TimeZone::createTimeZone("GMT"), icu::Locale("root@calendar=chinese"), status));
  if (U_FAILURE(status)) return std::nullopt;
  // The lunar year that starts in January or February of `year` holds its July 1st.
  const double july_first = static_cast<double>(days_from_civil({year, 7, 1})) * kMillisPerDay;
  calendar->setTime(july_first, status);
  const int extended_year = calendar->get(UCAL_EXTENDED_YEAR, status);
  calendar->clear();
  calendar->set(UCAL_EXTENDED_YEAR, extended_year);
  calendar->set(UCAL_MONTH, lunar.month - 1);
  calendar->set(UCAL_IS_LEAP_MONTH, 0);
  calendar->set(UCAL_DATE, lunar.day);
  const UDate millis = calendar->getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  return civil_from_days(static_cast<std::int64_t>(std::floor(millis / kMillisPerDay + 0.5)));
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

// Lunar festival dates are computed once per year, on first use (ICU is slow).
class LunarFestivalCache {
 public:
  std::optional<CivilDate> get(Festival festival, int year) {
    const std::lock_guard<std::mutex> lock(mutex_);
    Year& entry = years_[static_cast<std::size_t>(year - kFirstYear)];
    if (!entry.computed) {
      fill(entry, year);
      entry.computed = true;
    }
    switch (festival) {
      case Festival::spring_festival: return entry.spring;
      case Festival::lantern_festival: return entry.spring ? std::optional(add_days(*entry.spring, 14)) : std::nullopt;
      case Festival::new_years_eve: return entry.spring ? std::optional(add_days(*entry.spring, -1)) : std::nullopt;
      case Festival::dragon_boat: return entry.dragon_boat;
      case Festival::qixi: return entry.qixi;
      case Festival::mid_autumn: return entry.mid_autumn;
      case Festival::double_ninth: return entry.double_ninth;
      default: return std::nullopt;
    }
  }

 private:
  struct Year {
    bool computed = false;
    std::optional<CivilDate> spring, dragon_boat, qixi, mid_autumn, double_ninth;
  };

  static std::optional<CivilDate> corrected(Festival festival, int year) {
    for (const FestivalOverride& fix : kOverrides) {
      if (fix.festival == festival && fix.date.year == year) return fix.date;
    }
    return icu_lunar_date(year, *lunar_month_day(festival));
  }

  static void fill(Year& entry, int year) {
    entry.spring = corrected(Festival::spring_festival, year);
    entry.dragon_boat = corrected(Festival::dragon_boat, year);
    entry.qixi = corrected(Festival::qixi, year);
    entry.mid_autumn = corrected(Festival::mid_autumn, year);
    entry.double_ninth = corrected(Festival::double_ninth, year);
  }

  std::mutex mutex_;
  std::array<Year, kLastYear - kFirstYear + 1> years_{};
};

}  // namespace

bool is_movable(Festival festival) {
  switch (festival) {
    case Festival::spring_festival:
    case Festival::lantern_festival:
    case Festival::new_years_eve:
    case Festival::dragon_boat:
    case Festival::qixi:
    case Festival::mid_autumn:
    case Festival::double_ninth:
    case Festival::qingming:
      return true;
    default:
      return false;
  }
}

CivilDate fixed_month_day(Festival festival) {
  switch (festival) {
    case Festival::new_years_day: return {0, 1, 1};
    case Festival::valentines_day: return {0, 2, 14};
    case Festival::womens_day: return {0, 3, 8};
    case Festival::arbor_day: return {0, 3, 12};
    case Festival::labour_day: return {0, 5, 1};
    case Festival::childrens_day: return {0, 6, 1};
    case Festival::army_day: return {0, 8, 1};
    case Festival::teachers_day: return {0, 9, 10};
    case Festival::national_day: return {0, 10, 1};
    case Festival::christmas: return {0, 12, 25};
    default: return {};
  }
}

std::optional<CivilDate> festival_date(Festival festival, int year) {
  if (!is_movable(festival)) {
    CivilDate date = fixed_month_day(festival);
    date.year = year;
    return date;
  }
  if (festival == Festival::qingming) return qingming_date(year);
  if (year < kFirstYear || year > kLastYear) return std::nullopt;
  static LunarFestivalCache cache;
  return cache.get(festival, year);
}

const FestivalOverride* festival_overrides(std::size_t& count) {
  count = std::size(kOverrides);
  return kOverrides;
}

std::optional<CivilDate> icu_festival_date(Festival festival, int year) {
  if (festival == Festival::lantern_festival || festival == Festival::new_years_eve) {
    const std::optional<CivilDate> spring = icu_lunar_date(year, {1, 1});
    if (!spring) return std::nullopt;
    return add_days(*spring, festival == Festival::lantern_festival ? 14 : -1);
  }
  const std::optional<LunarMonthDay> lunar = lunar_month_day(festival);
  if (!lunar) return std::nullopt;
  return icu_lunar_date(year, *lunar);
}

}  // namespace jianbao
