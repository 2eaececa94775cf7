// Matrix, shape, indexing, creation and ordering operators: forward values (checked
// against MXNet 1.9's results), error messages, GEMM against a naive product, and
// every gradient against central finite differences (float64).
#include <cmath>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "check.h"
#include "core/ndarray/ndarray.h"
#include "core/op/blas.h"

using namespace mxl;
using V = std::vector<double>;

static NDArray make(const Shape& s, const V& v, DType t = DType::f64) {
  NDArray a(s, t, Context::cpu());
  std::vector<char> buf(a.nbytes());
  MXL_TYPE_SWITCH(t, DT, {
    for (size_t i = 0; i < v.size(); ++i) reinterpret_cast<DT*>(buf.data())[i] = DT(v[i]);
  });
  a.sync_copy_from(buf.data(), buf.size());
  return a;
}
static NDArray iota(const Shape& s, DType t = DType::f64) {
  V v(size_t(s.size()));
  for (size_t i = 0; i < v.size(); ++i) v[i] = double(i);
  return make(s, v, t);
}
static std::mt19937 rng(42);
static NDArray rand_arr(const Shape& s) {
  std::uniform_real_distribution<double> u(-1, 1);
  V v(size_t(s.size()));
  for (auto& x : v) x = u(rng);
  return make(s, v);
}
static V get(const NDArray& a) {
  std::vector<char> buf(a.nbytes());
  a.sync_copy_to(buf.data(), buf.size());
  V v(size_t(a.size()));
  MXL_TYPE_SWITCH(a.dtype(), DT, {
    for (size_t i = 0; i < v.size(); ++i) v[i] = double(reinterpret_cast<DT*>(buf.data())[i]);
  });
  return v;
}
static V head(const NDArray& a, size_t n) {
  V v = get(a);
  v.resize(std::min(n, v.size()));
  return v;
}
static NDArray run1(const std::string& op, const std::vector<NDArray>& in, const KV& kv = {}) {
  return invoke(op, in, kv)[0];
}
static bool near(const V& a, const V& b, double tol = 1e-9) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!(std::fabs(a[i] - b[i]) <= tol * (1 + std::fabs(b[i])))) return false;
  return true;
}
// f() throws Error with this code and a message containing every piece.
template <class F>
static bool fails(F f, Err code, std::vector<std::string> pieces) {
  try {
    f();
  } catch (const Error& e) {
    std::string m = e.what();
    bool ok = e.code == code;
    for (auto& p : pieces) ok = ok && m.find(p) != std::string::npos;
    if (!ok) std::printf("  unexpected error (%d): %s\n", int(e.code), m.c_str());
    return ok;
  }
  std::printf("  no error raised\n");
  return false;
}

// ------------------------------------------------------------ gradients
// Runs an op's grad_fn eagerly: every GVal is an NDArray.
struct EagerGrad : GradGraph {
  std::vector<NDArray> vals, ins, outs, ograds;
  GVal put(NDArray a) {
    vals.push_back(std::move(a));
    return GVal{int(vals.size()) - 1};
  }
  GVal input(int i) override { return put(ins[size_t(i)]); }
  GVal output(int i) override { return put(outs[size_t(i)]); }
  GVal ograd(int i) override { return put(ograds[size_t(i)]); }
  GVals op(const std::string& name, const GVals& in, const KV& params) override {
    std::vector<NDArray> a;
    for (auto g : in) a.push_back(vals[size_t(g.id)]);
    GVals r;
    for (auto& x : invoke(name, a, params)) r.push_back(put(x));
    return r;
  }
};

// L = sum_k <out_k, W_k> for random W; compares dL/d(input) from grad_fn with
// central differences for every float input the gradient covers.
static bool grad_ok(const std::string& name, std::vector<NDArray> in, const KV& kv = {}) {
  const OpDef& op = Registry::get(name);
  auto outs = invoke(name, in, kv);
  EagerGrad g;
  g.ins = in;
  g.outs = outs;
  std::vector<V> w;
  for (auto& o : outs) {
    g.ograds.push_back(rand_arr(o.shape()));
    w.push_back(get(g.ograds.back()));
  }
  auto loss = [&](const std::vector<NDArray>& x) {
    auto r = invoke(name, x, kv);
    double L = 0;
    for (size_t k = 0; k < r.size(); ++k) {
      V v = get(r[k]);
      for (size_t i = 0; i < v.size(); ++i) L += v[i] * w[k][i];
    }
    return L;
  };
  GVals grads = op.grad(g, Attrs::parse(&op, kv));
  if (grads.size() != in.size()) {
    std::printf("  %s: %zu gradients for %zu inputs\n", name.c_str(), grads.size(), in.size());
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < in.size(); ++i) {
    if (!grads[i].valid()) continue;
    NDArray ga = g.vals[size_t(grads[i].id)];
    if (ga.shape() != in[i].shape()) {
      std::printf("  %s: gradient %zu has shape %s, input %s\n", name.c_str(), i, ga.shape().str().c_str(),
                  in[i].shape().str().c_str());
      return false;
    }
    V an = get(ga), x = get(in[i]);
    for (size_t j = 0; j < x.size(); ++j) {
      const double eps = 1e-6;
      auto at = [&](double d) {
        V y = x;
        y[j] += d;
        std::vector<NDArray> xs = in;
        xs[i] = make(in[i].shape(), y, in[i].dtype());
        return loss(xs);
      };
      double num = (at(eps) - at(-eps)) / (2 * eps);
      if (std::fabs(num - an[j]) > 1e-5 * (1 + std::fabs(num))) {
        std::printf("  %s: d/d input %zu [%zu]: analytic %g numeric %g\n", name.c_str(), i, j, an[j], num);
        ok = false;
        break;
      }
    }
  }
  return ok;
}

// ------------------------------------------------------------------ GEMM
static void naive_gemm(bool ta, bool tb, int M, int N, int K, const V& A, const V& B, V& C) {
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      double s = 0;
      for (int k = 0; k < K; ++k) s += (ta ? A[k * M + i] : A[i * K + k]) * (tb ? B[j * K + k] : B[k * N + j]);
      C[size_t(i * N + j)] = s;
    }
}

TEST(gemm_matches_naive_all_transposes) {
  std::printf("  blas: %s\n", blas_name());
  std::uniform_real_distribution<double> u(-1, 1);
  for (auto [M, N, K] : {std::tuple{37, 53, 29}, {1, 100, 7}, {200, 1, 300}, {130, 270, 600}, {5, 5, 0}})
    for (int t = 0; t < 4; ++t) {
      bool ta = t & 1, tb = t & 2;
      V A(size_t(M * K)), B(size_t(K * N)), C(size_t(M * N)), ref(C.size());
      for (auto& x : A) x = u(rng);
      for (auto& x : B) x = u(rng);
      naive_gemm(ta, tb, M, N, K, A, B, ref);
      // float, with alpha/beta: C = 2*AB + 0.5*C0
      std::vector<float> fa(A.begin(), A.end()), fb(B.begin(), B.end()), fc(C.size(), 1.f);
      gemm(ta, tb, M, N, K, 2.f, fa.data(), ta ? M : K, fb.data(), tb ? K : N, 0.5f, fc.data(), N);
      bool okf = true;
      for (size_t i = 0; i < C.size(); ++i) okf = okf && std::fabs(fc[i] - (2 * ref[i] + 0.5)) < 1e-3 * (1 + K);
      CHECK(okf);
      gemm_f64(ta, tb, M, N, K, 1.0, A.data(), ta ? M : K, B.data(), tb ? K : N, 0.0, C.data(), N);
      CHECK(near(C, ref, 1e-10));
    }
}

// ------------------------------------------------------------------ dot
TEST(dot_values_and_shapes) {
  NDArray a = iota({2, 3, 4}), ones45 = make({4, 5}, V(20, 1.0));
  NDArray r = run1("dot", {a, ones45});
  CHECK(r.shape() == Shape({2, 3, 5}));
  CHECK(near(head(r, 6), {6, 6, 6, 6, 6, 22}));
  r = run1("dot", {a, make({2, 5}, V(10, 1.0))}, {{"transpose_a", "True"}});
  CHECK(r.shape() == Shape({3, 4, 5}));
  CHECK(get(r)[0] == 12 && get(r)[5] == 14);
  CHECK(run1("dot", {make({3}, {1, 2, 3}), make({3}, {4, 5, 6})}).shape() == Shape({1}));
  CHECK(get(run1("dot", {make({3}, {1, 2, 3}), make({3}, {4, 5, 6})}))[0] == 32);
  CHECK(run1("dot", {make({3}, V(3, 1.0)), make({3, 4}, V(12, 1.0))}, {{"transpose_a", "True"}}).shape() == Shape({4}));
  // every dtype computes the same small product
  for (DType t : {DType::f32, DType::f16, DType::i32, DType::i64, DType::u8, DType::i8}) {
    NDArray x = make({2, 3}, {1, 2, 3, 4, 5, 6}, t), y = make({3, 2}, {1, 0, 0, 1, 1, 1}, t);
    NDArray z = run1("dot", {x, y});
    CHECK(z.dtype() == t);
    CHECK(near(get(z), {4, 5, 10, 11}));
  }
  NDArray b = run1("batch_dot", {rand_arr({2, 3, 4, 5}), rand_arr({2, 3, 6, 5})}, {{"transpose_b", "True"}});
  CHECK(b.shape() == Shape({2, 3, 4, 6}));
}

TEST(dot_errors_name_op_and_shapes) {
  CHECK(fails([] { run1("dot", {rand_arr({3, 4}), rand_arr({3})}); }, Err::kShape, {"dot", "(3, 4)", "(3,)"}));
  CHECK(fails([] { run1("batch_dot", {rand_arr({2, 3, 4}), rand_arr({3, 4, 4})}); }, Err::kShape,
              {"batch_dot", "(2, 3, 4)", "(3, 4, 4)"}));
  CHECK(fails([] { run1("batch_dot", {rand_arr({2, 3, 4}), rand_arr({2, 5, 4})}); }, Err::kShape, {"batch_dot", "inner"}));
  CHECK(fails([] { run1("dot", {make({2, 2}, V(4, 1), DType::b8), make({2, 2}, V(4, 1), DType::b8)}); }, Err::kDType,
              {"dot", "bool"}));
}

TEST(matrix_gradients) {
  for (const char* ta : {"False", "True"})
    for (const char* tb : {"False", "True"}) {
      KV kv{{"transpose_a", ta}, {"transpose_b", tb}};
      Shape l = ta[0] == 'T' ? Shape({4, 3}) : Shape({3, 4}), r = tb[0] == 'T' ? Shape({5, 4}) : Shape({4, 5});
      CHECK(grad_ok("dot", {rand_arr(l), rand_arr(r)}, kv));
      Shape bl = ta[0] == 'T' ? Shape({2, 4, 3}) : Shape({2, 3, 4}), br = tb[0] == 'T' ? Shape({2, 5, 4}) : Shape({2, 4, 5});
      CHECK(grad_ok("batch_dot", {rand_arr(bl), rand_arr(br)}, kv));
    }
  CHECK(grad_ok("dot", {rand_arr({2, 3, 4}), rand_arr({4, 2, 3})}));
  CHECK(grad_ok("dot", {rand_arr({4}), rand_arr({4})}));
  CHECK(grad_ok("dot", {rand_arr({4}), rand_arr({4, 3})}));
  CHECK(grad_ok("transpose", {rand_arr({2, 3, 4})}, {{"axes", "(1, 2, 0)"}}));
  CHECK(grad_ok("transpose", {rand_arr({2, 3, 4})}));
  CHECK(grad_ok("SwapAxis", {rand_arr({2, 3, 4})}, {{"dim1", "0"}, {"dim2", "-1"}}));
}

TEST(transpose_values) {
  NDArray t = run1("transpose", {iota({2, 3})});
  CHECK(t.shape() == Shape({3, 2}) && near(get(t), {0, 3, 1, 4, 2, 5}));
  t = run1("transpose", {iota({2, 3, 4})}, {{"axes", "(2, 0, 1)"}});
  CHECK(t.shape() == Shape({4, 2, 3}) && get(t)[1] == 4 && get(t)[3] == 12);
  CHECK(run1("swapaxes", {iota({2, 3, 4})}, {{"dim1", "0"}, {"dim2", "2"}}).shape() == Shape({4, 3, 2}));
  CHECK(fails([] { run1("transpose", {iota({2, 3})}, {{"axes", "(0, 0)"}}); }, Err::kInvalidArgument, {"transpose", "axes"}));
}

// ---------------------------------------------------------------- shape
TEST(reshape_codes) {
  auto rt = [](Shape s, Shape spec, bool rev = false) { return reshape_target("Reshape", s, spec, rev); };
  CHECK(rt({2, 3, 4}, {-1, 0}, true) == Shape({6, 4}));
  CHECK(rt({2, 3, 4}, {-3, -2}) == Shape({6, 4}));
  CHECK(rt({2, 3, 4}, {0, -4, -1, 3, 0}) == Shape({2, 1, 3, 4}));
  CHECK(rt({2, 3, 4}, {-4, 1, 2, -2}) == Shape({1, 2, 3, 4}));
  CHECK(rt({2, 3, 4, 5}, {-3, -3}) == Shape({6, 20}));
  CHECK(rt({10, 5, 4}, {-1, 0}, true) == Shape({50, 4}));
  CHECK(rt({1}, {}) == Shape(std::vector<int64_t>{}));
  CHECK(fails([&] { rt({2, 3}, {4, -1}); }, Err::kShape, {"Reshape", "(2, 3)", "(4, -1)"}));
  CHECK(fails([&] { rt({2, 3}, {-1, -1}); }, Err::kShape, {"more than one -1"}));
  NDArray r = run1("reshape", {iota({2, 3})}, {{"shape", "(3, -1)"}});
  CHECK(r.shape() == Shape({3, 2}) && near(get(r), {0, 1, 2, 3, 4, 5}));
  CHECK(run1("Flatten", {iota({5})}).shape() == Shape({5, 1}));
  CHECK(run1("squeeze", {iota({1, 1})}).shape() == Shape({1}));
  CHECK(run1("squeeze", {iota({1, 3, 1})}, {{"axis", "(0,)"}}).shape() == Shape({3, 1}));
  CHECK(fails([] { run1("squeeze", {iota({2, 3, 1})}, {{"axis", "(0,)"}}); }, Err::kShape, {"squeeze", "(2, 3, 1)"}));
  CHECK(run1("expand_dims", {iota({2, 3})}, {{"axis", "-1"}}).shape() == Shape({2, 3, 1}));
  CHECK(fails([] { run1("expand_dims", {iota({2, 3})}, {{"axis", "3"}}); }, Err::kInvalidArgument, {"expand_dims", "axis"}));
  KV like{{"lhs_begin", "0"}, {"lhs_end", "2"}, {"rhs_begin", "0"}, {"rhs_end", "1"}};
  CHECK(run1("reshape_like", {iota({2, 3, 4}), iota({6, 2, 2})}, like).shape() == Shape({6, 4}));
  CHECK(fails([] { run1("reshape_like", {iota({2, 3, 4}), iota({6, 2, 2})}, {{"lhs_begin", "1"}, {"rhs_begin", "1"}}); },
              Err::kShape, {"reshape_like", "(2, 3, 4)", "(2, 2, 2)"}));
}

TEST(join_split_values) {
  NDArray c = run1("concat", {iota({2, 3}), iota({2, 1})}, {{"num_args", "2"}, {"dim", "-1"}});
  CHECK(c.shape() == Shape({2, 4}) && near(get(c), {0, 1, 2, 0, 3, 4, 5, 1}));
  CHECK(fails([] { run1("Concat", {iota({2, 3}), iota({3, 3})}, {{"num_args", "2"}}); }, Err::kShape, {"Concat", "(3, 3)"}));
  NDArray s = run1("stack", {iota({2, 3}), iota({2, 3})}, {{"num_args", "2"}, {"axis", "-1"}});
  CHECK(s.shape() == Shape({2, 3, 2}) && near(get(s), {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}));
  auto parts = invoke("split", {iota({2, 6})}, {{"num_outputs", "3"}, {"axis", "-1"}});
  CHECK(parts.size() == 3 && parts[1].shape() == Shape({2, 2}) && near(get(parts[1]), {2, 3, 8, 9}));
  parts = invoke("SliceChannel", {iota({2, 3})}, {{"num_outputs", "3"}, {"squeeze_axis", "1"}});
  CHECK(parts[2].shape() == Shape({2}) && near(get(parts[2]), {2, 5}));
  CHECK(fails([] { invoke("split", {iota({2, 6})}, {{"num_outputs", "4"}}); }, Err::kShape, {"SliceChannel", "num_outputs=4"}));
}

TEST(tile_repeat_reverse_values) {
  NDArray x = iota({2, 3});
  CHECK(near(get(run1("tile", {x}, {{"reps", "(2,)"}})), {0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5}));
  NDArray t = run1("tile", {make({2}, {1, 2})}, {{"reps", "(2, 2)"}});
  CHECK(t.shape() == Shape({2, 4}) && near(get(t), {1, 2, 1, 2, 1, 2, 1, 2}));
  CHECK(near(get(run1("repeat", {x}, {{"repeats", "2"}})), {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}));
  NDArray r = run1("repeat", {x}, {{"repeats", "2"}, {"axis", "0"}});
  CHECK(r.shape() == Shape({4, 3}) && near(get(r), {0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5}));
  CHECK(near(get(run1("flip", {x}, {{"axis", "(1,)"}})), {2, 1, 0, 5, 4, 3}));
  CHECK(near(get(run1("reverse", {x}, {{"axis", "(0, 1)"}})), {5, 4, 3, 2, 1, 0}));
}

TEST(slice_values) {
  NDArray x = iota({6});
  CHECK(near(get(run1("slice", {x}, {{"begin", "(None,)"}, {"end", "(None,)"}, {"step", "(-1,)"}})), {5, 4, 3, 2, 1, 0}));
  CHECK(near(get(run1("slice", {x}, {{"begin", "(4,)"}, {"end", "(None,)"}, {"step", "(-2,)"}})), {4, 2, 0}));
  CHECK(run1("slice", {x}, {{"begin", "(3,)"}, {"end", "(1,)"}}).shape() == Shape({0}));
  CHECK(run1("slice", {x}, {{"begin", "(10,)"}, {"end", "(100,)"}}).shape() == Shape({0}));
  NDArray m = iota({3, 4});
  NDArray s = run1("slice", {m}, {{"begin", "(1, None)"}, {"end", "(None, 3)"}, {"step", "(1, 2)"}});
  CHECK(s.shape() == Shape({2, 2}) && near(get(s), {4, 6, 8, 10}));
  CHECK(fails([&] { run1("slice", {x}, {{"begin", "(1,)"}, {"end", "(5,)"}, {"step", "(0,)"}}); }, Err::kInvalidArgument,
              {"slice", "step"}));
  CHECK(near(get(run1("slice_axis", {x}, {{"axis", "0"}, {"begin", "-2"}, {"end", "None"}})), {4, 5}));
  CHECK(fails([&] { run1("slice_axis", {x}, {{"axis", "0"}, {"begin", "4"}, {"end", "2"}}); }, Err::kInvalidArgument,
              {"slice_axis", "begin=4"}));
  CHECK(fails([&] { run1("slice_axis", {x}, {{"axis", "0"}, {"begin", "1"}}); }, Err::kInvalidArgument, {"end", "missing"}));
  CHECK(run1("slice_like", {iota({4, 5, 6}), iota({2, 3})}, {{"axes", "(0, 1)"}}).shape() == Shape({2, 3, 6}));
  CHECK(run1("slice_like", {iota({4, 5, 6}), iota({2, 3, 4})}, {{"axes", "(0, -1)"}}).shape() == Shape({2, 5, 4}));
  CHECK(fails([] { run1("slice_like", {iota({4, 5, 6}), iota({2, 3})}, {{"axes", "(0, -1)"}}); }, Err::kShape,
              {"slice_like", "shape_like (2, 3)"}));
  NDArray as = run1("_slice_assign", {iota({3, 3}), make({2, 1}, {-1, -2})}, {{"begin", "(1, 2)"}, {"end", "(3, 3)"}});
  CHECK(near(get(as), {0, 1, 2, 3, 4, -1, 6, 7, -2}));
  NDArray ss = run1("_slice_assign_scalar", {iota({2, 3})}, {{"scalar", "9"}, {"begin", "(None, 1)"}, {"end", "(None, None)"}});
  CHECK(near(get(ss), {0, 9, 9, 3, 9, 9}));
}

TEST(pad_and_depth_space_values) {
  NDArray p = run1("pad", {make({1, 1, 2, 2}, {1, 2, 3, 4})}, {{"mode", "reflect"}, {"pad_width", "(0,0,0,0,1,1,1,1)"}});
  CHECK(p.shape() == Shape({1, 1, 4, 4}));
  CHECK(near(head(p, 4), {4, 3, 4, 3}));
  NDArray e = run1("Pad", {make({2}, {1, 2})}, {{"mode", "edge"}, {"pad_width", "(2, 1)"}});
  CHECK(near(get(e), {1, 1, 1, 2, 2}));
  NDArray c = run1("Pad", {make({2}, {1, 2})}, {{"mode", "constant"}, {"pad_width", "(1, 1)"}, {"constant_value", "7"}});
  CHECK(near(get(c), {7, 1, 2, 7}));
  CHECK(fails([] { run1("Pad", {make({2}, {1, 2})}, {{"pad_width", "(1, 1)"}}); }, Err::kInvalidArgument, {"mode"}));
  NDArray s = run1("space_to_depth", {iota({1, 2, 4, 4})}, {{"block_size", "2"}});
  CHECK(s.shape() == Shape({1, 8, 2, 2}));
  CHECK(near(head(s, 12), {0, 2, 8, 10, 16, 18, 24, 26, 1, 3, 9, 11}));
  NDArray d = run1("depth_to_space", {iota({1, 8, 2, 2})}, {{"block_size", "2"}});
  CHECK(d.shape() == Shape({1, 2, 4, 4}));
  CHECK(near(head(d, 12), {0, 8, 1, 9, 16, 24, 17, 25, 2, 10, 3, 11}));
}

TEST(shape_gradients) {
  CHECK(grad_ok("Reshape", {rand_arr({2, 3})}, {{"shape", "(3, 2)"}}));
  CHECK(grad_ok("Flatten", {rand_arr({2, 3, 2})}));
  CHECK(grad_ok("expand_dims", {rand_arr({2, 3})}, {{"axis", "1"}}));
  CHECK(grad_ok("squeeze", {rand_arr({2, 1, 3})}));
  CHECK(grad_ok("reshape_like", {rand_arr({2, 3}), rand_arr({3, 2})}));
  CHECK(grad_ok("Concat", {rand_arr({2, 3}), rand_arr({2, 1}), rand_arr({2, 2})}, {{"num_args", "3"}, {"dim", "1"}}));
  CHECK(grad_ok("stack", {rand_arr({2, 3}), rand_arr({2, 3})}, {{"num_args", "2"}, {"axis", "1"}}));
  CHECK(grad_ok("SliceChannel", {rand_arr({2, 6})}, {{"num_outputs", "3"}}));
  CHECK(grad_ok("SliceChannel", {rand_arr({3, 2})}, {{"num_outputs", "3"}, {"axis", "0"}, {"squeeze_axis", "True"}}));
  CHECK(grad_ok("tile", {rand_arr({2, 3})}, {{"reps", "(2, 1, 2)"}}));
  CHECK(grad_ok("repeat", {rand_arr({2, 3})}, {{"repeats", "2"}, {"axis", "1"}}));
  CHECK(grad_ok("repeat", {rand_arr({2, 3})}, {{"repeats", "3"}}));
  CHECK(grad_ok("reverse", {rand_arr({2, 3})}, {{"axis", "(0, 1)"}}));
  CHECK(grad_ok("slice", {rand_arr({4, 5})}, {{"begin", "(3, None)"}, {"end", "(0, 4)"}, {"step", "(-2, 2)"}}));
  CHECK(grad_ok("slice_axis", {rand_arr({4, 5})}, {{"axis", "1"}, {"begin", "1"}, {"end", "-1"}}));
  CHECK(grad_ok("slice_like", {rand_arr({4, 5}), rand_arr({2, 3})}));
  CHECK(grad_ok("_slice_assign", {rand_arr({4, 5}), rand_arr({2, 2})}, {{"begin", "(1, 0)"}, {"end", "(3, 4)"}, {"step", "(1, 2)"}}));
  CHECK(grad_ok("_slice_assign_scalar", {rand_arr({4, 5})}, {{"scalar", "2"}, {"begin", "(1,)"}, {"end", "(3,)"}}));
  for (const char* mode : {"constant", "edge", "reflect"})
    CHECK(grad_ok("Pad", {rand_arr({3, 4})}, {{"mode", mode}, {"pad_width", "(2, 1, 1, 2)"}}));
  CHECK(grad_ok("space_to_depth", {rand_arr({1, 2, 4, 2})}, {{"block_size", "2"}}));
  CHECK(grad_ok("depth_to_space", {rand_arr({1, 8, 1, 2})}, {{"block_size", "2"}}));
}

// ------------------------------------------------------------- indexing
TEST(indexing_values) {
  NDArray x = make({2, 3}, {1, 2, 3, 4, 5, 6});
  NDArray i = make({2}, {5, -1}, DType::f32);
  CHECK(near(get(run1("take", {x, i})), {4, 5, 6, 1, 2, 3}));
  CHECK(near(get(run1("take", {x, i}, {{"mode", "wrap"}})), {4, 5, 6, 4, 5, 6}));
  CHECK(fails([&] { get(run1("take", {x, i}, {{"mode", "raise"}})); }, Err::kIndex, {"take", "index 5", "size 2"}));
  NDArray t = run1("take", {x, make({2, 2}, {0, 1, 1, 0}, DType::i32)}, {{"axis", "1"}});
  CHECK(t.shape() == Shape({2, 2, 2}) && near(get(t), {1, 2, 2, 1, 4, 5, 5, 4}));
  CHECK(near(get(run1("pick", {x, make({2}, {0, 5})}, {{"axis", "1"}})), {1, 6}));
  CHECK(near(get(run1("pick", {x, make({2}, {0, -1})}, {{"axis", "1"}, {"mode", "wrap"}})), {1, 6}));
  CHECK(fails([&] { run1("pick", {x, make({2}, {0, 1})}, {{"axis", "None"}}); }, Err::kInvalidArgument, {"pick", "None"}));
  NDArray oh = run1("one_hot", {make({4}, {1, 0, 5, -1})}, {{"depth", "3"}});
  CHECK(oh.shape() == Shape({4, 3}) && near(get(oh), {0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}));
  NDArray oi = run1("one_hot", {make({2}, {1, 0})}, {{"depth", "3"}, {"on_value", "5"}, {"off_value", "-1"}, {"dtype", "int32"}});
  CHECK(oi.dtype() == DType::i32 && near(get(oi), {-1, 5, -1, 5, -1, -1}));
  CHECK(near(get(run1("where", {make({2}, {1, 0}), x, make({2, 3}, V(6, 0))})), {1, 2, 3, 0, 0, 0}));
  CHECK(near(get(run1("where", {make({2, 3}, {1, 0, 1, 0, 1, 0}, DType::i32), x, make({2, 3}, V(6, 0))})), {1, 0, 3, 0, 5, 0}));
  CHECK(fails([&] { run1("where", {make({3}, {1, 0, 1}), x, x}); }, Err::kShape, {"where", "(3,)"}));
  CHECK(near(get(run1("gather_nd", {x, make({2, 2}, {1, 0, 2, 1})})), {6, 2}));
  CHECK(near(get(run1("gather_nd", {x, make({1, 2}, {-1, 0})})), {4, 5, 6, 1, 2, 3}));
  CHECK(fails([&] { get(run1("gather_nd", {x, make({1, 1}, {5})})); }, Err::kIndex, {"gather_nd", "index 5", "size 2"}));
  CHECK(near(get(run1("scatter_nd", {make({3}, {2, 3, 4}), make({2, 3}, {1, 1, 0, 1, 1, 0})}, {{"shape", "(2, 2)"}})),
             {4, 0, 0, 3}));
  NDArray em = run1("Embedding", {make({3}, {1, 5, -1}), iota({3, 2})}, {{"input_dim", "3"}, {"output_dim", "2"}});
  CHECK(em.shape() == Shape({3, 2}) && near(get(em), {2, 3, 4, 5, 0, 1}));
  CHECK(fails([&] { run1("Embedding", {make({2}, {1, 2}), iota({3, 3})}, {{"input_dim", "3"}, {"output_dim", "2"}}); },
              Err::kShape, {"Embedding", "(3, 2)", "(3, 3)"}));
}

TEST(indexing_gradients) {
  CHECK(grad_ok("take", {rand_arr({4, 3}), make({3}, {1, 1, 3})}));
  CHECK(grad_ok("take", {rand_arr({2, 4, 3}), make({2, 2}, {0, 3, 3, 2})}, {{"axis", "1"}}));
  CHECK(grad_ok("pick", {rand_arr({3, 4}), make({3}, {0, 3, 1})}));
  CHECK(grad_ok("pick", {rand_arr({3, 4}), make({4}, {0, 2, 1, 1})}, {{"axis", "0"}, {"keepdims", "True"}}));
  CHECK(grad_ok("where", {make({2, 2}, {1, 0, 0, 1}), rand_arr({2, 2}), rand_arr({2, 2})}));
  CHECK(grad_ok("where", {make({2}, {0, 1}), rand_arr({2, 3}), rand_arr({2, 3})}));
  CHECK(grad_ok("gather_nd", {rand_arr({3, 4}), make({2, 3}, {0, 2, 0, 1, 3, 1})}));
  CHECK(grad_ok("scatter_nd", {rand_arr({2, 4}), make({1, 2}, {2, 0})}, {{"shape", "(3, 4)"}}));
  CHECK(grad_ok("Embedding", {make({2, 2}, {0, 2, 2, 1}), rand_arr({3, 4})}, {{"input_dim", "3"}, {"output_dim", "4"}}));
}

// --------------------------------------------------------------- init
TEST(creation_values) {
  NDArray z = invoke("_zeros", {}, {{"shape", "(2, 3)"}, {"dtype", "int32"}})[0];
  CHECK(z.shape() == Shape({2, 3}) && z.dtype() == DType::i32 && near(get(z), V(6, 0)));
  CHECK(near(get(invoke("_ones", {}, {{"shape", "(2,)"}})[0]), {1, 1}));
  CHECK(near(get(invoke("_full", {}, {{"shape", "(2,)"}, {"value", "3.7"}, {"dtype", "int32"}})[0]), {3, 3}));
  CHECK(near(get(invoke("_arange", {}, {{"start", "3"}})[0]), {0, 1, 2}));
  CHECK(near(get(invoke("_arange", {}, {{"start", "5"}, {"stop", "1"}, {"step", "-1.5"}})[0]), {5, 3.5, 2}));
  CHECK(near(get(invoke("_arange", {}, {{"start", "0"}, {"stop", "5"}, {"step", "2"}, {"repeat", "2"}})[0]), {0, 0, 2, 2, 4, 4}));
  CHECK(near(get(invoke("_arange", {}, {{"start", "0"}, {"stop", "5.5"}, {"step", "1.5"}, {"dtype", "int32"}})[0]), {0, 1, 2, 3}));
  CHECK(fails([] { invoke("_arange", {}, {{"start", "2"}, {"stop", "2"}}); }, Err::kInvalidArgument, {"_arange", "range"}));
  CHECK(near(get(invoke("_linspace", {}, {{"start", "0"}, {"stop", "1"}, {"num", "5"}})[0]), {0, .25, .5, .75, 1}, 1e-7));
  CHECK(near(get(invoke("_linspace", {}, {{"start", "0"}, {"stop", "1"}, {"num", "5"}, {"endpoint", "False"}})[0]),
             {0, .2, .4, .6, .8}, 1e-7));
  CHECK(near(get(invoke("_eye", {}, {{"N", "3"}, {"M", "4"}, {"k", "-1"}})[0]), {0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0}));
  CHECK(near(get(invoke("_eye", {}, {{"N", "2"}, {"k", "1"}})[0]), {0, 1, 0, 0}));
}

// ------------------------------------------------------------- ordering
TEST(ordering_values) {
  NDArray y = make({2, 4}, {3, 1, 2, 1, 0, 5, 5, 4}, DType::f32);
  CHECK(near(get(run1("sort", {y})), {1, 1, 2, 3, 0, 4, 5, 5}));
  NDArray sf = run1("sort", {y}, {{"axis", "None"}});
  CHECK(sf.shape() == Shape({8}) && near(get(sf), {0, 1, 1, 2, 3, 4, 5, 5}));
  CHECK(near(get(run1("argsort", {y})), {1, 3, 2, 0, 0, 3, 1, 2}));
  CHECK(near(get(run1("argsort", {y}, {{"is_ascend", "False"}})), {0, 2, 1, 3, 1, 2, 3, 0}));
  CHECK(near(get(run1("argsort", {y}, {{"axis", "None"}})), {4, 1, 3, 2, 0, 7, 5, 6}));
  CHECK(near(get(run1("topk", {y}, {{"k", "2"}})), {0, 2, 1, 2}));
  CHECK(near(get(run1("topk", {y}, {{"k", "2"}, {"ret_typ", "value"}})), {3, 2, 5, 5}));
  NDArray mask = run1("topk", {make({2, 4}, {3, 1, 2, 1, 0, 5, 5, 4}, DType::i32)}, {{"k", "2"}, {"ret_typ", "mask"}});
  CHECK(mask.dtype() == DType::i32 && near(get(mask), {1, 0, 1, 0, 0, 1, 1, 0}));
  auto both = invoke("topk", {y}, {{"k", "2"}, {"ret_typ", "both"}, {"axis", "0"}, {"dtype", "int64"}});
  CHECK(both.size() == 2 && both[1].dtype() == DType::i64 && near(get(both[0]), {3, 5, 5, 4, 0, 1, 2, 1}) &&
        near(get(both[1]), {0, 1, 1, 1, 1, 0, 0, 0}));
  CHECK(near(get(run1("topk", {y}, {{"k", "0"}, {"ret_typ", "value"}})), {3, 2, 1, 1, 5, 5, 4, 0}));
  CHECK(near(get(run1("topk", {y}, {{"k", "2"}, {"axis", "None"}})), {5, 6}));
  CHECK(fails([&] { run1("topk", {y}, {{"k", "9"}}); }, Err::kInvalidArgument, {"topk", "k=9"}));
  NDArray nan = run1("sort", {make({3}, {NAN, 1, 0})});
  CHECK(get(nan)[0] == 0 && get(nan)[1] == 1 && std::isnan(get(nan)[2]));
}

TEST(ordering_gradients) {
  CHECK(grad_ok("sort", {rand_arr({3, 4})}));
  CHECK(grad_ok("sort", {rand_arr({3, 4})}, {{"axis", "None"}, {"is_ascend", "False"}}));
  CHECK(grad_ok("topk", {rand_arr({3, 4})}, {{"k", "2"}, {"ret_typ", "value"}, {"axis", "0"}}));
  CHECK(grad_ok("topk", {rand_arr({3, 4})}, {{"k", "3"}, {"ret_typ", "both"}}));
}

int main() { return check::run_all("ops_matrix"); }
