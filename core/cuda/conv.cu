// Convolution, Deconvolution and UpSampling on the device (1 to 3 spatial dims,
// channels first, groups, dilation), forward and backward, with the geometry of
// core/op/nn_conv.cc: im2col per sample
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

// The three passes every convolution-like op is made of (as core/op/nn_conv.cc): the
// "image" side carries the kernel window (conv data, deconv output), the "cols" side
// the other (conv output, deconv data); W is (cols channels, image channels / G * K).
//   cols_forward     cols  = W * im2col(image)       conv forward, deconv d(data)
//   image_from_cols  image = col2im(W^T * cols)      conv d(data), deconv forward
//   weight_grad      dW    = cols * im2col(image)^T  conv and deconv d(weight)
template <class T>
int cols_forward(const mxl_cuda_call* c, const ConvGeom& g, const T* img, const T* W, T* cols) {
  const int64_t Cog = g.Co / g.G, CgK = g.Ci / g.G * g.K, B = chunk_of(g);
  T* col = static_cast<T*>(workspace(c, size_t(B * g.Ci * g.K * g.OUT) * sizeof(T)));
  if (!col) return call_fail(c, kOutOfMemory, "%s: no workspace memory", c->op_name);
  for (int64_t n0 = 0; n0 < g.N; n0 += B) {
    const int64_t b = B < g.N - n0 ? B : g.N - n0;
    im2col_kernel<T><<<grid_for(b * g.Ci * g.K * g.OUT), kThreads, 0, stream_of(c)>>>(img, col, n0, b, g);
    CU_CHECK_LAUNCH(c);
    for (int64_t grp = 0; grp < g.G; ++grp) {
      // cols[n, grp] (Cog x OUT) = W[grp] (Cog x CgK) col[n, grp] (CgK x OUT)
      int rc = group_gemm<T>(c, false, false, Cog, g.OUT, CgK, W + grp * Cog * CgK, CgK, 0,
                             col + grp * CgK * g.OUT, g.OUT, g.Ci * g.K * g.OUT,
                             cols + (n0 * g.Co + grp * Cog) * g.OUT, g.OUT, g.Co * g.OUT, b, T(0));
      if (rc) return rc;
    }
  }
  return 0;
}
template <class T>
int image_from_cols(const mxl_cuda_call* c, const ConvGeom& g, const T* cols, const T* W, T* img) {
  const int64_t Cog = g.Co / g.G, CgK = g.Ci / g.G * g.K, B = chunk_of(g);
  T* col = static_cast<T*>(workspace(c, size_t(B * g.Ci * g.K * g.OUT) * sizeof(T)));
  if (!col) return call_fail(c, kOutOfMemory, "%s: no workspace memory", c->op_name);
  for (int64_t n0 = 0; n0 < g.N; n0 += B) {
    const int64_t b = B < g.N - n0 ? B : g.N - n0;
    // col[n, grp] = W[grp]^T cols[n, grp], then col2im.
    for (int64_t grp = 0; grp < g.G; ++grp) {
      int rc = group_gemm<T>(c, true, false, CgK, g.OUT, Cog, W + grp * Cog * CgK, CgK, 0,
                             cols + (n0 * g.Co + grp * Cog) * g.OUT, g.OUT, g.Co * g.OUT,
                             col + grp * CgK * g.OUT, g.OUT, g.Ci * g.K * g.OUT, b, T(0));
      if (rc) return rc;
    }
    col2im_kernel<T><<<grid_for(b * g.Ci * g.IN), kThreads, 0, stream_of(c)>>>(col, img, n0, b, g);
    CU_CHECK_LAUNCH(c);
  }
  return 0;
}
template <class T>
int weight_grad(const mxl_cuda_call* c, const ConvGeom& g, const T* img, const T* cols, T* dW, int64_t w_size) {
  const int64_t Cog = g.Co / g.G, CgK = g.Ci / g.G * g.K, B = chunk_of(g);
  if (g.N == 0) {
    CU_CHECK_CALL(c, fill<T>(c, dW, w_size, T(0)));
    return 0;
  }
  T* col = static_cast<T*>(workspace(c, size_t(B * g.Ci * g.K * g.OUT) * sizeof(T)));
  if (!col) return call_fail(c, kOutOfMemory, "%s: no workspace memory", c->op_name);
  for (int64_t n0 = 0; n0 < g.N; n0 += B) {
    const int64_t b = B < g.N - n0 ? B : g.N - n0;
    im2col_kernel<T><<<grid_for(b * g.Ci * g.K * g.OUT), kThreads, 0, stream_of(c)>>>(img, col, n0, b, g);
    CU_CHECK_LAUNCH(c);
    // dW[grp] += cols[n, grp] col[n, grp]^T, sample by sample (one accumulator).
    for (int64_t i = 0; i < b; ++i)
      for (int64_t grp = 0; grp < g.G; ++grp) {
        int rc = group_gemm<T>(c, false, true, Cog, CgK, g.OUT, cols + ((n0 + i) * g.Co + grp * Cog) * g.OUT, g.OUT,
                               0, col + (i * g.Ci * g.K + grp * CgK) * g.OUT, g.OUT, 0, dW + grp * Cog * CgK, CgK, 0,
                               1, T(n0 + i == 0 ? 0 : 1));
        if (rc) return rc;
      }
  }
  return 0;
}
template <class T>
int add_bias(const mxl_cuda_call* c, T* y, const T* bias, int64_t n, int64_t C, int64_t P) {
  if (n == 0) return 0;
  add_channel_bias<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(y, bias, n, C, P);
  CU_CHECK_LAUNCH(c);
  return 0;
}
template <class T>
int bias_grad(const mxl_cuda_call* c, const T* dy, T* db, int64_t N, int64_t C, int64_t P) {
  if (C == 0) return 0;
  channel_sum_kernel<T><<<grid_for(C), kThreads, 0, stream_of(c)>>>(dy, db, N, C, P);
  CU_CHECK_LAUNCH(c);
  return 0;
}

template <class T> const T* cptr(const mxl_cuda_blob& b) { return static_cast<const T*>(b.data); }
template <class T> T* mptr(const mxl_cuda_blob& b) { return static_cast<T*>(b.data); }

template <class T>
int conv_fwd_t(const mxl_cuda_call* c) {
  const mxl_cuda_blob &x = c->in[0], &y = c->out[0];
  ConvGeom g = make_geom(c, x, y);
  int rc = cols_forward<T>(c, g, cptr<T>(x), cptr<T>(c->in[1]), mptr<T>(y));
  if (rc || attr_b(c, "no_bias") || c->nin <= 2) return rc;
  return add_bias<T>(c, mptr<T>(y), cptr<T>(c->in[2]), blob_size(y), g.Co, g.OUT);
}

// (ograd, data, weight) -> d(data), d(weight)[, d(bias)].
template <class T>
int conv_bwd_t(const mxl_cuda_call* c) {
  const mxl_cuda_blob &dy = c->in[0], &x = c->in[1];
  ConvGeom g = make_geom(c, x, dy);
  int rc = image_from_cols<T>(c, g, cptr<T>(dy), cptr<T>(c->in[2]), mptr<T>(c->out[0]));
  if (!rc) rc = weight_grad<T>(c, g, cptr<T>(x), cptr<T>(dy), mptr<T>(c->out[1]), blob_size(c->out[1]));
  if (!rc && c->nout > 2 && !attr_b(c, "no_bias")) rc = bias_grad<T>(c, cptr<T>(dy), mptr<T>(c->out[2]), g.N, g.Co, g.OUT);
  return rc;
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

// ------------------------------------------------------------------ Deconvolution
// A convolution with image and cols swapped: the image is the output `y` (num_filter
// channels), the cols the data `x`. Padding comes from target_shape when it is set
// (half the surplus each side, the odd one out as adj), else from pad.
int deconv_geom(const mxl_cuda_call* c, const mxl_cuda_blob& x, const mxl_cuda_blob& y, ConvGeom* out) {
  ConvGeom g;
  int64_t k[3], s[3], d[3], p[3], tgt[3] = {0, 0, 0}, t[MXL_CUDA_MAX_DIM];
  const int nd = c->attr->shape(c->attrs, "kernel", k);
  if (nd < 1 || nd > 3 || x.ndim != nd + 2 || y.ndim != nd + 2)
    return call_fail(c, kShape, "%s: expected 1 to 3 spatial dimensions matching the kernel", c->op_name);
  for (int i = 0; i < nd; ++i) s[i] = d[i] = 1, p[i] = 0;
  if (c->attr->shape(c->attrs, "stride", t) > 0) for (int i = 0; i < nd; ++i) s[i] = t[i];
  if (c->attr->shape(c->attrs, "dilate", t) > 0) for (int i = 0; i < nd; ++i) d[i] = t[i];
  if (c->attr->shape(c->attrs, "pad", t) > 0) for (int i = 0; i < nd; ++i) p[i] = t[i];
  bool has_target = false;
  if (c->attr->shape(c->attrs, "target_shape", t) > 0)
    for (int i = 0; i < nd; ++i) {
      tgt[i] = t[i];
      has_target = has_target || t[i] != 0;
    }
  g.N = x.shape[0];
  g.Ci = attr_i(c, "num_filter");
  g.Co = x.shape[1];
  g.G = attr_i(c, "num_group");
  const int off = 3 - nd;
  for (int j = 0; j < 3; ++j) {
    int i = j - off;
    bool real = i >= 0;
    int64_t pad = 0;
    if (real) {
      int64_t dk = d[i] * (k[i] - 1) + 1, full = s[i] * (x.shape[2 + i] - 1) + dk;
      pad = has_target ? (full - tgt[i] + 1) / 2 : p[i];
    }
    g.in[j] = real ? y.shape[2 + i] : 1;
    g.out[j] = real ? x.shape[2 + i] : 1;
    g.k[j] = real ? k[i] : 1;
    g.s[j] = real ? s[i] : 1;
    g.p[j] = pad;
    g.d[j] = real ? d[i] : 1;
    g.IN *= g.in[j];
    g.OUT *= g.out[j];
    g.K *= g.k[j];
  }
  *out = g;
  return 0;
}
template <class T>
int deconv_fwd_t(const mxl_cuda_call* c) {
  const mxl_cuda_blob &x = c->in[0], &y = c->out[0];
  ConvGeom g;
  int rc = deconv_geom(c, x, y, &g);
  if (!rc) rc = image_from_cols<T>(c, g, cptr<T>(x), cptr<T>(c->in[1]), mptr<T>(y));
  if (rc || attr_b(c, "no_bias") || c->nin <= 2) return rc;
  return add_bias<T>(c, mptr<T>(y), cptr<T>(c->in[2]), blob_size(y), g.Ci, g.IN);
}
// (ograd, data, weight) -> d(data), d(weight)[, d(bias)].
template <class T>
int deconv_bwd_t(const mxl_cuda_call* c) {
  const mxl_cuda_blob &dy = c->in[0], &x = c->in[1];
  ConvGeom g;
  int rc = deconv_geom(c, x, dy, &g);
  if (!rc) rc = cols_forward<T>(c, g, cptr<T>(dy), cptr<T>(c->in[2]), mptr<T>(c->out[0]));
  if (!rc) rc = weight_grad<T>(c, g, cptr<T>(dy), cptr<T>(x), mptr<T>(c->out[1]), blob_size(c->out[1]));
  if (!rc && c->nout > 2 && !attr_b(c, "no_bias")) rc = bias_grad<T>(c, cptr<T>(dy), mptr<T>(c->out[2]), g.N, g.Ci, g.IN);
  return rc;
}
int deconv_fwd(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, { return deconv_fwd_t<T>(c); });
  return 0;
}
int deconv_bwd(const mxl_cuda_call* c) {
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, { return deconv_bwd_t<T>(c); });
  return 0;
}

// ------------------------------------------------------------------ UpSampling
// sample_type: 0 bilinear, 1 nearest; multi_input_mode: 0 concat, 1 sum.
// Bilinear is a depthwise deconvolution with a (C, 1, k, k) weight: kernel
// 2s - s%2, stride s, pad s/2, the image being the output.
ConvGeom bilinear_geom(const mxl_cuda_call* c, const mxl_cuda_blob& x, const mxl_cuda_blob& y) {
  int64_t s = attr_i(c, "scale"), k = 2 * s - s % 2, pad = s / 2;
  ConvGeom g;
  g.N = x.shape[0];
  g.Ci = g.Co = g.G = x.shape[1];
  g.in[0] = g.out[0] = g.k[0] = g.s[0] = g.d[0] = 1;
  g.p[0] = 0;
  for (int j = 1; j < 3; ++j) {
    g.in[j] = y.shape[1 + j];
    g.out[j] = x.shape[1 + j];
    g.k[j] = k;
    g.s[j] = s;
    g.p[j] = pad;
    g.d[j] = 1;
  }
  g.IN = g.in[1] * g.in[2];
  g.OUT = g.out[1] * g.out[2];
  g.K = k * k;
  return g;
}
int check_bilinear(const mxl_cuda_call* c, const mxl_cuda_blob& x) {
  if (x.ndim != 4) return call_fail(c, kShape, "%s: input must have 4 dimensions (NCHW)", c->op_name);
  int64_t nf = attr_i(c, "num_filter");
  if (nf != 0 && nf != x.shape[1])
    return call_fail(c, kShape, "%s: bilinear sample_type needs num_filter equal to the number of channels (%lld), got %lld",
                     c->op_name, (long long)x.shape[1], (long long)nf);
  return 0;
}

// Nearest, one input at a time: output pixel (h, w) of the input's channels reads
// pixel (h / f, w / f); concat writes channels [first, first + Ci), sum adds in input
// order (rounded to T after each add, as the CPU).
template <class T>
__global__ void nearest_fwd_kernel(const T* x, T* y, int64_t N, int64_t Ci, int64_t Hi, int64_t Wi, int64_t C,
                                   int64_t H, int64_t W, int64_t first, bool add) {
  using A = facc_t<T>;
  int64_t f = H / Hi;
  MXC_KERNEL_LOOP(e, N * Ci * H * W) {
    int64_t w = e % W, h = (e / W) % H, ci = (e / (W * H)) % Ci, n = e / (W * H * Ci);
    A v = A(x[((n * Ci + ci) * Hi + h / f) * Wi + w / f]);
    T& dst = y[((n * C + first + ci) * H + h) * W + w];
    dst = add ? T(A(dst) + v) : T(v);
  }
}
// dx[n, c, h, w] = the f x f block of dy it was copied to, summed in A (a then b order).
template <class T>
__global__ void nearest_bwd_kernel(const T* dy, T* dx, int64_t N, int64_t Ci, int64_t Hi, int64_t Wi, int64_t C,
                                   int64_t H, int64_t W, int64_t first) {
  using A = facc_t<T>;
  int64_t f = H / Hi;
  MXC_KERNEL_LOOP(e, N * Ci * Hi * Wi) {
    int64_t w = e % Wi, h = (e / Wi) % Hi, ci = (e / (Wi * Hi)) % Ci, n = e / (Wi * Hi * Ci);
    const T* src = dy + (n * C + first + ci) * H * W;
    A s = 0;
    for (int64_t a = 0; a < f; ++a)
      for (int64_t b = 0; b < f; ++b) s += A(src[(h * f + a) * W + w * f + b]);
    dx[e] = T(s);
  }
}

int upsampling_fwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob& y = c->out[0];
  if (attr_i(c, "sample_type") == 0) {
    if (y.dtype == f16) return via_float32(c, upsampling_fwd);  // bilinear is a deconvolution: float16 via float
    int rc = check_bilinear(c, c->in[0]);
    if (rc) return rc;
    ConvGeom g = bilinear_geom(c, c->in[0], y);
    MXC_SWITCH_FLOAT(c, y.dtype, T, { return image_from_cols<T>(c, g, cptr<T>(c->in[0]), cptr<T>(c->in[1]), mptr<T>(y)); });
    return 0;
  }
  bool sum = attr_i(c, "multi_input_mode") == 1;
  int64_t first = 0;
  for (int i = 0; i < c->nin; ++i) {
    const mxl_cuda_blob& x = c->in[i];
    if (x.ndim != 4 || y.ndim != 4) return call_fail(c, kShape, "%s: inputs must have 4 dimensions (NCHW)", c->op_name);
    int64_t n = x.shape[0] * x.shape[1] * y.shape[2] * y.shape[3];
    if (n > 0 && x.shape[2] > 0) {
      MXC_SWITCH_FLOAT16(c, y.dtype, T, {
        nearest_fwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
            cptr<T>(x), mptr<T>(y), x.shape[0], x.shape[1], x.shape[2], x.shape[3], y.shape[1], y.shape[2], y.shape[3],
            sum ? 0 : first, sum && i > 0);
      });
      CU_CHECK_LAUNCH(c);
    }
    if (!sum) first += x.shape[1];
  }
  return 0;
}
// in: ograd, the forward inputs; out: their gradients.
int upsampling_bwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob& dy = c->in[0];
  if (attr_i(c, "sample_type") == 0) {
    if (dy.dtype == f16) return via_float32(c, upsampling_bwd);
    int rc = check_bilinear(c, c->in[1]);
    if (rc) return rc;
    ConvGeom g = bilinear_geom(c, c->in[1], dy);
    MXC_SWITCH_FLOAT(c, dy.dtype, T, {
      rc = cols_forward<T>(c, g, cptr<T>(dy), cptr<T>(c->in[2]), mptr<T>(c->out[0]));
      if (!rc) rc = weight_grad<T>(c, g, cptr<T>(dy), cptr<T>(c->in[1]), mptr<T>(c->out[1]), blob_size(c->out[1]));
      return rc;
    });
    return 0;
  }
  bool sum = attr_i(c, "multi_input_mode") == 1;
  int64_t first = 0;
  for (int i = 0; i < c->nout; ++i) {
    const mxl_cuda_blob& dx = c->out[i];
    if (dx.ndim != 4 || dy.ndim != 4) return call_fail(c, kShape, "%s: inputs must have 4 dimensions (NCHW)", c->op_name);
    int64_t n = blob_size(dx);
    if (n > 0) {
      MXC_SWITCH_FLOAT16(c, dy.dtype, T, {
        nearest_bwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
            cptr<T>(dy), mptr<T>(dx), dx.shape[0], dx.shape[1], dx.shape[2], dx.shape[3], dy.shape[1], dy.shape[2],
            dy.shape[3], first);
      });
      CU_CHECK_LAUNCH(c);
    }
    if (!sum) first += dx.shape[1];
  }
  return 0;
}

}  // namespace

void register_conv(KernelTable& t) {
  t.push_back({"Convolution", with_float16<conv_fwd>});
  t.push_back({"_backward_Convolution", with_float16<conv_bwd>});
  t.push_back({"Deconvolution", with_float16<deconv_fwd>});
  t.push_back({"_backward_Deconvolution", with_float16<deconv_bwd>});
  t.push_back({"UpSampling", upsampling_fwd});
  t.push_back({"_backward_UpSampling", upsampling_bwd});
}

}  // namespace mxlcuda
