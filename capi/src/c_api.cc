// The C ABI: validate, translate, and catch every exception at the boundary.
#include "mxlite/c_api.h"

#include <cstring>
#include <mutex>
#include <new>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/engine/engine.h"
#include "core/ndarray/ndarray.h"
#include "core/op/registry.h"
#include "core/storage/storage.h"

using mxl::Err;
using mxl::NDArray;

struct mxl_ndarray_t {
  NDArray arr;
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

#define API_BEGIN() try {
#define API_END()                                                              \
  }                                                                            \
  catch (const mxl::Error& e) { return set_error(int(e.code), e.what()); }     \
  catch (const std::bad_alloc&) { return set_error(MXL_ERR_OUT_OF_MEMORY, "out of memory"); } \
  catch (const std::exception& e) {                                            \
    return set_error(MXL_ERR_INTERNAL, (std::string("internal error: ") + e.what()).c_str()); \
  }                                                                            \
  catch (...) { return set_error(MXL_ERR_INTERNAL, "internal error: unknown exception"); } \
  return MXL_OK;

#define CHECK_ARG(cond, ...) MXL_CHECK(cond, Err::kInvalidArgument, __VA_ARGS__)

// ------------------------------------------------------------ live handles
// Every handle the library hands out is registered, so a freed or foreign pointer
// is an error code instead of a crash.
std::mutex handles_mu;
std::unordered_set<const mxl_ndarray_t*>& live() {
  static auto* s = new std::unordered_set<const mxl_ndarray_t*>;
  return *s;
}

mxl_ndarray new_handle(NDArray a) {
  auto* h = new mxl_ndarray_t{std::move(a)};
  std::lock_guard<std::mutex> lk(handles_mu);
  live().insert(h);
  return h;
}

const NDArray& get(mxl_ndarray h, const char* what = "array") {
  {
    std::lock_guard<std::mutex> lk(handles_mu);
    if (h && live().count(h)) return h->arr;
  }
  mxl::fail(Err::kInvalidHandle, what, " handle ", static_cast<const void*>(h),
            h ? " is not a live mxlite array (freed or foreign)" : " is NULL");
}

const mxl::OpDef* get_op(mxl_op op) {
  static const auto* ops = [] {
    auto* s = new std::unordered_set<const void*>;
    for (const auto* d : mxl::Registry::all()) s->insert(d);
    return s;
  }();
  MXL_CHECK(op && ops->count(op), Err::kInvalidHandle, "operator handle ",
            static_cast<const void*>(op), " is not valid (use mxl_op_find)");
  return reinterpret_cast<const mxl::OpDef*>(op);
}

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
  {
    std::lock_guard<std::mutex> lk(handles_mu);
    MXL_CHECK(h && live().erase(h), Err::kInvalidHandle, "mxl_nd_free: handle ",
              static_cast<const void*>(h), h ? " is not a live array (double free?)" : " is NULL");
  }
  delete h;
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
  MXL_CHECK(a.ctx().type == mxl::DevType::kCPU, Err::kDevice, "DLPack export from ", a.ctx().str(),
            " needs the CUDA backend");
  a.wait_to_read();
  auto* e = new DLExport;
  e->keep = a;
  for (int i = 0; i < a.shape().ndim; ++i) e->shape[i] = a.shape()[i];
  e->t.version = {DLPACK_MAJOR_VERSION, DLPACK_MINOR_VERSION};
  e->t.manager_ctx = e;
  e->t.deleter = [](DLManagedTensorVersioned* self) { delete static_cast<DLExport*>(self->manager_ctx); };
  e->t.flags = 0;
  e->t.dl_tensor.data = a.data();
  e->t.dl_tensor.device = {MXL_CPU, a.ctx().id};
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
  MXL_CHECK(d.device.device_type == MXL_CPU, Err::kDevice, "DLPack: device type ", d.device.device_type,
            " is not supported (CPU only in this build)");
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
    NDArray a(shape, dt, mxl::Context::cpu(d.device.device_id));
    if (nbytes) std::memcpy(a.data(), data, nbytes);
    *out = new_handle(a);
    if (t->deleter) t->deleter(t);
  } else {
    auto chunk = std::make_shared<mxl::Chunk>(mxl::Context::cpu(d.device.device_id), data, nbytes,
                                              [t] { if (t->deleter) t->deleter(t); });
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
  static const auto* v = [] {
    auto* keep = new std::vector<std::string>(mxl::Registry::names(true));
    auto* c = new std::vector<const char*>;
    for (auto& s : *keep) c->push_back(s.c_str());
    return c;
  }();
  *n = int(v->size());
  *names = const_cast<const char**>(v->data());
  API_END();
}

int mxl_op_find(const char* name, mxl_op* out) {
  API_BEGIN();
  CHECK_ARG(name && out, "mxl_op_find: NULL argument");
  *out = reinterpret_cast<mxl_op>(&mxl::Registry::get(name));
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
  if (num_inputs) *num_inputs = d->key_var_num_args.empty() ? int(d->inputs.size()) : -1;
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

int mxl_imperative_invoke(mxl_op op, int num_inputs, const mxl_ndarray* inputs, int num_params,
                          const char** keys, const char** vals, int* num_outputs, mxl_ndarray* outputs) {
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
  std::vector<NDArray> outs(nout);
  bool any_given = false;
  for (int i = 0; i < nout; ++i)
    if (outputs[i]) {
      outs[i] = get(outputs[i], "output");
      any_given = true;
    }
  std::vector<NDArray> res = mxl::invoke(*d, in, std::move(attrs), any_given ? outs : std::vector<NDArray>{});
  for (int i = 0; i < nout; ++i)
    if (!outputs[i]) outputs[i] = new_handle(std::move(res[i]));
  *num_outputs = nout;
  API_END();
}

int mxl_blas_info(const char** name) {
  API_BEGIN();
  CHECK_ARG(name, "mxl_blas_info: name is NULL");
  *name = mxl::blas_name();
  API_END();
}

}  // extern "C"
