// Ordering on the device: sort, argsort, topk and _backward_topk, as core/op/ordering.cc.
//
// The CPU's order is total: ascending by value, NaN after every number, equal values
// (-0.0 == 0.0 included) in their original order; descending reverses the values but
// still keeps ties in original order, NaN first. Every element is mapped to an
// unsigned key whose unsigned order is that value order (floats: -0.0 folded into
// +0.0, every NaN to the largest key; descending: the keys complemented), and the
// lanes are sorted with CUB's segmented radix sort, which is stable, so ties keep
// their positions. The result is the CPU's permutation exactly.
#include <climits>

#include <cub/device/device_segmented_radix_sort.cuh>

#include "common.cuh"

namespace mxlcuda {
namespace {

// Element j of lane (o, i) is at (o * n + j) * inner + i; axis None: one lane.
struct Lanes {
  int64_t outer = 1, n = 1, inner = 1;
  __host__ __device__ int64_t count() const { return outer * inner; }
};
int lanes_of(const mxl_cuda_call* c, const mxl_cuda_blob& d, Lanes* L) {
  if (attr_none(c, "axis")) {
    L->n = blob_size(d);
    return 0;
  }
  int64_t ax = attr_i(c, "axis");
  if (d.ndim < 1 || ax < -d.ndim || ax >= d.ndim)
    return call_fail(c, kInvalidArgument, "%s: axis %lld is out of range for %d-d data", c->op_name, (long long)ax,
                     d.ndim);
  int axis = int(ax < 0 ? ax + d.ndim : ax);
  for (int k = 0; k < axis; ++k) L->outer *= d.shape[k];
  L->n = d.shape[axis];
  for (int k = axis + 1; k < d.ndim; ++k) L->inner *= d.shape[k];
  return 0;
}

// ------------------------------------------------------------------ keys
// Order-preserving unsigned keys.
template <class T> struct KeyOf { using type = uint32_t; };
template <> struct KeyOf<double> { using type = uint64_t; };
template <> struct KeyOf<int64_t> { using type = uint64_t; };
template <class T> using key_t = typename KeyOf<T>::type;

template <class T>
__device__ inline key_t<T> order_key(T v) {
  if constexpr (std::is_same_v<T, double>) {
    if (v != v) return ~uint64_t(0);
    if (v == 0) v = 0.0;  // -0.0 ties with +0.0
    uint64_t b = uint64_t(__double_as_longlong(v));
    return (b >> 63) ? ~b : (b | (uint64_t(1) << 63));
  } else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, f16_t>) {
    float f = float(v);  // float16 orders through float, as the CPU's key
    if (f != f) return ~uint32_t(0);
    if (f == 0) f = 0.0f;
    uint32_t b = uint32_t(__float_as_uint(f));
    return (b >> 31) ? ~b : (b | (uint32_t(1) << 31));
  } else if constexpr (std::is_same_v<T, int64_t>) {
    return uint64_t(v) ^ (uint64_t(1) << 63);
  } else if constexpr (std::is_same_v<T, int32_t>) {
    return uint32_t(v) ^ (uint32_t(1) << 31);
  } else if constexpr (std::is_same_v<T, int8_t>) {
    return uint32_t(int32_t(v) + 128);
  } else {  // uint8, bool
    return uint32_t(v);
  }
}

// keys[lane * n + j] = key of element j of the lane; vals = j.
template <class T>
__global__ void make_keys_kernel(const T* x, key_t<T>* keys, int32_t* vals, Lanes L, bool descend) {
  MXC_KERNEL_LOOP(e, L.count() * L.n) {
    int64_t lane = e / L.n, j = e % L.n, o = lane / L.inner, i = lane % L.inner;
    key_t<T> k = order_key(x[(o * L.n + j) * L.inner + i]);
    keys[e] = descend ? key_t<T>(~k) : k;
    vals[e] = int32_t(j);
  }
}
__global__ void lane_offsets_kernel(int* off, int64_t lanes, int64_t n) {
  MXC_KERNEL_LOOP(l, lanes + 1) off[l] = int(l * n);
}

// The sorted positions of every lane: pos[lane * n + j] (workspace memory).
template <class T>
int sorted_positions(const mxl_cuda_call* c, const mxl_cuda_blob& x, const Lanes& L, bool ascend, int32_t** pos) {
  using K = key_t<T>;
  int64_t total = L.count() * L.n, lanes = L.count();
  if (total > INT_MAX || lanes > INT_MAX)
    return call_fail(c, kInvalidArgument, "%s: %lld elements are more than the GPU sort handles (%d)", c->op_name,
                     (long long)total, INT_MAX);
  K* keys = static_cast<K*>(workspace(c, size_t(total) * sizeof(K) * 2));
  int32_t* vals = static_cast<int32_t*>(workspace(c, size_t(total) * sizeof(int32_t) * 2));
  int* off = static_cast<int*>(workspace(c, size_t(lanes + 1) * sizeof(int)));
  if (!keys || !vals || !off) return call_fail(c, kOutOfMemory, "%s: out of device memory for the sort", c->op_name);
  make_keys_kernel<T><<<grid_for(total), kThreads, 0, stream_of(c)>>>(bptr<const T>(x), keys, vals, L, !ascend);
  CU_CHECK_LAUNCH(c);
  lane_offsets_kernel<<<grid_for(lanes + 1), kThreads, 0, stream_of(c)>>>(off, lanes, L.n);
  CU_CHECK_LAUNCH(c);
  size_t temp_bytes = 0;
  CU_CHECK_CALL(c, cub::DeviceSegmentedRadixSort::SortPairs(nullptr, temp_bytes, keys, keys + total, vals,
                                                             vals + total, int(total), int(lanes), off, off + 1, 0,
                                                             int(sizeof(K) * 8), stream_of(c)));
  void* temp = workspace(c, temp_bytes ? temp_bytes : 1);
  if (!temp) return call_fail(c, kOutOfMemory, "%s: out of device memory for the sort", c->op_name);
  CU_CHECK_CALL(c, cub::DeviceSegmentedRadixSort::SortPairs(temp, temp_bytes, keys, keys + total, vals, vals + total,
                                                             int(total), int(lanes), off, off + 1, 0,
                                                             int(sizeof(K) * 8), stream_of(c)));
  *pos = vals + total;
  return 0;
}
int positions(const mxl_cuda_call* c, const mxl_cuda_blob& x, const Lanes& L, bool ascend, int32_t** pos) {
  MXC_SWITCH_ALL16(c, x.dtype, T, { return sorted_positions<T>(c, x, L, ascend, pos); });
  return 0;
}

// ------------------------------------------------------------------ outputs (k per lane)
template <class E>
__global__ void write_values_kernel(const E* x, const int32_t* pos, E* out, Lanes L, int64_t k) {
  MXC_KERNEL_LOOP(e, L.count() * k) {
    int64_t lane = e / k, j = e % k, o = lane / L.inner, i = lane % L.inner;
    out[(o * k + j) * L.inner + i] = x[(o * L.n + pos[lane * L.n + j]) * L.inner + i];
  }
}
int write_values(const mxl_cuda_call* c, const mxl_cuda_blob& x, const int32_t* pos, const Lanes& L, int64_t k,
                 const mxl_cuda_blob& out) {
  int64_t n = L.count() * k;
  if (n == 0) return 0;
  MXC_SWITCH_BYTES(x.dtype, E, {
    write_values_kernel<E><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const E>(x), pos, bptr<E>(out), L, k);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
// Positions in the output dtype: D(int64 position), as the CPU's DT(pos).
template <class D>
__global__ void write_indices_kernel(const int32_t* pos, D* out, Lanes L, int64_t k) {
  MXC_KERNEL_LOOP(e, L.count() * k) {
    int64_t lane = e / k, j = e % k, o = lane / L.inner, i = lane % L.inner;
    int64_t p = pos[lane * L.n + j];
    if constexpr (std::is_same_v<D, f16_t>) out[(o * k + j) * L.inner + i] = D(float(p));
    else out[(o * k + j) * L.inner + i] = D(p);
  }
}
int write_indices(const mxl_cuda_call* c, const int32_t* pos, const Lanes& L, int64_t k, const mxl_cuda_blob& out) {
  int64_t n = L.count() * k;
  if (n == 0) return 0;
  MXC_SWITCH_ALL16(c, out.dtype, D, {
    write_indices_kernel<D><<<grid_for(n), kThreads, 0, stream_of(c)>>>(pos, bptr<D>(out), L, k);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
template <class D>
__global__ void write_mask_kernel(const int32_t* pos, D* out, Lanes L, int64_t k) {
  MXC_KERNEL_LOOP(e, L.count() * k) {
    int64_t lane = e / k, j = e % k;
    out[(lane / L.inner * L.n + pos[lane * L.n + j]) * L.inner + lane % L.inner] = D(1.0f);
  }
}

// ------------------------------------------------------------------ ops
int sort_op(const mxl_cuda_call* c) {
  Lanes L;
  int rc = lanes_of(c, c->in[0], &L);
  if (rc || L.count() * L.n == 0) return rc;
  int32_t* pos = nullptr;
  if ((rc = positions(c, c->in[0], L, attr_b(c, "is_ascend"), &pos))) return rc;
  return write_values(c, c->in[0], pos, L, L.n, c->out[0]);
}
int argsort_op(const mxl_cuda_call* c) {
  Lanes L;
  int rc = lanes_of(c, c->in[0], &L);
  if (rc || L.count() * L.n == 0) return rc;
  int32_t* pos = nullptr;
  if ((rc = positions(c, c->in[0], L, attr_b(c, "is_ascend"), &pos))) return rc;
  return write_indices(c, pos, L, L.n, c->out[0]);
}

// ret_typ in the enum's order: both, indices, mask, value.
int topk_op(const mxl_cuda_call* c) {
  Lanes L;
  int rc = lanes_of(c, c->in[0], &L);
  if (rc) return rc;
  int64_t k = attr_i(c, "k"), ret = attr_i(c, "ret_typ");
  if (k < 1) k = L.n;  // MXNet: k < 1 selects the whole axis
  if (k > L.n)
    return call_fail(c, kInvalidArgument, "%s: k=%lld is larger than the %lld elements along the axis", c->op_name,
                     (long long)k, (long long)L.n);
  const mxl_cuda_blob& out = c->out[0];
  if (ret == 2) CU_CHECK_CALL(c, cudaMemsetAsync(out.data, 0, size_t(blob_size(out)) * esize(out.dtype), stream_of(c)));
  if (L.count() * L.n == 0) return 0;
  int32_t* pos = nullptr;
  if ((rc = positions(c, c->in[0], L, attr_b(c, "is_ascend"), &pos))) return rc;
  switch (ret) {
    case 0:
      if ((rc = write_values(c, c->in[0], pos, L, k, out))) return rc;
      return write_indices(c, pos, L, k, c->out[1]);
    case 1:
      return write_indices(c, pos, L, k, out);
    case 2: {
      int64_t n = L.count() * k;
      MXC_SWITCH_ALL16(c, out.dtype, D, {
        write_mask_kernel<D><<<grid_for(n), kThreads, 0, stream_of(c)>>>(pos, bptr<D>(out), L, k);
      });
      CU_CHECK_LAUNCH(c);
      return 0;
    }
    default:
      return write_values(c, c->in[0], pos, L, k, out);
  }
}

// ------------------------------------------------------------------ _backward_topk
// (ograd, indices, data) -> zeros shaped like data with ograd added at the positions
// (k per lane). Out-of-range positions are an error, the first one reported.
template <class I>
__global__ void first_bad_pos_kernel(const I* idx, int64_t m, int64_t n, unsigned long long* first) {
  MXC_KERNEL_LOOP(e, m) {
    int64_t p = index_value(idx[e]);
    if (p < 0 || p >= n) atomicMin(first, (unsigned long long)e);
  }
}
template <class T, class I>
__global__ void topk_bwd_atomic_kernel(const T* og, const I* idx, T* d, Lanes L, int64_t k) {
  MXC_KERNEL_LOOP(e, L.outer * k * L.inner) {
    int64_t i = e % L.inner, o = e / L.inner / k;
    int64_t p = index_value(idx[e]);
    T* t = d + (o * L.n + p) * L.inner + i;
    if constexpr (std::is_same_v<T, int64_t>)
      atomicAdd(reinterpret_cast<unsigned long long*>(t), (unsigned long long)og[e]);
    else
      atomicAdd(t, og[e]);
  }
}
// Without atomics (float16, 8-bit): each output element adds its sources in j order.
template <class T, class I>
__global__ void topk_bwd_ordered_kernel(const T* og, const I* idx, T* d, Lanes L, int64_t k) {
  MXC_KERNEL_LOOP(e, L.outer * L.n * L.inner) {
    int64_t i = e % L.inner, p = (e / L.inner) % L.n, o = e / L.inner / L.n;
    T acc = T(0.0f);
    for (int64_t j = 0; j < k; ++j) {
      int64_t s = (o * k + j) * L.inner + i;
      if (index_value(idx[s]) == p) acc = T(compute_t<T>(acc) + compute_t<T>(og[s]));
    }
    d[e] = acc;
  }
}
template <class T, class I>
void topk_bwd_launch(const mxl_cuda_call* c, const mxl_cuda_blob& og, const mxl_cuda_blob& idx,
                     const mxl_cuda_blob& out, const Lanes& L, int64_t k, int64_t m) {
  constexpr bool atomic = std::is_same_v<T, float> || std::is_same_v<T, double> || std::is_same_v<T, int32_t> ||
                          std::is_same_v<T, int64_t>;
  if constexpr (atomic)
    topk_bwd_atomic_kernel<T, I><<<grid_for(m), kThreads, 0, stream_of(c)>>>(bptr<const T>(og), bptr<const I>(idx),
                                                                             bptr<T>(out), L, k);
  else
    topk_bwd_ordered_kernel<T, I><<<grid_for(blob_size(out)), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(og), bptr<const I>(idx), bptr<T>(out), L, k);
}
int topk_bwd(const mxl_cuda_call* c) {
  Lanes L;
  int rc = lanes_of(c, c->out[0], &L);
  if (rc) return rc;
  const mxl_cuda_blob &og = c->in[0], &idx = c->in[1], &out = c->out[0];
  CU_CHECK_CALL(c, cudaMemsetAsync(out.data, 0, size_t(blob_size(out)) * esize(out.dtype), stream_of(c)));
  int64_t m = blob_size(og), k = L.count() ? m / L.count() : 0;
  if (m == 0 || k == 0) return 0;
  auto* first = static_cast<unsigned long long*>(workspace(c, sizeof(unsigned long long)));
  if (!first) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  CU_CHECK_CALL(c, cudaMemsetAsync(first, 0xff, sizeof(unsigned long long), stream_of(c)));
  MXC_SWITCH_ALL16(c, idx.dtype, I, {
    first_bad_pos_kernel<I><<<grid_for(m), kThreads, 0, stream_of(c)>>>(bptr<const I>(idx), m, L.n, first);
  });
  CU_CHECK_LAUNCH(c);
  unsigned long long bad = 0;
  CU_CHECK_CALL(c, cudaMemcpyAsync(&bad, first, sizeof bad, cudaMemcpyDeviceToHost, stream_of(c)));
  CU_CHECK_CALL(c, cudaStreamSynchronize(stream_of(c)));
  if (bad != ~0ull) {
    long long v = 0;
    MXC_SWITCH_ALL16(c, idx.dtype, I, {
      I raw;
      CU_CHECK_CALL(c, cudaMemcpy(&raw, bptr<const I>(idx) + bad, sizeof(I), cudaMemcpyDeviceToHost));
      if constexpr (std::is_integral_v<I>) {
        v = (long long)raw;
      } else {
        double d = double(raw);
        v = d != d || d <= -9.2e18 ? LLONG_MIN : d >= 9.2e18 ? LLONG_MAX : (long long)d;
      }
    });
    return call_fail(c, kIndex, "%s: index %lld out of range [0, %lld)", c->op_name, v, (long long)L.n);
  }
  MXC_SWITCH_ALL16(c, idx.dtype, I, {
    MXC_SWITCH_NUM16(c, out.dtype, T, { topk_bwd_launch<T, I>(c, og, idx, out, L, k, m); });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

}  // namespace

void register_ordering(KernelTable& t) {
  t.push_back({"sort", sort_op});
  t.push_back({"argsort", argsort_op});
  t.push_back({"topk", topk_op});
  t.push_back({"_backward_topk", topk_bwd});
}

}  // namespace mxlcuda
