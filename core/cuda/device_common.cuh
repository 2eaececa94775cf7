// The part of the plugin's common kernel pieces that NVRTC compiles as well (fused
// elementwise kernels, fusion.cu): float16 storage, the compute types, the
// grid-stride loop. Only standard headers (core/cuda/rtc has them for NVRTC).
#pragma once
#include <cuda_fp16.h>

#include <cstdint>
#include <type_traits>

namespace mxlcuda {

// float16 storage on the device: arithmetic converts to float, as mxl::half does on the
// host (round to nearest even on the way back, so results match the CPU's bit for bit
// wherever the float computation does).
struct f16_t {
  uint16_t bits;
  f16_t() = default;
  __host__ __device__ f16_t(float f) : bits(__half_as_ushort(__float2half_rn(f))) {}
  __host__ __device__ f16_t(double d) : f16_t(float(d)) {}  // through float, as mxl::half(double)
  template <class I, std::enable_if_t<std::is_integral_v<I>, int> = 0>
  __host__ __device__ f16_t(I v) : f16_t(float(v)) {}  // through float, as mxl::half(int)
  __host__ __device__ operator float() const { return __half2float(__ushort_as_half(bits)); }
};
// Compute type: float for float, double for double, the type itself for integers
// (arithmetic) -- transcendental math on integers goes through double.
template <class T> struct Compute { using type = T; };
template <> struct Compute<f16_t> { using type = float; };  // as the CPU's native_t<half>
template <class T> using compute_t = typename Compute<T>::type;
template <class T> struct MathCompute { using type = double; };
template <> struct MathCompute<float> { using type = float; };
template <> struct MathCompute<f16_t> { using type = float; };
template <class T> using math_t = typename MathCompute<T>::type;

// One thread per element, striding by the grid (launch with grid_for(n) blocks).
#define MXC_KERNEL_LOOP(i, n) \
  for (int64_t i = int64_t(blockIdx.x) * blockDim.x + threadIdx.x; i < (n); i += int64_t(blockDim.x) * gridDim.x)

}  // namespace mxlcuda
