// the fused RNN operator (RNN: rnn_relu, rnn_tanh, lstm, gru) on the device.
#include "common.cuh"

namespace mxlcuda {

void register_rnn(KernelTable& t) { (void)t; }

}  // namespace mxlcuda
