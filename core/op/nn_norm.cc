// Normalisation and loss-head operators: BatchNorm, LayerNorm, InstanceNorm and
// MakeLoss, each with its `_backward_` op. Statistics accumulate in double; float16
// data computes in float.
//
// BatchNorm's moving_mean / moving_var are auxiliary states: inputs the kernel
// writes. They are updated in the training forward (OpCtx::is_train and not
// use_global_stats), with the biased batch variance, as MXNet's update yields.
// The backward op recomputes what it needs from data, so it needs no saved state;
// it reads OpCtx::is_train to know which statistics the forward used.
#include <cstring>
#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

#include "blas.h"
#include "registry.h"

namespace mxl {
namespace {

// float16 and float32 compute in float, float64 in double (also the parameter
// dtype of BatchNorm: float16 data keeps float32 gamma/beta/moving stats).
template <class T> using acc_t = std::conditional_t<std::is_same_v<T, double>, double, float>;

// Data viewed as (outer, C, inner) around one axis.
struct AxisView {
  int64_t outer = 1, C = 1, inner = 1;
};
AxisView axis_view(const Shape& s, int axis) {
  AxisView v;
  for (int i = 0; i < s.ndim; ++i) {
    if (i < axis) v.outer *= s[i];
    else if (i == axis) v.C = s[i];
    else v.inner *= s[i];
  }
  return v;
}

void check_float(const char* op, int t) {
  if (t >= 0)
    MXL_CHECK(dtype_is_float(DType(t)), Err::kDType, op, ": expected float32, float64 or float16 data, got ",
              dtype_name(DType(t)));
}

// Checks a kernel argument's dtype (kernels can be called directly, bypassing inference).
void check_blob_type(const char* op, const char* what, const TBlob& b, DType want) {
  MXL_CHECK(b.dtype == want, Err::kDType, op, ": ", what, " has dtype ", dtype_name(b.dtype), " but ",
            dtype_name(want), " is expected");
}

// ================================================================ BatchNorm
OpDef& batchnorm_params(OpDef& op) {
  op.param("eps", PType::kFloat, "0.001", "Epsilon to prevent div 0. Must be no less than CUDNN_BN_MIN_EPSILON defined in cudnn.h when using cudnn (usually 1e-5).");
  op.range(0, 1e308);
  op.param("momentum", PType::kFloat, "0.9", "Momentum for moving average.");
  op.param("fix_gamma", PType::kBool, "True", "Fix gamma while training: gamma is treated as 1 and gets zero gradient.");
  op.param("use_global_stats", PType::kBool, "False", "Whether use global moving statistics instead of local batch-norm. This will force change batch-norm into a scale shift operator.");
  op.param("output_mean_var", PType::kBool, "False", "Output the mean and inverse std.");
  op.param("axis", PType::kInt, "1", "Specify which shape axis the channel is specified.");
  op.param("cudnn_off", PType::kBool, "False", "Do not select CUDNN operator, if available (no effect on the CPU).");
  op.param_optional("min_calib_range", PType::kFloat, "The minimum scalar value in the form of float32 obtained through calibration (quantized inference only; ignored here).");
  op.param_optional("max_calib_range", PType::kFloat, "The maximum scalar value in the form of float32 obtained through calibration (quantized inference only; ignored here).");
  return op;
}

int bn_axis(const char* op, const Attrs& a, const Shape& x) {
  int64_t ax = a.i("axis");
  int n = std::max(x.ndim, 1);
  MXL_CHECK(ax >= -n && ax < n, Err::kInvalidArgument, op, ": parameter 'axis' ", ax,
            " is out of range for data with shape ", x);
  return int(ax < 0 ? ax + n : ax);
}

bool batchnorm_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = "BatchNorm";
  if (!in[0].known()) return false;
  const Shape& x = in[0];
  MXL_CHECK(x.ndim >= 1, Err::kShape, op, ": data must have at least 1 dimension, got shape ", x);
  Shape c{x[bn_axis(op, a, x)]};
  static const char* names[] = {"data", "gamma", "beta", "moving_mean", "moving_var"};
  for (int i = 1; i < 5; ++i) assign_shape(op, names[i], in[size_t(i)], c);
  assign_shape(op, "output", out[0], x);
  for (size_t i = 1; i < out.size(); ++i) assign_shape(op, i == 1 ? "mean" : "var", out[i], c);
  return true;
}

// float16 data keeps float32 parameters and statistics.
int bn_param_type(int data) { return data == int(DType::f16) ? int(DType::f32) : data; }

bool batchnorm_infer_type(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  const char* op = "BatchNorm";
  check_float(op, in[0]);
  if (in[0] < 0 && out[0] >= 0) in[0] = out[0];
  if (in[0] < 0) return false;
  int p = bn_param_type(in[0]);
  static const char* names[] = {"data", "gamma", "beta", "moving_mean", "moving_var"};
  for (int i = 1; i < 5; ++i) assign_type(op, names[i], in[size_t(i)], p);
  assign_type(op, "output", out[0], in[0]);
  for (size_t i = 1; i < out.size(); ++i) assign_type(op, i == 1 ? "mean" : "var", out[i], p);
  return true;
}

// Mean and biased variance of channel c.
template <class T>
void channel_stats(const T* x, const AxisView& v, int64_t c, double* mean, double* var) {
  double m = 0, s = 0, M = double(v.outer * v.inner);
  for (int64_t o = 0; o < v.outer; ++o) {
    const T* p = x + (o * v.C + c) * v.inner;
    for (int64_t i = 0; i < v.inner; ++i) m += double(p[i]);
  }
  m = M > 0 ? m / M : 0;
  for (int64_t o = 0; o < v.outer; ++o) {
    const T* p = x + (o * v.C + c) * v.inner;
    for (int64_t i = 0; i < v.inner; ++i) {
      double d = double(p[i]) - m;
      s += d * d;
    }
  }
  *mean = m;
  *var = M > 0 ? s / M : 0;
}

int64_t channel_grain(const AxisView& v) {
  return std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, v.outer * v.inner));
}

// in: data, gamma, beta, moving_mean, moving_var; out: output[, mean, inverse std].
template <class T>
void batchnorm_forward_t(const OpCtx& ctx, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  using P = acc_t<T>;
  const char* op = "BatchNorm";
  DType pt = DType(bn_param_type(int(in[0].dtype)));
  for (int i = 1; i < 5; ++i) check_blob_type(op, "a parameter", in[size_t(i)], pt);
  AxisView v = axis_view(in[0].shape, bn_axis(op, a, in[0].shape));
  const T* x = in[0].ptr<T>();
  const P *gamma = in[1].ptr<P>(), *beta = in[2].ptr<P>();
  P *mm = in[3].ptr<P>(), *mv = in[4].ptr<P>();
  T* y = out[0].ptr<T>();
  bool batch = ctx.is_train && !a.b("use_global_stats"), fix_gamma = a.b("fix_gamma");
  double eps = a.f("eps"), mom = a.f("momentum");
  parallel_for(v.C, channel_grain(v), [&](int64_t c0, int64_t c1) {
    for (int64_t c = c0; c < c1; ++c) {
      double mean, var;
      if (batch) channel_stats(x, v, c, &mean, &var);
      else mean = double(mm[c]), var = double(mv[c]);
      double invstd = 1.0 / std::sqrt(var + eps);
      double scale = (fix_gamma ? 1.0 : double(gamma[c])) * invstd, shift = double(beta[c]) - mean * scale;
      for (int64_t o = 0; o < v.outer; ++o) {
        int64_t base = (o * v.C + c) * v.inner;
        for (int64_t i = 0; i < v.inner; ++i) y[base + i] = T(P(double(x[base + i]) * scale + shift));
      }
      if (out.size() == 3) {
        out[1].ptr<P>()[c] = P(mean);
        out[2].ptr<P>()[c] = P(invstd);
      }
      if (batch) {
        mm[c] = P(double(mm[c]) * mom + mean * (1 - mom));
        mv[c] = P(double(mv[c]) * mom + var * (1 - mom));
      }
    }
  });
}

// in: ograd, data, gamma, moving_mean, moving_var; out: d(data), d(gamma), d(beta).
template <class T>
void batchnorm_backward_t(const OpCtx& ctx, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  using P = acc_t<T>;
  const char* op = "_backward_BatchNorm";
  DType pt = DType(bn_param_type(int(in[1].dtype)));
  for (int i = 2; i < 5; ++i) check_blob_type(op, "a parameter", in[size_t(i)], pt);
  check_blob_type(op, "ograd", in[0], in[1].dtype);
  AxisView v = axis_view(in[1].shape, bn_axis(op, a, in[1].shape));
  const T *dy = in[0].ptr<T>(), *x = in[1].ptr<T>();
  const P *gamma = in[2].ptr<P>(), *mm = in[3].ptr<P>(), *mv = in[4].ptr<P>();
  T* dx = out[0].ptr<T>();
  P *dgamma = out[1].ptr<P>(), *dbeta = out[2].ptr<P>();
  bool batch = ctx.is_train && !a.b("use_global_stats"), fix_gamma = a.b("fix_gamma");
  double eps = a.f("eps"), M = double(v.outer * v.inner);
  parallel_for(v.C, channel_grain(v), [&](int64_t c0, int64_t c1) {
    for (int64_t c = c0; c < c1; ++c) {
      double mean, var;
      if (batch) channel_stats(x, v, c, &mean, &var);
      else mean = double(mm[c]), var = double(mv[c]);
      double invstd = 1.0 / std::sqrt(var + eps);
      double sum_g = 0, sum_gx = 0;  // sum dy, sum dy * (x - mean)
      for (int64_t o = 0; o < v.outer; ++o) {
        int64_t base = (o * v.C + c) * v.inner;
        for (int64_t i = 0; i < v.inner; ++i) {
          double g = double(dy[base + i]);
          sum_g += g;
          sum_gx += g * (double(x[base + i]) - mean);
        }
      }
      double gm = fix_gamma ? 1.0 : double(gamma[c]), k = gm * invstd;
      // Batch statistics depend on x too: subtract the mean gradient and its projection on x-hat.
      double mg = batch && M > 0 ? sum_g / M : 0, proj = batch && M > 0 ? sum_gx * invstd * invstd / M : 0;
      for (int64_t o = 0; o < v.outer; ++o) {
        int64_t base = (o * v.C + c) * v.inner;
        for (int64_t i = 0; i < v.inner; ++i)
          dx[base + i] = T(P(k * (double(dy[base + i]) - mg - (double(x[base + i]) - mean) * proj)));
      }
      dgamma[c] = P(fix_gamma ? 0.0 : sum_gx * invstd);
      dbeta[c] = P(sum_g);
    }
  });
}

void batchnorm_forward(const OpCtx& ctx, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_FLOAT_SWITCH(in[0].dtype, T, "BatchNorm", { batchnorm_forward_t<T>(ctx, a, in, out); });
}
void batchnorm_backward(const OpCtx& ctx, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_BatchNorm", { batchnorm_backward_t<T>(ctx, a, in, out); });
}

// ================================================================ LayerNorm
// Shared by LayerNorm and InstanceNorm: a "row" is one group of elements normalised
// together, `n` of them `stride` apart from `base`.
template <class T>
void row_stats(const T* x, int64_t base, int64_t n, int64_t stride, double eps, double* mean, double* std) {
  double m = 0, s = 0;
  for (int64_t j = 0; j < n; ++j) m += double(x[base + j * stride]);
  m = n > 0 ? m / double(n) : 0;
  for (int64_t j = 0; j < n; ++j) {
    double d = double(x[base + j * stride]) - m;
    s += d * d;
  }
  *mean = m;
  *std = std::sqrt((n > 0 ? s / double(n) : 0) + eps);
}

// d(x) of y = (x - mean) / std * scale_j for one row, given g_j = dy_j * scale_j.
template <class T, class G>
void row_backward(const T* x, T* dx, int64_t base, int64_t n, int64_t stride, double mean, double std, G g) {
  double sg = 0, sgx = 0;
  for (int64_t j = 0; j < n; ++j) {
    double gj = g(j), xh = (double(x[base + j * stride]) - mean) / std;
    sg += gj;
    sgx += gj * xh;
  }
  double mg = n > 0 ? sg / double(n) : 0, mgx = n > 0 ? sgx / double(n) : 0;
  for (int64_t j = 0; j < n; ++j) {
    double xh = (double(x[base + j * stride]) - mean) / std;
    dx[base + j * stride] = T(acc_t<T>((g(j) - mg - xh * mgx) / std));
  }
}

OpDef& layernorm_params(OpDef& op) {
  op.param("axis", PType::kInt, "-1", "The axis to perform layer normalization. Usually, this should be be axis of the channel dimension. Negative values means indexing from right to left.");
  op.param("eps", PType::kFloat, "1e-5", "An `epsilon` parameter to prevent division by 0.");
  op.range(0, 1e308);
  op.param("output_mean_var", PType::kBool, "False", "Output the mean and std calculated along the given axis.");
  return op;
}

int ln_axis(const char* op, const Attrs& a, const Shape& x) {
  int64_t ax = a.i("axis");
  MXL_CHECK(x.ndim >= 1 && ax >= -x.ndim && ax < x.ndim, Err::kInvalidArgument, op, ": parameter 'axis' ", ax,
            " is out of range for data with shape ", x);
  return int(ax < 0 ? ax + x.ndim : ax);
}

bool layernorm_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = "LayerNorm";
  if (!in[0].known()) return false;
  const Shape& x = in[0];
  int ax = ln_axis(op, a, x);
  assign_shape(op, "gamma", in[1], Shape{x[ax]});
  assign_shape(op, "beta", in[2], Shape{x[ax]});
  assign_shape(op, "output", out[0], x);
  Shape r = x;
  r[ax] = 1;
  for (size_t i = 1; i < out.size(); ++i) assign_shape(op, i == 1 ? "mean" : "std", out[i], r);
  return true;
}

// in: data, gamma, beta; out: output[, mean, std].
template <class T>
void layernorm_forward_t(const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  AxisView v = axis_view(in[0].shape, ln_axis("LayerNorm", a, in[0].shape));
  const T *x = in[0].ptr<T>(), *gamma = in[1].ptr<T>(), *beta = in[2].ptr<T>();
  T* y = out[0].ptr<T>();
  double eps = a.f("eps");
  parallel_for(v.outer * v.inner, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, v.C)), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {
      int64_t base = (r / v.inner) * v.C * v.inner + r % v.inner;
      double mean, std;
      row_stats(x, base, v.C, v.inner, eps, &mean, &std);
      for (int64_t j = 0; j < v.C; ++j) {
        int64_t k = base + j * v.inner;
        y[k] = T(acc_t<T>((double(x[k]) - mean) / std * double(gamma[j]) + double(beta[j])));
      }
      if (out.size() == 3) {
        out[1].ptr<T>()[r] = T(acc_t<T>(mean));
        out[2].ptr<T>()[r] = T(acc_t<T>(std));
      }
    }
  });
}

// in: ograd, data, gamma; out: d(data), d(gamma), d(beta).
template <class T>
void layernorm_backward_t(const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  AxisView v = axis_view(in[1].shape, ln_axis("_backward_LayerNorm", a, in[1].shape));
  const T *dy = in[0].ptr<T>(), *x = in[1].ptr<T>(), *gamma = in[2].ptr<T>();
  T *dx = out[0].ptr<T>(), *dgamma = out[1].ptr<T>(), *dbeta = out[2].ptr<T>();
  double eps = a.f("eps");
  int64_t rows = v.outer * v.inner;
  std::vector<double> means(static_cast<size_t>(rows)), stds(static_cast<size_t>(rows));
  parallel_for(rows, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, v.C)), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {
      int64_t base = (r / v.inner) * v.C * v.inner + r % v.inner;
      row_stats(x, base, v.C, v.inner, eps, &means[size_t(r)], &stds[size_t(r)]);
      row_backward(x, dx, base, v.C, v.inner, means[size_t(r)], stds[size_t(r)],
                   [&](int64_t j) { return double(dy[base + j * v.inner]) * double(gamma[j]); });
    }
  });
  // Parameter gradients sum over rows: a second pass, parallel over the normalised axis.
  parallel_for(v.C, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, rows)), [&](int64_t c0, int64_t c1) {
    for (int64_t j = c0; j < c1; ++j) {
      double sg = 0, sgx = 0;
      for (int64_t r = 0; r < rows; ++r) {
        int64_t k = (r / v.inner) * v.C * v.inner + r % v.inner + j * v.inner;
        double g = double(dy[k]);
        sg += g;
        sgx += g * (double(x[k]) - means[size_t(r)]) / stds[size_t(r)];
      }
      dgamma[j] = T(acc_t<T>(sgx));
      dbeta[j] = T(acc_t<T>(sg));
    }
  });
}

// ============================================================= InstanceNorm
bool instancenorm_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = "InstanceNorm";
  if (!in[0].known()) return false;
  const Shape& x = in[0];
  MXL_CHECK(x.ndim >= 2, Err::kShape, op, ": data must have at least 2 dimensions (batch, channel, ...), got shape ", x);
  assign_shape(op, "gamma", in[1], Shape{x[1]});
  assign_shape(op, "beta", in[2], Shape{x[1]});
  assign_shape(op, "output", out[0], x);
  return true;
}

// in: data, gamma, beta; out: output. Rows are (batch, channel) planes.
template <class T>
void instancenorm_forward_t(const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  AxisView v = axis_view(in[0].shape, 1);
  const T *x = in[0].ptr<T>(), *gamma = in[1].ptr<T>(), *beta = in[2].ptr<T>();
  T* y = out[0].ptr<T>();
  double eps = a.f("eps");
  parallel_for(v.outer * v.C, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, v.inner)), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {
      int64_t base = r * v.inner, c = r % v.C;
      double mean, std;
      row_stats(x, base, v.inner, 1, eps, &mean, &std);
      double scale = double(gamma[c]) / std, shift = double(beta[c]) - mean * scale;
      for (int64_t j = 0; j < v.inner; ++j) y[base + j] = T(acc_t<T>(double(x[base + j]) * scale + shift));
    }
  });
}

// in: ograd, data, gamma; out: d(data), d(gamma), d(beta).
template <class T>
void instancenorm_backward_t(const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  AxisView v = axis_view(in[1].shape, 1);
  const T *dy = in[0].ptr<T>(), *x = in[1].ptr<T>(), *gamma = in[2].ptr<T>();
  T *dx = out[0].ptr<T>(), *dgamma = out[1].ptr<T>(), *dbeta = out[2].ptr<T>();
  double eps = a.f("eps");
  // Parallel over channels: each task owns its channel's parameter gradients.
  parallel_for(v.C, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, v.outer * v.inner)), [&](int64_t c0, int64_t c1) {
    for (int64_t c = c0; c < c1; ++c) {
      double sg = 0, sgx = 0, gm = double(gamma[c]);
      for (int64_t n = 0; n < v.outer; ++n) {
        int64_t base = (n * v.C + c) * v.inner;
        double mean, std;
        row_stats(x, base, v.inner, 1, eps, &mean, &std);
        for (int64_t j = 0; j < v.inner; ++j) {
          double g = double(dy[base + j]);
          sg += g;
          sgx += g * (double(x[base + j]) - mean) / std;
        }
        row_backward(x, dx, base, v.inner, 1, mean, std, [&](int64_t j) { return double(dy[base + j]) * gm; });
      }
      dgamma[c] = T(acc_t<T>(sgx));
      dbeta[c] = T(acc_t<T>(sg));
    }
  });
}

// Type rule for LayerNorm / InstanceNorm and their backward ops: one float dtype.
bool float_type_same(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  for (int t : in) check_float(a.op->name.c_str(), t);
  return type_same(a, in, out);
}

// Backward shape rule shared by the norm ops: inputs (ograd, data, gamma, ...),
// outputs (d(data), d(gamma), d(beta)).
bool norm_backward_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = a.op->name.c_str();
  if (!in[1].known()) return false;
  assign_shape(op, "ograd", in[0], in[1]);
  assign_shape(op, "data gradient", out[0], in[1]);
  if (in[2].known()) {
    assign_shape(op, "gamma gradient", out[1], in[2]);
    assign_shape(op, "beta gradient", out[2], in[2]);
    // data and gamma must fit together as in the forward op (the kernel indexes gamma
    // per channel / per normalized element): its shape check says why when they do not.
    const OpDef* fwd = Registry::find(a.op->name.substr(std::strlen("_backward_")));
    if (fwd && fwd->infer_shape) {
      Attrs fa = Attrs::parse(fwd, a.raw());
      std::vector<Shape> fin{in[1], in[2], in[2]};
      std::vector<Shape> fout(size_t(fwd->num_outputs_fn ? fwd->num_outputs_fn(fa) : fwd->num_outputs), Shape());
      fwd->infer_shape(fa, fin, fout);
    }
  }
  return in[2].known();
}

// =================================================================== MakeLoss
// in: data; out: the gradient MakeLoss sends back, whatever the incoming one.
template <class T>
void makeloss_backward_t(const Attrs& a, const TBlob& x, const TBlob& out) {
  double norm = 1;
  const std::string& mode = a.s("normalization");
  if (mode == "batch") {
    norm = x.shape.ndim > 0 ? double(x.shape[0]) : 1;
  } else if (mode == "valid") {
    const T* p = x.ptr<T>();
    double thresh = a.f("valid_thresh");
    int64_t n = 0;
    for (int64_t i = 0; i < x.size(); ++i) n += double(p[i]) > thresh;
    norm = double(std::max<int64_t>(n, 1));
  }
  T v = T(acc_t<T>(a.f("grad_scale") / std::max(norm, 1.0)));
  T* o = out.ptr<T>();
  parallel_for(out.size(), kParallelGrain, [&](int64_t b, int64_t e) { std::fill(o + b, o + e, v); });
}

OpDef& makeloss_params(OpDef& op) {
  op.param("grad_scale", PType::kFloat, "1", "Gradient scale as a supplement to unary and binary operators");
  op.param("valid_thresh", PType::kFloat, "0", "clip each element in the array to 0 when it is less than ``valid_thresh``. This is used when ``normalization`` is set to ``'valid'``.");
  op.param_enum("normalization", {"batch", "null", "valid"}, "null",
                "If this is set to null, the output gradient will not be normalized. If this is set to batch, the output gradient will be divided by the batch size. If this is set to valid, the output gradient will be divided by the number of valid input elements.");
  return op;
}

}  // namespace

// ============================================================== registrations
static OpDef& reg_bn = batchnorm_params(Registry::add("BatchNorm"))
    .alias("_npx_batch_norm")
    .describe("Batch normalization.\n\n"
              "Normalizes a data batch by mean and variance per channel (axis), and applies a scale gamma and "
              "offset beta: out = (data - mean) / sqrt(var + eps) * gamma + beta. In training (is_train and not "
              "use_global_stats) mean and var come from the batch and the auxiliary states are updated: "
              "moving_mean = moving_mean * momentum + mean * (1 - momentum), likewise moving_var with the biased "
              "batch variance; otherwise the moving statistics are used. fix_gamma treats gamma as 1. "
              "With output_mean_var the mean and the inverse std are also returned.")
    .input("data").input("gamma").input("beta").input("moving_mean").input("moving_var")
    .mutates(3).mutates(4)
    .outputs(3, {"output", "mean", "var"})
    .outputs_fn([](const Attrs& a) { return a.b("output_mean_var") ? 3 : 1; })
    .infer_shape_fn(batchnorm_infer_shape)
    .infer_type_fn(batchnorm_infer_type)
    .cpu_fn(batchnorm_forward)
    .grad_fn([](GradGraph& g, const Attrs& a) {
      GVals r = g.op("_backward_BatchNorm", {g.ograd(0), g.input(0), g.input(1), g.input(3), g.input(4)}, a.raw());
      return GVals{r[0], r[1], r[2], GVal{}, GVal{}};  // auxiliary states get no gradient
    });

static OpDef& reg_bn_bwd = batchnorm_params(Registry::add("_backward_BatchNorm"))
    .describe("Gradients of BatchNorm: inputs (ograd, data, gamma, moving_mean, moving_var); outputs the "
              "gradients of data, gamma and beta. Batch statistics are recomputed when is_train and not "
              "use_global_stats, as in the forward.")
    .input("ograd").input("data").input("gamma").input("moving_mean").input("moving_var")
    .outputs(3, {"data_grad", "gamma_grad", "beta_grad"})
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      std::vector<Shape> fin = {in[1], in[2], out[2], in[3], in[4]}, fout = {in[0]};
      if (!batchnorm_infer_shape(a, fin, fout)) return false;
      const char* op = "_backward_BatchNorm";
      assign_shape(op, "ograd", in[0], fout[0]);
      assign_shape(op, "gamma", in[2], fin[1]);
      assign_shape(op, "moving_mean", in[3], fin[3]);
      assign_shape(op, "moving_var", in[4], fin[4]);
      assign_shape(op, "data gradient", out[0], in[1]);
      assign_shape(op, "gamma gradient", out[1], fin[1]);
      assign_shape(op, "beta gradient", out[2], fin[1]);
      return true;
    })
    .infer_type_fn([](const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
      const char* op = "_backward_BatchNorm";
      check_float(op, in[1]);
      if (in[1] < 0) return false;
      int p = bn_param_type(in[1]);
      assign_type(op, "ograd", in[0], in[1]);
      for (int i = 2; i < 5; ++i) assign_type(op, "a parameter", in[size_t(i)], p);
      assign_type(op, "data gradient", out[0], in[1]);
      assign_type(op, "gamma gradient", out[1], p);
      assign_type(op, "beta gradient", out[2], p);
      return true;
    })
    .cpu_fn(batchnorm_backward);

static OpDef& reg_ln = layernorm_params(Registry::add("LayerNorm"))
    .alias("_npx_layer_norm")
    .describe("Layer normalization.\n\n"
              "Normalizes the channels of the input along the given axis: out = (data - mean(data, axis)) / "
              "sqrt(var(data, axis) + eps) * gamma + beta, with gamma and beta of shape (data.shape[axis],). "
              "With output_mean_var the mean and std (sqrt(var + eps)) are also returned, with the axis kept as size 1.")
    .input("data").input("gamma").input("beta")
    .outputs(3, {"output", "mean", "std"})
    .outputs_fn([](const Attrs& a) { return a.b("output_mean_var") ? 3 : 1; })
    .infer_shape_fn(layernorm_infer_shape)
    .infer_type_fn(float_type_same)
    .cpu_fn([](const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "LayerNorm", { layernorm_forward_t<T>(a, in, out); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return g.op("_backward_LayerNorm", {g.ograd(0), g.input(0), g.input(1)}, a.raw());
    });

static OpDef& reg_ln_bwd = layernorm_params(Registry::add("_backward_LayerNorm"))
    .describe("Gradients of LayerNorm: inputs (ograd, data, gamma); outputs the gradients of data, gamma and beta.")
    .input("ograd").input("data").input("gamma")
    .outputs(3, {"data_grad", "gamma_grad", "beta_grad"})
    .infer_shape_fn(norm_backward_infer_shape)
    .infer_type_fn(float_type_same)
    .cpu_fn([](const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_LayerNorm", { layernorm_backward_t<T>(a, in, out); });
    });

static OpDef& reg_in = Registry::add("InstanceNorm")
    .describe("Applies instance normalization to the n-dimensional input array.\n\n"
              "Each (batch, channel) plane is normalised by its own mean and variance: out = (data - mean) / "
              "sqrt(var + eps) * gamma[c] + beta[c], with gamma and beta of shape (channels,).")
    .input("data").input("gamma").input("beta")
    .param("eps", PType::kFloat, "0.001", "An `epsilon` parameter to prevent division by 0.")
    .range(0, 1e308)
    .infer_shape_fn(instancenorm_infer_shape)
    .infer_type_fn(float_type_same)
    .cpu_fn([](const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "InstanceNorm", { instancenorm_forward_t<T>(a, in, out); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return g.op("_backward_InstanceNorm", {g.ograd(0), g.input(0), g.input(1)}, a.raw());
    });

static OpDef& reg_in_bwd = Registry::add("_backward_InstanceNorm")
    .describe("Gradients of InstanceNorm: inputs (ograd, data, gamma); outputs the gradients of data, gamma and beta.")
    .input("ograd").input("data").input("gamma")
    .outputs(3, {"data_grad", "gamma_grad", "beta_grad"})
    .param("eps", PType::kFloat, "0.001", "An `epsilon` parameter to prevent division by 0.")
    .range(0, 1e308)
    .infer_shape_fn(norm_backward_infer_shape)
    .infer_type_fn(float_type_same)
    .cpu_fn([](const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_InstanceNorm", { instancenorm_backward_t<T>(a, in, out); });
    });

static OpDef& reg_ml = makeloss_params(Registry::add("MakeLoss"))
    .describe("Make your own loss function in network construction.\n\n"
              "The forward pass returns data unchanged. The backward pass ignores the incoming gradient and "
              "returns grad_scale everywhere, divided by the batch size (normalization='batch') or by the "
              "number of elements greater than valid_thresh (normalization='valid', at least 1).")
    .input("data")
    .infer_shape_fn(shape_same)
    .infer_type_fn(float_type_same)
    .inplace(0, 0)
    .cpu_fn([](const OpCtx&, const Attrs&, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      copy_values(in[0], out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_MakeLoss", {g.input(0)}, a.raw())};
    });

static OpDef& reg_ml_bwd = makeloss_params(Registry::add("_backward_MakeLoss"))
    .describe("Gradient of MakeLoss: input data; output grad_scale (normalized) in data's shape.")
    .input("data")
    .infer_shape_fn(shape_same)
    .infer_type_fn(float_type_same)
    .cpu_fn([](const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "_backward_MakeLoss", { makeloss_backward_t<T>(a, in[0], out[0]); });
    });

}  // namespace mxl
