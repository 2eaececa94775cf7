// Normalisation and LeakyReLU on the device: BatchNorm, LayerNorm, InstanceNorm (forward
// and backward) and LeakyReLU (all act_types, prelu's gamma gradient included), with
// the formulas of core/op/nn_norm.cc and core/op/nn_basic.cc.
//
// Statistics accumulate in double as on the CPU (two passes: the mean, then the sum of
// squared deviations). One block normalises one group (a channel, a row, a plane);
// threads stride over the group's elements and combine in shared memory, so sums are
// grouped differently from the CPU's sequential ones (double: far below tolerances).
// float16 data computes in float with float32 BatchNorm parameters, as on the CPU.
#include "common.cuh"

namespace mxlcuda {
namespace {

// Element j of group r sits at (r / rdiv) * rA + (r % rdiv) * rB + (j / jdiv) * jA + (j % jdiv) * jB.
// BatchNorm's channel c over (outer, C, inner): r = c, j = (o, i);
// LayerNorm's row over (outer, C, inner) normalising C: r = (o, i), j = c;
// InstanceNorm's (n, c) plane: r = n * C + c, j = the plane's element.
struct Groups {
  int64_t count = 0, len = 0;  // number of groups, elements per group
  int64_t rdiv = 1, rA = 0, rB = 0, jdiv = 1, jA = 0, jB = 0;
  __device__ int64_t at(int64_t r, int64_t j) const {
    return (r / rdiv) * rA + (r % rdiv) * rB + (j / jdiv) * jA + (j % jdiv) * jB;
  }
};
struct AxisView {
  int64_t outer = 1, C = 1, inner = 1;
};
AxisView axis_view(const mxl_cuda_blob& s, int axis) {
  AxisView v;
  for (int i = 0; i < s.ndim; ++i) {
    if (i < axis) v.outer *= s.shape[i];
    else if (i == axis) v.C = s.shape[i];
    else v.inner *= s.shape[i];
  }
  return v;
}
Groups channel_groups(const AxisView& v) {  // BatchNorm
  Groups g;
  g.count = v.C;
  g.len = v.outer * v.inner;
  g.rdiv = 1, g.rA = v.inner;
  g.jdiv = v.inner, g.jA = v.C * v.inner, g.jB = 1;
  return g;
}
Groups row_groups(const AxisView& v) {  // LayerNorm
  Groups g;
  g.count = v.outer * v.inner;
  g.len = v.C;
  g.rdiv = v.inner, g.rA = v.C * v.inner, g.rB = 1;
  g.jdiv = 1, g.jA = v.inner;
  return g;
}
Groups plane_groups(const AxisView& v) {  // InstanceNorm (axis 1)
  Groups g;
  g.count = v.outer * v.C;
  g.len = v.inner;
  g.rdiv = 1, g.rA = v.inner;
  g.jdiv = 1, g.jA = 1;
  return g;
}

// Mean and biased variance of group r (two passes, as the CPU's channel_stats / row_stats).
template <class T>
__device__ inline void group_stats(const T* x, const Groups& g, int64_t r, double* sh, double* mean, double* var) {
  double s = 0;
  for (int64_t j = threadIdx.x; j < g.len; j += kThreads) s += double(x[g.at(r, j)]);
  double M = double(g.len);
  double m = block_sum(s, sh);
  m = M > 0 ? m / M : 0;
  double q = 0;
  for (int64_t j = threadIdx.x; j < g.len; j += kThreads) {
    double d = double(x[g.at(r, j)]) - m;
    q += d * d;
  }
  q = block_sum(q, sh);
  *mean = m;
  *var = M > 0 ? q / M : 0;
}

// ================================================================ BatchNorm
int bn_axis(const mxl_cuda_call* c, const mxl_cuda_blob& x, int* axis) {
  int64_t ax = attr_i(c, "axis");
  int n = x.ndim > 1 ? x.ndim : 1;
  if (ax < -n || ax >= n) return call_fail(c, kInvalidArgument, "%s: parameter 'axis' %lld is out of range for %d-d data",
                                           c->op_name, (long long)ax, x.ndim);
  *axis = int(ax < 0 ? ax + n : ax);
  return 0;
}

// P: parameter dtype (float for float16 / float32 data, double for double).
template <class T, class P>
__global__ void bn_fwd_kernel(const T* x, const P* gamma, const P* beta, P* mm, P* mv, T* y, P* out_mean,
                              P* out_invstd, Groups g, bool batch, bool fix_gamma, double eps, double mom) {
  __shared__ double sh[kThreads];
  MXC_ROW_LOOP(c, g.count) {
    double mean, var;
    if (batch) group_stats(x, g, c, sh, &mean, &var);
    else mean = double(mm[c]), var = double(mv[c]);
    double invstd = 1.0 / sqrt(var + eps);
    double scale = (fix_gamma ? 1.0 : double(gamma[c])) * invstd, shift = double(beta[c]) - mean * scale;
    for (int64_t j = threadIdx.x; j < g.len; j += kThreads) {
      int64_t k = g.at(c, j);
      y[k] = T(P(double(x[k]) * scale + shift));
    }
    if (threadIdx.x == 0) {
      if (out_mean) {
        out_mean[c] = P(mean);
        out_invstd[c] = P(invstd);
      }
      if (batch) {
        mm[c] = P(double(mm[c]) * mom + mean * (1 - mom));
        mv[c] = P(double(mv[c]) * mom + var * (1 - mom));
      }
    }
  }
}

template <class T, class P>
__global__ void bn_bwd_kernel(const T* dy, const T* x, const P* gamma, const P* mm, const P* mv, T* dx, P* dgamma,
                              P* dbeta, Groups g, bool batch, bool fix_gamma, double eps) {
  __shared__ double sh[kThreads];
  MXC_ROW_LOOP(c, g.count) {
    double mean, var;
    if (batch) group_stats(x, g, c, sh, &mean, &var);
    else mean = double(mm[c]), var = double(mv[c]);
    double invstd = 1.0 / sqrt(var + eps), M = double(g.len);
    double sg = 0, sgx = 0;
    for (int64_t j = threadIdx.x; j < g.len; j += kThreads) {
      int64_t k = g.at(c, j);
      double gv = double(dy[k]);
      sg += gv;
      sgx += gv * (double(x[k]) - mean);
    }
    double sum_g = block_sum(sg, sh), sum_gx = block_sum(sgx, sh);
    double gm = fix_gamma ? 1.0 : double(gamma[c]), kk = gm * invstd;
    double mg = batch && M > 0 ? sum_g / M : 0, proj = batch && M > 0 ? sum_gx * invstd * invstd / M : 0;
    for (int64_t j = threadIdx.x; j < g.len; j += kThreads) {
      int64_t k = g.at(c, j);
      dx[k] = T(P(kk * (double(dy[k]) - mg - (double(x[k]) - mean) * proj)));
    }
    if (threadIdx.x == 0) {
      dgamma[c] = P(fix_gamma ? 0.0 : sum_gx * invstd);
      dbeta[c] = P(sum_g);
    }
  }
}

// Data float16 / float32 -> float32 parameters; float64 -> float64.
template <class T> using bn_param_t = facc_t<T>;
int check_param_dtype(const mxl_cuda_call* c, const mxl_cuda_blob& b, int want) {
  if (b.dtype != want)
    return call_fail(c, kDType, "%s: a parameter has dtype %s but %s is expected", c->op_name, dtype_name(b.dtype),
                     dtype_name(want));
  return 0;
}

// in: data, gamma, beta, moving_mean, moving_var; out: output[, mean, inverse std].
int batchnorm_fwd(const mxl_cuda_call* c) {
  int axis = 0, rc = bn_axis(c, c->in[0], &axis);
  if (rc) return rc;
  Groups g = channel_groups(axis_view(c->in[0], axis));
  bool batch = c->is_train && !attr_b(c, "use_global_stats");
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    using P = bn_param_t<T>;
    int pt = std::is_same_v<P, double> ? f64 : f32;
    for (int i = 1; i < 5; ++i)
      if ((rc = check_param_dtype(c, c->in[i], pt))) return rc;
    if (g.count == 0) return 0;
    bool three = c->nout == 3;
    bn_fwd_kernel<T, P><<<row_grid(g.count), kThreads, 0, stream_of(c)>>>(
        bptr<T>(c->in[0]), bptr<P>(c->in[1]), bptr<P>(c->in[2]), bptr<P>(c->in[3]), bptr<P>(c->in[4]), bptr<T>(c->out[0]),
        three ? bptr<P>(c->out[1]) : nullptr, three ? bptr<P>(c->out[2]) : nullptr, g, batch, attr_b(c, "fix_gamma"),
        attr_f(c, "eps"), attr_f(c, "momentum"));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// in: ograd, data, gamma, moving_mean, moving_var; out: d(data), d(gamma), d(beta).
int batchnorm_bwd(const mxl_cuda_call* c) {
  int axis = 0, rc = bn_axis(c, c->in[1], &axis);
  if (rc) return rc;
  Groups g = channel_groups(axis_view(c->in[1], axis));
  bool batch = c->is_train && !attr_b(c, "use_global_stats");
  if (c->in[0].dtype != c->in[1].dtype)
    return call_fail(c, kDType, "%s: ograd has dtype %s but data has %s", c->op_name, dtype_name(c->in[0].dtype),
                     dtype_name(c->in[1].dtype));
  MXC_SWITCH_FLOAT16(c, c->in[1].dtype, T, {
    using P = bn_param_t<T>;
    int pt = std::is_same_v<P, double> ? f64 : f32;
    for (int i = 2; i < 5; ++i)
      if ((rc = check_param_dtype(c, c->in[i], pt))) return rc;
    if (g.count == 0) return 0;
    bn_bwd_kernel<T, P><<<row_grid(g.count), kThreads, 0, stream_of(c)>>>(
        bptr<T>(c->in[0]), bptr<T>(c->in[1]), bptr<P>(c->in[2]), bptr<P>(c->in[3]), bptr<P>(c->in[4]), bptr<T>(c->out[0]),
        bptr<P>(c->out[1]), bptr<P>(c->out[2]), g, batch, attr_b(c, "fix_gamma"), attr_f(c, "eps"));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ================================================================ LayerNorm / InstanceNorm
int ln_axis(const mxl_cuda_call* c, const mxl_cuda_blob& x, int* axis) {
  int64_t ax = attr_i(c, "axis");
  if (x.ndim < 1 || ax < -x.ndim || ax >= x.ndim)
    return call_fail(c, kInvalidArgument, "%s: parameter 'axis' %lld is out of range for %d-d data", c->op_name,
                     (long long)ax, x.ndim);
  *axis = int(ax < 0 ? ax + x.ndim : ax);
  return 0;
}

// y = (x - mean) / std * gamma[p] + beta[p], std = sqrt(var + eps); p is the element's
// index within its group (LayerNorm, per_group = false) or the group's channel
// (InstanceNorm: group r = n * C + c, per_group = true).
template <class T>
__global__ void rownorm_fwd_kernel(const T* x, const T* gamma, const T* beta, T* y, T* out_mean, T* out_std, Groups g,
                                   double eps, bool per_group, int64_t C) {
  using A = facc_t<T>;
  __shared__ double sh[kThreads];
  MXC_ROW_LOOP(r, g.count) {
    double mean, var;
    group_stats(x, g, r, sh, &mean, &var);
    double sd = sqrt(var + eps);
    if (per_group) {  // InstanceNorm: x * scale + shift, as the CPU
      int64_t c = r % C;
      double scale = double(gamma[c]) / sd, shift = double(beta[c]) - mean * scale;
      for (int64_t j = threadIdx.x; j < g.len; j += kThreads) {
        int64_t k = g.at(r, j);
        y[k] = T(A(double(x[k]) * scale + shift));
      }
    } else {
      for (int64_t j = threadIdx.x; j < g.len; j += kThreads) {
        int64_t k = g.at(r, j);
        y[k] = T(A((double(x[k]) - mean) / sd * double(gamma[j]) + double(beta[j])));
      }
    }
    if (threadIdx.x == 0 && out_mean) {
      out_mean[r] = T(A(mean));
      out_std[r] = T(A(sd));
    }
  }
}

// dx of one group, given g_j = dy_j * gamma: dx = (g - mean(g) - xh * mean(g * xh)) / std.
// Also stores the group's statistics and its partial parameter-gradient sums
// sum(dy * xh), sum(dy) (for the second pass).
template <class T>
__global__ void rownorm_bwd_kernel(const T* dy, const T* x, const T* gamma, T* dx, double* stat_mean,
                                   double* stat_std, double* part_gx, double* part_g, Groups g, double eps,
                                   bool per_group, int64_t C) {
  using A = facc_t<T>;
  __shared__ double sh[kThreads];
  MXC_ROW_LOOP(r, g.count) {
    double mean, var;
    group_stats(x, g, r, sh, &mean, &var);
    double sd = sqrt(var + eps), n = double(g.len);
    double sg = 0, sgx = 0, pg = 0, pgx = 0;
    for (int64_t j = threadIdx.x; j < g.len; j += kThreads) {
      int64_t k = g.at(r, j);
      double gm = double(gamma[per_group ? r % C : j]);
      double d = double(dy[k]), gj = d * gm, xh = (double(x[k]) - mean) / sd;
      sg += gj;
      sgx += gj * xh;
      pg += d;
      pgx += d * (double(x[k]) - mean) / sd;
    }
    sg = block_sum(sg, sh);
    sgx = block_sum(sgx, sh);
    if (per_group) {
      pg = block_sum(pg, sh);
      pgx = block_sum(pgx, sh);
    }
    double mg = n > 0 ? sg / n : 0, mgx = n > 0 ? sgx / n : 0;
    for (int64_t j = threadIdx.x; j < g.len; j += kThreads) {
      int64_t k = g.at(r, j);
      double gj = double(dy[k]) * double(gamma[per_group ? r % C : j]);
      double xh = (double(x[k]) - mean) / sd;
      dx[k] = T(A((gj - mg - xh * mgx) / sd));
    }
    if (threadIdx.x == 0) {
      stat_mean[r] = mean;
      stat_std[r] = sd;
      if (per_group) {
        part_gx[r] = pgx;
        part_g[r] = pg;
      }
    }
  }
}

// LayerNorm's gamma / beta gradients: column j sums over rows r of dy * (x - mean_r) / std_r.
template <class T>
__global__ void ln_param_grad_kernel(const T* dy, const T* x, const double* mean, const double* sd, T* dgamma,
                                     T* dbeta, Groups g) {
  using A = facc_t<T>;
  __shared__ double sh[kThreads];
  MXC_ROW_LOOP(j, g.len) {
    double sg = 0, sgx = 0;
    for (int64_t r = threadIdx.x; r < g.count; r += kThreads) {
      int64_t k = g.at(r, j);
      double d = double(dy[k]);
      sg += d;
      sgx += d * (double(x[k]) - mean[r]) / sd[r];
    }
    sg = block_sum(sg, sh);
    sgx = block_sum(sgx, sh);
    if (threadIdx.x == 0) {
      dgamma[j] = T(A(sgx));
      dbeta[j] = T(A(sg));
    }
  }
}

// InstanceNorm's gamma / beta gradients: channel c sums its planes' partial sums.
template <class T>
__global__ void in_param_grad_kernel(const double* part_gx, const double* part_g, T* dgamma, T* dbeta, int64_t N,
                                     int64_t C) {
  using A = facc_t<T>;
  MXC_KERNEL_LOOP(c, C) {
    double sgx = 0, sg = 0;
    for (int64_t n = 0; n < N; ++n) {
      sgx += part_gx[n * C + c];
      sg += part_g[n * C + c];
    }
    dgamma[c] = T(A(sgx));
    dbeta[c] = T(A(sg));
  }
}

int layernorm_fwd(const mxl_cuda_call* c) {
  int axis = 0, rc = ln_axis(c, c->in[0], &axis);
  if (rc) return rc;
  Groups g = row_groups(axis_view(c->in[0], axis));
  if (g.count == 0) return 0;
  bool three = c->nout == 3;
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    rownorm_fwd_kernel<T><<<row_grid(g.count), kThreads, 0, stream_of(c)>>>(
        bptr<T>(c->in[0]), bptr<T>(c->in[1]), bptr<T>(c->in[2]), bptr<T>(c->out[0]), three ? bptr<T>(c->out[1]) : nullptr,
        three ? bptr<T>(c->out[2]) : nullptr, g, attr_f(c, "eps"), false, 1);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

int instancenorm_fwd(const mxl_cuda_call* c) {
  if (c->in[0].ndim < 2) return call_fail(c, kShape, "InstanceNorm: data must have at least 2 dimensions");
  AxisView v = axis_view(c->in[0], 1);
  Groups g = plane_groups(v);
  if (g.count == 0) return 0;
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    rownorm_fwd_kernel<T><<<row_grid(g.count), kThreads, 0, stream_of(c)>>>(
        bptr<T>(c->in[0]), bptr<T>(c->in[1]), bptr<T>(c->in[2]), bptr<T>(c->out[0]), nullptr, nullptr, g,
        attr_f(c, "eps"), true, v.C);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// in: ograd, data, gamma; out: d(data), d(gamma), d(beta).
int rownorm_bwd(const mxl_cuda_call* c, const Groups& g, bool per_group, const AxisView& v) {
  int64_t ncol = per_group ? v.C : g.len;
  MXC_SWITCH_FLOAT16(c, c->in[1].dtype, T, {
    if (g.count == 0) {  // no rows: parameter gradients are sums over nothing
      CU_CHECK_CALL(c, fill<T>(c, bptr<T>(c->out[1]), ncol, T(0.0f)));
      CU_CHECK_CALL(c, fill<T>(c, bptr<T>(c->out[2]), ncol, T(0.0f)));
      return 0;
    }
    double* ws = static_cast<double*>(workspace(c, size_t(4 * g.count) * sizeof(double)));
    if (!ws) return call_fail(c, kOutOfMemory, "%s: out of device memory for the row statistics", c->op_name);
    double *mean = ws, *sd = ws + g.count, *pgx = ws + 2 * g.count, *pg = ws + 3 * g.count;
    rownorm_bwd_kernel<T><<<row_grid(g.count), kThreads, 0, stream_of(c)>>>(
        bptr<T>(c->in[0]), bptr<T>(c->in[1]), bptr<T>(c->in[2]), bptr<T>(c->out[0]), mean, sd, pgx, pg, g,
        attr_f(c, "eps"), per_group, v.C);
    CU_CHECK_LAUNCH(c);
    if (per_group) {
      if (v.C > 0)
        in_param_grad_kernel<T><<<grid_for(v.C), kThreads, 0, stream_of(c)>>>(pgx, pg, bptr<T>(c->out[1]),
                                                                                bptr<T>(c->out[2]), v.outer, v.C);
    } else if (g.len > 0) {
      ln_param_grad_kernel<T><<<row_grid(g.len), kThreads, 0, stream_of(c)>>>(
          bptr<T>(c->in[0]), bptr<T>(c->in[1]), mean, sd, bptr<T>(c->out[1]), bptr<T>(c->out[2]), g);
    }
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
int layernorm_bwd(const mxl_cuda_call* c) {
  int axis = 0, rc = ln_axis(c, c->in[1], &axis);
  if (rc) return rc;
  AxisView v = axis_view(c->in[1], axis);
  return rownorm_bwd(c, row_groups(v), false, v);
}
int instancenorm_bwd(const mxl_cuda_call* c) {
  if (c->in[1].ndim < 2) return call_fail(c, kShape, "_backward_InstanceNorm: data must have at least 2 dimensions");
  AxisView v = axis_view(c->in[1], 1);
  return rownorm_bwd(c, plane_groups(v), true, v);
}

// ================================================================ LeakyReLU
// act_type in the registry's order: elu, gelu, leaky, prelu, selu.
constexpr int kPrelu = 3;
constexpr double kSeluLambda = 1.0507009873554804934193349852946;
constexpr double kSeluAlpha = 1.6732632423543772848170429916717;

template <int K, class C>
__device__ inline C leaky_fwd(C x, C slope) {
  if constexpr (K == 0) return x > C(0) ? x : slope * expm1(x);
  else if constexpr (K == 1) return C(0.5) * x * (C(1) + erf(x * C(0.70710678118654752440)));
  else if constexpr (K == 2 || K == kPrelu) return x > C(0) ? x : slope * x;
  else return C(kSeluLambda) * (x > C(0) ? x : C(kSeluAlpha) * expm1(x));
}
template <int K, class C>
__device__ inline C leaky_grad(C x, C y, C slope) {
  if constexpr (K == 0) return x > C(0) ? C(1) : y + slope;
  else if constexpr (K == 1)
    return C(0.5) * (C(1) + erf(x * C(0.70710678118654752440))) + x * C(0.39894228040143267794) * exp(C(-0.5) * x * x);
  else if constexpr (K == 2 || K == kPrelu) return x > C(0) ? C(1) : slope;
  else return x > C(0) ? C(kSeluLambda) : y + C(kSeluLambda * kSeluAlpha);
}

// gamma_n == 1: one shared slope; otherwise one per channel (axis 1: (i / inner) % ch).
template <int K, class T>
__global__ void leaky_fwd_kernel(const T* x, const T* gamma, T* y, int64_t n, double slope, int64_t gamma_n,
                                 int64_t ch, int64_t inner) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(i, n) {
    C s = K == kPrelu ? C(gamma[gamma_n == 1 ? 0 : (i / inner) % ch]) : C(slope);
    y[i] = T(leaky_fwd<K>(C(x[i]), s));
  }
}
template <int K, class T>
__global__ void leaky_bwd_kernel(const T* g, const T* x, const T* y, const T* gamma, T* gx, int64_t n, double slope,
                                 int64_t gamma_n, int64_t ch, int64_t inner) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(i, n) {
    if constexpr (K == kPrelu) {  // the CPU's prelu form: g * (x > 0 ? 1 : gamma)
      C v = C(x[i]), s = C(gamma[gamma_n == 1 ? 0 : (i / inner) % ch]);
      gx[i] = T(C(g[i]) * (v > C(0) ? C(1) : s));
    } else {
      gx[i] = T(C(g[i]) * leaky_grad<K>(C(x[i]), C(y[i]), C(slope)));
    }
  }
}
// prelu's gamma gradient: sum of g * x over x <= 0, per slope, in double.
template <class T>
__global__ void prelu_gamma_grad_kernel(const T* g, const T* x, double* acc, int64_t n, int64_t gamma_n, int64_t ch,
                                        int64_t inner) {
  MXC_KERNEL_LOOP(i, n) {
    double v = double(x[i]);
    if (v <= 0) atomicAdd(acc + (gamma_n == 1 ? 0 : (i / inner) % ch), double(g[i]) * v);
  }
}

// prelu geometry: channels on axis 1, gamma with 1 or `channels` values.
void prelu_geom(const mxl_cuda_blob& x, const mxl_cuda_blob* gamma, int64_t* gamma_n, int64_t* ch, int64_t* inner) {
  *ch = x.ndim > 1 ? x.shape[1] : 1;
  *inner = 1;
  for (int d = 2; d < x.ndim; ++d) *inner *= x.shape[d];
  *gamma_n = gamma ? blob_size(*gamma) : 1;
}

int leaky_relu_fwd(const mxl_cuda_call* c) {
  int64_t act = attr_i(c, "act_type"), n = blob_size(c->out[0]), gamma_n, ch, inner;
  const bool prelu = act == kPrelu;
  prelu_geom(c->in[0], prelu ? &c->in[1] : nullptr, &gamma_n, &ch, &inner);
  if (n == 0) return 0;
  double slope = attr_f(c, "slope");
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    const T* gamma = prelu ? bptr<T>(c->in[1]) : nullptr;
    int rc = const_dispatch<5>(act, [&](auto k) {
      leaky_fwd_kernel<decltype(k)::value, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
          bptr<T>(c->in[0]), gamma, bptr<T>(c->out[0]), n, slope, gamma_n, ch, inner);
      return 0;
    });
    if (rc) return call_fail(c, rc, "LeakyReLU: unknown act_type %lld", (long long)act);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// in: ograd, data, output[, gamma]; out: d(data)[, d(gamma)].
int leaky_relu_bwd(const mxl_cuda_call* c) {
  int64_t act = attr_i(c, "act_type"), n = blob_size(c->out[0]), gamma_n, ch, inner;
  const bool prelu = act == kPrelu;
  prelu_geom(c->in[1], prelu ? &c->in[3] : nullptr, &gamma_n, &ch, &inner);
  double slope = attr_f(c, "slope");
  MXC_SWITCH_FLOAT16(c, c->in[1].dtype, T, {
    const T* gamma = prelu ? bptr<T>(c->in[3]) : nullptr;
    if (n > 0) {
      int rc = const_dispatch<5>(act, [&](auto k) {
        leaky_bwd_kernel<decltype(k)::value, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
            bptr<T>(c->in[0]), bptr<T>(c->in[1]), bptr<T>(c->in[2]), gamma, bptr<T>(c->out[0]), n, slope, gamma_n, ch,
            inner);
        return 0;
      });
      if (rc) return call_fail(c, rc, "_backward_LeakyReLU: unknown act_type %lld", (long long)act);
      CU_CHECK_LAUNCH(c);
    }
    if (prelu) {
      double* acc = static_cast<double*>(workspace(c, size_t(gamma_n) * sizeof(double)));
      if (!acc) return call_fail(c, kOutOfMemory, "_backward_LeakyReLU: out of device memory");
      CU_CHECK_CALL(c, cudaMemsetAsync(acc, 0, size_t(gamma_n) * sizeof(double), stream_of(c)));
      if (n > 0)
        prelu_gamma_grad_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<T>(c->in[0]), bptr<T>(c->in[1]), acc,
                                                                              n, gamma_n, ch, inner);
      from_double_kernel<T><<<grid_for(gamma_n), kThreads, 0, stream_of(c)>>>(acc, bptr<T>(c->out[1]), gamma_n);
    }
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

}  // namespace

void register_norm(KernelTable& t) {
  t.push_back({"BatchNorm", batchnorm_fwd});
  t.push_back({"_backward_BatchNorm", batchnorm_bwd});
  t.push_back({"LayerNorm", layernorm_fwd});
  t.push_back({"_backward_LayerNorm", layernorm_bwd});
  t.push_back({"InstanceNorm", instancenorm_fwd});
  t.push_back({"_backward_InstanceNorm", instancenorm_bwd});
  t.push_back({"LeakyReLU", leaky_relu_fwd});
  t.push_back({"_backward_LeakyReLU", leaky_relu_bwd});
}

}  // namespace mxlcuda
