// What the CPU can run, asked once per process: the vector code paths (text_block,
// line_ends) are picked by these, and their tests skip what the CPU lacks.
#pragma once

namespace jianbao {

bool avx2_supported();
bool avx512_supported();        // AVX-512F and BW
bool avx512_vbmi2_supported();  // AVX-512F, BW and VBMI2, with BMI2 and POPCNT

}  // namespace jianbao
