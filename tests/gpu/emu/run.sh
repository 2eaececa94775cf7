#!/usr/bin/env bash
# The GPU tests on the host CUDA emulator: the CUDA plugin's own kernels, compiled for
# the host (libmxlite_cuda_emu.so, tests/gpu/emu/README.md), run through every GPU test
# on a machine without a GPU. Two emulated devices (cross-device copies, multi-device
# training), streams that run their work only when waited for (so host code that skips
# a synchronisation reads stale data), cuBLAS and NCCL calls answered by the emulator; again with
# blocks and threads run last to first (a kernel whose result depends on the order has
# a race); then the matrix products through the plugin's own GEMM kernel. Not a
# substitute for a run on a GPU (tests/gpu/run_device_checks.sh): no parallelism
# between CUDA threads, no warps, no timing.
# usage: tests/gpu/emu/run.sh [BUILD_DIR]   (default build/ctest)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
BUILD=$(cd "${1:-$ROOT/build/ctest}" && pwd)
PY=${PYTHON:-python3}
EMU=$BUILD/libmxlite_cuda_emu.so
if [ ! -f "$EMU" ]; then
  echo "emu: $EMU is not built (CMake builds it with the tests)"; exit 1
fi
export MXLITE_LIBRARY=$BUILD/libmxlite.so PYTHONPATH=$ROOT/python MXLITE_CUDA_PLUGIN=$EMU MXC_EMU_GPUS=2
export MXLITE_NCCL_LIBRARY=$EMU  # the KVStore's NCCL path (device / nccl stores on 2 GPUs)
# Fused elementwise kernels: the emulator stands in for NVRTC and the driver API too.
export MXLITE_NVRTC_LIBRARY=$EMU MXLITE_CUDA_DRIVER_LIBRARY=$EMU
cd "$ROOT"

echo "-- pytest -m gpu on 2 emulated GPUs, streams asynchronous (work runs when waited for)"
MXC_EMU_ASYNC=1 MXLITE_CUBLAS_LIBRARY=$EMU $PY -m pytest -q -p no:cacheprovider -m gpu tests/python

echo "-- again, blocks and threads in reverse order, streams synchronous (an order-dependent kernel is a race)"
MXC_EMU_ORDER=reverse MXLITE_CUBLAS_LIBRARY=$EMU $PY -m pytest -q -p no:cacheprovider -m gpu tests/python

echo "-- matrix products through the plugin's GEMM kernel (no cuBLAS)"
MXLITE_CUBLAS_LIBRARY= $PY -m pytest -q -p no:cacheprovider -m gpu tests/python/test_gpu.py \
    -k "dot or FullyConnected or Convolution or Deconvolution or gemm or interleaved"

echo "-- bench/bench_gpu.py --smoke (the script itself; emulated figures mean nothing)"
MXC_EMU_ASYNC=1 MXLITE_CUBLAS_LIBRARY=$EMU $PY bench/bench_gpu.py --smoke >"$BUILD/emu_bench.log" 2>&1 ||
  { cat "$BUILD/emu_bench.log"; exit 1; }
echo "bench_gpu --smoke: 4 benches ran"
