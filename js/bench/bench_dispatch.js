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

/**
 * JS time for N adds. free: 'gc' leaves results to the garbage collector; 'dispose'
 * frees each before the next (as Python's refcount does); 'tidy' runs the loop in
 * mx.tidy scopes of 100 adds.
 */
function benchJs(free) {
  const a = mx.nd.ones([4]);
  const b = mx.nd.ones([4]);
  return bestOf(() => {
    let c = a.add(b);
    if (free === 'tidy') {
      for (let i = 1; i < N; i += 100) {
        const prev = c;
        c = mx.tidy(() => {
          let r = a.add(b);
          for (let k = 1; k < 100 && i + k < N; k++) r = a.add(b);
          return r;
        });
        prev.dispose();
      }
    } else {
      for (let i = 1; i < N; i++) {
        if (free === 'dispose') c.dispose();
        c = a.add(b);
      }
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
  const best = { gc: Infinity, dispose: Infinity, tidy: Infinity, python: Infinity };
  for (let round = 0; round < 3; round++) {
    for (const free of ['gc', 'dispose', 'tidy']) best[free] = Math.min(best[free], benchJs(free));
    best.python = Math.min(best.python, benchPython());
  }
  const us = (t) => `${((t / N) * 1e6).toFixed(3)} us/op`;
  const ratio = (t) => `${(t / best.python).toFixed(2)}x`;
  console.log(`dispatch (${N} small adds, best of ${REPEAT} x 3)`);
  console.log(`  python:                          ${us(best.python)}`);
  console.log(`  js, results freed by the GC:     ${us(best.gc)}  (${ratio(best.gc)} python)`);
  console.log(`  js, dispose() of each result:    ${us(best.dispose)}  (${ratio(best.dispose)} python)`);
  console.log(`  js, mx.tidy scopes of 100 adds:  ${us(best.tidy)}  (${ratio(best.tidy)} python)`);
  console.log(`  ratio js/python: ${ratio(best.gc)} (GC; target <= 2x)`);
  return best.gc / best.python;
}

module.exports = { main };
if (require.main === module) main();
