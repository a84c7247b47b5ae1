// Character flags asked of ICU, one code point at a time: the single definition of
// every CharFlag. The build tabulates it for the BMP (tools/generate_bmp_flags.cpp);
// at run time only astral code points come here.
#pragma once

#include <cstdint>

namespace jianbao {

// The CharFlag bits of cp, from ICU's properties (several ICU calls: never in a hot loop).
std::uint16_t icu_char_flags(char32_t cp);

}  // namespace jianbao
