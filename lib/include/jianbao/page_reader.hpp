// Page reader: splits one input's bytes into pages at form feeds, the unit every
// filter works on. Normalizes line ends (CRLF, lone CR -> '\n'), drops a UTF-8 BOM at
// the start, and finds invalid UTF-8, which passes through untouched. Where pages end
// depends only on the bytes, never on how reads happened to split them.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string_view>

#include "jianbao/input_source.hpp"

namespace jianbao {

// Streaming UTF-8 check that counts invalid sequences the way ICU and WHATWG decoders
// do (each maximal ill-formed subpart once): stray continuation bytes, bytes C0, C1,
// F5..FF, overlong forms, surrogates, code points past U+10FFFF, and sequences cut
// short by another byte or by the end of input.
class Utf8Validator {
 public:
  // Checks the next bytes of the stream (any split gives the same result).
  void feed(const char* data, std::size_t size);
  // The input ended: a sequence still open is invalid.
  void finish();

  std::uint64_t invalid_sequences() const { return invalid_sequences_; }
  // Stream offset of the first invalid sequence's first byte.
  std::optional<std::uint64_t> first_invalid_offset() const { return first_invalid_offset_; }
  std::uint64_t bytes_seen() const { return position_; }

 private:
  void step(unsigned char byte, std::uint64_t offset);
  void invalid_at(std::uint64_t offset);

  unsigned pending_ = 0;  // continuation bytes still expected
  unsigned char low_ = 0x80, high_ = 0xBF;  // allowed range of the next one
  std::uint64_t sequence_start_ = 0;
  std::uint64_t position_ = 0;
  std::uint64_t invalid_sequences_ = 0;
  std::optional<std::uint64_t> first_invalid_offset_;
};

// How long the input must stay quiet to count as paused (lines_at_pause): long
// enough for a writer that a full pipe held up to write again, short to the eye.
inline constexpr std::chrono::milliseconds kInputPause{50};

struct PageReaderOptions {
  // Bytes asked of the source per read (tests use 1 and 7).
  std::size_t read_size = std::size_t{256} << 10;
  // Longest piece: a longer page is cut after its last line end within the cap, or
  // (one giant line) at a UTF-8 character boundary, so memory stays bounded.
  std::size_t page_cap = std::size_t{1} << 20;
  // Never cut inside a line: a line longer than the cap is read to its end and handed
  // out whole, so memory grows with the longest line. For line-oriented filters
  // (tag-dates, to-tsv), to which half a line is a different line.
  bool whole_lines = false;
  // Also hand out the complete lines read so far without waiting for the page to
  // end: for line-oriented filters under --line-buffered (tail -f). Piece boundaries
  // then depend on read timing.
  bool eager_lines = false;
  // Hand out the complete lines read so far when the input pauses: a read brought
  // fewer bytes than asked and no more came within kInputPause
  // (InputSource::wait_for_input). For despace under --line-buffered, whose
  // paragraphs span lines: input that comes in one go is cut as without it, and
  // only a pause can fall inside a paragraph.
  bool lines_at_pause = false;
};

// A page, or part of one when it exceeded the cap (or under eager_lines or
// lines_at_pause).
struct Piece {
  // The page's lines joined by '\n' (no '\r', no form feed), until the page end or
  // the cut. Valid until the next call to PageReader::next.
  std::string_view text;
  // This piece ends its page (the page's other pieces came before it).
  bool page_end = false;
  // The page ended at a form feed (rather than at the end of input).
  bool form_feed = false;
  // 1-based page number within the input.
  std::uint64_t page_number = 1;
  // The FILE operand the piece came from ("-" for stdin), and whether this is its
  // first piece: filters that number things per input (split-articles' ARTICLE,
  // tag-dates' LINE) start again there. Set by run_filter, not by the PageReader.
  std::string_view source;
  bool source_start = false;
  // When this piece holds the input's first invalid UTF-8 sequence: its offset in
  // the input bytes (after decompression, before line-end normalization).
  std::optional<std::uint64_t> first_invalid_utf8;
};

class PageReader {
 public:
  explicit PageReader(InputSource& source, PageReaderOptions options = {});
  ~PageReader();
  PageReader(const PageReader&) = delete;
  PageReader& operator=(const PageReader&) = delete;

  // The next piece; false at the end of input. A read error ends the pieces: the
  // bytes before it come out as a last piece, then next() throws the InputError.
  bool next(Piece& piece);

  // Invalid UTF-8 found so far (reads run ahead of the pieces handed out).
  const Utf8Validator& utf8() const { return utf8_; }

 private:
  bool take_piece(Piece& piece);
  void read_more();
  std::size_t normalize_read(char* data, std::size_t size, std::size_t mark, std::size_t& mark_out);
  std::size_t cut_point() const;
  bool take_long_line(Piece& piece);
  void hand_out(Piece& piece, std::size_t length, std::size_t consumed, bool page_end, bool form_feed);
  void reserve(std::size_t size);

  InputSource& source_;
  PageReaderOptions options_;
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
  std::size_t begin_ = 0;       // buffer_[begin_, end_) holds normalized bytes not yet handed out
  std::size_t end_ = 0;
  std::size_t handed_out_ = 0;  // bytes the last piece used up, dropped at the next call
  std::size_t scanned_ = 0;     // buffer_[begin_, scanned_) holds no form feed
  std::size_t line_scanned_ = 0;  // whole_lines: page bytes [cap, line_scanned_) hold no line end
  bool started_ = false;        // a BOM can only come first
  bool input_ended_ = false;
  bool paused_ = false;         // lines_at_pause: the last read found the input paused
  bool finished_ = false;
  bool pending_cr_ = false;     // the last byte read was a CR: drop a following LF
  bool page_has_pieces_ = false;
  std::uint64_t page_number_ = 1;
  std::uint64_t bytes_read_ = 0;
  Utf8Validator utf8_;
  std::optional<std::size_t> first_invalid_position_;  // in buffer_, until handed out
  bool first_invalid_handed_out_ = false;
  std::exception_ptr read_error_;
};

}  // namespace jianbao
