// Layout CUDA kernels: reshape-like copies, transpose / SwapAxis, Concat, stack,
// SliceChannel, slice_axis, slice, reverse, tile, repeat (and the slice gradients),
// Embedding. Everything but
// Embedding is one strided copy: a source view and a destination view of one shape.
#include "common.cuh"

namespace mxlcuda {
namespace {

// n axes of `shape`, each with an element stride (negative: reversed; 0: repeated),
// from element offset `off`. tile needs two axes per dimension.
constexpr int kMaxView = 2 * MXL_CUDA_MAX_DIM;
struct View {
  int n = 0;
  int64_t shape[kMaxView] = {0};
  int64_t st[kMaxView] = {0};
  int64_t off = 0;
  void add(int64_t len, int64_t stride) {
    shape[n] = len;
    st[n++] = stride;
  }
  int64_t size() const {
    int64_t s = 1;
    for (int k = 0; k < n; ++k) s *= shape[k];
    return s;
  }
  __device__ int64_t at(int64_t i) const {  // element offset of the i-th element (row-major order)
    int64_t o = off;
    for (int k = n - 1; k >= 0; --k) {
      o += (i % shape[k]) * st[k];
      i /= shape[k];
    }
    return o;
  }
};

// The same shape, contiguous.
View dense_like(const View& v) {
  View d;
  d.n = v.n;
  int64_t s = 1;
  for (int k = v.n - 1; k >= 0; --k) {
    d.shape[k] = v.shape[k];
    d.st[k] = s;
    s *= v.shape[k];
  }
  return d;
}
// A blob as a contiguous view.
View full_view(const mxl_cuda_blob& b) {
  View v;
  v.n = b.ndim;
  for (int k = 0; k < b.ndim; ++k) v.shape[k] = b.shape[k];
  return dense_like(v);
}

template <class E>
__global__ void view_copy_kernel(const E* src, View sv, E* dst, View dv, int64_t n) {
  MXC_KERNEL_LOOP(i, n) dst[dv.at(i)] = src[sv.at(i)];
}

// dst (through dv) = src (through sv); both views have the same shape.
int view_copy(const mxl_cuda_call* c, int dtype, const void* src, const View& sv, void* dst, const View& dv) {
  int64_t n = sv.size();
  if (n == 0) return 0;
  MXC_SWITCH_BYTES(dtype, E, {
    view_copy_kernel<E><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<const E*>(src), sv, static_cast<E*>(dst), dv, n);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

int zero_fill(const mxl_cuda_call* c, const mxl_cuda_blob& b) {
  CU_CHECK_CALL(c, cudaMemsetAsync(b.data, 0, size_t(blob_size(b)) * esize(b.dtype), stream_of(c)));
  return 0;
}

int norm_axis(int64_t a, int nd) { return int(a < 0 ? a + nd : a); }

// Reshape, Flatten, expand_dims, squeeze, reshape_like: the bytes are unchanged.
int same_bytes(const mxl_cuda_call* c) {
  CU_CHECK_CALL(c, dcopy(c, c->out[0].data, c->in[0].data, size_t(blob_size(c->in[0])) * esize(c->in[0].dtype)));
  return 0;
}

// Output axis k is input axis perm[k].
int permute(const mxl_cuda_call* c, const int* perm) {
  View in = full_view(c->in[0]), sv;
  sv.n = in.n;
  for (int k = 0; k < in.n; ++k) {
    sv.shape[k] = in.shape[perm[k]];
    sv.st[k] = in.st[perm[k]];
  }
  return view_copy(c, c->in[0].dtype, c->in[0].data, sv, c->out[0].data, full_view(c->out[0]));
}
int transpose(const mxl_cuda_call* c) {
  int64_t axes[MXL_CUDA_MAX_DIM];
  int na = c->attr->shape(c->attrs, "axes", axes), nd = c->in[0].ndim;
  int perm[MXL_CUDA_MAX_DIM];
  for (int k = 0; k < nd; ++k) perm[k] = na == 0 ? nd - 1 - k : norm_axis(axes[k], nd);
  return permute(c, perm);
}
int swap_axis(const mxl_cuda_call* c) {
  int nd = c->in[0].ndim;
  int perm[MXL_CUDA_MAX_DIM];
  for (int k = 0; k < nd; ++k) perm[k] = k;
  int d1 = norm_axis(attr_i(c, "dim1"), nd), d2 = norm_axis(attr_i(c, "dim2"), nd);
  perm[d1] = d2;
  perm[d2] = d1;
  return permute(c, perm);
}

// Concat: piece i occupies [start_i, start_i + len_i) of the joined axis.
int concat_pieces(const mxl_cuda_call* c, const mxl_cuda_blob& whole, const mxl_cuda_blob* pieces, int npieces,
                  bool split) {
  int axis = norm_axis(attr_i(c, "dim"), whole.ndim);
  View wv = full_view(whole);
  int64_t start = 0;
  for (int i = 0; i < npieces; ++i) {
    View part = wv;
    part.shape[axis] = pieces[i].shape[axis];
    part.off = start * wv.st[axis];
    start += pieces[i].shape[axis];
    View dense = dense_like(part);
    int rc = split ? view_copy(c, whole.dtype, whole.data, part, pieces[i].data, dense)
                   : view_copy(c, whole.dtype, pieces[i].data, dense, whole.data, part);
    if (rc) return rc;
  }
  return 0;
}
int concat(const mxl_cuda_call* c) { return concat_pieces(c, c->out[0], c->in, c->nin, false); }
int concat_bwd(const mxl_cuda_call* c) { return concat_pieces(c, c->in[0], c->out, c->nout, true); }

// stack: input i is the slab at index i of the new axis.
int stack(const mxl_cuda_call* c) {
  const mxl_cuda_blob& o = c->out[0];
  int axis = norm_axis(attr_i(c, "axis"), o.ndim);
  View ov = full_view(o);
  for (int i = 0; i < c->nin; ++i) {
    View slab;
    slab.n = o.ndim - 1;
    for (int k = 0, j = 0; k < o.ndim; ++k) {
      if (k == axis) continue;
      slab.shape[j] = ov.shape[k];
      slab.st[j++] = ov.st[k];
    }
    slab.off = i * ov.st[axis];
    int rc = view_copy(c, o.dtype, c->in[i].data, dense_like(slab), o.data, slab);
    if (rc) return rc;
  }
  return 0;
}

// SliceChannel: output k is the k-th of num_outputs equal parts along axis.
int slice_channel(const mxl_cuda_call* c) {
  const mxl_cuda_blob& in = c->in[0];
  int axis = norm_axis(attr_i(c, "axis"), in.ndim);
  int64_t n = c->nout, len = in.shape[axis] / (n > 0 ? n : 1);
  View iv = full_view(in);
  for (int k = 0; k < c->nout; ++k) {
    View part = iv;
    part.shape[axis] = len;
    part.off = k * len * iv.st[axis];
    int rc = view_copy(c, in.dtype, in.data, part, c->out[k].data, dense_like(part));
    if (rc) return rc;
  }
  return 0;
}

// slice_axis: [begin, end) along axis (negatives wrapped; validated by the shape rule).
View slice_axis_view(const mxl_cuda_call* c, const mxl_cuda_blob& d) {
  int axis = norm_axis(attr_i(c, "axis"), d.ndim);
  int64_t len = d.shape[axis], b = attr_i(c, "begin"), e = attr_none(c, "end") ? len : attr_i(c, "end");
  if (b < 0) b += len;
  if (e < 0) e += len;
  View v = full_view(d);
  v.off = b * v.st[axis];
  v.shape[axis] = e - b;
  return v;
}
int slice_axis(const mxl_cuda_call* c) {
  View v = slice_axis_view(c, c->in[0]);
  return view_copy(c, c->in[0].dtype, c->in[0].data, v, c->out[0].data, dense_like(v));
}
// (ograd, data) -> zeros shaped like data with the slice set to ograd.
int slice_axis_bwd(const mxl_cuda_call* c) {
  int rc = zero_fill(c, c->out[0]);
  if (rc) return rc;
  View v = slice_axis_view(c, c->in[1]);
  return view_copy(c, c->out[0].dtype, c->in[0].data, dense_like(v), c->out[0].data, v);
}

// ------------------------------------------- reverse, slice, tile, repeat
// The views of shape.cc, rebuilt from the same parameters (None entries of a shape
// parameter arrive as INT64_MIN).
bool is_none(int64_t v) { return v == INT64_MIN; }

int gather(const mxl_cuda_call* c, const View& v) {
  return view_copy(c, c->in[0].dtype, c->in[0].data, v, c->out[0].data, dense_like(v));
}

int reverse(const mxl_cuda_call* c) {
  const mxl_cuda_blob& d = c->in[0];
  View v = full_view(d);
  int64_t axes[MXL_CUDA_MAX_DIM];
  int na = c->attr->shape(c->attrs, "axis", axes);
  for (int k = 0; k < na; ++k) {
    int ax = norm_axis(axes[k], d.ndim);
    if (d.shape[ax] == 0) continue;
    v.off += (d.shape[ax] - 1) * v.st[ax];
    v.st[ax] = -v.st[ax];
  }
  return gather(c, v);
}

View slice_view(const mxl_cuda_call* c, const mxl_cuda_blob& d) {
  int64_t begin[MXL_CUDA_MAX_DIM], end[MXL_CUDA_MAX_DIM], step[MXL_CUDA_MAX_DIM];
  int nb = c->attr->shape(c->attrs, "begin", begin);
  c->attr->shape(c->attrs, "end", end);
  int ns = c->attr->shape(c->attrs, "step", step);
  View v = full_view(d);
  for (int k = 0; k < nb; ++k) {
    int64_t len = d.shape[k], s = ns == 0 || is_none(step[k]) ? 1 : step[k];
    int64_t b = begin[k], e = end[k], n;
    auto clamp = [](int64_t x, int64_t lo, int64_t hi) { return x < lo ? lo : (x > hi ? hi : x); };
    if (s > 0) {
      b = is_none(b) ? 0 : clamp(b < 0 ? b + len : b, 0, len);
      e = is_none(e) ? len : clamp(e < 0 ? e + len : e, 0, len);
      n = e > b ? (e - b + s - 1) / s : 0;
    } else {
      b = is_none(b) ? len - 1 : clamp(b < 0 ? b + len : b, -1, len - 1);
      e = is_none(e) ? -1 : clamp(e < 0 ? e + len : e, -1, len - 1);
      n = b > e ? (b - e + (-s) - 1) / (-s) : 0;
    }
    v.off += (n > 0 ? b : 0) * v.st[k];
    v.shape[k] = n;
    v.st[k] *= s;
  }
  return v;
}
int slice(const mxl_cuda_call* c) { return gather(c, slice_view(c, c->in[0])); }
// (ograd, data) -> zeros shaped like data with the slice set to ograd.
int slice_bwd(const mxl_cuda_call* c) {
  int rc = zero_fill(c, c->out[0]);
  if (rc) return rc;
  View v = slice_view(c, c->in[1]);
  return view_copy(c, c->out[0].dtype, c->in[0].data, dense_like(v), c->out[0].data, v);
}

// tile: the output viewed as (r0, d0, r1, d1, ...) over data padded to a common rank.
View tile_view(const mxl_cuda_call* c, const mxl_cuda_blob& d) {
  int64_t reps[MXL_CUDA_MAX_DIM];
  int nr = c->attr->shape(c->attrs, "reps", reps);
  int nd = d.ndim > nr ? d.ndim : nr;
  View dv = full_view(d), v;
  for (int k = 0; k < nd; ++k) {
    int kd = k - (nd - d.ndim), kr = k - (nd - nr);
    v.add(kr >= 0 ? reps[kr] : 1, 0);
    v.add(kd >= 0 ? d.shape[kd] : 1, kd >= 0 ? dv.st[kd] : 0);
  }
  return v;
}
int tile(const mxl_cuda_call* c) { return gather(c, tile_view(c, c->in[0])); }

// repeat: each element `repeats` times along axis (None: the flattened data).
View repeat_view(const mxl_cuda_call* c, const mxl_cuda_blob& d) {
  int64_t r = attr_i(c, "repeats");
  View v;
  if (attr_none(c, "axis")) {
    v.add(blob_size(d), 1);
    v.add(r, 0);
    return v;
  }
  int axis = norm_axis(attr_i(c, "axis"), d.ndim);
  View dv = full_view(d);
  for (int k = 0; k < d.ndim; ++k) {
    v.add(d.shape[k], dv.st[k]);
    if (k == axis) v.add(r, 0);
  }
  return v;
}
int repeat(const mxl_cuda_call* c) { return gather(c, repeat_view(c, c->in[0])); }

// The gradient of a gather through v whose stride-0 axes repeat data: each data
// element sums the ograd elements that copied it. ograd is dense in v's shape; `kept`
// walks it in data order, `reps` over the copies of one element (no atomics, so the
// sum is deterministic).
template <class T>
__global__ void repeat_sum_kernel(const T* og, View kept, View reps, T* out, int64_t n, int64_t m) {
  MXC_KERNEL_LOOP(j, n) {
    int64_t base = kept.at(j);
    compute_t<T> acc = 0;
    for (int64_t r = 0; r < m; ++r) acc += og[base + reps.at(r)];
    out[j] = T(acc);
  }
}
int repeat_sum(const mxl_cuda_call* c, const View& v) {
  View kept, reps;
  int64_t st[kMaxView], s = 1;
  for (int k = v.n - 1; k >= 0; --k) {
    st[k] = s;
    s *= v.shape[k];
  }
  for (int k = 0; k < v.n; ++k) (v.st[k] == 0 ? reps : kept).add(v.shape[k], st[k]);
  int64_t n = blob_size(c->out[0]), m = reps.size();
  if (n == 0) return 0;
  if (kept.size() != n) return call_fail(c, kInternal, "repeat gradient: %lld kept elements for %lld outputs",
                                         (long long)kept.size(), (long long)n);
  MXC_SWITCH_NUM16(c, c->out[0].dtype, T, {
    repeat_sum_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(c->in[0].data), kept, reps, static_cast<T*>(c->out[0].data), n, m);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
// (ograd, data) -> gradient of data.
int tile_bwd(const mxl_cuda_call* c) { return repeat_sum(c, tile_view(c, c->in[1])); }
int repeat_bwd(const mxl_cuda_call* c) { return repeat_sum(c, repeat_view(c, c->in[1])); }

// ------------------------------------------------------------------ Embedding
template <class I>
__device__ inline int64_t clamp_index(I v, int64_t rows) {
  double d = double(v);
  int64_t i = d != d ? 0 : (d < -9.2e18 ? INT64_MIN : (d > 9.2e18 ? INT64_MAX : int64_t(d)));
  return i < 0 ? 0 : (i >= rows ? rows - 1 : i);
}
template <class I, class T>
__global__ void embedding_kernel(const I* idx, const T* w, T* y, int64_t n, int64_t rows, int64_t cols) {
  MXC_KERNEL_LOOP(i, n * cols) {
    int64_t r = clamp_index(idx[i / cols], rows);
    y[i] = w[r * cols + i % cols];
  }
}
template <class I, class T>
__global__ void embedding_bwd_kernel(const T* g, const I* idx, T* gw, int64_t n, int64_t rows, int64_t cols) {
  MXC_KERNEL_LOOP(i, n * cols) {
    int64_t r = clamp_index(idx[i / cols], rows);
    atomicAdd(gw + r * cols + i % cols, g[i]);
  }
}
int embedding(const mxl_cuda_call* c) {
  int64_t rows = attr_i(c, "input_dim"), cols = attr_i(c, "output_dim"), n = blob_size(c->in[0]);
  if (n * cols == 0) return 0;
  MXC_SWITCH_NUM16(c, c->in[0].dtype, I, {
    MXC_SWITCH_NUM16(c, c->in[1].dtype, T, {
      embedding_kernel<I, T><<<grid_for(n * cols), kThreads, 0, stream_of(c)>>>(
          static_cast<const I*>(c->in[0].data), static_cast<const T*>(c->in[1].data), static_cast<T*>(c->out[0].data),
          n, rows, cols);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
// (ograd, data) -> dense weight gradient (scatter-add of ograd rows).
int embedding_bwd(const mxl_cuda_call* c) {
  int64_t rows = attr_i(c, "input_dim"), cols = attr_i(c, "output_dim"), n = blob_size(c->in[1]);
  int rc = zero_fill(c, c->out[0]);
  if (rc || n * cols == 0) return rc;
  MXC_SWITCH_NUM(c, c->in[1].dtype, I, {
    MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
      embedding_bwd_kernel<I, T><<<grid_for(n * cols), kThreads, 0, stream_of(c)>>>(
          static_cast<const T*>(c->in[0].data), static_cast<const I*>(c->in[1].data), static_cast<T*>(c->out[0].data),
          n, rows, cols);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}


// ------------------------------------------------------------------ slice_like
// The leading corner of data, as large as shape_like on `axes` (every axis when empty);
// the shape rule has validated the sizes.
View slice_like_view(const mxl_cuda_call* c, const mxl_cuda_blob& d, const mxl_cuda_blob& like) {
  int64_t axes[MXL_CUDA_MAX_DIM];
  int na = c->attr->shape(c->attrs, "axes", axes);
  View v = full_view(d);
  if (na == 0) {
    for (int k = 0; k < d.ndim && k < like.ndim; ++k) v.shape[k] = like.shape[k];
  } else {
    for (int k = 0; k < na; ++k) {
      int ax = norm_axis(axes[k], d.ndim);
      v.shape[ax] = like.shape[ax];
    }
  }
  return v;
}
int slice_like(const mxl_cuda_call* c) { return gather(c, slice_like_view(c, c->in[0], c->in[1])); }
// (ograd, data) -> ograd at the origin of zeros shaped like data.
int slice_like_bwd(const mxl_cuda_call* c) {
  int rc = zero_fill(c, c->out[0]);
  if (rc) return rc;
  View v = full_view(c->out[0]);
  for (int k = 0; k < v.n; ++k) v.shape[k] = c->in[0].shape[k];
  return view_copy(c, c->out[0].dtype, c->in[0].data, dense_like(v), c->out[0].data, v);
}

// ------------------------------------------------------------------ slice assignment
int copy_input(const mxl_cuda_call* c) {  // out = in[0] (a no-op when in place)
  CU_CHECK_CALL(c, dcopy(c, c->out[0].data, c->in[0].data, size_t(blob_size(c->in[0])) * esize(c->in[0].dtype)));
  return 0;
}
// lhs with the slice replaced by rhs.
int slice_assign(const mxl_cuda_call* c) {
  int rc = copy_input(c);
  if (rc) return rc;
  View v = slice_view(c, c->out[0]);
  return view_copy(c, c->out[0].dtype, c->in[1].data, dense_like(v), c->out[0].data, v);
}
template <class T>
__global__ void view_fill_kernel(T* dst, View v, int64_t n, T val) {
  MXC_KERNEL_LOOP(i, n) dst[v.at(i)] = val;
}
// data with the slice set to scalar (converted as the CPU's saturate_cast).
int slice_assign_scalar(const mxl_cuda_call* c) {
  int rc = copy_input(c);
  if (rc) return rc;
  View v = slice_view(c, c->out[0]);
  int64_t n = v.size();
  if (n == 0) return 0;
  double scalar = attr_f(c, "scalar");
  MXC_SWITCH_ALL16(c, c->out[0].dtype, T, {
    view_fill_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<T*>(c->out[0].data), v, n,
                                                                    saturate<T>(scalar));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ------------------------------------------------------------------ depth <-> space
// NCHW; the output split into 6 axes as a view of the input (shape.cc's d2s_view /
// s2d_view; the shape rule has checked divisibility).
View d2s_view(const mxl_cuda_call* c, const mxl_cuda_blob& d) {
  int64_t b = attr_i(c, "block_size");
  int64_t n = d.shape[0], ch = d.shape[1] / (b * b), h = d.shape[2], w = d.shape[3];
  View v;  // (n, c, h, i, w, j) <- in[n, (i*b + j)*c + c', h, w]
  v.add(n, d.shape[1] * h * w);
  v.add(ch, h * w);
  v.add(h, w);
  v.add(b, b * ch * h * w);
  v.add(w, 1);
  v.add(b, ch * h * w);
  return v;
}
View s2d_view(const mxl_cuda_call* c, const mxl_cuda_blob& d) {
  int64_t b = attr_i(c, "block_size");
  int64_t n = d.shape[0], ch = d.shape[1], h = d.shape[2] / b, w = d.shape[3] / b;
  View v;  // (n, i, j, c, h, w) <- in[n, c, h*b + i, w*b + j]
  v.add(n, ch * d.shape[2] * d.shape[3]);
  v.add(b, d.shape[3]);
  v.add(b, 1);
  v.add(ch, d.shape[2] * d.shape[3]);
  v.add(h, b * d.shape[3]);
  v.add(w, b);
  return v;
}
int block_op_check(const mxl_cuda_call* c) {
  if (c->in[0].ndim != 4) return call_fail(c, kShape, "%s: expected a 4-D NCHW input", c->op_name);
  if (attr_i(c, "block_size") < 1) return call_fail(c, kInvalidArgument, "%s: block_size must be >= 1", c->op_name);
  return 0;
}
int depth_to_space(const mxl_cuda_call* c) {
  int rc = block_op_check(c);
  return rc ? rc : gather(c, d2s_view(c, c->in[0]));
}
int space_to_depth(const mxl_cuda_call* c) {
  int rc = block_op_check(c);
  return rc ? rc : gather(c, s2d_view(c, c->in[0]));
}

// ------------------------------------------------------------------ Pad
// Per axis: before width and source length; mode 0 constant, 1 edge, 2 reflect (the
// enum's order). src_index gives the source index along one axis, -1 for the fill.
struct PadGeom {
  int nd = 0;
  int mode = 0;
  int64_t before[MXL_CUDA_MAX_DIM] = {0}, n[MXL_CUDA_MAX_DIM] = {0}, out[MXL_CUDA_MAX_DIM] = {0};
  int64_t st[MXL_CUDA_MAX_DIM] = {0};  // source strides
  __device__ int64_t src_index(int k, int64_t o) const {
    int64_t i = o - before[k], len = n[k];
    if (i >= 0 && i < len) return i;
    if (mode == 0) return -1;
    if (mode == 1) return i < 0 ? 0 : len - 1;
    return i < 0 ? -i : 2 * (len - 1) - i;  // reflect, the edge not repeated
  }
  // Source offset of output element o, or -1 in a constant padding.
  __device__ int64_t src_offset(int64_t o) const {
    int64_t off = 0;
    for (int k = nd - 1; k >= 0; --k) {
      int64_t i = src_index(k, o % out[k]);
      o /= out[k];
      if (i < 0) return -1;
      off += i * st[k];
    }
    return off;
  }
};
// `data` is the unpadded array (the input of Pad, the output of _backward_Pad).
int pad_geom(const mxl_cuda_call* c, const mxl_cuda_blob& data, PadGeom* g) {
  int64_t pw[2 * MXL_CUDA_MAX_DIM];
  int npw = c->attr->shape(c->attrs, "pad_width", pw);
  if (npw != 2 * data.ndim)
    return call_fail(c, kInvalidArgument, "%s: pad_width must have 2*ndim=%d entries, got %d", c->op_name,
                     2 * data.ndim, npw);
  g->nd = data.ndim;
  g->mode = int(attr_i(c, "mode"));
  int64_t s = 1;
  for (int k = data.ndim - 1; k >= 0; --k) {
    g->before[k] = pw[2 * k];
    g->n[k] = data.shape[k];
    g->out[k] = data.shape[k] + pw[2 * k] + pw[2 * k + 1];
    g->st[k] = s;
    s *= data.shape[k];
    if (pw[2 * k] < 0 || pw[2 * k + 1] < 0)
      return call_fail(c, kInvalidArgument, "%s: pad_width must be non-negative", c->op_name);
    if (g->mode == 2 && (pw[2 * k] >= data.shape[k] || pw[2 * k + 1] >= data.shape[k]))
      return call_fail(c, kInvalidArgument, "%s: reflect padding must be smaller than axis %d", c->op_name, k);
    if (g->mode == 1 && (pw[2 * k] || pw[2 * k + 1]) && data.shape[k] == 0)
      return call_fail(c, kInvalidArgument, "%s: edge padding of an empty axis %d", c->op_name, k);
  }
  return 0;
}
template <class T>
__global__ void pad_kernel(const T* src, T* dst, PadGeom g, int64_t n, T fill) {
  MXC_KERNEL_LOOP(o, n) {
    int64_t i = g.src_offset(o);
    dst[o] = i < 0 ? fill : src[i];
  }
}
int pad(const mxl_cuda_call* c) {
  PadGeom g;
  int rc = pad_geom(c, c->in[0], &g);
  if (rc) return rc;
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  double v = attr_f(c, "constant_value");
  MXC_SWITCH_ALL16(c, c->in[0].dtype, T, {
    pad_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<const T*>(c->in[0].data),
                                                              static_cast<T*>(c->out[0].data), g, n, saturate<T>(v));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
// The gradient sums ograd onto the source elements, in double (as the CPU).
template <class T>
__global__ void unpad_acc_kernel(const T* og, double* acc, PadGeom g, int64_t n) {
  MXC_KERNEL_LOOP(o, n) {
    int64_t i = g.src_offset(o);
    if (i >= 0) atomicAdd(acc + i, double(og[o]));
  }
}
int pad_bwd(const mxl_cuda_call* c) {
  PadGeom g;
  int rc = pad_geom(c, c->out[0], &g);
  if (rc) return rc;
  int64_t n = blob_size(c->in[0]), m = blob_size(c->out[0]);
  if (m == 0) return 0;
  double* acc = static_cast<double*>(workspace(c, size_t(m) * sizeof(double)));
  if (!acc) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  CU_CHECK_CALL(c, cudaMemsetAsync(acc, 0, size_t(m) * sizeof(double), stream_of(c)));
  MXC_SWITCH_NUM16(c, c->in[0].dtype, T, {
    if (n) unpad_acc_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<const T*>(c->in[0].data), acc,
                                                                          g, n);
    from_double_kernel<T><<<grid_for(m), kThreads, 0, stream_of(c)>>>(acc, static_cast<T*>(c->out[0].data), m);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
}  // namespace

void register_shape(KernelTable& t) {
  for (const char* n : {"Reshape", "reshape_like", "Flatten", "expand_dims", "squeeze"}) t.push_back({n, same_bytes});
  t.push_back({"transpose", transpose});
  t.push_back({"SwapAxis", swap_axis});
  t.push_back({"Concat", concat});
  t.push_back({"_backward_Concat", concat_bwd});
  t.push_back({"stack", stack});
  t.push_back({"SliceChannel", slice_channel});
  t.push_back({"slice_axis", slice_axis});
  t.push_back({"_backward_slice_axis", slice_axis_bwd});
  t.push_back({"reverse", reverse});
  t.push_back({"slice", slice});
  t.push_back({"_backward_slice", slice_bwd});
  t.push_back({"tile", tile});
  t.push_back({"_backward_tile", tile_bwd});
  t.push_back({"repeat", repeat});
  t.push_back({"_backward_repeat", repeat_bwd});
  t.push_back({"Embedding", embedding});
  t.push_back({"_backward_Embedding", with_float16<embedding_bwd>});
  t.push_back({"slice_like", slice_like});
  t.push_back({"_backward_slice_like", slice_like_bwd});
  t.push_back({"_slice_assign", slice_assign});
  t.push_back({"_slice_assign_scalar", slice_assign_scalar});
  t.push_back({"depth_to_space", depth_to_space});
  t.push_back({"space_to_depth", space_to_depth});
  t.push_back({"Pad", pad});
  t.push_back({"_backward_Pad", pad_bwd});
}

}  // namespace mxlcuda
