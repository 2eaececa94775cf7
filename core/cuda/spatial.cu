// CUDA kernels of the operators in core/op/spatial.cc: GridGenerator, BilinearSampler and
// SpatialTransformer (forward), _backward_GridGenerator and _backward_BilinearSampler
// (SpatialTransformer's gradient is built from those two by the core). The per-point
// formulas are the CPU's own (core/op/spatial_kernels.h); float16 computes in float.
//
// The sampler's data gradient scatters into a double copy of d(data) atomically (the
// CPU sums each plane in point order: the same values up to rounding of the double
// sums); the grid gradient runs one thread per point over the channels, as on the CPU.
#include "common.cuh"
#include "core/op/spatial_kernels.h"

namespace mxlcuda {
namespace {

namespace spx = mxl::spx;

bool affine_of(const mxl_cuda_call* c) { return attr_s(c, "transform_type") == "affine"; }

// ============================================================ GridGenerator
// One thread per grid point (n, h, w) of the (N, 2, H, W) output.
template <class T>
__global__ void grid_fwd_kernel(const T* in, T* out, int64_t N, int64_t H, int64_t W, bool affine) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(i, N * H * W) {
    int64_t w = i % W, h = (i / W) % H, n = i / (W * H);
    int64_t ix = (n * 2 * H + h) * W + w, iy = ix + H * W;
    if (affine) {
      C gx, gy;
      spx::affine_point<T, C>(in + n * 6, h, w, H, W, &gx, &gy);
      out[ix] = T(gx), out[iy] = T(gy);
    } else {
      out[ix] = T(spx::warp_coord<C>(C(in[ix]), w, W));
      out[iy] = T(spx::warp_coord<C>(C(in[iy]), h, H));
    }
  }
}

// d(theta): one block per (sample, coefficient) k of 6, summing ograd[k / 3] times
// x (k % 3 == 0), y (1) or 1 (2) over the grid, in double.
template <class T>
__global__ void grid_affine_bwd_kernel(const T* og, T* dtheta, int64_t N, int64_t H, int64_t W) {
  using C = facc_t<T>;
  __shared__ double sh[kThreads];
  MXC_ROW_LOOP(r, N * 6) {
    int64_t n = r / 6, k = r % 6;
    const T* g = og + (n * 2 + k / 3) * H * W;
    double s = 0;
    for (int64_t i = threadIdx.x; i < H * W; i += kThreads) {
      double f = k % 3 == 0 ? double(spx::target_coord<C>(i % W, W))
               : k % 3 == 1 ? double(spx::target_coord<C>(i / W, H)) : 1.0;
      s += double(g[i]) * f;
    }
    s = block_sum(s, sh);
    if (threadIdx.x == 0) dtheta[r] = T(C(s));
  }
}

template <class T>
__global__ void grid_warp_bwd_kernel(const T* og, T* dflow, int64_t N, int64_t H, int64_t W) {
  using C = facc_t<T>;
  const C sx = spx::warp_scale<C>(W), sy = spx::warp_scale<C>(H);
  MXC_KERNEL_LOOP(i, N * 2 * H * W) dflow[i] = T(C(og[i]) * ((i / (H * W)) % 2 == 0 ? sx : sy));
}

int grid_fwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob& y = c->out[0];
  int64_t N = y.shape[0], H = y.shape[2], W = y.shape[3];
  if (N * H * W == 0) return 0;
  MXC_SWITCH_FLOAT16(c, y.dtype, T, {
    grid_fwd_kernel<T><<<grid_for(N * H * W), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<T>(y), N, H,
                                                                           W, affine_of(c));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

int grid_bwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob& og = c->in[0];
  int64_t N = og.shape[0], H = og.shape[2], W = og.shape[3];
  if (N == 0) return 0;
  bool affine = affine_of(c);
  MXC_SWITCH_FLOAT16(c, og.dtype, T, {
    if (affine)
      grid_affine_bwd_kernel<T><<<row_grid(N * 6), kThreads, 0, stream_of(c)>>>(bptr<const T>(og), bptr<T>(c->out[0]),
                                                                                 N, H, W);
    else if (H * W > 0)
      grid_warp_bwd_kernel<T><<<grid_for(N * 2 * H * W), kThreads, 0, stream_of(c)>>>(bptr<const T>(og),
                                                                                        bptr<T>(c->out[0]), N, H, W);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ======================================================== bilinear sampling
struct SamplerDims {
  int64_t N = 0, C = 0, H = 0, W = 0, Ho = 0, Wo = 0;
};
SamplerDims sampler_dims(const mxl_cuda_blob& data, const mxl_cuda_blob& out) {
  SamplerDims d;
  d.N = data.shape[0], d.C = data.shape[1], d.H = data.shape[2], d.W = data.shape[3];
  d.Ho = out.shape[2], d.Wo = out.shape[3];
  return d;
}

// The normalised source of output point (h, w) of sample n: read from a grid
// (BilinearSampler) or made from an affine matrix (SpatialTransformer).
template <class T, class C>
__device__ inline void source_point(const T* src, bool affine, const SamplerDims& d, int64_t n, int64_t h, int64_t w,
                                    C* gx, C* gy) {
  if (affine) {
    spx::affine_point<T, C>(src + n * 6, h, w, d.Ho, d.Wo, gx, gy);
  } else {
    const T* gp = src + n * 2 * d.Ho * d.Wo + h * d.Wo + w;
    *gx = C(gp[0]), *gy = C(gp[d.Ho * d.Wo]);
  }
}

// The sample point of output element i = (n, c, h, w); *plane gets its (n, c) plane.
template <class T, class C>
__device__ inline spx::SamplePoint<C> element_point(const T* src, bool affine, const SamplerDims& d, int64_t i,
                                                    int64_t* plane) {
  *plane = i / (d.Wo * d.Ho);
  C gx, gy;
  source_point<T, C>(src, affine, d, *plane / d.C, (i / d.Wo) % d.Ho, i % d.Wo, &gx, &gy);
  return spx::sample_point<C>(gx, gy, d.H, d.W);
}

// One thread per output element.
template <class T>
__global__ void sample_fwd_kernel(const T* data, const T* src, T* out, SamplerDims d, bool affine) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(i, d.N * d.C * d.Ho * d.Wo) {
    int64_t plane;
    spx::SamplePoint<C> p = element_point<T, C>(src, affine, d, i, &plane);
    out[i] = T(spx::sample<T, C>(p, data + plane * d.H * d.W));
  }
}

// d(data): one thread per ograd element, adding into acc (a double d(data)) atomically.
template <class T>
__global__ void sample_data_bwd_kernel(const T* og, const T* grid, double* acc, SamplerDims d) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(i, d.N * d.C * d.Ho * d.Wo) {
    int64_t plane;
    spx::SamplePoint<C> p = element_point<T, C>(grid, false, d, i, &plane);
    for (int k = 0; k < 4; ++k)
      if (p.off[k] >= 0) atomicAdd(acc + plane * d.H * d.W + p.off[k], double(C(og[i]) * p.w[k]));
  }
}

// d(grid): one thread per point, summing over the channels.
template <class T>
__global__ void sample_grid_bwd_kernel(const T* og, const T* data, const T* grid, T* dgrid, SamplerDims d) {
  using C = facc_t<T>;
  const int64_t points = d.Ho * d.Wo;
  MXC_KERNEL_LOOP(j, d.N * points) {
    int64_t n = j / points, i = j % points;
    C gx, gy;
    source_point<T, C>(grid, false, d, n, i / d.Wo, i % d.Wo, &gx, &gy);
    spx::SamplePoint<C> p = spx::sample_point<C>(gx, gy, d.H, d.W);
    C dx = 0, dy = 0;
    for (int64_t c = 0; c < d.C; ++c)
      spx::sample_coord_grad<T, C>(p, data + (n * d.C + c) * d.H * d.W, C(og[(n * d.C + c) * points + i]), &dx, &dy);
    dgrid[n * 2 * points + i] = T(dx * spx::pixel_scale<C>(d.W));
    dgrid[n * 2 * points + points + i] = T(dy * spx::pixel_scale<C>(d.H));
  }
}

// BilinearSampler (in: data, grid) and SpatialTransformer (in: data, loc).
int sample_fwd(const mxl_cuda_call* c, bool affine) {
  SamplerDims d = sampler_dims(c->in[0], c->out[0]);
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    sample_fwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[0]), bptr<const T>(c->in[1]),
                                                                      bptr<T>(c->out[0]), d, affine);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
int sampler_fwd(const mxl_cuda_call* c) { return sample_fwd(c, false); }
int st_fwd(const mxl_cuda_call* c) { return sample_fwd(c, true); }

// in: ograd, data, grid; out: d(data), d(grid).
int sampler_bwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob &og = c->in[0], &data = c->in[1], &grid = c->in[2];
  SamplerDims d = sampler_dims(data, og);
  int64_t n = blob_size(og), nx = blob_size(data), points = d.N * d.Ho * d.Wo;
  MXC_SWITCH_FLOAT16(c, data.dtype, T, {
    if (nx > 0) {
      auto* acc = static_cast<double*>(workspace(c, sizeof(double) * size_t(nx)));
      if (!acc) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
      CU_CHECK_CALL(c, cudaMemsetAsync(acc, 0, sizeof(double) * size_t(nx), stream_of(c)));
      if (n > 0) {
        sample_data_bwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(og), bptr<const T>(grid),
                                                                               acc, d);
        CU_CHECK_LAUNCH(c);
      }
      from_double_kernel<T><<<grid_for(nx), kThreads, 0, stream_of(c)>>>(acc, bptr<T>(c->out[0]), nx);
      CU_CHECK_LAUNCH(c);
    }
    if (points > 0)
      sample_grid_bwd_kernel<T><<<grid_for(points), kThreads, 0, stream_of(c)>>>(
          bptr<const T>(og), bptr<const T>(data), bptr<const T>(grid), bptr<T>(c->out[1]), d);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

}  // namespace

void register_spatial(KernelTable& t) {
  t.push_back({"GridGenerator", grid_fwd});
  t.push_back({"_backward_GridGenerator", grid_bwd});
  t.push_back({"BilinearSampler", sampler_fwd});
  t.push_back({"_backward_BilinearSampler", sampler_bwd});
  t.push_back({"SpatialTransformer", st_fwd});
}

}  // namespace mxlcuda
