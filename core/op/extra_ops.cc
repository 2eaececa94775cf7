// MXNet 1.x operators that saved models and user code reach for beyond the core
// sets in the other files: hard_sigmoid, rcbrt, make_loss, shape_array, size_array,
// diag, moments (each with its gradient where MXNet has one), the sequence ops
// SequenceMask / SequenceLast / SequenceReverse, LRN and L2Normalization, and
// _linalg_gemm / _linalg_gemm2 (mx.nd.linalg.gemm / gemm2, alias linalg_gemm / linalg_gemm2),
// erfinv, ravel_multi_index / unravel_index, batch_take and cumsum (_np_cumsum).
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <vector>

#include "elemwise_kernels.h"

namespace mxl {
namespace {


// y[i] = f(x[i]) for each element, split over threads above the grain.
template <class T, class F>
void map_elems(const TBlob& x, const TBlob& y, F f) {
  const T* xp = x.ptr<T>();
  T* yp = y.ptr<T>();
  parallel_for(y.size(), kParallelGrain, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) yp[i] = f(xp[i]);
  });
}

// ============================================================ hard_sigmoid
// y = clip(alpha * x + beta, 0, 1); its gradient is alpha where that is strictly
// inside (0, 1), else 0.
template <class T>
void hard_sigmoid_t(const Attrs& a, const TBlob& x, const TBlob& y) {
  using C = float_t_of<T>;
  C alpha = C(a.f("alpha")), beta = C(a.f("beta"));
  map_elems<T>(x, y, [=](T v) {
    C z = alpha * C(v) + beta;
    return T(z < C(0) ? C(0) : z > C(1) ? C(1) : z);
  });
}
template <class T>
void hard_sigmoid_bwd_t(const Attrs& a, const TBlob& g, const TBlob& x, const TBlob& gx) {
  using C = float_t_of<T>;
  C alpha = C(a.f("alpha")), beta = C(a.f("beta"));
  const T *gp = g.ptr<T>(), *xp = x.ptr<T>();
  T* o = gx.ptr<T>();
  parallel_for(gx.size(), kParallelGrain, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) {
      C z = alpha * C(xp[i]) + beta;
      o[i] = T(z > C(0) && z < C(1) ? C(gp[i]) * alpha : C(0));
    }
  });
}
OpDef& hard_sigmoid_params(OpDef& op) {
  op.param("alpha", PType::kFloat, "0.2", "Slope of hard sigmoid");
  op.param("beta", PType::kFloat, "0.5", "Bias of hard sigmoid.");
  return op;
}

// ==================================================================== rcbrt
// 1 / cbrt(x), computed like the other transcendental ops (half in float, integers in
// double, converted back to the dtype).
template <class T>
void rcbrt_t(const TBlob& x, const TBlob& y) {
  using C = float_t_of<T>;
  map_elems<T>(x, y, [](T v) { return cast_to<T>(C(1) / std::cbrt(C(v))); });
}
// d/dx x^(-1/3) = -1/3 * x^(-4/3) = -y / (3x), with y the forward output.
template <class T>
void rcbrt_bwd_t(const TBlob& g, const TBlob& x, const TBlob& gx) {
  using C = float_t_of<T>;
  const T *gp = g.ptr<T>(), *xp = x.ptr<T>();
  T* o = gx.ptr<T>();
  parallel_for(gx.size(), kParallelGrain, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) {
      C v = C(xp[i]);
      o[i] = cast_to<T>(C(gp[i]) * (C(-1) / (C(3) * v * std::cbrt(v))));
    }
  });
}

// ==================================================================== diag
// For an input of two or more axes the output holds the k-th diagonal of the
// (axis1, axis2) planes: the remaining axes in order, then the diagonal. For a 1-D
// input the output is the square matrix with the input on its k-th diagonal.
struct DiagPlan {
  Shape out;                 // output shape
  int64_t len = 0;           // diagonal length
  int64_t start = 0;         // input offset of the diagonal's first element (plane 0)
  int64_t step = 0;          // input stride along the diagonal
  int nrest = 0;             // the other axes: sizes and input strides
  int64_t rest_dim[kMaxDim] = {0}, rest_stride[kMaxDim] = {0};
  // Input offset of output element o (o = rest index * len + position on the diagonal).
  int64_t in_offset(int64_t o) const {
    int64_t j = o % len, r = o / len, off = start + j * step;
    for (int d = nrest - 1; d >= 0; --d) {
      off += (r % rest_dim[d]) * rest_stride[d];
      r /= rest_dim[d];
    }
    return off;
  }
};

DiagPlan diag_plan(const Attrs& a, const Shape& in) {
  const char* op = N(a);
  DiagPlan p;
  int64_t k = a.i("k");
  MXL_CHECK(in.ndim >= 1, Err::kShape, op, ": expected an input of at least 1 dimension, got shape ", in);
  if (in.ndim == 1) {
    // (n + |k|)^2 elements: refuse what cannot be an array instead of overflowing
    int64_t n = 0, size = 0;
    bool ok = k > std::numeric_limits<int64_t>::min() && !__builtin_add_overflow(in[0], k < 0 ? -k : k, &n) &&
              !__builtin_mul_overflow(n, n, &size);
    MXL_CHECK(ok, Err::kInvalidArgument, op, ": k=", k, " makes a ", in[0], "-element diagonal too large an array");
    p.out = Shape({n, n});
    return p;
  }
  int x1 = normalize_axis(op, a.i("axis1"), in.ndim), x2 = normalize_axis(op, a.i("axis2"), in.ndim);
  MXL_CHECK(x1 != x2, Err::kInvalidArgument, op, ": axis1 and axis2 cannot refer to the same axis ", x1);
  int64_t stride[kMaxDim];
  contiguous_strides(in.ndim, in.d, stride);
  int64_t rows = in[x1], cols = in[x2];
  // k > 0 starts k columns in (along axis2), k < 0 k rows down (along axis1).
  bool exists = k < 0 ? k > -rows : k < cols;  // checked before negating k
  int64_t r0 = exists && k < 0 ? -k : 0, c0 = k > 0 ? k : 0;
  MXL_CHECK(exists, Err::kInvalidArgument, op, ": diagonal k=", k, " does not exist in the (",
            rows, ", ", cols, ") planes of axes (", x1, ", ", x2, ") of shape ", in);
  p.len = std::min(rows - r0, cols - c0);
  p.start = r0 * stride[x1] + c0 * stride[x2];
  p.step = stride[x1] + stride[x2];
  p.out.ndim = 0;
  for (int d = 0; d < in.ndim; ++d) {
    if (d == x1 || d == x2) continue;
    p.rest_dim[p.nrest] = in[d];
    p.rest_stride[p.nrest++] = stride[d];
    p.out.d[p.out.ndim++] = in[d];
  }
  p.out.d[p.out.ndim++] = p.len;
  return p;
}

// 1-D x -> square y with x on the k-th diagonal.
template <class T>
void diag_from_vector(int64_t k, const TBlob& x, const TBlob& y) {
  const T* xp = x.ptr<T>();
  T* yp = y.ptr<T>();
  int64_t n = x.size(), m = y.shape[1];
  if (y.size() == 0) return;  // an empty array's data may be null
  std::memset(static_cast<void*>(yp), 0, size_t(y.size()) * sizeof(T));
  for (int64_t i = 0; i < n; ++i) yp[(i + (k < 0 ? -k : 0)) * m + i + (k > 0 ? k : 0)] = xp[i];
}
// The k-th diagonal of a square-or-not matrix m (rows x cols) -> x of length n.
template <class T>
void vector_from_diag(int64_t k, const TBlob& m, const TBlob& x) {
  const T* mp = m.ptr<T>();
  T* xp = x.ptr<T>();
  int64_t n = x.size(), cols = m.shape[1];
  for (int64_t i = 0; i < n; ++i) xp[i] = mp[(i + (k < 0 ? -k : 0)) * cols + i + (k > 0 ? k : 0)];
}

template <class T>
void diag_forward_t(const Attrs& a, const TBlob& x, const TBlob& y) {
  if (x.shape.ndim == 1) return diag_from_vector<T>(a.i("k"), x, y);
  DiagPlan p = diag_plan(a, x.shape);
  const T* xp = x.ptr<T>();
  T* yp = y.ptr<T>();
  parallel_for(y.size(), kParallelGrain, [&](int64_t b, int64_t e) {
    for (int64_t o = b; o < e; ++o) yp[o] = xp[p.in_offset(o)];
  });
}
// in: ograd (the forward output's shape), data; out: data's gradient.
template <class T>
void diag_backward_t(const Attrs& a, const TBlob& g, const TBlob& x, const TBlob& gx) {
  if (x.shape.ndim == 1) return vector_from_diag<T>(a.i("k"), g, gx);
  DiagPlan p = diag_plan(a, x.shape);
  const T* gp = g.ptr<T>();
  T* o = gx.ptr<T>();
  std::memset(static_cast<void*>(o), 0, size_t(gx.size()) * sizeof(T));
  // Diagonal positions are distinct, so the scatter can be split freely.
  parallel_for(g.size(), kParallelGrain, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) o[p.in_offset(i)] = gp[i];
  });
}
OpDef& diag_params(OpDef& op) {
  op.param("k", PType::kInt, "0",
           "Diagonal in question. The default is 0. Use k>0 for diagonals above the main diagonal, and k<0 "
           "for diagonals below the main diagonal. If input has shape (S0 S1) k must be between -S0 and S1");
  op.param("axis1", PType::kInt, "0",
           "The first axis of the sub-arrays of interest. Ignored when the input is a 1-D array.");
  op.param("axis2", PType::kInt, "1",
           "The second axis of the sub-arrays of interest. Ignored when the input is a 1-D array.");
  return op;
}

// ================================================================== moments
// Mean and (population) variance over `axes`. The kept axes (in order) index the
// outputs, the reduced axes (in order) the members of each output's group; offsets
// are walked with an odometer, so nothing proportional to the array is stored.
struct AxesWalk {
  int n = 0;
  int64_t dim[kMaxDim] = {0}, stride[kMaxDim] = {0};
  int64_t count() const {
    int64_t c = 1;
    for (int k = 0; k < n; ++k) c *= dim[k];
    return c;
  }
  int64_t offset(int64_t i) const {  // offset of the i-th position (row-major over the axes)
    int64_t off = 0;
    for (int k = n - 1; k >= 0; --k) {
      off += (i % dim[k]) * stride[k];
      i /= dim[k];
    }
    return off;
  }
  template <class F>
  void each(F f) const {  // f(offset) for every position, in order
    int64_t total = count();
    int64_t idx[kMaxDim] = {0}, off = 0;
    for (int64_t i = 0; i < total; ++i) {
      f(off);
      for (int k = n - 1; k >= 0; --k) {
        off += stride[k];
        if (++idx[k] < dim[k]) break;
        off -= stride[k] * dim[k];
        idx[k] = 0;
      }
    }
  }
};
struct MomentsPlan {
  Shape out;
  AxesWalk kept, reduced;
};

std::vector<bool> moments_axes(const Attrs& a, const Shape& in) {
  const char* op = N(a);
  MXL_CHECK(!a.none("axes") && a.shape("axes").ndim > 0, Err::kInvalidArgument, op,
            ": empty axes is not supported; for moments over the whole array pass every axis in axes");
  // normalize_axis lets axis 0 through for a 0-d array (it counts as one element)
  MXL_CHECK(in.ndim >= 1, Err::kShape, op, ": expected data of at least 1 dimension, got shape ", in);
  std::vector<bool> f(size_t(std::max(in.ndim, 0)), false);
  const Shape& ax = a.shape("axes");
  for (int i = 0; i < ax.ndim; ++i) {
    int d = normalize_axis(op, ax[i], in.ndim);
    MXL_CHECK(!f[d], Err::kInvalidArgument, op, ": axes ", ax, " contain axis ", d, " twice");
    f[d] = true;
  }
  return f;
}

Shape moments_shape(const Attrs& a, const Shape& in, const std::vector<bool>& f) {
  Shape o;
  o.ndim = 0;
  for (int d = 0; d < in.ndim; ++d) {
    if (!f[d]) o.d[o.ndim++] = in[d];
    else if (a.b("keepdims")) o.d[o.ndim++] = 1;
  }
  if (o.ndim == 0) o = Shape({1});  // every axis reduced: (1,), as MXNet 1.x reductions
  return o;
}

MomentsPlan moments_plan(const Attrs& a, const Shape& in) {
  MomentsPlan p;
  std::vector<bool> reduced = moments_axes(a, in);
  p.out = moments_shape(a, in, reduced);
  int64_t stride[kMaxDim];
  contiguous_strides(in.ndim, in.d, stride);
  for (int d = 0; d < in.ndim; ++d) {
    AxesWalk& w = reduced[d] ? p.reduced : p.kept;
    w.dim[w.n] = in[d];
    w.stride[w.n++] = stride[d];
  }
  return p;
}

// Mean then the mean squared deviation, in double for every dtype (converted back
// to the dtype like MXNet, so integer inputs give truncated integer moments).
template <class T>
void moments_forward_t(const Attrs& a, const TBlob& x, const TBlob& mean, const TBlob& var) {
  MomentsPlan p = moments_plan(a, x.shape);
  const T* xp = x.ptr<T>();
  T *mp = mean.ptr<T>(), *vp = var.ptr<T>();
  int64_t n = p.reduced.count();
  int64_t grain = std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(n, 1));
  parallel_for(p.kept.count(), grain, [&](int64_t b, int64_t e) {
    for (int64_t o = b; o < e; ++o) {
      const T* g = xp + p.kept.offset(o);
      double s = 0;
      p.reduced.each([&](int64_t off) { s += double(g[off]); });
      double m = n ? s / double(n) : std::nan("");
      double ss = 0;
      p.reduced.each([&](int64_t off) { ss += (double(g[off]) - m) * (double(g[off]) - m); });
      mp[o] = cast_to<T>(m);
      vp[o] = cast_to<T>(n ? ss / double(n) : std::nan(""));
    }
  });
}
// in: ograd of mean, ograd of var, data, mean; out: d data =
// (g_mean + 2 g_var (x - mean)) / n.
template <class T>
void moments_backward_t(const Attrs& a, const Blobs& in, const TBlob& gx) {
  MomentsPlan p = moments_plan(a, in[2].shape);
  const T *gm = in[0].ptr<T>(), *gv = in[1].ptr<T>(), *xp = in[2].ptr<T>(), *mp = in[3].ptr<T>();
  T* o = gx.ptr<T>();
  int64_t n = p.reduced.count();
  int64_t grain = std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(n, 1));
  parallel_for(p.kept.count(), grain, [&](int64_t b, int64_t e) {
    for (int64_t g = b; g < e; ++g) {
      double m = double(mp[g]), dm = double(gm[g]), dv = double(gv[g]);
      int64_t base = p.kept.offset(g);
      p.reduced.each([&](int64_t off) {
        int64_t i = base + off;
        o[i] = cast_to<T>((dm + 2.0 * dv * (double(xp[i]) - m)) / double(n));
      });
    }
  });
}
OpDef& moments_params(OpDef& op) {
  op.param_optional("axes", PType::kShape, "Array of ints. Axes along which to compute mean and variance.");
  op.param("keepdims", PType::kBool, "False",
           "produce moments with the same dimensionality as the input.");
  return op;
}


// ========================================================= sequence ops
// data is (T, B, ...) for axis 0 or (B, T, ...) for axis 1: T steps of B sequences
// of `inner` elements each; sequence_length (B,) holds each sequence's length (any
// dtype, truncated like an index).
struct SeqLayout {
  int64_t steps = 0, batch = 0, inner = 1;
  bool batch_major = false;  // axis 1
  int64_t at(int64_t t, int64_t b) const {
    return (batch_major ? b * steps + t : t * batch + b) * inner;
  }
};

SeqLayout seq_layout(const char* op, const Attrs& a, const Shape& d) {
  MXL_CHECK(d.ndim >= 2, Err::kShape, op, ": the data array must be of rank 2 or greater, got shape ", d);
  int64_t axis = a.i("axis");
  SeqLayout l;
  l.batch_major = axis == 1;
  l.steps = d[l.batch_major ? 1 : 0];
  l.batch = d[l.batch_major ? 0 : 1];
  for (int k = 2; k < d.ndim; ++k) l.inner *= d[k];
  return l;
}

std::vector<std::string> seq_inputs(const Attrs& a, std::vector<std::string> v) {
  if (a.b("use_sequence_length")) v.push_back("sequence_length");
  return v;
}

// in[data_idx] is the data; with use_sequence_length the last input is (B,).
void seq_check_lengths_shape(const char* op, const Attrs& a, Shapes& in, const SeqLayout& l) {
  if (a.b("use_sequence_length")) assign_shape(op, "sequence_length", in.back(), Shape({l.batch}));
}

// Each sequence's length: all of T without sequence_length; otherwise read (floats
// truncate) and checked to lie in [lo, T] where the op cannot do without (lo < 0:
// any value, clamped to [0, T]).
std::vector<int64_t> seq_lengths(const char* op, const Attrs& a, const Blobs& in, const SeqLayout& l, int64_t lo) {
  std::vector<int64_t> len(size_t(l.batch), l.steps);
  if (!a.b("use_sequence_length")) return len;
  std::vector<int64_t> v = index_values(in.back());
  for (int64_t b = 0; b < l.batch; ++b) {
    int64_t n = v[size_t(b)];
    if (lo >= 0)
      MXL_CHECK(n >= lo && n <= l.steps, Err::kIndex, op, ": sequence_length[", b, "] = ", n,
                " is outside [", lo, ", ", l.steps, "] (the sequence axis has ", l.steps, " steps)");
    len[size_t(b)] = n < 0 ? 0 : n > l.steps ? l.steps : n;
  }
  return len;
}

// out = data, with steps t >= length of each sequence set to value.
template <class T>
void sequence_mask_t(const Attrs& a, const Blobs& in, const TBlob& out) {
  SeqLayout l = seq_layout("SequenceMask", a, in[0].shape);
  std::vector<int64_t> len = seq_lengths("SequenceMask", a, in, l, -1);
  const T* x = in[0].ptr<T>();
  T* y = out.ptr<T>();
  T value = saturate_cast<T>(a.f("value"));
  int64_t rows = l.steps * l.batch;
  parallel_for(rows, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(l.inner, 1)), [&](int64_t b0, int64_t e0) {
    for (int64_t r = b0; r < e0; ++r) {
      // row r enumerates (t, b) in the data's own order
      int64_t t = l.batch_major ? r % l.steps : r / l.batch, b = l.batch_major ? r / l.steps : r % l.batch;
      int64_t off = l.at(t, b);
      if (t < len[size_t(b)]) {
        if (x != y) std::copy(x + off, x + off + l.inner, y + off);
      } else {
        std::fill(y + off, y + off + l.inner, value);
      }
    }
  });
}

// out (B, ...) = data at step length - 1 of each sequence. Backward (Scatter): the
// gradient (B, ...) goes to those steps of a zero array of data's shape.
template <class T, bool Scatter>
void sequence_last_t(const Attrs& a, const Blobs& in, const TBlob& out, const Shape& data_shape) {
  const char* op = Scatter ? "_backward_SequenceLast" : "SequenceLast";
  SeqLayout l = seq_layout(op, a, data_shape);
  std::vector<int64_t> len = seq_lengths(op, a, in, l, 1);
  const T* src = in[0].ptr<T>();
  T* dst = out.ptr<T>();
  if (Scatter) std::fill(dst, dst + out.size(), T(0));
  parallel_for(l.batch, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(l.inner, 1)), [&](int64_t b0, int64_t e0) {
    for (int64_t b = b0; b < e0; ++b) {
      int64_t full = l.at(len[size_t(b)] - 1, b), last = b * l.inner;
      if (Scatter) std::copy(src + last, src + last + l.inner, dst + full);
      else std::copy(src + full, src + full + l.inner, dst + last);
    }
  });
}

// out = data with the first length steps of each sequence reversed; later steps stay.
template <class T>
void sequence_reverse_t(const Attrs& a, const Blobs& in, const TBlob& out) {
  SeqLayout l = seq_layout("SequenceReverse", a, in[0].shape);
  std::vector<int64_t> len = seq_lengths("SequenceReverse", a, in, l, 0);
  const T* x = in[0].ptr<T>();
  T* y = out.ptr<T>();
  int64_t rows = l.steps * l.batch;
  parallel_for(rows, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(l.inner, 1)), [&](int64_t b0, int64_t e0) {
    for (int64_t r = b0; r < e0; ++r) {
      int64_t t = r / l.batch, b = r % l.batch, n = len[size_t(b)];
      int64_t from = t < n ? n - 1 - t : t;
      std::copy(x + l.at(from, b), x + l.at(from, b) + l.inner, y + l.at(t, b));
    }
  });
}

OpDef& seq_params(OpDef& op, bool with_value, bool axis_one_ok) {
  op.param("use_sequence_length", PType::kBool, "False",
           "If set to true, this layer takes in an extra input parameter `sequence_length` to specify "
           "variable length sequence");
  if (with_value) op.param("value", PType::kFloat, "0", "The value to be used as a mask.");
  op.param("axis", PType::kInt, "0",
           axis_one_ok ? "The sequence axis. Only values of 0 and 1 are currently supported."
                       : "The sequence axis. Only 0 is currently supported.");
  op.range(0, axis_one_ok ? 1 : 0);
  return op;
}

// The output dtype is data's; sequence_length keeps its own (data's when unknown).
bool seq_type(const Attrs& a, Types& in, Types& out) {
  if (in.size() > 1 && in[1] < 0 && in[0] >= 0) in[1] = in[0];
  if (in[0] < 0 && out[0] >= 0) in[0] = out[0];
  if (in[0] < 0) return false;
  MXL_CHECK(DType(in[0]) != DType::b8, Err::kDType, N(a), ": unsupported dtype bool");
  for (size_t i = 0; i < out.size(); ++i) assign_type(N(a), "output", out[i], in[0]);
  return in.size() < 2 || in[1] >= 0;
}

// ====================================================================== LRN
// Across channels (axis 1): y_c = x_c * S_c^-beta with S_c = knorm + alpha / nsize *
// sum of x_j^2 over the channels j within (nsize - 1) / 2 of c (MXNet's window: for an
// even nsize it holds nsize - 1 channels). Sums and powers in double.
struct ChannelView {
  int64_t outer = 1, channels = 1, inner = 1;  // (N, C, rest...)
};
ChannelView channel_view(const Shape& s) {
  ChannelView v;
  v.outer = s[0];
  v.channels = s[1];
  for (int k = 2; k < s.ndim; ++k) v.inner *= s[k];
  return v;
}

// Fills S (C values) for the column of x starting at x0 with stride `inner`.
template <class T>
void lrn_scale(const Attrs& a, const T* x0, int64_t C, int64_t inner, double* S) {
  int64_t half = (a.i("nsize") - 1) / 2;
  double k = a.f("knorm"), coef = a.f("alpha") / double(a.i("nsize"));
  for (int64_t c = 0; c < C; ++c) {
    double sum = 0;
    for (int64_t j = std::max<int64_t>(0, c - half); j <= std::min(C - 1, c + half); ++j) {
      double v = double(x0[j * inner]);
      sum += v * v;
    }
    S[c] = k + coef * sum;
  }
}

// Backward (in: ograd, data): dx_i = g_i S_i^-beta - 2 beta alpha / nsize * x_i *
// sum over c within the window of i of g_c x_c S_c^(-beta - 1).
template <class T, bool Backward>
void lrn_t(const Attrs& a, const Blobs& in, const TBlob& out) {
  const TBlob& data = Backward ? in[1] : in[0];
  ChannelView v = channel_view(data.shape);
  const T* x = data.ptr<T>();
  const T* g = Backward ? in[0].ptr<T>() : nullptr;
  T* y = out.ptr<T>();
  double beta = a.f("beta"), coef = a.f("alpha") / double(a.i("nsize"));
  int64_t half = (a.i("nsize") - 1) / 2, C = v.channels;
  int64_t columns = v.outer * v.inner;
  parallel_for(columns, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(C, 1)), [&](int64_t b, int64_t e) {
    std::vector<double> S(static_cast<size_t>(C)), w(static_cast<size_t>(C));
    for (int64_t col = b; col < e; ++col) {
      int64_t base = (col / v.inner) * C * v.inner + col % v.inner;
      lrn_scale<T>(a, x + base, C, v.inner, S.data());
      if (!Backward) {
        for (int64_t c = 0; c < C; ++c)
          y[base + c * v.inner] = T(double(x[base + c * v.inner]) * std::pow(S[size_t(c)], -beta));
        continue;
      }
      for (int64_t c = 0; c < C; ++c) {
        int64_t at = base + c * v.inner;
        w[size_t(c)] = double(g[at]) * double(x[at]) * std::pow(S[size_t(c)], -beta - 1);
      }
      for (int64_t i = 0; i < C; ++i) {
        double sum = 0;
        for (int64_t c = std::max<int64_t>(0, i - half); c <= std::min(C - 1, i + half); ++c) sum += w[size_t(c)];
        int64_t at = base + i * v.inner;
        y[at] = T(double(g[at]) * std::pow(S[size_t(i)], -beta) - 2 * beta * coef * double(x[at]) * sum);
      }
    }
  });
}
OpDef& lrn_params(OpDef& op) {
  op.param("alpha", PType::kFloat, "0.0001", "The variance scaling parameter :math:`\\alpha` in the LRN expression.");
  op.param("beta", PType::kFloat, "0.75", "The power parameter :math:`\\beta` in the LRN expression.");
  op.param("knorm", PType::kFloat, "2", "The parameter :math:`k` in the LRN expression.");
  op.param_required("nsize", PType::kInt, "normalization window width in elements.");
  op.range(1, 1e9);
  return op;
}
bool lrn_shape(const Attrs& a, Shapes& in, Shapes& out) {
  const Shape& d = in.back();  // data (the last input of the backward too)
  if (!d.known()) return false;
  MXL_CHECK(d.ndim >= 2, Err::kShape, N(a), ": expected data of at least 2 dimensions (N, C, ...), got shape ", d);
  for (Shape& s : in) assign_shape(N(a), "input", s, d);
  assign_shape(N(a), "output", out[0], d);
  return true;
}

// ========================================================== L2Normalization
// y = x / sqrt(sum x^2 + eps), the sum over every axis but the first (instance), over
// axis 1 (channel) or over axes 2.. (spatial). The data is viewed as (outer, mid,
// inner) with the sum over mid.
ChannelView l2_view(const Attrs& a, const Shape& s) {
  ChannelView v;  // reused: outer, channels = mid (summed), inner
  const std::string& mode = a.s("mode");
  MXL_CHECK(mode == "instance" || s.ndim >= 3, Err::kShape, N(a), ": at least 3 dimensions are required in ", mode,
            " mode, got shape ", s);
  int64_t rest = 1;
  for (int k = 2; k < s.ndim; ++k) rest *= s[k];
  if (mode == "instance") {
    v.outer = s[0];
    v.channels = s.size() / std::max<int64_t>(s[0], 1);
    if (s[0] == 0) v.channels = 0;
  } else if (mode == "channel") {
    v.outer = s[0];
    v.channels = s[1];
    v.inner = rest;
  } else {
    v.outer = s[0] * s[1];
    v.channels = rest;
  }
  return v;
}

// Backward (in: ograd, data): dx = g / n - x * sum(g x) / n^3, n the group's norm.
template <class T, bool Backward>
void l2norm_t(const Attrs& a, const Blobs& in, const TBlob& out) {
  const TBlob& data = Backward ? in[1] : in[0];
  ChannelView v = l2_view(a, data.shape);
  const T* x = data.ptr<T>();
  const T* g = Backward ? in[0].ptr<T>() : nullptr;
  T* y = out.ptr<T>();
  double eps = a.f("eps");
  int64_t groups = v.outer * v.inner, M = v.channels;
  parallel_for(groups, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(M, 1)), [&](int64_t b, int64_t e) {
    for (int64_t grp = b; grp < e; ++grp) {
      int64_t base = (grp / v.inner) * M * v.inner + grp % v.inner;
      double ss = 0, gx = 0;
      for (int64_t m = 0; m < M; ++m) {
        double xv = double(x[base + m * v.inner]);
        ss += xv * xv;
        if (Backward) gx += double(g[base + m * v.inner]) * xv;
      }
      double norm = std::sqrt(ss + eps);
      for (int64_t m = 0; m < M; ++m) {
        int64_t at = base + m * v.inner;
        y[at] = Backward ? T(double(g[at]) / norm - double(x[at]) * gx / (norm * norm * norm))
                         : T(double(x[at]) / norm);
      }
    }
  });
}
OpDef& l2norm_params(OpDef& op) {
  op.param("eps", PType::kFloat, "1e-10", "A small constant for numerical stability.");
  op.param_enum("mode", {"channel", "instance", "spatial"}, "instance", "Specify the dimension along which to compute L2 norm.");
  return op;
}
bool l2norm_shape(const Attrs& a, Shapes& in, Shapes& out) {
  const Shape& d = in.back();
  if (!d.known()) return false;
  l2_view(a, d);  // checks the rank the mode needs
  for (Shape& s : in) assign_shape(N(a), "input", s, d);
  assign_shape(N(a), "output", out[0], d);
  return true;
}

// ============================================================ linalg gemm
// Matrices sit on two axes of each input: rows on `axis` (default -2), columns on the
// last axis; every other axis is a batch axis and must match between the inputs. Each
// matrix is then a row-major matrix whose leading dimension is the stride of `axis`,
// which the BLAS takes as it is (no copies for float32/float64).
struct GemmDims {
  int ax = 0;                 // rows axis of every input/output
  int64_t M = 0, N = 0, K = 0;
  Shape out;
};

GemmDims gemm_dims(const Attrs& a, const Shape& A, const Shape& B) {
  const char* op = N(a);
  MXL_CHECK(A.ndim >= 2 && A.ndim == B.ndim, Err::kShape, op,
            ": A and B must have the same number of dimensions, at least 2; got shapes ", A, " and ", B);
  GemmDims d;
  int nd = A.ndim;
  d.ax = normalize_axis(op, a.i("axis"), nd);
  MXL_CHECK(d.ax != nd - 1, Err::kInvalidArgument, op, ": axis (the rows axis) cannot be the last axis, got axis=",
            a.i("axis"));
  bool ta = a.b("transpose_a"), tb = a.b("transpose_b");
  for (int k = 0; k < nd; ++k)
    MXL_CHECK(k == d.ax || k == nd - 1 || A[k] == B[k], Err::kShape, op,
              ": shapes of A and B must be the same except on the row/col axes, got ", A, " and ", B);
  d.M = ta ? A[nd - 1] : A[d.ax];
  d.K = ta ? A[d.ax] : A[nd - 1];
  int64_t kb = tb ? B[nd - 1] : B[d.ax];
  d.N = tb ? B[d.ax] : B[nd - 1];
  MXL_CHECK(d.K == kb, Err::kShape, op, ": incompatible matrix dimensions: op(A) is ", d.M, " x ", d.K,
            " and op(B) is ", kb, " x ", d.N, " (A ", A, ", B ", B, ", transpose_a=", ta ? "True" : "False",
            ", transpose_b=", tb ? "True" : "False", ")");
  d.out = A;
  d.out.d[d.ax] = d.M;
  d.out.d[nd - 1] = d.N;
  return d;
}

// Element offsets of every batch (the axes other than rows and columns) of shape s.
std::vector<int64_t> batch_offsets(const Shape& s, int ax) {
  int64_t stride[kMaxDim];
  contiguous_strides(s.ndim, s.d, stride);
  std::vector<int64_t> offs = {0};
  for (int k = 0; k < s.ndim - 1; ++k) {
    if (k == ax) continue;
    std::vector<int64_t> next;
    next.reserve(offs.size() * size_t(s[k]));
    for (int64_t o : offs)
      for (int64_t i = 0; i < s[k]; ++i) next.push_back(o + i * stride[k]);
    offs.swap(next);
  }
  return offs;
}
int64_t row_stride(const Shape& s, int ax) {
  int64_t st = 1;
  for (int k = ax + 1; k < s.ndim; ++k) st *= s[k];
  return st;
}

// out = alpha op(A) op(B) + beta C (C: nullptr for gemm2), one BLAS call per batch
// (the BLAS threads each call). float32 and float64, as MXNet.
template <class T>
void gemm_batched(const Attrs& a, const TBlob& A, const TBlob& B, const TBlob* C, const TBlob& out) {
  GemmDims d = gemm_dims(a, A.shape, B.shape);
  bool ta = a.b("transpose_a"), tb = a.b("transpose_b");
  double alpha = a.f("alpha"), beta = C ? a.f("beta") : 0.0;
  if (C && C->data != out.data)
    std::memcpy(out.data, C->data, size_t(out.size()) * sizeof(T));
  std::vector<int64_t> oa = batch_offsets(A.shape, d.ax), ob = batch_offsets(B.shape, d.ax),
                       oc = batch_offsets(out.shape, d.ax);
  int64_t lda = row_stride(A.shape, d.ax), ldb = row_stride(B.shape, d.ax), ldc = row_stride(out.shape, d.ax);
  for (size_t bi = 0; bi < oa.size(); ++bi) {
    const T* pa = A.ptr<T>() + oa[bi];
    const T* pb = B.ptr<T>() + ob[bi];
    T* pc = out.ptr<T>() + oc[bi];
    if (d.M == 0 || d.N == 0) continue;
    if constexpr (std::is_same_v<T, float>)
      gemm(ta, tb, d.M, d.N, d.K, float(alpha), pa, lda, pb, ldb, float(beta), pc, ldc);
    else
      gemm_f64(ta, tb, d.M, d.N, d.K, alpha, pa, lda, pb, ldb, beta, pc, ldc);
  }
}

// MXNet's linalg ops take float32 and float64 only.
bool gemm_type(const Attrs& a, Types& in, Types& out) {
  bool known = type_same(a, in, out);
  for (int t : in)
    MXL_CHECK(t < 0 || DType(t) == DType::f32 || DType(t) == DType::f64, Err::kDType, N(a),
              ": only float32 and float64 are supported, got ", dtype_name(DType(t)));
  return known;
}

OpDef& gemm_params(OpDef& op, bool with_beta) {
  op.param("transpose_a", PType::kBool, "False", "Multiply with transposed of first input (A).");
  op.param("transpose_b", PType::kBool, "False", "Multiply with transposed of second input (B).");
  op.param("alpha", PType::kFloat, "1", "Scalar factor multiplied with A*B.");
  if (with_beta) op.param("beta", PType::kFloat, "1", "Scalar factor multiplied with C.");
  op.param("axis", PType::kInt, "-2", "Axis corresponding to the matrix rows.");
  return op;
}

// The gradients of A and B of alpha op(A) op(B), each one gemm2 of the output
// gradient g with the other input (transposes worked out per case).
// A float parameter passed on to another op, without losing digits.
std::string float_param(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.17g", v);
  return buf;
}

GVals gemm_grads(GradGraph& g, const Attrs& a) {
  bool ta = a.b("transpose_a"), tb = a.b("transpose_b");
  auto kv = [&](bool t1, bool t2) {
    return KV{{"transpose_a", t1 ? "True" : "False"}, {"transpose_b", t2 ? "True" : "False"},
              {"alpha", float_param(a.f("alpha"))}, {"axis", std::to_string(a.i("axis"))}};
  };
  GVal A = g.input(0), B = g.input(1), G = g.ograd(0);
  // d op(A) = alpha g op(B)^T ; d op(B) = alpha op(A)^T g
  GVal dA = ta ? g.op1("_linalg_gemm2", {B, G}, kv(tb, true)) : g.op1("_linalg_gemm2", {G, B}, kv(false, !tb));
  GVal dB = tb ? g.op1("_linalg_gemm2", {G, A}, kv(true, ta)) : g.op1("_linalg_gemm2", {A, G}, kv(!ta, false));
  return GVals{dA, dB};
}

// =================================================================== erfinv
// Inverse error function: Giles' single-precision approximation as the start, then
// two Newton steps on erf in double (|y| = 1 gives +-inf, |y| > 1 NaN).
double erfinv_d(double y) {
  if (!(y >= -1 && y <= 1)) return std::nan("");
  if (y == 1 || y == -1) return y * std::numeric_limits<double>::infinity();
  double w = -std::log((1 - y) * (1 + y)), p;
  if (w < 5) {
    w -= 2.5;
    p = 2.81022636e-08;
    for (double c : {3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503,
                     -0.00417768164, 0.246640727, 1.50140941})
      p = c + p * w;
  } else {
    w = std::sqrt(w) - 3;
    p = -0.000200214257;
    for (double c : {0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613,
                     0.00943887047, 1.00167406, 2.83297682})
      p = c + p * w;
  }
  double x = p * y;
  const double two_over_sqrt_pi = 1.1283791670955126;
  for (int it = 0; it < 2; ++it) x -= (std::erf(x) - y) / (two_over_sqrt_pi * std::exp(-x * x));
  return x;
}
template <class T>
void erfinv_t(const TBlob& x, const TBlob& y) {
  map_elems<T>(x, y, [](T v) { return cast_to<T>(erfinv_d(double(v))); });
}
// d/dx erfinv(x) = sqrt(pi) / 2 * exp(erfinv(x)^2)
template <class T>
void erfinv_bwd_t(const TBlob& g, const TBlob& x, const TBlob& gx) {
  const T *gp = g.ptr<T>(), *xp = x.ptr<T>();
  T* o = gx.ptr<T>();
  parallel_for(gx.size(), kParallelGrain, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) {
      double r = erfinv_d(double(xp[i]));
      o[i] = cast_to<T>(double(gp[i]) * 0.88622692545275801 * std::exp(r * r));
    }
  });
}

// ======================================================= ravel / unravel
// Flat index = sum idx_k * stride_k with strides from `shape` (row-major); unravel
// peels dims from the last: idx_k = v % dim_k, v /= dim_k, the first gets what is left.
// Integer arithmetic as C++ (truncating); values are read like indices.
void check_ravel_shape(const char* op, const Shape& shape) {
  MXL_CHECK(shape.ndim >= 1, Err::kInvalidArgument, op, ": shape must have at least one dimension");
  for (int k = 1; k < shape.ndim; ++k)
    MXL_CHECK(shape[k] != 0, Err::kInvalidArgument, op, ": shape ", shape, " has a zero dimension after the first");
}
template <class T>
void ravel_t(const Shape& shape, const TBlob& data, const TBlob& out) {
  std::vector<int64_t> v = index_values(data);
  int64_t n = out.size();
  T* o = out.ptr<T>();
  parallel_for(n, kParallelGrain, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) {
      int64_t flat = 0;
      for (int k = 0; k < shape.ndim; ++k) flat = wrap_add(wrap_mul(flat, k ? shape[k] : int64_t(1)), v[size_t(k * n + i)]);
      o[i] = saturate_cast<T>(double(flat));
    }
  });
}
template <class T>
void unravel_t(const Shape& shape, const TBlob& data, const TBlob& out) {
  std::vector<int64_t> v = index_values(data);
  int64_t n = data.size();
  T* o = out.ptr<T>();
  parallel_for(n, kParallelGrain, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) {
      int64_t rest = v[size_t(i)];
      for (int k = shape.ndim - 1; k >= 1; --k) {
        o[k * n + i] = saturate_cast<T>(double(rest % shape[k]));
        rest /= shape[k];
      }
      o[i] = saturate_cast<T>(double(rest));
    }
  });
}

// ================================================================ batch_take
// out[i] = a[i, indices[i]] with a viewed as (rows, last axis); indices are clipped
// to [0, last - 1].
template <class T>
void batch_take_t(const TBlob& a, const TBlob& idx, const TBlob& out) {
  int64_t cols = a.shape[a.shape.ndim - 1];
  std::vector<int64_t> v = index_values(idx);
  const T* ap = a.ptr<T>();
  T* o = out.ptr<T>();
  parallel_for(out.size(), kParallelGrain, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) {
      int64_t j = std::min(std::max<int64_t>(v[size_t(i)], 0), cols - 1);
      o[i] = ap[i * cols + j];
    }
  });
}

// =================================================================== cumsum
// Cumulative sums along `axis` (None: over the flattened array), viewed as (outer,
// length, inner) lines. Values are converted to the output dtype first and summed in
// it (integers wrap), float16 in float, as the output dtype decides.
struct ScanView {
  int64_t outer = 1, len = 1, inner = 1;
};
ScanView scan_view(const Attrs& a, const Shape& s) {
  ScanView v;
  if (a.none("axis")) {
    v.len = s.size();
    return v;
  }
  int ax = normalize_axis(N(a), a.i("axis"), s.ndim);
  MXL_CHECK(s.ndim >= 1, Err::kInvalidArgument, N(a), ": axis=", a.i("axis"), " given for a 0-d array");
  for (int k = 0; k < s.ndim; ++k) (k < ax ? v.outer : k == ax ? v.len : v.inner) *= s[k];
  return v;
}
int cumsum_out_type(const Attrs& a, int in) {
  if (!a.none("dtype")) return int(a.dtype("dtype"));
  return DType(in) == DType::b8 ? int(DType::i64) : in;  // bool sums count: int64, as MXNet
}
// Forward: y = running sum of x from the start of each line; Reverse (the backward):
// from the end, which is the gradient of a cumsum.
template <class O, class I, bool Reverse>
void cumsum_t(const TBlob& x, const TBlob& y, const ScanView& v) {
  using A = native_t<O>;
  const I* xp = x.ptr<I>();
  O* yp = y.ptr<O>();
  int64_t lines = v.outer * v.inner;
  parallel_for(lines, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(v.len, 1)), [&](int64_t b, int64_t e) {
    for (int64_t line = b; line < e; ++line) {
      int64_t base = (line / v.inner) * v.len * v.inner + line % v.inner;
      A acc = A(0);
      for (int64_t t = 0; t < v.len; ++t) {
        int64_t at = base + (Reverse ? v.len - 1 - t : t) * v.inner;
        acc = wrap_add(acc, A(cast_to<O>(xp[at])));
        yp[at] = O(acc);
      }
    }
  });
}
// An elementwise math op on every numeric dtype (integers computed in double and
// converted back) and its "_backward_<name>" (ograd, data) -> data's gradient.
OpDef& unary_with_backward(const std::string& name, const std::string& doc, const std::string& grad_formula,
                           FCompute fwd, FCompute bwd) {
  std::string bwd_name = "_backward_" + name;
  Registry::add(bwd_name)
      .describe("Gradient of " + name + ": inputs (ograd, data); " + grad_formula + ".")
      .input("ograd").input("data")
      .infer_shape_fn(shape_same)
      .infer_type_fn(type_same_num)
      .cpu_fn(std::move(bwd));
  return Registry::add(name)
      .describe(doc)
      .input("data")
      .infer_shape_fn(shape_same)
      .infer_type_fn(type_same_num)
      .cpu_fn(std::move(fwd))
      .grad_fn([bwd_name](GradGraph& g, const Attrs&) {
        return GVals{g.op1(bwd_name, {g.ograd(0), g.input(0)})};
      });
}

}  // namespace

// ============================================================ registrations
static OpDef& reg_hard_sigmoid = hard_sigmoid_params(Registry::add("hard_sigmoid"))
    .describe("Computes hard sigmoid of x element-wise: y = max(0, min(1, alpha * x + beta)).")
    .input("data")
    .infer_shape_fn(shape_same)
    .infer_type_fn(type_same_float)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "hard_sigmoid", { hard_sigmoid_t<T>(a, in[0], out[0]); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_hard_sigmoid", {g.ograd(0), g.input(0)}, a.raw())};
    });

static OpDef& reg_hard_sigmoid_bwd = hard_sigmoid_params(Registry::add("_backward_hard_sigmoid"))
    .describe("Gradient of hard_sigmoid: inputs (ograd, data); alpha * ograd where 0 < alpha * x + beta < 1.")
    .input("ograd").input("data")
    .infer_shape_fn(shape_same)
    .infer_type_fn(type_same_float)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_hard_sigmoid",
                       { hard_sigmoid_bwd_t<T>(a, in[0], in[1], out[0]); });
    });

static OpDef& reg_rcbrt = unary_with_backward(
    "rcbrt", "Returns element-wise inverse cube-root value of the input: rcbrt(x) = 1 / cbrt(x).",
    "ograd * -1 / (3 * x * cbrt(x))",
    [](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      MXL_NUM_SWITCH(in[0].dtype, T, "rcbrt", { rcbrt_t<T>(in[0], out[0]); });
    },
    [](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      MXL_NUM_SWITCH(in[1].dtype, T, "_backward_rcbrt", { rcbrt_bwd_t<T>(in[0], in[1], out[0]); });
    });

// MXNet has both: MakeLoss (nn, with grad_scale/normalization) and make_loss (a plain
// unary op whose gradient is ones, whatever the incoming gradient).
MXL_OP(make_loss)
    .describe("Make your own loss function in network construction.\n\n"
              "The forward pass returns data unchanged; the backward pass ignores the incoming gradient "
              "and sends back ones in data's shape. See MakeLoss for scaling and normalization options.")
    .input("data")
    .infer_shape_fn(shape_same)
    .inplace(0, 0)
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      copy_values(in[0], out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs&) { return GVals{g.op1("ones_like", {g.input(0)})}; });

MXL_OP(shape_array)
    .describe("Returns a 1D int64 array containing the shape of data.")
    .input("data")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      assign_shape(N(a), "output", out[0], Shape({int64_t(in[0].ndim)}));
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types&, Types& out) {
      assign_type(N(a), "output", out[0], int(DType::i64));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      int64_t* p = out[0].ptr<int64_t>();
      for (int d = 0; d < in[0].shape.ndim; ++d) p[d] = in[0].shape[d];
    });

MXL_OP(size_array)
    .describe("Returns a 1D int64 array of one element: the number of elements of data.")
    .input("data")
    .infer_shape_fn([](const Attrs& a, Shapes&, Shapes& out) {
      assign_shape(N(a), "output", out[0], Shape({1}));
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types&, Types& out) {
      assign_type(N(a), "output", out[0], int(DType::i64));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      out[0].ptr<int64_t>()[0] = in[0].size();
    });

static OpDef& reg_diag = diag_params(Registry::add("diag"))
    .describe("Extracts a diagonal or constructs a diagonal array.\n\n"
              "For a 1-D input, returns the 2-D square array with the input on the k-th diagonal. For an "
              "input of two or more dimensions, returns the k-th diagonal of the planes spanned by axis1 and "
              "axis2: the other axes in order, followed by the diagonal (as numpy.diagonal).")
    .input("data")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      assign_shape(N(a), "output", out[0], diag_plan(a, in[0]).out);
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_TYPE_SWITCH(in[0].dtype, T, { diag_forward_t<T>(a, in[0], out[0]); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_diag", {g.ograd(0), g.input(0)}, a.raw())};
    });

static OpDef& reg_diag_bwd = diag_params(Registry::add("_backward_diag"))
    .describe("Gradient of diag: inputs (ograd, data); output data's gradient.")
    .input("ograd").input("data")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[1].known()) return false;
      assign_shape(N(a), "ograd", in[0], diag_plan(a, in[1]).out);
      assign_shape(N(a), "data gradient", out[0], in[1]);
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_TYPE_SWITCH(in[1].dtype, T, { diag_backward_t<T>(a, in[0], in[1], out[0]); });
    });

static OpDef& reg_moments = moments_params(Registry::add("moments"))
    .describe("Calculate the mean and variance of data along axes.\n\n"
              "Outputs mean and the population variance mean((data - mean)^2); with keepdims the reduced "
              "axes stay as size 1. axes must name at least one axis.")
    .input("data")
    .outputs(2)  // output0 = mean, output1 = var (MXNet's output names)
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      Shape o = moments_shape(a, in[0], moments_axes(a, in[0]));
      assign_shape(N(a), "mean", out[0], o);
      assign_shape(N(a), "var", out[1], o);
      return true;
    })
    .infer_type_fn(type_same_num)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_NUM_SWITCH(in[0].dtype, T, "moments", { moments_forward_t<T>(a, in[0], out[0], out[1]); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_moments", {g.ograd(0), g.ograd(1), g.input(0), g.output(0)}, a.raw())};
    });

static OpDef& reg_moments_bwd = moments_params(Registry::add("_backward_moments"))
    .describe("Gradient of moments: inputs (ograd of mean, ograd of var, data, mean); output data's gradient "
              "(ograd_mean + 2 ograd_var (data - mean)) / n, n the number of reduced elements.")
    .input("ograd_mean").input("ograd_var").input("data").input("mean")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[2].known()) return false;
      Shape o = moments_shape(a, in[2], moments_axes(a, in[2]));
      assign_shape(N(a), "ograd_mean", in[0], o);
      assign_shape(N(a), "ograd_var", in[1], o);
      assign_shape(N(a), "mean", in[3], o);
      assign_shape(N(a), "data gradient", out[0], in[2]);
      return true;
    })
    .infer_type_fn(type_same_num)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_NUM_SWITCH(in[2].dtype, T, "_backward_moments", { moments_backward_t<T>(a, in, out[0]); });
    });

static OpDef& reg_seq_mask = seq_params(Registry::add("SequenceMask"), true, true)
    .describe("Sets all elements outside the sequence to a constant value.\n\n"
              "data is (max_sequence_length, batch_size, ...) for axis 0, (batch_size, max_sequence_length, "
              "...) for axis 1. With use_sequence_length, steps at or after sequence_length[b] of sequence b "
              "are set to value; without, the data is returned unchanged.")
    .input("data").input("sequence_length")
    .inputs_by([](const Attrs& a) { return seq_inputs(a, {"data"}); })
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      seq_check_lengths_shape("SequenceMask", a, in, seq_layout("SequenceMask", a, in[0]));
      assign_shape("SequenceMask", "output", out[0], in[0]);
      return true;
    })
    .infer_type_fn(seq_type)
    .inplace(0, 0)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_NUM_SWITCH(in[0].dtype, T, "SequenceMask", { sequence_mask_t<T>(a, in, out[0]); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      // The kept steps pass their gradient, the masked ones get none: the same mask with value 0.
      if (!a.b("use_sequence_length")) return GVals{g.ograd(0)};
      KV kv;
      for (const auto& p : a.raw())
        if (p.first != "value") kv.push_back(p);
      kv.push_back({"value", "0"});
      return GVals{g.op1("SequenceMask", {g.ograd(0), g.input(1)}, kv), GVal{}};
    });

static OpDef& reg_seq_last = seq_params(Registry::add("SequenceLast"), false, true)
    .describe("Takes the last element of a sequence.\n\n"
              "data is (max_sequence_length, batch_size, ...) for axis 0, (batch_size, max_sequence_length, "
              "...) for axis 1; the output is (batch_size, ...): for each sequence the step "
              "sequence_length[b] - 1 with use_sequence_length (lengths must lie in [1, max_sequence_length]), "
              "else the last step.")
    .input("data").input("sequence_length")
    .inputs_by([](const Attrs& a) { return seq_inputs(a, {"data"}); })
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      SeqLayout l = seq_layout("SequenceLast", a, in[0]);
      seq_check_lengths_shape("SequenceLast", a, in, l);
      Shape o = in[0];
      int axis = int(a.i("axis"));
      for (int k = axis; k + 1 < o.ndim; ++k) o.d[k] = o.d[k + 1];
      o.ndim -= 1;
      assign_shape("SequenceLast", "output", out[0], o);
      return true;
    })
    .infer_type_fn(seq_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_NUM_SWITCH(in[0].dtype, T, "SequenceLast", { sequence_last_t<T, false>(a, in, out[0], in[0].shape); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      if (!a.b("use_sequence_length")) return GVals{g.op1("_backward_SequenceLast", {g.ograd(0), g.input(0)}, a.raw())};
      return GVals{g.op1("_backward_SequenceLast", {g.ograd(0), g.input(0), g.input(1)}, a.raw()), GVal{}};
    });

static OpDef& reg_seq_last_bwd = seq_params(Registry::add("_backward_SequenceLast"), false, true)
    .describe("Gradient of SequenceLast: inputs (ograd, data[, sequence_length]); the ograd rows go to the "
              "steps SequenceLast took, zeros elsewhere.")
    .input("ograd").input("data").input("sequence_length")
    .inputs_by([](const Attrs& a) { return seq_inputs(a, {"ograd", "data"}); })
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[1].known()) return false;
      seq_check_lengths_shape("_backward_SequenceLast", a, in, seq_layout("_backward_SequenceLast", a, in[1]));
      assign_shape("_backward_SequenceLast", "data gradient", out[0], in[1]);
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) {
      if (in[1] < 0) return false;
      assign_type(N(a), "ograd", in[0], in[1]);
      assign_type(N(a), "data gradient", out[0], in[1]);
      if (in.size() > 2 && in[2] < 0) in[2] = in[1];
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      Blobs src = {in[0]};  // the ograd, then the lengths where given
      if (in.size() > 2) src.push_back(in[2]);
      MXL_NUM_SWITCH(in[1].dtype, T, "_backward_SequenceLast",
                     { sequence_last_t<T, true>(a, src, out[0], in[1].shape); });
    });

static OpDef& reg_seq_rev = seq_params(Registry::add("SequenceReverse"), false, false)
    .describe("Reverses the elements of each sequence.\n\n"
              "data is (max_sequence_length, batch_size, ...). With use_sequence_length the first "
              "sequence_length[b] steps of sequence b are reversed and the rest stay in place (lengths must "
              "lie in [0, max_sequence_length]); without, every sequence is reversed whole.")
    .input("data").input("sequence_length")
    .inputs_by([](const Attrs& a) { return seq_inputs(a, {"data"}); })
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      seq_check_lengths_shape("SequenceReverse", a, in, seq_layout("SequenceReverse", a, in[0]));
      assign_shape("SequenceReverse", "output", out[0], in[0]);
      return true;
    })
    .infer_type_fn(seq_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_NUM_SWITCH(in[0].dtype, T, "SequenceReverse", { sequence_reverse_t<T>(a, in, out[0]); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      // Reversing is its own inverse: the gradient is the ograd reversed the same way.
      if (!a.b("use_sequence_length")) return GVals{g.op1("SequenceReverse", {g.ograd(0)}, a.raw())};
      return GVals{g.op1("SequenceReverse", {g.ograd(0), g.input(1)}, a.raw()), GVal{}};
    });

static OpDef& reg_lrn = lrn_params(Registry::add("LRN"))
    .describe("Applies local response normalization to the input.\n\n"
              "Across channels (axis 1 of (N, C, ...)): out[c] = data[c] / (knorm + alpha / nsize * sum of "
              "data[j]^2 over the channels j with |j - c| <= (nsize - 1) / 2)^beta.")
    .input("data")
    .infer_shape_fn(lrn_shape)
    .infer_type_fn(type_same_float)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "LRN", { lrn_t<T, false>(a, in, out[0]); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_LRN", {g.ograd(0), g.input(0)}, a.raw())};
    });

static OpDef& reg_lrn_bwd = lrn_params(Registry::add("_backward_LRN"))
    .describe("Gradient of LRN: inputs (ograd, data); output data's gradient.")
    .input("ograd").input("data")
    .infer_shape_fn(lrn_shape)
    .infer_type_fn(type_same_float)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_LRN", { lrn_t<T, true>(a, in, out[0]); });
    });

static OpDef& reg_l2norm = l2norm_params(Registry::add("L2Normalization"))
    .describe("Normalize the input array using the L2 norm.\n\n"
              "out = data / sqrt(sum(data^2) + eps), the sum over every axis but the first (mode='instance'), "
              "over axis 1 (mode='channel') or over axes 2 and up (mode='spatial'); channel and spatial need "
              "at least 3 dimensions.")
    .input("data")
    .infer_shape_fn(l2norm_shape)
    .infer_type_fn(type_same_float)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "L2Normalization", { l2norm_t<T, false>(a, in, out[0]); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_L2Normalization", {g.ograd(0), g.input(0)}, a.raw())};
    });

static OpDef& reg_l2norm_bwd = l2norm_params(Registry::add("_backward_L2Normalization"))
    .describe("Gradient of L2Normalization: inputs (ograd, data); output data's gradient.")
    .input("ograd").input("data")
    .infer_shape_fn(l2norm_shape)
    .infer_type_fn(type_same_float)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_L2Normalization", { l2norm_t<T, true>(a, in, out[0]); });
    });

static OpDef& reg_gemm2 = gemm_params(Registry::add("_linalg_gemm2"), false)
    .alias("linalg_gemm2")
    .describe("Performs general matrix multiplication: out = alpha * op(A) * op(B), op(X) = X or X^T "
              "(transpose_a / transpose_b).\n\n"
              "Matrices have their rows on `axis` (default -2) and their columns on the last axis; all other "
              "axes are batch axes, equal in A and B. float32 and float64.")
    .input("A").input("B")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known() || !in[1].known()) return false;
      assign_shape(N(a), "output", out[0], gemm_dims(a, in[0], in[1]).out);
      return true;
    })
    .infer_type_fn(gemm_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      if (in[0].dtype == DType::f64) gemm_batched<double>(a, in[0], in[1], nullptr, out[0]);
      else gemm_batched<float>(a, in[0], in[1], nullptr, out[0]);  // gemm_type allows only these two
    })
    .grad_fn(gemm_grads);

static OpDef& reg_gemm = gemm_params(Registry::add("_linalg_gemm"), true)
    .alias("linalg_gemm")
    .describe("Performs general matrix multiplication and accumulation: out = alpha * op(A) * op(B) + "
              "beta * C, op(X) = X or X^T (transpose_a / transpose_b).\n\n"
              "Matrices have their rows on `axis` (default -2) and their columns on the last axis; all other "
              "axes are batch axes, equal in A, B and C. float32 and float64.")
    .input("A").input("B").input("C")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known() || !in[1].known()) return false;
      Shape o = gemm_dims(a, in[0], in[1]).out;
      assign_shape(N(a), "C", in[2], o);
      assign_shape(N(a), "output", out[0], o);
      return true;
    })
    .infer_type_fn(gemm_type)
    .inplace(2, 0)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      if (in[0].dtype == DType::f64) gemm_batched<double>(a, in[0], in[1], &in[2], out[0]);
      else gemm_batched<float>(a, in[0], in[1], &in[2], out[0]);  // gemm_type allows only these two
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      GVals r = gemm_grads(g, a);
      r.push_back(g.op1("_mul_scalar", {g.ograd(0)}, {{"scalar", float_param(a.f("beta"))}}));
      return r;
    });

static OpDef& reg_erfinv = unary_with_backward(
    "erfinv",
    "Returns element-wise inverse gauss error function of the input: erf(erfinv(x)) = x, +-inf at +-1, NaN "
    "outside [-1, 1].",
    "ograd * sqrt(pi) / 2 * exp(erfinv(x)^2)",
    [](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      MXL_NUM_SWITCH(in[0].dtype, T, "erfinv", { erfinv_t<T>(in[0], out[0]); });
    },
    [](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      MXL_NUM_SWITCH(in[1].dtype, T, "_backward_erfinv", { erfinv_bwd_t<T>(in[0], in[1], out[0]); });
    });

MXL_OP(_ravel_multi_index)
    .alias("ravel_multi_index")
    .describe("Converts a batch of index arrays into an array of flat indices.\n\n"
              "data is (len(shape), N): column i holds one multi-index; the output (N,) holds "
              "sum_k data[k, i] * prod(shape[k+1:]). The output has data's dtype; indices are not range-checked "
              "(as MXNet).")
    .input("data")
    .param("shape", PType::kShape, "None", "Shape of the array into which the multi-indices apply.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      const Shape& shape = a.shape("shape");
      check_ravel_shape(N(a), shape);
      if (!in[0].known()) return false;
      MXL_CHECK(in[0].ndim == 2, Err::kShape, N(a), ": data must be two-dimensional (len(shape), N), got shape ",
                in[0]);
      MXL_CHECK(in[0][0] == shape.ndim, Err::kShape, N(a), ": data's first dimension (", in[0][0],
                ") must equal the number of dimensions of shape ", shape);
      assign_shape(N(a), "output", out[0], Shape({in[0][1]}));
      return true;
    })
    .infer_type_fn(type_same_num)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_NUM_SWITCH(in[0].dtype, T, "_ravel_multi_index", { ravel_t<T>(a.shape("shape"), in[0], out[0]); });
    });

MXL_OP(_unravel_index)
    .alias("unravel_index")
    .describe("Converts an array of flat indices into a batch of index arrays.\n\n"
              "The output is (len(shape),) + data.shape: for each flat index v, the multi-index with "
              "v = sum_k out[k] * prod(shape[k+1:]); the first coordinate is not wrapped. The output has "
              "data's dtype.")
    .input("data")
    .param("shape", PType::kShape, "None", "Shape of the array into which the multi-indices apply.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      const Shape& shape = a.shape("shape");
      check_ravel_shape(N(a), shape);
      if (!in[0].known()) return false;
      MXL_CHECK(in[0].ndim + 1 <= kMaxDim, Err::kShape, N(a), ": data of shape ", in[0], " has too many dimensions");
      Shape o;
      o.ndim = in[0].ndim + 1;
      o.d[0] = shape.ndim;
      for (int k = 0; k < in[0].ndim; ++k) o.d[k + 1] = in[0][k];
      assign_shape(N(a), "output", out[0], o);
      return true;
    })
    .infer_type_fn(type_same_num)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_NUM_SWITCH(in[0].dtype, T, "_unravel_index", { unravel_t<T>(a.shape("shape"), in[0], out[0]); });
    });

MXL_OP(batch_take)
    .describe("Takes elements from a data batch: out[i] = a[i, indices[i]], a viewed as (rows, last axis).\n\n"
              "indices must have as many elements as a has rows; out has indices' shape and a's dtype. "
              "Out-of-range indices are clipped to [0, a.shape[-1] - 1]. (Deprecated in MXNet in favour of "
              "pick.)")
    .input("a").input("indices")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known() || !in[1].known()) return false;
      MXL_CHECK(in[0].ndim >= 1, Err::kShape, N(a), ": a must have at least one dimension, got shape ", in[0]);
      int64_t last = in[0][in[0].ndim - 1];
      int64_t rows = last ? in[0].size() / last : 0;
      MXL_CHECK(last > 0 || in[1].size() == 0, Err::kShape, N(a), ": cannot take from an empty last axis (a ",
                in[0], ")");
      MXL_CHECK(in[1].size() == rows, Err::kShape, N(a), ": indices must have one element per row of a (", rows,
                " rows of ", last, " in a ", in[0], "), got indices of shape ", in[1]);
      assign_shape(N(a), "output", out[0], in[1]);
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) {
      if (in[1] < 0) in[1] = int(DType::i32);  // MXNet's index dtype; any dtype is read as indices
      if (in[0] < 0 && out[0] >= 0) in[0] = out[0];
      if (in[0] < 0) return false;
      assign_type(N(a), "output", out[0], in[0]);
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      MXL_TYPE_SWITCH(in[0].dtype, T, { batch_take_t<T>(in[0], in[1], out[0]); });
    });

static OpDef& reg_cumsum = last_param(Registry::add("_np_cumsum")
    .alias("cumsum")
    .describe("Return the cumulative sum of the elements along a given axis.\n\n"
              "With axis None the sum runs over the flattened array and the output is 1-D. The output dtype "
              "is dtype when given, else the input's (int64 for bool); values are converted to it before "
              "they are summed.")
    .input("a")
    .param_optional("axis", PType::kInt,
                    "Axis along which the cumulative sum is computed. The default (None) is to compute the cumsum "
                    "over the flattened array.")
    .param("dtype", PType::kDType, "None",
           "Type of the returned array and of the accumulator in which the elements are summed. If dtype is "
           "not specified, it defaults to the dtype of a."), true, false)
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      scan_view(a, in[0]);  // checks the axis
      assign_shape(N(a), "output", out[0], a.none("axis") ? Shape({in[0].size()}) : in[0]);
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) {
      if (in[0] < 0) return false;
      assign_type(N(a), "output", out[0], cumsum_out_type(a, in[0]));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      ScanView v = scan_view(a, in[0].shape);
      MXL_TYPE_SWITCH(out[0].dtype, O, {
        if constexpr (std::is_same_v<O, bool>) {
          fail(Err::kDType, "_np_cumsum: unsupported output dtype bool");
        } else {
          MXL_TYPE_SWITCH(in[0].dtype, I, { cumsum_t<O, I, false>(in[0], out[0], v); });
        }
      });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_np_cumsum", {g.ograd(0), g.input(0)}, a.raw())};
    });

static OpDef& reg_cumsum_bwd = last_param(Registry::add("_backward_np_cumsum")
    .describe("Gradient of cumsum: inputs (ograd, a); the running sums of ograd from the end of each line, "
              "in a's shape and dtype.")
    .input("ograd").input("a")
    .param_optional("axis", PType::kInt, "The forward's axis.")
    .param("dtype", PType::kDType, "None", "The forward's dtype."), true, false)
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[1].known()) return false;
      assign_shape(N(a), "ograd", in[0], a.none("axis") ? Shape({in[1].size()}) : in[1]);
      assign_shape(N(a), "gradient", out[0], in[1]);
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) {
      if (in[1] < 0) return false;
      assign_type(N(a), "ograd", in[0], cumsum_out_type(a, in[1]));
      assign_type(N(a), "gradient", out[0], in[1]);
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      ScanView v = scan_view(a, in[1].shape);
      MXL_TYPE_SWITCH(out[0].dtype, O, {
        if constexpr (std::is_same_v<O, bool>) {
          fail(Err::kDType, "_backward_np_cumsum: unsupported dtype bool");
        } else {
          MXL_TYPE_SWITCH(in[0].dtype, I, { cumsum_t<O, I, true>(in[0], out[0], v); });
        }
      });
    });

}  // namespace mxl
