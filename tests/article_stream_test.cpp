// Tests for the article stream's line format.
#include "jianbao/article_stream.hpp"

#include <gtest/gtest.h>

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
