// Binary arithmetic families on the device (add, sub, mul, div, mod, power, maximum,
// minimum, hypot): same-shape, broadcast and scalar forms and their gradients.
#include "elemwise_binary.cuh"

namespace mxlcuda {

void register_elemwise_arith(KernelTable& t) {
  using namespace binary;
  family<Add>(t, {"elemwise_add", "broadcast_add", "_plus_scalar", nullptr, "_backward_add"});
  family<Sub>(t, {"elemwise_sub", "broadcast_sub", "_minus_scalar", "_rminus_scalar", "_backward_sub"});
  family<Mul>(t, {"elemwise_mul", "broadcast_mul", "_mul_scalar", nullptr, "_backward_mul"});
  family<Div>(t, {"elemwise_div", "broadcast_div", "_div_scalar", "_rdiv_scalar", "_backward_div"});
  family<Mod>(t, {"_mod", "broadcast_mod", "_mod_scalar", "_rmod_scalar", "_backward_mod"});
  family<Power>(t, {"_power", "broadcast_power", "_power_scalar", "_rpower_scalar", "_backward_power"});
  family<Maximum>(t, {"_maximum", "broadcast_maximum", "_maximum_scalar", nullptr, "_backward_maximum"});
  family<Minimum>(t, {"_minimum", "broadcast_minimum", "_minimum_scalar", nullptr, "_backward_minimum"});
  family<Hypot>(t, {"_hypot", "broadcast_hypot", "_hypot_scalar", nullptr, "_backward_hypot"});
}

}  // namespace mxlcuda
