// Binary arithmetic families on the device (add, sub, mul, div, mod, power, maximum,
// minimum, hypot): same-shape, broadcast and scalar forms and their gradients.
#include "elemwise_binary.cuh"

namespace mxlcuda {

void register_elemwise_arith(KernelTable& t) {
  using namespace binary;
#define FAMILY(F, elem, bcast, scalar, rscalar, backward) family<F>(t, {elem, bcast, scalar, rscalar, backward});
  MXC_BINARY_ARITH_FAMILIES(FAMILY)
#undef FAMILY
}

}  // namespace mxlcuda
