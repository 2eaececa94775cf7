// The per-element steps of the SGD updates, shared by the one-weight ops
// (sgd_update, sgd_mom_update, mp_sgd_*; core/op/optimizer.cc) and the multi-weight
// ops (multi_sgd_update, ...; core/op/optimizer_multi.cc), so both round alike.
// Conventions (as in MXNet): g = grad * rescale_grad, then clipped to
// [-clip, clip] when clip >= 0. float16 and float32 compute in float, float64 in double.
#pragma once
#include <algorithm>
#include <cmath>
#include <type_traits>

#include "registry.h"

namespace mxl {
namespace optim {

template <class T> using acc_t = std::conditional_t<std::is_same_v<T, double>, double, float>;

// Rescale then clip (clip < 0: off).
template <class C> inline C rescale_clip(C g, C rescale, C clip) {
  g *= rescale;
  if (clip >= C(0)) g = std::max(std::min(g, clip), -clip);
  return g;
}
template <class C> inline C clip_to(C v, C bound) {
  return bound >= C(0) ? std::max(std::min(v, bound), -bound) : v;
}
template <class C> inline C sign_of(C v) { return C((v > C(0)) - (v < C(0))); }

// Runs f(i) over every element, threaded above the shared size threshold.
template <class F> void for_each_element(int64_t n, F&& f) {
  parallel_for(n, kParallelGrain, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) f(i);
  });
}

// The parameters every update shares: read from an op's attributes once per call,
// or given per weight (the multi-weight ops' lrs / wds).
template <class C> struct GradParams {
  C lr, wd, rescale, clip;
  GradParams(double lr_, double wd_, double rescale_, double clip_)
      : lr(C(lr_)), wd(C(wd_)), rescale(C(rescale_)), clip(C(clip_)) {}
  explicit GradParams(const Attrs& a, bool has_lr = true)
      : GradParams(has_lr ? a.f("lr") : 0.0, a.f("wd"), a.f("rescale_grad"),
                   a.f(a.op->param_index("clip_grad") >= 0 ? "clip_grad" : "clip_gradient")) {}
  C grad(C g) const { return rescale_clip(g, rescale, clip); }
};

// ---- SGD: weight = (1 - lr wd) weight - lr g.
// T: weight/grad/output dtype; S: state dtype (T, or float for mp_*). w_in is the
// weight read (weight32 for mp), w_out the master copy written (mp only, else null).
template <class T, class S>
void sgd_kernel(const GradParams<acc_t<S>>& p, const T* grad, const S* w_in, S* w_out, T* out, int64_t n) {
  using C = acc_t<S>;
  for_each_element(n, [&](int64_t i) {
    C w = C(w_in[i]);
    C nw = (C(1) - p.lr * p.wd) * w - p.lr * p.grad(C(grad[i]));
    if (w_out) w_out[i] = S(nw);
    out[i] = T(nw);
  });
}

// ---- SGD with momentum: mom = momentum mom - lr wd weight - lr g; weight += mom.
template <class T, class S>
void sgd_mom_kernel(const GradParams<acc_t<S>>& p, acc_t<S> mu, const T* grad, S* mom, const S* w_in, S* w_out,
                    T* out, int64_t n) {
  using C = acc_t<S>;
  for_each_element(n, [&](int64_t i) {
    C w = C(w_in[i]);
    C m = mu * C(mom[i]) - p.lr * p.wd * w - p.lr * p.grad(C(grad[i]));
    mom[i] = S(m);
    C nw = w + m;
    if (w_out) w_out[i] = S(nw);
    out[i] = T(nw);
  });
}

// ---- AdamW (Loshchilov & Hutter): decoupled weight decay, a learning-rate schedule
// multiplier eta, and rescale_grad given as an array: when it is 0, NaN or infinite
// (a skipped step in mixed-precision training) the weight is copied and the states
// stay as they were. g = clip(rescale * grad); mean, var as Adam;
// weight -= eta * (lr * mean / (sqrt(var) + epsilon) + wd * weight).
// lr, wd and eta from the op's attributes (_adamw_update) or given per weight
// (_multi_adamw_update's lrs / wds / etas); the rest from the attributes.
template <class C> struct AdamWParams {
  C lr, wd, eta, clip, b1, b2, eps;
  AdamWParams(double lr_, double wd_, double eta_, const Attrs& a)
      : lr(C(lr_)), wd(C(wd_)), eta(C(eta_)), clip(C(a.f("clip_gradient"))), b1(C(a.f("beta1"))),
        b2(C(a.f("beta2"))), eps(C(a.f("epsilon"))) {}
  explicit AdamWParams(const Attrs& a) : AdamWParams(a.f("lr"), a.f("wd"), a.f("eta"), a) {}
};

template <class T, class S>
void adamw_kernel(const AdamWParams<acc_t<S>>& p, const T* grad, S* mean, S* var, const S* w_in, S* w_out, T* out,
                  double rescale, int64_t n) {
  using C = acc_t<S>;
  if (rescale == 0 || !std::isfinite(rescale)) {
    for_each_element(n, [&](int64_t i) { out[i] = T(w_in[i]); });
    return;
  }
  C rs = C(rescale);
  for_each_element(n, [&](int64_t i) {
    C w = C(w_in[i]);
    C g = rescale_clip(C(grad[i]), rs, p.clip);
    C m = p.b1 * C(mean[i]) + (C(1) - p.b1) * g;
    C v = p.b2 * C(var[i]) + (C(1) - p.b2) * g * g;
    mean[i] = S(m);
    var[i] = S(v);
    C nw = w - p.eta * (p.lr * m / (std::sqrt(v) + p.eps) + p.wd * w);
    if (w_out) w_out[i] = S(nw);
    out[i] = T(nw);
  });
}

}  // namespace optim
}  // namespace mxl
