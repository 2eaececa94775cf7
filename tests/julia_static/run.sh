#!/usr/bin/env bash
# Static checks of the Julia package (julia/), runnable without Julia:
#   bash tests/julia_static/run.sh
# Installs tree-sitter + tree-sitter-julia (PyPI) and the Python binding's needs, builds
# libmxlite unless MXLITE_LIBRARY names one, then runs check_julia.py, which prints
# `julia static: N passed, N failed` (see that file for what is checked).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=${PYTHON:-python3}

$PY -m pip install -q --disable-pip-version-check "tree-sitter>=0.23" "tree-sitter-julia>=0.23" \
    "cffi>=1.15" "numpy>=1.21" 2>&1 | grep -v "Running pip as the 'root'" || true

LIB=${MXLITE_LIBRARY:-}
if [ -z "$LIB" ]; then
  # the same build folder as tests/run_all.sh, so that one build serves both
  cmake -S . -B build/ctest -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/ctest -j2 --target mxlite >/dev/null
  LIB=$ROOT/build/ctest/libmxlite.so
fi

PYTHONPATH=$ROOT/python${PYTHONPATH:+:$PYTHONPATH} $PY tests/julia_static/check_julia.py --library "$LIB"
