// IEEE 754 binary16 storage type. Arithmetic happens in float: every operator
// converts, so kernels written for `DT` work unchanged for half.
#pragma once
#include <cstdint>
#include <cstring>

namespace mxl {

struct half {
  uint16_t bits = 0;
  half() = default;
  half(float f) : bits(from_float(f)) {}  // NOLINT: implicit like a builtin float type
  half(double f) : bits(from_float(float(f))) {}
  half(int v) : bits(from_float(float(v))) {}
  half(int64_t v) : bits(from_float(float(v))) {}
  half(long long v) : bits(from_float(float(v))) {}
  half(unsigned v) : bits(from_float(float(v))) {}
  half(uint64_t v) : bits(from_float(float(v))) {}
  half(bool v) : bits(from_float(v ? 1.f : 0.f)) {}
  half(uint8_t v) : bits(from_float(float(v))) {}
  half(int8_t v) : bits(from_float(float(v))) {}
  operator float() const { return to_float(bits); }

  half& operator+=(float o) { return *this = half(float(*this) + o); }
  half& operator-=(float o) { return *this = half(float(*this) - o); }
  half& operator*=(float o) { return *this = half(float(*this) * o); }
  half& operator/=(float o) { return *this = half(float(*this) / o); }

  static float to_float(uint16_t h) {
    uint32_t sign = uint32_t(h & 0x8000) << 16, exp = (h >> 10) & 0x1f, man = h & 0x3ff, f;
    if (exp == 0) {
      if (man == 0) {
        f = sign;
      } else {  // subnormal: normalise
        exp = 127 - 15 + 1;
        while (!(man & 0x400)) { man <<= 1; --exp; }
        man &= 0x3ff;
        f = sign | (exp << 23) | (man << 13);
      }
    } else if (exp == 31) {
      f = sign | 0x7f800000u | (man << 13);
    } else {
      f = sign | ((exp + 127 - 15) << 23) | (man << 13);
    }
    float out;
    std::memcpy(&out, &f, 4);
    return out;
  }
  static uint16_t from_float(float v) {  // round to nearest even
    uint32_t x;
    std::memcpy(&x, &v, 4);
    uint32_t sign = (x >> 16) & 0x8000;
    int32_t exp = int32_t((x >> 23) & 0xff) - 127 + 15;
    uint32_t man = x & 0x7fffff;
    if (((x >> 23) & 0xff) == 0xff) return uint16_t(sign | 0x7c00 | (man ? 0x200 : 0));
    if (exp >= 31) return uint16_t(sign | 0x7c00);
    if (exp <= 0) {
      if (exp < -10) return uint16_t(sign);
      man |= 0x800000;
      uint32_t shift = uint32_t(14 - exp);
      uint32_t h = man >> shift, rem = man & ((1u << shift) - 1), halfway = 1u << (shift - 1);
      if (rem > halfway || (rem == halfway && (h & 1))) ++h;
      return uint16_t(sign | h);
    }
    uint32_t h = sign | (uint32_t(exp) << 10) | (man >> 13);
    uint32_t rem = man & 0x1fff;
    if (rem > 0x1000 || (rem == 0x1000 && (h & 1))) ++h;
    return uint16_t(h);
  }
};

}  // namespace mxl
