// Tests for date tagging (tag-dates' per-page entry point): a table of hand-written
// lines with the markup they must get — every kind of expression and every trap —
// then context across lines and articles, --list, idempotence and read sizes.
#include "jianbao/date_tagging.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "jianbao/cli.hpp"

namespace jianbao {
namespace {

// Runs one page through a fresh tagger.
std::string tag(std::string_view text, std::optional<CivilDate> reference = CivilDate{2023, 1, 10},
                bool list = false, std::string_view source = "-") {
  DateTagger tagger(DateTaggingOptions{reference, list});
  Piece piece;
  piece.text = text;
  piece.page_end = true;
  piece.source = source;
  piece.source_start = true;
  std::string out;
  tagger.tag_piece(piece, out);
  return out;
}

// Expands the table's shorthand: [1月28日|2023-01-28] is that surface tagged with that
// value, type TIME when the value holds a T.
std::string markup(std::string_view shorthand) {
  std::string out;
  std::size_t pos = 0;
  while (pos < shorthand.size()) {
    const std::size_t open = shorthand.find('[', pos);
    if (open == std::string_view::npos) break;
    const std::size_t bar = shorthand.find('|', open);
    const std::size_t close = shorthand.find(']', bar);
    out.append(shorthand.substr(pos, open - pos));
    const std::string_view surface = shorthand.substr(open + 1, bar - open - 1);
    const std::string_view value = shorthand.substr(bar + 1, close - bar - 1);
    out += "<TIMEX3 type=\"";
    out += value.find('T') != std::string_view::npos ? "TIME" : "DATE";
    out += "\" value=\"";
    out += value;
    out += "\">";
    out += surface;
    out += "</TIMEX3>";
    pos = close + 1;
  }
  out.append(shorthand.substr(pos));
  return out;
}

struct Case {
  const char* input;
  const char* expected;            // shorthand, see markup()
  const char* reference = "2023-01-10";  // --ref-date; "" for none
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.input << " @ " << c.reference; }

// Each line is a page of its own, tagged with the reference date given.
const Case kCases[] = {
    // Full and partial dates, digits of every kind.
    {"2022年3月16日召开", "[2022年3月16日|2022-03-16]召开"},
    {"2023年是关键之年", "[2023年|2023]是关键之年"},
    {"2023年度考核", "[2023年度|2023]考核"},
    {"2022年5月份", "[2022年5月份|2022-05]"},
    {"1月28日上午", "[1月28日|2023-01-28]上午"},
    {"1月份以来", "[1月份|2023-01]以来"},
    {"26日晚", "[26日|2022-12-26]晚"},
    {"8日举行", "[8日|2023-01-08]举行"},
    {"1月7日、8日", "[1月7日|2023-01-07]、[8日|2023-01-08]"},
    {"3月16日至18日", "[3月16日|2023-03-16]至[18日|2023-03-18]"},
    {"12月24日", "[12月24日|2022-12-24]"},
    {"5月1日起施行", "[5月1日|2023-05-01]起施行", "2023-04-20"},
    {"5月1日起施行", "[5月1日|2022-05-01]起施行"},
    {"二〇二三年一月五日", "[二〇二三年一月五日|2023-01-05]"},
    {"两千零二十三年", "[两千零二十三年|2023]"},
    {"廿六日", "[廿六日|2022-12-26]"},
    {"二十六日", "[二十六日|2022-12-26]"},
    {"十二月三十一日", "[十二月三十一日|2022-12-31]"},
    {"一九四九年十月一日", "[一九四九年十月一日|1949-10-01]"},
    {"１２月２４日", "[１２月２４日|2022-12-24]"},
    {"２０２３年", "[２０２３年|2023]"},
    {"2023年1月", "[2023年1月|2023-01]"},
    {"2023年1月5号", "[2023年1月5号|2023-01-05]"},
    {"1月5号", "[1月5号|2023-01-05]"},
    {"2024年2月29日", "[2024年2月29日|2024-02-29]"},
    {"2023年2月29日", "[2023年2月|2023-02]29日"},
    {"2023-01-10", "[2023-01-10|2023-01-10]"},
    {"2023/1/5", "[2023/1/5|2023-01-05]"},
    {"2023.1.5", "[2023.1.5|2023-01-05]"},
    {"2023年底", "[2023年|2023]底"},
    {"2022年至2023年", "[2022年|2022]至[2023年|2023]"},
    {"2023年1月至3月", "[2023年1月|2023-01]至[3月|2023-03]"},
    {"二〇二三年一月", "[二〇二三年一月|2023-01]"},
    {"一月份", "[一月份|2023-01]"},
    {"一月五日", "[一月五日|2023-01-05]"},
    {"2023年以来", "[2023年|2023]以来"},
    {"2025年前实现", "[2025年|2025]前实现"},
    {"1949年10月1日", "[1949年10月1日|1949-10-01]"},
    {"6月", "[6月|2022-06]"},
    {"3月", "[3月|2023-03]"},
    // Clock times.
    {"1月8日23时48分", "[1月8日23时48分|2023-01-08T23:48]"},
    {"凌晨2时20分", "凌晨[2时20分|T02:20]"},
    {"上午9时30分", "上午[9时30分|T09:30]"},
    {"6时", "[6时|T06:00]"},
    {"下午3时", "下午[3时|T15:00]"},
    {"晚8时", "晚[8时|T20:00]"},
    {"中午12时", "中午[12时|T12:00]"},
    {"中午1时", "中午[1时|T13:00]"},
    {"夜里2时", "夜里[2时|T02:00]"},
    {"深夜11时", "深夜[11时|T23:00]"},
    {"下午3点半", "下午[3点半|T15:30]"},
    {"上午10点", "上午[10点|T10:00]"},
    {"9时30分许", "[9时30分|T09:30]许"},
    {"1月7日凌晨3时", "[1月7日|2023-01-07]凌晨[3时|2023-01-07T03:00]"},
    {"1月8日8时", "[1月8日8时|2023-01-08T08:00]"},
    {"12时30分45秒", "[12时30分45秒|T12:30:45]"},
    {"24时", "[24时|T24:00]"},
    {"十时三十分", "[十时三十分|T10:30]"},
    {"下午三时", "下午[三时|T15:00]"},
    {"二〇二三年一月五日十时", "[二〇二三年一月五日十时|2023-01-05T10:00]"},
    {"8点钟", "[8点钟|T08:00]"},
    {"上午9:30", "上午[9:30|T09:30]"},
    {"晚上7：30开始", "晚上[7：30|T19:30]开始"},
    {"1月5日9:30", "[1月5日9:30|2023-01-05T09:30]"},
    {"下午3:15:20", "下午[3:15:20|T15:15:20]"},
    {"比分3:1", "比分3:1"},
    {"按1:10的比例", "按1:10的比例"},
    {"10:30举行", "10:30举行"},
    {"每天上午9:00至12:00", "每天上午9:00至12:00"},
    // Relative words.
    {"今年", "[今年|2023]"},
    {"去年", "[去年|2022]"},
    {"明年", "[明年|2024]"},
    {"前年，全县", "[前年|2021]，全县"},
    {"去年12月24日", "[去年12月24日|2022-12-24]"},
    {"今年1月", "[今年1月|2023-01]"},
    {"明年3月", "[明年3月|2024-03]"},
    {"昨天", "[昨天|2023-01-09]"},
    {"今天", "[今天|2023-01-10]"},
    {"明天", "[明天|2023-01-11]"},
    {"前天", "[前天|2023-01-08]"},
    {"后天", "[后天|2023-01-12]"},
    {"后年，全县", "[后年|2025]，全县"},
    {"以后天气转好", "以后天气转好"},
    {"先天后天", "先天后天"},
    // A weekday of the document's week (which starts on Monday), or of the week before or after.
    {"本周五", "[本周五|2023-01-13]"},
    {"下周一起实施", "[下周一|2023-01-16]起实施"},
    {"上周日", "[上周日|2023-01-08]"},
    {"下个星期三", "[下个星期三|2023-01-18]"},
    {"本周五上午9时", "[本周五|2023-01-13]上午[9时|2023-01-13T09:00]"},
    {"本周五", "[本周五|2022-12-30]", "2023-01-01"},  // a Sunday ends its week
    {"本周", "本周"},
    {"昨日", "[昨日|2023-01-09]"},
    {"今日", "[今日|2023-01-10]"},
    {"昨晚", "[昨晚|2023-01-09]"},
    {"今晚", "[今晚|2023-01-10]"},
    {"当天", "[当天|XXXX-XX-XX]"},
    {"1月5日，全市召开会议。当天下午", "[1月5日|2023-01-05]，全市召开会议。[当天|2023-01-05]下午"},
    {"1月5日召开，次日结束", "[1月5日|2023-01-05]召开，[次日|2023-01-06]结束"},
    {"上月", "[上月|2022-12]"},
    {"上个月", "[上个月|2022-12]"},
    {"本月", "[本月|2023-01]"},
    {"下月", "[下月|2023-02]"},
    {"2022年5月份开工，当月完成", "[2022年5月份|2022-05]开工，[当月|2022-05]完成"},
    {"新的一年", "[新的一年|2023]"},
    {"新一年的工作", "[新一年|2023]的工作"},
    {"新年新气象", "[新年|2023]新气象"},
    {"新年", "[新年|2023]", "2022-12-28"},
    {"2023年的新年", "[2023年|2023]的[新年|2023-01-01]"},
    {"过新年", "过[新年|2023-01-01]"},
    {"新年前夕", "[新年|2023-01-01]前夕"},
    {"今年以来", "[今年|2023]以来"},
    {"去年同期", "[去年|2022]同期"},
    {"今年", "[今年|XXXX]", ""},
    // Festivals.
    {"春节", "[春节|2023-01-22]"},
    {"元宵节", "[元宵节|2023-02-05]"},
    {"除夕", "[除夕|2023-01-21]"},
    {"除夕夜", "[除夕|2023-01-21]夜"},
    {"中秋节", "[中秋节|2022-09-10]"},
    {"中秋节", "[中秋节|2023-09-29]", "2023-08-01"},
    {"端午节", "[端午节|2023-06-22]"},
    {"元旦", "[元旦|2023-01-01]"},
    {"国庆节", "[国庆节|2022-10-01]"},
    {"国庆假期", "[国庆|2022-10-01]假期"},
    {"新春佳节", "[新春|2023-01-22]佳节"},
    {"春节期间", "[春节|2023-01-22]期间"},
    {"春节", "[春节|2027-02-06]", "2027-01-20"},
    {"春节", "[春节|2030-02-03]", "2030-01-20"},
    {"元宵节", "[元宵节|2027-02-20]", "2027-02-01"},
    {"除夕", "[除夕|2030-02-02]", "2030-01-20"},
    {"2024年春节", "[2024年|2024][春节|2024-02-10]"},
    {"今年春节", "[今年|2023][春节|2023-01-22]"},
    {"去年春节", "[去年|2022][春节|2022-02-01]"},
    {"每年春节", "每年[春节|XXXX-XX-XX]"},
    {"每逢中秋节", "每逢[中秋节|XXXX-XX-XX]"},
    {"无论是元旦，还是春节", "无论是[元旦|XXXX-01-01]，还是[春节|XXXX-XX-XX]"},
    {"春节，是中华民族的传统佳节", "[春节|XXXX-XX-XX]，是中华民族的传统佳节"},
    {"清明节", "[清明节|2023-04-05]", "2023-03-20"},
    {"重阳节", "[重阳节|2023-10-23]", "2023-10-01"},
    {"七夕", "[七夕|2023-08-22]", "2023-08-01"},
    {"劳动节", "[劳动节|2023-05-01]", "2023-04-20"},
    {"中秋", "[中秋|2023-09-29]", "2023-09-20"},
    {"端午", "[端午|2023-06-22]", "2023-06-01"},
    {"春节", "[春节|XXXX-XX-XX]", ""},
    {"2023年1月28日，春节", "[2023年1月28日|2023-01-28]，[春节|2023-01-22]"},
    {"元月5日", "[元月5日|2023-01-05]"},
    {"2023年元月", "[2023年元月|2023-01]"},
    {"元月以来", "[元月|2023-01]以来"},
    {"大年初一", "[大年初一|2023-01-22]"},
    {"正月十五闹元宵", "[正月十五|2023-02-05]闹元宵"},
    {"腊月二十三，小年", "[腊月二十三|2023-01-14]，小年"},
    {"正月初六", "[正月初六|2023-01-27]"},
    {"农历八月十五", "[农历八月十五|2022-09-10]"},
    {"农历新年", "[农历新年|2023-01-22]"},
    {"腊八节", "[腊八节|2022-12-30]"},
    {"腊月里", "腊月里"},
    {"正月里", "正月里"},
    {"农历十月", "农历十月"},
    {"2023年1月21日（除夕）0时至1月27日（正月初六）24时",
     "[2023年1月21日|2023-01-21]（[除夕|2023-01-21]）[0时|2023-01-21T00:00]至[1月27日|2023-01-27]（[正月初六|2023-01-27]）"
     "[24时|2023-01-27T24:00]"},
    {"大年三十", "[大年三十|2023-01-21]"},
    {"2023年1月28日至2月5日", "[2023年1月28日|2023-01-28]至[2月5日|2023-02-05]"},
    {"新华社北京1月10日电", "新华社北京[1月10日|2023-01-10]电"},
    {"十五日内", "十五日内"},
    {"一季度", "一季度"},
    {"大年初一当天", "[大年初一|2023-01-22][当天|2023-01-22]"},
    {"春节当日", "[春节|2023-01-22][当日|2023-01-22]"},
    {"服务时间为每天8时至18时", "服务时间为每天8时至18时"},
    {"每周一上午9时", "每周一上午9时"},
    {"每周五", "每周五"},
    {"吃元宵", "吃元宵"},
    {"国庆70周年", "国庆70周年"},
    {"国庆七十周年", "国庆七十周年"},
    {"中秋、国庆“双节”将至", "[中秋|2022-09-10]、[国庆|2022-10-01]“双节”将至"},
    // 五一, 七一, 八一, 十一: holidays in quotes or before a word of holidays, else numbers and names.
    {"“五一”假期", "“[五一|2023-05-01]”假期"},
    {"五一假期", "[五一|2023-05-01]假期"},
    {"十一黄金周", "[十一|2022-10-01]黄金周"},
    {"七一前夕", "[七一|2023-07-01]前夕"},
    {"八一建军节", "[八一建军节|2022-08-01]"},
    {"五一国际劳动节", "[五一国际劳动节|2023-05-01]"},
    {"建党节", "[建党节|2023-07-01]"},
    {"五一广场", "五一广场"},
    {"五一路", "五一路"},
    {"十一届三中全会", "十一届三中全会"},
    {"十一月五日", "[十一月五日|2022-11-05]"},
    {"七一讲话", "七一讲话"},
    // Never tagged: durations and counts.
    {"已经19年了", "已经19年了"},
    {"16天左右", "16天左右"},
    {"40多天", "40多天"},
    {"24小时值班", "24小时值班"},
    {"48小时内", "48小时内"},
    {"全年365天", "全年365天"},
    {"10个工作日", "10个工作日"},
    {"八个年头", "八个年头"},
    {"第6年", "第6年"},
    {"前5年", "前5年"},
    {"一天一步，一月完成", "一天一步，一月完成"},
    {"三年行动", "三年行动"},
    {"一年之计在于春", "一年之计在于春"},
    {"笃行五年、展望十年", "笃行五年、展望十年"},
    {"3日内完成", "3日内完成"},
    {"5日游", "5日游"},
    {"每日", "每日"},
    {"十日谈", "十日谈"},
    {"每6小时", "每6小时"},
    {"2.5个月", "2.5个月"},
    {"82岁", "82岁"},
    {"前5月", "前5月"},
    {"近2000年", "近2000年"},
    {"2000多年", "2000多年"},
    {"1000年前", "1000年前"},
    {"两千年来", "两千年来"},
    {"1990年代", "1990年代"},
    {"有2000年历史", "有2000年历史"},
    {"2000年来", "2000年来"},
    {"2000年以来", "[2000年|2000]以来"},
    {"13812345678", "13812345678"},
    {"1381234567820231月5日", "1381234567820231月5日"},
    {"一小时内", "一小时内"},
    // Codes, numbers, measurements.
    {"2202-141026-89-05-701804", "2202-141026-89-05-701804"},
    {"0358-7223456", "0358-7223456"},
    {"12345热线", "12345热线"},
    {"3.1级地震", "3.1级地震"},
    {"39.5℃", "39.5℃"},
    {"5.48hm²", "5.48hm²"},
    {"1号住院楼", "1号住院楼"},
    {"第2023号", "第2023号"},
    {"12023年", "12023年"},
    {"50%", "50%"},
    {"No.2023年", "No.2023年"},
    // Session numbers and vague words.
    {"十六届七次全会", "十六届七次全会"},
    {"第十届", "第十届"},
    {"近日", "近日"},
    {"目前", "目前"},
    {"年内", "年内"},
    {"近年来", "近年来"},
    {"上半年", "上半年"},
    {"全年", "全年"},
    {"年前", "年前"},
    {"节前", "节前"},
    {"盛夏时节", "盛夏时节"},
    {"节假日", "节假日"},
    {"新年好", "新年好"},
    {"新年快乐", "新年快乐"},
    {"进入新年代", "进入新年代"},
    {"新年级的学生", "新年级的学生"},
    {"第一时间", "第一时间"},
    {"3点建议", "3点建议"},
    {"如今年轻人", "如今年轻人"},
    {"目前年轻干部", "目前年轻干部"},
    {"美好的明天", "美好的明天"},
    {"共创美好明天", "共创美好明天"},
    {"《今日说法》", "《今日说法》"},
    {"6月龄婴儿", "6月龄婴儿"},
    {"24时制", "24时制"},
    {"提前年度", "提前年度"},
    {"同时", "同时"},
};

class TaggingTable : public testing::TestWithParam<Case> {};

TEST_P(TaggingTable, MarksExactlyTheExpressions) {
  const Case& c = GetParam();
  const std::optional<CivilDate> reference = *c.reference ? parse_iso_date(c.reference) : std::nullopt;
  EXPECT_EQ(tag(c.input, reference), markup(c.expected));
}

TEST_P(TaggingTable, IsIdempotent) {
  const Case& c = GetParam();
  const std::optional<CivilDate> reference = *c.reference ? parse_iso_date(c.reference) : std::nullopt;
  const std::string once = tag(c.input, reference);
  EXPECT_EQ(tag(once, reference), once);
}

INSTANTIATE_TEST_SUITE_P(Cases, TaggingTable, testing::ValuesIn(kCases));

TEST(TaggingTable, HoldsAtLeast150Cases) { EXPECT_GE(std::size(kCases), 150u); }

// ---- context across lines

TEST(Context, DayAloneContinuesTheArticlesMonth) {
  EXPECT_EQ(tag("去年12月24日，王永红开始咳嗽，25日便开始发烧。\n意外总在人放松时突然而至。28日，发现"),
            markup("[去年12月24日|2022-12-24]，王永红开始咳嗽，[25日|2022-12-25]便开始发烧。\n"
                   "意外总在人放松时突然而至。[28日|2022-12-28]，发现"));
}

TEST(Context, MonthDayAfterDecemberIsNextYear) {
  EXPECT_EQ(tag("本报讯 12月28日，会议召开。\n1月6日，班列启程。"),
            markup("本报讯 [12月28日|2022-12-28]，会议召开。\n[1月6日|2023-01-06]，班列启程。"));
}

TEST(Context, AHeadlineStartsANewArticle) {
  EXPECT_EQ(tag("在2022年5月份太钢发布方案。\n扎实做好民生保障\n1月9日，市民参加活动。"),
            markup("在[2022年5月份|2022-05]太钢发布方案。\n扎实做好民生保障\n[1月9日|2023-01-09]，市民参加活动。"));
}

TEST(Context, WithoutAHeadlineTheArticleGoesOn) {
  EXPECT_EQ(tag("在2022年5月份太钢发布方案。\n1月9日，市民参加活动。"),
            markup("在[2022年5月份|2022-05]太钢发布方案。\n[1月9日|2022-01-09]，市民参加活动。"));
}

TEST(Context, DatelinesOpenArticles) {
  EXPECT_EQ(tag("预计今年8月竣工。\n新华社北京1月9日电 国务院新闻办公室9日上午10时举行发布会。"),
            markup("预计[今年8月|2023-08]竣工。\n新华社北京[1月9日|2023-01-09]电 国务院新闻办公室[9日|2023-01-09]"
                   "上午[10时|2023-01-09T10:00]举行发布会。"));
}

TEST(Context, YearsChosenByTheWindowDoNotCarry) {
  // 12月24日 is 2022's only because the paper is of January 2023; 6月1日 is
  // placed against the paper's date too, not against 2022-12-24.
  EXPECT_EQ(tag("12月24日起，6月1日"), markup("[12月24日|2022-12-24]起，[6月1日|2022-06-01]"));
  // A year the text gives does carry: the story moves on from it.
  EXPECT_EQ(tag("2022年12月24日起，6月1日"), markup("[2022年12月24日|2022-12-24]起，[6月1日|2023-06-01]"));
}

TEST(Context, ABareYearEarlierInTheLineGivesTheYear) {
  EXPECT_EQ(tag("2022年，全县完成投资，3月16日开工。"),
            markup("[2022年|2022]，全县完成投资，[3月16日|2022-03-16]开工。"));
}

TEST(Context, ABareYearDoesNotReachTheNextLine) {
  EXPECT_EQ(tag("2025年实现降碳。\n3月16日开工。"), markup("[2025年|2025]实现降碳。\n[3月16日|2023-03-16]开工。"));
}

TEST(Context, ATimeTakesTheArticlesDay) {
  EXPECT_EQ(tag("1月28日是上班的第一天。\n上午9时30分，记者来到大厅。"),
            markup("[1月28日|2023-01-28]是上班的第一天。\n上午[9时30分|2023-01-28T09:30]，记者来到大厅。"));
}

TEST(Context, FestivalsFollowTheArticlesDate) {
  EXPECT_EQ(tag("2023年9月1日，开学。中秋节将至。"),
            markup("[2023年9月1日|2023-09-01]，开学。[中秋节|2023-09-29]将至。"));
}

TEST(Context, EachPageStartsAfresh) {
  DateTagger tagger(DateTaggingOptions{CivilDate{2023, 1, 10}, false});
  Piece piece;
  piece.source = "-";
  piece.source_start = true;
  piece.page_end = true;
  piece.form_feed = true;
  piece.text = "2022年5月份开工。\n";
  std::string out;
  tagger.tag_piece(piece, out);
  piece.source_start = false;
  piece.form_feed = false;
  piece.text = "1月9日，市民参加活动。\n";
  tagger.tag_piece(piece, out);
  EXPECT_EQ(out, markup("[2022年5月份|2022-05]开工。\n\f[1月9日|2023-01-09]，市民参加活动。\n"));
}

TEST(Context, StreamArticlesKeepTheirOwnContext) {
  const std::string stream =
      "a.txt\t1\t1\tbody\t去年12月24日开始咳嗽。\n"
      "a.txt\t1\t2\tbody\t1月6日，班列启程。\n"
      "a.txt\t1\t1\tbody\t25日便开始发烧。\n";
  EXPECT_EQ(tag(stream), markup("a.txt\t1\t1\tbody\t[去年12月24日|2022-12-24]开始咳嗽。\n"
                                "a.txt\t1\t2\tbody\t[1月6日|2023-01-06]，班列启程。\n"
                                "a.txt\t1\t1\tbody\t[25日|2022-12-25]便开始发烧。\n"));
}

TEST(Context, StreamTagsOnlyTheTextField) {
  EXPECT_EQ(tag("2023-01-10.txt\t1\t3\ttitle\t1月9日迎泽区消息\n", std::nullopt),
            markup("2023-01-10.txt\t1\t3\ttitle\t[1月9日|2023-01-09]迎泽区消息\n"));
}

// ---- the document's date when --ref-date is not given

TEST(DocumentDate, FromTheFileName) {
  EXPECT_EQ(tag("1月28日，今年\n", std::nullopt, false, "pages/2023-01-30.txt"),
            markup("[1月28日|2023-01-28]，[今年|2023]\n"));
  EXPECT_EQ(tag("12月24日\n", std::nullopt, false, "20230110.txt"), markup("[12月24日|2022-12-24]\n"));
}

TEST(DocumentDate, RefDateOutranksTheFileName) {
  EXPECT_EQ(tag("今年\n", CivilDate{2024, 8, 1}, false, "2023-01-30.txt"), markup("[今年|2024]\n"));
}

TEST(DocumentDate, ElseAYearPrintedOnThePage) {
  EXPECT_EQ(tag("全县2023年工作会议召开。\n本报讯 1月28日，今年", std::nullopt),
            markup("全县[2023年|2023]工作会议召开。\n本报讯 [1月28日|2023-01-28]，[今年|2023]"));
}

TEST(DocumentDate, ElseUnknownParts) {
  EXPECT_EQ(tag("1月28日，26日，上午9时30分，昨天", std::nullopt),
            markup("[1月28日|XXXX-01-28]，[26日|XXXX-01-26]，上午[9时30分|T09:30]，[昨天|XXXX-XX-XX]"));
  EXPECT_EQ(tag("26日", std::nullopt), markup("[26日|XXXX-XX-26]"));
}

// ---- output forms

TEST(Output, ListRowsNumberTheInputLines) {
  EXPECT_EQ(tag("标题\n本报讯 1月8日23时48分，地震。\n\n去年12月24日", CivilDate{2023, 1, 10}, true),
            "2\t1月8日23时48分\t2023-01-08T23:48\tTIME\n4\t去年12月24日\t2022-12-24\tDATE\n");
}

TEST(Output, ListReadsExistingMarkup) {
  const std::string tagged = tag("\n1月28日和春节\n");
  EXPECT_EQ(tag(tagged, CivilDate{2023, 1, 10}, true), "2\t1月28日\t2023-01-28\tDATE\n2\t春节\t2023-01-22\tDATE\n");
}

TEST(Output, OnlyMarkupIsAdded) {
  const std::string input = "  1月28日\t\r上午 ，\xff 春节 \n";
  const std::string out = tag(input);
  std::string stripped;
  for (std::size_t pos = 0; pos < out.size();) {
    if (out[pos] == '<') {
      pos = out.find('>', pos) + 1;
    } else {
      stripped += out[pos++];
    }
  }
  EXPECT_EQ(stripped, input);
  EXPECT_NE(out, input);
}

TEST(Output, FormFeedPassesThrough) {
  DateTagger tagger(DateTaggingOptions{CivilDate{2023, 1, 10}, false});
  Piece piece;
  piece.source = "-";
  piece.source_start = true;
  piece.page_end = true;
  piece.form_feed = true;
  piece.text = "今年";
  std::string out;
  tagger.tag_piece(piece, out);
  EXPECT_EQ(out, markup("[今年|2023]\f"));
}

TEST(Output, FileWithoutFinalLineEndDoesNotJoinTheNext) {
  DateTagger tagger(DateTaggingOptions{CivilDate{2023, 1, 10}, false});
  Piece piece;
  piece.source = "a.txt";
  piece.source_start = true;
  piece.page_end = true;
  piece.text = "你好。";
  std::string out;
  tagger.tag_piece(piece, out);
  EXPECT_EQ(out, "你好。");  // nothing added to the last FILE
  piece.source = "b.txt";
  piece.text = "1月9日";
  tagger.tag_piece(piece, out);
  piece.source = "c.txt";
  piece.form_feed = true;
  piece.text = "今年";
  tagger.tag_piece(piece, out);
  piece.source = "d.txt";
  piece.form_feed = false;
  piece.text = "今年\n";
  tagger.tag_piece(piece, out);
  EXPECT_EQ(out, markup("你好。\n[1月9日|2023-01-09]\n[今年|2023]\f[今年|2023]\n"));
}

// ---- through the driver, with reads of every size

std::string run_tag_dates(const std::string& input, std::size_t read_size) {
  char path[] = "/tmp/date_tagging_test.XXXXXX";
  const int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  EXPECT_EQ(write(fd, input.data(), input.size()), static_cast<ssize_t>(input.size()));
  close(fd);
  char out_path[] = "/tmp/date_tagging_out.XXXXXX";
  const int out_fd = mkstemp(out_path);
  CommandLine command_line("tag-dates", "test\n");
  command_line.parse({path});
  FilterIo io;
  io.output_fd = out_fd;
  io.reader.read_size = read_size;
  std::ostringstream messages;
  io.messages = &messages;
  DateTagger tagger(DateTaggingOptions{CivilDate{2023, 1, 10}, false});
  const int status = run_filter(
      command_line,
      [&](const Piece& piece, OutputSink& sink) {
        tagger.tag_piece(piece, sink.buffer());
        sink.commit();
      },
      io);
  EXPECT_EQ(status, ExitSuccess);
  close(out_fd);
  std::ifstream file(out_path, std::ios::binary);
  std::string out((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::remove(path);
  std::remove(out_path);
  return out;
}

TEST(ReadSizes, OutputDoesNotDependOnWhereReadsEnd) {
  std::ifstream file(std::string(JIANBAO_CORPUS_DIR) + "/gold/003.clean.txt", std::ios::binary);
  std::string page((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const std::string input = page + "\f" + page + "\f\n1月7日、8日\n";
  const std::string whole = run_tag_dates(input, 1 << 16);
  EXPECT_THAT(whole, testing::HasSubstr("<TIMEX3"));
  EXPECT_EQ(run_tag_dates(input, 1), whole);
  EXPECT_EQ(run_tag_dates(input, 7), whole);
}

TEST(OpensArticle, DatelinesHeadlinesAndSignatures) {
  EXPECT_TRUE(opens_article("本报讯 1月6日，满载钢铁"));
  EXPECT_TRUE(opens_article("越开越密 越跑越快 新年我省首趟中欧班列鸣笛启程"));
  EXPECT_TRUE(opens_article("（安豪）"));
  EXPECT_FALSE(opens_article("会议还研究了其他事项。"));
  EXPECT_FALSE(opens_article("“铃铃铃……”"));
  EXPECT_FALSE(opens_article(""));
  EXPECT_FALSE(opens_article("这是一个很长的段落，它没有句末标点但是远远超过了标题的长度，所以它不会开启新的文章而是继续原来的文章内容"));
}

}  // namespace
}  // namespace jianbao
