// Core vocabulary shared by every part of the engine: errors, dtypes, shapes,
// devices, and the small helpers kernels use (type dispatch, parallel loops).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "half.h"

namespace mxl {

// ------------------------------------------------------------------ errors
// Codes match MXL_ERR_* in c_api.h; the C ABI layer passes them through.
enum class Err : int {
  kInvalidArgument = 1, kShape = 2, kDType = 3, kNotFound = 4, kDevice = 5, kIO = 6,
  kOutOfMemory = 7, kInternal = 8, kIndex = 9, kInvalidHandle = 10, kArithmetic = 11,
};

class Error : public std::runtime_error {
 public:
  Error(Err code, const std::string& msg) : std::runtime_error(msg), code(code) {}
  Err code;
};

// Builds a message from any streamable pieces: fail(Err::kShape, "dot: ", a, " vs ", b).
template <typename... T>
[[noreturn]] inline void fail(Err code, const T&... parts) {
  std::ostringstream os;
  (os << ... << parts);
  throw Error(code, os.str());
}
#define MXL_CHECK(cond, code, ...) \
  do { if (!(cond)) ::mxl::fail(code, __VA_ARGS__); } while (0)

// ------------------------------------------------------------------ dtypes
// Numbering is MXNet's type flag (also the on-disk flag of .params files).
enum class DType : int { f32 = 0, f64 = 1, f16 = 2, u8 = 3, i32 = 4, i8 = 5, i64 = 6, b8 = 7 };
constexpr int kNumDTypes = 8;

size_t dtype_size(DType t);
const char* dtype_name(DType t);       // "float32", ...
DType dtype_from_name(const std::string& s);  // throws kDType naming s
bool dtype_valid(int flag);
inline bool dtype_is_float(DType t) { return t == DType::f32 || t == DType::f64 || t == DType::f16; }

// Calls body with `DT` bound to the C++ type of `t`.
#define MXL_TYPE_SWITCH(t, DT, ...)                                              \
  switch (t) {                                                                   \
    case ::mxl::DType::f32: { using DT = float; __VA_ARGS__ } break;             \
    case ::mxl::DType::f64: { using DT = double; __VA_ARGS__ } break;            \
    case ::mxl::DType::f16: { using DT = ::mxl::half; __VA_ARGS__ } break;       \
    case ::mxl::DType::u8: { using DT = uint8_t; __VA_ARGS__ } break;            \
    case ::mxl::DType::i32: { using DT = int32_t; __VA_ARGS__ } break;           \
    case ::mxl::DType::i8: { using DT = int8_t; __VA_ARGS__ } break;             \
    case ::mxl::DType::i64: { using DT = int64_t; __VA_ARGS__ } break;           \
    case ::mxl::DType::b8: { using DT = bool; __VA_ARGS__ } break;               \
    default: ::mxl::fail(::mxl::Err::kDType, "unsupported dtype flag ", int(t)); \
  }
// Float types only; others are an error naming `op`.
#define MXL_FLOAT_SWITCH(t, DT, op, ...)                                         \
  switch (t) {                                                                   \
    case ::mxl::DType::f32: { using DT = float; __VA_ARGS__ } break;             \
    case ::mxl::DType::f64: { using DT = double; __VA_ARGS__ } break;            \
    case ::mxl::DType::f16: { using DT = ::mxl::half; __VA_ARGS__ } break;       \
    default: ::mxl::fail(::mxl::Err::kDType, op, ": expected a float dtype, got ", \
                         ::mxl::dtype_name(t));                                  \
  }

// ------------------------------------------------------------------ shapes
constexpr int kMaxDim = 10;  // == MXL_MAX_NDIM

// Fixed-capacity shape: no heap traffic on the dispatch path. ndim == -1 means
// "unknown" (used by shape inference); ndim == 0 is a scalar.
struct Shape {
  int ndim = -1;
  int64_t d[kMaxDim] = {0};

  Shape() = default;
  Shape(std::initializer_list<int64_t> dims);
  explicit Shape(const std::vector<int64_t>& dims);
  Shape(const int64_t* dims, int n);
  static Shape unknown() { return Shape(); }

  bool known() const { return ndim >= 0; }
  int64_t size() const;  // product of dims (1 for a scalar)
  int64_t operator[](int i) const { return d[i]; }
  int64_t& operator[](int i) { return d[i]; }
  bool operator==(const Shape& o) const;
  bool operator!=(const Shape& o) const { return !(*this == o); }
  std::vector<int64_t> vec() const { return std::vector<int64_t>(d, d + (ndim > 0 ? ndim : 0)); }
  std::string str() const;  // "(2, 3)" like Python
};
std::ostream& operator<<(std::ostream& os, const Shape& s);

// ------------------------------------------------------------------ devices
enum class DevType : int { kCPU = 1, kGPU = 2 };
struct Context {
  DevType type = DevType::kCPU;
  int id = 0;
  bool operator==(const Context& o) const { return type == o.type && id == o.id; }
  bool operator!=(const Context& o) const { return !(*this == o); }
  std::string str() const;  // "cpu(0)"
  static Context cpu(int id = 0) { return {DevType::kCPU, id}; }
};

// --------------------------------------------------------------- parallelism
// Runs fn(begin, end) over [0, n) split across threads when n >= grain.
// Kernels call this; it is the only place that decides intra-op threading.
void parallel_for(int64_t n, int64_t grain, void (*fn)(int64_t, int64_t, void*), void* arg);
template <typename F>
inline void parallel_for(int64_t n, int64_t grain, F&& f) {
  parallel_for(n, grain,
               [](int64_t b, int64_t e, void* a) { (*static_cast<F*>(a))(b, e); },
               static_cast<void*>(&f));
}
int num_kernel_threads();
constexpr int64_t kParallelGrain = 1 << 15;  // elements below which kernels stay serial

}  // namespace mxl
