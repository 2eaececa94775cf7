// The search for a bad index on the device, shared by indexing.cu and contrib.cu.
#pragma once
#include "common.cuh"

namespace mxlcuda {

// ------------------------------------------------------------------ bad-index search
// The smallest position of an index array whose value `Bad` rejects: Bad(pos, value)
// -> bool. Used where the CPU raises on a bad index (take mode='raise', gather_nd, the
// contrib row ops), so that the message names the same index as the CPU's.
struct TakeBad {  // outside [0, n)
  int64_t n;
  __device__ bool operator()(int64_t, int64_t v) const { return v < 0 || v >= n; }
};
template <class I, class Bad>
__global__ void first_bad_kernel(const I* idx, int64_t n, Bad bad, unsigned long long* pos) {
  MXC_KERNEL_LOOP(i, n) {
    if (bad(i, index_value(idx[i]))) atomicMin(pos, (unsigned long long)i);
  }
}
// Runs the search (a synchronisation); *found = -1 or the position, *value its index value.
template <class Bad>
int first_bad(const mxl_cuda_call* c, const mxl_cuda_blob& idx, const Bad& bad, int64_t* found, int64_t* value) {
  *found = -1;
  int64_t n = blob_size(idx);
  if (n == 0) return 0;
  auto* pos = static_cast<unsigned long long*>(workspace(c, sizeof(unsigned long long)));
  if (!pos) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  CU_CHECK_CALL(c, cudaMemsetAsync(pos, 0xff, sizeof(unsigned long long), stream_of(c)));
  MXC_SWITCH_ALL16(c, idx.dtype, I, {
    first_bad_kernel<I, Bad><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const I>(idx), n, bad, pos);
  });
  CU_CHECK_LAUNCH(c);
  unsigned long long host = 0;
  CU_CHECK_CALL(c, cudaMemcpyAsync(&host, pos, sizeof host, cudaMemcpyDeviceToHost, stream_of(c)));
  CU_CHECK_CALL(c, cudaStreamSynchronize(stream_of(c)));
  if (host == ~0ull) return 0;
  *found = int64_t(host);
  MXC_SWITCH_ALL16(c, idx.dtype, I, {
    I v;
    CU_CHECK_CALL(c, cudaMemcpy(&v, bptr<const I>(idx) + host, sizeof(I), cudaMemcpyDeviceToHost));
    *value = index_value(v);
  });
  return 0;
}

}  // namespace mxlcuda
