// Row-major GEMM for the plugin's kernels (cuBLAS when loadable, else a tiled kernel).
#pragma once
#include "common.cuh"

namespace mxlcuda {

// C[b] = alpha * op(A[b]) op(B[b]) + beta * C[b] for b < batch; op(A) is M x K and
// op(B) is K x N; matrices are row-major with leading dimensions lda/ldb/ldc and
// batch strides sa/sb/sc (elements).
template <class T>
struct GemmArgs {
  bool ta = false, tb = false;
  int64_t M = 0, N = 0, K = 0;
  T alpha = T(1), beta = T(0);
  const T* A = nullptr;
  int64_t lda = 0, sa = 0;
  const T* B = nullptr;
  int64_t ldb = 0, sb = 0;
  T* C = nullptr;
  int64_t ldc = 0, sc = 0;
  int64_t batch = 1;
};

// float and double; returns 0 or a failure code with the call's message set.
template <class T>
int gemm(const mxl_cuda_call* c, const GemmArgs<T>& g);

// "cuBLAS libcublas.so.12" or why the built-in GEMM is used.
const char* cublas_status();

}  // namespace mxlcuda
