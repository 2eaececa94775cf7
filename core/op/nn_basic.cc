// Basic neural-network operators: Activation, LeakyReLU, softmax / log_softmax /
// softmin, SoftmaxActivation, SoftmaxOutput, the regression outputs, FullyConnected,
// Dropout and smooth_l1, each with its backward op and gradient.
#include <cmath>
#include <cstring>
#include <memory>

#include "elemwise_kernels.h"

namespace mxl {
namespace {


// Elementwise helper: y[i] = f(x[i]) over float dtypes, computed in float/double.
template <class F>
void float_map(const char* op, const TBlob& in, const TBlob& out, F&& f) {
  MXL_FLOAT_SWITCH(in.dtype, T, op, {
    using C = float_t_of<T>;
    const T* x = in.ptr<T>();
    T* y = out.ptr<T>();
    parallel_for(in.size(), kParallelGrain, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) y[i] = T(f(C(x[i])));
    });
  });
}

// Backward helper: gx[i] = g[i] * d(x[i], y[i]) over float dtypes.
template <class D>
void float_grad(const char* op, const TBlob& g, const TBlob& x, const TBlob& y, const TBlob& gx, D&& d) {
  MXL_FLOAT_SWITCH(g.dtype, T, op, {
    using C = float_t_of<T>;
    const T* pg = g.ptr<T>();
    const T* px = x.ptr<T>();
    const T* py = y.ptr<T>();
    T* out = gx.ptr<T>();
    parallel_for(gx.size(), kParallelGrain, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) out[i] = T(C(pg[i]) * d(C(px[i]), C(py[i])));
    });
  });
}

// ---------------------------------------------------------------- Activation
// Runs body(kind) with kind a compile-time constant, so the per-element switch on the
// activation type folds away.
template <int N, class F>
void const_dispatch(int64_t v, F&& body) {
  if constexpr (N > 0) {
    if (v == N - 1) body(std::integral_constant<int, N - 1>());
    else const_dispatch<N - 1>(v, body);
  }
}

// act_type choices in MXNet's order: relu, sigmoid, softrelu, softsign, tanh.
template <int K, class C>
inline C act_fwd(C x) {
  if constexpr (K == 0) return x > C(0) || std::isnan(x) ? x : C(0);
  else if constexpr (K == 1) return C(1) / (C(1) + std::exp(-x));
  else if constexpr (K == 2) return x > C(20) ? x : C(std::log1p(std::exp(x)));
  else if constexpr (K == 3) return x / (C(1) + std::fabs(x));
  else return std::tanh(x);
}
template <int K, class C>
inline C act_grad(C x, C y) {
  if constexpr (K == 0) return C(y > C(0));
  else if constexpr (K == 1) return y * (C(1) - y);
  else if constexpr (K == 2) return C(1) / (C(1) + std::exp(-x));
  else if constexpr (K == 3) return C(1) / ((C(1) + std::fabs(x)) * (C(1) + std::fabs(x)));
  else return C(1) - y * y;
}

// An enum parameter without a default (the builder's param_required takes no choices).
OpDef& enum_required(OpDef& op, const char* name, std::vector<std::string> choices, const char* doc) {
  op.param_required(name, PType::kEnum, doc);
  op.params.back().choices = std::move(choices);
  return op;
}

static OpDef& activation_op =
    enum_required(Registry::add("Activation")
                      .describe("Applies an activation function elementwise: relu, sigmoid, softrelu "
                                "(log(1+exp(x))), softsign (x/(1+|x|)) or tanh.")
                      .input("data"),
                  "act_type", {"relu", "sigmoid", "softrelu", "softsign", "tanh"}, "Activation function to be applied.")
        .infer_shape_fn(shape_same)
        .infer_type_fn(type_same_float)
        .inplace(0, 0)
        .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
          const_dispatch<5>(a.i("act_type"), [&](auto k) {
            float_map("Activation", in[0], out[0], [](auto x) { return act_fwd<decltype(k)::value>(x); });
          });
        })
        .grad_fn([](GradGraph& g, const Attrs& a) {
          return GVals{g.op1("_backward_Activation", {g.ograd(0), g.input(0), g.output(0)}, a.raw())};
        });

static OpDef& activation_backward_op =
    enum_required(Registry::add("_backward_Activation")
                      .describe("Gradient of Activation.")
                      .input("ograd")
                      .input("data")
                      .input("output"),
                  "act_type", {"relu", "sigmoid", "softrelu", "softsign", "tanh"}, "Activation function applied.")
        .infer_shape_fn(shape_same)
        .infer_type_fn(type_same_float)
        .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
          const_dispatch<5>(a.i("act_type"), [&](auto k) {
            float_grad("_backward_Activation", in[0], in[1], in[2], out[0],
                       [](auto x, auto y) { return act_grad<decltype(k)::value>(x, y); });
          });
        });

// A view (outer, n, inner) of a shape around one axis: softmax runs along n.
struct Geom {
  int64_t outer = 1, n = 1, inner = 1;
};
Geom axis_geom(const Shape& s, int axis) {
  Geom g;
  for (int i = 0; i < s.ndim; ++i) {
    if (i < axis) g.outer *= s[i];
    else if (i == axis) g.n = s[i];
    else g.inner *= s[i];
  }
  return g;
}

// ----------------------------------------------------------------- LeakyReLU
// act_type choices (MXNet's order, without rrelu, whose random slopes MXNet returns
// as a second output): elu, gelu, leaky, prelu, selu. prelu takes a learned slope
// per channel (axis 1) from the second input, gamma.
constexpr int kPrelu = 3;
constexpr double kSeluLambda = 1.0507009873554804934193349852946;
constexpr double kSeluAlpha = 1.6732632423543772848170429916717;

template <int K, class C>
inline C leaky_fwd(C x, C slope) {
  if constexpr (K == 0) return x > C(0) ? x : slope * std::expm1(x);
  else if constexpr (K == 1) return C(0.5) * x * (C(1) + std::erf(x * C(0.70710678118654752440)));
  else if constexpr (K == 2 || K == kPrelu) return x > C(0) ? x : slope * x;
  else return C(kSeluLambda) * (x > C(0) ? x : C(kSeluAlpha) * std::expm1(x));
}
template <int K, class C>
inline C leaky_grad(C x, C y, C slope) {
  if constexpr (K == 0) return x > C(0) ? C(1) : y + slope;
  else if constexpr (K == 1)
    return C(0.5) * (C(1) + std::erf(x * C(0.70710678118654752440))) +
           x * C(0.39894228040143267794) * std::exp(C(-0.5) * x * x);
  else if constexpr (K == 2 || K == kPrelu) return x > C(0) ? C(1) : slope;
  else return x > C(0) ? C(kSeluLambda) : y + C(kSeluLambda * kSeluAlpha);
}

bool is_prelu(const Attrs& a) { return a.i("act_type") == kPrelu; }

void leaky_params(OpDef& op) {
  op.param_enum("act_type", {"elu", "gelu", "leaky", "prelu", "selu"}, "leaky", "Activation function to be applied.")
      .param("slope", PType::kFloat, "0.25", "Init slope for the activation (leaky and elu).")
      .param("lower_bound", PType::kFloat, "0.125", "Lower bound of the random slope (rrelu only; unused).")
      .param("upper_bound", PType::kFloat, "0.334", "Upper bound of the random slope (rrelu only; unused).");
}

// prelu's view of data: (outer, channels, inner); gamma has 1 or `channels` values.
Geom prelu_geom(const Shape& s) { return axis_geom(s, 1); }

// y = x > 0 ? x : gamma[c] * x  (forward), or with g: gx and the gamma gradient.
template <class T>
void prelu_run(const TBlob& xb, const TBlob& gamma, const TBlob& yb, const TBlob* og, const TBlob* ggamma) {
  using C = float_t_of<T>;
  const Geom geo = prelu_geom(xb.shape);
  const T* x = xb.ptr<T>();
  const T* gm = gamma.ptr<T>();
  const bool shared = gamma.size() == 1;
  const int64_t ch = geo.n, inner = geo.inner;
  if (!og) {
    T* y = yb.ptr<T>();
    parallel_for(xb.size(), kParallelGrain, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) {
        C v = C(x[i]), s = C(gm[shared ? 0 : (i / inner) % ch]);
        y[i] = T(v > C(0) ? v : s * v);
      }
    });
    return;
  }
  const T* g = og->ptr<T>();
  T* gx = yb.ptr<T>();
  parallel_for(xb.size(), kParallelGrain, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) {
      C v = C(x[i]), s = C(gm[shared ? 0 : (i / inner) % ch]);
      gx[i] = T(C(g[i]) * (v > C(0) ? C(1) : s));
    }
  });
  std::vector<double> acc(size_t(shared ? 1 : ch), 0.0);
  for (int64_t i = 0; i < xb.size(); ++i) {
    double v = double(x[i]);
    if (v <= 0) acc[shared ? 0 : size_t((i / inner) % ch)] += double(g[i]) * v;
  }
  T* gg = ggamma->ptr<T>();
  for (size_t c = 0; c < acc.size(); ++c) gg[c] = T(acc[c]);
}

bool leaky_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  if (!is_prelu(a)) return shape_same(a, in, out);
  if (!in[0].known()) return false;
  MXL_CHECK(in[0].ndim >= 2, Err::kShape, "LeakyReLU: act_type='prelu' needs data with a channel axis 1, got ",
            in[0]);
  if (!in[1].known()) in[1] = Shape{in[0][1]};
  MXL_CHECK(in[1].ndim == 1 && (in[1][0] == 1 || in[1][0] == in[0][1]), Err::kShape, "LeakyReLU: gamma has shape ",
            in[1], " but data of shape ", in[0], " needs (", in[0][1], ",) or (1,)");
  assign_shape("LeakyReLU", "output", out[0], in[0]);
  return true;
}

void leaky_forward(const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
  if (is_prelu(a)) {
    MXL_FLOAT_SWITCH(in[0].dtype, T, "LeakyReLU", { prelu_run<T>(in[0], in[1], out[0], nullptr, nullptr); });
    return;
  }
  const double slope = a.f("slope");
  const_dispatch<5>(a.i("act_type"), [&](auto k) {
    float_map("LeakyReLU", in[0], out[0],
              [slope](auto x) { return leaky_fwd<decltype(k)::value>(x, decltype(x)(slope)); });
  });
}

// (ograd, data, output[, gamma]) -> data gradient[, gamma gradient].
bool leaky_backward_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  if (!in[1].known() || (is_prelu(a) && !in[3].known())) return false;
  out[0] = in[1];
  if (is_prelu(a)) out[1] = in[3];
  return in[0].known();
}

void leaky_backward(const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
  if (is_prelu(a)) {
    MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_LeakyReLU", { prelu_run<T>(in[1], in[3], out[0], &in[0], &out[1]); });
    return;
  }
  const double slope = a.f("slope");
  const_dispatch<5>(a.i("act_type"), [&](auto k) {
    float_grad("_backward_LeakyReLU", in[0], in[1], in[2], out[0],
               [slope](auto x, auto y) { return leaky_grad<decltype(k)::value>(x, y, decltype(x)(slope)); });
  });
}

OpDef& def_leaky(OpDef& op) {
  op.describe("Leaky rectified linear units: leaky (x or slope*x), prelu (x or gamma*x with a learned gamma per "
              "channel), elu (x or slope*(exp(x)-1)), selu and gelu (erf form).")
      .input("data")
      .input("gamma")
      .inputs_by([](const Attrs& a) {
        return is_prelu(a) ? std::vector<std::string>{"data", "gamma"} : std::vector<std::string>{"data"};
      });
  leaky_params(op);
  op.infer_shape_fn(leaky_shape)
      .infer_type_fn(type_same_float)
      .inplace(0, 0)
      .cpu_fn(leaky_forward)
      .grad_fn([](GradGraph& g, const Attrs& a) {
        GVals in = {g.ograd(0), g.input(0), g.output(0)};
        if (is_prelu(a)) in.push_back(g.input(1));
        return g.op("_backward_LeakyReLU", in, a.raw());
      });
  OpDef& b = Registry::add("_backward_LeakyReLU");
  b.describe("Gradient of LeakyReLU: the data gradient (and gamma's, for prelu).")
      .input("ograd")
      .input("data")
      .input("output")
      .input("gamma")
      .inputs_by([](const Attrs& a) {
        std::vector<std::string> v{"ograd", "data", "output"};
        if (is_prelu(a)) v.push_back("gamma");
        return v;
      })
      .outputs_fn([](const Attrs& a) { return is_prelu(a) ? 2 : 1; });
  leaky_params(b);
  b.infer_shape_fn(leaky_backward_shape).infer_type_fn(type_same_float).cpu_fn(leaky_backward);
  return op;
}
static OpDef& leaky_op = def_leaky(Registry::add("LeakyReLU"));

// ------------------------------------------------------------------ softmax
enum SoftMode { kSoftmax = 0, kLogSoftmax = 1, kSoftmin = 2 };

template <int kMode, class TI, class TO>
void softmax_fwd(const TI* x, TO* y, const Geom& g, double temperature) {
  using C = std::conditional_t<std::is_same_v<TI, double> || std::is_same_v<TO, double>, double, float>;
  const C scale = C((kMode == kSoftmin ? -1.0 : 1.0) / temperature);
  const int64_t n = g.n, inner = g.inner;
  if (n == 0) return;
  parallel_for(g.outer * inner, std::max<int64_t>(1, kParallelGrain / n), [&](int64_t b, int64_t e) {
    for (int64_t lane = b; lane < e; ++lane) {
      const int64_t base = (lane / inner) * n * inner + lane % inner;
      const TI* px = x + base;
      TO* py = y + base;
      C m = -std::numeric_limits<C>::infinity();
      for (int64_t k = 0; k < n; ++k) {
        C v = C(px[k * inner]) * scale;
        m = v > m ? v : m;
      }
      C sum = 0;
      if (kMode == kLogSoftmax) {
        for (int64_t k = 0; k < n; ++k) sum += std::exp(C(px[k * inner]) * scale - m);
        const C ls = std::log(sum) + m;
        for (int64_t k = 0; k < n; ++k) py[k * inner] = TO(C(px[k * inner]) * scale - ls);
      } else if constexpr (std::is_same_v<TO, C>) {  // one exp per element: store, then scale
        for (int64_t k = 0; k < n; ++k) sum += (py[k * inner] = std::exp(C(px[k * inner]) * scale - m));
        const C inv = C(1) / sum;
        for (int64_t k = 0; k < n; ++k) py[k * inner] *= inv;
      } else {
        for (int64_t k = 0; k < n; ++k) sum += std::exp(C(px[k * inner]) * scale - m);
        const C inv = C(1) / sum;
        for (int64_t k = 0; k < n; ++k) py[k * inner] = TO(std::exp(C(px[k * inner]) * scale - m) * inv);
      }
    }
  });
}

// Gradient from the output y: softmax y*(g - sum(g*y))/T (negated for softmin);
// log_softmax (g - exp(y)*sum(g))/T.
template <int kMode, class T>
void softmax_bwd(const T* g, const T* y, T* gx, const Geom& geo, double temperature) {
  using C = float_t_of<T>;
  const C scale = C((kMode == kSoftmin ? -1.0 : 1.0) / temperature);
  const int64_t n = geo.n, inner = geo.inner;
  if (n == 0) return;
  parallel_for(geo.outer * inner, std::max<int64_t>(1, kParallelGrain / n), [&](int64_t b, int64_t e) {
    for (int64_t lane = b; lane < e; ++lane) {
      const int64_t base = (lane / inner) * n * inner + lane % inner;
      const T* pg = g + base;
      const T* py = y + base;
      T* po = gx + base;
      C acc = 0;
      if (kMode == kLogSoftmax) {
        for (int64_t k = 0; k < n; ++k) acc += C(pg[k * inner]);
        for (int64_t k = 0; k < n; ++k)
          po[k * inner] = T((C(pg[k * inner]) - std::exp(C(py[k * inner])) * acc) * scale);
      } else {
        for (int64_t k = 0; k < n; ++k) acc += C(pg[k * inner]) * C(py[k * inner]);
        for (int64_t k = 0; k < n; ++k) po[k * inner] = T(C(py[k * inner]) * (C(pg[k * inner]) - acc) * scale);
      }
    }
  });
}

template <int kMode>
void softmax_run(const char* op, const TBlob& in, const TBlob& out, const Geom& g, double temperature) {
  MXL_FLOAT_SWITCH(in.dtype, TI, op, {
    MXL_FLOAT_SWITCH(out.dtype, TO, op, { softmax_fwd<kMode>(in.ptr<TI>(), out.ptr<TO>(), g, temperature); });
  });
}
template <int kMode>
void softmax_grad_run(const char* op, const TBlob& g, const TBlob& y, const TBlob& gx, const Geom& geo,
                      double temperature) {
  MXL_FLOAT_SWITCH(g.dtype, T, op, { softmax_bwd<kMode>(g.ptr<T>(), y.ptr<T>(), gx.ptr<T>(), geo, temperature); });
}

double temperature_of(const Attrs& a) {
  if (a.none("temperature")) return 1.0;
  double t = a.f("temperature");
  MXL_CHECK(t != 0 && std::isfinite(t), Err::kInvalidArgument, a.op->name, ": temperature must be finite and "
            "non-zero, got ", t);
  return t;
}

Geom softmax_geom(const Attrs& a, const Shape& s) {
  MXL_CHECK(!a.b("use_length"), Err::kInvalidArgument, a.op->name,
            ": use_length=True (a length input) is not supported");
  return axis_geom(s, normalize_axis(a.op->name.c_str(), a.i("axis"), s.ndim));
}

void softmax_params(OpDef& op) {
  op.param("axis", PType::kInt, "-1", "The axis along which to compute softmax.")
      .param_optional("temperature", PType::kFloat, "Temperature parameter in softmax (default 1).")
      .param_enum("dtype", {"None", "float16", "float32", "float64"}, "None",
                  "Output dtype (default: the input's); the computation is done in at least float32.")
      .param("use_length", PType::kBool, "False", "Whether to use a length input to mask the softmax "
             "(not supported: must be False).");
}

template <int kMode>
OpDef& def_softmax(OpDef& op, const char* doc) {
  op.describe(doc).input("data");
  softmax_params(op);
  std::string bwd = "_backward_" + op.name;
  op.infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      if (in[0].known()) softmax_geom(a, in[0]);  // validates axis
      return shape_same(a, in, out);
    })
      .infer_type_fn([](const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
        if (in[0] < 0) return false;
        type_check_all(a, in, true);
        const std::string& t = a.s("dtype");
        assign_type(a.op->name.c_str(), "output", out[0], t == "None" ? in[0] : int(dtype_from_name(t)));
        return true;
      })
      .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
        softmax_run<kMode>(a.op->name.c_str(), in[0], out[0], softmax_geom(a, in[0].shape), temperature_of(a));
      })
      .grad_fn([bwd](GradGraph& g, const Attrs& a) {
        GVal gx = g.op1(bwd, {g.ograd(0), g.output(0)}, a.raw());
        if (a.s("dtype") != "None") gx = g.op1("_backward_Cast", {gx, g.input(0)});  // back to data's dtype
        return GVals{gx};
      });
  OpDef& b = Registry::add(bwd);
  b.describe("Gradient of " + op.name + ", from the output (in the output's dtype).").input("ograd").input("output");
  softmax_params(b);
  b.infer_shape_fn(shape_same).infer_type_fn(type_same_float).cpu_fn(
      [](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
        softmax_grad_run<kMode>(a.op->name.c_str(), in[0], in[1], out[0], softmax_geom(a, in[0].shape),
                                temperature_of(a));
      });
  return op;
}
static OpDef& softmax_op = def_softmax<kSoftmax>(
    Registry::add("softmax"), "Softmax along an axis: exp(x/T) / sum(exp(x/T)), computed stably.");
static OpDef& log_softmax_op =
    def_softmax<kLogSoftmax>(Registry::add("log_softmax"), "Log of the softmax along an axis, computed stably.");
static OpDef& softmin_op =
    def_softmax<kSoftmin>(Registry::add("softmin"), "Softmin along an axis: the softmax of -x/T.");

// --------------------------------------------------------- SoftmaxActivation
Geom softmax_activation_geom(const Attrs& a, const Shape& s) {
  if (a.s("mode") == "channel") {
    MXL_CHECK(s.ndim >= 3, Err::kShape, "SoftmaxActivation: mode='channel' needs at least 3 dimensions, got ", s);
    return axis_geom(s, 1);
  }
  MXL_CHECK(s.ndim >= 1, Err::kShape, "SoftmaxActivation: expected at least 1 dimension, got ", s);
  return axis_geom(s, s.ndim - 1);  // instance: MXNet flattens to (-1, last axis)
}

MXL_OP(SoftmaxActivation)
    .describe("Softmax over the last axis (mode='instance') or over the channel axis 1 (mode='channel').")
    .input("data")
    .param_enum("mode", {"channel", "instance"}, "instance", "Softmax over each instance or over channels.")
    .infer_type_fn(type_same_float)
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      if (in[0].known()) softmax_activation_geom(a, in[0]);
      return shape_same(a, in, out);
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      softmax_run<kSoftmax>("SoftmaxActivation", in[0], out[0], softmax_activation_geom(a, in[0].shape), 1.0);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_SoftmaxActivation", {g.ograd(0), g.output(0)}, a.raw())};
    });

MXL_OP(_backward_SoftmaxActivation)
    .describe("Gradient of SoftmaxActivation.")
    .input("ograd")
    .input("output")
    .param_enum("mode", {"channel", "instance"}, "instance", "Softmax over each instance or over channels.")
    .infer_shape_fn(shape_same)
    .infer_type_fn(type_same_float)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      softmax_grad_run<kSoftmax>("_backward_SoftmaxActivation", in[0], in[1], out[0],
                                 softmax_activation_geom(a, in[0].shape), 1.0);
    });

// ------------------------------------------------------------- SoftmaxOutput
// Forward is a softmax; the gradient (softmax - one_hot(label)) * scale ignores the
// incoming gradient (unless out_grad) and none flows to the label.
Geom softmax_output_geom(const Attrs& a, const Shape& s) {
  MXL_CHECK(s.ndim >= 2 || (s.ndim == 1 && a.b("preserve_shape")), Err::kShape,
            "SoftmaxOutput: data needs at least 2 dimensions, got ", s);
  Geom g;
  if (a.b("multi_output")) return axis_geom(s, 1);
  if (a.b("preserve_shape")) return axis_geom(s, s.ndim - 1);
  g.outer = s[0];
  g.n = s.size() / std::max<int64_t>(s[0], 1);
  return g;
}

void softmax_output_params(OpDef& op) {
  op.param("grad_scale", PType::kFloat, "1", "Scales the gradient by a float factor.")
      .param("ignore_label", PType::kFloat, "-1", "The label value to ignore when use_ignore is set.")
      .param("multi_output", PType::kBool, "False",
             "Softmax over axis 1 of (n, k, x1, ..., xq) data, with one label per (n, x1..xq) position.")
      .param("use_ignore", PType::kBool, "False", "Give no gradient where the label equals ignore_label.")
      .param("preserve_shape", PType::kBool, "False", "Softmax over the last axis only.")
      .param_enum("normalization", {"batch", "null", "valid"}, "null",
                  "Gradient normalization: null (none), batch (by the batch size), valid (by the number of "
                  "labels not equal to ignore_label).")
      .param("out_grad", PType::kBool, "False", "Multiply the gradient by the incoming gradient.")
      .param("smooth_alpha", PType::kFloat, "0",
             "Label smoothing: the target puts 1-alpha on the label and alpha/(k-1) on the other classes.");
}

bool softmax_output_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  if (!in[0].known()) return false;
  const Shape& d = in[0];
  softmax_output_geom(a, d);
  const char* op = "SoftmaxOutput";
  if (a.b("multi_output")) {
    // Label (n, x1*...*xq), or (n, x1, ..., xq), or (n, 1, x1, ..., xq).
    Shape l1{d[0], d.size() / std::max<int64_t>(d[0] * d[1], 1)}, l2 = d, l3 = d;
    l2.ndim = d.ndim - 1;
    for (int i = 2; i < d.ndim; ++i) l2[i - 1] = d[i];
    l3[1] = 1;
    if (!in[1].known()) in[1] = l1;
    MXL_CHECK(in[1] == l1 || in[1] == l2 || in[1] == l3, Err::kShape, op, ": label has shape ", in[1],
              " but data of shape ", d, " with multi_output needs ", l1, " or ", l2);
  } else {
    Shape l = d;
    l.ndim = d.ndim - 1;
    if (l.ndim == 0) l = Shape{1};
    assign_shape(op, "label", in[1], l);
  }
  assign_shape(op, "output", out[0], d);
  return true;
}

// Any label dtype; data and output share one.
bool label_any_type(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  int t = in[0] >= 0 ? in[0] : out[0];
  if (t < 0) return false;
  MXL_CHECK(dtype_is_float(DType(t)), Err::kDType, a.op->name, ": expected a float dtype, got ", dtype_name(DType(t)));
  in[0] = t;
  assign_type(a.op->name.c_str(), "output", out[0], t);
  if (in[1] < 0) in[1] = t;
  return true;
}

template <class T, class L>
void softmax_output_grad(const Attrs& a, const TBlob& og, const TBlob& yb, const TBlob& lb, const TBlob& gb) {
  using C = float_t_of<T>;
  const Geom geo = softmax_output_geom(a, yb.shape);
  const T* y = yb.ptr<T>();
  const T* g = og.ptr<T>();
  const L* label = lb.ptr<L>();
  T* gx = gb.ptr<T>();
  const bool multi = a.b("multi_output"), use_ignore = a.b("use_ignore"), out_grad = a.b("out_grad");
  const double ignore = a.f("ignore_label"), alpha = a.f("smooth_alpha");
  const std::string& norm = a.s("normalization");
  const int64_t n = geo.n, inner = geo.inner, lanes = geo.outer * inner;
  MXL_CHECK(lb.size() >= lanes, Err::kShape, "SoftmaxOutput: label has ", lb.size(), " elements, expected ", lanes);
  double scale = a.f("grad_scale");
  if (norm == "valid") {
    int64_t valid = 0;
    for (int64_t i = 0; i < lanes; ++i) valid += double(label[i]) != ignore;
    scale /= double(std::max<int64_t>(valid, 1));
  } else {
    if (multi) scale /= double(inner);  // MXNet averages over positions when multi_output
    if (norm == "batch") scale /= double(geo.outer);
  }
  const C off_target = n > 1 ? C(alpha / double(n - 1)) : C(0), on_target = C(1 - alpha);
  parallel_for(lanes, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(n, 1)), [&](int64_t b, int64_t e) {
    for (int64_t lane = b; lane < e; ++lane) {
      const int64_t base = (lane / inner) * n * inner + lane % inner;
      const double lv = double(label[multi ? lane : lane / inner]);
      const bool ignored = use_ignore && lv == ignore;
      const int64_t k_label = int64_t(lv);
      for (int64_t k = 0; k < n; ++k) {
        const int64_t i = base + k * inner;
        C v = 0;
        if (!ignored) {
          C target = alpha != 0 ? (k == k_label ? on_target : off_target) : C(k == k_label);
          v = (C(y[i]) - target) * C(scale);
          if (out_grad) v *= C(g[i]);
        }
        gx[i] = T(v);
      }
    }
  });
}

OpDef& def_softmax_output(OpDef& op) {
  op.describe("Softmax with a cross-entropy gradient: forward is softmax(data); backward gives "
              "(softmax - one_hot(label)) * grad_scale / normalization, ignoring the incoming gradient.")
      .alias("Softmax");
  op.input("data").input("label");
  softmax_output_params(op);
  op.infer_shape_fn(softmax_output_shape)
      .infer_type_fn(label_any_type)
      .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
        softmax_run<kSoftmax>("SoftmaxOutput", in[0], out[0], softmax_output_geom(a, in[0].shape), 1.0);
      })
      .grad_fn([](GradGraph& g, const Attrs& a) {
        // The incoming gradient is read only with out_grad=True; otherwise the output
        // stands in for it, so a SoftmaxOutput head needs no head gradient (a loss).
        GVal og = a.b("out_grad") ? g.ograd(0) : g.output(0);
        return GVals{g.op1("_backward_SoftmaxOutput", {og, g.output(0), g.input(1)}, a.raw()), GVal{}};
      });
  OpDef& b = Registry::add("_backward_SoftmaxOutput");
  b.describe("Gradient of SoftmaxOutput with respect to data.").input("ograd").input("output").input("label");
  softmax_output_params(b);
  b.infer_shape_fn([](const Attrs&, std::vector<Shape>& in, std::vector<Shape>& out) {
     if (!in[1].known()) return false;
     out[0] = in[1];
     return in[0].known() && in[2].known();
   })
      .infer_type_fn([](const Attrs&, std::vector<int>& in, std::vector<int>& out) {
        if (in[1] < 0) return false;
        assign_type("_backward_SoftmaxOutput", "output", out[0], in[1]);
        assign_type("_backward_SoftmaxOutput", "ograd", in[0], in[1]);
        return in[2] >= 0;
      })
      .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
        MXL_FLOAT_SWITCH(in[1].dtype, T, "SoftmaxOutput", {
          MXL_NUM_SWITCH(in[2].dtype, L, "SoftmaxOutput label",
                         { softmax_output_grad<T, L>(a, in[0], in[1], in[2], out[0]); });
        });
      });
  return op;
}
static OpDef& softmax_output_op = def_softmax_output(Registry::add("SoftmaxOutput"));

// -------------------------------------------------------- regression outputs
// Forward f (identity or sigmoid); gradient (ograd ignored, none to the label):
// d(out, label) * grad_scale / (outputs per sample).
enum RegKind { kLinear, kLogistic, kMAE };

template <int K>
OpDef& def_regression(OpDef& op, const char* doc) {
  op.describe(doc)
      .input("data")
      .input("label")
      .param("grad_scale", PType::kFloat, "1", "Scale the gradient by a float factor.")
      .infer_type_fn(type_same_float)
      .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
        if (!in[0].known()) return false;
        const char* op = a.op->name.c_str();
        if (!in[1].known()) in[1] = in[0];
        MXL_CHECK(in[1].size() == in[0].size(), Err::kShape, op, ": label has shape ", in[1],
                  " but data has shape ", in[0], " (sizes must match)");
        assign_shape(op, "output", out[0], in[0]);
        return true;
      })
      .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
        float_map(a.op->name.c_str(), in[0], out[0], [](auto x) {
          using C = decltype(x);
          return K == kLogistic ? C(1) / (C(1) + std::exp(-x)) : x;
        });
      })
      .grad_fn([](GradGraph& g, const Attrs& a) {
        return GVals{g.op1("_backward_" + a.op->name, {g.output(0), g.input(1)}, a.raw()), GVal{}};
      });
  Registry::add("_backward_" + op.name)
      .describe("Gradient of " + op.name + " with respect to data.")
      .input("output")
      .input("label")
      .param("grad_scale", PType::kFloat, "1", "Scale the gradient by a float factor.")
      .infer_type_fn(type_same_float)
      .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
        if (!in[0].known()) return false;
        out[0] = in[0];
        // As in the forward op: the kernel reads label element for element with output.
        if (in[1].known())
          MXL_CHECK(in[1].size() == in[0].size(), Err::kShape, a.op->name, ": label has shape ", in[1],
                    " but output has shape ", in[0], " (sizes must match)");
        return in[1].known();
      })
      .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
        const TBlob& label = in[1];
        const int64_t per_sample = label.shape.ndim > 0 && label.shape[0] > 0 ? label.size() / label.shape[0] : 1;
        const double scale = a.f("grad_scale") / double(std::max<int64_t>(per_sample, 1));
        MXL_FLOAT_SWITCH(in[0].dtype, T, a.op->name, {
          using C = float_t_of<T>;
          const T* y = in[0].ptr<T>();
          const T* l = in[1].ptr<T>();
          T* gx = out[0].ptr<T>();
          parallel_for(out[0].size(), kParallelGrain, [&](int64_t b, int64_t e) {
            for (int64_t i = b; i < e; ++i) {
              C d = C(y[i]) - C(l[i]);
              if (K == kMAE) d = C((d > C(0)) - (d < C(0)));
              gx[i] = T(d * C(scale));
            }
          });
        });
      });
  return op;
}
static OpDef& linreg_op =
    def_regression<kLinear>(Registry::add("LinearRegressionOutput"),
                            "Identity forward; squared-loss gradient (out - label) * grad_scale / m.");
static OpDef& logreg_op =
    def_regression<kLogistic>(Registry::add("LogisticRegressionOutput"),
                              "Sigmoid forward; logistic-loss gradient (out - label) * grad_scale / m.");
static OpDef& maereg_op =
    def_regression<kMAE>(Registry::add("MAERegressionOutput"),
                         "Identity forward; absolute-loss gradient sign(out - label) * grad_scale / m.");

// ------------------------------------------------------------ FullyConnected
// y = x W^T + b on a 2-D view of x: (batch, features) when flatten, else all axes
// but the last folded into rows. Half computes through float buffers.
template <class T> using gemm_t = std::conditional_t<std::is_same_v<T, double>, double, float>;

inline void gemm_any(bool ta, bool tb, int64_t M, int64_t N, int64_t K, const float* A, int64_t lda,
                     const float* B, int64_t ldb, float* C, int64_t ldc) {
  gemm(ta, tb, M, N, K, 1.f, A, lda, B, ldb, 0.f, C, ldc);
}
inline void gemm_any(bool ta, bool tb, int64_t M, int64_t N, int64_t K, const double* A, int64_t lda,
                     const double* B, int64_t ldb, double* C, int64_t ldc) {
  gemm_f64(ta, tb, M, N, K, 1.0, A, lda, B, ldb, 0.0, C, ldc);
}

// A gemm-typed view of a blob: the data itself, or a float copy for half.
template <class T>
struct GemmIn {
  std::unique_ptr<float[]> buf;
  const gemm_t<T>* p;
  explicit GemmIn(const TBlob& b) {
    if constexpr (std::is_same_v<T, half>) {
      buf.reset(new float[size_t(b.size())]);
      const half* s = b.ptr<half>();
      for (int64_t i = 0; i < b.size(); ++i) buf[i] = float(s[i]);
      p = buf.get();
    } else {
      p = b.ptr<T>();
    }
  }
};
template <class T>
struct GemmOut {
  const TBlob& b;
  std::unique_ptr<float[]> buf;
  gemm_t<T>* p;
  explicit GemmOut(const TBlob& blob) : b(blob) {
    if constexpr (std::is_same_v<T, half>) {
      buf.reset(new float[size_t(b.size())]);
      p = buf.get();
    } else {
      p = b.ptr<T>();
    }
  }
  void commit() {  // copies a half result back
    if constexpr (std::is_same_v<T, half>) {
      half* d = b.ptr<half>();
      for (int64_t i = 0; i < b.size(); ++i) d[i] = half(buf[i]);
    }
  }
};

bool fc_has_bias(const Attrs& a, size_t ninputs) { return !a.b("no_bias") && ninputs > 2; }

void fc_params(OpDef& op) {
  op.param_required("num_hidden", PType::kInt, "Number of hidden nodes of the output.")
      .range(1, 9.2e18)
      .param("no_bias", PType::kBool, "False", "Whether to disable the bias parameter.")
      .param("flatten", PType::kBool, "True", "Whether to collapse all but the first axis of the input data.");
}

bool fc_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = "FullyConnected";
  const int64_t H = a.i("num_hidden");
  const bool bias = fc_has_bias(a, in.size());
  if (in[1].known())
    MXL_CHECK(in[1].ndim == 2 && in[1][0] == H, Err::kShape, op, ": weight has shape ", in[1], " but num_hidden is ",
              H, " (expected (", H, ", in_features))");
  if (bias) assign_shape(op, "bias", in[2], Shape{H});
  if (!in[0].known()) return false;
  const Shape& d = in[0];
  MXL_CHECK(d.ndim >= 1, Err::kShape, op, ": data must have at least 1 dimension, got ", d);
  int64_t K = 1;
  Shape o;
  if (a.b("flatten")) {
    for (int i = 1; i < d.ndim; ++i) K *= d[i];
    o = Shape{d[0], H};
  } else {
    K = d[d.ndim - 1];
    o = d;
    o[d.ndim - 1] = H;
  }
  assign_shape(op, "weight", in[1], Shape{H, K});
  assign_shape(op, "output", out[0], o);
  return true;
}

void fc_forward(const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
  const int64_t H = a.i("num_hidden"), K = in[1].shape[1], M = K > 0 ? in[0].size() / K : out[0].size() / H;
  const bool bias = fc_has_bias(a, in.size());
  MXL_FLOAT_SWITCH(in[0].dtype, T, "FullyConnected", {
    using G = gemm_t<T>;
    GemmIn<T> x(in[0]), w(in[1]);
    GemmOut<T> y(out[0]);
    gemm_any(false, true, M, H, K, x.p, K, w.p, K, y.p, H);
    if (bias) {
      GemmIn<T> b(in[2]);
      const G* pb = b.p;
      G* py = y.p;
      parallel_for(M, std::max<int64_t>(1, kParallelGrain / H), [&](int64_t s, int64_t e) {
        for (int64_t m = s; m < e; ++m)
          for (int64_t h = 0; h < H; ++h) py[m * H + h] += pb[h];
      });
    }
    y.commit();
  });
}

// (ograd, data, weight) -> (data grad, weight grad[, bias grad]).
void fc_backward(const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
  const int64_t H = a.i("num_hidden"), K = in[2].shape[1], M = in[0].size() / H;
  MXL_FLOAT_SWITCH(in[0].dtype, T, "_backward_FullyConnected", {
    using G = gemm_t<T>;
    GemmIn<T> g(in[0]), x(in[1]), w(in[2]);
    GemmOut<T> gx(out[0]), gw(out[1]);
    gemm_any(false, false, M, K, H, g.p, H, w.p, K, gx.p, K);
    gemm_any(true, false, H, K, M, g.p, H, x.p, K, gw.p, K);
    gx.commit();
    gw.commit();
    if (out.size() > 2) {
      std::vector<double> acc(size_t(H), 0.0);
      const G* pg = g.p;
      for (int64_t m = 0; m < M; ++m)
        for (int64_t h = 0; h < H; ++h) acc[size_t(h)] += pg[m * H + h];
      T* gb = out[2].ptr<T>();
      for (int64_t h = 0; h < H; ++h) gb[h] = T(acc[size_t(h)]);
    }
  });
}

OpDef& def_fc(OpDef& op) {
  op.describe("Fully connected layer: y = x W^T + b, with W of shape (num_hidden, in_features) and b of shape "
              "(num_hidden,).")
      .input("data")
      .input("weight")
      .input("bias")
      .inputs_by([](const Attrs& a) {
        return a.b("no_bias") ? std::vector<std::string>{"data", "weight"}
                              : std::vector<std::string>{"data", "weight", "bias"};
      });
  fc_params(op);
  op.infer_shape_fn(fc_shape).infer_type_fn(type_same_float).cpu_fn(fc_forward).grad_fn(
      [](GradGraph& g, const Attrs& a) {
        return g.op("_backward_FullyConnected", {g.ograd(0), g.input(0), g.input(1)}, a.raw());
      });
  OpDef& b = Registry::add("_backward_FullyConnected");
  b.describe("Gradient of FullyConnected: (data grad, weight grad[, bias grad]).")
      .input("ograd")
      .input("data")
      .input("weight")
      .outputs_fn([](const Attrs& a) { return a.b("no_bias") ? 2 : 3; });
  fc_params(b);
  b.infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
     if (!in[1].known() || !in[2].known()) return false;
     out[0] = in[1];
     out[1] = in[2];
     if (out.size() > 2) out[2] = Shape{a.i("num_hidden")};
     return in[0].known();
   })
      .infer_type_fn(type_same_float)
      .cpu_fn(fc_backward);
  return op;
}
static OpDef& fc_op = def_fc(Registry::add("FullyConnected"));

// ------------------------------------------------------------------ Dropout
// Training (or mode='always'): zero each element (or each slice along `axes`) with
// probability p and scale the rest by 1/(1-p); otherwise the identity.
void dropout_params(OpDef& op) {
  op.param("p", PType::kFloat, "0.5", "Fraction of the input that gets dropped out during training.")
      .range(0, 1)
      .param_enum("mode", {"always", "training"}, "training",
                  "Apply dropout only in training (autograd train mode / executor is_train) or always.")
      .param("axes", PType::kShape, "()", "Axes along which one mask value is shared (variational dropout).")
      .param("cudnn_off", PType::kBool, "False", "Unused on CPU.");
}

bool dropout_active(const OpCtx& c, const Attrs& a) { return a.s("mode") == "always" || c.is_train; }
double dropout_scale(const Attrs& a) { return a.f("p") >= 1 ? 0.0 : 1.0 / (1.0 - a.f("p")); }

void dropout_forward(const OpCtx& c, const Attrs& a, const Blobs& in, const Blobs& out) {
  const double p = a.f("p");
  if (!dropout_active(c, a) || p == 0) {
    copy_values(in[0], out[0]);
    return;
  }
  Shape ms = in[0].shape;  // mask shape: size 1 along the shared axes
  const Shape& axes = a.shape("axes");
  for (int i = 0; i < axes.ndim; ++i) ms[normalize_axis("Dropout", axes[i], ms.ndim)] = 1;
  std::unique_ptr<uint8_t[]> mask(new uint8_t[size_t(std::max<int64_t>(ms.size(), 1))]);
  const double keep = 1 - p;
  fill_random(c, mask.get(), ms.size(), [keep](BlockRng& r) { return uint8_t(r.uniform() < keep); });
  const double scale = dropout_scale(a);
  MXL_FLOAT_SWITCH(in[0].dtype, T, "Dropout", {
    using C = float_t_of<T>;
    const T* x = in[0].ptr<T>();
    T* y = out[0].ptr<T>();
    const uint8_t* m = mask.get();
    const C s = C(scale);
    const Shape* ins[2] = {&in[0].shape, &ms};
    BcastPlan plan = make_bcast_plan(in[0].shape, ins, 2);
    const int64_t sm = plan.stride[1][plan.nd - 1];
    bcast_for(plan, [&](int64_t o, const int64_t* off, int64_t len) {
      for (int64_t i = 0; i < len; ++i) y[o + i] = T(m[off[1] + i * sm] ? C(x[off[0] + i]) * s : C(0));
    });
  });
}

// The mask is recovered from y / x; where x == 0 it is unknown and the element is
// taken as kept (its gradient is ograd * scale).
void dropout_backward(const OpCtx& c, const Attrs& a, const Blobs& in, const Blobs& out) {
  const bool active = dropout_active(c, a) && a.f("p") > 0;
  const double scale = active ? dropout_scale(a) : 1.0;
  float_grad("_backward_Dropout", in[0], in[1], in[2], out[0], [scale](auto x, auto y) {
    using C = decltype(x);
    return x != C(0) ? y / x : C(scale);
  });
}

OpDef& def_dropout(OpDef& op) {
  op.describe("Dropout: during training, zeroes elements with probability p and scales the others by 1/(1-p); "
              "the identity at inference.")
      .input("data");
  dropout_params(op);
  op.infer_shape_fn(shape_same)
      .infer_type_fn(type_same_float)
      .random()
      .cpu_fn(dropout_forward)
      .grad_fn([](GradGraph& g, const Attrs& a) {
        return GVals{g.op1("_backward_Dropout", {g.ograd(0), g.input(0), g.output(0)}, a.raw())};
      });
  OpDef& b = Registry::add("_backward_Dropout");
  b.describe("Gradient of Dropout.").input("ograd").input("data").input("output");
  dropout_params(b);
  b.infer_shape_fn(shape_same).infer_type_fn(type_same_float).cpu_fn(dropout_backward);
  return op;
}
static OpDef& dropout_op = def_dropout(Registry::add("Dropout"));

// ---------------------------------------------------------------- smooth_l1
// f(x) = 0.5 (s x)^2 if |x| < 1/s^2, else |x| - 0.5/s^2, with s = scalar.
MXL_OP(smooth_l1)
    .describe("Smooth L1 loss, elementwise: 0.5*(s*x)^2 where |x| < 1/s^2, else |x| - 0.5/s^2 (s = scalar).")
    .input("data")
    .param("scalar", PType::kFloat, "1", "The sigma parameter s.")
    .infer_shape_fn(shape_same)
    .infer_type_fn(type_same_float)
    .inplace(0, 0)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      const double s2 = a.f("scalar") * a.f("scalar");
      float_map("smooth_l1", in[0], out[0], [s2](auto x) {
        using C = decltype(x);
        const C ax = std::fabs(x);
        return ax < C(1 / s2) ? C(0.5 * s2) * x * x : ax - C(0.5 / s2);
      });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_smooth_l1", {g.ograd(0), g.input(0)}, a.raw())};
    });

MXL_OP(_backward_smooth_l1)
    .describe("Gradient of smooth_l1.")
    .input("ograd")
    .input("data")
    .param("scalar", PType::kFloat, "1", "The sigma parameter s.")
    .infer_shape_fn(shape_same)
    .infer_type_fn(type_same_float)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      const double s2 = a.f("scalar") * a.f("scalar");
      float_grad("_backward_smooth_l1", in[0], in[1], in[1], out[0], [s2](auto x, auto) {
        using C = decltype(x);
        return std::fabs(x) < C(1 / s2) ? C(s2) * x : C((x > C(0)) - (x < C(0)));
      });
    });

}  // namespace
}  // namespace mxl
