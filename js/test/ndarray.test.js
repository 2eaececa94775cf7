'use strict';
// NDArray: creation, dtypes, metadata, reading (sync and async), views, arithmetic,
// generated operators, save/load.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const mx = require('..');

const near = (got, exp, tol = 1e-6) => {
  assert.equal(got.length, exp.length, `length ${got.length} != ${exp.length}`);
  for (let i = 0; i < exp.length; i++) {
    assert.ok(Math.abs(Number(got[i]) - exp[i]) <= tol, `index ${i}: ${got[i]} != ${exp[i]}`);
  }
};

test('array from nested arrays: shape, dtype float32 by default, context', () => {
  const a = mx.nd.array([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(a.shape, [2, 3]);
  assert.equal(a.dtype, 'float32');
  assert.equal(String(a.context), 'cpu(0)');
  assert.ok(a.context.equals(mx.cpu()));
  assert.equal(a.size, 6);
  assert.equal(a.ndim, 2);
  const v = a.toArray();
  assert.ok(v instanceof Float32Array);
  assert.deepEqual(Array.from(v), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(a.toList(), [[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(Array.from(a.data()), [1, 2, 3, 4, 5, 6]);
});

test('array from TypedArrays with shape and every dtype maps to its TypedArray', () => {
  const cases = [
    ['float32', Float32Array, [1.5, -2, 3]],
    ['float64', Float64Array, [1.25, -2, 1e300]],
    ['int32', Int32Array, [7, -8, 2147483647]],
    ['uint8', Uint8Array, [0, 128, 255]],
    ['int8', Int8Array, [-128, 0, 127]],
    ['bool', Uint8Array, [0, 1, 1]],
  ];
  for (const [dtype, Typed, values] of cases) {
    const a = mx.nd.array(Typed.from(values), { dtype, shape: [3, 1] });
    assert.equal(a.dtype, dtype);
    assert.deepEqual(a.shape, [3, 1]);
    const v = a.toArray();
    assert.ok(v instanceof Typed, `${dtype} reads as ${v.constructor.name}`);
    assert.deepEqual(Array.from(v), values);
  }
  const big = mx.nd.array(BigInt64Array.from([1n, -(2n ** 62n)]), { dtype: 'int64' });
  assert.deepEqual(Array.from(big.toArray()), [1n, -(2n ** 62n)]);
  assert.equal(mx.nd.array([3], { dtype: 'int64' }).asScalar(), 3n);
});

test('float16 travels as raw half bits; numbers are converted by the core', () => {
  const h = mx.nd.array([1, -2, 0.5], { dtype: 'float16' });
  assert.equal(h.dtype, 'float16');
  assert.deepEqual(Array.from(h.toArray()), [0x3c00, 0xc000, 0x3800]);
  assert.deepEqual(Array.from(h.astype('float32').toArray()), [1, -2, 0.5]);
  const raw = mx.nd.array(Uint16Array.from([0x3c00]), { dtype: 'float16' });
  assert.equal(raw.astype('float32').asScalar(), 1);
});

test('values match what Python computes (same ops, same bits)', () => {
  const a = mx.nd.ones([10]);
  const b = mx.nd.ones([10]);
  const c = a.add(b).div(10);
  near(c.toArray(), new Array(10).fill(0.2));
  assert.equal(c.toArray()[0], Math.fround(0.2));
  const d = mx.nd.array([[1, 2], [3, 4]]);
  near(mx.nd.dot(d, d).toArray(), [7, 10, 15, 22]);
  near(d.sum({ axis: 1 }).toArray(), [3, 7]);
  near(d.mean().toArray(), [2.5]);
  near(mx.nd.softmax(mx.nd.array([0, Math.log(3)])).toArray(), [0.25, 0.75]);
});

test('arithmetic as methods and functions, with arrays, broadcasting and scalars', () => {
  const a = mx.nd.array([1, 2, 3]);
  const b = mx.nd.array([4, 5, 6]);
  near(a.add(b).toArray(), [5, 7, 9]);
  near(mx.nd.add(a, b).toArray(), [5, 7, 9]);
  near(a.sub(1).toArray(), [0, 1, 2]);
  near(mx.nd.subtract(10, a).toArray(), [9, 8, 7]);
  near(a.rsub(10).toArray(), [9, 8, 7]);
  near(a.mul(2).toArray(), [2, 4, 6]);
  near(mx.nd.multiply(a, b).toArray(), [4, 10, 18]);
  near(b.div(2).toArray(), [2, 2.5, 3]);
  near(a.rdiv(6).toArray(), [6, 3, 2]);
  near(mx.nd.divide(b, a).toArray(), [4, 2.5, 2]);
  near(a.pow(2).toArray(), [1, 4, 9]);
  near(mx.nd.power(2, a).toArray(), [2, 4, 8]);
  near(b.mod(4).toArray(), [0, 1, 2]);
  near(a.neg().toArray(), [-1, -2, -3]);
  near(a.gt(1).toArray(), [0, 1, 1]);
  near(mx.nd.equal(a, mx.nd.array([1, 0, 3])).toArray(), [1, 0, 1]);
  near(mx.nd.maximum(a, 2).toArray(), [2, 2, 3]);
  const col = mx.nd.array([[10], [20]]);
  const row = mx.nd.array([[1, 2, 3]]);
  const s = col.add(row);
  assert.deepEqual(s.shape, [2, 3]);
  near(s.toArray(), [11, 12, 13, 21, 22, 23]);
  near(a.add([1, 1, 1]).toArray(), [2, 3, 4]);
  const x = mx.nd.zeros([3]);
  x.addInPlace(a).mulInPlace(2);
  near(x.toArray(), [2, 4, 6]);
});

test('generated operator functions: positional and named inputs, params, out=, variadic', () => {
  const data = mx.nd.array([[1, 2], [3, 4]]);
  const w = mx.nd.array([[1, 0], [0, 1], [1, 1]]);
  const bias = mx.nd.array([0, 0, 1]);
  const y1 = mx.nd.FullyConnected(data, w, bias, { num_hidden: 3 });
  const y2 = mx.nd.FullyConnected({ data, weight: w, bias, numHidden: 3 }); // camelCase too
  near(y1.toArray(), [1, 2, 4, 3, 4, 8]);
  near(y2.toArray(), y1.toArray());
  const c = mx.nd.Concat(data, data, { dim: 0 });
  assert.deepEqual(c.shape, [4, 2]);
  assert.deepEqual(mx.nd.concat([data, data], { dim: 1 }).shape, [2, 4]);
  const out = mx.nd.zeros([2, 2]);
  const r = mx.nd.relu(mx.nd.array([[-1, 2], [3, -4]]), { out });
  assert.equal(r, out);
  near(out.toArray(), [0, 2, 3, 0]);
  const parts = mx.nd.split(mx.nd.arange(0, 6).reshape([2, 3]), { num_outputs: 3, axis: 1 });
  assert.equal(parts.length, 3);
  near(parts[2].toArray(), [2, 5]);
  assert.equal(typeof mx.nd._internal._plus_scalar, 'function');
  assert.equal(typeof mx.nd.random.uniform, 'function');
});

test('creation functions and random ops honour shape, dtype and seed', () => {
  near(mx.nd.zeros([2, 2], { dtype: 'float64' }).toArray(), [0, 0, 0, 0]);
  assert.equal(mx.nd.zeros(3, { dtype: 'int32' }).dtype, 'int32');
  near(mx.nd.full([2], 7).toArray(), [7, 7]);
  near(mx.nd.arange(0, 5, { step: 2 }).toArray(), [0, 2, 4]);
  assert.deepEqual(mx.nd.empty([4, 5]).shape, [4, 5]);
  mx.random.seed(42);
  const u1 = mx.nd.random.uniform({ low: 0, high: 1, shape: [100] }).toArray();
  mx.random.seed(42);
  const u2 = mx.nd.random.uniform({ low: 0, high: 1, shape: [100] }).toArray();
  assert.deepEqual(u1, u2);
  assert.ok(u1.every((v) => v >= 0 && v < 1));
});

test('views: reshape, slice, at share memory; set copies values in', () => {
  const a = mx.nd.arange(0, 6);
  const m = a.reshape([2, 3]);
  assert.deepEqual(m.shape, [2, 3]);
  assert.deepEqual(a.reshape(3, -1).shape, [3, 2]);
  const row = m.at(1);
  near(row.toArray(), [3, 4, 5]);
  row.set(0);
  near(a.toArray(), [0, 1, 2, 0, 0, 0]);
  const rows = m.slice(0, 1);
  assert.deepEqual(rows.shape, [1, 3]);
  rows.set([[9, 9, 9]]);
  near(a.toArray(), [9, 9, 9, 0, 0, 0]);
  m.set(mx.nd.array([1, 2, 3])); // broadcast like a[:] = b
  near(a.toArray(), [1, 2, 3, 1, 2, 3]);
  m.set(new Float32Array([6, 5, 4, 3, 2, 1]));
  near(a.toArray(), [6, 5, 4, 3, 2, 1]);
  const sl = m.slice({ begin: [0, 1], end: [2, 3] });
  near(sl.toArray(), [5, 4, 2, 1]);
  assert.deepEqual(m.T.shape, [3, 2]);
  assert.equal(a.copy().toArray()[0], 6);
  assert.equal(a.astype('int32').dtype, 'int32');
});

test('dataAsync resolves with the values and does not block the event loop', async () => {
  const a = mx.nd.random.uniform({ shape: [600, 600] });
  let ticks = 0;
  const timer = setInterval(() => { ticks++; }, 0);
  // A chain of large products keeps the engine busy while JS goes on.
  let y = a;
  for (let i = 0; i < 20; i++) y = mx.nd.dot(y, a).div(600);
  const immediate = new Promise((resolve) => setImmediate(() => resolve(ticks)));
  const values = await y.dataAsync();
  clearInterval(timer);
  assert.equal(values.length, 600 * 600);
  assert.deepEqual(values, y.toArray());
  await immediate;
  assert.ok(ticks >= 1, 'the event loop ran while the values were computed');
});

test('toString prints values, shape and context like MXNet', () => {
  const s = String(mx.nd.array([[1, 2], [3, 4]]));
  assert.match(s, /\[\[1\. 2\.\]\n \[3\. 4\.\]\]/);
  assert.match(s, /<NDArray 2x2 @cpu\(0\)>/);
  assert.equal(JSON.stringify({ a: mx.nd.array([[1, 2], [3, 4]]) }), '{"a":[[1,2],[3,4]]}');
  assert.equal(JSON.stringify(mx.nd.array([5], { dtype: 'int64' })), '["5"]');
});

test('save and load: lists and named arrays round-trip bit for bit', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mxlite-js-'));
  try {
    const f = path.join(dir, 'a.params');
    const w = mx.nd.array([[1.5, 2], [3, 4]]);
    const b = mx.nd.array([1, 2, 3], { dtype: 'int32' });
    mx.nd.save(f, { w, b });
    const d = mx.nd.load(f);
    assert.deepEqual(Object.keys(d), ['w', 'b']);
    assert.deepEqual(d.w.toArray(), w.toArray());
    assert.equal(d.b.dtype, 'int32');
    mx.nd.save(f, [w, b]);
    const l = mx.nd.load(f);
    assert.ok(Array.isArray(l));
    assert.deepEqual(l[1].toArray(), b.toArray());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('autograd: record, attachGrad, backward', () => {
  const x = mx.nd.array([1, 2, 3]);
  x.attachGrad();
  const y = mx.autograd.record(() => x.mul(x).sum());
  y.backward();
  near(x.grad.toArray(), [2, 4, 6]);
  assert.equal(mx.autograd.isRecording(), false);
});

test('the tutorial\'s imperative part runs and prints the values Python prints', () => {
  const r = require('child_process').spawnSync(process.execPath,
    [path.join(__dirname, '..', 'examples', 'tutorial_imperative.js')], { encoding: 'utf8', env: process.env });
  assert.equal(r.status, 0, r.stderr);
  assert.equal((r.stdout.match(/0\.20000000298023224/g) || []).length, 10); // float32(0.2), as in Python
  assert.match(r.stdout, /\[2\. 2\. 2\. 2\. 2\. 2\. 2\. 2\. 2\. 2\.\]\n<NDArray 10 @cpu\(0\)>/);
  assert.match(r.stdout, /sum over axis 1: \[ 6, 22, 38 \]/);
});

test('tidy frees the arrays made inside except the result and kept ones', () => {
  const a = mx.nd.ones([3]);
  let inner;
  let kept;
  const out = mx.tidy(() => {
    inner = a.add(1);
    kept = mx.keep(a.mul(3));
    const nested = mx.tidy(() => inner.mul(2)); // survives the inner scope, freed by the outer
    assert.equal(nested.isDisposed, false);
    return { sum: inner.add(nested) };
  });
  assert.equal(inner.isDisposed, true);
  assert.equal(kept.isDisposed, false);
  assert.equal(a.isDisposed, false);
  assert.deepEqual(Array.from(out.sum.toArray()), [6, 6, 6]);
  // Arrays bound into an executor inside tidy stay usable.
  const ex = mx.tidy(() => mx.sym.Variable('x').mul(2).simpleBind({ x: [2] }));
  ex.forward({ x: [1, 2] });
  assert.deepEqual(Array.from(ex.outputs[0].toArray()), [2, 4]);
  assert.throws(() => mx.tidy(async () => 1), /synchronous/);
});

test('many dataAsync at once (more than koffi runs together) all resolve', async () => {
  const arrays = Array.from({ length: 600 }, (_, i) => mx.nd.full([2], i));
  const values = await Promise.all(arrays.map((a) => a.dataAsync()));
  values.forEach((v, i) => assert.deepEqual(Array.from(v), [i, i]));
});
