// The shape of a page's lines as extraction left them: runs of non-whitespace text,
// display width against the column, and each line's role (body, headline, byline,
// signature). despace reads these to tell layout spaces and breaks from meaningful ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "jianbao/char_class.hpp"

namespace jianbao {

// A maximal run of non-whitespace characters.
struct Run {
  std::string_view text;
  Utf8Char first;
  Utf8Char last;
  int chars = 0;
  int width = 0;                      // display columns
  bool has_clause_punct = false;      // ，；、 (running prose; ： is left out: headlines use it)
  bool has_sentence_end = false;      // 。！？ anywhere in the run
  bool is_commentary_credit = false;  // 太报评, 本报评论员: the author of a commentary head
};

// A photo credit's mark closing a caption: ……整理方法。王韵菲 摄 (also 文/摄, 图/摄).
inline bool is_credit_mark(const Run& r) { return r.text == "摄" || r.text == "文/摄" || r.text == "图/摄"; }

enum class LineRole : unsigned char { Body, Headline, Byline, Signature };

// A line's runs are indexed in 32 bits, and its role in a byte: every pass over a
// page's lines reads them with its runs and text, and at 48 bytes a line instead of
// 72 more of them stay in the L1 cache. A page has at most half as many runs as
// bytes, and scan_page takes pages under kMaxPageBytes (PageReader cuts them at
// 1 MB by default).
struct LineShape {
  std::uint32_t first_run = 0;  // runs [first_run, end_run) make the line
  std::uint32_t end_run = 0;
  int chars = 0;
  int single_han_runs = 0;    // runs of one Han character: many make a letter-spaced line
  int width = 0;              // display columns of the text (of the body, after an inline head)
  int column = 0;             // estimated column width around the line, 0 if unknown
  std::uint8_t hanging = 0;   // columns of closing punctuation that may hang past the column's edge
  LineRole role = LineRole::Body;
  bool justified = false;     // letter-spaced to fill the column
  bool ends_sentence = false;
  bool ends_signature = false;  // in a signature or credit in brackets after a sentence: ……环境。（尹哲）
  bool has_prose_punct = false;
  bool opens_credit = false;  // a run ends opening a credit in brackets: ……问题。（记者 (ends_opening_credit)
  bool starts_item = false;   // opens a news item: 本报讯, 本报记者
  bool starts_picture_note = false;  // opens a photo's note: 图为, 上图
  bool starts_list_item = false;  // opens a list's item or an answer: 一、 （二） （3） 4. ① ● 22日： 答：
  bool ends_clause = false;   // ends in ： or ；, as a notice's greeting, a list's lead and its items do
  bool ends_comma = false;    // ends in ，、 or a half-width comma: in the middle of a sentence
  bool opens_paragraph = false;  // the line before ended a paragraph
  bool paragraph_line = false;  // longer than any newspaper column: already one paragraph
  bool keeps_spaces = false;  // spaces between Chinese runs carry meaning (headline, byline)
  bool head_is_label = false; // the inline head before body_start keeps its clause spaces
  // A headline sharing the line with its body ends before run body_start
  // (== first_run when there is none); a signature or byline closing the line starts
  // at run tail_start (== end_run when there is none).
  std::uint32_t body_start = 0;
  std::uint32_t tail_start = 0;
};
static_assert(sizeof(LineShape) <= 48, "a line's shape fits in 48 bytes");

// Extraction writes the gap the paper left around digits and Latin as a space: it
// takes room on the line.
inline bool gap_takes_room(const Run& left, const Run& right) {
  return (left.last.flags | right.first.flags) & (kDigit | kLatin);
}

// Whether the run starts with what opens a news item: 本报讯, 本报记者, 新华社.
bool starts_news_item(const Run& run);

// Whether the run opens a news item with its reporters' credit and leaves the
// bracket open: 本报讯（记者, 本报讯(通讯员 (the names follow after spaces).
bool opens_item_credit(const Run& run);

// Whether the run opens with a label of 2-4 Han characters and a full-width colon,
// as an interview's speakers and a forecast's times do (记者：, 王保林：, 今天夜间：),
// and not with words that introduce speech (他说：, 会议指出：, 通知如下：). The colon
// is looked for where it would follow 2, 3 or 4 three-byte characters: most runs
// are ruled out without decoding.
bool opens_with_label(const Run& run);

// Whether the run ends by opening a credit in brackets with a role ending in 者, 员
// or 生, its names to follow after spaces: ……问题。（记者, （通讯员, （实习生, （读者.
bool ends_opening_credit(const Run& run);

// Collects runs into lines, keeping each line's totals; blank lines are dropped.
// Runs and lines are built where they are stored: a struct copied whole right after
// its fields were stored one by one makes the CPU wait for those stores.
class LineBuilder {
 public:
  LineBuilder(std::vector<Run>& runs, std::vector<LineShape>& lines);  // clears both
  // A run is added in two steps: begin_run appends it empty for the caller to fill
  // in; end_run counts it into its line.
  Run& begin_run() { return runs_.emplace_back(); }
  void end_run();
  void end_line();

 private:
  // Marks a run of 3-6 characters, Han from the first, that credits a commentary's
  // author (太报评, 本报评论员), and notes a run that ends opening a credit. Asked of
  // the runs of three characters or more that end in 评, 员 or 者.
  void note_credits(Run& run);

  std::vector<Run>& runs_;
  std::vector<LineShape>& lines_;
  // The line being built: runs [first_run_, runs_.size()) and their totals.
  std::size_t first_run_ = 0;
  int chars_ = 0;
  int single_han_runs_ = 0;
  int width_ = 0;
  bool has_prose_punct_ = false;
  bool opens_credit_ = false;
};

// Inline, as the scan and the fixed-point check call these for every run and line.
inline void LineBuilder::end_run() {
  Run& run = runs_.back();
  // Compared as pointers: the line's first run needs no size(), which divides.
  if (&run != runs_.data() + first_run_ && gap_takes_room(*(&run - 1), run)) width_ += 1;
  chars_ += run.chars;
  // Counted while the run is at hand: the lines are classified once the page is read.
  single_han_runs_ += run.chars == 1 && (run.first.flags & kHan);
  width_ += run.width;
  has_prose_punct_ |= run.has_clause_punct || run.has_sentence_end;
  // Every commentary credit and every role that opens a credit ends in 评, 员, 者 or
  // 生 (kCreditEnd): the run's last character rules out nearly all runs without a call,
  // which would make the scan keep its run state in memory.
  if (run.chars >= 3 && (run.last.flags & kCreditEnd)) note_credits(run);
}

inline void LineBuilder::end_line() {
  if (runs_.size() == first_run_) return;  // a blank line
  LineShape& line = lines_.emplace_back();
  line.first_run = first_run_;
  line.end_run = runs_.size();
  line.chars = chars_;
  line.single_han_runs = single_han_runs_;
  line.width = width_;
  line.has_prose_punct = has_prose_punct_;
  line.opens_credit = opens_credit_;
  first_run_ = runs_.size();
  chars_ = single_han_runs_ = width_ = 0;
  has_prose_punct_ = opens_credit_ = false;
}

// The longest page scan_page takes, so that a line's run indices fit in 32 bits;
// its caller checks (despace_page refuses longer pages).
constexpr std::size_t kMaxPageBytes = 0xFFFFFFFF;

// Splits a page into runs and lines; blank lines are dropped.
void scan_page(std::string_view page, std::vector<Run>& runs, std::vector<LineShape>& lines);

// Fills in every line's column estimate, role and inline structure, from the line
// itself and its neighbours.
void classify_lines(const std::vector<Run>& runs, std::vector<LineShape>& lines);

// Chinese paragraphs open with a two-character indent that extraction drops.
constexpr int kIndentWidth = 4;

// Whether the paragraph that line a is part of goes on in line b (the next line).
// Inline: despace asks it for every line end of every round.
inline bool continues_on_next_line(const LineShape& a, const LineShape& b) {
  if (a.role != LineRole::Body || b.role != LineRole::Body) return false;
  if (b.starts_item || b.body_start != b.first_run || a.tail_start != a.end_run) return false;
  // A signature or credit ends its paragraph, and so does a whole-paragraph line,
  // unless it stops at a comma: the rest of the sentence was left on the next line
  // (……烘干等设备， / 建起了……). One that ends in a word may be a paragraph with no
  // mark at its end (……请见本报第三版, a web address).
  if (a.ends_signature) return false;
  if (a.paragraph_line) return a.ends_comma && !b.starts_list_item;
  // A column line runs on into a whole-paragraph line only when it fills its column
  // and stops in the middle of a word of prose (……老树过了 / 几辈子，让他们……, on a
  // page whose paragraphs were mostly joined back already): not a short line (a
  // subhead: 坚持问题导向，精准施策), nor one after a closing quote or any other mark.
  if (b.paragraph_line && !a.justified) {
    const bool cut_in_prose = a.has_prose_punct && a.hanging == 0 && !(a.ends_sentence | a.ends_clause) &&
                              a.column != 0 && a.width >= a.column - kIndentWidth;
    if (!cut_in_prose) return false;
  }
  // Most lines run on with no mark at their end (but a numbered subhead, below).
  if (!(a.ends_sentence | a.ends_clause | a.starts_list_item | b.starts_list_item)) return true;
  // Short of its column, less the indent when it opens its paragraph (the column
  // unknown or the line letter-spaced, it is not).
  const bool falls_short =
      !a.justified && a.column != 0 && a.width < a.column - kIndentWidth - (a.opens_paragraph ? kIndentWidth : 0);
  if (!(a.ends_sentence | a.ends_clause)) {
    // A numbered subhead (一、织密组织体系“一张网”) stands apart: an item's line that
    // falls short of its column (an item's text wraps at the column's edge).
    if (a.starts_list_item && falls_short) return false;
    if (!b.starts_list_item) return true;
  }
  // A numbered item or an answer after a sentence, a clause, another item or a short
  // line: 如下： / 一、……；/ （2）……, 一、明确禁放区域 / （1）……, ……？ / 答：……
  // (an item named in the run of a paragraph's text, after a full line with no mark
  // at its end, keeps the paragraph going).
  if (b.starts_list_item && (a.ends_sentence || a.ends_clause || a.starts_list_item || falls_short)) return false;
  // A line ending in ： or ； that falls short of its column ends its paragraph (a
  // notice's greeting, a list's items); anywhere else the text goes on.
  if (!a.ends_sentence) return !(a.ends_clause && falls_short);
  // A sentence ends at the line's end and a photo's note (图为……) opens the next:
  // the note is a paragraph of its own, however full the line before it.
  if (b.starts_picture_note) return false;
  // A sentence ends at the line's end. The paragraph goes on only if the line fills
  // its column (less the indent when it opens the paragraph) and the next line is
  // not indented as a new paragraph's first line; a letter-spaced next line hides its
  // indent, and is most often a new paragraph there.
  if (a.justified) return true;
  if (a.column == 0 || falls_short || b.justified) return false;
  return b.width - b.hanging > b.column - kIndentWidth;
}

}  // namespace jianbao
