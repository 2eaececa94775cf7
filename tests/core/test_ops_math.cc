// Elementwise, broadcast, scalar, reduction, random and basic nn operators: values
// checked by hand (and against MXNet 1.9's documented behaviour), errors, and every
// registered gradient against central finite differences in float64.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "check.h"
#include "core/ndarray/ndarray.h"

using namespace mxl;
using Vec = std::vector<double>;

// ------------------------------------------------------------------ helpers
static NDArray arr(const Vec& v, Shape s, DType t = DType::f32) {
  NDArray a(s, t, Context::cpu());
  std::vector<char> buf(a.nbytes());
  MXL_TYPE_SWITCH(t, T, {
    T* p = reinterpret_cast<T*>(buf.data());
    for (size_t i = 0; i < v.size(); ++i) p[i] = T(v[i]);
  });
  a.sync_copy_from(buf.data(), buf.size());
  return a;
}

static double to_d(half h) { return double(float(h)); }
template <class T> static double to_d(T x) { return double(x); }

static Vec vals(const NDArray& a) {
  std::vector<char> buf(a.nbytes());
  a.sync_copy_to(buf.data(), buf.size());
  Vec v(size_t(a.size()));
  MXL_TYPE_SWITCH(a.dtype(), T, {
    const T* p = reinterpret_cast<const T*>(buf.data());
    for (size_t i = 0; i < v.size(); ++i) v[i] = to_d(p[i]);
  });
  return v;
}

static NDArray run(const std::string& op, const std::vector<NDArray>& in, const KV& kv = {}) {
  return invoke(op, in, kv)[0];
}

static bool near(const Vec& a, const Vec& b, double tol = 1e-5) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::isnan(a[i]) && std::isnan(b[i])) continue;
    if (std::isinf(a[i]) || std::isinf(b[i])) {
      if (a[i] != b[i]) return false;
      continue;
    }
    if (std::fabs(a[i] - b[i]) > tol * (1 + std::fabs(b[i]))) return false;
  }
  return true;
}

static void print(const char* what, const Vec& v) {
  std::printf("    %s:", what);
  for (double x : v) std::printf(" %.7g", x);
  std::printf("\n");
}

#define CHECK_VALS(arr_expr, ...)                 \
  do {                                           \
    Vec got_ = vals(arr_expr), want_ = __VA_ARGS__; \
    if (!near(got_, want_)) {                    \
      print("got ", got_);                       \
      print("want", want_);                      \
    }                                            \
    CHECK(near(got_, want_));                    \
  } while (0)

// Runs f (invoke + read) and checks it throws an Error with `code` whose message
// contains `needle`.
static bool throws(Err code, const std::string& needle, const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    bool ok = e.code == code && std::string(e.what()).find(needle) != std::string::npos;
    if (!ok) std::printf("    wrong error (code %d): %s\n", int(e.code), e.what());
    return ok;
  }
  std::printf("    no error thrown\n");
  return false;
}

// A gradient graph that evaluates each node at once (what autograd does).
struct EagerGraph : GradGraph {
  std::vector<NDArray> ins, outs, ograds, vals;
  GVal keep(const NDArray& a) {
    vals.push_back(a);
    return GVal{int(vals.size()) - 1};
  }
  GVal input(int i) override { return keep(ins[size_t(i)]); }
  GVal output(int i) override { return keep(outs[size_t(i)]); }
  GVal ograd(int i) override { return keep(ograds[size_t(i)]); }
  GVals op(const std::string& name, const GVals& in, const KV& params) override {
    std::vector<NDArray> a;
    for (GVal g : in) a.push_back(vals[size_t(g.id)]);
    GVals r;
    for (auto& o : invoke(name, a, params)) r.push_back(keep(o));
    return r;
  }
};

// Checks op's registered gradient for float64 inputs against central differences of
// sum(ograd * op(inputs)), ograd random. `skip` lists inputs not to check.
static bool grad_ok(const std::string& op, std::vector<NDArray> in, const KV& kv = {},
                    std::vector<int> skip = {}, double tol = 1e-5) {
  const OpDef& def = Registry::get(op);
  Attrs attrs = Attrs::parse(&def, kv);
  std::vector<NDArray> out = invoke(op, in, kv);
  std::mt19937 gen(42);
  std::uniform_real_distribution<double> u(-1, 1);
  EagerGraph g;
  g.ins = in;
  g.outs = out;
  Vec og0(size_t(out[0].size()));
  for (auto& v : og0) v = u(gen);
  g.ograds.push_back(arr(og0, out[0].shape(), out[0].dtype()));
  for (size_t i = 1; i < out.size(); ++i)  // other outputs: zero gradient
    g.ograds.push_back(arr(Vec(size_t(out[i].size()), 0.0), out[i].shape(), out[i].dtype()));
  GVals grads = def.grad(g, attrs);
  if (grads.size() != in.size()) {
    std::printf("    %s: %zu gradients for %zu inputs\n", op.c_str(), grads.size(), in.size());
    return false;
  }
  auto loss = [&](const std::vector<NDArray>& x) {
    Vec y = vals(invoke(op, x, kv)[0]);
    double s = 0;
    for (size_t k = 0; k < y.size(); ++k) s += og0[k] * y[k];
    return s;
  };
  bool ok = true;
  for (size_t i = 0; i < in.size(); ++i) {
    if (std::find(skip.begin(), skip.end(), int(i)) != skip.end() || !grads[i].valid()) continue;
    Vec analytic = vals(g.vals[size_t(grads[i].id)]);
    Vec x = vals(in[i]), numeric(x.size());
    for (size_t k = 0; k < x.size(); ++k) {
      const double h = 1e-6 * std::max(1.0, std::fabs(x[k]));
      std::vector<NDArray> xp = in, xm = in;
      Vec vp = x, vm = x;
      vp[k] += h;
      vm[k] -= h;
      xp[i] = arr(vp, in[i].shape(), in[i].dtype());
      xm[i] = arr(vm, in[i].shape(), in[i].dtype());
      numeric[k] = (loss(xp) - loss(xm)) / (2 * h);
    }
    if (!near(analytic, numeric, tol)) {
      std::printf("    %s: gradient of input %zu differs\n", op.c_str(), i);
      print("analytic", analytic);
      print("numeric ", numeric);
      ok = false;
    }
  }
  return ok;
}

static NDArray d64(const Vec& v, Shape s) { return arr(v, s, DType::f64); }

// The registered gradient of op at `in` for output gradient og (empty: no gradient).
static std::vector<Vec> eager_grad(const std::string& op, const std::vector<NDArray>& in, const KV& kv,
                                   const NDArray& og) {
  const OpDef& def = Registry::get(op);
  EagerGraph g;
  g.ins = in;
  g.outs = invoke(op, in, kv);
  g.ograds = {og};
  GVals r = def.grad(g, Attrs::parse(&def, kv));
  std::vector<Vec> res;
  for (GVal v : r) res.push_back(v.valid() ? vals(g.vals[size_t(v.id)]) : Vec());
  return res;
}

// ------------------------------------------------------------------ unary
TEST(unary_float_values) {
  NDArray x = arr({1.5, -2.5, 0.5, 0}, {4});
  CHECK_VALS(run("abs", {x}), {1.5, 2.5, 0.5, 0});
  CHECK_VALS(run("sign", {x}), {1, -1, 1, 0});
  CHECK_VALS(run("negative", {x}), {-1.5, 2.5, -0.5, 0});
  CHECK_VALS(run("square", {x}), {2.25, 6.25, 0.25, 0});
  CHECK_VALS(run("relu", {x}), {1.5, 0, 0.5, 0});
  CHECK_VALS(run("round", {arr({0.5, 1.5, 2.5, -0.5}, {4})}), {1, 2, 3, -1});
  CHECK_VALS(run("rint", {arr({0.5, 1.5, 2.5, -0.5}, {4})}), {0, 2, 2, -0.0});
  CHECK_VALS(run("fix", {arr({0.5, 1.5, -2.5, -0.5}, {4})}), {0, 1, -2, 0});
  CHECK_VALS(run("floor", {x}), {1, -3, 0, 0});
  CHECK_VALS(run("ceil", {x}), {2, -2, 1, 0});
  CHECK_VALS(run("gamma", {arr({0.5, 1.5, -2.5}, {3})}), {1.7724538, 0.88622693, -0.94530872});
  CHECK_VALS(run("gammaln", {arr({0.5, 1.5, -2.5}, {3})}), {0.57236494, -0.12078224, -0.05624372});
  CHECK_VALS(run("sigmoid", {arr({0}, {1})}), {0.5});
  CHECK_VALS(run("softsign", {arr({1, -3}, {2})}), {0.5, -0.75});
  CHECK_VALS(run("degrees", {arr({3.14159265358979}, {1})}), {180});
  CHECK_VALS(run("logical_not", {x}), {0, 0, 0, 1});
  CHECK_VALS(run("rsqrt", {arr({4}, {1})}), {0.5});
  CHECK_VALS(run("cbrt", {arr({-8}, {1})}), {-2});
  CHECK_VALS(run("expm1", {arr({1e-5}, {1})}), {1.0000050000166667e-05});
  CHECK_VALS(run("log", {arr({0}, {1}, DType::f16)}), {-INFINITY});
  CHECK_VALS(run("relu", {arr({NAN, 1}, {2})}), {NAN, 1});  // NaN propagates like MXNet
}

TEST(unary_integer_like_mxnet) {
  // MXNet computes float math on integer arrays and converts back (truncation;
  // NaN / out of range become INT_MIN, as an x86 cast gives).
  NDArray a = arr({1, 2, -3, 0}, {4}, DType::i32);
  CHECK(run("exp", {a}).dtype() == DType::i32);
  CHECK_VALS(run("exp", {a}), {2, 7, 0, 1});
  CHECK_VALS(run("log", {a}), {0, 0, double(INT32_MIN), double(INT32_MIN)});
  CHECK_VALS(run("sqrt", {a}), {1, 1, double(INT32_MIN), 0});
  CHECK_VALS(run("abs", {a}), {1, 2, 3, 0});
  CHECK_VALS(run("sign", {a}), {1, 1, -1, 0});
  CHECK_VALS(run("negative", {a}), {-1, -2, 3, 0});
  CHECK_VALS(run("reciprocal", {a}), {1, 0, 0, double(INT32_MIN)});
  CHECK_VALS(run("degrees", {a}), {57, 114, -171, 0});
  CHECK_VALS(run("cbrt", {a}), {1, 1, -1, 0});
  CHECK_VALS(run("negative", {arr({1, 0}, {2}, DType::u8)}), {255, 0});
  CHECK_VALS(run("square", {arr({20, 0}, {2}, DType::u8)}), {144, 0});
  CHECK_VALS(run("exp", {arr({1, 200}, {2}, DType::u8)}), {2, 0});
  CHECK_VALS(run("exp", {arr({1}, {1}, DType::i64)}), {2});
  CHECK(throws(Err::kDType, "relu", [] { run("relu", {arr({1, 0}, {2}, DType::b8)}); }));
}

TEST(copy_cast_clip_like) {
  NDArray x = arr({1.5, -2, 0}, {3});
  CHECK_VALS(run("identity", {x}), {1.5, -2, 0});
  CHECK_VALS(run("stop_gradient", {x}), {1.5, -2, 0});
  CHECK_VALS(run("zeros_like", {x}), {0, 0, 0});
  NDArray o = run("ones_like", {arr({1, 0}, {2}, DType::b8)});
  CHECK(o.dtype() == DType::b8);
  CHECK_VALS(o, {1, 1});
  NDArray c = run("Cast", {arr({1.5, 0, -2}, {3})}, {{"dtype", "uint8"}});
  CHECK(c.dtype() == DType::u8);
  CHECK_VALS(c, {1, 0, 254});
  CHECK_VALS(run("cast", {arr({300, -1}, {2})}, {{"dtype", "int8"}}), {44, -1});
  CHECK_VALS(run("Cast", {arr({NAN, 1e20}, {2})}, {{"dtype", "int32"}}), {double(INT32_MIN), double(INT32_MIN)});
  CHECK_VALS(run("Cast", {arr({1.5, 0, -2}, {3})}, {{"dtype", "bool"}}), {1, 0, 1});
  CHECK_VALS(run("clip", {arr({1, 5, 9}, {3}, DType::i32)}, {{"a_min", "2.5"}, {"a_max", "7.5"}}), {2, 5, 7});
  CHECK_VALS(run("clip", {arr({1, 1}, {2})}, {{"a_min", "3"}, {"a_max", "1"}}), {3, 3});  // MXNet's order
  CHECK(throws(Err::kInvalidArgument, "a_min", [] { run("clip", {arr({1}, {1})}, {{"a_max", "1"}}); }));
}

TEST(unary_gradients) {
  const char* ops[] = {"abs", "negative", "reciprocal", "square", "sqrt", "rsqrt", "cbrt", "exp", "log", "log2",
                       "log10", "log1p", "expm1", "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh",
                       "cosh", "tanh", "arcsinh", "arctanh", "degrees", "radians", "relu", "sigmoid",
                       "softsign", "erf", "gamma", "gammaln"};
  for (const char* op : ops) CHECK(grad_ok(op, {d64({0.3, 0.55, 0.8, 0.25, 0.45, 0.7}, {2, 3})}));
  for (const char* op : {"abs", "sign", "negative", "square", "relu", "sigmoid", "softsign", "tanh", "floor", "round"})
    CHECK(grad_ok(op, {d64({-0.7, 0.3, -1.2, 1.4}, {4})}));
  CHECK(grad_ok("arccosh", {d64({1.5, 2.5, 3}, {3})}));
  CHECK(grad_ok("clip", {d64({-2, -0.5, 0.5, 2}, {4})}, {{"a_min", "-1"}, {"a_max", "1"}}));
  CHECK(grad_ok("_copy", {d64({1, 2}, {2})}));
  CHECK_VALS(run("_backward_clip", {arr({1, 1, 1, 1}, {4}), arr({-1, 0.5, 1, 2}, {4})},
                 {{"a_min", "-1"}, {"a_max", "1"}}),
             {1, 1, 1, 0});
}

TEST(cast_gradient_returns_input_dtype) {
  NDArray x = arr({1, 2}, {2});
  EagerGraph g;
  g.ins = {x};
  g.outs = {run("Cast", {x}, {{"dtype", "float64"}})};
  g.ograds = {arr({3, 4}, {2}, DType::f64)};
  const OpDef& def = Registry::get("Cast");
  GVals r = def.grad(g, Attrs::parse(&def, {{"dtype", "float64"}}));
  CHECK(g.vals[size_t(r[0].id)].dtype() == DType::f32);
  CHECK_VALS(g.vals[size_t(r[0].id)], {3, 4});
}

// ------------------------------------------------------------------ binary
TEST(binary_same_shape) {
  NDArray a = arr({1, 2, 3, 4}, {2, 2}), b = arr({4, 3, 2, 1}, {2, 2});
  CHECK_VALS(run("elemwise_add", {a, b}), {5, 5, 5, 5});
  CHECK_VALS(run("_plus", {a, b}), {5, 5, 5, 5});
  CHECK_VALS(run("elemwise_sub", {a, b}), {-3, -1, 1, 3});
  CHECK_VALS(run("elemwise_mul", {a, b}), {4, 6, 6, 4});
  CHECK_VALS(run("elemwise_div", {a, b}), {0.25, 2.0 / 3, 1.5, 4});
  CHECK_VALS(run("_power", {a, b}), {1, 8, 9, 4});
  CHECK_VALS(run("_maximum", {a, b}), {4, 3, 3, 4});
  CHECK_VALS(run("_minimum", {a, b}), {1, 2, 2, 1});
  CHECK_VALS(run("_hypot", {arr({3, 0}, {2}), arr({4, 1}, {2})}), {5, 1});
  CHECK_VALS(run("_equal", {a, b}), {0, 0, 0, 0});
  CHECK_VALS(run("_greater", {a, b}), {0, 0, 1, 1});
  CHECK_VALS(run("_lesser_equal", {a, b}), {1, 1, 0, 0});
  CHECK_VALS(run("_logical_and", {arr({3, 0}, {2}), arr({1, 1}, {2})}), {1, 0});
  CHECK_VALS(run("_logical_xor", {arr({3, 0}, {2}), arr({1, 1}, {2})}), {0, 1});
  CHECK_VALS(run("_maximum", {arr({NAN, 1, 2}, {3}), arr({1, NAN, 1}, {3})}), {NAN, NAN, 2});
  // Python-style modulo; float x % 0 is 0 like MXNet.
  CHECK_VALS(run("_mod", {arr({-7.5, 7.5, 7, 7}, {4}), arr({2, -2, 0, 3}, {4})}), {0.5, -0.5, 0, 1});
  NDArray ia = arr({-7, 7, -7, 7}, {4}, DType::i32), ib = arr({2, 2, 3, -3}, {4}, DType::i32);
  CHECK_VALS(run("elemwise_div", {ia, ib}), {-3, 3, -2, -2});
  CHECK_VALS(run("_mod", {ia, ib}), {1, 1, 2, -2});
  CHECK_VALS(run("_equal", {ia, ib}), {0, 0, 0, 0});
  CHECK(run("_equal", {ia, ib}).dtype() == DType::i32);
  CHECK_VALS(run("_equal", {arr({1, 0}, {2}, DType::b8), arr({1, 1}, {2}, DType::b8)}), {1, 0});
}

TEST(binary_errors) {
  CHECK(throws(Err::kDType, "elemwise_add", [] { run("elemwise_add", {arr({1}, {1}), arr({1}, {1}, DType::i32)}); }));
  CHECK(throws(Err::kDType, "int32", [] { run("broadcast_add", {arr({1}, {1}), arr({1}, {1}, DType::i32)}); }));
  CHECK(throws(Err::kShape, "elemwise_add", [] { run("elemwise_add", {arr({1, 2}, {2}), arr({1, 2, 3}, {3})}); }));
  CHECK(throws(Err::kShape, "broadcast", [] { run("broadcast_add", {arr(Vec(6, 1), {2, 3}), arr({1, 2}, {2})}); }));
  CHECK(throws(Err::kArithmetic, "integer division by zero", [] {
    vals(run("elemwise_div", {arr({7}, {1}, DType::i32), arr({0}, {1}, DType::i32)}));
  }));
  CHECK(throws(Err::kArithmetic, "_mod: integer division by zero", [] {
    vals(run("_mod", {arr({7}, {1}, DType::i64), arr({0}, {1}, DType::i64)}));
  }));
  CHECK(throws(Err::kArithmetic, "integer division by zero", [] {
    vals(run("_div_scalar", {arr({7}, {1}, DType::i32)}, {{"scalar", "0.5"}}));  // 0.5 -> 0 in int32
  }));
  CHECK(throws(Err::kArithmetic, "integer division by zero", [] {
    vals(run("_rmod_scalar", {arr({7, 0}, {2}, DType::u8)}, {{"scalar", "3"}}));
  }));
  CHECK(throws(Err::kDType, "bool", [] { run("elemwise_add", {arr({1}, {1}, DType::b8), arr({1}, {1}, DType::b8)}); }));
  CHECK(throws(Err::kNotFound, "scalar2", [] { run("_plus_scalar", {arr({1}, {1})}, {{"scalar2", "1"}}); }));
}

TEST(broadcast_patterns) {
  NDArray m = arr({1, 2, 3, 4, 5, 6}, {2, 3});
  CHECK_VALS(run("broadcast_add", {m, arr({10, 20, 30}, {3})}), {11, 22, 33, 14, 25, 36});     // row
  CHECK_VALS(run("broadcast_plus", {m, arr({10, 20}, {2, 1})}), {11, 12, 13, 24, 25, 26});     // column
  CHECK_VALS(run("broadcast_sub", {arr({5}, {1}), m}), {4, 3, 2, 1, 0, -1});                  // scalar-sized
  CHECK_VALS(run("broadcast_mul", {arr({1, 2}, {2, 1}), arr({1, 10, 100}, {1, 3})}), {1, 10, 100, 2, 20, 200});
  NDArray r = run("broadcast_maximum", {arr({1, 5}, {2, 1, 1}), arr({2, 3, 4, 6, 0, 1}, {1, 3, 2})});
  CHECK(r.shape() == Shape({2, 3, 2}));
  CHECK_VALS(r, {2, 3, 4, 6, 1, 1, 5, 5, 5, 6, 5, 5});
  CHECK_VALS(run("broadcast_greater_equal", {m, arr({3}, {1})}), {0, 0, 1, 1, 1, 1});
  // A middle-axis broadcast, and a large row broadcast that runs in parallel.
  Vec big(3 * 40000), want(big.size());
  for (size_t i = 0; i < big.size(); ++i) big[i] = double(i % 977);
  Vec row(40000);
  for (size_t j = 0; j < row.size(); ++j) row[j] = double(j % 13);
  for (size_t i = 0; i < big.size(); ++i) want[i] = big[i] * row[i % 40000];
  CHECK_VALS(run("broadcast_mul", {arr(big, {3, 40000}), arr(row, {40000})}), want);
  CHECK_VALS(run("broadcast_div", {arr({2, 4, 6, 8}, {2, 1, 2}), arr({1, 2}, {1, 2, 1})}),
             {2, 4, 1, 2, 6, 8, 3, 4});
}

TEST(broadcast_to_like_axis) {
  NDArray r = run("broadcast_to", {arr({1, 2}, {1, 2})}, {{"shape", "(3, 0)"}});
  CHECK(r.shape() == Shape({3, 2}));
  CHECK_VALS(r, {1, 2, 1, 2, 1, 2});
  CHECK(throws(Err::kShape, "broadcast_to",
               [] { run("broadcast_to", {arr(Vec(6, 1), {2, 3})}, {{"shape", "(4,3)"}}); }));
  NDArray l = run("broadcast_like", {arr({1, 2, 3}, {1, 3}), arr(Vec(6, 0), {2, 3})});
  CHECK_VALS(l, {1, 2, 3, 1, 2, 3});
  NDArray la = run("broadcast_like", {arr({1, 2, 3}, {1, 3}), arr(Vec(10, 0), {2, 5})},
                   {{"lhs_axes", "(0,)"}, {"rhs_axes", "(0,)"}});
  CHECK(la.shape() == Shape({2, 3}));
  NDArray ax = run("broadcast_axes", {arr({1, 2, 3}, {1, 3, 1})}, {{"axis", "(0, 2)"}, {"size", "(2, 2)"}});
  CHECK(ax.shape() == Shape({2, 3, 2}));
  CHECK_VALS(ax, {1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3});
  CHECK(throws(Err::kShape, "size 1",
               [] { run("broadcast_axis", {arr({1, 2, 3}, {1, 3, 1})}, {{"axis", "1"}, {"size", "2"}}); }));
  CHECK(grad_ok("broadcast_to", {d64({1, 2, 3}, {1, 3})}, {{"shape", "(2, 3)"}}));
  CHECK(grad_ok("broadcast_axis", {d64({1, 2, 3}, {1, 3, 1})}, {{"axis", "(0, 2)"}, {"size", "(2, 4)"}}));
  CHECK(grad_ok("broadcast_like", {d64({1, 2, 3}, {1, 3}), d64(Vec(6, 0), {2, 3})}, {}, {1}));
}

TEST(scalar_ops) {
  NDArray a = arr({3, 2}, {2}, DType::i32);
  CHECK_VALS(run("_plus_scalar", {a}, {{"scalar", "2.5"}}), {5, 4});  // scalar cast to int32 first
  NDArray f = run("_plus_scalar", {a}, {{"scalar", "2.5"}, {"is_int", "False"}});
  CHECK(f.dtype() == DType::f64);
  CHECK_VALS(f, {5.5, 4.5});
  NDArray bo = run("_plus_scalar", {arr({1, 0}, {2}, DType::b8)}, {{"scalar", "2"}});
  CHECK(bo.dtype() == DType::i64);
  CHECK_VALS(bo, {3, 2});
  CHECK_VALS(run("_rdiv_scalar", {a}, {{"scalar", "7"}}), {2, 3});
  CHECK_VALS(run("_rmod_scalar", {arr({3, -2}, {2}, DType::i32)}, {{"scalar", "7"}}), {1, -1});
  CHECK_VALS(run("_rpower_scalar", {a}, {{"scalar", "2"}}), {8, 4});
  CHECK_VALS(run("_power_scalar", {a}, {{"scalar", "2.5"}}), {9, 4});
  CHECK_VALS(run("_power_scalar", {arr({3, 2}, {2})}, {{"scalar", "2.5"}}), {15.588457, 5.656854});
  CHECK_VALS(run("_hypot_scalar", {a}, {{"scalar", "4"}}), {5, 4});
  CHECK_VALS(run("_maximum_scalar", {a}, {{"scalar", "2.5"}, {"is_int", "0"}}), {3, 2.5});
  CHECK_VALS(run("_greater_scalar", {arr({3, 2}, {2}, DType::f16)}, {{"scalar", "2.5"}}), {1, 0});
  CHECK_VALS(run("_rminus_scalar", {arr({1, 2}, {2})}, {{"scalar", "10"}}), {9, 8});
  CHECK_VALS(run("_minus_scalar", {arr({1, 2}, {2})}), {0, 1});  // scalar defaults to 1
  CHECK_VALS(run("_MulScalar", {arr({1, 2}, {2})}, {{"scalar", "3"}}), {3, 6});
  CHECK_VALS(run("_lesser_equal_scalar", {arr({1, 2, 3}, {3})}, {{"scalar", "2"}}), {1, 1, 0});
  CHECK_VALS(run("_logical_or_scalar", {arr({0, 2}, {2})}, {{"scalar", "0"}}), {0, 1});
}

TEST(binary_gradients) {
  NDArray a = d64({0.5, 1.5, 2.5, 0.7, 1.1, 1.9}, {2, 3}), b = d64({1.2, 0.4, 2.2, 1.6, 0.9, 0.3}, {2, 3});
  for (const char* op : {"elemwise_add", "elemwise_sub", "elemwise_mul", "elemwise_div", "_mod", "_power",
                         "_maximum", "_minimum", "_hypot"})
    CHECK(grad_ok(op, {a, b}));
  NDArray r = d64({1.3, 0.6, 2.1}, {3}), c = d64({0.8, 1.7}, {2, 1});
  for (const char* op : {"broadcast_add", "broadcast_sub", "broadcast_mul", "broadcast_div", "broadcast_mod",
                         "broadcast_power", "broadcast_maximum", "broadcast_minimum", "broadcast_hypot"}) {
    CHECK(grad_ok(op, {a, r}));
    CHECK(grad_ok(op, {c, r}));
    CHECK(grad_ok(op, {c, a}));
  }
  for (const char* op : {"_plus_scalar", "_minus_scalar", "_rminus_scalar", "_mul_scalar", "_div_scalar",
                         "_rdiv_scalar", "_mod_scalar", "_rmod_scalar", "_power_scalar", "_rpower_scalar",
                         "_maximum_scalar", "_minimum_scalar", "_hypot_scalar"})
    CHECK(grad_ok(op, {a}, {{"scalar", "1.3"}}));
  for (const char* op : {"broadcast_equal", "_greater", "_logical_xor"}) CHECK(grad_ok(op, {a, op[0] == '_' ? b : r}));
  CHECK(grad_ok("_lesser_scalar", {a}, {{"scalar", "1.3"}}));
}

// ------------------------------------------------------------------ reduce
TEST(reductions) {
  NDArray m = arr({1, 2, 3, 4, 5, 6}, {2, 3});
  NDArray s = run("sum", {m});
  CHECK(s.shape() == Shape({1}));  // MXNet 1.x: full reductions give (1,)
  CHECK_VALS(s, {21});
  CHECK_VALS(run("sum", {m}, {{"axis", "0"}}), {5, 7, 9});
  CHECK_VALS(run("sum_axis", {m}, {{"axis", "-1"}}), {6, 15});
  CHECK_VALS(run("sum", {m}, {{"axis", "0"}, {"exclude", "True"}}), {6, 15});
  CHECK(run("sum", {m}, {{"axis", "(0,1)"}, {"keepdims", "True"}}).shape() == Shape({1, 1}));
  CHECK_VALS(run("mean", {m}, {{"axis", "1"}}), {2, 5});
  CHECK_VALS(run("prod", {m}, {{"axis", "1"}}), {6, 120});
  CHECK_VALS(run("max", {m}, {{"axis", "0"}}), {4, 5, 6});
  CHECK_VALS(run("min_axis", {m}, {{"axis", "1"}}), {1, 4});
  CHECK_VALS(run("max", {arr({1, NAN, 3}, {3})}), {NAN});
  CHECK_VALS(run("nansum", {arr({1, NAN, 3, 4}, {2, 2})}, {{"axis", "1"}}), {1, 7});
  CHECK_VALS(run("nanprod", {arr({1, NAN, 3, 4}, {2, 2})}, {{"axis", "1"}}), {1, 12});
  CHECK_VALS(run("norm", {arr({1, 2, 3, 4}, {2, 2})}, {{"axis", "1"}}), {2.2360680, 5});
  CHECK_VALS(run("norm", {arr({1, 2, 3, 4}, {2, 2})}), {5.4772256});
  CHECK_VALS(run("norm", {arr({1.5, -2.5, 0.5, 0}, {4})}, {{"ord", "1"}}), {4.5});
  NDArray n64 = run("norm", {arr({3, 4}, {2})}, {{"out_dtype", "float64"}});
  CHECK(n64.dtype() == DType::f64);
  CHECK_VALS(n64, {5});
  CHECK_VALS(run("sum", {arr({200, 100}, {2}, DType::u8)}), {44});  // wraps in the dtype
  CHECK_VALS(run("mean", {arr({1, 2, 4}, {3}, DType::i32)}), {2});
  CHECK_VALS(run("norm", {arr({1, 2, -3, 0}, {4}, DType::i32)}), {3});
  CHECK_VALS(run("sum", {arr({1, 1, 0}, {3}, DType::b8)}), {1});
  CHECK_VALS(run("sum", {arr(Vec(6000, 1), {6000}, DType::f16)}), {6000});  // accumulates in float
  // Middle axes, kept inner axis, several reduced runs.
  Vec v(2 * 3 * 4 * 5);
  for (size_t i = 0; i < v.size(); ++i) v[i] = double(i);
  NDArray t = arr(v, {2, 3, 4, 5});
  Vec w02(12, 0), w13(10, 0), w1(40, 0);
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 3; ++b)
      for (int c = 0; c < 4; ++c)
        for (int d = 0; d < 5; ++d) {
          double x = v[size_t(((a * 3 + b) * 4 + c) * 5 + d)];
          w02[size_t(b * 4 + c)] += x;
          w13[size_t(a * 5 + d)] += x;
          w1[size_t((a * 4 + c) * 5 + d)] += x;
        }
  for (auto& x : w02) x /= 10;
  CHECK_VALS(run("mean", {t}, {{"axis", "(0, 3)"}}), w02);
  CHECK_VALS(run("sum", {t}, {{"axis", "(1, 2)"}}), w13);
  CHECK_VALS(run("sum", {t}, {{"axis", "1"}}), w1);
  CHECK(throws(Err::kInvalidArgument, "twice", [] { run("sum", {arr(Vec(6, 1), {2, 3})}, {{"axis", "(0,0)"}}); }));
  CHECK(throws(Err::kInvalidArgument, "out of range", [] { run("sum", {arr(Vec(6, 1), {2, 3})}, {{"axis", "5"}}); }));
  CHECK(throws(Err::kInvalidArgument, "ord", [] { run("norm", {arr({1}, {1})}, {{"ord", "3"}}); }));
  CHECK(throws(Err::kInvalidArgument, "zero-size", [] { run("max", {arr({}, {2, 0})}, {{"axis", "1"}}); }));
  CHECK_VALS(run("sum", {arr({}, {2, 0})}, {{"axis", "1"}}), {0, 0});
}

TEST(sum_accuracy_and_parallel_paths) {
  // 3M float32 values of 0.1: naive float accumulation drifts by ~1%; pairwise does not.
  const int64_t n = 3000000;
  NDArray x = run("_plus_scalar", {run("zeros_like", {arr(Vec(size_t(n), 0), {n})})}, {{"scalar", "0.1"}});
  double s = vals(run("sum", {x}))[0];
  CHECK(std::fabs(s - 0.1f * double(n)) < 1e-4 * double(n) * 0.1);
  // Rows (last axis reduced) and columns (first axis reduced) of a big matrix.
  NDArray m = run("_plus_scalar", {run("zeros_like", {arr(Vec(2000 * 1500, 0), {2000, 1500})})}, {{"scalar", "0.5"}});
  Vec rows = vals(run("sum", {m}, {{"axis", "1"}})), cols = vals(run("sum", {m}, {{"axis", "0"}}));
  CHECK(rows.size() == 2000 && cols.size() == 1500);
  CHECK(near(rows, Vec(2000, 750.0)) && near(cols, Vec(1500, 1000.0)));
}

TEST(argmax_argmin) {
  NDArray m = arr({1, 5, 5, 7, 7, 2}, {2, 3});
  CHECK_VALS(run("argmax", {m}, {{"axis", "1"}}), {1, 0});
  NDArray k = run("argmin", {m}, {{"axis", "1"}, {"keepdims", "True"}});
  CHECK(k.shape() == Shape({2, 1}));
  CHECK_VALS(k, {0, 2});
  NDArray f = run("argmax", {m});
  CHECK(f.shape() == Shape({1}));
  CHECK_VALS(f, {3});
  CHECK_VALS(run("argmax", {arr({1, NAN, 5, 7, 7, 2}, {2, 3})}, {{"axis", "1"}}), {1, 0});
  CHECK_VALS(run("argmax", {arr({1, 5, 7, 3}, {2, 2})}, {{"axis", "0"}}), {1, 0});
  NDArray ci = run("argmax", {arr({1, 2, 3}, {3}, DType::i32)});
  CHECK(ci.dtype() == DType::i32);
  CHECK_VALS(run("argmax_channel", {arr({0, 1, 2, 3, 4, 5}, {2, 3})}), {2, 2});
  NDArray ch = run("argmax_channel", {arr({0, 5, 2, 3, 4, 1}, {1, 3, 2})});  // axis 1, like MXNet
  CHECK(ch.shape() == Shape({1, 2}));
  CHECK_VALS(ch, {2, 0});
  CHECK(throws(Err::kInvalidArgument, "axis 2", [] { run("argmax", {arr(Vec(6, 1), {2, 3})}, {{"axis", "2"}}); }));
}

TEST(reduction_gradients) {
  NDArray x = d64({0.5, 1.5, -2.5, 0.7, 1.1, -1.9, 0.3, 2.2, 1.4, -0.6, 0.9, 1.7}, {2, 3, 2});
  for (const char* op : {"sum", "mean", "prod", "max", "min", "nansum", "nanprod"}) {
    CHECK(grad_ok(op, {x}));
    CHECK(grad_ok(op, {x}, {{"axis", "1"}}));
    CHECK(grad_ok(op, {x}, {{"axis", "(0, 2)"}, {"keepdims", "True"}}));
    CHECK(grad_ok(op, {x}, {{"axis", "1"}, {"exclude", "True"}}));
  }
  CHECK(grad_ok("norm", {x}));
  CHECK(grad_ok("norm", {x}, {{"axis", "(1,)"}, {"ord", "1"}}));
  CHECK(grad_ok("norm", {x}, {{"axis", "2"}, {"keepdims", "True"}}));
  CHECK(near(eager_grad("norm", {arr({3, 4}, {2})}, {{"out_dtype", "float64"}}, arr({1}, {1}, DType::f64))[0],
             {0.6, 0.8}));
  CHECK(grad_ok("argmax", {x}, {{"axis", "1"}}));  // zero, and so is the numeric gradient
}

// ------------------------------------------------------------------ random
TEST(random_reproducible) {
  auto draw = [](const std::string& op, KV kv) {
    random_seed(7, -1, 0);
    return vals(run(op, {}, kv));
  };
  for (const char* op :
       {"_random_uniform", "_random_normal", "_random_exponential", "_random_gamma", "_random_poisson"}) {
    Vec a = draw(op, {{"shape", "(3, 70000)"}}), b = draw(op, {{"shape", "(3, 70000)"}});
    CHECK(a == b);
    Vec c = vals(run(op, {}, {{"shape", "(3, 70000)"}}));
    CHECK(a != c);  // the stream moves on
  }
  random_seed(7, -1, 0);
  Vec u = vals(run("uniform", {}, {{"low", "2"}, {"high", "3"}, {"shape", "(100000,)"}}));
  double mean = 0, lo = 1e9, hi = -1e9;
  for (double v : u) { mean += v; lo = std::min(lo, v); hi = std::max(hi, v); }
  mean /= double(u.size());
  CHECK(std::fabs(mean - 2.5) < 0.01 && lo >= 2 && hi < 3);
  auto moments = [](const Vec& v, double* m, double* var) {
    *m = 0;
    for (double x : v) *m += x;
    *m /= double(v.size());
    *var = 0;
    for (double x : v) *var += (x - *m) * (x - *m);
    *var /= double(v.size());
  };
  double m, var;
  moments(vals(run("normal", {}, {{"loc", "1"}, {"scale", "2"}, {"shape", "(200000,)"}})), &m, &var);
  CHECK(std::fabs(m - 1) < 0.02 && std::fabs(var - 4) < 0.1);
  moments(vals(run("_random_exponential", {}, {{"lam", "4"}, {"shape", "(200000,)"}})), &m, &var);
  CHECK(std::fabs(m - 0.25) < 0.005);
  moments(vals(run("_random_gamma", {}, {{"alpha", "0.5"}, {"beta", "2"}, {"shape", "(200000,)"}})), &m, &var);
  CHECK(std::fabs(m - 1) < 0.02 && std::fabs(var - 2) < 0.1);
  moments(vals(run("_random_gamma", {}, {{"alpha", "3"}, {"beta", "1"}, {"shape", "(200000,)"}})), &m, &var);
  CHECK(std::fabs(m - 3) < 0.03 && std::fabs(var - 3) < 0.1);
  moments(vals(run("_random_poisson", {}, {{"lam", "3"}, {"shape", "(200000,)"}})), &m, &var);
  CHECK(std::fabs(m - 3) < 0.03 && std::fabs(var - 3) < 0.1);
  moments(vals(run("_random_poisson", {}, {{"lam", "50"}, {"shape", "(200000,)"}})), &m, &var);
  CHECK(std::fabs(m - 50) < 0.2 && std::fabs(var - 50) < 1.5);
  NDArray ri = run("random_randint", {}, {{"low", "-3"}, {"high", "5"}, {"shape", "(10000,)"}});
  CHECK(ri.dtype() == DType::i32);
  Vec r = vals(ri);
  CHECK(*std::min_element(r.begin(), r.end()) == -3 && *std::max_element(r.begin(), r.end()) == 4);
  CHECK(run("_random_uniform", {}, {{"dtype", "float64"}, {"shape", "(2,)"}}).dtype() == DType::f64);
  CHECK(run("_random_normal", {}, {}).shape() == Shape({1}));
  CHECK(throws(Err::kInvalidArgument, "low", [] { vals(run("_random_randint", {}, {{"low", "5"}, {"high", "5"}})); }));
  CHECK(throws(Err::kInvalidArgument, "high", [] { run("_random_randint", {}, {{"low", "5"}}); }));
}

// ------------------------------------------------------------------ nn
TEST(activations) {
  NDArray x = arr({1, -1}, {2});
  CHECK_VALS(run("Activation", {x}, {{"act_type", "softrelu"}}), {1.3132616, 0.3132617});
  CHECK_VALS(run("Activation", {x}, {{"act_type", "relu"}}), {1, 0});
  CHECK_VALS(run("LeakyReLU", {x}, {{"act_type", "gelu"}}), {0.8413447, -0.1586553});
  CHECK_VALS(run("LeakyReLU", {x}, {{"act_type", "elu"}}), {1, -0.15803013});
  CHECK_VALS(run("LeakyReLU", {x}, {{"act_type", "selu"}}), {1.0507010, -1.1113307});
  CHECK_VALS(run("LeakyReLU", {x}), {1, -0.25});
  CHECK(throws(Err::kInvalidArgument, "act_type", [&] { run("Activation", {x}); }));
  CHECK(throws(Err::kDType, "int32", [] { run("Activation", {arr({1}, {1}, DType::i32)}, {{"act_type", "relu"}}); }));
  NDArray pre = run("LeakyReLU",
                    {arr({-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5}, {2, 3, 2}), arr({0.1, 0.2, 0.3}, {3})},
                    {{"act_type", "prelu"}});
  CHECK_VALS(pre, {-0.6, -0.5, -0.8, -0.6, -0.6, -0.3, 0, 1, 2, 3, 4, 5});
  NDArray y = d64({0.5, -1.5, 2.5, -0.7, 1.1, -1.9}, {2, 3});
  for (const char* t : {"relu", "sigmoid", "tanh", "softrelu", "softsign"})
    CHECK(grad_ok("Activation", {y}, {{"act_type", t}}));
  for (const char* t : {"leaky", "elu", "selu", "gelu"}) CHECK(grad_ok("LeakyReLU", {y}, {{"act_type", t}}));
  CHECK(grad_ok("LeakyReLU", {d64({-6, -5, -4, -3, -2, -1, 0.5, 1, 2, 3, 4, 5}, {2, 3, 2}), d64({0.1, 0.2, 0.3}, {3})},
                {{"act_type", "prelu"}}));
  CHECK(grad_ok("LeakyReLU", {y, d64({0.3}, {1})}, {{"act_type", "prelu"}}));
  CHECK(grad_ok("smooth_l1", {d64({0.1, -3, 0.3, 0.2, -0.05}, {5})}, {{"scalar", "2"}}));
  CHECK_VALS(run("smooth_l1", {arr({0.1, -3}, {2})}, {{"scalar", "2"}}), {0.02, 2.875});
  CHECK_VALS(run("smooth_l1", {arr({0.1, -3}, {2})}), {0.005, 2.5});
}

TEST(softmax_family) {
  CHECK_VALS(run("softmax", {arr({1, 2, 3}, {3})}, {{"temperature", "2"}}), {0.18632372, 0.30719589, 0.50648039});
  CHECK_VALS(run("log_softmax", {arr({1, 2, 3}, {3})}), {-2.4076059, -1.4076059, -0.4076059});
  CHECK_VALS(run("softmin", {arr({1, 2}, {2})}), {0.73105858, 0.26894142});
  NDArray h = run("softmax", {arr({1, 2, 3}, {3}, DType::f16)}, {{"dtype", "float32"}});
  CHECK(h.dtype() == DType::f32);
  CHECK_VALS(run("softmax", {arr({0, 1, 2, 3}, {2, 2})}, {{"axis", "0"}}),
             {0.11920292, 0.11920292, 0.88079708, 0.88079708});
  CHECK_VALS(run("SoftmaxActivation", {arr({0, 1, 2, 3, 4, 5, 6, 7}, {2, 2, 2})}, {{"mode", "channel"}}),
             {0.11920292, 0.11920292, 0.88079708, 0.88079708, 0.11920292, 0.11920292, 0.88079708, 0.88079708});
  CHECK_VALS(run("SoftmaxActivation", {arr({0, 1, 2, 3}, {2, 2})}), {0.26894142, 0.73105858, 0.26894142, 0.73105858});
  CHECK_VALS(run("SoftmaxActivation", {arr({0, 1, 2, 3, 4, 5, 6, 7}, {2, 2, 2})}),  // over the last axis
             {0.26894142, 0.73105858, 0.26894142, 0.73105858, 0.26894142, 0.73105858, 0.26894142, 0.73105858});
  CHECK(throws(Err::kShape, "channel", [] { run("SoftmaxActivation", {arr({1, 2}, {1, 2})}, {{"mode", "channel"}}); }));
  CHECK(throws(Err::kDType, "softmax", [] { run("softmax", {arr({1, 2}, {2}, DType::i32)}); }));
  NDArray x = d64({0.5, -1.5, 2.5, -0.7, 1.1, -1.9, 0.3, 0.8}, {2, 2, 2});
  for (const char* op : {"softmax", "log_softmax", "softmin"}) {
    CHECK(grad_ok(op, {x}));
    CHECK(grad_ok(op, {x}, {{"axis", "1"}, {"temperature", "0.7"}}));
    CHECK(grad_ok(op, {x}, {{"axis", "0"}}));
  }
  // dtype=float64 on float32 data: the gradient comes back as float32 with the same values.
  NDArray og = arr({0.3, -0.2, 0.9}, {3}, DType::f64);
  Vec g32 = eager_grad("softmax", {arr({0.5, -1.5, 2.5}, {3})}, {{"dtype", "float64"}}, og)[0];
  Vec g64 = eager_grad("softmax", {d64({0.5, -1.5, 2.5}, {3})}, {}, og)[0];
  CHECK(near(g32, g64));
  CHECK(grad_ok("SoftmaxActivation", {x}));
  CHECK(grad_ok("SoftmaxActivation", {x}, {{"mode", "channel"}}));
}

// Gradient of a loss-output op (which ignores ograd: 5 is passed) with its label.
static Vec loss_grad(const std::string& op, const std::vector<NDArray>& in, const KV& kv) {
  NDArray y = invoke(op, in, kv)[0];
  std::vector<Vec> r = eager_grad(op, in, kv, arr(Vec(size_t(y.size()), 5.0), y.shape()));
  CHECK(r.size() == 2 && r[1].empty());  // nothing flows to the label
  return r[0];
}

TEST(softmax_output_and_regression) {
  NDArray d = arr({1, 2, 3, 1, 1, 1}, {2, 3}), l = arr({2, 0}, {2});
  CHECK_VALS(run("SoftmaxOutput", {d, l}), {0.09003057, 0.24472847, 0.66524096, 1. / 3, 1. / 3, 1. / 3});
  CHECK(near(loss_grad("Softmax", {d, l}, {}), {0.0900306, 0.2447285, -0.3347590, -0.6666667, 0.3333333, 0.3333333}));
  CHECK(near(loss_grad("SoftmaxOutput", {d, l}, {{"normalization", "batch"}}),
             {0.0450153, 0.1223642, -0.1673795, -0.3333333, 0.1666667, 0.1666667}));
  CHECK(near(loss_grad("SoftmaxOutput", {d, l}, {{"use_ignore", "1"}, {"ignore_label", "0"}, {"grad_scale", "2"}}),
             {0.1800611, 0.4894569, -0.6695181, 0, 0, 0}));
  CHECK(near(loss_grad("SoftmaxOutput", {d, l}, {{"normalization", "valid"}, {"ignore_label", "0"}}),
             {0.0900306, 0.2447285, -0.3347590, -0.6666667, 0.3333333, 0.3333333}));
  CHECK(near(loss_grad("SoftmaxOutput", {d, l}, {{"smooth_alpha", "0.3"}}),
             {-0.0599694, 0.0947285, -0.0347590, -0.3666667, 0.1833333, 0.1833333}));
  // multi_output: softmax over axis 1, one label per position; null divides by positions.
  Vec d3(12);
  for (int i = 0; i < 12; ++i) d3[size_t(i)] = i / 5.0;
  NDArray x3 = arr(d3, {2, 3, 2}), l3 = arr({0, 2, 1, 1}, {2, 2});
  Vec g3 = loss_grad("SoftmaxOutput", {x3, l3}, {{"multi_output", "1"}});
  CHECK(near({g3[0], g3[1], g3[2], g3[5]}, {-0.3940, 0.1060, 0.1581, -0.2641}, 1e-3));
  Vec g3v = loss_grad("SoftmaxOutput", {x3, l3},
                      {{"multi_output", "1"}, {"normalization", "valid"}, {"use_ignore", "1"}, {"ignore_label", "2"}});
  CHECK(near({g3v[0], g3v[1], g3v[2]}, {-0.2627, 0, 0.1054}, 1e-3));
  Vec gp = loss_grad("SoftmaxOutput", {x3, arr({0, 1, 1, 1, 0, 1}, {2, 3})},
                     {{"preserve_shape", "1"}, {"normalization", "batch"}});
  CHECK(near({gp[0], gp[1]}, {-0.0916, 0.0916}, 1e-3));
  CHECK(throws(Err::kShape, "label", [&] { run("SoftmaxOutput", {arr(Vec(8, 0), {2, 2, 2}), arr({0, 1}, {2})}); }));

  NDArray rd = arr({1, 2, 3, 1, 1, 1}, {2, 3}), rl = arr({0.5, 1, 1.5, 0.5, 0.5, 0.5}, {2, 3});
  CHECK(near(loss_grad("LinearRegressionOutput", {rd, rl}, {{"grad_scale", "3"}}), {0.5, 1, 1.5, 0.5, 0.5, 0.5}));
  CHECK(near(loss_grad("MAERegressionOutput", {rd, run("_mul_scalar", {rd}, {{"scalar", "2"}})}, {}),
             Vec(6, -1.0 / 3)));
  CHECK_VALS(run("LogisticRegressionOutput", {arr({1, 1}, {2, 1}), arr({0, 0}, {2})}), {0.7310586, 0.7310586});
  CHECK(near(loss_grad("LogisticRegressionOutput", {arr({1, 1}, {2, 1}), arr({0, 0}, {2})}, {}),
             {0.7310586, 0.7310586}));
  CHECK(throws(Err::kShape, "label",
               [] { run("LinearRegressionOutput", {arr(Vec(6, 1), {2, 3}), arr({1, 1}, {2})}); }));
}

TEST(fully_connected) {
  NDArray x = arr({1, 2, 3, 4, 5, 6}, {2, 3}), w = arr({1, 0, -1, 2, 1, 0}, {2, 3}), b = arr({10, 20}, {2});
  CHECK_VALS(run("FullyConnected", {x, w, b}, {{"num_hidden", "2"}}), {8, 24, 8, 33});
  CHECK_VALS(run("FullyConnected", {x, w}, {{"num_hidden", "2"}, {"no_bias", "True"}}), {-2, 4, -2, 13});
  NDArray nf = run("FullyConnected", {arr(Vec(12, 1), {2, 3, 2}), arr(Vec(8, 1), {4, 2}), arr(Vec(4, 1), {4})},
                   {{"num_hidden", "4"}, {"flatten", "False"}});
  CHECK(nf.shape() == Shape({2, 3, 4}));
  CHECK_VALS(nf, Vec(24, 3));
  NDArray h = run("FullyConnected",
                  {arr({1, 2, 3, 4, 5, 6}, {2, 3}, DType::f16), arr({1, 0, -1, 2, 1, 0}, {2, 3}, DType::f16),
                   arr({10, 20}, {2}, DType::f16)},
                  {{"num_hidden", "2"}});
  CHECK_VALS(h, {8, 24, 8, 33});
  CHECK(throws(Err::kShape, "weight",
               [&] { run("FullyConnected", {x, arr(Vec(8, 1), {2, 4}), b}, {{"num_hidden", "2"}}); }));
  CHECK(throws(Err::kInvalidArgument, "num_hidden", [&] { run("FullyConnected", {x, w, b}, {{"num_hidden", "0"}}); }));
  CHECK(throws(Err::kInvalidArgument, "input", [&] { run("FullyConnected", {x, w}, {{"num_hidden", "2"}}); }));
  // weight and bias shapes are inferred from data and num_hidden.
  const OpDef& fc = Registry::get("FullyConnected");
  Attrs at = Attrs::parse(&fc, {{"num_hidden", "5"}});
  std::vector<Shape> in = {Shape({4, 2, 3}), Shape(), Shape()}, out = {Shape()};
  CHECK(fc.infer_shape(at, in, out));
  CHECK(in[1] == Shape({5, 6}) && in[2] == Shape({5}) && out[0] == Shape({4, 5}));
  NDArray gx = d64({0.5, -1.5, 2.5, -0.7, 1.1, -1.9, 0.3, 0.8}, {2, 2, 2});
  NDArray gw = d64({0.2, -0.4, 0.6, 0.1, 0.3, -0.5}, {3, 2});
  CHECK(grad_ok("FullyConnected", {gx, d64({0.2, -0.4, 0.6, 0.1, 0.3, -0.5, 0.7, 0.9, -0.2, 0.4, 0.5, -0.1}, {3, 4}),
                                   d64({1, 2, 3}, {3})},
                {{"num_hidden", "3"}}));
  CHECK(grad_ok("FullyConnected", {gx, gw}, {{"num_hidden", "3"}, {"flatten", "False"}, {"no_bias", "True"}}));
}

TEST(dropout) {
  NDArray x = arr(Vec(1000, 1), {10, 100});
  CHECK_VALS(run("Dropout", {x}), Vec(1000, 1));  // inference: identity
  random_seed(3, -1, 0);
  Vec y = vals(run("Dropout", {x}, {{"mode", "always"}, {"p", "0.3"}}));
  int kept = 0;
  for (double v : y) {
    CHECK(v == 0 || std::fabs(v - 1 / 0.7) < 1e-6);
    kept += v != 0;
  }
  CHECK(kept > 620 && kept < 780);
  Vec ya = vals(run("Dropout", {x}, {{"mode", "always"}, {"p", "0.5"}, {"axes", "(1,)"}}));
  for (int r = 0; r < 10; ++r)
    for (int c = 1; c < 100; ++c) CHECK(ya[size_t(r * 100 + c)] == ya[size_t(r * 100)]);  // one mask per row
  CHECK_VALS(run("Dropout", {x}, {{"mode", "always"}, {"p", "1"}}), Vec(1000, 0));
  // The gradient reuses the forward's mask.
  NDArray xs = arr({1, 2, 3, 4, 5, 6, 7, 8}, {8}, DType::f64);
  const KV kv = {{"mode", "always"}, {"p", "0.5"}};
  const OpDef& def = Registry::get("Dropout");
  EagerGraph g;
  g.ins = {xs};
  g.outs = invoke("Dropout", {xs}, kv);
  g.ograds = {arr(Vec(8, 1), {8}, DType::f64)};
  GVals r = def.grad(g, Attrs::parse(&def, kv));
  Vec gy = vals(g.vals[size_t(r[0].id)]), out = vals(g.outs[0]);
  for (size_t i = 0; i < 8; ++i) CHECK(gy[i] == (out[i] != 0 ? 2.0 : 0.0));
}

int main() { return check::run_all("test_ops_math"); }
