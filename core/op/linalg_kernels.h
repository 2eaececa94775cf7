// Per-matrix kernels of the linalg operators (core/op/linalg.cc), shared by the CPU
// (one matrix per loop iteration, batches split over threads) and the CUDA plugin
// (core/cuda/linalg.cu, one thread per matrix), so both devices run one definition
// of each algorithm. Matrices are row-major and small: LU with partial pivoting,
// Cholesky and triangular solves are written out directly, no LAPACK.
//
// Every operator is a struct (deriving ForwardOp or BackwardOp for the defaults) with
//   kBatchFromOut  the batch (leading axes) is read from output 0 rather than input 0
//                  (backward ops, whose input 0 is a head gradient of any shape)
//   kRank          how many trailing axes of that array make one matrix (1: a vector)
//   kParams        which of the parameters below the op declares (bit mask)
//   scratch(g)     scratch elements of T per matrix
//   run<T>(g, in, out, w)  one matrix: in/out point at this batch item's data;
//                  returns kOk or a Status describing why the matrix was rejected.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <type_traits>

#ifndef MXL_HD
#ifdef __CUDACC__
#define MXL_HD __host__ __device__
#else
#define MXL_HD
#endif
#endif

namespace mxl {
namespace la {

enum Status : int { kOk = 0, kSingular = 1, kNotPosDef = 2, kZeroDiag = 3 };
// Why a matrix was rejected, for the error message (both devices).
// Writes the message for matrix b (of batch) rejected with status s into buf.
inline void status_message(char* buf, size_t len, const char* op, int s, int64_t b, int64_t batch) {
  const char* what = s == kSingular ? "is singular (not invertible)"
                   : s == kNotPosDef
                       ? "is not symmetric positive definite (the Cholesky factorization met a non-positive pivot)"
                       : "is not a Cholesky factor: its diagonal has a zero";
  if (batch == 1)
    snprintf(buf, len, "%s: the input matrix %s", op, what);
  else
    snprintf(buf, len, "%s: matrix %lld of the batch (index along the leading axes, flattened) %s", op,
             (long long)b, what);
}
enum Param : unsigned { kLower = 1, kTranspose = 2, kRightside = 4, kAlpha = 8, kOffset = 16 };

// One array's matrices: elements per batch item and the last two axes (1 when absent).
struct Mat {
  int64_t stride = 0, rows = 1, cols = 1;
};
struct Geo {
  int64_t batch = 0;
  Mat in[4], out[2];
  bool lower = true, transpose = false, rightside = false;
  double alpha = 1;
  int64_t offset = 0;
};

// Geometry of one call from the arrays' shapes (ndim and dims per array). The batch is
// the product of the leading axes of input 0 (or output 0, kBatchFromOut) before its
// kRank matrix axes; every array's stride is its size over the batch.
template <class Op>
Geo make_geo(int nin, const int* in_nd, const int64_t* const* in_d, int nout, const int* out_nd,
             const int64_t* const* out_d) {
  Geo g;
  int bnd = Op::kBatchFromOut ? out_nd[0] : in_nd[0];
  const int64_t* bd = Op::kBatchFromOut ? out_d[0] : in_d[0];
  g.batch = 1;
  for (int k = 0; k < bnd - Op::kRank; ++k) g.batch *= bd[k];
  auto mat = [&](int nd, const int64_t* d) {
    Mat m;
    int64_t size = 1;
    for (int k = 0; k < nd; ++k) size *= d[k];
    m.stride = g.batch > 0 ? size / g.batch : 0;
    m.rows = nd >= 2 ? d[nd - 2] : 1;
    m.cols = nd >= 1 ? d[nd - 1] : 1;
    return m;
  };
  for (int k = 0; k < nin && k < 4; ++k) g.in[k] = mat(in_nd[k], in_d[k]);
  for (int k = 0; k < nout && k < 2; ++k) g.out[k] = mat(out_nd[k], out_d[k]);
  return g;
}

// ------------------------------------------------------------------ helpers
template <class T> MXL_HD inline T la_abs(T x) { return x < T(0) ? -x : x; }
template <class T> MXL_HD inline T la_sqrt(T x) {
  if constexpr (std::is_same_v<T, float>) return sqrtf(x); else return sqrt(x);
}
template <class T> MXL_HD inline T la_log(T x) {
  if constexpr (std::is_same_v<T, float>) return logf(x); else return log(x);
}

// Element (i, j) of the triangle of the n x n matrix a (the other triangle reads 0).
template <class T>
MXL_HD inline T tri_at(const T* a, int64_t n, int64_t i, int64_t j, bool lower) {
  return (lower ? j <= i : j >= i) ? a[i * n + j] : T(0);
}
// Element (i, j) of op(tri(a)), op = transpose when trans.
template <class T>
MXL_HD inline T tri_op(const T* a, int64_t n, int64_t i, int64_t j, bool lower, bool trans) {
  return trans ? tri_at(a, n, j, i, lower) : tri_at(a, n, i, j, lower);
}
// Solves op(tri(a)) x = x in place (x[k * inc]); op(tri(a)) is lower triangular
// exactly when lower != trans. A zero on the diagonal gives inf/nan, as LAPACK's trsm.
template <class T>
MXL_HD void tri_solve(const T* a, int64_t n, bool lower, bool trans, T* x, int64_t inc) {
  if (lower != trans) {
    for (int64_t i = 0; i < n; ++i) {
      T s = x[i * inc];
      for (int64_t k = 0; k < i; ++k) s -= tri_op(a, n, i, k, lower, trans) * x[k * inc];
      x[i * inc] = s / tri_op(a, n, i, i, lower, trans);
    }
  } else {
    for (int64_t i = n - 1; i >= 0; --i) {
      T s = x[i * inc];
      for (int64_t k = i + 1; k < n; ++k) s -= tri_op(a, n, i, k, lower, trans) * x[k * inc];
      x[i * inc] = s / tri_op(a, n, i, i, lower, trans);
    }
  }
}

// In-place LU factorisation with partial pivoting of the n x n matrix a: a = P L U,
// L unit lower (below the diagonal), U upper; piv[k] is the row swapped with row k.
// Returns the permutation's sign; *singular tells whether a pivot was exactly zero
// (like LAPACK's getrf, the factorisation then goes on, leaving a zero on U's diagonal).
template <class T>
MXL_HD int lu_factor(T* a, int64_t n, T* piv, bool* singular) {
  int sign = 1;
  *singular = false;
  for (int64_t k = 0; k < n; ++k) {
    int64_t p = k;
    T best = la_abs(a[k * n + k]);
    for (int64_t i = k + 1; i < n; ++i) {
      if (la_abs(a[i * n + k]) > best) {
        best = la_abs(a[i * n + k]);
        p = i;
      }
    }
    piv[k] = T(p);
    if (a[p * n + k] == T(0)) {  // the whole column below is zero: nothing to eliminate
      *singular = true;
      continue;
    }
    if (p != k) {
      sign = -sign;
      for (int64_t j = 0; j < n; ++j) {
        T t = a[k * n + j];
        a[k * n + j] = a[p * n + j];
        a[p * n + j] = t;
      }
    }
    for (int64_t i = k + 1; i < n; ++i) {
      T l = a[i * n + k] / a[k * n + k];
      a[i * n + k] = l;
      for (int64_t j = k + 1; j < n; ++j) a[i * n + j] -= l * a[k * n + j];
    }
  }
  return sign;
}
// The inverse from lu_factor's result, written to inv (n x n, row stride ld_row, and
// element stride ld_col so that a transposed write is one call).
template <class T>
MXL_HD void lu_inverse(const T* lu, int64_t n, const T* piv, T* inv, int64_t ld_row, int64_t ld_col) {
  for (int64_t j = 0; j < n; ++j) {
    T* x = inv + j * ld_col;  // column j of the inverse, element i at x[i * ld_row]
    for (int64_t i = 0; i < n; ++i) x[i * ld_row] = T(i == j ? 1 : 0);
    for (int64_t k = 0; k < n; ++k) {
      int64_t p = int64_t(piv[k]);
      if (p != k) {
        T t = x[k * ld_row];
        x[k * ld_row] = x[p * ld_row];
        x[p * ld_row] = t;
      }
    }
    for (int64_t i = 0; i < n; ++i) {
      T s = x[i * ld_row];
      for (int64_t k = 0; k < i; ++k) s -= lu[i * n + k] * x[k * ld_row];
      x[i * ld_row] = s;
    }
    for (int64_t i = n - 1; i >= 0; --i) {
      T s = x[i * ld_row];
      for (int64_t k = i + 1; k < n; ++k) s -= lu[i * n + k] * x[k * ld_row];
      x[i * ld_row] = s / lu[i * n + i];
    }
  }
}
template <class T>
MXL_HD inline void copy_n(const T* src, int64_t n, T* dst) {
  for (int64_t i = 0; i < n; ++i) dst[i] = src[i];
}

// ================================================================ operators
// Defaults of the per-operator traits; an operator overrides what differs.
struct ForwardOp {
  static constexpr bool kBatchFromOut = false;
  static constexpr int kRank = 2;
  static constexpr unsigned kParams = 0;
  static int64_t scratch(const Geo&) { return 0; }
};
struct BackwardOp : ForwardOp {
  static constexpr bool kBatchFromOut = true;
};

// inverse: out = A^-1. Its gradient is composed from gemm2 (linalg.cc).
struct Inverse : ForwardOp {
  static int64_t scratch(const Geo& g) { return g.in[0].rows * g.in[0].rows + g.in[0].rows; }
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T* w) {
    int64_t n = g.in[0].rows;
    copy_n(in[0], n * n, w);
    bool singular;
    lu_factor(w, n, w + n * n, &singular);
    if (singular) return kSingular;
    lu_inverse(w, n, w + n * n, out[0], n, 1);
    return kOk;
  }
};

// det: out = det(A) = sign(P) prod diag(U); a singular matrix gives (signed) 0.
struct Det : ForwardOp {
  static int64_t scratch(const Geo& g) { return g.in[0].rows * g.in[0].rows + g.in[0].rows; }
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T* w) {
    int64_t n = g.in[0].rows;
    copy_n(in[0], n * n, w);
    bool singular;
    T d = T(lu_factor(w, n, w + n * n, &singular));  // a singular matrix keeps the sign of MXNet's 0
    for (int64_t i = 0; i < n; ++i) d *= w[i * n + i];
    out[0][0] = d;
    return kOk;
  }
};

// slogdet: (sign, log|det|); a singular matrix gives (0, -inf).
struct Slogdet : ForwardOp {
  static int64_t scratch(const Geo& g) { return g.in[0].rows * g.in[0].rows + g.in[0].rows; }
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T* w) {
    int64_t n = g.in[0].rows;
    copy_n(in[0], n * n, w);
    bool singular;
    T sign = T(lu_factor(w, n, w + n * n, &singular)), logabs = T(0);
    for (int64_t i = 0; i < n; ++i) {
      T u = w[i * n + i];
      sign *= u > T(0) ? T(1) : u < T(0) ? T(-1) : T(0);
      logabs += la_log(la_abs(u));  // log 0 = -inf for a singular matrix
    }
    out[0][0] = sign;
    out[1][0] = logabs;
    return kOk;
  }
};

// Backward of det and slogdet: dA = c * A^-T with c = g * det (det) or g_logabsdet
// (slogdet; the sign is piecewise constant). A singular matrix gets a zero gradient.
// det inputs: (ograd, A, det); slogdet inputs: (ograd_sign, ograd_logabsdet, A).
template <bool kLog>
struct DetBackward : BackwardOp {
  static int64_t scratch(const Geo& g) { return g.out[0].rows * g.out[0].rows + g.out[0].rows; }
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T* w) {
    int64_t n = g.out[0].rows;
    const T* A = kLog ? in[2] : in[1];
    T c = kLog ? in[1][0] : in[0][0] * in[2][0];
    copy_n(A, n * n, w);
    bool singular;
    lu_factor(w, n, w + n * n, &singular);
    if (singular) {
      for (int64_t i = 0; i < n * n; ++i) out[0][i] = T(0);
      return kOk;
    }
    lu_inverse(w, n, w + n * n, out[0], 1, n);  // transposed: out = A^-T
    for (int64_t i = 0; i < n * n; ++i) out[0][i] *= c;
    return kOk;
  }
};

// potrf: the lower Cholesky factor L of A = L L^T, from A's lower triangle.
struct Potrf : ForwardOp {
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T*) {
    int64_t n = g.in[0].rows;
    const T* a = in[0];
    T* L = out[0];
    for (int64_t j = 0; j < n; ++j) {
      T s = a[j * n + j];
      for (int64_t k = 0; k < j; ++k) s -= L[j * n + k] * L[j * n + k];
      if (!(s > T(0))) return kNotPosDef;  // also catches NaN
      T d = la_sqrt(s);
      L[j * n + j] = d;
      for (int64_t i = j + 1; i < n; ++i) {
        T t = a[i * n + j];
        for (int64_t k = 0; k < j; ++k) t -= L[i * n + k] * L[j * n + k];
        L[i * n + j] = t / d;
      }
      for (int64_t i = 0; i < j; ++i) L[i * n + j] = T(0);
    }
    return kOk;
  }
};

// Backward of potrf, inputs (ograd, L): with P the lower triangle of L^T tril(G) with
// its diagonal halved and S = L^-T P L^-1, dA = (S + S^T) / 2 (A is symmetric).
struct PotrfBackward : BackwardOp {
  static int64_t scratch(const Geo& g) { return g.out[0].rows * g.out[0].rows; }
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T* w) {
    int64_t n = g.out[0].rows;
    const T* G = in[0];
    const T* L = in[1];
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < n; ++j) {
        T s = T(0);
        if (j <= i)
          for (int64_t k = i; k < n; ++k) s += L[k * n + i] * G[k * n + j];  // k >= i >= j
        w[i * n + j] = i == j ? s / T(2) : s;
      }
    for (int64_t c = 0; c < n; ++c) tri_solve(L, n, true, true, w + c, n);   // L^T X = P
    for (int64_t r = 0; r < n; ++r) tri_solve(L, n, true, true, w + r * n, 1);  // S L = X, as L^T S^T = X^T
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < n; ++j) out[0][i * n + j] = (w[i * n + j] + w[j * n + i]) / T(2);
    return kOk;
  }
};

// potri: (L L^T)^-1 from the lower triangle of the Cholesky factor L.
struct Potri : ForwardOp {
  static int64_t scratch(const Geo& g) { return g.in[0].rows * g.in[0].rows; }
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T* w) {
    int64_t n = g.in[0].rows;
    const T* L = in[0];
    for (int64_t i = 0; i < n; ++i)
      if (L[i * n + i] == T(0)) return kZeroDiag;
    for (int64_t j = 0; j < n; ++j) {  // w = L^-1, column by column
      for (int64_t i = 0; i < n; ++i) w[i * n + j] = T(i == j ? 1 : 0);
      tri_solve(L, n, true, false, w + j, n);
    }
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < n; ++j) {
        T s = T(0);
        for (int64_t k = i > j ? i : j; k < n; ++k) s += w[k * n + i] * w[k * n + j];
        out[0][i * n + j] = s;
      }
    return kOk;
  }
};

// Backward of potri, inputs (ograd, L, C = (L L^T)^-1): dL = -tril(C (G + G^T) C L).
struct PotriBackward : BackwardOp {
  static int64_t scratch(const Geo& g) { return 2 * g.out[0].rows * g.out[0].rows; }
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T* w) {
    int64_t n = g.out[0].rows;
    const T *G = in[0], *L = in[1], *C = in[2];
    T* t1 = w;          // C (G + G^T)
    T* t2 = w + n * n;  // t1 C
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < n; ++j) {
        T s = T(0);
        for (int64_t k = 0; k < n; ++k) s += C[i * n + k] * (G[k * n + j] + G[j * n + k]);
        t1[i * n + j] = s;
      }
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < n; ++j) {
        T s = T(0);
        for (int64_t k = 0; k < n; ++k) s += t1[i * n + k] * C[k * n + j];
        t2[i * n + j] = s;
      }
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < n; ++j) {
        T s = T(0);
        for (int64_t k = j; j <= i && k < n; ++k) s += t2[i * n + k] * L[k * n + j];
        out[0][i * n + j] = -s;
      }
    return kOk;
  }
};

// out = alpha op(tri(a)) x, or alpha x op(tri(a)) when rightside; x and out are m x c.
template <class T>
MXL_HD void tri_multiply(const T* a, int64_t n, bool lower, bool trans, bool rightside, T alpha, const T* x,
                         int64_t m, int64_t c, T* out) {
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < c; ++j) {
      T s = T(0);
      for (int64_t k = 0; k < n; ++k)
        s += rightside ? x[i * c + k] * tri_op(a, n, k, j, lower, trans) : tri_op(a, n, i, k, lower, trans) * x[k * c + j];
      out[i * c + j] = alpha * s;
    }
}

// A's gradient (n x n) in trmm / trsm backward, from d op(tri(A)) = scale u v^T (left) or
// scale v^T u (right), u and v m x c: on A's triangle (transposed back when trans), 0 elsewhere.
template <class T>
MXL_HD void tri_grad(const T* u, const T* v, int64_t n, int64_t m, int64_t c, bool lower, bool trans,
                     bool rightside, T scale, T* da) {
  for (int64_t r = 0; r < n; ++r)
    for (int64_t q = 0; q < n; ++q) {
      T s = T(0);
      if (lower ? q <= r : q >= r) {
        int64_t i = trans ? q : r, k = trans ? r : q;  // this is op's (i, k)
        if (rightside)
          for (int64_t t = 0; t < m; ++t) s += v[t * c + i] * u[t * c + k];
        else
          for (int64_t t = 0; t < c; ++t) s += u[i * c + t] * v[k * c + t];
      }
      da[r * n + q] = scale * s;
    }
}

// trmm: out = alpha op(tri(A)) B, or alpha B op(tri(A)) when rightside.
struct Trmm : ForwardOp {
  static constexpr unsigned kParams = kLower | kTranspose | kRightside | kAlpha;
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T*) {
    tri_multiply(in[0], g.in[0].rows, g.lower, g.transpose, g.rightside, T(g.alpha), in[1], g.in[1].rows,
                 g.in[1].cols, out[0]);
    return kOk;
  }
};

// Backward of trmm, inputs (ograd, A, B), outputs (dA, dB):
// left  dB = alpha op^T G, d op = alpha G B^T; right dB = alpha G op^T, d op = alpha B^T G;
// dA is d op (transposed back when transpose) on A's triangle, 0 elsewhere.
struct TrmmBackward : BackwardOp {
  static constexpr unsigned kParams = kLower | kTranspose | kRightside | kAlpha;
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T*) {
    int64_t n = g.in[1].rows, m = g.in[2].rows, c = g.in[2].cols;
    const T *G = in[0], *A = in[1], *B = in[2];
    T alpha = T(g.alpha);
    tri_multiply(A, n, g.lower, !g.transpose, g.rightside, alpha, G, m, c, out[1]);  // op^T in op's place
    tri_grad(G, B, n, m, c, g.lower, g.transpose, g.rightside, alpha, out[0]);
    return kOk;
  }
};

// trsm: out = alpha op(tri(A))^-1 B, or alpha B op(tri(A))^-1 when rightside.
struct Trsm : ForwardOp {
  static constexpr unsigned kParams = kLower | kTranspose | kRightside | kAlpha;
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T*) {
    int64_t n = g.in[0].rows, m = g.in[1].rows, c = g.in[1].cols;
    const T *A = in[0], *B = in[1];
    T* X = out[0];
    for (int64_t i = 0; i < m * c; ++i) X[i] = T(g.alpha) * B[i];
    if (g.rightside)  // X op = alpha B, row by row as op^T x^T = b^T
      for (int64_t i = 0; i < m; ++i) tri_solve(A, n, g.lower, !g.transpose, X + i * c, 1);
    else
      for (int64_t j = 0; j < c; ++j) tri_solve(A, n, g.lower, g.transpose, X + j, c);
    return kOk;
  }
};

// Backward of trsm, inputs (ograd, A, B, X = out), outputs (dA, dB). With
// Y = op^-T G (left) or G op^-T (right): dB = alpha Y, d op = -Y X^T (left) or -X^T Y
// (right), dA as for trmm.
struct TrsmBackward : BackwardOp {
  static constexpr unsigned kParams = kLower | kTranspose | kRightside | kAlpha;
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T*) {
    int64_t n = g.in[1].rows, m = g.in[2].rows, c = g.in[2].cols;
    const T *G = in[0], *A = in[1], *X = in[3];
    T* Y = out[1];
    copy_n(G, m * c, Y);
    if (g.rightside)  // Y op^T = G, row by row as op y^T = g^T
      for (int64_t i = 0; i < m; ++i) tri_solve(A, n, g.lower, g.transpose, Y + i * c, 1);
    else
      for (int64_t j = 0; j < c; ++j) tri_solve(A, n, g.lower, !g.transpose, Y + j, c);
    tri_grad(Y, X, n, m, c, g.lower, g.transpose, g.rightside, T(-1), out[0]);
    for (int64_t i = 0; i < m * c; ++i) Y[i] *= T(g.alpha);
    return kOk;
  }
};

// syrk: out = alpha A A^T, or alpha A^T A when transpose.
struct Syrk : ForwardOp {
  static constexpr unsigned kParams = kTranspose | kAlpha;
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T*) {
    int64_t r = g.in[0].rows, c = g.in[0].cols, n = g.transpose ? c : r, K = g.transpose ? r : c;
    const T* A = in[0];
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < n; ++j) {
        T s = T(0);
        for (int64_t k = 0; k < K; ++k)
          s += g.transpose ? A[k * c + i] * A[k * c + j] : A[i * c + k] * A[j * c + k];
        out[0][i * n + j] = T(g.alpha) * s;
      }
    return kOk;
  }
};

// Backward of syrk, inputs (ograd, A): dA = alpha (G + G^T) A, or alpha A (G + G^T).
struct SyrkBackward : BackwardOp {
  static constexpr unsigned kParams = kTranspose | kAlpha;
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T*) {
    int64_t r = g.out[0].rows, c = g.out[0].cols, n = g.transpose ? c : r;
    const T *G = in[0], *A = in[1];
    for (int64_t i = 0; i < r; ++i)
      for (int64_t j = 0; j < c; ++j) {
        T s = T(0);
        for (int64_t k = 0; k < n; ++k)
          s += g.transpose ? A[i * c + k] * (G[k * n + j] + G[j * n + k])
                           : (G[i * n + k] + G[k * n + i]) * A[k * c + j];
        out[0][i * c + j] = T(g.alpha) * s;
      }
    return kOk;
  }
};

// sumlogdiag: sum of log(A_ii) (a non-positive diagonal gives nan or -inf).
struct Sumlogdiag : ForwardOp {
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T*) {
    int64_t n = g.in[0].rows;
    T s = T(0);
    for (int64_t i = 0; i < n; ++i) s += la_log(in[0][i * n + i]);
    out[0][0] = s;
    return kOk;
  }
};

// Backward of sumlogdiag, inputs (ograd, A): dA = diag(g / A_ii).
struct SumlogdiagBackward : BackwardOp {
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T*) {
    int64_t n = g.out[0].rows;
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < n; ++j) out[0][i * n + j] = i == j ? in[0][0] / in[1][i * n + i] : T(0);
    return kOk;
  }
};

// ----------------------------------------------- diagonals and triangles
// The k-th element of the diagonal at `offset` of an n x n matrix sits at
// (k + max(0, -offset), k + max(0, offset)).
struct Extractdiag : ForwardOp {
  static constexpr unsigned kParams = kOffset;
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T*) {
    int64_t n = g.in[0].rows, r0 = g.offset < 0 ? -g.offset : 0, c0 = g.offset > 0 ? g.offset : 0;
    for (int64_t k = 0; k < g.out[0].cols; ++k) out[0][k] = in[0][(k + r0) * n + k + c0];
    return kOk;
  }
};
struct Makediag : ForwardOp {
  static constexpr int kRank = 1;
  static constexpr unsigned kParams = kOffset;
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T*) {
    int64_t n = g.out[0].rows, r0 = g.offset < 0 ? -g.offset : 0, c0 = g.offset > 0 ? g.offset : 0;
    for (int64_t i = 0; i < n * n; ++i) out[0][i] = T(0);
    for (int64_t k = 0; k < g.in[0].cols; ++k) out[0][(k + r0) * n + k + c0] = in[0][k];
    return kOk;
  }
};

// The packed triangle at `offset` (offset < 0: below the diagonal, > 0: above, 0: the
// triangle `lower` names, diagonal included) of an n x n matrix, m = n - |offset| rows
// long: a lower triangle is read row by row, (|offset| + i, j) for j <= i; an upper
// one column by column, (j, |offset| + i) for j <= i.
template <class F>
MXL_HD inline void trian_walk(int64_t n, int64_t offset, bool lower, F f) {
  int64_t sh = offset < 0 ? -offset : offset, m = n - sh, p = 0;
  bool low = offset < 0 || (offset == 0 && lower);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j <= i; ++j, ++p) f(p, low ? (sh + i) * n + j : j * n + sh + i);
}
struct Extracttrian : ForwardOp {
  static constexpr unsigned kParams = kOffset | kLower;
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T*) {
    const T* a = in[0];
    T* o = out[0];
    trian_walk(g.in[0].rows, g.offset, g.lower, [=](int64_t p, int64_t at) { o[p] = a[at]; });
    return kOk;
  }
};
struct Maketrian : ForwardOp {
  static constexpr int kRank = 1;
  static constexpr unsigned kParams = kOffset | kLower;
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T*) {
    int64_t n = g.out[0].rows;
    const T* a = in[0];
    T* o = out[0];
    for (int64_t i = 0; i < n * n; ++i) o[i] = T(0);
    trian_walk(n, g.offset, g.lower, [=](int64_t p, int64_t at) { o[at] = a[p]; });
    return kOk;
  }
};

// ----------------------------------------------------------- gelqf, syevd
// gelqf: A (m x n, m <= n) = L Q with Q's rows orthonormal (m x n) and L lower
// triangular (m x m), by Householder reflections with LAPACK's conventions (dlarfg:
// L's diagonal is -sign(a) * norm), so the signs are LAPACK's. Outputs (Q, L).
struct Gelqf : ForwardOp {
  static int64_t scratch(const Geo& g) { return g.in[0].rows * g.in[0].cols + g.in[0].rows; }
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T* w) {
    int64_t m = g.in[0].rows, n = g.in[0].cols;
    T* W = w;           // rows: L's part left of the diagonal, beta, then the reflector v (v_0 = 1)
    T* tau = w + m * n;
    copy_n(in[0], m * n, W);
    for (int64_t i = 0; i < m; ++i) {
      T* row = W + i * n;
      T alpha = row[i], xnorm2 = T(0);
      for (int64_t j = i + 1; j < n; ++j) xnorm2 += row[j] * row[j];
      if (xnorm2 == T(0)) {
        tau[i] = T(0);
        continue;
      }
      T norm = la_sqrt(alpha * alpha + xnorm2), beta = alpha >= T(0) ? -norm : norm;
      tau[i] = (beta - alpha) / beta;
      T scale = T(1) / (alpha - beta);
      for (int64_t j = i + 1; j < n; ++j) row[j] *= scale;
      row[i] = beta;
      for (int64_t r = i + 1; r < m; ++r) {  // the rows below times H_i = I - tau v v^T
        T* x = W + r * n;
        T d = x[i];
        for (int64_t j = i + 1; j < n; ++j) d += x[j] * row[j];
        d *= tau[i];
        x[i] -= d;
        for (int64_t j = i + 1; j < n; ++j) x[j] -= d * row[j];
      }
    }
    T *Q = out[0], *L = out[1];
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < m; ++j) L[i * m + j] = j <= i ? W[i * n + j] : T(0);
    // Q = first m rows of H_{m-1} ... H_0: identity rows times H_{m-1} first, H_0 last
    for (int64_t i = 0; i < m * n; ++i) Q[i] = T(0);
    for (int64_t r = 0; r < m; ++r) Q[r * n + r] = T(1);
    for (int64_t i = m - 1; i >= 0; --i) {
      const T* v = W + i * n;
      for (int64_t r = 0; r < m; ++r) {
        T* x = Q + r * n;
        T d = x[i];
        for (int64_t j = i + 1; j < n; ++j) d += x[j] * v[j];
        d *= tau[i];
        x[i] -= d;
        for (int64_t j = i + 1; j < n; ++j) x[j] -= d * v[j];
      }
    }
    return kOk;
  }
};

// Backward of gelqf, inputs (ograd_Q, ograd_L, Q, L): with M = L^T G_L - G_Q Q^T and S
// the symmetric matrix of M's lower triangle, dA = L^-T (G_Q + S Q).
struct GelqfBackward : BackwardOp {
  static int64_t scratch(const Geo& g) { return g.out[0].rows * g.out[0].rows; }
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T* w) {
    int64_t m = g.out[0].rows, n = g.out[0].cols;
    const T *GQ = in[0], *GL = in[1], *Q = in[2], *L = in[3];
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j <= i; ++j) {
        T s = T(0);
        for (int64_t k = 0; k < m; ++k) s += L[k * m + i] * GL[k * m + j];
        for (int64_t t = 0; t < n; ++t) s -= GQ[i * n + t] * Q[j * n + t];
        w[i * m + j] = s;
        w[j * m + i] = s;
      }
    T* dA = out[0];
    for (int64_t i = 0; i < m; ++i)
      for (int64_t t = 0; t < n; ++t) {
        T s = GQ[i * n + t];
        for (int64_t k = 0; k < m; ++k) s += w[i * m + k] * Q[k * n + t];
        dA[i * n + t] = s;
      }
    for (int64_t t = 0; t < n; ++t) tri_solve(L, m, true, true, dA + t, n);  // L^T dA = X
    return kOk;
  }
};

// syevd: the eigendecomposition A = U^T diag(lambda) U of a symmetric matrix (its lower
// triangle is read), eigenvalues ascending, U's rows the eigenvectors, each with its
// largest-magnitude entry positive (MXNet's sign convention). Cyclic Jacobi rotations.
struct Syevd : ForwardOp {
  static int64_t scratch(const Geo& g) { return g.in[0].rows * g.in[0].rows; }
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T* W) {
    int64_t n = g.in[0].rows;
    T *U = out[0], *lam = out[1];
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < n; ++j) {
        W[i * n + j] = j <= i ? in[0][i * n + j] : in[0][j * n + i];
        U[i * n + j] = T(i == j ? 1 : 0);
      }
    const T eps = sizeof(T) == 4 ? T(1.2e-7) : T(2.3e-16);
    for (int sweep = 0; sweep < 100; ++sweep) {
      T off = T(0), total = T(0);
      for (int64_t i = 0; i < n; ++i)
        for (int64_t j = 0; j < n; ++j) {
          total += W[i * n + j] * W[i * n + j];
          if (i != j) off += W[i * n + j] * W[i * n + j];
        }
      if (!(off > eps * eps * total)) break;  // converged (or NaN: stop)
      for (int64_t p = 0; p < n; ++p)
        for (int64_t q = p + 1; q < n; ++q) {
          T apq = W[p * n + q];
          if (apq == T(0)) continue;
          // the rotation J (c on p,p and q,q; s at p,q; -s at q,p) zeroes W[p][q] in J^T W J
          T theta = (W[q * n + q] - W[p * n + p]) / (T(2) * apq);
          T t = T(1) / (la_abs(theta) + la_sqrt(theta * theta + T(1)));
          if (theta < T(0)) t = -t;
          T c = T(1) / la_sqrt(t * t + T(1)), s = t * c;
          for (int64_t k = 0; k < n; ++k) {  // columns p, q
            T wkp = W[k * n + p], wkq = W[k * n + q];
            W[k * n + p] = c * wkp - s * wkq;
            W[k * n + q] = s * wkp + c * wkq;
          }
          for (int64_t k = 0; k < n; ++k) {  // rows p, q
            T wpk = W[p * n + k], wqk = W[q * n + k];
            W[p * n + k] = c * wpk - s * wqk;
            W[q * n + k] = s * wpk + c * wqk;
          }
          W[p * n + q] = W[q * n + p] = T(0);
          for (int64_t k = 0; k < n; ++k) {  // U = J^T U: rows p, q
            T up = U[p * n + k], uq = U[q * n + k];
            U[p * n + k] = c * up - s * uq;
            U[q * n + k] = s * up + c * uq;
          }
        }
    }
    for (int64_t i = 0; i < n; ++i) lam[i] = W[i * n + i];
    for (int64_t i = 0; i < n; ++i) {  // selection sort, ascending, rows along
      int64_t k = i;
      for (int64_t j = i + 1; j < n; ++j)
        if (lam[j] < lam[k]) k = j;
      if (k == i) continue;
      T t = lam[i];
      lam[i] = lam[k];
      lam[k] = t;
      for (int64_t j = 0; j < n; ++j) {
        T u = U[i * n + j];
        U[i * n + j] = U[k * n + j];
        U[k * n + j] = u;
      }
    }
    for (int64_t i = 0; i < n; ++i) {
      int64_t k = 0;
      for (int64_t j = 1; j < n; ++j)
        if (la_abs(U[i * n + j]) > la_abs(U[i * n + k])) k = j;
      if (U[i * n + k] < T(0))
        for (int64_t j = 0; j < n; ++j) U[i * n + j] = -U[i * n + j];
    }
    return kOk;
  }
};

// Backward of syevd, inputs (ograd_U, ograd_lambda, U, lambda): with W = U G_U^T and
// F_ij = 1 / (lambda_j - lambda_i) off the diagonal, dA is the symmetric part of
// U^T (diag(G_lambda) + F o W) U.
struct SyevdBackward : BackwardOp {
  static int64_t scratch(const Geo& g) { return 2 * g.out[0].rows * g.out[0].rows; }
  template <class T>
  MXL_HD static int run(const Geo& g, const T* const* in, T* const* out, T* w) {
    int64_t n = g.out[0].rows;
    const T *GU = in[0], *Gl = in[1], *U = in[2], *lam = in[3];
    T *inner = w, *tmp = w + n * n, *dA = out[0];
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < n; ++j) {
        if (i == j) {
          inner[i * n + j] = Gl[i];
          continue;
        }
        T s = T(0);
        for (int64_t k = 0; k < n; ++k) s += U[i * n + k] * GU[j * n + k];
        inner[i * n + j] = s / (lam[j] - lam[i]);
      }
    for (int64_t i = 0; i < n; ++i)  // tmp = inner U
      for (int64_t j = 0; j < n; ++j) {
        T s = T(0);
        for (int64_t k = 0; k < n; ++k) s += inner[i * n + k] * U[k * n + j];
        tmp[i * n + j] = s;
      }
    for (int64_t i = 0; i < n; ++i)  // dA = U^T tmp
      for (int64_t j = 0; j < n; ++j) {
        T s = T(0);
        for (int64_t k = 0; k < n; ++k) s += U[k * n + i] * tmp[k * n + j];
        dA[i * n + j] = s;
      }
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < i; ++j) dA[i * n + j] = dA[j * n + i] = (dA[i * n + j] + dA[j * n + i]) / T(2);
    return kOk;
  }
};

// The operators that can reject a matrix (the others always return kOk): the GPU
// reads their status back only for these.
template <class Op> constexpr bool may_reject = false;
template <> constexpr bool may_reject<Inverse> = true;
template <> constexpr bool may_reject<Potrf> = true;
template <> constexpr bool may_reject<Potri> = true;

}  // namespace la
}  // namespace mxl
