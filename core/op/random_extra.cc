// More of MXNet's random operators:
// - _random_pdf_* (uniform, normal, gamma, exponential, poisson, negative_binomial,
//   generalized_negative_binomial, dirichlet): the density (or its log) of samples
//   under per-row distribution parameters, differentiable in samples and parameters;
// - _random_*_like: the scalar samplers with data's shape and dtype;
// - _shuffle (permutes the first axis), _sample_unique_zipfian (unique log-uniform
//   candidates per row) and _histogram.
// The formulas are core/op/random_extra_math.h's, shared with core/cuda/random_extra.cu.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_set>
#include <vector>

#include "random_common.h"
#include "random_extra_math.h"

namespace mxl {
namespace {

// ================================================================ densities
// Parameter arrays share one shape P; the sample has shape P + T (T the draws per
// distribution, possibly none) and so has the output. Dirichlet's alpha is (P..., k)
// and its sample (P..., T..., k), the output (P..., T...).

bool starts_with(const Shape& s, const Shape& prefix, int prefix_ndim) {
  if (s.ndim < prefix_ndim) return false;
  for (int i = 0; i < prefix_ndim; ++i)
    if (s[i] != prefix[i]) return false;
  return true;
}

// Shape rules of one pdf op; in = (sample, params...), out has sample's shape (or
// sample's less the last axis for dirichlet).
bool pdf_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out, bool dirichlet) {
  const char* op = a.op->name.c_str();
  int known = -1;
  for (size_t i = 1; i < in.size(); ++i) {
    if (!in[i].known()) continue;
    if (known < 0) known = int(i);
    MXL_CHECK(in[i] == in[size_t(known)], Err::kShape, op, ": the parameter arrays must have one shape, got ",
              a.op->inputs[size_t(known)], " ", in[size_t(known)], " and ", a.op->inputs[i], " ", in[i]);
  }
  if (known < 0 || !in[0].known()) return false;
  const Shape p = in[size_t(known)], s = in[0];
  for (size_t i = 1; i < in.size(); ++i) in[i] = p;
  if (dirichlet) {
    MXL_CHECK(p.ndim >= 1 && p[p.ndim - 1] >= 1, Err::kShape, op,
              ": alpha must have a non-empty last axis (the components), got shape ", p);
    const bool ok = starts_with(s, p, p.ndim - 1) && s.ndim >= p.ndim && s[s.ndim - 1] == p[p.ndim - 1];
    MXL_CHECK(ok, Err::kShape, op, ": sample must have shape alpha.shape[:-1] + (draws...) + (", p[p.ndim - 1],
              ",), got sample ", s, " and alpha ", p);
    Shape o;
    o.ndim = s.ndim - 1;
    for (int i = 0; i < o.ndim; ++i) o[i] = s[i];
    assign_shape(op, "output", out[0], o);
  } else {
    MXL_CHECK(starts_with(s, p, p.ndim), Err::kShape, op,
              ": sample must have shape params.shape + (draws...), got sample ", s, " and parameters ", p);
    assign_shape(op, "output", out[0], s);
  }
  return true;
}

// Every input and output has one float dtype.
bool pdf_type(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  const char* op = a.op->name.c_str();
  int t = -1;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] < 0) continue;
    MXL_CHECK(dtype_is_float(DType(in[i])), Err::kDType, op, ": input '", a.op->inputs[i],
              "' must have a float dtype, got ", dtype_name(DType(in[i])));
    if (t < 0) t = in[i];
    MXL_CHECK(in[i] == t, Err::kDType, op, ": all inputs must have one dtype, got ", dtype_name(DType(t)), " and ",
              dtype_name(DType(in[i])), " for '", a.op->inputs[i], "'");
  }
  for (int o : out)
    if (t < 0 && o >= 0) t = o;
  if (t < 0) return false;
  for (auto& slot : in) assign_type(op, "input", slot, t);
  for (auto& slot : out) assign_type(op, "output", slot, t);
  return true;
}

template <class T>
std::vector<double> as_doubles(const TBlob& b) {
  std::vector<double> v(size_t(b.size()));
  const T* p = b.ptr<T>();
  for (size_t i = 0; i < v.size(); ++i) v[i] = double(p[i]);
  return v;
}

// The parameters (a, and b when the distribution has two), checked element by element.
template <SampleDist D, class T>
void pdf_params(const char* op, const OpDef* def, const Blobs& in, int first, std::vector<double>* pa,
                std::vector<double>* pb) {
  constexpr bool two = sample_two_params(D);
  *pa = as_doubles<T>(in[size_t(first)]);
  *pb = two ? as_doubles<T>(in[size_t(first + 1)]) : std::vector<double>(pa->size(), 0.0);
  for (size_t i = 0; i < pa->size(); ++i) {
    int which = 0;
    if (const char* rule = pdf::bad_param<D>((*pa)[i], (*pb)[i], &which))
      fail(Err::kInvalidArgument, op, ": ", def->inputs[size_t(first + which)], " ", rule, ", got ",
           which ? (*pb)[i] : (*pa)[i], " at flat index ", i);
  }
}

template <SampleDist D>
void pdf_forward(const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
  const char* op = a.op->name.c_str();
  const bool is_log = a.b("is_log");
  MXL_FLOAT_SWITCH(in[0].dtype, T, op, {
    std::vector<double> pa, pb;
    pdf_params<D, T>(op, a.op, in, 1, &pa, &pb);
    const int64_t n = in[0].size(), per = pa.empty() ? 0 : n / int64_t(pa.size());
    const T* x = in[0].ptr<T>();
    T* y = out[0].ptr<T>();
    parallel_for(n, kParallelGrain / 8, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) {
        const size_t j = size_t(i / per);
        const double v = pdf::log_pdf<D>(double(x[i]), pa[j], pb[j]).v;
        y[i] = T(is_log ? v : std::exp(v));
      }
    });
  });
}

// inputs (ograd, sample, params...), outputs (d sample, d params...): the parameters'
// gradients sum over their draws.
template <SampleDist D>
void pdf_backward(const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
  const char* op = a.op->name.c_str();
  constexpr bool two = sample_two_params(D);
  const bool is_log = a.b("is_log");
  MXL_FLOAT_SWITCH(in[1].dtype, T, op, {
    std::vector<double> pa, pb;
    pdf_params<D, T>(op, a.op, in, 2, &pa, &pb);
    const int64_t rows = int64_t(pa.size()), per = rows ? in[1].size() / rows : 0;
    const T* og = in[0].ptr<T>();
    const T* x = in[1].ptr<T>();
    T* gx = out[0].ptr<T>();
    T* ga = out[1].ptr<T>();
    T* gb = two ? out[2].ptr<T>() : nullptr;
    parallel_for(rows, 1 + kParallelGrain / 8 / std::max<int64_t>(1, per), [&](int64_t b, int64_t e) {
      for (int64_t j = b; j < e; ++j) {
        double sa = 0, sb = 0;
        for (int64_t i = j * per; i < (j + 1) * per; ++i) {
          const pdf::LogPdf l = pdf::log_pdf<D>(double(x[i]), pa[size_t(j)], pb[size_t(j)]);
          const double g = double(og[i]) * (is_log ? 1.0 : std::exp(l.v));
          gx[i] = T(g * l.dx);
          sa += g * l.da;
          sb += g * l.db;
        }
        ga[j] = T(sa);
        if (gb) gb[j] = T(sb);
      }
    });
  });
}

// Dirichlet: rows of k components; alpha row r serves `per` sample rows.
void dirichlet_forward(const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
  const char* op = a.op->name.c_str();
  const bool is_log = a.b("is_log");
  const int64_t k = in[1].shape[in[1].shape.ndim - 1], rows = in[1].size() / k;
  const int64_t n = out[0].size(), per = rows ? n / rows : 0;
  MXL_FLOAT_SWITCH(in[0].dtype, T, op, {
    const T* alpha = in[1].ptr<T>();
    for (int64_t i = 0; i < rows * k; ++i)
      MXL_CHECK(double(alpha[i]) > 0, Err::kInvalidArgument, op, ": alpha must be > 0, got ", double(alpha[i]),
                " at flat index ", i);
    const T* x = in[0].ptr<T>();
    T* y = out[0].ptr<T>();
    parallel_for(n, 1 + kParallelGrain / 8 / k, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) {
        const double v = pdf::dirichlet_log_pdf(x + i * k, alpha + (i / per) * k, k);
        y[i] = T(is_log ? v : std::exp(v));
      }
    });
  });
}

void dirichlet_backward(const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
  const char* op = a.op->name.c_str();
  const bool is_log = a.b("is_log");
  const int64_t k = in[2].shape[in[2].shape.ndim - 1], rows = in[2].size() / k;
  const int64_t n = in[0].size(), per = rows ? n / rows : 0;
  MXL_FLOAT_SWITCH(in[1].dtype, T, op, {
    const T *og = in[0].ptr<T>(), *x = in[1].ptr<T>(), *alpha = in[2].ptr<T>();
    for (int64_t i = 0; i < rows * k; ++i)
      MXL_CHECK(double(alpha[i]) > 0, Err::kInvalidArgument, op, ": alpha must be > 0, got ", double(alpha[i]),
                " at flat index ", i);
    T *gx = out[0].ptr<T>(), *ga = out[1].ptr<T>();
    parallel_for(rows, 1 + kParallelGrain / 8 / std::max<int64_t>(1, per * k), [&](int64_t b, int64_t e) {
      std::vector<double> acc(static_cast<size_t>(k));
      for (int64_t r = b; r < e; ++r) {
        const T* al = alpha + r * k;
        double asum = 0;
        for (int64_t j = 0; j < k; ++j) asum += double(al[j]);
        const double dsum = elemwise::digamma(asum);
        std::fill(acc.begin(), acc.end(), 0.0);
        for (int64_t i = r * per; i < (r + 1) * per; ++i) {
          const T* xi = x + i * k;
          const double v = pdf::dirichlet_log_pdf(xi, al, k);
          const bool inside = v > -HUGE_VAL;
          const double g = inside ? double(og[i]) * (is_log ? 1.0 : std::exp(v)) : 0.0;
          for (int64_t j = 0; j < k; ++j) {
            const double xj = double(xi[j]), aj = double(al[j]);
            gx[i * k + j] = T(g == 0 ? 0.0 : g * pdf::xdivy(aj - 1, xj));
            if (g != 0) acc[size_t(j)] += g * (dsum - elemwise::digamma(aj) + std::log(xj));
          }
        }
        for (int64_t j = 0; j < k; ++j) ga[r * k + j] = T(acc[size_t(j)]);
      }
    });
  });
}

// The backward op's shapes and dtypes: (ograd, sample, params...) -> (d sample, d params...).
bool pdf_backward_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out, bool dirichlet) {
  std::vector<Shape> fin(in.begin() + 1, in.end()), fout{in[0]};
  if (!pdf_shape(a, fin, fout, dirichlet)) return false;
  const char* op = a.op->name.c_str();
  assign_shape(op, "ograd", in[0], fout[0]);
  for (size_t i = 0; i < fin.size(); ++i) {
    in[i + 1] = fin[i];
    assign_shape(op, "gradient", out[i], fin[i]);
  }
  return true;
}

OpDef& pdf_common(OpDef& op) {
  return op.param("is_log", PType::kBool, "False", "Return the log of the density instead of the density.");
}

template <SampleDist D>
OpDef& pdf_op(const char* dist, const char* what) {
  const char *in_a = pdf::param_name<D>(0), *in_b = pdf::param_name<D>(1);
  const std::string name = std::string("_random_pdf_") + dist, bwd = std::string("_backward_pdf_") + dist;
  OpDef& op = pdf_common(Registry::add(name))
                  .describe(std::string("The density of samples under ") + what +
                            ", one distribution per element of the parameter arrays (which share one shape P). "
                            "sample has shape P + (draws...): its elements at index i... are scored under the "
                            "distribution at the leading P indices. Output: sample's shape and dtype; with is_log, "
                            "the log-density. The gradient reaches sample and the parameters.")
                  .alias(std::string("random_pdf_") + dist)
                  .input("sample")
                  .input(in_a);
  if (in_b) op.input(in_b);
  const int nparams = in_b ? 2 : 1;
  op.infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      return pdf_shape(a, in, out, false);
    })
      .infer_type_fn(pdf_type)
      .cpu_fn(pdf_forward<D>)
      .grad_fn([bwd, nparams](GradGraph& g, const Attrs& a) {
        GVals in{g.ograd(0), g.input(0), g.input(1)};
        if (nparams == 2) in.push_back(g.input(2));
        return g.op(bwd, in, a.raw());
      });
  OpDef& b = pdf_common(Registry::add(bwd))
                 .describe("Gradients of " + name + ": inputs (ograd, sample, parameters), outputs the gradients "
                           "of sample and of each parameter array.")
                 .input("ograd")
                 .input("sample")
                 .input(in_a);
  if (in_b) b.input(in_b);
  b.outputs(1 + nparams)
      .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
        return pdf_backward_shape(a, in, out, false);
      })
      .infer_type_fn(pdf_type)
      .cpu_fn(pdf_backward<D>);
  return op;
}

static OpDef& pdf_uniform_op =
    pdf_op<SampleDist::kUniform>("uniform", "uniform distributions on [low, high] (low < high)");
static OpDef& pdf_normal_op = pdf_op<SampleDist::kNormal>(
    "normal", "normal distributions with means mu and standard deviations sigma (> 0)");
static OpDef& pdf_gamma_op = pdf_op<SampleDist::kGamma>(
    "gamma",
    "gamma distributions with shapes alpha (> 0) and rates beta (> 0): beta^alpha x^(alpha-1) e^(-beta x) / "
    "Gamma(alpha), the values MXNet 1.9 computes");
static OpDef& pdf_exponential_op = pdf_op<SampleDist::kExponential>(
    "exponential", "exponential distributions with rates lam (> 0)");
static OpDef& pdf_poisson_op = pdf_op<SampleDist::kPoisson>(
    "poisson", "Poisson distributions with means lam (>= 0; samples need not be whole: Gamma-function form)");
static OpDef& pdf_negative_binomial_op = pdf_op<SampleDist::kNegBinomial>(
    "negative_binomial",
    "negative binomial distributions: the number of failures x before k (> 0) successes of probability p "
    "(in (0, 1]), C(x+k-1, x) p^k (1-p)^x");
static OpDef& pdf_generalized_negative_binomial_op = pdf_op<SampleDist::kGenNegBinomial>(
    "generalized_negative_binomial",
    "generalized negative binomial distributions with means mu (>= 0) and dispersions alpha (>= 0; 0 is "
    "Poisson(mu))");

static OpDef& pdf_dirichlet_op =
    pdf_common(Registry::add("_random_pdf_dirichlet"))
        .describe("The density of samples under Dirichlet distributions: alpha (P..., k) holds one distribution's "
                  "concentrations (> 0) per row of its last axis, sample has shape P + (draws...) + (k,), and the "
                  "output P + (draws...) holds the density of each k-vector (not projected onto the simplex; a "
                  "negative component gives 0). With is_log, the log-density. The gradient reaches sample and "
                  "alpha.")
        .alias("random_pdf_dirichlet")
        .input("sample")
        .input("alpha")
        .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
          return pdf_shape(a, in, out, true);
        })
        .infer_type_fn(pdf_type)
        .cpu_fn(dirichlet_forward)
        .grad_fn([](GradGraph& g, const Attrs& a) {
          return g.op("_backward_pdf_dirichlet", {g.ograd(0), g.input(0), g.input(1)}, a.raw());
        });

static OpDef& pdf_dirichlet_backward_op =
    pdf_common(Registry::add("_backward_pdf_dirichlet"))
        .describe("Gradients of _random_pdf_dirichlet: inputs (ograd, sample, alpha), outputs the gradients of "
                  "sample and alpha.")
        .input("ograd")
        .input("sample")
        .input("alpha")
        .outputs(2)
        .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
          return pdf_backward_shape(a, in, out, true);
        })
        .infer_type_fn(pdf_type)
        .cpu_fn(dirichlet_backward);

// ================================================================ *_like samplers
// One draw per element of data, data's shape and float dtype; parameters as the
// scalar samplers'. Nothing is differentiated (data only gives the shape).

double number_param(const Attrs& a, int k) {
  const ParamSpec& p = a.op->params[size_t(k)];
  return p.type == PType::kInt ? double(a.i(p.name.c_str())) : a.f(p.name.c_str());
}

template <SampleDist D>
void like_kernel(const OpCtx& c, const Attrs& a, const Blobs&, const Blobs& out) {
  const char* op = a.op->name.c_str();
  constexpr bool two = sample_two_params(D);
  const double pa = number_param(a, 0), pb = two ? number_param(a, 1) : 0.0;
  int which = 0;
  if (const char* rule = like_bad_param<D>(pa, pb, &which))
    fail(Err::kInvalidArgument, op, ": parameter '", a.op->params[size_t(which)].name, "' ", rule, ", got ",
         which ? pb : pa);
  MXL_FLOAT_SWITCH(out[0].dtype, T, op, {
    fill_random(c, out[0].ptr<T>(), out[0].size(), [=](BlockRng& r) { return sample_draw<D>(r, pa, pb); });
  });
}

bool like_type(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  const char* op = a.op->name.c_str();
  if (in[0] < 0 && out[0] >= 0) in[0] = out[0];
  if (in[0] < 0) return false;
  MXL_CHECK(dtype_is_float(DType(in[0])), Err::kDType, op, ": data must have a float dtype, got ",
            dtype_name(DType(in[0])));
  assign_type(op, "output", out[0], in[0]);
  return true;
}

// A _like op's parameter; its name comes from pdf::like_param_name (shared with the CUDA kernel).
struct LikeParam {
  PType type;
  const char* def;
  const char* doc;
};

template <SampleDist D>
OpDef& like_op(const char* dist, const char* what, LikeParam pa, LikeParam pb = {PType::kFloat, "", ""}) {
  OpDef& op = Registry::add(std::string("_random_") + dist + "_like")
                  .describe(std::string("Samples from ") + what +
                            ", one draw per element of data: the output has data's shape and (float) dtype. "
                            "data's values are not used, and no gradient flows to it.")
                  .alias(std::string("random_") + dist + "_like")
                  .input("data")
                  .param(pdf::like_param_name<D>(0), pa.type, pa.def, pa.doc);
  if (const char* nb = pdf::like_param_name<D>(1)) op.param(nb, pb.type, pb.def, pb.doc);
  return op.infer_shape_fn(shape_same)
      .infer_type_fn(like_type)
      .random()
      .grad_fn([](GradGraph&, const Attrs&) { return GVals{GVal{}}; })
      .cpu_fn(like_kernel<D>);
}

static OpDef& uniform_like_op =
    like_op<SampleDist::kUniform>("uniform", "the uniform distribution on [low, high)",
                                  {PType::kFloat, "0", "Lower bound of the distribution."},
                                  {PType::kFloat, "1", "Upper bound of the distribution."});
static OpDef& normal_like_op =
    like_op<SampleDist::kNormal>("normal", "the normal distribution N(loc, scale^2)",
                                 {PType::kFloat, "0", "Mean of the distribution."},
                                 {PType::kFloat, "1", "Standard deviation of the distribution."});
static OpDef& gamma_like_op =
    like_op<SampleDist::kGamma>("gamma", "the gamma distribution with shape alpha and scale beta",
                                {PType::kFloat, "1", "Alpha parameter (shape) of the distribution."},
                                {PType::kFloat, "1", "Beta parameter (scale) of the distribution."});
static OpDef& exponential_like_op =
    like_op<SampleDist::kExponential>("exponential", "the exponential distribution with rate lam (mean 1/lam)",
                                      {PType::kFloat, "1", "Lambda parameter (rate) of the distribution."});
static OpDef& poisson_like_op =
    like_op<SampleDist::kPoisson>("poisson", "the Poisson distribution with mean lam (as floats)",
                                  {PType::kFloat, "1", "Lambda parameter (mean) of the distribution."});
static OpDef& negative_binomial_like_op = like_op<SampleDist::kNegBinomial>(
    "negative_binomial",
    "the negative binomial distribution, as floats: the failures before k successes of probability p",
    {PType::kInt, "1", "Number of successes to wait for (>= 0)."},
    {PType::kFloat, "1", "Success probability of each experiment, in (0, 1]."});
static OpDef& generalized_negative_binomial_like_op = like_op<SampleDist::kGenNegBinomial>(
    "generalized_negative_binomial",
    "the generalized negative binomial distribution, as floats: mean mu, dispersion alpha (variance mu + alpha "
    "mu^2)",
    {PType::kFloat, "1", "Mean of the distribution (>= 0)."},
    {PType::kFloat, "1", "Dispersion of the distribution (>= 0)."});

// ================================================================ shuffle
MXL_OP(_shuffle)
    .alias("shuffle")
    .describe("Randomly permutes data along its first axis (rows keep their contents); the permutation comes from "
              "the random generator, so mx.random.seed makes it reproducible. Any dtype; not differentiable.")
    .input("data")
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      if (!shape_same(a, in, out)) return false;
      MXL_CHECK(in[0].ndim >= 1, Err::kShape, "_shuffle: data must have at least one axis, got a scalar");
      return true;
    })
    .random()
    .cpu_fn([](const OpCtx& c, const Attrs&, const Blobs& in, const Blobs& out) {
      const int64_t rows = in[0].shape[0];
      if (rows == 0 || in[0].size() == 0) return;
      const size_t row_bytes = size_t(in[0].size() / rows) * dtype_size(in[0].dtype);
      // Fisher-Yates; j in [0, i] by multiply-shift of 64 random bits.
      std::vector<int64_t> perm(static_cast<size_t>(rows));
      for (int64_t i = 0; i < rows; ++i) perm[size_t(i)] = i;
      BlockRng rng((*c.rng)());
      for (int64_t i = rows - 1; i > 0; --i) {
        const int64_t j = int64_t((static_cast<unsigned __int128>(rng.next()) * uint64_t(i + 1)) >> 64);
        std::swap(perm[size_t(i)], perm[size_t(j)]);
      }
      const char* src = static_cast<const char*>(in[0].data);
      char* dst = static_cast<char*>(out[0].data);
      parallel_for(rows, 1 + int64_t(kParallelGrain / std::max<size_t>(1, row_bytes)), [&](int64_t b, int64_t e) {
        for (int64_t i = b; i < e; ++i)
          std::memcpy(dst + size_t(i) * row_bytes, src + size_t(perm[size_t(i)]) * row_bytes, row_bytes);
      });
    });

// ================================================================ unique zipfian
// Each row of `shape` (batch, n) holds n distinct candidates drawn from the
// log-uniform distribution P(v) = log((v + 2) / (v + 1)) / log(range_max + 1) on
// [0, range_max), redrawing repeats; num_tries[row] counts the draws.
bool zipfian_shape(const Attrs& a, std::vector<Shape>&, std::vector<Shape>& out) {
  const char* op = "_sample_unique_zipfian";
  MXL_CHECK(!a.none("shape"), Err::kInvalidArgument, op, ": parameter 'shape' (batch, candidates) is required");
  const Shape& s = a.shape("shape");
  MXL_CHECK(s.ndim == 2 && s[0] >= 0 && s[1] >= 0, Err::kInvalidArgument, op,
            ": parameter 'shape' must be (batch, candidates) with sizes >= 0, got ", s);
  const int64_t range_max = a.i("range_max");
  MXL_CHECK(range_max >= 1, Err::kInvalidArgument, op, ": range_max must be >= 1, got ", range_max);
  MXL_CHECK(s[1] <= range_max, Err::kInvalidArgument, op, ": cannot draw ", s[1], " unique candidates from range_max ",
            range_max, " classes");
  assign_shape(op, "samples", out[0], s);
  assign_shape(op, "num_tries", out[1], Shape{s[0]});
  return true;
}

MXL_OP(_sample_unique_zipfian)
    .describe("Draws, for each of shape[0] rows, shape[1] distinct classes in [0, range_max) from the log-uniform "
              "(Zipfian) distribution P(v) = log((v + 2) / (v + 1)) / log(range_max + 1), redrawing repeats. "
              "Outputs the samples (shape, int64) and num_tries (shape[0],), int64: the draws each row took "
              "(for sampled-softmax corrections).")
    .param_required("range_max", PType::kInt, "The number of classes.")
    .param_optional("shape", PType::kShape, "(batch, candidates): the output's 2-D shape.")
    .param("ctx", PType::kString, "", "Context of the outputs, e.g. gpu(0); default: the current context.")
    .outputs(2, {"samples", "num_tries"})
    .infer_shape_fn(zipfian_shape)
    .infer_type_fn([](const Attrs&, std::vector<int>&, std::vector<int>& out) {
      for (auto& t : out) assign_type("_sample_unique_zipfian", "output", t, int(DType::i64));
      return true;
    })
    .random()
    .grad_fn(no_inputs_grad)
    .cpu_fn([](const OpCtx& c, const Attrs& a, const Blobs&, const Blobs& out) {
      const int64_t range_max = a.i("range_max"), rows = out[0].shape[0], n = out[0].shape[1];
      const double log_range = std::log1p(double(range_max));
      int64_t* samples = out[0].ptr<int64_t>();
      int64_t* tries = out[1].ptr<int64_t>();
      std::vector<uint64_t> seeds(static_cast<size_t>(rows));
      for (auto& s : seeds) s = (*c.rng)();
      parallel_for(rows, 1, [&](int64_t b, int64_t e) {
        std::unordered_set<int64_t> seen;
        for (int64_t r = b; r < e; ++r) {
          BlockRng rng(seeds[size_t(r)]);
          seen.clear();
          int64_t count = 0, drawn = 0;
          while (count < n) {
            const int64_t v = std::min(range_max - 1, int64_t(std::exp(rng.uniform() * log_range)) - 1);
            ++drawn;
            if (seen.insert(v).second) samples[r * n + count++] = v;
          }
          tries[r] = drawn;
        }
      });
    });

// ================================================================ histogram
// With bin_cnt and range: bin_cnt equal bins over range, input data only. Without
// them: input (data, bins), bins the increasing edges. Outputs the counts (int64;
// values outside the edges and NaN are not counted, the last bin is closed) and the
// edges (data's dtype; the counts are made against these stored edges).

bool histogram_uniform(const Attrs& a) {
  const bool cnt = !a.none("bin_cnt"), range = !a.none("range");
  MXL_CHECK(cnt == range, Err::kInvalidArgument, "_histogram: give both bin_cnt and range (equal bins), or neither "
            "(a bins array input), got ", cnt ? "bin_cnt without range" : "range without bin_cnt");
  return cnt;
}

// The uniform case's range, widened by 0.5 each way when empty (as numpy).
void histogram_range(const Attrs& a, double* lo, double* hi) {
  const std::string& s = a.s("range");
  MXL_CHECK(parse_range(s, lo, hi), Err::kInvalidArgument, "_histogram: range must be (min, max), got '", s, "'");
  MXL_CHECK(std::isfinite(*lo) && std::isfinite(*hi) && *lo <= *hi, Err::kInvalidArgument,
            "_histogram: range must be finite with min <= max, got (", *lo, ", ", *hi, ")");
  if (*lo == *hi) *lo -= 0.5, *hi += 0.5;
}

MXL_OP(_histogram)
    .describe("Counts data's elements in bins. Either bin_cnt and range: bin_cnt equal bins over range (min, max); "
              "or neither, and a second input bins holding the increasing bin edges. Each bin is [e_i, e_i+1) but "
              "the last, which is closed; values outside the edges and NaN are not counted. Outputs the counts "
              "(int64) and the bin edges (data's dtype), against which the counts are made.")
    .input("data")
    .input("bins")
    .inputs_by([](const Attrs& a) {
      return histogram_uniform(a) ? std::vector<std::string>{"data"} : std::vector<std::string>{"data", "bins"};
    })
    .param_optional("bin_cnt", PType::kInt, "Number of equal bins over range.")
    .param_optional("range", PType::kString, "(min, max) of the equal bins.")
    .outputs(2, {"counts", "bin_edges"})
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      const char* op = "_histogram";
      int64_t bins = 0;
      if (histogram_uniform(a)) {
        bins = a.i("bin_cnt");
        MXL_CHECK(bins >= 1, Err::kInvalidArgument, op, ": bin_cnt must be >= 1, got ", bins);
        double lo, hi;
        histogram_range(a, &lo, &hi);
      } else {
        if (!in[1].known()) return false;
        MXL_CHECK(in[1].ndim == 1 && in[1][0] >= 2, Err::kShape, op,
                  ": bins must be a 1-D array of at least 2 edges, got shape ", in[1]);
        bins = in[1][0] - 1;
      }
      assign_shape(op, "counts", out[0], Shape{bins});
      assign_shape(op, "bin_edges", out[1], Shape{bins + 1});
      return in[0].known();
    })
    .infer_type_fn([](const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
      const char* op = "_histogram";
      assign_type(op, "counts", out[0], int(DType::i64));
      if (in[0] < 0 && in.size() > 1) in[0] = in[1];
      if (in[0] < 0) return false;
      MXL_CHECK(DType(in[0]) != DType::b8, Err::kDType, op, ": data must have a number dtype, got bool");
      if (in.size() > 1) {
        if (in[1] < 0) in[1] = in[0];
        MXL_CHECK(in[1] == in[0], Err::kDType, op, ": bins must have data's dtype ", dtype_name(DType(in[0])),
                  ", got ", dtype_name(DType(in[1])));
      }
      assign_type(op, "bin_edges", out[1], in[0]);
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      const char* op = "_histogram";
      const int64_t bins = out[0].size(), n = in[0].size();
      int64_t* counts = out[0].ptr<int64_t>();
      std::fill(counts, counts + bins, int64_t(0));
      MXL_NUM_SWITCH(in[0].dtype, T, op, {
        T* edges = out[1].ptr<T>();
        if (in.size() == 1) {
          double lo, hi;
          histogram_range(a, &lo, &hi);
          for (int64_t i = 0; i <= bins; ++i) edges[i] = cast_to<T>(uniform_edge(lo, hi, bins, i));
        } else {
          const T* given = in[1].ptr<T>();
          for (int64_t i = 0; i <= bins; ++i) {
            const double v = double(given[i]);
            MXL_CHECK(std::isfinite(v) && (i == 0 || v >= double(given[i - 1])), Err::kInvalidArgument, op,
                      ": bins must be finite and increasing, got ", v, " at index ", i,
                      i ? " after " : "", i ? std::to_string(double(given[i - 1])) : std::string());
            edges[i] = given[i];
          }
        }
        const T* x = in[0].ptr<T>();
        for (int64_t i = 0; i < n; ++i) {
          const int64_t b = histogram_bin(edges, bins, double(x[i]));
          if (b >= 0) ++counts[b];
        }
      });
    });

}  // namespace
}  // namespace mxl
