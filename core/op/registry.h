// The operator registry: every operator is described once, here-shaped, in one
// registration -- name, doc, inputs, typed parameters, shape and type rules, CPU
// (and later CUDA) kernel, gradient. Bindings read it through the C ABI
// (mxl_op_list / mxl_op_info) and generate their functions from it.
//
// Writing an operator (see elemwise.cc for many examples):
//
//   MXL_OP(relu)
//     .describe("Rectified linear unit: max(x, 0).")
//     .input("data")
//     .infer_shape(shape_same)            // out = in[0]
//     .cpu(kernel_relu)                   // FCompute
//     .grad([](GradGraph& g, const Attrs&) {
//        return GVals{g.op1("_backward_relu", {g.ograd(0), g.output(0)})};
//     });
#pragma once
#include <cstring>
#include <limits>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "../base/base.h"

namespace mxl {

// ----------------------------------------------------------------- tensors
// A plain view of contiguous row-major memory handed to kernels.
struct TBlob {
  void* data = nullptr;
  Shape shape;
  DType dtype = DType::f32;
  Context ctx;
  template <typename T> T* ptr() const { return static_cast<T*>(data); }
  int64_t size() const { return shape.size(); }
};

// ---------------------------------------------------------------- params
enum class PType {
  kInt,      // "3"
  kFloat,    // "0.5", "1e-3", "inf"
  kBool,     // "True"/"False"/"1"/"0"/"true"/"false"
  kEnum,     // one of `choices`
  kString,   // free text
  kShape,    // "(2,3)", "[2,3]", "2", "()"  -- a tuple of ints (may be negative)
  kDType,    // "float32", ...
};

struct ParamSpec {
  std::string name;
  PType type = PType::kInt;
  std::string def;                   // default as a string; "" + required = must be given
  std::string doc;
  bool required = false;
  bool optional = false;             // "None" is allowed (type string gets " or None")
  std::vector<std::string> choices;  // kEnum
  // inclusive range for kInt / kFloat; unbounded by default (a float scalar may be inf or nan)
  double lo = -std::numeric_limits<double>::infinity(), hi = std::numeric_limits<double>::infinity();
  std::string type_str() const;      // "int", "float", "boolean", "Shape(tuple)", "{'a', 'b'}", ...
};

struct ParamValue {
  bool none = false;  // "None" given (or defaulted) for an optional param
  int64_t i = 0;      // kInt, kBool, kDType (the flag), kEnum (index into choices)
  double f = 0;       // kFloat
  std::string s;      // kEnum, kString: the text
  Shape shape;        // kShape
};

struct OpDef;
class NDArray;  // core/ndarray/ndarray.h (operators that run on NDArrays, below)

// Parsed, validated parameters of one operator call. Look-ups name the parameter;
// asking for one the op does not declare is an internal error.
class Attrs {
 public:
  Attrs() = default;
  // Parses key/value strings against op's specs: unknown keys, malformed values and
  // out-of-range values throw Error naming op, parameter, expected and got.
  // An op with .free_params() keeps keys it does not declare as strings in raw().
  // An op with a state maker (.state_fn) gets a new state, unless `state` is given:
  // a gradient node shares its forward node's state that way.
  static Attrs parse(const OpDef* op, const std::vector<std::pair<std::string, std::string>>& kv,
                     std::shared_ptr<void> state = nullptr);

  const OpDef* op = nullptr;
  int64_t i(const char* name) const;
  double f(const char* name) const;
  bool b(const char* name) const;
  const std::string& s(const char* name) const;
  const Shape& shape(const char* name) const;
  DType dtype(const char* name) const;
  bool none(const char* name) const;  // optional param given as / defaulting to None
  // The parameters as given (explicit ones only), to pass on, e.g. to a backward op.
  const std::vector<std::pair<std::string, std::string>>& raw() const { return raw_; }
  // Per-node state of operators supplied at run time (Custom: the binding's operator
  // object); copies of these Attrs share it. Null for every other op.
  std::shared_ptr<void> state;

 private:
  const ParamValue& get(const char* name) const;
  std::vector<ParamValue> values_;  // parallel to op->params
  std::vector<std::pair<std::string, std::string>> raw_;
};

// ---------------------------------------------------------------- kernels
struct OpCtx {
  Context ctx;
  bool is_train = false;
  std::mt19937_64* rng = nullptr;  // set when the op declared .random()
};

// Outputs are always fully overwritten. An output may alias an input only where the
// op declared that pair with .inplace(); kernels must tolerate exactly that.
using FCompute = std::function<void(const OpCtx&, const Attrs&, const std::vector<TBlob>& in,
                                    const std::vector<TBlob>& out)>;

// Shape inference in both directions: unknown shapes have ndim == -1. Fill in what
// can be deduced (outputs from inputs, and inputs from params/outputs where possible,
// e.g. FullyConnected's weight); return true when every shape is known. Throw
// Error(kShape, ...) naming the op and the shapes on inconsistency.
using FInferShape = std::function<bool(const Attrs&, std::vector<Shape>& in, std::vector<Shape>& out)>;
// Output shapes that depend on input VALUES (boolean_mask): called by imperative calls
// instead of the shape rule, with host copies of the inputs the op named (the others
// are blobs without data: shape and dtype only); fills `out`. The shape rule then
// serves symbols only (where such an op raises a clear error: no values at bind time).
using FInferShapeValues = std::function<void(const Attrs&, const std::vector<TBlob>& in, std::vector<Shape>& out)>;
// Same for dtypes; -1 = unknown. The default makes all inputs and outputs one dtype.
using FInferType = std::function<bool(const Attrs&, std::vector<int>& in, std::vector<int>& out)>;

// Kernels of operators whose computation is supplied at run time (custom operators
// written in a binding): they run on the thread that issues the op, in program order,
// on NDArrays instead of raw memory, and may push engine work on those arrays
// themselves (the engine orders that work like any other). Imperative calls and
// executors call them inline instead of pushing them.
using FComputeNDArray = std::function<void(const OpCtx&, const Attrs&, const std::vector<NDArray>& in,
                                           const std::vector<NDArray>& out)>;

// ---------------------------------------------------------------- gradients
// A value in a gradient graph being built by an executor or by autograd.
struct GVal {
  int id = -1;
  bool valid() const { return id >= 0; }
};
using GVals = std::vector<GVal>;
using KV = std::vector<std::pair<std::string, std::string>>;

class GradGraph {
 public:
  virtual ~GradGraph() = default;
  virtual GVal input(int i) = 0;   // the forward op's input i
  virtual GVal output(int i) = 0;  // the forward op's output i
  virtual GVal ograd(int i) = 0;   // gradient flowing into output i
  // Apply a registered operator; returns its outputs.
  virtual GVals op(const std::string& name, const GVals& in, const KV& params = {}) = 0;
  GVal op1(const std::string& name, const GVals& in, const KV& params = {}) { return op(name, in, params)[0]; }
  // Apply an operator that shares the forward node's parameters and state (the
  // gradient of a stateful op, e.g. _backward_Custom of Custom).
  // The default refuses: only graphs that run stateful ops (executors, autograd) override it.
  virtual GVals op_stateful(const std::string& name, const GVals& in, const Attrs& forward);
};
// Returns one gradient per forward input; GVal{} (invalid) means "no gradient" (e.g.
// an integer index input). The result must have the input's shape.
using FGradient = std::function<GVals(GradGraph&, const Attrs&)>;

// ---------------------------------------------------------------- the op
struct OpDef {
  std::string name;
  std::vector<std::string> aliases;
  std::string doc;
  std::vector<std::string> inputs;       // fixed inputs (empty + key_var_num_args = variadic)
  std::string key_var_num_args;          // e.g. "num_args": the input count param
  std::function<std::vector<std::string>(const Attrs&)> inputs_fn;  // names depend on params (no_bias)
  int num_outputs = 1;
  std::function<int(const Attrs&)> num_outputs_fn;  // when the count depends on params
  std::vector<std::string> output_names;  // default: "output" (or output0, output1, ...)
  std::vector<int> mutate_inputs;        // inputs the kernel also writes (aux states, updates)
  std::vector<std::pair<int, int>> inplace_pairs;  // (input, output) that may share memory
  // Variadic ops whose inputs come in groups (multi_sgd_update: weight_i, grad_i, ...):
  // names, mutated inputs and in-place pairs depend on params; no count is filled in
  // by the bindings (the op's own count param, e.g. num_weights, must be given).
  bool var_inputs = false;
  std::function<std::vector<int>(const Attrs&)> mutate_inputs_fn;
  std::function<std::vector<std::pair<int, int>>(const Attrs&)> inplace_pairs_fn;
  std::vector<ParamSpec> params;
  FInferShape infer_shape;
  FInferShapeValues infer_shape_values;  // data-dependent output shapes (imperative only)
  std::vector<int> shape_value_inputs;   // the inputs whose values infer_shape_values reads
  FInferType infer_type;                 // null: all one dtype
  FCompute cpu, gpu;
  FComputeNDArray nd_compute;            // set instead of cpu/gpu: runs inline on NDArrays, any device
  bool free_params = false;              // undeclared parameters are kept as strings (Custom's kwargs)
  std::function<std::shared_ptr<void>(const Attrs&)> make_state;  // per-node state (Attrs::state)
  FGradient grad;                        // null: not differentiable
  bool needs_rng = false;
  bool cpu_only = false;                 // no CUDA kernel wanted (reason in cpu_only_reason)
  std::string cpu_only_reason;

  // ---- builder, used by MXL_OP registrations
  OpDef& describe(std::string d) { doc = std::move(d); return *this; }
  OpDef& alias(std::string a);
  OpDef& input(std::string n) { inputs.push_back(std::move(n)); return *this; }
  OpDef& variadic(std::string key = "num_args") { key_var_num_args = std::move(key); return *this; }
  // Input names that depend on params, e.g. FullyConnected drops "bias" when no_bias=True.
  // `inputs` must still list the full set (for docs); this picks the ones in use.
  OpDef& inputs_by(std::function<std::vector<std::string>(const Attrs&)> f) { inputs_fn = std::move(f); return *this; }
  OpDef& outputs(int n, std::vector<std::string> names = {}) {
    num_outputs = n; output_names = std::move(names); return *this;
  }
  OpDef& outputs_fn(std::function<int(const Attrs&)> f) { num_outputs_fn = std::move(f); return *this; }
  OpDef& param(std::string name, PType t, std::string def, std::string doc);
  OpDef& param_required(std::string name, PType t, std::string doc);
  OpDef& param_optional(std::string name, PType t, std::string doc);  // default None
  OpDef& param_enum(std::string name, std::vector<std::string> choices, std::string def, std::string doc);
  OpDef& range(double lo, double hi) { params.back().lo = lo; params.back().hi = hi; return *this; }
  OpDef& infer_shape_fn(FInferShape f) { infer_shape = std::move(f); return *this; }
  OpDef& infer_type_fn(FInferType f) { infer_type = std::move(f); return *this; }
  OpDef& infer_shape_values_fn(std::vector<int> value_inputs, FInferShapeValues f) {
    shape_value_inputs = std::move(value_inputs); infer_shape_values = std::move(f); return *this;
  }
  OpDef& cpu_fn(FCompute f) { cpu = std::move(f); return *this; }
  OpDef& nd_fn(FComputeNDArray f) { nd_compute = std::move(f); return *this; }
  OpDef& any_params() { free_params = true; return *this; }
  OpDef& state_fn(std::function<std::shared_ptr<void>(const Attrs&)> f) { make_state = std::move(f); return *this; }
  OpDef& grad_fn(FGradient f) { grad = std::move(f); return *this; }
  OpDef& mutates(int input) { mutate_inputs.push_back(input); return *this; }
  OpDef& inplace(int in, int out) { inplace_pairs.push_back({in, out}); return *this; }
  // A variadic op whose input names (and count) follow from its params; see var_inputs.
  OpDef& variadic_by(std::function<std::vector<std::string>(const Attrs&)> names) {
    var_inputs = true; inputs_fn = std::move(names); return *this;
  }
  OpDef& mutates_by(std::function<std::vector<int>(const Attrs&)> f) { mutate_inputs_fn = std::move(f); return *this; }
  OpDef& inplace_by(std::function<std::vector<std::pair<int, int>>(const Attrs&)> f) {
    inplace_pairs_fn = std::move(f); return *this;
  }
  OpDef& random() { needs_rng = true; return *this; }
  OpDef& cpu_only_because(std::string why) { cpu_only = true; cpu_only_reason = std::move(why); return *this; }

  int num_inputs(const Attrs& a) const;   // resolves variadic counts
  bool is_variadic() const { return var_inputs || !key_var_num_args.empty(); }
  bool may_mutate() const { return !mutate_inputs.empty() || bool(mutate_inputs_fn); }
  // The inputs this call writes, and its in-place pairs (static lists, or by params).
  std::vector<int> mutated_inputs(const Attrs& a) const {
    return mutate_inputs_fn ? mutate_inputs_fn(a) : mutate_inputs;
  }
  std::vector<std::pair<int, int>> inplace_pairs_of(const Attrs& a) const {
    return inplace_pairs_fn ? inplace_pairs_fn(a) : inplace_pairs;
  }
  int num_outs(const Attrs& a) const;
  std::vector<std::string> input_names(const Attrs& a) const;  // variadic: arg0, arg1, ...
  int param_index(const std::string& n) const;  // -1 if absent
  // Parsed defaults, parallel to params (built once, on first use).
  const std::vector<ParamValue>& defaults() const;

 private:
  mutable std::once_flag defaults_once_;
  mutable std::vector<ParamValue> defaults_;
};

// Registry: find by name or alias. Registration happens at static-init time.
class Registry {
 public:
  static OpDef& add(const std::string& name);  // aborts at load on duplicate names
  static const OpDef* find(const std::string& name);  // nullptr if none
  static const OpDef& get(const std::string& name);   // throws kNotFound "unknown operator 'x'"
  static std::vector<std::string> names(bool with_aliases = true);  // sorted
  static std::vector<const OpDef*> all();
};

#define MXL_OP_CONCAT_(a, b) a##b
#define MXL_OP_CONCAT(a, b) MXL_OP_CONCAT_(a, b)
// Registers an operator named `name` (a C identifier or string via MXL_OP_NAMED).
#define MXL_OP(name) MXL_OP_NAMED(#name)
#define MXL_OP_NAMED(str) \
  static ::mxl::OpDef& MXL_OP_CONCAT(mxl_op_reg_, __COUNTER__) = ::mxl::Registry::add(str)

// Shorthands of the rule and kernel signatures, for the files that define operators.
using Shapes = std::vector<Shape>;
using Types = std::vector<int>;
using Blobs = std::vector<TBlob>;
// The name an op was registered under, for its error messages: MXL_CHECK(..., N(a), ": ...").
inline const char* N(const Attrs& a) { return a.op->name.c_str(); }
// out = in, same shape and dtype (an identity's forward, or the start of an update that
// then writes some places). Nothing to do for an empty array (whose data may be null) or
// when both are the same memory (the op ran in place).
inline void copy_values(const TBlob& in, const TBlob& out) {
  if (in.size() > 0 && in.data != out.data) std::memcpy(out.data, in.data, size_t(in.size()) * dtype_size(in.dtype));
}

// ----------------------------------------------------- common shape/type rules
// These are the rules most operators share; ops with their own logic write a lambda.
bool shape_same(const Attrs&, std::vector<Shape>& in, std::vector<Shape>& out);  // all inputs & outputs equal
bool shape_broadcast(const Attrs&, std::vector<Shape>& in, std::vector<Shape>& out);  // numpy broadcasting of 2 inputs
bool type_same(const Attrs&, std::vector<int>& in, std::vector<int>& out);
Shape broadcast_shapes(const char* op, const Shape& a, const Shape& b);  // throws kShape naming op + shapes
// Normalises a possibly negative axis against ndim; throws kInvalidArgument naming op.
int normalize_axis(const char* op, int64_t axis, int ndim);

}  // namespace mxl

namespace mxl {
// MXNet's reshape: `spec` may use 0 (copy), -1 (infer), -2 (copy rest), -3 (merge two),
// -4 (split, followed by two dims, one may be -1); reverse applies it right to left.
// Used by the Reshape operator and by NDArray views (mxl_nd_reshape). Throws kShape
// naming op, the source shape and the spec when sizes do not match.
Shape reshape_target(const char* op, const Shape& src, const Shape& spec, bool reverse);
// Which BLAS dot/batch_dot use ("scipy_openblas", "openblas", "blas", "builtin").
const char* blas_name();
}  // namespace mxl
