#!/usr/bin/env bash
# The full test run (the README's test command): installs what it needs, builds the
# core with CMake, runs the C and core tests, installs the Python package with pip
# and runs pytest. Each layer prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-python3}

echo "== installing build and test dependencies"
$PY -m pip install -q --disable-pip-version-check "scikit-build-core>=0.10" "cffi>=1.15" "numpy>=1.21" \
    "scipy-openblas32>=0.3.27" "pytest>=7" ninja cmake 2>&1 | grep -v "Running pip as the 'root'" || true

echo "== C and core tests (CMake + CTest)"
cmake -S . -B build/ctest -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/ctest -j2
export MXLITE_BLAS_LIBRARY=${MXLITE_BLAS_LIBRARY:-$($PY -c "import scipy_openblas32 as s, os; print(os.path.join(s.get_lib_dir(), 'lib' + s.get_library() + '.so'))")}
if (cd build/ctest && ctest -V -j1) > build/ctest.log 2>&1; then
  grep -E "[0-9]+ passed, [0-9]+ failed|tests passed" build/ctest.log
else
  cat build/ctest.log; exit 1
fi

echo "== Python package (pip install .)"
$PY -m pip install -q --disable-pip-version-check --no-build-isolation --force-reinstall --no-deps . \
    2>&1 | grep -v "Running pip as the 'root'" || true

echo "== pytest"
cd "$ROOT/tests/python"  # import the installed package, not the source tree
$PY -m pytest -q -p no:cacheprovider "$ROOT/tests/python"
