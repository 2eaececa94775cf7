// Neural-network operators (nn_conv.cc, nn_norm.cc): forward results against
// direct loop implementations written here, every gradient (through the op's
// registered gradient) against central finite differences in float64, shape
// inference in both directions, a few values MXNet 1.9 printed, and the errors bad
// parameters get.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "check.h"
#include "core/ndarray/ndarray.h"

using namespace mxl;
using Vec = std::vector<double>;
using Dims = std::vector<int64_t>;

namespace {

// ------------------------------------------------------------------ helpers
template <class T>
NDArray make_t(const Dims& shape, const Vec& v, DType t) {
  NDArray a(Shape(shape), t, Context::cpu());
  std::vector<T> buf(v.size());
  for (size_t i = 0; i < v.size(); ++i) buf[i] = T(v[i]);
  a.sync_copy_from(buf.data(), buf.size() * sizeof(T));
  return a;
}
NDArray make(const Dims& shape, const Vec& v, DType t = DType::f64) {
  if (int64_t(v.size()) != Shape(shape).size()) fail(Err::kInternal, "test: value count does not match shape");
  switch (t) {
    case DType::f64: return make_t<double>(shape, v, t);
    case DType::f32: return make_t<float>(shape, v, t);
    case DType::f16: return make_t<half>(shape, v, t);
    case DType::i32: return make_t<int32_t>(shape, v, t);
    default: fail(Err::kInternal, "test: unsupported dtype");
  }
}
template <class T>
Vec read_t(const NDArray& a) {
  std::vector<T> buf(size_t(a.size()));
  a.sync_copy_to(buf.data(), buf.size() * sizeof(T));
  return Vec(buf.begin(), buf.end());
}
Vec read(const NDArray& a) {
  switch (a.dtype()) {
    case DType::f64: return read_t<double>(a);
    case DType::f32: return read_t<float>(a);
    case DType::f16: return read_t<half>(a);
    default: fail(Err::kInternal, "test: unsupported dtype");
  }
}
Dims dims(const NDArray& a) { return a.shape().vec(); }
int64_t numel(const Dims& d) { return Shape(d).size(); }

Vec randv(size_t n, unsigned seed, double lo = -1, double hi = 1) {
  std::mt19937 g(seed);
  std::uniform_real_distribution<double> u(lo, hi);
  Vec v(n);
  for (auto& x : v) x = u(g);
  return v;
}

bool close(const Vec& got, const Vec& want, double rtol, double atol, const char* what) {
  if (got.size() != want.size()) {
    std::printf("  %s: %zu values, expected %zu\n", what, got.size(), want.size());
    return false;
  }
  for (size_t i = 0; i < got.size(); ++i) {
    bool same_inf = std::isinf(got[i]) && got[i] == want[i];
    if (!same_inf && !(std::fabs(got[i] - want[i]) <= atol + rtol * std::fabs(want[i]))) {
      std::printf("  %s[%zu]: got %.12g, expected %.12g\n", what, i, got[i], want[i]);
      return false;
    }
  }
  return true;
}

std::string tup(const Dims& v) {
  std::string s = "(";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
  return s + (v.size() == 1 ? ",)" : ")");
}

// Runs f and returns the code of the Error it throws (0 when it throws none); the
// message must mention every string in `words`.
int error_code(const std::function<void()>& f, std::vector<std::string> words = {}) {
  try {
    f();
  } catch (const Error& e) {
    for (const auto& w : words)
      if (std::string(e.what()).find(w) == std::string::npos) {
        std::printf("  message '%s' lacks '%s'\n", e.what(), w.c_str());
        return -1;
      }
    return int(e.code);
  }
  return 0;
}
int code(Err e) { return int(e); }

// A GradGraph that evaluates eagerly with invoke, to run an op's registered gradient.
struct Eager : GradGraph {
  std::vector<NDArray> vals;
  std::vector<int> in, out, og;
  GVal input(int i) override { return {in.at(size_t(i))}; }
  GVal output(int i) override { return {out.at(size_t(i))}; }
  GVal ograd(int i) override { return {og.at(size_t(i))}; }
  GVals op(const std::string& name, const GVals& ins, const KV& params) override {
    std::vector<NDArray> a;
    for (const auto& g : ins) a.push_back(vals.at(size_t(g.id)));
    GVals r;
    for (auto& o : invoke(name, a, params)) r.push_back({add(o)});
    return r;
  }
  int add(const NDArray& a) {
    vals.push_back(a);
    return int(vals.size()) - 1;
  }
};

// The gradients the registered gradient of `name` gives for each input (none where
// it gives none), with ograd on output 0 and zeros on any other output.
std::vector<NDArray> grad_of(const std::string& name, const std::vector<NDArray>& ins, const KV& params,
                             const NDArray& ograd0) {
  const OpDef& op = Registry::get(name);
  Attrs a = Attrs::parse(&op, params);
  std::vector<NDArray> outs = invoke(op, ins, a);
  Eager e;
  for (const auto& x : ins) e.in.push_back(e.add(x));
  for (size_t i = 0; i < outs.size(); ++i) {
    e.out.push_back(e.add(outs[i]));
    e.og.push_back(e.add(i == 0 ? ograd0 : make(dims(outs[i]), Vec(size_t(outs[i].size()), 0.0), outs[i].dtype())));
  }
  GVals g = op.grad(e, a);
  std::vector<NDArray> r;
  for (auto v : g) r.push_back(v.valid() ? e.vals[size_t(v.id)] : NDArray());
  return r;
}

// Calls an op's CPU kernel directly with the given is_train (invoke decides it from
// the autograd state); inputs are written in place when the op mutates them.
std::vector<NDArray> run_direct(const std::string& name, const std::vector<NDArray>& in, const KV& params, bool train) {
  const OpDef& op = Registry::get(name);
  Attrs a = Attrs::parse(&op, params);
  int nout = op.num_outs(a);
  std::vector<Shape> is, os(static_cast<size_t>(nout));
  std::vector<int> it, ot(size_t(nout), -1);
  for (const auto& x : in) {
    is.push_back(x.shape());
    it.push_back(int(x.dtype()));
  }
  if (op.infer_type) op.infer_type(a, it, ot);
  else type_same(a, it, ot);
  op.infer_shape(a, is, os);
  std::vector<NDArray> out;
  std::vector<TBlob> ib, ob;
  for (int k = 0; k < nout; ++k) out.emplace_back(os[size_t(k)], DType(ot[size_t(k)]), Context::cpu());
  for (const auto& x : in) {
    x.wait_to_write();
    ib.push_back(x.blob());
  }
  for (const auto& o : out) ob.push_back(o.blob());
  OpCtx ctx;
  ctx.is_train = train;
  op.cpu(ctx, a, ib, ob);
  return out;
}

// d/d(in[i][j]) of sum(f(in) * R) by central differences.
using Fwd = std::function<Vec(const std::vector<Vec>&)>;
Vec numeric_grad(const Fwd& f, std::vector<Vec> in, size_t i, const Vec& R, double h = 1e-6) {
  Vec g(in[i].size());
  for (size_t j = 0; j < g.size(); ++j) {
    double v = in[i][j];
    in[i][j] = v + h;
    Vec yp = f(in);
    in[i][j] = v - h;
    Vec ym = f(in);
    in[i][j] = v;
    double s = 0;
    for (size_t k = 0; k < R.size(); ++k) s += (yp[k] - ym[k]) * R[k];
    g[j] = s / (2 * h);
  }
  return g;
}

// Checks the registered gradient of `name` (output 0) for the inputs in `which`
// against finite differences; returns the number of gradients compared.
int check_grads(const std::string& name, const std::vector<Dims>& shapes, const std::vector<Vec>& vals,
                const KV& params, const std::vector<size_t>& which, double tol = 1e-6) {
  auto arrays = [&](const std::vector<Vec>& v) {
    std::vector<NDArray> a;
    for (size_t i = 0; i < v.size(); ++i) a.push_back(make(shapes[i], v[i]));
    return a;
  };
  Fwd f = [&](const std::vector<Vec>& v) { return read(invoke(name, arrays(v), params)[0]); };
  NDArray y = invoke(name, arrays(vals), params)[0];
  Vec R = randv(size_t(y.size()), 1234);
  std::vector<NDArray> g = grad_of(name, arrays(vals), params, make(dims(y), R));
  CHECK(g.size() == vals.size());
  int n = 0;
  for (size_t i : which) {
    CHECK(i < g.size() && !g[i].is_none());
    if (i >= g.size() || g[i].is_none()) continue;
    CHECK(dims(g[i]) == shapes[i]);
    std::string what = name + " d(input " + std::to_string(i) + ")";
    CHECK(close(read(g[i]), numeric_grad(f, vals, i, R), tol, tol, what.c_str()));
    ++n;
  }
  return n;
}

// ------------------------------------------------------- direct references
// Spatial parameters padded to 3 dims (leading dims of size 1).
struct Spec {
  Dims x;                  // data shape (N, C, spatial...)
  Dims k, s, p, d;         // per spatial dim; s, p, d empty = defaults
  int64_t F = 1, G = 1;
  bool bias = true;
  Dims adj, target;        // Deconvolution only
  int nd() const { return int(k.size()); }
  // Value of per-dim param v at padded dim j (0..2); def for padding dims or an empty v.
  int64_t get(const Dims& v, int j, int64_t def) const {
    int i = j - (3 - nd());
    return i < 0 || v.empty() ? def : v[size_t(i)];
  }
  int64_t X(int j) const { int i = j - (3 - nd()); return i < 0 ? 1 : x[size_t(2 + i)]; }
  KV params() const {
    KV kv = {{"kernel", tup(k)}, {"num_filter", std::to_string(F)}, {"num_group", std::to_string(G)},
             {"no_bias", bias ? "False" : "True"}};
    if (!s.empty()) kv.push_back({"stride", tup(s)});
    if (!p.empty()) kv.push_back({"pad", tup(p)});
    if (!d.empty()) kv.push_back({"dilate", tup(d)});
    if (!adj.empty()) kv.push_back({"adj", tup(adj)});
    if (!target.empty()) kv.push_back({"target_shape", tup(target)});
    return kv;
  }
  Dims wshape(bool deconv) const {
    Dims w = {deconv ? x[1] : F, deconv ? F / G : x[1] / G};
    w.insert(w.end(), k.begin(), k.end());
    return w;
  }
};

// Direct convolution; returns the output and sets its shape.
Vec conv_ref(const Spec& sp, const Vec& x, const Vec& w, const Vec& b, Dims* yshape) {
  int64_t K[3], S[3], P[3], D[3], X[3], O[3];
  for (int j = 0; j < 3; ++j) {
    K[j] = sp.get(sp.k, j, 1);
    S[j] = sp.get(sp.s, j, 1);
    P[j] = sp.get(sp.p, j, 0);
    D[j] = sp.get(sp.d, j, 1);
    X[j] = sp.X(j);
    O[j] = (X[j] + 2 * P[j] - D[j] * (K[j] - 1) - 1) / S[j] + 1;
  }
  int64_t N = sp.x[0], C = sp.x[1], F = sp.F, Cg = C / sp.G, Fg = F / sp.G;
  *yshape = {N, F};
  for (int i = 0; i < sp.nd(); ++i) yshape->push_back(O[3 - sp.nd() + i]);
  Vec y(size_t(N * F * O[0] * O[1] * O[2]));
  size_t yi = 0;
  for (int64_t n = 0; n < N; ++n)
    for (int64_t f = 0; f < F; ++f)
      for (int64_t a = 0; a < O[0]; ++a)
        for (int64_t bq = 0; bq < O[1]; ++bq)
          for (int64_t c3 = 0; c3 < O[2]; ++c3) {
            double acc = sp.bias ? b[size_t(f)] : 0;
            int64_t g = f / Fg;
            for (int64_t cg = 0; cg < Cg; ++cg)
              for (int64_t k0 = 0; k0 < K[0]; ++k0)
                for (int64_t k1 = 0; k1 < K[1]; ++k1)
                  for (int64_t k2 = 0; k2 < K[2]; ++k2) {
                    int64_t i0 = a * S[0] - P[0] + k0 * D[0], i1 = bq * S[1] - P[1] + k1 * D[1],
                            i2 = c3 * S[2] - P[2] + k2 * D[2];
                    if (i0 < 0 || i0 >= X[0] || i1 < 0 || i1 >= X[1] || i2 < 0 || i2 >= X[2]) continue;
                    int64_t c = g * Cg + cg;
                    acc += x[size_t((((n * C + c) * X[0] + i0) * X[1] + i1) * X[2] + i2)] *
                           w[size_t((((f * Cg + cg) * K[0] + k0) * K[1] + k1) * K[2] + k2)];
                  }
            y[yi++] = acc;
          }
  return y;
}

// Direct transposed convolution: every input pixel scatters weight-scaled copies.
Vec deconv_ref(const Spec& sp, const Vec& x, const Vec& w, const Vec& b, Dims* yshape) {
  int64_t K[3], S[3], P[3], D[3], X[3], O[3];
  for (int j = 0; j < 3; ++j) {
    K[j] = sp.get(sp.k, j, 1);
    S[j] = sp.get(sp.s, j, 1);
    P[j] = sp.get(sp.p, j, 0);
    D[j] = sp.get(sp.d, j, 1);
    X[j] = sp.X(j);
    int64_t full = S[j] * (X[j] - 1) + D[j] * (K[j] - 1) + 1;
    if (!sp.target.empty()) {
      int64_t t = sp.get(sp.target, j, 1), total = full - t;
      P[j] = (total + 1) / 2;
      O[j] = t;
    } else {
      O[j] = full - 2 * P[j] + sp.get(sp.adj, j, 0);
    }
  }
  int64_t N = sp.x[0], C = sp.x[1], F = sp.F, Cg = C / sp.G, Fg = F / sp.G, OV = O[0] * O[1] * O[2];
  *yshape = {N, F};
  for (int i = 0; i < sp.nd(); ++i) yshape->push_back(O[3 - sp.nd() + i]);
  Vec y(size_t(N * F * OV), 0.0);
  for (int64_t n = 0; n < N; ++n)
    for (int64_t f = 0; f < F; ++f)
      for (int64_t o = 0; o < OV; ++o) y[size_t((n * F + f) * OV + o)] = sp.bias ? b[size_t(f)] : 0;
  for (int64_t n = 0; n < N; ++n)
    for (int64_t c = 0; c < C; ++c)
      for (int64_t i0 = 0; i0 < X[0]; ++i0)
        for (int64_t i1 = 0; i1 < X[1]; ++i1)
          for (int64_t i2 = 0; i2 < X[2]; ++i2) {
            double v = x[size_t((((n * C + c) * X[0] + i0) * X[1] + i1) * X[2] + i2)];
            int64_t g = c / Cg;
            for (int64_t fg = 0; fg < Fg; ++fg)
              for (int64_t k0 = 0; k0 < K[0]; ++k0)
                for (int64_t k1 = 0; k1 < K[1]; ++k1)
                  for (int64_t k2 = 0; k2 < K[2]; ++k2) {
                    int64_t o0 = i0 * S[0] - P[0] + k0 * D[0], o1 = i1 * S[1] - P[1] + k1 * D[1],
                            o2 = i2 * S[2] - P[2] + k2 * D[2];
                    if (o0 < 0 || o0 >= O[0] || o1 < 0 || o1 >= O[1] || o2 < 0 || o2 >= O[2]) continue;
                    int64_t f = g * Fg + fg;
                    y[size_t((((n * F + f) * O[0] + o0) * O[1] + o1) * O[2] + o2)] +=
                        v * w[size_t((((c * Fg + fg) * K[0] + k0) * K[1] + k1) * K[2] + k2)];
                  }
          }
  return y;
}

struct PoolSpec {
  Dims x, k, s, p;
  std::string type = "max", convention = "valid";
  bool global = false;
  int count_include_pad = -1;  // -1: not given
  int p_value = 0;             // 0: not given
  KV params() const {
    KV kv = {{"pool_type", type}, {"pooling_convention", convention}};
    if (!k.empty()) kv.push_back({"kernel", tup(k)});
    if (!s.empty()) kv.push_back({"stride", tup(s)});
    if (!p.empty()) kv.push_back({"pad", tup(p)});
    if (global) kv.push_back({"global_pool", "True"});
    if (count_include_pad >= 0) kv.push_back({"count_include_pad", count_include_pad ? "True" : "False"});
    if (p_value) kv.push_back({"p_value", std::to_string(p_value)});
    return kv;
  }
};

// Direct pooling: each window visits its kernel offsets one by one; those inside the
// data contribute, those inside the padded extent count for avg's divisor.
Vec pool_ref(const PoolSpec& ps, const Vec& x, Dims* yshape) {
  int nd = int(ps.x.size()) - 2, off = 3 - nd;
  int64_t K[3], S[3], PB[3], PA[3], X[3], O[3];
  for (int j = 0; j < 3; ++j) {
    int i = j - off;
    X[j] = i < 0 ? 1 : ps.x[size_t(2 + i)];
    if (i < 0) {
      K[j] = S[j] = O[j] = 1;
      PB[j] = PA[j] = 0;
      continue;
    }
    if (ps.global) {
      K[j] = X[j];
      S[j] = 1;
      PB[j] = PA[j] = 0;
      O[j] = 1;
      continue;
    }
    K[j] = ps.k[size_t(i)];
    S[j] = ps.s.empty() ? 1 : ps.s[size_t(i)];
    int64_t P = ps.p.empty() ? 0 : ps.p[size_t(i)];
    if (ps.convention == "same") {
      O[j] = int64_t(std::ceil(double(X[j]) / double(S[j])));
      int64_t total = std::max<int64_t>(0, (O[j] - 1) * S[j] + K[j] - X[j]);
      PB[j] = total / 2;
      PA[j] = total - PB[j];
    } else {
      double q = double(X[j] + 2 * P - K[j]) / double(S[j]);
      O[j] = int64_t(ps.convention == "full" ? std::ceil(q) : std::floor(q)) + 1;
      PB[j] = PA[j] = P;
    }
  }
  int64_t planes = ps.x[0] * ps.x[1], XV = X[0] * X[1] * X[2];
  *yshape = {ps.x[0], ps.x[1]};
  for (int i = 0; i < nd; ++i) yshape->push_back(O[off + i]);
  bool cip = ps.count_include_pad != 0;
  Vec y;
  for (int64_t pl = 0; pl < planes; ++pl)
    for (int64_t a = 0; a < O[0]; ++a)
      for (int64_t b = 0; b < O[1]; ++b)
        for (int64_t c = 0; c < O[2]; ++c) {
          double sum = 0, mx = -std::numeric_limits<double>::max();
          int64_t nvalid = 0, npadded = 0;
          for (int64_t k0 = 0; k0 < K[0]; ++k0)
            for (int64_t k1 = 0; k1 < K[1]; ++k1)
              for (int64_t k2 = 0; k2 < K[2]; ++k2) {
                int64_t q[3] = {a * S[0] - PB[0] + k0, b * S[1] - PB[1] + k1, c * S[2] - PB[2] + k2};
                bool inside = true, padded = true;
                for (int j = 0; j < 3; ++j) {
                  inside &= q[j] >= 0 && q[j] < X[j];
                  padded &= q[j] < X[j] + PA[j];
                }
                npadded += padded;
                if (!inside) continue;
                double v = x[size_t(pl * XV + (q[0] * X[1] + q[1]) * X[2] + q[2])];
                ++nvalid;
                mx = std::max(mx, v);
                sum += ps.type == "lp" ? std::pow(v, ps.p_value) : v;
              }
          double r = sum;
          if (ps.type == "max") r = mx;
          if (ps.type == "avg") {
            int64_t div = cip ? npadded : nvalid;
            r = div ? sum / double(div) : 0;
          }
          if (ps.type == "lp") r = ps.p_value == 2 ? std::sqrt(sum) : ps.p_value == 3 ? std::cbrt(sum) : sum;
          y.push_back(r);
        }
  return y;
}

// Channel statistics of data viewed as (outer, C, inner).
void view3(const Dims& s, int axis, int64_t* outer, int64_t* C, int64_t* inner) {
  *outer = *inner = 1;
  for (int i = 0; i < int(s.size()); ++i) {
    if (i < axis) *outer *= s[size_t(i)];
    else if (i > axis) *inner *= s[size_t(i)];
  }
  *C = s[size_t(axis)];
}

// y = (x - mean_c) / sqrt(var_c + eps) * gamma_c + beta_c along `axis`.
Vec bn_ref(const Dims& s, int axis, const Vec& x, const Vec& gamma, const Vec& beta, const Vec& mean,
           const Vec& var, double eps) {
  int64_t O, C, I;
  view3(s, axis, &O, &C, &I);
  Vec y(x.size());
  for (int64_t o = 0; o < O; ++o)
    for (int64_t c = 0; c < C; ++c)
      for (int64_t i = 0; i < I; ++i) {
        size_t k = size_t((o * C + c) * I + i);
        y[k] = (x[k] - mean[size_t(c)]) / std::sqrt(var[size_t(c)] + eps) * gamma[size_t(c)] + beta[size_t(c)];
      }
  return y;
}
void batch_stats(const Dims& s, int axis, const Vec& x, Vec* mean, Vec* var) {
  int64_t O, C, I;
  view3(s, axis, &O, &C, &I);
  mean->assign(size_t(C), 0);
  var->assign(size_t(C), 0);
  double M = double(O * I);
  for (int64_t o = 0; o < O; ++o)
    for (int64_t c = 0; c < C; ++c)
      for (int64_t i = 0; i < I; ++i) (*mean)[size_t(c)] += x[size_t((o * C + c) * I + i)] / M;
  for (int64_t o = 0; o < O; ++o)
    for (int64_t c = 0; c < C; ++c)
      for (int64_t i = 0; i < I; ++i) {
        double d = x[size_t((o * C + c) * I + i)] - (*mean)[size_t(c)];
        (*var)[size_t(c)] += d * d / M;
      }
}

Vec seq(int64_t n, double from = 1) {
  Vec v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) v[size_t(i)] = from + double(i);
  return v;
}

}  // namespace

// ================================================================ Convolution
static const std::vector<Spec> kConvSpecs = {
    // 2-D: stride, padding, dilation, groups, bias
    {{2, 4, 7, 6}, {3, 2}, {2, 1}, {1, 0}, {1, 2}, 6, 2, true},
    // 2-D, one sample (the GEMM writes straight into the output), no bias
    {{1, 3, 5, 5}, {3, 3}, {}, {1, 1}, {}, 4, 1, false},
    // 1x1 kernel
    {{3, 5, 4, 3}, {1, 1}, {}, {}, {}, 2, 1, true},
    // 1-D
    {{2, 3, 9}, {3}, {2}, {1}, {2}, 4, 1, true},
    // 3-D with groups
    {{2, 2, 4, 5, 4}, {2, 3, 2}, {1, 2, 1}, {1, 0, 1}, {}, 4, 2, true},
    // depthwise
    {{2, 3, 6, 6}, {3, 3}, {2, 2}, {1, 1}, {}, 3, 3, true},
};

TEST(convolution_forward_matches_direct_loops) {
  unsigned seed = 1;
  for (const Spec& sp : kConvSpecs) {
    Dims ws = sp.wshape(false);
    Vec x = randv(size_t(numel(sp.x)), seed++), w = randv(size_t(numel(ws)), seed++), b = randv(size_t(sp.F), seed++);
    Dims ys;
    Vec want = conv_ref(sp, x, w, b, &ys);
    for (DType t : {DType::f64, DType::f32}) {
      std::vector<NDArray> in = {make(sp.x, x, t), make(ws, w, t)};
      if (sp.bias) in.push_back(make({sp.F}, b, t));
      auto out = invoke("Convolution", in, sp.params());
      CHECK(out.size() == 1);
      CHECK(dims(out[0]) == ys);
      CHECK(out[0].dtype() == t);
      double tol = t == DType::f64 ? 1e-12 : 1e-5;
      CHECK(close(read(out[0]), want, tol, tol, "Convolution"));
    }
  }
}

TEST(convolution_forward_batches_larger_than_one_im2col_chunk) {
  // 16 channels x 9 taps x 104^2 outputs: the column buffer holds two samples at a
  // time, so three samples take a full chunk and a partial one.
  Spec sp{{3, 16, 104, 104}, {3, 3}, {}, {1, 1}, {}, 4, 1, true};
  Dims ws = sp.wshape(false);
  Vec x = randv(size_t(numel(sp.x)), 7), w = randv(size_t(numel(ws)), 8), b = randv(4, 9);
  Dims ys;
  Vec want = conv_ref(sp, x, w, b, &ys);
  auto out = invoke("Convolution", {make(sp.x, x), make(ws, w), make({4}, b)}, sp.params());
  CHECK(dims(out[0]) == ys);
  CHECK(close(read(out[0]), want, 1e-11, 1e-11, "Convolution (chunked)"));
  // the data gradient path chunks the same way: compare with the direct adjoint
  Vec R = randv(size_t(numel(ys)), 10);
  auto g = invoke("_backward_Convolution", {make(ys, R), make(sp.x, x), make(ws, w)}, sp.params());
  CHECK(g.size() == 3);
  Vec dx = read(g[0]), dw = read(g[1]);
  // <conv(x), R> is linear in x and in w: the gradients must reproduce it exactly
  double lhs = 0, rx = 0, rw = 0;
  Vec y0 = conv_ref(sp, x, w, Vec(4, 0.0), &ys);
  for (size_t i = 0; i < R.size(); ++i) lhs += y0[i] * R[i];
  for (size_t i = 0; i < x.size(); ++i) rx += dx[i] * x[i];
  for (size_t i = 0; i < w.size(); ++i) rw += dw[i] * w[i];
  CHECK(std::fabs(lhs - rx) < 1e-8 * std::fabs(lhs) + 1e-8);
  CHECK(std::fabs(lhs - rw) < 1e-8 * std::fabs(lhs) + 1e-8);
}

TEST(convolution_gradients_match_finite_differences) {
  std::vector<Spec> specs = {
      {{2, 4, 5, 4}, {3, 2}, {2, 1}, {1, 1}, {1, 1}, 4, 2, true},
      {{2, 2, 6, 5}, {2, 2}, {1, 2}, {0, 1}, {2, 1}, 3, 1, false},
      {{2, 3, 7}, {3}, {2}, {1}, {1}, 2, 1, true},
      {{1, 2, 3, 4, 3}, {2, 2, 2}, {1, 1, 2}, {0, 1, 1}, {}, 2, 1, true},
  };
  unsigned seed = 20;
  int n = 0;
  for (const Spec& sp : specs) {
    Dims ws = sp.wshape(false);
    std::vector<Dims> shapes = {sp.x, ws};
    std::vector<Vec> vals = {randv(size_t(numel(sp.x)), seed++), randv(size_t(numel(ws)), seed++)};
    if (sp.bias) {
      shapes.push_back({sp.F});
      vals.push_back(randv(size_t(sp.F), seed++));
    }
    std::vector<size_t> which = {0, 1};
    if (sp.bias) which.push_back(2);
    n += check_grads("Convolution", shapes, vals, sp.params(), which);
  }
  CHECK(n == 11);
}

TEST(convolution_infers_weight_and_bias_shapes) {
  const OpDef& op = Registry::get("Convolution");
  Attrs a = Attrs::parse(&op, {{"kernel", "(3,3)"}, {"num_filter", "6"}, {"num_group", "2"}});
  CHECK(op.num_inputs(a) == 3);
  std::vector<Shape> in = {Shape{2, 4, 7, 7}, Shape(), Shape()}, out = {Shape()};
  CHECK(op.infer_shape(a, in, out));
  CHECK(in[1] == (Shape{6, 2, 3, 3}));
  CHECK(in[2] == (Shape{6}));
  CHECK(out[0] == (Shape{2, 6, 5, 5}));
  // unknown data: the bias still follows from num_filter, the rest stays unknown
  std::vector<Shape> in2 = {Shape(), Shape(), Shape()}, out2 = {Shape()};
  CHECK(!op.infer_shape(a, in2, out2));
  CHECK(in2[2] == (Shape{6}));
  CHECK(!in2[1].known() && !out2[0].known());
  // no_bias drops the bias input, as MXNet lists (data, weight)
  Attrs nb = Attrs::parse(&op, {{"kernel", "(3,)"}, {"num_filter", "6"}, {"no_bias", "True"}});
  CHECK(op.num_inputs(nb) == 2);
  CHECK(op.input_names(nb) == (std::vector<std::string>{"data", "weight"}));
  std::vector<Shape> in3 = {Shape{2, 4, 7}, Shape()}, out3 = {Shape()};
  CHECK(op.infer_shape(nb, in3, out3));
  CHECK(in3[1] == (Shape{6, 4, 3}));
  CHECK(out3[0] == (Shape{2, 6, 5}));
  // MXNet: kernel 3, dilate 2, pad (1,2), stride (2,3) on 7x7 gives 3x3
  Attrs d = Attrs::parse(&op, {{"kernel", "(3,3)"}, {"num_filter", "6"}, {"dilate", "(2,2)"}, {"pad", "(1,2)"},
                               {"stride", "(2,3)"}});
  std::vector<Shape> in4 = {Shape{2, 4, 7, 7}, Shape(), Shape()}, out4 = {Shape()};
  CHECK(op.infer_shape(d, in4, out4));
  CHECK(out4[0] == (Shape{2, 6, 3, 3}));
  CHECK(Registry::find("_npx_convolution") == &op);
}

TEST(convolution_rejects_bad_parameters_and_inputs) {
  NDArray x = make({2, 4, 7, 7}, Vec(196 * 2, 1.0)), w = make({6, 4, 3, 3}, Vec(216, 1.0)), b = make({6}, Vec(6, 0.0));
  auto conv = [&](KV kv, std::vector<NDArray> in) { return [=] { invoke("Convolution", in, kv); }; };
  CHECK(error_code(conv({{"kernel", "(3,3)"}, {"num_filter", "6"}, {"layout", "NHWC"}}, {x, w, b}),
                   {"Convolution", "layout", "NHWC"}) == code(Err::kInvalidArgument));
  CHECK(error_code(conv({{"kernel", "(9,9)"}, {"num_filter", "6"}}, {x, w, b}), {"Convolution", "9"}) ==
        code(Err::kShape));
  CHECK(error_code(conv({{"kernel", "(3,3)"}, {"num_filter", "6"}, {"num_group", "3"}}, {x, w, b}),
                   {"Convolution", "num_group"}) == code(Err::kShape));
  CHECK(error_code(conv({{"kernel", "(3,3)"}}, {x, w, b}), {"Convolution", "num_filter"}) ==
        code(Err::kInvalidArgument));
  CHECK(error_code(conv({{"kernel", "(3,3)"}, {"num_filter", "0"}}, {x, w, b}), {"num_filter"}) ==
        code(Err::kInvalidArgument));
  CHECK(error_code(conv({{"kernel", "(3,3)"}, {"num_filter", "6"}, {"stride", "(2,)"}}, {x, w, b}),
                   {"Convolution", "stride"}) == code(Err::kInvalidArgument));
  CHECK(error_code(conv({{"kernel", "(3,3)"}, {"num_filter", "6"}, {"stride", "(0,1)"}}, {x, w, b}),
                   {"stride"}) == code(Err::kInvalidArgument));
  CHECK(error_code(conv({{"kernel", "(3,3,3)"}, {"num_filter", "6"}}, {x, w, b}), {"Convolution", "5 dimensions"}) ==
        code(Err::kShape));
  CHECK(error_code(conv({{"kernel", "(3,3)"}, {"num_filter", "6"}}, {x, make({6, 4, 2, 3}, Vec(144, 1.0)), b}),
                   {"Convolution", "weight"}) == code(Err::kShape));
  CHECK(error_code(conv({{"kernel", "(3,3)"}, {"num_filter", "6"}}, {x, w}), {"Convolution", "bias"}) ==
        code(Err::kInvalidArgument));
  NDArray xi = make({2, 4, 7, 7}, Vec(392, 1.0), DType::i32), wi = make({6, 4, 3, 3}, Vec(216, 1.0), DType::i32),
          bi = make({6}, Vec(6, 0.0), DType::i32);
  CHECK(error_code(conv({{"kernel", "(3,3)"}, {"num_filter", "6"}}, {xi, wi, bi}), {"Convolution", "int32"}) ==
        code(Err::kDType));
}

TEST(convolution_float16_computes_through_float32) {
  const Spec& sp = kConvSpecs[0];
  Dims ws = sp.wshape(false);
  Vec x = randv(size_t(numel(sp.x)), 31), w = randv(size_t(numel(ws)), 32), b = randv(size_t(sp.F), 33);
  // round the inputs to half first so only the output rounding differs
  for (auto* v : {&x, &w, &b})
    for (auto& e : *v) e = double(float(half(float(e))));
  Dims ys;
  Vec want = conv_ref(sp, x, w, b, &ys);
  auto out = invoke("Convolution", {make(sp.x, x, DType::f16), make(ws, w, DType::f16), make({sp.F}, b, DType::f16)},
                    sp.params());
  CHECK(out[0].dtype() == DType::f16);
  CHECK(close(read(out[0]), want, 2e-3, 2e-3, "Convolution float16"));
  Vec R = randv(size_t(numel(ys)), 34);
  auto g32 = invoke("_backward_Convolution", {make(ys, R, DType::f32), make(sp.x, x, DType::f32), make(ws, w, DType::f32)}, sp.params());
  auto g16 = invoke("_backward_Convolution", {make(ys, R, DType::f16), make(sp.x, x, DType::f16), make(ws, w, DType::f16)}, sp.params());
  for (int i = 0; i < 3; ++i) CHECK(close(read(g16[size_t(i)]), read(g32[size_t(i)]), 1e-2, 1e-2, "float16 gradient"));
}

// ============================================================= Deconvolution
static const std::vector<Spec> kDeconvSpecs = {
    // stride, pad, adj, groups, bias
    {{2, 4, 3, 4}, {3, 3}, {2, 2}, {1, 1}, {}, 6, 2, true, {1, 0}},
    // dilation, no bias
    {{1, 3, 4, 3}, {2, 3}, {1, 2}, {0, 1}, {2, 1}, 2, 1, false},
    // target_shape decides pad and adj
    {{2, 2, 4, 4}, {3, 3}, {2, 2}, {}, {}, 3, 1, true, {}, {8, 9}},
    // 1-D
    {{2, 3, 5}, {4}, {3}, {1}, {}, 2, 1, true, {2}},
    // 3-D
    {{1, 2, 2, 3, 2}, {2, 2, 3}, {2, 1, 2}, {0, 1, 1}, {}, 2, 1, true},
};

TEST(deconvolution_forward_matches_direct_loops) {
  unsigned seed = 40;
  for (const Spec& sp : kDeconvSpecs) {
    Dims ws = sp.wshape(true);
    Vec x = randv(size_t(numel(sp.x)), seed++), w = randv(size_t(numel(ws)), seed++), b = randv(size_t(sp.F), seed++);
    Dims ys;
    Vec want = deconv_ref(sp, x, w, b, &ys);
    std::vector<NDArray> in = {make(sp.x, x), make(ws, w)};
    if (sp.bias) in.push_back(make({sp.F}, b));
    auto out = invoke("Deconvolution", in, sp.params());
    CHECK(dims(out[0]) == ys);
    CHECK(close(read(out[0]), want, 1e-12, 1e-12, "Deconvolution"));
  }
}

TEST(deconvolution_gradients_match_finite_differences) {
  unsigned seed = 60;
  int n = 0;
  for (const Spec& sp : kDeconvSpecs) {
    Dims ws = sp.wshape(true);
    std::vector<Dims> shapes = {sp.x, ws};
    std::vector<Vec> vals = {randv(size_t(numel(sp.x)), seed++), randv(size_t(numel(ws)), seed++)};
    std::vector<size_t> which = {0, 1};
    if (sp.bias) {
      shapes.push_back({sp.F});
      vals.push_back(randv(size_t(sp.F), seed++));
      which.push_back(2);
    }
    n += check_grads("Deconvolution", shapes, vals, sp.params(), which);
  }
  CHECK(n == 14);
}

TEST(deconvolution_shapes_defaults_and_errors) {
  const OpDef& op = Registry::get("Deconvolution");
  // MXNet: no_bias defaults to True, so the inputs are (data, weight)
  Attrs a = Attrs::parse(&op, {{"kernel", "(3,3)"}, {"num_filter", "6"}, {"num_group", "2"}});
  CHECK(op.num_inputs(a) == 2);
  std::vector<Shape> in = {Shape{2, 4, 7, 7}, Shape()}, out = {Shape()};
  CHECK(op.infer_shape(a, in, out));
  CHECK(in[1] == (Shape{4, 3, 3, 3}));
  CHECK(out[0] == (Shape{2, 6, 9, 9}));
  // values MXNet 1.9 infers
  auto shape_of = [&](KV kv) {
    Attrs b = Attrs::parse(&op, kv);
    std::vector<Shape> i = {Shape{2, 4, 7, 7}, Shape()}, o = {Shape()};
    op.infer_shape(b, i, o);
    return o[0];
  };
  CHECK(shape_of({{"kernel", "(3,3)"}, {"num_filter", "6"}, {"stride", "(2,2)"}, {"adj", "(1,1)"}, {"pad", "(1,1)"}}) ==
        (Shape{2, 6, 14, 14}));
  CHECK(shape_of({{"kernel", "(3,3)"}, {"num_filter", "6"}, {"stride", "(2,2)"}, {"target_shape", "(14,15)"}}) ==
        (Shape{2, 6, 14, 15}));
  CHECK(error_code([&] { shape_of({{"kernel", "(3,3)"}, {"num_filter", "6"}, {"stride", "(2,2)"}, {"adj", "(2,2)"}}); },
                   {"Deconvolution", "adj"}) == code(Err::kInvalidArgument));
  CHECK(error_code([&] { shape_of({{"kernel", "(3,3)"}, {"num_filter", "6"}, {"target_shape", "(30,30)"}}); },
                   {"Deconvolution", "target_shape"}) == code(Err::kShape));
  CHECK(Registry::find("_npx_deconvolution") == &op);
}

// ==================================================================== Pooling
TEST(pooling_forward_matches_direct_loops) {
  std::vector<PoolSpec> specs;
  for (std::string type : {"max", "avg", "sum", "lp"})
    for (std::string conv : {"valid", "full"}) {
      PoolSpec p{{2, 3, 7, 6}, {3, 2}, {2, 2}, {1, 1}, type, conv};
      if (type == "lp") p.p_value = 2;
      specs.push_back(p);
    }
  PoolSpec avg_excl{{2, 2, 5, 5}, {2, 2}, {2, 2}, {1, 1}, "avg"};
  avg_excl.count_include_pad = 0;
  specs.push_back(avg_excl);
  PoolSpec avg_full_excl{{1, 2, 6, 7}, {3, 3}, {2, 2}, {1, 1}, "avg", "full"};
  avg_full_excl.count_include_pad = 0;
  specs.push_back(avg_full_excl);
  for (int pv : {1, 2, 3}) {
    PoolSpec lp{{1, 2, 5, 4}, {2, 2}, {1, 2}, {}, "lp"};
    lp.p_value = pv;
    specs.push_back(lp);
  }
  specs.push_back({{2, 2, 9}, {3}, {2}, {1}, "max"});                      // 1-D
  specs.push_back({{2, 2, 9}, {3}, {2}, {}, "max", "same"});               // MXNet's 1-D 'same'
  specs.push_back({{1, 2, 7, 5}, {4, 2}, {3, 2}, {}, "avg", "same"});      // 'same' in 2-D
  specs.push_back({{1, 2, 4, 5, 4}, {2, 3, 2}, {2, 1, 2}, {1, 1, 0}, "avg"});  // 3-D
  PoolSpec glob{{2, 3, 5, 4}, {}, {}, {}, "avg"};
  glob.global = true;
  specs.push_back(glob);
  PoolSpec glob_max{{2, 3, 5, 4}, {2, 2}, {3, 3}, {1, 1}, "max"};  // kernel/stride/pad ignored
  glob_max.global = true;
  specs.push_back(glob_max);
  unsigned seed = 80;
  for (const PoolSpec& ps : specs) {
    Vec x = ps.type == "lp" ? randv(size_t(numel(ps.x)), seed++, 0.1, 2) : randv(size_t(numel(ps.x)), seed++);
    Dims ys;
    Vec want = pool_ref(ps, x, &ys);
    for (DType t : {DType::f64, DType::f32}) {
      auto out = invoke("Pooling", {make(ps.x, x, t)}, ps.params());
      CHECK(dims(out[0]) == ys);
      double tol = t == DType::f64 ? 1e-12 : 1e-5;
      std::string what = "Pooling " + ps.type + " " + ps.convention;
      Vec got = read(out[0]);
      if (t == DType::f32)  // an empty window's lowest value is the float's, not the double's
        for (auto& v : got)
          if (v == double(std::numeric_limits<float>::lowest())) v = std::numeric_limits<double>::lowest();
      CHECK(close(got, want, tol, tol, what.c_str()));
    }
  }
}

TEST(pooling_matches_values_printed_by_mxnet) {
  NDArray x = make({1, 1, 5, 5}, seq(25));
  auto pool = [&](KV kv) { return read(invoke("Pooling", {x}, kv)[0]); };
  CHECK(close(pool({{"kernel", "(2,2)"}, {"stride", "(2,2)"}, {"pool_type", "avg"}, {"pad", "(1,1)"}}),
              {0.25, 1.25, 2.25, 4.25, 10, 12, 9.25, 20, 22}, 1e-12, 1e-12, "avg pad"));
  CHECK(close(pool({{"kernel", "(2,2)"}, {"stride", "(2,2)"}, {"pool_type", "avg"}, {"pad", "(1,1)"},
                    {"count_include_pad", "False"}}),
              {1, 2.5, 4.5, 8.5, 10, 12, 18.5, 20, 22}, 1e-12, 1e-12, "avg exclude pad"));
  CHECK(close(pool({{"kernel", "(2,2)"}, {"stride", "(2,2)"}, {"pool_type", "avg"}, {"pooling_convention", "full"}}),
              {4, 6, 7.5, 14, 16, 17.5, 21.5, 23.5, 25}, 1e-12, 1e-12, "avg full"));
  Vec full_pad = pool({{"kernel", "(2,2)"}, {"stride", "(2,2)"}, {"pool_type", "avg"}, {"pooling_convention", "full"},
                       {"pad", "(1,1)"}});
  CHECK(close(full_pad, {0.25, 1.25, 2.25, 0, 4.25, 10, 12, 0, 9.25, 20, 22, 0, 0, 0, 0, 0}, 1e-12, 1e-12, "avg full pad"));
  Vec max_full = pool({{"kernel", "(2,2)"}, {"stride", "(2,2)"}, {"pool_type", "max"}, {"pooling_convention", "full"},
                       {"pad", "(1,1)"}});
  double lo = std::numeric_limits<double>::lowest();
  CHECK(close(max_full, {1, 3, 5, lo, 11, 13, 15, lo, 21, 23, 25, lo, lo, lo, lo, lo}, 0, 0, "max full pad"));
  Vec sum_pad = pool({{"kernel", "(2,2)"}, {"pool_type", "sum"}, {"pad", "(1,1)"}});
  CHECK(sum_pad.size() == 36 && sum_pad[0] == 1 && sum_pad[7] == 16 && sum_pad[35] == 25 && sum_pad[30] == 21);
  Vec lp3 = pool({{"kernel", "(2,2)"}, {"pool_type", "lp"}, {"p_value", "3"}});
  CHECK(close({lp3[0], lp3[1], lp3[15]}, {8.281635, 9.619001, 35.385666}, 1e-6, 0, "lp p=3"));
  CHECK(close(pool({{"global_pool", "True"}, {"pool_type", "avg"}}), {13}, 1e-12, 0, "global avg"));
  NDArray neg = make({1, 1, 5}, {-1, -2, -3, -4, -5});
  CHECK(close(read(invoke("Pooling", {neg}, {{"kernel", "(2,)"}, {"pool_type", "lp"}, {"p_value", "1"}})[0]),
              {-3, -5, -7, -9}, 1e-12, 0, "lp p=1"));
  CHECK(close(read(invoke("Pooling", {neg}, {{"kernel", "(2,)"}, {"pool_type", "lp"}, {"p_value", "3"}})[0]),
              {-2.0800838, -3.2710664, -4.4979415, -5.7387934}, 1e-6, 0, "lp p=3 negative"));
  // the first maximum of a tie gets the gradient
  NDArray t = make({1, 1, 4}, {1, 3, 3, 2});
  KV kv = {{"kernel", "(2,)"}, {"stride", "(1,)"}, {"pool_type", "max"}};
  auto g = grad_of("Pooling", {t}, kv, make({1, 1, 3}, {1, 1, 1}));
  CHECK(close(read(g[0]), {0, 2, 1, 0}, 0, 0, "max ties"));
}

TEST(pooling_gradients_match_finite_differences) {
  std::vector<PoolSpec> specs = {
      {{2, 2, 5, 4}, {2, 2}, {2, 1}, {1, 1}, "max"},
      {{2, 2, 5, 4}, {3, 2}, {2, 1}, {1, 1}, "avg"},
      {{1, 2, 5, 6}, {3, 3}, {2, 2}, {1, 1}, "avg", "full"},
      {{1, 2, 4, 4}, {2, 2}, {1, 1}, {1, 0}, "sum"},
      {{1, 2, 7}, {3}, {2}, {}, "max", "same"},
      {{1, 1, 3, 4, 3}, {2, 2, 2}, {1, 2, 1}, {}, "avg"},
  };
  PoolSpec excl{{1, 2, 5, 5}, {2, 2}, {2, 2}, {1, 1}, "avg"};
  excl.count_include_pad = 0;
  specs.push_back(excl);
  for (int pv : {1, 2, 3}) {
    PoolSpec lp{{1, 2, 4, 5}, {2, 3}, {1, 2}, {}, "lp"};
    lp.p_value = pv;
    specs.push_back(lp);
  }
  PoolSpec glob{{2, 3, 3, 4}, {}, {}, {}, "max"};
  glob.global = true;
  specs.push_back(glob);
  unsigned seed = 100;
  int n = 0;
  for (const PoolSpec& ps : specs) {
    Vec x = ps.type == "lp" ? randv(size_t(numel(ps.x)), seed++, 0.2, 2) : randv(size_t(numel(ps.x)), seed++);
    n += check_grads("Pooling", {ps.x}, {x}, ps.params(), {0});
  }
  CHECK(n == int(specs.size()));
}

TEST(pooling_rejects_bad_parameters) {
  NDArray x = make({1, 2, 5, 5}, Vec(50, 1.0));
  auto pool = [&](KV kv, NDArray in) { return [=] { invoke("Pooling", {in}, kv); }; };
  CHECK(error_code(pool({{"kernel", "(2,2)"}, {"pool_type", "lp"}}, x), {"Pooling", "p_value"}) ==
        code(Err::kInvalidArgument));
  CHECK(error_code(pool({{"kernel", "(2,2)"}, {"pool_type", "lp"}, {"p_value", "4"}}, x), {"p_value", "4"}) ==
        code(Err::kInvalidArgument));
  CHECK(error_code(pool({{"pool_type", "max"}}, x), {"Pooling", "kernel"}) == code(Err::kInvalidArgument));
  CHECK(error_code(pool({{"kernel", "(2,)"}}, x), {"Pooling", "kernel"}) == code(Err::kShape));
  CHECK(error_code(pool({{"kernel", "(6,6)"}}, x), {"Pooling", "6"}) == code(Err::kShape));
  CHECK(error_code(pool({{"kernel", "(2,2)"}, {"pooling_convention", "same"}, {"pad", "(1,1)"}}, x),
                   {"Pooling", "pad"}) == code(Err::kInvalidArgument));
  CHECK(error_code(pool({{"kernel", "(2,2)"}, {"layout", "NHWC"}}, x), {"Pooling", "layout"}) ==
        code(Err::kInvalidArgument));
  CHECK(error_code(pool({{"kernel", "(2,2)"}, {"pool_type", "median"}}, x), {"Pooling", "pool_type"}) ==
        code(Err::kInvalidArgument));
  CHECK(error_code(pool({{"kernel", "(2,)"}}, make({2, 6}, Vec(12, 1.0))), {"Pooling", "dimensions"}) ==
        code(Err::kShape));
  CHECK(error_code(pool({{"kernel", "(2,2)"}}, make({1, 2, 5, 5}, Vec(50, 1.0), DType::i32)), {"Pooling", "int32"}) ==
        code(Err::kDType));
}

TEST(pooling_float16) {
  PoolSpec ps{{1, 2, 6, 6}, {3, 3}, {2, 2}, {1, 1}, "avg"};
  Vec x = randv(36 * 2, 120);
  for (auto& e : x) e = double(float(half(float(e))));
  Dims ys;
  Vec want = pool_ref(ps, x, &ys);
  auto out = invoke("Pooling", {make(ps.x, x, DType::f16)}, ps.params());
  CHECK(out[0].dtype() == DType::f16);
  CHECK(close(read(out[0]), want, 2e-3, 2e-3, "Pooling float16"));
  Vec R = randv(size_t(numel(ys)), 121);
  for (auto& e : R) e = double(float(half(float(e))));
  auto g16 = invoke("_backward_Pooling", {make(ys, R, DType::f16), make(ps.x, x, DType::f16), out[0]}, ps.params());
  auto g64 = invoke("_backward_Pooling", {make(ys, R), make(ps.x, x), make(ys, read(out[0]))}, ps.params());
  CHECK(g16[0].dtype() == DType::f16);
  CHECK(close(read(g16[0]), read(g64[0]), 2e-3, 2e-3, "Pooling float16 gradient"));
}

// ================================================================= UpSampling
TEST(upsampling_nearest_concat_and_sum) {
  Vec a = seq(8), b = seq(2, 10);  // (1,2,2,2) and (1,2,1,1)
  NDArray A = make({1, 2, 2, 2}, a), B = make({1, 2, 1, 1}, b);
  auto out = invoke("UpSampling", {A, B}, {{"scale", "2"}, {"sample_type", "nearest"}, {"num_args", "2"}});
  CHECK(dims(out[0]) == (Dims{1, 4, 4, 4}));
  Vec y = read(out[0]);
  bool ok = true;
  for (int64_t c = 0; c < 4; ++c)
    for (int64_t h = 0; h < 4; ++h)
      for (int64_t w = 0; w < 4; ++w) {
        double want = c < 2 ? a[size_t((c * 2 + h / 2) * 2 + w / 2)] : b[size_t(c - 2)];
        ok &= y[size_t((c * 4 + h) * 4 + w)] == want;
      }
  CHECK(ok);
  // sum: equal channel counts, added after upsampling
  NDArray S = make({1, 2, 1, 1}, {100, 200});
  auto s = invoke("UpSampling", {A, S}, {{"scale", "2"}, {"sample_type", "nearest"}, {"num_args", "2"},
                                         {"multi_input_mode", "sum"}});
  Vec ys = read(s[0]);
  CHECK(dims(s[0]) == (Dims{1, 2, 4, 4}));
  CHECK(ys[0] == 101 && ys[5] == 101 && ys[3] == 102 && ys[16] == 205 && ys[31] == 208);
  // gradients, through the registered gradient
  int n = check_grads("UpSampling", {{2, 2, 2, 3}, {2, 1, 6, 9}, {2, 3, 2, 3}},
                      {randv(24, 130), randv(108, 131), randv(36, 132)},
                      {{"scale", "3"}, {"sample_type", "nearest"}, {"num_args", "3"}}, {0, 1, 2});
  n += check_grads("UpSampling", {{1, 2, 2, 2}, {1, 2, 1, 1}}, {randv(8, 133), randv(2, 134)},
                   {{"scale", "2"}, {"sample_type", "nearest"}, {"num_args", "2"}, {"multi_input_mode", "sum"}}, {0, 1});
  CHECK(n == 5);
  // errors
  CHECK(error_code([&] { invoke("UpSampling", {A, make({1, 1, 3, 3}, Vec(9, 0.0))},
                                {{"scale", "2"}, {"sample_type", "nearest"}, {"num_args", "2"}}); },
                   {"UpSampling", "input 1"}) == code(Err::kShape));
  CHECK(error_code([&] { invoke("UpSampling", {A, make({1, 3, 1, 1}, Vec(3, 0.0))},
                                {{"scale", "2"}, {"sample_type", "nearest"}, {"num_args", "2"},
                                 {"multi_input_mode", "sum"}}); },
                   {"UpSampling", "sum"}) == code(Err::kShape));
  CHECK(error_code([&] { invoke("UpSampling", {A}, {{"scale", "2"}, {"num_args", "1"}}); },
                   {"UpSampling", "sample_type"}) == code(Err::kInvalidArgument));
}

TEST(upsampling_bilinear_is_a_depthwise_deconvolution) {
  const OpDef& op = Registry::get("UpSampling");
  for (int64_t s : {2, 3}) {
    KV kv = {{"scale", std::to_string(s)}, {"sample_type", "bilinear"}, {"num_filter", "3"}, {"num_args", "1"}};
    Attrs a = Attrs::parse(&op, kv);
    CHECK(op.input_names(a) == (std::vector<std::string>{"data", "weight"}));
    std::vector<Shape> in = {Shape{2, 3, 5, 5}, Shape()}, out = {Shape()};
    CHECK(op.infer_shape(a, in, out));
    int64_t k = 2 * s - s % 2;
    CHECK(in[1] == (Shape{3, 1, k, k}));  // MXNet: (3,1,4,4) for scale 2, (3,1,5,5) for 3
    CHECK(out[0] == (Shape{2, 3, 5 * s, 5 * s}));
    Spec sp{{2, 3, 5, 5}, {k, k}, {s, s}, {s / 2, s / 2}, {}, 3, 3, false};
    Vec x = randv(150, unsigned(140 + s)), w = randv(size_t(3 * k * k), unsigned(150 + s));
    Dims ys;
    Vec want = deconv_ref(sp, x, w, {}, &ys);
    auto y = invoke("UpSampling", {make({2, 3, 5, 5}, x), make({3, 1, k, k}, w)}, kv);
    CHECK(dims(y[0]) == ys);
    CHECK(close(read(y[0]), want, 1e-12, 1e-12, "UpSampling bilinear"));
  }
  int n = check_grads("UpSampling", {{1, 2, 3, 3}, {2, 1, 4, 4}}, {randv(18, 160), randv(32, 161)},
                      {{"scale", "2"}, {"sample_type", "bilinear"}, {"num_filter", "2"}, {"num_args", "1"}}, {0, 1});
  CHECK(n == 2);
  CHECK(error_code([&] {
          invoke("UpSampling", {make({1, 2, 3, 3}, Vec(18, 0.0)), make({2, 1, 4, 4}, Vec(32, 0.0))},
                 {{"scale", "2"}, {"sample_type", "bilinear"}, {"num_filter", "5"}, {"num_args", "1"}});
        }, {"UpSampling", "num_filter"}) == code(Err::kShape));
}

// ================================================================== BatchNorm
TEST(batchnorm_inference_uses_moving_statistics) {
  Dims s = {4, 3, 2, 2};
  Vec x = randv(48, 200), gamma = {1.5, 2, 0.5}, beta = {0.1, 0.2, 0.3}, mm = {0.1, -0.2, 0.3}, mv = {2, 3, 4};
  std::vector<NDArray> in = {make(s, x), make({3}, gamma), make({3}, beta), make({3}, mm), make({3}, mv)};
  auto out = invoke("BatchNorm", in, {{"fix_gamma", "False"}});
  CHECK(out.size() == 1);
  CHECK(close(read(out[0]), bn_ref(s, 1, x, gamma, beta, mm, mv, 1e-3), 1e-12, 1e-12, "BatchNorm inference"));
  CHECK(close(read(in[3]), mm, 0, 0, "moving_mean unchanged"));
  CHECK(close(read(in[4]), mv, 0, 0, "moving_var unchanged"));
  // fix_gamma (the default) treats gamma as 1; output_mean_var adds mean and inverse std
  auto o3 = invoke("BatchNorm", in, {{"output_mean_var", "True"}, {"eps", "0.01"}});
  CHECK(o3.size() == 3);
  CHECK(close(read(o3[0]), bn_ref(s, 1, x, {1, 1, 1}, beta, mm, mv, 0.01), 1e-12, 1e-12, "BatchNorm fix_gamma"));
  CHECK(close(read(o3[1]), mm, 1e-12, 0, "mean output"));
  CHECK(close(read(o3[2]), {1 / std::sqrt(2.01), 1 / std::sqrt(3.01), 1 / std::sqrt(4.01)}, 1e-12, 0, "invstd output"));
  // the channel axis may be any axis
  Dims s2 = {2, 3, 4};
  Vec x2 = randv(24, 201), g4 = {1, 2, 3, 4}, z4 = {0, 0, 0, 0}, o4 = {1, 1, 1, 1}, m4 = {0.5, 0, -0.5, 1};
  auto last = invoke("BatchNorm", {make(s2, x2), make({4}, g4), make({4}, z4), make({4}, m4), make({4}, o4)},
                     {{"axis", "-1"}, {"fix_gamma", "False"}});
  CHECK(close(read(last[0]), bn_ref(s2, 2, x2, g4, z4, m4, o4, 1e-3), 1e-12, 1e-12, "BatchNorm axis=-1"));
}

TEST(batchnorm_training_uses_batch_statistics_and_updates_moving_ones) {
  Dims s = {4, 3, 2, 2};
  Vec x = randv(48, 210), gamma = {1.5, 2, 0.5}, beta = {0.1, 0.2, 0.3};
  NDArray mm = make({3}, {0, 0, 0}), mv = make({3}, {1, 1, 1});
  KV kv = {{"fix_gamma", "False"}, {"output_mean_var", "True"}, {"momentum", "0.9"}};
  auto out = run_direct("BatchNorm", {make(s, x), make({3}, gamma), make({3}, beta), mm, mv}, kv, true);
  Vec mean, var;
  batch_stats(s, 1, x, &mean, &var);
  CHECK(close(read(out[0]), bn_ref(s, 1, x, gamma, beta, mean, var, 1e-3), 1e-12, 1e-12, "BatchNorm train"));
  CHECK(close(read(out[1]), mean, 1e-12, 1e-12, "batch mean"));
  Vec invstd(3), want_mm(3), want_mv(3);
  for (size_t c = 0; c < 3; ++c) {
    invstd[c] = 1 / std::sqrt(var[c] + 1e-3);
    want_mm[c] = 0.1 * mean[c];
    want_mv[c] = 0.9 + 0.1 * var[c];  // the biased variance, as MXNet's update gives
  }
  CHECK(close(read(out[2]), invstd, 1e-12, 0, "batch inverse std"));
  CHECK(close(read(mm), want_mm, 1e-12, 1e-15, "moving_mean updated"));
  CHECK(close(read(mv), want_mv, 1e-12, 0, "moving_var updated"));
  // use_global_stats keeps using (and keeping) the moving statistics while training
  NDArray mm2 = make({3}, {0.1, 0.2, 0.3}), mv2 = make({3}, {2, 3, 4});
  auto g = run_direct("BatchNorm", {make(s, x), make({3}, gamma), make({3}, beta), mm2, mv2},
                      {{"fix_gamma", "False"}, {"use_global_stats", "True"}}, true);
  CHECK(close(read(g[0]), bn_ref(s, 1, x, gamma, beta, {0.1, 0.2, 0.3}, {2, 3, 4}, 1e-3), 1e-12, 1e-12,
              "BatchNorm use_global_stats"));
  CHECK(close(read(mm2), {0.1, 0.2, 0.3}, 0, 0, "moving_mean kept"));
  // float16 data keeps float32 parameters (MXNet's type rule) and runs imperatively
  auto h = invoke("BatchNorm", {make(s, x, DType::f16), make({3}, gamma, DType::f32), make({3}, beta, DType::f32),
                                make({3}, {0.1, 0.2, 0.3}, DType::f32), make({3}, {2, 3, 4}, DType::f32)},
                  {{"fix_gamma", "False"}});
  CHECK(h[0].dtype() == DType::f16);
  CHECK(close(read(h[0]), bn_ref(s, 1, x, gamma, beta, {0.1, 0.2, 0.3}, {2, 3, 4}, 1e-3), 5e-3, 5e-3,
              "BatchNorm float16"));
  CHECK(error_code([&] {
          invoke("BatchNorm", {make(s, x, DType::f16), make({3}, gamma, DType::f16), make({3}, beta, DType::f16),
                               make({3}, gamma, DType::f16), make({3}, gamma, DType::f16)}, {});
        }, {"BatchNorm", "float32"}) == code(Err::kDType));
}

TEST(batchnorm_gradients_match_finite_differences) {
  Dims s = {3, 2, 2, 3};
  Vec x = randv(36, 220), gamma = {1.3, -0.7}, beta = {0.2, -0.1}, mm = {0.3, -0.4}, mv = {1.5, 0.6};
  // global statistics (what the imperative path uses outside training), through the registered gradient
  int n = check_grads("BatchNorm", {s, {2}, {2}, {2}, {2}}, {x, gamma, beta, mm, mv}, {{"fix_gamma", "False"}}, {0, 1, 2});
  n += check_grads("BatchNorm", {s, {3}, {3}, {3}, {3}}, {x, {0.5, 1, 2}, {0, 1, 2}, {0.1, 0.2, 0.3}, {1, 2, 3}},
                   {{"fix_gamma", "False"}, {"use_global_stats", "True"}, {"axis", "-1"}, {"eps", "0.1"}}, {0});
  CHECK(n == 4);
  // the gradient gives nothing to the auxiliary states
  auto g0 = grad_of("BatchNorm", {make(s, x), make({2}, gamma), make({2}, beta), make({2}, mm), make({2}, mv)}, {},
                    make(s, randv(36, 221)));
  CHECK(g0.size() == 5 && g0[3].is_none() && g0[4].is_none());
  // fix_gamma: gamma gets a zero gradient
  CHECK(close(read(g0[1]), {0, 0}, 0, 0, "fix_gamma gamma gradient"));

  // training: batch statistics, through the kernels called with is_train
  for (int axis : {1, 3}) {
    for (bool fix : {false, true}) {
      KV kv = {{"fix_gamma", fix ? "True" : "False"}, {"axis", std::to_string(axis)}};
      int64_t C = s[size_t(axis)];
      Vec g = randv(size_t(C), 222), b = randv(size_t(C), 223), m(size_t(C), 0.0), v(size_t(C), 1.0);
      Fwd f = [&](const std::vector<Vec>& in) {
        return read(run_direct("BatchNorm", {make(s, in[0]), make({C}, in[1]), make({C}, in[2]), make({C}, m),
                                             make({C}, v)}, kv, true)[0]);
      };
      Vec R = randv(36, 224);
      auto grads = run_direct("_backward_BatchNorm", {make(s, R), make(s, x), make({C}, g), make({C}, m), make({C}, v)},
                              kv, true);
      CHECK(grads.size() == 3);
      std::vector<Vec> in = {x, g, b};
      std::string what = "BatchNorm train axis " + std::to_string(axis);
      CHECK(close(read(grads[0]), numeric_grad(f, in, 0, R), 1e-6, 1e-6, (what + " d(data)").c_str()));
      CHECK(close(read(grads[1]), fix ? Vec(size_t(C), 0.0) : numeric_grad(f, in, 1, R), 1e-6, 1e-6,
                  (what + " d(gamma)").c_str()));
      CHECK(close(read(grads[2]), numeric_grad(f, in, 2, R), 1e-6, 1e-6, (what + " d(beta)").c_str()));
    }
  }
}

TEST(batchnorm_shapes_and_errors) {
  const OpDef& op = Registry::get("BatchNorm");
  Attrs a = Attrs::parse(&op, {});
  CHECK(op.num_inputs(a) == 5 && op.num_outs(a) == 1);
  CHECK(op.mutate_inputs == (std::vector<int>{3, 4}));
  std::vector<Shape> in = {Shape{2, 5, 3}, Shape(), Shape(), Shape(), Shape()}, out = {Shape()};
  CHECK(op.infer_shape(a, in, out));
  for (int i = 1; i < 5; ++i) CHECK(in[size_t(i)] == (Shape{5}));
  CHECK(out[0] == (Shape{2, 5, 3}));
  Attrs omv = Attrs::parse(&op, {{"output_mean_var", "True"}});
  CHECK(op.num_outs(omv) == 3);
  std::vector<int> it = {int(DType::f16), -1, -1, -1, -1}, ot = {-1, -1, -1};
  CHECK(op.infer_type(omv, it, ot));
  CHECK(it[1] == int(DType::f32) && it[4] == int(DType::f32) && ot[0] == int(DType::f16) && ot[2] == int(DType::f32));
  NDArray x = make({2, 3}, Vec(6, 1.0)), c3 = make({3}, Vec(3, 1.0)), c4 = make({4}, Vec(4, 1.0));
  CHECK(error_code([&] { invoke("BatchNorm", {x, c3, c3, c3, c3}, {{"axis", "2"}}); }, {"BatchNorm", "axis"}) ==
        code(Err::kInvalidArgument));
  CHECK(error_code([&] { invoke("BatchNorm", {x, c4, c3, c3, c3}, {}); }, {"BatchNorm", "gamma"}) == code(Err::kShape));
  CHECK(Registry::find("_npx_batch_norm") == &op);
}

// ================================================================== LayerNorm
TEST(layernorm_forward_and_gradients) {
  Dims s = {2, 3, 4};
  Vec x = randv(24, 300);
  for (int axis : {-1, 1, 0}) {
    int ax = axis < 0 ? 2 : axis;
    int64_t O, C, I;
    view3(s, ax, &O, &C, &I);
    Vec g = randv(size_t(C), 301), b = randv(size_t(C), 302);
    KV kv = {{"axis", std::to_string(axis)}, {"output_mean_var", "True"}};
    auto out = invoke("LayerNorm", {make(s, x), make({C}, g), make({C}, b)}, kv);
    CHECK(out.size() == 3);
    Dims rs = s;
    rs[size_t(ax)] = 1;
    CHECK(dims(out[1]) == rs && dims(out[2]) == rs);
    Vec want(24), mean(size_t(O * I)), sd(size_t(O * I));
    for (int64_t o = 0; o < O; ++o)
      for (int64_t i = 0; i < I; ++i) {
        double m = 0, v = 0;
        for (int64_t c = 0; c < C; ++c) m += x[size_t((o * C + c) * I + i)] / double(C);
        for (int64_t c = 0; c < C; ++c) v += std::pow(x[size_t((o * C + c) * I + i)] - m, 2) / double(C);
        mean[size_t(o * I + i)] = m;
        sd[size_t(o * I + i)] = std::sqrt(v + 1e-5);
        for (int64_t c = 0; c < C; ++c) {
          size_t k = size_t((o * C + c) * I + i);
          want[k] = (x[k] - m) / std::sqrt(v + 1e-5) * g[size_t(c)] + b[size_t(c)];
        }
      }
    CHECK(close(read(out[0]), want, 1e-12, 1e-12, "LayerNorm"));
    CHECK(close(read(out[1]), mean, 1e-12, 1e-12, "LayerNorm mean"));
    CHECK(close(read(out[2]), sd, 1e-12, 1e-12, "LayerNorm std"));
    CHECK(check_grads("LayerNorm", {s, {C}, {C}}, {x, g, b}, {{"axis", std::to_string(axis)}}, {0, 1, 2}) == 3);
  }
  CHECK(error_code([&] { invoke("LayerNorm", {make(s, x), make({4}, Vec(4, 1.0)), make({4}, Vec(4, 0.0))},
                                {{"axis", "3"}}); }, {"LayerNorm", "axis"}) == code(Err::kInvalidArgument));
  CHECK(error_code([&] { invoke("LayerNorm", {make(s, x), make({3}, Vec(3, 1.0)), make({4}, Vec(4, 0.0))}, {}); },
                   {"LayerNorm", "gamma"}) == code(Err::kShape));
  // float32 and float16 run too
  auto f = invoke("LayerNorm", {make(s, x, DType::f16), make({4}, Vec(4, 1.0), DType::f16), make({4}, Vec(4, 0.0), DType::f16)}, {});
  auto d = invoke("LayerNorm", {make(s, x), make({4}, Vec(4, 1.0)), make({4}, Vec(4, 0.0))}, {});
  CHECK(close(read(f[0]), read(d[0]), 1e-2, 1e-2, "LayerNorm float16"));
}

// =============================================================== InstanceNorm
TEST(instancenorm_forward_and_gradients) {
  for (Dims s : {Dims{2, 3, 4}, Dims{2, 2, 3, 2}}) {
    int64_t N = s[0], C = s[1], S = numel(s) / (N * C);
    Vec x = randv(size_t(numel(s)), 400), g = randv(size_t(C), 401), b = randv(size_t(C), 402);
    auto out = invoke("InstanceNorm", {make(s, x), make({C}, g), make({C}, b)}, {});
    Vec want(x.size());
    for (int64_t r = 0; r < N * C; ++r) {
      double m = 0, v = 0;
      for (int64_t j = 0; j < S; ++j) m += x[size_t(r * S + j)] / double(S);
      for (int64_t j = 0; j < S; ++j) v += std::pow(x[size_t(r * S + j)] - m, 2) / double(S);
      for (int64_t j = 0; j < S; ++j)
        want[size_t(r * S + j)] = (x[size_t(r * S + j)] - m) / std::sqrt(v + 1e-3) * g[size_t(r % C)] + b[size_t(r % C)];
    }
    CHECK(close(read(out[0]), want, 1e-12, 1e-12, "InstanceNorm"));
    CHECK(check_grads("InstanceNorm", {s, {C}, {C}}, {x, g, b}, {{"eps", "0.01"}}, {0, 1, 2}) == 3);
  }
}

// =================================================================== MakeLoss
TEST(makeloss_is_identity_with_a_fixed_gradient) {
  Vec x = {0.5, -1, 2, 0, 3, 0};
  NDArray a = make({2, 3}, x);
  CHECK(close(read(invoke("MakeLoss", {a}, {})[0]), x, 0, 0, "MakeLoss forward"));
  NDArray og = make({2, 3}, Vec(6, 5.0));  // ignored, as in MXNet
  // values MXNet 1.9 gives for this input
  struct Case { KV kv; double want; };
  std::vector<Case> cases = {{{}, 1},
                             {{{"grad_scale", "2"}}, 2},
                             {{{"normalization", "batch"}, {"grad_scale", "3"}}, 1.5},
                             {{{"normalization", "valid"}}, 1.0 / 3},
                             {{{"normalization", "valid"}, {"valid_thresh", "0.7"}}, 0.5},
                             {{{"normalization", "valid"}, {"valid_thresh", "10"}}, 1}};
  for (const auto& c : cases) {
    auto g = grad_of("MakeLoss", {a}, c.kv, og);
    CHECK(g.size() == 1 && close(read(g[0]), Vec(6, c.want), 1e-12, 0, "MakeLoss gradient"));
  }
}

// ================================================================ registry
TEST(registered_parameters_follow_mxnet) {
  auto params = [](const char* name) {
    std::vector<std::string> v;
    for (const auto& p : Registry::get(name).params) v.push_back(p.name);
    return v;
  };
  CHECK(params("Convolution") == (std::vector<std::string>{"kernel", "stride", "dilate", "pad", "num_filter", "num_group",
                                                           "workspace", "no_bias", "cudnn_tune", "cudnn_off", "layout"}));
  CHECK(params("Deconvolution") == (std::vector<std::string>{"kernel", "stride", "dilate", "pad", "adj", "target_shape",
                                                             "num_filter", "num_group", "workspace", "no_bias",
                                                             "cudnn_tune", "cudnn_off", "layout"}));
  CHECK(params("Pooling") == (std::vector<std::string>{"kernel", "pool_type", "global_pool", "cudnn_off",
                                                       "pooling_convention", "stride", "pad", "p_value",
                                                       "count_include_pad", "layout"}));
  CHECK(params("UpSampling") == (std::vector<std::string>{"scale", "num_filter", "sample_type", "multi_input_mode",
                                                          "num_args", "workspace"}));
  CHECK(params("BatchNorm") == (std::vector<std::string>{"eps", "momentum", "fix_gamma", "use_global_stats",
                                                         "output_mean_var", "axis", "cudnn_off", "min_calib_range",
                                                         "max_calib_range"}));
  CHECK(params("LayerNorm") == (std::vector<std::string>{"axis", "eps", "output_mean_var"}));
  CHECK(params("InstanceNorm") == (std::vector<std::string>{"eps"}));
  CHECK(params("MakeLoss") == (std::vector<std::string>{"grad_scale", "valid_thresh", "normalization"}));
  const OpDef& deconv = Registry::get("Deconvolution");
  CHECK(deconv.params[size_t(deconv.param_index("no_bias"))].def == "True");
  CHECK(Registry::get("UpSampling").key_var_num_args == "num_args");
  for (const char* n : {"_backward_Convolution", "_backward_Deconvolution", "_backward_Pooling", "_backward_UpSampling",
                        "_backward_BatchNorm", "_backward_LayerNorm", "_backward_InstanceNorm", "_backward_MakeLoss"})
    CHECK(Registry::find(n) != nullptr);
}

int main() { return check::run_all("ops_nn"); }
