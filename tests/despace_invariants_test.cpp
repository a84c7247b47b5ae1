// Invariants of despace, through the library as the filter runs it (page reader,
// despace_page, form-feed framing), whatever the repair algorithm decides: only
// whitespace changes; despace(despace(x)) == despace(x); read sizes do not matter.
#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "jianbao/input_source.hpp"
#include "jianbao/page_reader.hpp"
#include "jianbao/whitespace_repair.hpp"

namespace jianbao {
namespace {

namespace fs = std::filesystem;

// What `despace` writes for `input` read `chunk` bytes at a time (filters/despace.cpp).
std::string despace_stream(const std::string& input, std::size_t chunk, const DespaceOptions& options = {}) {
  StringSource source(input, chunk);
  PageReaderOptions reader_options;
  reader_options.read_size = chunk;
  PageReader reader(source, reader_options);
  std::string out;
  Piece piece;
  while (reader.next(piece)) {
    despace_page(piece.text, options, out);
    if (piece.form_feed) out += "\f\n";
  }
  return out;
}

// White_Space code points, plus U+001C..U+001F which Python's \s (the corpus scorer)
// also counts. Defined here, independently of the library's character classes.
bool is_whitespace(UChar32 c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// The non-whitespace units of a text: each valid character, and each ill-formed
// subpart of invalid UTF-8 on its own, so that joining two invalid fragments into a
// valid character (removing the space in "\xE4\xB8 \xAD") counts as a change.
std::vector<std::string> non_whitespace_units(const std::string& text) {
  std::vector<std::string> units;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && is_whitespace(c)) continue;
    units.emplace_back(text, start, i - start);
  }
  return units;
}

// Printable: valid characters as they are, control characters and invalid bytes escaped.
std::string escaped(const std::string& text, std::size_t limit = 400) {
  std::string out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(std::min(text.size(), limit));
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c == '\n') {
      out += "\\n";
    } else if (c >= 0x20 && c != 0x7F) {
      out.append(text, start, i - start);
    } else {
      for (int32_t j = start; j < i; ++j) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02X", bytes[j]);
        out += hex;
      }
    }
  }
  return text.size() > limit ? out + "..." : out;
}

// Where two outputs first differ, with some context, instead of both in full.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::size_t at = 0;
  while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) ++at;
  const std::size_t from = at > 80 ? at - 80 : 0;
  return "first difference at byte " + std::to_string(at) + " (sizes " + std::to_string(expected.size()) + " and " +
         std::to_string(actual.size()) + ")\n  expected: ..." + escaped(expected.substr(from, 160), 160) +
         "\n  actual:   ..." + escaped(actual.substr(from, 160), 160);
}

// Checks all three invariants on one input; `what` names it in failures.
void check_invariants(const std::string& input, const std::string& what) {
  for (bool keep_lines : {false, true}) {
    DespaceOptions options;
    options.keep_lines = keep_lines;
    const std::string context = what + (keep_lines ? " (--keep-lines)" : "") + "\ninput: " + escaped(input);
    const std::string once = despace_stream(input, 1 << 20, options);

    // (a) Only whitespace changes (a BOM at the very start is framing, not text).
    const std::string text = input.starts_with("\xEF\xBB\xBF") ? input.substr(3) : input;
    const auto in_units = non_whitespace_units(text), out_units = non_whitespace_units(once);
    if (in_units != out_units) {
      std::size_t at = 0;
      while (at < in_units.size() && at < out_units.size() && in_units[at] == out_units[at]) ++at;
      ADD_FAILURE() << "non-whitespace changed at unit " << at << " of " << in_units.size() << ": in '"
                    << escaped(at < in_units.size() ? in_units[at] : "(end)") << "' out '"
                    << escaped(at < out_units.size() ? out_units[at] : "(end)") << "'\n"
                    << context << "\noutput: " << escaped(once);
      return;
    }

    // (b) Idempotent.
    const std::string twice = despace_stream(once, 1 << 20, options);
    if (twice != once) {
      ADD_FAILURE() << "despace(despace(x)) != despace(x): " << first_difference(once, twice) << "\n" << context;
    }

    // (c) Independent of read sizes.
    for (std::size_t chunk : {1, 7, 4096}) {
      const std::string chunked = despace_stream(input, chunk, options);
      if (chunked != once) {
        ADD_FAILURE() << "read size " << chunk << " changes the output: " << first_difference(once, chunked) << "\n"
                      << context;
      }
    }
  }
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> corpus_pages() {
  std::vector<fs::path> pages;
  for (const auto& entry : fs::directory_iterator(fs::path(JIANBAO_CORPUS_DIR) / "pages")) {
    if (entry.path().extension() == ".txt") pages.push_back(entry.path());
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

TEST(DespaceInvariants, CorpusPages) {
  const auto pages = corpus_pages();
  ASSERT_FALSE(pages.empty());
  for (const auto& page : pages) check_invariants(read_file(page), page.filename().string());
}

TEST(DespaceInvariants, CorpusPagesAsOneDocumentWithFormFeedsAndCrLf) {
  std::string document, crlf;
  for (const auto& page : corpus_pages()) document += read_file(page) + "\f";
  for (char c : document) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  check_invariants(document, "corpus pages joined by form feeds");
  check_invariants("\xEF\xBB\xBF" + crlf, "the same with a BOM and CRLF line ends");
}

// Random pages from a fixed seed: newspaper-like columns (justification spaces,
// visual lines with blank lines between them, cue words) mixed with noise.
class PageGenerator {
 public:
  explicit PageGenerator(unsigned seed) : random_(seed) {}

  std::string page() {
    std::string text;
    const int lines = pick(1, 40);
    const int width = pick(6, 30);
    const bool blank_after_each = chance(0.3), justified = chance(0.4), crlf = chance(0.1);
    for (int line = 0; line < lines; ++line) {
      std::string row;
      const int length = chance(0.2) ? pick(1, width) : width;
      for (int i = 0; i < length; ++i) {
        row += token();
        if (justified && chance(0.8)) row += " ";
        if (chance(0.05)) row += spaces();
      }
      text += row + (crlf ? "\r\n" : "\n");
      if (blank_after_each || chance(0.05)) text += chance(0.2) ? " \n" : "\n";
      if (chance(0.03)) text += "\f";
    }
    if (chance(0.3)) text.pop_back();  // last line without a newline
    return text;
  }

 private:
  int pick(int low, int high) { return std::uniform_int_distribution<>(low, high)(random_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(random_); }
  template <std::size_t N>
  const char* one_of(const char* const (&choices)[N]) {
    return choices[std::uniform_int_distribution<std::size_t>(0, N - 1)(random_)];
  }

  std::string spaces() {
    static const char* const kSpaces[] = {" ", "  ", "   ", "\t", "\xE3\x80\x80", "\xC2\xA0", " \t "};
    return one_of(kSpaces);
  }

  std::string token() {
    static const char* const kHan[] = {"党", "的", "二", "十", "大", "精", "神", "省", "两", "会", "交", "城",
                                       "县", "委", "书", "记", "研", "究", "年", "月", "日", "新", "局", "〇"};
    static const char* const kPunctuation[] = {"，", "。", "、", "“", "”", "（", "）", "《", "》", "：",
                                               "；", "！", "？", "…", "—", "·", "\xEF\xBF\xBD"};
    static const char* const kAscii[] = {"a", "Latin", "URL", "http://example.com/x", ",", ":", "\"", "(", ")",
                                         "/", "-", ".", "%"};
    static const char* const kDigits[] = {"1", "28", "2023", "12345", "１", "3.5"};
    static const char* const kCues[] = {"本报讯", "记者", "通讯员", "文/", "图/", "摄", "□", "■", "编辑"};
    // Invalid UTF-8, including fragments that a removed space could join into "中".
    static const char* const kInvalid[] = {"\xFF", "\x80", "\xE4\xB8", "\xAD", "\xE4", "\xB8\xAD", "\xC0\xAF",
                                           "\xED\xA0\x80", "\xF0\x9F"};
    const int kind = pick(0, 99);
    if (kind < 55) return one_of(kHan);
    if (kind < 70) return one_of(kPunctuation);
    if (kind < 80) return one_of(kAscii);
    if (kind < 88) return one_of(kDigits);
    if (kind < 94) return one_of(kCues);
    if (kind < 97) return one_of(kInvalid);
    return spaces();
  }

  std::mt19937 random_;
};

TEST(DespaceInvariants, RandomPages) {
  PageGenerator generator(20230128);
  for (int i = 0; i < 300; ++i) {
    std::string input = generator.page();
    if (i % 10 == 0) input += "\f" + generator.page();
    check_invariants(input, "random page " + std::to_string(i));
    if (HasFailure()) break;  // one clear failure beats hundreds
  }
}

TEST(DespaceInvariants, EdgeCases) {
  const char* const cases[] = {
      "", "\n", "\n\n\n", " ", "\f", "\f\f", "\f\n", "\n\f\n", "a", "中", "中 文", "中\n文", "中\n\n文\n\n",
      "\r", "\r\n\r\n", "\xFF", "\xE4\xB8 \xAD", "\xE4 \xB8\xAD", "中 \xFF 文", " \xE4\xB8\n\xAD ",
      "\xEF\xBB\xBF", "\xEF\xBB\xBF中 文", "a\tb", "中\xE3\x80\x80文", "1 月 28 日", "2023 年",
      "Latin words and http://example.com/a b", "交城：收心返岗干劲足 提振精神开新局",
      "记者 魏薇 通讯员 王红 孟亮 文/摄", "□ 文/安豪 图/范英哲", "王韵菲 摄"};
  for (const char* input : cases) check_invariants(input, "edge case");
}

// Fuzz crash despace_fuzz/crash-9f82c410…: invalid fragments on two lines that
// continue each other ("\xE5" and "\x88\x92") were joined into 划, so a second run
// removed the space after it.
TEST(DespaceInvariants, LineJoinKeepsInvalidFragmentsApart) {
  check_invariants("谋\xE5\n\x88\x92 \xEF\x8C统筹，\n", "invalid fragments across a line join");
  check_invariants("会议召开，传达学习\xE4\xB8\n\xAD 统筹各方面，\n", "中 cut across a line join");
}

// The fuzzer's page (despace_fuzz/joins-cascade-up-one-character-lines, once in
// 1.2M random pages) and four that a search over pages like it found (the other
// joins-cascade-* inputs): a join changed how its neighbours looked (the line under
// a headline became a paragraph with punctuation; a column read from a short clause
// came one line closer), which let the next round make one more join, and so on up
// the page, past the four rounds despace_page then repeated.
TEST(DespaceInvariants, JoinsDoNotCascade) {
  std::string long_chain;
  for (int i = 0; i < 60; ++i) long_chain += "甲\n";
  long_chain += "？\n□、\n";
  const std::string cases[] = {
      "甲\n乙\n丙\n丁\n戊\n己\n庚\n辛\n？\n□、\n",
      "壬\n丁\n丁\n甲\n丁\n庚\n辛\n丙\n乙\n…\n乙\n■\n；\n庚\n",
      long_chain,
      // Lines as wide as a column.
      "□丙己壬戊壬己甲庚、\n甲癸庚甲乙己乙丁辛辛\n甲己乙癸丙辛乙癸己己\n丙壬辛辛丙壬己戊壬辛\n甲庚辛乙庚己壬甲丁。\n"
      "甲甲己乙壬乙丁壬壬丁\n己癸己丙己辛己丁己辛\n甲癸戊己戊己己乙己己\n己庚壬壬辛辛癸壬丙！\n庚壬癸辛壬辛丙\n"
      "乙乙乙辛癸丁壬“乙癸\n□丁庚戊丙壬庚己…\n丁丙乙丁庚己己壬？\n辛壬庚乙己甲戊癸庚癸\n癸壬丁丙甲壬壬壬乙乙\n"
      "丁丙己庚戊甲戊壬丙乙\n乙丙壬庚壬壬丙壬丁！\n庚丁丁甲戊己丁丙辛，\n壬丙庚丁丙丁辛丁戊戊\n乙己丁癸己辛丁乙丁丁\n"
      "丁丙甲庚戊丙乙己癸戊\n",
      // Letter-spaced lines with credits.
      "己 乙庚 \n丁 壬 文/ \n甲 丁 ？ \n壬 \n辛 \n丁 乙甲 \n甲 ” 壬 \n庚 丙己 \n“ 丙 癸 \n甲 戊 ； \n乙 \n"
      "！ 癸甲 \n丙 甲 摄 \n文/ 、 壬\n乙 \n丙 \n！（ \n壬 辛 壬\n辛 丁 辛 \n己乙 乙 \n）戊 ） \n癸 \n"
      "己戊 丙 \n",
  };
  for (const std::string& input : cases) check_invariants(input, "cascade case");
}

// Pages of one-character lines, punctuation lines and □ lines, where a join changes
// the most around it: a search over ten million of them found no page that a second
// despace changes; these keep a sample.
TEST(DespaceInvariants, RandomShortLinePages) {
  static const char* const kLines[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸",
                                       "？", "。", "，", "、", "！", "：", "；", "…", "）", "（", "”", "“",
                                       "□", "□、", "□甲", "□ 甲", "□，", "■"};
  std::mt19937 random(20240611);
  // Under ASan each page's reader buffers cost a fresh mapping, which made this test
  // take minutes: the sanitizer run checks memory safety on the first 1,000 pages,
  // the release run checks all 20,000.
  const char* sanitized = std::getenv("JIANBAO_SANITIZED");
  const int pages = sanitized != nullptr && std::string_view(sanitized) == "1" ? 1000 : 20000;
  for (int i = 0; i < pages; ++i) {
    std::string input;
    const int lines = std::uniform_int_distribution<>(1, 14)(random);
    for (int line = 0; line < lines; ++line) {
      const int kind = std::uniform_int_distribution<>(0, 99)(random);
      const int first = kind < 55 ? 0 : kind < 75 ? 10 : 22;
      const int count = kind < 55 ? 10 : kind < 75 ? 12 : 6;
      input += kLines[first + std::uniform_int_distribution<>(0, count - 1)(random)];
      input += "\n";
    }
    check_invariants(input, "short-line page " + std::to_string(i));
    if (HasFailure()) break;
  }
}

}  // namespace
}  // namespace jianbao
