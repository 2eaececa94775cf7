// Indexing on the device: take, pick, gather_nd, scatter_nd and their gradients
// (_backward_take, _backward_pick, _backward_gather_nd), as core/op/indexing.cc.
//
// Index arrays may have any dtype; values convert as the CPU's index_values (floats
// truncate; NaN and huge values become out-of-range indices). Where the CPU raises
// on an out-of-range index (take mode='raise', gather_nd), the kernel finds the first
// bad one on the device and reads it back (a synchronisation), so the message names
// the same index as the CPU's.
//
// Scatter-adds (the gradients of take and gather_nd) use atomics for float32/float64/
// int32/int64; for the other dtypes each output element sums its sources in order (as
// the CPU does), which is exact but slower for long index arrays.
#include "common.cuh"
#include "index_check.cuh"

namespace mxlcuda {
namespace {

// Maps an index into [0, n): clip or wrap.
__device__ inline int64_t clip_or_wrap(int64_t i, int64_t n, bool wrap) {
  if (wrap) return ((i % n) + n) % n;
  return i < 0 ? 0 : (i >= n ? n - 1 : i);
}

int64_t prod(const mxl_cuda_blob& b, int from, int to) {
  int64_t p = 1;
  for (int k = from; k < to; ++k) p *= b.shape[k];
  return p;
}
int norm_axis(const mxl_cuda_call* c, int64_t ax, int nd, int* out) {
  if (ax < -nd || ax >= nd)
    return call_fail(c, kInvalidArgument, "%s: axis %lld is out of range for %d-d data", c->op_name, (long long)ax, nd);
  *out = int(ax < 0 ? ax + nd : ax);
  return 0;
}

// ------------------------------------------------------------------ bad-index search
// (first_bad and TakeBad: index_check.cuh)
struct NdBad {  // gather_nd: position k * Y + y addresses axis k (negatives count from the end once)
  int64_t Y;
  int64_t dim[MXL_CUDA_MAX_DIM];
  __device__ bool operator()(int64_t pos, int64_t v) const {
    int64_t n = dim[pos / Y];
    if (v < 0) v += n;
    return v < 0 || v >= n;
  }
};

// ------------------------------------------------------------------ row copies
// out[o, j, i] = src[o, idx[j], i] (take: rows of `inner` elements).
template <class T, class I>
__global__ void take_kernel(const T* src, const I* idx, T* out, int64_t total, int64_t m, int64_t n, int64_t inner,
                            bool wrap) {
  MXC_KERNEL_LOOP(e, total) {
    int64_t i = e % inner, t = e / inner, j = t % m, o = t / m;
    int64_t r = clip_or_wrap(index_value(idx[j]), n, wrap);
    out[e] = src[(o * n + r) * inner + i];
  }
}

// Target row offset (in elements) of every source row of a scatter-add.
template <class I>
__global__ void take_targets_kernel(const I* idx, int64_t* target, int64_t rows, int64_t m, int64_t n, int64_t inner,
                                    bool wrap) {
  MXC_KERNEL_LOOP(r, rows) {
    int64_t j = r % m, o = r / m;
    target[r] = (o * n + clip_or_wrap(index_value(idx[j]), n, wrap)) * inner;
  }
}
// gather_nd's block offsets: off[y] = sum_k idx[k, y] * st[k] (indices validated).
struct NdGeom {
  int64_t M = 0, Y = 0, inner = 1;
  int64_t dim[MXL_CUDA_MAX_DIM] = {0}, st[MXL_CUDA_MAX_DIM] = {0};
};
template <class I>
__global__ void nd_targets_kernel(const I* idx, int64_t* target, NdGeom g) {
  MXC_KERNEL_LOOP(y, g.Y) {
    int64_t off = 0;
    for (int64_t k = 0; k < g.M; ++k) {
      int64_t v = index_value(idx[k * g.Y + y]);
      if (v < 0) v += g.dim[k];
      off += v * g.st[k];
    }
    target[y] = off;
  }
}

// dst[target[r] + c] += src[r * inner + c] over rows r (dst zeroed first).
template <class T>
__global__ void scatter_add_atomic_kernel(const T* src, const int64_t* target, T* dst, int64_t rows, int64_t inner) {
  MXC_KERNEL_LOOP(e, rows * inner) {
    int64_t r = e / inner, c = e % inner;
    T v = src[e];
    if constexpr (std::is_same_v<T, int64_t>)
      atomicAdd(reinterpret_cast<unsigned long long*>(dst + target[r] + c), (unsigned long long)v);  // wraps as int64
    else
      atomicAdd(dst + target[r] + c, v);
  }
}
// The same without atomics: each dst element adds its sources in row order.
template <class T>
__global__ void scatter_add_ordered_kernel(const T* src, const int64_t* target, T* dst, int64_t rows, int64_t inner,
                                           int64_t ndst) {
  MXC_KERNEL_LOOP(d, ndst) {
    int64_t c = d % inner, base = d - c;
    T acc = T(0.0f);  // f16_t: the sum is formed in float and rounded per step, as mxl::half
    for (int64_t r = 0; r < rows; ++r)
      if (target[r] == base) acc = T(compute_t<T>(acc) + compute_t<T>(src[r * inner + c]));
    dst[d] = acc;
  }
}
template <class T>
int scatter_add(const mxl_cuda_call* c, const T* src, const int64_t* target, T* dst, int64_t rows, int64_t inner,
                int64_t ndst) {
  CU_CHECK_CALL(c, cudaMemsetAsync(dst, 0, size_t(ndst) * sizeof(T), stream_of(c)));
  if (rows * inner == 0) return 0;
  constexpr bool atomic = std::is_same_v<T, float> || std::is_same_v<T, double> || std::is_same_v<T, int32_t> ||
                          std::is_same_v<T, int64_t>;
  if constexpr (atomic)
    scatter_add_atomic_kernel<T><<<grid_for(rows * inner), kThreads, 0, stream_of(c)>>>(src, target, dst, rows, inner);
  else
    scatter_add_ordered_kernel<T><<<grid_for(ndst), kThreads, 0, stream_of(c)>>>(src, target, dst, rows, inner, ndst);
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ================================================================== take
struct TakeDims {
  int axis = 0;
  int64_t outer = 1, n = 1, inner = 1;
};
int take_dims(const mxl_cuda_call* c, const mxl_cuda_blob& a, TakeDims* t) {
  if (a.ndim < 1) return call_fail(c, kShape, "%s: a must have at least 1 dimension, got a scalar", c->op_name);
  int rc = norm_axis(c, attr_i(c, "axis"), a.ndim, &t->axis);
  if (rc) return rc;
  t->outer = prod(a, 0, t->axis);
  t->n = a.shape[t->axis];
  t->inner = prod(a, t->axis + 1, a.ndim);
  return 0;
}
// mode: 0 clip, 1 raise, 2 wrap (the enum's order). Checks what the CPU checks.
int take_check(const mxl_cuda_call* c, const mxl_cuda_blob& idx, const TakeDims& t, bool* wrap) {
  int64_t mode = attr_i(c, "mode");
  *wrap = mode == 2;
  if (blob_size(idx) == 0) return 0;
  if (t.n <= 0) return call_fail(c, kIndex, "%s: cannot take from an axis of size 0", c->op_name);
  if (mode != 1) return 0;
  int64_t pos, v = 0;
  int rc = first_bad(c, idx, TakeBad{t.n}, &pos, &v);
  if (rc) return rc;
  if (pos >= 0)
    return call_fail(c, kIndex, "%s: index %lld is out of bounds for axis of size %lld (mode='raise')", c->op_name,
                     (long long)v, (long long)t.n);
  return 0;
}

int take(const mxl_cuda_call* c) {
  TakeDims t;
  bool wrap;
  int rc = take_dims(c, c->in[0], &t);
  if (rc || (rc = take_check(c, c->in[1], t, &wrap))) return rc;
  int64_t m = blob_size(c->in[1]), total = t.outer * m * t.inner;
  if (total == 0) return 0;
  MXC_SWITCH_ALL16(c, c->in[1].dtype, I, {
    MXC_SWITCH_BYTES(c->in[0].dtype, E, {
      take_kernel<E, I><<<grid_for(total), kThreads, 0, stream_of(c)>>>(bptr<const E>(c->in[0]), bptr<const I>(c->in[1]), bptr<E>(c->out[0]), total, m, t.n, t.inner, wrap);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// (ograd, indices, a) -> gradient of a.
int take_bwd(const mxl_cuda_call* c) {
  TakeDims t;
  bool wrap;
  int rc = take_dims(c, c->out[0], &t);
  if (rc || (rc = take_check(c, c->in[1], t, &wrap))) return rc;
  int64_t m = blob_size(c->in[1]), rows = t.outer * m, ndst = blob_size(c->out[0]);
  int64_t* target = static_cast<int64_t*>(workspace(c, size_t(rows > 0 ? rows : 1) * sizeof(int64_t)));
  if (!target) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  if (rows > 0) {
    MXC_SWITCH_ALL16(c, c->in[1].dtype, I, {
      take_targets_kernel<I><<<grid_for(rows), kThreads, 0, stream_of(c)>>>(bptr<const I>(c->in[1]), target, rows, m,
                                                                            t.n, t.inner, wrap);
    });
    CU_CHECK_LAUNCH(c);
  }
  MXC_SWITCH_NUM16(c, c->out[0].dtype, T, {
    return scatter_add<T>(c, bptr<const T>(c->in[0]), target, bptr<T>(c->out[0]), rows, t.inner, ndst);
  });
  return 0;
}

// ================================================================== pick
int pick_dims(const mxl_cuda_call* c, const mxl_cuda_blob& d, TakeDims* p) {
  if (attr_none(c, "axis"))
    return call_fail(c, kInvalidArgument, "%s: axis=None is not supported; give an axis", c->op_name);
  if (d.ndim < 1) return call_fail(c, kShape, "%s: data must have at least 1 dimension, got a scalar", c->op_name);
  int rc = norm_axis(c, attr_i(c, "axis"), d.ndim, &p->axis);
  if (rc) return rc;
  p->outer = prod(d, 0, p->axis);
  p->n = d.shape[p->axis];
  p->inner = prod(d, p->axis + 1, d.ndim);
  return 0;
}
template <class T, class I>
__global__ void pick_kernel(const T* src, const I* idx, T* out, int64_t total, int64_t n, int64_t inner, bool wrap) {
  MXC_KERNEL_LOOP(t, total) {
    int64_t o = t / inner, i = t % inner;
    out[t] = src[(o * n + clip_or_wrap(index_value(idx[t]), n, wrap)) * inner + i];
  }
}
template <class T, class I>
__global__ void pick_bwd_kernel(const T* og, const I* idx, T* d, int64_t total, int64_t n, int64_t inner, bool wrap) {
  MXC_KERNEL_LOOP(t, total) {  // one target per (outer, inner) lane: no overlap
    d[(t / inner * n + clip_or_wrap(index_value(idx[t]), n, wrap)) * inner + t % inner] = og[t];
  }
}
int pick(const mxl_cuda_call* c) {
  TakeDims p;
  int rc = pick_dims(c, c->in[0], &p);
  if (rc) return rc;
  int64_t total = blob_size(c->in[1]);
  if (total == 0) return 0;
  if (p.n <= 0) return call_fail(c, kIndex, "%s: cannot pick from an axis of size 0", c->op_name);
  bool wrap = attr_i(c, "mode") == 1;  // clip, wrap
  MXC_SWITCH_ALL16(c, c->in[1].dtype, I, {
    MXC_SWITCH_BYTES(c->in[0].dtype, E, {
      pick_kernel<E, I><<<grid_for(total), kThreads, 0, stream_of(c)>>>(bptr<const E>(c->in[0]), bptr<const I>(c->in[1]), bptr<E>(c->out[0]), total, p.n, p.inner, wrap);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
// (ograd, index, data) -> zeros shaped like data with ograd at the picked places.
int pick_bwd(const mxl_cuda_call* c) {
  TakeDims p;
  int rc = pick_dims(c, c->out[0], &p);
  if (rc) return rc;
  const mxl_cuda_blob& out = c->out[0];
  CU_CHECK_CALL(c, cudaMemsetAsync(out.data, 0, size_t(blob_size(out)) * esize(out.dtype), stream_of(c)));
  int64_t total = blob_size(c->in[1]);
  if (total == 0) return 0;
  if (p.n <= 0) return call_fail(c, kIndex, "%s: cannot pick from an axis of size 0", c->op_name);
  bool wrap = attr_i(c, "mode") == 1;
  MXC_SWITCH_ALL16(c, c->in[1].dtype, I, {
    MXC_SWITCH_BYTES(out.dtype, E, {
      pick_bwd_kernel<E, I><<<grid_for(total), kThreads, 0, stream_of(c)>>>(bptr<const E>(c->in[0]), bptr<const I>(c->in[1]), bptr<E>(out), total, p.n, p.inner, wrap);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ================================================================== gather_nd / scatter_nd
// indices (M, Y...) address the first M axes of `data`; validated (first bad index
// reported as the CPU's nd_index does), then turned into block offsets.
int nd_targets(const mxl_cuda_call* c, const mxl_cuda_blob& ind, const mxl_cuda_blob& data, NdGeom* g,
               int64_t** target) {
  if (ind.ndim < 2) return call_fail(c, kShape, "%s: indices must have at least 2 dimensions (M, ...)", c->op_name);
  g->M = ind.shape[0];
  if (g->M > data.ndim) return call_fail(c, kShape, "%s: indices address more axes than the data has", c->op_name);
  g->Y = g->M ? blob_size(ind) / g->M : 0;
  int64_t s = 1;
  for (int k = data.ndim - 1; k >= 0; --k) {
    if (k < g->M) {
      g->dim[k] = data.shape[k];
      g->st[k] = s;
    }
    s *= data.shape[k];
  }
  g->inner = prod(data, int(g->M), data.ndim);
  if (g->M > 0 && g->Y > 0) {
    NdBad bad{g->Y, {0}};
    for (int k = 0; k < g->M; ++k) bad.dim[k] = g->dim[k];
    int64_t pos, v = 0;
    int rc = first_bad(c, ind, bad, &pos, &v);
    if (rc) return rc;
    if (pos >= 0) {
      int64_t k = pos / g->Y;
      return call_fail(c, kIndex, "%s: index %lld is out of bounds for axis %lld with size %lld", c->op_name, (long long)v,
                       (long long)k, (long long)g->dim[k]);
    }
  }
  *target = static_cast<int64_t*>(workspace(c, size_t(g->Y > 0 ? g->Y : 1) * sizeof(int64_t)));
  if (!*target) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  if (g->Y > 0) {
    MXC_SWITCH_ALL16(c, ind.dtype, I, {
      nd_targets_kernel<I><<<grid_for(g->Y), kThreads, 0, stream_of(c)>>>(bptr<const I>(ind), *target, *g);
    });
    CU_CHECK_LAUNCH(c);
  }
  return 0;
}

template <class T>
__global__ void nd_gather_kernel(const T* data, const int64_t* target, T* out, int64_t total, int64_t inner) {
  MXC_KERNEL_LOOP(e, total) out[e] = data[target[e / inner] + e % inner];
}
int gather_nd(const mxl_cuda_call* c) {
  NdGeom g;
  int64_t* target = nullptr;
  int rc = nd_targets(c, c->in[1], c->in[0], &g, &target);
  if (rc) return rc;
  int64_t total = g.Y * g.inner;
  if (total == 0) return 0;
  MXC_SWITCH_BYTES(c->in[0].dtype, E, {
    nd_gather_kernel<E><<<grid_for(total), kThreads, 0, stream_of(c)>>>(bptr<const E>(c->in[0]), target, bptr<E>(c->out[0]), total, g.inner);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
// (ograd, indices, data) -> gradient of data (repeated indices accumulate).
int gather_nd_bwd(const mxl_cuda_call* c) {
  NdGeom g;
  int64_t* target = nullptr;
  int rc = nd_targets(c, c->in[1], c->out[0], &g, &target);
  if (rc) return rc;
  MXC_SWITCH_NUM16(c, c->out[0].dtype, T, {
    return scatter_add<T>(c, bptr<const T>(c->in[0]), target, bptr<T>(c->out[0]), g.Y, g.inner, blob_size(c->out[0]));
  });
  return 0;
}

// scatter_nd: with repeated indices the last one wins, so each output block first
// learns its last writer (atomicMax over the source row), then copies it.
__global__ void last_writer_kernel(const int64_t* target, long long* winner, int64_t rows, int64_t inner) {
  MXC_KERNEL_LOOP(r, rows) atomicMax(winner + target[r] / inner, (long long)r);
}
template <class T>
__global__ void scatter_copy_kernel(const T* src, const long long* winner, T* dst, int64_t ndst, int64_t inner) {
  MXC_KERNEL_LOOP(d, ndst) {
    long long w = winner[d / inner];
    dst[d] = w >= 0 ? src[w * inner + d % inner] : T(0);
  }
}
int scatter_nd(const mxl_cuda_call* c) {
  NdGeom g;
  int64_t* target = nullptr;
  int rc = nd_targets(c, c->in[1], c->out[0], &g, &target);
  if (rc) return rc;
  const mxl_cuda_blob& out = c->out[0];
  int64_t ndst = blob_size(out);
  if (ndst == 0) return 0;
  if (g.inner == 0 || g.Y == 0) {
    CU_CHECK_CALL(c, cudaMemsetAsync(out.data, 0, size_t(ndst) * esize(out.dtype), stream_of(c)));
    return 0;
  }
  int64_t blocks = ndst / g.inner;
  auto* winner = static_cast<long long*>(workspace(c, size_t(blocks) * sizeof(long long)));
  if (!winner) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  CU_CHECK_CALL(c, cudaMemsetAsync(winner, 0xff, size_t(blocks) * sizeof(long long), stream_of(c)));  // -1
  last_writer_kernel<<<grid_for(g.Y), kThreads, 0, stream_of(c)>>>(target, winner, g.Y, g.inner);
  MXC_SWITCH_BYTES(out.dtype, E, {
    scatter_copy_kernel<E><<<grid_for(ndst), kThreads, 0, stream_of(c)>>>(bptr<const E>(c->in[0]), winner, bptr<E>(out), ndst, g.inner);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

}  // namespace

void register_indexing(KernelTable& t) {
  t.push_back({"take", take});
  t.push_back({"_backward_take", take_bwd});
  t.push_back({"pick", pick});
  t.push_back({"_backward_pick", pick_bwd});
  t.push_back({"gather_nd", gather_nd});
  t.push_back({"_backward_gather_nd", gather_nd_bwd});
  t.push_back({"scatter_nd", scatter_nd});
}

}  // namespace mxlcuda
