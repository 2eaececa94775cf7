// Random sampling and creation ops on the device: _random_uniform / _normal /
// _exponential / _gamma / _poisson / _randint (Philox, counter-based: element i draws
// from counters (i, 0), (i, 1), ... under the op's seed), and the fills _zeros / _ones
// / _full / _arange / _linspace / _eye. The samplers use the CPU's algorithms
// (core/op/elemwise_kernels.h's BlockRng) on a different bit stream: the results
// match the CPU's in distribution, not bit for bit.
#include "common.cuh"
#include "philox.cuh"

namespace mxlcuda {
namespace {

enum Dist { kUniform, kNormal, kExponential };

template <Dist D, class T>
__global__ void sample_kernel(T* y, int64_t n, uint64_t seed, double a, double b) {
  Philox rng(seed);
  MXC_KERNEL_LOOP(i, n) {
    uint32_t r[4];
    rng(uint64_t(i), 0, r);
    double u = Philox::to_unit(r[0], r[1]);  // [0, 1)
    double v;
    if constexpr (D == kUniform) {
      v = a + (b - a) * u;
    } else if constexpr (D == kNormal) {  // Box-Muller
      double u1 = 1.0 - u;                // (0, 1]
      double u2 = Philox::to_unit(r[2], r[3]);
      v = a + b * sqrt(-2.0 * log(u1)) * cospi(2.0 * u2);
    } else {
      v = -log(1.0 - u) / a;
    }
    y[i] = T(v);
  }
}

template <Dist D>
int sample(const mxl_cuda_call* c) {
  double a, b = 0;
  if constexpr (D == kUniform) {
    a = attr_f(c, "low");
    b = attr_f(c, "high");
    if (!(a <= b)) return call_fail(c, kInvalidArgument, "_random_uniform: low (%g) must be <= high (%g)", a, b);
  } else if constexpr (D == kNormal) {
    a = attr_f(c, "loc");
    b = attr_f(c, "scale");
    if (!(b >= 0)) return call_fail(c, kInvalidArgument, "_random_normal: scale must be >= 0, got %g", b);
  } else {
    a = attr_f(c, "lam");
    if (!(a > 0)) return call_fail(c, kInvalidArgument, "_random_exponential: lam must be > 0, got %g", a);
  }
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT16(c, c->out[0].dtype, T, {
    sample_kernel<D, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<T*>(c->out[0].data), n, c->seed, a,
                                                                     b);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
enum Dist2 { kGamma, kPoisson };
template <Dist2 D, class T>
__global__ void sample2_kernel(T* y, int64_t n, uint64_t seed, double a, double b) {
  MXC_KERNEL_LOOP(i, n) {
    ElemRng r(seed, uint64_t(i));
    y[i] = T(D == kGamma ? b * r.gamma(a) : r.poisson(a));
  }
}
template <Dist2 D>
int sample2(const mxl_cuda_call* c) {
  double a, b = 0;
  if constexpr (D == kGamma) {
    a = attr_f(c, "alpha");
    b = attr_f(c, "beta");
    if (!(a > 0 && b > 0))
      return call_fail(c, kInvalidArgument, "_random_gamma: alpha and beta must be > 0, got %g and %g", a, b);
  } else {
    a = attr_f(c, "lam");
    if (!(a >= 0)) return call_fail(c, kInvalidArgument, "_random_poisson: lam must be >= 0, got %g", a);
  }
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT16(c, c->out[0].dtype, T, {
    sample2_kernel<D, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<T*>(c->out[0].data), n, c->seed, a,
                                                                     b);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// Integers in [lo, hi): multiply-shift of 64 random bits onto the range, as the CPU.
template <class T>
__global__ void randint_kernel(T* y, int64_t n, uint64_t seed, int64_t lo, uint64_t range) {
  MXC_KERNEL_LOOP(i, n) {
    ElemRng r(seed, uint64_t(i));
    y[i] = T(int64_t(uint64_t(lo) + __umul64hi(r.next64(), range)));
  }
}
int randint(const mxl_cuda_call* c) {
  int64_t lo = attr_i(c, "low"), hi = attr_i(c, "high");
  if (!(lo < hi))
    return call_fail(c, kInvalidArgument, "_random_randint: low (%lld) must be < high (%lld)", (long long)lo,
                     (long long)hi);
  const mxl_cuda_blob& out = c->out[0];
  if (out.dtype == i32 && (lo < INT32_MIN || hi - 1 > INT32_MAX))
    return call_fail(c, kInvalidArgument, "_random_randint: [%lld, %lld) does not fit dtype int32", (long long)lo,
                     (long long)hi);
  uint64_t range = uint64_t(hi) - uint64_t(lo);
  int64_t n = blob_size(out);
  if (n == 0) return 0;
  if (out.dtype == i32)
    randint_kernel<int32_t><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<int32_t*>(out.data), n, c->seed,
                                                                         lo, range);
  else if (out.dtype == i64)
    randint_kernel<int64_t><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<int64_t*>(out.data), n, c->seed,
                                                                         lo, range);
  else
    return call_fail(c, kDType, "_random_randint: expected int32 or int64, got %s", dtype_name(out.dtype));
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ------------------------------------------------------------------ fills
// Values are converted with saturate<T> (common.cuh), as the CPU fills do.
int fill_value(const mxl_cuda_call* c, double v) {
  MXC_SWITCH_ALL16(c, c->out[0].dtype, T, {
    CU_CHECK_CALL(c, fill<T>(c, static_cast<T*>(c->out[0].data), blob_size(c->out[0]), saturate<T>(v)));
  });
  return 0;
}
int zeros(const mxl_cuda_call* c) { return fill_value(c, 0); }
int ones(const mxl_cuda_call* c) { return fill_value(c, 1); }
int full(const mxl_cuda_call* c) { return fill_value(c, attr_f(c, "value")); }

// p[i] = start + (i / repeat) * step, in the dtype (start and step converted first).
template <class T>
__global__ void range_kernel(T* p, int64_t n, double start, double step, int64_t repeat) {
  MXC_KERNEL_LOOP(i, n) p[i] = saturate<T>(start + double(i / repeat) * step);
}
int arange(const mxl_cuda_call* c) {
  double start = attr_none(c, "stop") && !attr_b(c, "infer_range") ? 0 : attr_f(c, "start");
  double step = attr_f(c, "step");
  int64_t repeat = attr_i(c, "repeat"), n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_ALL16(c, c->out[0].dtype, T, {
    range_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<T*>(c->out[0].data), n,
                                                                double(saturate<T>(start)),
                                                                double(saturate<T>(step)), repeat);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

template <class T>
__global__ void linspace_kernel(T* p, int64_t n, double start, double step, bool endpoint, double stop) {
  MXC_KERNEL_LOOP(i, n) p[i] = (endpoint && n > 1 && i == n - 1) ? saturate<T>(stop) : saturate<T>(start + double(i) * step);
}
int linspace(const mxl_cuda_call* c) {
  int64_t num = attr_i(c, "num");
  bool endpoint = attr_b(c, "endpoint");
  int64_t div = endpoint ? num - 1 : num;
  double start = attr_f(c, "start"), stop = attr_f(c, "stop");
  double step = div > 0 ? (stop - start) / double(div) : 0;
  if (num == 0) return 0;
  MXC_SWITCH_ALL16(c, c->out[0].dtype, T, {
    linspace_kernel<T><<<grid_for(num), kThreads, 0, stream_of(c)>>>(static_cast<T*>(c->out[0].data), num, start,
                                                                     step, endpoint, stop);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

template <class T>
__global__ void eye_kernel(T* p, int64_t n, int64_t m, int64_t k) {
  MXC_KERNEL_LOOP(i, n * m) {
    int64_t r = i / m, col = i % m;
    p[i] = T(col - r == k ? 1 : 0);
  }
}
int eye(const mxl_cuda_call* c) {
  int64_t n = c->out[0].shape[0], m = c->out[0].shape[1], k = attr_i(c, "k");
  if (n * m == 0) return 0;
  MXC_SWITCH_ALL16(c, c->out[0].dtype, T, {
    eye_kernel<T><<<grid_for(n * m), kThreads, 0, stream_of(c)>>>(static_cast<T*>(c->out[0].data), n, m, k);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

}  // namespace

void register_random(KernelTable& t) {
  t.push_back({"_random_uniform", sample<kUniform>});
  t.push_back({"_random_normal", sample<kNormal>});
  t.push_back({"_random_exponential", sample<kExponential>});
  t.push_back({"_random_gamma", sample2<kGamma>});
  t.push_back({"_random_poisson", sample2<kPoisson>});
  t.push_back({"_random_randint", randint});
  t.push_back({"_zeros", zeros});
  t.push_back({"_ones", ones});
  t.push_back({"_full", full});
  t.push_back({"_arange", arange});
  t.push_back({"_linspace", linspace});
  t.push_back({"_eye", eye});
}

}  // namespace mxlcuda
