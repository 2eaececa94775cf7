// The multi-tensor optimizer operators of core/op/optimizer_multi.cc on the device
// (that file documents them): multi_(mp_)sgd(_mom)_update and their preloaded_*
// variants, and _multi_(mp_)adamw_update, launch the one-weight steps of
// optimizer_kernels.cuh once per weight with that weight's lr / wd (/ eta);
// multi_sum_sq, multi_lars, (multi_)all_finite and reset_arrays.
#include <string>
#include <vector>

#include "core/op/float_tuple.h"
#include "optimizer_kernels.cuh"

namespace mxlcuda {
namespace {

using namespace optim;  // GradParams, Sgd, SgdMom, launch, launch_adamw

// ================================================================== multi SGD
struct MultiSgdKind {
  bool mom, mp, preloaded;
  int stride() const { return 2 + int(mom) + int(mp); }
  int w32_slot() const { return mom ? 3 : 2; }
};

// The preloaded ops' lr / wd of weight k, read on the device (float32 arrays).
template <class F>
struct LrWdFromDevice {
  F step;
  const float *lrs, *wds;
  int k;
  __device__ void operator()(int64_t i) const {
    F s = step;
    s.p.lr = decltype(s.p.lr)(lrs[k]);
    s.p.wd = decltype(s.p.wd)(wds[k]);
    s(i);
  }
};

template <class F>
int launch_step(const mxl_cuda_call* c, MultiSgdKind k, const F& step, int w, int64_t n) {
  if (!k.preloaded) return launch(c, step, n);
  int nw = int(attr_i(c, "num_weights"));
  LrWdFromDevice<F> f{step, bptr<float>(c->in[nw * k.stride()]), bptr<float>(c->in[nw * k.stride() + 1]), w};
  return launch(c, f, n);
}

template <class T>
int multi_sgd_one(const mxl_cuda_call* c, MultiSgdKind k, int w, double lr, double wd) {
  int b = w * k.stride();
  int64_t n = blob_size(c->in[b]);
  double rescale = attr_f(c, "rescale_grad"), clip = attr_f(c, "clip_gradient");
  double mu = k.mom ? attr_f(c, "momentum") : 0.0;
  const T* grad = bptr<T>(c->in[b + 1]);
  T* out = bptr<T>(c->out[w]);
  if (k.mp) {
    using C = float;
    GradParams<C> p{C(lr), C(wd), C(rescale), C(clip)};
    float* w32 = bptr<float>(c->in[b + k.w32_slot()]);
    if (k.mom)
      return launch_step(c, k, SgdMom<T, float>{p, C(mu), grad, bptr<float>(c->in[b + 2]), w32, w32, out}, w, n);
    return launch_step(c, k, Sgd<T, float>{p, grad, w32, w32, out}, w, n);
  }
  using C = facc_t<T>;
  GradParams<C> p{C(lr), C(wd), C(rescale), C(clip)};
  const T* wt = bptr<T>(c->in[b]);
  if (k.mom) return launch_step(c, k, SgdMom<T, T>{p, C(mu), grad, bptr<T>(c->in[b + 2]), wt, nullptr, out}, w, n);
  return launch_step(c, k, Sgd<T, T>{p, grad, wt, nullptr, out}, w, n);
}

template <bool Mom, bool Mp, bool Preloaded>
int multi_sgd(const mxl_cuda_call* c) {
  MultiSgdKind k{Mom, Mp, Preloaded};
  int nw = int(attr_i(c, "num_weights"));
  std::vector<double> lrs(size_t(nw), 0.0), wds(size_t(nw), 0.0);
  if (!Preloaded && (!mxl::parse_float_tuple(attr_s(c, "lrs"), lrs) || !mxl::parse_float_tuple(attr_s(c, "wds"), wds) ||
                     int(lrs.size()) != nw || int(wds.size()) != nw))
    return call_fail(c, kInvalidArgument, "%s: lrs and wds must be tuples of num_weights floats", c->op_name);
  for (int w = 0; w < nw; ++w) {
    int rc = 0;
    MXC_SWITCH_FLOAT16(c, c->in[w * k.stride()].dtype, T, { rc = multi_sgd_one<T>(c, k, w, lrs[w], wds[w]); });
    if (rc) return rc;
  }
  return 0;
}

// ================================================================== multi AdamW
// Each weight through the one-weight AdamW step; rescale_grad (the last input) is read
// on the device.
template <bool Mp>
int multi_adamw(const mxl_cuda_call* c) {
  int nw = int(attr_i(c, "num_weights")), st = Mp ? 5 : 4;
  std::vector<double> lrs, wds, etas;
  if (!mxl::parse_float_tuple(attr_s(c, "lrs"), lrs) || !mxl::parse_float_tuple(attr_s(c, "wds"), wds) ||
      !mxl::parse_float_tuple(attr_s(c, "etas"), etas) || int(lrs.size()) != nw || int(wds.size()) != nw ||
      int(etas.size()) != nw)
    return call_fail(c, kInvalidArgument, "%s: lrs, wds and etas must be tuples of num_weights floats", c->op_name);
  const mxl_cuda_blob& rescale = c->in[c->nin - 1];
  for (int w = 0; w < nw; ++w) {
    const mxl_cuda_blob* g = &c->in[w * st];  // weight, grad, mean, var[, weight32]
    int rc = 0;
    MXC_SWITCH_FLOAT16(c, g[0].dtype, T, {
      if constexpr (Mp) {
        float* w32 = bptr<float>(g[4]);
        rc = launch_adamw(c, lrs[w], wds[w], etas[w], bptr<float>(rescale), bptr<T>(g[1]), bptr<float>(g[2]),
                          bptr<float>(g[3]), w32, w32, bptr<T>(c->out[w]), blob_size(g[0]));
      } else {
        rc = launch_adamw(c, lrs[w], wds[w], etas[w], bptr<T>(rescale), bptr<T>(g[1]), bptr<T>(g[2]), bptr<T>(g[3]),
                          bptr<T>(g[0]), static_cast<T*>(nullptr), bptr<T>(c->out[w]), blob_size(g[0]));
      }
    });
    if (rc) return rc;
  }
  return 0;
}

// ================================================================== multi_sum_sq
// One block per array, accumulating in double as the CPU does.
template <class T>
__global__ void sum_sq_kernel(const T* x, int64_t n, float* out) {
  __shared__ double sh[kThreads];
  double s = 0;
  for (int64_t i = threadIdx.x; i < n; i += kThreads) s += double(x[i]) * double(x[i]);
  s = block_sum(s, sh);
  if (threadIdx.x == 0) *out = float(s);
}
int multi_sum_sq(const mxl_cuda_call* c) {
  float* out = bptr<float>(c->out[0]);
  for (int i = 0; i < c->nin; ++i) {
    MXC_SWITCH_FLOAT16(c, c->in[i].dtype, T, {
      sum_sq_kernel<T><<<1, kThreads, 0, stream_of(c)>>>(bptr<T>(c->in[i]), blob_size(c->in[i]), out + i);
      CU_CHECK_LAUNCH(c);
    });
  }
  return 0;
}

// ================================================================== multi_lars
template <class T>
struct Lars {
  facc_t<T> eta, eps, rescale;
  const T *lrs, *wss, *gss, *wds;
  T* out;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<T>;
    C w = sqrt(C(wss[i])), g = sqrt(C(gss[i])) * rescale;
    C ratio = w > C(0) && g > C(0) ? eta * w / (g + C(wds[i]) * w + eps) : C(1);
    out[i] = T(C(lrs[i]) * ratio);
  }
};
int multi_lars(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    using C = facc_t<T>;
    Lars<T> f{C(attr_f(c, "eta")), C(attr_f(c, "eps")),  C(attr_f(c, "rescale_grad")), bptr<T>(c->in[0]),
              bptr<T>(c->in[1]),   bptr<T>(c->in[2]),    bptr<T>(c->in[3]),             bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}

// ================================================================== all_finite
// Every thread that sees a non-finite value writes 0: the same value, no race on it.
template <class T>
__global__ void not_finite_kernel(const T* x, int64_t n, float* flag) {
  MXC_KERNEL_LOOP(i, n) if (!isfinite(facc_t<T>(x[i]))) *flag = 0.0f;
}
int all_finite(const mxl_cuda_call* c) {
  float* flag = bptr<float>(c->out[0]);
  if (attr_b(c, "init_output")) CU_CHECK_CALL(c, fill<float>(c, flag, 1, 1.0f));
  for (int i = 0; i < c->nin; ++i) {
    int64_t n = blob_size(c->in[i]);
    if (n == 0) continue;
    MXC_SWITCH_FLOAT16(c, c->in[i].dtype, T, {
      not_finite_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<T>(c->in[i]), n, flag);
      CU_CHECK_LAUNCH(c);
    });
  }
  return 0;
}

// ================================================================== reset_arrays
int reset_arrays(const mxl_cuda_call* c) {
  for (int i = 0; i < c->nin; ++i)
    CU_CHECK_CALL(c, cudaMemsetAsync(c->in[i].data, 0, size_t(blob_size(c->in[i])) * esize(c->in[i].dtype),
                                     stream_of(c)));
  return 0;
}

}  // namespace

void register_optimizer_multi(KernelTable& t) {
  t.push_back({"multi_sgd_update", multi_sgd<false, false, false>});
  t.push_back({"multi_sgd_mom_update", multi_sgd<true, false, false>});
  t.push_back({"multi_mp_sgd_update", multi_sgd<false, true, false>});
  t.push_back({"multi_mp_sgd_mom_update", multi_sgd<true, true, false>});
  t.push_back({"preloaded_multi_sgd_update", multi_sgd<false, false, true>});
  t.push_back({"preloaded_multi_sgd_mom_update", multi_sgd<true, false, true>});
  t.push_back({"preloaded_multi_mp_sgd_update", multi_sgd<false, true, true>});
  t.push_back({"preloaded_multi_mp_sgd_mom_update", multi_sgd<true, true, true>});
  t.push_back({"_multi_adamw_update", multi_adamw<false>});
  t.push_back({"_multi_mp_adamw_update", multi_adamw<true>});
  t.push_back({"multi_sum_sq", multi_sum_sq});
  t.push_back({"multi_lars", multi_lars});
  t.push_back({"all_finite", all_finite});
  t.push_back({"multi_all_finite", all_finite});
  t.push_back({"reset_arrays", reset_arrays});
}

}  // namespace mxlcuda
