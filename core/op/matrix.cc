// Matrix operators: dot, batch_dot (GEMM through blas.h), transpose, SwapAxis.
#include <algorithm>
#include <type_traits>

#include "blas.h"

namespace mxl {
namespace {


// ------------------------------------------------------------- matmul
// Integer and other non-BLAS dtypes: a row-parallel loop; integers wrap (computed
// unsigned) instead of overflowing into undefined behaviour.
template <typename T, bool = std::is_integral_v<T>> struct Wrap { using type = T; };
template <typename T> struct Wrap<T, true> { using type = std::make_unsigned_t<T>; };

template <typename DT>
void loop_gemm(bool ta, bool tb, int64_t M, int64_t N, int64_t K, const DT* A, const DT* B, DT* C) {
  using U = typename Wrap<DT>::type;
  const int64_t lda = ta ? M : K, ldb = tb ? K : N;
  parallel_for(M, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, N * K)), [&](int64_t b, int64_t e) {
    std::vector<U> row(static_cast<size_t>(N));
    for (int64_t i = b; i < e; ++i) {
      std::fill(row.begin(), row.end(), U(0));
      for (int64_t k = 0; k < K; ++k) {
        U aik = U(ta ? A[k * lda + i] : A[i * lda + k]);
        for (int64_t j = 0; j < N; ++j) row[size_t(j)] += U(aik * U(tb ? B[j * ldb + k] : B[k * ldb + j]));
      }
      for (int64_t j = 0; j < N; ++j) C[i * N + j] = DT(row[size_t(j)]);
    }
  });
}

// C (M x N, dense) = op(A) * op(B), A stored (ta ? K x M : M x K), B (tb ? N x K : K x N).
void matmul(const char* op, DType t, bool ta, bool tb, int64_t M, int64_t N, int64_t K, const void* A,
            const void* B, void* C) {
  const int64_t lda = ta ? M : K, ldb = tb ? K : N;
  if (t == DType::f32)
    return gemm(ta, tb, M, N, K, 1.f, static_cast<const float*>(A), lda, static_cast<const float*>(B), ldb,
                0.f, static_cast<float*>(C), N);
  if (t == DType::f64)
    return gemm_f64(ta, tb, M, N, K, 1.0, static_cast<const double*>(A), lda, static_cast<const double*>(B),
                    ldb, 0.0, static_cast<double*>(C), N);
  if (t == DType::f16) {  // compute in float32 through the BLAS, round once at the end
    std::vector<float> a(size_t(M * K)), b(size_t(K * N)), c(size_t(M * N));
    const half *ha = static_cast<const half*>(A), *hb = static_cast<const half*>(B);
    for (size_t i = 0; i < a.size(); ++i) a[i] = ha[i];
    for (size_t i = 0; i < b.size(); ++i) b[i] = hb[i];
    gemm(ta, tb, M, N, K, 1.f, a.data(), lda, b.data(), ldb, 0.f, c.data(), N);
    half* hc = static_cast<half*>(C);
    for (size_t i = 0; i < c.size(); ++i) hc[i] = c[i];
    return;
  }
  MXL_NUM_SWITCH(t, DT, op, {
    loop_gemm<DT>(ta, tb, M, N, K, static_cast<const DT*>(A), static_cast<const DT*>(B), static_cast<DT*>(C));
  });
}

// Both gradients of C = op(L) * op(R) given dC (M x N); L, R stored as in matmul.
void matmul_backward(const char* op, DType t, bool ta, bool tb, int64_t M, int64_t N, int64_t K,
                     const void* dC, const void* L, const void* R, void* dL, void* dR) {
  if (!ta && !tb) {
    matmul(op, t, false, true, M, K, N, dC, R, dL);   // dL = dC R^T
    matmul(op, t, true, false, K, N, M, L, dC, dR);   // dR = L^T dC
  } else if (ta && !tb) {
    matmul(op, t, false, true, K, M, N, R, dC, dL);   // dL = R dC^T
    matmul(op, t, false, false, K, N, M, L, dC, dR);  // dR = L dC
  } else if (!ta && tb) {
    matmul(op, t, false, false, M, K, N, dC, R, dL);  // dL = dC R
    matmul(op, t, true, false, N, K, M, dC, L, dR);   // dR = dC^T L
  } else {
    matmul(op, t, true, true, K, M, N, R, dC, dL);    // dL = R^T dC^T
    matmul(op, t, true, true, N, K, M, dC, L, dR);    // dR = dC^T L^T
  }
}

// ---------------------------------------------------------------- dot
// MXNet's N-d dot: lhs is a matrix over (all but its last axis, last axis), or with
// transpose_a (first axis, the rest) transposed; rhs over (first axis, the rest), or
// with transpose_b (all but last, last) transposed. 1-D x 1-D gives shape (1,).
struct DotDims {
  int64_t M = 1, N = 1, K = 1;
  Shape out;
};
DotDims dot_dims(const char* op, const Shape& l, const Shape& r, bool ta, bool tb) {
  MXL_CHECK(l.ndim >= 1 && r.ndim >= 1, Err::kShape, op, ": inputs must have at least 1 dimension, got lhs ",
            l, " and rhs ", r);
  DotDims d;
  std::vector<int64_t> o;
  int64_t kl, kr;
  if (l.ndim == 1 && r.ndim == 1) {
    MXL_CHECK(!ta && !tb, Err::kInvalidArgument, op, ": cannot transpose 1-D inputs");
    MXL_CHECK(l[0] == r[0], Err::kShape, op, ": shape mismatch: lhs ", l, " and rhs ", r,
              " must have the same length");
    d.K = l[0];
    d.out = Shape({1});
    return d;
  }
  if (ta) {  // lhs stored (l0, rest): op(lhs) = (rest, l0)
    kl = l[0];
    for (int k = 1; k < l.ndim; ++k) { d.M *= l[k]; o.push_back(l[k]); }
  } else {
    kl = l[l.ndim - 1];
    for (int k = 0; k + 1 < l.ndim; ++k) { d.M *= l[k]; o.push_back(l[k]); }
  }
  if (tb) {  // rhs stored (rest, r_last): op(rhs) = (r_last, rest)
    kr = r[r.ndim - 1];
    for (int k = 0; k + 1 < r.ndim; ++k) { d.N *= r[k]; o.push_back(r[k]); }
  } else {
    kr = r[0];
    for (int k = 1; k < r.ndim; ++k) { d.N *= r[k]; o.push_back(r[k]); }
  }
  MXL_CHECK(kl == kr, Err::kShape, op, ": inner dimensions do not match: lhs ", l, (ta ? " (transposed)" : ""),
            " has ", kl, ", rhs ", r, (tb ? " (transposed)" : ""), " has ", kr);
  MXL_CHECK(int(o.size()) <= kMaxDim, Err::kShape, op, ": result of lhs ", l, " and rhs ", r,
            " would have more than ", kMaxDim, " dimensions");
  d.K = kl;
  d.out = Shape(o);
  return d;
}

// batch_dot: (B..., M, K) x (B..., K, N) with equal leading batch dims.
struct BatchDims {
  int64_t B = 1;
  DotDims m;
};
BatchDims batch_dims(const char* op, const Shape& l, const Shape& r, bool ta, bool tb) {
  MXL_CHECK(l.ndim >= 3 && l.ndim == r.ndim, Err::kShape, op,
            ": inputs must have the same number (>= 3) of dimensions, got lhs ", l, " and rhs ", r);
  BatchDims b;
  int nb = l.ndim - 2;
  for (int k = 0; k < nb; ++k) {
    MXL_CHECK(l[k] == r[k], Err::kShape, op, ": batch dimensions must be equal, got lhs ", l, " and rhs ", r);
    b.B *= l[k];
  }
  int64_t lr = l[nb], lc = l[nb + 1], rr = r[nb], rc = r[nb + 1];
  b.m.M = ta ? lc : lr;
  b.m.K = ta ? lr : lc;
  b.m.N = tb ? rr : rc;
  int64_t kr = tb ? rc : rr;
  MXL_CHECK(b.m.K == kr, Err::kShape, op, ": inner dimensions do not match: lhs ", l, (ta ? " (transposed)" : ""),
            " has ", b.m.K, ", rhs ", r, (tb ? " (transposed)" : ""), " has ", kr);
  std::vector<int64_t> o(l.d, l.d + nb);
  o.push_back(b.m.M);
  o.push_back(b.m.N);
  b.m.out = Shape(o);
  return b;
}

bool dot_shape(const Attrs& a, Shapes& in, Shapes& out) {
  if (!in[0].known() || !in[1].known()) return false;
  assign_shape(N(a), "output", out[0], dot_dims(N(a), in[0], in[1], a.b("transpose_a"), a.b("transpose_b")).out);
  return true;
}
bool batch_dot_shape(const Attrs& a, Shapes& in, Shapes& out) {
  if (!in[0].known() || !in[1].known()) return false;
  assign_shape(N(a), "output", out[0],
               batch_dims(N(a), in[0], in[1], a.b("transpose_a"), a.b("transpose_b")).m.out);
  return true;
}
// Backward ops: (ograd, lhs, rhs) -> (lhs_grad, rhs_grad) shaped like lhs, rhs.
bool backward_dot_shape(const Attrs& a, Shapes& in, Shapes& out) {
  if (in[1].known()) assign_shape(N(a), "lhs gradient", out[0], in[1]);
  if (in[2].known()) assign_shape(N(a), "rhs gradient", out[1], in[2]);
  if (in[0].known() && in[1].known() && in[2].known()) {
    // ograd must have the forward product's shape (the GEMMs read it with those dims).
    bool ta = a.b("transpose_a"), tb = a.b("transpose_b");
    Shape fwd = a.op->name == "_backward_batch_dot" ? batch_dims(N(a), in[1], in[2], ta, tb).m.out
                                                    : dot_dims(N(a), in[1], in[2], ta, tb).out;
    MXL_CHECK(in[0] == fwd, Err::kShape, N(a), ": ograd has shape ", in[0], " but the product of lhs ", in[1],
              " and rhs ", in[2], " has shape ", fwd);
  }
  return out[0].known() && out[1].known();
}

// All inputs and outputs share a dtype that GEMM supports (every one but bool).
bool type_numeric(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  bool ok = type_same(a, in, out);
  if (ok && DType(in[0]) == DType::b8) fail(Err::kDType, N(a), ": unsupported dtype bool");
  return ok;
}

GVals grad_dot(const char* backward, GradGraph& g, const Attrs& a) {
  return g.op(backward, {g.ograd(0), g.input(0), g.input(1)}, a.raw());
}

// transpose: the permutation (default: reverse), validated.
std::vector<int> perm_of(const char* op, const Shape& axes, int nd) {
  std::vector<int> p(static_cast<size_t>(nd));
  if (axes.ndim == 0) {
    for (int k = 0; k < nd; ++k) p[size_t(k)] = nd - 1 - k;
    return p;
  }
  MXL_CHECK(axes.ndim == nd, Err::kInvalidArgument, op, ": axes=", axes, " must list all ", nd,
            " axes of the input");
  std::vector<bool> seen(static_cast<size_t>(nd), false);
  for (int k = 0; k < nd; ++k) {
    int ax = normalize_axis(op, axes[k], nd);
    MXL_CHECK(!seen[size_t(ax)], Err::kInvalidArgument, op, ": axes=", axes, " repeats axis ", ax);
    seen[size_t(ax)] = true;
    p[size_t(k)] = ax;
  }
  return p;
}
Shape permuted(const Shape& s, const std::vector<int>& p) {
  Shape o = s;
  for (int k = 0; k < s.ndim; ++k) o[k] = s[p[size_t(k)]];
  return o;
}
void permute_kernel(const TBlob& in, const TBlob& out, const std::vector<int>& p) {
  int nd = in.shape.ndim;
  int64_t ist[kMaxDim], ost[kMaxDim], src[kMaxDim];
  contiguous_strides(nd, in.shape.d, ist);
  contiguous_strides(nd, out.shape.d, ost);
  for (int k = 0; k < nd; ++k) src[k] = ist[p[size_t(k)]];
  strided_copy(dtype_size(in.dtype), nd, out.shape.d, in.data, 0, src, out.data, 0, ost);
}
std::vector<int> swap_perm(const Attrs& a, int nd) {
  // normalize_axis accepts axis 0 of a 0-d array (for reductions); a swap needs real axes.
  MXL_CHECK(nd >= 1, Err::kInvalidArgument, N(a), ": cannot swap axes of a 0-d array");
  int d1 = normalize_axis(N(a), a.i("dim1"), nd), d2 = normalize_axis(N(a), a.i("dim2"), nd);
  std::vector<int> p(static_cast<size_t>(nd));
  for (int k = 0; k < nd; ++k) p[size_t(k)] = k;
  std::swap(p[size_t(d1)], p[size_t(d2)]);
  return p;
}

}  // namespace

MXL_OP(dot)
    .describe("Dot product. 2-D: matrix product. N-D: lhs is flattened to 2-D over all but its last "
              "axis and rhs over all but its first; the result has shape lhs.shape[:-1] + "
              "rhs.shape[1:]. 1-D x 1-D gives shape (1,). transpose_a/transpose_b transpose the "
              "2-D views first.")
    .input("lhs")
    .input("rhs")
    .param("transpose_a", PType::kBool, "False", "Use the transpose of lhs.")
    .param("transpose_b", PType::kBool, "False", "Use the transpose of rhs.")
    .infer_shape_fn(dot_shape)
    .infer_type_fn(type_numeric)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      DotDims d = dot_dims(N(a), in[0].shape, in[1].shape, a.b("transpose_a"), a.b("transpose_b"));
      matmul(N(a), in[0].dtype, a.b("transpose_a"), a.b("transpose_b"), d.M, d.N, d.K, in[0].data, in[1].data,
             out[0].data);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) { return grad_dot("_backward_dot", g, a); });

MXL_OP(_backward_dot)
    .describe("Gradient of dot. Inputs: ograd, lhs, rhs; outputs: lhs and rhs gradients.")
    .input("ograd")
    .input("lhs")
    .input("rhs")
    .outputs(2, {"lhs_grad", "rhs_grad"})
    .param("transpose_a", PType::kBool, "False", "dot's transpose_a.")
    .param("transpose_b", PType::kBool, "False", "dot's transpose_b.")
    .infer_shape_fn(backward_dot_shape)
    .infer_type_fn(type_numeric)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      bool ta = a.b("transpose_a"), tb = a.b("transpose_b");
      DotDims d = dot_dims(N(a), in[1].shape, in[2].shape, ta, tb);
      matmul_backward(N(a), in[0].dtype, ta, tb, d.M, d.N, d.K, in[0].data, in[1].data, in[2].data,
                      out[0].data, out[1].data);
    });

MXL_OP(batch_dot)
    .describe("Batched matrix product: (B..., M, K) x (B..., K, N) -> (B..., M, N); "
              "transpose_a/transpose_b transpose the last two axes of lhs/rhs.")
    .input("lhs")
    .input("rhs")
    .param("transpose_a", PType::kBool, "False", "Use the transpose of each lhs matrix.")
    .param("transpose_b", PType::kBool, "False", "Use the transpose of each rhs matrix.")
    .infer_shape_fn(batch_dot_shape)
    .infer_type_fn(type_numeric)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      bool ta = a.b("transpose_a"), tb = a.b("transpose_b");
      BatchDims b = batch_dims(N(a), in[0].shape, in[1].shape, ta, tb);
      const DotDims& m = b.m;
      size_t es = dtype_size(in[0].dtype);
      const char *l = static_cast<const char*>(in[0].data), *r = static_cast<const char*>(in[1].data);
      char* o = static_cast<char*>(out[0].data);
      for (int64_t i = 0; i < b.B; ++i)
        matmul(N(a), in[0].dtype, ta, tb, m.M, m.N, m.K, l + i * m.M * m.K * es, r + i * m.K * m.N * es,
               o + i * m.M * m.N * es);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) { return grad_dot("_backward_batch_dot", g, a); });

MXL_OP(_backward_batch_dot)
    .describe("Gradient of batch_dot. Inputs: ograd, lhs, rhs; outputs: lhs and rhs gradients.")
    .input("ograd")
    .input("lhs")
    .input("rhs")
    .outputs(2, {"lhs_grad", "rhs_grad"})
    .param("transpose_a", PType::kBool, "False", "batch_dot's transpose_a.")
    .param("transpose_b", PType::kBool, "False", "batch_dot's transpose_b.")
    .infer_shape_fn(backward_dot_shape)
    .infer_type_fn(type_numeric)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      bool ta = a.b("transpose_a"), tb = a.b("transpose_b");
      BatchDims b = batch_dims(N(a), in[1].shape, in[2].shape, ta, tb);
      const DotDims& m = b.m;
      size_t es = dtype_size(in[0].dtype);
      auto at = [&](const TBlob& t, int64_t i, int64_t n) { return static_cast<char*>(t.data) + i * n * es; };
      for (int64_t i = 0; i < b.B; ++i)
        matmul_backward(N(a), in[0].dtype, ta, tb, m.M, m.N, m.K, at(in[0], i, m.M * m.N), at(in[1], i, m.M * m.K),
                        at(in[2], i, m.K * m.N), at(out[0], i, m.M * m.K), at(out[1], i, m.K * m.N));
    });

MXL_OP(transpose)
    .describe("Permutes the axes: output axis i is input axis axes[i] (default: reversed).")
    .input("data")
    .param("axes", PType::kShape, "()", "The permutation; empty reverses the axes.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known() && out[0].known()) {  // the input from the output: inverse permutation
        std::vector<int> p = perm_of(N(a), a.shape("axes"), out[0].ndim);
        in[0] = out[0];
        for (int k = 0; k < out[0].ndim; ++k) in[0][p[size_t(k)]] = out[0][k];
      }
      if (!in[0].known()) return false;
      assign_shape(N(a), "output", out[0], permuted(in[0], perm_of(N(a), a.shape("axes"), in[0].ndim)));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      permute_kernel(in[0], out[0], perm_of(N(a), a.shape("axes"), in[0].shape.ndim));
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      const Shape& axes = a.shape("axes");
      if (axes.ndim == 0) return GVals{g.op1("transpose", {g.ograd(0)})};
      std::vector<int> p = perm_of(N(a), axes, axes.ndim);
      Shape inv = axes;
      for (int k = 0; k < axes.ndim; ++k) inv[p[size_t(k)]] = k;
      return GVals{g.op1("transpose", {g.ograd(0)}, {{"axes", shape_param(inv)}})};
    });

MXL_OP(SwapAxis)
    .alias("swapaxes")
    .describe("Interchanges two axes.")
    .input("data")
    .param("dim1", PType::kInt, "0", "First axis.")
    .param("dim2", PType::kInt, "0", "Second axis.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known() && out[0].known()) in[0] = permuted(out[0], swap_perm(a, out[0].ndim));  // an involution
      if (!in[0].known()) return false;
      assign_shape(N(a), "output", out[0], permuted(in[0], swap_perm(a, in[0].ndim)));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      permute_kernel(in[0], out[0], swap_perm(a, in[0].shape.ndim));
    })
    .grad_fn([](GradGraph& g, const Attrs& a) { return GVals{g.op1("SwapAxis", {g.ograd(0)}, a.raw())}; });

}  // namespace mxl
