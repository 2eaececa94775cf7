#include "executor.h"

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <unordered_map>

#include "../cuda/loader.h"

namespace mxl {

namespace {

struct Value {
  Shape shape;
  int dtype = -1;
  int producer = -1;     // node index; -1 for bound arrays
  NDArray arr;           // set for bound arrays now, for internal values by the plan
  bool external = false; // bound by the user or an executor output: never planned
  std::string name;      // for messages and debug_str
};

struct GNode {
  const OpDef* op;
  Attrs attrs;
  std::string name;
  std::vector<int> in, out;
  bool backward = false;
  FCompute fused;  // set for a fused elementwise node (its kernel replaces op's)
};

// The operator that fused nodes report (debug_str, engine profiling); not registered.
const OpDef& fused_op() {
  static const OpDef* def = [] {
    auto* d = new OpDef;
    d->name = "_fused_elemwise";
    return d;
  }();
  return *def;
}

// A node's kernel call, prepared once at bind time.
struct Call {
  const FCompute* fn;
  const FComputeNDArray* nd = nullptr;  // custom operators: run inline on nd_in / nd_out
  std::vector<NDArray> nd_in, nd_out;
  const Attrs* attrs;
  std::vector<TBlob> in, out;
  std::vector<NDArray> keep;  // keeps chunks alive while work is queued
  std::vector<engine::Var*> reads, writes;
  std::mt19937_64* rng = nullptr;
  const char* name;
  bool small;
};

}  // namespace

struct Executor::Impl {
  Context ctx;
  std::vector<Value> vals;
  std::vector<GNode> nodes;
  int nfwd = 0;
  std::vector<int> order;                 // node indices to run: forward then backward
  size_t fwd_end = 0;                     // order[0, fwd_end) is the forward pass
  std::string fusion_note;                // debug_str: why fusion is off or a group stayed unfused
  std::vector<int> head_vals, head_grad_vals;
  std::vector<bool> head_grad_needed;
  std::vector<Call> calls;                // parallel to nodes
  bool forwarded = false, train_forwarded = false;
  bool has_backward = false;

  int new_value(const Shape& s, int dtype, int producer, std::string name) {
    Value v;
    v.shape = s;
    v.dtype = dtype;
    v.producer = producer;
    v.name = std::move(name);
    vals.push_back(std::move(v));
    return int(vals.size()) - 1;
  }

  int bound_value(const NDArray& a, std::string name) {
    int id = new_value(a.shape(), int(a.dtype()), -1, std::move(name));
    vals[size_t(id)].arr = a;
    vals[size_t(id)].external = true;
    return id;
  }

  // Appends a node and infers its outputs' shapes and dtypes from its inputs.
  std::vector<int> add_node(const OpDef* op, Attrs attrs, const std::vector<int>& in, const std::string& name,
                            bool backward) {
    std::vector<Shape> is, os(size_t(op->num_outs(attrs)));
    std::vector<int> it, ot(os.size(), -1);
    for (int v : in) {
      is.push_back(vals[size_t(v)].shape);
      it.push_back(vals[size_t(v)].dtype);
    }
    MXL_CHECK(int(in.size()) == op->num_inputs(attrs), Err::kInternal, op->name, ": node '", name, "' has ",
              in.size(), " inputs, expected ", op->num_inputs(attrs));
    std::vector<Shape> is0 = is;
    std::vector<int> it0 = it;
    try {
      if (op->infer_type) op->infer_type(attrs, it, ot);
      else type_same(attrs, it, ot);
      MXL_CHECK(bool(op->infer_shape), Err::kInternal, op->name, " has no shape rule");
      op->infer_shape(attrs, is, os);
    } catch (const Error& e) {
      fail(e.code, "bind: error in operator ", name, " (", op->name, "): ", e.what());
    }
    for (size_t i = 0; i < in.size(); ++i) {
      MXL_CHECK(is[i] == is0[i], Err::kShape, "bind: error in operator ", name, " (", op->name, "): input '",
                op->input_names(attrs)[i], "' (", vals[size_t(in[i])].name, ") has shape ", is0[i], " but ",
                is[i], " is required");
      MXL_CHECK(it[i] == it0[i], Err::kDType, "bind: error in operator ", name, " (", op->name, "): input '",
                op->input_names(attrs)[i], "' (", vals[size_t(in[i])].name, ") has dtype ",
                dtype_name(DType(it0[i])), " but ", dtype_name(DType(it[i])), " is required");
    }
    GNode n{op, std::move(attrs), name, in, {}, backward, {}};
    int idx = int(nodes.size());
    for (size_t i = 0; i < os.size(); ++i) {
      MXL_CHECK(os[i].known() && ot[i] >= 0, Err::kShape, "bind: cannot infer output ", i, " of operator ",
                name, " (", op->name, ")");
      n.out.push_back(new_value(os[i], ot[i], idx, name + (os.size() == 1 ? "_output" : "_output" + std::to_string(i))));
    }
    nodes.push_back(std::move(n));
    return nodes.back().out;
  }

  std::vector<int> add_op(const std::string& op, const std::vector<int>& in, const std::string& name,
                          const KV& params = {}, std::shared_ptr<void> state = nullptr) {
    const OpDef& d = Registry::get(op);
    return add_node(&d, Attrs::parse(&d, params, std::move(state)), in, name, true);
  }

  int sum(const std::vector<int>& parts, const std::string& name) {
    int acc = parts[0];
    for (size_t i = 1; i < parts.size(); ++i) acc = add_op("elemwise_add", {acc, parts[i]}, name + "_sum")[0];
    return acc;
  }

  struct Builder : GradGraph {
    Impl& im;
    int node;
    std::vector<int> og;
    Builder(Impl& i, int n, std::vector<int> g) : im(i), node(n), og(std::move(g)) {}
    GVal input(int i) override { return {im.nodes[size_t(node)].in.at(size_t(i))}; }
    GVal output(int i) override { return {im.nodes[size_t(node)].out.at(size_t(i))}; }
    GVal ograd(int i) override { return {og.at(size_t(i))}; }
    GVals op(const std::string& name, const GVals& in, const KV& params) override {
      return add(name, in, params, nullptr);
    }
    GVals op_stateful(const std::string& name, const GVals& in, const Attrs& forward) override {
      return add(name, in, forward.raw(), forward.state);
    }
    GVals add(const std::string& name, const GVals& in, const KV& params, std::shared_ptr<void> state) {
      std::vector<int> ids;
      for (const auto& g : in) {
        MXL_CHECK(g.valid(), Err::kInternal, "gradient of ", im.nodes[size_t(node)].op->name,
                  " passed an invalid value to ", name);
        ids.push_back(g.id);
      }
      std::string nm = im.nodes[size_t(node)].name + "_backward";
      GVals r;
      for (int v : im.add_op(name, ids, nm, params, std::move(state))) r.push_back({v});
      return r;
    }
  };

  void build_backward(const std::vector<int>& arg_vals, const std::vector<NDArray>& grads,
                      const std::vector<GradReq>& reqs) {
    std::vector<bool> needs(vals.size(), false);
    for (size_t i = 0; i < arg_vals.size(); ++i) needs[size_t(arg_vals[i])] = reqs[i] != GradReq::kNull;
    for (int n = 0; n < nfwd; ++n) {
      bool any = false;
      for (int v : nodes[size_t(n)].in) any |= needs[size_t(v)];
      for (int v : nodes[size_t(n)].out) needs[size_t(v)] = any;
    }
    std::unordered_map<int, std::vector<int>> contrib;
    for (size_t i = 0; i < head_vals.size(); ++i) {
      const Value& h = vals[size_t(head_vals[i])];
      NDArray hg(h.shape, DType(h.dtype), ctx);
      head_grad_vals.push_back(bound_value(hg, "head_grad" + std::to_string(i)));
      contrib[head_vals[i]].push_back(head_grad_vals.back());
    }
    for (int n = nfwd - 1; n >= 0; --n) {
      bool wanted = false, has = false;
      for (int v : nodes[size_t(n)].in) wanted |= needs[size_t(v)];
      for (int v : nodes[size_t(n)].out) has |= contrib.count(v) > 0;
      if (!wanted || !has) continue;
      const GNode& fn = nodes[size_t(n)];
      MXL_CHECK(bool(fn.op->grad), Err::kInvalidArgument, "backward: operator ", fn.name, " (", fn.op->name,
                ") is not differentiable; use grad_req='null' for the arguments that depend on it");
      std::vector<int> og;
      std::vector<int> outs = fn.out;
      std::string name = fn.name;
      for (int v : outs) {
        auto it = contrib.find(v);
        og.push_back(it != contrib.end() ? sum(it->second, name) : add_op("zeros_like", {v}, name + "_zeros")[0]);
      }
      Builder b(*this, n, og);
      // A copy: the gradient adds nodes while it runs, which may move `nodes`.
      const Attrs attrs = nodes[size_t(n)].attrs;
      GVals res = nodes[size_t(n)].op->grad(b, attrs);
      const GNode& fn2 = nodes[size_t(n)];
      MXL_CHECK(res.size() == fn2.in.size(), Err::kInternal, fn2.op->name, ": gradient returned ", res.size(),
                " values for ", fn2.in.size(), " inputs");
      for (size_t i = 0; i < res.size(); ++i) {
        int v = fn2.in[i];
        if (!res[i].valid() || !needs[size_t(v)]) continue;
        MXL_CHECK(vals[size_t(res[i].id)].shape == vals[size_t(v)].shape, Err::kInternal, fn2.op->name,
                  ": gradient of input ", i, " has shape ", vals[size_t(res[i].id)].shape, ", expected ",
                  vals[size_t(v)].shape);
        contrib[v].push_back(res[i].id);
      }
    }
    // Final gradients into the user's arrays.
    std::vector<int> consumers(vals.size(), 0);
    for (const auto& n : nodes)
      for (int v : n.in) ++consumers[size_t(v)];
    for (size_t i = 0; i < arg_vals.size(); ++i) {
      if (reqs[i] == GradReq::kNull) continue;
      const NDArray& g = grads[i];
      int av = arg_vals[i];
      std::string gname = vals[size_t(av)].name + "_grad";
      auto it = contrib.find(av);
      int gv = it != contrib.end() ? sum(it->second, gname) : add_op("zeros_like", {av}, gname)[0];
      consumers.resize(vals.size(), 0);  // gv may be a value just added (no consumers yet)
      Value& gval = vals[size_t(gv)];
      if (reqs[i] == GradReq::kWrite && gval.producer >= nfwd && !gval.external && consumers[size_t(gv)] == 0) {
        gval.arr = g;  // the producing node writes straight into the user's array
        gval.external = true;
      } else if (reqs[i] == GradReq::kWrite) {
        int out = add_op("_copy", {gv}, gname)[0];
        vals[size_t(out)].arr = g;
        vals[size_t(out)].external = true;
      } else {
        int cur = bound_value(g, gname);
        int out = add_op("elemwise_add", {cur, gv}, gname + "_add")[0];
        vals[size_t(out)].arr = g;
        vals[size_t(out)].external = true;
      }
    }
    head_grad_needed.assign(head_vals.size(), false);
  }

  // Keeps only backward nodes that lead to a user's gradient array.
  void prune_and_order() {
    std::vector<bool> live(nodes.size(), false), need(vals.size(), false);
    for (size_t v = 0; v < vals.size(); ++v)
      if (vals[v].external && vals[v].producer >= nfwd) need[v] = true;
    for (int n = int(nodes.size()) - 1; n >= nfwd; --n) {
      for (int v : nodes[size_t(n)].out) live[size_t(n)] = live[size_t(n)] || need[size_t(v)];
      if (live[size_t(n)])
        for (int v : nodes[size_t(n)].in) need[size_t(v)] = true;
    }
    for (int n = 0; n < nfwd; ++n) order.push_back(n);
    for (int n = nfwd; n < int(nodes.size()); ++n)
      if (live[size_t(n)]) order.push_back(n);
    for (size_t i = 0; i < head_grad_vals.size(); ++i) head_grad_needed[i] = need[size_t(head_grad_vals[i])];
    has_backward = int(order.size()) > nfwd;
    fwd_end = size_t(nfwd);
  }

  // ---- elementwise fusion (GPU; core/cuda/fusion_abi.h, docs/gpu.md)
  // Connected elementwise nodes of one pass (forward or backward) whose values all have
  // one shape and one float dtype become one node running one generated kernel. A
  // value is fused through only when its one reader is the next node of the chain and
  // it is no output or bound array: values read twice, by the backward pass, or by the
  // user stay in memory. So each chain is a tree that can run where its last node did.
  // Any failure (no NVRTC, no driver, a compile error) leaves the nodes unfused.
  void fuse(ExecPlanStats& st) {
    if (ctx.type != DevType::kGPU) return;
    const char* env = std::getenv("MXLITE_FUSION");
    if (env && std::string(env) == "0") {
      fusion_note = "off (MXLITE_FUSION=0)";
      return;
    }
    std::string why;
    const mxl_cuda_fusion_api* api = gpu::fusion_api(&why);
    if (!api) {
      fusion_note = "unavailable: " + why;
      return;
    }
    std::vector<int> replaced_by(nodes.size(), -1);  // chain member -> its fused node; -2: gone
    int failed = 0;
    for (const std::vector<int>& chain : fusion_chains(*api)) {
      int f = fused_node(*api, chain, &why);
      if (f < 0) {
        if (failed++ == 0) fusion_note = "chain " + why;
        continue;
      }
      for (int m : chain) replaced_by[size_t(m)] = -2;
      replaced_by[size_t(chain.back())] = f;
      ++st.fused_groups;
      st.fused_nodes += int(chain.size());
    }
    if (failed > 1) fusion_note += " (and " + std::to_string(failed - 1) + " more chains)";
    std::vector<int> kept;
    fwd_end = 0;
    for (int idx : order) {
      int r = replaced_by[size_t(idx)];
      if (r == -2) continue;
      int use = r >= 0 ? r : idx;
      kept.push_back(use);
      if (!nodes[size_t(use)].backward) ++fwd_end;
    }
    order = std::move(kept);
  }

  // The chains to fuse, each in execution order (its last node is its root), 2+ nodes.
  std::vector<std::vector<int>> fusion_chains(const mxl_cuda_fusion_api& api) const {
    std::vector<int> readers(vals.size(), 0);
    for (int idx : order)
      for (int v : nodes[size_t(idx)].in) ++readers[size_t(v)];
    auto is_float = [](int t) { return t == int(DType::f32) || t == int(DType::f64) || t == int(DType::f16); };
    std::vector<char> fusible(nodes.size(), 0);
    for (int idx : order) {
      const GNode& n = nodes[size_t(idx)];
      if (n.out.size() != 1 || api.fusible(n.op->name.c_str(), nullptr) != int(n.in.size())) continue;
      const Value& o = vals[size_t(n.out[0])];
      bool same = is_float(o.dtype);
      for (int v : n.in) same = same && vals[size_t(v)].shape == o.shape && vals[size_t(v)].dtype == o.dtype;
      fusible[size_t(idx)] = same;
    }
    // In execution order, a node absorbs the chain of each input whose only reader it is.
    std::vector<std::vector<int>> chain(nodes.size());  // by root node
    std::vector<char> absorbed(nodes.size(), 0);
    std::vector<size_t> pos(nodes.size(), 0);
    for (size_t p = 0; p < order.size(); ++p) pos[size_t(order[p])] = p;
    for (int idx : order) {
      if (!fusible[size_t(idx)]) continue;
      const GNode& n = nodes[size_t(idx)];
      std::vector<int> members;
      for (size_t k = 0; k < n.in.size(); ++k) {
        int v = n.in[k];
        if (std::find(n.in.begin(), n.in.begin() + long(k), v) != n.in.begin() + long(k)) continue;  // seen
        const Value& val = vals[size_t(v)];
        int p = val.producer;
        if (p < 0 || val.external || !fusible[size_t(p)] || absorbed[size_t(p)]) continue;
        if (nodes[size_t(p)].backward != n.backward) continue;
        if (readers[size_t(v)] != int(std::count(n.in.begin(), n.in.end(), v))) continue;
        members.insert(members.end(), chain[size_t(p)].begin(), chain[size_t(p)].end());
        chain[size_t(p)].clear();
        absorbed[size_t(p)] = 1;
      }
      members.push_back(idx);
      std::sort(members.begin(), members.end(), [&](int a, int b) { return pos[size_t(a)] < pos[size_t(b)]; });
      chain[size_t(idx)] = std::move(members);
    }
    std::vector<std::vector<int>> out;
    for (int idx : order)
      if (!absorbed[size_t(idx)] && chain[size_t(idx)].size() >= 2) out.push_back(chain[size_t(idx)]);
    return out;
  }

  // Builds the fused node of a chain and returns its index; -1 with "<names> not
  // fused: <why>" in *why when the plugin cannot (the chain's nodes then stay).
  int fused_node(const mxl_cuda_fusion_api& api, const std::vector<int>& chain, std::string* why) {
    std::vector<int> inputs;
    std::vector<mxl_fusion_step> steps;
    std::vector<double> scalars;
    std::unordered_map<int, int> step_of;  // value -> the step computing it
    std::string name;
    for (int m : chain) {
      const GNode& n = nodes[size_t(m)];
      mxl_fusion_step s{n.op->name.c_str(), {0, 0}, 0.0};
      for (size_t k = 0; k < n.in.size(); ++k) {
        int v = n.in[k];
        auto it = step_of.find(v);
        if (it != step_of.end()) {
          s.arg[k] = -it->second - 1;
          continue;
        }
        auto at = std::find(inputs.begin(), inputs.end(), v);
        s.arg[k] = int(at - inputs.begin());
        if (at == inputs.end()) inputs.push_back(v);
      }
      int takes_scalar = 0;
      api.fusible(n.op->name.c_str(), &takes_scalar);
      if (takes_scalar) s.scalar = n.attrs.f("scalar"), scalars.push_back(s.scalar);
      step_of[n.out[0]] = int(steps.size());
      steps.push_back(s);
      name += (name.empty() ? "" : "+") + n.name;
    }
    const GNode& last = nodes[size_t(chain.back())];
    int out_step = int(steps.size()) - 1;
    void* kernel = nullptr;
    char err[2048] = {0};
    if (api.build(ctx.id, vals[size_t(last.out[0])].dtype, steps.data(), int(steps.size()), int(inputs.size()),
                  &out_step, 1, &kernel, err, sizeof err) != 0) {
      *why = name + " not fused: " + err;
      return -1;
    }
    GNode f;
    f.op = &fused_op();
    f.attrs.op = f.op;
    f.name = name;
    f.in = inputs;
    f.out = last.out;
    f.backward = last.backward;
    std::string label = "_fused_elemwise(" + name + ")";
    f.fused = [kernel, scalars, label](const OpCtx& oc, const Attrs&, const std::vector<TBlob>& in,
                                      const std::vector<TBlob>& out) {
      gpu::run_fused(kernel, scalars, label.c_str(), oc, in, out);
    };
    int idx = int(nodes.size());
    nodes.push_back(std::move(f));
    vals[size_t(nodes.back().out[0])].producer = idx;
    return idx;
  }

  // Assigns storage to internal values: reuse by liveness, in place where declared.
  void plan(ExecPlanStats& st) {
    const char* env = std::getenv("MXLITE_MEMORY_PLAN");
    bool enabled = !(env && std::string(env) == "0");
    std::vector<int> last_use(vals.size(), -1);
    for (size_t p = 0; p < order.size(); ++p)
      for (int v : nodes[size_t(order[p])].in) last_use[size_t(v)] = int(p);
    struct Slot { size_t bytes; bool free; NDArray arr; };
    std::vector<Slot> slots;
    std::vector<int> slot_of(vals.size(), -1);
    auto bytes_of = [&](int v) { return size_t(vals[size_t(v)].shape.size()) * dtype_size(DType(vals[size_t(v)].dtype)); };
    for (size_t p = 0; p < order.size(); ++p) {
      const GNode& n = nodes[size_t(order[p])];
      std::vector<int> transferred;
      for (size_t oi = 0; oi < n.out.size(); ++oi) {
        int o = n.out[oi];
        if (vals[size_t(o)].external) continue;
        size_t need = bytes_of(o);
        st.naive_bytes += need;
        int chosen = -1;
        if (enabled) {
          for (auto [ii, io] : n.op->inplace_pairs_of(n.attrs)) {
            if (io != int(oi) || ii >= int(n.in.size())) continue;
            int iv = n.in[size_t(ii)];
            if (vals[size_t(iv)].external || slot_of[size_t(iv)] < 0 || last_use[size_t(iv)] != int(p)) continue;
            if (bytes_of(iv) != need || std::count(n.in.begin(), n.in.end(), iv) != 1) continue;
            if (std::find(transferred.begin(), transferred.end(), iv) != transferred.end()) continue;
            chosen = slot_of[size_t(iv)];
            transferred.push_back(iv);
            ++st.inplace;
            break;
          }
          if (chosen < 0) {  // best fit among free slots
            for (size_t s = 0; s < slots.size(); ++s)
              if (slots[s].free && slots[s].bytes >= need && slots[s].bytes <= 2 * need + 4096 &&
                  (chosen < 0 || slots[s].bytes < slots[size_t(chosen)].bytes))
                chosen = int(s);
          }
        }
        if (chosen < 0) {
          slots.push_back({need, false, NDArray()});
          chosen = int(slots.size()) - 1;
        }
        slots[size_t(chosen)].free = false;
        slot_of[size_t(o)] = chosen;
        if (last_use[size_t(o)] < 0 && enabled) slots[size_t(chosen)].free = true;  // never read
      }
      for (int v : n.in)
        if (!vals[size_t(v)].external && last_use[size_t(v)] == int(p) && slot_of[size_t(v)] >= 0 && enabled &&
            std::find(transferred.begin(), transferred.end(), v) == transferred.end())
          slots[size_t(slot_of[size_t(v)])].free = true;
    }
    for (auto& s : slots) {
      s.arr = NDArray(Shape{int64_t(s.bytes)}, DType::u8, ctx);
      st.planned_bytes += s.bytes;
    }
    for (size_t v = 0; v < vals.size(); ++v) {
      if (vals[v].external || slot_of[v] < 0) continue;
      vals[v].arr = NDArray(slots[size_t(slot_of[v])].arr.chunk(), vals[v].shape, DType(vals[v].dtype), 0);
    }
    // Values no node produced into a slot (can only be unused outputs): own storage.
    for (auto& v : vals)
      if (v.arr.is_none()) v.arr = NDArray(v.shape, DType(v.dtype), ctx);
  }

  void prepare() {
    calls.resize(nodes.size());
    for (int idx : order) {
      const GNode& n = nodes[size_t(idx)];
      Call& c = calls[size_t(idx)];
      c.fn = n.fused ? &n.fused : ctx.type == DevType::kCPU ? &n.op->cpu : &n.op->gpu;
      if (n.op->nd_compute && !n.fused) {
        c.nd = &n.op->nd_compute;
        for (int v : n.in) c.nd_in.push_back(vals[size_t(v)].arr);
        for (int v : n.out) c.nd_out.push_back(vals[size_t(v)].arr);
      }
      MXL_CHECK(c.nd || bool(*c.fn), Err::kDevice, "bind: operator ", n.name, " (", n.op->name, ") has no kernel for ",
                ctx.str());
      c.attrs = &n.attrs;
      c.name = n.op->name.c_str();
      int64_t work = 0;
      for (int v : n.in) {
        c.in.push_back(vals[size_t(v)].arr.blob());
        c.keep.push_back(vals[size_t(v)].arr);
        c.reads.push_back(vals[size_t(v)].arr.var());
        work += vals[size_t(v)].shape.size();
      }
      for (int v : n.out) {
        c.out.push_back(vals[size_t(v)].arr.blob());
        c.keep.push_back(vals[size_t(v)].arr);
        c.writes.push_back(vals[size_t(v)].arr.var());
        work += vals[size_t(v)].shape.size();
      }
      for (int m : n.op->mutated_inputs(n.attrs)) c.writes.push_back(vals[size_t(n.in[size_t(m)])].arr.var());
      if (n.op->needs_rng) {
        DeviceRng r = device_rng(ctx);
        c.rng = r.gen;
        c.writes.push_back(r.var);
      }
      c.small = work < (1 << 14);
    }
  }

  void run(size_t begin, size_t end, bool is_train, const std::shared_ptr<Impl>& self) {
    for (size_t p = begin; p < end; ++p) {
      Call* c = &calls[size_t(order[p])];
      if (c->nd) {
        // On this thread, in program order: the work it pushes on the node's arrays is
        // ordered by the engine before the nodes pushed after it that read them.
        OpCtx oc;
        oc.ctx = ctx;
        oc.is_train = is_train;
        (*c->nd)(oc, *c->attrs, c->nd_in, c->nd_out);
        continue;
      }
      engine::push(
          [c, is_train, self, ctx = ctx] {
            OpCtx oc;
            oc.ctx = ctx;
            oc.is_train = is_train;
            oc.rng = c->rng;
            (*c->fn)(oc, *c->attrs, c->in, c->out);
          },
          c->reads, c->writes, {ctx, c->name, c->small});
    }
  }
};

Executor::Executor(const Symbol& sym, Context ctx, std::vector<NDArray> args, std::vector<NDArray> grads,
                   std::vector<GradReq> reqs, std::vector<NDArray> aux)
    : impl_(std::make_shared<Impl>()), args_(std::move(args)), grads_(std::move(grads)), aux_(std::move(aux)) {
  Impl& im = *impl_;
  im.ctx = ctx;
  auto arg_nodes = sym.arg_nodes();
  auto aux_nodes = sym.aux_nodes();
  MXL_CHECK(args_.size() == arg_nodes.size(), Err::kInvalidArgument, "bind: the symbol has ", arg_nodes.size(),
            " arguments but ", args_.size(), " arrays were given");
  MXL_CHECK(aux_.size() == aux_nodes.size(), Err::kInvalidArgument, "bind: the symbol has ", aux_nodes.size(),
            " auxiliary states but ", aux_.size(), " arrays were given");
  if (reqs.empty()) reqs.assign(args_.size(), GradReq::kNull);
  if (grads_.empty()) grads_.resize(args_.size());
  MXL_CHECK(reqs.size() == args_.size() && grads_.size() == args_.size(), Err::kInvalidArgument,
            "bind: gradient arrays / grad_req must have one entry per argument");
  std::unordered_map<const Node*, std::vector<int>> out_of;
  std::vector<int> arg_vals;
  for (size_t i = 0; i < arg_nodes.size(); ++i) {
    const std::string& nm = arg_nodes[i]->name;
    MXL_CHECK(!args_[i].is_none(), Err::kInvalidArgument, "bind: argument '", nm, "' has no array");
    MXL_CHECK(args_[i].ctx() == ctx, Err::kDevice, "bind: argument '", nm, "' is on ", args_[i].ctx().str(),
              " but the executor is bound to ", ctx.str());
    if (reqs[i] != GradReq::kNull) {
      MXL_CHECK(!grads_[i].is_none(), Err::kInvalidArgument, "bind: argument '", nm,
                "' needs a gradient array (grad_req is not 'null')");
      MXL_CHECK(grads_[i].shape() == args_[i].shape(), Err::kShape, "bind: gradient array of '", nm, "' has shape ",
                grads_[i].shape(), " but the argument has shape ", args_[i].shape());
    }
    arg_vals.push_back(im.bound_value(args_[i], nm));
    out_of[arg_nodes[i].get()] = {arg_vals.back()};
  }
  for (size_t i = 0; i < aux_nodes.size(); ++i) {
    MXL_CHECK(!aux_[i].is_none(), Err::kInvalidArgument, "bind: auxiliary state '", aux_nodes[i]->name,
              "' has no array");
    out_of[aux_nodes[i].get()] = {im.bound_value(aux_[i], aux_nodes[i]->name)};
  }
  for (const auto& n : sym.topo()) {
    if (n->is_var()) continue;
    std::vector<int> in;
    for (const auto& e : n->inputs) in.push_back(out_of.at(e.node.get())[size_t(e.index)]);
    // Stateful ops (Custom) get a state of their own per executor.
    Attrs attrs = n->op->make_state ? Attrs::parse(n->op, n->params) : n->attrs;
    out_of[n.get()] = im.add_node(n->op, std::move(attrs), in, n->name, false);
  }
  im.nfwd = int(im.nodes.size());
  // Graph outputs get arrays of their own (unless an output is an argument itself).
  for (const auto& e : sym.heads) {
    int v = out_of.at(e.node.get())[size_t(e.index)];
    Value& val = im.vals[size_t(v)];
    if (!val.external) {
      val.arr = NDArray(val.shape, DType(val.dtype), ctx);
      val.external = true;
    }
    im.head_vals.push_back(v);
  }
  bool any_grad = std::any_of(reqs.begin(), reqs.end(), [](GradReq r) { return r != GradReq::kNull; });
  if (any_grad) im.build_backward(arg_vals, grads_, reqs);
  im.prune_and_order();
  stats_.forward_nodes = im.nfwd;
  stats_.backward_nodes = int(im.order.size()) - im.nfwd;
  im.fuse(stats_);
  im.plan(stats_);
  im.prepare();
  for (int v : im.head_vals) outputs_.push_back(im.vals[size_t(v)].arr);
}

Executor::~Executor() = default;

void Executor::forward(bool is_train) {
  Impl& im = *impl_;
  im.run(0, im.fwd_end, is_train, impl_);
  im.forwarded = true;
  im.train_forwarded = is_train;
}

void Executor::backward(const std::vector<NDArray>& head_grads) {
  Impl& im = *impl_;
  MXL_CHECK(im.has_backward, Err::kInvalidArgument,
            "backward: this executor computes no gradients (bind with args_grad and grad_req other than 'null')");
  MXL_CHECK(im.forwarded, Err::kInvalidArgument, "backward: call forward(is_train=True) before backward");
  MXL_CHECK(head_grads.empty() || head_grads.size() == im.head_vals.size(), Err::kInvalidArgument,
            "backward: got ", head_grads.size(), " head gradients for ", im.head_vals.size(), " outputs");
  for (size_t i = 0; i < im.head_vals.size(); ++i) {
    const Value& h = im.vals[size_t(im.head_vals[i])];
    if (head_grads.empty() || head_grads[i].is_none()) {
      MXL_CHECK(!im.head_grad_needed[i], Err::kInvalidArgument, "backward: output ", i, " (", h.name,
                ") is not a loss, so its gradient must be given (out_grads)");
      continue;
    }
    MXL_CHECK(head_grads[i].shape() == h.shape, Err::kShape, "backward: head gradient ", i, " has shape ",
              head_grads[i].shape(), " but output ", h.name, " has shape ", h.shape);
    if (im.head_grad_needed[i]) copy(head_grads[i], im.vals[size_t(im.head_grad_vals[i])].arr);
  }
  im.run(im.fwd_end, im.order.size(), im.train_forwarded, impl_);
}

std::string Executor::debug_str() const {
  const Impl& im = *impl_;
  std::ostringstream os;
  os << "Symbol outputs: " << im.head_vals.size() << "\n";
  for (int idx : im.order) {
    const auto& n = im.nodes[size_t(idx)];
    os << (n.backward ? "Backward " : "Op ") << n.op->name << ", Name=" << n.name << "\n";
    for (size_t i = 0; i < n.in.size(); ++i)
      os << "\targ[" << i << "]=" << im.vals[size_t(n.in[i])].name << " " << im.vals[size_t(n.in[i])].shape << "\n";
  }
  os << "Total " << (stats_.planned_bytes >> 20) << " MB allocated\n";
  os << "Memory plan: planned " << stats_.planned_bytes << " bytes, naive " << stats_.naive_bytes << " bytes, "
     << stats_.inplace << " in-place\n";
  if (im.ctx.type == DevType::kGPU)
    os << "Fusion: " << stats_.fused_groups << " fused kernels replace " << stats_.fused_nodes << " nodes"
       << (im.fusion_note.empty() ? "" : "; " + im.fusion_note) << "\n";
  return os.str();
}

}  // namespace mxl
