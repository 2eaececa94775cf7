// Shared by core/op/contrib.cc (CPU) and core/cuda/contrib.cu (device), so both run one
// definition: the GEMM plans of the interleaved attention operators and the per-element
// formulas of the small contrib ops.
//
// Interleaved attention: every product of an op (forward or gradient) is one strided
// batched GEMM over batch * heads. In a (seq, batch, heads * k * D) projection the
// (seq, D) matrix of sample b, head h, part p starts at element (b * heads + h) * k * D
// + p * D and its rows are batch * heads * k * D apart, so one batch stride (k * D)
// walks all (b, h) pairs in the order b * heads + h of the attention arrays.
#pragma once
#include <math.h>
#include <stdint.h>

#include "elemwise_kernels.h"  // MXL_HD

namespace mxl {
namespace attn {

enum class Kind { kSelfQK, kSelfValAtt, kEncDecQK, kEncDecValAtt };

// seq: query (and self-attention) length; kv: key length; B batch, H heads, D head size.
struct Dims {
  int64_t seq = 0, kv = 0, B = 0, H = 0, D = 0;
};

// C[b] = alpha op(A[b]) op(B[b]) for b < batch, row-major. A is input a_in of the op
// at offset a_off with rows lda apart and matrices sa apart; likewise B; C is output
// c_out (only its M x N blocks are written: the caller zeroes the output first).
struct Gemm {
  bool ta = false, tb = false;
  int64_t M = 0, N = 0, K = 0;
  double alpha = 1;
  int a_in = 0;
  int64_t a_off = 0, lda = 0, sa = 0;
  int b_in = 0;
  int64_t b_off = 0, ldb = 0, sb = 0;
  int c_out = 0;
  int64_t c_off = 0, ldc = 0, sc = 0;
  int64_t batch = 0;
};
struct Plan {
  int count = 0;
  Gemm g[2];
};

inline bool name_is(const char* name, const char* suffix) {
  // op names end in the kind: "..._selfatt_qk", "..._selfatt_valatt", "..._encdec_qk", ...
  int64_t n = 0, m = 0;
  while (name[n]) ++n;
  while (suffix[m]) ++m;
  if (m > n) return false;
  for (int64_t i = 0; i < m; ++i)
    if (name[n - m + i] != suffix[i]) return false;
  return true;
}
inline Kind kind_of(const char* op) {
  if (name_is(op, "selfatt_qk")) return Kind::kSelfQK;
  if (name_is(op, "selfatt_valatt")) return Kind::kSelfValAtt;
  if (name_is(op, "encdec_qk")) return Kind::kEncDecQK;
  return Kind::kEncDecValAtt;
}
inline bool is_backward(const char* op) { return op[1] == 'b'; }  // "_backward_..." vs "_contrib_..."
inline int num_inputs(Kind k) { return k == Kind::kSelfQK ? 1 : 2; }

// The sizes of an op from its forward inputs' dims (x, y: the first three of each; y
// unused by selfatt_qk). Unchecked: the CPU's shape rule validates them first.
inline Dims dims_of(Kind k, const int64_t* x, const int64_t* y, int64_t heads) {
  Dims d;
  d.H = heads;
  d.B = x[1];
  switch (k) {
    case Kind::kSelfQK:
    case Kind::kSelfValAtt: d.seq = d.kv = x[0], d.D = x[2] / (3 * heads); break;
    case Kind::kEncDecQK: d.seq = x[0], d.kv = y[0], d.D = x[2] / heads; break;
    case Kind::kEncDecValAtt: d.kv = x[0], d.seq = y[1], d.D = x[2] / (2 * heads); break;
  }
  return d;
}

inline Gemm gemm_of(bool ta, bool tb, int64_t M, int64_t N, int64_t K, double alpha, int a_in, int64_t a_off,
                    int64_t lda, int64_t sa, int b_in, int64_t b_off, int64_t ldb, int64_t sb, int c_out, int64_t c_off,
                    int64_t ldc, int64_t sc, int64_t batch) {
  Gemm g;
  g.ta = ta, g.tb = tb, g.M = M, g.N = N, g.K = K, g.alpha = alpha;
  g.a_in = a_in, g.a_off = a_off, g.lda = lda, g.sa = sa;
  g.b_in = b_in, g.b_off = b_off, g.ldb = ldb, g.sb = sb;
  g.c_out = c_out, g.c_off = c_off, g.ldc = ldc, g.sc = sc;
  g.batch = batch;
  return g;
}

// The GEMMs of an op. Forward: inputs (x, y), output 0. Backward: inputs (ograd, x, y),
// outputs (dx, dy). Scores are (B*H, seq, kv) with q scaled by 1 / sqrt(D).
inline Plan plan(Kind k, bool backward, const Dims& d) {
  const int64_t L = d.seq, Lk = d.kv, D = d.D, BH = d.B * d.H, HD = d.H * d.D;
  const int64_t ld1 = d.B * HD, ld2 = 2 * ld1, ld3 = 3 * ld1;  // row strides of 1-, 2- and 3-part projections
  const int64_t att = L * Lk;                                  // one (seq, kv) score matrix
  const double scale = 1.0 / sqrt(double(D));
  Plan p;
  switch (k) {
    case Kind::kSelfQK:  // x = qkv (L, B, 3HD) -> (BH, L, L) = s Q K^T
      if (!backward) {
        p.g[p.count++] = gemm_of(false, true, L, L, D, scale, 0, 0, ld3, 3 * D, 0, D, ld3, 3 * D, 0, 0, L, att, BH);
      } else {  // dQ = s dS K, dK = s dS^T Q
        p.g[p.count++] = gemm_of(false, false, L, D, L, scale, 0, 0, L, att, 1, D, ld3, 3 * D, 0, 0, ld3, 3 * D, BH);
        p.g[p.count++] = gemm_of(true, false, L, D, L, scale, 0, 0, L, att, 1, 0, ld3, 3 * D, 0, D, ld3, 3 * D, BH);
      }
      break;
    case Kind::kSelfValAtt:  // x = qkv, y = att (BH, L, L) -> (L, B, HD) = att V
      if (!backward) {
        p.g[p.count++] = gemm_of(false, false, L, D, L, 1, 1, 0, L, att, 0, 2 * D, ld3, 3 * D, 0, 0, ld1, D, BH);
      } else {  // dV = att^T dO, datt = dO V^T
        p.g[p.count++] = gemm_of(true, false, L, D, L, 1, 2, 0, L, att, 0, 0, ld1, D, 0, 2 * D, ld3, 3 * D, BH);
        p.g[p.count++] = gemm_of(false, true, L, L, D, 1, 0, 0, ld1, D, 1, 2 * D, ld3, 3 * D, 1, 0, L, att, BH);
      }
      break;
    case Kind::kEncDecQK:  // x = q (L, B, HD), y = kv (Lk, B, 2HD) -> (BH, L, Lk) = s Q K^T
      if (!backward) {
        p.g[p.count++] = gemm_of(false, true, L, Lk, D, scale, 0, 0, ld1, D, 1, 0, ld2, 2 * D, 0, 0, Lk, att, BH);
      } else {  // dQ = s dS K, dK = s dS^T Q
        p.g[p.count++] = gemm_of(false, false, L, D, Lk, scale, 0, 0, Lk, att, 2, 0, ld2, 2 * D, 0, 0, ld1, D, BH);
        p.g[p.count++] = gemm_of(true, false, Lk, D, L, scale, 0, 0, Lk, att, 1, 0, ld1, D, 1, 0, ld2, 2 * D, BH);
      }
      break;
    case Kind::kEncDecValAtt:  // x = kv (Lk, B, 2HD), y = att (BH, L, Lk) -> (L, B, HD) = att V
      if (!backward) {
        p.g[p.count++] = gemm_of(false, false, L, D, Lk, 1, 1, 0, Lk, att, 0, D, ld2, 2 * D, 0, 0, ld1, D, BH);
      } else {  // dV = att^T dO, datt = dO V^T
        p.g[p.count++] = gemm_of(true, false, Lk, D, L, 1, 2, 0, Lk, att, 0, 0, ld1, D, 0, D, ld2, 2 * D, BH);
        p.g[p.count++] = gemm_of(false, true, L, Lk, D, 1, 0, 0, ld1, D, 1, D, ld2, 2 * D, 1, 0, Lk, att, BH);
      }
      break;
  }
  return p;
}

}  // namespace attn

namespace ctb {
// numpy.allclose's test of one pair: |x - y| <= atol + rtol * |y|; NaNs equal when equal_nan.
MXL_HD inline bool close(double x, double y, double rtol, double atol, bool equal_nan) {
  if (x != x || y != y) return equal_nan && x != x && y != y;
  if (x == y) return true;  // equal infinities
  return fabs(x - y) <= atol + rtol * fabs(y);
}
MXL_HD inline double quadratic(double x, double a, double b, double c) { return (a * x + b) * x + c; }
}  // namespace ctb

}  // namespace mxl
