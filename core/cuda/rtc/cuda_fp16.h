// <cuda_fp16.h> for NVRTC (core/cuda/rtc/README.md): half storage and the two
// round-to-nearest-even conversions the kernels use, as PTX cvt instructions.
#pragma once
struct __half {
  unsigned short x_;
};
__device__ inline unsigned short __half_as_ushort(__half h) { return h.x_; }
__device__ inline __half __ushort_as_half(unsigned short u) { return __half{u}; }
__device__ inline float __half2float(__half h) {
  float f;
  asm("cvt.f32.f16 %0, %1;" : "=f"(f) : "h"(h.x_));
  return f;
}
__device__ inline __half __float2half_rn(float f) {
  unsigned short u;
  asm("cvt.rn.f16.f32 %0, %1;" : "=h"(u) : "f"(f));
  return __half{u};
}
