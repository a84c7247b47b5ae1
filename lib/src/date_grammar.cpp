// Date grammar of tag-dates: a left-to-right scan of one line that stops only at
// characters able to start a date (digits, numerals, the first characters of 今年,
// 春节…), then reads the longest expression there, or refuses it as a trap.
#include "jianbao/date_grammar.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <initializer_list>
#include <optional>

#include "jianbao/char_class.hpp"
#include "jianbao/chinese_numerals.hpp"

namespace jianbao {
namespace {

using namespace std::string_view_literals;

bool is_ascii_alnum(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z');
}

bool is_one_of(char32_t cp, std::u32string_view set) { return set.find(cp) != std::u32string_view::npos; }

// Sentence and clause ends, for the context a festival or a time is named in.
constexpr bool is_sentence_end(char32_t cp) {
  switch (cp) {
    case U'。': case U'！': case U'？': case U'!': case U'?': case U'\t': return true;
    default: return false;
  }
}
constexpr bool is_clause_end(char32_t cp) {
  switch (cp) {
    case U'，': case U',': case U'；': case U';': case U'：': case U':': return true;
    default: return is_sentence_end(cp);
  }
}

// Before a bare number these make it a count or an ordinal: 第6年, 前5月, 近2000年,
// 每6时, 个 (八个), 约, 达, 共…
constexpr std::u32string_view kCountPrefixes = U"第前近每数几个余约共达逾超连半"sv;

// The words 时 starts that are not the clock hour (第一时间, 时代…).
constexpr std::u32string_view kNotClockAfterShi = U"间候期代刻光段速空常机效尚髦装态辰令序针制"sv;

// Part-of-day words before a clock time; they set the hour but stay outside the tag.
struct PartOfDay {
  std::string_view word;
  enum Shift { none, afternoon, noon, night } shift;
};
constexpr PartOfDay kPartsOfDay[] = {
    {"凌晨", PartOfDay::none}, {"早上", PartOfDay::none},      {"早晨", PartOfDay::none},
    {"清晨", PartOfDay::none}, {"上午", PartOfDay::none},      {"中午", PartOfDay::noon},
    {"下午", PartOfDay::afternoon}, {"傍晚", PartOfDay::afternoon}, {"晚上", PartOfDay::afternoon},
    {"晚间", PartOfDay::afternoon}, {"夜晚", PartOfDay::afternoon}, {"夜间", PartOfDay::night},
    {"夜里", PartOfDay::night}, {"深夜", PartOfDay::night},     {"午夜", PartOfDay::night},
    {"晚", PartOfDay::afternoon}, {"夜", PartOfDay::night},      {"早", PartOfDay::none},
};

// Words that start at a given character: relative expressions and festivals.
enum class WordKind : std::uint8_t {
  relative_year, relative_month, relative_day, anaphoric_month, anaphoric_day, new_year_word, new_year_as_year,
  festival, first_month,
  relative_week,    // 本周, 下个星期: a weekday must follow (本周五)
  numeral_holiday,  // 五一, 七一, 八一, 十一: a holiday only where the text says so
  lunar_marker,  // 农历, before a lunar month: 农历八月十五
  lunar_month,   // 正月, 冬月, 腊月 (offset: the month)
};

// 元月: January, in dates as 1月 is (元月5日).
constexpr std::string_view kFirstMonth = "元月";
struct Word {
  std::string_view text;
  WordKind kind;
  int offset = 0;
  Festival festival = Festival::spring_festival;
};
// Longer words before their prefixes (中秋节 before 中秋).
constexpr Word kWords[] = {
    {"今年", WordKind::relative_year, 0},         {"去年", WordKind::relative_year, -1},
    {"明年", WordKind::relative_year, 1},         {"前年", WordKind::relative_year, -2},
    {"今天", WordKind::relative_day, 0},          {"今日", WordKind::relative_day, 0},
    {"今晚", WordKind::relative_day, 0},          {"今晨", WordKind::relative_day, 0},
    {"今早", WordKind::relative_day, 0},          {"昨天", WordKind::relative_day, -1},
    {"昨日", WordKind::relative_day, -1},         {"昨晚", WordKind::relative_day, -1},
    {"明天", WordKind::relative_day, 1},          {"前天", WordKind::relative_day, -2},
    {"后天", WordKind::relative_day, 2},          {"后年", WordKind::relative_year, 2},
    {"当天", WordKind::anaphoric_day, 0},         {"当日", WordKind::anaphoric_day, 0},
    {"当晚", WordKind::anaphoric_day, 0},         {"次日", WordKind::anaphoric_day, 1},
    {"翌日", WordKind::anaphoric_day, 1},         {"当月", WordKind::anaphoric_month, 0},
    {"上个月", WordKind::relative_month, -1},     {"上月", WordKind::relative_month, -1},
    {"本月", WordKind::relative_month, 0},        {"下个月", WordKind::relative_month, 1},
    {"下月", WordKind::relative_month, 1},        {"新的一年", WordKind::new_year_as_year},
    {"上个星期", WordKind::relative_week, -1},    {"下个星期", WordKind::relative_week, 1},
    {"这个星期", WordKind::relative_week, 0},     {"上星期", WordKind::relative_week, -1},
    {"下星期", WordKind::relative_week, 1},       {"本星期", WordKind::relative_week, 0},
    {"这星期", WordKind::relative_week, 0},       {"上周", WordKind::relative_week, -1},
    {"下周", WordKind::relative_week, 1},         {"本周", WordKind::relative_week, 0},
    {"这周", WordKind::relative_week, 0},
    {"新一年", WordKind::new_year_as_year},       {"新年", WordKind::new_year_word},
    {"新春", WordKind::festival, 0, Festival::spring_festival},
    {"春节", WordKind::festival, 0, Festival::spring_festival},
    {"元宵节", WordKind::festival, 0, Festival::lantern_festival},
    {"元月", WordKind::first_month},
    {"大年初一", WordKind::festival, 0, Festival::spring_festival},
    {"大年三十", WordKind::festival, 0, Festival::new_years_eve},
    {"腊八节", WordKind::festival, 0, Festival::laba},
    {"农历新年", WordKind::festival, 0, Festival::spring_festival},
    {"农历", WordKind::lunar_marker},
    {"正月", WordKind::lunar_month, 1},
    {"冬月", WordKind::lunar_month, 11},
    {"腊月", WordKind::lunar_month, 12},
    {"元旦", WordKind::festival, 0, Festival::new_years_day},
    {"除夕", WordKind::festival, 0, Festival::new_years_eve},
    {"中秋节", WordKind::festival, 0, Festival::mid_autumn},
    {"中秋", WordKind::festival, 0, Festival::mid_autumn},
    {"端午节", WordKind::festival, 0, Festival::dragon_boat},
    {"端午", WordKind::festival, 0, Festival::dragon_boat},
    {"国庆节", WordKind::festival, 0, Festival::national_day},
    {"国庆", WordKind::festival, 0, Festival::national_day},
    {"清明节", WordKind::festival, 0, Festival::qingming},
    {"重阳节", WordKind::festival, 0, Festival::double_ninth},
    {"七夕节", WordKind::festival, 0, Festival::qixi},
    {"七夕", WordKind::festival, 0, Festival::qixi},
    {"劳动节", WordKind::festival, 0, Festival::labour_day},
    {"儿童节", WordKind::festival, 0, Festival::childrens_day},
    {"妇女节", WordKind::festival, 0, Festival::womens_day},
    {"植树节", WordKind::festival, 0, Festival::arbor_day},
    {"教师节", WordKind::festival, 0, Festival::teachers_day},
    {"建军节", WordKind::festival, 0, Festival::army_day},
    {"建党节", WordKind::festival, 0, Festival::party_day},
    {"五一", WordKind::numeral_holiday, 0, Festival::labour_day},
    {"七一", WordKind::numeral_holiday, 0, Festival::party_day},
    {"八一", WordKind::numeral_holiday, 0, Festival::army_day},
    {"十一", WordKind::numeral_holiday, 0, Festival::national_day},
    {"圣诞节", WordKind::festival, 0, Festival::christmas},
    {"情人节", WordKind::festival, 0, Festival::valentines_day},
};

// One table load per character decides whether the scan looks closer.
class StartTable {
 public:
  enum : std::uint8_t { kStartsNumber = 1 };

  StartTable() {
    for (char32_t cp = U'0'; cp <= U'9'; ++cp) flags_[cp] = kStartsNumber;
    for (char32_t cp = U'０'; cp <= U'９'; ++cp) flags_[cp] = kStartsNumber;
    // Numerals that can begin a date number (百 and 千 cannot: 百年, 千年).
    for (char32_t cp : U"〇零一二两三四五六七八九十廿卅"sv) flags_[cp] = kStartsNumber;
    // The words are grouped by first character, in kWords' order within a group
    // (longest first); a flag above kStartsNumber is the group's number + 1, so
    // that only that group's words are compared.
    for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    std::stable_sort(order_.begin(), order_.end(), [](std::size_t a, std::size_t b) {
      return first_character(kWords[a].text) < first_character(kWords[b].text);
    });
    std::size_t group = 0;
    for (std::size_t i = 0; i < order_.size(); ++i) {
      const char32_t first = first_character(kWords[order_[i]].text);
      if (i == 0 || first != first_character(kWords[order_[i - 1]].text)) {
        groups_[group++] = {i, i};
        flags_[first] |= static_cast<std::uint8_t>(group << 1);
      }
      ++groups_[group - 1].end;
    }
  }
  bool operator[](char32_t cp) const { return cp < flags_.size() && flags_[cp] != 0; }
  bool starts_number(char32_t cp) const { return cp < flags_.size() && (flags_[cp] & kStartsNumber) != 0; }
  // operator[] for a code point known to be below U+10000 (no range check).
  bool at_bmp(char32_t cp) const { return flags_[cp] != 0; }

  // The words that start with cp, longest first: a range of word(i), empty when none.
  struct Range {
    std::size_t begin = 0, end = 0;
  };
  Range words_starting(char32_t cp) const {
    const int group = cp < flags_.size() ? flags_[cp] >> 1 : 0;
    return group == 0 ? Range{} : groups_[group - 1];
  }
  const Word& word(std::size_t i) const { return kWords[order_[i]]; }

 private:
  static char32_t first_character(std::string_view word) {
    const auto* p = reinterpret_cast<const unsigned char*>(word.data());
    return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
  }

  std::array<std::uint8_t, 0x10000> flags_{};
  std::array<std::size_t, std::size(kWords)> order_{};
  std::array<Range, std::size(kWords)> groups_{};
};

const StartTable& start_table() {
  static const StartTable table;
  return table;
}

// The scan of one line: positions are byte offsets into `text_`.
class LineScanner {
 public:
  LineScanner(std::string_view text, std::vector<DateExpression>& out)
      : text_(text), out_(out), first_(out.size()), table_(bmp_flag_table()) {}

  void scan() {
    const StartTable& starts = start_table();
    const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
    const std::size_t n = text_.size();
    std::size_t i = 0;
    while (i < n) {
      // The hot path: a run of valid three-byte characters (all of CJK) that start
      // nothing, at one table load each; anything else leaves it for the loop below.
      while (i + 2 < n) {
        const unsigned char lead = p[i];
        std::uint16_t continuation;
        std::memcpy(&continuation, p + i + 1, sizeof continuation);
        if ((lead & 0xF0) != 0xE0 || (continuation & 0xC0C0) != 0x8080) break;
        const char32_t cp = ((lead & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
        if (starts.at_bmp(cp)) break;
        i += 3;
      }
      if (i >= n) break;
      const unsigned char b = p[i];
      char32_t cp;
      std::size_t length;
      if (b < 0x80) {
        if (b < '0' || b > '9') {
          ++i;
          continue;
        }
        cp = b;
        length = 1;
      } else {
        const Utf8Char c = decode_utf8(text_, i, table_);
        if (!starts[c.cp]) {
          i += c.length;
          continue;
        }
        cp = c.cp;
        length = c.length;
      }
      i = match_at(i, cp, length);
    }
  }

 private:
  // Reads an expression at `pos` (starting with `cp`); returns where the scan goes on.
  std::size_t match_at(std::size_t pos, char32_t cp, std::size_t length) {
    if (std::size_t end = match_word(pos, cp); end != 0) return end;
    if (!start_table().starts_number(cp)) return pos + length;
    // 一个, 三是, 十分: a Chinese numeral followed by neither another numeral nor a
    // date unit starts nothing; most of them are that, so say it before reading.
    if (cp > 0x7F && arabic_digit_value(cp) < 0) {
      const char32_t next = at(pos + length);
      if (!is_chinese_numeral(next) && !is_one_of(next, U"年月日号时点"sv)) return pos + length;
    }
    const std::optional<Numeral> number = read_numeral(text_, pos);
    if (!number) {
      // Too long for a date part (a phone number, a code): skip all of its digits.
      std::size_t end = pos + length;
      while (arabic_digit_value(at(end)) >= 0) end += length_at(end);
      return end;
    }
    if (std::size_t end = match_number(pos, *number); end != 0) return end;
    // Skip the whole run, so that 12023年 never yields 2023年.
    return pos + number->length;
  }

  // ---- characters around a position

  char32_t at(std::size_t pos) const { return pos < text_.size() ? decode_utf8(text_, pos, table_).cp : 0; }
  std::size_t length_at(std::size_t pos) const { return pos < text_.size() ? decode_utf8(text_, pos, table_).length : 0; }
  // The character that ends just before `pos`, 0 at the start.
  char32_t before(std::size_t pos) const {
    if (pos == 0) return 0;
    const std::size_t start = start_of_previous(pos);
    const Utf8Char c = decode_utf8(text_, start, table_);
    return start + c.length == pos ? c.cp : 0xFFFD;
  }
  // Where the character before `pos` (> 0) starts.
  std::size_t start_of_previous(std::size_t pos) const {
    std::size_t start = pos - 1;
    while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80) --start;
    return start;
  }
  // A byte loop rather than memcmp: the words are a few bytes, and most differ at once.
  bool has(std::size_t pos, std::string_view word) const {
    if (pos > text_.size() || text_.size() - pos < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (text_[pos + i] != word[i]) return false;
    }
    return true;
  }
  bool has_before(std::size_t pos, std::string_view word) const { return text_.substr(0, pos).ends_with(word); }

  // ---- numbers

  // The numeral at `pos` if the unit `unit` follows it; its value checked by caller.
  std::optional<Numeral> numeral_before_unit(std::size_t pos, char32_t unit, std::size_t& unit_end) const {
    std::optional<Numeral> numeral = read_numeral(text_, pos);
    if (!numeral) return std::nullopt;
    const std::size_t at_unit = pos + numeral->length;
    if (at(at_unit) != unit) return std::nullopt;
    unit_end = at_unit + length_at(at_unit);
    return numeral;
  }

  // A number's neighbours say it is part of a decimal, a code or a version: 3.1级,
  // 2202-141026, No.2023.
  bool is_part_of_code(std::size_t begin, const Numeral& number) const {
    if (number.form != NumeralForm::arabic) return false;
    const char32_t previous = before(begin);
    if (is_ascii_alnum(previous) || is_one_of(previous, U".．-－/_:：·"sv)) return true;
    return false;
  }
  bool followed_by_fraction(std::size_t end) const {
    const char32_t next = at(end);
    return (next == U'.' || next == U'．') && arabic_digit_value(at(end + length_at(end))) >= 0;
  }

  static bool is_year_number(const Numeral& number) {
    switch (number.form) {
      case NumeralForm::arabic:
      case NumeralForm::chinese_digits:
        return number.characters == 4 && number.value >= 1000 && number.value <= 2199;
      case NumeralForm::chinese_positional:
        // 两千零二十三年; a round 两千年 is two thousand years far more often.
        return number.value >= 1900 && number.value <= 2199 && number.value % 100 != 0;
    }
    return false;
  }

  std::size_t match_number(std::size_t begin, const Numeral& number) {
    if (is_part_of_code(begin, number)) return 0;
    const std::size_t unit_at = begin + number.length;
    if (number.form == NumeralForm::arabic) {
      if (std::size_t end = match_numeric_date(begin, number); end != 0) return end;
      if (followed_by_fraction(unit_at)) return 0;
    }
    const char32_t unit = at(unit_at);
    const std::size_t after_unit = unit_at + length_at(unit_at);
    DateExpression expression;
    expression.begin = begin;
    switch (unit) {
      case U'年': return match_year(expression, number, after_unit);
      case U'月':
        if (number.form == NumeralForm::chinese_digits) return 0;
        return match_month(expression, number.value, number.form == NumeralForm::arabic, begin, after_unit,
                           /*year_written=*/false);
      case U'日': return match_day_alone(expression, number, begin, after_unit);
      case U'时':
      case U'点': return match_clock_alone(expression, number, begin, unit, after_unit);
      case U':':
      case U'：': return match_colon_clock_alone(expression, number, begin, after_unit);
      default: return 0;
    }
  }

  // 2023-01-10, 2023/1/10, 2023.01.10: a written-out calendar date, nothing longer.
  std::size_t match_numeric_date(std::size_t begin, const Numeral& year) {
    if (year.characters != 4) return 0;
    std::size_t pos = begin + year.length;
    const char32_t separator = at(pos);
    if (separator != U'-' && separator != U'/' && separator != U'.') return 0;
    int parts[2];
    for (int& part : parts) {
      if (at(pos) != separator) return 0;
      ++pos;
      const std::optional<Numeral> number = read_numeral(text_, pos);
      if (!number || number->form != NumeralForm::arabic || number->characters > 2) return 0;
      part = number->value;
      pos += number->length;
    }
    const char32_t next = at(pos);
    if (is_ascii_alnum(next) || arabic_digit_value(next) >= 0 ||
        ((next == separator || next == U'-' || next == U'.') && arabic_digit_value(at(pos + 1)) >= 0)) {
      return 0;
    }
    if (year.value < 1900 || year.value > 2199 || !is_valid_date(year.value, parts[0], parts[1])) return 0;
    DateExpression expression;
    expression.begin = begin;
    expression.end = pos;
    expression.year = year.value;
    expression.month = parts[0];
    expression.day = parts[1];
    out_.push_back(expression);
    return pos;
  }

  std::size_t match_year(DateExpression& expression, const Numeral& number, std::size_t after_year) {
    if (!is_year_number(number)) return 0;
    expression.year = number.value;
    if (at(after_year) == U'度') {  // 2023年度: tagged whole, a period label
      expression.year_is_period = true;
      return emit(expression, after_year + length_at(after_year));
    }
    if (std::size_t end = match_month_after(expression, after_year); end != 0) return end;
    // A bare year: refuse counts (近2000年, 2000多年, 1000年前, 两千年来).
    if (is_one_of(before(expression.begin), kCountPrefixes)) return 0;
    const char32_t next = at(after_year);
    if (is_one_of(next, U"多余代"sv) || has(after_year, "之久") || has(after_year, "左右")) return 0;
    // Old years and round numbers are spans of time as often as years: 1000年前,
    // 2000年来, 有2000年历史 — but 2000年以来 is "since 2000".
    const bool historical = number.value < 1900 || number.form == NumeralForm::chinese_positional;
    const bool round = number.value % 100 == 0;
    if ((historical || round) && (is_one_of(next, U"前来间之"sv) || has(after_year, "历史"))) return 0;
    if (historical && next == U'的') return 0;
    if (round && is_one_of(before(expression.begin), U"有"sv)) return 0;
    return emit(expression, after_year);
  }

  // The month (and day, time) after a written year or a relative year word.
  std::size_t match_month_after(DateExpression& expression, std::size_t pos) {
    if (has(pos, kFirstMonth)) {
      return match_month(expression, 1, /*may_stand_alone=*/true, pos, pos + kFirstMonth.size(), true);
    }
    const std::optional<Numeral> month = read_numeral(text_, pos);
    if (!month || at(pos + month->length) != U'月' || month->form == NumeralForm::chinese_digits) return 0;
    const std::size_t after_month = pos + month->length + length_at(pos + month->length);
    return match_month(expression, month->value, month->form == NumeralForm::arabic, pos, after_month,
                       /*year_written=*/true);
  }

  // A month, then 份 or a day (and time). `may_stand_alone`: the month is a date by
  // itself (1月, 元月); 一月 alone is one month far more often (一月完成).
  std::size_t match_month(DateExpression& expression, int month, bool may_stand_alone, std::size_t month_begin,
                          std::size_t after_month, bool year_written) {
    if (month < 1 || month > 12) return 0;
    if (!year_written && is_one_of(before(month_begin), kCountPrefixes)) return 0;
    expression.month = month;
    std::size_t end = after_month;
    if (at(end) == U'份') return emit(expression, end + length_at(end));
    if (at(end) == U'龄') return 0;  // 6月龄: an age
    if (std::size_t day_end = match_day_after(expression, end); day_end != 0) return day_end;
    if (!year_written && !may_stand_alone) return 0;
    return emit(expression, end);
  }

  std::size_t match_day_after(DateExpression& expression, std::size_t pos) {
    const std::optional<Numeral> day = read_numeral(text_, pos);
    if (!day || day->form == NumeralForm::chinese_digits) return 0;
    const std::size_t unit_at = pos + day->length;
    const char32_t unit = at(unit_at);
    if (unit != U'日' && unit != U'号') return 0;
    const int year_for_check = expression.year > 0 ? expression.year : 2000;  // 2000: 2月29日 is possible
    if (!is_valid_date(year_for_check, expression.month, day->value)) return 0;
    expression.day = day->value;
    const std::size_t after_day = unit_at + length_at(unit_at);
    return match_time_after(expression, after_day);
  }

  std::size_t match_day_alone(DateExpression& expression, const Numeral& day, std::size_t begin,
                              std::size_t after_day) {
    if (day.value < 1 || day.value > 31) return 0;
    // 一日, 三日, 十日 are counts far more often than dates; 十一日 and 廿六日 are dates.
    if (day.form == NumeralForm::chinese_digits || (day.form == NumeralForm::chinese_positional && day.value < 11)) {
      return 0;
    }
    const char32_t previous = before(begin);
    if (is_one_of(previous, kCountPrefixes) || previous == U'月') return 0;
    const char32_t next = at(after_day);
    if (is_one_of(next, U"内游多余间制元"sv) || has(after_day, "左右") || has(after_day, "以内") ||
        has(after_day, "之内") || has(after_day, "以上") || has(after_day, "以下")) {
      return 0;
    }
    expression.day = day.value;
    return match_time_after(expression, after_day);
  }

  // A clock time straight after a date joins it: 1月8日23时48分 is one expression.
  std::size_t match_time_after(DateExpression& expression, std::size_t pos) {
    const std::optional<Numeral> hour = read_numeral(text_, pos);
    if (hour && hour->form != NumeralForm::chinese_digits) {
      const std::size_t unit_at = pos + hour->length;
      const char32_t unit = at(unit_at);
      if (unit == U'时' || unit == U'点') {
        DateExpression with_time = expression;
        if (std::size_t end = read_clock(with_time, *hour, unit, unit_at + length_at(unit_at), /*day_before=*/true);
            end != 0) {
          return emit(with_time, end);
        }
      }
      if (unit == U':' || unit == U'：') {
        DateExpression with_time = expression;
        if (std::size_t end = read_colon_clock(with_time, *hour, unit_at + length_at(unit_at), nullptr); end != 0) {
          return emit(with_time, end);
        }
      }
    }
    return emit(expression, pos);
  }

  // 上午9:30, 下午3：00: a clock time written with a colon, only after a part of the
  // day (or a date), since 3:1 and 1:10 are scores and ratios far more often.
  std::size_t match_colon_clock_alone(DateExpression& expression, const Numeral& hour, std::size_t begin,
                                      std::size_t after_colon) {
    const PartOfDay* part = part_of_day_before(begin);
    if (part == nullptr || is_habitual(begin)) return 0;
    if (std::size_t end = read_colon_clock(expression, hour, after_colon, part); end != 0) return emit(expression, end);
    return 0;
  }

  // The two-digit minutes (and seconds) after "H:"; 0 when they are not there.
  std::size_t read_colon_clock(DateExpression& expression, const Numeral& hour, std::size_t after_colon,
                               const PartOfDay* part) {
    if (hour.form != NumeralForm::arabic || hour.characters > 2 || hour.value > 24) return 0;
    const auto two_digits = [&](std::size_t pos) {
      std::optional<Numeral> number = read_numeral(text_, pos);
      return number && number->form == NumeralForm::arabic && number->characters == 2 && number->value <= 59
                 ? number
                 : std::nullopt;
    };
    const std::optional<Numeral> minutes = two_digits(after_colon);
    if (!minutes) return 0;
    std::size_t end = after_colon + minutes->length;
    int second = -1;
    if (is_one_of(at(end), U":："sv)) {
      const std::size_t after = end + length_at(end);
      if (const std::optional<Numeral> seconds = two_digits(after)) {
        second = seconds->value;
        end = after + seconds->length;
      }
    }
    // 12:30:4, 1:10.5, 3:105: not a clock time.
    if (arabic_digit_value(at(end)) >= 0 || is_one_of(at(end), U":：.．"sv)) return 0;
    expression.hour = adjusted_hour(hour.value, part);
    expression.minute = minutes->value;
    expression.second = second;
    return end;
  }

  std::size_t match_clock_alone(DateExpression& expression, const Numeral& hour, std::size_t begin, char32_t unit,
                                std::size_t after_unit) {
    if (is_one_of(before(begin), kCountPrefixes) || is_habitual(begin)) return 0;
    const PartOfDay* part = part_of_day_before(begin);
    if (std::size_t end = read_clock(expression, hour, unit, after_unit, /*day_before=*/false, part); end != 0) {
      return emit(expression, end);
    }
    return 0;
  }

  // 每天8时至18时: a time that recurs (a TimeML SET), not a point in time.
  bool is_habitual(std::size_t begin) const {
    const std::size_t clause = context_start(begin, is_clause_end);
    const std::string_view clause_text = text_.substr(clause, begin - clause);
    for (std::string_view cue : {"每天"sv, "每日"sv, "每晚"sv, "每周"sv, "每逢"sv, "每月"sv, "每年"sv}) {
      if (clause_text.find(cue) != std::string_view::npos) return true;
    }
    return false;
  }

  // The 24-hour clock hour of an hour said after a part of the day (下午3时 is 15:00).
  static int adjusted_hour(int hour, const PartOfDay* part) {
    if (part == nullptr) return hour;
    if (part->shift == PartOfDay::afternoon && hour < 12) return hour + 12;
    if (part->shift == PartOfDay::noon && hour < 6) return hour + 12;
    if (part->shift == PartOfDay::night && hour >= 6 && hour < 12) return hour + 12;
    return hour;
  }

  const PartOfDay* part_of_day_before(std::size_t begin) const {
    for (const PartOfDay& part : kPartsOfDay) {
      if (has_before(begin, part.word)) return &part;
    }
    return nullptr;
  }

  // Reads 时/点, minutes and seconds after the hour number; 0 when it is no clock time.
  std::size_t read_clock(DateExpression& expression, const Numeral& hour, char32_t unit, std::size_t after_unit,
                         bool day_before, const PartOfDay* part = nullptr) {
    if (hour.value > 24) return 0;
    if (unit == U'时' && is_one_of(at(after_unit), kNotClockAfterShi)) return 0;
    std::size_t end = after_unit;
    int minute = -1;
    int second = -1;
    std::size_t unit_end = 0;
    if (std::optional<Numeral> minutes = numeral_before_unit(end, U'分', unit_end);
        minutes && minutes->value <= 59 && at(unit_end) != U'钟' && minutes->form != NumeralForm::chinese_digits) {
      minute = minutes->value;
      end = unit_end;
      if (std::optional<Numeral> seconds = numeral_before_unit(end, U'秒', unit_end);
          seconds && seconds->value <= 59 && at(unit_end) != U'钟') {
        second = seconds->value;
        end = unit_end;
      }
    } else if (at(end) == U'半') {
      minute = 30;
      end += length_at(end);
    }
    // 3点 and 三时 alone are too often a count (3点建议) or a word; they need a
    // minute, a date before, or a part of the day.
    const bool plain_hour = unit == U'时' && hour.form == NumeralForm::arabic;
    const bool has_clock_cue = minute >= 0 || day_before || part != nullptr || has(end, "钟") || has(end, "整");
    if (!plain_hour && !has_clock_cue) return 0;
    if (unit == U'点' && has(end, "钟")) end += length_at(end);
    expression.hour = adjusted_hour(hour.value, part);
    expression.minute = minute < 0 ? 0 : minute;
    expression.second = second;
    return end;
  }

  // ---- words

  std::size_t match_word(std::size_t begin, char32_t first) {
    const StartTable& table = start_table();
    const StartTable::Range range = table.words_starting(first);
    for (std::size_t i = range.begin; i < range.end; ++i) {
      const Word& word = table.word(i);
      if (!has(begin, word.text)) continue;
      const std::size_t end = begin + word.text.size();
      if (std::size_t matched = match_word_at(word, begin, end); matched != 0) return matched;
      return 0;  // the longest word that fits decides; 新年好 is not 新年 plus 好
    }
    return 0;
  }

  std::size_t match_word_at(const Word& word, std::size_t begin, std::size_t end) {
    DateExpression expression;
    expression.begin = begin;
    expression.offset = word.offset;
    const char32_t previous = before(begin);
    const char32_t next = at(end);
    switch (word.kind) {
      case WordKind::relative_year: {
        // 如今年轻人, 过去年代, 目前年份: the word straddles two others.
        if (is_one_of(next, U"轻龄纪华代级"sv) || is_one_of(previous, U"过如"sv)) return 0;
        if ((word.offset == -2 || word.offset == 2) &&
            (!is_clause_start_before(previous) || is_one_of(next, U"度均份限"sv))) {
          return 0;
        }
        expression.reference = DateReference::relative_year;
        if (std::size_t with_month = match_month_after(expression, end); with_month != 0) return with_month;
        return emit(expression, end);
      }
      case WordKind::relative_day:
        // 美好的明天, 共创美好明天, 辉煌的昨天: a figure of speech, no day; 《今日说法》: a name.
        if (word.text.ends_with("天") && (previous == U'的' || is_figurative_before(begin))) return 0;
        if (previous == U'《') return 0;
        if (word.offset == -2 && (is_one_of(previous, U"提目以此之事"sv) || is_one_of(next, U"数气"sv))) return 0;
        // 以后天气, 今后天天, 先天后天, 后天性: 后 ends another word, or 后天 is "acquired".
        if (word.offset == 2 && (is_one_of(previous, U"以今之然最先此其往随落稍天"sv) || is_one_of(next, U"性养"sv))) return 0;
        expression.reference = DateReference::relative_day;
        return emit(expression, end);
      case WordKind::relative_month:
        expression.reference = DateReference::relative_month;
        return emit(expression, end);
      case WordKind::anaphoric_day:
        // 大年初一当天, 春节当日: the day is the festival's.
        if (word.offset == 0 && out_.size() > first_ && out_.back().end == begin &&
            out_.back().reference == DateReference::festival) {
          const std::size_t start = expression.begin;
          expression = out_.back();
          expression.begin = start;
          return emit(expression, end);
        }
        expression.reference = DateReference::anaphoric_day;
        return emit(expression, end);
      case WordKind::anaphoric_month:
        expression.reference = DateReference::anaphoric_month;
        return emit(expression, end);
      case WordKind::new_year_as_year:
        expression.reference = DateReference::new_year;
        return emit(expression, end);
      case WordKind::new_year_word:
        return match_new_year(expression, begin, end);
      case WordKind::festival:
        return match_festival(expression, word.festival, begin, end);
      case WordKind::numeral_holiday:
        return match_numeral_holiday(expression, word.festival, begin, end);
      case WordKind::relative_week: {
        const int weekday = weekday_number(at(end));
        if (weekday == 0) return 0;  // 本周, 下周 alone: a week, no day
        expression.reference = DateReference::relative_week;
        expression.day = weekday;
        return emit(expression, end + length_at(end));
      }
      case WordKind::first_month:
        return match_month(expression, 1, /*may_stand_alone=*/true, begin, end, /*year_written=*/false);
      case WordKind::lunar_marker:
        return match_lunar_date(expression, end, /*after_marker=*/true);
      case WordKind::lunar_month:
        return match_lunar_date(expression, begin, /*after_marker=*/false);
    }
    return 0;
  }

  // A lunar month and day: 正月初六, 腊月二十三, and after 农历 any month (农历八月十五).
  // The day is required; 腊月 alone is a season more than a date.
  std::size_t match_lunar_date(DateExpression& expression, std::size_t pos, bool after_marker) {
    int month = 0;
    for (const auto& [name, number] : {std::pair{"正月"sv, 1}, std::pair{"冬月"sv, 11}, std::pair{"腊月"sv, 12}}) {
      if (has(pos, name)) {
        month = number;
        pos += name.size();
        break;
      }
    }
    if (month == 0 && after_marker) {
      const std::optional<Numeral> number = read_numeral(text_, pos);
      if (!number || number->form != NumeralForm::chinese_positional || at(pos + number->length) != U'月') return 0;
      month = number->value;
      pos += number->length + "月"sv.size();
    }
    if (month < 1 || month > 12) return 0;
    int day = 0;
    if (has(pos, "初")) {
      pos += "初"sv.size();
      const std::optional<Numeral> number = read_numeral(text_, pos);
      if (!number || number->form != NumeralForm::chinese_positional || number->value > 10) return 0;
      day = number->value;
      pos += number->length;
    } else {
      const std::optional<Numeral> number = read_numeral(text_, pos);
      if (!number || number->form != NumeralForm::chinese_positional || number->value < 11 || number->value > 30) {
        return 0;
      }
      day = number->value;
      pos += number->length;
    }
    expression.reference = DateReference::lunar;
    expression.month = month;
    expression.day = day;
    return emit(expression, pos);
  }

  bool is_figurative_before(std::size_t begin) const {
    for (std::string_view word : {"美好"sv, "幸福"sv, "灿烂"sv, "光明"sv, "辉煌"sv, "更好"sv}) {
      if (has_before(begin, word)) return true;
    }
    return false;
  }

  static bool is_clause_start_before(char32_t previous) {
    return previous == 0 || is_clause_end(previous) || is_one_of(previous, U"在于从是和与至比较的、“"sv);
  }

  // 新年: the greeting (新年好) is no date; the day (过新年, 2023年的新年, 新年前夕) is
  // New Year's Day; otherwise the year that has just begun (新年新气象).
  std::size_t match_new_year(DateExpression& expression, std::size_t begin, std::size_t end) {
    if (has(end, "好") || has(end, "快乐")) return 0;
    if (is_one_of(at(end), U"代级龄轻华"sv)) return 0;  // 新年代, 新年级: 新 + another word
    const bool year_before = take_year_before(expression, begin);
    const char32_t previous = before(begin);
    const bool the_day = year_before || is_one_of(previous, U"过度迎庆贺"sv) || has(end, "前夕") ||
                         has(end, "当天") || has(end, "假期") || has(end, "期间") || has(end, "之际") ||
                         has(end, "到来") || has(end, "钟声") || has(end, "第一天");
    if (!the_day) {
      expression.reference = DateReference::new_year;
      expression.year = 0;
      expression.festival_year_relative = false;
      return emit(expression, end);
    }
    expression.reference = DateReference::festival;
    expression.festival = Festival::new_years_day;
    return emit(expression, end);
  }

  std::size_t match_festival(DateExpression& expression, Festival festival, std::size_t begin, std::size_t end) {
    // 国庆 alone is the holiday (国庆假期, 中秋、国庆“双节”), but not an anniversary
    // (国庆70周年).
    if (festival == Festival::national_day && end - begin == "国庆"sv.size() &&
        (arabic_digit_value(at(end)) >= 0 || is_chinese_numeral(at(end)))) {
      return 0;
    }
    expression.reference = DateReference::festival;
    expression.festival = festival;
    if (!take_year_before(expression, begin)) expression.generic = is_generic_mention(begin, end);
    return emit(expression, end);
  }

  // 五一, 七一, 八一 and 十一 are numbers and names (五一路, 五一广场, 十一届) more often
  // than holidays: only in quotes (“五一”) or before a word of holidays (五一假期,
  // 十一黄金周) are they one. Before the holiday's own name (八一建军节, 五一国际劳动节)
  // the expression takes the name in.
  std::size_t match_numeral_holiday(DateExpression& expression, Festival festival, std::size_t begin, std::size_t end) {
    if (before(begin) == U'“' && at(end) == U'”') return match_festival(expression, festival, begin, end);
    constexpr std::pair<std::string_view, Festival> kNames[] = {
        {"国际劳动节", Festival::labour_day}, {"劳动节", Festival::labour_day}, {"建党节", Festival::party_day},
        {"建军节", Festival::army_day},       {"国庆节", Festival::national_day}};
    for (const auto& [name, named] : kNames) {
      if (has(end, name)) return named == festival ? match_festival(expression, festival, begin, end + name.size()) : 0;
    }
    for (std::string_view cue : {"假期"sv, "小长假"sv, "长假"sv, "黄金周"sv, "假日"sv, "期间"sv, "前夕"sv, "当天"sv}) {
      if (has(end, cue)) return match_festival(expression, festival, begin, end);
    }
    return 0;
  }

  // 一 to 六 for Monday to Saturday, 日 and 天 for Sunday; 0 for anything else.
  static int weekday_number(char32_t cp) {
    constexpr std::u32string_view kDays = U"一二三四五六日";
    if (cp == U'天') return 7;
    const std::size_t i = kDays.find(cp);
    return i == std::u32string_view::npos ? 0 : static_cast<int>(i) + 1;
  }

  // A year written just before (2023年春节, 2023年的新年, 今年春节) names the festival's
  // year; the festival then carries it.
  bool take_year_before(DateExpression& expression, std::size_t begin) const {
    if (out_.size() == first_) return false;
    const DateExpression& last = out_.back();
    const bool bare_year = last.month == 0 && last.day == 0 && !last.has_time() &&
                           ((last.reference == DateReference::calendar && last.year > 0) ||
                            last.reference == DateReference::relative_year);
    if (!bare_year) return false;
    if (last.end != begin && !(text_.substr(last.end, begin - last.end) == "的")) return false;
    if (last.reference == DateReference::relative_year) {
      expression.festival_year_relative = true;
      expression.offset = last.offset;
    } else {
      expression.year = last.year;
    }
    return true;
  }

  // 每年春节, 无论是元旦还是春节, 春节，是中华民族的传统佳节: a festival in general.
  bool is_generic_mention(std::size_t begin, std::size_t end) const {
    const std::size_t clause = context_start(begin, is_clause_end);
    const std::string_view clause_text = text_.substr(clause, begin - clause);
    for (std::string_view cue : {"每年"sv, "每逢"sv, "每到"sv, "每当"sv, "年年"sv, "历年"sv, "往年"sv, "多年"sv, "年头"sv}) {
      if (clause_text.find(cue) != std::string_view::npos) return true;
    }
    const std::size_t sentence = context_start(begin, is_sentence_end);
    const std::string_view sentence_text = text_.substr(sentence, begin - sentence);
    for (std::string_view cue : {"无论"sv, "不论"sv, "不管"sv}) {
      if (sentence_text.find(cue) != std::string_view::npos) return true;
    }
    std::size_t after = end;
    if (at(after) == U'节') after += length_at(after);
    if (is_one_of(at(after), U"，,"sv)) after += length_at(after);
    if (has(after, "作为")) return true;
    if (at(after) == U'是') {
      const char32_t then = at(after + length_at(after));
      return arabic_digit_value(then) < 0 && !is_chinese_numeral(then) && then != U'在';
    }
    return false;
  }

  // Where the clause (or sentence) holding `pos` starts, looking back at most 60
  // characters so that a long line costs no more than a short one.
  std::size_t context_start(std::size_t pos, bool (*is_end)(char32_t)) const {
    std::size_t start = pos;
    for (int steps = 0; start > 0 && steps < 60; ++steps) {
      const std::size_t previous = start_of_previous(start);
      if (is_end(decode_utf8(text_, previous, table_).cp)) break;
      start = previous;
    }
    return start;
  }

  std::size_t emit(DateExpression& expression, std::size_t end) {
    expression.end = end;
    out_.push_back(expression);
    return end;
  }

  std::string_view text_;
  std::vector<DateExpression>& out_;
  const std::size_t first_;  // the first expression of this line in out_
  const std::uint16_t* table_;
};

}  // namespace

void find_date_expressions(std::string_view text, std::vector<DateExpression>& out) {
  LineScanner(text, out).scan();
}

}  // namespace jianbao
