// Tests for civil-date arithmetic: day numbers both ways, leap years, validity.
#include "jianbao/civil_date.hpp"

#include <gtest/gtest.h>

namespace jianbao {
namespace {

TEST(CivilDate, DayNumbers) {
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({2023, 1, 22}) - days_from_civil({2023, 1, 10}), 12);
  EXPECT_EQ(civil_from_days(days_from_civil({2024, 2, 29})), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(civil_from_days(-1), (CivilDate{1969, 12, 31}));
  for (std::int64_t day = -800000; day < 800000; day += 997) {
    EXPECT_EQ(days_from_civil(civil_from_days(day)), day);
  }
}

TEST(CivilDate, AddDaysCrossesMonthsAndYears) {
  EXPECT_EQ(add_days({2023, 1, 1}, -1), (CivilDate{2022, 12, 31}));
  EXPECT_EQ(add_days({2024, 2, 28}, 1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(add_days({2023, 2, 28}, 1), (CivilDate{2023, 3, 1}));
}

TEST(CivilDate, Validity) {
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_TRUE(is_valid_date(2024, 2, 29));
  EXPECT_FALSE(is_valid_date(2023, 2, 29));
  EXPECT_FALSE(is_valid_date(2023, 13, 1));
  EXPECT_FALSE(is_valid_date(2023, 4, 31));
  EXPECT_EQ(days_in_month(2023, 12), 31);
}

}  // namespace
}  // namespace jianbao
