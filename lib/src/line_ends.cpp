// Line-end normalization (line_ends.hpp): CRLF and lone CR become '\n', in place.
#include "jianbao/line_ends.hpp"

#include <cstdint>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace jianbao {

// The bytes between two CRs move in one memmove; each CR is written as '\n' and the
// LF after it skipped.
std::size_t normalize_line_ends_scalar(char* data, std::size_t size, bool& after_cr) {
  if (size == 0) return 0;
  std::size_t read = after_cr && data[0] == '\n' ? 1 : 0;
  std::size_t write = 0;
  after_cr = data[size - 1] == '\r';
  while (read < size) {
    const void* cr = std::memchr(data + read, '\r', size - read);
    const std::size_t run_end = cr != nullptr ? static_cast<std::size_t>(static_cast<const char*>(cr) - data) : size;
    if (write != read) std::memmove(data + write, data + read, run_end - read);
    write += run_end - read;
    read = run_end;
    if (read == size) break;
    data[write++] = '\n';
    read += read + 1 < size && data[read + 1] == '\n' ? 2 : 1;
  }
  return write;
}

#if defined(__x86_64__)
// Each block of 64 bytes: its CRs become LFs, the LFs right after a CR are dropped,
// and the bytes kept are packed together in one instruction and stored at once.
// Unless the bytes start with the LF of a CR before them, nothing moves before the
// first CR, which memchr finds faster than the blocks.
__attribute__((target("avx512f,avx512bw,avx512vbmi2,bmi2,popcnt")))
std::size_t normalize_line_ends_avx512(char* data, std::size_t size, bool& after_cr) {
  if (size == 0) return 0;
  std::size_t read = 0;
  if (!after_cr) {
    const void* cr = std::memchr(data, '\r', size);
    if (cr == nullptr) return size;
    read = static_cast<std::size_t>(static_cast<const char*>(cr) - data);
  }
  std::size_t write = read;
  std::uint64_t after_block_cr = after_cr;  // bit 0: the byte before the block is a CR
  after_cr = data[size - 1] == '\r';
  const __m512i cr = _mm512_set1_epi8('\r');
  const __m512i lf = _mm512_set1_epi8('\n');
  while (read < size) {
    const std::size_t n = size - read < 64 ? size - read : 64;
    const std::uint64_t valid = _bzhi_u64(~std::uint64_t{0}, static_cast<unsigned>(n));
    const __m512i v = _mm512_maskz_loadu_epi8(valid, data + read);
    // The zero bytes past the end of a short block are neither CR nor LF.
    const std::uint64_t crs = _mm512_cmpeq_epi8_mask(v, cr);
    const std::uint64_t lfs = _mm512_cmpeq_epi8_mask(v, lf);
    const std::uint64_t keep = valid & ~(lfs & ((crs << 1) | after_block_cr));
    const __m512i packed = _mm512_maskz_compress_epi8(keep, _mm512_mask_mov_epi8(v, crs, lf));
    const auto kept = static_cast<unsigned>(__builtin_popcountll(keep));
    // The write is behind the read: the store overwrites only bytes already loaded.
    _mm512_mask_storeu_epi8(data + write, _bzhi_u64(~std::uint64_t{0}, kept), packed);
    after_block_cr = (crs >> (n - 1)) & 1;
    write += kept;
    read += n;
  }
  return write;
}
#else
std::size_t normalize_line_ends_avx512(char* data, std::size_t size, bool& after_cr) {
  return normalize_line_ends_scalar(data, size, after_cr);
}
#endif

std::size_t normalize_line_ends(char* data, std::size_t size, bool& after_cr) {
  if (avx512_vbmi2_supported()) return normalize_line_ends_avx512(data, size, after_cr);
  return normalize_line_ends_scalar(data, size, after_cr);
}

}  // namespace jianbao
