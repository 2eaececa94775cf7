#!/usr/bin/env bash
# The R package's test run: installs R from Debian when missing, installs the package
# into a local library (build/rlib, not system-wide) against libmxlite, then runs
#   1. the testthat tests            -> "testthat: N passed, N failed"
#      and, where mx.gpu(0) works or the CUDA emulator is built, r/tests/gpu
#                                    -> "testthat gpu: N passed, N failed"
#   2. the conformance cases         -> "conformance: N passed, N failed"
#   3. the tutorial's MLP on digits, FeedForward         -> "mlp: N passed, N failed"
#   4. the same MLP with the tutorial's manual executor loop -> "tutorial loop: N passed, N failed"
#      (both need >= 95% held-out accuracy)
# and exits non-zero when anything failed.
#
# The library: MXLITE_LIBRARY=/path/to/libmxlite.so when set, else what r/configure
# finds (MXLITE_HOME, the pip-installed Python package, or build*/libmxlite.so here).
# Options: --bench also runs r/bench/bench_dispatch.R (R vs Python per-op overhead).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RLIB=${MXLITE_R_LIBRARY_DIR:-$ROOT/build/rlib}

if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'library(testthat); library(jsonlite)' >/dev/null 2>&1; then
  echo "== installing R from Debian (r-base-core r-base-dev r-cran-testthat r-cran-jsonlite)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      r-base-core r-base-dev r-cran-testthat r-cran-jsonlite >/dev/null
fi

# GEMM's BLAS, as tests/run_all.sh picks it (optional: without it a built-in kernel runs).
if [ -z "${MXLITE_BLAS_LIBRARY:-}" ]; then
  BLAS=$(python3 -c "import scipy_openblas32 as s, os; print(os.path.join(s.get_lib_dir(), 'lib' + s.get_library() + '.so'))" 2>/dev/null || true)
  [ -n "$BLAS" ] && export MXLITE_BLAS_LIBRARY=$BLAS
fi

echo "== R CMD INSTALL r (into $RLIB)"
mkdir -p "$RLIB"
if ! R CMD INSTALL --preclean --no-multiarch -l "$RLIB" r > build/r-install.log 2>&1; then
  cat build/r-install.log
  exit 1
fi
grep "^configure:" build/r-install.log
export R_LIBS="$RLIB${R_LIBS:+:$R_LIBS}"

status=0

# testthat over a folder; prints "<label>: N passed, N failed". A skipped test fails
# the run (skips are never counted as passes). Extra arguments: environment settings.
run_testthat() {
  local dir=$1 label=$2
  shift 2
  env "$@" TESTTHAT_DIR="$dir" TESTTHAT_LABEL="$label" Rscript -e '
    suppressPackageStartupMessages({ library(testthat); library(mxlite) })
    res <- as.data.frame(test_dir(Sys.getenv("TESTTHAT_DIR"), reporter = "summary", stop_on_failure = FALSE))
    failed <- sum(res$failed) + sum(res$error)
    passed <- sum(res$nb) - sum(res$failed) - sum(res$skipped)
    cat(sprintf("%s: %d passed, %d failed\n", Sys.getenv("TESTTHAT_LABEL"), passed, failed))
    quit(status = if (failed > 0 || sum(res$skipped) > 0) 1 else 0)'
}

echo "== testthat"
run_testthat r/tests/testthat testthat || status=1

# GPU tests: on a GPU when mx.gpu(0) works, else on the CUDA emulator built next to
# the library (tests/gpu/emu); with neither they do not run (and are not counted).
gpu_works() {
  env "$@" Rscript -e 'suppressPackageStartupMessages(library(mxlite)); invisible(as.array(mx.nd.zeros(1, ctx = mx.gpu(0))))' \
    >/dev/null 2>&1
}
GPU_ENV=()
RUN_GPU=0
EMU=$(ls "$(dirname "${MXLITE_LIBRARY:-$ROOT/build/ctest/libmxlite.so}")/libmxlite_cuda_emu.so" 2>/dev/null || true)
if gpu_works; then
  RUN_GPU=1
elif [ -n "$EMU" ]; then  # the emulator is built: the tests must run (and pass) on it
  RUN_GPU=1
  GPU_ENV=(MXLITE_CUDA_PLUGIN="$EMU" MXLITE_CUBLAS_LIBRARY="$EMU" MXC_EMU_ASYNC=1
           MXLITE_NVRTC_LIBRARY="$EMU" MXLITE_CUDA_DRIVER_LIBRARY="$EMU")
fi
if [ "$RUN_GPU" = 1 ]; then
  echo "== testthat on gpu(0) (r/tests/gpu${GPU_ENV:+, on the CUDA emulator})"
  run_testthat r/tests/gpu "testthat gpu" "${GPU_ENV[@]}" || status=1
fi

echo "== conformance (R runner)"
Rscript tests/conformance/runners/r.R || status=1

echo "== tutorial MLP on digits (R)"
if Rscript r/examples/mlp_digits.R 0.95; then
  echo "mlp: 1 passed, 0 failed"
else
  echo "mlp: 0 passed, 1 failed"
  status=1
fi

echo "== tutorial's manual executor loop on digits (R)"
if Rscript r/examples/tutorial_symbolic.R 40 0.95 | tail -1; then
  echo "tutorial loop: 1 passed, 0 failed"
else
  echo "tutorial loop: 0 passed, 1 failed"
  status=1
fi

if [ "${1:-}" = "--bench" ]; then
  echo "== bench: per-op overhead, R vs Python"
  Rscript r/bench/bench_dispatch.R
fi
exit $status
