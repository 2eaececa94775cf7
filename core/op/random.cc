// Random sampling operators (_random_uniform, _random_normal, ...). Each draws from
// the device generator OpCtx::rng, which the engine orders like an array, so the same
// seed gives the same stream. Large outputs are filled in parallel: the output is cut
// into fixed blocks and each block gets its own small generator seeded, in order,
// from OpCtx::rng -- the numbers do not depend on the thread count.
#include <cmath>

#include "random_common.h"

namespace mxl {
namespace {

template <class S>
void float_sample(const OpCtx& ctx, const TBlob& out, S&& sample) {
  MXL_FLOAT_SWITCH(out.dtype, T, "random", { fill_random(ctx, out.ptr<T>(), out.size(), sample); });
}


void uniform_kernel(const OpCtx& c, const Attrs& a, const Blobs&, const Blobs& out) {
  const double lo = a.f("low"), hi = a.f("high");
  MXL_CHECK(lo <= hi, Err::kInvalidArgument, "_random_uniform: low (", lo, ") must be <= high (", hi, ")");
  float_sample(c, out[0], [=](BlockRng& r) { return lo + (hi - lo) * r.uniform(); });
}
void normal_kernel(const OpCtx& c, const Attrs& a, const Blobs&, const Blobs& out) {
  const double loc = a.f("loc"), scale = a.f("scale");
  MXL_CHECK(scale >= 0, Err::kInvalidArgument, "_random_normal: scale must be >= 0, got ", scale);
  float_sample(c, out[0], [=](BlockRng& r) { return loc + scale * r.normal(); });
}
void exponential_kernel(const OpCtx& c, const Attrs& a, const Blobs&, const Blobs& out) {
  const double lam = a.f("lam");
  MXL_CHECK(lam > 0, Err::kInvalidArgument, "_random_exponential: lam must be > 0, got ", lam);
  float_sample(c, out[0], [=](BlockRng& r) { return -std::log(r.uniform_pos()) / lam; });
}
void gamma_kernel(const OpCtx& c, const Attrs& a, const Blobs&, const Blobs& out) {
  const double alpha = a.f("alpha"), beta = a.f("beta");
  MXL_CHECK(alpha > 0 && beta > 0, Err::kInvalidArgument, "_random_gamma: alpha and beta must be > 0, got ", alpha,
            " and ", beta);
  float_sample(c, out[0], [=](BlockRng& r) { return beta * r.gamma(alpha); });
}
void poisson_kernel(const OpCtx& c, const Attrs& a, const Blobs&, const Blobs& out) {
  const double lam = a.f("lam");
  MXL_CHECK(lam >= 0, Err::kInvalidArgument, "_random_poisson: lam must be >= 0, got ", lam);
  float_sample(c, out[0], [=](BlockRng& r) { return r.poisson(lam); });
}

static OpDef& uniform_op = random_common(
    Registry::add("_random_uniform")
        .describe("Samples from the uniform distribution on [low, high).")
        .alias("uniform")
        .alias("random_uniform")
        .param("low", PType::kFloat, "0", "Lower bound of the distribution.")
        .param("high", PType::kFloat, "1", "Upper bound of the distribution.")
        .cpu_fn(uniform_kernel));

static OpDef& normal_op = random_common(
    Registry::add("_random_normal")
        .describe("Samples from the normal distribution N(loc, scale^2).")
        .alias("normal")
        .alias("random_normal")
        .param("loc", PType::kFloat, "0", "Mean of the distribution.")
        .param("scale", PType::kFloat, "1", "Standard deviation of the distribution.")
        .cpu_fn(normal_kernel));

static OpDef& exponential_op = random_common(
    Registry::add("_random_exponential")
        .describe("Samples from the exponential distribution with rate lam (mean 1/lam).")
        .alias("random_exponential")
        .param("lam", PType::kFloat, "1", "Lambda parameter (rate) of the distribution.")
        .cpu_fn(exponential_kernel));

static OpDef& gamma_op = random_common(
    Registry::add("_random_gamma")
        .describe("Samples from the gamma distribution with shape alpha and scale beta.")
        .alias("random_gamma")
        .param("alpha", PType::kFloat, "1", "Alpha parameter (shape) of the distribution.")
        .param("beta", PType::kFloat, "1", "Beta parameter (scale) of the distribution.")
        .cpu_fn(gamma_kernel));

static OpDef& poisson_op = random_common(
    Registry::add("_random_poisson")
        .describe("Samples from the Poisson distribution with mean lam (as floats).")
        .alias("random_poisson")
        .param("lam", PType::kFloat, "1", "Lambda parameter (mean) of the distribution.")
        .cpu_fn(poisson_kernel));

MXL_OP(_random_randint)
    .alias("random_randint")
    .describe("Samples integers uniformly from [low, high).")
    .param_required("low", PType::kInt, "Lower bound (inclusive).")
    .param_required("high", PType::kInt, "Upper bound (exclusive).")
    .param_optional("shape", PType::kShape, "Shape of the output.")
    .param("ctx", PType::kString, "", "Context of the output, e.g. cpu(0); default: the current context.")
    .param_enum("dtype", {"None", "int32", "int64"}, "None", "Output dtype (None means int32).")
    .infer_shape_fn(random_shape)
    .infer_type_fn(random_type<DType::i32>)
    .random()
    .grad_fn(no_inputs_grad)
    .cpu_fn([](const OpCtx& c, const Attrs& a, const std::vector<TBlob>&, const std::vector<TBlob>& out) {
      const int64_t lo = a.i("low"), hi = a.i("high");
      MXL_CHECK(lo < hi, Err::kInvalidArgument, "_random_randint: low (", lo, ") must be < high (", hi, ")");
      if (out[0].dtype == DType::i32)
        MXL_CHECK(lo >= INT32_MIN && hi - 1 <= INT32_MAX, Err::kInvalidArgument, "_random_randint: [", lo, ", ",
                  hi, ") does not fit dtype int32");
      const uint64_t range = uint64_t(hi) - uint64_t(lo);
      // Multiply-shift maps 64 random bits onto [0, range) (bias below 2^-64 * range).
      auto sample = [=](BlockRng& r) {
        return int64_t(uint64_t(lo) + uint64_t((static_cast<unsigned __int128>(r.next()) * range) >> 64));
      };
      if (out[0].dtype == DType::i32) fill_random(c, out[0].ptr<int32_t>(), out[0].size(), sample);
      else fill_random(c, out[0].ptr<int64_t>(), out[0].size(), sample);
    });

}  // namespace
}  // namespace mxl
