// CUDA kernels of the operators in core/op/linalg.cc (_linalg_inverse, det, slogdet,
// potrf, potri, trmm, trsm, syrk, sumlogdiag, extractdiag, makediag, extracttrian,
// maketrian, gelqf, syevd and their backward ops; khatri_rao). One thread per matrix runs the per-matrix
// algorithm of core/op/linalg_kernels.h, the same code the CPU runs: these ops see
// batches of small matrices. Scratch memory comes from the call's workspace; the ops
// that can reject a matrix (singular, not positive definite) read the first rejected
// batch index back and fail the call with the CPU's message.
#include "common.cuh"
#include "core/op/linalg_kernels.h"

namespace mxlcuda {
namespace {

namespace la = mxl::la;
constexpr int kArithmetic = 11;  // mxl::Err::kArithmetic / MXL_ERR_ARITHMETIC

struct Ptrs {
  const void* in[4];
  void* out[2];
};

template <class Op, class T>
__global__ void la_kernel(la::Geo g, Ptrs p, T* ws, int64_t wsize, unsigned long long* first_bad) {
  MXC_KERNEL_LOOP(b, g.batch) {
    const T* ip[4];
    T* op[2];
    for (int k = 0; k < 4; ++k) ip[k] = p.in[k] ? static_cast<const T*>(p.in[k]) + b * g.in[k].stride : nullptr;
    for (int k = 0; k < 2; ++k) op[k] = p.out[k] ? static_cast<T*>(p.out[k]) + b * g.out[k].stride : nullptr;
    int s = Op::template run<T>(g, ip, op, ws ? ws + b * wsize : nullptr);
    if (s != la::kOk) atomicMin(first_bad, static_cast<unsigned long long>(b) * 4 + s);
  }
}

template <class Op, class T>
int launch(const mxl_cuda_call* c, const la::Geo& g) {
  Ptrs p{};
  for (int k = 0; k < c->nin && k < 4; ++k) p.in[k] = c->in[k].data;
  for (int k = 0; k < c->nout && k < 2; ++k) p.out[k] = c->out[k].data;
  int64_t wsize = Op::scratch(g);
  T* ws = nullptr;
  if (wsize > 0) {
    ws = static_cast<T*>(workspace(c, size_t(g.batch * wsize) * sizeof(T)));
    if (!ws) return call_fail(c, kOutOfMemory, "%s: out of device memory for scratch", c->op_name);
  }
  unsigned long long* bad = nullptr;
  if constexpr (la::may_reject<Op>) {
    bad = static_cast<unsigned long long*>(workspace(c, sizeof(unsigned long long)));
    if (!bad) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
    CU_CHECK_CALL(c, cudaMemsetAsync(bad, 0xff, sizeof(unsigned long long), stream_of(c)));
  }
  constexpr int kBlock = 64;  // a few matrices per block spread small batches over the SMs
  int64_t blocks = (g.batch + kBlock - 1) / kBlock;
  la_kernel<Op, T><<<int(blocks > 65535 * 8 ? 65535 * 8 : blocks), kBlock, 0, stream_of(c)>>>(g, p, ws, wsize, bad);
  CU_CHECK_LAUNCH(c);
  if constexpr (la::may_reject<Op>) {
    unsigned long long host = 0;
    CU_CHECK_CALL(c, cudaMemcpyAsync(&host, bad, sizeof host, cudaMemcpyDeviceToHost, stream_of(c)));
    CU_CHECK_CALL(c, cudaStreamSynchronize(stream_of(c)));
    if (host != ~0ull) {
      la::status_message(c->err, c->err_len, c->op_name, int(host % 4), int64_t(host / 4), g.batch);
      return kArithmetic;
    }
  }
  return 0;
}

template <class Op>
int la_call(const mxl_cuda_call* c) {
  int in_nd[4] = {0}, out_nd[2] = {0};
  const int64_t* in_d[4] = {nullptr, nullptr, nullptr, nullptr};
  const int64_t* out_d[2] = {nullptr, nullptr};
  int nin = c->nin < 4 ? c->nin : 4, nout = c->nout < 2 ? c->nout : 2;
  for (int k = 0; k < nin; ++k) { in_nd[k] = c->in[k].ndim; in_d[k] = c->in[k].shape; }
  for (int k = 0; k < nout; ++k) { out_nd[k] = c->out[k].ndim; out_d[k] = c->out[k].shape; }
  la::Geo g = la::make_geo<Op>(nin, in_nd, in_d, nout, out_nd, out_d);
  if (Op::kParams & la::kLower) g.lower = attr_b(c, "lower");
  if (Op::kParams & la::kTranspose) g.transpose = attr_b(c, "transpose");
  if (Op::kParams & la::kRightside) g.rightside = attr_b(c, "rightside");
  if (Op::kParams & la::kAlpha) g.alpha = attr_f(c, "alpha");
  if (Op::kParams & la::kOffset) g.offset = attr_i(c, "offset");
  if (g.batch <= 0) return 0;
  int rc = 0;
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, T, { rc = launch<Op, T>(c, g); });
  return rc;
}

// khatri_rao: out = 1, then one pass per input k: out[r][j] *= in_k[(r / inner) % n][j].
template <class T>
__global__ void khatri_rao_pass(const T* x, T* out, int64_t size, int64_t c, int64_t inner, int64_t n) {
  MXC_KERNEL_LOOP(i, size) {
    int64_t r = i / c, j = i % c;
    out[i] *= x[(r / inner) % n * c + j];
  }
}
int khatri_rao(const mxl_cuda_call* c) {
  int64_t size = blob_size(c->out[0]), cols = c->out[0].shape[1];
  if (size == 0) return 0;
  MXC_SWITCH_FLOAT(c, c->out[0].dtype, T, {
    CU_CHECK_CALL(c, fill<T>(c, bptr<T>(c->out[0]), size, T(1)));
    int64_t inner = size / cols;
    for (int k = 0; k < c->nin; ++k) {
      int64_t n = c->in[k].shape[0];
      inner /= n;
      khatri_rao_pass<T><<<grid_for(size), kThreads, 0, stream_of(c)>>>(bptr<const T>(c->in[k]), bptr<T>(c->out[0]),
                                                                     size, cols, inner, n);
      CU_CHECK_LAUNCH(c);
    }
  });
  return 0;
}

}  // namespace

void register_linalg(KernelTable& t) {
  t.push_back({"_linalg_inverse", la_call<la::Inverse>});
  t.push_back({"_linalg_det", la_call<la::Det>});
  t.push_back({"_backward_linalg_det", la_call<la::DetBackward<false>>});
  t.push_back({"_linalg_slogdet", la_call<la::Slogdet>});
  t.push_back({"_backward_linalg_slogdet", la_call<la::DetBackward<true>>});
  t.push_back({"_linalg_potrf", la_call<la::Potrf>});
  t.push_back({"_backward_linalg_potrf", la_call<la::PotrfBackward>});
  t.push_back({"_linalg_potri", la_call<la::Potri>});
  t.push_back({"_backward_linalg_potri", la_call<la::PotriBackward>});
  t.push_back({"_linalg_trmm", la_call<la::Trmm>});
  t.push_back({"_backward_linalg_trmm", la_call<la::TrmmBackward>});
  t.push_back({"_linalg_trsm", la_call<la::Trsm>});
  t.push_back({"_backward_linalg_trsm", la_call<la::TrsmBackward>});
  t.push_back({"_linalg_syrk", la_call<la::Syrk>});
  t.push_back({"_backward_linalg_syrk", la_call<la::SyrkBackward>});
  t.push_back({"_linalg_sumlogdiag", la_call<la::Sumlogdiag>});
  t.push_back({"_backward_linalg_sumlogdiag", la_call<la::SumlogdiagBackward>});
  t.push_back({"_linalg_extractdiag", la_call<la::Extractdiag>});
  t.push_back({"_linalg_makediag", la_call<la::Makediag>});
  t.push_back({"_linalg_extracttrian", la_call<la::Extracttrian>});
  t.push_back({"_linalg_maketrian", la_call<la::Maketrian>});
  t.push_back({"_linalg_gelqf", la_call<la::Gelqf>});
  t.push_back({"_backward_linalg_gelqf", la_call<la::GelqfBackward>});
  t.push_back({"_linalg_syevd", la_call<la::Syevd>});
  t.push_back({"_backward_linalg_syevd", la_call<la::SyevdBackward>});
  t.push_back({"khatri_rao", khatri_rao});
}

}  // namespace mxlcuda
