#!/usr/bin/env bash
# The full test run (the README's test command): installs what it needs, builds the
# core once with CMake, runs the C and core tests (CTest), then pytest against that
# build. Each layer prints "N passed, N failed". (`pip install .` is exercised by the
# main job, examples/run_main.sh.) Then the R, JavaScript and Julia bindings against the
# same build, and every language's conformance runner.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-python3}

# "== name" for each step, and how long the step before it took (CI's 30-minute budget
# is watched step by step).
STEP_NAME="" STEP_START=$SECONDS RUN_START=$SECONDS
step() {
  [ -z "$STEP_NAME" ] || echo "   ($STEP_NAME: $((SECONDS - STEP_START)) s)"
  STEP_NAME=${1:-} STEP_NAME=${STEP_NAME%% (*} STEP_START=$SECONDS
  [ $# -eq 0 ] || echo "== $1"
}
trap '[ $? -ne 0 ] || { step; echo "== all steps passed in $((SECONDS - RUN_START)) s"; }' EXIT

step "installing build and test dependencies"
$PY -m pip install -q --disable-pip-version-check "cffi>=1.15" "numpy>=1.21" "scipy-openblas32>=0.3.27" \
    "pytest>=7" scikit-learn scipy ninja cmake graphviz "atheris>=2.3" 2>&1 | grep -v "Running pip as the 'root'" || true
# The real NVRTC (a compiler library, no GPU needed): every fused kernel the emulator runs
# is also compiled by it to PTX for sm_80 / sm_90 (tests/python/test_fusion.py).
$PY -m pip install -q --disable-pip-version-check "nvidia-cuda-nvrtc==13.0.88" 2>&1 |
    grep -v "Running pip as the 'root'" || true

if ! command -v mpirun >/dev/null 2>&1 || ! command -v mpicc >/dev/null 2>&1; then
  # Before the build: CMake then makes the KVStore's MPI plugin (libmxlite_mpi.so).
  echo "== installing Open MPI (openmpi-bin libopenmpi-dev) for the dist_* KVStore"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -q openmpi-bin libopenmpi-dev >/dev/null 2>&1 ||
    { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q openmpi-bin libopenmpi-dev >/dev/null; }
fi

step "build (CMake)"
# Without a GPU driver the CUDA plugin is still compiled (it must keep building), but
# to PTX only: one nvcc pass instead of three keeps CI inside its time budget.
CUDA_ARCHS=()
nvidia-smi >/dev/null 2>&1 || CUDA_ARCHS=(-DCMAKE_CUDA_ARCHITECTURES=90-virtual)
# Python3_EXECUTABLE: the NDArray accelerator (python/mxlite/_fastpath.c) is built for
# the Python that runs the tests.
cmake -S . -B build/ctest -G Ninja -DCMAKE_BUILD_TYPE=Release "${CUDA_ARCHS[@]}" \
      -DPython3_EXECUTABLE="$(command -v $PY)" >/dev/null
cmake --build build/ctest -j2
export MXLITE_BLAS_LIBRARY=${MXLITE_BLAS_LIBRARY:-$($PY -c "import scipy_openblas32 as s, os; print(os.path.join(s.get_lib_dir(), 'lib' + s.get_library() + '.so'))")}

step "C and core tests (CTest)"
if (cd build/ctest && ctest -V -j1) > build/ctest.log 2>&1; then
  grep -E "[0-9]+ passed, [0-9]+ failed|tests passed" build/ctest.log
else
  cat build/ctest.log; exit 1
fi

step "pytest"
export MXLITE_LIBRARY=$ROOT/build/ctest/libmxlite.so PYTHONPATH=$ROOT/python
$PY -m pytest -q -p no:cacheprovider "$ROOT/tests/python"
step "pytest, pure-Python NDArray arithmetic (MXLITE_FASTPATH=0: the path used without the C accelerator)"
MXLITE_FASTPATH=0 $PY -m pytest -q -p no:cacheprovider "$ROOT/tests/python/test_fastpath.py" \
    "$ROOT/tests/python/test_ndarray.py" "$ROOT/tests/python/test_autograd.py" "$ROOT/tests/python/test_lifetime.py"

step "GPU tests on the host CUDA emulator (tests/gpu/emu/run.sh): the plugin's kernels, compiled for the host"
bash "$ROOT/tests/gpu/emu/run.sh" "$ROOT/build/ctest"

step "multi-process KVStore (tests/mpi/run.sh): mpirun -np 2 on loopback: dist_sync equivalence, dist_async, worker faults"
bash "$ROOT/tests/mpi/run.sh"

step "fuzzing (short, time-boxed: 20 s a target, two at a time; tests/fuzz/README.md has the long run)"
bash "$ROOT/tests/fuzz/run.sh"

step "R package (r/run_tests.sh)"
bash "$ROOT/r/run_tests.sh"

step "JavaScript package (js/run_tests.sh)"
bash "$ROOT/js/run_tests.sh"

step "Julia package: static checks (no Julia runtime on this machine)"
bash "$ROOT/tests/julia_static/run.sh"

step "conformance, one line per language"
"$ROOT/tests/conformance/run_all" -q

step "documentation (docs/run_checks.sh): sphinx-build -W, doctests, the four-language snippets"
bash "$ROOT/docs/run_checks.sh"

step "sanitizers (tests/sanitize/run.sh): ASan+UBSan over CTest and pytest, TSan over the engine"
bash "$ROOT/tests/sanitize/run.sh"
