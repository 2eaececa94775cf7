// CUDA kernels of the operators in core/op/detection.cc. The per-element formulas are
// the CPU's own (core/op/detection_kernels.h); float16 computes in float. No kernel
// round-trips through the host, except to report a bad index (box_encode's match,
// ROIAlign's batch) as the CPU does.
//
// BilinearResize2D's gradient scatters into a double copy of d(data) atomically (the CPU
// sums each plane in output order: the same values up to rounding of the double sums);
// AdaptiveAvgPooling2D's gradient gathers per input pixel, as on the CPU.
#include "common.cuh"
#include "core/op/detection_kernels.h"

namespace mxlcuda {
namespace {

namespace det = mxl::det;

// Input planes of H x W and output planes of Ho x Wo (planes = batch * channels).
struct PlaneDims {
  int64_t planes = 0, H = 0, W = 0, Ho = 0, Wo = 0;
};
PlaneDims plane_dims(const mxl_cuda_blob& x, const mxl_cuda_blob& y) {
  PlaneDims d;
  d.planes = x.shape[0] * x.shape[1], d.H = x.shape[2], d.W = x.shape[3], d.Ho = y.shape[2], d.Wo = y.shape[3];
  return d;
}

// ======================================================= BilinearResize2D
// One thread per output element.
template <class T>
__global__ void resize_fwd_kernel(const T* x, T* y, PlaneDims d, bool align) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(i, d.planes * d.Ho * d.Wo) {
    int64_t ow = i % d.Wo, oh = (i / d.Wo) % d.Ho, plane = i / (d.Wo * d.Ho);
    det::Lerp<C> ph = det::resize_source<C>(oh, d.H, d.Ho, align);
    det::Lerp<C> pw = det::resize_source<C>(ow, d.W, d.Wo, align);
    const T *row0 = x + (plane * d.H + ph.i0) * d.W, *row1 = x + (plane * d.H + ph.i1) * d.W;
    C top = (C(1) - pw.lambda) * C(row0[pw.i0]) + pw.lambda * C(row0[pw.i1]);
    C bottom = (C(1) - pw.lambda) * C(row1[pw.i0]) + pw.lambda * C(row1[pw.i1]);
    y[i] = T((C(1) - ph.lambda) * top + ph.lambda * bottom);
  }
}

// One thread per ograd element, adding into acc (a double d(data)) atomically.
template <class T>
__global__ void resize_bwd_kernel(const T* og, double* acc, PlaneDims d, bool align) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(i, d.planes * d.Ho * d.Wo) {
    int64_t ow = i % d.Wo, oh = (i / d.Wo) % d.Ho, plane = i / (d.Wo * d.Ho);
    det::Lerp<C> ph = det::resize_source<C>(oh, d.H, d.Ho, align);
    det::Lerp<C> pw = det::resize_source<C>(ow, d.W, d.Wo, align);
    double g = double(og[i]);
    double h0 = double(C(1) - ph.lambda), h1 = double(ph.lambda);
    double w0 = double(C(1) - pw.lambda), w1 = double(pw.lambda);
    double* a = acc + plane * d.H * d.W;
    atomicAdd(a + ph.i0 * d.W + pw.i0, g * h0 * w0);
    atomicAdd(a + ph.i0 * d.W + pw.i1, g * h0 * w1);
    atomicAdd(a + ph.i1 * d.W + pw.i0, g * h1 * w0);
    atomicAdd(a + ph.i1 * d.W + pw.i1, g * h1 * w1);
  }
}

int resize_fwd(const mxl_cuda_call* c) {
  PlaneDims d = plane_dims(c->in[0], c->out[0]);
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  bool align = attr_b(c, "align_corners");
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    resize_fwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<T>(c->out[0]), d,
                                                                       align);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// in: ograd, data (for its shape); out: d(data).
int resize_bwd(const mxl_cuda_call* c) {
  PlaneDims d = plane_dims(c->in[1], c->in[0]);
  int64_t n = blob_size(c->in[0]), nx = blob_size(c->out[0]);
  if (nx == 0) return 0;
  bool align = attr_b(c, "align_corners");
  auto* acc = static_cast<double*>(workspace(c, sizeof(double) * size_t(nx)));
  if (!acc) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  CU_CHECK_CALL(c, cudaMemsetAsync(acc, 0, sizeof(double) * size_t(nx), stream_of(c)));
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    if (n > 0) {
      resize_bwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), acc, d, align);
      CU_CHECK_LAUNCH(c);
    }
    from_double_kernel<T><<<grid_for(nx), kThreads, 0, stream_of(c)>>>(acc, bptr<T>(c->out[0]), nx);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ================================================== AdaptiveAvgPooling2D
// One thread per output bin.
template <class T>
__global__ void adaptive_fwd_kernel(const T* x, T* y, PlaneDims d) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(i, d.planes * d.Ho * d.Wo) {
    int64_t ow = i % d.Wo, oh = (i / d.Wo) % d.Ho, plane = i / (d.Wo * d.Ho);
    y[i] = T(det::adaptive_pool_bin<T, C>(x + plane * d.H * d.W, oh, ow, d.H, d.W, d.Ho, d.Wo));
  }
}

// One thread per input pixel, gathering from the bins that hold it.
template <class T>
__global__ void adaptive_bwd_kernel(const T* og, T* dx, PlaneDims d) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(i, d.planes * d.H * d.W) {
    int64_t w = i % d.W, h = (i / d.W) % d.H, plane = i / (d.W * d.H);
    dx[i] = T(det::adaptive_pool_grad<T, C>(og + plane * d.Ho * d.Wo, h, w, d.H, d.W, d.Ho, d.Wo));
  }
}

int adaptive_fwd(const mxl_cuda_call* c) {
  PlaneDims d = plane_dims(c->in[0], c->out[0]);
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    adaptive_fwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<T>(c->out[0]),
                                                                         d);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

int adaptive_bwd(const mxl_cuda_call* c) {
  PlaneDims d = plane_dims(c->in[1], c->in[0]);
  int64_t nx = blob_size(c->out[0]);
  if (nx == 0) return 0;
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    adaptive_bwd_kernel<T><<<grid_for(nx), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]),
                                                                          bptr<T>(c->out[0]), d);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}


// ================================================================ box_nms
// Per batch: candidates ranked in parallel (one thread per row: its place in the
// best-first order), then one block per batch visits them in order, its threads
// suppressing the later rows together, then the kept rows are written out. The
// suppression is recomputed from data by the backward op.
det::NmsParams nms_params(const mxl_cuda_call* c) {
  det::NmsParams p;
  p.overlap_thresh = attr_f(c, "overlap_thresh"), p.valid_thresh = attr_f(c, "valid_thresh");
  p.topk = attr_i(c, "topk"), p.coord_start = attr_i(c, "coord_start"), p.score_index = attr_i(c, "score_index");
  p.id_index = attr_i(c, "id_index"), p.background_id = attr_i(c, "background_id");
  p.force_suppress = attr_b(c, "force_suppress");
  p.in_center = attr_s(c, "in_format") == "center", p.out_center = attr_s(c, "out_format") == "center";
  return p;
}

struct NmsDims {
  int64_t B = 0, N = 0, K = 0;
};
NmsDims nms_dims(const mxl_cuda_blob& x) {
  NmsDims d;
  d.K = x.shape[x.ndim - 1], d.N = x.shape[x.ndim - 2];
  d.B = d.N * d.K > 0 ? blob_size(x) / (d.N * d.K) : 0;
  return d;
}

// order[b, rank] = row for every candidate row (its rank: the candidates before it).
template <class T>
__global__ void nms_rank_kernel(const T* data, int64_t* order, NmsDims d, det::NmsParams p) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(e, d.B * d.N) {
    int64_t b = e / d.N, i = e % d.N;
    const T* x = data + b * d.N * d.K;
    if (!det::nms_candidate<T, C>(x + i * d.K, p)) continue;
    int64_t rank = 0;
    for (int64_t j = 0; j < d.N; ++j)
      if (j != i && det::nms_candidate<T, C>(x + j * d.K, p) && det::nms_before(x, d.K, p.score_index, j, i)) ++rank;
    order[b * d.N + rank] = i;
  }
}

// Scratch of one NMS run over B batches of N rows.
struct NmsWork {
  int64_t *order, *kept, *nkept, *ncand;  // (B, N), (B, N), (B,), (B,)
  int* removed;                           // (B, N): suppressed or beyond topk
};
size_t nms_work_bytes(const NmsDims& d) {
  return sizeof(int64_t) * size_t(2 * d.B * d.N + 2 * d.B) + sizeof(int) * size_t(d.B * d.N);
}
NmsWork nms_work(char* ws, const NmsDims& d) {
  NmsWork w;
  w.order = reinterpret_cast<int64_t*>(ws);
  w.kept = w.order + d.B * d.N;
  w.nkept = w.kept + d.B * d.N;
  w.ncand = w.nkept + d.B;
  w.removed = reinterpret_cast<int*>(w.ncand + d.B);
  return w;
}

// One block per batch: counts its candidates (ncand), visits the first topk best first,
// its threads suppressing the later rows together, and lists the kept rows in kept[b, :]
// (their number in nkept[b]).
template <class T>
__global__ void nms_suppress_kernel(const T* data, NmsWork w, NmsDims d, det::NmsParams p) {
  using C = facc_t<T>;
  __shared__ int64_t count, visited;
  MXC_ROW_LOOP(b, d.B) {
    const T* x = data + b * d.N * d.K;
    const int64_t* ord = w.order + b * d.N;
    int* rm = w.removed + b * d.N;
    if (threadIdx.x == 0) {
      count = 0;
      for (int64_t i = 0; i < d.N; ++i) count += det::nms_candidate<T, C>(x + i * d.K, p) ? 1 : 0;
      visited = p.topk > 0 && count > p.topk ? p.topk : count;
    }
    __syncthreads();
    for (int64_t r = threadIdx.x; r < count; r += blockDim.x) rm[r] = r < visited ? 0 : 1;
    __syncthreads();
    for (int64_t r = 0; r < visited; ++r) {
      if (!rm[r]) {
        const T* kept_row = x + ord[r] * d.K;
        for (int64_t q = r + 1 + threadIdx.x; q < visited; q += blockDim.x)
          if (!rm[q] && det::nms_suppresses<T, C>(kept_row, x + ord[q] * d.K, p)) rm[q] = 1;
      }
      __syncthreads();
    }
    if (threadIdx.x == 0) {
      int64_t n = 0;
      for (int64_t r = 0; r < visited; ++r)
        if (!rm[r]) w.kept[b * d.N + n++] = ord[r];
      w.nkept[b] = n;
      w.ncand[b] = count;
    }
    __syncthreads();
  }
}

// One thread per output row: a kept row (converted) or -1s.
template <class T>
__global__ void nms_write_kernel(const T* data, const int64_t* kept, const int64_t* nkept, T* out, NmsDims d,
                                 det::NmsParams p) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(e, d.B * d.N) {
    int64_t b = e / d.N, r = e % d.N;
    T* dst = out + e * d.K;
    if (r >= nkept[b]) {
      for (int64_t k = 0; k < d.K; ++k) dst[k] = T(-1.0f);
      continue;
    }
    const T* src = data + (b * d.N + kept[b * d.N + r]) * d.K;
    for (int64_t k = 0; k < d.K; ++k) dst[k] = src[k];
    det::convert_box<T, C>(src + p.coord_start, dst + p.coord_start, p.in_center, p.out_center);
  }
}

// One thread per kept output row: its gradient back to its input row (dx zeroed first).
template <class T>
__global__ void nms_grad_kernel(const T* og, const int64_t* kept, const int64_t* nkept, T* dx, NmsDims d) {
  MXC_KERNEL_LOOP(e, d.B * d.N) {
    int64_t b = e / d.N, r = e % d.N;
    if (r >= nkept[b]) continue;
    T* dst = dx + (b * d.N + kept[b * d.N + r]) * d.K;
    for (int64_t k = 0; k < d.K; ++k) dst[k] = og[e * d.K + k];
  }
}

// Runs the suppression of data into w.
template <class T>
int nms_launch(const mxl_cuda_call* c, const T* data, const det::NmsParams& p, const NmsDims& d, const NmsWork& w) {
  nms_rank_kernel<T><<<grid_for(d.B * d.N), kThreads, 0, stream_of(c)>>>(data, w.order, d, p);
  CU_CHECK_LAUNCH(c);
  nms_suppress_kernel<T><<<row_grid(d.B), kThreads, 0, stream_of(c)>>>(data, w, d, p);
  CU_CHECK_LAUNCH(c);
  return 0;
}

// box_nms's run: a workspace of its own.
template <class T>
int nms_run(const mxl_cuda_call* c, const mxl_cuda_blob& data, const det::NmsParams& p, const NmsDims& d,
            NmsWork* w) {
  char* ws = static_cast<char*>(workspace(c, nms_work_bytes(d)));
  if (!ws) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  *w = nms_work(ws, d);
  return nms_launch<T>(c, bptr<const T>(data), p, d, *w);
}

int nms_fwd(const mxl_cuda_call* c) {
  NmsDims d = nms_dims(c->in[0]);
  if (d.B * d.N == 0) return 0;
  det::NmsParams p = nms_params(c);
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    NmsWork w;
    if (int rc = nms_run<T>(c, c->in[0], p, d, &w)) return rc;
    nms_write_kernel<T><<<grid_for(d.B * d.N), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), w.kept,
                                                                             w.nkept, bptr<T>(c->out[0]), d, p);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// in: ograd, data; out: d(data).
int nms_bwd(const mxl_cuda_call* c) {
  NmsDims d = nms_dims(c->in[1]);
  int64_t nx = blob_size(c->out[0]);
  if (nx == 0) return 0;
  CU_CHECK_CALL(c, cudaMemsetAsync(c->out[0].data, 0, size_t(nx) * esize(c->out[0].dtype), stream_of(c)));
  if (d.B * d.N == 0) return 0;
  det::NmsParams p = nms_params(c);
  MXC_SWITCH_FLOAT16(c, c->in[1].dtype, T, {
    NmsWork w;
    if (int rc = nms_run<T>(c, c->in[1], p, d, &w)) return rc;
    nms_grad_kernel<T><<<grid_for(d.B * d.N), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), w.kept,
                                                                            w.nkept, bptr<T>(c->out[0]), d);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ================================================================ box_iou
// One thread per (lhs box, rhs box) pair.
template <class T>
__global__ void iou_kernel(const T* lhs, const T* rhs, T* out, int64_t n, int64_t m, bool center) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(e, n * m) {
    out[e] = T(det::box_iou<C>(det::load_box<T, C>(lhs + (e / m) * 4, center),
                               det::load_box<T, C>(rhs + (e % m) * 4, center)));
  }
}

int iou_fwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->in[0]) / 4, m = blob_size(c->in[1]) / 4;
  if (n * m == 0) return 0;
  bool center = attr_s(c, "format") == "center";
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    iou_kernel<T><<<grid_for(n * m), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<const T>(c->in[1]),
                                                                   bptr<T>(c->out[0]), n, m, center);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ===================================================== bipartite_matching
// Block-wide best of each thread's candidate (value v at index i; i < 0: none): the
// highest value (the lowest with `lowest`), ties to the lowest index, left in sh_v[0]
// and sh_i[0] for every thread to read after the call.
__device__ inline void block_best(double v, int64_t i, double* sh_v, int64_t* sh_i, bool lowest) {
  sh_v[threadIdx.x] = v, sh_i[threadIdx.x] = i;
  __syncthreads();
  if (threadIdx.x == 0)
    for (unsigned t = 1; t < blockDim.x; ++t) {
      if (sh_i[t] < 0) continue;
      bool better = sh_i[0] < 0 || (lowest ? sh_v[t] < sh_v[0] : sh_v[t] > sh_v[0]) ||
                    (sh_v[t] == sh_v[0] && sh_i[t] < sh_i[0]);
      if (better) sh_v[0] = sh_v[t], sh_i[0] = sh_i[t];
    }
  __syncthreads();
}

// One block per batch: each round matches the best pair whose row and column are both
// free (what visiting the pairs in sorted order does), until none is beyond the
// threshold or topk matches are made: min(N, M) rounds of N * M / threads each.
template <class T>
__global__ void match_kernel(const T* s, T* rows, T* cols, int64_t B, int64_t N, int64_t M, bool ascend,
                             double threshold, int64_t topk) {
  using C = facc_t<T>;
  __shared__ double sh_v[kThreads];
  __shared__ int64_t sh_i[kThreads];
  MXC_ROW_LOOP(b, B) {
    const T* x = s + b * N * M;
    T *rb = rows + b * N, *cb = cols + b * M;
    for (int64_t i = threadIdx.x; i < N; i += blockDim.x) rb[i] = T(-1.0f);
    for (int64_t j = threadIdx.x; j < M; j += blockDim.x) cb[j] = T(-1.0f);
    __syncthreads();
    for (int64_t matched = 0; topk <= 0 || matched < topk; ++matched) {
      double bv = 0;
      int64_t bi = -1;
      for (int64_t e = threadIdx.x; e < N * M; e += blockDim.x) {
        if (float(rb[e / M]) != -1.0f || float(cb[e % M]) != -1.0f) continue;
        double v = double(x[e]);
        if (bi < 0 || (ascend ? v < bv : v > bv)) bv = v, bi = e;
      }
      block_best(bv, bi, sh_v, sh_i, ascend);
      const int64_t e = sh_i[0];
      if (e < 0 || !det::match_passes<C>(C(sh_v[0]), C(threshold), ascend)) break;
      if (threadIdx.x == 0) rb[e / M] = T(float(e % M)), cb[e % M] = T(float(e / M));
      __syncthreads();
    }
    __syncthreads();
  }
}

int match_fwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob& x = c->in[0];
  int64_t M = x.shape[x.ndim - 1], N = x.shape[x.ndim - 2];
  int64_t B = N * M > 0 ? blob_size(x) / (N * M) : 0;
  if (B == 0) return 0;
  bool ascend = attr_b(c, "is_ascend");
  double threshold = attr_f(c, "threshold");
  int64_t topk = attr_i(c, "topk");
  MXC_SWITCH_FLOAT16(c, x.dtype, T, {
    match_kernel<T><<<row_grid(B), kThreads, 0, stream_of(c)>>>(bptr<const T>(x), bptr<T>(c->out[0]),
                                                                 bptr<T>(c->out[1]), B, N, M, ascend, threshold, topk);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ===================================================== box_encode / decode
struct DecodeParams {
  double std[4], clip;
  bool center;
};

// One thread per anchor; a positive anchor whose match does not index refs sets *bad
// to its flat index + 1 (the call then fails, as the CPU does).
template <class T>
__global__ void encode_kernel(const T* samples, const T* matches, const T* anchors, const T* refs, const T* means,
                              const T* stds, T* out, T* mask, int64_t BN, int64_t N, int64_t M,
                              unsigned long long* bad) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(i, BN) {
    bool pos = double(samples[i]) > 0.5;
    double mv = double(matches[i]);
    if (pos && !(mv >= 0 && mv < double(M))) {
      atomicMin(bad, (unsigned long long)(i + 1));
      pos = false;
    }
    if (pos) det::encode_box<T, C>(anchors + i * 4, refs + ((i / N) * M + int64_t(mv)) * 4, means, stds, out + i * 4);
    for (int k = 0; k < 4; ++k) {
      if (!pos) out[i * 4 + k] = T(0.0f);
      mask[i * 4 + k] = T(pos ? 1.0f : 0.0f);
    }
  }
}

int encode_fwd(const mxl_cuda_call* c) {
  int64_t B = c->in[0].shape[0], N = c->in[0].shape[1], M = c->in[3].shape[1];
  if (B * N == 0) return 0;
  auto* bad = static_cast<unsigned long long*>(workspace(c, sizeof(unsigned long long)));
  if (!bad) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  unsigned long long none = ~0ull, host = 0;
  CU_CHECK_CALL(c, cudaMemcpyAsync(bad, &none, sizeof none, cudaMemcpyHostToDevice, stream_of(c)));
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    encode_kernel<T><<<grid_for(B * N), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(c->in[0]), bptr<const T>(c->in[1]), bptr<const T>(c->in[2]), bptr<const T>(c->in[3]),
        bptr<const T>(c->in[4]), bptr<const T>(c->in[5]), bptr<T>(c->out[0]), bptr<T>(c->out[1]), B * N, N, M, bad);
  });
  CU_CHECK_LAUNCH(c);
  // A device -> host round trip, only to report a bad index as the CPU does.
  CU_CHECK_CALL(c, cudaMemcpyAsync(&host, bad, sizeof host, cudaMemcpyDeviceToHost, stream_of(c)));
  CU_CHECK_CALL(c, cudaStreamSynchronize(stream_of(c)));
  if (host != none) {
    long long i = (long long)(host - 1);
    return call_fail(c, kIndex, "%s: matches[%lld, %lld] of a positive sample must index refs in [0, %lld)", c->op_name,
                     i / (long long)N, i % (long long)N, (long long)M);
  }
  return 0;
}

// One thread per box.
template <class T>
__global__ void decode_kernel(const T* x, const T* anchors, T* out, int64_t boxes, int64_t N, DecodeParams p) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(i, boxes) {
    const C stds[4] = {C(p.std[0]), C(p.std[1]), C(p.std[2]), C(p.std[3])};
    det::decode_box<T, C>(x + i * 4, anchors + (i % N) * 4, stds, C(p.clip), p.center, out + i * 4);
  }
}

int decode_fwd(const mxl_cuda_call* c) {
  int64_t boxes = blob_size(c->in[0]) / 4, N = c->in[0].shape[1];
  if (boxes == 0) return 0;
  DecodeParams p;
  const char* names[4] = {"std0", "std1", "std2", "std3"};
  for (int k = 0; k < 4; ++k) p.std[k] = attr_f(c, names[k]);
  p.clip = attr_f(c, "clip");
  p.center = attr_s(c, "format") == "center";
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    decode_kernel<T><<<grid_for(boxes), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<const T>(c->in[1]),
                                                                       bptr<T>(c->out[0]), boxes, N, p);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// =============================================================== ROIAlign
// Forward: one thread per output bin. Backward: one thread per ograd bin, adding its
// samples' shares into a double d(data) atomically (the CPU sums per plane in roi
// order: the same values up to rounding of the double sums). A roi whose batch index
// is not below the data's batch size sets *bad (the call then fails, as on the CPU).
struct RoiParams {
  int64_t N, C, H, W, R, Co, ph, pw, sample_ratio;
  double scale;
  bool ps, aligned;
};

RoiParams roi_params(const mxl_cuda_call* c, const mxl_cuda_blob& data, const mxl_cuda_blob& out) {
  RoiParams p;
  p.N = data.shape[0], p.C = data.shape[1], p.H = data.shape[2], p.W = data.shape[3];
  p.R = out.shape[0], p.Co = out.shape[1], p.ph = out.shape[2], p.pw = out.shape[3];
  p.sample_ratio = attr_i(c, "sample_ratio");
  p.scale = attr_f(c, "spatial_scale");
  p.ps = attr_b(c, "position_sensitive"), p.aligned = attr_b(c, "aligned");
  return p;
}

template <class T, class C>
__device__ inline det::RoiGeom<C> roi_geom(const T* rois, int64_t r, const RoiParams& p, unsigned long long* bad) {
  det::RoiGeom<C> g = det::roi_geometry<T, C>(rois + r * 5, C(p.scale), p.ph, p.pw, p.sample_ratio, p.aligned);
  if (g.batch >= p.N) {
    atomicMin(bad, (unsigned long long)r);
    g.batch = -1;
  }
  return g;
}

template <class T>
__global__ void roi_fwd_kernel(const T* x, const T* rois, T* y, RoiParams p, unsigned long long* bad) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(e, p.R * p.Co * p.ph * p.pw) {
    int64_t j = e % p.pw, i = (e / p.pw) % p.ph, c = (e / (p.pw * p.ph)) % p.Co, r = e / (p.pw * p.ph * p.Co);
    det::RoiGeom<C> g = roi_geom<T, C>(rois, r, p, bad);
    if (g.batch < 0) {
      y[e] = T(0.0f);
      continue;
    }
    const T* plane = x + (g.batch * p.C + det::roi_channel(c, i, j, p.ph, p.pw, p.ps)) * p.H * p.W;
    y[e] = T(det::roi_bin<T, C>(plane, g, i, j, p.H, p.W));
  }
}

template <class T>
__global__ void roi_bwd_kernel(const T* og, const T* rois, double* acc, RoiParams p, unsigned long long* bad) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(e, p.R * p.Co * p.ph * p.pw) {
    int64_t j = e % p.pw, i = (e / p.pw) % p.ph, c = (e / (p.pw * p.ph)) % p.Co, r = e / (p.pw * p.ph * p.Co);
    det::RoiGeom<C> g = roi_geom<T, C>(rois, r, p, bad);
    if (g.batch < 0) continue;
    double* plane = acc + (g.batch * p.C + det::roi_channel(c, i, j, p.ph, p.pw, p.ps)) * p.H * p.W;
    double gv = double(C(og[e]) / g.count);
    for (int64_t iy = 0; iy < g.grid_h; ++iy)
      for (int64_t ix = 0; ix < g.grid_w; ++ix) {
        det::RoiPoint<C> pt = det::roi_sample<C>(g, i, j, iy, ix, p.H, p.W);
        for (int k = 0; k < pt.n; ++k) atomicAdd(plane + pt.off[k], gv * double(pt.w[k]));
      }
  }
}

// Reads *bad back (a device -> host round trip, only to report a bad batch index).
int roi_check(const mxl_cuda_call* c, unsigned long long* bad, const RoiParams& p) {
  unsigned long long host = 0;
  CU_CHECK_CALL(c, cudaMemcpyAsync(&host, bad, sizeof host, cudaMemcpyDeviceToHost, stream_of(c)));
  CU_CHECK_CALL(c, cudaStreamSynchronize(stream_of(c)));
  if (host != ~0ull)
    return call_fail(c, kIndex, "%s: rois[%lld] has a batch index out of range for data of batch size %lld",
                     c->op_name, (long long)host, (long long)p.N);
  return 0;
}

int roi_fwd(const mxl_cuda_call* c) {
  RoiParams p = roi_params(c, c->in[0], c->out[0]);
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  auto* bad = static_cast<unsigned long long*>(workspace(c, sizeof(unsigned long long)));
  if (!bad) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  CU_CHECK_CALL(c, cudaMemsetAsync(bad, 0xff, sizeof(unsigned long long), stream_of(c)));
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    roi_fwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<const T>(c->in[1]),
                                                                    bptr<T>(c->out[0]), p, bad);
  });
  CU_CHECK_LAUNCH(c);
  return roi_check(c, bad, p);
}

// in: ograd, data, rois; out: d(data).
int roi_bwd(const mxl_cuda_call* c) {
  RoiParams p = roi_params(c, c->in[1], c->in[0]);
  int64_t n = blob_size(c->in[0]), nx = blob_size(c->out[0]);
  if (nx == 0) return 0;
  char* ws = static_cast<char*>(workspace(c, sizeof(double) * size_t(nx) + sizeof(unsigned long long)));
  if (!ws) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  auto* acc = reinterpret_cast<double*>(ws);
  auto* bad = reinterpret_cast<unsigned long long*>(acc + nx);
  CU_CHECK_CALL(c, cudaMemsetAsync(acc, 0, sizeof(double) * size_t(nx), stream_of(c)));
  CU_CHECK_CALL(c, cudaMemsetAsync(bad, 0xff, sizeof(unsigned long long), stream_of(c)));
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    if (n > 0) {
      roi_bwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<const T>(c->in[2]),
                                                                      acc, p, bad);
      CU_CHECK_LAUNCH(c);
    }
    from_double_kernel<T><<<grid_for(nx), kThreads, 0, stream_of(c)>>>(acc, bptr<T>(c->out[0]), nx);
  });
  CU_CHECK_LAUNCH(c);
  return roi_check(c, bad, p);
}

// ========================================================== MultiBoxPrior
// The anchors' half sizes go to the device once per call; one thread per anchor.
template <class T>
__global__ void prior_kernel(const double* half, T* out, int64_t H, int64_t W, int64_t A, double step_y,
                             double step_x, double off_y, double off_x, bool clip) {
  MXC_KERNEL_LOOP(e, H * W * A) {
    int64_t k = e % A, cell = e / A;
    det::prior_box<T>(cell / W, cell % W, half + 2 * k, step_y, step_x, off_y, off_x, clip, out + e * 4);
  }
}

std::vector<double> float_tuple(const mxl_cuda_call* c, const char* name) {
  std::vector<double> v;
  det::parse_float_tuple(attr_s(c, name), &v);  // checked by the core's shape inference
  return v;
}

int prior_fwd(const mxl_cuda_call* c) {
  int64_t H = c->in[0].shape[2], W = c->in[0].shape[3];
  det::PriorSpec p = det::prior_spec(float_tuple(c, "sizes"), float_tuple(c, "ratios"), float_tuple(c, "steps"),
                                     float_tuple(c, "offsets"), H, W);
  int64_t A = int64_t(p.half.size() / 2);
  if (H * W * A == 0) return 0;
  auto* half = static_cast<double*>(workspace(c, sizeof(double) * p.half.size()));
  if (!half) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  CU_CHECK_CALL(c, cudaMemcpyAsync(half, p.half.data(), sizeof(double) * p.half.size(), cudaMemcpyHostToDevice,
                                   stream_of(c)));
  bool clip = attr_b(c, "clip");
  MXC_SWITCH_FLOAT16(c, c->out[0].dtype, T, {
    prior_kernel<T><<<grid_for(H * W * A), kThreads, 0, stream_of(c)>>>(half, bptr<T>(c->out[0]), H, W, A, p.step_y,
                                                                         p.step_x, p.off_y, p.off_x, clip);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ====================================================== MultiBoxDetection
// One thread per anchor makes the detection rows (B, A, 6); box_nms's suppression runs
// over them; one thread per output row writes the sorted rows, id -1 where suppressed.
struct DetectParams {
  int64_t classes, A, background_id;
  double threshold, var[4];
  bool clip;
};

template <class T>
__global__ void detect_rows_kernel(const T* prob, const T* loc, const T* anchor, T* rows, int64_t B, DetectParams p) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(e, B * p.A) {
    int64_t b = e / p.A, a = e % p.A;
    const C var[4] = {C(p.var[0]), C(p.var[1]), C(p.var[2]), C(p.var[3])};
    det::detection_row<T, C>(prob + b * p.classes * p.A, loc + b * p.A * 4, anchor, p.classes, p.A, a,
                             p.background_id, p.threshold, var, p.clip, rows + e * 6);
  }
}

template <class T>
__global__ void detect_write_kernel(const T* rows, NmsWork w, T* out, NmsDims d) {
  MXC_KERNEL_LOOP(e, d.B * d.N) {
    int64_t b = e / d.N, r = e % d.N;
    T* dst = out + e * 6;
    if (r >= w.ncand[b]) {
      for (int k = 0; k < 6; ++k) dst[k] = T(-1.0f);
      continue;
    }
    const T* src = rows + (b * d.N + w.order[b * d.N + r]) * 6;
    for (int k = 0; k < 6; ++k) dst[k] = src[k];
    if (w.removed[b * d.N + r]) dst[0] = T(-1.0f);
  }
}

int detect_fwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob& prob = c->in[0];
  DetectParams p;
  int64_t B = prob.shape[0];
  p.classes = prob.shape[1], p.A = prob.shape[2];
  p.background_id = attr_i(c, "background_id");
  p.threshold = attr_f(c, "threshold");
  std::vector<double> var = float_tuple(c, "variances");
  for (int k = 0; k < 4; ++k) p.var[k] = var[size_t(k)];
  p.clip = attr_b(c, "clip");
  det::NmsParams nms = det::detection_nms(attr_f(c, "nms_threshold"), attr_i(c, "nms_topk"), attr_b(c, "force_suppress"));
  NmsDims d;
  d.B = B, d.N = p.A, d.K = 6;
  if (B * p.A == 0) return 0;
  MXC_SWITCH_FLOAT16(c, prob.dtype, T, {
    size_t work = nms_work_bytes(d);
    char* ws = static_cast<char*>(workspace(c, work + sizeof(T) * size_t(B * p.A * 6)));
    if (!ws) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
    NmsWork w = nms_work(ws, d);
    T* rows = reinterpret_cast<T*>(ws + work);
    detect_rows_kernel<T><<<grid_for(B * p.A), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(prob), bptr<const T>(c->in[1]), bptr<const T>(c->in[2]), rows, B, p);
    CU_CHECK_LAUNCH(c);
    if (int rc = nms_launch<T>(c, rows, nms, d, w)) return rc;
    detect_write_kernel<T><<<grid_for(B * p.A), kThreads, 0, stream_of(c)>>>(rows, w, bptr<T>(c->out[0]), d);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ========================================================= MultiBoxTarget
// One block per sample: its threads find each anchor's best ground truth, then match
// ground truths to anchors one at a time (a block-wide argmax over the free pairs per
// round), match the rest by threshold, rank the mining candidates (each thread counts
// the candidates before its own), and write the targets.
struct TargetParams {
  int64_t A, L, width, classes, min_negative;
  double overlap_threshold, ignore_label, ratio, negative_thresh, var[4];
};

// Per-anchor scratch of one sample (A entries each) and the ground truths' flags (L).
struct TargetWork {
  double *best_iou, *score;
  int64_t *best, *match;
  int *flag, *used;
};

template <class T>
__global__ void target_kernel(const T* anchors, const T* labels, const T* cls_pred, T* loc, T* mask, T* cls_t,
                              int64_t B, TargetParams t, TargetWork w) {
  using C = facc_t<T>;
  __shared__ double sh_v[kThreads];
  __shared__ int64_t sh_i[kThreads];
  __shared__ int64_t G, positives, negatives;
  MXC_ROW_LOOP(b, B) {
    const T* label = labels + b * t.L * t.width;
    const T* cls = cls_pred + b * t.classes * t.A;
    double* best_iou = w.best_iou + b * t.A;
    double* score = w.score + b * t.A;
    int64_t *best = w.best + b * t.A, *match = w.match + b * t.A;
    int* flag = w.flag + b * t.A;
    int* used = w.used + b * t.L;
    if (threadIdx.x == 0) {
      G = det::valid_labels(label, t.L, t.width);
    }
    __syncthreads();
    for (int64_t k = threadIdx.x; k < G; k += blockDim.x) used[k] = 0;
    for (int64_t j = threadIdx.x; j < t.A; j += blockDim.x) {
      C v;
      best[j] = det::best_gt<T, C>(anchors + j * 4, label, G, t.width, &v);
      best_iou[j] = double(v);
      match[j] = -1;
    }
    __syncthreads();
    for (int64_t round = 0; round < G; ++round) {
      // the best free pair: highest IoU, then lowest anchor, then lowest ground truth
      double bv = -1;
      int64_t bi = -1;
      for (int64_t e = threadIdx.x; e < t.A * G; e += blockDim.x) {
        int64_t j = e / G, k = e % G;
        if (match[j] >= 0 || used[k]) continue;
        double v = double(det::anchor_gt_iou<T, C>(anchors + j * 4, label + k * t.width));
        if (bi < 0 || v > bv) bv = v, bi = e;
      }
      block_best(bv, bi, sh_v, sh_i, false);
      if (sh_i[0] < 0 || !(C(sh_v[0]) > C(1e-6))) break;
      if (threadIdx.x == 0) {
        match[sh_i[0] / G] = sh_i[0] % G;
        used[sh_i[0] % G] = 1;
      }
      __syncthreads();
    }
    for (int64_t j = threadIdx.x; j < t.A; j += blockDim.x) {
      if (match[j] < 0 && best[j] >= 0 && C(best_iou[j]) > C(t.overlap_threshold)) match[j] = best[j];
      flag[j] = match[j] >= 0 ? 1 : t.ratio > 0 ? -1 : 0;
      bool cand = t.ratio > 0 && match[j] < 0 && C(best_iou[j]) < C(t.negative_thresh);
      score[j] = cand ? double(det::background_prob<T, C>(cls, t.classes, t.A, j)) : -1.0;
    }
    __syncthreads();
    if (threadIdx.x == 0) {
      int64_t n = 0;
      for (int64_t j = 0; j < t.A; ++j) n += match[j] >= 0 ? 1 : 0;
      positives = n;
      negatives = det::mined_negatives(n, t.A, t.ratio, t.min_negative);
    }
    __syncthreads();
    if (t.ratio > 0)
      for (int64_t j = threadIdx.x; j < t.A; j += blockDim.x) {
        if (score[j] < 0) continue;
        int64_t rank = 0;  // candidates of lower background probability, or equal and earlier
        for (int64_t i = 0; i < t.A; ++i)
          if (score[i] >= 0 && (score[i] < score[j] || (score[i] == score[j] && i < j))) ++rank;
        if (rank < negatives) flag[j] = 0;
      }
    __syncthreads();
    const C zero[4] = {C(0), C(0), C(0), C(0)};
    const C var[4] = {C(t.var[0]), C(t.var[1]), C(t.var[2]), C(t.var[3])};
    for (int64_t j = threadIdx.x; j < t.A; j += blockDim.x) {
      T *lj = loc + (b * t.A + j) * 4, *mj = mask + (b * t.A + j) * 4;
      if (flag[j] == 1) {
        const T* gt = label + match[j] * t.width;
        det::encode_box_c<T, C>(anchors + j * 4, gt + 1, zero, var, lj);
        cls_t[b * t.A + j] = T(C(gt[0]) + C(1));
      } else {
        for (int k = 0; k < 4; ++k) lj[k] = T(0.0f);
        cls_t[b * t.A + j] = flag[j] == 0 ? T(0.0f) : T(C(t.ignore_label));
      }
      for (int k = 0; k < 4; ++k) mj[k] = T(flag[j] == 1 ? 1.0f : 0.0f);
    }
    __syncthreads();
  }
}

int target_fwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob &label = c->in[1], &cls = c->in[2];
  int64_t B = label.shape[0];
  TargetParams t;
  t.L = label.shape[1], t.width = label.shape[2], t.classes = cls.shape[1], t.A = cls.shape[2];
  t.min_negative = attr_i(c, "minimum_negative_samples");
  t.overlap_threshold = attr_f(c, "overlap_threshold"), t.ignore_label = attr_f(c, "ignore_label");
  t.ratio = attr_f(c, "negative_mining_ratio"), t.negative_thresh = attr_f(c, "negative_mining_thresh");
  std::vector<double> var = float_tuple(c, "variances");
  for (int k = 0; k < 4; ++k) t.var[k] = var[size_t(k)];
  if (B * t.A == 0) return 0;
  size_t per = size_t(B * t.A);
  char* ws = static_cast<char*>(workspace(c, per * (4 * 8 + 4) + size_t(B * t.L) * 4 + 8));
  if (!ws) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  TargetWork w;
  w.best_iou = reinterpret_cast<double*>(ws);
  w.score = w.best_iou + per;
  w.best = reinterpret_cast<int64_t*>(w.score + per);
  w.match = w.best + per;
  w.flag = reinterpret_cast<int*>(w.match + per);
  w.used = w.flag + per;
  MXC_SWITCH_FLOAT16(c, cls.dtype, T, {
    target_kernel<T><<<row_grid(B), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(c->in[0]), bptr<const T>(label), bptr<const T>(cls), bptr<T>(c->out[0]), bptr<T>(c->out[1]),
        bptr<T>(c->out[2]), B, t, w);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

}  // namespace

void register_detection(KernelTable& t) {
  t.push_back({"_contrib_BilinearResize2D", resize_fwd});
  t.push_back({"_backward_contrib_BilinearResize2D", resize_bwd});
  t.push_back({"_contrib_AdaptiveAvgPooling2D", adaptive_fwd});
  t.push_back({"_backward_contrib_AdaptiveAvgPooling2D", adaptive_bwd});
  t.push_back({"_contrib_box_nms", nms_fwd});
  t.push_back({"_backward_contrib_box_nms", nms_bwd});
  t.push_back({"_contrib_box_iou", iou_fwd});
  t.push_back({"_contrib_bipartite_matching", match_fwd});
  t.push_back({"_contrib_box_encode", encode_fwd});
  t.push_back({"_contrib_box_decode", decode_fwd});
  t.push_back({"_contrib_ROIAlign", roi_fwd});
  t.push_back({"_backward_contrib_ROIAlign", roi_bwd});
  t.push_back({"_contrib_MultiBoxPrior", prior_fwd});
  t.push_back({"_contrib_MultiBoxDetection", detect_fwd});
  t.push_back({"_contrib_MultiBoxTarget", target_fwd});
}

}  // namespace mxlcuda
