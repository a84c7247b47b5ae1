// Text blocks: a page read 64 bytes at a time as bit masks (bit k for byte k of the
// block), the first stage of despace's page scan (scan_page, line_shape.cpp), which
// then finds runs, line ends and the characters it must look up from the masks
// instead of branching on every character. Only blocks of ASCII and whole three-byte
// characters are "plain": valid UTF-8 by construction, and nearly all of a Chinese
// page; the scan reads any other block a character at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "jianbao/cpu_features.hpp"

namespace jianbao {

constexpr std::size_t kTextBlockBytes = 64;

struct TextBlock {
  // Left uninitialized: classify_text_blocks sets every field, and a page's blocks
  // are made anew for every page.
  TextBlock() {}  // NOLINT(modernize-use-equals-default): = default would zero them in resize()
  std::uint64_t whitespace;  // ASCII whitespace: '\t' '\n' '\v' '\f' '\r' ' '
  std::uint64_t line_ends;   // '\n'
  std::uint64_t starts;      // the first byte of every character
  // Lead bytes of ideographs, E4..E9 (U+4000..U+9FFF) but the Yijing hexagrams
  // (U+4DC0..U+4DFF, E4 B7): Han, two columns wide, neither space nor punctuation.
  std::uint64_t ideographs;
  std::uint64_t other_three_byte;  // lead bytes of the other three-byte characters
  std::uint64_t ascii_marks;       // , ; ! ? (clause punctuation and sentence ends)
  // Every byte is ASCII or belongs to a whole three-byte character with lead E1..EC,
  // EE or EF (no bound on the second byte) which may cross into the next block or
  // come from the previous one; the masks are only meaningful then.
  bool plain;
};

// Classifies text[0, size) into blocks at offsets 0, 64, 128…; the last covers the
// bytes left, its masks zero past them. Uses AVX-512 or AVX2 where the CPU has it.
void classify_text_blocks(const unsigned char* text, std::size_t size, std::vector<TextBlock>& blocks);

// How many bytes at the start of text[0, size) are whole plain characters, read 64
// bytes at a time: what a UTF-8 check may skip (page_reader.cpp). The plain blocks
// from the start, less a character the last of them leaves unfinished; 0 when the
// first 64 bytes are not plain.
std::size_t plain_text_length(const unsigned char* text, std::size_t size);

// The same with SSE2 (or, where there is none, every block not plain), with AVX2
// where avx2_supported() and with AVX-512BW where avx512_supported(): for tests,
// which check that they agree, and benchmarks.
void classify_text_blocks_sse2(const unsigned char* text, std::size_t size, std::vector<TextBlock>& blocks);
void classify_text_blocks_avx2(const unsigned char* text, std::size_t size, std::vector<TextBlock>& blocks);
void classify_text_blocks_avx512(const unsigned char* text, std::size_t size, std::vector<TextBlock>& blocks);
std::size_t plain_text_length_sse2(const unsigned char* text, std::size_t size);
std::size_t plain_text_length_avx2(const unsigned char* text, std::size_t size);
std::size_t plain_text_length_avx512(const unsigned char* text, std::size_t size);

}  // namespace jianbao
