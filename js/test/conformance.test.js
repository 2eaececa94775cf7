'use strict';
// The language-neutral conformance cases (tests/conformance) through this binding.

const test = require('node:test');
const assert = require('node:assert/strict');
const childProcess = require('child_process');
const path = require('path');

const RUNNER = path.resolve(__dirname, '..', '..', 'tests', 'conformance', 'runners', 'js.js');

test('conformance runner: every case passes', (t) => {
  const r = childProcess.spawnSync(process.execPath, [RUNNER], { encoding: 'utf8', env: process.env, maxBuffer: 64 << 20 });
  const lines = r.stdout.trim().split('\n');
  const summary = lines[lines.length - 1];
  t.diagnostic(summary);
  const m = summary.match(/^conformance: (\d+) passed, (\d+) failed$/);
  assert.ok(m, `no summary line:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  assert.ok(Number(m[1]) > 0, 'no case ran');
  const failures = lines.filter((l) => l.startsWith('FAIL ')).slice(0, 20).join('\n');
  assert.equal(Number(m[2]), 0, failures);
  assert.equal(r.status, 0, r.stderr);
});
