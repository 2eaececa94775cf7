// Custom operators: operators whose shapes, types and computation a binding supplies
// at run time (MXNet's mx.operator.CustomOp / CustomOpProp). A binding registers a
// creator per op type; the registered operator "Custom" (parameter op_type, any other
// parameters passed on as strings) asks it for a CustomProp per graph node or call,
// and the prop for a CustomOperator that computes. Forward and backward run inline on
// the issuing thread with NDArrays (registry.h, FComputeNDArray), so a binding may
// read and write them through the ordinary API while a graph runs.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "../ndarray/ndarray.h"

namespace mxl {

class CustomOperator {
 public:
  virtual ~CustomOperator() = default;
  // arrays: in_data, out_data, aux; reqs: one per output (GradReq numbering, 2 = inplace)
  virtual void forward(bool is_train, const std::vector<NDArray>& arrays, const std::vector<int>& reqs) = 0;
  // arrays: out_grad (none entries when the prop needs no top gradient), in_data,
  // out_data, in_grad, aux; reqs: one per in_grad
  virtual void backward(bool is_train, const std::vector<NDArray>& arrays, const std::vector<int>& reqs) = 0;
};

class CustomProp {
 public:
  virtual ~CustomProp() = default;
  std::vector<std::string> arguments, outputs, aux;  // filled by the creator
  bool need_top_grad = true;
  // shapes / types: arguments, then outputs, then aux states (unknown: ndim -1 / -1).
  // Fill them all in; throw Error on a contradiction.
  virtual void infer_shape(std::vector<Shape>& shapes) = 0;
  virtual void infer_type(std::vector<int>& types) = 0;
  // shapes / types of arguments, outputs and aux states, all known.
  virtual std::shared_ptr<CustomOperator> create_operator(Context ctx, const std::vector<Shape>& shapes,
                                                          const std::vector<int>& types) = 0;
};

// Makes the prop of one node from its parameters (op_type removed). Throws on failure.
using CustomPropCreator = std::function<std::shared_ptr<CustomProp>(const std::string& op_type, const KV& kwargs)>;
// Registers (or replaces) an op type. Existing nodes keep the creator they were made with.
void register_custom_op(const std::string& op_type, CustomPropCreator creator);
std::vector<std::string> custom_op_types();  // sorted

}  // namespace mxl
