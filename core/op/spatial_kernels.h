// Per-point formulas of the spatial transformer operators (core/op/spatial.cc) shared
// by the CPU kernels and the CUDA plugin (core/cuda/spatial.cu), so both devices run
// one definition: the affine and warp sampling grids and bilinear sampling with its
// gradients. C is the compute type (float for float16 and float32, double for float64).
//
// Grid coordinates are normalised: x = -1 is the centre of the first column of the
// input, x = 1 the centre of the last (likewise y for rows). A grid of size 1 along an
// axis divides by zero there, giving inf / NaN coordinates as in MXNet.
#pragma once
#include <math.h>
#include <stdint.h>

#include "elemwise_kernels.h"  // MXL_HD

namespace mxl {
namespace spx {

// --------------------------------------------------------------- the grids
// The normalised target coordinate of column w (of W) or row h (of H): -1 + 2 i / (n - 1).
template <class C>
MXL_HD inline C target_coord(int64_t i, int64_t n) {
  return C(-1) + C(i) * (C(2) / C(n - 1));
}

// Affine grid point (h, w) of a (H, W) target: theta (6 values, row-major 2x3) applied
// to (x, y, 1).
template <class T, class C>
MXL_HD inline void affine_point(const T* theta, int64_t h, int64_t w, int64_t H, int64_t W, C* gx, C* gy) {
  C x = target_coord<C>(w, W), y = target_coord<C>(h, H);
  *gx = C(theta[0]) * x + C(theta[1]) * y + C(theta[2]);
  *gy = C(theta[3]) * x + C(theta[4]) * y + C(theta[5]);
}

// Warp grid: a flow of (dx, dy) pixels at (h, w) samples pixel (w + dx, h + dy); in
// normalised coordinates (w + dx) / ((W - 1) / 2) - 1.
template <class C>
MXL_HD inline C warp_coord(C flow, int64_t i, int64_t n) {
  return (flow + C(i)) / (C(n - 1) / C(2)) - C(1);
}
// d(warp_coord) / d(flow).
template <class C>
MXL_HD inline C warp_scale(int64_t n) {
  return C(1) / (C(n - 1) / C(2));
}

// ------------------------------------------------------- bilinear sampling
// One grid point's four neighbours in an (H, W) input plane: top-left, top-right,
// bottom-left, bottom-right. A neighbour outside the plane reads as 0 (off = -1), so a
// point partly outside blends toward 0 and one wholly outside is 0.
template <class C>
struct SamplePoint {
  int64_t off[4];  // plane offsets, -1 outside
  C w[4];          // bilinear weights
  C wx, wy;        // the top-left neighbour's weights along x and y (1 - fraction)
};

// A floored coordinate as an integer, kept where it cannot overflow (a value beyond the
// plane stays beyond it; NaN goes outside).
MXL_HD inline int64_t floor_index(double f, int64_t n) {
  if (!(f >= -2.0)) return -2;
  return f > double(n + 1) ? n + 1 : int64_t(f);
}

// (gx, gy): normalised source coordinates of the point.
template <class C>
MXL_HD inline SamplePoint<C> sample_point(C gx, C gy, int64_t H, int64_t W) {
  SamplePoint<C> p;
  C x = (gx + C(1)) * C(W - 1) / C(2), y = (gy + C(1)) * C(H - 1) / C(2);
  C fx = floor(x), fy = floor(y);
  p.wx = C(1) - (x - fx);
  p.wy = C(1) - (y - fy);
  int64_t x0 = floor_index(double(fx), W), y0 = floor_index(double(fy), H);
  for (int k = 0; k < 4; ++k) {
    int64_t xi = x0 + (k & 1), yi = y0 + (k >> 1);
    p.off[k] = xi >= 0 && xi < W && yi >= 0 && yi < H ? yi * W + xi : -1;
  }
  p.w[0] = p.wy * p.wx;
  p.w[1] = p.wy * (C(1) - p.wx);
  p.w[2] = (C(1) - p.wy) * p.wx;
  p.w[3] = (C(1) - p.wy) * (C(1) - p.wx);
  return p;
}

// The four neighbours' values in `plane` (0 outside).
template <class T, class C>
MXL_HD inline void corner_values(const SamplePoint<C>& p, const T* plane, C v[4]) {
  for (int k = 0; k < 4; ++k) v[k] = p.off[k] >= 0 ? C(plane[p.off[k]]) : C(0);
}

// The sample of one plane. Weights multiply even the zeros outside, so a non-finite
// grid point gives NaN, as in MXNet.
template <class T, class C>
MXL_HD inline C sample(const SamplePoint<C>& p, const T* plane) {
  C v[4];
  corner_values(p, plane, v);
  return v[0] * p.w[0] + v[1] * p.w[1] + v[2] * p.w[2] + v[3] * p.w[3];
}

// d(sample) / d(source x) and d(source y) in pixels for one plane, times g (the
// incoming gradient); the derivative of the bilinear blend of the point's own cell
// (one-sided at whole pixels, from the cell the point floors into).
template <class T, class C>
MXL_HD inline void sample_coord_grad(const SamplePoint<C>& p, const T* plane, C g, C* dx, C* dy) {
  C v[4];
  corner_values(p, plane, v);
  C mix = v[0] - v[1] - v[2] + v[3];
  *dx -= g * (v[2] - v[3] + mix * p.wy);
  *dy -= g * (v[1] - v[3] + mix * p.wx);
}

// Pixels per normalised unit along an axis of n pixels: d(source pixel) / d(grid value).
template <class C>
MXL_HD inline C pixel_scale(int64_t n) {
  return C(n - 1) / C(2);
}

}  // namespace spx
}  // namespace mxl
