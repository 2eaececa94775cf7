#include "storage.h"

#include "../cuda/loader.h"

#include <cstdlib>
#include <mutex>
#include <new>
#include <unordered_map>
#include <vector>

namespace mxl {
namespace storage {

namespace {

constexpr size_t kAlign = 64;

// Size classes: 4 per power of two (at most 25% slack), everything 64-byte multiple.
size_t size_class(size_t bytes) {
  if (bytes <= 256) return (bytes + kAlign - 1) / kAlign * kAlign;
  int top = 63 - __builtin_clzll(bytes);  // bytes in [2^top, 2^(top+1))
  size_t step = size_t(1) << (top - 2);
  return (bytes + step - 1) / step * step;
}

// One pool per device. System memory comes from sys_alloc / sys_free (aligned_alloc
// on the CPU, the CUDA plugin's cudaMalloc on a GPU); freed blocks stay in the pool.
struct Pool {
  std::mutex mu;
  std::unordered_map<size_t, std::vector<void*>> free_lists;
  Stats st;
  Context ctx;
  void* (*sys_alloc)(Context, size_t) = nullptr;  // nullptr when out of memory
  void (*sys_free)(Context, void*) = nullptr;
  void (*before_release)(Context) = nullptr;      // e.g. wait until no kernel uses pooled memory

  void* alloc(size_t bytes) {
    size_t cls = size_class(bytes);
    {
      std::lock_guard<std::mutex> lk(mu);
      auto it = free_lists.find(cls);
      if (it != free_lists.end() && !it->second.empty()) {
        void* p = it->second.back();
        it->second.pop_back();
        st.pooled -= cls;
        account(cls);
        return p;
      }
    }
    void* p = sys_alloc(ctx, cls);
    if (!p) {  // give the pool back to the system and retry once
      release();
      p = sys_alloc(ctx, cls);
    }
    if (!p) fail(Err::kOutOfMemory, "out of memory allocating ", bytes, " bytes on ", ctx.str());
    std::lock_guard<std::mutex> lk(mu);
    account(cls);
    return p;
  }
  void account(size_t cls) {
    st.in_use += cls;
    if (st.in_use > st.peak) st.peak = st.in_use;
  }
  void free(void* p, size_t bytes) {
    size_t cls = size_class(bytes);
    std::lock_guard<std::mutex> lk(mu);
    free_lists[cls].push_back(p);
    st.in_use -= cls;
    st.pooled += cls;
  }
  void release() {
    if (before_release) before_release(ctx);
    std::lock_guard<std::mutex> lk(mu);
    for (auto& [cls, v] : free_lists)
      for (void* p : v) sys_free(ctx, p);
    free_lists.clear();
    st.pooled = 0;
    st.peak = st.in_use;
  }
};

Pool& cpu_pool() {
  static Pool* p = [] {  // never destroyed: arrays may be freed at exit
    auto* pool = new Pool;
    pool->ctx = Context::cpu(0);
    pool->sys_alloc = [](Context, size_t n) { return std::aligned_alloc(kAlign, n); };
    pool->sys_free = [](Context, void* ptr) { std::free(ptr); };
    return pool;
  }();
  return *p;
}

// GPU pools: one per device, created on first use (which loads the CUDA plugin and
// throws Err::kDevice naming what is missing). Blocks are recycled stream-ordered:
// a block freed while kernels that use it are still queued is only handed to work
// queued after them on the same device stream (see gpu::sync_each_op).
Pool& gpu_pool(Context ctx) {
  static std::mutex mu;
  static auto* pools = new std::unordered_map<int, Pool*>;
  gpu::api(ctx);  // validates the device before a pool exists for it
  std::lock_guard<std::mutex> lk(mu);
  Pool*& p = (*pools)[ctx.id];
  if (!p) {
    p = new Pool;
    p->ctx = ctx;
    p->sys_alloc = [](Context c, size_t n) -> void* {
      void* ptr = nullptr;
      return gpu::api(c).malloc(c.id, n, &ptr) == 0 ? ptr : nullptr;
    };
    p->sys_free = [](Context c, void* ptr) { gpu::api(c).free(c.id, ptr); };
    p->before_release = [](Context c) { gpu::sync(c.id); };
  }
  return *p;
}

Pool& pool(Context ctx) { return ctx.type == DevType::kCPU ? cpu_pool() : gpu_pool(ctx); }

}  // namespace

void* alloc(Context ctx, size_t bytes) {
  Pool& p = pool(ctx);  // a GPU context is validated even for 0 bytes
  if (bytes == 0) return nullptr;
  return p.alloc(bytes);
}

void free(Context ctx, void* ptr, size_t bytes) {
  if (!ptr) return;
  pool(ctx).free(ptr, bytes);
}

Stats stats(Context ctx) {
  Pool& p = pool(ctx);
  std::lock_guard<std::mutex> lk(p.mu);
  return p.st;
}

void release_pool(Context ctx) { pool(ctx).release(); }

}  // namespace storage
}  // namespace mxl
