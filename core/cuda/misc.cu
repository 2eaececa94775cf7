// Loss heads and selection ops on the device: Linear / Logistic / MAE
// RegressionOutput (forward and backward), smooth_l1 (forward and backward), MakeLoss
// (forward), where (forward and backward), one_hot.
#include "common.cuh"

namespace mxlcuda {
namespace {

// ------------------------------------------------------- regression outputs
enum RegKind { kLinear, kLogistic, kMAE };

template <int K, class T>
__global__ void regression_kernel(const T* x, T* y, int64_t n) {
  MXC_KERNEL_LOOP(i, n) y[i] = K == kLogistic ? T(1) / (T(1) + exp(-x[i])) : x[i];
}
template <int K>
int regression_fwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
    regression_kernel<K, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<const T*>(c->in[0].data),
                                                                        static_cast<T*>(c->out[0].data), n);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// (output, label) -> (out - label) * grad_scale / outputs per sample (sign for MAE).
template <int K, class T>
__global__ void regression_bwd_kernel(const T* y, const T* l, T* gx, int64_t n, T scale) {
  MXC_KERNEL_LOOP(i, n) {
    T d = y[i] - l[i];
    if (K == kMAE) d = T((d > T(0)) - (d < T(0)));
    gx[i] = d * scale;
  }
}
template <int K>
int regression_bwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob& label = c->in[1];
  int64_t per_sample = label.ndim > 0 && label.shape[0] > 0 ? blob_size(label) / label.shape[0] : 1;
  double scale = attr_f(c, "grad_scale") / double(per_sample > 1 ? per_sample : 1);
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
    regression_bwd_kernel<K, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(c->in[0].data), static_cast<const T*>(label.data), static_cast<T*>(c->out[0].data), n,
        T(scale));
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ---------------------------------------------------------------- smooth_l1
// f(x) = 0.5 (s x)^2 if |x| < 1/s^2, else |x| - 0.5/s^2, with s = scalar.
template <class T>
__global__ void smooth_l1_kernel(const T* x, T* y, int64_t n, double s2) {
  MXC_KERNEL_LOOP(i, n) {
    T v = x[i], ax = fabs(v);
    y[i] = ax < T(1 / s2) ? T(0.5 * s2) * v * v : ax - T(0.5 / s2);
  }
}
template <class T>
__global__ void smooth_l1_bwd_kernel(const T* g, const T* x, T* gx, int64_t n, double s2) {
  MXC_KERNEL_LOOP(i, n) {
    T v = x[i];
    gx[i] = g[i] * (fabs(v) < T(1 / s2) ? T(s2) * v : T((v > T(0)) - (v < T(0))));
  }
}
int smooth_l1(const mxl_cuda_call* c) {
  double s = attr_f(c, "scalar");
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
    smooth_l1_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(static_cast<const T*>(c->in[0].data),
                                                                     static_cast<T*>(c->out[0].data), n, s * s);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
int smooth_l1_bwd(const mxl_cuda_call* c) {
  double s = attr_f(c, "scalar");
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
    smooth_l1_bwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(c->in[0].data), static_cast<const T*>(c->in[1].data), static_cast<T*>(c->out[0].data),
        n, s * s);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

int make_loss(const mxl_cuda_call* c) {
  CU_CHECK_CALL(c, dcopy(c, c->out[0].data, c->in[0].data, size_t(blob_size(c->in[0])) * esize(c->in[0].dtype)));
  return 0;
}

// ------------------------------------------------------------------ where
// condition has x's shape, or is 1-D over x's rows (row = elements per condition).
template <class C, class T>
__global__ void where_kernel(const C* cond, const T* x, const T* y, T* o, int64_t n, int64_t row) {
  MXC_KERNEL_LOOP(i, n) o[i] = cond[i / row] != C(0) ? x[i] : y[i];
}
template <class C, class T>
__global__ void where_bwd_kernel(const T* g, const C* cond, T* dx, T* dy, int64_t n, int64_t row) {
  MXC_KERNEL_LOOP(i, n) {
    bool t = cond[i / row] != C(0);
    dx[i] = t ? g[i] : T(0);
    dy[i] = t ? T(0) : g[i];
  }
}
int64_t where_row(int64_t n, int64_t nc) { return nc == n || nc == 0 ? 1 : n / nc; }
int where_fwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  int64_t row = where_row(n, blob_size(c->in[0]));
  MXC_SWITCH_ALL16(c, c->in[0].dtype, C, {
    MXC_SWITCH_ALL16(c, c->out[0].dtype, T, {
      where_kernel<C, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
          static_cast<const C*>(c->in[0].data), static_cast<const T*>(c->in[1].data),
          static_cast<const T*>(c->in[2].data), static_cast<T*>(c->out[0].data), n, row);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}
int where_bwd(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->in[0]);
  if (n == 0) return 0;
  int64_t row = where_row(n, blob_size(c->in[1]));
  MXC_SWITCH_ALL16(c, c->in[1].dtype, C, {
    MXC_SWITCH_ALL16(c, c->in[0].dtype, T, {
      where_bwd_kernel<C, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
          static_cast<const T*>(c->in[0].data), static_cast<const C*>(c->in[1].data),
          static_cast<T*>(c->out[0].data), static_cast<T*>(c->out[1].data), n, row);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ------------------------------------------------------------------ one_hot
// Indices outside [0, depth) give a row of off_value; floats truncate toward 0.
template <class I, class T>
__global__ void one_hot_kernel(const I* idx, T* out, int64_t n, int64_t depth, T on, T off) {
  MXC_KERNEL_LOOP(i, n * depth) {
    double d = double(idx[i / depth]);
    int64_t k = d != d ? -1 : (d <= -1 ? -1 : (d >= 9.2e18 ? -1 : int64_t(d)));
    out[i] = k == i % depth ? on : off;
  }
}
int one_hot(const mxl_cuda_call* c) {
  int64_t depth = attr_i(c, "depth"), n = blob_size(c->in[0]);
  if (n * depth == 0) return 0;
  double on = attr_f(c, "on_value"), off = attr_f(c, "off_value");
  MXC_SWITCH_ALL16(c, c->in[0].dtype, I, {
    MXC_SWITCH_ALL16(c, c->out[0].dtype, T, {
      one_hot_kernel<I, T><<<grid_for(n * depth), kThreads, 0, stream_of(c)>>>(
          static_cast<const I*>(c->in[0].data), static_cast<T*>(c->out[0].data), n, depth, saturate<T>(on),
          saturate<T>(off));
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ------------------------------------------------------------ MakeLoss backward
// grad_scale / norm everywhere, norm from the batch size or from the count of data
// above valid_thresh -- counted on the device, so no host round trip.
template <class T>
__global__ void count_above_kernel(const T* x, int64_t n, double thresh, unsigned long long* count) {
  unsigned long long local = 0;
  MXC_KERNEL_LOOP(i, n) local += double(x[i]) > thresh;
  if (local) atomicAdd(count, local);
}
template <class T>
__global__ void makeloss_fill_kernel(T* y, int64_t n, double scale, double norm,
                                     const unsigned long long* count) {
  double d = count ? double(*count) : norm;
  T v = T(scale / (d > 1 ? d : 1));
  MXC_KERNEL_LOOP(i, n) y[i] = v;
}
int make_loss_bwd(const mxl_cuda_call* c) {
  const mxl_cuda_blob& x = c->in[0];
  int64_t n = blob_size(x);
  if (n == 0) return 0;
  std::string mode = attr_s(c, "normalization");
  double norm = mode == "batch" && x.ndim > 0 ? double(x.shape[0]) : 1;
  unsigned long long* count = nullptr;
  MXC_SWITCH_FLOAT(c, x.dtype, T, {
    if (mode == "valid") {
      count = static_cast<unsigned long long*>(workspace(c, sizeof(unsigned long long)));
      if (!count) return call_fail(c, kOutOfMemory, "_backward_MakeLoss: no device scratch memory");
      CU_CHECK_CALL(c, cudaMemsetAsync(count, 0, sizeof(unsigned long long), stream_of(c)));
      count_above_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
          static_cast<const T*>(x.data), n, attr_f(c, "valid_thresh"), count);
      CU_CHECK_LAUNCH(c);
    }
    makeloss_fill_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        static_cast<T*>(c->out[0].data), n, attr_f(c, "grad_scale"), norm, count);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

}  // namespace

void register_misc(KernelTable& t) {
  t.push_back({"LinearRegressionOutput", with_float16<regression_fwd<kLinear>>});
  t.push_back({"_backward_LinearRegressionOutput", with_float16<regression_bwd<kLinear>>});
  t.push_back({"LogisticRegressionOutput", with_float16<regression_fwd<kLogistic>>});
  t.push_back({"_backward_LogisticRegressionOutput", with_float16<regression_bwd<kLogistic>>});
  t.push_back({"MAERegressionOutput", with_float16<regression_fwd<kLinear>>});
  t.push_back({"_backward_MAERegressionOutput", with_float16<regression_bwd<kMAE>>});
  t.push_back({"smooth_l1", with_float16<smooth_l1>});
  t.push_back({"_backward_smooth_l1", with_float16<smooth_l1_bwd>});
  t.push_back({"MakeLoss", make_loss});
  t.push_back({"_backward_MakeLoss", with_float16<make_loss_bwd>});
  t.push_back({"where", where_fwd});
  t.push_back({"_backward_where", where_bwd});
  t.push_back({"one_hot", one_hot});
}

}  // namespace mxlcuda
