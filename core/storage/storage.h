// Per-device memory pools. Memory is recycled by size class (CPU memory 64-byte
// aligned; GPU memory from the CUDA plugin, see core/cuda/loader.h),
// so steady-state training allocates nothing from the system.
#pragma once
#include <cstddef>
#include <cstdint>

#include "../base/base.h"

namespace mxl {
namespace storage {

// Returns at least `bytes` of memory on ctx (nullptr for 0 bytes). Throws
// Err::kOutOfMemory or Err::kDevice.
void* alloc(Context ctx, size_t bytes);
// Gives memory from alloc back to its pool.
void free(Context ctx, void* ptr, size_t bytes);

struct Stats {
  uint64_t in_use = 0, peak = 0, pooled = 0;
};
Stats stats(Context ctx);
void release_pool(Context ctx);  // frees pooled memory, resets peak to in_use

}  // namespace storage
}  // namespace mxl
