// The per-element distributions of the _sample_* operators (and the scalar negative
// binomials), written once for the CPU (core/op/sample.cc, drawing from BlockRng) and
// the CUDA plugin (core/cuda/sample.cu, drawing from ElemRng). Both generators offer
// uniform() in [0, 1), uniform_pos() in (0, 1], normal(), gamma(shape) and
// poisson(mean) with the same algorithms.
#pragma once
#include "elemwise_kernels.h"  // MXL_HD

namespace mxl {

enum class SampleDist { kUniform, kNormal, kGamma, kExponential, kPoisson, kNegBinomial, kGenNegBinomial };

// Poisson with a mean that need not be finite: the rejection loop never ends for a
// NaN mean, so NaN and inf pass through as the sample.
template <class Rng>
MXL_HD inline double poisson_any(Rng& r, double mean) {
  if (!(mean < HUGE_VAL)) return mean;
  return r.poisson(mean);
}

// Gamma(shape) * scale where shape 0 is the point mass at 0 (MXNet's result).
template <class Rng>
MXL_HD inline double gamma_scaled(Rng& r, double shape, double scale) {
  if (shape == 0) return 0;
  return scale * r.gamma(shape);
}

// One draw from distribution D with parameters (a, b), in MXNet's terms:
// uniform (low, high), normal (mu, sigma), gamma (alpha shape, beta scale),
// exponential (lam rate), poisson (lam), negative binomial (k failures, p success
// probability: mean k(1-p)/p), generalized negative binomial (mu mean, alpha
// dispersion: a Poisson whose mean is Gamma(1/alpha, alpha*mu)).
template <SampleDist D, class Rng>
MXL_HD inline double sample_draw(Rng& r, double a, double b) {
  if constexpr (D == SampleDist::kUniform) return a + (b - a) * r.uniform();
  if constexpr (D == SampleDist::kNormal) return a + b * r.normal();
  if constexpr (D == SampleDist::kGamma) return gamma_scaled(r, a, b);
  if constexpr (D == SampleDist::kExponential) return -log(r.uniform_pos()) / a;
  if constexpr (D == SampleDist::kPoisson) return poisson_any(r, a);  // a <= 0 gives 0, as MXNet
  if constexpr (D == SampleDist::kNegBinomial) return poisson_any(r, gamma_scaled(r, a, (1 - b) / b));
  if constexpr (D == SampleDist::kGenNegBinomial)
    return poisson_any(r, b == 0 ? a : gamma_scaled(r, 1 / b, b * a));
  return 0;
}

// Parameters the distribution cannot take. MXNet 1.9 does not check its _sample_*
// parameters and loops forever (gamma shape < 0, negative binomial k < 0,
// generalized alpha < 0) or returns garbage (p outside (0, 1]) on these; everything
// else -- NaN included -- gives MXNet's result. Returns the broken rule, or nullptr:
// which_bad is 0 for a, 1 for b.
template <SampleDist D>
MXL_HD inline const char* sample_bad_param(double a, double b, int* which_bad) {
  if constexpr (D == SampleDist::kGamma) {
    *which_bad = 0;
    if (a < 0) return "must be >= 0";
  }
  if constexpr (D == SampleDist::kNegBinomial) {
    *which_bad = 0;
    if (a < 0) return "must be >= 0";
    *which_bad = 1;
    if (!(b > 0 && b <= 1)) return "must be in (0, 1]";
  }
  if constexpr (D == SampleDist::kGenNegBinomial) {
    *which_bad = 1;
    if (b < 0) return "must be >= 0";
  }
  return nullptr;
}

// Distributions with a rule in sample_bad_param.
constexpr bool sample_has_checks(SampleDist d) {
  return d == SampleDist::kGamma || d == SampleDist::kNegBinomial || d == SampleDist::kGenNegBinomial;
}

// Distributions whose _sample_* op has two parameter arrays.
constexpr bool sample_two_params(SampleDist d) {
  return d != SampleDist::kExponential && d != SampleDist::kPoisson;
}

}  // namespace mxl
