// Per-element formulas of the nn_extra operators (core/op/nn_extra.cc) shared by the
// CPU kernels and the CUDA plugin (core/cuda/nn_extra.cu), so both devices run one
// definition: SVMOutput's loss gradient, ROIPooling's bins and their maxima, and the
// sliding-block geometry of im2col / col2im.
#pragma once
#include <math.h>
#include <stdint.h>

#include "elemwise_kernels.h"  // MXL_HD

namespace mxl {
namespace nnx {

// ---------------------------------------------------------------- SVMOutput
// Gradient of the one-vs-rest SVM loss for score v (C: the compute type). The target
// class gets -2 * max(margin - v, 0) (L1: -[v < margin]), the others 2 * max(margin + v, 0)
// (L1: [v > -margin]), times reg; the sign of zeros follows MXNet's arithmetic.
template <class C>
MXL_HD inline C svm_grad(C v, bool target, C margin, C reg, bool linear) {
  if (linear) return target ? -C(margin > v) * reg : C(margin > -v) * reg;
  if (target) return (margin > v ? C(2) * (margin - v) : C(0)) * -reg;
  return (margin > -v ? C(-2) * (margin + v) : C(0)) * -reg;
}

// The class a label names, or -1 when it is outside [0, K) (or NaN): no class is the target.
MXL_HD inline int64_t svm_target(double label, int64_t K) {
  return label >= 0 && label < double(K) ? int64_t(label) : -1;
}

// --------------------------------------------------------------- ROIPooling
struct RoiGeom {
  int64_t B = 0, C = 0, H = 0, W = 0, R = 0, PH = 1, PW = 1;
  double scale = 1;
};

// A scaled coordinate rounded half away from zero, kept where the bin arithmetic
// cannot overflow (NaN maps to 0).
MXL_HD inline int64_t roi_coord(double v, double scale) {
  double r = round(v * scale);
  return r != r ? 0 : int64_t(fmin(fmax(r, -1e12), 1e12));
}
MXL_HD inline int64_t roi_clip(int64_t v, int64_t hi) { return v < 0 ? 0 : v > hi ? hi : v; }

// The first maximum of bin (ph, pw) of roi `roi` (5 values) on channel c: its offset in
// data, or -1; *best gets the maximum (as MXNet: from -FLT_MAX with strict >), or 0 for
// an empty bin or a roi whose batch index (truncated) is outside [0, B).
template <class T, class C>
MXL_HD inline int64_t roi_bin_max(const RoiGeom& g, const T* data, const T* roi, int64_t c, int64_t ph, int64_t pw,
                                  C* best) {
  *best = C(0);
  double bi = double(roi[0]);
  if (!(bi > -1 && bi < double(g.B))) return -1;
  int64_t x0 = roi_coord(double(roi[1]), g.scale), y0 = roi_coord(double(roi[2]), g.scale);
  int64_t x1 = roi_coord(double(roi[3]), g.scale), y1 = roi_coord(double(roi[4]), g.scale);
  // Malformed rois (x2 < x1) still cover one pixel.
  double bin_h = double(y1 - y0 + 1 > 1 ? y1 - y0 + 1 : 1) / double(g.PH);
  double bin_w = double(x1 - x0 + 1 > 1 ? x1 - x0 + 1 : 1) / double(g.PW);
  int64_t h0 = roi_clip(int64_t(floor(double(ph) * bin_h)) + y0, g.H);
  int64_t h1 = roi_clip(int64_t(ceil(double(ph + 1) * bin_h)) + y0, g.H);
  int64_t w0 = roi_clip(int64_t(floor(double(pw) * bin_w)) + x0, g.W);
  int64_t w1 = roi_clip(int64_t(ceil(double(pw + 1) * bin_w)) + x0, g.W);
  if (h1 <= h0 || w1 <= w0) return -1;
  const int64_t base = (int64_t(bi) * g.C + c) * g.H * g.W;
  C m = C(-3.402823466e+38f);
  int64_t arg = -1;
  for (int64_t h = h0; h < h1; ++h)
    for (int64_t w = w0; w < w1; ++w) {
      C v = C(data[base + h * g.W + w]);
      if (v > m) m = v, arg = base + h * g.W + w;
    }
  *best = m;
  return arg;
}

// ------------------------------------------------------- im2col / col2im
// 1 to 3 spatial dims; planes = N * C, K = prod(kernel), L = blocks, image = prod(spatial).
struct BlockGeom {
  int nd = 0;
  int64_t N = 0, C = 0, planes = 0, K = 1, L = 1, image = 1;
  int64_t in[3] = {1, 1, 1}, out[3] = {1, 1, 1}, k[3] = {1, 1, 1}, s[3] = {1, 1, 1}, d[3] = {1, 1, 1}, p[3] = {0, 0, 0};
};

// Image offset (within one plane) that column entry (kernel point kk, block l) reads, or
// -1 where it falls on padding.
MXL_HD inline int64_t block_source(const BlockGeom& g, int64_t kk, int64_t l) {
  int64_t pos = 0, stride_img = 1;
  for (int i = g.nd - 1; i >= 0; --i) {
    int64_t ki = kk % g.k[i], oi = l % g.out[i];
    kk /= g.k[i], l /= g.out[i];
    int64_t at = oi * g.s[i] - g.p[i] + ki * g.d[i];
    if (at < 0 || at >= g.in[i]) return -1;
    pos += at * stride_img;
    stride_img *= g.in[i];
  }
  return pos;
}

// col2im of image element e of one plane: the sum, in kernel order, of the column
// entries (plane's columns at cp) that read it.
template <class T, class C>
MXL_HD inline C col2im_element(const BlockGeom& g, const T* cp, int64_t e) {
  C sum = C(0);
  for (int64_t kk = 0; kk < g.K; ++kk) {
    int64_t l = 0, kq = kk, eq = e, lstride = 1;
    bool hit = true;
    for (int i = g.nd - 1; i >= 0 && hit; --i) {  // block index with o * s - p + k * d == position
      int64_t ki = kq % g.k[i], ei = eq % g.in[i];
      kq /= g.k[i], eq /= g.in[i];
      int64_t t = ei + g.p[i] - ki * g.d[i];
      hit = t >= 0 && t % g.s[i] == 0 && t / g.s[i] < g.out[i];
      l += (t / g.s[i]) * lstride;
      lstride *= g.out[i];
    }
    if (hit) sum += C(cp[kk * g.L + l]);
  }
  return sum;
}

}  // namespace nnx
}  // namespace mxl
