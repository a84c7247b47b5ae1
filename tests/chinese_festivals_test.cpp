// Tests for Chinese festivals and lunar dates as Gregorian dates: every lunar month
// and festival from 1950 to 2099 against Debian's python3-lunardate (the official
// tables), the override table against ICU, and the solar festivals.
#include "jianbao/chinese_festivals.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <memory>
#include <sstream>
#include <string>

namespace jianbao {
namespace {

constexpr int kFirstCheckedYear = 1950;
constexpr int kLastCheckedYear = 2099;  // lunardate's tables end with 2099

struct LunarFestival {
  Festival festival;
  const char* name;
  int month;  // lunar month and day for lunardate
  int day;
};
constexpr LunarFestival kLunarFestivals[] = {
    {Festival::spring_festival, "spring_festival", 1, 1}, {Festival::lantern_festival, "lantern_festival", 1, 15},
    {Festival::dragon_boat, "dragon_boat", 5, 5},         {Festival::qixi, "qixi", 7, 7},
    {Festival::mid_autumn, "mid_autumn", 8, 15},          {Festival::double_ninth, "double_ninth", 9, 9},
    {Festival::laba, "laba", 12, 8},
};

std::string key(int year, int month, int day) {
  return std::to_string(year) + " " + std::to_string(month) + " " + std::to_string(day);
}

std::string iso(const std::optional<CivilDate>& date) {
  if (!date) return "none";
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date->year, date->month, date->day);
  return text;
}

// lunardate's answers for the keys "YEAR MONTH DAY" (a lunar date; month 0 day 0:
// the eve of that year's 春节), each an ISO date or "none" for a day the month does
// not have. Debian's python3 (/usr/bin/python3) holds the package.
std::map<std::string, std::string> lunardate_table() {
  std::ostringstream script;
  script << "/usr/bin/python3 -c '"
         << "import datetime\n"
         << "from lunardate import LunarDate\n"
         << "for y in range(" << kFirstCheckedYear << ", " << kLastCheckedYear + 1 << "):\n"
         << "  for m in range(1, 13):\n"
         << "    for d in (1, 5, 7, 8, 9, 15, 29, 30):\n"
         << "      try: print(y, m, d, LunarDate(y, m, d).toSolarDate().isoformat())\n"
         << "      except ValueError: print(y, m, d, \"none\")\n"
         << "  print(y, 0, 0, (LunarDate(y, 1, 1).toSolarDate() - datetime.timedelta(days=1)).isoformat())"
         << "'";
  std::map<std::string, std::string> table;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(script.str().c_str(), "r"), pclose);
  if (!pipe) return table;
  char line[128];
  while (std::fgets(line, sizeof line, pipe.get()) != nullptr) {
    int year, month, day;
    char date[16];
    if (std::sscanf(line, "%d %d %d %15s", &year, &month, &day, date) == 4) {
      table[key(year, month, day)] = date;
    }
  }
  return table;
}

const std::map<std::string, std::string>& lunardate() {
  static const std::map<std::string, std::string> table = lunardate_table();
  return table;
}

constexpr std::size_t kYears = kLastCheckedYear - kFirstCheckedYear + 1;

TEST(LunarCalendar, EveryMonthMatchesLunardateFrom1950To2099) {
  const std::map<std::string, std::string>& expected = lunardate();
  ASSERT_EQ(expected.size(), kYears * (12 * 8 + 1)) << "python3-lunardate is missing: scripts/install-deps installs it";
  int checked = 0;
  for (int year = kFirstCheckedYear; year <= kLastCheckedYear; ++year) {
    for (int month = 1; month <= 12; ++month) {
      for (int day : {1, 5, 7, 8, 9, 15, 29, 30}) {
        EXPECT_EQ(iso(lunar_to_gregorian(year, month, day)), expected.at(key(year, month, day)))
            << "lunar " << year << "-" << month << "-" << day;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, static_cast<int>(kYears) * 12 * 8);
}

TEST(LunarFestivals, MatchLunardateFrom1950To2099) {
  const std::map<std::string, std::string>& expected = lunardate();
  ASSERT_FALSE(expected.empty()) << "python3-lunardate is missing: scripts/install-deps installs it";
  for (int year = kFirstCheckedYear; year <= kLastCheckedYear; ++year) {
    for (const LunarFestival& lunar : kLunarFestivals) {
      EXPECT_EQ(iso(festival_date(lunar.festival, year)), expected.at(key(year, lunar.month, lunar.day)))
          << lunar.name << " " << year;
    }
    EXPECT_EQ(iso(festival_date(Festival::new_years_eve, year)), expected.at(key(year, 0, 0)))
        << "new_years_eve " << year;
  }
}

// Each override must still be needed: when a newer ICU gets a month right, its
// entry can go.
TEST(LunarCalendar, EveryOverrideCorrectsIcu) {
  std::size_t count = 0;
  const LunarMonthStart* overrides = lunar_month_overrides(count);
  ASSERT_GT(count, 0u);
  for (std::size_t i = 0; i < count; ++i) {
    const LunarMonthStart& fix = overrides[i];
    EXPECT_NE(iso(icu_lunar_month_start(fix.lunar_year, fix.month)), iso(fix.first_day)) << iso(fix.first_day);
    EXPECT_EQ(iso(lunar_to_gregorian(fix.lunar_year, fix.month, 1)), iso(fix.first_day));
  }
}

TEST(LunarFestivals, KnownDates) {
  EXPECT_EQ(iso(festival_date(Festival::spring_festival, 2023)), "2023-01-22");
  EXPECT_EQ(iso(festival_date(Festival::lantern_festival, 2023)), "2023-02-05");
  EXPECT_EQ(iso(festival_date(Festival::new_years_eve, 2023)), "2023-01-21");
  EXPECT_EQ(iso(festival_date(Festival::spring_festival, 2022)), "2022-02-01");
  EXPECT_EQ(iso(festival_date(Festival::spring_festival, 2027)), "2027-02-06");  // ICU 72: 02-07
  EXPECT_EQ(iso(festival_date(Festival::spring_festival, 2030)), "2030-02-03");  // ICU 72: 02-02
  EXPECT_EQ(iso(festival_date(Festival::mid_autumn, 2024)), "2024-09-17");
  EXPECT_EQ(iso(lunar_to_gregorian(2022, 12, 23)), "2023-01-14");  // 腊月二十三 before 春节 2023
  EXPECT_EQ(iso(lunar_to_gregorian(2023, 1, 6)), "2023-01-27");    // 正月初六
}

TEST(LunarFestivals, OutsideTheKnownRange) {
  EXPECT_FALSE(festival_date(Festival::spring_festival, 1800));
  EXPECT_FALSE(festival_date(Festival::spring_festival, 2300));
  EXPECT_TRUE(festival_date(Festival::spring_festival, 2150));
}

TEST(Qingming, SolarTermFormula) {
  EXPECT_EQ(iso(festival_date(Festival::qingming, 2019)), "2019-04-05");
  EXPECT_EQ(iso(festival_date(Festival::qingming, 2020)), "2020-04-04");
  EXPECT_EQ(iso(festival_date(Festival::qingming, 2023)), "2023-04-05");
  EXPECT_EQ(iso(festival_date(Festival::qingming, 2024)), "2024-04-04");
  EXPECT_EQ(iso(festival_date(Festival::qingming, 1990)), "1990-04-05");
  EXPECT_FALSE(festival_date(Festival::qingming, 2150));
}

TEST(FixedFestivals, SameDayEveryYear) {
  EXPECT_FALSE(is_movable(Festival::national_day));
  EXPECT_TRUE(is_movable(Festival::spring_festival));
  EXPECT_EQ(iso(festival_date(Festival::new_years_day, 2023)), "2023-01-01");
  EXPECT_EQ(iso(festival_date(Festival::national_day, 1949)), "1949-10-01");
  EXPECT_EQ(iso(festival_date(Festival::teachers_day, 2024)), "2024-09-10");
  EXPECT_EQ(iso(festival_date(Festival::christmas, 2300)), "2300-12-25");
}

}  // namespace
}  // namespace jianbao
