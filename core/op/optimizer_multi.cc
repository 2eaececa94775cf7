// Multi-tensor optimizer operators, with MXNet 1.9's names, inputs and parameters:
//
//   multi_sgd_update, multi_sgd_mom_update, multi_mp_sgd_update,
//   multi_mp_sgd_mom_update and their preloaded_* variants: one call updates
//   num_weights weights. Inputs come in groups, one per weight -- (weight, grad),
//   plus mom and/or weight32 -- and the preloaded_* ops take the learning rates and
//   weight decays as two more float32 arrays of num_weights values (lrs, wds) instead
//   of the lrs / wds tuple parameters. Output i is the new weight i (pass
//   out=[weights] to update in place); mom and weight32 are updated in place. Each
//   weight's update is exactly sgd_update / sgd_mom_update / mp_sgd_* with that
//   weight's lr and wd: the per-element steps are shared (optimizer_kernels.h).
//
//   _multi_adamw_update, _multi_mp_adamw_update: groups (weight, grad, mean, var
//   [, weight32]) and one rescale_grad array; each weight exactly as _adamw_update /
//   _mp_adamw_update with its own lr, wd and eta (lrs, wds, etas tuples).
//
//   multi_sum_sq     sums of squares of num_arrays arrays, one float32 each
//   multi_lars       LARS learning rates from sums of squares of weights and grads
//   all_finite,      1 (float32, shape (1,)) when every element is finite, else 0;
//   multi_all_finite with init_output=False the output is only ever set to 0 (an
//                    accumulating flag: pass out=)
//   reset_arrays     sets num_arrays arrays to 0 in place (no outputs)
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "blas.h"
#include "float_tuple.h"
#include "optimizer_kernels.h"
#include "registry.h"

namespace mxl {
namespace {

using namespace optim;  // acc_t, GradParams, AdamWParams, the shared SGD and AdamW steps

// ================================================================== layouts
// The inputs of a multi-weight update: a group of inputs per weight (weight first),
// then `tail` inputs shared by every weight.
struct MultiLayout {
  std::vector<std::string> group;   // per-weight input names
  std::string roles;                // per group slot: 'L' the weights' dtype, 'F' float32
  std::vector<int> mutated;         // group slots updated in place
  std::vector<std::string> tail;    // after the groups: preloaded lrs / wds, or rescale_grad
  char tail_role = 'F';             // the tail's dtype, as roles
  bool tail_per_weight = false;     // tail arrays hold num_weights values (else one value)
  std::vector<const char*> tuples;  // tuple parameters of num_weights floats (lrs, wds, ...)
  int stride() const { return int(group.size()); }
};

int num_weights(const Attrs& a) { return int(a.i("num_weights")); }

std::vector<std::string> multi_inputs(const MultiLayout& L, const Attrs& a) {
  std::vector<std::string> names;
  for (int i = 0, n = num_weights(a); i < n; ++i)
    for (const auto& g : L.group) names.push_back(g + "_" + std::to_string(i));
  names.insert(names.end(), L.tail.begin(), L.tail.end());
  return names;
}

// A tuple parameter (lrs, wds, etas), checked to hold num_weights values.
std::vector<double> float_tuple_param(const Attrs& a, const char* name) {
  std::vector<double> v;
  const std::string& text = a.s(name);
  MXL_CHECK(parse_float_tuple(text, v), Err::kInvalidArgument, N(a), ": ", name,
            " must be a tuple of floats such as (0.1, 0.01), got '", text, "'");
  MXL_CHECK(int(v.size()) == num_weights(a), Err::kInvalidArgument, N(a), ": ", name, " has ", v.size(),
            " value(s) but num_weights is ", num_weights(a));
  return v;
}

// Every input of weight i's group has weight i's shape; output i too.
bool multi_shape(const MultiLayout& L, const Attrs& a, Shapes& in, Shapes& out) {
  for (const char* t : L.tuples) float_tuple_param(a, t);  // checked here, before any kernel runs
  int n = num_weights(a), st = L.stride();
  auto names = multi_inputs(L, a);
  bool known = true;
  for (int i = 0; i < n; ++i) {
    Shape s = out[size_t(i)];
    for (int j = 0; j < st && !s.known(); ++j) s = in[size_t(i * st + j)];
    if (!s.known()) {
      known = false;
      continue;
    }
    for (int j = 0; j < st; ++j) assign_shape(N(a), names[size_t(i * st + j)].c_str(), in[size_t(i * st + j)], s);
    assign_shape(N(a), ("output " + std::to_string(i)).c_str(), out[size_t(i)], s);
  }
  int want = L.tail_per_weight ? n : 1;
  for (size_t j = 0; j < L.tail.size(); ++j) {
    Shape& s = in[size_t(n * st) + j];
    if (!s.known()) s = Shape{want};
    MXL_CHECK(s.size() == want, Err::kShape, N(a), ": ", L.tail[j], " must hold ",
              L.tail_per_weight ? "num_weights = " : "", want, " value(s), got shape ", s);
  }
  return known;
}

// As MXNet: every weight, grad and output has one float dtype (and the inputs of role
// 'L'); those of role 'F' are float32.
bool multi_type(const MultiLayout& L, const Attrs& a, Types& in, Types& out) {
  int n = num_weights(a), st = L.stride();
  auto names = multi_inputs(L, a);
  int low = -1;
  for (int i = 0; i < n && low < 0; ++i) {
    for (int j = 0; j < st && low < 0; ++j)
      if (L.roles[size_t(j)] == 'L') low = in[size_t(i * st + j)];
    if (low < 0) low = out[size_t(i)];
  }
  if (low >= 0)
    MXL_CHECK(dtype_is_float(DType(low)), Err::kDType, N(a), ": weights must have a float dtype, got ",
              dtype_name(DType(low)));
  auto dtype_of = [&](char role) { return role == 'L' ? low : int(DType::f32); };
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < st; ++j) {
      int want = dtype_of(L.roles[size_t(j)]);
      if (want >= 0) assign_type(N(a), names[size_t(i * st + j)].c_str(), in[size_t(i * st + j)], want);
    }
    if (low >= 0) assign_type(N(a), ("output " + std::to_string(i)).c_str(), out[size_t(i)], low);
  }
  for (size_t j = 0; j < L.tail.size(); ++j)
    if (dtype_of(L.tail_role) >= 0) assign_type(N(a), L.tail[j].c_str(), in[size_t(n * st) + j], dtype_of(L.tail_role));
  return low >= 0;
}

// The registration every multi-weight update shares: inputs, outputs (the new
// weights, in place of the weights), mutated states, shape and type rules.
OpDef& multi_update_op(const char* name, const MultiLayout& L, std::string doc) {
  OpDef& op = Registry::add(name);
  std::string layout = "Inputs: ";
  for (const auto& g : L.group) layout += g + "_0, ";
  layout += L.group[0] + "_1, ... for each of num_weights weights";
  for (const auto& t : L.tail) layout += ", then " + t;
  doc += layout + ". Output i is the new weight_i: pass out=[weight_0, weight_1, ...] to update in place; the "
                  "states are always updated in place.";
  op.describe(doc);
  op.variadic_by([L](const Attrs& a) { return multi_inputs(L, a); });
  op.outputs_fn(num_weights);
  op.mutates_by([L](const Attrs& a) {
    std::vector<int> m;
    for (int i = 0; i < num_weights(a); ++i)
      for (int j : L.mutated) m.push_back(i * L.stride() + j);
    return m;
  });
  op.inplace_by([L](const Attrs& a) {
    std::vector<std::pair<int, int>> p;
    for (int i = 0; i < num_weights(a); ++i) p.push_back({i * L.stride(), i});
    return p;
  });
  op.infer_shape_fn([L](const Attrs& a, Shapes& in, Shapes& out) { return multi_shape(L, a, in, out); });
  op.infer_type_fn([L](const Attrs& a, Types& in, Types& out) { return multi_type(L, a, in, out); });
  return op;
}

OpDef& p_tuple(OpDef& op, const char* name, const char* doc) {
  return op.param_required(name, PType::kString, std::string(doc) + " A tuple of num_weights floats.");
}
OpDef& p_clip(OpDef& op) {
  return op.param("clip_gradient", PType::kFloat, "-1",
                  "Clip gradient to the range of [-clip_gradient, clip_gradient]. If clip_gradient < 0, gradient "
                  "clipping is turned off. grad = max(min(grad, clip_gradient), -clip_gradient).");
}
OpDef& p_num_weights(OpDef& op) {
  return op.param("num_weights", PType::kInt, "1", "Number of updated weights.").range(1, 1 << 20);
}

// ================================================================== multi SGD
struct MultiSgdKind {
  bool mom, mp, preloaded;
  int stride() const { return 2 + int(mom) + int(mp); }
  int w32_slot() const { return mom ? 3 : 2; }
};

MultiLayout sgd_layout(MultiSgdKind k) {
  MultiLayout L;
  L.group = {"weight", "grad"};
  L.roles = "LL";
  if (k.mom) {
    L.group.push_back("mom");
    L.roles += k.mp ? 'F' : 'L';
    L.mutated.push_back(2);
  }
  if (k.mp) {
    L.group.push_back("weight32");
    L.roles += 'F';
    L.mutated.push_back(k.w32_slot());
  }
  if (k.preloaded) {
    L.tail = {"lrs", "wds"};
    L.tail_per_weight = true;
  } else {
    L.tuples = {"lrs", "wds"};
  }
  return L;
}

// Updates weight i of the call with its lr / wd through the one-weight steps.
template <class T>
void multi_sgd_one(MultiSgdKind k, const Attrs& a, const Blobs& in, const Blobs& out, int i, double lr, double wd) {
  int b = i * k.stride();
  const T* grad = in[size_t(b + 1)].ptr<T>();
  int64_t n = in[size_t(b)].size();
  double rescale = a.f("rescale_grad"), clip = a.f("clip_gradient");
  double mu = k.mom ? a.f("momentum") : 0.0;
  T* o = out[size_t(i)].ptr<T>();
  if (k.mp) {
    GradParams<float> p(lr, wd, rescale, clip);
    float* w32 = in[size_t(b + k.w32_slot())].ptr<float>();
    if (k.mom)
      sgd_mom_kernel<T, float>(p, float(mu), grad, in[size_t(b + 2)].ptr<float>(), w32, w32, o, n);
    else
      sgd_kernel<T, float>(p, grad, w32, w32, o, n);
  } else {
    using C = acc_t<T>;
    GradParams<C> p(lr, wd, rescale, clip);
    const T* w = in[size_t(b)].ptr<T>();
    if (k.mom)
      sgd_mom_kernel<T, T>(p, C(mu), grad, in[size_t(b + 2)].ptr<T>(), w, nullptr, o, n);
    else
      sgd_kernel<T, T>(p, grad, w, nullptr, o, n);
  }
}

void multi_sgd_compute(MultiSgdKind k, const Attrs& a, const Blobs& in, const Blobs& out) {
  int n = num_weights(a);
  std::vector<double> lrs, wds;
  if (k.preloaded) {
    const float* l = in[size_t(n * k.stride())].ptr<float>();
    const float* w = in[size_t(n * k.stride() + 1)].ptr<float>();
    lrs.assign(l, l + n);
    wds.assign(w, w + n);
  } else {
    lrs = float_tuple_param(a, "lrs");
    wds = float_tuple_param(a, "wds");
  }
  for (int i = 0; i < n; ++i)
    MXL_FLOAT_SWITCH(in[size_t(i * k.stride())].dtype, T, N(a),
                     { multi_sgd_one<T>(k, a, in, out, i, lrs[size_t(i)], wds[size_t(i)]); });
}

const char* kMultiSgdDoc =
    "Updates num_weights weights in one call, each exactly as sgd_update with its own learning rate "
    "and weight decay::\n\n"
    "  weight_i = (1 - lr_i * wd_i) * weight_i - lr_i * clip(rescale_grad * grad_i)\n\n";
const char* kMultiSgdMomDoc =
    "Updates num_weights weights and their momenta in one call, each exactly as sgd_mom_update with "
    "its own learning rate and weight decay::\n\n"
    "  mom_i = momentum * mom_i - lr_i * wd_i * weight_i - lr_i * clip(rescale_grad * grad_i)\n"
    "  weight_i = weight_i + mom_i\n\n";

OpDef& multi_sgd_op(const char* name, MultiSgdKind k, std::string doc) {
  if (k.preloaded) doc += "lrs and wds are float32 arrays of num_weights learning rates and weight decays. ";
  if (k.mp)
    doc += "Multi-precision: the update runs on the float32 master copies weight32_i (with float32 momenta), and "
           "output i is weight32_i cast to the weight's dtype. ";
  OpDef& op = multi_update_op(name, sgd_layout(k), std::move(doc));
  op.cpu_fn([k](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) { multi_sgd_compute(k, a, in, out); });
  if (!k.preloaded) {
    p_tuple(op, "lrs", "Learning rates.");
    p_tuple(op, "wds",
            "Weight decays: they augment the objective function with a regularization term that penalizes large "
            "weights.");
  }
  if (k.mom)
    op.param("momentum", PType::kFloat, "0", "The decay rate of momentum estimates at each epoch.").range(0, 1);
  op.param("rescale_grad", PType::kFloat, "1", "Rescale gradient to grad = rescale_grad*grad.");
  return p_num_weights(p_clip(op));
}

static OpDef& reg_multi_sgd = multi_sgd_op("multi_sgd_update", {false, false, false}, kMultiSgdDoc);
static OpDef& reg_multi_sgd_mom = multi_sgd_op("multi_sgd_mom_update", {true, false, false}, kMultiSgdMomDoc);
static OpDef& reg_multi_mp_sgd = multi_sgd_op("multi_mp_sgd_update", {false, true, false}, kMultiSgdDoc);
static OpDef& reg_multi_mp_sgd_mom = multi_sgd_op("multi_mp_sgd_mom_update", {true, true, false}, kMultiSgdMomDoc);
static OpDef& reg_pre_sgd = multi_sgd_op("preloaded_multi_sgd_update", {false, false, true}, kMultiSgdDoc);
static OpDef& reg_pre_sgd_mom = multi_sgd_op("preloaded_multi_sgd_mom_update", {true, false, true}, kMultiSgdMomDoc);
static OpDef& reg_pre_mp_sgd = multi_sgd_op("preloaded_multi_mp_sgd_update", {false, true, true}, kMultiSgdDoc);
static OpDef& reg_pre_mp_sgd_mom =
    multi_sgd_op("preloaded_multi_mp_sgd_mom_update", {true, true, true}, kMultiSgdMomDoc);

// ================================================================== multi AdamW
// _multi_adamw_update / _multi_mp_adamw_update: each weight exactly as _adamw_update /
// _mp_adamw_update with its own lr, wd and eta (lrs, wds, etas), one rescale_grad
// array for all (0, NaN or infinite skips every weight's step).
MultiLayout adamw_layout(bool mp) {
  MultiLayout L;
  L.group = {"weight", "grad", "mean", "var"};
  L.roles = mp ? "LLFF" : "LLLL";
  L.mutated = {2, 3};
  if (mp) {
    L.group.push_back("weight32");
    L.roles += 'F';
    L.mutated.push_back(4);
  }
  L.tail = {"rescale_grad"};
  L.tail_role = mp ? 'F' : 'L';
  L.tuples = {"lrs", "wds", "etas"};
  return L;
}

double scalar_value(const Attrs& a, const TBlob& b) {
  double v = 0;
  MXL_FLOAT_SWITCH(b.dtype, T, N(a), { v = double(b.ptr<T>()[0]); });
  return v;
}

template <bool Mp>
void multi_adamw(const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
  int st = Mp ? 5 : 4;
  auto lrs = float_tuple_param(a, "lrs"), wds = float_tuple_param(a, "wds"), etas = float_tuple_param(a, "etas");
  double rescale = scalar_value(a, in.back());
  for (int i = 0, n = num_weights(a); i < n; ++i) {
    const TBlob* g = &in[size_t(i * st)];  // weight, grad, mean, var[, weight32]
    size_t k = size_t(i);
    MXL_FLOAT_SWITCH(g[0].dtype, T, N(a), {
      if constexpr (Mp) {
        float* w32 = g[4].ptr<float>();
        adamw_kernel<T, float>(AdamWParams<float>(lrs[k], wds[k], etas[k], a), g[1].ptr<T>(), g[2].ptr<float>(),
                               g[3].ptr<float>(), w32, w32, out[k].ptr<T>(), rescale, g[0].size());
      } else {
        adamw_kernel<T, T>(AdamWParams<acc_t<T>>(lrs[k], wds[k], etas[k], a), g[1].ptr<T>(), g[2].ptr<T>(),
                           g[3].ptr<T>(), g[0].ptr<T>(), nullptr, out[k].ptr<T>(), rescale, g[0].size());
      }
    });
  }
}

OpDef& multi_adamw_op(const char* name, bool mp) {
  std::string doc =
      "Updates num_weights weights and their moment estimates in one call, each exactly as "
      "_adamw_update (AdamW, decoupled weight decay) with its own learning rate, weight decay and "
      "schedule multiplier::\n\n"
      "  grad_i = clip(rescale_grad * grad_i)\n"
      "  mean_i = beta1 * mean_i + (1 - beta1) * grad_i\n"
      "  var_i = beta2 * var_i + (1 - beta2) * grad_i**2\n"
      "  weight_i = weight_i - eta_i * (lr_i * mean_i / (sqrt(var_i) + epsilon) + wd_i * weight_i)\n\n"
      "rescale_grad is a one-element array; when it is 0, NaN or infinite every step is skipped (the "
      "outputs are the weights, the states are unchanged). ";
  if (mp)
    doc += "Multi-precision: the update runs on the float32 master copies weight32_i with float32 moments, "
           "and output i is weight32_i cast to the weight's dtype. ";
  OpDef& op = multi_update_op(name, adamw_layout(mp), std::move(doc));
  op.cpu_fn(mp ? FCompute(multi_adamw<true>) : FCompute(multi_adamw<false>));
  p_tuple(op, "lrs", "Learning rates.");
  op.param("beta1", PType::kFloat, "0.9", "The decay rate for the 1st moment estimates.").range(0, 1);
  op.param("beta2", PType::kFloat, "0.999", "The decay rate for the 2nd moment estimates.").range(0, 1);
  op.param("epsilon", PType::kFloat, "1e-8", "A small constant for numerical stability.").range(0, 1e308);
  p_tuple(op, "wds", "Weight decays.");
  p_tuple(op, "etas", "Learning rate schedule multipliers.");
  return p_num_weights(p_clip(op));
}

static OpDef& reg_multi_adamw = multi_adamw_op("_multi_adamw_update", false);
static OpDef& reg_multi_mp_adamw = multi_adamw_op("_multi_mp_adamw_update", true);

// ================================================================== helpers for AMP / LARS
int num_arrays(const Attrs& a) { return int(a.i("num_arrays")); }

void check_float_inputs(const Attrs& a, const Types& in) {
  for (size_t i = 0; i < in.size(); ++i)
    if (in[i] >= 0)
      MXL_CHECK(dtype_is_float(DType(in[i])), Err::kDType, N(a), ": input ", i, " must have a float dtype, got ",
                dtype_name(DType(in[i])));
}

// multi_sum_sq and the finiteness flags: float inputs of any shapes, one float32
// output of `size` values.
bool reduced_shape(const Attrs& a, Shapes& in, Shapes& out, int64_t size) {
  assign_shape(N(a), "output", out[0], Shape{size});
  for (auto& s : in)
    if (!s.known()) return false;
  return true;
}
bool reduced_type(const Attrs& a, Types& in, Types& out) {
  check_float_inputs(a, in);
  assign_type(N(a), "output", out[0], int(DType::f32));
  for (int t : in)
    if (t < 0) return false;
  return true;
}

// ---- multi_sum_sq: out[i] = sum(data_i ** 2), accumulated in double.
void multi_sum_sq(const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
  float* o = out[0].ptr<float>();
  for (size_t i = 0; i < in.size(); ++i) {
    MXL_FLOAT_SWITCH(in[i].dtype, T, N(a), {
      const T* x = in[i].ptr<T>();
      double s = 0;
      for (int64_t j = 0, n = in[i].size(); j < n; ++j) s += double(x[j]) * double(x[j]);
      o[i] = float(s);
    });
  }
}

MXL_OP(multi_sum_sq)
    .describe("Computes the sum of squares of each of num_arrays arrays: a float32 array of num_arrays "
              "values (accumulated in double). Used for gradient norms, e.g. by LARS and LAMB.")
    .variadic("num_arrays")
    .param_required("num_arrays", PType::kInt, "Number of input arrays.")
    .range(1, 1 << 20)
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) { return reduced_shape(a, in, out, num_arrays(a)); })
    .infer_type_fn(reduced_type)
    .cpu_fn(multi_sum_sq);

// ---- multi_lars: out = lrs * eta * |w| / (|g| + wds * |w| + eps) where both norms
// are positive (|w| = sqrt(weights_sum_sq), |g| = sqrt(grads_sum_sq) * rescale_grad),
// else out = lrs.
void multi_lars(const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
  MXL_FLOAT_SWITCH(in[0].dtype, T, N(a), {
    using C = acc_t<T>;
    C eta = C(a.f("eta")), eps = C(a.f("eps")), rescale = C(a.f("rescale_grad"));
    const T *lrs = in[0].ptr<T>(), *wss = in[1].ptr<T>(), *gss = in[2].ptr<T>(), *wds = in[3].ptr<T>();
    T* o = out[0].ptr<T>();
    for (int64_t i = 0, n = in[0].size(); i < n; ++i) {
      C w = std::sqrt(C(wss[i])), g = std::sqrt(C(gss[i])) * rescale;
      C ratio = w > C(0) && g > C(0) ? eta * w / (g + C(wds[i]) * w + eps) : C(1);
      o[i] = T(C(lrs[i]) * ratio);
    }
  });
}

MXL_OP(multi_lars)
    .describe("Computes the LARS learning rates of several weights from their and their gradients' sums "
              "of squares (You et al., Large Batch Training of Convolutional Networks)::\n\n"
              "  w = sqrt(weights_sum_sq), g = sqrt(grads_sum_sq) * rescale_grad\n"
              "  out = lrs * eta * w / (g + wds * w + eps)   where w > 0 and g > 0\n"
              "  out = lrs                                   elsewhere\n\n"
              "All four inputs are 1-D arrays of one length and one float dtype.")
    .input("lrs")
    .input("weights_sum_sq")
    .input("grads_sum_sq")
    .input("wds")
    .param_required("eta", PType::kFloat, "LARS eta")
    .param_required("eps", PType::kFloat, "LARS eps")
    .param("rescale_grad", PType::kFloat, "1", "Gradient rescaling factor")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      Shape s = in[0];
      for (size_t i = 1; i < in.size() && !s.known(); ++i) s = in[i];
      if (!s.known()) s = out[0];
      if (!s.known()) return false;
      MXL_CHECK(s.ndim == 1, Err::kShape, N(a), ": inputs must be 1-D, got shape ", s);
      const char* names[] = {"lrs", "weights_sum_sq", "grads_sum_sq", "wds"};
      for (size_t i = 0; i < in.size(); ++i) assign_shape(N(a), names[i], in[i], s);
      assign_shape(N(a), "output", out[0], s);
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) {
      bool known = type_same(a, in, out);
      check_float_inputs(a, in);
      return known;
    })
    .cpu_fn(multi_lars);

// ---- all_finite / multi_all_finite: a float32 flag of shape (1,).
template <class T> bool all_finite_in(const TBlob& b) {
  const T* x = b.ptr<T>();
  for (int64_t i = 0, n = b.size(); i < n; ++i)
    if (!std::isfinite(acc_t<T>(x[i]))) return false;
  return true;
}

void all_finite_compute(const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
  bool finite = true;
  for (const TBlob& b : in) MXL_FLOAT_SWITCH(b.dtype, T, N(a), { finite = finite && all_finite_in<T>(b); });
  float* o = out[0].ptr<float>();
  if (a.b("init_output")) o[0] = 1.0f;
  if (!finite) o[0] = 0.0f;
}

bool flag_shape(const Attrs& a, Shapes& in, Shapes& out) { return reduced_shape(a, in, out, 1); }

const char* kInitOutputDoc =
    "Initialize output to 1. With False the output is only written (to 0) when a value is not finite: "
    "pass out= an array holding the running flag.";

MXL_OP(all_finite)
    .describe("Checks whether every element of data is finite (not NaN, not infinite): a float32 array of "
              "shape (1,) holding 1 if so, else 0. Used by mixed-precision training to skip steps whose "
              "gradients overflowed.")
    .input("data")
    .param("init_output", PType::kBool, "True", kInitOutputDoc)
    .infer_shape_fn(flag_shape)
    .infer_type_fn(reduced_type)
    .cpu_fn(all_finite_compute);

MXL_OP(multi_all_finite)
    .describe("Checks whether every element of num_arrays arrays is finite: a float32 array of shape (1,) "
              "holding 1 if so, else 0.")
    .variadic("num_arrays")
    .param("num_arrays", PType::kInt, "1", "Number of arrays.")
    .range(1, 1 << 20)
    .param("init_output", PType::kBool, "True", kInitOutputDoc)
    .infer_shape_fn(flag_shape)
    .infer_type_fn(reduced_type)
    .cpu_fn(all_finite_compute);

// ---- reset_arrays: every input set to 0 in place; no outputs.
MXL_OP(reset_arrays)
    .describe("Sets each of num_arrays arrays to zero, in place (e.g. gradients between steps). Returns "
              "nothing.")
    .variadic("num_arrays")
    .param_required("num_arrays", PType::kInt, "Number of input arrays.")
    .range(1, 1 << 20)
    .outputs(0)
    .mutates_by([](const Attrs& a) {
      std::vector<int> m(size_t(num_arrays(a)));
      for (size_t i = 0; i < m.size(); ++i) m[i] = int(i);
      return m;
    })
    .infer_shape_fn([](const Attrs&, Shapes& in, Shapes&) {
      for (auto& s : in)
        if (!s.known()) return false;
      return true;
    })
    .infer_type_fn([](const Attrs&, Types& in, Types&) {
      for (int t : in)
        if (t < 0) return false;
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs&) {
      for (const TBlob& b : in) std::memset(b.data, 0, size_t(b.size()) * dtype_size(b.dtype));
    });

}  // namespace
}  // namespace mxl
