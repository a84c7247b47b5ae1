// Tests for placing displaced headlines by the words they share with articles.
#include "jianbao/headline_matching.hpp"

#include <gtest/gtest.h>

namespace jianbao {
namespace {

TEST(SharedWords, CountsDistinctTwoCharacterWords) {
  EXPECT_EQ(shared_words("坚守岗位保供水", {"供水公司坚守岗位，供水正常。"}), 4u);  // 坚守 守岗 岗位 供水
  EXPECT_EQ(shared_words("抓党建促基层治理能力提升", {"支援的同事……他们才肯稍作休息。"}), 0u);
  EXPECT_EQ(shared_words("", {"供水"}), 0u);
}

UntitledArticle article(std::vector<std::string_view> paragraphs, bool splittable = false) {
  return UntitledArticle{std::move(paragraphs), splittable};
}

TEST(PlaceHeadlines, EachHeadlineFindsTheArticleItNames) {
  const std::vector<UntitledArticle> articles = {
      article({"本报讯 交城县总工会开展送清凉活动，为职工送去清凉。", "夏韩卿在讲话时说，送清凉是工会的品牌活动。"}),
      article({"本报讯 庞泉沟镇打造暖心文旅服务，游客纷纷点赞。", "庞泉沟镇设置旅游服务专岗，文旅生态圈更优质。"}),
      article({"本报讯 交城县上半年经济工作会议召开。", "会议分析了上半年经济形势，部署下半年经济工作。"}),
  };
  const auto placed = place_headlines({"庞泉沟镇用暖心服务打造优质文旅生态圈", "上半年经济工作会议召开"}, articles);
  ASSERT_EQ(placed.size(), 2u);
  ASSERT_TRUE(placed[0]);
  EXPECT_EQ(placed[0]->article, 1u);
  EXPECT_EQ(placed[0]->first_paragraph, 0u);
  ASSERT_TRUE(placed[1]);
  EXPECT_EQ(placed[1]->article, 2u);
}

TEST(PlaceHeadlines, AHeadlineThatNamesNothingStaysUnplaced) {
  const auto placed = place_headlines({"抓党建促基层治理能力提升"}, {article({"春节将至，商场开展收纳公益课。"})});
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_FALSE(placed[0]);
}

TEST(PlaceHeadlines, StoriesRunTogetherAreCutWhereTheWordsChange) {
  const std::vector<UntitledArticle> articles = {article(
      {"供水公司的工作人员坚守岗位，保障供水。", "水厂化验员检测水质，供水水压稳定。", "供水管网抢修队随时待命。",
       "急诊科医生护士坚守岗位，抢救危重患者。", "医院重症医学科医护人员救治患者。", "急诊科主任说，医护人员习惯了。"},
      true)};
  const auto placed = place_headlines({"保供水 服务不打烊", "急诊医护 守护患者"}, articles);
  ASSERT_TRUE(placed[0]);
  EXPECT_EQ(placed[0]->first_paragraph, 0u);
  ASSERT_TRUE(placed[1]);
  EXPECT_EQ(placed[1]->first_paragraph, 3u);
}

TEST(PlaceHeadlines, ArticlesClosedBySignaturesAreNotCut) {
  const std::vector<UntitledArticle> articles = {article(
      {"供水公司的工作人员坚守岗位，保障供水。", "急诊科医生护士坚守岗位，抢救危重患者。"}, false)};
  const auto placed = place_headlines({"保供水", "急诊医护 守护患者"}, articles);
  int placed_count = (placed[0] ? 1 : 0) + (placed[1] ? 1 : 0);
  EXPECT_LE(placed_count, 1);  // one article, one headline at most: never a cut
}

TEST(PlaceHeadlines, NothingToPlaceOrNowhereToPlaceIt) {
  EXPECT_TRUE(place_headlines({}, {article({"正文。"})}).empty());
  const auto placed = place_headlines({"供水"}, {});
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_FALSE(placed[0]);
}

}  // namespace
}  // namespace jianbao
