// Tests for splitting a page into articles: each kind of start and end the corpus
// shows, continuations, displaced headlines, debris, and numbering across pages.
#include "jianbao/article_segmentation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace jianbao {
namespace {

using testing::ElementsAre;

// "ARTICLE role text" for every paragraph of the pages, split as one source.
std::vector<std::string> split(const std::vector<std::string>& pages) {
  ArticleSplitter splitter;
  splitter.start_source();
  std::vector<std::string> lines;
  std::uint64_t number = 0;
  for (const std::string& page : pages) {
    std::vector<ArticleParagraph> out;
    splitter.split_page(page, ++number, true, out);
    for (const ArticleParagraph& p : out) {
      lines.push_back(std::to_string(p.article) + " " + std::string(role_name(p.role)) + " " + std::string(p.text));
    }
  }
  return lines;
}

std::vector<std::string> split(const std::string& page) { return split(std::vector<std::string>{page}); }

TEST(ArticleSegmentation, HeadlineAndDatelineOpenSignatureCloses) {
  EXPECT_THAT(split("政务之要\n"
                    "太原全力保障“国考”笔试顺利进行\n"
                    "本报讯 1月7日、8日，公务员笔试举行，考场秩序良好。（尹哲）\n"
                    "节前监督检查 确保用水安全\n"
                    "本报讯 春节临近，执法队对市政水厂开展检查。（刘涛）\n"),
              ElementsAre("1 section 政务之要", "1 title 太原全力保障“国考”笔试顺利进行",
                          "1 body 本报讯 1月7日、8日，公务员笔试举行，考场秩序良好。（尹哲）",
                          "2 title 节前监督检查 确保用水安全",
                          "2 body 本报讯 春节临近，执法队对市政水厂开展检查。（刘涛）"));
}

TEST(ArticleSegmentation, CreditsAndNameLinesCloseArticles) {
  EXPECT_THAT(split("本报讯 盛夏时节，总工会开展送清凉活动。\n"
                    "活动期间，领导深入企业慰问职工。\n"
                    "（文/冀美丽 梁赟）\n"
                    "会议强调，要迅速进入工作状态。\n"
                    "张倩倩\n"
                    "本报讯 7月25日，整改工作会议召开。\n"),
              ElementsAre("1 body 本报讯 盛夏时节，总工会开展送清凉活动。", "1 body 活动期间，领导深入企业慰问职工。",
                          "1 byline （文/冀美丽 梁赟）", "2 body 会议强调，要迅速进入工作状态。", "2 signature 张倩倩",
                          "3 body 本报讯 7月25日，整改工作会议召开。"));
}

TEST(ArticleSegmentation, ADatelineAfterRunningTextStartsANewItem) {
  EXPECT_THAT(split("民生是人民幸福之基。\n本报讯 1月6日，中欧班列鸣笛启程。\n"),
              ElementsAre("1 body 民生是人民幸福之基。", "2 body 本报讯 1月6日，中欧班列鸣笛启程。"));
}

TEST(ArticleSegmentation, QuotedCrossheadsStayInTheirArticle) {
  EXPECT_THAT(split("忙碌与坚守 我们在一线护平安\n"
                    "春节将至，医护人员奔波在救治患者的路上。\n"
                    "“等我回来并肩作战”\n"
                    "“伙伴们，我没事了。”刚刚康复的他说。\n"
                    "图为医护人员在为患者手术。\n"
                    "记者 魏薇 通讯员 王红 文/摄\n"),
              ElementsAre("1 title 忙碌与坚守 我们在一线护平安", "1 body 春节将至，医护人员奔波在救治患者的路上。",
                          "1 body “等我回来并肩作战”", "1 body “伙伴们，我没事了。”刚刚康复的他说。",
                          "1 caption 图为医护人员在为患者手术。", "1 byline 记者 魏薇 通讯员 王红 文/摄"));
}

TEST(ArticleSegmentation, APhotoWithItsCaptionIsAnItemOfItsOwn) {
  EXPECT_THAT(split("民生是人民幸福之基。\n"
                    "1月9日，商场开展公益课，老师教授收纳整理方法。 王韵菲 摄\n"
                    "忙碌与坚守 我们在一线护平安\n"
                    "春节将至，医护人员奔波在救治患者的路上。\n"),
              ElementsAre("1 body 民生是人民幸福之基。", "2 caption 1月9日，商场开展公益课，老师教授收纳整理方法。 王韵菲 摄",
                          "3 title 忙碌与坚守 我们在一线护平安", "3 body 春节将至，医护人员奔波在救治患者的路上。"));
}

TEST(ArticleSegmentation, TextAPhotoCaptionInterruptedGoesOn) {
  EXPECT_THAT(split("本报讯 全县经济工作会议召开，会议指出，\n"
                    "1月9日，工人在检修线路。 李明 摄\n"
                    "要抓好项目建设，确保完成全年目标。\n"
                    "2月1日，市民在公园游玩。 王韵菲 摄\n"
                    "本报讯 图书馆开馆。\n"),
              ElementsAre("1 body 本报讯 全县经济工作会议召开，会议指出，", "2 caption 1月9日，工人在检修线路。 李明 摄",
                          "1 body 要抓好项目建设，确保完成全年目标。", "3 caption 2月1日，市民在公园游玩。 王韵菲 摄",
                          "4 body 本报讯 图书馆开馆。"));
}

TEST(ArticleSegmentation, AnArticleCutMidSentenceResumesAfterOtherItems) {
  EXPECT_THAT(split("忙碌与坚守 我们在一线护平安\n"
                    "医护人员忙着协助主任重新制定工作流程，及时指导帮助来\n"
                    "越开越密 越跑越快\n"
                    "本报讯 1月6日，中欧班列从山西鸣笛启程。（马向敏）\n"
                    "抓党建促基层治理能力提升\n"
                    "支援的同事……他们才肯稍作休息。\n"
                    "记者 魏薇 文/摄\n"),
              ElementsAre("1 title 忙碌与坚守 我们在一线护平安", "1 body 医护人员忙着协助主任重新制定工作流程，及时指导帮助来",
                          "2 title 越开越密 越跑越快", "2 body 本报讯 1月6日，中欧班列从山西鸣笛启程。（马向敏）",
                          "3 title 抓党建促基层治理能力提升", "1 body 支援的同事……他们才肯稍作休息。",
                          "1 byline 记者 魏薇 文/摄"));
}

TEST(ArticleSegmentation, AHeadlineOverTheTextItNamesIsNotTakenForDisplaced) {
  EXPECT_THAT(split("忙碌与坚守\n"
                    "医护人员忙着重新制定工作流程，及时指导帮助来\n"
                    "交城县供水公司坚守岗位保供水\n"
                    "交城县供水公司的工作人员坚守岗位，保障全县供水。\n"),
              ElementsAre("1 title 忙碌与坚守", "1 body 医护人员忙着重新制定工作流程，及时指导帮助来",
                          "2 title 交城县供水公司坚守岗位保供水", "2 body 交城县供水公司的工作人员坚守岗位，保障全县供水。"));
}

TEST(ArticleSegmentation, DisplacedHeadlinesAtThePageEndJoinTheirArticles) {
  EXPECT_THAT(split("本报讯 进入旅游旺季以来，庞泉沟镇打造暖心文旅服务。\n"
                    "（冀美丽 郭倩楠）\n"
                    "本报讯 7月31日，交城县上半年经济工作会议召开。\n"
                    "（文/司瑞东 图/申淼）\n"
                    "交城县庞泉沟镇用暖心服务打造优质文旅生态圈\n"
                    "交城县2024年上半年经济工作会议召开\n"
                    "坚守岗位保供水\n"
                    "春节服务“不打烊”\n"
                    "□ 文/范英哲 图/安豪\n"),
              ElementsAre("1 body 本报讯 进入旅游旺季以来，庞泉沟镇打造暖心文旅服务。", "1 signature （冀美丽 郭倩楠）",
                          "2 body 本报讯 7月31日，交城县上半年经济工作会议召开。", "2 byline （文/司瑞东 图/申淼）",
                          "1 title 交城县庞泉沟镇用暖心服务打造优质文旅生态圈", "2 title 交城县2024年上半年经济工作会议召开",
                          "3 title 坚守岗位保供水", "3 title 春节服务“不打烊”", "3 byline □ 文/范英哲 图/安豪"));
}

TEST(ArticleSegmentation, NoticeSignatures) {
  EXPECT_THAT(split("关于做好春节期间烟花爆竹安全管理的通告\n"
                    "为确保春节期间安全，现将有关事项通告如下。\n"
                    "交城县人民政府\n"
                    "2023年1月10日\n"),
              ElementsAre("1 title 关于做好春节期间烟花爆竹安全管理的通告", "1 body 为确保春节期间安全，现将有关事项通告如下。",
                          "1 signature 交城县人民政府", "1 signature 2023年1月10日"));
}

TEST(ArticleSegmentation, BodiesSigningANoticeTogetherCloseIt) {
  EXPECT_THAT(split("讣告\n"
                    "李文华同志因病医治无效逝世，享年88岁。\n"
                    "特此讣告。\n"
                    "宁川县第一中学\n"
                    "李文华同志治丧委员会\n"
                    "二〇二二年四月一日\n"
                    "清明节期间祭扫预约开始\n"
                    "本报讯 记者从县民政局获悉，祭扫实行预约。\n"),
              ElementsAre("1 title 讣告", "1 body 李文华同志因病医治无效逝世，享年88岁。", "1 body 特此讣告。",
                          "1 signature 宁川县第一中学", "1 signature 李文华同志治丧委员会",
                          "1 signature 二〇二二年四月一日", "2 title 清明节期间祭扫预约开始",
                          "2 body 本报讯 记者从县民政局获悉，祭扫实行预约。"));
  // Without a date under them, organization lines are a section and a headline.
  EXPECT_THAT(split("会议还研究了其他事项。\n"
                    "县人民医院\n"
                    "县医院开通便民服务中心\n"
                    "本报讯 5月8日，便民服务中心正式启用。\n"),
              ElementsAre("1 body 会议还研究了其他事项。", "2 section 县人民医院", "2 title 县医院开通便民服务中心",
                          "2 body 本报讯 5月8日，便民服务中心正式启用。"));
}

TEST(ArticleSegmentation, ContactLinesAndThePapersSignatureCloseNotices) {
  EXPECT_THAT(split("关于做好医疗保险集中缴费工作的通告\n"
                    "参保群众可通过微信公众号缴费。\n"
                    "咨询电话：0358-6021234\n"
                    "岚川县医疗保障局\n"
                    "2023年11月20日\n"
                    "更正\n"
                    "本报11月17日刊发的一文中，“20人”应为“200人”，特此更正。\n"
                    "本报编辑部\n"
                    "天气预报\n"
                    "今天白天：多云转晴，西北风3～4级。\n"
                    "岚川县气象台11月20日16时发布\n"),
              ElementsAre("1 title 关于做好医疗保险集中缴费工作的通告", "1 body 参保群众可通过微信公众号缴费。",
                          "1 body 咨询电话：0358-6021234", "1 signature 岚川县医疗保障局", "1 signature 2023年11月20日",
                          "2 title 更正", "2 body 本报11月17日刊发的一文中，“20人”应为“200人”，特此更正。",
                          "2 signature 本报编辑部", "3 title 天气预报", "3 body 今天白天：多云转晴，西北风3～4级。",
                          "3 signature 岚川县气象台11月20日16时发布"));
}

TEST(ArticleSegmentation, AReadersSignatureClosesTheLetter) {
  EXPECT_THAT(split("读者来信\n"
                    "小区路灯修好了\n"
                    "我是幸福里小区的居民，小区路灯坏了很久。\n"
                    "读者 孙玉兰\n"
                    "建议在县医院增设便民停车位\n"
                    "县医院门诊楼前的停车场只有80多个车位。\n"),
              ElementsAre("1 section 读者来信", "1 title 小区路灯修好了",
                          "1 body 我是幸福里小区的居民，小区路灯坏了很久。", "1 signature 读者 孙玉兰",
                          "2 title 建议在县医院增设便民停车位", "2 body 县医院门诊楼前的停车场只有80多个车位。"));
}

TEST(ArticleSegmentation, AMarkedAuthorAndAPoemsLinesStayWithTheirTitle) {
  EXPECT_THAT(split("文苑\n"
                    "母亲的月饼模子\n"
                    "□ 赵秋萍\n"
                    "又是一年中秋节，超市里的月饼早早摆上了货架。\n"
                    "秋夜\n"
                    "□ 林溪\n"
                    "月亮是一枚旧邮票\n"
                    "贴在故乡的信封上\n"
                    "母亲说，那是月亮在井底洗过脸。\n"),
              ElementsAre("1 section 文苑", "1 title 母亲的月饼模子", "1 byline □ 赵秋萍",
                          "1 body 又是一年中秋节，超市里的月饼早早摆上了货架。", "2 title 秋夜", "2 byline □ 林溪",
                          "2 body 月亮是一枚旧邮票", "2 body 贴在故乡的信封上", "2 body 母亲说，那是月亮在井底洗过脸。"));
  // One headline under a displaced headline and its author is the next article's.
  EXPECT_THAT(split("会议还研究了其他事项。\n"
                    "院里那棵枣树\n"
                    "□ 郝志远\n"
                    "诵读会温情上演\n"
                    "本报讯 9月26日晚，诵读会在县图书馆举行。\n"),
              ElementsAre("1 body 会议还研究了其他事项。", "2 title 院里那棵枣树", "2 byline □ 郝志远",
                          "3 title 诵读会温情上演", "3 body 本报讯 9月26日晚，诵读会在县图书馆举行。"));
}

TEST(ArticleSegmentation, AQuestionOverItsAnswerIsAHeadline) {
  EXPECT_THAT(split("高建平提醒，过敏体质的市民外出时最好佩戴口罩。\n"
                    "智能手环测的血氧准不准？\n"
                    "问：我买了一块智能手环，上面显示的数据靠谱吗？\n"
                    "答：智能手环的数据只能作参考。\n"),
              ElementsAre("1 body 高建平提醒，过敏体质的市民外出时最好佩戴口罩。", "2 title 智能手环测的血氧准不准？",
                          "2 body 问：我买了一块智能手环，上面显示的数据靠谱吗？", "2 body 答：智能手环的数据只能作参考。"));
  // Over running text, a short question is a paragraph of the article.
  EXPECT_THAT(split("本报讯 西坡村种植核桃已有上百年。\n"
                    "好好的树为啥要锯掉？\n"
                    "村党支部书记王保林回忆说，刚开始不少人想不通。\n"),
              ElementsAre("1 body 本报讯 西坡村种植核桃已有上百年。", "1 body 好好的树为啥要锯掉？",
                          "1 body 村党支部书记王保林回忆说，刚开始不少人想不通。"));
}

TEST(ArticleSegmentation, EditorsNotesStayWithTheirArticle) {
  EXPECT_THAT(split("守护“舌尖上的安全”\n"
                    "编者按：食品安全关系千家万户。近日，本报记者跟随执法人员走进一线。\n"
                    "记者 孟凡 文/摄\n"
                    "5月7日，记者跟随执法人员开始了一天的工作。\n"
                    "建议在县医院增设便民停车位\n"
                    "县医院门诊楼前的停车场只有80多个车位。\n"
                    "读者 马文斌\n"
                    "编者按：本报已将此建议转交县卫生健康局。\n"),
              ElementsAre("1 title 守护“舌尖上的安全”",
                          "1 body 编者按：食品安全关系千家万户。近日，本报记者跟随执法人员走进一线。",
                          "1 byline 记者 孟凡 文/摄", "1 body 5月7日，记者跟随执法人员开始了一天的工作。",
                          "2 title 建议在县医院增设便民停车位", "2 body 县医院门诊楼前的停车场只有80多个车位。",
                          "2 signature 读者 马文斌", "2 body 编者按：本报已将此建议转交县卫生健康局。"));
  // After an article closed by its reporters' credit, a note opens the next one.
  EXPECT_THAT(split("本报讯 县医院开通便民服务中心。\n"
                    "（记者 樊丽）\n"
                    "编者按：今起本报推出系列报道。\n"),
              ElementsAre("1 body 本报讯 县医院开通便民服务中心。", "1 byline （记者 樊丽）",
                          "2 body 编者按：今起本报推出系列报道。"));
}

TEST(ArticleSegmentation, DebrisStaysWhereItFalls) {
  EXPECT_THAT(split("振\n本报讯 会议召开。\n11/\n会议强调，要抓好落实。\n"),
              ElementsAre("1 fragment 振", "1 body 本报讯 会议召开。", "1 fragment 11/", "1 body 会议强调，要抓好落实。"));
}

TEST(ArticleSegmentation, BlankLinesAndSurroundingSpacesAreDropped) {
  EXPECT_THAT(split("\n\n  本报讯 会议召开。 \n\n"), ElementsAre("1 body 本报讯 会议召开。"));
  EXPECT_THAT(split(""), ElementsAre());
}

TEST(ArticleSegmentation, NumbersRunAcrossPagesAndJumpLinesLinkThem) {
  EXPECT_THAT(split(std::vector<std::string>{
                  "本报讯 全县经济工作会议召开，会议要求抓好（下转2版）\n本报讯 图书馆开馆。\n",
                  "暖心服务\n本报讯 庞泉沟镇打造暖心服务。\n（上接1版）各项工作落实。\n"}),
              ElementsAre("1 body 本报讯 全县经济工作会议召开，会议要求抓好（下转2版）", "2 body 本报讯 图书馆开馆。",
                          "3 title 暖心服务", "3 body 本报讯 庞泉沟镇打造暖心服务。", "1 body （上接1版）各项工作落实。"));
}

TEST(ArticleSegmentation, ANewSourceNumbersFromOne) {
  ArticleSplitter splitter;
  std::vector<ArticleParagraph> out;
  splitter.start_source();
  splitter.split_page("本报讯 甲。\n本报讯 乙。\n", 1, true, out);
  splitter.start_source();
  splitter.split_page("本报讯 丙。\n", 1, true, out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].article, 2u);
  EXPECT_EQ(out[2].article, 1u);
}

// Another FILE of the same source (--source) numbers on, but does not resume a page
// the FILE before left cut off.
TEST(ArticleSegmentation, AnotherFileOfTheSourceNumbersOn) {
  ArticleSplitter splitter;
  std::vector<ArticleParagraph> out;
  splitter.start_source();
  splitter.split_page("本报讯 甲。\n本报讯 会议召开，要求", 1, false, out);
  splitter.start_file();
  splitter.split_page("各单位抓好落实。\n", 2, true, out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].article, 2u);
  EXPECT_EQ(out[2].article, 3u);
}

TEST(ArticleSegmentation, APageReadInPiecesGoesOnWithItsLastArticle) {
  ArticleSplitter splitter;
  std::vector<ArticleParagraph> out;
  splitter.start_source();
  splitter.split_page("标题在此\n本报讯 会议召开，要求", 1, false, out);
  splitter.split_page("各单位抓好落实。\n（安豪）\n本报讯 乙。\n", 1, true, out);
  ASSERT_EQ(out.size(), 5u);
  EXPECT_EQ(out[2].article, 1u);
  EXPECT_EQ(out[3].article, 1u);
  EXPECT_EQ(out[3].role, ArticleRole::signature);
  EXPECT_EQ(out[4].article, 2u);
}

}  // namespace
}  // namespace jianbao
