// The C ABI: validate, translate, and catch every exception at the boundary.
#include "mxlite/c_api.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <unistd.h>
#include <deque>
#include <mutex>
#include <new>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/cuda/loader.h"
#include "core/engine/engine.h"
#include "core/executor/executor.h"
#include "core/ndarray/autograd.h"
#include "core/symbol/symbol.h"
#include "core/ndarray/ndarray.h"
#include "core/op/registry.h"
#include "core/storage/storage.h"
#include "c_api_internal.h"

using mxl::Err;
using mxl::NDArray;

struct mxl_ndarray_t {
  NDArray arr;
};
struct mxl_symbol_t {
  mxl::Symbol sym;
};
struct mxl_executor_t {
  std::unique_ptr<mxl::Executor> ex;
};

namespace {

// ------------------------------------------------------------ error plumbing
struct ThreadState {
  std::string err;
  int code = MXL_OK;
  std::vector<mxl_ndarray> handles;      // mxl_nd_load results
  std::vector<std::string> strs;         // mxl_nd_load names
  std::vector<const char*> cstrs;
};
ThreadState& ts() {
  thread_local ThreadState s;
  return s;
}

int set_error(int code, const char* msg) {
  ts().code = code;
  ts().err = msg;
  return code;
}

// ------------------------------------------------------------ live handles
// Every handle the library hands out is registered, so a freed or foreign pointer
// is an error code instead of a crash. A freed handle's memory is not handed out again
// until kQuarantine more handles of its kind were freed: otherwise the next new handle
// often got the same address, and a double free (or use after free) of the old one
// would silently hit the new one. Past the quarantine the memory is reused for new
// handles, and the registry is an open-addressing table: registering and freeing a
// handle allocates nothing (it is on every operator call's path).

// A set of pointers, open addressing with linear probing and tombstones.
class PtrSet {
 public:
  bool contains(const void* p) const {
    if (slots_.empty()) return false;
    for (size_t i = home(p);; i = (i + 1) & mask()) {
      if (slots_[i] == p) return true;
      if (slots_[i] == nullptr) return false;
    }
  }
  void insert(const void* p) {  // p must not be in the set
    if ((used_ + 1) * 4 > slots_.size() * 3)  // 3/4 full: grow, unless tombstones are most of it
      rehash(live_ * 4 >= slots_.size() ? slots_.size() * 2 : slots_.size());
    size_t i = home(p);
    while (slots_[i] != nullptr && slots_[i] != kTomb) i = (i + 1) & mask();
    if (slots_[i] == nullptr) ++used_;
    slots_[i] = p;
    ++live_;
  }
  bool erase(const void* p) {
    if (slots_.empty()) return false;
    for (size_t i = home(p);; i = (i + 1) & mask()) {
      if (slots_[i] == p) {
        slots_[i] = kTomb;
        --live_;
        return true;
      }
      if (slots_[i] == nullptr) return false;
    }
  }

 private:
  static inline const void* const kTomb = reinterpret_cast<const void*>(uintptr_t(1));
  std::vector<const void*> slots_;
  size_t used_ = 0, live_ = 0;  // used_ counts live entries and tombstones
  size_t mask() const { return slots_.size() - 1; }
  size_t home(const void* p) const {
    uint64_t x = uint64_t(reinterpret_cast<uintptr_t>(p));
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;  // a 64-bit mix: handle addresses share their low bits
    x ^= x >> 33;
    return size_t(x) & mask();
  }
  void rehash(size_t n) {  // n: a power of two (or 0 -> 64)
    std::vector<const void*> old = std::move(slots_);
    slots_.assign(std::max<size_t>(n, 64), nullptr);
    used_ = live_ = 0;
    for (const void* p : old)
      if (p != nullptr && p != kTomb) insert(p);
  }
};

template <typename T>
struct Live {
  static constexpr size_t kQuarantine = 1024;
  std::mutex mu;
  PtrSet set;
  std::deque<T*> quarantine;  // freed handles whose contents are gone, memory kept
  std::vector<void*> spare;   // memory past the quarantine, for new handles
  T* add(T&& contents) {
    std::lock_guard<std::mutex> lk(mu);
    void* mem = nullptr;
    if (!spare.empty()) {
      mem = spare.back();
      spare.pop_back();
    } else {
      mem = ::operator new(sizeof(T));
    }
    T* h = new (mem) T(std::move(contents));  // a move: the handle structs' moves do not throw
    try {
      set.insert(h);
    } catch (...) {
      h->~T();
      ::operator delete(mem);
      throw;
    }
    return h;
  }
  T* get(T* h, const char* kind, const char* what) {
    {
      std::lock_guard<std::mutex> lk(mu);
      if (h && set.contains(h)) return h;
    }
    mxl::fail(Err::kInvalidHandle, what, " handle ", static_cast<const void*>(h),
              h ? std::string(" is not a live mxlite ") + kind + " (freed or foreign)" : std::string(" is NULL"));
  }
  void free(T* h, const char* kind) {
    {
      std::lock_guard<std::mutex> lk(mu);
      MXL_CHECK(h && set.erase(h), Err::kInvalidHandle, "free: ", kind, " handle ", static_cast<const void*>(h),
                h ? " is not live (double free?)" : " is NULL");
    }
    h->~T();  // the contents (array, symbol, executor) go now, outside the lock; the memory waits
    std::lock_guard<std::mutex> lk(mu);
    quarantine.push_back(h);
    if (quarantine.size() > kQuarantine) {
      spare.push_back(quarantine.front());
      quarantine.pop_front();
    }
  }
};
template <typename T>
Live<T>& live() {
  static auto* l = new Live<T>;  // never destroyed: handles may be freed at exit
  return *l;
}

mxl_ndarray new_handle(NDArray a) { return live<mxl_ndarray_t>().add(mxl_ndarray_t{std::move(a)}); }
mxl_symbol new_symbol(mxl::Symbol s) { return live<mxl_symbol_t>().add(mxl_symbol_t{std::move(s)}); }

NDArray& get(mxl_ndarray h, const char* what = "array") {
  return live<mxl_ndarray_t>().get(h, "array", what)->arr;
}
const mxl::Symbol& get_sym(mxl_symbol h, const char* what = "symbol") {
  return live<mxl_symbol_t>().get(h, "symbol", what)->sym;
}
mxl::Executor& get_ex(mxl_executor h) { return *live<mxl_executor_t>().get(h, "executor", "executor")->ex; }

}  // namespace

// An operator handle: the definition plus the name it was found by (an alias such as
// "_Plus" names symbols "_plus0").
struct mxl_op_t {
  const mxl::OpDef* def;
  std::string name;
};

namespace {
const std::unordered_map<std::string, mxl_op_t>& op_table() {
  static const auto* t = [] {
    auto* m = new std::unordered_map<std::string, mxl_op_t>;
    for (const auto& n : mxl::Registry::names(true)) (*m)[n] = mxl_op_t{mxl::Registry::find(n), n};
    return m;
  }();
  return *t;
}

const mxl_op_t& get_op_handle(mxl_op op) {
  static const auto* valid = [] {
    auto* s = new std::unordered_set<const void*>;
    for (const auto& [n, h] : op_table()) s->insert(&h);
    return s;
  }();
  MXL_CHECK(op && valid->count(op), Err::kInvalidHandle, "operator handle ", static_cast<const void*>(op),
            " is not valid (use mxl_op_find)");
  return *op;
}
const mxl::OpDef* get_op(mxl_op op) { return get_op_handle(op).def; }

mxl::Context make_ctx(int dev_type, int dev_id) {
  CHECK_ARG(dev_type == MXL_CPU || dev_type == MXL_GPU, "bad device type ", dev_type,
            ": expected 1 (cpu) or 2 (gpu)");
  CHECK_ARG(dev_id >= 0, "bad device id ", dev_id);
  return {mxl::DevType(dev_type), dev_id};
}

mxl::Shape make_shape(const int64_t* shape, int ndim) {
  MXL_CHECK(ndim >= 0 && ndim <= MXL_MAX_NDIM, Err::kShape, "ndim ", ndim, " is out of range [0, ",
            MXL_MAX_NDIM, "]");
  CHECK_ARG(shape || ndim == 0, "shape pointer is NULL");
  return mxl::Shape(shape, ndim);
}

}  // namespace

// ===================================================================== API
extern "C" {

int mxl_version(void) { return MXL_ABI_VERSION; }
const char* mxl_last_error(void) { return ts().err.c_str(); }
int mxl_last_error_code(void) { return ts().code; }

int mxl_waitall(void) {
  API_BEGIN();
  mxl::engine::waitall();
  API_END();
}

int mxl_engine_info(const char** kind, int* cpu_workers) {
  API_BEGIN();
  if (kind) *kind = mxl::engine::kind();
  if (cpu_workers) *cpu_workers = mxl::engine::cpu_workers();
  API_END();
}

int mxl_storage_stats(int dev_type, int dev_id, uint64_t* in_use, uint64_t* peak, uint64_t* pooled) {
  API_BEGIN();
  auto st = mxl::storage::stats(make_ctx(dev_type, dev_id));
  if (in_use) *in_use = st.in_use;
  if (peak) *peak = st.peak;
  if (pooled) *pooled = st.pooled;
  API_END();
}

int mxl_storage_release_pool(int dev_type, int dev_id) {
  API_BEGIN();
  mxl::storage::release_pool(make_ctx(dev_type, dev_id));
  API_END();
}

// ------------------------------------------------------------------- devices
int mxl_num_gpus(int* out) {
  API_BEGIN();
  CHECK_ARG(out, "mxl_num_gpus: out is NULL");
  *out = mxl::gpu::num_gpus();
  API_END();
}

int mxl_gpu_info(const char** info) {
  API_BEGIN();
  CHECK_ARG(info, "mxl_gpu_info: info is NULL");
  static std::once_flag once;
  static std::string* text;  // fixed after the plugin's first load: lives for the process
  std::call_once(once, [] { text = new std::string(mxl::gpu::backend_info()); });
  *info = text->c_str();
  API_END();
}

// ------------------------------------------------------------------ ndarray
int mxl_nd_create(const int64_t* shape, int ndim, int dtype, int dev_type, int dev_id, mxl_ndarray* out) {
  API_BEGIN();
  CHECK_ARG(out, "mxl_nd_create: out is NULL");
  MXL_CHECK(mxl::dtype_valid(dtype), Err::kDType, "unknown dtype flag ", dtype);
  *out = new_handle(NDArray(make_shape(shape, ndim), mxl::DType(dtype), make_ctx(dev_type, dev_id)));
  API_END();
}

int mxl_nd_free(mxl_ndarray h) {
  API_BEGIN();
  live<mxl_ndarray_t>().free(h, "array");
  API_END();
}

int mxl_nd_info(mxl_ndarray h, int* ndim, int64_t* dims, int* dtype, int* dev_type, int* dev_id) {
  API_BEGIN();
  const NDArray& a = get(h);
  if (ndim) *ndim = a.shape().ndim;
  if (dims) std::memcpy(dims, a.shape().d, sizeof(int64_t) * a.shape().ndim);
  if (dtype) *dtype = int(a.dtype());
  if (dev_type) *dev_type = int(a.ctx().type);
  if (dev_id) *dev_id = a.ctx().id;
  API_END();
}

int mxl_nd_wait_to_read(mxl_ndarray h) {
  API_BEGIN();
  get(h).wait_to_read();
  API_END();
}

int mxl_nd_wait_to_write(mxl_ndarray h) {
  API_BEGIN();
  get(h).wait_to_write();
  API_END();
}

int mxl_nd_sync_copy_from(mxl_ndarray h, const void* data, uint64_t nbytes) {
  API_BEGIN();
  const NDArray& a = get(h);
  CHECK_ARG(data || nbytes == 0, "mxl_nd_sync_copy_from: data is NULL");
  a.sync_copy_from(data, nbytes);
  API_END();
}

int mxl_nd_sync_copy_to(mxl_ndarray h, void* data, uint64_t nbytes) {
  API_BEGIN();
  const NDArray& a = get(h);
  CHECK_ARG(data || nbytes == 0, "mxl_nd_sync_copy_to: data is NULL");
  a.sync_copy_to(data, nbytes);
  API_END();
}

int mxl_nd_copy_to(mxl_ndarray src, mxl_ndarray dst) {
  API_BEGIN();
  mxl::copy(get(src, "source"), get(dst, "destination"));
  API_END();
}

int mxl_nd_reshape(mxl_ndarray h, const int64_t* shape, int ndim, int reverse, mxl_ndarray* out) {
  API_BEGIN();
  const NDArray& a = get(h);
  CHECK_ARG(out, "mxl_nd_reshape: out is NULL");
  mxl::Shape target = mxl::reshape_target("reshape", a.shape(), make_shape(shape, ndim), reverse != 0);
  *out = new_handle(a.reshape(target));
  API_END();
}

int mxl_nd_slice(mxl_ndarray h, int64_t begin, int64_t end, mxl_ndarray* out) {
  API_BEGIN();
  CHECK_ARG(out, "mxl_nd_slice: out is NULL");
  *out = new_handle(get(h).slice(begin, end));
  API_END();
}

int mxl_nd_at(mxl_ndarray h, int64_t idx, mxl_ndarray* out) {
  API_BEGIN();
  CHECK_ARG(out, "mxl_nd_at: out is NULL");
  *out = new_handle(get(h).at(idx));
  API_END();
}

int mxl_nd_data_ptr(mxl_ndarray h, void** out) {
  API_BEGIN();
  const NDArray& a = get(h);
  CHECK_ARG(out, "mxl_nd_data_ptr: out is NULL");
  MXL_CHECK(a.ctx().type == mxl::DevType::kCPU, Err::kDevice, "data pointer of an array on ", a.ctx().str(),
            ": only CPU arrays expose host memory");
  a.wait_to_read();
  *out = a.data();
  API_END();
}

int mxl_nd_save(const char* fname, int n, const mxl_ndarray* arrays, const char** names) {
  API_BEGIN();
  CHECK_ARG(fname, "mxl_nd_save: file name is NULL");
  CHECK_ARG(n >= 0 && (arrays || n == 0), "mxl_nd_save: bad array list");
  std::vector<NDArray> v;
  std::vector<std::string> nm;
  for (int i = 0; i < n; ++i) {
    v.push_back(get(arrays[i]));
    if (names) {
      CHECK_ARG(names[i], "mxl_nd_save: name ", i, " is NULL");
      nm.push_back(names[i]);
    }
  }
  mxl::save(fname, v, nm);
  API_END();
}

int mxl_nd_load(const char* fname, int* n, mxl_ndarray** arrays, const char*** names) {
  API_BEGIN();
  CHECK_ARG(fname && n && arrays && names, "mxl_nd_load: NULL argument");
  std::vector<NDArray> v;
  std::vector<std::string> nm;
  mxl::load(fname, &v, &nm);
  ThreadState& s = ts();
  s.handles.clear();
  s.strs = std::move(nm);
  s.cstrs.clear();
  for (auto& a : v) s.handles.push_back(new_handle(std::move(a)));
  for (auto& x : s.strs) s.cstrs.push_back(x.c_str());
  *n = int(s.handles.size());
  *arrays = s.handles.data();
  *names = s.strs.empty() ? nullptr : s.cstrs.data();
  API_END();
}

// ------------------------------------------------------------------- DLPack
namespace {
struct DLExport {
  DLManagedTensorVersioned t;
  NDArray keep;
  int64_t shape[MXL_MAX_NDIM];
};
DLDataType to_dl(mxl::DType t) {
  switch (t) {
    case mxl::DType::f32: return {2, 32, 1};
    case mxl::DType::f64: return {2, 64, 1};
    case mxl::DType::f16: return {2, 16, 1};
    case mxl::DType::u8: return {1, 8, 1};
    case mxl::DType::i8: return {0, 8, 1};
    case mxl::DType::i32: return {0, 32, 1};
    case mxl::DType::i64: return {0, 64, 1};
    case mxl::DType::b8: return {6, 8, 1};
  }
  mxl::fail(Err::kDType, "dtype has no DLPack equivalent");
}
mxl::DType from_dl(DLDataType d) {
  MXL_CHECK(d.lanes == 1, Err::kDType, "DLPack: vector dtypes (lanes=", d.lanes, ") are not supported");
  for (int i = 0; i < mxl::kNumDTypes; ++i) {
    DLDataType x = to_dl(mxl::DType(i));
    if (x.code == d.code && x.bits == d.bits) return mxl::DType(i);
  }
  mxl::fail(Err::kDType, "DLPack: dtype code ", int(d.code), " with ", int(d.bits), " bits is not supported");
}
}  // namespace

int mxl_nd_to_dlpack(mxl_ndarray h, DLManagedTensorVersioned** out) {
  API_BEGIN();
  const NDArray& a = get(h);
  CHECK_ARG(out, "mxl_nd_to_dlpack: out is NULL");
  a.wait_to_read();  // on a GPU also drains its stream: consumers may use any stream
  auto* e = new DLExport;
  e->keep = a;
  for (int i = 0; i < a.shape().ndim; ++i) e->shape[i] = a.shape()[i];
  e->t.version = {DLPACK_MAJOR_VERSION, DLPACK_MINOR_VERSION};
  e->t.manager_ctx = e;
  e->t.deleter = [](DLManagedTensorVersioned* self) { delete static_cast<DLExport*>(self->manager_ctx); };
  e->t.flags = 0;
  e->t.dl_tensor.data = a.data();
  e->t.dl_tensor.device = {int(a.ctx().type), a.ctx().id};  // MXL_CPU / MXL_GPU are kDLCPU / kDLCUDA
  e->t.dl_tensor.ndim = a.shape().ndim;
  e->t.dl_tensor.dtype = to_dl(a.dtype());
  e->t.dl_tensor.shape = e->shape;
  e->t.dl_tensor.strides = nullptr;
  e->t.dl_tensor.byte_offset = 0;
  *out = &e->t;
  API_END();
}

int mxl_nd_from_dlpack(DLManagedTensorVersioned* t, mxl_ndarray* out) {
  API_BEGIN();
  CHECK_ARG(t && out, "mxl_nd_from_dlpack: NULL argument");
  MXL_CHECK(t->version.major == DLPACK_MAJOR_VERSION, Err::kInvalidArgument, "DLPack: tensor has ABI version ",
            t->version.major, ".", t->version.minor, ", expected ", DLPACK_MAJOR_VERSION, ".x");
  const DLTensor& d = t->dl_tensor;
  MXL_CHECK(d.device.device_type == MXL_CPU || d.device.device_type == MXL_GPU, Err::kDevice,
            "DLPack: device type ", d.device.device_type, " is not supported (kDLCPU = 1 and kDLCUDA = 2 are)");
  const mxl::Context ctx{mxl::DevType(d.device.device_type), int(d.device.device_id)};
  if (ctx.type == mxl::DevType::kGPU) mxl::gpu::wait_for_default_stream(ctx.id);  // producer's work first
  mxl::Shape shape = make_shape(d.shape, d.ndim);
  mxl::DType dt = from_dl(d.dtype);
  if (d.strides) {  // only compact row-major layouts can be shared
    int64_t expect = 1;
    for (int i = d.ndim - 1; i >= 0; --i) {
      MXL_CHECK(d.shape[i] == 1 || d.strides[i] == expect, Err::kInvalidArgument,
                "DLPack: non-contiguous tensors are not supported (make a contiguous copy first)");
      expect *= d.shape[i];
    }
  }
  void* data = static_cast<char*>(d.data) + d.byte_offset;
  size_t nbytes = size_t(shape.size()) * mxl::dtype_size(dt);
  if (t->flags & DLPACK_FLAG_BITMASK_READ_ONLY) {  // we could not honour read-only: copy
    NDArray a(shape, dt, ctx);
    if (ctx.type == mxl::DevType::kCPU) {
      if (nbytes) std::memcpy(a.data(), data, nbytes);
    } else {  // a device copy, finished before the producer's memory is released
      NDArray src(std::make_shared<mxl::Chunk>(ctx, data, nbytes, [] {}), shape, dt);
      mxl::copy(src, a);
      a.wait_to_read();
    }
    *out = new_handle(a);
    if (t->deleter) t->deleter(t);
  } else {
    auto chunk = std::make_shared<mxl::Chunk>(ctx, data, nbytes,
                                              [t, ctx] {
                                                // Our kernels on it complete stream-ordered: drain them first.
                                                if (ctx.type == mxl::DevType::kGPU) {
                                                  try { mxl::gpu::sync(ctx.id); } catch (...) {}
                                                }
                                                if (t->deleter) t->deleter(t);
                                              });
    *out = new_handle(NDArray(chunk, shape, dt));
  }
  API_END();
}

// ------------------------------------------------------------------- random
int mxl_random_seed(int64_t seed, int dev_type, int dev_id) {
  API_BEGIN();
  mxl::random_seed(seed, dev_type, dev_id);
  API_END();
}

// ---------------------------------------------------------------- operators
namespace {
struct OpInfo {  // C views of one op's description, built once
  std::vector<std::string> ptypes, pdefaults;
  std::vector<const char*> inputs, pnames, ptypes_c, pdefaults_c, pdocs;
};
const OpInfo& op_info(const mxl::OpDef* d) {
  static std::mutex mu;
  static auto* cache = new std::unordered_map<const mxl::OpDef*, OpInfo>;
  std::lock_guard<std::mutex> lk(mu);
  auto it = cache->find(d);
  if (it != cache->end()) return it->second;
  OpInfo& o = (*cache)[d];
  for (const auto& n : d->inputs) o.inputs.push_back(n.c_str());
  for (const auto& p : d->params) {
    o.ptypes.push_back(p.type_str());
    o.pdefaults.push_back(p.required ? std::string() : p.def);
  }
  for (size_t i = 0; i < d->params.size(); ++i) {
    o.pnames.push_back(d->params[i].name.c_str());
    o.ptypes_c.push_back(o.ptypes[i].c_str());
    o.pdefaults_c.push_back(o.pdefaults[i].c_str());
    o.pdocs.push_back(d->params[i].doc.c_str());
  }
  return o;
}
}  // namespace

int mxl_op_list(int* n, const char*** names) {
  API_BEGIN();
  CHECK_ARG(n && names, "mxl_op_list: NULL argument");
  // Built once; the strings live in `keep` for the process (static, so no leak report).
  static const std::vector<std::string> keep = mxl::Registry::names(true);
  static const auto* v = [] {
    auto* c = new std::vector<const char*>;
    for (auto& s : keep) c->push_back(s.c_str());
    return c;
  }();
  *n = int(v->size());
  *names = const_cast<const char**>(v->data());
  API_END();
}

int mxl_op_find(const char* name, mxl_op* out) {
  API_BEGIN();
  CHECK_ARG(name && out, "mxl_op_find: NULL argument");
  auto it = op_table().find(name);
  if (it == op_table().end()) mxl::Registry::get(name);  // throws "unknown operator"
  *out = &it->second;
  API_END();
}

int mxl_op_info(mxl_op op, const char** name, const char** doc, int* num_inputs, const char*** input_names,
                int* num_outputs, const char** key_var_num_args, int* num_params, const char*** param_names,
                const char*** param_types, const char*** param_defaults, const char*** param_docs) {
  API_BEGIN();
  const mxl::OpDef* d = get_op(op);
  const OpInfo& o = op_info(d);
  if (name) *name = d->name.c_str();
  if (doc) *doc = d->doc.c_str();
  if (num_inputs) *num_inputs = d->is_variadic() ? -1 : int(d->inputs.size());
  if (input_names) *input_names = const_cast<const char**>(o.inputs.data());
  if (num_outputs) *num_outputs = d->num_outputs_fn ? -1 : d->num_outputs;
  if (key_var_num_args) *key_var_num_args = d->key_var_num_args.c_str();
  if (num_params) *num_params = int(d->params.size());
  if (param_names) *param_names = const_cast<const char**>(o.pnames.data());
  if (param_types) *param_types = const_cast<const char**>(o.ptypes_c.data());
  if (param_defaults) *param_defaults = const_cast<const char**>(o.pdefaults_c.data());
  if (param_docs) *param_docs = const_cast<const char**>(o.pdocs.data());
  API_END();
}

int mxl_op_flags(mxl_op op, int* flags) {
  API_BEGIN();
  const mxl::OpDef* d = get_op(op);
  CHECK_ARG(flags, "mxl_op_flags: NULL argument");
  *flags = (d->grad ? MXL_OP_DIFFERENTIABLE : 0) | (d->needs_rng ? MXL_OP_RANDOM : 0) |
           (d->may_mutate() ? MXL_OP_MUTATES_INPUTS : 0) | (d->gpu ? MXL_OP_HAS_GPU : 0) |
           (d->name[0] == '_' ? MXL_OP_HIDDEN : 0) | (d->cpu_only ? MXL_OP_CPU_ONLY : 0) |
           (d->nd_compute ? MXL_OP_CUSTOM : 0);
  API_END();
}

namespace {
int invoke_impl(mxl_op op, int num_inputs, const mxl_ndarray* inputs, int num_params, const char** keys,
                const char** vals, int* num_outputs, mxl_ndarray* outputs) {
  API_BEGIN();
  const mxl::OpDef* d = get_op(op);
  CHECK_ARG(num_inputs >= 0 && (inputs || num_inputs == 0), d->name, ": bad input list");
  CHECK_ARG(num_params >= 0 && ((keys && vals) || num_params == 0), d->name, ": bad parameter list");
  CHECK_ARG(num_outputs && outputs, d->name, ": num_outputs and outputs must not be NULL");
  std::vector<NDArray> in;
  in.reserve(num_inputs);
  for (int i = 0; i < num_inputs; ++i) in.push_back(get(inputs[i], "input"));
  mxl::KV kv;
  kv.reserve(num_params);
  for (int i = 0; i < num_params; ++i) {
    CHECK_ARG(keys[i] && vals[i], d->name, ": parameter ", i, " is NULL");
    kv.emplace_back(keys[i], vals[i]);
  }
  mxl::Attrs attrs = mxl::Attrs::parse(d, kv);
  int nout = d->num_outs(attrs);
  CHECK_ARG(*num_outputs >= nout, d->name, ": has ", nout, " outputs but only ", *num_outputs,
            " output slots were given");
  std::vector<NDArray> outs;
  for (int i = 0; i < nout; ++i)
    if (outputs[i]) {
      outs.resize(size_t(nout));
      outs[i] = get(outputs[i], "output");
    }
  std::vector<NDArray> res = mxl::invoke(*d, in, std::move(attrs), std::move(outs));
  for (int i = 0; i < nout; ++i)
    if (!outputs[i]) outputs[i] = new_handle(std::move(res[i]));
  *num_outputs = nout;
  API_END();
}
}  // namespace

int mxl_imperative_invoke(mxl_op op, int num_inputs, const mxl_ndarray* inputs, int num_params,
                          const char** keys, const char** vals, int* num_outputs, mxl_ndarray* outputs) {
  return invoke_impl(op, num_inputs, inputs, num_params, keys, vals, num_outputs, outputs);
}

int mxl_imperative_invoke_args(mxl_invoke_args* a) {
  if (!a) return set_error(MXL_ERR_INVALID_ARGUMENT, "mxl_imperative_invoke_args: args is NULL");
  return invoke_impl(a->op, a->num_inputs, a->inputs, a->num_params, a->keys, a->vals, &a->num_outputs,
                     a->outputs);
}

// ------------------------------------------------------------------ symbols
namespace {
struct SymState {  // per-thread return buffers of the symbol functions
  std::vector<std::string> strs;
  std::vector<const char*> cstrs;
  std::string json;
  std::vector<int> ndims[3];
  std::vector<int64_t> dims[3];
};
SymState& ss() {
  thread_local SymState s;
  return s;
}
const char** keep_strings(std::vector<std::string> v, int* n) {
  SymState& s = ss();
  s.strs = std::move(v);
  s.cstrs.clear();
  for (auto& x : s.strs) s.cstrs.push_back(x.c_str());
  *n = int(s.strs.size());
  return s.cstrs.data();
}
std::string read_file(const std::string& fname) {
  std::FILE* f = std::fopen(fname.c_str(), "rb");
  MXL_CHECK(f != nullptr, Err::kIO, "load: cannot open '", fname, "': ", std::strerror(errno));
  std::string out;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  std::fclose(f);
  return out;
}
}  // namespace

int mxl_symbol_variable(const char* name, mxl_symbol* out) {
  API_BEGIN();
  CHECK_ARG(name && out, "mxl_symbol_variable: NULL argument");
  *out = new_symbol(mxl::Symbol::variable(name));
  API_END();
}

int mxl_symbol_create_atomic(mxl_op op, int num_params, const char** keys, const char** vals, mxl_symbol* out) {
  API_BEGIN();
  const mxl::OpDef* d = get_op(op);
  CHECK_ARG(out && num_params >= 0 && ((keys && vals) || num_params == 0), d->name, ": bad parameter list");
  mxl::KV kv;
  for (int i = 0; i < num_params; ++i) {
    CHECK_ARG(keys[i] && vals[i], d->name, ": parameter ", i, " is NULL");
    kv.emplace_back(keys[i], vals[i]);
  }
  *out = new_symbol(mxl::Symbol::atomic(*d, kv, get_op_handle(op).name));
  API_END();
}

int mxl_symbol_compose(mxl_symbol sym, const char* name, int num_args, const char** keys, const mxl_symbol* args,
                       mxl_symbol* out) {
  API_BEGIN();
  const mxl::Symbol& s = get_sym(sym);
  CHECK_ARG(out && num_args >= 0 && (args || num_args == 0), "mxl_symbol_compose: bad arguments");
  std::vector<mxl::Symbol> pos;
  std::vector<std::pair<std::string, mxl::Symbol>> kw;
  for (int i = 0; i < num_args; ++i) {
    const mxl::Symbol& a = get_sym(args[i], "input symbol");
    if (keys) {
      CHECK_ARG(keys[i], "mxl_symbol_compose: key ", i, " is NULL");
      kw.emplace_back(keys[i], a);
    } else {
      pos.push_back(a);
    }
  }
  *out = new_symbol(s.compose(name ? name : "", pos, kw));
  API_END();
}

int mxl_symbol_free(mxl_symbol sym) {
  API_BEGIN();
  live<mxl_symbol_t>().free(sym, "symbol");
  API_END();
}

int mxl_symbol_group(int num, const mxl_symbol* syms, mxl_symbol* out) {
  API_BEGIN();
  CHECK_ARG(out && num >= 0 && (syms || num == 0), "mxl_symbol_group: bad arguments");
  std::vector<mxl::Symbol> v;
  for (int i = 0; i < num; ++i) v.push_back(get_sym(syms[i]));
  *out = new_symbol(mxl::Symbol::group(v));
  API_END();
}

int mxl_symbol_list(mxl_symbol sym, int which, int* n, const char*** names) {
  API_BEGIN();
  const mxl::Symbol& s = get_sym(sym);
  CHECK_ARG(n && names, "mxl_symbol_list: NULL argument");
  std::vector<std::string> v;
  switch (which) {
    case MXL_LIST_ARGUMENTS: v = s.list_arguments(); break;
    case MXL_LIST_OUTPUTS: v = s.list_outputs(); break;
    case MXL_LIST_AUX: v = s.list_auxiliary_states(); break;
    case MXL_LIST_INPUTS: v = s.list_inputs(); break;
    default: mxl::fail(Err::kInvalidArgument, "mxl_symbol_list: bad list kind ", which);
  }
  *names = keep_strings(std::move(v), n);
  API_END();
}

int mxl_symbol_name(mxl_symbol sym, const char** name, int* found) {
  API_BEGIN();
  const mxl::Symbol& s = get_sym(sym);
  CHECK_ARG(name && found, "mxl_symbol_name: NULL argument");
  bool single = !s.heads.empty();
  for (const auto& e : s.heads) single &= e.node == s.heads[0].node;
  *found = single && s.heads.size() == 1 ? 1 : 0;
  int n;
  *name = *found ? keep_strings({s.heads[0].node->name}, &n)[0] : "";
  API_END();
}

int mxl_symbol_num_outputs(mxl_symbol sym, int* n) {
  API_BEGIN();
  CHECK_ARG(n, "mxl_symbol_num_outputs: NULL argument");
  *n = int(get_sym(sym).heads.size());
  API_END();
}

int mxl_symbol_get_output(mxl_symbol sym, int index, mxl_symbol* out) {
  API_BEGIN();
  CHECK_ARG(out, "mxl_symbol_get_output: NULL argument");
  *out = new_symbol(get_sym(sym).output(index));
  API_END();
}

int mxl_symbol_get_internals(mxl_symbol sym, mxl_symbol* out) {
  API_BEGIN();
  CHECK_ARG(out, "mxl_symbol_get_internals: NULL argument");
  *out = new_symbol(get_sym(sym).internals());
  API_END();
}

int mxl_symbol_get_children(mxl_symbol sym, mxl_symbol* out) {
  API_BEGIN();
  CHECK_ARG(out, "mxl_symbol_get_children: NULL argument");
  *out = new_symbol(get_sym(sym).children());
  API_END();
}

int mxl_symbol_set_attr(mxl_symbol sym, const char* key, const char* value) {
  API_BEGIN();
  CHECK_ARG(key && value, "mxl_symbol_set_attr: NULL argument");
  auto node = get_sym(sym).head_node("set_attr");
  if (node->op && node->op->param_index(key) >= 0)
    mxl::fail(Err::kInvalidArgument, "set_attr: '", key, "' is a parameter of operator ", node->op->name,
              " and cannot be changed as an attribute");
  node->attr[key] = value;
  API_END();
}

int mxl_symbol_get_attr(mxl_symbol sym, const char* key, const char** value, int* found) {
  API_BEGIN();
  CHECK_ARG(key && value && found, "mxl_symbol_get_attr: NULL argument");
  auto node = get_sym(sym).head_node("attr");
  *found = 0;
  *value = "";
  std::string v;
  auto it = node->attr.find(key);
  if (it != node->attr.end()) {
    v = it->second;
    *found = 1;
  } else {
    for (const auto& [k, pv] : node->params)
      if (k == key) { v = pv; *found = 1; }
  }
  int n;
  if (*found) *value = keep_strings({v}, &n)[0];
  API_END();
}

int mxl_symbol_list_attr(mxl_symbol sym, int recursive, int* n, const char*** pairs) {
  API_BEGIN();
  const mxl::Symbol& s = get_sym(sym);
  CHECK_ARG(n && pairs, "mxl_symbol_list_attr: NULL argument");
  std::vector<std::string> v;
  auto emit = [&](const mxl::Node& node, bool prefix) {
    std::string p = prefix ? node.name + "$" : "";
    if (prefix)
      for (const auto& [k, val] : node.params) { v.push_back(p + k); v.push_back(val); }
    for (const auto& [k, val] : node.attr) { v.push_back(p + k); v.push_back(val); }
  };
  if (recursive) {
    for (const auto& node : s.topo()) emit(*node, true);
  } else {
    emit(*s.head_node("list_attr"), false);
  }
  *pairs = keep_strings(std::move(v), n);
  *n /= 2;
  API_END();
}

int mxl_symbol_to_json(mxl_symbol sym, const char** json) {
  API_BEGIN();
  CHECK_ARG(json, "mxl_symbol_to_json: NULL argument");
  ss().json = get_sym(sym).to_json();
  *json = ss().json.c_str();
  API_END();
}

int mxl_symbol_from_json(const char* json, mxl_symbol* out) {
  API_BEGIN();
  CHECK_ARG(json && out, "mxl_symbol_from_json: NULL argument");
  *out = new_symbol(mxl::Symbol::from_json(json));
  API_END();
}

int mxl_symbol_save(mxl_symbol sym, const char* fname) {
  API_BEGIN();
  CHECK_ARG(fname, "mxl_symbol_save: file name is NULL");
  std::string text = get_sym(sym).to_json();
  std::string tmp = std::string(fname) + ".tmp" + std::to_string(::getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  MXL_CHECK(f != nullptr, Err::kIO, "save: cannot open '", fname, "' for writing: ", std::strerror(errno));
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0;
  ok = std::fclose(f) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), fname) != 0) {
    std::remove(tmp.c_str());
    mxl::fail(Err::kIO, "save: cannot write '", fname, "'");
  }
  API_END();
}

int mxl_symbol_load(const char* fname, mxl_symbol* out) {
  API_BEGIN();
  CHECK_ARG(fname && out, "mxl_symbol_load: NULL argument");
  std::string text = read_file(fname);
  try {
    *out = new_symbol(mxl::Symbol::from_json(text));
  } catch (const mxl::Error& e) {
    mxl::fail(e.code, "load '", fname, "': ", e.what());
  }
  API_END();
}

int mxl_symbol_infer_shape(mxl_symbol sym, int num_known, const char** names, const int* ndims, const int64_t* dims,
                           int* complete, int* num_args, const int** arg_ndims, const int64_t** arg_dims,
                           int* num_outs, const int** out_ndims, const int64_t** out_dims, int* num_aux,
                           const int** aux_ndims, const int64_t** aux_dims) {
  API_BEGIN();
  const mxl::Symbol& s = get_sym(sym);
  CHECK_ARG(num_known >= 0 && ((names && ndims && dims) || num_known == 0), "infer_shape: bad known shapes");
  std::map<std::string, mxl::Shape> known;
  size_t off = 0;
  for (int i = 0; i < num_known; ++i) {
    CHECK_ARG(names[i], "infer_shape: name ", i, " is NULL");
    known[names[i]] = make_shape(dims + off, ndims[i]);
    off += size_t(ndims[i]);
  }
  mxl::InferResult r = s.infer_shape(known);
  SymState& st = ss();
  const std::vector<mxl::Shape>* parts[3] = {&r.args, &r.outs, &r.aux};
  for (int k = 0; k < 3; ++k) {
    st.ndims[k].clear();
    st.dims[k].clear();
    for (const auto& sh : *parts[k]) {
      st.ndims[k].push_back(sh.ndim);
      for (int d = 0; d < sh.ndim; ++d) st.dims[k].push_back(sh[d]);
    }
  }
  if (complete) *complete = r.complete;
  if (num_args) *num_args = int(r.args.size());
  if (arg_ndims) *arg_ndims = st.ndims[0].data();
  if (arg_dims) *arg_dims = st.dims[0].data();
  if (num_outs) *num_outs = int(r.outs.size());
  if (out_ndims) *out_ndims = st.ndims[1].data();
  if (out_dims) *out_dims = st.dims[1].data();
  if (num_aux) *num_aux = int(r.aux.size());
  if (aux_ndims) *aux_ndims = st.ndims[2].data();
  if (aux_dims) *aux_dims = st.dims[2].data();
  API_END();
}

int mxl_symbol_infer_type(mxl_symbol sym, int num_known, const char** names, const int* dtypes, int* complete,
                          int* num_args, const int** arg_types, int* num_outs, const int** out_types, int* num_aux,
                          const int** aux_types) {
  API_BEGIN();
  const mxl::Symbol& s = get_sym(sym);
  CHECK_ARG(num_known >= 0 && ((names && dtypes) || num_known == 0), "infer_type: bad known types");
  std::map<std::string, int> known;
  for (int i = 0; i < num_known; ++i) {
    CHECK_ARG(names[i], "infer_type: name ", i, " is NULL");
    MXL_CHECK(mxl::dtype_valid(dtypes[i]), Err::kDType, "infer_type: '", names[i], "' has unknown dtype flag ",
              dtypes[i]);
    known[names[i]] = dtypes[i];
  }
  mxl::InferTypeResult r = s.infer_type(known);
  SymState& st = ss();
  st.ndims[0] = r.args;
  st.ndims[1] = r.outs;
  st.ndims[2] = r.aux;
  if (complete) *complete = r.complete;
  if (num_args) *num_args = int(r.args.size());
  if (arg_types) *arg_types = st.ndims[0].data();
  if (num_outs) *num_outs = int(r.outs.size());
  if (out_types) *out_types = st.ndims[1].data();
  if (num_aux) *num_aux = int(r.aux.size());
  if (aux_types) *aux_types = st.ndims[2].data();
  API_END();
}

int mxl_symbol_reset_names(void) {
  API_BEGIN();
  mxl::reset_auto_names();
  API_END();
}

// ---------------------------------------------------------------- executors
int mxl_executor_bind(mxl_symbol sym, int dev_type, int dev_id, int num_args, const mxl_ndarray* args,
                      const mxl_ndarray* arg_grads, const int* grad_reqs, int num_aux, const mxl_ndarray* aux,
                      mxl_executor* out) {
  API_BEGIN();
  const mxl::Symbol& s = get_sym(sym);
  CHECK_ARG(out && num_args >= 0 && num_aux >= 0 && (args || num_args == 0) && (aux || num_aux == 0),
            "bind: bad arguments");
  std::vector<NDArray> a, g, x;
  std::vector<mxl::GradReq> reqs;
  std::vector<std::string> argn = s.list_arguments();
  for (int i = 0; i < num_args; ++i) {
    const char* nm = i < int(argn.size()) ? argn[size_t(i)].c_str() : "argument";
    a.push_back(get(args[i], nm));
    int req = grad_reqs ? grad_reqs[i] : MXL_GRAD_NULL;
    CHECK_ARG(req == MXL_GRAD_NULL || req == MXL_GRAD_WRITE || req == MXL_GRAD_ADD, "bind: grad_req of '", nm,
              "' is ", req, ": expected 0 (null), 1 (write) or 3 (add)");
    reqs.push_back(mxl::GradReq(req));
    g.push_back(arg_grads && arg_grads[i] ? get(arg_grads[i], nm) : NDArray());
  }
  for (int i = 0; i < num_aux; ++i) x.push_back(get(aux[i], "auxiliary state"));
  auto ex = std::make_unique<mxl::Executor>(s, make_ctx(dev_type, dev_id), a, g, reqs, x);
  *out = live<mxl_executor_t>().add(mxl_executor_t{std::move(ex)});
  API_END();
}

int mxl_executor_free(mxl_executor ex) {
  API_BEGIN();
  live<mxl_executor_t>().free(ex, "executor");
  API_END();
}

int mxl_executor_forward(mxl_executor ex, int is_train) {
  API_BEGIN();
  get_ex(ex).forward(is_train != 0);
  API_END();
}

int mxl_executor_backward(mxl_executor ex, int num, const mxl_ndarray* head_grads) {
  API_BEGIN();
  CHECK_ARG(num >= 0 && (head_grads || num == 0), "backward: bad head gradients");
  std::vector<NDArray> hg;
  for (int i = 0; i < num; ++i) hg.push_back(head_grads[i] ? get(head_grads[i], "head gradient") : NDArray());
  get_ex(ex).backward(hg);
  API_END();
}

int mxl_executor_outputs(mxl_executor ex, int* n, mxl_ndarray** outputs) {
  API_BEGIN();
  CHECK_ARG(n && outputs, "mxl_executor_outputs: NULL argument");
  ThreadState& s = ts();
  s.handles.clear();
  for (const auto& o : get_ex(ex).outputs()) s.handles.push_back(new_handle(o));
  *n = int(s.handles.size());
  *outputs = s.handles.data();
  API_END();
}

int mxl_executor_memory(mxl_executor ex, uint64_t* planned_bytes, uint64_t* naive_bytes) {
  API_BEGIN();
  const auto& st = get_ex(ex).stats();
  if (planned_bytes) *planned_bytes = st.planned_bytes;
  if (naive_bytes) *naive_bytes = st.naive_bytes;
  API_END();
}

int mxl_executor_fusion(mxl_executor ex, int* groups, int* nodes) {
  API_BEGIN();
  const auto& st = get_ex(ex).stats();
  if (groups) *groups = st.fused_groups;
  if (nodes) *nodes = st.fused_nodes;
  API_END();
}

int mxl_executor_debug_str(mxl_executor ex, const char** str) {
  API_BEGIN();
  CHECK_ARG(str, "mxl_executor_debug_str: NULL argument");
  ss().json = get_ex(ex).debug_str();
  *str = ss().json.c_str();
  API_END();
}

// ----------------------------------------------------------------- autograd
int mxl_autograd_set_recording(int on, int* prev) {
  API_BEGIN();
  bool p = mxl::autograd::set_recording(on != 0);
  if (prev) *prev = p;
  API_END();
}

int mxl_autograd_set_training(int on, int* prev) {
  API_BEGIN();
  bool p = mxl::set_training(on != 0);
  if (prev) *prev = p;
  API_END();
}

int mxl_autograd_is_recording(int* on) {
  API_BEGIN();
  CHECK_ARG(on, "NULL argument");
  *on = mxl::autograd::is_recording();
  API_END();
}

int mxl_autograd_is_training(int* on) {
  API_BEGIN();
  CHECK_ARG(on, "NULL argument");
  *on = mxl::is_training();
  API_END();
}

int mxl_autograd_mark_variable(mxl_ndarray h, mxl_ndarray grad, int grad_req) {
  API_BEGIN();
  NDArray& a = get(h);
  mxl::autograd::mark_variable(a, grad ? get(grad, "gradient") : NDArray(), grad_req);
  API_END();
}

int mxl_autograd_backward(int num_heads, const mxl_ndarray* heads, const mxl_ndarray* head_grads, int num_vars,
                          const mxl_ndarray* vars, int train, mxl_ndarray* grads_out) {
  API_BEGIN();
  CHECK_ARG(num_heads > 0 && heads, "backward: no heads");
  CHECK_ARG(num_vars >= 0 && ((vars && grads_out) || num_vars == 0), "backward: bad variables");
  std::vector<NDArray> h, hg, v;
  for (int i = 0; i < num_heads; ++i) {
    h.push_back(get(heads[i], "head"));
    hg.push_back(head_grads && head_grads[i] ? get(head_grads[i], "head gradient") : NDArray());
  }
  for (int i = 0; i < num_vars; ++i) v.push_back(get(vars[i], "variable"));
  auto res = mxl::autograd::backward(h, hg, v, train != 0);
  for (size_t i = 0; i < res.size(); ++i) grads_out[i] = new_handle(res[i]);
  API_END();
}

int mxl_blas_info(const char** name) {
  API_BEGIN();
  CHECK_ARG(name, "mxl_blas_info: name is NULL");
  *name = mxl::blas_name();
  API_END();
}

}  // extern "C"

// Shared with the other glue files (c_api_internal.h).
#include "c_api_internal.h"
namespace mxl {
namespace capi {
int set_error(int code, const char* msg) { return ::set_error(code, msg); }
NDArray& ndarray(mxl_ndarray h, const char* what) { return ::get(h, what); }
mxl_ndarray new_ndarray(NDArray a) { return ::new_handle(std::move(a)); }
}  // namespace capi
}  // namespace mxl
