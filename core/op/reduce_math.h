// The reducers (sum, mean, prod, max, min, nansum, nanprod, L1 / L2 norm), shared by
// the CPU reduction engine (reduce.cc) and the CUDA plugin (core/cuda/reduce.cu):
// every member is MXL_HD, so each formula has one definition for both devices.
#pragma once
#include <cmath>
#include <limits>
#include <type_traits>

#include "elemwise_kernels.h"

namespace mxl {
namespace reduction {

// ------------------------------------------------------------------ reducers
// Accumulation types: sums and products of floats in float (half too) or double,
// of integers in int64 (wrapping like the dtype once converted back).
template <class T> struct SumAcc { using type = int64_t; };
template <> struct SumAcc<float> { using type = float; };
template <> struct SumAcc<half> { using type = float; };
template <> struct SumAcc<double> { using type = double; };

template <class A> MXL_HD inline A lowest() {
  return std::numeric_limits<A>::has_infinity ? -std::numeric_limits<A>::infinity() : std::numeric_limits<A>::lowest();
}
template <class A> MXL_HD inline A highest() {
  return std::numeric_limits<A>::has_infinity ? std::numeric_limits<A>::infinity() : std::numeric_limits<A>::max();
}

// A reducer: acc<T> type, init, map (element -> acc), comb, finish (acc, count), the
// derivative d out / d x given x and y (grad), whether the gradient reads y, and
// whether NaN wins (max/min: comb itself is a branch-free compare that may drop a
// NaN; merge() and the NaN checks below restore NaN propagation).
#define REDUCER(Name, ACC, INIT, MAP, COMB, FINISH, GRAD, USES_OUT, BOOL_OK, NONEMPTY, NAN_WINS) \
  struct Name {                                                                       \
    template <class T> using acc = ACC;                                               \
    static constexpr bool uses_out = USES_OUT, bool_ok = BOOL_OK, nonempty = NONEMPTY; \
    static constexpr bool nan_wins = NAN_WINS;                                        \
    template <class A> MXL_HD static A init() { return INIT; }                               \
    template <class A, class T> MXL_HD static A map(T xin) {                                 \
      auto x = native_t<T>(xin);                                                      \
      return MAP;                                                                     \
    }                                                                                 \
    template <class A> MXL_HD static A comb(A a, A b) { return COMB; }                       \
    template <class A> MXL_HD static A finish(A a, int64_t n) { return FINISH; }             \
    template <class C> MXL_HD static C grad(C x, C y, int64_t n) { return GRAD; }            \
  };

template <class A> MXL_HD inline A mean_finish(A a, int64_t n) {
  if (n == 0) return std::numeric_limits<A>::quiet_NaN();  // 0 for integers
  return A(a / A(n));
}
template <class T> using float_acc = float_t_of<T>;  // norms: integers in double

REDUCER(SumR, typename SumAcc<T>::type, A(0), A(x), wrap_add(a, b), a, C(1), false, true, false, false)
REDUCER(MeanR, typename SumAcc<T>::type, A(0), A(x), wrap_add(a, b), mean_finish(a, n), C(1) / C(n), false, true,
        false, false)
REDUCER(ProdR, typename SumAcc<T>::type, A(1), A(x), wrap_mul(a, b), a, y / x, true, true, false, false)
REDUCER(NanSumR, typename SumAcc<T>::type, A(0), is_nan(x) ? A(0) : A(x), wrap_add(a, b), a,
        is_nan(x) ? C(0) : C(1), false, false, false, false)
REDUCER(NanProdR, typename SumAcc<T>::type, A(1), is_nan(x) ? A(1) : A(x), wrap_mul(a, b), a,
        is_nan(x) ? C(0) : y / x, true, false, false, false)
// max/min: NaN propagates; every element equal to the result receives the gradient.
REDUCER(MaxR, native_t<T>, lowest<A>(), A(x), b > a ? b : a, a, C(x == y), true, true, true, true)
REDUCER(MinR, native_t<T>, highest<A>(), A(x), b < a ? b : a, a, C(x == y), true, true, true, true)
REDUCER(Norm1R, float_acc<T>, A(0), A(std::fabs(A(x))), a + b, a, C((x > C(0)) - (x < C(0))), false, false,
        false, false)
REDUCER(Norm2R, float_acc<T>, A(0), A(x) * A(x), a + b, std::sqrt(a), y == C(0) ? C(0) : x / y, true, false,
        false, false)
#undef REDUCER

}  // namespace reduction
}  // namespace mxl
