#include "symbol.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "../base/json.h"

namespace mxl {

// ------------------------------------------------------------------- naming
std::string Node::output_name(int i) const {
  if (is_var()) return name;
  int n = num_outputs();
  if (int(op->output_names.size()) == n) return name + "_" + op->output_names[i];
  return name + (n == 1 ? "_output" : "_output" + std::to_string(i));
}

namespace {
thread_local std::unordered_map<std::string, int> name_counters;
}
std::string auto_name(const std::string& hint) {
  std::string h = hint;
  std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return h + std::to_string(name_counters[h]++);
}
void reset_auto_names() { name_counters.clear(); }

bool is_aux_input(const Node& n, int input) {
  if (!n.op) return false;
  const auto m = n.op->mutated_inputs(n.attrs);
  return std::find(m.begin(), m.end(), input) != m.end();
}

// ------------------------------------------------------------ construction
Symbol Symbol::variable(const std::string& name) {
  MXL_CHECK(!name.empty(), Err::kInvalidArgument, "Variable: name must not be empty");
  auto n = std::make_shared<Node>();
  n->name = name;
  Symbol s;
  s.heads.push_back({n, 0});
  return s;
}

Symbol Symbol::atomic(const OpDef& op, const KV& params, const std::string& hint) {
  auto n = std::make_shared<Node>();
  n->op = &op;
  n->hint = hint.empty() ? op.name : hint;
  n->params = params;
  n->attrs = Attrs::parse(&op, params);
  Symbol s;
  for (int i = 0; i < n->num_outputs(); ++i) s.heads.push_back({n, i});
  return s;
}

Symbol Symbol::group(const std::vector<Symbol>& syms) {
  Symbol g;
  for (const auto& s : syms) g.heads.insert(g.heads.end(), s.heads.begin(), s.heads.end());
  return g;
}

namespace {
Entry single_head(const Symbol& s, const std::string& op, const std::string& input) {
  MXL_CHECK(s.heads.size() == 1, Err::kInvalidArgument, op, ": input '", input,
            "' must be a symbol with one output, got a group of ", s.heads.size());
  return s.heads[0];
}
}  // namespace

Symbol Symbol::compose(const std::string& name, const std::vector<Symbol>& args,
                       const std::vector<std::pair<std::string, Symbol>>& kwargs) const {
  MXL_CHECK(!heads.empty(), Err::kInvalidArgument, "compose: empty symbol");
  const NodePtr& h = heads[0].node;
  bool atomic = h->op && h->inputs.empty() &&
                std::all_of(heads.begin(), heads.end(), [&](const Entry& e) { return e.node == h; });
  if (atomic) {
    auto n = std::make_shared<Node>(*h);
    n->name = name.empty() ? auto_name(n->hint) : name;
    std::vector<std::string> in_names = n->op->input_names(n->attrs);
    const std::string& opn = n->op->name;
    MXL_CHECK(args.size() <= in_names.size(), Err::kInvalidArgument, opn, ": takes ", in_names.size(),
              " input(s), got ", args.size(), " positional");
    std::vector<Entry> in(in_names.size());
    std::vector<bool> set(in_names.size(), false);
    for (size_t i = 0; i < args.size(); ++i) {
      in[i] = single_head(args[i], opn, in_names[i]);
      set[i] = true;
    }
    for (const auto& [k, v] : kwargs) {
      auto it = std::find(in_names.begin(), in_names.end(), k);
      if (it == in_names.end()) {
        std::string all;
        for (auto& x : in_names) all += (all.empty() ? "" : ", ") + x;
        fail(Err::kInvalidArgument, opn, ": unknown input '", k, "' (inputs: ", all, ")");
      }
      size_t i = size_t(it - in_names.begin());
      MXL_CHECK(!set[i], Err::kInvalidArgument, opn, ": input '", k, "' given twice");
      in[i] = single_head(v, opn, k);
      set[i] = true;
    }
    for (size_t i = 0; i < in.size(); ++i) {
      if (set[i]) continue;
      MXL_CHECK(n->op->key_var_num_args.empty(), Err::kInvalidArgument, opn, ": input ", i, " of ",
                in.size(), " is missing");
      auto v = std::make_shared<Node>();
      v->name = n->name + "_" + in_names[i];
      for (const auto& [k, val] : n->params) v->attr[k] = val;  // as MXNet does
      in[i] = {v, 0};
    }
    n->inputs = std::move(in);
    Symbol s;
    for (const auto& e : heads) s.heads.push_back({n, e.index});
    return s;
  }
  // A graph: substitute free variables.
  Symbol s = deep_copy();
  std::unordered_map<std::string, Entry> subst;
  std::vector<std::string> argn = s.list_arguments();
  MXL_CHECK(args.size() <= argn.size(), Err::kInvalidArgument, "compose: ", args.size(),
            " positional inputs but the symbol has ", argn.size(), " arguments");
  for (size_t i = 0; i < args.size(); ++i) subst[argn[i]] = single_head(args[i], "compose", argn[i]);
  std::vector<std::string> inputs = s.list_inputs();
  for (const auto& [k, v] : kwargs) {
    MXL_CHECK(std::find(inputs.begin(), inputs.end(), k) != inputs.end(), Err::kInvalidArgument,
              "compose: the symbol has no input named '", k, "'");
    subst[k] = single_head(v, "compose", k);
  }
  auto swap = [&](Entry& e) {
    if (!e.node->is_var()) return;
    auto it = subst.find(e.node->name);
    if (it != subst.end()) e = it->second;
  };
  for (const auto& n : s.topo())
    for (auto& e : n->inputs) swap(e);
  for (auto& e : s.heads) swap(e);
  return s;
}

// ----------------------------------------------------------------- listing
std::vector<NodePtr> Symbol::topo() const {
  std::vector<NodePtr> order;
  std::unordered_set<const Node*> seen;
  // Iterative post-order DFS: inputs in order, then the node.
  std::vector<std::pair<NodePtr, size_t>> stack;
  for (const auto& h : heads) {
    if (seen.count(h.node.get())) continue;
    stack.push_back({h.node, 0});
    seen.insert(h.node.get());
    while (!stack.empty()) {
      auto& [n, i] = stack.back();
      if (i < n->inputs.size()) {
        const NodePtr& c = n->inputs[i++].node;
        if (!seen.count(c.get())) {
          seen.insert(c.get());
          stack.push_back({c, 0});
        }
      } else {
        order.push_back(n);
        stack.pop_back();
      }
    }
  }
  return order;
}

namespace {
std::unordered_set<const Node*> aux_set(const std::vector<NodePtr>& order) {
  std::unordered_set<const Node*> aux;
  for (const auto& n : order)
    for (size_t i = 0; i < n->inputs.size(); ++i)
      if (is_aux_input(*n, int(i)) && n->inputs[i].node->is_var()) aux.insert(n->inputs[i].node.get());
  return aux;
}
}  // namespace

std::vector<NodePtr> Symbol::arg_nodes() const {
  auto order = topo();
  auto aux = aux_set(order);
  std::vector<NodePtr> v;
  for (const auto& n : order)
    if (n->is_var() && !aux.count(n.get())) v.push_back(n);
  return v;
}
std::vector<NodePtr> Symbol::aux_nodes() const {
  auto order = topo();
  auto aux = aux_set(order);
  std::vector<NodePtr> v;
  for (const auto& n : order)
    if (aux.count(n.get())) v.push_back(n);
  return v;
}
std::vector<std::string> Symbol::list_arguments() const {
  std::vector<std::string> v;
  for (const auto& n : arg_nodes()) v.push_back(n->name);
  return v;
}
std::vector<std::string> Symbol::list_auxiliary_states() const {
  std::vector<std::string> v;
  for (const auto& n : aux_nodes()) v.push_back(n->name);
  return v;
}
std::vector<std::string> Symbol::list_inputs() const {
  std::vector<std::string> v;
  for (const auto& n : topo())
    if (n->is_var()) v.push_back(n->name);
  return v;
}
std::vector<std::string> Symbol::list_outputs() const {
  std::vector<std::string> v;
  for (const auto& e : heads) v.push_back(e.node->output_name(e.index));
  return v;
}

Symbol Symbol::internals() const {
  Symbol s;
  for (const auto& n : topo())
    for (int i = 0; i < n->num_outputs(); ++i) s.heads.push_back({n, i});
  return s;
}
Symbol Symbol::children() const {
  Symbol s;
  for (const auto& h : heads)
    for (const auto& e : h.node->inputs) s.heads.push_back(e);
  return s;
}
Symbol Symbol::output(int i) const {
  MXL_CHECK(i >= 0 && i < int(heads.size()), Err::kIndex, "symbol output index ", i,
            " is out of range for ", heads.size(), " output(s)");
  Symbol s;
  s.heads.push_back(heads[size_t(i)]);
  return s;
}

Symbol Symbol::deep_copy() const {
  std::unordered_map<const Node*, NodePtr> copy;
  for (const auto& n : topo()) {
    auto c = std::make_shared<Node>(*n);
    for (auto& e : c->inputs) e.node = copy.at(e.node.get());
    copy[n.get()] = c;
  }
  Symbol s;
  for (const auto& e : heads) s.heads.push_back({copy.at(e.node.get()), e.index});
  return s;
}

NodePtr Symbol::head_node(const char* what) const {
  MXL_CHECK(!heads.empty(), Err::kInvalidArgument, what, ": empty symbol");
  for (const auto& e : heads)
    MXL_CHECK(e.node == heads[0].node, Err::kInvalidArgument, what,
              ": not supported on a grouped symbol with several nodes");
  return heads[0].node;
}

// --------------------------------------------------------------- inference
namespace {

// Runs an op rule over the graph until nothing changes: values flow forward
// (outputs from inputs) and backward (e.g. a weight's shape from data + params).
template <typename T, typename Known, typename Rule, typename Str>
void infer_graph(const std::vector<NodePtr>& order, std::unordered_map<const Node*, std::vector<T>>& vals,
                 Known known, Rule rule, Str str, const char* what) {
  for (const auto& n : order) vals[n.get()].resize(size_t(n->num_outputs()));
  for (int pass = 0; pass < 8; ++pass) {
    bool changed = false;
    for (const auto& n : order) {
      if (n->is_var()) continue;
      std::vector<T> in, out = vals[n.get()];
      for (const auto& e : n->inputs) in.push_back(vals[e.node.get()][size_t(e.index)]);
      std::vector<T> in0 = in, out0 = out;
      try {
        rule(*n, in, out);
      } catch (const Error& err) {
        fail(err.code, what, ": error in operator ", n->name, " (", n->op->name, "): ", err.what());
      }
      for (size_t i = 0; i < in.size(); ++i) {
        if (known(in[i]) && !known(in0[i])) {
          vals[n->inputs[i].node.get()][size_t(n->inputs[i].index)] = in[i];
          changed = true;
        } else if (known(in0[i]) && in[i] != in0[i]) {
          fail(what == std::string("infer_shape") ? Err::kShape : Err::kDType, what, ": error in operator ", n->name,
               " (", n->op->name, "): input '", n->op->input_names(n->attrs)[i], "' (",
               n->inputs[i].node->output_name(n->inputs[i].index), ") was given ", str(in0[i]), " but ",
               str(in[i]), " is required");
        }
      }
      for (size_t i = 0; i < out.size(); ++i)
        if (known(out[i]) && !known(out0[i])) {
          vals[n.get()][i] = out[i];
          changed = true;
        }
    }
    if (!changed) break;
  }
}

Shape parse_shape_attr(const std::string& s) {
  // "(2, 3)"; a 0 dim means "unknown" in MXNet's legacy attribute.
  std::vector<int64_t> d;
  std::string num;
  bool unknown = false;
  for (char c : s + ",") {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') num += c;
    else if (c == ',' || c == ')') {
      if (!num.empty()) {
        int64_t v = std::stoll(num);
        if (v <= 0) unknown = true;
        d.push_back(v);
      }
      num.clear();
    }
  }
  if (unknown) return Shape();
  return Shape(d);
}

}  // namespace

InferResult Symbol::infer_shape(const std::map<std::string, Shape>& known) const {
  auto order = topo();
  std::unordered_map<const Node*, std::vector<Shape>> vals;
  for (const auto& n : order) vals[n.get()].resize(size_t(n->num_outputs()));
  for (const auto& n : order) {
    if (!n->is_var()) continue;
    auto it = known.find(n->name);
    if (it != known.end()) vals[n.get()][0] = it->second;
    else if (n->attr.count("__shape__")) vals[n.get()][0] = parse_shape_attr(n->attr.at("__shape__"));
  }
  infer_graph<Shape>(
      order, vals, [](const Shape& s) { return s.known(); },
      [](const Node& n, std::vector<Shape>& in, std::vector<Shape>& out) {
        MXL_CHECK(bool(n.op->infer_shape), Err::kInternal, n.op->name, " has no shape rule");
        n.op->infer_shape(n.attrs, in, out);
      },
      [](const Shape& s) { return s.str(); }, "infer_shape");
  InferResult r;
  r.complete = true;
  for (const auto& n : arg_nodes()) r.args.push_back(vals[n.get()][0]);
  for (const auto& n : aux_nodes()) r.aux.push_back(vals[n.get()][0]);
  for (const auto& e : heads) r.outs.push_back(vals[e.node.get()][size_t(e.index)]);
  for (auto* v : {&r.args, &r.aux, &r.outs})
    for (const auto& s : *v) r.complete &= s.known();
  return r;
}

InferTypeResult Symbol::infer_type(const std::map<std::string, int>& known) const {
  auto order = topo();
  std::unordered_map<const Node*, std::vector<int>> vals;
  for (const auto& n : order) vals[n.get()].assign(size_t(n->num_outputs()), -1);
  for (const auto& n : order) {
    if (!n->is_var()) continue;
    auto it = known.find(n->name);
    if (it != known.end()) vals[n.get()][0] = it->second;
    else if (n->attr.count("__dtype__")) vals[n.get()][0] = std::stoi(n->attr.at("__dtype__"));
  }
  infer_graph<int>(
      order, vals, [](int t) { return t >= 0; },
      [](const Node& n, std::vector<int>& in, std::vector<int>& out) {
        if (n.op->infer_type) n.op->infer_type(n.attrs, in, out);
        else type_same(n.attrs, in, out);
      },
      [](int t) { return std::string(dtype_name(DType(t))); }, "infer_type");
  InferTypeResult r;
  r.complete = true;
  for (const auto& n : arg_nodes()) r.args.push_back(vals[n.get()][0]);
  for (const auto& n : aux_nodes()) r.aux.push_back(vals[n.get()][0]);
  for (const auto& e : heads) r.outs.push_back(vals[e.node.get()][size_t(e.index)]);
  for (auto* v : {&r.args, &r.aux, &r.outs})
    for (int t : *v) r.complete &= t >= 0;
  return r;
}

// -------------------------------------------------------------------- JSON
std::string Symbol::to_json() const {
  auto order = topo();
  std::unordered_map<const Node*, int> idx;
  Json nodes = Json::array(), arg_nodes_j = Json::array(), row_ptr = Json::array(), heads_j = Json::array();
  int rows = 0;
  row_ptr.push(Json::number(0));
  for (const auto& n : order) {
    idx[n.get()] = int(idx.size());
    Json j = Json::object();
    j.set("op", Json::string(n->is_var() ? "null" : n->op->name));
    j.set("name", Json::string(n->name));
    Json attrs = Json::object();
    for (const auto& [k, v] : n->params) attrs.set(k, Json::string(v));
    for (const auto& [k, v] : n->attr) attrs.set(k, Json::string(v));
    if (!attrs.obj.empty()) j.set("attrs", std::move(attrs));
    Json in = Json::array();
    for (const auto& e : n->inputs) {
      Json t = Json::array();
      t.push(Json::number(idx.at(e.node.get())));
      t.push(Json::number(e.index));
      t.push(Json::number(0));
      in.push(std::move(t));
    }
    j.set("inputs", std::move(in));
    nodes.push(std::move(j));
    if (n->is_var()) arg_nodes_j.push(Json::number(idx[n.get()]));
    rows += n->num_outputs();
    row_ptr.push(Json::number(rows));
  }
  for (const auto& e : heads) {
    Json t = Json::array();
    t.push(Json::number(idx.at(e.node.get())));
    t.push(Json::number(e.index));
    t.push(Json::number(0));
    heads_j.push(std::move(t));
  }
  Json root = Json::object();
  root.set("nodes", std::move(nodes));
  root.set("arg_nodes", std::move(arg_nodes_j));
  root.set("node_row_ptr", std::move(row_ptr));
  root.set("heads", std::move(heads_j));
  Json ver = Json::array();
  ver.push(Json::string("int"));
  ver.push(Json::number(10901));
  Json attrs = Json::object();
  attrs.set("mxnet_version", std::move(ver));
  root.set("attrs", std::move(attrs));
  return root.dump(2);
}

Symbol Symbol::from_json(const std::string& text) {
  Json root = Json::parse(text);
  auto bad = [](const std::string& why) -> void {
    fail(Err::kInvalidArgument, "load_json: malformed symbol JSON: ", why);
  };
  const Json* nodes = root.find("nodes");
  const Json* heads_j = root.find("heads");
  if (!nodes || nodes->kind != Json::kArr) bad("no \"nodes\" array");
  if (!heads_j || heads_j->kind != Json::kArr) bad("no \"heads\" array");
  std::vector<NodePtr> made;
  auto entry = [&](const Json& t, size_t limit, const std::string& where) -> Entry {
    if (t.kind != Json::kArr || t.arr.size() < 2 || t.arr[0].kind != Json::kNum || t.arr[1].kind != Json::kNum)
      bad(where + ": an entry must be [node, output, version]");
    double id = t.arr[0].num, out = t.arr[1].num;
    if (id < 0 || id >= double(limit) || id != std::floor(id))
      bad(where + " refers to node " + std::to_string(int64_t(id)) +
          (id >= double(limit) && id < double(nodes->arr.size())
               ? " (a cycle or forward reference: nodes must come after their inputs)"
               : " which does not exist"));
    const NodePtr& n = made[size_t(id)];
    if (out < 0 || out >= n->num_outputs() || out != std::floor(out))
      bad(where + " refers to output " + std::to_string(int64_t(out)) + " of node '" + n->name + "' which has " +
          std::to_string(n->num_outputs()));
    return {n, int(out)};
  };
  for (size_t i = 0; i < nodes->arr.size(); ++i) {
    const Json& j = nodes->arr[i];
    const Json* op = j.find("op");
    const Json* name = j.find("name");
    if (!op || op->kind != Json::kStr || !name || name->kind != Json::kStr)
      bad("node " + std::to_string(i) + " needs string \"op\" and \"name\"");
    auto n = std::make_shared<Node>();
    n->name = name->str;
    KV given;
    for (const char* key : {"attrs", "attr", "param"}) {
      const Json* a = j.find(key);
      if (!a) continue;
      if (a->kind != Json::kObj) bad("node '" + n->name + "': \"" + key + "\" must be an object");
      for (const auto& [k, v] : a->obj) {
        if (v.kind != Json::kStr) bad("node '" + n->name + "': attribute '" + k + "' must be a string");
        given.emplace_back(k, v.str);
      }
    }
    if (op->str != "null") {
      const OpDef* d = Registry::find(op->str);
      MXL_CHECK(d != nullptr, Err::kNotFound, "load_json: node '", n->name, "' uses unknown operator '",
                op->str, "'");
      n->op = d;
      for (auto& [k, v] : given) {
        if (d->param_index(k) >= 0) n->params.emplace_back(k, v);
        else n->attr[k] = v;
      }
      try {
        n->attrs = Attrs::parse(d, n->params);
      } catch (const Error& e) {
        fail(e.code, "load_json: node '", n->name, "': ", e.what());
      }
    } else {
      for (auto& [k, v] : given) n->attr[k] = v;
    }
    if (const Json* in = j.find("inputs")) {
      if (in->kind != Json::kArr) bad("node '" + n->name + "': \"inputs\" must be an array");
      for (const auto& t : in->arr) n->inputs.push_back(entry(t, i, "node '" + n->name + "' input"));
    }
    if (n->op) {
      int want = n->op->num_inputs(n->attrs);
      if (int(n->inputs.size()) != want)
        bad("node '" + n->name + "' (" + n->op->name + ") has " + std::to_string(n->inputs.size()) +
            " inputs, expected " + std::to_string(want));
    } else if (!n->inputs.empty()) {
      bad("variable '" + n->name + "' has inputs");
    }
    made.push_back(n);
  }
  Symbol s;
  for (const auto& t : heads_j->arr) s.heads.push_back(entry(t, made.size(), "head"));
  if (s.heads.empty()) bad("no heads");
  return s;
}

}  // namespace mxl
