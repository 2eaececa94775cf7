// Executor: a Symbol bound to arrays on a device. Binding builds one indexed graph of
// forward nodes and, when gradients are requested, backward nodes made from each
// operator's registered gradient; infers every value's shape and dtype; plans memory
// (buffers reused by liveness, in place where an op allows); and prepares each node's
// kernel call, so forward/backward only push prepared work to the engine.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "../ndarray/ndarray.h"
#include "../symbol/symbol.h"

namespace mxl {

enum class GradReq : int { kNull = 0, kWrite = 1, kAdd = 3 };  // MXNet's numbering

struct ExecPlanStats {
  uint64_t planned_bytes = 0;  // internal buffers after reuse
  uint64_t naive_bytes = 0;    // one buffer per internal value
  int inplace = 0;             // values computed in place of an input
  int forward_nodes = 0, backward_nodes = 0;
  int fused_groups = 0;        // fused elementwise kernels (GPU, docs/gpu.md)
  int fused_nodes = 0;         // graph nodes they replace
};

class Executor {
 public:
  // args / aux in list_arguments / list_auxiliary_states order; grads[i] may be none
  // where reqs[i] == kNull. Throws on missing/mismatched arrays, naming the argument.
  Executor(const Symbol& sym, Context ctx, std::vector<NDArray> args, std::vector<NDArray> grads,
           std::vector<GradReq> reqs, std::vector<NDArray> aux);
  ~Executor();

  void forward(bool is_train);
  // head_grads: one per output, or empty for loss heads whose gradient ignores it.
  void backward(const std::vector<NDArray>& head_grads);

  const std::vector<NDArray>& outputs() const { return outputs_; }
  const std::vector<NDArray>& args() const { return args_; }
  const std::vector<NDArray>& grads() const { return grads_; }
  const std::vector<NDArray>& aux() const { return aux_; }
  const ExecPlanStats& stats() const { return stats_; }
  std::string debug_str() const;

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;  // shared with queued work: dropping an executor is safe
  std::vector<NDArray> args_, grads_, aux_, outputs_;
  ExecPlanStats stats_;
};

}  // namespace mxl
