// Tests for the article stream's line format.
#include "jianbao/article_stream.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace jianbao {
namespace {

TEST(ArticleStream, WritesFiveFields) {
  std::string out;
  append_stream_line(out, "page.txt", 2, {"本报讯 会议召开。", 7, ArticleRole::body});
  EXPECT_EQ(out, "page.txt\t2\t7\tbody\t本报讯 会议召开。\n");
}

TEST(ArticleStream, TabsAndLineBreaksInFieldsBecomeSpaces) {
  std::string out;
  append_stream_line(out, "a\tb\nc.txt", 1, {"甲\t乙\r丙", 1, ArticleRole::title});
  EXPECT_EQ(out, "a b c.txt\t1\t1\ttitle\t甲 乙 丙\n");
}

TEST(ArticleStream, ParsesWhatItWrites) {
  std::string out;
  append_stream_line(out, "-", 3, {"（安豪）", 12, ArticleRole::signature});
  out.pop_back();
  const auto line = parse_stream_line(out);
  ASSERT_TRUE(line);
  EXPECT_EQ(line->source, "-");
  EXPECT_EQ(line->page, 3u);
  EXPECT_EQ(line->article, 12u);
  EXPECT_EQ(line->role, "signature");
  EXPECT_EQ(line->text, "（安豪）");
}

TEST(ArticleStream, RejectsLinesOfTheWrongShape) {
  EXPECT_FALSE(parse_stream_line("plain text"));
  EXPECT_FALSE(parse_stream_line("a\t1\t2\tbody"));
  EXPECT_FALSE(parse_stream_line("a\t1\tx\tbody\ttext"));
  EXPECT_FALSE(parse_stream_line("a\t-1\t2\tbody\ttext"));
  EXPECT_FALSE(parse_stream_line("a\t1\t2\tbody\ttext\tmore"));
  EXPECT_TRUE(parse_stream_line("a\t1\t2\tbody\t"));
}

TEST(ArticleStream, EveryRoleHasItsName) {
  EXPECT_EQ(role_name(ArticleRole::section), "section");
  EXPECT_EQ(role_name(ArticleRole::subtitle), "subtitle");
  EXPECT_EQ(role_name(ArticleRole::caption), "caption");
  EXPECT_EQ(role_name(ArticleRole::fragment), "fragment");
}

// The stream of `files` (each one page after another: "\f" between them) through one
// writer, as split-articles runs them.
std::string stream_of(ArticleStreamWriter& writer, const std::vector<std::vector<std::string>>& files) {
  std::string out;
  for (std::size_t f = 0; f < files.size(); ++f) {
    const std::string name = "f" + std::to_string(f + 1) + ".txt";
    for (std::size_t p = 0; p < files[f].size(); ++p) {
      Piece piece;
      piece.text = files[f][p];
      piece.page_end = true;
      piece.page_number = p + 1;
      piece.source = name;
      piece.source_start = p == 0;
      writer.write(piece, out);
    }
  }
  return out;
}

// Each FILE is its own source, numbered from 1; under --source the FILEs are one
// source, so its pages and articles are numbered on, and no two articles share a
// number (to-tsv would join them into one row).
TEST(ArticleStream, OneSourceNumbersOnAcrossItsFiles) {
  const std::vector<std::vector<std::string>> files = {{"本报讯 甲。\n本报讯 乙。\n", "本报讯 丙。\n"},
                                                       {"本报讯 丁。\n"}};
  ArticleStreamWriter each_file;
  EXPECT_EQ(stream_of(each_file, files),
            "f1.txt\t1\t1\tbody\t本报讯 甲。\nf1.txt\t1\t2\tbody\t本报讯 乙。\nf1.txt\t2\t3\tbody\t本报讯 丙。\n"
            "f2.txt\t1\t1\tbody\t本报讯 丁。\n");
  ArticleStreamWriter one_source("X");
  EXPECT_EQ(stream_of(one_source, files),
            "X\t1\t1\tbody\t本报讯 甲。\nX\t1\t2\tbody\t本报讯 乙。\nX\t2\t3\tbody\t本报讯 丙。\n"
            "X\t3\t4\tbody\t本报讯 丁。\n");
  // despace ends a page that ended in a form feed with "\f\n": the blank page after
  // it is no page of the source.
  ArticleStreamWriter after_form_feed("X");
  EXPECT_EQ(stream_of(after_form_feed, {{"本报讯 甲。\n", "\n"}, {"本报讯 乙。\n"}}),
            "X\t1\t1\tbody\t本报讯 甲。\nX\t2\t2\tbody\t本报讯 乙。\n");
}

// A paper's pages in FILEs of their own, under one --source: the text after
// (上接1版) on the second FILE's page goes on with the article of the first.
TEST(ArticleStream, JumpLinesLinkTheFilesOfOneSource) {
  ArticleStreamWriter writer("X");
  EXPECT_EQ(stream_of(writer, {{"本报讯 会议召开，要求抓好（下转2版）\n本报讯 图书馆开馆。\n"},
                               {"本报讯 庞泉沟镇打造暖心服务。\n（上接1版）各项工作落实。\n"}}),
            "X\t1\t1\tbody\t本报讯 会议召开，要求抓好（下转2版）\nX\t1\t2\tbody\t本报讯 图书馆开馆。\n"
            "X\t2\t3\tbody\t本报讯 庞泉沟镇打造暖心服务。\nX\t2\t1\tbody\t（上接1版）各项工作落实。\n");
}

TEST(ArticleStream, EveryRoleIsReadBackFromItsName) {
  for (ArticleRole role : {ArticleRole::section, ArticleRole::title, ArticleRole::subtitle, ArticleRole::byline,
                           ArticleRole::body, ArticleRole::caption, ArticleRole::signature, ArticleRole::fragment}) {
    EXPECT_EQ(role_from_name(role_name(role)), role);
  }
  EXPECT_FALSE(role_from_name("titel"));
  EXPECT_FALSE(role_from_name("Title"));
  EXPECT_FALSE(role_from_name(""));
}

}  // namespace
}  // namespace jianbao
