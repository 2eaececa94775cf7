// Counter-based random numbers for the device: Philox4x32-10 (Salmon et al., SC'11).
// Each output element draws from the counter (element index, stream) under the
// key (the op's seed), so any thread layout gives the same numbers. ElemRng is one
// element's stream with the CPU's BlockRng distributions (random.cu, sample.cu).
#pragma once
#include <cmath>
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

// One element's stream of random words: counter (i, 0), (i, 1), ... four words each.
struct ElemRng {
  Philox p;
  uint64_t i;
  uint32_t j = 0;
  int used = 4;
  uint32_t buf[4];
  __device__ ElemRng(uint64_t seed, uint64_t elem) : p(seed), i(elem) {}
  __device__ uint32_t next32() {
    if (used == 4) {
      p(i, j++, buf);
      used = 0;
    }
    return buf[used++];
  }
  __device__ uint64_t next64() {
    uint64_t hi = next32();
    return (hi << 32) | next32();
  }
  __device__ double uniform() {  // [0, 1)
    uint32_t hi = next32();
    return Philox::to_unit(hi, next32());
  }
  __device__ double uniform_pos() { return 1.0 - uniform(); }  // (0, 1]
  __device__ double normal() {                                 // Box-Muller
    double u1 = uniform_pos(), u2 = uniform();
    return sqrt(-2.0 * log(u1)) * cospi(2.0 * u2);
  }
  // Marsaglia & Tsang, boosted for shape < 1 (the CPU's BlockRng::gamma).
  __device__ double gamma(double shape) {
    double boost = 1;
    if (shape < 1) {
      boost = pow(uniform_pos(), 1 / shape);
      shape += 1;
    }
    const double d = shape - 1.0 / 3, c = 1 / sqrt(9 * d);
    for (;;) {
      double x, v;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = uniform_pos();
      if (u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v * boost;
    }
  }
  // Knuth's product method for small means, Hormann's PTRS above (the CPU's BlockRng::poisson).
  __device__ double poisson(double lam) {
    if (lam <= 0) return 0;
    if (lam < 10) {
      const double limit = exp(-lam);
      double prod = uniform_pos();
      int64_t k = 0;
      while (prod > limit) {
        prod *= uniform_pos();
        ++k;
      }
      return double(k);
    }
    const double slam = sqrt(lam), loglam = log(lam);
    const double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
    const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      double u = uniform() - 0.5, v = uniform_pos(), us = 0.5 - fabs(u);
      double k = floor((2 * a / us + b) * u + lam + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (log(v) + log(inv_alpha) - log(a / (us * us) + b) <= -lam + k * loglam - lgamma(k + 1)) return k;
    }
  }
};

}  // namespace mxlcuda
