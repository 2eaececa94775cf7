// The plugin's runtime half: device memory, streams, events and copies for the core
// (mxl_cuda_api), plus the entry point that hands over the kernel table.
#include <dirent.h>
#include <dlfcn.h>

#include "common.cuh"

namespace mxlcuda {

std::string& last_error_buf() {
  thread_local std::string s;
  return s;
}

int set_last_error(const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  last_error_buf() = buf;
  return kDevice;
}

// NVRTC opens its libnvrtc-builtins.so.X.Y by name when it compiles. A library named
// by path (a pip package's lib/ directory, often not on the search path) gets the
// builtins of its own directory loaded first, which that lookup then finds.
static void preload_beside(const char* path, const char* prefix) {
  std::string p = path, dir = p.rfind('/') == std::string::npos ? "" : p.substr(0, p.rfind('/'));
  if (dir.empty()) return;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n.rfind(prefix, 0) == 0 && n.find(".alt.") == std::string::npos)
        dlopen((dir + "/" + n).c_str(), RTLD_NOW | RTLD_LOCAL);
    }
    closedir(d);
  }
}

void* open_library(const char* env, std::initializer_list<const char*> names, std::string* name, std::string* why,
                   const char* preload_prefix) {
  const char* e = std::getenv(env);
  std::vector<const char*> all;
  if (e && *e) all.push_back(e);
  all.insert(all.end(), names.begin(), names.end());
  for (const char* n : all) {
    if (preload_prefix) preload_beside(n, preload_prefix);
    if (void* h = dlopen(n, RTLD_NOW | RTLD_LOCAL)) {
      *name = n;
      return h;
    }
    const char* d = dlerror();
    *why += std::string(why->empty() ? "" : "; ") + n + ": " + (d ? d : "not loadable");
  }
  return nullptr;
}

const char* dtype_name(int t) {
  static const char* names[] = {"float32", "float64", "float16", "uint8", "int32", "int8", "int64", "bool"};
  return t >= 0 && t < 8 ? names[t] : "unknown";
}

namespace {

#define RT_CHECK(expr)                                                                          \
  do {                                                                                          \
    cudaError_t e_ = (expr);                                                                    \
    if (e_ != cudaSuccess)                                                                      \
      return set_last_error("%s: %s (%s)", #expr, cudaGetErrorString(e_), cudaGetErrorName(e_)); \
  } while (0)

const char* last_error() { return last_error_buf().c_str(); }

const char* version() {
  static std::string v = [] {
    int rt = 0, drv = 0;
    cudaRuntimeGetVersion(&rt);
    cudaDriverGetVersion(&drv);
    char buf[160];
    snprintf(buf, sizeof buf, "CUDA runtime %d.%d, driver %s", rt / 1000, (rt % 1000) / 10,
             drv ? (std::to_string(drv / 1000) + "." + std::to_string((drv % 1000) / 10)).c_str() : "none");
    return std::string(buf);
  }();
  return v.c_str();
}

int device_count(int* n) {
  *n = 0;
  int c = 0;
  cudaError_t e = cudaGetDeviceCount(&c);
  if (e == cudaErrorNoDevice) {
    cudaGetLastError();
    set_last_error("%s", cudaGetErrorString(e));
    return 0;
  }
  if (e == cudaErrorInsufficientDriver) {  // also what a missing driver looks like
    cudaGetLastError();
    void* drv = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!drv) return set_last_error("the NVIDIA driver (libcuda.so.1) is not installed");
    dlclose(drv);
    int rt = 0;
    cudaRuntimeGetVersion(&rt);
    return set_last_error("the NVIDIA driver is older than this plugin's CUDA runtime %d.%d (%s)", rt / 1000,
                          (rt % 1000) / 10, cudaGetErrorString(e));
  }
  RT_CHECK(e);
  *n = c;
  last_error_buf().clear();
  return 0;
}

int device_name(int dev, char* buf, size_t len) {
  cudaDeviceProp p;
  RT_CHECK(cudaGetDeviceProperties(&p, dev));
  snprintf(buf, len, "%s (sm_%d%d, %zu MiB)", p.name, p.major, p.minor, size_t(p.totalGlobalMem >> 20));
  return 0;
}

int mem_info(int dev, size_t* f, size_t* t) {
  RT_CHECK(cudaSetDevice(dev));
  RT_CHECK(cudaMemGetInfo(f, t));
  return 0;
}

int set_device(int dev) {
  RT_CHECK(cudaSetDevice(dev));
  return 0;
}

int dmalloc(int dev, size_t bytes, void** p) {
  RT_CHECK(cudaSetDevice(dev));
  cudaError_t e = cudaMalloc(p, bytes);
  if (e != cudaSuccess) {
    cudaGetLastError();  // out of memory is not sticky: clear it so the pool can retry
    *p = nullptr;
    return set_last_error("cudaMalloc(%zu bytes) on gpu(%d): %s", bytes, dev, cudaGetErrorString(e));
  }
  return 0;
}

int dfree(int dev, void* p) {
  RT_CHECK(cudaSetDevice(dev));
  RT_CHECK(cudaFree(p));
  return 0;
}

int host_alloc(size_t bytes, void** p) {
  RT_CHECK(cudaMallocHost(p, bytes));
  return 0;
}
int host_free(void* p) {
  RT_CHECK(cudaFreeHost(p));
  return 0;
}

int stream_create(int dev, void** s) {
  RT_CHECK(cudaSetDevice(dev));
  cudaStream_t st;
  RT_CHECK(cudaStreamCreateWithFlags(&st, cudaStreamNonBlocking));
  *s = st;
  return 0;
}

int stream_sync(int dev, void* s) {
  RT_CHECK(cudaSetDevice(dev));
  RT_CHECK(cudaStreamSynchronize(static_cast<cudaStream_t>(s)));
  return 0;
}

int memcpy_h2d(int dev, void* dst, const void* src, size_t n, void* s) {
  RT_CHECK(cudaSetDevice(dev));
  RT_CHECK(cudaMemcpyAsync(dst, src, n, cudaMemcpyHostToDevice, static_cast<cudaStream_t>(s)));
  return 0;
}
int memcpy_d2h(int dev, void* dst, const void* src, size_t n, void* s) {
  RT_CHECK(cudaSetDevice(dev));
  RT_CHECK(cudaMemcpyAsync(dst, src, n, cudaMemcpyDeviceToHost, static_cast<cudaStream_t>(s)));
  return 0;
}
int memcpy_d2d(int ddev, void* dst, int sdev, const void* src, size_t n, void* s) {
  RT_CHECK(cudaSetDevice(ddev));
  if (ddev == sdev)
    RT_CHECK(cudaMemcpyAsync(dst, src, n, cudaMemcpyDeviceToDevice, static_cast<cudaStream_t>(s)));
  else
    RT_CHECK(cudaMemcpyPeerAsync(dst, ddev, src, sdev, n, static_cast<cudaStream_t>(s)));
  return 0;
}

int event_create(int dev, void** ev) {
  RT_CHECK(cudaSetDevice(dev));
  cudaEvent_t e;
  RT_CHECK(cudaEventCreateWithFlags(&e, cudaEventDisableTiming));
  *ev = e;
  return 0;
}
int event_destroy(void* ev) {
  RT_CHECK(cudaEventDestroy(static_cast<cudaEvent_t>(ev)));
  return 0;
}
int event_record(int dev, void* ev, void* s) {
  RT_CHECK(cudaSetDevice(dev));
  RT_CHECK(cudaEventRecord(static_cast<cudaEvent_t>(ev), static_cast<cudaStream_t>(s)));
  return 0;
}
int event_query(void* ev) {
  cudaError_t e = cudaEventQuery(static_cast<cudaEvent_t>(ev));
  if (e == cudaErrorNotReady) {
    cudaGetLastError();  // not an error: clear it
    return 1;
  }
  RT_CHECK(e);
  return 0;
}
int event_sync(void* ev) {
  RT_CHECK(cudaEventSynchronize(static_cast<cudaEvent_t>(ev)));
  return 0;
}
int stream_wait_event(int dev, void* s, void* ev) {
  RT_CHECK(cudaSetDevice(dev));
  RT_CHECK(cudaStreamWaitEvent(static_cast<cudaStream_t>(s), static_cast<cudaEvent_t>(ev), 0));
  return 0;
}

template <class S, class D>
__global__ void convert_kernel(const S* s, D* d, int64_t n) {
  MXC_KERNEL_LOOP(i, n) {
    if constexpr (std::is_same_v<S, f16_t>) d[i] = cast_to<D>(float(s[i]));  // through float, as the CPU's half
    else if constexpr (std::is_floating_point_v<S>) d[i] = cast_to<D>(s[i]);
    else d[i] = static_cast<D>(s[i]);
  }
}

int convert(int dev, const void* src, int st, void* dst, int dt, int64_t n, void* s) {
  RT_CHECK(cudaSetDevice(dev));
  char err[256] = {0};
  mxl_cuda_call c{};
  c.err = err;
  c.err_len = sizeof err;
  auto run = [&]() -> int {
    MXC_SWITCH_ALL16(&c, st, S, {
      MXC_SWITCH_ALL16(&c, dt, D, {
        convert_kernel<S, D><<<grid_for(n), kThreads, 0, static_cast<cudaStream_t>(s)>>>(
            static_cast<const S*>(src), static_cast<D*>(dst), n);
      });
    });
    return 0;
  };
  if (run() != 0) return set_last_error("dtype conversion: %s", err);
  RT_CHECK(cudaGetLastError());
  return 0;
}

}  // namespace

int via_float32(const mxl_cuda_call* c, mxl_cuda_kernel_fn f) {
  std::vector<mxl_cuda_blob> in(c->in, c->in + c->nin), out(c->out, c->out + c->nout);
  auto widen = [&](mxl_cuda_blob& b, bool copy) -> int {
    if (b.dtype != f16) return 0;
    int64_t n = blob_size(b);
    void* p = workspace(c, size_t(n > 0 ? n : 1) * sizeof(float));
    if (!p) return call_fail(c, kOutOfMemory, "%s: out of device memory for float16 widened to float32", c->op_name);
    if (copy && n && convert(c->device, b.data, f16, p, f32, n, c->stream) != 0)
      return call_fail(c, kDevice, "%s: %s", c->op_name, last_error());
    b.data = p;
    b.dtype = f32;
    return 0;
  };
  for (auto& b : in)
    if (int rc = widen(b, true)) return rc;
  for (auto& b : out)
    if (int rc = widen(b, false)) return rc;
  mxl_cuda_call w = *c;
  w.in = in.data();
  w.out = out.data();
  if (int rc = f(&w)) return rc;
  for (int i = 0; i < c->nout; ++i) {
    int64_t n = blob_size(c->out[i]);
    if (c->out[i].dtype == f16 && n && convert(c->device, out[size_t(i)].data, f32, c->out[i].data, f16, n, c->stream))
      return call_fail(c, kDevice, "%s: %s", c->op_name, last_error());
  }
  return 0;
}

namespace {

KernelTable& kernel_table() {
  static KernelTable* t = [] {
    auto* k = new KernelTable;
    register_elemwise(*k);
    register_elemwise_arith(*k);
    register_elemwise_compare(*k);
    register_reduce(*k);
    register_blas(*k);
    register_nn(*k);
    register_shape(*k);
    register_random(*k);
    register_sample(*k);
    register_optimizer(*k);
    register_optimizer_multi(*k);
    register_misc(*k);
    register_pool(*k);
    register_conv(*k);
    register_norm(*k);
    register_indexing(*k);
    register_ordering(*k);
    register_extra_ops(*k);
    register_sum(*k);
    register_nn_extra(*k);
    register_linalg(*k);
    register_spatial(*k);
    register_ctc(*k);
    register_rnn(*k);
    register_random_extra(*k);
    register_detection(*k);
    register_contrib(*k);
    return k;
  }();
  return *t;
}

}  // namespace
}  // namespace mxlcuda

extern "C" __attribute__((visibility("default"))) int mxl_cuda_plugin_init(mxl_cuda_api* api, char* err,
                                                                            size_t err_len) {
  using namespace mxlcuda;
  if (!api) {
    snprintf(err, err_len, "mxl_cuda_plugin_init: NULL api");
    return 1;
  }
  *api = mxl_cuda_api{};
  api->abi_version = MXL_CUDA_ABI_VERSION;
  api->last_error = last_error;
  api->version = version;
  api->device_count = device_count;
  api->device_name = device_name;
  api->mem_info = mem_info;
  api->set_device = set_device;
  api->malloc = dmalloc;
  api->free = dfree;
  api->host_alloc = host_alloc;
  api->host_free = host_free;
  api->stream_create = stream_create;
  api->stream_sync = stream_sync;
  api->memcpy_h2d = memcpy_h2d;
  api->memcpy_d2h = memcpy_d2h;
  api->memcpy_d2d = memcpy_d2d;
  api->event_create = event_create;
  api->event_destroy = event_destroy;
  api->event_record = event_record;
  api->stream_wait_event = stream_wait_event;
  api->convert = convert;
  api->event_query = event_query;
  api->event_sync = event_sync;
  KernelTable& t = kernel_table();
  api->kernels = t.data();
  api->num_kernels = int(t.size());
  return 0;
}
