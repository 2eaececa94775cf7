#!/usr/bin/env bash
# GPU device check (issue 10), for a fresh machine with an NVIDIA GPU and this repo:
# gets libmxlite + the CUDA plugin into build/gpu, prints the GPU, runs the `gpu`
# tests and the GPU bench. No network needed; nothing is pip-installed.
#
#   tests/gpu/run_device_checks.sh            # from the repo root
#
# The plugin comes from build/gpu_prebuilt.tar.xz (tests/gpu/pack_prebuilt.sh, built
# with CUDA 13) when the driver supports CUDA >= 13, else it is built here with nvcc.
# Environment:
#   OUT                  a summary goes to $OUT/summary.txt
#   MXLITE_GPU_PREBUILT  another prebuilt tarball or build directory
#   MXLITE_GPU_BUILD=1   build here even when the prebuilt plugin could run
#   MXLITE_GPU_SYNC=1    every GPU op waits for its kernels: slower, but asynchronous
#                        CUDA errors then point at the op that caused them
set -u
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BUILD=$ROOT/build/gpu
START=$(date +%s)
SUMMARY=()
note() { echo "== $*"; SUMMARY+=("$*"); }
finish() {
  note "total time $(( $(date +%s) - START ))s"
  if [ -n "${OUT:-}" ]; then mkdir -p "$OUT"; printf '%s\n' "${SUMMARY[@]}" > "$OUT/summary.txt"; fi
}
trap finish EXIT

echo "== machine"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | sed 's/^/   /' \
  || echo "   nvidia-smi not available"
note "gpu: $(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null | head -1)"
NVCC=$(command -v nvcc || ls /usr/local/cuda/bin/nvcc 2>/dev/null || true)
note "nvcc: ${NVCC:-none} $( [ -n "$NVCC" ] && "$NVCC" --version | tail -1)"
if ! python3 -c "import numpy, cffi, pytest" 2>/dev/null; then
  note "MISSING python packages: $(python3 -c 'import numpy' 2>&1 | tail -1); $(python3 -c 'import cffi' 2>&1 | tail -1); $(python3 -c 'import pytest' 2>&1 | tail -1) -- install numpy, cffi and pytest (wheel cache) and rerun"
  exit 2
fi

echo "== build"
use_prebuilt() {
  # A build made elsewhere from the same tree, as a directory or as the tarball
  # tests/gpu/pack_prebuilt.sh makes (build/gpu_prebuilt.tar.xz).
  local PRE=${MXLITE_GPU_PREBUILT:-$ROOT/build/gpu_prebuilt.tar.xz}
  if [ -f "$PRE" ]; then
    rm -rf "$BUILD" && mkdir -p "$BUILD" && tar -C "$BUILD" --strip-components=1 -xJf "$PRE" \
      || { note "cannot unpack $PRE"; exit 1; }
  elif [ -d "$PRE" ]; then
    BUILD=$PRE
  else
    note "no prebuilt plugin either ($PRE): cannot continue"; exit 1
  fi
  note "using the prebuilt $PRE"
}
# The prebuilt plugin (CUDA 13 runtime) is the fast path when the driver supports
# CUDA >= 13 and MXLITE_GPU_BUILD is not 1; otherwise build here with this nvcc.
DRV_CUDA=$(nvidia-smi 2>/dev/null | grep -o "CUDA Version: [0-9.]*" | grep -o "[0-9.]*$")
note "driver supports CUDA ${DRV_CUDA:-?}"
PREBUILT_OK=0
[ -n "$DRV_CUDA" ] && [ "${DRV_CUDA%%.*}" -ge 13 ] && \
  { [ -f "${MXLITE_GPU_PREBUILT:-$ROOT/build/gpu_prebuilt.tar.xz}" ] || [ -d "${MXLITE_GPU_PREBUILT:-/nonexistent}" ]; } && PREBUILT_OK=1
# A tarball built from other sources (an older tree) is stale: build here instead.
. "$ROOT/tests/gpu/source_stamp.sh"
PRE_TAR=${MXLITE_GPU_PREBUILT:-$ROOT/build/gpu_prebuilt.tar.xz}
if [ "$PREBUILT_OK" = 1 ] && [ -f "$PRE_TAR" ]; then
  PRE_STAMP=$(tar -xJOf "$PRE_TAR" gpu_prebuilt/SOURCE_STAMP 2>/dev/null || echo none)
  if [ "$PRE_STAMP" != "$(source_stamp)" ]; then
    note "the prebuilt $PRE_TAR was built from other sources (stamp $PRE_STAMP, these $(source_stamp)): building here"
    PREBUILT_OK=0
  fi
fi
GEN=(); command -v ninja >/dev/null && GEN=(-G Ninja)
if [ "$PREBUILT_OK" = 1 ] && [ "${MXLITE_GPU_BUILD:-0}" != 1 ]; then
  use_prebuilt
elif [ -n "$NVCC" ] && command -v cmake >/dev/null; then
  T0=$(date +%s)
  if cmake -S . -B "$BUILD" "${GEN[@]}" -DCMAKE_BUILD_TYPE=Release -DMXLITE_BUILD_TESTS=OFF \
        -DCMAKE_CUDA_COMPILER="$NVCC" > "$BUILD.configure.log" 2>&1 \
     && cmake --build "$BUILD" -j16 > "$BUILD.build.log" 2>&1; then
    grep "mxlite:" "$BUILD.configure.log"
    note "built in $(( $(date +%s) - T0 ))s: $(ls "$BUILD"/libmxlite*.so | xargs -n1 basename | tr '\n' ' ')"
  else
    note "build FAILED after $(( $(date +%s) - T0 ))s:"
    while read -r l; do note "  $l"; done < <(grep -hE "error|Error" "$BUILD.configure.log" "$BUILD.build.log" 2>/dev/null | head -20)
    use_prebuilt
  fi
else
  note "no nvcc or no cmake here"
  use_prebuilt
fi
[ -f "$BUILD/libmxlite_cuda.so" ] || { note "libmxlite_cuda.so missing in $BUILD"; exit 1; }

export MXLITE_LIBRARY=$BUILD/libmxlite.so PYTHONPATH=$ROOT/python${PYTHONPATH:+:$PYTHONPATH}
# cuBLAS: the toolkit's, else the one PyTorch ships (nvidia-cublas wheel), else built-in GEMM.
if [ -z "${MXLITE_CUBLAS_LIBRARY:-}" ]; then
  for c in /usr/local/cuda/lib64/libcublas.so.13 /usr/local/cuda/lib64/libcublas.so.12 \
           $(python3 -c "import nvidia.cublas, os; d=os.path.join(list(nvidia.cublas.__path__)[0], 'lib'); print(' '.join(os.path.join(d, f) for f in sorted(os.listdir(d)) if f.startswith('libcublas.so')))" 2>/dev/null); do
    [ -f "$c" ] && { export MXLITE_CUBLAS_LIBRARY=$c; break; }
  done
fi
note "backend: $(python3 -c 'import mxlite as mx; print(mx.context.gpu_info())' 2>&1 | tail -1)"
note "cuBLAS: ${MXLITE_CUBLAS_LIBRARY:-default search (libcublas.so.13/.12/.so)}"
# NCCL for the KVStore: the system's, else the one PyTorch ships (nvidia-nccl wheel).
if [ -z "${MXLITE_NCCL_LIBRARY:-}" ] && ! ldconfig -p 2>/dev/null | grep -q "libnccl.so.2 "; then
  c=$(python3 -c "import nvidia.nccl, os; print(os.path.join(list(nvidia.nccl.__path__)[0], 'lib', 'libnccl.so.2'))" 2>/dev/null)
  [ -n "$c" ] && [ -f "$c" ] && export MXLITE_NCCL_LIBRARY=$c
fi
# NVRTC for fused elementwise kernels: the toolkit's, else the pip package's (nvidia-cuda-nvrtc).
if [ -z "${MXLITE_NVRTC_LIBRARY:-}" ] && ! ldconfig -p 2>/dev/null | grep -q "libnvrtc.so.1[23] "; then
  for c in /usr/local/cuda/lib64/libnvrtc.so.13 /usr/local/cuda/lib64/libnvrtc.so.12 \
           $(python3 -c "
import importlib, os
for m in ('nvidia.cu13', 'nvidia.cuda_nvrtc'):
    try:
        d = os.path.join(list(importlib.import_module(m).__path__)[0], 'lib')
        print(' '.join(os.path.join(d, f) for f in sorted(os.listdir(d)) if f.startswith('libnvrtc.so.')))
    except Exception:
        pass" 2>/dev/null); do
    [ -f "$c" ] && { export MXLITE_NVRTC_LIBRARY=$c; break; }
  done
fi
note "NVRTC: ${MXLITE_NVRTC_LIBRARY:-default search (libnvrtc.so.13/.12)}"
note "NCCL: $(python3 -c 'import mxlite as mx; mx.kv.create("nccl"); print("kvstore nccl can be created")' 2>&1 | tail -1)"

echo "== gpu tests"
T0=$(date +%s)
# Every gpu-marked test (the same set tests/gpu/emu/run.sh runs on the emulator).
timeout 240 python3 -m pytest -m gpu tests/python -q --maxfail=50 -p no:cacheprovider \
  -o addopts="" 2>&1 | tee "$BUILD.pytest.log" | tail -60
note "pytest -m gpu ($(( $(date +%s) - T0 ))s, exit ${PIPESTATUS[0]}): $(grep -E "[0-9]+ (passed|failed|skipped|error)" "$BUILD.pytest.log" | tail -1)"
while read -r l; do note "  $l"; done < <(grep -E "^FAILED" "$BUILD.pytest.log" | head -40)

echo "== NCCL through dist_sync (one worker: a 1-rank NCCL comm is all one GPU allows)"
if command -v mpirun >/dev/null && [ -f "$BUILD/libmxlite_mpi.so" ]; then
  ROOTOK=(); [ "$(id -u)" = 0 ] && ROOTOK=(--allow-run-as-root)
  timeout 120 mpirun "${ROOTOK[@]}" -np 1 -x MXLITE_LIBRARY -x PYTHONPATH -x MXLITE_NCCL_LIBRARY \
    python3 tests/mpi/train_mlp.py --kv-store dist_sync --ctx gpu > "$BUILD.nccl.log" 2>&1
  note "dist_sync on gpu(0), 1 worker (exit $?): $(tail -1 "$BUILD.nccl.log")"
else
  note "dist_sync NCCL check skipped: no mpirun or no libmxlite_mpi.so in $BUILD"
fi

echo "== gpu bench"
T0=$(date +%s)
timeout 150 python3 bench/bench_gpu.py --quick 2>&1 | tee "$BUILD.bench.log"
while read -r l; do note "bench: $l"; done < <(grep -vE "^\s*$" "$BUILD.bench.log")
note "bench took $(( $(date +%s) - T0 ))s"
