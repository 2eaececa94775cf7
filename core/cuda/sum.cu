// CUDA kernel of add_n (ElementWiseSum, core/op/elemwise_binary.cc): the sum of n
// arrays in one pass, accumulated left to right in the CPU kernel's compute type.
#include "common.cuh"

namespace mxlcuda {
namespace {

// Input pointers travel by value in the launch (no device-side table to allocate);
// more than kMaxArgs inputs are summed kMaxArgs at a time into the output, so only
// float16 sums of over kMaxArgs arrays round one extra time per chunk.
constexpr int kMaxArgs = 32;
template <class T>
struct Args {
  const T* x[kMaxArgs];
  int n;
};

template <class T>
__global__ void add_n_kernel(Args<T> a, const T* acc_in, T* y, int64_t len) {
  using C = math_t<T>;
  MXC_KERNEL_LOOP(i, len) {
    C acc = acc_in ? C(acc_in[i]) : C(a.x[0][i]);
    for (int k = acc_in ? 0 : 1; k < a.n; ++k) acc = C(acc + C(a.x[k][i]));
    y[i] = cast_to<T>(acc);
  }
}

int add_n(const mxl_cuda_call* c) {
  int64_t len = blob_size(c->out[0]);
  if (len == 0) return 0;
  MXC_SWITCH_NUM16(c, c->out[0].dtype, T, {
    T* y = bptr<T>(c->out[0]);
    for (int first = 0; first < c->nin; first += kMaxArgs) {
      Args<T> a;
      a.n = c->nin - first < kMaxArgs ? c->nin - first : kMaxArgs;
      for (int k = 0; k < a.n; ++k) a.x[k] = bptr<const T>(c->in[first + k]);
      // Later chunks add onto the running sum kept in y (y may alias input 0 only,
      // which the first chunk has read by then, element by element).
      add_n_kernel<T><<<grid_for(len), kThreads, 0, stream_of(c)>>>(a, first ? y : nullptr, y, len);
      CU_CHECK_LAUNCH(c);
    }
  });
  return 0;
}

}  // namespace

void register_sum(KernelTable& t) { t.push_back({"add_n", add_n}); }

}  // namespace mxlcuda
