// The plain-C boundary between the core and the collective-communication plugin
// (libmxlite_mpi.so, core/kvstore/mpi/mpi_plugin.cc). libmxlite.so never links MPI:
// it dlopens the plugin on the first dist_* KVStore, so a build or an install
// without MPI still works everywhere else, and every binding gets dist_* through
// the same C ABI.
//
// Every call returns 0 on success or nonzero with a message in err[errlen]. Calls
// that wait for the other workers take a timeout in seconds: they never block longer
// than that, so a dead or stopped worker is an error, not a hang. The core makes at
// most one call at a time (all of them are ordered on one engine variable).
#pragma once
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MXL_COMM_ABI_VERSION 1
#define MXL_COMM_PLUGIN_INIT_SYMBOL "mxl_comm_plugin_init"

typedef struct mxl_comm_api {
  int abi_version;  // MXL_COMM_ABI_VERSION
  int rank;         // this worker, 0 .. size-1
  int size;         // number of workers
  // One line: MPI library version and transport.
  const char* (*version)(void);
  // In-place sum of buf[count] over all workers. dtype: MXL_FLOAT32 (0), MXL_FLOAT64 (1),
  // MXL_INT32 (4) or MXL_INT64 (6).
  int (*allreduce_sum)(void* buf, int64_t count, int dtype, double timeout_s, char* err, size_t errlen);
  // Copies root's buf[nbytes] to every worker.
  int (*broadcast)(void* buf, int64_t nbytes, int root, double timeout_s, char* err, size_t errlen);
  int (*barrier)(double timeout_s, char* err, size_t errlen);
  // After a failed call the communicator is unusable: at exit the plugin aborts the
  // job (MPI_Abort) instead of finalizing, which would wait for the dead worker.
  void (*mark_failed)(void);
} mxl_comm_api;

typedef int (*mxl_comm_plugin_init_fn)(mxl_comm_api* api, char* err, size_t errlen);

#ifdef __cplusplus
}
#endif
