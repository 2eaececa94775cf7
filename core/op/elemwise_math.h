// The elementwise math, one functor per operation, shared by the CPU kernels
// (elemwise_unary.cc, elemwise_binary.cc) and the CUDA plugin (core/cuda): every
// member is MXL_HD, so one definition of each formula serves both devices.
//
// Unary functors give the forward value f(x) and the derivative df(v), where v is
// the op's input or its output (`dep`, whichever makes the derivative cheap).
// Binary functors give f(a, b) and the partial derivatives dl, dr in terms of a, b
// and y = f(a, b).
//
// Only elemwise_device.h and standard headers are included: NVRTC compiles this file
// too, into fused elementwise kernels (core/cuda/fusion.cu).
#pragma once
#include <cmath>
#include <type_traits>

#include "elemwise_device.h"

namespace mxl {
namespace elemwise {

// What the backward op reads besides the output gradient.
enum class Dep { kIn, kOut, kZero };  // kZero: the gradient is identically 0

template <class C> constexpr bool is_int_v = std::is_integral_v<C>;

// digamma(x) = d/dx log Gamma(x): reflection for x < 0.5, recurrence up to 6, then
// the asymptotic series.
template <class C>
MXL_HD C digamma(C xin) {
  double x = double(xin), r = 0;
  if (x <= 0 && x == std::floor(x)) return C(NAN);
  if (x < 0.5) {
    const double pi = 3.14159265358979323846;
    return C(digamma(1.0 - x) - pi / std::tan(pi * x));
  }
  while (x < 6) { r -= 1 / x; x += 1; }
  double f = 1 / (x * x);
  return C(r + std::log(x) - 0.5 / x -
           f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132))))));
}

// ------------------------------------------------------------------ functors
// int_native: integers compute in their own type (abs, negative, ...); otherwise
// they compute in double and convert back, as MXNet does (exp of int32 is int32).
#define UNARY_FUNCTOR(Name, INT_NATIVE, DEP, FWD, BWD)      \
  struct Name {                                           \
    static constexpr bool int_native = INT_NATIVE;        \
    static constexpr Dep dep = Dep::DEP;                  \
    template <class C> MXL_HD static C f(C x) { return FWD; }    \
    template <class C> MXL_HD static C df(C v) { return BWD; }   \
  };

constexpr double kPi = 3.14159265358979323846;
UNARY_FUNCTOR(Abs, true, kIn,
              (std::is_floating_point_v<C> ? C(std::fabs(double(x))) : (x < C(0) ? wrap_sub(C(0), x) : x)),
              C((v > C(0)) - (v < C(0))))
UNARY_FUNCTOR(Sign, true, kZero, C((x > C(0)) - (x < C(0))), C(0))
UNARY_FUNCTOR(Negative, true, kIn, (is_int_v<C> ? wrap_sub(C(0), x) : C(-x)), C(-1))
UNARY_FUNCTOR(Reciprocal, false, kIn, C(1) / x, C(-1) / (v * v))
UNARY_FUNCTOR(Square, true, kIn, wrap_mul(x, x), C(2) * v)
UNARY_FUNCTOR(Sqrt, false, kOut, std::sqrt(x), C(0.5) / v)
UNARY_FUNCTOR(Rsqrt, false, kOut, C(1) / std::sqrt(x), C(-0.5) * v * v * v)
UNARY_FUNCTOR(Cbrt, false, kOut, std::cbrt(x), C(1) / (C(3) * v * v))
UNARY_FUNCTOR(Exp, false, kOut, std::exp(x), v)
UNARY_FUNCTOR(Log, false, kIn, std::log(x), C(1) / v)
UNARY_FUNCTOR(Log2, false, kIn, std::log2(x), C(1) / (v * C(0.69314718055994530942)))
UNARY_FUNCTOR(Log10, false, kIn, std::log10(x), C(1) / (v * C(2.30258509299404568402)))
UNARY_FUNCTOR(Log1p, false, kIn, std::log1p(x), C(1) / (C(1) + v))
UNARY_FUNCTOR(Expm1, false, kOut, std::expm1(x), v + C(1))
UNARY_FUNCTOR(Sin, false, kIn, std::sin(x), std::cos(v))
UNARY_FUNCTOR(Cos, false, kIn, std::cos(x), -std::sin(v))
UNARY_FUNCTOR(Tan, false, kOut, std::tan(x), C(1) + v * v)
UNARY_FUNCTOR(Arcsin, false, kIn, std::asin(x), C(1) / std::sqrt(C(1) - v * v))
UNARY_FUNCTOR(Arccos, false, kIn, std::acos(x), C(-1) / std::sqrt(C(1) - v * v))
UNARY_FUNCTOR(Arctan, false, kIn, std::atan(x), C(1) / (C(1) + v * v))
UNARY_FUNCTOR(Sinh, false, kIn, std::sinh(x), std::cosh(v))
UNARY_FUNCTOR(Cosh, false, kIn, std::cosh(x), std::sinh(v))
UNARY_FUNCTOR(Tanh, false, kOut, std::tanh(x), C(1) - v * v)
UNARY_FUNCTOR(Arcsinh, false, kIn, std::asinh(x), C(1) / std::sqrt(v * v + C(1)))
UNARY_FUNCTOR(Arccosh, false, kIn, std::acosh(x), C(1) / (std::sqrt(v - C(1)) * std::sqrt(v + C(1))))
UNARY_FUNCTOR(Arctanh, false, kIn, std::atanh(x), C(1) / (C(1) - v * v))
UNARY_FUNCTOR(Degrees, false, kIn, x * C(180 / kPi), C(180 / kPi))
UNARY_FUNCTOR(Radians, false, kIn, x * C(kPi / 180), C(kPi / 180))
UNARY_FUNCTOR(Relu, true, kOut, (x > C(0) || is_nan(x) ? x : C(0)), C(v > C(0)))  // NaN stays NaN
UNARY_FUNCTOR(Sigmoid, false, kOut, C(1) / (C(1) + std::exp(-x)), v * (C(1) - v))
UNARY_FUNCTOR(Softsign, false, kIn, x / (C(1) + std::fabs(x)),
              C(1) / ((C(1) + std::fabs(v)) * (C(1) + std::fabs(v))))
// Rounding is the identity on integers.
UNARY_FUNCTOR(Floor, true, kZero, (is_int_v<C> ? x : C(std::floor(x))), C(0))
UNARY_FUNCTOR(Ceil, true, kZero, (is_int_v<C> ? x : C(std::ceil(x))), C(0))
UNARY_FUNCTOR(Round, true, kZero, (is_int_v<C> ? x : C(std::round(x))), C(0))  // half away from 0
UNARY_FUNCTOR(Rint, true, kZero, (is_int_v<C> ? x : C(std::nearbyint(x))), C(0))  // half to even
UNARY_FUNCTOR(Trunc, true, kZero, (is_int_v<C> ? x : C(std::trunc(x))), C(0))
UNARY_FUNCTOR(Fix, true, kZero, (is_int_v<C> ? x : C(std::trunc(x))), C(0))
UNARY_FUNCTOR(Erf, false, kIn, std::erf(x), C(1.12837916709551257390) * std::exp(-v * v))
UNARY_FUNCTOR(Gamma, false, kIn, std::tgamma(x), std::tgamma(v) * digamma(v))
UNARY_FUNCTOR(Gammaln, false, kIn, std::lgamma(x), digamma(v))
UNARY_FUNCTOR(LogicalNot, true, kZero, C(x == C(0)), C(0))
#undef UNARY_FUNCTOR

// ------------------------------------------------------------------ binary
template <class C>
MXL_HD C int_or_float_div(C a, C b) {
  if constexpr (std::is_integral_v<C>) {
    if constexpr (std::is_signed_v<C>)
      if (b == C(-1)) return wrap_sub(C(0), a);  // INT_MIN / -1 would trap
    return C(a / b);  // b != 0 was checked before the loop
  } else {
    return a / b;
  }
}

// Python's modulo (result has the divisor's sign); x % 0 is 0 for floats like MXNet.
template <class C>
MXL_HD C py_mod(C a, C b) {
  if (b == C(0)) return C(0);
  C r;
  if constexpr (std::is_integral_v<C>) {
    if constexpr (std::is_signed_v<C>)
      if (b == C(-1)) return C(0);
    r = C(a % b);
  } else {
    r = std::fmod(a, b);
  }
  if (r != C(0) && ((r < C(0)) != (b < C(0)))) r = C(r + b);
  return r;
}

// int_native: integers compute in their own type; else in double, converted back.
// int_divisor: an integer zero divisor (rhs) is an error. grad: differentiable.
// bool_ok: accepts bool arrays (comparisons, logic).
#define BINARY_FUNCTOR(Name, INT_NATIVE, INT_DIVISOR, GRAD, BOOL_OK, FWD, DL, DR) \
  struct Name {                                                                  \
    static constexpr bool int_native = INT_NATIVE, int_divisor = INT_DIVISOR;    \
    static constexpr bool grad = GRAD, bool_ok = BOOL_OK;                        \
    template <class C> MXL_HD static C f(C a, C b) { return FWD; }                      \
    template <class C> MXL_HD static C dl(C a, C b, C y) { return DL; }                 \
    template <class C> MXL_HD static C dr(C a, C b, C y) { return DR; }                 \
  };

BINARY_FUNCTOR(Add, true, false, true, false, wrap_add(a, b), C(1), C(1))
BINARY_FUNCTOR(Sub, true, false, true, false, wrap_sub(a, b), C(1), C(-1))
BINARY_FUNCTOR(Mul, true, false, true, false, wrap_mul(a, b), b, a)
BINARY_FUNCTOR(Div, true, true, true, false, int_or_float_div(a, b), C(1) / b, -a / (b * b))
BINARY_FUNCTOR(Mod, true, true, true, false, py_mod(a, b), C(1), C(-std::floor(a / b)))
BINARY_FUNCTOR(Power, false, false, true, false, C(std::pow(a, b)), b * C(std::pow(a, b - C(1))),
               y * C(std::log(a)))
// NaN wins in maximum/minimum, like MXNet.
BINARY_FUNCTOR(Maximum, true, false, true, false, (a > b || is_nan(a)) ? a : b, C(a >= b), C(a < b))
BINARY_FUNCTOR(Minimum, true, false, true, false, (a < b || is_nan(a)) ? a : b, C(a <= b), C(a > b))
BINARY_FUNCTOR(Hypot, false, false, true, false, C(std::hypot(a, b)), a / y, b / y)
BINARY_FUNCTOR(Equal, true, false, false, true, C(a == b), C(0), C(0))
BINARY_FUNCTOR(NotEqual, true, false, false, true, C(a != b), C(0), C(0))
BINARY_FUNCTOR(Greater, true, false, false, true, C(a > b), C(0), C(0))
BINARY_FUNCTOR(GreaterEqual, true, false, false, true, C(a >= b), C(0), C(0))
BINARY_FUNCTOR(Lesser, true, false, false, true, C(a < b), C(0), C(0))
BINARY_FUNCTOR(LesserEqual, true, false, false, true, C(a <= b), C(0), C(0))
BINARY_FUNCTOR(LogicalAnd, true, false, false, true, C(a != C(0) && b != C(0)), C(0), C(0))
BINARY_FUNCTOR(LogicalOr, true, false, false, true, C(a != C(0) || b != C(0)), C(0), C(0))
BINARY_FUNCTOR(LogicalXor, true, false, false, true, C((a != C(0)) != (b != C(0))), C(0), C(0))
#undef BINARY_FUNCTOR

}  // namespace elemwise
}  // namespace mxl
