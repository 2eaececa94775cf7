'use strict';
// The dispatch bench runs and reports JS and Python in one run (timings are not
// asserted here: the machine's load decides them; run the bench itself for figures).

const test = require('node:test');
const assert = require('node:assert/strict');
const childProcess = require('child_process');
const path = require('path');

test('bench_dispatch.js measures JS and Python in the same run and prints the ratio', () => {
  const r = childProcess.spawnSync(process.execPath, [path.join(__dirname, '..', 'bench', 'bench_dispatch.js'),
    '--n', '300', '--repeat', '1'], { encoding: 'utf8', env: process.env });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const us = (label) => Number((r.stdout.match(new RegExp(`${label}:\\s+([0-9.]+) us/op`)) || [])[1]);
  for (const label of ['python', 'js, results freed by the GC', 'js, dispose\\(\\) of each result']) {
    assert.ok(us(label) > 0, `no timing for ${label}:\n${r.stdout}`);
  }
  assert.match(r.stdout, /ratio js\/python: [0-9.]+x/);
});
