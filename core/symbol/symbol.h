// Symbols: immutable graphs of operator nodes and variables, in MXNet's shape.
// Naming, composition, listing, shape/type inference and MXNet's JSON format live here;
// executors (core/executor) turn a Symbol into scheduled work.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "../op/registry.h"

namespace mxl {

struct Node;
using NodePtr = std::shared_ptr<Node>;

// One output of one node.
struct Entry {
  NodePtr node;
  int index = 0;
};

struct Node {
  const OpDef* op = nullptr;                 // nullptr: a variable
  std::string name;
  KV params;                                 // operator parameters as strings (JSON "attrs")
  Attrs attrs;                               // the same, parsed
  std::map<std::string, std::string> attr;   // other attributes: __shape__, __lr_mult__, ...
  std::vector<Entry> inputs;
  std::string hint;                          // base of the automatic name ("_plus", "fullyconnected")
  bool is_var() const { return op == nullptr; }
  int num_outputs() const { return op ? op->num_outs(attrs) : 1; }
  std::string output_name(int i) const;      // "fc1_output", "split0_output1", "data"
};

struct InferResult {
  std::vector<Shape> args, outs, aux;  // unknown: ndim == -1
  bool complete = false;
};
struct InferTypeResult {
  std::vector<int> args, outs, aux;  // unknown: -1
  bool complete = false;
};

class Symbol {
 public:
  std::vector<Entry> heads;

  static Symbol variable(const std::string& name);
  // An operator node whose inputs are filled by compose(). Throws on bad params.
  // hint: the operator name as called (an alias such as "_Plus"), lower-cased for
  // automatic names; empty: the op's own name.
  static Symbol atomic(const OpDef& op, const KV& params, const std::string& hint = "");
  // Atomic symbol: args are the op's inputs (positional, then by input name); missing
  // inputs become variables "<name>_<input>". Graph: replaces free variables, by name
  // (kwargs) or in list_arguments order (args). Returns the composed symbol.
  Symbol compose(const std::string& name, const std::vector<Symbol>& args,
                 const std::vector<std::pair<std::string, Symbol>>& kwargs) const;
  static Symbol group(const std::vector<Symbol>& syms);

  std::vector<NodePtr> topo() const;  // post-order DFS from the heads (MXNet's order)
  std::vector<std::string> list_arguments() const;
  std::vector<std::string> list_outputs() const;
  std::vector<std::string> list_auxiliary_states() const;
  std::vector<std::string> list_inputs() const;  // arguments and aux states, in topo order
  std::vector<NodePtr> arg_nodes() const;
  std::vector<NodePtr> aux_nodes() const;
  Symbol internals() const;
  Symbol children() const;
  Symbol output(int i) const;
  Symbol deep_copy() const;

  // Attributes of the single head node (kInvalidArgument if grouped).
  NodePtr head_node(const char* what) const;

  // Known input shapes by name (and __shape__ attributes). Throws kShape naming the
  // operator, its node name and the shapes when they are inconsistent.
  InferResult infer_shape(const std::map<std::string, Shape>& known) const;
  InferTypeResult infer_type(const std::map<std::string, int>& known) const;

  std::string to_json() const;
  static Symbol from_json(const std::string& json);  // MXNet 1.x JSON; throws kInvalidArgument
};

// Per-thread counters for automatic names: "fullyconnected" -> fullyconnected0, 1, ...
std::string auto_name(const std::string& hint);
void reset_auto_names();

// Which inputs of an op node are auxiliary states (the op mutates them).
bool is_aux_input(const Node& n, int input);

}  // namespace mxl
