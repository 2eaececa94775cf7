// Binary comparison and logic families on the device (equal ... logical_xor): same-
// shape, broadcast and scalar forms (their gradients are zeros_like).
#include "elemwise_binary.cuh"

namespace mxlcuda {

void register_elemwise_compare(KernelTable& t) {
  using namespace binary;
  family<Equal>(t, {"_equal", "broadcast_equal", "_equal_scalar", nullptr, nullptr});
  family<NotEqual>(t, {"_not_equal", "broadcast_not_equal", "_not_equal_scalar", nullptr, nullptr});
  family<Greater>(t, {"_greater", "broadcast_greater", "_greater_scalar", nullptr, nullptr});
  family<GreaterEqual>(t, {"_greater_equal", "broadcast_greater_equal", "_greater_equal_scalar", nullptr, nullptr});
  family<Lesser>(t, {"_lesser", "broadcast_lesser", "_lesser_scalar", nullptr, nullptr});
  family<LesserEqual>(t, {"_lesser_equal", "broadcast_lesser_equal", "_lesser_equal_scalar", nullptr, nullptr});
  family<LogicalAnd>(t, {"_logical_and", "broadcast_logical_and", "_logical_and_scalar", nullptr, nullptr});
  family<LogicalOr>(t, {"_logical_or", "broadcast_logical_or", "_logical_or_scalar", nullptr, nullptr});
  family<LogicalXor>(t, {"_logical_xor", "broadcast_logical_xor", "_logical_xor_scalar", nullptr, nullptr});
}

}  // namespace mxlcuda
