// Neural-network operators of MXNet 1.9 that model ports meet beyond the core set:
// GroupNorm, softmax_cross_entropy, SVMOutput, ROIPooling, Crop (each with its
// `_backward_` op), im2col and col2im.
// Float16 data computes in float, statistics accumulate in double.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "blas.h"
#include "elemwise_kernels.h"
#include "nn_extra_kernels.h"
#include "registry.h"

namespace mxl {
namespace {

template <class T> using acc_t = std::conditional_t<std::is_same_v<T, double>, double, float>;

// ================================================================ GroupNorm
// Data (N, C, ...): the C channels split into num_groups groups of C / num_groups
// consecutive channels; each (sample, group) is one contiguous run of elements,
// normalised by its own mean and variance. gamma and beta hold one value per group.
struct GroupView {
  int64_t rows = 0;     // N * num_groups
  int64_t groups = 1;   // num_groups
  int64_t len = 0;      // elements per (sample, group)
};

GroupView group_view(const Attrs& a, const Shape& x) {
  GroupView v;
  v.groups = a.i("num_groups");
  v.rows = x[0] * v.groups;
  v.len = x[0] * v.groups > 0 ? x.size() / (x[0] * v.groups) : 0;
  return v;
}

OpDef& groupnorm_params(OpDef& op) {
  op.param("num_groups", PType::kInt, "1", "Number of groups the channels (axis 1) are split into; it must divide the channel count.");
  op.range(1, 2147483647);  // MXNet's int
  op.param("eps", PType::kFloat, "1e-5", "An `epsilon` added to the variance to prevent division by 0.");
  op.range(0, 1e308);
  op.param("output_mean_var", PType::kBool, "False", "Also output the mean and the std (sqrt(var + eps)) of each (sample, group).");
  return op;
}

bool groupnorm_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = "GroupNorm";
  if (!in[0].known()) return false;
  const Shape& x = in[0];
  int64_t g = a.i("num_groups");
  MXL_CHECK(x.ndim >= 3, Err::kShape, op, ": data must have at least 3 dimensions (batch, channel, spatial...), got shape ", x);
  MXL_CHECK(x[1] % g == 0, Err::kShape, op, ": the channel count ", x[1], " (axis 1 of data shape ", x,
            ") must be divisible by num_groups=", g);
  assign_shape(op, "gamma", in[1], Shape{g});
  assign_shape(op, "beta", in[2], Shape{g});
  assign_shape(op, "output", out[0], x);
  for (size_t i = 1; i < out.size(); ++i) assign_shape(op, i == 1 ? "mean" : "std", out[i], Shape{x[0], g});
  return true;
}

template <class T>
void group_stats(const T* x, int64_t len, double eps, double* mean, double* std) {
  double m = 0, s = 0;
  for (int64_t j = 0; j < len; ++j) m += double(x[j]);
  m = len > 0 ? m / double(len) : 0;
  for (int64_t j = 0; j < len; ++j) {
    double d = double(x[j]) - m;
    s += d * d;
  }
  *mean = m;
  *std = std::sqrt((len > 0 ? s / double(len) : 0) + eps);
}

int64_t row_grain(int64_t len) { return std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, len)); }

// in: data, gamma, beta; out: output[, mean, std].
template <class T>
void groupnorm_forward_t(const Attrs& a, const Blobs& in, const Blobs& out) {
  GroupView v = group_view(a, in[0].shape);
  const T *x = in[0].ptr<T>(), *gamma = in[1].ptr<T>(), *beta = in[2].ptr<T>();
  T* y = out[0].ptr<T>();
  double eps = a.f("eps");
  parallel_for(v.rows, row_grain(v.len), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {
      const T* xr = x + r * v.len;
      double mean, std;
      group_stats(xr, v.len, eps, &mean, &std);
      double scale = double(gamma[r % v.groups]) / std, shift = double(beta[r % v.groups]) - mean * scale;
      for (int64_t j = 0; j < v.len; ++j) y[r * v.len + j] = T(acc_t<T>(double(xr[j]) * scale + shift));
      if (out.size() == 3) {
        out[1].ptr<T>()[r] = T(acc_t<T>(mean));
        out[2].ptr<T>()[r] = T(acc_t<T>(std));
      }
    }
  });
}

// in: ograd, data, gamma; out: d(data), d(gamma), d(beta). Only the normalised
// output carries a gradient (mean and std outputs are statistics, as in MXNet).
template <class T>
void groupnorm_backward_t(const Attrs& a, const Blobs& in, const Blobs& out) {
  GroupView v = group_view(a, in[1].shape);
  const T *dy = in[0].ptr<T>(), *x = in[1].ptr<T>(), *gamma = in[2].ptr<T>();
  T *dx = out[0].ptr<T>(), *dgamma = out[1].ptr<T>(), *dbeta = out[2].ptr<T>();
  double eps = a.f("eps");
  // Per row: sum(dy) and sum(dy * x_hat), kept for the parameter gradients.
  std::vector<double> row_g(size_t(v.rows)), row_gx(size_t(v.rows));
  parallel_for(v.rows, row_grain(v.len), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {
      const T *xr = x + r * v.len, *gr = dy + r * v.len;
      double mean, std;
      group_stats(xr, v.len, eps, &mean, &std);
      double sg = 0, sgx = 0;
      for (int64_t j = 0; j < v.len; ++j) {
        double g = double(gr[j]), xh = (double(xr[j]) - mean) / std;
        sg += g;
        sgx += g * xh;
      }
      row_g[size_t(r)] = sg;
      row_gx[size_t(r)] = sgx;
      // d x = gamma / std * (dy - mean(dy) - x_hat * mean(dy * x_hat))
      double k = double(gamma[r % v.groups]) / std, n = double(std::max<int64_t>(v.len, 1));
      for (int64_t j = 0; j < v.len; ++j) {
        double xh = (double(xr[j]) - mean) / std;
        dx[r * v.len + j] = T(acc_t<T>(k * (double(gr[j]) - sg / n - xh * sgx / n)));
      }
    }
  });
  for (int64_t g = 0; g < v.groups; ++g) {
    double sg = 0, sgx = 0;
    for (int64_t r = g; r < v.rows; r += v.groups) sg += row_g[size_t(r)], sgx += row_gx[size_t(r)];
    dgamma[g] = T(acc_t<T>(sgx));
    dbeta[g] = T(acc_t<T>(sg));
  }
}

bool groupnorm_backward_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = "_backward_GroupNorm";
  if (!in[1].known()) return false;
  std::vector<Shape> fin{in[1], in[2], Shape()}, fout(1);
  groupnorm_infer_shape(a, fin, fout);  // data and gamma must fit as in the forward op
  assign_shape(op, "ograd", in[0], in[1]);
  assign_shape(op, "gamma", in[2], fin[1]);
  assign_shape(op, "data gradient", out[0], in[1]);
  assign_shape(op, "gamma gradient", out[1], fin[1]);
  assign_shape(op, "beta gradient", out[2], fin[1]);
  return true;
}

// ===================================================== softmax_cross_entropy
// data (N, K) scores, label (N,) class indices; output (1,): the summed
// cross-entropy -sum_n log(max(softmax(data[n])[label[n]], 1e-8)). The probability is
// clipped as in MXNet, so one hopeless sample costs at most -log(1e-8) = 18.42.
constexpr double kMinProbability = 1e-8;
bool sce_infer_shape(const Attrs&, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = "softmax_cross_entropy";
  if (in[0].known())
    MXL_CHECK(in[0].ndim == 2, Err::kShape, op, ": data must be 2-D (batch, classes), got shape ", in[0]);
  if (in[1].known())
    MXL_CHECK(in[1].ndim == 1, Err::kShape, op, ": label must be 1-D (batch,), got shape ", in[1]);
  assign_shape(op, "output", out[0], Shape{1});
  if (!in[0].known()) return false;
  assign_shape(op, "label", in[1], Shape{in[0][0]});
  return true;
}

template <class T>
int64_t class_index(const char* op, T label, int64_t n, int64_t K) {
  double v = double(label);
  MXL_CHECK(v >= 0 && v < double(K), Err::kIndex, op, ": label[", n, "] = ", v,
            " is out of range for ", K, " classes (expected 0 <= label < ", K, ")");
  return int64_t(v);
}

// log(sum(exp(row))) computed stably.
template <class T>
double log_sum_exp(const T* row, int64_t K) {
  double mx = -INFINITY;
  for (int64_t k = 0; k < K; ++k) mx = std::max(mx, double(row[k]));
  if (!std::isfinite(mx)) return mx;
  double s = 0;
  for (int64_t k = 0; k < K; ++k) s += std::exp(double(row[k]) - mx);
  return mx + std::log(s);
}

template <class T>
void sce_forward_t(const Blobs& in, const Blobs& out) {
  const char* op = "softmax_cross_entropy";
  const int64_t N = in[0].shape[0], K = in[0].shape[1];
  const T *x = in[0].ptr<T>(), *label = in[1].ptr<T>();
  double loss = 0;
  for (int64_t n = 0; n < N; ++n) {
    int64_t k = class_index(op, label[n], n, K);
    double p = std::exp(double(x[n * K + k]) - log_sum_exp(x + n * K, K));
    loss -= std::log(std::max(p, kMinProbability));
  }
  out[0].ptr<T>()[0] = T(acc_t<T>(loss));
}

// in: ograd (1,), data, label; out: ograd * (softmax(data) - one_hot(label)).
template <class T>
void sce_backward_t(const Blobs& in, const Blobs& out) {
  const char* op = "_backward_softmax_cross_entropy";
  const int64_t N = in[1].shape[0], K = in[1].shape[1];
  const T *x = in[1].ptr<T>(), *label = in[2].ptr<T>();
  const double g = double(in[0].ptr<T>()[0]);
  T* dx = out[0].ptr<T>();
  for (int64_t n = 0; n < N; ++n) class_index(op, label[n], n, K);  // fail before writing
  parallel_for(N, row_grain(K), [&](int64_t n0, int64_t n1) {
    for (int64_t n = n0; n < n1; ++n) {
      const T* row = x + n * K;
      double lse = log_sum_exp(row, K);
      int64_t target = int64_t(double(label[n]));
      for (int64_t k = 0; k < K; ++k)
        dx[n * K + k] = T(acc_t<T>(g * (std::exp(double(row[k]) - lse) - (k == target ? 1.0 : 0.0))));
    }
  });
}

// ================================================================ SVMOutput
// Identity forward; the backward is the (sub)gradient of the one-vs-rest hinge loss
// over the last axis, ignoring the incoming gradient. Rows are all but the last axis;
// a label outside [0, K) marks no class as the target.
OpDef& svm_params(OpDef& op) {
  op.param("margin", PType::kFloat, "1", "The loss penalizes scores that lie inside this margin.");
  op.param("regularization_coefficient", PType::kFloat, "1", "Scale of the loss gradient (the SVM's regularization trade-off).");
  op.param("use_linear", PType::kBool, "False", "Use the L1-SVM (hinge) objective; the L2-SVM (squared hinge) objective is the default.");
  return op;
}

bool svm_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = a.op->name.c_str();
  Shape& x = in[0];
  if (!x.known()) return false;
  MXL_CHECK(x.ndim >= 2, Err::kShape, op, ": data must have at least 2 dimensions (..., classes), got shape ", x);
  Shape l = x;
  l.ndim = x.ndim - 1;
  assign_shape(op, "label", in[1], l);
  assign_shape(op, "output", out[0], x);
  return true;
}

// in: output (the scores), label; out: the gradient with respect to data.
template <class T>
void svm_backward_t(const Attrs& a, const Blobs& in, const Blobs& out) {
  using C = acc_t<T>;
  const Shape& s = in[0].shape;
  const int64_t K = s[s.ndim - 1], rows = K > 0 ? s.size() / K : 0;
  const T *y = in[0].ptr<T>(), *label = in[1].ptr<T>();
  T* dx = out[0].ptr<T>();
  const C margin = C(a.f("margin")), reg = C(a.f("regularization_coefficient"));
  const bool linear = a.b("use_linear");
  parallel_for(rows, row_grain(K), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {
      const int64_t target = nnx::svm_target(double(label[r]), K);
      for (int64_t k = 0; k < K; ++k)
        dx[r * K + k] = T(nnx::svm_grad(C(y[r * K + k]), k == target, margin, reg, linear));
    }
  });
}

// =============================================================== ROIPooling
// data (B, C, H, W), rois (R, 5) rows [batch_index, x1, y1, x2, y2] in image
// coordinates; output (R, C, pooled_h, pooled_w). Each roi, scaled by spatial_scale and
// rounded, is split into pooled_h x pooled_w bins (floor / ceil of equal fractions),
// each max-pooled; an empty bin, or a roi whose batch index is not in [0, B), gives 0.
using nnx::RoiGeom;

RoiGeom roi_geom(const Attrs& a, const Shape& data, const Shape& rois) {
  RoiGeom g;
  g.B = data[0], g.C = data[1], g.H = data[2], g.W = data[3], g.R = rois[0];
  const Shape& p = a.shape("pooled_size");
  g.PH = p[0], g.PW = p[1];
  g.scale = a.f("spatial_scale");
  return g;
}

bool roi_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = "ROIPooling";
  const Shape& p = a.shape("pooled_size");
  MXL_CHECK(p.ndim == 2 && p[0] > 0 && p[1] > 0, Err::kInvalidArgument, op,
            ": parameter 'pooled_size' must be two positive sizes (height, width), got ", p);
  if (in[0].known())
    MXL_CHECK(in[0].ndim == 4, Err::kShape, op, ": data must be 4-D (batch, channel, height, width), got shape ", in[0]);
  if (in[1].known())
    MXL_CHECK(in[1].ndim == 2 && in[1][1] == 5, Err::kShape, op,
              ": rois must be 2-D of shape (num_rois, 5), rows [batch_index, x1, y1, x2, y2], got shape ", in[1]);
  if (!in[0].known() || !in[1].known()) return false;
  assign_shape(op, "output", out[0], Shape{in[1][0], in[0][1], p[0], p[1]});
  return true;
}

template <class T>
void roi_forward_t(const Attrs& a, const Blobs& in, const Blobs& out) {
  using C = acc_t<T>;
  RoiGeom g = roi_geom(a, in[0].shape, in[1].shape);
  if (out[0].size() == 0) return;  // (also keeps the grain's PH * PW within range below)
  const T *x = in[0].ptr<T>(), *rois = in[1].ptr<T>();
  T* y = out[0].ptr<T>();
  parallel_for(g.R * g.C, row_grain(g.PH * g.PW * 4), [&](int64_t q0, int64_t q1) {
    for (int64_t q = q0; q < q1; ++q)
      for (int64_t ph = 0; ph < g.PH; ++ph)
        for (int64_t pw = 0; pw < g.PW; ++pw) {
          C best;
          nnx::roi_bin_max(g, x, rois + (q / g.C) * 5, q % g.C, ph, pw, &best);
          y[(q * g.PH + ph) * g.PW + pw] = T(best);
        }
  });
}

// in: ograd, data, rois; out: d(data) (each bin's gradient goes to its first maximum),
// d(rois) = 0. Parallel over channels: a task owns every gradient of its channels.
template <class T>
void roi_backward_t(const Attrs& a, const Blobs& in, const Blobs& out) {
  using C = acc_t<T>;
  RoiGeom g = roi_geom(a, in[1].shape, in[2].shape);
  const T *dy = in[0].ptr<T>(), *x = in[1].ptr<T>(), *rois = in[2].ptr<T>();
  T* dx = out[0].ptr<T>();
  fill_scalar(out[1], 0.0);
  if (in[0].size() == 0) {  // no bins: the data gradient is zero
    fill_scalar(out[0], 0.0);
    return;
  }
  std::vector<double> acc(size_t(in[1].size()), 0.0);
  parallel_for(g.C, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, g.R * g.PH * g.PW * 4)), [&](int64_t c0, int64_t c1) {
    for (int64_t c = c0; c < c1; ++c)
      for (int64_t r = 0; r < g.R; ++r)
        for (int64_t ph = 0; ph < g.PH; ++ph)
          for (int64_t pw = 0; pw < g.PW; ++pw) {
            C best;
            int64_t arg = nnx::roi_bin_max(g, x, rois + r * 5, c, ph, pw, &best);
            if (arg >= 0) acc[size_t(arg)] += double(dy[((r * g.C + c) * g.PH + ph) * g.PW + pw]);
          }
  });
  parallel_for(in[1].size(), kParallelGrain, [&](int64_t i0, int64_t i1) {
    for (int64_t i = i0; i < i1; ++i) dx[i] = T(C(acc[size_t(i)]));
  });
}

OpDef& roi_params(OpDef& op) {
  op.param_required("pooled_size", PType::kShape, "The output's spatial size (height, width).");
  op.param_required("spatial_scale", PType::kFloat, "Ratio of the feature map's size to the image's (the reciprocal of the network's total stride); roi coordinates are multiplied by it.");
  return op;
}

// ===================================================================== Crop
// MXNet's legacy Crop: a (h, w) window of data (N, C, H, W) at offset (y, x), the size
// from h_w (one input) or from crop_like's dims 2 and 3 (two inputs); center_crop
// centres the window and ignores offset. MXNet takes float32 only; every float dtype
// works here (a copy), all inputs of one dtype.
struct CropWindow {
  int64_t h = 0, w = 0, y = 0, x = 0;
};

CropWindow crop_window(const Attrs& a, const Shape& data, int64_t h, int64_t w) {
  const char* op = "Crop";
  const int64_t H = data[2], W = data[3];
  MXL_CHECK(h >= 1 && w >= 1 && h <= H && w <= W, Err::kShape, op, ": the crop size (", h, ", ", w,
            ") must be at least 1 and fit data of shape ", data);
  CropWindow c{h, w, 0, 0};
  if (a.b("center_crop")) {
    c.y = (H - h) / 2, c.x = (W - w) / 2;
    return c;
  }
  const Shape& off = a.shape("offset");
  MXL_CHECK(off.ndim == 2, Err::kInvalidArgument, op, ": parameter 'offset' must be (y, x), got ", off);
  c.y = off[0], c.x = off[1];
  MXL_CHECK(c.y >= 0 && c.x >= 0 && c.y <= H - h && c.x <= W - w, Err::kInvalidArgument, op,
            ": parameter 'offset' ", off, " puts the (", h, ", ", w, ") window outside data of shape ", data,
            " (expected 0 <= offset <= (", H - h, ", ", W - w, "))");
  return c;
}

bool crop_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = "Crop";
  const bool like = a.i("num_args") == 2;
  if (in[0].known())
    MXL_CHECK(in[0].ndim == 4, Err::kShape, op, ": data must be 4-D (batch, channel, height, width), got shape ", in[0]);
  if (like && in[1].known())
    MXL_CHECK(in[1].ndim >= 4, Err::kShape, op, ": crop_like (input 1) must have at least 4 dimensions (its dims 2 and 3 give the crop size), got shape ",
              in[1]);
  if (!like) {
    const Shape& hw = a.shape("h_w");
    MXL_CHECK(hw.ndim == 2, Err::kInvalidArgument, op, ": parameter 'h_w' must be (height, width), got ", hw);
  }
  if (!in[0].known() || (like && !in[1].known())) return false;
  const Shape& x = in[0];
  int64_t h = like ? in[1][2] : a.shape("h_w")[0], w = like ? in[1][3] : a.shape("h_w")[1];
  CropWindow c = crop_window(a, x, h, w);
  assign_shape(op, "output", out[0], Shape{x[0], x[1], c.h, c.w});
  return true;
}

// Copies the window (forward) or scatters ograd into a zeroed d(data) (backward).
template <class T>
void crop_copy(const Shape& data, const CropWindow& c, const T* src, T* dst, bool backward) {
  const int64_t H = data[2], W = data[3], planes = data[0] * data[1];
  if (backward) std::fill(dst, dst + planes * H * W, T(0.0f));
  parallel_for(planes, row_grain(c.h * c.w), [&](int64_t p0, int64_t p1) {
    for (int64_t p = p0; p < p1; ++p)
      for (int64_t r = 0; r < c.h; ++r) {
        const int64_t big = (p * H + c.y + r) * W + c.x, small = (p * c.h + r) * c.w;
        if (backward) std::copy(src + small, src + small + c.w, dst + big);
        else std::copy(src + big, src + big + c.w, dst + small);
      }
  });
}

OpDef& crop_params(OpDef& op) {
  op.param("offset", PType::kShape, "(0, 0)", "Crop offset coordinate: (y, x).");
  op.param("h_w", PType::kShape, "(0, 0)", "Crop height and width: (h, w); used with one input.");
  op.param("center_crop", PType::kBool, "False", "Centre the window (offset is then ignored).");
  return op;
}

// ========================================================== im2col / col2im
// Sliding blocks of 1 to 3 spatial dims, as a convolution with the same kernel,
// stride, dilate and pad sees them. im2col: data (N, C, *spatial) -> columns
// (N, C * prod(kernel), L), row (c, k) and column l (an output position, row-major);
// padding reads as 0. col2im sums columns back into (N, C, *output_size); each is the
// other's gradient. Both are written as gathers (col2im: each image element sums the
// column entries that read it), so the CUDA kernels give the same sums in the same order.
using nnx::BlockGeom;

// Kernel, stride, dilate and pad stay below 2^31, so the geometry's sums cannot overflow.
constexpr int64_t kMaxBlockParam = (int64_t(1) << 31) - 1;

// A stride / dilate / pad parameter: () gives `def` for every dim, else one value per kernel dim.
void block_param(const char* op, const Attrs& a, const char* name, int nd, int64_t def, int64_t lo, int64_t* dst) {
  const Shape& v = a.shape(name);
  MXL_CHECK(v.ndim == 0 || v.ndim == nd, Err::kInvalidArgument, op, ": parameter '", name, "' ", v,
            " must have as many dims as kernel (", nd, ") or be ()");
  for (int i = 0; i < nd; ++i) {
    dst[i] = v.ndim == 0 ? def : v[i];
    MXL_CHECK(dst[i] >= lo && dst[i] <= kMaxBlockParam, Err::kInvalidArgument, op, ": parameter '", name, "' ", v,
              " must be in [", lo, ", ", kMaxBlockParam, "] in every dim");
  }
}

// a * b, failing with kShape naming op when the product overflows 64 bits.
int64_t checked_mul(const char* op, int64_t a, int64_t b) {
  int64_t r;
  MXL_CHECK(!__builtin_mul_overflow(a, b, &r), Err::kShape, op, ": the block geometry overflows 64 bits (", a, " * ", b, ")");
  return r;
}

// Geometry from the parameters and the image's spatial dims (data for im2col,
// output_size for col2im); checks every parameter and that the dilated kernel fits.
BlockGeom block_geom(const char* op, const Attrs& a, int64_t N, int64_t C, const int64_t* spatial, int nd_spatial) {
  BlockGeom g;
  const Shape& kernel = a.shape("kernel");
  MXL_CHECK(kernel.ndim >= 1 && kernel.ndim <= 3, Err::kInvalidArgument, op, ": parameter 'kernel' ", kernel,
            " must have 1, 2 or 3 dims");
  g.nd = kernel.ndim;
  MXL_CHECK(nd_spatial == g.nd, Err::kShape, op, ": a kernel of ", g.nd, " dims needs ", g.nd, " spatial dims, got ",
            nd_spatial);
  g.N = N, g.C = C, g.planes = checked_mul(op, N, C);
  for (int i = 0; i < g.nd; ++i) {
    g.k[i] = kernel[i];
    MXL_CHECK(g.k[i] >= 1 && g.k[i] <= kMaxBlockParam, Err::kInvalidArgument, op, ": parameter 'kernel' ", kernel,
              " must be in [1, ", kMaxBlockParam, "] in every dim");
  }
  block_param(op, a, "stride", g.nd, 1, 1, g.s);
  block_param(op, a, "dilate", g.nd, 1, 1, g.d);
  block_param(op, a, "pad", g.nd, 0, 0, g.p);
  for (int i = 0; i < g.nd; ++i) {
    g.in[i] = spatial[i];
    int64_t span = g.d[i] * (g.k[i] - 1) + 1, padded;  // span < 2^62: both factors < 2^31
    MXL_CHECK(!__builtin_add_overflow(g.in[i], 2 * g.p[i], &padded), Err::kShape, op, ": the padded size of spatial dim ",
              i, " overflows 64 bits");
    MXL_CHECK(span <= padded, Err::kShape, op, ": the dilated kernel (", span, ") exceeds the padded input (", padded,
              ") in spatial dim ", i);
    g.out[i] = (padded - span) / g.s[i] + 1;
    g.K = checked_mul(op, g.K, g.k[i]), g.L = checked_mul(op, g.L, g.out[i]), g.image = checked_mul(op, g.image, g.in[i]);
  }
  checked_mul(op, checked_mul(op, checked_mul(op, g.N, g.C), g.K), g.L);  // the column array's size
  return g;
}

BlockGeom im2col_geom(const Attrs& a, const Shape& x) {
  const char* op = a.op->name.c_str();
  int nd = a.shape("kernel").ndim;
  MXL_CHECK(x.ndim == nd + 2, Err::kShape, op, ": data must have ", nd + 2, " dims (batch, channel and ", nd,
            " spatial, as kernel), got shape ", x);
  return block_geom(op, a, x[0], x[1], x.d + 2, x.ndim - 2);
}

BlockGeom col2im_geom(const Attrs& a, const Shape& col) {
  const char* op = a.op->name.c_str();
  const Shape& size = a.shape("output_size");
  MXL_CHECK(size.ndim == a.shape("kernel").ndim, Err::kInvalidArgument, op, ": parameter 'output_size' ", size,
            " must have as many dims as kernel ", a.shape("kernel"));
  for (int i = 0; i < size.ndim; ++i)
    MXL_CHECK(size[i] >= 1, Err::kInvalidArgument, op, ": parameter 'output_size' ", size, " must be >= 1 in every dim");
  MXL_CHECK(col.ndim == 3, Err::kShape, op, ": data must be 3-D (batch, channel * prod(kernel), blocks), got shape ", col);
  int64_t K = a.shape("kernel").size();
  MXL_CHECK(K >= 1 && col[1] % K == 0, Err::kShape, op, ": dim 1 of data shape ", col, " must be a multiple of prod(kernel) = ", K);
  BlockGeom g = block_geom(op, a, col[0], col[1] / K, size.d, size.ndim);
  MXL_CHECK(col[2] == g.L, Err::kShape, op, ": data shape ", col, " has ", col[2], " blocks, but output_size ", size,
            " with these kernel, stride, dilate and pad gives ", g.L);
  return g;
}

template <class T>
void im2col_t(const BlockGeom& g, const T* x, T* col) {
  parallel_for(g.N * g.C * g.K, row_grain(g.L), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {  // r = (n, c, kk): one row of columns
      const int64_t kk = r % g.K, plane = r / g.K;
      const T* img = x + plane * g.image;
      for (int64_t l = 0; l < g.L; ++l) {
        int64_t src = nnx::block_source(g, kk, l);
        col[r * g.L + l] = src < 0 ? T(0.0f) : img[src];
      }
    }
  });
}

// Each image element sums, in kernel order, the column entries that read it.
template <class T>
void col2im_t(const BlockGeom& g, const T* col, T* x) {
  using C = acc_t<T>;
  parallel_for(g.N * g.C, row_grain(g.image * g.K), [&](int64_t p0, int64_t p1) {
    for (int64_t plane = p0; plane < p1; ++plane) {
      const T* cp = col + plane * g.K * g.L;
      for (int64_t e = 0; e < g.image; ++e) x[plane * g.image + e] = T(nnx::col2im_element<T, C>(g, cp, e));
    }
  });
}

OpDef& block_params(OpDef& op, bool with_output_size) {
  if (with_output_size)
    op.param_required("output_size", PType::kShape, "The spatial size of the image: (w,), (h, w) or (d, h, w).");
  op.param_required("kernel", PType::kShape, "Sliding kernel size: (w,), (h, w) or (d, h, w).");
  op.param("stride", PType::kShape, "()", "The stride between adjacent blocks: (w,), (h, w) or (d, h, w). Defaults to 1 for each dimension.");
  op.param("dilate", PType::kShape, "()", "The spacing between adjacent kernel points: (w,), (h, w) or (d, h, w). Defaults to 1 for each dimension.");
  op.param("pad", PType::kShape, "()", "Zero padding on both sides of each spatial dimension: (w,), (h, w) or (d, h, w). Defaults to no padding.");
  return op;
}

// The block parameters passed on to the gradient op (all but col2im's output_size).
KV block_kv(const Attrs& a) {
  KV kv;
  for (const auto& p : a.raw())
    if (p.first != "output_size") kv.push_back(p);
  return kv;
}
}  // namespace

// ============================================================== registrations
static OpDef& reg_groupnorm = groupnorm_params(Registry::add("GroupNorm"))
    .describe("Group normalization.\n\n"
              "The channels (axis 1) of data (N, C, ...) are split into num_groups groups of C / num_groups "
              "channels; each sample's group is normalised by its own mean and variance: out = (x - mean) / "
              "sqrt(var + eps) * gamma[g] + beta[g], with gamma and beta of shape (num_groups,). With "
              "output_mean_var the mean and std (sqrt(var + eps)), of shape (N, num_groups), are also returned.")
    .input("data").input("gamma").input("beta")
    .outputs(3, {"output", "mean", "std"})
    .outputs_fn([](const Attrs& a) { return a.b("output_mean_var") ? 3 : 1; })
    .infer_shape_fn(groupnorm_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "GroupNorm", { groupnorm_forward_t<T>(a, in, out); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return g.op("_backward_GroupNorm", {g.ograd(0), g.input(0), g.input(1)}, a.raw());
    });

static OpDef& reg_groupnorm_bwd = groupnorm_params(Registry::add("_backward_GroupNorm"))
    .describe("Gradients of GroupNorm: inputs (ograd, data, gamma); outputs the gradients of data, gamma and beta.")
    .input("ograd").input("data").input("gamma")
    .outputs(3, {"data_grad", "gamma_grad", "beta_grad"})
    .infer_shape_fn(groupnorm_backward_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_GroupNorm", { groupnorm_backward_t<T>(a, in, out); });
    });

static OpDef& reg_sce = Registry::add("softmax_cross_entropy")
    .describe("Softmax cross-entropy loss summed over the batch.\n\n"
              "data (batch, classes) holds scores, label (batch,) class indices (same dtype as data); the output, "
              "of shape (1,), is sum_n -log(max(softmax(data[n])[label[n]], 1e-8)). The gradient with respect to data is "
              "softmax(data) - one_hot(label), times the incoming gradient; the label gets none.")
    .input("data").input("label")
    .infer_shape_fn(sce_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "softmax_cross_entropy", { sce_forward_t<T>(in, out); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_softmax_cross_entropy", {g.ograd(0), g.input(0), g.input(1)}, a.raw()), GVal{}};
    });

static OpDef& reg_sce_bwd = Registry::add("_backward_softmax_cross_entropy")
    .describe("Gradient of softmax_cross_entropy with respect to data: inputs (ograd, data, label).")
    .input("ograd").input("data").input("label")
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      std::vector<Shape> fin{in[1], in[2]}, fout{in[0]};
      bool known = sce_infer_shape(a, fin, fout);
      const char* op = "_backward_softmax_cross_entropy";
      assign_shape(op, "ograd", in[0], fout[0]);
      if (!known) return false;
      assign_shape(op, "label", in[2], fin[1]);
      assign_shape(op, "data gradient", out[0], in[1]);
      return true;
    })
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_softmax_cross_entropy", { sce_backward_t<T>(in, out); });
    });

static OpDef& reg_svm = svm_params(Registry::add("SVMOutput"))
    .describe("Support vector machine output layer (a loss).\n\n"
              "The forward returns data unchanged. The backward ignores the incoming gradient and returns the "
              "gradient of the one-vs-rest SVM loss over the last axis, with label (data's shape without the last "
              "axis) the target class: L2-SVM (squared hinge) by default, L1-SVM with use_linear. For the target "
              "class the gradient is -2 * max(margin - x, 0) (L1: -[x < margin]), for every other class "
              "2 * max(margin + x, 0) (L1: [x > -margin]), all times regularization_coefficient.")
    .input("data").input("label")
    .infer_shape_fn(svm_infer_shape)
    .infer_type_fn(uniform_float_type)
    .inplace(0, 0)
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      copy_values(in[0], out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      // A loss layer: the output stands in for the head gradient, which it never reads.
      return GVals{g.op1("_backward_SVMOutput", {g.output(0), g.input(1)}, a.raw()), GVal{}};
    });

static OpDef& reg_svm_bwd = svm_params(Registry::add("_backward_SVMOutput"))
    .describe("Gradient of SVMOutput with respect to data: inputs (output, label).")
    .input("output").input("label")
    .infer_shape_fn(svm_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "_backward_SVMOutput", { svm_backward_t<T>(a, in, out); });
    });


static OpDef& reg_roi = roi_params(Registry::add("ROIPooling"))
    .describe("Region-of-interest max pooling (Fast R-CNN).\n\n"
              "data (batch, channel, height, width) is a feature map; rois (num_rois, 5) holds rows [batch_index, x1, "
              "y1, x2, y2], corners in image coordinates. Each roi is scaled by spatial_scale, rounded, split into a "
              "pooled_size grid of bins, and every bin is max-pooled, giving (num_rois, channel, pooled_h, pooled_w). "
              "Empty bins and rois whose batch_index is not in [0, batch) give 0. The gradient goes to each bin's "
              "maximum; rois get none.")
    .input("data").input("rois")
    .infer_shape_fn(roi_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "ROIPooling", { roi_forward_t<T>(a, in, out); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return g.op("_backward_ROIPooling", {g.ograd(0), g.input(0), g.input(1)}, a.raw());
    });

static OpDef& reg_roi_bwd = roi_params(Registry::add("_backward_ROIPooling"))
    .describe("Gradients of ROIPooling: inputs (ograd, data, rois); outputs the gradients of data and rois (zero).")
    .input("ograd").input("data").input("rois")
    .outputs(2, {"data_grad", "rois_grad"})
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      std::vector<Shape> fin{in[1], in[2]}, fout{in[0]};
      if (!roi_infer_shape(a, fin, fout)) return false;
      const char* op = "_backward_ROIPooling";
      assign_shape(op, "ograd", in[0], fout[0]);
      assign_shape(op, "data gradient", out[0], in[1]);
      assign_shape(op, "rois gradient", out[1], in[2]);
      return true;
    })
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_ROIPooling", { roi_backward_t<T>(a, in, out); });
    });


static OpDef& reg_crop = crop_params(Registry::add("Crop")
    .variadic("num_args")
    .param_required("num_args", PType::kInt, "Number of inputs: 1 crops to h_w, 2 crops to the height and width (dims 2 and 3) of the second input, crop_like.")
    .range(1, 2))
    .describe("Crops the height and width (dims 2 and 3) of 4-D data (MXNet's legacy Crop; slice is the general op).\n\n"
              "With one input the window size is h_w, with two it is the height and width of the second input "
              "(crop_like, whose values are not read). The window starts at offset (y, x), or is centred with "
              "center_crop. The gradient of data is ograd inside the window, zero elsewhere; crop_like "
              "gets none.")
    .infer_shape_fn(crop_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      const Shape& y = out[0].shape;
      CropWindow c = crop_window(a, in[0].shape, y[2], y[3]);
      MXL_FLOAT_SWITCH(in[0].dtype, T, "Crop", { crop_copy(in[0].shape, c, in[0].ptr<T>(), out[0].ptr<T>(), false); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      KV kv;
      for (const auto& p : a.raw())
        if (p.first != "num_args" && p.first != "h_w") kv.push_back(p);
      GVal dx = g.op1("_backward_Crop", {g.ograd(0), g.input(0)}, kv);
      return a.i("num_args") == 2 ? GVals{dx, GVal{}} : GVals{dx};
    });

static OpDef& reg_crop_bwd = Registry::add("_backward_Crop")
    .describe("Gradient of Crop with respect to data: inputs (ograd, data); ograd placed in the window, zeros elsewhere.")
    .input("ograd").input("data")
    .param("offset", PType::kShape, "(0, 0)", "Crop offset coordinate: (y, x).")
    .param("center_crop", PType::kBool, "False", "Centre the window (offset is then ignored).")
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      const char* op = "_backward_Crop";
      if (!in[0].known() || !in[1].known()) return false;
      MXL_CHECK(in[1].ndim == 4 && in[0].ndim == 4 && in[0][0] == in[1][0] && in[0][1] == in[1][1], Err::kShape, op,
                ": ograd of shape ", in[0], " is not a crop of data of shape ", in[1]);
      crop_window(a, in[1], in[0][2], in[0][3]);
      assign_shape(op, "data gradient", out[0], in[1]);
      return true;
    })
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      CropWindow c = crop_window(a, in[1].shape, in[0].shape[2], in[0].shape[3]);
      MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_Crop", { crop_copy(in[1].shape, c, in[0].ptr<T>(), out[0].ptr<T>(), true); });
    });


static OpDef& reg_im2col = block_params(Registry::add("im2col"), false)
    .describe("Extracts sliding blocks of an image into columns, as a convolution sees them.\n\n"
              "data (N, C, *spatial) with 1, 2 or 3 spatial dims gives (N, C * prod(kernel), L): row c * prod(kernel) + "
              "k holds kernel point k of channel c, column l the block at output position l (row-major), L the "
              "spatial size of a convolution's output with the same kernel, stride, dilate and pad. Padding reads "
              "as 0. The gradient is col2im.")
    .input("data")
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      if (!in[0].known()) return false;
      BlockGeom g = im2col_geom(a, in[0]);
      assign_shape("im2col", "output", out[0], Shape{g.N, g.C * g.K, g.L});
      return true;
    })
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      BlockGeom g = im2col_geom(a, in[0].shape);
      MXL_FLOAT_SWITCH(in[0].dtype, T, "im2col", { im2col_t<T>(g, in[0].ptr<T>(), out[0].ptr<T>()); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      // col2im of the gradient, to data's spatial size (read from data at run time).
      return GVals{g.op1("_backward_im2col", {g.ograd(0), g.input(0)}, block_kv(a))};
    });

static OpDef& reg_im2col_bwd = block_params(Registry::add("_backward_im2col"), false)
    .describe("Gradient of im2col: inputs (ograd, data); col2im of ograd to data's shape.")
    .input("ograd").input("data")
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      if (!in[1].known()) return false;
      BlockGeom g = im2col_geom(a, in[1]);
      assign_shape("_backward_im2col", "ograd", in[0], Shape{g.N, g.C * g.K, g.L});
      assign_shape("_backward_im2col", "data gradient", out[0], in[1]);
      return true;
    })
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      BlockGeom g = im2col_geom(a, in[1].shape);
      MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_im2col", { col2im_t<T>(g, in[0].ptr<T>(), out[0].ptr<T>()); });
    });

static OpDef& reg_col2im = block_params(Registry::add("col2im"), true)
    .describe("Sums columns of sliding blocks back into an image (the adjoint of im2col, not its inverse).\n\n"
              "data (N, C * prod(kernel), L) gives (N, C, *output_size): every column entry is added to the image "
              "element im2col would have read it from (entries that fall on padding are dropped). The gradient is im2col.")
    .input("data")
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      if (!in[0].known()) return false;
      BlockGeom g = col2im_geom(a, in[0]);
      Shape y{g.N, g.C};
      const Shape& size = a.shape("output_size");
      y.ndim = 2 + size.ndim;
      for (int i = 0; i < size.ndim; ++i) y[2 + i] = size[i];
      assign_shape("col2im", "output", out[0], y);
      return true;
    })
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      BlockGeom g = col2im_geom(a, in[0].shape);
      MXL_FLOAT_SWITCH(in[0].dtype, T, "col2im", { col2im_t<T>(g, in[0].ptr<T>(), out[0].ptr<T>()); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("im2col", {g.ograd(0)}, block_kv(a))};
    });

}  // namespace mxl
