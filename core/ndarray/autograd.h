// Imperative autograd (mx.autograd): while recording, every invoked operator whose
// inputs lead to a marked variable is kept on a tape; backward walks the tape in
// reverse and applies each operator's registered gradient -- the same FGradient the
// executors use, evaluated imperatively.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ndarray.h"

namespace mxl {


// The backward of a function recorded with record_function: given the gradients of
// its outputs (always materialised, zeros where none flowed), writes the gradients of
// its inputs into igrads (new arrays shaped like the inputs). Throws on failure.
using FunctionBackward = std::function<void(const std::vector<NDArray>& ograds, const std::vector<NDArray>& igrads)>;

struct TapeNode {
  const OpDef* op = nullptr;     // nullptr: a marked variable
  std::shared_ptr<FunctionBackward> function;  // set for record_function nodes (op: _Function)
  std::string function_name;
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
// Records a function computed outside the tape (mx.autograd.Function: its forward ran
// with recording paused) as one node: out's arrays get tape links, and backward calls
// `backward` for its inputs' gradients. Nothing is recorded (and `backward` is
// dropped at once) when not recording or when no input is tracked.
void record_function(const std::string& name, const std::vector<NDArray>& in, std::vector<NDArray>& out,
                     FunctionBackward backward);
// Gradients of heads into the variables' grad arrays. head_grads entries may be none
// (ones). With variables non-empty, returns their gradients instead of writing them.
std::vector<NDArray> backward(const std::vector<NDArray>& heads, const std::vector<NDArray>& head_grads,
                              const std::vector<NDArray>& variables, bool train);
}  // namespace autograd

}  // namespace mxl
