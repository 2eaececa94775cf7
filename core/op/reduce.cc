// Reductions over axes (sum, mean, prod, max, min, nansum, nanprod, norm), arg
// reductions (argmax, argmin, argmax_channel), their gradients, and
// _broadcast_backward (sums a gradient back to the shape of a broadcast input).
//
// One engine serves every reduction: the input's axes are merged into runs of
// reduced / kept axes, then either each output reduces contiguous runs pairwise
// (innermost axis reduced) or rows of contiguous outputs accumulate across the
// reduced axes in blocks (innermost axis kept). Floats accumulate pairwise (half in
// float), integers in int64; work is split over outputs, or over fixed blocks of the
// input for a full reduction, so results do not depend on the thread count.
#include <cstring>
#include <memory>
#include <vector>

#include "reduce_math.h"

namespace mxl {
namespace {

// ------------------------------------------------------------------ axes
// Which input axes a reduction removes. axis None or () means all axes (MXNet 1.x).
std::vector<bool> reduce_flags(const Attrs& a, const Shape& in) {
  const char* op = a.op->name.c_str();
  std::vector<bool> f(size_t(std::max(in.ndim, 0)), false);
  bool all = a.none("axis") || a.shape("axis").ndim == 0;
  if (all) {
    std::fill(f.begin(), f.end(), true);
    return f;
  }
  const Shape& ax = a.shape("axis");
  for (int i = 0; i < ax.ndim; ++i) {
    int d = normalize_axis(op, ax[i], in.ndim);
    if (in.ndim == 0) continue;  // axis 0 of a 0-d array is accepted and reduces nothing
    MXL_CHECK(!f[d], Err::kInvalidArgument, op, ": reduction axes ", ax, " contain axis ", d, " twice");
    f[d] = true;
  }
  bool exclude = a.op->param_index("exclude") >= 0 && a.b("exclude");
  if (exclude) f.flip();
  return f;
}

// The output shape; a reduction to zero dimensions gives (1,), as in MXNet 1.x.
Shape reduced_shape(const Shape& in, const std::vector<bool>& f, bool keepdims) {
  Shape o;
  o.ndim = 0;
  for (int i = 0; i < in.ndim; ++i) {
    if (!f[i]) o.d[o.ndim++] = in[i];
    else if (keepdims) o.d[o.ndim++] = 1;
  }
  if (o.ndim == 0) {
    o.ndim = 1;
    o.d[0] = 1;
  }
  return o;
}

int64_t reduced_count(const Shape& in, const std::vector<bool>& f) {
  int64_t n = 1;
  for (int i = 0; i < in.ndim; ++i)
    if (f[i]) n *= in[i];
  return n;
}

// ------------------------------------------------------------------ plan
struct RPlan {
  int nk = 0, nr = 0;  // kept / reduced runs, outermost first
  int64_t kdim[kMaxDim], kstride[kMaxDim], rdim[kMaxDim], rstride[kMaxDim];
  int64_t out_size = 1, red_size = 1;
  bool last_reduced = false;  // innermost run is reduced (contiguous segments)
};

RPlan make_rplan(const Shape& in, const std::vector<bool>& f) {
  int nd = 0;
  int64_t dim[kMaxDim];
  bool red[kMaxDim];
  for (int i = 0; i < in.ndim; ++i) {
    if (in[i] == 1) continue;
    if (nd > 0 && red[nd - 1] == bool(f[i])) {
      dim[nd - 1] *= in[i];
    } else {
      dim[nd] = in[i];
      red[nd] = f[i];
      ++nd;
    }
  }
  RPlan p;
  int64_t st = 1;
  int64_t stride[kMaxDim];
  for (int d = nd - 1; d >= 0; --d) {
    stride[d] = st;
    st *= dim[d];
  }
  for (int d = 0; d < nd; ++d) {
    if (red[d]) {
      p.rdim[p.nr] = dim[d];
      p.rstride[p.nr++] = stride[d];
      p.red_size *= dim[d];
    } else {
      p.kdim[p.nk] = dim[d];
      p.kstride[p.nk++] = stride[d];
      p.out_size *= dim[d];
    }
  }
  p.last_reduced = nd > 0 && red[nd - 1];
  return p;
}

// Input offset of kept index `o` over the first n kept runs.
inline int64_t kept_offset(const RPlan& p, int n, int64_t o) {
  int64_t off = 0;
  for (int d = n - 1; d >= 0; --d) {
    off += (o % p.kdim[d]) * p.kstride[d];
    o /= p.kdim[d];
  }
  return off;
}

// Odometer over the first n reduced runs, tracking the input offset.
struct RedIter {
  const RPlan& p;
  int n;
  int64_t idx[kMaxDim] = {0};
  int64_t off = 0;
  RedIter(const RPlan& plan, int runs) : p(plan), n(runs) {}
  void next() {
    for (int d = n - 1; d >= 0; --d) {
      off += p.rstride[d];
      if (++idx[d] < p.rdim[d]) return;
      off -= p.rstride[d] * p.rdim[d];
      idx[d] = 0;
    }
  }
};

// The reducer table (SumR, MaxR, Norm2R, ...) is in reduce_math.h, shared with the
// CUDA kernels.
using namespace reduction;

// Combines two partial results, letting NaN win for max/min.
template <class R, class A>
inline A merge(A a, A b) {
  if constexpr (R::nan_wins && std::is_floating_point_v<A>) {
    if (is_nan(a)) return a;
    if (is_nan(b)) return b;
  }
  return R::comb(a, b);
}

// Reduces n contiguous elements pairwise: 8 independent accumulators over blocks of
// at most 128 (vectorisable), halves recursively above that (numpy's scheme).
template <class R, class A, class T>
A reduce_contig(const T* x, int64_t n) {
  if (n <= 128) {
    A r[8];
    for (int k = 0; k < 8; ++k) r[k] = R::template init<A>();
    int64_t i = 0;
    for (; i + 8 <= n; i += 8)
      for (int k = 0; k < 8; ++k) r[k] = R::comb(r[k], R::template map<A>(x[i + k]));
    for (int k = 0; i < n; ++i, ++k) r[k] = R::comb(r[k], R::template map<A>(x[i]));
    for (int w = 4; w > 0; w /= 2)
      for (int k = 0; k < w; ++k) r[k] = R::comb(r[k], r[k + w]);
    if constexpr (R::nan_wins && std::is_floating_point_v<A>) {  // a second pass over the block, in L1
      bool nan = false;
      for (int64_t j = 0; j < n; ++j) nan |= is_nan(native_t<T>(x[j]));
      if (nan) return std::numeric_limits<A>::quiet_NaN();
    }
    return r[0];
  }
  int64_t h = n / 2;
  h -= h % 8;
  return merge<R>(reduce_contig<R, A>(x, h), reduce_contig<R, A>(x + h, n - h));
}

// Runs reducer R over the plan and calls store(output_index, accumulator).
template <class R, class A, class T, class Store>
void reduce_run(const RPlan& p, const T* x, Store&& store) {
  const int64_t n = p.red_size;
  if (p.out_size == 0) return;
  if (n == 0 || p.nr == 0) {  // nothing to reduce: empty reductions, or no reduced axis of size > 1
    parallel_for(p.out_size, kParallelGrain, [&](int64_t b, int64_t e) {
      for (int64_t o = b; o < e; ++o)
        store(o, n == 0 ? R::template init<A>() : R::template map<A>(x[kept_offset(p, p.nk, o)]));
    });
    return;
  }
  if (p.last_reduced) {
    const int64_t inner = p.rdim[p.nr - 1];
    if (p.nk == 0 && p.nr == 1) {  // everything: fixed blocks in parallel, then combine
      constexpr int64_t kBlock = 1 << 16;
      const int64_t nb = (inner + kBlock - 1) / kBlock;
      std::unique_ptr<A[]> part(new A[size_t(nb)]);  // not vector: A may be bool
      parallel_for(nb, 1, [&](int64_t b, int64_t e) {
        for (int64_t k = b; k < e; ++k)
          part[k] = reduce_contig<R, A>(x + k * kBlock, std::min(kBlock, inner - k * kBlock));
      });
      A acc = part[0];
      for (int64_t k = 1; k < nb; ++k) acc = merge<R>(acc, part[k]);
      store(0, acc);
      return;
    }
    const int64_t segs = n / inner;
    parallel_for(p.out_size, std::max<int64_t>(1, kParallelGrain / n), [&](int64_t b, int64_t e) {
      for (int64_t o = b; o < e; ++o) {
        const T* base = x + kept_offset(p, p.nk, o);
        RedIter it(p, p.nr - 1);
        A acc = R::template init<A>();
        for (int64_t s = 0; s < segs; ++s, it.next()) acc = merge<R>(acc, reduce_contig<R, A>(base + it.off, inner));
        store(o, acc);
      }
    });
    return;
  }
  // Innermost run kept: rows of L contiguous outputs accumulate across the reduced
  // runs, in blocks of 128 reduced steps for accuracy.
  const int64_t L = p.kdim[p.nk - 1];
  const int64_t rows = p.out_size / L;
  const int64_t width = std::min<int64_t>(L, 512);
  const int64_t chunks = (L + width - 1) / width;
  parallel_for(rows * chunks, std::max<int64_t>(1, kParallelGrain / (n * width)), [&](int64_t b, int64_t e) {
    std::unique_ptr<A[]> tot(new A[size_t(width)]), blk(new A[size_t(width)]);
    for (int64_t t = b; t < e; ++t) {
      const int64_t row = t / chunks, j0 = (t % chunks) * width, w = std::min(width, L - j0);
      const T* base = x + kept_offset(p, p.nk - 1, row) + j0;
      A* pt = tot.get();
      A* pb = blk.get();
      std::fill(pt, pt + w, R::template init<A>());
      std::fill(pb, pb + w, R::template init<A>());
      RedIter it(p, p.nr);
      int cnt = 0;
      for (int64_t r = 0; r < n; ++r, it.next()) {
        const T* px = base + it.off;
        for (int64_t j = 0; j < w; ++j) pb[j] = merge<R>(pb[j], R::template map<A>(px[j]));
        if (++cnt == 128 || r == n - 1) {
          for (int64_t j = 0; j < w; ++j) {
            pt[j] = merge<R>(pt[j], pb[j]);
            pb[j] = R::template init<A>();
          }
          cnt = 0;
        }
      }
      for (int64_t j = 0; j < w; ++j) store(row * L + j0 + j, pt[j]);
    }
  });
}

// Dispatches the input dtype, admitting bool only where the reducer allows it.
#define REDUCE_SWITCH(R, t, T, op, ...)   \
  do {                                   \
    if constexpr (R::bool_ok) {          \
      MXL_TYPE_SWITCH(t, T, __VA_ARGS__) \
    } else {                             \
      MXL_NUM_SWITCH(t, T, op, __VA_ARGS__) \
    }                                    \
  } while (0)

// Reduces `in` into `out` (out may have another dtype: norm's out_dtype).
template <class R>
void reduce_blob(const Attrs& a, const TBlob& in, const TBlob& out) {
  std::vector<bool> f = reduce_flags(a, in.shape);
  RPlan p = make_rplan(in.shape, f);
  const int64_t n = p.red_size;
  REDUCE_SWITCH(R, in.dtype, T, a.op->name, {
    using A = typename R::template acc<T>;
    const T* x = in.ptr<T>();
    if (out.dtype == in.dtype) {
      T* y = out.ptr<T>();
      reduce_run<R, A>(p, x, [&](int64_t o, A acc) { y[o] = cast_to<T>(R::finish(acc, n)); });
    } else {
      std::unique_ptr<A[]> tmp(new A[size_t(p.out_size)]);
      reduce_run<R, A>(p, x, [&](int64_t o, A acc) { tmp[o] = R::finish(acc, n); });
      MXL_NUM_SWITCH(out.dtype, O, a.op->name, {
        O* y = out.ptr<O>();
        for (int64_t o = 0; o < p.out_size; ++o) y[o] = cast_to<O>(tmp[o]);
      });
    }
  });
}

template <class R>
void reduce_forward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  reduce_blob<R>(a, in[0], out[0]);
}

template <class R>
bool reduce_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  if (!in[0].known()) return false;
  const char* op = a.op->name.c_str();
  std::vector<bool> f = reduce_flags(a, in[0]);
  Shape o = reduced_shape(in[0], f, a.b("keepdims"));
  MXL_CHECK(!R::nonempty || reduced_count(in[0], f) > 0 || o.size() == 0, Err::kInvalidArgument, op,
            ": zero-size reduction of an array of shape ", in[0], " (the operation has no identity)");
  assign_shape(op, "output", out[0], o);
  return true;
}

// _backward_<op>(ograd, data[, output]) -> ograd * d out / d data, in data's shape.
template <class R>
void reduce_backward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  const Shape& ds = in[1].shape;
  std::vector<bool> f = reduce_flags(a, ds);
  Shape keep = ds;
  for (int i = 0; i < ds.ndim; ++i)
    if (f[i]) keep[i] = 1;
  const int64_t n = reduced_count(ds, f);
  if (out[0].size() == 0) return;
  MXL_NUM_SWITCH(in[1].dtype, T, a.op->name, {
    using C = float_t_of<T>;
    const T* g = in[0].ptr<T>();
    const T* x = in[1].ptr<T>();
    const T* y = in.size() > 2 ? in[2].ptr<T>() : g;
    T* gx = out[0].ptr<T>();
    const Shape* ins[3] = {&keep, &ds, &keep};
    BcastPlan p = make_bcast_plan(ds, ins, 3);
    const int64_t sg = p.stride[0][p.nd - 1];
    bcast_for(p, [&](int64_t o, const int64_t* off, int64_t len) {
      for (int64_t i = 0; i < len; ++i) {
        C gv = C(g[off[0] + i * sg]), yv = C(y[off[2] + i * sg]), xv = C(x[off[1] + i]);
        gx[o + i] = cast_to<T>(gv * R::grad(xv, yv, n));
      }
    });
  });
}

bool backward_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  if (!in[1].known()) return false;
  out[0] = in[1];
  // ograd (and the forward output) must have the forward output's shape: the kernel
  // reads them with the reduced shape's strides. Called directly they may not.
  Shape reduced = reduced_shape(in[1], reduce_flags(a, in[1]), a.b("keepdims"));
  for (size_t i = 0; i < in.size(); ++i)
    if (i != 1 && in[i].known())
      MXL_CHECK(in[i] == reduced, Err::kShape, a.op->name, ": input ", i == 0 ? "ograd" : "output", " has shape ",
                in[i], " but the reduction of data ", in[1], " has shape ", reduced);
  return in[0].known();
}

// ------------------------------------------------------------------ registration
void axis_params(OpDef& op) {
  op.param_optional("axis", PType::kShape,
                    "The axis or axes to reduce; None or () reduces all axes. Negative axes count from the end.")
      .param("keepdims", PType::kBool, "False", "Keep the reduced axes in the result as size-1 dimensions.")
      .param("exclude", PType::kBool, "False", "Reduce every axis except those in `axis`.");
}

template <class R>
OpDef& def_reduce(OpDef& op, const char* doc) {
  axis_params(op.describe(doc).input("data").infer_shape_fn(reduce_shape<R>).cpu_fn(reduce_forward<R>));
  op.infer_type_fn(R::bool_ok ? FInferType(type_same) : FInferType(type_same_num));
  std::string bwd = "_backward_" + op.name;
  OpDef& b = Registry::add(bwd);
  b.describe("Gradient of " + op.name + ".").input("ograd").input("data");
  if (R::uses_out) b.input("output");
  axis_params(b.infer_shape_fn(backward_shape).infer_type_fn(type_same_num).cpu_fn(reduce_backward<R>));
  op.grad_fn([bwd](GradGraph& g, const Attrs& a) {
    GVals in = {g.ograd(0), g.input(0)};
    if (R::uses_out) in.push_back(g.output(0));
    return GVals{g.op1(bwd, in, a.raw())};
  });
  return op;
}

#define MXL_REDUCE(name, R, doc) \
  static ::mxl::OpDef& MXL_OP_CONCAT(mxl_reduce_, __COUNTER__) = def_reduce<R>(::mxl::Registry::add(#name), doc)

MXL_REDUCE(sum, SumR, "Sum of array elements over the given axes.").alias("sum_axis");
MXL_REDUCE(mean, MeanR, "Mean of array elements over the given axes (integers divide with truncation).");
MXL_REDUCE(prod, ProdR, "Product of array elements over the given axes.");
MXL_REDUCE(max, MaxR, "Maximum of array elements over the given axes (NaN propagates).").alias("max_axis");
MXL_REDUCE(min, MinR, "Minimum of array elements over the given axes (NaN propagates).").alias("min_axis");
MXL_REDUCE(nansum, NanSumR, "Sum over the given axes, treating NaN as zero.");
MXL_REDUCE(nanprod, NanProdR, "Product over the given axes, treating NaN as one.");

// ------------------------------------------------------------------ norm
template <class F>
void norm_dispatch(const Attrs& a, F&& f) {
  if (a.i("ord") == 1) f(Norm1R());
  else f(Norm2R());
}

void norm_params(OpDef& op) {
  op.param("ord", PType::kInt, "2", "Order of the norm: 1 (sum of |x|) or 2 (Euclidean).")
      .range(1, 2)
      .param_optional("axis", PType::kShape, "The axis or axes to compute the norm over; None means all.")
      .param_enum("out_dtype", {"None", "float16", "float32", "float64", "int32", "int64", "int8"}, "None",
                  "The dtype of the result (default: the input's).")
      .param("keepdims", PType::kBool, "False", "Keep the reduced axes as size-1 dimensions.");
}

OpDef& def_norm(OpDef& op) {
  op.describe("The L1 or L2 norm of the elements over the given axes (all by default).").input("data");
  norm_params(op);
  op.infer_shape_fn(reduce_shape<Norm2R>)
      .infer_type_fn([](const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
        if (in[0] < 0) return false;
        type_check_all(a, in, false);
        const std::string& od = a.s("out_dtype");
        assign_type("norm", "output", out[0], od == "None" ? in[0] : int(dtype_from_name(od)));
        return true;
      })
      .cpu_fn([](const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
        norm_dispatch(a, [&](auto r) { reduce_blob<decltype(r)>(a, in[0], out[0]); });
      })
      .grad_fn([](GradGraph& g, const Attrs& a) {
        GVals in = {g.ograd(0), g.input(0), g.output(0)};
        if (a.s("out_dtype") != "None") {  // bring ograd and the result back to the input's dtype
          in[0] = g.op1("_backward_Cast", {in[0], g.input(0)});
          in[2] = g.op1("_backward_Cast", {in[2], g.input(0)});
        }
        return GVals{g.op1("_backward_norm", in, a.raw())};
      });
  OpDef& b = Registry::add("_backward_norm");
  b.describe("Gradient of norm.").input("ograd").input("data").input("output");
  norm_params(b);
  b.infer_shape_fn(backward_shape)
      .infer_type_fn(type_same_num)
      .cpu_fn([](const OpCtx& c, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
        norm_dispatch(a, [&](auto r) { reduce_backward<decltype(r)>(c, a, in, out); });
      });
  return op;
}
static OpDef& norm_op = def_norm(Registry::add("norm"));

// ------------------------------------------------------------ argmax / argmin
// The index (in the input's dtype, like MXNet) of the first maximum / minimum along
// one axis, or over the flattened array when axis is None. NaN counts as extreme.
Shape arg_shape(const char* op, const Shape& in, bool axis_none, int64_t axis, bool keepdims) {
  MXL_CHECK(in.size() > 0, Err::kInvalidArgument, op, ": cannot reduce an empty array of shape ", in);
  std::vector<bool> f(size_t(in.ndim), axis_none);
  int d = axis_none ? 0 : normalize_axis(op, axis, in.ndim);
  if (!axis_none && in.ndim > 0) f[size_t(d)] = true;  // axis 0 of a 0-d array: its one element
  return reduced_shape(in, f, keepdims);
}

template <bool kMax>
void arg_kernel(const char* op, const TBlob& in, const TBlob& out, bool axis_none, int64_t axis) {
  int64_t outer = 1, n = in.size(), inner = 1;
  if (!axis_none && in.shape.ndim > 0) {  // a 0-d array: one lane of one element
    int d = normalize_axis(op, axis, in.shape.ndim);
    outer = 1;
    for (int i = 0; i < d; ++i) outer *= in.shape[i];
    n = in.shape[d];
    inner = in.size() / std::max<int64_t>(outer * n, 1);
  }
  MXL_NUM_SWITCH(in.dtype, T, op, {
    using C = native_t<T>;
    const T* x = in.ptr<T>();
    T* y = out.ptr<T>();
    parallel_for(outer * inner, std::max<int64_t>(1, kParallelGrain / n), [&](int64_t b, int64_t e) {
      for (int64_t lane = b; lane < e; ++lane) {
        const T* p = x + (lane / inner) * n * inner + lane % inner;
        C best = C(p[0]);
        int64_t bi = 0;
        for (int64_t k = 1; k < n; ++k) {
          C v = C(p[k * inner]);
          bool better = kMax ? (v > best || is_nan(v)) : (v < best || is_nan(v));
          if (better && !is_nan(best)) {
            best = v;
            bi = k;
          }
        }
        y[lane] = cast_to<T>(bi);
      }
    });
  });
}

template <bool kMax>
OpDef& def_arg(OpDef& op, const char* doc) {
  return op.describe(doc)
      .input("data")
      .param_optional("axis", PType::kInt, "The axis to search; None searches the flattened array.")
      .param("keepdims", PType::kBool, "False", "Keep the reduced axis as a size-1 dimension.")
      .infer_type_fn(type_same_num)
      .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
        if (!in[0].known()) return false;
        const char* op = a.op->name.c_str();
        assign_shape(op, "output", out[0], arg_shape(op, in[0], a.none("axis"), a.i("axis"), a.b("keepdims")));
        return true;
      })
      .cpu_fn([](const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
        arg_kernel<kMax>(a.op->name.c_str(), in[0], out[0], a.none("axis"), a.i("axis"));
      })
      .grad_fn([](GradGraph& g, const Attrs&) { return GVals{g.op1("zeros_like", {g.input(0)})}; });
}
static OpDef& argmax_op = def_arg<true>(Registry::add("argmax"), "Indices of the maximum values along an axis.");
static OpDef& argmin_op = def_arg<false>(Registry::add("argmin"), "Indices of the minimum values along an axis.");

MXL_OP(argmax_channel)
    .describe("Indices of the maximum values along axis 1 (the channel axis).")
    .input("data")
    .infer_type_fn(type_same_num)
    .infer_shape_fn([](const Attrs&, std::vector<Shape>& in, std::vector<Shape>& out) {
      if (!in[0].known()) return false;
      assign_shape("argmax_channel", "output", out[0], arg_shape("argmax_channel", in[0], false, 1, false));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs&, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      arg_kernel<true>("argmax_channel", in[0], out[0], false, 1);
    })
    .grad_fn([](GradGraph& g, const Attrs&) { return GVals{g.op1("zeros_like", {g.input(0)})}; });

// --------------------------------------------------------- _broadcast_backward
// Sums ograd over the axes along which `like` was broadcast to ograd's shape, giving
// an array of like's shape: the gradient of every broadcasting op.
MXL_OP(_broadcast_backward)
    .describe("Sums ograd over the axes where `like` was broadcast, giving like's shape.")
    .input("ograd")
    .input("like")
    .infer_shape_fn([](const Attrs&, std::vector<Shape>& in, std::vector<Shape>& out) {
      if (!in[1].known()) return false;
      if (in[0].known())
        MXL_CHECK(broadcast_shapes("_broadcast_backward", in[1], in[0]) == in[0], Err::kShape,
                  "_broadcast_backward: shape ", in[1], " does not broadcast to the gradient's shape ", in[0]);
      assign_shape("_broadcast_backward", "output", out[0], in[1]);
      return in[0].known();
    })
    .infer_type_fn([](const Attrs&, std::vector<int>& in, std::vector<int>& out) {
      if (in[0] < 0) return false;
      assign_type("_broadcast_backward", "output", out[0], in[0]);
      return in[1] >= 0;
    })
    .cpu_fn([](const OpCtx&, const Attrs&, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      const Shape& gs = in[0].shape;
      const Shape& ls = out[0].shape;
      std::vector<bool> f(size_t(gs.ndim));
      for (int i = 0; i < gs.ndim; ++i) {
        int j = i - (gs.ndim - ls.ndim);
        f[i] = j < 0 || (ls[j] == 1 && gs[i] != 1);
      }
      RPlan p = make_rplan(gs, f);
      MXL_NUM_SWITCH(in[0].dtype, T, "_broadcast_backward", {
        using A = typename SumAcc<T>::type;
        T* y = out[0].ptr<T>();
        reduce_run<SumR, A>(p, in[0].ptr<T>(), [&](int64_t o, A acc) { y[o] = cast_to<T>(acc); });
      });
    });

}  // namespace
}  // namespace mxl
