// Shared pieces of the elementwise, reduction and nn kernels: the type in which a
// value of dtype T is computed, x86-compatible conversion back to T without
// undefined behaviour, and broadcast iteration plans.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <vector>

#include "blas.h"
#include "elemwise_device.h"
#include "registry.h"

namespace mxl {

// ------------------------------------------------------------ compute types
// Arithmetic that stays in the dtype (add, max, abs, ...): half computes in float.
template <class T> struct NativeCompute { using type = T; };
template <> struct NativeCompute<half> { using type = float; };
template <class T> using native_t = typename NativeCompute<T>::type;

// Transcendental math (exp, pow, hypot, ...): floats in their own precision (half in
// float), integers in double; the result is converted back to the dtype like MXNet.
template <class T> struct FloatCompute { using type = double; };
template <> struct FloatCompute<float> { using type = float; };
template <> struct FloatCompute<half> { using type = float; };
template <class T> using float_t_of = typename FloatCompute<T>::type;

// Type rules: one dtype for all inputs and outputs (type_same) that must be a float
// dtype / must not be bool, so unsupported dtypes fail when the op is called rather
// than later in the kernel.
inline bool type_check_all(const Attrs& a, const std::vector<int>& in, bool float_only) {
  for (int t : in) {
    if (t < 0) continue;
    if (float_only)
      MXL_CHECK(dtype_is_float(DType(t)), Err::kDType, a.op->name, ": expected a float dtype, got ",
                dtype_name(DType(t)));
    else
      MXL_CHECK(DType(t) != DType::b8, Err::kDType, a.op->name, ": unsupported dtype bool");
  }
  return true;
}
inline bool type_same_float(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  bool known = type_same(a, in, out);
  return type_check_all(a, in, true) && known;
}
inline bool type_same_num(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  bool known = type_same(a, in, out);
  return type_check_all(a, in, false) && known;
}

// True when any element of an integer array is zero (the divisor check of / and %).
template <class T>
inline bool any_zero(const T* p, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    if (p[i] == T(0)) return true;
  return false;
}

// ----------------------------------------------------------- broadcast plans
// Iteration over an output shape that up to three inputs broadcast to. Size-1 output
// axes are dropped and neighbouring axes with the same broadcast pattern merged, so
// (M,N)+(N,) becomes two axes with the second input's outer stride 0, and the
// innermost axis has stride 0 or 1 in every input.
constexpr int kMaxBcastIn = 3;
struct BcastPlan {
  int nd = 1;
  int nin = 0;
  int64_t dim[kMaxDim] = {1};
  int64_t stride[kMaxBcastIn][kMaxDim] = {{0}};
  int64_t size() const {
    int64_t s = 1;
    for (int i = 0; i < nd; ++i) s *= dim[i];
    return s;
  }
};

// `ins` must broadcast to `out` (checked by the caller's shape rule).
inline BcastPlan make_bcast_plan(const Shape& out, const Shape* const* ins, int nin) {
  BcastPlan p;
  p.nin = nin;
  p.nd = 0;
  unsigned prev_pattern = ~0u;
  for (int i = 0; i < out.ndim; ++i) {
    if (out.d[i] == 1) continue;
    unsigned pattern = 0;
    for (int k = 0; k < nin; ++k) {
      int j = i - (out.ndim - ins[k]->ndim);
      bool bc = j < 0 || ins[k]->d[j] == 1;
      pattern |= unsigned(bc) << k;
    }
    if (p.nd > 0 && pattern == prev_pattern) {
      p.dim[p.nd - 1] *= out.d[i];
    } else {
      p.dim[p.nd] = out.d[i];
      for (int k = 0; k < nin; ++k) p.stride[k][p.nd] = (pattern >> k) & 1;  // 1 = broadcast, fixed below
      ++p.nd;
      prev_pattern = pattern;
    }
  }
  if (p.nd == 0) {  // a single element
    p.nd = 1;
    p.dim[0] = 1;
    for (int k = 0; k < nin; ++k) p.stride[k][0] = 0;
    return p;
  }
  for (int k = 0; k < nin; ++k) {
    int64_t run = 1;
    for (int d = p.nd - 1; d >= 0; --d) {
      bool bc = p.stride[k][d] != 0;
      p.stride[k][d] = bc ? 0 : run;
      if (!bc) run *= p.dim[d];
    }
  }
  return p;
}

// Calls f(out_offset, in_offsets, len) for each run along the innermost plan axis,
// in parallel over the outer runs. Inside a run, input k advances by
// plan.stride[k][nd-1] (0 or 1) per element.
template <class F>
inline void bcast_for(const BcastPlan& p, F&& f) {
  const int nd = p.nd;
  const int64_t inner = p.dim[nd - 1];
  const int64_t outer = p.size() / std::max<int64_t>(inner, 1);
  if (inner == 0 || outer == 0) return;
  parallel_for(outer, std::max<int64_t>(1, kParallelGrain / inner), [&](int64_t b, int64_t e) {
    int64_t idx[kMaxDim] = {0}, off[kMaxBcastIn] = {0};
    int64_t r = b;
    for (int d = nd - 2; d >= 0; --d) {
      idx[d] = r % p.dim[d];
      r /= p.dim[d];
      for (int k = 0; k < p.nin; ++k) off[k] += idx[d] * p.stride[k][d];
    }
    for (int64_t o = b; o < e; ++o) {
      f(o * inner, static_cast<const int64_t*>(off), inner);
      for (int d = nd - 2; d >= 0; --d) {  // odometer step over the outer axes
        for (int k = 0; k < p.nin; ++k) off[k] += p.stride[k][d];
        if (++idx[d] < p.dim[d]) break;
        for (int k = 0; k < p.nin; ++k) off[k] -= p.stride[k][d] * p.dim[d];
        idx[d] = 0;
      }
    }
  });
}

// ------------------------------------------------------------ random blocks
// A small fast generator for one block of random output, seeded from the device
// generator (OpCtx::rng) so that blocks can be filled in parallel reproducibly.
// xoshiro256** (Blackman & Vigna), seeded through splitmix64.
struct BlockRng {
  uint64_t s[4];
  explicit BlockRng(uint64_t seed) {
    for (auto& w : s) {
      seed += 0x9e3779b97f4a7c15ull;
      uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
      w = z ^ (z >> 31);
    }
  }
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t next() {
    uint64_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return r;
  }
  double uniform() { return double(next() >> 11) * 0x1.0p-53; }          // [0, 1)
  double uniform_pos() { return (double(next() >> 11) + 1) * 0x1.0p-53; }  // (0, 1]
  double normal() {  // Box-Muller; one value per call keeps block streams simple
    double u = uniform_pos(), v = uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(6.283185307179586477 * v);
  }
  // Marsaglia & Tsang; shape < 1 boosts through Gamma(shape + 1) * U^(1/shape).
  double gamma(double shape) {
    if (shape < 1) return gamma(shape + 1) * std::pow(uniform_pos(), 1 / shape);
    const double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
    for (;;) {
      double x, v;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = uniform_pos();
      if (u < 1 - 0.0331 * x * x * x * x || std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v))) return d * v;
    }
  }
  // Knuth's product method for small means, Hormann's PTRS above.
  double poisson(double lam) {
    if (lam <= 0) return 0;
    if (lam < 10) {
      const double limit = std::exp(-lam);
      double prod = uniform_pos();
      int64_t k = 0;
      while (prod > limit) {
        prod *= uniform_pos();
        ++k;
      }
      return double(k);
    }
    const double slam = std::sqrt(lam), loglam = std::log(lam);
    const double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
    const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      double u = uniform() - 0.5, v = uniform_pos(), us = 0.5 - std::fabs(u);
      double k = std::floor((2 * a / us + b) * u + lam + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (std::log(v) + std::log(inv_alpha) - std::log(a / (us * us) + b) <= -lam + k * loglam - std::lgamma(k + 1))
        return k;
    }
  }
};

constexpr int64_t kRandBlock = 1 << 14;

// Fills y[0, n) with sample(rng) -- or sample(rng, i) where the sampler takes the
// element's index i, e.g. to look up per-element parameters -- converted to T, in
// parallel blocks.
template <class T, class S>
void fill_random(const OpCtx& ctx, T* y, int64_t n, S&& sample) {
  MXL_CHECK(ctx.rng != nullptr, Err::kInternal, "random op run without a generator");
  const int64_t nb = (n + kRandBlock - 1) / kRandBlock;
  std::vector<uint64_t> seeds(static_cast<size_t>(nb));
  for (auto& s : seeds) s = (*ctx.rng)();
  parallel_for(nb, 1, [&](int64_t b, int64_t e) {
    for (int64_t k = b; k < e; ++k) {
      BlockRng rng(seeds[size_t(k)]);
      for (int64_t i = k * kRandBlock, end = std::min(n, i + kRandBlock); i < end; ++i) {
        if constexpr (std::is_invocable_v<S&, BlockRng&, int64_t>) y[i] = cast_to<T>(sample(rng, i));
        else y[i] = cast_to<T>(sample(rng));
      }
    }
  });
}

}  // namespace mxl
