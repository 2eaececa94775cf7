// What the scalar samplers (_random_uniform, ... in random.cc and the negative
// binomials in sample.cc) share: their shape and dtype rules, the parameters that
// follow each distribution's own, and the declaration that nothing is differentiated.
#pragma once
#include <string>
#include <vector>

#include "elemwise_kernels.h"

namespace mxl {

// shape None or () gives one element, as MXNet's Python front end does.
inline bool random_shape(const Attrs& a, std::vector<Shape>&, std::vector<Shape>& out) {
  Shape s = a.none("shape") || a.shape("shape").ndim == 0 ? Shape{1} : a.shape("shape");
  for (int i = 0; i < s.ndim; ++i)
    MXL_CHECK(s[i] >= 0, Err::kInvalidArgument, a.op->name, ": parameter 'shape' has a negative size: ", s);
  assign_shape(a.op->name.c_str(), "output", out[0], s);
  return true;
}

// dtype "None" means the output's dtype where it is already known (out=), as in
// MXNet, else float32 (int32 for randint).
template <DType kDefault>
bool random_type(const Attrs& a, std::vector<int>&, std::vector<int>& out) {
  const std::string& t = a.s("dtype");
  if (t == "None" && out[0] >= 0) {
    const DType o = DType(out[0]);
    const bool ok = kDefault == DType::i32 ? o == DType::i32 || o == DType::i64 : dtype_is_float(o);
    MXL_CHECK(ok, Err::kDType, a.op->name, ": output dtype must be ",
              kDefault == DType::i32 ? "int32 or int64" : "float16, float32 or float64", ", got ", dtype_name(o));
    return true;
  }
  assign_type(a.op->name.c_str(), "output", out[0], int(t == "None" ? kDefault : dtype_from_name(t)));
  return true;
}

// Samplers have no inputs, so nothing to differentiate; declaring that lets a graph
// that uses a sample as a constant be differentiated.
inline GVals no_inputs_grad(GradGraph&, const Attrs&) { return {}; }

// Adds the parameters every float sampler shares (after the distribution's own, as in
// MXNet) and its shape / dtype rules.
inline OpDef& random_common(OpDef& op) {
  return op.param_optional("shape", PType::kShape, "Shape of the output.")
      .param("ctx", PType::kString, "", "Context of the output, e.g. cpu(0); default: the current context.")
      .param_enum("dtype", {"None", "float16", "float32", "float64"}, "None",
                  "Output dtype (None: out='s dtype if given, else float32).")
      .infer_shape_fn(random_shape)
      .infer_type_fn(random_type<DType::f32>)
      .random()
      .grad_fn(no_inputs_grad);
}

}  // namespace mxl
