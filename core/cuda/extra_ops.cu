// CUDA kernels of the operators in core/op/extra_ops.cc: hard_sigmoid, rcbrt,
// make_loss, shape_array, size_array, diag, moments (with their backward ops), the
// sequence ops SequenceMask / SequenceLast / SequenceReverse, LRN and L2Normalization,
// _linalg_gemm and _linalg_gemm2, erfinv, _ravel_multi_index / _unravel_index,
// batch_take and _np_cumsum. Each follows its CPU
// kernel's arithmetic (compute types, conversions) so both devices give one answer.
#include "common.cuh"

namespace mxlcuda {
namespace {

// ============================================================ hard_sigmoid
template <class T>
__global__ void hard_sigmoid_kernel(const T* x, T* y, int64_t n, double alpha_d, double beta_d) {
  using C = math_t<T>;
  C alpha = C(alpha_d), beta = C(beta_d);
  MXC_KERNEL_LOOP(i, n) {
    C z = alpha * C(x[i]) + beta;
    y[i] = T(z < C(0) ? C(0) : z > C(1) ? C(1) : z);
  }
}
template <class T>
__global__ void hard_sigmoid_bwd_kernel(const T* g, const T* x, T* gx, int64_t n, double alpha_d, double beta_d) {
  using C = math_t<T>;
  C alpha = C(alpha_d), beta = C(beta_d);
  MXC_KERNEL_LOOP(i, n) {
    C z = alpha * C(x[i]) + beta;
    gx[i] = T(z > C(0) && z < C(1) ? C(g[i]) * alpha : C(0));
  }
}
int hard_sigmoid(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    hard_sigmoid_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(c->in[0]), bptr<T>(c->out[0]), n, attr_f(c, "alpha"), attr_f(c, "beta"));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
int hard_sigmoid_bwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT16(c, c->in[1].dtype, T, {
    hard_sigmoid_bwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(c->in[0]), bptr<const T>(c->in[1]), bptr<T>(c->out[0]), n, attr_f(c, "alpha"),
        attr_f(c, "beta"));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ==================================================================== rcbrt
template <class T>
__global__ void rcbrt_kernel(const T* x, T* y, int64_t n) {
  using C = math_t<T>;
  MXC_KERNEL_LOOP(i, n) y[i] = cast_to<T>(C(1) / cbrt(C(x[i])));
}
template <class T>
__global__ void rcbrt_bwd_kernel(const T* g, const T* x, T* gx, int64_t n) {
  using C = math_t<T>;
  MXC_KERNEL_LOOP(i, n) {
    C v = C(x[i]);
    gx[i] = cast_to<T>(C(g[i]) * (C(-1) / (C(3) * v * cbrt(v))));
  }
}
int rcbrt(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_NUM16(c, c->in[0].dtype, T, {
    rcbrt_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<T>(c->out[0]), n);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
int rcbrt_bwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_NUM16(c, c->in[1].dtype, T, {
    rcbrt_bwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]),
                                                                     bptr<const T>(c->in[1]), bptr<T>(c->out[0]), n);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ================================================= make_loss, shape/size_array
int make_loss(const mxl_cuda_call* c) {
  CU_CHECK_CALL(c, dcopy(c, c->out[0].data, c->in[0].data, size_t(blob_size(c->in[0])) * esize(c->in[0].dtype)));
  return 0;
}

// The values travel by value in the launch (no host buffer outlives the call).
struct Dims {
  int64_t v[MXL_CUDA_MAX_DIM];
};
__global__ void write_dims_kernel(int64_t* y, int n, Dims d) {
  int i = int(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) y[i] = d.v[i];
}
int shape_array(const mxl_cuda_call* c) {
  Dims d{};
  int n = c->in[0].ndim;
  for (int k = 0; k < n; ++k) d.v[k] = c->in[0].shape[k];
  if (n == 0) return 0;
  write_dims_kernel<<<1, MXL_CUDA_MAX_DIM, 0, stream_of(c)>>>(bptr<int64_t>(c->out[0]), n, d);
  CU_CHECK_LAUNCH(c);
  return 0;
}
int size_array(const mxl_cuda_call* c) {
  Dims d{};
  d.v[0] = blob_size(c->in[0]);
  write_dims_kernel<<<1, 1, 0, stream_of(c)>>>(bptr<int64_t>(c->out[0]), 1, d);
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ==================================================================== diag
// As the CPU's DiagPlan: output element o = rest index * len + position j on the
// diagonal reads input start + j * step + the rest axes' offsets.
struct DiagPlan {
  int64_t len = 1, start = 0, step = 0;
  int nrest = 0;
  int64_t rest_dim[MXL_CUDA_MAX_DIM] = {0}, rest_stride[MXL_CUDA_MAX_DIM] = {0};
  __device__ int64_t in_offset(int64_t o) const {
    int64_t j = o % len, r = o / len, off = start + j * step;
    for (int d = nrest - 1; d >= 0; --d) {
      off += (r % rest_dim[d]) * rest_stride[d];
      r /= rest_dim[d];
    }
    return off;
  }
};
// The shape rule has already checked the axes and that the diagonal exists.
DiagPlan diag_plan(const mxl_cuda_call* c, const mxl_cuda_blob& x) {
  DiagPlan p;
  int nd = x.ndim;
  int64_t k = attr_i(c, "k");
  int a1 = int(attr_i(c, "axis1")), a2 = int(attr_i(c, "axis2"));
  if (a1 < 0) a1 += nd;
  if (a2 < 0) a2 += nd;
  int64_t stride[MXL_CUDA_MAX_DIM];
  int64_t run = 1;
  for (int d = nd - 1; d >= 0; --d) {
    stride[d] = run;
    run *= x.shape[d];
  }
  int64_t r0 = k < 0 ? -k : 0, c0 = k > 0 ? k : 0;
  int64_t rows = x.shape[a1] - r0, cols = x.shape[a2] - c0;
  p.len = rows < cols ? rows : cols;
  if (p.len < 1) p.len = 1;  // empty output: no element is visited
  p.start = r0 * stride[a1] + c0 * stride[a2];
  p.step = stride[a1] + stride[a2];
  for (int d = 0; d < nd; ++d) {
    if (d == a1 || d == a2) continue;
    p.rest_dim[p.nrest] = x.shape[d];
    p.rest_stride[p.nrest++] = stride[d];
  }
  return p;
}
template <class T>
__global__ void diag_gather_kernel(const T* x, T* y, int64_t n, DiagPlan p) {
  MXC_KERNEL_LOOP(o, n) y[o] = x[p.in_offset(o)];
}
template <class T>
__global__ void diag_scatter_kernel(const T* g, T* gx, int64_t n, DiagPlan p) {
  MXC_KERNEL_LOOP(o, n) gx[p.in_offset(o)] = g[o];
}
// 1-D x of length n <-> the k-th diagonal of the (rows x cols) matrix m.
template <class T>
__global__ void vec_to_diag_kernel(const T* x, T* m, int64_t n, int64_t cols, int64_t k) {
  MXC_KERNEL_LOOP(i, n) m[(i + (k < 0 ? -k : 0)) * cols + i + (k > 0 ? k : 0)] = x[i];
}
template <class T>
__global__ void diag_to_vec_kernel(const T* m, T* x, int64_t n, int64_t cols, int64_t k) {
  MXC_KERNEL_LOOP(i, n) x[i] = m[(i + (k < 0 ? -k : 0)) * cols + i + (k > 0 ? k : 0)];
}

// forward: (data) -> out; backward: (ograd, data) -> data's gradient.
template <bool Backward>
int diag(const mxl_cuda_call* c) {
  const mxl_cuda_blob& x = Backward ? c->in[1] : c->in[0];
  const mxl_cuda_blob& src = c->in[0];
  const mxl_cuda_blob& y = c->out[0];
  int64_t k = attr_i(c, "k");
  int64_t nsrc = blob_size(src), ny = blob_size(y);
  MXC_SWITCH_ALL16(c, x.dtype, T, {
    if (x.ndim == 1) {
      if (!Backward) {
        CU_CHECK_CALL(c, fill<T>(c, bptr<T>(y), ny, T(0)));
        if (nsrc > 0)
          vec_to_diag_kernel<T><<<grid_for(nsrc), kThreads, 0, stream_of(c)>>>(bptr<const T>(src), bptr<T>(y), nsrc,
                                                                                y.shape[1], k);
      } else if (ny > 0) {
        diag_to_vec_kernel<T><<<grid_for(ny), kThreads, 0, stream_of(c)>>>(bptr<const T>(src), bptr<T>(y), ny,
                                                                            src.shape[1], k);
      }
    } else {
      DiagPlan p = diag_plan(c, x);
      if (!Backward) {
        if (ny > 0)
          diag_gather_kernel<T><<<grid_for(ny), kThreads, 0, stream_of(c)>>>(bptr<const T>(src), bptr<T>(y), ny, p);
      } else {
        CU_CHECK_CALL(c, fill<T>(c, bptr<T>(y), ny, T(0)));
        if (nsrc > 0)
          diag_scatter_kernel<T><<<grid_for(nsrc), kThreads, 0, stream_of(c)>>>(bptr<const T>(src), bptr<T>(y),
                                                                                 nsrc, p);
      }
    }
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ================================================================== moments
// Kept axes (in order) index the outputs, reduced axes (in order) a group's members:
// the same enumeration as the CPU's MomentsPlan.
struct MomentsPlan {
  int nk = 0, nr = 0;
  int64_t kdim[MXL_CUDA_MAX_DIM] = {0}, kst[MXL_CUDA_MAX_DIM] = {0};
  int64_t rdim[MXL_CUDA_MAX_DIM] = {0}, rst[MXL_CUDA_MAX_DIM] = {0};
  int64_t n = 1;  // members per group
  __device__ static int64_t offset(int64_t i, int nd, const int64_t* dim, const int64_t* st) {
    int64_t off = 0;
    for (int d = nd - 1; d >= 0; --d) {
      off += (i % dim[d]) * st[d];
      i /= dim[d];
    }
    return off;
  }
  __device__ int64_t base(int64_t o) const { return offset(o, nk, kdim, kst); }
  __device__ int64_t member(int64_t r) const { return offset(r, nr, rdim, rst); }
};
MomentsPlan moments_plan(const mxl_cuda_call* c, const mxl_cuda_blob& x) {
  int64_t axes[MXL_CUDA_MAX_DIM];
  int na = c->attr->shape(c->attrs, "axes", axes);
  bool reduced[MXL_CUDA_MAX_DIM] = {false};
  for (int i = 0; i < na; ++i) reduced[axes[i] < 0 ? axes[i] + x.ndim : axes[i]] = true;
  MomentsPlan p;
  int64_t run = 1, st[MXL_CUDA_MAX_DIM];
  for (int d = x.ndim - 1; d >= 0; --d) {
    st[d] = run;
    run *= x.shape[d];
  }
  for (int d = 0; d < x.ndim; ++d) {
    if (reduced[d]) {
      p.rdim[p.nr] = x.shape[d];
      p.rst[p.nr++] = st[d];
      p.n *= x.shape[d];
    } else {
      p.kdim[p.nk] = x.shape[d];
      p.kst[p.nk++] = st[d];
    }
  }
  return p;
}
// One thread per output: the mean, then the mean squared deviation, in double.
template <class T>
__global__ void moments_kernel(const T* x, T* mean, T* var, int64_t nout, MomentsPlan p) {
  MXC_KERNEL_LOOP(o, nout) {
    const T* g = x + p.base(o);
    double s = 0;
    for (int64_t r = 0; r < p.n; ++r) s += double(g[p.member(r)]);
    double m = p.n ? s / double(p.n) : nan("");
    double ss = 0;
    for (int64_t r = 0; r < p.n; ++r) {
      double d = double(g[p.member(r)]) - m;
      ss += d * d;
    }
    mean[o] = cast_to<T>(m);
    var[o] = cast_to<T>(p.n ? ss / double(p.n) : nan(""));
  }
}
// One thread per input element i = group o, member r.
template <class T>
__global__ void moments_bwd_kernel(const T* gm, const T* gv, const T* x, const T* mean, T* gx, int64_t nin,
                                   MomentsPlan p) {
  MXC_KERNEL_LOOP(i, nin) {
    int64_t o = i / p.n, r = i % p.n;
    int64_t at = p.base(o) + p.member(r);
    gx[at] = cast_to<T>((double(gm[o]) + 2.0 * double(gv[o]) * (double(x[at]) - double(mean[o]))) / double(p.n));
  }
}
int moments(const mxl_cuda_call* c) {
  MomentsPlan p = moments_plan(c, c->in[0]);
  int64_t nout = blob_size(c->out[0]);
  if (nout == 0) return 0;
  MXC_SWITCH_NUM16(c, c->in[0].dtype, T, {
    moments_kernel<T><<<grid_for(nout), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<T>(c->out[0]),
                                                                      bptr<T>(c->out[1]), nout, p);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
int moments_bwd(const mxl_cuda_call* c) {
  MomentsPlan p = moments_plan(c, c->in[2]);
  int64_t nin = blob_size(c->out[0]);
  if (nin == 0) return 0;
  MXC_SWITCH_NUM16(c, c->in[2].dtype, T, {
    moments_bwd_kernel<T><<<grid_for(nin), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(c->in[0]), bptr<const T>(c->in[1]), bptr<const T>(c->in[2]), bptr<const T>(c->in[3]),
        bptr<T>(c->out[0]), nin, p);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}


// ============================================================ sequence ops
// As the CPU's SeqLayout: (T, B, inner...) for axis 0, (B, T, inner...) for axis 1.
struct SeqLayout {
  int64_t steps = 0, batch = 0, inner = 1;
  bool batch_major = false;
  __device__ int64_t at(int64_t t, int64_t b) const { return (batch_major ? b * steps + t : t * batch + b) * inner; }
  // (t, b) of row r (= element / inner) in the data's own order
  __device__ void step_of(int64_t r, int64_t& t, int64_t& b) const {
    t = batch_major ? r % steps : r / batch;
    b = batch_major ? r / steps : r % batch;
  }
};
SeqLayout seq_layout(const mxl_cuda_call* c, const mxl_cuda_blob& d) {
  SeqLayout l;
  l.batch_major = attr_i(c, "axis") == 1;
  l.steps = d.shape[l.batch_major ? 1 : 0];
  l.batch = d.shape[l.batch_major ? 0 : 1];
  for (int k = 2; k < d.ndim; ++k) l.inner *= d.shape[k];
  return l;
}

template <class I>
__global__ void lengths_kernel(const I* v, int64_t* len, int64_t n) {
  MXC_KERNEL_LOOP(i, n) len[i] = index_value(v[i]);
}
// Each sequence's length as int64 in device scratch (nullptr without
// use_sequence_length: every sequence is full). With lo >= 0 the values are read back
// and checked to lie in [lo, T], with the CPU kernel's message; lo < 0: kernels clamp.
int seq_lengths(const mxl_cuda_call* c, const mxl_cuda_blob& lengths, const SeqLayout& l, int64_t lo,
                const char* op, int64_t** out) {
  *out = nullptr;
  if (!attr_b(c, "use_sequence_length") || l.batch == 0) return 0;
  int64_t* len = static_cast<int64_t*>(workspace(c, size_t(l.batch) * sizeof(int64_t)));
  if (!len) return call_fail(c, kOutOfMemory, "%s: no device memory for %lld sequence lengths", op, (long long)l.batch);
  MXC_SWITCH_ALL16(c, lengths.dtype, I, {
    lengths_kernel<I><<<grid_for(l.batch), kThreads, 0, stream_of(c)>>>(bptr<const I>(lengths), len, l.batch);
  });
  CU_CHECK_LAUNCH(c);
  if (lo >= 0) {
    std::vector<int64_t> host(size_t(l.batch));
    CU_CHECK_CALL(c, cudaMemcpyAsync(host.data(), len, host.size() * sizeof(int64_t), cudaMemcpyDeviceToHost,
                                     stream_of(c)));
    CU_CHECK_CALL(c, cudaStreamSynchronize(stream_of(c)));
    for (int64_t b = 0; b < l.batch; ++b)
      if (host[size_t(b)] < lo || host[size_t(b)] > l.steps)
        return call_fail(c, kIndex, "%s: sequence_length[%lld] = %lld is outside [%lld, %lld] (the sequence axis has "
                         "%lld steps)", op, (long long)b, (long long)host[size_t(b)], (long long)lo,
                         (long long)l.steps, (long long)l.steps);
  }
  *out = len;
  return 0;
}
__device__ inline int64_t seq_len(const int64_t* len, int64_t b, int64_t steps) {
  if (!len) return steps;
  int64_t n = len[b];
  return n < 0 ? 0 : n > steps ? steps : n;
}

template <class T>
__global__ void sequence_mask_kernel(const T* x, T* y, int64_t n, SeqLayout l, const int64_t* len, T value) {
  MXC_KERNEL_LOOP(i, n) {
    int64_t t, b;
    l.step_of(i / l.inner, t, b);
    y[i] = t < seq_len(len, b, l.steps) ? x[i] : value;
  }
}
int sequence_mask(const mxl_cuda_call* c) {
  SeqLayout l = seq_layout(c, c->in[0]);
  int64_t* len = nullptr;
  if (int rc = seq_lengths(c, c->in[c->nin - 1], l, -1, "SequenceMask", &len)) return rc;
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  double value = attr_f(c, "value");
  MXC_SWITCH_NUM16(c, c->in[0].dtype, T, {
    sequence_mask_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]),
                                                                         bptr<T>(c->out[0]), n, l, len,
                                                                         saturate<T>(value));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// Forward: y (B, inner) = x at step length - 1; Scatter (backward): the (B, inner)
// gradient goes to those steps of the zeroed data-shaped gradient.
template <class T, bool Scatter>
__global__ void sequence_last_kernel(const T* src, T* dst, int64_t n, SeqLayout l, const int64_t* len) {
  MXC_KERNEL_LOOP(i, n) {
    int64_t b = i / l.inner, j = i % l.inner;
    int64_t full = l.at(seq_len(len, b, l.steps) - 1, b) + j;
    if (Scatter) dst[full] = src[i];
    else dst[i] = src[full];
  }
}
template <bool Scatter>
int sequence_last(const mxl_cuda_call* c) {
  const char* op = Scatter ? "_backward_SequenceLast" : "SequenceLast";
  const mxl_cuda_blob& data = Scatter ? c->in[1] : c->in[0];
  SeqLayout l = seq_layout(c, data);
  int64_t* len = nullptr;
  int nlen_in = Scatter ? 3 : 2;
  if (c->nin == nlen_in)
    if (int rc = seq_lengths(c, c->in[nlen_in - 1], l, 1, op, &len)) return rc;
  int64_t n = l.batch * l.inner;
  MXC_SWITCH_NUM16(c, data.dtype, T, {
    if (Scatter) CU_CHECK_CALL(c, fill<T>(c, bptr<T>(c->out[0]), blob_size(c->out[0]), T(0)));
    if (n > 0)
      sequence_last_kernel<T, Scatter><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]),
                                                                                    bptr<T>(c->out[0]), n, l, len);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

template <class T>
__global__ void sequence_reverse_kernel(const T* x, T* y, int64_t n, SeqLayout l, const int64_t* len) {
  MXC_KERNEL_LOOP(i, n) {
    int64_t t, b, j = i % l.inner;
    l.step_of(i / l.inner, t, b);
    int64_t k = seq_len(len, b, l.steps);
    int64_t from = t < k ? k - 1 - t : t;
    y[i] = x[l.at(from, b) + j];
  }
}
int sequence_reverse(const mxl_cuda_call* c) {
  SeqLayout l = seq_layout(c, c->in[0]);
  int64_t* len = nullptr;
  if (c->nin == 2)
    if (int rc = seq_lengths(c, c->in[1], l, 0, "SequenceReverse", &len)) return rc;
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_NUM16(c, c->in[0].dtype, T, {
    sequence_reverse_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]),
                                                                            bptr<T>(c->out[0]), n, l, len);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}


// ====================================================================== LRN
// (N, C, inner...): element (n, c, r). S_c = knorm + alpha / nsize * sum of x_j^2 over
// |j - c| <= (nsize - 1) / 2, in double as on the CPU. One thread per element; the
// backward recomputes the S of each channel in the window (simple, not fast).
struct LrnArgs {
  int64_t C = 1, inner = 1, half = 0;
  double knorm = 2, coef = 0, beta = 0.75;
};
template <class T>
__device__ double lrn_S(const T* col, int64_t c, const LrnArgs& p) {
  int64_t lo = c - p.half < 0 ? 0 : c - p.half, hi = c + p.half > p.C - 1 ? p.C - 1 : c + p.half;
  double sum = 0;
  for (int64_t j = lo; j <= hi; ++j) {
    double v = double(col[j * p.inner]);
    sum += v * v;
  }
  return p.knorm + p.coef * sum;
}
template <class T, bool Backward>
__global__ void lrn_kernel(const T* g, const T* x, T* y, int64_t n, LrnArgs p) {
  MXC_KERNEL_LOOP(i, n) {
    int64_t r = i % p.inner, c = (i / p.inner) % p.C, nn = i / (p.inner * p.C);
    int64_t base = nn * p.C * p.inner + r;
    const T* col = x + base;
    double Si = lrn_S(col, c, p);
    if (!Backward) {
      y[i] = T(double(x[i]) * pow(Si, -p.beta));
    } else {
      const T* gcol = g + base;
      int64_t lo = c - p.half < 0 ? 0 : c - p.half, hi = c + p.half > p.C - 1 ? p.C - 1 : c + p.half;
      double sum = 0;
      for (int64_t k = lo; k <= hi; ++k)
        sum += double(gcol[k * p.inner]) * double(col[k * p.inner]) * pow(lrn_S(col, k, p), -p.beta - 1);
      y[i] = T(double(g[i]) * pow(Si, -p.beta) - 2 * p.beta * p.coef * double(x[i]) * sum);
    }
  }
}
template <bool Backward>
int lrn(const mxl_cuda_call* c) {
  const mxl_cuda_blob& x = Backward ? c->in[1] : c->in[0];
  LrnArgs p;
  p.C = x.shape[1];
  for (int k = 2; k < x.ndim; ++k) p.inner *= x.shape[k];
  int64_t nsize = attr_i(c, "nsize");
  p.half = (nsize - 1) / 2;
  p.knorm = attr_f(c, "knorm");
  p.coef = attr_f(c, "alpha") / double(nsize);
  p.beta = attr_f(c, "beta");
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT16(c, x.dtype, T, {
    lrn_kernel<T, Backward><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        Backward ? bptr<const T>(c->in[0]) : nullptr, bptr<const T>(x), bptr<T>(c->out[0]), n, p);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ========================================================== L2Normalization
// The CPU's (outer, mid, inner) view: one thread per (outer, inner) group sums x^2
// (and g x for the backward) over mid in double, then writes the group.
struct L2Args {
  int64_t mid = 1, inner = 1;
  double eps = 1e-10;
};
template <class T, bool Backward>
__global__ void l2norm_kernel(const T* g, const T* x, T* y, int64_t groups, L2Args p) {
  MXC_KERNEL_LOOP(grp, groups) {
    int64_t base = (grp / p.inner) * p.mid * p.inner + grp % p.inner;
    double ss = 0, gx = 0;
    for (int64_t m = 0; m < p.mid; ++m) {
      double xv = double(x[base + m * p.inner]);
      ss += xv * xv;
      if (Backward) gx += double(g[base + m * p.inner]) * xv;
    }
    double norm = sqrt(ss + p.eps);
    for (int64_t m = 0; m < p.mid; ++m) {
      int64_t at = base + m * p.inner;
      y[at] = Backward ? T(double(g[at]) / norm - double(x[at]) * gx / (norm * norm * norm)) : T(double(x[at]) / norm);
    }
  }
}
template <bool Backward>
int l2norm(const mxl_cuda_call* c) {
  const mxl_cuda_blob& x = Backward ? c->in[1] : c->in[0];
  std::string mode = attr_s(c, "mode");
  int64_t rest = 1, outer;
  for (int k = 2; k < x.ndim; ++k) rest *= x.shape[k];
  L2Args p;
  p.eps = attr_f(c, "eps");
  if (mode == "instance") {
    outer = x.shape[0];
    p.mid = outer ? blob_size(x) / outer : 0;
  } else if (mode == "channel") {
    outer = x.shape[0];
    p.mid = x.shape[1];
    p.inner = rest;
  } else {
    outer = x.shape[0] * x.shape[1];
    p.mid = rest;
  }
  int64_t groups = outer * p.inner;
  if (groups == 0 || p.mid == 0) return 0;
  MXC_SWITCH_FLOAT16(c, x.dtype, T, {
    l2norm_kernel<T, Backward><<<grid_for(groups), kThreads, 0, stream_of(c)>>>(
        Backward ? bptr<const T>(c->in[0]) : nullptr, bptr<const T>(x), bptr<T>(c->out[0]), groups, p);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}


// ============================================================ linalg gemm
// Rows on `axis`, columns on the last axis, the other axes batch axes (as the CPU).
// One thread per output element sums its row-times-column product in double (the CPU
// goes through the BLAS: results agree to rounding).
struct GemmArgs {
  int nd = 0, ax = 0;
  int64_t dim[MXL_CUDA_MAX_DIM] = {0};                   // output shape
  int64_t sa[MXL_CUDA_MAX_DIM] = {0}, sb[MXL_CUDA_MAX_DIM] = {0}, so[MXL_CUDA_MAX_DIM] = {0};  // strides
  int64_t K = 0;
  bool ta = false, tb = false;
  double alpha = 1, beta = 0;
};
inline void strides_of(const mxl_cuda_blob& b, int64_t* st) {
  int64_t run = 1;
  for (int d = b.ndim - 1; d >= 0; --d) {
    st[d] = run;
    run *= b.shape[d];
  }
}
template <class T>
__global__ void gemm_kernel(const T* A, const T* B, const T* C, T* out, int64_t n, GemmArgs p) {
  MXC_KERNEL_LOOP(o, n) {
    int64_t rest = o, offa = 0, offb = 0, offo = 0, i = 0, j = 0;
    for (int d = p.nd - 1; d >= 0; --d) {
      int64_t idx = rest % p.dim[d];
      rest /= p.dim[d];
      offo += idx * p.so[d];
      if (d == p.ax) i = idx;
      else if (d == p.nd - 1) j = idx;
      else {
        offa += idx * p.sa[d];
        offb += idx * p.sb[d];
      }
    }
    int64_t ra = p.sa[p.ax], rb = p.sb[p.ax];  // row strides (columns have stride 1)
    double acc = 0;
    for (int64_t k = 0; k < p.K; ++k) {
      double av = double(A[offa + (p.ta ? k * ra + i : i * ra + k)]);
      double bv = double(B[offb + (p.tb ? j * rb + k : k * rb + j)]);
      acc += av * bv;
    }
    double v = p.alpha * acc;
    if (C) v += p.beta * double(C[offo]);
    out[offo] = T(v);
  }
}
// in: A, B (and C for gemm); the shape rule has checked the shapes.
int linalg_gemm(const mxl_cuda_call* c) {
  const mxl_cuda_blob &A = c->in[0], &B = c->in[1], &out = c->out[0];
  bool has_c = c->nin == 3;
  GemmArgs p;
  p.nd = out.ndim;
  int64_t ax = attr_i(c, "axis");
  p.ax = int(ax < 0 ? ax + p.nd : ax);
  p.ta = attr_b(c, "transpose_a");
  p.tb = attr_b(c, "transpose_b");
  p.alpha = attr_f(c, "alpha");
  p.beta = has_c ? attr_f(c, "beta") : 0.0;
  p.K = p.ta ? A.shape[p.ax] : A.shape[p.nd - 1];
  for (int d = 0; d < p.nd; ++d) p.dim[d] = out.shape[d];
  strides_of(A, p.sa);
  strides_of(B, p.sb);
  strides_of(out, p.so);
  int64_t n = blob_size(out);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT(c, A.dtype, T, {
    gemm_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(A), bptr<const T>(B),
                                                                has_c ? bptr<const T>(c->in[2]) : nullptr,
                                                                bptr<T>(out), n, p);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}


// =================================================================== erfinv
// In double like the CPU (CUDA's erfinv; the CPU refines an approximation with
// Newton steps: both are exact to double rounding before the cast to the dtype).
template <class T>
__global__ void erfinv_kernel(const T* x, T* y, int64_t n) {
  MXC_KERNEL_LOOP(i, n) y[i] = cast_to<T>(erfinv(double(x[i])));
}
template <class T>
__global__ void erfinv_bwd_kernel(const T* g, const T* x, T* gx, int64_t n) {
  MXC_KERNEL_LOOP(i, n) {
    double r = erfinv(double(x[i]));
    gx[i] = cast_to<T>(double(g[i]) * 0.88622692545275801 * exp(r * r));
  }
}
int erfinv_fwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_NUM16(c, c->in[0].dtype, T, {
    erfinv_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<T>(c->out[0]), n);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
int erfinv_bwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_NUM16(c, c->in[1].dtype, T, {
    erfinv_bwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]),
                                                                      bptr<const T>(c->in[1]), bptr<T>(c->out[0]), n);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ======================================================= ravel / unravel
struct RavelShape {
  int nd = 0;
  int64_t dim[MXL_CUDA_MAX_DIM] = {0};
};
RavelShape ravel_shape(const mxl_cuda_call* c) {
  RavelShape r;
  r.nd = c->attr->shape(c->attrs, "shape", r.dim);
  return r;
}
// data (nd, n) -> out (n): Horner over the dims, wrapping like the CPU's int64 math.
template <class T>
__global__ void ravel_kernel(const T* d, T* out, int64_t n, RavelShape s) {
  MXC_KERNEL_LOOP(i, n) {
    uint64_t flat = 0;
    for (int k = 0; k < s.nd; ++k)
      flat = flat * uint64_t(k ? s.dim[k] : 1) + uint64_t(index_value(d[k * n + i]));
    out[i] = saturate<T>(double(int64_t(flat)));
  }
}
// data (n) -> out (nd, n); C's truncating % and / on int64, the first coordinate unwrapped.
template <class T>
__global__ void unravel_kernel(const T* d, T* out, int64_t n, RavelShape s) {
  MXC_KERNEL_LOOP(i, n) {
    int64_t rest = index_value(d[i]);
    for (int k = s.nd - 1; k >= 1; --k) {
      out[k * n + i] = saturate<T>(double(rest % s.dim[k]));
      rest /= s.dim[k];
    }
    out[i] = saturate<T>(double(rest));
  }
}
template <bool Unravel>
int ravel(const mxl_cuda_call* c) {
  RavelShape s = ravel_shape(c);
  int64_t n = Unravel ? blob_size(c->in[0]) : blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_NUM16(c, c->in[0].dtype, T, {
    if (Unravel)
      unravel_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<T>(c->out[0]), n, s);
    else
      ravel_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<T>(c->out[0]), n, s);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ================================================================ batch_take
template <class T, class I>
__global__ void batch_take_kernel(const T* a, const I* idx, T* out, int64_t n, int64_t cols) {
  MXC_KERNEL_LOOP(i, n) {
    int64_t j = index_value(idx[i]);
    j = j < 0 ? 0 : j > cols - 1 ? cols - 1 : j;
    out[i] = a[i * cols + j];
  }
}
int batch_take(const mxl_cuda_call* c) {
  const mxl_cuda_blob &a = c->in[0], &idx = c->in[1];
  int64_t n = blob_size(c->out[0]), cols = a.shape[a.ndim - 1];
  if (n == 0) return 0;
  MXC_SWITCH_ALL16(c, a.dtype, T, {
    MXC_SWITCH_ALL16(c, idx.dtype, I, {
      batch_take_kernel<T, I><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(a), bptr<const I>(idx),
                                                                          bptr<T>(c->out[0]), n, cols);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}


// =================================================================== cumsum
// One thread per (outer, inner) line scans it in order, converting each value to the
// output dtype and summing in its compute type (integers wrap), as the CPU does.
template <class O, class I, bool Reverse>
__global__ void cumsum_kernel(const I* x, O* y, int64_t lines, int64_t len, int64_t inner) {
  using A = compute_t<O>;
  MXC_KERNEL_LOOP(line, lines) {
    int64_t base = (line / inner) * len * inner + line % inner;
    A acc = A(0);
    for (int64_t t = 0; t < len; ++t) {
      int64_t at = base + (Reverse ? len - 1 - t : t) * inner;
      acc = mxl::wrap_add(acc, A(cast_to<O>(x[at])));
      y[at] = O(acc);
    }
  }
}
// Forward (a) -> out; backward (ograd, a) -> a's gradient, summed from the end.
template <bool Reverse>
int cumsum(const mxl_cuda_call* c) {
  const mxl_cuda_blob& data = Reverse ? c->in[1] : c->in[0];
  const mxl_cuda_blob& src = c->in[0];
  int64_t outer = 1, len = blob_size(data), inner = 1;
  if (!attr_none(c, "axis")) {
    int64_t ax = attr_i(c, "axis");
    if (ax < 0) ax += data.ndim;
    outer = 1;
    inner = 1;
    for (int k = 0; k < data.ndim; ++k) {
      if (k < ax) outer *= data.shape[k];
      else if (k > ax) inner *= data.shape[k];
    }
    len = data.shape[ax];
  }
  int64_t lines = outer * inner;
  if (lines == 0 || len == 0) return 0;
  MXC_SWITCH_NUM16(c, c->out[0].dtype, O, {
    MXC_SWITCH_ALL16(c, src.dtype, I, {
      cumsum_kernel<O, I, Reverse><<<grid_for(lines), kThreads, 0, stream_of(c)>>>(bptr<const I>(src),
                                                                                    bptr<O>(c->out[0]), lines, len,
                                                                                    inner);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

}  // namespace

void register_extra_ops(KernelTable& t) {
  t.push_back({"hard_sigmoid", hard_sigmoid});
  t.push_back({"_backward_hard_sigmoid", hard_sigmoid_bwd});
  t.push_back({"rcbrt", rcbrt});
  t.push_back({"_backward_rcbrt", rcbrt_bwd});
  t.push_back({"make_loss", make_loss});
  t.push_back({"shape_array", shape_array});
  t.push_back({"size_array", size_array});
  t.push_back({"diag", diag<false>});
  t.push_back({"_backward_diag", diag<true>});
  t.push_back({"moments", moments});
  t.push_back({"_backward_moments", moments_bwd});
  t.push_back({"SequenceMask", sequence_mask});
  t.push_back({"SequenceLast", sequence_last<false>});
  t.push_back({"_backward_SequenceLast", sequence_last<true>});
  t.push_back({"SequenceReverse", sequence_reverse});
  t.push_back({"LRN", lrn<false>});
  t.push_back({"_backward_LRN", lrn<true>});
  t.push_back({"L2Normalization", l2norm<false>});
  t.push_back({"_backward_L2Normalization", l2norm<true>});
  t.push_back({"_linalg_gemm", linalg_gemm});
  t.push_back({"_linalg_gemm2", linalg_gemm});
  t.push_back({"erfinv", erfinv_fwd});
  t.push_back({"_backward_erfinv", erfinv_bwd});
  t.push_back({"_ravel_multi_index", ravel<false>});
  t.push_back({"_unravel_index", ravel<true>});
  t.push_back({"batch_take", batch_take});
  t.push_back({"_np_cumsum", cumsum<false>});
  t.push_back({"_backward_np_cumsum", cumsum<true>});
}

}  // namespace mxlcuda
