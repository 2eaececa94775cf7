// Reductions on the device: sum, mean, prod, max, min, nansum, nanprod, norm and their
// gradients, argmax / argmin / argmax_channel, and _broadcast_backward. The reducer
// formulas are the CPU's (core/op/reduce_math.h). One block reduces one output
// (threads stride over the reduced elements, then combine in shared memory).
#include "common.cuh"
#include "core/op/reduce_math.h"

// float16 sums and products accumulate in float, as the CPU's half.
namespace mxl {
namespace reduction {
template <> struct SumAcc<mxlcuda::f16_t> { using type = float; };
}  // namespace reduction
}  // namespace mxl

namespace mxlcuda {
namespace {

using namespace mxl::reduction;

// Kept / reduced axis runs of the input (size-1 axes dropped), as on the CPU.
struct RPlan {
  int nk = 0, nr = 0;
  int64_t kdim[MXL_CUDA_MAX_DIM], kstride[MXL_CUDA_MAX_DIM];
  int64_t rdim[MXL_CUDA_MAX_DIM], rstride[MXL_CUDA_MAX_DIM];
  int64_t out_size = 1, red_size = 1;
  __device__ int64_t kept_offset(int64_t o) const {
    int64_t off = 0;
    for (int d = nk - 1; d >= 0; --d) {
      off += (o % kdim[d]) * kstride[d];
      o /= kdim[d];
    }
    return off;
  }
  __device__ int64_t red_offset(int64_t r) const {
    int64_t off = 0;
    for (int d = nr - 1; d >= 0; --d) {
      off += (r % rdim[d]) * rstride[d];
      r /= rdim[d];
    }
    return off;
  }
};

RPlan make_rplan(const mxl_cuda_blob& in, const bool* red) {
  RPlan p;
  int64_t stride[MXL_CUDA_MAX_DIM];
  int64_t st = 1;
  for (int d = in.ndim - 1; d >= 0; --d) {
    stride[d] = st;
    st *= in.shape[d];
  }
  for (int d = 0; d < in.ndim; ++d) {
    if (in.shape[d] == 1) continue;
    if (red[d]) {
      p.rdim[p.nr] = in.shape[d];
      p.rstride[p.nr++] = stride[d];
      p.red_size *= in.shape[d];
    } else {
      p.kdim[p.nk] = in.shape[d];
      p.kstride[p.nk++] = stride[d];
      p.out_size *= in.shape[d];
    }
  }
  return p;
}

// Axes removed by a reduction op (axis None or () = all; exclude flips), as reduce.cc.
void reduce_flags(const mxl_cuda_call* c, const mxl_cuda_blob& in, bool* red) {
  int64_t ax[MXL_CUDA_MAX_DIM];
  int nax = attr_none(c, "axis") ? 0 : c->attr->shape(c->attrs, "axis", ax);
  for (int d = 0; d < in.ndim; ++d) red[d] = nax == 0;
  if (nax == 0) return;
  for (int i = 0; i < nax; ++i) red[ax[i] < 0 ? ax[i] + in.ndim : ax[i]] = true;
  bool has_exclude = std::string(c->op_name) != "norm" && std::string(c->op_name) != "_backward_norm";
  if (has_exclude && attr_b(c, "exclude"))
    for (int d = 0; d < in.ndim; ++d) red[d] = !red[d];
}

template <class R, class A>
__device__ inline A merge(A a, A b) {
  if constexpr (R::nan_wins && std::is_floating_point_v<A>) {
    if (a != a) return a;
    if (b != b) return b;
  }
  return R::comb(a, b);
}

template <class R, class A, class T, class O>
__global__ void reduce_kernel(const T* x, O* y, RPlan p) {
  __shared__ A part[kThreads];
  for (int64_t o = blockIdx.x; o < p.out_size; o += gridDim.x) {
    const int64_t base = p.kept_offset(o);
    A acc = R::template init<A>();
    for (int64_t r = threadIdx.x; r < p.red_size; r += blockDim.x)
      acc = merge<R, A>(acc, R::template map<A>(x[base + p.red_offset(r)]));
    part[threadIdx.x] = acc;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
      if (int(threadIdx.x) < s) part[threadIdx.x] = merge<R, A>(part[threadIdx.x], part[threadIdx.x + s]);
      __syncthreads();
    }
    if (threadIdx.x == 0) y[o] = cast_to<O>(R::finish(part[0], p.red_size));
    __syncthreads();
  }
}

template <class R>
int reduce_into(const mxl_cuda_call* c, const mxl_cuda_blob& in, const mxl_cuda_blob& out, const bool* red) {
  RPlan p = make_rplan(in, red);
  if (blob_size(out) == 0) return 0;
  int grid = int(p.out_size < 65535 * 4 ? p.out_size : 65535 * 4);
  auto launch = [&](auto tag_t, auto tag_o) {
    using T = decltype(tag_t);
    using O = decltype(tag_o);
    using A = typename R::template acc<T>;
    reduce_kernel<R, A, T, O><<<grid, kThreads, 0, stream_of(c)>>>(static_cast<const T*>(in.data),
                                                                    static_cast<O*>(out.data), p);
  };
  if (in.dtype == out.dtype) {
    MXC_SWITCH_ALL16(c, in.dtype, T, {
      if constexpr (!R::bool_ok && std::is_same_v<T, bool>) return call_fail(c, kDType, "%s: unsupported dtype bool", c->op_name);
      else launch(T(), T());
    });
  } else {
    MXC_SWITCH_NUM16(c, in.dtype, T, { MXC_SWITCH_NUM16(c, out.dtype, O, { launch(T(), O()); }); });
  }
  CU_CHECK_LAUNCH(c);
  return 0;
}

template <class R>
int reduce_fwd(const mxl_cuda_call* c) {
  bool red[MXL_CUDA_MAX_DIM];
  reduce_flags(c, c->in[0], red);
  return reduce_into<R>(c, c->in[0], c->out[0], red);
}

// _backward_<op>(ograd, data[, output]) -> ograd * R::grad(x, y, n) in data's shape.
template <class R, class T>
__global__ void reduce_bwd_kernel(const T* g, const T* x, const T* y, T* gx, int64_t n, int64_t count, Bcast bc) {
  using C = math_t<T>;
  MXC_KERNEL_LOOP(i, n) {
    int64_t off[3];
    bc.offsets(i, off);
    C gv = C(g[off[0]]), yv = C(y[off[0]]), xv = C(x[i]);
    gx[i] = cast_to<T>(gv * R::grad(xv, yv, count));
  }
}
template <class R>
int reduce_bwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob& data = c->in[1];
  bool red[MXL_CUDA_MAX_DIM];
  reduce_flags(c, data, red);
  mxl_cuda_blob keep = data;  // ograd's shape with the reduced axes kept as 1
  int64_t count = 1;
  for (int d = 0; d < data.ndim; ++d)
    if (red[d]) {
      count *= data.shape[d];
      keep.shape[d] = 1;
    }
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  const mxl_cuda_blob* ins[1] = {&keep};
  Bcast bc = make_bcast(data, ins, 1);
  MXC_SWITCH_NUM16(c, data.dtype, T, {
    const T* g = static_cast<const T*>(c->in[0].data);
    const T* y = c->nin > 2 ? static_cast<const T*>(c->in[2].data) : g;
    reduce_bwd_kernel<R, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        g, static_cast<const T*>(data.data), y, static_cast<T*>(c->out[0].data), n, count, bc);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

int norm_fwd(const mxl_cuda_call* c) {
  bool red[MXL_CUDA_MAX_DIM];
  reduce_flags(c, c->in[0], red);
  return attr_i(c, "ord") == 1 ? reduce_into<Norm1R>(c, c->in[0], c->out[0], red)
                               : reduce_into<Norm2R>(c, c->in[0], c->out[0], red);
}
int norm_bwd(const mxl_cuda_call* c) {
  return attr_i(c, "ord") == 1 ? reduce_bwd<Norm1R>(c) : reduce_bwd<Norm2R>(c);
}

// _broadcast_backward(ograd, like): sums ograd over the axes where like broadcast.
int broadcast_backward(const mxl_cuda_call* c) {
  const mxl_cuda_blob& g = c->in[0];
  const mxl_cuda_blob& l = c->out[0];
  bool red[MXL_CUDA_MAX_DIM];
  for (int i = 0; i < g.ndim; ++i) {
    int j = i - (g.ndim - l.ndim);
    red[i] = j < 0 || (l.shape[j] == 1 && g.shape[i] != 1);
  }
  return reduce_into<SumR>(c, g, l, red);
}

// argmax / argmin: the first extreme index along one axis (NaN counts as extreme),
// written in the input's dtype. One thread per output lane.
template <bool kMax, class T>
__global__ void arg_kernel(const T* x, T* y, int64_t lanes, int64_t n, int64_t inner) {
  using C = compute_t<T>;
  MXC_KERNEL_LOOP(lane, lanes) {
    const T* p = x + (lane / inner) * n * inner + lane % inner;
    C best = C(p[0]);
    int64_t bi = 0;
    for (int64_t k = 1; k < n; ++k) {
      C v = C(p[k * inner]);
      bool vnan = v != v, bnan = best != best;
      bool better = kMax ? (v > best || vnan) : (v < best || vnan);
      if (better && !bnan) {
        best = v;
        bi = k;
      }
    }
    y[lane] = cast_to<T>(bi);
  }
}
template <bool kMax>
int arg_run(const mxl_cuda_call* c, bool axis_none, int64_t axis) {
  const mxl_cuda_blob& in = c->in[0];
  int64_t total = blob_size(in), outer = 1, n = total, inner = 1;
  if (!axis_none) {
    int d = int(axis < 0 ? axis + in.ndim : axis);
    for (int i = 0; i < d; ++i) outer *= in.shape[i];
    n = in.shape[d];
    inner = total / (outer * n > 0 ? outer * n : 1);
  }
  int64_t lanes = outer * inner;
  if (lanes == 0 || n == 0) return 0;
  MXC_SWITCH_NUM16(c, in.dtype, T, {
    arg_kernel<kMax, T><<<grid_for(lanes), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(in.data), static_cast<T*>(c->out[0].data), lanes, n, inner);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
template <bool kMax>
int arg_fwd(const mxl_cuda_call* c) {
  bool none = attr_none(c, "axis");
  return arg_run<kMax>(c, none, none ? 0 : attr_i(c, "axis"));
}
int argmax_channel(const mxl_cuda_call* c) { return arg_run<true>(c, false, 1); }

}  // namespace

void register_reduce(KernelTable& t) {
  t.push_back({"sum", reduce_fwd<SumR>});
  t.push_back({"_backward_sum", reduce_bwd<SumR>});
  t.push_back({"mean", reduce_fwd<MeanR>});
  t.push_back({"_backward_mean", reduce_bwd<MeanR>});
  t.push_back({"prod", reduce_fwd<ProdR>});
  t.push_back({"_backward_prod", reduce_bwd<ProdR>});
  t.push_back({"max", reduce_fwd<MaxR>});
  t.push_back({"_backward_max", reduce_bwd<MaxR>});
  t.push_back({"min", reduce_fwd<MinR>});
  t.push_back({"_backward_min", reduce_bwd<MinR>});
  t.push_back({"nansum", reduce_fwd<NanSumR>});
  t.push_back({"_backward_nansum", reduce_bwd<NanSumR>});
  t.push_back({"nanprod", reduce_fwd<NanProdR>});
  t.push_back({"_backward_nanprod", reduce_bwd<NanProdR>});
  t.push_back({"norm", norm_fwd});
  t.push_back({"_backward_norm", norm_bwd});
  t.push_back({"_broadcast_backward", broadcast_backward});
  t.push_back({"argmax", arg_fwd<true>});
  t.push_back({"argmin", arg_fwd<false>});
  t.push_back({"argmax_channel", argmax_channel});
}

}  // namespace mxlcuda
