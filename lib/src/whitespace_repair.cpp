// Whitespace repair (despace): the first stage of the pipeline. Reads a page as runs
// of non-whitespace text, decides for every gap between two runs whether it is nothing
// (a layout artifact), one space (meaningful) or a paragraph break, and writes the runs
// back with those separators. Non-whitespace bytes are copied, never changed.
#include "jianbao/whitespace_repair.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "jianbao/char_class.hpp"
#include "jianbao/line_shape.hpp"

namespace jianbao {
namespace {

enum class Gap : unsigned char { None, Space, Break };

// One round of repair: the page's runs and lines, and the gap after each run
// (gaps[k] between runs[k] and runs[k + 1]; the last is a Break).
struct Round {
  std::vector<Run> runs;
  std::vector<LineShape> lines;
  std::vector<Gap> gaps;
};

// A web address that a line end or a join's space cut in two (……shanxi.gov.c /
// n/lkxx）): the left run holds its start (://, www.) and no path yet, the right
// goes on with the rest of the host and the path (a /), and starts no address of its
// own. Its halves join. A word after a whole address (www.a.com e.g., b.com, 2.0版)
// has no path and keeps its space. Out of line: asked only where both sides are
// Latin letters or invalid bytes, it keeps the callers small enough to inline.
[[gnu::noinline]] bool continues_web_address(const Run& left, const Run& right) {
  const std::size_t scheme = left.text.find("://");
  const std::size_t host = scheme != std::string_view::npos ? scheme + 3 : left.text.find("www.");
  if (host == std::string_view::npos || left.text.find('/', host) != std::string_view::npos) return false;
  if (right.text.find("://") != std::string_view::npos || right.text.starts_with("www.")) return false;
  // The right run's address part: its ASCII bytes up to the first Chinese character.
  for (const char byte : right.text) {
    if (static_cast<unsigned char>(byte) >= 0x80) break;
    if (byte == '/') return true;
  }
  return false;
}

// Whether the ASCII mark that ends the run follows Latin text or a number rather
// than Chinese (a mark alone in its run, between spaces, counts as Latin). Out of
// line, as continues_web_address: asked only where ASCII punctuation meets a gap.
[[gnu::noinline]] bool mark_follows_latin(const Run& run) {
  return run.chars == 1 || !is_cjk(decode_utf8_before(run.text, run.text.size() - 1, bmp_flag_table()).flags);
}

// The gap between two runs of the same line of prose, when nothing about the line's
// role says otherwise: spaces between Latin words and numbers stay, spaces touching
// Chinese text are layout.
[[gnu::always_inline]] inline Gap prose_gap(const Run& left, const Run& right) {
  const bool left_cjk = is_cjk(left.last.flags) || (left.last.flags & kAsciiPunct);
  const bool right_cjk = is_cjk(right.first.flags) || (right.first.flags & kAsciiPunct);
  if (left_cjk || right_cjk) {
    // ASCII punctuation between Latin words or numbers keeps its space ("Hello,
    // world", "(GCC) 15.3", "2.46) #1"); after Chinese text it is Chinese
    // punctuation set half width (指出, 2023年).
    if (is_cjk(left.last.flags) || is_cjk(right.first.flags)) return Gap::None;
    constexpr std::uint16_t kWord = kLatin | kDigit;
    const bool left_word = (left.last.flags & kAsciiPunct) ? mark_follows_latin(left) : (left.last.flags & kWord) != 0;
    const bool right_word = (right.first.flags & (kAsciiPunct | kWord)) != 0;
    return left_word && right_word ? Gap::Space : Gap::None;
  }
  return continues_web_address(left, right) ? Gap::None : Gap::Space;
}

// The gap between two runs of a line that keeps meaningful spaces (headline, section
// label, byline, credit): clause and name separators stay, digits still hug the text.
Gap label_gap(const Run& left, const Run& right) {
  // A slash joins a one-character role to it: 文 / 摄 → 文/摄. Between two credits it
  // keeps the spaces: 记者 王红 / 摄影 李明.
  const bool left_slash = left.last.cp == '/' || left.last.cp == U'／';
  const bool right_slash = right.first.cp == '/' || right.first.cp == U'／';
  if ((right_slash && left.chars == 1) || (left_slash && right.chars == 1)) return Gap::None;
  // A number ends in its digits or its percent sign: 月息2% 的 → 月息2%的; a Latin
  // word hugs the text as a number does: 我县 A级景区 → 我县A级景区.
  const bool left_digit = (left.last.flags & (kDigit | kLatin)) || left.last.cp == '%' || left.last.cp == U'％';
  const bool right_digit = right.first.flags & (kDigit | kLatin);
  if (left_digit != right_digit && (is_cjk(left.last.flags) || is_cjk(right.first.flags))) return Gap::None;
  return Gap::Space;
}

// A one-character name part: bylines space a two-character name out to line up with
// three-character ones (本报记者 刘 洋 通讯员 赵 敏). The credit mark 摄 is no name.
bool is_name_character(const Run& r) { return r.chars == 1 && (r.first.flags & kHan) && !is_credit_mark(r); }

// Decides the gaps inside one line. What it reads is taken into locals first: a
// gap is a byte, and a byte written may alias anything, so the line's fields and
// the vectors' bounds would be loaded again for every run.
void decide_line_gaps(const std::vector<Run>& page_runs, const LineShape& line, std::vector<Gap>& page_gaps) {
  const Run* const runs = page_runs.data();
  Gap* const gaps = page_gaps.data();
  const std::size_t first = line.first_run;
  const std::size_t last = line.end_run - 1;
  const std::size_t body_start = line.body_start;
  const std::size_t tail_start = line.tail_start;
  const bool byline = line.role == LineRole::Byline;
  const bool head_is_label = line.head_is_label;
  const bool keeps_spaces = line.keeps_spaces;
  // A line of two single characters is one word letter-spaced across its column
  // (公 告, 通 知) or a two-character name spaced out to line up with longer ones
  // (刘 洋): either way they join, though a headline or a signature keeps its spaces.
  if (last == first + 1 && is_name_character(runs[first]) && is_name_character(runs[last])) {
    gaps[first] = Gap::None;
    return;
  }
  bool left_ends_name = false;  // runs[k] is the second character of a spaced-out name
  for (auto k = first; k < last; ++k) {
    const Run& left = runs[k];
    const Run& right = runs[k + 1];
    const bool in_byline = byline || k + 1 > tail_start;
    const bool one_name = in_byline && !left_ends_name && is_name_character(left) && is_name_character(right);
    left_ends_name = one_name;
    Gap g;
    if (one_name) {
      g = Gap::None;
    } else if (k + 1 == body_start) {
      g = Gap::Break;  // headline (or byline) and body share this line
    } else if (k + 1 == tail_start) {
      g = Gap::Break;  // a signature or byline closes the line after a sentence
    } else if (k + 1 < body_start) {
      g = head_is_label ? label_gap(left, right) : prose_gap(left, right);
      if (right.is_commentary_credit || left.is_commentary_credit) g = Gap::Break;
    } else if (k + 1 > tail_start) {
      g = label_gap(left, right);
    } else if (keeps_spaces || (k + 1 == last && is_credit_mark(right))) {
      g = label_gap(left, right);  // a photo credit closing a caption keeps its space too
    } else {
      g = prose_gap(left, right);
    }
    gaps[k] = g;
  }
}

// Whether the text holds an opening or a closing bracket, full or half width.
bool holds_opening_bracket(std::string_view t) {
  return t.find("（") != std::string_view::npos || t.find('(') != std::string_view::npos;
}
bool holds_closing_bracket(std::string_view t) {
  return t.find("）") != std::string_view::npos || t.find(')') != std::string_view::npos;
}

// The gap between two parts of a credit's names: a space, as in a byline, unless
// one side is a single character, which no name is: a name a line end or the
// layout cut (（通讯员 贺 / 丽君）, （记者 刘 洋）).
Gap credit_name_gap(const Run& left, const Run& right) {
  const bool closes = right.last.cp == U'）' || right.last.cp == U')';
  const bool right_single = right.chars - (closes ? 1 : 0) == 1 && (right.first.flags & kHan);
  if (is_name_character(left) || right_single) return Gap::None;
  return label_gap(left, right);
}

// Keeps the spaces between the roles and names of the credit that run `opener`
// opens, as a byline does, up to the run that closes its bracket, over a line end
// too. Set after the other gaps. It stops where the text no longer looks like names:
// at a clause or sentence mark (a bracket never closed) and after eight runs (four
// roles and names); and before a commentary's credit (特约评论员) or a news item's
// opener (新华社记者), which the next round would split off as a head, undoing the
// spaces set here (and again, round after round). With `join_cut_names`, a single
// character after the opener's role is part of a name (credit_name_gap).
void keep_credit_spaces(const std::vector<Run>& runs, std::size_t opener, bool join_cut_names, std::vector<Gap>& gaps) {
  constexpr std::size_t kMaxCreditRuns = 8;
  for (std::size_t k = opener; k + 1 < runs.size() && k < opener + kMaxCreditRuns; ++k) {
    const Run& run = runs[k];
    const Run& next = runs[k + 1];
    const bool marks = run.has_sentence_end || run.has_clause_punct;
    if ((k != opener && (holds_closing_bracket(run.text) || marks)) || gaps[k] == Gap::Break) return;
    if (run.is_commentary_credit || next.is_commentary_credit || starts_news_item(next)) return;
    gaps[k] = join_cut_names && k != opener ? credit_name_gap(run, next) : label_gap(run, next);
  }
}

// A news item's opening credit (opens_item_credit): 本报讯（记者 冯雪 通讯员 郭斌）今年……
void keep_item_credit_spaces(const std::vector<Run>& runs, const LineShape& line, std::vector<Gap>& gaps) {
  if (line.justified || !opens_item_credit(runs[line.first_run])) return;
  keep_credit_spaces(runs, line.first_run, false, gaps);
}

// The credits in brackets that close a paragraph, on the lines where a run ends
// opening one (LineShape::opens_credit): ……解决实际问题。（记者 孙鹏）, ……问题。（记者 /
// 孙鹏）.
void keep_closing_credit_spaces(const std::vector<Run>& runs, const LineShape& line, std::vector<Gap>& gaps) {
  if (line.justified) return;
  for (std::size_t opener = line.first_run; opener < line.end_run; ++opener)
    if (ends_opening_credit(runs[opener])) keep_credit_spaces(runs, opener, true, gaps);
}

// Whether line b only closes a bracket that line a left open, when a narrow column
// wrapped it: a byline's (（记者 魏佳 通讯员 / 刘芳）) or a closing credit's
// (……问题。（通讯员 贺 / 丽君）). Not a news item's opener (本报讯）), which the joined
// line would split off again.
bool closes_open_bracket(const std::vector<Run>& runs, const LineShape& a, const LineShape& b) {
  if (b.end_run - b.first_run != 1 || b.chars > 8 || b.starts_item) return false;
  const Run& closing = runs[b.first_run];
  if (!(closing.last.cp == U'）' || closing.last.cp == U')') || holds_opening_bracket(closing.text)) return false;
  // The run that opens the bracket, and the first that must not close it.
  std::size_t opening = a.end_run;
  std::size_t unclosed_from = a.end_run;
  const Run& first = runs[a.first_run];
  if (a.role == LineRole::Byline && (first.first.cp == U'（' || first.first.cp == U'(')) {
    opening = unclosed_from = a.first_run;
  } else if (a.opens_credit) {
    for (auto k = a.first_run; k < a.end_run; ++k)
      if (ends_opening_credit(runs[k])) opening = k;
    unclosed_from = opening + 1;
  }
  if (opening == a.end_run) return false;
  for (auto k = unclosed_from; k < a.end_run; ++k)
    if (holds_closing_bracket(runs[k].text)) return false;
  // A commentary's credit in the joined line would be split off as a head.
  for (auto k = opening; k < b.end_run; ++k)
    if (runs[k].is_commentary_credit) return false;
  return true;
}

// Whether line b is a signature in brackets that the column wrapped from the end of
// paragraph line a: it would not have fitted after a's last sentence (……吸引2.1万人次
// 参与。 / （文旅）). One the paper set on a line of its own, under a line with room
// for it, stays there, and so does a credit for text or photos (（图/申淼）), which
// goes on a line of its own.
bool wraps_signature(const std::vector<Run>& runs, const LineShape& a, const LineShape& b) {
  if (b.role != LineRole::Signature || b.end_run - b.first_run != 1) return false;
  if (a.role != LineRole::Body || !a.ends_sentence || a.ends_signature || a.column == 0 || a.tail_start != a.end_run)
    return false;
  const Run& signature = runs[b.first_run];
  const bool bracketed = (signature.first.cp == U'（' || signature.first.cp == U'(') &&
                         (signature.last.cp == U'）' || signature.last.cp == U')');
  const bool credit = signature.text.find('/') != std::string_view::npos || signature.text.find("／") != std::string_view::npos;
  return bracketed && !credit && a.width + b.width > a.column;
}

// Whether the text ending line a continues on line b.
Gap line_join_gap(const std::vector<Run>& runs, const LineShape& a, const LineShape& b) {
  if (!continues_on_next_line(a, b)) return Gap::Break;
  const Run& left = runs[a.end_run - 1];
  const Run& right = runs[b.first_run];
  // A speaker's or a time's label after a sentence or a clause opens a paragraph,
  // as a list's item does there (记者：……？ / 王保林：……, ……℃； / 今天夜间：……).
  // Asked here, of the few lines that would join after one, not of every line.
  if ((a.ends_sentence | a.ends_clause) && (right.first.flags & kHan) && right.text.size() >= 9 &&
      opens_with_label(right))
    return Gap::Break;
  // A Latin word broken across lines keeps a space; Chinese text joins directly.
  // Two invalid fragments keep one too: joined, they may decode as a character
  // ("\xE5" and "\x88\x92" make 划), which would change the text, and the runs
  // write_round rereads would no longer be what a scan of the output finds (within a
  // line, prose_gap and label_gap already keep a space between them). The left flags
  // alone settle Chinese text, the common case.
  constexpr std::uint16_t kKeepApart = kLatin | kInvalid;
  if ((left.last.flags & kKeepApart) && (left.last.flags & right.first.flags & kKeepApart))
    return continues_web_address(left, right) ? Gap::None : Gap::Space;
  return Gap::None;
}


// Decides every gap of a round whose runs and lines are read.
void decide_gaps(const DespaceOptions& options, Round& r) {
  classify_lines(r.runs, r.lines);
  r.gaps.assign(r.runs.size(), Gap::Break);
  // Bounds in locals, as in decide_line_gaps: the gaps written are bytes.
  const LineShape* const lines = r.lines.data();
  const std::size_t line_count = r.lines.size();
  Gap* const gaps = r.gaps.data();
  // The lines that open a news item or a credit, for the credits' spaces once every
  // gap is known.
  thread_local std::vector<std::size_t> item_lines, credit_lines;
  item_lines.clear();
  credit_lines.clear();
  bool closes_bracket = false;  // this line only closes the bracket the line above left open
  for (std::size_t i = 0; i < line_count; ++i) {
    const LineShape& line = lines[i];
    decide_line_gaps(r.runs, line, r.gaps);
    if (line.starts_item) item_lines.push_back(i);
    if (line.opens_credit) credit_lines.push_back(i);
    if (i + 1 == line_count) break;
    const LineShape& next = lines[i + 1];
    Gap join = Gap::Break;
    if (options.keep_lines || closes_bracket) {
      // The joined byline or credit ends where its bracket closes: a line of its own.
      closes_bracket = false;
    } else if (wraps_signature(r.runs, line, next)) {
      join = Gap::None;
    } else if (closes_open_bracket(r.runs, line, next)) {
      // Its names stay apart, as within its line.
      join = credit_name_gap(r.runs[line.end_run - 1], r.runs[next.first_run]);
      closes_bracket = true;
    } else {
      join = line_join_gap(r.runs, line, next);
    }
    gaps[line.end_run - 1] = join;
  }
  for (const std::size_t i : item_lines) keep_item_credit_spaces(r.runs, lines[i], r.gaps);
  for (const std::size_t i : credit_lines) keep_closing_credit_spaces(r.runs, lines[i], r.gaps);
}

// Runs are copied in blocks of this many bytes (one vector register), which may read
// and write up to kCopyBlock - 1 bytes past a run: most runs are a few dozen bytes,
// and a library call per run cost more than the copy.
constexpr std::size_t kCopyBlock = 16;

// Copies text to dst, which has kCopyBlock bytes of room past the text's size; reads
// past the text only where the page's buffer goes on to at least readable_end.
inline void copy_run_text(char* dst, std::string_view text, const char* readable_end) {
  const char* src = text.data();
  if (readable_end - src >= static_cast<std::ptrdiff_t>(text.size() + kCopyBlock)) {
    for (std::size_t j = 0; j < text.size(); j += kCopyBlock) std::memcpy(dst + j, src + j, kCopyBlock);
  } else {
    std::memcpy(dst, src, text.size());
  }
}

// Appends the runs of round r with their gaps to out, and builds in `reread` the
// runs and lines that scanning what was written would give, without reading its
// bytes again: runs joined where a gap was removed, viewing out. written[j] receives
// the gap written after run j of `reread`. One pass does both: the fixed-point check
// reads every run of the page once more otherwise.
void write_round(const Round& r, std::string& out, Round& reread, std::vector<Gap>& written) {
  LineBuilder builder(reread.runs, reread.lines);
  written.clear();
  if (r.runs.empty()) return;
  // The runs lie in order in one buffer with at least one whitespace byte between
  // two, and a gap is written as at most one byte: the output is no longer than
  // their span and a final line end.
  const char* const text_end = r.runs.back().text.data() + r.runs.back().text.size();
  const auto span = static_cast<std::size_t>(text_end - r.runs.front().text.data());
  std::size_t at = out.size();
  out.resize(at + span + 1 + kCopyBlock);
  char* const base = out.data();
  // The run of `reread` being built: it starts at joined_at in out, and its fields
  // are kept in locals until its gap is written. Extended in place, each join of a
  // run would wait for the stores of the join before.
  std::size_t joined_at = 0;
  Utf8Char first{}, last{};
  int chars = 0, width = 0;
  bool clause = false, sentence_end = false, commentary_credit = false;
  bool open = false;  // the gap before run k was removed: run k extends the joined run
  // Read through locals: the bytes written to out may alias anything, so the
  // vectors' bounds would be loaded again for every run.
  const Run* const runs = r.runs.data();
  const Gap* const gaps = r.gaps.data();
  const std::size_t run_count = r.runs.size();
  for (std::size_t k = 0; k < run_count; ++k) {
    const Run& run = runs[k];
    if (open) {
      chars += run.chars;
      width += run.width;
      clause |= run.has_clause_punct;
      sentence_end |= run.has_sentence_end;
      commentary_credit = false;
    } else {
      joined_at = at;
      first = run.first;
      chars = run.chars;
      width = run.width;
      clause = run.has_clause_punct;
      sentence_end = run.has_sentence_end;
      commentary_credit = run.is_commentary_credit;
    }
    last = run.last;
    copy_run_text(base + at, run.text, text_end);
    at += run.text.size();
    const Gap gap = gaps[k];
    open = gap == Gap::None;
    if (open) continue;
    // The runs joined view the page; what they make views out. Every field of Run
    // is set here (a new one must be too).
    static_assert(sizeof(Run) == 48, "write_round sets each of Run's fields");
    Run& joined = builder.begin_run();
    joined.text = std::string_view(base + joined_at, at - joined_at);
    joined.first = first;
    joined.last = last;
    joined.chars = chars;
    joined.width = width;
    joined.has_clause_punct = clause;
    joined.has_sentence_end = sentence_end;
    joined.is_commentary_credit = commentary_credit;
    builder.end_run();
    written.push_back(gap);
    if (gap == Gap::Break) {
      base[at++] = '\n';
      builder.end_line();
    } else {
      base[at++] = ' ';
    }
  }
  builder.end_line();
  out.resize(at);
}

// Out of line and cold, so the throw takes nothing from despace_page's code.
[[noreturn, gnu::cold, gnu::noinline]] void refuse_page_too_long() {
  throw std::length_error("despace: a page of 4 GiB or more");
}

}  // namespace

bool despace_page(std::string_view page, const DespaceOptions& options, std::string& out) {
  // The decisions read line shapes that the repair itself changes (a letter-spaced
  // line loses its spaces, joined lines become one line, a headline's neighbour
  // becomes a paragraph), so a repaired page could repair differently again.
  // Repeating to a fixed point makes despace idempotent; each check re-reads the
  // output from the runs already found, not from its bytes.
  //
  // The repetition ends. After the first round every gap between two runs is a
  // space or a line break, and a later round can only: remove it (the runs become
  // one and stay one); turn a space into a break, which it does only next to
  // Chinese text or punctuation (an inline head, a closing signature, a
  // commentary credit); or turn a break into a space, which it does only between
  // Latin or invalid characters on both sides (line_join_gap), or inside a bracketed
  // byline or a credit (closes_open_bracket, keep_item_credit_spaces,
  // keep_closing_credit_spaces), which leave out the commentary credits and item
  // openers that split a line. No
  // gap is of both kinds, so each one changes at most twice, and within 2 * gaps
  // + 1 rounds one changes nothing. Few rounds are needed, as the roles read
  // their neighbours so that despace's joins seldom change what they see (see
  // classify_lines). The corpus pages take one round; of ten million generated
  // pages of one-character lines, eight took two, and of other generated pages a
  // few in a million took up to seven.
  // A round's output is at most one byte longer than its page (a final line end).
  if (page.size() >= kMaxPageBytes) refuse_page_too_long();
  thread_local Round round, next;
  thread_local std::string buffers[2];
  thread_local std::vector<Gap> written;
  scan_page(page, round.runs, round.lines);
  if (round.runs.empty()) return true;
  decide_gaps(options, round);
  // Nearly every page is a fixed point after one round: it is written straight to out.
  const std::size_t start = out.size();
  write_round(round, out, next, written);
  decide_gaps(options, next);
  if (next.gaps == written) return true;
  // The repaired page repairs differently: go on in the two side buffers, taking
  // turns (a round's reread views the buffer it was written to, so none is moved),
  // and put the last round in place of the first. The bound only guards the
  // argument above; `round` is scratch while `next` is written.
  const std::size_t max_rounds = 2 * round.runs.size() + 2;
  int current = 0;
  bool settled = false;
  buffers[current].clear();
  write_round(next, buffers[current], round, written);
  out.resize(start);
  for (std::size_t rounds = 2; rounds < max_rounds; rounds += 2) {
    // Views into the old buffer are gone: read the new one from its bytes.
    scan_page(buffers[current], round.runs, round.lines);
    decide_gaps(options, round);
    std::string& rewritten = buffers[1 - current];
    rewritten.clear();
    write_round(round, rewritten, next, written);
    if (rewritten == buffers[current]) {
      settled = true;
      break;
    }
    current = 1 - current;
    decide_gaps(options, next);
    if (next.gaps == written) {
      settled = true;
      break;
    }
    buffers[1 - current].clear();
    write_round(next, buffers[1 - current], round, written);
    current = 1 - current;
  }
  out.append(buffers[current]);
  return settled;
}

}  // namespace jianbao
