// KVStore: named arrays shared by several devices of one process and, for dist_*,
// by several worker processes (MPI). Modelled on MXNet 1.x's KVStore.
//
//   local       values kept on cpu(0); pushes from any devices are summed there
//   device      values kept on the device of the value given to init (sums there); a
//               key initialized from host memory and pushed from GPUs moves to the
//               first value's GPU; values from several GPUs are summed by NCCL
//   nccl        device, and NCCL must be usable (create fails otherwise)
//   dist_sync   as local, and every push is summed over all workers (allreduce)
//               before the update, so every worker applies the same update and
//               the weights stay identical on all of them; keys every worker pushes
//               from a GPU live there and are summed by NCCL
//   dist_async  pushes update the worker's own copy at once, with no communication;
//               barrier() averages every key's value over the workers (allreduce /
//               num_workers). Optimizer states stay per worker.
//
// Semantics (per key; keys are strings, bindings format int keys in decimal):
//  - init(key, value): a copy of value; a second init of a key is an error. In dist_*
//    the value of rank 0 is broadcast, so all workers start from the same weights.
//  - push(key, values): the sum of the values (any devices, same shape and dtype as
//    the initial value). With an optimizer (set_optimizer): weight updated in the
//    store by the fused update op, from that sum as the gradient; without one the
//    sum replaces the stored value.
//  - pull(key, outs): the stored value copied into each out (any devices / dtypes).
//  - Everything is asynchronous: push and pull push engine operations on the arrays
//    involved and return; dependencies order them (a pull after a push sees it).
//
// Optimizer: set_optimizer(op, params) names one fused update op of core/op/
// optimizer.cc whose inputs are (weight, grad, state...) with every state written
// in place (sgd_update, sgd_mom_update, nag_mom_update, adam_update, rmsprop_update,
// rmspropalex_update, ftrl_update, signsgd_update, signum_update, ftml_update,
// _adagrad_update, _adadelta_update, mp_sgd_update, mp_sgd_mom_update,
// mp_nag_mom_update). The store creates each key's states at its first update:
// zeros of the weight's shape and dtype (float32 for mp_* ops), and "weight32" as a
// float32 copy of the weight. set_optimizer_params(key, params) overrides params
// for one key ("" = every key) from the next update on, states kept: this is how
// schedules, per-parameter multipliers and Adam's bias correction reach the store.
// ftml_update's "t" is the key's update count, set by the store.
//
// Collectives (dist_*): MPI through libmxlite_mpi.so (comm_plugin.h), loaded on the
// first dist_* store; NCCL through the CUDA plugin (mxl_cuda_nccl_api) for GPU keys. All communication is ordered on one engine variable, so it
// runs in the order the calls were made, which is the same on every worker (they
// run the same program); each call gives up after MXLITE_KV_TIMEOUT seconds
// (default 60) with an error naming the key, the rank and the likely cause.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "../ndarray/ndarray.h"

namespace mxl {

class KVStore {
 public:
  // type: "local", "device", "nccl", "dist_sync", "dist_async" (also "dist", = dist_sync, and
  // MXNet's "dist_sync_device" / "dist_device_sync" / "dist_async_device" spellings).
  // dist_* needs the MPI plugin and workers started by mpirun: otherwise kDevice.
  static std::unique_ptr<KVStore> create(const std::string& type);
  ~KVStore();

  const std::string& type() const { return type_; }
  int rank() const;
  int num_workers() const;

  void init(const std::string& key, const NDArray& value);
  void push(const std::string& key, const std::vector<NDArray>& values);
  void pull(const std::string& key, const std::vector<NDArray>& outs);
  // Throws what push / pull would for these arrays (unknown key, bad shape), changing nothing.
  void check(const std::string& key, const std::vector<NDArray>& arrays, const char* what) const;
  bool has_key(const std::string& key) const;
  std::vector<std::string> keys() const;  // in init order

  void set_optimizer(const std::string& op, const KV& params);
  void set_optimizer_params(const std::string& key, const KV& params);  // key "": every key
  std::string optimizer() const;  // "" when none
  int64_t num_update(const std::string& key) const;

  // Blocks until every worker has reached the barrier (dist_async: then averages).
  // Also waits for this store's pending work. Local stores: waits only.
  void barrier();

  // Per-key optimizer states and update counts, in the .params format (written to
  // a temp file and renamed). load checks the optimizer, the keys and the shapes.
  void save_optimizer_states(const std::string& fname) const;
  void load_optimizer_states(const std::string& fname);

 private:
  struct Entry {
    NDArray value;                // the stored value, on the store's device
    NDArray merged;               // the sum of a push, when an optimizer takes it as the gradient
    std::vector<NDArray> states;  // optimizer states, created at the first update
    KV params;                    // per-key optimizer parameter overrides
    int64_t updates = 0;
    bool placed = false;          // place() has run (at the first push)
    bool nccl = false;            // dist_sync: on this worker's GPU, summed over workers by NCCL
  };
  explicit KVStore(std::string type) : type_(std::move(type)) {}
  Entry& entry(const std::string& key, const char* what);
  const Entry& entry(const std::string& key, const char* what) const;
  void check_value(const Entry& e, const std::string& key, const NDArray& v, size_t i, const char* what) const;
  void apply_update(const std::string& key, Entry& e, const NDArray& grad);
  void create_states(Entry& e);
  // Collective operations on a CPU array, ordered on comm_var_ (dist_* only).
  void allreduce(const std::string& key, const NDArray& a);
  void broadcast(const std::string& key, const NDArray& a);
  // The sum of a push's values into target: one NCCL group when they are on several
  // GPUs (device / nccl stores), else copies and adds.
  void sum_local(const std::vector<NDArray>& values, const NDArray& target);
  // dist_*: a over all workers, in place -- NCCL for e.nccl keys, else MPI on the host.
  void sum_over_workers(const std::string& key, const Entry& e, const NDArray& a);
  // At a key's first push: device / nccl stores initialized from host memory move the
  // key to the GPU of the first value when every value is on a GPU; dist_sync keys
  // move to this worker's GPU and go NCCL when every worker can (all_workers_agree).
  void place(const std::string& key, Entry& e, const std::vector<NDArray>& values);
  // dist_*: whether this worker can keep value's key on its GPU and sum it with NCCL.
  bool nccl_can_sum(const NDArray& value) const;
  // dist_*: true when every worker says mine (one small MPI allreduce; blocks).
  bool all_workers_agree(const std::string& key, bool mine);

  std::string type_;
  bool dist_ = false, async_ = false, on_device_ = false;
  engine::Var* comm_var_ = nullptr;
  mutable std::mutex mu_;
  std::map<std::string, std::unique_ptr<Entry>> entries_;
  std::vector<std::string> order_;
  const OpDef* opt_op_ = nullptr;
  KV opt_params_;
};

}  // namespace mxl
