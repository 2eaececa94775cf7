#include "storage.h"

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

struct CpuPool {
  std::mutex mu;
  std::unordered_map<size_t, std::vector<void*>> free_lists;
  Stats st;

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
    void* p = std::aligned_alloc(kAlign, cls);
    if (!p) {  // give the pool back to the system and retry once
      release();
      p = std::aligned_alloc(kAlign, cls);
    }
    if (!p) fail(Err::kOutOfMemory, "out of memory allocating ", bytes, " bytes on cpu");
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
    std::lock_guard<std::mutex> lk(mu);
    for (auto& [cls, v] : free_lists)
      for (void* p : v) std::free(p);
    free_lists.clear();
    st.pooled = 0;
    st.peak = st.in_use;
  }
};

CpuPool& cpu_pool() {
  static CpuPool* p = new CpuPool;  // never destroyed: arrays may be freed at exit
  return *p;
}

[[noreturn]] void no_gpu(Context ctx) {
  fail(Err::kDevice, "device ", ctx.str(),
       " is not available: this build of mxlite has no CUDA backend (use mx.cpu())");
}

}  // namespace

void* alloc(Context ctx, size_t bytes) {
  if (ctx.type != DevType::kCPU) no_gpu(ctx);
  if (bytes == 0) return nullptr;
  return cpu_pool().alloc(bytes);
}

void free(Context ctx, void* ptr, size_t bytes) {
  if (!ptr) return;
  cpu_pool().free(ptr, bytes);
}

Stats stats(Context ctx) {
  if (ctx.type != DevType::kCPU) no_gpu(ctx);
  std::lock_guard<std::mutex> lk(cpu_pool().mu);
  return cpu_pool().st;
}

void release_pool(Context ctx) {
  if (ctx.type != DevType::kCPU) no_gpu(ctx);
  cpu_pool().release();
}

}  // namespace storage
}  // namespace mxl
