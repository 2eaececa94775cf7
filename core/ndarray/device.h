// NDArray work that involves a GPU: copies between devices (engine ops on the GPU
// side's worker, through pinned staging for host memory) and host reads/writes of
// GPU arrays. ndarray.cc routes here whenever a GPU context is involved.
#pragma once
#include "ndarray.h"

namespace mxl {

// Asynchronous copy with dtype conversion where src or dst is on a GPU.
void device_copy(const NDArray& src, const NDArray& dst);
// Blocking host <-> GPU array copies (nbytes already checked by the caller).
void device_sync_copy_from(const NDArray& a, const void* src, size_t nbytes);
void device_sync_copy_to(const NDArray& a, void* dst, size_t nbytes);
// After the engine wait of a GPU array: waits for its stream (stream-ordered completion).
void device_wait(const NDArray& a);

}  // namespace mxl
