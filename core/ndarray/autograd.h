// Imperative autograd (mx.autograd): while recording, every invoked operator whose
// inputs lead to a marked variable is kept on a tape; backward walks the tape in
// reverse and applies each operator's registered gradient -- the same FGradient the
// executors use, evaluated imperatively.
#pragma once
#include <memory>
#include <vector>

#include "ndarray.h"

namespace mxl {


struct TapeNode {
  const OpDef* op = nullptr;     // nullptr: a marked variable
  Attrs attrs;
  std::vector<NDArray> inputs;   // with their AGEntry: the links of the tape
  std::vector<NDArray> outputs;  // values only (no AGEntry: avoids a cycle)
  bool train = false;
  // variables
  NDArray grad;
  int req = 1;                   // GradReq: 0 null, 1 write, 3 add
};

struct AGEntry {
  std::shared_ptr<TapeNode> node;
  int index = 0;
};

namespace autograd {
bool is_recording();
bool set_recording(bool on);  // returns the previous value
// attach_grad: x's gradient goes into grad (same shape) with req (0 null, 1 write, 3 add).
void mark_variable(NDArray& x, const NDArray& grad, int req);
// Called by invoke for every op: records it when recording and an input is tracked.
void record(const OpDef& op, const Attrs& attrs, const std::vector<NDArray>& in, std::vector<NDArray>& out);
// Gradients of heads into the variables' grad arrays. head_grads entries may be none
// (ones). With variables non-empty, returns their gradients instead of writing them.
std::vector<NDArray> backward(const std::vector<NDArray>& heads, const std::vector<NDArray>& head_grads,
                              const std::vector<NDArray>& variables, bool train);
}  // namespace autograd

}  // namespace mxl
