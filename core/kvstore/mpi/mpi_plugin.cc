// libmxlite_mpi.so: the MPI side of dist_* KVStores (ABI in ../comm_plugin.h).
// Built only when CMake finds MPI; loaded by the core on the first dist_* store.
//
// Every collective is non-blocking (MPI_Iallreduce / MPI_Ibcast / MPI_Ibarrier)
// and polled against a deadline, so a worker that died or stopped turns into an
// error after the timeout instead of a hang. Errors are returned, not fatal
// (MPI_ERRORS_RETURN). After a failure the job is aborted at exit (MPI_Abort),
// which ends the other workers too; a normal exit finalizes MPI.
//
// Threads: the core makes one call at a time (ordered on one engine variable) but
// from whichever engine worker runs it, hence MPI_THREAD_SERIALIZED.
#include <mpi.h>

#include <sched.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "../comm_plugin.h"

namespace {

bool g_failed = false;
bool g_we_initialized = false;
std::string g_version;

double now_s() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

int report(char* err, size_t errlen, const std::string& msg) {
  std::snprintf(err, errlen, "%s", msg.c_str());
  return 1;
}

std::string mpi_error(int rc) {
  char buf[MPI_MAX_ERROR_STRING] = {0};
  int len = 0;
  MPI_Error_string(rc, buf, &len);
  return std::string(buf, size_t(len));
}

// Polls req until done or the deadline: a short spin first (collectives of a
// training step finish in microseconds to milliseconds), then 100 us sleeps.
int wait(MPI_Request* req, double timeout_s, const char* what, char* err, size_t errlen) {
  double start = now_s();
  for (long polls = 0;; ++polls) {
    int done = 0;
    int rc = MPI_Test(req, &done, MPI_STATUS_IGNORE);
    if (rc != MPI_SUCCESS)
      return report(err, errlen, std::string(what) + ": MPI error: " + mpi_error(rc) +
                                     " (a worker probably died)");
    if (done) return 0;
    double waited = now_s() - start;
    if (waited > timeout_s) {
      char msg[512];
      std::snprintf(msg, sizeof msg,
                    "%s did not complete within %g s (MXLITE_KV_TIMEOUT): another worker died, stopped or "
                    "stopped calling the kvstore in the same order",
                    what, timeout_s);
      return report(err, errlen, msg);
    }
    if (polls < 2000) {
      sched_yield();
    } else {
      timespec ts{0, 100 * 1000};
      nanosleep(&ts, nullptr);
    }
  }
}

MPI_Datatype mpi_type(int dtype) {
  switch (dtype) {
    case 0: return MPI_FLOAT;
    case 1: return MPI_DOUBLE;
    case 4: return MPI_INT32_T;
    case 6: return MPI_INT64_T;
    default: return MPI_DATATYPE_NULL;
  }
}

const char* version() { return g_version.c_str(); }

int allreduce_sum(void* buf, int64_t count, int dtype, double timeout_s, char* err, size_t errlen) {
  MPI_Datatype t = mpi_type(dtype);
  if (t == MPI_DATATYPE_NULL) return report(err, errlen, "allreduce: unsupported dtype flag " + std::to_string(dtype));
  // MPI counts are int: large arrays go in pieces.
  const int64_t kMax = int64_t(1) << 30;
  int size = 0;
  MPI_Type_size(t, &size);
  for (int64_t off = 0; off < count; off += kMax) {
    int n = int(count - off < kMax ? count - off : kMax);
    MPI_Request req;
    int rc = MPI_Iallreduce(MPI_IN_PLACE, static_cast<char*>(buf) + off * size, n, t, MPI_SUM, MPI_COMM_WORLD, &req);
    if (rc != MPI_SUCCESS) return report(err, errlen, "allreduce: MPI error: " + mpi_error(rc));
    if (wait(&req, timeout_s, "allreduce", err, errlen)) return 1;
  }
  return 0;
}

int broadcast(void* buf, int64_t nbytes, int root, double timeout_s, char* err, size_t errlen) {
  const int64_t kMax = int64_t(1) << 30;
  for (int64_t off = 0; off < nbytes; off += kMax) {
    int n = int(nbytes - off < kMax ? nbytes - off : kMax);
    MPI_Request req;
    int rc = MPI_Ibcast(static_cast<char*>(buf) + off, n, MPI_BYTE, root, MPI_COMM_WORLD, &req);
    if (rc != MPI_SUCCESS) return report(err, errlen, "broadcast: MPI error: " + mpi_error(rc));
    if (wait(&req, timeout_s, "broadcast", err, errlen)) return 1;
  }
  return 0;
}

int barrier(double timeout_s, char* err, size_t errlen) {
  MPI_Request req;
  int rc = MPI_Ibarrier(MPI_COMM_WORLD, &req);
  if (rc != MPI_SUCCESS) return report(err, errlen, "barrier: MPI error: " + mpi_error(rc));
  return wait(&req, timeout_s, "barrier", err, errlen);
}

void mark_failed() { g_failed = true; }

void at_exit() {
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (finalized || !g_we_initialized) return;
  if (g_failed) {
    // Finalizing would wait for the dead worker; abort ends the job instead.
    std::fflush(stdout);
    std::fflush(stderr);
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  MPI_Finalize();
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int mxl_comm_plugin_init(mxl_comm_api* api, char* err,
                                                                           size_t errlen) {
  int inited = 0;
  MPI_Initialized(&inited);
  if (!inited) {
    int provided = 0;
    int rc = MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SERIALIZED, &provided);
    if (rc != MPI_SUCCESS) return report(err, errlen, "MPI_Init_thread: " + mpi_error(rc));
    if (provided < MPI_THREAD_SERIALIZED)
      return report(err, errlen, "the MPI library does not support MPI_THREAD_SERIALIZED");
    g_we_initialized = true;
    std::atexit(at_exit);
  }
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
  char lib[MPI_MAX_LIBRARY_VERSION_STRING] = {0};
  int len = 0;
  MPI_Get_library_version(lib, &len);
  g_version = std::string(lib, size_t(len));
  while (!g_version.empty() && (g_version.back() == '\n' || g_version.back() == '\0')) g_version.pop_back();
  api->abi_version = MXL_COMM_ABI_VERSION;
  MPI_Comm_rank(MPI_COMM_WORLD, &api->rank);
  MPI_Comm_size(MPI_COMM_WORLD, &api->size);
  api->version = version;
  api->allreduce_sum = allreduce_sum;
  api->broadcast = broadcast;
  api->barrier = barrier;
  api->mark_failed = mark_failed;
  return 0;
}
