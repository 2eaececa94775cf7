#include "kvstore.h"

#include <algorithm>
#include <sstream>

#include "../cuda/loader.h"
#include "comm.h"

namespace mxl {

namespace {

const char* kTypes[] = {"local", "device", "nccl", "dist_sync", "dist_async"};

std::string canonical_type(const std::string& t) {
  if (t == "dist" || t == "dist_sync_device" || t == "dist_device_sync") return "dist_sync";
  if (t == "dist_async_device" || t == "dist_device_async") return "dist_async";
  if (t == "local_update_cpu" || t == "local_allreduce_cpu") return "local";
  if (t == "local_allreduce_device") return "device";
  return t;
}

// a overridden by b (same key: b's value).
KV merge_params(const KV& a, const KV& b) {
  KV out = a;
  for (const auto& [k, v] : b) {
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == k; });
    if (it != out.end()) it->second = v;
    else out.emplace_back(k, v);
  }
  return out;
}

bool is_multi_precision(const OpDef& op) { return op.name.rfind("mp_", 0) == 0 || op.name.rfind("_mp_", 0) == 0; }

NDArray zeros(const Shape& s, DType t, Context ctx) {
  static const OpDef& op = Registry::get("_zeros");
  return invoke(op, {}, Attrs::parse(&op, {{"shape", s.str()}, {"ctx", ctx.str()}, {"dtype", dtype_name(t)}}))[0];
}

// Sums values into target (target may be one of them only as values[0]).
void sum_into(const std::vector<NDArray>& values, const NDArray& target) {
  static const OpDef& add = Registry::get("elemwise_add");
  static const Attrs no_params = Attrs::parse(&add, {});
  copy(values[0], target);
  for (size_t i = 1; i < values.size(); ++i) {
    NDArray v = values[i];
    if (v.ctx() != target.ctx() || v.dtype() != target.dtype()) {
      // the add op wants one device and one dtype: stage as the target's
      NDArray staged(v.shape(), target.dtype(), target.ctx());
      copy(v, staged);
      v = staged;
    }
    invoke(add, {target, v}, no_params, {target});
  }
}

// The one comm of this worker's GPU across the dist_* workers, made on the first GPU
// key (in an engine op ordered on the comm variable, so every worker makes it at the
// same point of its program).
struct DistComm {
  int dev = -1;
  void* comm = nullptr;
};
DistComm& dist_comm() {
  static DistComm c;
  return c;
}

}  // namespace

std::unique_ptr<KVStore> KVStore::create(const std::string& type_in) {
  std::string t = canonical_type(type_in);
  bool known = std::find(std::begin(kTypes), std::end(kTypes), t) != std::end(kTypes);
  MXL_CHECK(known, Err::kInvalidArgument, "kvstore: unknown type '", type_in,
            "': expected 'local', 'device', 'nccl', 'dist_sync' or 'dist_async'");
  if (t == "nccl") {
    std::string why;
    MXL_CHECK(gpu::nccl(&why), Err::kDevice, "kvstore nccl: NCCL cannot be used: ", why,
              " (kvstore 'device' sums on the GPUs without it)");
  }
  std::unique_ptr<KVStore> kv(new KVStore(t));
  kv->dist_ = t.rfind("dist", 0) == 0;
  kv->async_ = t == "dist_async";
  kv->on_device_ = t == "device" || t == "nccl";
  if (kv->dist_) {
    comm::api();  // loads MPI now: a missing plugin or launcher is an error at create
    // One variable for every dist store of the process: all MPI calls of all stores
    // then run in program order, the same order on every worker.
    static engine::Var* shared = engine::new_var();
    kv->comm_var_ = shared;
  }
  return kv;
}

KVStore::~KVStore() = default;

int KVStore::rank() const { return dist_ ? comm::api().rank : 0; }
int KVStore::num_workers() const { return dist_ ? comm::api().size : 1; }

KVStore::Entry& KVStore::entry(const std::string& key, const char* what) {
  auto it = entries_.find(key);
  MXL_CHECK(it != entries_.end(), Err::kNotFound, "kvstore ", what, ": key '", key,
            "' has not been initialized (call init first)");
  return *it->second;
}
const KVStore::Entry& KVStore::entry(const std::string& key, const char* what) const {
  return const_cast<KVStore*>(this)->entry(key, what);
}

bool KVStore::has_key(const std::string& key) const {
  std::lock_guard<std::mutex> lk(mu_);
  return entries_.count(key) != 0;
}
std::vector<std::string> KVStore::keys() const {
  std::lock_guard<std::mutex> lk(mu_);
  return order_;
}

void KVStore::check_value(const Entry& e, const std::string& key, const NDArray& v, size_t i,
                          const char* what) const {
  MXL_CHECK(!v.is_none(), Err::kInvalidArgument, "kvstore ", what, ": key '", key, "': array ", i, " is empty");
  MXL_CHECK(v.shape() == e.value.shape(), Err::kShape, "kvstore ", what, ": key '", key, "': array ", i,
            " has shape ", v.shape(), " but the key was initialized with shape ", e.value.shape());
}

void KVStore::init(const std::string& key, const NDArray& value) {
  MXL_CHECK(!value.is_none(), Err::kInvalidArgument, "kvstore init: key '", key, "': the value is empty");
  MXL_CHECK(!key.empty(), Err::kInvalidArgument, "kvstore init: the key is an empty string");
  std::lock_guard<std::mutex> lk(mu_);
  MXL_CHECK(!entries_.count(key), Err::kInvalidArgument, "kvstore init: duplicate init of key '", key, "'");
  auto e = std::make_unique<Entry>();
  Context ctx = on_device_ ? value.ctx() : Context::cpu(0);
  e->value = NDArray(value.shape(), value.dtype(), ctx);
  if (dist_) {
    // every worker starts from rank 0's value, sent from host memory
    NDArray host(value.shape(), value.dtype(), Context::cpu(0));
    copy(value, host);
    broadcast(key, host);
    copy(host, e->value);
  } else {
    copy(value, e->value);
  }
  entries_[key] = std::move(e);
  order_.push_back(key);
}

void KVStore::push(const std::string& key, const std::vector<NDArray>& values) {
  std::lock_guard<std::mutex> lk(mu_);
  Entry& e = entry(key, "push");
  MXL_CHECK(!values.empty(), Err::kInvalidArgument, "kvstore push: key '", key, "': no values given");
  for (size_t i = 0; i < values.size(); ++i) check_value(e, key, values[i], i, "push");
  if (!e.placed) place(key, e, values);
  if (!opt_op_) {
    sum_local(values, e.value);
    if (dist_ && !async_) sum_over_workers(key, e, e.value);
    return;
  }
  if (e.merged.is_none()) e.merged = NDArray(e.value.shape(), e.value.dtype(), e.value.ctx());
  sum_local(values, e.merged);
  if (dist_ && !async_) sum_over_workers(key, e, e.merged);
  apply_update(key, e, e.merged);
}

void KVStore::pull(const std::string& key, const std::vector<NDArray>& outs) {
  std::lock_guard<std::mutex> lk(mu_);
  Entry& e = entry(key, "pull");
  MXL_CHECK(!outs.empty(), Err::kInvalidArgument, "kvstore pull: key '", key, "': no output arrays given");
  for (size_t i = 0; i < outs.size(); ++i) check_value(e, key, outs[i], i, "pull");
  for (const auto& o : outs) copy(e.value, o);
}

void KVStore::check(const std::string& key, const std::vector<NDArray>& arrays, const char* what) const {
  std::lock_guard<std::mutex> lk(mu_);
  const Entry& e = entry(key, what);
  for (size_t i = 0; i < arrays.size(); ++i) check_value(e, key, arrays[i], i, what);
}

// ------------------------------------------------------------------ optimizer

void KVStore::set_optimizer(const std::string& name, const KV& params) {
  const OpDef& op = Registry::get(name);
  bool fits = op.inputs.size() >= 2 && op.inputs[0] == "weight" && op.inputs[1] == "grad" &&
              op.key_var_num_args.empty();
  for (size_t i = 2; fits && i < op.inputs.size(); ++i)
    fits = std::find(op.mutate_inputs.begin(), op.mutate_inputs.end(), int(i)) != op.mutate_inputs.end();
  MXL_CHECK(fits, Err::kInvalidArgument, "kvstore set_optimizer: '", name,
            "' is not a fused update op with inputs (weight, grad, state...) such as sgd_update, "
            "sgd_mom_update or adam_update");
  // Validate the parameters now, with a stand-in for "t" (set per update) and "lr"
  // (required by most ops, but may come later through set_optimizer_params).
  KV probe = params;
  if (op.param_index("t") >= 0) probe = merge_params({{"t", "1"}}, probe);
  if (op.param_index("lr") >= 0) probe = merge_params({{"lr", "0"}}, probe);
  Attrs::parse(&op, probe);
  std::lock_guard<std::mutex> lk(mu_);
  opt_op_ = &op;
  opt_params_ = params;
  for (auto& [k, e] : entries_) {  // a new optimizer starts from fresh states
    e->states.clear();
    e->params.clear();
    e->updates = 0;
  }
}

void KVStore::set_optimizer_params(const std::string& key, const KV& params) {
  std::lock_guard<std::mutex> lk(mu_);
  MXL_CHECK(opt_op_, Err::kInvalidArgument, "kvstore set_optimizer_params: no optimizer is set (call set_optimizer first)");
  for (const auto& [k, v] : params)
    MXL_CHECK(opt_op_->param_index(k) >= 0, Err::kNotFound, "kvstore set_optimizer_params: ", opt_op_->name,
              " has no parameter '", k, "'");
  if (key.empty()) {
    opt_params_ = merge_params(opt_params_, params);
    return;
  }
  Entry& e = entry(key, "set_optimizer_params");
  e.params = merge_params(e.params, params);
}

std::string KVStore::optimizer() const {
  std::lock_guard<std::mutex> lk(mu_);
  return opt_op_ ? opt_op_->name : std::string();
}

int64_t KVStore::num_update(const std::string& key) const {
  std::lock_guard<std::mutex> lk(mu_);
  return entry(key, "num_update").updates;
}

void KVStore::create_states(Entry& e) {
  const OpDef& op = *opt_op_;
  bool mp = is_multi_precision(op);
  e.states.clear();
  for (size_t i = 2; i < op.inputs.size(); ++i) {
    if (op.inputs[i] == "weight32") {
      NDArray master(e.value.shape(), DType::f32, e.value.ctx());
      copy(e.value, master);
      e.states.push_back(master);
    } else {
      e.states.push_back(zeros(e.value.shape(), mp ? DType::f32 : e.value.dtype(), e.value.ctx()));
    }
  }
}

void KVStore::apply_update(const std::string& key, Entry& e, const NDArray& grad) {
  const OpDef& op = *opt_op_;
  if (e.states.size() != op.inputs.size() - 2) create_states(e);
  ++e.updates;
  KV params = merge_params(opt_params_, e.params);
  if (op.param_index("t") >= 0) params = merge_params(params, {{"t", std::to_string(e.updates)}});
  Attrs attrs;
  try {
    attrs = Attrs::parse(&op, params);
  } catch (const Error& err) {
    --e.updates;
    fail(err.code, "kvstore push: key '", key, "': optimizer ", op.name, ": ", err.what());
  }
  std::vector<NDArray> in = {e.value, grad};
  in.insert(in.end(), e.states.begin(), e.states.end());
  invoke(op, in, attrs, {e.value});
}

// ---------------------------------------------------------------- collectives

namespace {
// After one collective failed the communicator is unusable: later ones fail at
// once with the first failure's message instead of each waiting out the timeout.
std::mutex comm_fail_mu;
std::string comm_failure;

[[noreturn]] void comm_fail(const mxl_comm_api& api, const char* what, const std::string& key, const char* err) {
  api.mark_failed();
  std::ostringstream os;
  os << "kvstore: " << what << (key.empty() ? std::string() : " of key '" + key + "'") << " failed on rank "
     << api.rank << " of " << api.size << ": " << err;
  {
    std::lock_guard<std::mutex> lk(comm_fail_mu);
    if (comm_failure.empty()) comm_failure = os.str();
  }
  throw Error(Err::kDevice, os.str());
}

// Runs one collective through the plugin, or fails at once after an earlier failure.
template <class F>
void collective(const char* what, const std::string& key, F&& call) {
  const mxl_comm_api& api = comm::api();
  {
    std::lock_guard<std::mutex> lk(comm_fail_mu);
    if (!comm_failure.empty())
      fail(Err::kDevice, "kvstore: ", what, key.empty() ? std::string() : " of key '" + key + "'",
           " not run: an earlier collective failed (", comm_failure, ")");
  }
  char err[1024] = {0};
  if (call(api, err, sizeof err) != 0) comm_fail(api, what, key, err);
}
}  // namespace

void KVStore::allreduce(const std::string& key, const NDArray& a) {
  MXL_CHECK(a.ctx().type == DevType::kCPU, Err::kInternal, "kvstore allreduce: key '", key, "' is not on the CPU");
  DType t = a.dtype();
  MXL_CHECK(t == DType::f32 || t == DType::f64 || t == DType::i32 || t == DType::i64, Err::kDType,
            "kvstore ", type_, ": key '", key, "' has dtype ", dtype_name(t),
            "; sums across workers support float32, float64, int32 and int64");
  double timeout = comm::timeout_s();
  engine::push(
      [a, key, timeout] {
        collective("allreduce", key, [&](const mxl_comm_api& api, char* err, size_t n) {
          return api.allreduce_sum(a.data(), a.size(), int(a.dtype()), timeout, err, n);
        });
      },
      {}, {a.var(), comm_var_}, {a.ctx(), "kvstore_allreduce"});
}

// ---------------------------------------------------------------------- NCCL
// GPU values are summed by NCCL where the plugin has it (gpu::nccl), in two places:
// a push of values from several GPUs of this process into a device / nccl store
// (one ncclReduce group into the store's GPU), and the sum over workers of a dist_*
// key that lives on a GPU (ncclAllReduce across processes; the comm's unique id is
// sent through MPI). Everything else goes the host / MPI way.

namespace {

bool nccl_dtype(DType t) {
  return t == DType::f32 || t == DType::f64 || t == DType::f16 || t == DType::u8 || t == DType::i8 ||
         t == DType::i32 || t == DType::i64;
}

// The comms of one set of this process's devices (ncclCommInitAll), made on first use
// and kept for the process, like the devices' streams.
std::vector<void*> local_comms(const mxl_cuda_nccl_api& api, const std::vector<int>& devs) {
  static std::mutex mu;
  static auto* cache = new std::map<std::vector<int>, std::vector<void*>>;
  std::lock_guard<std::mutex> lk(mu);
  auto it = cache->find(devs);
  if (it != cache->end()) return it->second;
  std::vector<void*> comms(devs.size());
  gpu::check(api.comm_init_all(int(devs.size()), devs.data(), comms.data()), "creating NCCL communicators");
  return (*cache)[devs] = comms;
}

// Values on distinct GPUs, one of them the target's: one ncclReduce group.
bool nccl_reduce_fits(const std::vector<NDArray>& values, const NDArray& target) {
  if (values.size() < 2 || target.ctx().type != DevType::kGPU || !nccl_dtype(target.dtype())) return false;
  std::vector<int> devs;
  bool has_target = false;
  for (const auto& v : values) {
    if (v.ctx().type != DevType::kGPU || v.dtype() != target.dtype()) return false;
    if (std::find(devs.begin(), devs.end(), v.ctx().id) != devs.end()) return false;
    devs.push_back(v.ctx().id);
    has_target = has_target || v.ctx().id == target.ctx().id;
  }
  return has_target && gpu::nccl() != nullptr;
}

void nccl_reduce(const std::vector<NDArray>& values, const NDArray& target) {
  const mxl_cuda_nccl_api& api = *gpu::nccl();
  std::vector<NDArray> sorted = values;  // one comm set per device set, in device order
  std::sort(sorted.begin(), sorted.end(), [](const NDArray& a, const NDArray& b) { return a.ctx().id < b.ctx().id; });
  std::vector<int> devs;
  std::vector<engine::Var*> reads;
  for (const auto& v : sorted) {
    devs.push_back(v.ctx().id);
    reads.push_back(v.var());
  }
  int root = int(std::find(devs.begin(), devs.end(), target.ctx().id) - devs.begin());
  for (int d : devs) gpu::stream(d);  // created outside the op: errors surface here
  engine::push(
      [&api, sorted, target, devs, root] {
        std::vector<void*> comms = local_comms(api, devs), streams;
        std::vector<const void*> send;
        for (size_t i = 0; i < sorted.size(); ++i) {
          streams.push_back(gpu::stream(devs[i]));
          send.push_back(sorted[i].data());
        }
        gpu::check(api.reduce_sum(int(devs.size()), comms.data(), devs.data(), send.data(), target.data(), root,
                                  target.size(), int(target.dtype()), streams.data()),
                   "summing GPU values with NCCL");
        if (gpu::sync_each_op())
          for (int d : devs) gpu::sync(d);
      },
      reads, {target.var()}, {target.ctx(), "kvstore_nccl_reduce"});
}

}  // namespace

void KVStore::place(const std::string& key, Entry& e, const std::vector<NDArray>& values) {
  e.placed = true;
  const NDArray& first = values[0];
  bool all_gpu = std::all_of(values.begin(), values.end(),
                             [](const NDArray& v) { return v.ctx().type == DevType::kGPU; });
  bool to_gpu = false;
  if (on_device_) {
    to_gpu = all_gpu && e.value.ctx().type == DevType::kCPU;
  } else if (dist_ && !async_) {
    // Every worker must take the same way for this key, or their collectives would not match.
    e.nccl = all_workers_agree(key, all_gpu && nccl_can_sum(first));
    if (e.nccl && dist_comm().dev < 0) dist_comm().dev = first.ctx().id;  // the comm is made at the first sum
    to_gpu = e.nccl;
  }
  if (!to_gpu || e.value.ctx() == first.ctx()) return;
  auto moved = [&](const NDArray& a) {
    NDArray m(a.shape(), a.dtype(), first.ctx());
    copy(a, m);
    return m;
  };
  e.value = moved(e.value);
  if (!e.merged.is_none()) e.merged = NDArray(e.value.shape(), e.value.dtype(), e.value.ctx());
  for (auto& st : e.states) st = moved(st);
}

bool KVStore::nccl_can_sum(const NDArray& value) const {
  if (value.ctx().type != DevType::kGPU || !nccl_dtype(value.dtype()) || !gpu::nccl()) return false;
  int dev = dist_comm().dev;
  return dev < 0 || dev == value.ctx().id;  // one comm per worker, on one GPU
}

bool KVStore::all_workers_agree(const std::string& key, bool mine) {
  NDArray flag(Shape{1}, DType::i32, Context::cpu(0));
  int32_t v = mine ? 1 : 0;
  flag.sync_copy_from(&v, sizeof v);
  allreduce(key, flag);
  flag.sync_copy_to(&v, sizeof v);
  return v == num_workers();
}

void KVStore::sum_local(const std::vector<NDArray>& values, const NDArray& target) {
  if (on_device_ && nccl_reduce_fits(values, target)) nccl_reduce(values, target);
  else sum_into(values, target);
}

void KVStore::sum_over_workers(const std::string& key, const Entry& e, const NDArray& a) {
  if (!e.nccl) {
    allreduce(key, a);
    return;
  }
  const mxl_cuda_nccl_api& api = *gpu::nccl();
  int dev = a.ctx().id;  // == dist_comm().dev (nccl_can_sum)
  double timeout = comm::timeout_s();
  gpu::stream(dev);
  engine::push(
      [&api, a, key, dev, timeout] {
        collective("NCCL allreduce", key, [&](const mxl_comm_api& mpi, char* err, size_t n) -> int {
          DistComm& dc = dist_comm();
          if (!dc.comm) {  // rank 0's unique id to every worker through MPI, then every rank joins
            char id[MXL_CUDA_NCCL_ID_BYTES] = {0};
            if (mpi.rank == 0 && api.unique_id(id) != 0) {
              snprintf(err, n, "ncclGetUniqueId: %s", gpu::last_error().c_str());
              return 1;
            }
            if (int rc = mpi.broadcast(id, sizeof id, 0, timeout, err, n)) return rc;
            if (api.comm_init_rank(dev, mpi.size, id, mpi.rank, &dc.comm) != 0) {
              snprintf(err, n, "ncclCommInitRank on gpu(%d): %s", dev, gpu::last_error().c_str());
              dc.comm = nullptr;
              return 1;
            }
          }
          void* buf = a.data();
          void* stream = gpu::stream(dev);
          if (api.allreduce_sum(1, &dc.comm, &dev, &buf, a.size(), int(a.dtype()), &stream) != 0 ||
              api.wait(1, &dc.comm, &dev, &stream, timeout) != 0) {
            snprintf(err, n, "%s", gpu::last_error().c_str());
            return 1;
          }
          return 0;
        });
      },
      {}, {a.var(), comm_var_}, {a.ctx(), "kvstore_nccl_allreduce"});
}

void KVStore::broadcast(const std::string& key, const NDArray& a) {
  double timeout = comm::timeout_s();
  engine::push(
      [a, key, timeout] {
        collective("broadcast (init)", key, [&](const mxl_comm_api& api, char* err, size_t n) {
          return api.broadcast(a.data(), int64_t(a.nbytes()), 0, timeout, err, n);
        });
      },
      {}, {a.var(), comm_var_}, {a.ctx(), "kvstore_broadcast"});
}

void KVStore::barrier() {
  std::vector<NDArray> values;
  {
    std::lock_guard<std::mutex> lk(mu_);
    for (const auto& k : order_) values.push_back(entries_[k]->value);
  }
  if (!dist_) {  // only this store's pending work (its values' writes)
    for (const auto& v : values) v.wait_to_read();
    return;
  }
  {
    std::lock_guard<std::mutex> lk(mu_);
    if (async_) {
      // Model averaging: sum every key over the workers, then divide by their number
      // (integer keys: the quotient rounded toward zero, as integer division does).
      static const OpDef& div = Registry::get("_div_scalar");
      Attrs by_n = Attrs::parse(&div, {{"scalar", std::to_string(num_workers())}});
      for (size_t i = 0; i < values.size(); ++i) {
        sum_over_workers(order_[i], *entries_[order_[i]], values[i]);
        invoke(div, {values[i]}, by_n, {values[i]});
      }
    }
  }
  double timeout = comm::timeout_s();
  engine::push(
      [timeout] {
        collective("barrier", "", [&](const mxl_comm_api& api, char* err, size_t n) {
          return api.barrier(timeout, err, n);
        });
      },
      {}, {comm_var_}, {Context::cpu(0), "kvstore_barrier"});
  engine::wait_to_read(comm_var_);
  for (const auto& v : values) v.wait_to_read();
}

// ------------------------------------------------------------ optimizer states

void KVStore::save_optimizer_states(const std::string& fname) const {
  std::vector<NDArray> arrays;
  std::vector<std::string> names;
  {
    std::lock_guard<std::mutex> lk(mu_);
    MXL_CHECK(opt_op_, Err::kInvalidArgument,
              "kvstore save_optimizer_states: no optimizer is set (call set_optimizer first)");
    // The optimizer's name, as bytes, so load can refuse states of another optimizer.
    const std::string& op = opt_op_->name;
    NDArray tag(Shape{int64_t(op.size())}, DType::u8, Context::cpu(0));
    tag.sync_copy_from(op.data(), op.size());
    arrays.push_back(tag);
    names.push_back("__optimizer__");
    for (const auto& k : order_) {
      const Entry& e = *entries_.at(k);
      NDArray count(Shape{1}, DType::i64, Context::cpu(0));
      count.sync_copy_from(&e.updates, sizeof e.updates);
      arrays.push_back(count);
      names.push_back(k + "#num_update");
      for (size_t i = 0; i < e.states.size(); ++i) {
        arrays.push_back(e.states[i]);
        names.push_back(k + "#" + opt_op_->inputs[i + 2]);
      }
    }
  }
  save(fname, arrays, names);
}

void KVStore::load_optimizer_states(const std::string& fname) {
  std::vector<NDArray> arrays;
  std::vector<std::string> names;
  load(fname, &arrays, &names);
  std::lock_guard<std::mutex> lk(mu_);
  MXL_CHECK(opt_op_, Err::kInvalidArgument,
            "kvstore load_optimizer_states: no optimizer is set (call set_optimizer first)");
  MXL_CHECK(!names.empty() && names[0] == "__optimizer__" && arrays[0].dtype() == DType::u8, Err::kIO,
            "kvstore load_optimizer_states: '", fname, "' is not a file of optimizer states");
  std::string saved_op(size_t(arrays[0].size()), '\0');
  arrays[0].sync_copy_to(saved_op.data(), saved_op.size());
  MXL_CHECK(saved_op == opt_op_->name, Err::kInvalidArgument, "kvstore load_optimizer_states: '", fname,
            "' holds states of ", saved_op, " but the optimizer is ", opt_op_->name);
  // Check everything first, then replace: a bad file leaves the states as they were.
  std::map<std::string, std::pair<int64_t, std::vector<NDArray>>> loaded;
  for (size_t i = 1; i < names.size(); ++i) {
    size_t hash = names[i].rfind('#');
    MXL_CHECK(hash != std::string::npos, Err::kIO, "kvstore load_optimizer_states: '", fname,
              "': unexpected entry '", names[i], "'");
    std::string key = names[i].substr(0, hash), what = names[i].substr(hash + 1);
    const Entry& e = entry(key, "load_optimizer_states");
    auto& slot = loaded[key];
    if (what == "num_update") {
      MXL_CHECK(arrays[i].dtype() == DType::i64 && arrays[i].size() == 1, Err::kIO,
                "kvstore load_optimizer_states: '", fname, "': bad update count of key '", key, "'");
      arrays[i].sync_copy_to(&slot.first, sizeof slot.first);
      continue;
    }
    size_t idx = slot.second.size();
    MXL_CHECK(idx + 2 < opt_op_->inputs.size() && opt_op_->inputs[idx + 2] == what, Err::kIO,
              "kvstore load_optimizer_states: '", fname, "': unexpected state '", what, "' of key '", key,
              "' for ", opt_op_->name);
    MXL_CHECK(arrays[i].shape() == e.value.shape(), Err::kShape, "kvstore load_optimizer_states: key '", key,
              "': state '", what, "' has shape ", arrays[i].shape(), " but the key has shape ", e.value.shape());
    slot.second.push_back(arrays[i]);
  }
  for (auto& [key, slot] : loaded) {
    Entry& e = *entries_.at(key);
    e.updates = slot.first;
    e.states.clear();
    for (const auto& s : slot.second) {
      NDArray dst(s.shape(), s.dtype(), e.value.ctx());
      copy(s, dst);
      e.states.push_back(dst);
    }
  }
}

}  // namespace mxl
