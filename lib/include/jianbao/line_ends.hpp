// Line-end normalization: CRLF and lone CR become '\n', in place, for the page
// reader. A page with CRLF line ends has a CR every few dozen bytes, so the work is
// done in 64-byte blocks where the CPU can pack the kept bytes in one instruction
// (AVX-512 VBMI2), and with memchr and memmove between CRs elsewhere.
#pragma once

#include <cstddef>

#include "jianbao/cpu_features.hpp"

namespace jianbao {

// Rewrites data[0, size) in place with every CRLF and lone CR made '\n', and returns
// its new size. `after_cr` says whether the byte before data[0] (the end of the last
// call's bytes) was a CR, whose LF data[0] then is and is dropped; it is set to
// whether data's last byte is one (and left as it is when size is 0). Splitting the
// bytes over calls anywhere gives the same result.
std::size_t normalize_line_ends(char* data, std::size_t size, bool& after_cr);

// The same with memchr and memmove only, and with AVX-512 VBMI2 where
// avx512_vbmi2_supported(): for tests, which check that they agree, and benchmarks.
std::size_t normalize_line_ends_scalar(char* data, std::size_t size, bool& after_cr);
std::size_t normalize_line_ends_avx512(char* data, std::size_t size, bool& after_cr);

}  // namespace jianbao
