// Character classes for Chinese newspaper text: Han, CJK punctuation, display width,
// Latin, digits, whitespace. Tabulated from ICU when the library is built, so the hot
// loops of every filter classify a code point with one load, never an ICU call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace jianbao {

enum CharFlag : std::uint16_t {
  kHan = 1 << 0,            // Han ideographs (and 〇): the script of the text
  kCjkPunct = 1 << 1,       // punctuation set full width in Chinese text: ，。“”（）…
  kWide = 1 << 2,           // East Asian Width W or F: two display columns
  kLatin = 1 << 3,          // letters of Latin script (ASCII and beyond)
  kDigit = 1 << 4,          // decimal digits, ASCII or full width
  kSpace = 1 << 5,          // White_Space other than line and page breaks
  kSentenceEnd = 1 << 6,    // ends a sentence: 。！？!?…
  kCloser = 1 << 7,         // closing quote or bracket that may follow a sentence end
  kOpener = 1 << 8,         // opening quote or bracket
  kAsciiPunct = 1 << 9,     // ASCII punctuation, which some pages use inside Chinese text
  kClausePunct = 1 << 10,   // marks running prose: ，；：、 and their ASCII forms
  kInvalid = 1 << 11,       // a byte that does not start valid UTF-8
  kListOpener = 1 << 12,    // may open a list's item or a reply: 一…十 （ ( 0-9 ①…⑳ ● ◆ ★ 答 问
  kCreditEnd = 1 << 13,     // ends a credit's role: 评 员 者 生 (太报评, 评论员, 通讯员, 记者, 实习生)
};

// Flags of one code point.
std::uint16_t char_flags(char32_t cp);

// One decoded character of a UTF-8 string: its code point (or the lone byte's value
// with kInvalid set), its length in bytes and its flags.
struct Utf8Char {
  char32_t cp;
  std::uint8_t length;
  std::uint16_t flags;
};

// The flags of every BMP code point, tabulated from ICU when the library is built
// (no start-up cost). Hot loops fetch the pointer once and pass it to decode_utf8.
const std::uint16_t* bmp_flag_table();

// Flags of a code point past the BMP.
std::uint16_t astral_flags(char32_t cp);

// Decodes the character starting at s[i] (i < s.size()). Invalid or truncated
// sequences, overlong forms and surrogates come back as one byte flagged kInvalid.
[[gnu::always_inline]] inline Utf8Char decode_utf8(std::string_view s, std::size_t i, const std::uint16_t* table) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const std::size_t left = s.size() - i;
  const unsigned char b0 = p[0];
  if (b0 < 0x80) return {b0, 1, table[b0]};
  const Utf8Char invalid{b0, 1, kInvalid};
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return invalid;
    const char32_t cp = ((b0 & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return invalid;  // overlong, surrogate
    return {cp, 3, table[cp]};
  }
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (left < 2 || (p[1] & 0xC0) != 0x80) return invalid;
    const char32_t cp = ((b0 & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    return {cp, 2, table[cp]};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return invalid;
    const char32_t cp = ((b0 & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    if (cp < 0x10000 || cp > 0x10FFFF) return invalid;
    return {cp, 4, astral_flags(cp)};
  }
  return invalid;
}

inline Utf8Char decode_utf8(std::string_view s, std::size_t i) { return decode_utf8(s, i, bmp_flag_table()); }

// Decodes the character that ends just before byte `end` of s (end > 0), as
// decode_utf8 would have read it; a byte that ends no valid character comes back
// alone, flagged kInvalid.
Utf8Char decode_utf8_before(std::string_view s, std::size_t end, const std::uint16_t* table);

// Display columns of a character: 2 for wide and for punctuation set full width in
// Chinese text (“” and … are East Asian Ambiguous), 1 otherwise.
inline int display_width(const Utf8Char& c) {
  return (c.flags & (kWide | kCjkPunct | kHan)) ? 2 : 1;
}

// True for a character that belongs to the Chinese text: Han, CJK punctuation, or
// anything of full width.
inline bool is_cjk(std::uint16_t flags) { return flags & (kHan | kCjkPunct | kWide); }

}  // namespace jianbao
