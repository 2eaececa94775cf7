// The operators of core/op/random_extra.cc on the device, with the CPU's formulas
// (core/op/random_extra_math.h):
// - _random_pdf_* and their _backward_pdf_*: one thread per sample element forward,
//   one per distribution backward (its draws summed in order, as the CPU does);
//   parameter checks find the first bad element on the device and read it back, so
//   the message names the CPU's element and value;
// - _random_*_like: sample_math.h's draws from Philox (ElemRng), as random.cu: the
//   same distribution as the CPU's, not the same bits;
// - _shuffle: a random 64-bit key per row, sorted (stable radix sort), then a gather;
// - _sample_unique_zipfian: one thread per row (repeats found by a scan of the row);
// - _histogram: edges written by a kernel, counts by atomic adds.
#include <climits>

#include "common.cuh"
#include "core/op/random_extra_math.h"
#include "philox.cuh"

#include <cub/device/device_segmented_radix_sort.cuh>

namespace mxlcuda {
namespace {

using mxl::SampleDist;

// ============================================================ densities
// The smallest parameter index pdf::bad_param rejects (left at UINT64_MAX if none).
template <SampleDist D, class T>
__global__ void pdf_first_bad_kernel(const T* pa, const T* pb, int64_t n, unsigned long long* pos) {
  MXC_KERNEL_LOOP(i, n) {
    int which = 0;
    if (mxl::pdf::bad_param<D>(double(pa[i]), pb ? double(pb[i]) : 0.0, &which)) atomicMin(pos, (unsigned long long)i);
  }
}

// Dirichlet: the first alpha that is not > 0.
template <class T>
__global__ void alpha_first_bad_kernel(const T* alpha, int64_t n, unsigned long long* pos) {
  MXC_KERNEL_LOOP(i, n) {
    if (!(double(alpha[i]) > 0)) atomicMin(pos, (unsigned long long)i);
  }
}

// Runs `launch(pos)` (a kernel that atomicMin's bad indices into pos) and returns
// the first bad index, or -1; sets *rc on a CUDA failure.
template <class Launch>
long long first_bad(const mxl_cuda_call* c, int64_t n, Launch&& launch, int* rc) {
  *rc = 0;
  if (n == 0) return -1;
  auto* pos = static_cast<unsigned long long*>(workspace(c, sizeof(unsigned long long)));
  if (!pos) {
    *rc = call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
    return -1;
  }
  unsigned long long host = 0;
  cudaError_t e = cudaMemsetAsync(pos, 0xff, sizeof host, stream_of(c));
  if (e == cudaSuccess) {
    launch(pos);
    e = cudaGetLastError();
  }
  if (e == cudaSuccess) e = cudaMemcpyAsync(&host, pos, sizeof host, cudaMemcpyDeviceToHost, stream_of(c));
  if (e == cudaSuccess) e = cudaStreamSynchronize(stream_of(c));
  if (e != cudaSuccess) {
    *rc = call_fail(c, kDevice, "%s: CUDA error: %s", c->op_name, cudaGetErrorString(e));
    return -1;
  }
  return host == ~0ull ? -1 : (long long)host;
}

template <class T>
double read_back(const T* p) {
  T v;
  cudaMemcpy(&v, p, sizeof(T), cudaMemcpyDeviceToHost);
  return double(v);
}

// Fails the call when a parameter is out of its domain (the CPU's message); else 0.
// `first` is the index of the first parameter input (1 forward, 2 backward).
template <SampleDist D, class T>
int pdf_check(const mxl_cuda_call* c, int first, const char* name_a, const char* name_b) {
  constexpr bool two = mxl::sample_two_params(D);
  const T* pa = bptr<const T>(c->in[first]);
  const T* pb = two ? bptr<const T>(c->in[first + 1]) : nullptr;
  const int64_t n = blob_size(c->in[first]);
  int rc = 0;
  const long long bad = first_bad(c, n, [&](unsigned long long* pos) {
    pdf_first_bad_kernel<D, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(pa, pb, n, pos);
  }, &rc);
  if (rc || bad < 0) return rc;
  const double va = read_back(pa + bad), vb = pb ? read_back(pb + bad) : 0.0;
  int which = 0;
  const char* rule = mxl::pdf::bad_param<D>(va, vb, &which);
  return call_fail(c, kInvalidArgument, "%s: %s %s, got %g at flat index %lld", c->op_name, which ? name_b : name_a,
                   rule ? rule : "is invalid", which ? vb : va, bad);
}

template <SampleDist D, class T>
__global__ void pdf_fwd_kernel(const T* x, const T* pa, const T* pb, T* y, int64_t n, int64_t per, bool is_log) {
  MXC_KERNEL_LOOP(i, n) {
    const int64_t j = i / per;
    const double v = mxl::pdf::log_pdf<D>(double(x[i]), double(pa[j]), pb ? double(pb[j]) : 0.0).v;
    y[i] = T(is_log ? v : exp(v));
  }
}

template <SampleDist D, class T>
__global__ void pdf_bwd_kernel(const T* og, const T* x, const T* pa, const T* pb, T* gx, T* ga, T* gb, int64_t rows,
                               int64_t per, bool is_log) {
  MXC_KERNEL_LOOP(j, rows) {
    const double a = double(pa[j]), b = pb ? double(pb[j]) : 0.0;
    double sa = 0, sb = 0;
    for (int64_t i = j * per; i < (j + 1) * per; ++i) {
      const mxl::pdf::LogPdf l = mxl::pdf::log_pdf<D>(double(x[i]), a, b);
      const double g = double(og[i]) * (is_log ? 1.0 : exp(l.v));
      gx[i] = T(g * l.dx);
      sa += g * l.da;
      sb += g * l.db;
    }
    ga[j] = T(sa);
    if (gb) gb[j] = T(sb);
  }
}

template <SampleDist D>
int pdf_fwd(const mxl_cuda_call* c) {
  constexpr bool two = mxl::sample_two_params(D);
  const bool is_log = attr_b(c, "is_log");
  const int64_t n = blob_size(c->out[0]), rows = blob_size(c->in[1]);
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    if (int rc = pdf_check<D, T>(c, 1, mxl::pdf::param_name<D>(0), mxl::pdf::param_name<D>(1))) return rc;
    if (n == 0) return 0;
    pdf_fwd_kernel<D, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(c->in[0]), bptr<const T>(c->in[1]), two ? bptr<const T>(c->in[2]) : nullptr, bptr<T>(c->out[0]),
        n, n / rows, is_log);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

template <SampleDist D>
int pdf_bwd(const mxl_cuda_call* c) {
  constexpr bool two = mxl::sample_two_params(D);
  const bool is_log = attr_b(c, "is_log");
  const int64_t n = blob_size(c->in[1]), rows = blob_size(c->in[2]);
  MXC_SWITCH_FLOAT16(c, c->in[1].dtype, T, {
    if (int rc = pdf_check<D, T>(c, 2, mxl::pdf::param_name<D>(0), mxl::pdf::param_name<D>(1))) return rc;
    if (rows == 0) return 0;
    pdf_bwd_kernel<D, T><<<grid_for(rows), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(c->in[0]), bptr<const T>(c->in[1]), bptr<const T>(c->in[2]),
        two ? bptr<const T>(c->in[3]) : nullptr, bptr<T>(c->out[0]), bptr<T>(c->out[1]),
        two ? bptr<T>(c->out[2]) : nullptr, rows, n / rows, is_log);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ------------------------------------------------------------ dirichlet
template <class T>
int alpha_check(const mxl_cuda_call* c, const mxl_cuda_blob& alpha) {
  const int64_t n = blob_size(alpha);
  const T* p = bptr<const T>(alpha);
  int rc = 0;
  const long long bad = first_bad(c, n, [&](unsigned long long* pos) {
    alpha_first_bad_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(p, n, pos);
  }, &rc);
  if (rc || bad < 0) return rc;
  return call_fail(c, kInvalidArgument, "%s: alpha must be > 0, got %g at flat index %lld", c->op_name,
                   read_back(p + bad), bad);
}

template <class T>
__global__ void dirichlet_fwd_kernel(const T* x, const T* alpha, T* y, int64_t n, int64_t per, int64_t k,
                                     bool is_log) {
  MXC_KERNEL_LOOP(i, n) {
    const double v = mxl::pdf::dirichlet_log_pdf(x + i * k, alpha + (i / per) * k, k);
    y[i] = T(is_log ? v : exp(v));
  }
}

// One thread per (distribution, component): the component's alpha gradient sums over
// the distribution's draws in order; the thread also writes that component of each
// draw's sample gradient.
template <class T>
__global__ void dirichlet_bwd_kernel(const T* og, const T* x, const T* alpha, T* gx, T* ga, int64_t rows,
                                     int64_t per, int64_t k, bool is_log) {
  MXC_KERNEL_LOOP(t, rows * k) {
    const int64_t r = t / k, j = t % k;
    const T* al = alpha + r * k;
    double asum = 0;
    for (int64_t m = 0; m < k; ++m) asum += double(al[m]);
    const double aj = double(al[j]);
    const double dconst = mxl::elemwise::digamma(asum) - mxl::elemwise::digamma(aj);
    double acc = 0;
    for (int64_t i = r * per; i < (r + 1) * per; ++i) {
      const T* xi = x + i * k;
      const double v = mxl::pdf::dirichlet_log_pdf(xi, al, k);
      const double g = v > -HUGE_VAL ? double(og[i]) * (is_log ? 1.0 : exp(v)) : 0.0;
      const double xj = double(xi[j]);
      gx[i * k + j] = T(g == 0 ? 0.0 : g * mxl::pdf::xdivy(aj - 1, xj));
      if (g != 0) acc += g * (dconst + log(xj));
    }
    ga[t] = T(acc);
  }
}

int dirichlet_fwd(const mxl_cuda_call* c) {
  const bool is_log = attr_b(c, "is_log");
  const mxl_cuda_blob& alpha = c->in[1];
  const int64_t k = alpha.shape[alpha.ndim - 1], rows = blob_size(alpha) / k, n = blob_size(c->out[0]);
  MXC_SWITCH_FLOAT16(c, c->in[0].dtype, T, {
    if (int rc = alpha_check<T>(c, alpha)) return rc;
    if (n == 0) return 0;
    dirichlet_fwd_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(c->in[0]), bptr<const T>(alpha), bptr<T>(c->out[0]), n, n / rows, k, is_log);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

int dirichlet_bwd(const mxl_cuda_call* c) {
  const bool is_log = attr_b(c, "is_log");
  const mxl_cuda_blob& alpha = c->in[2];
  const int64_t k = alpha.shape[alpha.ndim - 1], rows = blob_size(alpha) / k, n = blob_size(c->in[0]);
  MXC_SWITCH_FLOAT16(c, c->in[1].dtype, T, {
    if (int rc = alpha_check<T>(c, alpha)) return rc;
    if (rows * k == 0) return 0;
    dirichlet_bwd_kernel<T><<<grid_for(rows * k), kThreads, 0, stream_of(c)>>>(
        bptr<const T>(c->in[0]), bptr<const T>(c->in[1]), bptr<const T>(alpha), bptr<T>(c->out[0]),
        bptr<T>(c->out[1]), rows, n / rows, k, is_log);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ============================================================ *_like samplers
template <SampleDist D, class T>
__global__ void like_kernel(T* y, int64_t n, uint64_t seed, double a, double b) {
  MXC_KERNEL_LOOP(i, n) {
    ElemRng r(seed, uint64_t(i));
    y[i] = T(mxl::sample_draw<D>(r, a, b));
  }
}

template <SampleDist D>
int like(const mxl_cuda_call* c) {
  constexpr bool two = mxl::sample_two_params(D);
  const char* na = mxl::pdf::like_param_name<D>(0);
  const char* nb = mxl::pdf::like_param_name<D>(1);
  const double a = D == SampleDist::kNegBinomial ? double(attr_i(c, na)) : attr_f(c, na);
  const double b = two ? attr_f(c, nb) : 0.0;
  int which = 0;
  if (const char* rule = mxl::like_bad_param<D>(a, b, &which))
    return call_fail(c, kInvalidArgument, "%s: parameter '%s' %s, got %g", c->op_name, which ? nb : na, rule,
                     which ? b : a);
  const int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT16(c, c->out[0].dtype, T, {
    like_kernel<D, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<T>(c->out[0]), n, c->seed, a, b);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ============================================================ shuffle
__global__ void shuffle_keys_kernel(uint64_t* keys, int32_t* rows, int64_t n, uint64_t seed) {
  MXC_KERNEL_LOOP(i, n) {
    ElemRng r(seed, uint64_t(i));
    keys[i] = r.next64();
    rows[i] = int32_t(i);
  }
}
__global__ void one_segment_kernel(int* off, int n) {
  off[0] = 0;
  off[1] = n;
}
// Output row i is input row perm[i]; bytes copied in `W`-sized words.
template <class W>
__global__ void gather_rows_kernel(const W* x, W* y, const int32_t* perm, int64_t rows, int64_t row_words) {
  MXC_KERNEL_LOOP(t, rows * row_words) {
    const int64_t i = t / row_words, w = t % row_words;
    y[t] = x[int64_t(perm[i]) * row_words + w];
  }
}

int shuffle(const mxl_cuda_call* c) {
  const mxl_cuda_blob& x = c->in[0];
  const int64_t rows = x.shape[0], total = blob_size(x);
  if (rows == 0 || total == 0) return 0;
  if (rows > INT_MAX)
    return call_fail(c, kInvalidArgument, "%s: %lld rows are more than the GPU shuffle handles (%d)", c->op_name,
                     (long long)rows, INT_MAX);
  auto* keys = static_cast<uint64_t*>(workspace(c, size_t(rows) * sizeof(uint64_t) * 2));
  auto* vals = static_cast<int32_t*>(workspace(c, size_t(rows) * sizeof(int32_t) * 2));
  auto* off = static_cast<int*>(workspace(c, 2 * sizeof(int)));
  if (!keys || !vals || !off) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  shuffle_keys_kernel<<<grid_for(rows), kThreads, 0, stream_of(c)>>>(keys, vals, rows, c->seed);
  CU_CHECK_LAUNCH(c);
  one_segment_kernel<<<1, 1, 0, stream_of(c)>>>(off, int(rows));
  CU_CHECK_LAUNCH(c);
  size_t temp_bytes = 0;
  CU_CHECK_CALL(c, cub::DeviceSegmentedRadixSort::SortPairs(nullptr, temp_bytes, keys, keys + rows, vals, vals + rows,
                                                             int(rows), 1, off, off + 1, 0, 64, stream_of(c)));
  void* temp = workspace(c, temp_bytes ? temp_bytes : 1);
  if (!temp) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  CU_CHECK_CALL(c, cub::DeviceSegmentedRadixSort::SortPairs(temp, temp_bytes, keys, keys + rows, vals, vals + rows,
                                                             int(rows), 1, off, off + 1, 0, 64, stream_of(c)));
  const int32_t* perm = vals + rows;
  const size_t row_bytes = size_t(total / rows) * esize(x.dtype);
  // The widest word that divides a row (rows start at multiples of row_bytes).
  if (row_bytes % 8 == 0)
    gather_rows_kernel<uint64_t><<<grid_for(total * esize(x.dtype) / 8), kThreads, 0, stream_of(c)>>>(
        bptr<const uint64_t>(x), bptr<uint64_t>(c->out[0]), perm, rows, int64_t(row_bytes / 8));
  else if (row_bytes % 4 == 0)
    gather_rows_kernel<uint32_t><<<grid_for(total * esize(x.dtype) / 4), kThreads, 0, stream_of(c)>>>(
        bptr<const uint32_t>(x), bptr<uint32_t>(c->out[0]), perm, rows, int64_t(row_bytes / 4));
  else
    gather_rows_kernel<uint8_t><<<grid_for(total * esize(x.dtype)), kThreads, 0, stream_of(c)>>>(
        bptr<const uint8_t>(x), bptr<uint8_t>(c->out[0]), perm, rows, int64_t(row_bytes));
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ============================================================ unique zipfian
__global__ void zipfian_kernel(int64_t* samples, int64_t* tries, int64_t rows, int64_t n, int64_t range_max,
                               double log_range, uint64_t seed) {
  MXC_KERNEL_LOOP(r, rows) {
    ElemRng rng(seed, uint64_t(r));
    int64_t* row = samples + r * n;
    int64_t count = 0, drawn = 0;
    while (count < n) {
      int64_t v = int64_t(exp(rng.uniform() * log_range)) - 1;
      if (v > range_max - 1) v = range_max - 1;
      ++drawn;
      bool seen = false;
      for (int64_t m = 0; m < count && !seen; ++m) seen = row[m] == v;
      if (!seen) row[count++] = v;
    }
    tries[r] = drawn;
  }
}

int unique_zipfian(const mxl_cuda_call* c) {
  const int64_t range_max = attr_i(c, "range_max"), rows = c->out[0].shape[0], n = c->out[0].shape[1];
  if (rows == 0) return 0;
  zipfian_kernel<<<grid_for(rows), kThreads, 0, stream_of(c)>>>(bptr<int64_t>(c->out[0]), bptr<int64_t>(c->out[1]),
                                                                rows, n, range_max, log1p(double(range_max)),
                                                                c->seed);
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ============================================================ histogram
template <class T>
__global__ void uniform_edges_kernel(T* e, int64_t bins, double lo, double hi) {
  MXC_KERNEL_LOOP(i, bins + 1) e[i] = cast_to<T>(mxl::uniform_edge(lo, hi, bins, i));
}
// Copies the given edges, marking the first that is not finite or is below its predecessor.
template <class T>
__global__ void copy_edges_kernel(const T* given, T* e, int64_t n, unsigned long long* bad) {
  MXC_KERNEL_LOOP(i, n) {
    const double v = double(given[i]);
    if (!(v > -HUGE_VAL && v < HUGE_VAL) || (i > 0 && v < double(given[i - 1]))) atomicMin(bad, (unsigned long long)i);
    e[i] = given[i];
  }
}
template <class T>
__global__ void count_kernel(const T* x, const T* e, int64_t n, int64_t bins, unsigned long long* counts) {
  MXC_KERNEL_LOOP(i, n) {
    const int64_t b = mxl::histogram_bin(e, bins, double(x[i]));
    if (b >= 0) atomicAdd(counts + b, 1ull);
  }
}

int histogram(const mxl_cuda_call* c) {
  const mxl_cuda_blob& x = c->in[0];
  const int64_t n = blob_size(x), bins = blob_size(c->out[0]);
  auto* counts = bptr<unsigned long long>(c->out[0]);
  CU_CHECK_CALL(c, cudaMemsetAsync(counts, 0, size_t(bins) * sizeof(unsigned long long), stream_of(c)));
  MXC_SWITCH_NUM16(c, x.dtype, T, {
    T* e = bptr<T>(c->out[1]);
    if (c->nin == 1) {
      double lo = 0, hi = 0;
      if (!mxl::parse_range(attr_s(c, "range"), &lo, &hi) || !(lo <= hi))
        return call_fail(c, kInvalidArgument, "%s: range must be (min, max) with min <= max", c->op_name);
      if (lo == hi) lo -= 0.5, hi += 0.5;  // as the CPU (numpy's rule)
      uniform_edges_kernel<T><<<grid_for(bins + 1), kThreads, 0, stream_of(c)>>>(e, bins, lo, hi);
      CU_CHECK_LAUNCH(c);
    } else {
      const T* given = bptr<const T>(c->in[1]);
      int rc = 0;
      const long long bad = first_bad(c, bins + 1, [&](unsigned long long* pos) {
        copy_edges_kernel<T><<<grid_for(bins + 1), kThreads, 0, stream_of(c)>>>(given, e, bins + 1, pos);
      }, &rc);
      if (rc) return rc;
      if (bad >= 0)
        return call_fail(c, kInvalidArgument, "%s: bins must be finite and increasing, got %g at index %lld",
                         c->op_name, read_back(given + bad), bad);
    }
    if (n > 0)
      count_kernel<T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<const T>(x), e, n, bins, counts);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

}  // namespace

void register_random_extra(KernelTable& t) {
  t.push_back({"_random_pdf_uniform", pdf_fwd<SampleDist::kUniform>});
  t.push_back({"_random_pdf_normal", pdf_fwd<SampleDist::kNormal>});
  t.push_back({"_random_pdf_gamma", pdf_fwd<SampleDist::kGamma>});
  t.push_back({"_random_pdf_exponential", pdf_fwd<SampleDist::kExponential>});
  t.push_back({"_random_pdf_poisson", pdf_fwd<SampleDist::kPoisson>});
  t.push_back({"_random_pdf_negative_binomial", pdf_fwd<SampleDist::kNegBinomial>});
  t.push_back({"_random_pdf_generalized_negative_binomial", pdf_fwd<SampleDist::kGenNegBinomial>});
  t.push_back({"_random_pdf_dirichlet", dirichlet_fwd});
  t.push_back({"_backward_pdf_uniform", pdf_bwd<SampleDist::kUniform>});
  t.push_back({"_backward_pdf_normal", pdf_bwd<SampleDist::kNormal>});
  t.push_back({"_backward_pdf_gamma", pdf_bwd<SampleDist::kGamma>});
  t.push_back({"_backward_pdf_exponential", pdf_bwd<SampleDist::kExponential>});
  t.push_back({"_backward_pdf_poisson", pdf_bwd<SampleDist::kPoisson>});
  t.push_back({"_backward_pdf_negative_binomial", pdf_bwd<SampleDist::kNegBinomial>});
  t.push_back({"_backward_pdf_generalized_negative_binomial", pdf_bwd<SampleDist::kGenNegBinomial>});
  t.push_back({"_backward_pdf_dirichlet", dirichlet_bwd});
  t.push_back({"_random_uniform_like", like<SampleDist::kUniform>});
  t.push_back({"_random_normal_like", like<SampleDist::kNormal>});
  t.push_back({"_random_gamma_like", like<SampleDist::kGamma>});
  t.push_back({"_random_exponential_like", like<SampleDist::kExponential>});
  t.push_back({"_random_poisson_like", like<SampleDist::kPoisson>});
  t.push_back({"_random_negative_binomial_like", like<SampleDist::kNegBinomial>});
  t.push_back({"_random_generalized_negative_binomial_like", like<SampleDist::kGenNegBinomial>});
  t.push_back({"_shuffle", shuffle});
  t.push_back({"_sample_unique_zipfian", unique_zipfian});
  t.push_back({"_histogram", histogram});
}

}  // namespace mxlcuda
