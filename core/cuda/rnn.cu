// CUDA kernels of the fused RNN operator (core/op/rnn.cc): RNN and _backward_RNN. The
// layer/direction/time loops and the gate formulas are the CPU's own
// (core/op/rnn_kernels.h); this file is their device backend -- GEMMs through the
// plugin's gemm (cuBLAS or the built-in kernel), one elementwise kernel per time step
// for the gates, bias broadcasts and column sums. float16 runs through float32 copies
// (with_float16), as the CPU computes it in float. The backward recomputes the forward,
// as on the CPU.
#include <vector>

#include "blas.cuh"
#include "common.cuh"
#include "core/op/rnn_kernels.h"

namespace mxlcuda {
namespace {

namespace rnn = mxl::rnn;

template <class C>
__global__ void add_rows_kernel(int64_t M, int64_t K, const C* bias, C* out) {
  MXC_KERNEL_LOOP(i, M * K) out[i] += bias[i % K];
}

// out[k] += sum over rows; one thread per column, rows in order (as the CPU).
template <class C>
__global__ void col_sum_kernel(int64_t M, int64_t K, const C* in, C* out) {
  MXC_KERNEL_LOOP(k, K) {
    C s = out[k];
    for (int64_t m = 0; m < M; ++m) s += in[m * K + k];
    out[k] = s;
  }
}

template <class C>
__global__ void copy_kernel(int64_t rows, int64_t cols, const C* src, int64_t lds, C* dst, int64_t ldd) {
  MXC_KERNEL_LOOP(i, rows * cols) {
    int64_t r = i / cols, k = i % cols;
    dst[r * ldd + k] = src[r * lds + k];
  }
}

// y[t, n, :] = 0 past each sequence's end (y is T x N x K).
template <class C>
__global__ void zero_padded_kernel(int64_t T, int64_t N, int64_t K, const int64_t* len, C* y) {
  MXC_KERNEL_LOOP(i, T * N * K) {
    int64_t n = (i / K) % N, t = i / (K * N);
    if (!rnn::step_active(len, n, t)) y[i] = C(0);
  }
}

template <class C>
__global__ void forward_step_kernel(rnn::Dims d, int64_t N, const int64_t* len, int64_t t, const C* xw, const C* hw,
                                    const C* hp, int64_t ldhp, const C* cp, int64_t ldcp, C* h, int64_t ldh,
                                    C* cache) {
  MXC_KERNEL_LOOP(i, N * d.H) {
    rnn::forward_element(d, len, t, i / d.H, i % d.H, xw, hw, hp, ldhp, cp, ldcp, h, ldh, cache);
  }
}

template <class C>
__global__ void backward_step_kernel(rnn::Dims d, int64_t N, const int64_t* len, int64_t t, const C* cache,
                                     const C* hp, int64_t ldhp, const C* cp, int64_t ldcp, const C* dy, int64_t ldy,
                                     const C* dh, C* dc, C* dxw, C* dhw, C* dhd) {
  MXC_KERNEL_LOOP(i, N * d.H) {
    rnn::backward_element(d, len, t, i / d.H, i % d.H, cache, hp, ldhp, cp, ldcp, dy, ldy, dh, dc, dxw, dhw, dhd);
  }
}

// The device backend of rnn::forward / rnn::backward (see rnn_kernels.h).
template <class C>
struct CudaBackend {
  const mxl_cuda_call* c;
  int gemm(bool ta, bool tb, int64_t M, int64_t N, int64_t K, const C* A, int64_t lda, const C* B, int64_t ldb,
           C beta, C* Cm, int64_t ldc) {
    GemmArgs<C> g;
    g.ta = ta, g.tb = tb, g.M = M, g.N = N, g.K = K;
    g.A = A, g.lda = lda, g.B = B, g.ldb = ldb, g.C = Cm, g.ldc = ldc, g.beta = beta;
    if (K == 0 && beta != C(0)) return 0;  // C = 1 * C
    return mxlcuda::gemm<C>(c, g);
  }
  int add_rows(int64_t M, int64_t K, const C* bias, C* out) {
    if (M * K == 0) return 0;
    add_rows_kernel<C><<<grid_for(M * K), kThreads, 0, stream_of(c)>>>(M, K, bias, out);
    CU_CHECK_LAUNCH(c);
    return 0;
  }
  int col_sum(int64_t M, int64_t K, const C* in, C* out) {
    if (K == 0) return 0;
    col_sum_kernel<C><<<grid_for(K), kThreads, 0, stream_of(c)>>>(M, K, in, out);
    CU_CHECK_LAUNCH(c);
    return 0;
  }
  int copy(int64_t rows, int64_t cols, const C* src, int64_t lds, C* dst, int64_t ldd) {
    if (rows * cols == 0) return 0;
    copy_kernel<C><<<grid_for(rows * cols), kThreads, 0, stream_of(c)>>>(rows, cols, src, lds, dst, ldd);
    CU_CHECK_LAUNCH(c);
    return 0;
  }
  int zero(C* p, int64_t n) {
    CU_CHECK_CALL(c, fill<C>(c, p, n, C(0)));
    return 0;
  }
  int zero_padded(int64_t T, int64_t N, int64_t K, const int64_t* len, C* y) {
    if (T * N * K == 0) return 0;
    zero_padded_kernel<C><<<grid_for(T * N * K), kThreads, 0, stream_of(c)>>>(T, N, K, len, y);
    CU_CHECK_LAUNCH(c);
    return 0;
  }
  int forward_step(const rnn::Dims& d, int64_t N, const int64_t* len, int64_t t, const C* xw, const C* hw,
                   const C* hp, int64_t ldhp, const C* cp, int64_t ldcp, C* h, int64_t ldh, C* cache) {
    if (N * d.H == 0) return 0;
    forward_step_kernel<C><<<grid_for(N * d.H), kThreads, 0, stream_of(c)>>>(d, N, len, t, xw, hw, hp, ldhp, cp,
                                                                              ldcp, h, ldh, cache);
    CU_CHECK_LAUNCH(c);
    return 0;
  }
  int backward_step(const rnn::Dims& d, int64_t N, const int64_t* len, int64_t t, const C* cache, const C* hp,
                    int64_t ldhp, const C* cp, int64_t ldcp, const C* dy, int64_t ldy, const C* dh, C* dc, C* dxw,
                    C* dhw, C* dhd) {
    if (N * d.H == 0) return 0;
    backward_step_kernel<C><<<grid_for(N * d.H), kThreads, 0, stream_of(c)>>>(d, N, len, t, cache, hp, ldhp, cp,
                                                                               ldcp, dy, ldy, dh, dc, dxw, dhw, dhd);
    CU_CHECK_LAUNCH(c);
    return 0;
  }
};

// The core's shape rule has checked every shape; the dims are rebuilt from data's.
rnn::Dims rnn_dims(const mxl_cuda_call* c, const mxl_cuda_blob& data) {
  rnn::Dims d;
  std::string mode = attr_s(c, "mode");
  d.mode = mode == "lstm" ? rnn::kLstm : mode == "gru" ? rnn::kGru : mode == "rnn_tanh" ? rnn::kRnnTanh : rnn::kRnnRelu;
  d.L = attr_i(c, "num_layers");
  d.D = attr_b(c, "bidirectional") ? 2 : 1;
  d.T = data.shape[0], d.N = data.shape[1], d.I = data.shape[2];
  d.H = attr_i(c, "state_size");
  d.P = attr_none(c, "projection_size") ? 0 : attr_i(c, "projection_size");
  d.clip.on = !attr_none(c, "lstm_state_clip_min") && !attr_none(c, "lstm_state_clip_max");
  if (d.clip.on) {
    d.clip.lo = attr_f(c, "lstm_state_clip_min"), d.clip.hi = attr_f(c, "lstm_state_clip_max");
    d.clip.nan = attr_b(c, "lstm_state_clip_nan");
  }
  return d;
}

int refuse_training_dropout(const mxl_cuda_call* c) {
  if (c->is_train && attr_f(c, "p") > 0)
    return call_fail(c, kInvalidArgument,
                     "%s: dropout between layers (p=%g) in training is not supported yet; use p=0, or add Dropout "
                     "between single-layer RNN ops",
                     c->op_name, attr_f(c, "p"));
  return 0;
}

template <class C>
C* scratch(const mxl_cuda_call* c, int64_t n) {
  return static_cast<C*>(workspace(c, size_t(n > 0 ? n : 1) * sizeof(C)));
}

// The sequence_length input (any dtype) as int64 device memory in *len, each checked
// to lie in [0, T] as on the CPU. A device -> host round trip (batch_size values): the
// check comes before any computing.
int sequence_lengths(const mxl_cuda_call* c, const mxl_cuda_blob& b, int64_t T, int64_t** len) {
  const int64_t n = blob_size(b);
  std::vector<unsigned char> raw(size_t(n) * esize(b.dtype) + 1);
  CU_CHECK_CALL(c, cudaMemcpyAsync(raw.data(), b.data, size_t(n) * esize(b.dtype), cudaMemcpyDeviceToHost,
                                   stream_of(c)));
  CU_CHECK_CALL(c, cudaStreamSynchronize(stream_of(c)));
  std::vector<int64_t> host(size_t(n > 0 ? n : 1));
  MXC_SWITCH_ALL16(c, b.dtype, I, {
    const I* v = reinterpret_cast<const I*>(raw.data());
    for (int64_t i = 0; i < n; ++i) host[size_t(i)] = index_value(v[i]);
  });
  for (int64_t i = 0; i < n; ++i)
    if (host[size_t(i)] < 0 || host[size_t(i)] > T)
      return call_fail(c, kIndex,
                       "%s: sequence_length[%lld] = %lld is out of range (expected 0 <= sequence_length <= %lld, the "
                       "sequence length of data)",
                       c->op_name, (long long)i, (long long)host[size_t(i)], (long long)T);
  *len = scratch<int64_t>(c, n);
  if (!*len) return call_fail(c, kOutOfMemory, "%s: no memory for the sequence lengths", c->op_name);
  // Pageable source: the copy has read it when cudaMemcpyAsync returns.
  CU_CHECK_CALL(c, cudaMemcpyAsync(*len, host.data(), size_t(n) * sizeof(int64_t), cudaMemcpyHostToDevice,
                                   stream_of(c)));
  return 0;
}

// The sequence lengths of a call whose forward inputs start at fin (null without them).
int call_lengths(const mxl_cuda_call* c, const mxl_cuda_blob* fin, const rnn::Dims& d, int64_t** len) {
  *len = nullptr;
  if (!attr_b(c, "use_sequence_length")) return 0;
  return sequence_lengths(c, fin[d.mode == rnn::kLstm ? 4 : 3], d.T, len);
}

// in: data, parameters, state[, state_cell][, sequence_length]; out: output[, hy[, cy]].
int rnn_fwd_impl(const mxl_cuda_call* c) {
  if (int rc = refuse_training_dropout(c)) return rc;
  const rnn::Dims d = rnn_dims(c, c->in[0]);
  const bool lstm = d.mode == rnn::kLstm;
  int64_t* len = nullptr;
  if (int rc = call_lengths(c, c->in, d, &len)) return rc;
  MXC_SWITCH_FLOAT(c, c->in[0].dtype, C, {
    C* ws = scratch<C>(c, rnn::plan_workspace(d, false).total);
    if (!ws) return call_fail(c, kOutOfMemory, "%s: no memory for the workspace", c->op_name);
    CudaBackend<C> be{c};
    int rc = rnn::forward<C>(be, d, bptr<const C>(c->in[0]), bptr<const C>(c->in[1]), bptr<const C>(c->in[2]),
                             lstm ? bptr<const C>(c->in[3]) : nullptr, len, ws, bptr<C>(c->out[0]),
                             c->nout > 1 ? bptr<C>(c->out[1]) : nullptr, c->nout > 2 ? bptr<C>(c->out[2]) : nullptr);
    if (rc) return rc;
  });
  return 0;
}

// in: ograd[, ograd_state[, ograd_state_cell]], data, parameters, state[, state_cell][, sequence_length];
// out: the gradients of data, parameters, state[, state_cell].
int rnn_bwd_impl(const mxl_cuda_call* c) {
  if (int rc = refuse_training_dropout(c)) return rc;
  const int g = attr_b(c, "state_outputs") ? (attr_s(c, "mode") == "lstm" ? 3 : 2) : 1;
  const mxl_cuda_blob* fin = c->in + g;  // the forward's inputs
  const rnn::Dims d = rnn_dims(c, fin[0]);
  const bool lstm = d.mode == rnn::kLstm;
  int64_t* len = nullptr;
  if (int rc = call_lengths(c, fin, d, &len)) return rc;
  MXC_SWITCH_FLOAT(c, fin[0].dtype, C, {
    C* ws = scratch<C>(c, rnn::plan_workspace(d, true).total);
    if (!ws) return call_fail(c, kOutOfMemory, "%s: no memory for the workspace", c->op_name);
    CudaBackend<C> be{c};
    const C *x = bptr<const C>(fin[0]), *w = bptr<const C>(fin[1]), *h0 = bptr<const C>(fin[2]);
    const C* c0 = lstm ? bptr<const C>(fin[3]) : nullptr;
    int rc = rnn::forward<C>(be, d, x, w, h0, c0, len, ws, nullptr, nullptr, nullptr);
    if (rc) return rc;
    rc = rnn::backward<C>(be, d, x, w, h0, c0, len, bptr<const C>(c->in[0]), g > 1 ? bptr<const C>(c->in[1]) : nullptr,
                          g > 2 ? bptr<const C>(c->in[2]) : nullptr, ws, bptr<C>(c->out[0]), bptr<C>(c->out[1]),
                          bptr<C>(c->out[2]), lstm ? bptr<C>(c->out[3]) : nullptr);
    if (rc) return rc;
  });
  return 0;
}

}  // namespace

void register_rnn(KernelTable& t) {
  t.push_back({"RNN", with_float16<rnn_fwd_impl>});
  t.push_back({"_backward_RNN", with_float16<rnn_bwd_impl>});
}

}  // namespace mxlcuda
