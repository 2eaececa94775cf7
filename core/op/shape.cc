// Shape-changing operators: reshape family, concat/stack/split, tile/repeat/reverse,
// slicing (and slice assignment), pad, space_to_depth/depth_to_space.
//
// Most kernels here are one strided copy: the op describes where each output element
// comes from as a strided "view" of the input (up to 2 axes per array axis, so tile
// and depth_to_space fit), and strided_copy (blas.cc) does the moving. Gradients use
// the same view backwards (scatter, or a sum where one input element feeds several
// outputs).
//
// Tuple parameters may hold None entries (slice's begin/end/step): the parser stores
// them as INT64_MIN, tested with is_none() below.
#include <cstring>
#include <algorithm>
#include <climits>

#include "blas.h"

namespace mxl {

Shape reshape_target(const char* op, const Shape& src, const Shape& spec_in, bool reverse) {
  std::vector<int64_t> s = src.vec(), spec = spec_in.vec(), out;
  if (reverse) {
    std::reverse(s.begin(), s.end());
    std::reverse(spec.begin(), spec.end());
  }
  auto bad = [&](const std::string& why) {
    fail(Err::kShape, op, ": cannot reshape array of shape ", src, " with shape=", spec_in,
         reverse ? " (reverse)" : "", ": ", why);
  };
  size_t i = 0;       // cursor into the source dims
  int infer = -1;     // position of the -1 in out
  for (size_t j = 0; j < spec.size(); ++j) {
    int64_t v = spec[j];
    if (v > 0) {
      out.push_back(v);
      ++i;
    } else if (v == 0) {  // copy this source dim
      if (i >= s.size()) bad("0 refers past the last source dimension");
      out.push_back(s[i++]);
    } else if (v == -1) {  // inferred from the total size
      if (infer >= 0) bad("more than one -1");
      infer = int(out.size());
      out.push_back(1);
      ++i;
    } else if (v == -2) {  // copy all remaining source dims
      while (i < s.size()) out.push_back(s[i++]);
    } else if (v == -3) {  // merge two source dims
      if (i + 1 >= s.size()) bad("-3 needs two source dimensions");
      out.push_back(s[i] * s[i + 1]);
      i += 2;
    } else if (v == -4) {  // split one source dim into the next two values
      if (j + 2 >= spec.size()) bad("-4 must be followed by two dimensions");
      if (i >= s.size()) bad("-4 refers past the last source dimension");
      int64_t d = s[i++], a = spec[j + 1], b = spec[j + 2];
      j += 2;
      if ((a == -1 && b == -1) || a < -1 || b < -1 || a == 0 || b == 0)
        bad("-4 takes two positive dimensions, one of which may be -1");
      if (a == -1) a = d % b == 0 ? d / b : -1;
      if (b == -1) b = d % a == 0 ? d / a : -1;
      if (a < 0 || b < 0 || a * b != d) bad("-4 split does not divide dimension " + std::to_string(d));
      out.push_back(a);
      out.push_back(b);
    } else {
      bad("invalid code " + std::to_string(v));
    }
  }
  if (infer >= 0) {
    int64_t known = 1;
    for (size_t k = 0; k < out.size(); ++k)
      if (int(k) != infer) known *= out[k];
    if (known == 0 || src.size() % known != 0) bad("size " + std::to_string(src.size()) + " cannot be inferred");
    out[infer] = src.size() / known;
  }
  if (reverse) std::reverse(out.begin(), out.end());
  if (int(out.size()) > kMaxDim) bad("too many dimensions");
  Shape r(out);
  if (r.size() != src.size()) bad("size " + std::to_string(src.size()) + " vs " + std::to_string(r.size()));
  return r;
}

namespace {

bool is_none(int64_t v) { return v == INT64_MIN; }
int64_t prod(const Shape& s, int b, int e) {
  int64_t p = 1;
  for (int k = b; k < e; ++k) p *= s[k];
  return p;
}

// out = in, byte for byte (reshape family; out may alias in).
void copy_blob(const TBlob& in, const TBlob& out) {
  if (in.data == out.data) return;
  size_t bytes = size_t(in.size()) * dtype_size(in.dtype);
  std::memcpy(out.data, in.data, bytes);
}
void kernel_copy(const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) { copy_blob(in[0], out[0]); }

// Gradient of an op whose output is the input's data under another shape.
GVals grad_reshape(GradGraph& g, const Attrs&) {
  return {g.op1("reshape_like", {g.ograd(0), g.input(0)})};
}

// ------------------------------------------------------------- views
// Output element i of the view (row-major over shape) is base[off + sum i_k*st_k].
struct View {
  int n = 0;
  int64_t shape[kMaxView], st[kMaxView];
  int64_t off = 0;
  void add(int64_t len, int64_t stride) { shape[n] = len; st[n] = stride; ++n; }
  int64_t size() const {
    int64_t s = 1;
    for (int k = 0; k < n; ++k) s *= shape[k];
    return s;
  }
};

// The view of a whole array (its own strides).
View full_view(const Shape& s) {
  View v;
  int64_t st[kMaxDim];
  contiguous_strides(s.ndim, s.d, st);
  for (int k = 0; k < s.ndim; ++k) v.add(s[k], st[k]);
  return v;
}

// dense = base viewed through v (gather); or the reverse (scatter into base).
void view_gather(const View& v, const TBlob& base, const TBlob& dense) {
  int64_t cs[kMaxView];
  contiguous_strides(v.n, v.shape, cs);
  strided_copy(dtype_size(base.dtype), v.n, v.shape, base.data, v.off, v.st, dense.data, 0, cs);
}
void view_scatter(const View& v, const TBlob& dense, const TBlob& base) {
  int64_t cs[kMaxView];
  contiguous_strides(v.n, v.shape, cs);
  strided_copy(dtype_size(base.dtype), v.n, v.shape, dense.data, 0, cs, base.data, v.off, v.st);
}
// Writes scalar into every element of base under v.
void view_fill(const View& v, const TBlob& base, double scalar) {
  int64_t zero[kMaxView] = {0};
  MXL_TYPE_SWITCH(base.dtype, DT, {
    DT val = saturate_cast<DT>(scalar);
    strided_copy(sizeof(DT), v.n, v.shape, &val, 0, zero, base.data, v.off, v.st);
  });
}
// base = sum of dense over every view position mapping to each base element (the
// gradient of a gather that reads elements more than once). Accumulates in double.
void view_sum(const char* op, const View& v, const TBlob& dense, const TBlob& base) {
  std::vector<double> acc(size_t(base.size()), 0.0);
  MXL_NUM_SWITCH(base.dtype, DT, op, {
    const DT* src = dense.ptr<DT>();
    int64_t idx[kMaxView] = {0}, off = v.off, total = v.size();
    for (int64_t i = 0; i < total; ++i) {
      acc[size_t(off)] += double(src[i]);
      for (int k = v.n - 1; k >= 0; --k) {
        off += v.st[k];
        if (++idx[k] < v.shape[k]) break;
        off -= v.st[k] * v.shape[k];
        idx[k] = 0;
      }
    }
    DT* dst = base.ptr<DT>();
    for (size_t i = 0; i < acc.size(); ++i) dst[i] = DT(acc[i]);
  });
}

// ------------------------------------------------------- slice regions
// begin/end/step with None entries, numpy semantics (MXNet's slice).
View slice_view(const char* op, const Shape& d, const Shape& begin, const Shape& end,
                const Shape& step) {
  MXL_CHECK(begin.ndim == end.ndim, Err::kInvalidArgument, op,
            ": begin and end must have the same length, got begin=", begin, " end=", end);
  MXL_CHECK(step.ndim == 0 || step.ndim == begin.ndim, Err::kInvalidArgument, op,
            ": step must be empty or as long as begin, got step=", step, " begin=", begin);
  MXL_CHECK(begin.ndim <= d.ndim, Err::kInvalidArgument, op, ": begin=", begin, " has more entries than the ",
            d.ndim, " dimensions of the input ", d);
  View v = full_view(d);
  for (int k = 0; k < begin.ndim; ++k) {
    int64_t len = d[k], s = step.ndim == 0 || is_none(step[k]) ? 1 : step[k];
    MXL_CHECK(s != 0, Err::kInvalidArgument, op, ": step[", k, "] cannot be 0");
    int64_t b = begin[k], e = end[k], n;
    if (s > 0) {
      b = is_none(b) ? 0 : std::clamp<int64_t>(b < 0 ? b + len : b, 0, len);
      e = is_none(e) ? len : std::clamp<int64_t>(e < 0 ? e + len : e, 0, len);
      n = e > b ? (e - b + s - 1) / s : 0;
    } else {
      b = is_none(b) ? len - 1 : std::clamp<int64_t>(b < 0 ? b + len : b, -1, len - 1);
      e = is_none(e) ? -1 : std::clamp<int64_t>(e < 0 ? e + len : e, -1, len - 1);
      n = b > e ? (b - e + (-s) - 1) / (-s) : 0;
    }
    v.off += (n > 0 ? b : 0) * v.st[k];
    v.shape[k] = n;
    v.st[k] *= s;
  }
  return v;
}
View slice_view(const Attrs& a, const Shape& d) {
  return slice_view(N(a), d, a.shape("begin"), a.shape("end"), a.shape("step"));
}
Shape view_shape(const View& v) { return Shape(v.shape, v.n); }

// slice_axis: MXNet requires 0 <= begin < end <= len after wrapping negatives.
View slice_axis_view(const Attrs& a, const Shape& d) {
  int axis = normalize_axis(N(a), a.i("axis"), d.ndim);
  int64_t len = d[axis], b = a.i("begin"), e = a.none("end") ? len : a.i("end");
  if (b < 0) b += len;
  if (e < 0) e += len;
  MXL_CHECK(b >= 0 && e <= len && b < e, Err::kInvalidArgument, N(a), ": invalid begin=", a.i("begin"),
            ", end=", a.none("end") ? std::string("None") : std::to_string(a.i("end")), " for axis ", axis,
            " of size ", len);
  View v = full_view(d);
  v.off = b * v.st[axis];
  v.shape[axis] = e - b;
  return v;
}

// slice_like: the leading corner of data, as large as shape_like on `axes`.
View slice_like_view(const Attrs& a, const Shape& d, const Shape& like) {
  const Shape& axes = a.shape("axes");
  View v = full_view(d);
  auto take = [&](int k) {
    MXL_CHECK(like[k] <= d[k], Err::kShape, N(a), ": shape_like ", like, " is larger than data ", d,
              " on axis ", k);
    v.shape[k] = like[k];
  };
  if (axes.ndim == 0) {
    MXL_CHECK(d.ndim == like.ndim, Err::kShape, N(a), ": with no axes, data ", d, " and shape_like ",
              like, " must have the same number of dimensions");
    for (int k = 0; k < d.ndim; ++k) take(k);
  } else {
    for (int k = 0; k < axes.ndim; ++k) {
      int ax = normalize_axis(N(a), axes[k], d.ndim);
      MXL_CHECK(ax < like.ndim, Err::kShape, N(a), ": axis ", axes[k], " does not exist in shape_like ", like);
      take(ax);
    }
  }
  return v;
}

// Gradient of a slice: zeros with the region set to ograd. in: (ograd, data).
template <View (*MakeView)(const Attrs&, const Shape&)>
void kernel_unslice(const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
  fill_scalar(out[0], 0);
  view_scatter(MakeView(a, out[0].shape), in[0], out[0]);
}
bool shape_of_input1(const Attrs& a, Shapes& in, Shapes& out) {
  if (!in[1].known()) return false;
  assign_shape(N(a), "output", out[0], in[1]);
  if (!in[0].known()) return true;
  // The kernels index ograd with the forward output's shape, so a directly called
  // backward op must be given exactly that shape: ask the forward op (the name less
  // "_backward_") when it has one input; slice_like's ograd is a corner of data.
  const OpDef* fwd = Registry::find(a.op->name.substr(std::strlen("_backward_")));
  if (fwd && fwd->inputs.size() == 1 && fwd->infer_shape) {
    Attrs fa = Attrs::parse(fwd, a.raw());
    Shapes fin{in[1]}, fout(size_t(fwd->num_outputs), Shape::unknown());
    if (fwd->infer_shape(fa, fin, fout))
      MXL_CHECK(in[0] == fout[0], Err::kShape, N(a), ": ograd has shape ", in[0], " but ", fwd->name,
                " of data ", in[1], " has shape ", fout[0]);
  } else {
    bool inside = in[0].ndim == in[1].ndim;
    for (int i = 0; inside && i < in[0].ndim; ++i) inside = in[0][i] <= in[1][i];
    MXL_CHECK(inside, Err::kShape, N(a), ": ograd of shape ", in[0], " does not fit in data of shape ", in[1]);
  }
  return true;
}

// ------------------------------------------------------- tile / repeat
// tile: output viewed as (r0, d0, r1, d1, ...) over data padded to a common rank.
View tile_view(const char* op, const Shape& d, const Shape& reps) {
  int nd = std::max(d.ndim, reps.ndim);
  MXL_CHECK(nd <= kMaxDim, Err::kShape, op, ": result would have more than ", kMaxDim, " dimensions");
  int64_t st[kMaxDim];
  contiguous_strides(d.ndim, d.d, st);
  View v;
  for (int k = 0; k < nd; ++k) {
    int kd = k - (nd - d.ndim), kr = k - (nd - reps.ndim);
    int64_t r = kr >= 0 ? reps[kr] : 1;
    MXL_CHECK(r >= 0, Err::kInvalidArgument, op, ": reps must be non-negative, got reps=", reps);
    v.add(r, 0);
    v.add(kd >= 0 ? d[kd] : 1, kd >= 0 ? st[kd] : 0);
  }
  return v;
}
Shape tile_shape(const View& v) {
  Shape s;
  s.ndim = v.n / 2;
  for (int k = 0; k < s.ndim; ++k) s[k] = v.shape[2 * k] * v.shape[2 * k + 1];
  return s;
}

// repeat: axis None repeats the flattened data.
View repeat_view(const Attrs& a, const Shape& d, Shape* out) {
  int64_t r = a.i("repeats");
  MXL_CHECK(r >= 0, Err::kInvalidArgument, N(a), ": repeats must be non-negative, got ", r);
  View v;
  int64_t n = 0;  // the repeated dim; its product with repeats must not wrap
  if (a.none("axis")) {
    MXL_CHECK(!__builtin_mul_overflow(d.size(), r, &n), Err::kInvalidArgument, N(a), ": repeats=", r,
              " makes the result of ", d, " too large");
    v.add(d.size(), 1);
    v.add(r, 0);
    *out = Shape({n});
    return v;
  }
  int axis = normalize_axis(N(a), a.i("axis"), d.ndim);
  int64_t st[kMaxDim];
  contiguous_strides(d.ndim, d.d, st);
  *out = d;
  MXL_CHECK(d.ndim > 0, Err::kInvalidArgument, N(a), ": a 0-d array has no axis to repeat along");
  MXL_CHECK(!__builtin_mul_overflow(d[axis], r, &n), Err::kInvalidArgument, N(a), ": repeats=", r,
            " makes the result of ", d, " too large");
  (*out)[axis] = n;
  for (int k = 0; k < d.ndim; ++k) {
    v.add(d[k], st[k]);
    if (k == axis) v.add(r, 0);
  }
  return v;
}

// ------------------------------------------------------------ reverse
View reverse_view(const Attrs& a, const Shape& d) {
  View v = full_view(d);
  const Shape& axes = a.shape("axis");
  bool seen[kMaxDim] = {false};
  for (int k = 0; k < axes.ndim; ++k) {
    int ax = normalize_axis(N(a), axes[k], d.ndim);
    MXL_CHECK(!seen[ax], Err::kInvalidArgument, N(a), ": axis ", ax, " repeated in axis=", axes);
    seen[ax] = true;
    if (d[ax] == 0) continue;
    v.off += (d[ax] - 1) * v.st[ax];
    v.st[ax] = -v.st[ax];
  }
  return v;
}

// --------------------------------------------------- depth <-> space
// NCHW only. The output, split into 6 axes, as a view of the input.
View d2s_view(const Attrs& a, const Shape& d, Shape* out) {
  int64_t b = a.i("block_size");
  MXL_CHECK(d.ndim == 4, Err::kShape, N(a), ": expected a 4-D NCHW input, got ", d);
  MXL_CHECK(d[1] % (b * b) == 0, Err::kShape, N(a), ": channels ", d[1], " of ", d,
            " must be divisible by block_size^2=", b * b);
  int64_t n = d[0], c = d[1] / (b * b), h = d[2], w = d[3];
  *out = Shape({n, c, h * b, w * b});
  View v;  // (n, c, h, i, w, j) <- in[n, (i*b + j)*c + c', h, w]
  v.add(n, d[1] * h * w);
  v.add(c, h * w);
  v.add(h, w);
  v.add(b, b * c * h * w);
  v.add(w, 1);
  v.add(b, c * h * w);
  return v;
}
View s2d_view(const Attrs& a, const Shape& d, Shape* out) {
  int64_t b = a.i("block_size");
  MXL_CHECK(d.ndim == 4, Err::kShape, N(a), ": expected a 4-D NCHW input, got ", d);
  MXL_CHECK(d[2] % b == 0 && d[3] % b == 0, Err::kShape, N(a), ": height and width of ", d,
            " must be divisible by block_size=", b);
  int64_t n = d[0], c = d[1], h = d[2] / b, w = d[3] / b;
  *out = Shape({n, c * b * b, h, w});
  View v;  // (n, i, j, c, h, w) <- in[n, c, h*b + i, w*b + j]
  v.add(n, c * d[2] * d[3]);
  v.add(b, d[3]);
  v.add(b, 1);
  v.add(c, d[2] * d[3]);
  v.add(h, b * d[3]);
  v.add(w, b);
  return v;
}

// ---------------------------------------------------------------- pad
// For each axis, the source index of every output position (-1: constant fill).
struct PadMaps {
  Shape out;
  std::vector<std::vector<int64_t>> map;
};
PadMaps pad_maps(const Attrs& a, const Shape& d) {
  const Shape& pw = a.shape("pad_width");
  const std::string& mode = a.s("mode");
  MXL_CHECK(pw.ndim == 2 * d.ndim, Err::kInvalidArgument, N(a), ": pad_width must have 2*ndim=",
            2 * d.ndim, " entries for input ", d, ", got ", pw);
  PadMaps m;
  m.out = d;
  for (int k = 0; k < d.ndim; ++k) {
    int64_t before = pw[2 * k], after = pw[2 * k + 1], n = d[k];
    MXL_CHECK(before >= 0 && after >= 0, Err::kInvalidArgument, N(a), ": pad_width must be non-negative, got ", pw);
    if (mode == "reflect")
      MXL_CHECK(before < n && after < n, Err::kInvalidArgument, N(a), ": reflect padding ", before, ",", after,
                " must be smaller than axis ", k, " of ", d);
    if (mode == "edge" && (before || after))
      MXL_CHECK(n > 0, Err::kInvalidArgument, N(a), ": edge padding of an empty axis ", k, " of ", d);
    m.out[k] = n + before + after;
    std::vector<int64_t> mp(size_t(m.out[k]));
    for (int64_t o = 0; o < m.out[k]; ++o) {
      int64_t i = o - before;
      if (i < 0 || i >= n) {
        if (mode == "constant") i = -1;
        else if (mode == "edge") i = i < 0 ? 0 : n - 1;
        else i = i < 0 ? -i : 2 * (n - 1) - i;  // reflect, edge not repeated
      }
      mp[size_t(o)] = i;
    }
    m.map.push_back(std::move(mp));
  }
  return m;
}
// Calls f(out_index, in_offset or -1) for every output element: rows of the last
// axis in parallel when `parallel` (f must then write only out_index), else in order.
template <typename F>
void pad_walk(const PadMaps& m, const Shape& d, bool parallel, F&& f) {
  int nd = m.out.ndim;
  if (nd == 0) return f(0, 0);
  int64_t st[kMaxDim], inner = m.out[nd - 1], rows = inner ? m.out.size() / inner : 0;
  contiguous_strides(d.ndim, d.d, st);
  const std::vector<int64_t>& last = m.map[size_t(nd - 1)];
  parallel_for(rows, parallel ? std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, inner)) : rows + 1,
               [&](int64_t b, int64_t e) {
    for (int64_t r = b; r < e; ++r) {
      int64_t base = 0, q = r;
      for (int k = nd - 2; k >= 0; --k) {  // source offset of the row, -1 if in the padding
        int64_t i = m.map[size_t(k)][size_t(q % m.out[k])];
        q /= m.out[k];
        base = base < 0 || i < 0 ? -1 : base + i * st[k];
      }
      for (int64_t o = 0; o < inner; ++o)
        f(r * inner + o, base < 0 || last[size_t(o)] < 0 ? -1 : base + last[size_t(o)] * st[nd - 1]);
    }
  });
}
Shape unpad_shape(const Attrs& a, const Shape& o) {
  const Shape& pw = a.shape("pad_width");
  MXL_CHECK(pw.ndim == 2 * o.ndim, Err::kInvalidArgument, N(a), ": pad_width must have 2*ndim entries, got ", pw);
  Shape d = o;
  for (int k = 0; k < o.ndim; ++k) d[k] -= pw[2 * k] + pw[2 * k + 1];
  return d;
}

// ------------------------------------------------------- concat / stack
// Concat: every input is a block of columns of the output seen as (outer, total*inner).
void concat_kernel(int axis, const Blobs& parts, const TBlob& whole, bool split) {
  const Shape& s = whole.shape;
  int64_t outer = prod(s, 0, axis), inner = prod(s, axis + 1, s.ndim), total = s[axis] * inner, col = 0;
  size_t elem = dtype_size(whole.dtype);
  for (const TBlob& p : parts) {
    int64_t w = p.shape[axis] * inner, shape[2] = {outer, w}, ps[2] = {w, 1}, ws[2] = {total, 1};
    if (split) strided_copy(elem, 2, shape, whole.data, col, ws, p.data, 0, ps);
    else strided_copy(elem, 2, shape, p.data, 0, ps, whole.data, col, ws);
    col += w;
  }
}

// Shapes of Concat's inputs/output; infers one missing input from the output.
bool concat_shape(const char* op, int64_t dim, Shapes& in, Shape& out) {
  const Shape* ref = out.known() ? &out : nullptr;
  for (auto& s : in)
    if (!ref && s.known()) ref = &s;
  if (!ref) return false;
  int nd = ref->ndim, axis = normalize_axis(op, dim, nd);
  int unknown = -1, n_unknown = 0;
  int64_t sum = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    if (!in[i].known()) {
      unknown = int(i);
      ++n_unknown;
      continue;
    }
    bool ok = in[i].ndim == nd;
    for (int k = 0; ok && k < nd; ++k) ok = k == axis || in[i][k] == (*ref)[k];
    MXL_CHECK(ok, Err::kShape, op, ": input ", i, " has shape ", in[i], ", incompatible with ", *ref,
              " (all dimensions but dim=", axis, " must match)");
    sum += in[i][axis];
  }
  if (n_unknown == 0) {
    Shape o = *ref;
    o[axis] = sum;
    assign_shape(op, "output", out, o);
    return true;
  }
  if (n_unknown == 1 && out.known() && out[axis] >= sum) {
    Shape s = out;
    s[axis] = out[axis] - sum;
    in[size_t(unknown)] = s;
    return true;
  }
  return false;
}

}  // namespace

// ================================================================ reshape family
MXL_OP(Reshape)
    .alias("reshape")
    .describe("Reshapes the input without copying semantics changes. shape may use the codes "
              "0 (copy this dim), -1 (infer), -2 (copy the remaining dims), -3 (merge two dims), "
              "-4 (split a dim into the two values that follow, one may be -1).")
    .input("data")
    .param("shape", PType::kShape, "()", "The target shape, with the special codes above.")
    .param("reverse", PType::kBool, "False", "Apply the codes from right to left.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      assign_shape(N(a), "output", out[0], reshape_target(N(a), in[0], a.shape("shape"), a.b("reverse")));
      return true;
    })
    .inplace(0, 0)
    .cpu_fn(kernel_copy)
    .grad_fn(grad_reshape);

MXL_OP(reshape_like)
    .describe("Reshapes lhs to the shape of rhs; with lhs_begin/lhs_end/rhs_begin/rhs_end, only "
              "lhs dims [lhs_begin, lhs_end) are replaced by rhs dims [rhs_begin, rhs_end).")
    .input("lhs")
    .input("rhs")
    .param_optional("lhs_begin", PType::kInt, "First lhs dim to replace (default 0; may be negative).")
    .param_optional("lhs_end", PType::kInt, "End of the lhs dims to replace (default ndim).")
    .param_optional("rhs_begin", PType::kInt, "First rhs dim to use (default 0).")
    .param_optional("rhs_end", PType::kInt, "End of the rhs dims to use (default ndim).")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known() || !in[1].known()) return false;
      const Shape &l = in[0], &r = in[1];
      auto pos = [&](const char* p, int nd, bool end) {
        if (a.none(p)) return end ? nd : 0;
        int64_t v = a.i(p);
        if (v < 0) v += nd;
        MXL_CHECK(v >= 0 && v <= nd, Err::kInvalidArgument, N(a), ": ", p, "=", a.i(p),
                  " is out of range for ", nd, " dimensions");
        return int(v);
      };
      int lb = pos("lhs_begin", l.ndim, false), le = pos("lhs_end", l.ndim, true);
      int rb = pos("rhs_begin", r.ndim, false), re = pos("rhs_end", r.ndim, true);
      MXL_CHECK(lb <= le && rb <= re, Err::kInvalidArgument, N(a), ": begin must not exceed end");
      std::vector<int64_t> o(l.d, l.d + lb);
      o.insert(o.end(), r.d + rb, r.d + re);
      o.insert(o.end(), l.d + le, l.d + l.ndim);
      MXL_CHECK(int(o.size()) <= kMaxDim, Err::kShape, N(a), ": result has too many dimensions");
      Shape s(o);
      MXL_CHECK(s.size() == l.size(), Err::kShape, N(a), ": cannot reshape lhs of shape ", l, " to ", s,
                " (from rhs ", r, "): sizes differ");
      assign_shape(N(a), "output", out[0], s);
      return true;
    })
    .infer_type_fn([](const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
      if (in[0] < 0) return false;  // rhs only lends its shape: any dtype
      assign_type(N(a), "output", out[0], in[0]);
      return in[1] >= 0;
    })
    .inplace(0, 0)
    .cpu_fn(kernel_copy)
    .grad_fn([](GradGraph& g, const Attrs&) {
      return GVals{g.op1("reshape_like", {g.ograd(0), g.input(0)}), GVal{}};
    });

MXL_OP(Flatten)
    .alias("flatten")
    .describe("Flattens to 2-D: (d0, d1*...*dn-1).")
    .input("data")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      MXL_CHECK(in[0].ndim >= 1, Err::kShape, N(a), ": expected at least 1 dimension, got a scalar");
      assign_shape(N(a), "output", out[0], Shape({in[0][0], prod(in[0], 1, in[0].ndim)}));
      return true;
    })
    .inplace(0, 0)
    .cpu_fn(kernel_copy)
    .grad_fn(grad_reshape);

MXL_OP(expand_dims)
    .describe("Inserts a new axis of size 1 at position axis.")
    .input("data")
    .param_required("axis", PType::kInt, "Position of the new axis, in [-ndim-1, ndim].")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      int nd = in[0].ndim;
      int64_t ax = a.i("axis");
      MXL_CHECK(ax >= -nd - 1 && ax <= nd, Err::kInvalidArgument, N(a), ": axis must be in the range [",
                -nd - 1, ", ", nd, "], got ", ax);
      MXL_CHECK(nd < kMaxDim, Err::kShape, N(a), ": result would have more than ", kMaxDim, " dimensions");
      if (ax < 0) ax += nd + 1;
      std::vector<int64_t> o = in[0].vec();
      o.insert(o.begin() + ax, 1);
      assign_shape(N(a), "output", out[0], Shape(o));
      return true;
    })
    .inplace(0, 0)
    .cpu_fn(kernel_copy)
    .grad_fn(grad_reshape);

MXL_OP(squeeze)
    .describe("Removes axes of length 1 (all of them, or those listed in axis). A result with no "
              "axes left keeps one, as MXNet does: squeezing (1, 1) gives (1,).")
    .input("data")
    .param_optional("axis", PType::kShape, "The axes to remove; each must have length 1.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      const Shape& d = in[0];
      bool drop[kMaxDim] = {false};
      if (a.none("axis")) {
        for (int k = 0; k < d.ndim; ++k) drop[k] = d[k] == 1;
      } else {
        const Shape& ax = a.shape("axis");
        for (int k = 0; k < ax.ndim; ++k) {
          int i = normalize_axis(N(a), ax[k], d.ndim);
          MXL_CHECK(!drop[i], Err::kInvalidArgument, N(a), ": axis ", i, " repeated in axis=", ax);
          MXL_CHECK(d[i] == 1, Err::kShape, N(a), ": cannot squeeze axis ", i, " of ", d,
                    ": its size is ", d[i], ", not 1");
          drop[i] = true;
        }
      }
      std::vector<int64_t> o;
      for (int k = 0; k < d.ndim; ++k)
        if (!drop[k]) o.push_back(d[k]);
      if (o.empty() && d.ndim > 0) o.push_back(1);
      assign_shape(N(a), "output", out[0], Shape(o));
      return true;
    })
    .inplace(0, 0)
    .cpu_fn(kernel_copy)
    .grad_fn(grad_reshape);

// ================================================================ join / split
MXL_OP(Concat)
    .alias("concat")
    .describe("Joins arrays along dim; all other dimensions must match.")
    .variadic("num_args")
    .param_required("num_args", PType::kInt, "Number of inputs.")
    .range(1, 1e9)
    .param("dim", PType::kInt, "1", "The axis to join along (may be negative).")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      return concat_shape(N(a), a.i("dim"), in, out[0]);
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      concat_kernel(normalize_axis(N(a), a.i("dim"), out[0].shape.ndim), in, out[0], false);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      GVals args{g.ograd(0)};
      int n = int(a.i("num_args"));
      for (int i = 0; i < n; ++i) args.push_back(g.input(i));
      return g.op("_backward_Concat", args, {{"num_args", std::to_string(n + 1)}, {"dim", std::to_string(a.i("dim"))}});
    });

MXL_OP(_backward_Concat)
    .describe("Gradient of Concat: splits ograd (input 0) into pieces shaped like the other inputs.")
    .variadic("num_args")
    .param_required("num_args", PType::kInt, "1 + the number of Concat inputs.")
    .range(2, 1e9)
    .param("dim", PType::kInt, "1", "Concat's axis.")
    .outputs_fn([](const Attrs& a) { return int(a.i("num_args")) - 1; })
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      bool all = true;
      for (size_t i = 0; i < out.size(); ++i) {
        if (in[i + 1].known()) assign_shape(N(a), "output", out[i], in[i + 1]);
        all = all && out[i].known();
      }
      return all;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      concat_kernel(normalize_axis(N(a), a.i("dim"), in[0].shape.ndim), out, in[0], true);
    });

MXL_OP(stack)
    .describe("Joins arrays of one shape along a new axis.")
    .variadic("num_args")
    .param("axis", PType::kInt, "0", "Position of the new axis in the result, in [-ndim-1, ndim].")
    .param_required("num_args", PType::kInt, "Number of inputs.")
    .range(1, 1e9)
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      Shape ref;
      for (size_t i = 0; i < in.size(); ++i) {
        if (!in[i].known()) continue;
        if (!ref.known()) ref = in[i];
        MXL_CHECK(in[i] == ref, Err::kShape, N(a), ": all inputs must have the same shape, input ", i,
                  " has ", in[i], " but input 0 has ", ref);
      }
      if (!ref.known() && out[0].known() && out[0].ndim > 0) {  // every input from the output
        int ax = normalize_axis(N(a), a.i("axis"), out[0].ndim);
        std::vector<int64_t> d = out[0].vec();
        d.erase(d.begin() + ax);
        ref = Shape(d);
      }
      if (!ref.known()) return false;
      int nd = ref.ndim;
      int64_t ax = a.i("axis");
      MXL_CHECK(ax >= -nd - 1 && ax <= nd, Err::kInvalidArgument, N(a), ": axis must be in the range [",
                -nd - 1, ", ", nd, "], got ", ax);
      MXL_CHECK(nd < kMaxDim, Err::kShape, N(a), ": result would have more than ", kMaxDim, " dimensions");
      if (ax < 0) ax += nd + 1;
      std::vector<int64_t> o = ref.vec();
      o.insert(o.begin() + ax, int64_t(in.size()));
      assign_shape(N(a), "output", out[0], Shape(o));
      for (auto& s : in) s = ref;
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      const Shape& s = out[0].shape;
      int ax = normalize_axis(N(a), a.i("axis"), s.ndim);
      int64_t n = int64_t(in.size()), outer = prod(s, 0, ax), inner = prod(s, ax + 1, s.ndim);
      int64_t shape[2] = {outer, inner}, ss[2] = {inner, 1}, ds[2] = {n * inner, 1};
      for (int64_t i = 0; i < n; ++i)
        strided_copy(dtype_size(out[0].dtype), 2, shape, in[size_t(i)].data, 0, ss, out[0].data, i * inner, ds);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return g.op("SliceChannel", {g.ograd(0)},
                  {{"num_outputs", std::to_string(a.i("num_args"))}, {"axis", std::to_string(a.i("axis"))},
                   {"squeeze_axis", "True"}});
    });

MXL_OP(SliceChannel)
    .alias("split")
    .describe("Splits an array along axis into num_outputs equal parts.")
    .input("data")
    .param_required("num_outputs", PType::kInt, "Number of parts.")
    .range(1, 1e9)
    .param("axis", PType::kInt, "1", "Axis to split along.")
    .param("squeeze_axis", PType::kBool, "False",
           "Remove the split axis from the outputs (requires its size == num_outputs).")
    .outputs_fn([](const Attrs& a) { return int(a.i("num_outputs")); })
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      int64_t n = a.i("num_outputs");
      if (!in[0].known() && out[0].known()) {  // the input from an output
        std::vector<int64_t> d = out[0].vec();
        bool sq = a.b("squeeze_axis");
        int ax = normalize_axis(N(a), a.i("axis"), out[0].ndim + (sq ? 1 : 0));
        if (sq) d.insert(d.begin() + ax, n);
        else d[size_t(ax)] *= n;
        in[0] = Shape(d);
      }
      if (!in[0].known()) return false;
      const Shape& d = in[0];
      int ax = normalize_axis(N(a), a.i("axis"), d.ndim);
      MXL_CHECK(d.ndim > 0 && d[ax] % n == 0, Err::kShape, N(a), ": axis ", ax, " of shape ", d,
                " cannot be split into num_outputs=", n, " equal parts");
      std::vector<int64_t> o = d.vec();
      o[size_t(ax)] = d[ax] / n;
      if (a.b("squeeze_axis")) {
        MXL_CHECK(d[ax] == n, Err::kShape, N(a), ": squeeze_axis needs axis ", ax, " of ", d,
                  " to equal num_outputs=", n);
        o.erase(o.begin() + ax);
      }
      for (auto& s : out) assign_shape(N(a), "output", s, Shape(o));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      // Split == Concat backwards, with the parts shaped as unsqueezed slices.
      int ax = normalize_axis(N(a), a.i("axis"), in[0].shape.ndim);
      Blobs parts = out;
      for (auto& p : parts) {
        p.shape = in[0].shape;
        p.shape[ax] /= int64_t(out.size());
      }
      concat_kernel(ax, parts, in[0], true);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      GVals og;
      int n = int(a.i("num_outputs"));
      for (int i = 0; i < n; ++i) og.push_back(g.ograd(i));
      if (a.b("squeeze_axis"))
        return GVals{g.op1("stack", og, {{"num_args", std::to_string(n)}, {"axis", std::to_string(a.i("axis"))}})};
      return GVals{g.op1("Concat", og, {{"num_args", std::to_string(n)}, {"dim", std::to_string(a.i("axis"))}})};
    });

// ================================================================ tile / repeat / reverse
MXL_OP(tile)
    .describe("Repeats the whole array reps[i] times along axis i (numpy.tile).")
    .input("data")
    .param_required("reps", PType::kShape, "Repetitions per axis; shorter than ndim means leading 1s.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      assign_shape(N(a), "output", out[0], tile_shape(tile_view(N(a), in[0], a.shape("reps"))));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      view_gather(tile_view(N(a), in[0].shape, a.shape("reps")), in[0], out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_tile", {g.ograd(0), g.input(0)}, a.raw())};
    });

MXL_OP(_backward_tile)
    .describe("Gradient of tile: sums ograd over the repetitions. Inputs: ograd, data.")
    .input("ograd")
    .input("data")
    .param_required("reps", PType::kShape, "tile's reps.")
    .infer_shape_fn(shape_of_input1)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      view_sum(N(a), tile_view(N(a), out[0].shape, a.shape("reps")), in[0], out[0]);
    });

MXL_OP(repeat)
    .describe("Repeats each element `repeats` times along axis (the flattened array if axis is None).")
    .input("data")
    .param_required("repeats", PType::kInt, "Repetitions of each element.")
    .param_optional("axis", PType::kInt, "Axis to repeat along; None flattens first.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      Shape o;
      repeat_view(a, in[0], &o);
      assign_shape(N(a), "output", out[0], o);
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      Shape o;
      view_gather(repeat_view(a, in[0].shape, &o), in[0], out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_repeat", {g.ograd(0), g.input(0)}, a.raw())};
    });

MXL_OP(_backward_repeat)
    .describe("Gradient of repeat: sums ograd over the repetitions. Inputs: ograd, data.")
    .input("ograd")
    .input("data")
    .param_required("repeats", PType::kInt, "repeat's repeats.")
    .param_optional("axis", PType::kInt, "repeat's axis.")
    .infer_shape_fn(shape_of_input1)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      Shape o;
      view_sum(N(a), repeat_view(a, out[0].shape, &o), in[0], out[0]);
    });

MXL_OP(reverse)
    .alias("flip")
    .describe("Reverses the order of elements along the given axes.")
    .input("data")
    .param_required("axis", PType::kShape, "The axes to reverse.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (in[0].known()) reverse_view(a, in[0]);  // validates axis
      return shape_same(a, in, out);
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      view_gather(reverse_view(a, in[0].shape), in[0], out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) { return GVals{g.op1("reverse", {g.ograd(0)}, a.raw())}; });

// ================================================================ slicing
MXL_OP(slice)
    .alias("crop")  // MXNet 1.9's deprecated name of slice
    .describe("Slices with begin/end/step per leading axis (numpy semantics; None entries mean "
              "the default: whole axis, step 1).")
    .input("data")
    .param_required("begin", PType::kShape, "Start index per axis (None for default).")
    .param_required("end", PType::kShape, "End index (exclusive) per axis (None for default).")
    .param("step", PType::kShape, "()", "Step per axis (None or missing: 1).")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      assign_shape(N(a), "output", out[0], view_shape(slice_view(a, in[0])));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      view_gather(slice_view(a, in[0].shape), in[0], out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_slice", {g.ograd(0), g.input(0)}, a.raw())};
    });

MXL_OP(_backward_slice)
    .describe("Gradient of slice: zeros shaped like data with the slice set to ograd. Inputs: ograd, data.")
    .input("ograd")
    .input("data")
    .param_required("begin", PType::kShape, "slice's begin.")
    .param_required("end", PType::kShape, "slice's end.")
    .param("step", PType::kShape, "()", "slice's step.")
    .infer_shape_fn(shape_of_input1)
    .cpu_fn(kernel_unslice<slice_view>);

static OpDef& reg_slice_axis = last_param(Registry::add("slice_axis")
    .describe("Slices [begin, end) along one axis (negative values count from the end).")
    .input("data")
    .param_required("axis", PType::kInt, "The axis to slice.")
    .param_required("begin", PType::kInt, "Start index.")
    .param_required("end", PType::kInt, "End index (exclusive); None means the end of the axis."), true, true)
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      assign_shape(N(a), "output", out[0], view_shape(slice_axis_view(a, in[0])));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      view_gather(slice_axis_view(a, in[0].shape), in[0], out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_slice_axis", {g.ograd(0), g.input(0)}, a.raw())};
    });

static OpDef& reg_backward_slice_axis = last_param(Registry::add("_backward_slice_axis")
    .describe("Gradient of slice_axis. Inputs: ograd, data.")
    .input("ograd")
    .input("data")
    .param_required("axis", PType::kInt, "slice_axis's axis.")
    .param_required("begin", PType::kInt, "slice_axis's begin.")
    .param_required("end", PType::kInt, "slice_axis's end."), true, true)
    .infer_shape_fn(shape_of_input1)
    .cpu_fn(kernel_unslice<slice_axis_view>);

MXL_OP(slice_like)
    .describe("Slices data to the shape of shape_like (on `axes`, or on every axis when empty), "
              "starting at index 0.")
    .input("data")
    .input("shape_like")
    .param("axes", PType::kShape, "()", "Axes to slice; empty means all.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known() || !in[1].known()) return false;
      assign_shape(N(a), "output", out[0], view_shape(slice_like_view(a, in[0], in[1])));
      return true;
    })
    .infer_type_fn([](const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
      if (in[0] < 0) return false;  // shape_like only lends its shape: any dtype
      assign_type(N(a), "output", out[0], in[0]);
      return in[1] >= 0;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      view_gather(slice_like_view(a, in[0].shape, in[1].shape), in[0], out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs&) {
      return GVals{g.op1("_backward_slice_like", {g.ograd(0), g.input(0)}), GVal{}};
    });

MXL_OP(_backward_slice_like)
    .describe("Gradient of slice_like: ograd placed at the origin of zeros shaped like data. Inputs: ograd, data.")
    .input("ograd")
    .input("data")
    .infer_shape_fn(shape_of_input1)
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      fill_scalar(out[0], 0);
      View v = full_view(out[0].shape);
      for (int k = 0; k < v.n; ++k) v.shape[k] = in[0].shape[k];
      view_scatter(v, in[0], out[0]);
    });

MXL_OP(_slice_assign)
    .alias("_crop_assign")
    .describe("lhs with the slice begin/end/step replaced by rhs (x[...] = y).")
    .input("lhs")
    .input("rhs")
    .param_required("begin", PType::kShape, "Start index per axis (None for default).")
    .param_required("end", PType::kShape, "End index per axis (None for default).")
    .param("step", PType::kShape, "()", "Step per axis.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known() && out[0].known()) in[0] = out[0];
      if (!in[0].known()) return false;
      assign_shape(N(a), "output", out[0], in[0]);
      assign_shape(N(a), "rhs", in[1], view_shape(slice_view(a, in[0])));
      return true;
    })
    .inplace(0, 0)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      copy_blob(in[0], out[0]);
      view_scatter(slice_view(a, out[0].shape), in[1], out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      KV zero = a.raw();
      zero.push_back({"scalar", "0"});
      return GVals{g.op1("_slice_assign_scalar", {g.ograd(0)}, zero), g.op1("slice", {g.ograd(0)}, a.raw())};
    });

MXL_OP(_slice_assign_scalar)
    .alias("_crop_assign_scalar")
    .describe("data with the slice begin/end/step set to scalar (x[...] = v).")
    .input("data")
    .param("scalar", PType::kFloat, "0", "The value to assign.")
    .param_required("begin", PType::kShape, "Start index per axis (None for default).")
    .param_required("end", PType::kShape, "End index per axis (None for default).")
    .param("step", PType::kShape, "()", "Step per axis.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (in[0].known()) slice_view(a, in[0]);  // validates begin/end/step
      return shape_same(a, in, out);
    })
    .inplace(0, 0)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      copy_blob(in[0], out[0]);
      view_fill(slice_view(a, out[0].shape), out[0], a.f("scalar"));
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      KV kv;
      for (const auto& p : a.raw())
        if (p.first != "scalar") kv.push_back(p);
      kv.push_back({"scalar", "0"});
      return GVals{g.op1("_slice_assign_scalar", {g.ograd(0)}, kv)};
    });

// ================================================================ pad
static OpDef& reg_pad = last_param(Registry::add("Pad")
    .alias("pad")
    .describe("Pads every axis: pad_width = (before0, after0, before1, after1, ...). mode "
              "'constant' fills constant_value, 'edge' repeats the edge value, 'reflect' mirrors "
              "without repeating the edge. (MXNet accepts only 4-D/5-D input; any rank works here.)")
    .input("data")
    .param_enum("mode", {"constant", "edge", "reflect"}, "", "Padding mode."), false, true)
    .param_required("pad_width", PType::kShape, "Before/after widths for every axis.")
    .param("constant_value", PType::kFloat, "0", "Fill value for mode 'constant'.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      assign_shape(N(a), "output", out[0], pad_maps(a, in[0]).out);
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      PadMaps m = pad_maps(a, in[0].shape);
      MXL_TYPE_SWITCH(in[0].dtype, DT, {
        const DT* src = in[0].ptr<DT>();
        DT* dst = out[0].ptr<DT>();
        DT fillv = saturate_cast<DT>(a.f("constant_value"));
        pad_walk(m, in[0].shape, true, [&](int64_t o, int64_t i) { dst[o] = i < 0 ? fillv : src[i]; });
      });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) { return GVals{g.op1("_backward_Pad", {g.ograd(0)}, a.raw())}; });

static OpDef& reg_backward_pad = last_param(Registry::add("_backward_Pad")
    .describe("Gradient of Pad: sums ograd back onto the source elements.")
    .input("ograd")
    .param_enum("mode", {"constant", "edge", "reflect"}, "", "Pad's mode."), false, true)
    .param_required("pad_width", PType::kShape, "Pad's pad_width.")
    .param("constant_value", PType::kFloat, "0", "Pad's constant_value (unused).")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      assign_shape(N(a), "output", out[0], unpad_shape(a, in[0]));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      PadMaps m = pad_maps(a, out[0].shape);
      std::vector<double> acc(size_t(out[0].size()), 0.0);
      MXL_NUM_SWITCH(in[0].dtype, DT, N(a), {
        const DT* og = in[0].ptr<DT>();
        pad_walk(m, out[0].shape, false, [&](int64_t o, int64_t i) {
          if (i >= 0) acc[size_t(i)] += double(og[o]);
        });
        DT* dst = out[0].ptr<DT>();
        for (size_t i = 0; i < acc.size(); ++i) dst[i] = DT(acc[i]);
      });
    });

// ================================================================ depth <-> space
// The two ops are mirror images: each gathers through its own view and its gradient
// is the other op.
using BlockView = decltype(&d2s_view);
static void def_block_op(const char* name, const char* inverse, const char* doc, BlockView view) {
  Registry::add(name)
      .describe(doc)
      .input("data")
      .param_required("block_size", PType::kInt, "Block size b.")
      .range(1, 1e9)
      .infer_shape_fn([view](const Attrs& a, Shapes& in, Shapes& out) {
        if (!in[0].known()) return false;
        Shape o;
        view(a, in[0], &o);
        assign_shape(N(a), "output", out[0], o);
        return true;
      })
      .cpu_fn([view](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
        Shape o;
        view_gather(view(a, in[0].shape, &o), in[0], out[0]);
      })
      .grad_fn([inverse](GradGraph& g, const Attrs& a) { return GVals{g.op1(inverse, {g.ograd(0)}, a.raw())}; });
}
static const bool block_ops_registered = [] {
  def_block_op("depth_to_space", "space_to_depth",
               "Moves blocks of channels into space: (N, C, H, W) -> (N, C/b^2, H*b, W*b).", d2s_view);
  def_block_op("space_to_depth", "depth_to_space",
               "Moves spatial blocks into channels: (N, C, H, W) -> (N, C*b^2, H/b, W/b).", s2d_view);
  return true;
}();

}  // namespace mxl
