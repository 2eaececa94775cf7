// Per-element samplers on the device (_sample_uniform / _normal / _gamma /
// _exponential / _poisson / _negative_binomial / _generalized_negative_binomial),
// _sample_multinomial with its gradient, and the scalar _random_negative_binomial /
// _random_generalized_negative_binomial, as core/op/sample.cc: the distributions
// are core/op/sample_math.h's, drawn from Philox
// (ElemRng: output element i uses counters (i, 0), (i, 1), ... under the call's
// seed), so the results match the CPU's in distribution, not bit for bit.
//
// Parameter checks the CPU makes per element (gamma alpha >= 0, ...) find the first
// bad element on the device and read it back (a synchronisation, only for the ops
// that check), so the message names the same element and value as the CPU's.
#include "common.cuh"
#include "core/op/sample_math.h"
#include "philox.cuh"

namespace mxlcuda {
namespace {

using mxl::SampleDist;

// MXNet's names of each distribution's parameter arrays.
struct ParamNames {
  const char* a;
  const char* b;
};
constexpr ParamNames param_names(SampleDist d) {
  switch (d) {
    case SampleDist::kUniform: return {"low", "high"};
    case SampleDist::kNormal: return {"mu", "sigma"};
    case SampleDist::kGamma: return {"alpha", "beta"};
    case SampleDist::kExponential: return {"lam", ""};
    case SampleDist::kPoisson: return {"lam", ""};
    case SampleDist::kNegBinomial: return {"k", "p"};
    case SampleDist::kGenNegBinomial: return {"mu", "alpha"};
  }
  return {"", ""};
}

// Output element i draws from the distribution of parameter element i / per.
template <SampleDist D, class P, class T>
__global__ void sample_kernel(const P* pa, const P* pb, T* y, int64_t n, int64_t per, uint64_t seed) {
  MXC_KERNEL_LOOP(i, n) {
    mxlcuda::ElemRng r(seed, uint64_t(i));
    const int64_t j = i / per;
    y[i] = T(mxl::sample_draw<D>(r, double(pa[j]), pb ? double(pb[j]) : 0.0));
  }
}

// The smallest parameter index sample_bad_param rejects (left at UINT64_MAX if none).
template <SampleDist D, class P>
__global__ void first_bad_kernel(const P* pa, const P* pb, int64_t n, unsigned long long* pos) {
  MXC_KERNEL_LOOP(i, n) {
    int which = 0;
    if (mxl::sample_bad_param<D>(double(pa[i]), pb ? double(pb[i]) : 0.0, &which))
      atomicMin(pos, (unsigned long long)i);
  }
}

template <SampleDist D, class P>
int check_params(const mxl_cuda_call* c, const P* pa, const P* pb, int64_t n) {
  if (!mxl::sample_has_checks(D) || n == 0) return 0;
  auto* pos = static_cast<unsigned long long*>(workspace(c, sizeof(unsigned long long)));
  if (!pos) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
  CU_CHECK_CALL(c, cudaMemsetAsync(pos, 0xff, sizeof(unsigned long long), stream_of(c)));
  first_bad_kernel<D, P><<<grid_for(n), kThreads, 0, stream_of(c)>>>(pa, pb, n, pos);
  CU_CHECK_LAUNCH(c);
  unsigned long long host = 0;
  CU_CHECK_CALL(c, cudaMemcpyAsync(&host, pos, sizeof host, cudaMemcpyDeviceToHost, stream_of(c)));
  CU_CHECK_CALL(c, cudaStreamSynchronize(stream_of(c)));
  if (host == ~0ull) return 0;
  P va, vb = P(0.0);
  CU_CHECK_CALL(c, cudaMemcpy(&va, pa + host, sizeof(P), cudaMemcpyDeviceToHost));
  if (pb) CU_CHECK_CALL(c, cudaMemcpy(&vb, pb + host, sizeof(P), cudaMemcpyDeviceToHost));
  int which = 0;
  const char* rule = mxl::sample_bad_param<D>(double(va), double(vb), &which);
  constexpr ParamNames names = param_names(D);
  return call_fail(c, kInvalidArgument, "%s: %s %s, got %g at flat index %llu", c->op_name, which ? names.b : names.a,
                   rule ? rule : "is invalid", which ? double(vb) : double(va), host);
}

template <SampleDist D>
int sample(const mxl_cuda_call* c) {
  constexpr bool two = mxl::sample_two_params(D);
  const mxl_cuda_blob& out = c->out[0];
  if (two && c->in[0].dtype != c->in[1].dtype)
    return call_fail(c, kDType, "%s: the parameter arrays must have one dtype, got %s and %s", c->op_name,
                     dtype_name(c->in[0].dtype), dtype_name(c->in[1].dtype));
  const int64_t np = blob_size(c->in[0]), n = blob_size(out);
  MXC_SWITCH_NUM16(c, c->in[0].dtype, P, {
    const P* pa = bptr<const P>(c->in[0]);
    const P* pb = two ? bptr<const P>(c->in[1]) : nullptr;
    int rc = check_params<D, P>(c, pa, pb, np);
    if (rc) return rc;
    if (n == 0) return 0;
    const int64_t per = n / np;  // draws per distribution (np > 0 since n > 0)
    MXC_SWITCH_FLOAT16(c, out.dtype, T, {
      sample_kernel<D, P, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(pa, pb, bptr<T>(out), n, per, c->seed);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ------------------------------------------------------------ scalar samplers
template <SampleDist D, class T>
__global__ void scalar_kernel(T* y, int64_t n, uint64_t seed, double a, double b) {
  MXC_KERNEL_LOOP(i, n) {
    mxlcuda::ElemRng r(seed, uint64_t(i));
    y[i] = T(mxl::sample_draw<D>(r, a, b));
  }
}

// The CPU's checks (sample.cc's scalar_kernel): numbers, mu >= 0, then the shared rule.
template <SampleDist D>
int scalar(const mxl_cuda_call* c) {
  constexpr ParamNames names = param_names(D);
  const double a = D == SampleDist::kNegBinomial ? double(attr_i(c, names.a)) : attr_f(c, names.a);
  const double b = attr_f(c, names.b);
  if (a != a || b != b)
    return call_fail(c, kInvalidArgument, "%s: parameters '%s' and '%s' must be numbers, got %g and %g", c->op_name,
                     names.a, names.b, a, b);
  if (D == SampleDist::kGenNegBinomial && !(a >= 0))
    return call_fail(c, kInvalidArgument, "%s: parameter '%s' must be >= 0, got %g", c->op_name, names.a, a);
  int which = 0;
  if (const char* rule = mxl::sample_bad_param<D>(a, b, &which))
    return call_fail(c, kInvalidArgument, "%s: parameter '%s' %s, got %g", c->op_name, which ? names.b : names.a, rule,
                     which ? b : a);
  const int64_t n = blob_size(c->out[0]);
  if (n == 0) return 0;
  MXC_SWITCH_FLOAT16(c, c->out[0].dtype, T, {
    scalar_kernel<D, T><<<grid_for(n), kThreads, 0, stream_of(c)>>>(bptr<T>(c->out[0]), n, c->seed, a, b);
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// ------------------------------------------------------------ multinomial
// As sample.cc: rows of data's last axis are the distributions, used as relative
// weights (u * row sum); rows with a negative / NaN / infinite entry or a zero sum are
// an error naming the first such row (found on the device, then read back).

// Row sum, or -1 if the row is not a distribution.
template <class T>
__device__ double row_weight(const T* row, int64_t k) {
  double s = 0;
  for (int64_t j = 0; j < k; ++j) {
    const double v = double(row[j]);
    if (!(v >= 0 && v < HUGE_VAL)) return -1;
    s += v;
  }
  return s > 0 && s < HUGE_VAL ? s : -1;
}

template <class T>
__global__ void bad_row_kernel(const T* p, int64_t rows, int64_t k, unsigned long long* pos) {
  MXC_KERNEL_LOOP(r, rows) {
    if (row_weight(p + r * k, k) < 0) atomicMin(pos, (unsigned long long)r);
  }
}

template <class T, class O>
__global__ void multinomial_kernel(const T* p, O* idx, T* logp, int64_t n, int64_t per, int64_t k, uint64_t seed) {
  MXC_KERNEL_LOOP(i, n) {
    const T* row = p + (i / per) * k;
    mxlcuda::ElemRng r(seed, uint64_t(i));
    const double u = r.uniform() * row_weight(row, k);
    double acc = 0;
    int64_t pick = 0;  // the CPU's multinomial_pick: the last positive outcome if u passes them all
    for (int64_t j = 0; j < k; ++j) {
      const double v = double(row[j]);
      if (v > 0) pick = j;
      acc += v;
      if (u < acc && v > 0) break;
    }
    idx[i] = O(pick);
    if (logp) logp[i] = T(log(double(row[pick])));
  }
}

int64_t max_outcomes(int t) {  // sample.cc's: the largest count a dtype holds exactly
  switch (t) {
    case u8: return 256;
    case f16: return 2049;
    case i32: return int64_t(1) << 31;
    case f32: return (int64_t(1) << 24) + 1;
    default: return INT64_MAX;
  }
}

int multinomial(const mxl_cuda_call* c) {
  const mxl_cuda_blob& data = c->in[0];
  const mxl_cuda_blob& out = c->out[0];
  const int64_t k = data.shape[data.ndim - 1], rows = blob_size(data) / k, n = blob_size(out);
  if (k > max_outcomes(out.dtype))
    return call_fail(c, kInvalidArgument, "%s: dtype %s cannot hold the indices of %lld outcomes", c->op_name,
                     dtype_name(out.dtype), (long long)k);
  MXC_SWITCH_FLOAT16(c, data.dtype, T, {
    const T* p = bptr<const T>(data);
    if (rows > 0) {
      auto* pos = static_cast<unsigned long long*>(workspace(c, sizeof(unsigned long long)));
      if (!pos) return call_fail(c, kOutOfMemory, "%s: out of device memory", c->op_name);
      CU_CHECK_CALL(c, cudaMemsetAsync(pos, 0xff, sizeof(unsigned long long), stream_of(c)));
      bad_row_kernel<T><<<grid_for(rows), kThreads, 0, stream_of(c)>>>(p, rows, k, pos);
      CU_CHECK_LAUNCH(c);
      unsigned long long host = 0;
      CU_CHECK_CALL(c, cudaMemcpyAsync(&host, pos, sizeof host, cudaMemcpyDeviceToHost, stream_of(c)));
      CU_CHECK_CALL(c, cudaStreamSynchronize(stream_of(c)));
      if (host != ~0ull) {
        std::vector<T> row(static_cast<size_t>(k));
        CU_CHECK_CALL(c, cudaMemcpy(row.data(), p + host * k, sizeof(T) * k, cudaMemcpyDeviceToHost));
        double sum = 0;
        for (int64_t j = 0; j < k; ++j) {
          const double v = double(row[size_t(j)]);
          if (!(v >= 0 && v < HUGE_VAL))
            return call_fail(c, kInvalidArgument,
                             "%s: data must hold probabilities (finite, >= 0), got %g at row %llu, outcome %lld",
                             c->op_name, v, host, (long long)j);
          sum += v;
        }
        return call_fail(c, kInvalidArgument, "%s: row %llu of data sums to %g; each row must sum to 1", c->op_name,
                         host, sum);
      }
    }
    if (n == 0) return 0;
    T* logp = c->nout > 1 ? bptr<T>(c->out[1]) : nullptr;
    const int64_t per = n / rows;
    MXC_SWITCH_ALL16(c, out.dtype, O, {
      multinomial_kernel<T, O><<<grid_for(n), kThreads, 0, stream_of(c)>>>(p, bptr<O>(out), logp, n, per, k,
                                                                           c->seed);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

// One thread per (row, outcome): sums the ograd of the row's draws of that outcome in
// order (deterministic, as the CPU), divided by the outcome's probability.
template <class T, class I>
__global__ void multinomial_grad_kernel(const T* og, const T* p, const I* idx, T* gx, int64_t rows, int64_t k,
                                        int64_t per) {
  MXC_KERNEL_LOOP(t, rows * k) {
    const int64_t r = t / k, j = t % k;
    double acc = 0;
    for (int64_t s = r * per; s < (r + 1) * per; ++s)
      if (index_value(idx[s]) == j) acc += double(og[s]);
    gx[t] = T(acc == 0 ? 0.0 : acc / double(p[t]));
  }
}

int multinomial_backward(const mxl_cuda_call* c) {
  const mxl_cuda_blob &og = c->in[0], &data = c->in[1], &sample = c->in[2];
  const int64_t k = data.shape[data.ndim - 1], rows = blob_size(data) / k, ns = blob_size(sample);
  const int64_t per = rows > 0 ? ns / rows : 0;
  if (blob_size(og) != ns || og.dtype != data.dtype || per * rows != ns)
    return call_fail(c, kShape, "%s: ograd must have the draws' shape and data's dtype, and the draws must match data",
                     c->op_name);
  if (rows * k == 0) return 0;
  MXC_SWITCH_FLOAT16(c, data.dtype, T, {
    MXC_SWITCH_NUM16(c, sample.dtype, I, {
      multinomial_grad_kernel<T, I><<<grid_for(rows * k), kThreads, 0, stream_of(c)>>>(
          bptr<const T>(og), bptr<const T>(data), bptr<const I>(sample), bptr<T>(c->out[0]), rows, k, per);
    });
  });
  CU_CHECK_LAUNCH(c);
  return 0;
}

}  // namespace

void register_sample(KernelTable& t) {
  t.push_back({"_sample_uniform", sample<SampleDist::kUniform>});
  t.push_back({"_sample_normal", sample<SampleDist::kNormal>});
  t.push_back({"_sample_gamma", sample<SampleDist::kGamma>});
  t.push_back({"_sample_exponential", sample<SampleDist::kExponential>});
  t.push_back({"_sample_poisson", sample<SampleDist::kPoisson>});
  t.push_back({"_sample_negative_binomial", sample<SampleDist::kNegBinomial>});
  t.push_back({"_sample_generalized_negative_binomial", sample<SampleDist::kGenNegBinomial>});
  t.push_back({"_sample_multinomial", multinomial});
  t.push_back({"_backward_sample_multinomial", multinomial_backward});
  t.push_back({"_random_negative_binomial", scalar<SampleDist::kNegBinomial>});
  t.push_back({"_random_generalized_negative_binomial", scalar<SampleDist::kGenNegBinomial>});
}

}  // namespace mxlcuda
