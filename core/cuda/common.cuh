// Shared pieces of the CUDA plugin's kernels: error reporting back to the core,
// dtype dispatch, launch helpers (grid-stride loops), and the kernel table.
#pragma once
#include <dlfcn.h>  // before the CUDA headers (the host emulator's wraps dlopen)

#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <cmath>
#include <initializer_list>
#include <limits>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <string>
#include <type_traits>
#include <vector>

#include "core/op/elemwise_kernels.h"
#include "core/cuda/device_common.cuh"  // the spelling elemwise_steps.cuh uses: one file for #pragma once
#include "plugin_abi.h"

namespace mxlcuda {

// Error codes the core understands (mxl::Err / MXL_ERR_*).
enum : int { kOk = 0, kInvalidArgument = 1, kShape = 2, kDType = 3, kNotFound = 4, kDevice = 5,
             kOutOfMemory = 7, kInternal = 8, kIndex = 9, kArithmetic = 11 };

// The message of the last failed runtime call of this thread (mxl_cuda_api::last_error).
std::string& last_error_buf();
int set_last_error(const char* fmt, ...);  // returns kDevice

// Libraries the plugin opens at run time (cuBLAS, NCCL, NVRTC, the driver API): the
// first of $env, then `names`, that loads; `why` collects each failure. A library
// named by path gets the files of its directory starting with preload_prefix loaded
// first (NVRTC finds its builtins library by name only).
void* open_library(const char* env, std::initializer_list<const char*> names, std::string* name, std::string* why,
                   const char* preload_prefix = nullptr);
// *fn = lib's `sym`; false, with "no <sym>; " added to why, when it is missing.
template <class Fn>
bool bind_sym(void* lib, const char* sym, Fn* fn, std::string* why) {
  *fn = reinterpret_cast<Fn>(dlsym(lib, sym));
  if (!*fn) *why += std::string("no ") + sym + "; ";
  return *fn != nullptr;
}

// Writes a message into the call's error buffer and returns `code`.
inline int call_fail(const mxl_cuda_call* c, int code, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(c->err, c->err_len, fmt, ap);
  va_end(ap);
  return code;
}

// Inside a kernel entry: returns a kDevice failure naming the CUDA call and error.
#define CU_CHECK_CALL(c, expr)                                                              \
  do {                                                                                      \
    cudaError_t e_ = (expr);                                                                \
    if (e_ != cudaSuccess)                                                                  \
      return ::mxlcuda::call_fail(c, ::mxlcuda::kDevice, "%s failed: %s (%s)", #expr,      \
                                  cudaGetErrorString(e_), cudaGetErrorName(e_));            \
  } while (0)
// After a launch: configuration errors surface here; faults surface at the next sync.
#define CU_CHECK_LAUNCH(c) CU_CHECK_CALL(c, cudaGetLastError())

inline cudaStream_t stream_of(const mxl_cuda_call* c) { return static_cast<cudaStream_t>(c->stream); }

// ------------------------------------------------------------------ dtypes
// MXNet type flags. float16 is f16_t below; kernels without it report a dtype error.
enum DT : int { f32 = 0, f64 = 1, f16 = 2, u8 = 3, i32 = 4, i8 = 5, i64 = 6, b8 = 7 };
const char* dtype_name(int t);
inline int64_t blob_size(const mxl_cuda_blob& b) {
  int64_t n = 1;
  for (int i = 0; i < b.ndim; ++i) n *= b.shape[i];
  return n;
}

// Accumulation type of the float dtypes: double for double, float otherwise.
template <class T> using facc_t = std::conditional_t<std::is_same_v<T, double>, double, float>;

// Calls body with T bound to the element type; unsupported dtypes fail the call.
#define MXC_SWITCH_ALL(c, t, T, ...)                                                       \
  switch (t) {                                                                             \
    case ::mxlcuda::f32: { using T = float; __VA_ARGS__ } break;                           \
    case ::mxlcuda::f64: { using T = double; __VA_ARGS__ } break;                          \
    case ::mxlcuda::u8: { using T = uint8_t; __VA_ARGS__ } break;                          \
    case ::mxlcuda::i32: { using T = int32_t; __VA_ARGS__ } break;                         \
    case ::mxlcuda::i8: { using T = int8_t; __VA_ARGS__ } break;                           \
    case ::mxlcuda::i64: { using T = int64_t; __VA_ARGS__ } break;                         \
    case ::mxlcuda::b8: { using T = bool; __VA_ARGS__ } break;                             \
    default: return ::mxlcuda::call_fail(c, ::mxlcuda::kDType, "dtype %s has no CUDA kernel", \
                                         ::mxlcuda::dtype_name(t));                        \
  }
#define MXC_SWITCH_NUM(c, t, T, ...)                                                       \
  switch (t) {                                                                             \
    case ::mxlcuda::f32: { using T = float; __VA_ARGS__ } break;                           \
    case ::mxlcuda::f64: { using T = double; __VA_ARGS__ } break;                          \
    case ::mxlcuda::u8: { using T = uint8_t; __VA_ARGS__ } break;                          \
    case ::mxlcuda::i32: { using T = int32_t; __VA_ARGS__ } break;                         \
    case ::mxlcuda::i8: { using T = int8_t; __VA_ARGS__ } break;                           \
    case ::mxlcuda::i64: { using T = int64_t; __VA_ARGS__ } break;                         \
    default: return ::mxlcuda::call_fail(c, ::mxlcuda::kDType, "dtype %s has no CUDA kernel", \
                                         ::mxlcuda::dtype_name(t));                        \
  }
#define MXC_SWITCH_FLOAT(c, t, T, ...)                                                     \
  switch (t) {                                                                             \
    case ::mxlcuda::f32: { using T = float; __VA_ARGS__ } break;                           \
    case ::mxlcuda::f64: { using T = double; __VA_ARGS__ } break;                          \
    default: return ::mxlcuda::call_fail(c, ::mxlcuda::kDType,                             \
                                         "expected float32 or float64 on the GPU, got %s", \
                                         ::mxlcuda::dtype_name(t));                        \
  }

// float32, float64 and float16 (f16_t): the float dtypes of the CPU's MXL_FLOAT_SWITCH.
#define MXC_SWITCH_FLOAT16(c, t, T, ...)                                                   \
  switch (t) {                                                                             \
    case ::mxlcuda::f32: { using T = float; __VA_ARGS__ } break;                           \
    case ::mxlcuda::f64: { using T = double; __VA_ARGS__ } break;                          \
    case ::mxlcuda::f16: { using T = ::mxlcuda::f16_t; __VA_ARGS__ } break;                \
    default: return ::mxlcuda::call_fail(c, ::mxlcuda::kDType,                             \
                                         "%s: expected a float dtype, got %s", c->op_name, \
                                         ::mxlcuda::dtype_name(t));                        \
  }

// Every dtype, float16 (f16_t) included.
#define MXC_SWITCH_ALL16(c, t, T, ...)                                                     \
  switch (t) {                                                                             \
    case ::mxlcuda::f16: { using T = ::mxlcuda::f16_t; __VA_ARGS__ } break;                \
    default: MXC_SWITCH_ALL(c, t, T, __VA_ARGS__)                                          \
  }
// Every numeric dtype (not bool), float16 included.
#define MXC_SWITCH_NUM16(c, t, T, ...)                                                     \
  switch (t) {                                                                             \
    case ::mxlcuda::f16: { using T = ::mxlcuda::f16_t; __VA_ARGS__ } break;                \
    default: MXC_SWITCH_NUM(c, t, T, __VA_ARGS__)                                          \
  }

// Float -> integer conversion exactly as the CPU kernels do it (one definition,
// MXL_HD in core/op/elemwise_device.h).
using mxl::cast_to;

// double -> T, clamping integers to their range (NaN -> 0), like the CPU's saturate_cast.
template <class T>
__host__ __device__ inline T saturate(double v) {
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    if (v != v) return T(0);
    if (v <= double(std::numeric_limits<T>::min())) return std::numeric_limits<T>::min();
    if (v >= double(std::numeric_limits<T>::max())) return std::numeric_limits<T>::max();
  }
  return T(v);
}

// Bytes per element of a dtype flag.
inline size_t esize(int dtype) {
  switch (dtype) {
    case f64: case i64: return 8;
    case f32: case i32: return 4;
    case f16: return 2;
    default: return 1;
  }
}

// ------------------------------------------------------------------ launches
constexpr int kThreads = 256;
inline int grid_for(int64_t n) {
  int64_t b = (n + kThreads - 1) / kThreads;
  if (b < 1) b = 1;
  return int(b > 65535 * 8 ? 65535 * 8 : b);  // grid-stride loops cover the rest
}

// One block of kThreads threads per row (normalisation groups, softmax rows), with a
// grid-stride loop over the rows beyond the grid.
inline int row_grid(int64_t rows) { return int(rows < 65535 * 8 ? (rows < 1 ? 1 : rows) : 65535 * 8); }
#define MXC_ROW_LOOP(r, count) for (int64_t r = blockIdx.x; r < (count); r += gridDim.x)

// Sum / max of v over a block of kThreads threads; every thread gets the result. `sh`
// holds kThreads doubles and may be reused once the call returns.
template <class Merge>
__device__ inline double block_reduce(double v, double* sh, Merge merge) {
  sh[threadIdx.x] = v;
  __syncthreads();
  for (int s = kThreads / 2; s > 0; s >>= 1) {
    if (int(threadIdx.x) < s) sh[threadIdx.x] = merge(sh[threadIdx.x], sh[threadIdx.x + s]);
    __syncthreads();
  }
  double r = sh[0];
  __syncthreads();  // sh is reused by the next call
  return r;
}
__device__ inline double block_sum(double v, double* sh) {
  return block_reduce(v, sh, [](double a, double b) { return a + b; });
}
__device__ inline double block_max(double v, double* sh) {
  return block_reduce(v, sh, [](double a, double b) { return fmax(a, b); });
}

// ------------------------------------------------------------ broadcasting
// Index map from an output position to up to three inputs' positions; input k's
// stride is 0 along axes it broadcasts.
struct Bcast {
  int nd = 0;
  int nin = 0;
  int64_t dim[MXL_CUDA_MAX_DIM] = {0};
  int64_t st[3][MXL_CUDA_MAX_DIM] = {{0}};
  __device__ void offsets(int64_t o, int64_t* off) const {
    for (int k = 0; k < nin; ++k) off[k] = 0;
    for (int d = nd - 1; d >= 0; --d) {
      int64_t i = o % dim[d];
      o /= dim[d];
      for (int k = 0; k < nin; ++k) off[k] += i * st[k][d];
    }
  }
};

// `ins` broadcast to `out` (numpy rules, right-aligned); checked by the shape rule.
inline Bcast make_bcast(const mxl_cuda_blob& out, const mxl_cuda_blob* const* ins, int nin) {
  Bcast b;
  b.nd = out.ndim;
  b.nin = nin;
  for (int d = 0; d < out.ndim; ++d) b.dim[d] = out.shape[d];
  for (int k = 0; k < nin; ++k) {
    int64_t run = 1;
    for (int d = out.ndim - 1; d >= 0; --d) {
      int j = d - (out.ndim - ins[k]->ndim);
      int64_t n = j >= 0 ? ins[k]->shape[j] : 1;
      b.st[k][d] = (n == 1) ? 0 : run;
      run *= n;
    }
  }
  return b;
}

// ------------------------------------------------------------------ registry
// Each kernel file defines `void register_<file>(KernelTable&)`; runtime.cu collects them.
using KernelTable = std::vector<mxl_cuda_kernel_entry>;
void register_elemwise(KernelTable& t);
void register_elemwise_arith(KernelTable& t);
void register_elemwise_compare(KernelTable& t);
void register_reduce(KernelTable& t);
void register_blas(KernelTable& t);
void register_nn(KernelTable& t);
void register_shape(KernelTable& t);
void register_random(KernelTable& t);
void register_sample(KernelTable& t);
void register_optimizer(KernelTable& t);
void register_misc(KernelTable& t);
void register_pool(KernelTable& t);
void register_conv(KernelTable& t);
void register_indexing(KernelTable& t);
void register_norm(KernelTable& t);
void register_ordering(KernelTable& t);
void register_extra_ops(KernelTable& t);
void register_sum(KernelTable& t);
void register_nn_extra(KernelTable& t);
void register_linalg(KernelTable& t);
void register_spatial(KernelTable& t);
void register_ctc(KernelTable& t);
void register_rnn(KernelTable& t);
void register_random_extra(KernelTable& t);
void register_optimizer_multi(KernelTable& t);
void register_detection(KernelTable& t);
void register_contrib(KernelTable& t);

// Parameter helpers.
inline int64_t attr_i(const mxl_cuda_call* c, const char* n) { return c->attr->i(c->attrs, n); }
inline double attr_f(const mxl_cuda_call* c, const char* n) { return c->attr->f(c->attrs, n); }
inline bool attr_b(const mxl_cuda_call* c, const char* n) { return c->attr->b(c->attrs, n) != 0; }
inline std::string attr_s(const mxl_cuda_call* c, const char* n) { return c->attr->s(c->attrs, n); }
inline bool attr_none(const mxl_cuda_call* c, const char* n) { return c->attr->none(c->attrs, n) != 0; }

// Scratch device memory for this call (freed by the core after the call, stream-ordered).
inline void* workspace(const mxl_cuda_call* c, size_t bytes) {
  return c->workspace->alloc(c->workspace->self, bytes);
}

// Copies `bytes` device -> device on the call's stream.
inline cudaError_t dcopy(const mxl_cuda_call* c, void* dst, const void* src, size_t bytes) {
  if (bytes == 0 || dst == src) return cudaSuccess;
  return cudaMemcpyAsync(dst, src, bytes, cudaMemcpyDeviceToDevice, stream_of(c));
}

// Fills n elements of type T with v.
template <class T>
__global__ void fill_kernel(T* y, int64_t n, T v) {
  MXC_KERNEL_LOOP(i, n) y[i] = v;
}
template <class T>
inline cudaError_t fill(const mxl_cuda_call* c, T* y, int64_t n, T v) {
  if (n == 0) return cudaSuccess;
  fill_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(y, n, v);
  return cudaGetLastError();
}

// Runs kernel f with every float16 blob of the call widened to a float32 copy in
// workspace memory, then narrows the float16 outputs back: float16 for the ops whose
// CPU kernels compute that way (float_dispatch in core/op/nn_conv.cc, GemmIn in
// nn_basic.cc), so both round once, from the same float32 result.
int via_float32(const mxl_cuda_call* c, mxl_cuda_kernel_fn f);
template <mxl_cuda_kernel_fn F>
int with_float16(const mxl_cuda_call* c) {
  for (int i = 0; i < c->nin; ++i)
    if (c->in[i].dtype == f16) return via_float32(c, F);
  for (int i = 0; i < c->nout; ++i)
    if (c->out[i].dtype == f16) return via_float32(c, F);
  return F(c);
}

// A blob's data as T*.
template <class T> inline T* bptr(const mxl_cuda_blob& b) { return static_cast<T*>(b.data); }

// Calls body(std::integral_constant<int, k>) for the runtime k in [0, N) (enum
// parameters as compile-time constants); kInvalidArgument when v is out of range.
template <int N, class F>
int const_dispatch(int64_t v, F&& body) {
  if constexpr (N > 0) {
    if (v == N - 1) return body(std::integral_constant<int, N - 1>());
    return const_dispatch<N - 1>(v, body);
  }
  return kInvalidArgument;
}

// An index array element as int64, as the CPU's index_values: floats truncate, NaN
// and huge values become out-of-range indices.
template <class I>
__host__ __device__ inline int64_t index_value(I v) {
  if constexpr (std::is_integral_v<I>) {
    return int64_t(v);
  } else {
    double d = double(v);
    return d != d || d <= -9.2e18 ? INT64_MIN : d >= 9.2e18 ? INT64_MAX : int64_t(d);
  }
}

template <class T>
__global__ void any_zero_kernel(const T* x, int64_t n, int* flag) {
  MXC_KERNEL_LOOP(i, n) if (x[i] == T(0)) *flag = 1;  // every writer writes 1: no race on the value
}
// *found = whether any of x's n elements is 0. A device -> host round trip: for the
// checks the CPU makes before computing (integer division by zero), not hot paths.
template <class T>
int any_zero(const mxl_cuda_call* c, const T* x, int64_t n, bool* found) {
  *found = false;
  if (n == 0) return 0;
  int* flag = static_cast<int*>(workspace(c, sizeof(int)));
  if (!flag) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  CU_CHECK_CALL(c, cudaMemsetAsync(flag, 0, sizeof(int), stream_of(c)));
  any_zero_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(x, n, flag);
  CU_CHECK_LAUNCH(c);
  int host = 0;
  CU_CHECK_CALL(c, cudaMemcpyAsync(&host, flag, sizeof host, cudaMemcpyDeviceToHost, stream_of(c)));
  CU_CHECK_CALL(c, cudaStreamSynchronize(stream_of(c)));
  *found = host != 0;
  return 0;
}

// y[i] = T(a[i]): double accumulators back to the dtype.
template <class T>
__global__ void from_double_kernel(const double* a, T* y, int64_t n) {
  MXC_KERNEL_LOOP(i, n) y[i] = T(a[i]);
}

// Pure copies dispatch on the element size only.
#define MXC_SWITCH_BYTES(dtype, E, ...)                                      \
  switch (::mxlcuda::esize(dtype)) {                                         \
    case 8: { using E = uint64_t; __VA_ARGS__ } break;                       \
    case 4: { using E = uint32_t; __VA_ARGS__ } break;                       \
    case 2: { using E = uint16_t; __VA_ARGS__ } break;                       \
    default: { using E = uint8_t; __VA_ARGS__ } break;                       \
  }

}  // namespace mxlcuda

// float16 on the device computes in float wherever the CPU's half does.
namespace mxl {
template <> struct NativeCompute<mxlcuda::f16_t> { using type = float; };
template <> struct FloatCompute<mxlcuda::f16_t> { using type = float; };
}  // namespace mxl
