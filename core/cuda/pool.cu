// Pooling on the device (max, avg, sum, lp; 1 to 3 spatial dims, channels first),
// forward and backward, with the window geometry of core/op/nn_conv.cc: one thread
// per output element; the backward scatters into the zeroed input gradient with
// atomicAdd (windows may overlap).
#include "common.cuh"

namespace mxlcuda {
namespace {

enum PoolType { kMax = 0, kAvg, kSum, kLp };  // the pool_type choices, in order

// Padded to 3 spatial dims: kernel, stride, pad before / after, input / output extents.
struct PoolParam {
  int type = kMax;
  int p_value = 2;
  bool include_pad = true;
  int64_t k[3], s[3], pb[3], pa[3], in[3], out[3];
};

// As parse_pool (shape inference has validated the parameters already).
PoolParam parse_pool(const mxl_cuda_call* c, const mxl_cuda_blob& x) {
  PoolParam P;
  const int nd = x.ndim - 2;
  P.type = int(attr_i(c, "pool_type"));
  if (P.type == kLp) P.p_value = int(attr_i(c, "p_value"));
  P.include_pad = attr_none(c, "count_include_pad") || attr_b(c, "count_include_pad");
  int64_t k[3], s[3] = {1, 1, 1}, p[3] = {0, 0, 0}, o[3], pb[3], pa[3];
  if (attr_b(c, "global_pool")) {
    for (int i = 0; i < nd; ++i) {
      k[i] = x.shape[2 + i];
      s[i] = 1;
      pb[i] = pa[i] = 0;
      o[i] = 1;
    }
  } else {
    int64_t t[MXL_CUDA_MAX_DIM];
    c->attr->shape(c->attrs, "kernel", k);
    if (c->attr->shape(c->attrs, "stride", t) > 0)
      for (int i = 0; i < nd; ++i) s[i] = t[i];
    if (c->attr->shape(c->attrs, "pad", t) > 0)
      for (int i = 0; i < nd; ++i) p[i] = t[i];
    const std::string conv = attr_s(c, "pooling_convention");
    for (int i = 0; i < nd; ++i) {
      int64_t X = x.shape[2 + i];
      if (conv == "same") {
        o[i] = (X + s[i] - 1) / s[i];
        int64_t total = (o[i] - 1) * s[i] + k[i] - X;
        if (total < 0) total = 0;
        pb[i] = total / 2;
        pa[i] = total - pb[i];
      } else {
        int64_t padded = X + 2 * p[i];
        o[i] = conv == "full" ? (padded - k[i] + s[i] - 1) / s[i] + 1 : (padded - k[i]) / s[i] + 1;
        pb[i] = pa[i] = p[i];
      }
    }
  }
  const int off = 3 - nd;
  for (int j = 0; j < 3; ++j) {
    int i = j - off;
    bool real = i >= 0;
    P.k[j] = real ? k[i] : 1;
    P.s[j] = real ? s[i] : 1;
    P.pb[j] = real ? pb[i] : 0;
    P.pa[j] = real ? pa[i] : 0;
    P.in[j] = real ? x.shape[2 + i] : 1;
    P.out[j] = real ? o[i] : 1;
  }
  return P;
}

// One window clipped to the input: [lo, hi) per dim, and the divisors avg uses.
struct Window {
  int64_t lo[3], hi[3];
  int64_t padded_size, valid_size;
};
__device__ inline Window window_at(const PoolParam& P, int64_t oi) {
  Window w;
  int64_t o[3];
  o[2] = oi % P.out[2];
  o[1] = (oi / P.out[2]) % P.out[1];
  o[0] = oi / (P.out[2] * P.out[1]);
  w.padded_size = w.valid_size = 1;
  for (int j = 0; j < 3; ++j) {
    int64_t start = o[j] * P.s[j] - P.pb[j];
    int64_t end = start + P.k[j];
    if (end > P.in[j] + P.pa[j]) end = P.in[j] + P.pa[j];
    w.padded_size *= end - start > 0 ? end - start : 0;
    w.lo[j] = start > 0 ? start : 0;
    w.hi[j] = end < P.in[j] ? end : P.in[j];
    w.valid_size *= w.hi[j] - w.lo[j] > 0 ? w.hi[j] - w.lo[j] : 0;
  }
  return w;
}
#define FOR_WINDOW(P, w, i, ...)                                    \
  for (int64_t d_ = w.lo[0]; d_ < w.hi[0]; ++d_)                    \
    for (int64_t h_ = w.lo[1]; h_ < w.hi[1]; ++h_)                  \
      for (int64_t x_ = w.lo[2]; x_ < w.hi[2]; ++x_) {              \
        const int64_t i = (d_ * P.in[1] + h_) * P.in[2] + x_;       \
        __VA_ARGS__                                                 \
      }

template <class A> __device__ inline A pow_p(A v, int p) { return p == 1 ? v : p == 2 ? v * v : v * v * v; }
template <class A> __device__ inline A root_p(A v, int p) { return p == 1 ? v : p == 2 ? sqrt(v) : cbrt(v); }

template <class T>
__global__ void pool_fwd_kernel(const T* x, T* y, int64_t planes, PoolParam P) {
  const int64_t IN = P.in[0] * P.in[1] * P.in[2], OUT = P.out[0] * P.out[1] * P.out[2];
  MXC_KERNEL_LOOP(idx, planes * OUT) {
    const int64_t pl = idx / OUT, oi = idx % OUT;
    const Window w = window_at(P, oi);
    const T* src = x + pl * IN;
    T r = 0;
    if (P.type == kMax) {  // an empty window gives the lowest value, as on the CPU
      bool any = false;
      r = std::numeric_limits<T>::lowest();
      FOR_WINDOW(P, w, i, { T v = src[i]; if (!any || v > r) r = v; any = true; })
    } else {
      FOR_WINDOW(P, w, i, { r += P.type == kLp ? pow_p(src[i], P.p_value) : src[i]; })
      if (P.type == kAvg) {
        int64_t div = P.include_pad ? w.padded_size : w.valid_size;
        r = div > 0 ? r / T(div) : T(0);
      } else if (P.type == kLp) {
        r = root_p(r, P.p_value);
      }
    }
    y[idx] = r;
  }
}

// (ograd, data, output) -> d(data), accumulated with atomicAdd into zeros.
template <class T>
__global__ void pool_bwd_kernel(const T* dy, const T* x, const T* y, T* dx, int64_t planes, PoolParam P) {
  const int64_t IN = P.in[0] * P.in[1] * P.in[2], OUT = P.out[0] * P.out[1] * P.out[2];
  MXC_KERNEL_LOOP(idx, planes * OUT) {
    const int64_t pl = idx / OUT, oi = idx % OUT;
    const Window w = window_at(P, oi);
    const T* src = x + pl * IN;
    T* d = dx + pl * IN;
    const T g = dy[idx];
    if (P.type == kMax) {  // the first maximum gets the gradient
      int64_t best = -1;
      T m = 0;
      FOR_WINDOW(P, w, i, { T v = src[i]; if (best < 0 || v > m) { m = v; best = i; } })
      if (best >= 0) atomicAdd(d + best, g);
    } else if (P.type == kLp) {
      const T out = y[idx];
      if (P.p_value > 1 && out == T(0)) continue;
      FOR_WINDOW(P, w, i, {
        T r = P.p_value == 1 ? T(1) : src[i] / out;
        atomicAdd(d + i, g * (P.p_value == 3 ? r * r : r));
      })
    } else {
      int64_t div = P.type == kSum ? 1 : P.include_pad ? w.padded_size : w.valid_size;
      if (div <= 0) continue;
      const T share = g / T(div);
      FOR_WINDOW(P, w, i, { atomicAdd(d + i, share); })
    }
  }
}

int pool_fwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob& x = c->in[0];
  PoolParam P = parse_pool(c, x);
  const int64_t planes = x.shape[0] * x.shape[1], n = planes * P.out[0] * P.out[1] * P.out[2];
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT(c, x.dtype, T, {
    pool_fwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<const T*>(x.data),
                                                                    static_cast<T*>(c->out[0].data), planes, P);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

int pool_bwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob& x = c->in[1];
  PoolParam P = parse_pool(c, x);
  const int64_t planes = x.shape[0] * x.shape[1], n = planes * P.out[0] * P.out[1] * P.out[2];
  CU_CHECK_CALL(c, cudaMemsetAsync(c->out[0].data, 0, size_t(blob_size(c->out[0])) * esize(c->out[0].dtype),
                                   stream_of(c)));
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT(c, x.dtype, T, {
    pool_bwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(c->in[0].data), static_cast<const T*>(x.data), static_cast<const T*>(c->in[2].data),
        static_cast<T*>(c->out[0].data), planes, P);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

}  // namespace

void register_pool(KernelTable& t) {
  t.push_back({"Pooling", with_float16<pool_fwd>});
  t.push_back({"_backward_Pooling", with_float16<pool_bwd>});
}

}  // namespace mxlcuda
