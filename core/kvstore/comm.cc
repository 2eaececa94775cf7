#include "comm.h"

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>
#include <string>

namespace mxl {
namespace comm {

namespace {

// Directory holding libmxlite.so: the plugin is installed next to it.
std::string core_dir() {
  Dl_info info;
  if (dladdr(reinterpret_cast<void*>(&timeout_s), &info) && info.dli_fname) {
    std::string p = info.dli_fname;
    size_t slash = p.rfind('/');
    if (slash != std::string::npos) return p.substr(0, slash);
  }
  return ".";
}

// Set by mpirun (Open MPI, MPICH/Hydra, PMIx launchers); without one of them MPI
// would start a one-process "singleton", which is never what a dist_* user meant.
bool under_launcher() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "MPI_LOCALNRANKS"})
    if (std::getenv(v)) return true;
  return false;
}

}  // namespace

double timeout_s() {
  const char* env = std::getenv("MXLITE_KV_TIMEOUT");
  if (!env || !*env) return 60.0;
  char* end = nullptr;
  double t = std::strtod(env, &end);
  MXL_CHECK(end && *end == '\0' && t > 0, Err::kInvalidArgument, "MXLITE_KV_TIMEOUT='", env,
            "': expected a positive number of seconds");
  return t;
}

const mxl_comm_api& api() {
  static std::mutex mu;
  static mxl_comm_api* loaded = nullptr;
  static std::string failure;
  std::lock_guard<std::mutex> lk(mu);
  if (loaded) return *loaded;
  MXL_CHECK(failure.empty(), Err::kDevice, failure);
  const char* env = std::getenv("MXLITE_MPI_PLUGIN");
  std::string path = env && *env ? env : core_dir() + "/libmxlite_mpi.so";
  if (!under_launcher()) {
    failure = "kvstore dist_*: this process was not started by mpirun; start the workers with "
              "`mpirun -np N python train.py` (Open MPI: OMPI_COMM_WORLD_SIZE is not set)";
    fail(Err::kDevice, failure);
  }
  // RTLD_GLOBAL: Open MPI loads its own components, which need libmpi's symbols.
  void* h = dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL);
  if (!h) {
    const char* why = dlerror();
    failure = "kvstore dist_*: the MPI plugin " + path + " could not be loaded (" + (why ? why : "unknown error") +
              "); build mxlite where CMake finds MPI (Debian: apt-get install openmpi-bin libopenmpi-dev) "
              "or set MXLITE_MPI_PLUGIN";
    fail(Err::kDevice, failure);
  }
  auto init = reinterpret_cast<mxl_comm_plugin_init_fn>(dlsym(h, MXL_COMM_PLUGIN_INIT_SYMBOL));
  auto* a = new mxl_comm_api{};  // lives for the process, like MPI itself
  char err[1024] = {0};
  if (!init) {
    failure = "kvstore dist_*: the MPI plugin " + path + " has no " MXL_COMM_PLUGIN_INIT_SYMBOL " entry point";
  } else if (init(a, err, sizeof err) != 0) {
    failure = "kvstore dist_*: MPI failed to initialise (" + path + "): " + err;
  } else if (a->abi_version != MXL_COMM_ABI_VERSION) {
    failure = "kvstore dist_*: the MPI plugin " + path + " has ABI version " + std::to_string(a->abi_version) +
              " but this libmxlite expects " + std::to_string(MXL_COMM_ABI_VERSION) + " (rebuild both)";
  }
  if (!failure.empty()) {
    delete a;
    fail(Err::kDevice, failure);
  }
  loaded = a;
  return *loaded;
}

}  // namespace comm
}  // namespace mxl
