// Page reader: splits one input's bytes into pages at form feeds. Reads land directly
// in one reusable buffer; each read is validated as UTF-8 and line-end normalized in
// place, so plain input costs a few memchr-speed passes per byte and no allocation.
#include "jianbao/page_reader.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#include "jianbao/line_ends.hpp"
#include "jianbao/text_block.hpp"

namespace jianbao {

namespace {

// For a UTF-8 lead byte: how many continuation bytes follow and the range the first
// one must fall in (which rules out overlongs, surrogates and values past U+10FFFF).
struct LeadByte {
  unsigned char continuations;  // kNotLead: not a lead byte
  unsigned char low, high;
};
constexpr unsigned char kNotLead = 0xFF;

constexpr LeadByte lead_byte(unsigned char byte) {
  if (byte < 0x80) return {0, 0, 0};
  if (byte < 0xC2) return {kNotLead, 0, 0};
  if (byte < 0xE0) return {1, 0x80, 0xBF};
  if (byte == 0xE0) return {2, 0xA0, 0xBF};
  if (byte == 0xED) return {2, 0x80, 0x9F};
  if (byte < 0xF0) return {2, 0x80, 0xBF};
  if (byte == 0xF0) return {3, 0x90, 0xBF};
  if (byte < 0xF4) return {3, 0x80, 0xBF};
  if (byte == 0xF4) return {3, 0x80, 0x8F};
  return {kNotLead, 0, 0};
}

constexpr auto kLeadBytes = [] {
  std::array<LeadByte, 256> table{};
  for (int byte = 0; byte < 256; ++byte) table[byte] = lead_byte(static_cast<unsigned char>(byte));
  return table;
}();

constexpr bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

bool all_ascii(const unsigned char* data) {
  std::uint64_t word;
  std::memcpy(&word, data, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::size_t kNoMark = static_cast<std::size_t>(-1);

}  // namespace

void Utf8Validator::invalid_at(std::uint64_t offset) {
  ++invalid_sequences_;
  if (!first_invalid_offset_) first_invalid_offset_ = offset;
}

// One byte of the automaton; used where a sequence may straddle two feeds.
void Utf8Validator::step(unsigned char byte, std::uint64_t offset) {
  if (pending_ > 0) {
    if (byte >= low_ && byte <= high_) {
      --pending_;
      low_ = 0x80;
      high_ = 0xBF;
      return;
    }
    // Cut short: the open sequence is one error and this byte starts afresh.
    invalid_at(sequence_start_);
    pending_ = 0;
  }
  const LeadByte lead = kLeadBytes[byte];
  if (lead.continuations == 0) return;
  if (lead.continuations == kNotLead) {
    invalid_at(offset);
    return;
  }
  pending_ = lead.continuations;
  low_ = lead.low;
  high_ = lead.high;
  sequence_start_ = offset;
}

void Utf8Validator::feed(const char* data, std::size_t size) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(data);
  std::size_t i = 0;
  for (; pending_ > 0 && i < size; ++i) step(bytes[i], position_ + i);
  // Whole sequences while 4 bytes are always at hand: ASCII runs eight at a time,
  // the three-byte sequences of Han text checked inline.
  while (i + 4 <= size) {
    // Chinese text is mostly ASCII and three-byte characters, checked 64 bytes at a
    // time (text_block.hpp); the rest byte by byte.
    if (const std::size_t length = plain_text_length(bytes + i, size - i)) {
      i += length;
      continue;
    }
    const unsigned char byte = bytes[i];
    if (byte < 0x80) {
      ++i;
      while (i + 8 <= size && all_ascii(bytes + i)) i += 8;
      continue;
    }
    // Ideographs U+4E00..U+9FFF (lead bytes E4..E9, any two continuation bytes) are
    // most of the text: a tight loop with no table look-up.
    if (static_cast<unsigned>(byte - 0xE4) <= 0xE9 - 0xE4 && is_continuation(bytes[i + 1]) &&
        is_continuation(bytes[i + 2])) {
      do i += 3;
      while (i + 4 <= size && static_cast<unsigned>(bytes[i] - 0xE4) <= 0xE9 - 0xE4 &&
             is_continuation(bytes[i + 1]) && is_continuation(bytes[i + 2]));
      continue;
    }
    const LeadByte lead = kLeadBytes[byte];
    if (lead.continuations == 2 && bytes[i + 1] >= lead.low && bytes[i + 1] <= lead.high &&
        is_continuation(bytes[i + 2])) {
      i += 3;
      continue;
    }
    if (lead.continuations == kNotLead) {
      invalid_at(position_ + i);
      ++i;
      continue;
    }
    // The valid prefix of the sequence; cut short, it is one error (as in step()).
    std::size_t length = 1;
    if (bytes[i + 1] >= lead.low && bytes[i + 1] <= lead.high) {
      ++length;
      while (length <= lead.continuations && is_continuation(bytes[i + length])) ++length;
    }
    if (length != lead.continuations + 1u) invalid_at(position_ + i);
    i += length;
  }
  for (; i < size; ++i) step(bytes[i], position_ + i);
  position_ += size;
}

void Utf8Validator::finish() {
  if (pending_ > 0) invalid_at(sequence_start_);
  pending_ = 0;
}

PageReader::PageReader(InputSource& source, PageReaderOptions options) : source_(source), options_(options) {
  options_.read_size = std::max<std::size_t>(options_.read_size, 1);
  // A cut must leave room to back up over a partial character and still make progress.
  options_.page_cap = std::max<std::size_t>(options_.page_cap, 8);
}

PageReader::~PageReader() = default;

bool PageReader::next(Piece& piece) {
  begin_ += handed_out_;
  handed_out_ = 0;
  scanned_ = std::max(scanned_, begin_);
  while (!finished_) {
    if (take_piece(piece)) return true;
    if (input_ended_) {
      finished_ = true;
      break;
    }
    read_more();
  }
  if (read_error_) std::rethrow_exception(std::exchange(read_error_, nullptr));
  return false;
}

bool PageReader::take_piece(Piece& piece) {
  const std::size_t cap = options_.page_cap;
  const std::size_t size = end_ - begin_;
  // Only the first cap + 1 bytes decide where this page's first piece ends.
  const std::size_t limit = begin_ + std::min(size, cap + 1);
  if (scanned_ < limit) {
    const void* form_feed = std::memchr(buffer_.get() + scanned_, '\f', limit - scanned_);
    if (form_feed != nullptr) {
      std::size_t length = static_cast<const char*>(form_feed) - (buffer_.get() + begin_);
      hand_out(piece, length, length + 1, /*page_end=*/true, /*form_feed=*/true);
      return true;
    }
    scanned_ = limit;
  }
  if (size > cap) {
    if (const std::size_t cut = cut_point(); cut > 0) {
      hand_out(piece, cut, cut, /*page_end=*/false, /*form_feed=*/false);
      return true;
    }
    // whole_lines, and the page's first line is longer than the cap: read on to its
    // end (at the input's end it is the last piece, below).
    if (take_long_line(piece)) return true;
    if (!input_ended_) return false;
  }
  if (input_ended_) {
    // The last page; an empty one only closes a page whose pieces came before.
    if (size == 0 && !page_has_pieces_) return false;
    hand_out(piece, size, size, /*page_end=*/true, /*form_feed=*/false);
    return true;
  }
  if ((options_.eager_lines || paused_) && size > 0) {
    const void* line_end = ::memrchr(buffer_.get() + begin_, '\n', size);
    if (line_end != nullptr) {
      std::size_t length = static_cast<const char*>(line_end) - (buffer_.get() + begin_) + 1;
      hand_out(piece, length, length, /*page_end=*/false, /*form_feed=*/false);
      return true;
    }
  }
  return false;
}

// Where to cut a page longer than the cap: after its last line end within the cap,
// else (one giant line) at the last character boundary at or before the cap, or
// under whole_lines nowhere yet (0).
std::size_t PageReader::cut_point() const {
  const char* page = buffer_.get() + begin_;
  const std::size_t cap = options_.page_cap;
  if (const void* line_end = ::memrchr(page, '\n', cap); line_end != nullptr) {
    return static_cast<const char*>(line_end) - page + 1;
  }
  if (options_.whole_lines) return 0;
  std::size_t cut = cap;
  for (int backed_up = 0; backed_up < 3 && is_continuation(static_cast<unsigned char>(page[cut])); ++backed_up) --cut;
  return cut;
}

// Under whole_lines, a page whose first line is longer than the cap: hands the line
// out once its end has been read, after its '\n' or up to a form feed (which ends the
// page). Bytes searched once are not searched again while the line grows.
bool PageReader::take_long_line(Piece& piece) {
  const char* const page = buffer_.get() + begin_;
  const std::size_t size = end_ - begin_;
  const std::size_t from = std::max(line_scanned_, options_.page_cap);
  const void* newline = std::memchr(page + from, '\n', size - from);
  const std::size_t line_end =
      newline != nullptr ? static_cast<std::size_t>(static_cast<const char*>(newline) - page) : size;
  if (const void* form_feed = std::memchr(page + from, '\f', line_end - from); form_feed != nullptr) {
    const std::size_t length = static_cast<const char*>(form_feed) - page;
    hand_out(piece, length, length + 1, /*page_end=*/true, /*form_feed=*/true);
    return true;
  }
  if (newline != nullptr) {
    hand_out(piece, line_end + 1, line_end + 1, /*page_end=*/false, /*form_feed=*/false);
    return true;
  }
  line_scanned_ = size;
  return false;
}

void PageReader::hand_out(Piece& piece, std::size_t length, std::size_t consumed, bool page_end, bool form_feed) {
  piece.text = std::string_view(buffer_.get() + begin_, length);
  piece.page_end = page_end;
  piece.form_feed = form_feed;
  piece.page_number = page_number_;
  piece.first_invalid_utf8.reset();
  if (first_invalid_position_ && !first_invalid_handed_out_ && *first_invalid_position_ < begin_ + consumed) {
    piece.first_invalid_utf8 = utf8_.first_invalid_offset();
    first_invalid_handed_out_ = true;
  }
  handed_out_ = consumed;
  line_scanned_ = 0;
  if (page_end) {
    ++page_number_;
    page_has_pieces_ = false;
  } else {
    page_has_pieces_ = true;
  }
}

void PageReader::reserve(std::size_t size) {
  if (size <= capacity_) return;
  // Allocated once at the most a capped page plus one read can need: never copied
  // while growing, and pages of it that are never touched cost no memory. Only a
  // line longer than the cap (whole_lines) grows it, doubling, so its bytes are
  // copied a few times, not once per read.
  std::size_t capacity = std::max({size, options_.page_cap + std::max<std::size_t>(options_.read_size, 3) + 1,
                                   2 * capacity_});
  std::unique_ptr<char[]> buffer(new char[capacity]);  // uninitialized: reads fill it
  if (end_ > 0) std::memcpy(buffer.get(), buffer_.get(), end_);
  buffer_ = std::move(buffer);
  capacity_ = capacity;
}

void PageReader::read_more() {
  // Move what is left of the current page to the front: at most a page, once per read.
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    scanned_ -= begin_;
    if (first_invalid_position_ && !first_invalid_handed_out_) *first_invalid_position_ -= begin_;
    begin_ = 0;
  }
  // At the start, gather at least three bytes so a BOM is recognized whatever the reads.
  const std::size_t wanted = started_ ? options_.read_size : std::max<std::size_t>(options_.read_size, 3);
  reserve(end_ + wanted);
  char* const region = buffer_.get() + end_;
  std::size_t got = 0;
  do {
    std::size_t n = 0;
    try {
      n = source_.read(region + got, std::min(options_.read_size, wanted - got));
    } catch (const InputError&) {
      read_error_ = std::current_exception();
    }
    if (n == 0) {
      input_ended_ = true;
      break;
    }
    got += n;
  } while (!started_ && got < 3);
  paused_ = options_.lines_at_pause && !input_ended_ && got < wanted && !source_.wait_for_input(kInputPause);

  const bool had_invalid = utf8_.first_invalid_offset().has_value();
  utf8_.feed(region, got);
  if (input_ended_) utf8_.finish();
  // Where the input's first invalid sequence starts, as an index into this read.
  std::size_t mark = kNoMark;
  std::size_t bytes_before_region = 0;
  if (!had_invalid && utf8_.first_invalid_offset()) {
    const std::uint64_t offset = *utf8_.first_invalid_offset();
    if (offset >= bytes_read_) {
      mark = static_cast<std::size_t>(offset - bytes_read_);
    } else {
      // A sequence begun in an earlier read: its bytes are the last ones kept, unchanged.
      bytes_before_region = static_cast<std::size_t>(bytes_read_ - offset);
    }
  }
  std::size_t mark_out = kNoMark;
  const std::size_t kept = normalize_read(region, got, mark, mark_out);
  if (mark != kNoMark) {
    first_invalid_position_ = end_ + mark_out;
  } else if (bytes_before_region > 0) {
    first_invalid_position_ = end_ - std::min(end_ - begin_, bytes_before_region);
  }
  bytes_read_ += got;
  end_ += kept;
  started_ = true;
}

// Drops a BOM at the very start, then makes CRLF and lone CR '\n' (line_ends.hpp;
// a CR may end one read and its LF begin the next). Compacts data[0, size) in place,
// returns the new size, and maps index `mark` of the raw bytes to its index after.
std::size_t PageReader::normalize_read(char* data, std::size_t size, std::size_t mark, std::size_t& mark_out) {
  if (!started_ && std::string_view(data, std::min<std::size_t>(size, 3)) == kByteOrderMark) {
    // Once per input. A BOM is valid UTF-8: the mark is past it.
    std::memmove(data, data + 3, size - 3);
    size -= 3;
    if (mark != kNoMark) mark -= 3;
  }
  if (mark == kNoMark) return normalize_line_ends(data, size, pending_cr_);
  // The marked byte is never a CR or LF: it lands where the bytes before it end.
  mark_out = normalize_line_ends(data, mark, pending_cr_);
  const std::size_t rest = normalize_line_ends(data + mark, size - mark, pending_cr_);
  std::memmove(data + mark_out, data + mark, rest);
  return mark_out + rest;
}

}  // namespace jianbao
