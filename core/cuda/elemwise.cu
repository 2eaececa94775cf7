// Unary elementwise CUDA kernels: the math family (forward and backward), copies /
// casts / fills, clip, and the broadcast_* copies. The math is the CPU's functor
// table (core/op/elemwise_math.h), compiled for the device, one element at a time by
// elemwise_steps.cuh (which fused kernels share). The binary families are
// in elemwise_arith.cu / elemwise_compare.cu.
#include "common.cuh"
#include "elemwise_steps.cuh"

namespace mxlcuda {
namespace {

using namespace mxl::elemwise;

// ------------------------------------------------------------------ unary
template <class F, class T>
__global__ void unary_fwd_kernel(const T* x, T* y, int64_t n) {
  MXC_KERNEL_LOOP(i, n) y[i] = unary_step<F>(x[i]);
}
template <class F, class T>
__global__ void unary_bwd_kernel(const T* g, const T* v, T* gx, int64_t n) {
  MXC_KERNEL_LOOP(i, n) gx[i] = unary_grad_step<F>(g[i], v[i]);
}

template <class F>
int unary_fwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  MXC_SWITCH_NUM16(c, c->in[0].dtype, T, {
    if (n) unary_fwd_kernel<F, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(c->in[0].data), static_cast<T*>(c->out[0].data), n);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
template <class F>
int unary_bwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  MXC_SWITCH_NUM16(c, c->in[0].dtype, T, {
    if (n) unary_bwd_kernel<F, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(c->in[0].data), static_cast<const T*>(c->in[1].data),
        static_cast<T*>(c->out[0].data), n);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ------------------------------------------------------- copies, casts, fills
int copy_fwd(const mxl_cuda_call* c) {
  CU_CHECK_CALL(c, dcopy(c, c->out[0].data, c->in[0].data, size_t(blob_size(c->in[0])) * esize(c->in[0].dtype)));
  return 0;
}

template <class S, class D>
__global__ void cast_kernel(const S* s, D* d, int64_t n) {
  MXC_KERNEL_LOOP(i, n) d[i] = cast_to<D>(compute_t<S>(s[i]));  // float16 through float, as the CPU
}
int cast_fwd(const mxl_cuda_call* c) {
  if (c->in[0].dtype == c->out[0].dtype) return copy_fwd(c);
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_ALL16(c, c->in[0].dtype, S, {
    MXC_SWITCH_ALL16(c, c->out[0].dtype, D, {
      cast_kernel<S, D><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<const S*>(c->in[0].data),
                                                                    static_cast<D*>(c->out[0].data), n);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

template <int kValue>
int fill_fwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  MXC_SWITCH_ALL16(c, c->out[0].dtype, T, { CU_CHECK_CALL(c, fill<T>(c, static_cast<T*>(c->out[0].data), n, T(kValue))); });
  return 0;
}

// clip: bounds converted to the dtype first, as on the CPU.
template <class T>
__global__ void clip_kernel(const T* x, T* y, int64_t n, T lo, T hi) {
  MXC_KERNEL_LOOP(i, n) {
    T v = x[i];
    y[i] = v < lo ? lo : (v > hi ? hi : v);
  }
}
template <class T>
__global__ void clip_bwd_kernel(const T* g, const T* x, T* gx, int64_t n, T lo, T hi) {
  MXC_KERNEL_LOOP(i, n) {
    T v = x[i];
    gx[i] = (v < lo || v > hi) ? T(0) : g[i];
  }
}
int clip_fwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_NUM16(c, c->in[0].dtype, T, {
    clip_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(c->in[0].data), static_cast<T*>(c->out[0].data), n,
        cast_to<T>(attr_f(c, "a_min")), cast_to<T>(attr_f(c, "a_max")));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
int clip_bwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_NUM16(c, c->in[0].dtype, T, {
    clip_bwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(c->in[0].data), static_cast<const T*>(c->in[1].data),
        static_cast<T*>(c->out[0].data), n, cast_to<T>(attr_f(c, "a_min")), cast_to<T>(attr_f(c, "a_max")));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// broadcast_to / broadcast_axis / broadcast_like: out[i] = in[broadcast index].
// The input has the output's ndim with size-1 axes where it repeats.
template <class T>
__global__ void bcast_copy_kernel(const T* x, T* y, int64_t n, Bcast bc) {
  MXC_KERNEL_LOOP(i, n) {
    int64_t off[3];
    bc.offsets(i, off);
    y[i] = x[off[0]];
  }
}
int broadcast_copy(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  const mxl_cuda_blob* ins[1] = {&c->in[0]};
  Bcast bc = make_bcast(c->out[0], ins, 1);
  MXC_SWITCH_ALL16(c, c->in[0].dtype, T, {
    bcast_copy_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<const T*>(c->in[0].data),
                                                                      static_cast<T*>(c->out[0].data), n, bc);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ------------------------------------------------------------- the table
template <class F>
void unary(KernelTable& t, const char* name, const char* bwd) {
  t.push_back({name, unary_fwd<F>});
  if (bwd) t.push_back({bwd, unary_bwd<F>});
}

}  // namespace

void register_elemwise(KernelTable& t) {
  // Unary math: forward and, unless the gradient is identically zero, "_backward_<name>".
#define U(name, F) unary<F>(t, #name, F::dep == Dep::kZero ? nullptr : "_backward_" #name);
  MXC_UNARY_MATH_OPS(U)
#undef U
  t.push_back({"_copy", copy_fwd});
  t.push_back({"BlockGrad", copy_fwd});
  t.push_back({"zeros_like", fill_fwd<0>});
  t.push_back({"ones_like", fill_fwd<1>});
  t.push_back({"Cast", cast_fwd});
  t.push_back({"_backward_Cast", cast_fwd});
  t.push_back({"clip", clip_fwd});
  t.push_back({"_backward_clip", clip_bwd});
  t.push_back({"broadcast_to", broadcast_copy});
  t.push_back({"broadcast_axis", broadcast_copy});
  t.push_back({"broadcast_like", broadcast_copy});
}

}  // namespace mxlcuda
