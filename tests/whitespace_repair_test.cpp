// despace's whitespace repair, one test per kind of damage SPEC lists (and per fixed
// bug), on small pages written out by hand.
#include "jianbao/whitespace_repair.hpp"

#include <gtest/gtest.h>

#include <string>

namespace jianbao {
namespace {

std::string despace(std::string_view page, bool keep_lines = false) {
  std::string out;
  despace_page(page, DespaceOptions{keep_lines}, out);
  return out;
}

TEST(WhitespaceRepair, RemovesJustificationSpacesBetweenHan) {
  EXPECT_EQ(despace("抓 好 党 的 二 十 大 精 神 、省“ 两 会 ”精 神 。\n"), "抓好党的二十大精神、省“两会”精神。\n");
}

TEST(WhitespaceRepair, RemovesSpacesBetweenHanAndDigits) {
  EXPECT_EQ(despace("1 月 28 日是春节长假后上班的第一天，2023 年拨打 12345 热线办。\n"),
            "1月28日是春节长假后上班的第一天，2023年拨打12345热线办。\n");
}

TEST(WhitespaceRepair, RemovesSpaceLeftAtAnEarlierLineJoin) {
  EXPECT_EQ(despace("县领导荣亿、 葛凯出席了会议，会议部署了创建省 级文明县城的工作。\n"),
            "县领导荣亿、葛凯出席了会议，会议部署了创建省级文明县城的工作。\n");
}

TEST(WhitespaceRepair, RemovesSpacesAroundHalfWidthPunctuationInChineseText) {
  EXPECT_EQ(despace("他说: \"今年的工作 , 要抓好落实。\"\n"), "他说:\"今年的工作,要抓好落实。\"\n");
  // A half-width comma after Chinese text is Chinese punctuation, whatever follows.
  EXPECT_EQ(despace("会议指出, 2023年我县新增经营主体3200户。\n"), "会议指出,2023年我县新增经营主体3200户。\n");
}

TEST(WhitespaceRepair, KeepsSpacesAroundPunctuationBetweenLatinWords) {
  EXPECT_EQ(despace("Linux version 6.1 (gcc (GCC) 15.3.0, ld 2.46) #1 SMP\n"),
            "Linux version 6.1 (gcc (GCC) 15.3.0, ld 2.46) #1 SMP\n");
}

TEST(WhitespaceRepair, KeepsSpacesBetweenLatinWords) {
  EXPECT_EQ(despace("访问 Hello world 网站，查看 www.example.com 的说明。\n"),
            "访问Hello world网站，查看www.example.com的说明。\n");
}

TEST(WhitespaceRepair, KeepsHeadlineClauseSpace) {
  EXPECT_EQ(despace("交城：收心返岗干劲足 提振精神开新局\n本报讯 1月28日，会议召开。\n"),
            "交城：收心返岗干劲足 提振精神开新局\n本报讯1月28日，会议召开。\n");
}

TEST(WhitespaceRepair, AHeadlinesNumbersAndLatinWordsHugItsText) {
  EXPECT_EQ(despace("承诺月息2% 的“养殖项目”竟是骗局\n本报讯 近日，县公安局破获一起案件。\n"),
            "承诺月息2%的“养殖项目”竟是骗局\n本报讯近日，县公安局破获一起案件。\n");
  // A Latin word too.
  EXPECT_EQ(despace("“十一”假期我县 A级景区门票半价\n本报讯 记者从县文旅局获悉，假期全县景区门票半价。\n"),
            "“十一”假期我县A级景区门票半价\n本报讯记者从县文旅局获悉，假期全县景区门票半价。\n");
}

TEST(WhitespaceRepair, KeepsSectionLabelSpace) {
  EXPECT_EQ(despace("聚焦 安全生产\n迎泽区“证照分离”优化营商环境\n本报讯 1月9日迎泽区消息，改革落细。\n"),
            "聚焦 安全生产\n迎泽区“证照分离”优化营商环境\n本报讯1月9日迎泽区消息，改革落细。\n");
}

TEST(WhitespaceRepair, KeepsBylineSpaces) {
  EXPECT_EQ(despace("记者 魏薇 通讯员 王红 孟亮 文/摄\n"), "记者 魏薇 通讯员 王红 孟亮 文/摄\n");
  EXPECT_EQ(despace("□ 文/安豪 图/范英哲\n"), "□ 文/安豪 图/范英哲\n");
  EXPECT_EQ(despace("（文/冀美丽 梁赟 图/申淼）\n"), "（文/冀美丽 梁赟 图/申淼）\n");
}

// Papers space a two-character name out to line up with three-character ones: the
// byline keeps its spaces between names and roles, and drops those inside a name.
TEST(WhitespaceRepair, ASlashInABylineJoinsWhatItStandsBetween) {
  EXPECT_EQ(despace("记者 贺晓东 文 / 摄\n"), "记者 贺晓东 文/摄\n");
  EXPECT_EQ(despace("记者 王红 / 摄影 李明\n"), "记者 王红 / 摄影 李明\n");
}

TEST(WhitespaceRepair, JoinsSpacedOutNamesInABylineAndKeepsItsOtherSpaces) {
  EXPECT_EQ(despace("本报记者 刘 洋 通讯员 赵 敏\n"), "本报记者 刘洋 通讯员 赵敏\n");
  EXPECT_EQ(despace("记者 魏 薇 通讯员 王 红 孟 亮 文/摄\n"), "记者 魏薇 通讯员 王红 孟亮 文/摄\n");
  EXPECT_EQ(despace("□ 记者 王 红\n"), "□ 记者 王红\n");
  EXPECT_EQ(despace("记者 王 红 摄\n"), "记者 王红 摄\n");
  // After a sentence, on the paragraph's line.
  EXPECT_EQ(despace("会议要求各部门抓好落实，确保各项工作取得实效。 记者 王 红\n"),
            "会议要求各部门抓好落实，确保各项工作取得实效。\n记者 王红\n");
  // Two names signed after the paragraph's last sentence.
  EXPECT_EQ(despace("检查人员还向居民发放了燃气安全宣传手册，普及燃气安全使用常识。 王敏 张凯\n"),
            "检查人员还向居民发放了燃气安全宣传手册，普及燃气安全使用常识。\n王敏 张凯\n");
  // A letter-spaced line that is all single characters stays letter-spacing.
  EXPECT_EQ(despace("记 者 魏 薇\n"), "记者魏薇\n");
}

TEST(WhitespaceRepair, ACreditClosingAParagraphKeepsItsSpaces) {
  EXPECT_EQ(despace("组建了15支科技服务小分队，帮助农民解\n决实际问题。（记者 孙鹏）\n"),
            "组建了15支科技服务小分队，帮助农民解决实际问题。（记者 孙鹏）\n");
  // Wrapped over a line end, and with two roles.
  EXPECT_EQ(despace("组建了15支科技服务小分队，帮助农民解决实际问题。（记者\n孙鹏 通讯员 李红）\n"),
            "组建了15支科技服务小分队，帮助农民解决实际问题。（记者 孙鹏 通讯员 李红）\n");
  // It ends its paragraph, as a signature does, however full the line above the next.
  EXPECT_EQ(despace("推行生活垃圾定时定点投放，其他\n时段投放点原则上不再接收生\n活垃圾。（记者 任静怡）\n"
                    "全县上下坚定信心，攻坚克难，推\n动经济社会发展取得新的成效。\n"),
            "推行生活垃圾定时定点投放，其他时段投放点原则上不再接收生活垃圾。（记者 任静怡）\n"
            "全县上下坚定信心，攻坚克难，推动经济社会发展取得新的成效。\n");
  // A name that a line end or the layout cut joins again.
  EXPECT_EQ(despace("今年我县为80周岁以上老年人发放高龄津贴共计386万元，惠及老人9400余名。（通讯员 贺\n丽君）\n"),
            "今年我县为80周岁以上老年人发放高龄津贴共计386万元，惠及老人9400余名。（通讯员 贺丽君）\n");
  EXPECT_EQ(despace("惠及老人9400余名。（记者 刘 洋）\n"), "惠及老人9400余名。（记者 刘洋）\n");
  // Other roles: a trainee reporter, a reader signing a letter.
  EXPECT_EQ(despace("比赛将于5月19日晚举行。（实习生 薛婷）\n"), "比赛将于5月19日晚举行。（实习生 薛婷）\n");
  EXPECT_EQ(despace("手环上显示的数据靠谱吗？（读者 吴先生）\n"), "手环上显示的数据靠谱吗？（读者 吴先生）\n");
  // A role in brackets in the run of the text is no credit.
  EXPECT_EQ(despace("据（记者）了解，今 年\n"), "据（记者）了解，今年\n");
}

TEST(WhitespaceRepair, ALineOfTwoSingleCharactersIsOneWord) {
  // A notice's head letter-spaced across its column, and a signature's name spaced
  // out to line up; a credit mark is no character of a name.
  // Its paragraph is one line, longer than any column: the head stands apart.
  const std::string notice =
      "因城市供水管网改造施工需要，定于5月8日8时至20时，对并州南路以东、南内环街以南区域暂停供水。"
      "请相关用户提前做好储水准备，给您带来不便，敬请谅解。\n";
  EXPECT_EQ(despace("……参加趣味运动会。 李峰 摄\n公 告\n" + notice), "……参加趣味运动会。李峰 摄\n公告\n" + notice);
  EXPECT_EQ(despace("刘 洋\n"), "刘洋\n");
  EXPECT_EQ(despace("刘 摄\n"), "刘 摄\n");
}

// A paragraph's last line may fill its column exactly; a photo's note under it still
// opens a paragraph of its own.
TEST(WhitespaceRepair, PictureNoteAfterAFullLineIsItsOwnParagraph) {
  EXPECT_EQ(despace("医院要求各科室加强值\n守，及时调整诊疗方案和防\n护措施，确保每位患者平安。\n图为医护人员在为患者手术。\n"),
            "医院要求各科室加强值守，及时调整诊疗方案和防护措施，确保每位患者平安。\n图为医护人员在为患者手术。\n");
  // Within a sentence, 图为 is no note.
  EXPECT_EQ(despace("医院要求各科室加强值\n守，及时调整诊疗方案的意\n图为确保患者平安。\n"),
            "医院要求各科室加强值守，及时调整诊疗方案的意图为确保患者平安。\n");
}

TEST(WhitespaceRepair, KeepsPhotoCreditSpace) {
  EXPECT_EQ(despace("图为工作人员向顾客教授家庭收纳整理方法。王韵菲 摄\n"),
            "图为工作人员向顾客教授家庭收纳整理方法。王韵菲 摄\n");
}

TEST(WhitespaceRepair, RejoinsVisualLinesWithBlankLinesBetween) {
  const std::string page =
      "委常委会（扩大）会议召开，传达学\n\n"
      "习省十四届人大一次会议和省政协\n\n"
      "十三届一次会议精神，研究交城县\n\n"
      "贯彻落实意见。交城县委书记刘旋\n\n"
      "主持会议并讲话。\n\n"
      "就贯彻落实好省“两会”精神，会议\n\n"
      "强调十点意见，要认真抓好学习。\n";
  EXPECT_EQ(despace(page),
            "委常委会（扩大）会议召开，传达学习省十四届人大一次会议和省政协十三届一次会议精神，研究交城县"
            "贯彻落实意见。交城县委书记刘旋主持会议并讲话。\n"
            "就贯彻落实好省“两会”精神，会议强调十点意见，要认真抓好学习。\n");
}

TEST(WhitespaceRepair, JustifiedLineNeverEndsAParagraph) {
  EXPECT_EQ(despace("组织交流研讨，迅速掀起学习宣传\n增 长 区 间 。 要 加 强 经 济 运 行 调\n度，针对各种不确定性因素深入\n"),
            "组织交流研讨，迅速掀起学习宣传增长区间。要加强经济运行调度，针对各种不确定性因素深入\n");
}

TEST(WhitespaceRepair, SplitsHeadlineFromBodySharingItsLine) {
  EXPECT_EQ(despace("越开越密 越跑越快 新年我省首趟中欧班列鸣笛启程 本报讯 1月6日，满载钢铁的班列从太原出发。\n"),
            "越开越密 越跑越快 新年我省首趟中欧班列鸣笛启程\n本报讯1月6日，满载钢铁的班列从太原出发。\n");
}

TEST(WhitespaceRepair, BodyAfterAnInlineHeadlineRunsOnInItsColumn) {
  // The line is wider than any column, but its body part is one line of the column.
  const std::string page =
      "政务之要\n太原全力保障“国考”笔试顺利进行 本报讯 1月7日、8日，中央机关及其直属机构\n"
      "2023年度考试录用公务员笔试举行。省人社厅\n副厅长师广卫深入太原考区巡视指导考务工\n作。省委组织部相关负责同志一同巡视。\n";
  EXPECT_EQ(despace(page),
            "政务之要\n太原全力保障“国考”笔试顺利进行\n"
            "本报讯1月7日、8日，中央机关及其直属机构2023年度考试录用公务员笔试举行。省人社厅副厅长师广卫深入太原考区"
            "巡视指导考务工作。省委组织部相关负责同志一同巡视。\n");
}

TEST(WhitespaceRepair, SplitsCommentaryHeadAndCreditFromBody) {
  EXPECT_EQ(despace("扎实做好民生保障——论深入贯彻落实会议精神⑥ 太报评 民生是人民幸福之基，社会和谐之本。\n"),
            "扎实做好民生保障——论深入贯彻落实会议精神⑥\n太报评\n民生是人民幸福之基，社会和谐之本。\n");
}

TEST(WhitespaceRepair, SignatureAfterASpaceGoesOnItsOwnLine) {
  EXPECT_EQ(despace("会议强调，要抓好落实，做好各项工作。 张倩倩\n"), "会议强调，要抓好落实，做好各项工作。\n张倩倩\n");
  EXPECT_EQ(despace("参加会议的还有各单位负责人。 （文/司瑞东 图/申淼）\n"),
            "参加会议的还有各单位负责人。\n（文/司瑞东 图/申淼）\n");
}

TEST(WhitespaceRepair, SignatureAttachedWithoutSpaceStaysInline) {
  EXPECT_EQ(despace("为考生营造温馨舒适的考试环境。（尹哲）\n"), "为考生营造温馨舒适的考试环境。（尹哲）\n");
}

TEST(WhitespaceRepair, CreditWrappedAcrossTwoLinesClosesItsParagraph) {
  // The bracket opens two runs back, on the line above; 本报记者 after a comma goes
  // on in its sentence.
  EXPECT_EQ(despace("市民可通过“岚川停车”小程序查询空余车位。（李娜 张\n鹏）\n守护“舌尖上的安全”\n"
                    "编者按：食品安全关系千家万户。近日，\n本报记者跟随县市场监管局执法人员深入农贸市场。\n"),
            "市民可通过“岚川停车”小程序查询空余车位。（李娜张鹏）\n守护“舌尖上的安全”\n"
            "编者按：食品安全关系千家万户。近日，本报记者跟随县市场监管局执法人员深入农贸市场。\n");
}

TEST(WhitespaceRepair, WholeParagraphLineCutShortOfASentenceEndGoesOn) {
  // Most of the page's paragraphs are one line each; a line break was left in one.
  const std::string page =
      "光卖原果，利润薄、风险大。2021年，西坡村成立 核桃专业合作社，引进脱青皮、清洗、烘干等设备，\n"
      "建起了占地1500 平方米的加工厂，开发出核桃仁、 核桃油、琥珀核桃等 6个系列产品。\n"
      "“以前核桃下树后堆在院里，遇上连阴雨就发霉，一年的辛苦就白费了。”合作社社员说。\n";
  EXPECT_EQ(despace(page),
            "光卖原果，利润薄、风险大。2021年，西坡村成立核桃专业合作社，引进脱青皮、清洗、烘干等设备，"
            "建起了占地1500平方米的加工厂，开发出核桃仁、核桃油、琥珀核桃等6个系列产品。\n"
            "“以前核桃下树后堆在院里，遇上连阴雨就发霉，一年的辛苦就白费了。”合作社社员说。\n");
}

TEST(WhitespaceRepair, SignatureTheColumnWrappedStaysInline) {
  // It would not have fitted after the line's sentence: the column wrapped it. A
  // photo credit, and a signature under a line with room for it, stay apart.
  const std::string lead = "活动吸引了全县各乡镇的文艺爱好\n者和群众，线上线下共吸引2.1\n万人次参与，反响十分热烈。\n";
  EXPECT_EQ(despace(lead + "（文旅）\n"), "活动吸引了全县各乡镇的文艺爱好者和群众，线上线下共吸引2.1万人次参与，反响十分热烈。（文旅）\n");
  EXPECT_EQ(despace(lead + "（图/申淼）\n"),
            "活动吸引了全县各乡镇的文艺爱好者和群众，线上线下共吸引2.1万人次参与，反响十分热烈。\n（图/申淼）\n");
  EXPECT_EQ(despace("活动吸引了全县各乡镇的文艺爱好\n者和群众，反响热烈。\n（文旅）\n"),
            "活动吸引了全县各乡镇的文艺爱好者和群众，反响热烈。\n（文旅）\n");
}

TEST(WhitespaceRepair, ShortLinesAndWholeParagraphsWithoutAFinalMarkStayApart) {
  // From a review: a subhead with a comma above a joined paragraph, a whole paragraph
  // ending in a word or a web address, and two words after a sentence that are no
  // names.
  const std::string paragraph =
      "据悉，项目总投资约二十亿元，建成后预计可带动周边一千余名群众就近就业，年产值将超过五十亿元，对县域经济发展具有重要意义。\n";
  EXPECT_EQ(despace("坚持问题导向，精准施策\n\n" + paragraph), "坚持问题导向，精准施策\n" + paragraph);
  const std::string ends_in_a_word =
      "县交通运输局表示，改造期间将合理安排施工时段，尽量减少对群众出行的影响，具体施工时间安排请见本报第三版\n";
  EXPECT_EQ(despace(ends_in_a_word + paragraph), ends_in_a_word + paragraph);
  EXPECT_EQ(despace("本报讯 去年全县地区生产总值\n同比增长百分之六点五。 今年 全县\n将继续加大项目投资力度。\n"),
            "本报讯去年全县地区生产总值同比增长百分之六点五。今年全县将继续加大项目投资力度。\n");
}

TEST(WhitespaceRepair, SignatureWrappedOverTwoLinesClosesItsParagraph) {
  // A narrow column wrapped the signature itself; the headline under it was joined on.
  const std::string page =
      "进口货物品类有乌兹别克\n斯坦的电解铜、棉纱，哈\n萨克斯坦的精金粉。（马向\n敏、郭雅静）\n"
      "西塋乡推动“清化收”为村集体经济增后劲\n本报讯 在西塋乡赵家\n山村有这样一产业园。\n";
  EXPECT_EQ(despace(page),
            "进口货物品类有乌兹别克斯坦的电解铜、棉纱，哈萨克斯坦的精金粉。（马向敏、郭雅静）\n"
            "西塋乡推动“清化收”为村集体经济增后劲\n本报讯在西塋乡赵家山村有这样一产业园。\n");
}

TEST(WhitespaceRepair, PhotoCreditClosesItsCaption) {
  // The caption ran on into the headline and story below it, and lost its credit's space.
  const std::string page =
      "老师现场实操演示，向顾\n客教授家庭收纳整理方法。 王韵菲 摄\n"
      "忙碌与坚守 我们在一线护平安\n春节将至，可仍有一群人，他们无暇\n感受日渐临近的节日脚步。\n";
  EXPECT_EQ(despace(page),
            "老师现场实操演示，向顾客教授家庭收纳整理方法。王韵菲 摄\n"
            "忙碌与坚守 我们在一线护平安\n春节将至，可仍有一群人，他们无暇感受日渐临近的节日脚步。\n");
}

TEST(WhitespaceRepair, HangingPunctuationDoesNotHideAnIndent) {
  // The new paragraph's first line is indented, but its closing quote hangs past the
  // column's edge: it still starts a paragraph.
  const std::string page =
      "交城县委副书记夏韩卿等县级领导参与发放\n仪式并“三送三进”入企服务。\n"
      "夏韩卿在讲话时说，“送清凉”\n是工会组织坚持开展的一项服务职\n工、关爱职工的活动，是切实关注\n民生的重要举措。\n";
  EXPECT_EQ(despace(page),
            "交城县委副书记夏韩卿等县级领导参与发放仪式并“三送三进”入企服务。\n"
            "夏韩卿在讲话时说，“送清凉”是工会组织坚持开展的一项服务职工、关爱职工的活动，是切实关注民生的重要举措。\n");
}

TEST(WhitespaceRepair, HeadlineAfterTextCutShortIsNotJoined) {
  // The story stops mid-sentence, to go on further down the page; a headline follows.
  const std::string page =
      "肾内科的护士们在病房里坚守岗位，\n她坚持为十余名患者做透析，及时\n指导帮助来\n"
      "越开越密 越跑越快 新年我省首趟中欧班列鸣笛启程\n"
      "本报讯 1月6日，满载钢铁、机械\n配件的中欧班列从中鼎物流园站\n鸣笛启程。\n";
  EXPECT_EQ(despace(page),
            "肾内科的护士们在病房里坚守岗位，她坚持为十余名患者做透析，及时指导帮助来\n"
            "越开越密 越跑越快 新年我省首趟中欧班列鸣笛启程\n"
            "本报讯1月6日，满载钢铁、机械配件的中欧班列从中鼎物流园站鸣笛启程。\n");
}

TEST(WhitespaceRepair, NumberedItemsOfANoticeAreParagraphs) {
  // A notice in a 16-character column: its greeting and the lead of its list end
  // short of the column in ：, its items open with 一、 and （1）, and end in ；.
  const std::string page =
      "县直各有关单位：\n"
      "为切实加强春节期间烟花爆竹安全管\n理，有效预防和减少火灾事故，根据\n有关规定，现将有关事项通知如下：\n"
      "一、明确禁放区域和时段\n"
      "（1）县城建成区范围内全年禁止燃\n放烟花爆竹；\n"
      "（2）各乡镇政府所在地、重点文物\n保护单位周边禁止燃放；\n"
      "二、严格规范经营销售。烟花爆竹零\n售点须持有效的许可证。\n";
  EXPECT_EQ(despace(page),
            "县直各有关单位：\n"
            "为切实加强春节期间烟花爆竹安全管理，有效预防和减少火灾事故，根据有关规定，现将有关事项通知如下：\n"
            "一、明确禁放区域和时段\n"
            "（1）县城建成区范围内全年禁止燃放烟花爆竹；\n"
            "（2）各乡镇政府所在地、重点文物保护单位周边禁止燃放；\n"
            "二、严格规范经营销售。烟花爆竹零售点须持有效的许可证。\n");
}

TEST(WhitespaceRepair, NumberedItemAfterAFullLineEndingASentenceIsAParagraph) {
  const std::string page =
      "预计今明两天我县将出现降雪天气，\n请广大驾驶员注意防范道路结冰。\n"
      "一、雨雪天气期间，请减速慢行，保\n持安全车距，谨慎驾驶。\n";
  EXPECT_EQ(despace(page),
            "预计今明两天我县将出现降雪天气，请广大驾驶员注意防范道路结冰。\n"
            "一、雨雪天气期间，请减速慢行，保持安全车距，谨慎驾驶。\n");
}

TEST(WhitespaceRepair, AnAnswerAfterAQuestionIsAParagraph) {
  const std::string page =
      "记者：今年的补助政策有什么变化？农\n户应该怎么申请？能补助多少钱呢？\n"
      "答：农户可以到村委会提出申请，经\n审核后按标准发放补助资金。\n";
  EXPECT_EQ(despace(page),
            "记者：今年的补助政策有什么变化？农户应该怎么申请？能补助多少钱呢？\n"
            "答：农户可以到村委会提出申请，经审核后按标准发放补助资金。\n");
}

TEST(WhitespaceRepair, DaysOfAForecastAreParagraphs) {
  // Each day's entry ends in ； short of a column no line of the page shows.
  const std::string page =
      "据县气象台预报，未来三天以降雪天气为主：\n21日：阴转小雪，-14℃～-3℃；\n22日：小雪转多云，-16℃～-5℃；\n23日：多云转晴，-13℃～0℃。\n";
  EXPECT_EQ(despace(page),
            "据县气象台预报，未来三天以降雪天气为主：\n21日：阴转小雪，-14℃～-3℃；\n22日：小雪转多云，-16℃～-5℃；\n23日：多云转晴，-13℃～0℃。\n");
}

TEST(WhitespaceRepair, BulletedItemsAreParagraphs) {
  const std::string page =
      "为做好春节期间安全生产工作，县安委\n办提出以下要求。\n"
      "●各乡镇要开展一次安全隐患大排查，\n对排查出的问题建立台账。\n"
      "◆ 各企业要落实值班值守制度。\n"
      "①确定责任人；\n②明确整改时限。\n";
  EXPECT_EQ(despace(page),
            "为做好春节期间安全生产工作，县安委办提出以下要求。\n"
            "●各乡镇要开展一次安全隐患大排查，对排查出的问题建立台账。\n"
            "◆各企业要落实值班值守制度。\n"
            "①确定责任人；\n②明确整改时限。\n");
}

TEST(WhitespaceRepair, AnInterviewsSpeakersOpenParagraphs) {
  const std::string page =
      "记者：西坡村发展核桃产业，最大的难点是什么？\n王保林：最难的是转变观念。老百姓守着老树过了\n"
      "几辈子，让他们锯树嫁接，心里没底。我们就先干\n给群众看，再带着群众干，用实实在在的收益说话。\n"
      "记者：合作社怎么和农户联结？\n";
  EXPECT_EQ(despace(page),
            "记者：西坡村发展核桃产业，最大的难点是什么？\n"
            "王保林：最难的是转变观念。老百姓守着老树过了几辈子，让他们锯树嫁接，心里没底。"
            "我们就先干给群众看，再带着群众干，用实实在在的收益说话。\n"
            "记者：合作社怎么和农户联结？\n");
}

TEST(WhitespaceRepair, NumberedSubheadStandsApart) {
  // The subhead falls short of the column its letter-spaced neighbours fill.
  const std::string page =
      "通 过 组 织 联 建 ， 全 县 走 出 了 一 条 党 建 引\n领 基 层 治 理 的 新 路 子 。\n"
      "一、织密组织体系“一张网”\n"
      "走 进 城 关 镇 东 关 社 区 党 群 服 务 中 心 ， 墙 上\n的 网 格 图 一 目 了 然 ， 每 名 网 格 员 的 照 片\n"
      "和 电 话 都 印 在 上 面 。\n";
  EXPECT_EQ(despace(page),
            "通过组织联建，全县走出了一条党建引领基层治理的新路子。\n"
            "一、织密组织体系“一张网”\n"
            "走进城关镇东关社区党群服务中心，墙上的网格图一目了然，每名网格员的照片和电话都印在上面。\n");
}

TEST(WhitespaceRepair, NumbersThatGoOnAreNoItems) {
  // 一、二产业 and 4.5 are numbers in the run of the text, after a full line.
  const std::string page =
      "全县上下坚持统筹推进农业现代化和\n一、二产业融合发展，全年完成投资\n"
      "4.5亿元，同比增长百分之十二点三。\n";
  EXPECT_EQ(despace(page),
            "全县上下坚持统筹推进农业现代化和一、二产业融合发展，全年完成投资4.5亿元，同比增长百分之十二点三。\n");
}

TEST(WhitespaceRepair, FullLineEndingInAClauseMarkRunsOn) {
  // A line that fills its column and ends in ； or ： goes on into the next line.
  const std::string page =
      "会议要求，各级各部门要压实责任；\n要加强督导检查，确保工作落实到\n位，他强调：要以更大力度抓好落\n实，推动各项工作取得新成效。\n";
  EXPECT_EQ(despace(page),
            "会议要求，各级各部门要压实责任；要加强督导检查，确保工作落实到位，他强调：要以更大力度抓好落实，推动各项工作取得新成效。\n");
}

TEST(WhitespaceRepair, WebAddressCutByALineEndOrAJoinSpaceIsWhole) {
  // The address's halves join, at a line end or at a join's space; an address and
  // the Latin word or address after it keep their space.
  EXPECT_EQ(despace("或登录山西省交通运输厅网站（https://jtt.shanxi.gov.c\nn/lkxx）查询实时路况。\n"),
            "或登录山西省交通运输厅网站（https://jtt.shanxi.gov.cn/lkxx）查询实时路况。\n");
  EXPECT_EQ(despace("详见 www.example.c om/news 的说明。\n"), "详见www.example.com/news的说明。\n");
  EXPECT_EQ(despace("see www.example.com for details and https://a.org/x https://b.org/y now\n"),
            "see www.example.com for details and https://a.org/x https://b.org/y now\n");
}

TEST(WhitespaceRepair, BylineWrappedInsideItsBracketIsOneLine) {
  // A 10-character column wrapped the byline inside its bracket.
  const std::string page =
      "学 生 综 合 素 质 明 显 提 升 。\n\n（记者 魏佳 通讯员\n\n刘芳）\n\n本报讯 4月\n";
  EXPECT_EQ(despace(page), "学生综合素质明显提升。\n（记者 魏佳 通讯员 刘芳）\n本报讯4月\n");
}

TEST(WhitespaceRepair, LetterSpacedNewsItemOpenerStartsAParagraph) {
  // 本 报 讯 spaced out on a justified line still opens a news item.
  const std::string page =
      "全县新登记各类市场主体两千余户，同比增长十二个\n百分点，市场活力持续增强。县市场监管局表示，\n"
      "本 报 讯 今 年 一 季 度 ， 汾 阳 市 新 登 记 各 类 市\n场主体2136户，其中新设企业418户，个体工商\n户1718户，同比均有较大幅度增长。\n";
  EXPECT_EQ(despace(page),
            "全县新登记各类市场主体两千余户，同比增长十二个百分点，市场活力持续增强。县市场监管局表示，\n"
            "本报讯今年一季度，汾阳市新登记各类市场主体2136户，其中新设企业418户，个体工商户1718户，同比均有较大幅度增长。\n");
}

TEST(WhitespaceRepair, HeadlineUnderTextCutShortAboveANewItemIsNotJoined) {
  // The story stops mid-sentence (to go on elsewhere); the next story's headline,
  // with no clause space, stands between it and that story's 本报讯.
  const std::string page =
      "企业与太原理工大学共建了联合实验室，\n每年将投入研发资金两千万元，推动\n产品升级换代，每年将销售收\n"
      "汾阳一季度新增市场主体2100余户\n"
      "本报讯 今年一季度，汾阳市新登记各\n类市场主体2136户，同比增长12.4%。\n";
  EXPECT_EQ(despace(page),
            "企业与太原理工大学共建了联合实验室，每年将投入研发资金两千万元，推动产品升级换代，每年将销售收\n"
            "汾阳一季度新增市场主体2100余户\n"
            "本报讯今年一季度，汾阳市新登记各类市场主体2136户，同比增长12.4%。\n");
}

TEST(WhitespaceRepair, HeadlineUnderAFullLineCutMidSentenceAboveANewItemIsNotJoined) {
  // The story is cut at the end of a full line (it goes on on another page); the
  // next story's headline stands on its own line above its 本报讯.
  const std::string page =
      "警方提醒，市民要警惕所谓高收益理财\n产品，以及不法分子散布的\n"
      "城关派出所破获一起电信网络诈骗案\n"
      "本报讯 近日，城关派出所破获一起电\n信网络诈骗案，抓获犯罪嫌疑人3名。\n";
  EXPECT_EQ(despace(page),
            "警方提醒，市民要警惕所谓高收益理财产品，以及不法分子散布的\n"
            "城关派出所破获一起电信网络诈骗案\n"
            "本报讯近日，城关派出所破获一起电信网络诈骗案，抓获犯罪嫌疑人3名。\n");
}

TEST(WhitespaceRepair, NewsItemCreditKeepsItsSpaces) {
  // The reporters' credit that opens an item keeps its names and roles apart, over a
  // line end too; the item's text after it loses its layout spaces.
  EXPECT_EQ(despace("本报讯（记者 冀美丽）8月5 日，县里召开会议。\n"), "本报讯（记者 冀美丽）8月5日，县里召开会议。\n");
  EXPECT_EQ(despace("本报讯(记者 安豪)近日，全县开展安全检查。\n"), "本报讯(记者 安豪)近日，全县开展安全检查。\n");
  const std::string page =
      "本报讯（记者 冯雪 通讯员\n郭斌）今年以来，城关镇把网格\n化管理作为基层治理的抓手。\n";
  EXPECT_EQ(despace(page), "本报讯（记者 冯雪 通讯员 郭斌）今年以来，城关镇把网格化管理作为基层治理的抓手。\n");
}

TEST(WhitespaceRepair, NewRulesStayOutOfEachOthersWay) {
  // Found by review. A commentary's credit inside an item's credit: the credit's
  // spaces stop before it, or each round undid the last (quadratic time).
  const std::string commentary = "本报讯（记者 冯雪 特约评论员 郭斌、王芳）今天，全县召开会议。\n";
  EXPECT_EQ(despace(despace(commentary)), despace(commentary));
  // A bracketed byline rejoined over its wrap stays a line of its own.
  EXPECT_EQ(despace("（记者 魏佳 通讯员\n刘芳）\n今年以来，全县教育系统全面推进素质教育。\n"),
            "（记者 魏佳 通讯员 刘芳）\n今年以来，全县教育系统全面推进素质教育。\n");
  // A word after a whole web address keeps its space.
  EXPECT_EQ(despace("see www.example.com e.g. here, and there.\n"), "see www.example.com e.g. here, and there.\n");
  EXPECT_EQ(despace("详见网站 www.a.com b.com，均可。\n"), "详见网站www.a.com b.com，均可。\n");
  // Letter-spaced 新华社 and 本报记者 go on in their sentence; only 本 报 讯 opens an item.
  EXPECT_EQ(despace("全 县 上 下 认 真 学 习 会 议 精 神 ， 据\n新 华 社 报 道 ， 会 议 取 得 圆 满 成 功 。\n"),
            "全县上下认真学习会议精神，据新华社报道，会议取得圆满成功。\n");
  // A credit never closed stops at the first clause mark: the text after it is
  // repaired as prose.
  EXPECT_TRUE(despace("本报讯（记者 冯雪 今天 全县 召开 会议，研究 部署 工作 安排。\n").ends_with("会议，研究部署工作安排。\n"));
}

TEST(WhitespaceRepair, FullLineOfAThirtyCharacterColumnIsNotAWholeParagraph) {
  // Letter-spaced, with the room the gaps around its digits take, the second line is
  // 66 columns wide: still a line of its 30-character column, which runs on.
  const std::string page =
      "本报讯 据中国地震台网正式测定，1月8日23时48分，在我市晋\n"
      "源 区 发 生 里 氏 3.1 级 地 震 ， 震 源 深 度 10 千 米 ， 震 中 位 于 北 纬 37.79 度 ，\n"
      "东经112.52度。地震发生后，市应急管理局、市防震减灾中心立即启\n"
      "动地震灾害Ⅳ级响应。经现场勘查，未发现人员伤亡和房屋受损情况。\n";
  EXPECT_EQ(despace(page),
            "本报讯据中国地震台网正式测定，1月8日23时48分，在我市晋源区发生里氏3.1级地震，震源深度10千米，"
            "震中位于北纬37.79度，东经112.52度。地震发生后，市应急管理局、市防震减灾中心立即启动地震灾害Ⅳ级响应。"
            "经现场勘查，未发现人员伤亡和房屋受损情况。\n");
}

TEST(WhitespaceRepair, QuotedSubheadlineBetweenParagraphsStaysApart) {
  // As wide as a paragraph's indented first line in this column, but one whole
  // quotation with no sentence in it.
  const std::string page =
      "大家感受着医护人员的忙碌\n与坚守。\n“等我回来并肩作战”\n“伙伴们，我没事了，要命\n的药物过敏总算是过去了，\n要不了多久，就又能和大家\n并肩作战了！”\n";
  EXPECT_EQ(despace(page),
            "大家感受着医护人员的忙碌与坚守。\n“等我回来并肩作战”\n"
            "“伙伴们，我没事了，要命的药物过敏总算是过去了，要不了多久，就又能和大家并肩作战了！”\n");
  // The same in the half-width quotes some pages use.
  EXPECT_EQ(despace("大家感受着医护人员的忙碌\n与坚守。\n\"等我回来并肩作战\"\n\"伙伴们,我没事了,要命\n的药物过敏总算是过去了,\n要不了多久,就又能和大家\n并肩作战了！\"\n"),
            "大家感受着医护人员的忙碌与坚守。\n\"等我回来并肩作战\"\n"
            "\"伙伴们,我没事了,要命的药物过敏总算是过去了,要不了多久,就又能和大家并肩作战了！\"\n");
  // A paragraph's first line that opens with a quotation goes on past it.
  EXPECT_EQ(despace("大家感受着医护人员的忙碌\n与坚守。\n“我们是第一批”他们总是\n这样说，还是大家一再提醒\n才肯稍作休息。\n"),
            "大家感受着医护人员的忙碌与坚守。\n“我们是第一批”他们总是这样说，还是大家一再提醒才肯稍作休息。\n");
}

TEST(WhitespaceRepair, DisplacedHeadlinesAndBylinesStayOnTheirOwnLines) {
  const std::string page =
      "为前来就诊的患者提供最温暖的服务，全力护佑着人民群众的\n"
      "身体健康和生命安全。\n"
      "交城：收心返岗干劲足 提振精神开新局\n"
      "□ 文/安豪 图/范英哲\n"
      "坚守岗位保供水\n"
      "春节服务“不打烊”\n";
  EXPECT_EQ(despace(page),
            "为前来就诊的患者提供最温暖的服务，全力护佑着人民群众的身体健康和生命安全。\n"
            "交城：收心返岗干劲足 提振精神开新局\n"
            "□ 文/安豪 图/范英哲\n"
            "坚守岗位保供水\n"
            "春节服务“不打烊”\n");
}

TEST(WhitespaceRepair, ShortHeadlineBeforeParagraphLinesIsNotJoined) {
  EXPECT_EQ(despace("“大夫，我请你喝止咳药”\n“大夫，我请你喝止咳药，这个药效果挺好！”作为接诊医生，他一次次听到患者这样的话语，心里暖暖的，也更坚定了信念。\n"),
            "“大夫，我请你喝止咳药”\n“大夫，我请你喝止咳药，这个药效果挺好！”作为接诊医生，他一次次听到患者这样的话语，心里暖暖的，也更坚定了信念。\n");
}

TEST(WhitespaceRepair, HeadlineAboveItsBodyIsNotJoined) {
  const std::string page =
      "就贯彻落实好省“两会”精神，会议强调十点意\n见，要认真抓好学习，做好各项工作。\n"
      "坚守岗位保供水\n春节服务“不打烊”\n"
      "万家灯火的春节期间，有这样\n一群人，他们舍小家为大家，以高\n度的责任感默默坚守。\n"
      "太原全力保障“国考”笔试顺利进行\n中央机关及其直属机构考试录用\n公务员笔试举行，省人社厅副厅长\n";
  EXPECT_EQ(despace(page),
            "就贯彻落实好省“两会”精神，会议强调十点意见，要认真抓好学习，做好各项工作。\n"
            "坚守岗位保供水\n春节服务“不打烊”\n"
            "万家灯火的春节期间，有这样一群人，他们舍小家为大家，以高度的责任感默默坚守。\n"
            "太原全力保障“国考”笔试顺利进行\n中央机关及其直属机构考试录用公务员笔试举行，省人社厅副厅长\n");
}

TEST(WhitespaceRepair, ParagraphFirstLineWithDigitsIsNotAHeadline) {
  // The spaces around 2023 take room on the line: it is an indented first line.
  const std::string page =
      "的举措推进工作，以强烈的担当真抓实干，\n交出一份经济社会高质量发展的满意答卷。\n"
      "会议通报了 2023 年全县目标责任考\n核结果，并组织进行颁奖。刘旋、刘大鹏等\n"
      "领导为荣获 2023 年度目标责任考核先进\n单位进行了颁奖。\n";
  EXPECT_EQ(despace(page),
            "的举措推进工作，以强烈的担当真抓实干，交出一份经济社会高质量发展的满意答卷。\n"
            "会议通报了2023年全县目标责任考核结果，并组织进行颁奖。刘旋、刘大鹏等领导为荣获2023年度目标责任考核先进"
            "单位进行了颁奖。\n");
}

TEST(WhitespaceRepair, KeepLinesRepairsSpacesOnly) {
  EXPECT_EQ(despace("委常委会 （扩大） 会议召开，传达学\n\n习 省 十 四 届 人 大 精 神\n", true),
            "委常委会（扩大）会议召开，传达学\n习省十四届人大精神\n");
}

TEST(WhitespaceRepair, DropsBlankLinesAndEdgeSpaces) {
  EXPECT_EQ(despace("\n\n   \n  会议召开。  \n\n"), "会议召开。\n");
  EXPECT_EQ(despace(""), "");
  EXPECT_EQ(despace("   \n\t\n"), "");
}

TEST(WhitespaceRepair, IdeographicSpaceIsLayoutToo) {
  EXPECT_EQ(despace("\u3000\u3000会议\u3000召开，\u3000传达学习。\n"), "会议召开，传达学习。\n");
}

TEST(WhitespaceRepair, InvalidBytesPassThrough) {
  EXPECT_EQ(despace("会议\xff 召开\xe4\xbd。\n"), "会议\xff召开\xe4\xbd。\n");
}

// Fuzz crash despace_fuzz/crash-9f82c410…: a line join removed the break between
// "\xE5" and "\x88\x92", which then read as 划, so the next run of despace removed
// the space after it too. Invalid fragments on either side of a line join stay apart.
TEST(WhitespaceRepair, LineJoinNeverJoinsInvalidFragmentsIntoACharacter) {
  const std::string page = "谋\xE5\n\x88\x92 \xEF\x8C统筹，\n";
  const std::string once = despace(page);
  EXPECT_EQ(once, "谋\xE5 \x88\x92 \xEF\x8C统筹，\n");
  EXPECT_EQ(despace(once), once);
  auto non_whitespace = [](std::string text) {
    std::erase_if(text, [](char c) { return c == ' ' || c == '\n'; });
    return text;
  };
  EXPECT_EQ(non_whitespace(once), non_whitespace(page));
}

TEST(WhitespaceRepair, IsIdempotentOnItsOwnOutput) {
  const std::string page =
      "本报讯 1月 28日上午，交城县\n\n委常委会（扩大）会议召开，传达学\n\n习省十四届人大一次会议精神。\n\n"
      "会议还研究了其他事项。\n（安豪）\n坚守岗位保供水\n春节服务“不打烊”\n□ 文/范英哲 图/安豪\n";
  const std::string once = despace(page);
  EXPECT_EQ(despace(once), once);
}

}  // namespace
}  // namespace jianbao
