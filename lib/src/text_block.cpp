// Text blocks: the bit masks of a page, 64 bytes at a time, for despace's page scan.
// Each instruction set computes the same raw masks; what makes a block plain, and
// the characters that cross from one block into the next, are worked out once for all.
#include "jianbao/text_block.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace jianbao {
namespace {

// One mask per byte class of a 64-byte block, before any check of the sequences.
struct RawMasks {
  std::uint64_t ascii = 0;
  std::uint64_t continuation = 0;  // 80..BF
  std::uint64_t plain_lead = 0;    // E1..EF but ED: a three-byte lead with no bound on the second byte
  std::uint64_t ideograph_lead = 0;  // E4..E9
  std::uint64_t e4 = 0, b7 = 0;    // to tell the hexagrams (E4 B7 xx) from ideographs
  std::uint64_t whitespace = 0;
  std::uint64_t line_ends = 0;
  std::uint64_t ascii_marks = 0;
};

// Turns raw masks into blocks, carrying what crosses a block's end into the next.
class BlockBuilder {
 public:
  // Sized once, so that the loop adding blocks makes no call: one would make the
  // compiler load its vector constants again for every block.
  BlockBuilder(std::vector<TextBlock>& blocks, std::size_t size) : blocks_(blocks) {
    blocks_.resize((size + kTextBlockBytes - 1) / kTextBlockBytes);
  }

  // Adds the next block, of which the first `size` bytes (1..64) are text.
  [[gnu::always_inline]] void add(const RawMasks& raw, std::size_t size) {
    const std::uint64_t within = size == kTextBlockBytes ? ~std::uint64_t{0} : (std::uint64_t{1} << size) - 1;
    const std::uint64_t leads = raw.plain_lead & within;
    const std::uint64_t continuations = raw.continuation & within;
    bool carry_ok = true;
    if (count_ > 0) {
      TextBlock& previous = blocks_[count_ - 1];
      // The previous block's last character is cut short here: neither block is plain.
      if (carry_ & ~continuations) previous.plain = false;
      // Nor is this one when that character is not whole for another reason: its
      // continuation bytes here would be stray ones, characters of their own.
      carry_ok = previous.plain || carry_ == 0;
      // A hexagram (E4 B7 xx) whose lead byte ended the previous block.
      if (previous_e4_last_ && (raw.b7 & 1)) {
        previous.ideographs &= ~(std::uint64_t{1} << 63);
        previous.other_three_byte |= (previous.starts >> 63) << 63;
      }
    }
    // A lead byte wants its two continuation bytes next, in this block or the next.
    const std::uint64_t wanted = (leads << 1) | (leads << 2) | carry_;
    const bool classes_ok = ((raw.ascii | raw.continuation | raw.plain_lead) & within) == within;
    TextBlock& b = blocks_[count_++];
    b.plain = classes_ok && carry_ok && continuations == (wanted & within) && (wanted & ~within) == 0;
    carry_ = (leads >> 63) * 3 | ((leads >> 62) & 1);
    previous_e4_last_ = (raw.e4 & leads) >> 63;
    b.whitespace = raw.whitespace & within;
    b.line_ends = raw.line_ends & within;
    b.starts = (raw.ascii | leads) & within;
    b.ideographs = raw.ideograph_lead & leads & ~(raw.e4 & (raw.b7 >> 1));
    b.other_three_byte = leads & ~b.ideographs;
    b.ascii_marks = raw.ascii_marks & within;
  }

  // The last block, shorter than a block: a copy padded with ASCII, to read whole.
  const unsigned char* padded(const unsigned char* tail, std::size_t size) {
    std::memset(padded_, 'x', sizeof padded_);
    std::memcpy(padded_, tail, size);
    return padded_;
  }

  // The text ended: a character still waiting for continuation bytes is cut short.
  void finish() {
    if (carry_ != 0 && count_ > 0) blocks_[count_ - 1].plain = false;
  }

 private:
  std::vector<TextBlock>& blocks_;
  std::size_t count_ = 0;
  std::uint64_t carry_ = 0;  // continuation bytes the next block must start with
  bool previous_e4_last_ = false;
  unsigned char padded_[kTextBlockBytes];
};

// Steps through plain blocks for plain_text_length: whether the block is plain given
// the continuation bytes the one before left it (carry), and what it leaves the next.
[[gnu::always_inline]] inline bool next_plain_block(const RawMasks& m, std::uint64_t& carry) {
  const std::uint64_t wanted = (m.plain_lead << 1) | (m.plain_lead << 2) | carry;
  if ((m.ascii | m.continuation | m.plain_lead) != ~std::uint64_t{0} || m.continuation != wanted) return false;
  carry = (m.plain_lead >> 63) * 3 | ((m.plain_lead >> 62) & 1);
  return true;
}

// Where plain_text_length stops: at `end`, the end of the last plain block, less the
// bytes of a character that block leaves unfinished (a lead at 62 or 63).
inline std::size_t before_unfinished(std::size_t end, std::uint64_t carry) {
  return end - (carry & 2 ? 1 : carry ? 2 : 0);
}

// The ASCII bytes of a class told by their low four bits, as tables for a byte
// shuffle (the AVX2 and AVX-512 masks): a byte is in the class when it equals the
// entry its low bits pick. Entries 0x80 match no byte, as the shuffle gives 0 for
// bytes from 0x80 up, which equal no entry either. Two instructions a class, where
// a compare per byte value takes one each. The shuffle looks up within each 16 bytes
// of a register, so the table is repeated to fill one.
using NibbleTable = std::array<char, 64>;
constexpr NibbleTable nibble_table(std::string_view bytes) {
  NibbleTable table{};
  table.fill(static_cast<char>(0x80));
  for (const char c : bytes) {
    const std::size_t entry = static_cast<unsigned char>(c) & 15;
    // A byte from 0x80 up never matches (the shuffle gives 0 for it), and two bytes
    // sharing their low bits cannot both be told: a throw here stops the compile.
    if (static_cast<unsigned char>(c) & 0x80) throw "nibble_table: not an ASCII byte";
    if (table[entry] != static_cast<char>(0x80)) throw "nibble_table: two bytes share their low four bits";
    for (std::size_t lane = 0; lane < table.size(); lane += 16) table[lane + entry] = c;
  }
  return table;
}
constexpr auto kWhitespaceTable = nibble_table("\t\n\v\f\r ");
constexpr auto kAsciiMarkTable = nibble_table(",;!?");

#if defined(__SSE2__)
// Bytes in [low, low + span], as a 16-bit mask: unsigned compare through min.
inline unsigned in_range_sse2(__m128i v, unsigned char low, unsigned char span) {
  const __m128i offset = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(low)));
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(offset, _mm_set1_epi8(static_cast<char>(span))), offset)));
}
inline __m128i equal_sse2(__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); }
inline unsigned bits_sse2(__m128i m) { return static_cast<unsigned>(_mm_movemask_epi8(m)); }

inline RawMasks raw_masks_sse2(const unsigned char* p) {
  RawMasks m;
  for (int part = 0; part < 4; ++part) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * part));
    const int shift = 16 * part;
    auto put = [&](std::uint64_t& mask, unsigned bits) { mask |= std::uint64_t{bits} << shift; };
    put(m.ascii, bits_sse2(v) ^ 0xFFFFu);
    // Continuation bytes are the signed bytes below -64 (0xC0).
    put(m.continuation, bits_sse2(_mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0)))));
    put(m.plain_lead, in_range_sse2(v, 0xE1, 0xEF - 0xE1) & ~bits_sse2(equal_sse2(v, static_cast<char>(0xED))));
    put(m.ideograph_lead, in_range_sse2(v, 0xE4, 0xE9 - 0xE4));
    put(m.e4, bits_sse2(equal_sse2(v, static_cast<char>(0xE4))));
    put(m.b7, bits_sse2(equal_sse2(v, static_cast<char>(0xB7))));
    put(m.whitespace, in_range_sse2(v, '\t', '\r' - '\t') | bits_sse2(equal_sse2(v, ' ')));
    put(m.line_ends, bits_sse2(equal_sse2(v, '\n')));
    put(m.ascii_marks, bits_sse2(_mm_or_si128(_mm_or_si128(equal_sse2(v, ','), equal_sse2(v, ';')),
                                              _mm_or_si128(equal_sse2(v, '!'), equal_sse2(v, '?')))));
  }
  return m;
}
#endif

#if defined(__x86_64__)
#define JIANBAO_AVX2 __attribute__((target("avx2")))

// The SSE2 masks, 32 bytes at a time.
JIANBAO_AVX2 inline RawMasks raw_masks_avx2(const unsigned char* p) {
  RawMasks m;
  for (int part = 0; part < 2; ++part) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * part));
    const int shift = 32 * part;
    auto bits = [](__m256i mask) JIANBAO_AVX2 { return static_cast<std::uint32_t>(_mm256_movemask_epi8(mask)); };
    auto equal = [&](char c) JIANBAO_AVX2 { return _mm256_cmpeq_epi8(v, _mm256_set1_epi8(c)); };
    auto in_range = [&](unsigned char low, unsigned char span) JIANBAO_AVX2 {
      const __m256i offset = _mm256_sub_epi8(v, _mm256_set1_epi8(static_cast<char>(low)));
      return bits(_mm256_cmpeq_epi8(_mm256_min_epu8(offset, _mm256_set1_epi8(static_cast<char>(span))), offset));
    };
    auto in_table = [&](const NibbleTable& table) JIANBAO_AVX2 {
      const __m256i entries = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(table.data()));
      return bits(_mm256_cmpeq_epi8(v, _mm256_shuffle_epi8(entries, v)));
    };
    auto put = [&](std::uint64_t& mask, std::uint32_t b) { mask |= std::uint64_t{b} << shift; };
    put(m.ascii, ~bits(v));
    put(m.continuation, bits(_mm256_cmpgt_epi8(_mm256_set1_epi8(static_cast<char>(0xC0)), v)));
    put(m.plain_lead, in_range(0xE1, 0xEF - 0xE1) & ~bits(equal(static_cast<char>(0xED))));
    put(m.ideograph_lead, in_range(0xE4, 0xE9 - 0xE4));
    put(m.e4, bits(equal(static_cast<char>(0xE4))));
    put(m.b7, bits(equal(static_cast<char>(0xB7))));
    put(m.whitespace, in_table(kWhitespaceTable));
    put(m.line_ends, bits(equal('\n')));
    put(m.ascii_marks, in_table(kAsciiMarkTable));
  }
  return m;
}
#endif

#if defined(__x86_64__)
#define JIANBAO_AVX512 __attribute__((target("avx512f,avx512bw")))

JIANBAO_AVX512 inline RawMasks raw_masks_avx512(const unsigned char* p) {
  const __m512i v = _mm512_loadu_si512(p);
  auto in_range = [&](unsigned char low, unsigned char span) JIANBAO_AVX512 {
    return _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, _mm512_set1_epi8(static_cast<char>(low))),
                                  _mm512_set1_epi8(static_cast<char>(span)));
  };
  auto equal = [&](char c) JIANBAO_AVX512 { return _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(c)); };
  auto in_table = [&](const NibbleTable& table) JIANBAO_AVX512 {
    const __m512i entries = _mm512_loadu_si512(table.data());
    return _mm512_cmpeq_epi8_mask(v, _mm512_shuffle_epi8(entries, v));
  };
  RawMasks m;
  m.ascii = _mm512_cmplt_epu8_mask(v, _mm512_set1_epi8(static_cast<char>(0x80)));
  // Continuation bytes are the signed bytes below -64 (0xC0).
  m.continuation = _mm512_cmplt_epi8_mask(v, _mm512_set1_epi8(static_cast<char>(0xC0)));
  m.plain_lead = in_range(0xE1, 0xEF - 0xE1) & ~equal(static_cast<char>(0xED));
  m.ideograph_lead = in_range(0xE4, 0xE9 - 0xE4);
  m.e4 = equal(static_cast<char>(0xE4));
  m.b7 = equal(static_cast<char>(0xB7));
  m.whitespace = in_table(kWhitespaceTable);
  m.line_ends = equal('\n');
  m.ascii_marks = in_table(kAsciiMarkTable);
  return m;
}
#endif

}  // namespace

// The classifiers differ only in the mask function: GCC inlines a function
// built for AVX-512 only into another built for it, so each has its own loop.
void classify_text_blocks_sse2(const unsigned char* text, std::size_t size, std::vector<TextBlock>& blocks) {
  BlockBuilder builder(blocks, size);
#if defined(__SSE2__)
  std::size_t i = 0;
  for (; i + kTextBlockBytes <= size; i += kTextBlockBytes) builder.add(raw_masks_sse2(text + i), kTextBlockBytes);
  if (i < size) builder.add(raw_masks_sse2(builder.padded(text + i, size - i)), size - i);
#else
  // No vector unit: every block is left to the character-by-character scan.
  for (std::size_t i = 0; i < size; i += kTextBlockBytes) builder.add(RawMasks{}, std::min(size - i, kTextBlockBytes));
#endif
  builder.finish();
}

#if defined(__x86_64__)
JIANBAO_AVX2 void classify_text_blocks_avx2(const unsigned char* text, std::size_t size, std::vector<TextBlock>& blocks) {
  BlockBuilder builder(blocks, size);
  std::size_t i = 0;
  for (; i + kTextBlockBytes <= size; i += kTextBlockBytes) builder.add(raw_masks_avx2(text + i), kTextBlockBytes);
  if (i < size) builder.add(raw_masks_avx2(builder.padded(text + i, size - i)), size - i);
  builder.finish();
}

JIANBAO_AVX512 void classify_text_blocks_avx512(const unsigned char* text, std::size_t size,
                                                std::vector<TextBlock>& blocks) {
  BlockBuilder builder(blocks, size);
  std::size_t i = 0;
  for (; i + kTextBlockBytes <= size; i += kTextBlockBytes) builder.add(raw_masks_avx512(text + i), kTextBlockBytes);
  if (i < size) builder.add(raw_masks_avx512(builder.padded(text + i, size - i)), size - i);
  builder.finish();
}
#else
void classify_text_blocks_avx2(const unsigned char* text, std::size_t size, std::vector<TextBlock>& blocks) {
  classify_text_blocks_sse2(text, size, blocks);
}
void classify_text_blocks_avx512(const unsigned char* text, std::size_t size, std::vector<TextBlock>& blocks) {
  classify_text_blocks_sse2(text, size, blocks);
}
#endif

std::size_t plain_text_length_sse2(const unsigned char* text, std::size_t size) {
  std::size_t i = 0;
#if defined(__SSE2__)
  std::uint64_t carry = 0;
  // The next block's address does not wait on this one's masks: blocks are checked
  // as fast as they load.
  while (i + kTextBlockBytes <= size && next_plain_block(raw_masks_sse2(text + i), carry)) i += kTextBlockBytes;
  return before_unfinished(i, carry);
#else
  (void)text;
  (void)size;
  return i;
#endif
}

#if defined(__x86_64__)
JIANBAO_AVX2 std::size_t plain_text_length_avx2(const unsigned char* text, std::size_t size) {
  std::size_t i = 0;
  std::uint64_t carry = 0;
  while (i + kTextBlockBytes <= size && next_plain_block(raw_masks_avx2(text + i), carry)) i += kTextBlockBytes;
  return before_unfinished(i, carry);
}

JIANBAO_AVX512 std::size_t plain_text_length_avx512(const unsigned char* text, std::size_t size) {
  std::size_t i = 0;
  std::uint64_t carry = 0;
  while (i + kTextBlockBytes <= size && next_plain_block(raw_masks_avx512(text + i), carry)) i += kTextBlockBytes;
  return before_unfinished(i, carry);
}
#else
std::size_t plain_text_length_avx2(const unsigned char* text, std::size_t size) {
  return plain_text_length_sse2(text, size);
}
std::size_t plain_text_length_avx512(const unsigned char* text, std::size_t size) {
  return plain_text_length_sse2(text, size);
}
#endif

std::size_t plain_text_length(const unsigned char* text, std::size_t size) {
  if (avx512_supported()) return plain_text_length_avx512(text, size);
  if (avx2_supported()) return plain_text_length_avx2(text, size);
  return plain_text_length_sse2(text, size);
}

void classify_text_blocks(const unsigned char* text, std::size_t size, std::vector<TextBlock>& blocks) {
  if (avx512_supported()) {
    classify_text_blocks_avx512(text, size, blocks);
  } else if (avx2_supported()) {
    classify_text_blocks_avx2(text, size, blocks);
  } else {
    classify_text_blocks_sse2(text, size, blocks);
  }
}

}  // namespace jianbao
