// One element of an elementwise op: a functor of core/op/elemwise_math.h applied in
// the op's compute type and converted back to the dtype. Shared by the elementwise
// kernels (elemwise.cu, elemwise_binary.cuh) and by the fused kernels that NVRTC
// compiles at bind time (fusion.cu), so a fused chain computes exactly what the
// chain of single kernels does. NVRTC compiles this file: only device_common.cuh,
// the math and standard headers.
#pragma once
#include "core/cuda/device_common.cuh"
#include "core/op/elemwise_math.h"

// The unary math operators: X(operator name, functor). elemwise.cu registers their
// kernels ("_backward_<name>" too unless the gradient is identically zero); fusion.cu
// fuses them.
#define MXC_UNARY_MATH_OPS(X) \
  X(abs, Abs) X(sign, Sign) X(negative, Negative) X(reciprocal, Reciprocal) X(square, Square) \
  X(sqrt, Sqrt) X(rsqrt, Rsqrt) X(cbrt, Cbrt) X(exp, Exp) X(log, Log) X(log2, Log2) X(log10, Log10) \
  X(log1p, Log1p) X(expm1, Expm1) X(sin, Sin) X(cos, Cos) X(tan, Tan) X(arcsin, Arcsin) \
  X(arccos, Arccos) X(arctan, Arctan) X(sinh, Sinh) X(cosh, Cosh) X(tanh, Tanh) X(arcsinh, Arcsinh) \
  X(arccosh, Arccosh) X(arctanh, Arctanh) X(degrees, Degrees) X(radians, Radians) X(relu, Relu) \
  X(sigmoid, Sigmoid) X(softsign, Softsign) X(floor, Floor) X(ceil, Ceil) X(round, Round) \
  X(rint, Rint) X(trunc, Trunc) X(fix, Fix) X(erf, Erf) X(gamma, Gamma) X(gammaln, Gammaln) \
  X(logical_not, LogicalNot)

// The binary arithmetic families: X(functor, same-shape op, broadcast op, scalar op,
// reversed scalar op or nullptr, backward op). elemwise_arith.cu registers them
// (scalar gradients are "_backward" + the scalar op's name); fusion.cu fuses them.
#define MXC_BINARY_ARITH_FAMILIES(X) \
  X(Add, "elemwise_add", "broadcast_add", "_plus_scalar", nullptr, "_backward_add") \
  X(Sub, "elemwise_sub", "broadcast_sub", "_minus_scalar", "_rminus_scalar", "_backward_sub") \
  X(Mul, "elemwise_mul", "broadcast_mul", "_mul_scalar", nullptr, "_backward_mul") \
  X(Div, "elemwise_div", "broadcast_div", "_div_scalar", "_rdiv_scalar", "_backward_div") \
  X(Mod, "_mod", "broadcast_mod", "_mod_scalar", "_rmod_scalar", "_backward_mod") \
  X(Power, "_power", "broadcast_power", "_power_scalar", "_rpower_scalar", "_backward_power") \
  X(Maximum, "_maximum", "broadcast_maximum", "_maximum_scalar", nullptr, "_backward_maximum") \
  X(Minimum, "_minimum", "broadcast_minimum", "_minimum_scalar", nullptr, "_backward_minimum") \
  X(Hypot, "_hypot", "broadcast_hypot", "_hypot_scalar", nullptr, "_backward_hypot")

namespace mxlcuda {

using mxl::cast_to;

// y = f(x): integers compute in their own type when the functor is int_native.
template <class F, class T>
__device__ inline T unary_step(T x) {
  using C = std::conditional_t<F::int_native, compute_t<T>, math_t<T>>;
  return cast_to<T>(F::f(C(x)));
}
// dx = g * f'(v), v the op's input or output (F::dep).
template <class F, class T>
__device__ inline T unary_grad_step(T g, T v) {
  using C = math_t<T>;
  return cast_to<T>(C(g) * F::df(C(v)));
}
// y = f(a, b) in T (also the scalar ops, with the scalar converted to T first).
// Integer division by zero is refused before the launch (check_divisor in
// elemwise_binary.cuh); the 0 here only keeps the kernel defined.
template <class F, class T>
__device__ inline T binary_step(T a, T b) {
  using C = std::conditional_t<F::int_native, compute_t<T>, math_t<T>>;
  if constexpr (F::int_divisor && std::is_integral_v<T>)
    if (b == T(0)) return T(0);
  return cast_to<T>(F::f(C(a), C(b)));
}
// Gradient of f(x, s) (kRev: f(s, x)) with respect to x, s already math_t<T>(T(s)).
template <class F, bool kRev, class T>
__device__ inline T scalar_grad_step(T g, T x, math_t<T> s) {
  using C = math_t<T>;
  C v = C(x);
  C d = kRev ? F::dr(s, v, F::f(s, v)) : F::dl(v, s, F::f(v, s));
  return cast_to<T>(C(g) * d);
}

}  // namespace mxlcuda
