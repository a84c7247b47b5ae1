// Tests for recognizing personal names as articles are signed with them.
#include "jianbao/person_names.hpp"

#include <gtest/gtest.h>

namespace jianbao {
namespace {

TEST(PersonNames, CommonSurnameAndTwoToFourCharacters) {
  for (const char* name : {"安豪", "张倩倩", "王勇", "冀美丽", "荀超", "申淼", "司瑞东", "欧阳明远"}) {
    EXPECT_TRUE(looks_like_person_name(name)) << name;
  }
}

TEST(PersonNames, OtherWordsAreNotNames) {
  for (const char* word : {"政务之要", "聚焦", "会议", "太报评", "春", "王", "欧阳", "王a", "张 三", "", "通讯员王红"}) {
    EXPECT_FALSE(looks_like_person_name(word)) << word;
  }
}

TEST(PersonNames, ListsSeparatedByCommaOrSpace) {
  EXPECT_TRUE(looks_like_name_list("王勇、兰杰"));
  EXPECT_TRUE(looks_like_name_list("冀美丽 郭倩楠"));
  EXPECT_TRUE(looks_like_name_list("马向敏、郭雅静"));
  EXPECT_TRUE(looks_like_name_list("安豪"));
  EXPECT_FALSE(looks_like_name_list("王勇、会议"));
  EXPECT_FALSE(looks_like_name_list("、"));
  EXPECT_FALSE(looks_like_name_list(""));
}

}  // namespace
}  // namespace jianbao
