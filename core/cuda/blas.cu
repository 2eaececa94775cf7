// Matrix products on the device: dot, batch_dot, FullyConnected and their gradients.
// float32 / float64 go through cuBLAS, loaded at run time (MXLITE_CUBLAS_LIBRARY, else
// libcublas.so.13 / .12 / .so) so that the plugin links no cuBLAS; when it cannot be
// loaded -- and for integer dtypes -- a tiled GEMM kernel written here is used.
#include <dlfcn.h>

#include <cstdlib>
#include <mutex>

#include "blas.cuh"

namespace mxlcuda {

namespace {

// ------------------------------------------------------------------ cuBLAS
// The few entry points used, declared here (cuBLAS v2 API, stable since CUDA 6).
using cublasHandle = void*;
using CreateFn = int (*)(cublasHandle*);
using SetStreamFn = int (*)(cublasHandle, cudaStream_t);
using SgemmFn = int (*)(cublasHandle, int, int, int, int, int, const float*, const float*, int, long long,
                        const float*, int, long long, const float*, float*, int, long long, int);
using DgemmFn = int (*)(cublasHandle, int, int, int, int, int, const double*, const double*, int, long long,
                        const double*, int, long long, const double*, double*, int, long long, int);

struct Cublas {
  void* lib = nullptr;
  std::string name, why;
  CreateFn create = nullptr;
  SetStreamFn set_stream = nullptr;
  SgemmFn sgemm = nullptr;  // cublasSgemmStridedBatched
  DgemmFn dgemm = nullptr;  // cublasDgemmStridedBatched
  std::mutex mu;            // a handle is used by one thread at a time
  cublasHandle handle[64] = {nullptr};
};

Cublas& cublas() {
  static Cublas* c = [] {
    auto* cb = new Cublas;
    cb->lib = open_library("MXLITE_CUBLAS_LIBRARY", {"libcublas.so.13", "libcublas.so.12", "libcublas.so"},
                           &cb->name, &cb->why);
    if (!cb->lib) return cb;
    cb->create = reinterpret_cast<CreateFn>(dlsym(cb->lib, "cublasCreate_v2"));
    cb->set_stream = reinterpret_cast<SetStreamFn>(dlsym(cb->lib, "cublasSetStream_v2"));
    cb->sgemm = reinterpret_cast<SgemmFn>(dlsym(cb->lib, "cublasSgemmStridedBatched"));
    cb->dgemm = reinterpret_cast<DgemmFn>(dlsym(cb->lib, "cublasDgemmStridedBatched"));
    if (!cb->create || !cb->set_stream || !cb->sgemm || !cb->dgemm) {
      cb->why = cb->name + " lacks the cuBLAS v2 entry points";
      cb->create = nullptr;
    }
    return cb;
  }();
  return *c;
}

// The device's handle, or nullptr (no cuBLAS, or it failed to initialise: fall back).
// Called with Cublas::mu held.
cublasHandle handle_for(int dev) {
  Cublas& cb = cublas();
  if (!cb.create || dev < 0 || dev >= 64) return nullptr;
  if (!cb.handle[dev]) {
    cublasHandle h = nullptr;
    if (cb.create(&h) != 0) return nullptr;
    cb.handle[dev] = h;
  }
  return cb.handle[dev];
}

// ------------------------------------------------------------ fallback GEMM
template <class T> struct GemmAcc { using type = uint64_t; };  // integers wrap like the CPU loop
template <> struct GemmAcc<float> { using type = float; };
template <> struct GemmAcc<double> { using type = double; };

constexpr int kTile = 16;
// Row-major C[b] = alpha * op(A[b]) op(B[b]) + beta * C[b]; op(A) is M x K.
template <class T>
__global__ void gemm_kernel(bool ta, bool tb, int64_t M, int64_t N, int64_t K, T alpha, const T* A, int64_t lda,
                            int64_t sa, const T* B, int64_t ldb, int64_t sb, T beta, T* C, int64_t ldc, int64_t sc) {
  using Acc = typename GemmAcc<T>::type;
  __shared__ Acc as[kTile][kTile + 1], bs[kTile][kTile + 1];
  const int64_t b = blockIdx.z;
  A += b * sa;
  B += b * sb;
  C += b * sc;
  const int64_t row = int64_t(blockIdx.y) * kTile + threadIdx.y, col = int64_t(blockIdx.x) * kTile + threadIdx.x;
  Acc acc = Acc(0);
  for (int64_t k0 = 0; k0 < K; k0 += kTile) {
    int64_t ka = k0 + threadIdx.x, kb = k0 + threadIdx.y;
    as[threadIdx.y][threadIdx.x] =
        (row < M && ka < K) ? Acc(ta ? A[ka * lda + row] : A[row * lda + ka]) : Acc(0);
    bs[threadIdx.y][threadIdx.x] =
        (col < N && kb < K) ? Acc(tb ? B[col * ldb + kb] : B[kb * ldb + col]) : Acc(0);
    __syncthreads();
    for (int k = 0; k < kTile; ++k) acc += as[threadIdx.y][k] * bs[k][threadIdx.x];
    __syncthreads();
  }
  if (row < M && col < N) {
    Acc v = Acc(alpha) * acc;
    if (beta != T(0)) v += Acc(beta) * Acc(C[row * ldc + col]);
    C[row * ldc + col] = T(v);
  }
}

template <class T>
int gemm_fallback(const mxl_cuda_call* c, const GemmArgs<T>& g) {
  dim3 block(kTile, kTile);
  dim3 grid(unsigned((g.N + kTile - 1) / kTile), unsigned((g.M + kTile - 1) / kTile), unsigned(g.batch));
  gemm_kernel<T><<<grid, block, 0, stream_of(c)>>>(g.ta, g.tb, g.M, g.N, g.K, g.alpha, g.A, g.lda, g.sa, g.B, g.ldb,
                                                  g.sb, g.beta, g.C, g.ldc, g.sc);
  CU_CHECK_LAUNCH(c);
  return 0;
}

}  // namespace

const char* cublas_status() {
  static std::string s;
  Cublas& cb = cublas();
  s = cb.create ? "cuBLAS " + cb.name : "no cuBLAS (" + cb.why + "), built-in GEMM";
  return s.c_str();
}

template <class T>
int gemm(const mxl_cuda_call* c, const GemmArgs<T>& g) {
  if (g.M == 0 || g.N == 0 || g.batch == 0) return 0;
  if (g.K == 0) {  // C = beta * C: only the beta == 0 case occurs here
    for (int64_t b = 0; b < g.batch; ++b)
      for (int64_t r = 0; r < g.M; ++r)
        CU_CHECK_CALL(c, fill<T>(c, g.C + b * g.sc + r * g.ldc, g.N, T(0)));
    return 0;
  }
  if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
    const bool fits = g.M < (1ll << 31) && g.N < (1ll << 31) && g.K < (1ll << 31) && g.batch < (1ll << 31);
    Cublas& cb = cublas();
    std::unique_lock<std::mutex> lk(cb.mu);
    cublasHandle h = fits ? handle_for(c->device) : nullptr;
    if (h) {
      int st = cb.set_stream(h, stream_of(c));
      // Row-major C = op(A) op(B) is column-major C^T = op(B)^T op(A)^T.
      if (st == 0) {
        if constexpr (std::is_same_v<T, float>)
          st = cb.sgemm(h, g.tb ? 1 : 0, g.ta ? 1 : 0, int(g.N), int(g.M), int(g.K), &g.alpha, g.B, int(g.ldb), g.sb,
                        g.A, int(g.lda), g.sa, &g.beta, g.C, int(g.ldc), g.sc, int(g.batch));
        else
          st = cb.dgemm(h, g.tb ? 1 : 0, g.ta ? 1 : 0, int(g.N), int(g.M), int(g.K), &g.alpha, g.B, int(g.ldb), g.sb,
                        g.A, int(g.lda), g.sa, &g.beta, g.C, int(g.ldc), g.sc, int(g.batch));
      }
      if (st != 0) return call_fail(c, kDevice, "%s: cuBLAS gemm failed with status %d", c->op_name, st);
      return 0;
    }
    lk.unlock();
  }
  return gemm_fallback<T>(c, g);
}
template int gemm<float>(const mxl_cuda_call*, const GemmArgs<float>&);
template int gemm<double>(const mxl_cuda_call*, const GemmArgs<double>&);

namespace {

// Row-major product of contiguous matrices: C = op(A) op(B), op(A) M x K, batched.
template <class T>
int matmul(const mxl_cuda_call* c, bool ta, bool tb, int64_t M, int64_t N, int64_t K, const void* A,
           const void* B, void* C, int64_t batch = 1) {
  GemmArgs<T> g;
  g.ta = ta;
  g.tb = tb;
  g.M = M;
  g.N = N;
  g.K = K;
  g.A = static_cast<const T*>(A);
  g.lda = ta ? M : K;
  g.sa = M * K;
  g.B = static_cast<const T*>(B);
  g.ldb = tb ? K : N;
  g.sb = K * N;
  g.C = static_cast<T*>(C);
  g.ldc = N;
  g.sc = M * N;
  g.batch = batch;
  return gemm<T>(c, g);
}

// dL and dR of C = op(L) op(R) from dC, like the CPU's matmul_backward.
template <class T>
int matmul_backward(const mxl_cuda_call* c, bool ta, bool tb, int64_t M, int64_t N, int64_t K, const void* dC,
                    const void* L, const void* R, void* dL, void* dR, int64_t batch) {
  int rc;
  if (!ta && !tb) {
    if ((rc = matmul<T>(c, false, true, M, K, N, dC, R, dL, batch))) return rc;
    return matmul<T>(c, true, false, K, N, M, L, dC, dR, batch);
  } else if (ta && !tb) {
    if ((rc = matmul<T>(c, false, true, K, M, N, R, dC, dL, batch))) return rc;
    return matmul<T>(c, false, false, K, N, M, L, dC, dR, batch);
  } else if (!ta && tb) {
    if ((rc = matmul<T>(c, false, false, M, K, N, dC, R, dL, batch))) return rc;
    return matmul<T>(c, true, false, N, K, M, dC, L, dR, batch);
  } else {
    if ((rc = matmul<T>(c, true, true, K, M, N, R, dC, dL, batch))) return rc;
    return matmul<T>(c, true, true, N, K, M, dC, L, dR, batch);
  }
}

// dot's 2-D view: lhs (M, K) over all but its last axis (first, transposed), rhs (K, N).
void dot_dims(const mxl_cuda_blob& l, const mxl_cuda_blob& r, bool ta, bool tb, int64_t* M, int64_t* N,
              int64_t* K) {
  *M = *N = 1;
  if (l.ndim == 1 && r.ndim == 1) {
    *K = l.shape[0];
    return;
  }
  if (ta) {
    *K = l.shape[0];
    for (int k = 1; k < l.ndim; ++k) *M *= l.shape[k];
  } else {
    *K = l.shape[l.ndim - 1];
    for (int k = 0; k + 1 < l.ndim; ++k) *M *= l.shape[k];
  }
  if (tb)
    for (int k = 0; k + 1 < r.ndim; ++k) *N *= r.shape[k];
  else
    for (int k = 1; k < r.ndim; ++k) *N *= r.shape[k];
}

void batch_dims(const mxl_cuda_blob& l, const mxl_cuda_blob& r, bool ta, bool tb, int64_t* B, int64_t* M,
                int64_t* N, int64_t* K) {
  int nb = l.ndim - 2;
  *B = 1;
  for (int k = 0; k < nb; ++k) *B *= l.shape[k];
  int64_t lr = l.shape[nb], lc = l.shape[nb + 1], rr = r.shape[nb], rc = r.shape[nb + 1];
  *M = ta ? lc : lr;
  *K = ta ? lr : lc;
  *N = tb ? rr : rc;
}

// Integer dtypes multiply through the fallback kernel.
#define MXC_SWITCH_GEMM(c, t, T, ...) MXC_SWITCH_NUM(c, t, T, __VA_ARGS__)

template <class T>
int matmul_any(const mxl_cuda_call* c, bool ta, bool tb, int64_t M, int64_t N, int64_t K, const void* A,
               const void* B, void* C, int64_t batch) {
  if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
    return matmul<T>(c, ta, tb, M, N, K, A, B, C, batch);
  } else {
    GemmArgs<T> g;
    g.ta = ta; g.tb = tb; g.M = M; g.N = N; g.K = K;
    g.A = static_cast<const T*>(A); g.lda = ta ? M : K; g.sa = M * K;
    g.B = static_cast<const T*>(B); g.ldb = tb ? K : N; g.sb = K * N;
    g.C = static_cast<T*>(C); g.ldc = N; g.sc = M * N; g.batch = batch;
    if (M == 0 || N == 0 || batch == 0) return 0;
    if (K == 0) {
      CU_CHECK_CALL(c, fill<T>(c, g.C, M * N * batch, T(0)));
      return 0;
    }
    return gemm_fallback<T>(c, g);
  }
}

int dot_fwd(const mxl_cuda_call* c) {
  bool ta = attr_b(c, "transpose_a"), tb = attr_b(c, "transpose_b");
  int64_t M, N, K;
  dot_dims(c->in[0], c->in[1], ta, tb, &M, &N, &K);
  MXC_SWITCH_GEMM(c, c->in[0].dtype, T, {
    return matmul_any<T>(c, ta, tb, M, N, K, c->in[0].data, c->in[1].data, c->out[0].data, 1);
  });
  return 0;
}

int dot_bwd(const mxl_cuda_call* c) {
  bool ta = attr_b(c, "transpose_a"), tb = attr_b(c, "transpose_b");
  int64_t M, N, K;
  dot_dims(c->in[1], c->in[2], ta, tb, &M, &N, &K);
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
    return matmul_backward<T>(c, ta, tb, M, N, K, c->in[0].data, c->in[1].data, c->in[2].data, c->out[0].data,
                              c->out[1].data, 1);
  });
  return 0;
}

int batch_dot_fwd(const mxl_cuda_call* c) {
  bool ta = attr_b(c, "transpose_a"), tb = attr_b(c, "transpose_b");
  int64_t B, M, N, K;
  batch_dims(c->in[0], c->in[1], ta, tb, &B, &M, &N, &K);
  MXC_SWITCH_GEMM(c, c->in[0].dtype, T, {
    return matmul_any<T>(c, ta, tb, M, N, K, c->in[0].data, c->in[1].data, c->out[0].data, B);
  });
  return 0;
}

int batch_dot_bwd(const mxl_cuda_call* c) {
  bool ta = attr_b(c, "transpose_a"), tb = attr_b(c, "transpose_b");
  int64_t B, M, N, K;
  batch_dims(c->in[1], c->in[2], ta, tb, &B, &M, &N, &K);
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
    return matmul_backward<T>(c, ta, tb, M, N, K, c->in[0].data, c->in[1].data, c->in[2].data, c->out[0].data,
                              c->out[1].data, B);
  });
  return 0;
}

// ------------------------------------------------------------ FullyConnected
template <class T>
__global__ void add_bias_kernel(T* y, const T* b, int64_t M, int64_t H) {
  MXC_KERNEL_LOOP(i, M * H) y[i] += b[i % H];
}
// gb[h] = sum over rows of g[m, h]; consecutive threads read consecutive columns.
template <class T>
__global__ void column_sum_kernel(const T* g, T* gb, int64_t M, int64_t H) {
  MXC_KERNEL_LOOP(h, H) {
    T acc = T(0);
    for (int64_t m = 0; m < M; ++m) acc += g[m * H + h];
    gb[h] = acc;
  }
}

int fc_fwd(const mxl_cuda_call* c) {
  const int64_t H = attr_i(c, "num_hidden"), K = c->in[1].shape[1];
  const int64_t M = K > 0 ? blob_size(c->in[0]) / K : blob_size(c->out[0]) / H;
  const bool bias = !attr_b(c, "no_bias") && c->nin > 2;
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
    int rc = matmul<T>(c, false, true, M, H, K, c->in[0].data, c->in[1].data, c->out[0].data);
    if (rc) return rc;
    if (bias && M * H > 0) {
      add_bias_kernel<T><<<grid_for(M * H), kThreads, 0, stream_of(c)>>>(
          static_cast<T*>(c->out[0].data), static_cast<const T*>(c->in[2].data), M, H);
      CU_CHECK_LAUNCH(c);
    }
  });
  return 0;
}

// (ograd, data, weight) -> (data grad, weight grad[, bias grad]).
int fc_bwd(const mxl_cuda_call* c) {
  const int64_t H = attr_i(c, "num_hidden"), K = c->in[2].shape[1], M = blob_size(c->in[0]) / H;
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
    int rc = matmul<T>(c, false, false, M, K, H, c->in[0].data, c->in[2].data, c->out[0].data);
    if (rc) return rc;
    rc = matmul<T>(c, true, false, H, K, M, c->in[0].data, c->in[1].data, c->out[1].data);
    if (rc) return rc;
    if (c->nout > 2 && H > 0) {
      column_sum_kernel<T><<<grid_for(H), kThreads, 0, stream_of(c)>>>(static_cast<const T*>(c->in[0].data),
                                                                        static_cast<T*>(c->out[2].data), M, H);
      CU_CHECK_LAUNCH(c);
    }
  });
  return 0;
}

}  // namespace

void register_blas(KernelTable& t) {
  t.push_back({"dot", with_float16<dot_fwd>});  // float16 through float32, as the CPU
  t.push_back({"_backward_dot", with_float16<dot_bwd>});
  t.push_back({"batch_dot", with_float16<batch_dot_fwd>});
  t.push_back({"_backward_batch_dot", with_float16<batch_dot_bwd>});
  t.push_back({"FullyConnected", with_float16<fc_fwd>});
  t.push_back({"_backward_FullyConnected", with_float16<fc_bwd>});
}

}  // namespace mxlcuda
