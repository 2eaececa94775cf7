'use strict';
// The KVStore in four languages, JavaScript: sum pushes, pull to several outs, SGD in the store.
// Run by docs/run_checks.sh; exits non-zero if a value is wrong.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const mx = require('mxlite');

const kv = mx.kv.create('local');
console.log(kv.type, kv.rank, kv.numWorkers);            // local 0 1

// Push one gradient per device: the store sums them. Pull copies the value to every out.
kv.init('w', mx.nd.ones([2, 3]));
kv.push('w', [mx.nd.ones([2, 3]), mx.nd.full([2, 3], 2)]);
const outs = [mx.nd.zeros([2, 3]), mx.nd.zeros([2, 3])];
kv.pull('w', outs);
assert.ok(outs[1].toArray().every((v) => v === 3));      // without an optimizer a push replaces

// The optimizer runs in the store: a push of gradients updates the weight.
kv.init('v', mx.nd.ones([2, 3]));
kv.setOptimizer('sgd', { learningRate: 0.1, momentum: 0.9 });   // or new mx.optimizer.SGD({...})
for (let step = 0; step < 2; step++) {
  kv.push('v', [mx.nd.ones([2, 3]), mx.nd.ones([2, 3])]);         // gradient 2
}
kv.pull('v', outs[0]);
// mom = -0.1 * 2 = -0.2, w = 0.8; mom = 0.9 * -0.2 - 0.2 = -0.38, w = 0.42
assert.ok(outs[0].toArray().every((v) => Math.abs(v - 0.42) < 1e-6), String(outs[0].toArray()));

// Optimizer states (momentum, update counts) go to a file and come back.
const fname = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kv-')), 'kv.states');
kv.saveOptimizerStates(fname);
kv.loadOptimizerStates(fname);
assert.equal(kv.numUpdate('v'), 2);

try {
  kv.push('nope', mx.nd.ones([2, 3]));
} catch (e) {
  console.log(e.message);    // kvstore push: key 'nope' has not been initialized (call init first)
}
kv.dispose();
console.log('kvstore ok');
