// The device side of the SGD steps shared by the one-weight updates
// (core/cuda/optimizer.cu) and the multi-weight ones (core/cuda/optimizer_multi.cu),
// with the CPU's formulas (core/op/optimizer_kernels.h) in the same order.
#pragma once
#include "common.cuh"

namespace mxlcuda {
namespace optim {

// std::max(std::min(v, b), -b) exactly (NaN passes through), when b >= 0.
template <class C>
__device__ inline C clip_to(C v, C bound) {
  if (!(bound >= C(0))) return v;
  C m = bound < v ? bound : v;
  return m < -bound ? -bound : m;
}
template <class C>
__device__ inline C sign_of(C v) {
  return C(int(v > C(0)) - int(v < C(0)));
}

// lr, wd, rescale_grad, clip as the CPU's GradParams reads them.
template <class C>
struct GradParams {
  C lr = 0, wd = 0, rescale = 1, clip = -1;
  __device__ C grad(C g) const { return clip_to(g * rescale, clip); }
};
template <class C>
GradParams<C> grad_params(const mxl_cuda_call* c, bool has_lr = true, const char* clip_name = "clip_gradient") {
  GradParams<C> p;
  p.lr = has_lr ? C(attr_f(c, "lr")) : C(0);
  p.wd = C(attr_f(c, "wd"));
  p.rescale = C(attr_f(c, "rescale_grad"));
  p.clip = C(attr_f(c, clip_name));
  return p;
}

template <class F>
__global__ void each_kernel(F f, int64_t n) {
  MXC_KERNEL_LOOP(i, n) f(i);
}
template <class F>
int launch(const mxl_cuda_call* c, const F& f, int64_t n) {
  if (n == 0) return 0;
  each_kernel<F><<<grid_for(n), kThreads, 0, stream_of(c)>>>(f, n);
  CU_CHECK_LAUNCH(c);
  return 0;
}

// T: weight/grad/output dtype; S: state dtype (T, or float for mp_*). w_in is the
// weight read (weight32 for mp), w_out the master copy written (mp only).
template <class T, class S>
struct Sgd {
  GradParams<facc_t<S>> p;
  const T* grad;
  const S* w_in;
  S* w_out;
  T* out;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<S>;
    C w = C(w_in[i]);
    C nw = (C(1) - p.lr * p.wd) * w - p.lr * p.grad(C(grad[i]));
    if (w_out) w_out[i] = S(nw);
    out[i] = T(nw);
  }
};
template <class T, class S>
struct SgdMom {
  GradParams<facc_t<S>> p;
  facc_t<S> mu;
  const T* grad;
  S* mom;
  const S* w_in;
  S* w_out;
  T* out;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<S>;
    C w = C(w_in[i]);
    C m = mu * C(mom[i]) - p.lr * p.wd * w - p.lr * p.grad(C(grad[i]));
    mom[i] = S(m);
    C nw = w + m;
    if (w_out) w_out[i] = S(nw);
    out[i] = T(nw);
  }
};
// ================================================================== AdamW
// rescale_grad is a one-element array of dtype S read on the device: 0, NaN or
// infinite skips the step (the output is the weight; states are left alone).
template <class T, class S>
struct AdamW {
  facc_t<S> lr, wd, eta, clip, b1, b2, eps;
  const S* rescale;
  const T* grad;
  S *mean, *var;
  const S* w_in;
  S* w_out;
  T* out;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<S>;
    double r = double(rescale[0]);
    if (r == 0 || !isfinite(r)) {
      out[i] = T(w_in[i]);
      return;
    }
    C w = C(w_in[i]);
    C g = clip_to(C(grad[i]) * C(r), clip);
    C m = b1 * C(mean[i]) + (C(1) - b1) * g;
    C v = b2 * C(var[i]) + (C(1) - b2) * g * g;
    mean[i] = S(m);
    var[i] = S(v);
    C nw = w - eta * (lr * m / (sqrt(v) + eps) + wd * w);
    if (w_out) w_out[i] = S(nw);
    out[i] = T(nw);
  }
};
// lr, wd and eta given (the one-weight op's attributes, or one weight's of the multi
// op's lrs / wds / etas); the rest from the attributes.
template <class T, class S>
int launch_adamw(const mxl_cuda_call* c, double lr, double wd, double eta, const S* rescale, const T* grad, S* mean,
                 S* var, const S* w_in, S* w_out, T* out, int64_t n) {
  using C = facc_t<S>;
  AdamW<T, S> f{C(lr),    C(wd),   C(eta), C(attr_f(c, "clip_gradient")), C(attr_f(c, "beta1")), C(attr_f(c, "beta2")),
                C(attr_f(c, "epsilon")), rescale, grad, mean, var, w_in, w_out, out};
  return launch(c, f, n);
}

}  // namespace optim
}  // namespace mxlcuda
