#include "ndarray.h"

#include <cstring>
#include <map>
#include <mutex>

#include "../storage/storage.h"
#include "autograd.h"
#include "device.h"

namespace mxl {

// ------------------------------------------------------------------- chunks
Chunk::Chunk(Context c, size_t nbytes) : ptr(storage::alloc(c, nbytes)), bytes(nbytes), ctx(c) {
  var = engine::new_var();
}
Chunk::Chunk(Context c, void* p, size_t nbytes, std::function<void()> release)
    : ptr(p), bytes(nbytes), ctx(c), external_free(std::move(release)) {
  var = engine::new_var();
}
Chunk::~Chunk() {
  // Every op that used this chunk held a reference, so none can still touch the memory.
  engine::release_var(var);
  if (external_free) external_free();
  else storage::free(ctx, ptr, bytes);
}

// ------------------------------------------------------------------ NDArray
namespace {
// Bytes of an array of this shape and dtype, validated *before* anything is allocated:
// a negative dim or an element count whose byte size overflows is an error, not a
// huge (or wrapped, too small) allocation.
size_t checked_nbytes(const Shape& shape, DType dtype) {
  MXL_CHECK(shape.known(), Err::kShape, "cannot create an array of unknown shape");
  for (int i = 0; i < shape.ndim; ++i)
    MXL_CHECK(shape[i] >= 0, Err::kShape, "negative dimension in shape ", shape);
  size_t bytes = 0;
  MXL_CHECK(!__builtin_mul_overflow(size_t(shape.size()), dtype_size(dtype), &bytes), Err::kOutOfMemory,
            "cannot create an array of shape ", shape, ": its byte size overflows");
  return bytes;
}
}  // namespace

NDArray::NDArray(const Shape& shape, DType dtype, Context ctx)
    : chunk_(std::make_shared<Chunk>(ctx, checked_nbytes(shape, dtype))), shape_(shape), dtype_(dtype) {}

NDArray NDArray::reshape(const Shape& s) const {
  MXL_CHECK(s.size() == size(), Err::kShape, "reshape: cannot view an array of shape ", shape_,
            " (size ", size(), ") as shape ", s, " (size ", s.size(), ")");
  return NDArray(chunk_, s, dtype_, offset_);
}

NDArray NDArray::slice(int64_t begin, int64_t end) const {
  MXL_CHECK(shape_.ndim >= 1, Err::kIndex, "slice: cannot slice a 0-d array");
  int64_t n = shape_[0];
  if (begin < 0) begin += n;
  if (end < 0) end += n;
  MXL_CHECK(begin >= 0 && begin <= end && end <= n, Err::kIndex, "slice: [", begin, ", ", end,
            ") is out of range for axis 0 of size ", n);
  Shape s = shape_;
  s[0] = end - begin;
  size_t row = size_t(n ? size() / n : 0) * dtype_size(dtype_);
  return NDArray(chunk_, s, dtype_, offset_ + size_t(begin) * row);
}

NDArray NDArray::at(int64_t idx) const {
  MXL_CHECK(shape_.ndim >= 1, Err::kIndex, "index: cannot index a 0-d array");
  int64_t n = shape_[0];
  MXL_CHECK(idx >= -n && idx < n, Err::kIndex, "index ", idx, " is out of bounds for axis 0 with size ", n);
  if (idx < 0) idx += n;
  NDArray r = slice(idx, idx + 1);
  Shape s;
  s.ndim = shape_.ndim - 1;
  for (int i = 1; i < shape_.ndim; ++i) s[i - 1] = shape_[i];
  r.shape_ = s;
  return r;
}

void NDArray::sync_copy_from(const void* src, size_t nbytes) const {
  MXL_CHECK(nbytes == this->nbytes(), Err::kInvalidArgument, "copy from host: got ", nbytes,
            " bytes but the array holds ", this->nbytes(), " (shape ", shape_, ", ", dtype_name(dtype_), ")");
  if (ctx().type != DevType::kCPU) return device_sync_copy_from(*this, src, nbytes);
  // Written through the engine so the copy is ordered with other work and clears errors.
  void* dst = data();
  // An empty array may have no buffer and src may be NULL: memcpy forbids NULL even for 0 bytes.
  engine::push([dst, src, nbytes] { if (nbytes) std::memcpy(dst, src, nbytes); }, {}, {var()},
               {ctx(), "copy_from_host", true});
  engine::wait_to_read(var());
}

void NDArray::sync_copy_to(void* dst, size_t nbytes) const {
  MXL_CHECK(nbytes == this->nbytes(), Err::kInvalidArgument, "copy to host: buffer has ", nbytes,
            " bytes but the array holds ", this->nbytes(), " (shape ", shape_, ", ", dtype_name(dtype_), ")");
  if (ctx().type != DevType::kCPU) return device_sync_copy_to(*this, dst, nbytes);
  wait_to_read();
  if (nbytes) std::memcpy(dst, data(), nbytes);
}

// ------------------------------------------------------------------ contexts
Context parse_context(const std::string& s) {
  auto parse = [&](const char* pre, DevType t, Context* out) {
    size_t n = std::strlen(pre);
    if (s.compare(0, n, pre) != 0) return false;
    std::string rest = s.substr(n);
    if (rest.empty()) { *out = {t, 0}; return true; }
    if (rest.size() < 3 || rest.front() != '(' || rest.back() != ')') return false;
    char* end;
    long id = std::strtol(rest.c_str() + 1, &end, 10);
    if (*end != ')' || id < 0) return false;
    *out = {t, int(id)};
    return true;
  };
  Context c;
  if (parse("cpu", DevType::kCPU, &c) || parse("gpu", DevType::kGPU, &c)) return c;
  fail(Err::kInvalidArgument, "bad context '", s, "': expected cpu(i) or gpu(i)");
}

// ------------------------------------------------------------------- random
namespace {
struct RngState {
  std::mt19937_64 gen;
  engine::Var* var;
};
std::mutex rng_mu;
bool g_seeded = false;  // mx.random.seed(all) also seeds devices first used later
int64_t g_seed = 0;
std::map<std::pair<int, int>, RngState*>& rng_table() {
  static auto* t = new std::map<std::pair<int, int>, RngState*>;  // lives for the process
  return *t;
}
uint64_t mix_seed(int64_t seed, Context c) {
  uint64_t x = uint64_t(seed) * 0x9E3779B97F4A7C15ull + uint64_t(int(c.type)) * 1000003ull + uint64_t(c.id);
  x ^= x >> 31;
  return x;
}
RngState* rng_for(Context c) {
  std::lock_guard<std::mutex> lk(rng_mu);
  auto& t = rng_table();
  auto key = std::make_pair(int(c.type), c.id);
  auto it = t.find(key);
  if (it != t.end()) return it->second;
  int64_t seed = g_seeded ? g_seed : int64_t(std::random_device{}());
  auto* s = new RngState{std::mt19937_64(mix_seed(seed, c)), engine::new_var()};
  t[key] = s;
  return s;
}
}  // namespace

void random_seed(int64_t seed, int dev_type, int dev_id) {
  std::vector<Context> ctxs;
  if (dev_type < 0) {
    std::lock_guard<std::mutex> lk(rng_mu);
    g_seeded = true;
    g_seed = seed;
    for (auto& [k, v] : rng_table()) ctxs.push_back({DevType(k.first), k.second});
    if (ctxs.empty()) ctxs.push_back(Context::cpu(0));
  } else {
    MXL_CHECK(dev_type == 1 || dev_type == 2, Err::kInvalidArgument, "random seed: bad device type ", dev_type);
    ctxs.push_back({DevType(dev_type), dev_id});
  }
  for (Context c : ctxs) {
    RngState* s = rng_for(c);
    uint64_t m = mix_seed(seed, c);
    engine::push([s, m] { s->gen.seed(m); }, {}, {s->var}, {c, "random_seed", true});
  }
}

DeviceRng device_rng(Context ctx) {
  RngState* s = rng_for(ctx);
  return {&s->gen, s->var};
}

namespace {
thread_local bool t_training = false;
}
bool is_training() { return t_training; }
bool set_training(bool on) {
  bool prev = t_training;
  t_training = on;
  return prev;
}

// ------------------------------------------------------------------- invoke
namespace {

Context invoke_context(const OpDef& op, const std::vector<NDArray>& in, const Attrs& attrs,
                       const std::vector<NDArray>& outs) {
  if (!in.empty()) {
    Context c = in[0].ctx();
    for (size_t i = 1; i < in.size(); ++i)
      MXL_CHECK(in[i].ctx() == c, Err::kDevice, op.name, ": input 0 is on ", c.str(), " but input ", i,
                " is on ", in[i].ctx().str());
    return c;
  }
  int ci = op.param_index("ctx");
  if (ci >= 0 && !attrs.s("ctx").empty()) return parse_context(attrs.s("ctx"));
  for (const auto& o : outs)
    if (!o.is_none()) return o.ctx();
  return Context::cpu(0);
}

void copy_kernel(const TBlob& src, const TBlob& dst) {
  int64_t n = src.size();
  if (src.dtype == dst.dtype) {
    if (src.data != dst.data) std::memmove(dst.data, src.data, size_t(n) * dtype_size(src.dtype));
    return;
  }
  MXL_TYPE_SWITCH(src.dtype, S, {
    MXL_TYPE_SWITCH(dst.dtype, D, {
      const S* s = src.ptr<S>();
      D* d = dst.ptr<D>();
      parallel_for(n, kParallelGrain, [&](int64_t b, int64_t e) {
        for (int64_t i = b; i < e; ++i) d[i] = static_cast<D>(s[i]);
      });
    });
  });
}

constexpr int64_t kSmallOp = 1 << 14;  // elements touched below which an op may run inline

// One kernel call, described on the caller's stack (inline path) or in a closure.
struct KernelCall {
  const FCompute* fn;
  const Attrs* attrs;
  const std::vector<NDArray>* in;
  const std::vector<NDArray>* out;
  Context ctx;
  std::mt19937_64* rng;
  bool train;
};

void run_kernel(void* p) {
  auto* k = static_cast<KernelCall*>(p);
  OpCtx oc;
  oc.ctx = k->ctx;
  oc.is_train = k->train;
  oc.rng = k->rng;
  thread_local std::vector<TBlob> ib, ob;  // reused: no allocation per call
  ib.resize(k->in->size());
  ob.resize(k->out->size());
  for (size_t i = 0; i < ib.size(); ++i) ib[i] = (*k->in)[i].blob();
  for (size_t i = 0; i < ob.size(); ++i) ob[i] = (*k->out)[i].blob();
  (*k->fn)(oc, *k->attrs, ib, ob);
}

// Copies results computed into temporaries back to the aliased outputs, and records
// the op for autograd.
std::vector<NDArray> finish_invoke(const OpDef& op, const Attrs& attrs, const std::vector<NDArray>& in,
                                   std::vector<NDArray> results, const std::vector<NDArray>& write_back) {
  for (size_t i = 0; i < write_back.size(); ++i) {
    if (write_back[i].is_none()) continue;
    copy(results[i], write_back[i]);
    results[i] = write_back[i];
  }
  if (autograd::is_recording()) autograd::record(op, attrs, in, results);
  return results;
}

}  // namespace

std::vector<NDArray> invoke(const OpDef& op, const std::vector<NDArray>& in, Attrs attrs,
                            std::vector<NDArray> outs) {
  int nin = op.num_inputs(attrs);
  // The names are listed only for a short list: a fuzzed num_args of 2^31 must not build
  // two billion strings on the way to its error.
  MXL_CHECK(int(in.size()) == nin, Err::kInvalidArgument, op.name, ": expected ", nin, " input(s)",
            [&] {
              if (nin < 0 || nin > 16) return std::string();
              std::string s;
              for (auto& n : op.input_names(attrs)) s += (s.empty() ? " (" : ", ") + n;
              return s.empty() ? s : s + ")";
            }(),
            ", got ", in.size());
  for (size_t i = 0; i < in.size(); ++i)
    MXL_CHECK(!in[i].is_none(), Err::kInvalidArgument, op.name, ": input ", i, " is empty");
  int nout = op.num_outs(attrs);
  // No output arrays given (the usual call) is "all new": outs stays empty, unallocated.
  MXL_CHECK(outs.empty() || int(outs.size()) == nout, Err::kInvalidArgument, op.name, ": has ", nout,
            " output(s), got ", outs.size(), " output array(s)");
  static const NDArray kNone;
  auto given = [&](int i) -> const NDArray& { return outs.empty() ? kNone : outs[size_t(i)]; };
  Context ctx = invoke_context(op, in, attrs, outs);

  // dtypes (scratch vectors reused per thread: the dispatch path allocates little)
  thread_local std::vector<int> it, ot;
  thread_local std::vector<Shape> is, os;
  it.resize(in.size());
  ot.assign(size_t(nout), -1);
  for (size_t i = 0; i < in.size(); ++i) it[i] = int(in[i].dtype());
  for (int i = 0; i < nout; ++i)
    if (!given(i).is_none()) ot[i] = int(given(i).dtype());
  bool tok = op.infer_type ? op.infer_type(attrs, it, ot) : type_same(attrs, it, ot);
  if (!tok && in.empty())  // creation ops without a dtype rule default to float32
    for (auto& t : ot) if (t < 0) t = int(DType::f32);
  for (size_t i = 0; i < in.size(); ++i)
    MXL_CHECK(it[i] == int(in[i].dtype()), Err::kDType, op.name, ": input ", i, " (", op.input_names(attrs)[i],
              ") has dtype ", dtype_name(in[i].dtype()), " but ", dtype_name(DType(it[i])), " is expected");
  for (int i = 0; i < nout; ++i)
    MXL_CHECK(ot[i] >= 0, Err::kDType, op.name, ": cannot infer the dtype of output ", i);

  // shapes
  is.resize(in.size());
  os.assign(size_t(nout), Shape());
  for (size_t i = 0; i < in.size(); ++i) is[i] = in[i].shape();
  for (int i = 0; i < nout; ++i)
    if (!given(i).is_none()) os[i] = given(i).shape();
  MXL_CHECK(bool(op.infer_shape), Err::kInternal, op.name, ": has no shape rule");
  if (op.infer_shape_values) {
    // A data-dependent output shape: wait for the inputs it reads, on the host.
    std::vector<NDArray> host(in.size());
    std::vector<TBlob> blobs(in.size());
    for (size_t i = 0; i < in.size(); ++i) blobs[i] = TBlob{nullptr, in[i].shape(), in[i].dtype(), in[i].ctx()};
    for (int i : op.shape_value_inputs) {
      host[size_t(i)] = in[size_t(i)];
      if (in[size_t(i)].ctx().type != DevType::kCPU) {
        host[size_t(i)] = NDArray(in[size_t(i)].shape(), in[size_t(i)].dtype(), Context::cpu());
        copy(in[size_t(i)], host[size_t(i)]);
      }
      host[size_t(i)].wait_to_read();
      blobs[size_t(i)] = host[size_t(i)].blob();
    }
    op.infer_shape_values(attrs, blobs, os);
  } else {
    op.infer_shape(attrs, is, os);
  }
  for (size_t i = 0; i < in.size(); ++i)
    MXL_CHECK(is[i] == in[i].shape(), Err::kShape, op.name, ": input ", i, " (", op.input_names(attrs)[i],
              ") has shape ", in[i].shape(), " but ", is[i], " is expected");
  for (int i = 0; i < nout; ++i)
    MXL_CHECK(os[i].known(), Err::kShape, op.name, ": cannot infer the shape of output ", i);

  // outputs: given ones must match; ones that alias an input the kernel cannot
  // handle are computed into a temporary and copied back.
  std::vector<NDArray> results(nout), write_back;
  for (int i = 0; i < nout; ++i) {
    if (given(i).is_none()) {
      results[i] = NDArray(os[i], DType(ot[i]), ctx);
      continue;
    }
    MXL_CHECK(outs[i].shape() == os[i], Err::kShape, op.name, ": output ", i, " has shape ",
              outs[i].shape(), " but the result has shape ", os[i]);
    MXL_CHECK(outs[i].ctx() == ctx, Err::kDevice, op.name, ": output ", i, " is on ", outs[i].ctx().str(),
              " but the inputs are on ", ctx.str());
    bool alias = false;
    for (size_t j = 0; j < in.size(); ++j) {
      if (in[j].chunk() != outs[i].chunk()) continue;
      bool declared = false;
      thread_local std::vector<std::pair<int, int>> pairs_by_params;  // ops whose pairs depend on params
      if (op.inplace_pairs_fn) pairs_by_params = op.inplace_pairs_fn(attrs);
      for (auto [a, b] : op.inplace_pairs_fn ? pairs_by_params : op.inplace_pairs)
        declared |= a == int(j) && b == i && in[j].offset() == outs[i].offset() && in[j].shape() == outs[i].shape();
      alias |= !declared;
    }
    if (alias) {
      results[i] = NDArray(os[i], DType(ot[i]), ctx);
      write_back.resize(size_t(nout));
      write_back[i] = outs[i];
    } else {
      results[i] = outs[i];
    }
  }

  if (op.nd_compute) {  // custom operators: run here, in program order, on the arrays
    OpCtx oc;
    oc.ctx = ctx;
    oc.is_train = t_training;
    op.nd_compute(oc, attrs, in, results);
    return finish_invoke(op, attrs, in, std::move(results), write_back);
  }

  // engine: small ops whose arrays are idle run right here, without a closure;
  // everything else is pushed and runs when its dependencies allow.
  // (The var lists live on the stack for the usual few arrays: the inline path then
  // allocates nothing for them; a pushed op copies them.)
  thread_local std::vector<int> mutated_by_params;  // ops whose mutated inputs depend on params
  if (op.mutate_inputs_fn) mutated_by_params = op.mutate_inputs_fn(attrs);
  const std::vector<int>& mutated = op.mutate_inputs_fn ? mutated_by_params : op.mutate_inputs;
  size_t nreads = in.size(), nwrites = size_t(nout) + mutated.size() + (op.needs_rng ? 1 : 0);
  constexpr size_t kStackVars = 8;
  engine::Var* stack_vars[2 * kStackVars];
  std::vector<engine::Var*> heap_vars;
  engine::Var** reads = stack_vars;
  engine::Var** writes = stack_vars + kStackVars;
  if (nreads > kStackVars || nwrites > kStackVars) {
    heap_vars.resize(nreads + nwrites);
    reads = heap_vars.data();
    writes = reads + nreads;
  }
  int64_t work = 0;
  size_t nw = 0;
  for (size_t i = 0; i < nreads; ++i) { reads[i] = in[i].var(); work += in[i].size(); }
  for (const auto& a : results) { writes[nw++] = a.var(); work += a.size(); }
  for (int m : mutated) writes[nw++] = in[m].var();
  RngState* rng = nullptr;
  if (op.needs_rng) {
    rng = rng_for(ctx);
    writes[nw++] = rng->var;
  }
  const FCompute* fn = ctx.type == DevType::kCPU ? &op.cpu : &op.gpu;
  MXL_CHECK(bool(*fn), Err::kDevice, op.name, ": no kernel for ", ctx.str());
  KernelCall call{fn, &attrs, &in, &results, ctx, rng ? &rng->gen : nullptr, t_training};
  bool done = work < kSmallOp &&
              engine::run_if_idle(reads, int(nreads), writes, int(nwrites), op.name.c_str(), run_kernel, &call);
  std::shared_ptr<const Attrs> attrs_keep;
  if (!done) {
    attrs_keep = std::make_shared<const Attrs>(std::move(attrs));
    engine::push(
        [attrs_keep, in, results, c = call]() mutable {
          c.attrs = attrs_keep.get();
          c.in = &in;
          c.out = &results;
          run_kernel(&c);
        },
        std::vector<engine::Var*>(reads, reads + nreads), std::vector<engine::Var*>(writes, writes + nwrites),
        {ctx, op.name.c_str(), false});
  }
  return finish_invoke(op, attrs_keep ? *attrs_keep : attrs, in, std::move(results), write_back);
}

std::vector<NDArray> invoke(const std::string& name, const std::vector<NDArray>& in, const KV& params) {
  const OpDef& op = Registry::get(name);
  return invoke(op, in, Attrs::parse(&op, params));
}

void copy(const NDArray& src, const NDArray& dst) {
  MXL_CHECK(src.size() == dst.size(), Err::kShape, "copyto: source shape ", src.shape(),
            " and destination shape ", dst.shape(), " differ in size");
  if (src.var() == dst.var() && src.offset() == dst.offset() && src.dtype() == dst.dtype()) return;
  if (src.ctx().type != DevType::kCPU || dst.ctx().type != DevType::kCPU) return device_copy(src, dst);
  engine::push([src, dst] { copy_kernel(src.blob(), dst.blob()); }, {src.var()}, {dst.var()},
               {dst.ctx(), "copyto", src.size() < kSmallOp});
}

}  // namespace mxl
