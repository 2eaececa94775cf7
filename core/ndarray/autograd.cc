#include "autograd.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace mxl {
namespace autograd {

namespace {
thread_local bool t_recording = false;

// Evaluates a gradient graph imperatively: GVal ids index `vals`.
struct Eval : GradGraph {
  std::vector<NDArray>& vals;
  std::vector<int> in, out, og;
  explicit Eval(std::vector<NDArray>& v) : vals(v) {}
  GVal input(int i) override { return {in.at(size_t(i))}; }
  GVal output(int i) override { return {out.at(size_t(i))}; }
  GVal ograd(int i) override { return {og.at(size_t(i))}; }
  GVals op(const std::string& name, const GVals& ins, const KV& params) override {
    std::vector<NDArray> a;
    for (const auto& g : ins) a.push_back(vals.at(size_t(g.id)));
    GVals r;
    for (auto& o : invoke(name, a, params)) {
      vals.push_back(o);
      r.push_back({int(vals.size()) - 1});
    }
    return r;
  }
  GVals op_stateful(const std::string& name, const GVals& ins, const Attrs& forward) override {
    const OpDef& d = Registry::get(name);
    std::vector<NDArray> a;
    for (const auto& g : ins) a.push_back(vals.at(size_t(g.id)));
    GVals r;
    for (auto& o : invoke(d, a, Attrs::parse(&d, forward.raw(), forward.state))) {
      vals.push_back(o);
      r.push_back({int(vals.size()) - 1});
    }
    return r;
  }
  int add(const NDArray& a) {
    vals.push_back(a);
    return int(vals.size()) - 1;
  }
};

NDArray plain(const NDArray& a) {  // the value without its tape link
  NDArray v = a;
  v.ag.reset();
  return v;
}

// The op that function nodes report (never registered, never run).
const OpDef& function_op() {
  static const OpDef* def = [] {
    auto* d = new OpDef;
    d->name = "_Function";
    return d;
  }();
  return *def;
}
}  // namespace

bool is_recording() { return t_recording; }
bool set_recording(bool on) {
  bool prev = t_recording;
  t_recording = on;
  return prev;
}

void mark_variable(NDArray& x, const NDArray& grad, int req) {
  MXL_CHECK(req == 0 || req == 1 || req == 3, Err::kInvalidArgument, "attach_grad: bad grad_req ", req);
  MXL_CHECK(grad.is_none() || grad.shape() == x.shape(), Err::kShape, "attach_grad: gradient shape ",
            grad.shape(), " differs from the array's shape ", x.shape());
  auto n = std::make_shared<TapeNode>();
  n->grad = grad;
  n->req = req;
  x.ag = std::make_shared<AGEntry>(AGEntry{n, 0});
}

void record(const OpDef& op, const Attrs& attrs, const std::vector<NDArray>& in, std::vector<NDArray>& out) {
  if (!t_recording) return;
  bool tracked = std::any_of(in.begin(), in.end(), [](const NDArray& a) { return bool(a.ag); });
  if (!tracked) return;
  auto n = std::make_shared<TapeNode>();
  n->op = &op;
  n->attrs = attrs;
  n->inputs = in;
  n->train = is_training();
  for (auto& o : out) n->outputs.push_back(plain(o));
  for (size_t i = 0; i < out.size(); ++i) out[i].ag = std::make_shared<AGEntry>(AGEntry{n, int(i)});
}

void record_function(const std::string& name, const std::vector<NDArray>& in, std::vector<NDArray>& out,
                     FunctionBackward backward) {
  if (!t_recording) return;
  bool tracked = std::any_of(in.begin(), in.end(), [](const NDArray& a) { return bool(a.ag); });
  if (!tracked) return;
  auto n = std::make_shared<TapeNode>();
  n->op = &function_op();
  n->attrs.op = n->op;
  n->function = std::make_shared<FunctionBackward>(std::move(backward));
  n->function_name = name;
  n->inputs = in;
  n->train = is_training();
  for (auto& o : out) n->outputs.push_back(plain(o));
  for (size_t i = 0; i < out.size(); ++i) out[i].ag = std::make_shared<AGEntry>(AGEntry{n, int(i)});
}

std::vector<NDArray> backward(const std::vector<NDArray>& heads, const std::vector<NDArray>& head_grads,
                              const std::vector<NDArray>& variables, bool train) {
  MXL_CHECK(head_grads.empty() || head_grads.size() == heads.size(), Err::kInvalidArgument, "backward: ",
            head_grads.size(), " head gradients for ", heads.size(), " heads");
  // Topological order of the tape reachable from the heads.
  std::vector<TapeNode*> order;
  std::unordered_set<TapeNode*> seen;
  std::vector<std::pair<TapeNode*, size_t>> stack;
  for (const auto& h : heads) {
    MXL_CHECK(h.ag != nullptr, Err::kInvalidArgument,
              "backward: the head array was not computed while recording from a variable with attach_grad()");
    TapeNode* r = h.ag->node.get();
    if (seen.insert(r).second) stack.push_back({r, 0});
    while (!stack.empty()) {
      auto& [n, i] = stack.back();
      if (i < n->inputs.size()) {
        const auto& a = n->inputs[i++];
        if (a.ag && seen.insert(a.ag->node.get()).second) stack.push_back({a.ag->node.get(), 0});
      } else {
        order.push_back(n);
        stack.pop_back();
      }
    }
  }
  bool prev_rec = set_recording(false);
  bool prev_train = set_training(train);
  struct Restore {
    bool r, t;
    ~Restore() { set_recording(r); set_training(t); }
  } restore{prev_rec, prev_train};

  std::vector<NDArray> vals;
  Eval ev(vals);
  std::unordered_map<const TapeNode*, std::vector<std::vector<int>>> contrib;
  auto add_contrib = [&](const AGEntry& e, int v) {
    auto& c = contrib[e.node.get()];
    size_t n = e.node->op ? e.node->outputs.size() : 1;
    if (c.size() < n) c.resize(n);
    c[size_t(e.index)].push_back(v);
  };
  auto sum = [&](const std::vector<int>& parts) {
    int acc = parts[0];
    for (size_t i = 1; i < parts.size(); ++i) acc = ev.add(invoke("elemwise_add", {vals[size_t(acc)], vals[size_t(parts[i])]})[0]);
    return acc;
  };
  for (size_t i = 0; i < heads.size(); ++i) {
    NDArray g = head_grads.empty() || head_grads[i].is_none() ? invoke("ones_like", {plain(heads[i])})[0]
                                                              : plain(head_grads[i]);
    MXL_CHECK(g.shape() == heads[i].shape(), Err::kShape, "backward: head gradient ", i, " has shape ", g.shape(),
              " but the head has shape ", heads[i].shape());
    add_contrib(*heads[i].ag, ev.add(g));
  }
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    TapeNode* n = *it;
    if (!n->op) continue;
    auto c = contrib.find(n);
    if (c == contrib.end()) continue;
    if (n->function) {  // a recorded function: its own backward computes the input gradients
      c->second.resize(n->outputs.size());
      std::vector<NDArray> ograds, igrads;
      for (size_t i = 0; i < n->outputs.size(); ++i)
        ograds.push_back(c->second[i].empty() ? invoke("zeros_like", {n->outputs[i]})[0]
                                              : vals[size_t(sum(c->second[i]))]);
      for (const auto& a : n->inputs) igrads.emplace_back(a.shape(), a.dtype(), a.ctx());
      set_training(n->train);
      (*n->function)(ograds, igrads);
      set_training(train);
      for (size_t i = 0; i < igrads.size(); ++i)
        if (n->inputs[i].ag) add_contrib(*n->inputs[i].ag, ev.add(igrads[i]));
      continue;
    }
    MXL_CHECK(bool(n->op->grad), Err::kInvalidArgument, "backward: operator ", n->op->name, " is not differentiable");
    ev.in.clear();
    ev.out.clear();
    ev.og.clear();
    for (const auto& a : n->inputs) ev.in.push_back(ev.add(plain(a)));
    for (const auto& o : n->outputs) ev.out.push_back(ev.add(o));
    c->second.resize(n->outputs.size());
    for (size_t i = 0; i < n->outputs.size(); ++i)
      ev.og.push_back(c->second[i].empty() ? ev.add(invoke("zeros_like", {n->outputs[i]})[0]) : sum(c->second[i]));
    set_training(n->train);
    GVals res = n->op->grad(ev, n->attrs);
    set_training(train);
    MXL_CHECK(res.size() == n->inputs.size(), Err::kInternal, n->op->name, ": gradient returned ", res.size(),
              " values for ", n->inputs.size(), " inputs");
    for (size_t i = 0; i < res.size(); ++i)
      if (res[i].valid() && n->inputs[i].ag) add_contrib(*n->inputs[i].ag, res[i].id);
  }
  std::vector<NDArray> result;
  if (!variables.empty()) {
    for (const auto& v : variables) {
      MXL_CHECK(v.ag && !v.ag->node->op, Err::kInvalidArgument, "grad: an array in variables is not marked (attach_grad)");
      auto c = contrib.find(v.ag->node.get());
      result.push_back(c == contrib.end() || c->second.empty() || c->second[0].empty()
                           ? invoke("zeros_like", {plain(v)})[0]
                           : vals[size_t(sum(c->second[0]))]);
    }
    return result;
  }
  for (TapeNode* n : order) {
    if (n->op || n->req == 0 || n->grad.is_none()) continue;
    auto c = contrib.find(n);
    if (c == contrib.end() || c->second.empty() || c->second[0].empty()) continue;
    NDArray g = vals[size_t(sum(c->second[0]))];
    if (n->req == 3) {
      const OpDef& add = Registry::get("elemwise_add");
      invoke(add, {n->grad, g}, Attrs::parse(&add, {}), {n->grad});
    } else {
      copy(g, n->grad);
    }
  }
  return result;
}

}  // namespace autograd
}  // namespace mxl
