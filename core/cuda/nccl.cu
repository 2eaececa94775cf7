// NCCL collectives for the KVStore (mxl_cuda_nccl_api, plugin_abi.h). NCCL is loaded at
// run time -- MXLITE_NCCL_LIBRARY, else libnccl.so.2 -- so the plugin builds and loads
// without it; the core then sums GPU values through host memory as before.
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

#include "common.cuh"

namespace mxlcuda {
namespace {

// ------------------------------------------------------------------ NCCL's C API
// The entry points used, declared here (stable across NCCL 2.x; the enum values are
// nccl.h's).
using ncclComm = void*;
struct UniqueId {
  char internal[MXL_CUDA_NCCL_ID_BYTES];
};
enum : int { ncclSuccess = 0, ncclInProgress = 7 };
enum : int { ncclInt8 = 0, ncclUint8 = 1, ncclInt32 = 2, ncclInt64 = 4, ncclFloat16 = 6, ncclFloat32 = 7,
             ncclFloat64 = 8 };
enum : int { ncclSum = 0 };

struct Nccl {
  void* lib = nullptr;
  std::string name, why, version;
  const char* (*error_string)(int) = nullptr;
  int (*get_version)(int*) = nullptr;
  int (*get_unique_id)(UniqueId*) = nullptr;
  int (*comm_init_rank)(ncclComm*, int, UniqueId, int) = nullptr;
  int (*comm_init_all)(ncclComm*, int, const int*) = nullptr;
  int (*comm_destroy)(ncclComm) = nullptr;
  int (*comm_abort)(ncclComm) = nullptr;
  int (*async_error)(ncclComm, int*) = nullptr;
  int (*all_reduce)(const void*, void*, size_t, int, int, ncclComm, cudaStream_t) = nullptr;
  int (*reduce)(const void*, void*, size_t, int, int, int, ncclComm, cudaStream_t) = nullptr;
  int (*group_start)() = nullptr;
  int (*group_end)() = nullptr;
  bool ok = false;
};

Nccl& nccl() {
  static Nccl* lib = [] {
    auto* n = new Nccl;  // lives for the process, like the comms made from it
    n->lib = open_library("MXLITE_NCCL_LIBRARY", {"libnccl.so.2", "libnccl.so"}, &n->name, &n->why);
    if (!n->lib) {
      n->why = "NCCL could not be loaded (" + n->why + "); install NCCL 2 or set MXLITE_NCCL_LIBRARY";
      return n;
    }
    std::string& why = n->why;
    n->ok = bind_sym(n->lib, "ncclGetErrorString", &n->error_string, &why) &
            bind_sym(n->lib, "ncclGetVersion", &n->get_version, &why) &
            bind_sym(n->lib, "ncclGetUniqueId", &n->get_unique_id, &why) &
            bind_sym(n->lib, "ncclCommInitRank", &n->comm_init_rank, &why) &
            bind_sym(n->lib, "ncclCommInitAll", &n->comm_init_all, &why) &
            bind_sym(n->lib, "ncclCommDestroy", &n->comm_destroy, &why) &
            bind_sym(n->lib, "ncclCommAbort", &n->comm_abort, &why) &
            bind_sym(n->lib, "ncclCommGetAsyncError", &n->async_error, &why) &
            bind_sym(n->lib, "ncclAllReduce", &n->all_reduce, &why) &
            bind_sym(n->lib, "ncclReduce", &n->reduce, &why) &
            bind_sym(n->lib, "ncclGroupStart", &n->group_start, &why) &
            bind_sym(n->lib, "ncclGroupEnd", &n->group_end, &why);
    if (!n->ok) {
      n->why = n->name + " lacks NCCL entry points: " + n->why;
      return n;
    }
    int v = 0;
    if (n->get_version(&v) == ncclSuccess) {
      // 2.9 and later: major*10000 + minor*100 + patch; before: major*1000 + minor*100 + patch.
      int major = v >= 10000 ? v / 10000 : v / 1000, minor = v >= 10000 ? (v / 100) % 100 : (v / 100) % 10;
      n->version = "NCCL " + std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(v % 100) +
                   " (" + n->name + ")";
      if (major < 2 || (major == 2 && minor < 7)) {  // ncclCommAbort/GetAsyncError: 2.4; Int8..: 2.0
        n->ok = false;
        n->why = n->version + " is too old: NCCL 2.7 or later is needed";
      }
    } else {
      n->ok = false;
      n->why = n->name + ": ncclGetVersion failed";
    }
    return n;
  }();
  return *lib;
}

int nccl_dtype(int t) {
  switch (t) {
    case f32: return ncclFloat32;
    case f64: return ncclFloat64;
    case f16: return ncclFloat16;
    case u8: return ncclUint8;
    case i8: return ncclInt8;
    case i32: return ncclInt32;
    case i64: return ncclInt64;
    default: return -1;
  }
}

#define NCCL_CHECK(expr)                                                                           \
  do {                                                                                             \
    int r_ = (expr);                                                                               \
    if (r_ != ncclSuccess && r_ != ncclInProgress)                                                 \
      return set_last_error("%s: %s (NCCL error %d)", #expr, nccl().error_string(r_), r_);         \
  } while (0)
#define CUDA_CHECK(expr)                                                                           \
  do {                                                                                             \
    cudaError_t e_ = (expr);                                                                       \
    if (e_ != cudaSuccess) return set_last_error("%s: %s (%s)", #expr, cudaGetErrorString(e_), cudaGetErrorName(e_)); \
  } while (0)

int require() {
  if (!nccl().ok) return set_last_error("%s", nccl().why.c_str());
  return 0;
}

int available() { return nccl().ok ? 1 : 0; }
const char* why() { return nccl().ok ? "" : nccl().why.c_str(); }
const char* version() { return nccl().ok ? nccl().version.c_str() : "NCCL not loaded"; }

int unique_id(char* id) {
  if (int rc = require()) return rc;
  UniqueId u;
  NCCL_CHECK(nccl().get_unique_id(&u));
  std::memcpy(id, u.internal, sizeof u.internal);
  return 0;
}

int comm_init_rank(int dev, int nranks, const char* id, int rank, void** comm) {
  if (int rc = require()) return rc;
  CUDA_CHECK(cudaSetDevice(dev));
  UniqueId u;
  std::memcpy(u.internal, id, sizeof u.internal);
  NCCL_CHECK(nccl().comm_init_rank(comm, nranks, u, rank));
  return 0;
}

int comm_init_all(int ndev, const int* devs, void** comms) {
  if (int rc = require()) return rc;
  NCCL_CHECK(nccl().comm_init_all(comms, ndev, devs));
  return 0;
}

int comm_destroy(void* comm) {
  if (int rc = require()) return rc;
  NCCL_CHECK(nccl().comm_destroy(comm));
  return 0;
}
int comm_abort(void* comm) {
  if (int rc = require()) return rc;
  NCCL_CHECK(nccl().comm_abort(comm));
  return 0;
}

// One NCCL group: every call of it is enqueued before any waits for its peers.
template <class F>
int group(int n, const int* devs, F&& call) {
  NCCL_CHECK(nccl().group_start());
  int rc = 0;
  for (int i = 0; i < n && rc == 0; ++i) {
    cudaError_t e = cudaSetDevice(devs[i]);
    rc = e == cudaSuccess ? call(i) : set_last_error("cudaSetDevice(%d): %s", devs[i], cudaGetErrorString(e));
  }
  int end = nccl().group_end();  // always closed, or the next group would nest in it
  if (rc) return rc;
  if (end != ncclSuccess && end != ncclInProgress)  // where a group's collectives report their errors
    return set_last_error("ncclGroupEnd: %s (NCCL error %d)", nccl().error_string(end), end);
  return 0;
}

int allreduce_sum(int n, void* const* comms, const int* devs, void* const* bufs, int64_t count, int dtype,
                  void* const* streams) {
  if (int rc = require()) return rc;
  int t = nccl_dtype(dtype);
  if (t < 0) return set_last_error("NCCL allreduce: dtype %s is not supported", dtype_name(dtype));
  return group(n, devs, [&](int i) -> int {
    NCCL_CHECK(nccl().all_reduce(bufs[i], bufs[i], size_t(count), t, ncclSum, comms[i],
                                 static_cast<cudaStream_t>(streams[i])));
    return 0;
  });
}

int reduce_sum(int n, void* const* comms, const int* devs, const void* const* send, void* recv, int root,
               int64_t count, int dtype, void* const* streams) {
  if (int rc = require()) return rc;
  int t = nccl_dtype(dtype);
  if (t < 0) return set_last_error("NCCL reduce: dtype %s is not supported", dtype_name(dtype));
  if (root < 0 || root >= n) return set_last_error("NCCL reduce: root %d is not one of the %d ranks", root, n);
  return group(n, devs, [&](int i) -> int {
    NCCL_CHECK(nccl().reduce(send[i], i == root ? recv : nullptr, size_t(count), t, ncclSum, root, comms[i],
                             static_cast<cudaStream_t>(streams[i])));
    return 0;
  });
}

// Polls rather than synchronizing: a peer that died leaves NCCL's kernels spinning
// forever, and only a poll can notice the comm's error or the deadline and abort.
int wait(int n, void* const* comms, const int* devs, void* const* streams, double timeout_s) {
  if (int rc = require()) return rc;
  auto start = std::chrono::steady_clock::now();
  auto abort_all = [&] {
    for (int i = 0; i < n; ++i) nccl().comm_abort(comms[i]);
  };
  std::chrono::microseconds pause(20);
  for (;;) {
    bool done = true;
    for (int i = 0; i < n; ++i) {
      int async = ncclSuccess;
      int r = nccl().async_error(comms[i], &async);
      if (r != ncclSuccess || (async != ncclSuccess && async != ncclInProgress)) {
        int code = r != ncclSuccess ? r : async;
        set_last_error("NCCL reported an error on gpu(%d): %s (NCCL error %d); the communicator was aborted",
                       devs[i], nccl().error_string(code), code);
        abort_all();
        return kDevice;
      }
      cudaSetDevice(devs[i]);
      cudaError_t e = cudaStreamQuery(static_cast<cudaStream_t>(streams[i]));
      if (e == cudaErrorNotReady) {
        done = false;
      } else if (e != cudaSuccess) {
        set_last_error("waiting for NCCL on gpu(%d): %s (%s)", devs[i], cudaGetErrorString(e), cudaGetErrorName(e));
        abort_all();
        return kDevice;
      }
    }
    if (done) return 0;
    double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (waited > timeout_s) {
      set_last_error("NCCL collective did not finish within %.0f s (a peer died or stopped calling it); "
                     "the communicator was aborted", timeout_s);
      abort_all();
      return kDevice;
    }
    std::this_thread::sleep_for(pause);
    if (pause < std::chrono::milliseconds(2)) pause *= 2;
  }
}

}  // namespace
}  // namespace mxlcuda

extern "C" __attribute__((visibility("default"))) int mxl_cuda_nccl_init(mxl_cuda_nccl_api* api, char* err,
                                                                          size_t err_len) {
  using namespace mxlcuda;
  if (!api) {
    snprintf(err, err_len, "mxl_cuda_nccl_init: NULL api");
    return 1;
  }
  *api = mxl_cuda_nccl_api{};
  api->abi_version = MXL_CUDA_NCCL_ABI_VERSION;
  api->available = available;
  api->why = why;
  api->version = version;
  api->unique_id = unique_id;
  api->comm_init_rank = comm_init_rank;
  api->comm_init_all = comm_init_all;
  api->comm_destroy = comm_destroy;
  api->comm_abort = comm_abort;
  api->allreduce_sum = allreduce_sum;
  api->reduce_sum = reduce_sum;
  api->wait = wait;
  return 0;
}
