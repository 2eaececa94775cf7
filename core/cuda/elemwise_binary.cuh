// The binary elementwise kernels (same shape, broadcast, scalar, backward) and the
// family registration, shared by elemwise_arith.cu and elemwise_compare.cu, which
// instantiate them for their halves of the functor table (two files compile in
// parallel).
#pragma once
#include <string>

#include "common.cuh"
#include "elemwise_steps.cuh"

namespace mxlcuda {
namespace binary {

using namespace mxl::elemwise;

// ------------------------------------------------------------------ binary
// Integer division by zero is an error, as on the CPU: the divisors (n elements of
// type D) are checked before computing in T -- a device -> host round trip that only
// integer division pays.
template <class F, class T, class D>
int check_divisor(const mxl_cuda_call* c, const D* b, int64_t n) {
  if constexpr (F::int_divisor && std::is_integral_v<T>) {
    bool zero = false;
    if (int rc = any_zero(c, b, n, &zero)) return rc;
    if (zero) return call_fail(c, kArithmetic, "integer division by zero");
  }
  return 0;
}

// The same for a scalar divisor (known on the host: no round trip).
template <class F, class T>
int scalar_divisor(const mxl_cuda_call* c, T s) {
  if constexpr (F::int_divisor && std::is_integral_v<T>)
    if (s == T(0)) return call_fail(c, kArithmetic, "integer division by zero");
  return 0;
}

template <class F, class T>
__global__ void binary_same_kernel(const T* a, const T* b, T* y, int64_t n) {
  MXC_KERNEL_LOOP(i, n) y[i] = binary_step<F>(a[i], b[i]);
}
// The same with 16-byte loads and stores (memory-bound: wider transactions get
// closer to copy bandwidth); for 16-byte-aligned pointers, the tail done singly.
template <class T>
struct alignas(16) Pack16 {
  static constexpr int kN = 16 / sizeof(T);
  T v[kN];
};
template <class F, class T>
__global__ void binary_same_vec_kernel(const T* a, const T* b, T* y, int64_t n) {
  using P = Pack16<T>;
  int64_t nvec = n / P::kN;
  const P* pa = reinterpret_cast<const P*>(a);
  const P* pb = reinterpret_cast<const P*>(b);
  P* py = reinterpret_cast<P*>(y);
  MXC_KERNEL_LOOP(i, nvec) {
    P x = pa[i], z = pb[i], r;
#pragma unroll
    for (int k = 0; k < P::kN; ++k) r.v[k] = binary_step<F>(x.v[k], z.v[k]);
    py[i] = r;
  }
  MXC_KERNEL_LOOP(i, n - nvec * P::kN) {
    int64_t j = nvec * P::kN + i;
    y[j] = binary_step<F>(a[j], b[j]);
  }
}
inline bool aligned16(const void* p) { return (reinterpret_cast<uintptr_t>(p) & 15) == 0; }
template <class F, class T>
__global__ void binary_bcast_kernel(const T* a, const T* b, T* y, int64_t n, Bcast bc) {
  MXC_KERNEL_LOOP(i, n) {
    int64_t off[3];
    bc.offsets(i, off);
    y[i] = binary_step<F>(a[off[0]], b[off[1]]);
  }
}

template <class F>
int binary_fwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob &A = c->in[0], &B = c->in[1], &Y = c->out[0];
  int64_t n = blob_size(Y);
  if (n == 0) return 0;
  bool same = blob_size(A) == n && blob_size(B) == n;
  const mxl_cuda_blob* ins[2] = {&A, &B};
  Bcast bc = same ? Bcast{} : make_bcast(Y, ins, 2);
  MXC_SWITCH_ALL16(c, A.dtype, T, {
    if constexpr (!F::bool_ok && std::is_same_v<T, bool>) {
      return call_fail(c, kDType, "%s: unsupported dtype bool", c->op_name);
    } else {
      const T* a = static_cast<const T*>(A.data);
      const T* b = static_cast<const T*>(B.data);
      T* y = static_cast<T*>(Y.data);
      if (int rc = check_divisor<F, T>(c, b, blob_size(B))) return rc;
      if (same && sizeof(T) <= 8 && aligned16(a) && aligned16(b) && aligned16(y))
        binary_same_vec_kernel<F, T><<<grid_for(n / Pack16<T>::kN + 1), kThreads, 0, stream_of(c)>>>(a, b, y, n);
      else if (same) binary_same_kernel<F, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(a, b, y, n);
      else binary_bcast_kernel<F, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(a, b, y, n, bc);
    }
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// _backward_<op>(ograd, lhs, rhs) -> (ograd * dl, ograd * dr) in ograd's shape.
template <class F, class T>
__global__ void binary_bwd_kernel(const T* g, const T* pa, const T* pb, T* gl, T* gr, int64_t n, Bcast bc) {
  using C = math_t<T>;
  MXC_KERNEL_LOOP(i, n) {
    int64_t off[3];
    bc.offsets(i, off);
    C av = C(pa[off[1]]), bv = C(pb[off[2]]), gv = C(g[i]);
    C y = F::f(av, bv);
    gl[i] = cast_to<T>(gv * F::dl(av, bv, y));
    gr[i] = cast_to<T>(gv * F::dr(av, bv, y));
  }
}
template <class F>
int binary_bwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->in[0]);
  if (n == 0) return 0;
  const mxl_cuda_blob* ins[3] = {&c->in[0], &c->in[1], &c->in[2]};
  Bcast bc = make_bcast(c->in[0], ins, 3);
  MXC_SWITCH_NUM16(c, c->in[0].dtype, T, {
    binary_bwd_kernel<F, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(c->in[0].data), static_cast<const T*>(c->in[1].data),
        static_cast<const T*>(c->in[2].data), static_cast<T*>(c->out[0].data), static_cast<T*>(c->out[1].data),
        n, bc);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// Scalar ops: y = f(x, s) or, reversed, f(s, x), with the scalar converted to the
// output dtype; integer / bool inputs may be promoted (see scalar_type on the CPU).
template <class F, bool kRev, class TI, class TO>
__global__ void scalar_kernel(const TI* x, TO* y, int64_t n, TO s) {
  MXC_KERNEL_LOOP(i, n) {
    TO v = static_cast<TO>(x[i]);
    y[i] = kRev ? binary_step<F>(s, v) : binary_step<F>(v, s);
  }
}
template <class F, bool kRev>
int scalar_fwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  double s = attr_f(c, "scalar");
  const int it = c->in[0].dtype, ot = c->out[0].dtype;
  if (it == ot) {
    MXC_SWITCH_ALL16(c, it, T, {
      if constexpr (!F::bool_ok && std::is_same_v<T, bool>) {
        return call_fail(c, kDType, "%s: unsupported dtype bool", c->op_name);
      } else {
        const T* x = static_cast<const T*>(c->in[0].data);
        const T sv = cast_to<T>(s);
        if (int rc = kRev ? check_divisor<F, T>(c, x, n) : scalar_divisor<F, T>(c, sv)) return rc;
        scalar_kernel<F, kRev, T, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(x, static_cast<T*>(c->out[0].data),
                                                                                n, sv);
      }
    });
  } else {
    MXC_SWITCH_ALL(c, it, TI, {
      if (ot != f64) {  // integer results
        const TI* x = static_cast<const TI*>(c->in[0].data);
        if (int rc = kRev ? check_divisor<F, int64_t>(c, x, n) : scalar_divisor<F, int64_t>(c, cast_to<int64_t>(s)))
          return rc;
      }
      if (ot == f64)
        scalar_kernel<F, kRev, TI, double><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
            static_cast<const TI*>(c->in[0].data), static_cast<double*>(c->out[0].data), n, s);
      else
        scalar_kernel<F, kRev, TI, int64_t><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
            static_cast<const TI*>(c->in[0].data), static_cast<int64_t*>(c->out[0].data), n,
            cast_to<int64_t>(s));
    });
  }
  CU_CHECK_LAUNCH(c);
  return 0;
}

template <class F, bool kRev, class T>
__global__ void scalar_bwd_kernel(const T* g, const T* x, T* gx, int64_t n, math_t<T> s) {
  MXC_KERNEL_LOOP(i, n) gx[i] = scalar_grad_step<F, kRev>(g[i], x[i], s);
}
template <class F, bool kRev>
int scalar_bwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  double s = attr_f(c, "scalar");
  MXC_SWITCH_NUM16(c, c->in[1].dtype, T, {
    scalar_bwd_kernel<F, kRev, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(c->in[0].data), static_cast<const T*>(c->in[1].data),
        static_cast<T*>(c->out[0].data), n, math_t<T>(cast_to<T>(s)));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

struct Family {
  const char *elem, *bcast, *scalar, *rscalar, *backward;
};
template <class F>
void family(KernelTable& t, Family f) {
  t.push_back({f.elem, binary_fwd<F>});
  t.push_back({f.bcast, binary_fwd<F>});
  t.push_back({f.scalar, scalar_fwd<F, false>});
  if (f.rscalar) t.push_back({f.rscalar, scalar_fwd<F, true>});
  if (F::grad) {
    t.push_back({f.backward, binary_bwd<F>});
    // Scalar backward ops are named "_backward" + the scalar op's name.
    static std::vector<std::string>* names = new std::vector<std::string>;  // outlive the table
    names->reserve(64);
    names->push_back(std::string("_backward") + f.scalar);
    t.push_back({names->back().c_str(), scalar_bwd<F, false>});
    if (f.rscalar) {
      names->push_back(std::string("_backward") + f.rscalar);
      t.push_back({names->back().c_str(), scalar_bwd<F, true>});
    }
  }
}


}  // namespace binary
}  // namespace mxlcuda
