// Tests for the article table: grouping the stream into rows, the columns, COPY and
// JSON escaping, plain text, and bad lines.
#include "jianbao/article_table.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "jianbao/cli.hpp"

namespace jianbao {
namespace {

// The table for `lines` (one FILE "in.txt", page 1), with its warnings.
std::string table(const std::vector<std::string>& lines, TableOptions options = {},
                  std::vector<std::string>* problems = nullptr) {
  ArticleTable t(std::move(options));
  std::string out;
  t.write_header(out);
  for (const std::string& line : lines) {
    if (auto problem = t.add_line(line, "in.txt", 1, out); problem && problems) problems->push_back(*problem);
  }
  t.flush(out);
  return out;
}

const char* kHeader = "source\tpage\tarticle\tsection\ttitle\tbyline\tdateline\tdates\tchars\ttext\n";

TEST(ArticleTable, OneRowPerArticleWhereverItsLinesAre) {
  EXPECT_EQ(table({"p.txt\t1\t1\tsection\t政务之要", "p.txt\t1\t1\ttitle\t标题", "p.txt\t1\t1\tbody\t正文一。",
                   "p.txt\t1\t2\tbody\t另一篇。", "p.txt\t1\t1\tbody\t正文二。", "p.txt\t1\t1\tbyline\t记者 张三",
                   "p.txt\t1\t1\tsignature\t（安豪）", "p.txt\t1\t2\ttitle\t另一个标题"}),
            std::string(kHeader) +
                "p.txt\t1\t1\t政务之要\t标题\t记者 张三 / （安豪）\t\t\t9\t正文一。\\n正文二。\n"
                "p.txt\t1\t2\t\t另一个标题\t\t\t\t4\t另一篇。\n");
}

TEST(ArticleTable, TitleAndSubtitleJoinWithASpaceCaptionsAndDebrisStayInText) {
  EXPECT_EQ(table({"p\t1\t1\ttitle\t坚守岗位保供水", "p\t1\t1\ttitle\t春节服务“不打烊”", "p\t1\t1\tsubtitle\t——记供水人",
                   "p\t1\t1\tcaption\t图为工人。", "p\t1\t1\tfragment\t振"},
                  {.columns = parse_column_list("title,text")}),
            "title\ttext\n坚守岗位保供水 春节服务“不打烊” ——记供水人\t图为工人。\\n振\n");
}

TEST(ArticleTable, DatesComeFromTheTextMarkup) {
  const std::string tagged = "p\t1\t1\tbody\t<TIMEX3 type=\"DATE\" value=\"2023-01-28\">1月28日</TIMEX3>，"
                             "<TIMEX3 type=\"TIME\" value=\"2023-01-28T09:30\">9时30分</TIMEX3>，"
                             "<TIMEX3 type=\"DATE\" value=\"2023\">今年</TIMEX3>和"
                             "<TIMEX3 type=\"DATE\" value=\"2023-01-28\">当天</TIMEX3>";
  EXPECT_EQ(table({tagged}, {.columns = parse_column_list("dateline,dates,chars,text")}),
            "dateline\tdates\tchars\ttext\n2023-01-28\t2023-01-28,2023\t17\t1月28日，9时30分，今年和当天\n");
  const std::string kept = table({tagged}, {.columns = parse_column_list("text"), .keep_tags = true});
  EXPECT_NE(kept.find("<TIMEX3 type=\"DATE\" value=\"2023-01-28\">1月28日</TIMEX3>"), std::string::npos);
}

TEST(ArticleTable, CopyTextEscaping) {
  std::string out;
  append_copy_escaped(out, "a\\b\tc\nd\re");
  EXPECT_EQ(out, "a\\\\b\\tc\\nd\\re");
}

TEST(ArticleTable, JsonLines) {
  EXPECT_EQ(table({"p\"q\t2\t3\tbody\t他说：“好\\n”", "p\"q\t2\t3\tbody\t\x01"}, {.json = true}),
            "{\"source\":\"p\\\"q\",\"page\":2,\"article\":3,\"section\":\"\",\"title\":\"\",\"byline\":\"\","
            "\"dateline\":null,\"dates\":[],\"chars\":10,\"text\":\"他说：“好\\\\n”\\n\\u0001\"}\n");
}

TEST(ArticleTable, PlainTextLinesAreRowsOfTheirOwn) {
  EXPECT_EQ(table({"第一行。", "", "第二行。"}, {.columns = parse_column_list("source,article,text")}),
            "source\tarticle\ttext\nin.txt\t1\t第一行。\nin.txt\t2\t第二行。\n");
}

TEST(ArticleTable, BadLinesAreSkippedWithAReason) {
  std::vector<std::string> problems;
  EXPECT_EQ(table({"p\t1\tbody\t缺一列", "p\t1\tx\tbody\t不是数字", "p\t1\t1\ttitel\t角色不对",
                   "p\t1\t1\t\t没有角色", "p\t1\t1\tbody\t好的。"},
                  {.columns = parse_column_list("text")}, &problems),
            "text\n好的。\n");
  const std::string roles = " (roles: section,title,subtitle,byline,body,caption,signature,fragment)";
  EXPECT_THAT(problems, testing::ElementsAre("expected 5 TAB-separated fields, found 4",
                                             "PAGE and ARTICLE must be decimal numbers",
                                             "unknown ROLE 'titel'" + roles, "unknown ROLE ''" + roles));
}

TEST(ArticleTable, ANewSourceWritesTheLastOnesRows) {
  ArticleTable t({.columns = parse_column_list("source,article")});
  std::string out;
  t.add_line("a\t1\t1\tbody\t甲。", "f", 1, out);
  EXPECT_EQ(out, "");
  t.add_line("b\t1\t1\tbody\t乙。", "f", 1, out);
  EXPECT_EQ(out, "a\t1\n");
  t.flush(out);
  EXPECT_EQ(out, "a\t1\nb\t1\n");
}

TEST(ArticleTable, RowsOfAPageGoOutWhenTheNextPageBeginsUnlessTheyJump) {
  ArticleTable t({.columns = parse_column_list("page,article,text")});
  std::string out;
  t.add_line("s\t1\t1\tbody\t甲。", "f", 1, out);
  t.add_line("s\t1\t2\tbody\t乙，（下转2版）", "f", 1, out);
  t.add_line("s\t2\t3\tbody\t丙。", "f", 2, out);
  EXPECT_EQ(out, "1\t1\t甲。\n");
  t.add_line("s\t2\t2\tbody\t（上接1版）丁。", "f", 2, out);
  t.flush(out);
  EXPECT_EQ(out, "1\t1\t甲。\n1\t2\t乙，（下转2版）\\n（上接1版）丁。\n2\t3\t丙。\n");
}

TEST(ArticleTable, LongFieldsEscapeLikeShortOnes) {
  std::string field;
  for (int i = 0; i < 100; ++i) field += (i % 7 == 0) ? "\\" : (i % 11 == 0) ? "\t" : (i % 13 == 0) ? "\n" : "汉a";
  field += "\r";
  std::string fast, slow;
  append_copy_escaped(fast, field);
  for (char c : field) {
    slow += c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : std::string(1, c);
  }
  EXPECT_EQ(fast, slow);
}

TEST(ArticleTable, ColumnLists) {
  EXPECT_EQ(parse_column_list("text,source").size(), 2u);
  EXPECT_THROW(parse_column_list("text,nope"), std::invalid_argument);
  EXPECT_THROW(parse_column_list("text,text"), std::invalid_argument);
  EXPECT_THROW(parse_column_list(""), std::invalid_argument);
  EXPECT_EQ(parse_column_list("source,page,article,section,title,byline,dateline,dates,chars,text"),
            all_table_columns());
}

TEST(TableWriter, LinesAreNumberedPerFileAndStrictStops) {
  std::vector<std::string> warnings;
  TableWriter writer({.columns = parse_column_list("text")}, false, [&](const std::string& w) { warnings.push_back(w); });
  std::string out;
  Piece piece;
  piece.source = "s.tsv";
  piece.source_start = true;
  piece.text = "s\t1\t1\tbody\t一。\nbad\tline\ns\t1\t1\tbody\t二。\n";
  writer.write(piece, out);
  writer.end_file(out);
  EXPECT_EQ(out, "text\n一。\\n二。\n");
  EXPECT_THAT(warnings, testing::ElementsAre("s.tsv:2: expected 5 TAB-separated fields, found 2 (line skipped)"));

  TableWriter strict({}, true, [](const std::string&) {});
  std::string ignored;
  EXPECT_THROW(strict.write(piece, ignored), BadData);
}

// A ROLE that is none of the stream's is a malformed line like any other: skipped with
// a warning, or under --strict an error.
TEST(TableWriter, UnknownRoleIsAMalformedLine) {
  std::vector<std::string> warnings;
  TableWriter writer({.columns = parse_column_list("title,text")}, false,
                     [&](const std::string& w) { warnings.push_back(w); });
  std::string out;
  Piece piece;
  piece.source = "s.tsv";
  piece.source_start = true;
  piece.text = "s\t1\t1\ttitel\t标题\ns\t1\t1\tbody\t正文。\n";
  writer.write(piece, out);
  writer.end_file(out);
  EXPECT_EQ(out, "title\ttext\n\t正文。\n");
  EXPECT_THAT(warnings, testing::ElementsAre("s.tsv:1: unknown ROLE 'titel' (roles: section,title,subtitle,byline,"
                                             "body,caption,signature,fragment) (line skipped)"));

  TableWriter strict({}, true, [](const std::string&) {});
  std::string ignored;
  EXPECT_THROW(strict.write(piece, ignored), BadData);
}

}  // namespace
}  // namespace jianbao
