// Whitespace repair (despace): the first stage of the pipeline. Reads a page as runs
// of non-whitespace text, decides for every gap between two runs whether it is nothing
// (a layout artifact), one space (meaningful) or a paragraph break, and writes the runs
// back with those separators. Non-whitespace bytes are copied, never changed.
#include "jianbao/whitespace_repair.hpp"

#include <algorithm>
#include <vector>

#include "jianbao/char_class.hpp"
#include "jianbao/line_shape.hpp"

namespace jianbao {
namespace {

enum class Gap : unsigned char { None, Space, Break };

// Per-call scratch, reused across pages so the hot path does not allocate.
struct Scratch {
  std::vector<Run> runs;
  std::vector<LineShape> lines;
  std::vector<Gap> gaps;  // gaps[k]: between runs[k] and runs[k + 1]
};

// The gap between two runs of the same line of prose, when nothing about the line's
// role says otherwise: spaces between Latin words and numbers stay, spaces touching
// Chinese text are layout.
Gap prose_gap(const Run& left, const Run& right) {
  const bool left_cjk = is_cjk(left.last.flags) || (left.last.flags & kAsciiPunct);
  const bool right_cjk = is_cjk(right.first.flags) || (right.first.flags & kAsciiPunct);
  if (left_cjk || right_cjk) {
    // ASCII punctuation between Latin words ("Hello, world") keeps its space.
    const bool left_word = left.last.flags & (kLatin | kDigit);
    const bool right_word = right.first.flags & (kLatin | kDigit);
    if ((left.last.flags & kAsciiPunct) && !is_cjk(right.first.flags) && right_word) return Gap::Space;
    if ((right.first.flags & kAsciiPunct) && !is_cjk(left.last.flags) && left_word) return Gap::Space;
    return Gap::None;
  }
  return Gap::Space;
}

// The gap between two runs of a line that keeps meaningful spaces (headline, section
// label, byline, credit): clause and name separators stay, digits still hug the text.
Gap label_gap(const Run& left, const Run& right) {
  const bool left_digit = left.last.flags & kDigit;
  const bool right_digit = right.first.flags & kDigit;
  if (left_digit != right_digit && (is_cjk(left.last.flags) || is_cjk(right.first.flags))) return Gap::None;
  return Gap::Space;
}

// A photo credit closing a caption keeps its space: ……整理方法。王韵菲 摄.
bool is_credit_mark(const Run& r) { return r.text == "摄" || r.text == "文/摄" || r.text == "图/摄"; }

// Decides the gaps inside one line.
void decide_line_gaps(const std::vector<Run>& runs, const LineShape& line, std::vector<Gap>& gaps) {
  const auto first = line.first_run;
  const auto last = line.end_run - 1;
  for (auto k = first; k < last; ++k) {
    const Run& left = runs[k];
    const Run& right = runs[k + 1];
    Gap g;
    if (k + 1 == line.body_start) {
      g = Gap::Break;  // headline (or byline) and body share this line
    } else if (k + 1 == line.tail_start) {
      g = Gap::Break;  // a signature or byline closes the line after a sentence
    } else if (k + 1 < line.body_start) {
      g = line.head_is_label ? label_gap(left, right) : prose_gap(left, right);
      if (right.is_commentary_credit || left.is_commentary_credit) g = Gap::Break;
    } else if (k + 1 > line.tail_start) {
      g = label_gap(left, right);
    } else if (line.keeps_spaces || (k + 1 == last && is_credit_mark(right))) {
      g = label_gap(left, right);
    } else {
      g = prose_gap(left, right);
    }
    gaps[k] = g;
  }
}

// Whether the text ending line a continues on line b.
Gap line_join_gap(const std::vector<Run>& runs, const LineShape& a, const LineShape& b) {
  if (!continues_on_next_line(a, b)) return Gap::Break;
  const Run& left = runs[a.end_run - 1];
  const Run& right = runs[b.first_run];
  // A Latin word broken across lines keeps a space; Chinese text joins directly.
  if ((left.last.flags & kLatin) && (right.first.flags & kLatin)) return Gap::Space;
  return Gap::None;
}


// One round of repair. Its decisions read line shapes that the repair itself changes
// (a letter-spaced line loses its spaces, joined lines become one), so a second round
// may still differ on rare pages; despace_page repeats it to a fixed point.
void repair_once(std::string_view page, const DespaceOptions& options, std::string& out) {
  thread_local Scratch s;
  scan_page(page, s.runs, s.lines);
  if (s.runs.empty()) return;
  classify_lines(s.runs, s.lines);

  s.gaps.assign(s.runs.size(), Gap::Break);
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    const LineShape& line = s.lines[i];
    decide_line_gaps(s.runs, line, s.gaps);
    if (i + 1 < s.lines.size())
      s.gaps[line.end_run - 1] = options.keep_lines ? Gap::Break : line_join_gap(s.runs, line, s.lines[i + 1]);
  }

  for (std::size_t k = 0; k < s.runs.size(); ++k) {
    const Run& r = s.runs[k];
    out.append(r.text);
    switch (s.gaps[k]) {
      case Gap::None: break;
      case Gap::Space: out.push_back(' '); break;
      case Gap::Break: out.push_back('\n'); break;
    }
  }
}

}  // namespace

void despace_page(std::string_view page, const DespaceOptions& options, std::string& out) {
  // Rounds until the output repairs to itself, which makes despace idempotent.
  constexpr int kMaxRounds = 4;
  thread_local std::string current, next;
  current.clear();
  repair_once(page, options, current);
  for (int round = 1; round < kMaxRounds; ++round) {
    next.clear();
    repair_once(current, options, next);
    if (next == current) break;
    current.swap(next);
  }
  out.append(current);
}

}  // namespace jianbao
