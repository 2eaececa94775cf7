// Counter-based random numbers for the device: Philox4x32-10 (Salmon et al., SC'11).
// Each output element draws from the counter (element index, stream) under the
// key (the op's seed), so any thread layout gives the same numbers.
#pragma once
#include <cstdint>

namespace mxlcuda {

struct Philox {
  uint32_t k0, k1;
  __host__ __device__ explicit Philox(uint64_t seed) : k0(uint32_t(seed)), k1(uint32_t(seed >> 32)) {}
  // Four 32-bit random words for counter (i, j).
  __device__ void operator()(uint64_t i, uint32_t j, uint32_t out[4]) const {
    uint32_t c0 = uint32_t(i), c1 = uint32_t(i >> 32), c2 = j, c3 = 0x6d786c74u;  // "mxlt"
    uint32_t a = k0, b = k1;
    for (int r = 0; r < 10; ++r) {
      const uint32_t hi0 = __umulhi(0xD2511F53u, c0), lo0 = 0xD2511F53u * c0;
      const uint32_t hi1 = __umulhi(0xCD9E8D57u, c2), lo1 = 0xCD9E8D57u * c2;
      const uint32_t n0 = hi1 ^ c1 ^ a, n1 = lo1, n2 = hi0 ^ c3 ^ b, n3 = lo0;
      c0 = n0; c1 = n1; c2 = n2; c3 = n3;
      a += 0x9E3779B9u;
      b += 0xBB67AE85u;
    }
    out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
  }
  // A uniform double in [0, 1) from two words (53 bits).
  __device__ static double to_unit(uint32_t hi, uint32_t lo) {
    return double((uint64_t(hi) << 21) ^ (uint64_t(lo) >> 11)) * 0x1.0p-53;
  }
};

}  // namespace mxlcuda
