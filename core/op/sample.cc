// Per-element samplers (_sample_uniform, _sample_normal, ...): MXNet's "multisample"
// operators, which mx.nd.random.* / mx.sym.random.* call when the distribution
// parameters are arrays. The parameter arrays share one shape [s]; with the `shape`
// parameter [t] the output has shape [s] + [t], and out[i] holds prod([t]) draws from
// the distribution with the parameters at index i. Also the scalar negative binomial
// samplers (_random_negative_binomial, _random_generalized_negative_binomial).
//
// Draws come from the device generator in fixed blocks, as the _random_* ops
// (fill_random), so the same seed gives the same numbers on any thread count. The
// distributions themselves are in sample_math.h, shared with the CUDA plugin.
#include <algorithm>
#include <cmath>
#include <vector>

#include "random_common.h"
#include "sample_math.h"

namespace mxl {
namespace {


// The parameter arrays must agree in shape; a known one fills the unknown ones. The
// output is that shape followed by the `shape` parameter.
bool sample_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = a.op->name.c_str();
  const Shape& draws = a.shape("shape");
  for (int i = 0; i < draws.ndim; ++i)
    MXL_CHECK(draws[i] >= 0, Err::kInvalidArgument, op, ": parameter 'shape' has a negative size: ", draws);
  int known = -1;
  for (size_t i = 0; i < in.size(); ++i) {
    if (!in[i].known()) continue;
    if (known < 0) known = int(i);
    MXL_CHECK(in[i] == in[size_t(known)], Err::kShape, op, ": the parameter arrays must have one shape, got ",
              a.op->inputs[size_t(known)], " ", in[size_t(known)], " and ", a.op->inputs[i], " ", in[i]);
  }
  if (known < 0) return false;
  const Shape s = in[size_t(known)];
  for (auto& slot : in) slot = s;
  MXL_CHECK(s.ndim + draws.ndim <= kMaxDim, Err::kShape, op, ": output would have ", s.ndim + draws.ndim,
            " dimensions (parameter shape ", s, " + shape ", draws, "), at most ", kMaxDim, " are supported");
  Shape o;
  o.ndim = s.ndim + draws.ndim;
  for (int i = 0; i < s.ndim; ++i) o[i] = s[i];
  for (int i = 0; i < draws.ndim; ++i) o[s.ndim + i] = draws[i];
  assign_shape(op, "output", out[0], o);
  return true;
}

// The parameter arrays share one number dtype (any but bool); the output is float32
// unless `dtype` (or out=) says otherwise -- MXNet does not follow the inputs' dtype.
bool sample_type(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  const char* op = a.op->name.c_str();
  int known = -1;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] < 0) continue;
    MXL_CHECK(DType(in[i]) != DType::b8, Err::kDType, op, ": input '", a.op->inputs[i],
              "' must have a number dtype, got bool");
    if (known < 0) known = int(i);
    MXL_CHECK(in[i] == in[size_t(known)], Err::kDType, op, ": the parameter arrays must have one dtype, got ",
              a.op->inputs[size_t(known)], " ", dtype_name(DType(in[size_t(known)])), " and ", a.op->inputs[i], " ",
              dtype_name(DType(in[i])));
  }
  random_type<DType::f32>(a, in, out);
  if (known < 0) return false;
  for (auto& slot : in) slot = in[size_t(known)];
  return true;
}

// MXNet passes no gradient to the parameters (they get zeros).
GVals no_param_grads(GradGraph&, const Attrs& a) { return GVals(size_t(a.op->num_inputs(a)), GVal{}); }

std::vector<double> param_values(const char* op, const TBlob& b) {
  std::vector<double> v(size_t(b.size()));
  MXL_NUM_SWITCH(b.dtype, DT, op, {
    const DT* p = b.ptr<DT>();
    for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<double>(p[i]);
  });
  return v;
}

template <SampleDist D>
void sample_kernel(const OpCtx& c, const Attrs& a, const Blobs& in, const Blobs& out) {
  const char* op = a.op->name.c_str();
  constexpr bool two = sample_two_params(D);
  const std::vector<double> pa = param_values(op, in[0]);
  const std::vector<double> pb = two ? param_values(op, in[1]) : std::vector<double>();
  for (size_t i = 0; sample_has_checks(D) && i < pa.size(); ++i) {
    int which = 0;
    const double b = two ? pb[i] : 0;
    if (const char* rule = sample_bad_param<D>(pa[i], b, &which))
      fail(Err::kInvalidArgument, op, ": ", a.op->inputs[size_t(which)], " ", rule, ", got ", which ? b : pa[i],
           " at flat index ", i);
  }
  const Shape& draws = a.shape("shape");
  const int64_t per = draws.ndim > 0 ? draws.size() : 1;  // draws per distribution
  MXL_FLOAT_SWITCH(out[0].dtype, T, op, {
    fill_random(c, out[0].ptr<T>(), out[0].size(), [&](BlockRng& r, int64_t i) {
      const size_t j = size_t(i / per);
      return sample_draw<D>(r, pa[j], two ? pb[j] : 0.0);
    });
  });
}

OpDef& sample_op(const char* name, const char* alias, const char* doc, const char* in0, const char* in1) {
  OpDef& op = Registry::add(name).describe(doc).alias(alias).input(in0);
  if (in1) op.input(in1);
  return op.param("shape", PType::kShape, "()", "Shape of the draws from each distribution; () draws one.")
      .param_enum("dtype", {"None", "float16", "float32", "float64"}, "None",
                  "Output dtype (None: out='s dtype if given, else float32).")
      .infer_shape_fn(sample_shape)
      .infer_type_fn(sample_type)
      .random()
      .grad_fn(no_param_grads);
}

#define MXL_SAMPLE_DOC(what)                                                                              \
  "Draws from " what ", one distribution per element of the parameter arrays (which share one shape "  \
  "[s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the "        \
  "distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says " \
  "otherwise."

static OpDef& sample_uniform_op =
    sample_op("_sample_uniform", "sample_uniform", MXL_SAMPLE_DOC("uniform distributions on [low, high)"),
              "low", "high")
        .cpu_fn(sample_kernel<SampleDist::kUniform>);
static OpDef& sample_normal_op =
    sample_op("_sample_normal", "sample_normal",
              MXL_SAMPLE_DOC("normal distributions with means mu and standard deviations sigma"), "mu", "sigma")
        .cpu_fn(sample_kernel<SampleDist::kNormal>);
static OpDef& sample_gamma_op =
    sample_op("_sample_gamma", "sample_gamma",
              MXL_SAMPLE_DOC("gamma distributions with shapes alpha (>= 0; 0 gives 0) and scales beta"), "alpha",
              "beta")
        .cpu_fn(sample_kernel<SampleDist::kGamma>);
static OpDef& sample_exponential_op =
    sample_op("_sample_exponential", "sample_exponential",
              MXL_SAMPLE_DOC("exponential distributions with rates lam (means 1/lam)"), "lam", nullptr)
        .cpu_fn(sample_kernel<SampleDist::kExponential>);
static OpDef& sample_poisson_op =
    sample_op("_sample_poisson", "sample_poisson",
              MXL_SAMPLE_DOC("Poisson distributions with means lam (lam <= 0 gives 0), as floats"), "lam", nullptr)
        .cpu_fn(sample_kernel<SampleDist::kPoisson>);
static OpDef& sample_negative_binomial_op =
    sample_op("_sample_negative_binomial", "sample_negative_binomial",
              MXL_SAMPLE_DOC("negative binomial distributions, as floats: the number of failures before k (>= 0, "
                             "need not be whole) successes of probability p (in (0, 1]); mean k(1-p)/p"),
              "k", "p")
        .cpu_fn(sample_kernel<SampleDist::kNegBinomial>);
static OpDef& sample_generalized_negative_binomial_op =
    sample_op("_sample_generalized_negative_binomial", "sample_generalized_negative_binomial",
              MXL_SAMPLE_DOC("generalized negative binomial distributions, as floats, with means mu and "
                             "dispersions alpha (>= 0; 0 is Poisson): variance mu + alpha mu^2"),
              "mu", "alpha")
        .cpu_fn(sample_kernel<SampleDist::kGenNegBinomial>);

// ---------------------------------------------------------------- multinomial
// data (..., k): each row of the last axis is one distribution over k outcomes. The
// draws (outcome indices) have shape data.shape[:-1] + shape; with get_prob a second
// output holds log(data[row, drawn index]), data's dtype, for likelihood-ratio
// gradients. MXNet requires rows to sum to 1; here a row is used as relative weights
// (u * row sum), which is the same for normalised rows and never draws an index past
// the row when rounding leaves its sum a little under 1.

bool multinomial_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = a.op->name.c_str();
  const Shape& draws = a.shape("shape");
  for (int i = 0; i < draws.ndim; ++i)
    MXL_CHECK(draws[i] >= 0, Err::kInvalidArgument, op, ": parameter 'shape' has a negative size: ", draws);
  if (!in[0].known()) return false;
  const Shape& d = in[0];
  MXL_CHECK(d.ndim >= 1 && d[d.ndim - 1] >= 1, Err::kShape, op,
            ": data must have a non-empty last axis (the outcomes), got shape ", d);
  MXL_CHECK(d.ndim - 1 + draws.ndim <= kMaxDim, Err::kShape, op, ": output would have ", d.ndim - 1 + draws.ndim,
            " dimensions (data ", d, " + shape ", draws, "), at most ", kMaxDim, " are supported");
  Shape o;
  o.ndim = d.ndim - 1 + draws.ndim;
  for (int i = 0; i < d.ndim - 1; ++i) o[i] = d[i];
  for (int i = 0; i < draws.ndim; ++i) o[d.ndim - 1 + i] = draws[i];
  for (auto& slot : out) assign_shape(op, "output", slot, o);
  return true;
}

bool multinomial_type(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  const char* op = a.op->name.c_str();
  assign_type(op, "output", out[0], int(dtype_from_name(a.s("dtype"))));
  if (in[0] < 0) return false;
  MXL_CHECK(dtype_is_float(DType(in[0])), Err::kDType, op, ": data must have a float dtype, got ",
            dtype_name(DType(in[0])));
  if (out.size() > 1) assign_type(op, "log-probability output", out[1], in[0]);
  return true;
}

// Largest outcome count whose indices a dtype holds exactly.
int64_t max_outcomes(DType t) {
  switch (t) {
    case DType::u8: return 256;
    case DType::f16: return 2049;
    case DType::i32: return int64_t(1) << 31;
    case DType::f32: return (int64_t(1) << 24) + 1;
    default: return INT64_MAX;
  }
}

// The sum of each row; a row with a negative, NaN or infinite entry, or summing to
// 0, is an error naming the row.
template <class T>
std::vector<double> multinomial_row_sums(const char* op, const T* p, int64_t rows, int64_t k) {
  std::vector<double> sums(static_cast<size_t>(rows));
  for (int64_t r = 0; r < rows; ++r) {
    double s = 0;
    for (int64_t j = 0; j < k; ++j) {
      const double v = double(p[r * k + j]);
      MXL_CHECK(v >= 0 && v < HUGE_VAL, Err::kInvalidArgument, op,
                ": data must hold probabilities (finite, >= 0), got ", v, " at row ", r, ", outcome ", j);
      s += v;
    }
    MXL_CHECK(s > 0 && s < HUGE_VAL, Err::kInvalidArgument, op, ": row ", r, " of data sums to ", s,
              "; each row must sum to 1");
    sums[size_t(r)] = s;
  }
  return sums;
}

// The outcome u lands on (u in [0, sum)): the first index whose running sum passes u,
// skipping zero-weight outcomes at the end.
template <class T>
int64_t multinomial_pick(const T* row, int64_t k, double u) {
  double acc = 0;
  int64_t last = 0;
  for (int64_t j = 0; j < k; ++j) {
    const double v = double(row[j]);
    if (v > 0) last = j;
    acc += v;
    if (u < acc && v > 0) return j;
  }
  return last;
}

void multinomial_kernel(const OpCtx& c, const Attrs& a, const Blobs& in, const Blobs& out) {
  const char* op = a.op->name.c_str();
  const TBlob& data = in[0];
  const int64_t k = data.shape[data.shape.ndim - 1], rows = data.size() / k;
  MXL_CHECK(k <= max_outcomes(out[0].dtype), Err::kInvalidArgument, op, ": dtype ", dtype_name(out[0].dtype),
            " cannot hold the indices of ", k, " outcomes");
  const int64_t n = out[0].size(), per = rows > 0 ? n / rows : 0;
  MXL_FLOAT_SWITCH(data.dtype, T, op, {
    const T* p = data.ptr<T>();
    const std::vector<double> sums = multinomial_row_sums(op, p, rows, k);
    MXL_TYPE_SWITCH(out[0].dtype, O, {
      O* idx = out[0].ptr<O>();
      fill_random(c, idx, n, [&](BlockRng& r, int64_t i) {
        const int64_t row = i / per;
        return double(multinomial_pick(p + row * k, k, r.uniform() * sums[size_t(row)]));
      });
      if (out.size() > 1) {
        T* lp = out[1].ptr<T>();
        parallel_for(n, kParallelGrain, [&](int64_t b, int64_t e) {
          for (int64_t i = b; i < e; ++i)
            lp[i] = T(std::log(double(p[(i / per) * k + int64_t(double(idx[i]))])));
        });
      }
    });
  });
}

static OpDef& sample_multinomial_op =
    Registry::add("_sample_multinomial")
        .describe("Draws outcome indices from multinomial (categorical) distributions: data (..., k) holds one "
                  "distribution over k outcomes per row of its last axis, and must sum to 1 along it. The draws "
                  "have shape data.shape[:-1] + shape (one draw per row when shape is ()). With get_prob, a second "
                  "output holds the log-probability of each draw (data's dtype), whose gradient reaches data.")
        .alias("sample_multinomial")
        .input("data")
        .param("shape", PType::kShape, "()", "Shape of the draws from each distribution; () draws one.")
        .param("get_prob", PType::kBool, "False",
               "Also return the log-probability of each draw (for likelihood-ratio gradients).")
        .param_enum("dtype", {"float16", "float32", "float64", "int32", "uint8"}, "int32",
                    "dtype of the drawn indices.")
        .outputs_fn([](const Attrs& a) { return a.b("get_prob") ? 2 : 1; })
        .infer_shape_fn(multinomial_shape)
        .infer_type_fn(multinomial_type)
        .random()
        .cpu_fn(multinomial_kernel)
        .grad_fn([](GradGraph& g, const Attrs& a) {
          if (!a.b("get_prob")) return GVals{GVal{}};
          return GVals{g.op1("_backward_sample_multinomial", {g.ograd(1), g.input(0), g.output(0)})};
        });

// The gradient's inputs as the forward made them: data (..., k) with k >= 1, sample
// of shape data.shape[:-1] + draws, ograd of sample's shape.
bool multinomial_grad_shape(const Attrs&, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = "_backward_sample_multinomial";
  if (!in[1].known()) return false;
  const Shape& d = in[1];
  MXL_CHECK(d.ndim >= 1 && d[d.ndim - 1] >= 1, Err::kShape, op,
            ": data must have a non-empty last axis (the outcomes), got shape ", d);
  assign_shape(op, "output", out[0], d);
  if (in[0].known() && in[2].known())
    MXL_CHECK(in[0] == in[2], Err::kShape, op, ": ograd must have the draws' shape ", in[2], ", got ", in[0]);
  const Shape s = in[2].known() ? in[2] : in[0];
  if (!s.known()) return false;
  bool prefix = s.ndim >= d.ndim - 1;
  for (int i = 0; prefix && i < d.ndim - 1; ++i) prefix = s[i] == d[i];
  MXL_CHECK(prefix, Err::kShape, op, ": draws of shape ", s, " do not start with data's shape ", d,
            " less its last axis");
  in[0] = in[2] = s;
  return true;
}

// d data[row, j] = sum of ograd over the row's draws of j, / data[row, j].
MXL_OP(_backward_sample_multinomial)
    .describe("Gradient of _sample_multinomial's log-probability output with respect to data.")
    .input("ograd")
    .input("data")
    .input("sample")
    .infer_shape_fn(multinomial_grad_shape)
    .infer_type_fn([](const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
      const char* op = "_backward_sample_multinomial";
      if (in[1] < 0) return false;
      MXL_CHECK(dtype_is_float(DType(in[1])), Err::kDType, op, ": data must have a float dtype, got ",
                dtype_name(DType(in[1])));
      assign_type(op, "ograd", in[0], in[1]);
      assign_type(op, "output", out[0], in[1]);
      if (in[2] >= 0)
        MXL_CHECK(DType(in[2]) != DType::b8, Err::kDType, op, ": sample must have a number dtype, got bool");
      return in[2] >= 0;
    })
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      const char* op = "_backward_sample_multinomial";
      const TBlob &og = in[0], &data = in[1], &sample = in[2];
      MXL_CHECK(og.shape == sample.shape && og.dtype == data.dtype, Err::kShape, op,
                ": ograd must have the draws' shape and data's dtype, got ", og.shape, " vs ", sample.shape);
      const int64_t k = data.shape[data.shape.ndim - 1], rows = data.size() / k;
      const int64_t per = rows > 0 ? sample.size() / rows : 0;
      MXL_CHECK(per * rows == sample.size(), Err::kShape, op, ": draws of shape ", sample.shape,
                " do not match data of shape ", data.shape);
      const std::vector<int64_t> idx = index_values(sample);
      MXL_FLOAT_SWITCH(data.dtype, T, op, {
        const T* p = data.ptr<T>();
        const T* g = og.ptr<T>();
        T* gx = out[0].ptr<T>();
        parallel_for(rows, 1 + kParallelGrain / std::max<int64_t>(1, per + k), [&](int64_t b, int64_t e) {
          std::vector<double> acc(static_cast<size_t>(k));
          for (int64_t r = b; r < e; ++r) {
            std::fill(acc.begin(), acc.end(), 0.0);
            for (int64_t s = r * per; s < (r + 1) * per; ++s) {
              const int64_t j = idx[size_t(s)];
              MXL_CHECK(j >= 0 && j < k, Err::kIndex, op, ": drawn index ", j, " is out of range for ", k,
                        " outcomes");
              acc[size_t(j)] += double(g[s]);
            }
            for (int64_t j = 0; j < k; ++j)
              gx[r * k + j] = T(acc[size_t(j)] == 0 ? 0.0 : acc[size_t(j)] / double(p[r * k + j]));
          }
        });
      });
    });

// ---------------------------------------------------------------- scalar samplers
// The per-element ops' rules, plus MXNet's checks of these two (mu >= 0) and no NaN.
double number_param(const Attrs& a, const std::string& name) {
  const int k = a.op->param_index(name);
  return a.op->params[size_t(k)].type == PType::kInt ? double(a.i(name.c_str())) : a.f(name.c_str());
}

template <SampleDist D>
void scalar_kernel(const OpCtx& c, const Attrs& a, const Blobs&, const Blobs& out) {
  const char* op = a.op->name.c_str();
  const std::string& na = a.op->params[0].name;
  const std::string& nb = a.op->params[1].name;
  const double pa = number_param(a, na), pb = number_param(a, nb);
  MXL_CHECK(!std::isnan(pa) && !std::isnan(pb), Err::kInvalidArgument, op, ": parameters '", na, "' and '", nb,
            "' must be numbers, got ", pa, " and ", pb);
  if constexpr (D == SampleDist::kGenNegBinomial)
    MXL_CHECK(pa >= 0, Err::kInvalidArgument, op, ": parameter '", na, "' must be >= 0, got ", pa);
  int which = 0;
  if (const char* rule = sample_bad_param<D>(pa, pb, &which))
    fail(Err::kInvalidArgument, op, ": parameter '", which ? nb : na, "' ", rule, ", got ", which ? pb : pa);
  MXL_FLOAT_SWITCH(out[0].dtype, T, op, {
    fill_random(c, out[0].ptr<T>(), out[0].size(), [=](BlockRng& r) { return sample_draw<D>(r, pa, pb); });
  });
}

static OpDef& random_negative_binomial_op = random_common(
    Registry::add("_random_negative_binomial")
        .describe("Samples from the negative binomial distribution, as floats: the number of failures before k "
                  "successes, each of probability p (mean k(1-p)/p).")
        .alias("random_negative_binomial")
        .param("k", PType::kInt, "1", "Number of successes to wait for (>= 0).")
        .param("p", PType::kFloat, "1", "Success probability of each experiment, in (0, 1].")
        .cpu_fn(scalar_kernel<SampleDist::kNegBinomial>));

static OpDef& random_generalized_negative_binomial_op = random_common(
    Registry::add("_random_generalized_negative_binomial")
        .describe("Samples from the generalized negative binomial distribution, as floats: mean mu, dispersion "
                  "alpha (variance mu + alpha mu^2; alpha 0 is Poisson(mu)).")
        .alias("random_generalized_negative_binomial")
        .param("mu", PType::kFloat, "1", "Mean of the distribution (>= 0).")
        .param("alpha", PType::kFloat, "1", "Dispersion of the distribution (>= 0).")
        .cpu_fn(scalar_kernel<SampleDist::kGenNegBinomial>));

}  // namespace
}  // namespace mxl
