// The C ABI of the KVStore (core/kvstore): validate, translate, catch every exception.
#include <map>
#include <mutex>
#include <new>
#include <string>
#include <unordered_set>
#include <vector>

#include "c_api_internal.h"
#include "core/kvstore/kvstore.h"

struct mxl_kvstore_t {
  std::unique_ptr<mxl::KVStore> kv;
};

namespace {

using mxl::Err;
using mxl::NDArray;



// Live store handles: a freed or foreign pointer is an error, not a crash.
std::mutex live_mu;
std::unordered_set<const mxl_kvstore_t*>& live() {
  static auto* s = new std::unordered_set<const mxl_kvstore_t*>;
  return *s;
}
mxl::KVStore& get(mxl_kvstore h, const char* fn) {
  std::lock_guard<std::mutex> lk(live_mu);
  MXL_CHECK(h && live().count(h), Err::kInvalidHandle, fn, ": kvstore handle ", static_cast<const void*>(h),
            h ? " is not a live mxlite kvstore (freed or foreign)" : " is NULL");
  return *h->kv;
}

// (key, array) pairs grouped by key, keys in order of first appearance.
using Groups = std::vector<std::pair<std::string, std::vector<NDArray>>>;
Groups group(const char* fn, int num, const char** keys, const mxl_ndarray* arrays, const char* what) {
  CHECK_ARG(num >= 0, fn, ": num is negative (", num, ")");
  CHECK_ARG(num == 0 || (keys && arrays), fn, ": keys or ", what, " is NULL");
  Groups out;
  std::map<std::string, size_t> index;
  for (int i = 0; i < num; ++i) {
    CHECK_ARG(keys[i], fn, ": key ", i, " is NULL");
    std::string key = keys[i];
    CHECK_ARG(!key.empty(), fn, ": key ", i, " is an empty string");
    std::string name = std::string(what) + " " + std::to_string(i) + " (key '" + key + "')";
    const NDArray& a = mxl::capi::ndarray(arrays[i], name.c_str());
    auto it = index.find(key);
    if (it == index.end()) {
      index[key] = out.size();
      out.push_back({key, {a}});
    } else {
      out[it->second].second.push_back(a);
    }
  }
  return out;
}

mxl::KV params_of(const char* fn, int num, const char** keys, const char** vals) {
  CHECK_ARG(num >= 0, fn, ": num_params is negative (", num, ")");
  CHECK_ARG(num == 0 || (keys && vals), fn, ": parameter keys or values is NULL");
  mxl::KV kv;
  for (int i = 0; i < num; ++i) {
    CHECK_ARG(keys[i] && vals[i], fn, ": parameter ", i, " has a NULL key or value");
    kv.emplace_back(keys[i], vals[i]);
  }
  return kv;
}

}  // namespace

extern "C" {

int mxl_kvstore_create(const char* type, mxl_kvstore* out) {
  API_BEGIN();
  CHECK_ARG(type, "mxl_kvstore_create: type is NULL");
  CHECK_ARG(out, "mxl_kvstore_create: out is NULL");
  auto* h = new mxl_kvstore_t{mxl::KVStore::create(type)};
  std::lock_guard<std::mutex> lk(live_mu);
  live().insert(h);
  *out = h;
  API_END();
}

int mxl_kvstore_free(mxl_kvstore kv) {
  API_BEGIN();
  {
    std::lock_guard<std::mutex> lk(live_mu);
    MXL_CHECK(kv && live().erase(kv), Err::kInvalidHandle, "mxl_kvstore_free: kvstore handle ",
              static_cast<const void*>(kv), kv ? " is not live (double free?)" : " is NULL");
  }
  delete kv;
  API_END();
}

int mxl_kvstore_info(mxl_kvstore kv, const char** type, int* rank, int* num_workers) {
  API_BEGIN();
  mxl::KVStore& s = get(kv, "mxl_kvstore_info");
  if (type) *type = s.type().c_str();
  if (rank) *rank = s.rank();
  if (num_workers) *num_workers = s.num_workers();
  API_END();
}

int mxl_kvstore_init(mxl_kvstore kv, int num, const char** keys, const mxl_ndarray* values) {
  API_BEGIN();
  mxl::KVStore& s = get(kv, "mxl_kvstore_init");
  Groups g = group("mxl_kvstore_init", num, keys, values, "value");
  for (const auto& [key, arrays] : g) {
    CHECK_ARG(arrays.size() == 1, "kvstore init: key '", key, "' is given ", arrays.size(), " times");
    CHECK_ARG(!s.has_key(key), "kvstore init: duplicate init of key '", key, "'");
  }
  for (const auto& [key, arrays] : g) s.init(key, arrays[0]);
  API_END();
}

int mxl_kvstore_push(mxl_kvstore kv, int num, const char** keys, const mxl_ndarray* values) {
  API_BEGIN();
  mxl::KVStore& s = get(kv, "mxl_kvstore_push");
  for (const auto& [key, arrays] : group("mxl_kvstore_push", num, keys, values, "value")) s.push(key, arrays);
  API_END();
}

int mxl_kvstore_pull(mxl_kvstore kv, int num, const char** keys, const mxl_ndarray* outs) {
  API_BEGIN();
  mxl::KVStore& s = get(kv, "mxl_kvstore_pull");
  for (const auto& [key, arrays] : group("mxl_kvstore_pull", num, keys, outs, "out")) s.pull(key, arrays);
  API_END();
}

int mxl_kvstore_pushpull(mxl_kvstore kv, int num_push, const char** push_keys, const mxl_ndarray* values,
                         int num_pull, const char** pull_keys, const mxl_ndarray* outs) {
  API_BEGIN();
  mxl::KVStore& s = get(kv, "mxl_kvstore_pushpull");
  Groups push = group("mxl_kvstore_pushpull", num_push, push_keys, values, "value");
  Groups pull = group("mxl_kvstore_pushpull", num_pull, pull_keys, outs, "out");
  for (const auto& [key, arrays] : push) s.check(key, arrays, "pushpull");
  for (const auto& [key, arrays] : pull) s.check(key, arrays, "pushpull (out)");
  for (const auto& [key, arrays] : push) s.push(key, arrays);
  for (const auto& [key, arrays] : pull) s.pull(key, arrays);
  API_END();
}

int mxl_kvstore_set_optimizer(mxl_kvstore kv, const char* op_name, int num_params, const char** keys,
                              const char** vals) {
  API_BEGIN();
  mxl::KVStore& s = get(kv, "mxl_kvstore_set_optimizer");
  CHECK_ARG(op_name, "mxl_kvstore_set_optimizer: op_name is NULL");
  s.set_optimizer(op_name, params_of("mxl_kvstore_set_optimizer", num_params, keys, vals));
  API_END();
}

int mxl_kvstore_set_optimizer_params(mxl_kvstore kv, const char* key, int num_params, const char** keys,
                                     const char** vals) {
  API_BEGIN();
  mxl::KVStore& s = get(kv, "mxl_kvstore_set_optimizer_params");
  s.set_optimizer_params(key ? key : "", params_of("mxl_kvstore_set_optimizer_params", num_params, keys, vals));
  API_END();
}

int mxl_kvstore_num_update(mxl_kvstore kv, const char* key, int64_t* out) {
  API_BEGIN();
  mxl::KVStore& s = get(kv, "mxl_kvstore_num_update");
  CHECK_ARG(key && out, "mxl_kvstore_num_update: key or out is NULL");
  *out = s.num_update(key);
  API_END();
}

int mxl_kvstore_keys(mxl_kvstore kv, int* n, const char*** keys) {
  API_BEGIN();
  mxl::KVStore& s = get(kv, "mxl_kvstore_keys");
  CHECK_ARG(n && keys, "mxl_kvstore_keys: n or keys is NULL");
  thread_local std::vector<std::string> names;
  thread_local std::vector<const char*> ptrs;
  names = s.keys();
  ptrs.clear();
  for (const auto& k : names) ptrs.push_back(k.c_str());
  *n = int(ptrs.size());
  *keys = ptrs.data();
  API_END();
}

int mxl_kvstore_barrier(mxl_kvstore kv) {
  API_BEGIN();
  get(kv, "mxl_kvstore_barrier").barrier();
  API_END();
}

int mxl_kvstore_save_optimizer_states(mxl_kvstore kv, const char* fname) {
  API_BEGIN();
  mxl::KVStore& s = get(kv, "mxl_kvstore_save_optimizer_states");
  CHECK_ARG(fname, "mxl_kvstore_save_optimizer_states: fname is NULL");
  s.save_optimizer_states(fname);
  API_END();
}

int mxl_kvstore_load_optimizer_states(mxl_kvstore kv, const char* fname) {
  API_BEGIN();
  mxl::KVStore& s = get(kv, "mxl_kvstore_load_optimizer_states");
  CHECK_ARG(fname, "mxl_kvstore_load_optimizer_states: fname is NULL");
  s.load_optimizer_states(fname);
  API_END();
}

}  // extern "C"
