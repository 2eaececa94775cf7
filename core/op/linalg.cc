// MXNet 1.x's linear-algebra operators beyond gemm/gemm2 (those are in extra_ops.cc):
// _linalg_inverse, _linalg_det, _linalg_slogdet, _linalg_potrf, _linalg_potri,
// _linalg_trsm, _linalg_trmm, _linalg_syrk, _linalg_sumlogdiag, _linalg_extractdiag,
// _linalg_makediag, _linalg_extracttrian, _linalg_maketrian, _linalg_gelqf and
// _linalg_syevd (aliases linalg_*, but none for syevd, as in MXNet; mx.nd.linalg.* by
// their short names), with their gradients, and khatri_rao.
//
// Matrices sit on the last two axes (a vector on the last axis for makediag and
// maketrian); every leading axis is a batch axis. float32 and float64 only, as in MXNet.
// The per-matrix algorithms are in linalg_kernels.h, shared with the CUDA plugin.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <vector>

#include "blas.h"
#include "linalg_kernels.h"

namespace mxl {
namespace {


// ------------------------------------------------------------ shape rules
// A batch of matrices: at least 2 axes (MXNet's message says "dimension must be >= 2").
void need_matrices(const Attrs& a, const char* what, const Shape& s) {
  MXL_CHECK(s.ndim >= 2, Err::kShape, N(a), ": ", what,
            " must have at least 2 dimensions (a batch of matrices on the last two axes), got shape ", s);
}
void need_square(const Attrs& a, const char* what, const Shape& s) {
  need_matrices(a, what, s);
  MXL_CHECK(s[s.ndim - 2] == s[s.ndim - 1], Err::kShape, N(a), ": ", what,
            " must be a batch of square matrices (its last two dimensions equal), got shape ", s);
}
// The leading (batch) axes of s before its last `rank` axes, followed by `tail`.
Shape batch_then(const Shape& s, int rank, std::initializer_list<int64_t> tail) {
  Shape o;
  o.ndim = 0;
  for (int k = 0; k < s.ndim - rank; ++k) o.d[o.ndim++] = s[k];
  for (int64_t t : tail) o.d[o.ndim++] = t;
  return o;
}
// det, slogdet and sumlogdiag give one number per matrix: the batch shape, or (1,) for
// a single matrix.
Shape per_matrix_shape(const Shape& s) {
  return s.ndim == 2 ? Shape{1} : batch_then(s, 2, {});
}

bool square_same(const Attrs& a, Shapes& in, Shapes& out) {
  if (!in[0].known()) return false;
  need_square(a, "A", in[0]);
  assign_shape(N(a), "output", out[0], in[0]);
  return true;
}
bool square_scalar(const Attrs& a, Shapes& in, Shapes& out) {
  if (!in[0].known()) return false;
  need_square(a, "A", in[0]);
  for (Shape& o : out) assign_shape(N(a), "output", o, per_matrix_shape(in[0]));
  return true;
}
// trmm / trsm: A square (..., n, n); B (..., m, n) when rightside, else (..., n, m).
bool triangular_shape(const Attrs& a, Shapes& in, Shapes& out) {
  if (!in[0].known() || !in[1].known()) return false;
  const Shape &A = in[0], &B = in[1];
  need_square(a, "A", A);
  need_matrices(a, "B", B);
  MXL_CHECK(A.ndim == B.ndim, Err::kShape, N(a), ": A and B must have the same number of dimensions, got shapes ",
            A, " and ", B);
  for (int k = 0; k < A.ndim - 2; ++k)
    MXL_CHECK(A[k] == B[k], Err::kShape, N(a),
              ": A and B must have the same batch dimensions (all but the last two), got shapes ", A, " and ", B);
  bool right = a.b("rightside");
  int64_t n = A[A.ndim - 1], nb = right ? B[B.ndim - 1] : B[B.ndim - 2];
  MXL_CHECK(n == nb, Err::kShape, N(a), ": incompatible matrix dimensions: A is ", n, " x ", n, " and B is ",
            B[B.ndim - 2], " x ", B[B.ndim - 1], " (B's ", right ? "columns" : "rows", " must equal A's size",
            right ? " with rightside=True" : "", "; A ", A, ", B ", B, ")");
  assign_shape(N(a), "output", out[0], B);
  return true;
}
bool syrk_shape(const Attrs& a, Shapes& in, Shapes& out) {
  if (!in[0].known()) return false;
  need_matrices(a, "A", in[0]);
  int64_t n = a.b("transpose") ? in[0][in[0].ndim - 1] : in[0][in[0].ndim - 2];
  assign_shape(N(a), "output", out[0], batch_then(in[0], 2, {n, n}));
  return true;
}
// Rows of the diagonal / triangle at `offset` of an n x n matrix; must be positive.
int64_t offset_rows(const Attrs& a, int64_t n) {
  int64_t off = a.i("offset"), m = n - (off < 0 ? -off : off);
  MXL_CHECK(m > 0, Err::kInvalidArgument, N(a), ": offset=", off, " is out of range for ", n, " x ", n,
            " matrices (|offset| must be less than ", n, ")");
  return m;
}
bool extractdiag_shape(const Attrs& a, Shapes& in, Shapes& out) {
  if (!in[0].known()) return false;
  need_square(a, "A", in[0]);
  assign_shape(N(a), "output", out[0], batch_then(in[0], 2, {offset_rows(a, in[0][in[0].ndim - 1])}));
  return true;
}
bool extracttrian_shape(const Attrs& a, Shapes& in, Shapes& out) {
  if (!in[0].known()) return false;
  need_square(a, "A", in[0]);
  int64_t m = offset_rows(a, in[0][in[0].ndim - 1]);
  assign_shape(N(a), "output", out[0], batch_then(in[0], 2, {m * (m + 1) / 2}));
  return true;
}
void need_vectors(const Attrs& a, const Shape& s) {
  MXL_CHECK(s.ndim >= 1, Err::kShape, N(a), ": A must have at least 1 dimension (vectors on the last axis), got shape ",
            s);
}
int64_t abs_offset(const Attrs& a) { return std::abs(a.i("offset")); }
bool makediag_shape(const Attrs& a, Shapes& in, Shapes& out) {
  if (!in[0].known()) return false;
  need_vectors(a, in[0]);
  int64_t n = in[0][in[0].ndim - 1] + abs_offset(a);
  assign_shape(N(a), "output", out[0], batch_then(in[0], 1, {n, n}));
  return true;
}
bool maketrian_shape(const Attrs& a, Shapes& in, Shapes& out) {
  if (!in[0].known()) return false;
  need_vectors(a, in[0]);
  int64_t len = in[0][in[0].ndim - 1];
  // m is the triangle's row count: len = m (m + 1) / 2
  int64_t m = int64_t(std::floor((std::sqrt(8.0 * double(len) + 1.0) - 1.0) / 2.0));
  while (m * (m + 1) / 2 < len) ++m;
  while (m > 0 && m * (m + 1) / 2 > len) --m;
  MXL_CHECK(len > 0 && m * (m + 1) / 2 == len, Err::kShape, N(a),
            ": the last axis of A must hold a packed triangle, m * (m + 1) / 2 elements for some m >= 1, got ", len,
            " (shape ", in[0], ")");
  int64_t n = m + abs_offset(a);
  assign_shape(N(a), "output", out[0], batch_then(in[0], 1, {n, n}));
  return true;
}

// gelqf: A (..., m, n) with m <= n gives Q (..., m, n) and L (..., m, m).
bool gelqf_shape(const Attrs& a, Shapes& in, Shapes& out) {
  if (!in[0].known()) return false;
  const Shape& A = in[0];
  need_matrices(a, "A", A);
  int64_t m = A[A.ndim - 2], n = A[A.ndim - 1];
  MXL_CHECK(m <= n, Err::kShape, N(a), ": A must have at least as many columns as rows (m <= n for an m x n "
            "matrix), got shape ", A);
  assign_shape(N(a), "Q", out[0], A);
  assign_shape(N(a), "L", out[1], batch_then(A, 2, {m, m}));
  return true;
}
// syevd: A (..., n, n) gives U (..., n, n) and lambda (..., n).
bool syevd_shape(const Attrs& a, Shapes& in, Shapes& out) {
  if (!in[0].known()) return false;
  need_square(a, "A", in[0]);
  assign_shape(N(a), "U", out[0], in[0]);
  assign_shape(N(a), "lambda", out[1], batch_then(in[0], 2, {in[0][in[0].ndim - 1]}));
  return true;
}

// khatri_rao: inputs (n_k, c), all c columns; out (prod n_k, c).
bool khatri_rao_shape(const Attrs& a, Shapes& in, Shapes& out) {
  int64_t rows = 1, cols = -1;
  for (size_t k = 0; k < in.size(); ++k) {
    if (!in[k].known()) return false;
    MXL_CHECK(in[k].ndim == 2, Err::kShape, N(a), ": every input must be a matrix (2 dimensions), got input ", k,
              " of shape ", in[k]);
    if (cols < 0) cols = in[k][1];
    MXL_CHECK(in[k][1] == cols, Err::kShape, N(a), ": every input must have the same number of columns, got ",
              cols, " (input 0) and ", in[k][1], " (input ", k, ", shape ", in[k], ")");
    rows *= in[k][0];
  }
  assign_shape(N(a), "output", out[0], Shape{rows, cols});
  return true;
}

// out[r][j] = prod_k in_k[i_k][j], r the row-major index of (i_0, ..., i_{K-1}), so
// i_k = (r / inner_k) % n_k with inner_k the product of the later inputs' rows. The
// product runs over k in order, as the CUDA kernel's passes do.
template <class T>
void khatri_rao_t(const Blobs& in, const TBlob& out) {
  int64_t R = out.shape[0], c = out.shape[1];
  std::vector<int64_t> inner(in.size(), 1);
  for (size_t k = in.size(); k-- > 1;) inner[k - 1] = inner[k] * in[k].shape[0];
  T* o = out.ptr<T>();
  parallel_for(R, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, c * int64_t(in.size()))),
               [&](int64_t begin, int64_t end) {
    for (int64_t r = begin; r < end; ++r) {
      T* orow = o + r * c;
      for (int64_t j = 0; j < c; ++j) orow[j] = T(1);
      for (size_t k = 0; k < in.size(); ++k) {
        const T* row = in[k].ptr<T>() + (r / inner[k]) % in[k].shape[0] * c;
        for (int64_t j = 0; j < c; ++j) orow[j] *= row[j];
      }
    }
  });
}

// A backward op's shapes, checked in full (the C ABI lets anyone call a backward op,
// and its kernel indexes every input by the forward shapes): the inputs at fwd_in stand
// for the forward inputs (Q for gelqf's A, ...); the forward rule gives the forward
// outputs from them; every input in `like` must have the shape of forward input k
// (ref = k >= 0) or forward output k (ref = -1 - k); the outputs are the forward inputs'
// gradients.
FInferShape grad_rule(FInferShape fwd, std::vector<int> fwd_in, std::vector<std::pair<int, int>> like,
                      int num_fwd_out) {
  return [=](const Attrs& a, Shapes& in, Shapes& out) {
    Shapes fi, fo(static_cast<size_t>(num_fwd_out));  // forward outputs, unknown until fwd runs
    for (int k : fwd_in) {
      if (!in[k].known()) return false;
      fi.push_back(in[k]);
    }
    fwd(a, fi, fo);
    for (auto [k, ref] : like) {
      const Shape& want = ref >= 0 ? fi[size_t(ref)] : fo[size_t(-1 - ref)];
      if (in[k].known())
        MXL_CHECK(in[k] == want, Err::kShape, N(a), ": input ", a.op->inputs[size_t(k)], " must have shape ", want,
                  " (from the forward shapes), got ", in[k]);
      else
        in[k] = want;
    }
    for (size_t k = 0; k < out.size(); ++k) assign_shape(N(a), "gradient", out[k], fi[k]);
    return true;
  };
}

// MXNet's linalg ops take float32 and float64 only.
bool linalg_type(const Attrs& a, Types& in, Types& out) {
  bool known = type_same(a, in, out);
  for (int t : in)
    MXL_CHECK(t < 0 || DType(t) == DType::f32 || DType(t) == DType::f64, Err::kDType, N(a),
              ": only float32 and float64 are supported, got ", dtype_name(DType(t)));
  return known;
}

// ------------------------------------------------------------ the kernels
template <class Op>
la::Geo geo_of(const Attrs& a, const Blobs& in, const Blobs& out) {
  int in_nd[4] = {0}, out_nd[2] = {0};
  const int64_t* in_d[4] = {nullptr};
  const int64_t* out_d[2] = {nullptr};
  int nin = int(std::min<size_t>(in.size(), 4)), nout = int(std::min<size_t>(out.size(), 2));
  for (int k = 0; k < nin; ++k) { in_nd[k] = in[k].shape.ndim; in_d[k] = in[k].shape.d; }
  for (int k = 0; k < nout; ++k) { out_nd[k] = out[k].shape.ndim; out_d[k] = out[k].shape.d; }
  la::Geo g = la::make_geo<Op>(nin, in_nd, in_d, nout, out_nd, out_d);
  if (Op::kParams & la::kLower) g.lower = a.b("lower");
  if (Op::kParams & la::kTranspose) g.transpose = a.b("transpose");
  if (Op::kParams & la::kRightside) g.rightside = a.b("rightside");
  if (Op::kParams & la::kAlpha) g.alpha = a.f("alpha");
  if (Op::kParams & la::kOffset) g.offset = a.i("offset");
  return g;
}

[[noreturn]] void fail_status(const char* op, int status, int64_t b, int64_t batch) {
  char msg[256];
  la::status_message(msg, sizeof msg, op, status, b, batch);
  fail(Err::kArithmetic, msg);
}

// Runs Op on every matrix of the batch, split over threads; the first rejected matrix
// (lowest batch index) is reported.
template <class Op, class T>
void run_batch(const Attrs& a, const Blobs& in, const Blobs& out) {
  la::Geo g = geo_of<Op>(a, in, out);
  if (g.batch <= 0) return;
  int64_t scratch = Op::scratch(g);
  double n = 1;  // the work per matrix is about n^3 (in double: no overflow)
  for (const la::Mat& m : g.in) n = std::max({n, double(m.rows), double(m.cols)});
  int64_t grain = int64_t(std::max(1.0, double(kParallelGrain) / (n * n * n)));
  std::atomic<int64_t> first_bad{INT64_MAX};  // batch index * 4 + status
  parallel_for(g.batch, grain, [&](int64_t begin, int64_t end) {
    std::vector<T> w(size_t(std::max<int64_t>(scratch, 1)));
    for (int64_t b = begin; b < end; ++b) {
      const T* ip[4] = {nullptr};
      T* op[2] = {nullptr};
      for (size_t k = 0; k < in.size() && k < 4; ++k) ip[k] = in[k].ptr<T>() + b * g.in[k].stride;
      for (size_t k = 0; k < out.size() && k < 2; ++k) op[k] = out[k].ptr<T>() + b * g.out[k].stride;
      int s = Op::template run<T>(g, ip, op, w.data());
      if (s != la::kOk) {
        int64_t code = b * 4 + s, cur = first_bad.load();
        while (code < cur && !first_bad.compare_exchange_weak(cur, code)) {
        }
        return;  // later matrices of this chunk cannot be first
      }
    }
  });
  int64_t bad = first_bad.load();
  if (bad != INT64_MAX) fail_status(N(a), int(bad % 4), bad / 4, g.batch);
}

template <class Op>
FCompute cpu_kernel() {
  return [](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
    if (in[0].dtype == DType::f64) run_batch<Op, double>(a, in, out);
    else run_batch<Op, float>(a, in, out);  // linalg_type allows only these two
  };
}

// ------------------------------------------------------------ parameters
OpDef& triangular_params(OpDef& op) {
  op.param("transpose", PType::kBool, "False", "Use transposed of the triangular matrix.");
  op.param("rightside", PType::kBool, "False", "Multiply (or solve) with the triangular matrix on the right side.");
  op.param("lower", PType::kBool, "True", "True if the triangular matrix is lower triangular, False if upper.");
  op.param("alpha", PType::kFloat, "1", "Scalar factor the result is multiplied with.");
  return op;
}
OpDef& syrk_params(OpDef& op) {
  op.param("transpose", PType::kBool, "False", "Use transpose of input matrix: out = alpha * A^T * A.");
  op.param("alpha", PType::kFloat, "1", "Scalar factor the result is multiplied with.");
  return op;
}
OpDef& offset_param(OpDef& op) {
  op.param("offset", PType::kInt, "0",
           "Offset of the diagonal: 0 the main diagonal, > 0 above it, < 0 below it.");
  op.range(-2147483647.0, 2147483647.0);  // MXNet's int
  return op;
}
OpDef& trian_params(OpDef& op) {
  offset_param(op);
  op.param("lower", PType::kBool, "True",
           "With offset=0: the lower triangle (True) or the upper one (False); ignored otherwise.");
  return op;
}

}  // namespace

// ================================================================ inverse, det
static OpDef& reg_inverse = Registry::add("_linalg_inverse")
    .alias("linalg_inverse")
    .describe("Computes the inverse of a matrix: out = A^-1.\n\n"
              "A has shape (..., n, n): the matrices are on the last two axes and every leading axis is a "
              "batch axis. A singular matrix is an error. float32 and float64.")
    .input("A")
    .infer_shape_fn(square_same)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Inverse>())
    .grad_fn([](GradGraph& g, const Attrs&) {
      // dA = -out^T G out^T, two batched gemm2 calls
      GVal out = g.output(0);
      GVal t = g.op1("_linalg_gemm2", {out, g.ograd(0)}, {{"transpose_a", "True"}});
      return GVals{g.op1("_linalg_gemm2", {t, out}, {{"transpose_b", "True"}, {"alpha", "-1"}})};
    });

static OpDef& reg_det = Registry::add("_linalg_det")
    .alias("linalg_det")
    .describe("Computes the determinant of a matrix: out = det(A).\n\n"
              "A has shape (..., n, n); out has the batch shape (...), or (1,) for a single matrix. Computed "
              "from an LU factorization with partial pivoting; a singular matrix gives 0 (and a zero "
              "gradient). float32 and float64.")
    .input("A")
    .infer_shape_fn(square_scalar)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Det>())
    .grad_fn([](GradGraph& g, const Attrs&) {
      return GVals{g.op1("_backward_linalg_det", {g.ograd(0), g.input(0), g.output(0)})};
    });

static OpDef& reg_det_bwd = Registry::add("_backward_linalg_det")
    .describe("Gradient of _linalg_det: inputs (ograd, A, det); output A's gradient ograd * det * A^-T.")
    .input("ograd").input("A").input("det")
    .infer_shape_fn(grad_rule(square_scalar, {1}, {{0, -1}, {2, -1}}, 1))
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::DetBackward<false>>());

static OpDef& reg_slogdet = Registry::add("_linalg_slogdet")
    .alias("linalg_slogdet")
    .describe("Computes the sign and the natural logarithm of the absolute value of the determinant of a "
              "matrix: (sign, logabsdet) with det(A) = sign * exp(logabsdet).\n\n"
              "A has shape (..., n, n); both outputs have the batch shape (...), or (1,) for a single matrix. "
              "A singular matrix gives sign 0 and logabsdet -inf. Only logabsdet has a gradient (A^-T). "
              "float32 and float64.")
    .input("A")
    .outputs(2)  // (sign, logabsdet), named output0 and output1 as in MXNet
    .infer_shape_fn(square_scalar)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Slogdet>())
    .grad_fn([](GradGraph& g, const Attrs&) {
      return GVals{g.op1("_backward_linalg_slogdet", {g.ograd(0), g.ograd(1), g.input(0)})};
    });

static OpDef& reg_slogdet_bwd = Registry::add("_backward_linalg_slogdet")
    .describe("Gradient of _linalg_slogdet: inputs (ograd_sign, ograd_logabsdet, A); output A's gradient "
              "ograd_logabsdet * A^-T.")
    .input("ograd_sign").input("ograd_logabsdet").input("A")
    .infer_shape_fn(grad_rule(square_scalar, {2}, {{0, -1}, {1, -2}}, 2))
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::DetBackward<true>>());

// ================================================================ Cholesky
static OpDef& reg_potrf = Registry::add("_linalg_potrf")
    .alias("linalg_potrf")
    .describe("Performs Cholesky factorization of a symmetric positive-definite matrix: out = L, the lower "
              "triangular matrix with A = L * L^T.\n\n"
              "Only the lower triangle of A is read; the upper triangle of out is zero. A has shape "
              "(..., n, n). A matrix that is not positive definite is an error. The gradient is symmetric "
              "(A is taken as symmetric). float32 and float64.")
    .input("A")
    .infer_shape_fn(square_same)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Potrf>())
    .grad_fn([](GradGraph& g, const Attrs&) {
      return GVals{g.op1("_backward_linalg_potrf", {g.ograd(0), g.output(0)})};
    });

static OpDef& reg_potrf_bwd = Registry::add("_backward_linalg_potrf")
    .describe("Gradient of _linalg_potrf: inputs (ograd, L); output A's gradient, symmetric.")
    .input("ograd").input("L")
    .infer_shape_fn(grad_rule(square_same, {1}, {{0, 0}}, 1))
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::PotrfBackward>());

static OpDef& reg_potri = Registry::add("_linalg_potri")
    .alias("linalg_potri")
    .describe("Performs matrix inversion from a Cholesky factorization: out = (A * A^T)^-1 for A the lower "
              "triangular factor that _linalg_potrf returns.\n\n"
              "Only the lower triangle of A is read. A has shape (..., n, n). A zero on A's diagonal is an "
              "error. float32 and float64.")
    .input("A")
    .infer_shape_fn(square_same)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Potri>())
    .grad_fn([](GradGraph& g, const Attrs&) {
      return GVals{g.op1("_backward_linalg_potri", {g.ograd(0), g.input(0), g.output(0)})};
    });

static OpDef& reg_potri_bwd = Registry::add("_backward_linalg_potri")
    .describe("Gradient of _linalg_potri: inputs (ograd, A, result: the forward output); output A's gradient (lower triangular).")
    .input("ograd").input("A").input("result")
    .infer_shape_fn(grad_rule(square_same, {1}, {{0, 0}, {2, 0}}, 1))
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::PotriBackward>());

// ================================================================ triangular
static OpDef& reg_trmm = triangular_params(Registry::add("_linalg_trmm"))
    .alias("linalg_trmm")
    .describe("Performs multiplication with a triangular matrix: out = alpha * op(A) * B, or "
              "alpha * B * op(A) with rightside=True, where op(A) = A or A^T (transpose).\n\n"
              "Only the triangle of A that `lower` names is read. A has shape (..., n, n); B has shape "
              "(..., n, m), or (..., m, n) with rightside=True, and the same batch axes. float32 and float64.")
    .input("A").input("B")
    .infer_shape_fn(triangular_shape)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Trmm>())
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return g.op("_backward_linalg_trmm", {g.ograd(0), g.input(0), g.input(1)}, a.raw());
    });

static OpDef& reg_trmm_bwd = triangular_params(Registry::add("_backward_linalg_trmm"))
    .describe("Gradient of _linalg_trmm: inputs (ograd, A, B); outputs the gradients of A (on its triangle) "
              "and B.")
    .input("ograd").input("A").input("B")
    .outputs(2)
    .infer_shape_fn(grad_rule(triangular_shape, {1, 2}, {{0, -1}}, 1))
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::TrmmBackward>());

static OpDef& reg_trsm = triangular_params(Registry::add("_linalg_trsm"))
    .alias("linalg_trsm")
    .describe("Solves a matrix equation with a triangular matrix: out = alpha * op(A)^-1 * B, or "
              "alpha * B * op(A)^-1 with rightside=True, where op(A) = A or A^T (transpose).\n\n"
              "Only the triangle of A that `lower` names is read. A has shape (..., n, n); B has shape "
              "(..., n, m), or (..., m, n) with rightside=True, and the same batch axes. A zero on A's "
              "diagonal gives inf/nan, as LAPACK's trsm. float32 and float64.")
    .input("A").input("B")
    .infer_shape_fn(triangular_shape)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Trsm>())
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return g.op("_backward_linalg_trsm", {g.ograd(0), g.input(0), g.input(1), g.output(0)}, a.raw());
    });

static OpDef& reg_trsm_bwd = triangular_params(Registry::add("_backward_linalg_trsm"))
    .describe("Gradient of _linalg_trsm: inputs (ograd, A, B, result: the forward output); outputs the gradients of A (on its "
              "triangle) and B.")
    .input("ograd").input("A").input("B").input("result")
    .outputs(2)
    .infer_shape_fn(grad_rule(triangular_shape, {1, 2}, {{0, -1}, {3, -1}}, 1))
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::TrsmBackward>());

// ================================================================ syrk, sumlogdiag
static OpDef& reg_syrk = syrk_params(Registry::add("_linalg_syrk"))
    .alias("linalg_syrk")
    .describe("Multiplication of a matrix with its transpose: out = alpha * A * A^T, or alpha * A^T * A with "
              "transpose=True.\n\n"
              "A has shape (..., m, n); out has shape (..., m, m), or (..., n, n) with transpose=True. "
              "float32 and float64.")
    .input("A")
    .infer_shape_fn(syrk_shape)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Syrk>())
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_linalg_syrk", {g.ograd(0), g.input(0)}, a.raw())};
    });

static OpDef& reg_syrk_bwd = syrk_params(Registry::add("_backward_linalg_syrk"))
    .describe("Gradient of _linalg_syrk: inputs (ograd, A); output A's gradient.")
    .input("ograd").input("A")
    .infer_shape_fn(grad_rule(syrk_shape, {1}, {{0, -1}}, 1))
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::SyrkBackward>());

static OpDef& reg_sumlogdiag = Registry::add("_linalg_sumlogdiag")
    .alias("linalg_sumlogdiag")
    .describe("Computes the sum of the logarithms of the diagonal elements of a square matrix.\n\n"
              "A has shape (..., n, n); out has the batch shape (...), or (1,) for a single matrix. A "
              "negative diagonal element gives nan. float32 and float64.")
    .input("A")
    .infer_shape_fn(square_scalar)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Sumlogdiag>())
    .grad_fn([](GradGraph& g, const Attrs&) {
      return GVals{g.op1("_backward_linalg_sumlogdiag", {g.ograd(0), g.input(0)})};
    });

static OpDef& reg_sumlogdiag_bwd = Registry::add("_backward_linalg_sumlogdiag")
    .describe("Gradient of _linalg_sumlogdiag: inputs (ograd, A); output A's gradient diag(ograd / A_ii).")
    .input("ograd").input("A")
    .infer_shape_fn(grad_rule(square_scalar, {1}, {{0, -1}}, 1))
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::SumlogdiagBackward>());

// ================================================================ gelqf, syevd
static OpDef& reg_gelqf = Registry::add("_linalg_gelqf")
    .alias("linalg_gelqf")
    .describe("LQ factorization for general matrix: A = L * Q, outputs (Q, L).\n\n"
              "A has shape (..., m, n) with m <= n; Q has shape (..., m, n) with orthonormal rows, L shape "
              "(..., m, m), lower triangular. Householder reflections with LAPACK's sign conventions (L's "
              "diagonal may be negative). float32 and float64.")
    .input("A")
    .outputs(2)  // (Q, L), named output0 and output1 as in MXNet
    .infer_shape_fn(gelqf_shape)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Gelqf>())
    .grad_fn([](GradGraph& g, const Attrs&) {
      return GVals{g.op1("_backward_linalg_gelqf", {g.ograd(0), g.ograd(1), g.output(0), g.output(1)})};
    });

static OpDef& reg_gelqf_bwd = Registry::add("_backward_linalg_gelqf")
    .describe("Gradient of _linalg_gelqf: inputs (ograd_Q, ograd_L, Q, L); output A's gradient.")
    .input("ograd_Q").input("ograd_L").input("Q").input("L")
    .infer_shape_fn(grad_rule(gelqf_shape, {2}, {{0, -1}, {1, -2}, {3, -2}}, 2))
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::GelqfBackward>());

static OpDef& reg_syevd = Registry::add("_linalg_syevd")
    .describe("Eigendecomposition for symmetric matrix: A = U^T * diag(lambda) * U, outputs (U, lambda).\n\n"
              "A has shape (..., n, n) and is taken as symmetric (its lower triangle is read). U has shape "
              "(..., n, n), its rows the orthonormal eigenvectors, each with its largest-magnitude entry "
              "positive; lambda has shape (..., n), ascending. Computed by cyclic Jacobi rotations. The "
              "gradient assumes distinct eigenvalues. float32 and float64.")
    .input("A")
    .outputs(2)  // (U, lambda), named output0 and output1 as in MXNet
    .infer_shape_fn(syevd_shape)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Syevd>())
    .grad_fn([](GradGraph& g, const Attrs&) {
      return GVals{g.op1("_backward_linalg_syevd", {g.ograd(0), g.ograd(1), g.output(0), g.output(1)})};
    });

static OpDef& reg_syevd_bwd = Registry::add("_backward_linalg_syevd")
    .describe("Gradient of _linalg_syevd: inputs (ograd_U, ograd_lambda, U, lambda); output A's gradient "
              "(symmetric).")
    .input("ograd_U").input("ograd_lambda").input("U").input("lambda")
    .infer_shape_fn(grad_rule(syevd_shape, {2}, {{0, -1}, {1, -2}, {3, -2}}, 2))
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::SyevdBackward>());

// ================================================================ khatri_rao
static OpDef& reg_khatri_rao = Registry::add("khatri_rao")
    .describe("Computes the Khatri-Rao product of the input matrices: the column-wise Kronecker product.\n\n"
              "The inputs have shapes (n_1, c), ..., (n_K, c); the output has shape (n_1 * ... * n_K, c), "
              "column j the Kronecker product of the inputs' columns j (the first input's row index varies "
              "slowest). float32 and float64. Not differentiable, as in MXNet.")
    .variadic("num_args")
    .param_required("num_args", PType::kInt, "Number of input matrices.")
    .range(1, 1e9)
    .infer_shape_fn(khatri_rao_shape)
    .infer_type_fn(linalg_type)
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      if (out[0].dtype == DType::f64) khatri_rao_t<double>(in, out[0]);
      else khatri_rao_t<float>(in, out[0]);  // linalg_type allows only these two
    });

// ================================================================ diagonals, triangles
static OpDef& reg_extractdiag = offset_param(Registry::add("_linalg_extractdiag"))
    .alias("linalg_extractdiag")
    .describe("Extracts the diagonal entries of a square matrix.\n\n"
              "A has shape (..., n, n); out has shape (..., n - |offset|): the diagonal at `offset` (above "
              "the main one when positive, below it when negative). float32 and float64.")
    .input("A")
    .infer_shape_fn(extractdiag_shape)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Extractdiag>())
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_linalg_makediag", {g.ograd(0)}, a.raw())};
    });

static OpDef& reg_makediag = offset_param(Registry::add("_linalg_makediag"))
    .alias("linalg_makediag")
    .describe("Constructs a square matrix with the input as diagonal.\n\n"
              "A has shape (..., k); out has shape (..., n, n) with n = k + |offset|, zero except the "
              "diagonal at `offset`, which holds A. float32 and float64.")
    .input("A")
    .infer_shape_fn(makediag_shape)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Makediag>())
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_linalg_extractdiag", {g.ograd(0)}, a.raw())};
    });

static OpDef& reg_extracttrian = trian_params(Registry::add("_linalg_extracttrian"))
    .alias("linalg_extracttrian")
    .describe("Extracts a triangular sub-matrix from a square matrix, packed into a vector.\n\n"
              "A has shape (..., n, n); out has shape (..., m (m + 1) / 2) with m = n - |offset|. offset < 0 "
              "takes the triangle below the diagonal at `offset`, offset > 0 the one above it, offset = 0 "
              "the lower (lower=True) or upper triangle with the diagonal. A lower triangle is packed row by "
              "row, an upper one column by column. float32 and float64.")
    .input("A")
    .infer_shape_fn(extracttrian_shape)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Extracttrian>())
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_linalg_maketrian", {g.ograd(0)}, a.raw())};
    });

static OpDef& reg_maketrian = trian_params(Registry::add("_linalg_maketrian"))
    .alias("linalg_maketrian")
    .describe("Constructs a square matrix from a packed triangle (the inverse of _linalg_extracttrian).\n\n"
              "A has shape (..., k) with k = m (m + 1) / 2; out has shape (..., n, n) with n = m + |offset|, "
              "zero outside the triangle that offset and lower name (see _linalg_extracttrian). float32 and "
              "float64.")
    .input("A")
    .infer_shape_fn(maketrian_shape)
    .infer_type_fn(linalg_type)
    .cpu_fn(cpu_kernel<la::Maketrian>())
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_linalg_extracttrian", {g.ograd(0)}, a.raw())};
    });

}  // namespace mxl
