// The math of core/op/random_extra.cc written once for the CPU and the CUDA plugin
// (core/cuda/random_extra.cu): the log densities of the _random_pdf_* operators with
// their partial derivatives, the parameter rules of the pdf and *_like operators,
// and histogram's bin edges and bin lookup.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "elemwise_math.h"  // digamma
#include "sample_math.h"     // SampleDist

namespace mxl {
namespace pdf {

// MXNet's names of each density's parameter arrays (inputs of _random_pdf_*), k = 0, 1;
// the registration (random_extra.cc) and the CUDA kernels both read them from here.
template <SampleDist D>
constexpr const char* param_name(int k) {
  switch (D) {
    case SampleDist::kUniform: return k ? "high" : "low";
    case SampleDist::kNormal: return k ? "sigma" : "mu";
    case SampleDist::kGamma: return k ? "beta" : "alpha";
    case SampleDist::kExponential: return k ? nullptr : "lam";
    case SampleDist::kPoisson: return k ? nullptr : "lam";
    case SampleDist::kNegBinomial: return k ? "p" : "k";
    case SampleDist::kGenNegBinomial: return k ? "alpha" : "mu";
  }
  return nullptr;
}

// MXNet's names of the _random_*_like ops' parameters, k = 0, 1 (nullptr: none).
template <SampleDist D>
constexpr const char* like_param_name(int k) {
  switch (D) {
    case SampleDist::kUniform: return k ? "high" : "low";
    case SampleDist::kNormal: return k ? "scale" : "loc";
    case SampleDist::kGamma: return k ? "beta" : "alpha";
    case SampleDist::kExponential: return k ? nullptr : "lam";
    case SampleDist::kPoisson: return k ? nullptr : "lam";
    case SampleDist::kNegBinomial: return k ? "p" : "k";
    case SampleDist::kGenNegBinomial: return k ? "alpha" : "mu";
  }
  return nullptr;
}


// log f(x) and its partial derivatives with respect to the sample x and the two
// distribution parameters a, b (see log_pdf for which they are).
struct LogPdf {
  double v, dx, da, db;
};

// x * log(y), with 0 * log(0) = 0 (point masses: Poisson lam 0, p 1, ...).
MXL_HD inline double xlogy(double x, double y) { return x == 0 ? 0.0 : x * std::log(y); }
// x / y with 0 / 0 = 0, for the derivatives of xlogy.
MXL_HD inline double xdivy(double x, double y) { return x == 0 ? 0.0 : x / y; }

MXL_HD inline LogPdf outside_support() { return {-HUGE_VAL, 0, 0, 0}; }

// Log density of one sample x under distribution D with parameters (a, b), MXNet's:
// uniform (low, high), normal (mu, sigma), gamma (alpha shape, beta RATE -- what MXNet
// 1.9 computes, although its docs call beta a scale), exponential (lam rate), poisson
// (lam), negative binomial (k, p: p^k (1-p)^x C(x+k-1, x)), generalized negative
// binomial (mu mean, alpha dispersion; alpha 0 is Poisson(mu)). The discrete ones
// use the Gamma-function continuation in x, as MXNet (no rounding of x). Outside
// the support the density is 0 (log -inf) and the derivatives are 0.
template <SampleDist D>
MXL_HD inline LogPdf log_pdf(double x, double a, double b) {
  if constexpr (D == SampleDist::kUniform) {
    if (!(x >= a && x <= b)) return outside_support();
    const double w = b - a;
    return {-std::log(w), 0.0, 1 / w, -1 / w};
  } else if constexpr (D == SampleDist::kNormal) {
    const double z = (x - a) / b;
    const double v = -0.5 * z * z - std::log(b) - 0.91893853320467274178;  // log sqrt(2 pi)
    return {v, -z / b, z / b, (z * z - 1) / b};
  } else if constexpr (D == SampleDist::kGamma) {
    if (!(x >= 0)) return outside_support();
    const double v = a * std::log(b) + xlogy(a - 1, x) - b * x - std::lgamma(a);
    return {v, xdivy(a - 1, x) - b, std::log(b) + std::log(x) - elemwise::digamma(a), a / b - x};
  } else if constexpr (D == SampleDist::kExponential) {
    if (!(x >= 0)) return outside_support();
    return {std::log(a) - a * x, -a, 1 / a - x, 0.0};
  } else if constexpr (D == SampleDist::kPoisson) {
    if (!(x >= 0)) return outside_support();
    return {xlogy(x, a) - a - std::lgamma(x + 1), 0.0, xdivy(x, a) - 1, 0.0};
  } else if constexpr (D == SampleDist::kNegBinomial) {
    if (!(x >= 0)) return outside_support();
    const double v = std::lgamma(x + a) - std::lgamma(x + 1) - std::lgamma(a) + a * std::log(b) + xlogy(x, 1 - b);
    return {v, 0.0, elemwise::digamma(x + a) - elemwise::digamma(a) + std::log(b), a / b - xdivy(x, 1 - b)};
  } else if constexpr (D == SampleDist::kGenNegBinomial) {
    if (!(x >= 0)) return outside_support();
    if (b == 0) {  // Poisson(mu); d/dalpha is the limit at alpha -> 0
      const LogPdf p = log_pdf<SampleDist::kPoisson>(x, a, 0);
      return {p.v, 0.0, p.da, 0.5 * ((x - a) * (x - a) - x)};
    }
    const double r = 1 / b;  // the number of successes of the equivalent negative binomial
    const double v = std::lgamma(x + r) - std::lgamma(x + 1) - std::lgamma(r) + r * std::log(r) + xlogy(x, a) -
                     (r + x) * std::log(r + a);
    const double dr =
        elemwise::digamma(x + r) - elemwise::digamma(r) + std::log(r) + 1 - std::log(r + a) - (r + x) / (r + a);
    return {v, 0.0, xdivy(x, a) - (r + x) / (r + a), -dr * r * r};
  }
  return {0, 0, 0, 0};
}

// The parameters a density is defined for; returns the broken rule (which_bad: 0 for
// a, 1 for b) or nullptr. MXNet does not check them and returns NaN or garbage.
template <SampleDist D>
MXL_HD inline const char* bad_param(double a, double b, int* which_bad) {
  *which_bad = 0;
  if constexpr (D == SampleDist::kUniform) {
    if (!(a < b)) return "must be < high";
  } else if constexpr (D == SampleDist::kNormal) {
    *which_bad = 1;
    if (!(b > 0)) return "must be > 0";
  } else if constexpr (D == SampleDist::kGamma) {
    if (!(a > 0)) return "must be > 0";
    *which_bad = 1;
    if (!(b > 0)) return "must be > 0";
  } else if constexpr (D == SampleDist::kExponential) {
    if (!(a > 0)) return "must be > 0";
  } else if constexpr (D == SampleDist::kPoisson) {
    if (!(a >= 0 && a < HUGE_VAL)) return "must be finite and >= 0";
  } else if constexpr (D == SampleDist::kNegBinomial) {
    if (!(a > 0 && a < HUGE_VAL)) return "must be finite and > 0";
    *which_bad = 1;
    if (!(b > 0 && b <= 1)) return "must be in (0, 1]";
  } else if constexpr (D == SampleDist::kGenNegBinomial) {
    if (!(a >= 0 && a < HUGE_VAL)) return "must be finite and >= 0";
    *which_bad = 1;
    if (!(b >= 0 && b < HUGE_VAL)) return "must be finite and >= 0";
  }
  return nullptr;
}

// Dirichlet: log f(x) = lgamma(sum alpha) - sum lgamma(alpha_j) + sum (alpha_j - 1) log x_j
// over one row of k; the sample is not projected onto the simplex (as MXNet), only
// negative components are outside the support.
template <class T>
MXL_HD inline double dirichlet_log_pdf(const T* x, const T* alpha, int64_t k) {
  double asum = 0, v = 0;
  for (int64_t j = 0; j < k; ++j) {
    const double xj = double(x[j]), aj = double(alpha[j]);
    if (!(xj >= 0)) return -HUGE_VAL;
    asum += aj;
    v += xlogy(aj - 1, xj) - std::lgamma(aj);
  }
  return v + std::lgamma(asum);
}

}  // namespace pdf

// ---------------------------------------------------------------- *_like samplers
// The rules of the scalar samplers (_random_uniform, ...), which the *_like ops share:
// returns the broken rule for parameter a (which_bad 0) or b (1), or nullptr.
template <SampleDist D>
MXL_HD inline const char* like_bad_param(double a, double b, int* which_bad) {
  *which_bad = 0;
  if (a != a) return "must be a number";
  if constexpr (D == SampleDist::kUniform) {
    if (!(a <= b)) return "must be <= high";
  } else if constexpr (D == SampleDist::kNormal) {
    *which_bad = 1;
    if (!(b >= 0)) return "must be >= 0";
  } else if constexpr (D == SampleDist::kGamma) {
    if (!(a > 0)) return "must be > 0";
    *which_bad = 1;
    if (!(b > 0)) return "must be > 0";
  } else if constexpr (D == SampleDist::kExponential) {
    if (!(a > 0)) return "must be > 0";
  } else if constexpr (D == SampleDist::kPoisson) {
    if (!(a >= 0)) return "must be >= 0";
  } else if constexpr (D == SampleDist::kGenNegBinomial) {
    if (!(a >= 0)) return "must be >= 0";
    return sample_bad_param<D>(a, b, which_bad);
  } else if constexpr (D == SampleDist::kNegBinomial) {
    return sample_bad_param<D>(a, b, which_bad);
  }
  *which_bad = 1;
  if (b != b) return "must be a number";
  return nullptr;
}

// ---------------------------------------------------------------- histogram
// Edge i of `count` equal bins over [lo, hi].
MXL_HD inline double uniform_edge(double lo, double hi, int64_t count, int64_t i) {
  return i == count ? hi : lo + (hi - lo) * double(i) / double(count);
}

// The bin of x among the increasing edges e[0..n] (n bins, each [e_i, e_i+1) and the
// last one closed), or -1 when x is outside [e_0, e_n] or NaN.
template <class T>
MXL_HD inline int64_t histogram_bin(const T* e, int64_t n, double x) {
  if (!(x >= double(e[0]) && x <= double(e[n]))) return -1;
  int64_t lo = 0, hi = n;  // invariant: e[lo] <= x, and x < e[hi] or hi == n
  while (hi - lo > 1) {
    const int64_t mid = lo + (hi - lo) / 2;
    if (x >= double(e[mid])) lo = mid;
    else hi = mid;
  }
  return lo;
}

// histogram's `range` parameter, "(lo, hi)" or "[lo, hi]": returns false when the
// text is not two numbers.
inline bool parse_range(const std::string& s, double* lo, double* hi) {
  std::string t;
  for (char ch : s)
    if (ch != '(' && ch != ')' && ch != '[' && ch != ']' && ch != ' ') t += ch;
  const size_t comma = t.find(',');
  if (comma == std::string::npos || t.find(',', comma + 1) != std::string::npos) return false;
  char* end = nullptr;
  const std::string a = t.substr(0, comma), b = t.substr(comma + 1);
  *lo = std::strtod(a.c_str(), &end);
  if (a.empty() || *end) return false;
  *hi = std::strtod(b.c_str(), &end);
  return !b.empty() && !*end;
}

}  // namespace mxl
