#!/usr/bin/env bash
# Multi-process KVStore tests (dist_sync training equivalence, dist_semantics incl.
# dist_async, dead / stopped / exited worker faults), 2 workers with mpirun on loopback only.
# Installs Open MPI from Debian when missing, makes sure the library under test has
# its MPI plugin (libmxlite_mpi.so next to libmxlite.so: a CMake build configured
# before MPI was installed is reconfigured and rebuilt), then runs run_tests.py,
# which prints "mpi: N passed, N failed" and exits nonzero on a failure.
#
#   MXLITE_LIBRARY=build/x/libmxlite.so bash tests/mpi/run.sh    (default: build/ctest)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=${PYTHON:-python3}

if ! command -v mpirun >/dev/null 2>&1 || ! command -v mpicc >/dev/null 2>&1; then
  echo "== installing Open MPI (openmpi-bin libopenmpi-dev)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -q openmpi-bin libopenmpi-dev >/dev/null 2>&1 ||
    { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q openmpi-bin libopenmpi-dev >/dev/null; }
fi

LIB=${MXLITE_LIBRARY:-$ROOT/build/ctest/libmxlite.so}
BUILD=$(dirname "$LIB")
if [ ! -f "$BUILD/libmxlite_mpi.so" ] && [ -z "${MXLITE_MPI_PLUGIN:-}" ]; then
  if [ -f "$BUILD/CMakeCache.txt" ]; then
    echo "== building the MPI plugin in $BUILD"
    cmake -S "$ROOT" -B "$BUILD" >/dev/null
    cmake --build "$BUILD" -j2 --target mxlite mxlite_mpi
  elif [ ! -f "$LIB" ]; then
    echo "== building mxlite in $BUILD"
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMXLITE_CUDA=OFF >/dev/null
    cmake --build "$BUILD" -j2 --target mxlite mxlite_mpi
  fi
fi
[ -f "$BUILD/libmxlite_mpi.so" ] || [ -n "${MXLITE_MPI_PLUGIN:-}" ] ||
  { echo "tests/mpi: no libmxlite_mpi.so next to $LIB (CMake did not find MPI?)"; exit 1; }

export MXLITE_LIBRARY=$LIB PYTHONPATH=$ROOT/python${PYTHONPATH:+:$PYTHONPATH}
export MXLITE_BLAS_LIBRARY=${MXLITE_BLAS_LIBRARY:-$($PY -c "import scipy_openblas32 as s, os; print(os.path.join(s.get_lib_dir(), 'lib' + s.get_library() + '.so'))")}
exec $PY "$ROOT/tests/mpi/run_tests.py"
