// Elementwise fusion (fusion_abi.h): one CUDA kernel for a chain of elementwise ops,
// written at bind time from the same functors the single-op kernels run
// (elemwise_steps.cuh over core/op/elemwise_math.h), compiled with NVRTC and loaded
// with the CUDA driver API. Both libraries are opened at run time, so the plugin
// links neither: MXLITE_NVRTC_LIBRARY, else libnvrtc.so.13 / .12 / .so, and
// MXLITE_CUDA_DRIVER_LIBRARY, else libcuda.so.1. Without them, build() fails with the
// reason and the executor keeps the chain unfused.
//
// The generated source includes elemwise_steps.cuh like any kernel file; that header,
// what it includes and the stand-ins for the system headers NVRTC lacks (core/cuda/rtc)
// are embedded into the plugin at build time (fusion_sources.inc, written by CMake)
// and handed to NVRTC as in-memory headers.
#include <dlfcn.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "common.cuh"
#include "elemwise_steps.cuh"
#include "fusion_abi.h"

namespace mxlcuda {
namespace {

// {include name, text} of every header the generated source reaches (CMake-generated).
struct EmbeddedHeader {
  const char* name;
  const char* text;
};
#include "fusion_sources.inc"  // const EmbeddedHeader kFusionHeaders[]; kNumFusionHeaders

// ------------------------------------------------------------ what fuses
// How a fusible op computes one element (elemwise_steps.cuh names the steps).
enum class Kind { kUnary, kUnaryGrad, kBinary, kScalar, kRScalar, kScalarGrad, kRScalarGrad };
struct Fusible {
  std::string op;
  const char* functor;  // in mxl::elemwise
  Kind kind;
};

// The one table of fusible ops: the unary math family and its gradients, and the
// same-shape and scalar forms of the binary arithmetic families and the scalar forms'
// gradients. Broadcast ops, the two-output binary gradients and the comparisons are
// not fused (yet).
const std::map<std::string, Fusible>& fusible_ops() {
  static const auto* table = [] {
    auto* m = new std::map<std::string, Fusible>;
    auto add = [m](std::string op, const char* functor, Kind k) { (*m)[op] = Fusible{op, functor, k}; };
#define U(name, F)                                                                             \
  add(#name, #F, Kind::kUnary);                                                                \
  if (mxl::elemwise::F::dep != mxl::elemwise::Dep::kZero) add("_backward_" #name, #F, Kind::kUnaryGrad);
    MXC_UNARY_MATH_OPS(U)
#undef U
#define FAMILY(F, elem, bcast, scalar, rscalar, backward)                                      \
  add(elem, #F, Kind::kBinary);                                                                \
  add(scalar, #F, Kind::kScalar);                                                              \
  add(std::string("_backward") + scalar, #F, Kind::kScalarGrad);                               \
  if (const char* r = rscalar) {                                                               \
    add(r, #F, Kind::kRScalar);                                                                \
    add(std::string("_backward") + r, #F, Kind::kRScalarGrad);                                 \
  }
    MXC_BINARY_ARITH_FAMILIES(FAMILY)
#undef FAMILY
    return m;
  }();
  return *table;
}

int operands(Kind k) { return k == Kind::kUnary || k == Kind::kScalar || k == Kind::kRScalar ? 1 : 2; }
bool takes_scalar(Kind k) {
  return k == Kind::kScalar || k == Kind::kRScalar || k == Kind::kScalarGrad || k == Kind::kRScalarGrad;
}

// ------------------------------------------------------------ code generation
const char* elem_type(int dtype) {
  switch (dtype) {
    case f32: return "float";
    case f64: return "double";
    case f16: return "mxlcuda::f16_t";
    default: return nullptr;
  }
}

constexpr const char* kKernelName = "mxl_fused";

// The kernel for a chain: one thread per element (grid-stride loop), inputs read once,
// every step's result kept in a register as the dtype (rounded like the single-op
// kernel's store), the outputs written once. Parameters: inputs, outputs, one double
// per scalar step, n. Scalar values are parameters, so chains that differ only in
// them share one compiled kernel.
std::string generate(int dtype, const mxl_fusion_step* steps, int nsteps, int nin, const int* outs, int nout,
                     std::string* err) {
  const char* T = elem_type(dtype);
  if (!T) {
    *err = std::string("dtype ") + dtype_name(dtype) + " is not fused (float32, float64, float16 are)";
    return "";
  }
  std::string params, pre, body;
  auto operand = [&](int a, int step) -> std::string {
    if (a >= 0 && a < nin) return "x" + std::to_string(a);
    if (a < 0 && -a - 1 < step) return "v" + std::to_string(-a - 1);
    return "";
  };
  for (int k = 0; k < nin; ++k) {
    params += "const T* __restrict__ in" + std::to_string(k) + ", ";
    body += "    const T x" + std::to_string(k) + " = in" + std::to_string(k) + "[i];\n";
  }
  for (int k = 0; k < nout; ++k) params += "T* __restrict__ out" + std::to_string(k) + ", ";
  int nscalar = 0;
  for (int s = 0; s < nsteps; ++s) {
    auto it = fusible_ops().find(steps[s].op ? steps[s].op : "");
    if (it == fusible_ops().end()) {
      *err = std::string("operator ") + (steps[s].op ? steps[s].op : "(null)") + " is not fusible";
      return "";
    }
    const Fusible& f = it->second;
    std::string a = operand(steps[s].arg[0], s), b = operands(f.kind) == 2 ? operand(steps[s].arg[1], s) : "-";
    if (a.empty() || b.empty()) {
      *err = "step " + std::to_string(s) + " (" + f.op + ") has an operand out of range";
      return "";
    }
    std::string F = f.functor, sc = "s" + std::to_string(nscalar), c = "c" + std::to_string(nscalar);
    std::string expr;
    switch (f.kind) {
      case Kind::kUnary: expr = "unary_step<" + F + ">(" + a + ")"; break;
      case Kind::kUnaryGrad: expr = "unary_grad_step<" + F + ">(" + a + ", " + b + ")"; break;
      case Kind::kBinary: expr = "binary_step<" + F + ">(" + a + ", " + b + ")"; break;
      case Kind::kScalar: expr = "binary_step<" + F + ">(" + a + ", " + c + ")"; break;
      case Kind::kRScalar: expr = "binary_step<" + F + ">(" + c + ", " + a + ")"; break;
      case Kind::kScalarGrad: expr = "scalar_grad_step<" + F + ", false>(" + a + ", " + b + ", " + c + ")"; break;
      case Kind::kRScalarGrad: expr = "scalar_grad_step<" + F + ", true>(" + a + ", " + b + ", " + c + ")"; break;
    }
    if (takes_scalar(f.kind)) {
      params += "double " + sc + ", ";
      // As the single-op kernels convert it: to T, and for gradients on to math_t<T>.
      bool grad = f.kind == Kind::kScalarGrad || f.kind == Kind::kRScalarGrad;
      pre += std::string("  const ") + (grad ? "math_t<T>" : "T") + " " + c + " = " +
             (grad ? "math_t<T>(cast_to<T>(" + sc + "))" : "cast_to<T>(" + sc + ")") + ";\n";
      ++nscalar;
    }
    body += "    const T v" + std::to_string(s) + " = " + expr + ";  // " + f.op + "\n";
  }
  for (int k = 0; k < nout; ++k) {
    if (outs[k] < 0 || outs[k] >= nsteps) {
      *err = "output " + std::to_string(k) + " names step " + std::to_string(outs[k]) + " of " +
             std::to_string(nsteps);
      return "";
    }
    body += "    out" + std::to_string(k) + "[i] = v" + std::to_string(outs[k]) + ";\n";
  }
  std::string src;
  src += "// A fused elementwise kernel written by mxlite (core/cuda/fusion.cu): " + std::to_string(nsteps) +
         " steps, " + dtype_name(dtype) + ".\n";
  src += "#include \"core/cuda/elemwise_steps.cuh\"\n\n";
  src += "namespace {\nusing namespace mxlcuda;\nusing namespace mxl::elemwise;\nusing T = " + std::string(T) +
         ";\n}  // namespace\n\n";
  src += std::string("extern \"C\" __global__ void ") + kKernelName + "(" + params + "int64_t n) {\n";
  src += pre;
  src += "  MXC_KERNEL_LOOP(i, n) {\n" + body + "  }\n}\n";
  return src;
}

// ------------------------------------------------------------ NVRTC and the driver
// The entry points used, declared here (stable C APIs; enums as int, handles as void*).
using nvrtcProgram = void*;
struct Nvrtc {
  void* lib = nullptr;
  std::string name, why;
  int (*create)(nvrtcProgram*, const char*, const char*, int, const char* const*, const char* const*) = nullptr;
  int (*compile)(nvrtcProgram, int, const char* const*) = nullptr;
  int (*ptx_size)(nvrtcProgram, size_t*) = nullptr;
  int (*ptx)(nvrtcProgram, char*) = nullptr;
  int (*log_size)(nvrtcProgram, size_t*) = nullptr;
  int (*log)(nvrtcProgram, char*) = nullptr;
  int (*destroy)(nvrtcProgram*) = nullptr;
  const char* (*error_string)(int) = nullptr;
};
using CUmodule = void*;
using CUfunction = void*;
struct Driver {
  void* lib = nullptr;
  std::string name, why;
  int (*init)(unsigned) = nullptr;
  int (*module_load_data)(CUmodule*, const void*) = nullptr;
  int (*module_get_function)(CUfunction*, CUmodule, const char*) = nullptr;
  int (*launch)(CUfunction, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, void*, void**,
                void**) = nullptr;
  int (*error_string)(int, const char**) = nullptr;
};

const Nvrtc& nvrtc() {
  static const Nvrtc* lib = [] {
    auto* r = new Nvrtc;
    r->lib = open_library("MXLITE_NVRTC_LIBRARY", {"libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so"}, &r->name,
                        &r->why, "libnvrtc-builtins.so.");
    if (!r->lib) {
      r->why = "NVRTC could not be loaded (" + r->why + "; set MXLITE_NVRTC_LIBRARY)";
      return r;
    }
    bool ok = bind_sym(r->lib, "nvrtcCreateProgram", &r->create, &r->why) &
              bind_sym(r->lib, "nvrtcCompileProgram", &r->compile, &r->why) &
              bind_sym(r->lib, "nvrtcGetPTXSize", &r->ptx_size, &r->why) &
              bind_sym(r->lib, "nvrtcGetPTX", &r->ptx, &r->why) &
              bind_sym(r->lib, "nvrtcGetProgramLogSize", &r->log_size, &r->why) &
              bind_sym(r->lib, "nvrtcGetProgramLog", &r->log, &r->why) &
              bind_sym(r->lib, "nvrtcDestroyProgram", &r->destroy, &r->why) &
              bind_sym(r->lib, "nvrtcGetErrorString", &r->error_string, &r->why);
    if (!ok) {
      r->why = r->name + " lacks NVRTC entry points (" + r->why + ")";
      r->create = nullptr;
    }
    return r;
  }();
  return *lib;
}

const Driver& driver() {
  static const Driver* lib = [] {
    auto* d = new Driver;
    d->lib = open_library("MXLITE_CUDA_DRIVER_LIBRARY", {"libcuda.so.1"}, &d->name, &d->why);
    if (!d->lib) {
      d->why = "the CUDA driver API could not be loaded (" + d->why + "; set MXLITE_CUDA_DRIVER_LIBRARY)";
      return d;
    }
    bool ok = bind_sym(d->lib, "cuInit", &d->init, &d->why) &
              bind_sym(d->lib, "cuModuleLoadData", &d->module_load_data, &d->why) &
              bind_sym(d->lib, "cuModuleGetFunction", &d->module_get_function, &d->why) &
              bind_sym(d->lib, "cuLaunchKernel", &d->launch, &d->why) &
              bind_sym(d->lib, "cuGetErrorString", &d->error_string, &d->why);
    if (!ok || d->init(0) != 0) {
      d->why = d->name + (ok ? ": cuInit failed" : " lacks driver entry points (" + d->why + ")");
      d->launch = nullptr;
    }
    return d;
  }();
  return *lib;
}

std::string driver_error(int rc) {
  const char* s = nullptr;
  if (driver().error_string) driver().error_string(rc, &s);
  return "CUDA driver error " + std::to_string(rc) + (s ? std::string(" (") + s + ")" : std::string());
}

// Source -> PTX for compute capability major.minor; "" with the reason in *err.
std::string compile_ptx(const std::string& src, int major, int minor, std::string* err) {
  const Nvrtc& r = nvrtc();
  if (!r.create) {
    *err = r.why;
    return "";
  }
  std::vector<const char*> names, texts;
  for (int i = 0; i < kNumFusionHeaders; ++i) {
    names.push_back(kFusionHeaders[i].name);
    texts.push_back(kFusionHeaders[i].text);
  }
  nvrtcProgram prog = nullptr;
  int rc = r.create(&prog, src.c_str(), "mxl_fused.cu", int(names.size()), texts.data(), names.data());
  if (rc != 0) {
    *err = std::string("nvrtcCreateProgram: ") + r.error_string(rc);
    return "";
  }
  std::string arch = "--gpu-architecture=compute_" + std::to_string(major * 10 + minor);
  const char* opts[] = {"-std=c++17", arch.c_str()};
  rc = r.compile(prog, 2, opts);
  std::string ptx;
  if (rc != 0) {
    size_t n = 0;
    r.log_size(prog, &n);
    std::string log(n, '\0');
    if (n) r.log(prog, &log[0]);
    while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
    *err = std::string("NVRTC (") + r.name + ") failed to compile the fused kernel: " + r.error_string(rc) +
           (log.empty() ? "" : ": " + log);
  } else {
    size_t n = 0;
    r.ptx_size(prog, &n);
    ptx.assign(n, '\0');
    r.ptx(prog, &ptx[0]);
  }
  r.destroy(&prog);
  return ptx;
}

// ------------------------------------------------------------ kernels
struct Kernel {
  std::string source, ptx;
  int nin = 0, nout = 0, nscalar = 0;  // the kernel's parameters (then n)
  CUfunction fn[64] = {nullptr};  // per device: a module is loaded into each device's context
};
std::mutex g_mu;
std::map<std::string, std::unique_ptr<Kernel>>& cache() {
  static auto* m = new std::map<std::string, std::unique_ptr<Kernel>>;  // kernels live for the process
  return *m;
}

// The kernel's function on `dev`, loading its module there first. Called with g_mu held.
int function_on(Kernel& k, int dev, std::string* err) {
  if (dev < 0 || dev >= 64) {
    *err = "device " + std::to_string(dev) + " is out of range";
    return kDevice;
  }
  if (k.fn[dev]) return 0;
  const Driver& d = driver();
  if (!d.launch) {
    *err = d.why;
    return kDevice;
  }
  // The runtime's primary context of dev becomes current; the module lives in it.
  if (cudaSetDevice(dev) != cudaSuccess || cudaFree(nullptr) != cudaSuccess) {
    *err = "cannot make gpu(" + std::to_string(dev) + ") current: " + cudaGetErrorString(cudaGetLastError());
    return kDevice;
  }
  CUmodule mod = nullptr;
  if (int rc = d.module_load_data(&mod, k.ptx.c_str())) {
    *err = "cuModuleLoadData: " + driver_error(rc);
    return kDevice;
  }
  if (int rc = d.module_get_function(&k.fn[dev], mod, kKernelName)) {
    *err = "cuModuleGetFunction: " + driver_error(rc);
    return kDevice;
  }
  return 0;
}

int fail_msg(char* err, size_t len, const std::string& msg, int code = kInvalidArgument) {
  snprintf(err, len, "%s", msg.c_str());
  return code;
}

// ------------------------------------------------------------ the ABI
int fusible(const char* op, int* scalar) {
  auto it = fusible_ops().find(op ? op : "");
  if (it == fusible_ops().end()) return 0;
  if (scalar) *scalar = takes_scalar(it->second.kind) ? 1 : 0;
  return operands(it->second.kind);
}

int build(int dev, int dtype, const mxl_fusion_step* steps, int nsteps, int nin, const int* outs, int nout,
          void** kernel, char* err, size_t err_len) {
  int nscalar = 0;
  for (int s = 0; s < nsteps; ++s) {
    int sc = 0;
    if (fusible(steps[s].op, &sc)) nscalar += sc;
  }
  if (nsteps < 1 || nin < 1 || nout < 1 || nin + nout + nscalar > MXL_FUSION_MAX_ARGS)
    return fail_msg(err, err_len,
                    "a fused kernel takes 1 to " + std::to_string(MXL_FUSION_MAX_ARGS) +
                        " arguments and at least one step, got " + std::to_string(nsteps) + " steps, " +
                        std::to_string(nin) + " inputs, " + std::to_string(nout) + " outputs, " +
                        std::to_string(nscalar) + " scalars");
  std::string why;
  std::string src = generate(dtype, steps, nsteps, nin, outs, nout, &why);
  if (src.empty()) return fail_msg(err, err_len, why);
  cudaDeviceProp prop;
  if (cudaGetDeviceProperties(&prop, dev) != cudaSuccess)
    return fail_msg(err, err_len, "cannot read the properties of gpu(" + std::to_string(dev) + ")", kDevice);
  std::lock_guard<std::mutex> lk(g_mu);
  std::string key = std::to_string(prop.major) + "." + std::to_string(prop.minor) + "\n" + src;
  auto& slot = cache()[key];
  if (!slot) {
    auto k = std::make_unique<Kernel>();
    k->source = src;
    k->nin = nin;
    k->nout = nout;
    k->nscalar = nscalar;
    k->ptx = compile_ptx(src, prop.major, prop.minor, &why);
    if (k->ptx.empty()) {
      cache().erase(key);
      return fail_msg(err, err_len, why);
    }
    slot = std::move(k);
  }
  if (int rc = function_on(*slot, dev, &why)) return fail_msg(err, err_len, why, rc);
  *kernel = slot.get();
  return 0;
}

const char* source(const void* kernel) { return static_cast<const Kernel*>(kernel)->source.c_str(); }

int launch(const void* kernel, int dev, const void* const* in, void* const* out, const double* scalars, int64_t n,
           void* stream, char* err, size_t err_len) {
  if (n == 0) return 0;
  auto& k = *static_cast<Kernel*>(const_cast<void*>(kernel));
  CUfunction fn;
  {
    std::lock_guard<std::mutex> lk(g_mu);
    std::string why;
    if (int rc = function_on(k, dev, &why)) return fail_msg(err, err_len, why, rc);
    fn = k.fn[dev];
  }
  // The parameters in the generated order: inputs, outputs, scalars, n.
  const int nin = k.nin, nout = k.nout, nscalar = k.nscalar;
  void* params[MXL_FUSION_MAX_ARGS + 1];
  int np = 0;
  for (int i = 0; i < nin; ++i) params[np++] = const_cast<const void**>(&in[i]);
  for (int i = 0; i < nout; ++i) params[np++] = const_cast<void**>(&out[i]);
  for (int i = 0; i < nscalar; ++i) params[np++] = const_cast<double*>(&scalars[i]);
  params[np++] = &n;
  int rc = driver().launch(fn, unsigned(grid_for(n)), 1, 1, unsigned(kThreads), 1, 1, 0, stream, params, nullptr);
  if (rc != 0) return fail_msg(err, err_len, "cuLaunchKernel (fused elementwise kernel): " + driver_error(rc), kDevice);
  return 0;
}

}  // namespace
}  // namespace mxlcuda

extern "C" __attribute__((visibility("default"))) int mxl_cuda_fusion_init(mxl_cuda_fusion_api* api, char* err,
                                                                           size_t err_len) {
  if (!api) {
    snprintf(err, err_len, "mxl_cuda_fusion_init: NULL api");
    return 1;
  }
  *api = mxl_cuda_fusion_api{};
  api->abi_version = MXL_CUDA_FUSION_ABI_VERSION;
  api->fusible = mxlcuda::fusible;
  api->build = mxlcuda::build;
  api->source = mxlcuda::source;
  api->launch = mxlcuda::launch;
  return 0;
}
