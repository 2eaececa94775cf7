#!/usr/bin/env bash
# The documentation checks, run at the end of tests/run_all.sh (after the R and JS
# packages are installed):
#   1. sphinx-build -W (warnings are errors) of the HTML site, which also regenerates the
#      operator reference (from the registry) and the C ABI reference (from c_api.h);
#   2. every ">>>" example of the pages and of the API docstrings (sphinx-build -b doctest);
#   3. the four-language examples, docs/snippets/: mlp.py, mlp.R (needs Rscript and the
#      R package installed in build/rlib), mlp.js (needs node and js/node_modules) run;
#      kvstore.py, kvstore.R and kvstore.js run too; mlp.jl and kvstore.jl are checked statically
#      (tests/julia_static/check_julia.py: it parses, and every mx. name and operator
#      keyword exists), as no Julia runtime is available.
# A check whose tool is missing is reported as skipped, with the reason, not as passed.
# Prints "docs: N passed, N failed, N skipped"; exits non-zero when a check failed.
#
# The library: MXLITE_LIBRARY when set, else build/ctest/libmxlite.so (built if missing).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-python3}
OUT=$ROOT/docs/_build

echo "== docs: installing Sphinx, furo, sphinx-design, myst-parser"
$PY -m pip install -q --disable-pip-version-check "sphinx>=7.2" "furo>=2024.1" "sphinx-design>=0.6" \
    "myst-parser>=3" "tree-sitter>=0.23" "tree-sitter-julia>=0.23" "cffi>=1.15" "numpy>=1.21" 2>&1 \
    | grep -v "Running pip as the 'root'" || true

LIB=${MXLITE_LIBRARY:-}
if [ -z "$LIB" ]; then
  cmake -S . -B build/ctest -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/ctest -j2 --target mxlite >/dev/null
  LIB=$ROOT/build/ctest/libmxlite.so
fi
export MXLITE_LIBRARY=$LIB
export PYTHONPATH=$ROOT/python${PYTHONPATH:+:$PYTHONPATH}
if [ -z "${MXLITE_BLAS_LIBRARY:-}" ]; then
  BLAS=$($PY -c "import scipy_openblas32 as s, os; print(os.path.join(s.get_lib_dir(), 'lib' + s.get_library() + '.so'))" 2>/dev/null || true)
  [ -n "$BLAS" ] && export MXLITE_BLAS_LIBRARY=$BLAS
fi

PASSED=0 FAILED=0 SKIPPED=0
mkdir -p "$OUT"

# check NAME COMMAND...: runs it, its output in $OUT/NAME.log; prints the log on failure.
check() {
  local name=$1; shift
  local t0=$SECONDS
  if "$@" > "$OUT/$name.log" 2>&1; then
    PASSED=$((PASSED + 1)); echo "PASS $name ($((SECONDS - t0)) s)"
  else
    FAILED=$((FAILED + 1)); echo "FAIL $name ($((SECONDS - t0)) s):"; tail -n 60 "$OUT/$name.log"
  fi
}
skip() {
  SKIPPED=$((SKIPPED + 1)); echo "SKIP $1: $2"
}

# A fresh build each time: -W must see every warning, not only those of changed pages.
rm -rf "$OUT/html" "$OUT/doctest" "$OUT/doctrees"
check "sphinx-html" $PY -m sphinx -W --keep-going -q -b html -d "$OUT/doctrees" docs "$OUT/html"
check "doctests" $PY -m sphinx -W --keep-going -q -b doctest -d "$OUT/doctrees" docs "$OUT/doctest"
grep -E "^ +[0-9]+ tests$|failures in tests" "$OUT/doctest/output.txt" 2>/dev/null | sed 's/^ */  doctest: /'

check "snippet-python" $PY docs/snippets/mlp.py
check "snippet-python-kvstore" $PY docs/snippets/kvstore.py

RLIB=${MXLITE_R_LIBRARY_DIR:-$ROOT/build/rlib}
if ! command -v Rscript >/dev/null 2>&1; then
  skip "snippet-r" "Rscript is not installed"
elif ! R_LIBS="$RLIB" Rscript -e 'suppressMessages(library(mxlite))' >/dev/null 2>&1; then
  skip "snippet-r" "the R package is not installed in $RLIB (bash r/run_tests.sh installs it)"
else
  check "snippet-r" env R_LIBS="$RLIB" Rscript docs/snippets/mlp.R
  check "snippet-r-kvstore" env R_LIBS="$RLIB" Rscript docs/snippets/kvstore.R
fi

if ! command -v node >/dev/null 2>&1; then
  skip "snippet-js" "node is not installed"
elif [ ! -d js/node_modules/koffi ]; then
  skip "snippet-js" "js/node_modules is missing (bash js/run_tests.sh installs it)"
else
  # The snippet says require('mxlite'), as a user's program does: resolve it to js/.
  NODE_DIR=$OUT/node_path
  mkdir -p "$NODE_DIR" && ln -sfn "$ROOT/js" "$NODE_DIR/mxlite"
  check "snippet-js" env NODE_PATH="$NODE_DIR" node docs/snippets/mlp.js
  check "snippet-js-kvstore" env NODE_PATH="$NODE_DIR" node docs/snippets/kvstore.js
fi

if ! $PY -c "import tree_sitter, tree_sitter_julia" >/dev/null 2>&1; then
  skip "snippet-julia-static" "tree-sitter-julia is not installed"
else
  # The package's own files come along so that the snippet's mx. names can be resolved.
  mapfile -t JL_FILES < <(find julia -name "*.jl" | sort)
  check "snippet-julia-static" $PY tests/julia_static/check_julia.py --library "$LIB" \
      "${JL_FILES[@]}" docs/snippets/mlp.jl docs/snippets/kvstore.jl
fi

echo "docs: $PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" -eq 0 ]
