// The scalar helpers that device code shares with the CPU kernels: the MXL_HD marker,
// conversion back to the dtype without undefined behaviour, wrapping integer
// arithmetic, a NaN test. Kept free of the core's headers so that every compiler of
// the elementwise math can include it: the host compiler, nvcc, and NVRTC (fused
// kernels, core/cuda/fusion.cu; core/cuda/rtc has the few system headers it lacks).
#pragma once
#include <cmath>
#include <cstdint>
#include <type_traits>

// Functions that the CUDA plugin's kernels share with the CPU kernels (the math
// functors in elemwise_math.h and the helpers below) are marked MXL_HD.
#ifdef __CUDACC__
#define MXL_HD __host__ __device__
#else
#define MXL_HD
#endif

namespace mxl {

// Converts a computed value to T. Float -> integer follows what an x86 cast gives
// MXNet (truncation; NaN and out-of-range give the "integer indefinite" value, and
// 8-bit types wrap through int32) but without C++ undefined behaviour.
template <class T, class C>
MXL_HD inline T cast_to(C v) {
  if constexpr (std::is_same_v<T, bool>) {
    return v != C(0);
  } else if constexpr (std::is_integral_v<T> && !std::is_integral_v<C>) {
    double d = double(v);
    if constexpr (sizeof(T) == 8) {
      if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return T(INT64_MIN);
      return T(int64_t(d));
    } else {
      if (!(d >= -2147483648.0 && d < 2147483648.0)) return T(INT32_MIN);
      return T(int32_t(d));
    }
  } else {
    return T(v);
  }
}

// Integer arithmetic that wraps like the hardware instead of signed-overflow UB.
template <class C> MXL_HD inline C wrap_add(C a, C b) {
  if constexpr (std::is_integral_v<C>) return C(std::make_unsigned_t<C>(a) + std::make_unsigned_t<C>(b));
  else return a + b;
}
template <class C> MXL_HD inline C wrap_sub(C a, C b) {
  if constexpr (std::is_integral_v<C>) return C(std::make_unsigned_t<C>(a) - std::make_unsigned_t<C>(b));
  else return a - b;
}
template <class C> MXL_HD inline C wrap_mul(C a, C b) {
  if constexpr (std::is_integral_v<C>) return C(std::make_unsigned_t<C>(a) * std::make_unsigned_t<C>(b));
  else return a * b;
}

// NaN test that is simply false for integer types.
template <class C> MXL_HD inline bool is_nan(C x) {
  if constexpr (std::is_floating_point_v<C>) return std::isnan(x);
  else return false;
}

}  // namespace mxl
