// GEMM through a BLAS found at run time (nothing is linked at build time, so one
// wheel works with or without a BLAS installed), a builtin blocked GEMM when none
// is found, and the helpers shared by the dense tensor operator files.
#include "blas.h"

#include <dlfcn.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <type_traits>

namespace mxl {
namespace {

// ------------------------------------------------------- run-time CBLAS
enum { kRowMajor = 101, kNoTrans = 111, kTrans = 112 };  // CBLAS enum values
using SgemmFn = void (*)(int, int, int, int, int, int, float, const float*, int, const float*,
                         int, float, float*, int);
using DgemmFn = void (*)(int, int, int, int, int, int, double, const double*, int,
                         const double*, int, double, double*, int);

struct Blas {
  SgemmFn sgemm = nullptr;
  DgemmFn dgemm = nullptr;
  const char* name = "builtin";
};

// Opens one library and looks for plain or scipy-prefixed CBLAS GEMMs (32-bit ints).
bool try_blas(const std::string& path, Blas& b, std::string* why) {
  void* h = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);  // LOCAL: never clash with numpy's
  if (!h) {
    if (why) *why = dlerror();
    return false;
  }
  for (std::string prefix : {"", "scipy_"}) {
    auto s = reinterpret_cast<SgemmFn>(dlsym(h, (prefix + "cblas_sgemm").c_str()));
    auto d = reinterpret_cast<DgemmFn>(dlsym(h, (prefix + "cblas_dgemm").c_str()));
    if (!s || !d) continue;
    b.sgemm = s;
    b.dgemm = d;
    if (!prefix.empty()) b.name = "scipy_openblas";
    else b.name = dlsym(h, "openblas_get_config") ? "openblas" : "blas";
    return true;  // the handle stays open for the life of the process
  }
  dlclose(h);
  if (why) *why = "no cblas_sgemm/cblas_dgemm symbols";
  return false;
}

// <site-packages>/scipy_openblas32/lib/libscipy_openblas.so, found from where this
// library lives: <site-packages>/mxlite/lib/libmxlite.so.
std::string wheel_blas_path() {
  Dl_info info;
  if (!dladdr(reinterpret_cast<void*>(&blas_name), &info) || !info.dli_fname) return "";
  std::string p = info.dli_fname;
  for (int up = 0; up < 3; ++up) {
    size_t pos = p.rfind('/');
    if (pos == std::string::npos) return "";
    p.resize(pos);
  }
  return p + "/scipy_openblas32/lib/libscipy_openblas.so";
}

Blas load_blas() {
  Blas b;
  if (const char* env = std::getenv("MXLITE_BLAS_LIBRARY"); env && *env) {
    std::string why;
    if (try_blas(env, b, &why)) return b;
    // The user asked for this library explicitly: say why it is not used.
    std::fprintf(stderr, "mxlite: MXLITE_BLAS_LIBRARY=%s not usable (%s); searching further\n",
                 env, why.c_str());
  }
  std::string wheel = wheel_blas_path();
  if (!wheel.empty() && try_blas(wheel, b, nullptr)) return b;
  for (const char* lib : {"libopenblas.so.0", "libopenblas.so", "libcblas.so.3", "libblas.so.3"})
    if (try_blas(lib, b, nullptr)) return b;
  return b;
}

const Blas& blas() {
  static const Blas b = load_blas();  // C++11 static init: thread-safe, once
  return b;
}

bool fits_int(std::initializer_list<int64_t> v) {
  for (int64_t x : v)
    if (x > INT_MAX) return false;
  return true;
}

// ------------------------------------------------------- builtin GEMM
// Goto-style: B is packed in KC x NR strips, A in MR x KC strips, and an MR x NR
// register tile accumulates with 32-byte vectors (AVX2+FMA when the CPU has them,
// chosen at run time; plain SSE code otherwise).
template <typename T> struct Tile;
template <> struct Tile<float> { static constexpr int MR = 6, NR = 16; };
template <> struct Tile<double> { static constexpr int MR = 6, NR = 8; };
constexpr int64_t KC = 256, MC = 96, NC = 2048;

#define MXL_INLINE inline __attribute__((always_inline))

template <typename T>
MXL_INLINE void micro_kernel(int64_t kc, const T* a, const T* b, T* c, int64_t ldc, int mr, int nr,
                             T alpha, T beta) {
  constexpr int MR = Tile<T>::MR, NR = Tile<T>::NR, VL = 32 / sizeof(T), NV = NR / VL;
  typedef T V __attribute__((vector_size(32)));
  V acc[MR][NV];
  for (int i = 0; i < MR; ++i)
    for (int v = 0; v < NV; ++v) acc[i][v] = V{} ;
  for (int64_t p = 0; p < kc; ++p) {
    V bv[NV];
    for (int v = 0; v < NV; ++v) std::memcpy(&bv[v], b + p * NR + v * VL, sizeof(V));
    for (int i = 0; i < MR; ++i) {
      T av = a[p * MR + i];
      for (int v = 0; v < NV; ++v) acc[i][v] += av * bv[v];
    }
  }
  if (mr == MR && nr == NR) {
    for (int i = 0; i < MR; ++i)
      for (int v = 0; v < NV; ++v) {
        T* cp = c + i * ldc + v * VL;
        V r = alpha * acc[i][v];
        if (beta != T(0)) {
          V old;
          std::memcpy(&old, cp, sizeof(V));
          r += beta * old;
        }
        std::memcpy(cp, &r, sizeof(V));
      }
    return;
  }
  T buf[MR * NR];
  std::memcpy(buf, acc, sizeof(buf));
  for (int i = 0; i < mr; ++i)
    for (int j = 0; j < nr; ++j) {
      T r = alpha * buf[i * NR + j];
      c[i * ldc + j] = beta != T(0) ? r + beta * c[i * ldc + j] : r;
    }
}

// One packed A block (mc rows) times the packed B strips [s0, s1) of the panel.
template <typename T>
MXL_INLINE void block_kernel(int64_t mc, int64_t kc, int64_t s0, int64_t s1, int64_t nc,
                             const T* apack, const T* bpack, T* c, int64_t ldc, T alpha, T beta) {
  constexpr int MR = Tile<T>::MR, NR = Tile<T>::NR;
  for (int64_t s = s0; s < s1; ++s) {
    int nr = int(std::min<int64_t>(NR, nc - s * NR));
    for (int64_t i = 0; i < mc; i += MR)
      micro_kernel<T>(kc, apack + i * kc, bpack + s * kc * NR, c + i * ldc + s * NR, ldc,
                      int(std::min<int64_t>(MR, mc - i)), nr, alpha, beta);
  }
}

template <typename T>
void block_generic(int64_t mc, int64_t kc, int64_t s0, int64_t s1, int64_t nc, const T* ap,
                   const T* bp, T* c, int64_t ldc, T alpha, T beta) {
  block_kernel<T>(mc, kc, s0, s1, nc, ap, bp, c, ldc, alpha, beta);
}
#if defined(__x86_64__) || defined(__i386__)
template <typename T>
__attribute__((target("avx2,fma"))) void block_avx2(int64_t mc, int64_t kc, int64_t s0,
                                                    int64_t s1, int64_t nc, const T* ap,
                                                    const T* bp, T* c, int64_t ldc, T alpha,
                                                    T beta) {
  block_kernel<T>(mc, kc, s0, s1, nc, ap, bp, c, ldc, alpha, beta);
}
bool cpu_has_avx2() {
  static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return has;
}
#endif

template <typename T>
void pack_a(bool ta, const T* A, int64_t lda, int64_t i0, int64_t mc, int64_t p0, int64_t kc,
            T* buf) {
  constexpr int MR = Tile<T>::MR;
  for (int64_t s = 0; s < mc; s += MR) {
    int64_t rows = std::min<int64_t>(MR, mc - s);
    T* dst = buf + s * kc;
    for (int64_t p = 0; p < kc; ++p)
      for (int r = 0; r < MR; ++r) {
        int64_t i = i0 + s + r, k = p0 + p;
        dst[p * MR + r] = r < rows ? (ta ? A[k * lda + i] : A[i * lda + k]) : T(0);
      }
  }
}

template <typename T>
void pack_b_strip(bool tb, const T* B, int64_t ldb, int64_t p0, int64_t kc, int64_t j0,
                  int64_t cols, T* dst) {
  constexpr int NR = Tile<T>::NR;
  for (int64_t p = 0; p < kc; ++p)
    for (int c = 0; c < NR; ++c) {
      int64_t k = p0 + p, j = j0 + c;
      dst[p * NR + c] = c < cols ? (tb ? B[j * ldb + k] : B[k * ldb + j]) : T(0);
    }
}

template <typename T>
void scale_c(int64_t M, int64_t N, T beta, T* C, int64_t ldc) {
  for (int64_t i = 0; i < M; ++i)
    for (int64_t j = 0; j < N; ++j) C[i * ldc + j] = beta == T(0) ? T(0) : beta * C[i * ldc + j];
}

template <typename T>
void gemm_builtin(bool ta, bool tb, int64_t M, int64_t N, int64_t K, T alpha, const T* A,
                  int64_t lda, const T* B, int64_t ldb, T beta, T* C, int64_t ldc) {
  constexpr int NR = Tile<T>::NR;
  if (K == 0 || alpha == T(0)) return scale_c(M, N, beta, C, ldc);
  auto block = &block_generic<T>;
#if defined(__x86_64__) || defined(__i386__)
  if (cpu_has_avx2()) block = &block_avx2<T>;
#endif
  // Small products stay on this thread: splitting costs more than it saves.
  const bool serial = double(M) * double(N) * double(K) < 64.0 * 64 * 64;
  const int64_t threads = serial ? 1 : num_kernel_threads();
  std::vector<T> bpack(size_t(KC * ((std::min(N, NC) + NR - 1) / NR) * NR));
  for (int64_t jc = 0; jc < N; jc += NC) {
    int64_t nc = std::min(NC, N - jc), strips = (nc + NR - 1) / NR;
    for (int64_t pc = 0; pc < K; pc += KC) {
      int64_t kc = std::min(KC, K - pc);
      T bet = pc == 0 ? beta : T(1);
      parallel_for(strips, serial ? strips + 1 : 4, [&](int64_t s0, int64_t s1) {
        for (int64_t s = s0; s < s1; ++s)
          pack_b_strip(tb, B, ldb, pc, kc, jc + s * NR, std::min<int64_t>(NR, nc - s * NR),
                       bpack.data() + s * kc * NR);
      });
      // Tasks: M blocks, each cut into column pieces when there are fewer blocks than
      // threads (e.g. a matrix-vector product).
      int64_t mblocks = (M + MC - 1) / MC;
      int64_t pieces = std::clamp<int64_t>((threads + mblocks - 1) / mblocks, 1, strips);
      parallel_for(mblocks * pieces, serial ? mblocks * pieces + 1 : 1, [&](int64_t t0, int64_t t1) {
        std::vector<T> apack(size_t(MC * kc));
        int64_t packed = -1;
        for (int64_t t = t0; t < t1; ++t) {
          int64_t mb = t / pieces, piece = t % pieces, i0 = mb * MC, mc = std::min(MC, M - i0);
          if (packed != mb) pack_a(ta, A, lda, i0, mc, pc, kc, apack.data());
          packed = mb;
          int64_t s0 = strips * piece / pieces, s1 = strips * (piece + 1) / pieces;
          block(mc, kc, s0, s1, nc, apack.data(), bpack.data(), C + i0 * ldc + jc, ldc, alpha,
                bet);
        }
      });
    }
  }
}

// ------------------------------------------------------- strided copy
template <typename T>
void strided_run(int n, const int64_t* shape, const T* src, int64_t soff, const int64_t* ss,
                 T* dst, int64_t doff, const int64_t* ds) {
  const int64_t inner = shape[n - 1], si = ss[n - 1], di = ds[n - 1];
  int64_t outer = 1;
  for (int k = 0; k + 1 < n; ++k) outer *= shape[k];
  parallel_for(outer, std::max<int64_t>(1, kParallelGrain / inner), [&](int64_t b, int64_t e) {
    int64_t idx[kMaxView], so = soff, dof = doff, r = b;
    for (int k = n - 2; k >= 0; --k) {
      idx[k] = r % shape[k];
      r /= shape[k];
      so += idx[k] * ss[k];
      dof += idx[k] * ds[k];
    }
    for (int64_t o = b; o < e; ++o) {
      const T* s = src + so;
      T* d = dst + dof;
      if (si == 1 && di == 1) std::memcpy(d, s, size_t(inner) * sizeof(T));
      else
        for (int64_t j = 0; j < inner; ++j) d[j * di] = s[j * si];
      for (int k = n - 2; k >= 0; --k) {  // odometer step
        so += ss[k];
        dof += ds[k];
        if (++idx[k] < shape[k]) break;
        so -= ss[k] * shape[k];
        dof -= ds[k] * shape[k];
        idx[k] = 0;
      }
    }
  });
}

// Transpose-like copies (the inner axis is strided on one side while another axis
// k is contiguous there) go tile by tile over the axes (k, inner), so both sides
// touch few cache lines per tile instead of one line per element.
template <typename T>
void strided_run_tiled(int n, int k, const int64_t* shape, const T* src, int64_t soff, const int64_t* ss,
                       T* dst, int64_t doff, const int64_t* ds) {
  constexpr int64_t TB = 32;
  const int in = n - 1;
  int m = 0;  // the remaining axes form the outer loop
  int64_t osh[kMaxView], oss[kMaxView], ods[kMaxView], outer = 1;
  for (int j = 0; j < in; ++j)
    if (j != k) {
      osh[m] = shape[j];
      oss[m] = ss[j];
      ods[m] = ds[j];
      outer *= osh[m++];
    }
  const int64_t A = shape[k], B = shape[in], ta = (A + TB - 1) / TB, tb = (B + TB - 1) / TB;
  parallel_for(outer * ta * tb, std::max<int64_t>(1, kParallelGrain / (TB * TB)), [&](int64_t b, int64_t e) {
    for (int64_t t = b; t < e; ++t) {
      int64_t o = t / (ta * tb), a0 = (t / tb % ta) * TB, b0 = t % tb * TB, so = soff, dof = doff;
      for (int j = m - 1; j >= 0; --j) {
        so += (o % osh[j]) * oss[j];
        dof += (o % osh[j]) * ods[j];
        o /= osh[j];
      }
      const int64_t a1 = std::min(A, a0 + TB), b1 = std::min(B, b0 + TB);
      const int64_t sa = ss[k], sc = ss[in], da = ds[k], dc = ds[in];
      for (int64_t a = a0; a < a1; ++a) {
        const T* s = src + so + a * sa;
        T* d = dst + dof + a * da;
        for (int64_t c = b0; c < b1; ++c) d[c * dc] = s[c * sc];
      }
    }
  });
}

}  // namespace

const char* blas_name() { return blas().name; }

void gemm(bool ta, bool tb, int64_t M, int64_t N, int64_t K, float alpha, const float* A,
          int64_t lda, const float* B, int64_t ldb, float beta, float* C, int64_t ldc) {
  if (M <= 0 || N <= 0) return;
  const Blas& b = blas();
  if (b.sgemm && K > 0 && fits_int({M, N, K, lda, ldb, ldc}))
    return b.sgemm(kRowMajor, ta ? kTrans : kNoTrans, tb ? kTrans : kNoTrans, int(M), int(N),
                   int(K), alpha, A, int(lda), B, int(ldb), beta, C, int(ldc));
  gemm_builtin<float>(ta, tb, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
}

void gemm_f64(bool ta, bool tb, int64_t M, int64_t N, int64_t K, double alpha, const double* A,
              int64_t lda, const double* B, int64_t ldb, double beta, double* C, int64_t ldc) {
  if (M <= 0 || N <= 0) return;
  const Blas& b = blas();
  if (b.dgemm && K > 0 && fits_int({M, N, K, lda, ldb, ldc}))
    return b.dgemm(kRowMajor, ta ? kTrans : kNoTrans, tb ? kTrans : kNoTrans, int(M), int(N),
                   int(K), alpha, A, int(lda), B, int(ldb), beta, C, int(ldc));
  gemm_builtin<double>(ta, tb, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
}

void strided_copy(size_t elem, int ndim, const int64_t* shape_in, const void* src, int64_t soff,
                  const int64_t* ss_in, void* dst, int64_t doff, const int64_t* ds_in) {
  // Drop length-1 axes and merge neighbours that are contiguous in both arrays, so
  // the inner loop is as long as possible (often a single memcpy per row).
  int64_t shape[kMaxView], ss[kMaxView], ds[kMaxView];
  int n = 0;
  for (int k = 0; k < ndim; ++k) {
    if (shape_in[k] == 0) return;
    if (shape_in[k] == 1) continue;
    if (n > 0 && ss[n - 1] == ss_in[k] * shape_in[k] && ds[n - 1] == ds_in[k] * shape_in[k]) {
      shape[n - 1] *= shape_in[k];
      ss[n - 1] = ss_in[k];
      ds[n - 1] = ds_in[k];
      continue;
    }
    shape[n] = shape_in[k];
    ss[n] = ss_in[k];
    ds[n] = ds_in[k];
    ++n;
  }
  if (n == 0) {  // a single element
    shape[0] = 1;
    ss[0] = ds[0] = 1;
    n = 1;
  }
  // A transpose-like pattern: tile it (see strided_run_tiled).
  int tile_k = -1;
  for (int k = 0; k + 1 < n && tile_k < 0; ++k)
    if (((ss[n - 1] != 1 && ss[k] == 1) || (ds[n - 1] != 1 && ds[k] == 1)) && shape[k] >= 16 && shape[n - 1] >= 16)
      tile_k = k;
  if (tile_k >= 0) {
    switch (elem) {
      case 1: return strided_run_tiled(n, tile_k, shape, static_cast<const uint8_t*>(src), soff, ss, static_cast<uint8_t*>(dst), doff, ds);
      case 2: return strided_run_tiled(n, tile_k, shape, static_cast<const uint16_t*>(src), soff, ss, static_cast<uint16_t*>(dst), doff, ds);
      case 4: return strided_run_tiled(n, tile_k, shape, static_cast<const uint32_t*>(src), soff, ss, static_cast<uint32_t*>(dst), doff, ds);
      case 8: return strided_run_tiled(n, tile_k, shape, static_cast<const uint64_t*>(src), soff, ss, static_cast<uint64_t*>(dst), doff, ds);
    }
  }
  switch (elem) {
    case 1: strided_run(n, shape, static_cast<const uint8_t*>(src), soff, ss, static_cast<uint8_t*>(dst), doff, ds); break;
    case 2: strided_run(n, shape, static_cast<const uint16_t*>(src), soff, ss, static_cast<uint16_t*>(dst), doff, ds); break;
    case 4: strided_run(n, shape, static_cast<const uint32_t*>(src), soff, ss, static_cast<uint32_t*>(dst), doff, ds); break;
    case 8: strided_run(n, shape, static_cast<const uint64_t*>(src), soff, ss, static_cast<uint64_t*>(dst), doff, ds); break;
    default: fail(Err::kInternal, "strided_copy: element size ", elem);
  }
}

void contiguous_strides(int ndim, const int64_t* shape, int64_t* stride) {
  int64_t s = 1;
  for (int k = ndim - 1; k >= 0; --k) {
    stride[k] = s;
    s *= shape[k];
  }
}

void fill_scalar(const TBlob& out, double v) {
  MXL_TYPE_SWITCH(out.dtype, DT, {
    DT val = saturate_cast<DT>(v);
    DT* p = out.ptr<DT>();
    parallel_for(out.size(), kParallelGrain, [&](int64_t b, int64_t e) { std::fill(p + b, p + e, val); });
  });
}

void assign_shape(const char* op, const char* what, Shape& slot, const Shape& s) {
  if (slot.known() && slot != s)
    fail(Err::kShape, op, ": ", what, " shape expected ", s, ", got ", slot);
  slot = s;
}

void assign_type(const char* op, const char* what, int& slot, int t) {
  if (slot >= 0 && slot != t)
    fail(Err::kDType, op, ": ", what, " dtype expected ", dtype_name(DType(t)), ", got ",
         dtype_name(DType(slot)));
  slot = t;
}

bool uniform_float_type_except(const Attrs& a, std::vector<int>& in, std::vector<int>& out, int own) {
  const char* op = N(a);
  int t = -1;
  for (size_t i = 0; i < in.size(); ++i)
    if (t < 0 && int(i) != own) t = in[i];
  for (int v : out) t = t < 0 ? v : t;
  if (t < 0) return false;
  MXL_CHECK(dtype_is_float(DType(t)), Err::kDType, op, ": expected data of dtype float32, float64 or float16, got ",
            dtype_name(DType(t)));
  const auto names = a.op->input_names(a);
  for (size_t i = 0; i < in.size(); ++i)
    if (int(i) != own) assign_type(op, i < names.size() ? names[i].c_str() : "input", in[i], t);
  for (auto& o : out) assign_type(op, "output", o, t);
  return true;
}

std::string shape_param(const Shape& s) {
  std::string r = "(";
  for (int k = 0; k < s.ndim; ++k) r += (k ? "," : "") + std::to_string(s[k]);
  return r + (s.ndim == 1 ? ",)" : ")");
}

OpDef& last_param(OpDef& op, bool none_ok, bool required) {
  ParamSpec& p = op.params.back();
  p.optional = p.optional || none_ok;
  p.required = required;
  if (required) p.def.clear();
  return op;
}

std::vector<int64_t> index_values(const TBlob& b) {
  std::vector<int64_t> out(size_t(b.size()));
  MXL_TYPE_SWITCH(b.dtype, DT, {
    const DT* p = b.ptr<DT>();
    for (size_t i = 0; i < out.size(); ++i) {
      if constexpr (std::is_integral_v<DT>) {
        out[i] = int64_t(p[i]);
      } else {  // NaN and huge values become out-of-range indices, never UB
        double d;
        if constexpr (std::is_same_v<DT, half>) d = float(p[i]);
        else d = p[i];
        out[i] = d != d || d <= -9.2e18 ? INT64_MIN : d >= 9.2e18 ? INT64_MAX : int64_t(d);
      }
    }
  });
  return out;
}

}  // namespace mxl
