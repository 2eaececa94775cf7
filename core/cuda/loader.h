// The core's side of the CUDA backend: finds and loads the plugin (libmxlite_cuda.so)
// on the first use of a GPU context, attaches its kernels to the registered operators,
// and offers the device runtime (streams, copies, memory) to storage, engine and
// NDArray. Nothing here needs CUDA headers or libraries; with no plugin, driver or
// device every entry point that needs a GPU throws Err::kDevice naming what is missing.
#pragma once
#include <string>
#include <vector>

#include "../base/base.h"
#include "fusion_abi.h"
#include "plugin_abi.h"

namespace mxl {
struct OpCtx;
struct TBlob;
namespace gpu {

// Usable GPUs; 0 when the plugin, the driver or a device is missing. Loads the
// plugin on first call; never throws.
int num_gpus();
// One line on the backend: where the plugin was looked for / loaded from, CUDA
// versions, devices, or why GPUs are unusable.
std::string backend_info();
// True once the plugin has been loaded (whether or not devices exist).
bool plugin_loaded();

// The plugin runtime for a GPU context; throws Err::kDevice naming what is missing
// (plugin, driver, device) or the bad device id.
const mxl_cuda_api& api(Context ctx);
// The plugin's message for the last failed call of this thread.
std::string last_error();
// Turns a plugin return code into Err::kDevice with the plugin's message.
void check(int rc, const char* what);

// The one stream of a device, created on first use. All GPU work of a device is
// enqueued on it, in engine order; see stream-ordered completion below.
void* stream(int dev);
// Blocks until the device's stream has drained; throws asynchronous CUDA errors.
void sync(int dev);
// sync() on every device that has a stream (no-op without the plugin).
void sync_all();
// Orders the device's stream after all work already queued on the legacy default
// stream (DLPack producers hand over memory ordered on it).
void wait_for_default_stream(int dev);
// MXLITE_GPU_SYNC=1: every GPU op waits for its kernels before it completes in the
// engine (slower; errors point at the op that caused them). Default: completion
// is stream-ordered -- an op completes once its work is enqueued, which is safe
// because every consumer of GPU memory is ordered on the same stream, and host
// readers (copies to the host, waits) synchronize the stream.
bool sync_each_op();

// The plugin's NCCL table when NCCL can be used (plugin loaded, GPUs present, NCCL
// library found -- see mxl_cuda_nccl_api), else nullptr with the reason in *why.
// MXLITE_KV_NCCL=0 turns it off (GPU values are then summed through host memory).
const mxl_cuda_nccl_api* nccl(std::string* why = nullptr);

// The plugin's elementwise fusion extension (fusion_abi.h), or nullptr with the
// reason in *why (no GPU, a plugin without it, its init failed). Never throws.
const mxl_cuda_fusion_api* fusion_api(std::string* why);
// Runs a kernel that fusion_api()->build returned, as a gpu FCompute does: on the
// device's stream, errors thrown as Err::kDevice naming `name`.
void run_fused(const void* kernel, const std::vector<double>& scalars, const char* name, const OpCtx& oc,
               const std::vector<TBlob>& in, const std::vector<TBlob>& out);

// Copies bytes between host memory and a device through pinned staging memory,
// ordered on the device stream. copy_to_device returns once src has been read and the
// copy is enqueued (later work on the stream sees it; the host does not wait for the
// stream's earlier work); copy_to_host returns when dst holds the bytes.
void copy_to_device(int dev, void* dst, const void* src, size_t bytes);
void copy_to_host(int dev, void* dst, const void* src, size_t bytes);

}  // namespace gpu
}  // namespace mxl
