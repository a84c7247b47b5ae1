// Tests for reading what one paragraph is from its own text: one row per kind of
// line the corpus pages show, and the cues at the ends of long paragraphs.
#include "jianbao/paragraph_kind.hpp"

#include <gtest/gtest.h>

#include <string>

namespace jianbao {
namespace {

struct KindCase {
  const char* text;
  ParagraphKind kind;
};

class ParagraphKinds : public testing::TestWithParam<KindCase> {};

TEST_P(ParagraphKinds, Classified) {
  EXPECT_EQ(classify_paragraph(GetParam().text).kind, GetParam().kind) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    CorpusShapes, ParagraphKinds,
    testing::Values(
        KindCase{"本报讯 1月28日上午，交城县委常委会（扩大）会议召开。", ParagraphKind::body},
        KindCase{"会议还研究了其他事项。", ParagraphKind::body},
        KindCase{"“铃铃铃……”", ParagraphKind::body},
        KindCase{"“您好，这里是12345热线办，请问您有什么事情要咨询？……”", ParagraphKind::body},
        KindCase{"交城：收心返岗干劲足 提振精神开新局", ParagraphKind::headline},
        KindCase{"坚守“医”线 护航健康", ParagraphKind::headline},
        KindCase{"扎实做好民生保障——论深入贯彻落实市委经济工作会议精神⑥", ParagraphKind::headline},
        KindCase{"政务之要", ParagraphKind::headline},
        KindCase{"聚焦 安全生产", ParagraphKind::headline},
        KindCase{"“等我回来并肩作战”", ParagraphKind::headline},
        KindCase{"关于做好春节期间安全生产工作的通告", ParagraphKind::headline},
        KindCase{"□ 文/安豪 图/范英哲", ParagraphKind::byline},
        KindCase{"□ 文/图 安豪", ParagraphKind::byline},
        KindCase{"记者 魏薇 通讯员 王红 孟亮 文/摄", ParagraphKind::byline},
        KindCase{"（文/冀美丽 梁赟 图/申淼）", ParagraphKind::byline},
        KindCase{"太报评", ParagraphKind::byline},
        KindCase{"本报记者 张三", ParagraphKind::byline},
        KindCase{"王韵菲 摄", ParagraphKind::byline},
        KindCase{"（安豪）", ParagraphKind::name_signature},
        KindCase{"（王勇、兰杰）", ParagraphKind::name_signature},
        KindCase{"（冀美丽 郭倩楠）", ParagraphKind::name_signature},
        KindCase{"张倩倩", ParagraphKind::name_signature},
        KindCase{"□ 赵秋萍", ParagraphKind::byline},
        KindCase{"□ 春到西山", ParagraphKind::headline},
        KindCase{"读者 孙玉兰", ParagraphKind::name_signature},
        KindCase{"读者 来信", ParagraphKind::headline},
        KindCase{"读者来信", ParagraphKind::headline},
        KindCase{"老师现场实操演示，向顾客教授家庭收纳整理方法。 王韵菲 摄", ParagraphKind::photo_caption},
        KindCase{"1月9日，工人在检修线路（记者 李明 摄）", ParagraphKind::photo_caption},
        KindCase{"图为医护人员在为患者手术。", ParagraphKind::picture_note},
        KindCase{"2023年1月28日", ParagraphKind::notice_date},
        KindCase{"二〇二三年一月二十八日", ParagraphKind::notice_date},
        KindCase{"岚川县气象台11月20日16时发布", ParagraphKind::notice_date},
        KindCase{"新规将于11月20日正式发布实施", ParagraphKind::headline},
        KindCase{"本报编辑部", ParagraphKind::name_signature},
        KindCase{"本报发展新闻出版事业", ParagraphKind::headline},
        KindCase{"咨询电话：0358-6021234", ParagraphKind::body},
        KindCase{"投诉热线12345", ParagraphKind::headline},
        KindCase{"振", ParagraphKind::fragment},
        KindCase{"11/", ParagraphKind::fragment},
        KindCase{"丆", ParagraphKind::fragment}));

TEST(ParagraphTraits, DatelinesOpenNewsItems) {
  EXPECT_TRUE(classify_paragraph("本报讯 1月6日，满载钢铁的中欧班列鸣笛启程。").opens_with_dateline);
  EXPECT_TRUE(classify_paragraph("本报记者 李明 1月6日，中欧班列启程。").opens_with_dateline);
  EXPECT_TRUE(classify_paragraph("新华社太原1月5日电 记者从省政府获悉，……。").opens_with_dateline);
  EXPECT_TRUE(classify_paragraph("山西日报讯 记者从省发改委获悉。").opens_with_dateline);
  EXPECT_FALSE(classify_paragraph("1月28日是春节长假后上班的第一天。").opens_with_dateline);
  EXPECT_FALSE(classify_paragraph("据了解，本报讯息来源可靠。").opens_with_dateline);
}

TEST(ParagraphTraits, SentenceEndsAndInlineSignatures) {
  EXPECT_TRUE(classify_paragraph("会议还研究了其他事项。").ends_sentence);
  EXPECT_TRUE(classify_paragraph("“这是大家的信念。”").ends_sentence);
  EXPECT_FALSE(classify_paragraph("积极帮同事干活，主动加班为患者做透析，及时指导帮助来").ends_sentence);
  EXPECT_TRUE(classify_paragraph("为考生营造温馨舒适的考试环境。（尹哲）").ends_with_signature);
  EXPECT_TRUE(classify_paragraph("实施市场禁入措施。（王勇、兰杰）").ends_with_signature);
  EXPECT_TRUE(classify_paragraph("取得显著成效。（文/司瑞东 图/申淼）").ends_with_signature);
  EXPECT_FALSE(classify_paragraph("交城县委常委会（扩大）").ends_with_signature);
  EXPECT_FALSE(classify_paragraph("会议审议了两个文件（草案）").ends_with_signature);
}

TEST(ParagraphTraits, LongParagraphsAreReadAtTheirEnds) {
  std::string middle;
  for (int i = 0; i < 200; ++i) middle += "全县上下要收心收神、在岗尽职，";
  const ParagraphTraits traits = classify_paragraph("本报讯 " + middle + "确保平安。（安豪）");
  EXPECT_EQ(traits.kind, ParagraphKind::body);
  EXPECT_TRUE(traits.opens_with_dateline);
  EXPECT_TRUE(traits.ends_with_signature);
  EXPECT_EQ(classify_paragraph(middle + "方法。 王韵菲 摄").kind, ParagraphKind::photo_caption);
}

TEST(ParagraphTraits, HeadlineShapes) {
  EXPECT_TRUE(classify_paragraph("政务之要").section_like);
  EXPECT_TRUE(classify_paragraph("聚焦 安全生产").section_like);
  EXPECT_FALSE(classify_paragraph("太原全力保障“国考”笔试顺利进行").section_like);
  EXPECT_TRUE(classify_paragraph("“等我回来并肩作战”").crosshead_like);
  EXPECT_TRUE(classify_paragraph("一、扛牢政治责任").crosshead_like);
  EXPECT_TRUE(classify_paragraph("（二）优化营商环境").crosshead_like);
  EXPECT_FALSE(classify_paragraph("“证照分离”优化营商环境").crosshead_like);
  EXPECT_TRUE(classify_paragraph("——论深入贯彻落实市委经济工作会议精神").subtitle_like);
  EXPECT_TRUE(classify_paragraph("交城县人民政府").organization);
  EXPECT_TRUE(classify_paragraph("宁川县第一中学").organization);
  EXPECT_TRUE(classify_paragraph("智能手环测的血氧准不准？").question_like);
  EXPECT_EQ(classify_paragraph("智能手环测的血氧准不准？").kind, ParagraphKind::body);
  EXPECT_FALSE(classify_paragraph("问：今年的缴费标准是多少？").question_like);
  EXPECT_FALSE(classify_paragraph("好好的树，为啥要锯掉？").question_like);
  EXPECT_FALSE(classify_paragraph("“今年的月饼好吃吗？”").question_like);
  EXPECT_TRUE(classify_paragraph("编者按：食品安全关系千家万户。").editor_note);
  EXPECT_FALSE(classify_paragraph("编辑部收到读者来信。").editor_note);
  EXPECT_FALSE(classify_paragraph("春风化雨育桃李").organization);
}

TEST(ParagraphTraits, JumpLines) {
  EXPECT_EQ(classify_paragraph("（上接1版）全县上下要收心收神。").continued_from, 1);
  EXPECT_EQ(classify_paragraph("(上接第十二版)全县上下要收心收神。").continued_from, 12);
  EXPECT_EQ(classify_paragraph("全县上下要收心收神，确保（下转2版）").continued_on, 2);
  EXPECT_EQ(classify_paragraph("全县上下要收心收神，确保（下转二十版）").continued_on, 20);
  EXPECT_FALSE(classify_paragraph("上接天线，下接地气。").continued_from);
}

TEST(ParagraphTraits, InvalidBytesAndBlankLines) {
  EXPECT_EQ(classify_paragraph("").kind, ParagraphKind::body);
  EXPECT_EQ(classify_paragraph("   ").characters, 0u);
  EXPECT_EQ(classify_paragraph("\xff\xfe").kind, ParagraphKind::fragment);
  EXPECT_EQ(classify_paragraph("本报讯\xff 会议召开。").opens_with_dateline, true);
}

}  // namespace
}  // namespace jianbao
