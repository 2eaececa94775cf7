// Spatial neural-network operators: Convolution, Deconvolution, Pooling and
// UpSampling, each with its `_backward_` op. Layout is channels-first (NCW, NCHW,
// NCDHW); 1-, 2- and 3-D kernels share one implementation that treats missing
// leading spatial dims as size 1.
//
// Convolutions lower to GEMM over an im2col buffer. Three routines cover all six
// passes, because a deconvolution is a convolution run backwards:
//   cols_forward      cols  = W * im2col(image)        conv forward, deconv d(data)
//   image_from_cols   image = col2im(W^T * cols)       conv d(data), deconv forward
//   weight_grad       dW    = cols * im2col(image)^T   conv and deconv d(weight)
// Here "image" is the side with the kernel window (conv data, deconv output) and
// "cols" the other (conv output, deconv data); W is (cols channels, image channels
// / groups * kernel volume) for both ops, which is exactly the stored weight.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "blas.h"
#include "registry.h"

namespace mxl {
namespace {

// Sums and other arithmetic: float16 and float32 in float, float64 in double.
template <class T> using acc_t = std::conditional_t<std::is_same_v<T, double>, double, float>;

// ------------------------------------------------------------ float dispatch
// Runs body(T{}, in, out) with T = float or double. There is no float16 GEMM on the
// CPU, so float16 blobs are widened to float32 copies and the outputs narrowed back
// afterwards (none of these ops writes its inputs).
template <class Body>
void float_dispatch(const char* op, const std::vector<TBlob>& in, const std::vector<TBlob>& out, Body body) {
  DType t = in[0].dtype;
  if (t == DType::f32) return body(float(), in, out);
  if (t == DType::f64) return body(double(), in, out);
  MXL_CHECK(t == DType::f16, Err::kDType, op, ": expected float32, float64 or float16 data, got ",
            dtype_name(t));
  std::vector<std::vector<float>> bufs;
  bufs.reserve(in.size() + out.size());  // stable buffers: blobs point into them
  auto widen = [&](const TBlob& b, bool copy) {
    bufs.emplace_back(size_t(b.size()));
    float* p = bufs.back().data();
    if (copy) {
      const half* h = b.ptr<half>();
      for (int64_t i = 0; i < b.size(); ++i) p[i] = float(h[i]);
    }
    TBlob f = b;
    f.data = p;
    f.dtype = DType::f32;
    return f;
  };
  std::vector<TBlob> fin, fout;
  for (const auto& b : in) fin.push_back(widen(b, true));
  for (const auto& b : out) fout.push_back(widen(b, false));
  body(float(), fin, fout);
  for (size_t i = 0; i < out.size(); ++i) {
    const float* p = fout[i].ptr<float>();
    half* h = out[i].ptr<half>();
    for (int64_t k = 0; k < out[i].size(); ++k) h[k] = half(p[k]);
  }
}

// Type rule of every op here: one float dtype for all inputs and outputs.
bool float_type_same(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  bool ok = type_same(a, in, out);
  if (ok)
    MXL_CHECK(dtype_is_float(DType(in.empty() ? out[0] : in[0])), Err::kDType, a.op->name,
              ": expected float32, float64 or float16 data, got ", dtype_name(DType(in.empty() ? out[0] : in[0])));
  return ok;
}

inline void gemm_t(bool ta, bool tb, int64_t M, int64_t N, int64_t K, float alpha, const float* A,
                   int64_t lda, const float* B, int64_t ldb, float beta, float* C, int64_t ldc) {
  gemm(ta, tb, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
}
inline void gemm_t(bool ta, bool tb, int64_t M, int64_t N, int64_t K, double alpha, const double* A,
                   int64_t lda, const double* B, int64_t ldb, double beta, double* C, int64_t ldc) {
  gemm_f64(ta, tb, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
}

// ------------------------------------------------------------ shared params
const char* kDefaultLayout[] = {"", "NCW", "NCHW", "NCDHW"};

// Only the channels-first layout of the kernel's dimensionality is implemented.
void check_layout(const char* op, const Attrs& a, int nd) {
  if (a.none("layout")) return;
  const std::string& l = a.s("layout");
  MXL_CHECK(l == kDefaultLayout[nd], Err::kInvalidArgument, op, ": layout '", l,
            "' is not supported for a ", nd, "-D kernel; only the channels-first layout '",
            kDefaultLayout[nd], "' is implemented");
}

// A per-dimension tuple param: empty means `def` everywhere, otherwise one value per
// kernel dimension, each >= lo.
void read_tuple(const char* op, const Attrs& a, const char* name, int nd, int64_t def, int64_t lo,
                int64_t* dst) {
  const Shape& s = a.shape(name);
  if (s.ndim == 0) {
    std::fill(dst, dst + nd, def);
    return;
  }
  MXL_CHECK(s.ndim == nd, Err::kInvalidArgument, op, ": parameter '", name, "' must have ", nd,
            " value(s), one per kernel dimension, got ", s);
  for (int i = 0; i < nd; ++i) {
    MXL_CHECK(s[i] >= lo, Err::kInvalidArgument, op, ": parameter '", name, "' must be >= ", lo,
              " in every dimension, got ", s);
    dst[i] = s[i];
  }
}

OpDef& optional_enum(OpDef& op, std::string name, std::vector<std::string> choices, std::string doc) {
  op.param_enum(std::move(name), std::move(choices), "None", std::move(doc));
  op.params.back().optional = true;
  return op;
}

// The parameter list shared by Convolution, Deconvolution and their backward ops
// (the backward ops receive the forward's parameters as given).
OpDef& conv_params(OpDef& op, bool deconv) {
  op.param_required("kernel", PType::kShape, "Convolution kernel size: (w,), (h, w) or (d, h, w).");
  op.param("stride", PType::kShape, "()", "Convolution stride: (w,), (h, w) or (d, h, w). Defaults to 1 for each dimension.");
  op.param("dilate", PType::kShape, "()", "Convolution dilate: (w,), (h, w) or (d, h, w). Defaults to 1 for each dimension.");
  op.param("pad", PType::kShape, "()", deconv
      ? "The amount of implicit zero padding removed from each side of the output: (w,), (h, w) or (d, h, w). Defaults to 0; ignored when target_shape is set."
      : "Zero pad for convolution: (w,), (h, w) or (d, h, w). Defaults to no padding.");
  if (deconv) {
    op.param("adj", PType::kShape, "()", "Extra size added to one side of the output: (w,), (h, w) or (d, h, w); must be smaller than stride. Ignored when target_shape is set.");
    op.param("target_shape", PType::kShape, "()", "Shape of the output spatial dims: (w,), (h, w) or (d, h, w). When set, pad and adj are computed from it.");
  }
  op.param_required("num_filter", PType::kInt, deconv ? "Number of output channels." : "Convolution filter (channel) number.");
  op.range(1, 1e15);
  op.param("num_group", PType::kInt, "1", "Number of groups partition: input and output channels are split into num_group independent convolutions.");
  op.range(1, 1e15);
  op.param("workspace", PType::kInt, deconv ? "512" : "1024", "Maximum temporary workspace in MB (accepted for compatibility; the CPU kernel sizes its own buffer).");
  op.range(0, 1e15);
  op.param("no_bias", PType::kBool, deconv ? "True" : "False", "Whether to disable the bias parameter.");
  optional_enum(op, "cudnn_tune", {"fastest", "limited_workspace", "off"}, "Whether to pick the cuDNN algorithm by running a performance test (no effect on the CPU).");
  op.param("cudnn_off", PType::kBool, "False", "Turn off cuDNN for this layer (no effect on the CPU).");
  optional_enum(op, "layout", {"NCDHW", "NCHW", "NCW", "NDHWC", "NHWC"}, "Data layout: None means the channels-first default (NCW, NCHW, NCDHW), the only one implemented.");
  return op;
}

struct ConvParam {
  int nd = 0;  // spatial dims: 1, 2 or 3
  int64_t k[3], s[3], d[3], p[3], adj[3] = {0, 0, 0}, target[3] = {0, 0, 0};
  bool has_target = false;
  int64_t F = 0, G = 1;  // num_filter, num_group
  bool no_bias = false;
};

ConvParam parse_conv(const char* op, const Attrs& a, bool deconv) {
  ConvParam p;
  const Shape& k = a.shape("kernel");
  MXL_CHECK(k.ndim >= 1 && k.ndim <= 3, Err::kInvalidArgument, op,
            ": parameter 'kernel' must have 1, 2 or 3 dimensions, got ", k);
  p.nd = k.ndim;
  for (int i = 0; i < p.nd; ++i) {
    MXL_CHECK(k[i] >= 1, Err::kInvalidArgument, op, ": parameter 'kernel' must be positive in every dimension, got ", k);
    p.k[i] = k[i];
  }
  read_tuple(op, a, "stride", p.nd, 1, 1, p.s);
  read_tuple(op, a, "dilate", p.nd, 1, 1, p.d);
  read_tuple(op, a, "pad", p.nd, 0, 0, p.p);
  if (deconv) {
    read_tuple(op, a, "adj", p.nd, 0, 0, p.adj);
    read_tuple(op, a, "target_shape", p.nd, 0, 0, p.target);
    int nonzero = 0;
    for (int i = 0; i < p.nd; ++i) nonzero += p.target[i] != 0;
    p.has_target = nonzero > 0;
    MXL_CHECK(!p.has_target || nonzero == p.nd, Err::kInvalidArgument, op,
              ": parameter 'target_shape' must be positive in every dimension, got ", a.shape("target_shape"));
  }
  p.F = a.i("num_filter");
  p.G = a.i("num_group");
  p.no_bias = a.b("no_bias");
  MXL_CHECK(p.F % p.G == 0, Err::kInvalidArgument, op, ": num_filter (", p.F,
            ") must be divisible by num_group (", p.G, ")");
  check_layout(op, a, p.nd);
  return p;
}

void check_data_ndim(const char* op, const Shape& x, int nd) {
  static const char* names[] = {"", "(batch, channel, width)", "(batch, channel, height, width)",
                                "(batch, channel, depth, height, width)"};
  MXL_CHECK(x.ndim == nd + 2, Err::kShape, op, ": data must have ", nd + 2, " dimensions ", names[nd],
            " for a ", nd, "-D kernel, got shape ", x);
}

// Convolution output extent along spatial dim i of data shape x.
int64_t conv_out_dim(const char* op, const ConvParam& p, const Shape& x, int i) {
  int64_t dk = p.d[i] * (p.k[i] - 1) + 1, padded = x[2 + i] + 2 * p.p[i];
  MXL_CHECK(dk <= padded, Err::kShape, op, ": dilated kernel size ", dk, " exceeds the padded input size ",
            padded, " in spatial dimension ", i, " (data shape ", x, ")");
  return (padded - dk) / p.s[i] + 1;
}

// Deconvolution's effective padding and adj along dim i: from target_shape when it is
// given (half the surplus each side, the odd one out as adj), else from the params.
void deconv_pad(const char* op, const ConvParam& p, const Shape& x, int i, int64_t* pad, int64_t* adj) {
  int64_t dk = p.d[i] * (p.k[i] - 1) + 1, full = p.s[i] * (x[2 + i] - 1) + dk;
  if (p.has_target) {
    MXL_CHECK(full >= p.target[i], Err::kShape, op, ": target_shape ", p.target[i], " in spatial dimension ", i,
              " is larger than the largest reachable output size ", full, " (data shape ", x, ")");
    int64_t total = full - p.target[i];
    *adj = total % 2;
    *pad = (total + 1) / 2;
  } else {
    *pad = p.p[i];
    *adj = p.adj[i];
  }
  MXL_CHECK(*adj < p.s[i], Err::kInvalidArgument, op, ": adj (", *adj, ") must be smaller than stride (",
            p.s[i], ") in spatial dimension ", i);
}

int64_t deconv_out_dim(const char* op, const ConvParam& p, const Shape& x, int i) {
  int64_t pad, adj;
  deconv_pad(op, p, x, i, &pad, &adj);
  int64_t out = p.s[i] * (x[2 + i] - 1) + p.d[i] * (p.k[i] - 1) + 1 - 2 * pad + adj;
  MXL_CHECK(out >= 1, Err::kShape, op, ": pad ", pad, " leaves no output in spatial dimension ", i,
            " (data shape ", x, ")");
  return out;
}

bool conv_infer_shape(const char* op, const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out,
                      bool deconv) {
  ConvParam p = parse_conv(op, a, deconv);
  if (!p.no_bias) assign_shape(op, "bias", in[2], Shape{p.F});
  if (!in[0].known()) return false;
  const Shape& x = in[0];
  check_data_ndim(op, x, p.nd);
  int64_t C = x[1];
  MXL_CHECK(C % p.G == 0, Err::kShape, op, ": input channels (", C, ") must be divisible by num_group (",
            p.G, "), data shape ", x);
  Shape w, y;
  w.ndim = y.ndim = p.nd + 2;
  w[0] = deconv ? C : p.F;
  w[1] = deconv ? p.F / p.G : C / p.G;
  y[0] = x[0];
  y[1] = p.F;
  for (int i = 0; i < p.nd; ++i) {
    w[2 + i] = p.k[i];
    y[2 + i] = deconv ? deconv_out_dim(op, p, x, i) : conv_out_dim(op, p, x, i);
  }
  assign_shape(op, "weight", in[1], w);
  assign_shape(op, "output", out[0], y);
  return true;
}

// Backward ops: outputs are the gradients of (data, weight[, bias]); inputs are
// (ograd, data, weight).
bool conv_backward_infer_shape(const char* op, const Attrs& a, std::vector<Shape>& in,
                               std::vector<Shape>& out, bool deconv) {
  std::vector<Shape> fin = {in[1], in[2]}, fout = {in[0]};
  if (!a.b("no_bias")) fin.push_back(out.size() > 2 ? out[2] : Shape());
  bool ok = conv_infer_shape(op, a, fin, fout, deconv);
  assign_shape(op, "ograd", in[0], fout[0].known() ? fout[0] : in[0]);
  for (size_t i = 0; i < out.size(); ++i)
    if (fin[i].known()) assign_shape(op, i == 0 ? "data gradient" : i == 1 ? "weight gradient" : "bias gradient",
                                     out[i], fin[i]);
  return ok && fout[0].known();
}

std::vector<std::string> conv_inputs(const Attrs& a) {
  if (a.b("no_bias")) return {"data", "weight"};
  return {"data", "weight", "bias"};
}

// ------------------------------------------------------------ conv geometry
// Everything padded to 3 spatial dims with leading size-1 dims.
struct ConvGeom {
  int64_t N = 0, Ci = 0, Co = 0, G = 1;  // batch, image channels, cols channels, groups
  int64_t in[3], out[3], k[3], s[3], p[3], d[3];
  int64_t IN = 1, OUT = 1, K = 1;  // image plane, cols plane and kernel volumes
};

ConvGeom make_geom(const ConvParam& cp, int64_t N, int64_t Ci, int64_t Co, const Shape& image,
                   const Shape& cols, const int64_t* pad) {
  ConvGeom g;
  g.N = N;
  g.Ci = Ci;
  g.Co = Co;
  g.G = cp.G;
  int off = 3 - cp.nd;
  for (int j = 0; j < 3; ++j) {
    int i = j - off;
    bool real = i >= 0;
    g.in[j] = real ? image[2 + i] : 1;
    g.out[j] = real ? cols[2 + i] : 1;
    g.k[j] = real ? cp.k[i] : 1;
    g.s[j] = real ? cp.s[i] : 1;
    g.p[j] = real ? pad[i] : 0;
    g.d[j] = real ? cp.d[i] : 1;
    g.IN *= g.in[j];
    g.OUT *= g.out[j];
    g.K *= g.k[j];
  }
  return g;
}

// Samples per im2col batch: enough to give GEMM wide matrices, few enough to keep
// the column buffer near 4M elements.
int64_t chunk_of(const ConvGeom& g) {
  int64_t per = std::max<int64_t>(1, std::max(g.Ci * g.K, g.Co) * g.OUT);
  return std::clamp<int64_t>((int64_t(1) << 22) / per, 1, std::max<int64_t>(g.N, 1));
}

// Visits, for plane (b, c) of a chunk, every (column row, column offset, image offset)
// triple; image offset -1 marks padding. Rows are c*K + kernel index, columns
// b*OUT + output index, leading dimension ld = B*OUT.
template <class F>
void for_each_tap(const ConvGeom& g, int64_t c, int64_t b, int64_t ld, F f) {
  int64_t kidx = 0;
  for (int64_t kd = 0; kd < g.k[0]; ++kd)
    for (int64_t kh = 0; kh < g.k[1]; ++kh)
      for (int64_t kw = 0; kw < g.k[2]; ++kw, ++kidx) {
        int64_t row = (c * g.K + kidx) * ld + b * g.OUT;
        for (int64_t od = 0; od < g.out[0]; ++od) {
          int64_t id = od * g.s[0] - g.p[0] + kd * g.d[0];
          for (int64_t oh = 0; oh < g.out[1]; ++oh) {
            int64_t ih = oh * g.s[1] - g.p[1] + kh * g.d[1];
            int64_t col = row + (od * g.out[1] + oh) * g.out[2];
            bool inside = id >= 0 && id < g.in[0] && ih >= 0 && ih < g.in[1];
            int64_t base = (id * g.in[1] + ih) * g.in[2];
            for (int64_t ow = 0; ow < g.out[2]; ++ow) {
              int64_t iw = ow * g.s[2] - g.p[2] + kw * g.d[2];
              f(col + ow, inside && iw >= 0 && iw < g.in[2] ? base + iw : -1);
            }
          }
        }
      }
}

// col (Ci*K x B*OUT) <- the windows of image samples [n0, n0+B).
template <class T>
void im2col(const ConvGeom& g, const T* img, int64_t n0, int64_t B, T* col) {
  int64_t ld = B * g.OUT;
  parallel_for(B * g.Ci, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, g.K * g.OUT)),
               [&](int64_t r0, int64_t r1) {
                 for (int64_t r = r0; r < r1; ++r) {
                   int64_t b = r / g.Ci, c = r % g.Ci;
                   const T* src = img + ((n0 + b) * g.Ci + c) * g.IN;
                   for_each_tap(g, c, b, ld, [&](int64_t ci, int64_t ii) { col[ci] = ii >= 0 ? src[ii] : T(0); });
                 }
               });
}

// image samples [n0, n0+B) <- sum of the column entries over every window (the
// adjoint of im2col), plus bias[c] when given. Each (sample, channel) plane is
// owned by one task, so accumulation needs no locks.
template <class T>
void col2im(const ConvGeom& g, const T* col, int64_t n0, int64_t B, const T* bias, T* img) {
  int64_t ld = B * g.OUT;
  parallel_for(B * g.Ci, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, g.K * g.OUT)),
               [&](int64_t r0, int64_t r1) {
                 for (int64_t r = r0; r < r1; ++r) {
                   int64_t b = r / g.Ci, c = r % g.Ci;
                   T* dst = img + ((n0 + b) * g.Ci + c) * g.IN;
                   std::fill(dst, dst + g.IN, bias ? bias[c] : T(0));
                   for_each_tap(g, c, b, ld, [&](int64_t ci, int64_t ii) { if (ii >= 0) dst[ii] += col[ci]; });
                 }
               });
}

// tmp (Co x B*OUT) <-> cols samples [n0, n0+B) stored (N, Co, OUT).
template <class T>
void gather_cols(const ConvGeom& g, const T* cols, int64_t n0, int64_t B, T* tmp) {
  int64_t ld = B * g.OUT;
  for (int64_t b = 0; b < B; ++b)
    for (int64_t c = 0; c < g.Co; ++c)
      std::copy_n(cols + ((n0 + b) * g.Co + c) * g.OUT, g.OUT, tmp + c * ld + b * g.OUT);
}

template <class T>
void cols_forward(const ConvGeom& g, const T* img, const T* W, const T* bias, T* cols) {
  int64_t B = chunk_of(g), CgK = g.Ci / g.G * g.K, Cog = g.Co / g.G;
  std::vector<T> col(size_t(g.Ci * g.K * B * g.OUT)), tmp(B > 1 ? size_t(g.Co * B * g.OUT) : 0);
  for (int64_t n0 = 0; n0 < g.N; n0 += B) {
    int64_t b = std::min(B, g.N - n0), ld = b * g.OUT;
    im2col(g, img, n0, b, col.data());
    T* dst = b == 1 ? cols + n0 * g.Co * g.OUT : tmp.data();  // one sample: GEMM straight into place
    for (int64_t grp = 0; grp < g.G; ++grp)
      gemm_t(false, false, Cog, ld, CgK, T(1), W + grp * Cog * CgK, CgK, col.data() + grp * CgK * ld, ld, T(0),
             dst + grp * Cog * ld, ld);
    parallel_for(b * g.Co, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, g.OUT)), [&](int64_t r0, int64_t r1) {
      for (int64_t r = r0; r < r1; ++r) {
        int64_t bb = r / g.Co, c = r % g.Co;
        T* o = cols + ((n0 + bb) * g.Co + c) * g.OUT;
        const T* s = dst + c * ld + bb * g.OUT;
        T add = bias ? bias[c] : T(0);
        if (b == 1) {
          if (bias) for (int64_t i = 0; i < g.OUT; ++i) o[i] += add;
        } else {
          for (int64_t i = 0; i < g.OUT; ++i) o[i] = s[i] + add;
        }
      }
    });
  }
}

template <class T>
void image_from_cols(const ConvGeom& g, const T* cols, const T* W, const T* bias, T* img) {
  int64_t B = chunk_of(g), CgK = g.Ci / g.G * g.K, Cog = g.Co / g.G;
  std::vector<T> col(size_t(g.Ci * g.K * B * g.OUT)), tmp(B > 1 ? size_t(g.Co * B * g.OUT) : 0);
  for (int64_t n0 = 0; n0 < g.N; n0 += B) {
    int64_t b = std::min(B, g.N - n0), ld = b * g.OUT;
    const T* src = cols + n0 * g.Co * g.OUT;
    if (b > 1) {
      gather_cols(g, cols, n0, b, tmp.data());
      src = tmp.data();
    }
    for (int64_t grp = 0; grp < g.G; ++grp)
      gemm_t(true, false, CgK, ld, Cog, T(1), W + grp * Cog * CgK, CgK, src + grp * Cog * ld, ld, T(0),
             col.data() + grp * CgK * ld, ld);
    col2im(g, col.data(), n0, b, bias, img);
  }
}

template <class T>
void weight_grad(const ConvGeom& g, const T* img, const T* cols, T* dW) {
  int64_t B = chunk_of(g), CgK = g.Ci / g.G * g.K, Cog = g.Co / g.G;
  std::vector<T> col(size_t(g.Ci * g.K * B * g.OUT)), tmp(B > 1 ? size_t(g.Co * B * g.OUT) : 0);
  if (g.N == 0) std::fill(dW, dW + g.Co * CgK, T(0));
  for (int64_t n0 = 0; n0 < g.N; n0 += B) {
    int64_t b = std::min(B, g.N - n0), ld = b * g.OUT;
    im2col(g, img, n0, b, col.data());
    const T* src = cols + n0 * g.Co * g.OUT;
    if (b > 1) {
      gather_cols(g, cols, n0, b, tmp.data());
      src = tmp.data();
    }
    for (int64_t grp = 0; grp < g.G; ++grp)
      gemm_t(false, true, Cog, CgK, ld, T(1), src + grp * Cog * ld, ld, col.data() + grp * CgK * ld, ld,
             T(n0 == 0 ? 0 : 1), dW + grp * Cog * CgK, CgK);
  }
}

// db[c] = sum over batch and plane of y (N, C, P).
template <class T>
void channel_sum(const T* y, int64_t N, int64_t C, int64_t P, T* db) {
  parallel_for(C, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, N * P)), [&](int64_t c0, int64_t c1) {
    for (int64_t c = c0; c < c1; ++c) {
      acc_t<T> s = 0;
      for (int64_t n = 0; n < N; ++n) {
        const T* p = y + (n * C + c) * P;
        for (int64_t i = 0; i < P; ++i) s += p[i];
      }
      db[c] = T(s);
    }
  });
}

// ------------------------------------------------------------ conv kernels
void conv_forward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in0, const std::vector<TBlob>& out0) {
  float_dispatch("Convolution", in0, out0, [&](auto tag, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
    using T = decltype(tag);
    ConvParam p = parse_conv("Convolution", a, false);
    const TBlob &x = in[0], &y = out[0];
    ConvGeom g = make_geom(p, x.shape[0], x.shape[1], p.F, x.shape, y.shape, p.p);
    cols_forward<T>(g, x.ptr<T>(), in[1].ptr<T>(), p.no_bias ? nullptr : in[2].ptr<T>(), y.ptr<T>());
  });
}

// in: ograd, data, weight; out: d(data), d(weight)[, d(bias)].
void conv_backward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in0, const std::vector<TBlob>& out0) {
  float_dispatch("_backward_Convolution", in0, out0, [&](auto tag, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
    using T = decltype(tag);
    ConvParam p = parse_conv("_backward_Convolution", a, false);
    const TBlob &dy = in[0], &x = in[1], &w = in[2];
    ConvGeom g = make_geom(p, x.shape[0], x.shape[1], p.F, x.shape, dy.shape, p.p);
    image_from_cols<T>(g, dy.ptr<T>(), w.ptr<T>(), nullptr, out[0].ptr<T>());
    weight_grad<T>(g, x.ptr<T>(), dy.ptr<T>(), out[1].ptr<T>());
    if (!p.no_bias) channel_sum<T>(dy.ptr<T>(), g.N, g.Co, g.OUT, out[2].ptr<T>());
  });
}

// Deconvolution = convolution with image and cols swapped: the image is the output.
ConvGeom deconv_geom(const char* op, const ConvParam& p, const Shape& x, const Shape& y) {
  int64_t pad[3], adj;
  for (int i = 0; i < p.nd; ++i) deconv_pad(op, p, x, i, &pad[i], &adj);
  return make_geom(p, x[0], p.F, x[1], y, x, pad);
}

void deconv_forward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in0, const std::vector<TBlob>& out0) {
  float_dispatch("Deconvolution", in0, out0, [&](auto tag, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
    using T = decltype(tag);
    ConvParam p = parse_conv("Deconvolution", a, true);
    ConvGeom g = deconv_geom("Deconvolution", p, in[0].shape, out[0].shape);
    image_from_cols<T>(g, in[0].ptr<T>(), in[1].ptr<T>(), p.no_bias ? nullptr : in[2].ptr<T>(), out[0].ptr<T>());
  });
}

void deconv_backward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in0, const std::vector<TBlob>& out0) {
  float_dispatch("_backward_Deconvolution", in0, out0, [&](auto tag, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
    using T = decltype(tag);
    ConvParam p = parse_conv("_backward_Deconvolution", a, true);
    const TBlob &dy = in[0], &x = in[1], &w = in[2];
    ConvGeom g = deconv_geom("_backward_Deconvolution", p, x.shape, dy.shape);
    cols_forward<T>(g, dy.ptr<T>(), w.ptr<T>(), nullptr, out[0].ptr<T>());
    weight_grad<T>(g, dy.ptr<T>(), x.ptr<T>(), out[1].ptr<T>());
    if (!p.no_bias) channel_sum<T>(dy.ptr<T>(), g.N, g.Ci, g.IN, out[2].ptr<T>());
  });
}

// Gradient: one backward op computing every input's gradient.
FGradient conv_grad(std::string backward) {
  return [backward](GradGraph& g, const Attrs& a) {
    return g.op(backward, {g.ograd(0), g.input(0), g.input(1)}, a.raw());
  };
}

// ------------------------------------------------------------------ Pooling
enum PoolType { kMax = 0, kAvg, kSum, kLp };  // indices into the pool_type choices below
const std::vector<std::string> kPoolTypes = {"max", "avg", "sum", "lp"};

OpDef& pool_params(OpDef& op) {
  op.param("kernel", PType::kShape, "()", "Pooling kernel size: (w,), (h, w) or (d, h, w). Ignored when global_pool is True.");
  op.param_enum("pool_type", kPoolTypes, "max", "Pooling type to be applied.");
  op.param("global_pool", PType::kBool, "False", "Ignore kernel size, do global pooling based on current input feature map.");
  op.param("cudnn_off", PType::kBool, "False", "Turn off cuDNN pooling (no effect on the CPU).");
  op.param_enum("pooling_convention", {"full", "same", "valid"}, "valid",
                "Output size rule: valid floors, full ceils, same gives ceil(input / stride) with implicit padding.");
  op.param("stride", PType::kShape, "()", "Stride for pooling: (w,), (h, w) or (d, h, w). Defaults to 1 for each dimension.");
  op.param("pad", PType::kShape, "()", "Pad for pooling: (w,), (h, w) or (d, h, w). Defaults to no padding.");
  op.param_optional("p_value", PType::kInt, "Value of p for Lp pooling: 1, 2 or 3 (required when pool_type is 'lp').");
  op.param_optional("count_include_pad", PType::kBool, "Whether avg pooling divides by the padded window size (None means True).");
  optional_enum(op, "layout", {"NCDHW", "NCHW", "NCW", "NDHWC", "NHWC", "NWC"},
                "Data layout: None means the channels-first default (NCW, NCHW, NCDHW), the only one implemented.");
  return op;
}

struct PoolParam {
  int type = kMax;
  int p_value = 2;
  bool include_pad = true;
  // Padded to 3 spatial dims: kernel, stride, pad before / after, input and output extents.
  int64_t k[3], s[3], pb[3], pa[3], in[3], out[3];
};

PoolParam parse_pool(const char* op, const Attrs& a, const Shape& x) {
  PoolParam P;
  MXL_CHECK(x.ndim >= 3 && x.ndim <= 5, Err::kShape, op,
            ": data must have 3, 4 or 5 dimensions (batch, channel, then 1 to 3 spatial dims), got shape ", x);
  int nd = x.ndim - 2;
  P.type = int(a.i("pool_type"));
  if (P.type == kLp) {
    MXL_CHECK(!a.none("p_value"), Err::kInvalidArgument, op, ": parameter 'p_value' is required when pool_type is 'lp'");
    int64_t pv = a.i("p_value");
    MXL_CHECK(pv >= 1 && pv <= 3, Err::kInvalidArgument, op, ": parameter 'p_value' must be 1, 2 or 3, got ", pv);
    P.p_value = int(pv);
  }
  P.include_pad = a.none("count_include_pad") || a.b("count_include_pad");
  int64_t k[3], s[3], p[3], o[3], pb[3], pa[3];
  if (a.b("global_pool")) {
    for (int i = 0; i < nd; ++i) {
      k[i] = x[2 + i];
      s[i] = 1;
      pb[i] = pa[i] = 0;
      o[i] = 1;
    }
  } else {
    const Shape& ks = a.shape("kernel");
    MXL_CHECK(ks.ndim > 0, Err::kInvalidArgument, op, ": parameter 'kernel' is required unless global_pool is True");
    MXL_CHECK(ks.ndim == nd, Err::kShape, op, ": a ", ks.ndim, "-D kernel ", ks, " needs data with ", ks.ndim + 2,
              " dimensions, got shape ", x);
    for (int i = 0; i < nd; ++i) {
      MXL_CHECK(ks[i] >= 1, Err::kInvalidArgument, op, ": parameter 'kernel' must be positive in every dimension, got ", ks);
      k[i] = ks[i];
    }
    read_tuple(op, a, "stride", nd, 1, 1, s);
    read_tuple(op, a, "pad", nd, 0, 0, p);
    const std::string& conv = a.s("pooling_convention");
    for (int i = 0; i < nd; ++i) {
      int64_t X = x[2 + i];
      if (conv == "same") {
        MXL_CHECK(p[i] == 0, Err::kInvalidArgument, op,
                  ": pooling_convention 'same' computes its own padding; parameter 'pad' must be 0, got ", a.shape("pad"));
        o[i] = (X + s[i] - 1) / s[i];
        int64_t total = std::max<int64_t>(0, (o[i] - 1) * s[i] + k[i] - X);
        pb[i] = total / 2;
        pa[i] = total - pb[i];
      } else {
        int64_t padded = X + 2 * p[i];
        MXL_CHECK(k[i] <= padded, Err::kShape, op, ": kernel size ", k[i], " exceeds the padded input size ", padded,
                  " in spatial dimension ", i, " (data shape ", x, ")");
        o[i] = conv == "full" ? (padded - k[i] + s[i] - 1) / s[i] + 1 : (padded - k[i]) / s[i] + 1;
        pb[i] = pa[i] = p[i];
      }
    }
  }
  check_layout(op, a, nd);
  int off = 3 - nd;
  for (int j = 0; j < 3; ++j) {
    int i = j - off;
    bool real = i >= 0;
    P.k[j] = real ? k[i] : 1;
    P.s[j] = real ? s[i] : 1;
    P.pb[j] = real ? pb[i] : 0;
    P.pa[j] = real ? pa[i] : 0;
    P.in[j] = real ? x[2 + i] : 1;
    P.out[j] = real ? o[i] : 1;
  }
  return P;
}

bool pool_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  if (!in[0].known()) return false;
  PoolParam P = parse_pool("Pooling", a, in[0]);
  Shape y = in[0];
  for (int i = 0; i < y.ndim - 2; ++i) y[2 + i] = P.out[3 - (y.ndim - 2) + i];
  assign_shape("Pooling", "output", out[0], y);
  return true;
}

// One pooling window clipped to the input: [lo, hi) per dim, and the divisor avg uses.
struct Window {
  int64_t lo[3], hi[3];
  int64_t padded_size = 1, valid_size = 1;
};

inline Window window_at(const PoolParam& P, int64_t od, int64_t oh, int64_t ow) {
  Window w;
  int64_t o[3] = {od, oh, ow};
  for (int j = 0; j < 3; ++j) {
    int64_t start = o[j] * P.s[j] - P.pb[j];
    int64_t end = std::min(start + P.k[j], P.in[j] + P.pa[j]);
    w.padded_size *= std::max<int64_t>(0, end - start);
    w.lo[j] = std::max<int64_t>(start, 0);
    w.hi[j] = std::min(end, P.in[j]);
    w.valid_size *= std::max<int64_t>(0, w.hi[j] - w.lo[j]);
  }
  return w;
}

template <class F>
inline void for_window(const PoolParam& P, const Window& w, F f) {
  for (int64_t d = w.lo[0]; d < w.hi[0]; ++d)
    for (int64_t h = w.lo[1]; h < w.hi[1]; ++h)
      for (int64_t x = w.lo[2]; x < w.hi[2]; ++x) f((d * P.in[1] + h) * P.in[2] + x);
}

template <class A> inline A pow_p(A v, int p) { return p == 1 ? v : p == 2 ? v * v : v * v * v; }
template <class A> inline A root_p(A v, int p) { return p == 1 ? v : p == 2 ? std::sqrt(v) : std::cbrt(v); }

// Runs f(plane index, output offset, window) over every output element, parallel
// over (batch, channel) planes.
template <class F>
void for_each_output(const PoolParam& P, int64_t planes, F f) {
  int64_t OUT = P.out[0] * P.out[1] * P.out[2], KV = P.k[0] * P.k[1] * P.k[2];
  parallel_for(planes, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, OUT * KV)), [&](int64_t p0, int64_t p1) {
    for (int64_t pl = p0; pl < p1; ++pl) {
      int64_t oi = 0;
      for (int64_t od = 0; od < P.out[0]; ++od)
        for (int64_t oh = 0; oh < P.out[1]; ++oh)
          for (int64_t ow = 0; ow < P.out[2]; ++ow, ++oi) f(pl, oi, window_at(P, od, oh, ow));
    }
  });
}

template <class T>
void pool_forward_t(const PoolParam& P, const TBlob& xb, const TBlob& yb) {
  using A = acc_t<T>;
  const T* x = xb.ptr<T>();
  T* y = yb.ptr<T>();
  int64_t IN = P.in[0] * P.in[1] * P.in[2], OUT = P.out[0] * P.out[1] * P.out[2];
  for_each_output(P, xb.shape[0] * xb.shape[1], [&](int64_t pl, int64_t oi, const Window& w) {
    const T* src = x + pl * IN;
    A r = 0;
    if (P.type == kMax) {
      // An empty window (possible with the 'full' convention) gives the lowest value, as in MXNet.
      bool any = false;
      r = std::numeric_limits<A>::lowest();
      for_window(P, w, [&](int64_t i) { A v = A(src[i]); if (!any || v > r) r = v; any = true; });
    } else {
      for_window(P, w, [&](int64_t i) { r += P.type == kLp ? pow_p(A(src[i]), P.p_value) : A(src[i]); });
      if (P.type == kAvg) {
        int64_t div = P.include_pad ? w.padded_size : w.valid_size;
        r = div > 0 ? r / A(div) : A(0);
      } else if (P.type == kLp) {
        r = root_p(r, P.p_value);
      }
    }
    y[pl * OUT + oi] = T(r);
  });
}

// in: ograd, data, output; out: d(data).
template <class T>
void pool_backward_t(const PoolParam& P, const TBlob& dyb, const TBlob& xb, const TBlob& yb, const TBlob& dxb) {
  using A = acc_t<T>;
  const T *dy = dyb.ptr<T>(), *x = xb.ptr<T>(), *y = yb.ptr<T>();
  T* dx = dxb.ptr<T>();
  int64_t IN = P.in[0] * P.in[1] * P.in[2], OUT = P.out[0] * P.out[1] * P.out[2];
  // Windows overlap, so gradients accumulate: straight into dx (each plane is owned by
  // one task), or for float16 into a float buffer converted at the end.
  int64_t planes = xb.shape[0] * xb.shape[1];
  constexpr bool direct = std::is_same_v<T, A>;
  std::vector<A> buf(direct ? 0 : size_t(planes * IN));
  A* acc = direct ? reinterpret_cast<A*>(dx) : buf.data();
  parallel_for(planes * IN, kParallelGrain, [&](int64_t b, int64_t e) { std::fill(acc + b, acc + e, A(0)); });
  for_each_output(P, planes, [&](int64_t pl, int64_t oi, const Window& w) {
    const T* src = x + pl * IN;
    A* d = acc + pl * IN;
    A g = A(dy[pl * OUT + oi]);
    if (P.type == kMax) {
      int64_t best = -1;  // the first maximum gets the gradient
      A m = 0;
      for_window(P, w, [&](int64_t i) { A v = A(src[i]); if (best < 0 || v > m) { m = v; best = i; } });
      if (best >= 0) d[best] += g;
    } else if (P.type == kLp) {
      // d/dx (sum x^p)^(1/p) = (x / out)^(p-1); a zero output has zero gradient for p > 1.
      A out = A(y[pl * OUT + oi]);
      if (P.p_value > 1 && out == A(0)) return;
      for_window(P, w, [&](int64_t i) {
        A r = P.p_value == 1 ? A(1) : A(src[i]) / out;
        d[i] += g * (P.p_value == 3 ? r * r : r);
      });
    } else {
      int64_t div = P.type == kSum ? 1 : P.include_pad ? w.padded_size : w.valid_size;
      if (div <= 0) return;
      A share = g / A(div);
      for_window(P, w, [&](int64_t i) { d[i] += share; });
    }
  });
  if constexpr (!direct)
    parallel_for(planes * IN, kParallelGrain, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) dx[i] = T(acc[i]);
    });
}

void pool_forward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  PoolParam P = parse_pool("Pooling", a, in[0].shape);
  MXL_FLOAT_SWITCH(in[0].dtype, T, "Pooling", { pool_forward_t<T>(P, in[0], out[0]); });
}

void pool_backward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  PoolParam P = parse_pool("_backward_Pooling", a, in[1].shape);
  MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_Pooling", { pool_backward_t<T>(P, in[0], in[1], in[2], out[0]); });
}

// ---------------------------------------------------------------- UpSampling
OpDef& upsampling_params(OpDef& op) {
  op.param_required("scale", PType::kInt, "Up sampling scale.");
  op.range(1, 1e9);
  op.param("num_filter", PType::kInt, "0", "Input filter. Only used by bilinear sample_type, where it must equal the number of channels.");
  op.range(0, 1e15);
  op.param_required("sample_type", PType::kEnum, "upsampling method");
  op.params.back().choices = {"bilinear", "nearest"};
  op.param_enum("multi_input_mode", {"concat", "sum"}, "concat",
                "How to handle multiple inputs: concat stacks the upsampled inputs along the channel axis, sum adds them. Only used by nearest sample_type.");
  op.param_required("num_args", PType::kInt, "Number of inputs to be upsampled. For nearest neighbor upsampling, this can be 1-N; the size of output will be (scale*h_0,scale*w_0) and all other inputs will be upsampled to the same size. For bilinear upsampling this must be 2; 1 input and 1 weight.");
  op.range(1, 1e6);
  op.param("workspace", PType::kInt, "512", "Tmp workspace for deconvolution (MB); accepted for compatibility.");
  op.range(0, 1e15);
  return op;
}

bool is_bilinear(const Attrs& a) { return a.s("sample_type") == "bilinear"; }

std::vector<std::string> upsampling_inputs(const Attrs& a) {
  if (is_bilinear(a)) return {"data", "weight"};
  std::vector<std::string> v;
  for (int64_t i = 0; i < a.i("num_args"); ++i) v.push_back("arg" + std::to_string(i));
  return v;
}

// Bilinear upsampling is a depthwise deconvolution with a (C, 1, k, k) weight:
// kernel 2s - s%2, stride s, pad ceil((s-1)/2).
ConvParam bilinear_param(const Attrs& a, int64_t C) {
  int64_t s = a.i("scale"), k = 2 * s - s % 2, pad = s / 2;  // s / 2 == ceil((s-1)/2)
  int64_t nf = a.i("num_filter");
  MXL_CHECK(nf == 0 || nf == C, Err::kShape, "UpSampling: bilinear sample_type needs num_filter equal to the number of channels (",
            C, "), got ", nf);
  ConvParam p;
  p.nd = 2;
  for (int i = 0; i < 2; ++i) {
    p.k[i] = k;
    p.s[i] = s;
    p.d[i] = 1;
    p.p[i] = pad;
  }
  p.F = C;
  p.G = C;
  p.no_bias = true;
  return p;
}

void check_4d(const char* op, const Shape& x, size_t i) {
  MXL_CHECK(x.ndim == 4, Err::kShape, op, ": input ", i, " must have 4 dimensions (batch, channel, height, width), got shape ", x);
}

bool upsampling_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = "UpSampling";
  int64_t s = a.i("scale");
  if (is_bilinear(a)) {
    if (!in[0].known()) return false;
    const Shape& x = in[0];
    check_4d(op, x, 0);
    ConvParam p = bilinear_param(a, x[1]);
    assign_shape(op, "weight", in[1], Shape{x[1], 1, p.k[0], p.k[1]});
    assign_shape(op, "output", out[0], Shape{x[0], x[1], x[2] * s, x[3] * s});
    return true;
  }
  for (const auto& x : in)
    if (!x.known()) return false;
  check_4d(op, in[0], 0);
  int64_t H = in[0][2] * s, W = in[0][3] * s, C = 0;
  bool sum = a.s("multi_input_mode") == "sum";
  for (size_t i = 0; i < in.size(); ++i) {
    const Shape& x = in[i];
    check_4d(op, x, i);
    MXL_CHECK(x[0] == in[0][0], Err::kShape, op, ": input ", i, " has batch size ", x[0], " but input 0 has ", in[0][0]);
    MXL_CHECK(x[2] > 0 && x[3] > 0 && H % x[2] == 0 && W % x[3] == 0 && H / x[2] == W / x[3], Err::kShape, op,
              ": input ", i, " with shape ", x, " cannot be upsampled by a whole factor to the output size (", H, ", ", W, ")");
    if (sum)
      MXL_CHECK(x[1] == in[0][1], Err::kShape, op, ": multi_input_mode 'sum' needs equal channel counts, input ", i,
                " has ", x[1], " but input 0 has ", in[0][1]);
    C = sum ? x[1] : C + x[1];
  }
  assign_shape(op, "output", out[0], Shape{in[0][0], C, H, W});
  return true;
}

// Nearest: output pixel (h, w) of input i's block reads input pixel (h/f, w/f).
template <class T>
void nearest_forward(const std::vector<TBlob>& in, const TBlob& yb, bool sum) {
  using A = acc_t<T>;
  T* y = yb.ptr<T>();
  int64_t N = yb.shape[0], C = yb.shape[1], H = yb.shape[2], W = yb.shape[3];
  // Each output channel plane is owned by one task: channel offset per input.
  std::vector<int64_t> first(in.size() + 1, 0);
  for (size_t i = 0; i < in.size(); ++i) first[i + 1] = first[i] + (sum ? 0 : in[i].shape[1]);
  parallel_for(N * C, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, H * W)), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {
      int64_t n = r / C, c = r % C;
      T* dst = y + r * H * W;
      for (size_t i = 0; i < in.size(); ++i) {
        if (!sum && (c < first[i] || c >= first[i + 1])) continue;
        const Shape& xs = in[i].shape;
        int64_t f = H / xs[2], ci = sum ? c : c - first[i];
        const T* src = in[i].ptr<T>() + (n * xs[1] + ci) * xs[2] * xs[3];
        bool add = sum && i > 0;
        for (int64_t h = 0; h < H; ++h)
          for (int64_t w = 0; w < W; ++w) {
            A v = A(src[(h / f) * xs[3] + w / f]);
            dst[h * W + w] = add ? T(A(dst[h * W + w]) + v) : T(v);
          }
      }
    }
  });
}

// in: ograd, the forward inputs; out: their gradients.
template <class T>
void nearest_backward(const TBlob& dyb, const std::vector<TBlob>& out, bool sum) {
  using A = acc_t<T>;
  const T* dy = dyb.ptr<T>();
  int64_t C = dyb.shape[1], H = dyb.shape[2], W = dyb.shape[3];
  int64_t first = 0;
  for (const TBlob& dxb : out) {
    const Shape& xs = dxb.shape;
    int64_t f = H / xs[2], c0 = first;
    T* dx = dxb.ptr<T>();
    parallel_for(xs[0] * xs[1], std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, H * W)), [&](int64_t r0, int64_t r1) {
      for (int64_t r = r0; r < r1; ++r) {
        int64_t n = r / xs[1], c = r % xs[1];
        const T* src = dy + (n * C + c0 + c) * H * W;
        T* dst = dx + r * xs[2] * xs[3];
        for (int64_t h = 0; h < xs[2]; ++h)
          for (int64_t w = 0; w < xs[3]; ++w) {
            A s = 0;
            for (int64_t a = 0; a < f; ++a)
              for (int64_t b = 0; b < f; ++b) s += A(src[(h * f + a) * W + w * f + b]);
            dst[h * xs[3] + w] = T(s);
          }
      }
    });
    if (!sum) first += xs[1];
  }
}

void upsampling_forward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in0, const std::vector<TBlob>& out0) {
  if (is_bilinear(a)) {
    float_dispatch("UpSampling", in0, out0, [&](auto tag, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      using T = decltype(tag);
      ConvParam p = bilinear_param(a, in[0].shape[1]);
      ConvGeom g = make_geom(p, in[0].shape[0], p.F, in[0].shape[1], out[0].shape, in[0].shape, p.p);
      image_from_cols<T>(g, in[0].ptr<T>(), in[1].ptr<T>(), nullptr, out[0].ptr<T>());
    });
    return;
  }
  bool sum = a.s("multi_input_mode") == "sum";
  MXL_FLOAT_SWITCH(in0[0].dtype, T, "UpSampling", { nearest_forward<T>(in0, out0[0], sum); });
}

void upsampling_backward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in0, const std::vector<TBlob>& out0) {
  if (is_bilinear(a)) {
    float_dispatch("_backward_UpSampling", in0, out0, [&](auto tag, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      using T = decltype(tag);
      ConvParam p = bilinear_param(a, in[1].shape[1]);
      ConvGeom g = make_geom(p, in[1].shape[0], p.F, in[1].shape[1], in[0].shape, in[1].shape, p.p);
      cols_forward<T>(g, in[0].ptr<T>(), in[2].ptr<T>(), nullptr, out[0].ptr<T>());
      weight_grad<T>(g, in[0].ptr<T>(), in[1].ptr<T>(), out[1].ptr<T>());
    });
    return;
  }
  bool sum = a.s("multi_input_mode") == "sum";
  MXL_FLOAT_SWITCH(in0[0].dtype, T, "_backward_UpSampling", { nearest_backward<T>(in0[0], out0, sum); });
}

}  // namespace

// ============================================================== registrations
static OpDef& reg_conv = conv_params(Registry::add("Convolution"), false)
    .alias("_npx_convolution")
    .describe("Compute N-D convolution on (N+2)-D input (NCW, NCHW or NCDHW).\n\n"
              "out[n, f] = bias[f] + sum over c, window of weight[f, c] * data[n, c]; "
              "the output spatial size is floor((x + 2*pad - dilate*(kernel-1) - 1) / stride) + 1. "
              "weight has shape (num_filter, channels / num_group, *kernel) and bias (num_filter,). "
              "With num_group > 1 the channels are split into independent groups.")
    .input("data").input("weight").input("bias")
    .inputs_by(conv_inputs)
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      return conv_infer_shape("Convolution", a, in, out, false);
    })
    .infer_type_fn(float_type_same)
    .cpu_fn(conv_forward)
    .grad_fn(conv_grad("_backward_Convolution"));

static OpDef& reg_conv_bwd = conv_params(Registry::add("_backward_Convolution"), false)
    .describe("Gradients of Convolution: inputs (ograd, data, weight); outputs the gradients of data, weight and (unless no_bias) bias.")
    .input("ograd").input("data").input("weight")
    .outputs_fn([](const Attrs& a) { return a.b("no_bias") ? 2 : 3; })
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      return conv_backward_infer_shape("_backward_Convolution", a, in, out, false);
    })
    .infer_type_fn(float_type_same)
    .cpu_fn(conv_backward);

static OpDef& reg_deconv = conv_params(Registry::add("Deconvolution"), true)
    .alias("_npx_deconvolution")
    .describe("Computes 1-D, 2-D or 3-D transposed convolution (aka fractionally strided convolution) of the "
              "input tensor: the gradient of Convolution with respect to its data.\n\n"
              "The output spatial size is stride*(x-1) + dilate*(kernel-1) + 1 - 2*pad + adj, or target_shape "
              "when given. weight has shape (channels, num_filter / num_group, *kernel) and bias (num_filter,).")
    .input("data").input("weight").input("bias")
    .inputs_by(conv_inputs)
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      return conv_infer_shape("Deconvolution", a, in, out, true);
    })
    .infer_type_fn(float_type_same)
    .cpu_fn(deconv_forward)
    .grad_fn(conv_grad("_backward_Deconvolution"));

static OpDef& reg_deconv_bwd = conv_params(Registry::add("_backward_Deconvolution"), true)
    .describe("Gradients of Deconvolution: inputs (ograd, data, weight); outputs the gradients of data, weight and (unless no_bias) bias.")
    .input("ograd").input("data").input("weight")
    .outputs_fn([](const Attrs& a) { return a.b("no_bias") ? 2 : 3; })
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      return conv_backward_infer_shape("_backward_Deconvolution", a, in, out, true);
    })
    .infer_type_fn(float_type_same)
    .cpu_fn(deconv_backward);

static OpDef& reg_pool = pool_params(Registry::add("Pooling"))
    .alias("_npx_pooling")
    .describe("Performs pooling on the input (NCW, NCHW or NCDHW).\n\n"
              "pool_type: max, avg (divides by the padded window size unless count_include_pad is False), "
              "sum, or lp ((sum x^p)^(1/p), p_value 1, 2 or 3). Output size per spatial dim: valid: "
              "floor((x + 2*pad - kernel) / stride) + 1; full: the same with ceil; same: ceil(x / stride). "
              "global_pool pools each whole feature map to size 1.")
    .input("data")
    .infer_shape_fn(pool_infer_shape)
    .infer_type_fn(float_type_same)
    .cpu_fn(pool_forward)
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_Pooling", {g.ograd(0), g.input(0), g.output(0)}, a.raw())};
    });

static OpDef& reg_pool_bwd = pool_params(Registry::add("_backward_Pooling"))
    .describe("Gradient of Pooling: inputs (ograd, data, output); output the gradient of data.")
    .input("ograd").input("data").input("output")
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      if (!in[1].known()) return false;
      std::vector<Shape> fin = {in[1]}, fout = {in[0]};
      pool_infer_shape(a, fin, fout);
      assign_shape("_backward_Pooling", "ograd", in[0], fout[0]);
      assign_shape("_backward_Pooling", "output", in[2], fout[0]);
      assign_shape("_backward_Pooling", "data gradient", out[0], in[1]);
      return true;
    })
    .infer_type_fn(float_type_same)
    .cpu_fn(pool_backward);

static OpDef& reg_up = upsampling_params(Registry::add("UpSampling"))
    .describe("Upsamples the given 4-D inputs (NCHW) by scale along height and width.\n\n"
              "nearest: every pixel is repeated scale x scale times; several inputs are brought to the size of "
              "the first times scale and concatenated along channels (or summed). bilinear: a depthwise "
              "Deconvolution with the given weight of shape (channels, 1, 2*scale - scale%2, same), stride scale "
              "and pad ceil((scale-1)/2); initialise the weight with the Bilinear initializer.")
    .input("data")
    .variadic("num_args")
    .inputs_by(upsampling_inputs)
    .infer_shape_fn(upsampling_infer_shape)
    .infer_type_fn(float_type_same)
    .cpu_fn(upsampling_forward)
    .grad_fn([](GradGraph& g, const Attrs& a) {
      GVals in = {g.ograd(0)};
      int n = is_bilinear(a) ? 2 : int(a.i("num_args"));
      for (int i = 0; i < n; ++i) in.push_back(g.input(i));
      return g.op("_backward_UpSampling", in, a.raw());
    });

static OpDef& reg_up_bwd = upsampling_params(Registry::add("_backward_UpSampling"))
    .describe("Gradients of UpSampling: inputs (ograd, the forward inputs); outputs their gradients.")
    .input("ograd").input("data")
    .inputs_by([](const Attrs& a) {
      std::vector<std::string> v = upsampling_inputs(a);
      v.insert(v.begin(), "ograd");
      return v;
    })
    .outputs_fn([](const Attrs& a) { return is_bilinear(a) ? 2 : int(a.i("num_args")); })
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      std::vector<Shape> fin(in.begin() + 1, in.end()), fout = {in[0]};
      if (!upsampling_infer_shape(a, fin, fout)) return false;
      assign_shape("_backward_UpSampling", "ograd", in[0], fout[0]);
      for (size_t i = 0; i < out.size(); ++i) assign_shape("_backward_UpSampling", "input gradient", out[i], fin[i]);
      return true;
    })
    .infer_type_fn(float_type_same)
    .cpu_fn(upsampling_backward);

}  // namespace mxl
