// Fused optimizer updates on the device, with the formulas of core/op/optimizer.cc
// (that file's comments give each update's math; the per-element expressions here
// are written in the same order):
//   sgd / sgd_mom / nag_mom / adam / rmsprop / rmspropalex / ftrl / signsgd / signum /
//   ftml / _adagrad / _adadelta updates, lamb_update_phase1/2, _adamw_update, and the
//   multi-precision mp_sgd / mp_sgd_mom / mp_nag_mom / mp_lamb_phase1/2 / _mp_adamw.
// g = clip(grad * rescale_grad) (clip < 0: off); states are updated in place, each
// read before it is written, so out aliasing the weight is safe.
// Weights are float32, float64 or float16 (f16_t); float16 and float32 compute in
// float, float64 in double. mp_* states and weight32 are float32.
#include "optimizer_kernels.cuh"

namespace mxlcuda {
namespace {

using namespace optim;  // clip_to, GradParams, launch, the shared SGD steps


template <class T, class S>
struct Nag {
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
    C g = p.grad(C(grad[i])) + p.wd * w;
    C m = mu * C(mom[i]) - p.lr * g;
    mom[i] = S(m);
    C nw = w + mu * m - p.lr * g;
    if (w_out) w_out[i] = S(nw);
    out[i] = T(nw);
  }
};

int sgd_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    Sgd<T, T> f{grad_params<facc_t<T>>(c), bptr<T>(c->in[1]), bptr<T>(c->in[0]), nullptr, bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}
int mp_sgd_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    float* w32 = bptr<float>(c->in[2]);
    Sgd<T, float> f{grad_params<float>(c), bptr<T>(c->in[1]), w32, w32, bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}
int sgd_mom_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    using C = facc_t<T>;
    SgdMom<T, T> f{grad_params<C>(c), C(attr_f(c, "momentum")), bptr<T>(c->in[1]), bptr<T>(c->in[2]),
                   bptr<T>(c->in[0]), nullptr, bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}
int mp_sgd_mom_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    float* w32 = bptr<float>(c->in[3]);
    SgdMom<T, float> f{grad_params<float>(c), float(attr_f(c, "momentum")), bptr<T>(c->in[1]),
                       bptr<float>(c->in[2]), w32, w32, bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}
int nag_mom_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    using C = facc_t<T>;
    Nag<T, T> f{grad_params<C>(c), C(attr_f(c, "momentum")), bptr<T>(c->in[1]), bptr<T>(c->in[2]),
                bptr<T>(c->in[0]), nullptr, bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}
int mp_nag_mom_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    float* w32 = bptr<float>(c->in[3]);
    Nag<T, float> f{grad_params<float>(c), float(attr_f(c, "momentum")), bptr<T>(c->in[1]), bptr<float>(c->in[2]),
                    w32, w32, bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}

// ================================================================== adaptive updates
// Plain updates over (weight, grad, states...): T is every input's dtype.
template <class T>
struct Adam {
  GradParams<facc_t<T>> p;
  facc_t<T> b1, b2, eps;
  const T *wt, *gr;
  T *mean, *var, *o;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<T>;
    C w = C(wt[i]);
    C g = clip_to(C(gr[i]) * p.rescale + p.wd * w, p.clip);
    C m = b1 * C(mean[i]) + (C(1) - b1) * g;
    C v = b2 * C(var[i]) + (C(1) - b2) * g * g;
    mean[i] = T(m);
    var[i] = T(v);
    o[i] = T(w - p.lr * m / (sqrt(v) + eps));
  }
};
int adam_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    using C = facc_t<T>;
    Adam<T> f{grad_params<C>(c), C(attr_f(c, "beta1")), C(attr_f(c, "beta2")), C(attr_f(c, "epsilon")),
              bptr<T>(c->in[0]), bptr<T>(c->in[1]), bptr<T>(c->in[2]), bptr<T>(c->in[3]), bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}

template <class T>
struct RmsProp {
  GradParams<facc_t<T>> p;
  facc_t<T> g1, eps, cw;
  const T *wt, *gr;
  T *nn, *o;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<T>;
    C w = C(wt[i]);
    C g = clip_to(C(gr[i]) * p.rescale + p.wd * w, p.clip);
    C n = (C(1) - g1) * g * g + g1 * C(nn[i]);
    nn[i] = T(n);
    o[i] = T(clip_to(w - p.lr * g / sqrt(n + eps), cw));
  }
};
int rmsprop_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    using C = facc_t<T>;
    RmsProp<T> f{grad_params<C>(c), C(attr_f(c, "gamma1")), C(attr_f(c, "epsilon")), C(attr_f(c, "clip_weights")),
                 bptr<T>(c->in[0]), bptr<T>(c->in[1]), bptr<T>(c->in[2]), bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}

template <class T>
struct RmsPropAlex {
  GradParams<facc_t<T>> p;
  facc_t<T> g1, g2, eps, cw;
  const T *wt, *gr;
  T *nn, *gg, *dd, *o;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<T>;
    C w = C(wt[i]);
    C g = clip_to(C(gr[i]) * p.rescale + p.wd * w, p.clip);
    C n = (C(1) - g1) * g * g + g1 * C(nn[i]);
    C ga = (C(1) - g1) * g + g1 * C(gg[i]);
    C d = g2 * C(dd[i]) - p.lr * g / sqrt(n - ga * ga + eps);
    nn[i] = T(n);
    gg[i] = T(ga);
    dd[i] = T(d);
    o[i] = T(clip_to(w + d, cw));
  }
};
int rmspropalex_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    using C = facc_t<T>;
    RmsPropAlex<T> f{grad_params<C>(c), C(attr_f(c, "gamma1")), C(attr_f(c, "gamma2")), C(attr_f(c, "epsilon")),
                     C(attr_f(c, "clip_weights")), bptr<T>(c->in[0]), bptr<T>(c->in[1]), bptr<T>(c->in[2]),
                     bptr<T>(c->in[3]), bptr<T>(c->in[4]), bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}

template <class T>
struct Ftrl {
  GradParams<facc_t<T>> p;
  facc_t<T> l1, beta;
  const T *wt, *gr;
  T *zz, *nn, *o;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<T>;
    C w = C(wt[i]), g = p.grad(C(gr[i])), n0 = C(nn[i]);
    C n = n0 + g * g;
    C z = C(zz[i]) + g - (sqrt(n) - sqrt(n0)) * w / p.lr;
    zz[i] = T(z);
    nn[i] = T(n);
    o[i] = T(fabs(z) > l1 ? (sign_of(z) * l1 - z) / ((beta + sqrt(n)) / p.lr + p.wd) : C(0));
  }
};
int ftrl_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    using C = facc_t<T>;
    Ftrl<T> f{grad_params<C>(c), C(attr_f(c, "lamda1")), C(attr_f(c, "beta")), bptr<T>(c->in[0]), bptr<T>(c->in[1]),
              bptr<T>(c->in[2]), bptr<T>(c->in[3]), bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}

template <class T>
struct SignSgd {
  GradParams<facc_t<T>> p;
  const T *wt, *gr;
  T* o;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<T>;
    o[i] = T((C(1) - p.lr * p.wd) * C(wt[i]) - p.lr * sign_of(p.grad(C(gr[i]))));
  }
};
int signsgd_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    SignSgd<T> f{grad_params<facc_t<T>>(c), bptr<T>(c->in[0]), bptr<T>(c->in[1]), bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}

template <class T>
struct Signum {
  GradParams<facc_t<T>> p;
  facc_t<T> mu, wd_lh;
  const T *wt, *gr;
  T *mom, *o;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<T>;
    C w = C(wt[i]);
    C m = mu * C(mom[i]) - (C(1) - mu) * (p.grad(C(gr[i])) + p.wd * w);
    mom[i] = T(m);
    o[i] = T((C(1) - p.lr * wd_lh) * w + p.lr * sign_of(m));
  }
};
int signum_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    using C = facc_t<T>;
    Signum<T> f{grad_params<C>(c), C(attr_f(c, "momentum")), C(attr_f(c, "wd_lh")), bptr<T>(c->in[0]),
                bptr<T>(c->in[1]), bptr<T>(c->in[2]), bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}

template <class T>
struct Ftml {
  GradParams<facc_t<T>> p;
  facc_t<T> b1, b2, eps, c1, c2;
  const T *wt, *gr;
  T *dd, *vv, *zz, *o;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<T>;
    C w = C(wt[i]);
    C g = clip_to(C(gr[i]) * p.rescale + p.wd * w, p.clip);
    C v = b2 * C(vv[i]) + (C(1) - b2) * g * g;
    C d = c1 / p.lr * (sqrt(v / c2) + eps);
    C z = b1 * C(zz[i]) + (C(1) - b1) * g - (d - b1 * C(dd[i])) * w;
    vv[i] = T(v);
    dd[i] = T(d);
    zz[i] = T(z);
    o[i] = T(-z / d);
  }
};
int ftml_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    using C = facc_t<T>;
    C b1 = C(attr_f(c, "beta1")), b2 = C(attr_f(c, "beta2"));
    double t = double(attr_i(c, "t"));
    C c1 = C(1 - std::pow(double(b1), t)), c2 = C(1 - std::pow(double(b2), t));  // on the host, as the CPU
    Ftml<T> f{grad_params<C>(c, true, "clip_grad"), b1, b2, C(attr_f(c, "epsilon")), c1, c2, bptr<T>(c->in[0]),
              bptr<T>(c->in[1]), bptr<T>(c->in[2]), bptr<T>(c->in[3]), bptr<T>(c->in[4]), bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}

template <class T>
struct AdaGrad {
  GradParams<facc_t<T>> p;
  facc_t<T> eps;
  const T *wt, *gr;
  T *hist, *o;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<T>;
    C w = C(wt[i]), g = p.grad(C(gr[i]));
    C h = C(hist[i]) + g * g;
    hist[i] = T(h);
    o[i] = T(w - p.lr * (g / sqrt(h + eps) + p.wd * w));
  }
};
int adagrad_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    using C = facc_t<T>;
    AdaGrad<T> f{grad_params<C>(c), C(attr_f(c, "epsilon")), bptr<T>(c->in[0]), bptr<T>(c->in[1]), bptr<T>(c->in[2]),
                 bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}

template <class T>
struct AdaDelta {
  GradParams<facc_t<T>> p;
  facc_t<T> rho, eps;
  const T *wt, *gr;
  T *acc_g, *acc_d, *o;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<T>;
    C w = C(wt[i]), g = p.grad(C(gr[i]));
    C ag = rho * C(acc_g[i]) + (C(1) - rho) * g * g;
    C delta = sqrt(C(acc_d[i]) + eps) / sqrt(ag + eps) * g;
    acc_g[i] = T(ag);
    acc_d[i] = T(rho * C(acc_d[i]) + (C(1) - rho) * delta * delta);
    o[i] = T(w - delta - p.wd * w);
  }
};
int adadelta_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    using C = facc_t<T>;
    AdaDelta<T> f{grad_params<C>(c, false), C(attr_f(c, "rho")), C(attr_f(c, "epsilon")), bptr<T>(c->in[0]),
                  bptr<T>(c->in[1]), bptr<T>(c->in[2]), bptr<T>(c->in[3]), bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}

// ================================================================== LAMB
template <class T, class S>
struct LambPhase1 {
  GradParams<facc_t<S>> p;
  facc_t<S> b1, b2, eps, c1, c2;
  const T* grad;
  S *mean, *var;
  const S* w_in;
  S* out;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<S>;
    C g = p.grad(C(grad[i]));
    C m = b1 * C(mean[i]) + (C(1) - b1) * g;
    C v = b2 * C(var[i]) + (C(1) - b2) * g * g;
    mean[i] = S(m);
    var[i] = S(v);
    out[i] = S((m / c1) / (sqrt(v / c2) + eps) + p.wd * C(w_in[i]));
  }
};
template <class T, class S>
int lamb_phase1(const mxl_cuda_call* c, const T* grad, S* mean, S* var, const S* w_in, S* out) {
  using C = facc_t<S>;
  C b1 = C(attr_f(c, "beta1")), b2 = C(attr_f(c, "beta2"));
  double t = double(attr_i(c, "t"));
  bool bc = attr_b(c, "bias_correction");
  C c1 = bc ? C(1 - std::pow(double(b1), t)) : C(1), c2 = bc ? C(1 - std::pow(double(b2), t)) : C(1);
  LambPhase1<T, S> f{grad_params<C>(c, false), b1, b2, C(attr_f(c, "epsilon")), c1, c2, grad, mean, var, w_in, out};
  return launch(c, f, blob_size(c->in[0]));
}
int lamb_update_phase1(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    return lamb_phase1<T, T>(c, bptr<T>(c->in[1]), bptr<T>(c->in[2]), bptr<T>(c->in[3]), bptr<T>(c->in[0]),
                             bptr<T>(c->out[0]));
  });
  return 0;
}
int mp_lamb_update_phase1(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    return lamb_phase1<T, float>(c, bptr<T>(c->in[1]), bptr<float>(c->in[2]), bptr<float>(c->in[3]),
                                 bptr<float>(c->in[4]), bptr<float>(c->out[0]));
  });
  return 0;
}

// Phase 2 reads the norms r1, r2 (one-element arrays of dtype S) on the device; the
// step is formed in double per thread exactly as the CPU forms it once.
template <class T, class S>
struct LambPhase2 {
  double lb, ub, lr;
  const S *g, *r1p, *r2p, *w_in;
  S* w_out;
  T* out;
  __device__ void operator()(int64_t i) const {
    using C = facc_t<S>;
    double r1 = double(r1p[0]), r2 = double(r2p[0]);
    if (lb > 0) r1 = r1 < lb ? lb : r1;  // std::max(r1, lb)
    if (ub > 0) r1 = ub < r1 ? ub : r1;  // std::min(r1, ub)
    C step = C(r1 == 0 || r2 == 0 ? lr : lr * r1 / r2);
    C nw = C(w_in[i]) - step * C(g[i]);
    if (w_out) w_out[i] = S(nw);
    out[i] = T(nw);
  }
};
int lamb_update_phase2(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    LambPhase2<T, T> f{attr_f(c, "lower_bound"), attr_f(c, "upper_bound"), attr_f(c, "lr"), bptr<T>(c->in[1]),
                       bptr<T>(c->in[2]), bptr<T>(c->in[3]), bptr<T>(c->in[0]), nullptr, bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}
int mp_lamb_update_phase2(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    float* w32 = bptr<float>(c->in[4]);
    LambPhase2<T, float> f{attr_f(c, "lower_bound"), attr_f(c, "upper_bound"), attr_f(c, "lr"), bptr<float>(c->in[1]),
                           bptr<float>(c->in[2]), bptr<float>(c->in[3]), w32, w32, bptr<T>(c->out[0])};
    return launch(c, f, blob_size(c->in[0]));
  });
  return 0;
}

// ================================================================== AdamW
// The step and its launch: optimizer_kernels.cuh.
template <class T, class S>
int adamw(const mxl_cuda_call* c, const S* rescale, const T* grad, S* mean, S* var, const S* w_in, S* w_out, T* out) {
  return launch_adamw(c, attr_f(c, "lr"), attr_f(c, "wd"), attr_f(c, "eta"), rescale, grad, mean, var, w_in, w_out,
                      out, blob_size(c->in[0]));
}
int adamw_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    return adamw<T, T>(c, bptr<T>(c->in[4]), bptr<T>(c->in[1]), bptr<T>(c->in[2]), bptr<T>(c->in[3]), bptr<T>(c->in[0]),
                       nullptr, bptr<T>(c->out[0]));
  });
  return 0;
}
int mp_adamw_update(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    float* w32 = bptr<float>(c->in[4]);
    return adamw<T, float>(c, bptr<float>(c->in[5]), bptr<T>(c->in[1]), bptr<float>(c->in[2]), bptr<float>(c->in[3]),
                           w32, w32, bptr<T>(c->out[0]));
  });
  return 0;
}

}  // namespace

void register_optimizer(KernelTable& t) {
  t.push_back({"sgd_update", sgd_update});
  t.push_back({"mp_sgd_update", mp_sgd_update});
  t.push_back({"sgd_mom_update", sgd_mom_update});
  t.push_back({"mp_sgd_mom_update", mp_sgd_mom_update});
  t.push_back({"nag_mom_update", nag_mom_update});
  t.push_back({"mp_nag_mom_update", mp_nag_mom_update});
  t.push_back({"adam_update", adam_update});
  t.push_back({"rmsprop_update", rmsprop_update});
  t.push_back({"rmspropalex_update", rmspropalex_update});
  t.push_back({"ftrl_update", ftrl_update});
  t.push_back({"signsgd_update", signsgd_update});
  t.push_back({"signum_update", signum_update});
  t.push_back({"ftml_update", ftml_update});
  t.push_back({"_adagrad_update", adagrad_update});
  t.push_back({"_adadelta_update", adadelta_update});
  t.push_back({"lamb_update_phase1", lamb_update_phase1});
  t.push_back({"mp_lamb_update_phase1", mp_lamb_update_phase1});
  t.push_back({"lamb_update_phase2", lamb_update_phase2});
  t.push_back({"mp_lamb_update_phase2", mp_lamb_update_phase2});
  t.push_back({"_adamw_update", adamw_update});
  t.push_back({"_mp_adamw_update", mp_adamw_update});
}

}  // namespace mxlcuda
