// The fused RNN operator (core/op/rnn.cc) in one definition for both devices: the
// layout of MXNet's flat parameter vector, the per-element gate formulas of one time
// step (forward and backward), and the layer/direction/time loops that drive them.
// The loops call a backend for the heavy pieces -- GEMMs, the per-step gate kernels,
// bias broadcasts and column sums -- implemented by the CPU (rnn.cc) and by the CUDA
// plugin (core/cuda/rnn.cu), so both run the same algorithm.
//
// Gates follow MXNet 1.9 (and cuDNN):
//   rnn_relu / rnn_tanh: h = act(W x + b_x + U h' + b_h)
//   lstm (gates i, f, g, o): c = f * c' + i * g,  h = o * tanh(c)
//   gru  (gates r, z, n):    n = tanh(W_n x + b_xn + r * (U_n h' + b_hn)),
//                            h = (1 - z) * n + z * h'
// where h', c' are the previous step's states. An lstm with projection_size P (LSTMP)
// outputs h = W_p (o * tanh(c)), P units, the recurrent state; c keeps H units.
#pragma once
#include <math.h>
#include <stdint.h>

#include "elemwise_kernels.h"  // MXL_HD

namespace mxl {
namespace rnn {

enum Mode : int { kRnnRelu = 0, kRnnTanh = 1, kLstm = 2, kGru = 3 };

MXL_HD inline int64_t gate_count(int mode) { return mode == kLstm ? 4 : mode == kGru ? 3 : 1; }
// Values kept per (step, batch row, unit) for the backward: lstm i, f, g, o, c; gru r,
// z, n and U_n h' + b_hn; the plain RNNs their output h.
MXL_HD inline int64_t cache_count(int mode) { return mode == kLstm ? 5 : mode == kGru ? 4 : 1; }

// lstm_state_clip_min/max: each step's cell state is clipped to [lo, hi]; with nan,
// a NaN cell state becomes lo (it propagates otherwise).
struct Clip {
  bool on = false, nan = false;
  double lo = 0, hi = 0;
};

struct Dims {
  int mode = kLstm;
  Clip clip;
  int64_t L = 1, D = 1;         // layers, directions
  int64_t T = 0, N = 0, I = 0;  // sequence length, batch, input size
  int64_t H = 0;                // state_size
  int64_t P = 0;                // projection_size (lstm), 0: none
  MXL_HD int64_t G() const { return gate_count(mode); }
  MXL_HD int64_t GH() const { return G() * H; }
  MXL_HD int64_t R() const { return P > 0 ? P : H; }  // units of h: output and recurrent state
  // Cache slots after the cell's: with a clip the unclipped c, with a projection
  // o * tanh(c) (the projection's input).
  MXL_HD int64_t raw_c_slot() const { return cache_count(mode); }
  MXL_HD int64_t proj_slot() const { return cache_count(mode) + (clip.on ? 1 : 0); }
  MXL_HD int64_t W() const { return (proj_slot() + (P > 0 ? 1 : 0)) * H; }
  int64_t layer_input(int64_t l) const { return l == 0 ? I : D * R(); }
  // Offsets into the parameter vector: all weights (per layer, per direction: the
  // input-to-hidden matrix (GH, in), hidden-to-hidden (GH, R), and with a projection
  // W_p (P, H)), then all biases (per layer, per direction: i2h (GH) then h2h (GH)).
  int64_t weights_of(int64_t l) const { return GH() * (layer_input(l) + R()) + P * H; }
  int64_t weight_offset(int64_t l, int64_t d) const {
    int64_t off = 0;
    for (int64_t k = 0; k < l; ++k) off += D * weights_of(k);
    return off + d * weights_of(l);
  }
  int64_t weights_size() const { return weight_offset(L, 0); }
  int64_t bias_offset(int64_t l, int64_t d) const { return weights_size() + (l * D + d) * 2 * GH(); }
  int64_t param_size() const { return bias_offset(L, 0); }
};

template <class C> MXL_HD inline C sigmoid(C v) { return C(1) / (C(1) + exp(-v)); }

// One step's forward at unit j of one batch row: xw, hw the row's gate
// pre-activations from the input (with b_x) and from h' (with b_h); writes h and the
// row's cache entries.
template <class C>
MXL_HD inline bool clipped(const Clip& clip, C c) {
  return clip.on && (c != c ? clip.nan : (c < C(clip.lo) || c > C(clip.hi)));
}
template <class C>
MXL_HD inline C clip_cell(const Clip& clip, C c) {
  if (!clip.on) return c;
  if (c != c) return clip.nan ? C(clip.lo) : c;
  return c < C(clip.lo) ? C(clip.lo) : c > C(clip.hi) ? C(clip.hi) : c;
}

template <class C>
MXL_HD inline void step_forward(int mode, int64_t H, const Clip& clip, int64_t j, const C* xw, const C* hw, C hp, C cp,
                                C* h, C* cache) {
  if (mode == kLstm) {
    C i = sigmoid(xw[j] + hw[j]), f = sigmoid(xw[H + j] + hw[H + j]);
    C g = tanh(xw[2 * H + j] + hw[2 * H + j]), o = sigmoid(xw[3 * H + j] + hw[3 * H + j]);
    C raw = f * cp + i * g, c = clip_cell(clip, raw);
    cache[j] = i, cache[H + j] = f, cache[2 * H + j] = g, cache[3 * H + j] = o, cache[4 * H + j] = c;
    if (clip.on) cache[5 * H + j] = raw;
    *h = o * tanh(c);
  } else if (mode == kGru) {
    C r = sigmoid(xw[j] + hw[j]), z = sigmoid(xw[H + j] + hw[H + j]);
    C hn = hw[2 * H + j];
    C n = tanh(xw[2 * H + j] + r * hn);
    cache[j] = r, cache[H + j] = z, cache[2 * H + j] = n, cache[3 * H + j] = hn;
    *h = (C(1) - z) * n + z * hp;
  } else {
    C a = xw[j] + hw[j];
    C v = mode == kRnnTanh ? tanh(a) : (a > C(0) ? a : C(0));
    cache[j] = v;
    *h = v;
  }
}

// One step's backward at unit j of one batch row: dh is the gradient reaching this
// step's h (from the layer above and from the next step), *dc the one reaching c
// (lstm), replaced by the gradient of c'. Writes the gate pre-activation gradients on
// the input side (dxw) and on the h' side (dhw; they differ only for gru's n gate), and
// *dh_direct, the part of h''s gradient that does not go through U (gru's z * dh).
template <class C>
MXL_HD inline void step_backward(int mode, int64_t H, const Clip& clip, int64_t j, const C* cache, C hp, C cp, C dh,
                                 C* dc, C* dxw, C* dhw, C* dh_direct) {
  if (mode == kLstm) {
    C i = cache[j], f = cache[H + j], g = cache[2 * H + j], o = cache[3 * H + j], tc = tanh(cache[4 * H + j]);
    C dct = *dc + dh * o * (C(1) - tc * tc);
    if (clip.on && clipped(clip, cache[5 * H + j])) dct = C(0);  // the clip's derivative
    C di = dct * g * i * (C(1) - i), df = dct * cp * f * (C(1) - f);
    C dg = dct * i * (C(1) - g * g), dout = dh * tc * o * (C(1) - o);
    dxw[j] = dhw[j] = di;
    dxw[H + j] = dhw[H + j] = df;
    dxw[2 * H + j] = dhw[2 * H + j] = dg;
    dxw[3 * H + j] = dhw[3 * H + j] = dout;
    *dc = dct * f;
    *dh_direct = C(0);
  } else if (mode == kGru) {
    C r = cache[j], z = cache[H + j], n = cache[2 * H + j], hn = cache[3 * H + j];
    C dan = dh * (C(1) - z) * (C(1) - n * n);
    C dar = dan * hn * r * (C(1) - r), daz = dh * (hp - n) * z * (C(1) - z);
    dxw[j] = dhw[j] = dar;
    dxw[H + j] = dhw[H + j] = daz;
    dxw[2 * H + j] = dan;
    dhw[2 * H + j] = dan * r;
    *dh_direct = dh * z;
  } else {
    C v = cache[j];
    C da = mode == kRnnTanh ? dh * (C(1) - v * v) : (v > C(0) ? dh : C(0));
    dxw[j] = dhw[j] = da;
    *dh_direct = C(0);
  }
}

// A step past a sequence's length (use_sequence_length): the states carry through
// unchanged (h = h', c = c'), so the final states are those of the last valid step and
// the reverse direction starts from the initial state at step length - 1.
template <class C>
MXL_HD inline void step_carry(int mode, int64_t H, int64_t j, C hp, C cp, C* h, C* cache) {
  for (int64_t k = 0; k < cache_count(mode); ++k) cache[k * H + j] = C(0);
  if (mode == kLstm) cache[4 * H + j] = cp;
  *h = hp;
}
// Its backward: the gradients of h and c pass through to h' and c'; no gate gets one.
template <class C>
MXL_HD inline void step_carry_backward(int mode, int64_t H, int64_t j, C dh, C* dxw, C* dhw, C* dh_direct) {
  for (int64_t k = 0; k < gate_count(mode); ++k) dxw[k * H + j] = dhw[k * H + j] = C(0);
  *dh_direct = dh;
}

// Whether step t of batch row n is inside its sequence (len: null = every step is).
MXL_HD inline bool step_active(const int64_t* len, int64_t n, int64_t t) { return !len || t < len[n]; }

// Unit j of batch row n at step t, as the backends' per-step kernels run it: the
// cell, or the carry past the row's sequence length. Pointers are the step's blocks
// (rows n of N; ld* their row strides).
template <class C>
MXL_HD inline void forward_element(const Dims& d, const int64_t* len, int64_t t, int64_t n, int64_t j, const C* xw,
                                   const C* hw, const C* hp, int64_t ldhp, const C* cp, int64_t ldcp, C* h,
                                   int64_t ldh, C* cache) {
  const int64_t GH = d.GH(), Wc = d.W();
  const bool active = step_active(len, n, t);
  // h' is read only where the element uses it (GRU's update, the carry past a sequence's
  // end): with projection_size an LSTM's h' has R < H columns, so unit j may lie past it.
  C hpv = d.mode == kGru || !active ? hp[n * ldhp + j] : C(0), cpv = cp ? cp[n * ldcp + j] : C(0);
  if (active)
    step_forward<C>(d.mode, d.H, d.clip, j, xw + n * GH, hw + n * GH, hpv, cpv, h + n * ldh + j, cache + n * Wc);
  else
    step_carry<C>(d.mode, d.H, j, hpv, cpv, h + n * ldh + j, cache + n * Wc);
}
template <class C>
MXL_HD inline void backward_element(const Dims& d, const int64_t* len, int64_t t, int64_t n, int64_t j,
                                    const C* cache, const C* hp, int64_t ldhp, const C* cp, int64_t ldcp, const C* dy,
                                    int64_t ldy, const C* dh, C* dc, C* dxw, C* dhw, C* dhd) {
  const int64_t GH = d.GH(), Wc = d.W();
  C dht = dy[n * ldy + j] + dh[n * d.H + j];
  if (!step_active(len, n, t)) {
    step_carry_backward<C>(d.mode, d.H, j, dht, dxw + n * GH, dhw + n * GH, dhd + n * d.H + j);
    return;
  }
  C dc_unused = C(0);
  step_backward<C>(d.mode, d.H, d.clip, j, cache + n * Wc, d.mode == kGru ? hp[n * ldhp + j] : C(0),
                   cp ? cp[n * ldcp + j] : C(0), dht,
                   cp ? dc + n * d.H + j : &dc_unused, dxw + n * GH, dhw + n * GH, dhd + n * d.H + j);
}

// ------------------------------------------------------------ the loops
// A backend B provides, all returning 0 or an error code (pointers into its memory):
//   gemm(ta, tb, M, N, K, A, lda, B, ldb, beta, Cm, ldc): Cm = op(A) op(B) + beta Cm
//   add_rows(M, K, bias, out): out[m, k] += bias[k]      (out contiguous, M x K)
//   col_sum(M, K, in, out): out[k] += sum_m in[m, k]
//   copy(rows, cols, src, lds, dst, ldd)                 (a strided block copy)
//   zero(ptr, n)
//   zero_padded(T, N, K, len, y): y[t, n, :] = 0 where t >= len[n]   (y is T x N x K)
//   forward_step(d, N, len, t, xw, hw, hp, ldhp, cp, ldcp, h, ldh, cache): step_forward
//     (step_carry where !step_active(len, n, t)) over N x H
//   backward_step(d, N, len, t, cache, hp, ldhp, cp, ldcp, dy, ldy, dh, dc, dxw, dhw, dh_direct)
#define MXL_RNN_TRY(expr) \
  do {                    \
    int rc_ = (expr);     \
    if (rc_) return rc_;  \
  } while (0)

// Memory the loops use, in elements of C (sizes from forward_workspace / backward_workspace).
struct Workspace {
  int64_t ys = 0, cache = 0, xw = 0, hw = 0;  // offsets, forward
  int64_t dy = 0, dx = 0, dh = 0, dhd = 0, dc = 0;  // offsets, backward
  int64_t dr = 0, zeros = 0, unused = 0;  // offsets, backward with a projection
  int64_t total = 0;
};
inline Workspace plan_workspace(const Dims& d, bool backward) {
  Workspace w;
  int64_t TN = d.T * d.N, off = 0;
  auto take = [&](int64_t n) { int64_t o = off; off += n; return o; };
  const int64_t DR = d.D * d.R();
  w.ys = take(d.L * TN * DR);                 // every layer's output
  w.cache = take(d.L * d.D * TN * d.W());     // every (layer, direction)'s gate cache
  w.xw = take(TN * d.GH());                   // input-side pre-activations; the backward's dxw
  w.hw = take(d.N * d.GH());                  // h'-side pre-activations; the backward's dhw
  if (backward) {
    int64_t widest = TN * (d.I > DR ? d.I : DR);
    w.dy = take(TN * DR);          // gradient reaching the current layer's output
    w.dx = take(widest);           // gradient of the current layer's input
    w.dh = take(d.N * d.R());
    w.dhd = take(d.N * d.R());
    w.dc = take(d.N * d.H);
    if (d.P > 0) {
      w.dr = take(d.N * d.H);      // gradient of o * tanh(c)
      w.zeros = take(d.N * d.H);
      w.unused = take(d.N * d.H);  // lstm's direct h' gradient: always 0
    }
  }
  w.total = off;
  return w;
}

// Forward through every layer; x (T, N, I), w the parameter vector, h0/c0 (L*D, N, H)
// (c0 only for lstm), len (N) the sequence lengths (null: all T). Leaves every layer's
// output and cache in ws (a layer's output past a sequence's end holds the carried
// state); y (T, N, D*H) -- zero past each sequence's end --, hy and cy (each may be
// null) receive the results.
template <class C, class B>
int forward(B& be, const Dims& d, const C* x, const C* w, const C* h0, const C* c0, const int64_t* len, C* ws, C* y,
            C* hy, C* cy) {
  const Workspace p = plan_workspace(d, false);
  const int64_t TN = d.T * d.N, GH = d.GH(), R = d.R(), DH = d.D * R, Wc = d.W(), NR = d.N * R;
  for (int64_t l = 0; l < d.L; ++l) {
    const int64_t in = d.layer_input(l);
    const C* X = l == 0 ? x : ws + p.ys + (l - 1) * TN * DH;
    C* Y = ws + p.ys + l * TN * DH;
    for (int64_t dir = 0; dir < d.D; ++dir) {
      const C* Wx = w + d.weight_offset(l, dir);
      const C* Wh = Wx + GH * in;
      const C* Wp = Wh + GH * R;  // with a projection
      const C* bx = w + d.bias_offset(l, dir);
      const C* bh = bx + GH;
      C* cache = ws + p.cache + (l * d.D + dir) * TN * Wc;
      C *xw = ws + p.xw, *hw = ws + p.hw;
      const int64_t s = l * d.D + dir;  // state slot
      MXL_RNN_TRY(be.gemm(false, true, TN, GH, in, X, in, Wx, in, C(0), xw, GH));
      MXL_RNN_TRY(be.add_rows(TN, GH, bx, xw));
      for (int64_t k = 0; k < d.T; ++k) {
        const int64_t t = dir == 0 ? k : d.T - 1 - k, tp = dir == 0 ? t - 1 : t + 1;
        const C* hp = k == 0 ? h0 + s * NR : Y + tp * d.N * DH + dir * R;
        const int64_t ldhp = k == 0 ? R : DH;
        const C* cp = d.mode != kLstm ? nullptr : k == 0 ? c0 + s * d.N * d.H : cache + tp * d.N * Wc + 4 * d.H;
        const int64_t ldcp = k == 0 ? d.H : Wc;
        C* h = Y + t * d.N * DH + dir * R;
        C* cache_t = cache + t * d.N * Wc;
        MXL_RNN_TRY(be.gemm(false, true, d.N, GH, R, hp, ldhp, Wh, R, C(0), hw, GH));
        MXL_RNN_TRY(be.add_rows(d.N, GH, bh, hw));
        if (d.P > 0) {  // the cell writes o * tanh(c) to the cache; h is its projection
          C* r = cache_t + d.proj_slot() * d.H;
          MXL_RNN_TRY(be.forward_step(d, d.N, len, t, xw + t * d.N * GH, hw, hp, ldhp, cp, ldcp, r, Wc, cache_t));
          MXL_RNN_TRY(be.gemm(false, true, d.N, R, d.H, r, Wc, Wp, d.H, C(0), h, DH));
        } else {
          MXL_RNN_TRY(be.forward_step(d, d.N, len, t, xw + t * d.N * GH, hw, hp, ldhp, cp, ldcp, h, DH, cache_t));
        }
      }
      const int64_t tl = dir == 0 ? d.T - 1 : 0;  // the last step processed
      if (hy) {
        if (d.T > 0) MXL_RNN_TRY(be.copy(d.N, R, Y + tl * d.N * DH + dir * R, DH, hy + s * NR, R));
        else MXL_RNN_TRY(be.copy(d.N, R, h0 + s * NR, R, hy + s * NR, R));
      }
      if (cy) {
        if (d.T > 0) MXL_RNN_TRY(be.copy(d.N, d.H, cache + tl * d.N * Wc + 4 * d.H, Wc, cy + s * d.N * d.H, d.H));
        else MXL_RNN_TRY(be.copy(d.N, d.H, c0 + s * d.N * d.H, d.H, cy + s * d.N * d.H, d.H));
      }
    }
  }
  if (y) {
    MXL_RNN_TRY(be.copy(TN, DH, ws + p.ys + (d.L - 1) * TN * DH, DH, y, DH));
    if (len) MXL_RNN_TRY(be.zero_padded(d.T, d.N, DH, len, y));
  }
  return 0;
}

// Backward; ws holds forward()'s results (run first on the same ws, with the same len). dy (T, N, D*H)
// the output's gradient, dhy/dcy those of hy/cy (null: zero). Writes dx, dw (fully),
// dh0 and dc0 (lstm).
template <class C, class B>
int backward(B& be, const Dims& d, const C* x, const C* w, const C* h0, const C* c0, const int64_t* len, const C* dy,
             const C* dhy, const C* dcy, C* ws, C* dx, C* dw, C* dh0, C* dc0) {
  const Workspace p = plan_workspace(d, true);
  const int64_t TN = d.T * d.N, GH = d.GH(), R = d.R(), DH = d.D * R, Wc = d.W(), NH = d.N * d.H, NR = d.N * R;
  if (d.P > 0) MXL_RNN_TRY(be.zero(ws + p.zeros, NH));
  MXL_RNN_TRY(be.zero(dw, d.param_size()));
  C* dY = ws + p.dy;
  MXL_RNN_TRY(be.copy(TN, DH, dy, DH, dY, DH));
  if (len) MXL_RNN_TRY(be.zero_padded(d.T, d.N, DH, len, dY));  // those outputs were set to 0
  for (int64_t l = d.L - 1; l >= 0; --l) {
    const int64_t in = d.layer_input(l);
    const C* X = l == 0 ? x : ws + p.ys + (l - 1) * TN * DH;
    const C* Y = ws + p.ys + l * TN * DH;
    C* dX = l == 0 ? dx : ws + p.dx;
    MXL_RNN_TRY(be.zero(dX, TN * in));
    for (int64_t dir = 0; dir < d.D; ++dir) {
      const int64_t woff = d.weight_offset(l, dir), boff = d.bias_offset(l, dir), s = l * d.D + dir;
      const C *Wx = w + woff, *Wh = Wx + GH * in, *Wp = Wh + GH * R;
      C *dWx = dw + woff, *dWh = dWx + GH * in, *dWp = dWh + GH * R, *dbx = dw + boff, *dbh = dbx + GH;
      const C* cache = ws + p.cache + (l * d.D + dir) * TN * Wc;
      C *dxw = ws + p.xw, *dhw = ws + p.hw, *dh = ws + p.dh, *dhd = ws + p.dhd, *dc = ws + p.dc;
      if (dhy) MXL_RNN_TRY(be.copy(d.N, R, dhy + s * NR, R, dh, R));
      else MXL_RNN_TRY(be.zero(dh, NR));
      if (d.mode == kLstm) {
        if (dcy) MXL_RNN_TRY(be.copy(d.N, d.H, dcy + s * NH, d.H, dc, d.H));
        else MXL_RNN_TRY(be.zero(dc, NH));
      }
      for (int64_t k = d.T - 1; k >= 0; --k) {
        const int64_t t = dir == 0 ? k : d.T - 1 - k, tp = dir == 0 ? t - 1 : t + 1;
        const C* hp = k == 0 ? h0 + s * NR : Y + tp * d.N * DH + dir * R;
        const int64_t ldhp = k == 0 ? R : DH;
        const C* cp = d.mode != kLstm ? nullptr : k == 0 ? c0 + s * NH : cache + tp * d.N * Wc + 4 * d.H;
        const int64_t ldcp = k == 0 ? d.H : Wc;
        const C* cache_t = cache + t * d.N * Wc;
        const C* dy_t = dY + t * d.N * DH + dir * R;
        C* dxw_t = dxw + t * d.N * GH;
        if (d.P > 0) {
          // h = W_p r: r's gradient (dy + dh) W_p, W_p's (dy + dh)^T r; the cell then
          // sees r's gradient as its output's.
          C* dr = ws + p.dr;
          MXL_RNN_TRY(be.gemm(false, false, d.N, d.H, R, dy_t, DH, Wp, d.H, C(0), dr, d.H));
          MXL_RNN_TRY(be.gemm(false, false, d.N, d.H, R, dh, R, Wp, d.H, C(1), dr, d.H));
          MXL_RNN_TRY(be.gemm(true, false, R, d.H, d.N, dy_t, DH, cache_t + d.proj_slot() * d.H, Wc, C(1), dWp, d.H));
          MXL_RNN_TRY(be.gemm(true, false, R, d.H, d.N, dh, R, cache_t + d.proj_slot() * d.H, Wc, C(1), dWp, d.H));
          MXL_RNN_TRY(be.backward_step(d, d.N, len, t, cache_t, hp, ldhp, cp, ldcp, dr, d.H, ws + p.zeros, dc, dxw_t,
                                       dhw, ws + p.unused));
        } else {
          MXL_RNN_TRY(be.backward_step(d, d.N, len, t, cache_t, hp, ldhp, cp, ldcp, dy_t, DH, dh, dc, dxw_t, dhw, dhd));
        }
        // h''s gradient: the direct part (none with a projection: lstm has none) plus
        // dhw U; U's gradient: dhw^T h'.
        MXL_RNN_TRY(be.gemm(false, false, d.N, R, GH, dhw, GH, Wh, R, C(d.P > 0 ? 0 : 1), dhd, R));
        MXL_RNN_TRY(be.gemm(true, false, GH, R, d.N, dhw, GH, hp, ldhp, C(1), dWh, R));
        MXL_RNN_TRY(be.col_sum(d.N, GH, dhw, dbh));
        MXL_RNN_TRY(be.copy(d.N, R, dhd, R, dh, R));
      }
      MXL_RNN_TRY(be.copy(d.N, R, dh, R, dh0 + s * NR, R));
      if (d.mode == kLstm) MXL_RNN_TRY(be.copy(d.N, d.H, dc, d.H, dc0 + s * NH, d.H));
      MXL_RNN_TRY(be.gemm(false, false, TN, in, GH, dxw, GH, Wx, in, C(1), dX, in));
      MXL_RNN_TRY(be.gemm(true, false, GH, in, TN, dxw, GH, X, in, C(0), dWx, in));
      MXL_RNN_TRY(be.col_sum(TN, GH, dxw, dbx));
    }
    if (l > 0) MXL_RNN_TRY(be.copy(TN, DH, dX, DH, dY, DH));
  }
  return 0;
}

}  // namespace rnn
}  // namespace mxl
