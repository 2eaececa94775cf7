// CUDA kernels of the operators in core/op/nn_extra.cc: GroupNorm, softmax_cross_entropy,
// SVMOutput, ROIPooling, Crop (with their backward ops), im2col and col2im, following the
// CPU kernels' arithmetic: statistics and sums in double, float16 computed in float. The
// per-element formulas of SVMOutput, ROIPooling and im2col/col2im are the CPU's own
// (core/op/nn_extra_kernels.h).
//
// Reductions run one block per group (a (sample, group) run of GroupNorm, a row of
// softmax_cross_entropy); threads stride over it and combine in shared memory, so sums
// are grouped differently from the CPU's sequential ones (double: far below tolerances).
#include "common.cuh"
#include "core/op/nn_extra_kernels.h"

namespace mxlcuda {
namespace {

// Mean and std (sqrt(biased var + eps)) of x[0, len), two passes as on the CPU.
template <class T>
__device__ inline void run_stats(const T* x, int64_t len, double eps, double* sh, double* mean, double* std) {
  double s = 0;
  for (int64_t j = threadIdx.x; j < len; j += kThreads) s += double(x[j]);
  double m = block_sum(s, sh);
  m = len > 0 ? m / double(len) : 0;
  double q = 0;
  for (int64_t j = threadIdx.x; j < len; j += kThreads) {
    double d = double(x[j]) - m;
    q += d * d;
  }
  q = block_sum(q, sh);
  *mean = m;
  *std = sqrt((len > 0 ? q / double(len) : 0) + eps);
}

// ================================================================ GroupNorm
// Row r = (sample, group) is the contiguous run x[r * len, (r + 1) * len); its
// gamma / beta index is r % groups.
struct GroupDims {
  int64_t rows = 0, groups = 1, len = 0;
};
GroupDims group_dims(const mxl_cuda_call* c, const mxl_cuda_blob& x) {
  GroupDims d;
  d.groups = attr_i(c, "num_groups");
  d.rows = x.shape[0] * d.groups;
  d.len = d.rows > 0 ? blob_size(x) / d.rows : 0;
  return d;
}

template <class T>
__global__ void groupnorm_fwd_kernel(const T* x, const T* gamma, const T* beta, T* y, T* out_mean, T* out_std,
                                     GroupDims d, double eps) {
  using C = facc_t<T>;
  __shared__ double sh[kThreads];
  MXC_ROW_LOOP(r, d.rows) {
    const T* xr = x + r * d.len;
    double mean, std;
    run_stats(xr, d.len, eps, sh, &mean, &std);
    double scale = double(gamma[r % d.groups]) / std, shift = double(beta[r % d.groups]) - mean * scale;
    for (int64_t j = threadIdx.x; j < d.len; j += kThreads) y[r * d.len + j] = T(C(double(xr[j]) * scale + shift));
    if (threadIdx.x == 0 && out_mean) {
      out_mean[r] = T(C(mean));
      out_std[r] = T(C(std));
    }
  }
}

// d x per row; the row's sum(dy) and sum(dy * x_hat) go to row_g / row_gx.
template <class T>
__global__ void groupnorm_bwd_kernel(const T* dy, const T* x, const T* gamma, T* dx, double* row_g, double* row_gx,
                                     GroupDims d, double eps) {
  using C = facc_t<T>;
  __shared__ double sh[kThreads];
  MXC_ROW_LOOP(r, d.rows) {
    const T *xr = x + r * d.len, *gr = dy + r * d.len;
    double mean, std;
    run_stats(xr, d.len, eps, sh, &mean, &std);
    double sg = 0, sgx = 0;
    for (int64_t j = threadIdx.x; j < d.len; j += kThreads) {
      double g = double(gr[j]);
      sg += g;
      sgx += g * (double(xr[j]) - mean) / std;
    }
    sg = block_sum(sg, sh);
    sgx = block_sum(sgx, sh);
    if (threadIdx.x == 0) {
      row_g[r] = sg;
      row_gx[r] = sgx;
    }
    double k = double(gamma[r % d.groups]) / std, n = double(d.len > 0 ? d.len : 1);
    for (int64_t j = threadIdx.x; j < d.len; j += kThreads) {
      double xh = (double(xr[j]) - mean) / std;
      dx[r * d.len + j] = T(C(k * (double(gr[j]) - sg / n - xh * sgx / n)));
    }
  }
}

// Parameter gradients: group g sums rows g, g + groups, ...
template <class T>
__global__ void groupnorm_param_grad_kernel(const double* row_g, const double* row_gx, T* dgamma, T* dbeta,
                                            GroupDims d) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(g, d.groups) {
    double sg = 0, sgx = 0;
    for (int64_t r = g; r < d.rows; r += d.groups) sg += row_g[r], sgx += row_gx[r];
    dgamma[g] = T(C(sgx));
    dbeta[g] = T(C(sg));
  }
}

int groupnorm_fwd(const mxl_cuda_call* c) {
  GroupDims d = group_dims(c, c->in[0]);
  if (d.rows == 0) return 0;
  double eps = attr_f(c, "eps");
  bool stats = c->nout == 3;
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    groupnorm_fwd_kernel<T><<<row_grid(d.rows), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(c->in[0]), bptr<const T>(c->in[1]), bptr<const T>(c->in[2]), bptr<T>(c->out[0]),
        stats ? bptr<T>(c->out[1]) : nullptr, stats ? bptr<T>(c->out[2]) : nullptr, d, eps);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

int groupnorm_bwd(const mxl_cuda_call* c) {
  GroupDims d = group_dims(c, c->in[1]);
  double eps = attr_f(c, "eps");
  MXC_SWITCH_FLOAT16(c, c->in[1].dtype, T, {
    if (d.rows == 0) {  // no samples: the parameter gradients are zero
      CU_CHECK_CALL(c, fill<T>(c, bptr<T>(c->out[1]), d.groups, T(0.0f)));
      CU_CHECK_CALL(c, fill<T>(c, bptr<T>(c->out[2]), d.groups, T(0.0f)));
      return 0;
    }
    auto* sums = static_cast<double*>(workspace(c, sizeof(double) * size_t(2 * d.rows)));
    if (!sums) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
    groupnorm_bwd_kernel<T><<<row_grid(d.rows), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(c->in[0]), bptr<const T>(c->in[1]), bptr<const T>(c->in[2]), bptr<T>(c->out[0]), sums,
        sums + d.rows, d, eps);
    CU_CHECK_LAUNCH(c);
    groupnorm_param_grad_kernel<T><<<grid_for(d.groups), kThreads, 0, stream_of(c)>>>(
        sums, sums + d.rows, bptr<T>(c->out[1]), bptr<T>(c->out[2]), d);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ===================================================== softmax_cross_entropy
constexpr double kMinProbability = 1e-8;  // as the CPU (and MXNet) clip it

// Finds the first label outside [0, K) (atomicMin of its position; ~0 when none).
template <class T>
__global__ void first_bad_label_kernel(const T* label, int64_t n, int64_t K, unsigned long long* pos) {
  MXC_KERNEL_LOOP(i, n) {
    double v = double(label[i]);
    if (!(v >= 0 && v < double(K))) atomicMin(pos, (unsigned long long)i);
  }
}

template <class T>
int check_labels(const mxl_cuda_call* c, const mxl_cuda_blob& label, int64_t K) {
  int64_t n = blob_size(label);
  if (n == 0) return 0;
  auto* pos = static_cast<unsigned long long*>(workspace(c, sizeof(unsigned long long)));
  if (!pos) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  CU_CHECK_CALL(c, cudaMemsetAsync(pos, 0xff, sizeof(unsigned long long), stream_of(c)));
  first_bad_label_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(label), n, K, pos);
  CU_CHECK_LAUNCH(c);
  unsigned long long host = 0;
  CU_CHECK_CALL(c, cudaMemcpyAsync(&host, pos, sizeof host, cudaMemcpyDeviceToHost, stream_of(c)));
  CU_CHECK_CALL(c, cudaStreamSynchronize(stream_of(c)));
  if (host == ~0ull) return 0;
  T v;
  CU_CHECK_CALL(c, cudaMemcpy(&v, bptr<const T>(label) + host, sizeof(T), cudaMemcpyDeviceToHost));
  return call_fail(c, kIndex, "softmax_cross_entropy: label[%lld] = %g is out of range for %lld classes "
                   "(expected 0 <= label < %lld)", (long long)host, double(v), (long long)K, (long long)K);
}

// log(sum(exp(row))) of row n, stably; every thread of the block gets it.
template <class T>
__device__ inline double row_log_sum_exp(const T* row, int64_t K, double* sh) {
  double mx = -INFINITY;
  for (int64_t k = threadIdx.x; k < K; k += kThreads) mx = fmax(mx, double(row[k]));
  mx = block_max(mx, sh);
  if (!isfinite(mx)) return mx;
  double s = 0;
  for (int64_t k = threadIdx.x; k < K; k += kThreads) s += exp(double(row[k]) - mx);
  return mx + log(block_sum(s, sh));
}

// One block per row: the row's loss into row_loss[n].
template <class T>
__global__ void sce_row_kernel(const T* x, const T* label, double* row_loss, int64_t N, int64_t K) {
  __shared__ double sh[kThreads];
  MXC_ROW_LOOP(n, N) {
    double lse = row_log_sum_exp(x + n * K, K, sh);
    if (threadIdx.x == 0) {
      double p = exp(double(x[n * K + int64_t(double(label[n]))]) - lse);
      row_loss[n] = -log(fmax(p, kMinProbability));
    }
  }
}

// The sum of the row losses, in row order (one thread: N is a batch size).
template <class T>
__global__ void sce_sum_kernel(const double* row_loss, int64_t N, T* out) {
  double s = 0;
  for (int64_t n = 0; n < N; ++n) s += row_loss[n];
  out[0] = T(facc_t<T>(s));
}

template <class T>
__global__ void sce_bwd_kernel(const T* og, const T* x, const T* label, T* dx, int64_t N, int64_t K) {
  using C = facc_t<T>;
  __shared__ double sh[kThreads];
  double g = double(og[0]);
  MXC_ROW_LOOP(n, N) {
    const T* row = x + n * K;
    double lse = row_log_sum_exp(row, K, sh);
    int64_t target = int64_t(double(label[n]));
    for (int64_t k = threadIdx.x; k < K; k += kThreads)
      dx[n * K + k] = T(C(g * (exp(double(row[k]) - lse) - (k == target ? 1.0 : 0.0))));
  }
}

int sce_fwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob &x = c->in[0], &label = c->in[1];
  int64_t N = x.shape[0], K = x.shape[1];
  MXC_SWITCH_FLOAT16(c, x.dtype, T, {
    int rc = check_labels<T>(c, label, K);
    if (rc) return rc;
    if (N == 0) {
      CU_CHECK_CALL(c, fill<T>(c, bptr<T>(c->out[0]), 1, T(0.0f)));
      return 0;
    }
    auto* row_loss = static_cast<double*>(workspace(c, sizeof(double) * size_t(N)));
    if (!row_loss) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
    sce_row_kernel<T><<<row_grid(N), kThreads, 0, stream_of(c)>>>(bptr<const T>(x), bptr<const T>(label), row_loss, N, K);
    CU_CHECK_LAUNCH(c);
    sce_sum_kernel<T><<<1, 1, 0, stream_of(c)>>>(row_loss, N, bptr<T>(c->out[0]));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

int sce_bwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob &x = c->in[1], &label = c->in[2];
  int64_t N = x.shape[0], K = x.shape[1];
  MXC_SWITCH_FLOAT16(c, x.dtype, T, {
    int rc = check_labels<T>(c, label, K);
    if (rc) return rc;
    if (N == 0 || K == 0) return 0;
    sce_bwd_kernel<T><<<row_grid(N), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<const T>(x),
                                                                 bptr<const T>(label), bptr<T>(c->out[0]), N, K);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ================================================================ SVMOutput
int svm_fwd(const mxl_cuda_call* c) {
  CU_CHECK_CALL(c, dcopy(c, c->out[0].data, c->in[0].data, size_t(blob_size(c->in[0])) * esize(c->in[0].dtype)));
  return 0;
}

// in: output (scores), label; the hinge-loss gradient, element by element.
template <class T>
__global__ void svm_bwd_kernel(const T* y, const T* label, T* dx, int64_t n, int64_t K, double margin_d,
                               double reg_d, bool linear) {
  using C = facc_t<T>;
  const C margin = C(margin_d), reg = C(reg_d);
  MXC_KERNEL_LOOP(i, n) {
    int64_t target = mxl::nnx::svm_target(double(label[i / K]), K);
    dx[i] = T(mxl::nnx::svm_grad(C(y[i]), i % K == target, margin, reg, linear));
  }
}

int svm_bwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob& y = c->in[0];
  int64_t n = blob_size(y), K = y.shape[y.ndim - 1];
  if (n == 0 || K == 0) return 0;
  MXC_SWITCH_FLOAT16(c, y.dtype, T, {
    svm_bwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(y), bptr<const T>(c->in[1]), bptr<T>(c->out[0]), n, K, attr_f(c, "margin"),
        attr_f(c, "regularization_coefficient"), attr_b(c, "use_linear"));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// =============================================================== ROIPooling
// One thread per output element (forward) or per (roi, channel, bin) (backward, which
// adds into a double copy of d(data) atomically); bins and maxima are
// nn_extra_kernels.h's, as on the CPU.
using mxl::nnx::RoiGeom;
RoiGeom roi_geom(const mxl_cuda_call* c, const mxl_cuda_blob& data, const mxl_cuda_blob& rois) {
  RoiGeom g;
  g.B = data.shape[0], g.C = data.shape[1], g.H = data.shape[2], g.W = data.shape[3], g.R = rois.shape[0];
  int64_t p[MXL_CUDA_MAX_DIM];
  c->attr->shape(c->attrs, "pooled_size", p);
  g.PH = p[0], g.PW = p[1];
  g.scale = attr_f(c, "spatial_scale");
  return g;
}

template <class T>
__global__ void roi_fwd_kernel(const T* x, const T* rois, T* y, RoiGeom g) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(i, g.R * g.C * g.PH * g.PW) {
    int64_t pw = i % g.PW, ph = (i / g.PW) % g.PH, c = (i / (g.PW * g.PH)) % g.C, r = i / (g.PW * g.PH * g.C);
    C best;  // 0 for an empty bin or an roi outside the batch
    mxl::nnx::roi_bin_max(g, x, rois + r * 5, c, ph, pw, &best);
    y[i] = T(best);
  }
}

template <class T>
__global__ void roi_bwd_kernel(const T* dy, const T* x, const T* rois, double* acc, RoiGeom g) {
  MXC_KERNEL_LOOP(i, g.R * g.C * g.PH * g.PW) {
    int64_t pw = i % g.PW, ph = (i / g.PW) % g.PH, c = (i / (g.PW * g.PH)) % g.C, r = i / (g.PW * g.PH * g.C);
    facc_t<T> best;
    int64_t arg = mxl::nnx::roi_bin_max(g, x, rois + r * 5, c, ph, pw, &best);
    if (arg >= 0) atomicAdd(acc + arg, double(dy[i]));
  }
}

int roi_fwd(const mxl_cuda_call* c) {
  RoiGeom g = roi_geom(c, c->in[0], c->in[1]);
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    roi_fwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<const T>(c->in[1]),
                                                                   bptr<T>(c->out[0]), g);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

int roi_bwd(const mxl_cuda_call* c) {
  RoiGeom g = roi_geom(c, c->in[1], c->in[2]);
  int64_t n = blob_size(c->in[0]), nx = blob_size(c->in[1]);
  MXC_SWITCH_FLOAT16(c, c->in[1].dtype, T, {
    CU_CHECK_CALL(c, fill<T>(c, bptr<T>(c->out[1]), blob_size(c->out[1]), T(0.0f)));
    if (nx == 0) return 0;
    auto* acc = static_cast<double*>(workspace(c, sizeof(double) * size_t(nx)));
    if (!acc) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
    CU_CHECK_CALL(c, cudaMemsetAsync(acc, 0, sizeof(double) * size_t(nx), stream_of(c)));
    if (n > 0) {
      roi_bwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<const T>(c->in[1]),
                                                                     bptr<const T>(c->in[2]), acc, g);
      CU_CHECK_LAUNCH(c);
    }
    from_double_kernel<T><<<grid_for(nx), kThreads, 0, stream_of(c)>>>(acc, bptr<T>(c->out[0]), nx);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ===================================================================== Crop
// The window (h, w) at (y, x) of every (N, C) plane; pure copies, so the kernels move
// elements of the dtype's size. The core's shape rule has checked the window.
struct CropDims {
  int64_t planes = 0, H = 0, W = 0, h = 0, w = 0, y = 0, x = 0;
};
int crop_dims(const mxl_cuda_call* c, const mxl_cuda_blob& data, const mxl_cuda_blob& small, CropDims* d) {
  d->planes = data.shape[0] * data.shape[1];
  d->H = data.shape[2], d->W = data.shape[3], d->h = small.shape[2], d->w = small.shape[3];
  if (attr_b(c, "center_crop")) {
    d->y = (d->H - d->h) / 2, d->x = (d->W - d->w) / 2;
    return 0;
  }
  int64_t off[MXL_CUDA_MAX_DIM];
  if (c->attr->shape(c->attrs, "offset", off) != 2)
    return call_fail(c, kInvalidArgument, "%s: parameter 'offset' must be (y, x)", c->op_name);
  d->y = off[0], d->x = off[1];
  return 0;
}

// Element i of the small (cropped) array and its position in the big one.
__device__ inline int64_t crop_big_index(const CropDims& d, int64_t i) {
  int64_t col = i % d.w, row = (i / d.w) % d.h, p = i / (d.w * d.h);
  return (p * d.H + d.y + row) * d.W + d.x + col;
}
template <class E>
__global__ void crop_gather_kernel(const E* big, E* small, CropDims d) {
  MXC_KERNEL_LOOP(i, d.planes * d.h * d.w) small[i] = big[crop_big_index(d, i)];
}
template <class E>
__global__ void crop_scatter_kernel(const E* small, E* big, CropDims d) {
  MXC_KERNEL_LOOP(i, d.planes * d.h * d.w) big[crop_big_index(d, i)] = small[i];
}

int crop_fwd(const mxl_cuda_call* c) {
  CropDims d;
  int rc = crop_dims(c, c->in[0], c->out[0], &d);
  if (rc) return rc;
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_BYTES(c->in[0].dtype, E, {
    crop_gather_kernel<E><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const E>(c->in[0]), bptr<E>(c->out[0]), d);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// in: ograd, data; out: d(data) = ograd inside the window, zeros elsewhere.
int crop_bwd(const mxl_cuda_call* c) {
  CropDims d;
  int rc = crop_dims(c, c->in[1], c->in[0], &d);
  if (rc) return rc;
  const mxl_cuda_blob& dx = c->out[0];
  CU_CHECK_CALL(c, cudaMemsetAsync(dx.data, 0, size_t(blob_size(dx)) * esize(dx.dtype), stream_of(c)));
  int64_t n = blob_size(c->in[0]);
  if (n == 0) return 0;
  MXC_SWITCH_BYTES(dx.dtype, E, {
    crop_scatter_kernel<E><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const E>(c->in[0]), bptr<E>(dx), d);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ========================================================== im2col / col2im
// The CPU's gathers (nn_extra_kernels.h): im2col one thread per column entry, col2im
// one thread per image element summing its column entries in kernel order. The core's
// shape rule has checked the parameters; the geometry is rebuilt from them here.
using mxl::nnx::BlockGeom;

// `spatial`: the image's spatial dims (data's for im2col, output_size for col2im).
int block_geom(const mxl_cuda_call* c, int64_t planes, const int64_t* spatial, BlockGeom* g) {
  int64_t v[MXL_CUDA_MAX_DIM];
  g->nd = c->attr->shape(c->attrs, "kernel", v);
  if (g->nd < 1 || g->nd > 3) return call_fail(c, kInvalidArgument, "%s: parameter 'kernel' must have 1, 2 or 3 dims", c->op_name);
  for (int i = 0; i < g->nd; ++i) g->k[i] = v[i];
  const char* names[3] = {"stride", "dilate", "pad"};
  int64_t* dst[3] = {g->s, g->d, g->p};
  for (int j = 0; j < 3; ++j) {
    int n = c->attr->shape(c->attrs, names[j], v);
    for (int i = 0; i < n && i < g->nd; ++i) dst[j][i] = v[i];
  }
  g->planes = planes;
  for (int i = 0; i < g->nd; ++i) {
    g->in[i] = spatial[i];
    g->out[i] = (g->in[i] + 2 * g->p[i] - (g->d[i] * (g->k[i] - 1) + 1)) / g->s[i] + 1;
    g->K *= g->k[i], g->L *= g->out[i], g->image *= g->in[i];
  }
  return 0;
}

template <class T>
__global__ void im2col_kernel(const T* x, T* col, BlockGeom g) {
  MXC_KERNEL_LOOP(i, g.planes * g.K * g.L) {
    int64_t l = i % g.L, kk = (i / g.L) % g.K, plane = i / (g.L * g.K);
    int64_t src = mxl::nnx::block_source(g, kk, l);
    col[i] = src < 0 ? T(0.0f) : x[plane * g.image + src];
  }
}

template <class T>
__global__ void col2im_kernel(const T* col, T* x, BlockGeom g) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(i, g.planes * g.image) {
    int64_t e = i % g.image, plane = i / g.image;
    x[i] = T(mxl::nnx::col2im_element<T, C>(g, col + plane * g.K * g.L, e));
  }
}

// im2col (data -> columns) and _backward_im2col (ograd columns -> d(data), data in in[1]).
int im2col_fwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob& x = c->in[0];
  BlockGeom g;
  int rc = block_geom(c, x.shape[0] * x.shape[1], x.shape + 2, &g);
  if (rc) return rc;
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT16(c, x.dtype, T, {
    im2col_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(x), bptr<T>(c->out[0]), g);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

int col2im_run(const mxl_cuda_call* c, const mxl_cuda_blob& col, const mxl_cuda_blob& img) {
  BlockGeom g;
  int rc = block_geom(c, img.shape[0] * img.shape[1], img.shape + 2, &g);
  if (rc) return rc;
  int64_t n = blob_size(img);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT16(c, img.dtype, T, {
    col2im_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(col), bptr<T>(img), g);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
int im2col_bwd(const mxl_cuda_call* c) { return col2im_run(c, c->in[0], c->out[0]); }
int col2im_fwd(const mxl_cuda_call* c) { return col2im_run(c, c->in[0], c->out[0]); }

}  // namespace

void register_nn_extra(KernelTable& t) {
  t.push_back({"GroupNorm", groupnorm_fwd});
  t.push_back({"_backward_GroupNorm", groupnorm_bwd});
  t.push_back({"softmax_cross_entropy", sce_fwd});
  t.push_back({"_backward_softmax_cross_entropy", sce_bwd});
  t.push_back({"SVMOutput", svm_fwd});
  t.push_back({"_backward_SVMOutput", svm_bwd});
  t.push_back({"ROIPooling", roi_fwd});
  t.push_back({"_backward_ROIPooling", roi_bwd});
  t.push_back({"Crop", crop_fwd});
  t.push_back({"_backward_Crop", crop_bwd});
  t.push_back({"im2col", im2col_fwd});
  t.push_back({"_backward_im2col", im2col_bwd});
  t.push_back({"col2im", col2im_fwd});
}

}  // namespace mxlcuda
