'use strict';
// The imperative part of "Getting Started with MXNet" in JavaScript (the Python
// version: examples/tutorial_imperative.py). Run: node js/examples/tutorial_imperative.js

const mx = require('..');

const cpuTensor = mx.nd.zeros([10], { ctx: mx.cpu() });
try {
  mx.nd.zeros([10], { ctx: mx.gpu(0) }).waitToRead();
} catch (e) { // no GPU here: a clear error, not a crash
  console.log('gpu(0) unavailable:', e.message.split('\n')[0]);
}

const ctx = mx.cpu(); // which context to put memory on.
const a = mx.nd.ones([10], { ctx });
const b = mx.nd.ones([10], { ctx });
const c = a.add(b).div(10);
const d = b.add(1);

console.log('c =', Array.from(c.toArray()));
console.log('d =', Array.from(d.toArray()));
console.log(String(d));

// A little more of NDArray: lazy ops, broadcasting, reductions, dot through BLAS.
const x = mx.nd.arange(12).reshape([3, 4]);
const y = mx.nd.ones([4]);
console.log('x + y (broadcast):', x.add(y).toList());
console.log('sum over axis 1:', Array.from(x.sum({ axis: 1 }).toArray()));
console.log('x . x^T:', mx.nd.dot(x, x.T).toList());
mx.nd.waitall();

module.exports = { cpuTensor, c, d };
