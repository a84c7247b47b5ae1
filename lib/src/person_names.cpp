// Chinese personal names, as they sign articles. A name is recognized by its shape:
// two to four Han characters opening with one of the common surnames.
#include "jianbao/person_names.hpp"

#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <array>

#include "jianbao/char_class.hpp"

namespace jianbao {
namespace {

// The surnames that cover the great majority of people in mainland China (the Ministry
// of Public Security's yearly ranking lists about 200 for over 90%), plus those our
// newspapers' credits show. A rarer surname only costs a signature that is read as a
// short headline line; the article boundary it closes is usually found by other cues.
const icu::UnicodeSet& common_surnames() {
  static const icu::UnicodeSet* set = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto* s = new icu::UnicodeSet(icu::UnicodeString::fromUTF8(
        "[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
        "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
        "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
        "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄"
        "窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
        "查麻苑迟邝荀冀郜智燕降雒亢贠宿荆]"),
        status);
    s->freeze();
    return s;
  }();
  return *set;
}

constexpr std::array<std::string_view, 12> kCompoundSurnames = {
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "司徒"};

}  // namespace

bool looks_like_person_name(std::string_view name) {
  const std::uint16_t* table = bmp_flag_table();
  std::size_t han = 0;
  char32_t first = 0;
  for (std::size_t i = 0; i < name.size();) {
    const Utf8Char c = decode_utf8(name, i, table);
    if (!(c.flags & kHan)) return false;
    if (han == 0) first = c.cp;
    ++han;
    i += c.length;
  }
  if (han < 2 || han > 4) return false;
  for (std::string_view compound : kCompoundSurnames) {
    if (name.starts_with(compound)) return han >= 3;
  }
  return common_surnames().contains(static_cast<UChar32>(first));
}

bool looks_like_name_list(std::string_view names) {
  const std::uint16_t* table = bmp_flag_table();
  std::size_t count = 0;
  std::size_t start = 0;
  auto take = [&](std::size_t end) {
    if (end == start) return true;  // doubled separators
    ++count;
    return looks_like_person_name(names.substr(start, end - start));
  };
  for (std::size_t i = 0; i < names.size();) {
    const Utf8Char c = decode_utf8(names, i, table);
    const bool separator = (c.flags & kSpace) || c.cp == U'、' || c.cp == U'，' || c.cp == U',';
    if (separator) {
      if (!take(i)) return false;
      start = i + c.length;
    }
    i += c.length;
  }
  return take(names.size()) && count > 0;
}

}  // namespace jianbao
