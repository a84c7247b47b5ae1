// Line shapes: runs, justification, column estimate and roles read off a page.
#include "jianbao/line_shape.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <string>

namespace jianbao {
namespace {

struct Shaped {
  std::vector<Run> runs;
  std::vector<LineShape> lines;
};

Shaped shape(std::string_view page) {
  Shaped s;
  scan_page(page, s.runs, s.lines);
  classify_lines(s.runs, s.lines);
  return s;
}

TEST(LineShape, ScanSplitsRunsAndDropsBlankLines) {
  const Shaped s = shape("本报讯 1月 28日\n\n   \n会议召开。\n");
  ASSERT_EQ(s.lines.size(), 2u);
  ASSERT_EQ(s.runs.size(), 4u);
  EXPECT_EQ(s.runs[1].text, "1月");
  EXPECT_EQ(s.lines[0].chars, 8);
  EXPECT_EQ(s.lines[1].first_run, 3u);
}

// The scan keeps each run's first and last characters as it reads them: they must be
// what decoding the run's text gives, invalid bytes and cut sequences included.
TEST(LineShape, RunsKnowTheirFirstAndLastCharacters) {
  const std::string pieces[] = {"一", "。", "，", "a", "1", "”", "（", "𠀀", "é", " ", " ", "\n", "\xE4\xB8",
                                "\xB8", "\x80\x80", "\xF0\x9F", "\xE0\x80\x80", "\xED\xA0\x80", "\xC3", "\xFF", "\u3000"};
  std::mt19937 random(20261123);
  for (int trial = 0; trial < 20000; ++trial) {
    std::string page;
    const int length = static_cast<int>(random() % 24);
    for (int k = 0; k < length; ++k) page += pieces[random() % std::size(pieces)];
    Shaped s;
    scan_page(page, s.runs, s.lines);
    for (const auto& run : s.runs) {
      Utf8Char first = decode_utf8(run.text, 0), last = first;
      for (std::size_t i = 0; i < run.text.size(); i += last.length) last = decode_utf8(run.text, i);
      ASSERT_EQ(run.first.cp, first.cp) << testing::PrintToString(page);
      ASSERT_EQ(run.last.cp, last.cp) << testing::PrintToString(page);
      ASSERT_EQ(run.last.length, last.length) << testing::PrintToString(page);
      ASSERT_EQ(run.last.flags, last.flags) << testing::PrintToString(page);
    }
  }
}

// The scan as its definition reads, one character at a time: what scan_page must
// give whichever of its ways (plain blocks as bit masks, characters, stretches of
// ideographs) reads each byte.
void scan_one_character_at_a_time(std::string_view page, std::vector<Run>& runs, std::vector<LineShape>& lines) {
  LineBuilder builder(runs, lines);
  Run* run = nullptr;
  std::size_t begin = 0;
  for (std::size_t i = 0;;) {
    const bool page_end = i == page.size();
    const Utf8Char c = page_end ? Utf8Char{'\n', 1, 0} : decode_utf8(page, i);
    if ((c.flags & kSpace) || c.cp == '\n' || c.cp == '\r' || c.cp == '\f' || c.cp == '\v') {
      if (run != nullptr) {
        run->text = page.substr(begin, i - begin);
        builder.end_run();
        run = nullptr;
      }
      if (c.cp == '\n') builder.end_line();
      if (page_end) return;
      i += c.length;
      continue;
    }
    if (run == nullptr) {
      run = &builder.begin_run();
      run->first = c;
      begin = i;
    }
    run->last = c;
    run->chars += 1;
    run->width += display_width(c);
    run->has_clause_punct |= (c.flags & kClausePunct) && c.cp != U'：' && c.cp != U':';
    run->has_sentence_end |= (c.flags & kSentenceEnd) != 0;
    i += c.length;
  }
}

void expect_same_character(const Utf8Char& a, const Utf8Char& b, const std::string& where) {
  ASSERT_EQ(a.cp, b.cp) << where;
  ASSERT_EQ(a.length, b.length) << where;
  ASSERT_EQ(a.flags, b.flags) << where;
}

// Pages long enough for many blocks, mostly of plain text with the odd character
// that is not (two- and four-byte characters, invalid and cut sequences, wide
// spaces), in the shapes pages have: letter-spaced, blank lines, whole paragraphs.
TEST(LineShape, ScanGivesWhatReadingOneCharacterAtATimeGives) {
  const std::string plain[] = {"中", "国", "，", "。", "、", "“", "”", "：", "；", "！", "？", "…", "䷀", "a", "Z", "1",
                               ",", ";", ":", "!", "?", ".", "(", " ", " ", "  ", "\n", "\n\n", "\t", "\v", "\r",
                               "\f", "\u3000", "\u2003"};
  const std::string odd[] = {"é", "·", "\u00A0", "𠀀", "\xE4\xB8", "\xB8", "\x80\x80", "\xF0\x9F", "\xE0\x80\x80",
                             "\xED\xA0\x80", "\xC3", "\xFF", "\xE4", "\xE4\xB7", "\xE0\xA4\x80"};
  const bool sanitized = std::getenv("JIANBAO_SANITIZED") != nullptr && std::string(std::getenv("JIANBAO_SANITIZED")) == "1";
  std::mt19937 random(20261204);
  for (int trial = 0; trial < (sanitized ? 1000 : 6000); ++trial) {
    std::string page;
    const int length = static_cast<int>(random() % 400);
    const unsigned odd_one_in = 1 + random() % 200;
    const bool letter_spaced = random() % 3 == 0;
    for (int k = 0; k < length; ++k) {
      if (random() % odd_one_in == 0) {
        page += odd[random() % std::size(odd)];
      } else if (random() % 3 != 0) {
        page += "中";
      } else {
        page += plain[random() % std::size(plain)];
      }
      if (letter_spaced) page += ' ';
    }
    std::vector<jianbao::Run> runs, expected_runs;
    std::vector<LineShape> lines, expected_lines;
    scan_page(page, runs, lines);
    scan_one_character_at_a_time(page, expected_runs, expected_lines);
    const std::string where = testing::PrintToString(page);
    ASSERT_EQ(runs.size(), expected_runs.size()) << where;
    for (std::size_t k = 0; k < runs.size(); ++k) {
      const jianbao::Run& r = runs[k];
      const jianbao::Run& e = expected_runs[k];
      ASSERT_EQ(r.text.data(), e.text.data()) << where << " run " << k;
      ASSERT_EQ(r.text.size(), e.text.size()) << where << " run " << k;
      expect_same_character(r.first, e.first, testing::PrintToString(r.text) + " vs " + testing::PrintToString(e.text) + " offset " + std::to_string(r.text.data() - page.data()));
      expect_same_character(r.last, e.last, testing::PrintToString(r.text) + " vs " + testing::PrintToString(e.text) + " offset " + std::to_string(r.text.data() - page.data()));
      ASSERT_EQ(r.chars, e.chars) << where << " run " << k;
      ASSERT_EQ(r.width, e.width) << where << " run " << k;
      ASSERT_EQ(r.has_clause_punct, e.has_clause_punct) << where << " run " << k;
      ASSERT_EQ(r.has_sentence_end, e.has_sentence_end) << where << " run " << k;
      ASSERT_EQ(r.is_commentary_credit, e.is_commentary_credit) << where << " run " << k;
    }
    ASSERT_EQ(lines.size(), expected_lines.size()) << where;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      ASSERT_EQ(lines[k].first_run, expected_lines[k].first_run) << where;
      ASSERT_EQ(lines[k].end_run, expected_lines[k].end_run) << where;
      ASSERT_EQ(lines[k].chars, expected_lines[k].chars) << where;
      ASSERT_EQ(lines[k].single_han_runs, expected_lines[k].single_han_runs) << where;
      ASSERT_EQ(lines[k].width, expected_lines[k].width) << where;
      ASSERT_EQ(lines[k].has_prose_punct, expected_lines[k].has_prose_punct) << where;
      ASSERT_EQ(lines[k].opens_credit, expected_lines[k].opens_credit) << where;
    }
  }
}

TEST(LineShape, JustifiedLines) {
  const Shaped s = shape("就 贯 彻 落 实 好 省“ 两 会 ”精\n聚焦 安全生产\n");
  EXPECT_TRUE(s.lines[0].justified);
  EXPECT_FALSE(s.lines[1].justified);
}

TEST(LineShape, SentenceEnds) {
  const Shaped s = shape("开好局。\n“习惯了”。\n考试环境。（尹哲）\n抓好经济发展，要按照\n");
  EXPECT_TRUE(s.lines[0].ends_sentence);
  EXPECT_TRUE(s.lines[1].ends_sentence);
  EXPECT_TRUE(s.lines[2].ends_sentence);
  EXPECT_FALSE(s.lines[3].ends_sentence);
}

// The opening bracket of a signature counts up to 60 bytes before its closing one,
// in a run as long as a paragraph too.
TEST(LineShape, BracketedSignatureReach) {
  const std::string prose(300, 'x');
  const std::string within = prose + "。（" + std::string(57, 'a') + "）\n";  // opener 60 bytes back
  const std::string beyond = prose + "。（" + std::string(58, 'a') + "）\n";  // 61 bytes back
  const std::string ascii = prose + "。(" + std::string(59, 'a') + ")\n";     // 60 bytes back
  EXPECT_TRUE(shape(within).lines[0].ends_sentence);
  EXPECT_FALSE(shape(beyond).lines[0].ends_sentence);
  EXPECT_TRUE(shape(ascii).lines[0].ends_sentence);
}

TEST(LineShape, ColumnComesFromNeighboursThatRunOn) {
  const Shaped s = shape(
      "委常委会（扩大）会议召开，传达学\n习省十四届人大一次会议和省政协\n十三届一次会议精神和省委书记蓝\n"
      "研究交城县贯彻落实意见。\n");
  EXPECT_EQ(s.lines[3].column, 32);
}

TEST(LineShape, Roles) {
  const Shaped s = shape(
      "身体健康和生命安全。\n交城：收心返岗干劲足 提振精神开新局\n□ 文/安豪 图/范英哲\n（王勇、兰杰）\n"
      "坚守岗位保供水\n春节服务“不打烊”\n");
  EXPECT_EQ(s.lines[0].role, LineRole::Body);
  EXPECT_EQ(s.lines[1].role, LineRole::Headline);
  EXPECT_EQ(s.lines[2].role, LineRole::Byline);
  EXPECT_EQ(s.lines[3].role, LineRole::Signature);
  EXPECT_EQ(s.lines[4].role, LineRole::Headline);
  EXPECT_EQ(s.lines[5].role, LineRole::Headline);
}

TEST(LineShape, ParagraphFirstLineWithoutPunctuationIsBody) {
  const Shaped s = shape("春节期间全县居民供水安全。\n走进交城县供水公司的营业\n大厅，记者看到，工作人员正紧张\n");
  EXPECT_EQ(s.lines[1].role, LineRole::Body);
  EXPECT_TRUE(continues_on_next_line(s.lines[1], s.lines[2]));
}

// A line shaped like a label above a paragraph's unpunctuated first line is that
// paragraph's first line too, not a headline: it was taken for one because the line
// under it looked like a label, which it no longer does once despace joins it to its
// paragraph, so a second despace joined the two (and so on up a column).
TEST(LineShape, HeadlineIsNotToldByAParagraphsFirstLine) {
  const Shaped s = shape(
      "春节期间全县居民供水安全。\n走进交城县供水公司的营业\n大厅记者看到工作人员正紧\n张有序地忙碌着，一派繁忙景象\n");
  EXPECT_EQ(s.lines[1].role, LineRole::Body);
  EXPECT_TRUE(continues_on_next_line(s.lines[1], s.lines[2]));
  EXPECT_TRUE(continues_on_next_line(s.lines[2], s.lines[3]));
}

// A line under a headline that would be a label itself tells the headline, even at
// the end of a chain of such lines.
TEST(LineShape, HeadlineToldByTheLabelsUnderIt) {
  const Shaped s = shape("坚守岗位保供水\n春节服务“不打烊”\n□ 文/安豪\n");
  EXPECT_EQ(s.lines[0].role, LineRole::Headline);
  EXPECT_EQ(s.lines[1].role, LineRole::Headline);
  EXPECT_EQ(s.lines[2].role, LineRole::Byline);
}

TEST(LineShape, ListItemsAndClauseEnds) {
  // Each line alone: whether it opens a numbered item or a reply, and ends in ：or ；.
  const std::pair<std::string_view, bool> openers[] = {
      {"一、明确禁放区域", true}, {"十二、其他事项", true}, {"（二）加强监督", true}, {"(3)拨打热线", true},
      {"4.及时报告", true},       {"5、注意安全", true},     {"4．及时报告", false},   {"答：可以申请", true},
      {"问：怎么申请", true},     {"（十三五）规划", false}, {"一、二产业融合", false}, {"一、二、三产业", false},
      {"4.5亿元", false},         {"（2024）年度报告", false}, {"123.全部", false},    {"一大早，他", false},
      {"2023年全县", false},      {"（记者王红）", false},   {"答复如下", false},     {"1", false},
      {"22日：小雪", true},       {"3月5日：开幕式", true},  {"12月31日:闭幕", true}, {"3月5日，全县", false},
      {"22日上午，", false},      {"123日：", false},        {"3月123日：", false},   {"●加强监督", true},
      {"◆", true},                {"①确定目标；", true},     {"★★★", true}};
  for (const auto& [line, opens] : openers)
    EXPECT_EQ(shape(std::string(line) + "\n").lines[0].starts_list_item, opens) << line;
  const std::pair<std::string_view, bool> ends[] = {
      {"通知如下：", true}, {"禁止燃放；", true}, {"通知如下:", true}, {"时间为10:", false}, {"会议召开，", false}};
  for (const auto& [line, clause] : ends) EXPECT_EQ(shape(std::string(line) + "\n").lines[0].ends_clause, clause) << line;
}

// A line narrower than any column says nothing of the column's width, though it runs
// on: "□、" once made its neighbours' column 4, and their joins moved it closer to
// the next line at every despace.
TEST(LineShape, LinesNarrowerThanAColumnGiveNoColumn) {
  const Shaped s = shape("甲\n乙\n□、\n丙\n");
  for (const LineShape& line : s.lines) EXPECT_EQ(line.column, 0);
}

// A commentary credit is Chinese from its first character: a break before it is
// never one that joining Latin text would turn back into a space.
TEST(LineShape, CommentaryCreditsStartInChinese) {
  EXPECT_TRUE(shape("太报评 民生是，\n").runs[0].is_commentary_credit);
  EXPECT_FALSE(shape("AB报评 民生是，\n").runs[0].is_commentary_credit);
}

TEST(LineShape, RunsThatOpenWithALabel) {
  const std::pair<std::string_view, bool> runs[] = {
      {"记者：西坡村", true}, {"王保林：最难的是", true}, {"今天夜间：晴", true},   {"他说：今年", false},
      {"通知如下：", false},  {"甲：", false},            {"县委书记张三：", false}, {"A级：", false},
      {"记者:西坡村", false}};
  for (const auto& [run, opens] : runs) EXPECT_EQ(opens_with_label(shape(std::string(run) + "\n").runs[0]), opens) << run;
}

TEST(LineShape, RunsThatEndOpeningACredit) {
  const std::pair<std::string_view, bool> runs[] = {
      {"问题。（记者", true}, {"（通讯员", true},  {"(本报记者", true}, {"（记者）", false},
      {"记者", false},        {"（读者", true}, {"（患者", false},   {"（1）记者", false}, {"（甲）（特约记者", true}};
  for (const auto& [run, opens] : runs) EXPECT_EQ(shape(std::string(run) + " 王红\n").lines[0].opens_credit, opens) << run;
}

TEST(LineShape, InlineHeadAndClosingTail) {
  const Shaped s = shape("越开越密 越跑越快 班列鸣笛启程 本报讯 1月6日，班列出发。\n做好各项工作。 （文/司瑞东 图/申淼）\n");
  EXPECT_EQ(s.lines[0].body_start, 3u);
  EXPECT_TRUE(s.lines[0].head_is_label);
  EXPECT_EQ(s.lines[1].tail_start, s.lines[1].first_run + 1);
}

}  // namespace
}  // namespace jianbao
