// The shape of a page's lines: runs, widths, column estimate and roles. Every decision
// here is read off the page itself (line lengths, punctuation, cue words), so the
// same page gives the same shapes however it was read.
#include "jianbao/line_shape.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "jianbao/ideograph_stretch.hpp"
#include "jianbao/person_names.hpp"
#include "jianbao/text_block.hpp"

namespace jianbao {
namespace {

// Newspaper columns hold 9-30 characters, at most 60 display columns; a line of a
// column may hang a punctuation mark past its edge and take a column for each gap
// around digits and Latin. A line wider than this many display columns is a whole
// paragraph that extraction (or an earlier join) left on one line.
constexpr int kMaxColumnWidth = 68;
// A line narrower than the narrowest column (9 characters) tells nothing of the
// column's width, even when it runs on: a stray clause, a credit, a short paragraph.
constexpr int kMinColumnWidth = 18;
// A headline, label or byline is never longer than this many characters.
constexpr int kMaxLabelChars = 40;
// How many lines either side inform a line's column estimate.
constexpr std::size_t kColumnWindow = 4;
// A bracketed signature after a sentence end, （文/司瑞东 图/申淼）, spans at most this
// many bytes from its opening bracket to its closing one.
constexpr std::size_t kMaxSignatureBytes = 60;

// Written with memcmp on the pattern's length, a constant once inlined, so the compiler
// compares the few bytes directly instead of calling the library.
inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}
inline bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && std::memcmp(s.data() + s.size() - suffix.size(), suffix.data(), suffix.size()) == 0;
}
template <std::size_t N>
bool starts_with_any(std::string_view s, const std::array<std::string_view, N>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return starts_with(s, p); });
}

// Words that open a news item's first paragraph.
constexpr std::array<std::string_view, 4> kItemOpeners = {"本报讯", "本报记者", "本报通讯员", "新华社"};

// The characters that may open a set of words, asked in two steps: one bit test on
// the code point's low six bits rules out most characters (about three in four Han)
// with no branch to mispredict, and only the rest are looked for among them.
class FirstCharacters {
 public:
  constexpr explicit FirstCharacters(std::u32string_view cps) : cps_(cps) {
    for (const char32_t cp : cps) low_bits_ |= std::uint64_t{1} << (cp & 63);
  }
  constexpr bool contains(char32_t cp) const {
    return ((low_bits_ >> (cp & 63)) & 1) && cps_.find(cp) != std::u32string_view::npos;
  }

 private:
  std::u32string_view cps_;
  std::uint64_t low_bits_ = 0;
};

// Words that open a photo's note, which is a paragraph of its own.
constexpr std::array<std::string_view, 6> kPictureNoteOpeners = {"图为", "上图", "下图", "左图", "右图", "▲"};
constexpr FirstCharacters kPictureNoteFirsts(U"图上下左右▲");

// Whether the run opens a photo's note; the first character rules most runs out.
bool opens_picture_note(const Run& r) {
  return kPictureNoteFirsts.contains(r.first.cp) && starts_with_any(r.text, kPictureNoteOpeners);
}

// What opens a byline or credit line: a box mark, a reporter's role (which stands
// alone before the names) or a text or picture credit.
constexpr std::array<std::string_view, 3> kBylineMarks = {"□", "■", "◎"};
constexpr std::array<std::string_view, 8> kBylineRoles = {"记者", "本报记者", "通讯员", "见习记者",
                                                         "特约记者", "实习生", "摄影", "摄影记者"};
// The roles a credit in brackets may name, closing a paragraph or a reader's letter.
constexpr std::array<std::string_view, 9> kCreditRoles = {"记者",     "本报记者", "通讯员", "见习记者", "特约记者",
                                                         "实习生",   "摄影",     "摄影记者", "读者"};
constexpr std::array<std::string_view, 4> kCreditOpeners = {"文/", "图/", "文／", "图／"};
// Credits a commentary head carries before its body: 太报评, 本报评论员.
constexpr std::array<std::string_view, 3> kCommentaryCredits = {"报评", "评论员", "时评"};
static_assert(std::all_of(kCommentaryCredits.begin(), kCommentaryCredits.end(),
                          [](std::string_view s) { return s.ends_with("评") || s.ends_with("员"); }),
              "LineBuilder::end_run looks for a credit only in runs ending in kCreditEnd");

constexpr FirstCharacters kBylineFirsts(U"□■◎记本通见特文图摄实");

// Whether the run starts with a byline opener, for a run whose first character may
// open one.
bool starts_with_byline_opener(const Run& r) {
  return starts_with_any(r.text, kBylineMarks) || starts_with_any(r.text, kBylineRoles) ||
         starts_with_any(r.text, kCreditOpeners);
}

// Whether the run starts with a byline opener. The first character rules most runs
// out before any string compare, inline: every line's first run is asked, and a call
// made the line loops save and reload their locals.
[[gnu::always_inline]] inline bool opens_byline(const Run& r) {
  return kBylineFirsts.contains(r.first.cp) && starts_with_byline_opener(r);
}

// Whether the line opens a news item: 本报讯, 新华社……; letter-spaced, only 本 报 讯
// (据 / 新 华 社 报 道 and 本 报 记 者 了 解 go on in a sentence).
bool opens_news_item(const std::vector<Run>& runs, const LineShape& line) {
  const Run& first = runs[line.first_run];
  if (first.first.cp != U'本' && first.first.cp != U'新') return false;
  if (starts_news_item(first)) return true;
  constexpr std::string_view kLetterSpaced[] = {"本", "报", "讯"};
  if (line.end_run - line.first_run < std::size(kLetterSpaced)) return false;
  for (std::size_t k = 0; k < std::size(kLetterSpaced); ++k)
    if (runs[line.first_run + k].text != kLetterSpaced[k]) return false;
  return true;
}

bool is_han_only(const Run& r) {
  for (std::size_t i = 0; i < r.text.size();) {
    const Utf8Char c = decode_utf8(r.text, i);
    if (!(c.flags & kHan)) return false;
    i += c.length;
  }
  return true;
}

// Whether a line that opens with an item's opener only goes on with the sentence
// of the line before, which ends in a comma: ……近日， / 本报记者跟随……, ……， / 新华社
// 记者……. Not 本报讯, which never stands in a sentence (a column cut mid-sentence
// before a new item: ……表示， / 本报讯……).
bool goes_on_in_its_sentence(const std::vector<Run>& runs, const LineShape& line) {
  if (line.first_run == 0) return false;
  const char32_t before = runs[line.first_run - 1].last.cp;
  if (before != U'，' && before != U'、' && before != ',') return false;
  return !starts_with(runs[line.first_run].text, "本报讯") && runs[line.first_run].text != "本";
}

// The numerals that number items (一、 十二、 （三）).
bool is_item_numeral(char32_t cp) {
  switch (cp) {
    case U'一': case U'二': case U'三': case U'四': case U'五':
    case U'六': case U'七': case U'八': case U'九': case U'十':
      return true;
    default:
      return false;
  }
}

// Whether a day's entry starts at byte i of t, after its number and the 日 or 月
// that follows it: 22日：, 3月5日： (a forecast's or a schedule's days). Not 3月5日，
// or 22日上午: a date in the run of the text.
bool opens_dated_entry(std::string_view t, std::size_t i, char32_t unit) {
  if (unit == U'月') {
    std::size_t digits = 0;
    while (i + digits < t.size() && digits < 3 && t[i + digits] >= '0' && t[i + digits] <= '9') ++digits;
    if (digits == 0 || digits > 2 || !starts_with(t.substr(i + digits), "日")) return false;
    i += digits + std::string_view("日").size();
  }
  return starts_with(t.substr(i), "：") || starts_with(t.substr(i), ":");
}

// Whether the run opens a list's item or a reply: 一、 (but not 一、二产业 or
// 一、二、三), （二）, (3), 4. or 4、 (but not 4.5), a day's entry (22日：), a bullet
// (● ◆ ★) or a circled number (①), 答：, 问：. Asked of the runs whose first
// character may (kListOpener). Not 4．: the full-width point ends sentences.
bool opens_list_item(const Run& r, const std::uint16_t* table) {
  if (r.first.cp == U'答' || r.first.cp == U'问') return starts_with(r.text, "答：") || starts_with(r.text, "问：");
  // A bullet or a circled number marks an item whatever follows it.
  if ((r.first.cp >= U'①' && r.first.cp <= U'⑳') || r.first.cp == U'●' || r.first.cp == U'◆' ||
      r.first.cp == U'◇' || r.first.cp == U'★' || r.first.cp == U'☆')
    return true;
  // The number, at most two digits or two numerals (十二): (2024) is a year, （十三五）
  // a plan. Then its mark, and a character that does not go on with the number.
  std::size_t i = 0;
  const bool bracketed = r.first.cp == U'（' || r.first.cp == U'(';
  if (bracketed) i += r.first.length;
  bool chinese = false;
  int count = 0;
  Utf8Char c{};
  while (i < r.text.size()) {
    c = decode_utf8(r.text, i, table);
    const bool digit = c.cp >= '0' && c.cp <= '9' && !chinese;
    const bool numeral = is_item_numeral(c.cp) && (chinese || count == 0);
    if (!digit && !numeral) break;
    chinese = numeral;
    i += c.length;
    if (++count > 2) return false;
  }
  if (count == 0 || i >= r.text.size()) return false;
  const Utf8Char mark = c;
  if (!bracketed && !chinese && (mark.cp == U'日' || mark.cp == U'月')) return opens_dated_entry(r.text, i + mark.length, mark.cp);
  if (bracketed) {
    if (mark.cp != U'）' && mark.cp != U')') return false;
  } else if (chinese) {
    if (mark.cp != U'、') return false;
  } else if (mark.cp != U'、' && mark.cp != '.') {
    return false;
  }
  i += mark.length;
  if (i >= r.text.size()) return true;  // the marker alone, its item on the next line
  const Utf8Char next = decode_utf8(r.text, i, table);
  // 一、二产业, 4.5亿: the number goes on.
  return !is_item_numeral(next.cp) && !(next.flags & kDigit);
}

// Whether the line's text ends in ： or ；, or in their half-width forms after
// Chinese text (a time's 10: is no clause mark).
[[gnu::always_inline]] inline bool ends_in_clause_mark(const Run& last, const std::uint16_t* table) {
  if (!(last.last.flags & kClausePunct)) return false;
  const char32_t cp = last.last.cp;
  if (cp == U'：' || cp == U'；') return true;
  if ((cp != ':' && cp != ';') || last.chars < 2) return false;
  return is_cjk(decode_utf8_before(last.text, last.text.size() - 1, table).flags);
}

// Where the last opening bracket before byte `end` of t starts, among the last
// kMaxSignatureBytes bytes (a signature is short; a run can be a whole paragraph).
std::size_t last_opener(std::string_view t, std::size_t end) {
  const std::size_t window = end > kMaxSignatureBytes ? end - kMaxSignatureBytes : 0;
  const std::string_view near = t.substr(window, end - window);
  const std::size_t full = near.rfind("（");
  const std::size_t ascii = near.rfind('(');
  std::size_t open = full;
  if (ascii != std::string_view::npos && (open == std::string_view::npos || ascii > open)) open = ascii;
  return open == std::string_view::npos ? open : window + open;
}

// Whether the run ends in a name of 2-4 Han characters that stands alone or follows
// a sentence end: 王韵菲, ……方法。王韵菲.
bool ends_in_name(std::string_view t, const std::uint16_t* table) {
  std::size_t i = t.size();
  int han = 0;
  while (i > 0 && han <= 4) {
    const Utf8Char c = decode_utf8_before(t, i, table);
    if (!(c.flags & kHan)) return han >= 2 && han <= 4 && (c.flags & kSentenceEnd);
    ++han;
    i -= c.length;
  }
  return han >= 2 && han <= 4;
}

// A photo credit closes its caption, which is one paragraph: ……整理方法。 王韵菲 摄.
// Not on a letter-spaced line, where 摄 may stand alone as any character does.
bool closes_with_photo_credit(const std::vector<Run>& runs, const LineShape& line, const std::uint16_t* table) {
  if (line.justified || line.end_run - line.first_run < 2) return false;
  return is_credit_mark(runs[line.end_run - 1]) && ends_in_name(runs[line.end_run - 2].text, table);
}

enum class SentenceEnd { None, Mark, Signature };

// How the line's text ends a sentence: with 。！？… possibly followed by closing
// quotes (Mark), or with a short parenthesised signature or credit right after a
// sentence end (Signature: ……环境。（尹哲）, ……问题。（记者 孙鹏）).
SentenceEnd ends_sentence(const std::vector<Run>& runs, const LineShape& line, const std::uint16_t* table) {
  constexpr SentenceEnd kNone = SentenceEnd::None, kMark = SentenceEnd::Mark, kSignature = SentenceEnd::Signature;
  if (closes_with_photo_credit(runs, line, table)) return kMark;
  const Run& last = runs[line.end_run - 1];
  std::string_view t = last.text;
  // Walk back over closers. The last character is the run's, read when it was
  // scanned: most lines are told by it alone, without reading their text again.
  std::size_t i = t.size();
  int closers = 0;
  while (i > 0) {
    const Utf8Char c = i == t.size() ? last.last : decode_utf8_before(t, i, table);
    const std::size_t j = i - c.length;
    if (c.flags & kSentenceEnd) return kMark;
    if (!(c.flags & kCloser) || ++closers > 2) break;
    if (c.cp == U'）' || c.cp == U')') {
      // A signature in brackets closes the paragraph when a sentence ends before it.
      // Only an opener within kMaxSignatureBytes counts, so only those bytes are
      // searched: a run can be a whole paragraph.
      const std::size_t open = last_opener(t, j);
      if (open != std::string_view::npos)
        return open > 0 && (decode_utf8_before(t, open, table).flags & kSentenceEnd) ? kSignature : kNone;
      // Or it opens in an earlier run: a credit spaced by roles and names (……问题。
      // （记者 孙鹏 通讯员 李红）), which a narrow column may wrap (……精金粉。（马向 /
      // 敏、郭雅静）, ……车位。（李娜 张 / 鹏）: the bracket opens on a line before).
      // Within kMaxSignatureBytes of the closing bracket, and none closing between.
      std::size_t bytes = j;
      for (std::size_t k = line.end_run - 1; k > 0 && bytes <= kMaxSignatureBytes;) {
        const std::string_view before = runs[--k].text;
        const std::size_t opened = last_opener(before, before.size());
        const std::size_t from = opened == std::string_view::npos ? 0 : opened;
        if (before.find("）", from) != std::string_view::npos || before.find(')', from) != std::string_view::npos)
          return kNone;
        if (opened != std::string_view::npos)
          return opened > 0 && bytes + (before.size() - opened) <= kMaxSignatureBytes &&
                         (decode_utf8_before(before, opened, table).flags & kSentenceEnd)
                     ? kSignature
                     : kNone;
        bytes += before.size();
      }
      return kNone;
    }
    i = j;
  }
  return kNone;
}

// Inlined, as is_bracketed_signature: every line of the page is asked, and the
// headline test asks again, which left to itself the compiler makes a call each.
[[gnu::always_inline]] inline bool is_byline(const std::vector<Run>& runs, const LineShape& line) {
  if (line.chars > kMaxLabelChars) return false;
  const Run& first = runs[line.first_run];
  const Run& last = runs[line.end_run - 1];
  const bool credit_form =
      (opens_byline(first) && (line.end_run - line.first_run >= 2 || first.chars <= 12)) ||
      ((first.first.cp == U'（' || first.first.cp == U'(') &&
       (starts_with(first.text, "（文/") || starts_with(first.text, "(文/") || starts_with(first.text, "（记者"))) ||
      // A photo credit: 王韵菲 摄, 文/摄.
      (line.end_run - line.first_run >= 2 && (last.text == "摄" || ends_with(last.text, "/摄")) && line.chars <= 20);
  // Few lines have a byline's form: only they are searched for a sentence end.
  if (!credit_form) return false;
  for (auto k = line.first_run; k < line.end_run; ++k)
    if (runs[k].has_sentence_end) return false;
  return true;
}

// A signature standing alone: (安豪), （王勇、兰杰）, or a lone name after a paragraph.
[[gnu::always_inline]] inline bool is_bracketed_signature(const std::vector<Run>& runs, const LineShape& line) {
  const std::string_view first = runs[line.first_run].text;
  const std::string_view last = runs[line.end_run - 1].text;
  if (line.chars > 24) return false;
  if (!((starts_with(first, "（") && ends_with(last, "）")) || (starts_with(first, "(") && ends_with(last, ")"))))
    return false;
  for (auto k = line.first_run; k < line.end_run; ++k)
    if (runs[k].has_sentence_end) return false;
  return true;
}

bool is_lone_name(const std::vector<Run>& runs, const LineShape& line) {
  return line.end_run - line.first_run == 1 && line.chars >= 2 && line.chars <= 4 && is_han_only(runs[line.first_run]);
}

// A byline whose two-character names are spaced out to line up with three-character
// ones: 本报记者 刘 洋 通讯员 赵 敏. Its single characters are names, not letter-spacing.
bool is_byline_with_padded_names(const std::vector<Run>& runs, const LineShape& line) {
  if (line.has_prose_punct || line.chars > kMaxLabelChars) return false;
  std::size_t k = line.first_run;
  auto is_one_of = [](std::string_view text, const auto& words) {
    return std::find(words.begin(), words.end(), text) != words.end();
  };
  if (is_one_of(runs[k].text, kBylineMarks)) ++k;
  return k < line.end_run && is_one_of(runs[k].text, kBylineRoles);
}

// Letter-spaced text: most runs are one Chinese character.
bool is_justified(const std::vector<Run>& runs, const LineShape& line) {
  const int singles = line.single_han_runs;
  const auto n = static_cast<int>(line.end_run - line.first_run);
  return singles >= 3 && singles * 5 >= n * 2 && !is_byline_with_padded_names(runs, line);
}

// A space between two runs of two or more Chinese characters, the mark of a
// two-clause headline or a label.
bool has_clause_space(const std::vector<Run>& runs, const LineShape& line) {
  for (auto k = line.first_run; k + 1 < line.end_run; ++k)
    if (runs[k].chars >= 2 && runs[k + 1].chars >= 2 && is_cjk(runs[k].last.flags) && is_cjk(runs[k + 1].first.flags))
      return true;
  return false;
}

// A line shaped like a headline or label: short, with no prose punctuation, not
// letter-spaced, not opening a news item.
bool is_label_shaped(const LineShape& line) {
  return !line.has_prose_punct && !line.justified && !line.starts_item && line.chars <= kMaxLabelChars;
}

// A sub-headline in quotes, which features set between their paragraphs: the whole
// line one quotation, with no sentence in it (“等我回来并肩作战”, “大夫，我请你喝止
// 咳药”, or in the half-width quotes some pages use). A paragraph's first line that
// opens with a quotation goes on past it.
bool is_quoted_subhead(const std::vector<Run>& runs, const LineShape& line) {
  if (line.justified || line.chars > 24 || line.end_run - line.first_run != 1) return false;
  const Run& run = runs[line.first_run];
  const bool curly = run.first.cp == U'“' && run.last.cp == U'”';
  const bool straight = run.first.cp == U'"' && run.last.cp == U'"' && run.chars >= 3;
  if (!(curly || straight) || run.has_sentence_end) return false;
  const std::string_view inside =
      run.text.substr(run.first.length, run.text.size() - run.first.length - run.last.length);
  return inside.find("“") == std::string_view::npos && inside.find("”") == std::string_view::npos &&
         inside.find('"') == std::string_view::npos;
}

// A paragraph's first line falls short of the column by its indent; a headline set
// above its body is much shorter or wider than that.
bool is_off_column(const LineShape& line) {
  return line.column > 0 && (line.width <= line.column - 10 || line.width - line.hanging >= line.column + 2);
}

// A body line that stops three characters or more short of its column (beyond a
// first line's indent) without ending a sentence: the text is cut there, to go on
// elsewhere on the page (……及时指导帮助来 / 越开越密 越跑越快). Only a headline's
// clause space under it tells that: real columns are ragged by a character or two.
bool is_cut_short(const LineShape& line) {
  return line.role == LineRole::Body && !line.justified && !line.ends_sentence && line.column > 0 &&
         line.width - line.hanging <= line.column - kIndentWidth - 2 - (line.opens_paragraph ? kIndentWidth : 0);
}

// Short enough to be a headline's next line rather than its body's first.
bool fits_under_headline(const LineShape& line) { return line.column == 0 || line.width <= line.column - 6; }

// Finds a headline or byline sharing its line with the body that follows.
void find_inline_head(const std::vector<Run>& runs, LineShape& line) {
  line.body_start = line.first_run;
  if (line.justified) return;
  int head_chars = 0;
  bool head_has_prose = false;
  for (auto k = line.first_run + 1; k < line.end_run; ++k) {
    head_chars += runs[k - 1].chars;
    head_has_prose |= runs[k - 1].has_clause_punct || runs[k - 1].has_sentence_end;
    const Run& r = runs[k];
    // A new item opens mid-line: whatever stands before it is a headline or the end
    // of the previous item.
    if (starts_news_item(r)) {
      line.body_start = k;
      line.head_is_label = !head_has_prose && head_chars <= kMaxLabelChars;
      return;
    }
    if (head_has_prose || head_chars > kMaxLabelChars) return;
    // A commentary head: 扎实做好民生保障——论……⑥ 太报评 民生是……
    if (runs[k - 1].is_commentary_credit && (r.has_clause_punct || r.has_sentence_end)) {
      line.body_start = k;
      line.head_is_label = true;
      return;
    }
  }
}

// Finds a signature or byline closing the line after its last sentence:
// ……负责人。 （文/司瑞东 图/申淼）, ……发言。 张倩倩, ……常识。 王敏 张凯.
void find_closing_tail(const std::vector<Run>& runs, LineShape& line, const std::uint16_t* table) {
  line.tail_start = line.end_run;
  if (line.end_run - line.first_run < 2 || line.justified) return;
  int tail_chars = 0;
  for (auto k = line.end_run - 1; k > line.first_run; --k) {
    tail_chars += runs[k].chars;
    if (tail_chars > 24 || runs[k].has_sentence_end) return;
    const Run& before = runs[k - 1];
    const bool after_sentence =
        (before.last.flags & kSentenceEnd) ||
        ((before.last.flags & kCloser) && before.chars >= 2 &&
         (decode_utf8_before(before.text, before.text.size() - before.last.length, table).flags & kSentenceEnd));
    if (!after_sentence) continue;
    const std::string_view t = runs[k].text;
    const bool bracketed = (starts_with(t, "（") || starts_with(t, "(")) &&
                           (ends_with(runs[line.end_run - 1].text, "）") || ends_with(runs[line.end_run - 1].text, ")"));
    const bool byline = opens_byline(runs[k]);
    // One name or two, signed after the last sentence: ……发言。 张倩倩, ……常识。 王敏 张凯.
    // Two must read as personal names, or as a role and a name (……就医。 读者 马文斌):
    // ……六点五。 今年 全县 is a sentence's start.
    auto is_name = [](const Run& r) { return r.chars >= 2 && r.chars <= 4 && is_han_only(r); };
    auto signs_two = [&](const Run& first, const Run& second) {
      const bool role = std::find(kCreditRoles.begin(), kCreditRoles.end(), first.text) != kCreditRoles.end();
      return is_name(second) && (role || looks_like_person_name(first.text)) && looks_like_person_name(second.text);
    };
    const bool names = is_name(runs[k]) && (k == line.end_run - 1 || (k == line.end_run - 2 && signs_two(runs[k], runs[k + 1])));
    if (bracketed || byline || names) line.tail_start = k;
    return;
  }
}

// Display columns of runs [from, to) of one line.
int width_of_runs(const std::vector<Run>& runs, std::size_t from, std::size_t to) {
  int width = 0;
  for (auto k = from; k < to; ++k) width += runs[k].width + (k > from && gap_takes_room(runs[k - 1], runs[k]));
  return width;
}

}  // namespace

bool opens_with_label(const Run& r) {
  const std::uint16_t* table = bmp_flag_table();
  constexpr std::string_view kColon = "：";
  constexpr std::u32string_view kSpeech = U"说道示出调称下为";
  for (const std::size_t at : {std::size_t{6}, std::size_t{9}, std::size_t{12}}) {
    if (r.text.size() < at + kColon.size() || r.text.substr(at, kColon.size()) != kColon) continue;
    Utf8Char c{};
    for (std::size_t i = 0; i < at; i += c.length) {
      c = decode_utf8(r.text, i, table);
      if (!(c.flags & kHan) || c.length != 3) return false;
    }
    return kSpeech.find(c.cp) == std::u32string_view::npos;
  }
  return false;
}

bool starts_news_item(const Run& run) {
  return (run.first.cp == U'本' || run.first.cp == U'新') && starts_with_any(run.text, kItemOpeners);
}

bool opens_item_credit(const Run& run) {
  for (const std::string_view opener : kItemOpeners) {
    if (!starts_with(run.text, opener)) continue;
    std::string_view rest = run.text.substr(opener.size());
    if (starts_with(rest, "（")) {
      rest.remove_prefix(std::string_view("（").size());
    } else if (starts_with(rest, "(")) {
      rest.remove_prefix(1);
    } else {
      return false;
    }
    return std::find(kBylineRoles.begin(), kBylineRoles.end(), rest) != kBylineRoles.end();
  }
  return false;
}

bool ends_opening_credit(const Run& run) {
  // The roles that end in 者, 员 or 生 (kCreditEnd), which LineBuilder::end_run asks about.
  if (!(run.last.flags & kCreditEnd)) return false;
  for (const std::string_view role : kCreditRoles) {
    if (!ends_with(run.text, role)) continue;
    const std::string_view before = run.text.substr(0, run.text.size() - role.size());
    if (ends_with(before, "（") || ends_with(before, "(")) return true;
  }
  return false;
}

LineBuilder::LineBuilder(std::vector<Run>& runs, std::vector<LineShape>& lines) : runs_(runs), lines_(lines) {
  runs_.clear();
  lines_.clear();
}

// The credit is Chinese from its first character: a break despace puts next to it
// is then never one that joining lines of Latin text would turn back into a space
// (despace_page counts on that to reach its fixed point).
void LineBuilder::note_credits(Run& run) {
  run.is_commentary_credit = run.chars <= 6 && (run.first.flags & kHan) &&
                             std::any_of(kCommentaryCredits.begin(), kCommentaryCredits.end(),
                                         [&](std::string_view s) { return ends_with(run.text, s); });
  opens_credit_ = opens_credit_ || ends_opening_credit(run);
}

// despace's hot loop. The page is first read as bit masks, 64 bytes at a time
// (text_block.hpp); in a plain block, runs are the stretches between whitespace bits
// and their counts are popcounts, so only the characters that are neither ASCII nor
// ideographs (punctuation, mostly) are looked up one by one, and nothing branches per
// character. A block that is not plain (two- and four-byte characters, invalid bytes)
// is read a character at a time. Both fill the same run state, so where one hands
// over to the other never shows in the runs. Cloned for CPUs with POPCNT, which the
// counts lean on, and for x86-64-v3 (BMI2 shifts), and picked when the program loads.
#if defined(__x86_64__)
__attribute__((target_clones("arch=x86-64-v3", "popcnt", "default")))
#endif
void scan_page(std::string_view page, std::vector<Run>& runs, std::vector<LineShape>& lines) {
  LineBuilder builder(runs, lines);
  const std::uint16_t* table = bmp_flag_table();
  const auto* bytes = reinterpret_cast<const unsigned char*>(page.data());
  const std::size_t n = page.size();
  thread_local std::vector<TextBlock> blocks;
  classify_text_blocks(bytes, n, blocks);
  // The run being read lives in locals so the hot loop keeps it in registers.
  std::size_t run_begin = 0;
  bool in_run = false;
  int chars = 0, width = 0;
  bool clause = false, sentence_end = false;
  Utf8Char first{};
  // The run's last character: the last one the character scan decoded, or, when a
  // plain block or an ideograph stretch read it, the valid ASCII or three-byte
  // character that ends the run.
  Utf8Char last_decoded{};
  bool last_is_plain = false;
  auto close_run = [&](std::size_t end) __attribute__((always_inline)) {
    if (!in_run) return;
    Run& run = builder.begin_run();
    run.text = page.substr(run_begin, end - run_begin);
    run.first = first;
    run.chars = chars;
    run.has_clause_punct = clause;
    run.has_sentence_end = sentence_end;
    if (!last_is_plain) {
      run.last = last_decoded;
    } else if (bytes[end - 1] < 0x80) {
      run.last = {bytes[end - 1], 1, table[bytes[end - 1]]};
    } else {
      const char32_t cp = ((bytes[end - 3] & 0x0Fu) << 12) | ((bytes[end - 2] & 0x3Fu) << 6) | (bytes[end - 1] & 0x3Fu);
      run.last = {cp, 3, table[cp]};
    }
    // Stored apart from chars: side by side, GCC packs the two counters into one
    // vector register for a single store, moving them between register files in the
    // loop.
    run.width = width;
    builder.end_run();
    in_run = false;
  };
  auto open_run = [&](std::size_t at, const Utf8Char& c) __attribute__((always_inline)) {
    in_run = true;
    run_begin = at;
    chars = width = 0;
    clause = sentence_end = false;
    first = c;
  };
  // Bits [from, to) of a mask (from <= to <= 64).
  auto bits = [](std::size_t from, std::size_t to) __attribute__((always_inline)) {
    return (to == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << to) - 1) >> from << from;
  };

  // Reads plain block b at `base` from byte `k` on (the bytes before belong to the
  // last character read before it): its runs, line ends and counts.
  auto read_plain_block = [&](const TextBlock& b, std::size_t base, std::size_t k) __attribute__((always_inline)) {
    const std::size_t size = std::min(kTextBlockBytes, n - base);
    std::uint64_t whitespace = b.whitespace;
    // Flags of the characters the masks do not tell, as masks of their lead bytes.
    std::uint64_t wide = b.ideographs, clauses = 0, sentence_ends = 0;
    for (std::uint64_t m = b.other_three_byte & bits(k, 64); m != 0; m &= m - 1) {
      const auto at = static_cast<unsigned>(__builtin_ctzll(m));
      const unsigned char* c = bytes + base + at;
      const char32_t cp = ((c[0] & 0x0Fu) << 12) | ((c[1] & 0x3Fu) << 6) | (c[2] & 0x3Fu);
      const std::uint16_t f = table[cp];
      // U+3000 and the other wide spaces: the bytes of one in the next block are
      // skipped there with the rest of the character.
      if (f & kSpace) whitespace |= std::uint64_t{7} << at;
      wide |= std::uint64_t{(f & (kWide | kCjkPunct | kHan)) != 0} << at;
      // ：is left out of prose punctuation: headlines use it (交城：收心返岗……).
      clauses |= std::uint64_t{(f & kClausePunct) != 0 && cp != U'：'} << at;
      sentence_ends |= std::uint64_t{(f & kSentenceEnd) != 0} << at;
    }
    for (std::uint64_t m = b.ascii_marks & bits(k, 64); m != 0; m &= m - 1) {
      const auto at = static_cast<unsigned>(__builtin_ctzll(m));
      const unsigned char mark = bytes[base + at];
      clauses |= std::uint64_t{mark == ',' || mark == ';'} << at;
      sentence_ends |= std::uint64_t{mark == '!' || mark == '?'} << at;
    }
    const std::uint64_t text = ~whitespace & bits(0, size);
    while (k < size) {
      if (!in_run) {
        const std::uint64_t ahead = text >> k;
        const std::size_t next = ahead != 0 ? k + static_cast<std::size_t>(__builtin_ctzll(ahead)) : size;
        // A line end in the whitespace before the next run ends the line; more of
        // them make blank lines, which the builder drops.
        if (b.line_ends & bits(k, next)) builder.end_line();
        if (next == size) return;
        k = next;
        const unsigned char* c = bytes + base + k;
        if (c[0] < 0x80) {
          open_run(base + k, {c[0], 1, table[c[0]]});
        } else {
          const char32_t cp = ((c[0] & 0x0Fu) << 12) | ((c[1] & 0x3Fu) << 6) | (c[2] & 0x3Fu);
          open_run(base + k, {cp, 3, table[cp]});
        }
      }
      const std::uint64_t spaces_ahead = whitespace >> k;
      const std::size_t end = spaces_ahead != 0 ? k + static_cast<std::size_t>(__builtin_ctzll(spaces_ahead)) : size;
      const std::uint64_t part = bits(k, end);
      const int part_chars = __builtin_popcountll(b.starts & part);
      chars += part_chars;
      width += part_chars + __builtin_popcountll(wide & part);
      clause |= (clauses & part) != 0;
      sentence_end |= (sentence_ends & part) != 0;
      // Only continuation bytes of a character begun in the block before leave the
      // last character as it was.
      last_is_plain = last_is_plain || part_chars != 0;
      if (end == size) return;  // the run goes on into the next block
      close_run(base + end);
      k = end;
    }
  };

  // Reads the characters at i until `until` (or a little past it, to finish the last
  // one or the stretch of ideographs after it); returns where it stopped.
  auto read_characters = [&](std::size_t i, std::size_t until) __attribute__((always_inline)) {
    while (i < until) {
      // Line ends and spaces, the commonest characters after ideographs, need no decoding.
      if (bytes[i] == '\n') {
        close_run(i);
        builder.end_line();
        i += 1;
        continue;
      }
      if (bytes[i] == ' ') {
        close_run(i);
        i += 1;
        continue;
      }
      const Utf8Char c = decode_utf8(page, i, table);
      if ((c.flags & kSpace) || c.cp == '\r' || c.cp == '\f' || c.cp == '\v') {
        close_run(i);
        i += c.length;
        continue;
      }
      if (!in_run) open_run(i, c);
      ++chars;
      width += display_width(c);
      // ：is left out of prose punctuation: headlines use it (交城：收心返岗……).
      clause |= (c.flags & kClausePunct) && c.cp != U'：' && c.cp != U':';
      sentence_end |= (c.flags & kSentenceEnd) != 0;
      i += c.length;
      // The stretch of ideographs after this character is counted in blocks of 16,
      // and only what ends it is decoded.
      const std::size_t ideographs = leading_ideographs(bytes + i, n - i);
      last_decoded = c;
      last_is_plain = ideographs != 0;
      chars += static_cast<int>(ideographs);
      width += 2 * static_cast<int>(ideographs);
      i += 3 * ideographs;
    }
    return i;
  };

  std::size_t i = 0;  // the next byte to read: the characters read may end past a block
  // Through locals: the vectors the builder grows may alias blocks' bounds.
  const TextBlock* const block_data = blocks.data();
  const std::size_t block_count = blocks.size();
  for (std::size_t index = 0; index < block_count; ++index) {
    const std::size_t base = index * kTextBlockBytes;
    if (i >= base + kTextBlockBytes) continue;
    const TextBlock& b = block_data[index];
    if (b.plain) {
      read_plain_block(b, base, i - base);
      // A character begun in the block's last two bytes ends in the next block.
      const std::uint64_t last_leads = (b.ideographs | b.other_three_byte) >> 62;
      i = std::min(base + kTextBlockBytes, n) + (last_leads & 2 ? 2 : last_leads);
    } else {
      i = read_characters(i, std::min(base + kTextBlockBytes, n));
    }
  }
  close_run(n);
  builder.end_line();
}

void classify_lines(const std::vector<Run>& runs, std::vector<LineShape>& lines) {
  const std::uint16_t* table = bmp_flag_table();
  for (auto& line : lines) {
    line.justified = is_justified(runs, line);
    const SentenceEnd end = ends_sentence(runs, line, table);
    line.ends_sentence = end != SentenceEnd::None;
    line.ends_signature = end == SentenceEnd::Signature;
    // Typesetting lets a line's closing punctuation hang past the column's edge (or
    // squeezes it in): ，。、”） count towards the line's text but not its fill.
    const Utf8Char& last = runs[line.end_run - 1].last;
    line.hanging = (last.flags & kCjkPunct) && !(last.flags & kOpener) ? static_cast<std::uint8_t>(display_width(last)) : 0;
    const Run& first = runs[line.first_run];
    line.starts_item = opens_news_item(runs, line) && !goes_on_in_its_sentence(runs, line);
    line.starts_picture_note = opens_picture_note(first);
    line.starts_list_item = (first.first.flags & kListOpener) && opens_list_item(first, table);
    line.ends_clause = ends_in_clause_mark(runs[line.end_run - 1], table);
    line.ends_comma = last.cp == U'，' || last.cp == U'、' || last.cp == ',';
    find_inline_head(runs, line);
    // A headline sharing the line takes none of its column: the body's part is what
    // runs on (……鸣笛启程 本报讯 1月6日，满载钢铁、自行车 / 等货物的中欧班列……).
    if (line.body_start != line.first_run) line.width = width_of_runs(runs, line.body_start, line.end_run);
    line.paragraph_line = line.width > kMaxColumnWidth;
    find_closing_tail(runs, line, table);
  }
  // Column estimate: the widest nearby line of prose that runs on past its end (a
  // paragraph's last line says nothing about the column) and is as wide as a column.
  // evidence[kColumnWindow + j] is line j's; the window's lines beyond the page give
  // none, so every line reads the same fixed window, without branches.
  thread_local std::vector<int> evidence;
  evidence.assign(lines.size() + 2 * kColumnWindow, 0);
  for (std::size_t j = 0; j < lines.size(); ++j) {
    const LineShape& l = lines[j];
    // A line ending in ： or ； may end its paragraph short of the column.
    const bool runs_on = l.justified || (l.has_prose_punct && !l.ends_sentence && !l.ends_clause);
    const bool column_wide = l.width >= kMinColumnWidth && !l.paragraph_line;
    evidence[kColumnWindow + j] = runs_on && column_wide ? l.width - l.hanging : 0;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int* before = evidence.data() + i;  // the kColumnWindow lines before line i
    const int* after = before + kColumnWindow + 1;
    int column = 0;
    for (std::size_t k = 0; k < kColumnWindow; ++k) column = std::max({column, before[k], after[k]});
    lines[i].column = column;
  }
  // Whether line i would stand apart as a label (headline, byline, signature) if the
  // line above it were a headline: the tests of the roles below. A headline may be
  // told by the label line under it, but not by a line that is only shaped like one:
  // a paragraph's first line without punctuation runs on into its paragraph, and once
  // despace has joined them the headline's next line is that paragraph, which would
  // not tell it. Asked only when nothing else tells a headline; a line's answer may
  // rest on the line under it, so answers are kept (0 unknown, 1 no, 2 yes).
  thread_local std::vector<unsigned char> label_under_headline;
  label_under_headline.assign(lines.size(), 0);
  auto stands_apart_under_headline = [&](std::size_t i) {
    enum : unsigned char { kUnknown, kNo, kYes, kAsBelow };
    // What the line alone says; kAsBelow when it is a label if the line under it is.
    auto own = [&](std::size_t j) -> unsigned char {
      const LineShape& line = lines[j];
      if (line.body_start != line.first_run || !is_label_shaped(line)) return kNo;
      if (j + 1 == lines.size() || lines[j + 1].starts_item || lines[j + 1].paragraph_line) return kYes;
      if (is_off_column(line) || fits_under_headline(line) || has_clause_space(runs, line) || is_lone_name(runs, line) ||
          is_bracketed_signature(runs, line) || is_byline(runs, line))
        return kYes;
      return kAsBelow;
    };
    std::size_t end = i;
    unsigned char answer = label_under_headline[end];
    while (answer == kUnknown) {
      answer = own(end);
      if (answer == kAsBelow) answer = label_under_headline[++end];
    }
    for (std::size_t j = i; j < end; ++j) label_under_headline[j] = answer;
    label_under_headline[end] = answer;
    return answer == kYes;
  };
  // Through locals: the answers kept above are bytes, which may alias anything, so
  // the vector's bounds would be loaded again for every line.
  LineShape* const all = lines.data();
  const std::size_t count = lines.size();
  for (std::size_t i = 0; i < count; ++i) {
    LineShape& line = all[i];
    const LineShape* prev = i > 0 ? &all[i - 1] : nullptr;
    const LineShape* next = i + 1 < count ? &all[i + 1] : nullptr;
    const bool opens_paragraph = !prev || prev->ends_sentence || prev->role != LineRole::Body ||
                                 prev->paragraph_line || prev->tail_start != prev->end_run;
    line.opens_paragraph = opens_paragraph;
    if (line.body_start != line.first_run) {
      line.role = LineRole::Body;
    } else if (is_byline(runs, line)) {
      line.role = LineRole::Byline;
    } else if (is_bracketed_signature(runs, line) || (opens_paragraph && prev && is_lone_name(runs, line))) {
      line.role = LineRole::Signature;
    } else if (opens_paragraph && prev && is_quoted_subhead(runs, line)) {
      line.role = LineRole::Headline;
    } else if (is_label_shaped(line) && (opens_paragraph || (next && next->starts_item) ||
                                         (prev && is_cut_short(*prev) && has_clause_space(runs, line)))) {
      // A paragraph's first line may lack punctuation too; a headline is told by its
      // clause space or by what follows it: another label line, a new item, a
      // paragraph line, or nothing. Under text that does not end its sentence (cut,
      // to go on elsewhere on the page), only a new item under it, or a clause space
      // under a line cut short, tells one.
      const bool continues_headline = prev && prev->role == LineRole::Headline && fits_under_headline(line);
      if (is_off_column(line) || continues_headline || !next || next->starts_item || next->paragraph_line ||
          has_clause_space(runs, line) || stands_apart_under_headline(i + 1))
        line.role = LineRole::Headline;
    }
    line.keeps_spaces = line.role != LineRole::Body && !line.justified;
  }
}

}  // namespace jianbao
