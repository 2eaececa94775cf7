// Fused optimizer updates: one kernel per parameter update (sgd_update,
// sgd_mom_update, adam_update, ...), with MXNet 1.9's names, inputs, parameters
// and defaults. Each op writes the new weight to its output (normally the weight
// itself: out=weight, declared in place) and updates its state inputs (momentum,
// moments, history) in place, declared with .mutates() so the engine orders later
// reads of the states after the update. None is differentiable.
//
// Shared conventions (as in MXNet):
//   g = grad * rescale_grad, then clipped to [-clip_gradient, clip_gradient] when
//   clip_gradient >= 0 (a negative value, the default -1, turns clipping off).
//   Where weight decay enters the gradient (wd * weight) differs per op, as in MXNet;
//   each op's doc says where. Every state is read before it is written, per element,
//   so the result never depends on the output aliasing the weight.
//
// mp_* ops ("multi-precision") keep a float32 master copy `weight32` of a float16
// (or any float) weight: the update runs on weight32 in float, and the weight
// output is weight32 cast to the weight's dtype. Their states are float32.
//
// float16 computes in float, float32 in float, float64 in double.
#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

#include "blas.h"
#include "optimizer_kernels.h"
#include "registry.h"

namespace mxl {
namespace {

using namespace optim;  // acc_t, GradParams, the shared SGD steps

// ------------------------------------------------------------------ parameters
// Declared in MXNet's order per op; these helpers keep the docs in one place.
OpDef& p_lr(OpDef& op, const char* doc = "Learning rate") {
  return op.param_required("lr", PType::kFloat, doc);
}
OpDef& p_momentum(OpDef& op, const char* doc = "The decay rate of momentum estimates at each epoch.") {
  return op.param("momentum", PType::kFloat, "0", doc).range(0, 1);
}
OpDef& p_wd(OpDef& op) {
  return op.param("wd", PType::kFloat, "0",
                  "Weight decay augments the objective function with a regularization term that penalizes "
                  "large weights. The penalty scales with the square of the magnitude of each weight.");
}
OpDef& p_rescale(OpDef& op) {
  return op.param("rescale_grad", PType::kFloat, "1", "Rescale gradient to grad = rescale_grad*grad.");
}
OpDef& p_clip(OpDef& op, const char* name = "clip_gradient") {
  return op.param(name, PType::kFloat, "-1",
                  "Clip gradient to the range of [-clip_gradient, clip_gradient]. If clip_gradient < 0, "
                  "gradient clipping is turned off. grad = max(min(grad, clip_gradient), -clip_gradient).");
}
OpDef& p_clip_weights(OpDef& op) {
  return op.param("clip_weights", PType::kFloat, "-1",
                  "Clip weights to the range of [-clip_weights, clip_weights]. If clip_weights < 0, weight "
                  "clipping is turned off. weights = max(min(weights, clip_weights), -clip_weights).");
}
OpDef& p_lazy(OpDef& op) {
  return op.param("lazy_update", PType::kBool, "True",
                  "If true, lazy updates are applied if gradient's stype is row_sparse (dense arrays "
                  "only here: no effect).");
}
OpDef& p_epsilon(OpDef& op, const char* def = "1e-8") {
  return op.param("epsilon", PType::kFloat, def, "A small constant for numerical stability.").range(0, 1e308);
}
OpDef& p_decay(OpDef& op, const char* name, const char* def, const char* doc) {
  return op.param(name, PType::kFloat, def, doc).range(0, 1);
}

// ------------------------------------------------------------------ shape / type
void check_float_dtype(const char* op, const char* what, int t) {
  if (t >= 0)
    MXL_CHECK(dtype_is_float(DType(t)), Err::kDType, op, ": ", what, " must have a float dtype, got ",
              dtype_name(DType(t)));
}

// Plain updates: weight, grad, states and output share one float dtype.
bool update_type(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  bool known = type_same(a, in, out);
  for (size_t i = 0; i < in.size(); ++i) check_float_dtype(a.op->name.c_str(), a.op->inputs[i].c_str(), in[i]);
  return known;
}

// Multi-precision updates: weight, grad and output share the weight's float dtype;
// every other input (states, weight32) is float32.
bool mp_update_type(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  const char* op = a.op->name.c_str();
  int low = in[0] >= 0 ? in[0] : in[1] >= 0 ? in[1] : out[0];
  if (low >= 0) {
    assign_type(op, "weight", in[0], low);
    assign_type(op, "grad", in[1], low);
    assign_type(op, "output", out[0], low);
    check_float_dtype(op, "weight", low);
  }
  for (size_t i = 2; i < in.size(); ++i) assign_type(op, a.op->inputs[i].c_str(), in[i], int(DType::f32));
  return low >= 0;
}

// A registration skeleton: inputs (weight first), the mutated state inputs, output
// in place of the weight, one shape for everything.
OpDef& update_op(const char* name, std::vector<const char*> inputs, std::vector<int> mutated, bool mp,
                 std::string doc) {
  OpDef& op = Registry::add(name);
  op.describe(std::move(doc));
  for (const char* n : inputs) op.input(n);
  for (int m : mutated) op.mutates(m);
  op.inplace(0, 0);
  op.outputs(1);
  op.infer_shape_fn(shape_same);
  op.infer_type_fn(mp ? mp_update_type : update_type);
  return op;
}

// Per-input dtype and shape roles for the updates whose inputs are not all alike
// (LAMB, AdamW): 'L' has the weight's dtype, 'F' is float32; 'S' has the weight's
// shape, '1' holds one element (a norm, a rescale factor).
FInferType dtype_roles(std::string in_roles, char out_role) {
  return [in_roles, out_role](const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
    const char* op = a.op->name.c_str();
    int low = in[0] >= 0 ? in[0] : out_role == 'L' ? out[0] : -1;
    for (size_t i = 0; i < in.size() && low < 0; ++i)
      if (in_roles[i] == 'L' && in[i] >= 0) low = in[i];
    if (low >= 0) check_float_dtype(op, "weight", low);
    for (size_t i = 0; i < in.size(); ++i) {
      int want = in_roles[i] == 'F' ? int(DType::f32) : low;
      if (want >= 0) assign_type(op, a.op->inputs[i].c_str(), in[i], want);
    }
    int want = out_role == 'F' ? int(DType::f32) : low;
    if (want >= 0) assign_type(op, "output", out[0], want);
    return low >= 0;
  };
}

FInferShape shape_roles(std::string in_roles) {
  return [in_roles](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
    const char* op = a.op->name.c_str();
    Shape w = in[0].known() ? in[0] : out[0];
    for (size_t i = 0; i < in.size() && !w.known(); ++i)
      if (in_roles[i] == 'S' && in[i].known()) w = in[i];
    for (size_t i = 0; i < in.size(); ++i) {
      if (in_roles[i] == '1') {
        if (in[i].known())
          MXL_CHECK(in[i].size() == 1, Err::kShape, op, ": ", a.op->inputs[i], " must hold one element, got shape ",
                    in[i]);
        else
          in[i] = Shape{1};
      } else if (w.known()) {
        assign_shape(op, a.op->inputs[i].c_str(), in[i], w);
      }
    }
    if (!w.known()) return false;
    assign_shape(op, "output", out[0], w);
    return true;
  };
}

// Calls body<T>() with T the weight's dtype (float types only).
#define MXL_UPDATE_SWITCH(blob, T, op, ...) MXL_FLOAT_SWITCH((blob).dtype, T, op, __VA_ARGS__)

// ================================================================== kernels
// Each kernel is a template over the weight dtype T; states have dtype S (T for
// plain updates, float for mp_*). `w` reads the weight to update (weight32 for mp).

// ---- SGD, SGD with momentum: sgd_kernel, sgd_mom_kernel (optimizer_kernels.h).

// ---- NAG: g = clip(rescale * grad) + wd * w; mom = momentum * mom - lr * g;
// w += momentum * mom - lr * g.
template <class T, class S>
void nag_kernel(const Attrs& a, const T* grad, S* mom, const S* w_in, S* w_out, T* out, int64_t n) {
  using C = acc_t<S>;
  GradParams<C> p(a);
  C mu = C(a.f("momentum"));
  for_each_element(n, [&](int64_t i) {
    C w = C(w_in[i]);
    C g = p.grad(C(grad[i])) + p.wd * w;
    C m = mu * C(mom[i]) - p.lr * g;
    mom[i] = S(m);
    C nw = w + mu * m - p.lr * g;
    if (w_out) w_out[i] = S(nw);
    out[i] = T(nw);
  });
}

void sgd_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "sgd_update", {
    sgd_kernel<T, T>(GradParams<acc_t<T>>(a), in[1].ptr<T>(), in[0].ptr<T>(), nullptr, out[0].ptr<T>(),
                     in[0].size());
  });
}
void mp_sgd_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "mp_sgd_update", {
    float* w32 = in[2].ptr<float>();
    sgd_kernel<T, float>(GradParams<float>(a), in[1].ptr<T>(), w32, w32, out[0].ptr<T>(), in[0].size());
  });
}
void sgd_mom_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "sgd_mom_update", {
    sgd_mom_kernel<T, T>(GradParams<acc_t<T>>(a), acc_t<T>(a.f("momentum")), in[1].ptr<T>(), in[2].ptr<T>(),
                         in[0].ptr<T>(), nullptr, out[0].ptr<T>(), in[0].size());
  });
}
void mp_sgd_mom_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "mp_sgd_mom_update", {
    float* w32 = in[3].ptr<float>();
    sgd_mom_kernel<T, float>(GradParams<float>(a), float(a.f("momentum")), in[1].ptr<T>(), in[2].ptr<float>(), w32,
                             w32, out[0].ptr<T>(), in[0].size());
  });
}
void nag_mom_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "nag_mom_update", {
    nag_kernel<T, T>(a, in[1].ptr<T>(), in[2].ptr<T>(), in[0].ptr<T>(), nullptr, out[0].ptr<T>(), in[0].size());
  });
}
void mp_nag_mom_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "mp_nag_mom_update", {
    float* w32 = in[3].ptr<float>();
    nag_kernel<T, float>(a, in[1].ptr<T>(), in[2].ptr<float>(), w32, w32, out[0].ptr<T>(), in[0].size());
  });
}

// ---- Adam: g = clip(rescale * grad + wd * w); mean = beta1 * mean + (1 - beta1) g;
// var = beta2 * var + (1 - beta2) g^2; w -= lr * mean / (sqrt(var) + epsilon).
// Bias correction is the caller's (the Python optimizer scales lr).
void adam_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "adam_update", {
    using C = acc_t<T>;
    GradParams<C> p(a);
    C b1 = C(a.f("beta1")), b2 = C(a.f("beta2")), eps = C(a.f("epsilon"));
    const T *wt = in[0].ptr<T>(), *gr = in[1].ptr<T>();
    T *mean = in[2].ptr<T>(), *var = in[3].ptr<T>(), *o = out[0].ptr<T>();
    for_each_element(in[0].size(), [&](int64_t i) {
      C w = C(wt[i]);
      C g = clip_to(C(gr[i]) * p.rescale + p.wd * w, p.clip);
      C m = b1 * C(mean[i]) + (C(1) - b1) * g;
      C v = b2 * C(var[i]) + (C(1) - b2) * g * g;
      mean[i] = T(m);
      var[i] = T(v);
      o[i] = T(w - p.lr * m / (std::sqrt(v) + eps));
    });
  });
}

// ---- RMSProp (Tieleman & Hinton): g = clip(rescale * grad + wd * w);
// n = (1 - gamma1) g^2 + gamma1 n; w -= lr * g / sqrt(n + epsilon); w clipped to clip_weights.
void rmsprop_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "rmsprop_update", {
    using C = acc_t<T>;
    GradParams<C> p(a);
    C g1 = C(a.f("gamma1")), eps = C(a.f("epsilon")), cw = C(a.f("clip_weights"));
    const T *wt = in[0].ptr<T>(), *gr = in[1].ptr<T>();
    T *nn = in[2].ptr<T>(), *o = out[0].ptr<T>();
    for_each_element(in[0].size(), [&](int64_t i) {
      C w = C(wt[i]);
      C g = clip_to(C(gr[i]) * p.rescale + p.wd * w, p.clip);
      C n = (C(1) - g1) * g * g + g1 * C(nn[i]);
      nn[i] = T(n);
      o[i] = T(clip_to(w - p.lr * g / std::sqrt(n + eps), cw));
    });
  });
}

// ---- RMSProp, centered (Graves 2013): as rmsprop_update plus the mean gradient g_avg
// and a momentum term delta: delta = gamma2 delta - lr g / sqrt(n - g_avg^2 + epsilon); w += delta.
void rmspropalex_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "rmspropalex_update", {
    using C = acc_t<T>;
    GradParams<C> p(a);
    C g1 = C(a.f("gamma1")), g2 = C(a.f("gamma2")), eps = C(a.f("epsilon")), cw = C(a.f("clip_weights"));
    const T *wt = in[0].ptr<T>(), *gr = in[1].ptr<T>();
    T *nn = in[2].ptr<T>(), *gg = in[3].ptr<T>(), *dd = in[4].ptr<T>(), *o = out[0].ptr<T>();
    for_each_element(in[0].size(), [&](int64_t i) {
      C w = C(wt[i]);
      C g = clip_to(C(gr[i]) * p.rescale + p.wd * w, p.clip);
      C n = (C(1) - g1) * g * g + g1 * C(nn[i]);
      C ga = (C(1) - g1) * g + g1 * C(gg[i]);
      C d = g2 * C(dd[i]) - p.lr * g / std::sqrt(n - ga * ga + eps);
      nn[i] = T(n);
      gg[i] = T(ga);
      dd[i] = T(d);
      o[i] = T(clip_to(w + d, cw));
    });
  });
}

// ---- FTRL-proximal: g = clip(rescale * grad); z += g - (sqrt(n + g^2) - sqrt(n)) w / lr;
// n += g^2; w = (sign(z) lamda1 - z) / ((beta + sqrt(n)) / lr + wd) where |z| > lamda1, else 0.
void ftrl_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "ftrl_update", {
    using C = acc_t<T>;
    GradParams<C> p(a);
    C l1 = C(a.f("lamda1")), beta = C(a.f("beta"));
    const T *wt = in[0].ptr<T>(), *gr = in[1].ptr<T>();
    T *zz = in[2].ptr<T>(), *nn = in[3].ptr<T>(), *o = out[0].ptr<T>();
    for_each_element(in[0].size(), [&](int64_t i) {
      C w = C(wt[i]), g = p.grad(C(gr[i])), n0 = C(nn[i]);
      C n = n0 + g * g;
      C z = C(zz[i]) + g - (std::sqrt(n) - std::sqrt(n0)) * w / p.lr;
      zz[i] = T(z);
      nn[i] = T(n);
      o[i] = T(std::abs(z) > l1 ? (sign_of(z) * l1 - z) / ((beta + std::sqrt(n)) / p.lr + p.wd) : C(0));
    });
  });
}

// ---- SignSGD: w = (1 - lr wd) w - lr sign(clip(rescale * grad)).
void signsgd_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "signsgd_update", {
    using C = acc_t<T>;
    GradParams<C> p(a);
    const T *wt = in[0].ptr<T>(), *gr = in[1].ptr<T>();
    T* o = out[0].ptr<T>();
    for_each_element(in[0].size(), [&](int64_t i) {
      o[i] = T((C(1) - p.lr * p.wd) * C(wt[i]) - p.lr * sign_of(p.grad(C(gr[i]))));
    });
  });
}

// ---- Signum: g = clip(rescale * grad) + wd w; mom = momentum mom - (1 - momentum) g;
// w = (1 - lr wd_lh) w + lr sign(mom).
void signum_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "signum_update", {
    using C = acc_t<T>;
    GradParams<C> p(a);
    C mu = C(a.f("momentum")), wd_lh = C(a.f("wd_lh"));
    const T *wt = in[0].ptr<T>(), *gr = in[1].ptr<T>();
    T *mom = in[2].ptr<T>(), *o = out[0].ptr<T>();
    for_each_element(in[0].size(), [&](int64_t i) {
      C w = C(wt[i]);
      C m = mu * C(mom[i]) - (C(1) - mu) * (p.grad(C(gr[i])) + p.wd * w);
      mom[i] = T(m);
      o[i] = T((C(1) - p.lr * wd_lh) * w + p.lr * sign_of(m));
    });
  });
}

// ---- FTML (Zheng & Kwok 2017): g = clip(rescale * grad + wd w); v = beta2 v + (1 - beta2) g^2;
// d_t = (1 - beta1^t) / lr * (sqrt(v / (1 - beta2^t)) + epsilon);
// z = beta1 z + (1 - beta1) g - (d_t - beta1 d) w; d = d_t; w = -z / d_t.
void ftml_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "ftml_update", {
    using C = acc_t<T>;
    GradParams<C> p(a);
    C b1 = C(a.f("beta1")), b2 = C(a.f("beta2")), eps = C(a.f("epsilon"));
    double t = double(a.i("t"));
    C c1 = C(1 - std::pow(double(b1), t)), c2 = C(1 - std::pow(double(b2), t));
    const T *wt = in[0].ptr<T>(), *gr = in[1].ptr<T>();
    T *dd = in[2].ptr<T>(), *vv = in[3].ptr<T>(), *zz = in[4].ptr<T>(), *o = out[0].ptr<T>();
    for_each_element(in[0].size(), [&](int64_t i) {
      C w = C(wt[i]);
      C g = clip_to(C(gr[i]) * p.rescale + p.wd * w, p.clip);
      C v = b2 * C(vv[i]) + (C(1) - b2) * g * g;
      C d = c1 / p.lr * (std::sqrt(v / c2) + eps);
      C z = b1 * C(zz[i]) + (C(1) - b1) * g - (d - b1 * C(dd[i])) * w;
      vv[i] = T(v);
      dd[i] = T(d);
      zz[i] = T(z);
      o[i] = T(-z / d);
    });
  });
}

// ---- AdaGrad (dense; MXNet has only a row_sparse kernel and runs dense AdaGrad as
// separate ops): g = clip(rescale * grad); history += g^2;
// w -= lr * (g / sqrt(history + epsilon) + wd w).
void adagrad_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "_adagrad_update", {
    using C = acc_t<T>;
    GradParams<C> p(a);
    C eps = C(a.f("epsilon"));
    const T *wt = in[0].ptr<T>(), *gr = in[1].ptr<T>();
    T *hist = in[2].ptr<T>(), *o = out[0].ptr<T>();
    for_each_element(in[0].size(), [&](int64_t i) {
      C w = C(wt[i]), g = p.grad(C(gr[i]));
      C h = C(hist[i]) + g * g;
      hist[i] = T(h);
      o[i] = T(w - p.lr * (g / std::sqrt(h + eps) + p.wd * w));
    });
  });
}

// ---- AdaDelta (Zeiler 2012; no learning rate): g = clip(rescale * grad);
// acc_g = rho acc_g + (1 - rho) g^2; delta = sqrt(acc_delta + eps) / sqrt(acc_g + eps) * g;
// acc_delta = rho acc_delta + (1 - rho) delta^2; w -= delta + wd w.
void adadelta_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "_adadelta_update", {
    using C = acc_t<T>;
    GradParams<C> p(a, /*has_lr=*/false);
    C rho = C(a.f("rho")), eps = C(a.f("epsilon"));
    const T *wt = in[0].ptr<T>(), *gr = in[1].ptr<T>();
    T *acc_g = in[2].ptr<T>(), *acc_d = in[3].ptr<T>(), *o = out[0].ptr<T>();
    for_each_element(in[0].size(), [&](int64_t i) {
      C w = C(wt[i]), g = p.grad(C(gr[i]));
      C ag = rho * C(acc_g[i]) + (C(1) - rho) * g * g;
      C delta = std::sqrt(C(acc_d[i]) + eps) / std::sqrt(ag + eps) * g;
      acc_g[i] = T(ag);
      acc_d[i] = T(rho * C(acc_d[i]) + (C(1) - rho) * delta * delta);
      o[i] = T(w - delta - p.wd * w);
    });
  });
}

// ---- LAMB (You et al., 2019), phase 1: the update direction.
// g = clip(rescale * grad); mean, var as Adam; with bias_correction they are divided
// by (1 - beta^t); out = mean / (sqrt(var) + epsilon) + wd * weight.
template <class T, class S>
void lamb_phase1_kernel(const Attrs& a, const T* grad, S* mean, S* var, const S* w_in, S* out, int64_t n) {
  using C = acc_t<S>;
  GradParams<C> p(a, /*has_lr=*/false);
  C b1 = C(a.f("beta1")), b2 = C(a.f("beta2")), eps = C(a.f("epsilon"));
  double t = double(a.i("t"));
  bool bc = a.b("bias_correction");
  C c1 = bc ? C(1 - std::pow(double(b1), t)) : C(1), c2 = bc ? C(1 - std::pow(double(b2), t)) : C(1);
  for_each_element(n, [&](int64_t i) {
    C g = p.grad(C(grad[i]));
    C m = b1 * C(mean[i]) + (C(1) - b1) * g;
    C v = b2 * C(var[i]) + (C(1) - b2) * g * g;
    mean[i] = S(m);
    var[i] = S(v);
    out[i] = S((m / c1) / (std::sqrt(v / c2) + eps) + p.wd * C(w_in[i]));
  });
}

// ---- LAMB phase 2: weight -= lr * r1 / r2 * g, where r1 (the weight's norm) is
// first bounded to [lower_bound, upper_bound] (a bound <= 0 is not set); when r1 or
// r2 is 0 the ratio is left out.
template <class T, class S>
void lamb_phase2_kernel(const Attrs& a, const S* g, double r1, double r2, const S* w_in, S* w_out, T* out,
                        int64_t n) {
  using C = acc_t<S>;
  double lb = a.f("lower_bound"), ub = a.f("upper_bound"), lr = a.f("lr");
  if (lb > 0) r1 = std::max(r1, lb);
  if (ub > 0) r1 = std::min(r1, ub);
  C step = C(r1 == 0 || r2 == 0 ? lr : lr * r1 / r2);
  for_each_element(n, [&](int64_t i) {
    C nw = C(w_in[i]) - step * C(g[i]);
    if (w_out) w_out[i] = S(nw);
    out[i] = T(nw);
  });
}

// ---- AdamW: adamw_kernel (optimizer_kernels.h).

// The value of a one-element array (a norm or a rescale factor), as double.
double scalar_of(const TBlob& b) {
  double v = 0;
  MXL_FLOAT_SWITCH(b.dtype, T, "optimizer", { v = double(b.ptr<T>()[0]); });
  return v;
}

void lamb_update_phase1(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "lamb_update_phase1", {
    lamb_phase1_kernel<T, T>(a, in[1].ptr<T>(), in[2].ptr<T>(), in[3].ptr<T>(), in[0].ptr<T>(), out[0].ptr<T>(),
                             in[0].size());
  });
}
void mp_lamb_update_phase1(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "mp_lamb_update_phase1", {
    lamb_phase1_kernel<T, float>(a, in[1].ptr<T>(), in[2].ptr<float>(), in[3].ptr<float>(), in[4].ptr<float>(),
                                 out[0].ptr<float>(), in[0].size());
  });
}
void lamb_update_phase2(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "lamb_update_phase2", {
    lamb_phase2_kernel<T, T>(a, in[1].ptr<T>(), scalar_of(in[2]), scalar_of(in[3]), in[0].ptr<T>(), nullptr,
                             out[0].ptr<T>(), in[0].size());
  });
}
void mp_lamb_update_phase2(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "mp_lamb_update_phase2", {
    float* w32 = in[4].ptr<float>();
    lamb_phase2_kernel<T, float>(a, in[1].ptr<float>(), scalar_of(in[2]), scalar_of(in[3]), w32, w32,
                                 out[0].ptr<T>(), in[0].size());
  });
}
void adamw_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "_adamw_update", {
    adamw_kernel<T, T>(AdamWParams<acc_t<T>>(a), in[1].ptr<T>(), in[2].ptr<T>(), in[3].ptr<T>(), in[0].ptr<T>(), nullptr, out[0].ptr<T>(),
                       scalar_of(in[4]), in[0].size());
  });
}
void mp_adamw_update(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_UPDATE_SWITCH(in[0], T, "_mp_adamw_update", {
    float* w32 = in[4].ptr<float>();
    adamw_kernel<T, float>(AdamWParams<float>(a), in[1].ptr<T>(), in[2].ptr<float>(), in[3].ptr<float>(), w32, w32, out[0].ptr<T>(),
                           scalar_of(in[5]), in[0].size());
  });
}

}  // namespace

// ================================================================ registrations
static OpDef& reg_sgd = [] () -> OpDef& {
  OpDef& op = update_op(
      "sgd_update", {"weight", "grad"}, {}, false,
      "Update function for Stochastic Gradient Descent (SGD) optimizer.\n\n"
      "It updates the weights using::\n\n"
      "  weight = weight - learning_rate * (clip(rescale_grad * gradient) + wd * weight)\n\n"
      "Non-differentiable; pass out=weight to update in place.");
  return p_lazy(p_clip(p_rescale(p_wd(p_lr(op)))));
}().cpu_fn(sgd_update);

static OpDef& reg_sgd_mom = [] () -> OpDef& {
  OpDef& op = update_op(
      "sgd_mom_update", {"weight", "grad", "mom"}, {2}, false,
      "Momentum update function for Stochastic Gradient Descent (SGD) optimizer.\n\n"
      "It updates the weights and the momentum (in place) using::\n\n"
      "  mom = momentum * mom - learning_rate * (clip(rescale_grad * gradient) + wd * weight)\n"
      "  weight = weight + mom\n\n"
      "Non-differentiable; pass out=weight to update in place.");
  return p_lazy(p_clip(p_rescale(p_wd(p_momentum(p_lr(op))))));
}().cpu_fn(sgd_mom_update);

static OpDef& reg_mp_sgd = [] () -> OpDef& {
  OpDef& op = update_op(
      "mp_sgd_update", {"weight", "grad", "weight32"}, {2}, true,
      "Updater function for multi-precision sgd optimizer.\n\n"
      "As sgd_update, applied to the float32 master copy weight32 (updated in place); the output is "
      "weight32 cast to the weight's dtype.");
  return p_lazy(p_clip(p_rescale(p_wd(p_lr(op)))));
}().cpu_fn(mp_sgd_update);

static OpDef& reg_mp_sgd_mom = [] () -> OpDef& {
  OpDef& op = update_op(
      "mp_sgd_mom_update", {"weight", "grad", "mom", "weight32"}, {2, 3}, true,
      "Updater function for multi-precision sgd optimizer with momentum.\n\n"
      "As sgd_mom_update, applied to the float32 master copy weight32 with a float32 momentum (both "
      "updated in place); the output is weight32 cast to the weight's dtype.");
  return p_lazy(p_clip(p_rescale(p_wd(p_momentum(p_lr(op))))));
}().cpu_fn(mp_sgd_mom_update);

static OpDef& reg_nag = [] () -> OpDef& {
  OpDef& op = update_op(
      "nag_mom_update", {"weight", "grad", "mom"}, {2}, false,
      "Update function for Nesterov Accelerated Gradient (NAG) optimizer.\n\n"
      "It updates the weights and the momentum (in place) using::\n\n"
      "  g = clip(rescale_grad * gradient) + wd * weight\n"
      "  mom = momentum * mom - learning_rate * g\n"
      "  weight = weight + momentum * mom - learning_rate * g\n\n"
      "Every element reads the weight before it is written, so out=weight gives the same result "
      "as a separate output.");
  return p_clip(p_rescale(p_wd(p_momentum(p_lr(op)))));
}().cpu_fn(nag_mom_update);

static OpDef& reg_mp_nag = [] () -> OpDef& {
  OpDef& op = update_op(
      "mp_nag_mom_update", {"weight", "grad", "mom", "weight32"}, {2, 3}, true,
      "Update function for multi-precision Nesterov Accelerated Gradient (NAG) optimizer.\n\n"
      "As nag_mom_update, applied to the float32 master copy weight32 with a float32 momentum (both "
      "updated in place); the output is weight32 cast to the weight's dtype.");
  return p_clip(p_rescale(p_wd(p_momentum(p_lr(op)))));
}().cpu_fn(mp_nag_mom_update);

static OpDef& reg_adam = [] () -> OpDef& {
  OpDef& op = p_lr(update_op(
      "adam_update", {"weight", "grad", "mean", "var"}, {2, 3}, false,
      "Update function for Adam optimizer.\n\n"
      "It updates the weights and the moment estimates (in place) using::\n\n"
      "  g = clip(rescale_grad * gradient + wd * weight)\n"
      "  mean = beta1 * mean + (1 - beta1) * g\n"
      "  var = beta2 * var + (1 - beta2) * g**2\n"
      "  weight = weight - learning_rate * mean / (sqrt(var) + epsilon)\n\n"
      "Bias correction is left to the caller (mx.optimizer.Adam scales learning_rate)."));
  p_decay(op, "beta1", "0.9", "The decay rate for the 1st moment estimates.");
  p_decay(op, "beta2", "0.999", "The decay rate for the 2nd moment estimates.");
  p_epsilon(op);
  return p_lazy(p_clip(p_rescale(p_wd(op))));
}().cpu_fn(adam_update);

static OpDef& reg_rmsprop = [] () -> OpDef& {
  OpDef& op = p_lr(update_op(
      "rmsprop_update", {"weight", "grad", "n"}, {2}, false,
      "Update function for RMSProp optimizer (Tieleman & Hinton, 2012).\n\n"
      "It updates the weights and the mean square n (in place) using::\n\n"
      "  g = clip(rescale_grad * gradient + wd * weight)\n"
      "  n = (1 - gamma1) * g**2 + gamma1 * n\n"
      "  weight = clip_weights(weight - learning_rate * g / sqrt(n + epsilon))"));
  p_decay(op, "gamma1", "0.95", "The decay rate of momentum estimates.");
  p_epsilon(op);
  return p_clip_weights(p_clip(p_rescale(p_wd(op))));
}().cpu_fn(rmsprop_update);

static OpDef& reg_rmspropalex = [] () -> OpDef& {
  OpDef& op = p_lr(update_op(
      "rmspropalex_update", {"weight", "grad", "n", "g", "delta"}, {2, 3, 4}, false,
      "Update function for RMSPropAlex optimizer: the centered RMSProp of Graves (2013).\n\n"
      "It updates the weights and the states n, g, delta (in place) using::\n\n"
      "  grad = clip(rescale_grad * gradient + wd * weight)\n"
      "  n = (1 - gamma1) * grad**2 + gamma1 * n\n"
      "  g = (1 - gamma1) * grad + gamma1 * g\n"
      "  delta = gamma2 * delta - learning_rate * grad / sqrt(n - g**2 + epsilon)\n"
      "  weight = clip_weights(weight + delta)"));
  p_decay(op, "gamma1", "0.95", "Decay rate.");
  p_decay(op, "gamma2", "0.9", "Decay rate.");
  p_epsilon(op);
  return p_clip_weights(p_clip(p_rescale(p_wd(op))));
}().cpu_fn(rmspropalex_update);

static OpDef& reg_ftrl = [] () -> OpDef& {
  OpDef& op = p_lr(update_op(
      "ftrl_update", {"weight", "grad", "z", "n"}, {2, 3}, false,
      "Update function for Ftrl optimizer (McMahan et al., Ad Click Prediction: a View from the "
      "Trenches).\n\n"
      "It updates the weights and the states z, n (in place) using::\n\n"
      "  g = clip(rescale_grad * gradient)\n"
      "  z += g - (sqrt(n + g**2) - sqrt(n)) * weight / learning_rate\n"
      "  n += g**2\n"
      "  weight = (sign(z) * lamda1 - z) / ((beta + sqrt(n)) / learning_rate + wd) * (abs(z) > lamda1)"));
  op.param("lamda1", PType::kFloat, "0.01", "The L1 regularization coefficient.").range(0, 1e308);
  op.param("beta", PType::kFloat, "1", "Per-Coordinate Learning Rate beta.").range(0, 1e308);
  return p_clip(p_rescale(p_wd(op)));
}().cpu_fn(ftrl_update);

static OpDef& reg_signsgd = [] () -> OpDef& {
  OpDef& op = update_op(
      "signsgd_update", {"weight", "grad"}, {}, false,
      "Update function for SignSGD optimizer.\n\n"
      "It updates the weights using::\n\n"
      "  weight = (1 - learning_rate * wd) * weight - learning_rate * sign(clip(rescale_grad * gradient))");
  return p_clip(p_rescale(p_wd(p_lr(op))));
}().cpu_fn(signsgd_update);

static OpDef& reg_signum = [] () -> OpDef& {
  OpDef& op = update_op(
      "signum_update", {"weight", "grad", "mom"}, {2}, false,
      "SIGN momentUM (Signum) optimizer.\n\n"
      "It updates the weights and the momentum (in place) using::\n\n"
      "  mom = momentum * mom - (1 - momentum) * (clip(rescale_grad * gradient) + wd * weight)\n"
      "  weight = (1 - learning_rate * wd_lh) * weight + learning_rate * sign(mom)");
  p_clip(p_rescale(p_wd(p_momentum(p_lr(op)))));
  return op.param("wd_lh", PType::kFloat, "0",
                  "The amount of weight decay that does not go into gradient/momentum calculations "
                  "(decoupled weight decay).");
}().cpu_fn(signum_update);

static OpDef& reg_ftml = [] () -> OpDef& {
  OpDef& op = p_lr(update_op(
      "ftml_update", {"weight", "grad", "d", "v", "z"}, {2, 3, 4}, false,
      "The FTML optimizer (Zheng & Kwok, Follow the Moving Leader in Deep Learning, 2017).\n\n"
      "It updates the weights and the states d, v, z (in place) using::\n\n"
      "  g = clip(rescale_grad * gradient + wd * weight)\n"
      "  v = beta2 * v + (1 - beta2) * g**2\n"
      "  d_t = (1 - beta1**t) / learning_rate * (sqrt(v / (1 - beta2**t)) + epsilon)\n"
      "  z = beta1 * z + (1 - beta1) * g - (d_t - beta1 * d) * weight\n"
      "  d = d_t\n"
      "  weight = -z / d_t"), "Learning rate.");
  p_decay(op, "beta1", "0.6", "Generally close to 0.5.");
  p_decay(op, "beta2", "0.999", "Generally close to 1.");
  p_epsilon(op);
  op.param_required("t", PType::kInt, "Number of update (1 for the first).").range(1, 1e18);
  return p_clip(p_rescale(p_wd(op)), "clip_grad");
}().cpu_fn(ftml_update);

static OpDef& reg_adagrad = [] () -> OpDef& {
  OpDef& op = p_lr(update_op(
      "_adagrad_update", {"weight", "grad", "history"}, {2}, false,
      "Update function for AdaGrad optimizer (Duchi et al., 2011), dense arrays.\n\n"
      "It updates the weights and the history (in place) using::\n\n"
      "  g = clip(rescale_grad * gradient)\n"
      "  history = history + g**2\n"
      "  weight = weight - learning_rate * (g / sqrt(history + epsilon) + wd * weight)"));
  p_epsilon(op, "1e-7");
  return p_clip(p_rescale(p_wd(op)));
}().cpu_fn(adagrad_update);

static OpDef& reg_adadelta = [] () -> OpDef& {
  OpDef& op = update_op(
      "_adadelta_update", {"weight", "grad", "acc_g", "acc_delta"}, {2, 3}, false,
      "Update function for AdaDelta optimizer (Zeiler, 2012); it has no learning rate.\n\n"
      "It updates the weights and the accumulators (in place) using::\n\n"
      "  g = clip(rescale_grad * gradient)\n"
      "  acc_g = rho * acc_g + (1 - rho) * g**2\n"
      "  delta = sqrt(acc_delta + epsilon) / sqrt(acc_g + epsilon) * g\n"
      "  acc_delta = rho * acc_delta + (1 - rho) * delta**2\n"
      "  weight = weight - delta - wd * weight");
  p_decay(op, "rho", "0.9", "Decay rate for both squared gradients and delta.");
  p_epsilon(op, "1e-5");
  return p_clip(p_rescale(p_wd(op)));
}().cpu_fn(adadelta_update);

// ---- LAMB and AdamW: inputs beyond weight/grad/states, so explicit type/shape roles.
static OpDef& lamb_phase1_op(const char* name, std::vector<const char*> inputs, std::vector<int> mutated,
                             const char* roles_dtype, char out_role, std::string doc) {
  OpDef& op = update_op(name, std::move(inputs), std::move(mutated), false, std::move(doc));
  op.inplace_pairs.clear();  // the output is the direction g, not the weight
  op.infer_type_fn(dtype_roles(roles_dtype, out_role));
  p_decay(op, "beta1", "0.9", "The decay rate for the 1st moment estimates.");
  p_decay(op, "beta2", "0.999", "The decay rate for the 2nd moment estimates.");
  p_epsilon(op, "1e-6");
  op.param_required("t", PType::kInt, "Index update count (1 for the first).").range(1, 1e18);
  op.param("bias_correction", PType::kBool, "True", "Whether to use bias correction.");
  op.param_required("wd", PType::kFloat,
                    "Weight decay augments the objective function with a regularization term that penalizes "
                    "large weights. The penalty scales with the square of the magnitude of each weight.");
  return p_clip(p_rescale(op));
}

static OpDef& reg_lamb1 = lamb_phase1_op(
    "lamb_update_phase1", {"weight", "grad", "mean", "var"}, {2, 3}, "LLLL", 'L',
    "Phase I of the LAMB update (You et al., Large Batch Optimization for Deep Learning, 2019): "
    "updates the moment estimates (in place) and returns the update direction g::\n\n"
    "  grad = clip(rescale_grad * grad)\n"
    "  mean = beta1 * mean + (1 - beta1) * grad\n"
    "  var = beta2 * var + (1 - beta2) * grad**2\n"
    "  with bias_correction: mean_hat = mean / (1 - beta1**t), var_hat = var / (1 - beta2**t)\n"
    "  g = mean_hat / (sqrt(var_hat) + epsilon) + wd * weight")
    .cpu_fn(lamb_update_phase1);

static OpDef& reg_mp_lamb1 = lamb_phase1_op(
    "mp_lamb_update_phase1", {"weight", "grad", "mean", "var", "weight32"}, {2, 3}, "LLFFF", 'F',
    "Phase I of the multi-precision LAMB update: as lamb_update_phase1 with float32 moments, the "
    "float32 master copy weight32 for the weight decay term, and a float32 result g.")
    .cpu_fn(mp_lamb_update_phase1);

static OpDef& lamb_phase2_op(const char* name, std::vector<const char*> inputs, std::vector<int> mutated,
                      const char* roles_dtype, const char* roles_shape, std::string doc) {
  OpDef& op = update_op(name, std::move(inputs), std::move(mutated), false, std::move(doc));
  op.infer_type_fn(dtype_roles(roles_dtype, 'L'));
  op.infer_shape_fn(shape_roles(roles_shape));
  p_lr(op);
  op.param("lower_bound", PType::kFloat, "-1", "Lower limit of norm of weight. If lower_bound <= 0, Lower limit is not set");
  op.param("upper_bound", PType::kFloat, "-1", "Upper limit of norm of weight. If upper_bound <= 0, Upper limit is not set");
  return op;
}

static OpDef& reg_lamb2 = lamb_phase2_op(
    "lamb_update_phase2", {"weight", "g", "r1", "r2"}, {}, "LLLL", "SS11",
    "Phase II of the LAMB update: scales the learning rate by the trust ratio r1 / r2 (r1 the "
    "weight's norm, bounded to [lower_bound, upper_bound]; r2 the norm of g from phase I; the "
    "ratio is left out when either is 0) and updates the weight::\n\n"
    "  weight = weight - lr * r1 / r2 * g")
    .cpu_fn(lamb_update_phase2);

static OpDef& reg_mp_lamb2 = lamb_phase2_op(
    "mp_lamb_update_phase2", {"weight", "g", "r1", "r2", "weight32"}, {4}, "LFFFF", "SS11S",
    "Phase II of the multi-precision LAMB update: as lamb_update_phase2 on the float32 master copy "
    "weight32 (updated in place); the output is weight32 cast to the weight's dtype.")
    .cpu_fn(mp_lamb_update_phase2);

static OpDef& adamw_op(const char* name, std::vector<const char*> inputs, std::vector<int> mutated,
                const char* roles_dtype, const char* roles_shape, std::string doc) {
  OpDef& op = update_op(name, std::move(inputs), std::move(mutated), false, std::move(doc));
  op.infer_type_fn(dtype_roles(roles_dtype, 'L'));
  op.infer_shape_fn(shape_roles(roles_shape));
  p_lr(op);
  p_decay(op, "beta1", "0.9", "The decay rate for the 1st moment estimates.");
  p_decay(op, "beta2", "0.999", "The decay rate for the 2nd moment estimates.");
  p_epsilon(op);
  p_wd(op);
  op.param_required("eta", PType::kFloat, "Learning rate schedule multiplier");
  return p_clip(op);
}

static OpDef& reg_adamw = adamw_op(
    "_adamw_update", {"weight", "grad", "mean", "var", "rescale_grad"}, {2, 3}, "LLLLL", "SSSS1",
    "Update function for AdamW optimizer (Loshchilov & Hutter, Decoupled Weight Decay "
    "Regularization): the weight decay is applied to the weight, not through the gradient::\n\n"
    "  grad = clip(rescale_grad * grad)\n"
    "  mean = beta1 * mean + (1 - beta1) * grad\n"
    "  var = beta2 * var + (1 - beta2) * grad**2\n"
    "  weight = weight - eta * (learning_rate * mean / (sqrt(var) + epsilon) + wd * weight)\n\n"
    "rescale_grad is a one-element array; when it is 0, NaN or infinite the update is skipped (the "
    "output is the weight, the states are unchanged).")
    .cpu_fn(adamw_update);

static OpDef& reg_mp_adamw = adamw_op(
    "_mp_adamw_update", {"weight", "grad", "mean", "var", "weight32", "rescale_grad"}, {2, 3, 4}, "LLFFFF",
    "SSSSS1",
    "Update function for multi-precision AdamW optimizer: as _adamw_update on the float32 master "
    "copy weight32 with float32 moments (all updated in place); the output is weight32 cast to the "
    "weight's dtype.")
    .cpu_fn(mp_adamw_update);

}  // namespace mxl
