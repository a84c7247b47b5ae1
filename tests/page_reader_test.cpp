// Tests for the page reader: form-feed pages, line ends, BOM, invalid UTF-8, the page
// cap, and that none of it depends on how reads split the input.
#include "jianbao/page_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace jianbao {
namespace {

struct ReadPiece {
  std::string text;
  bool page_end;
  bool form_feed;
  std::uint64_t page_number;
  std::optional<std::uint64_t> first_invalid_utf8;
  bool operator==(const ReadPiece&) const = default;
};

std::ostream& operator<<(std::ostream& out, const ReadPiece& piece) {
  out << "{page " << piece.page_number << (piece.page_end ? " end" : "") << (piece.form_feed ? " ff" : "") << " \"";
  for (unsigned char c : piece.text) {
    if (c == '\n') {
      out << "\\n";
    } else if (c < 0x20 || c >= 0x7F) {
      out << "\\x" << std::hex << int{c} << std::dec;
    } else {
      out << c;
    }
  }
  out << "\"";
  if (piece.first_invalid_utf8) out << " invalid@" << *piece.first_invalid_utf8;
  return out << "}";
}

std::vector<ReadPiece> read_pieces(const std::string& input, std::size_t chunk, PageReaderOptions options = {}) {
  StringSource source(input, chunk);
  options.read_size = chunk;
  PageReader reader(source, options);
  std::vector<ReadPiece> pieces;
  Piece piece;
  while (reader.next(piece)) {
    pieces.push_back({std::string(piece.text), piece.page_end, piece.form_feed, piece.page_number,
                      piece.first_invalid_utf8});
  }
  return pieces;
}

std::vector<std::string> texts(const std::vector<ReadPiece>& pieces) {
  std::vector<std::string> result;
  for (const auto& piece : pieces) result.push_back(piece.text);
  return result;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string corpus_page(const char* name) {
  return read_file(std::filesystem::path(JIANBAO_CORPUS_DIR) / "pages" / name);
}

const std::size_t kChunkSizes[] = {1, 2, 3, 7, 4096, std::size_t{1} << 20};

TEST(PageReader, EmptyInputHasNoPages) { EXPECT_TRUE(read_pieces("", 7).empty()); }

TEST(PageReader, TextWithoutFormFeedIsOnePage) {
  auto pieces = read_pieces("第一行\n第二行\n", 4096);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0], (ReadPiece{"第一行\n第二行\n", true, false, 1, std::nullopt}));
}

TEST(PageReader, LastLineWithoutNewlineIsKept) {
  EXPECT_THAT(texts(read_pieces("a\nb", 1)), testing::ElementsAre("a\nb"));
}

TEST(PageReader, FormFeedsSplitPages) {
  // pdftotext puts the form feed before the next page's first line and after the last page.
  auto pieces = read_pieces("一\n二\n\f三\n\f", 7);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0], (ReadPiece{"一\n二\n", true, true, 1, std::nullopt}));
  EXPECT_EQ(pieces[1], (ReadPiece{"三\n", true, true, 2, std::nullopt}));
}

TEST(PageReader, TextAfterLastFormFeedIsAPageWithoutFormFeed) {
  auto pieces = read_pieces("a\n\fb\n", 1);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[1], (ReadPiece{"b\n", true, false, 2, std::nullopt}));
}

TEST(PageReader, EmptyPagesBetweenFormFeedsAreKept) {
  auto pieces = read_pieces("\f\fx", 1);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0], (ReadPiece{"", true, true, 1, std::nullopt}));
  EXPECT_EQ(pieces[1], (ReadPiece{"", true, true, 2, std::nullopt}));
  EXPECT_EQ(pieces[2], (ReadPiece{"x", true, false, 3, std::nullopt}));
}

TEST(PageReader, CrLfBecomesLf) { EXPECT_THAT(texts(read_pieces("a\r\nb\r\n", 4096)), testing::ElementsAre("a\nb\n")); }

TEST(PageReader, LoneCrBecomesLf) { EXPECT_THAT(texts(read_pieces("a\rb\r\rc", 4096)), testing::ElementsAre("a\nb\n\nc")); }

TEST(PageReader, CrCrLfIsTwoLineEnds) { EXPECT_THAT(texts(read_pieces("a\r\r\nb", 4096)), testing::ElementsAre("a\n\nb")); }

TEST(PageReader, CrLfSplitAcrossReadsIsOneLineEnd) {
  for (std::size_t chunk : {1, 2, 3}) {
    EXPECT_THAT(texts(read_pieces("ab\r\ncd\r\n\r\n", chunk)), testing::ElementsAre("ab\ncd\n\n")) << chunk;
  }
}

TEST(PageReader, CrBeforeFormFeed) {
  EXPECT_THAT(texts(read_pieces("a\r\fb\r\n", 1)), testing::ElementsAre("a\n", "b\n"));
}

TEST(PageReader, BomAtStartIsDropped) {
  for (std::size_t chunk : kChunkSizes) {
    EXPECT_THAT(texts(read_pieces("\xEF\xBB\xBF一\n", chunk)), testing::ElementsAre("一\n")) << chunk;
  }
}

TEST(PageReader, BomAloneIsDropped) {
  auto pieces = read_pieces("\xEF\xBB\xBF", 1);
  EXPECT_TRUE(pieces.empty());
}

TEST(PageReader, BomElsewhereIsText) {
  EXPECT_THAT(texts(read_pieces("a\xEF\xBB\xBF\n\f\xEF\xBB\xBF" "b", 1)),
              testing::ElementsAre("a\xEF\xBB\xBF\n", "\xEF\xBB\xBF" "b"));
}

TEST(PageReader, PartialBomIsInvalidText) {
  auto pieces = read_pieces("\xEF\xBB", 1);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].text, "\xEF\xBB");
  EXPECT_EQ(pieces[0].first_invalid_utf8, 0u);
}

TEST(PageReader, PiecesDoNotDependOnReadSizes) {
  std::string input = "\xEF\xBB\xBF" + corpus_page("000.txt") + "\f\r\n" + corpus_page("001.txt");
  // CRLF throughout one page, lone CRs, a form feed, invalid bytes, and a long line.
  std::string crlf = corpus_page("003.txt");
  for (std::size_t at = crlf.find('\n'); at != std::string::npos; at = crlf.find('\n', at + 2)) crlf.insert(at, "\r");
  input += "\f" + crlf + "\rlone\rcr\xff\xE4\xB8\n\f" + std::string(10000, 'x') + "中\xF0\x9F\x98\x80";
  PageReaderOptions options;
  options.page_cap = 9000;  // also exercises cuts
  const auto expected = read_pieces(input, 1 << 20, options);
  ASSERT_GE(expected.size(), 6u);
  for (std::size_t chunk : kChunkSizes) EXPECT_EQ(read_pieces(input, chunk, options), expected) << "chunk " << chunk;
}

TEST(PageReader, FirstInvalidSequenceIsReportedWithItsPieceAndRawOffset) {
  // Offsets count the input bytes as read: the BOM and the CRs before the bad byte.
  const std::string input = "\xEF\xBB\xBF" "a\r\nb\n\fc\r\nd\xFF" "e\xFE\n\f\x80";
  for (std::size_t chunk : kChunkSizes) {
    auto pieces = read_pieces(input, chunk);
    ASSERT_EQ(pieces.size(), 3u) << chunk;
    EXPECT_EQ(pieces[0].first_invalid_utf8, std::nullopt) << chunk;
    EXPECT_EQ(pieces[1].first_invalid_utf8, 13u) << chunk;
    EXPECT_EQ(pieces[2].first_invalid_utf8, std::nullopt) << chunk;  // only the first is reported
    EXPECT_EQ(pieces[1].text, "c\nd\xFF" "e\xFE\n") << chunk;  // bytes pass through
  }
}

TEST(PageReader, ValidatorCountsEveryInvalidSequence) {
  StringSource source("\xFF\n\x80\n\xE4\xB8\n", 1);
  PageReaderOptions options;
  options.read_size = 1;
  PageReader reader(source, options);
  Piece piece;
  while (reader.next(piece)) {
  }
  EXPECT_EQ(reader.utf8().invalid_sequences(), 3u);
  EXPECT_EQ(reader.utf8().first_invalid_offset(), 0u);
}

struct InvalidCase {
  const char* name;
  std::string bytes;
  std::uint64_t count;
  std::optional<std::uint64_t> first;
};

class Utf8ValidatorKinds : public testing::TestWithParam<InvalidCase> {};

TEST_P(Utf8ValidatorKinds, CountsAndFirstOffsetWhateverTheSplit) {
  const InvalidCase& c = GetParam();
  for (std::size_t chunk : {1, 2, 3, 5, 100}) {
    Utf8Validator validator;
    for (std::size_t at = 0; at < c.bytes.size(); at += chunk) {
      validator.feed(c.bytes.data() + at, std::min(chunk, c.bytes.size() - at));
    }
    validator.finish();
    EXPECT_EQ(validator.invalid_sequences(), c.count) << c.name << " chunk " << chunk;
    EXPECT_EQ(validator.first_invalid_offset(), c.first) << c.name << " chunk " << chunk;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, Utf8ValidatorKinds,
    testing::Values(InvalidCase{"ascii", "plain text\n", 0, std::nullopt},
                    InvalidCase{"han", "中文，汉字。", 0, std::nullopt},
                    InvalidCase{"four_byte", "a\xF0\x9F\x98\x80z", 0, std::nullopt},
                    InvalidCase{"max_code_point", "\xF4\x8F\xBF\xBF", 0, std::nullopt},
                    InvalidCase{"stray_continuation", "ab\x80" "cd", 1, 2},
                    InvalidCase{"two_stray_continuations", "\x80\xBF", 2, 0},
                    InvalidCase{"truncated_by_ascii", "x\xE4\xB8y", 1, 1},
                    InvalidCase{"truncated_by_lead", "\xE4\xB8\xE4\xB8\xAD", 1, 0},
                    InvalidCase{"truncated_at_end", "ok\xE4\xB8", 1, 2},
                    InvalidCase{"truncated_four_at_end", "ok\xF0\x9F\x98", 1, 2},
                    InvalidCase{"overlong_two", "\xC0\xAF", 2, 0},
                    InvalidCase{"overlong_c1", "a\xC1\xBF", 2, 1},
                    InvalidCase{"overlong_three", "\xE0\x80\xAF", 3, 0},
                    InvalidCase{"overlong_four", "\xF0\x80\x80\xAF", 4, 0},
                    InvalidCase{"surrogate", "\xED\xA0\x80", 3, 0},
                    InvalidCase{"past_max", "\xF4\x90\x80\x80", 4, 0},
                    InvalidCase{"f5_and_up", "\xF5\xF8\xFE\xFF", 4, 0},
                    InvalidCase{"lead_then_space", "\xE4 ", 1, 0}),
    [](const testing::TestParamInfo<InvalidCase>& info) { return std::string(info.param.name); });

// ICU's UTF-8 decoder reports the same maximal ill-formed subparts, so the counts
// agree on arbitrary bytes.
std::uint64_t icu_invalid_count(const std::string& bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open("UTF-8", &status);
  std::uint64_t count = 0;
  ucnv_setToUCallBack(
      converter,
      [](const void* context, UConverterToUnicodeArgs* args, const char* units, int32_t length,
         UConverterCallbackReason reason, UErrorCode* error) {
        if (reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR || reason == UCNV_UNASSIGNED) {
          ++*static_cast<std::uint64_t*>(const_cast<void*>(context));
        }
        UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, units, length, reason, error);
      },
      &count, nullptr, nullptr, &status);
  std::vector<UChar> out(bytes.size() * 2 + 4);
  UChar* target = out.data();
  const char* source = bytes.data();
  ucnv_toUnicode(converter, &target, out.data() + out.size(), &source, bytes.data() + bytes.size(), nullptr, true,
                 &status);
  ucnv_close(converter);
  return count;
}

TEST(Utf8Validator, AgreesWithIcuOnRandomBytes) {
  std::mt19937 random(20230128);
  const std::string pieces[] = {"a", "中", "\xF0\x9F\x98\x80", "\x80", "\xBF", "\xC0", "\xC2", "\xE0", "\xE4",
                                "\xED", "\xEF", "\xF0", "\xF4", "\xF5", "\xFF", "\xA0", "\x90", "\x8F", "\n"};
  for (int round = 0; round < 2000; ++round) {
    std::string bytes;
    const int length = std::uniform_int_distribution<>(0, 40)(random);
    for (int i = 0; i < length; ++i) bytes += pieces[std::uniform_int_distribution<>(0, std::size(pieces) - 1)(random)];
    Utf8Validator whole;
    whole.feed(bytes.data(), bytes.size());
    whole.finish();
    ASSERT_EQ(whole.invalid_sequences(), icu_invalid_count(bytes)) << testing::PrintToString(bytes);
    Utf8Validator bytewise;
    for (char byte : bytes) bytewise.feed(&byte, 1);
    bytewise.finish();
    ASSERT_EQ(bytewise.invalid_sequences(), whole.invalid_sequences());
    ASSERT_EQ(bytewise.first_invalid_offset(), whole.first_invalid_offset());
  }
}

TEST(PageReaderCap, LongPageIsCutAfterALineEndWithinTheCap) {
  PageReaderOptions options;
  options.page_cap = 16;
  const std::string input = "0123456\n89abcdef\nxyz\n";
  for (std::size_t chunk : kChunkSizes) {
    auto pieces = read_pieces(input, chunk, options);
    ASSERT_EQ(pieces.size(), 2u) << chunk;
    EXPECT_EQ(pieces[0], (ReadPiece{"0123456\n", false, false, 1, std::nullopt})) << chunk;
    EXPECT_EQ(pieces[1], (ReadPiece{"89abcdef\nxyz\n", true, false, 1, std::nullopt})) << chunk;
  }
}

TEST(PageReaderCap, PageOfExactlyTheCapIsWhole) {
  PageReaderOptions options;
  options.page_cap = 16;
  EXPECT_THAT(texts(read_pieces(std::string(16, 'a') + "\fb", 1, options)),
              testing::ElementsAre(std::string(16, 'a'), "b"));
}

TEST(PageReaderCap, GiantLineIsCutAtCharacterBoundaries) {
  PageReaderOptions options;
  options.page_cap = 64;
  std::string line;
  for (int i = 0; i < 100; ++i) line += i % 7 == 0 ? "\xF0\x9F\x98\x80" : "中";
  for (std::size_t chunk : kChunkSizes) {
    auto pieces = read_pieces(line, chunk, options);
    std::string joined;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      const auto& text = pieces[i].text;
      ASSERT_LE(text.size(), 64u);
      ASSERT_FALSE(text.empty());
      EXPECT_NE(static_cast<unsigned char>(text[0]) & 0xC0, 0x80) << "piece starts inside a character";
      EXPECT_EQ(pieces[i].page_end, i + 1 == pieces.size());
      EXPECT_FALSE(pieces[i].first_invalid_utf8.has_value());
      joined += text;
    }
    EXPECT_EQ(joined, line) << chunk;
    EXPECT_EQ(pieces, read_pieces(line, 1 << 20, options)) << chunk;
  }
}

TEST(PageReaderWholeLines, LineLongerThanTheCapIsHandedOutWhole) {
  PageReaderOptions options;
  options.page_cap = 16;
  options.whole_lines = true;
  const std::string giant = "会议于1月28日召开，会议于1月28日召开，";  // 54 bytes
  const std::string input = "ab\n" + giant + "\ncd\n" + giant + "\fef\n" + giant;
  for (std::size_t chunk : kChunkSizes) {
    EXPECT_THAT(read_pieces(input, chunk, options),
                testing::ElementsAre(ReadPiece{"ab\n", false, false, 1, std::nullopt},
                                     ReadPiece{giant + "\n", false, false, 1, std::nullopt},
                                     ReadPiece{"cd\n", false, false, 1, std::nullopt},
                                     ReadPiece{giant, true, true, 1, std::nullopt},
                                     ReadPiece{"ef\n", false, false, 2, std::nullopt},
                                     ReadPiece{giant, true, false, 2, std::nullopt}))
        << chunk;
  }
}

TEST(PageReaderWholeLines, ShortLinesAreCutAsWithoutIt) {
  PageReaderOptions options;
  options.page_cap = 16;
  const std::string input = "0123456\n89abcdef\nxyz\n";
  const auto cut = read_pieces(input, 7, options);
  options.whole_lines = true;
  EXPECT_EQ(read_pieces(input, 7, options), cut);
}

TEST(PageReaderWholeLines, LineOfManyReadsIsWholeAndNotRescanned) {
  // A 12 MB line read 4 KiB at a time with a 64 KiB cap: one piece, found in linear time.
  PageReaderOptions options;
  options.page_cap = 64 << 10;
  options.whole_lines = true;
  std::string line;
  while (line.size() < (12u << 20)) line += "抓好党的二十大精神的学习宣传贯彻工作，";
  const auto pieces = read_pieces(line + "\n短。\n", 4096, options);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].text, line + "\n");
  EXPECT_EQ(pieces[1].text, "短。\n");
}

TEST(PageReaderCap, MemoryIsBoundedByTheCap) {
  // 3 MB without a form feed, cap 64 KiB: every piece is small.
  PageReaderOptions options;
  options.page_cap = 64 << 10;
  std::string input;
  while (input.size() < (3u << 20)) input += "抓好党的二十大精神的学习宣传贯彻工作。\n";
  auto pieces = read_pieces(input, 4096, options);
  std::size_t total = 0;
  for (const auto& piece : pieces) {
    EXPECT_LE(piece.text.size(), options.page_cap);
    total += piece.text.size();
  }
  EXPECT_EQ(total, input.size());
  EXPECT_GT(pieces.size(), 40u);
}

TEST(PageReaderEager, HandsOutCompleteLinesAsTheyArrive) {
  PageReaderOptions options;
  options.eager_lines = true;
  auto pieces = read_pieces("ab\ncd\nef\fgh", 1, options);
  std::string joined;
  for (const auto& piece : pieces) {
    if (!piece.page_end) {
      EXPECT_EQ(piece.text.back(), '\n');
    }
    joined += piece.text + (piece.form_feed ? "\f" : "");
  }
  EXPECT_EQ(joined, "ab\ncd\nef\fgh");
  EXPECT_GE(pieces.size(), 4u);
  EXPECT_EQ(pieces.back().page_number, 2u);
  EXPECT_TRUE(pieces.back().page_end);
}

// Hands out its chunks, each over as many reads as the sizes asked for take; after
// a chunk marked as followed by a pause, wait_for_input says that nothing came.
class PausingSource : public InputSource {
 public:
  struct Chunk {
    std::string bytes;
    bool pause_after;
  };
  explicit PausingSource(std::vector<Chunk> chunks) : InputSource("-"), chunks_(std::move(chunks)) {}
  std::size_t read(char* buffer, std::size_t size) override {
    if (next_ == chunks_.size()) return 0;
    const Chunk& chunk = chunks_[next_];
    const std::size_t n = std::min(size, chunk.bytes.size() - offset_);
    std::memcpy(buffer, chunk.bytes.data() + offset_, n);
    offset_ += n;
    paused_ = false;
    if (offset_ == chunk.bytes.size()) {
      paused_ = chunk.pause_after;
      ++next_;
      offset_ = 0;
    }
    return n;
  }
  bool wait_for_input(std::chrono::milliseconds /*timeout*/) override { return !paused_; }

 private:
  std::vector<Chunk> chunks_;
  std::size_t next_ = 0, offset_ = 0;
  bool paused_ = false;
};

std::vector<ReadPiece> read_pausing(std::vector<PausingSource::Chunk> chunks, std::size_t read_size) {
  PausingSource source(std::move(chunks));
  PageReaderOptions options;
  options.read_size = read_size;
  options.lines_at_pause = true;
  PageReader reader(source, options);
  std::vector<ReadPiece> pieces;
  Piece piece;
  while (reader.next(piece)) {
    pieces.push_back({std::string(piece.text), piece.page_end, piece.form_feed, piece.page_number, std::nullopt});
  }
  return pieces;
}

TEST(PageReaderPause, LinesReadBeforeAPauseAreHandedOut) {
  EXPECT_THAT(read_pausing({{"标题\n本报讯 今天", true}, {"会议召开。\n", false}, {"第二段\f下页\n", true}, {"完", false}},
                           4096),
              testing::ElementsAre(ReadPiece{"标题\n", false, false, 1, std::nullopt},
                                   ReadPiece{"本报讯 今天会议召开。\n第二段", true, true, 1, std::nullopt},
                                   ReadPiece{"下页\n", false, false, 2, std::nullopt},
                                   ReadPiece{"完", true, false, 2, std::nullopt}));
}

TEST(PageReaderPause, InputWithoutAPauseIsCutAsWithoutTheOption) {
  // Short reads (a pipe's capacity) are no pause while more input is waiting.
  const std::string page = "标题\n本报讯 今天会议\n召开。\n第二段\f下页\n完";
  for (std::size_t chunk : {1, 2, 5, 16}) {
    std::vector<PausingSource::Chunk> chunks;
    for (std::size_t at = 0; at < page.size(); at += chunk) chunks.push_back({page.substr(at, chunk), false});
    EXPECT_EQ(read_pausing(chunks, 4096), read_pieces(page, 4096)) << chunk;
  }
}

TEST(PageReaderPause, AFullReadIsNoPause) {
  // Reads that bring all they asked for read on: the input may well go on.
  EXPECT_THAT(texts(read_pausing({{"ab\ncd\n", true}, {"ef\n", false}}, 3)), testing::ElementsAre("ab\ncd\nef\n"));
}

class FailingSource : public InputSource {
 public:
  FailingSource(std::string data) : InputSource("broken"), data_(std::move(data)) {}
  std::size_t read(char* buffer, std::size_t size) override {
    if (done_) throw InputError(name(), "Input/output error");
    std::size_t n = std::min(size, data_.size());
    std::memcpy(buffer, data_.data(), n);
    done_ = true;
    return n;
  }

 private:
  std::string data_;
  bool done_ = false;
};

TEST(PageReader, ReadErrorComesAfterTheBytesReadBeforeIt) {
  FailingSource source("a\fbc");
  PageReader reader(source);
  Piece piece;
  ASSERT_TRUE(reader.next(piece));
  EXPECT_EQ(piece.text, "a");
  ASSERT_TRUE(reader.next(piece));
  EXPECT_EQ(piece.text, "bc");
  EXPECT_THROW(reader.next(piece), InputError);
  EXPECT_FALSE(reader.next(piece));
}

}  // namespace
}  // namespace jianbao

namespace jianbao {
namespace {

// The block checks (64 and 16 bytes) must find a bad byte wherever it sits in Chinese text.
TEST(Utf8Validator, FindsABadByteAtEveryPositionOfChineseText) {
  const std::string text = "本报讯 1月28日上午，交城县委常委会（扩大）会议召开，传达“两会”精神。Hello 2023 年！";
  for (std::size_t p = 0; p <= text.size(); ++p) {
    if (p < text.size() && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) continue;  // not a boundary
    const std::string bad = text.substr(0, p) + "\xFF" + text.substr(p);
    Utf8Validator v;
    v.feed(bad.data(), bad.size());
    v.finish();
    EXPECT_EQ(v.invalid_sequences(), 1u) << p;
    EXPECT_EQ(v.first_invalid_offset(), std::optional<std::uint64_t>(p)) << p;
  }
  Utf8Validator clean;
  clean.feed(text.data(), text.size());
  clean.finish();
  EXPECT_EQ(clean.invalid_sequences(), 0u);
}

// A three-byte sequence cut short by the lead byte of the character that the block's
// end cuts (…E4 B8 | E2 80 9D…, the E2 at the block's last byte) was taken as whole:
// --strict passed the input and no warning was given.
TEST(Utf8Validator, SequenceCutShortBeforeTheBlockEndIsInvalid) {
  for (std::size_t prefix = 0; prefix < 80; ++prefix) {
    const std::string bytes = std::string(prefix, 'a') + "\xE4\xB8\xE2\x80\x9D" + std::string(80, 'a');
    Utf8Validator v;
    v.feed(bytes.data(), bytes.size());
    v.finish();
    EXPECT_EQ(v.invalid_sequences(), 1u) << prefix;
    EXPECT_EQ(v.first_invalid_offset(), std::optional<std::uint64_t>(prefix)) << prefix;
  }
}

// The block checks and the byte-at-a-time automaton agree
// on long Chinese text with a few bad or unusual sequences anywhere in it.
TEST(Utf8Validator, BlockChecksAgreeWithTheByteAutomaton) {
  std::mt19937 random(20231123);
  const std::string plain[] = {"中", "国", "，", "。", "“", "”", "a", "1", " ", "\n", "\xEF\xBC\x9F"};
  const std::string unusual[] = {"\xFF", "\x80", "\xE4\xB8", "\xED\xA0\x80", "\xE0\x80\x80", "\xC2\xB7",
                                 "\xF0\x9F\x98\x80", "\xF4\x90\x80\x80", "\xE0\xA0\x80", "\xC0\xAF"};
  for (int round = 0; round < 500; ++round) {
    std::string bytes;
    const int length = std::uniform_int_distribution<>(0, 200)(random);
    for (int i = 0; i < length; ++i) {
      if (std::uniform_int_distribution<>(0, 60)(random) == 0)
        bytes += unusual[std::uniform_int_distribution<>(0, std::size(unusual) - 1)(random)];
      else
        bytes += plain[std::uniform_int_distribution<>(0, std::size(plain) - 1)(random)];
    }
    Utf8Validator whole;
    whole.feed(bytes.data(), bytes.size());
    whole.finish();
    Utf8Validator bytewise;
    for (char byte : bytes) bytewise.feed(&byte, 1);
    bytewise.finish();
    ASSERT_EQ(whole.invalid_sequences(), bytewise.invalid_sequences()) << testing::PrintToString(bytes);
    ASSERT_EQ(whole.first_invalid_offset(), bytewise.first_invalid_offset()) << testing::PrintToString(bytes);
  }
}

}  // namespace
}  // namespace jianbao
