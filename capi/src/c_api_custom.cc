// The C ABI of binding-written code: autograd functions (mx.autograd.Function) and
// custom operators (mx.operator). Callbacks are wrapped into the core's interfaces
// (core/ndarray/autograd.h, core/op/custom.h); a failing callback becomes an Error.
#include <memory>
#include <string>
#include <vector>

#include "c_api_internal.h"
#include "core/ndarray/autograd.h"
#include "core/op/custom.h"

namespace {

using mxl::Err;
using mxl::NDArray;


thread_local std::string t_callback_error;

// Throws when a callback returned non-zero, with the message it set.
void check_callback(int rc, const std::string& where) {
  if (rc == 0) return;
  std::string msg;
  msg.swap(t_callback_error);
  if (msg.empty()) msg = "the callback returned " + std::to_string(rc) + " without a message";
  mxl::fail(Err::kInvalidArgument, where, ": ", msg);
}

// New handles for the callback, which owns (and frees) them. none -> NULL.
std::vector<mxl_ndarray> handles_for(const std::vector<NDArray>& arrays) {
  std::vector<mxl_ndarray> h;
  h.reserve(arrays.size());
  for (const auto& a : arrays) {
    if (a.is_none()) {
      h.push_back(nullptr);
      continue;
    }
    NDArray v = a;
    v.ag.reset();
    h.push_back(mxl::capi::new_ndarray(std::move(v)));
  }
  return h;
}

// Releases the binding's object with its free function when the last owner goes.
std::shared_ptr<void> owned(void* p, mxl_free_fn free_fn) {
  return std::shared_ptr<void>(p, [free_fn](void* q) {
    if (free_fn) free_fn(q);
  });
}

// ------------------------------------------------------------ custom operators
struct TypeFns {  // one registration; kept by every prop made from it
  mxl_custom_op_fns fns;
  ~TypeFns() {
    if (fns.free_user) fns.free_user(fns.user);
  }
};

class COperator : public mxl::CustomOperator {
 public:
  COperator(std::shared_ptr<TypeFns> t, std::shared_ptr<void> prop, void* op, std::string type, size_t nin,
            size_t nout)
      : t_(std::move(t)), prop_(std::move(prop)), op_(owned(op, t_->fns.free_op)), type_(std::move(type)),
        nin_(nin), nout_(nout) {}
  void forward(bool is_train, const std::vector<NDArray>& arrays, const std::vector<int>& reqs) override {
    MXL_CHECK(t_->fns.forward != nullptr, Err::kInvalidArgument, "Custom '", type_, "': no forward callback");
    auto h = handles_for(arrays);
    check_callback(t_->fns.forward(op_.get(), is_train, int(nin_), int(nout_), 0, h.data(), reqs.data()),
                   "Custom operator '" + type_ + "' forward");
  }
  void backward(bool is_train, const std::vector<NDArray>& arrays, const std::vector<int>& reqs) override {
    MXL_CHECK(t_->fns.backward != nullptr, Err::kInvalidArgument, "Custom '", type_, "': no backward callback");
    auto h = handles_for(arrays);
    check_callback(t_->fns.backward(op_.get(), is_train, int(nin_), int(nout_), 0, h.data(), reqs.data()),
                   "Custom operator '" + type_ + "' backward");
  }

 private:
  std::shared_ptr<TypeFns> t_;
  std::shared_ptr<void> prop_;  // an operator keeps its prop alive
  std::shared_ptr<void> op_;
  std::string type_;
  size_t nin_, nout_;
};

class CProp : public mxl::CustomProp {
 public:
  CProp(std::shared_ptr<TypeFns> t, std::string type, const mxl::KV& kwargs) : t_(std::move(t)), type_(std::move(type)) {
    std::vector<const char*> keys, vals;
    for (const auto& kv : kwargs) {
      keys.push_back(kv.first.c_str());
      vals.push_back(kv.second.c_str());
    }
    void* p = nullptr;
    int ntg = 1;
    MXL_CHECK(t_->fns.create_prop != nullptr, Err::kInvalidArgument, "Custom '", type_, "': no create_prop callback");
    check_callback(t_->fns.create_prop(t_->fns.user, type_.c_str(), int(keys.size()), keys.data(), vals.data(), &p, &ntg),
                   "Custom operator '" + type_ + "' (creating its prop)");
    prop_ = owned(p, t_->fns.free_prop);
    need_top_grad = ntg != 0;
    arguments = list(MXL_LIST_ARGUMENTS, "list_arguments");
    outputs = list(MXL_LIST_OUTPUTS, "list_outputs");
    aux = list(MXL_LIST_AUX, "list_auxiliary_states");
  }

  void infer_shape(std::vector<mxl::Shape>& shapes) override {
    MXL_CHECK(t_->fns.infer_shape != nullptr, Err::kInvalidArgument, "Custom '", type_, "': no infer_shape callback");
    size_t n = total();
    MXL_CHECK(shapes.size() <= n, Err::kInternal, "Custom '", type_, "': ", shapes.size(), " shapes for ", n);
    shapes.resize(n);
    std::vector<int> ndims(n);
    std::vector<int64_t> dims(n * MXL_MAX_NDIM, 0);
    for (size_t i = 0; i < n; ++i) {
      ndims[i] = shapes[i].ndim;
      for (int d = 0; d < shapes[i].ndim; ++d) dims[i * MXL_MAX_NDIM + size_t(d)] = shapes[i][d];
    }
    check_callback(t_->fns.infer_shape(prop_.get(), int(n), ndims.data(), dims.data()),
                   "Custom operator '" + type_ + "' infer_shape");
    for (size_t i = 0; i < n; ++i) {
      MXL_CHECK(ndims[i] >= -1 && ndims[i] <= MXL_MAX_NDIM, Err::kShape, "Custom operator '", type_,
                "' infer_shape: ", entry_name(i), " has ", ndims[i], " dimensions");
      shapes[i] = ndims[i] < 0 ? mxl::Shape() : mxl::Shape(&dims[i * MXL_MAX_NDIM], ndims[i]);
    }
    shapes.resize(arguments.size() + outputs.size());  // the core sees no aux (none allowed)
  }

  void infer_type(std::vector<int>& types) override {
    MXL_CHECK(t_->fns.infer_type != nullptr, Err::kInvalidArgument, "Custom '", type_, "': no infer_type callback");
    size_t n = total();
    types.resize(n, -1);
    check_callback(t_->fns.infer_type(prop_.get(), int(n), types.data()), "Custom operator '" + type_ + "' infer_type");
    for (size_t i = 0; i < n; ++i)
      MXL_CHECK(types[i] >= -1 && types[i] <= MXL_BOOL, Err::kDType, "Custom operator '", type_,
                "' infer_type: ", entry_name(i), " has unknown dtype flag ", types[i]);
    types.resize(arguments.size() + outputs.size());
  }

  std::shared_ptr<mxl::CustomOperator> create_operator(mxl::Context ctx, const std::vector<mxl::Shape>& shapes,
                                                       const std::vector<int>& types) override {
    MXL_CHECK(t_->fns.create_operator != nullptr, Err::kInvalidArgument, "Custom '", type_,
              "': no create_operator callback");
    size_t n = shapes.size();
    std::vector<int> ndims(n);
    std::vector<int64_t> dims(n * MXL_MAX_NDIM, 0);
    for (size_t i = 0; i < n; ++i) {
      ndims[i] = shapes[i].ndim;
      for (int d = 0; d < shapes[i].ndim; ++d) dims[i * MXL_MAX_NDIM + size_t(d)] = shapes[i][d];
    }
    void* op = nullptr;
    check_callback(t_->fns.create_operator(prop_.get(), int(ctx.type), ctx.id, int(n), ndims.data(), dims.data(),
                                           types.data(), &op),
                   "Custom operator '" + type_ + "' create_operator");
    return std::make_shared<COperator>(t_, prop_, op, type_, arguments.size(), outputs.size());
  }

 private:
  std::shared_ptr<TypeFns> t_;
  std::string type_;
  std::shared_ptr<void> prop_;

  size_t total() const { return arguments.size() + outputs.size() + aux.size(); }
  std::string entry_name(size_t i) const {
    if (i < arguments.size()) return "argument '" + arguments[i] + "'";
    i -= arguments.size();
    if (i < outputs.size()) return "output '" + outputs[i] + "'";
    return "aux state '" + aux[i - outputs.size()] + "'";
  }
  std::vector<std::string> list(int which, const char* what) {
    MXL_CHECK(t_->fns.list != nullptr, Err::kInvalidArgument, "Custom '", type_, "': no list callback");
    int n = 0;
    const char** names = nullptr;
    check_callback(t_->fns.list(prop_.get(), which, &n, &names), "Custom operator '" + type_ + "' " + what);
    MXL_CHECK(n >= 0 && (n == 0 || names != nullptr), Err::kInvalidArgument, "Custom operator '", type_, "' ", what,
              ": bad list");
    std::vector<std::string> v;
    for (int i = 0; i < n; ++i) {
      MXL_CHECK(names[i] != nullptr, Err::kInvalidArgument, "Custom operator '", type_, "' ", what, ": name ", i,
                " is NULL");
      v.emplace_back(names[i]);
    }
    return v;
  }
};

thread_local std::vector<std::string> t_types;
thread_local std::vector<const char*> t_type_ptrs;

}  // namespace

int mxl_callback_set_error(const char* msg) {
  t_callback_error = msg ? msg : "";
  return MXL_OK;
}

int mxl_autograd_record_function(const char* name, int num_inputs, const mxl_ndarray* inputs, int num_outputs,
                                 const mxl_ndarray* outputs, mxl_function_backward_fn backward,
                                 mxl_free_fn free_user, void* user) {
  API_BEGIN();
  // user is released on every path, also when the arguments are bad
  std::shared_ptr<void> keep = owned(user, free_user);
  MXL_CHECK(name && backward, Err::kInvalidArgument, "mxl_autograd_record_function: NULL name or backward");
  MXL_CHECK(num_inputs >= 0 && (inputs || num_inputs == 0) && num_outputs > 0 && outputs, Err::kInvalidArgument,
            "mxl_autograd_record_function: bad input or output list");
  std::vector<NDArray> in;
  for (int i = 0; i < num_inputs; ++i) in.push_back(mxl::capi::ndarray(inputs[i], "input"));
  std::vector<NDArray> out;
  for (int i = 0; i < num_outputs; ++i) out.push_back(mxl::capi::ndarray(outputs[i], "output"));
  std::string fname = name;
  mxl::autograd::record_function(
      fname, in, out, [keep, backward, fname](const std::vector<NDArray>& ograds, const std::vector<NDArray>& igrads) {
        auto og = handles_for(ograds);
        auto ig = handles_for(igrads);
        check_callback(backward(keep.get(), int(og.size()), og.data(), int(ig.size()), ig.data()),
                       "autograd.Function '" + fname + "' backward");
      });
  for (int i = 0; i < num_outputs; ++i) mxl::capi::ndarray(outputs[i], "output").ag = out[size_t(i)].ag;
  API_END();
}

int mxl_custom_op_register(const char* op_type, const mxl_custom_op_fns* fns) {
  API_BEGIN();
  MXL_CHECK(op_type && fns, Err::kInvalidArgument, "mxl_custom_op_register: NULL argument");
  auto t = std::make_shared<TypeFns>();
  t->fns = *fns;
  mxl::register_custom_op(op_type, [t](const std::string& type, const mxl::KV& kwargs) {
    return std::make_shared<CProp>(t, type, kwargs);
  });
  API_END();
}

int mxl_custom_op_list(int* n, const char*** op_types) {
  API_BEGIN();
  MXL_CHECK(n && op_types, Err::kInvalidArgument, "mxl_custom_op_list: NULL argument");
  t_types = mxl::custom_op_types();
  t_type_ptrs.clear();
  for (const auto& s : t_types) t_type_ptrs.push_back(s.c_str());
  *n = int(t_types.size());
  *op_types = t_type_ptrs.data();
  API_END();
}
