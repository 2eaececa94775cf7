#!/usr/bin/env bash
# Sanitizer step (issue 5.1), run by CI after the main test run:
#  1. AddressSanitizer + UndefinedBehaviorSanitizer build of the core (-O1 -g,
#     MXLITE_SANITIZE=ON) in build/asan:
#     - every CTest test (the C ABI tests, test_leaks included, and the core tests)
#       with LeakSanitizer on (ASAN_OPTIONS=detect_leaks=1);
#     - the whole pytest suite (tests/python) with the ASan runtime LD_PRELOADed into
#       Python. Leak detection is off there: CPython does not free its objects at exit,
#       so every run would "leak"; the C tests above cover leaks of the core.
#       Left out, each for a reason, and covered by the main test run instead:
#       test_fuzz_regressions.py, whose child processes cap their address space at
#       3 GiB (RLIMIT_AS, tests/fuzz/fuzzlib.py) -- ASan reserves terabytes of virtual
#       memory for its shadow and cannot start under that cap; and
#       test_gpu.py::test_plugin_is_built_and_loads_where_nvcc_exists, since this build
#       leaves the CUDA plugin out (MXLITE_CUDA=OFF).
#  2. ThreadSanitizer build (build/tsan) of the engine's own tests: test_engine,
#     threaded and again with MXLITE_ENGINE=naive; then the C ABI tests test_capi and
#     test_leaks (2,000 cycles) on the threaded engine.
# Every report is an error: the sanitizers halt on the first one, and all reports go
# to log files (log_path), also from Python subprocesses the tests start, which are
# then searched for "ERROR: AddressSanitizer", "runtime error:" and
# "WARNING: ThreadSanitizer". The step ends with zero reports or fails.
#
#  3. The CUDA plugin's kernels, built for the host emulator (tests/gpu/emu) with the
#     same flags, under every gpu-marked test: out-of-bounds kernel accesses and
#     undefined behaviour in kernel code are reported like the core's.
#
# Not covered: the real CUDA plugin (nvcc; no GPU in CI) and OpenMP, which is left out
# of the TSan build because libgomp is not instrumented (its barriers look like races
# to TSan).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=${PYTHON:-python3}
JOBS=${JOBS:-2}
LOGS=$ROOT/build/sanitize-logs
rm -rf "$LOGS"
mkdir -p "$LOGS"
start=$SECONDS

launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR=$ROOT
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

# Fails the step if any log under $LOGS (or the given files) holds a sanitizer report.
check_reports() {
  local hits
  hits=$(grep -rlE "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|WARNING: ThreadSanitizer" "$LOGS" "$@" 2>/dev/null || true)
  if [ -n "$hits" ]; then
    echo "sanitizer reports found in:"
    for f in $hits; do echo "---- $f"; head -60 "$f"; done
    exit 1
  fi
}

echo "== ASan + UBSan build (build/asan)"
# -g1: line tables only -- reports still name file and line, and the template-heavy
# kernels (the emulator's above all) compile in about half the time of -g.
ASAN_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -O1 -g1"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMXLITE_SANITIZE=ON -DMXLITE_CUDA=OFF \
  -DCMAKE_C_FLAGS="$ASAN_FLAGS" -DCMAKE_CXX_FLAGS="$ASAN_FLAGS" -DCMAKE_C_FLAGS_DEBUG= -DCMAKE_CXX_FLAGS_DEBUG= \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" -DPython3_EXECUTABLE="$(command -v $PY)" \
  "${launcher[@]}" >/dev/null
cmake --build build/asan -j"$JOBS" > "$ROOT/build/asan-build.log" 2>&1 || { tail -50 "$ROOT/build/asan-build.log"; exit 1; }
echo "   built in $((SECONDS - start)) s"

export MXLITE_BLAS_LIBRARY=${MXLITE_BLAS_LIBRARY:-$($PY -c "import scipy_openblas32 as s, os; print(os.path.join(s.get_lib_dir(), 'lib' + s.get_library() + '.so'))")}
# halt_on_error: the first UBSan report aborts the test, so no report goes unnoticed.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$LOGS/ubsan"

# libstdc++ is preloaded too: Python itself does not link it, and without it loaded at
# start-up ASan cannot find the real __cxa_throw and aborts at the first C++ exception.
ASAN_PRELOAD="$(gcc -print-file-name=libasan.so) $(gcc -print-file-name=libstdc++.so.6)"

# The rest is two chains run side by side: their tests are mostly one busy thread
# each (Python, the engine's tests), so on 2 cores this takes about the longer chain's
# time instead of the sum. Each chain logs to its own file, printed when both are done.
#   A: CTest and pytest against the ASan build;
#   B: the emulated CUDA kernels under ASan, then the TSan build and its tests (the two
#      pytest runs take about as long, so chain A is done when the TSan build starts:
#      it gets both cores).
TSAN_JOBS=${TSAN_JOBS:-$JOBS}
chain_asan_tests() {
  echo "== C and core tests under ASan + UBSan, leak detection on"
  t0=$SECONDS
  if (cd build/asan && ASAN_OPTIONS="detect_leaks=1:log_path=$LOGS/asan-ctest" MXLITE_LEAK_CYCLES=${MXLITE_LEAK_CYCLES:-20000} \
        ctest -V -j1) > "$LOGS/ctest.out" 2>&1; then
    grep -E "[0-9]+ passed, [0-9]+ failed|tests passed" "$LOGS/ctest.out"
  else
    tail -80 "$LOGS/ctest.out"; check_reports; exit 1
  fi
  check_reports "$LOGS/ctest.out"
  echo "   $((SECONDS - t0)) s"

  echo "== pytest under ASan + UBSan (runtime LD_PRELOADed into Python; leak detection off)"
  t0=$SECONDS
  # allocator_may_return_null: a huge request fails like an ordinary malloc (the core
  # then raises its out-of-memory error) instead of ASan aborting the process.
  if MXLITE_LIBRARY=$ROOT/build/asan/libmxlite.so PYTHONPATH=$ROOT/python LD_PRELOAD="$ASAN_PRELOAD" \
     ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1:log_path=$LOGS/asan-pytest" \
     $PY -m pytest -q -p no:cacheprovider "$ROOT/tests/python" \
       --ignore="$ROOT/tests/python/test_fuzz_regressions.py" \
       -k "not test_plugin_is_built_and_loads_where_nvcc_exists" \
       > "$LOGS/pytest.out" 2>&1; then
    tail -1 "$LOGS/pytest.out"
  else
    tail -60 "$LOGS/pytest.out"; check_reports; exit 1
  fi
  check_reports "$LOGS/pytest.out"
  echo "   $((SECONDS - t0)) s"
}

chain_emu_and_tsan() {
  echo "== the CUDA plugin's kernels under ASan + UBSan, on the host emulator (pytest -m gpu, 2 emulated GPUs)"
  # Device memory is host memory there, so an out-of-bounds kernel access lands in ASan's
  # redzones (tests/gpu/emu/README.md).
  t0=$SECONDS
  if MXLITE_LIBRARY=$ROOT/build/asan/libmxlite.so PYTHONPATH=$ROOT/python LD_PRELOAD="$ASAN_PRELOAD" \
     MXLITE_CUDA_PLUGIN=$ROOT/build/asan/libmxlite_cuda_emu.so MXLITE_CUBLAS_LIBRARY=$ROOT/build/asan/libmxlite_cuda_emu.so \
     MXLITE_NCCL_LIBRARY=$ROOT/build/asan/libmxlite_cuda_emu.so \
     MXC_EMU_GPUS=2 MXC_EMU_ASYNC=1 \
     ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1:log_path=$LOGS/asan-gpu-emu" \
     $PY -m pytest -q -p no:cacheprovider -m gpu "$ROOT/tests/python" > "$LOGS/pytest-gpu-emu.out" 2>&1; then
    tail -1 "$LOGS/pytest-gpu-emu.out"
  else
    tail -60 "$LOGS/pytest-gpu-emu.out"; check_reports; exit 1
  fi
  check_reports "$LOGS/pytest-gpu-emu.out"
  echo "   $((SECONDS - t0)) s"

  echo "== ThreadSanitizer build of the engine and C ABI tests (build/tsan)"
  t0=$SECONDS
  TSAN_FLAGS="-fsanitize=thread -O1 -g"
  cmake -S . -B build/tsan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMXLITE_CUDA=OFF \
    -DCMAKE_DISABLE_FIND_PACKAGE_OpenMP=ON \
    -DCMAKE_C_FLAGS="$TSAN_FLAGS" -DCMAKE_CXX_FLAGS="$TSAN_FLAGS" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=thread" \
    "${launcher[@]}" >/dev/null
  cmake --build build/tsan -j"$TSAN_JOBS" --target test_engine test_capi test_leaks > "$ROOT/build/tsan-build.log" 2>&1 || { tail -50 "$ROOT/build/tsan-build.log"; exit 1; }
  echo "   built in $((SECONDS - t0)) s"
  # The threaded engine is the default (MXLITE_ENGINE unset); naive is the synchronous one.
  for engine in threaded naive; do
    engine_env=(-u MXLITE_ENGINE)
    [ "$engine" = naive ] && engine_env=(MXLITE_ENGINE=naive)
    if env "${engine_env[@]}" TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:log_path=$LOGS/tsan-$engine" \
       build/tsan/test_engine > "$LOGS/tsan-$engine.out" 2>&1; then
      echo "   $engine: $(grep -E "[0-9]+ passed, [0-9]+ failed" "$LOGS/tsan-$engine.out")"
    else
      tail -40 "$LOGS/tsan-$engine.out"; check_reports; exit 1
    fi
  done
  # The C ABI tests drive the engine with real operators from several threads
  # (asynchronous copies, executor forward/backward, frees with pending work).
  for t in test_capi test_leaks; do
    if env -u MXLITE_ENGINE MXLITE_LEAK_CYCLES=2000 TSAN_OPTIONS="halt_on_error=1:log_path=$LOGS/tsan-$t" \
       build/tsan/$t > "$LOGS/tsan-$t.out" 2>&1; then
      echo "   $t: $(grep -E "[0-9]+ passed, [0-9]+ failed" "$LOGS/tsan-$t.out")"
    else
      tail -40 "$LOGS/tsan-$t.out"; check_reports; exit 1
    fi
  done
  check_reports "$LOGS"/tsan-*.out
}

chain_asan_tests > "$LOGS/chain-a.txt" 2>&1 &
pid_a=$!
chain_emu_and_tsan > "$LOGS/chain-b.txt" 2>&1 &
pid_b=$!
rc_a=0 rc_b=0
wait "$pid_a" || rc_a=$?
wait "$pid_b" || rc_b=$?
cat "$LOGS/chain-a.txt" "$LOGS/chain-b.txt"
[ "$rc_a" -eq 0 ] && [ "$rc_b" -eq 0 ] || exit 1
check_reports "$LOGS"/*.out

echo "sanitizers: 0 reports (ASan + UBSan: CTest, pytest, the emulated CUDA kernels; TSan: test_engine, test_capi, test_leaks) in $((SECONDS - start)) s"
