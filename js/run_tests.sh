#!/usr/bin/env bash
# The Node.js binding's tests, for tests/run_all.sh: installs the npm dependencies when
# node_modules is missing, then `npm test` (API tests, registry and index.d.ts checks,
# the conformance cases, the tutorial MLP on digits, FeedForward, packaging).
# Uses MXLITE_LIBRARY from the environment when set (else the binding's own search).
# Prints "js: N passed, N failed[, N skipped]" and the conformance line; exits non-zero
# on failure.
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1; then
  echo "js: not run (node is not installed)"; exit 1
fi
if [ ! -d node_modules/koffi ] || [ ! -d node_modules/typescript ]; then
  # koffi's own install script (a source build) need not run: its prebuilt binary comes
  # in @koromix/koffi-<platform>, so npm's note about unapproved scripts is dropped.
  out=$(npm install --no-audit --no-fund 2>&1) || { echo "$out"; echo "js: npm install failed"; exit 1; }
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
npm test --silent >"$log" 2>&1  # not a TTY: node:test reports in TAP
status=$?
passed=$(grep -E '^(# |ℹ )pass [0-9]+' "$log" | tail -1 | awk '{print $3}')
failed=$(grep -E '^(# |ℹ )fail [0-9]+' "$log" | tail -1 | awk '{print $3}')
skipped=$(grep -E '^(# |ℹ )skipped [0-9]+' "$log" | tail -1 | awk '{print $3}')
if [ "$status" -ne 0 ] || [ -z "$passed" ]; then
  grep -E '^not ok|^# Subtest|error:|FAIL ' "$log" | head -80
  [ -z "$passed" ] && tail -40 "$log"
fi
grep -Eo 'conformance: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1 | sed 's/^/js /'
# Skipped tests (the GPU ones on a machine without a GPU) are listed, never counted as passed.
grep -E '^ok .* # SKIP' "$log" | sed 's/^ok [0-9]* - /js skipped: /'
echo "js: ${passed:-0} passed, ${failed:-?} failed${skipped:+, $skipped skipped}"

# Without a GPU, the GPU tests run on the CUDA emulator when it is built next to the
# library (tests/gpu/emu): there they must pass, none skipped.
EMU=$(ls "$(dirname "${MXLITE_LIBRARY:-/nonexistent/x}")/libmxlite_cuda_emu.so" 2>/dev/null || true)
if [ -n "$EMU" ] && ! node -e "process.exit(require('.').numGpus() > 0 ? 0 : 1)" 2>/dev/null; then
  MXLITE_CUDA_PLUGIN=$EMU MXLITE_CUBLAS_LIBRARY=$EMU MXC_EMU_ASYNC=1 MXLITE_NVRTC_LIBRARY=$EMU \
    MXLITE_CUDA_DRIVER_LIBRARY=$EMU node --test test/gpu.test.js >"$log" 2>&1
  gstatus=$?
  gpass=$(grep -E '^# pass ' "$log" | awk '{print $3}')
  gfail=$(grep -E '^# fail ' "$log" | awk '{print $3}')
  gskip=$(grep -E '^# skipped ' "$log" | awk '{print $3}')
  if [ "$gstatus" -ne 0 ] || [ "${gskip:-1}" != 0 ]; then
    cat "$log"; echo "js gpu (CUDA emulator): tests failed or were skipped"; status=1
  fi
  echo "js gpu (CUDA emulator): ${gpass:-0} passed, ${gfail:-?} failed"
fi
exit $status
