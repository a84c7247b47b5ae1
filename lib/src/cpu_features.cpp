// CPU features (cpu_features.hpp), each asked of the CPU once and kept.
#include "jianbao/cpu_features.hpp"

namespace jianbao {

bool avx2_supported() {
#if defined(__x86_64__)
  static const bool supported = __builtin_cpu_supports("avx2");
  return supported;
#else
  return false;
#endif
}

bool avx512_supported() {
#if defined(__x86_64__)
  static const bool supported = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
  return supported;
#else
  return false;
#endif
}

bool avx512_vbmi2_supported() {
#if defined(__x86_64__)
  // Every feature normalize_line_ends_avx512 is built for, though a CPU with VBMI2
  // has the rest.
  static const bool supported = avx512_supported() && __builtin_cpu_supports("avx512vbmi2") &&
                                __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
  return supported;
#else
  return false;
#endif
}

}  // namespace jianbao
