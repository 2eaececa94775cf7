// Convolution on the device (1 to 3 spatial dims, channels first, groups, dilation),
// forward and backward, with the geometry of core/op/nn_conv.cc: im2col per sample
// into a workspace, then GEMMs (cuBLAS when loadable, blas.cuh); col2im gathers
// (no atomics). Samples go in chunks so the column buffer stays near 16M elements.
#include "blas.cuh"

namespace mxlcuda {
namespace {

// Everything padded to 3 spatial dims with leading size-1 dims.
struct ConvGeom {
  int64_t N = 0, Ci = 0, Co = 0, G = 1;
  int64_t in[3], out[3], k[3], s[3], p[3], d[3];
  int64_t IN = 1, OUT = 1, K = 1;
};

ConvGeom make_geom(const mxl_cuda_call* c, const mxl_cuda_blob& x, const mxl_cuda_blob& y) {
  ConvGeom g;
  int64_t k[3], s[3], d[3], p[3], t[MXL_CUDA_MAX_DIM];
  const int nd = c->attr->shape(c->attrs, "kernel", k);
  for (int i = 0; i < nd; ++i) s[i] = d[i] = 1, p[i] = 0;
  if (c->attr->shape(c->attrs, "stride", t) > 0) for (int i = 0; i < nd; ++i) s[i] = t[i];
  if (c->attr->shape(c->attrs, "dilate", t) > 0) for (int i = 0; i < nd; ++i) d[i] = t[i];
  if (c->attr->shape(c->attrs, "pad", t) > 0) for (int i = 0; i < nd; ++i) p[i] = t[i];
  g.N = x.shape[0];
  g.Ci = x.shape[1];
  g.Co = attr_i(c, "num_filter");
  g.G = attr_i(c, "num_group");
  const int off = 3 - nd;
  for (int j = 0; j < 3; ++j) {
    int i = j - off;
    bool real = i >= 0;
    g.in[j] = real ? x.shape[2 + i] : 1;
    g.out[j] = real ? y.shape[2 + i] : 1;
    g.k[j] = real ? k[i] : 1;
    g.s[j] = real ? s[i] : 1;
    g.p[j] = real ? p[i] : 0;
    g.d[j] = real ? d[i] : 1;
    g.IN *= g.in[j];
    g.OUT *= g.out[j];
    g.K *= g.k[j];
  }
  return g;
}

// col (B samples, each Ci*K x OUT) <- the windows of image samples [n0, n0+B).
template <class T>
__global__ void im2col_kernel(const T* img, T* col, int64_t n0, int64_t B, ConvGeom g) {
  const int64_t per = g.Ci * g.K * g.OUT;
  MXC_KERNEL_LOOP(idx, B * per) {
    const int64_t b = idx / per, r = idx % per;
    const int64_t o = r % g.OUT, ck = r / g.OUT, c = ck / g.K, kidx = ck % g.K;
    const int64_t kw = kidx % g.k[2], kh = (kidx / g.k[2]) % g.k[1], kd = kidx / (g.k[2] * g.k[1]);
    const int64_t ow = o % g.out[2], oh = (o / g.out[2]) % g.out[1], od = o / (g.out[2] * g.out[1]);
    const int64_t id = od * g.s[0] - g.p[0] + kd * g.d[0];
    const int64_t ih = oh * g.s[1] - g.p[1] + kh * g.d[1];
    const int64_t iw = ow * g.s[2] - g.p[2] + kw * g.d[2];
    bool inside = id >= 0 && id < g.in[0] && ih >= 0 && ih < g.in[1] && iw >= 0 && iw < g.in[2];
    col[idx] = inside ? img[((n0 + b) * g.Ci + c) * g.IN + (id * g.in[1] + ih) * g.in[2] + iw] : T(0);
  }
}

// image samples [n0, n0+B) <- the sum of every column entry that reads each pixel
// (the adjoint of im2col), one thread per pixel.
template <class T>
__global__ void col2im_kernel(const T* col, T* img, int64_t n0, int64_t B, ConvGeom g) {
  const int64_t per = g.Ci * g.IN;
  MXC_KERNEL_LOOP(idx, B * per) {
    const int64_t b = idx / per, r = idx % per, c = r / g.IN, pix = r % g.IN;
    const int64_t iw = pix % g.in[2], ih = (pix / g.in[2]) % g.in[1], id = pix / (g.in[2] * g.in[1]);
    const T* cb = col + (b * g.Ci + c) * g.K * g.OUT;
    T acc = 0;
    int64_t kidx = 0;
    for (int64_t kd = 0; kd < g.k[0]; ++kd)
      for (int64_t kh = 0; kh < g.k[1]; ++kh)
        for (int64_t kw = 0; kw < g.k[2]; ++kw, ++kidx) {
          int64_t td = id + g.p[0] - kd * g.d[0], th = ih + g.p[1] - kh * g.d[1], tw = iw + g.p[2] - kw * g.d[2];
          if (td < 0 || th < 0 || tw < 0 || td % g.s[0] || th % g.s[1] || tw % g.s[2]) continue;
          int64_t od = td / g.s[0], oh = th / g.s[1], ow = tw / g.s[2];
          if (od >= g.out[0] || oh >= g.out[1] || ow >= g.out[2]) continue;
          acc += cb[kidx * g.OUT + (od * g.out[1] + oh) * g.out[2] + ow];
        }
    img[((n0 + b) * g.Ci + c) * g.IN + pix] = acc;
  }
}

template <class T>
__global__ void add_channel_bias(T* y, const T* bias, int64_t n, int64_t C, int64_t P) {
  MXC_KERNEL_LOOP(i, n) y[i] += bias[(i / P) % C];
}
// db[c] = sum over batch and plane of dy (N, C, P).
template <class T>
__global__ void channel_sum_kernel(const T* dy, T* db, int64_t N, int64_t C, int64_t P) {
  MXC_KERNEL_LOOP(c, C) {
    T s = 0;
    for (int64_t n = 0; n < N; ++n)
      for (int64_t i = 0; i < P; ++i) s += dy[(n * C + c) * P + i];
    db[c] = s;
  }
}

// Samples per chunk: the column buffer near 16M elements.
int64_t chunk_of(const ConvGeom& g) {
  int64_t per = g.Ci * g.K * g.OUT;
  int64_t b = per > 0 ? (int64_t(1) << 24) / per : g.N;
  return b < 1 ? 1 : (b > g.N ? (g.N > 0 ? g.N : 1) : b);
}

// One GEMM per group over a chunk of B samples (strided batched; the weight is shared).
template <class T>
int group_gemm(const mxl_cuda_call* c, bool ta, bool tb, int64_t M, int64_t N, int64_t K, const T* A,
               int64_t lda, int64_t sa, const T* B, int64_t ldb, int64_t sb, T* C, int64_t ldc, int64_t sc,
               int64_t batch, T beta) {
  GemmArgs<T> g;
  g.ta = ta; g.tb = tb; g.M = M; g.N = N; g.K = K;
  g.A = A; g.lda = lda; g.sa = sa;
  g.B = B; g.ldb = ldb; g.sb = sb;
  g.C = C; g.ldc = ldc; g.sc = sc;
  g.batch = batch; g.beta = beta;
  return gemm<T>(c, g);
}

template <class T>
int conv_fwd_t(const mxl_cuda_call* c) {
  const mxl_cuda_blob &x = c->in[0], &y = c->out[0];
  ConvGeom g = make_geom(c, x, y);
  const int64_t Cog = g.Co / g.G, CgK = g.Ci / g.G * g.K, B = chunk_of(g);
  T* col = static_cast<T*>(workspace(c, size_t(B * g.Ci * g.K * g.OUT) * sizeof(T)));
  if (!col) return call_fail(c, kOutOfMemory, "Convolution: no workspace memory");
  const T* W = static_cast<const T*>(c->in[1].data);
  T* Y = static_cast<T*>(y.data);
  for (int64_t n0 = 0; n0 < g.N; n0 += B) {
    const int64_t b = B < g.N - n0 ? B : g.N - n0;
    im2col_kernel<T><<<grid_for(b * g.Ci * g.K * g.OUT), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(x.data), col, n0, b, g);
    CU_CHECK_LAUNCH(c);
    for (int64_t grp = 0; grp < g.G; ++grp) {
      // y[n, grp] (Cog x OUT) = W[grp] (Cog x CgK) col[n, grp] (CgK x OUT)
      int rc = group_gemm<T>(c, false, false, Cog, g.OUT, CgK, W + grp * Cog * CgK, CgK, 0,
                             col + grp * CgK * g.OUT, g.OUT, g.Ci * g.K * g.OUT,
                             Y + (n0 * g.Co + grp * Cog) * g.OUT, g.OUT, g.Co * g.OUT, b, T(0));
      if (rc) return rc;
    }
  }
  const bool bias = !attr_b(c, "no_bias") && c->nin > 2;
  const int64_t n = blob_size(y);
  if (bias && n) {
    add_channel_bias<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(Y, static_cast<const T*>(c->in[2].data), n,
                                                                     g.Co, g.OUT);
    CU_CHECK_LAUNCH(c);
  }
  return 0;
}

// (ograd, data, weight) -> d(data), d(weight)[, d(bias)].
template <class T>
int conv_bwd_t(const mxl_cuda_call* c) {
  const mxl_cuda_blob &dy = c->in[0], &x = c->in[1];
  ConvGeom g = make_geom(c, x, dy);
  const int64_t Cog = g.Co / g.G, CgK = g.Ci / g.G * g.K, B = chunk_of(g);
  T* col = static_cast<T*>(workspace(c, size_t(B * g.Ci * g.K * g.OUT) * sizeof(T)));
  if (!col) return call_fail(c, kOutOfMemory, "_backward_Convolution: no workspace memory");
  const T* W = static_cast<const T*>(c->in[2].data);
  const T* DY = static_cast<const T*>(dy.data);
  T* DX = static_cast<T*>(c->out[0].data);
  T* DW = static_cast<T*>(c->out[1].data);
  if (g.N == 0) CU_CHECK_CALL(c, fill<T>(c, DW, blob_size(c->out[1]), T(0)));
  for (int64_t n0 = 0; n0 < g.N; n0 += B) {
    const int64_t b = B < g.N - n0 ? B : g.N - n0;
    // data: col[n, grp] = W[grp]^T dy[n, grp], then col2im.
    for (int64_t grp = 0; grp < g.G; ++grp) {
      int rc = group_gemm<T>(c, true, false, CgK, g.OUT, Cog, W + grp * Cog * CgK, CgK, 0,
                             DY + (n0 * g.Co + grp * Cog) * g.OUT, g.OUT, g.Co * g.OUT,
                             col + grp * CgK * g.OUT, g.OUT, g.Ci * g.K * g.OUT, b, T(0));
      if (rc) return rc;
    }
    col2im_kernel<T><<<grid_for(b * g.Ci * g.IN), kThreads, 0, stream_of(c)>>>(col, DX, n0, b, g);
    CU_CHECK_LAUNCH(c);
    // weight: dW[grp] += dy[n, grp] col[n, grp]^T, sample by sample (one accumulator).
    im2col_kernel<T><<<grid_for(b * g.Ci * g.K * g.OUT), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(x.data), col, n0, b, g);
    CU_CHECK_LAUNCH(c);
    for (int64_t i = 0; i < b; ++i)
      for (int64_t grp = 0; grp < g.G; ++grp) {
        int rc = group_gemm<T>(c, false, true, Cog, CgK, g.OUT, DY + ((n0 + i) * g.Co + grp * Cog) * g.OUT, g.OUT, 0,
                               col + (i * g.Ci * g.K + grp * CgK) * g.OUT, g.OUT, 0, DW + grp * Cog * CgK, CgK, 0,
                               1, T(n0 + i == 0 ? 0 : 1));
        if (rc) return rc;
      }
  }
  if (c->nout > 2 && !attr_b(c, "no_bias") && g.Co > 0) {
    channel_sum_kernel<T><<<grid_for(g.Co), kThreads, 0, stream_of(c)>>>(DY, static_cast<T*>(c->out[2].data), g.N,
                                                                          g.Co, g.OUT);
    CU_CHECK_LAUNCH(c);
  }
  return 0;
}

int conv_fwd(const mxl_cuda_call* c) {
  if (c->in[0].ndim < 3 || c->in[0].ndim > 5)
    return call_fail(c, kShape, "Convolution: expected 1 to 3 spatial dimensions on the GPU");
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, { return conv_fwd_t<T>(c); });
  return 0;
}
int conv_bwd(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, { return conv_bwd_t<T>(c); });
  return 0;
}

}  // namespace

void register_conv(KernelTable& t) {
  t.push_back({"Convolution", conv_fwd});
  t.push_back({"_backward_Convolution", conv_bwd});
}

}  // namespace mxlcuda
