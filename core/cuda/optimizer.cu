// Fused optimizer updates on the device: sgd_update, sgd_mom_update, nag_mom_update,
// adam_update (float32 / float64), with the formulas of core/op/optimizer.cc:
// g = clip(grad * rescale_grad) (clip_gradient < 0: off); states updated in place.
#include "common.cuh"

namespace mxlcuda {
namespace {

template <class C>
__device__ inline C clip_to(C v, C bound) {
  return bound >= C(0) ? (v > bound ? bound : (v < -bound ? -bound : v)) : v;
}

template <class C>
struct Hyper {
  C lr, wd, rescale, clip, momentum, beta1, beta2, eps;
};

template <class C>
Hyper<C> hyper(const mxl_cuda_call* c, bool has_momentum, bool adam) {
  Hyper<C> h{};
  h.lr = C(attr_f(c, "lr"));
  h.wd = C(attr_f(c, "wd"));
  h.rescale = C(attr_f(c, "rescale_grad"));
  h.clip = C(attr_f(c, "clip_gradient"));
  if (has_momentum) h.momentum = C(attr_f(c, "momentum"));
  if (adam) {
    h.beta1 = C(attr_f(c, "beta1"));
    h.beta2 = C(attr_f(c, "beta2"));
    h.eps = C(attr_f(c, "epsilon"));
  }
  return h;
}

enum Kind { kSgd, kSgdMom, kNag, kAdam };

template <Kind K, class T>
__global__ void update_kernel(const T* weight, const T* grad, T* s1, T* s2, T* out, int64_t n, Hyper<T> h) {
  MXC_KERNEL_LOOP(i, n) {
    T w = weight[i];
    if constexpr (K == kSgd) {
      T g = clip_to(grad[i] * h.rescale, h.clip);
      out[i] = (T(1) - h.lr * h.wd) * w - h.lr * g;
    } else if constexpr (K == kSgdMom) {
      T g = clip_to(grad[i] * h.rescale, h.clip);
      T m = h.momentum * s1[i] - h.lr * h.wd * w - h.lr * g;
      s1[i] = m;
      out[i] = w + m;
    } else if constexpr (K == kNag) {
      T g = clip_to(grad[i] * h.rescale, h.clip) + h.wd * w;
      T m = h.momentum * s1[i] - h.lr * g;
      s1[i] = m;
      out[i] = w + h.momentum * m - h.lr * g;
    } else {
      T g = clip_to(grad[i] * h.rescale + h.wd * w, h.clip);
      T m = h.beta1 * s1[i] + (T(1) - h.beta1) * g;
      T v = h.beta2 * s2[i] + (T(1) - h.beta2) * g * g;
      s1[i] = m;
      s2[i] = v;
      out[i] = w - h.lr * m / (sqrt(v) + h.eps);
    }
  }
}

template <Kind K>
int update(const mxl_cuda_call* c) {
  int64_t n = blob_size(c->in[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, {
    Hyper<T> h = hyper<T>(c, K == kSgdMom || K == kNag, K == kAdam);
    T* s1 = K == kSgd ? nullptr : static_cast<T*>(c->in[2].data);
    T* s2 = K == kAdam ? static_cast<T*>(c->in[3].data) : nullptr;
    update_kernel<K, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        static_cast<const T*>(c->in[0].data), static_cast<const T*>(c->in[1].data), s1, s2,
        static_cast<T*>(c->out[0].data), n, h);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

}  // namespace

void register_optimizer(KernelTable& t) {
  t.push_back({"sgd_update", update<kSgd>});
  t.push_back({"sgd_mom_update", update<kSgdMom>});
  t.push_back({"nag_mom_update", update<kNag>});
  t.push_back({"adam_update", update<kAdam>});
}

}  // namespace mxlcuda
