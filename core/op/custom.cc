// The operators "Custom" and "_backward_Custom": a node's shapes, types and
// computation come from the prop a binding registered for its op_type (custom.h).
#include "custom.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "../ndarray/autograd.h"

namespace mxl {

namespace {

std::mutex& types_mutex() {
  static std::mutex m;
  return m;
}
std::map<std::string, CustomPropCreator>& types() {
  static std::map<std::string, CustomPropCreator> t;
  return t;
}

// One node's (or one imperative call's) prop, and the operator object the prop makes
// at the node's first run; the gradient node shares it (Attrs::state).
struct CustomState {
  std::string op_type;
  std::shared_ptr<CustomProp> prop;
  std::mutex mu;
  std::shared_ptr<CustomOperator> op;
};

CustomState& state_of(const Attrs& a) {
  MXL_CHECK(a.state != nullptr, Err::kInternal, a.op->name, ": no custom operator state");
  return *static_cast<CustomState*>(a.state.get());
}

std::shared_ptr<void> make_custom_state(const Attrs& a) {
  auto st = std::make_shared<CustomState>();
  st->op_type = a.s("op_type");
  KV kwargs;
  for (const auto& kv : a.raw())
    if (kv.first != "op_type") kwargs.push_back(kv);
  CustomPropCreator creator;
  {
    std::lock_guard<std::mutex> lock(types_mutex());
    auto it = types().find(st->op_type);
    if (it != types().end()) creator = it->second;
  }
  if (!creator) {
    std::string known;
    for (const auto& t : custom_op_types()) known += (known.empty() ? "" : ", ") + t;
    fail(Err::kNotFound, "Custom: op_type '", st->op_type, "' is not registered (registered: ",
         known.empty() ? "none" : known, "); register a CustomOpProp subclass under that name first, "
         "in Python with @mx.operator.register(\"", st->op_type, "\")");
  }
  st->prop = creator(st->op_type, kwargs);
  MXL_CHECK(st->prop != nullptr, Err::kInternal, "Custom '", st->op_type, "': the binding made no prop");
  MXL_CHECK(st->prop->aux.empty(), Err::kInvalidArgument, "Custom '", st->op_type,
            "': auxiliary states (list_auxiliary_states) are not supported by mxlite yet");
  MXL_CHECK(!st->prop->outputs.empty(), Err::kInvalidArgument, "Custom '", st->op_type,
            "': list_outputs() returned no outputs");
  return st;
}

// Pauses autograd recording while a binding's callback runs: what it computes is
// internal to the custom op (its gradient is the op's backward).
struct PauseRecording {
  bool prev = autograd::set_recording(false);
  ~PauseRecording() { autograd::set_recording(prev); }
};

std::shared_ptr<CustomOperator> operator_of(CustomState& st, Context ctx, const std::vector<NDArray>& in,
                                            const std::vector<NDArray>& out) {
  std::lock_guard<std::mutex> lock(st.mu);
  if (!st.op) {
    std::vector<Shape> shapes;
    std::vector<int> dtypes;
    for (const auto* v : {&in, &out})
      for (const auto& a : *v) {
        shapes.push_back(a.shape());
        dtypes.push_back(int(a.dtype()));
      }
    st.op = st.prop->create_operator(ctx, shapes, dtypes);
    MXL_CHECK(st.op != nullptr, Err::kInternal, "Custom '", st.op_type, "': the binding made no operator");
  }
  return st.op;
}

bool all_known(const std::vector<Shape>& s) {
  for (const auto& x : s)
    if (!x.known()) return false;
  return true;
}

// Shapes of arguments and outputs from the prop. With some argument shapes unknown
// the prop is still asked (as MXNet does, unknown shapes reach it empty), so that a
// prop can deduce e.g. a label's shape from the data's; a failure then only means
// "not yet" (it is asked again once everything is known), and a 0-d answer for an
// unknown shape stays unknown.
bool custom_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  CustomState& st = state_of(a);
  bool partial = !all_known(in);
  if (partial && std::all_of(in.begin(), in.end(), [](const Shape& s) { return !s.known(); })) return false;
  std::vector<Shape> all = in;
  all.insert(all.end(), out.begin(), out.end());
  std::vector<Shape> before = all;
  if (partial) {
    try {
      st.prop->infer_shape(all);
    } catch (const Error&) {
      return false;
    }
    for (size_t i = 0; i < all.size(); ++i)
      if (!before[i].known() && all[i].ndim == 0) all[i] = Shape();
  } else {
    st.prop->infer_shape(all);
  }
  MXL_CHECK(all.size() == in.size() + out.size(), Err::kInternal, "Custom '", st.op_type,
            "': infer_shape returned ", all.size(), " shapes");
  std::copy(all.begin(), all.begin() + long(in.size()), in.begin());
  std::copy(all.begin() + long(in.size()), all.end(), out.begin());
  return all_known(all);
}

// Types from the prop; unknown argument types start as the first known one (the
// rule of MXNet's default CustomOpProp.infer_type).
bool custom_infer_type(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  CustomState& st = state_of(a);
  int first = -1;
  for (int t : in)
    if (first < 0 && t >= 0) first = t;
  for (int t : out)
    if (first < 0 && t >= 0) first = t;
  if (first < 0) return false;
  std::vector<int> all = in;
  for (auto& t : all)
    if (t < 0) t = first;
  all.insert(all.end(), out.begin(), out.end());
  st.prop->infer_type(all);
  MXL_CHECK(all.size() == in.size() + out.size(), Err::kInternal, "Custom '", st.op_type,
            "': infer_type returned ", all.size(), " types");
  std::copy(all.begin(), all.begin() + long(in.size()), in.begin());
  std::copy(all.begin() + long(in.size()), all.end(), out.begin());
  for (int t : all)
    if (t < 0) return false;
  return true;
}

// _backward_Custom's inputs: [out_grad if need_top_grad] in_data out_data. Outputs: in_grad.
size_t num_ograd_inputs(const CustomState& st) { return st.prop->need_top_grad ? st.prop->outputs.size() : 0; }

}  // namespace

void register_custom_op(const std::string& op_type, CustomPropCreator creator) {
  MXL_CHECK(!op_type.empty(), Err::kInvalidArgument, "register custom op: op_type must not be empty");
  MXL_CHECK(bool(creator), Err::kInvalidArgument, "register custom op '", op_type, "': no creator");
  std::lock_guard<std::mutex> lock(types_mutex());
  types()[op_type] = std::move(creator);
}

std::vector<std::string> custom_op_types() {
  std::lock_guard<std::mutex> lock(types_mutex());
  std::vector<std::string> v;
  for (const auto& kv : types()) v.push_back(kv.first);
  return v;
}

MXL_OP(Custom)
    .describe("Applies a custom operator whose shapes, types, forward and backward are written in a "
              "binding (Python: a CustomOpProp subclass registered with mx.operator.register). Inputs "
              "follow the prop's list_arguments(); every other parameter is passed to the prop as a "
              "string.")
    .param_required("op_type", PType::kString, "Name the custom operator was registered under.")
    .any_params()
    .state_fn(make_custom_state)
    .inputs_by([](const Attrs& a) { return state_of(a).prop->arguments; })
    .outputs_fn([](const Attrs& a) { return int(state_of(a).prop->outputs.size()); })
    .infer_shape_fn(custom_infer_shape)
    .infer_type_fn(custom_infer_type)
    .nd_fn([](const OpCtx& oc, const Attrs& a, const std::vector<NDArray>& in, const std::vector<NDArray>& out) {
      CustomState& st = state_of(a);
      auto op = operator_of(st, oc.ctx, in, out);
      std::vector<NDArray> arrays = in;
      arrays.insert(arrays.end(), out.begin(), out.end());
      PauseRecording pause;
      op->forward(oc.is_train, arrays, std::vector<int>(out.size(), 1));
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      CustomState& st = state_of(a);
      GVals ins;
      for (size_t i = 0; i < num_ograd_inputs(st); ++i) ins.push_back(g.ograd(int(i)));
      for (size_t i = 0; i < st.prop->arguments.size(); ++i) ins.push_back(g.input(int(i)));
      for (size_t i = 0; i < st.prop->outputs.size(); ++i) ins.push_back(g.output(int(i)));
      return g.op_stateful("_backward_Custom", ins, a);
    });

MXL_OP(_backward_Custom)
    .describe("Backward of Custom: calls the custom operator's backward.")
    .param_required("op_type", PType::kString, "Name the custom operator was registered under.")
    .any_params()
    .state_fn(make_custom_state)
    .inputs_by([](const Attrs& a) {
      const CustomState& st = state_of(a);
      std::vector<std::string> v;
      if (st.prop->need_top_grad)
        for (const auto& o : st.prop->outputs) v.push_back("out_grad_" + o);
      for (const auto& n : st.prop->arguments) v.push_back("in_data_" + n);
      for (const auto& o : st.prop->outputs) v.push_back("out_data_" + o);
      return v;
    })
    .outputs_fn([](const Attrs& a) { return int(state_of(a).prop->arguments.size()); })
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      size_t off = num_ograd_inputs(state_of(a));
      for (size_t i = 0; i < out.size(); ++i) out[i] = in[off + i];
      return all_known(out);
    })
    .infer_type_fn([](const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
      size_t off = num_ograd_inputs(state_of(a));
      bool known = true;
      for (size_t i = 0; i < out.size(); ++i) known &= (out[i] = in[off + i]) >= 0;
      return known;
    })
    .nd_fn([](const OpCtx& oc, const Attrs& a, const std::vector<NDArray>& in, const std::vector<NDArray>& out) {
      CustomState& st = state_of(a);
      size_t nog = num_ograd_inputs(st), nin = st.prop->arguments.size(), nout = st.prop->outputs.size();
      std::vector<NDArray> in_data(in.begin() + long(nog), in.begin() + long(nog + nin));
      std::vector<NDArray> out_data(in.begin() + long(nog + nin), in.end());
      auto op = operator_of(st, oc.ctx, in_data, out_data);
      std::vector<NDArray> arrays(in.begin(), in.begin() + long(nog));
      arrays.resize(nout);  // none entries: no top gradient asked for
      arrays.insert(arrays.end(), in_data.begin(), in_data.end());
      arrays.insert(arrays.end(), out_data.begin(), out_data.end());
      arrays.insert(arrays.end(), out.begin(), out.end());
      PauseRecording pause;
      op->backward(oc.is_train, arrays, std::vector<int>(out.size(), 1));
    });

}  // namespace mxl
