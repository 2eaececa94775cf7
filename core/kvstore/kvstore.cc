#include "kvstore.h"

#include <algorithm>
#include <sstream>

#include "comm.h"

namespace mxl {

namespace {

const char* kTypes[] = {"local", "device", "dist_sync", "dist_async"};

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

}  // namespace

std::unique_ptr<KVStore> KVStore::create(const std::string& type_in) {
  std::string t = canonical_type(type_in);
  bool known = std::find(std::begin(kTypes), std::end(kTypes), t) != std::end(kTypes);
  MXL_CHECK(known, Err::kInvalidArgument, "kvstore: unknown type '", type_in,
            "': expected 'local', 'device', 'dist_sync' or 'dist_async'");
  std::unique_ptr<KVStore> kv(new KVStore(t));
  kv->dist_ = t.rfind("dist", 0) == 0;
  kv->async_ = t == "dist_async";
  kv->on_device_ = t == "device";
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
  copy(value, e->value);
  if (dist_) broadcast(key, e->value);  // every worker starts from rank 0's value
  entries_[key] = std::move(e);
  order_.push_back(key);
}

void KVStore::push(const std::string& key, const std::vector<NDArray>& values) {
  std::lock_guard<std::mutex> lk(mu_);
  Entry& e = entry(key, "push");
  MXL_CHECK(!values.empty(), Err::kInvalidArgument, "kvstore push: key '", key, "': no values given");
  for (size_t i = 0; i < values.size(); ++i) check_value(e, key, values[i], i, "push");
  if (!opt_op_) {
    sum_into(values, e.value);
    if (dist_ && !async_) allreduce(key, e.value);
    return;
  }
  if (e.merged.is_none()) e.merged = NDArray(e.value.shape(), e.value.dtype(), e.value.ctx());
  sum_into(values, e.merged);
  if (dist_ && !async_) allreduce(key, e.merged);
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
        allreduce(order_[i], values[i]);
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
