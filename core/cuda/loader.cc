#include "loader.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "../op/registry.h"
#include "../storage/storage.h"

namespace mxl {
namespace gpu {

namespace {

struct Backend {
  std::string info;       // what backend_info() reports
  mxl_cuda_fusion_api fusion{};  // abi_version 0: the plugin cannot fuse
  std::string fusion_missing;    // why not
  mxl_cuda_nccl_api nccl{};      // abi_version 0: the plugin has no NCCL support
  std::string nccl_missing;
  std::string missing;    // why GPUs are unusable ("" when usable)
  void* handle = nullptr;
  mxl_cuda_api api{};
  bool loaded = false;    // plugin initialised (devices may still be absent)
  int ndev = 0;
  bool sync_each = false;
};

// Directory holding libmxlite.so: the plugin is installed next to it.
std::string core_dir() {
  Dl_info info;
  if (dladdr(reinterpret_cast<void*>(&num_gpus), &info) && info.dli_fname) {
    std::string p = info.dli_fname;
    size_t slash = p.rfind('/');
    if (slash != std::string::npos) return p.substr(0, slash);
  }
  return ".";
}

// ---- attribute access for plugin kernels (the plugin cannot call C++ across the boundary)
const Attrs& A(const void* a) { return *static_cast<const Attrs*>(a); }
int64_t attr_i(const void* a, const char* n) { return A(a).i(n); }
double attr_f(const void* a, const char* n) { return A(a).f(n); }
int attr_b(const void* a, const char* n) { return A(a).b(n) ? 1 : 0; }
const char* attr_s(const void* a, const char* n) { return A(a).s(n).c_str(); }
int attr_shape(const void* a, const char* n, int64_t* dims) {
  const Shape& s = A(a).shape(n);
  for (int i = 0; i < s.ndim; ++i) dims[i] = s[i];
  return s.ndim;
}
int attr_none(const void* a, const char* n) { return A(a).none(n) ? 1 : 0; }
const mxl_cuda_attr_api kAttrApi = {attr_i, attr_f, attr_b, attr_s, attr_shape, attr_none};

// Scratch memory for one kernel call, returned to the pool when the call returns:
// safe because later users of that memory are ordered after the kernel on the stream.
struct Workspace {
  mxl_cuda_workspace w;
  Context ctx;
  std::vector<std::pair<void*, size_t>> blocks;
  std::string error;
  explicit Workspace(Context c) : ctx(c) {
    w.self = this;
    w.alloc = [](void* self, size_t bytes) -> void* {
      auto* ws = static_cast<Workspace*>(self);
      try {
        void* p = storage::alloc(ws->ctx, bytes ? bytes : 1);
        ws->blocks.push_back({p, bytes ? bytes : 1});
        return p;
      } catch (const Error& e) {
        ws->error = e.what();
        return nullptr;
      }
    };
  }
  ~Workspace() {
    for (auto& [p, n] : blocks) storage::free(ctx, p, n);
  }
};

void to_blob(const TBlob& t, mxl_cuda_blob* b) {
  b->data = t.data;
  b->ndim = t.shape.ndim;
  b->dtype = int(t.dtype);
  for (int i = 0; i < t.shape.ndim; ++i) b->shape[i] = t.shape[i];
}

// Runs one plugin kernel as an operator's gpu FCompute.
void run_kernel(mxl_cuda_kernel_fn fn, const OpCtx& oc, const Attrs& a, const std::vector<TBlob>& in,
                const std::vector<TBlob>& out);

// Points every operator the plugin has a kernel for at it. Names the core does not
// know (a plugin built from a newer tree) are ignored.
void attach_kernels(const mxl_cuda_api& api) {
  for (int k = 0; k < api.num_kernels; ++k) {
    const mxl_cuda_kernel_entry& e = api.kernels[k];
    const OpDef* d = Registry::find(e.op);
    if (!d) continue;
    mxl_cuda_kernel_fn fn = e.fn;
    // The registry hands out const defs; attaching the GPU kernel is the one
    // mutation after static initialisation, done once under the loader's lock.
    const_cast<OpDef*>(d)->gpu = [fn](const OpCtx& oc, const Attrs& at, const std::vector<TBlob>& in,
                                      const std::vector<TBlob>& out) { run_kernel(fn, oc, at, in, out); };
  }
}

// Fills *table from one of the plugin's optional extension tables (NCCL, fusion);
// returns "" or why it cannot be used (the table is then left zeroed).
template <class InitFn, class Table>
std::string init_extension(void* handle, const char* symbol, int version, const char* what, Table* table) {
  auto init = reinterpret_cast<InitFn>(dlsym(handle, symbol));
  char err[512] = {0};
  std::string why;
  if (!init) why = std::string("the CUDA plugin was built without ") + what + " support (no " + symbol + ")";
  else if (init(table, err, sizeof err) != 0) why = std::string("the CUDA plugin's ") + what + " failed to initialise: " + err;
  else if (table->abi_version != version)
    why = std::string("the CUDA plugin's ") + what + " table has ABI version " + std::to_string(table->abi_version) +
          " but this libmxlite expects " + std::to_string(version) + " (rebuild both)";
  if (!why.empty()) *table = Table{};
  return why;
}

Backend& backend() {
  static Backend* b = [] {
    auto* be = new Backend;  // lives for the process: kernels may run during exit
    const char* sync = std::getenv("MXLITE_GPU_SYNC");
    be->sync_each = sync && std::string(sync) != "0" && std::string(sync) != "";
    const char* env = std::getenv("MXLITE_CUDA_PLUGIN");
    std::string path = env && *env ? env : core_dir() + "/libmxlite_cuda.so";
    be->handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!be->handle) {
      const char* why = dlerror();
      be->missing = "the CUDA plugin " + path + " could not be loaded (" + (why ? why : "unknown error") +
                    "); build mxlite with a CUDA compiler (nvcc) or set MXLITE_CUDA_PLUGIN";
      be->info = be->missing;
      return be;
    }
    auto init = reinterpret_cast<mxl_cuda_plugin_init_fn>(dlsym(be->handle, MXL_CUDA_PLUGIN_INIT_SYMBOL));
    char err[512] = {0};
    if (!init) {
      be->missing = "the CUDA plugin " + path + " has no " MXL_CUDA_PLUGIN_INIT_SYMBOL " entry point";
    } else if (init(&be->api, err, sizeof err) != 0) {
      be->missing = "the CUDA plugin " + path + " failed to initialise: " + err;
    } else if (be->api.abi_version != MXL_CUDA_ABI_VERSION) {
      be->missing = "the CUDA plugin " + path + " has ABI version " + std::to_string(be->api.abi_version) +
                    " but this libmxlite expects " + std::to_string(MXL_CUDA_ABI_VERSION) + " (rebuild both)";
    } else {
      be->loaded = true;
      attach_kernels(be->api);
      be->fusion_missing = init_extension<mxl_cuda_fusion_init_fn>(be->handle, MXL_CUDA_FUSION_INIT_SYMBOL,
                                                                   MXL_CUDA_FUSION_ABI_VERSION, "fusion", &be->fusion);
      be->nccl_missing = init_extension<mxl_cuda_nccl_init_fn>(be->handle, MXL_CUDA_NCCL_INIT_SYMBOL,
                                                               MXL_CUDA_NCCL_ABI_VERSION, "NCCL", &be->nccl);
      int n = 0;
      if (be->api.device_count(&n) != 0) {
        be->missing = std::string("no usable CUDA driver or device: ") + be->api.last_error();
        n = 0;
      } else if (n == 0) {
        be->missing = std::string("no CUDA device is visible (") + be->api.last_error() + ")";
      }
      be->ndev = n;
    }
    be->info = "CUDA plugin " + path + (be->loaded ? std::string(" (") + be->api.version() + ")" : std::string()) +
               ": " + (be->missing.empty() ? std::to_string(be->ndev) + " GPU(s)" : be->missing);
    return be;
  }();
  return *b;
}

// A pinned block for copies to the device, and the event recorded after its last copy.
struct Upload {
  void* data = nullptr;
  void* event = nullptr;
  bool pending = false;  // a copy from it may not have run yet
};
constexpr size_t kMaxUploads = 4;

// Per-device state created on first use: the stream and pinned staging memory.
struct Device {
  void* stream = nullptr;
  std::mutex staging_mu;  // staging and uploads
  void* staging = nullptr;
  size_t staging_bytes = 0;
  std::vector<Upload> uploads;
  size_t next_upload = 0;
};
std::mutex dev_mu;
std::map<int, Device*>& devices() {
  static auto* m = new std::map<int, Device*>;
  return *m;
}
Device& device(int dev) {
  const mxl_cuda_api& a = api(Context{DevType::kGPU, dev});
  std::lock_guard<std::mutex> lk(dev_mu);
  Device*& d = devices()[dev];
  if (!d) {
    auto* nd = new Device;
    check(a.stream_create(dev, &nd->stream), "creating the device stream");
    d = nd;
  }
  return *d;
}

constexpr size_t kStagingBytes = size_t(32) << 20;  // per device; larger copies go in pieces

void run_kernel(mxl_cuda_kernel_fn fn, const OpCtx& oc, const Attrs& a, const std::vector<TBlob>& in,
                const std::vector<TBlob>& out) {
  const int dev = oc.ctx.id;
  void* s = stream(dev);
  check(backend().api.set_device(dev), "selecting the device");
  thread_local std::vector<mxl_cuda_blob> ib, ob;
  ib.resize(in.size());
  ob.resize(out.size());
  for (size_t i = 0; i < in.size(); ++i) to_blob(in[i], &ib[i]);
  for (size_t i = 0; i < out.size(); ++i) to_blob(out[i], &ob[i]);
  Workspace ws(oc.ctx);
  char err[1024] = {0};
  mxl_cuda_call call{};
  call.op_name = a.op ? a.op->name.c_str() : "op";
  call.in = ib.data();
  call.nin = int(ib.size());
  call.out = ob.data();
  call.nout = int(ob.size());
  call.attrs = &a;
  call.attr = &kAttrApi;
  call.workspace = &ws.w;
  call.device = dev;
  call.stream = s;
  call.is_train = oc.is_train ? 1 : 0;
  call.seed = oc.rng ? (*oc.rng)() : 0;
  call.err = err;
  call.err_len = sizeof err;
  int rc = fn(&call);
  if (rc != 0) {
    std::string msg = err[0] ? err : "CUDA kernel failed";
    if (!ws.error.empty()) msg += " (" + ws.error + ")";
    Err code = rc >= 1 && rc <= 11 ? Err(rc) : Err::kDevice;
    throw Error(code, std::string(call.op_name) + " on gpu(" + std::to_string(dev) + "): " + msg);
  }
  if (backend().sync_each) sync(dev);
}

}  // namespace

const mxl_cuda_fusion_api* fusion_api(std::string* why) {
  Backend& b = backend();
  if (b.ndev == 0) {
    *why = b.missing;
    return nullptr;
  }
  if (b.fusion.abi_version == 0) {
    *why = b.fusion_missing;
    return nullptr;
  }
  return &b.fusion;
}

void run_fused(const void* kernel, const std::vector<double>& scalars, const char* name, const OpCtx& oc,
               const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  const int dev = oc.ctx.id;
  void* s = stream(dev);
  check(backend().api.set_device(dev), "selecting the device");
  std::vector<const void*> ip;
  std::vector<void*> op;
  for (const TBlob& t : in) ip.push_back(t.data);
  for (const TBlob& t : out) op.push_back(t.data);
  char err[1024] = {0};
  int64_t n = out.empty() ? 0 : out[0].shape.size();
  int rc = backend().fusion.launch(kernel, dev, ip.data(), op.data(), scalars.data(), n, s, err, sizeof err);
  if (rc != 0) {
    Err code = rc >= 1 && rc <= 11 ? Err(rc) : Err::kDevice;
    throw Error(code, std::string(name) + " on gpu(" + std::to_string(dev) + "): " + (err[0] ? err : "launch failed"));
  }
  if (backend().sync_each) sync(dev);
}

int num_gpus() { return backend().ndev; }
bool plugin_loaded() { return backend().loaded; }
std::string backend_info() { return backend().info; }
bool sync_each_op() { return backend().sync_each; }

const mxl_cuda_api& api(Context ctx) {
  Backend& b = backend();
  if (b.ndev == 0) fail(Err::kDevice, "device ", ctx.str(), " is not available: ", b.missing);
  MXL_CHECK(ctx.id >= 0 && ctx.id < b.ndev, Err::kDevice, "device ", ctx.str(), " does not exist: ", b.ndev,
            " GPU(s) are visible (ids 0..", b.ndev - 1, ")");
  return b.api;
}

const mxl_cuda_nccl_api* nccl(std::string* why) {
  Backend& b = backend();
  std::string missing;
  const char* off = std::getenv("MXLITE_KV_NCCL");  // read each time: tests compare both paths
  if (off && std::string(off) == "0") missing = "NCCL is turned off (MXLITE_KV_NCCL=0)";
  else if (b.ndev == 0) missing = "no GPU: " + b.missing;
  else if (!b.nccl_missing.empty()) missing = b.nccl_missing;
  else if (!b.nccl.available()) missing = b.nccl.why();  // loads the NCCL library once
  if (missing.empty()) return &b.nccl;
  if (why) *why = missing;
  return nullptr;
}

std::string last_error() { return backend().loaded ? backend().api.last_error() : backend().missing; }

void check(int rc, const char* what) {
  if (rc == 0) return;
  fail(Err::kDevice, "CUDA error while ", what, ": ", backend().api.last_error());
}

void* stream(int dev) { return device(dev).stream; }

void sync(int dev) {
  Device& d = device(dev);
  check(backend().api.stream_sync(dev, d.stream), "waiting for the device stream");
}

void sync_all() {
  std::vector<std::pair<int, void*>> all;
  {
    std::lock_guard<std::mutex> lk(dev_mu);  // no streams yet: nothing to load or wait for
    for (auto& [id, d] : devices()) all.push_back({id, d->stream});
  }
  if (all.empty()) return;
  for (auto& [id, s] : all) check(backend().api.stream_sync(id, s), "waiting for the device stream");
}

void wait_for_default_stream(int dev) {
  const mxl_cuda_api& a = api(Context{DevType::kGPU, dev});
  void* s = stream(dev);
  void* ev = nullptr;
  check(a.event_create(dev, &ev), "creating an event");
  int rc = a.event_record(dev, ev, nullptr);  // nullptr: the legacy default stream
  if (rc == 0) rc = a.stream_wait_event(dev, s, ev);
  a.event_destroy(ev);  // safe while the wait is pending
  check(rc, "ordering the device stream after the default stream");
}

// Device -> host copies go through the device's staging buffer, one piece at a time,
// each waited for: the buffer is reused by the next piece.
namespace {
void* staging(Device& d, const mxl_cuda_api& a) {
  if (!d.staging) {
    check(a.host_alloc(kStagingBytes, &d.staging), "allocating pinned host staging memory");
    d.staging_bytes = kStagingBytes;
  }
  return d.staging;
}

// Host -> device copies return once enqueued. The bytes go through one of a few
// pinned blocks, reused only after the event recorded behind its copy has passed, so
// the host never waits for the device's earlier work: the next batch is staged while
// the device still computes on this one (a synchronous copy would drain the stream).
Upload& upload_block(Device& d, const mxl_cuda_api& a, int dev) {
  for (Upload& u : d.uploads) {
    if (!u.pending) return u;
    int q = a.event_query(u.event);
    if (q > 1) check(q, "waiting for an earlier copy to the device");
    if (q == 0) {
      u.pending = false;
      return u;
    }
  }
  if (d.uploads.size() < kMaxUploads) {
    Upload u;
    check(a.host_alloc(kStagingBytes, &u.data), "allocating pinned host staging memory");
    check(a.event_create(dev, &u.event), "creating an event");
    d.uploads.push_back(u);
    return d.uploads.back();
  }
  Upload& oldest = d.uploads[d.next_upload];  // blocks are used round robin once all exist
  d.next_upload = (d.next_upload + 1) % kMaxUploads;
  check(a.event_sync(oldest.event), "waiting for an earlier copy to the device");
  oldest.pending = false;
  return oldest;
}

void upload(int dev, void* dst, const void* src, size_t bytes) {
  if (bytes == 0) return;
  const mxl_cuda_api& a = api(Context{DevType::kGPU, dev});
  Device& d = device(dev);
  std::lock_guard<std::mutex> lk(d.staging_mu);
  for (size_t off = 0; off < bytes; off += kStagingBytes) {
    size_t n = std::min(kStagingBytes, bytes - off);
    Upload& u = upload_block(d, a, dev);
    std::memcpy(u.data, static_cast<const char*>(src) + off, n);
    check(a.memcpy_h2d(dev, static_cast<char*>(dst) + off, u.data, n, d.stream), "copying to the device");
    check(a.event_record(dev, u.event, d.stream), "recording a copy to the device");
    u.pending = true;
  }
  if (backend().sync_each) check(a.stream_sync(dev, d.stream), "copying to the device");
}

void download(int dev, void* dst, const void* src, size_t bytes) {
  if (bytes == 0) return;
  const mxl_cuda_api& a = api(Context{DevType::kGPU, dev});
  Device& d = device(dev);
  std::lock_guard<std::mutex> lk(d.staging_mu);
  char* buf = static_cast<char*>(staging(d, a));
  for (size_t off = 0; off < bytes; off += d.staging_bytes) {
    size_t n = std::min(d.staging_bytes, bytes - off);
    check(a.memcpy_d2h(dev, buf, static_cast<const char*>(src) + off, n, d.stream), "copying to the host");
    check(a.stream_sync(dev, d.stream), "copying to the host");
    std::memcpy(static_cast<char*>(dst) + off, buf, n);
  }
}
}  // namespace

void copy_to_device(int dev, void* dst, const void* src, size_t bytes) { upload(dev, dst, src, bytes); }
void copy_to_host(int dev, void* dst, const void* src, size_t bytes) { download(dev, dst, src, bytes); }

}  // namespace gpu
}  // namespace mxl
