// CUDA kernels of the operators in core/op/extra_ops.cc: hard_sigmoid, rcbrt,
// make_loss, shape_array, size_array, diag, moments (with their backward ops), and
// the sequence ops SequenceMask / SequenceLast / SequenceReverse. Each follows its CPU
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
}

}  // namespace mxlcuda
