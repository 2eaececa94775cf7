// The core's side of the MPI plugin (comm_plugin.h): finds and loads
// libmxlite_mpi.so on the first dist_* KVStore and reports, as Err::kDevice, what
// is missing (the plugin, mpirun) in words a user can act on.
#pragma once
#include "../base/base.h"
#include "comm_plugin.h"

namespace mxl {
namespace comm {

// The loaded plugin, initialised (MPI_Init done once per process). Throws kDevice
// when the plugin cannot be loaded or the process was not started by mpirun.
const mxl_comm_api& api();
// MXLITE_KV_TIMEOUT in seconds (default 60): the longest a collective may wait.
double timeout_s();

}  // namespace comm
}  // namespace mxl
