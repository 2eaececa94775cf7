#!/usr/bin/env node
'use strict';
// Per-op overhead of a small add from JS, against Python's in the same run.
//
//   node js/bench/bench_dispatch.js [--n 10000] [--repeat 5]
//
// Both languages do the same thing: n adds of two 4-element float32 arrays
// (c = a + b through the registry's elemwise_add), then wait for the last result.
// Python frees each result when c is rebound; JS leaves it to the garbage collector
// (the idiomatic way, reported first) or frees it with dispose() (reported too);
// best of `repeat` runs after a warm-up. Python is the same library through the
// Python package (python3 with PYTHONPATH=<repo>/python unless mxlite is installed),
// started from here so both use the same libmxlite (MXLITE_LIBRARY) and machine state.
// The ratio is JS time / Python time: the target is <= 2.

const childProcess = require('child_process');
const path = require('path');
const mx = require('..');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const N = opt('--n', 10000);
const REPEAT = opt('--repeat', 5);

function bestOf(fn, repeat) {
  fn(); // warm-up: pools, caches, lazy init
  let best = Infinity;
  for (let r = 0; r < repeat; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return best;
}

/** JS time for N adds; dispose: free each result before the next (as Python's refcount does). */
function benchJs(dispose) {
  const a = mx.nd.ones([4]);
  const b = mx.nd.ones([4]);
  return bestOf(() => {
    let c = a.add(b);
    for (let i = 1; i < N; i++) {
      if (dispose) c.dispose();
      c = a.add(b);
    }
    c.waitToRead();
  }, REPEAT);
}

const PYTHON_BENCH = `
import sys, time
import mxlite as mx
n, repeat = int(sys.argv[1]), int(sys.argv[2])
a, b = mx.nd.ones((4,)), mx.nd.ones((4,))
def run():
    c = a
    for _ in range(n):
        c = a + b
    c.wait_to_read()
run()
best = float("inf")
for _ in range(repeat):
    t0 = time.perf_counter(); run(); best = min(best, time.perf_counter() - t0)
print(best)
`;

function benchPython() {
  const env = { ...process.env, MXLITE_LIBRARY: process.env.MXLITE_LIBRARY || mx.libraryPath };
  const pyPath = path.resolve(__dirname, '..', '..', 'python');
  env.PYTHONPATH = env.PYTHONPATH ? `${pyPath}${path.delimiter}${env.PYTHONPATH}` : pyPath;
  const r = childProcess.spawnSync(process.env.PYTHON || 'python3', ['-c', PYTHON_BENCH, String(N), String(REPEAT)],
    { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`python3 benchmark failed: ${r.stderr || r.error}`);
  return Number(r.stdout.trim().split('\n').pop());
}

function main() {
  // Interleave the runs so all see the same machine load; keep each one's best.
  let js = Infinity;
  let jsDispose = Infinity;
  let py = Infinity;
  for (let round = 0; round < 3; round++) {
    js = Math.min(js, benchJs(false));
    jsDispose = Math.min(jsDispose, benchJs(true));
    py = Math.min(py, benchPython());
  }
  const us = (t) => (t / N) * 1e6;
  console.log(`dispatch (${N} small adds, best of ${REPEAT} x 3)`);
  console.log(`  js (results freed by the GC): ${us(js).toFixed(3)} us/op`);
  console.log(`  js (dispose() each result):   ${us(jsDispose).toFixed(3)} us/op`);
  console.log(`  python:                       ${us(py).toFixed(3)} us/op`);
  console.log(`  ratio js/python: ${(js / py).toFixed(2)}x (GC), ${(jsDispose / py).toFixed(2)}x (dispose); target <= 2x`);
  return js / py;
}

module.exports = { main };
if (require.main === module) main();
