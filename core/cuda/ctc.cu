// CTCLoss (ctc_loss) on the device, computed as the CPU does it (core/op/ctc_kernels.h):
// the labels and lengths are copied to the host and checked by the CPU's own make_plan
// (so bad input fails with the CPU's messages, before anything is computed), the checked
// per-sample sequences go back to the device, and one thread per sample runs the shared
// log-space forward-backward. A batch is small next to the T x (2L + 1) lattice each
// sample walks, and the recursions are sequential in time, so a thread per sample is
// the plain mapping; each sample's scratch lives in call workspace.
#include "common.cuh"
#include "core/op/ctc_kernels.h"

namespace mxlcuda {
namespace {

// A blob of any numeric dtype, copied to the host as doubles.
int host_doubles(const mxl_cuda_call* c, const mxl_cuda_blob& b, std::vector<double>* out) {
  const size_t n = size_t(blob_size(b));
  out->assign(n, 0.0);
  if (n == 0) return 0;
  MXC_SWITCH_NUM16(c, b.dtype, I, {
    std::vector<I> raw(n);
    CU_CHECK_CALL(c, cudaMemcpyAsync(raw.data(), b.data, n * sizeof(I), cudaMemcpyDeviceToHost, stream_of(c)));
    CU_CHECK_CALL(c, cudaStreamSynchronize(stream_of(c)));
    for (size_t i = 0; i < raw.size(); ++i) (*out)[i] = double(raw[i]);
  });
  return 0;
}

// The plan on the device: seq (B * L), then data_len (B), then label_len (B).
struct DevicePlan {
  const int64_t* seq = nullptr;
  const int64_t* data_len = nullptr;
  const int64_t* label_len = nullptr;
  double* scratch = nullptr;  // B slices of `per_sample` doubles
  int64_t per_sample = 0;
};

// Reads and checks the labels of a call whose forward inputs start at in[first], and
// puts the plan on the device. *p gets the host plan.
int make_device_plan(const mxl_cuda_call* c, int first, mxl::ctc::Plan* p, DevicePlan* d) {
  const mxl_cuda_blob &x = c->in[first], &label = c->in[first + 1];
  const bool use_dlen = attr_b(c, "use_data_lengths"), use_llen = attr_b(c, "use_label_lengths");
  std::vector<double> lab, dlen, llen;
  if (int rc = host_doubles(c, label, &lab)) return rc;
  int k = first + 2;
  if (use_dlen)
    if (int rc = host_doubles(c, c->in[k++], &dlen)) return rc;
  if (use_llen)
    if (int rc = host_doubles(c, c->in[k++], &llen)) return rc;
  int code = 0;
  std::string err = mxl::ctc::make_plan(c->op_name, x.shape[0], x.shape[1], x.shape[2], label.shape[1],
                                        attr_s(c, "blank_label") == "first", lab.data(),
                                        use_dlen ? dlen.data() : nullptr, use_llen ? llen.data() : nullptr, p, &code);
  if (!err.empty()) return call_fail(c, code, "%s", err.c_str());
  const int64_t B = p->B;
  if (B == 0) return 0;
  std::vector<int64_t> packed(p->seq);
  packed.insert(packed.end(), p->data_len.begin(), p->data_len.end());
  packed.insert(packed.end(), p->label_len.begin(), p->label_len.end());
  auto* dev = static_cast<int64_t*>(workspace(c, packed.size() * sizeof(int64_t)));
  d->per_sample = mxl::ctc::scratch_doubles(p->T, p->max_states(), p->A);
  d->scratch = static_cast<double*>(workspace(c, size_t(B * d->per_sample) * sizeof(double)));
  if (!dev || !d->scratch)
    return call_fail(c, kOutOfMemory, "%s: out of device memory for the CTC lattices of %lld samples", c->op_name,
                     (long long)B);
  CU_CHECK_CALL(c, cudaMemcpyAsync(dev, packed.data(), packed.size() * sizeof(int64_t), cudaMemcpyHostToDevice,
                                   stream_of(c)));
  CU_CHECK_CALL(c, cudaStreamSynchronize(stream_of(c)));  // `packed` is pageable host memory about to go
  d->seq = dev;
  d->data_len = dev + B * p->L;
  d->label_len = dev + B * p->L + B;
  return 0;
}

// One thread per sample. ograd == nullptr: the losses into out; else the data gradient.
template <class T>
__global__ void ctc_kernel(const T* x, const T* ograd, T* out, DevicePlan d, int64_t T_steps, int64_t B, int64_t A,
                           int64_t L, int64_t blank) {
  using C = facc_t<T>;
  MXC_KERNEL_LOOP(b, B) {
    double* scratch = d.scratch + b * d.per_sample;
    const int64_t* seq = d.seq + b * L;
    if (ograd)
      mxl::ctc::sample_loss<T, C>(x + b * A, B * A, A, T_steps, d.data_len[b], seq, d.label_len[b], blank, scratch,
                                  out + b * A, double(ograd[b]));
    else
      out[b] = T(C(mxl::ctc::sample_loss<T, C>(x + b * A, B * A, A, T_steps, d.data_len[b], seq, d.label_len[b], blank,
                                               scratch, static_cast<T*>(nullptr), 0.0)));
  }
}

int ctc_run(const mxl_cuda_call* c, bool backward) {
  const int first = backward ? 1 : 0;
  mxl::ctc::Plan p;
  DevicePlan d;
  if (int rc = make_device_plan(c, first, &p, &d)) return rc;
  if (p.B == 0) return 0;
  MXC_SWITCH_FLOAT16(c, c->in[first].dtype, T, {
    ctc_kernel<T><<<grid_for(p.B), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(c->in[first]), backward ? bptr<const T>(c->in[0]) : nullptr, bptr<T>(c->out[0]), d, p.T, p.B,
        p.A, p.L, p.blank);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

int ctc_fwd(const mxl_cuda_call* c) { return ctc_run(c, false); }
int ctc_bwd(const mxl_cuda_call* c) { return ctc_run(c, true); }

}  // namespace

void register_ctc(KernelTable& t) {
  t.push_back({"CTCLoss", ctc_fwd});
  t.push_back({"_backward_ctc_loss", ctc_bwd});
}

}  // namespace mxlcuda
