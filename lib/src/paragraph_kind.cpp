// What one paragraph of despace's output is, read from its own text. Only the head and
// the tail of a long paragraph are decoded: whatever is long is running text, and its
// cues (datelines, jump lines, signatures, photo credits) sit at its ends.
#include "jianbao/paragraph_kind.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "jianbao/char_class.hpp"
#include "jianbao/person_names.hpp"

namespace jianbao {
namespace {

using Text = std::u32string_view;

// Paragraphs longer than kHeadLength code points are running text; only their first
// kHeadLength and last kTailLength code points are read (a dateline, a signature in
// brackets or a photo credit fits in them).
constexpr std::size_t kHeadLength = 64;
constexpr std::size_t kTailLength = 32;
// The longest headline or credit line we recognize, in code points.
constexpr std::size_t kLongestHeadline = 50;
constexpr std::size_t kLongestCommaHeadline = 16;
// The longest question read as a headline (智能手环测的血氧准不准？).
constexpr std::size_t kLongestQuestion = 24;

struct Decoded {
  std::u32string head;  // the first code points (all of a short paragraph)
  std::u32string tail;  // the last code points
  std::size_t characters = 0;  // non-whitespace code points of the head
  bool whole = true;           // head holds the whole paragraph
};

bool is_space(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == U'\u3000' || char_flags(cp) & kSpace; }

Text trim(Text s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Decodes the paragraph's head and tail; invalid bytes become U+FFFD, which no cue matches.
// The code points are stored into strings sized up front: a push_back per character
// checked the capacity each time.
void decode(std::string_view paragraph, Decoded& out) {
  const std::uint16_t* table = bmp_flag_table();
  auto code_point = [](const Utf8Char& c) { return (c.flags & kInvalid) ? U'\uFFFD' : c.cp; };
  out.head.resize(kHeadLength);
  std::size_t length = 0, characters = 0, i = 0;
  for (; i < paragraph.size() && length < kHeadLength;) {
    const Utf8Char c = decode_utf8(paragraph, i, table);
    out.head[length++] = code_point(c);
    characters += !(c.flags & kSpace);
    i += c.length;
  }
  out.head.resize(length);
  out.characters = characters;
  out.whole = i >= paragraph.size();
  if (out.whole) {
    out.tail = out.head;
    return;
  }
  // A long paragraph: keep its last code points; the middle is not read.
  std::size_t tail_start = paragraph.size();
  for (std::size_t n = 0; tail_start > i && n < kTailLength;) {
    --tail_start;
    if ((static_cast<unsigned char>(paragraph[tail_start]) & 0xC0) != 0x80) ++n;
  }
  // Stray continuation bytes, not counted above, decode as characters of their own:
  // room for one per byte.
  out.tail.resize(paragraph.size() - tail_start);
  length = 0;
  for (i = tail_start; i < paragraph.size();) {
    const Utf8Char c = decode_utf8(paragraph, i, table);
    out.tail[length++] = code_point(c);
    i += c.length;
  }
  out.tail.resize(length);
}

bool starts_with_any(Text s, std::initializer_list<Text> prefixes) {
  for (Text p : prefixes) {
    if (s.starts_with(p)) return true;
  }
  return false;
}

bool is_han(char32_t cp) { return char_flags(cp) & kHan; }

std::string to_utf8(Text s) {
  std::string out;
  for (char32_t cp : s) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

bool is_name_list(Text s) { return !s.empty() && s.size() <= 24 && looks_like_name_list(to_utf8(s)); }

// Leading marks that open a credit line: □ 文/安豪.
Text drop_marks(Text s) {
  while (!s.empty() && (s.front() == U'□' || s.front() == U'■' || s.front() == U'●' || s.front() == U'◆' ||
                        s.front() == U'▲' || s.front() == U'★' || is_space(s.front())))
    s.remove_prefix(1);
  return s;
}

// The inside of a bracketed whole: （安豪） → 安豪; anything else unchanged.
Text unbracket(Text s) {
  if (s.size() >= 2 && (s.front() == U'（' || s.front() == U'(') && (s.back() == U'）' || s.back() == U')'))
    return trim(s.substr(1, s.size() - 2));
  return s;
}

// Decimal value of a page number in a jump line, read from s's start up to 版:
// 2版, 第２版, 二版, 十二版, 二十版.
std::optional<int> page_number(Text s) {
  if (s.starts_with(U"第")) s.remove_prefix(1);
  std::size_t used = 0;
  int value = 0;
  for (; used < s.size() && used < 3; ++used) {
    const char32_t cp = s[used];
    if (cp >= U'0' && cp <= U'9') {
      value = value * 10 + static_cast<int>(cp - U'0');
    } else if (cp >= U'０' && cp <= U'９') {
      value = value * 10 + static_cast<int>(cp - U'０');
    } else {
      break;
    }
  }
  if (used == 0) {
    static constexpr Text kNumerals = U"〇一二三四五六七八九";
    int tens = 0, units = 0;
    bool ten_seen = false;
    for (; used < s.size() && used < 4; ++used) {
      const char32_t cp = s[used];
      if (cp == U'十' && !ten_seen) {
        ten_seen = true;
        tens = units == 0 ? 1 : units;
        units = 0;
        continue;
      }
      const std::size_t digit = kNumerals.find(cp);
      if (digit == Text::npos) break;
      units = static_cast<int>(digit);
    }
    value = tens * 10 + units;
  }
  if (used == 0 || used >= s.size() || s[used] != U'版' || value == 0) return std::nullopt;
  return value;
}

// Role words of a credit, longest first so 本报记者 is not read as 记者.
constexpr std::array<Text, 26> kCreditWords = {
    U"本报记者", U"本报通讯员", U"见习记者", U"特约记者", U"实习记者", U"融媒记者", U"责任编辑", U"特约通讯员",
    U"通讯员",   U"实习生",     U"记者",     U"编辑",     U"摄影",     U"撰文",     U"供图",     U"整理",
    U"文/图",    U"文/摄",      U"图/文",    U"文／图",   U"文/",      U"图/",      U"文／",     U"图／",
    U"文图",     U"摄"};

// A credit: role words and the names they introduce, nothing else.
bool is_credit(Text line) {
  Text s = unbracket(drop_marks(line));
  if (s.empty() || s.size() > 40) return false;
  if ((s.ends_with(U"报评") || s.ends_with(U"评论员")) && s.size() <= 10) return true;
  std::size_t cues = 0, names = 0;
  // How many Han characters stand since the last cue or separator: a name has 2-4.
  std::size_t token = 0;
  auto flush = [&]() {
    if (token == 0) return true;
    const bool name = token >= 2 && token <= 4;
    token = 0;
    names += name;
    return name;
  };
  for (std::size_t i = 0; i < s.size();) {
    bool matched = false;
    for (Text word : kCreditWords) {
      // The first characters rule out nearly every word without a compare call.
      if (word[0] == s[i] && s.substr(i).starts_with(word)) {
        if (!flush()) return false;
        ++cues;
        i += word.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const char32_t cp = s[i];
    if (is_space(cp) || cp == U'、' || cp == U'，' || cp == U',' || cp == U'：' || cp == U':' || cp == U'/') {
      if (!flush()) return false;
    } else if (is_han(cp)) {
      ++token;
    } else {
      return false;
    }
    ++i;
  }
  return flush() && cues > 0 && names > 0;
}

// 读者 孙玉兰: the writer of a reader's letter signs it.
bool is_reader_signature(Text s) {
  if (!s.starts_with(U"读者")) return false;
  const Text name = trim(s.substr(2));
  return name.size() < s.size() - 2 && is_name_list(name);
}

// Where the bracket closing `s` opens, if `s` ends in a bracketed group.
std::optional<std::size_t> final_bracket(Text s) {
  if (s.empty() || (s.back() != U'）' && s.back() != U')')) return std::nullopt;
  const std::size_t open = s.find_last_of(U"（(");
  if (open == Text::npos) return std::nullopt;
  return open;
}

// ……环境。（尹哲） or ……。（文/司瑞东 图/申淼）: the author closes the paragraph.
bool ends_with_signature(Text tail) {
  const auto open = final_bracket(tail);
  if (!open || *open == 0) return false;
  const Text inside = trim(tail.substr(*open + 1, tail.size() - *open - 2));
  const char32_t before = tail[*open - 1];
  const bool after_sentence = (char_flags(before) & (kSentenceEnd | kCloser)) || is_space(before);
  return after_sentence && (is_name_list(inside) || is_credit(inside));
}

// ……方法。 王韵菲 摄, ……（新华社记者 张三 摄）: a caption ending in its photographer.
bool ends_with_photo_credit(Text tail) {
  Text s = tail;
  if (const auto open = final_bracket(s)) {
    const Text inside = trim(s.substr(*open + 1, s.size() - *open - 2));
    return (inside.ends_with(U"摄") || inside.starts_with(U"摄影")) && is_credit(inside);
  }
  if (!s.ends_with(U"摄")) return false;
  s = trim(s.substr(0, s.size() - 1));
  // The run of Han words before 摄; the credit is its last words when they are names
  // set apart by spaces or 、 (拍摄 or 航拍摄 end a sentence, not credit anyone).
  std::size_t run = s.size();
  while (run > 0 && (is_han(s[run - 1]) || is_space(s[run - 1]) || s[run - 1] == U'、')) --run;
  const Text words = s.substr(run);
  for (std::size_t start = 0; start < words.size(); ++start) {
    const bool word_start = start == 0 || is_space(words[start - 1]) || words[start - 1] == U'、';
    if (word_start && is_name_list(trim(words.substr(start)))) return true;
  }
  return false;
}

bool is_date_numeral(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || (cp >= U'０' && cp <= U'９') || Text(U"〇零一二三四五六七八九十").find(cp) != Text::npos;
}

// 2023年1月28日 alone on its line.
bool is_notice_date(Text s) {
  std::size_t i = 0;
  auto numeral_run = [&](std::size_t shortest, std::size_t longest, char32_t unit) {
    const std::size_t start = i;
    while (i < s.size() && (is_date_numeral(s[i]) || is_space(s[i]))) ++i;
    const std::size_t length = i - start;
    if (length < shortest || length > longest || i >= s.size() || s[i] != unit) return false;
    ++i;
    while (i < s.size() && is_space(s[i])) ++i;
    return true;
  };
  return numeral_run(2, 4, U'年') && numeral_run(1, 3, U'月') && numeral_run(1, 3, U'日') && i == s.size();
}

// 岚川县气象台11月20日16时发布: who issued a bulletin, and when, under its text.
bool is_issue_line(Text s) {
  if (s.size() > 30 || !s.ends_with(U"发布")) return false;
  const std::size_t month = s.find(U'月');
  return month != Text::npos && month > 0 && is_date_numeral(s[month - 1]) && s.find(U'日', month) != Text::npos &&
         s.find_first_of(U"。，；！？") == Text::npos;
}

// 0358-6021234, 12345678901: a telephone number, seven digits or more in one run
// (a headline's figures are shorter: 46.8亿元, 2024年).
bool has_phone_number(Text s) {
  std::size_t digits = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t cp = s[i];
    if (cp >= U'0' && cp <= U'9') {
      if (++digits >= 7) return true;
    } else if (!(cp == U'-' && digits > 0 && i + 1 < s.size() && s[i + 1] >= U'0' && s[i + 1] <= U'9')) {
      digits = 0;
    }
  }
  return false;
}

bool opens_with_dateline(Text head) {
  Text s = drop_marks(head);
  if (!s.empty() && (s.front() == U'（' || s.front() == U'(' || s.front() == U'【')) s.remove_prefix(1);
  if (starts_with_any(s, {U"本报讯", U"本报记者", U"本报通讯员", U"本报综合", U"本报电", U"本报特约", U"新华社",
                          U"据新华社", U"中新社", U"中新网", U"人民网", U"央视网", U"央广网"}))
    return true;
  // 山西日报讯: a paper's name, then 报讯.
  const std::size_t xun = s.substr(0, 10).find(U"报讯");
  if (xun != Text::npos && std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(xun), is_han)) return true;
  // 新华社太原1月5日电: a wire dateline names a day, then 电.
  const Text wire = s.substr(0, 24);
  const std::size_t dian = wire.find(U"日电");
  return dian != Text::npos && wire.substr(0, dian).find(U'月') != Text::npos;
}

// Suffixes of the bodies that sign notices.
bool names_organization(Text s) {
  for (Text suffix : {U"政府", U"委员会", U"办公室", U"中心", U"公司", U"协会", U"联合会", U"党委", U"党组",
                      U"指挥部", U"领导小组", U"管委会", U"办事处", U"法院", U"检察院", U"医院", U"学校", U"大学",
                      U"中学", U"小学", U"学院", U"幼儿园", U"银行", U"集团", U"局", U"厅", U"委", U"办", U"站", U"所", U"队", U"社", U"部", U"处"}) {
    if (s.ends_with(suffix)) return true;
  }
  return false;
}

bool is_headline(Text s, std::size_t characters) {
  if (characters < 2 || characters > kLongestHeadline || has_phone_number(s)) return false;
  std::size_t han = 0, commas = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t cp = s[i];
    const std::uint16_t flags = char_flags(cp);
    han += (flags & kHan) != 0;
    if (cp == U'。' || cp == U'？' || cp == U'?' || cp == U'；' || cp == U';' || cp == U'…') return false;
    if ((cp == U'！' || cp == U'!') && i + 1 != s.size()) return false;
    if (cp == U'，' || cp == U',') ++commas;
  }
  // A comma in a headline is rare and short (春节，我们在岗); a longer line with one is
  // running text cut off at a column's end.
  if (han < 2 || commas > 1 || (commas > 0 && characters > kLongestCommaHeadline)) return false;
  const char32_t last = s.back();
  return Text(U"，、：；:;,（(“‘《—-").find(last) == Text::npos;
}

bool is_fully_quoted(Text s) {
  if (s.size() < 3 || (s.front() != U'“' && s.front() != U'"') || (s.back() != U'”' && s.back() != U'"')) return false;
  return s.substr(1, s.size() - 2).find_first_of(U"”\"") == Text::npos;
}

bool is_numbered(Text s) {
  static constexpr Text kNumerals = U"一二三四五六七八九十";
  if (s.size() >= 2 && kNumerals.find(s[0]) != Text::npos && s[1] == U'、') return true;
  if (s.size() >= 3 && (s[0] == U'（' || s[0] == U'(') && kNumerals.find(s[1]) != Text::npos &&
      (s[2] == U'）' || s[2] == U')'))
    return true;
  return s.size() >= 2 && ((s[0] >= U'1' && s[0] <= U'9') || (s[0] >= U'１' && s[0] <= U'９')) &&
         (s[1] == U'、' || s[1] == U'．' || s[1] == U'.');
}

bool has_punctuation(Text s) {
  for (char32_t cp : s) {
    if (char_flags(cp) & (kCjkPunct | kAsciiPunct)) return true;
  }
  return false;
}

bool has_inner_space(Text s) {
  for (char32_t cp : s) {
    if (is_space(cp)) return true;
  }
  return false;
}

}  // namespace

ParagraphTraits classify_paragraph(std::string_view paragraph) {
  thread_local Decoded decoded;
  decode(paragraph, decoded);
  const Text head = trim(decoded.head);
  const Text tail = trim(decoded.tail);
  ParagraphTraits traits;
  traits.characters = decoded.characters;
  if (head.empty()) return traits;

  traits.opens_with_dateline = opens_with_dateline(head);
  traits.ends_sentence = (char_flags(tail.back()) & (kSentenceEnd | kCloser)) != 0;
  traits.ends_with_signature = ends_with_signature(tail);
  traits.editor_note = starts_with_any(head, {U"编者按", U"编后"});
  {
    Text opening = head;
    if (!opening.empty() && (opening.front() == U'（' || opening.front() == U'(')) opening.remove_prefix(1);
    if (opening.starts_with(U"上接")) traits.continued_from = page_number(opening.substr(2));
    const std::size_t jump = tail.rfind(U"转");
    if (jump != Text::npos && tail.size() - jump <= 8) traits.continued_on = page_number(tail.substr(jump + 1));
  }

  const Text whole = decoded.whole ? head : Text();
  if (decoded.whole && is_credit(whole)) {
    traits.kind = ParagraphKind::byline;
  } else if (decoded.whole && drop_marks(whole).size() < whole.size() && is_name_list(drop_marks(whole))) {
    // □ 赵秋萍: the author of an essay or a poem, marked as a credit is.
    traits.kind = ParagraphKind::byline;
  } else if (decoded.whole && ((is_name_list(unbracket(whole)) && traits.characters <= 16) || is_reader_signature(whole))) {
    traits.kind = ParagraphKind::name_signature;
  } else if (starts_with_any(head, {U"图为", U"上图", U"下图", U"左图", U"右图", U"图①", U"图1", U"▲", U"图片："})) {
    traits.kind = ParagraphKind::picture_note;
  } else if (ends_with_photo_credit(tail)) {
    traits.kind = ParagraphKind::photo_caption;
  } else if (decoded.whole && whole.starts_with(U"本报") && traits.characters <= 8 && names_organization(whole)) {
    // 本报编辑部 under a correction or a notice of the paper: who signs it.
    traits.kind = ParagraphKind::name_signature;
  } else if (decoded.whole && (is_notice_date(whole) || is_issue_line(whole))) {
    traits.kind = ParagraphKind::notice_date;
  } else if (decoded.whole && !traits.opens_with_dateline && is_headline(whole, traits.characters)) {
    traits.kind = ParagraphKind::headline;
    traits.section_like = !has_punctuation(whole) &&
                          (traits.characters <= 6 || (traits.characters <= 8 && has_inner_space(whole)));
    traits.crosshead_like = is_fully_quoted(whole) || is_numbered(whole);
    traits.subtitle_like = starts_with_any(whole, {U"——", U"—", U"－－", U"--"});
    traits.organization = names_organization(whole);
  } else if (decoded.whole && (whole.back() == U'？' || whole.back() == U'?') && traits.characters <= kLongestQuestion &&
             is_headline(whole.substr(0, whole.size() - 1), traits.characters - 1) &&
             whole.find_first_of(U"，,：:“”\"") == Text::npos) {
    // Body unless a Q&A follows it: then split-articles reads it as the Q&A's headline.
    traits.question_like = true;
  } else if (traits.characters <= 3) {
    std::size_t han = 0;
    for (char32_t cp : whole) han += is_han(cp);
    if (han <= 1) traits.kind = ParagraphKind::fragment;
  }
  return traits;
}

}  // namespace jianbao
