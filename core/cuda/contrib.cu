// CUDA kernels of the operators in core/op/contrib.cc: the interleaved attention
// products (forward and backward: the CPU's GEMM plans, core/op/contrib_kernels.h, run
// as strided batched GEMMs through blas.cuh), div_sqrt_dim, arange_like, allclose,
// index_copy (+ backward), index_array, gradientmultiplier, quadratic (+ backward),
// round_ste, sign_ste, _split_v2, choose_element_0index, fill_element_0index,
// _onehot_encode and boolean_mask (+ backward). The shape rules ran on the CPU
// already; index arrays are checked here as there (the first out-of-range index is
// found on the device and read back, so the message names the same index as the CPU's).
#include "blas.cuh"
#include "common.cuh"
#include "index_check.cuh"
#include "core/op/contrib_kernels.h"

namespace mxlcuda {
namespace {

namespace attn = mxl::attn;

// ================================================================ attention
// float and double (float16 runs through with_float16: float copies).
template <class T>
int attention_t(const mxl_cuda_call* c) {
  attn::Kind kind = attn::kind_of(c->op_name);
  bool bwd = attn::is_backward(c->op_name);
  const mxl_cuda_blob* fwd = c->in + (bwd ? 1 : 0);
  attn::Dims d = attn::dims_of(kind, fwd[0].shape, attn::num_inputs(kind) == 2 ? fwd[1].shape : fwd[0].shape,
                               attr_i(c, "heads"));
  for (int i = 0; i < c->nout; ++i)
    CU_CHECK_CALL(c, cudaMemsetAsync(c->out[i].data, 0, esize(c->out[i].dtype) * size_t(blob_size(c->out[i])),
                                     stream_of(c)));
  if (d.B * d.H * d.D == 0 || d.seq == 0 || d.kv == 0) return 0;
  attn::Plan p = attn::plan(kind, bwd, d);
  for (int k = 0; k < p.count; ++k) {
    const attn::Gemm& g = p.g[k];
    GemmArgs<T> a;
    a.ta = g.ta, a.tb = g.tb, a.M = g.M, a.N = g.N, a.K = g.K, a.alpha = T(g.alpha), a.beta = T(0);
    a.A = bptr<const T>(c->in[g.a_in]) + g.a_off, a.lda = g.lda, a.sa = g.sa;
    a.B = bptr<const T>(c->in[g.b_in]) + g.b_off, a.ldb = g.ldb, a.sb = g.sb;
    a.C = bptr<T>(c->out[g.c_out]) + g.c_off, a.ldc = g.ldc, a.sc = g.sc;
    a.batch = g.batch;
    int rc = gemm<T>(c, a);
    if (rc) return rc;
  }
  return 0;
}
int attention(const mxl_cuda_call* c) {
  switch (c->in[0].dtype) {
    case f32: return attention_t<float>(c);
    case f64: return attention_t<double>(c);
    default: return call_fail(c, kDType, "%s: expected a float dtype, got %s", c->op_name, dtype_name(c->in[0].dtype));
  }
}

// ============================================================ elementwise
// y = f(x) per element in double, saturated back to T.
template <class T, class F>
__global__ void map_kernel(const T* x, T* y, int64_t n, F f) {
  MXC_KERNEL_LOOP(i, n) y[i] = saturate<T>(f(double(x[i])));
}
template <class F>
int map_numeric(const mxl_cuda_call* c, F f) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_NUM16(c, c->in[0].dtype, T, {
    map_kernel<T, F><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<T>(c->out[0]), n, f);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

struct Scale {
  double s;
  __device__ double operator()(double x) const { return x * s; }
};
struct Quadratic {
  double a, b, c;
  __device__ double operator()(double x) const { return mxl::ctb::quadratic(x, a, b, c); }
};
struct Round {
  __device__ double operator()(double x) const { return round(x); }
};
struct Sign {
  __device__ double operator()(double x) const { return double((x > 0) - (x < 0)); }
};

int div_sqrt_dim(const mxl_cuda_call* c) {
  const mxl_cuda_blob& x = c->in[0];
  return map_numeric(c, Scale{1.0 / sqrt(double(x.shape[x.ndim - 1]))});
}
int quadratic(const mxl_cuda_call* c) {
  return map_numeric(c, Quadratic{attr_f(c, "a"), attr_f(c, "b"), attr_f(c, "c")});
}
int round_ste(const mxl_cuda_call* c) { return map_numeric(c, Round{}); }
int sign_ste(const mxl_cuda_call* c) { return map_numeric(c, Sign{}); }

template <class T>
__global__ void quadratic_bwd_kernel(const T* g, const T* x, T* d, int64_t n, double a, double b) {
  MXC_KERNEL_LOOP(i, n) d[i] = saturate<T>(double(g[i]) * (2 * a * double(x[i]) + b));
}
int quadratic_bwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_NUM16(c, c->in[0].dtype, T, {
    quadratic_bwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(c->in[0]), bptr<const T>(c->in[1]), bptr<T>(c->out[0]), n, attr_f(c, "a"), attr_f(c, "b"));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// Identity forward (its gradient is scaled by the core's graph).
int gradient_multiplier(const mxl_cuda_call* c) {
  if (c->in[0].data == c->out[0].data) return 0;
  CU_CHECK_CALL(c, dcopy(c, c->out[0].data, c->in[0].data, esize(c->in[0].dtype) * size_t(blob_size(c->in[0]))));
  return 0;
}

// ============================================================== arange_like
template <class T>
__global__ void arange_kernel(T* y, int64_t n, double start, double step, int64_t repeat) {
  MXC_KERNEL_LOOP(i, n) y[i] = saturate<T>(start + double(i / repeat) * step);
}
int arange_like(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_NUM16(c, c->out[0].dtype, T, {
    arange_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<T>(c->out[0]), n, attr_f(c, "start"),
                                                                 attr_f(c, "step"), attr_i(c, "repeat"));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ================================================================ allclose
// out (one uint8) starts at 1; any pair not close writes 0 (every writer writes 0).
template <class T>
__global__ void allclose_kernel(const T* x, const T* y, int64_t n, double rtol, double atol, bool equal_nan,
                                uint8_t* out) {
  MXC_KERNEL_LOOP(i, n) if (!mxl::ctb::close(double(x[i]), double(y[i]), rtol, atol, equal_nan)) *out = 0;
}
int allclose(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->in[0]);
  CU_CHECK_CALL(c, cudaMemsetAsync(c->out[0].data, 1, 1, stream_of(c)));
  if (n == 0) return 0;
  MXC_SWITCH_ALL16(c, c->in[0].dtype, T, {
    allclose_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(c->in[0]), bptr<const T>(c->in[1]), n, attr_f(c, "rtol"), attr_f(c, "atol"),
        attr_b(c, "equal_nan"), bptr<uint8_t>(c->out[0]));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ============================================================== index checks
// Fails the call (as the CPU's checked_indices) when an index of `idx` is outside [0, limit).
int check_indices(const mxl_cuda_call* c, const mxl_cuda_blob& idx, const char* what, int64_t limit) {
  int64_t pos = -1, value = 0;
  int rc = first_bad(c, idx, TakeBad{limit}, &pos, &value);
  if (rc || pos < 0) return rc;
  return call_fail(c, kIndex, "%s: %s[%lld] = %lld is out of range [0, %lld)", c->op_name, what, (long long)pos,
                   (long long)value, (long long)limit);
}

// ============================================================== row copies
// dst row (scatter ? idx[j] : j) = src row (scatter ? j : idx[j]), rows of `row` elements.
template <class E, class I>
__global__ void copy_rows_kernel(const E* src, E* dst, const I* idx, int64_t m, int64_t row, bool scatter) {
  MXC_KERNEL_LOOP(e, m * row) {
    int64_t j = e / row, i = e % row, r = index_value(idx[j]);
    if (scatter) dst[r * row + i] = src[j * row + i];
    else dst[j * row + i] = src[r * row + i];
  }
}
// Zeroes rows idx[j] of dst.
template <class E, class I>
__global__ void zero_rows_kernel(E* dst, const I* idx, int64_t m, int64_t row) {
  MXC_KERNEL_LOOP(e, m * row) dst[index_value(idx[e / row]) * row + e % row] = E(0);
}
int copy_rows(const mxl_cuda_call* c, const mxl_cuda_blob& src, const mxl_cuda_blob& dst, const mxl_cuda_blob& idx,
              int64_t row, bool scatter) {
  int64_t m = blob_size(idx);
  if (m * row == 0) return 0;
  MXC_SWITCH_BYTES(src.dtype, E, {
    MXC_SWITCH_NUM16(c, idx.dtype, I, {
      copy_rows_kernel<E, I><<<grid_for(m * row), kThreads, 0, stream_of(c)>>>(bptr<const E>(src), bptr<E>(dst),
                                                                               bptr<const I>(idx), m, row, scatter);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
int64_t row_of(const mxl_cuda_blob& b) { return b.shape[0] ? blob_size(b) / b.shape[0] : 0; }

// in: old, index, new -> old with rows index[j] = new[j].
int index_copy(const mxl_cuda_call* c) {
  const mxl_cuda_blob &old = c->in[0], &idx = c->in[1];
  int rc = check_indices(c, idx, "index_vector", old.shape[0]);
  if (rc) return rc;
  CU_CHECK_CALL(c, dcopy(c, c->out[0].data, old.data, esize(old.dtype) * size_t(blob_size(old))));
  return copy_rows(c, c->in[2], c->out[0], idx, row_of(old), true);
}
// in: ograd, index -> (ograd with the indexed rows 0, the indexed rows of ograd).
int index_copy_bwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob &og = c->in[0], &idx = c->in[1];
  int rc = check_indices(c, idx, "index_vector", og.shape[0]);
  if (rc) return rc;
  CU_CHECK_CALL(c, dcopy(c, c->out[0].data, og.data, esize(og.dtype) * size_t(blob_size(og))));
  rc = copy_rows(c, og, c->out[1], idx, row_of(og), false);
  if (rc) return rc;
  int64_t m = blob_size(idx), row = row_of(og);
  if (m * row == 0) return 0;
  MXC_SWITCH_BYTES(og.dtype, E, {
    MXC_SWITCH_NUM16(c, idx.dtype, I, {
      zero_rows_kernel<E, I><<<grid_for(m * row), kThreads, 0, stream_of(c)>>>(bptr<E>(c->out[0]), bptr<const I>(idx),
                                                                               m, row);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ============================================================= index_array
struct AxisList {
  int n = 0;
  int64_t stride[MXL_CUDA_MAX_DIM], size[MXL_CUDA_MAX_DIM];
};
__global__ void index_array_kernel(int64_t* y, int64_t n, AxisList ax) {
  MXC_KERNEL_LOOP(e, n * ax.n) {
    int64_t i = e / ax.n, j = e % ax.n;
    y[e] = (i / ax.stride[j]) % ax.size[j];
  }
}
int index_array(const mxl_cuda_call* c) {
  const mxl_cuda_blob& x = c->in[0];
  int64_t st[MXL_CUDA_MAX_DIM], s = 1;
  for (int k = x.ndim - 1; k >= 0; --k) st[k] = s, s *= x.shape[k];
  AxisList ax;
  int64_t axes[MXL_CUDA_MAX_DIM];
  int na = attr_none(c, "axes") ? -1 : c->attr->shape(c->attrs, "axes", axes);
  ax.n = na < 0 ? x.ndim : na;
  for (int j = 0; j < ax.n; ++j) {
    int64_t a = na < 0 ? j : (axes[j] < 0 ? axes[j] + x.ndim : axes[j]);
    ax.stride[j] = st[a], ax.size[j] = x.shape[a];
  }
  int64_t n = blob_size(x);
  if (n * ax.n == 0) return 0;
  index_array_kernel<<<grid_for(n * ax.n), kThreads, 0, stream_of(c)>>>(bptr<int64_t>(c->out[0]), n, ax);
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ================================================================ split_v2
// out[o, j, i] = in[o, start + j, i] for j < len: one part of the split axis.
template <class E>
__global__ void part_kernel(const E* x, E* y, int64_t outer, int64_t axis_len, int64_t start, int64_t len,
                            int64_t inner) {
  MXC_KERNEL_LOOP(e, outer * len * inner) {
    int64_t i = e % inner, j = (e / inner) % len, o = e / (inner * len);
    y[e] = x[(o * axis_len + start + j) * inner + i];
  }
}
int split_v2(const mxl_cuda_call* c) {
  const mxl_cuda_blob& x = c->in[0];
  int64_t axis = attr_i(c, "axis");
  if (axis < 0) axis += x.ndim;
  int64_t outer = 1, inner = 1, len_ax = x.shape[axis], sections = attr_i(c, "sections");
  for (int k = 0; k < axis; ++k) outer *= x.shape[k];
  for (int k = int(axis) + 1; k < x.ndim; ++k) inner *= x.shape[k];
  int64_t ind[MXL_CUDA_MAX_DIM];
  if (sections <= 0) c->attr->shape(c->attrs, "indices", ind);
  int64_t start = 0;
  for (int k = 0; k < c->nout; ++k) {
    // The part's start and length: array_split sizes, or the given indices.
    int64_t len;
    if (sections > 0) {
      len = len_ax / sections + (k < len_ax % sections ? 1 : 0);
    } else {
      start = ind[k];
      len = (k + 1 < c->nout ? ind[k + 1] : len_ax) - start;
    }
    int64_t n = outer * len * inner;
    if (n > 0) {
      MXC_SWITCH_BYTES(x.dtype, E, {
        part_kernel<E><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const E>(x), bptr<E>(c->out[k]), outer,
                                                                    len_ax, start, len, inner);
      });
      CU_CHECK_LAUNCH(c);
    }
    if (sections > 0) start += len;
  }
  return 0;
}

// ======================================== choose/fill_element_0index, onehot
template <class T, class I>
__global__ void choose_kernel(const T* x, const I* idx, T* y, int64_t n, int64_t m) {
  MXC_KERNEL_LOOP(i, n) y[i] = x[i * m + index_value(idx[i])];
}
template <class T, class I>
__global__ void fill_kernel(T* y, const T* v, const I* idx, int64_t n, int64_t m) {
  MXC_KERNEL_LOOP(i, n) y[i * m + index_value(idx[i])] = v ? v[i] : T(1);
}

// in: lhs (n, m), rhs (n,) -> lhs[i, rhs[i]].
int choose_element(const mxl_cuda_call* c) {
  const mxl_cuda_blob &x = c->in[0], &idx = c->in[1];
  int64_t n = x.shape[0], m = x.shape[1];
  int rc = check_indices(c, idx, "rhs", m);
  if (rc || n == 0) return rc;
  MXC_SWITCH_ALL16(c, x.dtype, T, {
    MXC_SWITCH_NUM16(c, idx.dtype, I, {
      choose_kernel<T, I><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(x), bptr<const I>(idx),
                                                                      bptr<T>(c->out[0]), n, m);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
// in: lhs (n, m), mhs (n,), rhs (n,) -> lhs with [i, rhs[i]] = mhs[i].
int fill_element(const mxl_cuda_call* c) {
  const mxl_cuda_blob &x = c->in[0], &idx = c->in[2];
  int64_t n = x.shape[0], m = x.shape[1];
  int rc = check_indices(c, idx, "rhs", m);
  if (rc) return rc;
  CU_CHECK_CALL(c, dcopy(c, c->out[0].data, x.data, esize(x.dtype) * size_t(blob_size(x))));
  if (n == 0) return 0;
  MXC_SWITCH_ALL16(c, x.dtype, T, {
    MXC_SWITCH_NUM16(c, idx.dtype, I, {
      fill_kernel<T, I><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<T>(c->out[0]), bptr<const T>(c->in[1]),
                                                                    bptr<const I>(idx), n, m);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
// in: lhs (n,) indices, rhs (n, m) -> one-hot rows shaped like rhs.
int onehot_encode(const mxl_cuda_call* c) {
  const mxl_cuda_blob &idx = c->in[0], &y = c->out[0];
  int64_t n = y.shape[0], m = y.shape[1];
  int rc = check_indices(c, idx, "lhs", m);
  if (rc) return rc;
  CU_CHECK_CALL(c, cudaMemsetAsync(y.data, 0, esize(y.dtype) * size_t(blob_size(y)), stream_of(c)));
  if (n == 0) return 0;
  MXC_SWITCH_NUM16(c, y.dtype, T, {
    MXC_SWITCH_NUM16(c, idx.dtype, I, {
      fill_kernel<T, I><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<T>(y), nullptr, bptr<const I>(idx), n, m);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ============================================================ boolean_mask
// pos[j] = the position of the j-th non-zero index value: one thread scans (the op has
// synchronised on index already to size its output; masks are short).
template <class I>
__global__ void mask_positions_kernel(const I* index, int64_t n, int64_t* pos) {
  if (blockIdx.x != 0 || threadIdx.x != 0) return;
  int64_t m = 0;
  for (int64_t i = 0; i < n; ++i)
    if (double(index[i]) != 0) pos[m++] = i;
}
// Between the full array (n positions along the axis) and the compact one (m): element
// e of the compact one is (o, j, i); `scatter` writes the full one.
template <class E>
__global__ void mask_copy_kernel(E* full, E* compact, const int64_t* pos, int64_t outer, int64_t n, int64_t m,
                                 int64_t inner, bool scatter) {
  MXC_KERNEL_LOOP(e, outer * m * inner) {
    int64_t i = e % inner, j = (e / inner) % m, o = e / (inner * m);
    int64_t f = (o * n + pos[j]) * inner + i;
    if (scatter) full[f] = compact[e];
    else compact[e] = full[f];
  }
}
// full/compact/index as the op's blobs; m is the compact array's length along axis.
int mask_copy(const mxl_cuda_call* c, const mxl_cuda_blob& full, const mxl_cuda_blob& compact,
              const mxl_cuda_blob& index, bool scatter) {
  int64_t axis = attr_i(c, "axis");
  if (axis < 0) axis += full.ndim;
  int64_t outer = 1, inner = 1, n = full.shape[axis], m = compact.shape[axis];
  for (int k = 0; k < axis; ++k) outer *= full.shape[k];
  for (int k = int(axis) + 1; k < full.ndim; ++k) inner *= full.shape[k];
  if (outer * m * inner == 0) return 0;
  auto* pos = static_cast<int64_t*>(workspace(c, sizeof(int64_t) * size_t(n)));
  if (!pos) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  MXC_SWITCH_ALL16(c, index.dtype, I, {
    mask_positions_kernel<I><<<1, 1, 0, stream_of(c)>>>(bptr<const I>(index), n, pos);
  });
  CU_CHECK_LAUNCH(c);
  MXC_SWITCH_BYTES(full.dtype, E, {
    mask_copy_kernel<E><<<grid_for(outer * m * inner), kThreads, 0, stream_of(c)>>>(
        bptr<E>(full), bptr<E>(compact), pos, outer, n, m, inner, scatter);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
// in: data, index -> the kept slices.
int boolean_mask(const mxl_cuda_call* c) { return mask_copy(c, c->in[0], c->out[0], c->in[1], false); }
// in: ograd, data, index -> zeros shaped like data with ograd's slices at the kept positions.
int boolean_mask_bwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob& d = c->out[0];
  CU_CHECK_CALL(c, cudaMemsetAsync(d.data, 0, esize(d.dtype) * size_t(blob_size(d)), stream_of(c)));
  return mask_copy(c, d, c->in[0], c->in[2], true);
}

}  // namespace

void register_contrib(KernelTable& t) {
  t.push_back({"_contrib_interleaved_matmul_selfatt_qk", with_float16<attention>});
  t.push_back({"_backward_interleaved_matmul_selfatt_qk", with_float16<attention>});
  t.push_back({"_contrib_interleaved_matmul_selfatt_valatt", with_float16<attention>});
  t.push_back({"_backward_interleaved_matmul_selfatt_valatt", with_float16<attention>});
  t.push_back({"_contrib_interleaved_matmul_encdec_qk", with_float16<attention>});
  t.push_back({"_backward_interleaved_matmul_encdec_qk", with_float16<attention>});
  t.push_back({"_contrib_interleaved_matmul_encdec_valatt", with_float16<attention>});
  t.push_back({"_backward_interleaved_matmul_encdec_valatt", with_float16<attention>});
  t.push_back({"_contrib_div_sqrt_dim", div_sqrt_dim});
  t.push_back({"_contrib_arange_like", arange_like});
  t.push_back({"_contrib_allclose", allclose});
  t.push_back({"_contrib_index_copy", index_copy});
  t.push_back({"_backward_contrib_index_copy", index_copy_bwd});
  t.push_back({"_contrib_index_array", index_array});
  t.push_back({"_contrib_gradientmultiplier", gradient_multiplier});
  t.push_back({"_contrib_quadratic", quadratic});
  t.push_back({"_backward_contrib_quadratic", quadratic_bwd});
  t.push_back({"_contrib_round_ste", round_ste});
  t.push_back({"_contrib_sign_ste", sign_ste});
  t.push_back({"_split_v2", split_v2});
  t.push_back({"choose_element_0index", choose_element});
  t.push_back({"fill_element_0index", fill_element});
  t.push_back({"_onehot_encode", onehot_encode});
  t.push_back({"_contrib_boolean_mask", boolean_mask});
  t.push_back({"_backward_contrib_boolean_mask", boolean_mask_bwd});
}

}  // namespace mxlcuda
