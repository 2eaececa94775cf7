// The boundary between the core (libmxlite.so, which never links CUDA) and the CUDA
// plugin (libmxlite_cuda.so, built from core/cuda/*.cu when a CUDA compiler exists).
// Plain C so that the two sides share no C++ ABI: the core dlopens the plugin on the
// first use of a GPU context and calls mxl_cuda_plugin_init, which fills a table of
// runtime functions and a list of kernels, one per operator name. The core wraps each
// kernel into the operator's `gpu` FCompute (core/cuda/loader.cc).
//
// Conventions: every function returns 0 on success; on failure it returns nonzero and
// last_error() (thread-local in the plugin) holds a message naming the CUDA call and
// the CUDA error string.
#ifndef MXLITE_CUDA_PLUGIN_ABI_H_
#define MXLITE_CUDA_PLUGIN_ABI_H_
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MXL_CUDA_ABI_VERSION 2
#define MXL_CUDA_MAX_DIM 10 /* == MXL_MAX_NDIM */

/* A contiguous row-major array in device memory. dtype is MXNet's type flag. */
typedef struct {
  void* data;
  int ndim;
  int dtype;
  int64_t shape[MXL_CUDA_MAX_DIM];
} mxl_cuda_blob;

/* Operator parameters, read through the core (the plugin cannot parse them). */
typedef struct {
  int64_t (*i)(const void* attrs, const char* name);
  double (*f)(const void* attrs, const char* name);
  int (*b)(const void* attrs, const char* name);
  const char* (*s)(const void* attrs, const char* name);
  int (*shape)(const void* attrs, const char* name, int64_t* dims); /* returns ndim */
  int (*none)(const void* attrs, const char* name);                 /* optional param is None */
} mxl_cuda_attr_api;

/* Device scratch memory from the core's pool, valid until the kernel's work on its
 * stream has finished (the core frees it stream-ordered after the call returns). */
typedef struct {
  void* (*alloc)(void* self, size_t bytes); /* NULL on failure (message in err) */
  void* self;
} mxl_cuda_workspace;

/* One kernel call. The kernel enqueues work on `stream` and returns; it must not
 * synchronize unless it has to read a result on the host. */
typedef struct {
  const char* op_name;
  const mxl_cuda_blob* in;
  int nin;
  const mxl_cuda_blob* out;
  int nout;
  const void* attrs;
  const mxl_cuda_attr_api* attr;
  mxl_cuda_workspace* workspace;
  int device;
  void* stream;      /* cudaStream_t */
  int is_train;
  uint64_t seed;     /* random ops: a fresh 64-bit seed from the device generator */
  char* err;         /* on failure: a message (the core prefixes nothing) */
  size_t err_len;
} mxl_cuda_call;

typedef int (*mxl_cuda_kernel_fn)(const mxl_cuda_call* call);
typedef struct {
  const char* op;  /* registered operator name */
  mxl_cuda_kernel_fn fn;
} mxl_cuda_kernel_entry;

typedef struct {
  int abi_version;
  const char* (*last_error)(void);
  const char* (*version)(void);  /* "CUDA runtime X.Y, driver X.Y, cuBLAS ..." */
  int (*device_count)(int* n);   /* 0 devices (or no driver) is not an error: n = 0 */
  int (*device_name)(int dev, char* buf, size_t len);
  int (*mem_info)(int dev, size_t* free_bytes, size_t* total_bytes);
  int (*set_device)(int dev);    /* the calling thread's current device (before kernels) */
  int (*malloc)(int dev, size_t bytes, void** p);
  int (*free)(int dev, void* p);
  int (*host_alloc)(size_t bytes, void** p); /* pinned host memory */
  int (*host_free)(void* p);
  int (*stream_create)(int dev, void** stream);
  int (*stream_sync)(int dev, void* stream);
  int (*memcpy_h2d)(int dev, void* dst, const void* src, size_t bytes, void* stream);
  int (*memcpy_d2h)(int dev, void* dst, const void* src, size_t bytes, void* stream);
  /* dst_dev may differ from src_dev (peer copy); stream belongs to dst_dev. */
  int (*memcpy_d2d)(int dst_dev, void* dst, int src_dev, const void* src, size_t bytes, void* stream);
  int (*event_create)(int dev, void** event);
  int (*event_destroy)(void* event);
  int (*event_record)(int dev, void* event, void* stream);
  int (*stream_wait_event)(int dev, void* stream, void* event);
  /* dst[i] = (dst dtype) src[i], n elements, both on dev. */
  int (*convert)(int dev, const void* src, int src_dtype, void* dst, int dst_dtype, int64_t n, void* stream);
  /* 0 when the work before the event's last record has run, 1 when not yet, else an error. */
  int (*event_query)(void* event);
  int (*event_sync)(void* event); /* blocks until event_query would say 0 */
  const mxl_cuda_kernel_entry* kernels;
  int num_kernels;
} mxl_cuda_api;

/* Exported by the plugin. Fills *api; returns 0, or nonzero with a message in err. */
typedef int (*mxl_cuda_plugin_init_fn)(mxl_cuda_api* api, char* err, size_t err_len);
#define MXL_CUDA_PLUGIN_INIT_SYMBOL "mxl_cuda_plugin_init"

/* ---------------------------------------------------------------- NCCL (optional)
 * Collectives between GPUs -- of one process (KVStore 'device' / 'nccl') and of several
 * processes (dist_sync, the unique id sent through MPI) -- through NCCL, which the
 * plugin loads at run time (MXLITE_NCCL_LIBRARY, else libnccl.so.2): the plugin links
 * no NCCL. A separate table with its own entry point, so a plugin without it (an older
 * build, the fake test plugin) still loads. Errors: nonzero return, message in
 * mxl_cuda_api::last_error. A comm is an opaque ncclComm_t. */
#define MXL_CUDA_NCCL_ABI_VERSION 1
#define MXL_CUDA_NCCL_ID_BYTES 128 /* == NCCL_UNIQUE_ID_BYTES */

typedef struct {
  int abi_version;
  /* 1 when NCCL was loaded; 0 with the reason (library not found, too old) in why(). */
  int (*available)(void);
  const char* (*why)(void);
  const char* (*version)(void); /* "NCCL 2.x.y (path)" */
  int (*unique_id)(char id[MXL_CUDA_NCCL_ID_BYTES]);
  /* One rank of a comm spanning processes; blocks until every rank has joined. */
  int (*comm_init_rank)(int dev, int nranks, const char id[MXL_CUDA_NCCL_ID_BYTES], int rank, void** comm);
  /* One comm per device of this process, rank i on devs[i]. */
  int (*comm_init_all)(int ndev, const int* devs, void** comms);
  int (*comm_destroy)(void* comm);
  int (*comm_abort)(void* comm); /* after a failure: frees without waiting for the peers */
  /* One group of n calls, comm i on devs[i] and streams[i], enqueued and not waited for.
   * allreduce: bufs[i][count] summed in place over all ranks. reduce: send[i][count]
   * summed into recv (significant on the rank whose index in this call is root only). */
  int (*allreduce_sum)(int n, void* const* comms, const int* devs, void* const* bufs, int64_t count, int dtype,
                       void* const* streams);
  int (*reduce_sum)(int n, void* const* comms, const int* devs, const void* const* send, void* recv, int root,
                    int64_t count, int dtype, void* const* streams);
  /* Waits until the streams have run everything enqueued, a comm reports an error, or
   * timeout_s passes; on error or timeout aborts the comms (they are unusable after). */
  int (*wait)(int n, void* const* comms, const int* devs, void* const* streams, double timeout_s);
} mxl_cuda_nccl_api;

typedef int (*mxl_cuda_nccl_init_fn)(mxl_cuda_nccl_api* api, char* err, size_t err_len);
#define MXL_CUDA_NCCL_INIT_SYMBOL "mxl_cuda_nccl_init"

#ifdef __cplusplus
}
#endif
#endif /* MXLITE_CUDA_PLUGIN_ABI_H_ */
