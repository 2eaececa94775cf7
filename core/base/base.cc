#include "base.h"

#include <algorithm>
#include <thread>
#ifdef _OPENMP
#include <omp.h>
#endif

namespace mxl {

namespace {
const char* const kDTypeNames[kNumDTypes] = {"float32", "float64", "float16", "uint8",
                                             "int32",   "int8",    "int64",   "bool"};
const size_t kDTypeSizes[kNumDTypes] = {4, 8, 2, 1, 4, 1, 8, 1};
}  // namespace

bool dtype_valid(int flag) { return flag >= 0 && flag < kNumDTypes; }
size_t dtype_size(DType t) {
  MXL_CHECK(dtype_valid(int(t)), Err::kDType, "unsupported dtype flag ", int(t));
  return kDTypeSizes[int(t)];
}
const char* dtype_name(DType t) { return dtype_valid(int(t)) ? kDTypeNames[int(t)] : "unknown"; }
DType dtype_from_name(const std::string& s) {
  for (int i = 0; i < kNumDTypes; ++i)
    if (s == kDTypeNames[i]) return DType(i);
  if (s == "float") return DType::f32;
  if (s == "double") return DType::f64;
  if (s == "half") return DType::f16;
  fail(Err::kDType, "unknown dtype '", s,
       "': expected one of float32, float64, float16, uint8, int8, int32, int64, bool");
}

Shape::Shape(std::initializer_list<int64_t> dims) : Shape(std::vector<int64_t>(dims)) {}
Shape::Shape(const std::vector<int64_t>& dims) : Shape(dims.data(), int(dims.size())) {}
Shape::Shape(const int64_t* dims, int n) {
  MXL_CHECK(n >= 0 && n <= kMaxDim, Err::kShape, "shape has ", n, " dimensions; at most ", kMaxDim,
            " are supported");
  ndim = n;
  for (int i = 0; i < n; ++i) d[i] = dims[i];
}
int64_t Shape::size() const {
  int64_t s = 1;
  // Checked: dims read from files or given by users (e.g. 2^32 x 2^32) must not wrap
  // to a small size that would then be allocated and indexed past its end.
  for (int i = 0; i < ndim; ++i)
    MXL_CHECK(!__builtin_mul_overflow(s, d[i], &s), Err::kShape, "shape ", *this,
              " has too many elements (the product of its dims overflows 64 bits)");
  return s;
}
bool Shape::operator==(const Shape& o) const {
  if (ndim != o.ndim) return false;
  for (int i = 0; i < ndim; ++i)
    if (d[i] != o.d[i]) return false;
  return true;
}
std::string Shape::str() const {
  if (ndim < 0) return "(unknown)";
  std::string s = "(";
  for (int i = 0; i < ndim; ++i) {
    if (i) s += ", ";
    s += std::to_string(d[i]);
  }
  if (ndim == 1) s += ",";
  return s + ")";
}
std::ostream& operator<<(std::ostream& os, const Shape& s) { return os << s.str(); }

std::string Context::str() const {
  return std::string(type == DevType::kGPU ? "gpu(" : "cpu(") + std::to_string(id) + ")";
}

int num_kernel_threads() {
#ifdef _OPENMP
  static int n = std::max(1, omp_get_max_threads());
  return n;
#else
  return 1;
#endif
}

void parallel_for(int64_t n, int64_t grain, void (*fn)(int64_t, int64_t, void*), void* arg) {
  if (n <= 0) return;
  int nt = num_kernel_threads();
  int64_t chunks = std::min<int64_t>(nt, (n + grain - 1) / std::max<int64_t>(grain, 1));
  if (chunks <= 1) {
    fn(0, n, arg);
    return;
  }
#ifdef _OPENMP
  // Exceptions must not escape an OpenMP region: capture the first and rethrow.
  std::exception_ptr err;
#pragma omp parallel for num_threads(int(chunks)) schedule(static, 1)
  for (int64_t c = 0; c < chunks; ++c) {
    int64_t b = n * c / chunks, e = n * (c + 1) / chunks;
    try {
      fn(b, e, arg);
    } catch (...) {
#pragma omp critical
      if (!err) err = std::current_exception();
    }
  }
  if (err) std::rethrow_exception(err);
#else
  fn(0, n, arg);
#endif
}

}  // namespace mxl
