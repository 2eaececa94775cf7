// Neural-network CUDA kernels: Activation, softmax / log_softmax / softmin,
// SoftmaxActivation, SoftmaxOutput, Dropout (forward and backward).
#include "common.cuh"
#include "core/op/elemwise_math.h"
#include "philox.cuh"

namespace mxlcuda {
namespace {

using namespace mxl::elemwise;

// ---------------------------------------------------------------- Activation
// act_type in MXNet's order: relu, sigmoid, softrelu, softsign, tanh.
template <int K, class C>
__device__ inline C act_fwd(C x) {
  if constexpr (K == 0) return Relu::f(x);
  else if constexpr (K == 1) return Sigmoid::f(x);
  else if constexpr (K == 2) return x > C(20) ? x : C(log1p(exp(x)));
  else if constexpr (K == 3) return Softsign::f(x);
  else return Tanh::f(x);
}
// Derivative from the input x and the output y.
template <int K, class C>
__device__ inline C act_grad(C x, C y) {
  if constexpr (K == 0) return Relu::df(y);
  else if constexpr (K == 1) return Sigmoid::df(y);
  else if constexpr (K == 2) return C(1) / (C(1) + exp(-x));
  else if constexpr (K == 3) return Softsign::df(x);
  else return Tanh::df(y);
}

template <int K, class T>
__global__ void act_kernel(const T* x, T* y, int64_t n) {
  MXC_KERNEL_LOOP(i, n) y[i] = act_fwd<K>(x[i]);
}
template <int K, class T>
__global__ void act_bwd_kernel(const T* g, const T* x, const T* y, T* gx, int64_t n) {
  MXC_KERNEL_LOOP(i, n) gx[i] = g[i] * act_grad<K>(x[i], y[i]);
}

int activation_fwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
    int rc = const_dispatch<5>(attr_i(c, "act_type"), [&](auto k) {
      act_kernel<decltype(k)::value, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
          static_cast<const T*>(c->in[0].data), static_cast<T*>(c->out[0].data), n);
      return 0;
    });
    if (rc) return call_fail(c, rc, "Activation: unknown act_type");
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
int activation_bwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
    int rc = const_dispatch<5>(attr_i(c, "act_type"), [&](auto k) {
      act_bwd_kernel<decltype(k)::value, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
          static_cast<const T*>(c->in[0].data), static_cast<const T*>(c->in[1].data),
          static_cast<const T*>(c->in[2].data), static_cast<T*>(c->out[0].data), n);
      return 0;
    });
    if (rc) return call_fail(c, rc, "_backward_Activation: unknown act_type");
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ------------------------------------------------------------------ softmax
// A view (outer, n, inner) of a shape around one axis; softmax runs along n.
struct Geom {
  int64_t outer = 1, n = 1, inner = 1;
};
Geom axis_geom(const mxl_cuda_blob& b, int axis) {
  Geom g;
  for (int i = 0; i < b.ndim; ++i) {
    if (i < axis) g.outer *= b.shape[i];
    else if (i == axis) g.n = b.shape[i];
    else g.inner *= b.shape[i];
  }
  return g;
}

enum SoftMode { kSoftmax = 0, kLogSoftmax = 1, kSoftmin = 2 };

// One thread per (outer, inner) lane, stable: subtract the maximum first.
template <int kMode, class TI, class TO>
__global__ void softmax_kernel(const TI* x, TO* y, Geom g, double temperature) {
  using C = std::conditional_t<std::is_same_v<TI, double> || std::is_same_v<TO, double>, double, float>;
  const C scale = C((kMode == kSoftmin ? -1.0 : 1.0) / temperature);
  const int64_t n = g.n, inner = g.inner;
  MXC_KERNEL_LOOP(lane, g.outer * inner) {
    const int64_t base = (lane / inner) * n * inner + lane % inner;
    const TI* px = x + base;
    TO* py = y + base;
    C m = -INFINITY;
    for (int64_t k = 0; k < n; ++k) {
      C v = C(px[k * inner]) * scale;
      m = v > m ? v : m;
    }
    C sum = 0;
    for (int64_t k = 0; k < n; ++k) sum += exp(C(px[k * inner]) * scale - m);
    if (kMode == kLogSoftmax) {
      const C ls = log(sum) + m;
      for (int64_t k = 0; k < n; ++k) py[k * inner] = TO(C(px[k * inner]) * scale - ls);
    } else {
      const C inv = C(1) / sum;
      for (int64_t k = 0; k < n; ++k) py[k * inner] = TO(exp(C(px[k * inner]) * scale - m) * inv);
    }
  }
}

// Gradient from the output y: softmax y*(g - sum(g*y))/T (negated for softmin);
// log_softmax (g - exp(y)*sum(g))/T.
template <int kMode, class T>
__global__ void softmax_bwd_kernel(const T* g, const T* y, T* gx, Geom geo, double temperature) {
  using C = math_t<T>;
  const C scale = C((kMode == kSoftmin ? -1.0 : 1.0) / temperature);
  const int64_t n = geo.n, inner = geo.inner;
  MXC_KERNEL_LOOP(lane, geo.outer * inner) {
    const int64_t base = (lane / inner) * n * inner + lane % inner;
    const T* pg = g + base;
    const T* py = y + base;
    T* po = gx + base;
    C acc = 0;
    if (kMode == kLogSoftmax) {
      for (int64_t k = 0; k < n; ++k) acc += C(pg[k * inner]);
      for (int64_t k = 0; k < n; ++k) po[k * inner] = T((C(pg[k * inner]) - exp(C(py[k * inner])) * acc) * scale);
    } else {
      for (int64_t k = 0; k < n; ++k) acc += C(pg[k * inner]) * C(py[k * inner]);
      for (int64_t k = 0; k < n; ++k) po[k * inner] = T(C(py[k * inner]) * (C(pg[k * inner]) - acc) * scale);
    }
  }
}

template <int kMode>
int softmax_launch(const mxl_cuda_call* c, const mxl_cuda_blob& in, const mxl_cuda_blob& out, Geom g, double t) {
  if (g.outer * g.inner == 0 || g.n == 0) return 0;
  MXC_SWITCH_FLOAT(c, in.dtype, TI, {
    MXC_SWITCH_FLOAT(c, out.dtype, TO, {
      softmax_kernel<kMode, TI, TO><<<grid_for(g.outer * g.inner), kThreads, 0, stream_of(c)>>>(
          static_cast<const TI*>(in.data), static_cast<TO*>(out.data), g, t);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
template <int kMode>
int softmax_grad_launch(const mxl_cuda_call* c, Geom g, double t) {
  if (g.outer * g.inner == 0 || g.n == 0) return 0;
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
    softmax_bwd_kernel<kMode, T><<<grid_for(g.outer * g.inner), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(c->in[0].data), static_cast<const T*>(c->in[1].data), static_cast<T*>(c->out[0].data),
        g, t);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

double temperature_of(const mxl_cuda_call* c) { return attr_none(c, "temperature") ? 1.0 : attr_f(c, "temperature"); }
Geom softmax_geom(const mxl_cuda_call* c, const mxl_cuda_blob& b) {
  int64_t axis = attr_i(c, "axis");
  return axis_geom(b, int(axis < 0 ? axis + b.ndim : axis));
}

template <int kMode>
int softmax_fwd(const mxl_cuda_call* c) {
  if (attr_b(c, "use_length"))
    return call_fail(c, kInvalidArgument, "%s: use_length=True is not supported", c->op_name);
  return softmax_launch<kMode>(c, c->in[0], c->out[0], softmax_geom(c, c->in[0]), temperature_of(c));
}
template <int kMode>
int softmax_bwd(const mxl_cuda_call* c) {
  return softmax_grad_launch<kMode>(c, softmax_geom(c, c->in[0]), temperature_of(c));
}

Geom softmax_activation_geom(const mxl_cuda_call* c, const mxl_cuda_blob& b) {
  return axis_geom(b, attr_s(c, "mode") == "channel" ? 1 : b.ndim - 1);
}
int softmax_activation_fwd(const mxl_cuda_call* c) {
  return softmax_launch<kSoftmax>(c, c->in[0], c->out[0], softmax_activation_geom(c, c->in[0]), 1.0);
}
int softmax_activation_bwd(const mxl_cuda_call* c) {
  return softmax_grad_launch<kSoftmax>(c, softmax_activation_geom(c, c->in[0]), 1.0);
}

// ------------------------------------------------------------- SoftmaxOutput
Geom softmax_output_geom(const mxl_cuda_call* c, const mxl_cuda_blob& s) {
  if (attr_b(c, "multi_output")) return axis_geom(s, 1);
  if (attr_b(c, "preserve_shape")) return axis_geom(s, s.ndim - 1);
  Geom g;
  g.outer = s.shape[0];
  g.n = blob_size(s) / (s.shape[0] > 0 ? s.shape[0] : 1);
  return g;
}

int softmax_output_fwd(const mxl_cuda_call* c) {
  return softmax_launch<kSoftmax>(c, c->in[0], c->out[0], softmax_output_geom(c, c->in[0]), 1.0);
}

// Labels not equal to ignore_label (normalization='valid'), counted on the device.
template <class L>
__global__ void count_valid_kernel(const L* label, int64_t lanes, double ignore, unsigned long long* count) {
  unsigned long long local = 0;
  MXC_KERNEL_LOOP(i, lanes) local += double(label[i]) != ignore;
  if (local) atomicAdd(count, local);
}

struct SoftmaxOutputArgs {
  Geom geo;
  bool multi, use_ignore, out_grad;
  double ignore, alpha, scale;
  const unsigned long long* valid;  // non-null: divide scale by max(*valid, 1)
};

template <class T, class L>
__global__ void softmax_output_bwd_kernel(const T* g, const T* y, const L* label, T* gx, SoftmaxOutputArgs a) {
  using C = math_t<T>;
  const int64_t n = a.geo.n, inner = a.geo.inner;
  double scale = a.scale;
  if (a.valid) scale /= double(*a.valid > 0 ? *a.valid : 1);
  const C off_target = n > 1 ? C(a.alpha / double(n - 1)) : C(0), on_target = C(1 - a.alpha);
  MXC_KERNEL_LOOP(lane, a.geo.outer * inner) {
    const int64_t base = (lane / inner) * n * inner + lane % inner;
    const double lv = double(label[a.multi ? lane : lane / inner]);
    const bool ignored = a.use_ignore && lv == a.ignore;
    const int64_t k_label = int64_t(lv);
    for (int64_t k = 0; k < n; ++k) {
      const int64_t i = base + k * inner;
      C v = 0;
      if (!ignored) {
        C target = a.alpha != 0 ? (k == k_label ? on_target : off_target) : C(k == k_label);
        v = (C(y[i]) - target) * C(scale);
        if (a.out_grad) v *= C(g[i]);
      }
      gx[i] = T(v);
    }
  }
}

// (ograd, output, label) -> data gradient.
int softmax_output_bwd(const mxl_cuda_call* c) {
  SoftmaxOutputArgs a;
  a.geo = softmax_output_geom(c, c->in[1]);
  a.multi = attr_b(c, "multi_output");
  a.use_ignore = attr_b(c, "use_ignore");
  a.out_grad = attr_b(c, "out_grad");
  a.ignore = attr_f(c, "ignore_label");
  a.alpha = attr_f(c, "smooth_alpha");
  a.scale = attr_f(c, "grad_scale");
  a.valid = nullptr;
  const std::string norm = attr_s(c, "normalization");
  const int64_t lanes = a.geo.outer * a.geo.inner;
  if (blob_size(c->in[2]) < lanes)
    return call_fail(c, kShape, "SoftmaxOutput: label has %lld elements, expected %lld",
                     (long long)blob_size(c->in[2]), (long long)lanes);
  if (norm != "valid") {
    if (a.multi) a.scale /= double(a.geo.inner);
    if (norm == "batch") a.scale /= double(a.geo.outer);
  }
  if (lanes == 0) return 0;
  MXC_SWITCH_FLOAT(c, c->in[1].dtype, T, {
    MXC_SWITCH_NUM(c, c->in[2].dtype, L, {
      const L* label = static_cast<const L*>(c->in[2].data);
      if (norm == "valid") {
        auto* cnt = static_cast<unsigned long long*>(workspace(c, sizeof(unsigned long long)));
        if (!cnt) return call_fail(c, kOutOfMemory, "SoftmaxOutput: no workspace memory");
        CU_CHECK_CALL(c, cudaMemsetAsync(cnt, 0, sizeof(unsigned long long), stream_of(c)));
        count_valid_kernel<L><<<grid_for(lanes), kThreads, 0, stream_of(c)>>>(label, lanes, a.ignore, cnt);
        CU_CHECK_LAUNCH(c);
        a.valid = cnt;
      }
      softmax_output_bwd_kernel<T, L><<<grid_for(lanes), kThreads, 0, stream_of(c)>>>(
          static_cast<const T*>(c->in[0].data), static_cast<const T*>(c->in[1].data), label,
          static_cast<T*>(c->out[0].data), a);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ------------------------------------------------------------------ Dropout
// Training (or mode='always'): each element (or each slice along `axes`, which share
// a mask value) is kept with probability 1-p and scaled by 1/(1-p).
template <class T>
__global__ void dropout_kernel(const T* x, T* y, int64_t n, Bcast bc, uint64_t seed, double keep, double scale) {
  Philox rng(seed);
  MXC_KERNEL_LOOP(i, n) {
    int64_t off[3];
    bc.offsets(i, off);  // off[0]: the mask element shared by this position
    uint32_t r[4];
    rng(uint64_t(off[0]), 0, r);
    bool kept = Philox::to_unit(r[0], r[1]) < keep;
    y[i] = kept ? T(math_t<T>(x[i]) * math_t<T>(scale)) : T(0);
  }
}

bool dropout_active(const mxl_cuda_call* c) { return attr_s(c, "mode") == "always" || c->is_train; }

int dropout_fwd(const mxl_cuda_call* c) {
  const double p = attr_f(c, "p");
  const int64_t n = blob_size(c->out[0]);
  if (!dropout_active(c) || p == 0) {
    CU_CHECK_CALL(c, dcopy(c, c->out[0].data, c->in[0].data, size_t(n) * esize(c->in[0].dtype)));
    return 0;
  }
  mxl_cuda_blob mask = c->in[0];  // size 1 along the shared axes
  int64_t axes[MXL_CUDA_MAX_DIM];
  int nax = c->attr->shape(c->attrs, "axes", axes);
  for (int i = 0; i < nax; ++i) mask.shape[axes[i] < 0 ? axes[i] + mask.ndim : axes[i]] = 1;
  const mxl_cuda_blob* ins[1] = {&mask};
  Bcast bc = make_bcast(c->in[0], ins, 1);
  const double scale = p >= 1 ? 0.0 : 1.0 / (1.0 - p);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
    dropout_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<const T*>(c->in[0].data),
                                                                   static_cast<T*>(c->out[0].data), n, bc, c->seed,
                                                                   1 - p, scale);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// The mask is recovered from y / x; where x == 0 the element counts as kept.
template <class T>
__global__ void dropout_bwd_kernel(const T* g, const T* x, const T* y, T* gx, int64_t n, double scale) {
  using C = math_t<T>;
  MXC_KERNEL_LOOP(i, n) {
    C xv = C(x[i]);
    gx[i] = T(C(g[i]) * (xv != C(0) ? C(y[i]) / xv : C(scale)));
  }
}
int dropout_bwd(const mxl_cuda_call* c) {
  const bool active = dropout_active(c) && attr_f(c, "p") > 0;
  const double p = attr_f(c, "p");
  const double scale = active ? (p >= 1 ? 0.0 : 1.0 / (1.0 - p)) : 1.0;
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
    dropout_bwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(c->in[0].data), static_cast<const T*>(c->in[1].data),
        static_cast<const T*>(c->in[2].data), static_cast<T*>(c->out[0].data), n, scale);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

}  // namespace

void register_nn(KernelTable& t) {
  t.push_back({"Activation", with_float16<activation_fwd>});
  t.push_back({"_backward_Activation", with_float16<activation_bwd>});
  t.push_back({"softmax", with_float16<softmax_fwd<kSoftmax>>});
  t.push_back({"_backward_softmax", with_float16<softmax_bwd<kSoftmax>>});
  t.push_back({"log_softmax", with_float16<softmax_fwd<kLogSoftmax>>});
  t.push_back({"_backward_log_softmax", with_float16<softmax_bwd<kLogSoftmax>>});
  t.push_back({"softmin", with_float16<softmax_fwd<kSoftmin>>});
  t.push_back({"_backward_softmin", with_float16<softmax_bwd<kSoftmin>>});
  t.push_back({"SoftmaxActivation", with_float16<softmax_activation_fwd>});
  t.push_back({"_backward_SoftmaxActivation", with_float16<softmax_activation_bwd>});
  t.push_back({"SoftmaxOutput", with_float16<softmax_output_fwd>});
  t.push_back({"_backward_SoftmaxOutput", with_float16<softmax_output_bwd>});
  t.push_back({"Dropout", dropout_fwd});
  t.push_back({"_backward_Dropout", dropout_bwd});
}

}  // namespace mxlcuda
