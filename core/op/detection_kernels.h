// Per-element formulas of the detection / image contrib operators (core/op/detection.cc)
// shared by the CPU kernels and the CUDA plugin (core/cuda/detection.cu), so both
// devices run one definition. C is the compute type (float for float16 and float32,
// double for float64).
#pragma once
#include <math.h>
#include <stdint.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "elemwise_kernels.h"  // MXL_HD

namespace mxl {
namespace det {

// ------------------------------------------------------- BilinearResize2D
// Output index o of n_out along an axis reads input indices i0 and i1 (of n_in),
// blended as (1 - lambda) * x[i0] + lambda * x[i1].
template <class C>
struct Lerp {
  int64_t i0, i1;
  C lambda;
};

// align_corners: the first and last pixels' centres line up (source = o * (n_in - 1) /
// (n_out - 1)); otherwise the pixel areas do (source = (o + 0.5) * n_in / n_out - 0.5,
// at least 0). An output axis of size 1 reads index 0, as MXNet does in both modes.
template <class C>
MXL_HD inline Lerp<C> resize_source(int64_t o, int64_t n_in, int64_t n_out, bool align_corners) {
  C r = C(0);
  if (n_out > 1) {
    if (align_corners) {
      r = C(n_in - 1) / C(n_out - 1) * C(o);
    } else {
      r = (C(o) + C(0.5)) * (C(n_in) / C(n_out)) - C(0.5);
      if (r < C(0)) r = C(0);
    }
  }
  Lerp<C> p;
  p.i0 = int64_t(r);
  if (p.i0 > n_in - 1) p.i0 = n_in - 1;
  p.i1 = p.i0 < n_in - 1 ? p.i0 + 1 : p.i0;
  p.lambda = p.i1 > p.i0 ? r - C(p.i0) : C(0);
  return p;
}

// ---------------------------------------------------- AdaptiveAvgPooling2D
// Output bin o of n_out covers input indices [floor(o n_in / n_out), ceil((o + 1) n_in / n_out)).
MXL_HD inline int64_t bin_start(int64_t o, int64_t n_in, int64_t n_out) { return o * n_in / n_out; }
MXL_HD inline int64_t bin_end(int64_t o, int64_t n_in, int64_t n_out) { return ((o + 1) * n_in + n_out - 1) / n_out; }
// The bins that contain input index i: [first_bin, last_bin] (bins are contiguous and
// ordered, so these bounds are exact; the gradient gathers over them).
MXL_HD inline int64_t first_bin(int64_t i, int64_t n_in, int64_t n_out) { return i * n_out / n_in; }
MXL_HD inline int64_t last_bin(int64_t i, int64_t n_in, int64_t n_out) { return ((i + 1) * n_out - 1) / n_in; }

// The gradient of input pixel (h, w) of one plane: the sum, over the bins holding it,
// of the bin's ograd over the bin's area. og is that plane's (Ho, Wo) ograd.
template <class T, class C>
MXL_HD inline C adaptive_pool_grad(const T* og, int64_t h, int64_t w, int64_t H, int64_t W, int64_t Ho, int64_t Wo) {
  C s = C(0);
  for (int64_t oh = first_bin(h, H, Ho); oh <= last_bin(h, H, Ho); ++oh) {
    int64_t rows = bin_end(oh, H, Ho) - bin_start(oh, H, Ho);
    for (int64_t ow = first_bin(w, W, Wo); ow <= last_bin(w, W, Wo); ++ow) {
      int64_t cols = bin_end(ow, W, Wo) - bin_start(ow, W, Wo);
      s += C(og[oh * Wo + ow]) / C(rows * cols);
    }
  }
  return s;
}

// The mean of bin (oh, ow) of one (H, W) plane.
template <class T, class C>
MXL_HD inline C adaptive_pool_bin(const T* x, int64_t oh, int64_t ow, int64_t H, int64_t W, int64_t Ho, int64_t Wo) {
  int64_t h0 = bin_start(oh, H, Ho), h1 = bin_end(oh, H, Ho), w0 = bin_start(ow, W, Wo), w1 = bin_end(ow, W, Wo);
  C s = C(0);
  for (int64_t h = h0; h < h1; ++h)
    for (int64_t w = w0; w < w1; ++w) s += C(x[h * W + w]);
  return s / C((h1 - h0) * (w1 - w0));
}


// ------------------------------------------------------------------ boxes
// A box as corners. Boxes come as 4 consecutive coordinates in format "corner"
// (xmin, ymin, xmax, ymax) or "center" (x, y, width, height).
template <class C>
struct Box {
  C x1, y1, x2, y2;
};

template <class T, class C>
MXL_HD inline Box<C> load_box(const T* p, bool center) {
  C a = C(p[0]), b = C(p[1]), c = C(p[2]), d = C(p[3]);
  if (center) return Box<C>{a - c / C(2), b - d / C(2), a + c / C(2), b + d / C(2)};
  return Box<C>{a, b, c, d};
}

// Intersection over union; 0 where the boxes do not overlap (inverted or empty boxes
// overlap nothing) or the union is not positive.
template <class C>
MXL_HD inline C box_iou(const Box<C>& a, const Box<C>& b) {
  C w = (a.x2 < b.x2 ? a.x2 : b.x2) - (a.x1 > b.x1 ? a.x1 : b.x1);
  C h = (a.y2 < b.y2 ? a.y2 : b.y2) - (a.y1 > b.y1 ? a.y1 : b.y1);
  C inter = w > C(0) && h > C(0) ? w * h : C(0);
  C uni = (a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - inter;
  return uni > C(0) ? inter / uni : C(0);
}

// Writes the 4 coordinates of src (format in_center) to dst in format out_center.
template <class T, class C>
MXL_HD inline void convert_box(const T* src, T* dst, bool in_center, bool out_center) {
  if (in_center == out_center) {
    for (int k = 0; k < 4; ++k) dst[k] = src[k];
    return;
  }
  Box<C> b = load_box<T, C>(src, in_center);
  if (out_center) {
    dst[0] = T((b.x1 + b.x2) / C(2)), dst[1] = T((b.y1 + b.y2) / C(2));
    dst[2] = T(b.x2 - b.x1), dst[3] = T(b.y2 - b.y1);
  } else {
    dst[0] = T(b.x1), dst[1] = T(b.y1), dst[2] = T(b.x2), dst[3] = T(b.y2);
  }
}

// --------------------------------------------------------------- box_nms
// The parameters of box_nms, read once from the attributes.
struct NmsParams {
  double overlap_thresh, valid_thresh;
  int64_t topk, coord_start, score_index, id_index, background_id;
  bool force_suppress, in_center, out_center;
  bool at_thresh = false;  // suppress at IoU == overlap_thresh too (MultiBoxDetection)
};

// Whether row (K values) takes part: its score above valid_thresh and, with an id
// column, its class not the background.
// Thresholds compare in the compute type C, as MXNet compares float data with its float
// parameters (a score of 0.2f is not above valid_thresh=0.2).
template <class T, class C>
MXL_HD inline bool nms_candidate(const T* row, const NmsParams& p) {
  if (!(C(row[p.score_index]) > C(p.valid_thresh))) return false;
  return p.id_index < 0 || double(row[p.id_index]) != double(p.background_id);
}

// Whether kept row a suppresses row b: the same class (unless force_suppress or no id
// column) and IoU above overlap_thresh.
template <class T, class C>
MXL_HD inline bool nms_suppresses(const T* a, const T* b, const NmsParams& p) {
  if (!p.force_suppress && p.id_index >= 0 && double(a[p.id_index]) != double(b[p.id_index])) return false;
  C iou = box_iou<C>(load_box<T, C>(a + p.coord_start, p.in_center), load_box<T, C>(b + p.coord_start, p.in_center));
  return p.at_thresh ? iou >= C(p.overlap_thresh) : iou > C(p.overlap_thresh);
}

// Whether candidate i comes before candidate j in the order NMS visits them: higher
// score first, ties by row (a stable sort).
template <class T>
MXL_HD inline bool nms_before(const T* data, int64_t K, int64_t score_index, int64_t i, int64_t j) {
  double si = double(data[i * K + score_index]), sj = double(data[j * K + score_index]);
  return si > sj || (si == sj && i < j);
}

// ---------------------------------------------------- bipartite_matching
// Whether pair i comes before pair j (flat indices into one (N, M) score matrix): best
// score first (descending, or ascending with is_ascend), ties by index.
template <class T>
MXL_HD inline bool match_before(const T* s, int64_t i, int64_t j, bool ascend) {
  double a = double(s[i]), b = double(s[j]);
  if (a != b) return ascend ? a < b : a > b;
  return i < j;
}
// Whether a score may be matched: strictly beyond the threshold (compared in the
// compute type C, as for box_nms's thresholds).
template <class C>
MXL_HD inline bool match_passes(C score, C threshold, bool ascend) {
  return ascend ? score < threshold : score > threshold;
}

// ----------------------------------------------------- box_encode / decode
// The regression target of an anchor for its matched reference box (both corners):
// ((gx - ax) / aw, (gy - ay) / ah, log(gw / aw), log(gh / ah)), minus means, over stds.
template <class T, class C>
MXL_HD inline void encode_box_c(const T* anchor, const T* ref, const C means[4], const C stds[4], T* out) {
  Box<C> a = load_box<T, C>(anchor, false), g = load_box<T, C>(ref, false);
  C aw = a.x2 - a.x1, ah = a.y2 - a.y1, gw = g.x2 - g.x1, gh = g.y2 - g.y1;
  C t[4] = {((g.x1 + g.x2) - (a.x1 + a.x2)) / C(2) / aw, ((g.y1 + g.y2) - (a.y1 + a.y2)) / C(2) / ah,
            C(log(gw / aw)), C(log(gh / ah))};
  for (int k = 0; k < 4; ++k) out[k] = T((t[k] - means[k]) / stds[k]);
}
template <class T, class C>
MXL_HD inline void encode_box(const T* anchor, const T* ref, const T* means, const T* stds, T* out) {
  const C m[4] = {C(means[0]), C(means[1]), C(means[2]), C(means[3])};
  const C s[4] = {C(stds[0]), C(stds[1]), C(stds[2]), C(stds[3])};
  encode_box_c<T, C>(anchor, ref, m, s, out);
}

// The box (corners) an anchor (format center or corner) and a predicted offset give:
// centre moved by offset * std * anchor size, size scaled by exp(offset * std) (that
// exponent first clipped to `clip` when clip > 0).
template <class T, class C>
MXL_HD inline void decode_box(const T* offset, const T* anchor, const C std[4], C clip, bool center, T* out) {
  Box<C> a = load_box<T, C>(anchor, center);
  C aw = a.x2 - a.x1, ah = a.y2 - a.y1, ax = (a.x1 + a.x2) / C(2), ay = (a.y1 + a.y2) / C(2);
  C ox = C(offset[0]) * std[0] * aw + ax, oy = C(offset[1]) * std[1] * ah + ay;
  C dw = C(offset[2]) * std[2], dh = C(offset[3]) * std[3];
  if (clip > C(0)) {
    dw = dw < clip ? dw : clip;
    dh = dh < clip ? dh : clip;
  }
  C hw = C(exp(dw)) * aw / C(2), hh = C(exp(dh)) * ah / C(2);
  out[0] = T(ox - hw), out[1] = T(oy - hh), out[2] = T(ox + hw), out[3] = T(oy + hh);
}

// --------------------------------------------------------------- ROIAlign
// One region of interest: rois rows are (batch index, x1, y1, x2, y2) in image pixels,
// scaled by spatial_scale to the feature map (and shifted by half a pixel when aligned).
// Each of the pooled_size bins averages grid_h x grid_w bilinear samples at the centres
// of a regular grid over the bin (sample_ratio per axis, or ceil(bin size) when <= 0).
template <class C>
struct RoiGeom {
  int64_t batch;  // < 0: the roi is ignored (its output is 0)
  C start_h, start_w, bin_h, bin_w;
  int64_t grid_h, grid_w;
  C count;  // samples per bin, at least 1 (an empty aligned roi gives 0)
};

template <class T, class C>
MXL_HD inline RoiGeom<C> roi_geometry(const T* roi, C scale, int64_t ph, int64_t pw, int64_t sample_ratio,
                                      bool aligned) {
  RoiGeom<C> g;
  g.batch = int64_t(C(roi[0]));
  const C off = aligned ? C(0.5) : C(0);
  g.start_w = C(roi[1]) * scale - off;
  g.start_h = C(roi[2]) * scale - off;
  C w = C(roi[3]) * scale - off - g.start_w, h = C(roi[4]) * scale - off - g.start_h;
  if (!aligned) {  // legacy: at least one pixel
    w = w > C(1) ? w : C(1);
    h = h > C(1) ? h : C(1);
  }
  g.bin_h = h / C(ph), g.bin_w = w / C(pw);
  g.grid_h = sample_ratio > 0 ? sample_ratio : int64_t(ceil(h / C(ph)));
  g.grid_w = sample_ratio > 0 ? sample_ratio : int64_t(ceil(w / C(pw)));
  if (g.grid_h < 0) g.grid_h = 0;
  if (g.grid_w < 0) g.grid_w = 0;
  g.count = C(g.grid_h * g.grid_w > 1 ? g.grid_h * g.grid_w : 1);
  return g;
}

// The bilinear blend at (y, x) of an (H, W) plane: 4 offsets and weights; none (n = 0)
// for a point more than one pixel outside. Points in the border pixel clamp to it.
template <class C>
struct RoiPoint {
  int n;
  int64_t off[4];
  C w[4];
};

template <class C>
MXL_HD inline RoiPoint<C> roi_point(C y, C x, int64_t H, int64_t W) {
  RoiPoint<C> p;
  p.n = 0;
  if (y < C(-1) || y > C(H) || x < C(-1) || x > C(W)) return p;
  y = y > C(0) ? y : C(0);
  x = x > C(0) ? x : C(0);
  int64_t y0 = int64_t(y), x0 = int64_t(x), y1, x1;
  if (y0 >= H - 1) {
    y0 = y1 = H - 1;
    y = C(y0);
  } else {
    y1 = y0 + 1;
  }
  if (x0 >= W - 1) {
    x0 = x1 = W - 1;
    x = C(x0);
  } else {
    x1 = x0 + 1;
  }
  C ly = y - C(y0), lx = x - C(x0), hy = C(1) - ly, hx = C(1) - lx;
  p.n = 4;
  p.off[0] = y0 * W + x0, p.w[0] = hy * hx;
  p.off[1] = y0 * W + x1, p.w[1] = hy * lx;
  p.off[2] = y1 * W + x0, p.w[2] = ly * hx;
  p.off[3] = y1 * W + x1, p.w[3] = ly * lx;
  return p;
}

// Sample (iy, ix) of bin (i, j).
template <class C>
MXL_HD inline RoiPoint<C> roi_sample(const RoiGeom<C>& g, int64_t i, int64_t j, int64_t iy, int64_t ix, int64_t H,
                                     int64_t W) {
  C y = g.start_h + C(i) * g.bin_h + (C(iy) + C(0.5)) * g.bin_h / C(g.grid_h);
  C x = g.start_w + C(j) * g.bin_w + (C(ix) + C(0.5)) * g.bin_w / C(g.grid_w);
  return roi_point<C>(y, x, H, W);
}

// The value of bin (i, j) from its input plane.
template <class T, class C>
MXL_HD inline C roi_bin(const T* plane, const RoiGeom<C>& g, int64_t i, int64_t j, int64_t H, int64_t W) {
  C s = C(0);
  for (int64_t iy = 0; iy < g.grid_h; ++iy)
    for (int64_t ix = 0; ix < g.grid_w; ++ix) {
      RoiPoint<C> p = roi_sample<C>(g, i, j, iy, ix, H, W);
      for (int k = 0; k < p.n; ++k) s += C(plane[p.off[k]]) * p.w[k];
    }
  return s / g.count;
}

// The input channel of output channel c, bin (i, j): c itself, or with position-
// sensitive pooling the bin's own channel of c's group of ph * pw.
MXL_HD inline int64_t roi_channel(int64_t c, int64_t i, int64_t j, int64_t ph, int64_t pw, bool position_sensitive) {
  return position_sensitive ? (c * ph + i) * pw + j : c;
}

// ------------------------------------------------------------ MultiBox (SSD)
// Host side, shared by the CPU op and the plugin: a tuple-of-floats parameter
// ("(0.5, 0.25)", "[1]", "0.5") into *v; false when malformed.
inline bool parse_float_tuple(const std::string& text, std::vector<double>* v) {
  std::string t = text;
  for (char& ch : t)
    if (ch == '(' || ch == ')' || ch == '[' || ch == ']' || ch == ',') ch = ' ';
  v->clear();
  const char* p = t.c_str();
  while (true) {
    while (*p == ' ') ++p;
    if (!*p) return true;
    char* end = nullptr;
    double x = strtod(p, &end);
    if (end == p) return false;
    v->push_back(x);
    p = end;
  }
}

// MultiBoxPrior's anchors for data of height H and width W: half (width, height) per
// anchor of a cell -- sizes with the first ratio, then the first size with the other
// ratios (widths scaled by H / W: sizes are fractions of the image height), in float
// as MXNet computes them -- and the centre steps (-1: 1 / H and 1 / W) and offsets.
struct PriorSpec {
  std::vector<double> half;
  double step_y, step_x, off_y, off_x;
};

inline PriorSpec prior_spec(const std::vector<double>& sizes, const std::vector<double>& ratios,
                            const std::vector<double>& steps, const std::vector<double>& offsets, int64_t H, int64_t W) {
  PriorSpec p;
  auto add = [&](double size, double ratio) {
    const float r = sqrtf(float(ratio));
    p.half.push_back(double(float(size) * float(H) / float(W) * r / 2.0f));
    p.half.push_back(double(float(size) / r / 2.0f));
  };
  for (double x : sizes) add(x, ratios[0]);
  for (size_t j = 1; j < ratios.size(); ++j) add(sizes[0], ratios[j]);
  p.step_y = steps[0] > 0 ? steps[0] : 1.0 / double(H);
  p.step_x = steps[1] > 0 ? steps[1] : 1.0 / double(W);
  p.off_y = offsets[0], p.off_x = offsets[1];
  return p;
}

// MultiBoxPrior: anchor k of cell (r, c) is its centre -/+ half[2k], half[2k + 1].
template <class T>
MXL_HD inline void prior_box(int64_t r, int64_t c, const double* half, double step_y, double step_x, double off_y,
                             double off_x, bool clip, T* out) {
  const float cy = float((double(r) + off_y) * step_y), cx = float((double(c) + off_x) * step_x);
  float v[4] = {cx - float(half[0]), cy - float(half[1]), cx + float(half[0]), cy + float(half[1])};
  for (int k = 0; k < 4; ++k) {
    if (clip) v[k] = v[k] < 0.0f ? 0.0f : v[k] > 1.0f ? 1.0f : v[k];
    out[k] = T(v[k]);
  }
}

// MultiBoxDetection, per anchor: the best class but the background (the first of equal
// probabilities), as an id among the other classes; -1 when its probability is below
// threshold. cls_prob holds (classes, anchors) for one sample.
template <class T>
MXL_HD inline int64_t detection_class(const T* cls_prob, int64_t classes, int64_t anchors, int64_t a,
                                      int64_t background_id, double threshold, double* score) {
  int64_t best = -1;
  double best_p = 0;
  for (int64_t j = 0; j < classes; ++j) {
    if (j == background_id) continue;
    double pj = double(cls_prob[j * anchors + a]);
    if (best < 0 || pj > best_p) best = j, best_p = pj;
  }
  *score = best_p;
  if (best < 0 || !(float(best_p) >= float(threshold))) return -1;
  return background_id >= 0 && best > background_id ? best - 1 : best;
}

// The detection row (id, score, xmin, ymin, xmax, ymax) of anchor a: its box decoded
// with the variances (and clipped to [0, 1]); an anchor without a class gets -1s.
template <class T, class C>
MXL_HD inline void detection_row(const T* cls_prob, const T* loc, const T* anchor, int64_t classes, int64_t anchors,
                                 int64_t a, int64_t background_id, double threshold, const C var[4], bool clip,
                                 T* row) {
  double score;
  int64_t id = detection_class(cls_prob, classes, anchors, a, background_id, threshold, &score);
  if (id < 0) {
    for (int k = 0; k < 6; ++k) row[k] = T(-1.0f);
    return;
  }
  row[0] = T(float(id)), row[1] = T(C(score));
  decode_box<T, C>(loc + a * 4, anchor + a * 4, var, C(-1), false, row + 2);
  if (clip)
    for (int k = 2; k < 6; ++k) {
      C v = C(row[k]);
      row[k] = T(v < C(0) ? C(0) : v > C(1) ? C(1) : v);
    }
}

// The NMS parameters MultiBoxDetection runs box_nms's suppression with, over its
// detection rows: every row with a class takes part; IoU at the threshold suppresses.
inline NmsParams detection_nms(double nms_threshold, int64_t nms_topk, bool force_suppress) {
  NmsParams p;
  p.overlap_thresh = nms_threshold, p.valid_thresh = -INFINITY;
  p.topk = nms_topk, p.coord_start = 2, p.score_index = 1, p.id_index = 0, p.background_id = -1;
  p.force_suppress = force_suppress, p.in_center = false, p.out_center = false;
  p.at_thresh = true;
  return p;
}

// MultiBoxTarget. label rows are (class, xmin, ymin, xmax, ymax, ...); a sample's
// ground truths are its rows up to the first of class -1.
template <class T>
MXL_HD inline int64_t valid_labels(const T* label, int64_t L, int64_t width) {
  int64_t g = 0;
  while (g < L && float(label[g * width]) != -1.0f) ++g;
  return g;
}

template <class T, class C>
MXL_HD inline C anchor_gt_iou(const T* anchor, const T* gt_row) {
  return box_iou<C>(load_box<T, C>(anchor, false), load_box<T, C>(gt_row + 1, false));
}

// Anchor j's best ground truth (the first of equal IoUs) and that IoU (0 without any).
template <class T, class C>
MXL_HD inline int64_t best_gt(const T* anchor, const T* label, int64_t G, int64_t width, C* best_iou) {
  int64_t best = -1;
  *best_iou = C(0);
  for (int64_t k = 0; k < G; ++k) {
    C v = anchor_gt_iou<T, C>(anchor, label + k * width);
    if (best < 0 || v > *best_iou) best = k, *best_iou = v;
  }
  return best;
}

// The background probability (softmax over the classes, class 0) MultiBoxTarget's
// negative mining ranks unmatched anchors by: the lowest are the hardest negatives.
template <class T, class C>
MXL_HD inline C background_prob(const T* cls_pred, int64_t classes, int64_t A, int64_t j) {
  C top = C(cls_pred[j]);
  for (int64_t k = 1; k < classes; ++k) top = C(cls_pred[k * A + j]) > top ? C(cls_pred[k * A + j]) : top;
  C sum = C(0);
  for (int64_t k = 0; k < classes; ++k) sum += C(exp(C(cls_pred[k * A + j]) - top));
  return C(exp(C(cls_pred[j]) - top)) / sum;
}

// The number of negatives mining keeps: num_positive * ratio (truncated), at least
// minimum_negative_samples, at most the anchors not positive.
MXL_HD inline int64_t mined_negatives(int64_t positives, int64_t anchors, double ratio, int64_t minimum) {
  int64_t n = int64_t(double(positives) * ratio);
  if (n < minimum) n = minimum;
  return n < anchors - positives ? n : anchors - positives;
}

}  // namespace det
}  // namespace mxl
