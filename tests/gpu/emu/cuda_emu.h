// A host emulator for the CUDA subset that core/cuda uses, so that the plugin's real
// kernels run -- and are tested -- on machines without a GPU.
//
// The kernels in core/cuda/*.cu are compiled by the host C++ compiler against this
// header (rewrite_launches.py turns `k<<<g, b, s, st>>>(args)` into a call of
// mxcemu::launch_cfg) into libmxlite_cuda_emu.so, which the core loads like the real
// plugin (MXLITE_CUDA_PLUGIN). "Device" memory is host memory. A launch runs every
// thread of every block on the calling host thread: one after another while a kernel
// never calls __syncthreads(), as cooperative fibers (one per CUDA thread, switched at
// each barrier) when it does. Streams execute in order, synchronously.
//
// What it checks that a GPU would reject or fault on: launch configurations (block
// size, grid limits, shared memory), kernel pointer arguments that are not device
// memory of the current device (host pointers, other devices, freed memory), copy and
// memset ranges outside their allocation, and copies whose direction is wrong. New
// device memory is filled with 0xff bytes (NaN for floats), as nothing promises zeros.
//
// What it cannot check: data races between CUDA threads (there is no parallelism),
// warp-level behaviour, missing stream synchronisation, speed.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <functional>
#include <math.h>  // the C++ wrapper: sqrt(float), isfinite... in the global namespace, as on the device
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

// ------------------------------------------------------------------ keywords
#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __noinline__
#define __launch_bounds__(...)
// Static shared memory: one copy per host thread, shared by the block's fibers.
#define __shared__ static thread_local

// ------------------------------------------------------------------ runtime types
struct uint3 {
  unsigned x, y, z;
};
struct dim3 {
  unsigned x, y, z;
  constexpr dim3(unsigned vx = 1, unsigned vy = 1, unsigned vz = 1) : x(vx), y(vy), z(vz) {}
};

enum cudaError_t {
  cudaSuccess = 0,
  cudaErrorInvalidValue = 1,
  cudaErrorMemoryAllocation = 2,
  cudaErrorInvalidConfiguration = 9,
  cudaErrorInvalidDevicePointer = 17,
  cudaErrorInsufficientDriver = 35,
  cudaErrorNoDevice = 100,
  cudaErrorInvalidDevice = 101,
  cudaErrorInvalidResourceHandle = 400,
  cudaErrorNotReady = 600,
  cudaErrorIllegalAddress = 700,
};
enum cudaMemcpyKind {
  cudaMemcpyHostToHost = 0,
  cudaMemcpyHostToDevice = 1,
  cudaMemcpyDeviceToHost = 2,
  cudaMemcpyDeviceToDevice = 3,
  cudaMemcpyDefault = 4,
};
struct CUstream_st;
struct CUevent_st;
typedef CUstream_st* cudaStream_t;
typedef CUevent_st* cudaEvent_t;
#define cudaStreamNonBlocking 0x01
#define cudaEventDisableTiming 0x02

struct cudaDeviceProp {
  char name[256];
  size_t totalGlobalMem;
  size_t sharedMemPerBlock;
  int major, minor;
  int multiProcessorCount;
  int maxThreadsPerBlock;
  int warpSize;
};

cudaError_t cudaGetDeviceCount(int* n);
cudaError_t cudaSetDevice(int dev);
cudaError_t cudaGetDevice(int* dev);
cudaError_t cudaGetDeviceProperties(cudaDeviceProp* p, int dev);
cudaError_t cudaMemGetInfo(size_t* free_bytes, size_t* total_bytes);
cudaError_t cudaRuntimeGetVersion(int* v);
cudaError_t cudaDriverGetVersion(int* v);
cudaError_t cudaMalloc(void** p, size_t bytes);
template <class T> cudaError_t cudaMalloc(T** p, size_t bytes) { return cudaMalloc(reinterpret_cast<void**>(p), bytes); }
cudaError_t cudaFree(void* p);
cudaError_t cudaMallocHost(void** p, size_t bytes);
cudaError_t cudaFreeHost(void* p);
cudaError_t cudaMemcpy(void* dst, const void* src, size_t bytes, cudaMemcpyKind kind);
cudaError_t cudaMemcpyAsync(void* dst, const void* src, size_t bytes, cudaMemcpyKind kind, cudaStream_t s = nullptr);
cudaError_t cudaMemcpyPeerAsync(void* dst, int dst_dev, const void* src, int src_dev, size_t bytes,
                                cudaStream_t s = nullptr);
cudaError_t cudaMemsetAsync(void* dst, int value, size_t bytes, cudaStream_t s = nullptr);
cudaError_t cudaStreamCreateWithFlags(cudaStream_t* s, unsigned flags);
cudaError_t cudaStreamSynchronize(cudaStream_t s);
cudaError_t cudaStreamQuery(cudaStream_t s);  // runs the stream's work: it is never left "not ready"
cudaError_t cudaEventCreateWithFlags(cudaEvent_t* e, unsigned flags);
cudaError_t cudaEventDestroy(cudaEvent_t e);
cudaError_t cudaEventRecord(cudaEvent_t e, cudaStream_t s = nullptr);
cudaError_t cudaStreamWaitEvent(cudaStream_t s, cudaEvent_t e, unsigned flags = 0);
cudaError_t cudaEventSynchronize(cudaEvent_t e);
cudaError_t cudaEventQuery(cudaEvent_t e);  // runs the stream up to the event: never "not ready"
cudaError_t cudaGetLastError();
cudaError_t cudaPeekAtLastError();
const char* cudaGetErrorString(cudaError_t e);
const char* cudaGetErrorName(cudaError_t e);

// ------------------------------------------------------------------ float16
// Storage and the two conversions (round to nearest even), written here rather than
// borrowed from the core so that the CPU's conversion is checked against another one.
struct __half {
  unsigned short x_;
};
inline unsigned short __half_as_ushort(__half h) { return h.x_; }
inline __half __ushort_as_half(unsigned short u) { return __half{u}; }
inline float __half2float(__half h) {
  const uint32_t s = uint32_t(h.x_ & 0x8000u) << 16, e = (h.x_ >> 10) & 0x1f, m = h.x_ & 0x3ffu;
  uint32_t bits;
  if (e == 0x1f) {
    bits = s | 0x7f800000u | (m << 13);  // inf / NaN
  } else if (e != 0) {
    bits = s | ((e + 112) << 23) | (m << 13);
  } else if (m == 0) {
    bits = s;
  } else {  // subnormal half: m * 2^-24, exact in float
    float f = std::ldexp(float(m), -24);
    std::memcpy(&bits, &f, 4);
    bits |= s;
  }
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}
inline __half __float2half_rn(float f) {
  uint32_t b;
  std::memcpy(&b, &f, 4);
  const uint16_t s = uint16_t((b >> 16) & 0x8000u);
  const uint32_t a = b & 0x7fffffffu;
  if (a > 0x7f800000u) return __half{uint16_t(s | 0x7e00u)};  // NaN
  if (a >= 0x477ff000u) return __half{uint16_t(s | 0x7c00u)};  // rounds to >= 65520: inf
  if (a < 0x38800000u) {  // below the smallest normal half: round m * 2^-24 to an integer
    float v;
    std::memcpy(&v, &a, 4);
    return __half{uint16_t(s | uint16_t(std::nearbyint(v * 16777216.0f)))};  // default mode: to even
  }
  uint32_t r = a - 0x38000000u;  // rebias the exponent (127 - 15) << 23
  r += 0xfffu + ((r >> 13) & 1u);  // round the 13 dropped bits to nearest even
  return __half{uint16_t(s | (r >> 13))};
}

// ------------------------------------------------------------------ intrinsics
inline unsigned __umulhi(unsigned a, unsigned b) { return unsigned((uint64_t(a) * b) >> 32); }
inline unsigned long long __umul64hi(unsigned long long a, unsigned long long b) {
  return (unsigned long long)((unsigned __int128)a * b >> 64);
}
inline unsigned __float_as_uint(float f) {
  unsigned u;
  std::memcpy(&u, &f, 4);
  return u;
}
inline long long __double_as_longlong(double d) {
  long long u;
  std::memcpy(&u, &d, 8);
  return u;
}
// CUDA's math functions that the C library lacks.
inline double cospi(double x) {
  double r = std::fmod(std::fabs(x), 2.0);  // cos is even, period 2: exact for integers and halves
  if (r == 0.5 || r == 1.5) return 0.0;
  return std::cos(M_PI * r);
}
inline float cospif(float x) { return float(cospi(x)); }
inline double sinpi(double x) {
  double r = std::fmod(x, 2.0);
  if (r == 0.0 || r == 1.0 || r == -1.0) return std::copysign(0.0, x);
  return std::sin(M_PI * r);
}
inline float sinpif(float x) { return float(sinpi(x)); }
// Inverse error function: Giles' single-precision approximation refined by Newton steps
// on erf in double (to a few ulp).
inline double erfinv(double y) {
  if (!(y > -1.0 && y < 1.0)) return y == 1.0 ? INFINITY : y == -1.0 ? -INFINITY : NAN;
  double w = -std::log((1.0 - y) * (1.0 + y)), x;
  if (w < 5.0) {
    w -= 2.5;
    x = 2.81022636e-08;
    for (double c : {3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503, -0.00417768164,
                     0.246640727, 1.50140941})
      x = c + x * w;
  } else {
    w = std::sqrt(w) - 3.0;
    x = -0.000200214257;
    for (double c : {0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047,
                     1.00167406, 2.83297682})
      x = c + x * w;
  }
  x *= y;
  for (int i = 0; i < 3; ++i) x -= (std::erf(x) - y) / (2.0 / std::sqrt(M_PI) * std::exp(-x * x));
  return x;
}
inline float erfinvf(float y) { return float(erfinv(y)); }

// One CUDA thread runs at a time, so the atomics are plain read-modify-writes.
template <class T, class V> inline T atomicAdd(T* p, V v) {
  T old = *p;
  *p = T(old + T(v));
  return old;
}
template <class T, class V> inline T atomicMin(T* p, V v) {
  T old = *p;
  *p = std::min(old, T(v));
  return old;
}
template <class T, class V> inline T atomicMax(T* p, V v) {
  T old = *p;
  *p = std::max(old, T(v));
  return old;
}
template <class T, class V> inline T atomicCAS(T* p, V cmp, V v) {
  T old = *p;
  if (old == T(cmp)) *p = T(v);
  return old;
}

// ------------------------------------------------------------------ threads
namespace mxcemu {
struct Fiber;
// The CUDA thread running now on this host thread.
struct Thread {
  uint3 tid, bid;
  dim3 bdim, gdim;
  Fiber* fiber;  // null when the kernel runs thread after thread (no barriers)
};
extern thread_local Thread* cur;
void syncthreads();

struct LaunchCfg;
// Whether a launch configuration is one a GPU accepts; otherwise records the launch
// error (cudaGetLastError) and returns false.
bool launch_ok(const LaunchCfg& cfg, const char* name);
// Runs body(arg) once per CUDA thread of the launch.
void run_grid(const LaunchCfg& cfg, const char* name, void (*body)(void*), void* arg);
// Work on a stream: run now, or (MXC_EMU_ASYNC=1) queued until something waits for
// the stream. The legacy default stream (nullptr) always runs it now.
void submit(cudaStream_t s, std::function<void()> work);
// Whether p (a kernel's pointer argument) is device memory of the current device or
// pinned host memory; otherwise records the launch error and returns false.
bool check_pointer(const void* p, const char* kernel, int index);

template <class T> bool check_arg(const T& v, const char* kernel, int index) {
  if constexpr (std::is_pointer_v<T>) {
    return v == nullptr || check_pointer(static_cast<const void*>(v), kernel, index);
  } else {
    (void)v, (void)kernel, (void)index;
    return true;
  }
}

template <class... P> struct Launch;
// A launch as written between <<< and >>>; bind(kernel, "name")(args...) runs it.
struct LaunchCfg {
  dim3 grid, block;
  size_t smem;
  cudaStream_t stream;
  template <class... P> Launch<P...> bind(void (*k)(P...), const char* name) const { return {*this, k, name}; }
};
inline LaunchCfg launch_cfg(dim3 grid, dim3 block, size_t smem = 0, cudaStream_t stream = nullptr) {
  return LaunchCfg{grid, block, smem, stream};
}

template <class... P>
struct Launch {
  LaunchCfg cfg;
  void (*kernel)(P...);
  const char* name;
  template <class... A>
  void operator()(A&&... a) const {
    // The arguments are converted once, as CUDA copies them into the launch; every
    // thread then gets its own copy (kernels may modify their parameters).
    using Args = std::tuple<std::decay_t<P>...>;
    Args args(std::forward<A>(a)...);
    if (!launch_ok(cfg, name)) return;
    bool ok = std::apply([&](const auto&... v) {
      int i = 0;
      return (true && ... && check_arg(v, name, i++));
    }, args);
    if (!ok) return;
    submit(cfg.stream, [k = kernel, args, c = cfg, n = name]() mutable {
      struct Ctx {
        void (*k)(P...);
        Args* args;
      } ctx{k, &args};
      run_grid(c, n,
               [](void* p) {
                 auto* x = static_cast<Ctx*>(p);
                 std::apply(x->k, *x->args);
               },
               &ctx);
    });
  }
};
}  // namespace mxcemu

#define threadIdx (::mxcemu::cur->tid)
#define blockIdx (::mxcemu::cur->bid)
#define blockDim (::mxcemu::cur->bdim)
#define gridDim (::mxcemu::cur->gdim)
#define __syncthreads() ::mxcemu::syncthreads()

// ------------------------------------------------------------------ dlopen
// A real cuBLAS must never be loaded into the emulator (it would be handed host
// pointers): the plugin's dlopen of libcublas* opens only MXLITE_CUBLAS_LIBRARY when it
// names the emulator itself, whose cuBLAS entry points work on host memory.
namespace mxcemu {
void* dlopen_filtered(const char* name, int flags);
}
#define dlopen ::mxcemu::dlopen_filtered

// ------------------------------------------------------------------ cub
namespace cub {
struct DeviceSegmentedRadixSort {
  // Stable sort of each segment's (key, value) pairs by the key bits [begin_bit, end_bit),
  // as an LSD radix sort orders them.
  template <class K, class V, class Off>
  static cudaError_t SortPairs(void* temp, size_t& temp_bytes, const K* keys_in, K* keys_out, const V* vals_in,
                               V* vals_out, int num_items, int num_segments, Off begin, Off end, int begin_bit = 0,
                               int end_bit = int(sizeof(K) * 8), cudaStream_t stream = nullptr) {
    if (!temp) {
      temp_bytes = 1;
      return cudaSuccess;
    }
    ::mxcemu::submit(stream, [=] { sort(keys_in, keys_out, vals_in, vals_out, num_items, num_segments, begin, end,
                                         begin_bit, end_bit); });
    return cudaSuccess;
  }
  template <class K, class V, class Off>
  static void sort(const K* keys_in, K* keys_out, const V* vals_in, V* vals_out, int num_items, int num_segments,
                   Off begin, Off end, int begin_bit, int end_bit) {
    using U = std::make_unsigned_t<K>;
    const int bits = end_bit - begin_bit;
    const U mask = bits >= int(sizeof(U) * 8) ? U(~U(0)) : U((U(1) << bits) - 1);
    std::vector<int> order;
    std::vector<K> k;
    std::vector<V> v;
    for (int s = 0; s < num_segments; ++s) {
      const int b = begin[s], e = end[s];
      if (b < 0 || e > num_items || b > e) {
        fprintf(stderr, "cuda_emu: SortPairs: segment %d is [%d, %d) of %d items\n", s, b, e, num_items);
        abort();
      }
      order.resize(size_t(e - b));
      for (int i = b; i < e; ++i) order[size_t(i - b)] = i;
      std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        return U(U(keys_in[x]) >> begin_bit & mask) < U(U(keys_in[y]) >> begin_bit & mask);
      });
      k.resize(order.size());
      v.resize(order.size());
      for (size_t i = 0; i < order.size(); ++i) k[i] = keys_in[order[i]], v[i] = vals_in[order[i]];
      std::copy(k.begin(), k.end(), keys_out + b);
      std::copy(v.begin(), v.end(), vals_out + b);
    }
  }
};
}  // namespace cub
