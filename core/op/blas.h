// Dense kernels shared by the tensor operator files (matrix.cc, shape.cc,
// indexing.cc, init.cc, ordering.cc): GEMM through a BLAS loaded at run time, and
// the small helpers those files have in common (strided copies, checked shape/type
// assignment, index reading).
#pragma once
#include <cstdint>
#include <limits>
#include <type_traits>
#include <vector>

#include "registry.h"

namespace mxl {

// ------------------------------------------------------------------ GEMM
// Row-major C = alpha * op(A) * op(B) + beta * C with op(X) = X or X^T; op(A) is
// M x K, op(B) is K x N; lda/ldb/ldc are the row lengths of A, B, C as stored.
// beta == 0 never reads C. The first call picks the BLAS (see blas_name()):
// $MXLITE_BLAS_LIBRARY, then the scipy-openblas32 wheel next to the installed
// mxlite package, then the system's libopenblas/libcblas/libblas, else a builtin
// blocked kernel.
void gemm(bool transA, bool transB, int64_t M, int64_t N, int64_t K, float alpha, const float* A,
          int64_t lda, const float* B, int64_t ldb, float beta, float* C, int64_t ldc);
void gemm_f64(bool transA, bool transB, int64_t M, int64_t N, int64_t K, double alpha,
              const double* A, int64_t lda, const double* B, int64_t ldb, double beta, double* C,
              int64_t ldc);

// ----------------------------------------------------------- strided copy
// A strided copy may need two axes per array axis (tile, space_to_depth), so views
// have up to kMaxView axes.
constexpr int kMaxView = 2 * kMaxDim;

// dst[dst_off + sum i_k*dst_stride_k] = src[src_off + sum i_k*src_stride_k] for every
// index i over `shape` (ndim axes, strides in elements, possibly 0 or negative).
// elem is the element size in bytes (1, 2, 4 or 8). Parallel when large.
void strided_copy(size_t elem, int ndim, const int64_t* shape, const void* src, int64_t src_off,
                  const int64_t* src_stride, void* dst, int64_t dst_off, const int64_t* dst_stride);
// Row-major strides of a shape (in elements).
void contiguous_strides(int ndim, const int64_t* shape, int64_t* stride);

// v as a DT without undefined behaviour: integers saturate (NaN gives 0).
template <typename DT>
inline DT saturate_cast(double v) {
  if constexpr (std::is_integral_v<DT> && !std::is_same_v<DT, bool>) {
    if (v != v) return DT(0);
    if (v <= double(std::numeric_limits<DT>::min())) return std::numeric_limits<DT>::min();
    if (v >= double(std::numeric_limits<DT>::max())) return std::numeric_limits<DT>::max();
  }
  return DT(v);
}

// Writes v (converted to the blob's dtype) to every element.
void fill_scalar(const TBlob& out, double v);

// ------------------------------------------------------ inference helpers
// Sets slot to s, or checks it equals s when already known; the error names the op
// and which array (`what`, e.g. "output", "weight") with expected vs got.
void assign_shape(const char* op, const char* what, Shape& slot, const Shape& s);
void assign_type(const char* op, const char* what, int& slot, int t);
// One float dtype (float32, float64 or float16) for every input and output, from the
// first known one; a mismatch names the input. `own` (>= 0): an input left to the
// op's own rule (e.g. RNN's sequence_length), not counted and not assigned.
bool uniform_float_type_except(const Attrs&, std::vector<int>& in, std::vector<int>& out, int own);
inline bool uniform_float_type(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  return uniform_float_type_except(a, in, out, -1);
}
// Shape "(d0, ..., dn-1)" for a param value passed to another op (gradients).
std::string shape_param(const Shape& s);

// The values of an index array of any dtype as int64 (floats truncate toward 0,
// like MXNet's cast).
std::vector<int64_t> index_values(const TBlob& b);

// A parameter flag registry.h has no builder step for, set on op's last parameter:
// none_ok lets it also take "None" while keeping a non-None default ("int or None,
// default -1"); required makes it mandatory (a required enum, or "int or None,
// required"). Used as  static OpDef& r = last_param(Registry::add("x")...param(...), ...)...
OpDef& last_param(OpDef& op, bool none_ok, bool required);

// Every dtype but bool: ops that add or multiply.
#define MXL_NUM_SWITCH(t, DT, op, ...)                                            \
  switch (t) {                                                                    \
    case ::mxl::DType::f32: { using DT = float; __VA_ARGS__ } break;              \
    case ::mxl::DType::f64: { using DT = double; __VA_ARGS__ } break;             \
    case ::mxl::DType::f16: { using DT = ::mxl::half; __VA_ARGS__ } break;        \
    case ::mxl::DType::u8: { using DT = uint8_t; __VA_ARGS__ } break;             \
    case ::mxl::DType::i32: { using DT = int32_t; __VA_ARGS__ } break;            \
    case ::mxl::DType::i8: { using DT = int8_t; __VA_ARGS__ } break;              \
    case ::mxl::DType::i64: { using DT = int64_t; __VA_ARGS__ } break;            \
    default: ::mxl::fail(::mxl::Err::kDType, op, ": unsupported dtype ",           \
                         ::mxl::dtype_name(t));                                   \
  }

}  // namespace mxl
